-- secpact 1.1 -> 1.2.  Released install scripts are frozen: every change of
-- 1.2 is made here (and a fresh install of 1.2 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.2'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- Every state since 1816 (issue #14): former and non-ISO parties, and
-- date-aware COW and Gleditsch-Ward crosswalks.  The types are unchanged:
-- the library now knows more values (data/states/parties-added.csv), and
-- every value stored before keeps its bytes, order and hash.
-- ---------------------------------------------------------------------------

COMMENT ON FUNCTION @extschema@.parties() IS
	'the parties of today (ISO 3166-1, the EU, Kosovo), one row each; parties(include_former => true) adds former ones';
COMMENT ON FUNCTION @extschema@.party_out(@extschema@.party) IS
	'text output of party: the alpha-2 code; a former state''s ISO 3166-3 alpha-4; # and the COW or G&W abbreviation of a state ISO never coded';
COMMENT ON FUNCTION @extschema@.party_recv(internal) IS
	'binary input of party: the stored value, two bytes (the alpha-2 letters for every party that has its own)';
COMMENT ON FUNCTION @extschema@.party_send(@extschema@.party) IS
	'binary output of party: the stored value, two bytes (the alpha-2 letters for every party that has its own)';
COMMENT ON FUNCTION @extschema@.alpha2(@extschema@.party) IS
	'ISO 3166-1 alpha-2 code; for a former party its text (ISO 3166-3 alpha-4, or # and its COW or G&W abbreviation), unique and readable back; its former alpha-2 is in party_codes()';

CREATE FUNCTION @extschema@.cow_code(party @extschema@.party, on_date date DEFAULT NULL)
	RETURNS integer
	AS 'MODULE_PATHNAME', 'party_cow_code' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cow_code(@extschema@.party, date) IS
	'the COW state code (State System Membership v2016) of the party on the date, or in its latest spell when the date is NULL; NULL when the party was not a COW state then';

CREATE FUNCTION @extschema@.cow_abbrev(party @extschema@.party, on_date date DEFAULT NULL)
	RETURNS text
	AS 'MODULE_PATHNAME', 'party_cow_abbrev' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cow_abbrev(@extschema@.party, date) IS
	'the COW state abbreviation of the party on the date, as cow_code';

CREATE FUNCTION @extschema@.gw_code(party @extschema@.party, on_date date DEFAULT NULL)
	RETURNS integer
	AS 'MODULE_PATHNAME', 'party_gw_code' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gw_code(@extschema@.party, date) IS
	'the Gleditsch-Ward state code of the party on the date, or in its latest spell when the date is NULL; NULL when the party was not a G&W state then';

CREATE FUNCTION @extschema@.party_from_cow(code integer, on_date date DEFAULT NULL)
	RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'party_from_cow_code' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_from_cow(integer, date) IS
	'the party a COW state code meant on the date (its latest spell when NULL); NULL outside its spells; 22023 for a code COW never used';

CREATE FUNCTION @extschema@.party_from_cow(abbrev text, on_date date DEFAULT NULL)
	RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'party_from_cow_abbrev' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_from_cow(text, date) IS
	'the party a COW state abbreviation (any case) meant on the date, as party_from_cow(integer, date)';

CREATE FUNCTION @extschema@.party_from_gw(code integer, on_date date DEFAULT NULL)
	RETURNS @extschema@.party
	AS 'MODULE_PATHNAME', 'party_from_gw_code' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_from_gw(integer, date) IS
	'the party a Gleditsch-Ward state code meant on the date (its latest spell when NULL); NULL outside its spells; 22023 for a code G&W never used';

CREATE FUNCTION @extschema@.party_codes()
	RETURNS TABLE(party @extschema@.party, scheme text, code text, valid_from date, valid_to date)
	AS 'MODULE_PATHNAME', 'party_codes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1200;
COMMENT ON FUNCTION @extschema@.party_codes() IS
	'every assignment of a code to a party: schemes iso3166-1, iso3166-3, cow, cow-abbrev, gw; valid_to NULL while it holds';

CREATE FUNCTION @extschema@.party_valid_from(@extschema@.party) RETURNS date
	AS 'MODULE_PATHNAME', 'party_valid_from' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_valid_from(@extschema@.party) IS
	'the first day the party was a state of the COW or G&W list; NULL when that is before the lists (1816) or the lists do not have it';

CREATE FUNCTION @extschema@.party_valid_to(@extschema@.party) RETURNS date
	AS 'MODULE_PATHNAME', 'party_valid_to' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_valid_to(@extschema@.party) IS
	'the last day a former party was a state; NULL for a party of today';

CREATE FUNCTION @extschema@.party_successors(@extschema@.party)
	RETURNS TABLE(successor @extschema@.party, on_date date, how text)
	AS 'MODULE_PATHNAME', 'party_successors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 4;
COMMENT ON FUNCTION @extschema@.party_successors(@extschema@.party) IS
	'what became of a former party: successors and how (continues, secedes, dissolves, joins, unites); no rows for a party of today';

CREATE FUNCTION @extschema@.parties(on_date date)
	RETURNS TABLE(party @extschema@.party, alpha2 text, alpha3 text,
				  numeric_code text, name text, is_organisation boolean)
	AS 'MODULE_PATHNAME', 'parties_on' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;
COMMENT ON FUNCTION @extschema@.parties(date) IS
	'the parties that were states of the COW or G&W list on the date, former ones included; parties neither list has (territories, the EU) on every date';

CREATE FUNCTION @extschema@.parties(include_former boolean)
	RETURNS TABLE(party @extschema@.party, alpha2 text, alpha3 text,
				  numeric_code text, name text, is_organisation boolean)
	AS 'MODULE_PATHNAME', 'parties_all' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 281;
COMMENT ON FUNCTION @extschema@.parties(boolean) IS
	'the parties of today, as parties(), and with include_former => true every former party too';
