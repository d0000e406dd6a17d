/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_my_bookings.c - a booker's own bookings (y in the room grid): an
 * organisation or team by a few characters of its name and its booking
 * PIN, then its bookings still to come; c cancels the selected one. This is
 * how a resident at a kiosk sees and cancels their bookings: the PIN opens
 * the list once, and nothing of it stays when the screen closes. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/pin.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/list_panel.h"
#include "tui/form_view.h"
#include "tui/suggest.h"

enum { F_BOOKER, F_PIN, F_COUNT };

#define X0 2
#define LIST_TOP (3 + F_COUNT + 1)
#define SHOWN_MAX 50

struct my_bookings {
	struct app *app;
	struct field fields[F_COUNT];
	struct form form;
	struct booker booker; /* the booker opened; BOOKER_NONE: none yet */
	struct booking *bookings;
	int n;
	struct list_view list;
};

static void reload(struct app *a, struct my_bookings *m)
{
	struct hd_err err;

	free(m->bookings);
	m->bookings = NULL;
	m->n = 0;
	if (booking_of_booker(a->db, m->booker, clock_now(), SHOWN_MAX, &m->bookings, &m->n,
			      &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	list_view_set_count(&m->list, m->n);
}

static void *my_open(struct app *a, const void *arg)
{
	struct my_bookings *m = xcalloc(1, sizeof(*m));
	struct field_spec specs[F_COUNT] = {
		[F_BOOKER] = { .name = "org",
			       .label = _("Booker"),
			       .kind = FIELD_SUGGEST,
			       .required = true,
			       .max_chars = NAME_MAX_CHARS },
		[F_PIN] = { .name = "pin",
			    .label = _("Booking PIN"),
			    .kind = FIELD_PIN,
			    .required = true,
			    .min = BOOKER_PIN_MIN,
			    .max = BOOKER_PIN_MAX },
	};
	int i;

	(void)arg;
	m->app = a;
	specs[F_BOOKER].suggest = suggest_org_or_team;
	specs[F_BOOKER].suggest_ctx = a->db;
	for (i = 0; i < F_COUNT; i++)
		field_init(&m->fields[i], &specs[i]);
	form_init(&m->form, m->fields, F_COUNT);
	return m;
}

static void my_close(struct app *a, void *st)
{
	struct my_bookings *m = st;

	(void)a;
	editor_wipe(&m->fields[F_PIN].ed);
	explicit_bzero(m->fields[F_PIN].value, sizeof(m->fields[F_PIN].value));
	free(m->bookings);
	free(m);
}

static void my_draw(struct app *a, void *st)
{
	struct my_bookings *m = st;
	char line[512], from[32], to[16];
	int i, y;

	(void)a;
	if (!m->booker.kind) {
		draw_text(1, X0, _("Your organisation or team, and its booking PIN:"),
			  COLS - 2 * X0, ROLE_DIM, 1);
		form_view_draw(&m->form, 3, 14, 40);
		return;
	}
	snprintf(line, sizeof(line), _("%d bookings to come"), m->n);
	draw_text(1, X0, line, COLS - 2 * X0, ROLE_LABEL, 1);
	if (m->n == 0)
		draw_text(LIST_TOP, X0, _("No bookings to come."), COLS - 2 * X0, ROLE_DIM, 0);
	for (i = list_view_first(&m->list, LINES - 3 - LIST_TOP), y = LIST_TOP;
	     i < m->n && y < LINES - 3; i++, y++) {
		clock_local_datetime(m->bookings[i].start, from, sizeof(from));
		clock_local_hm(m->bookings[i].end, to, sizeof(to));
		snprintf(line, sizeof(line), "%s-%s  %s  %d  %s", from, to, m->bookings[i].room,
			 m->bookings[i].attendees, _(booking_state_word(m->bookings[i].state)));
		draw_row(y, X0, line, COLS - 2 * X0, i == m->list.selected, ROLE_NORMAL);
	}
}

static void open_list(struct app *a, struct my_bookings *m)
{
	struct hd_err err;
	struct booker booker;

	if (form_validate(&m->form, &err) != HD_OK)
		return;
	booker = suggest_booker(m->fields[F_BOOKER].chosen_id);
	if (pin_booker_check(a->db, &a->actor, booker.kind, booker.id, m->fields[F_PIN].value,
			     &err) != HD_OK) {
		editor_wipe(&m->fields[F_PIN].ed);
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	editor_wipe(&m->fields[F_PIN].ed);
	explicit_bzero(m->fields[F_PIN].value, sizeof(m->fields[F_PIN].value));
	a->message[0] = '\0';
	m->booker = booker;
	reload(a, m);
}

static void cancel(struct app *a, struct my_bookings *m)
{
	struct hd_err err;
	bool already;

	if (m->list.selected >= m->n || !app_confirm(a, _("Cancel this booking?")))
		return;
	/* The PIN was given for this booker when the list opened. */
	if (booking_cancel(a->db, &a->actor, VIA_PIN, m->bookings[m->list.selected].id, &already,
			   &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	else
		app_message(a, ROLE_OK, _("Booking %lld cancelled."),
			    m->bookings[m->list.selected].id);
	reload(a, m);
}

static enum key_result my_key(struct app *a, void *st, struct key_in k)
{
	struct my_bookings *m = st;
	struct form_event ev;

	if (!m->booker.kind) {
		if (!form_view_event(k, &ev) || ev.key == FK_ESC)
			return KR_IGNORED;
		if (form_key(&m->form, ev) == FORM_SUBMIT)
			open_list(a, m);
		return KR_HANDLED;
	}
	if (list_panel_key(&m->list, k.act, LIST_TOP))
		return KR_HANDLED;
	if (k.act != ACT_CANCEL)
		return KR_IGNORED;
	cancel(a, m);
	return KR_HANDLED;
}

static bool my_typing(struct app *a, void *st)
{
	(void)a;
	return !((struct my_bookings *)st)->booker.kind;
}

static const int MY_KEYS[] = { ACT_NEXT, ACT_PICK, ACT_CANCEL, -1 };
static const int MY_MORE[] = { LIST_ACTIONS, -1 };

const struct screen_ops SCREEN_MY_BOOKINGS = {
	.title = N_("Your bookings"),
	.open = my_open,
	.close = my_close,
	.draw = my_draw,
	.key = my_key,
	.typing = my_typing,
	.keys = MY_KEYS,
	.more = MY_MORE,
};
