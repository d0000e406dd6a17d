/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_grid.c - the room grid (home 2): rooms down the side (name,
 * capacity), 30-minute columns across the opening hours, each cell free,
 * booked (the booker's short name), pending, checked in, released or
 * closed. Wide days scroll sideways with the room column fixed; w shows the
 * week of one room. Enter books a free cell or opens a booking; a booking
 * being moved (m on its detail) goes to the free cell chosen with Enter.
 * Only ASCII marks the cells, so terminals that draw ambiguous-width
 * characters wide stay aligned. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/grid.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "forms/grid_model.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"

#define ROOM_W 20  /* the fixed room column, its separator included */
#define CELL_W 4   /* columns of a half hour */
#define TOP 3      /* the first row of rooms */
#define RELOAD_TICKS 10
#define MOVE_X 17  /* the move hint, after the date and weekday */

static const char *const WEEKDAYS[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					 N_("Fri"), N_("Sat"), N_("Sun") };

struct grid_screen {
	struct grid_model m;                /* day, view, cursor, move */
	struct grid days[GRID_WEEK_DAYS]; /* day view: days[0]; week view: Monday..Sunday */
	int ndays;
	int ticks;
};

/* Today's day number. */
static long today(void)
{
	char date[DATE_LEN];

	clock_local_date(clock_now(), date, sizeof(date));
	return clock_day_of(date);
}

static void drop(struct grid_screen *g)
{
	int i;

	for (i = 0; i < g->ndays; i++)
		grid_free(&g->days[i]);
	g->ndays = 0;
}

static int nrows(const struct grid_screen *g)
{
	return g->m.view == GRID_VIEW_WEEK ? g->ndays : (g->ndays ? g->days[0].nrooms : 0);
}

static int ncols(const struct grid_screen *g)
{
	return g->ndays ? g->days[0].ncols : 0;
}

/* Loads the days the model shows and tells it what there is. */
static void reload(struct app *a, struct grid_screen *g)
{
	struct hd_err err;
	long day;
	int i, n = grid_model_days(&g->m, &day);

	drop(g);
	for (i = 0; i < n; i++) {
		if (grid_day(a->db, day + i, &g->days[i], &err) != HD_OK) {
			app_message(a, ROLE_ERROR, "%s", err.msg);
			break;
		}
		g->ndays++;
	}
	grid_model_loaded(&g->m, nrows(g), ncols(g));
	g->ticks = 0;
}

/* The grid and its row shown on screen row r (week view: the week's room). */
static const struct grid *row_grid(const struct grid_screen *g, int r, int *grow)
{
	const struct grid *d;
	int i;

	if (g->m.view == GRID_VIEW_DAY) {
		*grow = r;
		return g->ndays && r < g->days[0].nrooms ? &g->days[0] : NULL;
	}
	if (r >= g->ndays)
		return NULL;
	d = &g->days[r];
	for (i = 0; i < d->nrooms; i++)
		if (d->rooms[i].room.id == g->m.week_room) {
			*grow = i;
			return d;
		}
	return NULL;
}

static void *grid_open(struct app *a, const void *arg)
{
	struct grid_screen *g = xcalloc(1, sizeof(*g));
	const struct grid_open *open = arg;

	if (open)
		grid_model_init(&g->m, open->day, open->move_id);
	else
		grid_model_init(&g->m, today(), 0);
	reload(a, g);
	return g;
}

/* Opened again on top: the day stays, the booking given is moved. */
static void grid_reopen(struct app *a, void *st, const void *arg)
{
	struct grid_screen *g = st;
	const struct grid_open *open = arg;

	(void)a;
	grid_model_start_move(&g->m, open ? open->move_id : 0);
}

static void grid_close(struct app *a, void *st)
{
	struct grid_screen *g = st;

	(void)a;
	drop(g);
	free(g);
}

static int visible_cols(void)
{
	int n = (COLS - ROOM_W) / CELL_W;

	return n > 1 ? n : 1;
}

static int visible_rows(void)
{
	int n = LINES - TOP - 5;

	return n > 1 ? n : 1;
}

static void draw_header(const struct grid_screen *g)
{
	const struct grid *d = g->ndays ? &g->days[0] : NULL;
	bool week = g->m.view == GRID_VIEW_WEEK;
	char line[1024], room[NAME_BYTES], date[DATE_LEN];
	int c, x;

	if (week && d) {
		const struct grid *r0;
		int gr;

		r0 = row_grid(g, 0, &gr);
		snprintf(room, sizeof(room), "%s", r0 ? r0->rooms[gr].room.name : "");
		snprintf(line, sizeof(line), _("Week of %s from %s"), room, d->date);
	} else {
		clock_date_of(g->m.day, date, sizeof(date));
		snprintf(line, sizeof(line), "%s %s%s%s", date,
			 _(WEEKDAYS[clock_weekday_of_day(g->m.day) - 1]),
			 d && *d->closed ? "  " : "", d && *d->closed ? d->closed : "");
	}
	draw_text(1, 1, line, COLS - 2, d && *d->closed && !week ? ROLE_WARNING : ROLE_LABEL, 1);
	if (g->m.move_id) {
		snprintf(line, sizeof(line), _("Moving booking %lld: Enter on a free cell, Esc stops."),
			 g->m.move_id);
		draw_text(1, MOVE_X, line, COLS - MOVE_X, ROLE_WARNING, 1);
	}
	draw_fill(2, 0, COLS, ROLE_NORMAL);
	for (c = g->m.first_col; d && c < d->ncols && c < g->m.first_col + visible_cols(); c++) {
		int m = d->first_min + c * GRID_SLOT_MIN;

		x = ROOM_W + (c - g->m.first_col) * CELL_W;
		if (m % 60 == 0 && x + 5 <= COLS) {
			snprintf(line, sizeof(line), "%02d:%02d", m / 60, m % 60);
			draw_text(2, x, line, 5, ROLE_DIM, 0);
		}
	}
}

static void draw_label(const struct grid_screen *g, int r, int y, bool selected)
{
	char line[NAME_BYTES + 32], name[NAME_BYTES];
	int gr, used;
	const struct grid *d = row_grid(g, r, &gr);

	if (!d)
		return;
	if (g->m.view == GRID_VIEW_WEEK) {
		snprintf(line, sizeof(line), "%s %s", _(WEEKDAYS[r % GRID_WEEK_DAYS]), d->date + 5);
		draw_text(y, 0, line, ROOM_W - 1, selected ? ROLE_SELECTED : ROLE_LABEL, 1);
	} else {
		used = text_cut(d->rooms[gr].room.name, ROOM_W - 6, name, sizeof(name));
		snprintf(line, sizeof(line), "%s%*s%4d", name, ROOM_W - 5 - used, "",
			 d->rooms[gr].room.capacity);
		draw_text(y, 0, line, ROOM_W - 1, selected ? ROLE_SELECTED : ROLE_NORMAL, 1);
	}
	draw_text(y, ROOM_W - 1, "|", 1, ROLE_DIM, 0);
}

static enum role cell_role(int cell)
{
	switch (cell) {
	case GC_BOOKED:
		return ROLE_BOOKED;
	case GC_PENDING:
		return ROLE_PENDING;
	case GC_CHECKED_IN:
		return ROLE_CHECKED_IN;
	case GC_CLOSED:
		return ROLE_CLOSED;
	case GC_PAST:
	case GC_BUFFER:
	case GC_RELEASED:
	case GC_OUTSIDE:
		return ROLE_DIM;
	default:
		return ROLE_NORMAL;
	}
}

/* The text of a run of cells of one kind (and one booking). */
static void run_text(const struct grid *d, int cell, int which, int col, int len, char *out,
		     size_t outsz)
{
	static const char MARK[] = { [GC_BOOKED] = '|', [GC_PENDING] = '?',
				     [GC_CHECKED_IN] = '*', [GC_RELEASED] = '~' };
	size_t n = 0;
	int i;

	if (which >= 0 && cell != GC_BUFFER) {
		snprintf(out, outsz, "%c%s", MARK[cell], d->bookings[which].booker_short);
		return;
	}
	for (i = 0; i < len && n + CELL_W < outsz; i++) {
		int m = d->first_min + (col + i) * GRID_SLOT_MIN;
		const char *pat = cell == GC_CLOSED ? "xxxx" : cell == GC_BUFFER ? "----"
				: cell == GC_OUTSIDE ? "    " : m % 60 ? ".   " : ":   ";

		memcpy(out + n, pat, CELL_W);
		n += CELL_W;
	}
	out[n] = '\0';
}

static void draw_grid_row(const struct grid_screen *g, int r, int y, bool selected_row)
{
	char text[512];
	int gr, c, end, first = g->m.first_col, last = first + visible_cols();
	const struct grid *d = row_grid(g, r, &gr);

	if (!d)
		return;
	if (last > d->ncols)
		last = d->ncols;
	for (c = first; c < last; c = end) {
		int cell = grid_at(d, gr, c), which = grid_booking(d, gr, c);

		for (end = c + 1; end < last && grid_at(d, gr, end) == cell &&
				  grid_booking(d, gr, end) == which;
		     end++)
			;
		run_text(d, cell, which, c, end - c, text, sizeof(text));
		draw_text(y, ROOM_W + (c - first) * CELL_W, text, (end - c) * CELL_W,
			  cell_role(cell), 1);
	}
	if (selected_row && g->m.col >= first && g->m.col < last)
		mvchgat(y, ROOM_W + (g->m.col - first) * CELL_W, CELL_W,
			(attr_t)(theme_attr(ROLE_SELECTED) & ~A_COLOR),
			(short)PAIR_NUMBER(theme_attr(ROLE_SELECTED)), NULL);
}

/* The grid, its row and the minute of the day at the cursor, or NULL when
 * the cursor is on no cell. */
static const struct grid *cursor_cell(const struct grid_screen *g, int *grow, int *min)
{
	const struct grid *d = row_grid(g, g->m.row, grow);

	if (!d || g->m.col >= d->ncols)
		return NULL;
	*min = d->first_min + g->m.col * GRID_SLOT_MIN;
	return d;
}

/* What the selected cell holds, in words. */
static void draw_selected(const struct grid_screen *g)
{
	char line[1024], from[16], to[16];
	int gr, cell, which, m;
	const struct grid *d = cursor_cell(g, &gr, &m);
	const struct grid_room *room;

	if (!d)
		return;
	room = &d->rooms[gr];
	cell = grid_at(d, gr, g->m.col);
	which = grid_booking(d, gr, g->m.col);
	if (which >= 0 && cell != GC_BUFFER) {
		const struct booking *b = &d->bookings[which];

		clock_local_hm(b->start, from, sizeof(from));
		clock_local_hm(b->end, to, sizeof(to));
		snprintf(line, sizeof(line), "%s %s %s-%s  %s  %d  %s", room->room.name, d->date, from,
			 to, b->booker, b->attendees, _(booking_state_word(b->state)));
	} else {
		snprintf(line, sizeof(line), _("%s %s %02d:%02d  holds %d  open %02d:%02d-%02d:%02d%s%s"),
			 room->room.name, d->date, m / 60, m % 60, room->room.capacity,
			 room->open_min / 60, room->open_min % 60, room->close_min / 60,
			 room->close_min % 60, *room->closed ? "  " : "", room->closed);
	}
	draw_text(LINES - 4, 1, line, COLS - 2, ROLE_LABEL, 1);
	draw_text(LINES - 3, 1,
		  _(":. free  |booked  ?pending  *checked in  ~released  ---- buffer  xxxx closed"),
		  COLS - 1, ROLE_DIM, 1);
}

static void grid_draw(struct app *a, void *st)
{
	struct grid_screen *g = st;
	int r, y, rows = visible_rows();

	(void)a;
	grid_model_scroll(&g->m, rows, visible_cols());
	draw_header(g);
	if (nrows(g) == 0) {
		draw_text(TOP, 2, _("No rooms yet: an admin adds them (hubdesk room add)."), COLS - 4,
			  ROLE_DIM, 0);
		return;
	}
	for (r = g->m.first_row, y = TOP; r < nrows(g) && y < TOP + rows; r++, y++) {
		draw_label(g, r, y, r == g->m.row);
		draw_grid_row(g, r, y, r == g->m.row);
	}
	draw_selected(g);
}

/* Moves the booking being moved to the selected free cell, keeping its
 * length; for a series, the following dates too when the desk says so. */
static void move_here(struct app *a, struct grid_screen *g, const struct grid *d, int gr, int m)
{
	char start[32], end[32], room[32];
	struct booking_series s = { 0 };
	struct hd_err err;
	struct booking b;
	enum hd_status rc;
	int len;

	if (booking_get(a->db, g->m.move_id, &b, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		grid_model_finish_move(&g->m);
		return;
	}
	len = (int)((b.end - b.start) / 60);
	snprintf(start, sizeof(start), "%s %02d:%02d", d->date, m / 60, m % 60);
	snprintf(end, sizeof(end), "%s %02d:%02d", d->date, (m + len) / 60, (m + len) % 60);
	snprintf(room, sizeof(room), "%lld", d->rooms[gr].room.id);
	if (b.series_id && app_confirm(a, _("Move the following dates of the series too?")))
		rc = booking_move_following(a->db, &a->actor, VIA_DIRECT, b.id, start, end, room,
					    &s, &err);
	else
		rc = booking_move(a->db, &a->actor, VIA_DIRECT, b.id, start, end, room, &err);
	if (rc != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	booking_series_free(&s);
	app_message(a, ROLE_OK, _("Booking %lld moved to %s %s."), b.id, d->rooms[gr].room.name,
		    start);
	grid_model_finish_move(&g->m);
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
	const struct grid *d = cursor_cell(g, &gr, &m);

	if (!d)
		return;
	cell = grid_at(d, gr, g->m.col);
	which = grid_booking(d, gr, g->m.col);
	switch (grid_model_enter(&g->m, cell, which >= 0)) {
	case GRID_ENTER_OPEN:
		/* A resident sees that a slot is taken and by whom, no more. */
		if (a->actor.kind == ACTOR_RESIDENT)
			app_message(a, ROLE_DIM, _("Booked by %s."), d->bookings[which].booker_short);
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
		app_message(a, ROLE_WARNING, "%s", _("This half hour is kept free after a booking."));
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

	for (r = 0; r < nrows(g); r++)
		if (g->days[0].rooms[r].room.id == room_id)
			return r;
	return 0;
}

static void toggle_week(struct app *a, struct grid_screen *g)
{
	int gr;
	const struct grid *d = row_grid(g, g->m.row, &gr);

	if (!grid_model_toggle_week(&g->m, d ? d->rooms[gr].room.id : 0))
		return;
	reload(a, g);
	if (g->m.view == GRID_VIEW_DAY)
		grid_model_to_row(&g->m, room_row(g, g->m.week_room));
}

/* The free-room finder at the day shown and the cursor's time. */
static void find_room(struct app *a, const struct grid_screen *g)
{
	struct slot slot;

	memset(&slot, 0, sizeof(slot));
	clock_date_of(g->m.day, slot.date, sizeof(slot.date));
	slot.start_min = g->ndays ? g->days[0].first_min + g->m.col * GRID_SLOT_MIN : 9 * 60;
	slot.end_min = slot.start_min + 60;
	app_push(a, &SCREEN_FREE_ROOM, &slot);
}

/* The keys with a curses code: the cursor and the day. */
static enum key_result code_key(struct app *a, struct grid_screen *g, wint_t ch)
{
	switch (ch) {
	case KEY_UP:
		grid_model_move(&g->m, -1, 0);
		break;
	case KEY_DOWN:
		grid_model_move(&g->m, 1, 0);
		break;
	case KEY_LEFT:
		grid_model_move(&g->m, 0, -1);
		break;
	case KEY_RIGHT:
		grid_model_move(&g->m, 0, 1);
		break;
	case KEY_HOME:
		grid_model_row_start(&g->m);
		break;
	case KEY_END:
		grid_model_row_end(&g->m);
		break;
	case KEY_PPAGE:
		grid_model_earlier(&g->m);
		reload(a, g);
		break;
	case KEY_NPAGE:
		grid_model_later(&g->m);
		reload(a, g);
		break;
	default:
		return KR_IGNORED;
	}
	return KR_HANDLED;
}

static enum key_result grid_key(struct app *a, void *st, struct key_in k)
{
	struct grid_screen *g = st;

	if (k.code)
		return code_key(a, g, k.ch);
	switch (k.ch) {
	case 27:
		if (!grid_model_cancel_move(&g->m))
			return KR_IGNORED;
		app_message(a, ROLE_DIM, "%s", _("The booking stays where it was."));
		break;
	case '\r':
	case '\n':
		open_cell(a, g);
		break;
	case 't':
		grid_model_today(&g->m, today());
		reload(a, g);
		break;
	case 'w':
		toggle_week(a, g);
		break;
	case '/':
		find_room(a, g);
		break;
	case 'a':
		if (app_allowed(a, ACC_APPROVE))
			app_push(a, &SCREEN_APPROVALS, NULL);
		break;
	case 'y':
		app_push(a, &SCREEN_MY_BOOKINGS, NULL);
		break;
	default:
		return KR_IGNORED;
	}
	return KR_HANDLED;
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

static const int GRID_KEYS[] = { ACT_CELL, ACT_OPEN_CELL, ACT_DAY, ACT_TODAY, ACT_WEEK,
				 ACT_FIND_ROOM, ACT_MY_BOOKINGS, ACT_APPROVALS, -1 };

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
};
