-- secpact 1.2 -> 1.3.  Released install scripts are frozen: every change of
-- 1.3 is made here (and a fresh install of 1.3 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.3'" to load this file. \quit

--------------------------------------------------------------------------
-- Issue #16 (partial dates), the storage both the ordering functions and the
-- dataset loaders build on.  Treaty sources give "June 1997" or "1997", and
-- ATOP and COW leave days and months unknown.  Each registry date keeps its
-- date column, holding the first day of the period it is known to (so every
-- query written against 1.2 reads the same rows), beside a precision column
-- saying whether the day, only the month or only the year is known.  Columns
-- rather than a new column type: users' views over the registry keep working
-- through the update, and day-precision rows (all rows before 1.3) cost
-- nothing but a default.
--------------------------------------------------------------------------

CREATE TYPE @extschema@.date_precision AS ENUM ('year', 'month', 'day');
COMMENT ON TYPE @extschema@.date_precision IS
	'how much of a registry date is known: the year, the month, or the day; ordered coarse to fine';

-- True when the date is the first day of its period: a month-precision date
-- is the 1st of its month, a year-precision date 1 January.  One stored form
-- per partial date keeps equality, ordering and unique keys meaningful.
CREATE FUNCTION @extschema@.date_fits_precision(d date, p @extschema@.date_precision)
	RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN d IS NULL OR p IS NULL OR p OPERATOR(pg_catalog.=) 'day'::@extschema@.date_precision
		OR (pg_catalog.date_part('day', d) OPERATOR(pg_catalog.=) 1
			AND (p OPERATOR(pg_catalog.=) 'month'::@extschema@.date_precision
				OR pg_catalog.date_part('month', d) OPERATOR(pg_catalog.=) 1));
COMMENT ON FUNCTION @extschema@.date_fits_precision(date, @extschema@.date_precision) IS
	'whether a date is the first day of its period at the given precision (NULL counts as fitting)';

ALTER TABLE secpact.agreement
	ADD COLUMN signed_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD COLUMN entry_into_force_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD COLUMN expires_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD COLUMN terminated_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD CONSTRAINT agreement_signed_on_fits_precision
		CHECK (@extschema@.date_fits_precision(signed_on, signed_on_precision)),
	ADD CONSTRAINT agreement_entry_into_force_fits_precision
		CHECK (@extschema@.date_fits_precision(entry_into_force, entry_into_force_precision)),
	ADD CONSTRAINT agreement_expires_on_fits_precision
		CHECK (@extschema@.date_fits_precision(expires_on, expires_on_precision)),
	ADD CONSTRAINT agreement_terminated_on_fits_precision
		CHECK (@extschema@.date_fits_precision(terminated_on, terminated_on_precision));
COMMENT ON COLUMN secpact.agreement.signed_on_precision IS 'how much of signed_on is known (signed_on is the first day of that period)';
COMMENT ON COLUMN secpact.agreement.entry_into_force_precision IS 'how much of entry_into_force is known (entry_into_force is the first day of that period)';
COMMENT ON COLUMN secpact.agreement.expires_on_precision IS 'how much of expires_on is known (expires_on is the first day of that period)';
COMMENT ON COLUMN secpact.agreement.terminated_on_precision IS 'how much of terminated_on is known (terminated_on is the first day of that period)';

ALTER TABLE secpact.membership
	ADD COLUMN signed_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD COLUMN bound_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD COLUMN left_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD CONSTRAINT membership_signed_on_fits_precision
		CHECK (@extschema@.date_fits_precision(signed_on, signed_on_precision)),
	ADD CONSTRAINT membership_bound_on_fits_precision
		CHECK (@extschema@.date_fits_precision(bound_on, bound_on_precision)),
	ADD CONSTRAINT membership_left_on_fits_precision
		CHECK (@extschema@.date_fits_precision(left_on, left_on_precision));
COMMENT ON COLUMN secpact.membership.signed_on_precision IS 'how much of signed_on is known (signed_on is the first day of that period)';
COMMENT ON COLUMN secpact.membership.bound_on_precision IS 'how much of bound_on is known (bound_on is the first day of that period)';
COMMENT ON COLUMN secpact.membership.left_on_precision IS 'how much of left_on is known (left_on is the first day of that period)';
