/*
 * members.c: the extension's own types and functions, found through the
 * extension's membership records (pg_depend), never by name in a schema.
 *
 * Why: a name resolves to whatever another role created under it.  Any role
 * with TEMP can create pg_temp.party, and a domain over dyad may live in any
 * schema its owner controls, so "the type party beside the column's type"
 * can be anything; statistics written or read with the wrong layout crash
 * the server.  Objects that depend on the extension as its members can only
 * come from its own scripts, and there is one extension named secpact per
 * database; a member named party is ours.
 *
 * The answer is kept for the backend's life: a syscache callback forgets it
 * when a member type or function changes (DROP EXTENSION drops them, so a
 * new CREATE EXTENSION is seen), and whenever something is still missing,
 * since an ALTER EXTENSION UPDATE may have added it.
 */
#include "members.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "catalog/dependency.h"
#include "catalog/indexing.h"
#include "catalog/pg_depend.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "utils/fmgroids.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

static SecpactMembers members;
static bool members_valid = false;
static bool members_complete = false;
static bool callbacks_registered = false;
static uint32 type_hashes[2];
static uint32 proc_hashes[3];

static void
members_invalidate(Datum arg, int cacheid, uint32 hashvalue)
{
	const uint32 *hashes = cacheid == TYPEOID ? type_hashes : proc_hashes;

	if (hashvalue == 0 || !members_complete ||
		hashvalue == hashes[0] || hashvalue == hashes[1] ||
		(cacheid == PROCOID && hashvalue == hashes[2]))
		members_valid = false;
}

/* A member function of one argument, returning an array of dyad. */
static bool
is_dyad_list_function(HeapTuple tuple, Oid argtype, Oid dyad)
{
	Form_pg_proc p = (Form_pg_proc) GETSTRUCT(tuple);

	return p->pronargs == 1 && p->proargtypes.values[0] == argtype &&
		OidIsValid(dyad) && get_element_type(p->prorettype) == dyad;
}

/* second_party(dyad) returning party. */
static bool
is_second_party_function(HeapTuple tuple, Oid party, Oid dyad)
{
	Form_pg_proc p = (Form_pg_proc) GETSTRUCT(tuple);

	return p->pronargs == 1 && OidIsValid(dyad) && OidIsValid(party) &&
		p->proargtypes.values[0] == dyad && p->prorettype == party && !p->proretset;
}

/* A member type: party or dyad, in the layouts the C code reads. */
static void
member_type(Oid typid)
{
	HeapTuple	t = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	Form_pg_type typ;

	if (!HeapTupleIsValid(t))
		return;
	typ = (Form_pg_type) GETSTRUCT(t);
	/* the layouts the C code reads: 2 and 4 bytes by value */
	if (typ->typtype == TYPTYPE_BASE && typ->typbyval)
	{
		if (strcmp(NameStr(typ->typname), "party") == 0 && typ->typlen == 2)
			members.party = typ->oid;
		else if (strcmp(NameStr(typ->typname), "dyad") == 0 && typ->typlen == 4)
			members.dyad = typ->oid;
	}
	ReleaseSysCache(t);
}

/* A member function, once both types are known. */
static void
member_function(Oid fn)
{
	HeapTuple	t = SearchSysCache1(PROCOID, ObjectIdGetDatum(fn));
	const char *name;

	if (!HeapTupleIsValid(t))
		return;
	name = NameStr(((Form_pg_proc) GETSTRUCT(t))->proname);
	if (strcmp(name, "dyads_involving") == 0 &&
		is_dyad_list_function(t, members.party, members.dyad))
		members.dyads_involving = fn;
	else if (strcmp(name, "dyads_overlapping") == 0 &&
			 is_dyad_list_function(t, members.dyad, members.dyad))
		members.dyads_overlapping = fn;
	else if (strcmp(name, "second_party") == 0 &&
			 is_second_party_function(t, members.party, members.dyad))
		members.second_party = fn;
	ReleaseSysCache(t);
}

/*
 * The extension's membership records: its types are read at once, its
 * functions returned for afterwards.
 */
static List *
scan_members(Oid ext)
{
	Relation	rel;
	SysScanDesc scan;
	ScanKeyData key[2];
	HeapTuple	tuple;
	List	   *functions = NIL;

	ScanKeyInit(&key[0], Anum_pg_depend_refclassid, BTEqualStrategyNumber,
				F_OIDEQ, ObjectIdGetDatum(ExtensionRelationId));
	ScanKeyInit(&key[1], Anum_pg_depend_refobjid, BTEqualStrategyNumber,
				F_OIDEQ, ObjectIdGetDatum(ext));
	rel = table_open(DependRelationId, AccessShareLock);
	scan = systable_beginscan(rel, DependReferenceIndexId, true, NULL, 2, key);
	while (HeapTupleIsValid(tuple = systable_getnext(scan)))
	{
		Form_pg_depend dep = (Form_pg_depend) GETSTRUCT(tuple);

		if (dep->deptype != DEPENDENCY_EXTENSION || dep->objsubid != 0)
			continue;
		if (dep->classid == TypeRelationId)
			member_type(dep->objid);
		else if (dep->classid == ProcedureRelationId)
			functions = lappend_oid(functions, dep->objid);
	}
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	return functions;
}

static void
members_load(void)
{
	Oid			ext;
	List	   *functions = NIL;
	ListCell   *lc;

	memset(&members, 0, sizeof(members));
	members_complete = false;

	ext = get_extension_oid("secpact", true);
	if (OidIsValid(ext))
		functions = scan_members(ext);

	/* the functions, once both types are known */
	foreach(lc, functions)
		member_function(lfirst_oid(lc));
	list_free(functions);

	if (OidIsValid(members.party))
		members.party_eq = lookup_type_cache(members.party, TYPECACHE_EQ_OPR)->eq_opr;
	if (OidIsValid(members.dyad))
		members.dyad_eq = lookup_type_cache(members.dyad, TYPECACHE_EQ_OPR)->eq_opr;

	members_complete = OidIsValid(members.party) && OidIsValid(members.dyad) &&
		OidIsValid(members.party_eq) && OidIsValid(members.dyad_eq) &&
		OidIsValid(members.dyads_involving) && OidIsValid(members.dyads_overlapping);
	type_hashes[0] = GetSysCacheHashValue1(TYPEOID, ObjectIdGetDatum(members.party));
	type_hashes[1] = GetSysCacheHashValue1(TYPEOID, ObjectIdGetDatum(members.dyad));
	proc_hashes[0] = GetSysCacheHashValue1(PROCOID, ObjectIdGetDatum(members.dyads_involving));
	proc_hashes[1] = GetSysCacheHashValue1(PROCOID, ObjectIdGetDatum(members.dyads_overlapping));
	proc_hashes[2] = GetSysCacheHashValue1(PROCOID, ObjectIdGetDatum(members.second_party));
}

const SecpactMembers *
secpact_members(void)
{
	if (!callbacks_registered)
	{
		CacheRegisterSyscacheCallback(TYPEOID, members_invalidate, (Datum) 0);
		CacheRegisterSyscacheCallback(PROCOID, members_invalidate, (Datum) 0);
		callbacks_registered = true;
	}
	/* again when an invalidation arrived while loading */
	while (!members_valid)
	{
		members_valid = true;
		PG_TRY();
		{
			members_load();
		}
		PG_CATCH();
		{
			members_valid = false;
			PG_RE_THROW();
		}
		PG_END_TRY();
	}
	return &members;
}

bool
secpact_is_party_type(Oid type)
{
	Oid			party = secpact_members()->party;

	return OidIsValid(party) && OidIsValid(type) && getBaseType(type) == party;
}

bool
secpact_is_dyad_type(Oid type)
{
	Oid			dyad = secpact_members()->dyad;

	return OidIsValid(dyad) && OidIsValid(type) && getBaseType(type) == dyad;
}

Oid
secpact_result_element_type(FunctionCallInfo fcinfo, bool dyad)
{
	Oid		   *type = (Oid *) fcinfo->flinfo->fn_extra;

	if (type == NULL)
	{
		const SecpactMembers *m = secpact_members();

		type = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Oid));
		*type = dyad ? m->dyad : m->party;
		if (!OidIsValid(*type))
			elog(ERROR, "the %s type of secpact is not installed", dyad ? "dyad" : "party");
		fcinfo->flinfo->fn_extra = type;
	}
	return *type;
}
