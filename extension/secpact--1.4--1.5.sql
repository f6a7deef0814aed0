-- secpact 1.4 -> 1.5.  Released install scripts are frozen: every change of
-- 1.5 is made here (and a fresh install of 1.5 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.5'" to load this file. \quit
