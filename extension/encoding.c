/*
 * encoding.c: the party table and the chart are UTF-8; a database may be
 * LATIN1, WIN1251, EUC_JP...  Text leaving the extension is converted to the
 * database encoding, and text entering a parser is converted to UTF-8, so
 * that 'Türkiye'::party matches in LATIN1 and party_name('CI') is valid text
 * in EUC_JP (a pg_dump of raw UTF-8 there restored none of its rows).
 *
 * Names are for people, and a Cyrillic or Greek database has no letters
 * with Latin accents: rather than fail every query that shows Côte d'Ivoire
 * or Åland there, such a letter is written as its base letter, as ISO 3166
 * spells names in ASCII, and input accepts the name spelt so.  Only a
 * character with no such substitute raises PostgreSQL's usual error.
 * SQL_ASCII databases declare no encoding: they get UTF-8, unconverted.
 */
#include "encoding.h"

#include "catalog/namespace.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/memutils.h"

#include "party_table.h"

/*
 * U+00C0..U+00FF (UTF-8 0xC3 0x80..0xBF) as an ASCII letter of the same
 * case; zero where there is none (Æ, ×, Þ, ß...).
 */
static const char latin1_ascii[64] =
"AAAAAA\0CEEEEIIIIDNOOOOO\0OUUUUY\0\0aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";

static bool
needs_conversion(const char *s, size_t len)
{
	int			enc = GetDatabaseEncoding();

	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
		return false;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char) s[i] >= 0x80)
			return true;
	return false;				/* ASCII is the same in every server encoding */
}

static Oid
conversion_proc(int from, int to)
{
	Oid			proc = FindDefaultConversionProc(from, to);

	if (!OidIsValid(proc))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("default conversion function for encoding \"%s\" to \"%s\" does not exist",
						pg_encoding_to_char(from), pg_encoding_to_char(to))));
	return proc;
}

char *
secpact_utf8_to_server(const char *s, size_t len, size_t *outlen)
{
	int			enc = GetDatabaseEncoding();
	StringInfoData buf;
	Oid			proc;
	size_t		i = 0;

	if (!needs_conversion(s, len))
	{
		*outlen = len;
		return unconstify(char *, s);
	}
	proc = conversion_proc(PG_UTF8, enc);
	initStringInfo(&buf);
	while (i < len)
	{
		const unsigned char *c = (const unsigned char *) s + i;
		unsigned char out[32];
		int			clen;

		if (*c < 0x80)
		{
			appendStringInfoChar(&buf, (char) *c);
			i++;
			continue;
		}
		clen = pg_utf_mblen(c);
		if (clen > (int) (len - i) || !pg_utf8_islegal(c, clen))
			ereport(ERROR,
					(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
					 errmsg("invalid byte sequence for encoding \"UTF8\": 0x%02x", *c)));
		/* one character at a time, so that one the encoding lacks is known */
		if (pg_do_encoding_conversion_buf(proc, PG_UTF8, enc, unconstify(unsigned char *, c),
										  clen, out, sizeof(out), true) == clen)
			appendStringInfoString(&buf, (const char *) out);
		else if (clen == 2 && c[0] == 0xC3 && latin1_ascii[c[1] - 0x80] != '\0')
			appendStringInfoChar(&buf, latin1_ascii[c[1] - 0x80]);
		else
			report_untranslatable_char(PG_UTF8, enc, (const char *) c, clen);
		i += clen;
	}
	*outlen = buf.len;
	return buf.data;
}

const char *
secpact_party_name(int row)
{
	static const char **names = NULL;

	if (!needs_conversion("\x80", 1))
		return party_table[row].name;
	if (names == NULL)
		names = MemoryContextAllocZero(TopMemoryContext, sizeof(char *) * party_table_len);
	if (names[row] == NULL)
	{
		size_t		len;
		char	   *converted = secpact_utf8_to_server(party_table[row].name,
													  strlen(party_table[row].name), &len);

		names[row] = MemoryContextStrdup(TopMemoryContext, converted);
	}
	return names[row];
}

const char *
secpact_server_to_utf8(const char *s, size_t len, size_t *outlen)
{
	int			enc = GetDatabaseEncoding();
	unsigned char *out;
	size_t		size;
	int			done;

	if (!needs_conversion(s, len))
	{
		*outlen = len;
		return s;
	}
	size = len * MAX_CONVERSION_GROWTH + 1;
	out = palloc(size);
	done = pg_do_encoding_conversion_buf(conversion_proc(enc, PG_UTF8), enc, PG_UTF8,
										 unconstify(unsigned char *, (const unsigned char *) s),
										 (int) len, out, (int) size, true);
	if (done != (int) len)
		return NULL;
	*outlen = strlen((const char *) out);
	return (const char *) out;
}
