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
#include "tui/print_tell.h"

#define X0 2
#define TOP 4

struct present {
	struct visit *in;
	bool *accounted; /* roll call marks, by row */
	int count, selected, first;
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
	if (p->selected >= p->count)
		p->selected = p->count > 0 ? p->count - 1 : 0;
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
			 _("Roll call: %d of %d people accounted for (Enter marks, e ends)"), marked,
			 heads);
	else
		snprintf(line, sizeof(line), _("%d visits in, %d people"), p->count, heads);
	draw_text(2, X0, line, COLS - 2 * X0, p->roll_call ? ROLE_WARNING : ROLE_LABEL, 0);
	if (p->count == 0)
		draw_text(TOP, X0, _("Nobody is checked in."), COLS - 2 * X0, ROLE_DIM, 0);
	if (p->selected < p->first)
		p->first = p->selected;
	if (p->selected >= p->first + rows)
		p->first = p->selected - rows + 1;
	for (i = p->first, y = TOP; i < p->count && y < TOP + rows; i++, y++) {
		const struct visit *v = &p->in[i];

		clock_local_hm(v->time_in, when, sizeof(when));
		pad_name(v->name, 16, name, sizeof(name));
		snprintf(line, sizeof(line), "%s %s  %s %3d  %s",
			 p->roll_call ? (p->accounted[i] ? "[x]" : "[ ]") : "   ", when, name,
			 v->party, list_label(&LIST_PURPOSE, v->purpose));
		draw_row(y, X0, line, COLS - 2 * X0, i == p->selected, ROLE_NORMAL);
	}
}

static void checkout(struct app *a, struct present *p)
{
	struct hd_err err;
	bool already;
	time_t first;

	char question[NAME_BYTES + 64];

	if (p->selected >= p->count)
		return;
	snprintf(question, sizeof(question), _("Check %s out?"),
		 p->in[p->selected].erased ? _("(erased)") : p->in[p->selected].name);
	if (!app_confirm(a, question))
		return;
	if (visit_checkout(a->db, &a->actor, p->in[p->selected].id, VIA_DIRECT, &already, &first,
			   &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	app_message(a, ROLE_OK, _("%s checked out."), p->in[p->selected].name);
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

	if (k.code && (k.ch == KEY_UP || k.ch == KEY_DOWN)) {
		if (k.ch == KEY_UP && p->selected > 0)
			p->selected--;
		if (k.ch == KEY_DOWN && p->selected + 1 < p->count)
			p->selected++;
		return KR_HANDLED;
	}
	if (k.code)
		return KR_IGNORED;
	if (!p->roll_call && (k.ch == '\r' || k.ch == '\n') && p->selected < p->count) {
		app_push(a, &SCREEN_VISITOR, &p->in[p->selected].id);
		return KR_HANDLED;
	}
	if (k.ch == 'o' && !p->roll_call) {
		checkout(a, p);
		return KR_HANDLED;
	}
	if (k.ch == 'p') {
		print_list(a);
		return KR_HANDLED;
	}
	if (k.ch == 'r' && !p->roll_call && p->selected < p->count) {
		print_slip_again(a, p->in[p->selected].id);
		return KR_HANDLED;
	}
	if (k.ch == 'e') {
		p->roll_call = !p->roll_call;
		memset(p->accounted, 0, (size_t)p->count * sizeof(*p->accounted));
		return KR_HANDLED;
	}
	if (p->roll_call && (k.ch == '\r' || k.ch == '\n' || k.ch == ' ') &&
	    p->selected < p->count) {
		p->accounted[p->selected] = !p->accounted[p->selected];
		if (p->selected + 1 < p->count)
			p->selected++;
		return KR_HANDLED;
	}
	return KR_IGNORED;
}

static void present_tick(struct app *a, void *st)
{
	struct present *p = st;

	/* Others check people in and out at other desks: the list follows,
	 * except during a roll call, whose marks must stay put. */
	if (!p->roll_call && access_grant(actor_role(&a->actor), ACC_VISITOR) == GRANT_YES)
		reload(a, p);
}

static const int PRESENT_KEYS[] = { ACT_PICK, ACT_DETAIL, ACT_CHECKOUT, ACT_REPRINT_SELECTED,
				     ACT_ROLL_CALL, ACT_PRINT_LIST, -1 };

const struct screen_ops SCREEN_PRESENT = {
	.title = N_("Who is here"),
	.open = present_open,
	.close = present_close,
	.draw = present_draw,
	.key = present_key,
	.tick = present_tick,
	.keys = PRESENT_KEYS,
};
