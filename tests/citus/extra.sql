-- Agreements beside the bundled ones, for what the Ukraine file lacks:
-- entry into force, supersession, termination, pairs without Ukraine.
INSERT INTO secpact.agreement (id, parties, kind, signed_on, day_order, place, entry_into_force, expires_on, terminated_on, supersedes)
VALUES (9001, 'FR-DE', 'security', '1963-01-22', NULL, 'Paris', '1963-07-02', NULL, NULL, NULL),
	   (9002, 'FR-DE', 'security', '2019-01-22', NULL, 'Aachen', '2020-01-22', NULL, NULL, 9001),
	   (9003, 'FR-GB', 'defence', '2010-11-02', 1, 'London', '2011-07-01', NULL, '2028-01-01', NULL),
	   (9004, 'DE-PL', 'security', '1991-06-17', NULL, 'Bonn', '1992-01-16', '2031-01-16', NULL, NULL),
	   (9005, 'FR-PL', 'security', '2025-05-09', NULL, 'Nancy', NULL, NULL, NULL, NULL),
	   (9006, 'DE-GB', 'defence', '2024-10-23', 2, 'London', '2025-01-01', NULL, NULL, NULL),
	   (9007, 'FR-US', 'security', '2024-06-13', 1, NULL, NULL, NULL, NULL, NULL);
INSERT INTO secpact.signatory (agreement_id, party, name, title, parties)
VALUES (9001, 'FR', 'Charles de Gaulle', 'President', 'FR-DE'),
	   (9001, 'DE', 'Konrad Adenauer', 'Chancellor', 'FR-DE'),
	   (9002, 'FR', 'Emmanuel Macron', 'President', 'FR-DE');
