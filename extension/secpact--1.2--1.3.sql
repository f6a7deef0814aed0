-- secpact 1.2 -> 1.3.  Released install scripts are frozen: every change of
-- 1.3 is made here (and a fresh install of 1.3 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.3'" to load this file. \quit
