-- The extension's own text (names, hints, the chart) in databases of other
-- encodings: converted to the database encoding on the way out, input
-- converted to UTF-8 before names are matched.  A letter the encoding lacks
-- is written without its accent (see README).  Each database is made here
-- and dropped at the end; the client speaks UTF-8 throughout.
SET client_min_messages = warning;
SELECT current_database() AS regress_database \gset
DROP DATABASE IF EXISTS regress_secpact_sql_ascii;
DROP DATABASE IF EXISTS regress_secpact_latin1;
DROP DATABASE IF EXISTS regress_secpact_win1251;
DROP DATABASE IF EXISTS regress_secpact_euc_jp;
DROP DATABASE IF EXISTS regress_secpact_euc_jp_restored;
CREATE DATABASE regress_secpact_sql_ascii ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE DATABASE regress_secpact_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE DATABASE regress_secpact_win1251 ENCODING 'WIN1251' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE DATABASE regress_secpact_euc_jp ENCODING 'EUC_JP' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE DATABASE regress_secpact_euc_jp_restored ENCODING 'EUC_JP' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
-- pg_dump and psql of this server, for the round trip below
SELECT setting AS bindir FROM pg_config WHERE name = 'BINDIR' \gset
\setenv SECPACT_BINDIR :bindir

-- The same checks in each database, from this file's own variables.
\set checks 'SET client_encoding = ''UTF8''; SET client_min_messages = warning; CREATE EXTENSION secpact; RESET client_min_messages;'

--------------------------------------------------------------------------
-- SQL_ASCII declares no encoding: the names come as UTF-8, unconverted
--------------------------------------------------------------------------
\c regress_secpact_sql_ascii
:checks
SELECT pg_catalog.getdatabaseencoding();
SELECT party_name('CI'), octet_length(party_name('CI')) AS bytes, party_name('AX'), party_name('TR');
SELECT 'Türkiye'::party, 'CÔTE D''IVOIRE'::party, try_party('Åland Islands');
SELECT count(*) AS names_that_do_not_parse_back FROM parties() WHERE try_party(name) IS DISTINCT FROM party;

--------------------------------------------------------------------------
-- LATIN1 holds every letter of every name
--------------------------------------------------------------------------
\c regress_secpact_latin1
:checks
SELECT pg_catalog.getdatabaseencoding();
SELECT party_name('CI'), octet_length(party_name('CI')) AS bytes, party_name('AX'), party_name('TR');
SELECT 'Türkiye'::party, 'CÔTE D''IVOIRE'::party, try_party('Åland Islands'), dyad('Türkiye', 'Côte d''Ivoire');
SELECT count(*) AS names_that_do_not_parse_back FROM parties() WHERE try_party(name) IS DISTINCT FROM party;
-- hints name the party in the database's encoding
SELECT 'Cote d Ivoir'::party;
SELECT 'Türkiye-BE'::dyad;
-- lengths are the user's: 40 bytes here, 80 in UTF-8, is no name, not too long
SELECT repeat('é', 40)::party;
SELECT repeat('é', 70)::party;
SELECT (repeat(' ', 100000) || 'Türkiye' || repeat(' ', 100000))::party;
-- the registry: signing_order, the views, the chart
INSERT INTO secpact.agreement (parties, kind, signed_on, place) VALUES
	('CI-TR', 'trade', '2020-01-01', 'Ankara'), ('CI-AX', 'trade', '2021-01-01', 'Mariehamn');
SELECT position, counterpart, counterpart_name, octet_length(counterpart_name) AS bytes FROM signing_order('CI');
SELECT hub_name, counterpart_name FROM secpact.signing_timeline WHERE hub = 'CI' ORDER BY signed_on;
SELECT party_name FROM secpact.partner_counts WHERE party IN ('AX', 'TR') ORDER BY party;
SELECT (regexp_match(chart, '<title>([^<]*)</title>'))[1] AS chart_title,
	   xml_is_well_formed_document(chart) AS well_formed
FROM (SELECT signing_chart('CI', as_of => '2022-01-01') AS chart) c;

--------------------------------------------------------------------------
-- WIN1251 (Cyrillic) has no Latin letters with accents: they lose them
--------------------------------------------------------------------------
\c regress_secpact_win1251
:checks
SELECT pg_catalog.getdatabaseencoding();
SELECT party_name('CI'), octet_length(party_name('CI')) AS bytes, party_name('AX'), party_name('TR');
SELECT 'Turkiye'::party, 'COTE D''IVOIRE'::party, try_party('Aland Islands');
-- every name, as written here, still names its party
SELECT count(*) AS names_that_do_not_parse_back FROM parties() WHERE try_party(name) IS DISTINCT FROM party;
SELECT 'Cote d Ivoir'::party;
-- Cyrillic input is no party, and no error beyond that
SELECT try_party('Украина');
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES ('CI-TR', 'trade', '2020-01-01');
SELECT counterpart_name FROM signing_order('CI');
SELECT (regexp_match(chart, '<title>([^<]*)</title>'))[1] AS chart_title,
	   xml_is_well_formed_document(chart) AS well_formed
FROM (SELECT signing_chart('CI', as_of => '2022-01-01') AS chart) c;

--------------------------------------------------------------------------
-- EUC_JP: Latin letters with accents are JIS X 0212, three bytes each; a
-- table of every name survives pg_dump | psql (1.1 stored raw UTF-8, which
-- is invalid EUC_JP, and the restore loaded none of the 250 rows)
--------------------------------------------------------------------------
\c regress_secpact_euc_jp
:checks
SELECT pg_catalog.getdatabaseencoding();
SELECT party_name('CI'), octet_length(party_name('CI')) AS bytes, party_name('AX'), party_name('TR');
SELECT 'Türkiye'::party, 'CÔTE D''IVOIRE'::party, try_party('Åland Islands');
SELECT count(*) AS names_that_do_not_parse_back FROM parties() WHERE try_party(name) IS DISTINCT FROM party;
SELECT 'Cote d Ivoir'::party;
-- text of the database's own in the chart: as character references
INSERT INTO secpact.agreement (parties, kind, signed_on, place) VALUES ('CI-JP', '安全保障', '2020-01-01', '東京');
SELECT (regexp_match(chart, '<title>([^<]*)</title>'))[1] AS chart_title,
	   (regexp_match(chart, '<text[^>]*>([^<]*agreements[^<]*)</text>'))[1] AS chart_subtitle,
	   xml_is_well_formed_document(chart) AS well_formed
FROM (SELECT signing_chart('CI', '安全保障', '2022-01-01') AS chart) c;
SELECT position, counterpart_name, place FROM signing_order('CI', '安全保障');
CREATE TABLE names AS SELECT party, name FROM parties();
\! "$SECPACT_BINDIR/pg_dump" -d regress_secpact_euc_jp 2>/dev/null | "$SECPACT_BINDIR/psql" -X -q -v ON_ERROR_STOP=0 -d regress_secpact_euc_jp_restored >/dev/null 2>&1
\c regress_secpact_euc_jp_restored
SET client_encoding = 'UTF8';
SELECT count(*) AS rows_restored, count(*) FILTER (WHERE party_name(party) = name) AS names_equal FROM names;
SELECT name FROM names WHERE party IN ('AX', 'BL', 'CI', 'CW', 'RE', 'TR') ORDER BY party;

\c :regress_database
SET client_min_messages = warning;
DROP DATABASE regress_secpact_sql_ascii;
DROP DATABASE regress_secpact_latin1;
DROP DATABASE regress_secpact_win1251;
DROP DATABASE regress_secpact_euc_jp;
DROP DATABASE regress_secpact_euc_jp_restored;
