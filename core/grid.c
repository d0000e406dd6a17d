/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grid.c - the day grid and the free-room finder. */
#include "core/grid.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/closure.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/text.h"

void grid_free(struct grid *g)
{
	free(g->rooms);
	free(g->cells);
	free(g->which);
	free(g->bookings);
	memset(g, 0, sizeof(*g));
}

/* Why the centre is closed on day, or "". */
static void centre_closed(struct db *db, long day, char *why, size_t whysz)
{
	struct closure c;

	*why = '\0';
	if (closure_weekday_closes(db, day))
		snprintf(why, whysz, "%s", _("The centre is closed on that weekday."));
	else if (closure_covers(db, day, &c))
		snprintf(why, whysz, _("The centre is closed from %s to %s: %s."), c.from, c.to,
			 c.reason);
}

/* The rooms with their hours; the grid's columns span them all. */
static enum hd_status read_rooms(struct db *db, struct grid *g, struct hd_err *err)
{
	struct room *rooms = NULL;
	int n = 0, i, first = 24 * 60, last = 0, closing = settings_minutes(db, SET_CLOSING_TIME);
	enum hd_status rc;

	rc = room_list(db, &rooms, &n, err);
	if (rc != HD_OK)
		return rc;
	g->rooms = calloc((size_t)(n ? n : 1), sizeof(*g->rooms));
	if (!g->rooms) {
		free(rooms);
		return hd_err_set(err, HD_FAIL, "", _("out of memory"));
	}
	for (i = 0; i < n; i++) {
		struct grid_room *r = &g->rooms[i];

		r->room = rooms[i];
		r->open_min = rooms[i].open_min >= 0 ? rooms[i].open_min : ROOM_DEFAULT_OPEN;
		r->close_min = rooms[i].close_min >= 0 ? rooms[i].close_min : closing;
		if (r->open_min < first)
			first = r->open_min;
		if (r->close_min > last)
			last = r->close_min;
	}
	free(rooms);
	g->nrooms = n;
	if (n == 0 || last <= first) {
		first = ROOM_DEFAULT_OPEN;
		last = closing > first ? closing : first + GRID_SLOT_MIN;
	}
	g->first_min = first - first % GRID_SLOT_MIN;
	g->ncols = (last - g->first_min + GRID_SLOT_MIN - 1) / GRID_SLOT_MIN;
	return HD_OK;
}

/* The row of a room: rooms are by name, so a sorted copy of their ids. */
struct room_row {
	long long id;
	int row;
};

static int by_id(const void *a, const void *b)
{
	const struct room_row *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int row_of(const struct room_row *index, int n, long long room_id)
{
	struct room_row key = { room_id, -1 };
	const struct room_row *hit = bsearch(&key, index, (size_t)n, sizeof(key), by_id);

	return hit ? hit->row : -1;
}

/* Marks the columns of row from start to end as cell. Bookings cover
 * anything in the room's hours; what is free again (released) only covers
 * free cells, and what is kept free (buffer) free or released ones. */
static void mark(struct grid *g, int row, time_t day0, time_t start, time_t end,
		 enum grid_cell cell, int which)
{
	unsigned char *cells = g->cells + row * g->ncols;
	int c;

	for (c = 0; c < g->ncols; c++) {
		time_t cs = day0 + (time_t)(g->first_min + c * GRID_SLOT_MIN) * 60;
		bool free = cells[c] == GC_FREE || cells[c] == GC_PAST;

		if (cs >= end || start >= cs + GRID_SLOT_MIN * 60 || cells[c] == GC_OUTSIDE)
			continue;
		if ((cell == GC_RELEASED && !free) ||
		    (cell == GC_BUFFER && !free && cells[c] != GC_RELEASED))
			continue;
		cells[c] = (unsigned char)cell;
		g->which[row * g->ncols + c] = which;
	}
}

static enum grid_cell cell_of(enum booking_state s)
{
	switch (s) {
	case BK_PENDING:
		return GC_PENDING;
	case BK_CONFIRMED:
		return GC_BOOKED;
	case BK_CHECKED_IN:
		return GC_CHECKED_IN;
	case BK_RELEASED:
		return GC_RELEASED;
	default:
		return GC_FREE;
	}
}

/* Room closures that touch the day. */
static enum hd_status mark_room_closures(struct db *db, struct grid *g,
					 const struct room_row *index, time_t day0, time_t day1,
					 struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;
	int row;

	rc = db_prepare(db,
			"SELECT room_id, start, \"end\", reason FROM room_closure"
			" WHERE start < $2 AND \"end\" > $1",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, day0);
	db_bind_int(st, 2, day1);
	while ((step = db_step(st)) == DB_ROW) {
		row = row_of(index, g->nrooms, db_col_int(st, 0));
		if (row < 0)
			continue;
		mark(g, row, day0, (time_t)db_col_int(st, 1), (time_t)db_col_int(st, 2), GC_CLOSED,
		     -1);
		db_column_text(st, 3, g->rooms[row].closed, sizeof(g->rooms[row].closed));
	}
	if (step != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

static void fill(struct grid *g, time_t day0, time_t now)
{
	int r, c;

	for (r = 0; r < g->nrooms; r++) {
		const struct grid_room *gr = &g->rooms[r];

		for (c = 0; c < g->ncols; c++) {
			int m = g->first_min + c * GRID_SLOT_MIN;
			time_t cs = day0 + (time_t)m * 60;

			g->which[r * g->ncols + c] = -1;
			if (m < gr->open_min || m + GRID_SLOT_MIN > gr->close_min)
				g->cells[r * g->ncols + c] = GC_OUTSIDE;
			else if (*g->closed)
				g->cells[r * g->ncols + c] = GC_CLOSED;
			else
				g->cells[r * g->ncols + c] = cs < now ? GC_PAST : GC_FREE;
		}
	}
}

/* Bookings first in the order of their strength, so that a booking made
 * in a released slot shows over the released one. */
static void mark_bookings(struct grid *g, const struct room_row *index, time_t day0, bool weak)
{
	int i, row;

	for (i = 0; i < g->nbookings; i++) {
		const struct booking *b = &g->bookings[i];
		enum grid_cell cell = cell_of(b->state);

		if (cell == GC_FREE || (cell == GC_RELEASED) != weak)
			continue;
		row = row_of(index, g->nrooms, b->room_id);
		if (row < 0)
			continue;
		mark(g, row, day0, b->start, b->end, cell, i);
		if (!weak && g->rooms[row].room.buffer_min > 0)
			mark(g, row, day0, b->end,
			     b->end + (time_t)g->rooms[row].room.buffer_min * 60, GC_BUFFER, i);
	}
}

enum hd_status grid_day(struct db *db, long day, struct grid *g, struct hd_err *err)
{
	struct room_row *index = NULL;
	time_t day0, day1;
	enum hd_status rc;
	int i;

	memset(g, 0, sizeof(*g));
	if (day < clock_days_from_civil(1900, 1, 1) || day > clock_days_from_civil(2999, 12, 31))
		return hd_err_set(err, HD_BAD_INPUT, _("Date"),
				  _("%s: no such day in the calendar (YYYY-MM-DD, years 1900-2999)"),
				  _("Date"));
	clock_date_of(day, g->date, sizeof(g->date));
	day0 = clock_day_time(day, 0);
	day1 = clock_day_time(day, 24 * 60);
	centre_closed(db, day, g->closed, sizeof(g->closed));
	rc = read_rooms(db, g, err);
	if (rc != HD_OK)
		goto done;
	g->cells = calloc((size_t)(g->nrooms * g->ncols + 1), 1);
	g->which = calloc((size_t)(g->nrooms * g->ncols + 1), sizeof(*g->which));
	index = calloc((size_t)(g->nrooms + 1), sizeof(*index));
	if (!g->cells || !g->which || !index) {
		rc = hd_err_set(err, HD_FAIL, "", _("out of memory"));
		goto done;
	}
	for (i = 0; i < g->nrooms; i++)
		index[i] = (struct room_row){ g->rooms[i].room.id, i };
	qsort(index, (size_t)g->nrooms, sizeof(*index), by_id);
	fill(g, day0, clock_now());
	rc = mark_room_closures(db, g, index, day0, day1, err);
	if (rc == HD_OK)
		rc = booking_day(db, day, 0, &g->bookings, &g->nbookings, err);
	if (rc == HD_OK) {
		mark_bookings(g, index, day0, true);
		mark_bookings(g, index, day0, false);
	}
done:
	free(index);
	if (rc != HD_OK)
		grid_free(g);
	return rc;
}

/* Rooms big enough, with no active booking (with its buffer, or this
 * room's buffer after the time asked) and no closure in the way. $1 start,
 * $2 end, $3 attendees, $4 now, $5 the check-in window in seconds, $6
 * BOOKING_REACH. */
static const char SQL_FREE_ROOMS[] =
	"SELECT r.id, r.name, r.kind, r.capacity, coalesce(r.open_min, -1),"
	" coalesce(r.close_min, -1), r.buffer_min FROM room r WHERE r.capacity >= $3"
	" AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.room_id = r.id"
	"  AND b.start < $2 + r.buffer_min * 60 AND $1 < b.hold_end AND b.start > CAST($1 AS BIGINT) - $6"
	"  AND (b.state IN ('checked_in')"
	"   OR (b.state = 'confirmed' AND b.start + $5 >= $4)"
	"   OR (b.state = 'pending' AND b.start > $4)))"
	" AND NOT EXISTS (SELECT 1 FROM room_closure c WHERE c.room_id = r.id"
	"  AND c.start < $2 AND $1 < c.\"end\")"
	" ORDER BY r.capacity, r.name";

enum hd_status grid_free_rooms(struct db *db, time_t from, time_t to, int people, struct room **out,
			       int *n, struct hd_err *err)
{
	char closed[TEXT_BYTES];
	long long args[6];
	long day;
	enum hd_status rc;
	int i, k, open, close, s, e, closing;

	*out = NULL;
	*n = 0;
	day = clock_day_at(from);
	if (to <= from || clock_day_at(to) != day)
		return hd_err_set(err, HD_BAD_INPUT, "end",
				  _("%s: must be after the start, on the same day"), _("End"));
	centre_closed(db, day, closed, sizeof(closed));
	if (*closed)
		return hd_err_set(err, HD_REFUSED, "start", "%s", closed);
	args[0] = (long long)from;
	args[1] = (long long)to;
	args[2] = people;
	args[3] = (long long)clock_now();
	args[4] = settings_int(db, SET_BOOKING_CHECKIN_MINUTES) * 60;
	args[5] = BOOKING_REACH;
	rc = db_collect(db, SQL_FREE_ROOMS, args, 6, sizeof(**out), room_read_row, (void **)out, n,
			err);
	if (rc != HD_OK)
		return rc;
	closing = settings_minutes(db, SET_CLOSING_TIME);
	s = (int)((from - clock_day_time(day, 0)) / 60);
	e = (int)((to - clock_day_time(day, 0)) / 60);
	for (i = k = 0; i < *n; i++) {
		open = (*out)[i].open_min >= 0 ? (*out)[i].open_min : ROOM_DEFAULT_OPEN;
		close = (*out)[i].close_min >= 0 ? (*out)[i].close_min : closing;
		if (s >= open && e <= close)
			(*out)[k++] = (*out)[i];
	}
	*n = k;
	return HD_OK;
}
