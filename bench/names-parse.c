/*
 * bench/names-parse.c: the C core's time to read a party from each of the
 * translated spellings (and the English names before them, as party_parse
 * tries them), ten times over, outside PostgreSQL.  bench/names-parse
 * builds and runs it.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "party_core.h"
#include "party_names_table.h"

int
main(void)
{
	PartyCode	code;
	long		parsed = 0;
	long		tried = 0;
	clock_t		start = clock();
	double		seconds;

	for (int pass = 0; pass < 10; pass++)
		for (int i = 0; i < party_names_index_len; i++)
		{
			const char *s = party_names_text + party_names_index[i].orig;

			if (party_parse(s, strlen(s), PARTY_ACCEPT_ALL, &code) == PARTY_PARSE_OK)
				parsed++;
			tried++;
		}
	seconds = (double) (clock() - start) / CLOCKS_PER_SEC;
	printf("%ld of %ld spellings read as a party, %.1f ns a parse\n", parsed, tried, seconds * 1e9 / tried);
	return 0;
}
