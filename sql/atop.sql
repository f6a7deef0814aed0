-- ATOP-format data (issue #16 items 1, 3, 4, 5): load_atop over a synthetic
-- member file (tests/data/atop-synthetic.csv), obligations, sources and
-- their windows, partial dates in dyad_years, the codes of each year.  In a
-- database of its own, so that its registry holds only what it loads.
SET client_min_messages = warning;
\set original_db :DBNAME
DROP DATABASE IF EXISTS regress_secpact_atop;
CREATE DATABASE regress_secpact_atop;
\c regress_secpact_atop
SET client_min_messages = warning;
CREATE EXTENSION secpact;

-- ATOP's member-level columns, as a user \copy-ing the file would have them
CREATE TABLE atop_members (atopid int, member int, yrent int, moent int, dayent int,
						   yrexit int, moexit int, dayexit int, phase int, bilat int,
						   defense int, offense int, neutral int, nonagg int, consul int);
\copy atop_members FROM 'tests/data/atop-synthetic.csv' WITH (FORMAT csv, HEADER true)

--------------------------------------------------------------------------
-- load_atop: every row's outcome, the refused ones with their reason
--------------------------------------------------------------------------
SELECT * FROM secpact.load_atop('atop_members');
SELECT * FROM secpact.source;
SELECT a.id, a.title, a.multilateral, a.kind, a.signed_on, a.signed_on_precision,
	   a.entry_into_force, a.notes, s.source_name
FROM secpact.agreement a JOIN secpact.agreement_source s ON s.agreement_id = a.id ORDER BY a.id;
SELECT m.agreement_id, m.party, m.bound_on, m.bound_on_precision, m.left_on, m.left_on_precision, m.notes
FROM secpact.membership m ORDER BY m.agreement_id, m.party, m.bound_on;
SELECT m.agreement_id, o.party, string_agg(o.obligation, ', ' ORDER BY o.obligation) AS obligations
FROM secpact.obligation o JOIN secpact.membership m ON m.id = o.membership_id
GROUP BY 1, 2, m.bound_on ORDER BY 1, 2, m.bound_on;

--------------------------------------------------------------------------
-- dyad_years(1815, 2018) equals the dyad-year table computed by hand from
-- the file with ATOP's rules: a dyad-year wherever two members' spells
-- share a day in the year (an exit day is the member's last; an unknown
-- day or month widens the spell to its whole period), none after the data
-- end (2018-12-31), a party by its COW code at the date.
--   9001: US, GB, FR from 2008-03-15; phase 1 to 2012-06-30, phase 2 from
--         2012-07-01 open; FR leaves 2009-12-31, rejoins 2014-02 (day 0)
--   9002: US and JP from 2010-06-01, open; only the US owes defense
--   9003: CA from 2011 (month 0) and IT from 2011-09 (day 0), both leave in
--         2013 (month 0): through 2013-12-31; DE from 2013-11, open
--   9004: only RU loads (999 is no code, 2016-02-31 no day, 2019 after the
--         data, defense 2 no flag): no dyad
--   9005: GB and FR from 1815-01-01 (before 1816, the party of 1816) to
--         1816-06-30
--   9006: 365 and CN from 1921 (month 0) to 1924-06-30: 365 is Russia to
--         1922-12-29, the USSR from 1922-12-30
--------------------------------------------------------------------------
CREATE TEMP TABLE hand_dyad_years AS
SELECT h.dyad, split_part(h.dyad, '-', 1) AS party_a, split_part(h.dyad, '-', 2) AS party_b,
	   y AS year, 1 AS agreements
FROM (VALUES
	('GB-US',   '{2008,2009,2010,2011,2012,2013,2014,2015,2016,2017,2018}'::int[]),
	('FR-GB',   '{1815,1816,2008,2009,2014,2015,2016,2017,2018}'),
	('FR-US',   '{2008,2009,2014,2015,2016,2017,2018}'),
	('JP-US',   '{2010,2011,2012,2013,2014,2015,2016,2017,2018}'),
	('CA-IT',   '{2011,2012,2013}'),
	('CA-DE',   '{2013}'),
	('DE-IT',   '{2013}'),
	('CN-RU',   '{1921,1922}'),
	('CN-SUHH', '{1922,1923,1924}')
) AS h(dyad, years)
CROSS JOIN LATERAL unnest(h.years) AS y;
CREATE TEMP TABLE computed_dyad_years AS SELECT dyad, party_a, party_b, year, agreements FROM dyad_years(1815, 2018);
SELECT (SELECT count(*) FROM computed_dyad_years) AS rows,
	   (SELECT count(*) FROM hand_dyad_years) AS hand_rows,
	   (SELECT count(*) FROM (TABLE computed_dyad_years EXCEPT ALL TABLE hand_dyad_years) x) AS only_computed,
	   (SELECT count(*) FROM (TABLE hand_dyad_years EXCEPT ALL TABLE computed_dyad_years) x) AS only_by_hand;

-- none after the coverage ends: open alliances stop at 2018, not this year
SELECT max(year) AS last_year, count(*) AS rows FROM dyad_years();
SELECT count(*) AS after_the_data FROM dyad_years(2019, 2030);

-- a second call replaces the source's rows: the same answers, no duplicates
CREATE TEMP TABLE second_load AS SELECT * FROM secpact.load_atop('atop_members');
SELECT count(*) FILTER (WHERE loaded) AS loaded, count(*) FILTER (WHERE NOT loaded) AS refused FROM second_load;
SELECT (SELECT count(*) FROM secpact.agreement) AS agreements, (SELECT count(*) FROM secpact.membership) AS memberships,
	   (SELECT count(*) FROM secpact.obligation) AS obligations, (SELECT count(*) FROM secpact.source) AS sources;
SELECT count(*) AS differences FROM (
	(TABLE computed_dyad_years EXCEPT ALL SELECT dyad, party_a, party_b, year, agreements FROM dyad_years(1815, 2018))
	UNION ALL (SELECT dyad, party_a, party_b, year, agreements FROM dyad_years(1815, 2018) EXCEPT ALL TABLE computed_dyad_years)) x;

--------------------------------------------------------------------------
-- Obligations, by hand: undirected where either owes the other, directed
-- with what the first owes the second
--------------------------------------------------------------------------
CREATE TEMP TABLE hand_obligations AS
SELECT h.obligation, h.directed, h.party_a, h.party_b, y AS year
FROM (VALUES
	-- defense: 9001 both ways; 9002 the US to Japan only
	('defense', true, 'GB', 'US', '{2008,2009,2010,2011,2012,2013,2014,2015,2016,2017,2018}'::int[]),
	('defense', true, 'US', 'GB', '{2008,2009,2010,2011,2012,2013,2014,2015,2016,2017,2018}'),
	('defense', true, 'FR', 'GB', '{2008,2009,2014,2015,2016,2017,2018}'),
	('defense', true, 'GB', 'FR', '{2008,2009,2014,2015,2016,2017,2018}'),
	('defense', true, 'FR', 'US', '{2008,2009,2014,2015,2016,2017,2018}'),
	('defense', true, 'US', 'FR', '{2008,2009,2014,2015,2016,2017,2018}'),
	('defense', true, 'US', 'JP', '{2010,2011,2012,2013,2014,2015,2016,2017,2018}'),
	('defense', false, 'GB', 'US', '{2008,2009,2010,2011,2012,2013,2014,2015,2016,2017,2018}'),
	('defense', false, 'FR', 'GB', '{2008,2009,2014,2015,2016,2017,2018}'),
	('defense', false, 'FR', 'US', '{2008,2009,2014,2015,2016,2017,2018}'),
	('defense', false, 'JP', 'US', '{2010,2011,2012,2013,2014,2015,2016,2017,2018}'),
	-- nonaggression: 9003 and 9006
	('nonaggression', false, 'CA', 'IT', '{2011,2012,2013}'),
	('nonaggression', false, 'CA', 'DE', '{2013}'),
	('nonaggression', false, 'DE', 'IT', '{2013}'),
	('nonaggression', false, 'CN', 'RU', '{1921,1922}'),
	('nonaggression', false, 'CN', 'SUHH', '{1922,1923,1924}'),
	-- consultation: 9001, 9002 (both members), 9005
	('consultation', false, 'GB', 'US', '{2008,2009,2010,2011,2012,2013,2014,2015,2016,2017,2018}'),
	('consultation', false, 'FR', 'GB', '{1815,1816,2008,2009,2014,2015,2016,2017,2018}'),
	('consultation', false, 'FR', 'US', '{2008,2009,2014,2015,2016,2017,2018}'),
	('consultation', false, 'JP', 'US', '{2010,2011,2012,2013,2014,2015,2016,2017,2018}')
) AS h(obligation, directed, party_a, party_b, years)
CROSS JOIN LATERAL unnest(h.years) AS y;
CREATE TEMP TABLE computed_obligations AS
SELECT o.obligation, d.directed, r.party_a, r.party_b, r.year
FROM unnest('{defense,offense,neutrality,nonaggression,consultation}'::text[]) o(obligation)
CROSS JOIN (VALUES (false), (true)) d(directed)
CROSS JOIN LATERAL dyad_years(1815, 2018, obligation => o.obligation, directed => d.directed) r
WHERE NOT d.directed OR o.obligation = 'defense';
SELECT obligation, directed, count(*) AS rows,
	   count(*) FILTER (WHERE (obligation, directed, party_a, party_b, year) NOT IN (SELECT * FROM hand_obligations)) AS not_by_hand
FROM computed_obligations GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) AS missing FROM (TABLE hand_obligations EXCEPT ALL TABLE computed_obligations) x;
-- directed without an obligation: both orders of every dyad-year
SELECT count(*) AS directed_rows, count(*) FILTER (WHERE party_a > party_b) AS higher_first
FROM dyad_years(1815, 2018, directed => true);
SELECT dyad, party_a, party_b, year FROM dyad_years(2018, 2018, obligation => 'defense', directed => true) WHERE dyad = 'JP-US';
-- partners: a counterpart where either side owes the obligation
SELECT counterpart, first_signed, agreements FROM partners('JP', obligation => 'defense');
SELECT counterpart, first_signed, agreements FROM partners('US', obligation => 'defense');
SELECT counterpart, agreements FROM partners('IT', obligation => 'nonaggression');
SELECT count(*) AS partners_of_it_with_defense FROM partners('IT', obligation => 'defense');
SELECT counterpart, agreements FROM partners('US');

--------------------------------------------------------------------------
-- dyad_years' codes: the codes researchers merge on, for the year, and the
-- flags of coverage
--------------------------------------------------------------------------
SELECT dyad, year, cow_code_a, cow_code_b, gw_code_a, gw_code_b, left_censored, entry_assumed
FROM dyad_years(1815, 2018)
WHERE (dyad, year) IN (('FR-GB', 1815), ('FR-GB', 2008), ('CN-RU', 1922), ('CN-SUHH', 1922), ('DE-IT', 2013), ('JP-US', 2018))
ORDER BY dyad, year;
SELECT count(*) FILTER (WHERE left_censored) AS left_censored, count(*) FILTER (WHERE entry_assumed) AS entry_assumed,
	   count(*) FILTER (WHERE cow_code_a IS NULL OR cow_code_b IS NULL) AS without_cow_code
FROM dyad_years(1815, 2018);
-- the codes joined once per party and year are each row's own lookup,
-- directed and by obligation too
SELECT count(*) AS rows, count(*) FILTER (WHERE
		cow_code_a IS DISTINCT FROM coalesce(cow_code(party_a::party, greatest(make_date(year, 12, 31), '1816-01-01')), cow_code(party_a::party, make_date(year, 1, 1)))
		OR cow_code_b IS DISTINCT FROM coalesce(cow_code(party_b::party, greatest(make_date(year, 12, 31), '1816-01-01')), cow_code(party_b::party, make_date(year, 1, 1)))
		OR gw_code_a IS DISTINCT FROM coalesce(gw_code(party_a::party, greatest(make_date(year, 12, 31), '1816-01-01')), gw_code(party_a::party, make_date(year, 1, 1)))
		OR gw_code_b IS DISTINCT FROM coalesce(gw_code(party_b::party, greatest(make_date(year, 12, 31), '1816-01-01')), gw_code(party_b::party, make_date(year, 1, 1)))) AS differences
FROM dyad_years(1815, 2018, obligation => 'defense', directed => true);
-- a year in which a party ceased: its code on its last day (the GDR, 1990)
INSERT INTO secpact.agreement (parties, kind, signed_on, entry_into_force, expires_on)
VALUES ('DD-PL', 'atop-codes', '1967-03-15', '1967-03-15', '1990-10-03'),
	   ('DE-PL', 'atop-codes', '1990-01-01', '1990-01-01', NULL);
SELECT dyad, year, cow_code_a, cow_code_b, gw_code_a, gw_code_b
FROM dyad_years(1990, 1990, 'atop-codes') ORDER BY dyad;

--------------------------------------------------------------------------
-- Partial dates in dyad_years, on bilateral agreements: a start counts
-- from the first day of its period, an end to the last day of its period
--------------------------------------------------------------------------
INSERT INTO secpact.agreement (parties, kind, signed_on, signed_on_precision, entry_into_force,
							   entry_into_force_precision, expires_on, expires_on_precision,
							   terminated_on, terminated_on_precision) VALUES
	('KE-TZ', 'atop-partial', '2001-01-01', 'year', NULL, 'day', '2003-01-01', 'year', NULL, 'day'),
	('KE-UG', 'atop-partial', '2001-01-01', 'day', NULL, 'day', '2003-01-01', 'day', NULL, 'day'),
	('RW-TZ', 'atop-partial', '2005-06-01', 'month', '2005-07-01', 'month', NULL, 'day', '2007-12-01', 'month'),
	('RW-UG', 'atop-partial', '2005-06-01', 'month', '2005-07-01', 'month', NULL, 'day', '2008-01-01', 'day');
SELECT dyad, min(year), max(year), count(*) FROM dyad_years(kind => 'atop-partial') GROUP BY dyad ORDER BY dyad;
-- entry_assumed where the signature stands in for entry into force
SELECT dyad, bool_and(entry_assumed) AS entry_assumed, bool_or(left_censored) AS left_censored
FROM dyad_years(kind => 'atop-partial') GROUP BY dyad ORDER BY dyad;
-- a membership whose end is known to the year shares that year with a
-- member joining in its last month (9003's CA and DE, 2013): and a day
-- precision end does not
UPDATE secpact.membership SET left_on_precision = 'day'
WHERE party = 'CA' AND agreement_id = (SELECT agreement_id FROM secpact.membership WHERE party = 'DE' AND notes = 'phase 1' LIMIT 1);
SELECT dyad, year FROM dyad_years(2012, 2014) WHERE dyad IN ('CA-DE', 'CA-IT') ORDER BY dyad, year;
UPDATE secpact.membership SET left_on_precision = 'year'
WHERE party = 'CA' AND agreement_id = (SELECT agreement_id FROM secpact.membership WHERE party = 'DE' AND notes = 'phase 1' LIMIT 1);

--------------------------------------------------------------------------
-- Sources by hand: a window ends an open agreement and marks a start on
-- its first day as left-censored
--------------------------------------------------------------------------
INSERT INTO secpact.source (name, observed_from, observed_to, citation)
VALUES ('regress window', '2000-01-01', '2004-06-30', 'made up for this test');
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force)
VALUES (700001, 'BI-CD', 'atop-window', '2000-01-01', '2000-01-01'),
	   (700002, 'BI-RW', 'atop-window', '2002-05-05', '2002-05-05'),
	   (700003, 'BI-TZ', 'atop-window', '2002-05-05', '2002-05-05');
INSERT INTO secpact.agreement_source (agreement_id, source_name) VALUES (700001, 'regress window'), (700002, 'regress window');
SELECT parties, source_name FROM secpact.agreement_source WHERE source_name = 'regress window' ORDER BY 1;
SELECT dyad, min(year), max(year), bool_or(left_censored) AS left_censored
FROM dyad_years(NULL, 2010, 'atop-window') GROUP BY dyad ORDER BY dyad;

--------------------------------------------------------------------------
-- The old call forms answer as before
--------------------------------------------------------------------------
SELECT count(*) = (SELECT count(*) FROM dyad_years(NULL, NULL, NULL)) AS nulls_are_defaults FROM dyad_years();
SELECT count(*) FROM dyad_years(1815, 2018, 'alliance');
SELECT count(*) FROM dyad_years(kind => 'alliance', obligation => NULL, directed => NULL);
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel, p.prosecdef, p.proconfig
FROM pg_proc p
WHERE p.oid IN ('dyad_years(integer, integer, text, text, boolean)'::regprocedure,
				'partners(party, text, date, text)'::regprocedure,
				'secpact.load_atop(regclass, text)'::regprocedure,
				'secpact.readable_obligation()'::regprocedure, 'secpact.readable_coverage()'::regprocedure)
ORDER BY p.oid::regprocedure::text;

--------------------------------------------------------------------------
-- Bad input, each with its SQLSTATE
--------------------------------------------------------------------------
\set VERBOSITY default
SELECT * FROM dyad_years(obligation => 'defence');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM secpact.load_atop(NULL);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM secpact.load_atop('atop_members', '');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM secpact.load_atop('atop_members', 'ATOP 4.0');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.source (name, observed_from) VALUES ('open window', '2000-01-01');
SELECT * FROM secpact.load_atop('atop_members', 'open window');
\echo :LAST_ERROR_SQLSTATE
CREATE TABLE atop_short (atopid int, member int, yrent int);
SELECT * FROM secpact.load_atop('atop_short');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM secpact.load_atop('no_such_table');
\echo :LAST_ERROR_SQLSTATE
-- rows of every shape of wrongness in text columns: reported, not raised
CREATE TABLE atop_text (atopid text, member text, yrent text, moent text, dayent text, yrexit text,
						moexit text, dayexit text, phase text, bilat text, defense text, offense text,
						neutral text, nonagg text, consul text);
INSERT INTO atop_text VALUES
	('x', '2', '2000', '1', '1', '0', '0', '0', '1', '0', '1', '0', '0', '0', '0'),
	('8001', '', '2000', '1', '1', '0', '0', '0', '1', '0', '1', '0', '0', '0', '0'),
	('8001', '2', '99999', '1', '1', '0', '0', '0', '1', '0', '1', '0', '0', '0', '0'),
	('8001', '2', '2000', '13', '1', '0', '0', '0', '1', '0', '1', '0', '0', '0', '0'),
	('8001', '2', '2000', '0', '5', '0', '0', '0', '1', '0', '1', '0', '0', '0', '0'),
	('8001', '2', '2000', '1', '1', '0', '3', '0', '1', '0', '1', '0', '0', '0', '0'),
	('8001', '2', '2000', '1', '1', '1999', '1', '1', '1', '0', '1', '0', '0', '0', '0'),
	('8001', '2', '2000', '1', '1', '2001', '2', '29', '1', '0', '1', '0', '0', '0', '0'),
	('8001', '2', '2000', '1', '1', '0', '0', '0', '-1', '0', '1', '0', '0', '0', '0'),
	(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	('8002', '2', '2000', '1', '1', '0', '0', '0', '1', '1', '1', '0', '0', '0', '0'),
	('8002', '20', '2000', '1', '1', '0', '0', '0', '1', '1', '1', '0', '0', '0', '0'),
	('8002', '200', '2000', '1', '1', '0', '0', '0', '1', '1', '1', '0', '0', '0', '0'),
	('8003', '2.0', '2000', '1', '1', '0', '0', '0', '1', '0', '1', '0', '0', '0', '1'),
	('8003', '20', '2000.0', '1', '1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '1'),
	('8003', '20', '2001', '1', '1', '0', '0', '0', '2', '0', '0', '0', '0', '0', '1');
INSERT INTO secpact.source (name, observed_from, observed_to) VALUES ('regress text', '1816-01-01', '2010-12-31');
SELECT atopid, member, phase, party, loaded, reason FROM secpact.load_atop('atop_text', 'regress text');
-- the ATOP rows are untouched by another source's load
SELECT count(*) FROM dyad_years(1815, 2018, 'alliance');

-- the obligation table's rules
SELECT id AS ke_tz FROM secpact.agreement WHERE parties = 'KE-TZ' \gset
SELECT agreement_id AS nato_like FROM secpact.membership WHERE party = 'FR' AND notes = 'phase 1' AND bound_on = '2008-03-15' \gset
SELECT id AS fr_spell FROM secpact.membership WHERE party = 'FR' AND bound_on = '2008-03-15' \gset
INSERT INTO secpact.obligation (agreement_id, party, obligation) VALUES (:ke_tz, 'KE', 'alliance');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.obligation (agreement_id, party, obligation) VALUES (:ke_tz, 'US', 'defense');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.obligation (agreement_id, party, obligation, towards) VALUES (:ke_tz, 'KE', 'defense', 'KE');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.obligation (agreement_id, obligation) VALUES (123456789, 'defense');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.obligation (agreement_id, membership_id, party, obligation) VALUES (:nato_like, :fr_spell, 'GB', 'offense');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.obligation (agreement_id, membership_id, obligation) VALUES (:ke_tz, :fr_spell, 'offense');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.obligation (agreement_id, party, obligation, towards) VALUES (:nato_like, 'US', 'offense', 'CN');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.source (name, observed_from, observed_to) VALUES ('backwards', '2000-01-01', '1999-12-31');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement_source (agreement_id, source_name) VALUES (:ke_tz, 'no such source');
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse

-- a one-way obligation by hand on a bilateral agreement: Kenya owes
-- Tanzania defense; the spell's own set overrides its agreement's
INSERT INTO secpact.obligation (agreement_id, party, obligation) VALUES (:ke_tz, 'KE', 'defense');
SELECT parties, party, obligation, towards FROM secpact.obligation WHERE agreement_id = :ke_tz;
SELECT party_a, party_b, min(year), max(year) FROM dyad_years(kind => 'atop-partial', obligation => 'defense', directed => true)
GROUP BY 1, 2 ORDER BY 1, 2;
SELECT counterpart FROM partners('TZ', obligation => 'defense');
-- towards one member only: the US's offense towards GB under 9001's
-- agreement-level rows counts for spells without a set of their own
INSERT INTO secpact.agreement (id, multilateral, kind, signed_on, entry_into_force) VALUES (700010, true, 'atop-towards', '2000-01-01', '2000-01-01');
INSERT INTO secpact.membership (agreement_id, party, bound_on) VALUES (700010, 'US', '2000-01-01'), (700010, 'GB', '2000-01-01'), (700010, 'FR', '2000-01-01');
INSERT INTO secpact.obligation (agreement_id, party, obligation, towards) VALUES (700010, 'US', 'offense', 'GB');
SELECT party_a, party_b, count(*) FROM dyad_years(2000, 2004, 'atop-towards', 'offense', true) GROUP BY 1, 2 ORDER BY 1, 2;
-- a member's own set: France owes offense to all, under its spell
INSERT INTO secpact.obligation (agreement_id, membership_id, obligation)
SELECT 700010, m.id, 'offense' FROM secpact.membership m WHERE m.agreement_id = 700010 AND m.party = 'FR';
SELECT party_a, party_b, count(*) FROM dyad_years(2000, 2004, 'atop-towards', 'offense', true) GROUP BY 1, 2 ORDER BY 1, 2;
SELECT dyad, count(*) FROM dyad_years(2000, 2004, 'atop-towards', 'offense') GROUP BY 1 ORDER BY 1;
-- a spell's own set replaces its agreement's rows: the US's own
-- (consultation only) drops its offense towards GB
INSERT INTO secpact.obligation (agreement_id, membership_id, obligation)
SELECT 700010, m.id, 'consultation' FROM secpact.membership m WHERE m.agreement_id = 700010 AND m.party = 'US';
SELECT party_a, party_b, count(*) FROM dyad_years(2000, 2004, 'atop-towards', 'offense', true) GROUP BY 1, 2 ORDER BY 1, 2;
SELECT party_a, party_b, count(*) FROM dyad_years(2000, 2004, 'atop-towards', 'consultation', true) GROUP BY 1, 2 ORDER BY 1, 2;

--------------------------------------------------------------------------
-- A role that may read agreements and memberships only: no obligations
-- and no windows (8003's alliance runs on past 2010, its source's end, and
-- every open alliance past 2018)
--------------------------------------------------------------------------
CREATE ROLE regress_secpact_atop;
GRANT USAGE ON SCHEMA secpact TO regress_secpact_atop;
GRANT SELECT ON secpact.agreement, secpact.membership TO regress_secpact_atop;
SET ROLE regress_secpact_atop;
SELECT count(*) FROM dyad_years(1815, 2018, 'alliance');
SELECT count(*) FROM dyad_years(1815, 2018, 'alliance', 'defense');
SELECT max(year) > 2018 AS runs_on FROM dyad_years(kind => 'alliance');
SELECT * FROM secpact.load_atop('atop_members');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
REVOKE ALL ON SCHEMA secpact FROM regress_secpact_atop;
REVOKE ALL ON secpact.agreement, secpact.membership FROM regress_secpact_atop;
DROP ROLE regress_secpact_atop;

-- The update from 1.2 stops, saying why and what to do, where a view
-- depends on the dyad_years or partners that 1.3 replaces
DROP EXTENSION secpact CASCADE;
CREATE EXTENSION secpact VERSION '1.2';
CREATE VIEW user_dyad_years AS SELECT * FROM dyad_years(2000, 2001);
\set VERBOSITY default
ALTER EXTENSION secpact UPDATE;
\echo :LAST_ERROR_SQLSTATE
\set VERBOSITY terse
DROP VIEW user_dyad_years;
ALTER EXTENSION secpact UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'secpact';

\c :original_db
SET client_min_messages = warning;
DROP DATABASE regress_secpact_atop;
