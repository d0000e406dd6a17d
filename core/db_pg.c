/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db_pg.c - the PostgreSQL driver: one libpq connection per desk,
 * statements prepared on the server once per connection (PQprepare, then
 * PQexecPrepared with text parameters whose types the server infers from
 * their places; bytes go as binary bytea), results read whole, SQLSTATEs
 * named as enum db_step, and a lost connection made again on the next
 * action. Writes of one centre take turns as on SQLite (BEGIN
 * IMMEDIATE): a write transaction first takes a transaction-scoped
 * advisory lock, so every check-then-write rule holds across desks; the
 * exclusion constraint on bookings holds even for writers that are not
 * hubdesk. */
#include "core/db_pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/db_pg_lib.h"
#include "core/i18n.h"
#include "core/schema.h"
#include "core/xalloc.h"

#define PG_MAX_PARAMS 64
#define PG_BUCKETS 256
/* The advisory locks a centre's writers take turns by ("HUBD", 2c + 1
 * for centre c; 1 with no centre), and that a desk holds (shared) while it
 * waits for its turn ("HUBD", 2c + 2): a long job lets such desks write
 * between its batches. Centres never wait for each other. */
#define PG_LOCK_CLASS "1213547076"

/* libpq, loaded by the first db_pg_open (db_pg_lib.h). */
static const struct pq_lib *pq;

/* A statement prepared on the server under name (while gen is the
 * connection's). */
struct prepared {
	char *sql;
	char name[16];
	int nparams;
	unsigned gen;
	struct prepared *next;
};

struct db_pg {
	PGconn *conn;
	char *uri;
	int depth;        /* savepoints open inside the transaction */
	bool tx;          /* a transaction was begun and not yet ended: kept apart from
		       * libpq's view, which forgets it when the connection is lost */
	unsigned gen;     /* made anew on each connection: what was prepared is gone */
	long long centre; /* the centre the session serves (hubdesk.centre), 0: none */
	bool centred;     /* the server took centre on this connection */
	int named;        /* statements named so far */
	struct prepared *bucket[PG_BUCKETS];
};

struct db_pg_stmt {
	struct db_pg *pg;
	struct prepared *p;
	char *val[PG_MAX_PARAMS];
	int len[PG_MAX_PARAMS];
	int fmt[PG_MAX_PARAMS];
	PGresult *res;
	int row;  /* the row the last step gave */
	bool ran; /* res holds this run's result */
	char state[6];
	char *msg;           /* the server's message of the last failure */
	unsigned char *blob; /* the last bytea column read */
	long long changes;
};

bool db_pg_is_uri(const char *path)
{
	return path &&
	       (strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0);
}

static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* The first line of a libpq message (they end in a newline). */
static char *first_line(const char *msg)
{
	size_t n = strcspn(msg ? msg : "", "\n");

	return xstrndup(msg ? msg : "", n);
}

static enum hd_status conn_fail(struct db_pg *pg, struct hd_err *err)
{
	char *line = first_line(pq->PQerrorMessage(pg->conn));
	enum hd_status rc;

	/* The desk's status line has room for what to do, not libpq's
	 * detail (the server's log has it). */
	if (pq->PQstatus(pg->conn) == CONNECTION_BAD)
		rc = hd_err_set(err, HD_FAIL, "", "%s",
				_("the connection to the database was lost; reconnecting"));
	else
		rc = hd_err_set(err, HD_FAIL, "", _("database error: %s"), line);
	free(line);
	return rc;
}

/* Runs sql without parameters; HD_FAIL with the server's message. */
static enum hd_status simple(struct db_pg *pg, const char *sql, struct hd_err *err)
{
	PGresult *res = pq->PQexec(pg->conn, sql);
	ExecStatusType s = pq->PQresultStatus(res);
	enum hd_status rc = HD_OK;

	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
		rc = conn_fail(pg, err);
	pq->PQclear(res);
	return rc;
}

/* Tells the server the centre this session serves; row-level security
 * holds the session's reads and writes to it. HD_FAIL when the server
 * did not take it. */
static enum hd_status set_centre(struct db_pg *pg)
{
	char num[24];
	const char *val[1] = { num };
	PGresult *res;
	enum hd_status rc;

	if (pg->centre > 0)
		snprintf(num, sizeof(num), "%lld", pg->centre);
	else
		num[0] = '\0';
	res = pq->PQexecParams(pg->conn, "SELECT set_config('hubdesk.centre', $1, false)", 1, NULL,
			       val, NULL, NULL, 0);
	rc = pq->PQresultStatus(res) == PGRES_TUPLES_OK ? HD_OK : HD_FAIL;
	pq->PQclear(res);
	pg->centred = rc == HD_OK;
	return rc;
}

/* A new session's settings: no notices on the desk's screen, the desk's
 * time zone for what the server computes in local time, the centre it
 * serves. HD_FAIL when the server did not take the centre. */
static enum hd_status session(struct db_pg *pg)
{
	const char *tz = getenv("TZ");
	const char *val[1];
	PGresult *res;

	pq->PQsetNoticeProcessor(pg->conn, quiet, NULL);
	pq->PQclear(pq->PQexec(pg->conn, "SET client_min_messages = warning"));
	if (tz && *tz && *tz != ':') {
		val[0] = tz;
		res = pq->PQexecParams(pg->conn, "SELECT set_config('TimeZone', $1, false)", 1,
				       NULL, val, NULL, NULL, 0);
		pq->PQclear(res);
	}
	pg->gen++;
	pg->depth = 0;
	return set_centre(pg);
}

/* Makes a lost connection again, outside a transaction, serving the
 * centre it served. HD_OK when the connection is (again) up and serves
 * its centre; HD_FAIL when the server cannot be reached or did not take
 * the centre: a session serving no centre runs nothing. */
static enum hd_status reconnect(struct db_pg *pg, struct hd_err *err)
{
	if (pq->PQstatus(pg->conn) == CONNECTION_OK && pg->centred)
		return HD_OK;
	if (pq->PQstatus(pg->conn) != CONNECTION_OK) {
		pq->PQreset(pg->conn);
		if (pq->PQstatus(pg->conn) != CONNECTION_OK)
			return conn_fail(pg, err);
		if (session(pg) != HD_OK)
			return conn_fail(pg, err);
		return HD_OK;
	}
	return set_centre(pg) == HD_OK ? HD_OK : conn_fail(pg, err);
}

/* The highest $N of sql outside quotes. */
static int highest_param(const char *sql)
{
	char quote = 0;
	int max = 0;

	for (; *sql; sql++) {
		if (quote) {
			if (*sql == quote)
				quote = 0;
		} else if (*sql == '\'' || *sql == '"') {
			quote = *sql;
		} else if (*sql == '$' && sql[1] >= '0' && sql[1] <= '9') {
			int n = (int)strtol(sql + 1, NULL, 10);

			if (n > max)
				max = n;
		}
	}
	return max;
}

static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct prepared *known(struct db_pg *pg, const char *sql)
{
	unsigned b = hash(sql) % PG_BUCKETS;
	struct prepared *p;

	for (p = pg->bucket[b]; p; p = p->next)
		if (strcmp(p->sql, sql) == 0)
			return p;
	p = xcalloc(1, sizeof(*p));
	p->sql = xstrdup(sql);
	snprintf(p->name, sizeof(p->name), "hd%d", ++pg->named);
	p->nparams = highest_param(sql);
	p->next = pg->bucket[b];
	pg->bucket[b] = p;
	return p;
}

enum hd_status db_pg_prepare(struct db_pg *pg, const char *sql, struct db_pg_stmt **out,
			     struct hd_err *err)
{
	struct prepared *p;
	PGresult *res;
	enum hd_status rc = HD_OK;

	*out = NULL;
	if (!db_pg_in_transaction(pg)) {
		rc = reconnect(pg, err);
		if (rc != HD_OK)
			return rc;
	}
	p = known(pg, sql);
	if (p->nparams > PG_MAX_PARAMS)
		return hd_err_set(err, HD_FAIL, "", _("database error: %s"), "too many parameters");
	if (p->gen != pg->gen) {
		res = pq->PQprepare(pg->conn, p->name, sql, 0, NULL);
		if (pq->PQresultStatus(res) != PGRES_COMMAND_OK) {
			char *line = first_line(pq->PQresultErrorMessage(res));

			rc = pq->PQstatus(pg->conn) == CONNECTION_BAD
				     ? conn_fail(pg, err)
				     : hd_err_set(err, HD_FAIL, "", _("database error: %s"), line);
			free(line);
		} else {
			p->gen = pg->gen;
		}
		pq->PQclear(res);
		if (rc != HD_OK)
			return rc;
	}
	*out = xcalloc(1, sizeof(**out));
	(*out)->pg = pg;
	(*out)->p = p;
	(*out)->row = -1;
	return HD_OK;
}

static void forget_result(struct db_pg_stmt *st)
{
	pq->PQclear(st->res);
	st->res = NULL;
	st->ran = false;
	st->row = -1;
	if (st->blob)
		pq->PQfreemem(st->blob);
	st->blob = NULL;
}

void db_pg_done(struct db_pg_stmt *st)
{
	int i;

	if (!st)
		return;
	forget_result(st);
	for (i = 0; i < PG_MAX_PARAMS; i++)
		free(st->val[i]);
	free(st->msg);
	free(st);
}

void db_pg_bind(struct db_pg_stmt *st, int i, const char *text, size_t n, bool binary)
{
	if (i < 1 || i > st->p->nparams)
		return;
	free(st->val[i - 1]);
	st->val[i - 1] = NULL;
	st->len[i - 1] = 0;
	st->fmt[i - 1] = binary ? 1 : 0;
	if (!text)
		return;
	st->val[i - 1] = xmalloc(n + 1);
	memcpy(st->val[i - 1], text, n);
	st->val[i - 1][n] = '\0';
	st->len[i - 1] = (int)n;
}

int db_pg_param_count(struct db_pg_stmt *st)
{
	return st->p->nparams;
}

/* What a failed result's SQLSTATE means for the caller. */
static enum db_step failed(struct db_pg_stmt *st, PGresult *res)
{
	const char *state = pq->PQresultErrorField(res, PG_DIAG_SQLSTATE);

	snprintf(st->state, sizeof(st->state), "%s", state ? state : "");
	free(st->msg);
	st->msg = first_line(res ? pq->PQresultErrorMessage(res)
				 : pq->PQerrorMessage(st->pg->conn));
	if (strncmp(st->state, "23", 2) == 0)
		return DB_CONSTRAINT;
	if (strcmp(st->state, "40P01") == 0 || strcmp(st->state, "40001") == 0 ||
	    strcmp(st->state, "55P03") == 0)
		return DB_BUSY;
	return DB_FAILED;
}

/* Whether the server holds a transaction of this connection open. */
static bool server_in_transaction(struct db_pg *pg)
{
	PGTransactionStatusType s = pq->PQtransactionStatus(pg->conn);

	return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

/* Runs the statement on the server (preparing it again on a new
 * connection); an action outside a transaction whose connection was lost
 * is run once more on a new one. Inside a transaction the server no longer
 * holds (its connection lost), nothing runs: the action fails whole. */
static enum db_step execute(struct db_pg_stmt *st)
{
	struct db_pg *pg = st->pg;
	struct prepared *p = st->p;
	bool alone = !db_pg_in_transaction(pg);
	int attempt;
	PGresult *res = NULL;
	ExecStatusType s = PGRES_FATAL_ERROR;

	st->state[0] = '\0';
	if (pg->tx && !server_in_transaction(pg)) {
		free(st->msg);
		st->msg = first_line(pq->PQstatus(pg->conn) == CONNECTION_BAD
					     ? pq->PQerrorMessage(pg->conn)
					     : "the transaction was rolled back");
		return DB_FAILED;
	}
	for (attempt = 0; attempt < 2; attempt++) {
		if (alone && reconnect(pg, NULL) != HD_OK)
			break;
		if (p->gen != pg->gen) {
			res = pq->PQprepare(pg->conn, p->name, p->sql, 0, NULL);
			s = pq->PQresultStatus(res);
			if (s != PGRES_COMMAND_OK)
				goto lost;
			pq->PQclear(res);
			p->gen = pg->gen;
		}
		res = pq->PQexecPrepared(pg->conn, p->name, p->nparams,
					 (const char *const *)st->val, st->len, st->fmt, 0);
		s = pq->PQresultStatus(res);
		if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK)
			break;
	lost:
		if (!alone || pq->PQstatus(pg->conn) != CONNECTION_BAD)
			break;
		pq->PQclear(res);
		res = NULL;
	}
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
		enum db_step step = failed(st, res);

		pq->PQclear(res);
		return step;
	}
	st->res = res;
	st->ran = true;
	st->row = -1;
	st->changes = strtoll(pq->PQcmdTuples(res), NULL, 10);
	return DB_DONE;
}

enum db_step db_pg_step(struct db_pg_stmt *st)
{
	enum db_step step;

	if (!st->ran) {
		step = execute(st);
		if (step != DB_DONE)
			return step;
	}
	if (st->blob)
		pq->PQfreemem(st->blob);
	st->blob = NULL;
	if (pq->PQresultStatus(st->res) != PGRES_TUPLES_OK)
		return DB_DONE;
	if (st->row + 1 >= pq->PQntuples(st->res)) {
		st->row = pq->PQntuples(st->res);
		return DB_DONE;
	}
	st->row++;
	return DB_ROW;
}

enum hd_status db_pg_step_fail(struct db_pg_stmt *st, struct hd_err *err)
{
	const char *msg = st->msg ? st->msg : "";

	if (pq->PQstatus(st->pg->conn) == CONNECTION_BAD)
		return hd_err_set(err, HD_FAIL, "", "%s",
				  _("the connection to the database was lost; reconnecting"));
	if (strcmp(st->state, "40P01") == 0 || strcmp(st->state, "40001") == 0 ||
	    strcmp(st->state, "55P03") == 0)
		return hd_err_set(err, HD_FAIL, "",
				  _("the database is busy (another desk holds it); try again"));
	if (strcmp(st->state, "53100") == 0)
		return hd_err_set(err, HD_FAIL, "", _("the disk is full; nothing was saved"));
	return hd_err_set(err, HD_FAIL, "", _("database error: %s"), msg);
}

const char *db_pg_sqlstate(struct db_pg_stmt *st)
{
	return st->state;
}

static bool in_row(struct db_pg_stmt *st, int col)
{
	return st->res && st->row >= 0 && st->row < pq->PQntuples(st->res) && col >= 0 &&
	       col < pq->PQnfields(st->res);
}

bool db_pg_col_null(struct db_pg_stmt *st, int col)
{
	return !in_row(st, col) || pq->PQgetisnull(st->res, st->row, col);
}

const char *db_pg_col_text(struct db_pg_stmt *st, int col)
{
	if (db_pg_col_null(st, col))
		return NULL;
	return pq->PQgetvalue(st->res, st->row, col);
}

/* Type OIDs of the columns hubdesk reads (pg_type.h). */
enum { OID_BOOL = 16, OID_BYTEA = 17, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23 };
enum { OID_FLOAT4 = 700, OID_FLOAT8 = 701, OID_NUMERIC = 1700 };

long long db_pg_col_int(struct db_pg_stmt *st, int col)
{
	const char *t = db_pg_col_text(st, col);

	if (!t)
		return 0;
	if (pq->PQftype(st->res, col) == OID_BOOL)
		return *t == 't';
	return strtoll(t, NULL, 10);
}

enum db_kind db_pg_col_kind(struct db_pg_stmt *st, int col)
{
	if (db_pg_col_null(st, col))
		return DB_KIND_NULL;
	switch (pq->PQftype(st->res, col)) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
		return DB_KIND_INT;
	case OID_NUMERIC:
		return strchr(pq->PQgetvalue(st->res, st->row, col), '.') ? DB_KIND_REAL
									  : DB_KIND_INT;
	case OID_FLOAT4:
	case OID_FLOAT8:
		return DB_KIND_REAL;
	case OID_BYTEA:
		return DB_KIND_BLOB;
	default:
		return DB_KIND_TEXT;
	}
}

const void *db_pg_col_blob(struct db_pg_stmt *st, int col, size_t *n)
{
	const char *t = db_pg_col_text(st, col);

	*n = 0;
	if (!t)
		return NULL;
	if (pq->PQftype(st->res, col) != OID_BYTEA) {
		*n = strlen(t);
		return t;
	}
	if (st->blob)
		pq->PQfreemem(st->blob);
	st->blob = pq->PQunescapeBytea((const unsigned char *)t, n);
	return st->blob;
}

long long db_pg_changes(struct db_pg_stmt *st)
{
	return st->changes;
}

void db_pg_reset(struct db_pg_stmt *st)
{
	forget_result(st);
	st->state[0] = '\0';
}

const char *db_pg_uri(struct db_pg *pg)
{
	return pg->uri;
}

bool db_pg_in_transaction(struct db_pg *pg)
{
	return pg->tx || server_in_transaction(pg);
}

/* Reads one whole number (the first column of sql's first row) into *out;
 * HD_FAIL with the server's message. */
static enum hd_status read_int(struct db_pg *pg, const char *sql, long long *out,
			       struct hd_err *err)
{
	PGresult *res = pq->PQexec(pg->conn, sql);
	enum hd_status rc = HD_OK;

	if (pq->PQresultStatus(res) != PGRES_TUPLES_OK || pq->PQntuples(res) < 1)
		rc = conn_fail(pg, err);
	else
		*out = strtoll(pq->PQgetvalue(res, 0, 0), NULL, 10);
	pq->PQclear(res);
	return rc;
}

/* Runs "SELECT fn(HUBD, key)" for an advisory lock function fn; true when
 * it ran, with *got its boolean answer. */
static bool advisory(struct db_pg *pg, const char *sql, long long key, bool *got)
{
	char num[24];
	const char *val[1] = { num };
	PGresult *res;
	bool ok;

	snprintf(num, sizeof(num), "%lld", key);
	res = pq->PQexecParams(pg->conn, sql, 1, NULL, val, NULL, NULL, 0);
	ok = pq->PQresultStatus(res) == PGRES_TUPLES_OK;
	if (got)
		*got = ok && pq->PQntuples(res) == 1 && *pq->PQgetvalue(res, 0, 0) == 't';
	pq->PQclear(res);
	return ok;
}

static long long write_key(const struct db_pg *pg)
{
	return 2 * pg->centre + 1;
}

/* Takes the centre's write lock, asking again after a few milliseconds as
 * the SQLite driver's busy handler does, telling the desk once the wait is
 * noticeable; HD_FAIL after DB_BUSY_MS. */
static enum hd_status write_turn(struct db_pg *pg, struct hd_err *err)
{
	static const int STEPS[] = { 1, 1, 2, 2, 3, 4, 5 };
	const int n = (int)(sizeof(STEPS) / sizeof(STEPS[0]));
	int waited = 0, count = 0;
	bool got = false, ok = false;
	enum hd_status rc;

	for (;;) {
		struct timespec ts;
		int step;

		ok = advisory(pg, "SELECT pg_try_advisory_xact_lock(" PG_LOCK_CLASS ", $1::int)",
			      write_key(pg), &got);
		if (got || !ok || waited >= DB_BUSY_MS)
			break;
		if (count == 0)
			advisory(pg, "SELECT pg_advisory_lock_shared(" PG_LOCK_CLASS ", $1::int)",
				 write_key(pg) + 1, NULL);
		step = count < n ? STEPS[count] : STEPS[n - 1];
		if (waited >= DB_WAIT_TELL_MS)
			db_wait_told(waited);
		ts.tv_sec = 0;
		ts.tv_nsec = (long)step * 1000000L;
		nanosleep(&ts, NULL);
		waited += step;
		count++;
	}
	if (!ok)
		rc = conn_fail(pg, err);
	else if (!got)
		rc = hd_err_set(err, HD_FAIL, "",
				_("the database is busy (another desk holds it); try again"));
	else
		rc = HD_OK;
	if (count > 0 && ok)
		advisory(pg, "SELECT pg_advisory_unlock_shared(" PG_LOCK_CLASS ", $1::int)",
			 write_key(pg) + 1, NULL);
	return rc;
}

bool db_pg_desk_waits(struct db_pg *pg)
{
	bool got = false;

	return advisory(pg,
			"SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'"
			" AND classid = " PG_LOCK_CLASS " AND objid = $1::int AND objsubid = 2"
			" AND granted)",
			write_key(pg) + 1, &got) &&
	       got;
}

enum hd_status db_pg_begin(struct db_pg *pg, bool write, struct hd_err *err)
{
	const char *begin = write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ";
	enum hd_status rc;

	if (db_pg_in_transaction(pg)) {
		rc = simple(pg, "SAVEPOINT hd_nested", err);
		if (rc == HD_OK)
			pg->depth++;
		return rc;
	}
	rc = reconnect(pg, err);
	if (rc == HD_OK)
		rc = simple(pg, begin, err);
	/* A connection found lost by BEGIN (the server restarted while the
	 * desk was idle) lost nothing yet: the action begins on a new one. */
	if (rc != HD_OK && pq->PQstatus(pg->conn) == CONNECTION_BAD) {
		rc = reconnect(pg, err);
		if (rc == HD_OK)
			rc = simple(pg, begin, err);
	}
	pg->tx = rc == HD_OK;
	if (rc == HD_OK && write) {
		rc = write_turn(pg, err);
		if (rc != HD_OK)
			db_pg_rollback(pg);
	}
	return rc;
}

enum hd_status db_pg_commit(struct db_pg *pg, struct hd_err *err)
{
	PGresult *res;
	enum hd_status rc = HD_OK;

	if (pg->depth > 0) {
		rc = simple(pg, "RELEASE hd_nested", err);
		if (rc == HD_OK)
			pg->depth--;
		return rc;
	}
	/* A connection lost inside the transaction lost the transaction: a
	 * COMMIT on a new connection would commit nothing and say it did. */
	if (pg->tx && !server_in_transaction(pg)) {
		rc = pq->PQstatus(pg->conn) == CONNECTION_BAD
			     ? conn_fail(pg, err)
			     : hd_err_set(err, HD_FAIL, "", _("database error: %s"),
					  "the transaction was rolled back");
		db_pg_rollback(pg);
		return rc;
	}
	res = pq->PQexec(pg->conn, "COMMIT");
	pg->tx = false;
	/* A transaction a failed statement ended commits as ROLLBACK. */
	if (pq->PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = conn_fail(pg, err);
	else if (strcmp(pq->PQcmdStatus(res), "COMMIT") != 0)
		rc = hd_err_set(err, HD_FAIL, "", _("database error: %s"),
				"the transaction was rolled back");
	pq->PQclear(res);
	if (rc != HD_OK)
		db_pg_rollback(pg);
	return rc;
}

void db_pg_rollback(struct db_pg *pg)
{
	if (!db_pg_in_transaction(pg)) {
		pg->depth = 0;
		return;
	}
	if (pg->depth > 0) {
		pg->depth--;
		/* The connection lost, the outer action fails as a whole. */
		if (!server_in_transaction(pg))
			return;
		if (simple(pg, "ROLLBACK TO hd_nested", NULL) == HD_OK &&
		    simple(pg, "RELEASE hd_nested", NULL) == HD_OK)
			return;
		/* The whole transaction ends; what the outer action runs next
		 * fails, since pg->tx stays until it ends too. */
		simple(pg, "ROLLBACK", NULL);
		return;
	}
	pg->depth = 0;
	pg->tx = false;
	if (server_in_transaction(pg))
		simple(pg, "ROLLBACK", NULL);
}

enum hd_status db_pg_script(struct db_pg *pg, const char *sql, struct hd_err *err)
{
	return simple(pg, sql, err);
}

/* The database's identity: *version (0 when it holds no hubdesk schema) and
 * whether it holds anything else. HD_FAIL when it is another program's or
 * a newer hubdesk's. */
static enum hd_status identity(struct db_pg *pg, const char *uri, long long *version,
			       struct hd_err *err)
{
	long long has = 0, objects = 0, app = 0;
	enum hd_status rc;

	*version = 0;
	rc = read_int(pg,
		      "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
		      " WHERE n.nspname = current_schema() AND c.relname = 'hubdesk_schema'",
		      &has, err);
	if (rc == HD_OK && !has)
		rc = read_int(pg,
			      "SELECT count(*) FROM pg_class c JOIN pg_namespace n"
			      " ON n.oid = c.relnamespace WHERE n.nspname = current_schema()",
			      &objects, err);
	if (rc != HD_OK || (!has && objects == 0))
		return rc;
	if (has)
		rc = read_int(pg, "SELECT application_id FROM hubdesk_schema", &app, err);
	if (rc == HD_OK && has)
		rc = read_int(pg, "SELECT version FROM hubdesk_schema", version, err);
	if (rc != HD_OK)
		return rc;
	if (!has || app != DB_APPLICATION_ID)
		return hd_err_set(err, HD_FAIL, "",
				  _("%s is a database of another program; it was left untouched "
				    "(give another path with --db)"),
				  uri);
	if (*version > db_schema_latest())
		return hd_err_set(err, HD_FAIL, "",
				  _("%s was written by a newer hubdesk (schema %lld, this one knows "
				    "%d); update hubdesk"),
				  uri, *version, db_schema_latest());
	return HD_OK;
}

/* Writes the schema's version v; HD_FAIL with the server's message. */
static enum hd_status set_version(struct db_pg *pg, int v, struct hd_err *err)
{
	char num[16];
	const char *val[1] = { num };
	PGresult *res;
	enum hd_status rc = HD_OK;

	snprintf(num, sizeof(num), "%d", v);
	res = pq->PQexecParams(pg->conn, "UPDATE hubdesk_schema SET version = $1", 1, NULL, val,
			       NULL, NULL, 0);
	if (pq->PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = conn_fail(pg, err);
	pq->PQclear(res);
	return rc;
}

/* Creates the schema in an empty database, or applies the migrations after
 * version, each in its own transaction. */
static enum hd_status bring_up(struct db_pg *pg, long long version, struct hd_err *err)
{
	enum hd_status rc = HD_OK;
	int v;

	if (version == 0) {
		rc = db_pg_begin(pg, true, err);
		if (rc == HD_OK)
			rc = simple(pg, schema_pg_create(), err);
		if (rc == HD_OK)
			rc = db_pg_commit(pg, err);
		else
			db_pg_rollback(pg);
		if (rc != HD_OK)
			return rc;
		version = SCHEMA_PG_BASE;
	}
	for (v = (int)version + 1; rc == HD_OK && v <= db_schema_latest(); v++) {
		rc = db_pg_begin(pg, true, err);
		if (rc == HD_OK && schema_pg_migration(v))
			rc = simple(pg, schema_pg_migration(v), err);
		if (rc == HD_OK)
			rc = set_version(pg, v, err);
		if (rc == HD_OK)
			rc = db_pg_commit(pg, err);
		else
			db_pg_rollback(pg);
	}
	return rc;
}

enum hd_status db_pg_open(const char *uri, enum db_mode mode, struct db_pg **out,
			  struct hd_err *err)
{
	struct db_pg *pg = xcalloc(1, sizeof(*pg));
	long long version = 0;
	enum hd_status rc;

	*out = NULL;
	pg->uri = xstrdup(uri);
	rc = pq_lib(&pq, err);
	if (rc != HD_OK)
		goto done;
	pg->conn = pq->PQconnectdb(uri);
	if (pq->PQstatus(pg->conn) != CONNECTION_OK) {
		char *line = first_line(pq->PQerrorMessage(pg->conn));

		rc = hd_err_set(err, HD_FAIL, "db", _("cannot connect to the database at %s: %s"),
				uri, line);
		free(line);
		goto done;
	}
	rc = session(pg) == HD_OK ? HD_OK : conn_fail(pg, err);
	if (rc == HD_OK)
		rc = identity(pg, uri, &version, err);
	if (rc != HD_OK)
		goto done;
	if (version == 0 && mode != DB_CREATE) {
		rc = hd_err_set(err, HD_FAIL, "",
				_("%s holds no hubdesk data yet; create it with: hubdesk init"),
				uri);
		goto done;
	}
	if (mode != DB_READ_ONLY)
		rc = bring_up(pg, version, err);
	/* A database of one centre needs no --centre: the session serves it. */
	if (rc == HD_OK &&
	    read_int(pg,
		     "SELECT CASE WHEN count(*) = 1 THEN min(id) ELSE 0 END"
		     " FROM centre",
		     &pg->centre, NULL) == HD_OK &&
	    pg->centre > 0)
		rc = set_centre(pg) == HD_OK ? HD_OK : conn_fail(pg, err);
done:
	if (rc != HD_OK)
		db_pg_close(pg);
	else
		*out = pg;
	return rc;
}

enum hd_status db_pg_set_centre(struct db_pg *pg, long long centre, struct hd_err *err)
{
	pg->centre = centre;
	return set_centre(pg) == HD_OK ? HD_OK : conn_fail(pg, err);
}

long long db_pg_centre(struct db_pg *pg)
{
	return pg->centre;
}

void db_pg_close(struct db_pg *pg)
{
	int b;

	if (!pg)
		return;
	for (b = 0; b < PG_BUCKETS; b++) {
		struct prepared *p = pg->bucket[b], *next;

		for (; p; p = next) {
			next = p->next;
			free(p->sql);
			free(p);
		}
	}
	if (pg->conn)
		pq->PQfinish(pg->conn);
	free(pg->uri);
	free(pg);
}
