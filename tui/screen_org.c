/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_org.c - an organisation's page: kind, short name, the credit code
 * (with the warning when its check character fails), contact and phone
 * (whole for staff, masked for others), the residence term, and its
 * bookings; e edits it and k sets its booking PIN (staff). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/org.h"
#include "core/xalloc.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/pin_form.h"

#define X0 2
#define LABEL_W 16
#define BOOKINGS_MAX 8
#define RECENT_DAYS 30

struct org_page {
	long long id;
	struct pin_form pin;
	struct org o;
	bool gone;
	struct booking *bookings;
	int nbookings;
};

static void reload(struct app *a, struct org_page *p)
{
	struct hd_err err;

	free(p->bookings);
	p->bookings = NULL;
	p->nbookings = 0;
	p->gone = org_get(a->db, p->id, &p->o, &err) != HD_OK;
	if (p->gone) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	if (booking_of_booker(a->db, (struct booker){ BOOKER_ORG, p->id },
			      clock_now() - RECENT_DAYS * 86400, BOOKINGS_MAX, &p->bookings,
			      &p->nbookings, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
}

static void *org_open(struct app *a, const void *arg)
{
	struct org_page *p = xcalloc(1, sizeof(*p));

	p->id = *(const long long *)arg;
	pin_form_init(&p->pin);
	reload(a, p);
	return p;
}

static void org_close(struct app *a, void *st)
{
	struct org_page *p = st;

	(void)a;
	pin_form_close(&p->pin);
	free(p->bookings);
	free(p);
}

static void row(int *y, const char *label, const char *value, enum role role)
{
	draw_text(*y, X0, label, LABEL_W, ROLE_LABEL, 1);
	draw_text(*y, X0 + LABEL_W, value, COLS - X0 - LABEL_W - 1, role, 1);
	(*y)++;
}

static void draw_term(const struct org *o, int *y)
{
	bool gone = org_moved_out(o, clock_now());
	char line[128];

	if (!*o->in_date && !*o->out_date)
		return;
	snprintf(line, sizeof(line), "%s - %s%s", *o->in_date ? o->in_date : "?",
		 *o->out_date ? o->out_date : "?", gone ? _("  (moved out)") : "");
	row(y, _("Residence"), line, gone ? ROLE_WARNING : ROLE_NORMAL);
}

static void org_draw(struct app *a, void *st)
{
	struct org_page *p = st;
	const struct org *o = &p->o;
	char line[512], phone[PHONE_MAX], from[32], to[16];
	int y = 1, i;

	if (p->gone)
		return;
	draw_text(y++, X0, o->name, COLS - 2 * X0, ROLE_LABEL, 1);
	snprintf(line, sizeof(line), "%s, %s", list_label(&LIST_ORG_KIND, o->kind), o->short_name);
	row(&y, _("Kind"), line, ROLE_NORMAL);
	if (*o->credit_code && !o->credit_ok)
		snprintf(line, sizeof(line), "%s  %s", o->credit_code,
			 _("(the check character does not match: marked for checking)"));
	else
		snprintf(line, sizeof(line), "%s", *o->credit_code ? o->credit_code : "-");
	row(&y, _("Credit code"), line, o->credit_ok ? ROLE_NORMAL : ROLE_WARNING);
	if (access_grant(actor_role(&a->actor), ACC_REGISTERS) == GRANT_YES)
		snprintf(phone, sizeof(phone), "%s", o->phone);
	else
		phone_mask(o->phone, phone, sizeof(phone));
	snprintf(line, sizeof(line), "%s  %s", *o->contact ? o->contact : "-", phone);
	row(&y, _("Contact"), line, ROLE_NORMAL);
	draw_term(o, &y);
	y++;
	draw_text(y++, X0, p->nbookings ? _("Bookings") : _("No bookings in the last 30 days."),
		  COLS - 2 * X0, ROLE_LABEL, 1);
	for (i = 0; i < p->nbookings && y < LINES - 3; i++, y++) {
		clock_local_datetime(p->bookings[i].start, from, sizeof(from));
		clock_local_hm(p->bookings[i].end, to, sizeof(to));
		snprintf(line, sizeof(line), "%s-%s  %s  %s", from, to, p->bookings[i].room,
			 _(booking_state_word(p->bookings[i].state)));
		draw_text(y, X0 + 2, line, COLS - 2 * X0 - 2, ROLE_NORMAL, 1);
	}
	pin_form_draw(&p->pin, LINES - 5);
}

static enum key_result org_key(struct app *a, void *st, struct key_in k)
{
	struct org_page *p = st;

	if (p->pin.open)
		return pin_form_key(a, &p->pin, k, BOOKER_ORG, p->id);
	if (p->gone)
		return KR_IGNORED;
	if (k.act == ACT_BOOKER_PIN) {
		pin_form_open(a, &p->pin);
		return KR_HANDLED;
	}
	if (k.act != ACT_EDIT)
		return KR_IGNORED;
	if (app_allowed(a, ACC_REGISTERS))
		app_push(a, &SCREEN_ORG_EDIT, &p->id);
	return KR_HANDLED;
}

static bool org_typing(struct app *a, void *st)
{
	(void)a;
	return ((struct org_page *)st)->pin.open;
}

static void org_resume(struct app *a, void *st)
{
	reload(a, st);
}

static const int ORG_KEYS[] = { ACT_EDIT, ACT_BOOKER_PIN, -1 };

const struct screen_ops SCREEN_ORG = {
	.title = N_("Organisation"),
	.open = org_open,
	.close = org_close,
	.draw = org_draw,
	.key = org_key,
	.typing = org_typing,
	.resume = org_resume,
	.keys = ORG_KEYS,
};
