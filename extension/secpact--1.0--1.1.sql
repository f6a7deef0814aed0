/* secpact--1.0--1.1.sql: update of secpact from 1.0 to 1.1 */

\echo Use "ALTER EXTENSION secpact UPDATE TO '1.1'" to load this file. \quit

--------------------------------------------------------------------------
-- Performance: deduplicated btree indexes, one btree for the registry that
-- answers @>, <@ and && through planner support, the signing order in C
--------------------------------------------------------------------------

-- Equality of parties and of dyads is bitwise, so btree indexes on them may
-- deduplicate.  Indexes built before this update keep their setting until a
-- REINDEX; the registry's index is rebuilt below.
ALTER OPERATOR FAMILY @extschema@.party_ops USING btree
	ADD FUNCTION 4 (@extschema@.party, @extschema@.party) pg_catalog.btequalimage(oid);
ALTER OPERATOR FAMILY @extschema@.dyad_ops USING btree
	ADD FUNCTION 4 (@extschema@.dyad, @extschema@.dyad) pg_catalog.btequalimage(oid);

CREATE FUNCTION @extschema@.dyads_involving(@extschema@.party) RETURNS @extschema@.dyad[]
	AS 'MODULE_PATHNAME', 'dyads_involving' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyads_involving(@extschema@.party) IS
	'every dyad that involves the party, in dyad order';
CREATE FUNCTION @extschema@.dyads_overlapping(@extschema@.dyad) RETURNS @extschema@.dyad[]
	AS 'MODULE_PATHNAME', 'dyads_overlapping' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyads_overlapping(@extschema@.dyad) IS
	'every dyad that shares a party with the given one, itself included, in dyad order';

CREATE FUNCTION @extschema@.dyad_index_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'dyad_index_support' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_index_support(internal) IS
	'planner support: @>, <@ and && as = ANY of dyads, for btree indexes of dyads';
ALTER FUNCTION @extschema@.dyad_contains_party(@extschema@.dyad, @extschema@.party)
	SUPPORT @extschema@.dyad_index_support;
ALTER FUNCTION @extschema@.party_in_dyad(@extschema@.party, @extschema@.dyad)
	SUPPORT @extschema@.dyad_index_support;
ALTER FUNCTION @extschema@.dyad_overlap(@extschema@.dyad, @extschema@.dyad)
	SUPPORT @extschema@.dyad_index_support;

-- The registry: one deduplicated btree instead of GIN plus (parties, signed_on).
DROP INDEX secpact.agreement_parties_gin;
DROP INDEX secpact.agreement_parties_signed_on;
CREATE INDEX agreement_parties ON secpact.agreement (parties);

-- signing_order in C, with the same arguments, result and semantics.
CREATE OR REPLACE FUNCTION @extschema@.signing_order(hub @extschema@.party, kind text DEFAULT NULL,
													 as_of date DEFAULT NULL, states_only boolean DEFAULT false)
	RETURNS TABLE("position" int, counterpart @extschema@.party, counterpart_name text,
				  signed_on date, place text, ordinal text, shared boolean)
	AS 'MODULE_PATHNAME', 'signing_order'
	LANGUAGE C STABLE PARALLEL SAFE ROWS 100
	SET search_path = pg_catalog, pg_temp;

CREATE FUNCTION @extschema@.signing_orders(kind text DEFAULT NULL, as_of date DEFAULT NULL,
										   states_only boolean DEFAULT false)
	RETURNS TABLE(hub @extschema@.party, "position" int, counterpart @extschema@.party,
				  counterpart_name text, signed_on date, place text, ordinal text, shared boolean)
	AS 'MODULE_PATHNAME', 'signing_orders'
	LANGUAGE C STABLE PARALLEL SAFE ROWS 10000
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.signing_orders(text, date, boolean) IS
	'every party''s signing_order, from one scan of the registry';

-- in_force: inlinable (no SET clause, no subquery, every name qualified), with
-- the supersession test in C, so that a scan tests each row's own columns.
CREATE FUNCTION @extschema@.superseded(agreement_id bigint, on_date date) RETURNS boolean
	AS 'MODULE_PATHNAME', 'superseded'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.superseded(bigint, date) IS
	'whether an agreement in force by the date supersedes the agreement';
CREATE OR REPLACE FUNCTION @extschema@.in_force(agreement secpact.agreement, on_date date DEFAULT CURRENT_DATE)
	RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
AS $$
SELECT CASE
	WHEN $2 OPERATOR(pg_catalog.<) ($1).signed_on THEN false
	WHEN ($1).terminated_on OPERATOR(pg_catalog.<=) $2 THEN false
	WHEN ($1).expires_on OPERATOR(pg_catalog.<=) $2 THEN false
	-- not yet in force, superseded or not: no need to ask
	WHEN ($1).entry_into_force OPERATOR(pg_catalog.>) $2 THEN false
	WHEN @extschema@.superseded(($1).id, $2) THEN false
	WHEN ($1).entry_into_force IS NULL THEN NULL
	ELSE ($1).entry_into_force OPERATOR(pg_catalog.<=) $2
END
$$;
