-- Features of 1.2 together: former parties as members of a multilateral
-- agreement, accession orders and signing orders in the session's language,
-- and the registry's rules for multilateral agreements' signatories.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
RESET client_min_messages;

-- A multilateral agreement of former states: the Warsaw Pact (1955), with
-- the USSR, the GDR and Czechoslovakia, and a member ISO never coded.
INSERT INTO secpact.agreement (multilateral, kind, title, signed_on, entry_into_force)
VALUES (true, 'combined test', 'Treaty of Friendship, Co-operation and Mutual Assistance', '1955-05-14', '1955-06-04')
RETURNING id AS pact \gset
INSERT INTO secpact.agreement_name (agreement_id, name) VALUES (:pact, 'Warsaw Pact');
INSERT INTO secpact.membership (agreement_id, party, signed_on, bound_on, left_on) VALUES
	(:pact, 'SU', '1955-05-14', '1955-06-04', NULL),
	(:pact, 'CSHH', '1955-05-14', '1955-06-04', NULL),
	(:pact, 'PL', '1955-05-14', '1955-06-04', NULL),
	(:pact, 'AL', '1955-05-14', '1955-06-04', '1968-09-13'),
	(:pact, 'DDDE', NULL, '1956-01-28', '1990-09-24'),
	(:pact, '#BAV', NULL, '1956-01-29', NULL);
-- every member reads back as itself, whatever its spelling
SELECT "position", party, party_name, on_date, ordinal, shared
FROM accession_order('Warsaw Pact') ORDER BY "position", party;
SELECT party FROM accession_order(:pact) WHERE party = 'CSHH';
SELECT count(*) AS pairs FROM secpact.membership_dyads WHERE agreement_id = :pact;
SELECT dyad, year FROM dyad_years(1956, 1956, 'combined test') WHERE dyad LIKE '%#BAV%' ORDER BY 1;

-- names follow secpact.language in accession orders and signing orders
SET secpact.language = 'fr';
SELECT party, party_name FROM accession_order('Warsaw Pact') WHERE party IN ('PL', 'SU', 'DDDE') ORDER BY party;
SELECT counterpart, counterpart_name FROM signing_order('PL', 'combined test', include_multilateral => true) ORDER BY counterpart;
RESET secpact.language;

-- a multilateral agreement's signatories: refused, with the way to record
-- them (the errors name the agreement, whose id depends on the tests before)
CREATE FUNCTION pg_temp.refusal(agreement bigint, p party, who text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	state text; hint text;
BEGIN
	INSERT INTO secpact.signatory (agreement_id, party, name) VALUES (agreement, p, who);
	RETURN 'accepted';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, hint = PG_EXCEPTION_HINT;
	RETURN state || ': ' || hint;
END $$;
SELECT pg_temp.refusal(:pact, 'PL', 'Józef Cyrankiewicz');
-- a bilateral agreement's still work, and still check the party
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES ('SU-US', 'combined test', '1987-12-08')
RETURNING id AS inf \gset
SELECT pg_temp.refusal(:inf, 'SU', 'Mikhail Gorbachev');
SELECT pg_temp.refusal(:inf, 'GB', 'Margaret Thatcher');
SELECT s.party, s.name, s.parties FROM secpact.signatory s WHERE s.agreement_id = :inf;

DELETE FROM secpact.signatory WHERE agreement_id = :inf;
DELETE FROM secpact.membership WHERE agreement_id = :pact;
DELETE FROM secpact.agreement_name WHERE agreement_id = :pact;
DELETE FROM secpact.agreement WHERE kind = 'combined test';
