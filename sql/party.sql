-- party: a state or organisation that signs agreements
CREATE EXTENSION secpact;

-- The examples of the design card
SELECT 'bel'::party, alpha3('BE'), party_name('056'), 'UA'::party < 'US';
SELECT count(*) FROM parties();
SELECT pg_column_size('BE'::party);

-- Every spelling of one party
SELECT s, s::party AS party
FROM (VALUES ('BE'), ('be'), (' Be '), ('BEL'), ('bel'), ('056'), ('56'),
             ('Belgium'), ('BELGIUM'), ('  belgium	')) AS v(s);

-- Names, common names, official names, accents
SELECT s, s::party AS party
FROM (VALUES ('Czechia'), ('Czech Republic'), ('South Korea'),
             ('Korea, Republic of'), ('Türkiye'), ('TURKIYE'),
             ('Côte d''Ivoire'), ('cote d''ivoire'), ('European Union'),
             ('EU'), ('United   Kingdom'), ('United States')) AS v(s);

-- Attributes, NULL where ISO assigns none
SELECT p, alpha2(p), alpha3(p), numeric_code(p), party_name(p), is_organisation(p)
FROM unnest('{BE,UA,EU,AF,ZW,TR}'::party[]) AS p;
SELECT alpha3(NULL::party), party_name(NULL), try_party(NULL);

-- parties(): one row per party; the EU is the only organisation
SELECT count(*) AS parties, count(alpha3) AS with_alpha3,
       count(numeric_code) AS with_numeric, count(*) FILTER (WHERE is_organisation) AS organisations
FROM parties();
SELECT * FROM parties() WHERE alpha2 IN ('EU', 'UA', 'AX');
-- every alpha-3, numeric code and name in the table round-trips
SELECT count(*) FILTER (WHERE alpha3::party <> party) AS alpha3_mismatches,
       count(*) FILTER (WHERE numeric_code::party <> party) AS numeric_mismatches,
       count(*) FILTER (WHERE name::party <> party) AS name_mismatches,
       count(*) FILTER (WHERE party::text::party <> party) AS text_mismatches
FROM parties();

-- Ordering is by alpha-2 code
SELECT array_agg(p ORDER BY p) FROM unnest('{US,UA,BE,EU,AD,ZW,GB}'::party[]) AS p;
SELECT min(p), max(p) FROM unnest('{US,UA,BE,EU,AD,ZW,GB}'::party[]) AS p;
SELECT 'BE'::party = 'bel', 'BE'::party <> 'BEL', 'BE'::party <= 'BF',
       'BE'::party > 'AD', 'BE'::party >= 'BE', 'BE'::party < 'BE';

-- Casts: assignment casts both ways, not implicit
CREATE TABLE cast_test (p party, t text);
INSERT INTO cast_test (p, t) VALUES ('UA'::text, 'BE'::party);
INSERT INTO cast_test (p, t) SELECT t, p FROM cast_test;
SELECT * FROM cast_test ORDER BY p;
SELECT p = t FROM cast_test;
SELECT p = t::party, p::text = t FROM cast_test ORDER BY p;
SELECT party('Belgium'), text('BE'::party), CAST('ukr' AS party);

-- try_party finds what would fail, for migrations
SELECT s, try_party(s)
FROM (VALUES ('BE'), ('Belgum'), (''), ('UK'), ('UKR'), ('Ukraine'), ('999')) AS v(s);

-- Bad input: each error with its SQLSTATE, detail and hint
CREATE FUNCTION pg_temp.input_error(input text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	state text; msg text; detail text; hint text;
BEGIN
	PERFORM input::party;
	RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN state || ' ' || msg || E'\n      ' || detail
		|| coalesce(E'\n      HINT: ' || nullif(hint, ''), '');
END $$;
SELECT pg_temp.input_error(s)
FROM (VALUES (''), ('   '), ('XX'), ('UK'), ('el'), ('XYZ'), ('000'), ('999'),
             ('1000'), ('0056'), ('-56'), ('+56'), ('Belgum'), ('Germny'),
             ('Untied Kingdom'), ('Turkey'), ('Atlantis'), ('B'), ('BE-UA'),
             ('BE,UA'), ('B E'), ('Бельгія'), (E'BE\x01'), (E'Belgium\t\nx'),
             (repeat('x', 65)), (repeat('x', 1000000))) AS v(s);
-- Renamed countries keep their codes; dissolved states and reused codes are
-- not parties, and the hint says what they were (ISO 3166-3)
SELECT p, party_name(p) FROM unnest('{TR,CZ,MK,SZ}'::party[]) AS p;
SELECT pg_temp.input_error(s)
FROM (VALUES ('SU'), ('USSR'), ('CS'), ('YUG'), ('DDDE'), ('Czechoslovakia'), ('Zaire')) AS v(s);
-- a withdrawn code reused today is today's party
SELECT 'BY'::party, party_name('BY'), 'GE'::party, party_name('GE');
-- the same errors as psql shows them
\set VERBOSITY default
SELECT 'Belgum'::party;
\echo :LAST_ERROR_SQLSTATE
SELECT ''::party;
\echo :LAST_ERROR_SQLSTATE
SELECT repeat('B', 1000000)::party;
\echo :LAST_ERROR_SQLSTATE

-- Binary I/O: a binary COPY round trip
CREATE TABLE party_io (id int, p party);
INSERT INTO party_io SELECT row_number() OVER (ORDER BY party), party FROM parties();
\copy party_io TO 'results/regress/party.bin' WITH (FORMAT binary)
CREATE TABLE party_io_back (LIKE party_io);
\copy party_io_back FROM 'results/regress/party.bin' WITH (FORMAT binary)
SELECT count(*) AS rows, count(*) FILTER (WHERE a.p = b.p) AS equal
FROM party_io a JOIN party_io_back b USING (id);
-- The binary format is the two ASCII letters: an int2 16965 (0x4245) is BE
\copy (SELECT 1, 16965::int2) TO 'results/regress/party_int2.bin' WITH (FORMAT binary)
\copy party_io_back FROM 'results/regress/party_int2.bin' WITH (FORMAT binary)
SELECT p FROM party_io_back WHERE id = 1 ORDER BY p;
-- Corrupted payloads are rejected, never stored
\copy (SELECT 1, 'XX'::text) TO 'results/regress/party_bad1.bin' WITH (FORMAT binary)
\copy party_io_back FROM 'results/regress/party_bad1.bin' WITH (FORMAT binary)
\copy (SELECT 1, 'BEL'::text) TO 'results/regress/party_bad2.bin' WITH (FORMAT binary)
\copy party_io_back FROM 'results/regress/party_bad2.bin' WITH (FORMAT binary)
\copy (SELECT 1, 'be'::text) TO 'results/regress/party_bad3.bin' WITH (FORMAT binary)
\copy party_io_back FROM 'results/regress/party_bad3.bin' WITH (FORMAT binary)
\copy (SELECT 1, ''::text) TO 'results/regress/party_bad4.bin' WITH (FORMAT binary)
\copy party_io_back FROM 'results/regress/party_bad4.bin' WITH (FORMAT binary)
SELECT count(*) FROM party_io_back;

-- Indexes: btree and hash, used and agreeing with a sequential scan
CREATE TABLE party_idx AS
	SELECT i, (SELECT array_agg(party ORDER BY party) FROM parties())[1 + i % 250] AS p
	FROM generate_series(1, 25000) AS i;
CREATE INDEX party_idx_btree ON party_idx (p);
CREATE INDEX party_idx_hash ON party_idx USING hash (p);
ANALYZE party_idx;
EXPLAIN (COSTS OFF) SELECT count(*) FROM party_idx WHERE p = 'UA';
EXPLAIN (COSTS OFF) SELECT count(*) FROM party_idx WHERE p BETWEEN 'UA' AND 'UZ';
EXPLAIN (COSTS OFF) SELECT p FROM party_idx ORDER BY p LIMIT 3;
SELECT count(*) FROM party_idx WHERE p = 'UA';
SELECT count(*) FROM party_idx WHERE p BETWEEN 'UA' AND 'UZ';
SET enable_seqscan = off;
SET enable_bitmapscan = off;
DROP INDEX party_idx_btree;
EXPLAIN (COSTS OFF) SELECT count(*) FROM party_idx WHERE p = 'UA';
SELECT count(*) FROM party_idx WHERE p = 'UA';
RESET enable_seqscan;
RESET enable_bitmapscan;

-- Hash and merge joins, hash aggregation, sorting
SET enable_mergejoin = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM party_idx a JOIN parties() b ON a.p = b.party;
SELECT count(*) FROM party_idx a JOIN parties() b ON a.p = b.party;
RESET enable_mergejoin;
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM party_idx a JOIN parties() b ON a.p = b.party;
SELECT count(*) FROM party_idx a JOIN parties() b ON a.p = b.party;
RESET enable_hashjoin;
RESET enable_nestloop;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT p, count(*) FROM party_idx GROUP BY p;
RESET enable_sort;
SELECT count(*), min(n), max(n) FROM (SELECT p, count(*) AS n FROM party_idx GROUP BY p) s;

-- Hashing: stable values (an on-disk contract), extended hash agrees at seed 0
SELECT party_hash('BE'), party_hash_extended('BE', 0), party_hash_extended('BE', 1);
-- the low 32 bits of the extended hash at seed 0 equal the standard hash
SELECT count(*) FROM parties()
WHERE party_hash(party)::bigint & 4294967295 <> party_hash_extended(party, 0) & 4294967295;

-- Hash partitioning routes rows by party
CREATE TABLE party_part (p party, n int) PARTITION BY HASH (p);
CREATE TABLE party_part_0 PARTITION OF party_part FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE party_part_1 PARTITION OF party_part FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO party_part SELECT party, 1 FROM parties();
SELECT tableoid::regclass, count(*) FROM party_part GROUP BY 1 ORDER BY 1;
EXPLAIN (COSTS OFF) SELECT * FROM party_part WHERE p = 'UA';
