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
