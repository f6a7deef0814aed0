/*
 * in_force.c: superseded(), the part of in_force() that reads the registry,
 * the cache that lets a scan ask it for every row cheaply, and (1.6)
 * agreement_in_force(), the whole test over an agreement's columns, which
 * in_force() calls from SQL that the planner inlines (the update scripts).
 */
#include "secpact.h"

#include "access/parallel.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "utils/date.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "citus_shards.h"
#include "partial_date.h"

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
 * copy of a snapshot (the active snapshot is one, as are a parallel worker's
 * and an imported one) has no completion count, and is compared by its
 * in-progress transaction ids instead; a historic snapshot is never read in
 * bulk.  The
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
	/* and its in-progress transactions: copies of the active snapshot keep no completion count */
	uint32		xcnt;
	int32		subxcnt;
	bool		suboverflowed;
	TransactionId *xip;			/* xcnt, then subxcnt ids, in fn_mcxt */
	int			xip_size;		/* allocated */
	int64		calls;			/* calls with on_date, on that snapshot */
	bool		loaded;			/* the lists hold every agreement superseded by then */
	bool		too_many;		/* more than SUPERSEDED_BULK_MAX: look each up */
	IdList		surely;			/* sorted: superseded by then */
	IdList		maybe;			/* sorted: perhaps, by a partial date */
	/*
	 * One bit per hash of an id in either list, so that the many agreements
	 * that are in neither are answered without a search; filter_mask + 1
	 * bits, in fn_mcxt.
	 */
	uint64	   *filter;
	uint32		filter_mask;
} SupersededCache;

/* Whether the active snapshot is the one the cache's calls were made on. */
static bool
superseded_same_snapshot(const SupersededCache *cache, Snapshot snap)
{
	if (cache->xmin != snap->xmin || cache->xmax != snap->xmax ||
		cache->completion_count != snap->snapXactCompletionCount ||
		cache->curcid != snap->curcid ||
		cache->subxid != GetCurrentSubTransactionId())
		return false;
	/*
	 * A copy of a snapshot (the active one is a copy) has no completion
	 * count: the transactions it sees as in progress decide instead.  Two MVCC
	 * snapshots with the same xmin, xmax, in-progress and subtransaction ids
	 * see the same rows.
	 */
	if (snap->snapXactCompletionCount != 0)
		return true;
	return cache->xcnt == snap->xcnt && cache->subxcnt == snap->subxcnt &&
		cache->suboverflowed == snap->suboverflowed &&
		(snap->xcnt == 0 ||
		 memcmp(cache->xip, snap->xip, sizeof(TransactionId) * snap->xcnt) == 0) &&
		(snap->subxcnt <= 0 ||
		 memcmp(cache->xip + snap->xcnt, snap->subxip, sizeof(TransactionId) * snap->subxcnt) == 0);
}

/* Keeps the snapshot's in-progress ids, for superseded_same_snapshot. */
static void
superseded_keep_xids(SupersededCache *cache, Snapshot snap, MemoryContext cxt)
{
	int			n = snap->xcnt + Max(snap->subxcnt, 0);

	cache->xcnt = snap->xcnt;
	cache->subxcnt = snap->subxcnt;
	cache->suboverflowed = snap->suboverflowed;
	if (n > cache->xip_size)
	{
		if (cache->xip != NULL)
			pfree(cache->xip);
		cache->xip = MemoryContextAlloc(cxt, sizeof(TransactionId) * n);
		cache->xip_size = n;
	}
	if (snap->xcnt > 0)
		memcpy(cache->xip, snap->xip, sizeof(TransactionId) * snap->xcnt);
	if (snap->subxcnt > 0)
		memcpy(cache->xip + snap->xcnt, snap->subxip, sizeof(TransactionId) * snap->subxcnt);
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

/*
 * The query of one agreement's supersessions over source (secpact.agreement,
 * or this node's shards of it inside a Citus task); the precision from 1.3.
 */
static char *
superseded_lookup_query(const char *source, bool partial)
{
	return psprintf("SELECT s.entry_into_force, %s FROM %s s"
					" WHERE s.supersedes OPERATOR(pg_catalog.=) $1"
					" AND s.entry_into_force OPERATOR(pg_catalog.<=) $2",
					partial ? "s.entry_into_force_precision" : "NULL::pg_catalog.oid", source);
}

/*
 * The plan of superseded_lookup_query, kept for the backend's life in *slot
 * and remade when source is not *slot_source (a Citus task's shards).
 */
static SPIPlanPtr
superseded_lookup_plan(SPIPlanPtr *slot, char **slot_source, const char *source, bool partial)
{
	Oid			types[2] = {INT8OID, DATEOID};
	SPIPlanPtr	p;

	if (*slot != NULL && strcmp(*slot_source, source) == 0)
		return *slot;
	p = SPI_prepare(superseded_lookup_query(source, partial), 2, types);
	if (p == NULL || SPI_keepplan(p) != 0)
		elog(ERROR, "preparing the supersession lookup failed: %s",
			 SPI_result_code_string(SPI_result));
	if (*slot != NULL)
		SPI_freeplan(*slot);
	if (*slot_source != NULL)
		pfree(*slot_source);
	*slot = p;
	*slot_source = MemoryContextStrdup(TopMemoryContext, source);
	return p;
}

/* One agreement, through a plan kept for the backend's life. */
static Supersession
superseded_lookup(int64 id, DateADT on_date)
{
	/* before 1.3 and from 1.3, then inside a Citus task */
	static SPIPlanPtr plans[3] = {NULL, NULL, NULL};
	static char *sources[3] = {NULL, NULL, NULL};
	bool		partial = registry_has_precision();
	Datum		values[2] = {Int64GetDatum(id), DateADTGetDatum(on_date)};
	Supersession result = NOT_SUPERSEDED;
	SPIPlanPtr	plan;
	bool		in_task;
	char	   *source = registry_supersessions_source(&in_task);
	int			slot = in_task ? 2 : partial;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	plan = superseded_lookup_plan(&plans[slot], &sources[slot], source, partial);
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

static inline uint32
id_filter_bit(int64 id, uint32 mask)
{
	return murmurhash32((uint32) id ^ (uint32) ((uint64) id >> 32)) & mask;
}

static void
id_filter_add(SupersededCache *cache, const IdList *list)
{
	for (int i = 0; i < list->n; i++)
	{
		uint32		b = id_filter_bit(list->ids[i], cache->filter_mask);

		cache->filter[b / 64] |= UINT64CONST(1) << (b % 64);
	}
}

/* False when the id is in neither list; true when it may be. */
static inline bool
id_filter_holds(const SupersededCache *cache, int64 id)
{
	uint32		b = id_filter_bit(id, cache->filter_mask);

	return (cache->filter[b / 64] & (UINT64CONST(1) << (b % 64))) != 0;
}

/*
 * The filter of the ids read: about eight bits an id (a power of two, at
 * least 64), so that some nine in ten of the ids in neither list miss it.
 */
static void
superseded_build_filter(SupersededCache *cache, MemoryContext cxt)
{
	uint64		n = (uint64) cache->surely.n + cache->maybe.n;
	uint64		bits = 64;

	while (bits < n * 8)
		bits <<= 1;
	if (cache->filter != NULL)
		pfree(cache->filter);
	cache->filter = MemoryContextAllocZero(cxt, bits / 8);
	cache->filter_mask = (uint32) (bits - 1);
	id_filter_add(cache, &cache->surely);
	id_filter_add(cache, &cache->maybe);
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
	bool		in_task;
	char	   *source = registry_supersessions_source(&in_task);

	(void) secpact_set_param(params, 0, DateADTGetDatum(cache->on_date), DATEOID);

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
	ret = SPI_execute_extended(psprintf(registry_has_precision() ?
										"SELECT s.supersedes, s.entry_into_force, s.entry_into_force_precision"
										" FROM %s s"
										" WHERE s.supersedes IS NOT NULL"
										" AND s.entry_into_force OPERATOR(pg_catalog.<=) $1" :
										"SELECT s.supersedes, s.entry_into_force, NULL::pg_catalog.oid"
										" FROM %s s"
										" WHERE s.supersedes IS NOT NULL"
										" AND s.entry_into_force OPERATOR(pg_catalog.<=) $1",
										source),
							   &options);
	/* a SELECT into a receiver of mydest DestNone reports SPI_OK_UTILITY */
	if (ret != SPI_OK_SELECT && ret != SPI_OK_UTILITY)
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
	superseded_build_filter(cache, cxt);
	cache->loaded = true;
}

static bool
id_listed(const IdList *list, int64 id)
{
	return list->n > 0 && bsearch(&id, list->ids, list->n, sizeof(int64), compare_int64) != NULL;
}

/*
 * Whether an agreement superseding the given one is in force by on_date,
 * with the cache of the calling function's FmgrInfo (superseded() and
 * agreement_in_force() each keep their own).
 */
static Supersession
supersession(FmgrInfo *flinfo, int64 id, DateADT on_date)
{
	SupersededCache *cache = (SupersededCache *) flinfo->fn_extra;
	Snapshot	snap;

	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(flinfo->fn_mcxt, sizeof(SupersededCache));
		flinfo->fn_extra = cache;
	}
	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;

	/*
	 * Only an MVCC snapshot is compared (superseded_same_snapshot); a
	 * historic one, whose in-progress ids mean otherwise, is never read in
	 * bulk.
	 */
	if (snap == NULL || snap->snapshot_type != SNAPSHOT_MVCC)
	{
		/* a snapshot the cache cannot recognise: never read in bulk */
		cache->calls = 0;
		cache->loaded = false;
		return superseded_lookup(id, on_date);
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
		superseded_keep_xids(cache, snap, flinfo->fn_mcxt);
		cache->calls = 0;
		cache->loaded = false;
		cache->too_many = false;
	}
	cache->calls++;

	if (!cache->loaded && !cache->too_many && cache->calls > SUPERSEDED_LOOKUPS_BEFORE_BULK)
		superseded_load(cache, flinfo->fn_mcxt);
	if (!cache->loaded)
		return superseded_lookup(id, on_date);
	if (!id_filter_holds(cache, id))
		return NOT_SUPERSEDED;
	return id_listed(&cache->surely, id) ? SUPERSEDED :
		id_listed(&cache->maybe, id) ? MAYBE_SUPERSEDED : NOT_SUPERSEDED;
}

PG_FUNCTION_INFO_V1(superseded);
Datum
superseded(PG_FUNCTION_ARGS)
{
	Supersession s = supersession(fcinfo->flinfo, PG_GETARG_INT64(0), PG_GETARG_DATEADT(1));

	if (s == MAYBE_SUPERSEDED)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(s == SUPERSEDED);
}

/*
 * The last day of a partial date's period, as the strict SQL function
 * partial_date_last computes it; false when either argument is NULL.
 */
static bool
argument_last_day(FunctionCallInfo fcinfo, int date_arg, DateADT *last)
{
	if (PG_ARGISNULL(date_arg) || PG_ARGISNULL(date_arg + 1))
		return false;
	*last = partial_date_last(PG_GETARG_DATEADT(date_arg),
							  partial_precision_from_datum(PG_GETARG_DATUM(date_arg + 1)));
	return true;
}

/*
 * agreement_in_force(id, signed_on, entry_into_force,
 * entry_into_force_precision, expires_on, expires_on_precision,
 * terminated_on, terminated_on_precision, on_date): in_force() of an
 * agreement from its columns, in one call.  1.3 to 1.5 wrote in_force() as
 * a CASE over these columns with a call of partial_date_last() for each
 * date and one of superseded(): over a million agreements on PostgreSQL
 * 15, 132 ms against this call's 117 (bench/analysis.md).  The answer is
 * that CASE's, NULLs included (three-valued, the SQL functions it called
 * being strict), and superseded() is asked only where the CASE asked it.
 */
PG_FUNCTION_INFO_V1(agreement_in_force);
Datum
agreement_in_force(PG_FUNCTION_ARGS)
{
	enum
	{
		ID, SIGNED_ON, ENTRY, ENTRY_PRECISION, EXPIRES, EXPIRES_PRECISION,
		TERMINATED, TERMINATED_PRECISION, ON_DATE
	};
	DateADT		on_date,
				last;
	Supersession s;

	if (PG_ARGISNULL(ON_DATE))
	{
		/* no branch of the CASE decides, and superseded() is NULL */
		PG_RETURN_NULL();
	}
	on_date = PG_GETARG_DATEADT(ON_DATE);
	/* false as soon as a date surely decides it */
	if (!PG_ARGISNULL(SIGNED_ON) && on_date < PG_GETARG_DATEADT(SIGNED_ON))
		PG_RETURN_BOOL(false);
	if (argument_last_day(fcinfo, TERMINATED, &last) && last <= on_date)
		PG_RETURN_BOOL(false);
	if (argument_last_day(fcinfo, EXPIRES, &last) && last <= on_date)
		PG_RETURN_BOOL(false);
	/* not yet in force, superseded or not: no need to ask */
	if (!PG_ARGISNULL(ENTRY) && PG_GETARG_DATEADT(ENTRY) > on_date)
		PG_RETURN_BOOL(false);

	s = PG_ARGISNULL(ID) ? MAYBE_SUPERSEDED :	/* superseded() would be NULL */
		supersession(fcinfo->flinfo, PG_GETARG_INT64(ID), on_date);
	if (s == SUPERSEDED)
		PG_RETURN_BOOL(false);
	/* the dates' doubts: a period that may hold on_date */
	if (PG_ARGISNULL(ENTRY) ||
		(argument_last_day(fcinfo, ENTRY, &last) && last > on_date) ||
		(!PG_ARGISNULL(TERMINATED) && PG_GETARG_DATEADT(TERMINATED) <= on_date) ||
		(!PG_ARGISNULL(EXPIRES) && PG_GETARG_DATEADT(EXPIRES) <= on_date))
		PG_RETURN_NULL();
	if (s == MAYBE_SUPERSEDED)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(true);
}
