/* SPDX-License-Identifier: GPL-3.0-or-later */
/* booking_rules.c - the rules of DESIGN.md's "Rooms and bookings". */
#include "core/booking_rules.h"

#include <stdio.h>
#include <string.h>

#include "core/closure.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/org.h"
#include "core/settings.h"
#include "core/team.h"
#include "core/text.h"

#define DAY 86400

#define BOOKING_FIELD(...) RECORD_FIELD(struct booking_draft, __VA_ARGS__)
static const struct record_field BOOKING_FIELD_LIST[] = { BOOKING_FIELDS(BOOKING_FIELD) };
const struct record_def BOOKING_RECORD = { BOOKING_FIELD_LIST, BOOKING_NFIELDS };

static enum hd_status one_booker(struct hd_err *err)
{
	return hd_err_set(err, HD_BAD_INPUT, "org",
			  _("Booker: give an organisation or a team, one of them"));
}

enum hd_status booking_booker_read(const char *org, const char *team, struct booker *b,
				   struct hd_err *err)
{
	long long org_id, team_id;

	*b = (struct booker){ BOOKER_NONE, 0 };
	if (valid_ref(org, _("Organisation"), &org_id, err) ||
	    valid_ref(team, _("Team"), &team_id, err))
		return HD_BAD_INPUT;
	if (org_id && team_id)
		return one_booker(err);
	if (org_id)
		*b = (struct booker){ BOOKER_ORG, org_id };
	else if (team_id)
		*b = (struct booker){ BOOKER_TEAM, team_id };
	return HD_OK;
}

static enum hd_status read_booker(struct db *db, const struct booking_draft *d,
				  struct booking_plan *p, struct hd_err *err)
{
	struct org o;
	struct team t;

	if (d->booker.id <= 0 || (d->booker.kind != BOOKER_ORG && d->booker.kind != BOOKER_TEAM))
		return one_booker(err);
	if (d->booker.kind == BOOKER_ORG) {
		p->org_id = d->booker.id;
		if (org_get(db, p->org_id, &o, err) != HD_OK)
			return err->status;
		snprintf(p->booker, sizeof(p->booker), "%s", o.name);
	} else {
		p->team_id = d->booker.id;
		if (team_get(db, p->team_id, &t, err) != HD_OK)
			return err->status;
		snprintf(p->booker, sizeof(p->booker), "%s", t.name);
	}
	return HD_OK;
}

enum hd_status plan_read(struct db *db, const struct booking_draft *d, struct booking_plan *p,
			 struct hd_err *err)
{
	time_t start, end;

	memset(p, 0, sizeof(*p));
	if (d->room <= 0)
		return hd_err_set(err, HD_BAD_INPUT, "room", _("%s: required"), _("Room"));
	if (clock_parse_local(d->start, _("Start"), &start, err) ||
	    clock_parse_local(d->end, _("End"), &end, err))
		return HD_BAD_INPUT;
	return plan_read_at(db, d, start, end, p, err);
}

enum hd_status plan_read_at(struct db *db, const struct booking_draft *d, time_t start, time_t end,
			    struct booking_plan *p, struct hd_err *err)
{
	memset(p, 0, sizeof(*p));
	if (d->room <= 0)
		return hd_err_set(err, HD_BAD_INPUT, "room", _("%s: required"), _("Room"));
	p->start = start;
	p->end = end;
	if (record_check(&BOOKING_FIELD_LIST[BOOKING_F_attendees], d, NULL, 0, err) ||
	    valid_text(text_given(d->purpose) ? d->purpose : "", _("Use of the room"), 0,
		       TEXT_MAX_CHARS, p->purpose, sizeof(p->purpose), err))
		return HD_BAD_INPUT;
	p->attendees = d->attendees.given ? d->attendees.value : 1;
	if (p->end <= p->start)
		return hd_err_set(err, HD_BAD_INPUT, "end", _("%s: must be after the start"),
				  _("End"));
	if (room_get(db, d->room, &p->room, err) != HD_OK)
		return err->status;
	return read_booker(db, d, p, err);
}

/* The minute of the local day of t (its day number into *day), -1 when t
 * is not on a whole minute. */
static int minute_of_day(time_t t, long *day)
{
	int minute = clock_local_minute(t, day);

	return t % 60 ? -1 : minute;
}

/* The grid, the room's hours, the centre's days. */
static enum hd_status check_calendar(struct db *db, const struct booking_plan *p,
				     struct hd_err *err)
{
	long day, end_day;
	int s = minute_of_day(p->start, &day);
	int e = minute_of_day(p->end, &end_day), open, close;
	struct closure c;

	if (s < 0 || e < 0 || s % 30 || e % 30)
		return hd_err_set(err, HD_REFUSED, "start",
				  _("Bookings start and end on the hour or the half hour."));
	room_hours(db, &p->room, &open, &close);
	if (day != end_day)
		return hd_err_set(err, HD_REFUSED, "end",
				  _("A booking ends on the day it starts."));
	if (s < open || e > close)
		return hd_err_set(err, HD_REFUSED, "start",
				  _("%s is open from %02d:%02d to %02d:%02d."), p->room.name,
				  open / 60, open % 60, close / 60, close % 60);
	if (closure_weekday_closes(db, day))
		return hd_err_set(err, HD_REFUSED, "start",
				  _("The centre is closed on that weekday."));
	if (closure_covers(db, day, &c))
		return hd_err_set(err, HD_REFUSED, "start",
				  _("The centre is closed from %s to %s: %s."), c.from, c.to,
				  c.reason);
	return HD_OK;
}

static enum hd_status check_room_closed(struct db *db, const struct booking_plan *p,
					struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(
		db,
		"SELECT reason FROM room_closure WHERE room_id = $1 AND start < $3 AND $2 < \"end\""
		" LIMIT 1",
		&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, p->room.id);
	db_bind_int(st, 2, p->start);
	db_bind_int(st, 3, p->end);
	if (db_step(st) == DB_ROW)
		rc = hd_err_set(err, HD_REFUSED, "room", _("%s is closed then: %s."), p->room.name,
				db_col_text(st, 0));
	db_done(st);
	return rc;
}

/* Past, window, length, capacity. */
static enum hd_status check_limits(struct db *db, const struct booking_plan *p, struct hd_err *err)
{
	char last[DATE_LEN];
	time_t now = clock_now();
	long ahead = settings_int(db, SET_BOOKING_DAYS_AHEAD);
	long hours = settings_int(db, SET_BOOKING_MAX_HOURS);

	if (p->start < now)
		return hd_err_set(err, HD_REFUSED, "start", _("That time has passed."));
	clock_date_of(clock_day_at(now) + ahead, last, sizeof(last));
	if (!p->tail && clock_day_at(p->start) > clock_day_at(now) + ahead)
		return hd_err_set(err, HD_REFUSED, "start",
				  _("Bookings open %ld days ahead: the latest day now is %s."),
				  ahead, last);
	if (p->end - p->start > hours * 3600)
		return hd_err_set(err, HD_REFUSED, "end", _("A booking lasts at most %ld hours."),
				  hours);
	if (p->attendees > p->room.capacity)
		return hd_err_set(err, HD_REFUSED, "attendees", _("%s holds %d people, not %ld."),
				  p->room.name, p->room.capacity, p->attendees);
	return HD_OK;
}

/* Who may book: filed teams, organisations still resident. */
static enum hd_status check_booker(struct db *db, const struct booking_plan *p, struct hd_err *err)
{
	struct team t;
	struct org o;

	if (p->team_id) {
		if (team_get(db, p->team_id, &t, err) != HD_OK)
			return err->status;
		if (t.state == TEAM_DEREGISTERED)
			return hd_err_set(err, HD_REFUSED, "team", _("%s is deregistered."),
					  t.name);
		if (t.state != TEAM_FILED && t.state != TEAM_CLASSIFIED)
			return hd_err_set(err, HD_REFUSED, "team",
					  _("%s is not filed yet: only filed teams book rooms."),
					  t.name);
		return HD_OK;
	}
	if (org_get(db, p->org_id, &o, err) != HD_OK)
		return err->status;
	if (org_moved_out(&o, p->start))
		return hd_err_set(err, HD_REFUSED, "org", _("%s moved out on %s."), o.name,
				  o.out_date);
	return HD_OK;
}

/* The booker's bookings: $1 org id, $2 team id (one of them 0). */
#define BY_BOOKER                                    \
	"((CAST($1 AS BIGINT) != 0 AND org_id = $1)" \
	" OR (CAST($2 AS BIGINT) != 0 AND team_id = $2))"

static enum hd_status check_suspension(struct db *db, const struct booking_plan *p,
				       struct hd_err *err)
{
	long limit = settings_int(db, SET_BOOKING_NOSHOW_LIMIT);
	long days = settings_int(db, SET_BOOKING_NOSHOW_DAYS);
	long suspend = settings_int(db, SET_BOOKING_SUSPEND_DAYS);
	long long now = (long long)clock_now();
	long long w = settings_int(db, SET_BOOKING_CHECKIN_MINUTES) * 60;
	struct db_stmt *st = NULL;
	enum hd_status rc;
	char until[DATE_LEN];
	long long last = 0;
	int count = 0;

	rc = db_prepare(db,
			"SELECT count(*), max(start) FROM booking WHERE " BY_BOOKER
			" AND start >= $3 AND start <= $4"
			" AND (noshow = 1 OR (state = 'confirmed' AND start + $5 < $4))",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, p->org_id);
	db_bind_int(st, 2, p->team_id);
	db_bind_int(st, 3, now - days * DAY);
	db_bind_int(st, 4, now);
	db_bind_int(st, 5, w);
	if (db_step(st) == DB_ROW) {
		count = (int)db_col_int(st, 0);
		last = db_col_int(st, 1);
	}
	db_done(st);
	if (count >= limit && suspend > 0 && now < last + suspend * DAY) {
		clock_local_date((time_t)(last + suspend * DAY), until, sizeof(until));
		return hd_err_set(err, HD_REFUSED, "org",
				  _("%s did not come to %d bookings: no new bookings until %s."),
				  p->booker, count, until);
	}
	return HD_OK;
}

static enum hd_status check_quota(struct db *db, const struct booking_plan *p, long long ignore_id,
				  struct hd_err *err)
{
	long quota = settings_int(db, SET_BOOKING_QUOTA_HOURS_WEEK);
	long day = clock_day_at(p->start), monday = day - (clock_weekday_of_day(day) - 1);
	struct db_stmt *st = NULL;
	enum hd_status rc;
	long long used = 0;

	if (quota <= 0)
		return HD_OK;
	rc = db_prepare(db,
			"SELECT CAST(coalesce(sum(\"end\" - start), 0) AS BIGINT) FROM booking"
			" WHERE " BY_BOOKER " AND start >= $3 AND start < $4 AND id != $5"
			" AND state IN ('pending', 'confirmed', 'checked_in')",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, p->org_id);
	db_bind_int(st, 2, p->team_id);
	db_bind_int(st, 3, clock_local_midnight(monday));
	db_bind_int(st, 4, clock_local_midnight(monday + 7));
	db_bind_int(st, 5, ignore_id);
	if (db_step(st) == DB_ROW)
		used = db_col_int(st, 0);
	db_done(st);
	if (used + (long long)(p->end - p->start) > quota * 3600)
		return hd_err_set(err, HD_REFUSED, "end",
				  _("%s may book %ld hours a week; %.1f are booked that week."),
				  p->booker, quota, (double)used / 3600.0);
	return HD_OK;
}

static enum hd_status check_overlap(struct db *db, const struct booking_plan *p,
				    long long ignore_id, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	char from[16], to[16];

	rc = db_prepare(db,
			"SELECT b.id, b.start, b.\"end\", coalesce(o.name, t.name) FROM booking b"
			" LEFT JOIN org o ON o.id = b.org_id LEFT JOIN team t ON t.id = b.team_id"
			" WHERE b.room_id = $1 AND b.id != $4"
			" AND b.state IN ('pending', 'confirmed', 'checked_in')"
			" AND b.start < $3 AND $2 < b.hold_end AND b.start > CAST($2 AS BIGINT) - $5"
			" ORDER BY b.start LIMIT 1",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, p->room.id);
	db_bind_int(st, 2, p->start);
	db_bind_int(st, 3, p->end + p->room.buffer_min * 60);
	db_bind_int(st, 4, ignore_id);
	db_bind_int(st, 5, BOOKING_REACH);
	if (db_step(st) == DB_ROW) {
		clock_local_hm((time_t)db_col_int(st, 1), from, sizeof(from));
		clock_local_hm((time_t)db_col_int(st, 2), to, sizeof(to));
		if (p->room.buffer_min > 0)
			rc = hd_err_set(
				err, HD_REFUSED, "start",
				_("%s is booked then: booking %lld, %s %s-%s (%d minutes are kept free between bookings)."),
				p->room.name, db_col_int(st, 0), db_col_text(st, 3), from, to,
				p->room.buffer_min);
		else
			rc = hd_err_set(err, HD_REFUSED, "start",
					_("%s is booked then: booking %lld, %s %s-%s."),
					p->room.name, db_col_int(st, 0), db_col_text(st, 3), from,
					to);
	}
	db_done(st);
	return rc;
}

enum hd_status plan_check(struct db *db, const struct hd_actor *who, const struct booking_plan *p,
			  long long ignore_id, struct hd_err *err)
{
	enum hd_status rc;

	(void)who;
	rc = check_calendar(db, p, err);
	if (rc == HD_OK)
		rc = check_room_closed(db, p, err);
	if (rc == HD_OK)
		rc = check_limits(db, p, err);
	if (rc == HD_OK)
		rc = check_booker(db, p, err);
	if (rc == HD_OK)
		rc = check_suspension(db, p, err);
	if (rc == HD_OK)
		rc = check_quota(db, p, ignore_id, err);
	if (rc == HD_OK)
		rc = check_overlap(db, p, ignore_id, err);
	return rc;
}
