/*
 * signing.c: fmgr wrappers of signing_position() and ordinal() over
 * signing_core.c.
 */
#include "secpact.h"

#include "utils/builtins.h"
#include "windowapi.h"

#include "signing_core.h"

/* The mode of the current row: the second argument, "rank" when absent. */
static SigningMode
current_mode(FunctionCallInfo fcinfo, WindowObject winobj)
{
	SigningMode mode = SIGNING_RANK;
	Datum		arg;
	bool		isnull;
	text	   *t;

	if (PG_NARGS() < 2)
		return mode;

	/*
	 * Read on every row, not once per partition: the mode may be any
	 * expression, and since both places are kept per counterpart, each row
	 * can be answered in its own mode.
	 */
	arg = WinGetFuncArgCurrent(winobj, 1, &isnull);
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("signing_position mode must not be null"),
				 errhint("Valid modes are \"rank\" (the default) and \"dense\".")));
	t = DatumGetTextPP(arg);
	if (!signing_parse_mode(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &mode))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid signing_position mode: \"%s\"",
						secpact_quote_input(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t))),
				 errhint("Valid modes are \"rank\" (the default) and \"dense\".")));
	return mode;
}

/*
 * signing_position(counterpart party [, mode text]): the counterpart's place
 * among the distinct counterparts of the partition, by first signing.
 *
 * Per-partition memory is fixed: one SigningPlace per row of party_table
 * (281 parties, 2.2 kB), indexed by the party's row there, however many rows
 * the partition has.  The executor calls a window function once per row, in
 * window order; the row count kept in the state checks that.
 */
PG_FUNCTION_INFO_V1(signing_position);
Datum
signing_position(PG_FUNCTION_ARGS)
{
	WindowObject winobj = PG_WINDOW_OBJECT();
	SigningState *state;
	SigningMode mode;
	SigningPlace place;
	int64		pos;
	bool		new_group;
	bool		isnull;
	Datum		counterpart;
	int			index = -1;

	if (!WindowObjectIsValid(winobj))
		elog(ERROR, "signing_position called outside a window");

	state = (SigningState *)
		WinGetPartitionLocalMemory(winobj, SIGNING_STATE_SIZE(party_table_len));
	pos = WinGetCurrentPosition(winobj);
	if (pos != state->rows)
		elog(ERROR, "signing_position called for row " INT64_FORMAT " after " INT64_FORMAT " rows",
			 pos, (int64) state->rows);

	/* Validate the mode on every row, NULL counterparts included. */
	mode = current_mode(fcinfo, winobj);

	/*
	 * Without ORDER BY every row is a peer of every other, and
	 * WinRowsArePeers says so.  The mark may move to the current row only
	 * after the previous one has been compared; the next call needs no row
	 * before this one, so the tuplestore can be trimmed up to here.
	 */
	new_group = pos == 0 || !WinRowsArePeers(winobj, pos - 1, pos);
	WinSetMarkPosition(winobj, pos);

	counterpart = WinGetFuncArgCurrent(winobj, 0, &isnull);
	if (!isnull)
	{
		const PartyInfo *p = party_lookup(DatumGetParty(counterpart));

		/* Every stored value was validated on the way in. */
		if (p == NULL)
			party_unknown_value(DatumGetParty(counterpart));
		index = (int) (p - party_table);
	}

	if (!signing_step(state, new_group, index, &place))
		PG_RETURN_NULL();
	PG_RETURN_INT32(mode == SIGNING_DENSE ? place.dense : place.rank);
}

PG_FUNCTION_INFO_V1(ordinal_int4);
Datum
ordinal_int4(PG_FUNCTION_ARGS)
{
	char		out[ORDINAL_MAX_LEN];
	size_t		len = ordinal_format(PG_GETARG_INT32(0), out);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(out, (int) len));
}
