-- bench/dyad-years.sql: dyad_years of 1.2 (events per agreement, runs
-- expanded into years) against 1.1's (every agreement expanded into its
-- years, then grouped) and against the plain-SQL generate_series expansion
-- a user would write, in one run on one cluster.  Run by bench/dyad-years.
-- Prints one line per measurement: case, implementation, rows, ms, temp MB.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
-- 1.1's dyad_years, as its frozen install script defines it (bench only)
DROP SCHEMA IF EXISTS bench_dy CASCADE;
CREATE SCHEMA bench_dy;
CREATE FUNCTION bench_dy.dyad_years_1_1(first_year integer DEFAULT NULL, last_year integer DEFAULT NULL,
										kind text DEFAULT NULL)
	RETURNS TABLE(dyad text, party_a text, party_b text, year integer, agreements integer)
	LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
	open_until integer := coalesce(last_year, extract(year FROM CURRENT_DATE)::integer);
BEGIN
	RETURN QUERY
	WITH spans AS (
		SELECT a.parties, coalesce(a.entry_into_force, a.signed_on) AS starts,
			   least(a.expires_on, a.terminated_on, s.superseded_on) AS ends
		FROM secpact.agreement a
		LEFT JOIN LATERAL (SELECT min(coalesce(x.entry_into_force, x.signed_on)) AS superseded_on
						   FROM secpact.agreement x WHERE x.supersedes = a.id) s ON true
		WHERE dyad_years_1_1.kind IS NULL OR a.kind = dyad_years_1_1.kind
	), bounds AS (
		SELECT sp.parties, greatest(extract(year FROM sp.starts), coalesce(first_year, 1)) AS y0,
			   CASE WHEN sp.ends IS NULL OR sp.ends = 'infinity' THEN open_until
					ELSE least(extract(year FROM sp.ends - 1), coalesce(last_year, 9999)) END AS y1
		FROM spans sp WHERE sp.ends IS NULL OR sp.ends > sp.starts
	), counted AS (
		SELECT b.parties, b.y0::integer AS y0, b.y1::integer AS y1 FROM bounds b WHERE b.y0 <= b.y1 OFFSET 0
	)
	SELECT text(c.parties), alpha2(first_party(c.parties)), alpha2(second_party(c.parties)),
		   g.y, count(*)::integer
	FROM counted c CROSS JOIN LATERAL generate_series(c.y0, c.y1) AS g(y)
	GROUP BY c.parties, g.y ORDER BY c.parties, g.y;
END
$$;

CREATE TABLE bench_dy.result (case_name text, impl text, rows bigint, ms numeric, temp_mb numeric);
-- bench/dyad-years-measure.sql runs one measurement of :query.

-- The plain-SQL expansion a user would write: each agreement into its years.
\set plain 'SELECT text(a.parties) AS dyad, y, count(*) FROM secpact.agreement a CROSS JOIN LATERAL generate_series(greatest(extract(year FROM coalesce(a.entry_into_force, a.signed_on))::int, FIRST), coalesce(extract(year FROM least(a.expires_on, a.terminated_on) - 1)::int, LAST)) AS y WHERE NOT a.multilateral AND a.kind = KIND GROUP BY a.parties, y ORDER BY a.parties, y'

-- Case 1: 4,000 identical open-ended agreements of one dyad, 2000 to 2999:
-- 1,000 rows out, 4,000,000 agreement-years in.
INSERT INTO secpact.agreement (parties, kind, signed_on)
SELECT 'BE-UA', 'bench-identical', '2000-01-01' FROM generate_series(1, 4000);
ANALYZE secpact.agreement;
\set case '4000 identical, 2000-2999'
\set impl '1.2 dyad_years'
\set query 'SELECT * FROM dyad_years(2000, 2999, ''bench-identical'')'
\i bench/dyad-years-measure.sql
\set case '4000 identical, 2000-2999'
\set impl '1.1 dyad_years'
\set query 'SELECT * FROM bench_dy.dyad_years_1_1(2000, 2999, ''bench-identical'')'
\i bench/dyad-years-measure.sql
SELECT replace(replace(replace(:'plain', 'FIRST', '2000'), 'LAST', '2999'), 'KIND', '''bench-identical''') AS q \gset
\set case '4000 identical, 2000-2999'
\set impl 'plain SQL generate_series'
\set query :q
\i bench/dyad-years-measure.sql
-- the same 4,000 over two years: 2 rows out, 8,000 agreement-years in
\set case '4000 identical, 2000-2001'
\set impl '1.2 dyad_years'
\set query 'SELECT * FROM dyad_years(2000, 2001, ''bench-identical'')'
\i bench/dyad-years-measure.sql
\set case '4000 identical, 2000-2001'
\set impl '1.1 dyad_years'
\set query 'SELECT * FROM bench_dy.dyad_years_1_1(2000, 2001, ''bench-identical'')'
\i bench/dyad-years-measure.sql
DELETE FROM secpact.agreement WHERE kind = 'bench-identical';

-- Case 2: NATO (496 dyads from 32 memberships), 1949-2030.
\i data/load-nato.sql
\set case 'NATO memberships, 1949-2030'
\set impl '1.2 dyad_years'
\set query 'SELECT * FROM dyad_years(1949, 2030, ''alliance'')'
\i bench/dyad-years-measure.sql

SELECT format('%-30s %-28s %10s %12s %10s', 'case', 'implementation', 'rows', 'ms', 'temp MB');
SELECT format('%-30s %-28s %10s %12s %10s', case_name, impl, rows, ms, temp_mb) FROM bench_dy.result ORDER BY case_name, impl;
