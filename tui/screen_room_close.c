/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_room_close.c - closing one room for a period (arg: the room's
 * id): from, to ("YYYY-MM-DD HH:MM") and a reason. The active bookings
 * inside the period are listed as the period is typed, before anything is
 * saved; F2 asks before closing over them, saves the closure through
 * room_close() and lists what is inside then: nothing is cancelled, the
 * desk moves or cancels each (Enter opens one). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/room.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/list_panel.h"
#include "tui/rooms.h"

enum { F_FROM, F_TO, F_REASON, F_COUNT };

#define X0 2
#define FORM_TOP 4
#define LIST_TOP (FORM_TOP + F_COUNT + 1)
#define PERIOD_CHARS 16 /* "YYYY-MM-DD HH:MM" */

struct room_close {
	struct room room;
	struct field fields[F_COUNT];
	struct form form;
	struct booking *inside; /* the active bookings inside the period */
	int n;
	struct list_view list;
	bool saved; /* the closure is saved: the list is the desk's */
	char from[EDITOR_TEXT_MAX], to[EDITOR_TEXT_MAX]; /* the period saved */
};

static void text_of(struct field *f, char *out, size_t outsz)
{
	char raw[EDITOR_TEXT_MAX];

	editor_text(&f->ed, raw, sizeof(raw));
	text_trim(raw, out, outsz);
}

/* The bookings inside from..to (none while it is not a period yet). */
static enum hd_status list_inside(struct app *a, struct room_close *rc, const char *from,
				  const char *to, struct hd_err *err)
{
	enum hd_status st;
	time_t start, end;

	free(rc->inside);
	rc->inside = NULL;
	rc->n = 0;
	st = room_read_period(from, to, &start, &end, err);
	if (st == HD_OK)
		st = room_bookings_in(a->db, rc->room.id, start, end, &rc->inside, &rc->n, err);
	list_view_set_count(&rc->list, rc->n);
	return st;
}

static void preview(struct app *a, struct room_close *rc)
{
	char from[EDITOR_TEXT_MAX], to[EDITOR_TEXT_MAX];
	struct hd_err err;

	text_of(&rc->fields[F_FROM], from, sizeof(from));
	text_of(&rc->fields[F_TO], to, sizeof(to));
	list_inside(a, rc, from, to, &err);
}

static void *room_close_open(struct app *a, const void *arg)
{
	struct room_close *rc = xcalloc(1, sizeof(*rc));
	const struct field_spec specs[F_COUNT] = {
		[F_FROM] = { .name = "from",
			     .label = _("From"),
			     .kind = FIELD_TEXT,
			     .required = true,
			     .max_chars = PERIOD_CHARS },
		[F_TO] = { .name = "to",
			   .label = _("To"),
			   .kind = FIELD_TEXT,
			   .required = true,
			   .max_chars = PERIOD_CHARS },
		[F_REASON] = { .name = "reason",
			       .label = _("Reason"),
			       .kind = FIELD_TEXT,
			       .required = true,
			       .max_chars = TEXT_MAX_CHARS },
	};
	char day[DATE_LEN], text[32];
	struct hd_err err;
	int open, close, i;

	for (i = 0; i < F_COUNT; i++)
		field_init(&rc->fields[i], &specs[i]);
	form_init(&rc->form, rc->fields, F_COUNT);
	if (room_get(a->db, *(const long long *)arg, &rc->room, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return rc;
	}
	/* Today, from the room's opening to its closing. */
	room_hours(a->db, &rc->room, &open, &close);
	clock_local_date(clock_now(), day, sizeof(day));
	snprintf(text, sizeof(text), "%s %02d:%02d", day, open / 60, open % 60);
	field_set_text(&rc->fields[F_FROM], text);
	snprintf(text, sizeof(text), "%s %02d:%02d", day, close / 60, close % 60);
	field_set_text(&rc->fields[F_TO], text);
	preview(a, rc);
	return rc;
}

static void room_close_close(struct app *a, void *st)
{
	struct room_close *rc = st;

	(void)a;
	free(rc->inside);
	free(rc);
}

static void booking_line(const struct booking *b, char *out, size_t outsz)
{
	char from[32], to[16];

	clock_local_datetime(b->start, from, sizeof(from));
	clock_local_hm(b->end, to, sizeof(to));
	snprintf(out, outsz, "%-5lld %s-%s  %s  %s  %d", b->id, from, to,
		 _(booking_state_word(b->state)), b->booker, b->attendees);
}

static void draw_inside(struct room_close *rc)
{
	char line[NAME_BYTES + 128];
	int i, y = LIST_TOP + 1, rows = LINES - 3 - y;

	if (rc->n == 0) {
		draw_text(LIST_TOP, X0,
			  rc->saved ? _("No booking inside the period needs the desk.")
				    : _("No booking is inside the period."),
			  COLS - 2 * X0, ROLE_DIM, 1);
		return;
	}
	snprintf(
		line, sizeof(line),
		rc->saved
			? _("Bookings inside: %d. The desk moves or cancels each (Enter opens it).")
			: _("Bookings inside: %d. They stay booked until the desk moves or cancels them."),
		rc->n);
	draw_text(LIST_TOP, X0, line, COLS - 2 * X0, ROLE_WARNING, 1);
	for (i = list_view_first(&rc->list, rows); i < rc->n && y < LIST_TOP + 1 + rows; i++, y++) {
		booking_line(&rc->inside[i], line, sizeof(line));
		draw_row(y, X0, line, COLS - 2 * X0, rc->saved && i == rc->list.selected,
			 ROLE_NORMAL);
	}
}

static void room_close_draw(struct app *a, void *st)
{
	struct room_close *rc = st;
	char line[NAME_BYTES + 96];
	int open, close;

	room_hours(a->db, &rc->room, &open, &close);
	snprintf(line, sizeof(line), _("%s, open %02d:%02d-%02d:%02d"), rc->room.name, open / 60,
		 open % 60, close / 60, close % 60);
	draw_text(1, X0, line, COLS - 2 * X0, ROLE_LABEL, 1);
	if (rc->saved) {
		snprintf(line, sizeof(line), _("Closed from %s to %s."), rc->from, rc->to);
		draw_text(2, X0, line, COLS - 2 * X0, ROLE_OK, 1);
	} else {
		draw_text(2, X0,
			  _("From and to as YYYY-MM-DD HH:MM; bookings inside are never dropped."),
			  COLS - 2 * X0, ROLE_DIM, 1);
	}
	draw_inside(rc);
	if (!rc->saved)
		form_view_draw(&rc->form, FORM_TOP, 14, 40);
}

static void tell(struct app *a, struct room_close *rc, const struct hd_err *err)
{
	struct field *f = form_find(&rc->form, err->field);
	int i;

	for (i = 0; !f && i < F_COUNT; i++)
		if (strcmp(rc->fields[i].label, err->field) == 0)
			f = &rc->fields[i];
	if (f) {
		snprintf(f->error, sizeof(f->error), "%s", err->msg);
		form_focus(&rc->form, (int)(f - rc->fields));
	} else {
		app_message(a, ROLE_ERROR, "%s", err->msg);
	}
}

static void save(struct app *a, struct room_close *rc)
{
	const char *from = rc->fields[F_FROM].value, *to = rc->fields[F_TO].value;
	char question[256];
	struct hd_err err;
	time_t start, end;
	long long id;

	a->message[0] = '\0';
	if (form_validate(&rc->form, &err) != HD_OK)
		return;
	if (list_inside(a, rc, from, to, &err) != HD_OK) {
		tell(a, rc, &err);
		return;
	}
	snprintf(question, sizeof(question), _("Bookings inside: %d. Close anyway?"), rc->n);
	if (rc->n > 0 && !app_confirm(a, question)) {
		app_message(a, ROLE_DIM, "%s", _("Nothing saved."));
		return;
	}
	if (room_read_period(from, to, &start, &end, &err) != HD_OK ||
	    room_close(a->db, &a->actor, rc->room.id, start, end, rc->fields[F_REASON].value, &id,
		       &err) != HD_OK) {
		tell(a, rc, &err);
		return;
	}
	snprintf(rc->from, sizeof(rc->from), "%s", from);
	snprintf(rc->to, sizeof(rc->to), "%s", to);
	rc->saved = true;
	rc->list.selected = rc->list.first = 0;
	/* What is inside now: a booking made since the preview is listed too. */
	if (list_inside(a, rc, rc->from, rc->to, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	else if (rc->n > 0)
		app_message(a, ROLE_WARNING,
			    _("%s is closed; bookings inside that need the desk: %d."),
			    rc->room.name, rc->n);
	else
		app_message(a, ROLE_OK, _("%s is closed; no booking is inside."), rc->room.name);
}

static enum key_result saved_key(struct app *a, struct room_close *rc, struct key_in k)
{
	if (list_panel_key(&rc->list, k.act, LIST_TOP + 1))
		return KR_HANDLED;
	if (k.act != ACT_DETAIL || rc->list.selected >= rc->n)
		return KR_IGNORED;
	app_push(a, &SCREEN_BOOKING_DETAIL, &rc->inside[rc->list.selected].id);
	return KR_HANDLED;
}

static enum key_result room_close_key(struct app *a, void *st, struct key_in k)
{
	struct room_close *rc = st;
	struct form_event ev;

	if (rc->saved)
		return saved_key(a, rc, k);
	if (!rc->room.id || !form_view_event(k, &ev) || ev.key == FK_ESC)
		return KR_IGNORED;
	if (form_key(&rc->form, ev) == FORM_SUBMIT)
		save(a, rc);
	else
		preview(a, rc);
	return KR_HANDLED;
}

static bool room_close_typing(struct app *a, void *st)
{
	(void)a;
	return !((struct room_close *)st)->saved;
}

static bool room_close_dirty(struct app *a, void *st)
{
	struct room_close *rc = st;

	(void)a;
	return !rc->saved && form_dirty(&rc->form);
}

/* Back from a booking's detail: what is still inside. */
static void room_close_resume(struct app *a, void *st)
{
	struct room_close *rc = st;
	struct hd_err err;

	if (rc->saved && list_inside(a, rc, rc->from, rc->to, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
}

static const int ROOM_CLOSE_KEYS[] = { ACT_NEXT, ACT_SAVE, ACT_PICK, ACT_DETAIL, -1 };
static const int ROOM_CLOSE_MORE[] = { LIST_ACTIONS, -1 };

const struct screen_ops SCREEN_ROOM_CLOSE = {
	.title = N_("Close a room"),
	.open = room_close_open,
	.close = room_close_close,
	.draw = room_close_draw,
	.key = room_close_key,
	.typing = room_close_typing,
	.dirty = room_close_dirty,
	.resume = room_close_resume,
	.keys = ROOM_CLOSE_KEYS,
	.more = ROOM_CLOSE_MORE,
	.patient = true,
};
