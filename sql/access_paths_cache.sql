-- Issue #21: the planner support's answer to "has this table both lookup
-- indexes" is kept per table and column between plans; creating, dropping or
-- (concurrently) building an index must change the next plan at once, in
-- this session as in another.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
CREATE TABLE apc (id int, d dyad, e dyad);
INSERT INTO apc SELECT i, dyad('UA', 'GB'), dyad('FR', 'DE') FROM generate_series(1, 50) i;
CREATE INDEX apc_d ON apc (d);
CREATE INDEX apc_e ON apc (e);
ANALYZE apc;
SET enable_seqscan = off;
-- one btree: = ANY, and the answer kept
EXPLAIN (COSTS OFF) SELECT id FROM apc WHERE d @> 'UA';
EXPLAIN (COSTS OFF) SELECT id FROM apc WHERE d @> 'UA';
-- the second index: two ranges at once
CREATE INDEX apc_d_higher ON apc (second_party(d));
EXPLAIN (COSTS OFF) SELECT id FROM apc WHERE d @> 'UA';
-- another column of the same table keeps its own answer
EXPLAIN (COSTS OFF) SELECT id FROM apc WHERE e @> 'FR';
-- dropped: = ANY again
DROP INDEX apc_d_higher;
EXPLAIN (COSTS OFF) SELECT id FROM apc WHERE d @> 'UA';
-- built concurrently (an index valid only at the end of its build)
CREATE INDEX CONCURRENTLY apc_d_higher ON apc (second_party(d));
EXPLAIN (COSTS OFF) SELECT id FROM apc WHERE d @> 'UA';
SELECT count(*) FROM apc WHERE d @> 'UA';
-- a table dropped and made again under the same name
DROP TABLE apc;
CREATE TABLE apc (id int, d dyad);
CREATE INDEX apc_d ON apc (d);
EXPLAIN (COSTS OFF) SELECT id FROM apc WHERE d @> 'UA';
DROP TABLE apc;
