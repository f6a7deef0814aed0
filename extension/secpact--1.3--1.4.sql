-- secpact 1.3 -> 1.4.  Released install scripts are frozen: every change of
-- 1.4 is made here (and a fresh install of 1.4 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.4'" to load this file. \quit

--------------------------------------------------------------------------
-- Citus (#17): a worker whose registry is still local (the coordinator
-- never ran secpact.distribute_registry) holds none of the agreements, so
-- every reader of the registry there says so instead of answering from an
-- empty table.  The C readers (signing_order(s), signing_timelines,
-- superseded and so in_force, accession_order) call the guard themselves;
-- these SQL and PL/pgSQL entry points call it once a statement, through an
-- uncorrelated subquery PostgreSQL runs once, before any row.  The views
-- partner_counts and membership_dyads read membership_pairs().
--------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION secpact.membership_pairs()
	RETURNS TABLE(agreement_id bigint, kind text, parties @extschema@.dyad, signed_on date, place text,
				  starts date, ends date, first_membership bigint, second_membership bigint)
	LANGUAGE sql STABLE PARALLEL SAFE ROWS 1000
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT a.id AS agreement_id,
	   a.kind,
	   @extschema@.dyad(m1.party, m2.party) AS parties,
	   GREATEST(COALESCE(m1.signed_on, m1.bound_on),
						   COALESCE(m2.signed_on, m2.bound_on)) AS signed_on,
	   a.place,
	   GREATEST(COALESCE(m1.bound_on, m1.signed_on),
						   COALESCE(m2.bound_on, m2.signed_on)) AS starts,
	   LEAST(m1.left_on, m2.left_on) AS ends,
	   m1.id AS first_membership,
	   m2.id AS second_membership
FROM secpact.agreement a
JOIN secpact.readable_membership() m1 ON m1.agreement_id OPERATOR(pg_catalog.=) a.id
JOIN secpact.readable_membership() m2 ON m2.agreement_id OPERATOR(pg_catalog.=) a.id
						  AND m1.party OPERATOR(@extschema@.<) m2.party
WHERE a.multilateral
  AND (m1.left_on IS NULL OR m1.left_on OPERATOR(pg_catalog.>) COALESCE(m2.bound_on, m2.signed_on))
  AND (m2.left_on IS NULL OR m2.left_on OPERATOR(pg_catalog.>) COALESCE(m1.bound_on, m1.signed_on))
  AND (SELECT secpact.registry_guard())
$$;

CREATE OR REPLACE FUNCTION @extschema@.dyad_years(first_year integer DEFAULT NULL, last_year integer DEFAULT NULL,
												  kind text DEFAULT NULL, obligation text DEFAULT NULL,
												  directed boolean DEFAULT false)
	RETURNS TABLE(dyad text, party_a text, party_b text, year integer, agreements integer,
				  cow_code_a integer, cow_code_b integer, gw_code_a integer, gw_code_b integer,
				  left_censored boolean, entry_assumed boolean)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT * FROM secpact.dyad_year_rows($1, $2, $3, $4, $5) WHERE (SELECT secpact.registry_guard())
$$;

-- 1.2's, with the guard first (in the declarations, on the line of ids, so
-- that the errors' PL/pgSQL line numbers stay 1.2's): a worker's empty
-- local registry would say that no agreement has the name.
CREATE OR REPLACE FUNCTION @extschema@.agreement_named(name text) RETURNS bigint
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ids bigint[]; guarded boolean := secpact.registry_guard();
BEGIN
	SELECT array_agg(n.agreement_id ORDER BY n.agreement_id) INTO ids FROM secpact.agreement_name n
	WHERE lower(n.name) = lower(agreement_named.name);
	IF ids IS NULL THEN
		SELECT array_agg(a.id ORDER BY a.id) INTO ids FROM secpact.agreement a
		WHERE lower(a.title) = lower(agreement_named.name);
	END IF;
	IF ids IS NULL THEN
		RAISE EXCEPTION 'no agreement is named "%"', agreement_named.name
			USING ERRCODE = 'undefined_object',
				  HINT = 'Name an agreement by a short name (secpact.agreement_name) or its title, or pass its id.';
	END IF;
	IF cardinality(ids) > 1 THEN
		RAISE EXCEPTION 'agreement name "%" is ambiguous', agreement_named.name
			USING ERRCODE = 'ambiguous_parameter',
				  DETAIL = format('Agreements %s have that title.', array_to_string(ids, ', ')),
				  HINT = 'Pass the id of the agreement, or give it a short name in secpact.agreement_name.';
	END IF;
	RETURN ids[1];
END
$$;

-- 1.2's; an id the worker's empty local registry lacks gave no chart.
CREATE OR REPLACE FUNCTION @extschema@.accession_chart(agreement bigint, by text DEFAULT 'joined', as_of date DEFAULT NULL)
	RETURNS text
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
SELECT @extschema@.signing_chart_svg(
		   format('%s: members in the order of accession',
				  coalesce(a.title, format('agreement %s', a.id))),
		   format('by date %s', coalesce($2, 'joined')),
		   coalesce($3, CURRENT_DATE),
		   coalesce(array_agg(o.on_date ORDER BY o."position", o.party), '{}'),
		   coalesce(array_agg(@extschema@.alpha2(o.party) ORDER BY o."position", o.party), '{}'),
		   coalesce(array_agg(o."position" ORDER BY o."position", o.party), '{}'))
FROM secpact.agreement a
LEFT JOIN @extschema@.accession_order(a.id, coalesce($2, 'joined')) o
	   ON $3 IS NULL OR o.on_date OPERATOR(pg_catalog.<=) $3
WHERE a.id OPERATOR(pg_catalog.=) $1
  AND (SELECT secpact.registry_guard())
GROUP BY a.id, a.title
$$;
-- Performance (issue #21): accession_orders, every multilateral
-- agreement's accession order from one scan (membership.c)
--------------------------------------------------------------------------
CREATE FUNCTION @extschema@.accession_orders(by text DEFAULT 'joined')
	RETURNS TABLE(agreement bigint, "position" int, party @extschema@.party, party_name text,
				  on_date date, ordinal text, shared boolean)
	AS 'MODULE_PATHNAME', 'accession_orders'
	LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 1000
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION @extschema@.accession_orders(text) IS
	'accession_order of every multilateral agreement the caller sees, with the agreement''s id, from one scan of the memberships';

--------------------------------------------------------------------------
-- Performance (issue #21): date_fits_precision in C (partial_date.c), the
-- same answers; the registry's CHECK constraints call it four times a row
--------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.date_fits_precision(d date, p @extschema@.date_precision)
	RETURNS boolean
	AS 'MODULE_PATHNAME', 'date_fits_precision'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.date_fits_precision(date, @extschema@.date_precision) IS
	'whether a date is the first day of its period at the given precision (NULL counts as fitting; an infinite date only at day precision)';

--------------------------------------------------------------------------
-- House in order (issue #18): distribute_registry reads as the list of its
-- steps, each a helper below (a pure move of 1.3's body: the same checks,
-- errors, notice and DDL, in the same order).  The helpers take the
-- default privileges, as distribute_registry does; only it calls them.
--------------------------------------------------------------------------

-- The refusals before anything is read: a bad argument, no Citus, or a
-- node other than the coordinator.
CREATE FUNCTION secpact.distribute_registry_refusals(how text) RETURNS void
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF how IS NULL OR how NOT IN ('distributed', 'reference') THEN
		RAISE EXCEPTION 'invalid way of distributing the registry: %', coalesce(pg_catalog.quote_literal(how), 'NULL')
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use ''distributed'' (by parties, every registry table co-located) or ''reference'' (a copy on every node).';
	END IF;
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'citus') THEN
		RAISE EXCEPTION 'secpact.distribute_registry needs Citus'
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'The extension citus is not installed in this database.',
				  HINT = 'On plain PostgreSQL the registry needs no distribution; on a Citus cluster, run CREATE EXTENSION citus and add the workers first.';
	END IF;
	IF (SELECT g.groupid FROM pg_catalog.pg_dist_local_group g) OPERATOR(pg_catalog.<>) 0 THEN
		RAISE EXCEPTION 'secpact.distribute_registry runs on the Citus coordinator'
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Connect to the coordinator and run it there.';
	END IF;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_refusals(text) IS
	'step of distribute_registry: refuses a bad argument, a database without Citus and a node other than the coordinator';

-- NULL while the registry is local; the answer when it is already a Citus
-- table of the kind asked for; an error when it is one of the other kind.
CREATE FUNCTION secpact.distribute_registry_already(how text) RETURNS text
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	current "char";
BEGIN
	SELECT p.partmethod INTO current FROM pg_catalog.pg_dist_partition p
	WHERE p.logicalrelid OPERATOR(pg_catalog.=) 'secpact.agreement'::pg_catalog.regclass;
	IF FOUND THEN
		IF (current OPERATOR(pg_catalog.=) 'h' AND how OPERATOR(pg_catalog.=) 'distributed')
		   OR (current OPERATOR(pg_catalog.=) 'n' AND how OPERATOR(pg_catalog.=) 'reference') THEN
			RETURN pg_catalog.format('the registry is already %s', how);
		END IF;
		RAISE EXCEPTION 'the registry is already a Citus table, not %', how
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Undistribute its tables with undistribute_table() first (the referencing ones before secpact.agreement).';
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_already(text) IS
	'step of distribute_registry: NULL while the registry is local, its answer when already distributed as asked, else an error';

-- The registry's tables besides secpact.agreement, from the catalog: the
-- extension's own members only, so that nobody can plant one among them.
-- colocated (with the column that carries the parties) and referenced_only
-- refer to an agreement; lookups are what those refer to that refers to no
-- agreement (the data sources of 1.3): reference tables, whichever the
-- kind, since a Citus table may only refer to Citus tables.
CREATE FUNCTION secpact.distribute_registry_tables(OUT colocated pg_catalog.regclass[],
												   OUT colocated_col pg_catalog.name[],
												   OUT referenced_only pg_catalog.regclass[],
												   OUT lookups pg_catalog.regclass[])
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ext pg_catalog.oid;
	registry pg_catalog.regclass := 'secpact.agreement'::pg_catalog.regclass;
	parties_att pg_catalog.int2;
	rec record;
	tables pg_catalog.regclass[];
BEGIN
	colocated := '{}';
	colocated_col := '{}';
	referenced_only := '{}';
	lookups := '{}';
	SELECT e.oid INTO ext FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'secpact';
	SELECT a.attnum INTO parties_att FROM pg_catalog.pg_attribute a
	WHERE a.attrelid OPERATOR(pg_catalog.=) registry AND a.attname OPERATOR(pg_catalog.=) 'parties';
	FOR rec IN
		SELECT DISTINCT c.conrelid::pg_catalog.regclass AS tab,
			   (SELECT a.attname FROM pg_catalog.pg_constraint k
				CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(k.conkey), pg_catalog.unnest(k.confkey)) AS u(src, dst)
				JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) k.conrelid
											   AND a.attnum OPERATOR(pg_catalog.=) u.src
				WHERE k.conrelid OPERATOR(pg_catalog.=) c.conrelid
				  AND k.confrelid OPERATOR(pg_catalog.=) registry AND k.contype OPERATOR(pg_catalog.=) 'f'
				  AND u.dst OPERATOR(pg_catalog.=) parties_att
				ORDER BY k.conname LIMIT 1) AS col
		FROM pg_catalog.pg_constraint c
		JOIN pg_catalog.pg_depend d ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
									AND d.objid OPERATOR(pg_catalog.=) c.conrelid
									AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
									AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'
		WHERE c.contype OPERATOR(pg_catalog.=) 'f' AND c.confrelid OPERATOR(pg_catalog.=) registry
		  AND c.conrelid OPERATOR(pg_catalog.<>) registry
		ORDER BY 1
	LOOP
		IF rec.col IS NOT NULL THEN
			colocated := colocated OPERATOR(pg_catalog.||) rec.tab;
			colocated_col := colocated_col OPERATOR(pg_catalog.||) rec.col;
		ELSE
			referenced_only := referenced_only OPERATOR(pg_catalog.||) rec.tab;
		END IF;
	END LOOP;
	tables := ARRAY[registry] OPERATOR(pg_catalog.||) colocated OPERATOR(pg_catalog.||) referenced_only;
	FOR rec IN
		SELECT DISTINCT c.confrelid::pg_catalog.regclass AS tab
		FROM pg_catalog.pg_constraint c
		JOIN pg_catalog.pg_depend d ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
									AND d.objid OPERATOR(pg_catalog.=) c.confrelid
									AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
									AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'
		WHERE c.contype OPERATOR(pg_catalog.=) 'f' AND c.conrelid OPERATOR(pg_catalog.=) ANY (tables)
		  AND NOT c.confrelid OPERATOR(pg_catalog.=) ANY (tables)
		ORDER BY 1
	LOOP
		lookups := lookups OPERATOR(pg_catalog.||) rec.tab;
	END LOOP;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_tables() IS
	'step of distribute_registry: the extension''s tables that refer to an agreement (co-located by their parties column, or by id only) and the tables those refer to';

-- Exclusive locks first, so that nobody writes between the checks and the
-- copy into the shards.
CREATE FUNCTION secpact.distribute_registry_lock(tables pg_catalog.regclass[]) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	i int;
BEGIN
	FOR i IN 1 .. pg_catalog.array_length(tables, 1) LOOP
		EXECUTE pg_catalog.format('LOCK TABLE %s IN EXCLUSIVE MODE', tables[i]);
	END LOOP;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_lock(pg_catalog.regclass[]) IS
	'step of distribute_registry: locks the registry''s tables in exclusive mode until the end of the transaction';

-- The rows a registry distributed by parties cannot hold: multilateral
-- agreements (parties NULL) and rows of the tables that refer to an
-- agreement by id alone.
CREATE FUNCTION secpact.distribute_registry_check_rows(referenced_only pg_catalog.regclass[]) RETURNS void
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rec record;
	n pg_catalog.int8;
	i int;
BEGIN
	SELECT pg_catalog.count(*) INTO n FROM secpact.agreement a WHERE a.parties IS NULL;
	IF n OPERATOR(pg_catalog.>) 0 THEN
		RAISE EXCEPTION 'a registry distributed by parties holds bilateral agreements only'
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = pg_catalog.format('%s multilateral agreements (parties NULL) are in secpact.agreement; Citus refuses a NULL distribution column.', n),
				  HINT = 'Use secpact.distribute_registry(''reference'') for a registry with multilateral agreements.';
	END IF;
	FOR i IN 1 .. coalesce(pg_catalog.array_length(referenced_only, 1), 0) LOOP
		EXECUTE pg_catalog.format('SELECT EXISTS (SELECT FROM %s)', referenced_only[i]) INTO rec;
		IF rec.exists THEN
			RAISE EXCEPTION 'a registry distributed by parties cannot keep the rows of %', referenced_only[i]
				USING ERRCODE = 'feature_not_supported',
					  DETAIL = 'The table refers to an agreement by its id alone, which Citus cannot check against a table distributed by parties.',
					  HINT = 'Use secpact.distribute_registry(''reference''), or empty that table first.';
		END IF;
	END LOOP;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_check_rows(pg_catalog.regclass[]) IS
	'step of distribute_registry: refuses multilateral agreements and rows of tables referring to an agreement by id alone in a registry distributed by parties';

-- Triggers: Citus refuses tables with triggers (the rules they kept are
-- listed in the notice; constraints keep the rest).  The DROP TRIGGER
-- commands, and what they drop for the notice.
CREATE FUNCTION secpact.distribute_registry_trigger_ddl(tables pg_catalog.regclass[], OUT ddl text[], OUT dropped text[])
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rec record;
BEGIN
	ddl := '{}';
	dropped := '{}';
	FOR rec IN
		SELECT t.tgname, t.tgrelid::pg_catalog.regclass AS tab FROM pg_catalog.pg_trigger t
		WHERE t.tgrelid OPERATOR(pg_catalog.=) ANY (tables) AND NOT t.tgisinternal
		ORDER BY 2, 1
	LOOP
		ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format('DROP TRIGGER IF EXISTS %I ON %s', rec.tgname, rec.tab);
		dropped := dropped OPERATOR(pg_catalog.||) pg_catalog.format('trigger %s on %s', rec.tgname, rec.tab);
	END LOOP;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_trigger_ddl(pg_catalog.regclass[]) IS
	'step of distribute_registry: the commands dropping the user triggers of the registry''s tables, and their names for the notice';

-- Foreign keys between the registry's tables, dropped and made again once
-- the tables are distributed: each as JSON (with whether it carries the
-- agreement's parties), and the commands that drop them.
CREATE FUNCTION secpact.distribute_registry_fks(tables pg_catalog.regclass[], OUT fks jsonb, OUT ddl text[])
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	parties_att pg_catalog.int2;
	fk record;
BEGIN
	fks := '[]';
	ddl := '{}';
	SELECT a.attnum INTO parties_att FROM pg_catalog.pg_attribute a
	WHERE a.attrelid OPERATOR(pg_catalog.=) 'secpact.agreement'::pg_catalog.regclass
	  AND a.attname OPERATOR(pg_catalog.=) 'parties';
	FOR fk IN
		SELECT c.conname, c.conrelid::pg_catalog.regclass AS tab, c.confrelid,
			   pg_catalog.pg_get_constraintdef(c.oid) AS def,
			   pg_catalog.obj_description(c.oid, 'pg_constraint') AS comment,
			   parties_att OPERATOR(pg_catalog.=) ANY (c.confkey) AS has_parties
		FROM pg_catalog.pg_constraint c
		WHERE c.contype OPERATOR(pg_catalog.=) 'f' AND c.conrelid OPERATOR(pg_catalog.=) ANY (tables)
		  AND c.confrelid OPERATOR(pg_catalog.=) ANY (tables)
		ORDER BY c.conrelid, c.conname
	LOOP
		fks := fks OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_array(pg_catalog.to_jsonb(fk));
		ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', fk.tab, fk.conname);
	END LOOP;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_fks(pg_catalog.regclass[]) IS
	'step of distribute_registry: the foreign keys between the registry''s tables as JSON, and the commands dropping them';

-- A registry distributed by parties: parties NOT NULL, and unique keys
-- that include the distribution column; a key without it is replaced by
-- the same columns and it, under the same name (dropped where such a key
-- exists already, as (id, parties) beside id).  The tables are
-- secpact.agreement and the co-located ones, with their columns.
CREATE FUNCTION secpact.distribute_registry_key_ddl(colocated pg_catalog.regclass[], colocated_col pg_catalog.name[])
	RETURNS text[]
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	registry pg_catalog.regclass := 'secpact.agreement'::pg_catalog.regclass;
	tables pg_catalog.regclass[] := ARRAY[registry] OPERATOR(pg_catalog.||) colocated;
	rec record;
	ddl text[] := '{}';
	i int;
BEGIN
	ddl := ddl OPERATOR(pg_catalog.||) 'ALTER TABLE secpact.agreement ALTER COLUMN parties SET NOT NULL'::text;
	FOR i IN 1 .. pg_catalog.array_length(tables, 1) LOOP
		FOR rec IN
			SELECT c.conname, c.contype, c.conkey, a.attnum AS dist,
				   pg_catalog.obj_description(c.oid, 'pg_constraint') AS comment,
				   (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(x.attname), ', ' ORDER BY u.ord)
					FROM pg_catalog.unnest(c.conkey) WITH ORDINALITY AS u(att, ord)
					JOIN pg_catalog.pg_attribute x ON x.attrelid OPERATOR(pg_catalog.=) c.conrelid
												   AND x.attnum OPERATOR(pg_catalog.=) u.att) AS cols
			FROM pg_catalog.pg_constraint c
			JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) c.conrelid
			 AND a.attname OPERATOR(pg_catalog.=) CASE WHEN tables[i] OPERATOR(pg_catalog.=) registry THEN 'parties'::pg_catalog.name
					ELSE colocated_col[pg_catalog.array_position(colocated, tables[i])] END
			WHERE c.conrelid OPERATOR(pg_catalog.=) tables[i] AND c.contype IN ('p', 'u')
			  AND NOT a.attnum OPERATOR(pg_catalog.=) ANY (c.conkey)
		LOOP
			ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', tables[i], rec.conname);
			IF NOT EXISTS (SELECT FROM pg_catalog.pg_constraint k
						   WHERE k.conrelid OPERATOR(pg_catalog.=) tables[i] AND k.contype IN ('p', 'u')
							 AND k.conkey::int2[] OPERATOR(pg_catalog.@>) (rec.conkey OPERATOR(pg_catalog.||) rec.dist)
							 AND k.conkey::int2[] OPERATOR(pg_catalog.<@) (rec.conkey OPERATOR(pg_catalog.||) rec.dist)) THEN
				ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s (%s, %I)', tables[i], rec.conname,
										  CASE rec.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, rec.cols,
										  (SELECT a.attname FROM pg_catalog.pg_attribute a
										   WHERE a.attrelid OPERATOR(pg_catalog.=) tables[i]
											 AND a.attnum OPERATOR(pg_catalog.=) rec.dist));
				IF rec.comment IS NOT NULL THEN
					ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format('COMMENT ON CONSTRAINT %I ON %s IS %L', rec.conname, tables[i], rec.comment);
				END IF;
			END IF;
		END LOOP;
	END LOOP;
	RETURN ddl;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_key_ddl(pg_catalog.regclass[], pg_catalog.name[]) IS
	'step of distribute_registry: the commands that give a registry distributed by parties NOT NULL parties and unique keys including the distribution column';

-- Identity sequences: CREATE EXTENSION made one on every worker, which
-- starts at 1 as the coordinator's does, so an insert through a worker
-- reused an id.  Each worker draws from a range of its own, as Citus gives
-- a bigint sequence: from its group id times 2^48 (the coordinator's group
-- is 0, whose range it keeps).  setval, since Citus refuses ALTER SEQUENCE
-- on the extension's sequences.
CREATE FUNCTION secpact.distribute_registry_sequence_ddl(tables pg_catalog.regclass[]) RETURNS text[]
	LANGUAGE plpgsql STABLE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rec record;
	ddl text[] := '{}';
BEGIN
	FOR rec IN
		SELECT pg_catalog.pg_get_serial_sequence(t::pg_catalog.text, a.attname) AS seq
		FROM pg_catalog.unnest(tables) AS t
		JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) t AND a.attidentity OPERATOR(pg_catalog.<>) ''
		ORDER BY 1
	LOOP
		ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format(
			'DO $w$ DECLARE g pg_catalog.int8 := (SELECT l.groupid FROM pg_catalog.pg_dist_local_group l); BEGIN'
			' IF g OPERATOR(pg_catalog.<>) 0 AND coalesce((SELECT s.last_value FROM %1$s s), 0) OPERATOR(pg_catalog.<) (g OPERATOR(pg_catalog.<<) 48) THEN'
			' PERFORM pg_catalog.setval(%2$L, g OPERATOR(pg_catalog.<<) 48); END IF; END $w$', rec.seq, rec.seq);
	END LOOP;
	RETURN ddl;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_sequence_ddl(pg_catalog.regclass[]) IS
	'step of distribute_registry: the commands that start each worker''s identity sequences in a range of their own';

-- The changes above, here and on every worker: Citus takes the tables
-- that CREATE EXTENSION made on a worker as the shells of the Citus
-- tables, so they must lose the same triggers and keys.  Each is
-- idempotent, since run_command_on_workers commits on its own.
CREATE FUNCTION secpact.distribute_registry_run(ddl text[]) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	rec record;
	i int;
BEGIN
	FOR i IN 1 .. coalesce(pg_catalog.array_length(ddl, 1), 0) LOOP
		EXECUTE ddl[i];
	END LOOP;
	IF pg_catalog.array_length(ddl, 1) OPERATOR(pg_catalog.>) 0 THEN
		FOR rec IN SELECT w.nodename, w.nodeport, w.result
				   FROM pg_catalog.run_command_on_workers(pg_catalog.array_to_string(ddl, '; ')) w
				   WHERE NOT w.success
		LOOP
			RAISE EXCEPTION 'could not prepare the registry on worker %:%: %', rec.nodename, rec.nodeport, rec.result
				USING ERRCODE = 'object_not_in_prerequisite_state',
					  HINT = 'Check that secpact is installed in this database on every worker, then run secpact.distribute_registry again.';
		END LOOP;
	END IF;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_run(text[]) IS
	'step of distribute_registry: runs the commands on the coordinator, then on every worker';

-- A registry distributed by parties: the lookups as reference tables,
-- secpact.agreement by parties and the co-located tables beside it; the
-- tables that refer to an agreement by id alone stay empty, as reference
-- tables.
CREATE FUNCTION secpact.distribute_registry_shard(colocated pg_catalog.regclass[], colocated_col pg_catalog.name[],
												  referenced_only pg_catalog.regclass[], lookups pg_catalog.regclass[])
	RETURNS void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	registry pg_catalog.regclass := 'secpact.agreement'::pg_catalog.regclass;
	i int;
BEGIN
	-- Citus refuses to write a table referring to a reference table after a
	-- parallel operation in the same transaction: one connection per node.
	PERFORM pg_catalog.set_config('citus.multi_shard_modify_mode', 'sequential', true);
	FOR i IN 1 .. coalesce(pg_catalog.array_length(lookups, 1), 0) LOOP
		PERFORM pg_catalog.create_reference_table(lookups[i]);
	END LOOP;
	PERFORM pg_catalog.create_distributed_table(registry, 'parties');
	FOR i IN 1 .. coalesce(pg_catalog.array_length(colocated, 1), 0) LOOP
		PERFORM pg_catalog.create_distributed_table(colocated[i], colocated_col[i], colocate_with => registry::pg_catalog.text);
	END LOOP;
	FOR i IN 1 .. coalesce(pg_catalog.array_length(referenced_only, 1), 0) LOOP
		EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (false)', referenced_only[i],
								  (SELECT c.relname FROM pg_catalog.pg_class c
								   WHERE c.oid OPERATOR(pg_catalog.=) referenced_only[i])
								  OPERATOR(pg_catalog.||) '_not_in_a_distributed_registry');
		PERFORM pg_catalog.create_reference_table(referenced_only[i]);
	END LOOP;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_shard(pg_catalog.regclass[], pg_catalog.name[], pg_catalog.regclass[], pg_catalog.regclass[]) IS
	'step of distribute_registry: makes the registry Citus tables distributed by parties, every table co-located, the others reference tables';

-- A reference registry: every table a copy on every node.
CREATE FUNCTION secpact.distribute_registry_replicate(tables pg_catalog.regclass[]) RETURNS void
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	i int;
BEGIN
	FOR i IN 1 .. pg_catalog.array_length(tables, 1) LOOP
		PERFORM pg_catalog.create_reference_table(tables[i]);
	END LOOP;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_replicate(pg_catalog.regclass[]) IS
	'step of distribute_registry: makes every table of the registry a Citus reference table';

-- The foreign keys again, as far as Citus keeps them: in a distributed
-- registry those that carry parties, without ON UPDATE CASCADE (Citus
-- never changes a distribution column); a reference registry keeps all.
-- Returns the foreign keys not made again, for the notice.
CREATE FUNCTION secpact.distribute_registry_restore_fks(how text, fks jsonb, lookups pg_catalog.regclass[],
														referenced_only pg_catalog.regclass[])
	RETURNS text[]
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	registry pg_catalog.regclass := 'secpact.agreement'::pg_catalog.regclass;
	fkj jsonb;
	def text;
	dropped text[] := '{}';
BEGIN
	FOR fkj IN SELECT j FROM pg_catalog.jsonb_array_elements(fks) AS j LOOP
		IF how OPERATOR(pg_catalog.=) 'distributed'
		   AND NOT (fkj OPERATOR(pg_catalog.->>) 'confrelid')::pg_catalog.oid::pg_catalog.regclass OPERATOR(pg_catalog.=) ANY (lookups)
		   AND ((fkj OPERATOR(pg_catalog.->>) 'confrelid')::pg_catalog.oid OPERATOR(pg_catalog.<>) registry
				OR NOT (fkj OPERATOR(pg_catalog.->>) 'has_parties')::boolean
				OR (fkj OPERATOR(pg_catalog.->>) 'tab')::pg_catalog.regclass OPERATOR(pg_catalog.=) ANY (referenced_only)) THEN
			dropped := dropped OPERATOR(pg_catalog.||) pg_catalog.format('foreign key %s on %s',
				fkj OPERATOR(pg_catalog.->>) 'conname', fkj OPERATOR(pg_catalog.->>) 'tab');
			CONTINUE;
		END IF;
		def := fkj OPERATOR(pg_catalog.->>) 'def';
		IF how OPERATOR(pg_catalog.=) 'distributed' THEN
			def := pg_catalog.replace(def, ' ON UPDATE CASCADE', '');
		END IF;
		EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s', fkj OPERATOR(pg_catalog.->>) 'tab',
								  fkj OPERATOR(pg_catalog.->>) 'conname', def);
		IF fkj OPERATOR(pg_catalog.->>) 'comment' IS NOT NULL THEN
			EXECUTE pg_catalog.format('COMMENT ON CONSTRAINT %I ON %s IS %L', fkj OPERATOR(pg_catalog.->>) 'conname',
									  fkj OPERATOR(pg_catalog.->>) 'tab', fkj OPERATOR(pg_catalog.->>) 'comment');
		END IF;
	END LOOP;
	RETURN dropped;
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry_restore_fks(text, jsonb, pg_catalog.regclass[], pg_catalog.regclass[]) IS
	'step of distribute_registry: makes the foreign keys again as far as Citus keeps them, and returns those it does not';

-- 1.3's distribute_registry as the list of its steps (the comment above
-- its definition in secpact--1.2--1.3.sql says what it does).
CREATE OR REPLACE FUNCTION secpact.distribute_registry(how text DEFAULT 'distributed') RETURNS text
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	registry pg_catalog.regclass := 'secpact.agreement'::pg_catalog.regclass;
	done text;
	t record;
	tables pg_catalog.regclass[];
	trig record;
	fk record;
	ddl text[];
	dropped text[];
BEGIN
	PERFORM secpact.distribute_registry_refusals(how);
	done := secpact.distribute_registry_already(how);
	IF done IS NOT NULL THEN
		RETURN done;
	END IF;

	SELECT * INTO t FROM secpact.distribute_registry_tables();
	tables := ARRAY[registry] OPERATOR(pg_catalog.||) t.colocated OPERATOR(pg_catalog.||) t.referenced_only
			  OPERATOR(pg_catalog.||) t.lookups;
	PERFORM secpact.distribute_registry_lock(tables);
	IF how OPERATOR(pg_catalog.=) 'distributed' THEN
		PERFORM secpact.distribute_registry_check_rows(t.referenced_only);
	END IF;

	-- the DDL for here and every worker, in 1.3's order
	SELECT * INTO trig FROM secpact.distribute_registry_trigger_ddl(tables);
	SELECT * INTO fk FROM secpact.distribute_registry_fks(tables);
	ddl := trig.ddl OPERATOR(pg_catalog.||) fk.ddl;
	dropped := trig.dropped;
	IF how OPERATOR(pg_catalog.=) 'distributed' THEN
		ddl := ddl OPERATOR(pg_catalog.||) secpact.distribute_registry_key_ddl(t.colocated, t.colocated_col);
	END IF;
	ddl := ddl OPERATOR(pg_catalog.||) secpact.distribute_registry_sequence_ddl(tables);
	PERFORM secpact.distribute_registry_run(ddl);

	IF how OPERATOR(pg_catalog.=) 'distributed' THEN
		PERFORM secpact.distribute_registry_shard(t.colocated, t.colocated_col, t.referenced_only, t.lookups);
	ELSE
		PERFORM secpact.distribute_registry_replicate(tables);
	END IF;
	dropped := dropped OPERATOR(pg_catalog.||) secpact.distribute_registry_restore_fks(how, fk.fks, t.lookups, t.referenced_only);

	IF pg_catalog.array_length(dropped, 1) OPERATOR(pg_catalog.>) 0 THEN
		RAISE NOTICE 'Citus does not keep % of the registry', pg_catalog.array_to_string(dropped, ', ')
			USING DETAIL = 'Constraints keep every other rule; the dropped triggers checked signatories, supersession chains and memberships on plain PostgreSQL.';
	END IF;
	RETURN pg_catalog.format('the registry is %s (%s)', how, pg_catalog.array_to_string(tables, ', '));
END
$$;

--------------------------------------------------------------------------
-- House in order (issue #18): load_atop reads as the list of its steps,
-- each a helper below (a pure move of 1.3's body: the same checks, errors,
-- rows returned, notice and order).  The helpers take the default
-- privileges, as load_atop does; only it calls them.
--------------------------------------------------------------------------

-- The refusals of load_atop's arguments, and the source's last day of
-- observation (ATOP 5.1 added to secpact.source when missing).
CREATE FUNCTION secpact.load_atop_window(members regclass, source_name text) RETURNS date
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	win record;
BEGIN
	IF members IS NULL THEN
		RAISE EXCEPTION 'load_atop needs the table of ATOP''s members'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF source_name IS NULL OR source_name = '' THEN
		RAISE EXCEPTION 'load_atop needs the name of the source'
			USING ERRCODE = 'invalid_parameter_value', HINT = 'Pass a name of secpact.source, such as ATOP 5.1.';
	END IF;
	SELECT s.name, s.observed_from, s.observed_to INTO win FROM secpact.source s WHERE s.name = source_name;
	IF NOT FOUND AND source_name = 'ATOP 5.1' THEN
		INSERT INTO secpact.source (name, observed_from, observed_to, citation)
		VALUES ('ATOP 5.1', '1815-01-01', '2018-12-31',
				'Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. '
				'"Alliance Treaty Obligations and Provisions, 1815-1944." International Interactions 28: 237-260. '
				'ATOP version 5.1, http://www.atopdata.org')
		RETURNING name, observed_from, observed_to INTO win;
	ELSIF NOT FOUND THEN
		RAISE EXCEPTION 'source "%" is not in secpact.source', source_name
			USING ERRCODE = 'undefined_object',
				  HINT = 'Insert its name and observation window into secpact.source first.';
	END IF;
	IF win.observed_to IS NULL THEN
		RAISE EXCEPTION 'source "%" has no last day of observation', source_name
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'ATOP''s yrexit 0 means in force at the last day its data observe.',
				  HINT = 'Set observed_to of the source in secpact.source.';
	END IF;
	RETURN win.observed_to;
END
$$;
COMMENT ON FUNCTION secpact.load_atop_window(regclass, text) IS
	'step of load_atop: refuses a NULL table or source and a source without a last day of observation (adding ATOP 5.1 when missing); returns that day';

-- Every row of ATOP's member file, checked and dated, in the order of
-- loading (alliance, member, entry, phase): why it cannot load (NULL if
-- it can), its spell, the alliance's earliest entry, and the member's next
-- entry in the alliance.  Volatile, as the table may be a view of anything.
CREATE FUNCTION secpact.load_atop_rows(members regclass, observed_to date)
	RETURNS TABLE(v text[], n integer[], why text, starts date, starts_precision @extschema@.date_precision,
				  left_on date, left_precision @extschema@.date_precision, ends date,
				  signed_on date, signed_precision @extschema@.date_precision, next_starts date)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RETURN QUERY EXECUTE format($query$
			-- materialized: each step reads the one before several times
			WITH raw AS (
				SELECT ARRAY[t.atopid::text, t.member::text, t.yrent::text, t.moent::text, t.dayent::text,
							 t.yrexit::text, t.moexit::text, t.dayexit::text, t.phase::text, t.bilat::text,
							 t.defense::text, t.offense::text, t.neutral::text, t.nonagg::text, t.consul::text] AS v
				FROM %s t
			), num AS MATERIALIZED (
				SELECT raw.v,
					   ARRAY(SELECT CASE WHEN x.s ~ '^\s*[0-9]{1,9}(\.0*)?\s*$' THEN trunc(x.s::numeric)::integer END
							 FROM unnest(raw.v) WITH ORDINALITY x(s, i) ORDER BY x.i) AS n
				FROM raw
			), checked AS MATERIALIZED (
				SELECT num.v, num.n,
					   CASE
						WHEN num.n[1] IS NULL OR num.n[1] < 1 THEN format('atopid "%%s" is not a positive whole number', num.v[1])
						WHEN num.n[2] IS NULL OR num.n[2] < 1 THEN format('member "%%s" is not a COW state code', num.v[2])
						WHEN num.n[3] IS NULL OR num.n[3] NOT BETWEEN 1 AND 9999 THEN format('yrent "%%s" is not a year from 1 to 9999', num.v[3])
						WHEN num.n[4] IS NULL OR num.n[4] > 12 THEN format('moent "%%s" is not a month from 1 to 12, or 0', num.v[4])
						WHEN num.n[5] IS NULL OR num.n[5] > 31 THEN format('dayent "%%s" is not a day from 1 to 31, or 0', num.v[5])
						WHEN num.n[4] = 0 AND num.n[5] <> 0 THEN 'dayent is known but moent is not'
						WHEN num.n[5] > extract(day FROM make_date(num.n[3], greatest(num.n[4], 1), 1) + interval '1 month - 1 day')
							THEN format('entry date %%s-%%s-%%s does not exist', num.n[3], num.n[4], num.n[5])
						WHEN num.n[6] IS NULL OR num.n[6] > 9999 THEN format('yrexit "%%s" is not a year from 1 to 9999, or 0', num.v[6])
						WHEN num.n[7] IS NULL OR num.n[7] > 12 THEN format('moexit "%%s" is not a month from 1 to 12, or 0', num.v[7])
						WHEN num.n[8] IS NULL OR num.n[8] > 31 THEN format('dayexit "%%s" is not a day from 1 to 31, or 0', num.v[8])
						WHEN num.n[6] = 0 AND (num.n[7] <> 0 OR num.n[8] <> 0) THEN 'yrexit is 0 (in force at the end of the data) but moexit or dayexit is not'
						WHEN num.n[7] = 0 AND num.n[8] <> 0 THEN 'dayexit is known but moexit is not'
						WHEN num.n[6] <> 0 AND num.n[8] > extract(day FROM make_date(num.n[6], greatest(num.n[7], 1), 1) + interval '1 month - 1 day')
							THEN format('exit date %%s-%%s-%%s does not exist', num.n[6], num.n[7], num.n[8])
						WHEN num.n[9] IS NULL OR num.n[9] < 1 THEN format('phase "%%s" is not a positive whole number', num.v[9])
						WHEN num.n[10] IS NULL OR num.n[10] > 1 THEN format('bilat "%%s" is not 0 or 1', num.v[10])
						WHEN num.n[11] IS NULL OR num.n[11] > 1 THEN format('defense "%%s" is not 0 or 1', num.v[11])
						WHEN num.n[12] IS NULL OR num.n[12] > 1 THEN format('offense "%%s" is not 0 or 1', num.v[12])
						WHEN num.n[13] IS NULL OR num.n[13] > 1 THEN format('neutral "%%s" is not 0 or 1', num.v[13])
						WHEN num.n[14] IS NULL OR num.n[14] > 1 THEN format('nonagg "%%s" is not 0 or 1', num.v[14])
						WHEN num.n[15] IS NULL OR num.n[15] > 1 THEN format('consul "%%s" is not 0 or 1', num.v[15])
					   END AS reason
				FROM num
			), dated AS MATERIALIZED (
				SELECT c.v, c.n, c.reason, d.*,
					   CASE WHEN d.left_on IS NULL THEN $1 + 1
							WHEN d.left_precision = 'year' THEN (d.left_on + interval '1 year')::date
							WHEN d.left_precision = 'month' THEN (d.left_on + interval '1 month')::date
							ELSE d.left_on END AS ends
				FROM checked c
				CROSS JOIN LATERAL (
					SELECT CASE WHEN c.reason IS NULL THEN make_date(c.n[3], greatest(c.n[4], 1), greatest(c.n[5], 1)) END AS starts,
						   CASE WHEN c.n[4] = 0 THEN 'year' WHEN c.n[5] = 0 THEN 'month' ELSE 'day' END::@extschema@.date_precision AS starts_precision,
						   CASE WHEN c.reason IS NOT NULL OR c.n[6] = 0 THEN NULL
								WHEN c.n[7] = 0 THEN make_date(c.n[6], 1, 1)
								WHEN c.n[8] = 0 THEN make_date(c.n[6], c.n[7], 1)
								ELSE make_date(c.n[6], c.n[7], c.n[8]) + 1 END AS left_on,
						   CASE WHEN c.n[6] = 0 THEN 'day' WHEN c.n[7] = 0 THEN 'year' WHEN c.n[8] = 0 THEN 'month'
								ELSE 'day' END::@extschema@.date_precision AS left_precision
				) d
			), windowed AS MATERIALIZED (
				SELECT d.*,
					   coalesce(d.reason,
						CASE WHEN d.starts > $1 THEN format('entry %%s is after the last day of the source, %%s', to_char(d.starts, 'YYYY-MM-DD'), to_char($1, 'YYYY-MM-DD'))
							 WHEN d.ends <= d.starts THEN format('exit %%s-%%s-%%s is before entry %%s-%%s-%%s', d.n[6], d.n[7], d.n[8], d.n[3], d.n[4], d.n[5])
						END) AS refusal
				FROM dated d
			), grouped AS MATERIALIZED (
				SELECT w.*,
					   max(w.n[10]) FILTER (WHERE w.refusal IS NULL) OVER (PARTITION BY w.n[1]) AS bilat,
					   array_agg(w.n[2]) FILTER (WHERE w.refusal IS NULL) OVER (PARTITION BY w.n[1]) AS codes
				FROM windowed w
			), alliance AS MATERIALIZED (
				SELECT g.*,
					   CASE WHEN g.refusal IS NULL AND g.bilat = 1
							 AND (SELECT count(DISTINCT x.m) FROM unnest(g.codes) x(m)) <> 2
							THEN format('alliance %%s is bilateral (bilat 1) but has %%s members',
										g.n[1], (SELECT count(DISTINCT x.m) FROM unnest(g.codes) x(m)))
					   END AS bilat_refusal
				FROM grouped g
			), valid AS MATERIALIZED (
				SELECT a.*, coalesce(a.refusal, a.bilat_refusal) AS why,
					   (coalesce(a.refusal, a.bilat_refusal) IS NULL) AS ok
				FROM alliance a
			)
			SELECT v.v, v.n, v.why, v.starts, v.starts_precision, v.left_on, v.left_precision, v.ends,
				   -- the alliance's earliest entry, at the coarser precision of a tie
				   first_value(v.starts) OVER (PARTITION BY v.n[1], v.ok ORDER BY v.starts, v.starts_precision) AS signed_on,
				   first_value(v.starts_precision) OVER (PARTITION BY v.n[1], v.ok ORDER BY v.starts, v.starts_precision) AS signed_precision,
				   CASE WHEN v.ok THEN lead(v.starts) OVER (PARTITION BY v.n[1], v.n[2], v.ok ORDER BY v.starts) END AS next_starts
			FROM valid v
			ORDER BY v.n[1] NULLS LAST, v.n[2] NULLS LAST, v.starts NULLS LAST, v.n[9]
			$query$, members) USING observed_to;
END
$$;
COMMENT ON FUNCTION secpact.load_atop_rows(regclass, date) IS
	'step of load_atop: every row of ATOP''s member file with the reason it cannot load, its spell, the alliance''s earliest entry and the member''s next one';

-- The agreement of an alliance, dated by its earliest entry, with its
-- source; the failure (as a row's reason) where it cannot be inserted.
CREATE FUNCTION secpact.load_atop_alliance(alliance integer, signed_on date,
										   signed_precision @extschema@.date_precision, bilat integer,
										   source_name text, OUT agreement bigint, OUT failure text)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	BEGIN
		INSERT INTO secpact.agreement (multilateral, kind, title, signed_on, signed_on_precision,
									   entry_into_force, entry_into_force_precision, source, notes)
		VALUES (true, 'alliance', format('ATOP alliance %s', alliance), load_atop_alliance.signed_on, signed_precision,
				load_atop_alliance.signed_on, signed_precision, source_name,
				CASE WHEN bilat = 1 THEN 'bilateral alliance' END)
		RETURNING id INTO agreement;
		INSERT INTO secpact.agreement_source (agreement_id, source_name)
		VALUES (agreement, load_atop_alliance.source_name);
	EXCEPTION WHEN OTHERS THEN
		agreement := NULL;
		failure := format('alliance %s: %s', alliance, SQLERRM);
	END;
END
$$;
COMMENT ON FUNCTION secpact.load_atop_alliance(integer, date, @extschema@.date_precision, integer, text) IS
	'step of load_atop: inserts an alliance''s agreement and its source; returns its id, or the failure';

-- One row of a member: its spells of membership with their obligations,
-- one per party its COW code meant during the spell (the lists' first day,
-- 1816, standing for the days before it), each ending where the member's
-- next spell starts.  Returns the parties and memberships, or none and the
-- reason.
CREATE FUNCTION secpact.load_atop_member(agreement bigint, n integer[], starts date,
										 starts_precision @extschema@.date_precision, left_on date,
										 left_precision @extschema@.date_precision, ends date, next_starts date,
										 source_name text,
										 OUT parties @extschema@.party[], OUT ids bigint[], OUT reason text)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	seg record;
	new_membership bigint;
	obligation_names constant text[] := ARRAY['defense', 'offense', 'neutrality', 'nonaggression', 'consultation'];
BEGIN
	parties := '{}';
	ids := '{}';
	IF NOT EXISTS (SELECT FROM @extschema@.party_codes() c
				   WHERE c.scheme = 'cow' AND c.code = n[2]::text) THEN
		reason := format('COW never used the state code %s', n[2]);
		RETURN;
	END IF;
	BEGIN
		FOR seg IN
			SELECT c.party AS p,
				   CASE WHEN c.valid_from > '1816-01-01' AND c.valid_from > load_atop_member.starts THEN c.valid_from END AS cut_start,
				   CASE WHEN c.valid_to IS NOT NULL
							 AND c.valid_to + 1 < least(load_atop_member.ends, coalesce(next_starts, load_atop_member.ends))
						THEN c.valid_to + 1 END AS cut_end
			FROM @extschema@.party_codes() c
			WHERE c.scheme = 'cow' AND c.code = n[2]::text
			  AND (c.valid_from <= '1816-01-01' OR c.valid_from < least(load_atop_member.ends, coalesce(next_starts, load_atop_member.ends)))
			  AND (c.valid_to IS NULL OR c.valid_to >= load_atop_member.starts)
			ORDER BY c.valid_from
		LOOP
			INSERT INTO secpact.membership (agreement_id, party, bound_on, bound_on_precision,
											left_on, left_on_precision, source, notes)
			VALUES (agreement, seg.p,
					coalesce(seg.cut_start, load_atop_member.starts),
					CASE WHEN seg.cut_start IS NULL THEN starts_precision ELSE 'day' END,
					-- the member's next spell starts where this one stops
					CASE WHEN seg.cut_end IS NOT NULL THEN seg.cut_end
						 WHEN next_starts < load_atop_member.ends THEN next_starts
						 ELSE load_atop_member.left_on END,
					CASE WHEN seg.cut_end IS NOT NULL OR next_starts < load_atop_member.ends THEN 'day'
						 ELSE left_precision END,
					source_name, format('phase %s', n[9]))
			RETURNING id INTO new_membership;
			FOR i IN 1 .. 5 LOOP
				IF n[10 + i] = 1 THEN
					INSERT INTO secpact.obligation (agreement_id, membership_id, party, obligation)
					VALUES (agreement, new_membership, seg.p, obligation_names[i]);
				END IF;
			END LOOP;
			parties := parties || seg.p;
			ids := ids || new_membership;
		END LOOP;
		IF cardinality(parties) = 0 THEN
			reason := format('COW state code %s named no state from %s to %s', n[2],
							 to_char(load_atop_member.starts, 'YYYY-MM-DD'), to_char(load_atop_member.ends - 1, 'YYYY-MM-DD'));
		END IF;
	EXCEPTION WHEN OTHERS THEN
		parties := '{}';
		ids := '{}';
		reason := SQLERRM;
	END;
END
$$;
COMMENT ON FUNCTION secpact.load_atop_member(bigint, integer[], date, @extschema@.date_precision, date, @extschema@.date_precision, date, date, text) IS
	'step of load_atop: inserts one member row''s spells of membership and obligations; returns their parties and ids, or none and the reason';

-- 1.3's load_atop as the list of its steps (the comment above its
-- definition in secpact--1.2--1.3.sql says what it does).
CREATE OR REPLACE FUNCTION secpact.load_atop(members regclass, source text DEFAULT 'ATOP 5.1')
	RETURNS TABLE(atopid integer, member integer, phase integer, party @extschema@.party,
				  agreement_id bigint, membership_id bigint, loaded boolean, reason text)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
	observed_to date;
	r record;
	alliance record;
	spells record;
	cur_atopid integer;
	loaded_rows integer := 0;
	refused_rows integer := 0;
BEGIN
	observed_to := secpact.load_atop_window(members, load_atop.source);

	-- a second call replaces the source's rows (memberships and obligations
	-- go with their agreements)
	DELETE FROM secpact.agreement a
	WHERE a.id IN (SELECT x.agreement_id FROM secpact.agreement_source x WHERE x.source_name = load_atop.source);

	BEGIN
		FOR r IN SELECT * FROM secpact.load_atop_rows(members, observed_to) LOOP
			atopid := r.n[1];
			member := r.n[2];
			phase := r.n[9];
			party := NULL;
			agreement_id := NULL;
			membership_id := NULL;
			reason := NULL;
			IF r.why IS NOT NULL THEN
				loaded := false;
				reason := r.why;
				refused_rows := refused_rows + 1;
				RETURN NEXT;
				CONTINUE;
			END IF;
			IF cur_atopid IS DISTINCT FROM r.n[1] THEN
				cur_atopid := r.n[1];
				alliance := secpact.load_atop_alliance(r.n[1], r.signed_on, r.signed_precision, r.n[10], load_atop.source);
			END IF;
			agreement_id := alliance.agreement;
			IF alliance.agreement IS NULL THEN
				loaded := false;
				reason := alliance.failure;
				refused_rows := refused_rows + 1;
				RETURN NEXT;
				CONTINUE;
			END IF;
			spells := secpact.load_atop_member(alliance.agreement, r.n, r.starts, r.starts_precision, r.left_on,
											   r.left_precision, r.ends, r.next_starts, load_atop.source);
			IF cardinality(spells.parties) = 0 THEN
				loaded := false;
				reason := spells.reason;
				refused_rows := refused_rows + 1;
				RETURN NEXT;
			ELSE
				-- one row per spell loaded, once all of them are
				loaded_rows := loaded_rows + 1;
				loaded := true;
				FOR i IN 1 .. cardinality(spells.parties) LOOP
					party := spells.parties[i];
					membership_id := spells.ids[i];
					RETURN NEXT;
				END LOOP;
			END IF;
		END LOOP;
	EXCEPTION WHEN undefined_column THEN
		RAISE EXCEPTION 'table % lacks a column of ATOP''s member file: %', members, SQLERRM
			USING ERRCODE = 'undefined_column',
				  HINT = 'load_atop reads atopid, member, yrent, moent, dayent, yrexit, moexit, dayexit, phase, bilat, defense, offense, neutral, nonagg and consul.';
	END;
	-- alliances none of whose members loaded leave no agreement behind
	DELETE FROM secpact.agreement a
	WHERE a.id IN (SELECT x.agreement_id FROM secpact.agreement_source x WHERE x.source_name = load_atop.source)
	  AND NOT EXISTS (SELECT FROM secpact.membership m WHERE m.agreement_id = a.id);
	RAISE NOTICE 'load_atop: % rows loaded, % refused', loaded_rows, refused_rows;
END
$$;
