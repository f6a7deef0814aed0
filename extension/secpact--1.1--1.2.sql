-- secpact 1.1 -> 1.2.  Released install scripts are frozen: every change of
-- 1.2 is made here (and a fresh install of 1.2 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.2'" to load this file. \quit
