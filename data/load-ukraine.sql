-- Loads data/ukraine_security_agreements.csv into the secpact registry.
-- Run from the repository's top folder: psql's \copy reads the file on the
-- client side, so the server never needs to see it.
CREATE TEMP TABLE ukraine_security_agreements_csv (
	seq int, counterpart_iso2 text, counterpart_name text, signed_on date,
	day_order smallint, signed_at_city text, signed_at_country_iso2 text,
	ukraine_signatory text, counterpart_signatory text, duration_years int,
	source_url text, verified text);
\copy ukraine_security_agreements_csv FROM 'data/ukraine_security_agreements.csv' WITH (FORMAT csv, HEADER)

-- The file gives a duration; the registry stores the first day no longer in
-- force, counted here from signature (no entry into force is known).
INSERT INTO secpact.agreement (parties, kind, signed_on, day_order, place, place_country,
							   expires_on, framework, source, notes)
SELECT dyad('UA', counterpart_iso2::party), 'security', signed_on, day_order,
	   signed_at_city, signed_at_country_iso2::party,
	   (signed_on + make_interval(years => duration_years))::date,
	   'G7 Joint Declaration of Support for Ukraine', source_url,
	   CASE verified WHEN 'partial' THEN 'some facts rest on a general statement, not a source of their own' END
FROM ukraine_security_agreements_csv
ORDER BY seq;

-- "Name (Title)"; several signatories for one party are separated by "; ".
-- parties is given where the registry has the column (1.2 and later), not
-- left to the trigger, which a Citus registry has not; the agreements are
-- read first (MATERIALIZED), so that Citus can plan the rest on the
-- coordinator.
SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'secpact.signatory'::regclass
			   AND attname = 'parties' AND NOT attisdropped) AS signatory_has_parties \gset
\if :signatory_has_parties
INSERT INTO secpact.signatory (agreement_id, party, name, title, parties)
WITH loaded AS MATERIALIZED (
	SELECT a.id, a.parties, c.counterpart_iso2, c.ukraine_signatory, c.counterpart_signatory
	FROM ukraine_security_agreements_csv c
	JOIN secpact.agreement a
	  ON a.parties = dyad('UA', c.counterpart_iso2::party) AND a.signed_on = c.signed_on
	 AND a.kind = 'security'
)
SELECT l.id, s.party, m[1], m[2], l.parties
FROM loaded l
CROSS JOIN LATERAL (
	SELECT 'UA'::party AS party, l.ukraine_signatory AS who
	UNION ALL
	SELECT l.counterpart_iso2::party, unnest(string_to_array(l.counterpart_signatory, '; '))
) s
CROSS JOIN LATERAL regexp_match(s.who, '^(.*?) \((.*)\)$') AS m;
\else
INSERT INTO secpact.signatory (agreement_id, party, name, title)
SELECT a.id, s.party, m[1], m[2]
FROM ukraine_security_agreements_csv c
JOIN secpact.agreement a
  ON a.parties = dyad('UA', c.counterpart_iso2::party) AND a.signed_on = c.signed_on
 AND a.kind = 'security'
CROSS JOIN LATERAL (
	SELECT 'UA'::party AS party, c.ukraine_signatory AS who
	UNION ALL
	SELECT c.counterpart_iso2::party, unnest(string_to_array(c.counterpart_signatory, '; '))
) s
CROSS JOIN LATERAL regexp_match(s.who, '^(.*?) \((.*)\)$') AS m;
\endif

DROP TABLE ukraine_security_agreements_csv;
