-- CREATE EXTENSION and DROP EXTENSION CASCADE roll back without a trace
SET client_min_messages = warning;
DROP EXTENSION secpact CASCADE;

-- catalog counts in psql variables, so that measuring creates nothing
SELECT (SELECT count(*) FROM pg_class) AS class, (SELECT count(*) FROM pg_type) AS type,
       (SELECT count(*) FROM pg_proc) AS proc, (SELECT count(*) FROM pg_operator) AS operator,
       (SELECT count(*) FROM pg_opclass) AS opclass, (SELECT count(*) FROM pg_namespace) AS namespace,
       (SELECT count(*) FROM pg_cast) AS cast, (SELECT count(*) FROM pg_depend) AS depend,
       (SELECT count(*) FROM pg_description) AS description \gset before_

BEGIN;
CREATE EXTENSION secpact;
SELECT 'UA'::party;
ROLLBACK;

SELECT count(*) AS extensions FROM pg_extension WHERE extname = 'secpact';
SELECT (SELECT count(*) FROM pg_class) = :before_class AS class,
       (SELECT count(*) FROM pg_type) = :before_type AS type,
       (SELECT count(*) FROM pg_proc) = :before_proc AS proc,
       (SELECT count(*) FROM pg_operator) = :before_operator AS operator,
       (SELECT count(*) FROM pg_opclass) = :before_opclass AS opclass,
       (SELECT count(*) FROM pg_namespace) = :before_namespace AS namespace,
       (SELECT count(*) FROM pg_cast) = :before_cast AS cast,
       (SELECT count(*) FROM pg_depend) = :before_depend AS depend,
       (SELECT count(*) FROM pg_description) = :before_description AS description;
SELECT 'UA'::party;

-- DROP EXTENSION ... CASCADE in a transaction that rolls back loses nothing
CREATE EXTENSION secpact;
CREATE TABLE kept (id int, p party);
INSERT INTO kept SELECT i, party FROM parties() WITH ORDINALITY AS t(party, a2, a3, n, name, org, i);
CREATE INDEX kept_p ON kept (p);
BEGIN;
DROP EXTENSION secpact CASCADE;
SELECT count(*) AS columns_of_type_party FROM pg_attribute WHERE attrelid = 'kept'::regclass AND attname = 'p' AND NOT attisdropped;
ROLLBACK;
SELECT count(*), min(p), max(p) FROM kept;
SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'kept'::regclass;
DROP TABLE kept;
RESET client_min_messages;
