-- bench/workloads.sql: the workloads, each written for every shape its best
-- way, with the parties and dyads they ask about chosen from the loaded data
-- (the same rows in every shape).  Every query returns one text, its answer:
-- counts and checksums that must agree between the shapes.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;

-- The busiest party, the median one and the rarest; the busiest dyad and the
-- median one (of those that occur); a date for "in force".
CREATE TABLE bench.param AS
WITH per_party AS (
	SELECT p, count(*) AS n
	FROM secpact.agreement, LATERAL (VALUES (first_party(parties)), (second_party(parties))) v(p)
	GROUP BY p
), per_dyad AS (
	SELECT parties, count(*) AS n FROM secpact.agreement GROUP BY parties
)
SELECT h.p AS hub, h.n AS hub_rows, m.p AS mid, m.n AS mid_rows, r.p AS rare, r.n AS rare_rows,
	   dh.parties AS dyad_hub, dh.n AS dyad_hub_rows, dm.parties AS dyad_mid, dm.n AS dyad_mid_rows,
	   date '2015-06-30' AS on_date, (SELECT count(*) FROM per_dyad) AS dyads
FROM (SELECT * FROM per_party ORDER BY n DESC, p LIMIT 1) h,
	 (SELECT * FROM per_party ORDER BY n, p OFFSET (SELECT count(*) / 2 FROM per_party) LIMIT 1) m,
	 (SELECT * FROM per_party ORDER BY n, p LIMIT 1) r,
	 (SELECT * FROM per_dyad ORDER BY n DESC, parties LIMIT 1) dh,
	 (SELECT * FROM per_dyad ORDER BY n, parties OFFSET (SELECT count(*) / 2 FROM per_dyad) LIMIT 1) dm;

-- kind 'query': one statement returning the answer.  kind 'cursor': the rows
-- of sql are read through a cursor to the end (MOVE ALL), and check, run once
-- untimed, gives a checksum of their order.
CREATE TABLE bench.workload (
	ord int NOT NULL,
	name text NOT NULL,
	shape text NOT NULL,
	sql text NOT NULL,
	kind text NOT NULL DEFAULT 'query',
	check_sql text,
	iterations int NOT NULL DEFAULT 1,
	PRIMARY KEY (name, shape)
);

-- Adds a workload: the secpact query, and the plain one for both plain
-- shapes ({s} is the schema).  {hub}, {mid}, {rare}, {dyad_hub}, {dyad_mid},
-- {date} and the dyads' sides {dyad_hub_lo} ... are filled in from bench.param.
CREATE FUNCTION bench.fill(q text, shape text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	p bench.param;
BEGIN
	SELECT * INTO p FROM bench.param;
	q := replace(q, '{s}', shape);
	q := replace(q, '{hub}', p.hub::text);
	q := replace(q, '{mid}', p.mid::text);
	q := replace(q, '{rare}', p.rare::text);
	q := replace(q, '{dyad_hub_lo}', first_party(p.dyad_hub)::text);
	q := replace(q, '{dyad_hub_hi}', second_party(p.dyad_hub)::text);
	q := replace(q, '{dyad_mid_lo}', first_party(p.dyad_mid)::text);
	q := replace(q, '{dyad_mid_hi}', second_party(p.dyad_mid)::text);
	q := replace(q, '{dyad_hub}', p.dyad_hub::text);
	q := replace(q, '{dyad_mid}', p.dyad_mid::text);
	RETURN replace(q, '{date}', p.on_date::text);
END $$;
CREATE FUNCTION bench.add(ord int, name text, secpact_sql text, plain_sql text,
						  kind text DEFAULT 'query', secpact_check text DEFAULT NULL,
						  plain_check text DEFAULT NULL) RETURNS void
LANGUAGE sql AS $$
INSERT INTO bench.workload (ord, name, shape, sql, kind, check_sql)
SELECT ord, name, shape,
	   bench.fill(CASE shape WHEN 'secpact' THEN secpact_sql ELSE plain_sql END, shape), kind,
	   bench.fill(CASE shape WHEN 'secpact' THEN secpact_check ELSE plain_check END, shape)
FROM unnest(ARRAY['secpact', 'plain_c', 'plain_en']) AS shape
$$;

SELECT bench.add(1, 'one dyad (busiest)',
$$SELECT concat_ws(' ', count(*), sum(id), min(signed_on), max(signed_on))
FROM secpact.agreement WHERE parties = '{dyad_hub}'$$,
$$SELECT concat_ws(' ', count(*), sum(id), min(signed_on), max(signed_on))
FROM {s}.agreement WHERE least(party_a, party_b) = '{dyad_hub_lo}' AND greatest(party_a, party_b) = '{dyad_hub_hi}'$$);

SELECT bench.add(2, 'one dyad (median)',
$$SELECT concat_ws(' ', count(*), sum(id), min(signed_on), max(signed_on))
FROM secpact.agreement WHERE parties = '{dyad_mid}'$$,
$$SELECT concat_ws(' ', count(*), sum(id), min(signed_on), max(signed_on))
FROM {s}.agreement WHERE least(party_a, party_b) = '{dyad_mid_lo}' AND greatest(party_a, party_b) = '{dyad_mid_hi}'$$);

-- How many agreements two parties have: the dyad's btree answers from the
-- index alone; plain SQL's index on (least, greatest) is an expression index,
-- which PostgreSQL reads with the table.
SELECT bench.add(3, 'number of one dyad''s agreements',
$$SELECT count(*)::text FROM secpact.agreement WHERE parties = '{dyad_hub}'$$,
$$SELECT count(*)::text FROM {s}.agreement WHERE least(party_a, party_b) = '{dyad_hub_lo}' AND greatest(party_a, party_b) = '{dyad_hub_hi}'$$);

SELECT bench.add(3, 'involving one party (hub)',
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM secpact.agreement WHERE parties @> '{hub}'$$,
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM {s}.agreement WHERE party_a = '{hub}' OR party_b = '{hub}'$$);

SELECT bench.add(4, 'involving one party (median)',
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM secpact.agreement WHERE parties @> '{mid}'$$,
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM {s}.agreement WHERE party_a = '{mid}' OR party_b = '{mid}'$$);

SELECT bench.add(5, 'involving one party (rarest)',
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM secpact.agreement WHERE parties @> '{rare}'$$,
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM {s}.agreement WHERE party_a = '{rare}' OR party_b = '{rare}'$$);

-- Plain SQL's best: aggregate the hub's rows per counterpart by hashing, on
-- one bigint that orders as (signed_on, day_order NULLS LAST), then rank the
-- few hundred firsts.  Both answer position, counterpart, date and shared.
SELECT bench.add(6, 'one hub''s signing order',
$$SELECT concat_ws(' ', count(*), sum(hashtext(concat_ws(',', position, counterpart, signed_on, shared))))
FROM signing_order('{hub}')$$,
$$SELECT concat_ws(' ', count(*), sum(hashtext(concat_ws(',', position, counterpart, signed_on, shared))))
FROM (SELECT rank() OVER (ORDER BY k) AS position, counterpart,
			 date '1900-01-01' + (k >> 16)::int AS signed_on, count(*) OVER (PARTITION BY k) > 1 AS shared
	  FROM (SELECT CASE WHEN party_a = '{hub}' THEN party_b ELSE party_a END AS counterpart,
				   min((signed_on - date '1900-01-01')::bigint << 16 | coalesce(day_order, 65535)) AS k
			FROM {s}.agreement WHERE party_a = '{hub}' OR party_b = '{hub}'
			GROUP BY 1) f) r$$);

-- Plain SQL's best: first signing per ordered pair as written (no least or
-- greatest, so no collation), then per hub and counterpart, then ranks.
SELECT bench.add(7, 'every hub''s signing order',
$$SELECT concat_ws(' ', count(*), sum(hashtext(concat_ws(',', hub, position, counterpart, signed_on, shared))))
FROM signing_orders()$$,
$$WITH pair AS (
	SELECT party_a, party_b, min((signed_on - date '1900-01-01')::bigint << 16 | coalesce(day_order, 65535)) AS k
	FROM {s}.agreement GROUP BY party_a, party_b
), firsts AS (
	SELECT hub, counterpart, min(k) AS k
	FROM (SELECT party_a AS hub, party_b AS counterpart, k FROM pair
		  UNION ALL SELECT party_b, party_a, k FROM pair) x
	GROUP BY hub, counterpart
)
SELECT concat_ws(' ', count(*), sum(hashtext(concat_ws(',', hub, position, counterpart, signed_on, shared))))
FROM (SELECT hub, rank() OVER (PARTITION BY hub ORDER BY k) AS position, counterpart,
			 date '1900-01-01' + (k >> 16)::int AS signed_on, count(*) OVER (PARTITION BY hub, k) > 1 AS shared
	  FROM firsts) r$$);

-- In force: 6% of the entries into force are partial dates, so plain SQL
-- compares each with its period's last day, as in_force does (the bounds
-- are constants the planner folds), after the first day's comparison that
-- this implies and that rules out most rows more cheaply (at 10M, 1.23 s
-- against 1.42 without it).  An agreement superseded by one whose entry
-- into force may come by the date is not surely in force.
SELECT bench.add(8, 'agreements in force on a date',
$$SELECT concat_ws(' ', count(*), sum(id)) FROM secpact.agreement a WHERE in_force(a, '{date}')$$,
$$SELECT concat_ws(' ', count(*), sum(id)) FROM {s}.agreement a
WHERE a.signed_on <= '{date}' AND a.entry_into_force <= '{date}'
  AND a.entry_into_force < CASE a.entry_into_force_precision WHEN 'day' THEN date '{date}' + 1
		WHEN 'month' THEN date_trunc('month', (date '{date}' + 1)::timestamp)::date
		ELSE date_trunc('year', (date '{date}' + 1)::timestamp)::date END
  AND NOT coalesce(a.terminated_on <= '{date}', false) AND NOT coalesce(a.expires_on <= '{date}', false)
  AND NOT EXISTS (SELECT FROM {s}.agreement s WHERE s.supersedes = a.id AND s.entry_into_force <= '{date}')$$);

-- Agreements per party, each agreement counted for both its parties: per
-- pair first (one dyad, or two codes), then per party.
SELECT bench.add(9, 'GROUP BY party',
$$SELECT concat_ws(' ', count(*), sum(n), sum(hashtext(p::text || ':' || n)))
FROM (SELECT p, sum(n) AS n
	  FROM (SELECT parties, count(*) AS n FROM secpact.agreement GROUP BY parties) g,
		   LATERAL (VALUES (first_party(parties)), (second_party(parties))) v(p)
	  GROUP BY p) s$$,
$$SELECT concat_ws(' ', count(*), sum(n), sum(hashtext(p::text || ':' || n)))
FROM (SELECT p, sum(n) AS n
	  FROM (SELECT party_a, party_b, count(*) AS n FROM {s}.agreement GROUP BY party_a, party_b) g,
		   LATERAL (VALUES (party_a), (party_b)) v(p)
	  GROUP BY p) s$$);

-- Every agreement joined to the region of the country it was signed in, by
-- hashing on the party; the consumer (a count and a sum of the region's
-- number) costs both shapes the same and little, so the join is measured.
SELECT bench.add(10, 'hash join on party',
$$SELECT concat_ws(' ', count(*), sum(r.region_no))
FROM secpact.agreement a JOIN bench.region r ON r.party = a.place_country$$,
$$SELECT concat_ws(' ', count(*), sum(c.region_no))
FROM {s}.agreement a JOIN {s}.country c ON c.code = a.place_country$$);

-- Every agreement in the order of the country it was signed in, read to the
-- end through a cursor; the check weighs each id by its row's rank in that
-- order, which only the order of the countries decides.
SELECT bench.add(11, 'ORDER BY party',
$$SELECT id FROM secpact.agreement ORDER BY place_country$$,
$$SELECT id FROM {s}.agreement ORDER BY place_country$$,
'cursor',
$$SELECT concat_ws(' ', count(*), sum(rk * (id % 1000003)))
FROM (SELECT id, rank() OVER (ORDER BY place_country) AS rk FROM secpact.agreement) s$$,
$$SELECT concat_ws(' ', count(*), sum(rk * (id % 1000003)))
FROM (SELECT id, rank() OVER (ORDER BY place_country) AS rk FROM {s}.agreement) s$$);

-- The same three lookups through the btree on the dyad alone (= ANY of the
-- party's dyads, what 1.2 did with one index), in the same run: what the
-- second index (agreement_higher_party) changes.
SELECT bench.add(12, 'involving one party (hub), btree alone',
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM secpact.agreement WHERE parties = ANY (dyads_involving('{hub}'))$$,
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM {s}.agreement WHERE party_a = '{hub}' OR party_b = '{hub}'$$);
SELECT bench.add(13, 'involving one party (median), btree alone',
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM secpact.agreement WHERE parties = ANY (dyads_involving('{mid}'))$$,
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM {s}.agreement WHERE party_a = '{mid}' OR party_b = '{mid}'$$);
SELECT bench.add(14, 'involving one party (rarest), btree alone',
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM secpact.agreement WHERE parties = ANY (dyads_involving('{rare}'))$$,
$$SELECT concat_ws(' ', count(*), sum(id), max(signed_on)) FROM {s}.agreement WHERE party_a = '{rare}' OR party_b = '{rare}'$$);

-- dyad_years over the registry (one kind, 2000-2030) against the expansion
-- a user writes: each agreement into its years with generate_series, then
-- counted per dyad and year; its end is the first of expiry, termination
-- and the entry into force of what supersedes it, as dyad_years has it.
SELECT bench.add(15, 'dyad_years (one kind, 2000-2030)',
$$SELECT concat_ws(' ', count(*), sum(agreements), sum(hashtext(dyad || ':' || year || ':' || agreements)))
FROM dyad_years(2000, 2030, 'security')$$,
$$WITH superseded AS (
	SELECT supersedes AS id, min(coalesce(entry_into_force, signed_on)) AS on_date
	FROM {s}.agreement WHERE supersedes IS NOT NULL GROUP BY supersedes
), spans AS (
	SELECT least(a.party_a, a.party_b) AS lo, greatest(a.party_a, a.party_b) AS hi,
		   coalesce(a.entry_into_force, a.signed_on) AS starts, least(a.expires_on, a.terminated_on, s.on_date) AS ends
	FROM {s}.agreement a LEFT JOIN superseded s ON s.id = a.id
	WHERE a.kind = 'security'
)
SELECT concat_ws(' ', count(*), sum(n), sum(hashtext(lo || '-' || hi || ':' || y || ':' || n)))
FROM (SELECT lo, hi, y, count(*) AS n
	  FROM spans CROSS JOIN LATERAL generate_series(greatest(extract(year FROM starts)::int, 2000),
													least(coalesce(extract(year FROM ends - 1)::int, 2030), 2030)) AS y
	  WHERE ends IS NULL OR ends > starts
	  GROUP BY lo, hi, y) g$$);

-- party_from_cow over a table of COW dyad-years (as many rows as the
-- registry), against a join to a crosswalk of the same assignments
-- (party_codes(), scheme cow), each shape counting the rows per party.
CREATE TABLE bench.cow_year AS
SELECT c.code::int AS ccode, yy.y AS year
FROM (SELECT row_number() OVER (ORDER BY code, valid_from) AS i, code, valid_from, valid_to
	  FROM party_codes() WHERE scheme = 'cow') c
JOIN (SELECT 1 + (abs(hashint8(g)) % (SELECT count(*) FROM party_codes() WHERE scheme = 'cow')) AS i, g
	  FROM generate_series(1, (SELECT count(*) FROM secpact.agreement)) g) r USING (i)
CROSS JOIN LATERAL (SELECT extract(year FROM c.valid_from)::int
		+ (abs(hashint8(-r.g)) % (coalesce(extract(year FROM c.valid_to)::int, 2016) - extract(year FROM c.valid_from)::int + 1))::int AS y) yy;
DO $$
DECLARE s text;
BEGIN
	FOREACH s IN ARRAY ARRAY['plain_c', 'plain_en'] LOOP
		EXECUTE format('CREATE TABLE %I.cow_crosswalk (code int NOT NULL, valid_from date NOT NULL, valid_to date, party text COLLATE %I NOT NULL)',
					   s, CASE s WHEN 'plain_c' THEN 'C' ELSE 'default' END);
		EXECUTE format('INSERT INTO %I.cow_crosswalk SELECT code::int, valid_from, valid_to, party::text FROM party_codes() WHERE scheme = %L', s, 'cow');
		EXECUTE format('CREATE INDEX ON %I.cow_crosswalk (code)', s);
		EXECUTE format('ANALYZE %I.cow_crosswalk', s);
	END LOOP;
END $$;
ANALYZE bench.cow_year;
SELECT bench.add(16, 'party_from_cow per dyad-year',
$$SELECT concat_ws(' ', sum(n), count(p), sum(hashtext(p::text || ':' || n)))
FROM (SELECT party_from_cow(ccode, make_date(year, 7, 1)) AS p, count(*) AS n FROM bench.cow_year GROUP BY 1) g$$,
$$SELECT concat_ws(' ', sum(n), count(p), sum(hashtext(p || ':' || n)))
FROM (SELECT c.party AS p, count(*) AS n
	  FROM bench.cow_year y
	  LEFT JOIN {s}.cow_crosswalk c ON c.code = y.ccode AND make_date(y.year, 7, 1) >= c.valid_from
								   AND (c.valid_to IS NULL OR make_date(y.year, 7, 1) <= c.valid_to)
	  GROUP BY 1) g$$);

-- Names in other languages as input (bench/names, folded in): a million
-- translated spellings read as parties, against a join to a table of the
-- same names on lower(name) (which cannot fold accents, so the spellings
-- are those both read alike).
CREATE TABLE bench.spelling AS
SELECT row_number() OVER (ORDER BY t.language, t.name)::int AS id, t.name, t.party::text AS party
FROM party_translations() t
WHERE try_party(t.name) = t.party;
CREATE TABLE bench.names_in AS
SELECT s.name
FROM (SELECT 1 + (abs(hashint8(g)) % (SELECT count(*) FROM bench.spelling))::int AS id FROM generate_series(1, 1000000) g) r
JOIN bench.spelling s USING (id);
DO $$
DECLARE
	s text;
	coll text;
BEGIN
	FOREACH s IN ARRAY ARRAY['plain_c', 'plain_en'] LOOP
		coll := CASE s WHEN 'plain_c' THEN 'C' ELSE 'default' END;
		EXECUTE format('CREATE TABLE %I.names_in (name text COLLATE %I)', s, coll);
		EXECUTE format('INSERT INTO %I.names_in SELECT name FROM bench.names_in', s);
		EXECUTE format('CREATE TABLE %I.name_map (folded text COLLATE %I PRIMARY KEY, party text NOT NULL)', s, coll);
		EXECUTE format('INSERT INTO %1$I.name_map SELECT DISTINCT ON (lower(name COLLATE %2$I)) lower(name COLLATE %2$I), party
						FROM bench.spelling ORDER BY lower(name COLLATE %2$I), party', s, coll);
		EXECUTE format('ANALYZE %I.names_in', s);
		EXECUTE format('ANALYZE %I.name_map', s);
	END LOOP;
END $$;
ANALYZE bench.names_in;
SELECT bench.add(17, 'translated names as input',
$$SELECT concat_ws(' ', count(*), count(DISTINCT name::party)) FROM bench.names_in$$,
$$SELECT concat_ws(' ', count(*), count(DISTINCT m.party)) FROM {s}.names_in n JOIN {s}.name_map m ON m.folded = lower(n.name)$$);

-- One execution of a workload; its answer.
CREATE FUNCTION bench.execute(w bench.workload) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	answer text;
	c refcursor;
	n bigint;
BEGIN
	IF w.kind = 'cursor' THEN
		OPEN c FOR EXECUTE w.sql;
		MOVE FORWARD ALL FROM c;
		GET DIAGNOSTICS n = ROW_COUNT;
		CLOSE c;
		RETURN n || ' rows';
	END IF;
	EXECUTE w.sql INTO answer;
	RETURN answer;
END $$;

-- Runs every workload reps times after one warm-up round (rep 0), the shapes
-- of each workload one after another, in an order that rotates every round.
-- The warm-up also sets how many executions make one timed run: enough for
-- some half a second, so that a query of a tenth of a millisecond is timed
-- over thousands of executions and a slow one once, and the CPU clock (which
-- the kernel updates every few milliseconds) is read to within 2%; each run
-- records the mean.
-- Cursor workloads' order checks run last, once per shape (rep -1).
CREATE PROCEDURE bench.run(reps int) LANGUAGE plpgsql AS $$
DECLARE
	w bench.workload;
	n record;
	t0 timestamptz;
	c0 bigint;
	seconds float8;
	cpu float8;
	answer text;
	shapes text[] := ARRAY['secpact', 'plain_c', 'plain_en'];
BEGIN
	FOR rep IN 0 .. reps LOOP
		FOR n IN SELECT DISTINCT ord, name FROM bench.workload ORDER BY ord, name LOOP
			FOR w IN SELECT * FROM bench.workload
					 WHERE name = n.name
					 ORDER BY (array_position(shapes, shape) + rep) % 3 LOOP
				c0 := bench.cpu_ns();
				t0 := clock_timestamp();
				FOR i IN 1 .. w.iterations LOOP
					answer := bench.execute(w);
				END LOOP;
				seconds := extract(epoch FROM clock_timestamp() - t0) / w.iterations;
				cpu := (bench.cpu_ns() - c0) / 1e9 / w.iterations;
				INSERT INTO bench.timing VALUES (w.name, w.shape, rep, seconds, answer, w.iterations, cpu);
			END LOOP;
			IF rep = 0 THEN
				UPDATE bench.workload SET iterations = (
					SELECT greatest(1, least(20000, ceil(0.5 / greatest(max(t.seconds), 1e-6))))::int
					FROM bench.timing t WHERE t.workload = n.name AND t.rep = 0)
				WHERE name = n.name;
			END IF;
			RAISE NOTICE 'round % of %: %', rep, reps, n.name;
		END LOOP;
		COMMIT;
	END LOOP;
	FOR w IN SELECT * FROM bench.workload WHERE check_sql IS NOT NULL ORDER BY ord, shape LOOP
		EXECUTE w.check_sql INTO answer;
		INSERT INTO bench.timing VALUES (w.name, w.shape, -1, 0, answer, NULL, 0);
	END LOOP;
END $$;
