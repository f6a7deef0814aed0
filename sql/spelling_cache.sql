-- A call site keeps the spellings it has read as parties (party.c): the
-- same answers as reading each one afresh, errors raised as before, and
-- the limits on what is kept.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
RESET client_min_messages;

-- Every translated spelling that reads as one party, and variants of case
-- and white space, each read three times in a random order by one call
-- site of each entry point (the cast, try_party, and party_in as array_in
-- calls it, through one FmgrInfo as COPY does), against a reading of each
-- through a call site of its own (a constant, folded once per statement).
CREATE TEMP TABLE spelling AS
SELECT DISTINCT s FROM (
	SELECT t.name AS s FROM party_translations() t WHERE try_party(t.name) IS NOT NULL
	UNION ALL SELECT upper(t.name) FROM party_translations() t WHERE try_party(upper(t.name)) IS NOT NULL
	UNION ALL SELECT '  ' || t.name || ' ' FROM party_translations() t WHERE try_party(t.name) IS NOT NULL
	UNION ALL SELECT p::text FROM party_codes() c, LATERAL (SELECT c.party AS p) x
) v;
CREATE TEMP TABLE reference (s text PRIMARY KEY, p party);
DO $$
DECLARE
	r record;
	p party;
BEGIN
	-- a sample, in a fresh statement each: thousands of them take seconds
	FOR r IN SELECT s FROM spelling ORDER BY hashtext(s) LIMIT 1500 LOOP
		EXECUTE format('SELECT %L::text::party', r.s) INTO p;
		INSERT INTO reference VALUES (r.s, p);
	END LOOP;
END $$;
SELECT count(*) > 1000 AS sampled FROM reference;
SELECT setseed(0.25);
CREATE TEMP TABLE readings AS
SELECT s, s::party AS cast_party, try_party(s) AS try, (ARRAY[s]::text::party[])[1] AS input
FROM spelling, generate_series(1, 3) ORDER BY random();
SELECT count(*) > 200000 AS many_readings,
	   count(*) FILTER (WHERE cast_party IS DISTINCT FROM try OR try IS DISTINCT FROM input) AS entry_points_differ,
	   count(*) FILTER (WHERE r.s IS NOT NULL AND r.p IS DISTINCT FROM cast_party) AS differ_from_fresh,
	   count(r.p) AS checked
FROM readings LEFT JOIN reference r USING (s);
-- each spelling reads as one party wherever it is read
SELECT count(*) AS spellings_read_two_ways FROM (SELECT s FROM readings GROUP BY s HAVING count(DISTINCT cast_party) > 1) d;

-- a spelling kept, then a bad one at the same call site: the error as ever
SELECT v::party FROM (VALUES ('Germany'), ('Allemagne'), ('Germany'), ('Nowhereland')) t(v);
SELECT try_party(v) FROM (VALUES ('Germany'), ('Germany'), ('Nowhereland'), ('germany')) t(v);
-- an empty and an over-long spelling are never kept, and still refused
SELECT v::party FROM (VALUES ('DE'), ('DE'), ('')) t(v);
SELECT try_party(v) IS NULL AS refused FROM (VALUES ('DE'), (repeat('x', 1100)), (repeat('x', 1100))) t(v);

-- more distinct spellings than are kept (65,536), and long ones past the
-- 4 MB of kept bytes: those beyond are read afresh, and read alike
SELECT count(*) AS spellings,
	   count(*) FILTER (WHERE (repeat(' ', g % 300) || 'Deutschland' || repeat(' ', g / 300))::party <> 'DE') AS misread
FROM generate_series(1, 70000) g;
SELECT count(*) AS spellings,
	   count(*) FILTER (WHERE try_party(repeat(' ', 400 + g % 200) || 'Ukraine' || repeat(' ', g / 200)) IS DISTINCT FROM 'UA') AS misread
FROM generate_series(1, 20000) g;
