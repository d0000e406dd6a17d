/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db_stmt.c - the statements of the storage interface: on SQLite ($N
 * parameters read as SQLite's ?N, SQLite's result codes named as
 * enum db_step) or handed to the PostgreSQL driver, and the row readers
 * built on them. */
#include "core/db_sqlite.h"

#include "core/db_pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"

struct db_stmt {
	struct db *db;
	sqlite3_stmt *st;
	int rc;                /* SQLite's code of the last step */
	struct db_pg_stmt *pg; /* or PostgreSQL's statement */
};

#define SQL_MAX 8192

/* sql with each $N outside quotes written ?N: the same text means the same
 * to SQLite (whose $N would name parameters in order of appearance). */
static bool sqlite_text(const char *sql, char *out, size_t outsz)
{
	char quote = 0;
	size_t n = 0;

	for (; *sql; sql++) {
		if (n + 2 > outsz)
			return false;
		if (quote) {
			if (*sql == quote)
				quote = 0;
		} else if (*sql == '\'' || *sql == '"') {
			quote = *sql;
		} else if (*sql == '$' && sql[1] >= '0' && sql[1] <= '9') {
			out[n++] = '?';
			continue;
		}
		out[n++] = *sql;
	}
	out[n] = '\0';
	return true;
}

enum hd_status db_prepare(struct db *db, const char *sql, struct db_stmt **st, struct hd_err *err)
{
	char text[SQL_MAX];
	sqlite3_stmt *raw = NULL;
	enum hd_status rc;

	*st = NULL;
	if (db_pg(db)) {
		struct db_pg_stmt *pst = NULL;

		rc = db_pg_prepare(db_pg(db), sql, &pst, err);
		if (rc != HD_OK)
			return rc;
		*st = xcalloc(1, sizeof(**st));
		(*st)->db = db;
		(*st)->pg = pst;
		return HD_OK;
	}
	if (!sqlite_text(sql, text, sizeof(text)))
		return hd_err_set(err, HD_FAIL, "", _("database error: %s"), "statement too long");
	rc = db_prepare_raw(db_sqlite(db), text, &raw, err);
	if (rc != HD_OK)
		return rc;
	*st = xcalloc(1, sizeof(**st));
	(*st)->db = db;
	(*st)->st = raw;
	(*st)->rc = SQLITE_OK;
	return HD_OK;
}

enum hd_status db_prepare_with(struct db *db, const char *sql, const long long *args, int nargs,
			       struct db_stmt **st, struct hd_err *err)
{
	enum hd_status rc = db_prepare(db, sql, st, err);
	int i;

	for (i = 0; rc == HD_OK && i < nargs; i++)
		db_bind_int(*st, i + 1, args[i]);
	return rc;
}

void db_done(struct db_stmt *st)
{
	if (st && st->pg) {
		db_pg_done(st->pg);
		free(st);
		return;
	}
	if (!st)
		return;
	db_done_raw(st->st);
	free(st);
}

void db_bind_int(struct db_stmt *st, int i, long long v)
{
	char num[24];

	if (st->pg) {
		snprintf(num, sizeof(num), "%lld", v);
		db_pg_bind(st->pg, i, num, strlen(num), false);
		return;
	}
	sqlite3_bind_int64(st->st, i, v);
}

void db_bind_text(struct db_stmt *st, int i, const char *text)
{
	if (st->pg) {
		db_pg_bind(st->pg, i, text, text ? strlen(text) : 0, false);
		return;
	}
	if (text)
		sqlite3_bind_text(st->st, i, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->st, i);
}

void db_bind_null(struct db_stmt *st, int i)
{
	if (st->pg) {
		db_pg_bind(st->pg, i, NULL, 0, false);
		return;
	}
	sqlite3_bind_null(st->st, i);
}

void db_bind_blob(struct db_stmt *st, int i, const void *data, size_t n)
{
	if (st->pg) {
		db_pg_bind(st->pg, i, data ? (const char *)data : "", n, true);
		return;
	}
	sqlite3_bind_blob64(st->st, i, data, n, SQLITE_TRANSIENT);
}

int db_param_count(struct db_stmt *st)
{
	if (st->pg)
		return db_pg_param_count(st->pg);
	return sqlite3_bind_parameter_count(st->st);
}

enum db_step db_step(struct db_stmt *st)
{
	if (st->pg)
		return db_pg_step(st->pg);
	st->rc = sqlite3_step(st->st);
	switch (st->rc & 0xff) {
	case SQLITE_ROW:
		return DB_ROW;
	case SQLITE_DONE:
		return DB_DONE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return DB_BUSY;
	case SQLITE_CONSTRAINT:
		return DB_CONSTRAINT;
	default:
		return DB_FAILED;
	}
}

enum hd_status db_step_fail(struct db_stmt *st, struct hd_err *err)
{
	if (st->pg)
		return db_pg_step_fail(st->pg, err);
	return db_fail(db_sqlite(st->db), st->rc, err);
}

enum hd_status db_run(struct db_stmt *st, struct hd_err *err)
{
	enum db_step step;

	while ((step = db_step(st)) == DB_ROW)
		;
	if (step == DB_DONE)
		return HD_OK;
	if (step == DB_CONSTRAINT)
		return HD_REFUSED;
	return db_step_fail(st, err);
}

long long db_col_int(struct db_stmt *st, int col)
{
	if (st->pg)
		return db_pg_col_int(st->pg, col);
	return sqlite3_column_int64(st->st, col);
}

const char *db_col_text(struct db_stmt *st, int col)
{
	if (st->pg)
		return db_pg_col_text(st->pg, col);
	return (const char *)sqlite3_column_text(st->st, col);
}

bool db_col_null(struct db_stmt *st, int col)
{
	if (st->pg)
		return db_pg_col_null(st->pg, col);
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

const void *db_col_blob(struct db_stmt *st, int col, size_t *n)
{
	if (st->pg)
		return db_pg_col_blob(st->pg, col, n);
	const void *p = sqlite3_column_blob(st->st, col);

	*n = (size_t)sqlite3_column_bytes(st->st, col);
	return p;
}

enum db_kind db_col_kind(struct db_stmt *st, int col)
{
	if (st->pg)
		return db_pg_col_kind(st->pg, col);
	switch (sqlite3_column_type(st->st, col)) {
	case SQLITE_INTEGER:
		return DB_KIND_INT;
	case SQLITE_FLOAT:
		return DB_KIND_REAL;
	case SQLITE_TEXT:
		return DB_KIND_TEXT;
	case SQLITE_BLOB:
		return DB_KIND_BLOB;
	default:
		return DB_KIND_NULL;
	}
}

void db_column_text(struct db_stmt *st, int col, char *out, size_t outsz)
{
	const char *t = db_col_text(st, col);

	snprintf(out, outsz, "%s", t ? t : "");
}

long long db_changes(struct db_stmt *st)
{
	if (st->pg)
		return db_pg_changes(st->pg);
	return sqlite3_changes64(db_sqlite(st->db));
}

void db_reset(struct db_stmt *st)
{
	if (st->pg) {
		db_pg_reset(st->pg);
		return;
	}
	sqlite3_reset(st->st);
	st->rc = SQLITE_OK;
}

/* Reads every row of st into a malloc'd array; gives st back. */
static enum hd_status collect(struct db_stmt *st, size_t elem,
			      void (*read_row)(struct db_stmt *st, void *rec), void **out, int *n,
			      struct hd_err *err)
{
	char *recs = NULL;
	enum hd_status rc = HD_OK;
	enum db_step step;
	int cap = 0, count = 0;

	while ((step = db_step(st)) == DB_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			recs = xrealloc(recs, (size_t)cap * elem);
		}
		memset(recs + (size_t)count * elem, 0, elem);
		read_row(st, recs + (size_t)count * elem);
		count++;
	}
	if (step != DB_DONE) {
		rc = db_step_fail(st, err);
		free(recs);
		recs = NULL;
		count = 0;
	}
	db_done(st);
	*out = recs;
	*n = count;
	return rc;
}

enum hd_status db_collect(struct db *db, const char *sql, const long long *args, int nargs,
			  size_t elem, void (*read_row)(struct db_stmt *st, void *rec), void **out,
			  int *n, struct hd_err *err)
{
	struct db_stmt *st;
	enum hd_status rc;

	*out = NULL;
	*n = 0;
	rc = db_prepare_with(db, sql, args, nargs, &st, err);
	if (rc != HD_OK)
		return rc;
	return collect(st, elem, read_row, out, n, err);
}

enum hd_status db_collect_text(struct db *db, const char *sql, const char *text, size_t elem,
			       void (*read_row)(struct db_stmt *st, void *rec), void **out, int *n,
			       struct hd_err *err)
{
	struct db_stmt *st;
	enum hd_status rc;

	*out = NULL;
	*n = 0;
	rc = db_prepare(db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, text);
	return collect(st, elem, read_row, out, n, err);
}

enum hd_status db_read_one(struct db *db, const char *sql, long long id,
			   void (*read_row)(struct db_stmt *st, void *rec), void *rec,
			   struct hd_err *err)
{
	struct db_stmt *st;
	enum hd_status rc;
	enum db_step step;

	rc = db_prepare(db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, id);
	step = db_step(st);
	if (step == DB_ROW)
		read_row(st, rec);
	else if (step == DB_DONE)
		rc = HD_NOT_FOUND;
	else
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

enum hd_status db_int_of(struct db *db, const char *sql, long long *n, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	*n = 0;
	rc = db_prepare(db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	if (db_step(st) == DB_ROW)
		*n = db_col_int(st, 0);
	else
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}
