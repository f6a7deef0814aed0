-- bench/sizes.sql: the size of every shape's table and indexes, into bench.size.
\set ON_ERROR_STOP 1
INSERT INTO bench.size
SELECT CASE WHEN c.relkind = 'r' THEN 'table'
			WHEN c.relname IN ('agreement_parties', 'agreement_higher_party', 'agreement_party_a', 'agreement_party_b', 'agreement_pair')
				THEN 'lookup index'
			ELSE 'other index' END,
	   CASE n.nspname WHEN 'secpact' THEN 'secpact' ELSE n.nspname END,
	   n.nspname || '.' || c.relname, pg_relation_size(c.oid)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN ('secpact', 'plain_c', 'plain_en', 'floor', 'floor_bt')
  AND (c.relname = 'agreement' OR c.oid IN (SELECT indexrelid FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
										   WHERE t.relname = 'agreement'));
