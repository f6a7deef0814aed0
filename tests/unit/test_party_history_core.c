/*
 * Unit tests of the pure history core: COW and Gleditsch-Ward codes by
 * date, parties by date, driven without a server.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "party_history_core.h"

static PartyCode
party(const char *s)
{
	PartyCode	code = 0;

	assert_int_equal(party_parse(s, strlen(s), PARTY_ACCEPT_ALL, &code), PARTY_PARSE_OK);
	return code;
}

static int
cow(const char *p, int32_t ymd)
{
	const PartySpell *s = party_spell_of(PARTY_SCHEME_COW, party(p), ymd);

	return s ? s->code : -1;
}

static int
gw(const char *p, int32_t ymd)
{
	const PartySpell *s = party_spell_of(PARTY_SCHEME_GW, party(p), ymd);

	return s ? s->code : -1;
}

static PartyCode
from(PartyScheme scheme, int code, int32_t ymd)
{
	PartyCode	out = 0;

	assert_int_equal(party_from_code(scheme, code, ymd, &out), PARTY_FROM_CODE_OK);
	return out;
}

/* The facts of issue #14. */
static void
test_facts(void **state)
{
	(void) state;
	assert_int_equal(cow("DE", 19800601), 260);
	assert_int_equal(cow("DE", 20000101), 255);
	assert_int_equal(gw("DE", 20000101), 260);
	assert_int_equal(gw("RS", 20100101), 340);
	assert_int_equal(from(PARTY_SCHEME_COW, 365, 19800101), party("SUHH"));
	assert_int_equal(from(PARTY_SCHEME_COW, 365, 20000101), party("RU"));
	assert_int_equal(from(PARTY_SCHEME_COW, 345, 19800101), party("YUCS"));
	assert_int_equal(from(PARTY_SCHEME_COW, 345, 20100101), party("RS"));
	assert_int_equal(from(PARTY_SCHEME_COW, 265, 19800101), party("DDDE"));
	assert_int_equal(from(PARTY_SCHEME_COW, 678, 19800101), party("YE"));
	assert_int_equal(from(PARTY_SCHEME_COW, 680, 19800101), party("YDYE"));
	assert_int_equal(from(PARTY_SCHEME_COW, 347, 20100101), party("XK"));
}

/* A known code outside its spells is NOT_THEN; an unknown one UNKNOWN; *out untouched. */
static void
test_statuses(void **state)
{
	PartyCode	out = 0xBEEF;

	(void) state;
	assert_int_equal(party_from_code(PARTY_SCHEME_COW, 265, 20000101, &out), PARTY_FROM_CODE_NOT_THEN);
	assert_int_equal(party_from_code(PARTY_SCHEME_COW, 999, 20000101, &out), PARTY_FROM_CODE_UNKNOWN);
	assert_int_equal(party_from_code(PARTY_SCHEME_GW, 54, 20000101, &out), PARTY_FROM_CODE_UNKNOWN);
	assert_int_equal(out, 0xBEEF);
	/* the latest spell */
	assert_int_equal(from(PARTY_SCHEME_COW, 345, PARTY_DATE_LATEST), party("RS"));
	assert_int_equal(from(PARTY_SCHEME_COW, 265, PARTY_DATE_LATEST), party("DDDE"));
	/* abbreviations in any case; COW AUS is Austria, not ISO's Australia */
	assert_int_equal(party_from_abbrev(PARTY_SCHEME_COW, "aus", 3, 20000101, &out), PARTY_FROM_CODE_OK);
	assert_int_equal(out, party("AT"));
	assert_int_equal(party_from_abbrev(PARTY_SCHEME_COW, "AU", 2, 20000101, &out), PARTY_FROM_CODE_UNKNOWN);
	assert_int_equal(party_from_abbrev(PARTY_SCHEME_COW, "", 0, 20000101, &out), PARTY_FROM_CODE_UNKNOWN);
	/* a spell that runs to the list's end runs on */
	assert_int_equal(cow("DE", 99991231), 255);
	assert_int_equal(cow("DE", 18151231), -1);
	assert_int_equal(cow("AQ", PARTY_DATE_LATEST), -1);
}

/* Every spell: its party's code on its first and last day is the spell's. */
static void
test_every_spell_round_trips(void **state)
{
	(void) state;
	for (int i = 0; i < party_spell_len; i++)
	{
		const PartySpell *s = &party_spell[i];
		int32_t		days[2] = {s->from, s->to ? s->to : 99991231};

		assert_non_null(party_lookup(s->party));
		assert_true(s->to == 0 || s->from <= s->to);
		for (int k = 0; k < 2; k++)
		{
			PartyCode	out = 0;

			assert_ptr_equal(party_spell_of(s->scheme, s->party, days[k]), s);
			assert_int_equal(party_from_code(s->scheme, s->code, days[k], &out), PARTY_FROM_CODE_OK);
			assert_int_equal(out, s->party);
			assert_true(party_exists_on(party_lookup(s->party), days[k]));
		}
		/* spells of one scheme and code never overlap: sorted, each ends before the next */
		if (i > 0 && party_spell[i - 1].scheme == s->scheme && party_spell[i - 1].code == s->code)
			assert_true(party_spell[i - 1].to != 0 && party_spell[i - 1].to < s->from);
	}
}

/*
 * party_from_code's binary search against a scan of every spell written
 * here: every code of both lists and codes around them, on the days about
 * every spell's ends and for the latest spell.
 */
static PartyFromCodeStatus
scan_from_code(PartyScheme scheme, int code, int32_t ymd, PartyCode *out)
{
	const PartySpell *latest = NULL;
	bool		known = false;

	for (int i = 0; i < party_spell_len; i++)
	{
		const PartySpell *s = &party_spell[i];

		if (s->scheme != scheme || s->code != code)
			continue;
		known = true;
		if (ymd == PARTY_DATE_LATEST)
		{
			if (latest == NULL || s->from > latest->from)
				latest = s;
		}
		else if (s->from <= ymd && (s->to == 0 || ymd <= s->to))
		{
			*out = s->party;
			return PARTY_FROM_CODE_OK;
		}
	}
	if (latest != NULL)
		*out = latest->party;
	return latest != NULL ? PARTY_FROM_CODE_OK : known ? PARTY_FROM_CODE_NOT_THEN : PARTY_FROM_CODE_UNKNOWN;
}

static void
test_code_search_matches_scan(void **state)
{
	(void) state;
	for (int i = 0; i < party_spell_len; i++)
	{
		const PartySpell *s = &party_spell[i];
		int32_t		days[6] = {s->from - 1, s->from, s->to ? s->to : 99991231,
		s->to ? s->to + 1 : 18000101, PARTY_DATE_LATEST, 20000101};

		for (int scheme = PARTY_SCHEME_COW; scheme <= PARTY_SCHEME_GW; scheme++)
			for (int code = s->code - 1; code <= s->code + 1; code++)
				for (int k = 0; k < 6; k++)
				{
					PartyCode	a = 0,
								b = 0;

					assert_int_equal(party_from_code(scheme, code, days[k], &a),
									 scan_from_code(scheme, code, days[k], &b));
					assert_int_equal(a, b);
				}
	}
}

/* dyad_years' codes by year agree with a lookup per year by the rule it states */
static void
test_codes_by_year(void **state)
{
	static int32_t codes[10000];
	static bool known[10000];
	int			spans[3][2] = {{1, 9999}, {1816, 1816}, {1990, 1991}};
	int			known_seen = 0;

	(void) state;
	/* the index by party holds every spell, so that it, not the scan, is tested */
	assert_true(party_spell_len <= PARTY_SPELLS_INDEXED);
	for (int i = 0; i < party_table_len; i++)
		for (int scheme = PARTY_SCHEME_COW; scheme <= PARTY_SCHEME_GW; scheme++)
			for (int k = 0; k < 3; k++)
			{
				int			first = spans[k][0],
							last = spans[k][1];

				party_codes_by_year(scheme, party_table[i].code, first, last, codes, known);
				for (int y = first; y <= last; y++)
				{
					int32_t		end = y * 10000 + 1231;
					const PartySpell *s = party_spell_of(scheme, party_table[i].code,
														 end < PARTY_LISTS_BEGIN ? PARTY_LISTS_BEGIN : end);

					if (s == NULL)
						s = party_spell_of(scheme, party_table[i].code, y * 10000 + 101);
					assert_int_equal(known[y - first], s != NULL);
					assert_int_equal(codes[y - first], s != NULL ? s->code : 0);
					known_seen += known[y - first];
				}
			}
	assert_true(known_seen > 0);
	/* the GDR's last year is its own (3 October 1990), Germany's from 1991 */
	party_codes_by_year(PARTY_SCHEME_COW, party("DDDE"), 1989, 1991, codes, known);
	assert_true(known[0] && known[1] && !known[2]);
	assert_int_equal(codes[1], 265);
	/* a year before the lists (1815) takes the code on their first day, as 1816 does */
	party_codes_by_year(PARTY_SCHEME_COW, party("RU"), 1815, 1816, codes, known);
	assert_true(known[0] && known[1]);
	assert_int_equal(codes[0], codes[1]);
}

/* Former parties have an end; parties of today none; existence follows the spells. */
static void
test_existence(void **state)
{
	(void) state;
	for (int i = 0; i < party_table_len; i++)
	{
		const PartyInfo *p = &party_table[i];

		assert_int_equal(p->former, p->valid_to != 0);
		/* a former party is no state at the end of time, a party of the lists today is */
		if (p->former)
			assert_false(party_exists_on(p, 99991231));
		else if (party_spell_of(PARTY_SCHEME_COW, p->code, PARTY_DATE_LATEST) != NULL)
			assert_true(party_exists_on(p, 99991231));
	}
	assert_true(party_exists_on(party_lookup(party("DDDE")), 19800101));
	assert_false(party_exists_on(party_lookup(party("DDDE")), 19910101));
	assert_false(party_exists_on(party_lookup(party("EE")), 19600101));
	assert_true(party_exists_on(party_lookup(party("EE")), 19300101));
	/* in neither list: within its bounds, which are open */
	assert_true(party_exists_on(party_lookup(party("AQ")), 18000101));
	for (int i = 0; i < party_successor_len; i++)
	{
		assert_true(party_lookup(party_successor[i].party)->former);
		assert_non_null(party_lookup(party_successor[i].successor));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_facts),
		cmocka_unit_test(test_statuses),
		cmocka_unit_test(test_every_spell_round_trips),
		cmocka_unit_test(test_code_search_matches_scan),
		cmocka_unit_test(test_existence),
		cmocka_unit_test(test_codes_by_year),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
