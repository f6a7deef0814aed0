-- secpact 1.1 -> 1.2.  Released install scripts are frozen: every change of
-- 1.2 is made here (and a fresh install of 1.2 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.2'" to load this file. \quit

--------------------------------------------------------------------------
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
