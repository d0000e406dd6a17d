/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_team.c - a team's page: its filing data, state, the workflow
 * history with date and person, its bookings and its last activity. Staff
 * take the workflow's steps here (r review, f file and print the filing
 * receipt, c classify in the category asked for, b step back with a
 * reason, d deregister with a reason) and edit its data (e); the desk
 * records an activity (a) and prints the receipt again (p); staff set its
 * booking PIN (k). The leader's phone is masked except for staff. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/filing_number.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/team.h"
#include "core/token.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "printing/filing.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/pin_form.h"

#define X0 2
#define LABEL_W 16
#define BOOKINGS_MAX 6
#define RECENT_DAYS 90

struct team_page {
	long long id;
	struct team t;
	bool gone;
	char code[TOKEN_MAX];
	char number[FILING_NUMBER_MAX]; /* its filing number, "" before it is filed */
	struct team_step *steps;
	int nsteps;
	struct booking *bookings;
	int nbookings;
	enum team_action asking; /* reopen or deregister: the reason is typed */
	bool reasoning;
	struct field reason;
	struct form form;
	bool classifying; /* the category is asked for */
	struct field category;
	struct form cform;
	struct pin_form pin;
};

static void reload(struct app *a, struct team_page *p)
{
	struct hd_err err;

	free(p->steps);
	free(p->bookings);
	p->steps = NULL;
	p->bookings = NULL;
	p->nsteps = p->nbookings = 0;
	p->gone = team_get(a->db, p->id, &p->t, &err) != HD_OK;
	if (p->gone) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	if (token_make(a->db, TOKEN_TEAM, p->id, p->code, sizeof(p->code), &err) != HD_OK)
		p->code[0] = '\0';
	if (filing_number_get(a->db, p->id, p->number, sizeof(p->number), &err) != HD_OK)
		p->number[0] = '\0';
	if (team_history(a->db, p->id, &p->steps, &p->nsteps, &err) != HD_OK ||
	    booking_of_booker(a->db, (struct booker){ BOOKER_TEAM, p->id },
			      clock_now() - RECENT_DAYS * 86400, BOOKINGS_MAX, &p->bookings,
			      &p->nbookings, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
}

static void *team_open(struct app *a, const void *arg)
{
	struct team_page *p = xcalloc(1, sizeof(*p));
	struct field_spec spec = { .name = "reason",
				   .label = _("Reason"),
				   .kind = FIELD_TEXT,
				   .required = true,
				   .max_chars = TEXT_MAX_CHARS };
	struct field_spec cspec = { .name = "category",
				    .label = _("Category"),
				    .kind = FIELD_CHOICE,
				    .required = true,
				    .list = &LIST_TEAM_CATEGORY };

	p->id = *(const long long *)arg;
	field_init(&p->reason, &spec);
	form_init(&p->form, &p->reason, 1);
	field_init(&p->category, &cspec);
	form_init(&p->cform, &p->category, 1);
	pin_form_init(&p->pin);
	reload(a, p);
	return p;
}

static void team_close(struct app *a, void *st)
{
	struct team_page *p = st;

	(void)a;
	pin_form_close(&p->pin);
	free(p->steps);
	free(p->bookings);
	free(p);
}

static void row(int *y, int x, const char *label, const char *value)
{
	draw_text(*y, x, label, LABEL_W, ROLE_LABEL, 1);
	draw_text(*y, x + LABEL_W, value, COLS - x - LABEL_W - 1, ROLE_NORMAL, 1);
	(*y)++;
}

static void draw_data(struct app *a, const struct team_page *p, int *y)
{
	const struct team *t = &p->t;
	char line[2 * TEXT_BYTES + 64], phone[PHONE_MAX];

	snprintf(line, sizeof(line), "%s  [%s]  %s", t->name,
		 list_label(&LIST_TEAM_STATE, (int)t->state), p->code);
	draw_text((*y)++, X0, line, COLS - 2 * X0, ROLE_LABEL, 1);
	snprintf(line, sizeof(line), "%s, %s", list_label(&LIST_TEAM_CATEGORY, t->category),
		 t->short_name);
	row(y, X0, _("Category"), line);
	if (access_grant(actor_role(&a->actor), ACC_REGISTERS) == GRANT_YES)
		snprintf(phone, sizeof(phone), "%s", t->phone);
	else
		phone_mask(t->phone, phone, sizeof(phone));
	snprintf(line, sizeof(line), "%s  %s", t->leader, phone);
	row(y, X0, _("Leader"), line);
	snprintf(line, sizeof(line), _("%d, of them %d party members"), t->members,
		 t->party_members);
	row(y, X0, _("Members"), line);
	row(y, X0, _("Activities"), t->content);
	snprintf(line, sizeof(line), "%s, %s", t->place, t->schedule);
	row(y, X0, _("Place and time"), line);
	snprintf(line, sizeof(line), "%s %s", t->street, t->committee);
	row(y, X0, _("Residents' committee"), line);
	snprintf(line, sizeof(line), "%s  %s %s", *t->filed_date ? t->filed_date : "-",
		 _("last activity"), *t->last_activity ? t->last_activity : "-");
	row(y, X0, _("Filed on"), line);
	row(y, X0, _("Filing number"), *p->number ? p->number : "-");
}

static void draw_history(const struct team_page *p, int *y, int last)
{
	char line[TEXT_BYTES + 2 * NAME_BYTES + 128], when[32];
	int i = p->nsteps > last - *y ? p->nsteps - (last - *y) : 0;

	for (; i < p->nsteps && *y < last; i++, (*y)++) {
		const struct team_step *s = &p->steps[i];

		clock_local_datetime(s->at, when, sizeof(when));
		snprintf(line, sizeof(line), "%s  %s  %s -> %s  %s", when, s->actor,
			 s->from ? list_label(&LIST_TEAM_STATE, (int)s->from) : "-",
			 list_label(&LIST_TEAM_STATE, (int)s->to), s->reason);
		draw_text(*y, X0 + 2, line, COLS - 2 * X0 - 2, ROLE_NORMAL, 1);
	}
}

static void draw_bookings(const struct team_page *p, int *y, int last)
{
	char line[512], from[32], to[16];
	int i;

	for (i = 0; i < p->nbookings && *y < last; i++, (*y)++) {
		const struct booking *b = &p->bookings[i];

		clock_local_datetime(b->start, from, sizeof(from));
		clock_local_hm(b->end, to, sizeof(to));
		snprintf(line, sizeof(line), "%s-%s  %s  %s", from, to, b->room,
			 _(booking_state_word(b->state)));
		draw_text(*y, X0 + 2, line, COLS - 2 * X0 - 2, ROLE_NORMAL, 1);
	}
}

static void team_draw(struct app *a, void *st)
{
	struct team_page *p = st;
	int y = 1, last = p->reasoning || p->classifying || p->pin.open ? LINES - 5 : LINES - 3;

	if (p->gone)
		return;
	draw_data(a, p, &y);
	if (y < last)
		draw_text(y++, X0, _("History"), COLS - 2 * X0, ROLE_LABEL, 1);
	draw_history(p, &y, last - (p->nbookings ? 2 : 1));
	if (y < last)
		draw_text(y++, X0,
			  p->nbookings ? _("Bookings") : _("No bookings in the last 90 days."),
			  COLS - 2 * X0, ROLE_LABEL, 1);
	draw_bookings(p, &y, last);
	if (p->reasoning)
		form_view_draw(&p->form, LINES - 4, 10, 50);
	if (p->classifying)
		form_view_draw(&p->cform, LINES - 4, 10, 50);
	pin_form_draw(&p->pin, LINES - 5);
}

static void print_receipt(struct app *a, struct team_page *p)
{
	struct spool_outcome out;
	struct hd_err err;

	if (filing_print(a->db, &a->actor, p->id, NULL, NULL, &out, &err) != HD_OK)
		app_message(a, ROLE_WARNING, _("The filing receipt was not printed: %s"), err.msg);
	else
		app_message(a, out.delivered ? ROLE_OK : ROLE_WARNING, "%s", out.message);
}

static void act(struct app *a, struct team_page *p, enum team_action action, const char *arg)
{
	struct hd_err err;
	char when[32];
	bool already;
	time_t at;

	if (team_act(a->db, &a->actor, p->id, action, arg, true, &already, &at, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	reload(a, p);
	clock_local_datetime(at, when, sizeof(when));
	if (already)
		app_message(a, ROLE_DIM, _("%s is %s already (since %s)."), p->t.name,
			    list_label(&LIST_TEAM_STATE, (int)p->t.state), at ? when : "-");
	else if (action == TEAM_FILE)
		print_receipt(a, p);
	else
		app_message(a, ROLE_OK, _("%s is %s now."), p->t.name,
			    list_label(&LIST_TEAM_STATE, (int)p->t.state));
}

static enum key_result reason_key(struct app *a, struct team_page *p, struct key_in k)
{
	struct form_event ev;

	if (!form_view_event(k, &ev))
		return KR_HANDLED;
	if (ev.key == FK_ESC) {
		p->reasoning = false;
		form_reset(&p->form);
		return KR_HANDLED;
	}
	if (form_key(&p->form, ev) == FORM_SUBMIT && form_validate(&p->form, NULL) == HD_OK) {
		p->reasoning = false;
		act(a, p, p->asking, p->reason.value);
		form_reset(&p->form);
	}
	return KR_HANDLED;
}

/* c: the category is asked for, the current one offered; Enter takes it
 * (the same category again is a step already taken). A team that cannot
 * be classified in its state is told so at once. */
static void ask_category(struct app *a, struct team_page *p)
{
	if (!app_allowed(a, ACC_TEAM_STEP))
		return;
	if (p->t.state != TEAM_FILED && p->t.state != TEAM_CLASSIFIED) {
		act(a, p, TEAM_CLASSIFY, NULL);
		return;
	}
	form_reset(&p->cform);
	field_choose(&p->category, p->t.category);
	p->classifying = true;
}

static enum key_result category_key(struct app *a, struct team_page *p, struct key_in k)
{
	struct form_event ev;
	char number[16];

	if (!form_view_event(k, &ev))
		return KR_HANDLED;
	if (ev.key == FK_ESC && !p->category.open) {
		p->classifying = false;
		return KR_HANDLED;
	}
	if (form_key(&p->cform, ev) == FORM_SUBMIT && form_validate(&p->cform, NULL) == HD_OK &&
	    p->category.chosen > 0) {
		p->classifying = false;
		snprintf(number, sizeof(number), "%d", p->category.chosen);
		act(a, p, TEAM_CLASSIFY, number);
	}
	return KR_HANDLED;
}

static void activity(struct app *a, struct team_page *p)
{
	struct hd_err err;

	if (team_activity(a->db, &a->actor, p->id, CLOCK_NO_DAY, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	reload(a, p);
	app_message(a, ROLE_OK, _("An activity of %s today is recorded."), p->t.name);
}

static enum key_result team_key(struct app *a, void *st, struct key_in k)
{
	struct team_page *p = st;

	if (p->reasoning)
		return reason_key(a, p, k);
	if (p->classifying)
		return category_key(a, p, k);
	if (p->pin.open)
		return pin_form_key(a, &p->pin, k, BOOKER_TEAM, p->id);
	if (p->gone)
		return KR_IGNORED;
	switch (k.act) {
	case ACT_BOOKER_PIN:
		pin_form_open(a, &p->pin);
		return KR_HANDLED;
	case ACT_REVIEW:
		act(a, p, TEAM_REVIEW, NULL);
		return KR_HANDLED;
	case ACT_FILE:
		act(a, p, TEAM_FILE, NULL);
		return KR_HANDLED;
	case ACT_CLASSIFY:
		ask_category(a, p);
		return KR_HANDLED;
	case ACT_EDIT:
		if (app_allowed(a, ACC_REGISTERS))
			app_push(a, &SCREEN_TEAM_EDIT, &p->id);
		return KR_HANDLED;
	case ACT_STEP_BACK:
	case ACT_DEREGISTER:
		if (!app_allowed(a, ACC_TEAM_STEP))
			return KR_HANDLED;
		p->asking = k.act == ACT_STEP_BACK ? TEAM_REOPEN : TEAM_DEREGISTER;
		p->reasoning = true;
		return KR_HANDLED;
	case ACT_ACTIVITY:
		activity(a, p);
		return KR_HANDLED;
	case ACT_REPRINT:
		print_receipt(a, p);
		return KR_HANDLED;
	default:
		return KR_IGNORED;
	}
}

static bool team_typing(struct app *a, void *st)
{
	const struct team_page *p = st;

	(void)a;
	return p->reasoning || p->classifying || p->pin.open;
}

static void team_resume(struct app *a, void *st)
{
	reload(a, st);
}

static const int TEAM_KEYS[] = { ACT_REVIEW,     ACT_FILE, ACT_CLASSIFY, ACT_STEP_BACK,
				 ACT_DEREGISTER, ACT_EDIT, ACT_ACTIVITY, ACT_REPRINT,
				 ACT_BOOKER_PIN, -1 };

const struct screen_ops SCREEN_TEAM = {
	.title = N_("Team"),
	.open = team_open,
	.close = team_close,
	.draw = team_draw,
	.key = team_key,
	.typing = team_typing,
	.resume = team_resume,
	.keys = TEAM_KEYS,
};
