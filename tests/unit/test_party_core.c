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
	int			today = 0;

	(void) state;
	for (int i = 1; i < party_table_len; i++)
		assert_true(party_table[i - 1].code < party_table[i].code);
	for (int i = 0; i < party_table_len; i++)
	{
		const PartyInfo *p = &party_table[i];
		size_t		len = strlen(p->text);

		/* every value below 0x8000, so dyads stay below 2^31 */
		assert_true(p->code < 0x8000);
		assert_true(len < PARTY_FORMAT_SIZE);
		if (len == 2)
			assert_int_equal(p->code, PARTY_CODE(p->text[0], p->text[1]));
		else if (p->text[0] == '#')
		{
			/* no ISO code: the extra range, which no letters reach */
			assert_int_equal(p->code & 0xFF00, PARTY_EXTRA_BASE);
			assert_null(p->alpha2);
			assert_true(p->former);
		}
		else
		{
			/* an ISO 3166-3 state: its former alpha-2, or the extra range for CSXX */
			assert_int_equal(len, 4);
			assert_string_equal(p->text, p->alpha4);
			assert_true(p->code == PARTY_CODE(p->alpha2[0], p->alpha2[1]) ||
						(p->code & 0xFF00) == PARTY_EXTRA_BASE);
			assert_true(p->former);
		}
		assert_true(p->name != NULL && strlen(p->name) <= PARTY_MAX_INPUT);
		assert_true(p->common_name == NULL || strlen(p->common_name) <= PARTY_MAX_INPUT);
		assert_true(p->official_name == NULL || strlen(p->official_name) <= PARTY_MAX_INPUT);
		assert_int_equal(p->is_organisation, strcmp(p->text, "EU") == 0);
		assert_int_equal(p->former, p->valid_to != 0);
		today += !p->former;
	}
	/* 249 officially assigned ISO 3166-1 codes in iso-codes 4.15, EU and XK */
	assert_int_equal(today, 251);
	/* ... and 6 ISO 3166-3 states of their own letters, CSXX and 23 with no ISO code */
	assert_int_equal(party_table_len, 251 + 6 + 1 + 23);
}

/* Every code round-trips through each of its spellings. */
static void
test_every_spelling_round_trips(void **state)
{
	(void) state;
	for (int i = 0; i < party_table_len; i++)
	{
		const PartyInfo *p = &party_table[i];
		PartyCode	expected = p->code;
		char		buf[PARTY_MAX_INPUT + 8];
		char		out[PARTY_FORMAT_SIZE];
		/* a former state's codes may have been another's too (CS, 891) */
		bool		shared = false;

		for (int j = 0; j < party_table_len; j++)
			if (j != i && party_table[j].alpha2 && p->alpha2 &&
				strcmp(party_table[j].alpha2, p->alpha2) == 0)
				shared = true;

		assert_int_equal(code_of(p->text), expected);
		lower_copy(p->text, buf, sizeof(buf));
		assert_int_equal(code_of(buf), expected);
		snprintf(buf, sizeof(buf), "  %s\t", p->text);
		assert_int_equal(code_of(buf), expected);
		if (p->alpha2 && !shared)
			assert_int_equal(code_of(p->alpha2), expected);
		else if (p->alpha2)
			expect_status(p->alpha2, PARTY_PARSE_AMBIGUOUS);

		if (p->alpha3)
		{
			assert_int_equal(code_of(p->alpha3), expected);
			lower_copy(p->alpha3, buf, sizeof(buf));
			assert_int_equal(code_of(buf), expected);
		}
		if (p->numeric >= 0)
		{
			PartyCode	got = 0;

			snprintf(buf, sizeof(buf), "%03d", p->numeric);
			if (parse(buf, &got) == PARTY_PARSE_AMBIGUOUS)
				assert_true(p->former);
			else
				assert_int_equal(got, expected);
			assert_true(party_format_numeric(expected, out));
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

		assert_int_equal(party_format(expected, out), strlen(p->text));
		assert_string_equal(out, p->text);
		assert_ptr_equal(party_lookup(expected), p);
	}
	/* every further name and former code reads as its party */
	for (int i = 0; i < party_name_alias_len; i++)
		assert_int_equal(code_of(party_name_alias[i].name), party_name_alias[i].code);
	for (int i = 0; i < party_code_alias_len; i++)
		assert_int_equal(code_of(party_code_alias[i].spelling), party_code_alias[i].code);
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
				assert_int_equal(p->code, code);
			}
		}
	assert_int_equal(known, party_table_len);
	assert_non_null(party_lookup(PARTY_CODE('X', 'K')));	/* user-assigned, Kosovo */
	assert_non_null(party_lookup(PARTY_EXTRA_BASE + 1));	/* CSXX */
	assert_null(party_lookup(PARTY_EXTRA_BASE));
	assert_null(party_lookup(PARTY_EXTRA_BASE + 0xFF));
	assert_null(party_lookup(PARTY_CODE('U', 'K')));	/* reserved */
	assert_null(party_lookup(PARTY_CODE('B', 'U')));	/* a former code of MM, never stored */
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

/* Former states are parties; withdrawn codes of territories stay hints. */
static void
test_withdrawn_codes(void **state)
{
	const PartyWithdrawn *found[2];
	PartyCode	ambiguous[3];
	PartyCode	code = 0;

	(void) state;
	assert_true(party_withdrawn_len >= 31);
	assert_int_equal(code_of("SU"), PARTY_CODE('S', 'U'));
	assert_int_equal(code_of("sun"), PARTY_CODE('S', 'U'));
	assert_int_equal(code_of("USSR"), PARTY_CODE('S', 'U'));
	assert_int_equal(code_of("SUHH"), PARTY_CODE('S', 'U'));
	assert_int_equal(code_of("YU"), PARTY_CODE('Y', 'U'));
	assert_int_equal(code_of("Yugoslavia"), PARTY_CODE('Y', 'U'));
	assert_int_equal(code_of("DDR"), PARTY_CODE('D', 'D'));
	assert_int_equal(code_of("German Democratic Republic"), PARTY_CODE('D', 'D'));
	assert_int_equal(code_of("Czechoslovakia"), PARTY_CODE('C', 'S'));
	assert_int_equal(code_of("CSHH"), PARTY_CODE('C', 'S'));
	assert_int_equal(code_of("csxx"), PARTY_EXTRA_BASE + 1);
	assert_int_equal(code_of("SCG"), PARTY_EXTRA_BASE + 1);
	/* renamed states are today's party */
	assert_int_equal(code_of("zaire"), code_of("CD"));
	assert_int_equal(code_of("ZR"), code_of("CD"));
	assert_int_equal(code_of("BUMM"), code_of("MM"));
	assert_int_equal(code_of("TP"), code_of("TL"));
	assert_int_equal(code_of("BYS"), code_of("BY"));
	/* CS was withdrawn twice: Czechoslovakia, then Serbia and Montenegro */
	expect_status("CS", PARTY_PARSE_AMBIGUOUS);
	expect_status("cs", PARTY_PARSE_AMBIGUOUS);
	expect_status("891", PARTY_PARSE_AMBIGUOUS);
	assert_int_equal(party_ambiguous_find(" CS ", 4, ambiguous, 3), 2);
	assert_int_equal(ambiguous[0], PARTY_CODE('C', 'S'));
	assert_int_equal(ambiguous[1], PARTY_EXTRA_BASE + 1);
	assert_int_equal(party_ambiguous_find("891", 3, ambiguous, 3), 2);
	assert_int_equal(party_ambiguous_find("BE", 2, ambiguous, 3), 0);
	assert_int_equal(party_ambiguous_find("XX", 2, ambiguous, 3), 0);
	assert_int_equal(party_withdrawn_find("CS", 2, found, 2), 2);
	assert_string_equal(found[0]->alpha4, "CSHH");
	assert_string_equal(found[1]->alpha4, "CSXX");
	/* a code that reads as a party is not a hint */
	assert_int_equal(party_withdrawn_find("SU", 2, found, 2), 0);
	assert_int_equal(party_withdrawn_find("BY", 2, found, 2), 0);
	assert_int_equal(party_withdrawn_find("GE", 2, found, 2), 0);
	/* territories that were never states stay out, with their hint */
	expect_status("AN", PARTY_PARSE_UNKNOWN_ALPHA2);
	expect_status("ANHH", PARTY_PARSE_UNKNOWN_NAME);
	expect_status("PZ", PARTY_PARSE_UNKNOWN_ALPHA2);
	assert_int_equal(party_withdrawn_find("ANHH", 4, found, 2), 1);
	assert_string_equal(found[0]->alpha4, "ANHH");
	/* # takes only the abbreviations of parties with no ISO code */
	assert_int_equal(code_of("#bav"), code_of("Bavaria"));
	expect_status("#XYZ", PARTY_PARSE_UNKNOWN_NAME);
	expect_status("#BE", PARTY_PARSE_UNKNOWN_NAME);
	expect_status("#AUS", PARTY_PARSE_UNKNOWN_NAME);
	/* four letters that are no code may still be a name */
	assert_int_equal(code_of("Chad"), PARTY_CODE('T', 'D'));
	assert_int_equal(code_of("laos"), PARTY_CODE('L', 'A'));
	/* nothing else matches; max is respected */
	assert_int_equal(party_withdrawn_find("XX", 2, found, 2), 0);
	assert_int_equal(party_withdrawn_find("Belgium", 7, found, 2), 0);
	assert_int_equal(party_withdrawn_find("CS", 2, found, 1), 1);
	assert_int_equal(party_withdrawn_find("", 0, found, 2), 0);
	(void) code;
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
		assert_true(party_table[i - 1].code < party_table[i].code);
	/* parties with no alpha-2 of their own after every alpha-2 */
	assert_true(code_of("ZW") < code_of("CSXX"));
	assert_true(code_of("CSXX") < code_of("#BAV"));
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
