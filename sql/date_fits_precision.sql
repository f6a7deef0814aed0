-- Issue #21: date_fits_precision in C gives the answers of 1.3's SQL
-- definition (kept here as the reference) for every precision, NULLs, the
-- infinities, BC dates and the first and last days of months and years.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
WHERE p.oid = 'date_fits_precision(date, date_precision)'::regprocedure;
CREATE FUNCTION pg_temp.fits_1_3(d date, p date_precision) RETURNS boolean LANGUAGE sql IMMUTABLE
RETURN d IS NULL OR p IS NULL OR p = 'day'::date_precision
	OR (isfinite(d) AND date_part('day', d) = 1
		AND (p = 'month'::date_precision OR date_part('month', d) = 1));
CREATE TEMP TABLE fit_dates AS
SELECT g::date AS d FROM generate_series(date '1999-11-25', date '2001-03-05', interval '1 day') g
UNION ALL VALUES (NULL::date), ('infinity'), ('-infinity'), ('0044-03-15 BC'), ('0044-01-01 BC'),
	('0001-01-01'), ('9999-12-31'), ('2000-02-29'), ('2000-03-01');
SELECT p, count(*) AS dates, count(*) FILTER (WHERE date_fits_precision(d, p)) AS fitting,
	   count(*) FILTER (WHERE date_fits_precision(d, p) IS DISTINCT FROM pg_temp.fits_1_3(d, p)) AS differing
FROM fit_dates, unnest(ARRAY['year', 'month', 'day', NULL]::date_precision[]) p
GROUP BY p ORDER BY p;
-- the registry's constraints still reject a date that does not fit (terse:
-- the row's id depends on the tests before)
\set VERBOSITY terse
INSERT INTO secpact.agreement (parties, kind, signed_on, signed_on_precision)
VALUES ('UA-GB', 'fits-test', '2000-06-15', 'month');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY default
INSERT INTO secpact.agreement (parties, kind, signed_on, signed_on_precision)
VALUES ('UA-GB', 'fits-test', '2000-06-01', 'month') RETURNING signed_on, signed_on_precision;
DELETE FROM secpact.agreement WHERE kind = 'fits-test';
