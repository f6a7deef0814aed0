-- bench/dyad-years-13.sql: the measurements of bench/dyad-years-13.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
INSERT INTO secpact.agreement (id, parties, kind, title, signed_on, day_order, place, place_country,
							   entry_into_force, expires_on, terminated_on, supersedes, framework, source)
SELECT id, dyad(party_a::party, party_b::party), kind, title, signed_on, day_order, place,
	   place_country::party, entry_into_force, expires_on, terminated_on, supersedes, framework, source
FROM bench_gen.agreement ORDER BY id;
VACUUM ANALYZE secpact.agreement;
\set case 'synthetic, 2000-2030'
\set impl '1.2 dyad_years, run 1'
\set query 'SELECT * FROM dyad_years(2000, 2030)'
\i bench/dyad-years-measure.sql
\set impl '1.2 dyad_years, run 2'
\i bench/dyad-years-measure.sql
CREATE TABLE bench_dy.answer_12 AS SELECT * FROM dyad_years(2000, 2030);
ALTER EXTENSION secpact UPDATE TO '1.3';
VACUUM ANALYZE secpact.agreement;
\set impl '1.3 dyad_years, run 1'
\i bench/dyad-years-measure.sql
\set impl '1.3 dyad_years, run 2'
\i bench/dyad-years-measure.sql
-- 1.3 without the codes: the same function, its codes NULL and not joined
SELECT regexp_replace(replace(replace(pg_get_functiondef('secpact.dyad_year_rows'::regproc),
		'secpact.dyad_year_rows(', 'bench_dy.dyad_year_rows('),
		'ca.cow[g.y - ca.y0 + 1], cb.cow[g.y - cb.y0 + 1], ca.gw[g.y - ca.y0 + 1], cb.gw[g.y - cb.y0 + 1]', 'NULL::int, NULL::int, NULL::int, NULL::int'),
		'LEFT JOIN codes c[ab] ON [^\n]*\n', '', 'g') \gexec
\set impl '1.3 without codes, run 1'
\set query 'SELECT * FROM bench_dy.dyad_year_rows(2000, 2030, NULL, NULL, false)'
\i bench/dyad-years-measure.sql
\set impl '1.3 without codes, run 2'
\i bench/dyad-years-measure.sql
\set impl '1.3 dyad_years, run 3'
\set query 'SELECT * FROM dyad_years(2000, 2030)'
\i bench/dyad-years-measure.sql
-- the lookup per row that 1.3 replaced by one per party and year, on
-- top of 1.3's own rows (an upper bound of what it cost)
\set impl '1.3 + per-row lookups, run 1'
\set query 'SELECT d.*, coalesce(cow_code(d.party_a::party, make_date(d.year, 12, 31)), cow_code(d.party_a::party, make_date(d.year, 1, 1))), coalesce(cow_code(d.party_b::party, make_date(d.year, 12, 31)), cow_code(d.party_b::party, make_date(d.year, 1, 1))), coalesce(gw_code(d.party_a::party, make_date(d.year, 12, 31)), gw_code(d.party_a::party, make_date(d.year, 1, 1))), coalesce(gw_code(d.party_b::party, make_date(d.year, 12, 31)), gw_code(d.party_b::party, make_date(d.year, 1, 1))) FROM dyad_years(2000, 2030) d'
\i bench/dyad-years-measure.sql
\set impl '1.3 + per-row lookups, run 2'
\i bench/dyad-years-measure.sql
SELECT format('%-24s %-32s %10s %10s', case_name, impl, rows, ms) FROM bench_dy.result ORDER BY impl;
-- the same rows in 1.2's columns
SELECT format('1.2 answer against 1.3 first five columns: %s differences', count(*)) FROM (
	(TABLE bench_dy.answer_12 EXCEPT ALL SELECT dyad, party_a, party_b, year, agreements FROM dyad_years(2000, 2030))
	UNION ALL
	(SELECT dyad, party_a, party_b, year, agreements FROM dyad_years(2000, 2030) EXCEPT ALL TABLE bench_dy.answer_12)) x;
