-- The Citus support of 1.3 as plain PostgreSQL sees it (the cluster itself
-- is tests/citus/run): distribute_registry refuses without Citus, the guard
-- lets every query through, in_force of a row of another row type answers
-- as in_force of the registry's, and the bytea state of count_parties and
-- party_set gives 1.2's results and refuses a state that is not one.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
\set VERBOSITY default
SELECT secpact.distribute_registry();
SELECT secpact.distribute_registry('sharded');
SELECT secpact.distribute_registry(NULL);
\set VERBOSITY terse
SELECT secpact.registry_guard();
SELECT secpact.registry_supersessions();

INSERT INTO secpact.agreement (id, parties, kind, signed_on, entry_into_force, expires_on, terminated_on, supersedes)
VALUES (801, 'FR-DE', 'security', '1963-01-22', '1963-07-02', NULL, NULL, NULL),
	   (802, 'FR-DE', 'security', '2019-01-22', '2020-01-22', NULL, NULL, 801),
	   (803, 'FR-GB', 'defence', '2010-11-02', NULL, NULL, '2028-01-01', NULL),
	   (804, 'DE-PL', 'security', '1991-06-17', '1992-01-16', '2031-01-16', NULL, NULL);
-- a table of the registry's columns, as a Citus shard is: the same answers
CREATE TEMP TABLE agreement_copy AS SELECT * FROM secpact.agreement WHERE id BETWEEN 801 AND 804;
SELECT c.id, d.on_date, in_force(c, d.on_date) AS copy, in_force(a, d.on_date) AS registry,
	   in_force(c, d.on_date) IS NOT DISTINCT FROM in_force(a, d.on_date) AS same
FROM agreement_copy c JOIN secpact.agreement a USING (id)
CROSS JOIN (VALUES (date '1950-01-01'), ('1970-01-01'), ('2025-01-01'), ('2030-01-01'), (NULL)) AS d(on_date)
ORDER BY 1, 2;
SELECT c.id, c.in_force IS NOT DISTINCT FROM a.in_force AS same_today
FROM agreement_copy c JOIN secpact.agreement a USING (id) ORDER BY 1;
-- a row without the registry's columns
SELECT in_force(ROW(1, 2), '2025-01-01');

-- the aggregates, with their bytea state
SELECT count_parties(parties), party_set(parties) FROM secpact.agreement WHERE id BETWEEN 801 AND 804;
SELECT count_parties(p), party_set(p) FROM (VALUES ('UA'::party), (NULL), ('UA'), ('EU')) v(p);
SELECT count_parties(p), party_set(p) FROM (SELECT NULL::party WHERE false) v(p);
SELECT count_parties(d), party_set(d) FROM (VALUES (NULL::dyad)) v(d);
SELECT kind, count_parties(parties) FROM secpact.agreement WHERE id BETWEEN 801 AND 804 GROUP BY kind ORDER BY kind;
-- the support functions called directly take only a state they made
SELECT party_set_bytes_count_final(party_set_bytes_add_party(NULL, 'UA'));
SELECT party_set_bytes_array_final(party_set_bytes_combine(party_set_bytes_add_party(NULL, 'UA'),
																 party_set_bytes_add_dyad(NULL, 'FR-DE')));
SELECT party_set_bytes_count_final('\x00'::bytea);
SELECT party_set_bytes_combine(party_set_bytes_add_party(NULL, 'UA'), '\xff'::bytea);
SELECT party_set_bytes_add_party(decode(repeat('ff', 117), 'hex'), 'UA');
SELECT party_set_bytes_count_final(NULL), party_set_bytes_array_final(NULL);
-- parallel partial states combine as before
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
CREATE TEMP TABLE many AS SELECT (array['UA', 'FR', 'DE', 'EU', 'US'])[1 + i % 5]::party AS p FROM generate_series(1, 20000) i;
SELECT count_parties(p), party_set(p) FROM many;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DELETE FROM secpact.agreement WHERE id BETWEEN 801 AND 804 AND supersedes IS NOT NULL;
DELETE FROM secpact.agreement WHERE id BETWEEN 801 AND 804;
