/*
 * membership.c: accession_order() over secpact.membership.
 *
 * "The nth to join" is "the nth to sign" asked of one multilateral
 * instrument, so the members go through signing_core's first-signing table
 * and ranking, the same code as signing_order: a member's first spell gives
 * its place (a member that leaves and rejoins keeps it), members on the
 * same day with a known order within the day come first, peers share a
 * place and the next place skips.  An instrument has at most a few hundred
 * spells, so they are read through SPI into memory, by one query whose plan
 * is kept for the session.  accession_orders() ranks every multilateral
 * agreement from one ordered scan (LATERAL accession_order() would run a
 * query per agreement).
 */
#include "secpact.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "partial_date.h"
#include "signing_core.h"

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

/* The columns the membership queries return, in this order. */
enum
{
	M_AGREEMENT,
	M_MULTILATERAL,
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

#define MEMBER_COLUMNS \
	"SELECT a.id, a.multilateral, m.party, m.signed_on, m.signed_order, m.bound_on," \
	" m.bound_order, m.id, "
/* before 1.3 every date is known to the day */
#define MEMBER_PRECISION(partial) \
	((partial) ? "m.signed_on_precision, m.bound_on_precision" \
	 : "NULL::pg_catalog.oid, NULL::pg_catalog.oid")

/* one agreement: a row with NULL members when it has none */
#define ONE_AGREEMENT \
	" FROM secpact.agreement a LEFT JOIN secpact.membership m" \
	" ON m.agreement_id OPERATOR(pg_catalog.=) a.id" \
	" WHERE a.id OPERATOR(pg_catalog.=) $1"
/* every multilateral agreement with members, one after the other */
#define EVERY_AGREEMENT \
	" FROM secpact.agreement a JOIN secpact.membership m" \
	" ON m.agreement_id OPERATOR(pg_catalog.=) a.id" \
	" WHERE a.multilateral ORDER BY a.id"

/*
 * The kept plan of a query, [every][partial].  As the caller, so row-level
 * security hides what it hides (the plan cache replans for another role);
 * a change of the tables replans too.
 */
static SPIPlanPtr member_plans[2][2];

static SPIPlanPtr
member_plan(bool every)
{
	bool		partial = registry_has_precision();
	Oid			types[1] = {INT8OID};
	SPIPlanPtr *plan = &member_plans[every][partial];

	if (*plan == NULL)
	{
		SPIPlanPtr	p = SPI_prepare(psprintf("%s%s%s", MEMBER_COLUMNS, MEMBER_PRECISION(partial),
											 every ? EVERY_AGREEMENT : ONE_AGREEMENT),
									every ? 0 : 1, types);

		if (p == NULL || SPI_keepplan(p) != 0)
			elog(ERROR, "preparing the membership query failed: %s",
				 SPI_result_code_string(SPI_result));
		*plan = p;
	}
	return *plan;
}

/* The members of one agreement being ranked: their first spells. */
typedef struct Members
{
	FirstSigning *firsts;		/* by party table row */
	int		   *touched;		/* the rows seen, in the order seen */
	int			ntouched;
} Members;

static void
members_init(Members *m)
{
	m->firsts = palloc0(sizeof(FirstSigning) * party_table_len);
	m->touched = palloc(sizeof(int) * party_table_len);
	m->ntouched = 0;
}

/* A membership row's spell, when it has a date of the kind ranked. */
static void
members_offer(Members *m, HeapTuple tuple, TupleDesc desc, AccessionBy by)
{
	bool		null[M_NCOLS];
	Datum		v[M_NCOLS];
	bool		use_bound;
	Signing		signing;
	int			row;

	heap_deform_tuple(tuple, desc, v, null);
	if (null[M_PARTY] || null[M_ID])
		return;					/* no member (NOT NULL columns) */
	use_bound = by == BY_BOUND || (by == BY_JOINED && !null[M_BOUND_ON]);
	if (null[use_bound ? M_BOUND_ON : M_SIGNED_ON])
		return;					/* no date of that kind: not ranked */
	signing.day = DatumGetDateADT(v[use_bound ? M_BOUND_ON : M_SIGNED_ON]);
	signing.order = null[use_bound ? M_BOUND_ORDER : M_SIGNED_ORDER] ? SIGNING_ORDER_UNKNOWN
		: DatumGetInt16(v[use_bound ? M_BOUND_ORDER : M_SIGNED_ORDER]);
	signing.id = DatumGetInt64(v[M_ID]);
	/* a partial date ties with every date of its period */
	signing.span = 0;
	if (!null[use_bound ? M_BOUND_PRECISION : M_SIGNED_PRECISION] && !DATE_NOT_FINITE(signing.day))
		signing.span = partial_date_last(signing.day, partial_precision_from_datum(
											 v[use_bound ? M_BOUND_PRECISION : M_SIGNED_PRECISION]))
			- signing.day;

	row = party_table_row(DatumGetParty(v[M_PARTY]));
	if (row < 0)
		party_unknown_value(DatumGetParty(v[M_PARTY]));
	if (!m->firsts[row].seen)
		m->touched[m->ntouched++] = row;
	first_signing_offer(&m->firsts[row], &signing);
}

static int
compare_row(const void *a, const void *b)
{
	int			x = *(const int *) a,
				y = *(const int *) b;

	return (x > y) - (x < y);
}

/*
 * Rank the members offered and emit them (after the agreement's id when
 * with_agreement), then forget them for the next agreement.
 */
static void
members_emit(Members *m, ReturnSetInfo *rsinfo, bool with_agreement, int64 agreement)
{
	SigningOrderRow *rows = palloc(sizeof(SigningOrderRow) * Max(m->ntouched, 1));
	int			off = with_agreement ? 1 : 0;

	/* in party table order, as the ranking's ties have always been fed */
	qsort(m->touched, m->ntouched, sizeof(int), compare_row);
	for (int i = 0; i < m->ntouched; i++)
		rows[i] = signing_order_row(m->touched[i], &m->firsts[m->touched[i]]);
	signing_order_rank(rows, m->ntouched);

	for (int i = 0; i < m->ntouched; i++)
	{
		Datum		out[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};
		char		ordinal[ORDINAL_MAX_LEN];
		size_t		len = ordinal_format(rows[i].position, ordinal);
		PartyCode	party = party_table[rows[i].index].code;

		out[0] = Int64GetDatum(agreement);
		out[off + 0] = Int32GetDatum(rows[i].position);
		out[off + 1] = PartyGetDatum(party);
		out[off + 2] = PointerGetDatum(party_name_text(party, party_session_language()));
		out[off + 3] = DateADTGetDatum(rows[i].day);
		out[off + 4] = PointerGetDatum(cstring_to_text_with_len(ordinal, (int) len));
		out[off + 5] = BoolGetDatum(rows[i].shared);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, out, nulls);
	}
	for (int i = 0; i < m->ntouched; i++)
		memset(&m->firsts[m->touched[i]], 0, sizeof(FirstSigning));
	m->ntouched = 0;
	pfree(rows);
}

static void
check_columns(void)
{
	if (SPI_tuptable->tupdesc->natts != M_NCOLS)
		elog(ERROR, "membership query returned %d columns instead of %d",
			 SPI_tuptable->tupdesc->natts, M_NCOLS);
}

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
	Datum		values[1] = {Int64GetDatum(agreement)};
	bool		isnull;
	Members		m;

	InitMaterializedSRF(fcinfo, 0);
	party_core_init();
	members_init(&m);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_plan(member_plan(false), values, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "reading the members failed");
	check_columns();
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agreement " INT64_FORMAT " does not exist", agreement)));
	if (!DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc,
									M_MULTILATERAL + 1, &isnull)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agreement " INT64_FORMAT " is bilateral", agreement),
				 errdetail("Only a multilateral agreement has an accession order."),
				 errhint("The order of a party's bilateral agreements is signing_order(party).")));
	for (uint64 i = 0; i < SPI_processed; i++)
		members_offer(&m, SPI_tuptable->vals[i], SPI_tuptable->tupdesc, by);
	SPI_finish();
	members_emit(&m, rsinfo, false, agreement);
	return (Datum) 0;
}

/*
 * accession_orders(by text): accession_order(id, by) of every multilateral
 * agreement the caller sees, with its id first.  Strict.
 */
PG_FUNCTION_INFO_V1(accession_orders);
Datum
accession_orders(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	AccessionBy by = parse_by(PG_GETARG_TEXT_PP(0));
	Members		m;
	int64		current = 0;

	InitMaterializedSRF(fcinfo, 0);
	party_core_init();
	members_init(&m);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute_plan(member_plan(true), NULL, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "reading the members failed");
	check_columns();
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		bool		isnull;
		int64		id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
													 M_AGREEMENT + 1, &isnull));

		/* the rows come by agreement: one ends where the next begins */
		if (i > 0 && id != current)
			members_emit(&m, rsinfo, true, current);
		current = id;
		members_offer(&m, SPI_tuptable->vals[i], SPI_tuptable->tupdesc, by);
	}
	if (SPI_processed > 0)
		members_emit(&m, rsinfo, true, current);
	SPI_finish();
	return (Datum) 0;
}
