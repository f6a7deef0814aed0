/*
 * party_history_core.h: parties through time, in pure C: which COW or
 * Gleditsch-Ward code a party had on a date, which party a code meant, and
 * whether a party was a state then.
 *
 * Pure C because party_parse's lookups (party_core.c) share its tables and
 * the cmocka unit tests drive it without a server.  Dates are yyyymmdd
 * integers (party_table.h); the fmgr wrappers in party_history.c convert
 * PostgreSQL dates with j2date and date2j.  A spell whose end is 0 runs to
 * its list's end and past it: the list ended, not the state.
 */
#ifndef SECPACT_PARTY_HISTORY_CORE_H
#define SECPACT_PARTY_HISTORY_CORE_H

#include "party_core.h"

/* Any date, for "the latest spell" */
#define PARTY_DATE_LATEST 0

/*
 * The spell of the scheme that gives party its code on ymd, or with
 * PARTY_DATE_LATEST its latest spell; NULL when there is none.
 */
extern const PartySpell *party_spell_of(PartyScheme scheme, PartyCode party, int32_t ymd);

typedef enum PartyFromCodeStatus
{
	PARTY_FROM_CODE_OK = 0,
	PARTY_FROM_CODE_NOT_THEN,	/* a code of the list, but not on that date */
	PARTY_FROM_CODE_UNKNOWN		/* a code the list never used */
} PartyFromCodeStatus;

/*
 * The party a list's code meant on ymd (or in its latest spell, with
 * PARTY_DATE_LATEST).
 */
extern PartyFromCodeStatus party_from_code(PartyScheme scheme, int code, int32_t ymd,
										   PartyCode *out);

/* The same for a COW abbreviation, len bytes at s, in any case. */
extern PartyFromCodeStatus party_from_abbrev(PartyScheme scheme, const char *s, size_t len,
											 int32_t ymd, PartyCode *out);

/* dyad_years' first day of the lists: a year before them takes its code on it */
#define PARTY_LISTS_BEGIN 18160101

/*
 * The party's code in each year from first to last (1 to 9999, first <=
 * last), as dyad_years gives it: on the year's last day (on
 * PARTY_LISTS_BEGIN for a year before the lists), else on its first day (a
 * party that ceased or changed its code within the year).  codes[i] and
 * known[i] are for year first + i; known is false where it had none.
 */
extern void party_codes_by_year(PartyScheme scheme, PartyCode party, int first, int last,
								int32_t *codes, bool *known);

/* The spells party_codes_by_year finds by party (the table's are fewer). */
#define PARTY_SPELLS_INDEXED 4096

/*
 * Whether the party was a state on ymd: a spell of either list covers it;
 * a party neither list has (territories, the EU) exists within its
 * valid_from and valid_to, where 0 is open.
 */
extern bool party_exists_on(const PartyInfo *p, int32_t ymd);

/* Whether a spell covers ymd. */
static inline bool
party_spell_covers(const PartySpell *s, int32_t ymd)
{
	return s->from <= ymd && (s->to == 0 || ymd <= s->to);
}

#endif
