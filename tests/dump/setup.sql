-- A database with secpact types in user tables and rows in the registry.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION secpact;
\i data/load-ukraine.sql
INSERT INTO secpact.agreement (parties, kind, signed_on, entry_into_force, supersedes)
SELECT 'UA-GB', 'partnership', '2025-01-16', NULL, NULL;
-- an agreement stored before the one it supersedes: the dump's COPY meets
-- the reference before the row it points to
INSERT INTO secpact.agreement (id, parties, kind, signed_on) VALUES (60000, 'UA-PL', 'old', '2000-01-01');
INSERT INTO secpact.agreement (id, parties, kind, signed_on, supersedes) VALUES (50000, 'UA-PL', 'new', '2001-01-01', 60000);
UPDATE secpact.agreement SET title = 'moved to the end of the heap' WHERE id = 60000;
INSERT INTO secpact.signatory VALUES (50000, 'PL', 'Jerzy Buzek', 'Prime Minister');
-- a chain of three, stored newest first after two UPDATEs: 70003 supersedes
-- 70002, which supersedes 70001; each with its signatories
INSERT INTO secpact.agreement (id, parties, kind, signed_on) VALUES (70001, 'UA-NO', 'chain', '2010-01-01');
INSERT INTO secpact.agreement (id, parties, kind, signed_on, supersedes) VALUES (70002, 'UA-NO', 'chain', '2011-01-01', 70001);
INSERT INTO secpact.agreement (id, parties, kind, signed_on, supersedes) VALUES (70003, 'UA-NO', 'chain', '2012-01-01', 70002);
UPDATE secpact.agreement SET title = 'first of the chain' WHERE id = 70001;
UPDATE secpact.agreement SET title = 'second of the chain' WHERE id = 70002;
INSERT INTO secpact.signatory (agreement_id, party, name)
SELECT id, p, 'Signatory ' || p || ' ' || id FROM secpact.agreement, unnest('{UA,NO}'::party[]) p
WHERE kind = 'chain';
-- a multilateral agreement: memberships (one member left and rejoined) and
-- short names, whose trigger reads the agreement during the restore too
\i data/load-nato.sql
INSERT INTO secpact.membership (agreement_id, party, bound_on, left_on)
SELECT agreement_id, 'IS', '1940-01-01', '1945-01-01' FROM secpact.agreement_name WHERE name = 'NATO';

CREATE TABLE user_events (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	actor party NOT NULL,
	target party,
	pair dyad,
	happened date
);
INSERT INTO user_events (actor, target, pair, happened)
SELECT a, b, CASE WHEN a <> b THEN dyad(a, b) END, date '2000-01-01' + i % 9000
FROM generate_series(1, 20000) AS i,
	 LATERAL (SELECT (array_agg(party ORDER BY party))[1 + i % 250] AS a,
					 (array_agg(party ORDER BY party))[1 + (i * 31) % 250] AS b
			  FROM parties()) p;
CREATE INDEX ON user_events (actor);
CREATE INDEX ON user_events USING hash (target);
CREATE INDEX ON user_events USING gin (pair);
CREATE INDEX ON user_events (pair);

CREATE TABLE user_partitioned (p party, d dyad, n int) PARTITION BY HASH (p);
CREATE TABLE user_partitioned_0 PARTITION OF user_partitioned FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE user_partitioned_1 PARTITION OF user_partitioned FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE user_partitioned_2 PARTITION OF user_partitioned FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO user_partitioned SELECT actor, pair, id FROM user_events WHERE pair IS NOT NULL;

CREATE TABLE user_arrays (id int, members party[], pairs dyad[]);
INSERT INTO user_arrays VALUES (1, '{UA,BE,EU}', '{UA-BE,EU-UA}'), (2, '{}', NULL);
CREATE VIEW user_view AS SELECT actor, count(*) FROM user_events GROUP BY actor;

-- former and non-ISO parties (issue #14): every one, in tables, arrays,
-- hash partitions and the registry
CREATE TABLE user_historical (id int, p party, d dyad, ps party[]);
INSERT INTO user_historical
SELECT row_number() OVER (ORDER BY a.party), a.party, dyad(a.party, 'US'), ARRAY[a.party, 'DE']
FROM parties(include_former => true) a WHERE a.party <> 'US';
CREATE INDEX ON user_historical (d);
INSERT INTO user_partitioned SELECT p, d, 100000 + id FROM user_historical;
INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force) VALUES
	(71001, 'SU-DD', 'historical', '1955-09-20', '1955-10-06'),
	(71002, '#BAV-#AUH', 'historical', '1866-06-14', '1866-06-14'),
	(71003, 'CSXX-YUCS', 'historical', '2003-02-04', NULL);
-- partial dates (1.3): a date known to the year, the month or the day
-- beside its precision, in the registry and a membership; the CHECKs that
-- compare periods must accept every row on restore
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision, entry_into_force,
							   entry_into_force_precision, expires_on, expires_on_precision) VALUES
	(72001, 'UA-FR', 'partial', '1997-06-01', 'month', '1997-01-01', 'year', '2007-06-01', 'month'),
	(72002, 'UA-DE', 'partial', '1997-06-15', 'day', '1997-01-01', 'year', NULL, 'day'),
	(72003, 'UA-PL', 'partial', '1997-01-01', 'year', NULL, 'day', 'infinity', 'day');
INSERT INTO secpact.agreement (id, multilateral, kind, title, signed_on, signed_on_precision)
VALUES (72010, true, 'partial-multi', 'A Partial Pact', '1990-01-01', 'year');
INSERT INTO secpact.membership (agreement_id, party, signed_on, signed_on_precision, bound_on, bound_on_precision,
								left_on, left_on_precision) VALUES
	(72010, 'KE', '1990-01-01', 'year', '1990-06-01', 'month', '2000-01-01', 'year'),
	(72010, 'UG', '1990-03-01', 'month', '1990-03-01', 'month', NULL, 'day');

-- obligations and sources (issue #16): rows in every table 1.3 adds
INSERT INTO secpact.source (name, observed_from, observed_to, citation)
VALUES ('dump window', '1815-01-01', '2018-12-31', 'made up for the dump suite');
CREATE TABLE user_atop (atopid int, member int, yrent int, moent int, dayent int, yrexit int, moexit int,
						dayexit int, phase int, bilat int, defense int, offense int, neutral int, nonagg int, consul int);
INSERT INTO user_atop VALUES
	(9001, 2, 2008, 3, 15, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1),
	(9001, 200, 2008, 3, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1),
	(9001, 220, 2008, 0, 0, 2012, 0, 0, 1, 0, 0, 0, 0, 1, 0),
	(9002, 365, 1921, 0, 0, 1924, 6, 30, 1, 1, 1, 0, 0, 0, 0),
	(9002, 710, 1921, 0, 0, 1924, 6, 30, 1, 1, 0, 0, 0, 1, 0);
SELECT count(*) FILTER (WHERE loaded) AS atop_loaded FROM secpact.load_atop('user_atop', 'dump window');
INSERT INTO secpact.obligation (agreement_id, party, obligation, towards) VALUES (71001, 'SU', 'defense', 'DD');
INSERT INTO secpact.agreement_source (agreement_id, source_name) VALUES (71003, 'dump window');
