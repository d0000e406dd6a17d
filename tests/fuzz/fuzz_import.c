/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_import.c - libFuzzer harness for the import of registers: any bytes
 * as a file of organisations, teams or rooms (the first byte chooses which,
 * by its value modulo 3 in that order: '0', '1', '2'), imported by an admin
 * into a real database file, and what the import promises checked after
 * each one: every row saved or nothing, the records it names there, its
 * problems on rows of data, no transaction left open, and now and then the
 * whole file sound. After an import that saved something the database is
 * set back to its first state, page by page, so every run starts from the
 * same one. Built and run by `make fuzz`, not by `make check`. */
#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/actor.h"
#include "core/db_sqlite.h"
#include "core/import.h"
#include "core/setup.h"
#include "core/status.h"

/* Runs between checks of the whole file. */
#define CHECK_EVERY 1000

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The harness's one context: libFuzzer calls in with nothing else. */
static struct {
	char dir[200], path[240];
	struct db *db;  /* the database file every run imports into */
	sqlite3 *first; /* an in-memory copy of it as initialised */
	struct hd_actor who;
	unsigned long since_check; /* runs since the file was last checked */
} W;

static const char *const
	TABLE[] = { [IMPORT_ORGS] = "org", [IMPORT_TEAMS] = "team", [IMPORT_ROOMS] = "room" };

/* A broken promise: says which and stops, so libFuzzer keeps the input. */
static void broken(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_import: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	abort();
}

/* Changes whenever the database's content changes, by this connection or
 * another (SQLite's data version of the file). */
static unsigned int data_version(void)
{
	unsigned int v = 0;

	if (sqlite3_file_control(db_sqlite(W.db), "main", SQLITE_FCNTL_DATA_VERSION, &v) !=
	    SQLITE_OK)
		broken("no data version", sqlite3_errmsg(db_sqlite(W.db)));
	return v;
}

/* Copies the whole database src into dst, page by page. */
static void copy_database(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");

	if (!b)
		broken("cannot copy the database", sqlite3_errmsg(dst));
	if (sqlite3_backup_step(b, -1) != SQLITE_DONE)
		broken("cannot copy the database", sqlite3_errmsg(dst));
	if (sqlite3_backup_finish(b) != SQLITE_OK)
		broken("cannot copy the database", sqlite3_errmsg(dst));
}

static void tidy(void)
{
	char p[300];

	db_close(W.db);
	sqlite3_close(W.first);
	unlink(W.path);
	snprintf(p, sizeof(p), "%s-wal", W.path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", W.path);
	unlink(p);
	rmdir(W.dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	struct hd_err err;
	bool created;

	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "Asia/Shanghai", 1);
	setenv("HUBDESK_NOW", "2026-11-23T09:00:00+08:00", 1);
	tzset();
	/* In memory when there is no other choice: the desk's synchronous
	 * writes then cost no disk flush. */
	if (!tmp || !*tmp)
		tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(W.dir, sizeof(W.dir), "%s/hubdesk-fuzz.XXXXXX", tmp);
	if (!mkdtemp(W.dir))
		broken("cannot make a folder in", W.dir);
	snprintf(W.path, sizeof(W.path), "%s/fuzz.db", W.dir);
	W.who = actor_command_line("fuzz");
	if (db_open(W.path, DB_CREATE, &W.db, &err) != HD_OK ||
	    setup_init(W.db, &W.who, &created, &err) != HD_OK)
		broken("cannot make the database", err.msg);
	/* Every record an import names is then one it added itself. */
	if (!db_is_empty(W.db))
		broken("a new database holds records", NULL);
	if (sqlite3_open(":memory:", &W.first) != SQLITE_OK)
		broken("cannot open a database in memory", NULL);
	copy_database(W.first, db_sqlite(W.db));
	atexit(tidy);
	return 0;
}

static bool exists(enum import_kind kind, long long id)
{
	char sql[64];
	sqlite3_stmt *st = NULL;
	bool found;

	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE id = ?1", TABLE[kind]);
	if (sqlite3_prepare_v2(db_sqlite(W.db), sql, -1, &st, NULL) != SQLITE_OK)
		broken("cannot look a record up", sqlite3_errmsg(db_sqlite(W.db)));
	sqlite3_bind_int64(st, 1, id);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* An import that saved: every row, each record there, an added one new
 * and an updated one added earlier in the same file (the database starts
 * with none). */
static void check_saved(enum import_kind kind, const struct import_result *res)
{
	int i, j, added = 0;

	if (res->added + res->updated != res->rows)
		broken("HD_OK, but added + updated is not the rows read", NULL);
	if (res->nproblems != 0 || res->bad_rows != 0)
		broken("HD_OK with problems", res->problems ? res->problems[0].msg : NULL);
	for (i = 0; i < res->rows; i++) {
		const struct import_done *d = &res->done[i];

		if (d->id <= 0 || !exists(kind, d->id))
			broken("a record the import names is not in its table", d->name);
		for (j = 0; j < i && res->done[j].id != d->id; j++)
			;
		if (d->added != (j == i))
			broken(d->added ? "a record added twice"
					: "a record updated before it was added",
			       d->name);
		added += d->added;
	}
	if (added != res->added)
		broken("res.added is not the records marked added", NULL);
}

/* An import that saved nothing: says why, and names rows of data. */
static void check_refused(enum hd_status rc, const struct import_result *res,
			  const struct hd_err *err, bool saved)
{
	int i;

	if (err->msg[0] == '\0')
		broken("an import failed without a message", NULL);
	/* One desk on a sound disk: the checks refuse a bad row before the
	 * database does. */
	if (rc == HD_FAIL)
		broken("the database failed an import", err->msg);
	if (saved)
		broken("a refused import saved something", err->msg);
	if (res->nproblems < 0 || res->nproblems > IMPORT_MAX_PROBLEMS)
		broken("too many problems kept", NULL);
	for (i = 0; i < res->nproblems; i++) {
		if (res->problems[i].row < 2)
			broken("a problem on the header or before it", res->problems[i].msg);
		if (res->problems[i].msg[0] == '\0')
			broken("a problem without a message", res->problems[i].column);
	}
}

/* The file sound: SQLite's integrity check, and no broken reference. */
static void check_file(void)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db_sqlite(W.db), "PRAGMA integrity_check", -1, &st, NULL) !=
		    SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW ||
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
		broken("integrity_check", st ? (const char *)sqlite3_column_text(st, 0) : NULL);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db_sqlite(W.db), "PRAGMA foreign_key_check", -1, &st, NULL) !=
		    SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_DONE)
		broken("foreign_key_check", st ? (const char *)sqlite3_column_text(st, 0) : NULL);
	sqlite3_finalize(st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_result res;
	struct hd_err err;
	enum import_kind kind;
	enum hd_status rc;
	unsigned int before;
	bool saved;

	if (size < 1)
		return 0;
	kind = (enum import_kind)(data[0] % 3);
	hd_err_clear(&err);
	before = data_version();
	rc = import_csv(W.db, &W.who, kind, (const char *)data + 1, size - 1, NULL, NULL, &res,
			&err);
	saved = data_version() != before;
	if (!sqlite3_get_autocommit(db_sqlite(W.db)))
		broken("an import left its transaction open", NULL);
	if (rc == HD_OK && res.rows > 0 && !saved)
		broken("an import saved rows, but the file did not change", NULL);
	if (rc == HD_OK)
		check_saved(kind, &res);
	else
		check_refused(rc, &res, &err, saved);
	import_result_free(&res);
	/* Check a file just written to when there is one. */
	if (++W.since_check >= CHECK_EVERY && (saved || W.since_check >= 2 * CHECK_EVERY)) {
		check_file();
		W.since_check = 0;
	}
	if (saved) {
		copy_database(db_sqlite(W.db), W.first);
		if (!db_is_empty(W.db))
			broken("the database was not set back", NULL);
	}
	return 0;
}
