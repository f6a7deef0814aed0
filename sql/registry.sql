-- The agreement registry and the signing order over it
SET client_min_messages = warning;

-- The registry lives in its own schema, the types where CREATE EXTENSION put them
SELECT n.nspname, c.relname, c.relkind
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'secpact' AND c.relkind IN ('r', 'S')
ORDER BY 2;
SELECT typnamespace::regnamespace FROM pg_type WHERE typname IN ('party', 'dyad');
-- both tables and the identity sequence are dumped with user data
SELECT extconfig::regclass[] FROM pg_extension WHERE extname = 'secpact';

--------------------------------------------------------------------------
-- The bundled data: Ukraine's bilateral security agreements
--------------------------------------------------------------------------
\i data/load-ukraine.sql
SELECT count(*) AS agreements, count(DISTINCT parties) AS dyads FROM secpact.agreement;

-- The founding sentence, as one query
SELECT position, counterpart FROM signing_order('UA') WHERE counterpart = 'BE';
-- ... with exactly these ten before it
SELECT array_agg(counterpart ORDER BY counterpart) = '{CA,DE,DK,ES,FI,FR,GB,IT,LV,NL}'::party[] AS exactly_these
FROM signing_order('UA') WHERE position < 11;

-- The whole order
SELECT * FROM signing_order('UA');

-- Published ordinals that the data reproduces (domain notes): all must match
WITH published(counterpart, ordinal, states_only) AS (VALUES
	('ES'::party, '10th', false), ('BE', '11th', false), ('PT', '12th', false),
	('IS', '14th', false), ('NO', '15th', false), ('RO', '23rd', false),
	('IE', '26th', false), ('IE', '25th', true), ('HR', '27th', false))
SELECT p.counterpart, p.ordinal AS published, s.ordinal AS computed, p.states_only,
	   p.ordinal = s.ordinal AS matches
FROM published p
LEFT JOIN LATERAL (SELECT * FROM signing_order('UA', states_only => p.states_only)) s
	ON s.counterpart = p.counterpart
ORDER BY p.ordinal, p.states_only;

-- Ties whose order within the day is unknown are not broken silently
SELECT position, array_agg(counterpart ORDER BY counterpart) AS counterparts, bool_and(shared) AS shared
FROM signing_order('UA') GROUP BY position HAVING count(*) > 1 ORDER BY position;
-- Without organisations the EU leaves the count and its day-mates stay tied
SELECT position, counterpart, ordinal, shared FROM signing_order('UA', states_only => true)
WHERE signed_on = '2024-06-27' OR counterpart IN ('PL', 'IE');

-- The window function over the registry agrees with signing_order
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE w.position = s.position) AS agreeing
FROM (SELECT counterpart(parties, 'UA') AS counterpart,
			 signing_position(counterpart(parties, 'UA'))
				 OVER (ORDER BY signed_on, day_order NULLS LAST) AS position
	  FROM secpact.agreement WHERE parties @> 'UA') w
JOIN signing_order('UA') s USING (counterpart);

-- Several signatories for one party (the EU), Unicode names
SELECT s.party, s.name, s.title
FROM secpact.signatory s JOIN secpact.agreement a ON a.id = s.agreement_id
WHERE a.parties @> 'EU' ORDER BY s.party, s.name;
SELECT name FROM secpact.signatory WHERE name ~ '[^\x01-\x7F]' ORDER BY name;

-- Signed outside both parties' territory
SELECT counterpart(parties, 'UA') AS counterpart, place, place_country
FROM secpact.agreement
WHERE NOT parties @> place_country
ORDER BY signed_on, day_order;

-- as_of and kind filters over the bundled data
SELECT count(*) FROM signing_order('UA', as_of => '2024-05-28');
SELECT count(*) FROM signing_order('UA', as_of => '2023-12-31');
SELECT count(*) FROM signing_order('UA', 'security');
SELECT count(*) FROM signing_order('UA', 'trade');
-- from the counterpart's side, Ukraine is its first and only partner
SELECT position, counterpart, ordinal FROM signing_order('BE');

-- partners(): first signing, number of agreements, in force (unknown here:
-- no entry into force is known for any bundled agreement)
SELECT * FROM partners('UA') WHERE counterpart IN ('GB', 'BE', 'EU');

--------------------------------------------------------------------------
-- Hand-made hard cases, around New Zealand (NZ), one kind per case
--------------------------------------------------------------------------
INSERT INTO secpact.agreement (parties, kind, signed_on, day_order) VALUES
	-- ties: AU and FJ on one day, order unknown; then JP
	('NZ-AU', 'ties', '2020-01-01', NULL),
	('NZ-FJ', 'ties', '2020-01-01', NULL),
	('NZ-JP', 'ties', '2020-02-01', NULL),
	-- day_order breaks a tie; a known order comes before an unknown one
	('NZ-AU', 'order', '2020-01-01', 2),
	('NZ-FJ', 'order', '2020-01-01', 1),
	('NZ-JP', 'order', '2020-01-01', NULL),
	-- repeat agreements: AU signs again and keeps its place
	('NZ-AU', 'repeat', '2020-01-01', NULL),
	('NZ-FJ', 'repeat', '2020-06-01', NULL),
	('NZ-AU', 'repeat', '2021-01-01', NULL),
	('NZ-JP', 'repeat', '2022-01-01', NULL),
	-- the EU as a party
	('NZ-EU', 'organisation', '2020-01-01', NULL),
	('NZ-AU', 'organisation', '2020-03-01', NULL);

SELECT position, counterpart, ordinal, shared FROM signing_order('NZ', 'ties');
SELECT position, counterpart, ordinal, shared FROM signing_order('NZ', 'order');
SELECT position, counterpart, signed_on FROM signing_order('NZ', 'repeat');
SELECT counterpart, first_signed, agreements FROM partners('NZ', 'repeat');
SELECT position, counterpart FROM signing_order('NZ', 'organisation');
SELECT position, counterpart FROM signing_order('NZ', 'organisation', states_only => true);
-- every kind together: a counterpart's first signing of any kind counts
SELECT position, counterpart, signed_on, shared FROM signing_order('NZ');
-- as_of before any signing: empty
SELECT count(*) FROM signing_order('NZ', as_of => '2019-12-31');
-- as_of on the day of a signing includes it
SELECT position, counterpart FROM signing_order('NZ', 'repeat', '2020-01-01');
-- NULLs: no hub, no order; a NULL kind or date means no filter
SELECT count(*) FROM signing_order(NULL);
SELECT count(*) FROM signing_order('NZ', NULL, NULL) ;

--------------------------------------------------------------------------
-- Lifecycle: entry into force, expiry, termination, supersession
--------------------------------------------------------------------------
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, expires_on, terminated_on, supersedes) VALUES
	(900001, 'NZ-CL', 'life', '2010-01-01', '2010-06-01', '2020-06-01', NULL, NULL),  -- expires
	(900002, 'NZ-PE', 'life', '2010-01-01', '2010-06-01', NULL, '2015-01-01', NULL),  -- terminated
	(900003, 'NZ-MX', 'life', '2010-01-01', '2010-06-01', NULL, NULL, NULL),          -- superseded ...
	(900004, 'NZ-MX', 'life', '2016-01-01', '2017-01-01', NULL, NULL, 900003),          -- ... by this, in force 2017
	(900005, 'NZ-CO', 'life', '2010-01-01', NULL, NULL, NULL, NULL);                  -- signature only

SELECT a.id, d AS on_date, in_force(a, d) AS in_force
FROM secpact.agreement a
CROSS JOIN unnest('{2009-12-31,2010-03-01,2012-01-01,2016-06-01,2017-01-01,2020-06-01}'::date[]) AS d
WHERE a.kind = 'life'
ORDER BY a.id, d;
-- attribute notation reads as well
SELECT a.id, a.in_force FROM secpact.agreement a WHERE a.kind = 'life' ORDER BY a.id;
-- terminated and superseded agreements still count in the signing order
SELECT position, counterpart, signed_on FROM signing_order('NZ', 'life');
SELECT counterpart, agreements, in_force FROM partners('NZ', 'life', '2018-01-01');

--------------------------------------------------------------------------
-- Constraints, each with its SQLSTATE
--------------------------------------------------------------------------
\set VERBOSITY default
INSERT INTO secpact.agreement (parties, kind, signed_on, entry_into_force) VALUES ('NZ-AU', 'x', '2020-01-02', '2020-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement (parties, kind, signed_on, expires_on) VALUES ('NZ-AU', 'x', '2020-01-02', '2020-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement (parties, kind, signed_on, terminated_on) VALUES ('NZ-AU', 'x', '2020-01-02', '2020-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement (id, parties, kind, signed_on, supersedes) VALUES (900100, 'NZ-AU', 'x', '2020-01-02', 900100);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement (parties, kind, signed_on, supersedes) VALUES ('NZ-AU', 'x', '2020-01-02', 123456789);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES ('NZ-AU', '', '2020-01-02');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement (parties, kind, signed_on, day_order) VALUES ('NZ-AU', 'x', '2020-01-02', 0);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES (NULL, 'x', '2020-01-02');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES ('NZ-NZ', 'x', '2020-01-02');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.signatory (agreement_id, party, name) VALUES (900001, 'FR', 'Someone');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.signatory (agreement_id, party, name) VALUES (900001, 'CL', 'Someone');
-- deleting an agreement takes its signatories along; a superseded one is protected
DELETE FROM secpact.agreement WHERE id = 900001;
SELECT count(*) FROM secpact.signatory WHERE agreement_id = 900001;
DELETE FROM secpact.agreement WHERE id = 900003;
\echo :LAST_ERROR_SQLSTATE

--------------------------------------------------------------------------
-- Index use on a larger registry
--------------------------------------------------------------------------
-- every party in some 800 rows, but Tuvalu (TV) in one
INSERT INTO secpact.agreement (parties, kind, signed_on, day_order, place)
SELECT d, 'synthetic', date '2000-01-01' + (i % 5000), CASE WHEN i % 7 = 0 THEN 1 + i % 3 END,
	   'city ' || i % 11
FROM (SELECT i, dyad(p.a[1 + (i * 7) % 250], p.a[1 + (i * 7 + 1 + i % 248) % 250]) AS d
	  FROM generate_series(1, 100000) AS i,
		   (SELECT array_agg(party ORDER BY party) AS a FROM parties()) AS p) s
WHERE NOT d @> 'TV';
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES ('TV-NZ', 'synthetic', '2020-01-01');
ANALYZE secpact.agreement;
-- one btree, agreement_parties, serves both lookups: a dyad, and a party as
-- = ANY of the 249 dyads that involve it (shortened here to the first two and
-- the last), through the planner support of @>
CREATE FUNCTION pg_temp.plan(query text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		RETURN NEXT regexp_replace(line, '''\{([^,]+),([^,]+),[^}]*,([^,}]+)\}''::dyad\[\]',
			'''{\1,\2,...,\3}''::dyad[] (' || coalesce(array_length(regexp_split_to_array(
				substring(line FROM '''\{([^}]*)\}''::dyad\[\]'), ','), 1), 0) || ' dyads)');
	END LOOP;
END $$;
-- (by name: their OIDs' order depends on the scripts that made them)
SELECT indexrelid::regclass, indisunique FROM pg_index WHERE indrelid = 'secpact.agreement'::regclass ORDER BY indexrelid::regclass::text;
SELECT * FROM pg_temp.plan($$SELECT * FROM secpact.agreement WHERE parties @> 'TV'::party$$);
EXPLAIN (COSTS OFF) SELECT * FROM secpact.agreement WHERE parties = 'NZ-AU'::dyad;
SELECT count(*) FROM secpact.agreement WHERE parties @> 'TV'::party;
SELECT position, counterpart FROM signing_order('UA', 'security') WHERE counterpart = 'BE';

-- signing_order reads the hub's agreements once into a table of first
-- signings (C, since 1.1); it gives exactly what the SQL of 1.0 gave, with
-- every filter, for every fifth hub and a few chosen ones (the SQL is slow)
CREATE FUNCTION pg_temp.signing_order_1_0(hub party, kind text DEFAULT NULL,
										  as_of date DEFAULT NULL, states_only boolean DEFAULT false)
	RETURNS TABLE("position" int, counterpart party, counterpart_name text,
				  signed_on date, place text, ordinal text, shared boolean)
	LANGUAGE sql STABLE
AS $$
WITH firsts AS (
	SELECT DISTINCT ON (c.counterpart) c.counterpart, a.signed_on, a.day_order, a.place
	FROM secpact.agreement a
	CROSS JOIN LATERAL (SELECT counterpart(a.parties, $1) AS counterpart) c
	WHERE a.parties @> $1
	  AND ($2 IS NULL OR a.kind = $2)
	  AND ($3 IS NULL OR a.signed_on <= $3)
	  AND NOT (coalesce($4, false) AND is_organisation(c.counterpart))
	ORDER BY c.counterpart, a.signed_on, a.day_order NULLS LAST, a.id
), ranked AS (
	SELECT (rank() OVER w)::int AS position, f.counterpart, f.signed_on, f.place,
		   count(*) OVER (PARTITION BY f.signed_on, f.day_order) > 1 AS shared
	FROM firsts f
	WINDOW w AS (ORDER BY f.signed_on, f.day_order NULLS LAST)
)
SELECT r.position, r.counterpart, party_name(r.counterpart), r.signed_on, r.place,
	   ordinal(r.position), r.shared
FROM ranked r
ORDER BY r.position, r.counterpart
$$;
CREATE TEMP TABLE filters (kind text, as_of date, states_only boolean);
INSERT INTO filters VALUES (NULL, NULL, false), ('synthetic', NULL, false), (NULL, '2003-06-30', NULL),
	('synthetic', '2001-01-31', true), ('security', NULL, true), ('no such kind', NULL, false);
SELECT f.kind, f.as_of, f.states_only, sum(c.rows) AS rows, count(*) FILTER (WHERE c.rows > 0) AS hubs,
	   count(*) FILTER (WHERE NOT c.same) AS hubs_differing
FROM filters f
CROSS JOIN (SELECT party FROM parties() WITH ORDINALITY AS x(party, a2, a3, num, name, org, n)
			WHERE n % 5 = 0 OR party IN ('UA', 'TV', 'NZ', 'EU', 'AD', 'ZW')) p
CROSS JOIN LATERAL (
	SELECT (SELECT count(*) FROM signing_order(p.party, f.kind, f.as_of, f.states_only)) AS rows,
		   (SELECT array_agg(s::text) FROM signing_order(p.party, f.kind, f.as_of, f.states_only) s)
		   IS NOT DISTINCT FROM
		   (SELECT array_agg(s::text) FROM pg_temp.signing_order_1_0(p.party, f.kind, f.as_of, f.states_only) s)
		   AS same) c
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
-- signing_orders: every hub's order from one scan, the same rows in the same
-- order as signing_order hub by hub
SELECT f.kind, f.as_of, f.states_only,
	   (SELECT count(*) FROM signing_orders(f.kind, f.as_of, f.states_only)) AS rows,
	   (SELECT array_agg(s::text) FROM signing_orders(f.kind, f.as_of, f.states_only) s)
	   IS NOT DISTINCT FROM
	   (SELECT array_agg(ROW(p.party, s."position", s.counterpart, s.counterpart_name, s.signed_on,
							 s.place, s.ordinal, s.shared)::text ORDER BY p.n, s.n)
		FROM parties() WITH ORDINALITY AS p(party, a2, a3, num, name, org, n),
			 signing_order(p.party, f.kind, f.as_of, f.states_only) WITH ORDINALITY AS
				s("position", counterpart, counterpart_name, signed_on, place, ordinal, shared, n))
	   AS same
FROM filters f ORDER BY 1, 2, 3;
-- in_force is inlined (since 1.1): a scan tests the row's own columns, and
-- asks the registry about supersession once (superseded(), which looks up
-- its first 64 calls one by one and then reads every superseded id at once);
-- it gives what the SQL of 1.0 gave, on every row, on dates around the data
UPDATE secpact.agreement a SET entry_into_force = a.signed_on + (i % 400)::int,
	expires_on = CASE WHEN i % 3 = 0 THEN a.signed_on + 3000 END,
	terminated_on = CASE WHEN i % 17 = 0 THEN a.signed_on + 2000 END
FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM secpact.agreement WHERE kind = 'synthetic') n
WHERE a.id = n.id AND n.i % 5 <> 0;
-- a supersession is within the dyad, and neither signed nor in force first (1.2)
UPDATE secpact.agreement a SET supersedes = (SELECT max(b.id) FROM secpact.agreement b
		WHERE b.id < a.id AND b.kind = 'synthetic' AND b.parties = a.parties AND b.signed_on <= a.signed_on
		  AND (b.entry_into_force IS NULL OR a.entry_into_force IS NULL OR b.entry_into_force <= a.entry_into_force))
FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM secpact.agreement WHERE kind = 'synthetic') n
WHERE a.id = n.id AND n.i % 5 <> 0 AND n.i % 29 = 0;
CREATE FUNCTION pg_temp.in_force_1_0(agreement secpact.agreement, on_date date DEFAULT CURRENT_DATE)
	RETURNS boolean LANGUAGE sql STABLE
AS $$
SELECT CASE
	WHEN $2 < ($1).signed_on THEN false
	WHEN ($1).terminated_on <= $2 THEN false
	WHEN ($1).expires_on <= $2 THEN false
	WHEN EXISTS (SELECT FROM secpact.agreement s
				 WHERE s.supersedes = ($1).id AND s.entry_into_force <= $2) THEN false
	WHEN ($1).entry_into_force IS NULL THEN NULL
	ELSE ($1).entry_into_force <= $2
END
$$;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT count(*) FROM secpact.agreement a WHERE in_force(a, '2010-01-01');
RESET max_parallel_workers_per_gather;
-- (every seventh row: the SQL of 1.0 is slow)
SELECT d, count(*) FILTER (WHERE in_force(a, d)) AS in_force, count(*) FILTER (WHERE in_force(a, d) IS NULL) AS unknown,
	   count(*) FILTER (WHERE in_force(a, d) IS DISTINCT FROM pg_temp.in_force_1_0(a, d)) AS differing
FROM unnest('{1999-12-31,2003-01-01,2008-06-30,2013-09-01,NULL}'::date[]) AS d, secpact.agreement a
WHERE a.id % 7 = 0
GROUP BY d ORDER BY d;
-- one row asked alone looks it up; a superseded one is not in force
SELECT a.id = s.supersedes AS superseded_row, in_force(a, '2020-01-01') AS in_force
FROM secpact.agreement a, (SELECT supersedes FROM secpact.agreement WHERE supersedes IS NOT NULL
						   AND entry_into_force <= '2020-01-01' ORDER BY id LIMIT 1) s
WHERE a.id = s.supersedes;
SELECT superseded(NULL, '2020-01-01') IS NULL AS strict;
-- in hub order, then by position and counterpart
SELECT bool_and(ok) AS in_order FROM (
	SELECT (hub, position, counterpart) >= lag((hub, position, counterpart)) OVER () AS ok
	FROM signing_orders()) s;
SELECT hub, position, counterpart, signed_on, ordinal, shared FROM signing_orders() WHERE hub = 'TV';
DELETE FROM secpact.agreement WHERE kind = 'synthetic';
RESET client_min_messages;
