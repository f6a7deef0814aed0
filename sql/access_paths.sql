-- Issue #21: the second access path for "involving a party".  With a btree
-- on a dyad column and one on second_party() of it, @> and <@ on a constant
-- party become two index ranges (a BitmapOr); without the second index, or
-- for anything but a constant, the one btree answers = ANY as before.  Both
-- forms must return exactly the rows @> returns, for every party.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;

-- every dyad of 40 parties, today's and former ones, 3 rows each, and NULLs
CREATE TABLE ap_pairs (id int, d dyad);
INSERT INTO ap_pairs
SELECT row_number() OVER (), dyad(a, b)
FROM (SELECT party FROM parties(include_former => true) ORDER BY party LIMIT 20) x(a),
	 (SELECT party FROM parties(include_former => true) ORDER BY party DESC LIMIT 20) y(b),
	 generate_series(1, 3)
WHERE a <> b;
INSERT INTO ap_pairs SELECT 100000 + i, NULL FROM generate_series(1, 5) i;
CREATE INDEX ap_pairs_d ON ap_pairs (d);
ANALYZE ap_pairs;
SET enable_seqscan = off;

-- the btree alone: = ANY of the party's dyads, as before
EXPLAIN (COSTS OFF) SELECT id FROM ap_pairs WHERE d @> 'AD';

-- with the index on the higher party: two ranges, or one for a party that is
-- never the lower one of a dyad (the last in party order)
CREATE INDEX ap_pairs_higher ON ap_pairs (second_party(d));
ANALYZE ap_pairs;
EXPLAIN (COSTS OFF) SELECT id FROM ap_pairs WHERE d @> 'AD';
EXPLAIN (COSTS OFF) SELECT id FROM ap_pairs WHERE 'AD' <@ d;
SELECT max(party) AS last_party FROM parties(include_former => true) \gset
EXPLAIN (COSTS OFF) SELECT id FROM ap_pairs WHERE d @> :'last_party';

-- the same rows as a sequential scan of @>, for every party, and as many
CREATE TABLE ap_expected AS
SELECT p.party, count(a.id) AS n, coalesce(sum(a.id), 0) AS ids
FROM parties(include_former => true) p LEFT JOIN ap_pairs a ON dyad_contains_party(a.d, p.party)
GROUP BY p.party;
CREATE FUNCTION pg_temp.through_index(p party, OUT n bigint, OUT ids bigint) LANGUAGE plpgsql AS $$
BEGIN
	-- EXECUTE plans with the party as a constant, as a query written out does
	EXECUTE format('SELECT count(*), coalesce(sum(id), 0) FROM ap_pairs WHERE d @> %L', p) INTO n, ids;
END $$;
SELECT count(*) AS parties, count(*) FILTER (WHERE (e.n, e.ids) = (i.n, i.ids)) AS same,
	   sum(e.n) AS rows
FROM ap_expected e, LATERAL pg_temp.through_index(e.party) i;
SELECT count(*) FROM ap_pairs WHERE 'ZW' <@ d;
SELECT count(*) FROM ap_pairs WHERE d @> 'ZW' IS NULL;

-- a parameter keeps @> (one plan for every party), through = ANY
PREPARE ap_by_party(party) AS SELECT count(*) FROM ap_pairs WHERE d @> $1;
SET plan_cache_mode = force_generic_plan;
EXPLAIN (COSTS OFF) EXECUTE ap_by_party('AD');
EXECUTE ap_by_party('AD');
RESET plan_cache_mode;
DEALLOCATE ap_by_party;

-- && and a column on both sides stay as they were
EXPLAIN (COSTS OFF) SELECT id FROM ap_pairs WHERE d && 'AD-ZW';

-- the indexes must both be usable: a partial one on the higher party
-- leaves @> alone
DROP INDEX ap_pairs_higher;
CREATE INDEX ap_pairs_higher_partial ON ap_pairs (second_party(d)) WHERE id > 10;
EXPLAIN (COSTS OFF) SELECT id FROM ap_pairs WHERE d @> 'AD';
DROP INDEX ap_pairs_higher_partial;
-- an index on first_party is not the higher party
CREATE INDEX ap_pairs_lower ON ap_pairs (first_party(d));
EXPLAIN (COSTS OFF) SELECT id FROM ap_pairs WHERE d @> 'AD';
-- nor without the btree on the dyad itself
CREATE INDEX ap_pairs_higher ON ap_pairs (second_party(d));
DROP INDEX ap_pairs_d;
EXPLAIN (COSTS OFF) SELECT id FROM ap_pairs WHERE d @> 'AD';

-- a view keeps @> as written; its plan uses both indexes when they exist
CREATE INDEX ap_pairs_d ON ap_pairs (d);
CREATE VIEW ap_ad AS SELECT id FROM ap_pairs WHERE d @> 'AD';
SELECT pg_get_viewdef('ap_ad'::regclass) LIKE '%@>%' AS view_keeps_operator;
EXPLAIN (COSTS OFF) SELECT * FROM ap_ad;

-- the registry has both, so its lookups of a party take the two ranges
SELECT indexrelid::regclass FROM pg_index
WHERE indrelid = 'secpact.agreement'::regclass AND indexrelid::regclass::text LIKE '%part%' ORDER BY indexrelid::regclass::text;
-- (analyzed first, and a party of few rows: autovacuum may analyze the
-- registry at any moment, and most of its rows are UA's, whose lookup then
-- rightly reads the whole table)
ANALYZE secpact.agreement;
EXPLAIN (COSTS OFF) SELECT id FROM secpact.agreement WHERE parties @> 'TV';
RESET enable_seqscan;
DROP VIEW ap_ad;
DROP TABLE ap_pairs, ap_expected;
