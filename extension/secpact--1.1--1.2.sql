-- secpact 1.1 -> 1.2.  Released install scripts are frozen: every change of
-- 1.2 is made here (and a fresh install of 1.2 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.2'" to load this file. \quit

--------------------------------------------------------------------------
-- Issue #12 (reliability): dates in the registry are finite, in years 1 to
-- 9999.  One infinity or 4714 BC in signed_on or entry_into_force made
-- signing_chart() and dyad_years() fail for every caller.  expires_on and
-- terminated_on are bounded below by signed_on already; 'infinity' stays
-- allowed there (never ends), which both functions handle.
--------------------------------------------------------------------------

-- Rows that break the new rules make the update fail, saying which: with
-- NOT VALID constraints they would stay, and a dump of them would not
-- restore into a fresh install, whose constraints are valid.
DO $$
DECLARE
	bad text;
BEGIN
	SELECT pg_catalog.string_agg(s.id::pg_catalog.text, ', ' ORDER BY s.id) INTO bad
	FROM (SELECT a.id FROM secpact.agreement a
		  WHERE a.signed_on OPERATOR(pg_catalog.<) '0001-01-01'::pg_catalog.date
			 OR a.signed_on OPERATOR(pg_catalog.>) '9999-12-31'::pg_catalog.date
			 OR a.entry_into_force OPERATOR(pg_catalog.<) '0001-01-01'::pg_catalog.date
			 OR a.entry_into_force OPERATOR(pg_catalog.>) '9999-12-31'::pg_catalog.date
		  ORDER BY a.id LIMIT 20) s;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'secpact 1.2 accepts signed_on and entry_into_force only in years 1 to 9999'
			USING ERRCODE = 'check_violation',
				  DETAIL = pg_catalog.format('Agreements with such a date (the first 20 by id): %s.', bad),
				  HINT = 'Correct those dates (NULL for an unknown entry into force) or delete the agreements, then run ALTER EXTENSION secpact UPDATE again.';
	END IF;
END
$$;

ALTER TABLE secpact.agreement
	ADD CONSTRAINT agreement_signed_on_in_years_1_to_9999
		CHECK (signed_on OPERATOR(pg_catalog.>=) '0001-01-01'::pg_catalog.date
			   AND signed_on OPERATOR(pg_catalog.<=) '9999-12-31'::pg_catalog.date),
	ADD CONSTRAINT agreement_entry_into_force_in_years_1_to_9999
		CHECK (entry_into_force OPERATOR(pg_catalog.>=) '0001-01-01'::pg_catalog.date
			   AND entry_into_force OPERATOR(pg_catalog.<=) '9999-12-31'::pg_catalog.date);
COMMENT ON CONSTRAINT agreement_signed_on_in_years_1_to_9999 ON secpact.agreement IS
	'signature is a finite date in years 1 to 9999, the years dyad_years() counts';
COMMENT ON CONSTRAINT agreement_entry_into_force_in_years_1_to_9999 ON secpact.agreement IS
	'entry into force is a finite date in years 1 to 9999 (NULL when unknown)';

-- Statistics that 1.1's ANALYZE wrote for a domain over dyad beside a
-- foreign type named party hold that type's = and an array of it filled
-- with two-byte parties: pg_stats crashes or fails on them.  1.2 never
-- writes such a slot and its estimators ignore one, but pg_stats would
-- still read it: remove the statistics of those columns (the next ANALYZE
-- gathers them again), with a warning.  Only a superuser may; others are
-- told to ANALYZE.
DO $$
DECLARE
	party_eq pg_catalog.oid := '@extschema@.=(@extschema@.party, @extschema@.party)'::pg_catalog.regoperator;
	analyze_fn pg_catalog.oid := '@extschema@.dyad_typanalyze(internal)'::pg_catalog.regprocedure;
	removed pg_catalog.int8;
BEGIN
	IF NOT pg_catalog.has_table_privilege('pg_catalog.pg_statistic', 'DELETE') THEN
		RAISE WARNING 'statistics of dyad columns gathered before 1.2 are not checked'
			USING HINT = 'ANALYZE tables with columns of domains over dyad again.';
		RETURN;
	END IF;
	DELETE FROM pg_catalog.pg_statistic s
	USING pg_catalog.pg_attribute a, pg_catalog.pg_type t
	WHERE a.attrelid OPERATOR(pg_catalog.=) s.starelid
	  AND a.attnum OPERATOR(pg_catalog.=) s.staattnum
	  AND t.oid OPERATOR(pg_catalog.=) a.atttypid
	  AND t.typanalyze OPERATOR(pg_catalog.=) analyze_fn
	  AND ((s.stakind1 OPERATOR(pg_catalog.=) 4 AND s.staop1 OPERATOR(pg_catalog.<>) party_eq)
		OR (s.stakind2 OPERATOR(pg_catalog.=) 4 AND s.staop2 OPERATOR(pg_catalog.<>) party_eq)
		OR (s.stakind3 OPERATOR(pg_catalog.=) 4 AND s.staop3 OPERATOR(pg_catalog.<>) party_eq)
		OR (s.stakind4 OPERATOR(pg_catalog.=) 4 AND s.staop4 OPERATOR(pg_catalog.<>) party_eq)
		OR (s.stakind5 OPERATOR(pg_catalog.=) 4 AND s.staop5 OPERATOR(pg_catalog.<>) party_eq));
	GET DIAGNOSTICS removed = ROW_COUNT;
	IF removed OPERATOR(pg_catalog.>) 0 THEN
		RAISE WARNING 'removed % rows of statistics of dyad columns gathered beside a foreign type named party', removed
			USING HINT = 'ANALYZE those tables again.';
	END IF;
END
$$;

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
-- A multilateral agreement (its column "multilateral" is added further down;
-- PL/pgSQL resolves it when the trigger runs) has members, not two parties:
-- its signatories are refused with a message saying where signatures go.
CREATE OR REPLACE FUNCTION secpact.signatory_party_check() RETURNS trigger
	LANGUAGE plpgsql PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	pair @extschema@.dyad;
	is_multilateral boolean;
BEGIN
	SELECT a.parties, a.multilateral INTO pair, is_multilateral
	FROM secpact.agreement a WHERE a.id OPERATOR(pg_catalog.=) NEW.agreement_id;
	IF FOUND AND is_multilateral THEN
		RAISE EXCEPTION 'agreement % is multilateral: secpact.signatory holds the signatories of bilateral agreements', NEW.agreement_id
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Record when each member signed and became bound in secpact.membership (signed_on, bound_on).';
	END IF;
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
-- ---------------------------------------------------------------------------
-- Party names in other languages (iso-codes' translations) and the session's
-- language of output, secpact.language.
-- ---------------------------------------------------------------------------
-- IMMUTABLE as party_name(party) is: the answer depends on the arguments and
-- the compiled table only (see "What a release may change" in the README).
CREATE FUNCTION @extschema@.party_name(@extschema@.party, lang text) RETURNS text
	AS 'MODULE_PATHNAME', 'party_name_lang' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_name(@extschema@.party, text) IS
	'short name of the party in a language (ISO 639 code or POSIX locale name, such as uk, fr or pt_BR), falling back to the language without its territory, then to English';

-- STABLE: it follows the session's secpact.language.
CREATE FUNCTION @extschema@.party_local_name(@extschema@.party) RETURNS text
	AS 'MODULE_PATHNAME', 'party_local_name' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_local_name(@extschema@.party) IS
	'short name of the party in the session''s language, secpact.language (English by default)';

CREATE FUNCTION @extschema@.party_languages() RETURNS TABLE(language text, names integer)
	AS 'MODULE_PATHNAME', 'party_languages' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 150;
COMMENT ON FUNCTION @extschema@.party_languages() IS
	'the languages with party names of their own, and how many of today''s parties each names (the others fall back to English)';

CREATE FUNCTION @extschema@.party_translations()
	RETURNS TABLE(party @extschema@.party, language text, name text)
	AS 'MODULE_PATHNAME', 'party_translations' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50000;
COMMENT ON FUNCTION @extschema@.party_translations() IS
	'every translated name of a party (of today, or a former state) that text input accepts (short, common and official names), with its language';

-- The chart's title names the hub in the session's language.
CREATE OR REPLACE FUNCTION @extschema@.signing_chart(hub @extschema@.party, kind text DEFAULT NULL, as_of date DEFAULT NULL)
	RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT @extschema@.signing_chart_svg(
		   format('%s (%s): partners in the order of signing',
				  @extschema@.party_local_name($1), @extschema@.alpha2($1)),
		   CASE WHEN $2 IS NULL THEN 'agreements of every kind' ELSE format('%s agreements', $2) END,
		   coalesce($3, CURRENT_DATE),
		   coalesce(array_agg(o.signed_on ORDER BY o."position", o.counterpart), '{}'),
		   coalesce(array_agg(@extschema@.alpha2(o.counterpart) ORDER BY o."position", o.counterpart), '{}'),
		   coalesce(array_agg(o."position" ORDER BY o."position", o.counterpart), '{}'))
FROM @extschema@.signing_order($1, $2, $3) o
HAVING $1 IS NOT NULL
$$;
-- Map keys (issue #20): numeric codes beside alpha-3 in the dashboard views
--------------------------------------------------------------------------
-- World maps are keyed by alpha-2 (Metabase), alpha-3 (Grafana, Plotly) or
-- the ISO numeric code (Natural Earth and the world atlas of d3 and Plot),
-- so both views gain the numeric code, as numeric_code() spells it (three
-- digits, zero-padded text; NULL for the EU).  CREATE OR REPLACE VIEW may
-- only append columns: the views are defined once, with the multilateral
-- agreements and the session's language, at the end of this script.
-- (the views themselves: at the end of this script)

--------------------------------------------------------------------------
-- Multilateral instruments (issue #15): memberships, accession order, and
-- the dyads they make, lazily; dyad_years at the cost of its output (#12.7)
--------------------------------------------------------------------------

-- An agreement is bilateral (parties is its dyad, as before) or
-- multilateral (parties is NULL, members in secpact.membership).  The flag
-- says which, so that a bilateral row missing its dyad is still an error and
-- not silently an instrument without members.  Adding a column with a
-- constant default rewrites nothing; existing rows are all bilateral.
ALTER TABLE secpact.agreement
	ADD COLUMN multilateral boolean NOT NULL DEFAULT false,
	ALTER COLUMN parties DROP NOT NULL,
	ADD CONSTRAINT agreement_parties_unless_multilateral
		CHECK ((parties IS NULL) OPERATOR(pg_catalog.=) multilateral);
COMMENT ON COLUMN secpact.agreement.parties IS 'the two parties of a bilateral agreement, as an unordered pair; NULL for a multilateral one';
COMMENT ON COLUMN secpact.agreement.multilateral IS 'true for a multilateral instrument, whose members are in secpact.membership; fixed when the row is inserted';

-- Short names (NATO, OTAN) live in a table of their own, several per
-- agreement: no column or index on secpact.agreement that bilateral rows
-- would pay for.  Unique without regard to case, so a name finds one
-- agreement.
CREATE TABLE secpact.agreement_name (
	agreement_id bigint NOT NULL,
	name text NOT NULL,
	CONSTRAINT agreement_name_pkey PRIMARY KEY (agreement_id, name),
	CONSTRAINT agreement_name_agreement_fkey FOREIGN KEY (agreement_id)
		REFERENCES secpact.agreement (id) ON DELETE CASCADE,
	CONSTRAINT agreement_name_is_not_empty CHECK (name OPERATOR(pg_catalog.<>) '')
);
COMMENT ON TABLE secpact.agreement_name IS 'short names of agreements (NATO), for accession_order(name): unique without regard to case';
COMMENT ON COLUMN secpact.agreement_name.agreement_id IS 'the agreement';
COMMENT ON COLUMN secpact.agreement_name.name IS 'a short name, e.g. NATO';
CREATE UNIQUE INDEX agreement_name_is_unique ON secpact.agreement_name (pg_catalog.lower(name));
COMMENT ON INDEX secpact.agreement_name_is_unique IS 'a short name names one agreement, without regard to case';
SELECT pg_catalog.pg_extension_config_dump('secpact.agreement_name', '');

-- Memberships hang on an agreement being multilateral: rather than prove at
-- every write that no concurrent transaction changes it (which REPEATABLE
-- READ cannot see), an agreement's kind of instrument never changes.
-- PARALLEL SAFE, as signatory_party_check: it only raises.
CREATE FUNCTION secpact.agreement_multilateral_is_fixed() RETURNS trigger
	LANGUAGE plpgsql PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION 'cannot change whether agreement % is multilateral', OLD.id
		USING ERRCODE = 'check_violation',
			  DETAIL = 'An agreement is bilateral or multilateral from its insertion.',
			  HINT = 'Insert a new agreement and delete the old one.';
END
$$;
COMMENT ON FUNCTION secpact.agreement_multilateral_is_fixed() IS
	'trigger: whether an agreement is multilateral is fixed when it is inserted';
CREATE TRIGGER agreement_multilateral_is_fixed BEFORE UPDATE OF multilateral ON secpact.agreement
	FOR EACH ROW WHEN (OLD.multilateral OPERATOR(pg_catalog.<>) NEW.multilateral)
	EXECUTE FUNCTION secpact.agreement_multilateral_is_fixed();

-- One row per spell of a member: a member that leaves and rejoins has two.
-- A spell starts when the member became bound (bound_on) or, where that is
-- unknown, when it signed, and ends on left_on (first day no longer a
-- member).  Spells of one member never overlap: an exclusion constraint,
-- which PostgreSQL checks against concurrent writers at every isolation
-- level, over ranges (core GiST support, no other extension): agreement
-- and party as one-point ranges, the spell as a date range.
CREATE TABLE secpact.membership (
	id bigint GENERATED BY DEFAULT AS IDENTITY,
	agreement_id bigint NOT NULL,
	party @extschema@.party NOT NULL,
	signed_on date,
	signed_order smallint,
	bound_on date,
	bound_order smallint,
	left_on date,
	source text,
	notes text,
	CONSTRAINT membership_pkey PRIMARY KEY (id),
	CONSTRAINT membership_agreement_fkey FOREIGN KEY (agreement_id)
		REFERENCES secpact.agreement (id) ON DELETE CASCADE,
	CONSTRAINT membership_signed_or_bound CHECK (signed_on IS NOT NULL OR bound_on IS NOT NULL),
	CONSTRAINT membership_bound_not_before_signature CHECK (bound_on OPERATOR(pg_catalog.>=) signed_on),
	CONSTRAINT membership_left_after_joining
		CHECK (left_on OPERATOR(pg_catalog.>) COALESCE(bound_on, signed_on)),
	CONSTRAINT membership_signed_order_is_positive CHECK (signed_order OPERATOR(pg_catalog.>) 0),
	CONSTRAINT membership_bound_order_is_positive CHECK (bound_order OPERATOR(pg_catalog.>) 0),
	CONSTRAINT membership_spells_do_not_overlap EXCLUDE USING gist (
		pg_catalog.int8range(agreement_id, agreement_id, '[]') WITH OPERATOR(pg_catalog.&&),
		pg_catalog.int4range(pg_catalog.ascii(@extschema@.alpha2(party)) OPERATOR(pg_catalog.*) 256
							 OPERATOR(pg_catalog.+) pg_catalog.ascii(pg_catalog.substr(@extschema@.alpha2(party), 2)),
							 pg_catalog.ascii(@extschema@.alpha2(party)) OPERATOR(pg_catalog.*) 256
							 OPERATOR(pg_catalog.+) pg_catalog.ascii(pg_catalog.substr(@extschema@.alpha2(party), 2)),
							 '[]') WITH OPERATOR(pg_catalog.&&),
		pg_catalog.daterange(COALESCE(bound_on, signed_on), left_on) WITH OPERATOR(pg_catalog.&&))
);
COMMENT ON TABLE secpact.membership IS 'members of multilateral agreements: one row per spell of membership';
COMMENT ON COLUMN secpact.membership.agreement_id IS 'the multilateral agreement';
COMMENT ON COLUMN secpact.membership.party IS 'the member';
COMMENT ON COLUMN secpact.membership.signed_on IS 'date the member signed (the instrument, or a protocol of accession); NULL when it did not or it is unknown';
COMMENT ON COLUMN secpact.membership.signed_order IS 'order of signing within the day where known (1, 2, ...), else NULL: NULLs on one day are ties';
COMMENT ON COLUMN secpact.membership.bound_on IS 'date the member became bound: ratification, accession, or entry into force for it; NULL when unknown';
COMMENT ON COLUMN secpact.membership.bound_order IS 'order of becoming bound within the day where known, else NULL';
COMMENT ON COLUMN secpact.membership.left_on IS 'first day no longer a member (withdrawal, expulsion); NULL while a member';
COMMENT ON COLUMN secpact.membership.source IS 'where the facts come from';
COMMENT ON SEQUENCE secpact.membership_id_seq IS 'identity of secpact.membership';
CREATE INDEX membership_agreement ON secpact.membership (agreement_id, party);
CREATE INDEX membership_party ON secpact.membership (party);

-- A membership belongs to a multilateral agreement the writer can see: the
-- lookup runs as the caller, so row-level security on secpact.agreement
-- applies (the foreign key alone would not see it).
CREATE FUNCTION secpact.membership_agreement_check() RETURNS trigger
	LANGUAGE plpgsql PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	is_multilateral boolean;
BEGIN
	SELECT a.multilateral INTO is_multilateral FROM secpact.agreement a WHERE a.id = NEW.agreement_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'agreement % does not exist or is not visible', NEW.agreement_id
			USING ERRCODE = 'foreign_key_violation',
				  HINT = 'Members are added to an agreement the writer can read.';
	END IF;
	IF NOT is_multilateral THEN
		RAISE EXCEPTION 'agreement % is bilateral', NEW.agreement_id
			USING ERRCODE = 'check_violation',
				  DETAIL = 'Only a multilateral agreement has members; a bilateral one has its two parties.',
				  HINT = 'Insert the agreement with multilateral = true and parties NULL.';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION secpact.membership_agreement_check() IS
	'trigger: a membership belongs to a multilateral agreement visible to the writer';
CREATE TRIGGER membership_agreement_check BEFORE INSERT OR UPDATE OF agreement_id ON secpact.membership
	FOR EACH ROW EXECUTE FUNCTION secpact.membership_agreement_check();

SELECT pg_catalog.pg_extension_config_dump('secpact.membership', '');
SELECT pg_catalog.pg_extension_config_dump('secpact.membership_id_seq', '');

-- Whether a member was bound by a multilateral agreement on a date: the
-- agreement in force (in_force) and a spell of the member covering the day;
-- NULL when either is unknown (no entry into force, or only a signature).
CREATE FUNCTION @extschema@.in_force(member secpact.membership, on_date date DEFAULT CURRENT_DATE)
	RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT CASE
	WHEN ($1).left_on OPERATOR(pg_catalog.<=) $2 THEN false
	WHEN ($1).bound_on OPERATOR(pg_catalog.>) $2 THEN false
	WHEN ($1).bound_on IS NULL AND $2 OPERATOR(pg_catalog.<) ($1).signed_on THEN false
	ELSE (SELECT @extschema@.in_force(a, $2) FROM secpact.agreement a
		  WHERE a.id OPERATOR(pg_catalog.=) ($1).agreement_id)
		 AND CASE WHEN ($1).bound_on IS NULL THEN NULL ELSE true END
END
$$;
COMMENT ON FUNCTION @extschema@.in_force(secpact.membership, date) IS
	'whether a member was bound on a date: agreement in force and the spell covering the day; NULL when unknown';

-- The memberships the caller may read, for the extension's own views and
-- functions: a role granted SELECT on secpact.agreement but not on
-- secpact.membership (every role that read the registry before 1.2) still
-- gets every bilateral answer from them, instead of a permission error.
-- Row-level security on secpact.membership applies as on any query.
CREATE FUNCTION secpact.readable_membership() RETURNS SETOF secpact.membership
	LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF has_schema_privilege('secpact', 'USAGE')
	   AND has_table_privilege('secpact.membership', 'SELECT') THEN
		RETURN QUERY SELECT * FROM secpact.membership;
	END IF;
END
$$;
COMMENT ON FUNCTION secpact.readable_membership() IS
	'the rows of secpact.membership when the caller may read it, else none';

-- The dyads of multilateral agreements, computed when read: one row per
-- pair of spells of two members that overlap (NATO's 32 members are 496
-- rows; none is stored).  A pair's signing is the later of the two
-- members' signings (or joinings, where they did not sign); its force runs
-- from the later joining to the earlier leaving, within the agreement's own
-- life, which dyad_years and in_force add.
CREATE FUNCTION secpact.membership_pairs()
	RETURNS TABLE(agreement_id bigint, kind text, parties @extschema@.dyad, signed_on date, place text,
				  starts date, ends date, first_membership bigint, second_membership bigint)
	LANGUAGE sql STABLE PARALLEL SAFE ROWS 1000
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT a.id AS agreement_id,
	   a.kind,
	   @extschema@.dyad(m1.party, m2.party) AS parties,
	   GREATEST(COALESCE(m1.signed_on, m1.bound_on),
						   COALESCE(m2.signed_on, m2.bound_on)) AS signed_on,
	   a.place,
	   GREATEST(COALESCE(m1.bound_on, m1.signed_on),
						   COALESCE(m2.bound_on, m2.signed_on)) AS starts,
	   LEAST(m1.left_on, m2.left_on) AS ends,
	   m1.id AS first_membership,
	   m2.id AS second_membership
FROM secpact.agreement a
JOIN secpact.readable_membership() m1 ON m1.agreement_id OPERATOR(pg_catalog.=) a.id
JOIN secpact.readable_membership() m2 ON m2.agreement_id OPERATOR(pg_catalog.=) a.id
						  AND m1.party OPERATOR(@extschema@.<) m2.party
WHERE a.multilateral
  AND (m1.left_on IS NULL OR m1.left_on OPERATOR(pg_catalog.>) COALESCE(m2.bound_on, m2.signed_on))
  AND (m2.left_on IS NULL OR m2.left_on OPERATOR(pg_catalog.>) COALESCE(m1.bound_on, m1.signed_on))
$$;
COMMENT ON FUNCTION secpact.membership_pairs() IS
	'the rows of secpact.membership_dyads, for the extension''s own functions and views (callable by a role not granted the view)';
-- What the extension's functions and views read is the function, which
-- needs no grant: a role granted secpact.agreement alone keeps its
-- bilateral answers.
CREATE VIEW secpact.membership_dyads WITH (security_invoker = true) AS
SELECT p.agreement_id, p.kind, p.parties, p.signed_on, p.place, p.starts, p.ends,
	   p.first_membership, p.second_membership
FROM secpact.membership_pairs() p;
COMMENT ON VIEW secpact.membership_dyads IS
	'the dyads of multilateral agreements: one row per overlapping pair of two members'' spells, computed when read';
COMMENT ON COLUMN secpact.membership_dyads.agreement_id IS 'the multilateral agreement';
COMMENT ON COLUMN secpact.membership_dyads.kind IS 'its kind';
COMMENT ON COLUMN secpact.membership_dyads.parties IS 'the two members';
COMMENT ON COLUMN secpact.membership_dyads.signed_on IS 'the later of the two members'' signatures (joining, where a member did not sign): when the pair first shared the instrument';
COMMENT ON COLUMN secpact.membership_dyads.place IS 'where the agreement was signed';
COMMENT ON COLUMN secpact.membership_dyads.starts IS 'the later of the two spells'' starts (bound_on, else signed_on)';
COMMENT ON COLUMN secpact.membership_dyads.ends IS 'the earlier of the two spells'' ends (left_on); NULL while both are members';
COMMENT ON COLUMN secpact.membership_dyads.first_membership IS 'the spell (secpact.membership.id) of the lower party';
COMMENT ON COLUMN secpact.membership_dyads.second_membership IS 'the spell (secpact.membership.id) of the higher party';

-- Finds an agreement by its short name, else its title, without regard to
-- case; an error unless exactly one matches.
CREATE FUNCTION @extschema@.agreement_named(name text) RETURNS bigint
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ids bigint[];
BEGIN
	SELECT array_agg(n.agreement_id ORDER BY n.agreement_id) INTO ids FROM secpact.agreement_name n
	WHERE lower(n.name) = lower(agreement_named.name);
	IF ids IS NULL THEN
		SELECT array_agg(a.id ORDER BY a.id) INTO ids FROM secpact.agreement a
		WHERE lower(a.title) = lower(agreement_named.name);
	END IF;
	IF ids IS NULL THEN
		RAISE EXCEPTION 'no agreement is named "%"', agreement_named.name
			USING ERRCODE = 'undefined_object',
				  HINT = 'Name an agreement by a short name (secpact.agreement_name) or its title, or pass its id.';
	END IF;
	IF cardinality(ids) > 1 THEN
		RAISE EXCEPTION 'agreement name "%" is ambiguous', agreement_named.name
			USING ERRCODE = 'ambiguous_parameter',
				  DETAIL = format('Agreements %s have that title.', array_to_string(ids, ', ')),
				  HINT = 'Pass the id of the agreement, or give it a short name in secpact.agreement_name.';
	END IF;
	RETURN ids[1];
END
$$;
COMMENT ON FUNCTION @extschema@.agreement_named(text) IS
	'the id of the agreement with that short name, else that title, without regard to case';

-- The members of a multilateral agreement in the order they joined (by
-- 'joined': bound_on, else signed_on; 'bound': bound_on; 'signed':
-- signed_on), each at its first spell, with signing_order's ties.  In C
-- (membership.c), on signing_core's ranking.
CREATE FUNCTION @extschema@.accession_order(agreement bigint, by text DEFAULT 'joined')
	RETURNS TABLE("position" int, party @extschema@.party, party_name text, on_date date,
				  ordinal text, shared boolean)
	AS 'MODULE_PATHNAME', 'accession_order'
	LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 50
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.accession_order(bigint, text) IS
	'the members of a multilateral agreement in the order they joined, with shared positions for ties';

CREATE FUNCTION @extschema@.accession_order(name text, by text DEFAULT 'joined')
	RETURNS TABLE("position" int, party @extschema@.party, party_name text, on_date date,
				  ordinal text, shared boolean)
	LANGUAGE sql STABLE STRICT PARALLEL SAFE ROWS 50
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT * FROM @extschema@.accession_order(@extschema@.agreement_named($1), $2)
$$;
COMMENT ON FUNCTION @extschema@.accession_order(text, text) IS
	'accession_order of the agreement with that short name or title';

-- The accession order as the signing chart draws it.
CREATE FUNCTION @extschema@.accession_chart(agreement bigint, by text DEFAULT 'joined', as_of date DEFAULT NULL)
	RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT @extschema@.signing_chart_svg(
		   format('%s: members in the order of accession',
				  coalesce(a.title, format('agreement %s', a.id))),
		   format('by date %s', coalesce($2, 'joined')),
		   coalesce($3, CURRENT_DATE),
		   coalesce(array_agg(o.on_date ORDER BY o."position", o.party), '{}'),
		   coalesce(array_agg(@extschema@.alpha2(o.party) ORDER BY o."position", o.party), '{}'),
		   coalesce(array_agg(o."position" ORDER BY o."position", o.party), '{}'))
FROM secpact.agreement a
LEFT JOIN @extschema@.accession_order(a.id, coalesce($2, 'joined')) o
	   ON $3 IS NULL OR o.on_date OPERATOR(pg_catalog.<=) $3
WHERE a.id OPERATOR(pg_catalog.=) $1
GROUP BY a.id, a.title
$$;
COMMENT ON FUNCTION @extschema@.accession_chart(bigint, text, date) IS
	'the accession order of a multilateral agreement as an SVG step chart of cumulative members';

-- signing_order gains include_multilateral: the counterparts a hub shares a
-- multilateral agreement with, from the day both had signed (or joined).
-- A new argument is a new signature: the old one goes.  signing_chart calls
-- it by name and three arguments, which the new one takes; nothing else
-- depends on it.
DROP FUNCTION @extschema@.signing_order(@extschema@.party, text, date, boolean);
CREATE FUNCTION @extschema@.signing_order(hub @extschema@.party, kind text DEFAULT NULL,
										  as_of date DEFAULT NULL, states_only boolean DEFAULT false,
										  include_multilateral boolean DEFAULT false)
	RETURNS TABLE("position" int, counterpart @extschema@.party, counterpart_name text,
				  signed_on date, place text, ordinal text, shared boolean)
	AS 'MODULE_PATHNAME', 'signing_order'
	LANGUAGE C STABLE PARALLEL SAFE ROWS 100
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.signing_order(@extschema@.party, text, date, boolean, boolean) IS
	'the counterparts of a party in the order of their first signing, with shared positions for ties; multilateral agreements count when asked';

-- partners: multilateral agreements count as one agreement with each
-- co-member whose spell overlaps the hub's.
CREATE OR REPLACE FUNCTION @extschema@.partners(hub @extschema@.party, kind text DEFAULT NULL, as_of date DEFAULT NULL)
	RETURNS TABLE(counterpart @extschema@.party, first_signed date, agreements int, in_force boolean)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
WITH pairs AS (
	SELECT a.id, @extschema@.counterpart(a.parties, $1) AS counterpart, a.signed_on,
		   @extschema@.in_force(a, coalesce($3, CURRENT_DATE)) AS in_force
	FROM secpact.agreement a
	WHERE a.parties OPERATOR(@extschema@.@>) $1
	  AND ($2 IS NULL OR a.kind = $2)
	  AND ($3 IS NULL OR a.signed_on <= $3)
	UNION ALL
	SELECT md.agreement_id, @extschema@.counterpart(md.parties, $1), md.signed_on,
		   @extschema@.in_force(m1, coalesce($3, CURRENT_DATE))
		   AND @extschema@.in_force(m2, coalesce($3, CURRENT_DATE))
	FROM secpact.membership_pairs() md
	JOIN secpact.readable_membership() m1 ON m1.id = md.first_membership
	JOIN secpact.readable_membership() m2 ON m2.id = md.second_membership
	WHERE md.parties OPERATOR(@extschema@.@>) $1
	  AND ($2 IS NULL OR md.kind = $2)
	  AND ($3 IS NULL OR md.signed_on <= $3)
)
SELECT p.counterpart, min(p.signed_on), count(DISTINCT p.id)::int,
	   -- in force if any agreement is; unknown if none is but one may be
	   CASE WHEN bool_or(p.in_force) THEN true
			WHEN bool_or(p.in_force IS NULL) THEN NULL
			ELSE false END
FROM pairs p
GROUP BY p.counterpart
ORDER BY min(p.signed_on), p.counterpart
$$;

CREATE OR REPLACE FUNCTION @extschema@.common_partners(a @extschema@.party, b @extschema@.party, kind text DEFAULT NULL)
	RETURNS TABLE(partner text, partner_name text, partner_alpha3 text,
				  first_with_a date, first_with_b date)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
WITH signings AS (
	SELECT x.parties, x.signed_on FROM secpact.agreement x
	WHERE (x.parties OPERATOR(@extschema@.@>) $1 OR x.parties OPERATOR(@extschema@.@>) $2)
	  AND ($3 IS NULL OR x.kind = $3)
	UNION ALL
	SELECT md.parties, md.signed_on FROM secpact.membership_pairs() md
	WHERE (md.parties OPERATOR(@extschema@.@>) $1 OR md.parties OPERATOR(@extschema@.@>) $2)
	  AND ($3 IS NULL OR md.kind = $3)
), with_a AS (
	SELECT @extschema@.counterpart(s.parties, $1) AS partner, min(s.signed_on) AS first_signed
	FROM signings s WHERE s.parties OPERATOR(@extschema@.@>) $1
	GROUP BY 1
), with_b AS (
	SELECT @extschema@.counterpart(s.parties, $2) AS partner, min(s.signed_on) AS first_signed
	FROM signings s WHERE s.parties OPERATOR(@extschema@.@>) $2
	GROUP BY 1
)
SELECT @extschema@.alpha2(wa.partner), @extschema@.party_local_name(wa.partner),
	   @extschema@.alpha3(wa.partner), wa.first_signed, wb.first_signed
FROM with_a wa
JOIN with_b wb ON wa.partner OPERATOR(@extschema@.=) wb.partner
ORDER BY wa.partner
$$;

-- The views count multilateral agreements as their dyads do.  Their columns
-- are unchanged: only the rows they read grew a second source.
-- A multilateral agreement counts once for each member (however many its
-- spells) and brings each co-member as a partner.
-- dyad_years (#12 item 7): the cost follows the output.  1.1 expanded every
-- agreement into its years and grouped them: 4,000 identical agreements
-- made 4,000 copies of each year, and dyad_years(1, 9999) over a large
-- registry sorted billions of rows.  Now each agreement gives two events, a
-- +1 in its first year and a -1 after its last; the events are summed per
-- dyad and year, a running sum over each dyad gives the agreements in force
-- from one change to the next, and only those runs are expanded into years,
-- already in order.  The sort is of 2 rows per agreement, the expansion is
-- the output.  Multilateral agreements add one interval per overlapping
-- pair of spells; the intervals of one agreement and dyad never overlap in
-- time but may share a calendar year (leave and rejoin within a year), so
-- a later one starts after the year where the earlier one ended: an
-- agreement counts once a year.
CREATE OR REPLACE FUNCTION @extschema@.dyad_years(first_year integer DEFAULT NULL, last_year integer DEFAULT NULL,
												  kind text DEFAULT NULL)
	RETURNS TABLE(dyad text, party_a text, party_b text, year integer, agreements integer)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	open_until integer := coalesce(last_year, extract(year FROM CURRENT_DATE)::integer);
BEGIN
	IF first_year NOT BETWEEN 1 AND 9999 THEN
		RAISE EXCEPTION 'first_year % is out of range', first_year
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Years run from 1 to 9999.';
	END IF;
	IF last_year NOT BETWEEN 1 AND 9999 THEN
		RAISE EXCEPTION 'last_year % is out of range', last_year
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Years run from 1 to 9999.';
	END IF;
	IF first_year > last_year THEN
		RAISE EXCEPTION 'first_year % is after last_year %', first_year, last_year
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Pass the earlier year as first_year.';
	END IF;
	RETURN QUERY
	WITH superseded AS (
		SELECT x.supersedes AS id, min(coalesce(x.entry_into_force, x.signed_on)) AS superseded_on
		FROM secpact.agreement x
		WHERE x.supersedes IS NOT NULL
		GROUP BY x.supersedes
	), spans AS (
		SELECT a.id, a.parties, false AS multi,
			   coalesce(a.entry_into_force, a.signed_on) AS starts,
			   least(a.expires_on, a.terminated_on, s.superseded_on) AS ends
		FROM secpact.agreement a
		LEFT JOIN superseded s ON s.id = a.id
		WHERE NOT a.multilateral
		  AND (dyad_years.kind IS NULL OR a.kind = dyad_years.kind)
		UNION ALL
		SELECT a.id, md.parties, true,
			   greatest(coalesce(a.entry_into_force, a.signed_on), md.starts),
			   least(a.expires_on, a.terminated_on, s.superseded_on, md.ends)
		FROM secpact.agreement a
		JOIN secpact.membership_pairs() md ON md.agreement_id = a.id
		LEFT JOIN superseded s ON s.id = a.id
		WHERE a.multilateral
		  AND (dyad_years.kind IS NULL OR a.kind = dyad_years.kind)
	), bounds AS (
		SELECT sp.id, sp.parties, sp.multi,
			   greatest(extract(year FROM sp.starts), coalesce(first_year, 1)) AS y0,
			   CASE WHEN sp.ends IS NULL OR sp.ends = 'infinity' THEN open_until
					ELSE least(extract(year FROM sp.ends - 1), coalesce(last_year, 9999)) END AS y1
		FROM spans sp
		WHERE sp.ends IS NULL OR sp.ends > sp.starts
	), counted AS (
		-- only finite bounds between 1 and 9999 reach the casts
		SELECT b.id, b.parties, b.multi, b.y0::integer AS y0, b.y1::integer AS y1
		FROM bounds b
		WHERE b.y0 <= b.y1
		OFFSET 0
	), once_a_year AS (
		SELECT c.parties, c.y0, c.y1 FROM counted c WHERE NOT c.multi
		UNION ALL
		SELECT c.parties,
			   greatest(c.y0, lag(c.y1) OVER (PARTITION BY c.id, c.parties ORDER BY c.y0) + 1),
			   c.y1
		FROM counted c WHERE c.multi
	), events AS (
		-- one reference to once_a_year, which is then not materialized
		SELECT o.parties, e.y, e.delta
		FROM once_a_year o
		CROSS JOIN LATERAL (VALUES (o.y0, 1), (o.y1 + 1, -1)) AS e(y, delta)
		WHERE o.y0 <= o.y1
	), steps AS (
		SELECT e.parties, e.y, sum(e.delta) AS delta
		FROM events e
		GROUP BY e.parties, e.y
	), runs AS (
		SELECT st.parties, st.y AS y0, lead(st.y) OVER w - 1 AS y1, sum(st.delta) OVER w AS n
		FROM steps st
		WINDOW w AS (PARTITION BY st.parties ORDER BY st.y)
	)
	SELECT @extschema@.text(r.parties),
		   @extschema@.alpha2(@extschema@.first_party(r.parties)),
		   @extschema@.alpha2(@extschema@.second_party(r.parties)),
		   g.y, r.n::integer
	FROM runs r
	CROSS JOIN LATERAL generate_series(r.y0, r.y1) AS g(y)
	WHERE r.n > 0
	ORDER BY r.parties, g.y;
END
$$;

-- ---------------------------------------------------------------------------
-- The dashboard views as 1.2 leaves them: multilateral agreements counted as
-- their dyads are (multilateral instruments), the ISO numeric codes for map
-- panels (map keys) and names in the session's language (secpact.language).
-- CREATE OR REPLACE VIEW keeps 1.1's columns and appends the new ones.
-- ---------------------------------------------------------------------------
-- signing_timeline: each pair of a multilateral agreement's members counts
-- from both sides, as a bilateral agreement's parties do.
CREATE OR REPLACE VIEW secpact.signing_timeline WITH (security_invoker = true) AS
WITH sides AS (
	SELECT h.hub, @extschema@.counterpart(a.parties, h.hub) AS counterpart,
		   a.kind, a.signed_on, a.day_order, a.place, a.id
	FROM secpact.agreement a
	CROSS JOIN LATERAL pg_catalog.unnest(@extschema@.dyad_parties(a.parties)) AS h(hub)
	UNION ALL
	-- a multilateral agreement: each pair of members, from both sides
	SELECT h.hub, @extschema@.counterpart(md.parties, h.hub) AS counterpart,
		   md.kind, md.signed_on, NULL::smallint, md.place, md.agreement_id
	FROM secpact.membership_pairs() md
	CROSS JOIN LATERAL pg_catalog.unnest(@extschema@.dyad_parties(md.parties)) AS h(hub)
), firsts AS (
	SELECT DISTINCT ON (s.hub, s.kind, s.counterpart)
		   s.hub, s.kind, s.counterpart, s.signed_on, s.day_order, s.place
	FROM sides s
	ORDER BY s.hub, s.kind, s.counterpart, s.signed_on, s.day_order NULLS LAST, s.id
), ranked AS (
	SELECT f.hub, f.kind, f.counterpart, f.signed_on, f.place,
		   pg_catalog.rank() OVER (PARTITION BY f.hub, f.kind
								   ORDER BY f.signed_on, f.day_order NULLS LAST) AS pos,
		   -- RANGE mode: every counterpart first signing on the day counts
		   pg_catalog.count(*) OVER (PARTITION BY f.hub, f.kind ORDER BY f.signed_on) AS so_far,
		   pg_catalog.count(*) OVER (PARTITION BY f.hub, f.kind, f.signed_on, f.day_order) AS peers
	FROM firsts f
)
SELECT @extschema@.alpha2(r.hub) AS hub,
	   @extschema@.party_local_name(r.hub) AS hub_name,
	   @extschema@.alpha3(r.hub) AS hub_alpha3,
	   r.kind,
	   r.signed_on,
	   @extschema@.alpha2(r.counterpart) AS counterpart,
	   @extschema@.party_local_name(r.counterpart) AS counterpart_name,
	   @extschema@.alpha3(r.counterpart) AS counterpart_alpha3,
	   @extschema@.is_organisation(r.counterpart) AS counterpart_is_organisation,
	   r.place,
	   r.pos::integer AS "position",
	   @extschema@.ordinal(r.pos::integer) AS ordinal,
	   r.peers OPERATOR(pg_catalog.>) 1 AS shared,
	   r.so_far::integer AS partners_so_far,
	   @extschema@.numeric_code(r.hub) AS hub_numeric,
	   @extschema@.numeric_code(r.counterpart) AS counterpart_numeric
FROM ranked r;


CREATE OR REPLACE VIEW secpact.partner_counts WITH (security_invoker = true) AS
WITH sides AS (
	-- a bilateral agreement: one row per party, with its counterpart
	SELECT s.party, a.kind, @extschema@.counterpart(a.parties, s.party) AS counterpart,
		   true AS is_agreement, f.in_force
	FROM secpact.agreement a
	CROSS JOIN LATERAL pg_catalog.unnest(@extschema@.dyad_parties(a.parties)) AS s(party)
	CROSS JOIN LATERAL (SELECT @extschema@.in_force(a, CURRENT_DATE) AS in_force) f
	UNION ALL
	-- a multilateral agreement: one row per member ...
	SELECT m.party, a.kind, NULL::@extschema@.party, true,
		   CASE WHEN pg_catalog.bool_or(@extschema@.in_force(m, CURRENT_DATE)) THEN true
				WHEN pg_catalog.bool_or(@extschema@.in_force(m, CURRENT_DATE) IS NULL) THEN NULL
				ELSE false END
	FROM secpact.agreement a
	JOIN secpact.readable_membership() m ON m.agreement_id OPERATOR(pg_catalog.=) a.id
	WHERE a.multilateral
	GROUP BY m.party, a.kind, a.id
	UNION ALL
	-- ... and one per member and co-member, for the partners
	SELECT s.party, md.kind, @extschema@.counterpart(md.parties, s.party), false, NULL::boolean
	FROM secpact.membership_pairs() md
	CROSS JOIN LATERAL pg_catalog.unnest(@extschema@.dyad_parties(md.parties)) AS s(party)
)
SELECT @extschema@.alpha2(s.party) AS party,
	   @extschema@.party_local_name(s.party) AS party_name,
	   @extschema@.alpha3(s.party) AS party_alpha3,
	   s.kind,
	   @extschema@.count_parties(s.counterpart) AS partners,
	   (pg_catalog.count(*) FILTER (WHERE s.is_agreement))::integer AS agreements,
	   (pg_catalog.count(*) FILTER (WHERE s.is_agreement AND s.in_force))::integer AS in_force,
	   (pg_catalog.count(*) FILTER (WHERE s.is_agreement AND s.in_force IS NULL))::integer AS in_force_unknown,
	   @extschema@.numeric_code(s.party) AS party_numeric
FROM sides s
GROUP BY s.party, s.kind;

COMMENT ON COLUMN secpact.signing_timeline.hub_numeric IS
	'ISO 3166-1 numeric code of the hub as three digits (804), for map panels keyed by it; NULL for the EU';
COMMENT ON COLUMN secpact.signing_timeline.counterpart_numeric IS
	'ISO 3166-1 numeric code of the counterpart as three digits (056), the id of world-atlas features; NULL for the EU';
COMMENT ON COLUMN secpact.partner_counts.party_numeric IS
	'ISO 3166-1 numeric code of the party as three digits (804), for map panels keyed by it; NULL for the EU';
COMMENT ON COLUMN secpact.signing_timeline.hub_name IS 'short name of the hub in the session''s secpact.language (English by default)';
COMMENT ON COLUMN secpact.signing_timeline.counterpart_name IS 'short name of the counterpart in the session''s secpact.language (English by default)';
COMMENT ON COLUMN secpact.partner_counts.party_name IS 'short name of the party in the session''s secpact.language (English by default)';
-- ---------------------------------------------------------------------------
-- Every state since 1816 (issue #14): former and non-ISO parties, and
-- date-aware COW and Gleditsch-Ward crosswalks.  The types are unchanged:
-- the library now knows more values (data/states/parties-added.csv), and
-- every value stored before keeps its bytes, order and hash.
-- ---------------------------------------------------------------------------

COMMENT ON FUNCTION @extschema@.parties() IS
	'the parties of today (ISO 3166-1, the EU, Kosovo), one row each; parties(include_former => true) adds former ones';
COMMENT ON FUNCTION @extschema@.party_out(@extschema@.party) IS
	'text output of party: the alpha-2 code; a former state''s ISO 3166-3 alpha-4; # and the COW or G&W abbreviation of a state ISO never coded';
COMMENT ON FUNCTION @extschema@.party_recv(internal) IS
	'binary input of party: the stored value, two bytes (the alpha-2 letters for every party that has its own)';
COMMENT ON FUNCTION @extschema@.party_send(@extschema@.party) IS
	'binary output of party: the stored value, two bytes (the alpha-2 letters for every party that has its own)';
COMMENT ON FUNCTION @extschema@.alpha2(@extschema@.party) IS
	'ISO 3166-1 alpha-2 code; for a former party its text (ISO 3166-3 alpha-4, or # and its COW or G&W abbreviation), unique and readable back; its former alpha-2 is in party_codes()';

CREATE FUNCTION @extschema@.cow_code(party @extschema@.party, on_date date DEFAULT NULL)
	RETURNS integer
	AS 'MODULE_PATHNAME', 'party_cow_code' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cow_code(@extschema@.party, date) IS
	'the COW state code (State System Membership v2016) of the party on the date, or in its latest spell when the date is NULL; NULL when the party was not a COW state then';

CREATE FUNCTION @extschema@.cow_abbrev(party @extschema@.party, on_date date DEFAULT NULL)
	RETURNS text
	AS 'MODULE_PATHNAME', 'party_cow_abbrev' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cow_abbrev(@extschema@.party, date) IS
	'the COW state abbreviation of the party on the date, as cow_code';

CREATE FUNCTION @extschema@.gw_code(party @extschema@.party, on_date date DEFAULT NULL)
	RETURNS integer
	AS 'MODULE_PATHNAME', 'party_gw_code' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gw_code(@extschema@.party, date) IS
	'the Gleditsch-Ward state code of the party on the date, or in its latest spell when the date is NULL; NULL when the party was not a G&W state then';

CREATE FUNCTION @extschema@.party_from_cow(code integer, on_date date DEFAULT NULL)
	RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'party_from_cow_code' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_from_cow(integer, date) IS
	'the party a COW state code meant on the date (its latest spell when NULL); NULL outside its spells; 22023 for a code COW never used';

CREATE FUNCTION @extschema@.party_from_cow(abbrev text, on_date date DEFAULT NULL)
	RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'party_from_cow_abbrev' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_from_cow(text, date) IS
	'the party a COW state abbreviation (any case) meant on the date, as party_from_cow(integer, date)';

CREATE FUNCTION @extschema@.party_from_gw(code integer, on_date date DEFAULT NULL)
	RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'party_from_gw_code' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_from_gw(integer, date) IS
	'the party a Gleditsch-Ward state code meant on the date (its latest spell when NULL); NULL outside its spells; 22023 for a code G&W never used';

CREATE FUNCTION @extschema@.party_codes()
	RETURNS TABLE(party @extschema@.party, scheme text, code text, valid_from date, valid_to date)
	AS 'MODULE_PATHNAME', 'party_codes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1200;
COMMENT ON FUNCTION @extschema@.party_codes() IS
	'every assignment of a code to a party: schemes iso3166-1, iso3166-3, cow, cow-abbrev, gw; valid_to NULL while it holds';

CREATE FUNCTION @extschema@.party_valid_from(@extschema@.party) RETURNS date
	AS 'MODULE_PATHNAME', 'party_valid_from' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_valid_from(@extschema@.party) IS
	'the first day the party was a state of the COW or G&W list; NULL when that is before the lists (1816) or the lists do not have it';

CREATE FUNCTION @extschema@.party_valid_to(@extschema@.party) RETURNS date
	AS 'MODULE_PATHNAME', 'party_valid_to' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_valid_to(@extschema@.party) IS
	'the last day a former party was a state; NULL for a party of today';

CREATE FUNCTION @extschema@.party_successors(@extschema@.party)
	RETURNS TABLE(successor @extschema@.party, on_date date, how text)
	AS 'MODULE_PATHNAME', 'party_successors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION @extschema@.party_successors(@extschema@.party) IS
	'what became of a former party: successors and how (continues, secedes, dissolves, joins, unites); no rows for a party of today';

CREATE FUNCTION @extschema@.parties(on_date date)
	RETURNS TABLE(party @extschema@.party, alpha2 text, alpha3 text,
				  numeric_code text, name text, is_organisation boolean)
	AS 'MODULE_PATHNAME', 'parties_on' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;
COMMENT ON FUNCTION @extschema@.parties(date) IS
	'the parties that were states of the COW or G&W list on the date, former ones included; parties neither list has (territories, the EU) on every date';

CREATE FUNCTION @extschema@.parties(include_former boolean)
	RETURNS TABLE(party @extschema@.party, alpha2 text, alpha3 text,
				  numeric_code text, name text, is_organisation boolean)
	AS 'MODULE_PATHNAME', 'parties_all' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 281;
COMMENT ON FUNCTION @extschema@.parties(boolean) IS
	'the parties of today, as parties(), and with include_former => true every former party too';
