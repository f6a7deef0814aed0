-- Multilateral instruments: memberships, the accession order, and the
-- dyads they make.  Starts from a fresh registry (the bundled Ukraine
-- agreements and NATO), so that its answers depend on nothing before it.
SET client_min_messages = warning;
DROP EXTENSION IF EXISTS secpact CASCADE;
CREATE EXTENSION secpact;
\i data/load-ukraine.sql
CREATE TEMP TABLE ukraine_order_before AS SELECT * FROM signing_order('UA');
\i data/load-nato.sql

--------------------------------------------------------------------------
-- NATO's accession order
--------------------------------------------------------------------------
SELECT * FROM accession_order('NATO');
SELECT ordinal FROM accession_order('NATO') WHERE party = 'SE';
SELECT ordinal FROM accession_order('NATO') WHERE party = 'FI';
SELECT count(*) AS founders, bool_and(shared) AS all_shared, min(ordinal), max(ordinal)
FROM accession_order('NATO') WHERE position = 1;
-- the name form: any short name, or the title, without regard to case
SELECT count(*) FROM accession_order('nato');
SELECT count(*) FROM accession_order('OTAN');
SELECT count(*) FROM accession_order('north atlantic treaty');
SELECT agreement_named('NATO') = (SELECT id FROM secpact.agreement WHERE multilateral) AS by_id;
-- by signature: the 12 founders signed the Treaty; acceding members did not
SELECT position, party, on_date, ordinal, shared FROM accession_order('NATO', 'signed') ORDER BY position, party LIMIT 2;
SELECT count(*) FROM accession_order('NATO', 'signed');
SELECT count(*) FROM accession_order('NATO', 'bound');
-- NULL arguments: no rows (strict)
SELECT count(*) FROM accession_order(NULL::bigint);
SELECT count(*) FROM accession_order('NATO', NULL);
-- bad arguments, each with its SQLSTATE
\set VERBOSITY default
SELECT * FROM accession_order('NATO', 'ratified');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM accession_order('no such treaty');
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM accession_order(-1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM accession_order((SELECT min(id) FROM secpact.agreement WHERE parties = 'UA-GB'));
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement (id, multilateral, kind, title, signed_on)
VALUES (920001, true, 'mt-twin', 'Twin Treaty', '2000-01-01'), (920002, true, 'mt-twin', 'Twin Treaty', '2001-01-01');
SELECT * FROM accession_order('Twin Treaty');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement_name VALUES (920001, 'nato');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement_name VALUES (920001, '');
\echo :LAST_ERROR_SQLSTATE
DELETE FROM secpact.agreement WHERE kind = 'mt-twin';

--------------------------------------------------------------------------
-- A hand-made instrument: leave and rejoin, ties within a day, a signatory
-- that never became bound
--------------------------------------------------------------------------
INSERT INTO secpact.agreement (id, multilateral, kind, title, signed_on, entry_into_force)
VALUES (920100, true, 'mt-pact', 'Hand-made Pact', '2000-03-01', '2000-06-01');
INSERT INTO secpact.membership (id, agreement_id, party, signed_on, bound_on, bound_order, left_on) VALUES
	(920101, 920100, 'KE', '2000-03-01', '2000-06-01', NULL, NULL),
	(920102, 920100, 'TZ', '2000-03-01', '2000-06-01', NULL, NULL),
	-- UG leaves in 2005 and rejoins in 2010: it keeps its first place
	(920103, 920100, 'UG', '2000-03-01', '2000-06-01', NULL, '2005-07-01'),
	(920104, 920100, 'UG', NULL, '2010-02-01', NULL, NULL),
	-- RW and BI join on one day, RW known to be first
	(920105, 920100, 'RW', NULL, '2003-01-01', 1, NULL),
	(920106, 920100, 'BI', NULL, '2003-01-01', NULL, NULL),
	-- SS signs and is never bound
	(920107, 920100, 'SS', '2001-01-01', NULL, NULL, NULL),
	-- ET leaves and rejoins within one calendar year
	(920108, 920100, 'ET', NULL, '2004-01-01', NULL, '2006-03-01'),
	(920109, 920100, 'ET', NULL, '2006-09-01', NULL, '2008-01-01');
SELECT * FROM accession_order(920100);
SELECT * FROM accession_order(920100, 'bound');
SELECT * FROM accession_order(920100, 'signed');
-- UG's dyads have a gap: 2005 is its last year, 2010 its next
SELECT dyad, string_agg(year::text, ',' ORDER BY year) AS years, max(agreements) AS max_agreements
FROM dyad_years(2000, 2012, 'mt-pact') WHERE party_a = 'UG' OR party_b = 'UG' GROUP BY dyad ORDER BY dyad;
-- ET left and rejoined in 2006: the agreement counts once that year
SELECT year, agreements FROM dyad_years(2003, 2009, 'mt-pact') WHERE dyad = 'ET-KE' ORDER BY year;
-- the pairs of spells, as the view gives them
SELECT parties, signed_on, starts, ends FROM secpact.membership_dyads
WHERE agreement_id = 920100 AND parties @> 'UG'::party ORDER BY parties, starts;

--------------------------------------------------------------------------
-- dyad_years equals a plain-SQL expansion of the membership spells: a
-- dyad-year for each pair of members and year with a day on which both
-- spells and the agreement's own life (from entry into force, else
-- signature) cover the day, each agreement counted once
--------------------------------------------------------------------------
CREATE TEMP TABLE reference_dyad_years AS
SELECT text(dyad(m1.party, m2.party)) AS dyad, alpha2(least(m1.party, m2.party)) AS party_a,
	   alpha2(greatest(m1.party, m2.party)) AS party_b, y AS year,
	   count(DISTINCT a.id)::int AS agreements
FROM secpact.agreement a
JOIN secpact.membership m1 ON m1.agreement_id = a.id
JOIN secpact.membership m2 ON m2.agreement_id = a.id AND m1.party < m2.party
CROSS JOIN generate_series(1949, 2030) AS y
WHERE a.multilateral
  AND greatest(coalesce(a.entry_into_force, a.signed_on), coalesce(m1.bound_on, m1.signed_on),
			   coalesce(m2.bound_on, m2.signed_on)) < make_date(y + 1, 1, 1)
  AND coalesce(least(a.expires_on, a.terminated_on, m1.left_on, m2.left_on), 'infinity') > make_date(y, 1, 1)
  AND greatest(coalesce(a.entry_into_force, a.signed_on), coalesce(m1.bound_on, m1.signed_on),
			   coalesce(m2.bound_on, m2.signed_on))
	  < coalesce(least(a.expires_on, a.terminated_on, m1.left_on, m2.left_on), 'infinity')
GROUP BY 1, 2, 3, 4;
CREATE TEMP TABLE computed_dyad_years AS
SELECT dyad, party_a, party_b, year, agreements FROM dyad_years(1949, 2030, 'alliance')
UNION ALL SELECT dyad, party_a, party_b, year, agreements FROM dyad_years(1949, 2030, 'mt-pact');
SELECT (SELECT count(*) FROM computed_dyad_years) AS rows,
	   (SELECT count(*) FROM reference_dyad_years) AS reference_rows,
	   (SELECT count(*) FROM (TABLE computed_dyad_years EXCEPT ALL TABLE reference_dyad_years) x) AS only_computed,
	   (SELECT count(*) FROM (TABLE reference_dyad_years EXCEPT ALL TABLE computed_dyad_years) x) AS only_in_reference;
-- NATO: 496 dyads in 2030, Sweden's 31 from 2024
SELECT count(*) FROM dyad_years(2030, 2030, 'alliance');
SELECT count(*), min(year) FROM dyad_years(2020, 2030, 'alliance') WHERE party_a = 'SE' OR party_b = 'SE' GROUP BY year ORDER BY min(year) LIMIT 1;
-- rows come in dyad and year order
SELECT count(*) AS out_of_order FROM (
	SELECT dyad::dyad AS d, year, lag(dyad::dyad) OVER () AS pd, lag(year) OVER () AS py
	FROM dyad_years(1949, 2030)) x
WHERE (d, year) <= (pd, py);
-- multilateral agreements end as bilateral ones do: a terminated instrument
UPDATE secpact.agreement SET terminated_on = '2007-01-01' WHERE id = 920100;
SELECT max(year) FROM dyad_years(2000, 2012, 'mt-pact');
UPDATE secpact.agreement SET terminated_on = NULL WHERE id = 920100;

--------------------------------------------------------------------------
-- Bilateral answers are unchanged; multilateral ones come when asked
--------------------------------------------------------------------------
SELECT count(*) AS changed FROM (
	(TABLE ukraine_order_before EXCEPT ALL SELECT * FROM signing_order('UA'))
	UNION ALL
	(SELECT * FROM signing_order('UA') EXCEPT ALL TABLE ukraine_order_before)) x;
SELECT count(*) AS changed FROM (
	SELECT * FROM signing_order('UA', include_multilateral => true)
	EXCEPT ALL TABLE ukraine_order_before) x;
SELECT count(*) FROM signing_order('SE');
SELECT position, counterpart, signed_on, ordinal, shared FROM signing_order('SE', include_multilateral => true)
WHERE counterpart IN ('US', 'FI', 'UA') ORDER BY position, counterpart;
SELECT position, counterpart, signed_on, ordinal FROM signing_order('UG', 'mt-pact', include_multilateral => true);
SELECT count(*) FROM signing_order('SE', 'alliance', '2024-03-06', include_multilateral => true);
SELECT count(*) FROM signing_order('SE', include_multilateral => NULL);
-- partners and common partners
SELECT * FROM partners('SE') WHERE counterpart IN ('FI', 'UA', 'US');
SELECT * FROM partners('UG', 'mt-pact') ORDER BY counterpart;
SELECT * FROM partners('SE', as_of => '2024-03-06');
SELECT partner, first_with_a, first_with_b FROM common_partners('SE', 'FI') WHERE partner IN ('UA', 'US', 'DE');
SELECT count(*) FROM common_partners('SE', 'FI', 'alliance');
-- in_force of a member
SELECT m.party, in_force(m, '2007-01-01') AS y2007, in_force(m, '2011-01-01') AS y2011
FROM secpact.membership m WHERE m.agreement_id = 920100 ORDER BY m.party, m.id;
SELECT in_force(m, '2024-03-06') AS before, in_force(m, '2024-03-07') AS on_the_day
FROM secpact.membership m JOIN secpact.agreement_name n USING (agreement_id)
WHERE n.name = 'NATO' AND m.party = 'SE';

--------------------------------------------------------------------------
-- The views count members as they count the parties of dyads
--------------------------------------------------------------------------
SELECT party, kind, partners, agreements, in_force, in_force_unknown FROM secpact.partner_counts
WHERE party IN ('SE', 'UG', 'SS') ORDER BY party, kind;
SELECT hub, counterpart, signed_on, "position", ordinal, shared, partners_so_far FROM secpact.signing_timeline
WHERE kind = 'mt-pact' AND hub = 'UG' ORDER BY "position", counterpart;
-- the timeline's positions agree with signing_order(hub, kind, include_multilateral => true) for every hub and kind
SELECT count(*) AS disagreements FROM (
	SELECT t.hub, t.kind, t.counterpart, t."position", t.shared FROM secpact.signing_timeline t
	WHERE t.kind IN ('alliance', 'mt-pact')
	EXCEPT ALL
	SELECT alpha2(h.hub), k.kind, alpha2(o.counterpart), o."position", o.shared
	FROM (SELECT DISTINCT unnest(dyad_parties(parties)) AS hub, kind FROM secpact.membership_dyads) h
	CROSS JOIN LATERAL (SELECT h.kind) k
	CROSS JOIN LATERAL signing_order(h.hub, k.kind, include_multilateral => true) o) x;
-- the aggregates over members
SELECT count_parties(m.party), array_length(party_set(m.party), 1), count_parties(md.parties)
FROM secpact.membership m
JOIN secpact.agreement_name n ON n.agreement_id = m.agreement_id AND n.name = 'NATO'
LEFT JOIN secpact.membership_dyads md ON false;
SELECT count_parties(parties), (party_set(parties))[1:3] FROM secpact.membership_dyads WHERE kind = 'alliance';
-- the chart of an accession order
SELECT xml_is_well_formed_document(accession_chart(agreement_named('NATO'), as_of => '2025-01-01')) AS well_formed,
	   accession_chart(agreement_named('NATO'), as_of => '2025-01-01') LIKE '%North Atlantic Treaty%' AS titled,
	   accession_chart(agreement_named('NATO'), as_of => '2025-01-01') LIKE '%>SE 32nd<%' AS sweden_drawn;
SELECT accession_chart(agreement_named('NATO'), as_of => '2000-01-01') LIKE '%>SE 32nd<%' AS sweden_not_yet,
	   accession_chart(agreement_named('NATO'), as_of => '2000-01-01') LIKE '%>CZ HU PL 17th<%' AS czechia_hungary_poland_drawn;
SELECT accession_chart(NULL) IS NULL AS null_agreement;

--------------------------------------------------------------------------
-- The rules of the registry, each with its SQLSTATE
--------------------------------------------------------------------------
-- overlapping spells of one member
INSERT INTO secpact.membership (agreement_id, party, bound_on) VALUES (920100, 'UG', '2004-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.membership (agreement_id, party, bound_on, left_on) VALUES (920100, 'KE', '1999-01-01', '2000-06-02');
\echo :LAST_ERROR_SQLSTATE
-- touching spells do not overlap: UG's first spell ends as this one begins
INSERT INTO secpact.membership (id, agreement_id, party, bound_on, left_on) VALUES (920110, 920100, 'UG', '2005-07-01', '2006-01-01');
DELETE FROM secpact.membership WHERE id = 920110;
-- a member of a bilateral agreement
INSERT INTO secpact.membership (agreement_id, party, bound_on)
SELECT min(id), 'FR', '2024-01-01' FROM secpact.agreement WHERE parties = 'UA-GB';
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.membership (agreement_id, party, bound_on) VALUES (123456789, 'FR', '2024-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.membership (agreement_id, party) VALUES (920100, 'FR');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.membership (agreement_id, party, signed_on, bound_on) VALUES (920100, 'FR', '2024-01-02', '2024-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.membership (agreement_id, party, bound_on, left_on) VALUES (920100, 'FR', '2024-01-01', '2024-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.membership (agreement_id, party, bound_on, bound_order) VALUES (920100, 'FR', '2024-01-01', 0);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.membership (agreement_id, party, bound_on) VALUES (920100, 'XX', '2024-01-01');
\echo :LAST_ERROR_SQLSTATE
-- a multilateral agreement has no dyad, a bilateral one has one
INSERT INTO secpact.agreement (multilateral, parties, kind, signed_on) VALUES (true, 'FR-DE', 'mt-x', '2020-01-01');
\echo :LAST_ERROR_SQLSTATE
INSERT INTO secpact.agreement (kind, signed_on) VALUES ('mt-x', '2020-01-01');
\echo :LAST_ERROR_SQLSTATE
-- and stays what it is
UPDATE secpact.agreement SET multilateral = false, parties = 'KE-TZ' WHERE id = 920100;
\echo :LAST_ERROR_SQLSTATE
UPDATE secpact.agreement SET multilateral = true, parties = NULL WHERE id = (SELECT min(id) FROM secpact.agreement WHERE parties = 'UA-GB');
\echo :LAST_ERROR_SQLSTATE
-- an update that leaves the flag alone fires nothing
UPDATE secpact.agreement SET multilateral = true, notes = 'hand-made' WHERE id = 920100;
-- deleting an agreement deletes its members and names
BEGIN;
DELETE FROM secpact.agreement WHERE id = agreement_named('NATO');
SELECT count(*) AS members_left FROM secpact.membership WHERE party = 'SE';
SELECT count(*) AS names_left FROM secpact.agreement_name;
ROLLBACK;

--------------------------------------------------------------------------
-- Dumps, privileges and row-level security
--------------------------------------------------------------------------
SELECT c::regclass::text AS dumped FROM pg_extension, unnest(extconfig) AS c WHERE extname = 'secpact' ORDER BY 1;
CREATE ROLE regress_secpact_mt;
GRANT USAGE ON SCHEMA secpact TO regress_secpact_mt;
GRANT SELECT ON secpact.agreement, secpact.partner_counts, secpact.signing_timeline TO regress_secpact_mt;
SET ROLE regress_secpact_mt;
-- granted the agreements alone: the bilateral answers, no multilateral ones
SELECT count(*) FROM signing_order('SE', include_multilateral => true);
SELECT count(*) FROM dyad_years(kind => 'alliance');
SELECT kind, partners FROM secpact.partner_counts WHERE party = 'SE' ORDER BY kind;
SELECT count(*) FROM secpact.signing_timeline WHERE hub = 'SE';
\set VERBOSITY terse
SELECT count(*) FROM secpact.membership;
SELECT count(*) FROM accession_order('NATO');
\set VERBOSITY default
RESET ROLE;
GRANT SELECT ON secpact.membership, secpact.agreement_name TO regress_secpact_mt;
SET ROLE regress_secpact_mt;
SELECT ordinal FROM accession_order('NATO') WHERE party = 'SE';
SELECT count(*) FROM dyad_years(2030, 2030, 'alliance');
RESET ROLE;
-- row-level security on the agreements hides the hand-made pact from the role
ALTER TABLE secpact.agreement ENABLE ROW LEVEL SECURITY;
CREATE POLICY regress_mt_no_pact ON secpact.agreement TO regress_secpact_mt USING (kind <> 'mt-pact');
GRANT INSERT ON secpact.membership TO regress_secpact_mt;
SET ROLE regress_secpact_mt;
SELECT * FROM accession_order(920100);
\echo :LAST_ERROR_SQLSTATE
SELECT count(*) FROM dyad_years(kind => 'mt-pact');
SELECT count(*) FROM partners('UG');
INSERT INTO secpact.membership (agreement_id, party, bound_on) VALUES (920100, 'FR', '2024-01-01');
\echo :LAST_ERROR_SQLSTATE
RESET ROLE;
DROP POLICY regress_mt_no_pact ON secpact.agreement;
ALTER TABLE secpact.agreement DISABLE ROW LEVEL SECURITY;
REVOKE ALL ON secpact.membership, secpact.agreement_name, secpact.agreement,
	secpact.partner_counts, secpact.signing_timeline FROM regress_secpact_mt;
REVOKE ALL ON SCHEMA secpact FROM regress_secpact_mt;
DROP ROLE regress_secpact_mt;

-- the functions are marked as they behave
SELECT p.oid::regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel, p.prosecdef,
	   p.proconfig
FROM pg_proc p
WHERE p.oid IN ('accession_order(bigint, text)'::regprocedure, 'accession_order(text, text)'::regprocedure,
				'agreement_named(text)'::regprocedure, 'accession_chart(bigint, text, date)'::regprocedure,
				'in_force(secpact.membership, date)'::regprocedure, 'secpact.membership_pairs()'::regprocedure,
				'secpact.readable_membership()'::regprocedure,
				'signing_order(party, text, date, boolean, boolean)'::regprocedure)
ORDER BY p.oid::regprocedure::text;

DELETE FROM secpact.agreement WHERE kind = 'mt-pact';
RESET client_min_messages;
