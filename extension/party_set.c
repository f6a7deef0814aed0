/*
 * party_set.c: fmgr wrappers of the aggregates count_parties() and
 * party_set() over party_set_core.c.
 *
 * Both aggregates keep one PartySet (85 bytes) as an internal state in the
 * aggregate's memory context.  Partial states from parallel workers travel
 * as the set's bytes and combine with a bitwise OR, so PostgreSQL can run
 * them as Partial Aggregate under Gather, which it never does for
 * count(DISTINCT ...).
 */
#include "secpact.h"

#include "members.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "party_set_core.h"

/* The state, created in the aggregate's context on the first party. */
static PartySet *
state_for_add(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s called in non-aggregate context", fn);
	if (PG_ARGISNULL(0))
		return (PartySet *) MemoryContextAllocZero(aggcontext, sizeof(PartySet));
	return (PartySet *) PG_GETARG_POINTER(0);
}

/* A NULL input leaves the state as it is (NULL until the first party). */
static Datum
unchanged_state(FunctionCallInfo fcinfo, const char *fn)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "%s called in non-aggregate context", fn);
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(PG_GETARG_POINTER(0));
}

static void
add_party(PartySet *set, PartyCode code)
{
	if (!party_set_add(set, code))
		party_unknown_value(code);
}

/*
 * party_set_add_party(internal, party): adds a party; a NULL party leaves
 * the state as it is (NULL until the first party).
 */
PG_FUNCTION_INFO_V1(party_set_add_party);
Datum
party_set_add_party(PG_FUNCTION_ARGS)
{
	PartySet   *set;

	if (PG_ARGISNULL(1))
		return unchanged_state(fcinfo, "party_set_add_party");
	set = state_for_add(fcinfo, "party_set_add_party");
	add_party(set, PG_GETARG_PARTY(1));
	PG_RETURN_POINTER(set);
}

/* party_set_add_dyad(internal, dyad): adds both parties of a dyad. */
PG_FUNCTION_INFO_V1(party_set_add_dyad);
Datum
party_set_add_dyad(PG_FUNCTION_ARGS)
{
	PartySet   *set;
	DyadCode	dyad;

	if (PG_ARGISNULL(1))
		return unchanged_state(fcinfo, "party_set_add_dyad");
	set = state_for_add(fcinfo, "party_set_add_dyad");
	dyad = PG_GETARG_DYAD(1);
	add_party(set, DYAD_FIRST(dyad));
	add_party(set, DYAD_SECOND(dyad));
	PG_RETURN_POINTER(set);
}

/*
 * party_set_combine(internal, internal): the union of two partial states.
 * Not strict, as PostgreSQL requires of an internal state: either may be
 * NULL (a worker that saw no party).  The first state may be changed in
 * place, being the aggregate's own; a second one alone is copied into the
 * aggregate's context rather than returned, since it may live elsewhere.
 */
PG_FUNCTION_INFO_V1(party_set_combine);
Datum
party_set_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	PartySet   *set;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "party_set_combine called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	if (PG_ARGISNULL(0))
	{
		set = (PartySet *) MemoryContextAlloc(aggcontext, sizeof(PartySet));
		memcpy(set, PG_GETARG_POINTER(1), sizeof(PartySet));
		PG_RETURN_POINTER(set);
	}
	set = (PartySet *) PG_GETARG_POINTER(0);
	party_set_union(set, (PartySet *) PG_GETARG_POINTER(1));
	PG_RETURN_POINTER(set);
}

/* party_set_serialize(internal): the set's 85 bytes, for parallel query. */
PG_FUNCTION_INFO_V1(party_set_serialize);
Datum
party_set_serialize(PG_FUNCTION_ARGS)
{
	PartySet   *set;
	bytea	   *result;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "party_set_serialize called in non-aggregate context");
	set = (PartySet *) PG_GETARG_POINTER(0);
	result = (bytea *) palloc(VARHDRSZ + PARTY_SET_BYTES);
	SET_VARSIZE(result, VARHDRSZ + PARTY_SET_BYTES);
	memcpy(VARDATA(result), set->bits, PARTY_SET_BYTES);
	PG_RETURN_BYTEA_P(result);
}

/* party_set_deserialize(bytea, internal): a state from its 85 bytes. */
PG_FUNCTION_INFO_V1(party_set_deserialize);
Datum
party_set_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *bytes;
	PartySet   *set;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "party_set_deserialize called in non-aggregate context");
	bytes = PG_GETARG_BYTEA_PP(0);
	set = (PartySet *) palloc(sizeof(PartySet));
	if (!party_set_from_bytes((const uint8_t *) VARDATA_ANY(bytes),
							   VARSIZE_ANY_EXHDR(bytes), set))
		elog(ERROR, "invalid serialized party set of %zu bytes",
			 (size_t) VARSIZE_ANY_EXHDR(bytes));
	PG_RETURN_POINTER(set);
}

/* party_set_count_final(internal): the number of parties; 0 for no rows. */
PG_FUNCTION_INFO_V1(party_set_count_final);
Datum
party_set_count_final(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_INT32(0);
	PG_RETURN_INT32(party_set_count((PartySet *) PG_GETARG_POINTER(0)));
}

/*
 * party_set_array_final(internal): the parties as party[], in alpha-2 order;
 * NULL when no row had a party, as array_agg() over no rows.  The element
 * type is the party type of this installation, from the declared result
 * type, as dyad_parties() finds it.
 */
PG_FUNCTION_INFO_V1(party_set_array_final);
Datum
party_set_array_final(PG_FUNCTION_ARGS)
{
	PartySet   *set;
	Datum	   *elems;
	int			n = 0;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	set = (PartySet *) PG_GETARG_POINTER(0);
	elems = (Datum *) palloc(sizeof(Datum) * party_set_count(set));
	for (int i = party_set_next(set, 0); i >= 0; i = party_set_next(set, i + 1))
		elems[n++] = PartyGetDatum(party_set_code(i));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, secpact_result_element_type(fcinfo, false),
										  sizeof(PartyCode), true, TYPALIGN_SHORT));
}
