/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grid_draw.c - drawing the room grid: the day (or the week) and the move
 * under the title, the hours, the rooms (or the days) down the side with
 * their cells, and the selected cell in words. Only ASCII marks the cells,
 * so terminals that draw ambiguous-width characters wide stay aligned. */
#include "tui/grid_draw.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"
#include "tui/draw.h"

#define ROOM_W 20 /* the fixed room column, its separator included */
#define CELL_W 4  /* columns of a half hour */
#define TOP 3     /* the first row of rooms */
#define MOVE_X 17 /* the move hint, after the date and weekday */

static const char *const WEEKDAYS[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					N_("Fri"), N_("Sat"), N_("Sun") };

int grid_shown_rows(const struct grid_shown *g)
{
	return g->m.view == GRID_VIEW_WEEK ? g->ndays : (g->ndays ? g->days[0].nrooms : 0);
}

int grid_shown_cols(const struct grid_shown *g)
{
	return g->ndays ? g->days[0].ncols : 0;
}

const struct grid *grid_shown_row(const struct grid_shown *g, int r, int *grow)
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

static void draw_header(const struct grid_shown *g)
{
	const struct grid *d = g->ndays ? &g->days[0] : NULL;
	bool week = g->m.view == GRID_VIEW_WEEK;
	char line[1024], room[NAME_BYTES], date[DATE_LEN];
	int c, x;

	if (week && d) {
		const struct grid *r0;
		int gr;

		r0 = grid_shown_row(g, 0, &gr);
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
		snprintf(line, sizeof(line),
			 _("Moving booking %lld: Enter on a free cell, Esc stops."), g->m.move_id);
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

static void draw_label(const struct grid_shown *g, int r, int y, bool selected)
{
	char line[NAME_BYTES + 32], name[NAME_BYTES];
	int gr, used;
	const struct grid *d = grid_shown_row(g, r, &gr);

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
	static const char MARK[] = { [GC_BOOKED] = '|',
				     [GC_PENDING] = '?',
				     [GC_CHECKED_IN] = '*',
				     [GC_RELEASED] = '~' };
	size_t n = 0;
	int i;

	if (which >= 0 && cell != GC_BUFFER) {
		snprintf(out, outsz, "%c%s", MARK[cell], d->bookings[which].booker_short);
		return;
	}
	for (i = 0; i < len && n + CELL_W < outsz; i++) {
		int m = d->first_min + (col + i) * GRID_SLOT_MIN;
		const char *pat = cell == GC_CLOSED    ? "xxxx"
				  : cell == GC_BUFFER  ? "----"
				  : cell == GC_OUTSIDE ? "    "
				  : m % 60             ? ".   "
						       : ":   ";

		memcpy(out + n, pat, CELL_W);
		n += CELL_W;
	}
	out[n] = '\0';
}

static void draw_grid_row(const struct grid_shown *g, int r, int y, bool selected_row)
{
	char text[512];
	int gr, c, end, first = g->m.first_col, last = first + visible_cols();
	const struct grid *d = grid_shown_row(g, r, &gr);

	if (!d)
		return;
	if (last > d->ncols)
		last = d->ncols;
	for (c = first; c < last; c = end) {
		int cell = grid_at(d, gr, c), which = grid_booking(d, gr, c);

		for (end = c + 1;
		     end < last && grid_at(d, gr, end) == cell && grid_booking(d, gr, end) == which;
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

const struct grid *grid_shown_cursor(const struct grid_shown *g, int *grow, int *min)
{
	const struct grid *d = grid_shown_row(g, g->m.row, grow);

	if (!d || g->m.col >= d->ncols)
		return NULL;
	*min = d->first_min + g->m.col * GRID_SLOT_MIN;
	return d;
}

/* What the selected cell holds, in words. */
static void draw_selected(const struct grid_shown *g)
{
	char line[1024], from[16], to[16];
	int gr, cell, which, m;
	const struct grid *d = grid_shown_cursor(g, &gr, &m);
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
		snprintf(line, sizeof(line), "%s %s %s-%s  %s  %d  %s", room->room.name, d->date,
			 from, to, b->booker, b->attendees, _(booking_state_word(b->state)));
	} else {
		snprintf(line, sizeof(line),
			 _("%s %s %02d:%02d  holds %d  open %02d:%02d-%02d:%02d%s%s"),
			 room->room.name, d->date, m / 60, m % 60, room->room.capacity,
			 room->open_min / 60, room->open_min % 60, room->close_min / 60,
			 room->close_min % 60, *room->closed ? "  " : "", room->closed);
	}
	draw_text(LINES - 4, 1, line, COLS - 2, ROLE_LABEL, 1);
	draw_text(LINES - 3, 1,
		  _(":. free  |booked  ?pending  *checked in  ~released  ---- buffer  xxxx closed"),
		  COLS - 1, ROLE_DIM, 1);
}

void grid_shown_draw(struct grid_shown *g)
{
	int r, y, rows = visible_rows();

	grid_model_scroll(&g->m, rows, visible_cols());
	draw_header(g);
	if (grid_shown_rows(g) == 0) {
		draw_text(TOP, 2, _("No rooms yet: an admin adds them (hubdesk room add)."),
			  COLS - 4, ROLE_DIM, 0);
		return;
	}
	for (r = g->m.first_row, y = TOP; r < grid_shown_rows(g) && y < TOP + rows; r++, y++) {
		draw_label(g, r, y, r == g->m.row);
		draw_grid_row(g, r, y, r == g->m.row);
	}
	draw_selected(g);
}
