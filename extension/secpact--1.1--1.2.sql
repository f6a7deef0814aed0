-- secpact 1.1 -> 1.2.  Released install scripts are frozen: every change of
-- 1.2 is made here (and a fresh install of 1.2 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.2'" to load this file. \quit

--------------------------------------------------------------------------
-- Registry integrity (#12 items 4, 5, 6): supersession checked (same
-- parties, no cycle, no earlier entry into force), a signatory's party
-- checked from both tables and under row-level security, and every pg_dump
-- format restoring every row.
--------------------------------------------------------------------------

-- id is unique, so (id, parties) is too: the key the composite foreign keys
-- below refer to.  Foreign keys are checked as the table's owner with
-- row-level security off, so they hold whatever a writer may see.
ALTER TABLE secpact.agreement
	ADD CONSTRAINT agreement_id_parties_key UNIQUE (id, parties);
COMMENT ON CONSTRAINT agreement_id_parties_key ON secpact.agreement IS
	'(id, parties): what a signatory and a superseding agreement refer to, so that their parties are checked';

-- A superseding agreement is between the same two parties as the one it
-- supersedes.  agreement_supersedes_fkey still reports a missing agreement.
ALTER TABLE secpact.agreement
	ADD CONSTRAINT agreement_supersedes_same_parties
	FOREIGN KEY (supersedes, parties) REFERENCES secpact.agreement (id, parties);
COMMENT ON CONSTRAINT agreement_supersedes_same_parties ON secpact.agreement IS
	'a superseding agreement is between the same parties as the agreement it supersedes';

-- No cycle of supersessions, and no supersession entering into force before
-- the agreement it supersedes (a warning when it was signed before it).  In C
-- (supersession.c): the chain is read as the table's owner, as foreign keys
-- are, so that rows hidden by row-level security count, under an advisory
-- lock on the dyad, so that two writers cannot close a cycle between them.
CREATE FUNCTION secpact.agreement_supersession_check() RETURNS trigger
	AS 'MODULE_PATHNAME', 'agreement_supersession_check'
	LANGUAGE C;
COMMENT ON FUNCTION secpact.agreement_supersession_check() IS
	'constraint trigger: no cycle of supersessions, none entering into force before the agreement it supersedes';
-- Two triggers, so that an insert without supersedes queues nothing.
CREATE CONSTRAINT TRIGGER agreement_supersession_on_insert
	AFTER INSERT ON secpact.agreement
	FOR EACH ROW WHEN (NEW.supersedes IS NOT NULL)
	EXECUTE FUNCTION secpact.agreement_supersession_check();
COMMENT ON TRIGGER agreement_supersession_on_insert ON secpact.agreement IS
	'a new supersession makes no cycle and does not enter into force before the agreement it supersedes';
CREATE CONSTRAINT TRIGGER agreement_supersession_on_update
	AFTER UPDATE OF supersedes, entry_into_force, signed_on ON secpact.agreement
	FOR EACH ROW
	EXECUTE FUNCTION secpact.agreement_supersession_check();
COMMENT ON TRIGGER agreement_supersession_on_update ON secpact.agreement IS
	'a changed supersession or date keeps supersessions acyclic and in order of entry into force';

-- A signatory carries its agreement's parties, so that a foreign key to
-- (id, parties) and a check on its own row enforce "a signatory signs for a
-- party of its agreement" from both tables: a change of the agreement's
-- parties cascades to its signatories, where the check refuses it if one is
-- stranded, even a signatory the writer's row-level security hides.
ALTER TABLE secpact.signatory ADD COLUMN parties @extschema@.dyad;
COMMENT ON COLUMN secpact.signatory.parties IS
	'the parties of the agreement, filled in from it; kept by the foreign key signatory_agreement_parties';
UPDATE secpact.signatory s SET parties = a.parties
FROM secpact.agreement a WHERE a.id OPERATOR(pg_catalog.=) s.agreement_id;
ALTER TABLE secpact.signatory
	ADD CONSTRAINT signatory_signs_for_a_party_of_its_agreement
	CHECK (parties OPERATOR(@extschema@.@>) party);
COMMENT ON CONSTRAINT signatory_signs_for_a_party_of_its_agreement ON secpact.signatory IS
	'a signatory signs for one of the two parties of its agreement';
-- MATCH FULL: parties may not be left out (NULL) to escape the check.
ALTER TABLE secpact.signatory
	ADD CONSTRAINT signatory_agreement_parties
	FOREIGN KEY (agreement_id, parties) REFERENCES secpact.agreement (id, parties)
	MATCH FULL ON UPDATE CASCADE ON DELETE CASCADE;
COMMENT ON CONSTRAINT signatory_agreement_parties ON secpact.signatory IS
	'a signatory has its agreement''s parties; a change of them cascades, and is refused where it strands a signatory';

-- The trigger fills parties in from the agreement when the writer can see
-- it, and keeps the clear message of 1.0 for a party not in the agreement.
-- A writer who cannot see the agreement names the parties itself, and the
-- foreign key checks them.
CREATE OR REPLACE FUNCTION secpact.signatory_party_check() RETURNS trigger
	LANGUAGE plpgsql PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	pair @extschema@.dyad;
BEGIN
	SELECT a.parties INTO pair FROM secpact.agreement a WHERE a.id OPERATOR(pg_catalog.=) NEW.agreement_id;
	IF FOUND AND NOT pair OPERATOR(@extschema@.@>) NEW.party THEN
		RAISE EXCEPTION 'party % is not a party to agreement %', NEW.party, NEW.agreement_id
			USING ERRCODE = 'check_violation',
				  DETAIL = format('Agreement %s is between %s.', NEW.agreement_id, pair),
				  HINT = 'A signatory signs for one of the two parties of the agreement.';
	END IF;
	IF FOUND THEN
		NEW.parties := pair;
	END IF;
	RETURN NEW;
END
$$;

-- The same rule seen from the agreement: a change of parties that strands a
-- signatory the writer can see is refused here, with a hint; one it cannot
-- see is refused by the check, through the cascade.
CREATE FUNCTION secpact.agreement_signatories_check() RETURNS trigger
	LANGUAGE plpgsql PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	stranded text;
BEGIN
	IF pg_catalog.has_table_privilege('secpact.signatory', 'SELECT') THEN
		SELECT pg_catalog.string_agg(DISTINCT s.party::text, ', ') INTO stranded
		FROM secpact.signatory s
		WHERE s.agreement_id OPERATOR(pg_catalog.=) OLD.id
		  AND NOT NEW.parties OPERATOR(@extschema@.@>) s.party;
		IF stranded IS NOT NULL THEN
			RAISE EXCEPTION 'agreement % has signatories for %, not a party to %', OLD.id, stranded, NEW.parties
				USING ERRCODE = 'check_violation',
					  CONSTRAINT = 'signatory_signs_for_a_party_of_its_agreement',
					  DETAIL = format('Agreement %s is between %s.', OLD.id, OLD.parties),
					  HINT = 'Delete or correct those signatories in secpact.signatory first, or in the same transaction before this update.';
		END IF;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION secpact.agreement_signatories_check() IS
	'trigger: a change of an agreement''s parties strands none of its signatories';
CREATE TRIGGER agreement_signatories_check BEFORE UPDATE OF parties ON secpact.agreement
	FOR EACH ROW WHEN (OLD.parties IS DISTINCT FROM NEW.parties)
	EXECUTE FUNCTION secpact.agreement_signatories_check();
COMMENT ON TRIGGER agreement_signatories_check ON secpact.agreement IS
	'a change of parties strands no signatory the writer can see (the foreign key and check catch the others)';
COMMENT ON TRIGGER signatory_party_check ON secpact.signatory IS
	'fills in the agreement''s parties and reports a party not in the agreement';

-- pg_dump restores the registry's rows after CREATE EXTENSION has made its
-- foreign keys, and with --inserts (or --column-inserts, or
-- --rows-per-insert) one statement at a time, each checked on its own: in
-- heap order, an agreement superseding one stored later in the heap (after
-- an UPDATE) failed its foreign key and was lost with its signatories.
-- pg_dump reads a configuration table with "SELECT ... FROM table" followed
-- by this condition, in every format, so the rows are dumped superseded
-- first: by the length of the chain below each one.  COPY would not need it
-- (its foreign keys are checked at the end of the statement).
-- A loop of index lookups, not a recursive CTE, whose plan may scan the
-- whole registry at each step.  A cycle (none since 1.2, but possible in
-- rows written before) stops it at 100000 steps.
CREATE FUNCTION secpact.supersession_depth(agreement_id bigint) RETURNS integer
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	depth integer := 1;
	cur bigint := agreement_id;
BEGIN
	LOOP
		SELECT a.supersedes INTO cur FROM secpact.agreement a WHERE a.id OPERATOR(pg_catalog.=) cur;
		EXIT WHEN cur IS NULL OR depth OPERATOR(pg_catalog.>=) 100000;
		depth := depth OPERATOR(pg_catalog.+) 1;
	END LOOP;
	RETURN depth;
END
$$;
COMMENT ON FUNCTION secpact.supersession_depth(bigint) IS
	'how many agreements the chain of supersessions from this one holds, itself included: the order pg_dump dumps the registry in';
SELECT pg_catalog.pg_extension_config_dump('secpact.agreement',
	'WHERE true ORDER BY CASE WHEN supersedes IS NULL THEN 0 ELSE secpact.supersession_depth(supersedes) END');
