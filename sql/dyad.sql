-- dyad: an unordered pair of two distinct parties
-- The extension may already exist from an earlier test in this database.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
RESET client_min_messages;

-- The examples of the design card
SELECT 'UA-BE'::dyad, dyad('Ukraine', 'Belgium') = 'BEL:UKR' AS same,
       pg_column_size('BE-UA'::dyad), counterpart('BE-UA', 'UA');

-- Every separator, every code spelling, either order
SELECT to_json(s) AS input, s::dyad AS dyad
FROM (VALUES ('BE-UA'), ('UA-BE'), ('ua:be'), ('UKR/BEL'), ('804 056'), ('56-804'),
             ('UA - BE'), ('  ukr  :  bel  '), (E'UA\tBE'), (E'\nBE\r\nUA\n'),
             ('bel/ua'), ('EU-UA'), ('4 8')) AS v(s);
-- whitespace around the input, however much, is not part of it
SELECT (repeat(' ', 1000000) || 'UA-BE' || repeat(E'\t', 1000))::dyad;

-- The constructor takes parties, so any party spelling, names included
SELECT dyad('UA', 'BE'), dyad('BE', 'UA'), dyad('Ukraine', 'Belgium'),
       dyad('ukr', '056'), dyad('European Union', 'Türkiye');
SELECT dyad(NULL, 'BE'), dyad('BE', NULL);

-- Parts of a dyad
SELECT d, first_party(d), second_party(d), dyad_parties(d),
       counterpart(d, first_party(d)) AS of_first, counterpart(d, second_party(d)) AS of_second
FROM unnest('{UA-BE,AD-ZW,US:EU}'::dyad[]) AS d;
SELECT pg_typeof(dyad_parties('BE-UA')), (dyad_parties('BE-UA'))[2], party_name(first_party('UA-BE'));
SELECT first_party(NULL), dyad_parties(NULL), counterpart(NULL, 'UA'), counterpart('BE-UA', NULL);

-- @> and <@: the dyad involves the party; &&: the dyads share a party
SELECT d, p, d @> p AS contains, p <@ d AS contained
FROM unnest('{BE-UA,AD-ZW}'::dyad[]) AS d, unnest('{BE,UA,AD,US}'::party[]) AS p
ORDER BY d, p;
SELECT a, b, a && b AS overlap, b && a AS commuted
FROM unnest('{BE-UA,AD-ZW}'::dyad[]) AS a, unnest('{BE-UA,UA-US,BE-US,AD-BE,FR-US,AD-ZW}'::dyad[]) AS b
ORDER BY a, b;
SELECT 'BE-UA'::dyad @> NULL::party, NULL::party <@ 'BE-UA'::dyad, 'BE-UA'::dyad && NULL;

-- All 250 * 249 / 2 dyads: distinct, round-tripping through text, in the
-- order of (lower party, higher party), which is also their text order
CREATE TABLE all_dyads AS
	SELECT dyad(a.party, b.party) AS d FROM parties() a, parties() b WHERE a.party < b.party;
SELECT count(*) AS dyads, count(DISTINCT d) AS distinct_dyads,
       count(*) FILTER (WHERE d::text::dyad <> d) AS text_mismatches,
       count(*) FILTER (WHERE dyad(second_party(d), first_party(d)) <> d) AS order_mismatches,
       count(*) FILTER (WHERE first_party(d) >= second_party(d)) AS not_canonical
FROM all_dyads;
SELECT count(*) AS misordered
FROM (SELECT row_number() OVER (ORDER BY d) AS by_dyad,
             row_number() OVER (ORDER BY first_party(d), second_party(d)) AS by_parties,
             row_number() OVER (ORDER BY d::text COLLATE "C") AS by_text
      FROM all_dyads) s
WHERE by_dyad <> by_parties OR by_dyad <> by_text;

-- Comparison operators: by the lower party, then the higher
SELECT array_agg(d ORDER BY d) FROM unnest('{UA-US,BE-UA,AD-ZW,AD-BE,BE-US,EU-UA}'::dyad[]) AS d;
SELECT 'BE-UA'::dyad = 'UA:BE', 'BE-UA'::dyad <> 'BE-US', 'BE-UA'::dyad < 'BE-US',
       'BE-UA'::dyad <= 'BE-UA', 'BE-UA'::dyad > 'AD-ZW', 'BE-UA'::dyad >= 'BF-BG',
       'AD-ZW'::dyad < 'AE-AF';
SELECT dyad_cmp('BE-UA', 'BE-US'), dyad_cmp('BE-UA', 'UA-BE'), dyad_cmp('BE-US', 'BE-UA');

-- Casts: assignment casts both ways, not implicit
CREATE TABLE dyad_cast (d dyad, t text);
INSERT INTO dyad_cast (d, t) VALUES ('UA:BE'::text, 'US-UA'::dyad);
INSERT INTO dyad_cast (d, t) SELECT t, d FROM dyad_cast;
SELECT * FROM dyad_cast ORDER BY d;
SELECT d = t FROM dyad_cast;
SELECT d = t::dyad, d::text = t FROM dyad_cast ORDER BY d;
SELECT dyad('804/056'), text('UA-BE'::dyad), CAST('bel ukr' AS dyad);

-- try_dyad finds what would fail, for migrations
SELECT s, try_dyad(s)
FROM (VALUES ('BE-UA'), ('ukr:bel'), (''), ('UA-UA'), ('Ukraine-Belgium'), ('BEUA'),
             ('BE-UA-US'), ('XX-UA'), (NULL)) AS v(s);

-- Bad text: each error with its SQLSTATE, message, detail and hint
CREATE FUNCTION pg_temp.input_error(input text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	state text; msg text; detail text; hint text;
BEGIN
	PERFORM input::dyad;
	RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN state || ' ' || msg || E'\n      ' || detail
		|| coalesce(E'\n      HINT: ' || nullif(hint, ''), '');
END $$;
-- empty, too long, control characters
SELECT pg_temp.input_error(s)
FROM (VALUES (''), ('   '), (repeat('x', 65)), ('BE-' || repeat(' ', 60) || 'UA'),
             (repeat('x', 1000000)), (repeat('-', 1000000)), (E'BE\x01UA'),
             (E'BE-UA\x7f'), (E'\x1b[1mBE-UA')) AS v(s);
-- one party, no separator, more than two parts
SELECT pg_temp.input_error(s)
FROM (VALUES ('BE'), ('ukr'), ('Belgium'), ('BEUA'), ('BELUKR'), ('056804'), ('UAUA'),
             ('BE,UA'), ('BE_UA'), ('BE–UA'), ('Atlantis'), ('BE-UA-US'), ('BE--UA'),
             ('BE UA US'), ('BE:UA/US'), ('---')) AS v(s);
-- a side missing or wrong: which side, and why
SELECT pg_temp.input_error(s)
FROM (VALUES ('BE-'), ('-UA'), ('BE - '), ('-'), ('XX-UA'), ('UA-XX'), ('UA : XXX'),
             ('999/BE'), ('BE:000'), ('0056-BE'), ('+56 UA'), ('UK-BE'), ('BE:el'),
             ('B-UA'), ('BE-UA5'), ('Ukraine-Belgium'), ('UA - Belgum'),
             ('United Kingdom/UA'), ('Бельгія-UA'), ('BE-ÜA'),
             ('BE-' || repeat('é', 30))) AS v(s);
-- the same party twice
SELECT pg_temp.input_error(s)
FROM (VALUES ('UA-UA'), ('ua:UKR'), ('804 UA'), ('EU/eu')) AS v(s);
-- the same errors as psql shows them
\set VERBOSITY default
SELECT 'UA-UA'::dyad;
\echo :LAST_ERROR_SQLSTATE
SELECT 'XX-UA'::dyad;
\echo :LAST_ERROR_SQLSTATE
SELECT 'BEUA'::dyad;
\echo :LAST_ERROR_SQLSTATE
SELECT ''::dyad;
\echo :LAST_ERROR_SQLSTATE
SELECT repeat('B', 1000000)::dyad;
\echo :LAST_ERROR_SQLSTATE
SELECT dyad('UA', 'ukr');
\echo :LAST_ERROR_SQLSTATE
SELECT dyad('Ukraine', 'Atlantis');
\echo :LAST_ERROR_SQLSTATE
SELECT counterpart('BE-UA', 'US');
\echo :LAST_ERROR_SQLSTATE

-- Binary I/O: a binary COPY round trip of every dyad
CREATE TABLE dyad_io (id int, d dyad);
INSERT INTO dyad_io SELECT row_number() OVER (ORDER BY d), d FROM all_dyads;
\copy dyad_io TO 'results/regress/dyad.bin' WITH (FORMAT binary)
CREATE TABLE dyad_io_back (LIKE dyad_io);
\copy dyad_io_back FROM 'results/regress/dyad.bin' WITH (FORMAT binary)
SELECT count(*) AS rows, count(*) FILTER (WHERE a.d = b.d) AS equal
FROM dyad_io a JOIN dyad_io_back b USING (id);
-- The binary format is the stored value, a big-endian uint32: the letters of
-- the lower party, then of the higher.  An int4 0x42455541 (1111840065) is BE-UA.
SELECT encode(dyad_send('UA-BE'), 'hex') AS send, encode(int4send(x'42455541'::int4), 'hex') AS int4;
TRUNCATE dyad_io_back;
\copy (SELECT 1, 1111840065::int4) TO 'results/regress/dyad_int4.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_int4.bin' WITH (FORMAT binary)
SELECT * FROM dyad_io_back;
-- Corrupted payloads are rejected, never stored, with a detail saying why
-- UA-BE, the wrong order
\copy (SELECT 1, 1430340165::int4) TO 'results/regress/dyad_bad1.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad1.bin' WITH (FORMAT binary)
-- UA-UA, the same party twice
\copy (SELECT 1, 1430345025::int4) TO 'results/regress/dyad_bad2.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad2.bin' WITH (FORMAT binary)
-- AA-UA and UA-XX: a code that is no party's, first or second
\copy (SELECT 1, 1094800705::int4) TO 'results/regress/dyad_bad3.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad3.bin' WITH (FORMAT binary)
\copy (SELECT 1, 1430345816::int4) TO 'results/regress/dyad_bad4.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad4.bin' WITH (FORMAT binary)
-- be-ua in lower case letters
\copy (SELECT 1, 1650816353::int4) TO 'results/regress/dyad_bad5.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad5.bin' WITH (FORMAT binary)
-- the text BE-UA, 5 bytes; an int8 holding BE-UA, 8 bytes; an int2; nothing
\copy (SELECT 1, 'BE-UA'::text) TO 'results/regress/dyad_bad6.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad6.bin' WITH (FORMAT binary)
\copy (SELECT 1, 1111840065::int8) TO 'results/regress/dyad_bad7.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad7.bin' WITH (FORMAT binary)
\copy (SELECT 1, 16965::int2) TO 'results/regress/dyad_bad8.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad8.bin' WITH (FORMAT binary)
\copy (SELECT 1, ''::text) TO 'results/regress/dyad_bad9.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad9.bin' WITH (FORMAT binary)
-- and the SQLSTATE of each, 22P03 (psql does not set LAST_ERROR_SQLSTATE
-- after \copy, so it is shown this way)
\set VERBOSITY sqlstate
\copy dyad_io_back FROM 'results/regress/dyad_bad1.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad2.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad3.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad4.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad5.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad6.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad7.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad8.bin' WITH (FORMAT binary)
\copy dyad_io_back FROM 'results/regress/dyad_bad9.bin' WITH (FORMAT binary)
\set VERBOSITY default
SELECT count(*) AS rows_after_rejects FROM dyad_io_back;

-- Operator classes are complete and consistent
SELECT opc.opcname, am.amname, opc.opcdefault, amvalidate(opc.oid)
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcintype = 'dyad'::regtype ORDER BY am.amname;
SELECT o.oid::regoperator AS operator, o.oprcom::regoperator AS commutator,
       o.oprnegate::regoperator AS negator, o.oprrest AS restrict, o.oprjoin AS join,
       o.oprcanhash AS hashes, o.oprcanmerge AS merges
FROM pg_operator o
WHERE 'dyad'::regtype IN (o.oprleft, o.oprright)
ORDER BY o.oprname, o.oprleft::regtype::text;

-- Every function is commented and marked truthfully: immutable, strict and
-- parallel safe; leakproof only where it raises no error; the estimators
-- read statistics, so stable
SELECT p.oid::regprocedure AS function, p.provolatile AS vol, p.proisstrict AS strict,
       p.proparallel AS par, p.proleakproof AS leakproof,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p
JOIN pg_depend dep ON dep.classid = 'pg_proc'::regclass AND dep.objid = p.oid AND dep.deptype = 'e'
JOIN pg_extension e ON e.oid = dep.refobjid AND e.extname = 'secpact'
WHERE p.proname LIKE '%dyad%' OR 'dyad'::regtype = ANY (p.proargtypes)
   OR p.prorettype = 'dyad'::regtype
ORDER BY p.oid::regprocedure::text;
SELECT obj_description('dyad'::regtype, 'pg_type') IS NOT NULL AS type_commented;

-- btree and hash indexes: used, and agreeing with a sequential scan
CREATE INDEX all_dyads_btree ON all_dyads (d);
ANALYZE all_dyads;
EXPLAIN (COSTS OFF) SELECT * FROM all_dyads WHERE d = 'UA-BE';
EXPLAIN (COSTS OFF) SELECT * FROM all_dyads WHERE d >= 'UA-US' AND d < 'UA-ZW';
EXPLAIN (COSTS OFF) SELECT * FROM all_dyads ORDER BY d LIMIT 3;
SELECT * FROM all_dyads WHERE d = 'UA-BE';
SELECT count(*) FROM all_dyads WHERE d >= 'UA-US' AND d < 'UA-ZW';
SELECT * FROM all_dyads ORDER BY d LIMIT 3;
SELECT * FROM all_dyads ORDER BY d DESC LIMIT 3;
-- the whole index, in index order (dyad_cmp), is the sort order (sort support)
SET enable_seqscan = off;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT d FROM all_dyads ORDER BY d;
CREATE TEMP TABLE ordered AS
	SELECT string_agg(d::text, ',') AS via_index FROM (SELECT d FROM all_dyads ORDER BY d) s;
RESET enable_seqscan;
RESET enable_sort;
SET enable_indexscan = off;
SET enable_indexonlyscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT d FROM all_dyads ORDER BY d;
SELECT via_index = (SELECT string_agg(d::text, ',') FROM (SELECT d FROM all_dyads ORDER BY d) s)
	AS index_order_is_sort_order
FROM ordered;
RESET enable_indexscan;
RESET enable_indexonlyscan;
RESET enable_bitmapscan;
DROP INDEX all_dyads_btree;
CREATE INDEX all_dyads_hash ON all_dyads USING hash (d);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM all_dyads WHERE d = 'UA-BE';
SELECT * FROM all_dyads WHERE d = 'UA-BE';
-- EXPLAIN (COSTS OFF) less the "Disabled: true" lines PostgreSQL 18 adds to
-- nodes that enable_* = off could not avoid: these tests check the plan's shape
CREATE FUNCTION pg_temp.explain(query text) RETURNS TABLE("QUERY PLAN" text)
LANGUAGE plpgsql AS $$
BEGIN
	FOR "QUERY PLAN" IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		CONTINUE WHEN "QUERY PLAN" ~ '^\s*Disabled: true$';
		RETURN NEXT;
	END LOOP;
END $$;
-- every dyad is found through the hash index
SET enable_hashjoin = off;
SET enable_mergejoin = off;
SELECT * FROM pg_temp.explain('SELECT count(*) FROM dyad_io a JOIN all_dyads b ON b.d = a.d');
SELECT count(*) FROM dyad_io a JOIN all_dyads b ON b.d = a.d;
RESET enable_seqscan;
RESET enable_bitmapscan;
RESET enable_hashjoin;
RESET enable_mergejoin;

-- Hash and merge joins, hash aggregation, sorting
CREATE TABLE dyad_pairs AS
	SELECT i, (SELECT array_agg(d ORDER BY d) FROM all_dyads)[1 + i * 7 % 31125] AS d
	FROM generate_series(1, 20000) AS i;
ANALYZE dyad_pairs;
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM dyad_pairs a JOIN all_dyads b ON a.d = b.d;
SELECT count(*) FROM dyad_pairs a JOIN all_dyads b ON a.d = b.d;
RESET enable_mergejoin;
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM dyad_pairs a JOIN all_dyads b ON a.d = b.d;
SELECT count(*) FROM dyad_pairs a JOIN all_dyads b ON a.d = b.d;
RESET enable_hashjoin;
RESET enable_nestloop;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT d, count(*) FROM dyad_pairs GROUP BY d;
RESET enable_sort;
SELECT count(*) AS groups, min(n), max(n) FROM (SELECT d, count(*) AS n FROM dyad_pairs GROUP BY d) s;

-- Hashing: stable values (an on-disk contract): the stored value hashed as an
-- int4, so BE-UA hashes as the int4 0x42455541
SELECT dyad_hash('BE-UA'), dyad_hash_extended('BE-UA', 0), dyad_hash_extended('BE-UA', 1);
SELECT count(*) FILTER (WHERE dyad_hash(d) <> hashint4(v.sent)) AS hash_mismatches,
       count(*) FILTER (WHERE dyad_hash_extended(d, 7) <> hashint4extended(v.sent, 7)) AS extended_mismatches
FROM all_dyads,
     LATERAL (SELECT ('x' || encode(dyad_send(d), 'hex'))::bit(32)::int4) AS v(sent);

-- Hash partitioning routes rows by dyad
CREATE TABLE dyad_part (d dyad, n int) PARTITION BY HASH (d);
CREATE TABLE dyad_part_0 PARTITION OF dyad_part FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE dyad_part_1 PARTITION OF dyad_part FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE dyad_part_2 PARTITION OF dyad_part FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO dyad_part SELECT d, 1 FROM all_dyads;
SELECT tableoid::regclass, count(*) FROM dyad_part GROUP BY 1 ORDER BY 1;
SELECT count(*) AS misrouted FROM dyad_part
WHERE NOT satisfies_hash_partition('dyad_part'::regclass, 3, right(tableoid::regclass::text, 1)::int, d);
EXPLAIN (COSTS OFF) SELECT * FROM dyad_part WHERE d = 'UA-BE';
SELECT tableoid::regclass, d FROM dyad_part WHERE d = 'UA-BE';

-- A table of agreements large and skewed enough for the planner to choose
-- honestly: UA is a hub in 30% of the rows, BE in some 6%, TV in 101 rows and
-- NR in 3; the rest are pairs leaning towards the start of the alphabet.
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.25);
-- autovacuum off: it would merge GIN's pending list at a moment of its own
CREATE TABLE agreements (id int, parties dyad) WITH (autovacuum_enabled = off);
INSERT INTO agreements
SELECT i, CASE
		WHEN i % 10 < 3 THEN dyad('UA', pool.p[1 + floor(247 * random() ^ 2)::int])
		WHEN i % 20 = 3 THEN dyad('BE', pool.p[1 + (pool.be + 1 + floor(246 * random())::int) % 247])
		WHEN i % 600 = 7 THEN dyad('TV', pool.p[1 + floor(247 * random())::int])
		ELSE dyad(pool.p[1 + a], pool.p[1 + (a + 1 + floor(246 * random())::int) % 247])
	END
FROM (SELECT array_agg(party ORDER BY party) AS p,
             array_position(array_agg(party ORDER BY party), 'BE') - 1 AS be
      FROM parties() WHERE party NOT IN ('UA', 'TV', 'NR')) AS pool,
     (SELECT i, floor(247 * random() ^ 3)::int AS a FROM generate_series(1, 60000) AS i) AS g;
INSERT INTO agreements VALUES (60001, 'NR-AU'), (60002, 'NR-NZ'), (60003, 'NR-TV');
ANALYZE agreements;
SELECT count(*) AS rows, count(*) FILTER (WHERE parties @> 'UA') AS ua,
       count(*) FILTER (WHERE parties @> 'TV') AS tv, count(*) FILTER (WHERE parties @> 'NR') AS nr
FROM agreements;

-- ANALYZE stores, beside the usual statistics, the share of rows that involve
-- each party (pg_stats shows them as most_common_elems): every party sampled,
-- in party order, then the minimum and maximum share
SELECT array_length(e, 1) BETWEEN 249 AND 250 AS parties_seen,
       e = (SELECT array_agg(x ORDER BY x) FROM unnest(e) AS x) AS in_order,
       array_length(f, 1) = array_length(e, 1) + 2 AS with_min_and_max,
       f[array_position(e, 'UA')] BETWEEN 0.28 AND 0.32 AS ua_share,
       f[array_position(e, 'TV')] BETWEEN 0.0008 AND 0.0026 AS tv_share,
       array_length(most_common_vals::text::dyad[], 1) > 0 AS has_mcv,
       array_length(histogram_bounds::text::dyad[], 1) > 0 AS has_histogram
FROM pg_stats, LATERAL (SELECT most_common_elems::text::party[], most_common_elem_freqs) AS s(e, f)
WHERE tablename = 'agreements' AND attname = 'parties';

-- Estimates from those statistics: the top scan node's estimated rows against
-- its actual rows.  The raw numbers depend on ANALYZE's random sample, so the
-- test shows whether the estimate is within a factor of two of the actual
-- rows, and whether the constant an estimator without statistics uses (2/250
-- of the rows for @>, 497/31125 for &&) would be.
CREATE FUNCTION pg_temp.estimate(tab regclass, cond text, default_sel float8,
	OUT clause text, OUT within_2x boolean, OUT default_within_2x boolean,
	OUT estimated float8, OUT actual float8)
LANGUAGE plpgsql AS $$
DECLARE
	plan json;
	node json;
	total float8;
BEGIN
	EXECUTE format('EXPLAIN (ANALYZE, COSTS ON, TIMING OFF, SUMMARY OFF, FORMAT JSON) SELECT * FROM %s WHERE %s',
				   tab, cond) INTO plan;
	clause := cond;
	node := plan->0->'Plan';
	WHILE node->>'Node Type' NOT LIKE '%Scan' LOOP
		node := node->'Plans'->0;
	END LOOP;
	estimated := (node->>'Plan Rows')::float8;
	actual := (node->>'Actual Rows')::float8;
	SELECT reltuples INTO total FROM pg_class WHERE oid = tab;
	within_2x := estimated BETWEEN actual / 2 AND actual * 2;
	default_within_2x := total * default_sel BETWEEN actual / 2 AND actual * 2;
END $$;
SELECT e.clause, e.within_2x, e.default_within_2x
FROM (VALUES ('parties @> ''UA''', 249 / 31125.0),
             ('''UA'' <@ parties', 249 / 31125.0),
             ('parties @> ''BE''', 249 / 31125.0),
             ('parties @> ''TV''', 249 / 31125.0),
             ('parties && ''BE-UA''', 497 / 31125.0),
             ('parties && ''NR-TV''', 497 / 31125.0)) AS v(clause, sel),
     LATERAL pg_temp.estimate('agreements', v.clause, v.sel) AS e;
-- A party in 3 of 60003 rows may be missing from ANALYZE's sample; it is
-- then taken to be rarer than the rarest party sampled (half its share, as
-- PostgreSQL does for array elements), here TV's 101 rows.  Either way far
-- fewer rows than the constant's 480.
SELECT actual, estimated < 100 AS far_below_default
FROM pg_temp.estimate('agreements', 'parties @> ''NR''', 249 / 31125.0);
-- Nulls involve no party: with three rows in four null, UA's share of the
-- others is scaled down accordingly
CREATE TABLE agreements_nulls AS
	SELECT id, CASE WHEN id % 4 = 0 THEN parties END AS parties FROM agreements;
ANALYZE agreements_nulls;
SELECT e.clause, e.within_2x, e.default_within_2x
FROM (VALUES ('parties @> ''UA''', 249 / 31125.0),
             ('parties && ''BE-UA''', 497 / 31125.0)) AS v(clause, sel),
     LATERAL pg_temp.estimate('agreements_nulls', v.clause, v.sel) AS e;
-- = between dyads estimates as eqsel does, but reads the statistics once for
-- a whole = ANY (array) rather than once per element: the estimates must be
-- eqsel's to the row, compared through an operator that uses eqsel itself,
-- for single dyads (common, rare, absent) and for arrays (those of UA, TV
-- and NR, as the planner support builds them, and one with a null)
CREATE OPERATOR pg_temp.=== (LEFTARG = dyad, RIGHTARG = dyad, FUNCTION = dyad_eq,
	RESTRICT = eqsel);
CREATE FUNCTION pg_temp.estimated_rows(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
	RETURN (plan->0->'Plan'->>'Plan Rows')::float8;
END $$;
SELECT v.tab, v.cond, e.rows > 0 AS some_rows, e.rows = e.eqsel_rows AS same_as_eqsel
FROM (VALUES ('agreements', 'parties %s ''AD-UA'''),
             ('agreements', 'parties %s ''NR-TV'''),
             ('agreements', 'parties %s ''AD-AE'''),
             ('agreements', 'parties %s ANY (dyads_involving(''UA''))'),
             ('agreements', 'parties %s ANY (dyads_involving(''TV''))'),
             ('agreements', 'parties %s ANY (dyads_involving(''NR''))'),
             ('agreements', 'parties %s ANY (ARRAY[''BE-UA'', NULL, ''NR-TV'']::dyad[])'),
             ('agreements_nulls', 'parties %s ANY (dyads_involving(''UA''))')) AS v(tab, cond),
     LATERAL (SELECT pg_temp.estimated_rows(format('SELECT * FROM %s WHERE %s', v.tab,
                                                   format(v.cond, 'OPERATOR(public.=)'))) AS rows,
                     pg_temp.estimated_rows(format('SELECT * FROM %s WHERE %s', v.tab,
                                                   format(v.cond, 'OPERATOR(pg_temp.===)'))) AS eqsel_rows) AS e;
-- Without per-party statistics, as for a party column against a constant
-- dyad, the operator is applied to the column's MCV list and histogram
CREATE TABLE signatories AS
	SELECT id, p FROM agreements, unnest(dyad_parties(parties)) AS p;
ANALYZE signatories;
SELECT e.clause, e.within_2x, e.default_within_2x
FROM pg_temp.estimate('signatories', 'p <@ ''BE-UA''', 249 / 31125.0) AS e;
-- No rows, or only nulls: ANALYZE and the estimators cope
CREATE TABLE no_dyads (d dyad);
ANALYZE no_dyads;
INSERT INTO no_dyads SELECT NULL FROM generate_series(1, 1000);
ANALYZE no_dyads;
SELECT null_frac, most_common_elems FROM pg_stats WHERE tablename = 'no_dyads';
SELECT e.clause, e.actual, e.estimated <= 1 AS at_most_one
FROM (VALUES ('d @> ''UA'''), ('d && ''BE-UA''')) AS v(clause),
     LATERAL pg_temp.estimate('no_dyads', v.clause, 0) AS e;

-- GIN, the default operator class for dyads: @>, && and, by commutation,
-- <@ are answered from the index, chosen by the planner on its own
CREATE INDEX agreements_parties ON agreements USING gin (parties);
EXPLAIN (COSTS OFF) SELECT * FROM agreements WHERE parties @> 'TV';
EXPLAIN (COSTS OFF) SELECT * FROM agreements WHERE 'TV' <@ parties;
EXPLAIN (COSTS OFF) SELECT * FROM agreements WHERE parties && 'NR-TV';
SELECT * FROM agreements WHERE parties @> 'NR' ORDER BY id;
SELECT count(*) FROM agreements WHERE 'TV' <@ parties;
SELECT count(*) FROM agreements WHERE parties && 'NR-TV';

-- Rows added since the index was built wait in GIN's pending list, which is
-- searched with dyad_gin_consistent; the main tree is searched with
-- dyad_gin_triconsistent.  Both must answer what a sequential scan answers.
INSERT INTO agreements
	SELECT 100000 + row_number() OVER (ORDER BY d), d FROM all_dyads
	WHERE d @> 'TV' OR d @> 'NR' OR d @> 'UA' OR d @> 'ZW';
-- for every party, @> through the index (a parameter, so the same plan for
-- hub and rare parties) ...
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT p.party, s.* FROM parties() p,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties @> p.party) s;
CREATE TEMP TABLE contains_by_index AS
SELECT p.party, s.* FROM parties() p,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties @> p.party) s;
RESET enable_seqscan;
-- ... <@ by sequential scan ...
SET enable_bitmapscan = off;
SET enable_indexscan = off;
CREATE TEMP TABLE contains_by_seqscan AS
SELECT p.party, s.* FROM parties() p,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE p.party <@ a.parties) s;
RESET enable_bitmapscan;
RESET enable_indexscan;
-- ... and with no containment operator at all
CREATE TEMP TABLE contains_by_unnest AS
SELECT p AS party, count(*) AS n, sum(id) AS ids
FROM agreements, unnest(dyad_parties(parties)) AS p GROUP BY p;
SELECT count(*) AS parties,
       count(*) FILTER (WHERE i.n = s.n AND i.ids IS NOT DISTINCT FROM s.ids) AS index_equals_seqscan,
       count(*) FILTER (WHERE i.n = coalesce(u.n, 0) AND i.ids IS NOT DISTINCT FROM u.ids) AS index_equals_unnest,
       sum(i.n) = 2 * (SELECT count(*) FROM agreements) AS each_row_twice
FROM contains_by_index i JOIN contains_by_seqscan s USING (party)
LEFT JOIN contains_by_unnest u USING (party);
-- && for some 350 dyads (every one with NR, some 100 more), three ways: through
-- the index, by sequential scan (commuted), and from the per-party counts
-- (rows with either party, less the rows that are the dyad itself)
CREATE TEMP TABLE probes AS
	SELECT DISTINCT parties AS q FROM agreements WHERE id % 500 = 0 OR parties @> 'NR';
SET enable_seqscan = off;
SELECT * FROM pg_temp.explain($$SELECT q, s.* FROM probes,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties && q) s$$);
CREATE TEMP TABLE overlap_by_index AS
SELECT q, s.* FROM probes,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties && q) s;
RESET enable_seqscan;
SET enable_bitmapscan = off;
SET enable_indexscan = off;
CREATE TEMP TABLE overlap_by_seqscan AS
SELECT q, s.* FROM probes,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE q && a.parties) s;
RESET enable_bitmapscan;
RESET enable_indexscan;
CREATE TEMP TABLE overlap_by_counts AS
SELECT q, f.n + s.n - coalesce(e.n, 0) AS n, f.ids + s.ids - coalesce(e.ids, 0) AS ids
FROM probes
JOIN contains_by_unnest f ON f.party = first_party(q)
JOIN contains_by_unnest s ON s.party = second_party(q)
LEFT JOIN (SELECT parties, count(*) AS n, sum(id) AS ids FROM agreements GROUP BY parties) e
	ON e.parties = q;
SELECT count(*) > 300 AS many_probes,
       count(*) FILTER (WHERE (i.n, i.ids) IS DISTINCT FROM (s.n, s.ids)) AS index_differs_from_seqscan,
       count(*) FILTER (WHERE (i.n, i.ids) IS DISTINCT FROM (c.n, c.ids)) AS index_differs_from_counts,
       count(*) FILTER (WHERE q @> 'UA') > 0 AS with_hub, count(*) FILTER (WHERE q @> 'NR') AS with_nr
FROM overlap_by_index i JOIN overlap_by_seqscan s USING (q) JOIN overlap_by_counts c USING (q);
-- Once the pending list is merged into the main tree, the answers stay
SELECT gin_clean_pending_list('agreements_parties') > 0 AS pending_rows_merged;
SET enable_seqscan = off;
SELECT count(*) AS parties_differing
FROM contains_by_seqscan s,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties @> s.party) i
WHERE (i.n, i.ids) IS DISTINCT FROM (s.n, s.ids);
SELECT count(*) AS probes_differing
FROM overlap_by_seqscan s,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties && s.q) i
WHERE (i.n, i.ids) IS DISTINCT FROM (s.n, s.ids);
RESET enable_seqscan;

-- A btree index answers @>, <@ and && as well, through the planner support
-- of those operators: as = ANY of the dyads that involve the party (or share
-- one with the dyad), exactly, so the index condition replaces the operator.
-- Equality is bitwise, so the btree deduplicates: far smaller than without.
DROP INDEX agreements_parties;
CREATE INDEX agreements_parties_btree ON agreements (parties);
CREATE INDEX agreements_parties_nodedup ON agreements (parties) WITH (deduplicate_items = off);
SELECT pg_relation_size('agreements_parties_btree') < 0.6 * pg_relation_size('agreements_parties_nodedup')
	AS deduplicated;
DROP INDEX agreements_parties_nodedup;
-- EXPLAIN, with the dyads a constant stands for shortened to the first two and the last
CREATE FUNCTION pg_temp.plan(query text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN SELECT * FROM pg_temp.explain(query) LOOP
		RETURN NEXT regexp_replace(line, '''\{([^,]+),([^,]+),[^}]*,([^,}]+)\}''::dyad\[\]',
			'''{\1,\2,...,\3}''::dyad[] (' || coalesce(array_length(regexp_split_to_array(
				substring(line FROM '''\{([^}]*)\}''::dyad\[\]'), ','), 1), 0) || ' dyads)');
	END LOOP;
END $$;
SELECT * FROM pg_temp.plan($$SELECT * FROM agreements WHERE parties @> 'TV'$$);
SELECT * FROM pg_temp.plan($$SELECT * FROM agreements WHERE 'NR' <@ parties$$);
SELECT * FROM pg_temp.plan($$SELECT * FROM agreements WHERE parties && 'NR-TV'$$);
SELECT * FROM pg_temp.plan($$SELECT * FROM agreements WHERE dyad_contains_party(parties, 'TV')$$);
SELECT * FROM agreements WHERE parties @> 'NR' ORDER BY id;
SELECT count(*) FROM agreements WHERE 'TV' <@ parties;
SELECT count(*) FROM agreements WHERE parties && 'NR-TV';
-- for every party and probe, through the index (a parameter: = ANY of
-- dyads_involving() of it, computed once per scan), by index scan and by
-- bitmap scan, the same rows as a sequential scan
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF)
SELECT p.party, s.* FROM parties() p,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties @> p.party) s;
SELECT count(*) AS parties_differing
FROM contains_by_seqscan s,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties @> s.party) i
WHERE (i.n, i.ids) IS DISTINCT FROM (s.n, s.ids);
SELECT count(*) AS parties_differing
FROM contains_by_seqscan s,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE s.party <@ a.parties) i
WHERE (i.n, i.ids) IS DISTINCT FROM (s.n, s.ids);
SELECT count(*) AS probes_differing
FROM overlap_by_seqscan s,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties && s.q) i
WHERE (i.n, i.ids) IS DISTINCT FROM (s.n, s.ids);
RESET enable_bitmapscan;
SET enable_indexscan = off;
SELECT * FROM pg_temp.explain($$SELECT q, s.* FROM probes,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties && q) s$$);
SELECT count(*) AS parties_differing
FROM contains_by_seqscan s,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties @> s.party) i
WHERE (i.n, i.ids) IS DISTINCT FROM (s.n, s.ids);
SELECT count(*) AS probes_differing
FROM overlap_by_seqscan s,
	LATERAL (SELECT count(*) AS n, sum(a.id) AS ids FROM agreements a WHERE a.parties && s.q) i
WHERE (i.n, i.ids) IS DISTINCT FROM (s.n, s.ids);
RESET enable_indexscan;
-- a prepared statement's generic plan names the function
PREPARE involving(party) AS SELECT count(*) FROM agreements WHERE parties @> $1;
SET plan_cache_mode = force_generic_plan;
EXPLAIN (COSTS OFF) EXECUTE involving('TV');
EXECUTE involving('TV');
RESET plan_cache_mode;
DEALLOCATE involving;
-- what the index cannot answer it does not claim: the party from the row
-- itself, a hash index, a btree over parties
SELECT * FROM pg_temp.plan($$SELECT * FROM agreements WHERE dyad_contains_party(parties, first_party(parties))$$);
SELECT * FROM pg_temp.plan($$SELECT * FROM all_dyads WHERE d @> 'UA'$$);
RESET enable_seqscan;
CREATE TABLE some_parties AS SELECT party AS p FROM parties() CROSS JOIN generate_series(1, 40);
CREATE INDEX ON some_parties (p);
ANALYZE some_parties;
SELECT * FROM pg_temp.plan($$SELECT * FROM some_parties WHERE 'BE-UA'::dyad @> p$$);
SELECT count(*) FROM some_parties WHERE 'BE-UA'::dyad @> p;
DROP TABLE some_parties;
-- a party in more than 10,000 rows: the dyads as a constant array, which
-- the planner estimates element by element from the statistics (here, FR in
-- a third of the rows, and UA in a fifth)
INSERT INTO agreements SELECT 200000 + i, dyad('FR', p.a[1 + i % 249])
FROM generate_series(1, 30000) AS i,
	 (SELECT array_agg(party ORDER BY party) AS a FROM parties() WHERE party NOT IN ('FR', 'UA')) AS p;
ANALYZE agreements;
SELECT * FROM pg_temp.plan($$SELECT count(*) FROM agreements WHERE parties @> 'UA'$$);
SELECT count(*) FROM agreements WHERE parties @> 'FR';
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT count(*) FROM agreements WHERE parties @> 'FR';
RESET enable_indexscan;
RESET enable_bitmapscan;
-- the lists themselves
SELECT array_length(dyads_involving('UA'), 1) AS involving_ua, (dyads_involving('UA'))[1:3] AS first_three,
	   array_length(dyads_overlapping('BE-UA'), 1) AS overlapping_be_ua,
	   dyads_involving(NULL) IS NULL AS strict;
SELECT bool_and(d @> 'UA') AS all_involve_ua, count(DISTINCT d) AS distinct_dyads
FROM unnest(dyads_involving('UA')) AS d;
SELECT bool_and(d && 'BE-UA') AS all_overlap, count(DISTINCT d) AS distinct_dyads
FROM unnest(dyads_overlapping('BE-UA')) AS d;
