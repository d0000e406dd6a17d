/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_free_room.c - find a free room (/ in the room grid): for a date,
 * a time range and a head count, the rooms open, not closed and free then,
 * smallest first; Enter on one opens the booking form for it (with the head
 * count), Tab goes back to the question. Back from the form, the question
 * stands and the list is asked again, so a room just booked is gone. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/grid.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_record.h"
#include "tui/form_view.h"
#include "tui/list_panel.h"

enum { F_DATE, F_START, F_END, F_PEOPLE, F_COUNT };

#define X0 2
#define LIST_TOP (4 + F_COUNT + 1)

struct free_room {
	struct field fields[F_COUNT];
	struct form form;
	struct room *rooms;
	int nrooms;
	struct list_view list;
	bool asked, in_list;
	struct slot slot; /* the question as last asked, its head count too */
};

static void *free_open(struct app *a, const void *arg)
{
	const struct slot *s = arg;
	struct free_room *f = xcalloc(1, sizeof(*f));
	struct field_spec specs[F_COUNT] = {
		[F_DATE] = { .name = "date",
			     .label = _("Date"),
			     .kind = FIELD_DATE,
			     .required = true },
		[F_START] = { .name = "start",
			      .label = _("Start"),
			      .kind = FIELD_TIME,
			      .required = true },
		[F_END] = { .name = "end", .label = _("End"), .kind = FIELD_TIME, .required = true },
	};
	struct field_spec rec[BOOKING_NFIELDS];
	char text[16];
	int i;

	(void)a;
	form_record_specs(&BOOKING_RECORD, rec);
	specs[F_PEOPLE] = rec[BOOKING_F_attendees]; /* as many as the booking will say */
	specs[F_PEOPLE].required = true;
	for (i = 0; i < F_COUNT; i++)
		field_init(&f->fields[i], &specs[i]);
	field_set_text(&f->fields[F_DATE], s->date);
	snprintf(text, sizeof(text), "%02d:%02d", s->start_min / 60, s->start_min % 60);
	field_set_text(&f->fields[F_START], text);
	snprintf(text, sizeof(text), "%02d:%02d", s->end_min / 60, s->end_min % 60);
	field_set_text(&f->fields[F_END], text);
	field_set_text(&f->fields[F_PEOPLE], "1");
	form_init(&f->form, f->fields, F_COUNT);
	return f;
}

static void free_close(struct app *a, void *st)
{
	struct free_room *f = st;

	(void)a;
	free(f->rooms);
	free(f);
}

static void free_draw(struct app *a, void *st)
{
	struct free_room *f = st;
	char line[256];
	int i, y;

	(void)a;
	draw_text(1, X0, _("Rooms free for a time and a head count"), COLS - 2 * X0, ROLE_LABEL, 1);
	if (f->in_list) {
		snprintf(line, sizeof(line), _("%s %02d:%02d-%02d:%02d, %d people"), f->slot.date,
			 f->slot.start_min / 60, f->slot.start_min % 60, f->slot.end_min / 60,
			 f->slot.end_min % 60, f->slot.people);
		draw_text(3, X0, line, COLS - 2 * X0, ROLE_NORMAL, 1);
	}
	if (f->asked && f->nrooms == 0)
		draw_text(LIST_TOP, X0, _("No room is free then."), COLS - 2 * X0, ROLE_WARNING, 1);
	for (i = list_view_first(&f->list, LINES - 3 - LIST_TOP), y = LIST_TOP;
	     i < f->nrooms && y < LINES - 3; i++, y++) {
		snprintf(line, sizeof(line), _("%s, holds %d"), f->rooms[i].name,
			 f->rooms[i].capacity);
		draw_row(y, X0, line, COLS - 2 * X0, f->in_list && i == f->list.selected,
			 ROLE_NORMAL);
	}
	if (!f->in_list)
		form_view_draw(&f->form, 3, 14, 20);
}

/* The rooms free for the question in f->slot, as of now. */
static enum hd_status list_free(struct app *a, struct free_room *f, struct hd_err *err)
{
	char start[32], end[32];
	time_t from, to;

	free(f->rooms);
	f->rooms = NULL;
	f->nrooms = 0;
	snprintf(start, sizeof(start), "%s %02d:%02d", f->slot.date, f->slot.start_min / 60,
		 f->slot.start_min % 60);
	snprintf(end, sizeof(end), "%s %02d:%02d", f->slot.date, f->slot.end_min / 60,
		 f->slot.end_min % 60);
	if (clock_parse_local(start, _("Start"), &from, err) != HD_OK ||
	    clock_parse_local(end, _("End"), &to, err) != HD_OK)
		return HD_BAD_INPUT;
	return grid_free_rooms(a->db, from, to, f->slot.people, &f->rooms, &f->nrooms, err);
}

static void ask(struct app *a, struct free_room *f)
{
	struct hd_err err;

	if (form_validate(&f->form, NULL) != HD_OK)
		return;
	snprintf(f->slot.date, sizeof(f->slot.date), "%.10s", f->fields[F_DATE].value);
	f->slot.start_min = (int)f->fields[F_START].number;
	f->slot.end_min = (int)f->fields[F_END].number;
	f->slot.people = (int)f->fields[F_PEOPLE].number;
	f->asked = false;
	f->in_list = false;
	if (list_free(a, f, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	a->message[0] = '\0';
	f->asked = true;
	f->in_list = f->nrooms > 0;
	f->list.selected = f->list.first = 0;
	list_view_set_count(&f->list, f->nrooms);
}

/* Back from the booking form (or anything opened on top): the same
 * question asked again; what the form said stays on the status line. */
static void free_resume(struct app *a, void *st)
{
	struct free_room *f = st;
	struct hd_err err;

	if (!f->asked)
		return;
	if (list_free(a, f, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	list_view_set_count(&f->list, f->nrooms);
	if (f->nrooms == 0)
		f->in_list = false;
}

static enum key_result list_key(struct app *a, struct free_room *f, struct key_in k)
{
	if (list_panel_key(&f->list, k.act, LIST_TOP))
		return KR_HANDLED;
	switch (k.act) {
	case ACT_NEXT:
		f->in_list = false;
		break;
	case ACT_ENTER:
		f->slot.room_id = f->rooms[f->list.selected].id;
		app_push(a, &SCREEN_BOOKING, &f->slot);
		break;
	default:
		return KR_IGNORED;
	}
	return KR_HANDLED;
}

static enum key_result free_key(struct app *a, void *st, struct key_in k)
{
	struct free_room *f = st;
	struct form_event ev;

	if (f->in_list)
		return list_key(a, f, k);
	if (!form_view_event(k, &ev) || ev.key == FK_ESC)
		return KR_IGNORED;
	if (form_key(&f->form, ev) == FORM_SUBMIT)
		ask(a, f);
	return KR_HANDLED;
}

static bool free_typing(struct app *a, void *st)
{
	(void)a;
	return !((struct free_room *)st)->in_list;
}

static const int FREE_KEYS[] = { ACT_NEXT, ACT_SAVE, ACT_PICK, -1 };
static const int FREE_MORE[] = { LIST_ACTIONS, ACT_ENTER, -1 };

const struct screen_ops SCREEN_FREE_ROOM = {
	.title = N_("Find a free room"),
	.open = free_open,
	.close = free_close,
	.draw = free_draw,
	.key = free_key,
	.typing = free_typing,
	.resume = free_resume,
	.keys = FREE_KEYS,
	.more = FREE_MORE,
};
