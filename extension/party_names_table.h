/*
 * party_names_table.h: the generated table of translated party names (see
 * tools/gen-party-names).  Constant data only: nothing is built at run time.
 *
 * Pure C: no PostgreSQL headers, so unit tests and fuzzers link it directly.
 */
#ifndef SECPACT_PARTY_NAMES_TABLE_H
#define SECPACT_PARTY_NAMES_TABLE_H

#include <stdint.h>

/*
 * One translated spelling, folded for matching: text and orig are offsets
 * into party_names_text (the folded form and the translation as shipped),
 * key indexes party_names_keys (an ISO 3166-1 alpha-2 or 3166-3 alpha-4
 * code), lang party_names_languages.  tier 1 ignores case, tier 2 case and
 * accents.  Sorted by the folded bytes, then tier.
 */
typedef struct PartyNameEntry
{
	uint32_t	text;
	uint32_t	orig;
	uint8_t		len;
	uint16_t	key;
	uint8_t		lang;
	uint8_t		tier;
} PartyNameEntry;

/* A code point's folded forms (offsets into party_names_text, 0 if empty). */
typedef struct PartyNameFold
{
	uint32_t	cp;
	uint32_t	fold1;
	uint32_t	fold2;
	uint8_t		len1;
	uint8_t		len2;
} PartyNameFold;

extern const char party_names_iso_codes_version[];
extern const char *const party_names_languages[];
extern const int party_names_nlanguages;
extern const char *const party_names_keys[];
extern const int party_names_nkeys;
/* [language * party_names_nkeys + key]: the short name, 0 where none */
extern const uint32_t party_names_short[];
extern const PartyNameEntry party_names_index[];
extern const int party_names_index_len;
extern const PartyNameFold party_names_folds[];
extern const int party_names_folds_len;
extern const char party_names_text[];

#endif
