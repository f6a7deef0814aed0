-- Migrating existing text columns of codes to secpact types
CREATE TABLE legacy_treaties (
	id int PRIMARY KEY,
	hub text,
	partner text,
	signed date
);
INSERT INTO legacy_treaties VALUES
	(1, 'UA', 'GB', '2024-01-12'),
	(2, 'UKR', 'Germany', '2024-02-16'),
	(3, 'ukraine', '250', '2024-02-16'),
	(4, 'UA', 'UK', '2024-02-23'),          -- not an ISO 3166-1 code
	(5, 'UA', 'Belgum', '2024-05-28'),      -- a typo
	(6, 'UA', NULL, '2024-06-27'),
	(7, '804', ' eu ', '2024-06-27');

-- A conversion that would fail stops at the first bad row and changes nothing
ALTER TABLE legacy_treaties ALTER COLUMN partner TYPE party USING partner::party;
SELECT pg_typeof(partner) FROM legacy_treaties LIMIT 1;

-- try_party finds every row that would fail, first
SELECT id, partner, try_party(partner)
FROM legacy_treaties
WHERE partner IS NOT NULL AND try_party(partner) IS NULL
ORDER BY id;

-- fix them, then convert
UPDATE legacy_treaties SET partner = 'GB' WHERE id = 4;
UPDATE legacy_treaties SET partner = 'Belgium' WHERE id = 5;
ALTER TABLE legacy_treaties
	ALTER COLUMN hub TYPE party USING hub::party,
	ALTER COLUMN partner TYPE party USING partner::party;
SELECT * FROM legacy_treaties ORDER BY id;
SELECT pg_typeof(hub), pg_typeof(partner) FROM legacy_treaties LIMIT 1;

-- and back to text, as alpha-2 codes
ALTER TABLE legacy_treaties ALTER COLUMN partner TYPE text;
SELECT id, partner FROM legacy_treaties ORDER BY id;

-- varchar columns convert too (through text)
CREATE TABLE legacy_varchar (code varchar(3));
INSERT INTO legacy_varchar VALUES ('BEL'), ('UKR');
ALTER TABLE legacy_varchar ALTER COLUMN code TYPE party USING code::text::party;
SELECT code FROM legacy_varchar ORDER BY code;
DROP TABLE legacy_treaties, legacy_varchar;

-- Pairs: a text column of "A-B" codes, and two text columns, become dyads
CREATE TABLE legacy_pairs (id int PRIMARY KEY, pair text, side_a text, side_b text);
INSERT INTO legacy_pairs VALUES
	(1, 'UA-BE', 'UA', 'Belgium'),
	(2, 'bel:ukr', 'BEL', 'UKR'),
	(3, 'UA/UK', 'UA', 'UK'),            -- UK is not a code
	(4, 'FR-FR', 'FR', 'France'),        -- the same party twice
	(5, NULL, 'US', NULL);
-- find what would fail first: try_dyad for the text pairs, try_party for the sides
SELECT id, pair, try_dyad(pair) FROM legacy_pairs
WHERE pair IS NOT NULL AND try_dyad(pair) IS NULL ORDER BY id;
SELECT id, side_a, side_b FROM legacy_pairs
WHERE (side_a IS NOT NULL AND try_party(side_a) IS NULL)
   OR (side_b IS NOT NULL AND try_party(side_b) IS NULL)
   OR try_party(side_a) = try_party(side_b)
ORDER BY id;
ALTER TABLE legacy_pairs ALTER COLUMN pair TYPE dyad USING pair::dyad;
UPDATE legacy_pairs SET pair = 'UA-GB', side_b = 'GB' WHERE id = 3;
UPDATE legacy_pairs SET pair = NULL, side_b = NULL WHERE id = 4;
ALTER TABLE legacy_pairs ALTER COLUMN pair TYPE dyad USING pair::dyad;
-- two sides become one unordered pair, in whichever order they were written
ALTER TABLE legacy_pairs ADD COLUMN sides dyad;
UPDATE legacy_pairs SET sides = dyad(side_a::party, side_b::party) WHERE side_b IS NOT NULL;
SELECT id, pair, sides, pair = sides AS same FROM legacy_pairs ORDER BY id;
DROP TABLE legacy_pairs;
