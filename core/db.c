/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db.c - opening, checking and migrating the database; transactions. */
#include "core/db_sqlite.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/db_pg.h"
#include "core/dblock.h"
#include "core/i18n.h"
#include "core/schema.h"
#include "core/search.h"
#include "core/xalloc.h"

/* This thread's say that it waits (dblock_wait_begin), from the first
 * call of the busy handler to the end of the statement that waited. */
static _Thread_local int wait_said = -1;

/* A connection: SQLite's handle, or PostgreSQL's connection. */
struct db {
	sqlite3 *h;
	struct db_pg *pg;
};

sqlite3 *db_sqlite(struct db *db)
{
	return db ? db->h : NULL;
}

struct db_pg *db_pg(struct db *db)
{
	return db ? db->pg : NULL;
}

struct db *db_sqlite_wrap(sqlite3 *h)
{
	struct db *db = xcalloc(1, sizeof(*db));

	db->h = h;
	return db;
}

int db_schema_latest(void)
{
	return schema_count();
}

void db_close(struct db *db)
{
	sqlite3_stmt *st;

	if (!db)
		return;
	dblock_wait_end(wait_said);
	wait_said = -1;
	db_pg_close(db->pg);
	if (db->h) {
		while ((st = sqlite3_next_stmt(db->h, NULL)) != NULL)
			sqlite3_finalize(st);
		sqlite3_close_v2(db->h);
	}
	free(db);
}

enum hd_status db_fail(sqlite3 *h, int rc, struct hd_err *err)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return hd_err_set(err, HD_FAIL, "",
				  _("the database is busy (another desk holds it); try again"));
	case SQLITE_FULL:
		return hd_err_set(err, HD_FAIL, "", _("the disk is full; nothing was saved"));
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return hd_err_set(err, HD_FAIL, "",
				  _("the database is damaged; restore it from a backup"));
	case SQLITE_READONLY:
		return hd_err_set(err, HD_FAIL, "",
				  _("the database cannot be written (read-only file or folder)"));
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
	case SQLITE_PERM:
		return hd_err_set(err, HD_FAIL, "", _("the database cannot be used: %s"),
				  h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
	default:
		return hd_err_set(err, HD_FAIL, "", _("database error: %s"),
				  h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
	}
}

/* The connection's own list of statements is the cache: a statement given
 * back with db_done_raw() stays prepared. One is free for reuse when it is not
 * busy and has run since it was handed out (its VM step counter, zeroed at
 * hand-out, is not 0), so a statement handed out and not yet stepped is
 * never handed out twice. */
static sqlite3_stmt *cached(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	while ((st = sqlite3_next_stmt(db, st)) != NULL) {
		const char *text = sqlite3_sql(st);

		if (text && strcmp(text, sql) == 0 && !sqlite3_stmt_busy(st) &&
		    sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 0) > 0) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 1);
			return st;
		}
	}
	return NULL;
}

enum hd_status db_prepare_raw(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct hd_err *err)
{
	int rc;

	*st = cached(db, sql);
	if (*st)
		return HD_OK;
	rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, err);
	return HD_OK;
}

void db_done_raw(sqlite3_stmt *st)
{
	if (!st)
		return;
	if (sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 0) == 0) {
		sqlite3_finalize(st); /* never run: nothing worth keeping */
		return;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static enum hd_status exec(sqlite3 *db, const char *sql, struct hd_err *err)
{
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return db_fail(db, rc, err);
	return HD_OK;
}

/* Runs one statement through the connection's kept statements: the
 * transaction's own statements run on every action. */
/* Who is told of waits (db_on_wait()). */
static struct {
	db_wait_fn fn;
	void *ctx;
} waiting;

void db_on_wait(db_wait_fn fn, void *ctx)
{
	waiting.fn = fn;
	waiting.ctx = ctx;
}

void db_wait_told(int waited_ms)
{
	if (waiting.fn)
		waiting.fn(waiting.ctx, waited_ms);
}

/* SQLite's busy handler (arg: the connection): says that this desk waits,
 * so that a long job lets it write before its next batch, and asks again
 * after a few milliseconds; tells the desk once the wait is noticeable,
 * and gives up after DB_BUSY_MS. count is how many times it was called
 * for this wait. */
static int busy(void *arg, int count)
{
	static const int STEPS[] = { 1, 1, 2, 2, 3, 4, 5 };
	const int n = (int)(sizeof(STEPS) / sizeof(STEPS[0]));
	int i, waited = 0, step;

	if (count == 0 && wait_said < 0)
		wait_said = dblock_wait_begin(sqlite3_db_filename(arg, "main"));
	for (i = 0; i < count && i < n; i++)
		waited += STEPS[i];
	if (count > n)
		waited += (count - n) * STEPS[n - 1];
	if (waited >= DB_BUSY_MS)
		return 0;
	step = count < n ? STEPS[count] : STEPS[n - 1];
	if (waited >= DB_WAIT_TELL_MS && waiting.fn)
		waiting.fn(waiting.ctx, waited);
	sqlite3_sleep(step);
	return 1;
}

static int run(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (db_prepare_raw(db, sql, &st, NULL) != HD_OK)
		return sqlite3_errcode(db);
	rc = sqlite3_step(st);
	db_done_raw(st);
	/* A BEGIN IMMEDIATE that waited has its turn now (or gave up). */
	dblock_wait_end(wait_said);
	wait_said = -1;
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static enum hd_status run_or_fail(sqlite3 *db, const char *sql, struct hd_err *err)
{
	int rc = run(db, sql);

	return rc == SQLITE_OK ? HD_OK : db_fail(db, rc, err);
}

/* An action started inside another one (the demo loading rooms, say) runs in
 * a savepoint of the outer transaction, so the whole stays one transaction. */
#define NESTED "hd_nested"

enum hd_status db_begin(struct db *db, struct hd_err *err)
{
	sqlite3 *h = db->h;

	if (db->pg)
		return db_pg_begin(db->pg, true, err);
	if (!sqlite3_get_autocommit(h))
		return run_or_fail(h, "SAVEPOINT " NESTED, err);
	return run_or_fail(h, "BEGIN IMMEDIATE", err);
}

enum hd_status db_begin_read(struct db *db, struct hd_err *err)
{
	if (db->pg)
		return db_pg_begin(db->pg, false, err);
	return run_or_fail(db->h, "BEGIN", err);
}

void db_rollback(struct db *db)
{
	sqlite3 *h = db->h;

	if (db->pg) {
		db_pg_rollback(db->pg);
		return;
	}
	if (sqlite3_get_autocommit(h))
		return;
	if (run(h, "ROLLBACK TO " NESTED) != SQLITE_OK || run(h, "RELEASE " NESTED) != SQLITE_OK)
		run(h, "ROLLBACK");
}

enum hd_status db_commit(struct db *db, struct hd_err *err)
{
	sqlite3 *h = db->h;
	enum hd_status rc;

	if (db->pg)
		return db_pg_commit(db->pg, err);
	if (run(h, "RELEASE " NESTED) == SQLITE_OK)
		return HD_OK;
	rc = run_or_fail(h, "COMMIT", err);
	if (rc != HD_OK)
		db_rollback(db);
	return rc;
}

enum hd_status db_finish(struct db *db, enum hd_status rc, struct hd_err *err)
{
	if (rc == HD_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

/* Reads one integer pragma; returns the SQLite result code. */
static int pragma_int(sqlite3 *db, const char *sql, long long *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		goto done;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	}
done:
	sqlite3_finalize(st);
	return rc;
}

/* The file must not be touched before this check passes. */
static enum hd_status check_identity(sqlite3 *db, const char *path, enum db_mode mode,
				     long long *version, struct hd_err *err)
{
	long long app = 0, objects = 0;
	int rc;

	/* The file's header says whose it is and its schema's version; the
	 * schema itself is read only for a file that names nobody (new and
	 * empty, or another program's). */
	rc = pragma_int(db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = pragma_int(db, "PRAGMA user_version", version);
	if (rc == SQLITE_OK && app == 0 && *version == 0)
		rc = pragma_int(db, "SELECT count(*) FROM sqlite_schema", &objects);
	if (((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT) && mode == DB_READ_ONLY)
		return hd_err_set(err, HD_FAIL, "",
				  _("%s is not a hubdesk database, or it is damaged; it cannot be "
				    "restored (give the path of another copy)"),
				  path);
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		return hd_err_set(err, HD_FAIL, "",
				  _("%s is not a hubdesk database, or it is damaged; it was left "
				    "untouched (give another path with --db, or restore a backup)"),
				  path);
	if (rc != SQLITE_OK)
		return db_fail(db, rc, err);
	if (app == 0 && *version == 0 && objects == 0) {
		if (mode == DB_CREATE)
			return HD_OK;
		return hd_err_set(err, HD_FAIL, "",
				  _("%s holds no hubdesk data yet; create it with: hubdesk init"),
				  path);
	}
	if (app != DB_APPLICATION_ID && mode == DB_READ_ONLY)
		return hd_err_set(err, HD_FAIL, "",
				  _("%s is a database of another program; it cannot be restored "
				    "(give the path of another copy)"),
				  path);
	if (app != DB_APPLICATION_ID)
		return hd_err_set(err, HD_FAIL, "",
				  _("%s is a database of another program; it was left untouched "
				    "(give another path with --db)"),
				  path);
	if (*version > db_schema_latest())
		return hd_err_set(err, HD_FAIL, "",
				  _("%s was written by a newer hubdesk (schema %lld, this one knows "
				    "%d); update hubdesk"),
				  path, *version, db_schema_latest());
	return HD_OK;
}

/* C code run once right after a migration, in its transaction, for what
 * SQL alone cannot write: the pinyin of the names already there needs the
 * readings table. */
static const struct {
	int version;
	enum hd_status (*run)(struct db *db, struct hd_err *err);
} AFTER_MIGRATION[] = {
	{ 17, search_pinyin_fill },
};

static enum hd_status after_migration(struct db *db, int version, struct hd_err *err)
{
	enum hd_status rc = HD_OK;
	size_t i;

	for (i = 0; rc == HD_OK && i < sizeof(AFTER_MIGRATION) / sizeof(AFTER_MIGRATION[0]); i++)
		if (AFTER_MIGRATION[i].version == version)
			rc = AFTER_MIGRATION[i].run(db, err);
	return rc;
}

static enum hd_status migrate(struct db *db, long long from, struct hd_err *err)
{
	char sql[64];
	enum hd_status rc = HD_OK;
	int v;

	for (v = (int)from + 1; v <= db_schema_latest(); v++) {
		rc = db_begin(db, err);
		if (rc != HD_OK)
			return rc;
		rc = exec(db->h, schema_migration(v), err);
		if (rc == HD_OK)
			rc = after_migration(db, v, err);
		if (rc == HD_OK) {
			snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v);
			rc = exec(db->h, sql, err);
		}
		if (rc == HD_OK)
			rc = db_commit(db, err);
		if (rc != HD_OK) {
			db_rollback(db);
			return rc;
		}
	}
	return HD_OK;
}

static enum hd_status set_pragmas(sqlite3 *db, const char *path, struct hd_err *err)
{
	sqlite3_stmt *st = NULL;
	enum hd_status rc;
	int src;

	src = sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &st, NULL);
	if (src == SQLITE_OK)
		src = sqlite3_step(st);
	if (src != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "wal") != 0) {
		rc = hd_err_set(err, HD_FAIL, "",
				_("%s cannot be used: its folder must be writable (%s)"), path,
				sqlite3_errmsg(db));
		goto done;
	}
	rc = exec(db,
		  "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
		  "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;",
		  err);
done:
	sqlite3_finalize(st);
	return rc;
}

static enum hd_status check_path(const char *path, enum db_mode mode, struct hd_err *err)
{
	struct stat sb;
	char dir[4096];

	if (!path || !*path)
		return hd_err_set(err, HD_BAD_INPUT, "db",
				  _("no database path: give --db PATH or set HUBDESK_DB"));
	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode))
			return hd_err_set(err, HD_FAIL, "db", _("%s is not a file"), path);
		if (access(path, mode == DB_READ_ONLY ? R_OK : R_OK | W_OK) != 0)
			return hd_err_set(err, HD_FAIL, "db",
					  _("%s cannot be read and written: %s"), path,
					  strerror(errno));
		return HD_OK;
	}
	if (errno != ENOENT)
		return hd_err_set(err, HD_FAIL, "db", _("%s cannot be opened: %s"), path,
				  strerror(errno));
	if (mode == DB_READ_ONLY)
		return hd_err_set(err, HD_FAIL, "db",
				  _("there is no database at %s; give the path of a copy"), path);
	if (mode != DB_CREATE)
		return hd_err_set(err, HD_FAIL, "db",
				  _("there is no database at %s; create one with: hubdesk init "
				    "(or hubdesk init --demo)"),
				  path);
	snprintf(dir, sizeof(dir), "%s", path);
	if (access(dirname(dir), W_OK) != 0)
		return hd_err_set(err, HD_FAIL, "db",
				  _("cannot create %s: the folder is missing or not writable (%s)"),
				  path, strerror(errno));
	return HD_OK;
}

enum hd_status db_open(const char *path, enum db_mode mode, struct db **out, struct hd_err *err)
{
	struct db *db = NULL;
	long long version = 0;
	enum hd_status rc;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	*out = NULL;
	if (db_pg_is_uri(path)) {
		db = xcalloc(1, sizeof(*db));
		rc = db_pg_open(path, mode, &db->pg, err);
		goto done;
	}
	rc = check_path(path, mode, err);
	if (rc != HD_OK)
		return rc;
	if (mode == DB_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	if (mode == DB_READ_ONLY)
		flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
	db = xcalloc(1, sizeof(*db));
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		rc = hd_err_set(err, HD_FAIL, "db", _("%s cannot be opened: %s"), path,
				db->h ? sqlite3_errmsg(db->h) : "?");
		goto done;
	}
	sqlite3_extended_result_codes(db->h, 1);
	db_sqlite_functions(db->h);
	/* Another desk may hold the file right now: wait for it from the
	 * first read on. */
	sqlite3_busy_handler(db->h, busy, db->h);
	rc = check_identity(db->h, path, mode, &version, err);
	if (rc != HD_OK || mode == DB_READ_ONLY)
		goto done;
	rc = set_pragmas(db->h, path, err);
	if (rc != HD_OK)
		goto done;
	rc = migrate(db, version, err);
done:
	if (rc != HD_OK)
		db_close(db);
	else
		*out = db;
	return rc;
}

enum hd_status db_secret(struct db *db, unsigned char key[32], struct hd_err *err)
{
	struct db_stmt *st = NULL;
	const void *value;
	enum hd_status rc;
	size_t n = 0;

	rc = db_prepare(db, "SELECT value FROM meta WHERE key = 'secret'", &st, err);
	if (rc != HD_OK)
		return rc;
	if (db_step(st) == DB_ROW && (value = db_col_blob(st, 0, &n)) != NULL && n == 32) {
		memcpy(key, value, 32);
	} else {
		rc = hd_err_set(err, HD_FAIL, "",
				_("the installation has no secret key; run hubdesk init"));
	}
	db_done(st);
	return rc;
}

bool db_is_empty(struct db *db)
{
	struct db_stmt *st = NULL;
	bool empty = false;

	if (db_prepare(db,
		       "SELECT (SELECT count(*) FROM room) + (SELECT count(*) FROM org)"
		       " + (SELECT count(*) FROM team)",
		       &st, NULL) == HD_OK &&
	    db_step(st) == DB_ROW)
		empty = db_col_int(st, 0) == 0;
	db_done(st);
	return empty;
}

bool db_path_is_server(const char *path)
{
	return db_pg_is_uri(path);
}

bool db_is_server(struct db *db)
{
	return db && db->pg;
}

enum hd_status db_set_centre(struct db *db, long long centre, struct hd_err *err)
{
	if (db->pg)
		return db_pg_set_centre(db->pg, centre, err);
	return HD_OK;
}

long long db_centre(struct db *db)
{
	return db->pg ? db_pg_centre(db->pg) : 1;
}

const char *db_file(struct db *db)
{
	if (db->pg)
		return NULL;
	return sqlite3_db_filename(db->h, "main");
}

bool db_in_transaction(struct db *db)
{
	if (db->pg)
		return db_pg_in_transaction(db->pg);
	return !sqlite3_get_autocommit(db->h);
}

enum hd_status db_exec(struct db *db, const char *sql, long long a, long long b, long long c,
		       struct hd_err *err)
{
	const long long args[3] = { a, b, c };
	struct db_stmt *st = NULL;
	enum hd_status rc;
	int i;

	rc = db_prepare(db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	for (i = 0; i < 3 && i < db_param_count(st); i++)
		db_bind_int(st, i + 1, args[i]);
	rc = db_step(st) == DB_DONE ? HD_OK : db_step_fail(st, err);
	db_done(st);
	return rc;
}
