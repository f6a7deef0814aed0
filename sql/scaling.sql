-- Beyond one machine: parallel query, hash partitioning, postgres_fdw
SET client_min_messages = warning;

--------------------------------------------------------------------------
-- Parallel query: secpact operators and aggregates run in the workers, and
-- the answer equals a serial run
--------------------------------------------------------------------------
CREATE TABLE big_events AS
SELECT i AS id, p.a[1 + abs(hashint4(i)) % 250] AS actor,
	   dyad(p.a[1 + x], p.a[1 + (x + 1 + abs(hashint4(-i)) % 249) % 250]) AS pair
FROM generate_series(1, 200000) AS i,
	 LATERAL (SELECT abs(hashint4(i + 1000000)) % 250 AS x) AS r,
	 (SELECT array_agg(party ORDER BY party) AS a FROM parties()) AS p;
ANALYZE big_events;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
SELECT count(*), min(actor), max(actor) FROM big_events WHERE pair @> 'UA'::party;
SELECT count(*), min(actor), max(actor) FROM big_events WHERE pair @> 'UA'::party;
SELECT count(*), min(actor), max(actor) FROM big_events WHERE pair @> 'UA'::party \gset parallel_
EXPLAIN (COSTS OFF)
SELECT actor, count(*) FROM big_events WHERE pair && 'UA-BE'::dyad GROUP BY actor;
SET max_parallel_workers_per_gather = 0;
SELECT count(*) = :parallel_count AND min(actor) = :'parallel_min'::party
	   AND max(actor) = :'parallel_max'::party AS serial_equals_parallel
FROM big_events WHERE pair @> 'UA'::party;
-- grouping and hashing by party agree between serial and parallel plans
CREATE TEMP TABLE serial_groups AS SELECT actor, count(*) AS n FROM big_events GROUP BY actor;
SET max_parallel_workers_per_gather = 2;
CREATE TEMP TABLE parallel_groups AS SELECT actor, count(*) AS n FROM big_events GROUP BY actor;
SELECT count(*) AS groups, count(*) FILTER (WHERE s.n = p.n) AS equal
FROM serial_groups s FULL JOIN parallel_groups p USING (actor);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- the extension's own functions, for the three checks below
CREATE TEMP VIEW secpact_function AS
SELECT p.*
FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'secpact';
-- every secpact function is parallel safe but these, each named: the
-- trigger function agreement_supersession_check (it takes a lock and a
-- command id), distribute_registry and its distribute_registry_* helpers
-- (DDL and Citus's own unsafe functions), load_atop and its load_atop_*
-- helpers (they write the registry)
SELECT p.oid::regprocedure AS not_parallel_safe, p.proparallel
FROM secpact_function p
WHERE p.proparallel <> 's'
ORDER BY p.oid::regprocedure::text COLLATE "C";
SELECT count(*) AS parallel_safe
FROM secpact_function p
WHERE p.proparallel = 's';
-- every aggregate has a combine function, and serializes an internal state
SELECT a.aggfnoid::regprocedure, a.aggcombinefn <> 0 AS has_combine,
	   a.aggtranstype <> 'internal'::regtype OR (a.aggserialfn <> 0 AND a.aggdeserialfn <> 0) AS serializable
FROM pg_aggregate a JOIN secpact_function p ON p.oid = a.aggfnoid
ORDER BY a.aggfnoid::regprocedure::text COLLATE "C";

--------------------------------------------------------------------------
-- Hash partitioning by a party column and by a dyad column: rows route to
-- one partition per value, and equality prunes
--------------------------------------------------------------------------
CREATE TABLE by_hub (hub party NOT NULL, id int) PARTITION BY HASH (hub);
CREATE TABLE by_hub_0 PARTITION OF by_hub FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE by_hub_1 PARTITION OF by_hub FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE by_hub_2 PARTITION OF by_hub FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE by_hub_3 PARTITION OF by_hub FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO by_hub SELECT actor, id FROM big_events;
SELECT count(*) AS hubs_in_more_than_one_partition
FROM (SELECT hub FROM by_hub GROUP BY hub HAVING count(DISTINCT tableoid) > 1) s;
SELECT tableoid::regclass, count(*) > 0 AS used FROM by_hub GROUP BY 1 ORDER BY 1;
EXPLAIN (COSTS OFF) SELECT count(*) FROM by_hub WHERE hub = 'UA';
SELECT count(*) = (SELECT count(*) FROM big_events WHERE actor = 'UA') AS routed_completely
FROM by_hub WHERE hub = 'UA';

CREATE TABLE by_pair (pair dyad NOT NULL, id int) PARTITION BY HASH (pair);
CREATE TABLE by_pair_0 PARTITION OF by_pair FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE by_pair_1 PARTITION OF by_pair FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE by_pair_2 PARTITION OF by_pair FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO by_pair SELECT pair, id FROM big_events;
SELECT count(*) AS pairs_in_more_than_one_partition
FROM (SELECT pair FROM by_pair GROUP BY pair HAVING count(DISTINCT tableoid) > 1) s;
SELECT tableoid::regclass, count(*) > 0 AS used FROM by_pair GROUP BY 1 ORDER BY 1;
EXPLAIN (COSTS OFF) SELECT count(*) FROM by_pair WHERE pair = 'BE-UA';
-- the partition of a value follows from the extended hash (stable, seeded)
SELECT satisfies_hash_partition('by_hub'::regclass, 4, 0, 'UA'::party) AS ua_in_0,
	   satisfies_hash_partition('by_hub'::regclass, 4, 1, 'UA'::party) AS ua_in_1,
	   satisfies_hash_partition('by_hub'::regclass, 4, 2, 'UA'::party) AS ua_in_2,
	   satisfies_hash_partition('by_hub'::regclass, 4, 3, 'UA'::party) AS ua_in_3;

--------------------------------------------------------------------------
-- postgres_fdw: with extensions 'secpact' the remote side evaluates secpact
-- operators and functions; without it they run locally
--------------------------------------------------------------------------
CREATE EXTENSION postgres_fdw;
CREATE TABLE remote_events AS SELECT * FROM big_events WHERE id <= 1000;
DO $$
BEGIN
	EXECUTE format('CREATE SERVER shard_with FOREIGN DATA WRAPPER postgres_fdw
		OPTIONS (host %L, port %L, dbname %L, extensions ''secpact'')',
		current_setting('unix_socket_directories'), current_setting('port'), current_database());
	EXECUTE format('CREATE SERVER shard_without FOREIGN DATA WRAPPER postgres_fdw
		OPTIONS (host %L, port %L, dbname %L)',
		current_setting('unix_socket_directories'), current_setting('port'), current_database());
END $$;
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_with;
CREATE USER MAPPING FOR CURRENT_USER SERVER shard_without;
CREATE FOREIGN TABLE events_with (id int, actor party, pair dyad)
	SERVER shard_with OPTIONS (table_name 'remote_events');
CREATE FOREIGN TABLE events_without (id int, actor party, pair dyad)
	SERVER shard_without OPTIONS (table_name 'remote_events');

EXPLAIN (VERBOSE, COSTS OFF)
SELECT id, counterpart(pair, 'UA') FROM events_with WHERE pair @> 'UA'::party AND actor = 'UA';
EXPLAIN (VERBOSE, COSTS OFF)
SELECT id, counterpart(pair, 'UA') FROM events_without WHERE pair @> 'UA'::party AND actor = 'UA';
-- the same rows either way
SELECT (SELECT count(*) FROM events_with WHERE pair @> 'UA'::party) AS pushed_down,
	   (SELECT count(*) FROM events_without WHERE pair @> 'UA'::party) AS local,
	   (SELECT count(*) FROM remote_events WHERE pair @> 'UA'::party) AS direct;
-- aggregates on party push down too
EXPLAIN (VERBOSE, COSTS OFF) SELECT actor, count(*) FROM events_with GROUP BY actor;

DROP FOREIGN TABLE events_with, events_without;
DROP SERVER shard_with CASCADE;
DROP SERVER shard_without CASCADE;
DROP EXTENSION postgres_fdw;
DROP TABLE big_events, remote_events, by_hub, by_pair;
RESET client_min_messages;
