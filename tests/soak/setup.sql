-- Data for the soak (sqlsmith and random calls): every secpact type in user tables, with
-- indexes, so random queries reach secpact's functions, operators and
-- index support with real values.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION secpact;
CREATE TABLE soak_party AS
	SELECT i AS id, party AS p, alpha3, name
	FROM parties() WITH ORDINALITY AS t(party, alpha2, alpha3, numeric_code, name, is_organisation, i);
INSERT INTO soak_party (id, p) VALUES (1000, NULL);
CREATE INDEX ON soak_party (p);
CREATE INDEX ON soak_party USING hash (p);
ANALYZE;
-- the bundled agreements, when the registry exists
SELECT to_regclass('secpact.agreement') IS NOT NULL AS has_registry \gset
\if :has_registry
\i data/load-ukraine.sql
CREATE TABLE soak_dyad AS SELECT id, parties AS d, signed_on FROM secpact.agreement;
CREATE INDEX ON soak_dyad USING gin (d);
CREATE INDEX ON soak_dyad (d);
ANALYZE;
\endif
