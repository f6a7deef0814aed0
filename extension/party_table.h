/*
 * party_table.h: the generated table of parties (see tools/gen-party-table).
 *
 * Pure C: no PostgreSQL headers, so unit tests and fuzzers link it directly.
 */
#ifndef SECPACT_PARTY_TABLE_H
#define SECPACT_PARTY_TABLE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct PartyInfo
{
	char		alpha2[3];		/* ISO 3166-1 alpha-2, or EU */
	const char *alpha3;			/* NULL where ISO assigns none (EU) */
	int			numeric;		/* ISO 3166-1 numeric, -1 where none */
	const char *name;			/* iso-codes "name" */
	const char *common_name;	/* iso-codes "common_name", or NULL */
	const char *official_name;	/* iso-codes "official_name", or NULL */
	bool		is_organisation;	/* true for the EU */
} PartyInfo;

/* Sorted by alpha2, which is also the party type's sort order. */
extern const PartyInfo party_table[];
extern const int party_table_len;

/* A code withdrawn from ISO 3166-1 (ISO 3166-3): not a party, only a hint. */
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
