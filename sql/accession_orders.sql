-- accession_orders(): every multilateral agreement's accession order from
-- one scan, the same rows as accession_order() of each (issue #21); the
-- kept plan of both under another role's row-level security.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS secpact CASCADE;
CREATE EXTENSION secpact;
\i data/load-nato.sql
-- a pact with a rejoining member, ties within a day, a partial date, and
-- one with no members
INSERT INTO secpact.agreement (id, multilateral, kind, title, signed_on, entry_into_force)
VALUES (930100, true, 'ao-pact', 'Orders Pact', '2000-03-01', '2000-06-01'),
	   (930200, true, 'ao-pact', 'Empty Pact', '2001-01-01', NULL);
INSERT INTO secpact.membership (id, agreement_id, party, signed_on, bound_on, bound_order, left_on) VALUES
	(930101, 930100, 'KE', '2000-03-01', '2000-06-01', NULL, NULL),
	(930102, 930100, 'TZ', '2000-03-01', '2000-06-01', NULL, NULL),
	(930103, 930100, 'UG', '2000-03-01', '2000-06-01', NULL, '2005-07-01'),
	(930104, 930100, 'UG', NULL, '2010-02-01', NULL, NULL),
	(930105, 930100, 'RW', NULL, '2003-01-01', 1, NULL),
	(930106, 930100, 'BI', NULL, '2003-01-01', NULL, NULL),
	(930107, 930100, 'SS', '2001-01-01', NULL, NULL, NULL);
UPDATE secpact.membership SET bound_on = '2003-01-01', bound_on_precision = 'year'
WHERE id = 930106;
-- members of a lower id stored after those of a higher one, and a member
-- of NATO's after both: the rows do not come grouped by agreement
INSERT INTO secpact.agreement (id, multilateral, kind, title, signed_on)
VALUES (930050, true, 'ao-pact', 'Earlier Pact', '1999-01-01');
INSERT INTO secpact.membership (id, agreement_id, party, signed_on, bound_on) VALUES
	(930051, 930050, 'KE', '1999-01-01', '1999-05-01'),
	(930052, 930050, 'UG', '1999-01-01', '1999-02-01');
INSERT INTO secpact.membership (id, agreement_id, party, signed_on, bound_on)
SELECT 930001, agreement_id, 'UA', NULL, '2030-01-01' FROM secpact.membership WHERE party = 'US';

SELECT * FROM accession_orders() WHERE agreement = 930100 ORDER BY "position", party;
SELECT agreement, "position", party FROM accession_orders() WHERE agreement = 930050 OR party = 'UA'
ORDER BY agreement, "position";
SELECT count(*) AS empty_pact_rows FROM accession_orders() WHERE agreement = 930200;
SELECT count(DISTINCT agreement) AS agreements, count(*) AS members FROM accession_orders();

-- the same rows as accession_order() of each agreement, by every date
CREATE FUNCTION pg_temp.differences(by text) RETURNS bigint LANGUAGE sql AS $$
SELECT count(*) FROM (
	(SELECT * FROM accession_orders(by)
	 EXCEPT ALL
	 SELECT a.id, o.* FROM secpact.agreement a, accession_order(a.id, by) o WHERE a.multilateral)
	UNION ALL
	(SELECT a.id, o.* FROM secpact.agreement a, accession_order(a.id, by) o WHERE a.multilateral
	 EXCEPT ALL
	 SELECT * FROM accession_orders(by))) d
$$;
SELECT by, pg_temp.differences(by) FROM unnest(ARRAY['joined', 'bound', 'signed']) by;

-- strict, and a bad date kind is an error
SELECT count(*) FROM accession_orders(NULL);
SELECT * FROM accession_orders('ratified');
\echo :LAST_ERROR_SQLSTATE

-- both queries' kept plans, planned above as the owner, under a role that a
-- policy hides the pact from
CREATE ROLE ao_reader;
GRANT USAGE ON SCHEMA secpact TO ao_reader;
GRANT SELECT ON secpact.agreement, secpact.membership TO ao_reader;
ALTER TABLE secpact.agreement ENABLE ROW LEVEL SECURITY;
CREATE POLICY ao_hide_pact ON secpact.agreement USING (id <> 930100);
SELECT count(*) AS owner_sees FROM accession_order(930100);
SET ROLE ao_reader;
SELECT count(*) FROM accession_orders() WHERE agreement = 930100;
SELECT count(DISTINCT agreement) AS agreements FROM accession_orders();
SELECT * FROM accession_order(930100);
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SELECT count(*) AS owner_sees FROM accession_orders() WHERE agreement = 930100;
DROP POLICY ao_hide_pact ON secpact.agreement;
ALTER TABLE secpact.agreement DISABLE ROW LEVEL SECURITY;
REVOKE ALL ON secpact.agreement, secpact.membership FROM ao_reader;
REVOKE ALL ON SCHEMA secpact FROM ao_reader;
DROP ROLE ao_reader;

-- the kept plans survive the registry being dropped and created again
DROP EXTENSION secpact CASCADE;
CREATE EXTENSION secpact;
\i data/load-nato.sql
SELECT pg_temp.differences('joined');
SELECT count(*) FROM accession_orders() o JOIN accession_order('NATO') n USING (party);
