-- The answers a 1.0 database gives, asked again after each update: they must
-- not change.  The indexes built under 1.0 answer (no sequential scans).
\set ON_ERROR_STOP on
\pset format unaligned
SET enable_seqscan = off;
SELECT * FROM signing_order('UA');
SELECT position FROM signing_order('UA') WHERE counterpart = 'BE';
SELECT * FROM partners('UA') ORDER BY 1;
SELECT id, parties, kind, signed_on, day_order, place, place_country, expires_on FROM secpact.agreement ORDER BY id;
SELECT agreement_id, party, name, title FROM secpact.signatory ORDER BY agreement_id, party, name;
SELECT count(*), sum(id) FROM user_pairs WHERE actor = 'BE';
SELECT count(*), sum(id) FROM user_pairs WHERE actor IN ('UA', 'EU', 'US');
SELECT count(*), sum(id) FROM user_pairs WHERE pair = 'BE-UA';
SELECT count(*), sum(id) FROM user_pairs WHERE pair @> 'UA'::party;
SELECT count(*), sum(id) FROM user_pairs WHERE pair && 'BE-UA'::dyad;
SELECT actor, count(*) FROM user_pairs GROUP BY actor ORDER BY actor LIMIT 20;
SELECT min(actor), max(actor) FROM user_pairs;
SELECT pair FROM user_pairs WHERE pair IS NOT NULL ORDER BY pair LIMIT 5;
SELECT party_hash(actor), dyad_hash(pair) FROM user_pairs ORDER BY id LIMIT 20;
SELECT a.id, in_force(a, date '2025-01-01') FROM secpact.agreement a ORDER BY a.id;
