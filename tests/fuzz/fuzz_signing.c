/*
 * libFuzzer target: the signing_position mode parser, ordinals, and the
 * state machine fed with arbitrary row streams, checked against the
 * invariants of ranks: places start at 1, never exceed the rows seen, dense
 * never exceeds rank, and a counterpart keeps the places of its first
 * signing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "signing_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *s = malloc(size ? size : 1);
	SigningMode mode;
	SigningState *state = calloc(1, SIGNING_STATE_SIZE(128));
	SigningPlace first[128];
	char		ordinal[32];

	if (s == NULL || state == NULL)
	{
		free(s);
		free(state);
		return 0;
	}
	if (size)
		memcpy(s, data, size);
	(void) signing_parse_mode(s, size, &mode);

	/* each byte is a row: bit 7 starts a new peer group, the rest a counterpart */
	memset(first, 0, sizeof(first));
	for (size_t i = 0; i < size; i++)
	{
		bool		new_group = (data[i] & 0x80) != 0 || i == 0;
		int			index = data[i] & 0x7F;
		SigningPlace place;

		if (index == 0x7F)
			index = -1;			/* a NULL counterpart */
		if (!signing_step(state, new_group, index, &place))
		{
			if (index >= 0)
				abort();		/* only NULLs take no place */
			continue;
		}
		if (place.rank < 1 || (size_t) place.rank > i + 1 ||
			place.dense < 1 || place.dense > place.rank)
			abort();
		if (first[index].rank == 0)
			first[index] = place;
		else if (first[index].rank != place.rank || first[index].dense != place.dense)
			abort();
	}
	if (size >= 4)
	{
		int32_t		n;

		memcpy(&n, data, sizeof(n));
		if (ordinal_format(n, ordinal) >= sizeof(ordinal))
			abort();
	}
	free(state);
	free(s);
	return 0;
}
