/* SPDX-License-Identifier: GPL-3.0-or-later */
/* closure.c - whole-centre closures, and working days (调休) that open a
 * weekday closed every week. */
#include "core/closure.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/settings.h"

static const char SQL_JSON[] = "SELECT from_date, to_date, reason FROM closure WHERE id = $1";
static const char *const CLOSURE_KEYS[] = { "from", "to", "reason", NULL };

static const char SQL_COLS[] = "SELECT id, from_date, to_date, reason FROM closure";

static void read_row(struct db_stmt *st, void *rec)
{
	struct closure *c = rec;

	c->id = db_col_int(st, 0);
	db_column_text(st, 1, c->from, sizeof(c->from));
	db_column_text(st, 2, c->to, sizeof(c->to));
	db_column_text(st, 3, c->reason, sizeof(c->reason));
}

enum hd_status closure_add(struct db *db, const struct hd_actor *who, long from, long to,
			   const char *reason, long long *id, struct hd_err *err)
{
	char f[DATE_LEN], t[DATE_LEN], why[TEXT_BYTES], *after = NULL;
	struct db_stmt *st = NULL;
	enum hd_status rc;

	if (valid_text(reason, _("Reason"), 1, TEXT_MAX_CHARS, why, sizeof(why), err))
		return HD_BAD_INPUT;
	if (to < from)
		return hd_err_set(err, HD_BAD_INPUT, "to", _("%s: must not be before the start"),
				  _("To"));
	rc = access_require(db, who, ACC_APPROVE, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	clock_date_of(from, f, sizeof(f));
	clock_date_of(to, t, sizeof(t));
	rc = db_prepare(db,
			"INSERT INTO closure(from_date, to_date, reason, created)"
			" VALUES ($1, $2, $3, $4) RETURNING id",
			&st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_text(st, 1, f);
	db_bind_text(st, 2, t);
	db_bind_text(st, 3, why);
	db_bind_int(st, 4, clock_now());
	if (db_step(st) != DB_ROW) {
		rc = db_step_fail(st, err);
		goto done;
	}
	*id = db_col_int(st, 0);
	after = json_row(db, SQL_JSON, *id, CLOSURE_KEYS);
	rc = audit_log(db, who, "closure.add", "closure", *id, NULL, after, err);
done:
	db_done(st);
	free(after);
	return db_finish(db, rc, err);
}

enum hd_status closure_list(struct db *db, bool all, struct closure **out, int *n,
			    struct hd_err *err)
{
	char sql[256], today[DATE_LEN];

	clock_local_date(clock_now(), today, sizeof(today));
	snprintf(sql, sizeof(sql), "%s WHERE to_date >= $1 ORDER BY from_date, id", SQL_COLS);
	return db_collect_text(db, sql, all ? "" : today, sizeof(**out), read_row, (void **)out, n,
			       err);
}

enum hd_status closure_get(struct db *db, long long id, struct closure *out, struct hd_err *err)
{
	char sql[256];
	enum hd_status rc;

	snprintf(sql, sizeof(sql), "%s WHERE id = $1", SQL_COLS);
	rc = db_read_one(db, sql, id, read_row, out, err);
	if (rc == HD_NOT_FOUND)
		hd_err_set(err, rc, "id", _("no closure with id %lld"), id);
	return rc;
}

enum hd_status closure_remove(struct db *db, const struct hd_actor *who, long long id,
			      struct hd_err *err)
{
	char *before = NULL;
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = access_require(db, who, ACC_APPROVE, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	before = json_row(db, SQL_JSON, id, CLOSURE_KEYS);
	if (!before) {
		struct closure gone;

		rc = closure_get(db, id, &gone, err);
		if (rc == HD_OK)
			rc = HD_FAIL;
		goto done;
	}
	rc = db_prepare(db, "DELETE FROM closure WHERE id = $1", &st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_int(st, 1, id);
	rc = db_run(st, err);
	if (rc != HD_OK)
		goto done;
	rc = audit_log(db, who, "closure.remove", "closure", id, before, NULL, err);
done:
	db_done(st);
	free(before);
	return db_finish(db, rc, err);
}

bool closure_covers(struct db *db, long day, struct closure *out)
{
	char sql[256], date[DATE_LEN];
	struct db_stmt *st = NULL;
	bool found = false;

	snprintf(sql, sizeof(sql), "%s WHERE to_date >= $1 AND from_date <= $1 LIMIT 1", SQL_COLS);
	if (db_prepare(db, sql, &st, NULL) != HD_OK)
		goto done;
	clock_date_of(day, date, sizeof(date));
	db_bind_text(st, 1, date);
	if (db_step(st) == DB_ROW) {
		found = true;
		if (out)
			read_row(st, out);
	}
done:
	db_done(st);
	return found;
}

bool closure_weekday_closes(struct db *db, long day)
{
	struct db_stmt *st = NULL;
	char date[DATE_LEN];
	bool opened = false;

	if (!settings_closed_weekday(db, clock_weekday_of_day(day)))
		return false;
	if (db_prepare(db, "SELECT 1 FROM opening WHERE day = $1", &st, NULL) == HD_OK) {
		clock_date_of(day, date, sizeof(date));
		db_bind_text(st, 1, date);
		opened = db_step(st) == DB_ROW;
	}
	db_done(st);
	return !opened;
}

enum hd_status closure_open_day(struct db *db, const struct hd_actor *who, long date,
				const char *reason, long long *id, struct hd_err *err)
{
	char day[DATE_LEN], why[TEXT_BYTES], after[DATE_LEN + TEXT_BYTES + 64];
	enum hd_status rc;
	struct db_stmt *st = NULL;

	if (valid_text(reason, _("Reason"), 1, TEXT_MAX_CHARS, why, sizeof(why), err))
		return HD_BAD_INPUT;
	rc = access_require(db, who, ACC_APPROVE, err);
	if (rc != HD_OK)
		return rc;
	clock_date_of(date, day, sizeof(day));
	if (!settings_closed_weekday(db, clock_weekday_of_day(date)))
		return hd_err_set(
			err, HD_REFUSED, "date",
			_("%s is open anyway: only a weekday closed every week needs a working day."),
			day);
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(
		db,
		"INSERT INTO opening(day, reason, created) VALUES ($1, $2, $3)"
		" ON CONFLICT(centre_id, day) DO UPDATE SET reason = excluded.reason RETURNING id",
		&st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_text(st, 1, day);
	db_bind_text(st, 2, why);
	db_bind_int(st, 3, clock_now());
	if (db_step(st) != DB_ROW) {
		rc = db_step_fail(st, err);
		goto done;
	}
	*id = db_col_int(st, 0);
	snprintf(after, sizeof(after), "{\"open\":\"%s\"}", day);
	rc = audit_log(db, who, "closure.open", "opening", *id, NULL, after, err);
done:
	db_done(st);
	return db_finish(db, rc, err);
}
