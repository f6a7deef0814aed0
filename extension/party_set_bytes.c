/*
 * party_set_bytes.c: count_parties() and party_set() with a bytea state,
 * the set's PARTY_SET_BYTES bytes (party_set_core.h), from 1.3.
 *
 * An internal state never leaves the backend, so Citus cannot run these
 * aggregates in the shards and combine the partial states: it shipped every
 * row to the coordinator instead.  A bytea state is a value Citus sends
 * between nodes.  Inside an aggregate the state is changed in place, in the
 * aggregate's context, as the internal one was; a state from outside (a
 * direct call, or a partial state Citus sends) is validated before use.
 */
#include "secpact.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "party_set_core.h"

#define STATE_SIZE (VARHDRSZ + PARTY_SET_BYTES)

/* A state's set, refused when it is not one (wrong size, unused bits). */
static PartySet *
state_set(bytea *state)
{
	PartySet	check;

	if (VARATT_IS_EXTENDED(state) || VARSIZE(state) != STATE_SIZE ||
		!party_set_from_bytes((const uint8_t *) VARDATA(state), PARTY_SET_BYTES, &check))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid party set state of %zu bytes", (size_t) VARSIZE_ANY_EXHDR(state)),
				 errdetail("A party set state is the %d bytes count_parties() and party_set() make.",
						   PARTY_SET_BYTES)));
	return (PartySet *) VARDATA(state);
}

/*
 * The state to add to: the aggregate's own (changed in place), a new one in
 * the aggregate's context for a NULL, or, outside an aggregate, a copy.
 */
static bytea *
writable_state(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;
	bool		in_agg = AggCheckCallContext(fcinfo, &aggcontext) != 0;
	bytea	   *state;

	if (PG_ARGISNULL(0))
	{
		state = in_agg ? MemoryContextAllocZero(aggcontext, STATE_SIZE) : palloc0(STATE_SIZE);
		SET_VARSIZE(state, STATE_SIZE);
		return state;
	}
	state = PG_GETARG_BYTEA_P(0);
	if (!in_agg)
	{
		state_set(state);
		state = (bytea *) pg_detoast_datum_copy((struct varlena *) state);
	}
	return state;
}

static void
add_party(bytea *state, PartyCode code)
{
	/* Every stored value was validated on the way in. */
	if (!party_set_add((PartySet *) VARDATA(state), code))
		party_unknown_value(code);
}

/* party_set_bytes_add_party(bytea, party): a NULL party changes nothing. */
PG_FUNCTION_INFO_V1(party_set_bytes_add_party);
Datum
party_set_bytes_add_party(PG_FUNCTION_ARGS)
{
	bytea	   *state;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	state = writable_state(fcinfo);
	add_party(state, PG_GETARG_PARTY(1));
	PG_RETURN_BYTEA_P(state);
}

/* party_set_bytes_add_dyad(bytea, dyad): both parties of the dyad. */
PG_FUNCTION_INFO_V1(party_set_bytes_add_dyad);
Datum
party_set_bytes_add_dyad(PG_FUNCTION_ARGS)
{
	bytea	   *state;
	DyadCode	dyad;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	state = writable_state(fcinfo);
	dyad = PG_GETARG_DYAD(1);
	add_party(state, DYAD_FIRST(dyad));
	add_party(state, DYAD_SECOND(dyad));
	PG_RETURN_BYTEA_P(state);
}

/*
 * party_set_bytes_combine(bytea, bytea): the union of two partial states,
 * either of which may be NULL; the second is validated (it may come from
 * another node), the first too outside an aggregate.
 */
PG_FUNCTION_INFO_V1(party_set_bytes_combine);
Datum
party_set_bytes_combine(PG_FUNCTION_ARGS)
{
	bytea	   *state;
	PartySet   *other;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		state = PG_GETARG_BYTEA_P(0);
		state_set(state);
		PG_RETURN_BYTEA_P(state);
	}
	other = state_set(PG_GETARG_BYTEA_P(1));
	state = writable_state(fcinfo);
	party_set_union(state_set(state), other);
	PG_RETURN_BYTEA_P(state);
}

/* party_set_bytes_count_final(bytea): the number of parties; 0 for none. */
PG_FUNCTION_INFO_V1(party_set_bytes_count_final);
Datum
party_set_bytes_count_final(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		PG_RETURN_INT32(0);
	PG_RETURN_INT32(party_set_count(state_set(PG_GETARG_BYTEA_P(0))));
}

/*
 * party_set_bytes_array_final(bytea): the parties in alpha-2 order, NULL for
 * none; the element type from the declared result, as party_set.c does.
 */
PG_FUNCTION_INFO_V1(party_set_bytes_array_final);
Datum
party_set_bytes_array_final(PG_FUNCTION_ARGS)
{
	PartySet   *set;
	Oid		   *party_type = (Oid *) fcinfo->flinfo->fn_extra;
	Datum	   *elems;
	int			n = 0;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	set = state_set(PG_GETARG_BYTEA_P(0));
	if (party_type == NULL)
	{
		Oid			array_type = get_func_rettype(fcinfo->flinfo->fn_oid);

		party_type = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(Oid));
		*party_type = get_element_type(array_type);
		if (!OidIsValid(*party_type))
			elog(ERROR, "party_set_bytes_array_final must return an array of party");
		fcinfo->flinfo->fn_extra = party_type;
	}
	elems = (Datum *) palloc(sizeof(Datum) * Max(party_set_count(set), 1));
	for (int i = party_set_next(set, 0); i >= 0; i = party_set_next(set, i + 1))
		elems[n++] = PartyGetDatum(party_set_code(i));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, *party_type,
										  sizeof(PartyCode), true, TYPALIGN_SHORT));
}
