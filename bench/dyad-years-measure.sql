-- One measurement of bench/dyad-years: psql variables case, impl and query.
-- Each step is a statement of its own, so that the backend reports its
-- statistics between them: the temporary bytes are this database's
-- temp_bytes before and after, flushed.
SELECT pg_stat_force_next_flush() \gset
SELECT temp_bytes AS temp0 FROM pg_stat_database WHERE datname = current_database() \gset
SELECT clock_timestamp() AS clock0 \gset
SELECT count(*) AS n FROM (:query) q \gset
SELECT round(extract(epoch FROM clock_timestamp() - :'clock0'::timestamptz)::numeric * 1000, 1) AS ms \gset
SELECT pg_stat_force_next_flush() \gset
SELECT temp_bytes AS temp1 FROM pg_stat_database WHERE datname = current_database() \gset
INSERT INTO bench_dy.result VALUES (:'case', :'impl', :n, :ms, round((:temp1 - :temp0) / 1048576.0, 1));
