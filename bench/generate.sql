-- bench/generate.sql: deterministic synthetic agreements for the benchmark.
--   psql -v rows=N -v seed=S -f bench/generate.sql
-- Fills bench_gen.agreement (id 1..N) from a seeded generator: every party
-- appears; a few hubs have most partners (UA in some 30% of the rows, then
-- US, EU, GB, FR, DE); every dyad starts at its own date and signs again
-- and again after it; a quarter of the signings fall on the first day of a
-- month (same-day ties), a quarter have a known order within the day.
-- Some entries into force are known only to the month (4% of the rows) or
-- the year (2%), as in datasets of older agreements: stored as their
-- period's first day, with the precision.  Only built-in functions and
-- parties() are used; the party codes are kept as text so that every shape
-- is written from the same rows.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS bench_gen CASCADE;
CREATE SCHEMA bench_gen;
SELECT setseed(:seed);

-- Parties in alpha-2 order, and the weight with which each is drawn as the
-- first side of an agreement: the hubs, then a Zipf-like tail.
CREATE TABLE bench_gen.party AS
SELECT (row_number() OVER (ORDER BY p.party) - 1)::int AS i, p.party::text AS code
FROM parties() p;
CREATE TABLE bench_gen.weight AS
SELECT i, code,
	   -- the second side: another Zipf-like order, steeper, so that some
	   -- parties are rare (a few dozen rows per million)
	   greatest(1, (1000000 / (5 + (i * 104729 + 9) % 250) ^ 2)::int) AS w2,
	   CASE code WHEN 'UA' THEN 3000 WHEN 'US' THEN 1200 WHEN 'EU' THEN 800
				 WHEN 'GB' THEN 600 WHEN 'FR' THEN 500 WHEN 'DE' THEN 500
				 ELSE greatest(1, (700 / (1 + ((i * 7919 + 100) % 244)) ^ 1.5)::int) END AS w
FROM bench_gen.party;
-- A party is drawn as its letters' value, (first - 'A') * 26 + (second - 'A'),
-- from int arrays built in memory once per statement (init plans), so that a
-- draw is one O(1) subscript.
CREATE FUNCTION bench_gen.code(v int) RETURNS text IMMUTABLE STRICT PARALLEL SAFE
	LANGUAGE sql AS $$ SELECT chr(65 + v / 26) || chr(65 + v % 26) $$;
CREATE VIEW bench_gen.letters AS
SELECT i, code, (ascii(code) - 65) * 26 + ascii(substr(code, 2)) - 65 AS v, w, w2 FROM bench_gen.weight;

CREATE TABLE bench_gen.agreement (
	id bigint, party_a text, party_b text, kind text, title text, signed_on date,
	day_order smallint, place text, place_country text, entry_into_force date,
	expires_on date, terminated_on date, supersedes bigint, framework text,
	source text, notes text, entry_into_force_precision text);

INSERT INTO bench_gen.agreement
SELECT id, a, b, kind,
	   'Agreement between ' || a || ' and ' || b || ' on ' || kind AS title,
	   signed_on, day_order,
	   (ARRAY['Brussels','Kyiv','Washington','London','Paris','Berlin','Geneva','Vienna',
			  'Rome','Madrid','Warsaw','Ottawa','Tokyo','Canberra','Oslo','Riga'])[1 + (r5 * 16)::int % 16],
	   CASE WHEN r6 < 0.45 THEN a WHEN r6 < 0.9 THEN b ELSE bench_gen.code(codes[1 + (r6 * 2500)::int % 250]) END,
	   CASE WHEN r7 >= 0.6 THEN NULL
			WHEN ep = 'day' THEN signed_on + (r7 * 600)::int
			ELSE date_trunc(ep, signed_on + (r7 * 600)::int)::date END,
	   CASE WHEN r8 < 0.5 THEN signed_on + 3652 END,
	   CASE WHEN r8 > 0.98 THEN signed_on + 1000 END,
	   CASE WHEN id > 1000 AND r9 < 0.01 THEN id - 1 - (r9 * 99900)::int END,
	   CASE WHEN r9 > 0.9 THEN 'G7 Joint Declaration of Support for Ukraine' END,
	   CASE WHEN r9 > 0.8 THEN 'https://example.org/agreements/' || id END,
	   NULL,
	   CASE WHEN r7 < 0.6 THEN ep ELSE 'day' END
FROM (
	SELECT id, codes, kind, r5, r6, r7, r8, r9,
		   -- from the id, not random(), so that every other draw is as before
		   CASE WHEN abs(hashint8(id)) % 100 < 4 THEN 'month'
				WHEN abs(hashint8(id)) % 100 < 6 THEN 'year' ELSE 'day' END AS ep,
		   -- the side order as written is random: either party may come first
		   CASE WHEN swap THEN q ELSE p END AS a, CASE WHEN swap THEN p ELSE q END AS b,
		   CASE WHEN tie THEN date_trunc('month', d)::date ELSE d END AS signed_on,
		   CASE WHEN r4 < 0.25 THEN (1 + (r4 * 12)::int)::smallint END AS day_order
	FROM (
		SELECT id, codes, p, q, swap, kind, tie, r4, r5, r6, r7, r8, r9,
			   -- a dyad starts on its own day and signs again after it
			   start + (random() ^ 2 * (date '2025-12-31' - start))::int AS d
		FROM (
			SELECT id, codes, p, q, random() < 0.5 AS swap,
				   (ARRAY['security','trade','defence','cooperation','visa','aviation'])
					   [1 + floor(random() * 6)::int] AS kind,
				   random() < 0.25 AS tie, random() AS r4, random() AS r5, random() AS r6,
				   random() AS r7, random() AS r8, random() AS r9,
				   date '1990-01-01' + (abs(hashtext(least(p, q) || greatest(p, q))) % 12000) AS start
			FROM (
				SELECT id, codes,
					   -- every party appears: the first 250 rows give each its turn
					   bench_gen.code(CASE WHEN id <= 250 THEN codes[id]
									  ELSE slots[1 + (random() * (array_length(slots, 1) - 1))::int] END) AS p,
					   bench_gen.code(slots2[1 + (random() * (array_length(slots2, 1) - 1))::int]) AS q0
				FROM generate_series(1, :rows) AS id,
					 -- 20000 slots, each party taking slots in proportion to its weight
					 (SELECT array_agg(v ORDER BY i, k) AS slots
					  FROM bench_gen.letters l,
						   LATERAL generate_series(1, greatest(1, round(l.w * 20000.0 /
								(SELECT sum(w) FROM bench_gen.weight))::int)) k) s,
					 (SELECT array_agg(v ORDER BY i, k) AS slots2
					  FROM bench_gen.letters l,
						   LATERAL generate_series(1, greatest(1, round(l.w2 * 20000.0 /
								(SELECT sum(w2) FROM bench_gen.weight))::int)) k) s2,
					 (SELECT array_agg(v ORDER BY i) AS codes FROM bench_gen.letters) c
			) x0
			CROSS JOIN LATERAL (
				SELECT CASE WHEN q0 <> p THEN q0
							WHEN p <> 'UA' THEN 'UA' ELSE 'US' END AS q) x1
		) x2
	) x3
) x4;

-- A supersession replaces the dyad's previous agreement (by id, as the
-- loads go in id order), when that one was signed no later and enters into
-- force no later (when both dates are known): what the registry accepts
-- since 1.2 (same parties, no cycle, in order).  Of the rows drawn above
-- (1%), those whose dyad has no such agreement supersede nothing.
UPDATE bench_gen.agreement a
SET supersedes = CASE WHEN p.prev_signed <= a.signed_on
						   AND (p.prev_entry IS NULL OR a.entry_into_force IS NULL
								OR p.prev_entry <= a.entry_into_force) THEN p.prev END
FROM (SELECT id, lag(id) OVER w AS prev, lag(signed_on) OVER w AS prev_signed,
			 lag(entry_into_force) OVER w AS prev_entry
	  FROM bench_gen.agreement
	  WINDOW w AS (PARTITION BY least(party_a, party_b), greatest(party_a, party_b) ORDER BY id)) p
WHERE a.id = p.id AND a.supersedes IS NOT NULL;
