/*
 * chart.c: fmgr wrapper of signing_chart_svg() over chart_core.c.
 */
#include "secpact.h"

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "chart_core.h"

static void *
chart_palloc(void *arg, size_t size)
{
	return palloc_extended(size, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void *
chart_repalloc(void *arg, void *ptr, size_t size)
{
	return repalloc_huge(ptr, size);
}

static void
chart_pfree(void *arg, void *ptr)
{
	pfree(ptr);
}

static const ChartAllocator palloc_allocator = {
	chart_palloc, chart_repalloc, chart_pfree, NULL
};

/* Text as UTF-8, whatever the server encoding: the core reads UTF-8. */
static const char *
text_to_utf8(text *t, size_t *len)
{
	const char *s = VARDATA_ANY(t);
	int			n = VARSIZE_ANY_EXHDR(t);
	char	   *converted = pg_server_to_any(s, n, PG_UTF8);

	*len = converted == s ? (size_t) n : strlen(converted);
	return converted;
}

/*
 * The document, which the core writes in UTF-8 and declares so, as text of
 * the database.  Outside UTF-8 (and SQL_ASCII, which declares no encoding)
 * every other character becomes a numeric character reference: the document
 * is then ASCII, the same in every encoding a client reads it in, and its
 * declaration stays true.  Every such character is in text or an attribute
 * value, where XML reads the reference as the character.
 */
static text *
svg_to_server(const char *svg, size_t len)
{
	int			enc = GetDatabaseEncoding();
	StringInfoData buf;
	size_t		i = 0;

	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
		return cstring_to_text_with_len(svg, (int) len);
	initStringInfo(&buf);
	while (i < len)
	{
		const unsigned char *c = (const unsigned char *) svg + i;
		int			clen = *c < 0x80 ? 1 : pg_utf_mblen(c);

		if (clen == 1)
			appendStringInfoChar(&buf, (char) *c);
		else if (clen <= (int) (len - i) && pg_utf8_islegal(c, clen))
			appendStringInfo(&buf, "&#x%X;", (unsigned int) utf8_to_unicode(c));
		else
			elog(ERROR, "the chart is not valid UTF-8 at byte %zu", i);
		i += clen;
	}
	return cstring_to_text_with_len(buf.data, buf.len);
}

/*
 * The elements of a one-dimensional array argument without NULLs; a NULL
 * array has none.
 */
static int
array_elements(FunctionCallInfo fcinfo, int argno, const char *name,
			   Oid elemtype, int elemlen, bool elembyval, char elemalign,
			   Datum **elems)
{
	ArrayType  *array;
	bool	   *nulls;
	int			n;

	*elems = NULL;
	if (PG_ARGISNULL(argno))
		return 0;
	array = PG_GETARG_ARRAYTYPE_P(argno);
	if (ARR_NDIM(array) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("%s must be a one-dimensional array", name)));
	deconstruct_array(array, elemtype, elemlen, elembyval, elemalign, elems, &nulls, &n);
	for (int i = 0; i < n; i++)
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not contain nulls", name),
					 errdetail("Element %d is null.", i + 1)));
	return n;
}

/* The title, subtitle and end of the time axis, where not NULL. */
static void
chart_heading_args(FunctionCallInfo fcinfo, ChartSpec *spec)
{
	if (!PG_ARGISNULL(0))
		spec->title = text_to_utf8(PG_GETARG_TEXT_PP(0), &spec->title_len);
	if (!PG_ARGISNULL(1))
		spec->subtitle = text_to_utf8(PG_GETARG_TEXT_PP(1), &spec->subtitle_len);
	if (!PG_ARGISNULL(2))
	{
		DateADT		as_of = PG_GETARG_DATEADT(2);

		if (DATE_NOT_FINITE(as_of))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("as_of must be a finite date")));
		spec->has_as_of = true;
		spec->as_of = as_of;
	}
}

/* The signings of the three arrays, which must be of one length. */
static void
chart_signing_args(FunctionCallInfo fcinfo, ChartSpec *spec)
{
	ChartSigning *signings;
	Datum	   *dates;
	Datum	   *labels;
	Datum	   *positions;
	int			ndates;
	int			nlabels;
	int			npositions;

	ndates = array_elements(fcinfo, 3, "signed_on", DATEOID, sizeof(DateADT), true,
							TYPALIGN_INT, &dates);
	nlabels = array_elements(fcinfo, 4, "labels", TEXTOID, -1, false,
							 TYPALIGN_INT, &labels);
	npositions = array_elements(fcinfo, 5, "positions", INT4OID, sizeof(int32), true,
								TYPALIGN_INT, &positions);
	if (ndates != nlabels || ndates != npositions)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("signed_on, labels and positions must have the same length"),
				 errdetail("signed_on has %d elements, labels %d, positions %d.",
						   ndates, nlabels, npositions)));
	if (ndates > CHART_MAX_SIGNINGS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a signing chart takes at most %d signings", CHART_MAX_SIGNINGS),
				 errdetail("The arrays have %d elements.", ndates)));

	signings = (ChartSigning *) palloc0(sizeof(ChartSigning) * (ndates > 0 ? ndates : 1));
	for (int i = 0; i < ndates; i++)
	{
		DateADT		d = DatumGetDateADT(dates[i]);

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("signed_on must not contain infinite dates"),
					 errdetail("Element %d is %s.", i + 1,
							   DATE_IS_NOBEGIN(d) ? "-infinity" : "infinity")));
		signings[i].date = d;
		signings[i].position = DatumGetInt32(positions[i]);
		signings[i].label = text_to_utf8(DatumGetTextPP(labels[i]), &signings[i].label_len);
	}
	spec->signings = signings;
	spec->nsignings = ndates;
}

/*
 * signing_chart_svg(title text, subtitle text, as_of date, signed_on date[],
 * labels text[], positions int[]): the SVG step chart of cumulative partners
 * for one counterpart per array element.  Not strict: a NULL title or
 * subtitle is left out, a NULL as_of ends the time axis at the last signing,
 * and NULL arrays hold no signings.
 */
PG_FUNCTION_INFO_V1(signing_chart_svg);
Datum
signing_chart_svg(PG_FUNCTION_ARGS)
{
	ChartSpec	spec;
	char	   *svg;
	size_t		len;
	text	   *result;

	memset(&spec, 0, sizeof(spec));
	chart_heading_args(fcinfo, &spec);
	chart_signing_args(fcinfo, &spec);

	switch (chart_render(&spec, &palloc_allocator, &svg, &len, NULL, NULL))
	{
		case CHART_OK:
			break;
		case CHART_TOO_MANY_SIGNINGS:
			/* checked above */
			elog(ERROR, "too many signings for a chart: %d", spec.nsignings);
			break;
		case CHART_NO_MEMORY:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory"),
					 errdetail("Failed while drawing a chart of %d signings.", spec.nsignings)));
			break;
	}
	result = svg_to_server(svg, len);
	pfree(svg);
	PG_RETURN_TEXT_P(result);
}
