-- Data a 1.0 database may hold, loaded before the update: the registry, and
-- party and dyad columns of a user table under btree, hash and GIN indexes.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
\i data/load-ukraine.sql
CREATE TABLE user_pairs (id int PRIMARY KEY, actor party NOT NULL, pair dyad);
INSERT INTO user_pairs
SELECT i, a, CASE WHEN a <> b THEN dyad(a, b) END
FROM generate_series(1, 5000) AS i,
	 LATERAL (SELECT (array_agg(party ORDER BY party))[1 + i % 250] AS a,
					 (array_agg(party ORDER BY party))[1 + (i * 37) % 250] AS b
			  FROM parties()) p;
CREATE INDEX user_pairs_actor ON user_pairs (actor);
CREATE INDEX user_pairs_actor_hash ON user_pairs USING hash (actor);
CREATE INDEX user_pairs_pair ON user_pairs (pair);
CREATE INDEX user_pairs_pair_gin ON user_pairs USING gin (pair);
ANALYZE user_pairs;
