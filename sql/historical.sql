-- Every state since 1816 (issue #14): former and non-ISO parties, their text
-- and binary forms, names, and the date-aware COW and Gleditsch-Ward
-- crosswalks, checked against the lists themselves (data/states/).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
RESET client_min_messages;
SET DateStyle = ISO;

CREATE FUNCTION pg_temp.input_error(s text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM s::party;
	RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
	DECLARE
		state text;
		msg text;
		detail text;
		hint text;
	BEGIN
		GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
			detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
		RETURN state || ' ' || msg || E'\n' || coalesce(detail, '') ||
			coalesce(E'\nHINT: ' || nullif(hint, ''), '');
	END;
END $$;

-- The facts of the issue
SELECT cow_code('DE', '1980-06-01') AS de_1980, cow_code('DE', '2000-01-01') AS de_2000,
	   gw_code('DE', '2000-01-01') AS gw_de_2000, gw_code('RS', '2010-01-01') AS gw_rs_2010;
SELECT party_from_cow(365, '1980-01-01') AS c365_1980, party_from_cow(365, '2000-01-01') AS c365_2000,
	   party_from_cow(345, '1980-01-01') AS c345_1980, party_from_cow(345, '2010-01-01') AS c345_2010,
	   party_from_cow(265, '1980-01-01') AS c265, party_from_cow(678, '1980-01-01') AS c678,
	   party_from_cow(680, '1980-01-01') AS c680, party_from_cow(347, '2010-01-01') AS c347;
-- the identity choices: one party for the Russian Empire, the USSR's Russia before and after
SELECT party_from_cow(365, '1900-01-01') AS russian_empire, party_from_cow(255, '1900-01-01') AS german_empire,
	   party_from_cow(640, '1900-01-01') AS ottoman_empire, party_from_cow(345, '1900-01-01') AS serbia,
	   party_from_cow(345, '2004-01-01') AS serbia_and_montenegro, party_from_cow(816, '1970-01-01') AS north_vietnam,
	   party_from_cow(816, '1980-01-01') AS vietnam;
-- NULL outside the spells, 22023 for a code the list never used, NULL arguments
SELECT party_from_cow(365, '1700-01-01') AS before_lists, party_from_cow(265, '2000-01-01') AS gdr_2000,
	   cow_code('SU', '2000-01-01') AS su_2000, gw_code('AQ') AS antarctica, cow_code(NULL) AS null_party,
	   party_from_cow(NULL::int) AS null_code, party_from_gw(345, NULL) AS latest;
SELECT party_from_cow(999, '1980-01-01');
SELECT party_from_gw(1, '1980-01-01');
SELECT party_from_cow('XYZ', '1980-01-01');
-- latest spells; abbreviations in any case, and they are not ISO codes (COW AUS is Austria)
SELECT cow_code('RU') AS ru, cow_abbrev('RU') AS ru_abbrev, cow_code('SU') AS su, party_from_cow(345) AS c345,
	   party_from_cow('aus', '2000-01-01') AS cow_aus, 'AUS'::party AS iso_aus,
	   party_from_cow('CZE', '1980-01-01') AS cow_cze, 'CZE'::party AS iso_cze;
-- dates at and beyond the ends of the lists, and of time
SELECT cow_code('DE', '2016-12-31') AS cow_end, cow_code('DE', '2030-01-01') AS after_cow,
	   gw_code('DE', 'infinity') AS gw_inf, gw_code('DE', '-infinity') AS gw_neg_inf,
	   cow_code('DE', '4713-01-01 BC') AS bc;

-- Round trips over every row of both lists at the first and last day of each
-- spell, against the lists' own files
CREATE TEMP TABLE cow (stateabb text, ccode int, statenme text, styear int, stmonth int, stday int,
					   endyear int, endmonth int, endday int, version int);
\copy cow FROM 'data/states/cow-states2016.csv' WITH (FORMAT csv, HEADER)
CREATE TEMP TABLE gw (gwcode int, stateabb text, statename text, startdate date, enddate date);
\copy gw FROM 'data/states/gw-states.csv' WITH (FORMAT csv, HEADER)
CREATE TEMP VIEW list_days AS
	SELECT 'cow' AS scheme, ccode AS code, stateabb AS abbrev, statenme AS name, d
	FROM cow, LATERAL (VALUES (make_date(styear, stmonth, stday)), (make_date(endyear, endmonth, endday))) v(d)
	UNION ALL
	SELECT 'gw', gwcode, stateabb, statename, d
	FROM gw, LATERAL (VALUES (startdate), (enddate)) v(d);
SELECT scheme, count(*) AS days,
	   count(*) FILTER (WHERE p IS NULL) AS without_party,
	   count(*) FILTER (WHERE back IS DISTINCT FROM code) AS not_back,
	   count(*) FILTER (WHERE scheme = 'cow' AND (abbrev_party IS DISTINCT FROM p OR
												 cow_abbrev(p, d) IS DISTINCT FROM abbrev)) AS abbrev_wrong,
	   count(DISTINCT code) AS codes, count(DISTINCT p) AS parties
FROM (SELECT l.*, p, CASE scheme WHEN 'cow' THEN cow_code(p, d) ELSE gw_code(p, d) END AS back,
			 CASE scheme WHEN 'cow' THEN party_from_cow(abbrev, d) END AS abbrev_party
	  FROM list_days l,
		   LATERAL (SELECT CASE scheme WHEN 'cow' THEN party_from_cow(code, d) ELSE party_from_gw(code, d) END) x(p)) r
GROUP BY scheme ORDER BY scheme;
-- and the day before a first day is not that code's, unless another spell of the party runs then
SELECT count(*) AS code_before_first_day
FROM cow c WHERE party_from_cow(ccode, make_date(styear, stmonth, stday) - 1) IS NOT NULL
	AND NOT EXISTS (SELECT FROM cow o WHERE o.ccode = c.ccode
					AND make_date(c.styear, c.stmonth, c.stday) - 1
						BETWEEN make_date(o.styear, o.stmonth, o.stday) AND make_date(o.endyear, o.endmonth, o.endday));
-- every name of both lists parses, as a party the list gives that code
SELECT count(DISTINCT name) AS names, count(*) FILTER (WHERE try_party(name) IS NULL) AS not_parsed,
	   count(*) FILTER (WHERE NOT EXISTS (SELECT FROM party_codes() pc WHERE pc.scheme = l.scheme
										 AND pc.code = l.code::text AND pc.party = try_party(l.name))) AS other_party
FROM (SELECT DISTINCT scheme, code, name FROM list_days) l;
-- the states the issue names, and common English names
SELECT s, try_party(s) AS party, party_name(try_party(s)) AS name
FROM unnest(ARRAY['Bavaria', 'Austria-Hungary', 'Two Sicilies', 'German Democratic Republic', 'Republic of Vietnam',
				  'Hanover', 'Baden', 'Saxony', 'Württemberg', 'Mecklenburg', 'Modena', 'Parma', 'Tuscany',
				  'Papal States', 'Zanzibar', 'Transvaal', 'Orange Free State', 'Tibet', 'Great Colombia',
				  'Central America', 'Soviet Union', 'USSR', 'Czechoslovakia', 'Yugoslavia',
				  'Serbia and Montenegro', 'North Vietnam', 'South Yemen', 'Kosovo',
				  'Russia', 'Turkey', 'Ivory Coast', 'Swaziland', 'Macedonia', 'Cape Verde', 'East Timor',
				  'Brunei', 'Burma', 'Holy See', 'Palestine', 'Democratic Republic of the Congo',
				  'South Korea', 'North Korea', 'Syria', 'Laos', 'Vietnam']) s;

-- Every ISO 3166-3 entry: states are parties, renamed ones today's party,
-- territories that were never states stay out with their hint
\set iso3 `cat data/states/iso_3166-3.json`
SELECT e->>'alpha_4' AS alpha4, e->>'alpha_2' AS alpha2,
	   pg_temp.input_error(e->>'alpha_4') = 'accepted' AS alpha4_parses,
	   try_party(e->>'alpha_4') AS party, try_party(e->>'alpha_3') AS by_alpha3,
	   try_party(e->>'alpha_2') AS by_alpha2, try_party(e->>'name') AS by_name
FROM jsonb_array_elements((:'iso3')::jsonb->'3166-3') e ORDER BY 1;

-- Text: output round-trips through input for every party, and no spelling of
-- a former or non-ISO party is an ISO code of today
SELECT count(*) AS parties, count(*) FILTER (WHERE text(party)::party = party) AS round_trip,
	   count(*) FILTER (WHERE text(party) ~ '^#[A-Z]{3}$') AS without_iso_code,
	   count(*) FILTER (WHERE length(text(party)) = 4 AND text(party) ~ '^[A-Z]{4}$') AS alpha4,
	   count(*) FILTER (WHERE text(party) IN (SELECT alpha2 FROM parties() UNION ALL SELECT alpha3 FROM parties()
											  UNION ALL SELECT numeric_code FROM parties())
						AND party NOT IN (SELECT party FROM parties())) AS collisions
FROM parties(include_former => true);
SELECT pg_temp.input_error(s)
FROM (VALUES ('CS'), ('cs'), ('891'), ('#XYZ'), ('#'), ('#BAVX'), ('SUHHX'), ('AN'), ('ANHH'), ('Rhodesia'),
			 ('SU'), ('sun'), ('810'), ('DD'), ('DDR'), ('YU'), ('YUG'), ('VD'), ('YD'), ('XK'), ('BU'), ('ZR'), ('DY'),
			 ('HV'), ('TP'), ('BYS'), ('#bav'), ('csxx'), ('SCG'), ('CSK'), ('200')) AS v(s);
SELECT 'CS-US'::dyad;
SELECT 'SUHH-US'::dyad AS a, 'su:us'::dyad AS b, dyad('SU', 'US') AS c, '#BAV-#AUH'::dyad AS d,
	   'CSXX / YUCS'::dyad AS e, dyad('Bavaria', 'Prussia') AS f, 'XK-RS'::dyad AS g;

-- Binary I/O of the new values: the bytes are the stored value
SELECT p, party_send(p), dyad_send(dyad(p, 'US')) FROM unnest('{SU,DD,CSHH,YU,VD,YD,CSXX,#HAN,#VNM,XK}'::party[]) p;
CREATE TEMP TABLE hist_io (id int, p party, d dyad);
INSERT INTO hist_io SELECT row_number() OVER (ORDER BY party), party, dyad(party, 'US')
FROM parties(include_former => true) WHERE party <> 'US';
\copy hist_io TO 'results/regress/historical.bin' WITH (FORMAT binary)
CREATE TEMP TABLE hist_io_back (LIKE hist_io);
\copy hist_io_back FROM 'results/regress/historical.bin' WITH (FORMAT binary)
SELECT count(*) AS rows, count(*) FILTER (WHERE a.p = b.p AND a.d = b.d
	AND party_send(a.p) = party_send(b.p) AND dyad_send(a.d) = dyad_send(b.d)) AS equal
FROM hist_io a JOIN hist_io_back b USING (id);
-- values no party has stay refused: the extra range's ends, and BU, a former code of MM never stored
\copy (SELECT 1, 24576::int2, NULL::int) TO 'results/regress/historical_bad1.bin' WITH (FORMAT binary)
\copy hist_io_back FROM 'results/regress/historical_bad1.bin' WITH (FORMAT binary)
\copy (SELECT 1, 24831::int2, NULL::int) TO 'results/regress/historical_bad2.bin' WITH (FORMAT binary)
\copy hist_io_back FROM 'results/regress/historical_bad2.bin' WITH (FORMAT binary)
\copy (SELECT 1, 16981::int2, NULL::int) TO 'results/regress/historical_bad3.bin' WITH (FORMAT binary)
\copy hist_io_back FROM 'results/regress/historical_bad3.bin' WITH (FORMAT binary)

-- Order and hash: new values sort by their stored value, hashes are of it
SELECT array_agg(p ORDER BY p) FROM unnest('{#BAV,ZW,SU,AD,CSXX,XK,DD,#AUH}'::party[]) p;
SELECT party_send('SU') = '\x5355'::bytea AS su_letters, party_send('#HAN') = '\x6002'::bytea AS han_value,
	   hashint4(x'5355'::int) = party_hash('SU') AS hash_of_value;

-- Every function that takes a party takes the new ones
SELECT p, alpha2(p), alpha3(p), numeric_code(p), party_name(p), is_organisation(p),
	   party_valid_from(p), party_valid_to(p), cow_code(p), gw_code(p)
FROM unnest('{SU,DD,CSHH,YU,CSXX,VD,YD,#RVN,#AUH,#BAV,#GCL,XK,RU,DE,VN,YE}'::party[]) p;
SELECT * FROM party_successors('SU') ORDER BY on_date, successor;
SELECT * FROM party_successors('CSHH');
SELECT * FROM party_successors('DD');
SELECT * FROM party_successors('YU') ORDER BY on_date, successor;
SELECT count(*) AS none_for_today FROM party_successors('DE');
SELECT * FROM party_codes() WHERE party IN ('SU', 'MM', 'XK') ORDER BY party, scheme, valid_from NULLS FIRST;
SELECT scheme, count(*) FROM party_codes() GROUP BY scheme ORDER BY scheme;

-- parties(): unchanged; parties(on_date) and parties(include_former => true)
SELECT count(*) AS today, count(*) FILTER (WHERE party = 'XK') AS kosovo FROM parties();
SELECT count(*) AS every_party FROM parties(include_former => true);
SELECT count(*) = (SELECT count(*) FROM parties()) AS same_as_today FROM parties(false);
SELECT d, count(*) AS parties, string_agg(text(party), ',' ORDER BY party)
		FILTER (WHERE party IN ('SU', 'RU', 'DD', 'DE', 'CSHH', 'CZ', '#BAV', 'UA', 'XK', 'YU', 'RS')) AS some
FROM unnest(ARRAY[date '1816-01-01', '1870-01-01', '1950-01-01', '1980-01-01', '1992-06-01', '2010-01-01']) d,
	 LATERAL parties(d)
GROUP BY d ORDER BY d;
SELECT count(*) FROM parties(NULL::date);

-- Dyads of former parties: indexes, estimates' statistics, sets
CREATE TEMP TABLE hist_pairs AS
	SELECT row_number() OVER () AS id, dyad(a.party, b.party) AS d
	FROM parties(include_former => true) a, parties(include_former => true) b WHERE a.party < b.party;
CREATE INDEX ON hist_pairs (d);
ANALYZE hist_pairs;
SELECT count(*) AS pairs, count(*) FILTER (WHERE d @> 'SU') AS with_su,
	   count(*) FILTER (WHERE d && 'SU-#BAV') AS sharing FROM hist_pairs;
SET enable_seqscan = off;
SELECT count(*) AS with_su_index FROM hist_pairs WHERE d @> 'SU';
SELECT count(*) AS with_bav_index FROM hist_pairs WHERE '#BAV' <@ d;
SELECT count(*) AS sharing_index FROM hist_pairs WHERE d && 'SU-#BAV';
RESET enable_seqscan;
SELECT cardinality(dyads_involving('#VNM')) AS involving, cardinality(dyads_overlapping('SU-#VNM')) AS overlapping;
SELECT count(*) AS elems, bool_and(e::text::party IS NOT NULL) AS all_parties,
	   count(*) FILTER (WHERE e::text IN ('SUHH', '#BAV', 'CSXX')) AS former_seen
FROM pg_stats, unnest(most_common_elems::text::text[]) e WHERE tablename = 'hist_pairs';
SELECT count_parties(p), party_set(p) FROM unnest('{#BAV,SU,US,#BAV,XK,CSXX,NULL,AD}'::party[]) p;
SELECT count_parties(d) = (SELECT count(*) FROM parties(include_former => true)) AS every_party FROM hist_pairs;

-- The registry: signing_order, dyad_years and partners take former parties
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, expires_on) VALUES
	(914001, 'SU-DD', 'historical', '1955-09-20', '1955-10-06', '1990-10-03'),
	(914002, 'SU-CSHH', 'historical', '1943-12-12', '1943-12-12', NULL),
	(914003, 'SU-US', 'historical', '1972-05-26', '1972-10-03', '2002-06-13'),
	(914004, 'SU-YU', 'historical', '1945-04-11', '1945-04-11', '1948-06-28'),
	(914005, 'DE-US', 'historical', '1989-06-01', '1989-06-01', NULL),
	(914006, 'DD-PL', 'historical', '1950-07-06', '1950-07-06', '1990-10-03'),
	(914007, '#BAV-#AUH', 'historical', '1866-06-14', '1866-06-14', '1866-08-22');
SELECT position, counterpart, counterpart_name, signed_on, ordinal FROM signing_order('SU', 'historical');
SELECT position, counterpart, signed_on FROM signing_order('#BAV', 'historical');
SELECT dyad, party_a, party_b, min(year), max(year), count(*)
FROM dyad_years(1985, 1995, 'historical') GROUP BY 1, 2, 3 ORDER BY 1;
SELECT * FROM partners('DD', 'historical') ORDER BY counterpart;
DELETE FROM secpact.agreement WHERE id BETWEEN 914001 AND 914007;
