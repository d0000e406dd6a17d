/* SPDX-License-Identifier: GPL-3.0-or-later */
/* room.c - the register of rooms. */
#include "core/room.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/booking.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/json.h"
#include "core/search.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/settings.h"
#include "core/text.h"
#include "core/xalloc.h"

static const char SQL_ROOM_JSON[] =
	"SELECT name, kind, capacity, open_min, close_min, buffer_min FROM room WHERE id = $1";
static const char *const ROOM_KEYS[] = {
	"name", "kind", "capacity", "open", "close", "buffer", NULL
};
static const char *const ROOM_CLOSURE_KEYS[] = { "room", "start", "end", "reason", NULL };

static enum hd_status read_hour(const char *in, const char *label, int *out, struct hd_err *err)
{
	if (!text_given(in)) {
		*out = -1;
		return HD_OK;
	}
	if (valid_time(in, label, out, err) != HD_OK)
		return HD_BAD_INPUT;
	if (*out % 30 != 0)
		return hd_err_set(err, HD_BAD_INPUT, label,
				  _("%s: on the hour or half hour (rooms are booked in 30 minutes)"),
				  label);
	return HD_OK;
}

#define ROOM_FIELD(...) RECORD_FIELD(struct room_draft, __VA_ARGS__)
static const struct record_field ROOM_FIELD_LIST[] = { ROOM_FIELDS(ROOM_FIELD) };
const struct record_def ROOM_RECORD = { ROOM_FIELD_LIST, ROOM_NFIELDS };

#define CHECK(m, d, out, outsz, err) record_check(&ROOM_FIELD_LIST[ROOM_F_##m], d, out, outsz, err)

void room_draft_of(const struct room *r, struct room_draft *d, char hours[2][8])
{
	int i, m[2] = { r->open_min, r->close_min };

	for (i = 0; i < 2; i++) {
		hours[i][0] = '\0';
		if (m[i] >= 0)
			snprintf(hours[i], 8, "%02d:%02d", m[i] / 60 % 100, m[i] % 60);
	}
	*d = (struct room_draft){ .name = r->name,
				  .kind = r->kind,
				  .capacity = REC_NUM(r->capacity),
				  .open = hours[0],
				  .close = hours[1],
				  .buffer = REC_NUM(r->buffer_min) };
}

/* Checks the draft into r (id 0). */
static enum hd_status check_draft(struct db *db, const struct room_draft *d, struct room *r,
				  struct hd_err *err)
{
	int open_min, close_min;

	memset(r, 0, sizeof(*r));
	if (CHECK(name, d, r->name, sizeof(r->name), err) != HD_OK)
		return HD_BAD_INPUT;
	if (!d->kind)
		return hd_err_set(err, HD_BAD_INPUT, "kind", _("%s: required"), _("Kind"));
	if (CHECK(kind, d, NULL, 0, err) != HD_OK || CHECK(capacity, d, NULL, 0, err) != HD_OK)
		return HD_BAD_INPUT;
	r->kind = d->kind;
	r->capacity = (int)d->capacity.value;
	if (read_hour(d->open, _("Opens"), &r->open_min, err) != HD_OK ||
	    read_hour(d->close, _("Closes"), &r->close_min, err) != HD_OK)
		return HD_BAD_INPUT;
	room_hours(db, r, &open_min, &close_min);
	if (close_min <= open_min)
		return hd_err_set(err, HD_BAD_INPUT, "close",
				  _("%s: must be after the opening time"), _("Closes"));
	if (CHECK(buffer, d, NULL, 0, err) != HD_OK)
		return HD_BAD_INPUT;
	r->buffer_min = d->buffer.given ? (int)d->buffer.value : 0;
	return HD_OK;
}

/* HD_REFUSED when another room than except (0: any) has the name. */
static enum hd_status name_taken(struct db *db, const char *name, long long except,
				 struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db, "SELECT id FROM room WHERE name = $1 AND id != $2", &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, name);
	db_bind_int(st, 2, except);
	if (db_step(st) == DB_ROW)
		rc = hd_err_set(err, HD_REFUSED, "name",
				_("a room named %s exists already (id %lld)"), name,
				db_col_int(st, 0));
	db_done(st);
	return rc;
}

static void bind_minutes(struct db_stmt *st, int i, int m)
{
	if (m < 0)
		db_bind_null(st, i);
	else
		db_bind_int(st, i, m);
}

/* The room's columns as $1 to $6: name, kind, capacity, opening and
 * closing minutes, buffer. */
static void bind_room(struct db_stmt *st, const struct room *r)
{
	db_bind_text(st, 1, r->name);
	db_bind_int(st, 2, r->kind);
	db_bind_int(st, 3, r->capacity);
	bind_minutes(st, 4, r->open_min);
	bind_minutes(st, 5, r->close_min);
	db_bind_int(st, 6, r->buffer_min);
}

enum hd_status room_add(struct db *db, const struct hd_actor *who, const struct room_draft *d,
			long long *id, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	struct room r;
	enum hd_status rc;
	char *after = NULL;

	rc = check_draft(db, d, &r, err);
	if (rc == HD_OK)
		rc = access_require(db, who, ACC_ADMIN, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = name_taken(db, r.name, 0, err);
	if (rc != HD_OK)
		goto done;
	rc = db_prepare(db,
			"INSERT INTO room(name, kind, capacity, open_min, close_min, buffer_min,"
			" created) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
			&st, err);
	if (rc != HD_OK)
		goto done;
	bind_room(st, &r);
	db_bind_int(st, 7, clock_now());
	if (db_step(st) != DB_ROW) {
		rc = db_step_fail(st, err);
		goto done;
	}
	*id = db_col_int(st, 0);
	rc = search_index_put(db, SEARCH_ROOM, *id, r.name, NULL, err);
	if (rc != HD_OK)
		goto done;
	after = json_row(db, SQL_ROOM_JSON, *id, ROOM_KEYS);
	rc = audit_log(db, who, "room.add", "room", *id, NULL, after, err);
done:
	db_done(st);
	free(after);
	return db_finish(db, rc, err);
}

enum hd_status room_update(struct db *db, const struct hd_actor *who, long long id,
			   const struct room_draft *d, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	struct room r, was;
	enum hd_status rc;
	char *before = NULL, *after = NULL;

	rc = check_draft(db, d, &r, err);
	if (rc == HD_OK)
		rc = access_require(db, who, ACC_ADMIN, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = room_get(db, id, &was, err);
	if (rc == HD_OK)
		rc = name_taken(db, r.name, id, err);
	if (rc == HD_OK)
		rc = db_prepare(db,
				"UPDATE room SET name = $1, kind = $2, capacity = $3, open_min = $4,"
				" close_min = $5, buffer_min = $6 WHERE id = $7",
				&st, err);
	if (rc != HD_OK)
		goto done;
	before = json_row(db, SQL_ROOM_JSON, id, ROOM_KEYS);
	bind_room(st, &r);
	db_bind_int(st, 7, id);
	if (db_step(st) != DB_DONE) {
		rc = db_step_fail(st, err);
		goto done;
	}
	if (strcmp(was.name, r.name) != 0)
		rc = search_index_put(db, SEARCH_ROOM, id, r.name, NULL, err);
	if (rc != HD_OK)
		goto done;
	after = json_row(db, SQL_ROOM_JSON, id, ROOM_KEYS);
	rc = audit_log(db, who, "room.edit", "room", id, before, after, err);
done:
	db_done(st);
	free(before);
	free(after);
	return db_finish(db, rc, err);
}

static const char SQL_ROOM_COLS[] =
	"SELECT id, name, kind, capacity, coalesce(open_min, -1), coalesce(close_min, -1),"
	" buffer_min FROM room";

void room_read_row(struct db_stmt *st, void *rec)
{
	struct room *r = rec;

	r->id = db_col_int(st, 0);
	db_column_text(st, 1, r->name, sizeof(r->name));
	r->kind = (int)db_col_int(st, 2);
	r->capacity = (int)db_col_int(st, 3);
	r->open_min = (int)db_col_int(st, 4);
	r->close_min = (int)db_col_int(st, 5);
	r->buffer_min = (int)db_col_int(st, 6);
}

enum hd_status room_list(struct db *db, struct room **out, int *n, struct hd_err *err)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "%s ORDER BY name", SQL_ROOM_COLS);
	return db_collect(db, sql, NULL, 0, sizeof(**out), room_read_row, (void **)out, n, err);
}

enum hd_status room_get(struct db *db, long long id, struct room *out, struct hd_err *err)
{
	char sql[256];
	enum hd_status rc;

	snprintf(sql, sizeof(sql), "%s WHERE id = $1", SQL_ROOM_COLS);
	rc = db_read_one(db, sql, id, room_read_row, out, err);
	if (rc == HD_NOT_FOUND)
		hd_err_set(err, HD_NOT_FOUND, "id", _("no room with id %lld"), id);
	return rc;
}

void room_hours(struct db *db, const struct room *r, int *open_min, int *close_min)
{
	*open_min = r->open_min >= 0 ? r->open_min : ROOM_DEFAULT_OPEN;
	*close_min = r->close_min >= 0 ? r->close_min : settings_minutes(db, SET_CLOSING_TIME);
}

/* start..end is a period: end after start; HD_BAD_INPUT naming To. */
static enum hd_status check_period(time_t start, time_t end, struct hd_err *err)
{
	if (end <= start)
		return hd_err_set(err, HD_BAD_INPUT, "to", _("%s: must be after the start"),
				  _("To"));
	return HD_OK;
}

enum hd_status room_read_period(const char *from, const char *to, time_t *start, time_t *end,
				struct hd_err *err)
{
	if (clock_parse_local(from, _("From"), start, err) != HD_OK ||
	    clock_parse_local(to, _("To"), end, err) != HD_OK)
		return HD_BAD_INPUT;
	return check_period(*start, *end, err);
}

enum hd_status room_close(struct db *db, const struct hd_actor *who, long long id, time_t start,
			  time_t end, const char *reason, long long *closure_id, struct hd_err *err)
{
	char why[TEXT_BYTES], *after = NULL;
	struct db_stmt *st = NULL;
	struct room r;
	enum hd_status rc;

	if (check_period(start, end, err) != HD_OK)
		return HD_BAD_INPUT;
	if (valid_text(reason, _("Reason"), 1, TEXT_MAX_CHARS, why, sizeof(why), err) != HD_OK)
		return HD_BAD_INPUT;
	rc = access_require(db, who, ACC_APPROVE, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = room_get(db, id, &r, err);
	if (rc != HD_OK)
		goto done;
	rc = db_prepare(db,
			"INSERT INTO room_closure(room_id, start, \"end\", reason, created)"
			" VALUES ($1, $2, $3, $4, $5) RETURNING id",
			&st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, start);
	db_bind_int(st, 3, end);
	db_bind_text(st, 4, why);
	db_bind_int(st, 5, clock_now());
	if (db_step(st) != DB_ROW) {
		rc = db_step_fail(st, err);
		goto done;
	}
	*closure_id = db_col_int(st, 0);
	after = json_row(db,
			 "SELECT room_id, start, \"end\", reason FROM room_closure WHERE id = $1",
			 *closure_id, ROOM_CLOSURE_KEYS);
	rc = audit_log(db, who, "room.close", "room_closure", *closure_id, NULL, after, err);
done:
	db_done(st);
	free(after);
	return db_finish(db, rc, err);
}

static void read_id(struct db_stmt *st, void *rec)
{
	*(long long *)rec = db_col_int(st, 0);
}

/* The ids of the bookings of a room holding a slot inside the period, by
 * start. A booking lasts less than a day (BOOKING_REACH), which bounds the
 * start from below for the room's index. */
static const char SQL_BOOKINGS_IN[] =
	"SELECT id FROM booking WHERE room_id = $1 AND start < $3"
	" AND start > CAST($2 AS BIGINT) - $4 AND \"end\" > $2 AND state IN ('pending', 'confirmed') ORDER BY start, id";

enum hd_status room_bookings_in(struct db *db, long long id, time_t start, time_t end,
				struct booking **out, int *n, struct hd_err *err)
{
	long long args[4], *ids = NULL;
	struct booking *rows = NULL;
	struct room r;
	enum hd_status rc;
	int nids = 0, i;

	*out = NULL;
	*n = 0;
	if (check_period(start, end, err) != HD_OK)
		return HD_BAD_INPUT;
	rc = db_begin_read(db, err);
	if (rc != HD_OK)
		return rc;
	rc = room_get(db, id, &r, err);
	if (rc != HD_OK)
		goto done;
	args[0] = id;
	args[1] = (long long)start;
	args[2] = (long long)end;
	args[3] = BOOKING_REACH;
	rc = db_collect(db, SQL_BOOKINGS_IN, args, 4, sizeof(*ids), read_id, (void **)&ids, &nids,
			err);
	if (rc != HD_OK || nids == 0)
		goto done;
	rows = xcalloc((size_t)nids, sizeof(*rows));
	/* The state as of now: a confirmed booking past its check-in window
	 * is a no-show already, a pending one past its start has lapsed. */
	for (i = 0; i < nids && rc == HD_OK; i++) {
		rc = booking_get(db, ids[i], &rows[*n], err);
		if (rc == HD_OK && (rows[*n].state == BK_PENDING || rows[*n].state == BK_CONFIRMED))
			(*n)++;
	}
done:
	free(ids);
	if (rc != HD_OK || *n == 0) {
		free(rows);
		rows = NULL;
		if (rc != HD_OK)
			*n = 0;
	}
	*out = rows;
	return db_finish(db, rc, err);
}

static void read_closure(struct db_stmt *st, void *rec)
{
	struct room_closure *c = rec;

	c->id = db_col_int(st, 0);
	c->room_id = db_col_int(st, 1);
	c->start = (time_t)db_col_int(st, 2);
	c->end = (time_t)db_col_int(st, 3);
	db_column_text(st, 4, c->reason, sizeof(c->reason));
}

enum hd_status room_closures(struct db *db, long long id, struct room_closure **out, int *n,
			     struct hd_err *err)
{
	long long args[2];

	args[0] = id;
	args[1] = (long long)clock_now();
	*out = NULL;
	*n = 0;
	return db_collect(db,
			  "SELECT id, room_id, start, \"end\", reason FROM room_closure"
			  " WHERE room_id = $1 AND \"end\" > $2 ORDER BY start, id",
			  args, 2, sizeof(**out), read_closure, (void **)out, n, err);
}
