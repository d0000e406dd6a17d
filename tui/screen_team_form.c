/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_team_form.c - filing a community activity team (home 3): the
 * fields of `team apply` in their order. Before anything is saved, every
 * filing condition the team does not meet (at least 10 members, a leader,
 * activities, a usual time and place, a proper name) is named in plain
 * words; saved, the team waits for review (待初审) and its page opens. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/team.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_view.h"

enum {
	F_NAME, F_CATEGORY, F_LEADER, F_PHONE, F_MEMBERS, F_CONTENT, F_PLACE, F_SCHEDULE,
	F_SHORT, F_PARTY, F_LIAISON, F_COMMITTEE, F_STREET, F_COUNT
};

#define UNMET_MAX 8
#define TOP 2

struct team_form {
	struct field fields[F_COUNT];
	struct form form;
	char unmet[UNMET_MAX][HD_MSG_BYTES];
	int nunmet;
};

static void *team_form_open(struct app *a, const void *arg)
{
	struct team_form *tf = calloc(1, sizeof(*tf));
	const struct field_spec specs[F_COUNT] = {
		[F_NAME] = { .name = "name", .label = _("Name"), .kind = FIELD_TEXT,
			     .required = true, .max_chars = NAME_MAX_CHARS },
		[F_CATEGORY] = { .name = "category", .label = _("Category"), .kind = FIELD_CHOICE,
				 .required = true, .list = &LIST_TEAM_CATEGORY },
		[F_LEADER] = { .name = "leader", .label = _("Leader"), .kind = FIELD_TEXT,
			       .required = true, .max_chars = NAME_MAX_CHARS },
		[F_PHONE] = { .name = "phone", .label = _("Phone"), .kind = FIELD_PHONE,
			      .required = true },
		[F_MEMBERS] = { .name = "members", .label = _("Members"), .kind = FIELD_NUMBER,
				.required = true, .min = 1, .max = TEAM_MAX_MEMBERS },
		[F_CONTENT] = { .name = "content", .label = _("Activities"), .kind = FIELD_TEXT,
				.required = true, .max_chars = TEXT_MAX_CHARS },
		[F_PLACE] = { .name = "place", .label = _("Place"), .kind = FIELD_TEXT,
			      .required = true, .max_chars = TEXT_MAX_CHARS },
		[F_SCHEDULE] = { .name = "schedule", .label = _("Usual time"), .kind = FIELD_TEXT,
				 .required = true, .max_chars = TEXT_MAX_CHARS },
		[F_SHORT] = { .name = "short", .label = _("Short name"), .kind = FIELD_TEXT,
			      .max_chars = SHORT_MAX_CHARS },
		[F_PARTY] = { .name = "party_members", .label = _("Party members"),
			      .kind = FIELD_NUMBER, .min = 0, .max = TEAM_MAX_MEMBERS },
		[F_LIAISON] = { .name = "liaison", .label = _("Party liaison"), .kind = FIELD_TEXT,
				.max_chars = NAME_MAX_CHARS },
		[F_COMMITTEE] = { .name = "committee", .label = _("Residents' committee"),
				  .kind = FIELD_TEXT, .max_chars = NAME_MAX_CHARS },
		[F_STREET] = { .name = "street", .label = _("Street"), .kind = FIELD_TEXT,
			       .max_chars = NAME_MAX_CHARS },
	};
	int i;

	(void)a;
	(void)arg;
	if (!tf)
		abort();
	for (i = 0; i < F_COUNT; i++)
		field_init(&tf->fields[i], &specs[i]);
	form_init(&tf->form, tf->fields, F_COUNT);
	return tf;
}

static void team_form_close(struct app *a, void *st)
{
	(void)a;
	free(st);
}

static void team_form_draw(struct app *a, void *st)
{
	struct team_form *tf = st;
	int i, y = TOP + F_COUNT;

	(void)a;
	/* Seven conditions at most: below the form they fit 80x24. */
	if (tf->nunmet)
		draw_text(1, 2, _("Not yet ready to file:"), COLS - 4, ROLE_WARNING, 1);
	for (i = 0; i < tf->nunmet && y < LINES - 2; i++, y++)
		draw_text(y, 2, tf->unmet[i], COLS - 4, ROLE_WARNING, 1);
	form_view_draw(&tf->form, TOP, 16, 44);
}

/* The typed text of field i ("" when empty). */
static const char *text_of(struct team_form *tf, int i, char *buf, size_t bufsz)
{
	editor_text(&tf->fields[i].ed, buf, bufsz);
	return buf;
}

static void save(struct app *a, struct team_form *tf)
{
	char t[F_COUNT][EDITOR_TEXT_MAX], category[16];
	struct team_draft d;
	struct hd_err err;
	long long id;
	int i;

	a->message[0] = '\0';
	for (i = 0; i < F_COUNT; i++)
		text_of(tf, i, t[i], sizeof(t[i]));
	/* A choice is given by its number once picked. */
	snprintf(category, sizeof(category), "%d", tf->fields[F_CATEGORY].chosen);
	d = (struct team_draft){ t[F_NAME],    tf->fields[F_CATEGORY].chosen ? category : t[F_CATEGORY],
				 t[F_LEADER],  t[F_PHONE],    t[F_MEMBERS], t[F_CONTENT],
				 t[F_PLACE],   t[F_SCHEDULE], t[F_SHORT],   t[F_PARTY],
				 t[F_LIAISON], t[F_COMMITTEE], t[F_STREET] };
	tf->nunmet = team_unmet(&d, tf->unmet, UNMET_MAX);
	if (tf->nunmet)
		return;
	if (form_validate(&tf->form, &err) != HD_OK)
		return;
	if (team_create(a->db, &a->actor, &d, TEAM_APPLIED, NULL, &id, &err) != HD_OK) {
		form_view_tell(a, &tf->form, &err);
		return;
	}
	app_message(a, ROLE_OK, _("%s applied (待初审): the centre reviews it next."), t[F_NAME]);
	app_pop(a); /* tf is gone */
	app_push(a, &SCREEN_TEAM, &id);
}

static enum key_result team_form_key(struct app *a, void *st, struct key_in k)
{
	struct team_form *tf = st;
	struct form_event ev;

	if (!form_view_event(k, &ev) || ev.key == FK_ESC)
		return KR_IGNORED;
	if (form_key(&tf->form, ev) == FORM_SUBMIT)
		save(a, tf);
	return KR_HANDLED;
}

static bool team_form_typing(struct app *a, void *st)
{
	(void)a;
	(void)st;
	return true;
}

static bool team_form_dirty(struct app *a, void *st)
{
	(void)a;
	return form_dirty(&((struct team_form *)st)->form);
}

static const int TEAM_FORM_KEYS[] = { ACT_NEXT, ACT_PICK, ACT_SAVE, -1 };

const struct screen_ops SCREEN_TEAM_FORM = {
	.title = N_("Team filing"),
	.open = team_form_open,
	.close = team_form_close,
	.draw = team_form_draw,
	.key = team_form_key,
	.typing = team_form_typing,
	.dirty = team_form_dirty,
	.keys = TEAM_FORM_KEYS,
	.patient = true,
};
