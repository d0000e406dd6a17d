/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_room_form.c - adding a room, or editing one (arg: its id): the
 * fields of `room add` in their order; F2 saves through room_add() or
 * room_update() (checked and audited by the core), a refusal showing on
 * the field it names. Hours left empty are 08:00 to closing.time. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/room.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_record.h"
#include "tui/form_view.h"
#include "tui/rooms.h"

#define F_COUNT ROOM_NFIELDS
#define FORM_TOP 4

struct room_form {
	struct field fields[F_COUNT];
	struct form form;
	long long id; /* the room edited, 0 for a new one */
};

/* The stored room into the fields, for an edit. */
static void fill(struct app *a, struct room_form *rf)
{
	struct room_draft d;
	struct hd_err err;
	struct room r;
	char hours[2][8];

	if (room_get(a->db, rf->id, &r, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		rf->id = 0;
		return;
	}
	room_draft_of(&r, &d, hours);
	form_record_fill(rf->fields, &ROOM_RECORD, &d);
}

static void *room_form_open(struct app *a, const void *arg)
{
	struct room_form *rf = xcalloc(1, sizeof(*rf));
	struct field_spec specs[F_COUNT];
	int i;

	form_record_specs(&ROOM_RECORD, specs);
	for (i = 0; i < F_COUNT; i++)
		field_init(&rf->fields[i], &specs[i]);
	form_init(&rf->form, rf->fields, F_COUNT);
	rf->id = arg ? *(const long long *)arg : 0;
	if (rf->id)
		fill(a, rf);
	return rf;
}

static void room_form_close(struct app *a, void *st)
{
	(void)a;
	free(st);
}

static void room_form_draw(struct app *a, void *st)
{
	struct room_form *rf = st;
	char line[256];
	int close = settings_minutes(a->db, SET_CLOSING_TIME);

	draw_text(2, 2,
		  rf->id ? _("Editing the room: fields with * are required.")
			 : _("New room: fields with * are required."),
		  COLS - 4, ROLE_DIM, 0);
	snprintf(line, sizeof(line),
		 _("Hours left empty: from 08:00 to the centre's closing time (%02d:%02d)."),
		 close / 60, close % 60);
	draw_text(FORM_TOP + F_COUNT + 1, 2, line, COLS - 4, ROLE_DIM, 0);
	draw_text(FORM_TOP + F_COUNT + 2, 2, _("Buffer minutes: kept free after each booking."),
		  COLS - 4, ROLE_DIM, 0);
	if (rf->id)
		draw_text(FORM_TOP + F_COUNT + 3, 2,
			  _("Bookings already made keep their times, even outside new hours."),
			  COLS - 4, ROLE_DIM, 0);
	form_view_draw(&rf->form, FORM_TOP, 16, 42);
}

/* The field a message names (its machine name or its label), or NULL. */
static struct field *field_named(struct room_form *rf, const char *name)
{
	struct field *f = form_find(&rf->form, name);
	int i;

	for (i = 0; !f && i < F_COUNT; i++)
		if (strcmp(rf->fields[i].label, name) == 0)
			f = &rf->fields[i];
	return f;
}

static void save(struct app *a, struct room_form *rf)
{
	char text[F_COUNT][EDITOR_TEXT_MAX];
	struct room_draft d = { 0 };
	struct hd_err err;
	struct field *f;
	long long id;

	a->message[0] = '\0';
	if (form_validate(&rf->form, &err) != HD_OK)
		return; /* the focused field shows its error */
	if (form_record_draft(rf->fields, &ROOM_RECORD, &d, text, &err) != HD_OK) {
		form_view_tell(a, &rf->form, &err);
		return;
	}
	id = rf->id;
	if ((id ? room_update(a->db, &a->actor, id, &d, &err)
		: room_add(a->db, &a->actor, &d, &id, &err)) != HD_OK) {
		f = field_named(rf, err.field);
		if (f) {
			snprintf(f->error, sizeof(f->error), "%s", err.msg);
			form_focus(&rf->form, (int)(f - rf->fields));
		} else {
			app_message(a, ROLE_ERROR, "%s", err.msg);
		}
		return;
	}
	app_message(a, ROLE_OK, _("Saved room %lld %s."), id, rf->fields[ROOM_F_name].value);
	app_pop(a);
}

static enum key_result room_form_key(struct app *a, void *st, struct key_in k)
{
	struct room_form *rf = st;
	struct form_event ev;

	if (!form_view_event(k, &ev) || ev.key == FK_ESC)
		return KR_IGNORED;
	if (form_key(&rf->form, ev) == FORM_SUBMIT)
		save(a, rf);
	return KR_HANDLED;
}

static bool room_form_typing(struct app *a, void *st)
{
	(void)a;
	(void)st;
	return true;
}

static bool room_form_dirty(struct app *a, void *st)
{
	(void)a;
	return form_dirty(&((struct room_form *)st)->form);
}

static const int ROOM_FORM_KEYS[] = { ACT_NEXT, ACT_PICK, ACT_SAVE, -1 };

#define ROOM_FORM_OPS(name)                                                               \
	{                                                                                 \
		.title = (name), .open = room_form_open, .close = room_form_close,        \
		.draw = room_form_draw, .key = room_form_key, .typing = room_form_typing, \
		.dirty = room_form_dirty, .keys = ROOM_FORM_KEYS, .patient = true         \
	}

const struct screen_ops SCREEN_ROOM_NEW = ROOM_FORM_OPS(N_("New room"));

/* The same form over a stored room (arg: its id). */
const struct screen_ops SCREEN_ROOM_EDIT = ROOM_FORM_OPS(N_("Edit room"));
