-- Loads data/nato.csv into the secpact registry: the North Atlantic Treaty
-- as one multilateral agreement, with the short names NATO and OTAN and a
-- membership row for each of its 32 members.  Run from the repository's top
-- folder: psql's \copy reads the file on the client side, so the server
-- never needs to see it.
CREATE TEMP TABLE nato_csv (party text, name text, signed_on date, bound_on date, source text);
\copy nato_csv FROM 'data/nato.csv' WITH (FORMAT csv, HEADER)

-- Three statements, not one with data-modifying CTEs: a membership's
-- trigger reads its agreement, which must already be there.
INSERT INTO secpact.agreement (multilateral, kind, title, signed_on, place, place_country,
							   entry_into_force, source, notes)
VALUES (true, 'alliance', 'North Atlantic Treaty', '1949-04-04', 'Washington', 'US', '1949-08-24',
		'https://www.nato.int/cps/en/natohq/topics_52044.htm',
		'members join by depositing an instrument of accession with the United States (Article 10)')
RETURNING id AS nato_agreement_id \gset
INSERT INTO secpact.agreement_name (agreement_id, name)
SELECT :nato_agreement_id, n FROM unnest('{NATO,OTAN}'::text[]) AS n;
INSERT INTO secpact.membership (agreement_id, party, signed_on, bound_on, source)
SELECT :nato_agreement_id, c.party::party, c.signed_on, c.bound_on, c.source
FROM nato_csv c;

DROP TABLE nato_csv;
