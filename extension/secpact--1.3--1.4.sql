-- secpact 1.3 -> 1.4.  Released install scripts are frozen: every change of
-- 1.4 is made here (and a fresh install of 1.4 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.4'" to load this file. \quit

--------------------------------------------------------------------------
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
