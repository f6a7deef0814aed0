-- bench/dyad-years-1m.sql: the comparison of bench/dyad-years.sql on the
-- synthetic registry of bench/generate.sql (run before it, -v rows=N).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
DELETE FROM secpact.agreement;
INSERT INTO secpact.agreement (id, parties, kind, title, signed_on, day_order, place, place_country,
							   entry_into_force, expires_on, terminated_on, supersedes, framework, source)
SELECT id, dyad(party_a::party, party_b::party), kind, title, signed_on, day_order, place,
	   place_country::party, entry_into_force, expires_on, terminated_on, supersedes, framework, source
FROM bench_gen.agreement ORDER BY id;
VACUUM ANALYZE secpact.agreement;
SELECT count(*) AS agreements, count(DISTINCT parties) AS dyads, min(signed_on), max(signed_on),
	   count(*) FILTER (WHERE expires_on IS NULL AND terminated_on IS NULL) AS open_ended
FROM secpact.agreement;
\set case '1M, 2000-2030'
\set impl '1.2 dyad_years'
\set query 'SELECT * FROM dyad_years(2000, 2030)'
\i bench/dyad-years-measure.sql
\set case '1M, 2000-2030'
\set impl '1.1 dyad_years'
\set query 'SELECT * FROM bench_dy.dyad_years_1_1(2000, 2030)'
\i bench/dyad-years-measure.sql
SELECT replace(replace(replace(:'plain', 'FIRST', '2000'), 'LAST', '2030'), 'a.kind = KIND', 'true') AS q \gset
\set case '1M, 2000-2030'
\set impl 'plain SQL generate_series'
\set query :q
\i bench/dyad-years-measure.sql
\set case '1M, 1-2200'
\set impl '1.2 dyad_years'
\set query 'SELECT * FROM dyad_years(1, 2200)'
\i bench/dyad-years-measure.sql
SET statement_timeout = '300s';
\set case '1M, 1-2200'
\set impl '1.1 dyad_years'
\set query 'SELECT * FROM bench_dy.dyad_years_1_1(1, 2200)'
\i bench/dyad-years-measure.sql
RESET statement_timeout;
SELECT format('%-30s %-28s %10s %12s %10s', 'case', 'implementation', 'rows', 'ms', 'temp MB');
SELECT format('%-30s %-28s %10s %12s %10s', case_name, impl, rows, ms, temp_mb) FROM bench_dy.result ORDER BY case_name, impl;
