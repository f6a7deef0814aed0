-- Analytics for dashboards and psql: the views signing_timeline and
-- partner_counts, dyad_years(), common_partners(), the aggregates over sets
-- of parties and the signing chart.  Runs after the registry test, on the
-- registry it leaves (the bundled agreements and its hand-made cases), adds
-- cases of its own under kinds beginning with "an-", and removes them.
SET client_min_messages = warning;
SELECT count(*) AS agreements_before FROM secpact.agreement \gset

--------------------------------------------------------------------------
-- Plain column types that every client understands
--------------------------------------------------------------------------
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.oid IN ('secpact.signing_timeline'::regclass, 'secpact.partner_counts'::regclass)
  AND a.attnum > 0
ORDER BY c.relname, a.attnum;
SELECT p.oid::regprocedure AS function, pg_get_function_result(p.oid) AS returns
FROM pg_proc p
WHERE p.proname IN ('dyad_years', 'common_partners', 'signing_chart', 'signing_chart_svg')
ORDER BY p.oid::regprocedure::text;
-- the views run as their caller
SELECT relname, reloptions FROM pg_class
WHERE oid IN ('secpact.signing_timeline'::regclass, 'secpact.partner_counts'::regclass) ORDER BY 1;

--------------------------------------------------------------------------
-- Hand-made cases
--------------------------------------------------------------------------
INSERT INTO secpact.agreement (id, parties, kind, signed_on, day_order, entry_into_force,
							   expires_on, terminated_on, supersedes) VALUES
	-- ties: RW's known order within the day puts it first, TZ and UG tie
	-- after it; TZ signs again later and keeps its place; ET and SO then
	(910101, 'KE-TZ', 'an-ties', '2020-01-01', NULL, NULL, NULL, NULL, NULL),
	(910102, 'KE-UG', 'an-ties', '2020-01-01', NULL, NULL, NULL, NULL, NULL),
	(910103, 'KE-RW', 'an-ties', '2020-01-01', 1, NULL, NULL, NULL, NULL),
	(910104, 'KE-ET', 'an-ties', '2020-02-01', NULL, NULL, NULL, NULL, NULL),
	(910105, 'KE-TZ', 'an-ties', '2020-03-01', NULL, NULL, NULL, NULL, NULL),
	(910106, 'KE-SO', 'an-ties', '2020-03-01', NULL, NULL, NULL, NULL, NULL),
	-- lifecycles, for dyad_years
	(910201, 'KE-TZ', 'an-life', '2010-06-01', NULL, '2011-01-01', '2013-01-01', NULL, NULL),  -- expires
	(910202, 'KE-UG', 'an-life', '2010-06-01', NULL, NULL, NULL, '2012-07-01', NULL),          -- from signature, terminated
	(910203, 'KE-RW', 'an-life', '2010-01-01', NULL, '2010-02-01', NULL, NULL, NULL),          -- superseded ...
	(910204, 'KE-RW', 'an-life', '2014-05-01', NULL, '2015-03-01', '2017-03-01', NULL, 910203), -- ... by this, in 2015
	(910205, 'KE-ET', 'an-life', '2012-01-01', NULL, '2012-01-01', NULL, '2012-01-01', NULL),  -- never in force
	(910206, 'KE-SO', 'an-life', '2019-12-31', NULL, NULL, '2020-01-01', NULL, NULL),          -- one day
	(910207, 'KE-SO', 'an-life', '2021-01-01', NULL, '2021-06-01', NULL, NULL, NULL),          -- open-ended
	(910208, 'KE-ER', 'an-life', '2000-01-01', NULL, '2000-01-01', NULL, NULL, NULL),          -- superseded ...
	(910209, 'KE-ER', 'an-life', '2005-05-05', NULL, NULL, '2006-01-01', NULL, 910208),        -- ... from its signature
	(910210, 'KE-EU', 'an-life', '2003-01-01', NULL, '2003-01-01', '2004-01-01', NULL, NULL),  -- the EU
	(910211, 'KE-DJ', 'an-life', '2009-06-01', NULL, '2010-01-01', '2009-12-31', NULL, NULL),  -- expires before it enters into force
	-- common partners
	(910301, 'TZ-UG', 'an-common', '2015-01-01', NULL, NULL, NULL, NULL, NULL),
	(910302, 'TZ-RW', 'an-common', '2016-01-01', NULL, NULL, NULL, NULL, NULL),
	(910303, 'UG-RW', 'an-common', '2017-01-01', NULL, NULL, NULL, NULL, NULL),
	(910304, 'UG-RW', 'an-common', '2014-01-01', NULL, NULL, NULL, NULL, NULL),
	-- dates at the ends of the calendar
	-- (signed_on in years 1 to 9999 since 1.2; an expiry may be infinity)
	(910401, 'KE-DJ', 'an-inf', '0001-01-01', NULL, NULL, '0003-06-01', NULL, NULL),
	(910402, 'KE-DJ', 'an-inf', '2020-01-01', NULL, NULL, 'infinity', NULL, NULL),
	(910403, 'KE-TZ', 'an-inf', '9999-12-31', NULL, NULL, NULL, NULL, NULL);

--------------------------------------------------------------------------
-- signing_timeline
--------------------------------------------------------------------------
-- Ukraine's signing order, in plain types
SELECT signed_on, counterpart, counterpart_alpha3, "position", ordinal, shared, partners_so_far
FROM secpact.signing_timeline WHERE hub = 'UA' ORDER BY "position", counterpart;
-- from the other side: every counterpart is a hub too, with Ukraine its 1st partner
SELECT hub, hub_name, hub_alpha3, counterpart, "position", partners_so_far
FROM secpact.signing_timeline WHERE counterpart = 'UA' AND hub IN ('BE', 'EU', 'GB');
-- hand-made ties: a known order within the day comes first, the others tie
-- after it; ties count together in partners_so_far; a repeat counts once
SELECT signed_on, counterpart, "position", ordinal, shared, partners_so_far
FROM secpact.signing_timeline WHERE hub = 'KE' AND kind = 'an-ties' ORDER BY "position", counterpart;

-- The positions agree with signing_order(hub, kind) for every hub and kind
-- of the registry, row for row
CREATE TEMP VIEW timeline_rows AS
SELECT hub, kind, "position", counterpart, counterpart_name, signed_on, place, ordinal, shared
FROM secpact.signing_timeline;
CREATE TEMP VIEW signing_order_rows AS
SELECT h.hub, h.kind, o."position", o.counterpart::text, o.counterpart_name, o.signed_on,
	   o.place, o.ordinal, o.shared
FROM (SELECT DISTINCT alpha2(p) AS hub, kind
	  FROM secpact.agreement, unnest(dyad_parties(parties)) AS p) h
CROSS JOIN LATERAL signing_order(h.hub::party, h.kind) o;
SELECT (SELECT count(*) FROM timeline_rows) AS rows,
	   (SELECT count(DISTINCT (hub, kind)) FROM timeline_rows) AS hubs_and_kinds,
	   (SELECT count(*) FROM (TABLE timeline_rows EXCEPT ALL TABLE signing_order_rows) x) AS only_in_view,
	   (SELECT count(*) FROM (TABLE signing_order_rows EXCEPT ALL TABLE timeline_rows) x) AS only_in_signing_order;
-- partners_so_far is the number of the hub's counterparts (of the kind)
-- first signed on or before the day
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE t.partners_so_far = (
		   SELECT count(*) FROM signing_order(t.hub::party, t.kind) o WHERE o.signed_on <= t.signed_on)) AS agreeing
FROM secpact.signing_timeline t;
-- and it is the running count_parties() over the hub's agreements
SELECT count(*) AS rows, count(*) FILTER (WHERE r.so_far = t.partners_so_far) AS agreeing
FROM (SELECT DISTINCT a.signed_on,
			 count_parties(counterpart(a.parties, 'UA')) OVER (ORDER BY a.signed_on) AS so_far
	  FROM secpact.agreement a WHERE a.parties @> 'UA' AND a.kind = 'security') r
JOIN secpact.signing_timeline t ON t.signed_on = r.signed_on AND t.hub = 'UA' AND t.kind = 'security';
-- a filter on the hub reaches the scan below the window functions
CREATE FUNCTION pg_temp.plan_lines(query text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		RETURN NEXT line;
	END LOOP;
END
$$;
-- (trimmed: the depth of the nodes in between is the planner's business)
SELECT btrim(l) AS plan_lines
FROM pg_temp.plan_lines('SELECT * FROM secpact.signing_timeline WHERE hub = ''UA''') WITH ORDINALITY AS p(l, n)
WHERE l ~ 'WindowAgg|Filter|Scan on agreement'
ORDER BY n;

--------------------------------------------------------------------------
-- partner_counts
--------------------------------------------------------------------------
SELECT * FROM secpact.partner_counts WHERE party IN ('UA', 'EU', 'KE') ORDER BY party, kind;
-- against a reference computed with count(DISTINCT) and in_force()
CREATE TEMP VIEW partner_counts_reference AS
SELECT alpha2(p) AS party, party_name(p) AS party_name, alpha3(p) AS party_alpha3, a.kind,
	   count(DISTINCT counterpart(a.parties, p))::int AS partners, count(*)::int AS agreements,
	   count(*) FILTER (WHERE in_force(a) IS TRUE)::int AS in_force,
	   count(*) FILTER (WHERE in_force(a) IS NULL)::int AS in_force_unknown,
	   numeric_code(p) AS party_numeric
FROM secpact.agreement a, unnest(dyad_parties(a.parties)) AS p
GROUP BY p, a.kind;
SELECT (SELECT count(*) FROM secpact.partner_counts) AS rows,
	   (SELECT count(*) FROM (TABLE secpact.partner_counts EXCEPT ALL TABLE partner_counts_reference) x) AS only_in_view,
	   (SELECT count(*) FROM (TABLE partner_counts_reference EXCEPT ALL TABLE secpact.partner_counts) x) AS only_in_reference;

--------------------------------------------------------------------------
-- dyad_years
--------------------------------------------------------------------------
-- The hand-made lifecycles, 2000 to 2030
SELECT dyad, party_a, party_b, year, agreements FROM dyad_years(2000, 2030, 'an-life');
-- The reference: a dyad-year for every year with a day on which in_force()
-- is true, once every unknown entry into force is taken to be the signature
-- (what dyad_years documents), checked day by day
BEGIN;
CREATE TEMP TABLE computed_dyad_years ON COMMIT DROP AS SELECT dyad, party_a, party_b, year, agreements FROM dyad_years(2000, 2030, 'an-life');
UPDATE secpact.agreement SET entry_into_force = signed_on
WHERE kind = 'an-life' AND entry_into_force IS NULL;
CREATE TEMP TABLE reference_dyad_years ON COMMIT DROP AS
SELECT text(a.parties) AS dyad, alpha2(first_party(a.parties)) AS party_a,
	   alpha2(second_party(a.parties)) AS party_b, y AS year, count(*)::int AS agreements
FROM secpact.agreement a, generate_series(2000, 2030) AS y
WHERE a.kind = 'an-life'
  AND EXISTS (SELECT FROM generate_series(make_date(y, 1, 1), make_date(y, 12, 31), interval '1 day') AS d
			  WHERE in_force(a, d::date))
GROUP BY a.parties, y;
SELECT (SELECT count(*) FROM computed_dyad_years) AS rows,
	   (SELECT count(*) FROM (TABLE computed_dyad_years EXCEPT ALL TABLE reference_dyad_years) x) AS only_computed,
	   (SELECT count(*) FROM (TABLE reference_dyad_years EXCEPT ALL TABLE computed_dyad_years) x) AS only_in_reference;
ROLLBACK;
SELECT count(*) AS unknown_entries_into_force_kept FROM secpact.agreement
WHERE kind = 'an-life' AND entry_into_force IS NULL;

-- The bundled agreements: no entry into force is known, so each counts from
-- its signature for its 10 years, 11 calendar years in all
SELECT count(*) AS dyad_years, count(DISTINCT dyad) AS dyads, min(year), max(year)
FROM dyad_years(kind => 'security');
SELECT dyad, count(*) AS years, min(year) AS first, max(year) AS last,
	   max(year) - min(year) + 1 = count(*) AS consecutive
FROM dyad_years(kind => 'security') WHERE dyad IN ('GB-UA', 'AL-UA', 'EU-UA') GROUP BY dyad ORDER BY dyad;
SELECT count(*) = 0 AS each_dyad_from_its_signature
FROM (SELECT dyad, min(year) AS first FROM dyad_years(kind => 'security') GROUP BY dyad) d
JOIN secpact.agreement a ON text(a.parties) = d.dyad AND a.kind = 'security'
WHERE extract(year FROM a.signed_on) <> d.first;
-- a window of years
SELECT count(*) AS dyad_years, min(year), max(year) FROM dyad_years(2025, 2026, 'security');
SELECT count(*) AS dyad_years, min(year), max(year) FROM dyad_years(2030, NULL, 'security');
-- an agreement that nothing ends runs to last_year, or to the current year
SELECT max(year) FROM dyad_years(2021, 2030, 'an-life') WHERE dyad = 'KE-SO';
SELECT max(year) FROM dyad_years(2021, 2022, 'an-life') WHERE dyad = 'KE-SO';
SELECT max(year) = extract(year FROM CURRENT_DATE) AS to_this_year
FROM dyad_years(kind => 'an-life') WHERE dyad = 'KE-SO';
-- every kind together: two agreements of one dyad in force in one year count 2
SELECT dyad, party_a, party_b, year, agreements FROM dyad_years(2010, 2010) WHERE dyad IN ('KE-TZ', 'KE-UG', 'KE-RW');
SELECT dyad, party_a, party_b, year, agreements FROM dyad_years(2020, 2020) WHERE party_a = 'KE' OR party_b = 'KE';
-- NULL arguments: no window, every kind
SELECT count(*) = (SELECT count(*) FROM dyad_years(NULL, NULL, NULL)) AS nulls_are_defaults
FROM dyad_years();
SELECT count(*) FROM dyad_years(kind => 'no such kind');
-- the rows leave by dyad, direction (directed: the lower party's rows
-- first) and year, with no sort of their own: each row's place against
-- that order, over every agreement of the registry so far
SELECT directed, count(*) AS rows, count(DISTINCT dyad) AS dyads,
	   count(*) FILTER (WHERE place <> by_order) AS out_of_order
FROM (SELECT v.directed, d.dyad, d.place,
			 row_number() OVER (PARTITION BY v.directed
								ORDER BY d.dyad::dyad, d.party_a <> text(first_party(d.dyad::dyad)), d.year) AS by_order
	  FROM (VALUES (false), (true)) v(directed)
	  CROSS JOIN LATERAL dyad_years(directed => v.directed)
		  WITH ORDINALITY d(dyad, party_a, party_b, year, agreements, cow_code_a, cow_code_b, gw_code_a, gw_code_b,
							left_censored, entry_assumed, place)) x
GROUP BY directed ORDER BY directed;
-- dates at the ends of the calendar: from year 1, to last_year or this
-- year; an agreement signed in 9999 has no year before it
SELECT count(*) AS years, min(year), max(year) FROM dyad_years(NULL, 2025, 'an-inf');
SELECT count(*) AS years, min(year), max(year) FROM dyad_years(NULL, NULL, 'an-inf') WHERE year < 2000;
SELECT max(year) = extract(year FROM CURRENT_DATE) AS to_this_year FROM dyad_years(kind => 'an-inf');
-- bad arguments, each with its SQLSTATE
\set VERBOSITY default
SELECT * FROM dyad_years(2030, 2020);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM dyad_years(0);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM dyad_years(NULL, 10000);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM dyad_years(-2147483648, 2147483647);
\echo :LAST_ERROR_SQLSTATE

--------------------------------------------------------------------------
-- common_partners
--------------------------------------------------------------------------
SELECT * FROM common_partners('TZ', 'UG');
SELECT * FROM common_partners('TZ', 'UG', 'an-common');
SELECT * FROM common_partners('RW', 'TZ', 'an-ties');
-- the EU as a common partner of Ukraine and New Zealand
SELECT * FROM common_partners('UA', 'NZ');
-- against partners(): the counterparts both have, with their first signings
CREATE TEMP VIEW common_reference AS
SELECT pa.counterpart::text AS partner, pa.first_signed AS first_with_a, pb.first_signed AS first_with_b
FROM partners('KE') pa JOIN partners('TZ') pb USING (counterpart);
SELECT (SELECT count(*) FROM common_partners('KE', 'TZ')) AS rows,
	   (SELECT count(*) FROM (SELECT partner, first_with_a, first_with_b FROM common_partners('KE', 'TZ')
							  EXCEPT ALL TABLE common_reference) x) AS only_computed,
	   (SELECT count(*) FROM (TABLE common_reference
							  EXCEPT ALL SELECT partner, first_with_a, first_with_b FROM common_partners('KE', 'TZ')) x) AS only_in_reference;
-- with itself: its own partners
SELECT (SELECT array_agg(partner ORDER BY partner) FROM common_partners('UA', 'UA'))
	   = (SELECT array_agg(counterpart::text ORDER BY counterpart) FROM partners('UA')) AS own_partners;
-- none, and NULLs
SELECT count(*) FROM common_partners('UA', 'BE');
SELECT count(*) FROM common_partners(NULL, 'UA');
SELECT count(*) FROM common_partners('UA', NULL);
SELECT count(*) FROM common_partners('KE', 'TZ', 'no such kind');

--------------------------------------------------------------------------
-- count_parties() and party_set()
--------------------------------------------------------------------------
SELECT count_parties(counterpart(parties, 'UA')) AS partners,
	   count(DISTINCT counterpart(parties, 'UA')) AS distinct_partners,
	   count_parties(parties) AS parties_involved,
	   party_set(counterpart(parties, 'UA')) AS partner_set
FROM secpact.agreement WHERE kind = 'security';
-- against count(DISTINCT) and array_agg(DISTINCT), grouped by kind
SELECT count(*) AS kinds,
	   count(*) FILTER (WHERE s.n = r.n AND s.set = r.set AND s.dyad_n = r.n AND s.dyad_set = r.set) AS agreeing
FROM (SELECT kind, count_parties(p) AS n, party_set(p) AS set,
			 count_parties(parties) AS dyad_n, party_set(parties) AS dyad_set
	  FROM secpact.agreement, unnest(dyad_parties(parties)) AS p GROUP BY kind) s
JOIN (SELECT kind, count(DISTINCT p)::int AS n, array_agg(DISTINCT p ORDER BY p) AS set
	  FROM secpact.agreement, unnest(dyad_parties(parties)) AS p GROUP BY kind) r USING (kind);
-- NULLs are not parties; no rows: 0 and NULL, as count() and array_agg()
SELECT count_parties(p), party_set(p) FROM unnest('{NULL,BE,NULL,UA,BE}'::party[]) AS p;
SELECT count_parties(p), party_set(p) FROM unnest('{NULL,NULL}'::party[]) AS p;
SELECT count_parties(p), party_set(p) FROM unnest('{}'::party[]) AS p;
SELECT count_parties(d), party_set(d) FROM unnest('{NULL,BE-UA,UA-US}'::dyad[]) AS d;
SELECT count_parties(d), party_set(d) FROM unnest('{}'::dyad[]) AS d;
-- the first and last codes, and every party at once
SELECT count_parties(p), party_set(p) FROM unnest('{ZW,AD,AD,ZW}'::party[]) AS p;
SELECT count_parties(party) = count(*) AS every_party, party_set(party) = array_agg(party ORDER BY party) AS in_order
FROM parties();

-- In parallel: Partial Aggregate in the workers, combined above the Gather;
-- the same answers as count(DISTINCT), which cannot run in parallel.  Some
-- actors are NULL (past the end of the array), and are no parties.
CREATE TABLE analytics_events AS
SELECT i AS id, p.a[1 + abs(hashint4(i)) % 250] AS actor,
	   dyad(p.a[1 + x], p.a[1 + (x + 1 + abs(hashint4(-i)) % 249) % 250]) AS pair
FROM generate_series(1, 100000) AS i,
	 LATERAL (SELECT abs(hashint4(i + 1000000)) % 250 AS x) AS r,
	 (SELECT array_agg(party ORDER BY party) AS a FROM parties() WHERE alpha2(party) < 'T') AS p;
ANALYZE analytics_events;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF)
SELECT count_parties(actor), count_parties(pair), party_set(actor) FROM analytics_events;
EXPLAIN (COSTS OFF)
SELECT actor, count_parties(pair) FROM analytics_events GROUP BY actor;
CREATE TEMP TABLE parallel_answers AS
SELECT count_parties(actor) AS actors, count_parties(pair) AS involved, party_set(actor) AS actor_set,
	   party_set(pair) AS involved_set
FROM analytics_events WHERE id % 7 <> 0;
CREATE TEMP TABLE parallel_groups AS
SELECT actor, count_parties(pair) AS involved FROM analytics_events GROUP BY actor;
-- count(DISTINCT) in the same settings: one Aggregate over every row, never
-- split into partial ones (what runs below the Gather differs by major: 17
-- sorts in the workers under a Gather Merge)
SELECT count(*) FILTER (WHERE l ~ 'Partial Aggregate') AS partial_aggregates,
	   count(*) FILTER (WHERE btrim(l) = 'Aggregate') AS aggregates,
	   count(*) FILTER (WHERE l ~ '->  Gather') AS gathers,
	   (array_agg(btrim(l) ORDER BY n))[1] AS top
FROM pg_temp.plan_lines('SELECT count(DISTINCT actor) FROM analytics_events') WITH ORDINALITY AS p(l, n);
RESET parallel_leader_participation;
SET max_parallel_workers_per_gather = 0;
SELECT p.actors, p.actors = count(DISTINCT e.actor) AS actors_agree,
	   p.actor_set = array_agg(DISTINCT e.actor ORDER BY e.actor) FILTER (WHERE e.actor IS NOT NULL) AS actor_set_agrees,
	   p.involved = (SELECT count(DISTINCT x) FROM analytics_events e2, unnest(dyad_parties(e2.pair)) x
					 WHERE e2.id % 7 <> 0) AS involved_agree,
	   p.involved_set = (SELECT array_agg(DISTINCT x ORDER BY x) FROM analytics_events e2,
						 unnest(dyad_parties(e2.pair)) x WHERE e2.id % 7 <> 0) AS involved_set_agrees
FROM parallel_answers p, analytics_events e WHERE e.id % 7 <> 0
GROUP BY p.actors, p.actor_set, p.involved, p.involved_set;
SELECT count(*) AS groups, count(*) FILTER (WHERE g.involved = r.n) AS agreeing
FROM parallel_groups g
JOIN (SELECT actor, count(DISTINCT x)::int AS n FROM analytics_events, unnest(dyad_parties(pair)) x
	  GROUP BY actor) r USING (actor);
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE analytics_events;

--------------------------------------------------------------------------
-- signing_chart
--------------------------------------------------------------------------
CREATE FUNCTION pg_temp.svg_texts(doc text) RETURNS TABLE(n bigint, t text) LANGUAGE sql AS $$
SELECT row_number() OVER (), x.t
FROM XMLTABLE(XMLNAMESPACES('http://www.w3.org/2000/svg' AS s), '//s:text' PASSING (doc::xml)
			  COLUMNS t text PATH '.') AS x
$$;
-- The chart of the bundled data, as of a fixed date: well-formed, and the
-- document committed for the README is what it draws now
SELECT signing_chart('UA', as_of => '2025-06-30') AS ukraine \gset
\set committed `cat docs/ukraine-signing-chart.svg`
SELECT xml_is_well_formed_document(:'ukraine') AS well_formed,
	   :'ukraine' = :'committed' AS equals_docs_ukraine_signing_chart_svg,
	   length(:'ukraine') AS bytes;
-- its texts: title, subtitle, axes, and one label per day (ties share one)
SELECT t FROM pg_temp.svg_texts(:'ukraine') ORDER BY n;
-- one step per day with signings, one label line or more per step
SELECT (xpath('count(//s:circle)', d, '{{s,http://www.w3.org/2000/svg}}'))[1]::text AS steps,
	   (SELECT count(DISTINCT signed_on) FROM signing_order('UA')) AS signing_days
FROM (SELECT :'ukraine'::xml AS d) x;
-- the same day and kind again gives the same document; as_of NULL is today
SELECT signing_chart('UA', as_of => '2025-06-30') = :'ukraine' AS deterministic,
	   signing_chart('UA') = signing_chart('UA', NULL, CURRENT_DATE) AS null_as_of_is_today,
	   signing_chart('UA', 'security', '2025-06-30') <> :'ukraine' AS kind_in_subtitle;
-- as_of before the first signing, a hub with none, an unknown kind
SELECT t FROM pg_temp.svg_texts(signing_chart('UA', as_of => '2023-12-31')) WHERE t ~ 'partner|signings';
SELECT t FROM pg_temp.svg_texts(signing_chart('AQ', as_of => '2025-06-30')) WHERE t ~ 'partner|signings';
SELECT t FROM pg_temp.svg_texts(signing_chart('UA', 'no such kind', '2025-06-30')) WHERE t ~ 'partner';
SELECT signing_chart(NULL) IS NULL AS null_hub;
-- hand-made ties: a known order first, then a shared place
SELECT t FROM pg_temp.svg_texts(signing_chart('KE', 'an-ties', '2020-12-31')) WHERE n > 2 AND t ~ '[0-9](st|nd|rd|th)';
-- signing dates at the ends of the calendar are charted
SELECT xml_is_well_formed_document(signing_chart('KE', 'an-inf', '2025-06-30')) AS charted;

-- Text that is markup stays text: a kind, a title, a hub whose name has an
-- apostrophe (Côte d'Ivoire)
INSERT INTO secpact.agreement (id, parties, kind, signed_on) VALUES
	(910501, 'CI-GH', 'an-<&>"'' </text><script>', '2021-03-04'),
	(910502, 'CI-LR', 'an-<&>"'' </text><script>', '2021-03-04');
SELECT signing_chart('CI', 'an-<&>"'' </text><script>', '2021-12-31') AS hostile \gset
SELECT xml_is_well_formed_document(:'hostile') AS well_formed,
	   position('<script' IN :'hostile') = 0 AS no_script_element;
SELECT t FROM pg_temp.svg_texts(:'hostile') WHERE n <= 2 OR t ~ 'GH' ORDER BY n;
SELECT t FROM pg_temp.svg_texts(signing_chart_svg(E'tab\there\x01', 'ünïcödé €', NULL, '{2020-01-01}', '{"<b>"}', '{1}'))
WHERE n <= 2 OR t ~ 'b>';

-- 60 partners on a synthetic hub (ZW), many on the same days or on days
-- next to each other: every label line a label's height from the next
INSERT INTO secpact.agreement (parties, kind, signed_on)
SELECT dyad('ZW', p), 'an-sixty',
	   CASE WHEN i <= 8 THEN date '2024-03-01' WHEN i <= 13 THEN date '2024-03-02'
			WHEN i <= 30 THEN date '2024-04-01' + (i::int - 14) * 3
			WHEN i <= 40 THEN date '2024-06-01' + (i::int - 30)
			ELSE date '2024-09-01' + (i::int - 40) * 20 END
FROM (SELECT party AS p, row_number() OVER (ORDER BY party) AS i FROM parties() WHERE party <> 'ZW') s
WHERE i <= 60;
SELECT signing_chart('ZW', 'an-sixty', '2025-12-31') AS sixty \gset
CREATE TEMP TABLE sixty_labels AS
SELECT x.line, substring(x.transform FROM 'translate\(([-0-9.]+),')::numeric AS x
FROM XMLTABLE(XMLNAMESPACES('http://www.w3.org/2000/svg' AS s),
			  '//s:g[@class="signings"]//s:text' PASSING (:'sixty'::xml)
			  COLUMNS line text PATH '.', transform text PATH '@transform') AS x;
SELECT xml_is_well_formed_document(:'sixty') AS well_formed,
	   (SELECT count(*) FROM sixty_labels) AS label_lines,
	   (SELECT min(gap) FROM (SELECT x - lag(x) OVER (ORDER BY x) AS gap FROM sixty_labels) g) AS least_gap,
	   (SELECT count(*) FROM regexp_matches(:'sixty', '<circle', 'g')) AS steps,
	   (SELECT count(DISTINCT signed_on) FROM signing_order('ZW', 'an-sixty')) AS signing_days;
-- the same-day groups, one label each, wrapped into lines
SELECT line FROM sixty_labels ORDER BY x LIMIT 6;
-- every counterpart is named on some label line
SELECT count(*) AS counterparts,
	   count(*) FILTER (WHERE EXISTS (SELECT FROM sixty_labels l WHERE l.line ~ ('\m' || o.counterpart::text || '\M'))) AS labelled
FROM signing_order('ZW', 'an-sixty') o;

-- signing_chart_svg: the arrays and their errors, each with its SQLSTATE
SELECT xml_is_well_formed_document(signing_chart_svg(NULL, NULL, NULL, NULL, NULL, NULL)) AS empty_chart;
SELECT signing_chart_svg('t', 's', '2024-01-01', '{2024-01-01,2024-01-02}', '{BE}', '{1,2}');
\echo :LAST_ERROR_SQLSTATE
SELECT signing_chart_svg('t', 's', '2024-01-01', '{2024-01-01}', '{NULL}', '{1}');
\echo :LAST_ERROR_SQLSTATE
SELECT signing_chart_svg('t', 's', '2024-01-01', '{{2024-01-01}}', '{{BE}}', '{{1}}');
\echo :LAST_ERROR_SQLSTATE
SELECT signing_chart_svg('t', 's', '2024-01-01', '{infinity}', '{BE}', '{1}');
\echo :LAST_ERROR_SQLSTATE
SELECT signing_chart_svg('t', 's', 'infinity', '{2024-01-01}', '{BE}', '{1}');
\echo :LAST_ERROR_SQLSTATE
SELECT signing_chart_svg('t', 's', NULL, array_fill('2024-01-01'::date, '{10001}'),
						 array_fill('BE'::text, '{10001}'), array_fill(1, '{10001}'));
\echo :LAST_ERROR_SQLSTATE

--------------------------------------------------------------------------
-- The registry as the registry test left it
--------------------------------------------------------------------------
DELETE FROM secpact.agreement WHERE kind LIKE 'an-%';
SELECT count(*) = :agreements_before AS registry_as_found FROM secpact.agreement;
RESET client_min_messages;

-- dyad_years' years of a pair with both parties' codes in each (1.6): the
-- GDR until it ceased within 1990, Germany's COW code before and after, the
-- EU with none; from FROM and from a select list
SELECT * FROM secpact.dyad_year_codes('DD', 'DE', 1989, 1991);
SELECT * FROM secpact.dyad_year_codes('EU', 'US', 2000, 2000);
SELECT secpact.dyad_year_codes('US', 'GB', 1815, 1817);
SELECT count(*) AS strict FROM secpact.dyad_year_codes(NULL, 'DE', 1990, 1991);
SELECT count(*) AS years FROM secpact.dyad_year_codes('US', 'GB', 1, 9999);
SELECT * FROM secpact.dyad_year_codes('US', 'GB', 2000, 1999);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM secpact.dyad_year_codes('US', 'GB', 0, 1);
\echo :LAST_ERROR_SQLSTATE
SELECT * FROM secpact.dyad_year_codes('US', 'GB', 1, 10000);
\echo :LAST_ERROR_SQLSTATE
