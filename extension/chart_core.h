/*
 * chart_core.h: the signing chart as an SVG document, in pure C.
 *
 * No PostgreSQL headers here: chart.c hands this core the signings and an
 * allocator over palloc, and the cmocka unit tests drive it with malloc (and
 * with an allocator that fails), which is why the chart has its own buffer
 * where the backend has StringInfo, its own calendar (chart_dates.c) where
 * the backend has date2j and j2date, and the pure cores' UTF-8 decoder
 * (utf8_core.h) where the backend has utf8_to_unicode.
 *
 * The chart is a step line of cumulative partners over time: one step per
 * day with signings, labelled with each counterpart's code and ordinal.
 * Signings of one day share one label, and labels that would overlap are
 * moved apart along the time axis (each keeps a leader line to its step),
 * the chart widening when they cannot all fit.  Every text is escaped for
 * XML and written as ASCII, non-ASCII characters as character references,
 * so the document is well-formed in any server encoding.  The output is a
 * function of the input alone: no clock, no locale.
 */
#ifndef SECPACT_CHART_CORE_H
#define SECPACT_CHART_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Memory for the document and the layout; alloc and resize return NULL on failure. */
typedef struct ChartAllocator
{
	void	   *(*alloc) (void *arg, size_t size);
	void	   *(*resize) (void *arg, void *ptr, size_t size);
	void		(*release) (void *arg, void *ptr);
	void	   *arg;
} ChartAllocator;

/* A growable output buffer; failed sticks once an allocation failed. */
typedef struct ChartBuffer
{
	char	   *data;
	size_t		len;
	size_t		cap;
	const ChartAllocator *alloc;
	bool		failed;
} ChartBuffer;

extern void chart_buf_init(ChartBuffer *b, const ChartAllocator *alloc);
extern void chart_buf_append(ChartBuffer *b, const char *s, size_t n);

/*
 * Appends formatted text: %d an int, %f a double rounded to one decimal
 * ("12.5", "12", "-0.5"), %s a NUL-terminated string written as it is (for
 * markup, never for data), %% a percent sign.
 */
extern void chart_buf_printf(ChartBuffer *b, const char *fmt,...);

/*
 * Appends len bytes of UTF-8 text escaped for XML text and attribute
 * values, at most max_chars characters of it and then an ellipsis when
 * longer.  & < > " ' become entities; tab, newline and carriage return
 * become a space; other control characters, malformed UTF-8 and the
 * noncharacters U+FFFE and U+FFFF, none of which XML allows, become U+FFFD;
 * anything else outside ASCII becomes a character reference.  Returns the
 * number of characters written (the ellipsis counts as one).
 */
extern size_t chart_buf_escape(ChartBuffer *b, const char *s, size_t len,
							   size_t max_chars);

/* Days since 2000-01-01 (PostgreSQL's DateADT) from a proleptic Gregorian date, and back. */
extern int64_t chart_days_from_civil(int64_t year, int month, int day);
extern void chart_civil_from_days(int64_t days, int64_t *year, int *month, int *day);

/*
 * Places n labels along a line: label i, width[i] wide, ideally centred at
 * ideal[i] (ideal[] ascending), gets centre[i] such that neighbours are at
 * least gap apart, every label lies within [lo, hi] and the labels keep
 * their order, moving them as little as possible (least squares: isotonic
 * regression by pooling adjacent violators).  Labels that do not collide
 * stay where they are.  work holds 3 * n doubles.  False when the labels
 * cannot fit between lo and hi at all; centre[] is then unspecified.
 */
extern bool chart_spread_labels(int n, const double *ideal, const double *width,
								double gap, double lo, double hi,
								double *centre, double *work);

/* One counterpart's first signing. */
typedef struct ChartSigning
{
	int32_t		date;			/* days since 2000-01-01 */
	int32_t		position;		/* its place in the signing order */
	const char *label;			/* UTF-8, label_len bytes, usually the code */
	size_t		label_len;
} ChartSigning;

typedef struct ChartSpec
{
	const char *title;			/* UTF-8, or NULL for none */
	size_t		title_len;
	const char *subtitle;		/* UTF-8, or NULL for none */
	size_t		subtitle_len;
	bool		has_as_of;		/* the time axis runs to as_of ... */
	int32_t		as_of;			/* ... or, when later, to the last signing */
	const ChartSigning *signings;	/* in any order */
	int			nsignings;
} ChartSpec;

/* Most signings one chart takes; the party table has 250 parties. */
#define CHART_MAX_SIGNINGS 10000

/* Text lengths shown, in characters; longer text ends in an ellipsis. */
#define CHART_TITLE_CHARS 120
#define CHART_LABEL_CHARS 12

/* Geometry, in SVG user units (CSS pixels). */
#define CHART_MIN_WIDTH 960
#define CHART_LABEL_FONT 11
#define CHART_LABEL_HEIGHT 13	/* one rotated line of a label, across */
#define CHART_LABEL_LINE_CHARS 16	/* characters per line of a label */
#define CHART_LABEL_GAP 2

typedef enum ChartStatus
{
	CHART_OK = 0,
	CHART_NO_MEMORY,
	CHART_TOO_MANY_SIGNINGS		/* more than CHART_MAX_SIGNINGS */
} ChartStatus;

/*
 * Renders the chart.  On success *out is a document allocated by alloc, of
 * *outlen bytes with a terminating NUL, without a final newline; the caller
 * releases it.  On failure nothing stays allocated.  width and height, when
 * not NULL, receive the document's size.
 */
extern ChartStatus chart_render(const ChartSpec *spec, const ChartAllocator *alloc,
								char **out, size_t *outlen, int *width, int *height);

#endif
