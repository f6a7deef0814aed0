-- secpact 1.3 -> 1.4.  Released install scripts are frozen: every change of
-- 1.4 is made here (and a fresh install of 1.4 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.4'" to load this file. \quit

--------------------------------------------------------------------------
-- Citus (#17): a worker whose registry is still local (the coordinator
-- never ran secpact.distribute_registry) holds none of the agreements, so
-- every reader of the registry there says so instead of answering from an
-- empty table.  The C readers (signing_order(s), signing_timelines,
-- superseded and so in_force, accession_order) call the guard themselves;
-- these SQL and PL/pgSQL entry points call it once a statement, through an
-- uncorrelated subquery PostgreSQL runs once, before any row.  The views
-- partner_counts and membership_dyads read membership_pairs().
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION secpact.membership_pairs()
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
  AND (SELECT secpact.registry_guard())
$$;

CREATE OR REPLACE FUNCTION @extschema@.dyad_years(first_year integer DEFAULT NULL, last_year integer DEFAULT NULL,
												  kind text DEFAULT NULL, obligation text DEFAULT NULL,
												  directed boolean DEFAULT false)
	RETURNS TABLE(dyad text, party_a text, party_b text, year integer, agreements integer,
				  cow_code_a integer, cow_code_b integer, gw_code_a integer, gw_code_b integer,
				  left_censored boolean, entry_assumed boolean)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT * FROM secpact.dyad_year_rows($1, $2, $3, $4, $5) WHERE (SELECT secpact.registry_guard())
$$;

-- 1.2's, with the guard first (in the declarations, on the line of ids, so
-- that the errors' PL/pgSQL line numbers stay 1.2's): a worker's empty
-- local registry would say that no agreement has the name.
CREATE OR REPLACE FUNCTION @extschema@.agreement_named(name text) RETURNS bigint
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ids bigint[]; guarded boolean := secpact.registry_guard();
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

-- 1.2's; an id the worker's empty local registry lacks gave no chart.
CREATE OR REPLACE FUNCTION @extschema@.accession_chart(agreement bigint, by text DEFAULT 'joined', as_of date DEFAULT NULL)
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
  AND (SELECT secpact.registry_guard())
GROUP BY a.id, a.title
$$;
-- Performance (issue #21): accession_orders, every multilateral
-- agreement's accession order from one scan (membership.c)
--------------------------------------------------------------------------
CREATE FUNCTION @extschema@.accession_orders(by text DEFAULT 'joined')
	RETURNS TABLE(agreement bigint, "position" int, party @extschema@.party, party_name text,
				  on_date date, ordinal text, shared boolean)
	AS 'MODULE_PATHNAME', 'accession_orders'
	LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 1000
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.accession_orders(text) IS
	'accession_order of every multilateral agreement the caller sees, with the agreement''s id, from one scan of the memberships';

--------------------------------------------------------------------------
-- Performance (issue #21): date_fits_precision in C (partial_date.c), the
-- same answers; the registry's CHECK constraints call it four times a row
--------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.date_fits_precision(d date, p @extschema@.date_precision)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'date_fits_precision'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.date_fits_precision(date, @extschema@.date_precision) IS
	'whether a date is the first day of its period at the given precision (NULL counts as fitting; an infinite date only at day precision)';
