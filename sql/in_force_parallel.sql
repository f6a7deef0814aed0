-- Issue #21: in_force() over many rows reads the superseded ids once per
-- snapshot.  A parallel worker's read failed ("reading superseded
-- agreements failed: SPI_OK_UTILITY"), and the active snapshot, a copy
-- without a completion count, was never read in bulk, so that every row
-- made a query of its own.  The answer must be the same with and without
-- parallel workers.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;

-- 1,000 agreements of one dyad, each even one superseding the odd one before
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, supersedes)
SELECT 970000 + i, 'BE-UA', 'in-force-parallel', date '2000-01-01' + i, date '2000-01-01' + i,
	   CASE WHEN i % 2 = 0 THEN 970000 + i - 1 END
FROM generate_series(1, 1000) i;
ANALYZE secpact.agreement;
CREATE FUNCTION pg_temp.plan_has(query text, node text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	plan text;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
	RETURN plan LIKE '%"' || node || '"%';
END $$;

-- in one backend: the odd ones are superseded by 2010 (all 1,000 in force
-- then); by 2001-06-01 only the first 517 had entered into force
SELECT count(*) AS in_force_2010 FROM secpact.agreement a
WHERE a.kind = 'in-force-parallel' AND in_force(a, '2010-01-01');
SELECT count(*) AS in_force_2001 FROM secpact.agreement a
WHERE a.kind = 'in-force-parallel' AND in_force(a, '2001-06-01');

-- the same in parallel workers, the leader taking no part
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SELECT pg_temp.plan_has($$SELECT count(*) FROM secpact.agreement a
	WHERE a.kind = 'in-force-parallel' AND in_force(a, '2010-01-01')$$, 'Gather') AS parallel_plan;
SELECT count(*) AS in_force_2010 FROM secpact.agreement a
WHERE a.kind = 'in-force-parallel' AND in_force(a, '2010-01-01');
SELECT count(*) AS in_force_2001 FROM secpact.agreement a
WHERE a.kind = 'in-force-parallel' AND in_force(a, '2001-06-01');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

-- a superseding agreement added in the same transaction counts at once
BEGIN;
SELECT count(*) AS before_insert FROM secpact.agreement a
WHERE a.kind = 'in-force-parallel' AND a.id <= 971000 AND in_force(a, '2010-01-01');
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, supersedes)
VALUES (971001, 'BE-UA', 'in-force-parallel', '2003-01-01', '2003-01-01', 971000);
SELECT count(*) AS after_insert FROM secpact.agreement a
WHERE a.kind = 'in-force-parallel' AND a.id <= 971000 AND in_force(a, '2010-01-01');
ROLLBACK;
DELETE FROM secpact.agreement WHERE kind = 'in-force-parallel' AND supersedes IS NOT NULL;
DELETE FROM secpact.agreement WHERE kind = 'in-force-parallel';
