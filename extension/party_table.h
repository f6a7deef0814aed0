/*
 * party_table.h: the generated table of parties (see tools/gen-party-table).
 *
 * Pure C: no PostgreSQL headers, so unit tests and fuzzers link it directly.
 */
#ifndef SECPACT_PARTY_TABLE_H
#define SECPACT_PARTY_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * One party.  Dates are yyyymmdd integers, 0 where open or unknown: a
 * party's existence as a state, from the COW and Gleditsch-Ward lists.
 */
typedef struct PartyInfo
{
	uint16_t	code;			/* the stored value (party_core.h) */
	const char *text;			/* how it prints: BE, XK, SUHH, #BAV */
	const char *alpha2;			/* ISO 3166-1 alpha-2 (former, for ISO 3166-3 states), or NULL */
	const char *alpha3;			/* ISO 3166-1 alpha-3 (likewise), or NULL */
	const char *alpha4;			/* ISO 3166-3 alpha-4 of a former state, or NULL */
	int			numeric;		/* ISO 3166-1 numeric (likewise), -1 where none */
	const char *name;			/* English short name */
	const char *common_name;	/* iso-codes "common_name", or NULL */
	const char *official_name;	/* iso-codes "official_name" (or ISO 3166-3's name), or NULL */
	bool		is_organisation;	/* true for the EU */
	bool		former;			/* no longer exists: not in parties() */
	int32_t		valid_from;		/* first day as a state, 0 when before 1816 or unknown */
	int32_t		valid_to;		/* last day as a state, 0 while it exists */
} PartyInfo;

/* Sorted by code, which is also the party type's sort order. */
extern const PartyInfo party_table[];
extern const int party_table_len;

/*
 * party_table's row of each code by its slot (party_code_slot, in
 * party_core.h); -1 where no party.  Generated as constant data, as the table
 * is, so that nothing is built at start-up.
 */
extern const int16_t party_alpha2_rows[26 * 26 + 256];

/* A former code of a party of today (BU for MM, ZR for CD). */
typedef struct PartyCodeAlias
{
	const char *spelling;
	uint16_t	code;
} PartyCodeAlias;

extern const PartyCodeAlias party_code_alias[];
extern const int party_code_alias_len;

/* A further English name of a party. */
typedef struct PartyNameAlias
{
	const char *name;
	uint16_t	code;
} PartyNameAlias;

extern const PartyNameAlias party_name_alias[];
extern const int party_name_alias_len;

typedef enum PartyScheme
{
	PARTY_SCHEME_COW = 0,		/* Correlates of War State System Membership v2016 */
	PARTY_SCHEME_GW = 1			/* Gleditsch & Ward, revised 2017 */
} PartyScheme;

/* One spell of a list's code, or the part of it that is one party's. */
typedef struct PartySpell
{
	PartyScheme scheme;
	int			code;
	const char *abbrev;			/* the list's three-letter abbreviation */
	uint16_t	party;
	int32_t		from;			/* yyyymmdd */
	int32_t		to;				/* yyyymmdd, 0 while it runs to the list's end */
} PartySpell;

extern const PartySpell party_spell[];
extern const int party_spell_len;

/* What became of a former party. */
typedef struct PartySuccessor
{
	uint16_t	party;
	uint16_t	successor;
	int32_t		on_date;		/* yyyymmdd */
	const char *how;			/* continues, secedes, dissolves, joins, unites */
} PartySuccessor;

extern const PartySuccessor party_successor[];
extern const int party_successor_len;

/* A code withdrawn from ISO 3166-1 (ISO 3166-3), for hints. */
typedef struct PartyWithdrawn
{
	char		alpha2[3];
	const char *alpha3;
	const char *alpha4;			/* ISO 3166-3's four-letter code */
	const char *name;
	const char *withdrawn;		/* date or year of withdrawal, as iso-codes gives it */
} PartyWithdrawn;

extern const PartyWithdrawn party_withdrawn[];
extern const int party_withdrawn_len;

#endif
