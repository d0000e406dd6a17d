/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_checkin.c - visitor check-in (home 1): name (a returning visitor
 * is offered from a phone, its last four digits or the start of a name),
 * phone, purpose, whom they visit, party size, note, and for staff an
 * under-14 visitor with the guardian's consent. Saving prints the slip and
 * shows its code large. The screen says why the data is kept and how long. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/settings.h"
#include "core/token.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "printing/slip.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_record.h"
#include "tui/form_view.h"
#include "tui/suggest.h"

enum { F_NAME, F_PHONE, F_PURPOSE, F_WHOM, F_PARTY, F_NOTE, F_AGE, F_COUNT };

static const struct hd_choice AGE_ITEMS[] = {
	{ 1, "adult", "14 岁及以上", N_("14 or older") },
	{ 2, "under-14", "14 岁以下，监护人已同意", N_("under 14, guardian consents") },
};

static const struct hd_list LIST_AGE = { N_("age"), AGE_ITEMS, 2 };

struct checkin {
	struct app *app;
	struct field fields[F_COUNT];
	struct form form;
	struct visitor_hint hints[SUGGEST_MAX];
	char last_code[TOKEN_MAX]; /* the slip just printed, shown large */
	char last_name[EDITOR_TEXT_MAX];
};

/* Returning visitors for the name field. */
static int suggest_visitors(void *ctx, const char *query, struct suggestion *out, int max)
{
	struct checkin *c = ctx;
	char day[16];
	int n = 0, i;

	if (max > SUGGEST_MAX)
		max = SUGGEST_MAX;
	if (visit_hints(c->app->db, query, c->hints, max, &n, NULL) != HD_OK)
		return 0;
	for (i = 0; i < n; i++) {
		out[i].id = c->hints[i].person_id;
		snprintf(out[i].label, sizeof(out[i].label), "%s", c->hints[i].name);
		clock_local_date(c->hints[i].last_visit, day, sizeof(day));
		snprintf(out[i].detail, sizeof(out[i].detail), "%s %s", c->hints[i].masked, day);
	}
	return n;
}

/* Returning visitors for the phone field, while no name is typed (a name
 * typed is the visitor; their phone is not a search). */
static int suggest_by_phone(void *ctx, const char *query, struct suggestion *out, int max)
{
	struct checkin *c = ctx;

	if (!field_is_empty(&c->fields[F_NAME]))
		return 0;
	return suggest_visitors(ctx, query, out, max);
}

static void setup(struct checkin *c)
{
	struct field_spec rec[VISIT_NFIELDS], specs[F_COUNT];
	int i;

	form_record_specs(&VISIT_RECORD, rec);
	specs[F_NAME] = rec[VISIT_F_name];
	specs[F_NAME].kind = FIELD_SUGGEST; /* a returning visitor is offered */
	specs[F_NAME].free_text = true;
	specs[F_NAME].suggest = suggest_visitors;
	specs[F_NAME].suggest_ctx = c;
	specs[F_PHONE] = rec[VISIT_F_phone];
	specs[F_PHONE].suggest = suggest_by_phone;
	specs[F_PHONE].suggest_ctx = c;
	specs[F_PURPOSE] = rec[VISIT_F_purpose];
	/* One field for whom they visit: an organisation or a team picked, or
	 * a name in words. */
	specs[F_WHOM] = rec[VISIT_F_whom];
	specs[F_WHOM].name = "org";
	specs[F_WHOM].kind = FIELD_SUGGEST;
	specs[F_WHOM].free_text = true;
	specs[F_WHOM].suggest = suggest_org_or_team;
	specs[F_WHOM].suggest_ctx = c->app->db;
	specs[F_PARTY] = rec[VISIT_F_party];
	specs[F_PARTY].required = true; /* the form always says how many */
	specs[F_NOTE] = rec[VISIT_F_note];
	specs[F_AGE] = (struct field_spec){ .name = "guardian_consent",
					    .label = _("Age"),
					    .kind = FIELD_CHOICE,
					    .required = true,
					    .list = &LIST_AGE };
	for (i = 0; i < F_COUNT; i++)
		field_init(&c->fields[i], &specs[i]);
	field_set_text(&c->fields[F_PARTY], "1");
	field_choose(&c->fields[F_AGE], 1);
	form_init(&c->form, c->fields, F_COUNT);
}

static void *checkin_open(struct app *a, const void *arg)
{
	struct checkin *c = xcalloc(1, sizeof(*c));

	(void)arg;
	c->app = a;
	setup(c);
	return c;
}

static void checkin_close(struct app *a, void *st)
{
	(void)a;
	free(st);
}

/* The code spaced out, so it reads large on the desk's screen. */
static void draw_code(const struct checkin *c, int y)
{
	char spaced[TOKEN_MAX * 2 + 1], line[EDITOR_TEXT_MAX + 64];
	size_t i, n = 0;

	for (i = 0; c->last_code[i] && n + 2 < sizeof(spaced); i++) {
		spaced[n++] = c->last_code[i];
		spaced[n++] = ' ';
	}
	spaced[n] = '\0';
	snprintf(line, sizeof(line), _("Checked in: %s. Slip code:"), c->last_name);
	draw_centre(y, line, ROLE_OK);
	attron(A_BOLD);
	draw_centre(y + 1, spaced, ROLE_SELECTED);
	attroff(A_BOLD);
}

static void checkin_draw(struct app *a, void *st)
{
	struct checkin *c = st;
	char why[256];

	snprintf(
		why, sizeof(why),
		_("Name and phone are for the centre's visitor records and safety; kept %ld days, then erased."),
		settings_int(a->db, SET_RETENTION_DAYS));
	draw_text(1, 2, why, COLS - 4, ROLE_DIM, 0);
	if (c->fields[F_NAME].chosen_id)
		draw_text(3 + F_COUNT + 1, 2,
			  _("A returning visitor: an empty phone keeps the one on record."),
			  COLS - 4, ROLE_DIM, 0);
	if (*c->last_code)
		draw_code(c, LINES - 8);
	form_view_draw(&c->form, 3, 14, 40);
}

/* The same person checked in and not out: the desk is asked first. */
static bool not_here_or_again(struct app *a, const struct visit_draft *d)
{
	char question[NAME_BYTES + 160], when[16];
	struct visit v;

	if (visit_here_now(a->db, d, &v, NULL) != HD_OK)
		return true;
	clock_local_hm(v.time_in, when, sizeof(when));
	snprintf(question, sizeof(question),
		 _("%s is here already (arrived at %s, not checked out). Check in again?"), v.name,
		 when);
	return app_confirm(a, question);
}

/* A returning visitor picked in the phone field is the visitor: the name
 * takes the person; a phone typed whole stays, the last four digits go
 * (an empty phone keeps the one on record). */
static void take_phone_pick(struct checkin *c)
{
	struct field *phone = &c->fields[F_PHONE];
	char text[EDITOR_TEXT_MAX], norm[PHONE_MAX];
	int i;

	for (i = 0; i < SUGGEST_MAX && c->hints[i].person_id != phone->chosen_id; i++)
		;
	if (i < SUGGEST_MAX)
		field_set_suggestion(&c->fields[F_NAME], phone->chosen_id, c->hints[i].name);
	editor_text(&phone->ed, text, sizeof(text));
	if (valid_phone(text, "", norm, sizeof(norm), NULL) != HD_OK)
		field_reset(phone);
	phone->chosen_id = 0;
	c->fields[F_NAME].dirty = true;
}

static void save(struct app *a, struct checkin *c)
{
	char name[EDITOR_TEXT_MAX];
	struct spool_outcome out;
	struct visit_draft d;
	struct booker booker;
	struct hd_err err;
	long long id, person;
	enum hd_status rc;

	a->message[0] = '\0';
	/* Only a returning visitor picked from the list is that person: a name
	 * typed whole, even one the list offers, is matched by name and phone
	 * in the core. Validation takes an offered entry of the same name, so
	 * the pick is put back after it. */
	person = c->fields[F_NAME].chosen_id;
	rc = form_validate(&c->form, &err);
	c->fields[F_NAME].chosen_id = person;
	if (rc != HD_OK)
		return;
	memset(&d, 0, sizeof(d));
	editor_text(&c->fields[F_NAME].ed, name, sizeof(name));
	d.name = name;
	d.person_id = person;
	d.phone = c->fields[F_PHONE].value;
	d.purpose = (int)c->fields[F_PURPOSE].number;
	/* The organisation or team picked, as a booking's booker is. */
	booker = suggest_booker(c->fields[F_WHOM].chosen_id);
	d.org = booker.kind == BOOKER_ORG ? booker.id : 0;
	d.team = booker.kind == BOOKER_TEAM ? booker.id : 0;
	/* Not an organisation or a team: whom they visit in words. */
	d.whom = booker.kind == BOOKER_NONE ? c->fields[F_WHOM].value : NULL;
	d.note = c->fields[F_NOTE].value;
	if (record_parse(&VISIT_RECORD.fields[VISIT_F_party], c->fields[F_PARTY].value, &d, &err) !=
	    HD_OK) {
		form_view_tell(a, &c->form, &err);
		return;
	}
	d.under14 = c->fields[F_AGE].number == 2;
	d.guardian_consent = d.under14;
	d.print = true;
	if (!not_here_or_again(a, &d))
		return;
	if (visit_checkin(a->db, &a->actor, &d, &id, &err) != HD_OK) {
		form_view_tell(a, &c->form, &err);
		return;
	}
	token_make(a->db, TOKEN_VISIT, id, c->last_code, sizeof(c->last_code), NULL);
	snprintf(c->last_name, sizeof(c->last_name), "%s", name);
	/* The visit is saved; the slip's fate is only told. */
	if (slip_print(a->db, &a->actor, id, NULL, NULL, &out, &err) != HD_OK)
		app_message(a, ROLE_WARNING, _("The slip was not printed: %s"), err.msg);
	else
		app_message(a, out.delivered ? ROLE_OK : ROLE_WARNING, "%s", out.message);
	form_reset(&c->form);
	field_set_text(&c->fields[F_PARTY], "1");
	field_choose(&c->fields[F_AGE], 1);
}

static enum key_result checkin_key(struct app *a, void *st, struct key_in k)
{
	struct checkin *c = st;
	struct form_event ev;

	if (!form_view_event(k, &ev) || ev.key == FK_ESC)
		return KR_IGNORED;
	if (form_key(&c->form, ev) == FORM_SUBMIT) {
		save(a, c);
		return KR_HANDLED;
	}
	if (c->fields[F_PHONE].chosen_id)
		take_phone_pick(c);
	return KR_HANDLED;
}

static bool checkin_typing(struct app *a, void *st)
{
	(void)a;
	(void)st;
	return true;
}

static bool checkin_dirty(struct app *a, void *st)
{
	(void)a;
	return form_dirty(&((struct checkin *)st)->form);
}

static const int CHECKIN_KEYS[] = { ACT_NEXT, ACT_PICK, ACT_SAVE, -1 };

const struct screen_ops SCREEN_CHECKIN = {
	.title = N_("Visitor check-in"),
	.open = checkin_open,
	.close = checkin_close,
	.draw = checkin_draw,
	.key = checkin_key,
	.typing = checkin_typing,
	.dirty = checkin_dirty,
	.keys = CHECKIN_KEYS,
};
