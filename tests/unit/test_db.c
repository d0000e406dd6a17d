/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_db.c - opening, identity checks, migrations and transactions. What
 * is about the SQLite file (pragmas, a damaged or foreign file, raw
 * statements, the scratch copy, the lock file) skips on PostgreSQL. */
#include "testutil.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sodium.h>
#include <sys/stat.h>

#include "core/db_sqlite.h"
#include "core/dblock.h"
#include "core/schema.h"

static void write_file(const char *path, const char *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
}

static long file_size(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

static void test_new_database_has_wal_foreign_keys_and_secure_delete(void **state)
{
	struct tdb *t = *state;

	tdb_sqlite_only(t);
	assert_int_equal(tdb_int(t->db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(tdb_int(t->db, "PRAGMA secure_delete"), 1);
	assert_int_equal(tdb_int(t->db, "PRAGMA synchronous"), 2);
	/* A savepoint's page images stay in memory: no temporary file on
	 * disk ever holds a person's data, and a nested action (a row of an
	 * import) writes nothing twice. */
	assert_int_equal(tdb_int(t->db, "PRAGMA temp_store"), 2);
	assert_int_equal(tdb_int(t->db, "PRAGMA application_id"), DB_APPLICATION_ID);
	assert_int_equal(tdb_int(t->db, "PRAGMA user_version"), db_schema_latest());
	assert_int_equal(tdb_int(t->db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
}

static void test_secret_key_is_made_once(void **state)
{
	struct tdb *t = *state;
	unsigned char a[32], b[32];
	struct hd_err err;
	bool created = true;

	assert_int_equal(db_secret(t->db, a, &err), HD_OK);
	assert_int_equal(setup_init(t->db, &t->who, &created, &err), HD_OK);
	assert_false(created);
	assert_int_equal(db_secret(t->db, b, &err), HD_OK);
	assert_memory_equal(a, b, 32);
}

static void test_missing_file_is_refused_without_create(void **state)
{
	struct tdb *t = *state;
	char path[200];
	struct hd_err err;
	struct db *db = NULL;

	tdb_sqlite_only(t);
	snprintf(path, sizeof(path), "%s/none.db", t->dir);
	assert_int_equal(db_open(path, DB_EXISTING, &db, &err), HD_FAIL);
	assert_null(db);
	assert_non_null(strstr(err.msg, "init"));
	assert_int_equal(file_size(path), -1);
}

static void test_foreign_sqlite_file_is_refused_and_untouched(void **state)
{
	struct tdb *t = *state;
	char path[200];
	struct hd_err err;
	struct db *db = NULL;
	sqlite3 *other = NULL;
	long before;

	tdb_sqlite_only(t);
	snprintf(path, sizeof(path), "%s/other.db", t->dir);
	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "CREATE TABLE x(a); INSERT INTO x VALUES (1)", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(other);
	before = file_size(path);
	assert_int_equal(db_open(path, DB_CREATE, &db, &err), HD_FAIL);
	assert_null(db);
	assert_int_equal(file_size(path), before);
}

static void test_damaged_file_is_refused(void **state)
{
	struct tdb *t = *state;
	char path[200], junk[8192];
	struct hd_err err;
	struct db *db = NULL;
	size_t i;

	tdb_sqlite_only(t);
	for (i = 0; i < sizeof(junk); i++)
		junk[i] = (char)(i * 7 + 3);
	snprintf(path, sizeof(path), "%s/junk.db", t->dir);
	write_file(path, junk, sizeof(junk));
	assert_int_equal(db_open(path, DB_EXISTING, &db, &err), HD_FAIL);
	assert_null(db);
	assert_int_equal(file_size(path), (long)sizeof(junk));
}

static void test_newer_schema_is_refused(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;
	struct db *db = NULL;
	char sql[64];

	tdb_sqlite_only(t);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", db_schema_latest() + 1);
	assert_true(tdb_exec(t->db, sql));
	assert_int_equal(db_open(t->path, DB_EXISTING, &db, &err), HD_FAIL);
	assert_null(db);
	assert_non_null(strstr(err.msg, "newer"));
}

static void test_nested_action_rolls_back_alone(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;

	assert_int_equal(db_begin(t->db, &err), HD_OK);
	assert_true(tdb_exec(t->db, "INSERT INTO setting(key, value) VALUES ('a', '1')"));
	assert_int_equal(db_begin(t->db, &err), HD_OK);
	assert_true(tdb_exec(t->db, "INSERT INTO setting(key, value) VALUES ('b', '2')"));
	assert_int_equal(db_finish(t->db, HD_REFUSED, &err), HD_REFUSED);
	assert_int_equal(db_finish(t->db, HD_OK, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM setting WHERE key = 'a'"), 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM setting WHERE key = 'b'"), 0);
	assert_false(db_in_transaction(t->db));
}

static void test_failed_outer_action_leaves_nothing(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;

	assert_int_equal(db_begin(t->db, &err), HD_OK);
	assert_int_equal(db_begin(t->db, &err), HD_OK);
	assert_true(tdb_exec(t->db, "INSERT INTO setting(key, value) VALUES ('c', '3')"));
	assert_int_equal(db_finish(t->db, HD_OK, &err), HD_OK);
	assert_int_equal(db_finish(t->db, HD_FAIL, &err), HD_FAIL);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM setting WHERE key = 'c'"), 0);
	assert_false(db_in_transaction(t->db));
}

/* A connection names its file ("" in memory) and says whether a
 * transaction is open, also a nested one. */
static void test_a_connection_names_its_file_and_open_transaction(void **state)
{
	static const char *const SKIP[] = { "audit", NULL };
	struct tdb *t = *state;
	struct db *copy = NULL;
	struct hd_err err;
	const char *file;

	tdb_sqlite_only(t);
	file = db_file(t->db);
	assert_non_null(file);
	assert_true(strlen(file) >= strlen("/t.db"));
	assert_string_equal(file + strlen(file) - strlen("/t.db"), "/t.db");
	assert_int_equal(db_scratch(t->db, SKIP, &copy, &err), HD_OK);
	assert_string_equal(db_file(copy), "");
	db_close(copy);
	assert_false(db_in_transaction(t->db));
	assert_int_equal(db_begin(t->db, &err), HD_OK);
	assert_true(db_in_transaction(t->db));
	assert_int_equal(db_begin(t->db, &err), HD_OK);
	assert_int_equal(db_finish(t->db, HD_OK, &err), HD_OK);
	assert_true(db_in_transaction(t->db));
	assert_int_equal(db_finish(t->db, HD_OK, &err), HD_OK);
	assert_false(db_in_transaction(t->db));
	assert_int_equal(db_begin_read(t->db, &err), HD_OK);
	assert_true(db_in_transaction(t->db));
	db_rollback(t->db);
	assert_false(db_in_transaction(t->db));
}

static int statements(struct db *db)
{
	sqlite3_stmt *st = NULL;
	int n = 0;

	while ((st = sqlite3_next_stmt(db_sqlite(db), st)) != NULL)
		n++;
	return n;
}

/* A statement given back is handed out again, so repeating an action never
 * adds statements; one handed out and not yet run is never handed out
 * twice, and one being read (busy) neither. */
static void test_statements_are_kept_and_never_shared(void **state)
{
	struct tdb *t = *state;
	sqlite3_stmt *a = NULL, *b = NULL, *c = NULL;
	int before, i;

	tdb_sqlite_only(t);
	assert_int_equal(db_prepare_raw(db_sqlite(t->db), "SELECT 1", &a, NULL), HD_OK);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	db_done_raw(a);
	before = statements(t->db);
	for (i = 0; i < 50; i++) {
		assert_int_equal(db_prepare_raw(db_sqlite(t->db), "SELECT 1", &b, NULL), HD_OK);
		assert_ptr_equal(b, a);
		assert_int_equal(sqlite3_step(b), SQLITE_ROW);
		db_done_raw(b);
	}
	assert_int_equal(statements(t->db), before);
	/* Handed out, not yet run: a second user gets its own. */
	assert_int_equal(db_prepare_raw(db_sqlite(t->db), "SELECT 1", &b, NULL), HD_OK);
	assert_int_equal(db_prepare_raw(db_sqlite(t->db), "SELECT 1", &c, NULL), HD_OK);
	assert_ptr_not_equal(b, c);
	assert_int_equal(sqlite3_step(c), SQLITE_ROW);
	/* Busy (a row read, not done): not handed out either. */
	assert_int_equal(db_prepare_raw(db_sqlite(t->db), "SELECT 1", &a, NULL), HD_OK);
	assert_ptr_not_equal(a, b);
	assert_ptr_not_equal(a, c);
	db_done_raw(a);
	db_done_raw(b);
	db_done_raw(c);
}

/* The storage interface's statements: $N parameters (a $ inside quotes is
 * text), typed binds and columns, NULL both ways, RETURNING, the rows a
 * run changed, and a constraint's refusal named as such. */
static void test_statements_bind_and_read_typed_values(void **state)
{
	struct tdb *t = *state;
	struct db_stmt *st = NULL;
	size_t n = 0;
	const unsigned char *blob;

	/* The one statement each backend writes its own way. */
	assert_int_equal(db_exec(t->db,
				 tdb_pg_dir() ? "CREATE TABLE t(id bigint GENERATED BY DEFAULT AS"
						" IDENTITY PRIMARY KEY, a bigint, b text UNIQUE,"
						" c bytea)"
					      : "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER,"
						" b TEXT UNIQUE, c BLOB)",
				 0, 0, 0, NULL),
			 HD_OK);
	assert_int_equal(
		db_prepare(t->db, "INSERT INTO t(a, b, c) VALUES ($2, $1 || '$1', $3) RETURNING id",
			   &st, NULL),
		HD_OK);
	db_bind_text(st, 1, "x");
	db_bind_int(st, 2, 9007199254740993LL);
	db_bind_blob(st, 3, "\0\1\2", 3);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int(st, 0), 1);
	assert_int_equal(db_step(st), DB_DONE);
	assert_int_equal(db_changes(st), 1);
	db_done(st);
	assert_int_equal(db_prepare(t->db, "SELECT a, b, c, NULL FROM t WHERE id = $1", &st, NULL),
			 HD_OK);
	db_bind_int(st, 1, 1);
	assert_int_equal(db_step(st), DB_ROW);
	assert_int_equal(db_col_int(st, 0), 9007199254740993LL);
	assert_string_equal(db_col_text(st, 1), "x$1");
	blob = db_col_blob(st, 2, &n);
	assert_int_equal(n, 3);
	assert_int_equal(blob[2], 2);
	assert_true(db_col_null(st, 3));
	assert_null(db_col_text(st, 3));
	assert_false(db_col_null(st, 0));
	assert_int_equal(db_step(st), DB_DONE);
	db_done(st);
	/* The same b again: the UNIQUE constraint refuses it. */
	assert_int_equal(db_prepare(t->db, "INSERT INTO t(a, b) VALUES ($1, $2)", &st, NULL),
			 HD_OK);
	db_bind_null(st, 1);
	db_bind_text(st, 2, "x$1");
	assert_int_equal(db_step(st), DB_CONSTRAINT);
	db_done(st);
	assert_int_equal(db_prepare(t->db, "INSERT INTO t(a, b) VALUES ($1, $2)", &st, NULL),
			 HD_OK);
	db_bind_int(st, 1, 1);
	db_bind_text(st, 2, NULL);
	assert_int_equal(db_run(st, NULL), HD_OK);
	db_done(st);
	assert_int_equal(db_prepare(t->db, "INSERT INTO t(b) VALUES ('x$1')", &st, NULL), HD_OK);
	assert_int_equal(db_run(st, NULL), HD_REFUSED);
	db_done(st);
	/* db_exec binds its numbers by $N, whatever their order in the text. */
	assert_int_equal(db_exec(t->db, "UPDATE t SET a = $2 WHERE id = $1", 1, 77, 0, NULL),
			 HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT a FROM t WHERE id = 1"), 77);
	{
		const long long args[2] = { 1, 77 };

		assert_int_equal(db_prepare_with(t->db,
						 "SELECT count(*) FROM t WHERE a = $2 AND id = $1",
						 args, 2, &st, NULL),
				 HD_OK);
		assert_int_equal(db_step(st), DB_ROW);
		assert_int_equal(db_col_int(st, 0), 1);
		db_done(st);
	}
	assert_int_equal(db_prepare(t->db, "UPDATE t SET a = 0", &st, NULL), HD_OK);
	assert_int_equal(db_param_count(st), 0);
	assert_int_equal(db_run(st, NULL), HD_OK);
	assert_int_equal(db_changes(st), 2);
	db_done(st);
}

/* A statement reset runs again from its start, with the parameters bound
 * since (those not bound again stay); a transaction and an action inside
 * it are seen open until the outer one ends. */
static void test_a_reset_statement_runs_again_and_transactions_are_seen(void **state)
{
	struct tdb *t = *state;
	struct db_stmt *st = NULL;
	struct hd_err err;
	int i;

	assert_int_equal(db_exec(t->db, "CREATE TABLE t(a INTEGER, b TEXT)", 0, 0, 0, NULL), HD_OK);
	assert_false(db_in_transaction(t->db));
	assert_int_equal(db_begin(t->db, &err), HD_OK);
	assert_true(db_in_transaction(t->db));
	assert_int_equal(db_prepare(t->db, "INSERT INTO t(a, b) VALUES ($1, $2) RETURNING a", &st,
				    NULL),
			 HD_OK);
	db_bind_text(st, 2, "kept");
	for (i = 1; i <= 3; i++) {
		db_reset(st);
		db_bind_int(st, 1, i);
		assert_int_equal(db_step(st), DB_ROW);
		assert_int_equal(db_col_int(st, 0), i);
	}
	db_done(st);
	assert_int_equal(db_begin(t->db, &err), HD_OK);
	assert_int_equal(db_finish(t->db, HD_OK, &err), HD_OK);
	assert_true(db_in_transaction(t->db));
	assert_int_equal(db_finish(t->db, HD_OK, &err), HD_OK);
	assert_false(db_in_transaction(t->db));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM t WHERE b = 'kept'"), 3);
	assert_int_equal(tdb_int(t->db, "SELECT sum(a) FROM t"), 6);
}

/* The count of sql's first column in db. */
static long long count_in(struct db *db, const char *sql)
{
	return tdb_int(db, sql);
}

/* A long job's private copy: every table, index and trigger, the rows of
 * the tables not skipped, none of the skipped ones'; what the job writes
 * there never reaches the file, and the file stays free for desks while
 * the copy is open. */
static void test_a_scratch_copy_is_private_and_locks_nothing(void **state)
{
	static const char *const SKIP[] = { "audit", NULL };
	struct tdb *t = *state;
	struct db *copy = NULL, *desk = NULL;
	struct hd_err err;
	long long settings;

	tdb_sqlite_only(t);
	settings = count_in(t->db, "SELECT count(*) FROM setting");
	assert_true(count_in(t->db, "SELECT count(*) FROM audit") > 0);
	assert_int_equal(db_scratch(t->db, SKIP, &copy, &err), HD_OK);
	assert_int_equal(count_in(copy, "SELECT count(*) FROM setting"), settings);
	assert_int_equal(count_in(copy, "SELECT count(*) FROM audit"), 0);
	assert_int_equal(count_in(copy, "SELECT count(*) FROM sqlite_schema"),
			 count_in(t->db, "SELECT count(*) FROM sqlite_schema"));
	assert_int_equal(count_in(copy,
				  "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"),
			 count_in(t->db,
				  "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"));
	assert_int_equal(count_in(copy, "PRAGMA foreign_keys"), 1);
	assert_int_equal(count_in(copy, "PRAGMA temp_store"), 2);
	assert_int_equal(count_in(copy, "SELECT count(*) FROM pragma_database_list"), 1);
	/* Written in the copy, inside its own transaction: not in the file. */
	assert_int_equal(db_begin(copy, &err), HD_OK);
	assert_int_equal(db_exec(copy, "DELETE FROM setting", 0, 0, 0, &err), HD_OK);
	/* A desk writes the file meanwhile, without waiting. */
	assert_int_equal(db_open(t->path, DB_EXISTING, &desk, &err), HD_OK);
	assert_int_equal(sqlite3_busy_timeout(db_sqlite(desk), 0), SQLITE_OK);
	assert_int_equal(db_begin(desk, &err), HD_OK);
	assert_int_equal(db_exec(desk, "INSERT INTO setting(key, value) VALUES ('x.test', '1')", 0,
				 0, 0, &err),
			 HD_OK);
	assert_int_equal(db_commit(desk, &err), HD_OK);
	assert_int_equal(db_commit(copy, &err), HD_OK);
	assert_int_equal(count_in(t->db, "SELECT count(*) FROM setting"), settings + 1);
	assert_int_equal(count_in(copy, "SELECT count(*) FROM setting"), 0);
	db_close(copy);
	db_close(desk);
}

/* A batch commits only after DB_BATCH_MS of work, then the next begins. */
static void test_a_batch_commits_after_its_time(void **state)
{
	struct tdb *t = *state;
	struct db_batch b;
	struct hd_err err;
	bool committed = true;

	assert_int_equal(db_batch_begin(t->db, &b, &err), HD_OK);
	assert_true(db_in_transaction(t->db));
	assert_int_equal(db_batch_next(&b, &committed, &err), HD_OK);
	assert_false(committed);
	assert_int_equal(b.batches, 1);
	b.began_ms -= DB_BATCH_MS;
	assert_int_equal(db_batch_next(&b, &committed, &err), HD_OK);
	assert_true(committed);
	assert_int_equal(b.batches, 2);
	assert_true(db_in_transaction(t->db));
	assert_int_equal(db_commit(t->db, &err), HD_OK);
}

/* Landed migrations are never edited (a database made by the old text
 * would differ from one made by the new): each one's SHA-256 is kept here,
 * its first 16 hex digits. A new migration adds its line. */
/* A desk that waits for the database while a long job's batch runs. */
struct waiting_desk {
	const char *path;
	atomic_bool wrote;
};

static void *desk_waits_then_writes(void *arg)
{
	struct waiting_desk *d = arg;
	struct db *db = NULL;
	struct hd_err err;

	if (db_open(d->path, DB_EXISTING, &db, &err) == HD_OK && db_begin(db, &err) == HD_OK &&
	    db_exec(db, "UPDATE setting SET value = value WHERE key = 'centre.name'", 0, 0, 0,
		    &err) == HD_OK &&
	    db_commit(db, &err) == HD_OK)
		atomic_store(&d->wrote, true);
	db_close(db);
	return NULL;
}

/* A desk that waits says so on the lock file, and a long job's next batch
 * begins only after that desk has written. */
static void test_a_waiting_desk_writes_before_the_next_batch(void **state)
{
	struct tdb *t = *state;
	struct waiting_desk d = { t->path, false };
	struct db_batch b;
	struct hd_err err;
	pthread_t desk;
	bool committed;
	int i;

	tdb_sqlite_only(t);
	assert_false(dblock_desk_waits(t->path));
	assert_int_equal(db_batch_begin(t->db, &b, &err), HD_OK);
	assert_int_equal(pthread_create(&desk, NULL, desk_waits_then_writes, &d), 0);
	for (i = 0; i < 2000 && !dblock_desk_waits(t->path); i++)
		usleep(1000);
	assert_true(dblock_desk_waits(t->path));
	assert_false(atomic_load(&d.wrote));
	b.began_ms -= DB_BATCH_MS;
	assert_int_equal(db_batch_next(&b, &committed, &err), HD_OK);
	assert_true(committed);
	assert_true(atomic_load(&d.wrote));
	assert_false(dblock_desk_waits(t->path));
	assert_int_equal(db_commit(t->db, &err), HD_OK);
	assert_int_equal(pthread_join(desk, NULL), 0);
}

static void test_landed_migrations_are_never_edited(void **state)
{
	static const struct {
		int version;
		const char *sha256;
	} LANDED[] = {
		{ 1, "7e46df26e6fb6381" },  { 2, "d86926743f8ad9a0" },  { 3, "7cd91ee0989d9b1c" },
		{ 4, "3a3205155b0ecfc2" },  { 5, "16ea01de8ca8981b" },  { 6, "45f926ce0327321d" },
		{ 7, "e391e4968addbcc8" },  { 8, "5abb69d2bfb21919" },  { 9, "adbd82c5c5379c46" },
		{ 10, "bbf5d735f260821f" }, { 11, "6443094a18645a6d" }, { 12, "9e0e673719eae76e" },
		{ 13, "039b2005abcc1dd2" }, { 14, "153b7d373c8df4c4" }, { 15, "3f572e40ae77f12d" },
		{ 16, "7b3982615acd3806" }, { 17, "901c9dfba89d86ad" }, { 18, "c99ca64b4654bddb" },
	};
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];
	const char *sql;
	size_t i;

	(void)state;
	assert_int_equal(schema_count(), (int)(sizeof(LANDED) / sizeof(LANDED[0])));
	for (i = 0; i < sizeof(LANDED) / sizeof(LANDED[0]); i++) {
		sql = schema_migration(LANDED[i].version);
		assert_non_null(sql);
		crypto_hash_sha256(h, (const unsigned char *)sql, strlen(sql));
		sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
		hex[16] = '\0';
		if (strcmp(hex, LANDED[i].sha256) != 0)
			fail_msg("migration %d was edited (%s, landed as %s): add a new one instead",
				 LANDED[i].version, hex, LANDED[i].sha256);
	}
}

static void test_every_migration_exists(void **state)
{
	int v;

	(void)state;
	for (v = 1; v <= schema_count(); v++)
		assert_non_null(schema_migration(v));
	assert_null(schema_migration(0));
	assert_null(schema_migration(schema_count() + 1));
}

/* PostgreSQL starts at 17 whole; every later migration has its PostgreSQL
 * script under the same number. */
static void test_postgresql_has_every_migration_after_17(void **state)
{
	int v;

	(void)state;
	assert_non_null(schema_pg_create());
	for (v = 0; v <= 17; v++)
		assert_null(schema_pg_migration(v));
	for (v = 18; v <= schema_count(); v++)
		assert_non_null(schema_pg_migration(v));
	assert_null(schema_pg_migration(schema_count() + 1));
}

/* The PostgreSQL schema of version 17 is landed like a migration: an edit
 * would leave databases made before it different from those made after. */
static void test_postgresql_schema_of_17_is_never_edited(void **state)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];
	const char *sql = schema_pg_create();

	(void)state;
	crypto_hash_sha256(h, (const unsigned char *)sql, strlen(sql));
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	hex[16] = '\0';
	if (strcmp(hex, "3d54373a7b2a8041") != 0)
		fail_msg("the PostgreSQL schema of 17 was edited (%s): add a migration instead",
			 hex);
}

/* PostgreSQL's scripts of the migrations after 17 are landed likewise. */
static void test_postgresql_migrations_are_never_edited(void **state)
{
	static const struct {
		int version;
		const char *sha256;
	} LANDED[] = {
		{ 18, "2460745e8d8b1d21" },
	};
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];
	const char *sql;
	size_t i;

	(void)state;
	assert_int_equal(schema_count() - SCHEMA_PG_BASE,
			 (int)(sizeof(LANDED) / sizeof(LANDED[0])));
	for (i = 0; i < sizeof(LANDED) / sizeof(LANDED[0]); i++) {
		sql = schema_pg_migration(LANDED[i].version);
		assert_non_null(sql);
		crypto_hash_sha256(h, (const unsigned char *)sql, strlen(sql));
		sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
		hex[16] = '\0';
		if (strcmp(hex, LANDED[i].sha256) != 0)
			fail_msg("PostgreSQL's migration %d was edited (%s, landed as %s): add a new "
				 "one instead",
				 LANDED[i].version, hex, LANDED[i].sha256);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_new_database_has_wal_foreign_keys_and_secure_delete, tdb_setup_sqlite,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_statements_bind_and_read_typed_values,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_a_reset_statement_runs_again_and_transactions_are_seen, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_secret_key_is_made_once, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_missing_file_is_refused_without_create,
						tdb_setup_sqlite, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_foreign_sqlite_file_is_refused_and_untouched,
						tdb_setup_sqlite, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_damaged_file_is_refused, tdb_setup_sqlite,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_is_refused, tdb_setup_sqlite,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_nested_action_rolls_back_alone, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_failed_outer_action_leaves_nothing, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_a_connection_names_its_file_and_open_transaction, tdb_setup_sqlite,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_statements_are_kept_and_never_shared,
						tdb_setup_sqlite, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_scratch_copy_is_private_and_locks_nothing,
						tdb_setup_sqlite, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_batch_commits_after_its_time, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_waiting_desk_writes_before_the_next_batch,
						tdb_setup_sqlite, tdb_teardown),
		cmocka_unit_test(test_every_migration_exists),
		cmocka_unit_test(test_landed_migrations_are_never_edited),
		cmocka_unit_test(test_postgresql_has_every_migration_after_17),
		cmocka_unit_test(test_postgresql_schema_of_17_is_never_edited),
		cmocka_unit_test(test_postgresql_migrations_are_never_edited),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
