/*
 * partial_date.h: registry dates known to the year, the month or the day.
 *
 * A partial date is stored as its first day beside a secpact.date_precision
 * (the storage of 1.3's update script); it stands for every day of its
 * period, from that first day to the period's last.  Comparisons of partial
 * dates are comparisons of those spans of days: one date is known to come
 * before another only when its last day is before the other's first.
 */
#ifndef SECPACT_PARTIAL_DATE_H
#define SECPACT_PARTIAL_DATE_H

#include "postgres.h"
#include "utils/date.h"

/* In the order of the enum's labels: coarse to fine. */
typedef enum PartialPrecision
{
	PARTIAL_YEAR,
	PARTIAL_MONTH,
	PARTIAL_DAY
} PartialPrecision;

/* The precision a secpact.date_precision value stands for. */
extern PartialPrecision partial_precision_from_datum(Datum value);

/*
 * The last day of the period of d at precision p (d itself at day
 * precision, and for infinite dates).  d need not be the period's first day.
 */
extern DateADT partial_date_last(DateADT d, PartialPrecision p);

/*
 * The days lo..hi as text: "1997-06-15" for one day, "1997-06" for a whole
 * month, "1997" for a whole year, else "lo/hi" (an ISO 8601 interval), as
 * the later of two partial dates may be.
 */
extern text *partial_span_text(DateADT lo, DateADT hi);

/*
 * Whether the installed registry has the precision columns: the library
 * also serves databases still at 1.0 to 1.2, whose dates are all known to
 * the day.  Asked per call (an ALTER EXTENSION UPDATE may add them).
 */
extern bool registry_has_precision(void);

#endif
