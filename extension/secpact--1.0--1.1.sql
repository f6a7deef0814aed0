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

-- The planner estimates = ANY (those 249 dyads) one element at a time:
-- eqsel's numbers, with the statistics read once per array.
CREATE FUNCTION @extschema@.dyad_eqsel(internal, oid, internal, integer) RETURNS float8
	AS 'MODULE_PATHNAME', 'dyad_eqsel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.dyad_eqsel(internal, oid, internal, integer) IS
	'restriction selectivity of = between dyads: eqsel''s, with the statistics read once per = ANY (array)';
ALTER OPERATOR @extschema@.= (@extschema@.dyad, @extschema@.dyad)
	SET (RESTRICT = @extschema@.dyad_eqsel);

-- The registry: one deduplicated btree instead of GIN plus (parties, signed_on).
-- The indexes of 1.0 are found by what they are, on the registry's own table,
-- not by their names: a DBA may have renamed or dropped them.  The new one is
-- built first, under the share lock of CREATE INDEX, which lets readers
-- through; the drops, whose exclusive lock would block readers until the
-- update commits, come after it and take no time.  Where a valid btree on
-- (parties) alone already exists (built CONCURRENTLY before the update, as
-- the CHANGELOG advises for a large registry), nothing is built at all.
DO $$
DECLARE
	registry pg_catalog.oid := 'secpact.agreement'::pg_catalog.regclass;
	parties_col pg_catalog.int2;
	signed_col pg_catalog.int2;
	old_indexes pg_catalog.oid[];
	holder pg_catalog.oid;
	old_index pg_catalog.oid;
BEGIN
	SELECT a.attnum INTO parties_col FROM pg_catalog.pg_attribute a
	WHERE a.attrelid OPERATOR(pg_catalog.=) registry AND a.attname OPERATOR(pg_catalog.=) 'parties';
	SELECT a.attnum INTO signed_col FROM pg_catalog.pg_attribute a
	WHERE a.attrelid OPERATOR(pg_catalog.=) registry AND a.attname OPERATOR(pg_catalog.=) 'signed_on';
	-- 1.0's GIN on (parties) and btree on (parties, signed_on), whatever their names
	SELECT pg_catalog.array_agg(i.indexrelid) INTO old_indexes FROM pg_catalog.pg_index i
	JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid
	JOIN pg_catalog.pg_am am ON am.oid OPERATOR(pg_catalog.=) c.relam
	WHERE i.indrelid OPERATOR(pg_catalog.=) registry AND i.indpred IS NULL AND i.indexprs IS NULL
	  AND ((am.amname OPERATOR(pg_catalog.=) 'gin' AND i.indnatts OPERATOR(pg_catalog.=) 1
			AND i.indkey[0] OPERATOR(pg_catalog.=) parties_col)
		OR (am.amname OPERATOR(pg_catalog.=) 'btree' AND i.indnatts OPERATOR(pg_catalog.=) 2
			AND i.indkey[0] OPERATOR(pg_catalog.=) parties_col AND i.indkey[1] OPERATOR(pg_catalog.=) signed_col));
	IF NOT EXISTS (
		SELECT FROM pg_catalog.pg_index i
		JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid
		JOIN pg_catalog.pg_am am ON am.oid OPERATOR(pg_catalog.=) c.relam
		WHERE i.indrelid OPERATOR(pg_catalog.=) registry AND am.amname OPERATOR(pg_catalog.=) 'btree'
		  AND i.indnatts OPERATOR(pg_catalog.=) 1 AND i.indkey[0] OPERATOR(pg_catalog.=) parties_col
		  AND i.indpred IS NULL AND i.indexprs IS NULL AND i.indisvalid AND NOT i.indisunique)
	THEN
		SELECT c.oid INTO holder FROM pg_catalog.pg_class c
		WHERE c.relnamespace OPERATOR(pg_catalog.=) 'secpact'::pg_catalog.regnamespace
		  AND c.relname OPERATOR(pg_catalog.=) 'agreement_parties';
		IF holder IS NULL THEN
			CREATE INDEX agreement_parties ON secpact.agreement (parties);
		ELSIF holder OPERATOR(pg_catalog.=) ANY (old_indexes) THEN
			-- an index of 1.0 renamed to the new one's name: it goes first
			EXECUTE pg_catalog.format('DROP INDEX %s', holder::pg_catalog.regclass);
			CREATE INDEX agreement_parties ON secpact.agreement (parties);
		ELSE
			-- the name is taken by something else, which stays
			CREATE INDEX ON secpact.agreement (parties);
		END IF;
	END IF;
	FOR old_index IN
		SELECT i.indexrelid FROM pg_catalog.pg_index i
		WHERE i.indexrelid OPERATOR(pg_catalog.=) ANY (old_indexes)
	LOOP
		EXECUTE pg_catalog.format('DROP INDEX %s', old_index::pg_catalog.regclass);
	END LOOP;
END
$$;

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
