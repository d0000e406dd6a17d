/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_present.c - who is here (home 4): everyone checked in and not out,
 * with time in, purpose, party and the head count; o checks the selected
 * visitor out; e starts the evacuation roll call, where Enter (or space)
 * marks the selected party accounted for; p prints the list for the fire
 * warden; Enter opens a visitor's detail. Phones are never shown here. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/text.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "printing/roll.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/list_panel.h"
#include "tui/print_tell.h"

#define X0 2
#define TOP 4

struct present {
	struct visit *in;
	bool *accounted; /* roll call marks, by row */
	int count;
	struct list_view list;
	bool roll_call;
};

static void reload(struct app *a, struct present *p)
{
	struct hd_err err;

	free(p->in);
	free(p->accounted);
	p->in = NULL;
	p->accounted = NULL;
	p->count = 0;
	if (visit_present(a->db, &p->in, &p->count, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	p->accounted = xcalloc((size_t)p->count + 1, sizeof(*p->accounted));
	list_view_set_count(&p->list, p->count);
}

static void *present_open(struct app *a, const void *arg)
{
	struct present *p = xcalloc(1, sizeof(*p));

	(void)arg;
	if (!app_allowed(a, ACC_VISITOR)) {
		p->count = 0;
		p->accounted = calloc(1, sizeof(*p->accounted));
		return p;
	}
	reload(a, p);
	return p;
}

static void present_close(struct app *a, void *st)
{
	struct present *p = st;

	(void)a;
	free(p->in);
	free(p->accounted);
	free(p);
}

/* The name cut to cols columns and padded with spaces to exactly cols. */
static void pad_name(const char *name, int cols, char *out, size_t outsz)
{
	int used = text_cut(name, cols, out, outsz);
	size_t len = strlen(out);

	while (used < cols && len + 1 < outsz) {
		out[len++] = ' ';
		used++;
	}
	out[len] = '\0';
}

static void present_draw(struct app *a, void *st)
{
	struct present *p = st;
	char line[512], when[16], name[NAME_BYTES + 16];
	int i, y, rows = LINES - TOP - 4, heads = 0, marked = 0;

	(void)a;
	for (i = 0; i < p->count; i++) {
		heads += p->in[i].party;
		if (p->accounted[i])
			marked += p->in[i].party;
	}
	if (p->roll_call)
		snprintf(line, sizeof(line),
			 _("Roll call: %d of %d people accounted for (Enter marks, e ends)"),
			 marked, heads);
	else
		snprintf(line, sizeof(line), _("%d visits in, %d people"), p->count, heads);
	draw_text(2, X0, line, COLS - 2 * X0, p->roll_call ? ROLE_WARNING : ROLE_LABEL, 0);
	if (p->count == 0)
		draw_text(TOP, X0, _("Nobody is checked in."), COLS - 2 * X0, ROLE_DIM, 0);
	for (i = list_view_first(&p->list, rows), y = TOP; i < p->count && y < TOP + rows;
	     i++, y++) {
		const struct visit *v = &p->in[i];

		clock_local_hm(v->time_in, when, sizeof(when));
		pad_name(v->name, 16, name, sizeof(name));
		snprintf(line, sizeof(line), "%s %s  %s %3d  %s",
			 p->roll_call ? (p->accounted[i] ? "[x]" : "[ ]") : "   ", when, name,
			 v->party, list_label(&LIST_PURPOSE, v->purpose));
		draw_row(y, X0, line, COLS - 2 * X0, i == p->list.selected, ROLE_NORMAL);
	}
}

static void checkout(struct app *a, struct present *p)
{
	struct hd_err err;
	bool already;
	time_t first;

	char question[NAME_BYTES + 64];

	if (p->list.selected >= p->count)
		return;
	snprintf(question, sizeof(question), _("Check %s out?"),
		 p->in[p->list.selected].erased ? _("(erased)") : p->in[p->list.selected].name);
	if (!app_confirm(a, question))
		return;
	if (visit_checkout(a->db, &a->actor, p->in[p->list.selected].id, VIA_DIRECT, &already,
			   &first, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	app_message(a, ROLE_OK, _("%s checked out."), p->in[p->list.selected].name);
	reload(a, p);
}

static void print_list(struct app *a)
{
	struct spool_outcome out;
	struct hd_err err;
	enum hd_status rc;

	rc = roll_print(a->db, &a->actor, &out, &err);
	print_tell(a, rc, &out, &err);
}

static enum key_result present_key(struct app *a, void *st, struct key_in k)
{
	struct present *p = st;

	bool on = p->list.selected < p->count;

	if (list_panel_key(&p->list, k.act, TOP))
		return KR_HANDLED;
	switch (k.act) {
	case ACT_DETAIL:
	case ACT_SPACE:
		if (p->roll_call && on) {
			/* Marked accounted for; the next one comes up. */
			p->accounted[p->list.selected] = !p->accounted[p->list.selected];
			list_view_move(&p->list, LIST_DOWN);
		} else if (k.act == ACT_DETAIL && !p->roll_call && on) {
			app_push(a, &SCREEN_VISITOR, &p->in[p->list.selected].id);
		} else {
			return KR_IGNORED;
		}
		return KR_HANDLED;
	case ACT_CHECKOUT:
		if (p->roll_call)
			return KR_IGNORED;
		checkout(a, p);
		return KR_HANDLED;
	case ACT_PRINT_LIST:
		print_list(a);
		return KR_HANDLED;
	case ACT_REPRINT_SELECTED:
		if (p->roll_call || !on)
			return KR_IGNORED;
		print_slip_again(a, p->in[p->list.selected].id);
		return KR_HANDLED;
	case ACT_ROLL_CALL:
		p->roll_call = !p->roll_call;
		memset(p->accounted, 0, (size_t)p->count * sizeof(*p->accounted));
		return KR_HANDLED;
	default:
		return KR_IGNORED;
	}
}

static void present_tick(struct app *a, void *st)
{
	struct present *p = st;

	/* Others check people in and out at other desks: the list follows,
	 * except during a roll call, whose marks must stay put. */
	if (!p->roll_call && access_grant(actor_role(&a->actor), ACC_VISITOR) == GRANT_YES)
		reload(a, p);
}

static const int PRESENT_KEYS[] = {
	ACT_PICK, ACT_DETAIL, ACT_CHECKOUT, ACT_REPRINT_SELECTED, ACT_ROLL_CALL, ACT_PRINT_LIST, -1
};
static const int PRESENT_MORE[] = { LIST_ACTIONS, ACT_SPACE, -1 };

const struct screen_ops SCREEN_PRESENT = {
	.title = N_("Who is here"),
	.open = present_open,
	.close = present_close,
	.draw = present_draw,
	.key = present_key,
	.tick = present_tick,
	.keys = PRESENT_KEYS,
	.more = PRESENT_MORE,
};
