/*
 * party_set_core.h: sets of parties as bitmaps, in pure C.
 *
 * No PostgreSQL headers here: the aggregates in party_set.c keep one
 * PartySet as their state, and the cmocka unit tests drive it directly.
 *
 * A set has one bit for each of the 676 two-letter codes AA..ZZ, at index
 * (first letter - 'A') * 26 + (second letter - 'A'), and one for each of the
 * 256 codes of parties with no alpha-2 of their own, after them
 * (party_code_slot).  The index depends on the code alone, never on a row of
 * the generated table, so a set (and its serialized form, which parallel
 * workers of one server hand to the leader, and nothing stores) means the
 * same whatever parties the table holds; and ascending index is ascending
 * code order, which is the order of the party type.
 */
#ifndef SECPACT_PARTY_SET_CORE_H
#define SECPACT_PARTY_SET_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "party_core.h"

#define PARTY_SET_CODES		PARTY_CODE_SLOTS	/* 676 + 256 */
#define PARTY_SET_BYTES		((PARTY_SET_CODES + 7) / 8)	/* 117 */

/*
 * All zero bytes is the empty set.  Bit i of the set is bit (i % 8) of
 * bits[i / 8]: a byte layout, so the serialized form is the same on every
 * platform.
 */
typedef struct PartySet
{
	uint8_t		bits[PARTY_SET_BYTES];
} PartySet;

/* The bit index of a code, or -1 when it can be no party's. */
static inline int
party_set_index(PartyCode code)
{
	return party_code_slot(code);
}

/* The code of a bit index below PARTY_SET_CODES. */
static inline PartyCode
party_set_code(int index)
{
	return party_slot_code(index);
}

/* Adds a party; false (and the set unchanged) for a code that can be no party's. */
extern bool party_set_add(PartySet *set, PartyCode code);

/* Whether the set holds the party. */
extern bool party_set_contains(const PartySet *set, PartyCode code);

/* Adds every party of other to set. */
extern void party_set_union(PartySet *set, const PartySet *other);

/* The number of parties in the set. */
extern int	party_set_count(const PartySet *set);

/*
 * The first party of the set at or after bit index from, as its index, or
 * -1 when there is none: for (i = party_set_next(s, 0); i >= 0; i =
 * party_set_next(s, i + 1)) visits the parties in alpha-2 order.
 */
extern int	party_set_next(const PartySet *set, int from);

/*
 * The serialized form is the PARTY_SET_BYTES bytes of bits[].  Reading one
 * back checks its length and that no bit past the last code is set; false,
 * and *out untouched, otherwise.
 */
extern bool party_set_from_bytes(const uint8_t *data, size_t len, PartySet *out);

#endif
