/* SPDX-License-Identifier: GPL-3.0-or-later */
/* booking.c - adding, reading, cancelling and checking in bookings; the
 * release of no-shows. The rules themselves are in booking_rules.c. */
#include "core/booking.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/booking_rules.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/print_request.h"
#include "core/settings.h"
#include "core/team.h"
#include "core/text.h"

/* The words are stored in the table; they are msgids too. */
static const char *const STATE_WORDS[] = {
	[BK_PENDING] = N_("pending"),       [BK_CONFIRMED] = N_("confirmed"),
	[BK_CHECKED_IN] = N_("checked_in"), [BK_CANCELLED] = N_("cancelled"),
	[BK_RELEASED] = N_("released"),     [BK_REJECTED] = N_("rejected"),
	[BK_LAPSED] = N_("lapsed"),
};

const char *booking_state_word(enum booking_state s)
{
	return s >= BK_PENDING && s <= BK_LAPSED ? STATE_WORDS[s] : "?";
}

static enum booking_state state_of(const char *word)
{
	int i;

	for (i = BK_PENDING; word && i <= BK_LAPSED; i++)
		if (strcmp(word, STATE_WORDS[i]) == 0)
			return (enum booking_state)i;
	return BK_CANCELLED;
}

/* The state as of now: time decides no-shows and lapses for every reader,
 * before booking_release_due() writes them. $1 is now, $2 the check-in
 * window in seconds. */
// clang-format off
static const char SQL_BOOKING_COLS[] =
	"SELECT b.id, b.room_id, coalesce(b.org_id, 0), coalesce(b.team_id, 0),"
	" coalesce(b.series_id, 0), r.name,"
	" CASE WHEN b.org_id IS NOT NULL THEN o.name ELSE t.name END,"
	" CASE WHEN b.org_id IS NOT NULL THEN o.short ELSE t.short END,"
	" b.start, b.\"end\", b.attendees, coalesce(b.purpose, ''),"
	" " BOOKING_STATE_NOW_SQL("$1", "$2") ","
	" b.late_cancel, " BOOKING_NOSHOW_NOW_SQL("$1", "$2") ","
	" coalesce(b.checkin_at, 0), coalesce(b.cancelled_at, 0)"
	" FROM booking b JOIN room r ON r.id = b.room_id"
	" LEFT JOIN org o ON o.id = b.org_id LEFT JOIN team t ON t.id = b.team_id";
// clang-format on

static void read_booking(struct db_stmt *st, void *rec)
{
	struct booking *b = rec;
	char word[16];

	b->id = db_col_int(st, 0);
	b->room_id = db_col_int(st, 1);
	b->org_id = db_col_int(st, 2);
	b->team_id = db_col_int(st, 3);
	b->series_id = db_col_int(st, 4);
	db_column_text(st, 5, b->room, sizeof(b->room));
	db_column_text(st, 6, b->booker, sizeof(b->booker));
	db_column_text(st, 7, b->booker_short, sizeof(b->booker_short));
	b->start = (time_t)db_col_int(st, 8);
	b->end = (time_t)db_col_int(st, 9);
	b->attendees = (int)db_col_int(st, 10);
	db_column_text(st, 11, b->purpose, sizeof(b->purpose));
	db_column_text(st, 12, word, sizeof(word));
	b->state = state_of(word);
	b->late_cancel = db_col_int(st, 13) != 0;
	b->noshow = db_col_int(st, 14) != 0;
	b->checkin_at = (time_t)db_col_int(st, 15);
	b->cancelled_at = (time_t)db_col_int(st, 16);
}

/* Runs sql, a change of bookings, with args[0..nargs) as $1..$n; *changed,
 * when not NULL, the rows it changed. HD_FAIL when the database fails. */
static enum hd_status change_bookings(struct db *db, const char *sql, const long long *args,
				      int nargs, long long *changed, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare_with(db, sql, args, nargs, &st, err);
	if (rc != HD_OK)
		return rc;
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	else if (changed)
		*changed = db_changes(st);
	db_done(st);
	return rc;
}

static long long window_seconds(struct db *db)
{
	return settings_int(db, SET_BOOKING_CHECKIN_MINUTES) * 60;
}

/* The bookings SQL_BOOKING_COLS reads with where (and its order), states
 * as of now: args[0] and args[1] are filled here (now, the check-in
 * window), the caller's own from args[2] on. */
static enum hd_status bookings_where(struct db *db, const char *where, long long *args, int nargs,
				     struct booking **out, int *n, struct hd_err *err)
{
	char sql[2048];

	args[0] = (long long)clock_now();
	args[1] = window_seconds(db);
	snprintf(sql, sizeof(sql), "%s %s", SQL_BOOKING_COLS, where);
	return db_collect(db, sql, args, nargs, sizeof(**out), read_booking, (void **)out, n, err);
}

enum hd_status booking_get(struct db *db, long long id, struct booking *out, struct hd_err *err)
{
	long long args[3];
	struct booking *rows = NULL;
	enum hd_status rc;
	int n = 0;

	args[2] = id;
	rc = bookings_where(db, "WHERE b.id = $3", args, 3, &rows, &n, err);
	if (rc == HD_OK && n == 0)
		rc = hd_err_set(err, HD_NOT_FOUND, "id", _("no booking with id %lld"), id);
	if (rc == HD_OK)
		*out = rows[0];
	free(rows);
	return rc;
}

enum hd_status booking_day(struct db *db, long day, long long room_id, struct booking **out, int *n,
			   struct hd_err *err)
{
	long long args[5];

	*out = NULL;
	*n = 0;
	args[2] = (long long)clock_local_midnight(day);
	args[3] = (long long)clock_local_midnight(day + 1);
	args[4] = room_id;
	return bookings_where(db,
			      "WHERE b.start >= $3 AND b.start < $4"
			      " AND (CAST($5 AS BIGINT) = 0 OR b.room_id = $5)"
			      " ORDER BY r.name, b.start",
			      args, 5, out, n, err);
}

enum hd_status booking_between(struct db *db, long long room_id, time_t from, time_t to,
			       struct booking **out, int *n, struct hd_err *err)
{
	long long args[5];

	args[2] = (long long)from;
	args[3] = (long long)to;
	args[4] = room_id;
	return bookings_where(db,
			      "WHERE b.start >= $3 AND b.start < $4"
			      " AND (CAST($5 AS BIGINT) = 0 OR b.room_id = $5)"
			      " ORDER BY b.id",
			      args, 5, out, n, err);
}

enum hd_status booking_waiting(struct db *db, struct booking **out, int *n, struct hd_err *err)
{
	long long args[2];

	return bookings_where(db, "WHERE b.state = 'pending' AND b.start > $1 ORDER BY b.start",
			      args, 2, out, n, err);
}

enum hd_status booking_of_booker(struct db *db, struct booker booker, time_t since, int max,
				 struct booking **out, int *n, struct hd_err *err)
{
	long long args[6];

	args[2] = booker.kind == BOOKER_ORG ? booker.id : 0;
	args[3] = booker.kind == BOOKER_TEAM ? booker.id : 0;
	args[4] = (long long)since;
	args[5] = max;
	return bookings_where(db,
			      "WHERE (($3 != 0 AND b.org_id = $3) OR ($4 != 0 AND b.team_id = $4))"
			      " AND b.start >= $5 ORDER BY b.start LIMIT $6",
			      args, 6, out, n, err);
}

/* An organisation that has left: its id and its date of leaving. */
struct org_out {
	long long id;
	char date[16];
};

static void read_org_out(struct db_stmt *st, void *rec)
{
	struct org_out *o = rec;

	o->id = db_col_int(st, 0);
	db_column_text(st, 1, o->date, sizeof(o->date));
}

/* Whether a booking of an organisation falls on a local day after the day
 * it left (dates compared as text, "YYYY-MM-DD"). */
static bool after_leaving(const struct booking *b, const struct org_out *outs, int nouts)
{
	char day[16];

	clock_local_date(b->start, day, sizeof(day));
	for (int i = 0; i < nouts; i++)
		if (outs[i].id == b->org_id)
			return strcmp(day, outs[i].date) > 0;
	return false;
}

enum hd_status booking_stranded(struct db *db, struct booking **out, int *n, struct hd_err *err)
{
	long long args[3];
	struct org_out *outs = NULL;
	int nouts = 0, kept = 0;
	enum hd_status rc;

	*out = NULL;
	*n = 0;
	rc = db_collect(db, "SELECT id, out_date FROM org WHERE out_date IS NOT NULL", NULL, 0,
			sizeof(*outs), read_org_out, (void **)&outs, &nouts, err);
	if (rc != HD_OK)
		return rc;
	args[2] = TEAM_DEREGISTERED;
	rc = bookings_where(db,
			    "WHERE b.state IN ('pending', 'confirmed') AND b.start > $1"
			    " AND (b.team_id IN (SELECT id FROM team WHERE state = $3)"
			    "  OR b.org_id IN (SELECT id FROM org WHERE out_date IS NOT NULL))"
			    " ORDER BY b.start",
			    args, 3, out, n, err);
	for (int i = 0; rc == HD_OK && i < *n; i++)
		if (!(*out)[i].org_id || after_leaving(&(*out)[i], outs, nouts))
			(*out)[kept++] = (*out)[i];
	if (rc == HD_OK)
		*n = kept;
	free(outs);
	return rc;
}

enum hd_status booking_release_in(struct db *db, int *released, struct hd_err *err)
{
	long long args[2] = { (long long)clock_now(), window_seconds(db) }, changed = 0;
	enum hd_status rc;

	*released = 0;
	rc = change_bookings(db,
			     "UPDATE booking SET state = 'released', noshow = 1, updated = $1"
			     " WHERE state IN ('pending', 'confirmed') AND state = 'confirmed'"
			     " AND start < CAST($1 AS BIGINT) - $2",
			     args, 2, &changed, err);
	if (rc != HD_OK)
		return rc;
	*released = (int)changed;
	return change_bookings(
		db,
		"UPDATE booking SET state = 'lapsed', updated = $1"
		" WHERE state IN ('pending', 'confirmed') AND state = 'pending' AND start <= $1",
		args, 1, NULL, err);
}

enum hd_status booking_release_due(struct db *db, int *released, struct hd_err *err)
{
	enum hd_status rc = db_begin(db, err);

	if (rc != HD_OK)
		return rc;
	return db_finish(db, booking_release_in(db, released, err), err);
}

static const char SQL_BOOKING_JSON[] =
	"SELECT room_id, org_id, team_id, start, \"end\", attendees, purpose, state, late_cancel,"
	" series_id, exception FROM booking WHERE id = $1";
static const char *const BOOKING_KEYS[] = { "room",        "org",       "team",      "start",
					    "end",         "attendees", "purpose",   "state",
					    "late_cancel", "series",    "exception", NULL };

char *booking_json(struct db *db, long long id)
{
	return json_row(db, SQL_BOOKING_JSON, id, BOOKING_KEYS);
}

enum hd_status booking_audit(struct db *db, const struct hd_actor *who, const char *action,
			     long long id, char *before, struct hd_err *err)
{
	char *after = booking_json(db, id);
	enum hd_status rc = audit_log(db, who, action, "booking", id, before, after, err);

	free(after);
	return rc;
}

/* Inside the caller's transaction, after plan_check(). A write the
 * triggers refuse is the room taken; it is made in a savepoint, so the
 * caller's transaction goes on after a refusal on every backend (a failed
 * statement would end PostgreSQL's). */
enum hd_status plan_insert(struct db *db, const struct hd_actor *who, const struct booking_plan *p,
			   long long series_id, long long *id, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;

	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(
		db,
		"INSERT INTO booking(room_id, org_id, team_id, start, \"end\", hold_end, attendees,"
		" purpose, state, series_id, created, updated) VALUES ($1,"
		" nullif(CAST($2 AS BIGINT), 0), nullif(CAST($3 AS BIGINT), 0), $4, $5, $6, $7,"
		" nullif($8, ''), $9, nullif(CAST($10 AS BIGINT), 0), $11, $11) RETURNING id",
		&st, err);
	if (rc != HD_OK)
		return db_finish(db, rc, err);
	db_bind_int(st, 1, p->room.id);
	db_bind_int(st, 2, p->org_id);
	db_bind_int(st, 3, p->team_id);
	db_bind_int(st, 4, p->start);
	db_bind_int(st, 5, p->end);
	db_bind_int(st, 6, p->end + p->room.buffer_min * 60);
	db_bind_int(st, 7, p->attendees);
	db_bind_text(st, 8, p->purpose);
	db_bind_text(st, 9, p->team_id && actor_role(who) < ROLE_STAFF ? "pending" : "confirmed");
	db_bind_int(st, 10, series_id);
	db_bind_int(st, 11, clock_now());
	step = db_step(st);
	if (step == DB_ROW)
		*id = db_col_int(st, 0);
	else if (step == DB_CONSTRAINT)
		rc = hd_err_set(err, HD_REFUSED, "start",
				_("The room is taken at that time by another booking."));
	else
		rc = db_step_fail(st, err);
	db_done(st);
	return db_finish(db, rc, err);
}

enum hd_status booking_add(struct db *db, const struct hd_actor *who, enum access_via how,
			   const struct booking_draft *d, long long *id, struct hd_err *err)
{
	struct booking_plan p;
	enum hd_status rc;
	int released;

	rc = plan_read(db, d, &p, err);
	if (rc == HD_OK)
		rc = access_require_via(db, who, ACC_BOOK, how, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = booking_release_in(db, &released, err);
	if (rc == HD_OK)
		rc = plan_check(db, who, &p, 0, err);
	if (rc == HD_OK)
		rc = plan_insert(db, who, &p, 0, id, err);
	if (rc == HD_OK)
		rc = booking_audit(db, who, "booking.add", *id, NULL, err);
	if (rc == HD_OK && d->print)
		rc = print_request(db, SPOOL_KIND_BOOKING, *id, err);
	return db_finish(db, rc, err);
}

enum hd_status booking_cancel_in(struct db *db, const struct hd_actor *who, long long id,
				 bool *already, struct hd_err *err)
{
	struct booking b;
	enum hd_status rc;
	char *before = NULL;
	long long now = (long long)clock_now();
	bool late;

	*already = false;
	rc = booking_get(db, id, &b, err);
	if (rc != HD_OK)
		return rc;
	if (b.state == BK_CANCELLED) {
		*already = true;
		return HD_OK;
	}
	if (b.state != BK_PENDING && b.state != BK_CONFIRMED)
		return hd_err_set(err, HD_REFUSED, "id",
				  _("Booking %lld is %s: it cannot be cancelled."), id,
				  _(booking_state_word(b.state)));
	late = (long long)b.start - now < settings_int(db, SET_BOOKING_CANCEL_LATE_HOURS) * 3600;
	before = booking_json(db, id);
	rc = change_bookings(
		db,
		"UPDATE booking SET state = 'cancelled', cancelled_at = $2, late_cancel = $3,"
		" exception = CASE WHEN series_id IS NOT NULL THEN 1 ELSE 0 END, updated = $2"
		" WHERE id = $1",
		(const long long[]){ id, now, late }, 3, NULL, err);
	if (rc == HD_OK)
		rc = booking_audit(db, who, "booking.cancel", id, before, err);
	free(before);
	return rc;
}

enum hd_status booking_cancel(struct db *db, const struct hd_actor *who, enum access_via how,
			      long long id, bool *already, struct hd_err *err)
{
	enum hd_status rc;

	*already = false;
	rc = access_require_via(db, who, ACC_BOOK, how, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	return db_finish(db, booking_cancel_in(db, who, id, already, err), err);
}

enum hd_status booking_checkin(struct db *db, const struct hd_actor *who, enum access_via how,
			       long long id, bool *already, time_t *when, struct hd_err *err)
{
	char day[32], from[16], to[16];
	struct booking b;
	enum hd_status rc;
	long long now = (long long)clock_now(), w = window_seconds(db);

	*already = false;
	*when = 0;
	rc = access_require_via(db, who, ACC_BOOKING_CHECKIN, how, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = booking_get(db, id, &b, err);
	if (rc != HD_OK)
		goto done;
	if (b.state == BK_CHECKED_IN) {
		*already = true;
		*when = b.checkin_at;
		goto done;
	}
	if (b.state != BK_CONFIRMED) {
		rc = hd_err_set(err, HD_REFUSED, "id", _("Booking %lld is %s: no check-in."), id,
				_(booking_state_word(b.state)));
		goto done;
	}
	if (now < (long long)b.start - w || now > (long long)b.start + w) {
		clock_local_day(b.start, day, sizeof(day));
		clock_local_hm(b.start - (time_t)w, from, sizeof(from));
		clock_local_hm(b.start + (time_t)w, to, sizeof(to));
		rc = hd_err_set(err, HD_REFUSED, "id",
				_("Check-in for booking %lld is open on %s from %s to %s only."),
				id, day, from, to);
		goto done;
	}
	rc = change_bookings(db,
			     "UPDATE booking SET state = 'checked_in', checkin_at = $2, updated = $2"
			     " WHERE id = $1",
			     (const long long[]){ id, now }, 2, NULL, err);
	if (rc == HD_OK)
		rc = booking_audit(db, who, "booking.checkin", id, NULL, err);
done:
	return db_finish(db, rc, err);
}

enum hd_status booking_decide_in(struct db *db, const struct hd_actor *who, long long id,
				 enum booking_state to_state, const char *reason, bool *already,
				 struct hd_err *err)
{
	char *before = NULL;
	struct db_stmt *st = NULL;
	struct booking b;
	enum hd_status rc;

	*already = false;
	rc = booking_get(db, id, &b, err);
	if (rc != HD_OK)
		return rc;
	if (b.state == to_state) {
		*already = true;
		return HD_OK;
	}
	if (b.state != BK_PENDING)
		return hd_err_set(err, HD_REFUSED, "id",
				  _("Booking %lld is %s, not waiting for approval."), id,
				  _(booking_state_word(b.state)));
	before = booking_json(db, id);
	rc = db_prepare(db,
			"UPDATE booking SET state = $2, reason = nullif($3, ''), updated = $4"
			" WHERE id = $1",
			&st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, booking_state_word(to_state));
	db_bind_text(st, 3, reason ? reason : "");
	db_bind_int(st, 4, clock_now());
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	else
		rc = booking_audit(db, who,
				   to_state == BK_CONFIRMED ? "booking.approve" : "booking.reject",
				   id, before, err);
done:
	db_done(st);
	free(before);
	return rc;
}

/* Approval and rejection of one booking, in a transaction of its own. */
static enum hd_status decide(struct db *db, const struct hd_actor *who, long long id,
			     enum booking_state to_state, const char *reason, bool *already,
			     struct hd_err *err)
{
	char why[TEXT_BYTES];
	enum hd_status rc;

	*already = false;
	why[0] = '\0';
	if (to_state == BK_REJECTED &&
	    valid_text(reason, _("Reason"), 1, TEXT_MAX_CHARS, why, sizeof(why), err) != HD_OK)
		return HD_BAD_INPUT;
	rc = access_require(db, who, ACC_APPROVE, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	return db_finish(db, booking_decide_in(db, who, id, to_state, why, already, err), err);
}

enum hd_status booking_approve(struct db *db, const struct hd_actor *who, long long id,
			       bool *already, struct hd_err *err)
{
	return decide(db, who, id, BK_CONFIRMED, NULL, already, err);
}

enum hd_status booking_reject(struct db *db, const struct hd_actor *who, long long id,
			      const char *reason, bool *already, struct hd_err *err)
{
	return decide(db, who, id, BK_REJECTED, reason, already, err);
}

enum hd_status booking_plan_of(struct db *db, const struct booking *b, time_t start, time_t end,
			       long long room, struct booking_plan *p, struct hd_err *err)
{
	struct booking_draft d = { .room = room ? room : b->room_id, .purpose = b->purpose };
	enum hd_status rc;

	d.booker = b->org_id ? (struct booker){ BOOKER_ORG, b->org_id }
			     : (struct booker){ BOOKER_TEAM, b->team_id };
	rc = plan_read_at(db, &d, start, end, p, err);
	p->attendees = b->attendees;
	p->tail = b->series_id && b->series_id != b->id;
	return rc;
}

enum hd_status booking_place(struct db *db, long long id, const struct booking_plan *p,
			     long long series_id, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;

	/* In a savepoint, as plan_insert(): a refusal leaves the caller's
	 * transaction usable. */
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(db,
			"UPDATE booking SET room_id = $2, start = $3, \"end\" = $4, hold_end = $5,"
			" series_id = CASE WHEN CAST($7 AS BIGINT) > 0 THEN $7 ELSE series_id END,"
			" exception = CASE WHEN $7 <= 0 AND series_id IS NOT NULL THEN 1 ELSE 0 END,"
			" updated = $6 WHERE id = $1",
			&st, err);
	if (rc != HD_OK)
		return db_finish(db, rc, err);
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, p->room.id);
	db_bind_int(st, 3, p->start);
	db_bind_int(st, 4, p->end);
	db_bind_int(st, 5, p->end + p->room.buffer_min * 60);
	db_bind_int(st, 6, clock_now());
	db_bind_int(st, 7, series_id);
	step = db_step(st);
	if (step == DB_CONSTRAINT)
		rc = hd_err_set(err, HD_REFUSED, "start",
				_("The room is taken at that time by another booking."));
	else if (step != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return db_finish(db, rc, err);
}

enum hd_status booking_move(struct db *db, const struct hd_actor *who, enum access_via how,
			    long long id, time_t start, time_t end, long long room,
			    struct hd_err *err)
{
	char *before = NULL;
	struct booking_plan p;
	struct booking b;
	enum hd_status rc;
	int released;

	rc = access_require_via(db, who, ACC_BOOK, how, err);
	if (rc == HD_OK)
		rc = booking_get(db, id, &b, err);
	if (rc == HD_OK)
		rc = booking_plan_of(db, &b, start, end, room, &p, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = booking_release_in(db, &released, err);
	if (rc == HD_OK)
		rc = booking_get(db, id, &b, err);
	if (rc == HD_OK && b.state != BK_PENDING && b.state != BK_CONFIRMED)
		rc = hd_err_set(err, HD_REFUSED, "id", _("Booking %lld is %s: it cannot be moved."),
				id, _(booking_state_word(b.state)));
	if (rc == HD_OK)
		rc = plan_check(db, who, &p, id, err);
	if (rc != HD_OK)
		goto done;
	before = booking_json(db, id);
	rc = booking_place(db, id, &p, 0, err);
	if (rc == HD_OK)
		rc = booking_audit(db, who, "booking.move", id, before, err);
done:
	free(before);
	return db_finish(db, rc, err);
}
