/* secpact--1.0.sql: install script of secpact 1.0 */

\echo Use "CREATE EXTENSION secpact" to load this file. \quit

--------------------------------------------------------------------------
-- party: a state or organisation that signs agreements
--------------------------------------------------------------------------

CREATE TYPE @extschema@.party;

CREATE FUNCTION @extschema@.party_in(cstring) RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'party_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.party_out(@extschema@.party) RETURNS cstring
	AS 'MODULE_PATHNAME', 'party_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.party_recv(internal) RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'party_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.party_send(@extschema@.party) RETURNS bytea
	AS 'MODULE_PATHNAME', 'party_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Stored as the two ASCII letters of the alpha-2 code: an on-disk contract.
CREATE TYPE @extschema@.party (
	INPUT = @extschema@.party_in,
	OUTPUT = @extschema@.party_out,
	RECEIVE = @extschema@.party_recv,
	SEND = @extschema@.party_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.party IS
	'a state (ISO 3166-1 code) or organisation (EU) that signs agreements';

-- Comparison: by alpha-2 code.  Equality and ordering are exact, touch no
-- data beyond their arguments and raise no errors: LEAKPROOF holds.
CREATE FUNCTION @extschema@.party_eq(@extschema@.party, @extschema@.party) RETURNS boolean
	AS 'MODULE_PATHNAME', 'party_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.party_ne(@extschema@.party, @extschema@.party) RETURNS boolean
	AS 'MODULE_PATHNAME', 'party_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.party_lt(@extschema@.party, @extschema@.party) RETURNS boolean
	AS 'MODULE_PATHNAME', 'party_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.party_le(@extschema@.party, @extschema@.party) RETURNS boolean
	AS 'MODULE_PATHNAME', 'party_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.party_gt(@extschema@.party, @extschema@.party) RETURNS boolean
	AS 'MODULE_PATHNAME', 'party_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.party_ge(@extschema@.party, @extschema@.party) RETURNS boolean
	AS 'MODULE_PATHNAME', 'party_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.party_cmp(@extschema@.party, @extschema@.party) RETURNS integer
	AS 'MODULE_PATHNAME', 'party_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.party_sortsupport(internal) RETURNS void
	AS 'MODULE_PATHNAME', 'party_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.party_hash(@extschema@.party) RETURNS integer
	AS 'MODULE_PATHNAME', 'party_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.party_hash_extended(@extschema@.party, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'party_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.party_smaller(@extschema@.party, @extschema@.party) RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'party_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.party_larger(@extschema@.party, @extschema@.party) RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'party_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.party, RIGHTARG = @extschema@.party,
	FUNCTION = @extschema@.party_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.party, RIGHTARG = @extschema@.party,
	FUNCTION = @extschema@.party_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.party, RIGHTARG = @extschema@.party,
	FUNCTION = @extschema@.party_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.party, RIGHTARG = @extschema@.party,
	FUNCTION = @extschema@.party_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.party, RIGHTARG = @extschema@.party,
	FUNCTION = @extschema@.party_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.party, RIGHTARG = @extschema@.party,
	FUNCTION = @extschema@.party_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS @extschema@.party_ops
	DEFAULT FOR TYPE @extschema@.party USING btree AS
		OPERATOR 1 @extschema@.<,
		OPERATOR 2 @extschema@.<=,
		OPERATOR 3 @extschema@.=,
		OPERATOR 4 @extschema@.>=,
		OPERATOR 5 @extschema@.>,
		FUNCTION 1 @extschema@.party_cmp(@extschema@.party, @extschema@.party),
		FUNCTION 2 @extschema@.party_sortsupport(internal);

CREATE OPERATOR CLASS @extschema@.party_hash_ops
	DEFAULT FOR TYPE @extschema@.party USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.party_hash(@extschema@.party),
		FUNCTION 2 @extschema@.party_hash_extended(@extschema@.party, bigint);

CREATE AGGREGATE @extschema@.min(@extschema@.party) (
	SFUNC = @extschema@.party_smaller, STYPE = @extschema@.party,
	COMBINEFUNC = @extschema@.party_smaller, SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.max(@extschema@.party) (
	SFUNC = @extschema@.party_larger, STYPE = @extschema@.party,
	COMBINEFUNC = @extschema@.party_larger, SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);

-- Casts.  Both directions are assignment casts, not implicit: INSERT and
-- UPDATE of text into party columns (and back) work without a cast, which
-- migrations need, but an expression such as party_col = text_col must say
-- which comparison it means.  An implicit cast would let it silently compare
-- as text under a collation, or make operators ambiguous.
CREATE FUNCTION @extschema@.party(text) RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'party_from_text_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.text(@extschema@.party) RETURNS text
	AS 'MODULE_PATHNAME', 'party_to_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (text AS @extschema@.party)
	WITH FUNCTION @extschema@.party(text) AS ASSIGNMENT;
CREATE CAST (@extschema@.party AS text)
	WITH FUNCTION @extschema@.text(@extschema@.party) AS ASSIGNMENT;

CREATE FUNCTION @extschema@.try_party(text) RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'try_party' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.try_party(text) IS
	'the party a text names, or NULL where it names none (for migrations)';

CREATE FUNCTION @extschema@.alpha2(@extschema@.party) RETURNS text
	AS 'MODULE_PATHNAME', 'party_alpha2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.alpha2(@extschema@.party) IS 'ISO 3166-1 alpha-2 code';
CREATE FUNCTION @extschema@.alpha3(@extschema@.party) RETURNS text
	AS 'MODULE_PATHNAME', 'party_alpha3' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.alpha3(@extschema@.party) IS
	'ISO 3166-1 alpha-3 code, NULL where ISO assigns none';
CREATE FUNCTION @extschema@.numeric_code(@extschema@.party) RETURNS text
	AS 'MODULE_PATHNAME', 'party_numeric_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.numeric_code(@extschema@.party) IS
	'ISO 3166-1 numeric code, three digits, NULL where ISO assigns none';
CREATE FUNCTION @extschema@.party_name(@extschema@.party) RETURNS text
	AS 'MODULE_PATHNAME', 'party_name' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_name(@extschema@.party) IS 'English short name';
CREATE FUNCTION @extschema@.is_organisation(@extschema@.party) RETURNS boolean
	AS 'MODULE_PATHNAME', 'party_is_organisation' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_organisation(@extschema@.party) IS
	'true for organisations such as the EU, false for states and territories';

CREATE FUNCTION @extschema@.parties()
	RETURNS TABLE(party @extschema@.party, alpha2 text, alpha3 text,
				  numeric_code text, name text, is_organisation boolean)
	AS 'MODULE_PATHNAME', 'parties' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 250;
COMMENT ON FUNCTION @extschema@.parties() IS 'every party secpact knows, one row each';

--------------------------------------------------------------------------
-- signing order: signing_position and ordinal
--------------------------------------------------------------------------

-- A window function is not called with its arguments: it fetches them row
-- by row through the window API, so PostgreSQL ignores STRICT on it (see
-- windowapi.h).  The executor calls it for every row, NULLs included, and
-- the planner does not fold a call with a constant NULL argument: ntile()
-- is STRICT in pg_proc and still sees NULLs.  So not STRICT, which says
-- what it does: a NULL counterpart gives NULL, a NULL mode is an error.
-- IMMUTABLE PARALLEL SAFE as rank() is: the result depends only on the
-- partition's rows and their order, and not even on the order of peers.
CREATE FUNCTION @extschema@.signing_position(@extschema@.party) RETURNS integer
	AS 'MODULE_PATHNAME', 'signing_position' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.signing_position(@extschema@.party) IS
	'place of the counterpart among the distinct counterparts of the partition, by first signing; ties share a place and the next place skips, as rank()';
CREATE FUNCTION @extschema@.signing_position(@extschema@.party, text) RETURNS integer
	AS 'MODULE_PATHNAME', 'signing_position' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.signing_position(@extschema@.party, text) IS
	'place of the counterpart among the distinct counterparts of the partition, by first signing; mode ''rank'' (places skip after ties) or ''dense'' (they do not)';

CREATE FUNCTION @extschema@.ordinal(integer) RETURNS text
	AS 'MODULE_PATHNAME', 'ordinal_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ordinal(integer) IS
	'English ordinal of an integer: 1st, 2nd, 3rd, 4th, 11th, 21st, -1st';
