-- Hostile statistics: the C code never finds the extension's own objects by
-- name, so a type named party in a schema another role controls is never
-- written into, nor read from, the statistics of a dyad column; estimators
-- attached to operators on other types raise an error instead of reading
-- those types with the layouts of dyad and party.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;

-- The planner's estimated rows of a query's top node.
CREATE FUNCTION public.regress_estimated_rows(query text) RETURNS float8
	LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
	RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
END
$$;

--------------------------------------------------------------------------
-- A role with no grants at all plants pg_temp.party beside a domain over
-- dyad.  1.1 wrote that text domain into the statistics slot and crashed
-- on the EXPLAIN (signal 11) and on reading pg_stats.
--------------------------------------------------------------------------
CREATE ROLE regress_secpact_nobody;
SET ROLE regress_secpact_nobody;
CREATE DOMAIN pg_temp.party AS text;
CREATE DOMAIN pg_temp.d AS dyad;
CREATE TEMP TABLE t (x pg_temp.d);
INSERT INTO t SELECT 'AD-AF' FROM generate_series(1, 100);
ANALYZE t;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE x @> 'AD';
SELECT public.regress_estimated_rows('SELECT * FROM t WHERE x @> ''AD''') AS ad_rows,
	   public.regress_estimated_rows('SELECT * FROM t WHERE x @> ''AF''') AS af_rows,
	   public.regress_estimated_rows('SELECT * FROM t WHERE x && ''AD-UA''') AS ad_ua_rows;
-- the slot holds the extension's party, and reads as such
SELECT most_common_elems::text, most_common_elem_freqs
FROM pg_stats WHERE tablename = 't' AND attname = 'x';
SELECT count(*) > 0 AS pg_stats_readable FROM pg_stats WHERE most_common_elems::text IS NOT NULL;
-- the same with a base type of another layout named party (an enum)
CREATE TYPE pg_temp.party AS ENUM ('x');
DROP DOMAIN pg_temp.party;
CREATE TYPE pg_temp.party AS ENUM ('x');
ANALYZE t;
SELECT most_common_elems::text FROM pg_stats WHERE tablename = 't' AND attname = 'x';
RESET ROLE;
DROP TABLE pg_temp.t;
DROP DOMAIN pg_temp.d;
DROP TYPE pg_temp.party;

--------------------------------------------------------------------------
-- Without malice: an application's enum named party beside its domain over
-- dyad.  1.1 made every unfiltered SELECT * FROM pg_stats fail ("invalid
-- internal value for enum") and the @> estimate wrong.
--------------------------------------------------------------------------
CREATE SCHEMA regress_app;
CREATE TYPE regress_app.party AS ENUM ('government', 'opposition');
CREATE DOMAIN regress_app.pair AS dyad;
CREATE TABLE regress_app.deals (pair regress_app.pair, side regress_app.party);
INSERT INTO regress_app.deals
SELECT CASE WHEN i <= 900 THEN 'BE-UA' ELSE 'DE-FR' END, 'government' FROM generate_series(1, 1000) i;
ANALYZE regress_app.deals;
SELECT attname, most_common_elems::text, most_common_elem_freqs
FROM pg_stats WHERE schemaname = 'regress_app' ORDER BY attname;
SELECT count(*) > 0 AS every_row_of_pg_stats_readable
FROM (SELECT s::text FROM pg_stats s) rows;
SELECT public.regress_estimated_rows('SELECT * FROM regress_app.deals WHERE pair @> ''UA''') AS ua_rows,
	   public.regress_estimated_rows('SELECT * FROM regress_app.deals WHERE ''FR'' <@ pair') AS fr_rows,
	   public.regress_estimated_rows('SELECT * FROM regress_app.deals WHERE pair && ''BE-DE''') AS be_de_rows;

--------------------------------------------------------------------------
-- Estimators attached to operators on other types (only a superuser can):
-- an error naming the operator, not a crash.  dyad_overlap_sel read the
-- text[] column's statistics and compared them with an integer as if both
-- were dyads.
--------------------------------------------------------------------------
CREATE TABLE regress_app.tags (t text[]);
INSERT INTO regress_app.tags SELECT ARRAY['a', 'b' || (i % 3)] FROM generate_series(1, 300) i;
ANALYZE regress_app.tags;
CREATE FUNCTION regress_app.has_n(text[], integer) RETURNS boolean
	LANGUAGE plpgsql IMMUTABLE AS 'BEGIN RETURN pg_catalog.cardinality($1) = $2; END';
CREATE OPERATOR regress_app.### (LEFTARG = text[], RIGHTARG = integer,
	FUNCTION = regress_app.has_n, RESTRICT = dyad_overlap_sel, JOIN = dyad_overlap_joinsel);
CREATE OPERATOR regress_app.#@ (LEFTARG = text[], RIGHTARG = integer,
	FUNCTION = regress_app.has_n, RESTRICT = dyad_contains_sel, JOIN = dyad_contains_joinsel);
CREATE OPERATOR regress_app.#= (LEFTARG = text[], RIGHTARG = integer,
	FUNCTION = regress_app.has_n, RESTRICT = dyad_eqsel);
\set VERBOSITY default
EXPLAIN (COSTS OFF) SELECT * FROM regress_app.tags WHERE t OPERATOR(regress_app.###) 2;
EXPLAIN (COSTS OFF) SELECT * FROM regress_app.tags WHERE t OPERATOR(regress_app.#@) 2;
EXPLAIN (COSTS OFF) SELECT * FROM regress_app.tags WHERE t OPERATOR(regress_app.#=) 2;
EXPLAIN (COSTS OFF) SELECT * FROM regress_app.tags a, (VALUES (2), (3)) v(n)
WHERE a.t OPERATOR(regress_app.###) v.n;
EXPLAIN (COSTS OFF) SELECT * FROM regress_app.tags a, (VALUES (2), (3)) v(n)
WHERE a.t OPERATOR(regress_app.#@) v.n;
\set VERBOSITY terse
-- the extension's own operators still estimate
SELECT public.regress_estimated_rows('SELECT * FROM regress_app.deals WHERE pair = ''BE-UA''') AS be_ua_rows;

DROP SCHEMA regress_app CASCADE;
DROP FUNCTION public.regress_estimated_rows(text);
DROP ROLE regress_secpact_nobody;

--------------------------------------------------------------------------
-- Statistics that 1.1 wrote beside a foreign type named party are removed
-- by the update to 1.2 (pg_stats would still read them).  Forged here as
-- 1.1 wrote them: the MCELEM slot with another type's = operator.
--------------------------------------------------------------------------
BEGIN;
DROP EXTENSION secpact CASCADE;
CREATE EXTENSION secpact VERSION '1.1';
CREATE SCHEMA regress_old;
CREATE DOMAIN regress_old.d AS dyad;
CREATE TABLE regress_old.t (x regress_old.d, y dyad, tags text[]);
INSERT INTO regress_old.t SELECT 'AD-AF', 'BE-UA', ARRAY['a', 'b'] FROM generate_series(1, 100);
ANALYZE regress_old.t;
UPDATE pg_statistic SET staop1 = 'pg_catalog.=(text, text)'::regoperator
WHERE starelid = 'regress_old.t'::regclass AND staattnum = 1 AND stakind1 = 4;
UPDATE pg_statistic SET staop2 = 'pg_catalog.=(text, text)'::regoperator
WHERE starelid = 'regress_old.t'::regclass AND staattnum = 1 AND stakind2 = 4;
UPDATE pg_statistic SET staop3 = 'pg_catalog.=(text, text)'::regoperator
WHERE starelid = 'regress_old.t'::regclass AND staattnum = 1 AND stakind3 = 4;
UPDATE pg_statistic SET staop4 = 'pg_catalog.=(text, text)'::regoperator
WHERE starelid = 'regress_old.t'::regclass AND staattnum = 1 AND stakind4 = 4;
SELECT staattnum FROM pg_statistic WHERE starelid = 'regress_old.t'::regclass ORDER BY staattnum;
SET client_min_messages = notice;
ALTER EXTENSION secpact UPDATE TO '1.2';
SET client_min_messages = warning;
-- the forged column's statistics are gone, the others kept
SELECT staattnum FROM pg_statistic WHERE starelid = 'regress_old.t'::regclass ORDER BY staattnum;
ROLLBACK;
SELECT extversion FROM pg_extension WHERE extname = 'secpact';
