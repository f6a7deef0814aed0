-- Supersession: superseded()'s cache and the checks on supersedes
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;

--------------------------------------------------------------------------
-- superseded() reads in bulk after 64 calls; the cache is kept with the
-- snapshot it was read through.  A PL/pgSQL simple expression keeps its
-- FmgrInfo for the transaction, each statement with a new snapshot.
--------------------------------------------------------------------------
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force)
SELECT i, 'UA-GB', 'cache', '2020-01-01', '2020-01-01' FROM generate_series(9101, 9200) i;
BEGIN;
DO $$
DECLARE
	r secpact.agreement;
	v boolean;
	stale int := 0;
BEGIN
	SELECT * INTO r FROM secpact.agreement WHERE id = 9105;
	FOR i IN 1..100 LOOP
		IF i = 80 THEN	-- after the bulk read
			INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, supersedes)
			VALUES (9300, 'UA-GB', 'cache', '2021-01-01', '2021-01-01', 9105);
		END IF;
		v := in_force(r, '2030-01-01');
		IF i >= 80 AND v THEN
			stale := stale + 1;
		END IF;
	END LOOP;
	RAISE WARNING 'calls after the superseding insert that still said in force: %', stale;
END
$$;
-- a rolled back subtransaction's supersession is gone again
DO $$
DECLARE
	r secpact.agreement;
	v boolean;
	answers text := '';
BEGIN
	SELECT * INTO r FROM secpact.agreement WHERE id = 9106;
	FOR i IN 1..100 LOOP
		IF i = 70 THEN
			BEGIN
				INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, supersedes)
				VALUES (9301, 'UA-GB', 'cache', '2021-01-01', '2021-01-01', 9106);
				FOR j IN 1..100 LOOP
					v := in_force(r, '2030-01-01');
				END LOOP;
				answers := answers || 'inside: ' || v;
				RAISE division_by_zero;
			EXCEPTION WHEN division_by_zero THEN
				NULL;
			END;
		END IF;
		v := in_force(r, '2030-01-01');
	END LOOP;
	RAISE WARNING '%, after the rollback: %', answers, v;
END
$$;
-- a fresh query agrees
SELECT id, in_force(a, '2030-01-01') FROM secpact.agreement a WHERE id IN (9105, 9106) ORDER BY id;
ROLLBACK;
-- a scan of many rows still gets the bulk answers, identical to the lookups
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, supersedes)
SELECT i + 1000, 'UA-GB', 'cache', '2021-01-01', '2021-01-01', i FROM generate_series(9101, 9200, 3) i;
SELECT count(*) FILTER (WHERE in_force(a, '2030-01-01')) AS in_force,
	   count(*) FILTER (WHERE NOT in_force(a, '2030-01-01')) AS superseded
FROM secpact.agreement a WHERE id BETWEEN 9101 AND 9200;
SELECT count(*) AS disagreements FROM secpact.agreement a
WHERE id BETWEEN 9101 AND 9200
  AND in_force(a, '2030-01-01') IS DISTINCT FROM
	  NOT EXISTS (SELECT 1 FROM secpact.agreement s WHERE s.supersedes = a.id AND s.entry_into_force <= '2030-01-01');
DELETE FROM secpact.agreement WHERE kind = 'cache' AND supersedes IS NOT NULL;
DELETE FROM secpact.agreement WHERE kind = 'cache';
