/*
 * Unit tests of the pure chart core: the calendar, XML escaping, number
 * formatting, label placement, and whole documents (grouping of same-day
 * signings, labels kept apart at 60 partners and more, hostile text, every
 * allocation failing in turn).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "chart_core.h"

/*--------------------------------------------------------------------------
 * Allocators: malloc, and one that fails at the n-th allocation
 *--------------------------------------------------------------------------
 */

typedef struct Counting
{
	long		calls;			/* alloc and resize calls so far */
	long		fail_at;		/* the call that fails, or 0 */
	long		live;			/* blocks not yet released */
} Counting;

static void *
counting_alloc(void *arg, size_t size)
{
	Counting   *c = arg;
	void	   *p;

	if (++c->calls == c->fail_at)
		return NULL;
	p = malloc(size);
	if (p != NULL)
		c->live++;
	return p;
}

static void *
counting_resize(void *arg, void *ptr, size_t size)
{
	Counting   *c = arg;

	if (++c->calls == c->fail_at)
		return NULL;
	return realloc(ptr, size);
}

static void
counting_release(void *arg, void *ptr)
{
	Counting   *c = arg;

	c->live--;
	free(ptr);
}

static char *
render(const ChartSpec *spec, int *width, int *height)
{
	Counting	counting = {0, 0, 0};
	ChartAllocator alloc = {counting_alloc, counting_resize, counting_release, &counting};
	char	   *out = NULL;
	size_t		len = 0;

	assert_int_equal(chart_render(spec, &alloc, &out, &len, width, height), CHART_OK);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	/* only the document is left for the caller */
	assert_int_equal(counting.live, 1);
	return out;
}

/*--------------------------------------------------------------------------
 * The calendar
 *--------------------------------------------------------------------------
 */

static void
expect_day(int64_t y, int m, int d, int64_t days)
{
	int64_t		yy;
	int			mm;
	int			dd;

	assert_int_equal(chart_days_from_civil(y, m, d), days);
	chart_civil_from_days(days, &yy, &mm, &dd);
	assert_int_equal(yy, y);
	assert_int_equal(mm, m);
	assert_int_equal(dd, d);
}

static void
test_calendar_anchors(void **state)
{
	(void) state;
	expect_day(2000, 1, 1, 0);
	expect_day(2024, 5, 28, 8914);
	expect_day(1970, 1, 1, -10957);
	expect_day(1900, 3, 1, -36465);
	expect_day(2024, 2, 29, 8825);
	expect_day(1600, 2, 29, -146038);
	expect_day(1, 1, 1, -730119);
	expect_day(9999, 12, 31, 2921939);
	/* PostgreSQL's first and last finite dates: 4714-11-24 BC, 5874897-12-31 */
	expect_day(-4713, 11, 24, -2451545);
	expect_day(5874897, 12, 31, 2145031948);
}

static int
month_length(int64_t y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : len[m - 1];
}

/* Day by day from 2000-01-01, forwards and backwards, 500 years each way. */
static void
test_calendar_walk(void **state)
{
	int64_t		y = 2000;
	int			m = 1;
	int			d = 1;

	(void) state;
	for (int64_t days = 0; days < 183000; days++)
	{
		expect_day(y, m, d, days);
		if (++d > month_length(y, m))
		{
			d = 1;
			if (++m > 12)
			{
				m = 1;
				y++;
			}
		}
	}
	y = 2000;
	m = 1;
	d = 1;
	for (int64_t days = 0; days > -183000; days--)
	{
		expect_day(y, m, d, days);
		if (--d < 1)
		{
			if (--m < 1)
			{
				m = 12;
				y--;
			}
			d = month_length(y, m);
		}
	}
}

/*--------------------------------------------------------------------------
 * Text and numbers
 *--------------------------------------------------------------------------
 */

static void
expect_escape(const char *in, size_t len, size_t max_chars, const char *expected,
			  size_t expected_chars)
{
	Counting	counting = {0, 0, 0};
	ChartAllocator alloc = {counting_alloc, counting_resize, counting_release, &counting};
	ChartBuffer b;
	size_t		chars;

	chart_buf_init(&b, &alloc);
	chart_buf_append(&b, "", 0);
	chars = chart_buf_escape(&b, in, len, max_chars);
	assert_false(b.failed);
	assert_string_equal(b.data, expected);
	assert_int_equal(chars, expected_chars);
	free(b.data);
}

#define ESCAPE(in, max, out, chars) expect_escape(in, sizeof(in) - 1, max, out, chars)

static void
test_escape(void **state)
{
	(void) state;
	ESCAPE("Belgium", 100, "Belgium", 7);
	ESCAPE("<&>\"'", 100, "&lt;&amp;&gt;&quot;&#39;", 5);
	ESCAPE("C\xC3\xB4te d'Ivoire", 100, "C&#xF4;te d&#39;Ivoire", 13);
	ESCAPE("\xD0\x91\xD0\xB5", 100, "&#x411;&#x435;", 2);	/* Бе */
	ESCAPE("\xF0\x9F\x87\xBA", 100, "&#x1F1FA;", 1);	/* 4 bytes */
	ESCAPE("\xEF\xBF\xBD", 100, "&#xFFFD;", 1);
	/* whitespace becomes a space; other controls, and DEL, are not XML */
	ESCAPE("a\tb\nc\rd", 100, "a b c d", 7);
	ESCAPE("a\x01" "b\x1F" "c\x7F", 100, "a&#xFFFD;b&#xFFFD;c&#xFFFD;", 6);
	ESCAPE("a\0b", 100, "a&#xFFFD;b", 3);
	/* U+FFFE and U+FFFF are not XML characters either */
	ESCAPE("\xEF\xBF\xBE\xEF\xBF\xBF", 100, "&#xFFFD;&#xFFFD;", 2);
	/* malformed UTF-8: one replacement per byte that starts nothing */
	ESCAPE("\xC0\x80", 100, "&#xFFFD;&#xFFFD;", 2);	/* overlong NUL */
	ESCAPE("\xE0\x80\xAF", 100, "&#xFFFD;&#xFFFD;&#xFFFD;", 3);	/* overlong / */
	ESCAPE("\xED\xA0\x80", 100, "&#xFFFD;&#xFFFD;&#xFFFD;", 3);	/* surrogate */
	ESCAPE("\xF4\x90\x80\x80", 100, "&#xFFFD;&#xFFFD;&#xFFFD;&#xFFFD;", 4);	/* past U+10FFFF */
	ESCAPE("\xF5", 100, "&#xFFFD;", 1);
	ESCAPE("a\xC3", 100, "a&#xFFFD;", 2);	/* cut short */
	ESCAPE("\xE2\x82", 100, "&#xFFFD;&#xFFFD;", 2);
	ESCAPE("\x80x", 100, "&#xFFFD;x", 2);	/* stray continuation */
	/* truncation counts characters, not bytes, and ends in an ellipsis */
	ESCAPE("abcdef", 6, "abcdef", 6);
	ESCAPE("abcdefg", 6, "abcde&#x2026;", 6);
	ESCAPE("\xC3\xA9\xC3\xA9\xC3\xA9", 2, "&#xE9;&#x2026;", 2);
	ESCAPE("<<<<", 3, "&lt;&lt;&#x2026;", 3);
	ESCAPE("ab", 0, "&#x2026;", 1);
	ESCAPE("", 0, "", 0);
	ESCAPE("", 10, "", 0);
}

static void
expect_printf(const char *expected, const char *fmt,...)
{
	ChartAllocator alloc = {counting_alloc, counting_resize, counting_release, NULL};
	Counting	counting = {0, 0, 0};
	ChartBuffer b;
	va_list		ap;
	double		v;

	alloc.arg = &counting;
	chart_buf_init(&b, &alloc);
	va_start(ap, fmt);
	/* the formats tested here take one double, or one int for %d */
	if (strstr(fmt, "%d") != NULL)
		chart_buf_printf(&b, fmt, va_arg(ap, int));
	else if (strstr(fmt, "%f") != NULL)
	{
		v = va_arg(ap, double);
		chart_buf_printf(&b, fmt, v);
	}
	else
		chart_buf_printf(&b, fmt);
	va_end(ap);
	assert_false(b.failed);
	assert_string_equal(b.data, expected);
	free(b.data);
}

static void
test_printf(void **state)
{
	(void) state;
	expect_printf("x=3", "x=%f", 3.0);
	expect_printf("x=12.5", "x=%f", 12.5);
	expect_printf("x=12.3", "x=%f", 12.25);
	expect_printf("x=12.3", "x=%f", 12.34);
	expect_printf("x=0", "x=%f", 0.04);
	expect_printf("x=0", "x=%f", -0.04);
	expect_printf("x=-0.1", "x=%f", -0.05);
	expect_printf("x=-0.5", "x=%f", -0.5);
	expect_printf("x=-2.5", "x=%f", -2.5);
	expect_printf("x=-12", "x=%f", -12.0);
	expect_printf("x=1000000.1", "x=%f", 1000000.1);
	expect_printf("x=0", "x=%f", NAN);	/* never produced; never printed as nan */
	expect_printf("n=-2147483648", "n=%d", INT32_MIN);
	expect_printf("n=2147483647", "n=%d", INT32_MAX);
	expect_printf("n=0", "n=%d", 0);
	expect_printf("100%", "100%%");
}

/*--------------------------------------------------------------------------
 * Label placement
 *--------------------------------------------------------------------------
 */

static void
expect_apart(int n, const double *ideal, const double *width, double gap,
			 double lo, double hi, const double *centre)
{
	for (int i = 0; i < n; i++)
	{
		assert_true(centre[i] - width[i] / 2 >= lo - 1e-9);
		assert_true(centre[i] + width[i] / 2 <= hi + 1e-9);
		if (i > 0)
			assert_true(centre[i] - centre[i - 1] >= (width[i] + width[i - 1]) / 2 + gap - 1e-9);
	}
	(void) ideal;
}

static void
test_spread_simple(void **state)
{
	double		ideal[3] = {100, 200, 300};
	double		width[3] = {13, 26, 13};
	double		centre[3];
	double		work[9];
	double		same[2] = {500, 500};
	double		w2[2] = {13, 13};
	double		c2[2];
	double		edge[2] = {0, 1000};

	(void) state;
	/* apart already: nothing moves */
	assert_true(chart_spread_labels(3, ideal, width, 2, 0, 1000, centre, work));
	for (int i = 0; i < 3; i++)
		assert_true(centre[i] == ideal[i]);

	/* two on one spot move apart by the same distance each way */
	assert_true(chart_spread_labels(2, same, w2, 2, 0, 1000, c2, work));
	assert_true(fabs(c2[0] - 492.5) < 1e-9);
	assert_true(fabs(c2[1] - 507.5) < 1e-9);

	/* at the edges they move inwards */
	assert_true(chart_spread_labels(2, edge, w2, 2, 8, 952, c2, work));
	assert_true(fabs(c2[0] - 14.5) < 1e-9);
	assert_true(fabs(c2[1] - 945.5) < 1e-9);

	/* too many for the room */
	assert_false(chart_spread_labels(2, same, w2, 2, 0, 27, c2, work));
	assert_true(chart_spread_labels(2, same, w2, 2, 0, 28, c2, work));
	assert_true(chart_spread_labels(0, NULL, NULL, 2, 0, 0, NULL, NULL));
}

#include "test_rng.h"

/*
 * Random labels: always apart and within bounds, in their order; and never
 * moved more, in least squares, than by the simplest layout that also keeps
 * them apart (push each one right of the one before, then back from the
 * right edge).
 */
static void
test_spread_random(void **state)
{
	enum
	{
		MAX = 200
	};
	double		ideal[MAX], width[MAX], centre[MAX], naive[MAX], work[3 * MAX];

	(void) state;
	for (int t = 0; t < 3000; t++)
	{
		int			n = 1 + (int) rng(MAX);
		double		lo = 8;
		double		hi = 8 + 15.0 * n + rng(2000);
		double		x = lo + rng(50);
		double		cost = 0;
		double		naive_cost = 0;

		for (int i = 0; i < n; i++)
		{
			width[i] = 13.0 * (1 + rng(3));
			x += rng(t % 2 ? 5 : 40);
			ideal[i] = x;
		}
		if (!chart_spread_labels(n, ideal, width, 2, lo, hi, centre, work))
		{
			double		need = 0;

			for (int i = 0; i < n; i++)
				need += width[i] + (i > 0 ? 2 : 0);
			assert_true(need > hi - lo);
			continue;
		}
		expect_apart(n, ideal, width, 2, lo, hi, centre);

		for (int i = 0; i < n; i++)
		{
			naive[i] = ideal[i];
			if (naive[i] - width[i] / 2 < lo)
				naive[i] = lo + width[i] / 2;
			if (i > 0 && naive[i] < naive[i - 1] + (width[i] + width[i - 1]) / 2 + 2)
				naive[i] = naive[i - 1] + (width[i] + width[i - 1]) / 2 + 2;
		}
		for (int i = n - 1; i >= 0; i--)
		{
			if (naive[i] + width[i] / 2 > hi)
				naive[i] = hi - width[i] / 2;
			if (i < n - 1 && naive[i] > naive[i + 1] - (width[i] + width[i + 1]) / 2 - 2)
				naive[i] = naive[i + 1] - (width[i] + width[i + 1]) / 2 - 2;
		}
		expect_apart(n, ideal, width, 2, lo, hi, naive);
		for (int i = 0; i < n; i++)
		{
			cost += (centre[i] - ideal[i]) * (centre[i] - ideal[i]);
			naive_cost += (naive[i] - ideal[i]) * (naive[i] - ideal[i]);
		}
		assert_true(cost <= naive_cost + 1e-6);
	}
}

/*--------------------------------------------------------------------------
 * Documents
 *--------------------------------------------------------------------------
 */

#define DAY(y, m, d) ((int32_t) chart_days_from_civil(y, m, d))

static ChartSigning
signing(int32_t date, int32_t position, const char *label)
{
	ChartSigning s = {date, position, label, strlen(label)};

	return s;
}

/* The x of every rotated label line, in document order. */
static int
label_xs(const char *svg, double *xs, int max)
{
	const char *key = "<text transform=\"translate(";
	const char *p = strstr(svg, "<g class=\"signings\">");
	int			n = 0;

	assert_non_null(p);
	while ((p = strstr(p, key)) != NULL && n < max)
	{
		p += strlen(key);
		xs[n++] = strtod(p, NULL);
	}
	return n;
}

static int
count(const char *s, const char *needle)
{
	int			n = 0;

	for (const char *p = strstr(s, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* Every line of every label at least a label's height from the next. */
static void
expect_labels_apart(const char *svg, int expected_lines)
{
	double		xs[4096];
	int			n = label_xs(svg, xs, 4096);

	assert_int_equal(n, expected_lines);
	for (int i = 1; i < n; i++)
	{
		if (xs[i] - xs[i - 1] < CHART_LABEL_HEIGHT - 0.11)
			fail_msg("label lines %d and %d are %.1f apart", i - 1, i, xs[i] - xs[i - 1]);
	}
}

/* Plain ASCII, balanced elements, no trailing newline. */
static void
expect_clean_document(const char *svg)
{
	size_t		len = strlen(svg);

	assert_true(strncmp(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44) == 0);
	assert_true(len > 6 && strcmp(svg + len - 6, "</svg>") == 0);
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) svg[i];

		if (c >= 0x80 || (c < 0x20 && c != '\n'))
			fail_msg("byte 0x%02X at %zu", c, i);
	}
	assert_int_equal(count(svg, "<text"), count(svg, "</text>"));
	assert_int_equal(count(svg, "<title>"), count(svg, "</title>"));
	assert_int_equal(count(svg, "<g"), count(svg, "</g>"));
	assert_int_equal(count(svg, "<svg"), 1);
}

static void
test_ukraine_like(void **state)
{
	ChartSigning s[] = {
		signing(DAY(2024, 1, 12), 1, "GB"),
		signing(DAY(2024, 2, 16), 3, "FR"),	/* in any order */
		signing(DAY(2024, 2, 16), 2, "DE"),
		signing(DAY(2024, 6, 27), 18, "EU"),
		signing(DAY(2024, 6, 27), 18, "EE"),
		signing(DAY(2024, 6, 27), 18, "LT"),
		signing(DAY(2024, 5, 31), 13, "SE"),
		signing(DAY(2024, 5, 31), 14, "IS"),
		signing(DAY(2024, 5, 31), 15, "NO"),
	};
	ChartSpec	spec = {"Ukraine (UA): partners in the order of signing", 46,
	"security agreements", 19, true, DAY(2025, 6, 30), s, 9};
	int			width;
	int			height;
	char	   *svg = render(&spec, &width, &height);
	char	   *again;
	char		size[64];

	(void) state;
	expect_clean_document(svg);
	assert_int_equal(width, CHART_MIN_WIDTH);
	snprintf(size, sizeof(size), "width=\"%d\" height=\"%d\"", width, height);
	assert_non_null(strstr(svg, size));
	/* one label per day: ties share an ordinal, known orders each have one */
	assert_non_null(strstr(svg, ">GB 1st</text>"));
	assert_non_null(strstr(svg, ">DE 2nd, FR 3rd</text>"));
	assert_non_null(strstr(svg, ">EE EU LT 18th</text>"));
	/* a label too long for one line goes on in the next, beside it */
	assert_non_null(strstr(svg, ">SE 13th,</text>"));
	assert_non_null(strstr(svg, ">IS 14th, NO 15th</text>"));
	assert_int_equal(count(svg, "<circle"), 4);
	expect_labels_apart(svg, 5);
	/* the subtitle, the partners so far, dates */
	assert_non_null(strstr(svg, ">security agreements &#xB7; 9 partners &#xB7; as of 2025-06-30</text>"));
	assert_non_null(strstr(svg, "<title>2024-06-27: EE EU LT 18th (9 so far)</title>"));
	assert_non_null(strstr(svg, "<title>2024-02-16: DE 2nd, FR 3rd (3 so far)</title>"));
	assert_non_null(strstr(svg, ">2024-01</text>"));

	/* the same input, the same document */
	again = render(&spec, NULL, NULL);
	assert_string_equal(svg, again);
	free(again);
	free(svg);
}

/* A place that fits on a line is not split across two. */
static void
test_places_kept_whole(void **state)
{
	ChartSigning s[] = {
		signing(DAY(2020, 1, 1), 2, "UG"),
		signing(DAY(2020, 1, 1), 1, "RW"),
		signing(DAY(2020, 1, 1), 2, "TZ"),
		signing(DAY(2020, 2, 1), 4, "ET"),
		signing(DAY(2020, 2, 1), 4, "SOMALIA-LONG"),
		signing(DAY(2020, 2, 1), 4, "SO"),
	};
	ChartSpec	spec = {"Kenya", 5, NULL, 0, true, DAY(2020, 12, 31), s, 6};
	char	   *svg = render(&spec, NULL, NULL);

	(void) state;
	expect_clean_document(svg);
	assert_non_null(strstr(svg, ">RW 1st,</text>"));
	assert_non_null(strstr(svg, ">TZ UG 2nd</text>"));
	/* a place longer than a line wraps word by word */
	assert_non_null(strstr(svg, ">ET SO</text>"));
	assert_non_null(strstr(svg, ">SOMALIA-LONG 4th</text>"));
	expect_labels_apart(svg, 4);
	free(svg);
}

/* 60 partners, many on the same days and on days next to each other. */
static void
test_sixty_partners(void **state)
{
	ChartSigning s[60];
	char		labels[60][3];
	ChartSpec	spec = {"Synthetic", 9, NULL, 0, true, DAY(2025, 12, 31), s, 60};
	int			width;
	int			height;
	char	   *svg;
	int			lines = 0;

	(void) state;
	for (int i = 0; i < 60; i++)
	{
		int32_t		date = i < 8 ? DAY(2024, 3, 1) : i < 13 ? DAY(2024, 3, 2) :
			i < 30 ? DAY(2024, 4, 1) + (i - 13) * 3 : i < 40 ? DAY(2024, 6, 1) + (i - 30) :
			DAY(2024, 9, 1) + (i - 40) * 20;

		labels[i][0] = (char) ('A' + i / 26);
		labels[i][1] = (char) ('A' + i % 26);
		labels[i][2] = '\0';
		s[i] = signing(date, i < 8 ? 1 : i < 13 ? 9 : i + 1, labels[i]);
	}
	svg = render(&spec, &width, &height);
	expect_clean_document(svg);
	assert_int_equal(width, CHART_MIN_WIDTH);
	/* 8 on one day: two lines; 5 on the next: two lines; then one each */
	assert_non_null(strstr(svg, ">AA AB AC AD AE</text>"));
	assert_non_null(strstr(svg, ">AF AG AH 1st</text>"));
	assert_non_null(strstr(svg, ">AI AJ AK AL</text>"));
	assert_non_null(strstr(svg, ">AM 9th</text>"));
	lines = 2 + 2 + (60 - 13);
	expect_labels_apart(svg, lines);
	assert_int_equal(count(svg, "<circle"), 2 + (60 - 13));
	assert_non_null(strstr(svg, "60 partners"));
	free(svg);
}

/* More days than fit side by side: the chart widens, labels stay apart. */
static void
test_widens(void **state)
{
	ChartSigning s[300];
	ChartSpec	spec = {NULL, 0, NULL, 0, false, 0, s, 300};
	int			width;
	int			height;
	char	   *svg;

	(void) state;
	for (int i = 0; i < 300; i++)
		s[i] = signing(DAY(2020, 1, 1) + i, i + 1, "XX");
	svg = render(&spec, &width, &height);
	expect_clean_document(svg);
	assert_true(width >= 300 * (CHART_LABEL_HEIGHT + CHART_LABEL_GAP));
	expect_labels_apart(svg, 300);
	/* no as_of: the axis ends at the last signing, no "as of" */
	assert_null(strstr(svg, "as of"));
	assert_non_null(strstr(svg, "<title>Signing chart</title>"));
	free(svg);
}

/* Hostile text everywhere stays text. */
static void
test_hostile_text(void **state)
{
	const char	bad[] = "</text><script>alert(\"x\")</script>&amp;'\x01\xFF";
	ChartSigning s[] = {
		{DAY(2024, 1, 1), 1, bad, sizeof(bad) - 1},
		{DAY(2024, 1, 1), INT32_MIN, "<b>", 3},
		{DAY(2024, 1, 2), INT32_MAX, "", 0},
	};
	ChartSpec	spec = {bad, sizeof(bad) - 1, bad, sizeof(bad) - 1, true, DAY(2024, 1, 1), s, 3};
	char	   *svg = render(&spec, NULL, NULL);

	(void) state;
	expect_clean_document(svg);
	assert_null(strstr(svg, "<script"));
	assert_null(strstr(svg, "<b>"));
	assert_non_null(strstr(svg, "&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;&#39;&#xFFFD;&#xFFFD;"));
	/* labels are cut to CHART_LABEL_CHARS characters */
	assert_non_null(strstr(svg, ">&lt;/text&gt;&lt;scr&#x2026; 1st</text>"));
	assert_non_null(strstr(svg, ">&lt;b&gt; -2147483648th,</text>"));
	assert_non_null(strstr(svg, "2147483647th"));
	free(svg);
}

/* Nothing to chart, and the ends of PostgreSQL's calendar. */
static void
test_edges(void **state)
{
	ChartSigning far[] = {
		signing(-2451545, 1, "AA"),
		signing(2145031948, 2, "ZZ"),
	};
	ChartSigning one[] = {signing(DAY(2024, 5, 1), 1, "BE")};
	ChartSpec	empty = {"Nobody", 6, NULL, 0, true, DAY(2025, 1, 1), NULL, 0};
	ChartSpec	empty_no_date = {NULL, 0, NULL, 0, false, 0, NULL, 0};
	ChartSpec	extremes = {"Long", 4, NULL, 0, true, 0, far, 2};
	ChartSpec	single = {"One", 3, NULL, 0, true, DAY(2024, 5, 1), one, 1};
	char	   *svg;

	(void) state;
	svg = render(&empty, NULL, NULL);
	expect_clean_document(svg);
	assert_non_null(strstr(svg, "no signings to chart"));
	assert_non_null(strstr(svg, "0 partners &#xB7; as of 2025-01-01"));
	free(svg);
	svg = render(&empty_no_date, NULL, NULL);
	expect_clean_document(svg);
	free(svg);

	svg = render(&extremes, NULL, NULL);
	expect_clean_document(svg);
	assert_non_null(strstr(svg, "<title>-4713-11-24: AA 1st (1 so far)</title>"));
	assert_non_null(strstr(svg, "<title>5874897-12-31: ZZ 2nd (2 so far)</title>"));
	free(svg);

	/* as_of on the day of the only signing, which is a first of the month */
	svg = render(&single, NULL, NULL);
	expect_clean_document(svg);
	assert_non_null(strstr(svg, "1 partner &#xB7;"));
	free(svg);
}

static void
test_too_many(void **state)
{
	ChartSigning one = signing(0, 1, "AA");
	ChartSpec	spec = {NULL, 0, NULL, 0, false, 0, &one, CHART_MAX_SIGNINGS + 1};
	ChartAllocator alloc = {counting_alloc, counting_resize, counting_release, NULL};
	Counting	counting = {0, 0, 0};
	char	   *out = NULL;
	size_t		len = 0;

	(void) state;
	alloc.arg = &counting;
	assert_int_equal(chart_render(&spec, &alloc, &out, &len, NULL, NULL), CHART_TOO_MANY_SIGNINGS);
	assert_null(out);
	assert_int_equal(counting.calls, 0);
}

/* Each allocation fails in turn: an error, and nothing left allocated. */
static void
test_out_of_memory(void **state)
{
	ChartSigning s[40];
	ChartSpec	spec = {"T", 1, "S", 1, true, DAY(2030, 1, 1), s, 40};
	long		calls;
	Counting	counting = {0, 0, 0};
	ChartAllocator alloc = {counting_alloc, counting_resize, counting_release, &counting};
	char	   *out = NULL;
	size_t		len;

	(void) state;
	for (int i = 0; i < 40; i++)
		s[i] = signing(DAY(2024, 1, 1) + i * 7, i + 1, "AB");
	assert_int_equal(chart_render(&spec, &alloc, &out, &len, NULL, NULL), CHART_OK);
	calls = counting.calls;
	assert_true(calls > 8);		/* the layout, and the buffer growing */
	free(out);

	for (long k = 1; k <= calls; k++)
	{
		Counting	failing = {0, k, 0};
		ChartAllocator a = {counting_alloc, counting_resize, counting_release, &failing};

		out = NULL;
		assert_int_equal(chart_render(&spec, &a, &out, &len, NULL, NULL), CHART_NO_MEMORY);
		assert_null(out);
		assert_int_equal(failing.live, 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar_anchors),
		cmocka_unit_test(test_calendar_walk),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_spread_simple),
		cmocka_unit_test(test_spread_random),
		cmocka_unit_test(test_ukraine_like),
		cmocka_unit_test(test_places_kept_whole),
		cmocka_unit_test(test_sixty_partners),
		cmocka_unit_test(test_widens),
		cmocka_unit_test(test_hostile_text),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_too_many),
		cmocka_unit_test(test_out_of_memory),
	};

	return cmocka_run_group_tests_name("chart_core", tests, NULL, NULL);
}
