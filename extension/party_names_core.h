/*
 * party_names_core.h: party names in other languages, in pure C.
 *
 * Pure C because party_parse (party_core.c) falls back to it, and the
 * parsers are fuzzed and unit-tested without a server.  The data is
 * constant (party_names_table.c, generated): nothing is built at run time.
 *
 * Names are keyed by ISO code as text (an ISO 3166-1 alpha-2 or ISO 3166-3
 * alpha-4), not by party value, so the table never depends on how a party
 * is stored.  Text is UTF-8; callers convert from other server encodings.
 */
#ifndef SECPACT_PARTY_NAMES_CORE_H
#define SECPACT_PARTY_NAMES_CORE_H

#include <stdbool.h>
#include <stddef.h>

#include "party_names_table.h"

/* Longest translated name matched, in bytes (the longest shipped is 241). */
#define PARTY_NAMES_MAX_INPUT 255

/* party_names_language's answers besides a language's index */
#define PARTY_NAMES_ENGLISH (-1)
#define PARTY_NAMES_MALFORMED (-2)

/*
 * The language of a code: an ISO 639 code, optionally with a territory, a
 * codeset and a modifier, as POSIX locale names are written ("uk", "pt_BR",
 * "zh_TW", "sr@latin", "pt_BR.UTF-8"; "-" also separates the territory, as
 * in "pt-BR").  Falls back from language_TERRITORY to language, then to
 * English (PARTY_NAMES_ENGLISH: no table of its own, as for "en", "C" and
 * every language iso-codes does not translate to).  PARTY_NAMES_MALFORMED
 * where the code is not of that form.
 */
extern int	party_names_language(const char *s, size_t len);

/* The index of a key ("BE", "SUHH") in party_names_keys, or -1. */
extern int	party_names_key(const char *key, size_t len);

/* The short name of a key in a language, or NULL where none is shipped. */
extern const char *party_names_short_name(int lang, int key);

/*
 * Finds the translated names that the input spells, without regard to case
 * (tier 1) or, where nothing matches that way, to case and accents (tier 2).
 * Fills keys[] with up to max distinct keys of the matches, in key order,
 * and returns how many there are in all (so more than max says: ambiguous
 * beyond what was kept).  0 when nothing matches or the input is not UTF-8.
 */
extern int	party_names_find(const char *s, size_t len, int *keys, int max);

/*
 * Near misses for the input among the translated names (edit distance over
 * characters, case and accents ignored; none for input under four
 * characters): fills out[] with up to max entries of distinct keys, nearest
 * first, and returns how many.
 */
extern int	party_names_suggest(const char *s, size_t len,
								const PartyNameEntry **out, int max);

#endif
