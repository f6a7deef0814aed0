/*
 * chart_text.c: text for the signing chart, UTF-8 in, XML-safe ASCII out, in
 * pure C (see chart_core.h).
 */
#include "chart_internal.h"
#include "utf8_core.h"

#define REPLACEMENT 0xFFFD

/* One character, REPLACEMENT for a malformed sequence (one byte of it). */
static uint32_t
utf8_next(const unsigned char *s, size_t len, size_t *used)
{
	int32_t		c = utf8_decode(s, len, used);

	return c < 0 ? REPLACEMENT : (uint32_t) c;
}

/* The number of characters chart_buf_escape would write for s, untruncated. */
size_t
chart_utf8_chars(const char *s, size_t len)
{
	size_t		n = 0;
	size_t		used;

	for (size_t i = 0; i < len; i += used)
	{
		utf8_next((const unsigned char *) s + i, len - i, &used);
		n++;
	}
	return n;
}

static void
buf_append_charref(ChartBuffer *b, uint32_t c)
{
	static const char hex[] = "0123456789ABCDEF";
	char		out[12];
	int			len = 0;
	int			shift = 20;

	out[len++] = '&';
	out[len++] = '#';
	out[len++] = 'x';
	while (shift > 0 && ((c >> shift) & 0xF) == 0)
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		out[len++] = hex[(c >> shift) & 0xF];
	out[len++] = ';';
	chart_buf_append(b, out, (size_t) len);
}

size_t
chart_buf_escape(ChartBuffer *b, const char *s, size_t len, size_t max_chars)
{
	size_t		total = chart_utf8_chars(s, len);
	size_t		keep = total <= max_chars ? total : (max_chars > 0 ? max_chars - 1 : 0);
	size_t		written = 0;
	size_t		used;

	for (size_t i = 0; i < len && written < keep; i += used)
	{
		uint32_t	c = utf8_next((const unsigned char *) s + i, len - i, &used);

		written++;
		switch (c)
		{
			case '&':
				chart_buf_append_str(b, "&amp;");
				continue;
			case '<':
				chart_buf_append_str(b, "&lt;");
				continue;
			case '>':
				chart_buf_append_str(b, "&gt;");
				continue;
			case '"':
				chart_buf_append_str(b, "&quot;");
				continue;
			case '\'':
				chart_buf_append_str(b, "&#39;");
				continue;
			case '\t':
			case '\n':
			case '\r':
				c = ' ';
				break;
			default:
				break;
		}
		if (c < 0x20 || c == 0x7F || c == 0xFFFE || c == 0xFFFF)
			c = REPLACEMENT;
		if (c < 0x80)
		{
			char		ch = (char) c;

			chart_buf_append(b, &ch, 1);
		}
		else
			buf_append_charref(b, c);
	}
	if (keep < total)
	{
		chart_buf_append_str(b, "&#x2026;");
		written++;
	}
	return written;
}
