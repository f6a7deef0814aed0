/*
 * Faults: a backend killed with pg_terminate_backend in the middle of a
 * transaction loses only its own uncommitted work.
 */
#include "it_common.h"

static void
test_terminated_backend_loses_only_its_own_work(void **state)
{
	PGconn	   *victim = it_connect();
	PGconn	   *other = it_connect();
	PGconn	   *admin = it_connect();
	char		sql[128];
	PGresult   *res;
	int			pid;

	(void) state;
	it_exec_clear(admin, "DROP TABLE IF EXISTS fault_rows");
	it_exec_clear(admin, "CREATE TABLE fault_rows (id int, p party NOT NULL)");
	it_exec_clear(admin, "INSERT INTO fault_rows SELECT i, 'UA' FROM generate_series(1, 100) i");

	pid = PQbackendPID(victim);
	it_exec_clear(victim, "BEGIN");
	it_exec_clear(victim, "INSERT INTO fault_rows SELECT i, 'BE' FROM generate_series(1, 1000) i");
	it_exec_clear(other, "INSERT INTO fault_rows SELECT i, 'FR' FROM generate_series(1, 500) i");

	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(%d, 10000)::int", pid);
	assert_int_equal(it_value(admin, sql), 1);

	/* the victim's connection is gone; its next command fails */
	res = PQexec(victim, "COMMIT");
	assert_true(PQresultStatus(res) != PGRES_COMMAND_OK || PQstatus(victim) == CONNECTION_BAD);
	PQclear(res);
	PQfinish(victim);

	/* committed work of others is all there, the victim's none of it */
	assert_int_equal(it_value(admin, "SELECT count(*) FROM fault_rows WHERE p = 'UA'"), 100);
	assert_int_equal(it_value(admin, "SELECT count(*) FROM fault_rows WHERE p = 'FR'"), 500);
	assert_int_equal(it_value(admin, "SELECT count(*) FROM fault_rows WHERE p = 'BE'"), 0);
	/* the server goes on serving new connections */
	{
		PGconn	   *fresh = it_connect();

		assert_int_equal(it_value(fresh, "SELECT count(*) FROM fault_rows"), 600);
		PQfinish(fresh);
	}
	PQfinish(other);
	PQfinish(admin);
}

static int
setup(void **state)
{
	(void) state;
	return it_setup_database("faults");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terminated_backend_loses_only_its_own_work),
	};

	return cmocka_run_group_tests_name("faults", tests, setup, NULL);
}
