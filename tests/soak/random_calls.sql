-- Calls every function of secpact with random arguments, drawn per type
-- from pools of valid, boundary and hostile values, each call in its own
-- subtransaction.  Errors are expected and counted; a crash ends the
-- backend, which tools/with-cluster reports from the server log.
-- psql variables: calls (per function), seed.
\set ON_ERROR_STOP on
-- the soak sets a short statement_timeout for sqlsmith; this one long block needs none
SET statement_timeout = 0;
SELECT setseed(:seed / 1000.0) AS ignored \gset
-- psql variables do not reach into the DO block; a setting does
SELECT set_config('secpact_soak.calls', :'calls', false) AS ignored \gset
CREATE TEMP TABLE random_call_stats (fn text, calls int, errors int);

DO $body$
DECLARE
	f record;
	args text[];
	sql text;
	calls int := current_setting('secpact_soak.calls')::int;
	n_err int;
	pools jsonb := '{}';
	pool text[];
	t text;
BEGIN
	-- pools of SQL literals per argument type
	pools := jsonb_build_object(
		'text', to_jsonb(ARRAY['NULL', $$''$$, $$' '$$, $$'BE'$$, $$'bel'$$, $$'056'$$, $$'Belgium'$$,
			$$'UA-BE'$$, $$'ukr:bel'$$, $$'804/056'$$, $$'XX'$$, $$'dense'$$, $$'rank'$$,
			$$'Türkiye'$$, $$'Бельгія'$$, $$E'BE\x01'$$, $$'-56'$$, $$'99999999999'$$,
			$$repeat('A', 100000)$$, $$repeat('UA-', 5000)$$, $$'BE-BE'$$, $$'BE--UA'$$,
			$$'BE-UA-US'$$, $$' - '$$, $$'EU'$$, $$'UK'$$, $$'security'$$]),
		'integer', to_jsonb(ARRAY['NULL', '0', '1', '-1', '2', '3', '11', '12', '13', '21', '101', '111',
			'2147483647', '(-2147483647 - 1)', '1900', '2024', '9999']),
		'smallint', to_jsonb(ARRAY['NULL', '0', '1', '-1', '32767', '(-32767 - 1)']::text[]),
		'bigint', to_jsonb(ARRAY['NULL', '0', '1', '-1', '9223372036854775807', '(-9223372036854775807 - 1)']),
		'boolean', to_jsonb(ARRAY['NULL', 'true', 'false']),
		'date', to_jsonb(ARRAY['NULL', $$'2024-05-28'$$, $$'1900-01-01'$$, $$'infinity'$$,
			$$'-infinity'$$, $$'4713-01-01 BC'$$, $$'5874897-12-31'$$, 'CURRENT_DATE']),
		-- arrays of one, two, many elements, with NULLs, 2-D, too many
		'date[]', to_jsonb(ARRAY['NULL', $$'{}'$$, $$'{2024-05-28}'$$, $$'{2024-05-28,2024-05-28}'$$,
			$$'{4713-01-01 BC,5874897-12-31}'$$, $$'{infinity}'$$, $$'{NULL}'$$, $$'{{2024-01-01}}'$$,
			$$ARRAY(SELECT date '2024-01-01' + (i % 400) FROM generate_series(1, 300) i)$$,
			$$array_fill(date '2024-01-01', '{10001}')$$]),
		'text[]', to_jsonb(ARRAY['NULL', $$'{}'$$, $$'{BE}'$$, $$'{BE,UA}'$$, $$'{NULL}'$$,
			$$ARRAY[repeat('<&>', 1000)]$$, $$'{{BE}}'$$, $$ARRAY[chr(1) || chr(65535) || chr(127)]$$,
			$$ARRAY(SELECT alpha2(party) FROM parties())$$]),
		'integer[]', to_jsonb(ARRAY['NULL', $$'{}'$$, $$'{1}'$$, $$'{1,2}'$$, $$'{NULL}'$$,
			$$'{-2147483648,2147483647}'$$, $$'{{1}}'$$,
			$$ARRAY(SELECT i FROM generate_series(1, 250) i)$$])
	);
	-- every party, a NULL, and (when the type exists) dyads
	pools := pools || jsonb_build_object('party',
		to_jsonb(ARRAY['NULL'] || ARRAY(SELECT quote_literal(party) FROM parties())));
	IF to_regtype('dyad') IS NOT NULL THEN
		pools := pools || jsonb_build_object('dyad', to_jsonb(ARRAY['NULL'] ||
			ARRAY(SELECT quote_literal(a.party::text || '-' || b.party::text)
				  FROM parties() a, parties() b WHERE a.party < b.party AND random() < 0.02)));
		pools := pools || jsonb_build_object('party[]', to_jsonb(ARRAY['NULL', $$'{}'$$, $$'{UA,BE}'$$, $$'{NULL}'$$]));
	END IF;
	IF to_regclass('secpact.agreement') IS NOT NULL THEN
		pools := pools || jsonb_build_object('secpact.agreement', to_jsonb(ARRAY['NULL'] ||
			ARRAY(SELECT format('(SELECT a FROM secpact.agreement a WHERE id = %s)', id)
				  FROM secpact.agreement ORDER BY id LIMIT 50)));
	END IF;

	FOR f IN
		SELECT p.oid::regprocedure AS sig, p.proname, p.prokind,
			   ARRAY(SELECT format_type(x, NULL) FROM unnest(p.proargtypes::oid[]) AS x) AS argtypes
		FROM pg_proc p
		JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
		JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'secpact'
		WHERE p.prokind IN ('f', 'w')
		  AND p.prorettype NOT IN ('trigger'::regtype, 'internal'::regtype)
		ORDER BY 1::text
	LOOP
		-- functions taking internal or cstring are reachable only through the type system
		CONTINUE WHEN EXISTS (SELECT FROM unnest(f.argtypes) a
							  WHERE a IN ('internal', 'cstring') OR NOT pools ? a);
		n_err := 0;
		FOR i IN 1 .. calls LOOP
			args := ARRAY[]::text[];
			FOREACH t IN ARRAY f.argtypes LOOP
				pool := ARRAY(SELECT jsonb_array_elements_text(pools -> t));
				args := args || format('(%s)::%s', pool[1 + floor(random() * array_length(pool, 1))::int], t);
			END LOOP;
			IF f.prokind = 'w' THEN
				sql := format('SELECT %I(%s) OVER (ORDER BY g) FROM generate_series(1, 3) g',
							  f.proname, array_to_string(args, ', '));
			ELSE
				sql := format('SELECT * FROM %I(%s)', f.proname, array_to_string(args, ', '));
			END IF;
			BEGIN
				EXECUTE sql;
			EXCEPTION WHEN OTHERS THEN
				n_err := n_err + 1;
			END;
		END LOOP;
		INSERT INTO random_call_stats VALUES (f.sig::text, calls, n_err);
	END LOOP;
END
$body$;

SELECT count(*) AS functions, sum(calls) AS total_calls, sum(errors) AS errors FROM random_call_stats \gset
\echo random calls: :total_calls calls of :functions secpact functions, :errors ended in an error
