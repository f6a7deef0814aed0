-- Security: hostile objects on the search_path, privileges, function markings
SET client_min_messages = warning;

--------------------------------------------------------------------------
-- Lookalikes earlier on the search_path than pg_catalog and the extension
-- schema.  Each records that it was called; none may ever be.
--------------------------------------------------------------------------
CREATE SCHEMA hostile;
CREATE TABLE hostile.calls (what text);
CREATE FUNCTION hostile.text_eq(text, text) RETURNS boolean LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('text = text'); SELECT $1 OPERATOR(pg_catalog.=) $2 $$;
CREATE OPERATOR hostile.= (LEFTARG = text, RIGHTARG = text, FUNCTION = hostile.text_eq);
CREATE FUNCTION hostile.date_le(date, date) RETURNS boolean LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('date <= date'); SELECT $1 OPERATOR(pg_catalog.<=) $2 $$;
CREATE OPERATOR hostile.<= (LEFTARG = date, RIGHTARG = date, FUNCTION = hostile.date_le);
CREATE FUNCTION hostile.lower(text) RETURNS text LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('lower'); SELECT pg_catalog.lower($1) $$;
CREATE FUNCTION hostile.counterpart(dyad, party) RETURNS party LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('counterpart'); SELECT 'FR'::party $$;
CREATE FUNCTION hostile.party_name(party) RETURNS text LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('party_name'); SELECT 'hostile' $$;
CREATE FUNCTION hostile.is_organisation(party) RETURNS boolean LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('is_organisation'); SELECT true $$;
CREATE FUNCTION hostile.ordinal(integer) RETURNS text LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('ordinal'); SELECT 'hostile' $$;
CREATE FUNCTION hostile.contains(dyad, party) RETURNS boolean LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('dyad @> party'); SELECT true $$;
CREATE OPERATOR hostile.@> (LEFTARG = dyad, RIGHTARG = party, FUNCTION = hostile.contains);
CREATE FUNCTION hostile.party_eq(party, party) RETURNS boolean LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('party = party'); SELECT true $$;
CREATE OPERATOR hostile.= (LEFTARG = party, RIGHTARG = party, FUNCTION = hostile.party_eq);
CREATE FUNCTION hostile.bigint_eq(bigint, bigint) RETURNS boolean LANGUAGE sql
	AS $$ INSERT INTO hostile.calls VALUES ('bigint = bigint'); SELECT $1 OPERATOR(pg_catalog.=) $2 $$;
CREATE OPERATOR hostile.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = hostile.bigint_eq);

BEGIN;
-- the install script, run with the hostile schema first
DROP EXTENSION secpact CASCADE;
SET LOCAL search_path = hostile, pg_catalog, public;
CREATE EXTENSION secpact SCHEMA public;
SELECT count(*) AS hostile_calls_by_the_install_script FROM hostile.calls;
-- data loaded by this test's own queries, under a safe search_path
SET LOCAL search_path = public, pg_catalog;
\i data/load-ukraine.sql
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force) VALUES
	(8001, 'UA-FR', 'hostile', '2020-01-01', '2020-01-01'),
	(8002, 'UA-FR', 'hostile', '2021-01-01', '2021-01-01');
INSERT INTO secpact.agreement (id, parties, multilateral, kind, title, signed_on, entry_into_force) VALUES
	(8003, NULL, true, 'hostile pact', 'A hostile pact', '2020-01-01', '2020-01-01');
INSERT INTO secpact.membership (agreement_id, party, signed_on, bound_on) VALUES
	(8003, 'DE', '2020-01-01', '2020-01-01'), (8003, 'PL', '2020-03-01', '2020-03-01');
SET LOCAL search_path = hostile, pg_catalog, public;
-- the registry's trigger, with the hostile schema first
UPDATE secpact.agreement SET supersedes = 8001 WHERE id = 8002;
INSERT INTO secpact.signatory (agreement_id, party, name) VALUES (8001, 'FR', 'A. Signatory');
-- every SQL function of secpact, with the hostile schema first
SELECT position, counterpart, counterpart_name, ordinal FROM public.signing_order('UA') WHERE position IN (1, 11, 18);
SELECT count(*) FROM public.signing_order('UA', 'security', '2024-06-30', true);
SELECT counterpart, agreements, in_force FROM public.partners('UA', 'hostile', '2022-01-01');
SELECT id, public.in_force(a, '2022-01-01') FROM secpact.agreement a
WHERE kind OPERATOR(pg_catalog.=) 'hostile' ORDER BY id;  -- this test's own query stays safe too
-- the views and functions of 1.1 too
SELECT counterpart, "position", partners_so_far FROM secpact.signing_timeline
WHERE hub OPERATOR(pg_catalog.=) 'UA' AND "position" < 3 ORDER BY "position", counterpart;
SELECT kind, partners, agreements, in_force, in_force_unknown FROM secpact.partner_counts
WHERE party OPERATOR(pg_catalog.=) 'FR' ORDER BY kind;
SELECT pg_catalog.count(*), pg_catalog.min(year), pg_catalog.max(year) FROM public.dyad_years(2020, 2030, 'hostile');
SELECT partner, first_with_a, first_with_b FROM public.common_partners('FR', 'EU');
SELECT public.count_parties(parties), public.count_parties(public.counterpart(parties, 'UA')),
	   public.party_set(parties) FROM secpact.agreement WHERE parties OPERATOR(public.@>) 'FR'::public.party;
SELECT pg_catalog.xml_is_well_formed_document(public.signing_chart('UA', 'hostile', '2022-01-01')) AS chart_well_formed;
-- the C functions without a SET of their own (1.6), with their kept queries
-- first planned here
SELECT "position", party, ordinal FROM public.accession_order(8003) ORDER BY 1;
SELECT "position", party FROM public.accession_orders() WHERE agreement OPERATOR(pg_catalog.=) 8003 ORDER BY 1;
-- nothing hostile was called
SELECT count(*) AS hostile_calls, string_agg(DISTINCT what, ', ') AS what FROM hostile.calls;
ROLLBACK;

-- The registry and the extension are as before
SELECT count(*) > 0 AS registry_kept FROM secpact.agreement;
SELECT position, counterpart FROM signing_order('UA') WHERE counterpart = 'BE';

--------------------------------------------------------------------------
-- Privileges: secpact's functions run as the caller and never open the
-- registry to a role that may not read it
--------------------------------------------------------------------------
SELECT count(*) AS security_definer_functions
FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'secpact'
WHERE p.prosecdef;
-- LEAKPROOF only on comparisons and hashes, which raise no errors
SELECT p.proname
FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'secpact'
WHERE p.proleakproof ORDER BY 1;

-- every object of the extension says what it is
SELECT count(*) AS objects_without_comment
FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'secpact'
WHERE d.deptype = 'e'
  AND obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid)) IS NULL
  -- array types and row types, which 17 records as members too, belong to
  -- the type or relation that made them (and that has the comment)
  AND NOT EXISTS (SELECT FROM pg_depend i
                  WHERE i.classid = d.classid AND i.objid = d.objid AND i.deptype = 'i');

CREATE ROLE regress_secpact_reader;
GRANT USAGE ON SCHEMA secpact TO regress_secpact_reader;
SET ROLE regress_secpact_reader;
-- the errors alone: their CONTEXT would quote each function's query whole
\set VERBOSITY terse
SELECT * FROM signing_order('UA') LIMIT 1;
SELECT * FROM partners('UA') LIMIT 1;
SELECT count(*) FROM secpact.agreement;
-- the views run as their caller: they open nothing the table does not
SELECT count(*) FROM secpact.signing_timeline;
RESET ROLE;
GRANT SELECT ON secpact.signing_timeline, secpact.partner_counts TO regress_secpact_reader;
SET ROLE regress_secpact_reader;
SELECT count(*) FROM secpact.signing_timeline;
SELECT count(*) FROM secpact.partner_counts;
SELECT count(*) FROM dyad_years();
SELECT signing_chart('UA');
\set VERBOSITY default
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES ('UA-FR', 'x', '2020-01-01');
-- the types and pure functions stay usable
SELECT 'UA-BE'::dyad, counterpart('UA-BE', 'UA'), party_name('UA');
RESET ROLE;
GRANT SELECT ON secpact.agreement TO regress_secpact_reader;
SET ROLE regress_secpact_reader;
SELECT position, counterpart FROM signing_order('UA') WHERE counterpart = 'BE';
INSERT INTO secpact.agreement (parties, kind, signed_on) VALUES ('UA-FR', 'x', '2020-01-01');
SELECT "position", partners_so_far FROM secpact.signing_timeline WHERE hub = 'UA' AND counterpart = 'BE';
SELECT partners FROM secpact.partner_counts WHERE party = 'UA';
SELECT count(*) FROM dyad_years(kind => 'security');
RESET ROLE;
REVOKE ALL ON secpact.signing_timeline, secpact.partner_counts FROM regress_secpact_reader;
REVOKE ALL ON secpact.agreement FROM regress_secpact_reader;
REVOKE ALL ON SCHEMA secpact FROM regress_secpact_reader;
DROP ROLE regress_secpact_reader;
DROP SCHEMA hostile CASCADE;
RESET client_min_messages;
