-- Partial dates (issue #16 item 2): registry dates known to the year, the
-- month or the day.  A partial date is stored as the first day of its
-- period beside its precision, and stands for every day of that period.
-- Runs on its own kinds ("pd-") and agreement ids 960000 up, and removes
-- them.
SET client_min_messages = warning;

--------------------------------------------------------------------------
-- Shown with their precision, in ISO form whatever DateStyle says
--------------------------------------------------------------------------
SELECT partial_date('1997-06-15', 'day') AS day, partial_date('1997-06-01', 'month') AS month,
	   partial_date('1997-01-01', 'year') AS year;
SET DateStyle = 'German, DMY';
SELECT partial_date('1997-06-15', 'day') AS day, partial_date('1997-06-01', 'month') AS month;
RESET DateStyle;
-- a date inside its period shows the period; infinite dates as they are
SELECT partial_date('1997-06-15', 'month') AS month, partial_date('1997-06-15', 'year') AS year,
	   partial_date('infinity', 'year') AS never, partial_date('-infinity', 'month') AS always,
	   partial_date('0044-03-15 BC', 'day') AS bc, partial_date('0044-03-01 BC', 'month') AS bc_month,
	   partial_date('0001-01-01', 'year') AS year_one, partial_date('9999-12-31', 'day') AS last;
-- strict: NULL for a NULL date or precision
SELECT partial_date(NULL, 'day') IS NULL AS null_date, partial_date('1997-06-01', NULL) IS NULL AS null_precision;
-- the last day of the period: leap years, December, the end of the calendar
SELECT partial_date_last('1996-02-01', 'month') AS feb_1996, partial_date_last('1900-02-01', 'month') AS feb_1900,
	   partial_date_last('2000-02-01', 'month') AS feb_2000, partial_date_last('1997-12-01', 'month') AS dec,
	   partial_date_last('1997-06-15', 'year') AS year, partial_date_last('1997-06-15', 'day') AS day,
	   partial_date_last('9999-12-01', 'month') AS dec_9999, partial_date_last('infinity', 'year') AS never,
	   partial_date_last('0001-01-01 BC', 'year') AS one_bc;
-- the precision is an enum: anything else is refused
SELECT partial_date('1997-06-01', 'week');
-- marked truthfully
SELECT p.oid::regprocedure, p.provolatile, p.proisstrict, p.proparallel, p.proleakproof,
	   obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
WHERE p.proname IN ('partial_date', 'partial_date_last', 'date_fits_precision', 'signing_timeline_order',
					'membership_pair_signings')
ORDER BY p.oid::regprocedure::text;

--------------------------------------------------------------------------
-- Stored as the first day of the period: hostile rows are refused
--------------------------------------------------------------------------
-- not the first day of the month or year
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision)
VALUES (960001, 'UA-BE', 'pd-bad', '1997-06-15', 'month');
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision)
VALUES (960001, 'UA-BE', 'pd-bad', '1997-06-01', 'year');
-- a NULL precision
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision)
VALUES (960001, 'UA-BE', 'pd-bad', '1997-06-01', NULL);
-- 'infinity' (never) is known to the day only
INSERT INTO secpact.agreement (id, parties, kind, signed_on, expires_on, expires_on_precision)
VALUES (960001, 'UA-BE', 'pd-bad', '1997-06-01', 'infinity', 'month');
INSERT INTO secpact.agreement (id, parties, kind, signed_on, expires_on, expires_on_precision)
VALUES (960001, 'UA-BE', 'pd-bad', '1997-06-01', 'infinity', 'year');
SELECT date_fits_precision('infinity', 'year') AS infinity_year, date_fits_precision('infinity', 'day') AS infinity_day,
	   date_fits_precision('-infinity', 'month') AS minus_infinity_month,
	   date_fits_precision('1997-01-01', 'year') AS jan_1, date_fits_precision('1997-02-01', 'year') AS feb_1;
-- a precision changed alone must still fit
INSERT INTO secpact.agreement (id, parties, kind, signed_on) VALUES (960001, 'UA-BE', 'pd-bad', '1997-06-15');
UPDATE secpact.agreement SET signed_on_precision = 'month' WHERE id = 960001;
DELETE FROM secpact.agreement WHERE id = 960001;

--------------------------------------------------------------------------
-- The rules between two dates compare their periods
--------------------------------------------------------------------------
-- an entry into force, expiry or termination known to the year 1997 is
-- compatible with a signature on 1997-06-15
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, entry_into_force_precision,
							   expires_on, expires_on_precision, terminated_on, terminated_on_precision)
VALUES (960002, 'GB-US', 'pd-rules', '1997-06-15', '1997-01-01', 'year', '1997-01-01', 'year', '1997-06-01', 'month');
-- and a signature known to the year with an entry into force early in it
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision, entry_into_force)
VALUES (960003, 'GB-US', 'pd-rules', '1997-01-01', 'year', '1997-01-05');
-- a period wholly before the signature is not
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, entry_into_force_precision)
VALUES (960004, 'GB-US', 'pd-rules', '1997-06-15', '1997-05-01', 'month');
INSERT INTO secpact.agreement (id, parties, kind, signed_on, expires_on, expires_on_precision)
VALUES (960004, 'GB-US', 'pd-rules', '1997-06-15', '1996-01-01', 'year');
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision, terminated_on)
VALUES (960004, 'GB-US', 'pd-rules', '1998-01-01', 'year', '1997-12-31');
-- dates known to the day: as before
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force)
VALUES (960004, 'GB-US', 'pd-rules', '1997-06-15', '1997-06-14');
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force)
VALUES (960004, 'GB-US', 'pd-rules', '1997-06-15', '1997-06-15');

-- supersession: no entry into force surely before the superseded one's
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, entry_into_force_precision)
VALUES (960010, 'FR-DE', 'pd-sup', '2019-03-01', '2020-06-01', 'month');
-- 2020 (the year) may be after 2020-06: accepted
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, entry_into_force_precision, supersedes)
VALUES (960011, 'FR-DE', 'pd-sup', '2019-04-01', '2020-01-01', 'year', 960010);
-- 2020-05 surely is before 2020-06: refused, with the dates as known
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, entry_into_force_precision, supersedes)
VALUES (960012, 'FR-DE', 'pd-sup', '2019-04-01', '2020-05-01', 'month', 960010);
-- a precision changed alone is checked too: 2020-01 is surely before 2020-06
UPDATE secpact.agreement SET entry_into_force_precision = 'month' WHERE id = 960011;
-- and the warning for a signature surely before the superseded one's
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision, entry_into_force, supersedes)
VALUES (960013, 'FR-DE', 'pd-sup', '2019-02-01', 'month', '2020-07-01', 960010);
SET client_min_messages = notice;
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision, entry_into_force, supersedes)
VALUES (960014, 'FR-DE', 'pd-sup', '2019-01-01', 'year', '2020-07-01', 960010);
SET client_min_messages = warning;
-- no warning: 2019 may be after 2019-03-01
SELECT id FROM secpact.agreement WHERE id = 960014;

-- memberships: bound no earlier than signed, left after joining (terse:
-- the failing rows' ids come from an identity shared with other tests)
\set VERBOSITY terse
INSERT INTO secpact.agreement (id, multilateral, kind, title, signed_on) VALUES (960100, true, 'pd-multi', 'A Partial Pact', '2000-01-01');
INSERT INTO secpact.membership (agreement_id, party, signed_on, bound_on, bound_on_precision)
VALUES (960100, 'KE', '2000-03-15', '2000-03-01', 'month');
INSERT INTO secpact.membership (agreement_id, party, signed_on, bound_on, bound_on_precision)
VALUES (960100, 'UG', '2000-03-15', '2000-02-01', 'month');
INSERT INTO secpact.membership (agreement_id, party, bound_on, left_on, left_on_precision)
VALUES (960100, 'UG', '2000-06-15', '2001-01-01', 'year');
INSERT INTO secpact.membership (agreement_id, party, bound_on, left_on, left_on_precision)
VALUES (960100, 'TZ', '2000-12-31', '2000-01-01', 'year');
\set VERBOSITY default
DELETE FROM secpact.membership WHERE agreement_id = 960100;

--------------------------------------------------------------------------
-- Signing order: a partial date shares its place with every signing of
-- its period; unknown order is never broken
--------------------------------------------------------------------------
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision, day_order) VALUES
	(960200, 'UA-BE', 'pd-order', '1997-03-01', 'day', NULL),
	(960201, 'UA-FR', 'pd-order', '1997-06-01', 'month', 1),	-- a day_order says nothing of a month
	(960202, 'UA-DE', 'pd-order', '1997-06-15', 'day', 2),
	(960203, 'UA-PL', 'pd-order', '1997-01-01', 'year', NULL),
	(960204, 'UA-IT', 'pd-order', '1998-02-01', 'day', NULL),
	(960205, 'UA-ES', 'pd-order', '1997-06-15', 'day', 1),
	(960206, 'UA-NL', 'pd-order', '1997-06-20', 'day', NULL);
-- BE and PL (1997) share 1st; FR (June) takes 2nd, the first place June
-- allows, and shares it with ES, which its day_order 1 puts before DE (3rd)
-- on the same day; NL comes after both but perhaps before France; IT after
-- all six: 7th, not shared
SELECT "position", counterpart, signed_on, ordinal, shared FROM signing_order('UA', 'pd-order');
SELECT hub, "position", counterpart, signed_on, shared FROM signing_orders('pd-order')
WHERE hub IN ('UA', 'FR') ORDER BY hub, "position", counterpart;
-- the view's positions are signing_order's, and partners_so_far counts the
-- counterparts surely signed by the end of the row's period
SELECT counterpart, signed_on, "position", ordinal, shared, partners_so_far
FROM secpact.signing_timeline WHERE hub = 'UA' AND kind = 'pd-order' ORDER BY "position", counterpart;
-- the dates as known, through signing_timeline_order
SELECT counterpart, signed_on, signed_last, signed_shown FROM secpact.signing_timeline_order('UA', 'pd-order')
ORDER BY "position", counterpart;
-- a counterpart's first signing: the earliest of several partial dates
-- may be any day up to the earliest last day: 1997-06 and 1997-06-10 give
-- 1997-06-01 to 1997-06-10
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision) VALUES
	(960210, 'KE-UG', 'pd-first', '1997-06-01', 'month'),
	(960211, 'KE-UG', 'pd-first', '1997-06-10', 'day'),
	(960212, 'KE-TZ', 'pd-first', '1997-06-12', 'day'),
	(960213, 'KE-RW', 'pd-first', '1997-06-08', 'day');
SELECT "position", counterpart, signed_on, shared FROM signing_order('KE', 'pd-first');
SELECT counterpart, signed_last, signed_shown FROM secpact.signing_timeline_order('KE', 'pd-first')
ORDER BY "position", counterpart;
-- as_of cuts by the first day stored
SELECT "position", counterpart FROM signing_order('UA', 'pd-order', as_of => '1997-06-01');

-- accession order: a member bound in a month shares its place with that
-- month's members
INSERT INTO secpact.membership (agreement_id, party, signed_on, signed_on_precision, bound_on, bound_on_precision, bound_order) VALUES
	(960100, 'KE', '2000-01-01', 'day', '2000-03-01', 'month', NULL),
	(960100, 'UG', '2000-01-01', 'day', '2000-03-10', 'day', 1),
	(960100, 'TZ', '2000-01-01', 'year', '2000-03-10', 'day', 2),
	(960100, 'RW', '2000-01-01', 'day', '2000-04-02', 'day', NULL),
	(960100, 'BI', '2000-01-01', 'year', NULL, 'day', NULL);
SELECT "position", party, on_date, ordinal, shared FROM accession_order(960100);
SELECT "position", party, on_date, ordinal, shared FROM accession_order(960100, 'signed');
SELECT "position", party, on_date, shared FROM accession_order('A Partial Pact', 'bound');
-- with include_multilateral: each pair signs on the later of its two
-- dates, a span of days (2000-01-01 to 2000-12-31 for BI with anyone)
SELECT "position", counterpart, signed_on, shared FROM signing_order('KE', 'pd-multi', include_multilateral => true);
SELECT counterpart, signed_on, signed_last, signed_shown FROM secpact.signing_timeline_order('TZ', 'pd-multi')
ORDER BY "position", counterpart;
SELECT hub, counterpart, "position", shared, partners_so_far FROM secpact.signing_timeline
WHERE kind = 'pd-multi' AND hub IN ('KE', 'BI') ORDER BY hub, "position", counterpart;

-- the view and signing_order agree row for row on every hub and kind here
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE o."position" = t."position" AND o.shared = t.shared AND o.signed_on = t.signed_on) AS agreeing
FROM secpact.signing_timeline t
JOIN LATERAL signing_order(t.hub::party, t.kind, include_multilateral => true) o ON o.counterpart::text = t.counterpart
WHERE t.kind LIKE 'pd-%';

--------------------------------------------------------------------------
-- in_force answers NULL where the precision leaves it open
--------------------------------------------------------------------------
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, entry_into_force_precision,
							   expires_on, expires_on_precision) VALUES
	(960300, 'CA-MX', 'pd-force', '1997-05-15', '1997-06-01', 'month', '2000-01-01', 'year');
SELECT d, in_force(a, d) FROM secpact.agreement a,
	unnest('{1997-05-31,1997-06-01,1997-06-10,1997-06-30,1997-07-01,1999-12-31,2000-01-01,2000-12-30,2000-12-31,2001-01-01}'::date[]) d
WHERE a.id = 960300 ORDER BY d;
-- a termination known to the month
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, terminated_on, terminated_on_precision) VALUES
	(960301, 'CA-CL', 'pd-force', '1990-01-01', '1990-01-01', '1995-03-01', 'month');
SELECT d, in_force(a, d) FROM secpact.agreement a, unnest('{1995-02-28,1995-03-01,1995-03-31,1995-04-01}'::date[]) d
WHERE a.id = 960301 ORDER BY d;
-- a signature known to the year, nothing else known: NULL within and after it, false before
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision) VALUES
	(960302, 'CA-PE', 'pd-force', '1997-01-01', 'year');
SELECT d, in_force(a, d) FROM secpact.agreement a, unnest('{1996-12-31,1997-06-01,1998-01-01}'::date[]) d
WHERE a.id = 960302 ORDER BY d;
-- superseded by an agreement entering into force in a month: perhaps (NULL)
-- within that month, surely after it; the same through the bulk read
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force) VALUES
	(960310, 'CA-AR', 'pd-force', '1990-01-01', '1990-01-01');
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, entry_into_force_precision, supersedes) VALUES
	(960311, 'CA-AR', 'pd-force', '1996-01-01', '1996-05-01', 'month', 960310);
SELECT d, superseded(960310, d), in_force(a, d) FROM secpact.agreement a,
	unnest('{1996-04-30,1996-05-01,1996-05-31,1996-06-01}'::date[]) d
WHERE a.id = 960310 ORDER BY d;
CREATE TEMP TABLE many AS SELECT 960310::bigint AS id FROM generate_series(1, 200);
SELECT d, count(*) FILTER (WHERE s) AS surely, count(*) FILTER (WHERE s IS NULL) AS perhaps,
	   count(*) FILTER (WHERE NOT s) AS not_superseded
FROM unnest('{1996-04-30,1996-05-15,1996-06-01}'::date[]) d
CROSS JOIN LATERAL (SELECT superseded(m.id, d) AS s FROM many m) x
GROUP BY d ORDER BY d;
-- partners on a date: unknown where the period leaves it open
SELECT counterpart, first_signed, agreements, in_force FROM partners('CA', 'pd-force', '1997-06-10') ORDER BY counterpart;
SELECT counterpart, in_force FROM partners('CA', 'pd-force', '1997-07-01') ORDER BY counterpart;
-- day precision unchanged: in force from the day of entry into force
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force) VALUES
	(960320, 'CA-BR', 'pd-force', '1997-05-15', '1997-06-01');
SELECT d, in_force(a, d) FROM secpact.agreement a, unnest('{1997-05-31,1997-06-01}'::date[]) d
WHERE a.id = 960320 ORDER BY d;

-- in_force (one C call since 1.6) answers as 1.3's CASE did, on every
-- combination of dates, precisions and NULLs, superseded (surely or
-- perhaps) or not, and alike on the first 64 calls (looked up one by one)
-- and the rest (the bulk read)
CREATE FUNCTION pg_temp.in_force_1_3(agreement secpact.agreement, on_date date) RETURNS boolean
	LANGUAGE sql STABLE
AS $$
SELECT CASE
	WHEN $2 < ($1).signed_on THEN false
	WHEN partial_date_last(($1).terminated_on, ($1).terminated_on_precision) <= $2 THEN false
	WHEN partial_date_last(($1).expires_on, ($1).expires_on_precision) <= $2 THEN false
	WHEN ($1).entry_into_force > $2 THEN false
	ELSE (NOT superseded(($1).id, $2)) AND CASE
		WHEN ($1).entry_into_force IS NULL THEN NULL
		WHEN partial_date_last(($1).entry_into_force, ($1).entry_into_force_precision) > $2 THEN NULL
		WHEN ($1).terminated_on <= $2 THEN NULL
		WHEN ($1).expires_on <= $2 THEN NULL
		ELSE true
	END
END
$$;
CREATE TEMP TABLE force_case AS
WITH period(d, p) AS (
	VALUES (NULL, 'day'), ('1996-05-01', 'day'), ('1996-05-01', 'month'), ('1996-01-01', 'year'),
		   ('1996-05-01', NULL))
SELECT jsonb_populate_record(NULL::secpact.agreement,
		jsonb_build_object('id', id, 'signed_on', signed_on, 'entry_into_force', e.d, 'entry_into_force_precision', e.p,
						   'expires_on', x.d, 'expires_on_precision', x.p,
						   'terminated_on', t.d, 'terminated_on_precision', t.p)) AS a, on_date
FROM unnest('{960310,960300,NULL}'::bigint[]) id, unnest('{1990-01-01,NULL}'::date[]) signed_on,
	 period e, period x, period t,
	 unnest('{1989-12-31,1996-04-30,1996-05-01,1996-05-15,1996-06-01,1996-12-31,1997-01-01,NULL}'::date[]) on_date;
SELECT count(*) AS cases, count(*) FILTER (WHERE f) AS in_force, count(*) FILTER (WHERE f IS NULL) AS unknown,
	   count(*) FILTER (WHERE NOT f) AS not_in_force, count(*) FILTER (WHERE f IS DISTINCT FROM old) AS differing
FROM (SELECT in_force(c.a, c.on_date) AS f, pg_temp.in_force_1_3(c.a, c.on_date) AS old FROM force_case c) r;
-- the same over rows of the registry, where in_force is inlined
SELECT count(*) AS cases, count(*) FILTER (WHERE in_force(a, d) IS DISTINCT FROM pg_temp.in_force_1_3(a, d)) AS differing
FROM secpact.agreement a, unnest('{1990-01-01,1996-05-15,1997-06-15,2000-06-01,NULL}'::date[]) d
WHERE a.kind = 'pd-force';

-- memberships: bound in a month, left in a year
INSERT INTO secpact.agreement (id, multilateral, kind, title, signed_on, entry_into_force)
VALUES (960400, true, 'pd-mforce', 'A Partial Alliance', '1990-01-01', '1990-01-01');
INSERT INTO secpact.membership (agreement_id, party, bound_on, bound_on_precision, left_on, left_on_precision)
VALUES (960400, 'KE', '1995-06-01', 'month', '2000-01-01', 'year');
SELECT d, in_force(m, d) FROM secpact.membership m,
	unnest('{1995-05-31,1995-06-10,1995-07-01,1999-12-31,2000-06-01,2001-01-01}'::date[]) d
WHERE m.agreement_id = 960400 ORDER BY d;

--------------------------------------------------------------------------
-- Clean up
--------------------------------------------------------------------------
DELETE FROM secpact.membership WHERE agreement_id IN (960100, 960400);
DELETE FROM secpact.agreement WHERE kind LIKE 'pd-%' AND supersedes IS NOT NULL;
DELETE FROM secpact.agreement WHERE kind LIKE 'pd-%';
SELECT count(*) AS left_behind FROM secpact.agreement WHERE kind LIKE 'pd-%';
