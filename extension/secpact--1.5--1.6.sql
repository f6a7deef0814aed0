-- secpact 1.5 -> 1.6.  Released install scripts are frozen: every change of
-- 1.6 is made here (and a fresh install of 1.6 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.6'" to load this file. \quit

-- A row for each year from first_year to last_year, in order, with the COW
-- and G&W code of each party in that year by dyad_years' rule: its code on
-- the year's last day (on 1816-01-01, where the lists begin, for a year
-- before), else on its first day (a party that ceased or changed its code
-- within the year); NULL where it had none.  dyad_years joins one call to
-- each run of years.
CREATE FUNCTION secpact.dyad_year_codes(party_a @extschema@.party, party_b @extschema@.party,
										first_year integer, last_year integer)
	RETURNS TABLE(year integer, cow_code_a integer, cow_code_b integer, gw_code_a integer, gw_code_b integer)
	AS 'MODULE_PATHNAME', 'dyad_year_codes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 30;
COMMENT ON FUNCTION secpact.dyad_year_codes(@extschema@.party, @extschema@.party, integer, integer) IS
	'each year from first_year to last_year with the COW and G&W codes of both parties in it (at the year''s end, else at its start); for dyad_years';

-- dyad_years of 1.6: 1.3's, with each run's years and codes from the
-- function above, in one function and without a sort of its rows.  1.3
-- joined the runs to a CTE of codes per party, which the planner, expecting
-- one run, made a nested loop: 5,555 runs by 250 parties was over half the
-- time over a registry of ATOP's size; 1.4's SQL wrapper around
-- secpact.dyad_year_rows stored every row twice (bench/analysis.md).  The
-- rows, their order and their codes are 1.3's.
CREATE OR REPLACE FUNCTION @extschema@.dyad_years(first_year integer DEFAULT NULL, last_year integer DEFAULT NULL,
												  kind text DEFAULT NULL, obligation text DEFAULT NULL,
												  directed boolean DEFAULT false)
	RETURNS TABLE(dyad text, party_a text, party_b text, year integer, agreements integer,
				  cow_code_a integer, cow_code_b integer, gw_code_a integer, gw_code_b integer,
				  left_censored boolean, entry_assumed boolean)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	open_until integer := coalesce(last_year, extract(year FROM CURRENT_DATE)::integer);
	both_ways boolean := coalesce(directed, false);
BEGIN
	-- first, as in 1.4's wrapper
	PERFORM secpact.registry_guard();
	IF first_year NOT BETWEEN 1 AND 9999 THEN
		RAISE EXCEPTION 'first_year % is out of range', first_year
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Years run from 1 to 9999.';
	END IF;
	IF last_year NOT BETWEEN 1 AND 9999 THEN
		RAISE EXCEPTION 'last_year % is out of range', last_year
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Years run from 1 to 9999.';
	END IF;
	IF first_year > last_year THEN
		RAISE EXCEPTION 'first_year % is after last_year %', first_year, last_year
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Pass the earlier year as first_year.';
	END IF;
	IF dyad_years.obligation IS NOT NULL AND dyad_years.obligation
	   NOT IN ('defense', 'offense', 'neutrality', 'nonaggression', 'consultation') THEN
		RAISE EXCEPTION 'unknown obligation: "%"', dyad_years.obligation
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Obligations are defense, offense, neutrality, nonaggression and consultation.';
	END IF;
	RETURN QUERY
	WITH superseded AS (
		SELECT x.supersedes AS id, min(coalesce(x.entry_into_force, x.signed_on)) AS superseded_on
		FROM secpact.agreement x
		WHERE x.supersedes IS NOT NULL
		GROUP BY x.supersedes
	), coverage AS (
		SELECT c.agreement_id, c.observed_from, c.observed_to FROM secpact.readable_coverage() c
	), obl AS (
		-- read only when an obligation is asked for
		SELECT o.agreement_id, o.membership_id, o.party, o.towards,
			   o.obligation = dyad_years.obligation AS asked
		FROM secpact.readable_obligation() o
		WHERE dyad_years.obligation IS NOT NULL
	), obl_agreement AS (
		SELECT o.agreement_id, array_agg(o.party) AS obligors, array_agg(o.towards) AS towards
		FROM obl o WHERE o.membership_id IS NULL AND o.asked
		GROUP BY o.agreement_id
	), obl_spell AS (
		-- every spell with rows of its own; towards of the asked ones
		SELECT o.membership_id, array_agg(o.towards) FILTER (WHERE o.asked) AS towards
		FROM obl o WHERE o.membership_id IS NOT NULL
		GROUP BY o.membership_id
	), spell AS (
		SELECT m.id, m.agreement_id, m.party,
			   coalesce(m.bound_on, m.signed_on) AS starts,
			   CASE m.left_on_precision WHEN 'year' THEN (m.left_on + interval '1 year')::date
					WHEN 'month' THEN (m.left_on + interval '1 month')::date
					ELSE m.left_on END AS ends,
			   m.bound_on IS NULL AS assumed
		FROM secpact.readable_membership() m
	), spans AS NOT MATERIALIZED (
		SELECT a.id, a.parties, false AS multi,
			   coalesce(a.entry_into_force, a.signed_on) AS starts,
			   least(CASE a.expires_on_precision WHEN 'year' THEN (a.expires_on + interval '1 year')::date
						  WHEN 'month' THEN (a.expires_on + interval '1 month')::date
						  ELSE a.expires_on END,
					 CASE a.terminated_on_precision WHEN 'year' THEN (a.terminated_on + interval '1 year')::date
						  WHEN 'month' THEN (a.terminated_on + interval '1 month')::date
						  ELSE a.terminated_on END,
					 s.superseded_on, cv.observed_to + 1) AS ends,
			   dyad_years.obligation IS NULL
			   OR EXISTS (SELECT FROM unnest(oa.obligors, oa.towards) u(p, t)
						  WHERE (u.p IS NULL OR u.p OPERATOR(@extschema@.=) @extschema@.first_party(a.parties))
							AND (u.t IS NULL OR u.t OPERATOR(@extschema@.=) @extschema@.second_party(a.parties))) AS fwd,
			   dyad_years.obligation IS NULL
			   OR EXISTS (SELECT FROM unnest(oa.obligors, oa.towards) u(p, t)
						  WHERE (u.p IS NULL OR u.p OPERATOR(@extschema@.=) @extschema@.second_party(a.parties))
							AND (u.t IS NULL OR u.t OPERATOR(@extschema@.=) @extschema@.first_party(a.parties))) AS bwd,
			   coalesce(coalesce(a.entry_into_force, a.signed_on) <= cv.observed_from, false) AS censored,
			   a.entry_into_force IS NULL AS assumed
		FROM secpact.agreement a
		LEFT JOIN superseded s ON s.id = a.id
		LEFT JOIN coverage cv ON cv.agreement_id = a.id
		LEFT JOIN obl_agreement oa ON oa.agreement_id = a.id
		WHERE NOT a.multilateral
		  AND (dyad_years.kind IS NULL OR a.kind = dyad_years.kind)
		UNION ALL
		SELECT p.id, p.parties, true, p.starts, p.ends,
			   dyad_years.obligation IS NULL OR p.fwd, dyad_years.obligation IS NULL OR p.bwd,
			   coalesce(p.starts <= p.observed_from, false), p.assumed
		FROM (
			SELECT a.id, @extschema@.dyad(m1.party, m2.party) AS parties,
				   greatest(coalesce(a.entry_into_force, a.signed_on), m1.starts, m2.starts) AS starts,
				   least(CASE a.expires_on_precision WHEN 'year' THEN (a.expires_on + interval '1 year')::date
							  WHEN 'month' THEN (a.expires_on + interval '1 month')::date
							  ELSE a.expires_on END,
						 CASE a.terminated_on_precision WHEN 'year' THEN (a.terminated_on + interval '1 year')::date
							  WHEN 'month' THEN (a.terminated_on + interval '1 month')::date
							  ELSE a.terminated_on END,
						 s.superseded_on, m1.ends, m2.ends, cv.observed_to + 1) AS ends,
				   cv.observed_from,
				   -- a signature stood in where it gave the pair's start
				   (a.entry_into_force IS NULL AND a.signed_on >= greatest(m1.starts, m2.starts))
				   OR (m1.assumed AND m1.starts >= greatest(coalesce(a.entry_into_force, a.signed_on), m2.starts))
				   OR (m2.assumed AND m2.starts >= greatest(coalesce(a.entry_into_force, a.signed_on), m1.starts))
				   AS assumed,
				   CASE WHEN os1.membership_id IS NOT NULL
						THEN EXISTS (SELECT FROM unnest(os1.towards) t(t)
									 WHERE t.t IS NULL OR t.t OPERATOR(@extschema@.=) m2.party)
						ELSE EXISTS (SELECT FROM unnest(oa.obligors, oa.towards) u(p, t)
									 WHERE (u.p IS NULL OR u.p OPERATOR(@extschema@.=) m1.party)
									   AND (u.t IS NULL OR u.t OPERATOR(@extschema@.=) m2.party)) END AS fwd,
				   CASE WHEN os2.membership_id IS NOT NULL
						THEN EXISTS (SELECT FROM unnest(os2.towards) t(t)
									 WHERE t.t IS NULL OR t.t OPERATOR(@extschema@.=) m1.party)
						ELSE EXISTS (SELECT FROM unnest(oa.obligors, oa.towards) u(p, t)
									 WHERE (u.p IS NULL OR u.p OPERATOR(@extschema@.=) m2.party)
									   AND (u.t IS NULL OR u.t OPERATOR(@extschema@.=) m1.party)) END AS bwd
			FROM secpact.agreement a
			JOIN spell m1 ON m1.agreement_id = a.id
			JOIN spell m2 ON m2.agreement_id = a.id AND m1.party OPERATOR(@extschema@.<) m2.party
			LEFT JOIN superseded s ON s.id = a.id
			LEFT JOIN coverage cv ON cv.agreement_id = a.id
			LEFT JOIN obl_agreement oa ON oa.agreement_id = a.id
			LEFT JOIN obl_spell os1 ON os1.membership_id = m1.id
			LEFT JOIN obl_spell os2 ON os2.membership_id = m2.id
			WHERE a.multilateral
			  AND (dyad_years.kind IS NULL OR a.kind = dyad_years.kind)
			  AND (m1.ends IS NULL OR m1.ends > m2.starts)
			  AND (m2.ends IS NULL OR m2.ends > m1.starts)
		) p
	), bounds AS (
		-- undirected (0), or the lower party owing the higher (1) ...
		SELECT sp.id, sp.parties, sp.multi,
			   CASE WHEN NOT both_ways THEN 0 WHEN sp.fwd THEN 1 ELSE 2 END AS dir,
			   sp.censored, sp.assumed,
			   greatest(extract(year FROM sp.starts), coalesce(first_year, 1)) AS y0,
			   CASE WHEN sp.ends IS NULL OR sp.ends = 'infinity' THEN open_until
					ELSE least(extract(year FROM sp.ends - 1), coalesce(last_year, 9999)) END AS y1
		FROM spans sp
		WHERE (sp.ends IS NULL OR sp.ends > sp.starts) AND (sp.fwd OR sp.bwd)
		UNION ALL
		-- ... and, directed, the higher owing the lower where both do
		SELECT sp.id, sp.parties, sp.multi, 2, sp.censored, sp.assumed,
			   greatest(extract(year FROM sp.starts), coalesce(first_year, 1)),
			   CASE WHEN sp.ends IS NULL OR sp.ends = 'infinity' THEN open_until
					ELSE least(extract(year FROM sp.ends - 1), coalesce(last_year, 9999)) END
		FROM spans sp
		WHERE both_ways AND (sp.ends IS NULL OR sp.ends > sp.starts) AND sp.fwd AND sp.bwd
	), counted AS (
		-- only finite bounds between 1 and 9999 reach the casts
		SELECT b.id, b.parties, b.multi, b.dir, b.censored, b.assumed, b.y0::integer AS y0, b.y1::integer AS y1
		FROM bounds b
		WHERE b.y0 <= b.y1
		OFFSET 0
	), once_a_year AS (
		SELECT c.parties, c.dir, c.censored, c.assumed, c.y0, c.y1 FROM counted c WHERE NOT c.multi
		UNION ALL
		SELECT c.parties, c.dir, c.censored, c.assumed,
			   greatest(c.y0, lag(c.y1) OVER (PARTITION BY c.id, c.parties, c.dir ORDER BY c.y0) + 1),
			   c.y1
		FROM counted c WHERE c.multi
	), events AS (
		-- one reference to once_a_year, which is then not materialized
		SELECT o.parties, o.dir, e.y, e.delta,
			   CASE WHEN o.censored THEN e.delta ELSE 0 END AS delta_censored,
			   CASE WHEN o.assumed THEN e.delta ELSE 0 END AS delta_assumed
		FROM once_a_year o
		CROSS JOIN LATERAL (VALUES (o.y0, 1), (o.y1 + 1, -1)) AS e(y, delta)
		WHERE o.y0 <= o.y1
	), steps AS (
		SELECT e.parties, e.dir, e.y, sum(e.delta) AS delta,
			   sum(e.delta_censored) AS delta_censored, sum(e.delta_assumed) AS delta_assumed
		FROM events e
		GROUP BY e.parties, e.dir, e.y
	), runs AS (
		SELECT st.parties, st.dir, st.y AS y0, lead(st.y) OVER w - 1 AS y1, sum(st.delta) OVER w AS n,
			   sum(st.delta_censored) OVER w AS n_censored, sum(st.delta_assumed) OVER w AS n_assumed
		FROM steps st
		WINDOW w AS (PARTITION BY st.parties, st.dir ORDER BY st.y)
	), shown AS (
		SELECT ru.*,
			   CASE WHEN ru.dir = 2 THEN @extschema@.second_party(ru.parties)
					ELSE @extschema@.first_party(ru.parties) END AS a,
			   CASE WHEN ru.dir = 2 THEN @extschema@.first_party(ru.parties)
					ELSE @extschema@.second_party(ru.parties) END AS b
		FROM runs ru WHERE ru.n > 0
	)
	SELECT c.dyad, c.party_a, c.party_b, g.year, r.n::integer,
		   g.cow_code_a, g.cow_code_b, g.gw_code_a, g.gw_code_b,
		   r.n_censored > 0, r.n_assumed > 0
	FROM shown r
	-- what each run's rows share, once per run (OFFSET 0: not per row)
	CROSS JOIN LATERAL (SELECT @extschema@.text(r.parties) AS dyad,
							   @extschema@.alpha2(r.a) AS party_a, @extschema@.alpha2(r.b) AS party_b
						OFFSET 0) c
	CROSS JOIN LATERAL secpact.dyad_year_codes(r.a, r.b, r.y0, r.y1) AS g
	-- By dyad, direction and year, as README documents, without sorting the
	-- rows: the runs come sorted from their window, a nested loop keeps its
	-- outer side's order, and dyad_year_codes gives each run's years in
	-- order (a sort of the rows was 60 of 220 ms over a registry of ATOP's
	-- size).  The analytics test checks the order.
	ORDER BY r.parties, r.dir, r.y0;
END
$$;
-- dyad_years no longer calls it, and it was never documented
DROP FUNCTION secpact.dyad_year_rows(integer, integer, text, text, boolean);

-- in_force of an agreement in one C call over its columns.  1.3's CASE
-- called partial_date_last three times and superseded once a row: over a
-- million agreements on PostgreSQL 15 it took 132 ms where the call takes
-- 117 (bench/analysis.md).  The answers, NULLs included, are the CASE's.
-- in_force stays an SQL function the planner inlines, so that a scan passes
-- the row's own columns.
CREATE FUNCTION secpact.agreement_in_force(id bigint, signed_on date, entry_into_force date,
										   entry_into_force_precision @extschema@.date_precision,
										   expires_on date, expires_on_precision @extschema@.date_precision,
										   terminated_on date, terminated_on_precision @extschema@.date_precision,
										   on_date date)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'agreement_in_force' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION secpact.agreement_in_force(bigint, date, date, @extschema@.date_precision, date,
											   @extschema@.date_precision, date, @extschema@.date_precision, date) IS
	'in_force of an agreement from its columns; for in_force(secpact.agreement, date)';

CREATE OR REPLACE FUNCTION @extschema@.in_force(agreement secpact.agreement, on_date date DEFAULT CURRENT_DATE)
	RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT secpact.agreement_in_force(($1).id, ($1).signed_on, ($1).entry_into_force, ($1).entry_into_force_precision,
								  ($1).expires_on, ($1).expires_on_precision,
								  ($1).terminated_on, ($1).terminated_on_precision, $2)
$$;

-- accession_order and accession_orders run one kept query each, qualified
-- throughout (membership.c: secpact's tables, OPERATOR(pg_catalog.=)), and
-- resolve no other name, so the caller's search_path cannot reach them and
-- they need no SET of their own.  With it, fmgr saved and restored the
-- setting on every call: 1.5 of the 34 µs that accession_order of the
-- largest alliance took over a registry of ATOP's size (bench/analysis.md).
-- sql/security.sql calls both with a hostile schema first.
ALTER FUNCTION @extschema@.accession_order(bigint, text) RESET search_path;
ALTER FUNCTION @extschema@.accession_orders(text) RESET search_path;
