/*
 * supersession.c: the checks on secpact.agreement.supersedes that a foreign
 * key cannot make.
 *
 * The foreign key agreement_supersedes_same_parties already holds a
 * superseding agreement to the parties of the one it supersedes.  This
 * constraint trigger adds the rules that need the chain of supersessions:
 *
 *   - no cycle (1 supersedes 2 supersedes 1: neither would ever be in force);
 *   - a superseding agreement does not enter into force before the one it
 *     supersedes (which would then never be in force), when both are known;
 *   - a warning when it was signed before the one it supersedes.
 *
 * The checks must see every row, as a foreign key's do: rows the writer's
 * row-level security hides can close a cycle too.  So, like PostgreSQL's
 * own RI triggers (ri_triggers.c), the chain is read as the table's owner,
 * with row-level security off for the owner (SECURITY_NOFORCE_RLS), and
 * through the latest snapshot, so that a REPEATABLE READ writer sees what
 * was committed while it waited.  It waits on a transaction-level advisory
 * lock keyed on the dyad: every link of a chain is within one dyad (the
 * foreign key), so two writers that could close a cycle between them, or
 * move an entry into force under a supersession, always take the same lock,
 * one after the other.  The dyads share SUPERSESSION_LOCKS locks, so that a
 * transaction writing supersessions in thousands of dyads (a restore) holds
 * a bounded number of locks; writers in dyads of different locks never
 * wait for each other, and writers without a supersession never wait.  Nothing
 * the owner reads is returned to the writer beyond the ids and dates of the
 * chain in an error's detail, which the writer's own row leads to.
 */
#include "secpact.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "storage/lock.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "partial_date.h"

/* The advisory locks' first key: "secp"; the second is the dyad's lock. */
#define SUPERSESSION_LOCK_KEY 0x73656370
#define SUPERSESSION_LOCKS 64

/* How many ids of a chain an error's detail lists. */
#define CHAIN_SHOWN 8

typedef struct AgreementDates
{
	int64		id;
	bool		has_supersedes;
	int64		supersedes;
	bool		has_entry;
	DateADT		entry_into_force;
	DateADT		entry_last;		/* its last possible day (partial dates, 1.3) */
	DateADT		signed_on;
	DateADT		signed_last;
	/* the precisions, which an update may change alone */
	PartialPrecision entry_precision;
	PartialPrecision signed_precision;
} AgreementDates;

/* each before 1.3 (no precision columns) and from 1.3 */
static SPIPlanPtr by_id_plans[2] = {NULL, NULL};
static SPIPlanPtr superseding_plans[2] = {NULL, NULL};

/* The columns row_dates reads; before 1.3 every date is known to the day. */
#define DATES_1_2 "SELECT a.id, a.supersedes, a.entry_into_force, a.signed_on," \
	" NULL::pg_catalog.oid, NULL::pg_catalog.oid FROM secpact.agreement a"
#define DATES_1_3 "SELECT a.id, a.supersedes, a.entry_into_force, a.signed_on," \
	" a.entry_into_force_precision, a.signed_on_precision FROM secpact.agreement a"

static SPIPlanPtr
keep_plan(const char *query)
{
	Oid			types[1] = {INT8OID};
	SPIPlanPtr	p = SPI_prepare(query, 1, types);

	if (p == NULL || SPI_keepplan(p) != 0)
		elog(ERROR, "preparing a supersession query failed: %s",
			 SPI_result_code_string(SPI_result));
	return p;
}

/* Runs plan with id through the latest snapshot (see the file's comment). */
static void
run_plan(SPIPlanPtr plan, int64 id)
{
	Datum		values[1] = {Int64GetDatum(id)};
	int			ret = SPI_execute_snapshot(plan, values, NULL, GetLatestSnapshot(),
										   InvalidSnapshot, false, false, 0);

	if (ret != SPI_OK_SELECT)
		elog(ERROR, "a supersession query failed: %s", SPI_result_code_string(ret));
}

static void
row_dates(HeapTuple tuple, TupleDesc desc, int first, AgreementDates *a)
{
	bool		isnull;
	Datum		d;

	d = SPI_getbinval(tuple, desc, first, &isnull);
	a->id = isnull ? 0 : DatumGetInt64(d);
	d = SPI_getbinval(tuple, desc, first + 1, &isnull);
	a->has_supersedes = !isnull;
	a->supersedes = isnull ? 0 : DatumGetInt64(d);
	d = SPI_getbinval(tuple, desc, first + 2, &isnull);
	a->has_entry = !isnull;
	a->entry_into_force = isnull ? 0 : DatumGetDateADT(d);
	d = SPI_getbinval(tuple, desc, first + 3, &isnull);
	a->signed_on = isnull ? 0 : DatumGetDateADT(d);
	d = SPI_getbinval(tuple, desc, first + 4, &isnull);
	a->entry_precision = isnull ? PARTIAL_DAY : partial_precision_from_datum(d);
	d = SPI_getbinval(tuple, desc, first + 5, &isnull);
	a->signed_precision = isnull ? PARTIAL_DAY : partial_precision_from_datum(d);
	a->entry_last = partial_date_last(a->entry_into_force, a->entry_precision);
	a->signed_last = partial_date_last(a->signed_on, a->signed_precision);
}

/* The agreement with this id, or false when there is none. */
static bool
fetch_agreement(int64 id, AgreementDates *a)
{
	bool		partial = registry_has_precision();

	if (by_id_plans[partial] == NULL)
		by_id_plans[partial] = keep_plan(partial ?
										 DATES_1_3 " WHERE a.id OPERATOR(pg_catalog.=) $1" :
										 DATES_1_2 " WHERE a.id OPERATOR(pg_catalog.=) $1");
	run_plan(by_id_plans[partial], id);
	if (SPI_processed == 0)
		return false;
	row_dates(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, a);
	return true;
}

/*
 * A date as far as it is known: a day as DateStyle writes it (as before
 * 1.3), a partial date as 1997-06 or 1997.
 */
static char *
date_text(DateADT first, DateADT last)
{
	if (first == last)
		return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(first)));
	return text_to_cstring(partial_span_text(first, last));
}

/* The dates rule between a superseding agreement and the one it supersedes. */
static void
check_dates(Relation rel, const char *constraint, const AgreementDates *newer,
			const AgreementDates *older)
{
	/* surely before: the newer's last possible day is before the older's first */
	if (newer->has_entry && older->has_entry &&
		newer->entry_last < older->entry_into_force)
		ereport(ERROR,
				(errcode(ERRCODE_CHECK_VIOLATION),
				 errmsg("agreement " INT64_FORMAT " cannot supersede agreement " INT64_FORMAT
						" before it enters into force", newer->id, older->id),
				 errdetail("Agreement " INT64_FORMAT " enters into force on %s, agreement "
						   INT64_FORMAT " on %s.", newer->id,
						   date_text(newer->entry_into_force, newer->entry_last),
						   older->id, date_text(older->entry_into_force, older->entry_last)),
				 errhint("An agreement in force before the one it supersedes would leave that one never in force."),
				 errtableconstraint(rel, constraint)));
	if (newer->signed_last < older->signed_on)
		ereport(WARNING,
				(errcode(ERRCODE_WARNING),
				 errmsg("agreement " INT64_FORMAT " supersedes agreement " INT64_FORMAT
						", which was signed after it", newer->id, older->id),
				 errdetail("Agreement " INT64_FORMAT " was signed on %s, agreement "
						   INT64_FORMAT " on %s.", newer->id, date_text(newer->signed_on, newer->signed_last),
						   older->id, date_text(older->signed_on, older->signed_last))));
}

/*
 * Follows the chain from the row's supersedes: reaching the row again is a
 * cycle.  Brent's algorithm stops on a cycle the chain enters without the row
 * (possible only in data written before 1.2), with constant memory.
 */
static void
check_chain(Relation rel, const char *constraint, const AgreementDates *row,
			const AgreementDates *first)
{
	StringInfoData chain;
	AgreementDates cur = *first;
	int64		tortoise = first->id;
	int64		power = 1,
				steps = 0,
				shown = 0;

	initStringInfo(&chain);
	appendStringInfo(&chain, INT64_FORMAT " supersedes " INT64_FORMAT, row->id, first->id);
	while (cur.has_supersedes)
	{
		if (shown < CHAIN_SHOWN)
			appendStringInfo(&chain, ", which supersedes " INT64_FORMAT, cur.supersedes);
		else if (shown == CHAIN_SHOWN)
			appendStringInfoString(&chain, ", ...");
		shown++;
		if (cur.supersedes == row->id)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg("supersession of agreement " INT64_FORMAT " by agreement " INT64_FORMAT
							" would make a cycle", first->id, row->id),
					 errdetail("Agreement %s.", chain.data),
					 errhint("An agreement in a cycle of supersessions is never in force; remove one of the supersessions."),
					 errtableconstraint(rel, constraint)));
		if (cur.supersedes == tortoise)
		{
			ereport(WARNING,
					(errcode(ERRCODE_WARNING),
					 errmsg("agreement " INT64_FORMAT " supersedes an agreement in a cycle of supersessions",
							row->id),
					 errdetail("Agreement " INT64_FORMAT " is in the cycle.", tortoise)));
			break;
		}
		CHECK_FOR_INTERRUPTS();
		if (++steps == power)
		{
			tortoise = cur.id;
			power *= 2;
			steps = 0;
		}
		if (!fetch_agreement(cur.supersedes, &cur))
			break;				/* the foreign key reports a missing one */
	}
	pfree(chain.data);
}

/* Agreements that supersede the row must not enter into force before it. */
static void
check_superseding(Relation rel, const char *constraint, const AgreementDates *row)
{
	bool		partial = registry_has_precision();

	if (superseding_plans[partial] == NULL)
		superseding_plans[partial] = keep_plan(partial ?
											   DATES_1_3 " WHERE a.supersedes OPERATOR(pg_catalog.=) $1" :
											   DATES_1_2 " WHERE a.supersedes OPERATOR(pg_catalog.=) $1");
	run_plan(superseding_plans[partial], row->id);
	for (uint64 i = 0; i < SPI_processed; i++)
	{
		AgreementDates newer;

		row_dates(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &newer);
		check_dates(rel, constraint, &newer, row);
	}
}

static int
column(TupleDesc desc, const char *name, Oid type)
{
	int			attnum = SPI_fnumber(desc, name);

	if (attnum <= 0 || TupleDescAttr(desc, attnum - 1)->atttypid != type)
		elog(ERROR, "secpact.agreement has no column %s of type %u", name, type);
	return attnum;
}

/*
 * A precision column: an enum (a 4-byte oid), secpact.date_precision; 0
 * before 1.3, which has none.
 */
static int
precision_column(TupleDesc desc, const char *name)
{
	int			attnum = SPI_fnumber(desc, name);

	if (attnum == SPI_ERROR_NOATTRIBUTE)
		return 0;
	if (attnum <= 0 || TupleDescAttr(desc, attnum - 1)->attlen != sizeof(Oid) ||
		get_typtype(TupleDescAttr(desc, attnum - 1)->atttypid) != TYPTYPE_ENUM)
		elog(ERROR, "secpact.agreement has no column %s of type date_precision", name);
	return attnum;
}

/* The row's id, supersedes and dates. */
static void
tuple_dates(HeapTuple tuple, TupleDesc desc, AgreementDates *a)
{
	bool		isnull;
	Datum		d;
	int			attnum;

	memset(a, 0, sizeof(*a));
	d = heap_getattr(tuple, column(desc, "id", INT8OID), desc, &isnull);
	a->id = isnull ? 0 : DatumGetInt64(d);
	d = heap_getattr(tuple, column(desc, "supersedes", INT8OID), desc, &isnull);
	a->has_supersedes = !isnull;
	a->supersedes = isnull ? 0 : DatumGetInt64(d);
	d = heap_getattr(tuple, column(desc, "entry_into_force", DATEOID), desc, &isnull);
	a->has_entry = !isnull;
	a->entry_into_force = isnull ? 0 : DatumGetDateADT(d);
	d = heap_getattr(tuple, column(desc, "signed_on", DATEOID), desc, &isnull);
	a->signed_on = isnull ? 0 : DatumGetDateADT(d);
	a->entry_precision = a->signed_precision = PARTIAL_DAY;
	if ((attnum = precision_column(desc, "entry_into_force_precision")) > 0)
	{
		d = heap_getattr(tuple, attnum, desc, &isnull);
		a->entry_precision = isnull ? PARTIAL_DAY : partial_precision_from_datum(d);
	}
	if ((attnum = precision_column(desc, "signed_on_precision")) > 0)
	{
		d = heap_getattr(tuple, attnum, desc, &isnull);
		a->signed_precision = isnull ? PARTIAL_DAY : partial_precision_from_datum(d);
	}
	a->entry_last = partial_date_last(a->entry_into_force, a->entry_precision);
	a->signed_last = partial_date_last(a->signed_on, a->signed_precision);
}

/*
 * The trigger is an AFTER INSERT OR UPDATE row trigger on the registry
 * itself: the owner it reads as is the owner of the table the trigger fires
 * on.  The schema secpact is the extension's.
 */
static void
check_trigger_event(FunctionCallInfo fcinfo)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Oid			registry;

	if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(trigdata->tg_event) ||
		!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("agreement_supersession_check() must be fired after insert or update, for each row")));
	registry = get_relname_relid("agreement", get_namespace_oid("secpact", false));
	if (RelationGetRelid(trigdata->tg_relation) != registry)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("agreement_supersession_check() fires only on secpact.agreement")));
}

/*
 * The row's dates, and what to check: *new_link when supersedes is new
 * (walk the chain), *new_dates when the dates changed (check those
 * superseding it).  False when an update changed nothing this checks.
 */
static bool
changes_to_check(TriggerData *trigdata, HeapTuple tuple, AgreementDates *row,
				 bool *new_link, bool *new_dates)
{
	TupleDesc	desc = RelationGetDescr(trigdata->tg_relation);
	AgreementDates old;

	tuple_dates(tuple, desc, row);
	*new_dates = false;
	if (!TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		*new_link = row->has_supersedes;
		return true;
	}
	tuple_dates(trigdata->tg_trigtuple, desc, &old);
	*new_link = row->has_supersedes &&
		(!old.has_supersedes || old.supersedes != row->supersedes);
	*new_dates = row->has_entry != old.has_entry ||
		row->entry_into_force != old.entry_into_force || row->signed_on != old.signed_on ||
		row->entry_precision != old.entry_precision || row->signed_precision != old.signed_precision;
	return *new_link || *new_dates;
}

/* One writer of a dyad's supersessions at a time, until commit. */
static void
lock_dyad(TupleDesc desc, HeapTuple tuple)
{
	int			attnum = SPI_fnumber(desc, "parties");
	bool		isnull;
	Datum		parties;
	LOCKTAG		tag;

	/* a dyad: 4 bytes by value */
	if (attnum <= 0 || TupleDescAttr(desc, attnum - 1)->attlen != 4 ||
		!TupleDescAttr(desc, attnum - 1)->attbyval)
		elog(ERROR, "secpact.agreement has no column parties of type dyad");
	parties = heap_getattr(tuple, attnum, desc, &isnull);
	SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, SUPERSESSION_LOCK_KEY,
						 isnull ? 0 : hash_uint32(DatumGetUInt32(parties)) % SUPERSESSION_LOCKS, 2);
	(void) LockAcquire(&tag, ExclusiveLock, false, false);
}

PG_FUNCTION_INFO_V1(agreement_supersession_check);
Datum
agreement_supersession_check(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel;
	HeapTuple	tuple;
	Oid			save_userid;
	int			save_sec_context;
	AgreementDates row;
	bool		new_link;		/* supersedes is new: walk the chain */
	bool		new_dates;		/* dates changed: check those superseding it */

	check_trigger_event(fcinfo);
	rel = trigdata->tg_relation;
	tuple = TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event) ? trigdata->tg_newtuple :
		trigdata->tg_trigtuple;
	if (!changes_to_check(trigdata, tuple, &row, &new_link, &new_dates))
		return PointerGetDatum(NULL);	/* nothing this checks has changed */

	lock_dyad(RelationGetDescr(rel), tuple);

	GetUserIdAndSecContext(&save_userid, &save_sec_context);
	SetUserIdAndSecContext(rel->rd_rel->relowner,
						   save_sec_context | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");

	if (row.has_supersedes && (new_link || new_dates))
	{
		AgreementDates older;

		if (fetch_agreement(row.supersedes, &older))
		{
			check_dates(rel, trigdata->tg_trigger->tgname, &row, &older);
			if (new_link)
				check_chain(rel, trigdata->tg_trigger->tgname, &row, &older);
		}
	}
	if (new_dates)
		check_superseding(rel, trigdata->tg_trigger->tgname, &row);

	SPI_finish();
	SetUserIdAndSecContext(save_userid, save_sec_context);
	return PointerGetDatum(NULL);
}
