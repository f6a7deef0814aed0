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

-- fastupdate off: a pending list grows without bound during bulk loads and
-- makes every search scan it; agreements are written far less than read.
CREATE INDEX agreement_parties_gin ON secpact.agreement USING gin (parties) WITH (fastupdate = off);
CREATE INDEX agreement_parties_signed_on ON secpact.agreement (parties, signed_on);
CREATE INDEX agreement_supersedes ON secpact.agreement (supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE secpact.signatory (
	agreement_id bigint NOT NULL REFERENCES secpact.agreement (id) ON DELETE CASCADE,
	party @extschema@.party NOT NULL,
	name text NOT NULL,
	title text,
	PRIMARY KEY (agreement_id, party, name)
);
COMMENT ON TABLE secpact.signatory IS 'who signed an agreement for each party; a party may have several signatories';

CREATE FUNCTION secpact.signatory_party_check() RETURNS trigger
	LANGUAGE plpgsql
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

-- In force on a date: entered into force, not expired, not terminated, not
-- superseded by an agreement in force by then.  NULL (unknown) when nothing
-- ends it but its entry into force is unknown: signature is not entry into
-- force, and many agreements are known only by their signature.
CREATE FUNCTION @extschema@.in_force(agreement secpact.agreement, on_date date DEFAULT CURRENT_DATE)
	RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT CASE
	WHEN $2 < ($1).signed_on THEN false
	WHEN ($1).terminated_on <= $2 THEN false
	WHEN ($1).expires_on <= $2 THEN false
	WHEN EXISTS (SELECT FROM secpact.agreement s
				 WHERE s.supersedes = ($1).id AND s.entry_into_force <= $2) THEN false
	WHEN ($1).entry_into_force IS NULL THEN NULL
	ELSE ($1).entry_into_force <= $2
END
$$;
COMMENT ON FUNCTION @extschema@.in_force(secpact.agreement, date) IS
	'whether an agreement was in force on a date; NULL when its entry into force is unknown';

-- One row per counterpart of hub, by its first signing.  Signings order by
-- signed_on, then day_order with known values first; rows equal on both
-- (NULL equal to NULL) are peers and share a position.
CREATE FUNCTION @extschema@.signing_order(hub @extschema@.party, kind text DEFAULT NULL,
										  as_of date DEFAULT NULL, states_only boolean DEFAULT false)
	RETURNS TABLE(position int, counterpart @extschema@.party, counterpart_name text,
				  signed_on date, place text, ordinal text, shared boolean)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
WITH firsts AS (
	SELECT DISTINCT ON (c.counterpart) c.counterpart, a.signed_on, a.day_order, a.place
	FROM secpact.agreement a
	CROSS JOIN LATERAL (SELECT @extschema@.counterpart(a.parties, $1) AS counterpart) c
	WHERE a.parties OPERATOR(@extschema@.@>) $1
	  AND ($2 IS NULL OR a.kind = $2)
	  AND ($3 IS NULL OR a.signed_on <= $3)
	  AND NOT (coalesce($4, false) AND @extschema@.is_organisation(c.counterpart))
	ORDER BY c.counterpart, a.signed_on, a.day_order NULLS LAST, a.id
), ranked AS (
	SELECT (rank() OVER w)::int AS position, f.counterpart, f.signed_on, f.place,
		   count(*) OVER (PARTITION BY f.signed_on, f.day_order) > 1 AS shared
	FROM firsts f
	WINDOW w AS (ORDER BY f.signed_on, f.day_order NULLS LAST)
)
SELECT r.position, r.counterpart, @extschema@.party_name(r.counterpart), r.signed_on, r.place,
	   @extschema@.ordinal(r.position), r.shared
FROM ranked r
ORDER BY r.position, r.counterpart
$$;
COMMENT ON FUNCTION @extschema@.signing_order(@extschema@.party, text, date, boolean) IS
	'the counterparts of a party in the order of their first signing, with shared positions for ties';

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
