-- secpact 1.2 -> 1.3.  Released install scripts are frozen: every change of
-- 1.3 is made here (and a fresh install of 1.3 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.3'" to load this file. \quit

-- ==== perf (issue #21): a second access path for "involving a party" ====
-- A btree on the higher party beside agreement_parties: with both, the
-- planner reads parties @> 'SL' as two contiguous ranges (the dyads where SL
-- is the lower party in agreement_parties, those where it is the higher one
-- here) in place of one descent per dyad that involves SL (dyad_support.c).
CREATE INDEX agreement_higher_party ON secpact.agreement (@extschema@.second_party(parties));
COMMENT ON INDEX secpact.agreement_higher_party IS
	'the higher party of each bilateral agreement: with agreement_parties, @> and <@ on a constant party as two index ranges';
