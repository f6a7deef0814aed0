-- secpact 1.3 -> 1.4.  Released install scripts are frozen: every change of
-- 1.4 is made here (and a fresh install of 1.4 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.4'" to load this file. \quit
