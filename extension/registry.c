/*
 * registry.c: signing_order() and signing_orders() over secpact.agreement.
 *
 * Both read the registry with one query through SPI, so that privileges,
 * row-level security, the snapshot and the plan (an index scan for a small
 * party, a sequential scan for a hub) are PostgreSQL's own; but the rows go
 * to a DestReceiver of this file instead of a result set, and none is copied,
 * sorted or kept.  Each is offered to a fixed table of first signings
 * (signing_core.h): one entry per counterpart of the hub, or for every hub
 * one per pair of parties, since the first signing of a pair is the first
 * signing of each party with the other.  The few hundred first signings are
 * then ranked.  The cost is one scan with one comparison a row, and the
 * memory a fixed 6 kB for one hub (1.5 MB for every hub) whatever the size
 * of the registry, where the SQL of 1.0 sorted every agreement of the hub.
 */
#include "secpact.h"

#include "access/htup_details.h"
#include "access/parallel.h"
#include "access/xact.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include "encoding.h"
#include "members.h"
#include "partial_date.h"
#include "signing_core.h"

/* The columns the registry query returns, in this order. */
enum
{
	COL_PARTIES,
	COL_SIGNED_ON,
	COL_DAY_ORDER,
	COL_ID,
	COL_PLACE,
	COL_LAST,					/* signed_on's precision, or its last day */
	COL_KIND,					/* only when filtering on the kind */
	NCOLS
};

typedef struct FirstSigningReceiver
{
	DestReceiver pub;
	PartyCode	hub;			/* the hub, or 0 for every hub */
	bool		states_only;	/* one hub: leave organisations out */
	FirstSigning *firsts;		/* by counterpart, or by pair of parties */
	text	  **places;			/* the place of each first signing, or NULL */
	MemoryContext cxt;			/* holds both, and the places copied */
	text	   *kind;			/* only agreements of this kind, unless NULL */
	Oid			kind_collation; /* compared in the caller's collation */
	bool		last_is_date;	/* COL_LAST is a date, not a precision */
} FirstSigningReceiver;

/* The party's row in party_table: counterparts are numbered by it. */
static inline int
party_row(PartyCode code)
{
	int			row = party_table_row(code);

	/* Every stored value was validated on the way in. */
	if (row < 0)
		elog(ERROR, "unknown party value 0x%04X", code);
	return row;
}

static inline PartyCode
row_party(int row)
{
	return party_table[row].code;
}

static void
receiver_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
	FirstSigningReceiver *r = (FirstSigningReceiver *) self;
	int			ncols = r->kind != NULL ? NCOLS : COL_KIND;

	if (typeinfo->natts != ncols)
		elog(ERROR, "registry query returned %d columns instead of %d", typeinfo->natts, ncols);
}

static bool
receiver_receive(TupleTableSlot *slot, DestReceiver *self)
{
	FirstSigningReceiver *r = (FirstSigningReceiver *) self;
	DyadCode	dyad;
	Signing		signing;
	int			entry;

	slot_getallattrs(slot);
	/* parties, signed_on and id are NOT NULL in the registry */
	if (slot->tts_isnull[COL_PARTIES] || slot->tts_isnull[COL_SIGNED_ON] ||
		slot->tts_isnull[COL_ID])
		return true;

	/*
	 * The kind is compared here rather than in the query, so that it is the
	 * caller's collation's equality, as in partners(): a nondeterministic
	 * collation may find kinds equal whose bytes differ.
	 */
	if (r->kind != NULL &&
		(slot->tts_isnull[COL_KIND] ||
		 !DatumGetBool(DirectFunctionCall2Coll(texteq, r->kind_collation,
											   slot->tts_values[COL_KIND],
											   PointerGetDatum(r->kind)))))
		return true;
	dyad = DatumGetDyad(slot->tts_values[COL_PARTIES]);
	signing.day = DatumGetDateADT(slot->tts_values[COL_SIGNED_ON]);
	signing.order = slot->tts_isnull[COL_DAY_ORDER] ? SIGNING_ORDER_UNKNOWN :
		DatumGetInt16(slot->tts_values[COL_DAY_ORDER]);
	signing.id = DatumGetInt64(slot->tts_values[COL_ID]);
	/* a partial date: every day of its period, up to the last */
	signing.span = 0;
	if (!slot->tts_isnull[COL_LAST])
	{
		DateADT		last = r->last_is_date ? DatumGetDateADT(slot->tts_values[COL_LAST]) :
			partial_date_last(signing.day,
							  partial_precision_from_datum(slot->tts_values[COL_LAST]));

		if (last > signing.day && !DATE_NOT_FINITE(signing.day))
			signing.span = last - signing.day;
	}

	if (r->hub != 0)
	{
		PartyCode	other;

		/* the query asked for the hub's agreements only */
		if (!dyad_counterpart(dyad, r->hub, &other))
			return true;
		entry = party_row(other);
		if (r->states_only && party_table[entry].is_organisation)
			return true;
	}
	else
		entry = party_row(DYAD_FIRST(dyad)) * party_table_len + party_row(DYAD_SECOND(dyad));

	if (first_signing_offer(&r->firsts[entry], &signing))
	{
		/* a new first: keep its place, which is rare after the first rows */
		if (r->places[entry] != NULL)
			pfree(r->places[entry]);
		r->places[entry] = NULL;
		if (!slot->tts_isnull[COL_PLACE])
		{
			MemoryContext old = MemoryContextSwitchTo(r->cxt);

			r->places[entry] = DatumGetTextPCopy(slot->tts_values[COL_PLACE]);
			MemoryContextSwitchTo(old);
		}
	}
	return true;
}

static void
receiver_shutdown(DestReceiver *self)
{
}

static void
receiver_destroy(DestReceiver *self)
{
}

static Oid
type_namespace(Oid type)
{
	HeapTuple	tuple = SearchSysCache1(TYPEOID, ObjectIdGetDatum(type));
	Oid			namespace;

	if (!HeapTupleIsValid(tuple))
		elog(ERROR, "cache lookup failed for type %u", type);
	namespace = ((Form_pg_type) GETSTRUCT(tuple))->typnamespace;
	ReleaseSysCache(tuple);
	return namespace;
}

/*
 * What scan_registry reads: the registry's bilateral agreements, or the pairs
 * of members of multilateral ones, as the columns the receiver takes (the
 * kind is added when it filters).
 */
typedef struct RegistrySource
{
	const char *columns;
	const char *from;
	bool		last_is_date;
} RegistrySource;

static const RegistrySource registry_agreements = {
	"a.parties, a.signed_on, a.day_order, a.id, a.place, a.signed_on_precision",
	" FROM secpact.agreement a", false
};

/* a pair's signing is the later of two partial dates: a span, not a period */
static const RegistrySource registry_membership_dyads = {
	"a.parties, a.signed_on, NULL::pg_catalog.int2, a.agreement_id, a.place, a.signed_last",
	" FROM secpact.membership_pair_signings() a", true
};

/* before 1.3 every date is known to the day */
static const RegistrySource registry_agreements_1_2 = {
	"a.parties, a.signed_on, a.day_order, a.id, a.place, NULL::pg_catalog.date",
	" FROM secpact.agreement a", true
};
static const RegistrySource registry_membership_dyads_1_2 = {
	"a.parties, a.signed_on, NULL::pg_catalog.int2, a.agreement_id, a.place, NULL::pg_catalog.date",
	" FROM secpact.membership_pairs() a", true
};

/*
 * Reads the registry's agreements (the hub's, when hub is not 0) into the
 * receiver's table of first signings.  kind (compared in collation) and
 * as_of filter when not NULL.
 */
static void
scan_registry(FirstSigningReceiver *r, text *kind, Oid collation, DateADT *as_of,
			  const RegistrySource *source)
{
	StringInfoData query;
	ParamListInfo params;
	SPIExecuteOptions options;
	int			nparams = (r->hub != 0) + (as_of != NULL);
	int			n = 0;
	int			ret;

	r->pub.receiveSlot = receiver_receive;
	r->pub.rStartup = receiver_startup;
	r->pub.rShutdown = receiver_shutdown;
	r->pub.rDestroy = receiver_destroy;
	r->pub.mydest = DestNone;
	r->kind = kind;
	r->last_is_date = source->last_is_date;
	r->kind_collation = OidIsValid(collation) ? collation : DEFAULT_COLLATION_OID;

	/*
	 * Every name is qualified, so the caller's search_path never reaches the
	 * query; parameters are typed, so none is resolved by name either.  The
	 * party parameter is the extension's own type (a member, not a type found
	 * by name), and OPERATOR(schema.@>) between the column's dyad and it is
	 * then an exact match that only the extension's operator can be: an
	 * operator of that name and those types cannot exist twice in a schema.
	 */
	initStringInfo(&query);
	appendStringInfo(&query, "SELECT %s", source->columns);
	if (kind != NULL)
		appendStringInfoString(&query, ", a.kind");
	appendStringInfoString(&query, source->from);
	/* no parameters: NULL, not an empty list (Citus dereferences it) */
	params = nparams > 0 ? makeParamList(nparams) : NULL;
	if (r->hub != 0)
	{
		Oid			party_type = secpact_members()->party;

		if (!OidIsValid(party_type))
			elog(ERROR, "the extension secpact is not installed in this database");
		params->params[n].value = PartyGetDatum(r->hub);
		params->params[n].isnull = false;
		params->params[n].pflags = PARAM_FLAG_CONST;
		params->params[n].ptype = party_type;
		n++;
		appendStringInfo(&query, " WHERE a.parties OPERATOR(%s.@>) $%d",
						 quote_identifier(get_namespace_name(type_namespace(party_type))), n);
	}
	if (as_of != NULL)
	{
		params->params[n].value = DateADTGetDatum(*as_of);
		params->params[n].isnull = false;
		params->params[n].pflags = PARAM_FLAG_CONST;
		params->params[n].ptype = DATEOID;
		n++;
		appendStringInfo(&query, " %s a.signed_on OPERATOR(pg_catalog.<=) $%d",
						 n == 1 ? "WHERE" : "AND", n);
	}
	Assert(n == nparams);

	memset(&options, 0, sizeof(options));
	options.params = params;
	options.read_only = true;	/* STABLE: the caller's snapshot */
	options.dest = &r->pub;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_extended(query.data, &options);
	if (ret < 0)
		elog(ERROR, "reading the registry failed: %s", SPI_result_code_string(ret));
	SPI_finish();
}

static FirstSigningReceiver *
new_receiver(PartyCode hub, bool states_only, int entries)
{
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "signing order",
											  ALLOCSET_DEFAULT_SIZES);
	FirstSigningReceiver *r = MemoryContextAllocZero(cxt, sizeof(FirstSigningReceiver));

	party_core_init();
	r->hub = hub;
	r->states_only = states_only;
	r->cxt = cxt;
	r->firsts = MemoryContextAllocZero(cxt, sizeof(FirstSigning) * entries);
	r->places = MemoryContextAllocZero(cxt, sizeof(text *) * entries);
	return r;
}

/*
 * Emits one signing order, rows[0..n) ranked, with the hub in front when
 * with_hub; places[place_entry[counterpart]] is where its first was signed.
 */
static void
emit_order(ReturnSetInfo *rsinfo, bool with_hub, PartyCode hub, SigningOrderRow *rows,
		   int n, text *const *places, const int *place_entry, bool with_span)
{
	for (int i = 0; i < n; i++)
	{
		Datum		values[10];
		bool		nulls[10] = {false};
		char		ordinal[ORDINAL_MAX_LEN];
		size_t		len = ordinal_format(rows[i].position, ordinal);
		int			k = 0;
		text	   *place = places[place_entry[rows[i].index]];

		if (with_hub)
			values[k++] = PartyGetDatum(hub);
		values[k++] = Int32GetDatum(rows[i].position);
		values[k++] = PartyGetDatum(row_party(rows[i].index));
		values[k++] = PointerGetDatum(party_name_text(row_party(rows[i].index), party_session_language()));
		values[k++] = DateADTGetDatum(rows[i].day);
		if (place != NULL)
			values[k] = PointerGetDatum(place);
		else
			nulls[k] = true;
		k++;
		values[k++] = PointerGetDatum(cstring_to_text_with_len(ordinal, (int) len));
		values[k++] = BoolGetDatum(rows[i].shared);
		if (with_span)
		{
			/* the last day the first signing may be on, and the span shown */
			values[k++] = DateADTGetDatum(rows[i].day + rows[i].span);
			values[k++] = PointerGetDatum(partial_span_text(rows[i].day, rows[i].day + rows[i].span));
		}
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/*
 * One hub's signing order: signing_order's, and with with_span the last day
 * and the text of each first signing's span as well.
 */
static void
one_signing_order(FunctionCallInfo fcinfo, PartyCode hub, text *kind, DateADT *as_of,
				  bool states_only, bool include_multilateral, bool with_span)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	FirstSigningReceiver *r;
	SigningOrderRow rows[PARTY_CODE_SLOTS];
	int			entry_of[PARTY_CODE_SLOTS];
	int			n = 0;

	bool		partial = registry_has_precision();

	r = new_receiver(hub, states_only, party_table_len);
	scan_registry(r, kind, PG_GET_COLLATION(), as_of,
				  partial ? &registry_agreements : &registry_agreements_1_2);
	/* include_multilateral, from 1.2: the pairs go to the same table */
	if (include_multilateral)
		scan_registry(r, kind, PG_GET_COLLATION(), as_of,
					  partial ? &registry_membership_dyads : &registry_membership_dyads_1_2);

	for (int row = 0; row < party_table_len; row++)
	{
		entry_of[row] = row;
		if (r->firsts[row].seen)
			rows[n++] = signing_order_row(row, &r->firsts[row]);
	}
	signing_order_rank(rows, n);
	emit_order(rsinfo, false, r->hub, rows, n, r->places, entry_of, with_span);
	MemoryContextDelete(r->cxt);
}

/*
 * signing_order(hub party, kind text, as_of date, states_only boolean
 * [, include_multilateral boolean]): the counterparts of hub by their first
 * signing with it.  Not strict: a NULL kind or as_of means no filter, a NULL
 * states_only or include_multilateral false, and a NULL hub has no
 * counterparts.  1.0 and 1.1 declare it without include_multilateral.
 */
PG_FUNCTION_INFO_V1(signing_order);
Datum
signing_order(PG_FUNCTION_ARGS)
{
	DateADT		as_of;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	if (!PG_ARGISNULL(2))
		as_of = PG_GETARG_DATEADT(2);
	one_signing_order(fcinfo, PG_GETARG_PARTY(0), PG_ARGISNULL(1) ? NULL : PG_GETARG_TEXT_PP(1),
					  PG_ARGISNULL(2) ? NULL : &as_of, !PG_ARGISNULL(3) && PG_GETARG_BOOL(3),
					  PG_NARGS() > 4 && !PG_ARGISNULL(4) && PG_GETARG_BOOL(4), false);
	return (Datum) 0;
}

/*
 * secpact.signing_timeline_order(hub party, kind text): what the view
 * secpact.signing_timeline shows of a hub and kind, so that its positions
 * are signing_order(hub, kind, include_multilateral => true)'s by
 * construction: the same rows, with each first signing's last possible day
 * (partners_so_far counts by it) and its span as text.  Not strict.
 */
PG_FUNCTION_INFO_V1(signing_timeline_order);
Datum
signing_timeline_order(PG_FUNCTION_ARGS)
{
	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	one_signing_order(fcinfo, PG_GETARG_PARTY(0), PG_ARGISNULL(1) ? NULL : PG_GETARG_TEXT_PP(1),
					  NULL, false, true, true);
	return (Datum) 0;
}

/*
 * signing_orders(kind text, as_of date, states_only boolean): every hub's
 * signing order, from one scan of the registry.
 */
PG_FUNCTION_INFO_V1(signing_orders);
Datum
signing_orders(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	FirstSigningReceiver *r;
	bool		states_only = !PG_ARGISNULL(2) && PG_GETARG_BOOL(2);
	SigningOrderRow rows[PARTY_CODE_SLOTS];
	int			entry_of[PARTY_CODE_SLOTS];
	DateADT		as_of;

	InitMaterializedSRF(fcinfo, 0);
	r = new_receiver(0, false, party_table_len * party_table_len);
	if (!PG_ARGISNULL(1))
		as_of = PG_GETARG_DATEADT(1);
	scan_registry(r, PG_ARGISNULL(0) ? NULL : PG_GETARG_TEXT_PP(0), PG_GET_COLLATION(),
				  PG_ARGISNULL(1) ? NULL : &as_of,
				  registry_has_precision() ? &registry_agreements : &registry_agreements_1_2);

	for (int hub = 0; hub < party_table_len; hub++)
	{
		int			n = 0;

		for (int other = 0; other < party_table_len; other++)
		{
			int			entry = hub < other ? hub * party_table_len + other :
				other * party_table_len + hub;

			if (other == hub || !r->firsts[entry].seen ||
				(states_only && party_table[other].is_organisation))
				continue;
			entry_of[other] = entry;
			rows[n++] = signing_order_row(other, &r->firsts[entry]);
		}
		signing_order_rank(rows, n);
		emit_order(rsinfo, true, row_party(hub), rows, n, r->places, entry_of, false);
	}
	MemoryContextDelete(r->cxt);
	return (Datum) 0;
}

/*
 * superseded(agreement_id bigint, on_date date): whether an agreement that
 * supersedes the given one is in force by on_date (has entered into force on
 * or before it), the test in_force() makes of every agreement; NULL when one
 * may be, its entry into force being a partial date whose period holds
 * on_date (1.3), and none surely is.
 *
 * in_force() is an SQL function the planner inlines, so that a scan of the
 * registry evaluates it on the row's own columns; this is the one part of it
 * that reads the registry.  Asked once, it looks the agreement up through the
 * index on supersedes; asked again and again with the same date, as a scan
 * does, it reads every superseded agreement's id once and answers the rest
 * by binary search.
 *
 * The cache lives in the caller's FmgrInfo, which can outlive a snapshot: a
 * PL/pgSQL simple expression keeps its FmgrInfo for the whole transaction,
 * while each statement reads through a new snapshot.  So the ids read are
 * kept only with the identity of the snapshot they were read through, the
 * fields PostgreSQL itself compares before reusing a snapshot (xmin, xmax,
 * the count of completed transactions, and the command id for this
 * transaction's own writes), and the subtransaction, whose abort hides its
 * rows without changing those fields.  Any other snapshot starts over.  A
 * snapshot without a completion count (an imported or historic one) cannot
 * be compared, and is never read in bulk, except in a parallel worker.  The
 * bulk read is bounded: past SUPERSEDED_BULK_MAX ids, the calls on that
 * snapshot look each agreement up.
 */
#define SUPERSEDED_LOOKUPS_BEFORE_BULK 64
#ifndef SUPERSEDED_BULK_MAX		/* a test build may lower it */
#define SUPERSEDED_BULK_MAX (1 << 20)	/* ids: 8 MB */
#endif

typedef struct IdList
{
	int64	   *ids;			/* in cxt, grown by doubling */
	int			n;
	int			size;
} IdList;

typedef struct SupersededCache
{
	DateADT		on_date;		/* the date of the calls counted and read */
	/* the snapshot of the calls counted and the ids read */
	TransactionId xmin;
	TransactionId xmax;
	uint64		completion_count;
	CommandId	curcid;
	SubTransactionId subxid;
	int64		calls;			/* calls with on_date, on that snapshot */
	bool		loaded;			/* the lists hold every agreement superseded by then */
	bool		too_many;		/* more than SUPERSEDED_BULK_MAX: look each up */
	IdList		surely;			/* sorted: superseded by then */
	IdList		maybe;			/* sorted: perhaps, by a partial date */
} SupersededCache;

/* Whether the active snapshot is the one the cache's calls were made on. */
static bool
superseded_same_snapshot(const SupersededCache *cache, Snapshot snap)
{
	return cache->xmin == snap->xmin && cache->xmax == snap->xmax &&
		cache->completion_count == snap->snapXactCompletionCount &&
		cache->curcid == snap->curcid &&
		cache->subxid == GetCurrentSubTransactionId();
}

static int
compare_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return x < y ? -1 : x > y ? 1 : 0;
}

/*
 * The answers of superseded(): an agreement superseding it entered into
 * force by the date, or may have (its entry into force is a partial date
 * whose period holds the date), or none did.
 */
typedef enum Supersession
{
	NOT_SUPERSEDED,
	MAYBE_SUPERSEDED,
	SUPERSEDED
} Supersession;

/*
 * Whether a superseding agreement's entry into force, on or before on_date
 * by its first day, surely is by its last (a partial date's period may hold
 * on_date).
 */
static bool
entry_surely_by(Datum entry, Datum precision, bool precision_null, DateADT on_date)
{
	DateADT		first = DatumGetDateADT(entry);

	if (precision_null)
		return true;			/* NOT NULL in the registry */
	return partial_date_last(first, partial_precision_from_datum(precision)) <= on_date;
}

/* One agreement, through a plan kept for the backend's life. */
static Supersession
superseded_lookup(int64 id, DateADT on_date)
{
	static SPIPlanPtr plans[2] = {NULL, NULL};	/* before 1.3, from 1.3 */
	bool		partial = registry_has_precision();
	Oid			types[2] = {INT8OID, DATEOID};
	Datum		values[2] = {Int64GetDatum(id), DateADTGetDatum(on_date)};
	Supersession result = NOT_SUPERSEDED;
	SPIPlanPtr	plan;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (plans[partial] == NULL)
	{
		SPIPlanPtr	p = SPI_prepare(partial ?
									"SELECT s.entry_into_force, s.entry_into_force_precision"
									" FROM secpact.agreement s"
									" WHERE s.supersedes OPERATOR(pg_catalog.=) $1"
									" AND s.entry_into_force OPERATOR(pg_catalog.<=) $2" :
									"SELECT s.entry_into_force, NULL::pg_catalog.oid"
									" FROM secpact.agreement s"
									" WHERE s.supersedes OPERATOR(pg_catalog.=) $1"
									" AND s.entry_into_force OPERATOR(pg_catalog.<=) $2",
									2, types);

		if (p == NULL || SPI_keepplan(p) != 0)
			elog(ERROR, "preparing the supersession lookup failed: %s",
				 SPI_result_code_string(SPI_result));
		plans[partial] = p;
	}
	plan = plans[partial];
	if (SPI_execute_plan(plan, values, NULL, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "the supersession lookup failed");
	for (uint64 i = 0; i < SPI_processed && result != SUPERSEDED; i++)
	{
		bool		isnull,
					precision_null;
		Datum		entry = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull);
		Datum		precision = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2,
											  &precision_null);

		if (isnull)
			continue;
		result = entry_surely_by(entry, precision, precision_null, on_date) ?
			SUPERSEDED : MAYBE_SUPERSEDED;
	}
	SPI_finish();
	return result;
}

/* Keeps the ids a bulk read returns, up to SUPERSEDED_BULK_MAX of them. */
typedef struct IdReceiver
{
	DestReceiver pub;
	IdList		surely;			/* superseded by then */
	IdList		maybe;			/* superseded within a partial date's period */
	DateADT		on_date;
	bool		too_many;
	MemoryContext cxt;
} IdReceiver;

static void
id_append(IdList *list, int64 id, MemoryContext cxt)
{
	if (list->n == list->size)
	{
		list->size = list->size == 0 ? 512 : Min(list->size * 2, SUPERSEDED_BULK_MAX);
		list->ids = list->ids == NULL ? MemoryContextAlloc(cxt, sizeof(int64) * list->size) :
			repalloc(list->ids, sizeof(int64) * list->size);
	}
	list->ids[list->n++] = id;
}

static bool
id_receive(TupleTableSlot *slot, DestReceiver *self)
{
	IdReceiver *r = (IdReceiver *) self;
	bool		isnull,
				entry_null,
				precision_null;
	Datum		d = slot_getattr(slot, 1, &isnull);
	Datum		entry = slot_getattr(slot, 2, &entry_null);
	Datum		precision = slot_getattr(slot, 3, &precision_null);

	if (isnull || entry_null)
		return true;
	if (r->surely.n + r->maybe.n >= SUPERSEDED_BULK_MAX)
	{
		r->too_many = true;
		return false;			/* stop the scan */
	}
	id_append(entry_surely_by(entry, precision, precision_null, r->on_date) ?
			  &r->surely : &r->maybe, DatumGetInt64(d), r->cxt);
	return true;
}

static void
id_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
	if (typeinfo->natts != 3 || TupleDescAttr(typeinfo, 0)->atttypid != INT8OID ||
		TupleDescAttr(typeinfo, 1)->atttypid != DATEOID)
		elog(ERROR, "superseded agreements query returned an unexpected row type");
}

static void
id_noop(DestReceiver *self)
{
}

/*
 * Every agreement superseded by on_date, or perhaps superseded, sorted, into
 * the cache; or, when there are more than SUPERSEDED_BULK_MAX, a note that
 * there are.  The rows go straight into the arrays, so memory is the
 * arrays' and no more.
 */
static void
superseded_load(SupersededCache *cache, MemoryContext cxt)
{
	ParamListInfo params = makeParamList(1);
	SPIExecuteOptions options;
	IdReceiver	r;
	int			ret;

	params->params[0].value = DateADTGetDatum(cache->on_date);
	params->params[0].isnull = false;
	params->params[0].pflags = PARAM_FLAG_CONST;
	params->params[0].ptype = DATEOID;

	memset(&r, 0, sizeof(r));
	r.pub.receiveSlot = id_receive;
	r.pub.rStartup = id_startup;
	r.pub.rShutdown = id_noop;
	r.pub.rDestroy = id_noop;
	r.pub.mydest = DestNone;
	r.on_date = cache->on_date;
	/* start from the arrays of an earlier snapshot, if any */
	r.surely = cache->surely;
	r.surely.n = 0;
	r.maybe = cache->maybe;
	r.maybe.n = 0;
	r.cxt = cxt;

	memset(&options, 0, sizeof(options));
	options.params = params;
	options.read_only = true;	/* the active snapshot, which the cache is keyed on */
	options.dest = &r.pub;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_extended(registry_has_precision() ?
							   "SELECT s.supersedes, s.entry_into_force, s.entry_into_force_precision"
							   " FROM secpact.agreement s"
							   " WHERE s.supersedes IS NOT NULL"
							   " AND s.entry_into_force OPERATOR(pg_catalog.<=) $1" :
							   "SELECT s.supersedes, s.entry_into_force, NULL::pg_catalog.oid"
							   " FROM secpact.agreement s"
							   " WHERE s.supersedes IS NOT NULL"
							   " AND s.entry_into_force OPERATOR(pg_catalog.<=) $1",
							   &options);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading superseded agreements failed: %s", SPI_result_code_string(ret));
	SPI_finish();
	pfree(params);
	cache->surely = r.surely;
	cache->maybe = r.maybe;
	if (r.too_many)
	{
		cache->too_many = true;
		cache->surely.n = cache->maybe.n = 0;
		return;
	}
	if (r.surely.n > 0)
		qsort(cache->surely.ids, r.surely.n, sizeof(int64), compare_int64);
	if (r.maybe.n > 0)
		qsort(cache->maybe.ids, r.maybe.n, sizeof(int64), compare_int64);
	cache->loaded = true;
}

static bool
id_listed(const IdList *list, int64 id)
{
	return list->n > 0 && bsearch(&id, list->ids, list->n, sizeof(int64), compare_int64) != NULL;
}

/* true, NULL or false for a Supersession */
#define RETURN_SUPERSESSION(s) \
	do { \
		Supersession s_ = (s); \
		if (s_ == MAYBE_SUPERSEDED) \
			PG_RETURN_NULL(); \
		PG_RETURN_BOOL(s_ == SUPERSEDED); \
	} while (0)

PG_FUNCTION_INFO_V1(superseded);
Datum
superseded(PG_FUNCTION_ARGS)
{
	int64		id = PG_GETARG_INT64(0);
	DateADT		on_date = PG_GETARG_DATEADT(1);
	SupersededCache *cache = (SupersededCache *) fcinfo->flinfo->fn_extra;
	Snapshot	snap;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(SupersededCache));
		fcinfo->flinfo->fn_extra = cache;
	}
	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;

	/*
	 * A parallel worker's snapshot comes without its completion count, but
	 * the worker's FmgrInfo lasts one execution of one query, on one snapshot.
	 */
	if (snap == NULL || (snap->snapXactCompletionCount == 0 && !IsParallelWorker()))
	{
		/* a snapshot the cache cannot recognise: never read in bulk */
		cache->calls = 0;
		cache->loaded = false;
		RETURN_SUPERSESSION(superseded_lookup(id, on_date));
	}
	if (cache->calls == 0 || cache->on_date != on_date ||
		!superseded_same_snapshot(cache, snap))
	{
		cache->on_date = on_date;
		cache->xmin = snap->xmin;
		cache->xmax = snap->xmax;
		cache->completion_count = snap->snapXactCompletionCount;
		cache->curcid = snap->curcid;
		cache->subxid = GetCurrentSubTransactionId();
		cache->calls = 0;
		cache->loaded = false;
		cache->too_many = false;
	}
	cache->calls++;

	if (!cache->loaded && !cache->too_many && cache->calls > SUPERSEDED_LOOKUPS_BEFORE_BULK)
		superseded_load(cache, fcinfo->flinfo->fn_mcxt);
	if (!cache->loaded)
		RETURN_SUPERSESSION(superseded_lookup(id, on_date));
	RETURN_SUPERSESSION(id_listed(&cache->surely, id) ? SUPERSEDED :
						id_listed(&cache->maybe, id) ? MAYBE_SUPERSEDED : NOT_SUPERSEDED);
}
