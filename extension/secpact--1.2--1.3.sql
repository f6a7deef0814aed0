-- secpact 1.2 -> 1.3.  Released install scripts are frozen: every change of
-- 1.3 is made here (and a fresh install of 1.3 runs this script too).
\echo Use "ALTER EXTENSION secpact UPDATE TO '1.3'" to load this file. \quit

--------------------------------------------------------------------------
-- Citus (#17): secpact.distribute_registry() makes the registry Citus
-- tables, reference tables or distributed by parties, in one transaction;
-- secpact.registry_guard() stops a worker whose registry is still local
-- from answering as if the registry were empty.
--------------------------------------------------------------------------

-- Whether the registry can be read on this node: true, or an error on a
-- Citus worker (group id other than 0) whose secpact.agreement is not a
-- Citus table, where the rows are on the coordinator and every query would
-- answer from an empty table.  Without Citus it only looks the extension up.
CREATE FUNCTION secpact.registry_guard() RETURNS boolean
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'citus') THEN
		RETURN true;
	END IF;
	IF (SELECT g.groupid FROM pg_catalog.pg_dist_local_group g) OPERATOR(pg_catalog.<>) 0
	   AND NOT EXISTS (SELECT FROM pg_catalog.pg_dist_partition p
					   WHERE p.logicalrelid OPERATOR(pg_catalog.=) 'secpact.agreement'::pg_catalog.regclass) THEN
		RAISE EXCEPTION 'the registry on this Citus worker is local and holds none of the cluster''s agreements'
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'CREATE EXTENSION makes secpact.agreement a plain table on every node; the rows written on the coordinator stay there.',
				  HINT = 'Run SELECT secpact.distribute_registry() (or distribute_registry(''reference'')) on the coordinator, or query the coordinator.';
	END IF;
	RETURN true;
END
$$;
COMMENT ON FUNCTION secpact.registry_guard() IS
	'true, or an error on a Citus worker whose registry is not a Citus table (it would read as empty)';

-- The registry's tables are the extension's members that refer to
-- secpact.agreement (found through the catalog, so that a table another
-- release or lane adds is included): one whose foreign key carries the
-- agreement's parties is distributed by that column beside the agreement;
-- one without is a reference table, and empty in a distributed registry.
-- Triggers are dropped (Citus runs none on its tables), and foreign keys
-- are made again after the tables are distributed, as Citus allows them.
CREATE FUNCTION secpact.distribute_registry(how text DEFAULT 'distributed') RETURNS text
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	ext pg_catalog.oid;
	registry pg_catalog.regclass := 'secpact.agreement'::pg_catalog.regclass;
	parties_att pg_catalog.int2;
	current "char";
	rec record;
	fk record;
	fks jsonb := '[]';
	fkj jsonb;
	tables pg_catalog.regclass[];
	colocated pg_catalog.regclass[] := '{}';
	colocated_col pg_catalog.name[] := '{}';
	referenced_only pg_catalog.regclass[] := '{}';
	dropped text[] := '{}';
	def text;
	ddl text[] := '{}';
	n pg_catalog.int8;
	i int;
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

	SELECT p.partmethod INTO current FROM pg_catalog.pg_dist_partition p
	WHERE p.logicalrelid OPERATOR(pg_catalog.=) registry;
	IF FOUND THEN
		IF (current OPERATOR(pg_catalog.=) 'h' AND how OPERATOR(pg_catalog.=) 'distributed')
		   OR (current OPERATOR(pg_catalog.=) 'n' AND how OPERATOR(pg_catalog.=) 'reference') THEN
			RETURN pg_catalog.format('the registry is already %s', how);
		END IF;
		RAISE EXCEPTION 'the registry is already a Citus table, not %', how
			USING ERRCODE = 'feature_not_supported',
				  HINT = 'Undistribute its tables with undistribute_table() first (the referencing ones before secpact.agreement).';
	END IF;

	-- the extension's own tables only: nobody can plant one among its members
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

	-- Exclusive locks first, so that nobody writes between the checks and
	-- the copy into the shards.
	FOR i IN 1 .. pg_catalog.array_length(tables, 1) LOOP
		EXECUTE pg_catalog.format('LOCK TABLE %s IN EXCLUSIVE MODE', tables[i]);
	END LOOP;

	IF how OPERATOR(pg_catalog.=) 'distributed' THEN
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
	END IF;

	-- Triggers: Citus refuses tables with triggers (the rules they kept are
	-- listed in the notice; constraints keep the rest).
	FOR rec IN
		SELECT t.tgname, t.tgrelid::pg_catalog.regclass AS tab FROM pg_catalog.pg_trigger t
		WHERE t.tgrelid OPERATOR(pg_catalog.=) ANY (tables) AND NOT t.tgisinternal
		ORDER BY 2, 1
	LOOP
		ddl := ddl OPERATOR(pg_catalog.||) pg_catalog.format('DROP TRIGGER IF EXISTS %I ON %s', rec.tgname, rec.tab);
		dropped := dropped OPERATOR(pg_catalog.||) pg_catalog.format('trigger %s on %s', rec.tgname, rec.tab);
	END LOOP;

	-- Foreign keys between the registry's tables, made again afterwards.
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

	IF how OPERATOR(pg_catalog.=) 'distributed' THEN
		ddl := ddl OPERATOR(pg_catalog.||) 'ALTER TABLE secpact.agreement ALTER COLUMN parties SET NOT NULL'::text;
		-- Unique keys include the distribution column: a key without it is
		-- replaced by the same columns and it, under the same name (dropped
		-- where such a key exists already, as (id, parties) beside id).
		FOR i IN 1 .. pg_catalog.array_length(tables, 1) LOOP
			IF tables[i] OPERATOR(pg_catalog.=) ANY (referenced_only) THEN
				CONTINUE;
			END IF;
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
	END IF;

	-- Identity sequences: CREATE EXTENSION made one on every worker, which
	-- starts at 1 as the coordinator's does, so an insert through a worker
	-- reused an id.  Each worker draws from a range of its own, as Citus
	-- gives a bigint sequence: from its group id times 2^48 (the
	-- coordinator's group is 0, whose range it keeps).  setval, since Citus
	-- refuses ALTER SEQUENCE on the extension's sequences.
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

	-- The changes above, here and on every worker: Citus takes the tables
	-- that CREATE EXTENSION made on a worker as the shells of the Citus
	-- tables, so they must lose the same triggers and keys.  Each is
	-- idempotent, since run_command_on_workers commits on its own.
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

	IF how OPERATOR(pg_catalog.=) 'distributed' THEN
		PERFORM pg_catalog.create_distributed_table(registry, 'parties');
		FOR i IN 1 .. coalesce(pg_catalog.array_length(colocated, 1), 0) LOOP
			PERFORM pg_catalog.create_distributed_table(colocated[i], colocated_col[i], colocate_with => registry::pg_catalog.text);
		END LOOP;
		-- the tables that refer to an agreement by id alone stay empty
		FOR i IN 1 .. coalesce(pg_catalog.array_length(referenced_only, 1), 0) LOOP
			EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I CHECK (false)', referenced_only[i],
									  (SELECT c.relname FROM pg_catalog.pg_class c
									   WHERE c.oid OPERATOR(pg_catalog.=) referenced_only[i])
									  OPERATOR(pg_catalog.||) '_not_in_a_distributed_registry');
			PERFORM pg_catalog.create_reference_table(referenced_only[i]);
		END LOOP;
	ELSE
		FOR i IN 1 .. pg_catalog.array_length(tables, 1) LOOP
			PERFORM pg_catalog.create_reference_table(tables[i]);
		END LOOP;
	END IF;

	-- The foreign keys again, as far as Citus keeps them: in a distributed
	-- registry those that carry parties, without ON UPDATE CASCADE (Citus
	-- never changes a distribution column); a reference registry keeps all.
	FOR fkj IN SELECT j FROM pg_catalog.jsonb_array_elements(fks) AS j LOOP
		IF how OPERATOR(pg_catalog.=) 'distributed'
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

	IF pg_catalog.array_length(dropped, 1) OPERATOR(pg_catalog.>) 0 THEN
		RAISE NOTICE 'Citus does not keep % of the registry', pg_catalog.array_to_string(dropped, ', ')
			USING DETAIL = 'Constraints keep every other rule; the dropped triggers checked signatories, supersession chains and memberships on plain PostgreSQL.';
	END IF;
	RETURN pg_catalog.format('the registry is %s (%s)', how, pg_catalog.array_to_string(tables, ', '));
END
$$;
COMMENT ON FUNCTION secpact.distribute_registry(text) IS
	'makes the registry Citus tables: ''distributed'' by parties, every table co-located, or ''reference''; idempotent';

-- in_force of a row of any row type with the columns of secpact.agreement
-- (or of secpact.membership, told apart by its bound_on): the row type of a
-- Citus shard, secpact.agreement_102008, which Citus writes into the query
-- it sends to a worker for in_force(a) and a.in_force.  The row is read by
-- column name into the registry's row type, and the definitions above
-- answer (one source of truth); superseded() reads this node's shards
-- inside a Citus task (citus_shards.c).  A row of the registry's own types
-- still calls those (an exact match is preferred to record).
CREATE FUNCTION @extschema@.in_force(agreement record, on_date date DEFAULT CURRENT_DATE)
	RETURNS boolean
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	j jsonb := pg_catalog.to_jsonb(agreement);
BEGIN
	IF j OPERATOR(pg_catalog.?) 'bound_on' AND j OPERATOR(pg_catalog.?) 'agreement_id' THEN
		RETURN @extschema@.in_force(pg_catalog.jsonb_populate_record(NULL::secpact.membership, j), on_date);
	END IF;
	IF NOT (j OPERATOR(pg_catalog.?&) ARRAY['id', 'signed_on', 'entry_into_force', 'expires_on', 'terminated_on']) THEN
		RAISE EXCEPTION 'in_force takes a row of secpact.agreement or secpact.membership'
			USING ERRCODE = 'datatype_mismatch',
				  DETAIL = pg_catalog.format('The row of type %s lacks the columns of either.', pg_catalog.pg_typeof(agreement)),
				  HINT = 'Pass a row of the registry, as in_force(a) over secpact.agreement a.';
	END IF;
	RETURN @extschema@.in_force(pg_catalog.jsonb_populate_record(NULL::secpact.agreement, j), on_date);
END
$$;
COMMENT ON FUNCTION @extschema@.in_force(record, date) IS
	'in_force of a row with the columns of secpact.agreement or secpact.membership, such as a Citus shard''s';

-- partners, common_partners and partner_counts read the agreements in a
-- MATERIALIZED CTE of their own: a query Citus runs in the shards of a
-- distributed registry, whose few rows the rest (the multilateral pairs,
-- the grouping) then reads on the coordinator.  Citus finds no plan for
-- the single query these were ("could not create distributed plan",
-- "cannot push down this subquery"); one node reads the same rows.  The
-- functions are PL/pgSQL, whose statements Citus plans with the arguments'
-- values, where an SQL function's parameters leave it without a plan.
CREATE OR REPLACE FUNCTION @extschema@.partners(hub @extschema@.party, kind text DEFAULT NULL, as_of date DEFAULT NULL)
	RETURNS TABLE(counterpart @extschema@.party, first_signed date, agreements int, in_force boolean)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
PERFORM secpact.registry_guard();
RETURN QUERY
WITH bilateral AS MATERIALIZED (
	SELECT a.id, @extschema@.counterpart(a.parties, $1) AS counterpart, a.signed_on,
		   @extschema@.in_force(a, coalesce($3, CURRENT_DATE)) AS in_force
	FROM secpact.agreement a
	WHERE a.parties OPERATOR(@extschema@.@>) $1
	  AND ($2 IS NULL OR a.kind = $2)
	  AND ($3 IS NULL OR a.signed_on <= $3)
), pairs AS (
	SELECT b.id, b.counterpart, b.signed_on, b.in_force FROM bilateral b
	UNION ALL
	SELECT md.agreement_id, @extschema@.counterpart(md.parties, $1), md.signed_on,
		   @extschema@.in_force(m1, coalesce($3, CURRENT_DATE))
		   AND @extschema@.in_force(m2, coalesce($3, CURRENT_DATE))
	FROM secpact.membership_pairs() md
	JOIN secpact.readable_membership() m1 ON m1.id = md.first_membership
	JOIN secpact.readable_membership() m2 ON m2.id = md.second_membership
	WHERE md.parties OPERATOR(@extschema@.@>) $1
	  AND ($2 IS NULL OR md.kind = $2)
	  AND ($3 IS NULL OR md.signed_on <= $3)
)
SELECT p.counterpart, min(p.signed_on), count(DISTINCT p.id)::int,
	   -- in force if any agreement is; unknown if none is but one may be
	   CASE WHEN bool_or(p.in_force) THEN true
			WHEN bool_or(p.in_force IS NULL) THEN NULL
			ELSE false END
FROM pairs p
GROUP BY p.counterpart
ORDER BY min(p.signed_on), p.counterpart;
END
$$;

CREATE OR REPLACE FUNCTION @extschema@.common_partners(a @extschema@.party, b @extschema@.party, kind text DEFAULT NULL)
	RETURNS TABLE(partner text, partner_name text, partner_alpha3 text,
				  first_with_a date, first_with_b date)
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
PERFORM secpact.registry_guard();
RETURN QUERY
WITH bilateral AS MATERIALIZED (
	SELECT x.parties, x.signed_on FROM secpact.agreement x
	WHERE (x.parties OPERATOR(@extschema@.@>) $1 OR x.parties OPERATOR(@extschema@.@>) $2)
	  AND ($3 IS NULL OR x.kind = $3)
), signings AS (
	SELECT bl.parties, bl.signed_on FROM bilateral bl
	UNION ALL
	SELECT md.parties, md.signed_on FROM secpact.membership_pairs() md
	WHERE (md.parties OPERATOR(@extschema@.@>) $1 OR md.parties OPERATOR(@extschema@.@>) $2)
	  AND ($3 IS NULL OR md.kind = $3)
), with_a AS (
	SELECT @extschema@.counterpart(s.parties, $1) AS partner, min(s.signed_on) AS first_signed
	FROM signings s WHERE s.parties OPERATOR(@extschema@.@>) $1
	GROUP BY 1
), with_b AS (
	SELECT @extschema@.counterpart(s.parties, $2) AS partner, min(s.signed_on) AS first_signed
	FROM signings s WHERE s.parties OPERATOR(@extschema@.@>) $2
	GROUP BY 1
)
SELECT @extschema@.alpha2(wa.partner), @extschema@.party_local_name(wa.partner),
	   @extschema@.alpha3(wa.partner), wa.first_signed, wb.first_signed
FROM with_a wa
JOIN with_b wb ON wa.partner OPERATOR(@extschema@.=) wb.partner
ORDER BY wa.partner;
END
$$;

CREATE OR REPLACE VIEW secpact.partner_counts WITH (security_invoker = true) AS
WITH bilateral AS MATERIALIZED (
	SELECT a.kind, a.parties, @extschema@.in_force(a, CURRENT_DATE) AS in_force
	FROM secpact.agreement a
	WHERE NOT a.multilateral
), sides AS (
	-- a bilateral agreement: one row per party, with its counterpart
	SELECT s.party, b.kind, @extschema@.counterpart(b.parties, s.party) AS counterpart,
		   true AS is_agreement, b.in_force
	FROM bilateral b
	CROSS JOIN LATERAL pg_catalog.unnest(@extschema@.dyad_parties(b.parties)) AS s(party)
	UNION ALL
	-- a multilateral agreement: one row per member ...
	SELECT m.party, a.kind, NULL::@extschema@.party, true,
		   CASE WHEN pg_catalog.bool_or(@extschema@.in_force(m, CURRENT_DATE)) THEN true
				WHEN pg_catalog.bool_or(@extschema@.in_force(m, CURRENT_DATE) IS NULL) THEN NULL
				ELSE false END
	FROM secpact.agreement a
	JOIN secpact.readable_membership() m ON m.agreement_id OPERATOR(pg_catalog.=) a.id
	WHERE a.multilateral
	GROUP BY m.party, a.kind, a.id
	UNION ALL
	-- ... and one per member and co-member, for the partners
	SELECT s.party, md.kind, @extschema@.counterpart(md.parties, s.party), false, NULL::boolean
	FROM secpact.membership_pairs() md
	CROSS JOIN LATERAL pg_catalog.unnest(@extschema@.dyad_parties(md.parties)) AS s(party)
)
SELECT @extschema@.alpha2(s.party) AS party,
	   @extschema@.party_local_name(s.party) AS party_name,
	   @extschema@.alpha3(s.party) AS party_alpha3,
	   s.kind,
	   @extschema@.count_parties(s.counterpart) AS partners,
	   (pg_catalog.count(*) FILTER (WHERE s.is_agreement))::integer AS agreements,
	   (pg_catalog.count(*) FILTER (WHERE s.is_agreement AND s.in_force))::integer AS in_force,
	   (pg_catalog.count(*) FILTER (WHERE s.is_agreement AND s.in_force IS NULL))::integer AS in_force_unknown,
	   @extschema@.numeric_code(s.party) AS party_numeric
FROM sides s
GROUP BY s.party, s.kind;

-- What superseded() reads: secpact.agreement, or inside a query Citus runs
-- on a shard, this node's shards of it (see citus_shards.c).
CREATE FUNCTION secpact.registry_supersessions() RETURNS text
	AS 'MODULE_PATHNAME', 'registry_supersessions'
	LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION secpact.registry_supersessions() IS
	'the relation supersessions are read from, as SQL: secpact.agreement, or this node''s shards of it inside a Citus task';

-- supersession_depth, which pg_dump's condition calls for every row: in a
-- Citus task the chain is read from this node's shards (a chain has one
-- pair of parties, so one shard), since a distributed query is refused
-- there.  Without Citus it is 1.2's loop.
CREATE OR REPLACE FUNCTION secpact.supersession_depth(agreement_id bigint) RETURNS integer
	LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	depth integer := 1;
	cur bigint := agreement_id;
	source text := secpact.registry_supersessions();
BEGIN
	LOOP
		IF source OPERATOR(pg_catalog.=) 'secpact.agreement' THEN
			SELECT a.supersedes INTO cur FROM secpact.agreement a WHERE a.id OPERATOR(pg_catalog.=) cur;
		ELSE
			EXECUTE pg_catalog.format('SELECT s.supersedes FROM %s s WHERE s.id OPERATOR(pg_catalog.=) $1', source)
				INTO cur USING cur;
		END IF;
		EXIT WHEN cur IS NULL OR depth OPERATOR(pg_catalog.>=) 100000;
		depth := depth OPERATOR(pg_catalog.+) 1;
	END LOOP;
	RETURN depth;
END
$$;

-- count_parties and party_set with a bytea state (party_set_bytes.c): the
-- set's bytes, which Citus ships from the shards and combines, where an
-- internal state made it ship every row.  The signatures users call, and
-- every result, stay the same; the 1.1 support functions stay too (a
-- release never drops what a user may have built an aggregate of).
CREATE FUNCTION @extschema@.party_set_bytes_add_party(bytea, @extschema@.party) RETURNS bytea
	AS 'MODULE_PATHNAME', 'party_set_bytes_add_party' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_bytes_add_party(bytea, @extschema@.party) IS
	'aggregate support: adds a party to a set of parties held as bytes';
CREATE FUNCTION @extschema@.party_set_bytes_add_dyad(bytea, @extschema@.dyad) RETURNS bytea
	AS 'MODULE_PATHNAME', 'party_set_bytes_add_dyad' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_bytes_add_dyad(bytea, @extschema@.dyad) IS
	'aggregate support: adds both parties of a dyad to a set of parties held as bytes';
CREATE FUNCTION @extschema@.party_set_bytes_combine(bytea, bytea) RETURNS bytea
	AS 'MODULE_PATHNAME', 'party_set_bytes_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_bytes_combine(bytea, bytea) IS
	'aggregate support: the union of two sets of parties held as bytes (parallel query, Citus)';
CREATE FUNCTION @extschema@.party_set_bytes_count_final(bytea) RETURNS integer
	AS 'MODULE_PATHNAME', 'party_set_bytes_count_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_bytes_count_final(bytea) IS
	'aggregate support: the number of parties in a set held as bytes, 0 for none';
CREATE FUNCTION @extschema@.party_set_bytes_array_final(bytea) RETURNS @extschema@.party[]
	AS 'MODULE_PATHNAME', 'party_set_bytes_array_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.party_set_bytes_array_final(bytea) IS
	'aggregate support: the parties of a set held as bytes, in alpha-2 order, NULL for none';

CREATE OR REPLACE AGGREGATE @extschema@.count_parties(@extschema@.party) (
	SFUNC = @extschema@.party_set_bytes_add_party, STYPE = bytea, SSPACE = 121,
	FINALFUNC = @extschema@.party_set_bytes_count_final,
	COMBINEFUNC = @extschema@.party_set_bytes_combine,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.count_parties(@extschema@.dyad) (
	SFUNC = @extschema@.party_set_bytes_add_dyad, STYPE = bytea, SSPACE = 121,
	FINALFUNC = @extschema@.party_set_bytes_count_final,
	COMBINEFUNC = @extschema@.party_set_bytes_combine,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.party_set(@extschema@.party) (
	SFUNC = @extschema@.party_set_bytes_add_party, STYPE = bytea, SSPACE = 121,
	FINALFUNC = @extschema@.party_set_bytes_array_final,
	COMBINEFUNC = @extschema@.party_set_bytes_combine,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.party_set(@extschema@.dyad) (
	SFUNC = @extschema@.party_set_bytes_add_dyad, STYPE = bytea, SSPACE = 121,
	FINALFUNC = @extschema@.party_set_bytes_array_final,
	COMBINEFUNC = @extschema@.party_set_bytes_combine,
	PARALLEL = SAFE
);
