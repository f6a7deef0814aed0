/*
 * chart_buffer.c: the growable buffer the signing chart is written into, and
 * the little printf the chart's markup needs, in pure C (see chart_core.h).
 */
#include "chart_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
chart_buf_init(ChartBuffer *b, const ChartAllocator *alloc)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->alloc = alloc;
	b->failed = false;
}

static bool
buf_reserve(ChartBuffer *b, size_t extra)
{
	size_t		need;
	size_t		cap;
	char	   *data;

	if (b->failed)
		return false;
	need = b->len + extra + 1;	/* and a NUL */
	if (need <= b->cap)
		return true;
	cap = b->cap == 0 ? 4096 : b->cap;
	while (cap < need)
		cap *= 2;
	data = b->data == NULL ? b->alloc->alloc(b->alloc->arg, cap)
		: b->alloc->resize(b->alloc->arg, b->data, cap);
	if (data == NULL)
	{
		b->failed = true;
		return false;
	}
	b->data = data;
	b->cap = cap;
	return true;
}

void
chart_buf_append(ChartBuffer *b, const char *s, size_t n)
{
	if (!buf_reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
chart_buf_append_str(ChartBuffer *b, const char *s)
{
	chart_buf_append(b, s, strlen(s));
}

void
chart_buf_append_int(ChartBuffer *b, long long v)
{
	char		out[24];		/* "-9223372036854775808" */
	int			len = snprintf(out, sizeof(out), "%lld", v);

	chart_buf_append(b, out, (size_t) len);
}

/* One decimal, rounded half away from zero, without a trailing ".0". */
static void
buf_append_num(ChartBuffer *b, double v)
{
	long long	tenths;

	if (!(v > -1e15 && v < 1e15))	/* also NaN: never produced, never printed */
		v = 0;
	tenths = (long long) (v < 0 ? v * 10 - 0.5 : v * 10 + 0.5);
	if (tenths < 0 && tenths > -10)
		chart_buf_append_str(b, "-0");
	else
		chart_buf_append_int(b, tenths / 10);
	if (tenths % 10 != 0)
	{
		char		d[2] = {'.', (char) ('0' + (tenths < 0 ? -(tenths % 10) : tenths % 10))};

		chart_buf_append(b, d, 2);
	}
}

void
chart_buf_printf(ChartBuffer *b, const char *fmt,...)
{
	va_list		ap;
	const char *p = fmt;

	va_start(ap, fmt);
	while (*p != '\0')
	{
		const char *run = p;

		while (*p != '\0' && *p != '%')
			p++;
		if (p > run)
			chart_buf_append(b, run, (size_t) (p - run));
		if (*p == '\0')
			break;
		switch (p[1])
		{
			case 'd':
				chart_buf_append_int(b, va_arg(ap, int));
				break;
			case 'f':
				buf_append_num(b, va_arg(ap, double));
				break;
			case 's':
				chart_buf_append_str(b, va_arg(ap, const char *));
				break;
			case '%':
				chart_buf_append(b, "%", 1);
				break;
			default:
				/* a format this file does not use: write it as it is */
				chart_buf_append(b, p, p[1] == '\0' ? 1 : 2);
				break;
		}
		p += p[1] == '\0' ? 1 : 2;
	}
	va_end(ap);
}
