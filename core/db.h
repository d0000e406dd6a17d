/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db.h - the database behind one connection type (struct db): opening with
 * the right pragmas, the check that it is a hubdesk database, migrations by
 * PRAGMA user_version, the transaction helpers every action uses, and the
 * statements of the storage interface. The SQLite driver's own declarations
 * are in db_sqlite.h.
 *
 * A damaged, foreign or newer file is refused and left untouched. */
#ifndef HD_DB_H
#define HD_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"

/* A connection to the database (opaque: each backend has its own). */
struct db;

#define DB_APPLICATION_ID 0x48554244 /* "HUBD" */
#define DB_BUSY_MS 30000             /* how long a desk waits for another's write */
#define DB_WAIT_TELL_MS 300          /* a wait this long is told to the person at the desk */

/* Called now and then while a statement waits for another desk's (or an
 * admin job's) write, with the milliseconds waited so far: the full-screen
 * desk says so on screen. */
typedef void (*db_wait_fn)(void *ctx, int waited_ms);

/* Sets the one function told of waits (NULL: none). */
void db_on_wait(db_wait_fn fn, void *ctx);

/* How db_open treats a missing or empty file. */
enum db_mode {
	DB_EXISTING, /* it must be an initialised hubdesk database */
	DB_CREATE,   /* create it (or take an empty file); used by init */
	DB_READ_ONLY /* read an existing hubdesk database as it is: no pragma is set and
		      * nothing migrated (checking a backup) */
};

/* Opens path, checks it, applies WAL, synchronous=FULL, foreign keys,
 * secure_delete and a busy timeout, and migrates an older schema. On HD_OK
 * *out is the caller's, closed with db_close(). HD_FAIL with a message
 * saying what to do when the file is missing, unreadable, damaged, foreign
 * or from a newer hubdesk; HD_BAD_INPUT when path is empty. */
enum hd_status db_open(const char *path, enum db_mode mode, struct db **out, struct hd_err *err);

/* Closes db (NULL is fine). */
void db_close(struct db *db);

/* The schema version this hubdesk writes. */
int db_schema_latest(void);

/* BEGIN IMMEDIATE (the write lock is taken at once, so check-then-insert
 * cannot race another desk). HD_FAIL when the database fails (busy after
 * DB_BUSY_MS, say). */
enum hd_status db_begin(struct db *db, struct hd_err *err);

/* BEGIN (deferred): for actions that only read. HD_FAIL when the database
 * fails. */
enum hd_status db_begin_read(struct db *db, struct hd_err *err);

/* COMMIT; on failure (HD_FAIL) the transaction is rolled back. */
enum hd_status db_commit(struct db *db, struct hd_err *err);

/* Ends the action's transaction: COMMIT when rc is HD_OK, else ROLLBACK.
 * Returns rc, or the commit's failure. */
enum hd_status db_finish(struct db *db, enum hd_status rc, struct hd_err *err);

/* ROLLBACK if a transaction is open. */
void db_rollback(struct db *db);

/* Runs a statement that returns no rows, binding a, b and c as ?1..?3
 * where it has them. HD_FAIL when the database fails. */
enum hd_status db_exec(struct db *db, const char *sql, long long a, long long b, long long c,
		       struct hd_err *err);

/* The installation's secret key (32 bytes) into key; HD_FAIL if missing. */
enum hd_status db_secret(struct db *db, unsigned char key[32], struct hd_err *err);

/* True when the database holds no rooms, organisations or teams yet. */
bool db_is_empty(struct db *db);

/* True when path names a database on a server (a postgresql:// or
 * postgres:// URI) rather than a file. */
bool db_path_is_server(const char *path);

/* True when db is a database on a server (PostgreSQL): no file, no lock
 * file, no file copies; the server keeps and backs up the data. */
bool db_is_server(struct db *db);

/* The centre db serves: the records read and written are that centre's.
 * A SQLite file holds one centre, 1; on PostgreSQL a database of one centre
 * serves it from the start, and core/centre.c chooses among several (0
 * until then: reading every centre as the owner, writing none). HD_FAIL
 * when the server cannot be told. */
enum hd_status db_set_centre(struct db *db, long long centre, struct hd_err *err);
long long db_centre(struct db *db);

/* The path of db's file (the connection's own; "" for a database in
 * memory, NULL when there is no file to name). */
const char *db_file(struct db *db);

/* True while a transaction (or an action's savepoint) is open on db (the
 * database may end one itself: disk full, say). */
bool db_in_transaction(struct db *db);

/* Statements of the storage interface: SQL written once for every backend
 * ($1, $2 ... for parameters, RETURNING for a new row's id), typed binds and
 * columns, failures named alike whatever the backend. Columns count from 0,
 * parameters from 1. */
struct db_stmt;

/* What a step gave. */
enum db_step {
	DB_ROW,        /* a row: read its columns */
	DB_DONE,       /* the statement ran to its end */
	DB_BUSY,       /* another desk's write held the database past DB_BUSY_MS */
	DB_CONSTRAINT, /* a UNIQUE, NOT NULL, CHECK or foreign key constraint refused the row */
	DB_FAILED      /* anything else: disk full, damaged, connection lost */
};

/* Prepares sql (kept prepared for its next use); give it back with
 * db_done(). HD_FAIL with the database's message when it cannot be. */
enum hd_status db_prepare(struct db *db, const char *sql, struct db_stmt **st, struct hd_err *err);

/* db_prepare, then args[0..nargs) bound as $1..$n. HD_FAIL with the
 * database's message when it cannot be prepared. */
enum hd_status db_prepare_with(struct db *db, const char *sql, const long long *args, int nargs,
			       struct db_stmt **st, struct hd_err *err);

/* Gives a statement back (NULL is fine). */
void db_done(struct db_stmt *st);

/* Binds parameter i ($i): a whole number, text (copied; NULL binds NULL),
 * NULL, or bytes (copied). */
void db_bind_int(struct db_stmt *st, int i, long long v);
void db_bind_text(struct db_stmt *st, int i, const char *text);
void db_bind_null(struct db_stmt *st, int i);
void db_bind_blob(struct db_stmt *st, int i, const void *data, size_t n);

/* How many parameters the statement has (its highest $N). */
int db_param_count(struct db_stmt *st);

/* Runs the statement to its next row or its end. */
enum db_step db_step(struct db_stmt *st);

/* The failure of the statement's last step as HD_FAIL and a message for
 * people (busy, disk full, damaged, other). */
enum hd_status db_step_fail(struct db_stmt *st, struct hd_err *err);

/* Runs a statement whose rows are not read. HD_OK, HD_REFUSED when a
 * constraint refused it (err untouched: the caller names the rule), or
 * HD_FAIL as db_step_fail. */
enum hd_status db_run(struct db_stmt *st, struct hd_err *err);

/* Column col of the row: a whole number (0 for NULL), text (NULL for NULL;
 * valid until the next step), whether it is NULL, bytes (*n their count). */
long long db_col_int(struct db_stmt *st, int col);
const char *db_col_text(struct db_stmt *st, int col);
bool db_col_null(struct db_stmt *st, int col);
const void *db_col_blob(struct db_stmt *st, int col, size_t *n);

/* What column col of the row holds. */
enum db_kind { DB_KIND_NULL, DB_KIND_INT, DB_KIND_REAL, DB_KIND_TEXT, DB_KIND_BLOB };
enum db_kind db_col_kind(struct db_stmt *st, int col);

/* Copies text column col into out ("" for NULL). */
void db_column_text(struct db_stmt *st, int col, char *out, size_t outsz);

/* Rows the statement's last run inserted, changed or deleted. */
long long db_changes(struct db_stmt *st);

/* Makes the statement ready to run again from its start (a loop's next
 * row to write, say); its parameters stay bound until bound again. */
void db_reset(struct db_stmt *st);

/* Runs sql (no parameters, or args[0..nargs) as $1..$n) and reads every row
 * with read_row into a malloc'd array of elem-byte records (*out, the
 * caller frees; NULL when none), *n the count. HD_FAIL when the database
 * fails. */
enum hd_status db_collect(struct db *db, const char *sql, const long long *args, int nargs,
			  size_t elem, void (*read_row)(struct db_stmt *st, void *rec), void **out,
			  int *n, struct hd_err *err);

/* db_collect with one text parameter $1; HD_FAIL when the database fails. */
enum hd_status db_collect_text(struct db *db, const char *sql, const char *text, size_t elem,
			       void (*read_row)(struct db_stmt *st, void *rec), void **out, int *n,
			       struct hd_err *err);

/* Runs sql (no parameters) and reads the whole number in the first column
 * of its one row into *n (0 when it has none). HD_FAIL when the database
 * fails or sql gives no row. */
enum hd_status db_int_of(struct db *db, const char *sql, long long *n, struct hd_err *err);

/* Runs sql with $1 = id and reads its row with read_row into rec. HD_OK,
 * HD_NOT_FOUND (err untouched: the caller names what is missing) or the
 * database's failure (HD_FAIL). */
enum hd_status db_read_one(struct db *db, const char *sql, long long id,
			   void (*read_row)(struct db_stmt *st, void *rec), void *rec,
			   struct hd_err *err);

/* Long admin jobs (an import, the retention erase) write in batches of
 * about DB_BATCH_MS of work, each its own transaction; after each, every
 * desk that says it waits (dblock.h) writes first, for at most
 * DB_TURN_MAX_MS, so that a desk waits about one batch at most. */
#define DB_BATCH_MS 100
#define DB_TURN_MAX_MS 1000

struct db_batch {
	struct db *db;
	long long began_ms; /* when the open batch began (monotonic clock) */
	int batches;        /* batches begun so far */
};

/* Begins the first batch (BEGIN IMMEDIATE), outside any transaction.
 * HD_FAIL when the database fails. */
enum hd_status db_batch_begin(struct db *db, struct db_batch *b, struct hd_err *err);

/* Once the open batch has run DB_BATCH_MS: commits it, lets waiting desks
 * write (db_batch_turn) and begins the next; *committed says whether it
 * did. Call it between whole units of work (a row of a file). On failure
 * (HD_FAIL) no batch is open. */
enum hd_status db_batch_next(struct db_batch *b, bool *committed, struct hd_err *err);

/* Between two batches, outside a transaction: returns once no desk says
 * it waits for db, or after DB_TURN_MAX_MS. */
void db_batch_turn(struct db *db);

/* The size of a long job's next batch counted in records, from the size
 * of the last one and the milliseconds it took: larger while batches are
 * quick, smaller when one took longer than DB_BATCH_MS; at least 16. */
int db_batch_size(int size, long long took_ms);

/* A private copy in memory of db's schema, with the rows of every table but
 * those named in skip (a NULL-ended list of tables the job never reads):
 * a long job checks a whole file on it in one transaction, holding no lock
 * a desk waits for (it is read in one read transaction of the WAL). The
 * caller closes it with db_close(). HD_FAIL when db has no file or the
 * copy cannot be made. */
enum hd_status db_scratch(struct db *db, const char *const *skip, struct db **out,
			  struct hd_err *err);

#endif
