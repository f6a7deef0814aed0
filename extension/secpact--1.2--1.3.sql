-- secpact 1.2 -> 1.3.  Released install scripts are frozen: every change of
-- 1.3 is made here (and a fresh install of 1.3 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.3'" to load this file. \quit

--------------------------------------------------------------------------
-- Issue #16 (partial dates), the storage both the ordering functions and the
-- dataset loaders build on.  Treaty sources give "June 1997" or "1997", and
-- ATOP and COW leave days and months unknown.  Each registry date keeps its
-- date column, holding the first day of the period it is known to (so every
-- query written against 1.2 reads the same rows), beside a precision column
-- saying whether the day, only the month or only the year is known.  Columns
-- rather than a new column type: users' views over the registry keep working
-- through the update, and day-precision rows (all rows before 1.3) cost
-- nothing but a default.
--------------------------------------------------------------------------

CREATE TYPE @extschema@.date_precision AS ENUM ('year', 'month', 'day');
COMMENT ON TYPE @extschema@.date_precision IS
	'how much of a registry date is known: the year, the month, or the day; ordered coarse to fine';

-- True when the date is the first day of its period: a month-precision date
-- is the 1st of its month, a year-precision date 1 January.  One stored form
-- per partial date keeps equality, ordering and unique keys meaningful.
CREATE FUNCTION @extschema@.date_fits_precision(d date, p @extschema@.date_precision)
	RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN d IS NULL OR p IS NULL OR p OPERATOR(pg_catalog.=) 'day'::@extschema@.date_precision
		OR (pg_catalog.date_part('day', d) OPERATOR(pg_catalog.=) 1
			AND (p OPERATOR(pg_catalog.=) 'month'::@extschema@.date_precision
				OR pg_catalog.date_part('month', d) OPERATOR(pg_catalog.=) 1));
COMMENT ON FUNCTION @extschema@.date_fits_precision(date, @extschema@.date_precision) IS
	'whether a date is the first day of its period at the given precision (NULL counts as fitting)';

ALTER TABLE secpact.agreement
	ADD COLUMN signed_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD COLUMN entry_into_force_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD COLUMN expires_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD COLUMN terminated_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD CONSTRAINT agreement_signed_on_fits_precision
		CHECK (@extschema@.date_fits_precision(signed_on, signed_on_precision)),
	ADD CONSTRAINT agreement_entry_into_force_fits_precision
		CHECK (@extschema@.date_fits_precision(entry_into_force, entry_into_force_precision)),
	ADD CONSTRAINT agreement_expires_on_fits_precision
		CHECK (@extschema@.date_fits_precision(expires_on, expires_on_precision)),
	ADD CONSTRAINT agreement_terminated_on_fits_precision
		CHECK (@extschema@.date_fits_precision(terminated_on, terminated_on_precision));
COMMENT ON COLUMN secpact.agreement.signed_on_precision IS 'how much of signed_on is known (signed_on is the first day of that period)';
COMMENT ON COLUMN secpact.agreement.entry_into_force_precision IS 'how much of entry_into_force is known (entry_into_force is the first day of that period)';
COMMENT ON COLUMN secpact.agreement.expires_on_precision IS 'how much of expires_on is known (expires_on is the first day of that period)';
COMMENT ON COLUMN secpact.agreement.terminated_on_precision IS 'how much of terminated_on is known (terminated_on is the first day of that period)';

ALTER TABLE secpact.membership
	ADD COLUMN signed_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD COLUMN bound_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD COLUMN left_on_precision @extschema@.date_precision NOT NULL DEFAULT 'day',
	ADD CONSTRAINT membership_signed_on_fits_precision
		CHECK (@extschema@.date_fits_precision(signed_on, signed_on_precision)),
	ADD CONSTRAINT membership_bound_on_fits_precision
		CHECK (@extschema@.date_fits_precision(bound_on, bound_on_precision)),
	ADD CONSTRAINT membership_left_on_fits_precision
		CHECK (@extschema@.date_fits_precision(left_on, left_on_precision));
COMMENT ON COLUMN secpact.membership.signed_on_precision IS 'how much of signed_on is known (signed_on is the first day of that period)';
COMMENT ON COLUMN secpact.membership.bound_on_precision IS 'how much of bound_on is known (bound_on is the first day of that period)';
COMMENT ON COLUMN secpact.membership.left_on_precision IS 'how much of left_on is known (left_on is the first day of that period)';

--------------------------------------------------------------------------
-- Issue #16 item 2, partial dates: what they mean.  A partial date stands
-- for every day of its period, from the first day stored to the period's
-- last (partial_date_last); one date is known to come before another only
-- when its last day is before the other's first.  So a month-only signing
-- shares its place with every signing of that month, in_force answers NULL
-- where the period leaves the answer open, and the rules comparing two
-- dates hold when some days of the two periods satisfy them.  Dates known
-- to the day (every date before 1.3) are their own period: every answer
-- of 1.2 stays as it was.
--------------------------------------------------------------------------

-- An infinite date has no month or year to be the first day of:
-- 'infinity' (never) is a date known to the day.
CREATE OR REPLACE FUNCTION @extschema@.date_fits_precision(d date, p @extschema@.date_precision)
	RETURNS boolean
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	RETURN d IS NULL OR p IS NULL OR p OPERATOR(pg_catalog.=) 'day'::@extschema@.date_precision
		OR (pg_catalog.isfinite(d)
			AND pg_catalog.date_part('day', d) OPERATOR(pg_catalog.=) 1
			AND (p OPERATOR(pg_catalog.=) 'month'::@extschema@.date_precision
				OR pg_catalog.date_part('month', d) OPERATOR(pg_catalog.=) 1));
COMMENT ON FUNCTION @extschema@.date_fits_precision(date, @extschema@.date_precision) IS
	'whether a date is the first day of its period at the given precision (NULL counts as fitting; an infinite date only at day precision)';

CREATE FUNCTION @extschema@.partial_date(d date, p @extschema@.date_precision)
	RETURNS text
	AS 'MODULE_PATHNAME', 'partial_date_text'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.partial_date(date, @extschema@.date_precision) IS
	'a date as far as it is known, in ISO form whatever DateStyle: 1997, 1997-06 or 1997-06-15 (the period holding the date); infinity as it is';

CREATE FUNCTION @extschema@.partial_date_last(d date, p @extschema@.date_precision)
	RETURNS date
	AS 'MODULE_PATHNAME', 'partial_date_last_day'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.partial_date_last(date, @extschema@.date_precision) IS
	'the last day of the period of a partial date (the date itself at day precision): the bound every comparison of partial dates uses';

-- The rules between two dates of a row hold when the later date's last
-- possible day is not before the earlier date's first: an entry into force
-- known to 1997 is compatible with a signature on 1997-06-15.  Same names,
-- same answers for dates known to the day.
ALTER TABLE secpact.agreement
	DROP CONSTRAINT agreement_entry_into_force_not_before_signature,
	DROP CONSTRAINT agreement_expiry_not_before_signature,
	DROP CONSTRAINT agreement_termination_not_before_signature,
	ADD CONSTRAINT agreement_entry_into_force_not_before_signature
		CHECK (@extschema@.partial_date_last(entry_into_force, entry_into_force_precision)
			   OPERATOR(pg_catalog.>=) signed_on),
	ADD CONSTRAINT agreement_expiry_not_before_signature
		CHECK (@extschema@.partial_date_last(expires_on, expires_on_precision)
			   OPERATOR(pg_catalog.>=) signed_on),
	ADD CONSTRAINT agreement_termination_not_before_signature
		CHECK (@extschema@.partial_date_last(terminated_on, terminated_on_precision)
			   OPERATOR(pg_catalog.>=) signed_on);
COMMENT ON CONSTRAINT agreement_entry_into_force_not_before_signature ON secpact.agreement IS
	'entry into force is not before signature: its last possible day is not before signature''s first';
COMMENT ON CONSTRAINT agreement_expiry_not_before_signature ON secpact.agreement IS
	'expiry is not before signature: its last possible day is not before signature''s first';
COMMENT ON CONSTRAINT agreement_termination_not_before_signature ON secpact.agreement IS
	'termination is not before signature: its last possible day is not before signature''s first';

ALTER TABLE secpact.membership
	DROP CONSTRAINT membership_bound_not_before_signature,
	DROP CONSTRAINT membership_left_after_joining,
	ADD CONSTRAINT membership_bound_not_before_signature
		CHECK (@extschema@.partial_date_last(bound_on, bound_on_precision)
			   OPERATOR(pg_catalog.>=) signed_on),
	ADD CONSTRAINT membership_left_after_joining
		CHECK (@extschema@.partial_date_last(left_on, left_on_precision)
			   OPERATOR(pg_catalog.>) COALESCE(bound_on, signed_on));
COMMENT ON CONSTRAINT membership_bound_not_before_signature ON secpact.membership IS
	'a member is bound no earlier than it signed: the last possible day of bound_on is not before signed_on''s first';
COMMENT ON CONSTRAINT membership_left_after_joining ON secpact.membership IS
	'a member leaves after it joined: the last possible day of left_on is after the first of bound_on, else signed_on';

-- The supersession trigger compares the precisions too: it fires when they
-- change.
DROP TRIGGER agreement_supersession_on_update ON secpact.agreement;
CREATE CONSTRAINT TRIGGER agreement_supersession_on_update
	AFTER UPDATE OF supersedes, entry_into_force, signed_on, entry_into_force_precision,
		signed_on_precision ON secpact.agreement
	FOR EACH ROW
	EXECUTE FUNCTION secpact.agreement_supersession_check();
COMMENT ON TRIGGER agreement_supersession_on_update ON secpact.agreement IS
	'a changed supersession or date keeps supersessions acyclic and in order of entry into force';

COMMENT ON FUNCTION @extschema@.superseded(bigint, date) IS
	'whether an agreement in force by the date supersedes the agreement; NULL when one may be (a partial entry into force whose period holds the date) and none surely is';

-- in_force in three-valued logic over the periods: false as soon as a date
-- surely decides it (signed after the day, ended by it, entering into force
-- after it, superseded by it), true when every date surely allows it, NULL
-- otherwise.  Still inlinable: no SET clause, every name qualified.
CREATE OR REPLACE FUNCTION @extschema@.in_force(agreement secpact.agreement, on_date date DEFAULT CURRENT_DATE)
	RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT CASE
	WHEN $2 OPERATOR(pg_catalog.<) ($1).signed_on THEN false
	WHEN @extschema@.partial_date_last(($1).terminated_on, ($1).terminated_on_precision)
		 OPERATOR(pg_catalog.<=) $2 THEN false
	WHEN @extschema@.partial_date_last(($1).expires_on, ($1).expires_on_precision)
		 OPERATOR(pg_catalog.<=) $2 THEN false
	-- not yet in force, superseded or not: no need to ask
	WHEN ($1).entry_into_force OPERATOR(pg_catalog.>) $2 THEN false
	-- superseded: true, NULL (perhaps) or false, and then the dates' doubts
	ELSE (NOT @extschema@.superseded(($1).id, $2)) AND CASE
		WHEN ($1).entry_into_force IS NULL THEN NULL
		WHEN @extschema@.partial_date_last(($1).entry_into_force, ($1).entry_into_force_precision)
			 OPERATOR(pg_catalog.>) $2 THEN NULL
		WHEN ($1).terminated_on OPERATOR(pg_catalog.<=) $2 THEN NULL
		WHEN ($1).expires_on OPERATOR(pg_catalog.<=) $2 THEN NULL
		ELSE true
	END
END
$$;
COMMENT ON FUNCTION @extschema@.in_force(secpact.agreement, date) IS
	'whether an agreement was in force on a date; NULL when its entry into force is unknown, or a partial date leaves the day open';

CREATE OR REPLACE FUNCTION @extschema@.in_force(member secpact.membership, on_date date DEFAULT CURRENT_DATE)
	RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT CASE
	WHEN @extschema@.partial_date_last(($1).left_on, ($1).left_on_precision)
		 OPERATOR(pg_catalog.<=) $2 THEN false
	WHEN ($1).bound_on OPERATOR(pg_catalog.>) $2 THEN false
	WHEN ($1).bound_on IS NULL AND $2 OPERATOR(pg_catalog.<) ($1).signed_on THEN false
	ELSE (SELECT @extschema@.in_force(a, $2) FROM secpact.agreement a
		  WHERE a.id OPERATOR(pg_catalog.=) ($1).agreement_id)
		 AND CASE
			WHEN ($1).bound_on IS NULL THEN NULL
			WHEN @extschema@.partial_date_last(($1).bound_on, ($1).bound_on_precision)
				 OPERATOR(pg_catalog.>) $2 THEN NULL
			WHEN ($1).left_on OPERATOR(pg_catalog.<=) $2 THEN NULL
			ELSE true
		 END
END
$$;
COMMENT ON FUNCTION @extschema@.in_force(secpact.membership, date) IS
	'whether a member was bound on a date: agreement in force and the spell covering the day; NULL when unknown or a partial date leaves the day open';

-- The signings of membership_pairs() as the signing order reads them: the
-- later of the two members' signings (or joinings) lies between the later
-- first day and the later last day.
CREATE FUNCTION secpact.membership_pair_signings()
	RETURNS TABLE(agreement_id bigint, kind text, parties @extschema@.dyad, signed_on date,
				  signed_last date, place text)
	LANGUAGE sql STABLE PARALLEL SAFE ROWS 1000
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT p.agreement_id, p.kind, p.parties, p.signed_on,
	   GREATEST(CASE WHEN m1.signed_on IS NOT NULL
					 THEN @extschema@.partial_date_last(m1.signed_on, m1.signed_on_precision)
					 ELSE @extschema@.partial_date_last(m1.bound_on, m1.bound_on_precision) END,
				CASE WHEN m2.signed_on IS NOT NULL
					 THEN @extschema@.partial_date_last(m2.signed_on, m2.signed_on_precision)
					 ELSE @extschema@.partial_date_last(m2.bound_on, m2.bound_on_precision) END),
	   p.place
FROM secpact.membership_pairs() p
JOIN secpact.readable_membership() m1 ON m1.id OPERATOR(pg_catalog.=) p.first_membership
JOIN secpact.readable_membership() m2 ON m2.id OPERATOR(pg_catalog.=) p.second_membership
$$;
COMMENT ON FUNCTION secpact.membership_pair_signings() IS
	'the signing of each pair of membership_pairs() with its last possible day, for signing_order(include_multilateral => true)';

-- One source of truth for the signing order (#18 item 3): the view's
-- positions are the C function's, not a second definition in SQL.
CREATE FUNCTION secpact.signing_timeline_order(hub @extschema@.party, kind text)
	RETURNS TABLE("position" int, counterpart @extschema@.party, counterpart_name text,
				  signed_on date, place text, ordinal text, shared boolean,
				  signed_last date, signed_shown text)
	AS 'MODULE_PATHNAME', 'signing_timeline_order'
	LANGUAGE C STABLE PARALLEL SAFE ROWS 100
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION secpact.signing_timeline_order(@extschema@.party, text) IS
	'signing_order(hub, kind, include_multilateral => true) with each first signing''s last possible day and its date as known, for secpact.signing_timeline';

-- Every hub's and kind's timeline at once, from one pass over the registry
-- (signing_timeline_order(hub, kind) of each would scan it per hub and kind).
CREATE FUNCTION secpact.signing_timelines()
	RETURNS TABLE(hub @extschema@.party, kind text, "position" int, counterpart @extschema@.party,
				  signed_on date, place text, ordinal text, shared boolean, signed_last date)
	AS 'MODULE_PATHNAME', 'signing_timelines'
	LANGUAGE C STABLE PARALLEL SAFE ROWS 10000
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION secpact.signing_timelines() IS
	'signing_timeline_order(hub, kind) of every hub and kind the registry holds (without the names and dates as known), in one pass, for secpact.signing_timeline';

CREATE OR REPLACE VIEW secpact.signing_timeline WITH (security_invoker = true) AS
WITH ranked AS (
	SELECT o.hub, o.kind, o."position", o.counterpart, o.signed_on,
		   o.place, o.ordinal, o.shared,
		   -- RANGE mode: every counterpart surely signed by the row's last day
		   pg_catalog.count(*) OVER (PARTITION BY o.hub, o.kind ORDER BY o.signed_last) AS so_far
	FROM secpact.signing_timelines() o
)
SELECT @extschema@.alpha2(r.hub) AS hub,
	   @extschema@.party_local_name(r.hub) AS hub_name,
	   @extschema@.alpha3(r.hub) AS hub_alpha3,
	   r.kind,
	   r.signed_on,
	   @extschema@.alpha2(r.counterpart) AS counterpart,
	   -- named after the hub filter: signing_order's counterpart_name
	   @extschema@.party_local_name(r.counterpart) AS counterpart_name,
	   @extschema@.alpha3(r.counterpart) AS counterpart_alpha3,
	   @extschema@.is_organisation(r.counterpart) AS counterpart_is_organisation,
	   r.place,
	   r."position",
	   r.ordinal,
	   r.shared,
	   r.so_far::integer AS partners_so_far,
	   @extschema@.numeric_code(r.hub) AS hub_numeric,
	   @extschema@.numeric_code(r.counterpart) AS counterpart_numeric
FROM ranked r;
COMMENT ON COLUMN secpact.signing_timeline.signed_on IS
	'date of the counterpart''s first signing of this kind with the hub: its first day, for a partial date';
COMMENT ON COLUMN secpact.signing_timeline."position" IS
	'place in the signing order, as signing_order(hub, kind, include_multilateral => true) gives it: 1 + the counterparts surely signed before; ties share a place';
COMMENT ON COLUMN secpact.signing_timeline.shared IS
	'the position is shared with another counterpart: same day with the order within the day unknown, or a partial date whose period holds the other''s';
COMMENT ON COLUMN secpact.signing_timeline.partners_so_far IS
	'partners of the hub in this kind surely signed by the end of signed_on''s period: all of that day''s (or month''s, year''s) first signings count';
-- Issue #16 items 1, 3, 4, 5 (atop): obligations, sources with observation
-- windows, secpact.load_atop, and dyad_years by obligation, directed, with
-- partial dates, coverage flags and the COW and G&W codes of each year.
-- New tables rather than new columns on secpact.agreement and
-- secpact.membership: rows printed by 1.2's queries keep their columns.
--------------------------------------------------------------------------

-- A data set with an observation window: what it claims to cover.  An
-- agreement loaded from it stops being counted at observed_to (the data
-- ends, not the agreement), and one starting on observed_from may have
-- started before (left-censored).
CREATE TABLE secpact.source (
	name text NOT NULL,
	observed_from date NOT NULL,
	observed_to date,
	citation text,
	CONSTRAINT source_pkey PRIMARY KEY (name),
	CONSTRAINT source_name_is_not_empty CHECK (name OPERATOR(pg_catalog.<>) ''),
	CONSTRAINT source_window_in_order CHECK (observed_to OPERATOR(pg_catalog.>=) observed_from),
	CONSTRAINT source_window_in_years_1_to_9999
		CHECK (observed_from OPERATOR(pg_catalog.>=) '0001-01-01'::pg_catalog.date
			   AND observed_from OPERATOR(pg_catalog.<=) '9999-12-31'::pg_catalog.date
			   AND observed_to OPERATOR(pg_catalog.<=) '9999-12-31'::pg_catalog.date)
);
COMMENT ON TABLE secpact.source IS 'data sets the registry is loaded from, with the window of days each observes';
COMMENT ON COLUMN secpact.source.name IS 'the data set and its version, e.g. ATOP 5.1';
COMMENT ON COLUMN secpact.source.observed_from IS 'first day the data set observes: a spell starting then may have started before (left-censored)';
COMMENT ON COLUMN secpact.source.observed_to IS 'last day the data set observes: dyad_years counts its agreements no further; NULL while it is kept current';
COMMENT ON COLUMN secpact.source.citation IS 'how to cite the data set';
SELECT pg_catalog.pg_extension_config_dump('secpact.source', '');

-- Which source an agreement (and its memberships) came from.  The
-- agreement's parties ride along, with a foreign key on (agreement_id,
-- parties) as secpact.signatory has, so that the row lives beside its
-- agreement when the registry is distributed by parties.
CREATE TABLE secpact.agreement_source (
	agreement_id bigint NOT NULL,
	parties @extschema@.dyad,
	source_name text NOT NULL,
	CONSTRAINT agreement_source_pkey PRIMARY KEY (agreement_id),
	CONSTRAINT agreement_source_agreement_fkey FOREIGN KEY (agreement_id)
		REFERENCES secpact.agreement (id) ON DELETE CASCADE,
	CONSTRAINT agreement_source_agreement_parties FOREIGN KEY (agreement_id, parties)
		REFERENCES secpact.agreement (id, parties) ON UPDATE CASCADE ON DELETE CASCADE,
	CONSTRAINT agreement_source_source_fkey FOREIGN KEY (source_name)
		REFERENCES secpact.source (name) ON UPDATE CASCADE
);
COMMENT ON TABLE secpact.agreement_source IS 'the source (secpact.source) an agreement and its memberships were loaded from';
COMMENT ON COLUMN secpact.agreement_source.agreement_id IS 'the agreement';
COMMENT ON COLUMN secpact.agreement_source.parties IS 'the agreement''s parties (NULL for a multilateral one), filled in from it';
COMMENT ON COLUMN secpact.agreement_source.source_name IS 'the source';
COMMENT ON CONSTRAINT agreement_source_agreement_parties ON secpact.agreement_source IS
	'the row has its agreement''s parties; a change of them cascades';
CREATE INDEX agreement_source_source_name ON secpact.agreement_source (source_name);
SELECT pg_catalog.pg_extension_config_dump('secpact.agreement_source', '');

-- Obligations (ATOP's names): what a party owes, under an agreement or a
-- spell of membership, towards every other party or one of them.
--   defense        to come to the aid of the other if it is attacked
--   offense        to join the other in war even unprovoked
--   neutrality     to stay out of a war the other is in
--   nonaggression  not to attack the other
--   consultation   to consult the other in a crisis
-- A spell with rows of its own (membership_id) owes those; any other party
-- owes its agreement's rows naming it or no party.  An agreement without
-- rows has no known obligation: it counts in dyad_years only when no
-- obligation is asked for, as before 1.3.
CREATE TABLE secpact.obligation (
	id bigint GENERATED BY DEFAULT AS IDENTITY,
	agreement_id bigint NOT NULL,
	parties @extschema@.dyad,
	membership_id bigint,
	party @extschema@.party,
	obligation text NOT NULL,
	towards @extschema@.party,
	notes text,
	CONSTRAINT obligation_pkey PRIMARY KEY (id),
	CONSTRAINT obligation_agreement_fkey FOREIGN KEY (agreement_id)
		REFERENCES secpact.agreement (id) ON DELETE CASCADE,
	CONSTRAINT obligation_agreement_parties FOREIGN KEY (agreement_id, parties)
		REFERENCES secpact.agreement (id, parties) ON UPDATE CASCADE ON DELETE CASCADE,
	CONSTRAINT obligation_is_known CHECK (obligation OPERATOR(pg_catalog.=) ANY
		('{defense,offense,neutrality,nonaggression,consultation}'::pg_catalog.text[])),
	CONSTRAINT obligation_towards_another_party CHECK (towards OPERATOR(@extschema@.<>) party),
	CONSTRAINT obligation_between_the_parties
		CHECK ((party IS NULL OR parties OPERATOR(@extschema@.@>) party)
			   AND (towards IS NULL OR parties OPERATOR(@extschema@.@>) towards)),
	CONSTRAINT obligation_of_a_spell_names_its_member CHECK (membership_id IS NULL OR party IS NOT NULL)
);
-- (membership_id, agreement_id): a spell's obligation is under its agreement
ALTER TABLE secpact.membership
	ADD CONSTRAINT membership_id_agreement_key UNIQUE (id, agreement_id);
COMMENT ON CONSTRAINT membership_id_agreement_key ON secpact.membership IS
	'(id, agreement_id): what an obligation of a spell refers to, so that it is under the spell''s agreement';
ALTER TABLE secpact.obligation
	ADD CONSTRAINT obligation_membership_fkey FOREIGN KEY (membership_id, agreement_id)
		REFERENCES secpact.membership (id, agreement_id) ON UPDATE CASCADE ON DELETE CASCADE;
COMMENT ON TABLE secpact.obligation IS 'obligations under agreements and spells of membership: defense, offense, neutrality, nonaggression, consultation';
COMMENT ON COLUMN secpact.obligation.agreement_id IS 'the agreement';
COMMENT ON COLUMN secpact.obligation.parties IS 'the agreement''s parties (NULL for a multilateral one), filled in from it';
COMMENT ON COLUMN secpact.obligation.membership_id IS 'the spell of membership whose own obligations these are; NULL for the agreement''s';
COMMENT ON COLUMN secpact.obligation.party IS 'who owes it; NULL: every party of the agreement (filled in from the spell for a spell''s row)';
COMMENT ON COLUMN secpact.obligation.obligation IS 'defense, offense, neutrality, nonaggression or consultation (ATOP''s obligations)';
COMMENT ON COLUMN secpact.obligation.towards IS 'to whom it is owed; NULL: every other party';
COMMENT ON COLUMN secpact.obligation.notes IS 'conditions, sources';
COMMENT ON SEQUENCE secpact.obligation_id_seq IS 'identity of secpact.obligation';
COMMENT ON CONSTRAINT obligation_agreement_parties ON secpact.obligation IS
	'the row has its agreement''s parties; a change of them cascades, and is refused where a party or towards would no longer be in it';
CREATE INDEX obligation_agreement ON secpact.obligation (agreement_id);
CREATE INDEX obligation_membership ON secpact.obligation (membership_id) WHERE membership_id IS NOT NULL;
SELECT pg_catalog.pg_extension_config_dump('secpact.obligation', '');
SELECT pg_catalog.pg_extension_config_dump('secpact.obligation_id_seq', '');

-- Both tables' parties come from the agreement the writer can see (row-level
-- security applies: the lookup runs as the caller); a spell's obligation is
-- owed by its member, and a multilateral agreement's names its members.
CREATE FUNCTION secpact.agreement_parties_fill() RETURNS trigger
	LANGUAGE plpgsql PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	pair @extschema@.dyad;
	is_multilateral boolean;
	member @extschema@.party;
BEGIN
	SELECT a.parties, a.multilateral INTO pair, is_multilateral
	FROM secpact.agreement a WHERE a.id = NEW.agreement_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'agreement % does not exist or is not visible', NEW.agreement_id
			USING ERRCODE = 'foreign_key_violation',
				  HINT = 'Refer to an agreement the writer can read.';
	END IF;
	NEW.parties := pair;
	IF TG_TABLE_NAME = 'obligation' THEN
		IF NEW.membership_id IS NOT NULL THEN
			SELECT m.party INTO member FROM secpact.membership m
			WHERE m.id = NEW.membership_id AND m.agreement_id = NEW.agreement_id;
			IF NOT FOUND THEN
				RAISE EXCEPTION 'membership % of agreement % does not exist or is not visible',
					NEW.membership_id, NEW.agreement_id
					USING ERRCODE = 'foreign_key_violation';
			END IF;
			IF NEW.party IS NULL THEN
				NEW.party := member;
			ELSIF NEW.party OPERATOR(@extschema@.<>) member THEN
				RAISE EXCEPTION 'an obligation of membership % is owed by its member %, not %',
					NEW.membership_id, member, NEW.party
					USING ERRCODE = 'check_violation',
						  HINT = 'Leave party NULL for a spell''s obligation, or write the agreement''s obligation without membership_id.';
			END IF;
		END IF;
		IF is_multilateral THEN
			SELECT p INTO member
			FROM unnest(ARRAY[NEW.party, NEW.towards]) p
			WHERE p IS NOT NULL
			  AND NOT EXISTS (SELECT FROM secpact.membership m
							  WHERE m.agreement_id = NEW.agreement_id AND m.party OPERATOR(@extschema@.=) p)
			LIMIT 1;
			IF FOUND THEN
				RAISE EXCEPTION 'party % is not a member of agreement %', member, NEW.agreement_id
					USING ERRCODE = 'check_violation',
						  HINT = 'Add the member to secpact.membership first.';
			END IF;
		END IF;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION secpact.agreement_parties_fill() IS
	'trigger: fills in the agreement''s parties; an obligation of a spell is its member''s, one of a multilateral agreement names members';
CREATE TRIGGER agreement_source_parties BEFORE INSERT OR UPDATE ON secpact.agreement_source
	FOR EACH ROW EXECUTE FUNCTION secpact.agreement_parties_fill();
COMMENT ON TRIGGER agreement_source_parties ON secpact.agreement_source IS
	'fills in the agreement''s parties';
CREATE TRIGGER obligation_check BEFORE INSERT OR UPDATE ON secpact.obligation
	FOR EACH ROW EXECUTE FUNCTION secpact.agreement_parties_fill();
COMMENT ON TRIGGER obligation_check ON secpact.obligation IS
	'fills in the agreement''s parties and the spell''s member; parties of a multilateral agreement are its members';

-- The rows the caller may read, for the extension's own functions: a role
-- granted secpact.agreement alone keeps its answers (as 1.2's
-- readable_membership), without obligations or windows.
CREATE FUNCTION secpact.readable_obligation() RETURNS SETOF secpact.obligation
	LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF has_schema_privilege('secpact', 'USAGE')
	   AND has_table_privilege('secpact.obligation', 'SELECT') THEN
		RETURN QUERY SELECT * FROM secpact.obligation;
	END IF;
END
$$;
COMMENT ON FUNCTION secpact.readable_obligation() IS
	'the rows of secpact.obligation when the caller may read it, else none';

CREATE FUNCTION secpact.readable_coverage()
	RETURNS TABLE(agreement_id bigint, observed_from date, observed_to date)
	LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF has_schema_privilege('secpact', 'USAGE')
	   AND has_table_privilege('secpact.agreement_source', 'SELECT')
	   AND has_table_privilege('secpact.source', 'SELECT') THEN
		RETURN QUERY SELECT x.agreement_id, s.observed_from, s.observed_to
		FROM secpact.agreement_source x JOIN secpact.source s ON s.name = x.source_name;
	END IF;
END
$$;
COMMENT ON FUNCTION secpact.readable_coverage() IS
	'each agreement''s source window, when the caller may read secpact.agreement_source and secpact.source, else none';

-- dyad_years of 1.3: 1.2's events and
-- runs (each counted spell a +1 in its first year and a -1 after its last),
-- now over
--   * partial dates: a spell starts on the first day of its start's period
--     (stored so) and ends on the last day of its end's period, so that two
--     spells share a day wherever the periods allow it;
--   * coverage: an agreement with a source ends at the day after the
--     source's window, and a spell starting on or before the window's first
--     day is left-censored; entry_assumed where a signature stands in for an
--     unknown entry into force (the agreement's, or a member's binding);
--   * obligations: with obligation given, an agreement or pair of spells
--     counts in a direction where the first owes it to the second, and
--     undirected where either does; directed gives both orders.
-- Bilateral rows keep 1.2's plan when no obligation is asked (the lookups
-- join empty sets), and the second direction is a branch that only runs
-- when directed.  Each row has the year's COW and G&W codes.
CREATE FUNCTION secpact.dyad_year_rows(first_year integer, last_year integer, kind text,
									   obligation text, directed boolean)
	RETURNS TABLE(dyad text, party_a text, party_b text, year integer, agreements integer,
				  cow_code_a integer, cow_code_b integer, gw_code_a integer, gw_code_b integer,
				  left_censored boolean, entry_assumed boolean)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	open_until integer := coalesce(last_year, extract(year FROM CURRENT_DATE)::integer);
	both_ways boolean := coalesce(directed, false);
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
	IF dyad_year_rows.obligation IS NOT NULL AND dyad_year_rows.obligation
	   NOT IN ('defense', 'offense', 'neutrality', 'nonaggression', 'consultation') THEN
		RAISE EXCEPTION 'unknown obligation: "%"', dyad_year_rows.obligation
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Obligations are defense, offense, neutrality, nonaggression and consultation.';
	END IF;
	RETURN QUERY
	WITH superseded AS (
		SELECT x.supersedes AS id, min(coalesce(x.entry_into_force, x.signed_on)) AS superseded_on
		FROM secpact.agreement x
		WHERE x.supersedes IS NOT NULL
		GROUP BY x.supersedes
	), coverage AS (
		SELECT c.agreement_id, c.observed_from, c.observed_to FROM secpact.readable_coverage() c
	), obl AS (
		-- read only when an obligation is asked for
		SELECT o.agreement_id, o.membership_id, o.party, o.towards,
			   o.obligation = dyad_year_rows.obligation AS asked
		FROM secpact.readable_obligation() o
		WHERE dyad_year_rows.obligation IS NOT NULL
	), obl_agreement AS (
		SELECT o.agreement_id, array_agg(o.party) AS obligors, array_agg(o.towards) AS towards
		FROM obl o WHERE o.membership_id IS NULL AND o.asked
		GROUP BY o.agreement_id
	), obl_spell AS (
		-- every spell with rows of its own; towards of the asked ones
		SELECT o.membership_id, array_agg(o.towards) FILTER (WHERE o.asked) AS towards
		FROM obl o WHERE o.membership_id IS NOT NULL
		GROUP BY o.membership_id
	), spell AS (
		SELECT m.id, m.agreement_id, m.party,
			   coalesce(m.bound_on, m.signed_on) AS starts,
			   CASE m.left_on_precision WHEN 'year' THEN (m.left_on + interval '1 year')::date
					WHEN 'month' THEN (m.left_on + interval '1 month')::date
					ELSE m.left_on END AS ends,
			   m.bound_on IS NULL AS assumed
		FROM secpact.readable_membership() m
	), spans AS NOT MATERIALIZED (
		SELECT a.id, a.parties, false AS multi,
			   coalesce(a.entry_into_force, a.signed_on) AS starts,
			   least(CASE a.expires_on_precision WHEN 'year' THEN (a.expires_on + interval '1 year')::date
						  WHEN 'month' THEN (a.expires_on + interval '1 month')::date
						  ELSE a.expires_on END,
					 CASE a.terminated_on_precision WHEN 'year' THEN (a.terminated_on + interval '1 year')::date
						  WHEN 'month' THEN (a.terminated_on + interval '1 month')::date
						  ELSE a.terminated_on END,
					 s.superseded_on, cv.observed_to + 1) AS ends,
			   dyad_year_rows.obligation IS NULL
			   OR EXISTS (SELECT FROM unnest(oa.obligors, oa.towards) u(p, t)
						  WHERE (u.p IS NULL OR u.p OPERATOR(@extschema@.=) @extschema@.first_party(a.parties))
							AND (u.t IS NULL OR u.t OPERATOR(@extschema@.=) @extschema@.second_party(a.parties))) AS fwd,
			   dyad_year_rows.obligation IS NULL
			   OR EXISTS (SELECT FROM unnest(oa.obligors, oa.towards) u(p, t)
						  WHERE (u.p IS NULL OR u.p OPERATOR(@extschema@.=) @extschema@.second_party(a.parties))
							AND (u.t IS NULL OR u.t OPERATOR(@extschema@.=) @extschema@.first_party(a.parties))) AS bwd,
			   coalesce(coalesce(a.entry_into_force, a.signed_on) <= cv.observed_from, false) AS censored,
			   a.entry_into_force IS NULL AS assumed
		FROM secpact.agreement a
		LEFT JOIN superseded s ON s.id = a.id
		LEFT JOIN coverage cv ON cv.agreement_id = a.id
		LEFT JOIN obl_agreement oa ON oa.agreement_id = a.id
		WHERE NOT a.multilateral
		  AND (dyad_year_rows.kind IS NULL OR a.kind = dyad_year_rows.kind)
		UNION ALL
		SELECT p.id, p.parties, true, p.starts, p.ends,
			   dyad_year_rows.obligation IS NULL OR p.fwd, dyad_year_rows.obligation IS NULL OR p.bwd,
			   coalesce(p.starts <= p.observed_from, false), p.assumed
		FROM (
			SELECT a.id, @extschema@.dyad(m1.party, m2.party) AS parties,
				   greatest(coalesce(a.entry_into_force, a.signed_on), m1.starts, m2.starts) AS starts,
				   least(CASE a.expires_on_precision WHEN 'year' THEN (a.expires_on + interval '1 year')::date
							  WHEN 'month' THEN (a.expires_on + interval '1 month')::date
							  ELSE a.expires_on END,
						 CASE a.terminated_on_precision WHEN 'year' THEN (a.terminated_on + interval '1 year')::date
							  WHEN 'month' THEN (a.terminated_on + interval '1 month')::date
							  ELSE a.terminated_on END,
						 s.superseded_on, m1.ends, m2.ends, cv.observed_to + 1) AS ends,
				   cv.observed_from,
				   -- a signature stood in where it gave the pair's start
				   (a.entry_into_force IS NULL AND a.signed_on >= greatest(m1.starts, m2.starts))
				   OR (m1.assumed AND m1.starts >= greatest(coalesce(a.entry_into_force, a.signed_on), m2.starts))
				   OR (m2.assumed AND m2.starts >= greatest(coalesce(a.entry_into_force, a.signed_on), m1.starts))
				   AS assumed,
				   CASE WHEN os1.membership_id IS NOT NULL
						THEN EXISTS (SELECT FROM unnest(os1.towards) t(t)
									 WHERE t.t IS NULL OR t.t OPERATOR(@extschema@.=) m2.party)
						ELSE EXISTS (SELECT FROM unnest(oa.obligors, oa.towards) u(p, t)
									 WHERE (u.p IS NULL OR u.p OPERATOR(@extschema@.=) m1.party)
									   AND (u.t IS NULL OR u.t OPERATOR(@extschema@.=) m2.party)) END AS fwd,
				   CASE WHEN os2.membership_id IS NOT NULL
						THEN EXISTS (SELECT FROM unnest(os2.towards) t(t)
									 WHERE t.t IS NULL OR t.t OPERATOR(@extschema@.=) m1.party)
						ELSE EXISTS (SELECT FROM unnest(oa.obligors, oa.towards) u(p, t)
									 WHERE (u.p IS NULL OR u.p OPERATOR(@extschema@.=) m2.party)
									   AND (u.t IS NULL OR u.t OPERATOR(@extschema@.=) m1.party)) END AS bwd
			FROM secpact.agreement a
			JOIN spell m1 ON m1.agreement_id = a.id
			JOIN spell m2 ON m2.agreement_id = a.id AND m1.party OPERATOR(@extschema@.<) m2.party
			LEFT JOIN superseded s ON s.id = a.id
			LEFT JOIN coverage cv ON cv.agreement_id = a.id
			LEFT JOIN obl_agreement oa ON oa.agreement_id = a.id
			LEFT JOIN obl_spell os1 ON os1.membership_id = m1.id
			LEFT JOIN obl_spell os2 ON os2.membership_id = m2.id
			WHERE a.multilateral
			  AND (dyad_year_rows.kind IS NULL OR a.kind = dyad_year_rows.kind)
			  AND (m1.ends IS NULL OR m1.ends > m2.starts)
			  AND (m2.ends IS NULL OR m2.ends > m1.starts)
		) p
	), bounds AS (
		-- undirected (0), or the lower party owing the higher (1) ...
		SELECT sp.id, sp.parties, sp.multi,
			   CASE WHEN NOT both_ways THEN 0 WHEN sp.fwd THEN 1 ELSE 2 END AS dir,
			   sp.censored, sp.assumed,
			   greatest(extract(year FROM sp.starts), coalesce(first_year, 1)) AS y0,
			   CASE WHEN sp.ends IS NULL OR sp.ends = 'infinity' THEN open_until
					ELSE least(extract(year FROM sp.ends - 1), coalesce(last_year, 9999)) END AS y1
		FROM spans sp
		WHERE (sp.ends IS NULL OR sp.ends > sp.starts) AND (sp.fwd OR sp.bwd)
		UNION ALL
		-- ... and, directed, the higher owing the lower where both do
		SELECT sp.id, sp.parties, sp.multi, 2, sp.censored, sp.assumed,
			   greatest(extract(year FROM sp.starts), coalesce(first_year, 1)),
			   CASE WHEN sp.ends IS NULL OR sp.ends = 'infinity' THEN open_until
					ELSE least(extract(year FROM sp.ends - 1), coalesce(last_year, 9999)) END
		FROM spans sp
		WHERE both_ways AND (sp.ends IS NULL OR sp.ends > sp.starts) AND sp.fwd AND sp.bwd
	), counted AS (
		-- only finite bounds between 1 and 9999 reach the casts
		SELECT b.id, b.parties, b.multi, b.dir, b.censored, b.assumed, b.y0::integer AS y0, b.y1::integer AS y1
		FROM bounds b
		WHERE b.y0 <= b.y1
		OFFSET 0
	), once_a_year AS (
		SELECT c.parties, c.dir, c.censored, c.assumed, c.y0, c.y1 FROM counted c WHERE NOT c.multi
		UNION ALL
		SELECT c.parties, c.dir, c.censored, c.assumed,
			   greatest(c.y0, lag(c.y1) OVER (PARTITION BY c.id, c.parties, c.dir ORDER BY c.y0) + 1),
			   c.y1
		FROM counted c WHERE c.multi
	), events AS (
		-- one reference to once_a_year, which is then not materialized
		SELECT o.parties, o.dir, e.y, e.delta,
			   CASE WHEN o.censored THEN e.delta ELSE 0 END AS delta_censored,
			   CASE WHEN o.assumed THEN e.delta ELSE 0 END AS delta_assumed
		FROM once_a_year o
		CROSS JOIN LATERAL (VALUES (o.y0, 1), (o.y1 + 1, -1)) AS e(y, delta)
		WHERE o.y0 <= o.y1
	), steps AS (
		SELECT e.parties, e.dir, e.y, sum(e.delta) AS delta,
			   sum(e.delta_censored) AS delta_censored, sum(e.delta_assumed) AS delta_assumed
		FROM events e
		GROUP BY e.parties, e.dir, e.y
	), runs AS (
		SELECT st.parties, st.dir, st.y AS y0, lead(st.y) OVER w - 1 AS y1, sum(st.delta) OVER w AS n,
			   sum(st.delta_censored) OVER w AS n_censored, sum(st.delta_assumed) OVER w AS n_assumed
		FROM steps st
		WINDOW w AS (PARTITION BY st.parties, st.dir ORDER BY st.y)
	), shown AS (
		SELECT ru.*,
			   CASE WHEN ru.dir = 2 THEN @extschema@.second_party(ru.parties)
					ELSE @extschema@.first_party(ru.parties) END AS a,
			   CASE WHEN ru.dir = 2 THEN @extschema@.first_party(ru.parties)
					ELSE @extschema@.second_party(ru.parties) END AS b
		FROM runs ru WHERE ru.n > 0
	), party_span AS (
		SELECT v.p, min(sh.y0) AS y0, max(sh.y1) AS y1
		FROM shown sh CROSS JOIN LATERAL (VALUES (sh.a), (sh.b)) AS v(p)
		GROUP BY v.p
	), codes AS (
		-- once per party and year, not per dyad-year, as an array per
		-- party from its first year: the code at the year's end (1816's
		-- first day before it, where the lists begin), else on its first
		-- day (a party that ceased or changed its code within the year)
		SELECT ps.p, ps.y0,
			   array_agg(coalesce(@extschema@.cow_code(ps.p, ye.d), @extschema@.cow_code(ps.p, make_date(g.y, 1, 1)))
						 ORDER BY g.y) AS cow,
			   array_agg(coalesce(@extschema@.gw_code(ps.p, ye.d), @extschema@.gw_code(ps.p, make_date(g.y, 1, 1)))
						 ORDER BY g.y) AS gw
		FROM party_span ps
		CROSS JOIN LATERAL generate_series(ps.y0, ps.y1) AS g(y)
		CROSS JOIN LATERAL (SELECT greatest(make_date(g.y, 12, 31), '1816-01-01'::date) AS d) ye
		GROUP BY ps.p, ps.y0
	)
	SELECT @extschema@.text(r.parties),
		   @extschema@.alpha2(r.a), @extschema@.alpha2(r.b),
		   g.y, r.n::integer,
		   ca.cow[g.y - ca.y0 + 1], cb.cow[g.y - cb.y0 + 1], ca.gw[g.y - ca.y0 + 1], cb.gw[g.y - cb.y0 + 1],
		   r.n_censored > 0, r.n_assumed > 0
	-- joined per run, not per row; codes has every party of shown (the
	-- outer joins only keep a run should it not)
	FROM shown r
	LEFT JOIN codes ca ON ca.p OPERATOR(@extschema@.=) r.a
	LEFT JOIN codes cb ON cb.p OPERATOR(@extschema@.=) r.b
	CROSS JOIN LATERAL generate_series(r.y0, r.y1) AS g(y)
	ORDER BY r.parties, r.dir, g.y;
END
$$;
COMMENT ON FUNCTION secpact.dyad_year_rows(integer, integer, text, text, boolean) IS
	'the rows of dyad_years';

-- A user's view over the old dyad_years or partners would stop the update
-- below with a hint to DROP ... CASCADE, which would lose the view: say
-- instead which objects to drop and make again (their calls work as before).
DO $$
DECLARE
	deps text;
BEGIN
	SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid), ', ')
	INTO deps
	FROM pg_catalog.pg_depend d
	WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
	  AND d.refobjid OPERATOR(pg_catalog.=) ANY (ARRAY[
			'@extschema@.dyad_years(integer, integer, text)'::pg_catalog.regprocedure,
			'@extschema@.partners(@extschema@.party, text, date)'::pg_catalog.regprocedure]::pg_catalog.oid[])
	  AND d.deptype OPERATOR(pg_catalog.=) 'n';
	IF deps IS NOT NULL THEN
		RAISE EXCEPTION 'secpact 1.3 changes the arguments of dyad_years and partners, on which other objects depend'
			USING ERRCODE = 'dependent_objects_still_exist',
				  DETAIL = pg_catalog.format('Depending on them: %s.', deps),
				  HINT = 'Drop those objects, run ALTER EXTENSION secpact UPDATE again, then create them again: the calls of 1.2 work unchanged.';
	END IF;
END
$$;

-- dyad_years gains obligation and directed, and after 1.2's five columns
-- (same names, order and rows) the year's codes and the flags data sets
-- merge and filter on: a SELECT * gets six more columns (CHANGELOG).  The
-- old signature goes (a new one beside it would make every call
-- ambiguous); nothing of the extension calls it.
DROP FUNCTION @extschema@.dyad_years(integer, integer, text);
CREATE FUNCTION @extschema@.dyad_years(first_year integer DEFAULT NULL, last_year integer DEFAULT NULL,
									   kind text DEFAULT NULL, obligation text DEFAULT NULL,
									   directed boolean DEFAULT false)
	RETURNS TABLE(dyad text, party_a text, party_b text, year integer, agreements integer,
				  cow_code_a integer, cow_code_b integer, gw_code_a integer, gw_code_b integer,
				  left_censored boolean, entry_assumed boolean)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT * FROM secpact.dyad_year_rows($1, $2, $3, $4, $5)
$$;
COMMENT ON FUNCTION @extschema@.dyad_years(integer, integer, text, text, boolean) IS
	'one row per dyad and year with an agreement (of the kind, carrying the obligation) in force on a day of it; directed: both orders, the first owing the second; the COW and G&W codes of both parties in the year, and whether a counted spell is left-censored or dates from a signature standing in for entry into force';

-- partners gains obligation: with it, an agreement counts where either side
-- owes the other that obligation (as dyad_years undirected).  The old
-- signature goes; nothing of the extension calls it.
DROP FUNCTION @extschema@.partners(@extschema@.party, text, date);
-- The new one is made with the Citus changes below, which it needs.

-- ATOP's member-level file (Leeds et al., atopdata.org; never bundled): one
-- row per member and phase of an alliance.  Every alliance becomes a
-- multilateral instrument of kind 'alliance' (a bilateral one with its two
-- members), since ATOP dates each member's spells and phases apart; each row
-- a spell of membership (bound_on its entry, the exit day its last day) with
-- its obligations as the spell's own; members are parties through the COW
-- codes at their dates, a spell split where the code's party changes (365:
-- Russia, the USSR, Russia), and before 1816, where the lists begin, the
-- party of 1816.  Unknown days and months (0) are partial dates; yrexit 0
-- is in force at the source's last day.  A spell running into the member's
-- next one ends where that one starts.  Rows that cannot load are returned
-- with the reason and the rest loads; a second call replaces the source's
-- rows.  The source must be in secpact.source with its window, except ATOP
-- 5.1, which is added (1815-01-01 to 2018-12-31).
CREATE FUNCTION secpact.load_atop(members regclass, source text DEFAULT 'ATOP 5.1')
	RETURNS TABLE(atopid integer, member integer, phase integer, party @extschema@.party,
				  agreement_id bigint, membership_id bigint, loaded boolean, reason text)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
	win record;
	r record;
	seg record;
	cur_atopid integer;
	cur_agreement bigint;
	cur_failure text;
	new_membership bigint;
	n_segments integer;
	seg_parties @extschema@.party[];
	seg_ids bigint[];
	loaded_rows integer := 0;
	refused_rows integer := 0;
	obligation_names constant text[] := ARRAY['defense', 'offense', 'neutrality', 'nonaggression', 'consultation'];
BEGIN
	IF members IS NULL THEN
		RAISE EXCEPTION 'load_atop needs the table of ATOP''s members'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF load_atop.source IS NULL OR load_atop.source = '' THEN
		RAISE EXCEPTION 'load_atop needs the name of the source'
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Pass a name of secpact.source, such as ATOP 5.1.';
	END IF;
	SELECT s.name, s.observed_from, s.observed_to INTO win FROM secpact.source s WHERE s.name = load_atop.source;
	IF NOT FOUND AND load_atop.source = 'ATOP 5.1' THEN
		INSERT INTO secpact.source (name, observed_from, observed_to, citation)
		VALUES ('ATOP 5.1', '1815-01-01', '2018-12-31',
				'Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. '
				'"Alliance Treaty Obligations and Provisions, 1815-1944." International Interactions 28: 237-260. '
				'ATOP version 5.1, http://www.atopdata.org')
		RETURNING name, observed_from, observed_to INTO win;
	ELSIF NOT FOUND THEN
		RAISE EXCEPTION 'source "%" is not in secpact.source', load_atop.source
			USING ERRCODE = 'undefined_object',
				  HINT = 'Insert its name and observation window into secpact.source first.';
	END IF;
	IF win.observed_to IS NULL THEN
		RAISE EXCEPTION 'source "%" has no last day of observation', load_atop.source
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'ATOP''s yrexit 0 means in force at the last day its data observe.',
				  HINT = 'Set observed_to of the source in secpact.source.';
	END IF;

	-- a second call replaces the source's rows (memberships and obligations
	-- go with their agreements)
	DELETE FROM secpact.agreement a
	WHERE a.id IN (SELECT x.agreement_id FROM secpact.agreement_source x WHERE x.source_name = load_atop.source);

	BEGIN
		FOR r IN EXECUTE format($query$
			-- materialized: each step reads the one before several times
			WITH raw AS (
				SELECT ARRAY[t.atopid::text, t.member::text, t.yrent::text, t.moent::text, t.dayent::text,
							 t.yrexit::text, t.moexit::text, t.dayexit::text, t.phase::text, t.bilat::text,
							 t.defense::text, t.offense::text, t.neutral::text, t.nonagg::text, t.consul::text] AS v
				FROM %s t
			), num AS MATERIALIZED (
				SELECT raw.v,
					   ARRAY(SELECT CASE WHEN x.s ~ '^\s*[0-9]{1,9}(\.0*)?\s*$' THEN trunc(x.s::numeric)::integer END
							 FROM unnest(raw.v) WITH ORDINALITY x(s, i) ORDER BY x.i) AS n
				FROM raw
			), checked AS MATERIALIZED (
				SELECT num.v, num.n,
					   CASE
						WHEN num.n[1] IS NULL OR num.n[1] < 1 THEN format('atopid "%%s" is not a positive whole number', num.v[1])
						WHEN num.n[2] IS NULL OR num.n[2] < 1 THEN format('member "%%s" is not a COW state code', num.v[2])
						WHEN num.n[3] IS NULL OR num.n[3] NOT BETWEEN 1 AND 9999 THEN format('yrent "%%s" is not a year from 1 to 9999', num.v[3])
						WHEN num.n[4] IS NULL OR num.n[4] > 12 THEN format('moent "%%s" is not a month from 1 to 12, or 0', num.v[4])
						WHEN num.n[5] IS NULL OR num.n[5] > 31 THEN format('dayent "%%s" is not a day from 1 to 31, or 0', num.v[5])
						WHEN num.n[4] = 0 AND num.n[5] <> 0 THEN 'dayent is known but moent is not'
						WHEN num.n[5] > extract(day FROM make_date(num.n[3], greatest(num.n[4], 1), 1) + interval '1 month - 1 day')
							THEN format('entry date %%s-%%s-%%s does not exist', num.n[3], num.n[4], num.n[5])
						WHEN num.n[6] IS NULL OR num.n[6] > 9999 THEN format('yrexit "%%s" is not a year from 1 to 9999, or 0', num.v[6])
						WHEN num.n[7] IS NULL OR num.n[7] > 12 THEN format('moexit "%%s" is not a month from 1 to 12, or 0', num.v[7])
						WHEN num.n[8] IS NULL OR num.n[8] > 31 THEN format('dayexit "%%s" is not a day from 1 to 31, or 0', num.v[8])
						WHEN num.n[6] = 0 AND (num.n[7] <> 0 OR num.n[8] <> 0) THEN 'yrexit is 0 (in force at the end of the data) but moexit or dayexit is not'
						WHEN num.n[7] = 0 AND num.n[8] <> 0 THEN 'dayexit is known but moexit is not'
						WHEN num.n[6] <> 0 AND num.n[8] > extract(day FROM make_date(num.n[6], greatest(num.n[7], 1), 1) + interval '1 month - 1 day')
							THEN format('exit date %%s-%%s-%%s does not exist', num.n[6], num.n[7], num.n[8])
						WHEN num.n[9] IS NULL OR num.n[9] < 1 THEN format('phase "%%s" is not a positive whole number', num.v[9])
						WHEN num.n[10] IS NULL OR num.n[10] > 1 THEN format('bilat "%%s" is not 0 or 1', num.v[10])
						WHEN num.n[11] IS NULL OR num.n[11] > 1 THEN format('defense "%%s" is not 0 or 1', num.v[11])
						WHEN num.n[12] IS NULL OR num.n[12] > 1 THEN format('offense "%%s" is not 0 or 1', num.v[12])
						WHEN num.n[13] IS NULL OR num.n[13] > 1 THEN format('neutral "%%s" is not 0 or 1', num.v[13])
						WHEN num.n[14] IS NULL OR num.n[14] > 1 THEN format('nonagg "%%s" is not 0 or 1', num.v[14])
						WHEN num.n[15] IS NULL OR num.n[15] > 1 THEN format('consul "%%s" is not 0 or 1', num.v[15])
					   END AS reason
				FROM num
			), dated AS MATERIALIZED (
				SELECT c.v, c.n, c.reason, d.*,
					   CASE WHEN d.left_on IS NULL THEN $1 + 1
							WHEN d.left_precision = 'year' THEN (d.left_on + interval '1 year')::date
							WHEN d.left_precision = 'month' THEN (d.left_on + interval '1 month')::date
							ELSE d.left_on END AS ends
				FROM checked c
				CROSS JOIN LATERAL (
					SELECT CASE WHEN c.reason IS NULL THEN make_date(c.n[3], greatest(c.n[4], 1), greatest(c.n[5], 1)) END AS starts,
						   CASE WHEN c.n[4] = 0 THEN 'year' WHEN c.n[5] = 0 THEN 'month' ELSE 'day' END::@extschema@.date_precision AS starts_precision,
						   CASE WHEN c.reason IS NOT NULL OR c.n[6] = 0 THEN NULL
								WHEN c.n[7] = 0 THEN make_date(c.n[6], 1, 1)
								WHEN c.n[8] = 0 THEN make_date(c.n[6], c.n[7], 1)
								ELSE make_date(c.n[6], c.n[7], c.n[8]) + 1 END AS left_on,
						   CASE WHEN c.n[6] = 0 THEN 'day' WHEN c.n[7] = 0 THEN 'year' WHEN c.n[8] = 0 THEN 'month'
								ELSE 'day' END::@extschema@.date_precision AS left_precision
				) d
			), windowed AS MATERIALIZED (
				SELECT d.*,
					   coalesce(d.reason,
						CASE WHEN d.starts > $1 THEN format('entry %%s is after the last day of the source, %%s', to_char(d.starts, 'YYYY-MM-DD'), to_char($1, 'YYYY-MM-DD'))
							 WHEN d.ends <= d.starts THEN format('exit %%s-%%s-%%s is before entry %%s-%%s-%%s', d.n[6], d.n[7], d.n[8], d.n[3], d.n[4], d.n[5])
						END) AS refusal
				FROM dated d
			), grouped AS MATERIALIZED (
				SELECT w.*,
					   max(w.n[10]) FILTER (WHERE w.refusal IS NULL) OVER (PARTITION BY w.n[1]) AS bilat,
					   array_agg(w.n[2]) FILTER (WHERE w.refusal IS NULL) OVER (PARTITION BY w.n[1]) AS codes
				FROM windowed w
			), alliance AS MATERIALIZED (
				SELECT g.*,
					   CASE WHEN g.refusal IS NULL AND g.bilat = 1
							 AND (SELECT count(DISTINCT x.m) FROM unnest(g.codes) x(m)) <> 2
							THEN format('alliance %%s is bilateral (bilat 1) but has %%s members',
										g.n[1], (SELECT count(DISTINCT x.m) FROM unnest(g.codes) x(m)))
					   END AS bilat_refusal
				FROM grouped g
			), valid AS MATERIALIZED (
				SELECT a.*, coalesce(a.refusal, a.bilat_refusal) AS why,
					   (coalesce(a.refusal, a.bilat_refusal) IS NULL) AS ok
				FROM alliance a
			)
			SELECT v.v, v.n, v.why, v.starts, v.starts_precision, v.left_on, v.left_precision, v.ends,
				   -- the alliance's earliest entry, at the coarser precision of a tie
				   first_value(v.starts) OVER (PARTITION BY v.n[1], v.ok ORDER BY v.starts, v.starts_precision) AS signed_on,
				   first_value(v.starts_precision) OVER (PARTITION BY v.n[1], v.ok ORDER BY v.starts, v.starts_precision) AS signed_precision,
				   CASE WHEN v.ok THEN lead(v.starts) OVER (PARTITION BY v.n[1], v.n[2], v.ok ORDER BY v.starts) END AS next_starts
			FROM valid v
			ORDER BY v.n[1] NULLS LAST, v.n[2] NULLS LAST, v.starts NULLS LAST, v.n[9]
			$query$, members) USING win.observed_to
		LOOP
			atopid := r.n[1];
			member := r.n[2];
			phase := r.n[9];
			party := NULL;
			agreement_id := NULL;
			membership_id := NULL;
			IF r.why IS NOT NULL THEN
				loaded := false;
				reason := r.why;
				refused_rows := refused_rows + 1;
				RETURN NEXT;
				CONTINUE;
			END IF;
			IF cur_atopid IS DISTINCT FROM r.n[1] THEN
				-- the alliance, dated by its earliest entry
				cur_atopid := r.n[1];
				cur_agreement := NULL;
				cur_failure := NULL;
				BEGIN
					INSERT INTO secpact.agreement (multilateral, kind, title, signed_on, signed_on_precision,
												   entry_into_force, entry_into_force_precision, source, notes)
					VALUES (true, 'alliance', format('ATOP alliance %s', r.n[1]), r.signed_on, r.signed_precision,
							r.signed_on, r.signed_precision, load_atop.source,
							CASE WHEN r.n[10] = 1 THEN 'bilateral alliance' END)
					RETURNING id INTO cur_agreement;
					INSERT INTO secpact.agreement_source (agreement_id, source_name)
					VALUES (cur_agreement, load_atop.source);
				EXCEPTION WHEN OTHERS THEN
					cur_agreement := NULL;
					cur_failure := format('alliance %s: %s', r.n[1], SQLERRM);
				END;
			END IF;
			agreement_id := cur_agreement;
			IF cur_agreement IS NULL THEN
				loaded := false;
				reason := cur_failure;
				refused_rows := refused_rows + 1;
				RETURN NEXT;
				CONTINUE;
			END IF;
			-- the member: the parties its code meant during the spell, the lists'
			-- first day (1816) standing for the days before it
			IF NOT EXISTS (SELECT FROM @extschema@.party_codes() c
						   WHERE c.scheme = 'cow' AND c.code = r.n[2]::text) THEN
				loaded := false;
				reason := format('COW never used the state code %s', r.n[2]);
				refused_rows := refused_rows + 1;
				RETURN NEXT;
				CONTINUE;
			END IF;
			n_segments := 0;
			seg_parties := '{}';
			seg_ids := '{}';
			reason := NULL;
			BEGIN
				FOR seg IN
					SELECT c.party AS p,
						   CASE WHEN c.valid_from > '1816-01-01' AND c.valid_from > r.starts THEN c.valid_from END AS cut_start,
						   CASE WHEN c.valid_to IS NOT NULL
									 AND c.valid_to + 1 < least(r.ends, coalesce(r.next_starts, r.ends))
								THEN c.valid_to + 1 END AS cut_end
					FROM @extschema@.party_codes() c
					WHERE c.scheme = 'cow' AND c.code = r.n[2]::text
					  AND (c.valid_from <= '1816-01-01' OR c.valid_from < least(r.ends, coalesce(r.next_starts, r.ends)))
					  AND (c.valid_to IS NULL OR c.valid_to >= r.starts)
					ORDER BY c.valid_from
				LOOP
					INSERT INTO secpact.membership (agreement_id, party, bound_on, bound_on_precision,
													left_on, left_on_precision, source, notes)
					VALUES (cur_agreement, seg.p,
							coalesce(seg.cut_start, r.starts),
							CASE WHEN seg.cut_start IS NULL THEN r.starts_precision ELSE 'day' END,
							-- the member's next spell starts where this one stops
							CASE WHEN seg.cut_end IS NOT NULL THEN seg.cut_end
								 WHEN r.next_starts < r.ends THEN r.next_starts
								 ELSE r.left_on END,
							CASE WHEN seg.cut_end IS NOT NULL OR r.next_starts < r.ends THEN 'day'
								 ELSE r.left_precision END,
							load_atop.source, format('phase %s', r.n[9]))
					RETURNING id INTO new_membership;
					FOR i IN 1 .. 5 LOOP
						IF r.n[10 + i] = 1 THEN
							INSERT INTO secpact.obligation (agreement_id, membership_id, party, obligation)
							VALUES (cur_agreement, new_membership, seg.p, obligation_names[i]);
						END IF;
					END LOOP;
					n_segments := n_segments + 1;
					seg_parties := seg_parties || seg.p;
					seg_ids := seg_ids || new_membership;
				END LOOP;
				IF n_segments = 0 THEN
					reason := format('COW state code %s named no state from %s to %s', r.n[2],
									 to_char(r.starts, 'YYYY-MM-DD'), to_char(r.ends - 1, 'YYYY-MM-DD'));
				END IF;
			EXCEPTION WHEN OTHERS THEN
				n_segments := 0;
				reason := SQLERRM;
			END;
			IF n_segments = 0 THEN
				loaded := false;
				refused_rows := refused_rows + 1;
				RETURN NEXT;
			ELSE
				-- one row per spell loaded, once all of them are
				loaded_rows := loaded_rows + 1;
				loaded := true;
				FOR i IN 1 .. n_segments LOOP
					party := seg_parties[i];
					membership_id := seg_ids[i];
					RETURN NEXT;
				END LOOP;
			END IF;
		END LOOP;
	EXCEPTION WHEN undefined_column THEN
		RAISE EXCEPTION 'table % lacks a column of ATOP''s member file: %', members, SQLERRM
			USING ERRCODE = 'undefined_column',
				  HINT = 'load_atop reads atopid, member, yrent, moent, dayent, yrexit, moexit, dayexit, phase, bilat, defense, offense, neutral, nonagg and consul.';
	END;
	-- alliances none of whose members loaded leave no agreement behind
	DELETE FROM secpact.agreement a
	WHERE a.id IN (SELECT x.agreement_id FROM secpact.agreement_source x WHERE x.source_name = load_atop.source)
	  AND NOT EXISTS (SELECT FROM secpact.membership m WHERE m.agreement_id = a.id);
	RAISE NOTICE 'load_atop: % rows loaded, % refused', loaded_rows, refused_rows;
END
$$;
COMMENT ON FUNCTION secpact.load_atop(regclass, text) IS
	'loads ATOP''s member-level file from a table as multilateral alliances with their spells and obligations; returns each row''s result, with the reason where it could not load; replaces the source''s rows';
-- ==== perf (issue #21): a second access path for "involving a party" ====
-- A btree on the higher party beside agreement_parties: with both, the
-- planner reads parties @> 'SL' as two contiguous ranges (the dyads where SL
-- is the lower party in agreement_parties, those where it is the higher one
-- here) in place of one descent per dyad that involves SL (dyad_support.c).
CREATE INDEX agreement_higher_party ON secpact.agreement (@extschema@.second_party(parties));
COMMENT ON INDEX secpact.agreement_higher_party IS
	'the higher party of each bilateral agreement: with agreement_parties, @> and <@ on a constant party as two index ranges';

--------------------------------------------------------------------------
-- Citus (#17): secpact.distribute_registry() makes the registry Citus
-- tables, reference tables or distributed by parties, in one transaction;
-- secpact.registry_guard() stops a worker whose registry is still local
-- from answering as if the registry were empty.
--------------------------------------------------------------------------

-- Whether the registry can be read on this node: true, or an error on a
-- Citus worker (group id other than 0) whose secpact.agreement is not a
-- Citus table, where the rows are on the coordinator and every query would
-- answer from an empty table.  Without Citus it only looks the extension up.
CREATE FUNCTION secpact.registry_guard() RETURNS boolean
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'citus') THEN
		RETURN true;
	END IF;
	IF (SELECT g.groupid FROM pg_catalog.pg_dist_local_group g) OPERATOR(pg_catalog.<>) 0
	   AND NOT EXISTS (SELECT FROM pg_catalog.pg_dist_partition p
					   WHERE p.logicalrelid OPERATOR(pg_catalog.=) 'secpact.agreement'::pg_catalog.regclass) THEN
		RAISE EXCEPTION 'the registry on this Citus worker is local and holds none of the cluster''s agreements'
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'CREATE EXTENSION makes secpact.agreement a plain table on every node; the rows written on the coordinator stay there.',
				  HINT = 'Run SELECT secpact.distribute_registry() (or distribute_registry(''reference'')) on the coordinator, or query the coordinator.';
	END IF;
	RETURN true;
END
$$;
COMMENT ON FUNCTION secpact.registry_guard() IS
	'true, or an error on a Citus worker whose registry is not a Citus table (it would read as empty)';

-- The registry's tables are the extension's members that refer to
-- secpact.agreement (found through the catalog, so that a table another
-- release or lane adds is included): one whose foreign key carries the
-- agreement's parties is distributed by that column beside the agreement;
-- one without is a reference table, and empty in a distributed registry.
-- Triggers are dropped (Citus runs none on its tables), and foreign keys
-- are made again after the tables are distributed, as Citus allows them.
CREATE FUNCTION secpact.distribute_registry(how text DEFAULT 'distributed') RETURNS text
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ext pg_catalog.oid;
	registry pg_catalog.regclass := 'secpact.agreement'::pg_catalog.regclass;
	parties_att pg_catalog.int2;
	current "char";
	rec record;
	fk record;
	fks jsonb := '[]';
	fkj jsonb;
	tables pg_catalog.regclass[];
	colocated pg_catalog.regclass[] := '{}';
	colocated_col pg_catalog.name[] := '{}';
	referenced_only pg_catalog.regclass[] := '{}';
	lookups pg_catalog.regclass[] := '{}';
	dropped text[] := '{}';
	def text;
	ddl text[] := '{}';
	n pg_catalog.int8;
	i int;
BEGIN
	IF how IS NULL OR how NOT IN ('distributed', 'reference') THEN
		RAISE EXCEPTION 'invalid way of distributing the registry: %', coalesce(pg_catalog.quote_literal(how), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use ''distributed'' (by parties, every registry table co-located) or ''reference'' (a copy on every node).';
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'citus') THEN
		RAISE EXCEPTION 'secpact.distribute_registry needs Citus'
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'The extension citus is not installed in this database.',
				  HINT = 'On plain PostgreSQL the registry needs no distribution; on a Citus cluster, run CREATE EXTENSION citus and add the workers first.';
	END IF;
	IF (SELECT g.groupid FROM pg_catalog.pg_dist_local_group g) OPERATOR(pg_catalog.<>) 0 THEN
		RAISE EXCEPTION 'secpact.distribute_registry runs on the Citus coordinator'
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Connect to the coordinator and run it there.';
	END IF;

	SELECT p.partmethod INTO current FROM pg_catalog.pg_dist_partition p
	WHERE p.logicalrelid OPERATOR(pg_catalog.=) registry;
	IF FOUND THEN
		IF (current OPERATOR(pg_catalog.=) 'h' AND how OPERATOR(pg_catalog.=) 'distributed')
		   OR (current OPERATOR(pg_catalog.=) 'n' AND how OPERATOR(pg_catalog.=) 'reference') THEN
			RETURN pg_catalog.format('the registry is already %s', how);
		END IF;
		RAISE EXCEPTION 'the registry is already a Citus table, not %', how
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Undistribute its tables with undistribute_table() first (the referencing ones before secpact.agreement).';
	END IF;

	-- the extension's own tables only: nobody can plant one among its members
	SELECT e.oid INTO ext FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'secpact';
	SELECT a.attnum INTO parties_att FROM pg_catalog.pg_attribute a
	WHERE a.attrelid OPERATOR(pg_catalog.=) registry AND a.attname OPERATOR(pg_catalog.=) 'parties';
	FOR rec IN
		SELECT DISTINCT c.conrelid::pg_catalog.regclass AS tab,
			   (SELECT a.attname FROM pg_catalog.pg_constraint k
				CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(k.conkey), pg_catalog.unnest(k.confkey)) AS u(src, dst)
				JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) k.conrelid
											   AND a.attnum OPERATOR(pg_catalog.=) u.src
				WHERE k.conrelid OPERATOR(pg_catalog.=) c.conrelid
				  AND k.confrelid OPERATOR(pg_catalog.=) registry AND k.contype OPERATOR(pg_catalog.=) 'f'
				  AND u.dst OPERATOR(pg_catalog.=) parties_att
				ORDER BY k.conname LIMIT 1) AS col
		FROM pg_catalog.pg_constraint c
		JOIN pg_catalog.pg_depend d ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
									AND d.objid OPERATOR(pg_catalog.=) c.conrelid
									AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
									AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'
		WHERE c.contype OPERATOR(pg_catalog.=) 'f' AND c.confrelid OPERATOR(pg_catalog.=) registry
		  AND c.conrelid OPERATOR(pg_catalog.<>) registry
		ORDER BY 1
	LOOP
		IF rec.col IS NOT NULL THEN
			colocated := colocated OPERATOR(pg_catalog.||) rec.tab;
			colocated_col := colocated_col OPERATOR(pg_catalog.||) rec.col;
		ELSE
			referenced_only := referenced_only OPERATOR(pg_catalog.||) rec.tab;
		END IF;
	END LOOP;
	tables := ARRAY[registry] OPERATOR(pg_catalog.||) colocated OPERATOR(pg_catalog.||) referenced_only;
	-- The extension's tables these refer to that refer to no agreement (the
	-- data sources of 1.3): reference tables, whichever the kind, since a
	-- Citus table may only refer to Citus tables.
	FOR rec IN
		SELECT DISTINCT c.confrelid::pg_catalog.regclass AS tab
		FROM pg_catalog.pg_constraint c
		JOIN pg_catalog.pg_depend d ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
									AND d.objid OPERATOR(pg_catalog.=) c.confrelid
									AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
									AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'
		WHERE c.contype OPERATOR(pg_catalog.=) 'f' AND c.conrelid OPERATOR(pg_catalog.=) ANY (tables)
		  AND NOT c.confrelid OPERATOR(pg_catalog.=) ANY (tables)
		ORDER BY 1
	LOOP
		lookups := lookups OPERATOR(pg_catalog.||) rec.tab;
	END LOOP;
	tables := tables OPERATOR(pg_catalog.||) lookups;

	-- Exclusive locks first, so that nobody writes between the checks and
	-- the copy into the shards.
	FOR i IN 1 .. pg_catalog.array_length(tables, 1) LOOP
		EXECUTE pg_catalog.format('LOCK TABLE %s IN EXCLUSIVE MODE', tables[i]);
	END LOOP;

	IF how OPERATOR(pg_catalog.=) 'distributed' THEN
		SELECT pg_catalog.count(*) INTO n FROM secpact.agreement a WHERE a.parties IS NULL;
		IF n OPERATOR(pg_catalog.>) 0 THEN
			RAISE EXCEPTION 'a registry distributed by parties holds bilateral agreements only'
				USING ERRCODE = 'feature_not_supported',
					  DETAIL = pg_catalog.format('%s multilateral agreements (parties NULL) are in secpact.agreement; Citus refuses a NULL distribution column.', n),
					  HINT = 'Use secpact.distribute_registry(''reference'') for a registry with multilateral agreements.';
		END IF;
		FOR i IN 1 .. coalesce(pg_catalog.array_length(referenced_only, 1), 0) LOOP
			EXECUTE pg_catalog.format('SELECT EXISTS (SELECT FROM %s)', referenced_only[i]) INTO rec;
			IF rec.exists THEN
				RAISE EXCEPTION 'a registry distributed by parties cannot keep the rows of %', referenced_only[i]
					USING ERRCODE = 'feature_not_supported',
						  DETAIL = 'The table refers to an agreement by its id alone, which Citus cannot check against a table distributed by parties.',
						  HINT = 'Use secpact.distribute_registry(''reference''), or empty that table first.';
			END IF;
		END LOOP;
	END IF;

	-- Triggers: Citus refuses tables with triggers (the rules they kept are
	-- listed in the notice; constraints keep the rest).
	FOR rec IN
		SELECT t.tgname, t.tgrelid::pg_catalog.regclass AS tab FROM pg_catalog.pg_trigger t
		WHERE t.tgrelid OPERATOR(pg_catalog.=) ANY (tables) AND NOT t.tgisinternal
		ORDER BY 2, 1
	LOOP
		ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format('DROP TRIGGER IF EXISTS %I ON %s', rec.tgname, rec.tab);
		dropped := dropped OPERATOR(pg_catalog.||) pg_catalog.format('trigger %s on %s', rec.tgname, rec.tab);
	END LOOP;

	-- Foreign keys between the registry's tables, made again afterwards.
	FOR fk IN
		SELECT c.conname, c.conrelid::pg_catalog.regclass AS tab, c.confrelid,
			   pg_catalog.pg_get_constraintdef(c.oid) AS def,
			   pg_catalog.obj_description(c.oid, 'pg_constraint') AS comment,
			   parties_att OPERATOR(pg_catalog.=) ANY (c.confkey) AS has_parties
		FROM pg_catalog.pg_constraint c
		WHERE c.contype OPERATOR(pg_catalog.=) 'f' AND c.conrelid OPERATOR(pg_catalog.=) ANY (tables)
		  AND c.confrelid OPERATOR(pg_catalog.=) ANY (tables)
		ORDER BY c.conrelid, c.conname
	LOOP
		fks := fks OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_array(pg_catalog.to_jsonb(fk));
		ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', fk.tab, fk.conname);
	END LOOP;

	IF how OPERATOR(pg_catalog.=) 'distributed' THEN
		ddl := ddl OPERATOR(pg_catalog.||) 'ALTER TABLE secpact.agreement ALTER COLUMN parties SET NOT NULL'::text;
		-- Unique keys include the distribution column: a key without it is
		-- replaced by the same columns and it, under the same name (dropped
		-- where such a key exists already, as (id, parties) beside id).
		FOR i IN 1 .. pg_catalog.array_length(tables, 1) LOOP
			IF tables[i] OPERATOR(pg_catalog.=) ANY (referenced_only) OR tables[i] OPERATOR(pg_catalog.=) ANY (lookups) THEN
				CONTINUE;
			END IF;
			FOR rec IN
				SELECT c.conname, c.contype, c.conkey, a.attnum AS dist,
					   pg_catalog.obj_description(c.oid, 'pg_constraint') AS comment,
					   (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(x.attname), ', ' ORDER BY u.ord)
						FROM pg_catalog.unnest(c.conkey) WITH ORDINALITY AS u(att, ord)
						JOIN pg_catalog.pg_attribute x ON x.attrelid OPERATOR(pg_catalog.=) c.conrelid
													   AND x.attnum OPERATOR(pg_catalog.=) u.att) AS cols
				FROM pg_catalog.pg_constraint c
				JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) c.conrelid
				 AND a.attname OPERATOR(pg_catalog.=) CASE WHEN tables[i] OPERATOR(pg_catalog.=) registry THEN 'parties'::pg_catalog.name
						ELSE colocated_col[pg_catalog.array_position(colocated, tables[i])] END
				WHERE c.conrelid OPERATOR(pg_catalog.=) tables[i] AND c.contype IN ('p', 'u')
				  AND NOT a.attnum OPERATOR(pg_catalog.=) ANY (c.conkey)
			LOOP
				ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', tables[i], rec.conname);
				IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint k
							   WHERE k.conrelid OPERATOR(pg_catalog.=) tables[i] AND k.contype IN ('p', 'u')
								 AND k.conkey::int2[] OPERATOR(pg_catalog.@>) (rec.conkey OPERATOR(pg_catalog.||) rec.dist)
								 AND k.conkey::int2[] OPERATOR(pg_catalog.<@) (rec.conkey OPERATOR(pg_catalog.||) rec.dist)) THEN
					ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s (%s, %I)', tables[i], rec.conname,
											  CASE rec.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, rec.cols,
											  (SELECT a.attname FROM pg_catalog.pg_attribute a
											   WHERE a.attrelid OPERATOR(pg_catalog.=) tables[i]
												 AND a.attnum OPERATOR(pg_catalog.=) rec.dist));
					IF rec.comment IS NOT NULL THEN
						ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format('COMMENT ON CONSTRAINT %I ON %s IS %L', rec.conname, tables[i], rec.comment);
					END IF;
				END IF;
			END LOOP;
		END LOOP;
	END IF;

	-- Identity sequences: CREATE EXTENSION made one on every worker, which
	-- starts at 1 as the coordinator's does, so an insert through a worker
	-- reused an id.  Each worker draws from a range of its own, as Citus
	-- gives a bigint sequence: from its group id times 2^48 (the
	-- coordinator's group is 0, whose range it keeps).  setval, since Citus
	-- refuses ALTER SEQUENCE on the extension's sequences.
	FOR rec IN
		SELECT pg_catalog.pg_get_serial_sequence(t::pg_catalog.text, a.attname) AS seq
		FROM pg_catalog.unnest(tables) AS t
		JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) t AND a.attidentity OPERATOR(pg_catalog.<>) ''
		ORDER BY 1
	LOOP
		ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format(
			'DO $w$ DECLARE g pg_catalog.int8 := (SELECT l.groupid FROM pg_catalog.pg_dist_local_group l); BEGIN'
			' IF g OPERATOR(pg_catalog.<>) 0 AND coalesce((SELECT s.last_value FROM %1$s s), 0) OPERATOR(pg_catalog.<) (g OPERATOR(pg_catalog.<<) 48) THEN'
			' PERFORM pg_catalog.setval(%2$L, g OPERATOR(pg_catalog.<<) 48); END IF; END $w$', rec.seq, rec.seq);
	END LOOP;

	-- The changes above, here and on every worker: Citus takes the tables
	-- that CREATE EXTENSION made on a worker as the shells of the Citus
	-- tables, so they must lose the same triggers and keys.  Each is
	-- idempotent, since run_command_on_workers commits on its own.
	FOR i IN 1 .. coalesce(pg_catalog.array_length(ddl, 1), 0) LOOP
		EXECUTE ddl[i];
	END LOOP;
	IF pg_catalog.array_length(ddl, 1) OPERATOR(pg_catalog.>) 0 THEN
		FOR rec IN SELECT w.nodename, w.nodeport, w.result
				   FROM pg_catalog.run_command_on_workers(pg_catalog.array_to_string(ddl, '; ')) w
				   WHERE NOT w.success
		LOOP
			RAISE EXCEPTION 'could not prepare the registry on worker %:%: %', rec.nodename, rec.nodeport, rec.result
				USING ERRCODE = 'object_not_in_prerequisite_state',
					  HINT = 'Check that secpact is installed in this database on every worker, then run secpact.distribute_registry again.';
		END LOOP;
	END IF;

	IF how OPERATOR(pg_catalog.=) 'distributed' THEN
		-- Citus refuses to write a table referring to a reference table after a
		-- parallel operation in the same transaction: one connection per node.
		PERFORM pg_catalog.set_config('citus.multi_shard_modify_mode', 'sequential', true);
		FOR i IN 1 .. coalesce(pg_catalog.array_length(lookups, 1), 0) LOOP
			PERFORM pg_catalog.create_reference_table(lookups[i]);
		END LOOP;
		PERFORM pg_catalog.create_distributed_table(registry, 'parties');
		FOR i IN 1 .. coalesce(pg_catalog.array_length(colocated, 1), 0) LOOP
			PERFORM pg_catalog.create_distributed_table(colocated[i], colocated_col[i], colocate_with => registry::pg_catalog.text);
		END LOOP;
		-- the tables that refer to an agreement by id alone stay empty
		FOR i IN 1 .. coalesce(pg_catalog.array_length(referenced_only, 1), 0) LOOP
			EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (false)', referenced_only[i],
									  (SELECT c.relname FROM pg_catalog.pg_class c
									   WHERE c.oid OPERATOR(pg_catalog.=) referenced_only[i])
									  OPERATOR(pg_catalog.||) '_not_in_a_distributed_registry');
			PERFORM pg_catalog.create_reference_table(referenced_only[i]);
		END LOOP;
	ELSE
		FOR i IN 1 .. pg_catalog.array_length(tables, 1) LOOP
			PERFORM pg_catalog.create_reference_table(tables[i]);
		END LOOP;
	END IF;

	-- The foreign keys again, as far as Citus keeps them: in a distributed
	-- registry those that carry parties, without ON UPDATE CASCADE (Citus
	-- never changes a distribution column); a reference registry keeps all.
	FOR fkj IN SELECT j FROM pg_catalog.jsonb_array_elements(fks) AS j LOOP
		IF how OPERATOR(pg_catalog.=) 'distributed'
		   AND NOT (fkj OPERATOR(pg_catalog.->>) 'confrelid')::pg_catalog.oid::pg_catalog.regclass OPERATOR(pg_catalog.=) ANY (lookups)
		   AND ((fkj OPERATOR(pg_catalog.->>) 'confrelid')::pg_catalog.oid OPERATOR(pg_catalog.<>) registry
				OR NOT (fkj OPERATOR(pg_catalog.->>) 'has_parties')::boolean
				OR (fkj OPERATOR(pg_catalog.->>) 'tab')::pg_catalog.regclass OPERATOR(pg_catalog.=) ANY (referenced_only)) THEN
			dropped := dropped OPERATOR(pg_catalog.||) pg_catalog.format('foreign key %s on %s',
				fkj OPERATOR(pg_catalog.->>) 'conname', fkj OPERATOR(pg_catalog.->>) 'tab');
			CONTINUE;
		END IF;
		def := fkj OPERATOR(pg_catalog.->>) 'def';
		IF how OPERATOR(pg_catalog.=) 'distributed' THEN
			def := pg_catalog.replace(def, ' ON UPDATE CASCADE', '');
		END IF;
		EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s', fkj OPERATOR(pg_catalog.->>) 'tab',
								  fkj OPERATOR(pg_catalog.->>) 'conname', def);
		IF fkj OPERATOR(pg_catalog.->>) 'comment' IS NOT NULL THEN
			EXECUTE pg_catalog.format('COMMENT ON CONSTRAINT %I ON %s IS %L', fkj OPERATOR(pg_catalog.->>) 'conname',
									  fkj OPERATOR(pg_catalog.->>) 'tab', fkj OPERATOR(pg_catalog.->>) 'comment');
		END IF;
	END LOOP;

	IF pg_catalog.array_length(dropped, 1) OPERATOR(pg_catalog.>) 0 THEN
		RAISE NOTICE 'Citus does not keep % of the registry', pg_catalog.array_to_string(dropped, ', ')
			USING DETAIL = 'Constraints keep every other rule; the dropped triggers checked signatories, supersession chains and memberships on plain PostgreSQL.';
	END IF;
	RETURN pg_catalog.format('the registry is %s (%s)', how, pg_catalog.array_to_string(tables, ', '));
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry(text) IS
	'makes the registry Citus tables: ''distributed'' by parties, every table co-located, or ''reference''; idempotent';

-- in_force of a row of any row type with the columns of secpact.agreement
-- (or of secpact.membership, told apart by its bound_on): the row type of a
-- Citus shard, secpact.agreement_102008, which Citus writes into the query
-- it sends to a worker for in_force(a) and a.in_force.  The row is read by
-- column name into the registry's row type, and the definitions above
-- answer (one source of truth); superseded() reads this node's shards
-- inside a Citus task (citus_shards.c).  A row of the registry's own types
-- still calls those (an exact match is preferred to record).
CREATE FUNCTION @extschema@.in_force(agreement record, on_date date DEFAULT CURRENT_DATE)
	RETURNS boolean
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	j jsonb := pg_catalog.to_jsonb(agreement);
BEGIN
	IF j OPERATOR(pg_catalog.?) 'bound_on' AND j OPERATOR(pg_catalog.?) 'agreement_id' THEN
		RETURN @extschema@.in_force(pg_catalog.jsonb_populate_record(NULL::secpact.membership, j), on_date);
	END IF;
	IF NOT (j OPERATOR(pg_catalog.?&) ARRAY['id', 'signed_on', 'entry_into_force', 'expires_on', 'terminated_on']) THEN
		RAISE EXCEPTION 'in_force takes a row of secpact.agreement or secpact.membership'
			USING ERRCODE = 'datatype_mismatch',
				  DETAIL = pg_catalog.format('The row of type %s lacks the columns of either.', pg_catalog.pg_typeof(agreement)),
				  HINT = 'Pass a row of the registry, as in_force(a) over secpact.agreement a.';
	END IF;
	RETURN @extschema@.in_force(pg_catalog.jsonb_populate_record(NULL::secpact.agreement, j), on_date);
END
$$;
COMMENT ON FUNCTION @extschema@.in_force(record, date) IS
	'in_force of a row with the columns of secpact.agreement or secpact.membership, such as a Citus shard''s';

-- partners, common_partners and partner_counts read the agreements in a
-- MATERIALIZED CTE of their own: a query Citus runs in the shards of a
-- distributed registry, whose few rows the rest (the multilateral pairs,
-- the grouping) then reads on the coordinator.  Citus finds no plan for
-- the single query these were ("could not create distributed plan",
-- "cannot push down this subquery"); one node reads the same rows.  The
-- functions are PL/pgSQL, whose statements Citus plans with the arguments'
-- values, where an SQL function's parameters leave it without a plan.
CREATE FUNCTION @extschema@.partners(hub @extschema@.party, kind text DEFAULT NULL, as_of date DEFAULT NULL,
												obligation text DEFAULT NULL)
	RETURNS TABLE(counterpart @extschema@.party, first_signed date, agreements int, in_force boolean)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
PERFORM secpact.registry_guard();
RETURN QUERY
WITH bilateral AS MATERIALIZED (
	SELECT a.id, @extschema@.counterpart(a.parties, $1) AS counterpart, a.signed_on,
		   @extschema@.in_force(a, coalesce($3, CURRENT_DATE)) AS in_force
	FROM secpact.agreement a
	WHERE a.parties OPERATOR(@extschema@.@>) $1
	  AND ($2 IS NULL OR a.kind = $2)
	  AND ($3 IS NULL OR a.signed_on <= $3)
), obl AS (
	SELECT o.agreement_id, o.membership_id, o.party, o.towards, o.obligation = $4 AS asked
	FROM secpact.readable_obligation() o
	WHERE $4 IS NOT NULL
), obl_agreement AS (
	SELECT o.agreement_id, array_agg(o.party) AS obligors, array_agg(o.towards) AS towards
	FROM obl o WHERE o.membership_id IS NULL AND o.asked
	GROUP BY o.agreement_id
), obl_spell AS (
	SELECT o.membership_id, array_agg(o.towards) FILTER (WHERE o.asked) AS towards
	FROM obl o WHERE o.membership_id IS NOT NULL
	GROUP BY o.membership_id
), pairs AS (
	SELECT b.id, b.counterpart, b.signed_on, b.in_force
	FROM bilateral b
	LEFT JOIN obl_agreement oa ON oa.agreement_id = b.id
	-- a bilateral agreement's row binds one party towards the other, or both
	WHERE ($4 IS NULL OR oa.agreement_id IS NOT NULL)
	UNION ALL
	SELECT md.agreement_id, @extschema@.counterpart(md.parties, $1), md.signed_on,
		   @extschema@.in_force(m1, coalesce($3, CURRENT_DATE))
		   AND @extschema@.in_force(m2, coalesce($3, CURRENT_DATE))
	FROM secpact.membership_pairs() md
	JOIN secpact.readable_membership() m1 ON m1.id = md.first_membership
	JOIN secpact.readable_membership() m2 ON m2.id = md.second_membership
	LEFT JOIN obl_agreement oa ON oa.agreement_id = md.agreement_id
	LEFT JOIN obl_spell os1 ON os1.membership_id = m1.id
	LEFT JOIN obl_spell os2 ON os2.membership_id = m2.id
	WHERE md.parties OPERATOR(@extschema@.@>) $1
	  AND ($2 IS NULL OR md.kind = $2)
	  AND ($3 IS NULL OR md.signed_on <= $3)
	  AND ($4 IS NULL
		   -- the lower member owes the higher, or the higher the lower
		   OR CASE WHEN os1.membership_id IS NOT NULL
				   THEN EXISTS (SELECT FROM unnest(os1.towards) t(t)
								WHERE t.t IS NULL OR t.t OPERATOR(@extschema@.=) m2.party)
				   ELSE EXISTS (SELECT FROM unnest(oa.obligors, oa.towards) u(p, t)
								WHERE (u.p IS NULL OR u.p OPERATOR(@extschema@.=) m1.party)
								  AND (u.t IS NULL OR u.t OPERATOR(@extschema@.=) m2.party)) END
		   OR CASE WHEN os2.membership_id IS NOT NULL
				   THEN EXISTS (SELECT FROM unnest(os2.towards) t(t)
								WHERE t.t IS NULL OR t.t OPERATOR(@extschema@.=) m1.party)
				   ELSE EXISTS (SELECT FROM unnest(oa.obligors, oa.towards) u(p, t)
								WHERE (u.p IS NULL OR u.p OPERATOR(@extschema@.=) m2.party)
								  AND (u.t IS NULL OR u.t OPERATOR(@extschema@.=) m1.party)) END)
)
SELECT p.counterpart, min(p.signed_on), count(DISTINCT p.id)::int,
	   -- in force if any agreement is; unknown if none is but one may be
	   CASE WHEN bool_or(p.in_force) THEN true
			WHEN bool_or(p.in_force IS NULL) THEN NULL
			ELSE false END
FROM pairs p
GROUP BY p.counterpart
ORDER BY min(p.signed_on), p.counterpart;
END
$$;
COMMENT ON FUNCTION @extschema@.partners(@extschema@.party, text, date, text) IS
	'the counterparts of a party: first signing, number of agreements (of the kind, carrying the obligation either way), whether one is in force';

CREATE OR REPLACE FUNCTION @extschema@.common_partners(a @extschema@.party, b @extschema@.party, kind text DEFAULT NULL)
	RETURNS TABLE(partner text, partner_name text, partner_alpha3 text,
				  first_with_a date, first_with_b date)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
PERFORM secpact.registry_guard();
RETURN QUERY
WITH bilateral AS MATERIALIZED (
	SELECT x.parties, x.signed_on FROM secpact.agreement x
	WHERE (x.parties OPERATOR(@extschema@.@>) $1 OR x.parties OPERATOR(@extschema@.@>) $2)
	  AND ($3 IS NULL OR x.kind = $3)
), signings AS (
	SELECT bl.parties, bl.signed_on FROM bilateral bl
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
ORDER BY wa.partner;
END
$$;

CREATE OR REPLACE VIEW secpact.partner_counts WITH (security_invoker = true) AS
WITH bilateral AS MATERIALIZED (
	SELECT a.kind, a.parties, @extschema@.in_force(a, CURRENT_DATE) AS in_force
	FROM secpact.agreement a
	WHERE NOT a.multilateral
), sides AS (
	-- a bilateral agreement: one row per party, with its counterpart
	SELECT s.party, b.kind, @extschema@.counterpart(b.parties, s.party) AS counterpart,
		   true AS is_agreement, b.in_force
	FROM bilateral b
	CROSS JOIN LATERAL pg_catalog.unnest(@extschema@.dyad_parties(b.parties)) AS s(party)
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

-- What superseded() reads: secpact.agreement, or inside a query Citus runs
-- on a shard, this node's shards of it (see citus_shards.c).
CREATE FUNCTION secpact.registry_supersessions() RETURNS text
	AS 'MODULE_PATHNAME', 'registry_supersessions'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION secpact.registry_supersessions() IS
	'the relation supersessions are read from, as SQL: secpact.agreement, or this node''s shards of it inside a Citus task';

-- supersession_depth, which pg_dump's condition calls for every row: in a
-- Citus task the chain is read from this node's shards (a chain has one
-- pair of parties, so one shard), since a distributed query is refused
-- there.  Without Citus it is 1.2's loop.
CREATE OR REPLACE FUNCTION secpact.supersession_depth(agreement_id bigint) RETURNS integer
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	depth integer := 1;
	cur bigint := agreement_id;
	source text := secpact.registry_supersessions();
BEGIN
	LOOP
		IF source OPERATOR(pg_catalog.=) 'secpact.agreement' THEN
			SELECT a.supersedes INTO cur FROM secpact.agreement a WHERE a.id OPERATOR(pg_catalog.=) cur;
		ELSE
			EXECUTE pg_catalog.format('SELECT s.supersedes FROM %s s WHERE s.id OPERATOR(pg_catalog.=) $1', source)
				INTO cur USING cur;
		END IF;
		EXIT WHEN cur IS NULL OR depth OPERATOR(pg_catalog.>=) 100000;
		depth := depth OPERATOR(pg_catalog.+) 1;
	END LOOP;
	RETURN depth;
END
$$;

-- count_parties and party_set with a bytea state (party_set_bytes.c): the
-- set's bytes, which Citus ships from the shards and combines, where an
-- internal state made it ship every row.  The signatures users call, and
-- every result, stay the same; the 1.1 support functions stay too (a
-- release never drops what a user may have built an aggregate of).
CREATE FUNCTION @extschema@.party_set_bytes_add_party(bytea, @extschema@.party) RETURNS bytea
	AS 'MODULE_PATHNAME', 'party_set_bytes_add_party' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_bytes_add_party(bytea, @extschema@.party) IS
	'aggregate support: adds a party to a set of parties held as bytes';
CREATE FUNCTION @extschema@.party_set_bytes_add_dyad(bytea, @extschema@.dyad) RETURNS bytea
	AS 'MODULE_PATHNAME', 'party_set_bytes_add_dyad' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_bytes_add_dyad(bytea, @extschema@.dyad) IS
	'aggregate support: adds both parties of a dyad to a set of parties held as bytes';
CREATE FUNCTION @extschema@.party_set_bytes_combine(bytea, bytea) RETURNS bytea
	AS 'MODULE_PATHNAME', 'party_set_bytes_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_bytes_combine(bytea, bytea) IS
	'aggregate support: the union of two sets of parties held as bytes (parallel query, Citus)';
CREATE FUNCTION @extschema@.party_set_bytes_count_final(bytea) RETURNS integer
	AS 'MODULE_PATHNAME', 'party_set_bytes_count_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_bytes_count_final(bytea) IS
	'aggregate support: the number of parties in a set held as bytes, 0 for none';
CREATE FUNCTION @extschema@.party_set_bytes_array_final(bytea) RETURNS @extschema@.party[]
	AS 'MODULE_PATHNAME', 'party_set_bytes_array_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_bytes_array_final(bytea) IS
	'aggregate support: the parties of a set held as bytes, in alpha-2 order, NULL for none';

CREATE OR REPLACE AGGREGATE @extschema@.count_parties(@extschema@.party) (
	SFUNC = @extschema@.party_set_bytes_add_party, STYPE = bytea, SSPACE = 121,
	FINALFUNC = @extschema@.party_set_bytes_count_final,
	COMBINEFUNC = @extschema@.party_set_bytes_combine,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.count_parties(@extschema@.dyad) (
	SFUNC = @extschema@.party_set_bytes_add_dyad, STYPE = bytea, SSPACE = 121,
	FINALFUNC = @extschema@.party_set_bytes_count_final,
	COMBINEFUNC = @extschema@.party_set_bytes_combine,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.party_set(@extschema@.party) (
	SFUNC = @extschema@.party_set_bytes_add_party, STYPE = bytea, SSPACE = 121,
	FINALFUNC = @extschema@.party_set_bytes_array_final,
	COMBINEFUNC = @extschema@.party_set_bytes_combine,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.party_set(@extschema@.dyad) (
	SFUNC = @extschema@.party_set_bytes_add_dyad, STYPE = bytea, SSPACE = 121,
	FINALFUNC = @extschema@.party_set_bytes_array_final,
	COMBINEFUNC = @extschema@.party_set_bytes_combine,
	PARALLEL = SAFE
);
