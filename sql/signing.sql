-- signing order: signing_position and ordinal
-- The party test may have created the extension in this database already.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
RESET client_min_messages;
SET datestyle = 'ISO, YMD';

-- What the catalog says: a window function, not STRICT (see the install
-- script), immutable and parallel safe, and each with a comment
SELECT oid::regprocedure AS function, prokind, proisstrict, provolatile, proparallel,
	obj_description(oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc
WHERE proname IN ('signing_position', 'ordinal')
	AND pronamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'secpact')
ORDER BY oid::regprocedure::text;

-- ordinal(): English ordinals, negatives and the int4 limits included
SELECT n, ordinal(n)
FROM unnest('{1,2,3,4,11,12,13,21,22,23,101,111,112,113,0,-1,-2,-11,-12,-21,2147483647,-2147483648}'::int[]) AS n;
SELECT ordinal(NULL);

--------------------------------------------------------------------------
-- Ukraine's bilateral security agreements, from the bundled file
--------------------------------------------------------------------------
CREATE TEMP TABLE agreements (
	seq int, counterpart_iso2 text, counterpart_name text, signed_on date,
	day_order smallint, signed_at_city text, signed_at_country_iso2 text, ukraine_signatory text,
	counterpart_signatory text, duration_years int, source_url text, verified text
);
\copy agreements FROM 'data/ukraine_security_agreements.csv' WITH (FORMAT csv, HEADER)
SELECT count(*), min(signed_on), max(signed_on) FROM agreements;

-- by_day: ORDER BY signed_on, so same-day signings are peers and share a
-- place (rank mode skips after them, dense mode does not); by_seq adds seq,
-- the order within the day where the evidence gives one, and the ties go.
CREATE TEMP VIEW ukraine AS
SELECT seq, counterpart_iso2::party AS counterpart, signed_on,
	signing_position(counterpart_iso2::party)
		OVER (PARTITION BY 'UA' ORDER BY signed_on) AS by_day,
	signing_position(counterpart_iso2::party, 'dense')
		OVER (PARTITION BY 'UA' ORDER BY signed_on) AS by_day_dense,
	signing_position(counterpart_iso2::party)
		OVER (PARTITION BY 'UA' ORDER BY signed_on, seq) AS by_seq
FROM agreements;
SELECT seq, counterpart, signed_on, by_day, by_day_dense, by_seq, ordinal(by_seq)
FROM ukraine ORDER BY seq;

-- Belgium is 11th, with exactly these ten before it
SELECT ordinal(b.by_day) AS belgium, ordinal(b.by_seq) AS belgium_by_seq,
	array_agg(u.counterpart ORDER BY u.seq) AS before_belgium,
	array_agg(u.counterpart ORDER BY u.counterpart) =
		(SELECT array_agg(p ORDER BY p)
		 FROM unnest('{ES,GB,DE,FR,DK,IT,CA,NL,FI,LV}'::party[]) AS p) AS exactly_these
FROM ukraine b JOIN ukraine u ON u.by_day < b.by_day
WHERE b.counterpart = 'BE'
GROUP BY b.by_day, b.by_seq;

-- Germany and France, the same day, share 2nd; Denmark is 4th in rank
-- mode, 3rd in dense mode
SELECT counterpart, signed_on, ordinal(by_day) AS rank_mode,
	ordinal(by_day_dense) AS dense_mode, ordinal(by_seq) AS by_seq
FROM ukraine WHERE counterpart IN ('GB', 'DE', 'FR', 'DK') ORDER BY seq;

-- The published ordinals.  Belgium and Portugal signed the same day
-- (Brussels in the morning, Lisbon later): by day alone both are 11th, and
-- only seq, the order within the day, makes Portugal 12th.  Likewise Sweden,
-- Iceland and Norway all signed on 31 May: 13th by day, 13th, 14th and 15th
-- by seq.  Ireland is 26th counting the EU.
SELECT u.counterpart, p.published, ordinal(u.by_day) AS by_day,
	ordinal(u.by_seq) AS by_seq, ordinal(u.by_seq) = p.published AS as_published
FROM (VALUES ('ES'::party, '10th'), ('BE', '11th'), ('PT', '12th'), ('IS', '14th'),
			 ('NO', '15th'), ('RO', '23rd'), ('IE', '26th'), ('HR', '27th'))
	AS p(counterpart, published)
	JOIN ukraine u USING (counterpart)
ORDER BY u.seq;

-- seq orders every row, so it also breaks the two ties whose order within
-- the day is unknown (27 June: EU, Estonia, Lithuania; 18 July: Czechia,
-- Slovenia), and by_seq's 19th, 20th and 25th there are artefacts.  The
-- data file's day_order is NULL exactly where the order is unknown, so
-- ordering by it keeps those ties, and the published ordinals still hold.
SELECT counterpart, signed_on, day_order, ordinal(by_known_order)
FROM (SELECT seq, counterpart_iso2::party AS counterpart, signed_on, day_order,
			 signing_position(counterpart_iso2::party)
				 OVER (ORDER BY signed_on, day_order) AS by_known_order
	  FROM agreements) AS s
WHERE seq BETWEEN 11 AND 15 OR seq BETWEEN 18 AND 26
ORDER BY seq;

-- Without the EU, a party but not a state, Ireland is 25th: the filter goes
-- below the window, so the EU is not counted at all
SELECT counterpart, ordinal(by_seq)
FROM (SELECT counterpart_iso2::party AS counterpart,
			 signing_position(counterpart_iso2::party)
				 OVER (PARTITION BY 'UA' ORDER BY signed_on, seq) AS by_seq
	  FROM agreements
	  WHERE NOT is_organisation(counterpart_iso2::party)) AS states
WHERE counterpart IN ('LT', 'RO', 'IE', 'HR')
ORDER BY by_seq;

-- Every agreement, not only the security ones: Albania's friendship treaty
-- of 28 February 2024 makes it 7th, and its security agreement of 2025
-- keeps that place; the UK's 100-year partnership of 16 January 2025 keeps
-- 1st; everyone after Albania moves down one (Belgium 12th).
SELECT counterpart, signed_on, kind, ordinal(place)
FROM (SELECT *, signing_position(counterpart) OVER (ORDER BY signed_on, seq) AS place
	  FROM (SELECT seq, counterpart_iso2::party AS counterpart, signed_on, 'security' AS kind
			FROM agreements
			UNION ALL
			VALUES (4.5, 'AL'::party, date '2024-02-28', 'friendship'),
				   (28.5, 'GB', date '2025-01-16', '100-year partnership')) AS every) AS placed
WHERE counterpart IN ('GB', 'AL', 'NL', 'BE') OR seq > 28
ORDER BY signed_on, seq;

--------------------------------------------------------------------------
-- Hand-made cases
--------------------------------------------------------------------------
CREATE TEMP TABLE signings (hub text, counterpart party, signed_on date, day_order int);
INSERT INTO signings VALUES
	('UA', 'GB', '2024-01-12', 1),
	('UA', 'DE', '2024-02-16', 1),
	('UA', 'FR', '2024-02-16', 2),
	('UA', NULL, '2024-02-16', 3),	-- a counterpart not yet known
	('UA', 'GB', '2024-02-23', 1),	-- a repeat, the peer of a newcomer
	('UA', 'DK', '2024-02-23', 2),
	('UA', 'DK', '2024-02-23', 3),	-- a repeat in its own peer group
	('UA', 'GB', '2024-02-24', 1),	-- a day of repeats only
	('UA', 'DE', '2024-02-24', 2),
	('UA', 'IT', '2024-02-25', 1),
	('MD', NULL, '2023-05-01', 1),	-- a NULL on the first day takes no place
	('MD', 'RO', '2023-05-01', 2),
	('MD', 'FR', '2024-03-07', 1),
	('MD', 'RO', '2024-03-07', 2),
	('MD', 'EU', '2024-05-21', 1),
	('GE', 'US', '2009-01-09', 1),	-- a partition of one
	('XX', NULL, '2020-01-01', 1),	-- a partition of NULLs only
	('XX', NULL, '2020-01-02', 1);

-- Each partition counts from 1; ties share a place in rank and dense mode;
-- with day_order in the ORDER BY the ties go
SELECT hub, counterpart, signed_on, day_order,
	signing_position(counterpart) OVER by_day AS by_day,
	signing_position(counterpart, 'dense') OVER by_day AS by_day_dense,
	signing_position(counterpart) OVER (PARTITION BY hub ORDER BY signed_on, day_order) AS by_order,
	signing_position(counterpart, 'rank') OVER by_day = signing_position(counterpart) OVER by_day
		AS rank_is_default
FROM signings
WINDOW by_day AS (PARTITION BY hub ORDER BY signed_on)
ORDER BY hub DESC, signed_on, day_order;

-- No ORDER BY: every row is a peer of every other, so every counterpart is 1st
SELECT hub, counterpart, signing_position(counterpart) OVER (PARTITION BY hub) AS place,
	signing_position(counterpart, 'dense') OVER (PARTITION BY hub) AS dense
FROM signings WHERE hub IN ('UA', 'MD') ORDER BY hub, counterpart;
SELECT count(*) AS rows, count(p) AS placed, min(p), max(p)
FROM (SELECT signing_position(counterpart) OVER () AS p FROM signings) AS s;

-- A frame clause changes nothing: the place is over the whole partition, as
-- rank()'s is; nor does a descending order, other than counting from the end
SELECT count(*) AS rows,
	count(*) FILTER (WHERE framed IS DISTINCT FROM plain) AS framed_differs
FROM (SELECT signing_position(counterpart) OVER (PARTITION BY hub ORDER BY signed_on) AS plain,
			 signing_position(counterpart) OVER (PARTITION BY hub ORDER BY signed_on
				 ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS framed
	  FROM signings) AS s;
SELECT counterpart, signed_on,
	signing_position(counterpart) OVER (ORDER BY signed_on DESC) AS from_the_latest
FROM signings WHERE hub = 'MD' ORDER BY signed_on DESC, day_order;

-- The mode is read on every row, so it may differ between rows
SELECT counterpart, signed_on, mode, signing_position(counterpart, mode) OVER (ORDER BY signed_on)
FROM (SELECT *, CASE WHEN day_order = 1 THEN 'rank' ELSE 'dense' END AS mode
	  FROM signings WHERE hub = 'UA') AS s
ORDER BY signed_on, day_order;

-- No rows, no places
SELECT signing_position(counterpart) OVER (ORDER BY signed_on) FROM signings WHERE false;

-- Bad modes: SQLSTATE 22023 with a hint, whether or not the row has a counterpart
CREATE FUNCTION pg_temp.mode_error(mode text, counterpart party) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	state text; msg text; hint text;
BEGIN
	PERFORM signing_position(c, m) OVER (ORDER BY c)
	FROM (VALUES (counterpart, mode)) AS v(c, m);
	RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		hint = PG_EXCEPTION_HINT;
	RETURN state || ' ' || msg || coalesce(E'\n      HINT: ' || nullif(hint, ''), '');
END $$;
SELECT quote_nullable(left(m, 12)) AS mode, c AS counterpart, pg_temp.mode_error(m, c)
FROM (VALUES ('rank', 'BE'::party), ('dense', 'BE'), ('x', 'BE'), ('x', NULL),
			 ('Rank', 'BE'), ('DENSE', 'BE'), (' rank', 'BE'), ('dense ', 'BE'),
			 ('', 'BE'), ('dense_rank', 'BE'), ('row_number', 'BE'),
			 (repeat('x', 100), 'BE'), (NULL, 'BE'), (NULL, NULL)) AS v(m, c);
-- the same errors as psql shows them; a constant NULL mode is not folded
-- away by the planner, as it would be for a STRICT plain function
\set VERBOSITY default
SELECT signing_position(counterpart, 'x') OVER (ORDER BY signed_on) FROM signings;
\echo :LAST_ERROR_SQLSTATE
SELECT signing_position(counterpart, NULL) OVER (ORDER BY signed_on) FROM signings;
\echo :LAST_ERROR_SQLSTATE
-- a window function needs OVER; and PostgreSQL has no count(DISTINCT) OVER,
-- which is what signing_position stands in for
SELECT signing_position('BE');
\echo :LAST_ERROR_SQLSTATE
SELECT count(DISTINCT counterpart) OVER (PARTITION BY hub ORDER BY signed_on) FROM signings;
\echo :LAST_ERROR_SQLSTATE

--------------------------------------------------------------------------
-- Agreement with a plain-SQL reference on a large generated table
--------------------------------------------------------------------------
-- 200,000 rows, about 300 hubs of very different sizes, counterparts drawn
-- unevenly from the 250 parties (many repeats), 400 days (many same-day
-- signings), day_order 1-3 with its own ties, and some NULL counterparts
-- and NULL dates.  setseed makes it the same table on every run.
SELECT setseed(0.2024);
CREATE TEMP TABLE big AS
SELECT i AS id,
	floor(300 * random() ^ 2)::int AS hub,
	CASE WHEN random() < 0.02 THEN NULL
		 ELSE (p.parties)[1 + floor(250 * random() ^ 3)::int] END AS counterpart,
	CASE WHEN random() < 0.005 THEN NULL
		 ELSE date '2020-01-01' + floor(400 * random())::int END AS signed_on,
	1 + floor(3 * random())::int AS day_order
FROM generate_series(1, 200000) AS i,
	(SELECT array_agg(party ORDER BY party) AS parties FROM parties()) AS p;
ANALYZE big;

-- What the table holds: the hard cases are there in numbers
WITH hubs AS (SELECT hub, count(*) AS hub_rows FROM big GROUP BY hub)
SELECT (SELECT count(*) FROM big) AS rows, count(*) AS hubs,
	max(hub_rows) AS largest_hub, min(hub_rows) AS smallest_hub,
	(SELECT count(*) FROM big WHERE counterpart IS NULL) AS null_counterparts,
	(SELECT count(*) FROM big WHERE signed_on IS NULL) AS null_dates,
	(SELECT count(counterpart) - count(DISTINCT (hub, counterpart)) FILTER (WHERE counterpart IS NOT NULL)
	 FROM big) AS repeat_rows
FROM hubs;

-- Reference, by day: each counterpart's first signing date in its hub,
-- ranked among the hub's counterparts, and joined back to every row
CREATE TEMP TABLE ref_by_day AS
SELECT b.id, f.rank_place, f.dense_place
FROM big b
	LEFT JOIN (SELECT hub, counterpart,
					  rank() OVER w AS rank_place, dense_rank() OVER w AS dense_place
			   FROM (SELECT hub, counterpart, min(signed_on) AS first_on
					 FROM big WHERE counterpart IS NOT NULL
					 GROUP BY hub, counterpart) AS firsts
			   WINDOW w AS (PARTITION BY hub ORDER BY first_on)) AS f
	USING (hub, counterpart);
SELECT count(*) FILTER (WHERE rank_place <> dense_place) AS rows_placed_after_a_tie,
	count(*) FILTER (WHERE rank_place IS NULL) AS null_rows
FROM ref_by_day;

SELECT count(*) AS rows_compared,
	count(*) FILTER (WHERE s.by_rank IS DISTINCT FROM r.rank_place) AS rank_mismatches,
	count(*) FILTER (WHERE s.by_dense IS DISTINCT FROM r.dense_place) AS dense_mismatches
FROM (SELECT id, signing_position(counterpart) OVER w AS by_rank,
			 signing_position(counterpart, 'dense') OVER w AS by_dense
	  FROM big WINDOW w AS (PARTITION BY hub ORDER BY signed_on)) AS s
	JOIN ref_by_day r USING (id);

-- Reference, by day and day_order: each counterpart's first row by
-- (signed_on, day_order), which still ties where day_order does
CREATE TEMP TABLE ref_by_order AS
SELECT b.id, f.rank_place, f.dense_place
FROM big b
	LEFT JOIN (SELECT hub, counterpart,
					  rank() OVER w AS rank_place, dense_rank() OVER w AS dense_place
			   FROM (SELECT DISTINCT ON (hub, counterpart) hub, counterpart, signed_on, day_order
					 FROM big WHERE counterpart IS NOT NULL
					 ORDER BY hub, counterpart, signed_on, day_order) AS firsts
			   WINDOW w AS (PARTITION BY hub ORDER BY signed_on, day_order)) AS f
	USING (hub, counterpart);
SELECT count(*) FILTER (WHERE rank_place <> dense_place) AS rows_placed_after_a_tie
FROM ref_by_order;

-- Small work_mem: the sort and the window's tuplestore spill to disk, which
-- the mark position lets the tuplestore trim as it goes
SET work_mem = '64kB';
SELECT count(*) AS rows_compared,
	count(*) FILTER (WHERE s.by_rank IS DISTINCT FROM r.rank_place) AS rank_mismatches,
	count(*) FILTER (WHERE s.by_dense IS DISTINCT FROM r.dense_place) AS dense_mismatches
FROM (SELECT id, signing_position(counterpart) OVER w AS by_rank,
			 signing_position(counterpart, 'dense') OVER w AS by_dense
	  FROM big WINDOW w AS (PARTITION BY hub ORDER BY signed_on, day_order)) AS s
	JOIN ref_by_order r USING (id);
RESET work_mem;
