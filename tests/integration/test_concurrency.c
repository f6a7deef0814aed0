/*
 * Concurrency: several connections insert 100,000 agreements into the
 * registry, in many small transactions, some of them rolled back on
 * purpose, while other connections read signing_order() and partners()
 * without pause.  Afterwards the registry holds exactly the committed rows,
 * and signing_order agrees with a plain-SQL count of counterparts.
 */
#include <pthread.h>

#include "it_common.h"

#define WRITERS 4
#define READERS 2
#define ROWS_PER_TXN 100
#define TXNS_PER_WRITER 250		/* committed: 4 x 250 x 100 = 100,000 rows */

typedef struct WriterResult
{
	int			id;
	long		committed_rows;
	long		rolled_back_rows;
	int			failures;
} WriterResult;

typedef struct ReaderResult
{
	long		reads;
	int			failures;
} ReaderResult;

static volatile int writers_running;
static pthread_mutex_t running_lock = PTHREAD_MUTEX_INITIALIZER;

static int
still_writing(void)
{
	int			n;

	pthread_mutex_lock(&running_lock);
	n = writers_running;
	pthread_mutex_unlock(&running_lock);
	return n;
}

static bool
run(PGconn *conn, const char *sql)
{
	PGresult   *res = PQexec(conn, sql);
	ExecStatusType st = PQresultStatus(res);
	bool		ok = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK);

	if (!ok)
		fprintf(stderr, "%s: %s", sql, PQerrorMessage(conn));
	PQclear(res);
	return ok;
}

static void *
writer(void *arg)
{
	WriterResult *r = arg;
	PGconn	   *conn = it_connect_to(it_dbname);
	char		sql[1024];

	if (conn == NULL)
	{
		r->failures++;
		goto done;
	}
	for (int t = 0, done = 0; done < TXNS_PER_WRITER; t++)
	{
		/* one transaction in eleven rolls back: its rows must never count */
		bool		rollback = (t % 11) == 5;
		int			seed = r->id * 100000 + t;

		/* 100 agreements of UA with the 249 other parties, on random days
		 * of 2020-2022, a third of them with an order within the day */
		snprintf(sql, sizeof(sql),
				 "INSERT INTO secpact.agreement (parties, kind, signed_on, day_order) "
				 "SELECT dyad('UA', p.a[1 + abs(hashint4(%d * 1000 + g)) %% 249]), 'concurrency', "
				 "       date '2020-01-01' + abs(hashint4(%d + g)) %% 1000, "
				 "       CASE WHEN g %% 3 = 0 THEN 1 + g %% 4 END "
				 "FROM generate_series(1, %d) g, "
				 "     (SELECT array_agg(party ORDER BY party) FILTER (WHERE party <> 'UA') AS a "
				 "      FROM parties()) p",
				 seed, seed, ROWS_PER_TXN);
		if (!run(conn, "BEGIN"))
		{
			r->failures++;
			break;
		}
		if (!run(conn, sql))
		{
			r->failures++;
			run(conn, "ROLLBACK");
			continue;
		}
		if (rollback)
		{
			run(conn, "ROLLBACK");
			r->rolled_back_rows += ROWS_PER_TXN;
		}
		else if (run(conn, "COMMIT"))
		{
			r->committed_rows += ROWS_PER_TXN;
			done++;
		}
		else
		{
			r->failures++;
			break;
		}
	}
	PQfinish(conn);
done:
	pthread_mutex_lock(&running_lock);
	writers_running--;
	pthread_mutex_unlock(&running_lock);
	return NULL;
}

static void *
reader(void *arg)
{
	ReaderResult *r = arg;
	PGconn	   *conn = it_connect_to(it_dbname);

	if (conn == NULL)
	{
		r->failures++;
		return NULL;
	}
	while (still_writing())
	{
		/* each snapshot is consistent: positions run from 1, never past
		 * the number of counterparts, and shared exactly where equal */
		PGresult   *res = PQexec(conn,
								 "SELECT count(*), coalesce(min(position), 1), coalesce(max(position), 0), "
								 "       count(*) FILTER (WHERE shared <> (peers > 1)) "
								 "FROM (SELECT *, count(*) OVER (PARTITION BY position) AS peers "
								 "      FROM signing_order('UA', 'concurrency')) s");

		if (PQresultStatus(res) != PGRES_TUPLES_OK)
		{
			fprintf(stderr, "reader: %s", PQerrorMessage(conn));
			r->failures++;
		}
		else
		{
			long		n = atol(PQgetvalue(res, 0, 0));
			long		minpos = atol(PQgetvalue(res, 0, 1));
			long		maxpos = atol(PQgetvalue(res, 0, 2));
			long		bad_shared = atol(PQgetvalue(res, 0, 3));

			if (minpos != 1 || maxpos > n || n > 249 || bad_shared != 0)
			{
				fprintf(stderr, "reader: inconsistent snapshot: %ld rows, positions %ld..%ld, %ld bad shared flags\n",
						n, minpos, maxpos, bad_shared);
				r->failures++;
			}
		}
		PQclear(res);
		res = PQexec(conn, "SELECT count(*) FROM partners('UA', 'concurrency')");
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			r->failures++;
		PQclear(res);
		r->reads++;
	}
	PQfinish(conn);
	return NULL;
}

static void
test_concurrent_writers_and_readers(void **state)
{
	pthread_t	w[WRITERS],
				rd[READERS];
	WriterResult wr[WRITERS];
	ReaderResult rr[READERS];
	PGconn	   *conn = it_connect();
	long		committed = 0,
				rolled_back = 0,
				reads = 0;
	int			failures = 0;
	char		sql[256];

	(void) state;
	it_exec_clear(conn, "DELETE FROM secpact.agreement WHERE kind = 'concurrency'");
	memset(wr, 0, sizeof(wr));
	memset(rr, 0, sizeof(rr));
	writers_running = WRITERS;
	for (int i = 0; i < WRITERS; i++)
	{
		wr[i].id = i;
		assert_int_equal(pthread_create(&w[i], NULL, writer, &wr[i]), 0);
	}
	for (int i = 0; i < READERS; i++)
		assert_int_equal(pthread_create(&rd[i], NULL, reader, &rr[i]), 0);
	for (int i = 0; i < WRITERS; i++)
		pthread_join(w[i], NULL);
	for (int i = 0; i < READERS; i++)
		pthread_join(rd[i], NULL);

	for (int i = 0; i < WRITERS; i++)
	{
		committed += wr[i].committed_rows;
		rolled_back += wr[i].rolled_back_rows;
		failures += wr[i].failures;
	}
	for (int i = 0; i < READERS; i++)
	{
		reads += rr[i].reads;
		failures += rr[i].failures;
	}
	assert_int_equal(failures, 0);
	assert_int_equal(committed, (long) WRITERS * TXNS_PER_WRITER * ROWS_PER_TXN);
	assert_true(rolled_back > 0);

	/* exactly the committed rows, none of the rolled-back ones */
	assert_int_equal(it_value(conn, "SELECT count(*) FROM secpact.agreement WHERE kind = 'concurrency'"),
					 committed);
	/* signing_order agrees with plain SQL on the final registry */
	assert_int_equal(it_value(conn, "SELECT count(*) FROM signing_order('UA', 'concurrency')"),
					 it_value(conn, "SELECT count(DISTINCT counterpart(parties, 'UA')) FROM secpact.agreement "
							  "WHERE kind = 'concurrency'"));
	assert_int_equal(it_value(conn,
							  "SELECT count(*) FROM signing_order('UA', 'concurrency') s "
							  "JOIN (SELECT c, rank() OVER (ORDER BY d, o NULLS LAST) AS r "
							  "      FROM (SELECT DISTINCT ON (c) counterpart(parties, 'UA') AS c, signed_on AS d, day_order AS o "
							  "            FROM secpact.agreement WHERE kind = 'concurrency' "
							  "            ORDER BY c, signed_on, day_order NULLS LAST) f) ref "
							  "ON ref.c = s.counterpart AND ref.r = s.position"),
					 it_value(conn, "SELECT count(*) FROM signing_order('UA', 'concurrency')"));
	assert_int_equal(it_value(conn, "SELECT sum(agreements) FROM partners('UA', 'concurrency')"), committed);
	snprintf(sql, sizeof(sql), "DELETE FROM secpact.agreement WHERE kind = 'concurrency'");
	it_exec_clear(conn, sql);
	printf("note: concurrency: %d writers committed %ld rows and rolled back %ld; %d readers made %ld consistent reads\n",
		   WRITERS, committed, rolled_back, READERS, reads);
	PQfinish(conn);
}

static int
setup(void **state)
{
	(void) state;
	return it_setup_database("concurrency");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_concurrent_writers_and_readers),
	};

	return cmocka_run_group_tests_name("concurrency", tests, setup, NULL);
}
