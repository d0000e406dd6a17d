/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centre_load.c - a SQLite hubdesk file moved whole into a centre of a
 * district's PostgreSQL database (the tables and their copy:
 * core/centre_rows.c).
 *
 * PostgreSQL's ids are identities all centres share, so the file's ids of
 * a table move by one shift: a block of the table's sequence as large as
 * the highest id the file names of the table (its rows', and those its
 * other rows still refer to when the rows are gone: an erased visitor's,
 * a deleted record's in the audit) is reserved first, each table in a short
 * transaction of its own that takes the sequence's lock (ALTER SEQUENCE
 * waits for every transaction that took an id of it and holds back every
 * desk that would take one until it ends), reads where the sequence is (or
 * the highest id of every centre, when that is higher) and moves it past
 * the block. No desk of another centre can be given an id inside the
 * block, whatever it does meanwhile; the load may leave ids unused. The
 * shift is at least that highest id (or 0, the table never used): every
 * id of the centre after the move is above the file's, so a number up to
 * the file's highest is always one of the file's (centre_moved_id).
 *
 * The rows then go in one transaction, the centre's write turn. */
#include "core/centre_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/centre.h"
#include "core/centre_rows.h"
#include "core/i18n.h"
#include "core/json.h"

/* Where one load is. */
struct load {
	struct centre_rows rows;
	long long last[MV_COUNT]; /* the highest id of each table the file names */
};

/* Reserves a block of table t's identity for the file's ids 1..need:
 * *shift is where the block starts, less one (see the top of the file).
 * Its own short transaction. */
static enum hd_status reserve(struct db *db, const char *table, long long need, long long *shift,
			      struct hd_err *err)
{
	/* With no centre set, the owner reads every centre's rows (policy
	 * hd_every) until this transaction ends. */
	static const char ARGS[] = "SELECT set_config('hubdesk.load_table', $1, true),"
				   " set_config('hubdesk.load_need', $2::bigint::text, true),"
				   " set_config('hubdesk.centre', '', true)";
	/* ALTER SEQUENCE takes the sequence's SHARE ROW EXCLUSIVE lock, which
	 * nextval's ROW EXCLUSIVE lock (held to the end of its transaction)
	 * conflicts with: until this transaction ends, no other can take an
	 * id of the table, and none that took one is still open. */
	static const char BLOCK[] =
		"DO $$ DECLARE"
		" s text := pg_get_serial_sequence(current_setting('hubdesk.load_table'), 'id');"
		" need bigint := current_setting('hubdesk.load_need')::bigint;"
		" last bigint; moved bigint;"
		" BEGIN"
		" EXECUTE format('ALTER SEQUENCE %s NO CYCLE', s);"
		" EXECUTE format('SELECT coalesce(max(id), 0) FROM %I',"
		"  current_setting('hubdesk.load_table')) INTO last;"
		" last := greatest(last, coalesce(pg_sequence_last_value(s::regclass), 0));"
		" moved := CASE WHEN last = 0 THEN 0 ELSE greatest(last, need) END;"
		" PERFORM setval(s, moved + need);"
		" PERFORM set_config('hubdesk.load_shift', moved::text, true);"
		" END $$";
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(db, ARGS, &st, err);
	if (rc == HD_OK) {
		db_bind_text(st, 1, table);
		db_bind_int(st, 2, need);
		rc = db_step(st) == DB_ROW ? HD_OK : db_step_fail(st, err);
	}
	db_done(st);
	if (rc == HD_OK)
		rc = db_exec(db, BLOCK, 0, 0, 0, err);
	if (rc == HD_OK)
		rc = db_int_of(db, "SELECT current_setting('hubdesk.load_shift')::bigint", shift,
			       err);
	return db_finish(db, rc, err);
}

/* HD_REFUSED naming the centre when it holds records already (its key
 * and settings, and the audit of its making, do not count). */
static enum hd_status check_empty(struct db *db, struct hd_err *err)
{
	char held[512] = "";
	struct centre c;
	size_t used = 0;
	long long n;
	enum hd_status rc = HD_OK;
	int i;

	for (i = 0; rc == HD_OK && i < centre_rows_tables(); i++) {
		if (!centre_rows_is_record(i))
			continue;
		n = 0;
		rc = db_int_of(db, centre_rows_count_sql(i), &n, err);
		if (rc == HD_OK && n > 0 && used + 48 < sizeof(held))
			used += (size_t)snprintf(held + used, sizeof(held) - used, "%s%s %lld",
						 used ? ", " : "", centre_rows_name(i), n);
	}
	if (rc != HD_OK || !held[0])
		return rc;
	rc = centre_current(db, &c, err);
	if (rc != HD_OK)
		return rc;
	return hd_err_set(err, HD_REFUSED, "--centre",
			  _("--centre: centre %s holds records already (%s); a file is loaded "
			    "only into a centre that holds none"),
			  c.code, held);
}

/* HD_REFUSED naming FILE when the file at path (src) holds no records:
 * a file made by init and never used has nothing to move, and its audit
 * alone would leave the centre looking empty to a second load. */
static enum hd_status check_file_holds(struct db *src, const char *path, struct hd_err *err)
{
	long long n = 0, all = 0;
	enum hd_status rc = HD_OK;
	int i;

	for (i = 0; rc == HD_OK && i < centre_rows_tables(); i++) {
		if (!centre_rows_is_record(i))
			continue;
		rc = db_int_of(src, centre_rows_count_sql(i), &n, err);
		all += n;
	}
	if (rc == HD_OK && all == 0)
		rc = hd_err_set(err, HD_REFUSED, "FILE",
				_("FILE: %s holds no records; there is nothing to load"), path);
	return rc;
}

/* HD_REFUSED naming db unless the role connected owns the tables (the
 * district's owner): only the owner may move their id sequences. */
static enum hd_status check_owner(struct db *db, struct hd_err *err)
{
	long long owner = 0;
	enum hd_status rc;

	rc = db_int_of(db,
		       "SELECT count(*) FROM pg_class WHERE oid = to_regclass('visit')"
		       " AND pg_has_role(relowner, 'MEMBER')",
		       &owner, err);
	if (rc == HD_OK && !owner)
		rc = hd_err_set(
			err, HD_REFUSED, "db", "%s",
			_("db: a file is loaded by the database's owner (it reserves ids "
			  "for every centre); connect as the owner, not a centre's account"));
	return rc;
}

/* Writes how the ids moved (centre_move), for the codes printed before. */
static enum hd_status record_moves(struct load *ld, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	int i;

	rc = db_prepare(ld->rows.dst,
			"INSERT INTO centre_move(centre_id, kind, last_old, shift)"
			" VALUES ($1, $2, $3, $4)",
			&st, err);
	for (i = 0; rc == HD_OK && i < MV_COUNT; i++) {
		if (ld->last[i] == 0)
			continue;
		db_bind_int(st, 1, db_centre(ld->rows.dst));
		db_bind_text(st, 2, centre_moved_table((enum centre_moved)i));
		db_bind_int(st, 3, ld->last[i]);
		db_bind_int(st, 4, ld->rows.shift[i]);
		rc = db_run(st, err);
		if (rc == HD_REFUSED)
			rc = db_step_fail(st, err);
		db_reset(st);
	}
	db_done(st);
	return rc;
}

/* The audit of the move: the file and what came of it. */
static enum hd_status audit_move(struct load *ld, const struct hd_actor *who, const char *path,
				 const struct centre_load_count *counts, struct hd_err *err)
{
	struct json_out o;
	enum hd_status rc;
	char *after;
	int i;

	json_begin(&o);
	json_add_text(&o, "file", path);
	for (i = 0; i < counts->n; i++)
		json_add_int(&o, counts->k[i].kind, counts->k[i].rows);
	after = json_end(&o);
	rc = audit_log(ld->rows.dst, who, "centre.load", "centre", db_centre(ld->rows.dst), NULL,
		       after, err);
	free(after);
	return rc;
}

/* The copy itself, in the centre's write turn. */
static enum hd_status copy_all(struct load *ld, const struct hd_actor *who, const char *path,
			       struct centre_load_count *counts, struct hd_err *err)
{
	enum hd_status rc;
	int i;

	rc = db_begin(ld->rows.dst, err);
	if (rc != HD_OK)
		return rc;
	rc = check_empty(ld->rows.dst, err);
	for (i = 0; rc == HD_OK && i < centre_rows_tables(); i++) {
		counts->k[i].kind = centre_rows_name(i);
		rc = centre_rows_copy(&ld->rows, i, &counts->k[i].rows, err);
		counts->n = i + 1;
	}
	if (rc == HD_OK)
		rc = record_moves(ld, err);
	if (rc == HD_OK)
		rc = audit_move(ld, who, path, counts, err);
	return db_finish(ld->rows.dst, rc, err);
}

enum hd_status centre_load(struct db *db, const struct hd_actor *who, const char *path,
			   centre_load_progress_fn progress, void *ctx,
			   struct centre_load_count *counts, struct hd_err *err)
{
	struct load ld;
	enum hd_status rc;
	int i;

	memset(counts, 0, sizeof(*counts));
	memset(&ld, 0, sizeof(ld));
	ld.rows.dst = db;
	ld.rows.progress = progress;
	ld.rows.ctx = ctx;
	if (!db_is_server(db))
		return hd_err_set(err, HD_BAD_INPUT, "db", "%s",
				  _("db: a file is loaded into a centre of a district's PostgreSQL "
				    "database; --db names a SQLite file"));
	if (db_centre(db) <= 0)
		return hd_err_set(err, HD_BAD_INPUT, "--centre", "%s",
				  _("--centre: name the centre the file moves into"));
	if (!path || !*path || db_path_is_server(path))
		return hd_err_set(err, HD_BAD_INPUT, "FILE", "%s",
				  _("FILE: give the path of a hubdesk SQLite file"));
	rc = check_owner(db, err);
	if (rc == HD_OK)
		rc = check_empty(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_open(path, DB_EXISTING, &ld.rows.src, err);
	if (rc != HD_OK)
		return rc;
	/* One read of the file from start to end: what it holds is the same
	 * for every table. */
	rc = db_begin_read(ld.rows.src, err);
	if (rc == HD_OK)
		rc = check_file_holds(ld.rows.src, path, err);
	if (rc == HD_OK)
		rc = centre_rows_last(ld.rows.src, ld.last, err);
	for (i = 0; rc == HD_OK && i < MV_COUNT; i++)
		if (ld.last[i] > 0)
			rc = reserve(db, centre_moved_table((enum centre_moved)i), ld.last[i],
				     &ld.rows.shift[i], err);
	if (rc == HD_OK)
		rc = copy_all(&ld, who, path, counts, err);
	db_rollback(ld.rows.src);
	db_close(ld.rows.src);
	return rc;
}

/* The table of each kind of token (token.h). */
static const char *token_table(char kind)
{
	switch (kind) {
	case 'V':
		return "visit";
	case 'B':
		return "booking";
	case 'T':
		return "team";
	case 'P':
		return "spool";
	default:
		return NULL;
	}
}

enum hd_status centre_moved_id(struct db *db, char kind, long long n, long long *id,
			       struct hd_err *err)
{
	struct db_stmt *st = NULL;
	const char *table = token_table(kind);
	enum hd_status rc;
	enum db_step step;

	*id = n;
	if (!table)
		return HD_OK;
	rc = db_prepare(db,
			"SELECT shift FROM centre_move WHERE centre_id = $1 AND kind = $2"
			" AND last_old >= $3",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, db_centre(db));
	db_bind_text(st, 2, table);
	db_bind_int(st, 3, n);
	step = db_step(st);
	if (step == DB_ROW)
		*id = n + db_col_int(st, 0);
	else if (step != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}
