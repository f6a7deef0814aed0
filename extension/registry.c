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
#include "signing_core.h"
#include "citus_shards.h"

/* The columns the registry query returns, in this order. */
enum
{
	COL_PARTIES,
	COL_SIGNED_ON,
	COL_DAY_ORDER,
	COL_ID,
	COL_PLACE,
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
} RegistrySource;

static const RegistrySource registry_agreements = {
	"a.parties, a.signed_on, a.day_order, a.id, a.place", " FROM secpact.agreement a"
};
static const RegistrySource registry_membership_dyads = {
	"a.parties, a.signed_on, NULL::pg_catalog.int2, a.agreement_id, a.place",
	" FROM secpact.membership_pairs() a"
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

	registry_guard_check();
	r->pub.receiveSlot = receiver_receive;
	r->pub.rStartup = receiver_startup;
	r->pub.rShutdown = receiver_shutdown;
	r->pub.rDestroy = receiver_destroy;
	r->pub.mydest = DestNone;
	r->kind = kind;
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
	/*
	 * Every pair's first signing, over a registry Citus distributes by
	 * parties: DISTINCT ON the distribution column runs in the shards, which
	 * send one row a dyad rather than every agreement.  The order is
	 * signing_precedes' (day, order known first, id).  A kind is compared by
	 * the receiver, so with one every row still comes.
	 */
	if (r->hub == 0 && kind == NULL && source == &registry_agreements && registry_is_distributed())
		appendStringInfo(&query, "SELECT DISTINCT ON (a.parties) %s", source->columns);
	else
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
	if (strncmp(query.data, "SELECT DISTINCT ON", 18) == 0)
		appendStringInfoString(&query, " ORDER BY a.parties, a.signed_on, a.day_order NULLS LAST, a.id");

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
		   int n, text *const *places, const int *place_entry)
{
	for (int i = 0; i < n; i++)
	{
		Datum		values[8];
		bool		nulls[8] = {false, false, false, false, false, false, false, false};
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
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
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
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	FirstSigningReceiver *r;
	SigningOrderRow rows[PARTY_CODE_SLOTS];
	int			entry_of[PARTY_CODE_SLOTS];
	DateADT		as_of;
	int			n = 0;

	InitMaterializedSRF(fcinfo, 0);
	if (PG_ARGISNULL(0))
		return (Datum) 0;

	r = new_receiver(PG_GETARG_PARTY(0), !PG_ARGISNULL(3) && PG_GETARG_BOOL(3),
					 party_table_len);
	if (!PG_ARGISNULL(2))
		as_of = PG_GETARG_DATEADT(2);
	scan_registry(r, PG_ARGISNULL(1) ? NULL : PG_GETARG_TEXT_PP(1), PG_GET_COLLATION(),
				  PG_ARGISNULL(2) ? NULL : &as_of, &registry_agreements);
	/* include_multilateral, from 1.2: the pairs go to the same table */
	if (PG_NARGS() > 4 && !PG_ARGISNULL(4) && PG_GETARG_BOOL(4))
		scan_registry(r, PG_ARGISNULL(1) ? NULL : PG_GETARG_TEXT_PP(1), PG_GET_COLLATION(),
					  PG_ARGISNULL(2) ? NULL : &as_of, &registry_membership_dyads);

	for (int row = 0; row < party_table_len; row++)
	{
		entry_of[row] = row;
		if (r->firsts[row].seen)
			rows[n++] = (SigningOrderRow) {
				.index = row,
				.day = r->firsts[row].signing.day,
				.order = r->firsts[row].signing.order
			};
	}
	signing_order_rank(rows, n);
	emit_order(rsinfo, false, r->hub, rows, n, r->places, entry_of);
	MemoryContextDelete(r->cxt);
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
				  PG_ARGISNULL(1) ? NULL : &as_of, &registry_agreements);

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
			rows[n++] = (SigningOrderRow) {
				.index = other,
				.day = r->firsts[entry].signing.day,
				.order = r->firsts[entry].signing.order
			};
		}
		signing_order_rank(rows, n);
		emit_order(rsinfo, true, row_party(hub), rows, n, r->places, entry_of);
	}
	MemoryContextDelete(r->cxt);
	return (Datum) 0;
}

/*
 * superseded(agreement_id bigint, on_date date): whether an agreement that
 * supersedes the given one is in force by on_date (has entered into force on
 * or before it), the test in_force() makes of every agreement.
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
	bool		loaded;			/* ids[] holds every agreement superseded by then */
	bool		too_many;		/* more than SUPERSEDED_BULK_MAX: look each up */
	int64	   *ids;			/* sorted */
	int			nids;
	int			ids_size;		/* allocated */
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
 * One agreement, through a plan kept for the backend's life.  SELECT 1, not
 * a subquery of no columns: Citus plans that as a function returning record
 * and fails ("a column definition list is required").
 */
static bool
superseded_lookup(int64 id, DateADT on_date)
{
	static SPIPlanPtr plan = NULL;
	Oid			types[2] = {INT8OID, DATEOID};
	Datum		values[2] = {Int64GetDatum(id), DateADTGetDatum(on_date)};
	bool		isnull;
	bool		result;

	bool		in_task;
	char	   *source = registry_supersessions_source(&in_task);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (in_task)
	{
		/*
		 * On a Citus shard: this node's shards, through a plan kept while
		 * they stay the same.
		 */
		static SPIPlanPtr task_plan = NULL;
		static char *task_source = NULL;

		if (task_plan == NULL || strcmp(task_source, source) != 0)
		{
			SPIPlanPtr	p = SPI_prepare(psprintf("SELECT EXISTS (SELECT 1 FROM %s s"
												 " WHERE s.supersedes OPERATOR(pg_catalog.=) $1"
												 " AND s.entry_into_force OPERATOR(pg_catalog.<=) $2)",
												 source), 2, types);

			if (p == NULL || SPI_keepplan(p) != 0)
				elog(ERROR, "preparing the supersession lookup failed: %s",
					 SPI_result_code_string(SPI_result));
			if (task_plan != NULL)
				SPI_freeplan(task_plan);
			if (task_source != NULL)
				pfree(task_source);
			task_plan = p;
			task_source = MemoryContextStrdup(TopMemoryContext, source);
		}
		if (SPI_execute_plan(task_plan, values, NULL, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "the supersession lookup failed");
	}
	else
	{
	if (plan == NULL)
	{
		SPIPlanPtr	p = SPI_prepare("SELECT EXISTS (SELECT 1 FROM secpact.agreement s"
									" WHERE s.supersedes OPERATOR(pg_catalog.=) $1"
									" AND s.entry_into_force OPERATOR(pg_catalog.<=) $2)",
									2, types);

		if (p == NULL || SPI_keepplan(p) != 0)
			elog(ERROR, "preparing the supersession lookup failed: %s",
				 SPI_result_code_string(SPI_result));
		plan = p;
	}
	if (SPI_execute_plan(plan, values, NULL, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "the supersession lookup failed");
	}
	result = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_finish();
	return !isnull && result;
}

/* Keeps the ids a bulk read returns, up to SUPERSEDED_BULK_MAX of them. */
typedef struct IdReceiver
{
	DestReceiver pub;
	int64	   *ids;			/* in cxt, grown by doubling */
	int			n;
	int			size;
	bool		too_many;
	MemoryContext cxt;
} IdReceiver;

static bool
id_receive(TupleTableSlot *slot, DestReceiver *self)
{
	IdReceiver *r = (IdReceiver *) self;
	bool		isnull;
	Datum		d = slot_getattr(slot, 1, &isnull);

	if (isnull)
		return true;
	if (r->n >= SUPERSEDED_BULK_MAX)
	{
		r->too_many = true;
		return false;			/* stop the scan */
	}
	if (r->n == r->size)
	{
		r->size = r->size == 0 ? 512 : Min(r->size * 2, SUPERSEDED_BULK_MAX);
		r->ids = r->ids == NULL ? MemoryContextAlloc(r->cxt, sizeof(int64) * r->size) :
			repalloc(r->ids, sizeof(int64) * r->size);
	}
	r->ids[r->n++] = DatumGetInt64(d);
	return true;
}

static void
id_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
	if (typeinfo->natts != 1 || TupleDescAttr(typeinfo, 0)->atttypid != INT8OID)
		elog(ERROR, "superseded agreements query returned an unexpected row type");
}

static void
id_noop(DestReceiver *self)
{
}

/*
 * Every agreement superseded by on_date, sorted, into the cache; or, when
 * there are more than SUPERSEDED_BULK_MAX, a note that there are.  The rows
 * go straight into the array, so memory is the array's and no more.
 */
static void
superseded_load(SupersededCache *cache, MemoryContext cxt)
{
	ParamListInfo params = makeParamList(1);
	SPIExecuteOptions options;
	IdReceiver	r;
	int			ret;
	bool		in_task;

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
	/* start from the array of an earlier snapshot, if any */
	r.ids = cache->ids;
	r.size = cache->ids == NULL ? 0 : cache->ids_size;
	r.cxt = cxt;

	memset(&options, 0, sizeof(options));
	options.params = params;
	options.read_only = true;	/* the active snapshot, which the cache is keyed on */
	options.dest = &r.pub;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	ret = SPI_execute_extended(psprintf("SELECT s.supersedes FROM %s s"
										" WHERE s.supersedes IS NOT NULL"
										" AND s.entry_into_force OPERATOR(pg_catalog.<=) $1",
										registry_supersessions_source(&in_task)),
							   &options);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading superseded agreements failed: %s", SPI_result_code_string(ret));
	SPI_finish();
	pfree(params);
	cache->ids = r.ids;
	cache->ids_size = r.size;
	if (r.too_many)
	{
		cache->too_many = true;
		cache->nids = 0;
		return;
	}
	if (r.n > 0)
		qsort(cache->ids, r.n, sizeof(int64), compare_int64);
	cache->nids = r.n;
	cache->loaded = true;
}

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
		PG_RETURN_BOOL(superseded_lookup(id, on_date));
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
		PG_RETURN_BOOL(superseded_lookup(id, on_date));
	PG_RETURN_BOOL(cache->nids > 0 &&
				   bsearch(&id, cache->ids, cache->nids, sizeof(int64), compare_int64) != NULL);
}
