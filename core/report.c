/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c - building a report: visits in one pass over the period's
 * index range, rooms from the period's bookings and each day's opening,
 * teams and organisations as they stood at the end of the period. */
#include "core/report.h"

#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/closure.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/period.h"
#include "core/report_tally.h"
#include "core/room.h"
#include "core/settings.h"
#include "core/team.h"
#include "core/text.h"
#include "core/xalloc.h"

#define SLOTS 48 /* half hours of a day */
#define PROGRESS_ROWS 4096

/* The span first..last is one a report covers. */
static enum hd_status check_span(long first, long last, struct hd_err *err)
{
	time_t start, end;

	if (period_bounds(first, last, false, &start, &end, err) != HD_OK)
		return HD_BAD_INPUT;
	if (last - first >= REPORT_MAX_DAYS)
		return hd_err_set(err, HD_BAD_INPUT, "--to",
				  _("--to: a report covers at most %d days"), REPORT_MAX_DAYS);
	return HD_OK;
}

enum hd_status report_period(const char *month, const char *from, const char *to, long *first,
			     long *last, struct hd_err *err)
{
	if (text_given(month) && (text_given(from) || text_given(to)))
		return hd_err_set(err, HD_BAD_INPUT, "--month", "%s",
				  _("give --month or --from and --to, not both"));
	if (text_given(month))
		return period_month(month, first, last, err);
	if (!text_given(from) || !text_given(to))
		return hd_err_set(
			err, HD_BAD_INPUT, "--from", "%s",
			_("give --month YYYY-MM, or --from YYYY-MM-DD and --to YYYY-MM-DD"));
	if (period_read(from, to, first, last, err) != HD_OK)
		return HD_BAD_INPUT;
	return check_span(*first, *last, err);
}

int report_permille(long part, long whole)
{
	if (whole <= 0)
		return 0;
	return (int)((part * 2000 + whole) / (2 * whole));
}

/* The days of the period with their local midnights (starts[ndays] is the
 * end). */
static void make_days(struct report *r, long first, long last, time_t **starts)
{
	int i, n = (int)(last - first + 1);

	clock_date_of(first, r->from, sizeof(r->from));
	clock_date_of(last, r->to, sizeof(r->to));
	r->days = xcalloc((size_t)n, sizeof(*r->days));
	*starts = xcalloc((size_t)n + 1, sizeof(**starts));
	for (i = 0; i <= n; i++) {
		(*starts)[i] = clock_local_midnight(first + i);
		if (i == n)
			break;
		r->days[i].day = first + i;
		clock_date_of(first + i, r->days[i].date, sizeof(r->days[i].date));
		r->days[i].weekday = clock_weekday_of_day(first + i);
	}
	r->ndays = n;
	r->start = (*starts)[0];
	r->end = (*starts)[n];
}

/* The day t falls on (binary search), or -1. */
static int day_of(const time_t *starts, int n, time_t t)
{
	int lo = 0, hi = n - 1, mid;

	if (t < starts[0] || t >= starts[n])
		return -1;
	while (lo < hi) {
		mid = (lo + hi + 1) / 2;
		if (starts[mid] <= t)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* The start of half hour s of day d: local time, also on a day the clocks
 * change. */
static time_t slot_time(const struct report *r, const time_t *starts, int d, int s)
{
	if (starts[d + 1] - starts[d] == 86400)
		return starts[d] + s * 1800;
	return clock_day_time(r->days[d].day, s * 30);
}

/* The local hour of t on day d. */
static int hour_of(const time_t *starts, int d, time_t t)
{
	struct tm tm;

	if (starts[d + 1] - starts[d] == 86400)
		return (int)((t - starts[d]) / 3600);
	localtime_r(&t, &tm);
	return tm.tm_hour;
}

static bool cancelled(struct hd_err *err)
{
	hd_err_set(err, HD_FAIL, "", "%s", _("The report was cancelled."));
	return false;
}

/* Prepares sql with $1 and $2 bound to the period's start and end. */
static enum hd_status prepare_period(struct db *db, const struct report *r, const char *sql,
				     struct db_stmt **st, struct hd_err *err)
{
	enum hd_status rc = db_prepare(db, sql, st, err);

	if (rc != HD_OK)
		return rc;
	db_bind_int(*st, 1, r->start);
	db_bind_int(*st, 2, r->end);
	return HD_OK;
}

static enum hd_status read_visits(struct db *db, struct report *r, const time_t *starts,
				  report_progress_fn progress, void *ctx, struct hd_err *err)
{
	struct report_tally tally = { 0 };
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;
	bool stopped = false;
	long rows = 0;
	int d, purpose, party, hour;
	time_t t;

	rc = prepare_period(
		db, r,
		"SELECT time_in, purpose, party, coalesce(org_id, 0), coalesce(team_id, 0),"
		" coalesce(visitee_id, 0) FROM visit"
		" WHERE time_in >= $1 AND time_in < $2",
		&st, err);
	if (rc != HD_OK)
		return rc;
	while ((step = db_step(st)) == DB_ROW) {
		t = (time_t)db_col_int(st, 0);
		purpose = (int)db_col_int(st, 1);
		party = (int)db_col_int(st, 2);
		d = day_of(starts, r->ndays, t);
		if (d < 0)
			continue;
		r->days[d].visits++;
		r->days[d].people += party;
		r->visits++;
		r->people += party;
		if (purpose >= 1 && purpose <= REPORT_PURPOSES) {
			r->purpose_visits[purpose]++;
			r->purpose_people[purpose] += party;
		}
		hour = hour_of(starts, d, t);
		if (hour >= 0 && hour < 24)
			r->hour_visits[hour]++;
		report_tally_add(&tally, db_col_int(st, 3), db_col_int(st, 4), db_col_int(st, 5),
				 party);
		if (progress && ++rows % PROGRESS_ROWS == 0 &&
		    !progress(ctx, (long)((t - r->start) * 900 / (r->end - r->start)), 1000)) {
			stopped = true;
			break;
		}
	}
	if (stopped)
		rc = cancelled(err) ? HD_OK : HD_FAIL;
	else if (step != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	if (rc == HD_OK)
		return report_tally_finish(db, &tally, r, err);
	report_tally_finish(db, &tally, r, err); /* frees it */
	return rc;
}

/* What a half hour of a room is: open, counted as booked, counted as used
 * (each once, whatever bookings overlap on it). */
enum { SLOT_OPEN = 1, SLOT_BOOKED = 2, SLOT_USED = 4 };

/* The half hours of each room on each day (SLOT_* bits; 0 closed). */
struct room_days {
	unsigned char (*slots)[SLOTS]; /* [room * ndays + day] */
};

/* Marks the slots of room i on the open days, less its own closures. */
static enum hd_status open_slots(struct db *db, struct report *r, const struct room *rooms,
				 const bool *day_open, const time_t *starts, struct room_days *rd,
				 struct hd_err *err)
{
	struct room_closure c;
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;
	int i, d, s, open_min, close_min;

	for (i = 0; i < r->nrooms; i++) {
		room_hours(db, &rooms[i], &open_min, &close_min);
		for (d = 0; d < r->ndays; d++)
			for (s = 0; day_open[d] && s < SLOTS; s++)
				rd->slots[i * r->ndays + d][s] = s * 30 >= open_min &&
										 (s + 1) * 30 <=
											 close_min
									 ? SLOT_OPEN
									 : 0;
	}
	rc = prepare_period(
		db, r,
		"SELECT room_id, start, \"end\" FROM room_closure WHERE start < $2 AND \"end\" > $1",
		&st, err);
	if (rc != HD_OK)
		return rc;
	while ((step = db_step(st)) == DB_ROW) {
		c.room_id = db_col_int(st, 0);
		c.start = (time_t)db_col_int(st, 1);
		c.end = (time_t)db_col_int(st, 2);
		for (i = 0; i < r->nrooms && rooms[i].id != c.room_id; i++)
			;
		for (d = 0; i < r->nrooms && d < r->ndays; d++) {
			if (starts[d] >= c.end || starts[d + 1] <= c.start)
				continue;
			for (s = 0; s < SLOTS; s++)
				if (slot_time(r, starts, d, s) < c.end &&
				    slot_time(r, starts, d, s + 1) > c.start)
					rd->slots[i * r->ndays + d][s] = 0;
		}
	}
	rc = step == DB_DONE ? HD_OK : db_step_fail(st, err);
	db_done(st);
	return rc;
}

/* Adds a booking's open half hours to its room's booked (and used) time. */
static void count_booking(struct report *r, struct room_days *rd, const time_t *starts, int i,
			  time_t start, time_t end, bool used)
{
	struct report_room *room = &r->rooms[i];
	int d = day_of(starts, r->ndays, start), s, wd, hour;

	if (d < 0)
		return;
	for (s = 0; s < SLOTS; s++) {
		unsigned char *slot = &rd->slots[i * r->ndays + d][s];

		if (!(*slot & SLOT_OPEN) || slot_time(r, starts, d, s) >= end ||
		    slot_time(r, starts, d, s + 1) <= start)
			continue;
		wd = r->days[d].weekday - 1;
		hour = s / 2;
		if (!(*slot & SLOT_BOOKED)) {
			*slot |= SLOT_BOOKED;
			room->booked_min += 30;
			room->heat_booked[wd][hour] += 30;
		}
		if (used && !(*slot & SLOT_USED)) {
			*slot |= SLOT_USED;
			room->used_min += 30;
		}
	}
}

static struct report_booker *booker_of(struct report *r, long long id, bool team)
{
	int i;

	for (i = 0; i < r->nbookers; i++)
		if (r->bookers[i].id == id && r->bookers[i].team == team)
			return &r->bookers[i];
	r->bookers = xrealloc(r->bookers, (size_t)(r->nbookers + 1) * sizeof(*r->bookers));
	memset(&r->bookers[r->nbookers], 0, sizeof(*r->bookers));
	r->bookers[r->nbookers].id = id;
	r->bookers[r->nbookers].team = team;
	return &r->bookers[r->nbookers++];
}

static int by_misses(const void *a, const void *b)
{
	const struct report_booker *x = a, *y = b;
	int dx = x->noshows + x->late_cancels, dy = y->noshows + y->late_cancels;

	if (dx != dy)
		return dy - dx;
	return strcmp(x->name, y->name);
}

static enum hd_status read_bookings(struct db *db, struct report *r, const struct room *rooms,
				    struct room_days *rd, const time_t *starts, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	struct report_booker *bk;
	enum hd_status rc;
	enum db_step step;
	int i;

	/* States as of now ($3), as every reader sees them: a confirmed
	 * booking past its check-in window ($4 seconds) is a released no-show,
	 * a pending one past its start has lapsed. */
	// clang-format off
	rc = prepare_period(db, r,
			"SELECT b.room_id, b.start, b.\"end\", " BOOKING_STATE_NOW_SQL("$3", "$4") ","
			" " BOOKING_NOSHOW_NOW_SQL("$3", "$4") ", b.late_cancel,"
			" coalesce(b.org_id, b.team_id), b.team_id IS NOT NULL,"
			" coalesce(o.name, t.name, '') FROM booking b"
			" LEFT JOIN org o ON o.id = b.org_id LEFT JOIN team t ON t.id = b.team_id"
			" WHERE b.start >= $1 AND b.start < $2 ORDER BY b.room_id",
			&st, err);
	// clang-format on
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 3, clock_now());
	db_bind_int(st, 4, (long long)settings_int(db, SET_BOOKING_CHECKIN_MINUTES) * 60);
	i = 0;
	while ((step = db_step(st)) == DB_ROW) {
		long long room = db_col_int(st, 0);
		const char *state = db_col_text(st, 3);
		bool noshow = db_col_int(st, 4), late = db_col_int(st, 5);

		if (i >= r->nrooms || rooms[i].id != room)
			for (i = 0; i < r->nrooms && rooms[i].id != room; i++)
				;
		if (i < r->nrooms && state &&
		    (strcmp(state, "checked_in") == 0 || strcmp(state, "confirmed") == 0 ||
		     strcmp(state, "released") == 0 || strcmp(state, "pending") == 0))
			count_booking(r, rd, starts, i, (time_t)db_col_int(st, 1),
				      (time_t)db_col_int(st, 2), strcmp(state, "checked_in") == 0);
		if (!noshow && !late)
			continue;
		bk = booker_of(r, db_col_int(st, 6), db_col_int(st, 7) != 0);
		db_column_text(st, 8, bk->name, sizeof(bk->name));
		bk->noshows += noshow;
		bk->late_cancels += late;
	}
	rc = step == DB_DONE ? HD_OK : db_step_fail(st, err);
	db_done(st);
	if (rc != HD_OK)
		return rc;
	if (r->nbookers > 1)
		qsort(r->bookers, (size_t)r->nbookers, sizeof(*r->bookers), by_misses);
	return HD_OK;
}

/* Rooms: open, booked and used time per room and per weekday and hour. */
static enum hd_status read_rooms(struct db *db, struct report *r, const time_t *starts,
				 struct hd_err *err)
{
	struct room *rooms = NULL;
	struct room_days rd = { NULL };
	bool *day_open = xcalloc((size_t)r->ndays, sizeof(bool));
	enum hd_status rc;
	int i, d, s;

	for (d = 0; d < r->ndays; d++)
		day_open[d] = !closure_weekday_closes(db, r->days[d].day) &&
			      !closure_covers(db, r->days[d].day, NULL);
	rc = room_list(db, &rooms, &r->nrooms, err);
	if (rc != HD_OK)
		goto done;
	r->rooms = xcalloc((size_t)r->nrooms + 1, sizeof(*r->rooms));
	rd.slots = xcalloc((size_t)r->nrooms * (size_t)r->ndays + 1, sizeof(*rd.slots));
	for (i = 0; i < r->nrooms; i++) {
		r->rooms[i].id = rooms[i].id;
		memcpy(r->rooms[i].name, rooms[i].name, sizeof(r->rooms[i].name));
	}
	rc = open_slots(db, r, rooms, day_open, starts, &rd, err);
	if (rc == HD_OK)
		rc = read_bookings(db, r, rooms, &rd, starts, err);
	for (i = 0; rc == HD_OK && i < r->nrooms; i++)
		for (d = 0; d < r->ndays; d++)
			for (s = 0; s < SLOTS; s++)
				if (rd.slots[i * r->ndays + d][s]) {
					r->rooms[i].open_min += 30;
					r->rooms[i].heat_open[r->days[d].weekday - 1][s / 2] += 30;
				}
done:
	free(rooms);
	free(rd.slots);
	free(day_open);
	return rc;
}

/* Teams as they stood at the end of the period: the state of the latest
 * step before it (the state now when the period reaches today). A team
 * has existed since it was entered, or since its filing date when that is
 * earlier (a register entered or imported on go-live): before its first
 * step it stood in the state it was entered in. */
static enum hd_status read_teams(struct db *db, struct report *r, struct hd_err *err)
{
	static const char SQL_NOW[] = "SELECT category, state, members, party_members FROM team"
				      " WHERE created < $1 OR filed_date <= $2";
	static const char SQL_THEN[] =
		"SELECT t.category, coalesce((SELECT s.to_state FROM team_step s"
		"  WHERE s.team_id = t.id AND s.at < $1 ORDER BY s.at DESC, s.id DESC LIMIT 1),"
		" (SELECT s.to_state FROM team_step s WHERE s.team_id = t.id"
		"  ORDER BY s.at, s.id LIMIT 1), t.state),"
		" t.members, t.party_members FROM team t WHERE t.created < $1 OR t.filed_date <= $2";
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;
	int category, state;

	rc = db_prepare(db, r->end > clock_now() ? SQL_NOW : SQL_THEN, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, r->end);
	db_bind_text(st, 2, r->to);
	while ((step = db_step(st)) == DB_ROW) {
		category = (int)db_col_int(st, 0);
		state = (int)db_col_int(st, 1);
		if (state >= 1 && state <= REPORT_STATES)
			r->team_state[state]++;
		if (state == TEAM_DEREGISTERED)
			continue;
		if (category >= 1 && category <= REPORT_CATEGORIES)
			r->team_category[category]++;
		r->teams++;
		r->members += (int)db_col_int(st, 2);
		r->party_members += (int)db_col_int(st, 3);
	}
	rc = step == DB_DONE ? HD_OK : db_step_fail(st, err);
	db_done(st);
	if (rc != HD_OK)
		return rc;
	/* New filings by their filing date (also of teams imported with one);
	 * clean-outs by the step that deregistered them, not by a record that
	 * came in deregistered. */
	rc = prepare_period(db, r,
			    "SELECT (SELECT count(*) FROM team WHERE state IN (3, 4, 5)"
			    "  AND filed_date BETWEEN $3 AND $4),"
			    " (SELECT count(DISTINCT team_id) FROM team_step WHERE to_state = 5"
			    "  AND at >= $1 AND at < $2 AND from_state IS NOT NULL)",
			    &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 3, r->from);
	db_bind_text(st, 4, r->to);
	if (db_step(st) == DB_ROW) {
		r->filed_in_period = (int)db_col_int(st, 0);
		r->deregistered_in_period = (int)db_col_int(st, 1);
	} else {
		rc = db_step_fail(st, err);
	}
	db_done(st);
	return rc;
}

static enum hd_status read_orgs(struct db *db, struct report *r, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;
	int kind, i, n = 0;

	/* An organisation counts from the day it moved in, or from when it
	 * was entered when that is not known. */
	rc = db_prepare(db,
			"SELECT kind, count(*) FROM org"
			" WHERE CASE WHEN in_date IS NULL THEN created < $1 ELSE in_date <= $2 END"
			" GROUP BY kind",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, r->end);
	db_bind_text(st, 2, r->to);
	while ((step = db_step(st)) == DB_ROW) {
		kind = (int)db_col_int(st, 0);
		if (kind >= 1 && kind <= REPORT_KINDS)
			r->org_kind[kind] = (int)db_col_int(st, 1);
		r->orgs += (int)db_col_int(st, 1);
	}
	rc = step == DB_DONE ? HD_OK : db_step_fail(st, err);
	db_done(st);
	if (rc != HD_OK)
		return rc;
	rc = org_residence_ending(db, REPORT_ENDING_DAYS, &r->ending, &r->nending, err);
	if (rc != HD_OK)
		return rc;
	for (i = 0; i < r->nending; i++)
		if (!org_moved_out(&r->ending[i], clock_now()))
			r->ending[n++] = r->ending[i];
	r->nending = n;
	return HD_OK;
}

enum hd_status report_build(struct db *db, long first, long last, report_progress_fn progress,
			    void *ctx, struct report *out, struct hd_err *err)
{
	time_t *starts = NULL;
	enum hd_status rc;

	memset(out, 0, sizeof(*out));
	rc = check_span(first, last, err);
	if (rc != HD_OK)
		return rc;
	make_days(out, first, last, &starts);
	rc = db_begin_read(db, err);
	if (rc != HD_OK)
		goto done;
	rc = read_visits(db, out, starts, progress, ctx, err);
	if (rc == HD_OK && progress && !progress(ctx, 900, 1000))
		rc = cancelled(err) ? HD_OK : HD_FAIL;
	if (rc == HD_OK)
		rc = read_rooms(db, out, starts, err);
	if (rc == HD_OK)
		rc = read_teams(db, out, err);
	if (rc == HD_OK)
		rc = read_orgs(db, out, err);
	db_rollback(db);
	if (rc == HD_OK && progress)
		progress(ctx, 1000, 1000);
done:
	free(starts);
	return rc;
}

void report_free(struct report *r)
{
	free(r->days);
	free(r->visited);
	free(r->rooms);
	free(r->bookers);
	free(r->ending);
	memset(r, 0, sizeof(*r));
}
