-- Party names in the languages iso-codes translates: party_name(party, lang),
-- translated names as input, and the session's language (secpact.language).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
RESET client_min_messages;

-- the names the issue asks for, and the fallbacks
SELECT party_name('BE', 'uk') AS uk, party_name('DE', 'fr') AS fr, party_name('BE') AS english,
	   party_name('BR', 'pt_BR') AS pt_br, party_name('BR', 'pt') AS pt,
	   party_name('BR', 'pt_PT') AS pt_pt_falls_back_to_pt, party_name('BE', 'pt-BR.UTF-8') AS posix_form,
	   party_name('UA', 'sr@latin') AS sr_latin, party_name('UA', 'sr') AS sr;
-- English, and languages without a table of their own, fall back to English
SELECT party_name('DE', 'en') AS en, party_name('DE', 'en_GB') AS en_gb, party_name('DE', 'C') AS c,
	   party_name('DE', 'xx') AS xx, party_name('EU', 'fr') AS eu_untranslated;
SELECT party_name('BE', NULL) IS NULL AS strict;
-- malformed codes are 22023
SELECT party_name('BE', '');
SELECT party_name('BE', 'f');
SELECT party_name('BE', 'french');
SELECT party_name('BE', '12');
SELECT party_name('BE', 'fr_');
SELECT party_name('BE', ' fr');
SELECT party_name('BE', 'fr@');
SELECT party_name('BE', repeat('a', 100000));

-- input: translated names, without regard to case or accents
SELECT 'Бельгія'::party AS uk, 'бельгія'::party AS uk_lower, 'БЕЛЬГІЯ'::party AS uk_upper,
	   'allemagne'::party AS fr, 'Belgique'::party AS fr2, 'Royaume de Belgique'::party AS fr_official,
	   'Österreich'::party AS de, 'osterreich'::party AS de_unaccented, 'Égypte'::party AS fr_accent,
	   'egypte'::party AS fr_unaccented, 'ドイツ'::party AS ja, '  Німеччина  '::party AS trimmed;
-- short names that look like codes: a code first, then the translation
SELECT 'Fas'::party AS tr_morocco, 'Man'::party AS et_isle_of_man, 'Ao'::party AS angola_code_wins;
-- dyad(party, party) takes names, so translated ones too; text input of dyads stays codes
SELECT dyad('Україна', 'Бельгія');
SELECT 'Україна-Бельгія'::dyad;
-- bad input: the hint is in the input's script
SELECT 'Бельгиа'::party;
SELECT 'Allemange'::party;
SELECT try_party('Бельгиа') IS NULL AS try_party_null;
-- invalid UTF-8 never reaches the matcher: the server refuses it first
SELECT convert_from('\xd0'::bytea, 'UTF8');

-- every translated name of every party in every language round-trips to its
-- party, except the ones listed here
SELECT count(*) AS translations, count(DISTINCT language) AS languages,
	   count(*) FILTER (WHERE try_party(name) = party) AS round_trips
FROM party_translations();
SELECT count(*) AS languages, min(names), max(names) FROM party_languages();
SELECT * FROM party_languages() WHERE language IN ('fr', 'uk', 'zh_TW', 'pt_BR') ORDER BY 1;

-- spellings that name another party: a code or an English name comes first
SELECT t.name, t.language, t.party AS translation_of, try_party(t.name) AS read_as
FROM party_translations() t
WHERE try_party(t.name) IS DISTINCT FROM t.party AND try_party(t.name) IS NOT NULL
ORDER BY 1, 2;

-- spellings of more than one party: each is an error naming them
CREATE FUNCTION pg_temp.party_error(s text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	state text; msg text; hint text;
BEGIN
	PERFORM s::party;
	RETURN 'accepted';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
	RETURN state || ': ' || hint;
END $$;
-- unaligned: psql's width of Khmer and Indic text differs between majors
\pset format unaligned
SELECT t.name, string_agg(DISTINCT t.language, ' ' ORDER BY t.language) AS languages,
	   string_agg(DISTINCT t.party::text, ' ' ORDER BY t.party::text) AS parties,
	   pg_temp.party_error(t.name) AS error
FROM party_translations() t
WHERE try_party(t.name) IS NULL
GROUP BY t.name
ORDER BY 1;
\pset format aligned
SELECT 'Dominik Cumhuriyeti'::party;

-- the session's language
SHOW secpact.language;
SET secpact.language = 'uk';
SELECT party_local_name('BE'), party_name('BE') AS still_english, party_name('BE', 'fr') AS explicit;
SELECT 'Belgum'::party;
SET secpact.language = 'pt_BR';
SELECT party_local_name('DE');
SET secpact.language = 'zh';		-- no table of its own: English
SELECT party_local_name('DE');
SET secpact.language = 'french';
SET secpact.language = '';
RESET secpact.language;
SELECT party_local_name('DE');

-- signing_order's names and the chart follow it
\set ON_ERROR_STOP 1
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES
	('BE-UA', 'names test', '2024-05-28'), ('DE-UA', 'names test', '2024-02-16'),
	('JP-UA', 'names test', '2024-06-13');
SET secpact.language = 'uk';
SELECT "position", counterpart, counterpart_name FROM signing_order('UA', 'names test');
SELECT hub, "position", counterpart_name FROM signing_orders('names test') WHERE hub = 'UA';
SELECT substring(signing_chart('UA', 'names test', '2024-12-31') FROM '<title>([^<]*)</title>') AS chart_title;
SET secpact.language = 'ja';
SELECT counterpart_name FROM signing_order('UA', 'names test') ORDER BY "position";
RESET secpact.language;
SELECT counterpart_name FROM signing_order('UA', 'names test') ORDER BY "position";
DELETE FROM secpact.agreement WHERE kind = 'names test';
\set ON_ERROR_STOP 0

SELECT current_database() AS regress_db \gset
-- a database in another encoding gets the names converted, or PostgreSQL's error
CREATE DATABASE names_latin1 TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C';
\c names_latin1
SET client_min_messages = warning;
CREATE EXTENSION secpact;
RESET client_min_messages;
SET client_encoding = 'UTF8';
SELECT party_name('DE', 'fr') AS fr, party_name('AT', 'de') AS de;
SELECT party_name('BE', 'uk');
\c :regress_db
DROP DATABASE names_latin1;
