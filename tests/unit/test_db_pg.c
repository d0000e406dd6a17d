/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_db_pg.c - the PostgreSQL driver against a real server: the test
 * cluster whose folder HUBDESK_TEST_PG names (tests/pg.sh; every case is
 * skipped without it). Opening and identity, statements and their values,
 * constraints, nested transactions, a connection lost and made again,
 * and writers taking turns. */
#include "testutil.h"

#include <pthread.h>
#include <stdatomic.h>

#include "core/db_pg.h"

struct pgt {
	char name[64];
	char uri[512];
};

static int counter;

/* A new empty database of the test cluster. */
static int pg_setup(void **state)
{
	const char *dir = getenv("HUBDESK_TEST_PG");
	struct pgt *p;
	char cmd[768];

	tdb_env();
	if (!dir || !*dir) {
		*state = NULL;
		return 0;
	}
	p = calloc(1, sizeof(*p));
	snprintf(p->name, sizeof(p->name), "drv_%d_%d", (int)getpid(), ++counter);
	snprintf(cmd, sizeof(cmd), "sh tests/pg.sh db '%s' %s >/dev/null", dir, p->name);
	if (system(cmd) != 0)
		return -1;
	snprintf(p->uri, sizeof(p->uri), "postgresql:///%s?host=%s&user=postgres", p->name, dir);
	*state = p;
	return 0;
}

static int pg_teardown(void **state)
{
	struct pgt *p = *state;
	char cmd[768];

	if (!p)
		return 0;
	snprintf(cmd, sizeof(cmd), "sh tests/pg.sh drop '%s' %s", getenv("HUBDESK_TEST_PG"),
		 p->name);
	free(p);
	return system(cmd) == 0 ? 0 : -1;
}

#define NEED_PG(p)              \
	do {                    \
		if (!(p))       \
			skip(); \
	} while (0)

/* psql's answer to sql on p's database (the first line, no newline). */
static void psql(struct pgt *p, const char *sql, char *out, size_t outsz)
{
	char cmd[1024];
	FILE *f;

	snprintf(cmd, sizeof(cmd), "psql -X -A -t -q -h '%s' -U postgres -d %s -c \"%s\" 2>&1",
		 getenv("HUBDESK_TEST_PG"), p->name, sql);
	f = popen(cmd, "r");
	assert_non_null(f);
	out[0] = '\0';
	if (fgets(out, (int)outsz, f))
		out[strcspn(out, "\n")] = '\0';
	pclose(f);
}

static struct db *open_new(struct pgt *p)
{
	struct db *db = NULL;
	struct hd_err err;

	if (db_open(p->uri, DB_CREATE, &db, &err) != HD_OK)
		fail_msg("open %s: %s", p->uri, err.msg);
	return db;
}

static void test_uri_names_the_backend(void **state)
{
	(void)state;
	assert_true(db_pg_is_uri("postgresql:///x?host=/tmp"));
	assert_true(db_pg_is_uri("postgres://u@h/x"));
	assert_false(db_pg_is_uri("/var/lib/hubdesk/hubdesk.db"));
	assert_false(db_pg_is_uri("postgresql.db"));
	assert_false(db_pg_is_uri(NULL));
}

static void test_an_empty_database_is_made_only_by_init(void **state)
{
	struct pgt *p = *state;
	struct db *db = NULL;
	struct hd_err err;
	char out[128];

	NEED_PG(p);
	assert_int_equal(db_open(p->uri, DB_EXISTING, &db, &err), HD_FAIL);
	assert_null(db);
	assert_non_null(strstr(err.msg, "hubdesk init"));
	db = open_new(p);
	assert_null(db_file(db));
	db_close(db);
	psql(p, "SELECT application_id || ' ' || version FROM hubdesk_schema", out, sizeof(out));
	snprintf(err.msg, sizeof(err.msg), "1213547076 %d", db_schema_latest());
	assert_string_equal(out, err.msg);
	assert_int_equal(db_open(p->uri, DB_EXISTING, &db, &err), HD_OK);
	db_close(db);
}

static void test_another_programs_or_a_newer_database_is_left_untouched(void **state)
{
	struct pgt *p = *state;
	struct db *db = NULL;
	struct hd_err err;
	char out[128];

	NEED_PG(p);
	psql(p, "CREATE TABLE orders(id int)", out, sizeof(out));
	assert_int_equal(db_open(p->uri, DB_CREATE, &db, &err), HD_FAIL);
	assert_non_null(strstr(err.msg, "another program"));
	psql(p, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", out, sizeof(out));
	assert_string_equal(out, "1");
	psql(p, "DROP TABLE orders", out, sizeof(out));
	db_close(open_new(p));
	psql(p, "UPDATE hubdesk_schema SET version = 999", out, sizeof(out));
	assert_int_equal(db_open(p->uri, DB_EXISTING, &db, &err), HD_FAIL);
	assert_non_null(strstr(err.msg, "newer hubdesk"));
}

static void test_an_unreachable_server_is_said(void **state)
{
	struct db *db = NULL;
	struct hd_err err;

	(void)state;
	assert_int_equal(db_open("postgresql:///x?host=/nonexistent", DB_EXISTING, &db, &err),
			 HD_FAIL);
	assert_null(db);
	assert_non_null(strstr(err.msg, "cannot connect"));
}

static void test_values_go_in_and_come_out_typed(void **state)
{
	struct pgt *p = *state;
	const unsigned char bytes[5] = { 0, 1, 0xff, '\\', 0 };
	struct db_stmt *st = NULL;
	struct hd_err err;
	const void *blob;
	struct db *db;
	size_t n;

	NEED_PG(p);
	db = open_new(p);
	/* $2 before $1: the numbers name the parameters. */
	assert_int_equal(db_prepare(db,
				    "SELECT CAST($2 AS TEXT), CAST($1 AS BIGINT) + 1, NULL, 2 > 1,"
				    " CAST($3 AS bytea), 1.5",
				    &st, &err),
			 HD_OK);
	assert_int_equal(db_param_count(st), 3);
	db_bind_int(st, 1, 9007199254740993LL);
	db_bind_text(st, 2, "夕阳红 'quoted' \"x\"");
	db_bind_blob(st, 3, bytes, sizeof(bytes));
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "夕阳红 'quoted' \"x\"");
	assert_int_equal(db_col_kind(st, 0), DB_KIND_TEXT);
	assert_int_equal(db_col_int(st, 1), 9007199254740994LL);
	assert_int_equal(db_col_kind(st, 1), DB_KIND_INT);
	assert_true(db_col_null(st, 2));
	assert_int_equal(db_col_kind(st, 2), DB_KIND_NULL);
	assert_null(db_col_text(st, 2));
	assert_int_equal(db_col_int(st, 3), 1);
	blob = db_col_blob(st, 4, &n);
	assert_int_equal(n, sizeof(bytes));
	assert_memory_equal(blob, bytes, sizeof(bytes));
	assert_int_equal(db_col_kind(st, 5), DB_KIND_REAL);
	assert_int_equal(db_step(st), DB_DONE);
	/* Bound values stay for the next run. */
	db_reset(st);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int(st, 1), 9007199254740994LL);
	db_done(st);
	db_close(db);
}

static void test_rows_changed_are_counted_and_ids_returned(void **state)
{
	struct pgt *p = *state;
	struct db_stmt *st = NULL;
	struct db *db;

	NEED_PG(p);
	db = open_new(p);
	assert_int_equal(db_prepare(db,
				    "INSERT INTO setting(key, value) VALUES ($1, $2) RETURNING key",
				    &st, NULL),
			 HD_OK);
	db_bind_text(st, 1, "a.b");
	db_bind_text(st, 2, "值");
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "a.b");
	assert_int_equal(db_changes(st), 1);
	db_done(st);
	assert_int_equal(db_prepare(db, "UPDATE setting SET value = value || $1", &st, NULL),
			 HD_OK);
	db_bind_text(st, 1, "!");
	assert_int_equal(db_run(st, NULL), HD_OK);
	assert_true(db_changes(st) >= 1);
	db_done(st);
	db_close(db);
}

static void test_a_constraint_is_named_and_its_transaction_never_commits(void **state)
{
	struct pgt *p = *state;
	struct db_stmt *st = NULL;
	struct hd_err err;
	struct db *db;
	char out[64];

	NEED_PG(p);
	db = open_new(p);
	assert_int_equal(db_begin(db, &err), HD_OK);
	assert_int_equal(db_prepare(db, "INSERT INTO setting(key, value) VALUES ($1, 'v')", &st,
				    &err),
			 HD_OK);
	db_bind_text(st, 1, "k1");
	assert_int_equal(db_run(st, &err), HD_OK);
	db_reset(st);
	assert_int_equal(db_step(st), DB_CONSTRAINT);
	db_done(st);
	/* The server ended the transaction: what it wrote is not committed. */
	assert_int_equal(db_commit(db, &err), HD_FAIL);
	assert_false(db_in_transaction(db));
	psql(p, "SELECT count(*) FROM setting WHERE key = 'k1'", out, sizeof(out));
	assert_string_equal(out, "0");
	db_close(db);
}

static void test_an_action_inside_another_is_a_savepoint(void **state)
{
	struct pgt *p = *state;
	struct hd_err err;
	struct db *db;
	char out[64];

	NEED_PG(p);
	db = open_new(p);
	assert_int_equal(db_begin(db, &err), HD_OK);
	assert_int_equal(db_exec(db, "INSERT INTO setting(key, value) VALUES ('outer', '1')", 0, 0,
				 0, &err),
			 HD_OK);
	assert_int_equal(db_begin(db, &err), HD_OK);
	assert_int_equal(db_exec(db, "INSERT INTO setting(key, value) VALUES ('inner', '1')", 0, 0,
				 0, &err),
			 HD_OK);
	db_rollback(db);
	assert_true(db_in_transaction(db));
	assert_int_equal(db_begin(db, &err), HD_OK);
	assert_int_equal(db_exec(db, "INSERT INTO setting(key, value) VALUES ('kept', '1')", 0, 0,
				 0, &err),
			 HD_OK);
	assert_int_equal(db_commit(db, &err), HD_OK);
	assert_true(db_in_transaction(db));
	assert_int_equal(db_commit(db, &err), HD_OK);
	assert_false(db_in_transaction(db));
	psql(p,
	     "SELECT string_agg(key, ',' ORDER BY key) FROM setting"
	     " WHERE key IN ('outer', 'inner', 'kept')",
	     out, sizeof(out));
	assert_string_equal(out, "kept,outer");
	db_close(db);
}

static void test_a_lost_connection_is_made_again_on_the_next_action(void **state)
{
	struct pgt *p = *state;
	struct db_stmt *st = NULL;
	struct hd_err err;
	long long pid, pid2;
	enum hd_status rc;
	struct db *db;
	char sql[128], out[64];

	NEED_PG(p);
	db = open_new(p);
	assert_int_equal(db_prepare(db, "SELECT pg_backend_pid()", &st, NULL), HD_OK);
	assert_int_equal(db_step(st), DB_ROW);
	pid = db_col_int(st, 0);
	db_done(st);
	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(%lld)", pid);
	psql(p, sql, out, sizeof(out));
	assert_string_equal(out, "t");
	/* The next action runs on a new connection; its statements are
	 * prepared there again. */
	assert_int_equal(db_prepare(db, "SELECT pg_backend_pid()", &st, &err), HD_OK);
	assert_int_equal(db_step(st), DB_ROW);
	pid2 = db_col_int(st, 0);
	assert_true(pid2 > 0 && pid2 != pid);
	db_done(st);
	/* Lost inside a transaction: the action fails and says so; the next
	 * one works. */
	assert_int_equal(db_begin(db, &err), HD_OK);
	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(%lld)", pid2);
	psql(p, sql, out, sizeof(out));
	rc = db_prepare(db, "INSERT INTO setting(key, value) VALUES ('lost', '1')", &st, &err);
	if (rc == HD_OK)
		rc = db_run(st, &err);
	assert_int_equal(rc, HD_FAIL);
	assert_non_null(strstr(err.msg, "reconnecting"));
	db_done(st);
	st = NULL;
	db_rollback(db);
	assert_int_equal(db_begin(db, &err), HD_OK);
	assert_int_equal(db_exec(db, "INSERT INTO setting(key, value) VALUES ('found', '1')", 0, 0,
				 0, &err),
			 HD_OK);
	assert_int_equal(db_commit(db, &err), HD_OK);
	psql(p, "SELECT string_agg(key, ',') FROM setting WHERE key IN ('lost', 'found')", out,
	     sizeof(out));
	assert_string_equal(out, "found");
	db_close(db);
}

/* A desk left idle while the server restarted: its connection is found
 * lost by the next action's BEGIN, which has done nothing yet, so that
 * action runs on a new connection instead of failing. */
static void test_an_action_after_an_idle_loss_runs_on_a_new_connection(void **state)
{
	struct pgt *p = *state;
	struct db_stmt *st = NULL;
	struct hd_err err;
	long long pid;
	struct db *db;
	char sql[128], out[64];

	NEED_PG(p);
	db = open_new(p);
	assert_int_equal(db_prepare(db, "SELECT pg_backend_pid()", &st, NULL), HD_OK);
	assert_int_equal(db_step(st), DB_ROW);
	pid = db_col_int(st, 0);
	db_done(st);
	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(%lld)", pid);
	psql(p, sql, out, sizeof(out));
	assert_string_equal(out, "t");
	assert_int_equal(db_begin(db, &err), HD_OK);
	assert_int_equal(db_exec(db, "INSERT INTO setting(key, value) VALUES ('after', '1')", 0, 0,
				 0, &err),
			 HD_OK);
	assert_int_equal(db_commit(db, &err), HD_OK);
	psql(p, "SELECT count(*) FROM setting WHERE key = 'after'", out, sizeof(out));
	assert_string_equal(out, "1");
	db_close(db);
}

/* A statement run after the connection was lost inside a transaction (a
 * caller that went on past a failure, as an audit snapshot's read does)
 * never runs on a new connection, outside the transaction, and the commit
 * fails: the action is whole or absent. */
static void test_after_a_loss_inside_a_transaction_nothing_runs_alone(void **state)
{
	struct pgt *p = *state;
	struct db_stmt *st = NULL;
	struct hd_err err;
	long long pid;
	struct db *db;
	char sql[128], out[64];

	NEED_PG(p);
	db = open_new(p);
	assert_int_equal(db_begin(db, &err), HD_OK);
	assert_int_equal(db_exec(db, "INSERT INTO setting(key, value) VALUES ('a', '1')", 0, 0, 0,
				 &err),
			 HD_OK);
	assert_int_equal(db_prepare(db, "SELECT pg_backend_pid()", &st, NULL), HD_OK);
	assert_int_equal(db_step(st), DB_ROW);
	pid = db_col_int(st, 0);
	db_done(st);
	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(%lld)", pid);
	psql(p, sql, out, sizeof(out));
	assert_string_equal(out, "t");
	assert_int_equal(db_exec(db, "INSERT INTO setting(key, value) VALUES ('b', '1')", 0, 0, 0,
				 &err),
			 HD_FAIL);
	assert_non_null(strstr(err.msg, "reconnecting"));
	assert_true(db_in_transaction(db));
	assert_int_equal(db_exec(db, "INSERT INTO setting(key, value) VALUES ('c', '1')", 0, 0, 0,
				 &err),
			 HD_FAIL);
	assert_non_null(strstr(err.msg, "reconnecting"));
	assert_int_equal(db_commit(db, &err), HD_FAIL);
	assert_false(db_in_transaction(db));
	psql(p, "SELECT count(*) FROM setting WHERE key IN ('a', 'b', 'c')", out, sizeof(out));
	assert_string_equal(out, "0");
	/* The next action runs on a new connection. */
	assert_int_equal(db_begin(db, &err), HD_OK);
	assert_int_equal(db_exec(db, "INSERT INTO setting(key, value) VALUES ('d', '1')", 0, 0, 0,
				 &err),
			 HD_OK);
	assert_int_equal(db_commit(db, &err), HD_OK);
	psql(p, "SELECT string_agg(key, ',') FROM setting WHERE key IN ('a', 'b', 'c', 'd')", out,
	     sizeof(out));
	assert_string_equal(out, "d");
	db_close(db);
}

/* A connection made again whose server does not take the centre the
 * session serves fails the action: a session serving no centre never
 * runs. Once the server takes it again, the next action serves it. */
static void test_a_reconnect_that_loses_the_centre_fails(void **state)
{
	struct pgt *p = *state;
	struct db_stmt *st = NULL;
	struct hd_err err;
	struct db *db, *desk = NULL;
	char sql[256], out[128], role[80], uri[640];
	long long pid;

	NEED_PG(p);
	db = open_new(p);
	db_close(db);
	/* A role held by row-level security, as a centre's desk connects. */
	snprintf(role, sizeof(role), "%s_desk", p->name);
	snprintf(sql, sizeof(sql), "CREATE ROLE %s LOGIN", role);
	psql(p, sql, out, sizeof(out));
	snprintf(sql, sizeof(sql), "SELECT hubdesk_grant('%s')", role);
	psql(p, sql, out, sizeof(out));
	snprintf(uri, sizeof(uri), "postgresql:///%s?host=%s&user=%s", p->name,
		 getenv("HUBDESK_TEST_PG"), role);
	if (db_open(uri, DB_READ_ONLY, &desk, &err) != HD_OK)
		fail_msg("open %s: %s", uri, err.msg);
	assert_int_equal(db_prepare(desk, "SELECT pg_backend_pid()", &st, NULL), HD_OK);
	assert_int_equal(db_step(st), DB_ROW);
	pid = db_col_int(st, 0);
	db_done(st);
	/* The server stops taking the centre, and the connection is lost. */
	psql(p, "REVOKE EXECUTE ON FUNCTION set_config(text, text, boolean) FROM PUBLIC", out,
	     sizeof(out));
	snprintf(sql, sizeof(sql), "SELECT pg_terminate_backend(%lld)", pid);
	psql(p, sql, out, sizeof(out));
	assert_string_equal(out, "t");
	/* The statement found the loss; the connection made again serves no
	 * centre, so it does not run there. */
	assert_int_equal(db_prepare(desk, "SELECT pg_backend_pid()", &st, &err), HD_OK);
	assert_int_not_equal(db_step(st), DB_ROW);
	db_done(st);
	st = NULL;
	assert_int_equal(db_prepare(desk, "SELECT count(*) FROM setting", &st, &err), HD_FAIL);
	assert_non_null(strstr(err.msg, "set_config"));
	/* The server takes it again: the next action serves the centre. */
	psql(p, "GRANT EXECUTE ON FUNCTION set_config(text, text, boolean) TO PUBLIC", out,
	     sizeof(out));
	assert_int_equal(db_prepare(desk, "SELECT current_setting('hubdesk.centre')", &st, &err),
			 HD_OK);
	assert_int_equal(db_step(st), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "1");
	db_done(st);
	db_close(desk);
	snprintf(sql, sizeof(sql), "DROP OWNED BY %s; DROP ROLE %s", role, role);
	psql(p, sql, out, sizeof(out));
}

struct holder {
	struct db *db;
	atomic_int waits_seen;
	atomic_int told;
};

static void told(void *ctx, int waited_ms)
{
	struct holder *h = ctx;

	if (waited_ms >= DB_WAIT_TELL_MS)
		atomic_store(&h->told, 1);
}

/* Holds the write turn for 600 ms, looking whether a desk waits. */
static void *hold(void *arg)
{
	struct holder *h = arg;
	struct timespec ts = { 0, 20 * 1000000L };
	int i;

	for (i = 0; i < 30; i++) {
		if (db_pg_desk_waits(db_pg(h->db)))
			atomic_store(&h->waits_seen, 1);
		nanosleep(&ts, NULL);
	}
	db_commit(h->db, NULL);
	return NULL;
}

static void test_writers_take_turns_and_a_wait_is_told(void **state)
{
	struct pgt *p = *state;
	struct holder h = { 0 };
	struct hd_err err;
	struct db *other;
	pthread_t th;
	long long t0;

	NEED_PG(p);
	h.db = open_new(p);
	other = open_new(p);
	assert_int_equal(db_begin(h.db, &err), HD_OK);
	db_on_wait(told, &h);
	assert_int_equal(pthread_create(&th, NULL, hold, &h), 0);
	t0 = clock_monotonic_ms();
	assert_int_equal(db_begin(other, &err), HD_OK);
	assert_true(clock_monotonic_ms() - t0 >= 400);
	assert_int_equal(db_commit(other, &err), HD_OK);
	pthread_join(th, NULL);
	db_on_wait(NULL, NULL);
	assert_true(atomic_load(&h.told));
	assert_true(atomic_load(&h.waits_seen));
	assert_false(db_pg_desk_waits(db_pg(h.db)));
	db_close(other);
	db_close(h.db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uri_names_the_backend),
		cmocka_unit_test_setup_teardown(test_an_empty_database_is_made_only_by_init,
						pg_setup, pg_teardown),
		cmocka_unit_test_setup_teardown(
			test_another_programs_or_a_newer_database_is_left_untouched, pg_setup,
			pg_teardown),
		cmocka_unit_test(test_an_unreachable_server_is_said),
		cmocka_unit_test_setup_teardown(test_values_go_in_and_come_out_typed, pg_setup,
						pg_teardown),
		cmocka_unit_test_setup_teardown(test_rows_changed_are_counted_and_ids_returned,
						pg_setup, pg_teardown),
		cmocka_unit_test_setup_teardown(
			test_a_constraint_is_named_and_its_transaction_never_commits, pg_setup,
			pg_teardown),
		cmocka_unit_test_setup_teardown(test_an_action_inside_another_is_a_savepoint,
						pg_setup, pg_teardown),
		cmocka_unit_test_setup_teardown(
			test_a_lost_connection_is_made_again_on_the_next_action, pg_setup,
			pg_teardown),
		cmocka_unit_test_setup_teardown(
			test_an_action_after_an_idle_loss_runs_on_a_new_connection, pg_setup,
			pg_teardown),
		cmocka_unit_test_setup_teardown(
			test_after_a_loss_inside_a_transaction_nothing_runs_alone, pg_setup,
			pg_teardown),
		cmocka_unit_test_setup_teardown(test_a_reconnect_that_loses_the_centre_fails,
						pg_setup, pg_teardown),
		cmocka_unit_test_setup_teardown(test_writers_take_turns_and_a_wait_is_told,
						pg_setup, pg_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
