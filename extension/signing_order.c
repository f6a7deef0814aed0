/*
 * signing_order.c: signing_order(), signing_orders() and
 * secpact.signing_timeline_order() over secpact.agreement (in_force()'s
 * supersession lookup is in in_force.c).
 *
 * They read the registry with one query through SPI, so that privileges,
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
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

#include "encoding.h"
#include "members.h"
#include "partial_date.h"
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
	COL_LAST,					/* signed_on's precision, or its last day */
	COL_KIND,					/* only when filtering or grouping on the kind */
	NCOLS
};

/*
 * signing_timelines(): a kind the registry holds, by its bytes (the grouping
 * of 1.3's ORDER BY kind COLLATE "C"), and its pairs' first signings.
 */
typedef struct TimelineFirst TimelineFirst;

typedef struct TimelineKindKey
{
	const char *data;
	int			len;
} TimelineKindKey;

typedef struct TimelineKind
{
	TimelineKindKey key;		/* points into kind, once entered */
	text	   *kind;
	int			no;
	TimelineFirst *pairs;		/* the kind's pairs, in a chain */
} TimelineKind;

typedef struct TimelinePairKey
{
	int32		kind_no;
	int32		pair;			/* as in the table of first signings by pair */
} TimelinePairKey;

struct TimelineFirst
{
	TimelinePairKey key;
	FirstSigning first;
	text	   *place;
	TimelineFirst *next;		/* the kind's next pair */
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
	/*
	 * signing_timelines(): every kind at once, unfiltered and unsorted, the
	 * first signings by kind and pair in a hash (sized by the pairs the
	 * registry holds, not by kinds times parties squared).
	 */
	bool		by_kind;
	HTAB	   *kinds;			/* TimelineKind by the kind's bytes */
	HTAB	   *pairs;			/* TimelineFirst by kind and pair */
	TimelineKind *last_kind;	/* the previous row's: rows often repeat it */
} FirstSigningReceiver;

/* The party's row in party_table: counterparts are numbered by it. */
static inline int
party_row(PartyCode code)
{
	int			row = party_table_row(code);

	/* Every stored value was validated on the way in. */
	if (row < 0)
		party_unknown_value(code);
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
	int			ncols = r->kind != NULL || r->by_kind ? NCOLS : COL_KIND;

	if (typeinfo->natts != ncols)
		elog(ERROR, "registry query returned %d columns instead of %d", typeinfo->natts, ncols);
}

/*
 * Whether the row is of the kind asked for.  The kind is compared here rather
 * than in the query, so that it is the caller's collation's equality, as in
 * partners(): a nondeterministic collation may find kinds equal whose bytes
 * differ.
 */
static bool
row_of_kind(FirstSigningReceiver *r, TupleTableSlot *slot)
{
	return r->kind == NULL ||
		(!slot->tts_isnull[COL_KIND] &&
		 DatumGetBool(DirectFunctionCall2Coll(texteq, r->kind_collation,
											  slot->tts_values[COL_KIND],
											  PointerGetDatum(r->kind))));
}

static uint32
timeline_kind_hash(const void *key, Size keysize)
{
	const TimelineKindKey *k = key;

	return DatumGetUInt32(hash_any((const unsigned char *) k->data, k->len));
}

static int
timeline_kind_match(const void *key1, const void *key2, Size keysize)
{
	const TimelineKindKey *a = key1;
	const TimelineKindKey *b = key2;

	return a->len == b->len && memcmp(a->data, b->data, a->len) == 0 ? 0 : 1;
}

/*
 * The row's kind, entered on first sight; NULL for a row without a kind,
 * which no timeline takes.  Equal kinds are equal bytes, as 1.3's grouping
 * under COLLATE "C" had them (the default collation is deterministic).
 */
static TimelineKind *
row_timeline_kind(FirstSigningReceiver *r, TupleTableSlot *slot)
{
	text	   *kind;
	TimelineKindKey key;
	TimelineKind *entry;
	bool		found;

	if (slot->tts_isnull[COL_KIND])
		return NULL;
	kind = DatumGetTextPP(slot->tts_values[COL_KIND]);
	key.data = VARDATA_ANY(kind);
	key.len = VARSIZE_ANY_EXHDR(kind);
	if (r->last_kind != NULL && timeline_kind_match(&key, &r->last_kind->key, sizeof(key)) == 0)
		entry = r->last_kind;
	else
	{
		entry = hash_search(r->kinds, &key, HASH_ENTER, &found);
		if (!found)
		{
			/* the key must outlive the row: point it at a copy */
			entry->kind = (text *) MemoryContextAlloc(r->cxt, VARHDRSZ + key.len);
			SET_VARSIZE(entry->kind, VARHDRSZ + key.len);
			memcpy(VARDATA(entry->kind), key.data, key.len);
			entry->key.data = VARDATA(entry->kind);
			entry->no = (int) hash_get_num_entries(r->kinds) - 1;
			entry->pairs = NULL;
		}
	}
	/* a detoasted copy is the row's only: free it */
	if ((Pointer) kind != DatumGetPointer(slot->tts_values[COL_KIND]))
		pfree(kind);
	r->last_kind = entry;
	return entry;
}

/* The first signing of the kind's pair, entered on first sight. */
static TimelineFirst *
timeline_first(FirstSigningReceiver *r, TimelineKind *kind, int pair)
{
	TimelinePairKey key;
	TimelineFirst *entry;
	bool		found;

	key.kind_no = kind->no;
	key.pair = pair;
	entry = hash_search(r->pairs, &key, HASH_ENTER, &found);
	if (!found)
	{
		memset(&entry->first, 0, sizeof(entry->first));
		entry->place = NULL;
		entry->next = kind->pairs;
		kind->pairs = entry;
	}
	return entry;
}

/* The row as a signing; a partial date spans every day of its period. */
static void
row_signing(FirstSigningReceiver *r, TupleTableSlot *slot, Signing *signing)
{
	signing->day = DatumGetDateADT(slot->tts_values[COL_SIGNED_ON]);
	signing->order = slot->tts_isnull[COL_DAY_ORDER] ? SIGNING_ORDER_UNKNOWN :
		DatumGetInt16(slot->tts_values[COL_DAY_ORDER]);
	signing->id = DatumGetInt64(slot->tts_values[COL_ID]);
	/* a partial date: every day of its period, up to the last */
	signing->span = 0;
	if (!slot->tts_isnull[COL_LAST])
	{
		DateADT		last = r->last_is_date ? DatumGetDateADT(slot->tts_values[COL_LAST]) :
			partial_date_last(signing->day,
							  partial_precision_from_datum(slot->tts_values[COL_LAST]));

		if (last > signing->day && !DATE_NOT_FINITE(signing->day))
			signing->span = last - signing->day;
	}
}

/*
 * The entry of the table of first signings the dyad's row goes to, or -1
 * when it goes to none.
 */
static int
dyad_entry(FirstSigningReceiver *r, DyadCode dyad)
{
	PartyCode	other;
	int			entry;

	if (r->hub == 0)
		return party_row(DYAD_FIRST(dyad)) * party_table_len + party_row(DYAD_SECOND(dyad));
	/* the query asked for the hub's agreements only */
	if (!dyad_counterpart(dyad, r->hub, &other))
		return -1;
	entry = party_row(other);
	if (r->states_only && party_table[entry].is_organisation)
		return -1;
	return entry;
}

static bool
receiver_receive(TupleTableSlot *slot, DestReceiver *self)
{
	FirstSigningReceiver *r = (FirstSigningReceiver *) self;
	Signing		signing;
	int			entry;
	FirstSigning *first;
	text	  **place;
	TimelineKind *kind = NULL;

	slot_getallattrs(slot);
	/* parties, signed_on and id are NOT NULL in the registry */
	if (slot->tts_isnull[COL_PARTIES] || slot->tts_isnull[COL_SIGNED_ON] ||
		slot->tts_isnull[COL_ID])
		return true;
	if (!row_of_kind(r, slot))
		return true;
	if (r->by_kind && (kind = row_timeline_kind(r, slot)) == NULL)
		return true;
	row_signing(r, slot, &signing);
	entry = dyad_entry(r, DatumGetDyad(slot->tts_values[COL_PARTIES]));
	if (entry < 0)
		return true;
	if (kind != NULL)
	{
		TimelineFirst *t = timeline_first(r, kind, entry);

		first = &t->first;
		place = &t->place;
	}
	else
	{
		first = &r->firsts[entry];
		place = &r->places[entry];
	}

	if (first_signing_offer(first, &signing))
	{
		/* a new first: keep its place, which is rare after the first rows */
		if (*place != NULL)
			pfree(*place);
		*place = NULL;
		if (!slot->tts_isnull[COL_PLACE])
		{
			MemoryContext old = MemoryContextSwitchTo(r->cxt);

			*place = DatumGetTextPCopy(slot->tts_values[COL_PLACE]);
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
	/* from, with %s for the agreements, over a distributed registry; or NULL */
	const char *from_in_shards;
} RegistrySource;

static const RegistrySource registry_agreements = {
	"a.parties, a.signed_on, a.day_order, a.id, a.place, a.signed_on_precision",
	" FROM secpact.agreement a", false, " FROM %s a"
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

/* The receiver's callbacks and filters. */
static void
receiver_init(FirstSigningReceiver *r, text *kind, Oid collation,
			  const RegistrySource *source)
{
	r->pub.receiveSlot = receiver_receive;
	r->pub.rStartup = receiver_startup;
	r->pub.rShutdown = receiver_shutdown;
	r->pub.rDestroy = receiver_destroy;
	r->pub.mydest = DestNone;
	r->kind = kind;
	r->last_is_date = source->last_is_date;
	r->kind_collation = OidIsValid(collation) ? collation : DEFAULT_COLLATION_OID;
}

/*
 * The registry query into query, and its parameters (the hub, as_of, a kind
 * the shards compare): NULL, not an empty list, when there are none (Citus
 * dereferences it).
 */
static ParamListInfo
registry_query(FirstSigningReceiver *r, text *kind, DateADT *as_of,
			   const RegistrySource *source, StringInfo query)
{
	StringInfoData cond;		/* the WHERE clause */
	int			nparams = (r->hub != 0) + (as_of != NULL);
	ParamListInfo params;
	int			n = 0;
	bool		in_shards;
	bool		push_kind;

	/*
	 * Every name is qualified, so the caller's search_path never reaches the
	 * query; parameters are typed, so none is resolved by name either.  The
	 * party parameter is the extension's own type (a member, not a type found
	 * by name), and OPERATOR(schema.@>) between the column's dyad and it is
	 * then an exact match that only the extension's operator can be: an
	 * operator of that name and those types cannot exist twice in a schema.
	 */
	initStringInfo(query);
	initStringInfo(&cond);
	/*
	 * Every hub's order over a registry Citus distributes by parties: the
	 * shards send only the rows that can change a pair's first signing
	 * (citus_shards.c), the conditions applying before they are chosen.
	 */
	in_shards = r->hub == 0 && source->from_in_shards != NULL && registry_is_distributed();
	/* a deterministic collation's equality is the bytes': the shards filter */
	push_kind = in_shards && kind != NULL && get_collation_isdeterministic(r->kind_collation);
	nparams += push_kind;
	appendStringInfo(query, "SELECT %s", source->columns);
	if (kind != NULL || r->by_kind)
		appendStringInfoString(query, ", a.kind");
	params = nparams > 0 ? makeParamList(nparams) : NULL;
	if (r->hub != 0)
	{
		Oid			party_type = secpact_members()->party;

		if (!OidIsValid(party_type))
			elog(ERROR, "the extension secpact is not installed in this database");
		n = secpact_set_param(params, n, PartyGetDatum(r->hub), party_type);
		appendStringInfo(&cond, " WHERE a.parties OPERATOR(%s.@>) $%d",
						 quote_identifier(get_namespace_name(type_namespace(party_type))), n);
	}
	if (as_of != NULL)
	{
		n = secpact_set_param(params, n, DateADTGetDatum(*as_of), DATEOID);
		appendStringInfo(&cond, " %s a.signed_on OPERATOR(pg_catalog.<=) $%d",
						 n == 1 ? "WHERE" : "AND", n);
	}
	if (push_kind)
	{
		n = secpact_set_param(params, n, PointerGetDatum(kind), TEXTOID);
		appendStringInfo(&cond, " %s a.kind OPERATOR(pg_catalog.=) $%d",
						 n == 1 ? "WHERE" : "AND", n);
	}
	Assert(n == nparams);
	if (in_shards)
	{
		Oid			party_type = secpact_members()->party;

		if (!OidIsValid(party_type))
			elog(ERROR, "the extension secpact is not installed in this database");
		/* by kind too for the timelines, or a kind the shards cannot compare */
		appendStringInfo(query, source->from_in_shards,
						 registry_first_signings_in_shards(
							 quote_identifier(get_namespace_name(type_namespace(party_type))),
							 r->by_kind || (kind != NULL && !push_kind), cond.data));
	}
	else
	{
		appendStringInfoString(query, source->from);
		appendStringInfoString(query, cond.data);
	}
	return params;
}

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
	SPIExecuteOptions options;
	int			ret;

	registry_guard_check();
	receiver_init(r, kind, collation, source);

	memset(&options, 0, sizeof(options));
	options.params = registry_query(r, kind, as_of, source, &query);
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
emit_order(ReturnSetInfo *rsinfo, bool with_hub, PartyCode hub, text *kind, SigningOrderRow *rows,
		   int n, text *const *places, const int *place_entry, bool with_span)
{
	for (int i = 0; i < n; i++)
	{
		Datum		values[11];
		bool		nulls[11] = {false};
		char		ordinal[ORDINAL_MAX_LEN];
		size_t		len = ordinal_format(rows[i].position, ordinal);
		int			k = 0;
		text	   *place = places[place_entry[rows[i].index]];

		if (with_hub)
			values[k++] = PartyGetDatum(hub);
		if (kind != NULL)
			values[k++] = PointerGetDatum(kind);
		values[k++] = Int32GetDatum(rows[i].position);
		values[k++] = PartyGetDatum(row_party(rows[i].index));
		/* signing_timelines (with kind) leaves names to the view, after its filter */
		if (kind == NULL)
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
			if (kind == NULL)
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
	emit_order(rsinfo, false, r->hub, NULL, rows, n, r->places, entry_of, with_span);
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
 * Emits every hub's signing order from a table of first signings by pair of
 * parties, with kind in each row when not NULL.
 */
static void
emit_every_hub(FirstSigningReceiver *r, ReturnSetInfo *rsinfo, bool states_only, text *kind,
			   bool with_span)
{
	SigningOrderRow rows[PARTY_CODE_SLOTS];
	int			entry_of[PARTY_CODE_SLOTS];

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
		emit_order(rsinfo, true, row_party(hub), kind, rows, n, r->places, entry_of, with_span);
	}
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
	DateADT		as_of;

	InitMaterializedSRF(fcinfo, 0);
	r = new_receiver(0, false, party_table_len * party_table_len);
	if (!PG_ARGISNULL(1))
		as_of = PG_GETARG_DATEADT(1);
	scan_registry(r, PG_ARGISNULL(0) ? NULL : PG_GETARG_TEXT_PP(0), PG_GET_COLLATION(),
				  PG_ARGISNULL(1) ? NULL : &as_of,
				  registry_has_precision() ? &registry_agreements : &registry_agreements_1_2);

	emit_every_hub(r, rsinfo, states_only, NULL, false);
	MemoryContextDelete(r->cxt);
	return (Datum) 0;
}

/* Kinds in the order of their bytes, as 1.3's ORDER BY kind COLLATE "C" */
static int
timeline_kind_cmp(const void *a, const void *b)
{
	const TimelineKind *ka = *(TimelineKind *const *) a;
	const TimelineKind *kb = *(TimelineKind *const *) b;
	int			c = memcmp(ka->key.data, kb->key.data, Min(ka->key.len, kb->key.len));

	if (c != 0)
		return c;
	return (ka->key.len > kb->key.len) - (ka->key.len < kb->key.len);
}

/*
 * Every kind's every hub's timeline, a kind at a time: its pairs go to the
 * table of first signings by pair, which emit_every_hub ranks, then leave it.
 */
static void
emit_timelines(FirstSigningReceiver *r, ReturnSetInfo *rsinfo)
{
	long		nkinds = hash_get_num_entries(r->kinds);
	TimelineKind **kinds = palloc(sizeof(TimelineKind *) * Max(nkinds, 1));
	HASH_SEQ_STATUS seq;
	TimelineKind *kind;
	long		n = 0;

	hash_seq_init(&seq, r->kinds);
	while ((kind = hash_seq_search(&seq)) != NULL)
		kinds[n++] = kind;
	qsort(kinds, n, sizeof(TimelineKind *), timeline_kind_cmp);
	for (long k = 0; k < n; k++)
	{
		TimelineFirst *t;

		for (t = kinds[k]->pairs; t != NULL; t = t->next)
		{
			r->firsts[t->key.pair] = t->first;
			r->places[t->key.pair] = t->place;
		}
		emit_every_hub(r, rsinfo, false, kinds[k]->kind, true);
		for (t = kinds[k]->pairs; t != NULL; t = t->next)
		{
			r->firsts[t->key.pair].seen = false;
			r->places[t->key.pair] = NULL;
		}
	}
	pfree(kinds);
}

/*
 * secpact.signing_timelines(): signing_timeline_order(hub, kind) of every
 * hub and kind, from one scan of the registry and of membership pairs
 * instead of two a hub and kind: what secpact.signing_timeline shows.
 */
PG_FUNCTION_INFO_V1(signing_timelines);
Datum
signing_timelines(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	FirstSigningReceiver *r;
	HASHCTL		kinds_ctl;
	HASHCTL		pairs_ctl;

	InitMaterializedSRF(fcinfo, 0);
	if (!registry_has_precision())
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("signing_timelines() needs the registry of secpact 1.3"),
				 errhint("Update the extension with ALTER EXTENSION secpact UPDATE.")));
	r = new_receiver(0, false, party_table_len * party_table_len);
	r->by_kind = true;
	memset(&kinds_ctl, 0, sizeof(kinds_ctl));
	kinds_ctl.keysize = sizeof(TimelineKindKey);
	kinds_ctl.entrysize = sizeof(TimelineKind);
	kinds_ctl.hash = timeline_kind_hash;
	kinds_ctl.match = timeline_kind_match;
	kinds_ctl.hcxt = r->cxt;
	r->kinds = hash_create("signing timeline kinds", 16, &kinds_ctl,
						   HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);
	memset(&pairs_ctl, 0, sizeof(pairs_ctl));
	pairs_ctl.keysize = sizeof(TimelinePairKey);
	pairs_ctl.entrysize = sizeof(TimelineFirst);
	pairs_ctl.hcxt = r->cxt;
	r->pairs = hash_create("signing timeline pairs", 4096, &pairs_ctl,
						   HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	/*
	 * Two scans, no sort: agreements, then pairs of members of multilateral
	 * ones, so that within a kind the agreements are offered first, as
	 * signing_timeline_order offers them.
	 */
	scan_registry(r, NULL, PG_GET_COLLATION(), NULL, &registry_agreements);
	r->last_kind = NULL;
	scan_registry(r, NULL, PG_GET_COLLATION(), NULL, &registry_membership_dyads);
	emit_timelines(r, rsinfo);
	MemoryContextDelete(r->cxt);
	return (Datum) 0;
}
