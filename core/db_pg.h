/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db_pg.h - the PostgreSQL driver's own, for the storage interface's files
 * (db.c, db_stmt.c, db_job.c): a connection to a server by URI, its
 * transactions, and statements prepared once per connection. The rest of
 * hubdesk reaches the database through db.h only. */
#ifndef HD_DB_PG_H
#define HD_DB_PG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/db.h"
#include "core/status.h"

struct db_pg;
struct db_pg_stmt;

/* The connection's PostgreSQL side (NULL on SQLite, and for NULL). */
struct db_pg *db_pg(struct db *db);

/* Tells the desk (db_on_wait) that it has waited waited_ms for another's
 * write. */
void db_wait_told(int waited_ms);

/* True when path names a PostgreSQL database: a postgresql:// or
 * postgres:// URI. */
bool db_pg_is_uri(const char *path);

/* Connects to the database at uri, checks it is hubdesk's (creating the
 * schema in an empty database when mode is DB_CREATE) and brings its schema
 * up to date. HD_FAIL with a message when the server cannot be reached,
 * the database is another program's, holds nothing yet (mode DB_EXISTING)
 * or is from a newer hubdesk. */
enum hd_status db_pg_open(const char *uri, enum db_mode mode, struct db_pg **out,
			  struct hd_err *err);

/* The centre the session serves from now on, also after a reconnection
 * (0: none, which on a database of several centres reads every centre as
 * the owner and writes nothing). HD_FAIL when the server is lost. */
enum hd_status db_pg_set_centre(struct db_pg *pg, long long centre, struct hd_err *err);
long long db_pg_centre(struct db_pg *pg);

/* Closes the connection (NULL is fine); an open transaction is rolled
 * back. */
void db_pg_close(struct db_pg *pg);

/* Begins a transaction (write: taking the installation's write turn, as
 * db_begin; else a snapshot for reading, as db_begin_read), or a savepoint
 * inside one: HD_OK, or HD_FAIL with a message for people. */
enum hd_status db_pg_begin(struct db_pg *pg, bool write, struct hd_err *err);

/* Commits (or releases the innermost savepoint): HD_OK, or HD_FAIL after
 * which the transaction is rolled back (a statement of it failed, say). */
enum hd_status db_pg_commit(struct db_pg *pg, struct hd_err *err);

/* Rolls the innermost savepoint, else the transaction, back. */
void db_pg_rollback(struct db_pg *pg);
bool db_pg_in_transaction(struct db_pg *pg);

/* The URI the connection was opened with. */
const char *db_pg_uri(struct db_pg *pg);

/* True when a desk waits for its turn to write (a long job lets it write
 * between batches). */
bool db_pg_desk_waits(struct db_pg *pg);

/* Runs a script of statements without parameters (the schema). HD_FAIL
 * with the server's message when one fails. */
enum hd_status db_pg_script(struct db_pg *pg, const char *sql, struct hd_err *err);

/* Statements: prepared on the server once per connection and kept for its
 * life (by their text). HD_OK, or HD_FAIL with the server's message (the
 * statement is wrong, or the connection is lost: then it says so). */
enum hd_status db_pg_prepare(struct db_pg *pg, const char *sql, struct db_pg_stmt **out,
			     struct hd_err *err);

/* The statement functions mean what db.h's of the same names say. */
void db_pg_done(struct db_pg_stmt *st);
void db_pg_bind(struct db_pg_stmt *st, int i, const char *text, size_t n, bool binary);
int db_pg_param_count(struct db_pg_stmt *st);
enum db_step db_pg_step(struct db_pg_stmt *st);

/* The last step's failure as HD_FAIL and a message for people. */
enum hd_status db_pg_step_fail(struct db_pg_stmt *st, struct hd_err *err);

long long db_pg_col_int(struct db_pg_stmt *st, int col);
const char *db_pg_col_text(struct db_pg_stmt *st, int col);
bool db_pg_col_null(struct db_pg_stmt *st, int col);
const void *db_pg_col_blob(struct db_pg_stmt *st, int col, size_t *n);
enum db_kind db_pg_col_kind(struct db_pg_stmt *st, int col);
long long db_pg_changes(struct db_pg_stmt *st);
void db_pg_reset(struct db_pg_stmt *st);

/* The SQLSTATE of the statement's last failure ("" when none): 23P01 is an
 * exclusion constraint (two bookings in one slot). */
const char *db_pg_sqlstate(struct db_pg_stmt *st);

#endif
