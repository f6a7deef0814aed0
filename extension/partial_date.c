/*
 * partial_date.c: registry dates known to the year, the month or the day
 * (issue #16): the period's last day, which every comparison of partial
 * dates uses, and the text a date is shown as with its precision.
 *
 * Calendar arithmetic is PostgreSQL's own (date2j, j2date), so that the
 * periods are exactly the days date arithmetic knows, BC years included.
 */
#include "secpact.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "lib/stringinfo.h"
#include "catalog/namespace.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "partial_date.h"

/*
 * The three labels' oids, looked up once per backend: the registry's scans
 * convert a precision per row.  An enum value's oid never changes, and
 * ALTER TYPE ... RENAME VALUE or ADD VALUE is caught by the label check.
 */
static Oid	precision_oids[3];

PartialPrecision
partial_precision_from_datum(Datum value)
{
	Oid			oid = DatumGetObjectId(value);
	HeapTuple	tuple;
	const char *label;
	PartialPrecision p;

	for (int i = 0; i < 3; i++)
		if (OidIsValid(precision_oids[i]) && precision_oids[i] == oid)
			return (PartialPrecision) i;

	tuple = SearchSysCache1(ENUMOID, ObjectIdGetDatum(oid));
	if (!HeapTupleIsValid(tuple))
		elog(ERROR, "cache lookup failed for enum value %u", oid);
	label = NameStr(((Form_pg_enum) GETSTRUCT(tuple))->enumlabel);
	if (strcmp(label, "year") == 0)
		p = PARTIAL_YEAR;
	else if (strcmp(label, "month") == 0)
		p = PARTIAL_MONTH;
	else if (strcmp(label, "day") == 0)
		p = PARTIAL_DAY;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid date precision: \"%s\"", label),
				 errhint("A date's precision is \"year\", \"month\" or \"day\".")));
	ReleaseSysCache(tuple);
	precision_oids[p] = oid;
	return p;
}

bool
registry_has_precision(void)
{
	/* the schema secpact is the extension's own, where no other role creates */
	Oid			schema = get_namespace_oid("secpact", true);
	Oid			registry = OidIsValid(schema) ? get_relname_relid("agreement", schema) : InvalidOid;

	return OidIsValid(registry) && get_attnum(registry, "signed_on_precision") != InvalidAttrNumber;
}

DateADT
partial_date_last(DateADT d, PartialPrecision p)
{
	int			year,
				month,
				day;

	if (DATE_NOT_FINITE(d) || p == PARTIAL_DAY)
		return d;
	j2date(d + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	/* the day before the first of the next period */
	if (p == PARTIAL_MONTH)
		return date2j(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1)
			- POSTGRES_EPOCH_JDATE - 1;
	return date2j(year + 1, 1, 1) - POSTGRES_EPOCH_JDATE - 1;
}

/* year-month-day as ISO writes it, to the given precision */
static void
append_date(StringInfo buf, DateADT d, PartialPrecision p)
{
	int			year,
				month,
				day;

	if (DATE_IS_NOBEGIN(d))
	{
		appendStringInfoString(buf, EARLY);
		return;
	}
	if (DATE_IS_NOEND(d))
	{
		appendStringInfoString(buf, LATE);
		return;
	}
	j2date(d + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	/* year 0 is 1 BC, as date_out writes it */
	appendStringInfo(buf, "%04d", year > 0 ? year : 1 - year);
	if (p >= PARTIAL_MONTH)
		appendStringInfo(buf, "-%02d", month);
	if (p == PARTIAL_DAY)
		appendStringInfo(buf, "-%02d", day);
	if (year <= 0)
		appendStringInfoString(buf, " BC");
}

text *
partial_span_text(DateADT lo, DateADT hi)
{
	StringInfoData buf;
	int			year,
				month,
				day;

	initStringInfo(&buf);
	if (lo == hi || DATE_NOT_FINITE(lo) || DATE_NOT_FINITE(hi))
		append_date(&buf, lo, PARTIAL_DAY);
	else
	{
		j2date(lo + POSTGRES_EPOCH_JDATE, &year, &month, &day);
		if (day == 1 && month == 1 && hi == partial_date_last(lo, PARTIAL_YEAR))
			append_date(&buf, lo, PARTIAL_YEAR);
		else if (day == 1 && hi == partial_date_last(lo, PARTIAL_MONTH))
			append_date(&buf, lo, PARTIAL_MONTH);
		else
		{
			append_date(&buf, lo, PARTIAL_DAY);
			appendStringInfoChar(&buf, '/');
			append_date(&buf, hi, PARTIAL_DAY);
		}
	}
	return cstring_to_text_with_len(buf.data, buf.len);
}

/*
 * partial_date(d date, p date_precision): the date as its precision knows
 * it: 1997, 1997-06, 1997-06-15 (the period holding d, when d is not its
 * first day); infinity and -infinity as they are.  Strict, immutable: ISO
 * whatever DateStyle says.
 */
PG_FUNCTION_INFO_V1(partial_date_text);
Datum
partial_date_text(PG_FUNCTION_ARGS)
{
	DateADT		d = PG_GETARG_DATEADT(0);
	PartialPrecision p = partial_precision_from_datum(PG_GETARG_DATUM(1));
	StringInfoData buf;

	initStringInfo(&buf);
	append_date(&buf, d, DATE_NOT_FINITE(d) ? PARTIAL_DAY : p);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(buf.data, buf.len));
}

/*
 * partial_date_last(d date, p date_precision): the last day of the period,
 * the bound every comparison of partial dates uses.
 */
PG_FUNCTION_INFO_V1(partial_date_last_day);
Datum
partial_date_last_day(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(partial_date_last(PG_GETARG_DATEADT(0),
										partial_precision_from_datum(PG_GETARG_DATUM(1))));
}

/*
 * date_fits_precision(d date, p date_precision): whether d is the first day
 * of its period (NULL fits; an infinite date only at day precision).  In C
 * since 1.4: four CHECK constraints of the registry call it per row, and
 * the SQL function (with its SET search_path, never inlined) was more than
 * half of a COPY's time.  Not strict.
 */
PG_FUNCTION_INFO_V1(date_fits_precision);
Datum
date_fits_precision(PG_FUNCTION_ARGS)
{
	DateADT		d;
	PartialPrecision p;
	int			year,
				month,
				day;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_BOOL(true);
	d = PG_GETARG_DATEADT(0);
	p = partial_precision_from_datum(PG_GETARG_DATUM(1));
	if (p == PARTIAL_DAY)
		PG_RETURN_BOOL(true);
	if (DATE_NOT_FINITE(d))
		PG_RETURN_BOOL(false);
	j2date(d + POSTGRES_EPOCH_JDATE, &year, &month, &day);
	PG_RETURN_BOOL(day == 1 && (p == PARTIAL_MONTH || month == 1));
}
