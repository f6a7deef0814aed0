/*
 * dyad_selfuncs.c: statistics of dyad columns and the selectivity of @>, <@
 * and && on them.
 *
 * Agreements cluster around hubs: one party may be in a third of the rows
 * and most in a handful.  The standard statistics of a dyad column (a list
 * of most common values and a histogram, ordered by the lower party) show
 * the hubs, but they answer "how many rows involve TV" poorly: the ~100
 * histogram entries resolve only about 1% of the rows, so a party in 0.1% of
 * them is estimated as either nothing or 1%, depending on where ANALYZE's
 * sample happened to put the entries.
 *
 * So ANALYZE also counts, for every party, the fraction of sampled rows that
 * involve it, and stores those as a "most common elements" slot, as
 * PostgreSQL does for arrays and tsvector (it shows in pg_stats as
 * most_common_elems).  There are only 281 parties (250 of them ISO 3166-1
 * and the EU), so every party seen is kept, with its exact count in the
 * sample.  Then:
 *
 *	 dyad @> P		the fraction of rows involving P
 *	 dyad && A-B	the fractions of A and of B, less that of the rows that
 *					are A-B itself, which involve both
 *
 * Without that slot (statistics gathered before, or a party column compared
 * with a constant dyad), generic_restriction_selectivity applies the
 * operator to the MCV list and histogram; without any statistics, the
 * defaults below.  Join selectivity is a constant, the defaults again.
 */
#include "secpact.h"

#include "access/htup_details.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "commands/vacuum.h"
#include "utils/array.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
#include "utils/selfuncs.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "members.h"

/*
 * Without statistics, suppose every pair of the 250 parties equally likely:
 * of the 250 * 249 / 2 = 31125 dyads, 249 involve a given party (2/250), and
 * 497 share a party with a given dyad (249 + 249, less the dyad itself
 * counted twice: about 4/250).  Real data is skewed towards hubs, so these
 * are averages rather than bounds, but they are grounded in the domain,
 * unlike the 0.001 of PostgreSQL's generic containment estimator.  Former
 * parties (1.2) are left out of these averages: rows of them are rare, and
 * estimates stay what they were for the data most tables hold.
 */
#define DYAD_PAIRS					31125.0
#define DYAD_CONTAINS_DEFAULT_SEL	(249.0 / DYAD_PAIRS)
#define DYAD_OVERLAP_DEFAULT_SEL	(497.0 / DYAD_PAIRS)

/*
 * The most a party absent from the statistics is estimated at: ANALYZE keeps
 * every party its sample met, so an absent one is rare.  PostgreSQL caps
 * array elements missing from their statistics the same way, at the same
 * 0.005 (DEFAULT_CONTAIN_SEL in array_selfuncs.c); without a cap, a column
 * whose every row is BE-UA estimated any other party at half the rows.
 */
#define DYAD_ABSENT_PARTY_MAX_SEL	0.005

/* A counter for each possible party code (party_code_slot). */
#define PARTY_COUNTERS PARTY_CODE_SLOTS

static inline int
party_counter(PartyCode code)
{
	return party_code_slot(code);
}

/* ANALYZE */

typedef struct DyadAnalyzeExtra
{
	/* what std_typanalyze set up, for the standard statistics */
	AnalyzeAttrComputeStatsFunc std_compute_stats;
	void	   *std_extra_data;
	/* the element type of the most-common-elements slot */
	Oid			party_type;
	Oid			party_eq;
} DyadAnalyzeExtra;

static void compute_dyad_stats(VacAttrStats *stats, AnalyzeAttrFetchFunc fetchfunc,
							   int samplerows, double totalrows);

PG_FUNCTION_INFO_V1(dyad_typanalyze);
Datum
dyad_typanalyze(PG_FUNCTION_ARGS)
{
	VacAttrStats *stats = (VacAttrStats *) PG_GETARG_POINTER(0);
	DyadAnalyzeExtra *extra;
	const SecpactMembers *m;

	if (!std_typanalyze(stats))
		PG_RETURN_BOOL(false);

	/*
	 * The element type is the extension's own party, never a type found by
	 * name: the column's type may be a domain in a schema any role fills
	 * (pg_temp), where a "party" of another layout would be written into the
	 * slot and crash whoever reads it.  Only a column whose values are the
	 * extension's dyads is counted, whatever type the function is attached to.
	 */
	m = secpact_members();
	if (!OidIsValid(m->party) || !OidIsValid(m->party_eq) ||
		!secpact_is_dyad_type(stats->attrtypid))
		PG_RETURN_BOOL(true);	/* the standard statistics alone, then */

	extra = palloc(sizeof(DyadAnalyzeExtra));
	extra->std_compute_stats = stats->compute_stats;
	extra->std_extra_data = stats->extra_data;
	extra->party_type = m->party;
	extra->party_eq = m->party_eq;
	stats->compute_stats = compute_dyad_stats;
	stats->extra_data = extra;
	PG_RETURN_BOOL(true);
}

static void
compute_dyad_stats(VacAttrStats *stats, AnalyzeAttrFetchFunc fetchfunc,
				   int samplerows, double totalrows)
{
	DyadAnalyzeExtra *extra = (DyadAnalyzeExtra *) stats->extra_data;
	int		   *counts;
	int			nonnull = 0;
	int			nparties = 0;
	int			slot;
	int			k;
	float4		minfreq = 1.0;
	float4		maxfreq = 0.0;
	Datum	   *values;
	float4	   *numbers;
	MemoryContext old;

	/* The standard statistics first, with the extra data they expect. */
	stats->extra_data = extra->std_extra_data;
	extra->std_compute_stats(stats, fetchfunc, samplerows, totalrows);
	stats->extra_data = extra;

	counts = palloc0(PARTY_COUNTERS * sizeof(int));
	for (int i = 0; i < samplerows; i++)
	{
		bool		isnull;
		Datum		value;
		DyadCode	dyad;

		secpact_analyze_delay_point();
		value = fetchfunc(stats, i, &isnull);
		if (isnull)
			continue;
		dyad = DatumGetDyad(value);
		/* Stored values were validated on the way in; skip anything else. */
		if (!dyad_is_valid(dyad))
			continue;
		counts[party_counter(DYAD_FIRST(dyad))]++;
		counts[party_counter(DYAD_SECOND(dyad))]++;
		nonnull++;
	}

	for (slot = 0; slot < STATISTIC_NUM_SLOTS; slot++)
		if (stats->stakind[slot] == 0)
			break;
	if (nonnull == 0 || slot == STATISTIC_NUM_SLOTS)
		return;

	for (int c = 0; c < PARTY_COUNTERS; c++)
		if (counts[c] > 0)
			nparties++;

	/*
	 * In the element type's order, for binary search; then the minimum and
	 * maximum frequencies, as the slot kind requires.  No null elements.
	 */
	old = MemoryContextSwitchTo(stats->anl_context);
	values = palloc(nparties * sizeof(Datum));
	numbers = palloc((nparties + 2) * sizeof(float4));
	MemoryContextSwitchTo(old);
	k = 0;
	for (int c = 0; c < PARTY_COUNTERS; c++)
	{
		float4		freq;

		if (counts[c] == 0)
			continue;
		freq = (float4) counts[c] / (float4) nonnull;
		values[k] = PartyGetDatum(party_slot_code(c));
		numbers[k] = freq;
		minfreq = Min(minfreq, freq);
		maxfreq = Max(maxfreq, freq);
		k++;
	}
	numbers[nparties] = minfreq;
	numbers[nparties + 1] = maxfreq;

	stats->stakind[slot] = STATISTIC_KIND_MCELEM;
	stats->staop[slot] = extra->party_eq;
	stats->stacoll[slot] = InvalidOid;
	stats->stavalues[slot] = values;
	stats->numvalues[slot] = nparties;
	stats->stanumbers[slot] = numbers;
	stats->numnumbers[slot] = nparties + 2;
	stats->statypid[slot] = extra->party_type;
	stats->statyplen[slot] = sizeof(PartyCode);
	stats->statypbyval[slot] = true;
	stats->statypalign[slot] = TYPALIGN_SHORT;
	pfree(counts);
}

/* Estimation */

/*
 * The per-party frequencies of a dyad column, when ANALYZE stored them.
 *
 * The slot is checked before anything in it is unpacked: its operator must
 * be party's =, the element type of its array the extension's party (2
 * bytes, by value).  Statistics written by secpact 1.1 for a domain beside a
 * foreign "party" type fail these checks and are ignored, as is anything not
 * written by compute_dyad_stats.
 */
static bool
get_party_frequencies(VariableStatData *vardata, AttStatsSlot *sslot)
{
	const SecpactMembers *m = secpact_members();
	Form_pg_statistic stats;
	int			slot;
	Datum		values;
	bool		isnull;
	ArrayType  *array;
	bool		ok;

	if (!HeapTupleIsValid(vardata->statsTuple) || !OidIsValid(m->party))
		return false;
	stats = (Form_pg_statistic) GETSTRUCT(vardata->statsTuple);
	for (slot = 0; slot < STATISTIC_NUM_SLOTS; slot++)
		if ((&stats->stakind1)[slot] == STATISTIC_KIND_MCELEM)
			break;
	if (slot == STATISTIC_NUM_SLOTS || (&stats->staop1)[slot] != m->party_eq)
		return false;
	values = SysCacheGetAttr(STATRELATTINH, vardata->statsTuple,
							 Anum_pg_statistic_stavalues1 + slot, &isnull);
	if (isnull)
		return false;
	array = DatumGetArrayTypeP(values);
	ok = ARR_ELEMTYPE(array) == m->party && ARR_NDIM(array) == 1 && !ARR_HASNULL(array);
	if ((Pointer) array != DatumGetPointer(values))
		pfree(array);
	if (!ok)
		return false;

	if (!get_attstatsslot(sslot, vardata->statsTuple, STATISTIC_KIND_MCELEM,
						  m->party_eq, ATTSTATSSLOT_VALUES | ATTSTATSSLOT_NUMBERS))
		return false;
	if (sslot->valuetype != m->party || sslot->nvalues < 1 ||
		sslot->nnumbers < sslot->nvalues + 2)
	{
		free_attstatsslot(sslot);
		return false;
	}
	return true;
}

/* The fraction of non-null rows involving party. */
static double
party_frequency(const AttStatsSlot *sslot, PartyCode party)
{
	int			lo = 0;
	int			hi = sslot->nvalues - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		PartyCode	code = DatumGetParty(sslot->values[mid]);

		if (code == party)
			return sslot->numbers[mid];
		if (code < party)
			lo = mid + 1;
		else
			hi = mid - 1;
	}

	/*
	 * Not in the sample: rarer than the rarest party that was, so half of
	 * that, as PostgreSQL guesses for array elements it has not seen, and no
	 * more than PostgreSQL's cap for them.
	 */
	return Min(sslot->numbers[sslot->nvalues] / 2.0, DYAD_ABSENT_PARTY_MAX_SEL);
}

static double
null_fraction(VariableStatData *vardata)
{
	return ((Form_pg_statistic) GETSTRUCT(vardata->statsTuple))->stanullfrac;
}

/*
 * Every estimator here reads values with the layouts of dyad and party: one
 * attached to an operator on other types (only a superuser can) would read
 * pointers as codes or codes as pointers.  An error instead.
 */
static void
check_operator_types(Oid operator, const char *estimator, bool contains)
{
	Oid			left;
	Oid			right;
	bool		ok;

	op_input_types(operator, &left, &right);
	if (contains)
		ok = (secpact_is_dyad_type(left) && secpact_is_party_type(right)) ||
			(secpact_is_party_type(left) && secpact_is_dyad_type(right));
	else
		ok = secpact_is_dyad_type(left) && secpact_is_dyad_type(right);
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
				 errmsg("%s cannot estimate operator %s", estimator, format_operator(operator)),
				 errdetail(contains ? "It estimates operators between a dyad and a party." :
						   "It estimates operators between two dyads.")));
}

/*
 * The selectivity of a restriction clause between a dyad column and a
 * constant, or -1 when the clause or the statistics do not allow one here.
 * For @> and <@ the constant is a party, for && a dyad.
 */
static double
dyad_clause_selectivity(PlannerInfo *root, Oid operator, List *args,
						int varRelid, bool overlap)
{
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	AttStatsSlot sslot;
	Const	   *constant;
	double		selec;

	if (!get_restriction_variable(root, args, varRelid, &vardata, &other, &varonleft))
		return -1;
	if (!IsA(other, Const))
	{
		ReleaseVariableStats(vardata);
		return -1;
	}
	constant = (Const *) other;
	if (constant->constisnull)
	{
		/* Strict operators never return true on a null. */
		ReleaseVariableStats(vardata);
		return 0.0;
	}
	/* the dyad column's frequencies of the constant's parties: nothing else */
	if (!secpact_is_dyad_type(vardata.vartype) ||
		!(overlap ? secpact_is_dyad_type(constant->consttype) :
		  secpact_is_party_type(constant->consttype)))
	{
		ReleaseVariableStats(vardata);
		return -1;
	}
	if (!get_party_frequencies(&vardata, &sslot))
	{
		ReleaseVariableStats(vardata);
		return -1;
	}

	if (!overlap)
		selec = party_frequency(&sslot, DatumGetParty(constant->constvalue)) *
			(1.0 - null_fraction(&vardata));
	else
	{
		DyadCode	query = DatumGetDyad(constant->constvalue);
		Oid			eq = secpact_members()->dyad_eq;

		selec = (party_frequency(&sslot, DYAD_FIRST(query)) +
				 party_frequency(&sslot, DYAD_SECOND(query))) *
			(1.0 - null_fraction(&vardata));

		/*
		 * Rows that are the query dyad itself involve both of its parties and
		 * were counted twice.  var_eq_const gives their share of all rows,
		 * nulls included, as selec now is.
		 */
		if (OidIsValid(eq))
			selec -= var_eq_const(&vardata, eq, InvalidOid, constant->constvalue,
								  false, true, false);
	}
	free_attstatsslot(&sslot);
	ReleaseVariableStats(vardata);
	CLAMP_PROBABILITY(selec);
	return selec;
}

/* dyad @> party, party <@ dyad */
PG_FUNCTION_INFO_V1(dyad_contains_sel);
Datum
dyad_contains_sel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	double		selec;

	check_operator_types(operator, "dyad_contains_sel", true);
	selec = dyad_clause_selectivity(root, operator, args, varRelid, false);

	if (selec < 0)
		selec = generic_restriction_selectivity(root, operator, PG_GET_COLLATION(),
												args, varRelid,
												DYAD_CONTAINS_DEFAULT_SEL);
	PG_RETURN_FLOAT8(selec);
}

/* dyad && dyad */
PG_FUNCTION_INFO_V1(dyad_overlap_sel);
Datum
dyad_overlap_sel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	double		selec;

	check_operator_types(operator, "dyad_overlap_sel", false);
	selec = dyad_clause_selectivity(root, operator, args, varRelid, true);

	if (selec < 0)
		selec = generic_restriction_selectivity(root, operator, PG_GET_COLLATION(),
												args, varRelid,
												DYAD_OVERLAP_DEFAULT_SEL);
	PG_RETURN_FLOAT8(selec);
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
	int			lo = 0;
	int			hi = cache->n - 1;

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
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (cache->values[mid] == value)
			return cache->shares[mid];
		if (cache->values[mid] < value)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return cache->other_share;
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
	check_operator_types(operator, "dyad_eqsel", false);
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

PG_FUNCTION_INFO_V1(dyad_contains_joinsel);
Datum
dyad_contains_joinsel(PG_FUNCTION_ARGS)
{
	check_operator_types(PG_GETARG_OID(1), "dyad_contains_joinsel", true);
	PG_RETURN_FLOAT8(DYAD_CONTAINS_DEFAULT_SEL);
}

PG_FUNCTION_INFO_V1(dyad_overlap_joinsel);
Datum
dyad_overlap_joinsel(PG_FUNCTION_ARGS)
{
	check_operator_types(PG_GETARG_OID(1), "dyad_overlap_joinsel", false);
	PG_RETURN_FLOAT8(DYAD_OVERLAP_DEFAULT_SEL);
}
