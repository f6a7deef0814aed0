/*
 * Unit tests of the pure dyad core: parsing in every spelling and with every
 * separator, canonical order, formatting, validation of stored values, and
 * each kind of malformed input with the side that was wrong.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dyad_core.h"

#define BE PARTY_CODE('B', 'E')
#define UA PARTY_CODE('U', 'A')
#define US PARTY_CODE('U', 'S')
#define BE_UA DYAD_CODE(BE, UA)

static DyadParseStatus
parse(const char *s, DyadCode *out, DyadParseError *err)
{
	return dyad_parse(s, strlen(s), out, err);
}

static DyadCode
dyad_of(const char *s)
{
	DyadCode	dyad = 0;
	DyadParseError err;

	assert_int_equal(parse(s, &dyad, &err), DYAD_PARSE_OK);
	return dyad;
}

static PartyCode
row_code(int row)
{
	return party_table[row].code;
}

/* Parses s, expecting it to fail with status; *out must stay untouched. */
static DyadParseError
expect_status(const char *s, DyadParseStatus expected)
{
	DyadCode	dyad = 0xDEADBEEF;
	DyadParseError err;

	assert_int_equal(parse(s, &dyad, &err), expected);
	assert_int_equal(dyad, 0xDEADBEEF);
	return err;
}

/* Expects side `side` of s to be wrong for `why`, at s[offset, offset + len). */
static void
expect_bad_side(const char *s, int side, PartyParseStatus why,
				size_t offset, size_t len)
{
	DyadParseError err = expect_status(s, DYAD_PARSE_BAD_PARTY);

	if (err.side != side || err.party_status != why || err.offset != offset ||
		err.len != len)
		print_message("input \"%s\": side %d, status %d, at %zu, %zu bytes\n",
					  s, err.side, (int) err.party_status, err.offset, err.len);
	assert_int_equal(err.side, side);
	assert_int_equal(err.party_status, why);
	assert_int_equal(err.offset, offset);
	assert_int_equal(err.len, len);
}

static void
test_examples(void **state)
{
	char		out[DYAD_FORMAT_SIZE];

	(void) state;
	assert_int_equal(dyad_of("UA-BE"), BE_UA);
	assert_int_equal(dyad_of("BE-UA"), BE_UA);
	assert_int_equal(dyad_of("ukr:bel"), BE_UA);
	assert_int_equal(dyad_of("804/056"), BE_UA);
	assert_int_equal(dyad_of("UA - BE"), BE_UA);
	assert_int_equal(dyad_of("UA BE"), BE_UA);
	assert_int_equal(dyad_of(" \tua\n\nbe\r "), BE_UA);
	assert_int_equal(dyad_of("56:UKR"), BE_UA);
	assert_int_equal(dyad_of("  UA  /  bel  "), BE_UA);
	dyad_format(BE_UA, out);
	assert_string_equal(out, "BE-UA");
	/* the EU takes part like any party, as a code */
	assert_int_equal(dyad_of("EU-UA"), DYAD_CODE(PARTY_CODE('E', 'U'), UA));
	/* err may be NULL */
	assert_int_equal(dyad_parse("UA-BE", 5, &(DyadCode) {0}, NULL), DYAD_PARSE_OK);
	assert_int_equal(dyad_parse("UA-UA", 5, &(DyadCode) {0}, NULL), DYAD_PARSE_SAME_PARTY);
}

/* Every spelling of each side, with every separator, in both orders. */
static void
test_every_separator_and_spelling(void **state)
{
	const char *be[] = {"BE", "be", "Be", "BEL", "bel", "bEl", "056", "56"};
	const char *ua[] = {"UA", "ua", "UKR", "ukr", "804"};
	const char *seps[] = {"-", ":", "/", " ", "\t", "\n", " - ", "\t:\t", "  /", "-  ", "\r\n", " \f\v "};
	char		buf[64];
	int			n = 0;

	(void) state;
	for (size_t i = 0; i < sizeof(be) / sizeof(be[0]); i++)
		for (size_t j = 0; j < sizeof(ua) / sizeof(ua[0]); j++)
			for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++)
			{
				snprintf(buf, sizeof(buf), "%s%s%s", be[i], seps[k], ua[j]);
				assert_int_equal(dyad_of(buf), BE_UA);
				snprintf(buf, sizeof(buf), "%s%s%s", ua[j], seps[k], be[i]);
				assert_int_equal(dyad_of(buf), BE_UA);
				snprintf(buf, sizeof(buf), " \t%s%s%s\n ", ua[j], seps[k], be[i]);
				assert_int_equal(dyad_of(buf), BE_UA);
				n += 3;
			}
	assert_int_equal(n, 8 * 5 * 12 * 3);
}

/*
 * Every pair of known parties: both orders make one value, in canonical
 * order, which formats as the two alpha-2 codes and parses back from every
 * spelling; and the values increase with (lower, higher).
 */
static void
test_every_pair_round_trips(void **state)
{
	int			pairs = 0;
	DyadCode	previous = 0;

	(void) state;
	for (int i = 0; i < party_table_len; i++)
		for (int j = i + 1; j < party_table_len; j++)
		{
			const PartyInfo *p = &party_table[i];
			const PartyInfo *q = &party_table[j];
			PartyCode	a = row_code(i);
			PartyCode	b = row_code(j);
			DyadCode	ab = 0;
			DyadCode	ba = 0;
			char		out[DYAD_FORMAT_SIZE];
			char		expected[DYAD_FORMAT_SIZE];
			char		buf[32];

			assert_true(dyad_make(a, b, &ab));
			assert_true(dyad_make(b, a, &ba));
			assert_int_equal(ab, ba);
			assert_int_equal(DYAD_FIRST(ab), a);
			assert_int_equal(DYAD_SECOND(ab), b);
			assert_true(ab > previous);
			assert_true(ab < 0x80000000u);
			assert_true(dyad_is_valid(ab));
			previous = ab;

			dyad_format(ab, out);
			snprintf(expected, sizeof(expected), "%s-%s", p->text, q->text);
			assert_string_equal(out, expected);
			assert_int_equal(dyad_of(out), ab);
			snprintf(buf, sizeof(buf), "%s:%s", q->text, p->text);
			assert_int_equal(dyad_of(buf), ab);
			/* former codes of former states may be ambiguous (CS, 891) */
			if (p->alpha3 && q->alpha3 && !p->former && !q->former)
			{
				snprintf(buf, sizeof(buf), "%s / %s", q->alpha3, p->alpha3);
				assert_int_equal(dyad_of(buf), ab);
			}
			if (p->numeric >= 0 && q->numeric >= 0 && !p->former && !q->former)
			{
				snprintf(buf, sizeof(buf), "%03d %d", p->numeric, q->numeric);
				assert_int_equal(dyad_of(buf), ab);
			}

			assert_true(dyad_contains(ab, a));
			assert_true(dyad_contains(ab, b));
			pairs++;
		}
	assert_int_equal(pairs, party_table_len * (party_table_len - 1) / 2);
}

/* A stored value is valid exactly when text input could have produced it. */
static void
test_is_valid_is_exact(void **state)
{
	const uint32_t invalid[] = {
		0, 0xFFFFFFFF, 0x80000000, DYAD_CODE(UA, BE), DYAD_CODE(BE, BE),
		DYAD_CODE(PARTY_CODE('X', 'X'), UA), DYAD_CODE(BE, PARTY_CODE('X', 'X')),
		DYAD_CODE(PARTY_CODE('U', 'K'), US), DYAD_CODE(PARTY_CODE('b', 'e'), UA),
		DYAD_CODE(0, UA), DYAD_CODE(BE, 0), BE, UA,
	};
	int			valid = 0;

	(void) state;
	for (size_t i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++)
		assert_false(dyad_is_valid(invalid[i]));
	assert_true(dyad_is_valid(BE_UA));

	/* every combination of known codes, the same twice and swapped included */
	for (int i = 0; i < party_table_len; i++)
		for (int j = 0; j < party_table_len; j++)
		{
			bool		ok = dyad_is_valid(DYAD_CODE(row_code(i), row_code(j)));

			assert_int_equal(ok, i < j);
			valid += ok;
		}
	assert_int_equal(valid, party_table_len * (party_table_len - 1) / 2);

	/* all 65536 halves beside a known party: only known codes pass */
	for (uint32_t h = 0; h <= 0xFFFF; h++)
	{
		PartyCode	code = (PartyCode) h;

		assert_int_equal(dyad_is_valid(DYAD_CODE(code, PARTY_CODE('Z', 'W'))),
						 party_is_known(code) && code < PARTY_CODE('Z', 'W'));
		assert_int_equal(dyad_is_valid(DYAD_CODE(PARTY_CODE('A', 'D'), code)),
						 party_is_known(code) && code > PARTY_CODE('A', 'D'));
	}
}

static void
test_make_and_relations(void **state)
{
	DyadCode	dyad = 0xDEADBEEF;
	DyadCode	be_us = 0;
	DyadCode	ad_zw = 0;
	PartyCode	other = 0;

	(void) state;
	assert_false(dyad_make(UA, UA, &dyad));
	assert_int_equal(dyad, 0xDEADBEEF);
	assert_true(dyad_make(UA, BE, &dyad));
	assert_int_equal(dyad, BE_UA);
	assert_true(dyad_make(BE, US, &be_us));
	assert_true(dyad_make(PARTY_CODE('Z', 'W'), PARTY_CODE('A', 'D'), &ad_zw));

	assert_true(dyad_contains(BE_UA, UA));
	assert_true(dyad_contains(BE_UA, BE));
	assert_false(dyad_contains(BE_UA, US));

	assert_true(dyad_overlaps(BE_UA, be_us));
	assert_true(dyad_overlaps(be_us, BE_UA));
	assert_true(dyad_overlaps(BE_UA, BE_UA));
	assert_false(dyad_overlaps(BE_UA, ad_zw));
	assert_true(dyad_overlaps(BE_UA, DYAD_CODE(PARTY_CODE('A', 'D'), UA)));

	assert_true(dyad_counterpart(BE_UA, UA, &other));
	assert_int_equal(other, BE);
	assert_true(dyad_counterpart(BE_UA, BE, &other));
	assert_int_equal(other, UA);
	other = 0;
	assert_false(dyad_counterpart(BE_UA, US, &other));
	assert_int_equal(other, 0);
}

static void
test_malformed(void **state)
{
	DyadParseError err;

	(void) state;
	expect_status("", DYAD_PARSE_EMPTY);
	expect_status(" \t\n\r\f\v ", DYAD_PARSE_EMPTY);

	/* a side missing */
	expect_bad_side("BE-", 2, PARTY_PARSE_EMPTY, 3, 0);
	expect_bad_side("BE - ", 2, PARTY_PARSE_EMPTY, 4, 0);
	expect_bad_side("-UA", 1, PARTY_PARSE_EMPTY, 0, 0);
	expect_bad_side(" : UA", 1, PARTY_PARSE_EMPTY, 1, 0);
	expect_bad_side("/", 1, PARTY_PARSE_EMPTY, 0, 0);

	/* a side that is not a known code, and where it is */
	expect_bad_side("XX-UA", 1, PARTY_PARSE_UNKNOWN_ALPHA2, 0, 2);
	expect_bad_side("UA-XX", 2, PARTY_PARSE_UNKNOWN_ALPHA2, 3, 2);
	expect_bad_side("UA - XXX", 2, PARTY_PARSE_UNKNOWN_ALPHA3, 5, 3);
	expect_bad_side("UK BE", 1, PARTY_PARSE_UNKNOWN_ALPHA2, 0, 2);
	expect_bad_side("999:BE", 1, PARTY_PARSE_UNKNOWN_NUMERIC, 0, 3);
	expect_bad_side("BE:000", 2, PARTY_PARSE_UNKNOWN_NUMERIC, 3, 3);
	expect_bad_side("0056/UA", 1, PARTY_PARSE_BAD_NUMERIC, 0, 4);
	expect_bad_side("+56 UA", 1, PARTY_PARSE_BAD_NUMERIC, 0, 3);
	expect_bad_side("UA-1000", 2, PARTY_PARSE_BAD_NUMERIC, 3, 4);
	expect_bad_side("B-UA", 1, PARTY_PARSE_UNKNOWN_NAME, 0, 1);
	expect_bad_side("BE-U", 2, PARTY_PARSE_UNKNOWN_NAME, 3, 1);
	expect_bad_side("BE-UA5", 2, PARTY_PARSE_UNKNOWN_NAME, 3, 3);
	expect_bad_side("BE-UA US", 2, PARTY_PARSE_UNKNOWN_NAME, 3, 5);
	expect_bad_side("B E-UA", 1, PARTY_PARSE_UNKNOWN_NAME, 0, 3);

	/* names are the constructor's business, not text input's */
	expect_bad_side("Ukraine-Belgium", 1, PARTY_PARSE_UNKNOWN_NAME, 0, 7);
	expect_bad_side("UA - Belgium", 2, PARTY_PARSE_UNKNOWN_NAME, 5, 7);
	expect_bad_side("United Kingdom/UA", 1, PARTY_PARSE_UNKNOWN_NAME, 0, 14);

	/* non-ASCII is never a code */
	expect_bad_side("Бельгія-UA", 1, PARTY_PARSE_UNKNOWN_NAME, 0, strlen("Бельгія"));
	expect_bad_side("BE-ÜA", 2, PARTY_PARSE_UNKNOWN_NAME, 3, strlen("ÜA"));
	expect_bad_side("BE-\xC3", 2, PARTY_PARSE_UNKNOWN_NAME, 3, 1);	/* truncated UTF-8 */
	err = expect_status("BE–UA", DYAD_PARSE_NO_SEPARATOR);	/* an en dash */
	assert_int_equal(err.suggestion, 0);

	/* more than two parts */
	expect_status("BE-UA-US", DYAD_PARSE_TOO_MANY_PARTS);
	expect_status("BE--UA", DYAD_PARSE_TOO_MANY_PARTS);
	expect_status("BE:UA/US", DYAD_PARSE_TOO_MANY_PARTS);
	expect_status("BE UA US", DYAD_PARSE_TOO_MANY_PARTS);
	expect_status("BE UA\tUS", DYAD_PARSE_TOO_MANY_PARTS);
	expect_status("-56-UA", DYAD_PARSE_TOO_MANY_PARTS);
	expect_status("---", DYAD_PARSE_TOO_MANY_PARTS);

	/* one word: a single party, or codes run together */
	err = expect_status("BE", DYAD_PARSE_ONE_PARTY);
	assert_int_equal(err.party, BE);
	err = expect_status(" ukr ", DYAD_PARSE_ONE_PARTY);
	assert_int_equal(err.party, UA);
	err = expect_status("Belgium", DYAD_PARSE_ONE_PARTY);
	assert_int_equal(err.party, BE);
	err = expect_status("BEUA", DYAD_PARSE_NO_SEPARATOR);
	assert_int_equal(err.suggestion, BE_UA);
	err = expect_status("uabe", DYAD_PARSE_NO_SEPARATOR);
	assert_int_equal(err.suggestion, BE_UA);
	err = expect_status("BELUKR", DYAD_PARSE_NO_SEPARATOR);
	assert_int_equal(err.suggestion, BE_UA);
	err = expect_status("056804", DYAD_PARSE_NO_SEPARATOR);
	assert_int_equal(err.suggestion, BE_UA);
	err = expect_status("UAUA", DYAD_PARSE_NO_SEPARATOR);	/* the same party */
	assert_int_equal(err.suggestion, 0);
	err = expect_status("XXYY", DYAD_PARSE_NO_SEPARATOR);
	assert_int_equal(err.suggestion, 0);
	err = expect_status("BE,UA", DYAD_PARSE_NO_SEPARATOR);
	assert_int_equal(err.suggestion, 0);
	err = expect_status("BE_UA", DYAD_PARSE_NO_SEPARATOR);
	assert_int_equal(err.suggestion, 0);
	err = expect_status("BEUAUS", DYAD_PARSE_NO_SEPARATOR);	/* no cut makes two codes */
	assert_int_equal(err.suggestion, 0);
	err = expect_status("Atlantis", DYAD_PARSE_NO_SEPARATOR);
	assert_int_equal(err.suggestion, 0);

	/* the same party twice, in any spelling */
	err = expect_status("UA-UA", DYAD_PARSE_SAME_PARTY);
	assert_int_equal(err.party, UA);
	err = expect_status("ua:UKR", DYAD_PARSE_SAME_PARTY);
	assert_int_equal(err.party, UA);
	err = expect_status("804 UA", DYAD_PARSE_SAME_PARTY);
	assert_int_equal(err.party, UA);

	/* control characters, wherever they are */
	expect_status("BE\x01UA", DYAD_PARSE_BAD_CHAR);
	expect_status("BE-UA\x7F", DYAD_PARSE_BAD_CHAR);
	expect_status("\x1B BE-UA", DYAD_PARSE_BAD_CHAR);
	expect_status("BE-\x01", DYAD_PARSE_BAD_CHAR);
}

static void
test_embedded_nul_and_exact_length(void **state)
{
	DyadCode	dyad = 0;
	char	   *exact;

	(void) state;
	/* an embedded NUL inside the given length is a bad character */
	assert_int_equal(dyad_parse("BE\0-UA", 6, &dyad, NULL), DYAD_PARSE_BAD_CHAR);
	assert_int_equal(dyad_parse("BE-UA\0", 6, &dyad, NULL), DYAD_PARSE_BAD_CHAR);
	/* only len bytes are read */
	assert_int_equal(dyad_parse("BE-UAjunk", 5, &dyad, NULL), DYAD_PARSE_OK);
	assert_int_equal(dyad, BE_UA);
	assert_int_equal(dyad_parse("BE-UA", 3, &dyad, NULL), DYAD_PARSE_BAD_PARTY);

	/* a buffer with no terminator at all: AddressSanitizer catches overreads */
	exact = malloc(7);
	assert_non_null(exact);
	memcpy(exact, "BEL:UA ", 7);
	assert_int_equal(dyad_parse(exact, 7, &dyad, NULL), DYAD_PARSE_OK);
	assert_int_equal(dyad, BE_UA);
	memcpy(exact, "BELUKR ", 7);
	assert_int_equal(dyad_parse(exact, 6, &dyad, NULL), DYAD_PARSE_NO_SEPARATOR);
	free(exact);
}

static void
test_boundary_lengths(void **state)
{
	char		buf[DYAD_MAX_INPUT + 16];
	DyadCode	dyad = 0;
	DyadParseError err;

	(void) state;
	/* exactly DYAD_MAX_INPUT bytes after trimming: "BE", spaces, "-", spaces, "UA" */
	memset(buf, ' ', sizeof(buf));
	memcpy(buf, "BE", 2);
	buf[30] = '-';
	memcpy(buf + DYAD_MAX_INPUT - 2, "UA", 2);
	assert_int_equal(dyad_parse(buf, DYAD_MAX_INPUT, &dyad, NULL), DYAD_PARSE_OK);
	assert_int_equal(dyad, BE_UA);
	/* trailing whitespace does not count */
	assert_int_equal(dyad_parse(buf, sizeof(buf), &dyad, NULL), DYAD_PARSE_OK);
	/* one byte more of content is too long */
	memcpy(buf + DYAD_MAX_INPUT - 2, "UKR", 3);
	assert_int_equal(dyad_parse(buf, DYAD_MAX_INPUT + 1, &dyad, NULL), DYAD_PARSE_TOO_LONG);
	/* and one byte less is fine */
	memcpy(buf + DYAD_MAX_INPUT - 3, "UA ", 3);
	assert_int_equal(dyad_parse(buf, DYAD_MAX_INPUT - 1, &dyad, &err), DYAD_PARSE_OK);

	/* the shortest dyad: two one-digit numeric codes */
	assert_int_equal(dyad_parse("4 8", 3, &dyad, NULL), DYAD_PARSE_OK);
	assert_int_equal(dyad, DYAD_CODE(PARTY_CODE('A', 'F'), PARTY_CODE('A', 'L')));
	assert_int_equal(dyad_parse("4-", 2, &dyad, &err), DYAD_PARSE_BAD_PARTY);
	assert_int_equal(err.side, 2);
	assert_int_equal(dyad_parse("4", 1, &dyad, &err), DYAD_PARSE_ONE_PARTY);
	assert_int_equal(err.party, PARTY_CODE('A', 'F'));
	assert_int_equal(dyad_parse("B", 1, &dyad, &err), DYAD_PARSE_NO_SEPARATOR);
}

static void
test_huge_input(void **state)
{
	size_t		len = 1024 * 1024;
	char	   *big = malloc(len);
	DyadCode	dyad = 0;

	(void) state;
	assert_non_null(big);
	memset(big, 'B', len);
	assert_int_equal(dyad_parse(big, len, &dyad, NULL), DYAD_PARSE_TOO_LONG);
	memset(big, '-', len);
	assert_int_equal(dyad_parse(big, len, &dyad, NULL), DYAD_PARSE_TOO_LONG);
	memset(big, '\x01', len);
	assert_int_equal(dyad_parse(big, len, &dyad, NULL), DYAD_PARSE_TOO_LONG);
	memset(big, ' ', len);
	assert_int_equal(dyad_parse(big, len, &dyad, NULL), DYAD_PARSE_EMPTY);
	/* whitespace around a dyad, however much of it, is still trimmed */
	memcpy(big + len / 2, "UA-BE", 5);
	assert_int_equal(dyad_parse(big, len, &dyad, NULL), DYAD_PARSE_OK);
	assert_int_equal(dyad, BE_UA);
	/* but not between its parties */
	big[len / 2 + 2] = ' ';
	big[len / 4] = '-';
	assert_int_equal(dyad_parse(big, len, &dyad, NULL), DYAD_PARSE_TOO_LONG);
	free(big);
}

/*
 * Every string of up to five bytes over an alphabet of letters, digits,
 * separators, whitespace and junk: parsing never misbehaves, and whatever it
 * accepts is valid and formats to text that parses back to it.
 */
static void
test_small_strings_exhaustive(void **state)
{
	const char	alphabet[] = "BEUAL0568-: /\x01";
	const size_t n = sizeof(alphabet) - 1;
	char		buf[6];
	int			accepted = 0;

	(void) state;
	for (size_t len = 0; len <= 5; len++)
	{
		size_t		total = 1;

		for (size_t k = 0; k < len; k++)
			total *= n;
		for (size_t x = 0; x < total; x++)
		{
			size_t		v = x;
			DyadCode	dyad = 0;
			DyadParseError err;
			DyadParseStatus status;

			for (size_t k = 0; k < len; k++)
			{
				buf[k] = alphabet[v % n];
				v /= n;
			}
			status = dyad_parse(buf, len, &dyad, &err);
			if (status == DYAD_PARSE_OK)
			{
				char		out[DYAD_FORMAT_SIZE];

				assert_true(dyad_is_valid(dyad));
				dyad_format(dyad, out);
				assert_int_equal(dyad_of(out), dyad);
				accepted++;
			}
			else if (status == DYAD_PARSE_BAD_PARTY)
			{
				assert_true(err.side == 1 || err.side == 2);
				assert_true(err.offset + err.len <= len);
				assert_int_not_equal(err.party_status, PARTY_PARSE_OK);
			}
			else if (status == DYAD_PARSE_NO_SEPARATOR && err.suggestion != 0)
				assert_true(dyad_is_valid(err.suggestion));
		}
	}
	/* "BE-UA", "UA BE", "8:56" and the like are among them */
	assert_true(accepted > 100);
}

/*
 * dyad_involving is exactly the set of valid dyads containing the party, in
 * dyad order; dyad_overlapping exactly those sharing a party.  Checked for
 * every party and for a spread of dyads against a brute-force scan.
 */
static void
test_involving_and_overlapping(void **state)
{
	DyadCode	got[DYAD_OVERLAPPING_MAX];

	(void) state;
	for (int row = 0; row < party_table_len; row++)
	{
		PartyCode	party = row_code(row);
		int			n = dyad_involving(party, got);
		int			k = 0;

		assert_int_equal(n, party_table_len - 1);
		for (int i = 0; i < n; i++)
		{
			assert_true(dyad_is_valid(got[i]));
			assert_true(dyad_contains(got[i], party));
			if (i > 0)
				assert_true(got[i - 1] < got[i]);
		}
		/* and nothing is missing: every other party once */
		for (int other = 0; other < party_table_len; other++)
		{
			DyadCode	dyad = 0;

			if (other == row)
				continue;
			assert_true(dyad_make(party, row_code(other), &dyad));
			while (k < n && got[k] < dyad)
				k++;
			assert_true(k < n);
			assert_int_equal(got[k], dyad);
		}
	}
	/* the run where each party is the lower one: those of dyad_involving */
	for (int row = 0; row < party_table_len; row++)
	{
		PartyCode	party = row_code(row);
		int			n = dyad_involving(party, got);
		int			lo = -1,
					hi = -1;
		DyadCode	first = 0,
					last = 0;

		for (int i = 0; i < n; i++)
			if (DYAD_FIRST(got[i]) == party)
			{
				if (lo < 0)
					lo = i;
				hi = i;
			}
		assert_int_equal(dyad_lower_run(party, &first, &last), lo >= 0);
		if (lo >= 0)
		{
			assert_int_equal(first, got[lo]);
			assert_int_equal(last, got[hi]);
			/* and the run is every one of them: none between lo and hi is another's */
			for (int i = lo; i <= hi; i++)
				assert_int_equal(DYAD_FIRST(got[i]), party);
		}
	}
	assert_false(dyad_lower_run(PARTY_CODE('X', 'X'), &(DyadCode) {0}, &(DyadCode) {0}));
	assert_false(dyad_lower_run(0, &(DyadCode) {0}, &(DyadCode) {0}));
	assert_false(dyad_lower_run(row_code(party_table_len - 1), &(DyadCode) {0}, &(DyadCode) {0}));

	/* unknown parties and invalid dyads have none */
	assert_int_equal(dyad_involving(PARTY_CODE('X', 'X'), got), 0);
	assert_int_equal(dyad_involving(0, got), 0);
	assert_int_equal(dyad_overlapping(DYAD_CODE(UA, BE), got), 0);
	assert_int_equal(dyad_overlapping(DYAD_CODE(UA, UA), got), 0);
	assert_int_equal(dyad_overlapping(0xFFFFFFFF, got), 0);

	for (int a = 0; a < party_table_len; a += 7)
		for (int b = a + 1; b < party_table_len; b += 13)
		{
			DyadCode	query = DYAD_CODE(row_code(a), row_code(b));
			int			n = dyad_overlapping(query, got);
			int			expected = 0;

			for (int x = 0; x < party_table_len; x++)
				for (int y = x + 1; y < party_table_len; y++)
					if (dyad_overlaps(DYAD_CODE(row_code(x), row_code(y)), query))
						expected++;
			assert_int_equal(n, expected);
			assert_int_equal(n, 2 * (party_table_len - 1) - 1);
			for (int i = 0; i < n; i++)
			{
				assert_true(dyad_is_valid(got[i]));
				assert_true(dyad_overlaps(got[i], query));
				if (i > 0)
					assert_true(got[i - 1] < got[i]);
			}
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_every_separator_and_spelling),
		cmocka_unit_test(test_every_pair_round_trips),
		cmocka_unit_test(test_is_valid_is_exact),
		cmocka_unit_test(test_make_and_relations),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_embedded_nul_and_exact_length),
		cmocka_unit_test(test_boundary_lengths),
		cmocka_unit_test(test_huge_input),
		cmocka_unit_test(test_small_strings_exhaustive),
		cmocka_unit_test(test_involving_and_overlapping),
	};

	return cmocka_run_group_tests_name("dyad_core", tests, NULL, NULL);
}
