/*
 * Unit tests of the pure party core: parsing, formatting, lookups and
 * suggestions, driven without a server.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "party_core.h"
#include "party_names_core.h"

static PartyParseStatus
parse(const char *s, PartyCode *out)
{
	return party_parse(s, strlen(s), PARTY_ACCEPT_ALL, out);
}

static PartyCode
code_of(const char *s)
{
	PartyCode	code = 0;

	assert_int_equal(parse(s, &code), PARTY_PARSE_OK);
	return code;
}

static void
expect_status(const char *s, PartyParseStatus expected)
{
	PartyCode	code = 0;

	assert_int_equal(parse(s, &code), expected);
}

static void
lower_copy(const char *s, char *out, size_t cap)
{
	size_t		i;

	for (i = 0; s[i] && i + 1 < cap; i++)
		out[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char) (s[i] + 32) : s[i];
	out[i] = '\0';
}

static void
test_table_shape(void **state)
{
	(void) state;
	/* 249 officially assigned ISO 3166-1 codes in iso-codes 4.15, plus EU */
	assert_int_equal(party_table_len, 250);
	for (int i = 1; i < party_table_len; i++)
		assert_true(strcmp(party_table[i - 1].alpha2, party_table[i].alpha2) < 0);
	for (int i = 0; i < party_table_len; i++)
	{
		const PartyInfo *p = &party_table[i];

		assert_int_equal(strlen(p->alpha2), 2);
		assert_true(p->name != NULL && strlen(p->name) <= PARTY_MAX_INPUT);
		assert_true(p->common_name == NULL || strlen(p->common_name) <= PARTY_MAX_INPUT);
		assert_true(p->official_name == NULL || strlen(p->official_name) <= PARTY_MAX_INPUT);
		assert_int_equal(p->is_organisation, strcmp(p->alpha2, "EU") == 0);
	}
}

/* Every code round-trips through each of its spellings. */
static void
test_every_spelling_round_trips(void **state)
{
	(void) state;
	for (int i = 0; i < party_table_len; i++)
	{
		const PartyInfo *p = &party_table[i];
		PartyCode	expected = PARTY_CODE(p->alpha2[0], p->alpha2[1]);
		char		buf[PARTY_MAX_INPUT + 8];
		char		out[4];

		assert_int_equal(code_of(p->alpha2), expected);
		lower_copy(p->alpha2, buf, sizeof(buf));
		assert_int_equal(code_of(buf), expected);
		snprintf(buf, sizeof(buf), "  %s\t", p->alpha2);
		assert_int_equal(code_of(buf), expected);

		if (p->alpha3)
		{
			assert_int_equal(code_of(p->alpha3), expected);
			lower_copy(p->alpha3, buf, sizeof(buf));
			assert_int_equal(code_of(buf), expected);
		}
		if (p->numeric >= 0)
		{
			snprintf(buf, sizeof(buf), "%03d", p->numeric);
			assert_int_equal(code_of(buf), expected);
			snprintf(buf, sizeof(buf), "%d", p->numeric);
			assert_int_equal(code_of(buf), expected);
			assert_true(party_format_numeric(expected, out));
			snprintf(buf, sizeof(buf), "%03d", p->numeric);
			assert_string_equal(out, buf);
		}
		else
			assert_false(party_format_numeric(expected, out));

		assert_int_equal(code_of(p->name), expected);
		lower_copy(p->name, buf, sizeof(buf));
		assert_int_equal(code_of(buf), expected);
		if (p->common_name)
			assert_int_equal(code_of(p->common_name), expected);
		if (p->official_name)
			assert_int_equal(code_of(p->official_name), expected);

		party_format(expected, out);
		assert_string_equal(out, p->alpha2);
		assert_ptr_equal(party_lookup(expected), p);
	}
}

/* A lookup finds exactly the codes in the table, and nothing else. */
static void
test_lookup_is_exact(void **state)
{
	int			known = 0;

	(void) state;
	for (int a = 0; a < 256; a++)
		for (int b = 0; b < 256; b++)
		{
			PartyCode	code = PARTY_CODE(a, b);
			const PartyInfo *p = party_lookup(code);

			if (p != NULL)
			{
				known++;
				assert_int_equal(p->alpha2[0], a);
				assert_int_equal(p->alpha2[1], b);
			}
		}
	assert_int_equal(known, party_table_len);
	assert_null(party_lookup(PARTY_CODE('X', 'K')));	/* user-assigned */
	assert_null(party_lookup(PARTY_CODE('U', 'K')));	/* reserved */
	assert_null(party_lookup(PARTY_CODE('b', 'e')));	/* only upper case is stored */
}

static void
test_known_examples(void **state)
{
	(void) state;
	assert_int_equal(code_of("bel"), PARTY_CODE('B', 'E'));
	assert_int_equal(code_of("056"), PARTY_CODE('B', 'E'));
	assert_int_equal(code_of("56"), PARTY_CODE('B', 'E'));
	assert_int_equal(code_of("Belgium"), PARTY_CODE('B', 'E'));
	assert_int_equal(code_of("  UKRAINE "), PARTY_CODE('U', 'A'));
	assert_int_equal(code_of("European Union"), PARTY_CODE('E', 'U'));
	assert_int_equal(code_of("eu"), PARTY_CODE('E', 'U'));
	assert_int_equal(code_of("Czechia"), PARTY_CODE('C', 'Z'));
	assert_int_equal(code_of("Czech Republic"), PARTY_CODE('C', 'Z'));
	assert_int_equal(code_of("South Korea"), PARTY_CODE('K', 'R'));
	assert_int_equal(code_of("United   Kingdom"), PARTY_CODE('G', 'B'));
	/* Latin-1 accents and their case fold alike */
	assert_int_equal(code_of("Türkiye"), PARTY_CODE('T', 'R'));
	assert_int_equal(code_of("TÜRKIYE"), PARTY_CODE('T', 'R'));
	assert_int_equal(code_of("turkiye"), PARTY_CODE('T', 'R'));
	assert_int_equal(code_of("Cote d'Ivoire"), PARTY_CODE('C', 'I'));
	assert_int_equal(code_of("ÅLAND ISLANDS"), PARTY_CODE('A', 'X'));
}

static void
test_boundaries_rejected(void **state)
{
	char		buf[PARTY_NAMES_MAX_INPUT + 2];
	PartyCode	code = 0;

	(void) state;
	expect_status("", PARTY_PARSE_EMPTY);
	expect_status(" \t\n ", PARTY_PARSE_EMPTY);
	expect_status("XX", PARTY_PARSE_UNKNOWN_ALPHA2);
	expect_status("UK", PARTY_PARSE_UNKNOWN_ALPHA2);
	expect_status("XXX", PARTY_PARSE_UNKNOWN_ALPHA3);
	expect_status("000", PARTY_PARSE_UNKNOWN_NUMERIC);
	expect_status("0", PARTY_PARSE_UNKNOWN_NUMERIC);
	expect_status("999", PARTY_PARSE_UNKNOWN_NUMERIC);
	expect_status("1000", PARTY_PARSE_BAD_NUMERIC);
	expect_status("0056", PARTY_PARSE_BAD_NUMERIC);
	expect_status("-56", PARTY_PARSE_BAD_NUMERIC);
	expect_status("+56", PARTY_PARSE_BAD_NUMERIC);
	expect_status("99999999999999999999", PARTY_PARSE_BAD_NUMERIC);
	expect_status("B", PARTY_PARSE_UNKNOWN_NAME);
	expect_status("B E", PARTY_PARSE_UNKNOWN_NAME);
	expect_status("BE-UA", PARTY_PARSE_UNKNOWN_NAME);
	expect_status("BE,", PARTY_PARSE_UNKNOWN_NAME);
	expect_status("5 6", PARTY_PARSE_UNKNOWN_NAME);
	expect_status("Бельгіяя", PARTY_PARSE_UNKNOWN_NAME);	/* names of other languages: test_party_names_core */
	expect_status("\xC3", PARTY_PARSE_UNKNOWN_NAME);	/* truncated UTF-8 */
	expect_status("B\x01", PARTY_PARSE_BAD_CHAR);
	expect_status("Belgium\x7F", PARTY_PARSE_BAD_CHAR);

	/* An embedded NUL inside the given length is a bad character. */
	assert_int_equal(party_parse("B\0E", 3, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_BAD_CHAR);
	/* Only len bytes are read: "BE" followed by junk that is not looked at. */
	assert_int_equal(party_parse("BEjunk", 2, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_OK);
	assert_int_equal(code, PARTY_CODE('B', 'E'));

	/* Longest accepted length (translated names are longer than English ones), then one byte more. */
	memset(buf, 'a', sizeof(buf));
	assert_int_equal(party_parse(buf, PARTY_MAX_INPUT + 1, PARTY_ACCEPT_ALL, &code),
					 PARTY_PARSE_UNKNOWN_NAME);
	assert_int_equal(party_parse(buf, PARTY_NAMES_MAX_INPUT, PARTY_ACCEPT_ALL, &code),
					 PARTY_PARSE_UNKNOWN_NAME);
	assert_int_equal(party_parse(buf, PARTY_NAMES_MAX_INPUT + 1, PARTY_ACCEPT_ALL, &code),
					 PARTY_PARSE_TOO_LONG);
}

static void
test_huge_input(void **state)
{
	size_t		len = 1024 * 1024;
	char	   *big = malloc(len);
	PartyCode	code = 0;
	PartyCode	suggestions[3];

	(void) state;
	assert_non_null(big);
	memset(big, 'B', len);
	assert_int_equal(party_parse(big, len, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_TOO_LONG);
	assert_int_equal(party_suggest(big, len, suggestions, 3), 0);
	/* whitespace around a code, however much of it, is still trimmed */
	memset(big, ' ', len);
	big[len / 2] = 'B';
	big[len / 2 + 1] = 'E';
	assert_int_equal(party_parse(big, len, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_OK);
	assert_int_equal(code, PARTY_CODE('B', 'E'));
	free(big);
}

static void
test_codes_only(void **state)
{
	PartyCode	code = 0;

	(void) state;
	assert_int_equal(party_parse("Belgium", 7, PARTY_ACCEPT_CODES, &code), PARTY_PARSE_UNKNOWN_NAME);
	assert_int_equal(party_parse("bel", 3, PARTY_ACCEPT_CODES, &code), PARTY_PARSE_OK);
	assert_int_equal(code, PARTY_CODE('B', 'E'));
	assert_int_equal(party_parse("804", 3, PARTY_ACCEPT_CODES, &code), PARTY_PARSE_OK);
	assert_int_equal(code, PARTY_CODE('U', 'A'));
	/* names only: a code is then not taken */
	assert_int_equal(party_parse("BE", 2, PARTY_ACCEPT_NAMES, &code), PARTY_PARSE_UNKNOWN_NAME);
}

static void
expect_first_suggestion(const char *input, const char *alpha2)
{
	PartyCode	out[3];
	char		got[3];
	int			n = party_suggest(input, strlen(input), out, 3);

	assert_true(n >= 1);
	party_format(out[0], got);
	assert_string_equal(got, alpha2);
}

static void
test_suggestions(void **state)
{
	PartyCode	out[8];

	(void) state;
	expect_first_suggestion("Belgum", "BE");
	expect_first_suggestion("belgiun", "BE");
	expect_first_suggestion("Germny", "DE");
	expect_first_suggestion("Untied Kingdom", "GB");
	expect_first_suggestion("Ukrain", "UA");
	expect_first_suggestion("Turkey", "TR");	/* renamed: Türkiye */
	expect_first_suggestion("Czech Repblic", "CZ");
	/* nothing near */
	assert_int_equal(party_suggest("Xyzzyplugh", 10, out, 3), 0);
	/* codes are too short to suggest from */
	assert_int_equal(party_suggest("XX", 2, out, 3), 0);
	/* the count is bounded by max */
	assert_true(party_suggest("Guinea-Bissaux", 14, out, 1) <= 1);
	assert_int_equal(party_suggest("Belgum", 6, out, 0), 0);
}

static void
test_common_misuse(void **state)
{
	(void) state;
	assert_int_equal(party_common_misuse("UK", 2), PARTY_CODE('G', 'B'));
	assert_int_equal(party_common_misuse(" uk ", 4), PARTY_CODE('G', 'B'));
	assert_int_equal(party_common_misuse("EL", 2), PARTY_CODE('G', 'R'));
	assert_int_equal(party_common_misuse("BE", 2), 0);
	assert_int_equal(party_common_misuse("UKR", 3), 0);
}

static void
expect_withdrawn(const char *input, const char *alpha4)
{
	const PartyWithdrawn *found[2];
	int			n = party_withdrawn_find(input, strlen(input), found, 2);

	assert_true(n >= 1);
	assert_string_equal(found[0]->alpha4, alpha4);
}

/* Dissolved states and reused codes: hints, never parties. */
static void
test_withdrawn_codes(void **state)
{
	const PartyWithdrawn *found[2];
	PartyCode	code = 0;

	(void) state;
	assert_true(party_withdrawn_len >= 31);
	expect_withdrawn("SU", "SUHH");
	expect_withdrawn("sun", "SUHH");
	expect_withdrawn("USSR", "SUHH");
	expect_withdrawn("SUHH", "SUHH");
	expect_withdrawn("YU", "YUCS");
	expect_withdrawn("Yugoslavia", "YUCS");
	expect_withdrawn("DDR", "DDDE");
	expect_withdrawn("German Democratic Republic", "DDDE");
	expect_withdrawn("zaire", "ZRCD");
	/* CS was withdrawn twice: Czechoslovakia, then Serbia and Montenegro */
	assert_int_equal(party_withdrawn_find("CS", 2, found, 2), 2);
	assert_string_equal(found[0]->alpha4, "CSHH");
	assert_string_equal(found[1]->alpha4, "CSXX");
	/* a withdrawn code reused today means today's party */
	assert_int_equal(party_withdrawn_find("BY", 2, found, 2), 0);
	assert_int_equal(party_withdrawn_find("GE", 2, found, 2), 0);
	assert_int_equal(party_parse("BY", 2, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_OK);
	/* none of them parse as a party */
	assert_int_equal(party_parse("SU", 2, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_UNKNOWN_ALPHA2);
	assert_int_equal(party_parse("YUG", 3, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_UNKNOWN_ALPHA3);
	assert_int_equal(party_parse("Czechoslovakia", 14, PARTY_ACCEPT_ALL, &code), PARTY_PARSE_UNKNOWN_NAME);
	/* nothing else matches; max is respected */
	assert_int_equal(party_withdrawn_find("XX", 2, found, 2), 0);
	assert_int_equal(party_withdrawn_find("Belgium", 7, found, 2), 0);
	assert_int_equal(party_withdrawn_find("CS", 2, found, 1), 1);
	assert_int_equal(party_withdrawn_find("", 0, found, 2), 0);
}

/* The stored value orders like the alpha-2 text. */
static void
test_order_is_alpha2_order(void **state)
{
	(void) state;
	assert_true(code_of("UA") < code_of("US"));
	assert_true(code_of("AD") < code_of("ZW"));
	assert_true(code_of("BE") < code_of("BF"));
	for (int i = 1; i < party_table_len; i++)
		assert_true(PARTY_CODE(party_table[i - 1].alpha2[0], party_table[i - 1].alpha2[1]) <
					PARTY_CODE(party_table[i].alpha2[0], party_table[i].alpha2[1]));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_shape),
		cmocka_unit_test(test_every_spelling_round_trips),
		cmocka_unit_test(test_lookup_is_exact),
		cmocka_unit_test(test_known_examples),
		cmocka_unit_test(test_boundaries_rejected),
		cmocka_unit_test(test_huge_input),
		cmocka_unit_test(test_codes_only),
		cmocka_unit_test(test_suggestions),
		cmocka_unit_test(test_common_misuse),
		cmocka_unit_test(test_withdrawn_codes),
		cmocka_unit_test(test_order_is_alpha2_order),
	};

	return cmocka_run_group_tests_name("party_core", tests, NULL, NULL);
}
