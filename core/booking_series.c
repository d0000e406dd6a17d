/* SPDX-License-Identifier: GPL-3.0-or-later */
/* booking_series.c - weekly series: booking every week until a date, and
 * cancelling or moving "this and the following" occurrences, which splits
 * the series. Occurrences changed on their own (exceptions) are never
 * touched again by a series action. */
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

void booking_series_free(struct booking_series *s)
{
	free(s->ids);
	free(s->missed);
	memset(s, 0, sizeof(*s));
}

static enum hd_status add_id(struct booking_series *s, long long id, struct hd_err *err)
{
	long long *more = realloc(s->ids, (size_t)(s->n + 1) * sizeof(*more));

	if (!more)
		return hd_err_set(err, HD_FAIL, "", _("out of memory"));
	s->ids = more;
	s->ids[s->n++] = id;
	return HD_OK;
}

static enum hd_status add_miss(struct booking_series *s, time_t start, const char *why,
			       struct hd_err *err)
{
	struct booking_miss *more = realloc(s->missed, (size_t)(s->nmissed + 1) * sizeof(*more));

	if (!more)
		return hd_err_set(err, HD_FAIL, "", _("out of memory"));
	s->missed = more;
	s->missed[s->nmissed].start = start;
	snprintf(s->missed[s->nmissed].why, sizeof(more->why), "%s", why);
	s->nmissed++;
	return HD_OK;
}

/* The weekly occurrences from the plan's date to day b, inclusive. */
static enum hd_status count_weeks(struct db *db, const struct booking_plan *p, long b, int *weeks,
				  struct hd_err *err)
{
	char first[DATE_LEN], last[DATE_LEN];
	long most = settings_int(db, SET_BOOKING_SERIES_WEEKS), a;

	a = clock_day_at(p->start);
	clock_date_of(a, first, sizeof(first));
	clock_date_of(b, last, sizeof(last));
	if (b < a)
		return hd_err_set(err, HD_BAD_INPUT, "until",
				  _("%s: must be on or after the first date, %s"),
				  _("Weekly until"), first);
	*weeks = (int)((b - a) / 7) + 1;
	if (*weeks > most)
		return hd_err_set(
			err, HD_REFUSED, "until",
			_("A series has at most %ld weekly dates; until %s it would have %d."),
			most, last, *weeks);
	return HD_OK;
}

/* The first booking of a series names the series: series_id is its own id.
 * HD_FAIL when the database fails. */
static enum hd_status name_series(struct db *db, long long id, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db, "UPDATE booking SET series_id = $1 WHERE id = $1", &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, id);
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

/* Books occurrence k of the plan, or lists its date as missed when a rule
 * refuses it; other failures stop the series. */
static enum hd_status book_week(struct db *db, const struct hd_actor *who,
				const struct booking_plan *p, int k, long long *series,
				struct booking_series *out, struct hd_err *err)
{
	struct booking_plan q = *p;
	struct hd_err why;
	enum hd_status rc;
	long long id;
	long first;
	int from = clock_local_minute(p->start, &first);
	int to = from + (int)((p->end - p->start) / 60);

	q.start = clock_day_time(first + 7L * k, from);
	q.end = clock_day_time(first + 7L * k, to);
	q.tail = k > 0;
	rc = plan_check(db, who, &q, 0, &why);
	if (rc == HD_OK)
		rc = plan_insert(db, who, &q, *series, &id, &why);
	if (rc == HD_REFUSED)
		return add_miss(out, q.start, why.msg, err);
	if (rc != HD_OK) {
		*err = why;
		return rc;
	}
	if (!*series) {
		*series = id;
		rc = name_series(db, id, err);
	}
	if (rc == HD_OK)
		rc = booking_audit(db, who, "booking.add", id, NULL, err);
	if (rc == HD_OK)
		rc = add_id(out, id, err);
	return rc;
}

/* The refusal of a series, naming the first refused date. */
static enum hd_status refuse_missed(const struct booking_series *s, int weeks, struct hd_err *err)
{
	char day[DATE_LEN];

	clock_local_date(s->missed[0].start, day, sizeof(day));
	return hd_err_set(err, HD_REFUSED, "start", _("%d of %d dates cannot be booked; %s: %s"),
			  s->nmissed, weeks, day, s->missed[0].why);
}

/* The audit snapshot of a date the series skipped: its start and why. */
static char *skip_json(const struct booking_miss *m)
{
	struct json_out o;

	json_begin(&o);
	json_add_int(&o, "start", (long long)m->start);
	json_add_text(&o, "reason", m->why);
	return json_end(&o);
}

/* Each date the series skipped is audited on the series (its first
 * booking), which is where its receipt reads them. */
static enum hd_status audit_skipped(struct db *db, const struct hd_actor *who, long long series,
				    const struct booking_series *s, struct hd_err *err)
{
	enum hd_status rc = HD_OK;
	char *json;
	int i;

	for (i = 0; rc == HD_OK && i < s->nmissed; i++) {
		json = skip_json(&s->missed[i]);
		rc = audit_log(db, who, "booking.skip", "booking", series, NULL, json, err);
		free(json);
	}
	return rc;
}

/* A skipped date from its audit snapshot (start 0 and no reason when the
 * snapshot lacks them). */
static void read_miss(struct db_stmt *st, void *rec)
{
	struct booking_miss *m = rec;
	const struct json_member *start, *why;
	struct json_obj o;

	json_parse(db_col_text(st, 0), &o);
	start = json_get(&o, "start");
	why = json_get(&o, "reason");
	m->start = start && start->kind == JSON_INT ? (time_t)start->num : 0;
	snprintf(m->why, sizeof(m->why), "%s", why && why->text ? why->text : "");
	json_obj_free(&o);
}

/* Sorts the skipped dates by start, keeping the log's order among equals. */
static void sort_misses(struct booking_miss *m, int n)
{
	struct booking_miss key;
	int i, j;

	for (i = 1; i < n; i++) {
		key = m[i];
		for (j = i; j > 0 && m[j - 1].start > key.start; j--)
			m[j] = m[j - 1];
		m[j] = key;
	}
}

enum hd_status booking_series_skipped(struct db *db, long long id, struct booking_miss **out,
				      int *n, struct hd_err *err)
{
	long long args[1] = { id };
	enum hd_status rc;

	*out = NULL;
	*n = 0;
	rc = db_collect(db,
			"SELECT a.after FROM audit a JOIN booking b ON a.record_id = b.series_id"
			" WHERE b.id = $1 AND a.record = 'booking' AND a.action = 'booking.skip'"
			" ORDER BY a.id",
			args, 1, sizeof(**out), read_miss, (void **)out, n, err);
	if (rc == HD_OK)
		sort_misses(*out, *n);
	return rc;
}

enum hd_status booking_add_weekly(struct db *db, const struct hd_actor *who, enum access_via how,
				  const struct booking_draft *d, long until_day,
				  bool skip_conflicts, struct booking_series *out,
				  struct hd_err *err)
{
	struct booking_plan p;
	enum hd_status rc;
	long long series = 0;
	int weeks = 0, k, released;

	memset(out, 0, sizeof(*out));
	rc = plan_read(db, d, &p, err);
	if (rc == HD_OK)
		rc = count_weeks(db, &p, until_day, &weeks, err);
	if (rc == HD_OK)
		rc = access_require_via(db, who, ACC_BOOK, how, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = booking_release_in(db, &released, err);
	for (k = 0; rc == HD_OK && k < weeks; k++)
		rc = book_week(db, who, &p, k, &series, out, err);
	if (rc == HD_OK && out->nmissed && (!skip_conflicts || out->n == 0))
		rc = refuse_missed(out, weeks, err);
	else if (rc == HD_OK && out->nmissed)
		rc = audit_skipped(db, who, series, out, err);
	if (rc == HD_OK && d->print && out->n > 0)
		rc = print_request(db, SPOOL_KIND_BOOKING, out->ids[0], err);
	if (rc != HD_OK) {
		free(out->ids);
		out->ids = NULL;
		out->n = 0;
	}
	return db_finish(db, rc, err);
}

static void read_id(struct db_stmt *st, void *rec)
{
	*(long long *)rec = db_col_int(st, 0);
}

/* The occurrences of id's series from id on that nobody changed on their
 * own, id first when ascending; every booking still to come or under way. */
static enum hd_status following(struct db *db, long long id, bool descending, long long **ids,
				int *n, struct hd_err *err)
{
	long long args[2] = { id, 0 };

	return db_collect(db,
			  descending
				  ? "SELECT f.id FROM booking b JOIN booking f"
				    " ON f.series_id = b.series_id AND f.start >= b.start"
				    " WHERE b.id = $1 AND (f.id = b.id OR (f.exception = 0"
				    " AND f.state IN ('pending', 'confirmed'))) ORDER BY f.start DESC"
				  : "SELECT f.id FROM booking b JOIN booking f"
				    " ON f.series_id = b.series_id AND f.start >= b.start"
				    " WHERE b.id = $1 AND (f.id = b.id OR (f.exception = 0"
				    " AND f.state IN ('pending', 'confirmed'))) ORDER BY f.start",
			  args, 1, sizeof(**ids), read_id, (void **)ids, n, err);
}

enum hd_status booking_cancel_following(struct db *db, const struct hd_actor *who,
					enum access_via how, long long id,
					struct booking_series *out, struct hd_err *err)
{
	long long *ids = NULL;
	const long long *list = &id;
	struct booking b;
	enum hd_status rc;
	bool already;
	int n = 1, i, released;

	memset(out, 0, sizeof(*out));
	rc = access_require_via(db, who, ACC_BOOK, how, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = booking_release_in(db, &released, err);
	if (rc == HD_OK)
		rc = booking_get(db, id, &b, err);
	if (rc == HD_OK && b.series_id) {
		rc = following(db, id, false, &ids, &n, err);
		list = ids;
	}
	for (i = 0; rc == HD_OK && i < n; i++) {
		rc = booking_cancel_in(db, who, list[i], &already, err);
		if (rc == HD_OK && !already)
			rc = add_id(out, list[i], err);
	}
	free(ids);
	if (rc != HD_OK)
		booking_series_free(out);
	return db_finish(db, rc, err);
}

/* Moves occurrence oid as the plan says for the booking it was read from:
 * days later (or earlier) by shift, at the plan's hours. */
static enum hd_status move_one(struct db *db, const struct hd_actor *who,
			       const struct booking_plan *p, long long first, long long oid,
			       int shift, struct hd_err *err)
{
	char on[DATE_LEN], *before = NULL;
	struct booking_plan q = *p;
	struct booking o;
	struct hd_err why;
	enum hd_status rc;
	int from = clock_local_minute(p->start, NULL);
	int to = from + (int)((p->end - p->start) / 60);

	rc = booking_get(db, oid, &o, err);
	if (rc != HD_OK)
		return rc;
	q.start = clock_day_time(clock_day_at(o.start) + shift, from);
	q.end = clock_day_time(clock_day_at(o.start) + shift, to);
	q.attendees = o.attendees;
	q.tail = p->tail || oid != first;
	rc = plan_check(db, who, &q, oid, &why);
	if (rc == HD_OK && o.state != BK_PENDING && o.state != BK_CONFIRMED)
		rc = hd_err_set(&why, HD_REFUSED, "id",
				_("Booking %lld is %s: it cannot be moved."), oid,
				_(booking_state_word(o.state)));
	if (rc != HD_OK) {
		clock_local_date(o.start, on, sizeof(on));
		return hd_err_set(err, rc, why.field, "%s: %s", on, why.msg);
	}
	before = booking_json(db, oid);
	rc = booking_place(db, oid, &q, first, err);
	if (rc == HD_OK)
		rc = booking_audit(db, who, "booking.move", oid, before, err);
	free(before);
	return rc;
}

enum hd_status booking_move_following(struct db *db, const struct hd_actor *who,
				      enum access_via how, long long id, time_t start, time_t end,
				      long long room, struct booking_series *out,
				      struct hd_err *err)
{
	struct booking_plan p;
	long long *ids = NULL;
	struct booking b;
	enum hd_status rc;
	int n = 0, i, shift, released;

	memset(out, 0, sizeof(*out));
	rc = access_require_via(db, who, ACC_BOOK, how, err);
	if (rc == HD_OK)
		rc = booking_get(db, id, &b, err);
	if (rc != HD_OK)
		return rc;
	if (!b.series_id) {
		rc = booking_move(db, who, how, id, start, end, room, err);
		return rc == HD_OK ? add_id(out, id, err) : rc;
	}
	rc = booking_plan_of(db, &b, start, end, room, &p, err);
	if (rc != HD_OK)
		return rc;
	shift = (int)(clock_day_at(p.start) - clock_day_at(b.start));
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = booking_release_in(db, &released, err);
	if (rc == HD_OK)
		rc = following(db, id, p.start > b.start, &ids, &n, err);
	for (i = 0; rc == HD_OK && i < n; i++)
		rc = move_one(db, who, &p, id, ids[i], shift, err);
	for (i = n - 1; rc == HD_OK && i >= 0; i--)
		rc = add_id(out, ids[p.start > b.start ? i : n - 1 - i], err);
	free(ids);
	if (rc != HD_OK)
		booking_series_free(out);
	return db_finish(db, rc, err);
}

/* id, then the other dates of its series waiting for approval, by start:
 * $1 the booking, $2 now. */
#define SQL_SERIES_WAITING                                  \
	" FROM booking f WHERE f.id = $1 OR (f.series_id =" \
	" (SELECT series_id FROM booking WHERE id = $1) AND f.state = 'pending' AND f.start > $2)"

int booking_series_waiting(struct db *db, long long id)
{
	struct db_stmt *st = NULL;
	int n = 1;

	if (db_prepare(db, "SELECT count(*)" SQL_SERIES_WAITING, &st, NULL) != HD_OK)
		return n;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, clock_now());
	if (db_step(st) == DB_ROW && db_col_int(st, 0) > 0)
		n = (int)db_col_int(st, 0);
	db_done(st);
	return n;
}

enum hd_status booking_approve_series(struct db *db, const struct hd_actor *who, long long id,
				      struct booking_series *out, struct hd_err *err)
{
	long long args[2] = { id, (long long)clock_now() }, *ids = NULL;
	enum hd_status rc;
	bool already;
	int n = 0, i;

	memset(out, 0, sizeof(*out));
	rc = access_require(db, who, ACC_APPROVE, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_collect(db, "SELECT f.id" SQL_SERIES_WAITING " ORDER BY f.start", args, 2,
			sizeof(*ids), read_id, (void **)&ids, &n, err);
	if (rc == HD_OK && n == 0)
		rc = hd_err_set(err, HD_NOT_FOUND, "id", _("no booking with id %lld"), id);
	for (i = 0; rc == HD_OK && i < n; i++) {
		rc = booking_decide_in(db, who, ids[i], BK_CONFIRMED, NULL, &already, err);
		if (rc == HD_OK && !already)
			rc = add_id(out, ids[i], err);
	}
	free(ids);
	if (rc != HD_OK)
		booking_series_free(out);
	return db_finish(db, rc, err);
}

long long booking_series_now(struct db *db, long long id)
{
	long long now = (long long)clock_now();
	long long w = settings_int(db, SET_BOOKING_CHECKIN_MINUTES) * 60;
	struct db_stmt *st = NULL;
	long long found = id;

	if (db_prepare(db,
		       "SELECT f.id FROM booking b JOIN booking f ON f.series_id = b.series_id"
		       " WHERE b.id = $1 AND f.start BETWEEN CAST($2 AS BIGINT) - $3 AND $2 + $3"
		       " AND f.state IN ('confirmed', 'checked_in') ORDER BY f.start LIMIT 1",
		       &st, NULL) != HD_OK)
		return id;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, w);
	if (db_step(st) == DB_ROW)
		found = db_col_int(st, 0);
	db_done(st);
	return found;
}

void booking_series_span(struct db *db, long long id, int *count, time_t *last)
{
	struct db_stmt *st = NULL;

	*count = 0;
	*last = 0;
	if (db_prepare(db,
		       "SELECT count(*), coalesce(max(f.start), 0) FROM booking b JOIN booking f"
		       " ON f.series_id = b.series_id AND f.start >= b.start"
		       " WHERE b.id = $1 AND f.state IN ('pending', 'confirmed', 'checked_in')",
		       &st, NULL) != HD_OK)
		return;
	db_bind_int(st, 1, id);
	if (db_step(st) == DB_ROW) {
		*count = (int)db_col_int(st, 0);
		*last = (time_t)db_col_int(st, 1);
	}
	db_done(st);
}
