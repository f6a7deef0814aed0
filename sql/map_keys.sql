-- Map keys: signing_timeline and partner_counts carry the ISO numeric code
-- beside alpha-3 (hub_numeric, counterpart_numeric, party_numeric), as text
-- the way numeric_code() spells it, for maps keyed by numeric code (Natural
-- Earth, the world atlas of d3 and Plot).  Works on rows of its own, under
-- kinds beginning with "mk-", and removes them.
SET client_min_messages = warning;

-- the new columns come last, in plain text, and are documented
SELECT c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
	   col_description(c.oid, a.attnum) IS NOT NULL AS commented
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.oid IN ('secpact.signing_timeline'::regclass, 'secpact.partner_counts'::regclass)
  AND a.attname LIKE '%numeric'
ORDER BY c.relname, a.attnum;
SELECT c.relname, max(a.attnum) FILTER (WHERE a.attname LIKE '%numeric') = max(a.attnum) AS numeric_last
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.oid IN ('secpact.signing_timeline'::regclass, 'secpact.partner_counts'::regclass) AND a.attnum > 0
GROUP BY c.relname ORDER BY 1;
-- still run as their caller
SELECT relname, reloptions FROM pg_class
WHERE oid IN ('secpact.signing_timeline'::regclass, 'secpact.partner_counts'::regclass) ORDER BY 1;

-- leading zeros kept (BE is 056, AF 004), three digits, NULL for the EU
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES
	('UA-BE', 'mk-map', '2024-05-28'),
	('UA-AF', 'mk-map', '2024-06-01'),
	('UA-EU', 'mk-map', '2024-06-27'),
	('EU-BE', 'mk-map', '2024-07-01');
SELECT hub, hub_alpha3, hub_numeric, counterpart, counterpart_alpha3, counterpart_numeric
FROM secpact.signing_timeline WHERE kind = 'mk-map' ORDER BY hub, counterpart;
SELECT party, party_alpha3, party_numeric, partners
FROM secpact.partner_counts WHERE kind = 'mk-map' ORDER BY party;

-- every row of both views, whatever the registry holds, agrees with
-- numeric_code() and parties()
SELECT count(*) AS disagreeing_timeline_rows
FROM secpact.signing_timeline t
JOIN parties() h ON h.alpha2 = t.hub
JOIN parties() c ON c.alpha2 = t.counterpart
WHERE t.hub_numeric IS DISTINCT FROM h.numeric_code
   OR t.counterpart_numeric IS DISTINCT FROM c.numeric_code
   OR t.counterpart_numeric IS DISTINCT FROM numeric_code(t.counterpart::party);
SELECT count(*) AS disagreeing_count_rows
FROM secpact.partner_counts pc JOIN parties() p ON p.alpha2 = pc.party
WHERE pc.party_numeric IS DISTINCT FROM p.numeric_code;
-- the code is always three digits where there is one
SELECT count(*) FILTER (WHERE numeric_code !~ '^[0-9]{3}$') AS malformed,
	   count(*) FILTER (WHERE numeric_code IS NULL) AS without_code
FROM parties();

-- a dashboard's role with only the grants the README documents reads them
CREATE ROLE regress_mk_dashboard;
GRANT USAGE ON SCHEMA secpact TO regress_mk_dashboard;
GRANT SELECT ON secpact.signing_timeline, secpact.partner_counts, secpact.agreement TO regress_mk_dashboard;
SET ROLE regress_mk_dashboard;
SELECT counterpart, counterpart_numeric FROM secpact.signing_timeline
WHERE kind = 'mk-map' AND hub = 'UA' ORDER BY "position";
SELECT party_numeric, agreements FROM secpact.partner_counts WHERE kind = 'mk-map' AND party = 'UA';
RESET ROLE;
REVOKE ALL ON secpact.signing_timeline, secpact.partner_counts, secpact.agreement FROM regress_mk_dashboard;
REVOKE ALL ON SCHEMA secpact FROM regress_mk_dashboard;
DROP ROLE regress_mk_dashboard;

DELETE FROM secpact.agreement WHERE kind LIKE 'mk-%';
