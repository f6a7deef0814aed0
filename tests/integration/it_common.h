/*
 * it_common.h: helpers shared by the libpq integration tests.
 *
 * The tests run against a throwaway cluster started by tools/with-cluster,
 * which sets PGHOST, PGPORT and PGUSER.  Each test program works in a
 * database of its own, created with the extension at start-up.
 */
#ifndef SECPACT_IT_COMMON_H
#define SECPACT_IT_COMMON_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libpq-fe.h>

static char it_dbname[64];

static inline PGconn *
it_connect_to(const char *dbname)
{
	const char *keys[] = {"dbname", "application_name", NULL};
	const char *values[] = {dbname, "secpact-integration", NULL};
	PGconn	   *conn = PQconnectdbParams(keys, values, 1);

	if (PQstatus(conn) != CONNECTION_OK)
	{
		fprintf(stderr, "connection to %s failed: %s", dbname, PQerrorMessage(conn));
		PQfinish(conn);
		return NULL;
	}
	return conn;
}

static inline PGconn *
it_connect(void)
{
	PGconn	   *conn = it_connect_to(it_dbname);

	assert_non_null(conn);
	return conn;
}

/* Runs a command that must succeed; returns its result for inspection. */
static inline PGresult *
it_exec(PGconn *conn, const char *sql)
{
	PGresult   *res = PQexec(conn, sql);
	ExecStatusType st = PQresultStatus(res);

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
	{
		fprintf(stderr, "query failed: %s\n%s", sql, PQerrorMessage(conn));
		fail();
	}
	return res;
}

static inline void
it_exec_clear(PGconn *conn, const char *sql)
{
	PQclear(it_exec(conn, sql));
}

/* A single integer from a query returning one row, one column. */
static inline long long
it_value(PGconn *conn, const char *sql)
{
	PGresult   *res = it_exec(conn, sql);
	long long	v;

	assert_int_equal(PQntuples(res), 1);
	v = atoll(PQgetvalue(res, 0, 0));
	PQclear(res);
	return v;
}

/* Runs one command on a new connection to dbname; 0 when it succeeded. */
static inline int
it_command_in(const char *dbname, const char *sql)
{
	PGconn	   *conn = it_connect_to(dbname);
	PGresult   *res;
	int			rc;

	if (conn == NULL)
		return -1;
	res = PQexec(conn, sql);
	rc = PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : -1;
	if (rc != 0)
		fprintf(stderr, "%s: %s", sql, PQerrorMessage(conn));
	PQclear(res);
	PQfinish(conn);
	return rc;
}

/* Creates a fresh database named after the test program, with secpact. */
static inline int
it_setup_database(const char *name)
{
	char		sql[256];

	snprintf(it_dbname, sizeof(it_dbname), "it_%s", name);
	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s", it_dbname);
	if (it_command_in("postgres", sql) != 0)
		return -1;
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s", it_dbname);
	if (it_command_in("postgres", sql) != 0)
		return -1;
	return it_command_in(it_dbname, "CREATE EXTENSION secpact");
}

#endif
