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
