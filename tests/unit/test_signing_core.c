/*
 * Unit tests of the pure signing core: the signing-order state machine,
 * mode names and English ordinals, driven without a server.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "signing_core.h"

/* As many counterparts as the window function allows: the parties. */
#define NCOUNTERPARTS 250
#define NONE (-1)

/* One row of a partition, in window order. */
typedef struct Row
{
	bool		new_group;		/* not a peer of the row before */
	int			index;			/* counterpart, or NONE for NULL */
} Row;

/* A fresh partition, sized exactly so AddressSanitizer sees any overrun. */
static SigningState *
new_state(int ncounterparts)
{
	SigningState *state = calloc(1, SIGNING_STATE_SIZE(ncounterparts));

	assert_non_null(state);
	return state;
}

/*
 * Steps through rows and checks each result against the expected rank and
 * dense places (0 for a row that must give NULL).
 */
static void
expect_places(const Row *rows, int n, const int *rank, const int *dense)
{
	SigningState *state = new_state(NCOUNTERPARTS);

	for (int i = 0; i < n; i++)
	{
		SigningPlace place = {-1, -1};
		bool		got = signing_step(state, rows[i].new_group, rows[i].index, &place);

		if (rank[i] == 0)
		{
			assert_false(got);
			assert_int_equal(place.rank, -1);	/* untouched */
		}
		else
		{
			assert_true(got);
			assert_int_equal(place.rank, rank[i]);
			assert_int_equal(place.dense, dense[i]);
		}
	}
	assert_int_equal(state->rows, n);
	free(state);
}

enum
{
	GB, DE, FR, DK, IT, CA, AL, BE, PT
};

/* UK 1st; Germany and France both 2nd; Denmark 4th, or 3rd when dense. */
static void
test_ties(void **state)
{
	const Row	rows[] = {
		{true, GB}, {true, DE}, {false, FR}, {true, DK}, {true, IT}, {false, CA}, {true, AL},
	};
	const int	rank[] = {1, 2, 2, 4, 5, 5, 7};
	const int	dense[] = {1, 2, 2, 3, 4, 4, 5};

	(void) state;
	expect_places(rows, 7, rank, dense);
}

/* The order within the day, once known, breaks the ties. */
static void
test_ties_broken_by_order_within_day(void **state)
{
	const Row	rows[] = {
		{true, GB}, {true, DE}, {true, FR}, {true, DK},
	};
	const int	places[] = {1, 2, 3, 4};

	(void) state;
	expect_places(rows, 4, places, places);
}

/* A counterpart that signs again keeps the place of its first signing. */
static void
test_repeats_keep_their_place(void **state)
{
	const Row	rows[] = {
		{true, GB}, {true, AL}, {true, DE}, {true, GB}, {true, FR}, {true, AL}, {true, BE},
	};
	const int	rank[] = {1, 2, 3, 1, 4, 2, 5};

	(void) state;
	expect_places(rows, 7, rank, rank);
}

/* A repeat inside the peer group of the first signing: one place. */
static void
test_repeat_in_same_group(void **state)
{
	const Row	rows[] = {
		{true, GB}, {false, GB}, {false, DE}, {false, GB}, {true, FR}, {false, FR},
	};
	const int	rank[] = {1, 1, 1, 1, 3, 3};
	const int	dense[] = {1, 1, 1, 1, 2, 2};

	(void) state;
	expect_places(rows, 6, rank, dense);
}

/*
 * A repeat that is a peer of a newcomer does not make the newcomer share
 * its old place, whichever of the two comes first in the group.
 */
static void
test_repeat_peer_of_newcomer(void **state)
{
	const Row	repeat_first[] = {
		{true, GB}, {true, DE}, {true, GB}, {false, FR}, {true, DK},
	};
	const Row	newcomer_first[] = {
		{true, GB}, {true, DE}, {true, FR}, {false, GB}, {true, DK},
	};
	const int	rank1[] = {1, 2, 1, 3, 4};
	const int	rank2[] = {1, 2, 3, 1, 4};

	(void) state;
	expect_places(repeat_first, 5, rank1, rank1);
	expect_places(newcomer_first, 5, rank2, rank2);
}

/* A peer group of nothing but repeats takes no place in either mode. */
static void
test_group_of_repeats_only(void **state)
{
	const Row	rows[] = {
		{true, GB}, {true, DE}, {false, FR}, {true, GB}, {false, DE}, {true, DK},
	};
	const int	rank[] = {1, 2, 2, 1, 2, 4};
	const int	dense[] = {1, 2, 2, 1, 2, 3};

	(void) state;
	expect_places(rows, 6, rank, dense);
}

/* NULL counterparts give NULL and take no place, even opening a group. */
static void
test_nulls(void **state)
{
	const Row	rows[] = {
		{true, NONE}, {false, GB}, {true, NONE}, {true, NONE}, {false, DE},
		{false, NONE}, {true, FR}, {true, NONE},
	};
	const int	rank[] = {0, 1, 0, 0, 2, 0, 3, 0};
	const int	only_nulls[] = {0, 0, 0};
	const Row	null_rows[] = {{true, NONE}, {true, NONE}, {false, NONE}};

	(void) state;
	expect_places(rows, 8, rank, rank);
	expect_places(null_rows, 3, only_nulls, only_nulls);
}

/* Without ORDER BY every row is a peer: every counterpart is 1st. */
static void
test_all_peers(void **state)
{
	const Row	rows[] = {
		{false, GB}, {false, DE}, {false, GB}, {false, NONE}, {false, FR}, {false, DK},
	};
	const int	rank[] = {1, 1, 1, 0, 1, 1};

	(void) state;
	expect_places(rows, 6, rank, rank);
}

/* The first row opens a group whatever new_group says. */
static void
test_first_row_opens_group(void **state)
{
	const Row	rows[] = {{false, GB}, {true, DE}};
	const int	rank[] = {1, 2};

	(void) state;
	expect_places(rows, 2, rank, rank);
}

/* Zeroed memory is a fresh partition: places start again from 1. */
static void
test_zeroed_state_is_new_partition(void **state)
{
	SigningState *s = new_state(NCOUNTERPARTS);
	SigningPlace place;

	(void) state;
	assert_true(signing_step(s, true, GB, &place));
	assert_true(signing_step(s, true, DE, &place));
	assert_int_equal(place.rank, 2);
	memset(s, 0, SIGNING_STATE_SIZE(NCOUNTERPARTS));
	assert_true(signing_step(s, true, DE, &place));
	assert_int_equal(place.rank, 1);
	assert_int_equal(place.dense, 1);
	assert_true(signing_step(s, true, GB, &place));
	assert_int_equal(place.rank, 2);
	free(s);
}

/* The first and last counterpart index stay inside places[]. */
static void
test_index_bounds(void **state)
{
	SigningState *s = new_state(NCOUNTERPARTS);
	SigningPlace place;

	(void) state;
	assert_true(signing_step(s, true, NCOUNTERPARTS - 1, &place));
	assert_int_equal(place.rank, 1);
	assert_true(signing_step(s, false, 0, &place));
	assert_int_equal(place.rank, 1);
	assert_true(signing_step(s, true, NCOUNTERPARTS - 1, &place));
	assert_int_equal(place.rank, 1);
	free(s);

	/* One counterpart, many rows. */
	s = new_state(1);
	for (int i = 0; i < 10000; i++)
	{
		assert_true(signing_step(s, i % 3 == 0, 0, &place));
		assert_int_equal(place.rank, 1);
		assert_int_equal(place.dense, 1);
	}
	free(s);
}

static void
test_modes(void **state)
{
	SigningMode mode = SIGNING_DENSE;

	(void) state;
	assert_true(signing_parse_mode("rank", 4, &mode));
	assert_int_equal(mode, SIGNING_RANK);
	assert_true(signing_parse_mode("dense", 5, &mode));
	assert_int_equal(mode, SIGNING_DENSE);
	/* only len bytes are read */
	assert_true(signing_parse_mode("rankings", 4, &mode));
	assert_int_equal(mode, SIGNING_RANK);

	assert_false(signing_parse_mode("", 0, &mode));
	assert_false(signing_parse_mode("x", 1, &mode));
	assert_false(signing_parse_mode("ran", 3, &mode));
	assert_false(signing_parse_mode("ranks", 5, &mode));
	assert_false(signing_parse_mode("Rank", 4, &mode));
	assert_false(signing_parse_mode("DENSE", 5, &mode));
	assert_false(signing_parse_mode(" rank", 5, &mode));
	assert_false(signing_parse_mode("rank\0", 5, &mode));
	assert_false(signing_parse_mode("dense_rank", 10, &mode));
	assert_false(signing_parse_mode("row_number", 10, &mode));
	/* a rejected name leaves the mode as it was */
	assert_int_equal(mode, SIGNING_RANK);
}

static void
expect_ordinal(int32_t n, const char *expected)
{
	char		out[ORDINAL_MAX_LEN + 8];
	size_t		len;

	memset(out, 'Z', sizeof(out));
	len = ordinal_format(n, out);
	assert_string_equal(out, expected);
	assert_int_equal(len, strlen(expected));
	assert_true(len < ORDINAL_MAX_LEN);
	/* nothing is written past the terminating NUL */
	assert_int_equal(out[len + 1], 'Z');
}

static void
test_ordinals(void **state)
{
	(void) state;
	expect_ordinal(1, "1st");
	expect_ordinal(2, "2nd");
	expect_ordinal(3, "3rd");
	expect_ordinal(4, "4th");
	expect_ordinal(10, "10th");
	expect_ordinal(11, "11th");
	expect_ordinal(12, "12th");
	expect_ordinal(13, "13th");
	expect_ordinal(14, "14th");
	expect_ordinal(20, "20th");
	expect_ordinal(21, "21st");
	expect_ordinal(22, "22nd");
	expect_ordinal(23, "23rd");
	expect_ordinal(27, "27th");
	expect_ordinal(100, "100th");
	expect_ordinal(101, "101st");
	expect_ordinal(102, "102nd");
	expect_ordinal(103, "103rd");
	expect_ordinal(111, "111th");
	expect_ordinal(112, "112th");
	expect_ordinal(113, "113th");
	expect_ordinal(1001, "1001st");
	expect_ordinal(1011, "1011th");
	expect_ordinal(0, "0th");
	expect_ordinal(-1, "-1st");
	expect_ordinal(-2, "-2nd");
	expect_ordinal(-3, "-3rd");
	expect_ordinal(-4, "-4th");
	expect_ordinal(-11, "-11th");
	expect_ordinal(-12, "-12th");
	expect_ordinal(-13, "-13th");
	expect_ordinal(-21, "-21st");
	expect_ordinal(-111, "-111th");
	expect_ordinal(INT32_MAX, "2147483647th");
	expect_ordinal(INT32_MAX - 5, "2147483642nd");
	expect_ordinal(INT32_MIN, "-2147483648th");
	expect_ordinal(INT32_MIN + 7, "-2147483641st");
	expect_ordinal(INT32_MIN + 5, "-2147483643rd");
}

/* Every ordinal's digits are the number, and its suffix follows the rule. */
static void
test_ordinals_against_printf(void **state)
{
	(void) state;
	for (int64_t n = -100000; n <= 100000; n++)
	{
		int32_t		values[3] = {(int32_t) n, (int32_t) (INT32_MAX - (n + 100000)),
		(int32_t) (INT32_MIN + (n + 100000))};

		for (int k = 0; k < 3; k++)
		{
			char		out[ORDINAL_MAX_LEN];
			char		digits[16];
			int64_t		v = values[k];
			int64_t		a = v < 0 ? -v : v;
			const char *suffix = (a % 100 >= 11 && a % 100 <= 13) ? "th" :
				a % 10 == 1 ? "st" : a % 10 == 2 ? "nd" : a % 10 == 3 ? "rd" : "th";
			size_t		dlen = (size_t) snprintf(digits, sizeof(digits), "%lld", (long long) v);
			size_t		len = ordinal_format(values[k], out);

			assert_int_equal(len, dlen + 2);
			assert_memory_equal(out, digits, dlen);
			assert_string_equal(out + dlen, suffix);
		}
	}
}

/*
 * The reference: for each row, find its counterpart's first row; the place
 * is 1 + the number of distinct counterparts (rank) or of distinct groups
 * (dense) whose first rows lie in an earlier peer group.  O(n^2) and more,
 * written from the definition and sharing nothing with the state machine.
 */
static void
naive_places(const Row *rows, int n, int *rank, int *dense)
{
	int		   *group = malloc(sizeof(int) * (n > 0 ? n : 1));
	int		   *first = malloc(sizeof(int) * (n > 0 ? n : 1));

	assert_non_null(group);
	assert_non_null(first);
	for (int i = 0; i < n; i++)
		group[i] = i == 0 ? 0 : group[i - 1] + (rows[i].new_group ? 1 : 0);

	/* first[i]: the first row of row i's counterpart */
	for (int i = 0; i < n; i++)
	{
		first[i] = -1;
		for (int j = 0; j <= i && rows[i].index != NONE; j++)
			if (rows[j].index == rows[i].index)
			{
				first[i] = j;
				break;
			}
	}

	for (int i = 0; i < n; i++)
	{
		int			g = first[i] < 0 ? -1 : group[first[i]];
		int			r = 1;
		int			d = 1;

		if (g < 0)
		{
			rank[i] = dense[i] = 0;
			continue;
		}
		/* distinct counterparts first seen before group g */
		for (int j = 0; j < n; j++)
			if (first[j] == j && group[j] < g)
				r++;
		/* distinct earlier groups holding some counterpart's first row */
		for (int h = 0; h < g; h++)
		{
			for (int j = 0; j < n; j++)
				if (first[j] == j && group[j] == h)
				{
					d++;
					break;
				}
		}
		rank[i] = r;
		dense[i] = d;
	}
	free(group);
	free(first);
}

#include "test_rng.h"

static void
test_random_against_naive(void **state)
{
	enum
	{
		TRIALS = 3000, MAX_ROWS = 300
	};
	Row			rows[MAX_ROWS];
	int			rank[MAX_ROWS];
	int			dense[MAX_ROWS];
	long		compared = 0;

	(void) state;
	for (int t = 0; t < TRIALS; t++)
	{
		int			n = (int) rng(MAX_ROWS + 1);
		/* few counterparts make repeats, many make newcomers */
		int			k = 1 + (int) rng(t % 2 ? 8 : NCOUNTERPARTS);
		/* some partitions all peers, some no ties, most in between */
		int			tie_percent = t % 7 == 0 ? 100 : t % 5 == 0 ? 0 : (int) rng(90);
		int			null_percent = t % 3 == 0 ? 0 : (int) rng(30);
		SigningState *s = new_state(NCOUNTERPARTS);

		for (int i = 0; i < n; i++)
		{
			rows[i].new_group = (int) rng(100) >= tie_percent;
			rows[i].index = (int) rng(100) < null_percent ? NONE :
				(t % 4 == 0 ? (int) (NCOUNTERPARTS - 1 - rng((uint32_t) k)) : (int) rng((uint32_t) k));
		}
		naive_places(rows, n, rank, dense);

		for (int i = 0; i < n; i++)
		{
			SigningPlace place = {0, 0};
			bool		got = signing_step(s, rows[i].new_group, rows[i].index, &place);

			if (got != (rank[i] != 0) || (got && (place.rank != rank[i] ||
												  place.dense != dense[i])))
				fail_msg("trial %d row %d: got %s %d/%d, expected %d/%d", t, i,
						 got ? "place" : "NULL", place.rank, place.dense,
						 rank[i], dense[i]);
			compared++;
		}
		free(s);
	}
	/* the trials did compare rows, not only empty partitions */
	assert_true(compared > (long) TRIALS * MAX_ROWS / 4);
}

/* First signings: the earliest day, then a known order before an unknown one, then the lower id */
static void
test_first_signing_offer(void **state)
{
	FirstSigning first;
	Signing		s;

	(void) state;
	memset(&first, 0, sizeof(first));
	s = (Signing) {100, SIGNING_ORDER_UNKNOWN, 7, 0};
	assert_true(first_signing_offer(&first, &s));
	/* the same signing again, a later day, a higher id: no change */
	assert_false(first_signing_offer(&first, &s));
	s = (Signing) {101, 1, 1, 0};
	assert_false(first_signing_offer(&first, &s));
	s = (Signing) {100, SIGNING_ORDER_UNKNOWN, 8, 0};
	assert_false(first_signing_offer(&first, &s));
	/* a lower id on the same day and order stands for it */
	s = (Signing) {100, SIGNING_ORDER_UNKNOWN, 6, 0};
	assert_true(first_signing_offer(&first, &s));
	/* a known order comes before an unknown one, whatever the id */
	s = (Signing) {100, 2, 99, 0};
	assert_true(first_signing_offer(&first, &s));
	s = (Signing) {100, 3, 1, 0};
	assert_false(first_signing_offer(&first, &s));
	s = (Signing) {100, 1, 1000, 0};
	assert_true(first_signing_offer(&first, &s));
	/* an earlier day beats all, negative days included */
	s = (Signing) {-5, SIGNING_ORDER_UNKNOWN, 1, 0};
	assert_true(first_signing_offer(&first, &s));
	assert_int_equal(first.signing.day, -5);
	assert_int_equal(first.signing.order, SIGNING_ORDER_UNKNOWN);
	assert_int_equal(first.signing.id, 1);
}

/* Ranks: ties share a place and the next skips; order within the day breaks ties, unknown last */
static void
test_signing_order_rank(void **state)
{
	SigningOrderRow rows[] = {
		{.index = 9, .day = 20, .order = SIGNING_ORDER_UNKNOWN},
		{.index = 3, .day = 10, .order = SIGNING_ORDER_UNKNOWN},
		{.index = 1, .day = 20, .order = SIGNING_ORDER_UNKNOWN},
		{.index = 5, .day = 20, .order = 1},
		{.index = 2, .day = 30, .order = 2},
		{.index = 4, .day = 30, .order = 1},
		{.index = 8, .day = 20, .order = SIGNING_ORDER_UNKNOWN},
	};
	const int	index[] = {3, 5, 1, 8, 9, 4, 2};
	const int	position[] = {1, 2, 3, 3, 3, 6, 7};
	const bool	shared[] = {false, false, true, true, true, false, false};

	(void) state;
	signing_order_rank(rows, 7);
	for (int i = 0; i < 7; i++)
	{
		assert_int_equal(rows[i].index, index[i]);
		assert_int_equal(rows[i].position, position[i]);
		assert_int_equal(rows[i].shared, shared[i]);
	}
	signing_order_rank(rows, 0);	/* nothing to do, nothing touched */
}

static int
compare_signings(const void *a, const void *b)
{
	const Signing *x = a;
	const Signing *y = b;

	return signing_precedes(x, y) ? -1 : signing_precedes(y, x) ? 1 : 0;
}

/*
 * The registry's way (first signing per counterpart, then ranks) agrees with
 * the window function's (every row in signing order through signing_step).
 */
static void
test_first_signings_agree_with_window(void **state)
{
	enum
	{
		TRIALS = 2000, MAX_ROWS = 400
	};
	Signing		rows[MAX_ROWS];
	int			who[MAX_ROWS];
	FirstSigning firsts[NCOUNTERPARTS];
	SigningOrderRow order[NCOUNTERPARTS];

	(void) state;
	for (int t = 0; t < TRIALS; t++)
	{
		int			n = 1 + (int) rng(MAX_ROWS);
		int			k = 1 + (int) rng(t % 2 ? 10 : NCOUNTERPARTS);
		int			days = 1 + (int) rng(t % 3 ? 20 : 400);
		int			m = 0;
		SigningState *s = new_state(NCOUNTERPARTS);

		memset(firsts, 0, sizeof(firsts));
		for (int i = 0; i < n; i++)
		{
			/* the counterpart rides in the id's low bits, so sorting keeps it */
			who[i] = (int) rng((uint32_t) k);
			rows[i].day = (int32_t) rng((uint32_t) days);
			rows[i].order = rng(4) == 0 ? (int32_t) (1 + rng(3)) : SIGNING_ORDER_UNKNOWN;
			rows[i].id = (int64_t) i * 1000 + who[i];
			first_signing_offer(&firsts[who[i]], &rows[i]);
		}
		for (int c = 0; c < NCOUNTERPARTS; c++)
			if (firsts[c].seen)
				order[m++] = (SigningOrderRow) {.index = c, .day = firsts[c].signing.day,
												.order = firsts[c].signing.order};
		signing_order_rank(order, m);

		qsort(rows, (size_t) n, sizeof(Signing), compare_signings);
		for (int i = 0; i < n; i++)
		{
			SigningPlace place = {0, 0};
			int			c = (int) (rows[i].id % 1000);
			bool		new_group = i == 0 || rows[i].day != rows[i - 1].day ||
				rows[i].order != rows[i - 1].order;

			assert_true(signing_step(s, new_group, c, &place));
			for (int j = 0; j < m; j++)
				if (order[j].index == c && order[j].position != place.rank)
					fail_msg("trial %d: counterpart %d at %d, the window says %d",
							 t, c, order[j].position, place.rank);
		}
		free(s);
	}
}

/*
 * Spans of days (partial dates): a row is known before another only when
 * its last day is before the other's first, or on one single day by a lower
 * known order; position is 1 + the rows known before, shared says some row
 * is neither known before nor after.
 */
static void
test_signing_order_rank_spans(void **state)
{
	SigningOrderRow rows[] = {
		{.index = 1, .day = 60, .order = SIGNING_ORDER_UNKNOWN},	/* BE: a day */
		{.index = 2, .day = 151, .order = SIGNING_ORDER_UNKNOWN, .span = 29},	/* FR: June */
		{.index = 3, .day = 165, .order = 2},	/* DE */
		{.index = 4, .day = 0, .order = SIGNING_ORDER_UNKNOWN, .span = 364},	/* PL: the year */
		{.index = 5, .day = 400, .order = SIGNING_ORDER_UNKNOWN},	/* IT: next year */
		{.index = 6, .day = 165, .order = 1},	/* ES: same day as DE, before it */
		{.index = 7, .day = 170, .order = SIGNING_ORDER_UNKNOWN},	/* NL */
	};
	const int	index[] = {4, 1, 2, 6, 3, 7, 5};
	const int	position[] = {1, 1, 2, 2, 3, 4, 7};
	const bool	shared[] = {true, true, true, true, true, true, false};

	(void) state;
	signing_order_rank(rows, 7);
	for (int i = 0; i < 7; i++)
	{
		assert_int_equal(rows[i].index, index[i]);
		assert_int_equal(rows[i].position, position[i]);
		assert_int_equal(rows[i].shared, shared[i]);
	}
}

/* The earliest of several signings lies up to the earliest last day. */
static void
test_first_signing_spans(void **state)
{
	FirstSigning first;
	Signing		s;
	SigningOrderRow row;

	(void) state;
	memset(&first, 0, sizeof(first));
	s = (Signing) {100, SIGNING_ORDER_UNKNOWN, 1, 29};	/* a month */
	assert_true(first_signing_offer(&first, &s));
	s = (Signing) {109, 1, 2, 0};	/* a day in it, with an order */
	assert_false(first_signing_offer(&first, &s));
	row = signing_order_row(7, &first);
	assert_int_equal(row.day, 100);
	assert_int_equal(row.span, 9);
	assert_int_equal(row.order, SIGNING_ORDER_UNKNOWN);
	/* the same day known to the day stands for it, with its order */
	s = (Signing) {100, 3, 3, 0};
	assert_true(first_signing_offer(&first, &s));
	row = signing_order_row(7, &first);
	assert_int_equal(row.span, 0);
	assert_int_equal(row.order, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ties),
		cmocka_unit_test(test_signing_order_rank_spans),
		cmocka_unit_test(test_first_signing_spans),
		cmocka_unit_test(test_ties_broken_by_order_within_day),
		cmocka_unit_test(test_repeats_keep_their_place),
		cmocka_unit_test(test_repeat_in_same_group),
		cmocka_unit_test(test_repeat_peer_of_newcomer),
		cmocka_unit_test(test_group_of_repeats_only),
		cmocka_unit_test(test_nulls),
		cmocka_unit_test(test_all_peers),
		cmocka_unit_test(test_first_row_opens_group),
		cmocka_unit_test(test_zeroed_state_is_new_partition),
		cmocka_unit_test(test_index_bounds),
		cmocka_unit_test(test_modes),
		cmocka_unit_test(test_ordinals),
		cmocka_unit_test(test_ordinals_against_printf),
		cmocka_unit_test(test_random_against_naive),
		cmocka_unit_test(test_first_signing_offer),
		cmocka_unit_test(test_signing_order_rank),
		cmocka_unit_test(test_first_signings_agree_with_window),
	};

	return cmocka_run_group_tests_name("signing_core", tests, NULL, NULL);
}
