/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_visitor.c - a visitor's detail (Enter in who is here): the visit,
 * the phone (in full for staff only), the person's earlier visits, and for
 * staff x to erase this person's data on request (PIPL), after a y/n. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/backup.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/print_tell.h"

#define X0 2

struct visitor {
	long long id;
	struct visit v;
	struct visit *history;
	int count;
	bool ok;
};

static void reload(struct app *a, struct visitor *s)
{
	struct hd_err err;

	free(s->history);
	s->history = NULL;
	s->count = 0;
	s->ok = visit_get(a->db, s->id, &s->v, &err) == HD_OK;
	if (!s->ok) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	if (s->v.person_id &&
	    visit_history(a->db, s->v.person_id, &s->history, &s->count, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
}

static void *visitor_open(struct app *a, const void *arg)
{
	struct visitor *s = xcalloc(1, sizeof(*s));

	s->id = *(const long long *)arg;
	reload(a, s);
	return s;
}

static void visitor_close(struct app *a, void *st)
{
	struct visitor *s = st;

	(void)a;
	free(s->history);
	free(s);
}

static void line(int *y, const char *label, const char *value)
{
	draw_text(*y, X0, label, 14, ROLE_LABEL, 0);
	draw_text(*y, X0 + 14, value, COLS - X0 - 16, ROLE_NORMAL, 0);
	(*y)++;
}

static void visitor_draw(struct app *a, void *st)
{
	struct visitor *s = st;
	char text[256], in[32], out[16];
	bool staff = access_grant(actor_role(&a->actor), ACC_VISITOR_PRIVATE) == GRANT_YES;
	int y = 2, i;

	if (!s->ok)
		return;
	line(&y, _("Visitor"), s->v.erased ? _("(erased)") : s->v.name);
	if (*s->v.phone && staff)
		line(&y, _("Phone"), s->v.phone);
	else if (*s->v.phone) {
		phone_mask(s->v.phone, text, sizeof(text));
		line(&y, _("Phone"), text);
	}
	line(&y, _("Purpose"), list_label(&LIST_PURPOSE, s->v.purpose));
	if (*s->v.whom)
		line(&y, _("Visiting"), s->v.whom);
	if (*s->v.note)
		line(&y, _("Note"), s->v.note);
	y++;
	draw_text(y++, X0, _("Visits"), COLS - 4, ROLE_LABEL, 0);
	for (i = 0; i < s->count && y < LINES - 4; i++, y++) {
		clock_local_datetime(s->history[i].time_in, in, sizeof(in));
		out[0] = '\0';
		if (s->history[i].time_out)
			clock_local_hm(s->history[i].time_out, out, sizeof(out));
		snprintf(text, sizeof(text), "%s - %-5s  %d  %s", in, out, s->history[i].party,
			 list_label(&LIST_PURPOSE, s->history[i].purpose));
		draw_text(y, X0 + 2, text, COLS - 8, ROLE_NORMAL, 0);
	}
	if (staff && !s->v.erased)
		draw_text(
			LINES - 4, X0,
			_("x erases this person's name, phone and notes from every visit (on request)."),
			COLS - 4, ROLE_DIM, 0);
}

static enum key_result visitor_key(struct app *a, void *st, struct key_in k)
{
	struct visitor *s = st;
	struct backup_round round;
	struct hd_err err;

	if (k.act == ACT_REPRINT_SLIP && s->ok) {
		print_slip_again(a, s->id);
		return KR_HANDLED;
	}
	if (k.act != ACT_ERASE || !s->ok)
		return KR_IGNORED;
	if (!app_allowed(a, ACC_VISITOR_PRIVATE))
		return KR_HANDLED;
	if (!app_confirm(a, _("Erase this person's data from every visit?")))
		return KR_HANDLED;
	if (backup_erase_visit(a->db, &a->actor, s->id, &round, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	else
		app_message(a, ROLE_OK, "%s",
			    _("The person's data is erased; the visits still count."));
	reload(a, s);
	return KR_HANDLED;
}

static const int VISITOR_KEYS[] = { ACT_REPRINT_SLIP, ACT_ERASE, -1 };

const struct screen_ops SCREEN_VISITOR = {
	.title = N_("Visitor"),
	.open = visitor_open,
	.close = visitor_close,
	.draw = visitor_draw,
	.key = visitor_key,
	.keys = VISITOR_KEYS,
};
