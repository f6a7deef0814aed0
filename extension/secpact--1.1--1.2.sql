-- secpact 1.1 -> 1.2.  Released install scripts are frozen: every change of
-- 1.2 is made here (and a fresh install of 1.2 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.2'" to load this file. \quit

--------------------------------------------------------------------------
-- Issue #12 (reliability): dates in the registry are finite, in years 1 to
-- 9999.  One infinity or 4714 BC in signed_on or entry_into_force made
-- signing_chart() and dyad_years() fail for every caller.  expires_on and
-- terminated_on are bounded below by signed_on already; 'infinity' stays
-- allowed there (never ends), which both functions handle.
--------------------------------------------------------------------------

-- Rows that break the new rules make the update fail, saying which: with
-- NOT VALID constraints they would stay, and a dump of them would not
-- restore into a fresh install, whose constraints are valid.
DO $$
DECLARE
	bad text;
BEGIN
	SELECT pg_catalog.string_agg(s.id::pg_catalog.text, ', ' ORDER BY s.id) INTO bad
	FROM (SELECT a.id FROM secpact.agreement a
		  WHERE a.signed_on OPERATOR(pg_catalog.<) '0001-01-01'::pg_catalog.date
			 OR a.signed_on OPERATOR(pg_catalog.>) '9999-12-31'::pg_catalog.date
			 OR a.entry_into_force OPERATOR(pg_catalog.<) '0001-01-01'::pg_catalog.date
			 OR a.entry_into_force OPERATOR(pg_catalog.>) '9999-12-31'::pg_catalog.date
		  ORDER BY a.id LIMIT 20) s;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'secpact 1.2 accepts signed_on and entry_into_force only in years 1 to 9999'
			USING ERRCODE = 'check_violation',
				  DETAIL = pg_catalog.format('Agreements with such a date (the first 20 by id): %s.', bad),
				  HINT = 'Correct those dates (NULL for an unknown entry into force) or delete the agreements, then run ALTER EXTENSION secpact UPDATE again.';
	END IF;
END
$$;

ALTER TABLE secpact.agreement
	ADD CONSTRAINT agreement_signed_on_in_years_1_to_9999
		CHECK (signed_on OPERATOR(pg_catalog.>=) '0001-01-01'::pg_catalog.date
			   AND signed_on OPERATOR(pg_catalog.<=) '9999-12-31'::pg_catalog.date),
	ADD CONSTRAINT agreement_entry_into_force_in_years_1_to_9999
		CHECK (entry_into_force OPERATOR(pg_catalog.>=) '0001-01-01'::pg_catalog.date
			   AND entry_into_force OPERATOR(pg_catalog.<=) '9999-12-31'::pg_catalog.date);
COMMENT ON CONSTRAINT agreement_signed_on_in_years_1_to_9999 ON secpact.agreement IS
	'signature is a finite date in years 1 to 9999, the years dyad_years() counts';
COMMENT ON CONSTRAINT agreement_entry_into_force_in_years_1_to_9999 ON secpact.agreement IS
	'entry into force is a finite date in years 1 to 9999 (NULL when unknown)';

-- Statistics that 1.1's ANALYZE wrote for a domain over dyad beside a
-- foreign type named party hold that type's = and an array of it filled
-- with two-byte parties: pg_stats crashes or fails on them.  1.2 never
-- writes such a slot and its estimators ignore one, but pg_stats would
-- still read it: remove the statistics of those columns (the next ANALYZE
-- gathers them again), with a warning.  Only a superuser may; others are
-- told to ANALYZE.
DO $$
DECLARE
	party_eq pg_catalog.oid := '@extschema@.=(@extschema@.party, @extschema@.party)'::pg_catalog.regoperator;
	analyze_fn pg_catalog.oid := '@extschema@.dyad_typanalyze(internal)'::pg_catalog.regprocedure;
	removed pg_catalog.int8;
BEGIN
	IF NOT pg_catalog.has_table_privilege('pg_catalog.pg_statistic', 'DELETE') THEN
		RAISE WARNING 'statistics of dyad columns gathered before 1.2 are not checked'
			USING HINT = 'ANALYZE tables with columns of domains over dyad again.';
		RETURN;
	END IF;
	DELETE FROM pg_catalog.pg_statistic s
	USING pg_catalog.pg_attribute a, pg_catalog.pg_type t
	WHERE a.attrelid OPERATOR(pg_catalog.=) s.starelid
	  AND a.attnum OPERATOR(pg_catalog.=) s.staattnum
	  AND t.oid OPERATOR(pg_catalog.=) a.atttypid
	  AND t.typanalyze OPERATOR(pg_catalog.=) analyze_fn
	  AND ((s.stakind1 OPERATOR(pg_catalog.=) 4 AND s.staop1 OPERATOR(pg_catalog.<>) party_eq)
		OR (s.stakind2 OPERATOR(pg_catalog.=) 4 AND s.staop2 OPERATOR(pg_catalog.<>) party_eq)
		OR (s.stakind3 OPERATOR(pg_catalog.=) 4 AND s.staop3 OPERATOR(pg_catalog.<>) party_eq)
		OR (s.stakind4 OPERATOR(pg_catalog.=) 4 AND s.staop4 OPERATOR(pg_catalog.<>) party_eq)
		OR (s.stakind5 OPERATOR(pg_catalog.=) 4 AND s.staop5 OPERATOR(pg_catalog.<>) party_eq));
	GET DIAGNOSTICS removed = ROW_COUNT;
	IF removed OPERATOR(pg_catalog.>) 0 THEN
		RAISE WARNING 'removed % rows of statistics of dyad columns gathered beside a foreign type named party', removed
			USING HINT = 'ANALYZE those tables again.';
	END IF;
END
$$;
