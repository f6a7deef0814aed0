/*
 * dyad_gin.c: the GIN operator class of dyads, dyad_gin_ops.
 *
 * Why GIN: a dyad is a set of two parties, and both questions an index
 * should answer ask whether an element is in that set: parties @> 'UA' (is
 * UA one of the two?) and parties && 'BE-UA' (is BE or UA one of them?).
 * GIN indexes sets by their elements, so with one key per party every answer
 * is exact and no row is rechecked.  GiST would have to summarise groups of
 * dyads by lossy signatures over the 250-party universe and recheck every
 * candidate row.
 *
 * Keys are parties (the opclass says STORAGE party; party_cmp orders them):
 * a dyad yields its two parties, a @> query its one party, and an && query
 * the two parties of its dyad, either of which matches.
 */
#include "secpact.h"

#include "access/gin.h"
#include "access/stratnum.h"

/* The strategy numbers of the opclass, as PostgreSQL's own set types use. */
#define DYAD_OVERLAP_STRATEGY	RTOverlapStrategyNumber	/* && */
#define DYAD_CONTAINS_STRATEGY	RTContainsStrategyNumber	/* @> */

PG_FUNCTION_INFO_V1(dyad_gin_extract_value);
Datum
dyad_gin_extract_value(PG_FUNCTION_ARGS)
{
	DyadCode	dyad = PG_GETARG_DYAD(0);
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	Datum	   *keys = palloc(2 * sizeof(Datum));

	keys[0] = PartyGetDatum(DYAD_FIRST(dyad));
	keys[1] = PartyGetDatum(DYAD_SECOND(dyad));
	*nkeys = 2;
	/* nullFlags is left NULL: no key is ever null. */
	PG_RETURN_POINTER(keys);
}

/*
 * The query is a party for @> and a dyad for &&: the SQL declaration says
 * dyad, as for any extractQuery of a cross-type operator, and the strategy
 * says which it is.  Both are passed by value.
 */
PG_FUNCTION_INFO_V1(dyad_gin_extract_query);
Datum
dyad_gin_extract_query(PG_FUNCTION_ARGS)
{
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	Datum	   *keys;

	switch (strategy)
	{
		case DYAD_CONTAINS_STRATEGY:
			keys = palloc(sizeof(Datum));
			keys[0] = PartyGetDatum(PG_GETARG_PARTY(0));
			*nkeys = 1;
			break;
		case DYAD_OVERLAP_STRATEGY:
			{
				DyadCode	query = PG_GETARG_DYAD(0);

				keys = palloc(2 * sizeof(Datum));
				keys[0] = PartyGetDatum(DYAD_FIRST(query));
				keys[1] = PartyGetDatum(DYAD_SECOND(query));
				*nkeys = 2;
				break;
			}
		default:
			elog(ERROR, "dyad_gin_extract_query: unrecognized strategy number %d",
				 strategy);
			pg_unreachable();
	}
	/* The default search mode: only rows holding a key can match. */
	PG_RETURN_POINTER(keys);
}

/*
 * Both strategies match a row that holds any query key (there is one for
 * @>), and the match is exact: a key found is a party the row's dyad holds.
 */
PG_FUNCTION_INFO_V1(dyad_gin_consistent);
Datum
dyad_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);

	if (strategy != DYAD_CONTAINS_STRATEGY && strategy != DYAD_OVERLAP_STRATEGY)
		elog(ERROR, "dyad_gin_consistent: unrecognized strategy number %d", strategy);

	*recheck = false;
	for (int32 i = 0; i < nkeys; i++)
		if (check[i])
			PG_RETURN_BOOL(true);
	PG_RETURN_BOOL(false);
}

/* The same test on three-valued inputs: true wins, then maybe. */
PG_FUNCTION_INFO_V1(dyad_gin_triconsistent);
Datum
dyad_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	GinTernaryValue result = GIN_FALSE;

	if (strategy != DYAD_CONTAINS_STRATEGY && strategy != DYAD_OVERLAP_STRATEGY)
		elog(ERROR, "dyad_gin_triconsistent: unrecognized strategy number %d", strategy);

	for (int32 i = 0; i < nkeys; i++)
	{
		if (check[i] == GIN_TRUE)
			PG_RETURN_GIN_TERNARY_VALUE(GIN_TRUE);
		if (check[i] == GIN_MAYBE)
			result = GIN_MAYBE;
	}
	PG_RETURN_GIN_TERNARY_VALUE(result);
}
