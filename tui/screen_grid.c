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
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"

#define ROOM_W 20  /* the fixed room column, its separator included */
#define CELL_W 4   /* columns of a half hour */
#define TOP 3      /* the first row of rooms */
#define DAYS 7
#define RELOAD_TICKS 10
#define MOVE_X 17  /* the move hint, after the date and weekday */

struct grid_screen {
	char date[DATE_LEN];   /* the day shown; in week mode a day of the week */
	struct grid days[DAYS]; /* day mode: days[0]; week mode: Monday..Sunday */
	int ndays;
	bool week;
	long long week_room;    /* the room of the week mode */
	long long move_id;      /* the booking being moved, or 0 */
	int row, col, first_row, first_col, ticks;
};

static void today(char *out, size_t outsz)
{
	clock_local_date(clock_now(), out, outsz);
}

static void shift_date(char *date, int days)
{
	char moved[DATE_LEN];

	clock_date_add(date, days, moved, sizeof(moved));
	snprintf(date, DATE_LEN, "%s", moved);
}

/* Monday 0 ... Sunday 6 */
static int weekday_of(const char *date)
{
	int wd = clock_weekday_of(date);

	return wd ? wd - 1 : 0;
}

static void drop(struct grid_screen *g)
{
	int i;

	for (i = 0; i < g->ndays; i++)
		grid_free(&g->days[i]);
	g->ndays = 0;
}

static void reload(struct app *a, struct grid_screen *g)
{
	char day[DATE_LEN];
	struct hd_err err;
	int i, n = g->week ? DAYS : 1;

	drop(g);
	snprintf(day, sizeof(day), "%s", g->date);
	if (g->week)
		shift_date(day, -weekday_of(day));
	for (i = 0; i < n; i++) {
		if (grid_day(a->db, clock_day_of(day), &g->days[i], &err) != HD_OK) {
			app_message(a, ROLE_ERROR, "%s", err.msg);
			break;
		}
		g->ndays++;
		shift_date(day, 1);
	}
	g->ticks = 0;
}

/* The grid and its row shown on screen row r (week mode: the week room). */
static const struct grid *row_grid(const struct grid_screen *g, int r, int *grow)
{
	const struct grid *d;
	int i;

	if (!g->week) {
		*grow = r;
		return g->ndays && r < g->days[0].nrooms ? &g->days[0] : NULL;
	}
	if (r >= g->ndays)
		return NULL;
	d = &g->days[r];
	for (i = 0; i < d->nrooms; i++)
		if (d->rooms[i].room.id == g->week_room) {
			*grow = i;
			return d;
		}
	return NULL;
}

static int nrows(const struct grid_screen *g)
{
	return g->week ? g->ndays : (g->ndays ? g->days[0].nrooms : 0);
}

static int ncols(const struct grid_screen *g)
{
	return g->ndays ? g->days[0].ncols : 0;
}

static void *grid_open(struct app *a, const void *arg)
{
	struct grid_screen *g = xcalloc(1, sizeof(*g));
	const struct grid_open *open = arg;

	if (open) {
		clock_date_of(open->day, g->date, sizeof(g->date));
		g->move_id = open->move_id;
	} else {
		today(g->date, sizeof(g->date));
	}
	reload(a, g);
	return g;
}

/* Opened again on top: the day stays, the booking given is moved. */
static void grid_reopen(struct app *a, void *st, const void *arg)
{
	struct grid_screen *g = st;
	const struct grid_open *open = arg;

	(void)a;
	g->move_id = open ? open->move_id : 0;
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
	static const char *const WEEKDAYS[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
						 N_("Fri"), N_("Sat"), N_("Sun") };
	const struct grid *d = g->ndays ? &g->days[0] : NULL;
	char line[1024], room[NAME_BYTES];
	int c, x;

	if (g->week && d) {
		const struct grid *r0;
		int gr;

		r0 = row_grid(g, 0, &gr);
		snprintf(room, sizeof(room), "%s", r0 ? r0->rooms[gr].room.name : "");
		snprintf(line, sizeof(line), _("Week of %s from %s"), room, d->date);
	} else {
		snprintf(line, sizeof(line), "%s %s%s%s", g->date, _(WEEKDAYS[weekday_of(g->date)]),
			 d && *d->closed ? "  " : "", d && *d->closed ? d->closed : "");
	}
	draw_text(1, 1, line, COLS - 2, d && *d->closed && !g->week ? ROLE_WARNING : ROLE_LABEL, 1);
	if (g->move_id) {
		snprintf(line, sizeof(line), _("Moving booking %lld: Enter on a free cell, Esc stops."),
			 g->move_id);
		draw_text(1, MOVE_X, line, COLS - MOVE_X, ROLE_WARNING, 1);
	}
	draw_fill(2, 0, COLS, ROLE_NORMAL);
	for (c = g->first_col; d && c < d->ncols && c < g->first_col + visible_cols(); c++) {
		int m = d->first_min + c * GRID_SLOT_MIN;

		x = ROOM_W + (c - g->first_col) * CELL_W;
		if (m % 60 == 0 && x + 5 <= COLS) {
			snprintf(line, sizeof(line), "%02d:%02d", m / 60, m % 60);
			draw_text(2, x, line, 5, ROLE_DIM, 0);
		}
	}
}

static void draw_label(const struct grid_screen *g, int r, int y, bool selected)
{
	static const char *const WEEKDAYS[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
						 N_("Fri"), N_("Sat"), N_("Sun") };
	char line[NAME_BYTES + 32], name[NAME_BYTES];
	int gr, used;
	const struct grid *d = row_grid(g, r, &gr);

	if (!d)
		return;
	if (g->week) {
		snprintf(line, sizeof(line), "%s %s", _(WEEKDAYS[r % DAYS]), d->date + 5);
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
	int gr, c, end, last = g->first_col + visible_cols();
	const struct grid *d = row_grid(g, r, &gr);

	if (!d)
		return;
	if (last > d->ncols)
		last = d->ncols;
	for (c = g->first_col; c < last; c = end) {
		int cell = grid_at(d, gr, c), which = grid_booking(d, gr, c);

		for (end = c + 1; end < last && grid_at(d, gr, end) == cell &&
				  grid_booking(d, gr, end) == which;
		     end++)
			;
		run_text(d, cell, which, c, end - c, text, sizeof(text));
		draw_text(y, ROOM_W + (c - g->first_col) * CELL_W, text, (end - c) * CELL_W,
			  cell_role(cell), 1);
	}
	if (selected_row && g->col >= g->first_col && g->col < last)
		mvchgat(y, ROOM_W + (g->col - g->first_col) * CELL_W, CELL_W,
			(attr_t)(theme_attr(ROLE_SELECTED) & ~A_COLOR),
			(short)PAIR_NUMBER(theme_attr(ROLE_SELECTED)), NULL);
}

/* What the selected cell holds, in words. */
static void draw_selected(const struct grid_screen *g)
{
	char line[1024], from[16], to[16];
	int gr, cell, which, m;
	const struct grid *d = row_grid(g, g->row, &gr);
	const struct grid_room *room;

	if (!d || g->col >= d->ncols)
		return;
	room = &d->rooms[gr];
	cell = grid_at(d, gr, g->col);
	which = grid_booking(d, gr, g->col);
	m = d->first_min + g->col * GRID_SLOT_MIN;
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
	if (g->row < g->first_row)
		g->first_row = g->row;
	if (g->row >= g->first_row + rows)
		g->first_row = g->row - rows + 1;
	if (g->col < g->first_col)
		g->first_col = g->col;
	if (g->col >= g->first_col + visible_cols())
		g->first_col = g->col - visible_cols() + 1;
	draw_header(g);
	if (nrows(g) == 0) {
		draw_text(TOP, 2, _("No rooms yet: an admin adds them (hubdesk room add)."), COLS - 4,
			  ROLE_DIM, 0);
		return;
	}
	for (r = g->first_row, y = TOP; r < nrows(g) && y < TOP + rows; r++, y++) {
		draw_label(g, r, y, r == g->row);
		draw_grid_row(g, r, y, r == g->row);
	}
	draw_selected(g);
}

/* Moves the booking being moved to the selected free cell, keeping its
 * length; for a series, the following dates too when the desk says so. */
static void move_here(struct app *a, struct grid_screen *g, const struct grid *d, int gr)
{
	char start[32], end[32], room[32];
	struct booking_series s = { 0 };
	struct hd_err err;
	struct booking b;
	enum hd_status rc;
	int m = d->first_min + g->col * GRID_SLOT_MIN, len;

	if (booking_get(a->db, g->move_id, &b, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		g->move_id = 0;
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
	g->move_id = 0;
	reload(a, g);
}

static void open_cell(struct app *a, struct grid_screen *g)
{
	struct slot slot;
	int gr, cell, which, m;
	const struct grid *d = row_grid(g, g->row, &gr);

	if (!d || g->col >= d->ncols)
		return;
	cell = grid_at(d, gr, g->col);
	which = grid_booking(d, gr, g->col);
	m = d->first_min + g->col * GRID_SLOT_MIN;
	if (which >= 0 && cell != GC_BUFFER && cell != GC_RELEASED) {
		/* A resident sees that a slot is taken and by whom, no more. */
		if (a->actor.kind == ACTOR_RESIDENT)
			app_message(a, ROLE_DIM, _("Booked by %s."), d->bookings[which].booker_short);
		else
			app_push(a, &SCREEN_BOOKING_DETAIL, &d->bookings[which].id);
		return;
	}
	if (cell == GC_CLOSED)
		app_message(a, ROLE_WARNING, "%s", *d->closed ? d->closed : d->rooms[gr].closed);
	else if (cell == GC_OUTSIDE)
		app_message(a, ROLE_WARNING, _("%s is not open then."), d->rooms[gr].room.name);
	else if (cell == GC_PAST)
		app_message(a, ROLE_WARNING, "%s", _("That time has passed."));
	else if (cell == GC_BUFFER)
		app_message(a, ROLE_WARNING, "%s", _("This half hour is kept free after a booking."));
	else if (g->move_id)
		move_here(a, g, d, gr);
	else {
		memset(&slot, 0, sizeof(slot));
		slot.room_id = d->rooms[gr].room.id;
		snprintf(slot.date, sizeof(slot.date), "%s", d->date);
		slot.start_min = m;
		slot.end_min = m + 60 <= d->rooms[gr].close_min ? m + 60 : m + GRID_SLOT_MIN;
		app_push(a, &SCREEN_BOOKING, &slot);
	}
}

static void toggle_week(struct app *a, struct grid_screen *g)
{
	int gr;
	const struct grid *d = row_grid(g, g->row, &gr);

	if (!g->week) {
		if (!d)
			return;
		g->week_room = d->rooms[gr].room.id;
		g->week = true;
		reload(a, g);
		g->row = weekday_of(g->date);
		return;
	}
	if (d)
		snprintf(g->date, sizeof(g->date), "%s", d->date);
	g->week = false;
	reload(a, g);
	for (g->row = 0; g->row < nrows(g); g->row++)
		if (g->days[0].rooms[g->row].room.id == g->week_room)
			break;
	if (g->row >= nrows(g))
		g->row = 0;
}

static bool arrow(struct grid_screen *g, wint_t ch)
{
	if (ch == KEY_UP && g->row > 0)
		g->row--;
	else if (ch == KEY_DOWN && g->row + 1 < nrows(g))
		g->row++;
	else if (ch == KEY_LEFT && g->col > 0)
		g->col--;
	else if (ch == KEY_RIGHT && g->col + 1 < ncols(g))
		g->col++;
	else if (ch == KEY_HOME)
		g->col = 0;
	else if (ch == KEY_END)
		g->col = ncols(g) > 0 ? ncols(g) - 1 : 0;
	else
		return ch == KEY_UP || ch == KEY_DOWN || ch == KEY_LEFT || ch == KEY_RIGHT;
	return true;
}

static enum key_result grid_key(struct app *a, void *st, struct key_in k)
{
	struct grid_screen *g = st;
	struct slot slot;

	if (k.code && arrow(g, k.ch))
		return KR_HANDLED;
	if (k.code && (k.ch == KEY_PPAGE || k.ch == KEY_NPAGE)) {
		shift_date(g->date, (k.ch == KEY_PPAGE ? -1 : 1) * (g->week ? DAYS : 1));
		reload(a, g);
		return KR_HANDLED;
	}
	if (k.code)
		return KR_IGNORED;
	if (k.ch == 27 && g->move_id) {
		g->move_id = 0;
		app_message(a, ROLE_DIM, "%s", _("The booking stays where it was."));
		return KR_HANDLED;
	}
	if (k.ch == '\r' || k.ch == '\n') {
		open_cell(a, g);
		return KR_HANDLED;
	}
	if (k.ch == 't') {
		today(g->date, sizeof(g->date));
		reload(a, g);
		return KR_HANDLED;
	}
	if (k.ch == 'w') {
		toggle_week(a, g);
		return KR_HANDLED;
	}
	if (k.ch == '/') {
		memset(&slot, 0, sizeof(slot));
		snprintf(slot.date, sizeof(slot.date), "%s", g->date);
		slot.start_min = g->ndays ? g->days[0].first_min + g->col * GRID_SLOT_MIN : 9 * 60;
		slot.end_min = slot.start_min + 60;
		app_push(a, &SCREEN_FREE_ROOM, &slot);
		return KR_HANDLED;
	}
	if (k.ch == 'a') {
		if (app_allowed(a, ACC_APPROVE))
			app_push(a, &SCREEN_APPROVALS, NULL);
		return KR_HANDLED;
	}
	if (k.ch == 'y') {
		app_push(a, &SCREEN_MY_BOOKINGS, NULL);
		return KR_HANDLED;
	}
	return KR_IGNORED;
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
