/*
 * secpact.c: the module's entry points and helpers every wrapper shares.
 */
#include "secpact.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/guc.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	/* Build the lookup indexes once per backend, not on the first query. */
	party_core_init();
	party_names_define_settings();
	MarkGUCPrefixReserved("secpact");
}

char *
secpact_quote_input(const char *s, size_t len)
{
	StringInfoData buf;

	initStringInfo(&buf);
	if (len <= SECPACT_QUOTE_MAX)
		appendBinaryStringInfo(&buf, s, (int) len);
	else
	{
		/* Cut at a character boundary so the message stays valid UTF-8. */
		int			cut = pg_mbcliplen(s, (int) len, SECPACT_QUOTE_MAX);

		appendBinaryStringInfo(&buf, s, cut);
		appendStringInfoString(&buf, "...");
	}
	return buf.data;
}

