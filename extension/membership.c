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
#include "nodes/params.h"
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
/*
 * every multilateral agreement with members; accession_orders() groups the
 * rows by agreement itself, which is cheaper than a sort of the join's rows
 */
#define EVERY_AGREEMENT \
	" FROM secpact.agreement a JOIN secpact.membership m" \
	" ON m.agreement_id OPERATOR(pg_catalog.=) a.id" \
	" WHERE a.multilateral"

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

/* A member's spell, of the agreement it belongs to. */
typedef struct Spell
{
	int64		agreement;
	int			row;			/* the party's party table row */
	Signing		signing;
} Spell;

/*
 * Receives the membership query's rows straight into spells (no tuple is
 * formed or kept): those with a date of the kind ranked.
 */
typedef struct MemberReceiver
{
	DestReceiver pub;
	AccessionBy by;
	Spell	   *spells;
	int64		n;
	int64		size;
	bool		any_row;		/* the query returned a row */
	bool		multilateral;	/* of its first row */
} MemberReceiver;

/* The spell of a membership row, false when it has none to rank. */
static bool
row_spell(const Datum *v, const bool *null, AccessionBy by, Spell *spell)
{
	bool		use_bound = by == BY_BOUND || (by == BY_JOINED && !null[M_BOUND_ON]);
	int			on = use_bound ? M_BOUND_ON : M_SIGNED_ON;
	int			order = use_bound ? M_BOUND_ORDER : M_SIGNED_ORDER;
	int			precision = use_bound ? M_BOUND_PRECISION : M_SIGNED_PRECISION;

	if (null[M_PARTY] || null[M_ID] || null[on])
		return false;			/* no member, or no date of that kind */
	spell->agreement = DatumGetInt64(v[M_AGREEMENT]);
	spell->signing.day = DatumGetDateADT(v[on]);
	spell->signing.order = null[order] ? SIGNING_ORDER_UNKNOWN : DatumGetInt16(v[order]);
	spell->signing.id = DatumGetInt64(v[M_ID]);
	/* a partial date ties with every date of its period */
	spell->signing.span = 0;
	if (!null[precision] && !DATE_NOT_FINITE(spell->signing.day))
		spell->signing.span = partial_date_last(spell->signing.day,
												partial_precision_from_datum(v[precision]))
			- spell->signing.day;
	spell->row = party_table_row(DatumGetParty(v[M_PARTY]));
	if (spell->row < 0)
		party_unknown_value(DatumGetParty(v[M_PARTY]));
	return true;
}

static bool
member_receive(TupleTableSlot *slot, DestReceiver *self)
{
	MemberReceiver *r = (MemberReceiver *) self;

	slot_getallattrs(slot);
	if (!r->any_row)
		r->multilateral = !slot->tts_isnull[M_MULTILATERAL] &&
			DatumGetBool(slot->tts_values[M_MULTILATERAL]);
	r->any_row = true;
	if (r->n == r->size)
	{
		r->size *= 2;
		r->spells = repalloc_huge(r->spells, sizeof(Spell) * r->size);
	}
	if (row_spell(slot->tts_values, slot->tts_isnull, r->by, &r->spells[r->n]))
		r->n++;
	return true;
}

static void
member_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
	if (typeinfo->natts != M_NCOLS)
		elog(ERROR, "membership query returned %d columns instead of %d",
			 typeinfo->natts, M_NCOLS);
}

static void
member_noop(DestReceiver *self)
{
}

/*
 * The spells of one agreement (every: of every multilateral one) into r,
 * whose memory is the caller's context.
 */
static void
read_members(MemberReceiver *r, bool every, int64 agreement, AccessionBy by)
{
	ParamListInfo params = NULL;	/* every agreement: no parameter */
	SPIExecuteOptions options;
	int			ret;

	if (!every)
	{
		params = makeParamList(1);
		(void) secpact_set_param(params, 0, Int64GetDatum(agreement), INT8OID);
	}
	memset(r, 0, sizeof(*r));
	r->pub.receiveSlot = member_receive;
	r->pub.rStartup = member_startup;
	r->pub.rShutdown = member_noop;
	r->pub.rDestroy = member_noop;
	r->pub.mydest = DestNone;
	r->by = by;
	r->size = 64;
	r->spells = palloc(sizeof(Spell) * r->size);
	memset(&options, 0, sizeof(options));
	options.params = params;
	options.read_only = true;
	options.dest = &r->pub;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_plan_extended(member_plan(every), &options);
	/* a SELECT into a receiver of mydest DestNone reports SPI_OK_UTILITY */
	if (ret != SPI_OK_SELECT && ret != SPI_OK_UTILITY)
		elog(ERROR, "reading the members failed: %s", SPI_result_code_string(ret));
	SPI_finish();
}

/*
 * Spells are ordered through small keys, each moved by a sort inlined for
 * them: qsort() of the spells themselves, 40 bytes each through a comparator
 * called by pointer, was a sixth of accession_orders() over 2,510 spells.
 */
typedef struct SpellKey
{
	int64		agreement;
	int64		spell;			/* index of the spell */
	int32		row;
} SpellKey;

static inline int
compare_spell_key(const SpellKey *x, const SpellKey *y)
{
	if (x->agreement != y->agreement)
		return x->agreement < y->agreement ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

#define ST_SORT sort_spell_keys
#define ST_ELEMENT_TYPE SpellKey
#define ST_COMPARE(a, b) compare_spell_key(a, b)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/*
 * Rank n spells of one agreement, sorted by party, and emit its members
 * (after the agreement's id when with_agreement).  names and ordinals keep
 * the texts made (by party table row, by position) for the agreements after
 * it.
 */
static void
emit_agreement(const Spell *spells, int64 n, text **names, text **ordinals,
			   ReturnSetInfo *rsinfo, bool with_agreement)
{
	SigningOrderRow *rows = palloc(sizeof(SigningOrderRow) * Max(n, 1));
	int			nrows = 0;
	int			off = with_agreement ? 1 : 0;
	/* a party's spells are together: one slot serves them in turn */
	FirstSigning first;

	memset(&first, 0, sizeof(first));
	/* a party's first spell, in party table order as ranking has been fed */
	for (int64 i = 0; i < n; i++)
	{
		first_signing_offer(&first, &spells[i].signing);
		if (i + 1 == n || spells[i + 1].row != spells[i].row)
		{
			rows[nrows++] = signing_order_row(spells[i].row, &first);
			memset(&first, 0, sizeof(first));
		}
	}
	signing_order_rank(rows, nrows);

	for (int i = 0; i < nrows; i++)
	{
		Datum		out[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};
		PartyCode	party = party_table[rows[i].index].code;

		if (ordinals[rows[i].position] == NULL)
		{
			char		ordinal[ORDINAL_MAX_LEN];
			size_t		len = ordinal_format(rows[i].position, ordinal);

			ordinals[rows[i].position] = cstring_to_text_with_len(ordinal, (int) len);
		}
		if (names[rows[i].index] == NULL)
			names[rows[i].index] = (text *) party_name_text(party, party_session_language());
		out[0] = Int64GetDatum(spells[0].agreement);
		out[off + 0] = Int32GetDatum(rows[i].position);
		out[off + 1] = PartyGetDatum(party);
		out[off + 2] = PointerGetDatum(names[rows[i].index]);
		out[off + 3] = DateADTGetDatum(rows[i].day);
		out[off + 4] = PointerGetDatum(ordinals[rows[i].position]);
		out[off + 5] = BoolGetDatum(rows[i].shared);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, out, nulls);
	}
	pfree(rows);
}

/*
 * Every agreement's spells in r, ordered by agreement, then party; each
 * agreement emitted in turn.
 */
static void
emit_agreements(MemberReceiver *r, ReturnSetInfo *rsinfo, bool with_agreement)
{
	text	  **names = palloc0(sizeof(text *) * party_table_len);
	/* a place is at most the number of parties */
	text	  **ordinals = palloc0(sizeof(text *) * (party_table_len + 1));
	/* huge, as the spells are */
	SpellKey   *keys = MemoryContextAllocHuge(CurrentMemoryContext,
											  sizeof(SpellKey) * Max(r->n, 1));
	Spell	   *sorted = MemoryContextAllocHuge(CurrentMemoryContext,
											    sizeof(Spell) * Max(r->n, 1));
	int64		start = 0;

	for (int64 i = 0; i < r->n; i++)
	{
		keys[i].agreement = r->spells[i].agreement;
		keys[i].row = r->spells[i].row;
		keys[i].spell = i;
	}
	sort_spell_keys(keys, r->n);
	for (int64 i = 0; i < r->n; i++)
		sorted[i] = r->spells[keys[i].spell];
	pfree(keys);
	for (int64 i = 1; i <= r->n; i++)
		if (i == r->n || sorted[i].agreement != sorted[start].agreement)
		{
			emit_agreement(&sorted[start], i - start, names, ordinals, rsinfo,
						   with_agreement);
			start = i;
		}
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
	MemberReceiver r;

	/*
	 * The scan's row type, which the executor built once a plan; from
	 * pg_proc it would be built again on every call
	 */
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	/* a Citus worker's local registry would answer "does not exist" */
	registry_guard_check();
	party_core_init();
	read_members(&r, false, agreement, by);
	if (!r.any_row)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agreement " INT64_FORMAT " does not exist", agreement)));
	if (!r.multilateral)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("agreement " INT64_FORMAT " is bilateral", agreement),
				 errdetail("Only a multilateral agreement has an accession order."),
				 errhint("The order of a party's bilateral agreements is signing_order(party).")));
	emit_agreements(&r, rsinfo, false);
	return (Datum) 0;
}

/*
 * accession_orders(by text): accession_order(id, by) of every multilateral
 * agreement the caller sees, with its id first, from one query.  Strict.
 */
PG_FUNCTION_INFO_V1(accession_orders);
Datum
accession_orders(PG_FUNCTION_ARGS)
{
	MemberReceiver r;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	/* a Citus worker's local registry would answer with no rows */
	registry_guard_check();
	party_core_init();
	read_members(&r, true, 0, parse_by(PG_GETARG_TEXT_PP(0)));
	emit_agreements(&r, (ReturnSetInfo *) fcinfo->resultinfo, true);
	return (Datum) 0;
}
