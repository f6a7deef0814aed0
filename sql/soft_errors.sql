-- Soft input errors (PostgreSQL 16 and later): pg_input_is_valid and
-- pg_input_error_info see party and dyad input errors without raising them,
-- with the same message, detail, hint and SQLSTATE as the raised error.
-- On 15 there is nothing to test; soft_errors_1.out is that run.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
RESET client_min_messages;
SELECT current_setting('server_version_num')::int >= 160000 AS soft_errors \gset
\if :soft_errors
\else
\echo soft input errors need PostgreSQL 16 or later
\quit
\endif

SELECT left(v, 12) AS v, pg_input_is_valid(v, 'party') AS valid
FROM (VALUES ('BE'), ('bel'), ('Belgium'), ('XX'), ('Belgum'), (''), ('UK'),
             ('QZ'), ('1000'), ('-56'), (repeat('x', 200)), (E'B\tE')) AS t(v);

SELECT left(v, 12) AS v, pg_input_is_valid(v, 'dyad') AS valid
FROM (VALUES ('BE-UA'), ('ukr:bel'), ('UA-UA'), ('XX-UA'), ('Ukraine-Belgium'),
             ('UA'), ('BEUA'), ('BE-UA-US'), (''), (repeat('x', 200))) AS t(v);

SELECT * FROM pg_input_error_info('Belgum', 'party');
SELECT * FROM pg_input_error_info('UA-UA', 'dyad');
SELECT * FROM pg_input_error_info('BE', 'party');

-- The raised error, as plpgsql sees it
CREATE FUNCTION pg_temp.raised(v text, typ text,
	OUT message text, OUT detail text, OUT hint text, OUT sql_error_code text)
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('SELECT %L::%s', v, typ);
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL,
		hint = PG_EXCEPTION_HINT, sql_error_code = RETURNED_SQLSTATE;
	detail := nullif(detail, '');
	hint := nullif(hint, '');
END
$$;

-- Every kind of bad input: the soft error is the raised one, field by field
WITH inputs(v, typ) AS (
	VALUES ('XX', 'party'), ('XXX', 'party'), ('999', 'party'), ('1000', 'party'),
	       ('Belgum', 'party'), ('', 'party'), ('   ', 'party'), ('UK', 'party'),
	       ('QZ', 'party'), ('Unknownland', 'party'), (repeat('x', 200), 'party'),
	       (E'B\tE', 'party'), ('Ατλαντίδα', 'party'),
	       ('UA-UA', 'dyad'), ('XX-UA', 'dyad'), ('UA-XX', 'dyad'),
	       ('Ukraine-Belgium', 'dyad'), ('UA', 'dyad'), ('BEUA', 'dyad'),
	       ('BE-UA-US', 'dyad'), ('', 'dyad'), (repeat('x', 200), 'dyad'),
	       (E'BE\x01UA', 'dyad'), ('ukr:ukr', 'dyad'))
SELECT count(*) AS inputs,
       count(*) FILTER (WHERE r IS NOT DISTINCT FROM s) AS same,
       count(*) FILTER (WHERE r.sql_error_code IS NULL) AS not_raised
FROM inputs,
     LATERAL pg_temp.raised(v, typ) AS r,
     LATERAL pg_input_error_info(v, typ) AS s;

-- Arrays and composite types built on them report softly too
SELECT pg_input_is_valid('{BE,XX}', 'party[]'), pg_input_is_valid('{BE-UA,UA-UA}', 'dyad[]');
SELECT message FROM pg_input_error_info('{BE,XX}', 'party[]');

