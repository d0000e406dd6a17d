/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_rooms.c - the rooms (administration 3, admin): each room's name,
 * kind, capacity, opening hours and buffer, Up/Down to select, the selected
 * room's closures still to come below the list; n adds a room, e edits the
 * selected one, c closes it for a period (the bookings inside are listed
 * for the desk), h the days the whole centre is closed. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/room.h"
#include "core/xalloc.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/list_panel.h"
#include "tui/rooms.h"

#define X0 2
#define TOP 2
#define CLOSURES_SHOWN 3

/* The columns: where each starts and how wide it is, with its heading. */
static const struct {
	int x, cols;
	const char *head; /* msgid */
} COLUMNS[] = {
	{ X0, 25, N_("Name") },  { 28, 11, N_("Kind") },           { 40, 7, N_("Capacity") },
	{ 48, 14, N_("Hours") }, { 63, 15, N_("Buffer minutes") },
};

#define NCOLUMNS ((int)(sizeof(COLUMNS) / sizeof(COLUMNS[0])))

struct rooms {
	struct room *all;
	int n;
	struct list_view list;
	struct room_closure *closed; /* the selected room's closures to come */
	int nclosed;
};

static void load_closures(struct app *a, struct rooms *s)
{
	struct hd_err err;

	free(s->closed);
	s->closed = NULL;
	s->nclosed = 0;
	if (s->list.selected < s->n && room_closures(a->db, s->all[s->list.selected].id, &s->closed,
						     &s->nclosed, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
}

/* Reads the rooms again, keeping the selected one selected; a room just
 * added (the list grew: the newest id) becomes the selected one. */
static void reload(struct app *a, struct rooms *s)
{
	long long keep = s->list.selected < s->n ? s->all[s->list.selected].id : 0, newest = 0;
	int before = s->n, i;
	struct hd_err err;

	free(s->all);
	s->all = NULL;
	s->n = 0;
	if (room_list(a->db, &s->all, &s->n, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	for (i = 0; s->n > before && i < s->n; i++)
		if (s->all[i].id > newest)
			newest = s->all[i].id;
	if (newest)
		keep = newest;
	for (i = 0; i < s->n; i++)
		if (s->all[i].id == keep)
			s->list.selected = i;
	list_view_set_count(&s->list, s->n);
	load_closures(a, s);
}

static void *rooms_open(struct app *a, const void *arg)
{
	struct rooms *s = xcalloc(1, sizeof(*s));

	(void)arg;
	reload(a, s);
	s->list.selected = 0; /* the first room, not the newest */
	load_closures(a, s);
	return s;
}

static void rooms_close(struct app *a, void *st)
{
	struct rooms *s = st;

	(void)a;
	free(s->all);
	free(s->closed);
	free(s);
}

static void draw_room(struct app *a, const struct room *r, int y, enum role role)
{
	char cell[NCOLUMNS][NAME_BYTES + 8];
	int open, close, i;

	room_hours(a->db, r, &open, &close);
	snprintf(cell[0], sizeof(cell[0]), "%s", r->name);
	snprintf(cell[1], sizeof(cell[1]), "%s", list_label(&LIST_ROOM_KIND, r->kind));
	snprintf(cell[2], sizeof(cell[2]), "%d", r->capacity);
	snprintf(cell[3], sizeof(cell[3]), "%02d:%02d-%02d:%02d", open / 60, open % 60, close / 60,
		 close % 60);
	snprintf(cell[4], sizeof(cell[4]), "%d", r->buffer_min);
	draw_row(y, X0, "", COLS - 2 * X0, role == ROLE_SELECTED, ROLE_NORMAL);
	for (i = 0; i < NCOLUMNS; i++)
		draw_text(y, COLUMNS[i].x, cell[i], COLUMNS[i].cols, role, 1);
}

/* The selected room's closures still to come, under the list. */
static void draw_closures(const struct rooms *s, int y)
{
	char line[TEXT_BYTES + 96], from[32], to[32];
	int i;

	if (s->list.selected >= s->n)
		return;
	if (s->nclosed == 0) {
		snprintf(line, sizeof(line), _("%s: no closure to come."),
			 s->all[s->list.selected].name);
		draw_text(y, X0, line, COLS - 2 * X0, ROLE_DIM, 1);
		return;
	}
	snprintf(line, sizeof(line), _("%s is closed:"), s->all[s->list.selected].name);
	draw_text(y++, X0, line, COLS - 2 * X0, ROLE_LABEL, 1);
	for (i = 0; i < s->nclosed && i < CLOSURES_SHOWN; i++) {
		clock_local_datetime(s->closed[i].start, from, sizeof(from));
		clock_local_datetime(s->closed[i].end, to, sizeof(to));
		snprintf(line, sizeof(line), "  %s - %s  %s", from, to, s->closed[i].reason);
		draw_text(y++, X0, line, COLS - 2 * X0, ROLE_CLOSED, 1);
	}
	if (s->nclosed > CLOSURES_SHOWN) {
		snprintf(line, sizeof(line), _("... and %d more"), s->nclosed - CLOSURES_SHOWN);
		draw_text(y, X0, line, COLS - 2 * X0, ROLE_DIM, 1);
	}
}

static void rooms_draw(struct app *a, void *st)
{
	struct rooms *s = st;
	int i, y, rows = LINES - TOP - 3 - (CLOSURES_SHOWN + 3);

	for (i = 0; i < NCOLUMNS; i++)
		draw_text(TOP - 1, COLUMNS[i].x, _(COLUMNS[i].head), COLUMNS[i].cols, ROLE_LABEL,
			  1);
	if (s->n == 0) {
		draw_text(TOP, X0, _("No rooms yet: n adds one."), COLS - 2 * X0, ROLE_DIM, 0);
		return;
	}
	for (i = list_view_first(&s->list, rows), y = TOP; i < s->n && y < TOP + rows; i++, y++)
		draw_room(a, &s->all[i], y, i == s->list.selected ? ROLE_SELECTED : ROLE_NORMAL);
	draw_closures(s, y + 1);
}

static enum key_result rooms_key(struct app *a, void *st, struct key_in k)
{
	struct rooms *s = st;
	const struct room *r = s->list.selected < s->n ? &s->all[s->list.selected] : NULL;

	int was = s->list.selected;

	if (list_panel_key(&s->list, k.act, TOP)) {
		if (s->list.selected != was)
			load_closures(a, s);
		return KR_HANDLED;
	}
	if (k.act != ACT_ADD && k.act != ACT_EDIT && k.act != ACT_ENTER &&
	    k.act != ACT_CLOSE_ROOM && k.act != ACT_CLOSURES)
		return KR_IGNORED;
	if (!app_allowed(a, ACC_ADMIN))
		return KR_HANDLED; /* signed out meanwhile: the refusal is shown */
	switch (k.act) {
	case ACT_ADD:
		app_push(a, &SCREEN_ROOM_NEW, NULL);
		break;
	case ACT_EDIT:
	case ACT_ENTER:
		if (!r)
			return KR_IGNORED;
		app_push(a, &SCREEN_ROOM_EDIT, &r->id);
		break;
	case ACT_CLOSE_ROOM:
		if (!r)
			return KR_IGNORED;
		app_push(a, &SCREEN_ROOM_CLOSE, &r->id);
		break;
	default:
		app_push(a, &SCREEN_CLOSURES, NULL);
		break;
	}
	return KR_HANDLED;
}

static void rooms_resume(struct app *a, void *st)
{
	reload(a, st);
}

static const int ROOMS_KEYS[] = { ACT_PICK, ACT_ADD, ACT_EDIT, ACT_CLOSE_ROOM, ACT_CLOSURES, -1 };
static const int ROOMS_MORE[] = { LIST_ACTIONS, ACT_ENTER, -1 };

const struct screen_ops SCREEN_ROOMS = {
	.title = N_("Rooms"),
	.open = rooms_open,
	.close = rooms_close,
	.draw = rooms_draw,
	.key = rooms_key,
	.resume = rooms_resume,
	.keys = ROOMS_KEYS,
	.more = ROOMS_MORE,
	.patient = true,
};
