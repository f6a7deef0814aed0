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
