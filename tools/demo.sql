-- make demo: the bundled agreements in a throwaway cluster
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION secpact;
\i data/load-ukraine.sql
\echo
\echo 'Ukraine''s bilateral security agreements, in the order of signing:'
SELECT position, ordinal, counterpart, counterpart_name, signed_on, place, shared
FROM signing_order('UA');
\echo 'Belgium, the founding example:'
SELECT position, counterpart FROM signing_order('UA') WHERE counterpart = 'BE';
\echo 'For dashboards: the parties with most partners (secpact.partner_counts):'
SELECT party, party_name, kind, partners, agreements, in_force, in_force_unknown
FROM secpact.partner_counts ORDER BY partners DESC, party LIMIT 3;
\echo 'Dyads with an agreement in force, by year (dyad_years; signature stands for an unknown entry into force):'
SELECT year, count(*) AS dyads, sum(agreements) AS agreements
FROM dyad_years(2023, 2036) GROUP BY year ORDER BY year;
\echo
\i data/load-nato.sql
\echo 'A multilateral instrument: NATO''s members in the order of accession (accession_order):'
SELECT position, ordinal, party, party_name, on_date, shared FROM accession_order('NATO');
\echo 'Sweden, the 32nd:'
SELECT ordinal FROM accession_order('NATO') WHERE party = 'SE';
