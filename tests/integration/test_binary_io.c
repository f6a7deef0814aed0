/*
 * Binary input of every secpact type, through libpq: every payload either
 * becomes a valid value or fails with 22P03, the backend never crashes, and
 * a binary COPY with one bad row stores nothing.
 */
#include "it_common.h"
#include "dyad_core.h"

static PGconn *conn;

static unsigned int
type_oid(const char *name)
{
	char		sql[128];

	snprintf(sql, sizeof(sql), "SELECT '%s'::regtype::oid", name);
	return (unsigned int) it_value(conn, sql);
}

/* Sends payload as a binary parameter of the type; returns the text it
 * became, or NULL with *sqlstate set. */
static char *
receive(unsigned int oid, const char *payload, int len, char *sqlstate)
{
	const char *values[1] = {payload};
	int			lengths[1] = {len};
	int			formats[1] = {1};
	Oid			types[1] = {oid};
	PGresult   *res = PQexecParams(conn, "SELECT $1::text", 1, types, values,
								   lengths, formats, 0);
	char	   *out = NULL;

	if (PQresultStatus(res) == PGRES_TUPLES_OK)
		out = strdup(PQgetvalue(res, 0, 0));
	else
	{
		const char *st = PQresultErrorField(res, PG_DIAG_SQLSTATE);

		snprintf(sqlstate, 6, "%s", st ? st : "?????");
	}
	PQclear(res);
	return out;
}

/* All 65536 two-byte payloads: exactly the codes of known parties pass, former ones too. */
static void
test_party_every_payload(void **state)
{
	unsigned int oid = type_oid("party");
	int			accepted = 0;
	long long	known = party_table_len;

	(void) state;
	for (int v = 0; v < 65536; v++)
	{
		char		payload[2] = {(char) (v >> 8), (char) (v & 0xFF)};
		char		sqlstate[6] = "";
		char	   *out = receive(oid, payload, 2, sqlstate);

		if (out != NULL)
		{
			/* the value received is the party whose code was sent */
			char		expected[PARTY_FORMAT_SIZE];

			assert_true(party_is_known((PartyCode) v));
			party_format((PartyCode) v, expected);
			assert_string_equal(out, expected);
			accepted++;
			free(out);
		}
		else
			assert_string_equal(sqlstate, "22P03");
	}
	assert_int_equal(accepted, known);
	printf("note: party: 65536 payloads sent, %d accepted, %d rejected with 22P03\n",
		   accepted, 65536 - accepted);
}

static void
test_party_wrong_lengths(void **state)
{
	unsigned int oid = type_oid("party");
	const char	payload[8] = {'B', 'E', 'B', 'E', 'B', 'E', 'B', 'E'};

	(void) state;
	for (int len = 0; len <= 8; len++)
	{
		char		sqlstate[6] = "";
		char	   *out = receive(oid, payload, len, sqlstate);

		if (len == 2)
		{
			assert_string_equal(out, "BE");
			free(out);
		}
		else
		{
			assert_null(out);
			assert_string_equal(sqlstate, "22P03");
		}
	}
}

/*
 * Dyads: every ordered pair of known parties (the same party twice and the
 * higher party first included), then random payloads.  The server accepts
 * exactly what the pure core calls valid, and echoes it back.
 */
static void
test_dyad_payloads(void **state)
{
	unsigned int oid = type_oid("dyad");
	int			sent = 0,
				accepted = 0;
	uint32_t	rng = 2024;

	(void) state;
	for (int i = 0; i < party_table_len + 20000; i++)
	{
		for (int j = 0; j < (i < party_table_len ? party_table_len : 1); j++)
		{
			uint32_t	v;
			char		payload[4];
			char		sqlstate[6] = "";
			char	   *out;

			if (i < party_table_len)
				v = ((uint32_t) party_table[i].code << 16) | party_table[j].code;
			else
			{
				rng = rng * 1103515245u + 12345u;	/* deterministic */
				v = rng ^ (rng >> 7);
			}
			payload[0] = (char) (v >> 24);
			payload[1] = (char) (v >> 16);
			payload[2] = (char) (v >> 8);
			payload[3] = (char) v;
			out = receive(oid, payload, 4, sqlstate);
			sent++;
			if (out != NULL)
			{
				char		expected[DYAD_FORMAT_SIZE];

				assert_true(dyad_is_valid(v));
				dyad_format(v, expected);
				assert_string_equal(out, expected);
				accepted++;
				free(out);
			}
			else
			{
				assert_false(dyad_is_valid(v));
				assert_string_equal(sqlstate, "22P03");
			}
		}
	}
	/* each unordered pair of distinct parties exactly once */
	assert_true(accepted >= party_table_len * (party_table_len - 1) / 2);
	printf("note: dyad: %d payloads sent, %d accepted, %d rejected with 22P03\n",
		   sent, accepted, sent - accepted);
}

/* A binary COPY whose last row is corrupt stores none of its rows. */
static void
test_party_copy_all_or_nothing(void **state)
{
	static const char header[] = "PGCOPY\n\377\r\n\0";
	char		buf[256];
	int			n = 0;
	PGresult   *res;

	(void) state;
	it_exec_clear(conn, "DROP TABLE IF EXISTS copy_target");
	it_exec_clear(conn, "CREATE TABLE copy_target (p party)");

	memcpy(buf, header, 11);
	n = 11;
	memset(buf + n, 0, 8);		/* flags, header extension length */
	n += 8;
	for (int row = 0; row < 3; row++)
	{
		/* field count 1, field length 2, then the payload */
		const char *payload = row < 2 ? (row == 0 ? "BE" : "UA") : "XX";

		buf[n++] = 0;
		buf[n++] = 1;
		buf[n++] = 0;
		buf[n++] = 0;
		buf[n++] = 0;
		buf[n++] = 2;
		buf[n++] = payload[0];
		buf[n++] = payload[1];
	}
	buf[n++] = (char) 0xFF;		/* trailer */
	buf[n++] = (char) 0xFF;

	res = PQexec(conn, "COPY copy_target FROM STDIN (FORMAT binary)");
	assert_int_equal(PQresultStatus(res), PGRES_COPY_IN);
	PQclear(res);
	assert_int_equal(PQputCopyData(conn, buf, n), 1);
	assert_int_equal(PQputCopyEnd(conn, NULL), 1);
	res = PQgetResult(conn);
	assert_int_equal(PQresultStatus(res), PGRES_FATAL_ERROR);
	assert_string_equal(PQresultErrorField(res, PG_DIAG_SQLSTATE), "22P03");
	PQclear(res);
	while ((res = PQgetResult(conn)) != NULL)
		PQclear(res);

	assert_int_equal(it_value(conn, "SELECT count(*) FROM copy_target"), 0);
}

/* The backend is still there after everything above. */
static void
test_backend_alive(void **state)
{
	(void) state;
	assert_int_equal(it_value(conn, "SELECT 1"), 1);
}

static int
setup(void **state)
{
	(void) state;
	if (it_setup_database("binary_io") != 0)
		return -1;
	conn = it_connect_to(it_dbname);
	return conn ? 0 : -1;
}

static int
teardown(void **state)
{
	(void) state;
	PQfinish(conn);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_party_every_payload),
		cmocka_unit_test(test_party_wrong_lengths),
		cmocka_unit_test(test_party_copy_all_or_nothing),
		cmocka_unit_test(test_dyad_payloads),
		cmocka_unit_test(test_backend_alive),
	};

	return cmocka_run_group_tests_name("binary_io", tests, setup, teardown);
}
