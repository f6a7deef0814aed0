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
 *
 * This file lays the chart out and writes it; what it writes with is beside
 * it: the buffer (chart_buffer.c), escaped text (chart_text.c), dates
 * (chart_dates.c) and label placement (chart_labels.c).
 */
#include "chart_internal.h"

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
	size_t		chars = chart_utf8_chars(s->label, s->label_len);

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

/* Where everything goes: what laying the chart out decides. */
typedef struct Layout
{
	int64_t		d0;				/* the time axis, in days since 2000-01-01 */
	int64_t		d1;
	double		band_bottom;	/* the labels' baseline */
	double		plot_top;
	double		plot_bottom;
	double		plot_left;
	double		plot_right;
	int			width;
	int			height;
	int			ymax;			/* the partners axis: 0 to ymax by ystep */
	int			ystep;
} Layout;

static double
layout_x(const Layout *lay, int64_t day)
{
	return lay->plot_left + TIME_PAD +
		(double) (day - lay->d0) / (double) (lay->d1 - lay->d0) *
		(lay->plot_right - lay->plot_left - TIME_PAD);
}

static double
layout_y(const Layout *lay, int count)
{
	return lay->plot_bottom - (double) count * PLOT_HEIGHT / lay->ymax;
}

/*
 * The time axis: from the first day of the first signing's month to as_of,
 * or to the last signing when that is later.
 */
static void
layout_time_axis(const Chart *c, Layout *lay)
{
	const ChartSpec *spec = c->spec;
	int			n = spec->nsignings;

	lay->d0 = 0;
	lay->d1 = 1;
	if (n > 0)
	{
		lay->d0 = chart_month_start(chart_month_index(c->sorted[0]->date));
		lay->d1 = c->sorted[n - 1]->date;
	}
	else if (spec->has_as_of)
		lay->d0 = chart_month_start(chart_month_index(spec->as_of));
	if (spec->has_as_of && spec->as_of > lay->d1)
		lay->d1 = spec->as_of;
	if (lay->d1 <= lay->d0)
		lay->d1 = lay->d0 + 1;
}

/*
 * The band of labels as tall as the longest line, the chart wide enough for
 * every label side by side, each label as near its day as the others let
 * it, and the plot below, the further down the further a label moved, so
 * that leader lines stay steep enough to follow.
 */
static void
layout_labels(Chart *c, Layout *lay)
{
	size_t		max_line = 0;
	double		band;
	double		needed = 0;
	double		elbow = ELBOW;

	for (int l = 0; l < c->nlines; l++)
		if (c->lines[l].chars > max_line)
			max_line = c->lines[l].chars;
	band = (double) max_line * CHAR_WIDTH + 10;
	if (band < BAND_MIN)
		band = BAND_MIN;
	lay->band_bottom = BAND_TOP + band;

	lay->width = CHART_MIN_WIDTH;
	for (int g = 0; g < c->ngroups; g++)
	{
		c->width[g] = c->groups[g].nlines * CHART_LABEL_HEIGHT;
		needed += c->width[g] + (g > 0 ? CHART_LABEL_GAP : 0);
	}
	if (needed > lay->width - 16)
		lay->width = (int) (needed + 16) + 1;
	lay->plot_left = MARGIN_LEFT;
	lay->plot_right = lay->width - MARGIN_RIGHT;

	for (int g = 0; g < c->ngroups; g++)
		c->ideal[g] = layout_x(lay, c->sorted[c->groups[g].first]->date);
	if (!chart_spread_labels(c->ngroups, c->ideal, c->width, CHART_LABEL_GAP, 8, lay->width - 8,
							 c->centre, c->work))
	{
		/* cannot happen: the chart was made wide enough */
		for (int g = 0; g < c->ngroups; g++)
			c->centre[g] = c->ideal[g];
	}

	for (int g = 0; g < c->ngroups; g++)
	{
		double		moved = c->centre[g] > c->ideal[g] ? c->centre[g] - c->ideal[g] : c->ideal[g] - c->centre[g];

		if (ELBOW + moved / 5 > elbow)
			elbow = ELBOW + moved / 5;
	}
	if (elbow > ELBOW_MAX)
		elbow = ELBOW_MAX;
	elbow = (double) (int) elbow;
	lay->plot_top = lay->band_bottom + elbow;
	lay->plot_bottom = lay->plot_top + PLOT_HEIGHT;
	lay->height = (int) (lay->plot_bottom + MARGIN_BOTTOM + 0.5);
}

/* Partners axis: 0 to a multiple of a round step, at most ten steps. */
static void
layout_partners_axis(const Chart *c, Layout *lay)
{
	int			ymax = c->spec->nsignings > 0 ? c->spec->nsignings : 1;

	lay->ystep = round_step(ymax, 10);
	lay->ymax = (ymax + lay->ystep - 1) / lay->ystep * lay->ystep;
}

/* The XML declaration, the svg element, its title and the background. */
static void
emit_document_start(ChartBuffer *b, const ChartSpec *spec, const Layout *lay)
{
	chart_buf_append_str(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	chart_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
					 "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\" "
					 "font-size=\"%d\">\n", lay->width, lay->height, lay->width, lay->height,
					 CHART_LABEL_FONT);
	chart_buf_append_str(b, "<title>");
	if (spec->title != NULL)
		chart_buf_escape(b, spec->title, spec->title_len, CHART_TITLE_CHARS);
	else
		chart_buf_append_str(b, "Signing chart");
	chart_buf_append_str(b, "</title>\n");
	chart_buf_printf(b, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", lay->width, lay->height);
}

static void
emit_title(ChartBuffer *b, const ChartSpec *spec, int partners, int64_t as_of, bool has_as_of)
{
	if (spec->title != NULL)
	{
		chart_buf_printf(b, "<text x=\"%d\" y=\"28\" font-size=\"18\" font-weight=\"bold\" fill=\"#1a1a1a\">",
						 MARGIN_LEFT - 48);
		chart_buf_escape(b, spec->title, spec->title_len, CHART_TITLE_CHARS);
		chart_buf_append_str(b, "</text>\n");
	}
	chart_buf_printf(b, "<text x=\"%d\" y=\"48\" font-size=\"12\" fill=\"#555555\">", MARGIN_LEFT - 48);
	if (spec->subtitle != NULL)
	{
		chart_buf_escape(b, spec->subtitle, spec->subtitle_len, CHART_TITLE_CHARS);
		chart_buf_append_str(b, " &#xB7; ");
	}
	chart_buf_printf(b, "%d %s", partners, partners == 1 ? "partner" : "partners");
	if (has_as_of)
	{
		chart_buf_append_str(b, " &#xB7; as of ");
		chart_buf_append_date(b, as_of);
	}
	chart_buf_append_str(b, "</text>\n");
}

/* The grid and the partners axis. */
static void
emit_partners_axis(ChartBuffer *b, const Layout *lay)
{
	chart_buf_append_str(b, "<g class=\"partners-axis\" fill=\"#555555\" text-anchor=\"end\">\n");
	for (int v = 0; v <= lay->ymax; v += lay->ystep)
		chart_buf_printf(b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"%s\"/>"
						 "<text x=\"%f\" y=\"%f\">%d</text>\n",
						 lay->plot_left, layout_y(lay, v), lay->plot_right, layout_y(lay, v),
						 v == 0 ? "#888888" : "#e6e6e6",
						 lay->plot_left - 8, layout_y(lay, v) + 4, v);
	chart_buf_printf(b, "<text transform=\"translate(%d,%f) rotate(-90)\" text-anchor=\"middle\">"
					 "partners</text>\n</g>\n", 18, (lay->plot_top + lay->plot_bottom) / 2);
}

/* The time axis: a tick per step of months, labelled by year or month. */
static void
emit_time_axis(ChartBuffer *b, const ChartSpec *spec, const Layout *lay)
{
	chart_buf_append_str(b, "<g class=\"time-axis\" fill=\"#555555\" text-anchor=\"middle\">\n");
	if (spec->nsignings > 0 || spec->has_as_of)
	{
		int64_t		first = chart_month_index(lay->d0);
		int64_t		last = chart_month_index(lay->d1);
		int64_t		max_ticks = (int64_t) ((lay->plot_right - lay->plot_left) / TICK_SPACING);
		int64_t		step = tick_step(first, last, max_ticks < 2 ? 2 : max_ticks);

		for (int64_t m = chart_floor_div(first + step - 1, step) * step; m <= last; m += step)
		{
			int64_t		day = chart_month_start(m);
			int64_t		y = chart_floor_div(m, 12);
			int			mo = (int) (m - y * 12) + 1;
			double		x = layout_x(lay, day);

			if (day < lay->d0 || day > lay->d1)
				continue;
			chart_buf_printf(b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"#888888\"/>"
							 "<text x=\"%f\" y=\"%f\">",
							 x, lay->plot_bottom, x, lay->plot_bottom + 5, x, lay->plot_bottom + 18);
			chart_buf_append_int(b, y);
			if (step < 12)
				chart_buf_printf(b, mo < 10 ? "-0%d" : "-%d", mo);
			chart_buf_append_str(b, "</text>\n");
		}
	}
	chart_buf_printf(b, "<text x=\"%f\" y=\"%f\">date of first signing</text>\n</g>\n",
					 (lay->plot_left + lay->plot_right) / 2, lay->plot_bottom + 36);
}

/* The steps, flat until a day with signings, then up; or a note that there are none. */
static void
emit_steps(ChartBuffer *b, const Chart *c, const Layout *lay)
{
	if (c->spec->nsignings == 0)
	{
		chart_buf_printf(b, "<text x=\"%f\" y=\"%f\" text-anchor=\"middle\" font-size=\"14\" "
						 "fill=\"#888888\">no signings to chart</text>\n",
						 (lay->plot_left + lay->plot_right) / 2, (lay->plot_top + lay->plot_bottom) / 2);
		return;
	}
	chart_buf_printf(b, "<path class=\"steps\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" "
					 "d=\"M%f %f", lay->plot_left, layout_y(lay, 0));
	for (int g = 0; g < c->ngroups; g++)
		chart_buf_printf(b, "H%fV%f", c->ideal[g], layout_y(lay, c->groups[g].partners));
	chart_buf_printf(b, "H%f\"/>\n", layout_x(lay, lay->d1));
}

/* One day's label, its tooltip, its leader line and its step's marker. */
static void
emit_signing_day(ChartBuffer *b, const Chart *c, const Layout *lay, int g)
{
	const Group *gr = &c->groups[g];
	double		x = c->ideal[g];
	double		cx = c->centre[g];
	double		y = layout_y(lay, gr->partners);

	chart_buf_append_str(b, "<g><title>");
	chart_buf_append_date(b, c->sorted[gr->first]->date);
	chart_buf_append_str(b, ":");
	for (int t = c->lines[gr->line].first; t < c->lines[gr->line].first + gr->count; t++)
	{
		chart_buf_append_str(b, " ");
		emit_token(b, c, &c->tokens[t]);
	}
	chart_buf_printf(b, " (%d so far)</title>\n", gr->partners);
	chart_buf_printf(b, "<polyline fill=\"none\" stroke=\"#9aa5b1\" stroke-width=\"0.8\" "
					 "points=\"%f,%f %f,%f %f,%f\"/>\n",
					 cx, lay->band_bottom + 2, cx, lay->band_bottom + 6, x, lay->plot_top - 4);
	if (y - 5 > lay->plot_top - 4)
		chart_buf_printf(b, "<line x1=\"%f\" y1=\"%f\" x2=\"%f\" y2=\"%f\" stroke=\"#9aa5b1\" "
						 "stroke-width=\"0.8\" stroke-dasharray=\"2 3\"/>\n",
						 x, lay->plot_top - 4, x, y - 5);
	chart_buf_printf(b, "<circle cx=\"%f\" cy=\"%f\" r=\"3\" fill=\"#ffffff\" stroke=\"#1f5fa8\" "
					 "stroke-width=\"1.5\"/>\n", x, y);
	for (int l = 0; l < gr->nlines; l++)
	{
		const Line *line = &c->lines[gr->line + l];

		/* lines side by side, the first leftmost; x is the baseline */
		double		lx = cx - c->width[g] / 2 + (l + 0.5) * CHART_LABEL_HEIGHT + 4;

		chart_buf_printf(b, "<text transform=\"translate(%f,%f) rotate(-90)\" fill=\"#222222\">",
						 lx, lay->band_bottom);
		for (int t = line->first; t < line->first + line->count; t++)
		{
			if (t > line->first)
				chart_buf_append_str(b, " ");
			emit_token(b, c, &c->tokens[t]);
		}
		chart_buf_append_str(b, "</text>\n");
	}
	chart_buf_append_str(b, "</g>\n");
}

/* The chart's working arrays for n signings; false when out of memory. */
static bool
alloc_working_arrays(Chart *c, int n)
{
	c->sorted = chart_alloc(c, sizeof(*c->sorted) * (size_t) n);
	c->tokens = chart_alloc(c, sizeof(*c->tokens) * (size_t) n);
	c->lines = chart_alloc(c, sizeof(*c->lines) * (size_t) n);
	c->groups = chart_alloc(c, sizeof(*c->groups) * (size_t) n);
	c->ideal = chart_alloc(c, sizeof(double) * (size_t) n);
	c->width = chart_alloc(c, sizeof(double) * (size_t) n);
	c->centre = chart_alloc(c, sizeof(double) * (size_t) n);
	c->work = chart_alloc(c, sizeof(double) * 3 * (size_t) n);
	return c->sorted && c->tokens && c->lines && c->groups && c->ideal && c->width &&
		c->centre && c->work;
}

ChartStatus
chart_render(const ChartSpec *spec, const ChartAllocator *alloc,
			 char **out, size_t *outlen, int *width_out, int *height_out)
{
	Chart		c;
	ChartBuffer b;
	Layout		lay;
	int			n = spec->nsignings;

	if (n < 0 || n > CHART_MAX_SIGNINGS)
		return CHART_TOO_MANY_SIGNINGS;

	memset(&c, 0, sizeof(c));
	c.spec = spec;
	c.alloc = alloc;
	chart_buf_init(&b, alloc);
	if (!alloc_working_arrays(&c, n))
	{
		chart_release_all(&c);
		return CHART_NO_MEMORY;
	}

	for (int i = 0; i < n; i++)
		c.sorted[i] = &spec->signings[i];
	qsort(c.sorted, (size_t) n, sizeof(*c.sorted), compare_signings);
	build_labels(&c);

	layout_time_axis(&c, &lay);
	layout_labels(&c, &lay);
	layout_partners_axis(&c, &lay);

	emit_document_start(&b, spec, &lay);
	emit_title(&b, spec, n, spec->has_as_of ? spec->as_of : 0, spec->has_as_of);
	emit_partners_axis(&b, &lay);
	emit_time_axis(&b, spec, &lay);
	emit_steps(&b, &c, &lay);
	chart_buf_append_str(&b, "<g class=\"signings\">\n");
	for (int g = 0; g < c.ngroups; g++)
		emit_signing_day(&b, &c, &lay, g);
	chart_buf_append_str(&b, "</g>\n</svg>");

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
		*width_out = lay.width;
	if (height_out != NULL)
		*height_out = lay.height;
	return CHART_OK;
}
