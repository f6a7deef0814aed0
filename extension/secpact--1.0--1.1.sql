/* secpact--1.0--1.1.sql: update of secpact from 1.0 to 1.1 */

\echo Use "ALTER EXTENSION secpact UPDATE TO '1.1'" to load this file. \quit
