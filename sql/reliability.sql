-- Smaller reliability fixes of issue #12 (item 8): the @> estimate of a
-- party absent from the statistics is capped; signing_order and
-- signing_orders compare kind in the caller's collation; the registry
-- refuses dates that made signing_chart() and dyad_years() fail.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;

CREATE FUNCTION pg_temp.estimated_rows(query text) RETURNS float8
	LANGUAGE plpgsql AS $$
DECLARE
	plan json;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || query INTO plan;
	RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
END
$$;

--------------------------------------------------------------------------
-- 1,000 rows of BE-UA: a party in none of them was estimated at half the
-- rows (500); now at most PostgreSQL's 0.005 for unseen array elements
--------------------------------------------------------------------------
CREATE TABLE reliability_pairs (d dyad);
INSERT INTO reliability_pairs SELECT 'BE-UA' FROM generate_series(1, 1000);
ANALYZE reliability_pairs;
SELECT pg_temp.estimated_rows('SELECT * FROM reliability_pairs WHERE d @> ''US''') AS us_rows,
	   pg_temp.estimated_rows('SELECT * FROM reliability_pairs WHERE ''US'' <@ d') AS us_rows_commuted,
	   pg_temp.estimated_rows('SELECT * FROM reliability_pairs WHERE d && ''DE-US''') AS de_us_rows,
	   pg_temp.estimated_rows('SELECT * FROM reliability_pairs WHERE d @> ''UA''') AS ua_rows;
-- a rare party seen in the sample keeps its own frequency
INSERT INTO reliability_pairs SELECT 'DE-FR' FROM generate_series(1, 3);
ANALYZE reliability_pairs;
SELECT pg_temp.estimated_rows('SELECT * FROM reliability_pairs WHERE d @> ''FR''') AS fr_rows,
	   pg_temp.estimated_rows('SELECT * FROM reliability_pairs WHERE d @> ''US''') AS us_rows;
DROP TABLE reliability_pairs;

--------------------------------------------------------------------------
-- kind in the caller's collation, as partners() compares it
--------------------------------------------------------------------------
CREATE COLLATION reliability_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
BEGIN;
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES
	('BE-UA', 'Rel-Security', '2024-05-28'),
	('FR-UA', 'rel-security', '2024-02-16'),
	('DE-UA', 'rel-trade', '2024-01-01');
SELECT position, counterpart FROM signing_order('UA', 'REL-SECURITY' COLLATE reliability_ci);
SELECT counterpart FROM partners('UA', 'REL-SECURITY' COLLATE reliability_ci);
SELECT hub, position, counterpart FROM signing_orders('REL-SECURITY' COLLATE reliability_ci)
ORDER BY hub, position;
-- a deterministic collation compares bytes: no such kind
SELECT count(*) FROM signing_order('UA', 'REL-SECURITY');
SELECT count(*) FROM signing_order('UA', 'REL-SECURITY' COLLATE "C");
SELECT count(*) FROM signing_orders('rel-security' COLLATE "C");
-- the chart, whose kind reaches signing_order
SELECT strpos(signing_chart('UA', 'REL-SECURITY' COLLATE reliability_ci, '2025-01-01') COLLATE "C",
			  '2 partners') > 0 AS chart_counts_both;
ROLLBACK;
DROP COLLATION reliability_ci;

--------------------------------------------------------------------------
-- Dates: signed_on and entry_into_force finite, in years 1 to 9999
--------------------------------------------------------------------------
\set VERBOSITY terse
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES ('BE-UA', 'rel-dates', 'infinity');
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES ('BE-UA', 'rel-dates', '-infinity');
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES ('BE-UA', 'rel-dates', '4714-11-24 BC');
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES ('BE-UA', 'rel-dates', '10000-01-01');
INSERT INTO secpact.agreement (parties, kind, signed_on, entry_into_force)
VALUES ('BE-UA', 'rel-dates', '2020-01-01', 'infinity');
-- an expiry of infinity (never) stays allowed; the extremes of the range work
BEGIN;
INSERT INTO secpact.agreement (parties, kind, signed_on, entry_into_force, expires_on) VALUES
	('BE-UA', 'rel-dates', '0001-01-01', '0001-01-01', 'infinity'),
	('FR-UA', 'rel-dates', '9999-12-31', NULL, NULL),
	('DE-UA', 'rel-dates', '2020-01-01', '2020-06-01', 'infinity');
SELECT dyad, min(year), max(year), count(*) FROM dyad_years(1, 9999, 'rel-dates') GROUP BY dyad ORDER BY dyad;
SELECT xml_is_well_formed_document(signing_chart('UA', 'rel-dates', '9999-12-31')) AS chart_well_formed;
SELECT position, counterpart, signed_on FROM signing_order('UA', 'rel-dates');
ROLLBACK;

-- An update from 1.1 over such dates fails, saying which agreements
BEGIN;
DROP EXTENSION secpact CASCADE;
CREATE EXTENSION secpact VERSION '1.1';
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force) VALUES
	(1, 'BE-UA', 'rel-dates', '2020-01-01', NULL),
	(2, 'FR-UA', 'rel-dates', 'infinity', NULL),
	(3, 'DE-UA', 'rel-dates', '2020-01-01', 'infinity');
\set VERBOSITY default
ALTER EXTENSION secpact UPDATE TO '1.2';
\set VERBOSITY terse
ROLLBACK;
SELECT extversion FROM pg_extension WHERE extname = 'secpact';
