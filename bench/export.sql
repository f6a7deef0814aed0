-- bench/export.sql: writes bench_gen.agreement as CSV chunks, one file per
-- chunk and shape, into :dir (read by the server, which writes them).
--   psql -v dir=/path -v chunks=10 -f bench/export.sql
-- Chunk 0 is the first 1% of the rows (the loads' warm-up); chunks 1 to
-- :chunks share the rest.  Each shape's file holds the same rows:
--   secpact_K.csv  parties as one field, "UA-BE" (either order, as written)
--   plain_K.csv    the two parties as two fields
--   floor_K.csv    parties as the int4 a dyad stores, (lower << 16) | higher,
--                  and place_country as the int2 a party stores
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT set_config('bench.dir', :'dir', false) AS ignored \gset

CREATE FUNCTION pg_temp.code(c text) RETURNS int LANGUAGE sql IMMUTABLE STRICT
	AS $$ SELECT ascii(c) * 256 + ascii(substr(c, 2)) $$;

SELECT count(*) AS total FROM bench_gen.agreement \gset
CREATE TEMP TABLE chunk AS
SELECT 0 AS k, 1::bigint AS lo, greatest(1, :total / 100)::bigint AS hi
UNION ALL
SELECT k, s + (k - 1) * ((:total - s) / :chunks) + 1,
	   CASE WHEN k = :chunks THEN :total ELSE s + k * ((:total - s) / :chunks) END
FROM generate_series(1, :chunks) AS k, (SELECT greatest(1, :total / 100)::bigint AS s) w;

DO $$
DECLARE
	c record;
	dir text := current_setting('bench.dir');
BEGIN
	FOR c IN SELECT * FROM chunk ORDER BY k LOOP
		EXECUTE format($q$COPY (SELECT id, party_a || '-' || party_b, kind, title, signed_on, day_order, place,
				place_country, entry_into_force, expires_on, terminated_on, supersedes, framework, source, notes, entry_into_force_precision
			FROM bench_gen.agreement WHERE id BETWEEN %s AND %s ORDER BY id) TO %L WITH (FORMAT csv)$q$,
			c.lo, c.hi, dir || '/secpact_' || c.k || '.csv');
		EXECUTE format($q$COPY (SELECT id, party_a, party_b, kind, title, signed_on, day_order, place,
				place_country, entry_into_force, expires_on, terminated_on, supersedes, framework, source, notes, entry_into_force_precision
			FROM bench_gen.agreement WHERE id BETWEEN %s AND %s ORDER BY id) TO %L WITH (FORMAT csv)$q$,
			c.lo, c.hi, dir || '/plain_' || c.k || '.csv');
		EXECUTE format($q$COPY (SELECT id,
				least(pg_temp.code(party_a), pg_temp.code(party_b)) * 65536 + greatest(pg_temp.code(party_a), pg_temp.code(party_b)),
				kind, title, signed_on, day_order, place, pg_temp.code(place_country), entry_into_force,
				expires_on, terminated_on, supersedes, framework, source, notes, entry_into_force_precision
			FROM bench_gen.agreement WHERE id BETWEEN %s AND %s ORDER BY id) TO %L WITH (FORMAT csv)$q$,
			c.lo, c.hi, dir || '/floor_' || c.k || '.csv');
	END LOOP;
END $$;
COPY (SELECT k, lo, hi, hi - lo + 1 AS rows FROM chunk ORDER BY k) TO STDOUT;
