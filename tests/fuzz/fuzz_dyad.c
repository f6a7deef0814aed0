/*
 * libFuzzer target: the dyad text parser.
 *
 * Invariants besides "no crash, no sanitizer report": whatever parses is a
 * valid dyad whose text parses back to it; a failure names a side only when
 * one side was wrong, and that side lies inside the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dyad_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of exactly size bytes, so ASan catches any read past the end. */
	char	   *s = malloc(size ? size : 1);
	DyadCode	dyad = 0;
	DyadParseError err;
	DyadParseStatus status;

	if (s == NULL)
		return 0;
	if (size)
		memcpy(s, data, size);
	memset(&err, 0, sizeof(err));

	status = dyad_parse(s, size, &dyad, &err);
	if (status == DYAD_PARSE_OK)
	{
		char		text[DYAD_FORMAT_SIZE];
		DyadCode	again = 0;

		if (!dyad_is_valid(dyad))
			abort();
		dyad_format(dyad, text);
		if (dyad_parse(text, strlen(text), &again, NULL) != DYAD_PARSE_OK || again != dyad)
			abort();
		if (!dyad_contains(dyad, DYAD_FIRST(dyad)) || !dyad_contains(dyad, DYAD_SECOND(dyad)))
			abort();
	}
	else if (status == DYAD_PARSE_BAD_PARTY)
	{
		if ((err.side != 1 && err.side != 2) || err.offset > size || err.len > size - err.offset)
			abort();
	}
	/* the same input without an error struct gives the same status */
	if (dyad_parse(s, size, &dyad, NULL) != status)
		abort();

	free(s);
	return 0;
}
