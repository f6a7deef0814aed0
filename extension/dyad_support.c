/*
 * dyad_support.c: planner support that lets a btree index on dyads answer
 * @>, <@ and &&, and the dyad lists it builds them from.
 *
 * Why: "every agreement involving UA" and "every agreement of BE-UA" are the
 * registry's two lookups.  A GIN index answers the first and a btree the
 * second, so the registry used to keep both; but GIN costs about three times
 * as much as a btree to keep up to date during loads, and the btree alone can
 * answer both.  A dyad involves UA exactly when it is one of the 280 dyads
 * that contain UA, so
 *
 *	 parties @> 'UA'		is	 parties = ANY ('{AD-UA, AE-UA, ..., UA-ZW}')
 *	 parties && 'BE-UA'		is	 parties = ANY (the 497 dyads with BE or UA)
 *
 * and a btree scan with = ANY visits each listed dyad's entries, one descent
 * each.  The support function below hands the planner that condition, exact
 * (no recheck), whenever the dyad side of the operator is a column of a btree
 * index in dyad_ops.
 *
 * The descents are the price of one index instead of two: whatever the order
 * of the dyads in a btree, the dyads of a party fall into about 125 separate
 * runs on average (two neighbouring dyads share at most one party, so of the
 * 2 x 31125 memberships at most 31124 continue a run), and the btree of
 * PostgreSQL 15 descends once per array element.  Some 280 descents cost a few
 * tenths of a millisecond, which matters only for parties with few
 * agreements.  Planning costs too: the planner estimates = ANY element by
 * element (it folds dyads_involving() to its array for that), which is why
 * = on dyads has an estimator of its own (dyad_eqsel, at the end of this file)
 * that reads the column's statistics once per array.  Two forms for a
 * constant, by the number of rows the operator's own estimator expects:
 *
 *	 - up to SMALL_RESULT rows: = ANY (dyads_involving('UA')), computed once
 *	   per scan, which keeps EXPLAIN readable;
 *	 - more: = ANY of a constant array.
 *
 * Anything else (a parameter, a column of another table in a nested loop)
 * takes the function form.
 */
#include "secpact.h"

#include "access/htup_details.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "catalog/pg_am.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_class.h"
#include "catalog/pg_index.h"
#include "catalog/pg_type.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/pathnodes.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "parser/parse_func.h"
#include "parser/parsetree.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "dyad_selfuncs.h"
#include "members.h"

/* Estimated rows up to which a constant takes the cheap-to-plan form. */
#define SMALL_RESULT 10000.0

/* An array of dyads, as the = ANY condition takes it. */
static ArrayType *
dyad_array(const DyadCode *dyads, int n, Oid dyad_type)
{
	Datum		elems[DYAD_OVERLAPPING_MAX];

	for (int i = 0; i < n; i++)
		elems[i] = DyadGetDatum(dyads[i]);
	return construct_array(elems, n, dyad_type, sizeof(DyadCode), true, TYPALIGN_INT);
}

/*
 * dyads_involving(party): every dyad that involves the party, in dyad order;
 * one per other party.
 */
PG_FUNCTION_INFO_V1(dyads_involving);
Datum
dyads_involving(PG_FUNCTION_ARGS)
{
	DyadCode	dyads[DYAD_INVOLVING_MAX];
	int			n = dyad_involving(PG_GETARG_PARTY(0), dyads);

	PG_RETURN_ARRAYTYPE_P(dyad_array(dyads, n, secpact_result_element_type(fcinfo, true)));
}

/*
 * dyads_overlapping(dyad): every dyad that shares a party with the given one,
 * itself included, in dyad order.
 */
PG_FUNCTION_INFO_V1(dyads_overlapping);
Datum
dyads_overlapping(PG_FUNCTION_ARGS)
{
	DyadCode	dyads[DYAD_OVERLAPPING_MAX];
	int			n = dyad_overlapping(PG_GETARG_DYAD(0), dyads);

	PG_RETURN_ARRAYTYPE_P(dyad_array(dyads, n, secpact_result_element_type(fcinfo, true)));
}

/*
 * dyads_involving(query) or dyads_overlapping(query); NULL when missing.
 * The extension's own members, never a function found by name.
 */
static Node *
array_function(Oid query_type, Oid dyad_type, Oid array_type, Node *query)
{
	const SecpactMembers *m = secpact_members();
	Oid			fn = query_type == dyad_type ? m->dyads_overlapping : m->dyads_involving;

	if (!OidIsValid(fn))
		return NULL;
	return (Node *) makeFuncExpr(fn, array_type, list_make1(copyObject(query)),
								 InvalidOid, InvalidOid, COERCE_EXPLICIT_CALL);
}

/*
 * The dyads of a constant party or dyad, in the form SMALL_RESULT picks: the
 * function call for a result the operator's own estimate finds small, the
 * constant array otherwise.
 */
static Node *
constant_dyad_list(SupportRequestIndexCondition *req, Const *c, Oid query_type,
				   Oid dyad_type, Oid array_type)
{
	Selectivity share = -1;
	DyadCode	dyads[DYAD_OVERLAPPING_MAX];
	int			n;

	/* the operator's own estimate; a direct call of the function has none */
	if (is_opclause(req->node))
		share = clause_selectivity(req->root, req->node, 0, JOIN_INNER, NULL);
	if (share >= 0 && share * req->index->rel->tuples <= SMALL_RESULT)
		return array_function(query_type, dyad_type, array_type, (Node *) c);

	if (query_type == dyad_type)
		n = dyad_overlapping(DatumGetDyad(c->constvalue), dyads);
	else
		n = dyad_involving(DatumGetParty(c->constvalue), dyads);
	return (Node *) makeConst(array_type, -1, InvalidOid, -1,
							  PointerGetDatum(dyad_array(dyads, n, dyad_type)),
							  false, false);
}

/* indexkey = ANY (array), with the btree's = of dyads. */
static Node *
any_condition(Oid eq_opr, Node *indexkey, Node *array)
{
	ScalarArrayOpExpr *saop = makeNode(ScalarArrayOpExpr);

	saop->opno = eq_opr;
	saop->opfuncid = get_opcode(eq_opr);
	saop->hashfuncid = InvalidOid;
	saop->negfuncid = InvalidOid;
	saop->useOr = true;
	saop->inputcollid = InvalidOid;
	saop->args = list_make2(copyObject(indexkey), array);
	saop->location = -1;
	return (Node *) saop;
}

/*
 * The second access path: a btree on second_party(parties) beside the btree
 * on parties.  In dyad order a party's dyads where it is the lower party are
 * one contiguous run, and those where it is the higher one are one run in
 * the order of second_party; so with both indexes
 *
 *	 parties @> 'SL'	is	 (parties >= 'SL-SM' AND parties <= 'SL-#VNM')
 *							 OR second_party(parties) = 'SL'
 *
 * two descents and a BitmapOr, where = ANY of 280 dyads descends 280 times
 * (PostgreSQL 15), which is most of the time of a lookup of a party with few
 * agreements.  The planner only builds a BitmapOr from an OR in the query,
 * so the rewrite happens when the planner simplifies the expression
 * (SupportRequestSimplify), and only where it pays: a constant party, and a
 * table that has both indexes (valid, not partial, in the types' default
 * btree operator families).  Elsewhere @> stays, with = ANY for the btree.
 * Both forms give the same answer for every row, NULL included.
 */

/*
 * The one key of a valid, not partial index in the operator family: its
 * column, or 0 and its expression in *expr; -1 for any other index.
 */
static AttrNumber
index_key(HeapTuple indextuple, Oid opfamily, Node **expr)
{
	Form_pg_index idx = (Form_pg_index) GETSTRUCT(indextuple);
	Datum		d;
	bool		isnull;
	List	   *exprs;

	*expr = NULL;
	if (!idx->indisvalid || idx->indnkeyatts != 1 ||
		!heap_attisnull(indextuple, Anum_pg_index_indpred, NULL))
		return -1;
	d = SysCacheGetAttr(INDEXRELID, indextuple, Anum_pg_index_indclass, &isnull);
	if (isnull || get_opclass_family(((oidvector *) DatumGetPointer(d))->values[0]) != opfamily)
		return -1;
	if (idx->indkey.values[0] != 0)
		return idx->indkey.values[0];
	d = SysCacheGetAttr(INDEXRELID, indextuple, Anum_pg_index_indexprs, &isnull);
	if (isnull)
		return -1;
	exprs = (List *) stringToNode(TextDatumGetCString(d));
	if (exprs == NIL || !IsA(exprs, List) || list_length(exprs) != 1)
		return -1;
	*expr = (Node *) linitial(exprs);
	return 0;
}

/* Whether expr is second_party(the column attno) of the index's table. */
static bool
is_second_party_of(Node *expr, AttrNumber attno, const SecpactMembers *m)
{
	FuncExpr   *f;
	Var		   *arg;

	if (expr == NULL || !IsA(expr, FuncExpr))
		return false;
	f = (FuncExpr *) expr;
	if (f->funcid != m->second_party || list_length(f->args) != 1 || !IsA(linitial(f->args), Var))
		return false;
	arg = (Var *) linitial(f->args);
	return arg->varattno == attno && arg->varlevelsup == 0;
}

/*
 * has_both_indexes' answers, by table and column, so that a plan does not
 * look the table's indexes up again (a syscache probe per index and the
 * expression index's stored expression parsed, every plan).  Creating,
 * dropping or validating an index invalidates its table's relcache entry,
 * which drops the table's answers here.
 */
typedef struct BothIndexesKey
{
	Oid			relid;
	AttrNumber	attno;
} BothIndexesKey;

typedef struct BothIndexesEntry
{
	BothIndexesKey key;
	bool		both;
} BothIndexesEntry;

static HTAB *both_indexes_cache = NULL;
/* relcache invalidations seen: a lookup that saw one keeps no answer */
static uint64 both_indexes_invals = 0;

static void
both_indexes_invalidate(Datum arg, Oid relid)
{
	HASH_SEQ_STATUS seq;
	BothIndexesEntry *e;

	both_indexes_invals++;
	if (both_indexes_cache == NULL)
		return;
	hash_seq_init(&seq, both_indexes_cache);
	while ((e = hash_seq_search(&seq)) != NULL)
		if (!OidIsValid(relid) || e->key.relid == relid)
			hash_search(both_indexes_cache, &e->key, HASH_REMOVE, NULL);
}

static BothIndexesEntry *
both_indexes_entry(Oid relid, AttrNumber attno, bool *found)
{
	BothIndexesKey key;

	if (both_indexes_cache == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(BothIndexesKey);
		ctl.entrysize = sizeof(BothIndexesEntry);
		ctl.hcxt = CacheMemoryContext;
		both_indexes_cache = hash_create("secpact both indexes", 16, &ctl,
										 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		CacheRegisterRelcacheCallback(both_indexes_invalidate, (Datum) 0);
	}
	memset(&key, 0, sizeof(key));
	key.relid = relid;
	key.attno = attno;
	return hash_search(both_indexes_cache, &key, HASH_ENTER, found);
}

/*
 * Whether the table of the Var has a btree on the dyad column and one on
 * second_party of it.  The planner has locked the table.
 */
static bool
has_both_indexes(PlannerInfo *root, Var *var, const SecpactMembers *m)
{
	RangeTblEntry *rte;
	Relation	rel;
	List	   *indexes;
	ListCell   *lc;
	Oid			dyad_opf = lookup_type_cache(m->dyad, TYPECACHE_BTREE_OPFAMILY)->btree_opf;
	Oid			party_opf = lookup_type_cache(m->party, TYPECACHE_BTREE_OPFAMILY)->btree_opf;
	bool		dyad_index = false;
	bool		higher_index = false;
	BothIndexesEntry *entry;
	bool		found;
	uint64		invals;

	if (root == NULL || root->parse == NULL || var->varlevelsup != 0 || var->varattno <= 0 ||
		var->varno < 1 || var->varno > list_length(root->parse->rtable) ||
		!OidIsValid(dyad_opf) || !OidIsValid(party_opf))
		return false;
	rte = rt_fetch(var->varno, root->parse->rtable);
	if (rte->rtekind != RTE_RELATION ||
		(rte->relkind != RELKIND_RELATION && rte->relkind != RELKIND_MATVIEW))
		return false;

	entry = both_indexes_entry(rte->relid, var->varattno, &found);
	if (found)
		return entry->both;
	/* not known till the lookup ends: an error on the way leaves no entry */
	hash_search(both_indexes_cache, &entry->key, HASH_REMOVE, NULL);
	invals = both_indexes_invals;

	rel = table_open(rte->relid, NoLock);
	indexes = RelationGetIndexList(rel);
	foreach(lc, indexes)
	{
		HeapTuple	t = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(lfirst_oid(lc)));
		Node	   *expr;

		if (!HeapTupleIsValid(t))
			continue;
		if (index_key(t, dyad_opf, &expr) == var->varattno)
			dyad_index = true;
		else if (index_key(t, party_opf, &expr) == 0 && is_second_party_of(expr, var->varattno, m))
			higher_index = true;
		ReleaseSysCache(t);
	}
	list_free(indexes);
	table_close(rel, NoLock);
	/*
	 * Kept only if no invalidation came during the lookup (an index built
	 * concurrently, say), which could have made what it read out of date.
	 */
	if (invals == both_indexes_invals)
	{
		entry = both_indexes_entry(rte->relid, var->varattno, &found);
		entry->both = dyad_index && higher_index;
	}
	return dyad_index && higher_index;
}

/*
 * The operands of @> or <@ as the rewrite takes them, in either order: a Var
 * of dyad and a constant party that is not NULL.
 */
static bool
contains_operands(List *args, const SecpactMembers *m, Var **var, Const **c)
{
	Node	   *a;
	Node	   *b;

	if (list_length(args) != 2)
		return false;
	a = linitial(args);
	b = lsecond(args);
	if (exprType(a) == m->party && exprType(b) == m->dyad)
	{
		Node	   *x = a;

		a = b;
		b = x;
	}
	if (!IsA(a, Var) || exprType(a) != m->dyad || !IsA(b, Const) || exprType(b) != m->party)
		return false;
	*var = (Var *) a;
	*c = (Const *) b;
	return !(*c)->constisnull;
}

/* var >= from AND var <= to, with the dyad btree's own operators. */
static Expr *
dyad_range_clause(Var *var, const SecpactMembers *m, Oid ge, Oid le,
				  DyadCode from_dyad, DyadCode to_dyad)
{
	Expr	   *from = make_opclause(ge, BOOLOID, false, (Expr *) copyObject(var),
									 (Expr *) makeConst(m->dyad, -1, InvalidOid, sizeof(DyadCode),
														DyadGetDatum(from_dyad), false, true),
									 InvalidOid, InvalidOid);
	Expr	   *to = make_opclause(le, BOOLOID, false, (Expr *) copyObject(var),
								   (Expr *) makeConst(m->dyad, -1, InvalidOid, sizeof(DyadCode),
													  DyadGetDatum(to_dyad), false, true),
								   InvalidOid, InvalidOid);

	((OpExpr *) from)->opfuncid = get_opcode(ge);
	((OpExpr *) to)->opfuncid = get_opcode(le);
	return make_andclause(list_make2(from, to));
}

/*
 * SupportRequestSimplify for @> and <@: the two-range form above, or NULL
 * to leave the call as it is.
 */
static Node *
simplify_contains(SupportRequestSimplify *req)
{
	const SecpactMembers *m = secpact_members();
	Var		   *var;
	Const	   *c;
	PartyCode	party;
	DyadCode	lo;
	DyadCode	hi;
	Oid			dyad_opf;
	Oid			ge;
	Oid			le;
	Oid			party_eq;
	List	   *arms = NIL;
	Expr	   *higher;

	if (!OidIsValid(m->dyad) || !OidIsValid(m->party) || !OidIsValid(m->second_party) ||
		!contains_operands(req->fcall->args, m, &var, &c) ||
		!has_both_indexes(req->root, var, m))
		return NULL;

	dyad_opf = lookup_type_cache(m->dyad, TYPECACHE_BTREE_OPFAMILY)->btree_opf;
	ge = get_opfamily_member(dyad_opf, m->dyad, m->dyad, BTGreaterEqualStrategyNumber);
	le = get_opfamily_member(dyad_opf, m->dyad, m->dyad, BTLessEqualStrategyNumber);
	party_eq = get_opfamily_member(lookup_type_cache(m->party, TYPECACHE_BTREE_OPFAMILY)->btree_opf,
								   m->party, m->party, BTEqualStrategyNumber);
	if (!OidIsValid(ge) || !OidIsValid(le) || !OidIsValid(party_eq))
		return NULL;

	/* the run of dyads where the party is the lower one, in dyad order */
	party = DatumGetParty(c->constvalue);
	if (dyad_lower_run(party, &lo, &hi))
		arms = lappend(arms, dyad_range_clause(var, m, ge, le, lo, hi));
	higher = make_opclause(party_eq, BOOLOID, false,
						   (Expr *) makeFuncExpr(m->second_party, m->party,
												 list_make1(copyObject(var)), InvalidOid,
												 InvalidOid, COERCE_EXPLICIT_CALL),
						   (Expr *) copyObject(c), InvalidOid, InvalidOid);
	((OpExpr *) higher)->opfuncid = get_opcode(party_eq);
	arms = lappend(arms, higher);
	return list_length(arms) == 1 ? (Node *) linitial(arms) : (Node *) make_orclause(arms);
}

/* The indexed operand of the clause and the other one. */
static bool
condition_operands(SupportRequestIndexCondition *req, Node **indexkey, Node **query)
{
	List	   *args;

	if (is_opclause(req->node))
		args = ((OpExpr *) req->node)->args;
	else if (IsA(req->node, FuncExpr))
		args = ((FuncExpr *) req->node)->args;
	else
		return false;
	if (list_length(args) != 2 || req->indexarg < 0 || req->indexarg > 1)
		return false;
	*indexkey = (Node *) list_nth(args, req->indexarg);
	*query = (Node *) list_nth(args, 1 - req->indexarg);
	return true;
}

/*
 * SupportRequestIndexCondition: the clause as indexkey = ANY of the dyads
 * it matches, or NIL.
 */
static List *
index_condition(SupportRequestIndexCondition *req)
{
	Node	   *indexkey;
	Node	   *query;
	const SecpactMembers *m;
	Oid			dyad_type;
	Oid			party_type;
	Oid			query_type;
	Oid			array_type;
	Oid			eq_opr;
	Node	   *array;

	if (!condition_operands(req, &indexkey, &query))
		return NIL;

	/*
	 * The indexed side must be the dyad, the other a party or a dyad of this
	 * installation: the extension's own types, whatever function this is
	 * attached to.
	 */
	m = secpact_members();
	dyad_type = m->dyad;
	party_type = m->party;
	query_type = exprType(query);
	if (!OidIsValid(dyad_type) || exprType(indexkey) != dyad_type ||
		(query_type != dyad_type && query_type != party_type))
		return NIL;

	/* Only a btree in the dyads' own order takes = ANY of dyads. */
	if (req->index->relam != BTREE_AM_OID ||
		req->opfamily != lookup_type_cache(dyad_type, TYPECACHE_BTREE_OPFAMILY)->btree_opf)
		return NIL;
	eq_opr = get_opfamily_member(req->opfamily, dyad_type, dyad_type, BTEqualStrategyNumber);
	array_type = get_array_type(dyad_type);
	if (!OidIsValid(eq_opr) || !OidIsValid(array_type))
		return NIL;

	/*
	 * The other side is computed once per scan: it may not read the indexed
	 * table's row, nor change while the scan runs.  (The planner checks this
	 * for operators; a direct call of the function reaches here unchecked.)
	 */
	if (bms_is_member(req->index->rel->relid, pull_varnos(req->root, query)) ||
		contain_volatile_functions(query))
		return NIL;

	if (IsA(query, Const))
	{
		if (((Const *) query)->constisnull)
			return NIL;
		array = constant_dyad_list(req, (Const *) query, query_type, dyad_type, array_type);
	}
	else
		array = array_function(query_type, dyad_type, array_type, query);
	if (array == NULL)
		return NIL;

	/* Exactly the rows the operator matches: nothing to recheck. */
	req->lossy = false;
	return list_make1(any_condition(eq_opr, indexkey, array));
}

/*
 * dyad_index_support(internal): the support function of dyad_contains_party
 * (@>), party_in_dyad (<@) and dyad_overlap (&&).  It answers
 * SupportRequestIndexCondition, and SupportRequestSimplify for @> and <@ (the
 * two-range form above); for anything else the planner carries on as
 * without it.
 */
PG_FUNCTION_INFO_V1(dyad_index_support);
Datum
dyad_index_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestSimplify))
		PG_RETURN_POINTER(simplify_contains((SupportRequestSimplify *) rawreq));
	if (IsA(rawreq, SupportRequestIndexCondition))
		PG_RETURN_POINTER(index_condition((SupportRequestIndexCondition *) rawreq));
	PG_RETURN_POINTER(NULL);
}

/*
 * dyad = dyad: eqsel's estimate, worked out once per column rather than
 * once per array element.
 *
 * Why: the planner estimates "parties = ANY (array)" by calling the
 * operator's estimator for each element, and eqsel looks up and unpacks the
 * column's list of most common values on every call.  For the 280 dyads
 * that dyad_index_support puts in place of "parties @> 'RU'" that took
 * 0.7 ms of planning, more than running the lookup of a rare party costs.
 * scalararraysel keeps one FmgrInfo for all the elements, so the list and
 * the share of any value not in it are kept in fn_extra from the first
 * call: the numbers are var_eq_const's, compared as integers rather than
 * through dyad_eq, and sorted for binary search once a second element asks.
 * Anything else (no statistics, a unique column, a non-constant side) is
 * estimated as eqsel does, by var_eq_const or var_eq_non_const.
 */
typedef struct DyadEqCache
{
	PlannerInfo *root;
	int			varRelid;
	Node	   *column;			/* the column's side of the clause, as passed */
	double		other_share;	/* of a value not in the list */
	int			n;
	bool		sorted;			/* values in order, for binary search */
	DyadCode   *values;			/* the most common values */
	double	   *shares;
} DyadEqCache;

typedef struct DyadShare
{
	DyadCode	value;
	double		share;
} DyadShare;

static int
dyad_code_cmp(const void *a, const void *b)
{
	DyadCode	x = *(const DyadCode *) a;
	DyadCode	y = *(const DyadCode *) b;

	return x < y ? -1 : x > y;
}

static int
dyad_share_cmp(const void *a, const void *b)
{
	DyadCode	x = ((const DyadShare *) a)->value;
	DyadCode	y = ((const DyadShare *) b)->value;

	return x < y ? -1 : x > y;
}

/*
 * The share of a value.  A single = is estimated once, so the list is
 * searched as it comes; from the second element of an array on, it is
 * sorted first and searched by halves.
 */
static double
cached_share(DyadEqCache *cache, DyadCode value, bool again)
{
	const DyadCode *found;

	if (!cache->sorted && again && cache->n > 1)
	{
		DyadShare  *pairs = palloc(sizeof(DyadShare) * cache->n);

		for (int i = 0; i < cache->n; i++)
		{
			pairs[i].value = cache->values[i];
			pairs[i].share = cache->shares[i];
		}
		qsort(pairs, cache->n, sizeof(DyadShare), dyad_share_cmp);
		for (int i = 0; i < cache->n; i++)
		{
			cache->values[i] = pairs[i].value;
			cache->shares[i] = pairs[i].share;
		}
		pfree(pairs);
		cache->sorted = true;
	}
	if (!cache->sorted)
	{
		for (int i = 0; i < cache->n; i++)
			if (cache->values[i] == value)
				return cache->shares[i];
		return cache->other_share;
	}
	found = bsearch(&value, cache->values, cache->n, sizeof(DyadCode), dyad_code_cmp);
	return found != NULL ? cache->shares[found - cache->values] : cache->other_share;
}

/*
 * The cache for a column with statistics, as var_eq_const would estimate
 * against them; NULL where var_eq_const would take another way.
 */
static DyadEqCache *
build_eq_cache(FmgrInfo *flinfo, VariableStatData *vardata, Oid operator)
{
	Form_pg_statistic stats;
	AttStatsSlot sslot;
	bool		have_mcv;
	double		nullfrac;
	double		sumcommon = 0.0;
	double		otherdistinct;
	double		other;
	bool		isdefault;
	DyadEqCache *cache;

	if (!HeapTupleIsValid(vardata->statsTuple) ||
		(vardata->isunique && vardata->rel && vardata->rel->tuples >= 1.0) ||
		!statistic_proc_security_check(vardata, get_opcode(operator)))
		return NULL;
	stats = (Form_pg_statistic) GETSTRUCT(vardata->statsTuple);
	nullfrac = stats->stanullfrac;
	have_mcv = get_attstatsslot(&sslot, vardata->statsTuple, STATISTIC_KIND_MCV,
								InvalidOid, ATTSTATSSLOT_VALUES | ATTSTATSSLOT_NUMBERS);
	/* read as dyads below: only a list of the extension's dyads will do */
	if (have_mcv && (sslot.nvalues != sslot.nnumbers || !secpact_is_dyad_type(sslot.valuetype)))
	{
		free_attstatsslot(&sslot);
		return NULL;
	}
	if (!have_mcv)
		sslot.nvalues = sslot.nnumbers = 0;

	/* a value not in the list shares what the list leaves with the others */
	for (int i = 0; i < sslot.nnumbers; i++)
		sumcommon += sslot.numbers[i];
	other = 1.0 - sumcommon - nullfrac;
	CLAMP_PROBABILITY(other);
	otherdistinct = get_variable_numdistinct(vardata, &isdefault) - sslot.nnumbers;
	if (otherdistinct > 1)
		other /= otherdistinct;
	if (sslot.nnumbers > 0 && other > sslot.numbers[sslot.nnumbers - 1])
		other = sslot.numbers[sslot.nnumbers - 1];
	CLAMP_PROBABILITY(other);

	cache = MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(DyadEqCache));
	cache->other_share = other;
	cache->n = sslot.nvalues;
	if (cache->n > 0)
	{
		cache->values = MemoryContextAlloc(flinfo->fn_mcxt, sizeof(DyadCode) * cache->n);
		cache->shares = MemoryContextAlloc(flinfo->fn_mcxt, sizeof(double) * cache->n);
		for (int i = 0; i < cache->n; i++)
		{
			double		share = sslot.numbers[i];

			CLAMP_PROBABILITY(share);
			cache->values[i] = DatumGetDyad(sslot.values[i]);
			cache->shares[i] = share;
		}
	}
	if (have_mcv)
		free_attstatsslot(&sslot);
	return cache;
}

PG_FUNCTION_INFO_V1(dyad_eqsel);
Datum
dyad_eqsel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	FmgrInfo   *flinfo = fcinfo->flinfo;
	DyadEqCache *cache = flinfo ? (DyadEqCache *) flinfo->fn_extra : NULL;
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	double		selec;

	/* the next element against the same column: from the cache */
	if (cache && cache->root == root && cache->varRelid == varRelid &&
		list_length(args) == 2)
	{
		Node	   *left = linitial(args);
		Node	   *right = lsecond(args);
		Const	   *c = NULL;

		if (left == cache->column && IsA(right, Const))
			c = (Const *) right;
		else if (right == cache->column && IsA(left, Const))
			c = (Const *) left;
		if (c)
			PG_RETURN_FLOAT8(c->constisnull ? 0.0 : cached_share(cache, DatumGetDyad(c->constvalue), true));
	}

	/*
	 * Otherwise as eqsel, from the one examination of the column.  (The
	 * cache above exists only after this check passed for the operator.)
	 */
	dyad_check_estimator_operator(operator, "dyad_eqsel", false);
	if (!get_restriction_variable(root, args, varRelid, &vardata, &other, &varonleft))
		PG_RETURN_FLOAT8(DEFAULT_EQ_SEL);
	if (IsA(other, Const))
	{
		Const	   *c = (Const *) other;
		Node	   *raw_other = varonleft ? lsecond(args) : linitial(args);

		/* only a constant as passed: the fast path above compares those */
		if (flinfo && !c->constisnull && IsA(raw_other, Const) &&
			(cache = build_eq_cache(flinfo, &vardata, operator)) != NULL)
		{
			cache->root = root;
			cache->varRelid = varRelid;
			cache->column = varonleft ? linitial(args) : lsecond(args);
			flinfo->fn_extra = cache;
			selec = cached_share(cache, DatumGetDyad(c->constvalue), false);
		}
		else
			selec = var_eq_const(&vardata, operator, PG_GET_COLLATION(), c->constvalue,
								 c->constisnull, varonleft, false);
	}
	else
		selec = var_eq_non_const(&vardata, operator, PG_GET_COLLATION(), other, varonleft, false);
	ReleaseVariableStats(vardata);
	PG_RETURN_FLOAT8(selec);
}
