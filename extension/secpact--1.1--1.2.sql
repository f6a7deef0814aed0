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
CREATE FUNCTION secpact.supersession_depth(agreement_id bigint) RETURNS integer
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
WITH RECURSIVE chain (id, depth) AS (
	SELECT $1, 1
	UNION ALL
	SELECT a.supersedes, c.depth OPERATOR(pg_catalog.+) 1
	FROM secpact.agreement a JOIN chain c ON a.id OPERATOR(pg_catalog.=) c.id
	WHERE a.supersedes IS NOT NULL
) CYCLE id SET in_cycle USING path
SELECT pg_catalog.max(depth) FROM chain
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
	'every translated name of today''s parties that text input accepts (short, common and official names), with its language';

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
-- only append columns: the bodies are 1.1's with the new columns at the end.
CREATE OR REPLACE VIEW secpact.signing_timeline WITH (security_invoker = true) AS
WITH sides AS (
	SELECT h.hub, @extschema@.counterpart(a.parties, h.hub) AS counterpart,
		   a.kind, a.signed_on, a.day_order, a.place, a.id
	FROM secpact.agreement a
	CROSS JOIN LATERAL pg_catalog.unnest(@extschema@.dyad_parties(a.parties)) AS h(hub)
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
	   @extschema@.party_name(r.hub) AS hub_name,
	   @extschema@.alpha3(r.hub) AS hub_alpha3,
	   r.kind,
	   r.signed_on,
	   @extschema@.alpha2(r.counterpart) AS counterpart,
	   @extschema@.party_name(r.counterpart) AS counterpart_name,
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
COMMENT ON COLUMN secpact.signing_timeline.hub_numeric IS
	'ISO 3166-1 numeric code of the hub as three digits (804), for map panels keyed by it; NULL for the EU';
COMMENT ON COLUMN secpact.signing_timeline.counterpart_numeric IS
	'ISO 3166-1 numeric code of the counterpart as three digits (056), the id of world-atlas features; NULL for the EU';

CREATE OR REPLACE VIEW secpact.partner_counts WITH (security_invoker = true) AS
SELECT @extschema@.alpha2(s.party) AS party,
	   @extschema@.party_name(s.party) AS party_name,
	   @extschema@.alpha3(s.party) AS party_alpha3,
	   a.kind,
	   @extschema@.count_parties(@extschema@.counterpart(a.parties, s.party)) AS partners,
	   pg_catalog.count(*)::integer AS agreements,
	   (pg_catalog.count(*) FILTER (WHERE f.in_force))::integer AS in_force,
	   (pg_catalog.count(*) FILTER (WHERE f.in_force IS NULL))::integer AS in_force_unknown,
	   @extschema@.numeric_code(s.party) AS party_numeric
FROM secpact.agreement a
CROSS JOIN LATERAL pg_catalog.unnest(@extschema@.dyad_parties(a.parties)) AS s(party)
CROSS JOIN LATERAL (SELECT @extschema@.in_force(a, CURRENT_DATE) AS in_force) f
GROUP BY s.party, a.kind;
COMMENT ON COLUMN secpact.partner_counts.party_numeric IS
	'ISO 3166-1 numeric code of the party as three digits (804), for map panels keyed by it; NULL for the EU';
