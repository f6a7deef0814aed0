/* secpact--1.1.sql: install script of secpact 1.1 */

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
		FUNCTION 2 @extschema@.party_sortsupport(internal),
		-- equality is bitwise: btree indexes deduplicate (since 1.1)
		FUNCTION 4 pg_catalog.btequalimage(oid);

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

COMMENT ON FUNCTION @extschema@.party_in(cstring) IS 'text input of party';
COMMENT ON FUNCTION @extschema@.party_out(@extschema@.party) IS 'text output of party: the alpha-2 code';
COMMENT ON FUNCTION @extschema@.party_recv(internal) IS 'binary input of party: two ASCII letters';
COMMENT ON FUNCTION @extschema@.party_send(@extschema@.party) IS 'binary output of party: two ASCII letters';
COMMENT ON FUNCTION @extschema@.party_eq(@extschema@.party, @extschema@.party) IS 'implementation of = for party';
COMMENT ON FUNCTION @extschema@.party_ne(@extschema@.party, @extschema@.party) IS 'implementation of <> for party';
COMMENT ON FUNCTION @extschema@.party_lt(@extschema@.party, @extschema@.party) IS 'implementation of < for party';
COMMENT ON FUNCTION @extschema@.party_le(@extschema@.party, @extschema@.party) IS 'implementation of <= for party';
COMMENT ON FUNCTION @extschema@.party_gt(@extschema@.party, @extschema@.party) IS 'implementation of > for party';
COMMENT ON FUNCTION @extschema@.party_ge(@extschema@.party, @extschema@.party) IS 'implementation of >= for party';
COMMENT ON FUNCTION @extschema@.party_cmp(@extschema@.party, @extschema@.party) IS 'btree comparison of parties by alpha-2 code';
COMMENT ON FUNCTION @extschema@.party_sortsupport(internal) IS 'btree sort support for party';
COMMENT ON FUNCTION @extschema@.party_hash(@extschema@.party) IS 'hash of a party';
COMMENT ON FUNCTION @extschema@.party_hash_extended(@extschema@.party, bigint) IS 'seeded 64-bit hash of a party';
COMMENT ON FUNCTION @extschema@.party_smaller(@extschema@.party, @extschema@.party) IS 'the lesser of two parties, for min()';
COMMENT ON FUNCTION @extschema@.party_larger(@extschema@.party, @extschema@.party) IS 'the greater of two parties, for max()';
COMMENT ON FUNCTION @extschema@.party(text) IS 'the party a text names; an error where it names none';
COMMENT ON FUNCTION @extschema@.text(@extschema@.party) IS 'the alpha-2 code of a party';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.party) IS 'the first party by alpha-2 code';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.party) IS 'the last party by alpha-2 code';
COMMENT ON OPERATOR @extschema@.= (@extschema@.party, @extschema@.party) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.party, @extschema@.party) IS 'not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.party, @extschema@.party) IS 'less than, by alpha-2 code';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.party, @extschema@.party) IS 'less than or equal, by alpha-2 code';
COMMENT ON OPERATOR @extschema@.> (@extschema@.party, @extschema@.party) IS 'greater than, by alpha-2 code';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.party, @extschema@.party) IS 'greater than or equal, by alpha-2 code';
COMMENT ON OPERATOR CLASS @extschema@.party_ops USING btree IS 'btree ordering of parties by alpha-2 code';
COMMENT ON OPERATOR CLASS @extschema@.party_hash_ops USING hash IS 'hashing of parties';

--------------------------------------------------------------------------
-- dyad: an unordered pair of two distinct parties
--------------------------------------------------------------------------

CREATE TYPE @extschema@.dyad;

CREATE FUNCTION @extschema@.dyad_in(cstring) RETURNS @extschema@.dyad
	AS 'MODULE_PATHNAME', 'dyad_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_in(cstring) IS
	'I/O: a dyad from two party codes, such as UA-BE, ukr:bel or 804/056';
CREATE FUNCTION @extschema@.dyad_out(@extschema@.dyad) RETURNS cstring
	AS 'MODULE_PATHNAME', 'dyad_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_out(@extschema@.dyad) IS
	'I/O: the two alpha-2 codes, lower first, joined by a hyphen';
CREATE FUNCTION @extschema@.dyad_recv(internal) RETURNS @extschema@.dyad
	AS 'MODULE_PATHNAME', 'dyad_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_recv(internal) IS
	'I/O: a dyad from 4 bytes, validated as strictly as text input';
CREATE FUNCTION @extschema@.dyad_send(@extschema@.dyad) RETURNS bytea
	AS 'MODULE_PATHNAME', 'dyad_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_send(@extschema@.dyad) IS
	'I/O: 4 bytes, the alpha-2 letters of the lower party, then of the higher';

-- ANALYZE gathers the standard statistics and, beside them, the fraction of
-- rows that involve each party, from which @>, <@ and && are estimated.
CREATE FUNCTION @extschema@.dyad_typanalyze(internal) RETURNS boolean
	AS 'MODULE_PATHNAME', 'dyad_typanalyze' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_typanalyze(internal) IS
	'ANALYZE support: standard statistics plus the share of rows involving each party';

-- Stored as (lower party << 16) | higher party, party values being the
-- alpha-2 letters: an on-disk contract.  Integer order is the order by the
-- lower party, then the higher.
CREATE TYPE @extschema@.dyad (
	INPUT = @extschema@.dyad_in,
	OUTPUT = @extschema@.dyad_out,
	RECEIVE = @extschema@.dyad_recv,
	SEND = @extschema@.dyad_send,
	ANALYZE = @extschema@.dyad_typanalyze,
	INTERNALLENGTH = 4,
	PASSEDBYVALUE,
	ALIGNMENT = int4,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.dyad IS
	'an unordered pair of two distinct parties, such as BE-UA';

-- Comparison: by the lower party, then the higher.  Like party's, these are
-- exact, touch no data beyond their arguments and raise no errors:
-- LEAKPROOF holds.
CREATE FUNCTION @extschema@.dyad_eq(@extschema@.dyad, @extschema@.dyad) RETURNS boolean
	AS 'MODULE_PATHNAME', 'dyad_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.dyad_eq(@extschema@.dyad, @extschema@.dyad) IS
	'implementation of = for dyads';
CREATE FUNCTION @extschema@.dyad_ne(@extschema@.dyad, @extschema@.dyad) RETURNS boolean
	AS 'MODULE_PATHNAME', 'dyad_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.dyad_ne(@extschema@.dyad, @extschema@.dyad) IS
	'implementation of <> for dyads';
CREATE FUNCTION @extschema@.dyad_lt(@extschema@.dyad, @extschema@.dyad) RETURNS boolean
	AS 'MODULE_PATHNAME', 'dyad_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.dyad_lt(@extschema@.dyad, @extschema@.dyad) IS
	'implementation of < for dyads';
CREATE FUNCTION @extschema@.dyad_le(@extschema@.dyad, @extschema@.dyad) RETURNS boolean
	AS 'MODULE_PATHNAME', 'dyad_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.dyad_le(@extschema@.dyad, @extschema@.dyad) IS
	'implementation of <= for dyads';
CREATE FUNCTION @extschema@.dyad_gt(@extschema@.dyad, @extschema@.dyad) RETURNS boolean
	AS 'MODULE_PATHNAME', 'dyad_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.dyad_gt(@extschema@.dyad, @extschema@.dyad) IS
	'implementation of > for dyads';
CREATE FUNCTION @extschema@.dyad_ge(@extschema@.dyad, @extschema@.dyad) RETURNS boolean
	AS 'MODULE_PATHNAME', 'dyad_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.dyad_ge(@extschema@.dyad, @extschema@.dyad) IS
	'implementation of >= for dyads';
CREATE FUNCTION @extschema@.dyad_cmp(@extschema@.dyad, @extschema@.dyad) RETURNS integer
	AS 'MODULE_PATHNAME', 'dyad_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.dyad_cmp(@extschema@.dyad, @extschema@.dyad) IS
	'btree comparison of dyads: -1, 0 or 1';
CREATE FUNCTION @extschema@.dyad_sortsupport(internal) RETURNS void
	AS 'MODULE_PATHNAME', 'dyad_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_sortsupport(internal) IS
	'btree sort support for dyads';
CREATE FUNCTION @extschema@.dyad_hash(@extschema@.dyad) RETURNS integer
	AS 'MODULE_PATHNAME', 'dyad_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.dyad_hash(@extschema@.dyad) IS
	'hash of a dyad: hash_uint32 of its stored value, an on-disk contract';
CREATE FUNCTION @extschema@.dyad_hash_extended(@extschema@.dyad, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME', 'dyad_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION @extschema@.dyad_hash_extended(@extschema@.dyad, bigint) IS
	'seeded 64-bit hash of a dyad, for hash partitioning';

-- Estimators read the column's statistics: STABLE, not IMMUTABLE.
CREATE FUNCTION @extschema@.dyad_eqsel(internal, oid, internal, integer) RETURNS float8
	AS 'MODULE_PATHNAME', 'dyad_eqsel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_eqsel(internal, oid, internal, integer) IS
	'restriction selectivity of = between dyads: eqsel''s, with the statistics read once per = ANY (array)';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.dyad, RIGHTARG = @extschema@.dyad,
	FUNCTION = @extschema@.dyad_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = @extschema@.dyad_eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.dyad, @extschema@.dyad) IS 'equal';
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.dyad, RIGHTARG = @extschema@.dyad,
	FUNCTION = @extschema@.dyad_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR @extschema@.<> (@extschema@.dyad, @extschema@.dyad) IS 'not equal';
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.dyad, RIGHTARG = @extschema@.dyad,
	FUNCTION = @extschema@.dyad_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.dyad, @extschema@.dyad) IS
	'less than: by the lower party, then the higher';
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.dyad, RIGHTARG = @extschema@.dyad,
	FUNCTION = @extschema@.dyad_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR @extschema@.<= (@extschema@.dyad, @extschema@.dyad) IS
	'less than or equal: by the lower party, then the higher';
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.dyad, RIGHTARG = @extschema@.dyad,
	FUNCTION = @extschema@.dyad_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.> (@extschema@.dyad, @extschema@.dyad) IS
	'greater than: by the lower party, then the higher';
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.dyad, RIGHTARG = @extschema@.dyad,
	FUNCTION = @extschema@.dyad_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.>= (@extschema@.dyad, @extschema@.dyad) IS
	'greater than or equal: by the lower party, then the higher';

CREATE OPERATOR CLASS @extschema@.dyad_ops
	DEFAULT FOR TYPE @extschema@.dyad USING btree AS
		OPERATOR 1 @extschema@.<,
		OPERATOR 2 @extschema@.<=,
		OPERATOR 3 @extschema@.=,
		OPERATOR 4 @extschema@.>=,
		OPERATOR 5 @extschema@.>,
		FUNCTION 1 @extschema@.dyad_cmp(@extschema@.dyad, @extschema@.dyad),
		FUNCTION 2 @extschema@.dyad_sortsupport(internal),
		-- equality is bitwise: btree indexes deduplicate (since 1.1)
		FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.dyad_hash_ops
	DEFAULT FOR TYPE @extschema@.dyad USING hash AS
		OPERATOR 1 @extschema@.=,
		FUNCTION 1 @extschema@.dyad_hash(@extschema@.dyad),
		FUNCTION 2 @extschema@.dyad_hash_extended(@extschema@.dyad, bigint);

-- The dyads that involve a party, and those that share a party with a dyad:
-- what @> and && mean to a btree index of dyads (see dyad_support.c).
CREATE FUNCTION @extschema@.dyads_involving(@extschema@.party) RETURNS @extschema@.dyad[]
	AS 'MODULE_PATHNAME', 'dyads_involving' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyads_involving(@extschema@.party) IS
	'every dyad that involves the party, in dyad order';
CREATE FUNCTION @extschema@.dyads_overlapping(@extschema@.dyad) RETURNS @extschema@.dyad[]
	AS 'MODULE_PATHNAME', 'dyads_overlapping' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyads_overlapping(@extschema@.dyad) IS
	'every dyad that shares a party with the given one, itself included, in dyad order';

-- Planner support of @>, <@ and &&: a btree index of dyads answers them as
-- parties = ANY (dyads_involving(...)), exactly, so one btree serves lookups
-- of a dyad and of a party.
CREATE FUNCTION @extschema@.dyad_index_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'dyad_index_support' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_index_support(internal) IS
	'planner support: @>, <@ and && as = ANY of dyads, for btree indexes of dyads';

-- Containment and overlap.  Exact, and they raise no errors: LEAKPROOF, so
-- that they can be pushed into security-barrier views and row-level security
-- quals, and so that the estimators below may apply them to statistics for
-- users who cannot read the table.
CREATE FUNCTION @extschema@.dyad_contains_party(@extschema@.dyad, @extschema@.party) RETURNS boolean
	AS 'MODULE_PATHNAME', 'dyad_contains_party' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
	SUPPORT @extschema@.dyad_index_support;
COMMENT ON FUNCTION @extschema@.dyad_contains_party(@extschema@.dyad, @extschema@.party) IS
	'implementation of dyad @> party: whether the party is one of the two';
CREATE FUNCTION @extschema@.party_in_dyad(@extschema@.party, @extschema@.dyad) RETURNS boolean
	AS 'MODULE_PATHNAME', 'party_in_dyad' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
	SUPPORT @extschema@.dyad_index_support;
COMMENT ON FUNCTION @extschema@.party_in_dyad(@extschema@.party, @extschema@.dyad) IS
	'implementation of party <@ dyad: whether the party is one of the two';
CREATE FUNCTION @extschema@.dyad_overlap(@extschema@.dyad, @extschema@.dyad) RETURNS boolean
	AS 'MODULE_PATHNAME', 'dyad_overlap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
	SUPPORT @extschema@.dyad_index_support;
COMMENT ON FUNCTION @extschema@.dyad_overlap(@extschema@.dyad, @extschema@.dyad) IS
	'implementation of dyad && dyad: whether the two share a party';

-- Estimators read the column's statistics: STABLE, not IMMUTABLE.
CREATE FUNCTION @extschema@.dyad_contains_sel(internal, oid, internal, integer) RETURNS float8
	AS 'MODULE_PATHNAME', 'dyad_contains_sel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_contains_sel(internal, oid, internal, integer) IS
	'restriction selectivity of @> and <@ between dyads and parties';
CREATE FUNCTION @extschema@.dyad_contains_joinsel(internal, oid, internal, smallint, internal) RETURNS float8
	AS 'MODULE_PATHNAME', 'dyad_contains_joinsel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_contains_joinsel(internal, oid, internal, smallint, internal) IS
	'join selectivity of @> and <@ between dyads and parties';
CREATE FUNCTION @extschema@.dyad_overlap_sel(internal, oid, internal, integer) RETURNS float8
	AS 'MODULE_PATHNAME', 'dyad_overlap_sel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_overlap_sel(internal, oid, internal, integer) IS
	'restriction selectivity of && between dyads';
CREATE FUNCTION @extschema@.dyad_overlap_joinsel(internal, oid, internal, smallint, internal) RETURNS float8
	AS 'MODULE_PATHNAME', 'dyad_overlap_joinsel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_overlap_joinsel(internal, oid, internal, smallint, internal) IS
	'join selectivity of && between dyads';

CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.dyad, RIGHTARG = @extschema@.party,
	FUNCTION = @extschema@.dyad_contains_party,
	COMMUTATOR = OPERATOR(@extschema@.<@),
	RESTRICT = @extschema@.dyad_contains_sel, JOIN = @extschema@.dyad_contains_joinsel
);
COMMENT ON OPERATOR @extschema@.@> (@extschema@.dyad, @extschema@.party) IS
	'dyad involves party';
CREATE OPERATOR @extschema@.<@ (
	LEFTARG = @extschema@.party, RIGHTARG = @extschema@.dyad,
	FUNCTION = @extschema@.party_in_dyad,
	COMMUTATOR = OPERATOR(@extschema@.@>),
	RESTRICT = @extschema@.dyad_contains_sel, JOIN = @extschema@.dyad_contains_joinsel
);
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.party, @extschema@.dyad) IS
	'party is in dyad';
CREATE OPERATOR @extschema@.&& (
	LEFTARG = @extschema@.dyad, RIGHTARG = @extschema@.dyad,
	FUNCTION = @extschema@.dyad_overlap,
	COMMUTATOR = OPERATOR(@extschema@.&&),
	RESTRICT = @extschema@.dyad_overlap_sel, JOIN = @extschema@.dyad_overlap_joinsel
);
COMMENT ON OPERATOR @extschema@.&& (@extschema@.dyad, @extschema@.dyad) IS
	'dyads share a party';

-- GIN: keys are the two parties of each dyad, so parties @> 'UA' and
-- parties && 'BE-UA' (and 'UA' <@ parties, by commutation) are answered
-- exactly from the index.  See dyad_gin.c for why GIN rather than GiST.
CREATE FUNCTION @extschema@.dyad_gin_extract_value(@extschema@.dyad, internal, internal)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'dyad_gin_extract_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_gin_extract_value(@extschema@.dyad, internal, internal) IS
	'GIN support: the two parties of an indexed dyad';
CREATE FUNCTION @extschema@.dyad_gin_extract_query(@extschema@.dyad, internal, smallint,
												   internal, internal, internal, internal)
	RETURNS internal
	AS 'MODULE_PATHNAME', 'dyad_gin_extract_query' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_gin_extract_query(@extschema@.dyad, internal, smallint,
													   internal, internal, internal, internal) IS
	'GIN support: the party of a @> query, the two parties of an && query';
CREATE FUNCTION @extschema@.dyad_gin_consistent(internal, smallint, @extschema@.dyad, integer,
												internal, internal, internal, internal)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'dyad_gin_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_gin_consistent(internal, smallint, @extschema@.dyad, integer,
													internal, internal, internal, internal) IS
	'GIN support: a row matches when it holds any query party; exact';
CREATE FUNCTION @extschema@.dyad_gin_triconsistent(internal, smallint, @extschema@.dyad, integer,
												   internal, internal, internal)
	RETURNS "char"
	AS 'MODULE_PATHNAME', 'dyad_gin_triconsistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_gin_triconsistent(internal, smallint, @extschema@.dyad, integer,
													   internal, internal, internal) IS
	'GIN support: three-valued form of dyad_gin_consistent';

CREATE OPERATOR CLASS @extschema@.dyad_gin_ops
	DEFAULT FOR TYPE @extschema@.dyad USING gin AS
		OPERATOR 3 @extschema@.&& (@extschema@.dyad, @extschema@.dyad),
		OPERATOR 7 @extschema@.@> (@extschema@.dyad, @extschema@.party),
		FUNCTION 1 @extschema@.party_cmp(@extschema@.party, @extschema@.party),
		FUNCTION 2 @extschema@.dyad_gin_extract_value(@extschema@.dyad, internal, internal),
		FUNCTION 3 @extschema@.dyad_gin_extract_query(@extschema@.dyad, internal, smallint,
													  internal, internal, internal, internal),
		FUNCTION 4 @extschema@.dyad_gin_consistent(internal, smallint, @extschema@.dyad, integer,
												   internal, internal, internal, internal),
		FUNCTION 6 @extschema@.dyad_gin_triconsistent(internal, smallint, @extschema@.dyad, integer,
													  internal, internal, internal),
		STORAGE @extschema@.party;

-- Casts.  Both directions are assignment casts, not implicit, for the same
-- reasons as party's: INSERT and UPDATE of text into dyad columns (and back)
-- work without a cast, which migrations need, but dyad_col = text_col must
-- say which comparison it means rather than silently compare text.
CREATE FUNCTION @extschema@.dyad(text) RETURNS @extschema@.dyad
	AS 'MODULE_PATHNAME', 'dyad_from_text_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad(text) IS
	'the dyad of two party codes in text, such as UA-BE; errors as dyad input';
CREATE FUNCTION @extschema@.text(@extschema@.dyad) RETURNS text
	AS 'MODULE_PATHNAME', 'dyad_to_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.text(@extschema@.dyad) IS
	'the two alpha-2 codes, lower first, joined by a hyphen';
CREATE CAST (text AS @extschema@.dyad)
	WITH FUNCTION @extschema@.dyad(text) AS ASSIGNMENT;
CREATE CAST (@extschema@.dyad AS text)
	WITH FUNCTION @extschema@.text(@extschema@.dyad) AS ASSIGNMENT;

CREATE FUNCTION @extschema@.try_dyad(text) RETURNS @extschema@.dyad
	AS 'MODULE_PATHNAME', 'try_dyad' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.try_dyad(text) IS
	'the dyad a text names, or NULL where it names none (for migrations)';

-- The constructor takes parties, so any spelling party input takes works,
-- names included: dyad('Ukraine', 'Belgium').
CREATE FUNCTION @extschema@.dyad(@extschema@.party, @extschema@.party) RETURNS @extschema@.dyad
	AS 'MODULE_PATHNAME', 'dyad_construct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad(@extschema@.party, @extschema@.party) IS
	'the dyad of two distinct parties, given in either order';

CREATE FUNCTION @extschema@.first_party(@extschema@.dyad) RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'dyad_first_party' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.first_party(@extschema@.dyad) IS
	'the lower of the two parties';
CREATE FUNCTION @extschema@.second_party(@extschema@.dyad) RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'dyad_second_party' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.second_party(@extschema@.dyad) IS
	'the higher of the two parties';
CREATE FUNCTION @extschema@.dyad_parties(@extschema@.dyad) RETURNS @extschema@.party[]
	AS 'MODULE_PATHNAME', 'dyad_parties' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_parties(@extschema@.dyad) IS
	'the two parties as an array, lower first';
-- Not LEAKPROOF: it raises an error that names its arguments.
CREATE FUNCTION @extschema@.counterpart(@extschema@.dyad, @extschema@.party) RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'dyad_counterpart_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.counterpart(@extschema@.dyad, @extschema@.party) IS
	'the other party of the dyad; an error when the party is not in it';

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

--------------------------------------------------------------------------
-- The agreement registry, in a schema of its own so that it never collides
-- with a user's own "agreement" table.  Types and functions stay in the
-- extension's schema.
--------------------------------------------------------------------------

CREATE SCHEMA secpact;
COMMENT ON SCHEMA secpact IS 'the secpact agreement registry';

CREATE TABLE secpact.agreement (
	id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	parties @extschema@.dyad NOT NULL,
	kind text NOT NULL,
	title text,
	signed_on date NOT NULL,
	day_order smallint,
	place text,
	place_country @extschema@.party,
	entry_into_force date,
	expires_on date,
	terminated_on date,
	supersedes bigint REFERENCES secpact.agreement (id),
	framework text,
	source text,
	notes text,
	-- constraint names are what a violation reports: they say the rule
	CONSTRAINT agreement_kind_is_not_empty CHECK (kind OPERATOR(pg_catalog.<>) ''),
	CONSTRAINT agreement_day_order_is_positive CHECK (day_order OPERATOR(pg_catalog.>) 0),
	CONSTRAINT agreement_entry_into_force_not_before_signature
		CHECK (entry_into_force OPERATOR(pg_catalog.>=) signed_on),
	CONSTRAINT agreement_expiry_not_before_signature
		CHECK (expires_on OPERATOR(pg_catalog.>=) signed_on),
	CONSTRAINT agreement_termination_not_before_signature
		CHECK (terminated_on OPERATOR(pg_catalog.>=) signed_on),
	CONSTRAINT agreement_cannot_supersede_itself
		CHECK (supersedes OPERATOR(pg_catalog.<>) id)
);
COMMENT ON TABLE secpact.agreement IS 'bilateral agreements: who signed with whom, when, where, and their lifecycle';
COMMENT ON COLUMN secpact.agreement.parties IS 'the two parties, as an unordered pair';
COMMENT ON COLUMN secpact.agreement.kind IS 'the kind of agreement, e.g. security';
COMMENT ON COLUMN secpact.agreement.signed_on IS 'date of signature';
COMMENT ON COLUMN secpact.agreement.day_order IS 'order of signing within the day where known (1, 2, ...), else NULL: NULLs on one day are ties';
COMMENT ON COLUMN secpact.agreement.place IS 'city where it was signed';
COMMENT ON COLUMN secpact.agreement.place_country IS 'country where it was signed, often neither party';
COMMENT ON COLUMN secpact.agreement.entry_into_force IS 'date of entry into force; NULL when unknown (signature is not entry into force)';
COMMENT ON COLUMN secpact.agreement.expires_on IS 'first day no longer in force; when only a duration is known, compute it from signature or entry into force when loading';
COMMENT ON COLUMN secpact.agreement.terminated_on IS 'first day no longer in force after termination or withdrawal';
COMMENT ON COLUMN secpact.agreement.supersedes IS 'the agreement this one replaces, once it enters into force';
COMMENT ON COLUMN secpact.agreement.framework IS 'the series it belongs to, e.g. the G7 Joint Declaration of Support for Ukraine';
COMMENT ON COLUMN secpact.agreement.source IS 'where the facts come from';

-- One deduplicated btree answers both lookups: parties = 'BE-UA' directly,
-- and parties @> 'UA' (or && 'BE-UA') as = ANY of the dyads involving UA,
-- through the planner support of @> (dyad_support.c).  It is about a third
-- the size of the three indexes plain SQL needs for the same two lookups,
-- and a third as costly to keep up during loads as the GIN index of 1.0.
CREATE INDEX agreement_parties ON secpact.agreement (parties);
CREATE INDEX agreement_supersedes ON secpact.agreement (supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE secpact.signatory (
	agreement_id bigint NOT NULL REFERENCES secpact.agreement (id) ON DELETE CASCADE,
	party @extschema@.party NOT NULL,
	name text NOT NULL,
	title text,
	PRIMARY KEY (agreement_id, party, name)
);
COMMENT ON TABLE secpact.signatory IS 'who signed an agreement for each party; a party may have several signatories';

-- PARALLEL SAFE: it only reads the registry, which workers may do too.
CREATE FUNCTION secpact.signatory_party_check() RETURNS trigger
	LANGUAGE plpgsql PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	pair @extschema@.dyad;
BEGIN
	SELECT a.parties INTO pair FROM secpact.agreement a WHERE a.id = NEW.agreement_id;
	IF FOUND AND NOT pair OPERATOR(@extschema@.@>) NEW.party THEN
		RAISE EXCEPTION 'party % is not a party to agreement %', NEW.party, NEW.agreement_id
			USING ERRCODE = 'check_violation',
				  DETAIL = format('Agreement %s is between %s.', NEW.agreement_id, pair),
				  HINT = 'A signatory signs for one of the two parties of the agreement.';
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION secpact.signatory_party_check() IS 'trigger: a signatory signs for a party of its agreement';
CREATE TRIGGER signatory_party_check BEFORE INSERT OR UPDATE ON secpact.signatory
	FOR EACH ROW EXECUTE FUNCTION secpact.signatory_party_check();

-- Users' rows survive pg_dump / pg_restore.
SELECT pg_catalog.pg_extension_config_dump('secpact.agreement', '');
SELECT pg_catalog.pg_extension_config_dump('secpact.agreement_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('secpact.signatory', '');

--------------------------------------------------------------------------
-- Signing order and lifecycle over the registry
--------------------------------------------------------------------------

-- Whether an agreement in force by a date supersedes the given one: the one
-- part of in_force() that reads the registry.  In C (registry.c), so that a
-- scan asks the registry once rather than once a row.
CREATE FUNCTION @extschema@.superseded(agreement_id bigint, on_date date) RETURNS boolean
	AS 'MODULE_PATHNAME', 'superseded'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.superseded(bigint, date) IS
	'whether an agreement in force by the date supersedes the agreement';

-- In force on a date: entered into force, not expired, not terminated, not
-- superseded by an agreement in force by then.  NULL (unknown) when nothing
-- ends it but its entry into force is unknown: signature is not entry into
-- force, and many agreements are known only by their signature.
-- No SET clause and no subquery, so that the planner inlines it: a scan then
-- tests the row's own columns instead of calling an SQL function with the
-- whole row.  Every name in it is qualified, so no search_path reaches it.
CREATE FUNCTION @extschema@.in_force(agreement secpact.agreement, on_date date DEFAULT CURRENT_DATE)
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
COMMENT ON FUNCTION @extschema@.in_force(secpact.agreement, date) IS
	'whether an agreement was in force on a date; NULL when its entry into force is unknown';

-- One row per counterpart of hub, by its first signing.  Signings order by
-- signed_on, then day_order with known values first; rows equal on both
-- (NULL equal to NULL) are peers and share a position.  In C (registry.c):
-- one scan of the hub's agreements, each offered to a fixed table of first
-- signings, instead of a sort of all of them; the query it runs through SPI
-- is fully qualified, and runs with the caller's privileges and snapshot.
CREATE FUNCTION @extschema@.signing_order(hub @extschema@.party, kind text DEFAULT NULL,
										  as_of date DEFAULT NULL, states_only boolean DEFAULT false)
	RETURNS TABLE("position" int, counterpart @extschema@.party, counterpart_name text,
				  signed_on date, place text, ordinal text, shared boolean)
	AS 'MODULE_PATHNAME', 'signing_order'
	LANGUAGE C STABLE PARALLEL SAFE ROWS 100
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.signing_order(@extschema@.party, text, date, boolean) IS
	'the counterparts of a party in the order of their first signing, with shared positions for ties';

-- Every hub's signing order from one scan of the registry: the first
-- signing of each pair of parties, then each party's counterparts ranked.
CREATE FUNCTION @extschema@.signing_orders(kind text DEFAULT NULL, as_of date DEFAULT NULL,
										   states_only boolean DEFAULT false)
	RETURNS TABLE(hub @extschema@.party, "position" int, counterpart @extschema@.party,
				  counterpart_name text, signed_on date, place text, ordinal text, shared boolean)
	AS 'MODULE_PATHNAME', 'signing_orders'
	LANGUAGE C STABLE PARALLEL SAFE ROWS 10000
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.signing_orders(text, date, boolean) IS
	'every party''s signing_order, from one scan of the registry';

CREATE FUNCTION @extschema@.partners(hub @extschema@.party, kind text DEFAULT NULL, as_of date DEFAULT NULL)
	RETURNS TABLE(counterpart @extschema@.party, first_signed date, agreements int, in_force boolean)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT c.counterpart, min(a.signed_on), count(*)::int,
	   -- in force if any agreement is; unknown if none is but one may be
	   CASE WHEN bool_or(f.in_force) THEN true
			WHEN bool_or(f.in_force IS NULL) THEN NULL
			ELSE false END
FROM secpact.agreement a
CROSS JOIN LATERAL (SELECT @extschema@.counterpart(a.parties, $1) AS counterpart) c
CROSS JOIN LATERAL (SELECT @extschema@.in_force(a, coalesce($3, CURRENT_DATE)) AS in_force) f
WHERE a.parties OPERATOR(@extschema@.@>) $1
  AND ($2 IS NULL OR a.kind = $2)
  AND ($3 IS NULL OR a.signed_on <= $3)
GROUP BY c.counterpart
ORDER BY min(a.signed_on), c.counterpart
$$;
COMMENT ON FUNCTION @extschema@.partners(@extschema@.party, text, date) IS
	'the counterparts of a party: first signing, number of agreements, whether one is in force';

--------------------------------------------------------------------------
-- Comments on the objects declared above without one
--------------------------------------------------------------------------
COMMENT ON OPERATOR CLASS @extschema@.dyad_ops USING btree IS 'btree ordering of dyads by the lower party, then the higher';
COMMENT ON OPERATOR CLASS @extschema@.dyad_hash_ops USING hash IS 'hashing of dyads';
COMMENT ON OPERATOR CLASS @extschema@.dyad_gin_ops USING gin IS 'GIN index of the two parties of a dyad, for @>, <@ and &&';
COMMENT ON SEQUENCE secpact.agreement_id_seq IS 'identity of secpact.agreement';
COMMENT ON CAST (text AS @extschema@.party) IS 'parses any spelling of a party (assignment cast)';
COMMENT ON CAST (@extschema@.party AS text) IS 'the alpha-2 code (assignment cast)';
COMMENT ON CAST (text AS @extschema@.dyad) IS 'parses a pair of party codes (assignment cast)';
COMMENT ON CAST (@extschema@.dyad AS text) IS 'the two alpha-2 codes joined by a hyphen (assignment cast)';
COMMENT ON OPERATOR FAMILY @extschema@.party_ops USING btree IS 'btree ordering of parties';
COMMENT ON OPERATOR FAMILY @extschema@.party_hash_ops USING hash IS 'hashing of parties';
COMMENT ON OPERATOR FAMILY @extschema@.dyad_ops USING btree IS 'btree ordering of dyads';
COMMENT ON OPERATOR FAMILY @extschema@.dyad_hash_ops USING hash IS 'hashing of dyads';
COMMENT ON OPERATOR FAMILY @extschema@.dyad_gin_ops USING gin IS 'GIN indexing of dyads by their parties';

--------------------------------------------------------------------------
-- Analytics for dashboards and psql (1.1): views and functions whose
-- columns are plain types (text, integer, date, boolean) that every client
-- understands, aggregates that parallel query can split, and the signing
-- chart as an SVG document.
--------------------------------------------------------------------------

-- Sets of parties: one bit for each two-letter code, 85 bytes whatever the
-- number of rows, combined by a bitwise OR.  So unlike count(DISTINCT ...)
-- these aggregates run as Partial Aggregate in parallel workers.  The state
-- is internal: the transition and combine functions are not strict (a NULL
-- party leaves the state as it is, and either partial state may be NULL),
-- and workers hand their states over serialized.
CREATE FUNCTION @extschema@.party_set_add_party(internal, @extschema@.party) RETURNS internal
	AS 'MODULE_PATHNAME', 'party_set_add_party' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_add_party(internal, @extschema@.party) IS
	'aggregate support: adds a party to a set of parties';
CREATE FUNCTION @extschema@.party_set_add_dyad(internal, @extschema@.dyad) RETURNS internal
	AS 'MODULE_PATHNAME', 'party_set_add_dyad' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_add_dyad(internal, @extschema@.dyad) IS
	'aggregate support: adds both parties of a dyad to a set of parties';
CREATE FUNCTION @extschema@.party_set_combine(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'party_set_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_combine(internal, internal) IS
	'aggregate support: the union of two sets of parties, for parallel query';
CREATE FUNCTION @extschema@.party_set_serialize(internal) RETURNS bytea
	AS 'MODULE_PATHNAME', 'party_set_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_serialize(internal) IS
	'aggregate support: a set of parties as its 85 bytes, for parallel query';
CREATE FUNCTION @extschema@.party_set_deserialize(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME', 'party_set_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_deserialize(bytea, internal) IS
	'aggregate support: a set of parties from its 85 bytes, for parallel query';
CREATE FUNCTION @extschema@.party_set_count_final(internal) RETURNS integer
	AS 'MODULE_PATHNAME', 'party_set_count_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_count_final(internal) IS
	'aggregate support: the number of parties in a set, 0 for none';
CREATE FUNCTION @extschema@.party_set_array_final(internal) RETURNS @extschema@.party[]
	AS 'MODULE_PATHNAME', 'party_set_array_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_array_final(internal) IS
	'aggregate support: the parties of a set in alpha-2 order, NULL for none';

CREATE AGGREGATE @extschema@.count_parties(@extschema@.party) (
	SFUNC = @extschema@.party_set_add_party, STYPE = internal, SSPACE = 85,
	FINALFUNC = @extschema@.party_set_count_final,
	COMBINEFUNC = @extschema@.party_set_combine,
	SERIALFUNC = @extschema@.party_set_serialize,
	DESERIALFUNC = @extschema@.party_set_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.count_parties(@extschema@.party) IS
	'the number of distinct parties, 0 for none: count(DISTINCT party) that runs in parallel';
CREATE AGGREGATE @extschema@.count_parties(@extschema@.dyad) (
	SFUNC = @extschema@.party_set_add_dyad, STYPE = internal, SSPACE = 85,
	FINALFUNC = @extschema@.party_set_count_final,
	COMBINEFUNC = @extschema@.party_set_combine,
	SERIALFUNC = @extschema@.party_set_serialize,
	DESERIALFUNC = @extschema@.party_set_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.count_parties(@extschema@.dyad) IS
	'the number of distinct parties involved in the dyads, 0 for none';
CREATE AGGREGATE @extschema@.party_set(@extschema@.party) (
	SFUNC = @extschema@.party_set_add_party, STYPE = internal, SSPACE = 85,
	FINALFUNC = @extschema@.party_set_array_final,
	COMBINEFUNC = @extschema@.party_set_combine,
	SERIALFUNC = @extschema@.party_set_serialize,
	DESERIALFUNC = @extschema@.party_set_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.party_set(@extschema@.party) IS
	'the distinct parties in alpha-2 order, NULL for none';
CREATE AGGREGATE @extschema@.party_set(@extschema@.dyad) (
	SFUNC = @extschema@.party_set_add_dyad, STYPE = internal, SSPACE = 85,
	FINALFUNC = @extschema@.party_set_array_final,
	COMBINEFUNC = @extschema@.party_set_combine,
	SERIALFUNC = @extschema@.party_set_serialize,
	DESERIALFUNC = @extschema@.party_set_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.party_set(@extschema@.dyad) IS
	'the distinct parties involved in the dyads, in alpha-2 order, NULL for none';

-- The views run as their caller (security_invoker), as every secpact
-- function does: reading one needs SELECT on it and on secpact.agreement.
-- A view's operators and functions are bound when it is created, so its
-- body names them with their schemas.

-- One row per hub, kind and counterpart, at the counterpart's first signing
-- of that kind with the hub.  Hubs are both sides of every dyad.  Positions
-- follow signing_order(hub, kind): by signed_on, then day_order (known
-- before NULL); rows equal on both are peers and share a position.
CREATE VIEW secpact.signing_timeline WITH (security_invoker = true) AS
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
	   r.so_far::integer AS partners_so_far
FROM ranked r;
COMMENT ON VIEW secpact.signing_timeline IS
	'one row per hub, kind and counterpart at its first signing, with its position and the partners so far, in plain types';
COMMENT ON COLUMN secpact.signing_timeline.hub IS 'alpha-2 code of the hub: either party of the agreement';
COMMENT ON COLUMN secpact.signing_timeline.hub_name IS 'English short name of the hub';
COMMENT ON COLUMN secpact.signing_timeline.hub_alpha3 IS 'alpha-3 code of the hub, for map panels; NULL for the EU';
COMMENT ON COLUMN secpact.signing_timeline.kind IS 'the kind of agreement; positions count within it';
COMMENT ON COLUMN secpact.signing_timeline.signed_on IS 'date of the counterpart''s first signing of this kind with the hub';
COMMENT ON COLUMN secpact.signing_timeline.counterpart IS 'alpha-2 code of the counterpart';
COMMENT ON COLUMN secpact.signing_timeline.counterpart_name IS 'English short name of the counterpart';
COMMENT ON COLUMN secpact.signing_timeline.counterpart_alpha3 IS 'alpha-3 code of the counterpart, for map panels; NULL for the EU';
COMMENT ON COLUMN secpact.signing_timeline.counterpart_is_organisation IS 'true for the EU: filter on it to leave organisations out (positions still count them)';
COMMENT ON COLUMN secpact.signing_timeline.place IS 'city where that first agreement was signed';
COMMENT ON COLUMN secpact.signing_timeline."position" IS 'place in the signing order, as signing_order(hub, kind) gives it: ties share a place';
COMMENT ON COLUMN secpact.signing_timeline.ordinal IS 'the position in English: 1st, 2nd, 11th';
COMMENT ON COLUMN secpact.signing_timeline.shared IS 'the position is shared with another counterpart: same day, order within the day unknown';
COMMENT ON COLUMN secpact.signing_timeline.partners_so_far IS 'partners of the hub in this kind by the end of signed_on: all of that day''s first signings count';

-- Per party and kind: partners, agreements, and agreements in force today.
-- in_force() is NULL when an agreement's entry into force is unknown; such
-- agreements are counted apart, never as in force.
CREATE VIEW secpact.partner_counts WITH (security_invoker = true) AS
SELECT @extschema@.alpha2(s.party) AS party,
	   @extschema@.party_name(s.party) AS party_name,
	   @extschema@.alpha3(s.party) AS party_alpha3,
	   a.kind,
	   @extschema@.count_parties(@extschema@.counterpart(a.parties, s.party)) AS partners,
	   pg_catalog.count(*)::integer AS agreements,
	   (pg_catalog.count(*) FILTER (WHERE f.in_force))::integer AS in_force,
	   (pg_catalog.count(*) FILTER (WHERE f.in_force IS NULL))::integer AS in_force_unknown
FROM secpact.agreement a
CROSS JOIN LATERAL pg_catalog.unnest(@extschema@.dyad_parties(a.parties)) AS s(party)
CROSS JOIN LATERAL (SELECT @extschema@.in_force(a, CURRENT_DATE) AS in_force) f
GROUP BY s.party, a.kind;
COMMENT ON VIEW secpact.partner_counts IS
	'per party and kind: distinct partners, agreements, agreements in force today and agreements whose status is unknown';
COMMENT ON COLUMN secpact.partner_counts.party IS 'alpha-2 code of the party';
COMMENT ON COLUMN secpact.partner_counts.party_name IS 'English short name of the party';
COMMENT ON COLUMN secpact.partner_counts.party_alpha3 IS 'alpha-3 code of the party, for map panels; NULL for the EU';
COMMENT ON COLUMN secpact.partner_counts.kind IS 'the kind of agreement';
COMMENT ON COLUMN secpact.partner_counts.partners IS 'distinct counterparts of the party in agreements of this kind';
COMMENT ON COLUMN secpact.partner_counts.agreements IS 'agreements of this kind the party signed, repeats included';
COMMENT ON COLUMN secpact.partner_counts.in_force IS 'of them, in force today (in_force() true)';
COMMENT ON COLUMN secpact.partner_counts.in_force_unknown IS 'of them, whose status today is unknown (in_force() NULL: entry into force not known)';

-- Dyad-years, the unit of analysis of DCAD, ATOP and COW: one row per dyad
-- and calendar year in which an agreement of the kind was in force on at
-- least one day.  An agreement is in force from its entry into force up to
-- (not including) the first of its expiry, its termination and the entry
-- into force of an agreement superseding it.  Where an entry into force is
-- unknown, signature stands for it, as DCAD counts: that is how the bundled
-- agreements, none of whose entries into force is known, have dyad-years.
-- An agreement that nothing ends runs to last_year, or to the current year
-- when last_year is NULL.  Years run from 1 to 9999.
CREATE FUNCTION @extschema@.dyad_years(first_year integer DEFAULT NULL, last_year integer DEFAULT NULL,
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
	WITH spans AS (
		SELECT a.parties,
			   coalesce(a.entry_into_force, a.signed_on) AS starts,
			   least(a.expires_on, a.terminated_on, s.superseded_on) AS ends
		FROM secpact.agreement a
		LEFT JOIN LATERAL (
			SELECT min(coalesce(x.entry_into_force, x.signed_on)) AS superseded_on
			FROM secpact.agreement x
			WHERE x.supersedes = a.id) s ON true
		WHERE dyad_years.kind IS NULL OR a.kind = dyad_years.kind
	), bounds AS (
		SELECT sp.parties,
			   greatest(extract(year FROM sp.starts), coalesce(first_year, 1)) AS y0,
			   CASE WHEN sp.ends IS NULL OR sp.ends = 'infinity' THEN open_until
					ELSE least(extract(year FROM sp.ends - 1), coalesce(last_year, 9999)) END AS y1
		FROM spans sp
		WHERE sp.ends IS NULL OR sp.ends > sp.starts
	), counted AS (
		-- only finite bounds between 1 and 9999 reach the casts
		SELECT b.parties, b.y0::integer AS y0, b.y1::integer AS y1
		FROM bounds b
		WHERE b.y0 <= b.y1
		OFFSET 0
	)
	SELECT @extschema@.text(c.parties),
		   @extschema@.alpha2(@extschema@.first_party(c.parties)),
		   @extschema@.alpha2(@extschema@.second_party(c.parties)),
		   g.y, count(*)::integer
	FROM counted c
	CROSS JOIN LATERAL generate_series(c.y0, c.y1) AS g(y)
	GROUP BY c.parties, g.y
	ORDER BY c.parties, g.y;
END
$$;
COMMENT ON FUNCTION @extschema@.dyad_years(integer, integer, text) IS
	'one row per dyad and year with an agreement in force (from signature where entry into force is unknown), for dyad-year datasets';

-- Parties that have agreements with both a and b (of the kind, when given).
CREATE FUNCTION @extschema@.common_partners(a @extschema@.party, b @extschema@.party, kind text DEFAULT NULL)
	RETURNS TABLE(partner text, partner_name text, partner_alpha3 text,
				  first_with_a date, first_with_b date)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
WITH with_a AS (
	SELECT @extschema@.counterpart(x.parties, $1) AS partner, min(x.signed_on) AS first_signed
	FROM secpact.agreement x
	WHERE x.parties OPERATOR(@extschema@.@>) $1
	  AND ($3 IS NULL OR x.kind = $3)
	GROUP BY 1
), with_b AS (
	SELECT @extschema@.counterpart(x.parties, $2) AS partner, min(x.signed_on) AS first_signed
	FROM secpact.agreement x
	WHERE x.parties OPERATOR(@extschema@.@>) $2
	  AND ($3 IS NULL OR x.kind = $3)
	GROUP BY 1
)
SELECT @extschema@.alpha2(wa.partner), @extschema@.party_name(wa.partner),
	   @extschema@.alpha3(wa.partner), wa.first_signed, wb.first_signed
FROM with_a wa
JOIN with_b wb ON wa.partner OPERATOR(@extschema@.=) wb.partner
ORDER BY wa.partner
$$;
COMMENT ON FUNCTION @extschema@.common_partners(@extschema@.party, @extschema@.party, text) IS
	'the parties with agreements with both a and b, and the first signing with each';

-- The chart, from arrays: one element per counterpart's first signing.
-- Pure: no registry, no clock; signing_chart() feeds it from the registry.
CREATE FUNCTION @extschema@.signing_chart_svg(title text, subtitle text, as_of date,
											  signed_on date[], labels text[], positions integer[])
	RETURNS text
	AS 'MODULE_PATHNAME', 'signing_chart_svg' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.signing_chart_svg(text, text, date, date[], text[], integer[]) IS
	'an SVG step chart of cumulative partners from arrays of signing dates, labels and positions';

-- The hub's signing order as an SVG step chart.  The time axis runs to
-- as_of, the current date when as_of is NULL: the one case where the
-- document depends on the day it is drawn.
CREATE FUNCTION @extschema@.signing_chart(hub @extschema@.party, kind text DEFAULT NULL, as_of date DEFAULT NULL)
	RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT @extschema@.signing_chart_svg(
		   format('%s (%s): partners in the order of signing',
				  @extschema@.party_name($1), @extschema@.alpha2($1)),
		   CASE WHEN $2 IS NULL THEN 'agreements of every kind' ELSE format('%s agreements', $2) END,
		   coalesce($3, CURRENT_DATE),
		   coalesce(array_agg(o.signed_on ORDER BY o."position", o.counterpart), '{}'),
		   coalesce(array_agg(@extschema@.alpha2(o.counterpart) ORDER BY o."position", o.counterpart), '{}'),
		   coalesce(array_agg(o."position" ORDER BY o."position", o.counterpart), '{}'))
FROM @extschema@.signing_order($1, $2, $3) o
HAVING $1 IS NOT NULL
$$;
COMMENT ON FUNCTION @extschema@.signing_chart(@extschema@.party, text, date) IS
	'the signing order of a party as an SVG step chart of cumulative partners, labelled with codes and ordinals';
