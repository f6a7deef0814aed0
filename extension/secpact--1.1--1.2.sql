-- secpact 1.1 -> 1.2.  Released install scripts are frozen: every change of
-- 1.2 is made here (and a fresh install of 1.2 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.2'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- Party names in other languages (iso-codes' translations) and the session's
-- language of output, secpact.language.
-- ---------------------------------------------------------------------------
-- IMMUTABLE as party_name(party) is: the answer depends on the arguments and
-- the compiled table only (see "What a release may change" in the README).
CREATE FUNCTION @extschema@.party_name(@extschema@.party, lang text) RETURNS text
	AS 'MODULE_PATHNAME', 'party_name_lang' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_name(@extschema@.party, text) IS
	'short name of the party in a language (ISO 639 code or POSIX locale name, such as uk, fr or pt_BR), falling back to the language without its territory, then to English';

-- STABLE: it follows the session's secpact.language.
CREATE FUNCTION @extschema@.party_local_name(@extschema@.party) RETURNS text
	AS 'MODULE_PATHNAME', 'party_local_name' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_local_name(@extschema@.party) IS
	'short name of the party in the session''s language, secpact.language (English by default)';

CREATE FUNCTION @extschema@.party_languages() RETURNS TABLE(language text, names integer)
	AS 'MODULE_PATHNAME', 'party_languages' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 150;
COMMENT ON FUNCTION @extschema@.party_languages() IS
	'the languages with party names of their own, and how many of today''s parties each names (the others fall back to English)';

CREATE FUNCTION @extschema@.party_translations()
	RETURNS TABLE(party @extschema@.party, language text, name text)
	AS 'MODULE_PATHNAME', 'party_translations' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 50000;
COMMENT ON FUNCTION @extschema@.party_translations() IS
	'every translated name of today''s parties that text input accepts (short, common and official names), with its language';

-- The chart's title names the hub in the session's language.
CREATE OR REPLACE FUNCTION @extschema@.signing_chart(hub @extschema@.party, kind text DEFAULT NULL, as_of date DEFAULT NULL)
	RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT @extschema@.signing_chart_svg(
		   format('%s (%s): partners in the order of signing',
				  @extschema@.party_local_name($1), @extschema@.alpha2($1)),
		   CASE WHEN $2 IS NULL THEN 'agreements of every kind' ELSE format('%s agreements', $2) END,
		   coalesce($3, CURRENT_DATE),
		   coalesce(array_agg(o.signed_on ORDER BY o."position", o.counterpart), '{}'),
		   coalesce(array_agg(@extschema@.alpha2(o.counterpart) ORDER BY o."position", o.counterpart), '{}'),
		   coalesce(array_agg(o."position" ORDER BY o."position", o.counterpart), '{}'))
FROM @extschema@.signing_order($1, $2, $3) o
HAVING $1 IS NOT NULL
$$;
