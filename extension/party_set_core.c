/*
 * party_set_core.c: sets of parties as bitmaps, in pure C.
 *
 * 117 bytes hold every possible code: adding is one bit, counting is a
 * table lookup per byte, and two sets combine with one OR per byte, which is
 * what lets count_parties() run in parallel workers where count(DISTINCT)
 * cannot.
 */
#include "party_set_core.h"

#include <string.h>

/* The bits of the last byte that stand for codes: 932 = 116 * 8 + 4. */
#define LAST_BYTE_MASK	((uint8_t) ((1u << (PARTY_SET_CODES % 8)) - 1))

bool
party_set_add(PartySet *set, PartyCode code)
{
	int			i = party_set_index(code);

	if (i < 0)
		return false;
	set->bits[i / 8] |= (uint8_t) (1u << (i % 8));
	return true;
}

bool
party_set_contains(const PartySet *set, PartyCode code)
{
	int			i = party_set_index(code);

	return i >= 0 && (set->bits[i / 8] & (1u << (i % 8))) != 0;
}

void
party_set_union(PartySet *set, const PartySet *other)
{
	for (int i = 0; i < PARTY_SET_BYTES; i++)
		set->bits[i] |= other->bits[i];
}

int
party_set_count(const PartySet *set)
{
	int			n = 0;

	for (int i = 0; i < PARTY_SET_BYTES; i++)
		n += __builtin_popcount(set->bits[i]);	/* what pg_popcount uses, where PostgreSQL is not */
	return n;
}

int
party_set_next(const PartySet *set, int from)
{
	if (from < 0)
		from = 0;
	for (int i = from; i < PARTY_SET_CODES; i++)
	{
		uint8_t		byte = set->bits[i / 8];

		/* skip empty bytes whole */
		if (byte == 0)
		{
			i = (i / 8) * 8 + 7;
			continue;
		}
		if (byte & (1u << (i % 8)))
			return i;
	}
	return -1;
}

bool
party_set_from_bytes(const uint8_t *data, size_t len, PartySet *out)
{
	if (len != PARTY_SET_BYTES)
		return false;
	if ((data[PARTY_SET_BYTES - 1] & (uint8_t) ~LAST_BYTE_MASK) != 0)
		return false;
	memcpy(out->bits, data, PARTY_SET_BYTES);
	return true;
}
