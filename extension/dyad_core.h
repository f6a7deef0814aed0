/*
 * dyad_core.h: parsing, formatting and tests of dyads, in pure C.
 *
 * A dyad is an unordered pair of two distinct parties.  No PostgreSQL headers
 * here: the fmgr wrappers in dyad.c call this core, and so do the cmocka unit
 * tests.
 *
 * The stored value is (lower party code << 16) | higher party code, where a
 * party code is the alpha-2 value of party_core.h.  It is an on-disk
 * contract: btree order is plain integer order, which is by the lower party,
 * then the higher; and hashing is of this value.  Both parties are known and
 * distinct, and the lower comes first; dyad_is_valid checks exactly that.
 * Every valid value is below 2^31 (party codes are below 0x8000), so it
 * also orders correctly as a signed int32.
 */
#ifndef SECPACT_DYAD_CORE_H
#define SECPACT_DYAD_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "party_core.h"

typedef uint32_t DyadCode;

/* Only for codes already in canonical order; dyad_make orders them. */
#define DYAD_CODE(lower, higher)	((DyadCode) (((uint32_t) (lower) << 16) | (uint32_t) (higher)))
#define DYAD_FIRST(dyad)	((PartyCode) ((dyad) >> 16))
#define DYAD_SECOND(dyad)	((PartyCode) ((dyad) & 0xFFFF))

/* "CSXX-YUCS" and its terminating NUL; "BE-UA" for two parties of today */
#define DYAD_FORMAT_SIZE (2 * PARTY_FORMAT_SIZE)

/*
 * Longest text input considered, after trimming surrounding whitespace.  The
 * longest dyad in codes is seven bytes ("BEL-UKR"); 64 leaves room for any
 * sensible whitespace around the separator, and anything longer is rejected
 * before it is scanned.
 */
#define DYAD_MAX_INPUT 64

typedef enum DyadParseStatus
{
	DYAD_PARSE_OK = 0,
	DYAD_PARSE_EMPTY,			/* nothing but whitespace */
	DYAD_PARSE_TOO_LONG,		/* longer than DYAD_MAX_INPUT */
	DYAD_PARSE_BAD_CHAR,		/* control character or NUL */
	DYAD_PARSE_ONE_PARTY,		/* a single party and no separator */
	DYAD_PARSE_NO_SEPARATOR,	/* a single word that is not a party */
	DYAD_PARSE_TOO_MANY_PARTS,	/* more than one separator */
	DYAD_PARSE_BAD_PARTY,		/* one side is not a party code */
	DYAD_PARSE_SAME_PARTY		/* both sides name the same party */
} DyadParseStatus;

/* What went wrong, beyond the status. */
typedef struct DyadParseError
{
	int			side;			/* BAD_PARTY: 1 for the first, 2 for the second */
	PartyParseStatus party_status;	/* BAD_PARTY: why that side failed */
	size_t		offset;			/* BAD_PARTY: where that side starts in the input */
	size_t		len;			/* BAD_PARTY: and its length, trimmed */
	PartyCode	party;			/* ONE_PARTY, SAME_PARTY: the party named */
	DyadCode	suggestion;		/* NO_SEPARATOR: the dyad meant, or 0 */
} DyadParseError;

/*
 * Parses len bytes at s (not necessarily NUL-terminated): two party codes
 * (alpha-2, alpha-3 or numeric, as party_parse takes them with
 * PARTY_ACCEPT_CODES) in either order, separated by one "-", ":" or "/" or
 * by whitespace.  Whitespace around the input and around the separator is
 * ignored.  On failure *out is untouched and, when err is not NULL, *err
 * says what went wrong.
 */
extern DyadParseStatus dyad_parse(const char *s, size_t len, DyadCode *out,
								  DyadParseError *err);

/*
 * Makes the dyad of two known parties, in either order.  False when they are
 * the same party, which no dyad holds.
 */
extern bool dyad_make(PartyCode a, PartyCode b, DyadCode *out);

/*
 * Writes "BE-UA" (each party as party_format writes it) and a terminating
 * NUL into out[DYAD_FORMAT_SIZE]; returns its length.
 */
extern size_t dyad_format(DyadCode dyad, char *out);

/*
 * True when value is a dyad text input could produce: two known parties,
 * distinct, the lower first.  Binary input checks every value with it.
 */
extern bool dyad_is_valid(uint32_t value);

/*
 * Room for the dyads of one party (each of the other parties, at most one
 * per possible code) and for the dyads sharing a party with a dyad.
 */
#define DYAD_INVOLVING_MAX	(PARTY_CODE_SLOTS - 1)
#define DYAD_OVERLAPPING_MAX	(2 * DYAD_INVOLVING_MAX)

/*
 * Writes every dyad that involves the party into out[DYAD_INVOLVING_MAX], in
 * dyad order, and returns how many: one per other known party, none when the
 * party is not known.  The planner support of @> turns "involves P" into
 * "is one of these" for a btree index on dyads.
 */
extern int	dyad_involving(PartyCode party, DyadCode *out);

/*
 * The first and last dyads, in dyad order, where the party is the lower
 * one: the run a btree on dyads holds them in.  False when there are none
 * (the party is the last in party order, or not known).
 */
extern bool dyad_lower_run(PartyCode party, DyadCode *first, DyadCode *last);

/*
 * Writes every dyad that shares a party with the given one, itself included,
 * into out[DYAD_OVERLAPPING_MAX], in dyad order, and returns how many; none
 * when the dyad is not valid.  The same for &&.
 */
extern int	dyad_overlapping(DyadCode dyad, DyadCode *out);

/* Whether the dyad involves the party. */
static inline bool
dyad_contains(DyadCode dyad, PartyCode party)
{
	return DYAD_FIRST(dyad) == party || DYAD_SECOND(dyad) == party;
}

/* Whether two dyads share a party. */
static inline bool
dyad_overlaps(DyadCode a, DyadCode b)
{
	return dyad_contains(a, DYAD_FIRST(b)) || dyad_contains(a, DYAD_SECOND(b));
}

/* The other party of the dyad; false when the party is not in it. */
static inline bool
dyad_counterpart(DyadCode dyad, PartyCode party, PartyCode *out)
{
	if (DYAD_FIRST(dyad) == party)
		*out = DYAD_SECOND(dyad);
	else if (DYAD_SECOND(dyad) == party)
		*out = DYAD_FIRST(dyad);
	else
		return false;
	return true;
}

#endif
