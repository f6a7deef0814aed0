-- bench/multilateral.sql: a multilateral registry the size of ATOP (789
-- alliances, 2,510 memberships; synthetic, seeded) in a database of its
-- own, so that the bilateral workloads keep their answers: dyad_years and
-- accession_order against plain SQL over plain tables of the same
-- alliances, side by side in one session.  Prints Markdown.
--   psql -v reps=7 -f bench/multilateral.sql   (bench/inside runs it)
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
\pset format unaligned
\pset tuples_only on
\pset footer off
CREATE EXTENSION IF NOT EXISTS secpact;
SELECT setseed(0.5) \g /dev/null

-- 789 alliances: 600 of two members, 100 of three, 58 of 11 and 31 of 12 (1,010
-- memberships): 2,510 in all, as in ATOP 5.1.  Each starts in a year from
-- 1816 to 2015 and lasts 3 to 31 years (a quarter still in force); a member
-- joins at the start or, in the large ones, up to 20 years later, and a
-- tenth of the members of the large ones leave before the end.
CREATE TEMP TABLE al AS
SELECT i AS id, make_date(1816 + (random() * 199)::int, 1 + (random() * 11)::int, 1) AS starts,
	   CASE WHEN i <= 600 THEN 2 WHEN i <= 700 THEN 3 WHEN i <= 758 THEN 11 ELSE 12 END AS members,
	   random() AS r
FROM generate_series(1, 789) i;
ALTER TABLE al ADD COLUMN ends date;
UPDATE al SET ends = CASE WHEN r < 0.25 THEN NULL ELSE starts + (365.25 * (3 + r * 28))::int END;
CREATE TEMP TABLE mem AS
SELECT a.id AS alliance, p.party,
	   CASE WHEN a.members > 3 AND k > 2 THEN a.starts + (random() * 20 * 365)::int ELSE a.starts END AS joined,
	   random() AS r
FROM al a
CROSS JOIN LATERAL (SELECT party, row_number() OVER () AS k
					FROM (SELECT party FROM parties() WHERE NOT is_organisation ORDER BY random() * a.id LIMIT a.members) x) p;
ALTER TABLE mem ADD COLUMN left_on date;
UPDATE mem m SET joined = a.starts FROM al a WHERE a.id = m.alliance AND a.ends IS NOT NULL AND m.joined >= a.ends;
UPDATE mem m SET left_on = m.joined + 1 + (m.r * 3650)::int
FROM al a WHERE a.id = m.alliance AND a.members > 3 AND m.r < 0.1;

-- the registry: one multilateral agreement per alliance, one membership each
INSERT INTO secpact.agreement (id, parties, multilateral, kind, title, signed_on, entry_into_force, expires_on)
SELECT 9000000 + id, NULL, true, 'alliance', 'Alliance ' || id, starts, starts, ends FROM al;
INSERT INTO secpact.membership (agreement_id, party, signed_on, bound_on, left_on)
SELECT 9000000 + alliance, party, joined, joined, left_on FROM mem;
-- the plain shape: the same, codes as text
CREATE TABLE plain_alliance (id int PRIMARY KEY, starts date NOT NULL, ends date);
CREATE TABLE plain_member (alliance int NOT NULL REFERENCES plain_alliance, party text COLLATE "C" NOT NULL,
						   joined date NOT NULL, left_on date);
INSERT INTO plain_alliance SELECT 9000000 + id, starts, ends FROM al;
INSERT INTO plain_member SELECT 9000000 + alliance, party::text, joined, left_on FROM mem;
CREATE INDEX ON plain_member (alliance);
-- and a crosswalk of the COW and G&W codes, as a user would load it
CREATE TABLE plain_code AS
SELECT party::text COLLATE "C" AS party, scheme, code::int AS code, valid_from, valid_to
FROM party_codes() WHERE scheme IN ('cow', 'gw');
ANALYZE secpact.agreement; ANALYZE secpact.membership; ANALYZE plain_alliance; ANALYZE plain_member; ANALYZE plain_code;
-- plain SQL's dyad-years: every pair of members expanded into its years
CREATE VIEW plain_pair_year AS
SELECT m1.party AS lo, m2.party AS hi, y, count(*) AS n
FROM plain_member m1
JOIN plain_member m2 ON m2.alliance = m1.alliance AND m1.party < m2.party
JOIN plain_alliance a ON a.id = m1.alliance
CROSS JOIN LATERAL (SELECT greatest(a.starts, m1.joined, m2.joined) AS s,
						   least(a.ends, m1.left_on, m2.left_on) AS e) b
CROSS JOIN LATERAL generate_series(greatest(extract(year FROM b.s)::int, 1816),
								   least(coalesce(extract(year FROM b.e - 1)::int, 2025), 2025)) AS y
WHERE b.e IS NULL OR b.e > b.s
GROUP BY 1, 2, 3;

CREATE TEMP TABLE w (name text, shape text, sql text, iterations int NOT NULL DEFAULT 1);
INSERT INTO w VALUES
('dyad_years of the alliances, 1816-2025', 'secpact',
 $$SELECT concat_ws(' ', count(*), sum(agreements), sum(hashtext(dyad || ':' || year || ':' || agreements)))
   FROM dyad_years(1816, 2025, 'alliance')$$),
('dyad_years of the alliances, 1816-2025', 'plain',
 $$SELECT concat_ws(' ', count(*), sum(n), sum(hashtext(lo || '-' || hi || ':' || y || ':' || n)))
   FROM plain_pair_year$$),
-- every column dyad_years returns, in its order (the ordinal is in the hash):
-- the plain shape finds each party's codes in each year from the crosswalk
-- by dyad_years' rule (the code at the year's end, else at its start); it
-- has no coverage or dates standing in to flag
('dyad_years of the alliances, every column in order', 'secpact',
 $$SELECT concat_ws(' ', count(*), sum(hashtext(format('%s:%s:%s:%s:%s:%s:%s:%s:%s:%s:%s:%s', ord, dyad, party_a, party_b, year,
	agreements, cow_code_a, cow_code_b, gw_code_a, gw_code_b, left_censored, entry_assumed))))
   FROM dyad_years(1816, 2025, 'alliance') WITH ORDINALITY d(dyad, party_a, party_b, year, agreements, cow_code_a, cow_code_b,
															  gw_code_a, gw_code_b, left_censored, entry_assumed, ord)$$),
('dyad_years of the alliances, every column in order', 'plain',
 $$SELECT concat_ws(' ', count(*), sum(hashtext(format('%s:%s:%s:%s:%s:%s:%s:%s:%s:%s:%s:%s', ord, dyad, party_a, party_b, year,
	agreements, cow_code_a, cow_code_b, gw_code_a, gw_code_b, left_censored, entry_assumed))))
   FROM (SELECT r.*, row_number() OVER () AS ord
		 FROM (WITH code_year AS (
				   SELECT c.party, y.y,
						  coalesce(min(c.code) FILTER (WHERE c.scheme = 'cow' AND c.valid_from <= make_date(y.y, 12, 31)
																	   AND (c.valid_to IS NULL OR c.valid_to >= make_date(y.y, 12, 31))),
								   min(c.code) FILTER (WHERE c.scheme = 'cow' AND c.valid_from <= make_date(y.y, 1, 1)
																	   AND (c.valid_to IS NULL OR c.valid_to >= make_date(y.y, 1, 1)))) AS cow,
						  coalesce(min(c.code) FILTER (WHERE c.scheme = 'gw' AND c.valid_from <= make_date(y.y, 12, 31)
																	   AND (c.valid_to IS NULL OR c.valid_to >= make_date(y.y, 12, 31))),
								   min(c.code) FILTER (WHERE c.scheme = 'gw' AND c.valid_from <= make_date(y.y, 1, 1)
																	   AND (c.valid_to IS NULL OR c.valid_to >= make_date(y.y, 1, 1)))) AS gw
				   FROM plain_code c
				   CROSS JOIN LATERAL generate_series(extract(year FROM c.valid_from)::int,
													  coalesce(extract(year FROM c.valid_to)::int, 2025)) y(y)
				   GROUP BY c.party, y.y
			   )
			   SELECT p.lo || '-' || p.hi AS dyad, p.lo AS party_a, p.hi AS party_b, p.y AS year, p.n::int AS agreements,
					  ca.cow AS cow_code_a, cb.cow AS cow_code_b, ca.gw AS gw_code_a, cb.gw AS gw_code_b,
					  false AS left_censored, false AS entry_assumed
			   FROM plain_pair_year p
			   LEFT JOIN code_year ca ON ca.party = p.lo AND ca.y = p.y
			   LEFT JOIN code_year cb ON cb.party = p.hi AND cb.y = p.y
			   ORDER BY p.lo, p.hi, p.y) r) x$$),
('accession_order of the largest alliance', 'secpact',
 $$SELECT concat_ws(' ', count(*), sum(hashtext(o.position || ':' || o.party::text)))
   FROM accession_order(9000789) o$$),
('accession_order of the largest alliance', 'plain',
 $$SELECT concat_ws(' ', count(*), sum(hashtext(position || ':' || party)))
   FROM (SELECT party, rank() OVER (ORDER BY joined) AS position FROM plain_member WHERE alliance = 9000789) r$$),
('accession_order of every alliance', 'secpact',
 $$SELECT concat_ws(' ', count(*), sum(hashtext(o.agreement || ':' || o.position || ':' || o.party::text)))
   FROM accession_orders() o$$),
('accession_order of every alliance', 'plain',
 $$SELECT concat_ws(' ', count(*), sum(hashtext(alliance || ':' || position || ':' || party)))
   FROM (SELECT alliance, party, rank() OVER (PARTITION BY alliance ORDER BY joined) AS position FROM plain_member) r$$);

CREATE FUNCTION pg_temp.cpu_ns() RETURNS bigint LANGUAGE sql
	AS $$ SELECT split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint $$;
CREATE TEMP TABLE t (name text, shape text, rep int, cpu float8, answer text);
SELECT set_config('bench.reps', :'reps', false) \g /dev/null
-- A run of a fast query is the mean of enough executions for some 0.3 s,
-- as the warm-up round (rep 0) measured.
DO $$
DECLARE
	x record;
	c0 bigint;
	t0 timestamptz;
	a text;
BEGIN
	FOR rep IN 0 .. current_setting('bench.reps')::int LOOP
		FOR x IN SELECT * FROM w ORDER BY name, (shape = 'secpact') = (rep % 2 = 0) LOOP
			c0 := pg_temp.cpu_ns();
			t0 := clock_timestamp();
			FOR i IN 1 .. x.iterations LOOP
				EXECUTE x.sql INTO a;
			END LOOP;
			INSERT INTO t VALUES (x.name, x.shape, rep, (pg_temp.cpu_ns() - c0) / 1e9 / x.iterations, a);
			IF rep = 0 THEN
				UPDATE w SET iterations = greatest(1, least(5000, ceil(0.3 / greatest(extract(epoch FROM clock_timestamp() - t0), 1e-6))))
				WHERE w.name = x.name AND w.shape = x.shape;
			END IF;
		END LOOP;
	END LOOP;
END $$;

SELECT '### A multilateral registry the size of ATOP';
SELECT '';
SELECT format('Synthetic and seeded (bench/multilateral.sql): %s alliances, %s memberships, %s dyad-years from 1816 to 2025, in a database of their own in the same cluster.  Median CPU time of %s runs after a warm-up, the shapes alternating; plain SQL reads plain tables of the same alliances (codes as text, COLLATE "C") and expands every pair of members with generate_series (for every column in order, with each party''s codes in each year from a crosswalk table of party_codes()), or ranks the members with rank().',
			  (SELECT count(*) FROM al), (SELECT count(*) FROM mem),
			  (SELECT split_part(answer, ' ', 2) FROM t WHERE name LIKE 'dyad_years%' AND shape = 'secpact' LIMIT 1),
			  current_setting('bench.reps'));
SELECT '';
SELECT '| workload | secpact | plain SQL | secpact / plain | same answer |';
SELECT '|---|---:|---:|---:|:---:|';
SELECT format('| %s | %s ms | %s ms | **%s** | %s |', s.name, round(s.m::numeric * 1000, 3), round(p.m::numeric * 1000, 3),
			  coalesce(round((s.m / nullif(p.m, 0))::numeric, 2)::text, '-'), CASE WHEN (SELECT count(DISTINCT answer) FROM t WHERE t.name = s.name) = 1 THEN 'yes' ELSE '**NO**' END)
FROM (SELECT name, percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu) AS m FROM t WHERE shape = 'secpact' AND rep > 0 GROUP BY name) s
JOIN (SELECT name, percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu) AS m FROM t WHERE shape = 'plain' AND rep > 0 GROUP BY name) p USING (name)
ORDER BY s.name;
SELECT '';
