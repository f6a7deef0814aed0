/*
 * chart_dates.c: the chart's time axis, days since 2000-01-01 and the
 * proleptic Gregorian calendar, after Howard Hinnant's algorithms (eras of
 * 400 years, 146097 days), in pure C (see chart_core.h).
 */
#include "chart_internal.h"

/* Days from 1970-01-01 to 2000-01-01. */
#define UNIX_TO_2000 10957

int64_t
chart_floor_div(int64_t a, int64_t b)
{
	int64_t		q = a / b;

	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t
chart_days_from_civil(int64_t year, int month, int day)
{
	int64_t		y = year - (month <= 2);
	int64_t		era = chart_floor_div(y, 400);
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
	int64_t		era = chart_floor_div(z, 146097);
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
void
chart_buf_append_date(ChartBuffer *b, int64_t days)
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
	chart_buf_append_int(b, y);
	chart_buf_append(b, m < 10 ? "-0" : "-", m < 10 ? 2 : 1);
	chart_buf_append_int(b, m);
	chart_buf_append(b, d < 10 ? "-0" : "-", d < 10 ? 2 : 1);
	chart_buf_append_int(b, d);
}

int64_t
chart_month_index(int64_t days)
{
	int64_t		y;
	int			m;
	int			d;

	chart_civil_from_days(days, &y, &m, &d);
	return y * 12 + (m - 1);
}

int64_t
chart_month_start(int64_t index)
{
	return chart_days_from_civil(chart_floor_div(index, 12), (int) (index - chart_floor_div(index, 12) * 12) + 1, 1);
}
