-- secpact 1.5 -> 1.6.  Released install scripts are frozen: every change of
-- 1.6 is made here (and a fresh install of 1.6 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.6'" to load this file. \quit
