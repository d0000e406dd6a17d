/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_accounts.c - the desk's accounts (administration 5, admin): name,
 * role, whether disabled or locked, last sign-in; n adds an account (name,
 * role, PIN twice), d disables the selected one (it keeps its history; the
 * last admin stays), r gives it a new PIN (twice) and lifts a lock. PINs are
 * typed hidden and wiped at once. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/pin.h"
#include "core/staff.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/list_panel.h"

enum { F_NAME, F_ROLE, F_PIN, F_AGAIN, F_COUNT };

#define X0 2
#define TOP 2

enum mode { LISTING, ADDING, RESETTING };

struct accounts {
	struct staff *all;
	int n;
	struct list_view list;
	enum mode mode;
	struct field fields[F_COUNT];
	struct form form;
};

static void reload(struct app *a, struct accounts *s)
{
	struct hd_err err;

	free(s->all);
	s->all = NULL;
	s->n = 0;
	if (staff_list(a->db, &s->all, &s->n, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	list_view_set_count(&s->list, s->n);
}

static void wipe(struct accounts *s)
{
	int i;

	for (i = F_PIN; i <= F_AGAIN; i++) {
		editor_wipe(&s->fields[i].ed);
		explicit_bzero(s->fields[i].value, sizeof(s->fields[i].value));
	}
}

static void *accounts_open(struct app *a, const void *arg)
{
	struct accounts *s = xcalloc(1, sizeof(*s));
	const struct field_spec specs[F_COUNT] = {
		[F_NAME] = { .name = "name",
			     .label = _("Name"),
			     .kind = FIELD_TEXT,
			     .required = true,
			     .max_chars = NAME_MAX_CHARS },
		[F_ROLE] = { .name = "role",
			     .label = _("Role"),
			     .kind = FIELD_CHOICE,
			     .required = true,
			     .list = &LIST_ROLE },
		[F_PIN] = { .name = "pin",
			    .label = _("PIN"),
			    .kind = FIELD_PIN,
			    .required = true,
			    .min = STAFF_PIN_MIN,
			    .max = PIN_MAX },
		[F_AGAIN] = { .name = "again",
			      .label = _("PIN again"),
			      .kind = FIELD_PIN,
			      .required = true,
			      .min = STAFF_PIN_MIN,
			      .max = PIN_MAX },
	};
	int i;

	(void)arg;
	for (i = 0; i < F_COUNT; i++)
		field_init(&s->fields[i], &specs[i]);
	reload(a, s);
	return s;
}

static void accounts_close(struct app *a, void *st)
{
	struct accounts *s = st;

	(void)a;
	wipe(s);
	free(s->all);
	free(s);
}

static void accounts_draw(struct app *a, void *st)
{
	struct accounts *s = st;
	char line[512], when[32], lock[64];
	int i, y;
	time_t now = clock_now();

	(void)a;
	for (i = list_view_first(&s->list, LINES - 8 - TOP), y = TOP; i < s->n && y < LINES - 8;
	     i++, y++) {
		const struct staff *p = &s->all[i];

		if (p->last_signin)
			clock_local_datetime(p->last_signin, when, sizeof(when));
		else
			snprintf(when, sizeof(when), "-");
		lock[0] = '\0';
		if (p->locked_until > now) {
			clock_local_hm(p->locked_until, line, sizeof(line));
			snprintf(lock, sizeof(lock), _("locked until %s"), line);
		}
		snprintf(line, sizeof(line), "%-4lld %s  %s  %s  %s %s", p->id, p->name,
			 list_label(&LIST_ROLE, (int)p->role), p->disabled ? _("disabled") : "",
			 when, lock);
		draw_row(y, X0, line, COLS - 2 * X0, s->mode == LISTING && i == s->list.selected,
			 ROLE_NORMAL);
	}
	if (s->mode != LISTING)
		form_view_draw(&s->form, LINES - 8, 12, 30);
}

static void start(struct accounts *s, enum mode mode)
{
	int i;

	for (i = 0; i < F_COUNT; i++)
		field_set_text(&s->fields[i], "");
	wipe(s);
	s->mode = mode;
	/* A new account asks for all four fields; a new PIN for the two PINs. */
	if (mode == ADDING)
		form_init(&s->form, s->fields, F_COUNT);
	else
		form_init(&s->form, s->fields + F_PIN, 2);
}

static void save(struct app *a, struct accounts *s)
{
	char role[16];
	struct hd_err err;
	enum hd_status rc;
	long long id;

	if (form_validate(&s->form, &err) != HD_OK)
		return;
	if (strcmp(s->fields[F_PIN].value, s->fields[F_AGAIN].value) != 0) {
		wipe(s);
		app_message(a, ROLE_ERROR, "%s", _("The two PINs differ; type them again."));
		form_focus(&s->form, s->mode == ADDING ? F_PIN : 0);
		return;
	}
	snprintf(role, sizeof(role), "%d", s->fields[F_ROLE].chosen);
	if (s->mode == ADDING)
		rc = staff_add(a->db, &a->actor, s->fields[F_NAME].value, role,
			       s->fields[F_PIN].value, &id, &err);
	else
		rc = staff_reset_pin(a->db, &a->actor, s->all[s->list.selected].id,
				     s->fields[F_PIN].value, &err);
	wipe(s);
	if (rc != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	app_message(a, ROLE_OK, "%s",
		    s->mode == ADDING ? _("The account is added.") : _("The PIN is changed."));
	s->mode = LISTING;
	reload(a, s);
}

static void disable(struct app *a, struct accounts *s)
{
	struct hd_err err;
	bool already;

	if (s->list.selected >= s->n || !app_confirm(a, _("Disable this account?")))
		return;
	if (staff_disable(a->db, &a->actor, s->all[s->list.selected].id, &already, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	else
		app_message(a, ROLE_OK, _("%s is disabled."), s->all[s->list.selected].name);
	reload(a, s);
}

static enum key_result accounts_key(struct app *a, void *st, struct key_in k)
{
	struct accounts *s = st;
	struct form_event ev;

	if (s->mode != LISTING) {
		if (!form_view_event(k, &ev))
			return KR_HANDLED;
		if (ev.key == FK_ESC) {
			wipe(s);
			s->mode = LISTING;
			return KR_HANDLED;
		}
		if (form_key(&s->form, ev) == FORM_SUBMIT)
			save(a, s);
		return KR_HANDLED;
	}
	if (list_panel_key(&s->list, k.act, TOP))
		return KR_HANDLED;
	switch (k.act) {
	case ACT_ADD:
		start(s, ADDING);
		break;
	case ACT_RESET_PIN:
		if (s->list.selected >= s->n)
			return KR_IGNORED;
		start(s, RESETTING);
		break;
	case ACT_DISABLE:
		disable(a, s);
		break;
	default:
		return KR_IGNORED;
	}
	return KR_HANDLED;
}

static bool accounts_typing(struct app *a, void *st)
{
	(void)a;
	return ((struct accounts *)st)->mode != LISTING;
}

static const int ACCOUNTS_KEYS[] = { ACT_PICK, ACT_ADD, ACT_DISABLE, ACT_RESET_PIN, -1 };
static const int ACCOUNTS_MORE[] = { LIST_ACTIONS, -1 };

const struct screen_ops SCREEN_ACCOUNTS = {
	.title = N_("Accounts"),
	.open = accounts_open,
	.close = accounts_close,
	.draw = accounts_draw,
	.key = accounts_key,
	.typing = accounts_typing,
	.keys = ACCOUNTS_KEYS,
	.more = ACCOUNTS_MORE,
	.patient = true,
};
