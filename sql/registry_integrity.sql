-- Registry integrity: supersession checks, a signatory's party from both
-- tables, both under row-level security
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
\set VERBOSITY default

INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force) VALUES
	(9501, 'FR-UA', 'integrity', '2020-01-01', '2020-02-01'),
	(9502, 'FR-UA', 'integrity', '2021-01-01', NULL),
	(9503, 'FR-UA', 'integrity', '2022-01-01', NULL),
	(9504, 'DE-FR', 'integrity', '2021-01-01', NULL);

--------------------------------------------------------------------------
-- Supersession: errors for a cycle, other parties and an earlier entry
-- into force; a warning for an earlier signature
--------------------------------------------------------------------------
UPDATE secpact.agreement SET supersedes = 9501 WHERE id = 9502;
UPDATE secpact.agreement SET supersedes = 9502 WHERE id = 9503;
-- 9501 supersedes 9503 supersedes 9502 supersedes 9501: refused
UPDATE secpact.agreement SET supersedes = 9503 WHERE id = 9501;
\echo :LAST_ERROR_SQLSTATE
-- both halves of a two-cycle in one statement: refused too
INSERT INTO secpact.agreement (id, parties, kind, signed_on, supersedes) VALUES
	(9505, 'FR-UA', 'integrity', '2023-01-01', 9506),
	(9506, 'FR-UA', 'integrity', '2023-01-01', 9505);
\echo :LAST_ERROR_SQLSTATE
-- a DE-FR agreement cannot supersede a FR-UA one
INSERT INTO secpact.agreement (id, parties, kind, signed_on, supersedes) VALUES (9507, 'DE-FR', 'integrity', '2023-01-01', 9503);
\echo :LAST_ERROR_SQLSTATE
UPDATE secpact.agreement SET supersedes = 9501 WHERE id = 9504;
\echo :LAST_ERROR_SQLSTATE
-- nor may the superseded agreement change its parties alone ...
UPDATE secpact.agreement SET parties = 'FR-US' WHERE id = 9503;
\echo :LAST_ERROR_SQLSTATE
-- ... but a whole chain may, in one statement
UPDATE secpact.agreement SET parties = 'FR-US' WHERE id IN (9501, 9502, 9503);
UPDATE secpact.agreement SET parties = 'FR-UA' WHERE id IN (9501, 9502, 9503);
-- entering into force before the superseded agreement: refused, from either side
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, supersedes)
VALUES (9508, 'FR-UA', 'integrity', '2020-01-01', '2020-01-15', 9501);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, supersedes)
VALUES (9508, 'FR-UA', 'integrity', '2020-01-01', '2020-03-01', 9501);
UPDATE secpact.agreement SET entry_into_force = '2020-04-01' WHERE id = 9501;
\echo :LAST_ERROR_SQLSTATE
UPDATE secpact.agreement SET entry_into_force = '2020-02-15' WHERE id = 9501;
-- an unknown entry into force is not checked; an earlier signature warns
SET client_min_messages = warning;
INSERT INTO secpact.agreement (id, parties, kind, signed_on, supersedes) VALUES (9509, 'FR-UA', 'integrity', '2019-06-01', 9503);
SELECT id, supersedes FROM secpact.agreement WHERE kind = 'integrity' ORDER BY id;

--------------------------------------------------------------------------
-- A signatory signs for a party of its agreement: from both tables
--------------------------------------------------------------------------
INSERT INTO secpact.signatory (agreement_id, party, name) VALUES (9504, 'DE', 'A'), (9504, 'FR', 'B');
SELECT agreement_id, party, name, parties FROM secpact.signatory WHERE agreement_id = 9504 ORDER BY party;
-- the parties filled in are the agreement's, whatever the writer says
INSERT INTO secpact.signatory (agreement_id, party, name, parties) VALUES (9504, 'FR', 'C', 'FR-US');
SELECT parties FROM secpact.signatory WHERE agreement_id = 9504 AND name = 'C';
-- a change of parties that strands a signatory is refused, with a hint
UPDATE secpact.agreement SET parties = 'FR-US' WHERE id = 9504;
\echo :LAST_ERROR_SQLSTATE
-- one that keeps every signatory's party cascades to them
DELETE FROM secpact.signatory WHERE agreement_id = 9504 AND party = 'DE';
UPDATE secpact.agreement SET parties = 'FR-US' WHERE id = 9504;
SELECT agreement_id, party, name, parties FROM secpact.signatory WHERE agreement_id = 9504 ORDER BY name;
-- writing parties by hand cannot escape the check
UPDATE secpact.signatory SET parties = 'DE-FR' WHERE agreement_id = 9504 AND name = 'B';
SELECT parties FROM secpact.signatory WHERE agreement_id = 9504 AND name = 'B';
ALTER TABLE secpact.signatory DISABLE TRIGGER signatory_party_check;
UPDATE secpact.signatory SET parties = 'DE-FR' WHERE agreement_id = 9504 AND name = 'B';
\echo :LAST_ERROR_SQLSTATE
UPDATE secpact.signatory SET parties = NULL WHERE agreement_id = 9504 AND name = 'B';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.signatory (agreement_id, party, name, parties) VALUES (9504, 'DE', 'D', 'FR-US');
\echo :LAST_ERROR_SQLSTATE
ALTER TABLE secpact.signatory ENABLE TRIGGER signatory_party_check;

--------------------------------------------------------------------------
-- Under row-level security: the checks see the rows a writer cannot
--------------------------------------------------------------------------
CREATE ROLE secpact_clerk;
GRANT USAGE ON SCHEMA secpact TO secpact_clerk;
GRANT SELECT, INSERT, UPDATE, DELETE ON secpact.agreement, secpact.signatory TO secpact_clerk;
ALTER TABLE secpact.agreement ENABLE ROW LEVEL SECURITY;
ALTER TABLE secpact.signatory ENABLE ROW LEVEL SECURITY;
-- the clerk sees the FR-US agreements and those titled 'clerk' only, and
-- the French signatories; it may write whatever it can see or add
UPDATE secpact.agreement SET title = 'clerk' WHERE id IN (9501, 9504);
CREATE POLICY clerk_reads ON secpact.agreement FOR SELECT TO secpact_clerk
	USING (parties = 'FR-US' OR title = 'clerk');
CREATE POLICY clerk_adds ON secpact.agreement FOR INSERT TO secpact_clerk WITH CHECK (true);
CREATE POLICY clerk_updates ON secpact.agreement FOR UPDATE TO secpact_clerk
	USING (parties = 'FR-US' OR title = 'clerk') WITH CHECK (true);
CREATE POLICY clerk_reads ON secpact.signatory FOR SELECT TO secpact_clerk USING (party = 'FR');
CREATE POLICY clerk_adds ON secpact.signatory FOR INSERT TO secpact_clerk WITH CHECK (true);
INSERT INTO secpact.signatory (agreement_id, party, name) VALUES (9504, 'US', 'Hidden from the clerk');
SET ROLE secpact_clerk;
SELECT id FROM secpact.agreement WHERE kind = 'integrity' ORDER BY id;
SELECT agreement_id, party, name FROM secpact.signatory WHERE agreement_id >= 9500 ORDER BY 1, 2, 3;
-- a signatory for an agreement the clerk cannot see, for a party not in it
INSERT INTO secpact.signatory (agreement_id, party, name) VALUES (9502, 'DE', 'Unchecked?');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.signatory (agreement_id, party, name, parties) VALUES (9502, 'DE', 'Unchecked?', 'DE-FR');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.signatory (agreement_id, party, name, parties) VALUES (9502, 'DE', 'Unchecked?', 'FR-UA');
\echo :LAST_ERROR_SQLSTATE
-- naming the right parties, a signatory for a party of it is accepted
INSERT INTO secpact.signatory (agreement_id, party, name, parties) VALUES (9502, 'UA', 'Checked', 'FR-UA');
-- a change of parties stranding a signatory the clerk cannot see: refused
UPDATE secpact.agreement SET parties = 'FR-GB' WHERE id = 9504;
\echo :LAST_ERROR_SQLSTATE
-- a cycle through agreements the clerk cannot see (9502, 9503, 9509): refused
INSERT INTO secpact.agreement (id, parties, kind, title, signed_on, supersedes)
VALUES (9510, 'FR-UA', 'integrity', 'clerk', '2024-01-01', 9509);
SELECT id, supersedes FROM secpact.agreement WHERE kind = 'integrity' ORDER BY id;
UPDATE secpact.agreement SET supersedes = 9510 WHERE id = 9501;
\echo :LAST_ERROR_SQLSTATE
-- entering into force before a hidden agreement it supersedes (9508): refused
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, supersedes)
VALUES (9511, 'FR-UA', 'integrity', '2020-01-02', '2020-02-20', 9508);
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
SELECT agreement_id, party, name, parties FROM secpact.signatory WHERE agreement_id >= 9500 ORDER BY 1, 2, 3;

-- the trigger function cannot be borrowed for another table
CREATE TABLE not_the_registry (id bigint, supersedes bigint);
CREATE TRIGGER borrowed AFTER INSERT ON not_the_registry FOR EACH ROW
	EXECUTE FUNCTION secpact.agreement_supersession_check();
INSERT INTO not_the_registry VALUES (1, 2);
\echo :LAST_ERROR_SQLSTATE
DROP TABLE not_the_registry;

-- clean up
DROP POLICY clerk_reads ON secpact.agreement;
DROP POLICY clerk_adds ON secpact.agreement;
DROP POLICY clerk_updates ON secpact.agreement;
DROP POLICY clerk_reads ON secpact.signatory;
DROP POLICY clerk_adds ON secpact.signatory;
ALTER TABLE secpact.agreement DISABLE ROW LEVEL SECURITY;
ALTER TABLE secpact.signatory DISABLE ROW LEVEL SECURITY;
REVOKE ALL ON secpact.agreement, secpact.signatory FROM secpact_clerk;
REVOKE ALL ON SCHEMA secpact FROM secpact_clerk;
DROP ROLE secpact_clerk;
UPDATE secpact.agreement SET supersedes = NULL WHERE kind = 'integrity';
DELETE FROM secpact.agreement WHERE kind = 'integrity';
