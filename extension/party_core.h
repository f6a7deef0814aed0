/*
 * party_core.h: parsing, formatting and lookup of parties, in pure C.
 *
 * No PostgreSQL headers here: the fmgr wrappers in party.c call this core,
 * and so do the cmocka unit tests and the fuzz targets.
 *
 * A party's stored value is its alpha-2 code itself, (first letter << 8) |
 * second letter, ASCII upper case.  It is an on-disk contract: it never
 * depends on a position in the generated table, so the table can gain codes
 * or rename countries without changing any stored value or its order.
 *
 * Parties added in 1.2 (data/states/parties-added.csv, append-only) keep
 * that rule where they can: XK and the withdrawn alpha-2 codes of former
 * states that no release ever accepted (SU, DD, CS for Czechoslovakia, YU,
 * VD, YD) are stored as their letters.  Parties without an alpha-2 of their
 * own (Serbia and Montenegro, whose CS was Czechoslovakia's first, and the
 * states no ISO code ever named) take values 0x6001..0x60FF, whose first
 * byte is no letter, so they can never collide with an alpha-2 and sort
 * after every one.  Every value stays below 0x8000, so a dyad of any two
 * stays below 2^31.
 */
#ifndef SECPACT_PARTY_CORE_H
#define SECPACT_PARTY_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "party_table.h"

typedef uint16_t PartyCode;

#define PARTY_CODE(a, b)	((PartyCode) (((unsigned) (a) << 8) | (unsigned) (b)))
#define PARTY_FIRST(code)	((char) ((code) >> 8))
#define PARTY_SECOND(code)	((char) ((code) & 0xFF))

/* Values of parties with no alpha-2 of their own: PARTY_EXTRA_BASE + 1..255. */
#define PARTY_EXTRA_BASE	0x6000
#define PARTY_EXTRA_SLOTS	256

/* The longest text of a party ("SUHH", "#BAV") and its NUL. */
#define PARTY_FORMAT_SIZE	5

/*
 * Longest text input considered, after trimming surrounding whitespace.
 * The longest name in the table is 52 bytes; anything longer is rejected
 * before it is copied anywhere.
 */
#define PARTY_MAX_INPUT 64

typedef enum PartyParseStatus
{
	PARTY_PARSE_OK = 0,
	PARTY_PARSE_EMPTY,			/* nothing but whitespace */
	PARTY_PARSE_TOO_LONG,		/* longer than PARTY_MAX_INPUT */
	PARTY_PARSE_BAD_CHAR,		/* control character or NUL */
	PARTY_PARSE_UNKNOWN_ALPHA2, /* two letters, not an assigned code */
	PARTY_PARSE_UNKNOWN_ALPHA3, /* three letters, not an assigned code */
	PARTY_PARSE_UNKNOWN_NUMERIC,	/* 1-3 digits, not an assigned code */
	PARTY_PARSE_BAD_NUMERIC,	/* sign, or more than three digits */
	PARTY_PARSE_UNKNOWN_NAME,	/* anything else that matches no name */
	PARTY_PARSE_AMBIGUOUS,		/* a former code of more than one party (CS) */
	PARTY_PARSE_AMBIGUOUS_NAME	/* a translated name of more than one party */
} PartyParseStatus;

/*
 * The whitespace party_parse trims: ASCII space, tab, newline, carriage
 * return, vertical tab and form feed.  Shared so that the dyad parser splits
 * at exactly what a party would trim.
 */
static inline bool
party_is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Which spellings party_parse accepts. */
#define PARTY_ACCEPT_CODES	0x1		/* alpha-2, -3, -4, numeric, #ABC */
#define PARTY_ACCEPT_NAMES	0x2		/* names: English, then translated */
#define PARTY_ACCEPT_ALL	(PARTY_ACCEPT_CODES | PARTY_ACCEPT_NAMES)

/*
 * Parses len bytes at s (not necessarily NUL-terminated).  Surrounding ASCII
 * whitespace is ignored, letters are matched without regard to case.
 */
extern PartyParseStatus party_parse(const char *s, size_t len, int accept,
									PartyCode *out);

/* The table row of a code, or NULL when the code is not a known party. */
extern const PartyInfo *party_lookup(PartyCode code);

/*
 * The slots of codes, for party_alpha2_rows (party_table.h): each code of two
 * letters at (first - 'A') * 26 + (second - 'A'), each code
 * PARTY_EXTRA_BASE + i at PARTY_ALPHA2_SLOTS + i.
 */
#define PARTY_ALPHA2_SLOTS (26 * 26)
#define PARTY_CODE_SLOTS (PARTY_ALPHA2_SLOTS + PARTY_EXTRA_SLOTS)

/*
 * The slot of a code in party_alpha2_rows, in code order, or -1 when the
 * code can be no party's: the index of bit sets and per-party counters.
 */
static inline int
party_code_slot(PartyCode code)
{
	unsigned	first = (unsigned) (code >> 8) - 'A';
	unsigned	second = (unsigned) (code & 0xFF) - 'A';

	if (first < 26 && second < 26)
		return (int) (first * 26 + second);
	if ((code & 0xFF00) == PARTY_EXTRA_BASE)
		return PARTY_ALPHA2_SLOTS + (code & 0xFF);
	return -1;
}

/* The code of a slot below PARTY_CODE_SLOTS. */
static inline PartyCode
party_slot_code(int slot)
{
	if (slot < PARTY_ALPHA2_SLOTS)
		return PARTY_CODE('A' + slot / 26, 'A' + slot % 26);
	return (PartyCode) (PARTY_EXTRA_BASE + (slot - PARTY_ALPHA2_SLOTS));
}

/*
 * The row of a code in party_table, -1 when the code is not a known party:
 * a few comparisons and a load, for loops over many rows.
 */
static inline int
party_table_row(PartyCode code)
{
	int			slot = party_code_slot(code);

	return slot < 0 ? -1 : party_alpha2_rows[slot];
}

/* The party of a row of party_table: the way back from party_table_row. */
static inline PartyCode
party_row_code(int row)
{
	return party_table[row].code;
}

static inline bool
party_is_known(PartyCode code)
{
	return party_lookup(code) != NULL;
}

/*
 * Writes the party's text (its alpha-2 code; for a former state its ISO
 * 3166-3 alpha-4; for a state with no ISO code "#" and its COW or G&W
 * abbreviation) and a terminating NUL into out[PARTY_FORMAT_SIZE]; returns
 * its length.  The code must be known.
 */
extern size_t party_format(PartyCode code, char *out);

/*
 * The parties a code of several parties once named (CS: Czechoslovakia and
 * Serbia and Montenegro), into out[] up to max; returns how many, 0 when the
 * input is not such a code.
 */
extern int	party_ambiguous_find(const char *s, size_t len, PartyCode *out, int max);

/* Writes the zero-padded numeric code into out[4]; false when there is none. */
extern bool party_format_numeric(PartyCode code, char *out);

/*
 * Fills out[] with up to max parties whose names or codes are nearest to the
 * input (edit distance, without regard to case or Latin-1 accents), nearest
 * first, and returns how many.  Only near misses are returned.
 */
extern int	party_suggest(const char *s, size_t len, PartyCode *out, int max);

/*
 * Codes that people often use for a party but that ISO 3166-1 does not
 * assign to it (UK for the United Kingdom, EL for Greece).  Returns the
 * party meant, or 0.
 */
extern PartyCode party_common_misuse(const char *s, size_t len);

/*
 * Codes and names withdrawn from ISO 3166-1 (ISO 3166-3) that the input
 * matches: an alpha-2 or alpha-3 code not assigned today, a four-letter
 * ISO 3166-3 code, or a former name (whole, or before its first comma).
 * Fills out[] with up to max rows of party_withdrawn and returns how many.
 * These are not parties; error hints say what the input once meant.
 */
extern int	party_withdrawn_find(const char *s, size_t len,
								 const PartyWithdrawn **out, int max);

/*
 * The parties whose translated names (party_names_core.h) the input spells:
 * fills out[] with up to max distinct parties and returns how many there
 * are in all.  party_parse uses it after the English names.
 */
extern int	party_translated_find(const char *s, size_t len, PartyCode *out, int max);

/*
 * Optimal string alignment distance (a swap of neighbours as one edit) of two
 * strings of code points, or limit + 1
 * once it must exceed limit (or a string is longer than
 * PARTY_EDIT_DISTANCE_MAX).
 */
#define PARTY_EDIT_DISTANCE_MAX 256
extern int	party_edit_distance(const int32_t *a, int alen, const int32_t *b, int blen, int limit);

/*
 * The party a translation's key (an ISO 3166-1 alpha-2 or 3166-3 alpha-4)
 * names, or 0.
 */
extern PartyCode party_translation_key_party(const char *key);

/*
 * Near misses among the translated names: up to max parties, nearest first,
 * each with the translation it was near (UTF-8); returns how many.
 */
extern int	party_translated_suggest(const char *s, size_t len, PartyCode *codes,
									 const char **names, int max);

/* Builds the lookup indexes; called lazily, safe to call again. */
extern void party_core_init(void);

#endif
