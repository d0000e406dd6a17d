/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db_job.c - long admin jobs beside working desks: writes committed in
 * batches short enough that a desk waiting for the database gets it in
 * between, and a private copy of the registers to check a whole file on
 * while holding no lock a desk waits for. */
#include "core/db_sqlite.h"

#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/db_pg.h"
#include "core/dblock.h"
#include "core/i18n.h"
#include "core/xalloc.h"

enum hd_status db_batch_begin(struct db *db, struct db_batch *b, struct hd_err *err)
{
	b->db = db;
	b->began_ms = clock_monotonic_ms();
	b->batches = 1;
	return db_begin(db, err);
}

enum hd_status db_batch_next(struct db_batch *b, bool *committed, struct hd_err *err)
{
	enum hd_status rc;

	*committed = false;
	if (clock_monotonic_ms() - b->began_ms < DB_BATCH_MS)
		return HD_OK;
	rc = db_commit(b->db, err);
	if (rc != HD_OK)
		return rc;
	*committed = true;
	db_batch_turn(b->db);
	b->began_ms = clock_monotonic_ms();
	b->batches++;
	return db_begin(b->db, err);
}

void db_batch_turn(struct db *db)
{
	const char *path = db_file(db);
	long long until = clock_monotonic_ms() + DB_TURN_MAX_MS;

	if (db_pg(db)) {
		while (db_pg_desk_waits(db_pg(db)) && clock_monotonic_ms() < until)
			sqlite3_sleep(1);
		return;
	}
	while (dblock_desk_waits(path) && clock_monotonic_ms() < until)
		sqlite3_sleep(1);
}

int db_batch_size(int size, long long took_ms)
{
	if (took_ms < DB_BATCH_MS / 2 && size < (1 << 20))
		return size * 2;
	if (took_ms > DB_BATCH_MS && size > 16)
		return size / 2 > 16 ? size / 2 : 16;
	return size;
}

/* Whether name is one of skip's (a NULL-ended list). */
static bool skipped(const char *name, const char *const *skip)
{
	for (; skip && *skip; skip++)
		if (strcmp(name, *skip) == 0)
			return true;
	return false;
}

/* How each table's rows reach a copy: every table of the schema has its
 * line (a table without one makes db_scratch fail, so a migration that
 * adds a table adds it here). */
// clang-format off
#define COPY_ROWS(t) { #t, "INSERT INTO main." #t " SELECT * FROM live." #t }
static const struct {
	const char *table, *sql;
} COPY[] = {
	COPY_ROWS(meta),
	COPY_ROWS(setting),
	COPY_ROWS(audit),
	COPY_ROWS(room),
	COPY_ROWS(room_closure),
	COPY_ROWS(org),
	COPY_ROWS(team),
	COPY_ROWS(team_step),
	COPY_ROWS(name_gram),
	COPY_ROWS(name_pinyin),
	COPY_ROWS(staff),
	COPY_ROWS(person),
	COPY_ROWS(visit),
	COPY_ROWS(closure),
	COPY_ROWS(booking),
	COPY_ROWS(erasure),
	COPY_ROWS(opening),
	COPY_ROWS(visitee),
	COPY_ROWS(spool),
	COPY_ROWS(filing_number),
	COPY_ROWS(centre),
	COPY_ROWS(centre_move),
};
// clang-format on

/* The statement copying table's rows, or NULL when the schema has a table
 * this file does not know. */
static const char *copy_sql(const char *table)
{
	size_t i;

	for (i = 0; i < sizeof(COPY) / sizeof(COPY[0]); i++)
		if (strcmp(COPY[i].table, table) == 0)
			return COPY[i].sql;
	return NULL;
}

/* The schema's objects in the order a copy is built in: tables first (then
 * their rows are copied), indexes after the rows, triggers last so that
 * none of them runs on a copied row. */
static const char SQL_OBJECTS[] =
	"SELECT type, name, sql FROM live.sqlite_schema"
	" WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
	" ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid";

/* The objects of live as st reads them, made in copy one by one, with the
 * rows of its tables but those in skip. */
static enum hd_status copy_rows(struct db *copy, sqlite3_stmt *st, const char *const *skip,
				struct hd_err *err)
{
	enum hd_status rc = HD_OK;
	const char *type, *name, *sql, *rows;
	int src;

	while (rc == HD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
		type = (const char *)sqlite3_column_text(st, 0);
		name = (const char *)sqlite3_column_text(st, 1);
		sql = (const char *)sqlite3_column_text(st, 2);
		if (!sql) /* out of memory: the schema's text is never NULL */
			xalloc_failed();
		rc = db_exec(copy, sql, 0, 0, 0, err);
		if (rc != HD_OK || strcmp(type, "table") != 0 || skipped(name, skip))
			continue;
		rows = copy_sql(name);
		if (!rows)
			rc = hd_err_set(err, HD_FAIL, "", _("the table %s cannot be copied"), name);
		else
			rc = db_exec(copy, rows, 0, 0, 0, err);
	}
	if (rc == HD_OK && src != SQLITE_DONE)
		rc = db_fail(db_sqlite(copy), src, err);
	return rc;
}

/* Creates every object of live in copy, with the rows of its tables but
 * those in skip. */
static enum hd_status copy_objects(struct db *copy, const char *const *skip, struct hd_err *err)
{
	sqlite3_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare_raw(db_sqlite(copy), SQL_OBJECTS, &st, err);
	if (rc == HD_OK)
		rc = copy_rows(copy, st, skip, err);
	db_done_raw(st);
	return rc;
}

enum hd_status db_scratch(struct db *db, const char *const *skip, struct db **out,
			  struct hd_err *err)
{
	const char *path = db_file(db);
	sqlite3_stmt *st = NULL;
	struct db *copy = NULL;
	sqlite3 *h = NULL;
	enum hd_status rc;
	int src;

	*out = NULL;
	/* PostgreSQL: a second connection in one transaction that is never
	 * committed sees the database as it was when it began. */
	if (db_pg(db)) {
		rc = db_open(db_pg_uri(db_pg(db)), DB_EXISTING, &copy, err);
		if (rc == HD_OK)
			rc = db_set_centre(copy, db_centre(db), err);
		if (rc == HD_OK)
			rc = db_begin_read(copy, err);
		if (rc == HD_OK)
			*out = copy;
		else
			db_close(copy);
		return rc;
	}
	if (!path || !*path)
		return hd_err_set(err, HD_FAIL, "", "%s",
				  _("the database has no file to copy the registers from"));
	if (sqlite3_open_v2(":memory:", &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		sqlite3_close_v2(h);
		return hd_err_set(err, HD_FAIL, "", "%s", _("out of memory"));
	}
	sqlite3_extended_result_codes(h, 1);
	db_sqlite_functions(h);
	sqlite3_busy_timeout(h, DB_BUSY_MS);
	copy = db_sqlite_wrap(h);
	rc = db_prepare_raw(h, "ATTACH ?1 AS live", &st, err);
	if (rc != HD_OK)
		goto done;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	src = sqlite3_step(st);
	db_done_raw(st);
	if (src != SQLITE_DONE) {
		rc = db_fail(h, src, err);
		goto done;
	}
	/* One read of the live file: what desks commit meanwhile is not in
	 * the copy, and they wait for nothing. */
	rc = db_exec(copy, "BEGIN", 0, 0, 0, err);
	if (rc == HD_OK)
		rc = copy_objects(copy, skip, err);
	if (rc == HD_OK)
		rc = db_exec(copy, "COMMIT", 0, 0, 0, err);
	if (rc == HD_OK)
		rc = db_exec(copy, "DETACH live", 0, 0, 0, err);
	if (rc == HD_OK)
		rc = db_exec(copy, "PRAGMA foreign_keys = ON", 0, 0, 0, err);
	if (rc == HD_OK)
		rc = db_exec(copy, "PRAGMA temp_store = MEMORY", 0, 0, 0, err);
done:
	if (rc != HD_OK)
		db_close(copy);
	else
		*out = copy;
	return rc;
}
