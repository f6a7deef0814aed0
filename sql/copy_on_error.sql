-- COPY ... (ON_ERROR ignore), PostgreSQL 17 and later: bad party and dyad
-- values skip their rows and the rest load.  On 15 and 16 there is nothing
-- to test; copy_on_error_1.out is that run.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
RESET client_min_messages;
SELECT current_setting('server_version_num')::int >= 170000 AS on_error \gset
\if :on_error
\else
\echo COPY ... (ON_ERROR ignore) needs PostgreSQL 17 or later
\quit
\endif

CREATE TABLE copy_on_error (p party, d dyad);
COPY copy_on_error FROM stdin WITH (ON_ERROR ignore);
BE	BE-UA
XX	BE-UA
UA	UA-UA
Belgium	ukr:bel
Belgum	DE-UA
US	XX-UA
DE	DE-UA
\.
SELECT * FROM copy_on_error ORDER BY p;
DROP TABLE copy_on_error;

