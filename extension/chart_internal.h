/*
 * chart_internal.h: what the files of the chart core share and do not
 * export (chart_buffer.c, chart_text.c, chart_dates.c, chart_core.c).  Pure C,
 * as chart_core.h is.
 */
#ifndef SECPACT_CHART_INTERNAL_H
#define SECPACT_CHART_INTERNAL_H

#include "chart_core.h"

/* A NUL-terminated string, and an integer in decimal (chart_buffer.c). */
extern void chart_buf_append_str(ChartBuffer *b, const char *s);
extern void chart_buf_append_int(ChartBuffer *b, long long v);

/* The number of characters chart_buf_escape would write for s, untruncated (chart_text.c). */
extern size_t chart_utf8_chars(const char *s, size_t len);

/* Dates (chart_dates.c): days since 2000-01-01, months since year 0. */
extern int64_t chart_floor_div(int64_t a, int64_t b);
extern void chart_buf_append_date(ChartBuffer *b, int64_t days);
extern int64_t chart_month_index(int64_t days);
extern int64_t chart_month_start(int64_t index);

#endif
