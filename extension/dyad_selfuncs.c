/*
 * dyad_selfuncs.c: the selectivity of @>, <@ and && on dyad columns.
 *
 * ANALYZE (dyad_typanalyze.c) stores, beside the standard statistics, the
 * fraction of sampled rows that involve each party.  Then:
 *
 *	 dyad @> P		the fraction of rows involving P
 *	 dyad && A-B	the fractions of A and of B, less that of the rows that
 *					are A-B itself, which involve both
 *
 * Without that slot (statistics gathered before, or a party column compared
 * with a constant dyad), generic_restriction_selectivity applies the
 * operator to the MCV list and histogram; without any statistics, the
 * defaults below.  Join selectivity is a constant, the defaults again.
 * The estimator of = (dyad_eqsel) lives beside the btree rewrite it exists
 * for, in dyad_support.c.
 */
#include "secpact.h"

#include "access/htup_details.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
#include "utils/selfuncs.h"
#include "utils/syscache.h"

#include "dyad_selfuncs.h"
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

/* bsearch's comparison of a party with a slot's element */
static int
party_datum_cmp(const void *key, const void *elem)
{
	PartyCode	a = *(const PartyCode *) key;
	PartyCode	b = DatumGetParty(*(const Datum *) elem);

	return a < b ? -1 : a > b;
}

/* The fraction of non-null rows involving party. */
static double
party_frequency(const AttStatsSlot *sslot, PartyCode party)
{
	const Datum *found = bsearch(&party, sslot->values, sslot->nvalues, sizeof(Datum),
								 party_datum_cmp);

	if (found != NULL)
		return sslot->numbers[found - sslot->values];

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

/* See dyad_selfuncs.h: an error rather than reading one layout as another. */
void
dyad_check_estimator_operator(Oid operator, const char *estimator, bool contains)
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
 * dyad && constant: the rows involving either party of the constant, less
 * the rows that are the constant itself, which involve both.
 */
static double
overlap_selectivity(VariableStatData *vardata, AttStatsSlot *sslot, Const *constant)
{
	DyadCode	query = DatumGetDyad(constant->constvalue);
	Oid			eq = secpact_members()->dyad_eq;
	double		selec;

	selec = (party_frequency(sslot, DYAD_FIRST(query)) +
			 party_frequency(sslot, DYAD_SECOND(query))) *
		(1.0 - null_fraction(vardata));

	/*
	 * Rows that are the query dyad itself involve both of its parties and
	 * were counted twice.  var_eq_const gives their share of all rows, nulls
	 * included, as selec now is.
	 */
	if (OidIsValid(eq))
		selec -= var_eq_const(vardata, eq, InvalidOid, constant->constvalue,
							  false, true, false);
	return selec;
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
		selec = overlap_selectivity(&vardata, &sslot, constant);
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

	dyad_check_estimator_operator(operator, "dyad_contains_sel", true);
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

	dyad_check_estimator_operator(operator, "dyad_overlap_sel", false);
	selec = dyad_clause_selectivity(root, operator, args, varRelid, true);

	if (selec < 0)
		selec = generic_restriction_selectivity(root, operator, PG_GET_COLLATION(),
												args, varRelid,
												DYAD_OVERLAP_DEFAULT_SEL);
	PG_RETURN_FLOAT8(selec);
}

PG_FUNCTION_INFO_V1(dyad_contains_joinsel);
Datum
dyad_contains_joinsel(PG_FUNCTION_ARGS)
{
	dyad_check_estimator_operator(PG_GETARG_OID(1), "dyad_contains_joinsel", true);
	PG_RETURN_FLOAT8(DYAD_CONTAINS_DEFAULT_SEL);
}

PG_FUNCTION_INFO_V1(dyad_overlap_joinsel);
Datum
dyad_overlap_joinsel(PG_FUNCTION_ARGS)
{
	dyad_check_estimator_operator(PG_GETARG_OID(1), "dyad_overlap_joinsel", false);
	PG_RETURN_FLOAT8(DYAD_OVERLAP_DEFAULT_SEL);
}
