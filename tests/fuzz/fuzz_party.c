/*
 * libFuzzer target: the party text parser and its error path.
 *
 * Invariants checked besides "no crash, no sanitizer report": whatever
 * parses is a known party whose alpha-2 text parses back to it, and
 * suggestions are known parties.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "party_core.h"
#include "party_names_core.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int modes[] = {PARTY_ACCEPT_ALL, PARTY_ACCEPT_CODES, PARTY_ACCEPT_NAMES};
	/* A copy of exactly size bytes, so ASan catches any read past the end. */
	char	   *s = malloc(size ? size : 1);
	PartyCode	suggestions[3];
	int			n;

	if (s == NULL)
		return 0;
	if (size)
		memcpy(s, data, size);

	for (size_t m = 0; m < sizeof(modes) / sizeof(modes[0]); m++)
	{
		PartyCode	code = 0;

		if (party_parse(s, size, modes[m], &code) == PARTY_PARSE_OK)
		{
			char		text[PARTY_FORMAT_SIZE];
			PartyCode	again = 0;
			size_t		len;

			if (!party_is_known(code))
				abort();
			len = party_format(code, text);
			if (party_parse(text, len, PARTY_ACCEPT_CODES, &again) != PARTY_PARSE_OK ||
				again != code)
				abort();
		}
	}

	n = party_suggest(s, size, suggestions, 3);
	if (n < 0 || n > 3)
		abort();
	for (int i = 0; i < n; i++)
		if (!party_is_known(suggestions[i]))
			abort();
	(void) party_common_misuse(s, size);
	/* the translated names: language codes, and near misses of names */
	{
		int			lang = party_names_language(s, size);
		PartyCode	codes[3];
		const char *names[3];

		if (lang < PARTY_NAMES_MALFORMED || lang >= party_names_nlanguages)
			abort();
		n = party_translated_suggest(s, size, codes, names, 3);
		if (n < 0 || n > 3)
			abort();
		for (int i = 0; i < n; i++)
			if (!party_is_known(codes[i]) || names[i] == NULL)
				abort();
	}
	{
		const PartyWithdrawn *withdrawn[2];

		n = party_withdrawn_find(s, size, withdrawn, 2);
		if (n < 0 || n > 2)
			abort();
		for (int i = 0; i < n; i++)
			if (withdrawn[i] < party_withdrawn || withdrawn[i] >= party_withdrawn + party_withdrawn_len)
				abort();
	}

	free(s);
	return 0;
}
