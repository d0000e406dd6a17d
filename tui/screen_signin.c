/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_signin.c - signing in (F9): a name picked or typed with
 * suggestions, then the PIN, shown hidden. Wrong PINs say how many tries
 * are left; a locked account says until when. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/pinyin.h"
#include "core/staff.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_view.h"

enum { F_NAME, F_PIN, F_COUNT };

/* The sign-in's arg when someone asks to leave a kiosk (app.h). */
const char SIGNIN_LEAVE[] = "leave";

struct signin {
	bool to_leave; /* a kiosk's F10: staff and admins leave, nobody signs in */
	struct field fields[F_COUNT];
	struct form form;
	struct staff *accounts; /* read once when the screen opens */
	int count;
};

/* Whether account a is offered for query: its name holds the text, or,
 * when pinyin is true, the letters spell its name's pinyin from one of its
 * characters (gzry: 工作人员). */
static bool offered(const struct staff *a, const char *query, bool pinyin)
{
	int count;

	if (a->disabled)
		return false;
	if (!pinyin)
		return !*query || strstr(a->name, query);
	return !strstr(a->name, query) && pinyin_find(query, a->name, &count) >= 0;
}

/* Suggestions from the accounts read at opening: names holding the text,
 * then, for lower-case letters, names whose pinyin they spell. */
static int suggest_names(void *ctx, const char *query, struct suggestion *out, int max)
{
	struct signin *s = ctx;
	int pass, i, n = 0;

	for (pass = 0; pass < (pinyin_letters(query) ? 2 : 1); pass++) {
		for (i = 0; i < s->count && n < max; i++) {
			if (!offered(&s->accounts[i], query, pass == 1))
				continue;
			out[n].id = s->accounts[i].id;
			snprintf(out[n].label, sizeof(out[n].label), "%s", s->accounts[i].name);
			snprintf(out[n].detail, sizeof(out[n].detail), "%s",
				 list_label(&LIST_ROLE, (int)s->accounts[i].role));
			n++;
		}
	}
	return n;
}

static void *signin_open(struct app *a, const void *arg)
{
	struct signin *s = xcalloc(1, sizeof(*s));
	struct hd_err err;
	struct field_spec specs[F_COUNT] = {
		[F_NAME] = { .name = "name",
			     .label = _("Your name"),
			     .kind = FIELD_SUGGEST,
			     .required = true,
			     .max_chars = NAME_MAX_CHARS,
			     .free_text = true },
		[F_PIN] = { .name = "pin",
			    .label = _("PIN"),
			    .kind = FIELD_PIN,
			    .required = true,
			    .min = 6,
			    .max = 12 },
	};

	s->to_leave = arg == SIGNIN_TO_LEAVE; /* one object, at any optimisation */
	if (staff_list(a->db, &s->accounts, &s->count, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	specs[F_NAME].suggest = suggest_names;
	specs[F_NAME].suggest_ctx = s;
	field_init(&s->fields[F_NAME], &specs[F_NAME]);
	field_init(&s->fields[F_PIN], &specs[F_PIN]);
	form_init(&s->form, s->fields, F_COUNT);
	return s;
}

static void signin_close(struct app *a, void *st)
{
	struct signin *s = st;

	(void)a;
	editor_wipe(&s->fields[F_PIN].ed);
	explicit_bzero(s->fields[F_PIN].value, sizeof(s->fields[F_PIN].value));
	free(s->accounts);
	free(s);
}

static void signin_draw(struct app *a, void *st)
{
	struct signin *s = st;

	(void)a;
	draw_text(
		2, 2,
		s->to_leave
			? _("Kiosk mode: staff or an admin closes the desk with their name and PIN.")
			: _("Sign in: type or pick your name, then your PIN."),
		COLS - 4, s->to_leave ? ROLE_WARNING : ROLE_DIM, 0);
	form_view_draw(&s->form, 4, 12, 30);
}

/* In kiosk mode the desk is left by staff and admins only; the account
 * that asked is signed out again at once. */
static void leave_as(struct app *a, struct hd_actor *who)
{
	bool may = who->role >= ROLE_STAFF;

	staff_signout(a->db, who, false);
	if (!may) {
		app_message(a, ROLE_ERROR,
			    _("%s may not close the desk in kiosk mode: staff or an admin can."),
			    who->name);
		app_pop(a);
		return;
	}
	a->quit = true;
}

static void submit(struct app *a, struct signin *s)
{
	struct signin_result res;
	struct hd_actor who;
	struct hd_err err;
	struct field *pin = &s->fields[F_PIN];
	char name[EDITOR_TEXT_MAX];
	enum hd_status rc;

	a->message[0] = '\0';
	if (form_validate(&s->form, &err) != HD_OK)
		return;
	editor_text(&s->fields[F_NAME].ed, name, sizeof(name));
	rc = staff_signin(a->db, a->desk, name, pin->value, &who, &res, &err);
	editor_wipe(&pin->ed);
	explicit_bzero(pin->value, sizeof(pin->value));
	if (rc != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		form_focus(&s->form, rc == HD_NOT_FOUND ? F_NAME : F_PIN);
		return;
	}
	if (s->to_leave) {
		leave_as(a, &who);
		return;
	}
	a->actor = who;
	app_message(a, ROLE_OK, _("Signed in: %s (%s)."), who.name,
		    list_label(&LIST_ROLE, (int)who.role));
	app_pop(a);
}

static enum key_result signin_key(struct app *a, void *st, struct key_in k)
{
	struct signin *s = st;
	struct form_event ev;

	if (!form_view_event(k, &ev) || ev.key == FK_ESC)
		return KR_IGNORED;
	if (form_key(&s->form, ev) == FORM_SUBMIT)
		submit(a, s);
	return KR_HANDLED;
}

static bool signin_typing(struct app *a, void *st)
{
	(void)a;
	(void)st;
	return true;
}

static const int SIGNIN_KEYS[] = { ACT_NEXT, ACT_PICK, -1 };

const struct screen_ops SCREEN_SIGNIN = {
	.title = N_("Sign in"),
	.open = signin_open,
	.close = signin_close,
	.draw = signin_draw,
	.key = signin_key,
	.typing = signin_typing,
	.keys = SIGNIN_KEYS,
};
