/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_grid.c - the room grid (home 2): rooms down the side (name,
 * capacity), 30-minute columns across the opening hours, each cell free,
 * booked (the booker's short name), pending, checked in, released or
 * closed. Wide days scroll sideways with the room column fixed; w shows the
 * week of one room. Enter books a free cell or opens a booking; a booking
 * being moved (m on its detail) goes to the free cell chosen with Enter.
 * Keys become operations of the grid's model (forms/grid_model.h);
 * tui/grid_draw.c draws it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/grid.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "forms/grid_model.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/grid_draw.h"

#define RELOAD_TICKS 10

struct grid_screen {
	struct grid_shown s; /* the model and the days loaded */
	int ticks;
};

static void drop(struct grid_screen *g)
{
	int i;

	for (i = 0; i < g->s.ndays; i++)
		grid_free(&g->s.days[i]);
	g->s.ndays = 0;
}

/* Loads the days the model shows and tells it what there is. */
static void reload(struct app *a, struct grid_screen *g)
{
	struct hd_err err;
	long day;
	int i, n = grid_model_days(&g->s.m, &day);

	drop(g);
	for (i = 0; i < n; i++) {
		if (grid_day(a->db, day + i, &g->s.days[i], &err) != HD_OK) {
			app_message(a, ROLE_ERROR, "%s", err.msg);
			break;
		}
		g->s.ndays++;
	}
	grid_model_loaded(&g->s.m, grid_shown_rows(&g->s), grid_shown_cols(&g->s));
	g->ticks = 0;
}

static void *grid_open(struct app *a, const void *arg)
{
	struct grid_screen *g = xcalloc(1, sizeof(*g));
	const struct grid_open *open = arg;

	if (open)
		grid_model_init(&g->s.m, open->day, open->move_id);
	else
		grid_model_init(&g->s.m, clock_today(), 0);
	reload(a, g);
	return g;
}

/* Opened again on top: the day stays, the booking given is moved. */
static void grid_reopen(struct app *a, void *st, const void *arg)
{
	struct grid_screen *g = st;
	const struct grid_open *open = arg;

	(void)a;
	grid_model_start_move(&g->s.m, open ? open->move_id : 0);
}

static void grid_close(struct app *a, void *st)
{
	struct grid_screen *g = st;

	(void)a;
	drop(g);
	free(g);
}

/* Moves the booking being moved to the selected free cell, keeping its
 * length; for a series, the following dates too when the desk says so. */
static void move_here(struct app *a, struct grid_screen *g, const struct grid *d, int gr, int m)
{
	char start[32], end[32];
	struct booking_series s = { 0 };
	long long room = d->rooms[gr].room.id;
	time_t from, to;
	struct hd_err err;
	struct booking b;
	enum hd_status rc;
	int len;

	if (booking_get(a->db, g->s.m.move_id, &b, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		grid_model_finish_move(&g->s.m);
		return;
	}
	len = (int)((b.end - b.start) / 60);
	snprintf(start, sizeof(start), "%s %02d:%02d", d->date, m / 60, m % 60);
	snprintf(end, sizeof(end), "%s %02d:%02d", d->date, (m + len) / 60, (m + len) % 60);
	if (clock_parse_local(start, _("Start"), &from, &err) != HD_OK ||
	    clock_parse_local(end, _("End"), &to, &err) != HD_OK)
		rc = HD_BAD_INPUT;
	else if (b.series_id && app_confirm(a, _("Move the following dates of the series too?")))
		rc = booking_move_following(a->db, &a->actor, VIA_DIRECT, b.id, from, to, room, &s,
					    &err);
	else
		rc = booking_move(a->db, &a->actor, VIA_DIRECT, b.id, from, to, room, &err);
	if (rc != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	booking_series_free(&s);
	app_message(a, ROLE_OK, _("Booking %lld moved to %s %s."), b.id, d->rooms[gr].room.name,
		    start);
	grid_model_finish_move(&g->s.m);
	reload(a, g);
}

/* The booking form for the free cell at minute m, an hour long when the
 * room is open that long. */
static void book_cell(struct app *a, const struct grid *d, int gr, int m)
{
	struct slot slot;

	memset(&slot, 0, sizeof(slot));
	slot.room_id = d->rooms[gr].room.id;
	snprintf(slot.date, sizeof(slot.date), "%s", d->date);
	slot.start_min = m;
	slot.end_min = m + 60 <= d->rooms[gr].close_min ? m + 60 : m + GRID_SLOT_MIN;
	app_push(a, &SCREEN_BOOKING, &slot);
}

static void open_cell(struct app *a, struct grid_screen *g)
{
	int gr, cell, which, m;
	const struct grid *d = grid_shown_cursor(&g->s, &gr, &m);

	if (!d)
		return;
	cell = grid_at(d, gr, g->s.m.col);
	which = grid_booking(d, gr, g->s.m.col);
	switch (grid_model_enter(&g->s.m, cell, which >= 0)) {
	case GRID_ENTER_OPEN:
		/* A resident sees that a slot is taken and by whom, no more. */
		if (a->actor.kind == ACTOR_RESIDENT)
			app_message(a, ROLE_DIM, _("Booked by %s."),
				    d->bookings[which].booker_short);
		else
			app_push(a, &SCREEN_BOOKING_DETAIL, &d->bookings[which].id);
		break;
	case GRID_ENTER_CLOSED:
		app_message(a, ROLE_WARNING, "%s", *d->closed ? d->closed : d->rooms[gr].closed);
		break;
	case GRID_ENTER_OUTSIDE:
		app_message(a, ROLE_WARNING, _("%s is not open then."), d->rooms[gr].room.name);
		break;
	case GRID_ENTER_PAST:
		app_message(a, ROLE_WARNING, "%s", _("That time has passed."));
		break;
	case GRID_ENTER_BUFFER:
		app_message(a, ROLE_WARNING, "%s",
			    _("This half hour is kept free after a booking."));
		break;
	case GRID_ENTER_MOVE_HERE:
		move_here(a, g, d, gr, m);
		break;
	case GRID_ENTER_BOOK:
		book_cell(a, d, gr, m);
		break;
	}
}

/* The row of room_id in the day view, or the first. */
static int room_row(const struct grid_screen *g, long long room_id)
{
	int r;

	for (r = 0; r < grid_shown_rows(&g->s); r++)
		if (g->s.days[0].rooms[r].room.id == room_id)
			return r;
	return 0;
}

static void toggle_week(struct app *a, struct grid_screen *g)
{
	int gr;
	const struct grid *d = grid_shown_row(&g->s, g->s.m.row, &gr);

	if (!grid_model_toggle_week(&g->s.m, d ? d->rooms[gr].room.id : 0))
		return;
	reload(a, g);
	if (g->s.m.view == GRID_VIEW_DAY)
		grid_model_to_row(&g->s.m, room_row(g, g->s.m.week_room));
}

/* The free-room finder at the day shown and the cursor's time. */
static void find_room(struct app *a, const struct grid_screen *g)
{
	struct slot slot;

	memset(&slot, 0, sizeof(slot));
	clock_date_of(g->s.m.day, slot.date, sizeof(slot.date));
	slot.start_min = g->s.ndays ? g->s.days[0].first_min + g->s.m.col * GRID_SLOT_MIN : 9 * 60;
	slot.end_min = slot.start_min + 60;
	app_push(a, &SCREEN_FREE_ROOM, &slot);
}

/* The moves of the cursor and the day shown; false for another action. */
static bool move_key(struct app *a, struct grid_screen *g, enum action act)
{
	struct grid_model *m = &g->s.m;

	switch (act) {
	case ACT_UP:
		grid_model_move(m, -1, 0);
		break;
	case ACT_DOWN:
		grid_model_move(m, 1, 0);
		break;
	case ACT_LEFT:
		grid_model_move(m, 0, -1);
		break;
	case ACT_RIGHT:
		grid_model_move(m, 0, 1);
		break;
	case ACT_FIRST:
		grid_model_row_start(m);
		break;
	case ACT_LAST:
		grid_model_row_end(m);
		break;
	case ACT_PAGE_UP:
		grid_model_earlier(m);
		reload(a, g);
		break;
	case ACT_PAGE_DOWN:
		grid_model_later(m);
		reload(a, g);
		break;
	default:
		return false;
	}
	return true;
}

static enum key_result grid_key(struct app *a, void *st, struct key_in k)
{
	struct grid_screen *g = st;
	struct grid_model *m = &g->s.m;

	if (move_key(a, g, k.act))
		return KR_HANDLED;
	switch (k.act) {
	case ACT_BACK:
		if (!grid_model_cancel_move(m))
			return KR_IGNORED;
		app_message(a, ROLE_DIM, "%s", _("The booking stays where it was."));
		break;
	case ACT_OPEN_CELL:
		open_cell(a, g);
		break;
	case ACT_TODAY:
		grid_model_today(m, clock_today());
		reload(a, g);
		break;
	case ACT_WEEK:
		toggle_week(a, g);
		break;
	case ACT_FIND_ROOM:
		find_room(a, g);
		break;
	case ACT_APPROVALS:
		if (app_allowed(a, ACC_APPROVE))
			app_push(a, &SCREEN_APPROVALS, NULL);
		break;
	case ACT_MY_BOOKINGS:
		app_push(a, &SCREEN_MY_BOOKINGS, NULL);
		break;
	default:
		return KR_IGNORED;
	}
	return KR_HANDLED;
}

static void grid_draw(struct app *a, void *st)
{
	struct grid_screen *g = st;

	(void)a;
	grid_shown_draw(&g->s);
}

static void grid_tick(struct app *a, void *st)
{
	struct grid_screen *g = st;

	/* Other desks book too, and time releases rooms nobody came to. */
	if (++g->ticks >= RELOAD_TICKS)
		reload(a, g);
}

static void grid_resume(struct app *a, void *st)
{
	reload(a, st);
}

static const int GRID_KEYS[] = { ACT_CELL,      ACT_OPEN_CELL,   ACT_DAY,       ACT_TODAY, ACT_WEEK,
				 ACT_FIND_ROOM, ACT_MY_BOOKINGS, ACT_APPROVALS, -1 };
static const int GRID_MORE[] = { ACT_UP,   ACT_DOWN,    ACT_LEFT,      ACT_RIGHT, ACT_FIRST,
				 ACT_LAST, ACT_PAGE_UP, ACT_PAGE_DOWN, -1 };

const struct screen_ops SCREEN_GRID = {
	.title = N_("Room booking"),
	.open = grid_open,
	.close = grid_close,
	.draw = grid_draw,
	.key = grid_key,
	.tick = grid_tick,
	.resume = grid_resume,
	.reopen = grid_reopen,
	.keys = GRID_KEYS,
	.more = GRID_MORE,
};
