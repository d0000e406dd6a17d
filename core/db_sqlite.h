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

/* Copies text column col of the current row into out ("" for NULL). */
void db_column_text_raw(sqlite3_stmt *st, int col, char *out, size_t outsz);

/* Runs sql (no parameters) and reads every row with read_row into a
 * malloc'd array of elem-byte records (*out, the caller frees; NULL when
 * none), *n the count. HD_FAIL when the database fails. */
enum hd_status db_collect_raw(sqlite3 *h, const char *sql, size_t elem,
			      void (*read_row)(sqlite3_stmt *st, void *rec), void **out, int *n,
			      struct hd_err *err);

/* db_collect binding args[0..nargs) as ?1..?n; HD_FAIL when the database
 * fails. */
enum hd_status db_collect_with_raw(sqlite3 *h, const char *sql, const long long *args, int nargs,
				   size_t elem, void (*read_row)(sqlite3_stmt *st, void *rec),
				   void **out, int *n, struct hd_err *err);

/* db_collect with one text parameter ?1; HD_FAIL when the database fails. */
enum hd_status db_collect_text_raw(sqlite3 *h, const char *sql, const char *text, size_t elem,
				   void (*read_row)(sqlite3_stmt *st, void *rec), void **out,
				   int *n, struct hd_err *err);

/* Runs sql with ?1 = id and reads its row with read_row into rec. HD_OK,
 * HD_NOT_FOUND (err untouched: the caller names what is missing) or the
 * database's failure. */
enum hd_status db_read_one_raw(sqlite3 *h, const char *sql, long long id,
			       void (*read_row)(sqlite3_stmt *st, void *rec), void *rec,
			       struct hd_err *err);

#endif
