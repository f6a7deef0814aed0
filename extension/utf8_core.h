/*
 * utf8_core.h: the one UTF-8 decoder of the pure cores, for the translated
 * names' matching (party_names_core.c) and the chart's escaping
 * (chart_text.c).
 *
 * In the backend PostgreSQL's pg_utf8_islegal and utf8_to_unicode do this,
 * and encoding.c uses them; the cores include no PostgreSQL header, since
 * the cmocka tests and the libFuzzer targets link them alone.
 */
#ifndef SECPACT_UTF8_CORE_H
#define SECPACT_UTF8_CORE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decodes the character at s[0, len), len > 0, into *used bytes: strict
 * UTF-8, no overlong forms, no surrogates, nothing past U+10FFFF.  -1 for a
 * malformed sequence, with *used = 1.
 */
static inline int32_t
utf8_decode(const unsigned char *s, size_t len, size_t *used)
{
	uint32_t	c = s[0];
	size_t		n;
	uint32_t	min;

	*used = 1;
	if (c < 0x80)
		return (int32_t) c;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, c &= 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, c &= 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, c &= 0x07, min = 0x10000;
	else
		return -1;
	if (len < n)
		return -1;
	for (size_t i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*used = n;
	return (int32_t) c;
}

#endif
