/*
 * chart_core.c: the signing chart as an SVG document, in pure C.
 *
 * Layout, top to bottom: the title and a subtitle; a band of labels, one per
 * day with signings, each rotated to read upwards and made of one or more
 * lines of at most CHART_LABEL_LINE_CHARS characters ("EE EU LT 18th",
 * "DE 2nd, FR 3rd"); the plot, a step line of partners so far over a time
 * axis from the first month with a signing to as_of.  A label is as wide as
 * its lines are high (CHART_LABEL_HEIGHT each), so labels collide when their
 * days are closer on the axis than that: chart_spread_labels moves them
 * apart, and a leader line runs from each label to its step.  When the
 * labels cannot fit side by side, the chart gets wider.
 */
#include "chart_core.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "signing_core.h"

/* Geometry that the header does not expose. */
#define MARGIN_LEFT 64
#define MARGIN_RIGHT 32
#define BAND_TOP 62
#define BAND_MIN 36
#define ELBOW 22				/* between the label band and the plot, at least */
#define ELBOW_MAX 80
#define TIME_PAD 12				/* between the partners axis and the first day */
#define PLOT_HEIGHT 300
#define MARGIN_BOTTOM 46
#define CHAR_WIDTH 7.2			/* generous estimate at CHART_LABEL_FONT */
#define TICK_SPACING 84			/* least room for one date on the axis */

/*--------------------------------------------------------------------------
 * The output buffer
 *--------------------------------------------------------------------------
 */

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

static void
buf_append_str(ChartBuffer *b, const char *s)
{
	chart_buf_append(b, s, strlen(s));
}

static void
buf_append_int(ChartBuffer *b, long long v)
{
	char		out[DECIMAL_MAX_LEN];

	chart_buf_append(b, out, decimal_format(v, out));
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
		buf_append_str(b, "-0");
	else
		buf_append_int(b, tenths / 10);
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
				buf_append_int(b, va_arg(ap, int));
				break;
			case 'f':
				buf_append_num(b, va_arg(ap, double));
				break;
			case 's':
				buf_append_str(b, va_arg(ap, const char *));
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

/*--------------------------------------------------------------------------
 * Text: UTF-8 in, XML-safe ASCII out
 *--------------------------------------------------------------------------
 */

#define REPLACEMENT 0xFFFD

/*
 * Decodes one character at s[0, len), len > 0: strict UTF-8 (no overlong
 * forms, no surrogates, nothing past U+10FFFF).  A malformed sequence gives
 * REPLACEMENT and consumes one byte.
 */
static uint32_t
utf8_next(const unsigned char *s, size_t len, size_t *used)
{
	uint32_t	c = s[0];
	size_t		n;
	uint32_t	min;

	*used = 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF)
	{
		n = 2;
		c &= 0x1F;
		min = 0x80;
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		n = 3;
		c &= 0x0F;
		min = 0x800;
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		n = 4;
		c &= 0x07;
		min = 0x10000;
	}
	else
		return REPLACEMENT;
	if (len < n)
		return REPLACEMENT;
	for (size_t i = 1; i < n; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return REPLACEMENT;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return REPLACEMENT;
	*used = n;
	return c;
}

/* The number of characters chart_buf_escape would write for s, untruncated. */
static size_t
utf8_chars(const char *s, size_t len)
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
	size_t		total = utf8_chars(s, len);
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
				buf_append_str(b, "&amp;");
				continue;
			case '<':
				buf_append_str(b, "&lt;");
				continue;
			case '>':
				buf_append_str(b, "&gt;");
				continue;
			case '"':
				buf_append_str(b, "&quot;");
				continue;
			case '\'':
				buf_append_str(b, "&#39;");
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
		buf_append_str(b, "&#x2026;");
		written++;
	}
	return written;
}

/*--------------------------------------------------------------------------
 * Dates: days since 2000-01-01 and the proleptic Gregorian calendar, after
 * Howard Hinnant's algorithms (eras of 400 years, 146097 days)
 *--------------------------------------------------------------------------
 */

/* Days from 1970-01-01 to 2000-01-01. */
#define UNIX_TO_2000 10957

static int64_t
floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t
chart_days_from_civil(int64_t year, int month, int day)
{
	int64_t		y = year - (month <= 2);
	int64_t		era = floor_div(y, 400);
	int64_t		yoe = y - era * 400;
	int64_t		mp = (month + 9) % 12;
	int64_t		doy = (153 * mp + 2) / 5 + day - 1;
	int64_t		doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468 - UNIX_TO_2000;
}

void
chart_civil_from_days(int64_t days, int64_t *year, int *month, int *day)
{
	int64_t		z = days + UNIX_TO_2000 + 719468;
	int64_t		era = floor_div(z, 146097);
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;
	int			m = (int) (mp < 10 ? mp + 3 : mp - 9);

	*day = (int) (doy - (153 * mp + 2) / 5 + 1);
	*month = m;
	*year = yoe + era * 400 + (m <= 2);
}

/* 2024-05-28; years before 1 as astronomical years (0 is 1 BC). */
static void
buf_append_date(ChartBuffer *b, int64_t days)
{
	int64_t		y;
	int			m;
	int			d;

	chart_civil_from_days(days, &y, &m, &d);
	if (y < 0)
	{
		chart_buf_append(b, "-", 1);
		y = -y;
	}
	/* four digits at least, as ISO 8601 */
	for (int64_t pad = 1000; pad > 1 && y < pad; pad /= 10)
		chart_buf_append(b, "0", 1);
	buf_append_int(b, y);
	chart_buf_append(b, m < 10 ? "-0" : "-", m < 10 ? 2 : 1);
	buf_append_int(b, m);
	chart_buf_append(b, d < 10 ? "-0" : "-", d < 10 ? 2 : 1);
	buf_append_int(b, d);
}

static int64_t
month_index(int64_t days)
{
	int64_t		y;
	int			m;
	int			d;

	chart_civil_from_days(days, &y, &m, &d);
	return y * 12 + (m - 1);
}

static int64_t
month_start(int64_t index)
{
	return chart_days_from_civil(floor_div(index, 12), (int) (index - floor_div(index, 12) * 12) + 1, 1);
}

/*--------------------------------------------------------------------------
 * Label placement
 *--------------------------------------------------------------------------
 */

bool
chart_spread_labels(int n, const double *ideal, const double *width,
					double gap, double lo, double hi,
					double *centre, double *work)
{
	double	   *off = work;
	double	   *sum = work + n;
	double	   *count = work + 2 * n;
	int			blocks = 0;
	double		qlo;
	double		qhi;
	int			i;

	if (n <= 0)
		return true;

	/*
	 * With off[i] the least distance from label 0's centre to label i's, the
	 * labels are apart exactly when q[i] = centre[i] - off[i] never
	 * decreases.  The q nearest to z[i] = ideal[i] - off[i] in least
	 * squares is the isotonic regression of z: pool adjacent blocks while
	 * their means decrease.
	 */
	off[0] = 0;
	for (i = 1; i < n; i++)
		off[i] = off[i - 1] + (width[i - 1] + width[i]) / 2 + gap;
	if (off[n - 1] + width[0] / 2 + width[n - 1] / 2 > hi - lo)
		return false;

	for (i = 0; i < n; i++)
	{
		sum[blocks] = ideal[i] - off[i];
		count[blocks] = 1;
		blocks++;
		while (blocks > 1 &&
			   sum[blocks - 2] / count[blocks - 2] > sum[blocks - 1] / count[blocks - 1])
		{
			sum[blocks - 2] += sum[blocks - 1];
			count[blocks - 2] += count[blocks - 1];
			blocks--;
		}
	}

	/*
	 * Expand the blocks into centres, keeping every label within [lo, hi]:
	 * clamping a non-decreasing q to one range leaves it non-decreasing.
	 */
	qlo = lo + width[0] / 2;
	qhi = hi - width[n - 1] / 2 - off[n - 1];
	i = n;
	for (int k = blocks - 1; k >= 0; k--)
	{
		double		q = sum[k] / count[k];

		if (q < qlo)
			q = qlo;
		if (q > qhi)
			q = qhi;
		for (int c = 0; c < (int) count[k]; c++)
		{
			i--;
			centre[i] = q + off[i];
		}
	}
	return true;
}

/*--------------------------------------------------------------------------
 * The chart
 *--------------------------------------------------------------------------
 */

/* A word of a label: a counterpart's code, with its ordinal when it ends a place. */
typedef struct Token
{
	int			signing;		/* index into the sorted signings */
	bool		ordinal;		/* followed by " 18th" */
	bool		comma;			/* followed by "," */
	size_t		chars;
} Token;

/* One line of a label: tokens [first, first + count), separated by spaces. */
typedef struct Line
{
	int			first;
	int			count;
	size_t		chars;
} Line;

/* One day with signings. */
typedef struct Group
{
	int			first;			/* sorted signings [first, first + count) */
	int			count;
	int			line;			/* lines [line, line + nlines) */
	int			nlines;
	int			partners;		/* partners after this day */
} Group;

typedef struct Chart
{
	const ChartSpec *spec;
	const ChartAllocator *alloc;
	const ChartSigning **sorted;
	Token	   *tokens;
	Line	   *lines;
	Group	   *groups;
	double	   *ideal;
	double	   *width;
	double	   *centre;
	double	   *work;
	int			ntokens;
	int			nlines;
	int			ngroups;
} Chart;

static int
compare_signings(const void *a, const void *b)
{
	const ChartSigning *x = *(const ChartSigning *const *) a;
	const ChartSigning *y = *(const ChartSigning *const *) b;
	size_t		n;
	int			c;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->position != y->position)
		return x->position < y->position ? -1 : 1;
	n = x->label_len < y->label_len ? x->label_len : y->label_len;
	c = n > 0 ? memcmp(x->label, y->label, n) : 0;
	if (c != 0)
		return c;
	return x->label_len < y->label_len ? -1 : x->label_len > y->label_len ? 1 : 0;
}

static void *
chart_alloc(Chart *c, size_t size)
{
	return c->alloc->alloc(c->alloc->arg, size > 0 ? size : 1);
}

static void
chart_release_all(Chart *c)
{
	void	   *blocks[] = {c->sorted, c->tokens, c->lines, c->groups, c->ideal,
	c->width, c->centre, c->work};

	for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		if (blocks[i] != NULL)
			c->alloc->release(c->alloc->arg, blocks[i]);
}

static size_t
token_chars(const Chart *c, const Token *t)
{
	const ChartSigning *s = c->sorted[t->signing];
	size_t		chars = utf8_chars(s->label, s->label_len);

	if (chars > CHART_LABEL_CHARS)
		chars = CHART_LABEL_CHARS;
	if (t->ordinal)
	{
		char		ord[ORDINAL_MAX_LEN];

		chars += 1 + ordinal_format(s->position, ord);
	}
	return chars + (t->comma ? 1 : 0);
}

static void
emit_token(ChartBuffer *b, const Chart *c, const Token *t)
{
	const ChartSigning *s = c->sorted[t->signing];

	chart_buf_escape(b, s->label, s->label_len, CHART_LABEL_CHARS);
	if (t->ordinal)
	{
		char		ord[ORDINAL_MAX_LEN];

		ordinal_format(s->position, ord);
		chart_buf_printf(b, " %s", ord);
	}
	if (t->comma)
		chart_buf_append(b, ",", 1);
}

/* Puts a word on the group's last line when it fits there, else on a new line. */
static void
add_word(Chart *c, Group *g, bool fresh_line)
{
	const Token *t = &c->tokens[c->ntokens - 1];

	if (g->nlines > 0 && !fresh_line)
	{
		Line	   *l = &c->lines[c->nlines - 1];

		if (l->chars + 1 + t->chars <= CHART_LABEL_LINE_CHARS)
		{
			l->count++;
			l->chars += 1 + t->chars;
			return;
		}
	}
	c->lines[c->nlines].first = c->ntokens - 1;
	c->lines[c->nlines].count = 1;
	c->lines[c->nlines].chars = t->chars;
	c->nlines++;
	g->nlines++;
}

/*
 * Groups the sorted signings by day and makes each day's words: the
 * counterparts of one place, then that place's ordinal ("EE EU LT 18th"),
 * places separated by commas.  Words wrap into lines; a place that fits on
 * a line is never split across two.
 */
static void
build_labels(Chart *c)
{
	int			n = c->spec->nsignings;
	int			partners = 0;

	for (int i = 0; i < n;)
	{
		Group	   *g = &c->groups[c->ngroups++];
		int			j = i;

		while (j < n && c->sorted[j]->date == c->sorted[i]->date)
			j++;
		g->first = i;
		g->count = j - i;
		partners += j - i;
		g->partners = partners;
		g->line = c->nlines;
		g->nlines = 0;

		for (int k = i; k < j;)
		{
			int			end = k + 1;
			size_t		place_chars;
			int			first_token = c->ntokens;
			bool		fits;

			while (end < j && c->sorted[end]->position == c->sorted[k]->position)
				end++;
			for (int m = k; m < end; m++)
			{
				Token	   *t = &c->tokens[c->ntokens++];

				t->signing = m;
				t->ordinal = m + 1 == end;
				t->comma = m + 1 == end && end < j;
				t->chars = token_chars(c, t);
			}
			place_chars = (size_t) (end - k - 1);
			for (int m = first_token; m < c->ntokens; m++)
				place_chars += c->tokens[m].chars;

			/* the place on this line, or whole on the next, or wrapped */
			fits = g->nlines > 0 &&
				c->lines[c->nlines - 1].chars + 1 + place_chars <= CHART_LABEL_LINE_CHARS;
			c->ntokens = first_token;
			for (int m = k; m < end; m++)
			{
				c->ntokens++;
				add_word(c, g, m == k && !fits && place_chars <= CHART_LABEL_LINE_CHARS);
			}
			k = end;
		}
		i = j;
	}
}

/* The smallest of 1, 2, 5, 10, 20, 50, ... that divides 0..top into at most max steps. */
static int
round_step(int top, int max)
{
	for (int power = 1;; power *= 10)
	{
		static const int mult[] = {1, 2, 5};

		for (int i = 0; i < 3; i++)
			if (top / (mult[i] * power) <= max)
				return mult[i] * power;
	}
}

/* The smallest step of months, from a fixed ladder, that needs no more than max ticks. */
static int64_t
tick_step(int64_t first_month, int64_t last_month, int64_t max_ticks)
{
	static const int64_t small[] = {1, 2, 3, 6};
	int64_t		span = last_month - first_month;

	for (size_t i = 0; i < sizeof(small) / sizeof(small[0]); i++)
		if (span / small[i] + 1 <= max_ticks)
			return small[i];
	/* then years: 1, 2, 5, 10, 20, 50, ... */
	for (int64_t years = 1;; years *= 10)
	{
		static const int64_t mult[] = {1, 2, 5};

		for (size_t i = 0; i < 3; i++)
			if (span / (12 * years * mult[i]) + 1 <= max_ticks)
				return 12 * years * mult[i];
	}
}

static void
emit_title(ChartBuffer *b, const ChartSpec *spec, int partners, int64_t as_of, bool has_as_of)
{
	if (spec->title != NULL)
	{
		chart_buf_printf(b, "<text x=\"%d\" y=\"28\" font-size=\"18\" font-weight=\"bold\" fill=\"#1a1a1a\">",
						 MARGIN_LEFT - 48);
		chart_buf_escape(b, spec->title, spec->title_len, CHART_TITLE_CHARS);
		buf_append_str(b, "</text>\n");
	}
	chart_buf_printf(b, "<text x=\"%d\" y=\"48\" font-size=\"12\" fill=\"#555555\">", MARGIN_LEFT - 48);
	if (spec->subtitle != NULL)
	{
		chart_buf_escape(b, spec->subtitle, spec->subtitle_len, CHART_TITLE_CHARS);
		buf_append_str(b, " &#xB7; ");
	}
	chart_buf_printf(b, "%d %s", partners, partners == 1 ? "partner" : "partners");
	if (has_as_of)
	{
		buf_append_str(b, " &#xB7; as of ");
		buf_append_date(b, as_of);
	}
	buf_append_str(b, "</text>\n");
}

ChartStatus
chart_render(const ChartSpec *spec, const ChartAllocator *alloc,
			 char **out, size_t *outlen, int *width_out, int *height_out)
{
	Chart		c;
	ChartBuffer b;
	int			n = spec->nsignings;
	int64_t		d0 = 0;
	int64_t		d1 = 1;
	size_t		max_line = 0;
	double		band;
	double		band_bottom;
	double		elbow = ELBOW;
	double		plot_top;
	double		plot_bottom;
	double		plot_left = MARGIN_LEFT;
	double		plot_right;
	int			width = CHART_MIN_WIDTH;
	int			height;
	double		needed = 0;
	int			ymax;
	int			ystep;

	if (n < 0 || n > CHART_MAX_SIGNINGS)
		return CHART_TOO_MANY_SIGNINGS;

	memset(&c, 0, sizeof(c));
	c.spec = spec;
	c.alloc = alloc;
	chart_buf_init(&b, alloc);
	c.sorted = chart_alloc(&c, sizeof(*c.sorted) * (size_t) n);
	c.tokens = chart_alloc(&c, sizeof(*c.tokens) * (size_t) n);
	c.lines = chart_alloc(&c, sizeof(*c.lines) * (size_t) n);
	c.groups = chart_alloc(&c, sizeof(*c.groups) * (size_t) n);
	c.ideal = chart_alloc(&c, sizeof(double) * (size_t) n);
	c.width = chart_alloc(&c, sizeof(double) * (size_t) n);
	c.centre = chart_alloc(&c, sizeof(double) * (size_t) n);
	c.work = chart_alloc(&c, sizeof(double) * 3 * (size_t) n);
	if (!c.sorted || !c.tokens || !c.lines || !c.groups || !c.ideal || !c.width ||
		!c.centre || !c.work)
	{
		chart_release_all(&c);
		return CHART_NO_MEMORY;
	}

	for (int i = 0; i < n; i++)
		c.sorted[i] = &spec->signings[i];
	qsort(c.sorted, (size_t) n, sizeof(*c.sorted), compare_signings);
	build_labels(&c);

	/*
	 * The time axis: from the first day of the first signing's month to
	 * as_of, or to the last signing when that is later.
	 */
	if (n > 0)
	{
		d0 = month_start(month_index(c.sorted[0]->date));
		d1 = c.sorted[n - 1]->date;
	}
	else if (spec->has_as_of)
		d0 = month_start(month_index(spec->as_of));
	if (spec->has_as_of && spec->as_of > d1)
		d1 = spec->as_of;
	if (d1 <= d0)
		d1 = d0 + 1;

	for (int l = 0; l < c.nlines; l++)
		if (c.lines[l].chars > max_line)
			max_line = c.lines[l].chars;
	band = (double) max_line * CHAR_WIDTH + 10;
	if (band < BAND_MIN)
		band = BAND_MIN;
	band_bottom = BAND_TOP + band;

	/* Wide enough for every label side by side. */
	for (int g = 0; g < c.ngroups; g++)
	{
		c.width[g] = c.groups[g].nlines * CHART_LABEL_HEIGHT;
		needed += c.width[g] + (g > 0 ? CHART_LABEL_GAP : 0);
	}
	if (needed > width - 16)
		width = (int) (needed + 16) + 1;
	plot_right = width - MARGIN_RIGHT;

	for (int g = 0; g < c.ngroups; g++)
	{
		int64_t		day = c.sorted[c.groups[g].first]->date;

		c.ideal[g] = plot_left + TIME_PAD +
			(double) (day - d0) / (double) (d1 - d0) * (plot_right - plot_left - TIME_PAD);
	}
	if (!chart_spread_labels(c.ngroups, c.ideal, c.width, CHART_LABEL_GAP, 8, width - 8,
							 c.centre, c.work))
	{
		/* cannot happen: the chart was made wide enough */
		for (int g = 0; g < c.ngroups; g++)
			c.centre[g] = c.ideal[g];
	}

	/*
	 * The further a label moved, the taller the room for its leader line,
	 * so that leaders stay steep enough to follow.
	 */
	for (int g = 0; g < c.ngroups; g++)
	{
		double		moved = c.centre[g] > c.ideal[g] ? c.centre[g] - c.ideal[g] : c.ideal[g] - c.centre[g];

		if (ELBOW + moved / 5 > elbow)
			elbow = ELBOW + moved / 5;
	}
	if (elbow > ELBOW_MAX)
		elbow = ELBOW_MAX;
	elbow = (double) (int) elbow;
	plot_top = band_bottom + elbow;
	plot_bottom = plot_top + PLOT_HEIGHT;
	height = (int) (plot_bottom + MARGIN_BOTTOM + 0.5);

	/* Partners axis: 0 to a multiple of a round step, at most ten steps. */
	ymax = n > 0 ? n : 1;
	ystep = round_step(ymax, 10);
	ymax = (ymax + ystep - 1) / ystep * ystep;

#define Y(count) (plot_bottom - (double) (count) * PLOT_HEIGHT / ymax)
#define X(day) (plot_left + TIME_PAD + \
					(double) ((day) - d0) / (double) (d1 - d0) * (plot_right - plot_left - TIME_PAD))

	buf_append_str(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	chart_buf_printf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
					 "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" "
					 "font-size=\"%d\">\n", width, height, width, height, CHART_LABEL_FONT);
	buf_append_str(&b, "<title>");
	if (spec->title != NULL)
		chart_buf_escape(&b, spec->title, spec->title_len, CHART_TITLE_CHARS);
	else
		buf_append_str(&b, "Signing chart");
	buf_append_str(&b, "</title>\n");
	chart_buf_printf(&b, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width, height);
	emit_title(&b, spec, n, spec->has_as_of ? spec->as_of : 0, spec->has_as_of);

	/* grid and the partners axis */
	buf_append_str(&b, "<g class=\"partners-axis\" fill=\"#555555\" text-anchor=\"end\">\n");
	for (int v = 0; v <= ymax; v += ystep)
		chart_buf_printf(&b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"%s\"/>"
						 "<text x=\"%f\" y=\"%f\">%d</text>\n",
						 plot_left, Y(v), plot_right, Y(v), v == 0 ? "#888888" : "#e6e6e6",
						 plot_left - 8, Y(v) + 4, v);
	chart_buf_printf(&b, "<text transform=\"translate(%d,%f) rotate(-90)\" text-anchor=\"middle\">"
					 "partners</text>\n</g>\n", 18, (plot_top + plot_bottom) / 2);

	/* the time axis */
	buf_append_str(&b, "<g class=\"time-axis\" fill=\"#555555\" text-anchor=\"middle\">\n");
	if (n > 0 || spec->has_as_of)
	{
		int64_t		first = month_index(d0);
		int64_t		last = month_index(d1);
		int64_t		max_ticks = (int64_t) ((plot_right - plot_left) / TICK_SPACING);
		int64_t		step = tick_step(first, last, max_ticks < 2 ? 2 : max_ticks);

		for (int64_t m = floor_div(first + step - 1, step) * step; m <= last; m += step)
		{
			int64_t		day = month_start(m);
			int64_t		y = floor_div(m, 12);
			int			mo = (int) (m - y * 12) + 1;

			if (day < d0 || day > d1)
				continue;
			chart_buf_printf(&b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"#888888\"/>"
							 "<text x=\"%f\" y=\"%f\">",
							 X(day), plot_bottom, X(day), plot_bottom + 5, X(day), plot_bottom + 18);
			buf_append_int(&b, y);
			if (step < 12)
				chart_buf_printf(&b, mo < 10 ? "-0%d" : "-%d", mo);
			buf_append_str(&b, "</text>\n");
		}
	}
	chart_buf_printf(&b, "<text x=\"%f\" y=\"%f\">date of first signing</text>\n</g>\n",
					 (plot_left + plot_right) / 2, plot_bottom + 36);

	if (n == 0)
		chart_buf_printf(&b, "<text x=\"%f\" y=\"%f\" text-anchor=\"middle\" font-size=\"14\" "
						 "fill=\"#888888\">no signings to chart</text>\n",
						 (plot_left + plot_right) / 2, (plot_top + plot_bottom) / 2);
	else
	{
		/* the steps: flat until a day with signings, then up */
		chart_buf_printf(&b, "<path class=\"steps\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" "
						 "d=\"M%f %f", plot_left, Y(0));
		for (int g = 0; g < c.ngroups; g++)
			chart_buf_printf(&b, "H%fV%f", c.ideal[g], Y(c.groups[g].partners));
		chart_buf_printf(&b, "H%f\"/>\n", X(d1));
	}

	/* one label per day, its leader line and its step's marker */
	buf_append_str(&b, "<g class=\"signings\">\n");
	for (int g = 0; g < c.ngroups; g++)
	{
		const Group *gr = &c.groups[g];
		double		x = c.ideal[g];
		double		cx = c.centre[g];
		double		y = Y(gr->partners);

		buf_append_str(&b, "<g><title>");
		buf_append_date(&b, c.sorted[gr->first]->date);
		buf_append_str(&b, ":");
		for (int t = c.lines[gr->line].first; t < c.lines[gr->line].first + gr->count; t++)
		{
			buf_append_str(&b, " ");
			emit_token(&b, &c, &c.tokens[t]);
		}
		chart_buf_printf(&b, " (%d so far)</title>\n", gr->partners);
		chart_buf_printf(&b, "<polyline fill=\"none\" stroke=\"#9aa5b1\" stroke-width=\"0.8\" "
						 "points=\"%f,%f %f,%f %f,%f\"/>\n",
						 cx, band_bottom + 2, cx, band_bottom + 6, x, plot_top - 4);
		if (y - 5 > plot_top - 4)
			chart_buf_printf(&b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"#9aa5b1\" "
							 "stroke-width=\"0.8\" stroke-dasharray=\"2 3\"/>\n",
							 x, plot_top - 4, x, y - 5);
		chart_buf_printf(&b, "<circle cx=\"%f\" cy=\"%f\" r=\"3\" fill=\"#ffffff\" stroke=\"#1f5fa8\" "
						 "stroke-width=\"1.5\"/>\n", x, y);
		for (int l = 0; l < gr->nlines; l++)
		{
			const Line *line = &c.lines[gr->line + l];
			/* lines side by side, the first leftmost; x is the baseline */
			double		lx = cx - c.width[g] / 2 + (l + 0.5) * CHART_LABEL_HEIGHT + 4;

			chart_buf_printf(&b, "<text transform=\"translate(%f,%f) rotate(-90)\" fill=\"#222222\">",
							 lx, band_bottom);
			for (int t = line->first; t < line->first + line->count; t++)
			{
				if (t > line->first)
					buf_append_str(&b, " ");
				emit_token(&b, &c, &c.tokens[t]);
			}
			buf_append_str(&b, "</text>\n");
		}
		buf_append_str(&b, "</g>\n");
	}
	buf_append_str(&b, "</g>\n</svg>");

#undef X
#undef Y

	chart_release_all(&c);
	if (b.failed)
	{
		if (b.data != NULL)
			alloc->release(alloc->arg, b.data);
		return CHART_NO_MEMORY;
	}
	*out = b.data;
	*outlen = b.len;
	if (width_out != NULL)
		*width_out = width;
	if (height_out != NULL)
		*height_out = height;
	return CHART_OK;
}
