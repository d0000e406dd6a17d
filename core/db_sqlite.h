/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db_sqlite.h - the SQLite driver's own: for its files, the tests and the
 * bench's data generator. The rest of hubdesk reaches the database through
 * db.h only. */
#ifndef HD_DB_SQLITE_H
#define HD_DB_SQLITE_H

#include <stddef.h>
#include <sqlite3.h>

#include "core/db.h"
#include "core/status.h"

/* The connection's SQLite handle (NULL for NULL). */
sqlite3 *db_sqlite(struct db *db);

/* A connection around h, an open SQLite handle it now owns: db_close()
 * closes both. */
struct db *db_sqlite_wrap(sqlite3 *h);

/* Adds PostgreSQL's greatest, least, right, strpos and string_agg to h, so
 * that SQL written for both backends runs on it; every handle that runs
 * hubdesk's SQL gets them. */
void db_sqlite_functions(sqlite3 *h);

/* Maps an SQLite result code to HD_FAIL and a message for people (busy,
 * disk full, damaged, read-only, other). */
enum hd_status db_fail(sqlite3 *h, int rc, struct hd_err *err);

/* Prepares sql, or takes the connection's idle statement of the same text;
 * on failure fills err through db_fail and returns HD_FAIL. Give the statement
 * back with db_done_raw() to keep it prepared for the next time, or finalize
 * it; db_close() finalizes what is left. */
enum hd_status db_prepare_raw(sqlite3 *h, const char *sql, sqlite3_stmt **st, struct hd_err *err);

/* Gives a statement of db_prepare_raw() back (reset, bindings cleared); NULL is
 * fine. */
void db_done_raw(sqlite3_stmt *st);

#endif
