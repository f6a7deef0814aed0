/*
 * signing_core.c: signing order and English ordinals, in pure C.
 *
 * The signing order is one pass over the rows of a partition in window
 * order, O(1) per row: a counterpart's places are fixed when it first
 * appears, and a newcomer's place depends only on how many counterparts and
 * how many place-giving peer groups came before its group.
 */
#include "signing_core.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool
signing_step(SigningState *state, bool new_group, int index,
			 SigningPlace *place)
{
	SigningPlace *p;

	/*
	 * A group's newcomers share the place after every counterpart seen
	 * before the group began, whatever their order within the group: that
	 * makes the result independent of how the executor orders peers.
	 */
	if (state->rows == 0 || new_group)
	{
		state->group_rank = state->distinct + 1;
		state->group_dense = state->dense_groups + 1;
		state->group_has_newcomer = false;
	}
	state->rows++;

	if (index < 0)
		return false;

	p = &state->places[index];
	if (p->rank == 0)
	{
		p->rank = state->group_rank;
		p->dense = state->group_dense;
		state->distinct++;
		/* A group of nothing but repeats takes no dense place. */
		if (!state->group_has_newcomer)
		{
			state->group_has_newcomer = true;
			state->dense_groups++;
		}
	}
	*place = *p;
	return true;
}

static int
compare_last(const void *a, const void *b)
{
	const SigningOrderRow *x = a;
	const SigningOrderRow *y = b;

	int64_t		xl = (int64_t) x->day + x->span;
	int64_t		yl = (int64_t) y->day + y->span;

	return xl < yl ? -1 : xl > yl ? 1 : 0;
}

static int
compare_day(const void *a, const void *b)
{
	const SigningOrderRow *x = a;
	const SigningOrderRow *y = b;

	return x->day < y->day ? -1 : x->day > y->day ? 1 : 0;
}

/* day, span, order, index: single-day rows of a day first, by order */
static int
compare_span(const void *a, const void *b)
{
	const SigningOrderRow *x = a;
	const SigningOrderRow *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->span != y->span)
		return x->span < y->span ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	return 0;
}

static int
compare_position(const void *a, const void *b)
{
	const SigningOrderRow *x = a;
	const SigningOrderRow *y = b;

	if (x->position != y->position)
		return x->position < y->position ? -1 : 1;
	return compare_span(a, b);
}

/*
 * Sorts rows by cmp.  Most calls rank a multilateral agreement's few
 * members, four sorts each, and for a few rows qsort()'s set-up costs more
 * than the sort: accession_orders() spent a twentieth of its time there.
 */
#define FEW_ROWS 16

static inline void
sort_rows(SigningOrderRow *rows, int n, int (*cmp) (const void *, const void *))
{
	if (n > FEW_ROWS)
	{
		qsort(rows, (size_t) n, sizeof(SigningOrderRow), cmp);
		return;
	}
	for (int i = 1; i < n; i++)
	{
		SigningOrderRow row = rows[i];
		int			j = i;

		while (j > 0 && cmp(&rows[j - 1], &row) > 0)
		{
			rows[j] = rows[j - 1];
			j--;
		}
		rows[j] = row;
	}
}

/* The number of rows[0..n), sorted by last, whose last is below day. */
static int
count_last_below(const SigningOrderRow *rows, int n, int32_t day)
{
	int			lo = 0,
				hi = n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if ((int64_t) rows[mid].day + rows[mid].span < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The number of rows[0..n), sorted by day, whose day is above last. */
static int
count_day_above(const SigningOrderRow *rows, int n, int64_t last)
{
	int			lo = 0,
				hi = n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (rows[mid].day <= last)
			lo = mid + 1;
		else
			hi = mid;
	}
	return n - lo;
}

/*
 * Counting rather than comparing every pair: O(n log n) for a hub's few
 * hundred counterparts, so signing_orders() ranks every hub quickly.  Each
 * count is taken while the rows are sorted by the bound it needs; a row's
 * own bounds travel with it through the sorts.
 */
void
signing_order_rank(SigningOrderRow *rows, int n)
{
	int			run;

	if (n <= 0)
		return;

	/* rows whose last day is before the row's first: known before it */
	sort_rows(rows, n, compare_last);
	for (int i = 0; i < n; i++)
		rows[i].position = count_last_below(rows, n, rows[i].day);
	/* rows whose first day is after the row's last: known after it */
	sort_rows(rows, n, compare_day);
	for (int i = 0; i < n; i++)
		rows[i].later = count_day_above(rows, n, (int64_t) rows[i].day + rows[i].span);

	/*
	 * Rows of one single day, by their order within it: the known orders
	 * below a row's come before it, those above after it.
	 */
	sort_rows(rows, n, compare_span);
	for (int i = 0; i < n; i = run)
	{
		run = i + 1;
		if (rows[i].span != 0)
			continue;
		while (run < n && rows[run].day == rows[i].day && rows[run].span == 0)
			run++;
		for (int k = i; k < run; k++)
		{
			int			lower = k,
						higher = k;

			while (lower > i && rows[lower - 1].order == rows[k].order)
				lower--;
			while (higher + 1 < run && rows[higher + 1].order == rows[k].order)
				higher++;
			/* ties of equal order are few: the scans stay short */
			rows[k].position += lower - i;
			rows[k].later += run - 1 - higher;
		}
	}

	for (int i = 0; i < n; i++)
	{
		rows[i].shared = n - 1 - rows[i].position - rows[i].later > 0;
		rows[i].position += 1;
	}
	sort_rows(rows, n, compare_position);
}

bool
signing_parse_mode(const char *s, size_t len, SigningMode *out)
{
	if (len == 4 && memcmp(s, "rank", 4) == 0)
		*out = SIGNING_RANK;
	else if (len == 5 && memcmp(s, "dense", 5) == 0)
		*out = SIGNING_DENSE;
	else
		return false;
	return true;
}

size_t
ordinal_format(int32_t n, char *out)
{
	uint32_t	magnitude = n < 0 ? 0u - (uint32_t) n : (uint32_t) n;
	const char *suffix;
	size_t		len;

	if (magnitude % 100 >= 11 && magnitude % 100 <= 13)
		suffix = "th";			/* 11th, 12th, 13th, 111th */
	else if (magnitude % 10 == 1)
		suffix = "st";
	else if (magnitude % 10 == 2)
		suffix = "nd";
	else if (magnitude % 10 == 3)
		suffix = "rd";
	else
		suffix = "th";

	len = (size_t) snprintf(out, ORDINAL_MAX_LEN, "%" PRId32 "%s", n, suffix);
	return len;
}
