/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grid.h - the day grid of the centre's rooms: for a local day, every room
 * with its opening hours and, for every 30-minute column, what the cell
 * holds as of now; and the rooms free for a time and a head count. Read
 * through indexes only: one query for the rooms, one for the day's
 * bookings, one for the room closures. */
#ifndef HD_GRID_H
#define HD_GRID_H

#include <time.h>

#include "core/booking.h"
#include "core/db.h"
#include "core/room.h"
#include "core/status.h"
#include "core/validate.h"

#define GRID_SLOT_MIN 30

enum grid_cell {
	GC_OUTSIDE, /* the room is not open then */
	GC_FREE,
	GC_PAST,   /* free, but the time has passed */
	GC_BUFFER, /* kept free after a booking (the room's buffer) */
	GC_BOOKED,
	GC_PENDING,
	GC_CHECKED_IN,
	GC_RELEASED, /* nobody came: free again */
	GC_CLOSED    /* the centre or the room is closed */
};

struct grid_room {
	struct room room;
	int open_min, close_min;
	char closed[TEXT_BYTES]; /* why the room is closed part of the day, or "" */
};

struct grid {
	char date[DATE_LEN];
	char closed[TEXT_BYTES]; /* why the centre is closed that day, or "" */
	int first_min;           /* column c starts at first_min + 30 * c */
	int ncols, nrooms, nbookings;
	struct grid_room *rooms;
	unsigned char *cells; /* nrooms * ncols of enum grid_cell */
	int *which;           /* nrooms * ncols: index into bookings, -1 none */
	struct booking *bookings;
};

/* The grid of day number day (core/clock.h) into *g, whose arrays the
 * caller frees with grid_free(); after a failure *g holds none. HD_BAD_INPUT
 * for a day outside the calendar (years 1900-2999); HD_FAIL when the
 * database cannot be read. */
enum hd_status grid_day(struct db *db, long day, struct grid *g, struct hd_err *err);
void grid_free(struct grid *g);

static inline int grid_at(const struct grid *g, int row, int col)
{
	return g->cells[row * g->ncols + col];
}

static inline int grid_booking(const struct grid *g, int row, int col)
{
	return g->which[row * g->ncols + col];
}

/* The rooms open, not closed and free (with their buffers) from start to
 * end for people people (rooms holding at least that many), smallest first,
 * into a malloc'd array. HD_BAD_INPUT naming "end" unless end is after start
 * on the same day; HD_REFUSED when the centre is closed that day. */
enum hd_status grid_free_rooms(struct db *db, time_t start, time_t end, int people,
			       struct room **out, int *n, struct hd_err *err);

#endif
