-- make demo: the bundled agreements in a throwaway cluster
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION secpact;
CREATE TABLE demo_agreements (
	seq int, counterpart_iso2 text, counterpart_name text, signed_on date,
	signed_at_city text, signed_at_country_iso2 text, ukraine_signatory text,
	counterpart_signatory text, duration_years int, source_url text, verified text);
\copy demo_agreements FROM 'data/ukraine_security_agreements.csv' WITH (FORMAT csv, HEADER)
\echo
\echo 'Ukraine''s bilateral security agreements, counterparts as party values:'
SELECT seq, counterpart_iso2::party AS party, alpha3(counterpart_iso2::party),
       party_name(counterpart_iso2::party) AS name, signed_on,
       signed_at_city AS place
FROM demo_agreements ORDER BY seq;
