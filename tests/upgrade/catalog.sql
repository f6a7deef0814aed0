-- Every object that belongs to the secpact extension, described by what
-- defines it (never by OID), one line each, sorted.  Two databases with the
-- same output have the same extension objects.
\pset format unaligned
\pset tuples_only on
WITH ext AS (SELECT oid FROM pg_extension WHERE extname = 'secpact'),
members AS (
	SELECT d.classid, d.objid, d.objsubid
	FROM pg_depend d, ext
	WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid AND d.deptype = 'e'
)
SELECT line FROM (
	-- what each member is
	SELECT pg_describe_object(classid, objid, objsubid) AS line FROM members
	UNION ALL
	-- functions: full definition (arguments, result, language, body,
	-- volatility, strictness, parallel safety, leakproofness, settings)
	SELECT 'function ' || p.oid::regprocedure || ': ' || replace(pg_get_functiondef(p.oid), E'\n', ' ')
		|| ' leakproof=' || p.proleakproof || ' cost=' || p.procost || ' rows=' || p.prorows
		|| ' support=' || p.prosupport::regproc
	FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	WHERE p.prokind <> 'a'
	UNION ALL
	SELECT 'aggregate ' || a.aggfnoid::regprocedure || ': ' || concat_ws(' ', a.aggtransfn, a.aggfinalfn,
		a.aggcombinefn, a.aggserialfn, a.aggdeserialfn, a.aggsortop::regoperator, a.aggtranstype::regtype,
		a.agginitval, p.proparallel)
	FROM members m JOIN pg_aggregate a ON m.classid = 'pg_proc'::regclass AND a.aggfnoid = m.objid
	JOIN pg_proc p ON p.oid = a.aggfnoid
	UNION ALL
	SELECT 'type ' || t.oid::regtype || ': ' || concat_ws(' ', t.typlen, t.typbyval, t.typalign,
		t.typstorage, t.typcategory, t.typinput, t.typoutput, t.typreceive, t.typsend, t.typanalyze)
	FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	UNION ALL
	SELECT 'operator ' || o.oid::regoperator || ': ' || concat_ws(' ', o.oprcode, o.oprcom::regoperator,
		o.oprnegate::regoperator, o.oprrest, o.oprjoin, o.oprcanhash, o.oprcanmerge)
	FROM members m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
	UNION ALL
	SELECT 'opfamily member ' || pg_describe_object('pg_opfamily'::regclass, f.oid, 0) || ': ' || x.member
	FROM members m JOIN pg_opfamily f ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid
	CROSS JOIN LATERAL (
		SELECT 'op ' || amopstrategy || ' ' || amopopr::regoperator || ' ' || amoppurpose::text AS member
		FROM pg_amop WHERE amopfamily = f.oid
		UNION ALL
		SELECT 'proc ' || amprocnum || ' ' || amproc::regprocedure || ' '
			|| amproclefttype::regtype || ' ' || amprocrighttype::regtype
		FROM pg_amproc WHERE amprocfamily = f.oid) x
	UNION ALL
	SELECT 'opclass ' || pg_describe_object('pg_opclass'::regclass, c.oid, 0) || ': '
		|| concat_ws(' ', c.opcdefault, c.opcintype::regtype, c.opckeytype::regtype)
	FROM members m JOIN pg_opclass c ON m.classid = 'pg_opclass'::regclass AND c.oid = m.objid
	UNION ALL
	SELECT 'cast ' || c.castsource::regtype || ' -> ' || c.casttarget::regtype || ': '
		|| concat_ws(' ', c.castfunc::regprocedure, c.castcontext, c.castmethod)
	FROM members m JOIN pg_cast c ON m.classid = 'pg_cast'::regclass AND c.oid = m.objid
	UNION ALL
	-- tables: columns, defaults, identity, constraints, indexes, triggers
	SELECT 'column ' || a.attrelid::regclass || '.' || a.attname || ': '
		|| concat_ws(' ', format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,
					 pg_get_expr(ad.adbin, ad.adrelid), col_description(a.attrelid, a.attnum))
	FROM members m JOIN pg_attribute a ON m.classid = 'pg_class'::regclass AND a.attrelid = m.objid
	LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	WHERE a.attnum > 0 AND NOT a.attisdropped
	UNION ALL
	SELECT 'constraint ' || c.conrelid::regclass || '.' || c.conname || ': ' || pg_get_constraintdef(c.oid)
	FROM members m JOIN pg_constraint c ON m.classid = 'pg_class'::regclass AND c.conrelid = m.objid
	UNION ALL
	SELECT 'index ' || pg_get_indexdef(i.indexrelid)
	FROM members m JOIN pg_index i ON m.classid = 'pg_class'::regclass AND i.indrelid = m.objid
	UNION ALL
	SELECT 'trigger ' || pg_get_triggerdef(t.oid)
	FROM members m JOIN pg_trigger t ON m.classid = 'pg_class'::regclass AND t.tgrelid = m.objid
	WHERE NOT t.tgisinternal
	UNION ALL
	SELECT 'view ' || m.objid::regclass || ': ' || pg_get_viewdef(m.objid)
	FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	WHERE c.relkind IN ('v', 'm')
	UNION ALL
	SELECT 'relation ' || c.oid::regclass || ': ' || concat_ws(' ', c.relkind, c.reloptions::text, c.relacl::text)
	FROM members m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	UNION ALL
	-- comments on every member
	SELECT 'comment ' || pg_describe_object(classid, objid, objsubid) || ': '
		|| obj_description(objid, (SELECT relname FROM pg_class WHERE oid = classid))
	FROM members
	WHERE obj_description(objid, (SELECT relname FROM pg_class WHERE oid = classid)) IS NOT NULL
	UNION ALL
	SELECT 'extension config ' || x::regclass || ' ' || coalesce(c, '')
	FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS u(x, c)
	WHERE e.extname = 'secpact'
) all_lines
ORDER BY line COLLATE "C";
