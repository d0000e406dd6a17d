/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_team_form.c - filing a community activity team (home 3): the
 * fields of `team apply` in their order. Before anything is saved, every
 * filing condition the team does not meet (at least 10 members, a leader,
 * activities, a usual time and place, a proper name) is named in plain
 * words; saved, the team waits for review (待初审) and its page opens.
 * The same form edits a stored team (e on its page, staff): its state
 * stays, the change is audited. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/text.h"
#include "core/team.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_record.h"
#include "tui/form_view.h"

#define F_COUNT TEAM_NFIELDS /* the fields of TEAM_RECORD, in its order */

#define UNMET_MAX 9
#define TOP 2

struct team_form {
	struct field fields[F_COUNT];
	struct form form;
	char unmet[UNMET_MAX][HD_MSG_BYTES];
	int nunmet;
	long long id; /* the team edited, 0 for an application */
};

/* The stored team into the fields, for an edit. */
static void fill(struct app *a, struct team_form *tf)
{
	struct team_draft d;
	struct hd_err err;
	struct team *t = xmalloc(sizeof(*t));

	if (team_get(a->db, tf->id, t, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		tf->id = 0;
		free(t);
		return;
	}
	team_draft_of(t, &d);
	form_record_fill(tf->fields, &TEAM_RECORD, &d);
	free(t);
}

static void *team_form_open(struct app *a, const void *arg)
{
	struct team_form *tf = xcalloc(1, sizeof(*tf));
	struct field_spec specs[F_COUNT];
	int i;

	form_record_specs(&TEAM_RECORD, specs);
	for (i = 0; i < F_COUNT; i++)
		field_init(&tf->fields[i], &specs[i]);
	form_init(&tf->form, tf->fields, F_COUNT);
	tf->id = arg ? *(const long long *)arg : 0;
	if (tf->id)
		fill(a, tf);
	return tf;
}

static void team_form_close(struct app *a, void *st)
{
	(void)a;
	free(st);
}

/* Draws line at row *y (two rows when it is wider than cols and they are
 * there) and moves *y below it; empties line. */
static void put_unmet(char *line, int *y, int cols)
{
	if (text_width(line) > cols && *y + 1 < LINES - 2)
		*y += draw_wrapped(*y + 1, 2, line, cols, 2, ROLE_WARNING);
	else
		draw_text((*y)++, 2, line, cols, ROLE_WARNING, 1);
	line[0] = '\0';
}

/* The unmet conditions below the form, side by side where two fit a row
 * (at 80x24 seven rows are left for up to nine conditions). */
static void draw_unmet(const struct team_form *tf)
{
	char line[2 * HD_MSG_BYTES + 8];
	int i, y = TOP + F_COUNT, cols = COLS - 4;

	line[0] = '\0';
	for (i = 0; i < tf->nunmet && y < LINES - 2; i++) {
		if (*line && text_width(line) + 2 + text_width(tf->unmet[i]) > cols) {
			put_unmet(line, &y, cols);
			if (y >= LINES - 2)
				break;
		}
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s%s",
			 *line ? "  " : "", tf->unmet[i]);
	}
	if (*line && y < LINES - 2)
		put_unmet(line, &y, cols);
}

static void team_form_draw(struct app *a, void *st)
{
	struct team_form *tf = st;

	(void)a;
	if (tf->nunmet)
		draw_text(1, 2, _("Not yet ready to file:"), COLS - 4, ROLE_WARNING, 1);
	draw_unmet(tf);
	form_view_draw(&tf->form, TOP, 16, 44);
}

static void save(struct app *a, struct team_form *tf)
{
	char t[F_COUNT][EDITOR_TEXT_MAX];
	struct team_draft d = { 0 };
	struct hd_err err;
	long long id;

	a->message[0] = '\0';
	if (form_record_draft(tf->fields, &TEAM_RECORD, &d, t, &err) != HD_OK) {
		form_view_tell(a, &tf->form, &err);
		return;
	}
	tf->nunmet = team_unmet(&d, tf->unmet, UNMET_MAX);
	if (tf->nunmet)
		return;
	if (form_validate(&tf->form, &err) != HD_OK)
		return;
	id = tf->id;
	if (id) {
		if (team_update(a->db, &a->actor, id, &d, TEAM_STATE_KEPT, CLOCK_NO_DAY, NULL,
				&err) != HD_OK) {
			form_view_tell(a, &tf->form, &err);
			return;
		}
		app_message(a, ROLE_OK, _("Saved team %s."), t[TEAM_F_name]);
		app_pop(a); /* tf is gone; the team's page shows the change */
		return;
	}
	if (team_create(a->db, &a->actor, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err) != HD_OK) {
		form_view_tell(a, &tf->form, &err);
		return;
	}
	app_message(a, ROLE_OK, _("%s applied (待初审): the centre reviews it next."),
		    t[TEAM_F_name]);
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

#define TEAM_FORM_OPS(name)                                                               \
	{                                                                                 \
		.title = (name), .open = team_form_open, .close = team_form_close,        \
		.draw = team_form_draw, .key = team_form_key, .typing = team_form_typing, \
		.dirty = team_form_dirty, .keys = TEAM_FORM_KEYS, .patient = true         \
	}

const struct screen_ops SCREEN_TEAM_FORM = TEAM_FORM_OPS(N_("Team filing"));

/* The same form over a stored team (arg: its id). */
const struct screen_ops SCREEN_TEAM_EDIT = TEAM_FORM_OPS(N_("Edit team"));
