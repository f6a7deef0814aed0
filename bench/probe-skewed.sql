-- bench/probe-skewed.sql: the data of bench/lookup-probe and
-- bench/planning-probe.  300k agreements whose party of rank r is drawn with
-- weight ~ 1/r, in the registry and in a plain table of the four columns the
-- probes read (codes as text, an index on each side).
--   psql -d DB -v ON_ERROR_STOP=1 -f bench/probe-skewed.sql
SET client_min_messages = warning;
CREATE EXTENSION secpact;
INSERT INTO secpact.agreement (parties, kind, signed_on)
SELECT dyad(p[a], p[b]), 'k', date '1990-01-01' + (i % 9000)
FROM (SELECT array_agg(party ORDER BY party) p FROM parties()) ps,
     generate_series(1, 300000) i,
     LATERAL (SELECT 1 + (floor(250 ^ random()))::int - 1 AS a, 1 + (i * 31 + 7) % 250 AS b) x
WHERE p[a] <> p[b];
CREATE TABLE plain AS SELECT id, first_party(parties)::text AS party_a, second_party(parties)::text AS party_b, signed_on FROM secpact.agreement;
CREATE INDEX ON plain (party_a); CREATE INDEX ON plain (party_b);
VACUUM ANALYZE secpact.agreement; VACUUM ANALYZE plain;
