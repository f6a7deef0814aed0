-- Signings known to the month or year (1.3's precisions), loaded after
-- extra.sql where the registry is 1.3 or later: the first signing of a pair
-- is then not the earliest day alone.  FR-IT: the year 1951 (first day
-- 1951-01-01) and 1951-03-01, so FR signed with IT by 1951-03-01, surely
-- before FR-ES on 1951-06-01.  DE-IT: 1955-01 (the month) and 1955-01-01
-- (the day), which comes first: same first day, the shorter span.
INSERT INTO secpact.agreement (id, parties, kind, signed_on, signed_on_precision, place)
VALUES (9101, 'FR-IT', 'security', '1951-01-01', 'year', 'Paris'),
	   (9102, 'FR-IT', 'security', '1951-03-01', 'day', 'Rome'),
	   (9103, 'FR-ES', 'security', '1951-06-01', 'day', 'Madrid'),
	   (9104, 'DE-IT', 'defence', '1955-01-01', 'month', 'Bonn'),
	   (9105, 'DE-IT', 'defence', '1955-01-01', 'day', 'Rome'),
	   (9106, 'DE-IT', 'security', '1955-02-01', 'day', 'Bonn');
-- A kind compared case-insensitively (a nondeterministic collation).
CREATE COLLATION IF NOT EXISTS secpact_test_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
