/*
 * membership.c: accession_order() over secpact.membership.
 *
 * "The nth to join" is "the nth to sign" asked of one multilateral
 * instrument, so the members go through signing_core's first-signing table
 * and ranking, the same code as signing_order: a member's first spell gives
 * its place (a member that leaves and rejoins keeps it), members on the
 * same day with a known order within the day come first, peers share a
 * place and the next place skips.  An instrument has at most a few hundred
 * spells, so they are read through SPI into memory.
 */
#include "secpact.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "partial_date.h"
#include "signing_core.h"
#include "citus_shards.h"

/* Which date ranks the members. */
typedef enum AccessionBy
{
	BY_JOINED,					/* bound_on, else signed_on */
	BY_BOUND,					/* bound_on only */
	BY_SIGNED					/* signed_on only */
} AccessionBy;

static AccessionBy
parse_by(text *by)
{
	const char *s = VARDATA_ANY(by);
	size_t		len = VARSIZE_ANY_EXHDR(by);

	if (len == 6 && memcmp(s, "joined", 6) == 0)
		return BY_JOINED;
	if (len == 5 && memcmp(s, "bound", 5) == 0)
		return BY_BOUND;
	if (len == 6 && memcmp(s, "signed", 6) == 0)
		return BY_SIGNED;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid accession_order date: \"%s\"", secpact_quote_input(s, len)),
			 errhint("Rank members by \"joined\" (bound, else signed: the default), \"bound\" or \"signed\".")));
	return BY_JOINED;			/* not reached */
}

/* The columns the membership query returns, in this order. */
enum
{
	M_PARTY,
	M_SIGNED_ON,
	M_SIGNED_ORDER,
	M_BOUND_ON,
	M_BOUND_ORDER,
	M_ID,
	M_SIGNED_PRECISION,
	M_BOUND_PRECISION,
	M_NCOLS
};

/*
 * accession_order(agreement bigint, by text): the members of a multilateral
 * agreement in the order of their first spells.  Strict.
 */
PG_FUNCTION_INFO_V1(accession_order);
Datum
accession_order(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int64		agreement = PG_GETARG_INT64(0);
	AccessionBy by = parse_by(PG_GETARG_TEXT_PP(1));
	FirstSigning *firsts;
	SigningOrderRow *rows;
	Oid			types[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(agreement)};
	bool		isnull;
	int			n = 0;

	InitMaterializedSRF(fcinfo, 0);
	/* a Citus worker's local registry would answer "does not exist" */
	registry_guard_check();
	party_core_init();
	firsts = palloc0(sizeof(FirstSigning) * party_table_len);
	rows = palloc(sizeof(SigningOrderRow) * party_table_len);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	/* As the caller, so row-level security hides what it hides. */
	if (SPI_execute_with_args("SELECT a.multilateral FROM secpact.agreement a"
							  " WHERE a.id OPERATOR(pg_catalog.=) $1",
							  1, types, values, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "reading the agreement failed");
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agreement " INT64_FORMAT " does not exist", agreement)));
	if (!DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agreement " INT64_FORMAT " is bilateral", agreement),
				 errdetail("Only a multilateral agreement has an accession order."),
				 errhint("The order of a party's bilateral agreements is signing_order(party).")));

	/* before 1.3 every date is known to the day */
	if (SPI_execute_with_args(registry_has_precision() ?
							  "SELECT m.party, m.signed_on, m.signed_order, m.bound_on,"
							  " m.bound_order, m.id, m.signed_on_precision, m.bound_on_precision"
							  " FROM secpact.membership m"
							  " WHERE m.agreement_id OPERATOR(pg_catalog.=) $1" :
							  "SELECT m.party, m.signed_on, m.signed_order, m.bound_on,"
							  " m.bound_order, m.id, NULL::pg_catalog.oid, NULL::pg_catalog.oid"
							  " FROM secpact.membership m"
							  " WHERE m.agreement_id OPERATOR(pg_catalog.=) $1",
							  1, types, values, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "reading the members failed");
	if (SPI_tuptable->tupdesc->natts != M_NCOLS)
		elog(ERROR, "membership query returned %d columns instead of %d",
			 SPI_tuptable->tupdesc->natts, M_NCOLS);

	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tuple = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		bool		party_null,
					signed_null,
					bound_null,
					order_null,
					id_null;
		Datum		party = SPI_getbinval(tuple, desc, M_PARTY + 1, &party_null);
		Datum		signed_on = SPI_getbinval(tuple, desc, M_SIGNED_ON + 1, &signed_null);
		Datum		bound_on = SPI_getbinval(tuple, desc, M_BOUND_ON + 1, &bound_null);
		Datum		id = SPI_getbinval(tuple, desc, M_ID + 1, &id_null);
		Datum		order;
		Datum		precision;
		bool		precision_null;
		Signing		signing;
		int			row;
		bool		use_bound;

		if (party_null || id_null)
			continue;			/* NOT NULL columns */
		use_bound = by == BY_BOUND || (by == BY_JOINED && !bound_null);
		if (use_bound ? bound_null : signed_null)
			continue;			/* no date of that kind: not ranked */
		order = SPI_getbinval(tuple, desc, (use_bound ? M_BOUND_ORDER : M_SIGNED_ORDER) + 1,
							  &order_null);
		signing.day = DatumGetDateADT(use_bound ? bound_on : signed_on);
		signing.order = order_null ? SIGNING_ORDER_UNKNOWN : DatumGetInt16(order);
		signing.id = DatumGetInt64(id);
		/* a partial date ties with every date of its period */
		precision = SPI_getbinval(tuple, desc,
								  (use_bound ? M_BOUND_PRECISION : M_SIGNED_PRECISION) + 1,
								  &precision_null);
		signing.span = 0;
		if (!precision_null && !DATE_NOT_FINITE(signing.day))
			signing.span = partial_date_last(signing.day,
											 partial_precision_from_datum(precision)) - signing.day;

		row = party_table_row(DatumGetParty(party));
		if (row < 0)
			party_unknown_value(DatumGetParty(party));
		first_signing_offer(&firsts[row], &signing);
	}
	SPI_finish();

	for (int row = 0; row < party_table_len; row++)
		if (firsts[row].seen)
			rows[n++] = signing_order_row(row, &firsts[row]);
	signing_order_rank(rows, n);

	for (int i = 0; i < n; i++)
	{
		Datum		out[6];
		bool		nulls[6] = {false, false, false, false, false, false};
		char		ordinal[ORDINAL_MAX_LEN];
		size_t		len = ordinal_format(rows[i].position, ordinal);
		PartyCode	party = party_table[rows[i].index].code;

		out[0] = Int32GetDatum(rows[i].position);
		out[1] = PartyGetDatum(party);
		out[2] = PointerGetDatum(party_name_text(party, party_session_language()));
		out[3] = DateADTGetDatum(rows[i].day);
		out[4] = PointerGetDatum(cstring_to_text_with_len(ordinal, (int) len));
		out[5] = BoolGetDatum(rows[i].shared);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, out, nulls);
	}
	return (Datum) 0;
}
