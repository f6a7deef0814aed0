/*
 * citus_shards.c: the registry's supersessions as seen from a Citus shard.
 *
 * in_force() asks superseded() about each row it tests, and superseded()
 * reads secpact.agreement.  Citus pushes in_force() into the queries it runs
 * on the shards, and there it refuses a distributed query ("cannot execute
 * a distributed query from a query on a shard").  But an agreement that
 * supersedes another has the same parties (agreement_supersedes_same_parties),
 * so in a registry distributed by parties it is in the same shard, which is
 * on the node that runs the task; a reference registry has every row on
 * every node.  So inside a task the shards of secpact.agreement on this node
 * hold every agreement superseding the rows of the task.
 *
 * Citus's own test for a task (multi_executor.c, IsTaskExecutionAllowed) is
 * a local execution on a shard or a backend Citus opened; its global
 * LocalExecutorShardId and function IsCitusInternalBackend() are exported,
 * and looked up through load_external_function() only when the library is
 * loaded, so that secpact never links to Citus.
 */
#include "secpact.h"

#include "commands/extension.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "nodes/value.h"
#include "parser/parse_func.h"
#include "storage/proc.h"
#include "utils/memutils.h"
#include "utils/builtins.h"

#include "citus_shards.h"
#include "partial_date.h"

static bool looked_up = false;
static char *cached_source = NULL;	/* registry_supersessions_source's, in a task */
static LocalTransactionId cached_lxid = InvalidLocalTransactionId;
static LocalTransactionId guard_passed_lxid = InvalidLocalTransactionId;
static bool citus_loaded = false;
static uint64 *local_shard = NULL;
static bool (*internal_backend) (void) = NULL;

/* Citus's symbols, once a backend; only when Citus is loaded already. */
static void
look_up_citus(void)
{
	if (!looked_up)
	{
		void	   *handle = NULL;

		if (process_shared_preload_libraries_done &&
			strstr(shared_preload_libraries_string != NULL ?
				   shared_preload_libraries_string : "", "citus") != NULL)
		{
			citus_loaded = true;
			local_shard = (uint64 *) load_external_function("citus", "LocalExecutorShardId",
															false, &handle);
			internal_backend = (bool (*) (void)) load_external_function("citus", "IsCitusInternalBackend",
																		false, &handle);
		}
		looked_up = true;
	}
}

/* Whether this backend is running a Citus task, Citus's own way. */
static bool
in_citus_task(void)
{
	look_up_citus();
	if (local_shard != NULL && *local_shard != 0)
		return true;
	return internal_backend != NULL && internal_backend();
}

char *
registry_supersessions_source(bool *in_task)
{
	StringInfoData source;
	int			ret;

	*in_task = in_citus_task();
	if (!*in_task)
	{
		/* superseded() would say "no" from a worker's empty local registry */
		registry_guard_check();
		return pstrdup("secpact.agreement");
	}
	/* the shards of a node do not move within a transaction's statements */
	if (cached_source != NULL && cached_lxid == secpact_local_xid(MyProc))
		return pstrdup(cached_source);

	/* in the caller's context: SPI's is gone after SPI_finish */
	initStringInfo(&source);
	/* the Citus catalogs are local tables on every node */
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/* the columns the supersession lookups read; the precision from 1.3 */
	ret = SPI_execute(psprintf("SELECT pg_catalog.string_agg(pg_catalog.format("
							   "'SELECT s.id, s.supersedes, s.entry_into_force%s FROM %%s s',"
							   " pg_catalog.shard_name(sh.logicalrelid, sh.shardid)), ' UNION ALL '"
							   " ORDER BY sh.shardid)"
							   " FROM pg_catalog.pg_dist_shard sh"
							   " JOIN pg_catalog.pg_dist_placement pl ON pl.shardid OPERATOR(pg_catalog.=) sh.shardid"
							   " WHERE sh.logicalrelid OPERATOR(pg_catalog.=) 'secpact.agreement'::pg_catalog.regclass"
							   " AND pl.groupid OPERATOR(pg_catalog.=) (SELECT g.groupid FROM pg_catalog.pg_dist_local_group g)",
							   registry_has_precision() ? ", s.entry_into_force_precision" : ""),
					  true, 1);
	if (ret != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "reading the registry's shards on this node failed: %s", SPI_result_code_string(ret));
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

		if (isnull)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("no shard of secpact.agreement is on this node"),
					 errdetail("A query on a Citus shard asked whether an agreement is superseded."),
					 errhint("Make the registry Citus tables with secpact.distribute_registry().")));
		appendStringInfo(&source, "(%s)", TextDatumGetCString(d));
	}
	SPI_finish();
	if (cached_source != NULL)
		pfree(cached_source);
	cached_source = MemoryContextStrdup(TopMemoryContext, source.data);
	cached_lxid = secpact_local_xid(MyProc);
	return source.data;
}

/*
 * secpact.registry_supersessions(): the same source as SQL text, for the
 * PL/pgSQL that walks chains of supersessions (supersession_depth).
 */
PG_FUNCTION_INFO_V1(registry_supersessions);
Datum
registry_supersessions(PG_FUNCTION_ARGS)
{
	bool		in_task;

	PG_RETURN_TEXT_P(cstring_to_text(registry_supersessions_source(&in_task)));
}

/*
 * Raises secpact.registry_guard()'s error on a Citus worker whose registry
 * is still a local table (it would read as empty); without Citus loaded,
 * returns at once.  Inside a task the registry is a Citus table already.
 */
void
registry_guard_check(void)
{
	Oid			guard;

	look_up_citus();
	if (!citus_loaded || in_citus_task())
		return;
	/*
	 * Once a transaction: superseded() asks for every row in_force() tests.
	 * A registry that passed stays a Citus table (or this the coordinator)
	 * until the transaction ends.
	 */
	if (guard_passed_lxid == secpact_local_xid(MyProc))
		return;
	/* the schema secpact is the extension's own; the guard is 1.3's */
	guard = LookupFuncName(list_make2(makeString("secpact"), makeString("registry_guard")),
						   0, NULL, true);
	if (OidIsValid(guard))
		(void) OidFunctionCall0(guard);
	guard_passed_lxid = secpact_local_xid(MyProc);
}

/*
 * Whether secpact.agreement is a Citus table distributed by hash (by
 * parties, as distribute_registry makes it).  Without Citus loaded and
 * created in this database, false at once.
 */
bool
registry_is_distributed(void)
{
	bool		result = false;

	look_up_citus();
	if (!citus_loaded || !OidIsValid(get_extension_oid("citus", true)))
		return false;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute("SELECT EXISTS (SELECT FROM pg_catalog.pg_dist_partition p"
					" WHERE p.logicalrelid OPERATOR(pg_catalog.=) 'secpact.agreement'::pg_catalog.regclass"
					" AND p.partmethod OPERATOR(pg_catalog.=) 'h')", true, 1) == SPI_OK_SELECT &&
		SPI_processed == 1)
	{
		bool		isnull;

		result = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)) && !isnull;
	}
	SPI_finish();
	return result;
}

/*
 * The agreements that can change a pair's first signing, as a subquery
 * Citus runs in each shard of a registry distributed by parties (window
 * functions partitioned by the distribution column are pushed down).
 * first_signing_offer() keeps, of all a pair's signings, the one that comes
 * first in signing_precedes' order (day, span, order within the day known
 * first, id) and the earliest last possible day, which a partial date makes
 * later than that of a precise signing after it.  So the shards send, for
 * each pair (and kind, when by_kind), the first signing and, only when one
 * ends earlier than it, the signings that end earliest: every window over
 * one sort.  where (" WHERE ...", or "") filters before they are chosen;
 * schema is the extension's, quoted.  The columns are secpact.agreement's
 * that scan_registry reads.
 */
char *
registry_first_signings_in_shards(const char *schema, bool by_kind, const char *where)
{
	const char *partition = by_kind ? "a.parties, a.kind" : "a.parties";

	return psprintf("(SELECT a.parties, a.signed_on, a.day_order, a.id, a.place, a.signed_on_precision, a.kind"
					" FROM (SELECT a.parties, a.signed_on, a.day_order, a.id, a.place, a.signed_on_precision, a.kind,"
					" %1$s.partial_date_last(a.signed_on, a.signed_on_precision) AS last_possible,"
					" pg_catalog.row_number() OVER w AS first_rank,"
					" pg_catalog.first_value(%1$s.partial_date_last(a.signed_on, a.signed_on_precision)) OVER w AS first_last,"
					" pg_catalog.min(%1$s.partial_date_last(a.signed_on, a.signed_on_precision))"
					" OVER (PARTITION BY %2$s) AS earliest_last"
					" FROM secpact.agreement a%3$s"
					" WINDOW w AS (PARTITION BY %2$s ORDER BY a.signed_on,"
					" %1$s.partial_date_last(a.signed_on, a.signed_on_precision), a.day_order NULLS LAST, a.id)) a"
					" WHERE a.first_rank OPERATOR(pg_catalog.=) 1"
					" OR (a.last_possible OPERATOR(pg_catalog.=) a.earliest_last AND a.last_possible OPERATOR(pg_catalog.<) a.first_last))",
					schema, partition, where);
}
