/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_org_form.c - adding an organisation, or editing one (arg: its
 * id): the fields of `org add` in their order, each checked, the
 * credit-code warning shown as it is typed. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/org.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_record.h"
#include "tui/form_view.h"

#define F_COUNT ORG_NFIELDS /* the fields of ORG_RECORD, in its order */

struct org_form {
	struct field fields[F_COUNT];
	struct form form;
	char credit_note[256];
	long long id; /* the organisation edited, 0 for a new one */
};

static void check_credit(struct org_form *of);

/* The stored record into the fields, for an edit. */
static void fill(struct app *a, struct org_form *of)
{
	struct org_draft d;
	struct hd_err err;
	struct org o;

	if (org_get(a->db, of->id, &o, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		of->id = 0;
		return;
	}
	org_draft_of(&o, &d);
	form_record_fill(of->fields, &ORG_RECORD, &d);
	check_credit(of);
}

static void *org_form_open(struct app *a, const void *arg)
{
	struct org_form *of = xcalloc(1, sizeof(*of));
	struct field_spec specs[F_COUNT];
	int i;

	form_record_specs(&ORG_RECORD, specs);
	for (i = 0; i < F_COUNT; i++)
		field_init(&of->fields[i], &specs[i]);
	form_init(&of->form, of->fields, F_COUNT);
	of->id = arg ? *(const long long *)arg : 0;
	if (of->id)
		fill(a, of);
	return of;
}

static void org_form_close(struct app *a, void *st)
{
	(void)a;
	free(st);
}

/* The credit code's warning or notice as soon as 18 characters are typed. */
static void check_credit(struct org_form *of)
{
	char text[EDITOR_TEXT_MAX], code[CREDIT_CODE_LEN];
	bool ok = true;

	of->credit_note[0] = '\0';
	editor_text(&of->fields[ORG_F_credit_code].ed, text, sizeof(text));
	if (editor_len(&of->fields[ORG_F_credit_code].ed) != 18)
		return;
	if (valid_credit_code(text, _("Credit code"), code, sizeof(code), &ok, NULL) != HD_OK)
		snprintf(
			of->credit_note, sizeof(of->credit_note), "%s",
			_("Credit code: 18 characters of 0-9 and capital letters except I, O, Z, S, V"));
	else if (!ok)
		snprintf(
			of->credit_note, sizeof(of->credit_note), "%s",
			_("Credit code: the check character does not match; it will be saved and marked for checking"));
	else if (!credit_code_is_civil_affairs(code))
		snprintf(
			of->credit_note, sizeof(of->credit_note), "%s",
			_("Credit code: not issued by civil affairs (those start 51, 52, 53 or 59)"));
}

static void org_form_draw(struct app *a, void *st)
{
	struct org_form *of = st;

	(void)a;
	draw_text(2, 2,
		  of->id ? _("Editing the organisation: fields with * are required.")
			 : _("New organisation: fields with * are required."),
		  COLS - 4, ROLE_DIM, 0);
	if (of->credit_note[0])
		draw_text(4 + F_COUNT + 1, 2, of->credit_note, COLS - 4, ROLE_WARNING, 0);
	form_view_draw(&of->form, 4, 16, 42);
}

static struct field *field_named(struct org_form *of, const char *name)
{
	struct field *f = form_find(&of->form, name);
	int i;

	for (i = 0; !f && i < F_COUNT; i++)
		if (strcmp(of->fields[i].label, name) == 0)
			f = &of->fields[i];
	return f;
}

static void save(struct app *a, struct org_form *of)
{
	char text[F_COUNT][EDITOR_TEXT_MAX];
	struct org_notes notes;
	struct org_draft d = { 0 };
	struct hd_err err;
	struct field *f;
	long long id;

	a->message[0] = '\0';
	if (form_validate(&of->form, &err) != HD_OK)
		return; /* the focused field shows its error */
	if (form_record_draft(of->fields, &ORG_RECORD, &d, text, &err) != HD_OK) {
		form_view_tell(a, &of->form, &err);
		return;
	}
	id = of->id;
	if ((id ? org_update(a->db, &a->actor, id, &d, &notes, &err)
		: org_add(a->db, &a->actor, &d, &id, &notes, &err)) != HD_OK) {
		f = field_named(of, err.field);
		if (f) {
			snprintf(f->error, sizeof(f->error), "%s", err.msg);
			form_focus(&of->form, (int)(f - of->fields));
		} else {
			app_message(a, ROLE_ERROR, "%s", err.msg);
		}
		return;
	}
	app_message(
		a, notes.credit_check_failed ? ROLE_WARNING : ROLE_OK,
		notes.credit_check_failed
			? _("Saved organisation %lld %s; its credit code is marked for checking.")
			: _("Saved organisation %lld %s."),
		id, of->fields[ORG_F_name].value);
	app_pop(a);
}

static enum key_result org_form_key(struct app *a, void *st, struct key_in k)
{
	struct org_form *of = st;
	struct form_event ev;

	if (!form_view_event(k, &ev) || ev.key == FK_ESC)
		return KR_IGNORED;
	switch (form_key(&of->form, ev)) {
	case FORM_SUBMIT:
		save(a, of);
		return KR_HANDLED;
	case FORM_ESC:
		return KR_IGNORED;
	default:
		check_credit(of);
		return KR_HANDLED;
	}
}

static bool org_form_typing(struct app *a, void *st)
{
	(void)a;
	(void)st;
	return true;
}

static bool org_form_dirty(struct app *a, void *st)
{
	(void)a;
	return form_dirty(&((struct org_form *)st)->form);
}

static const int ORG_FORM_KEYS[] = { ACT_NEXT, ACT_PICK, ACT_SAVE, -1 };

#define ORG_FORM_OPS(name)                                                             \
	{                                                                              \
		.title = (name), .open = org_form_open, .close = org_form_close,       \
		.draw = org_form_draw, .key = org_form_key, .typing = org_form_typing, \
		.dirty = org_form_dirty, .keys = ORG_FORM_KEYS, .patient = true        \
	}

const struct screen_ops SCREEN_ORG_FORM = ORG_FORM_OPS(N_("New organisation"));

/* The same form over a stored organisation (arg: its id). */
const struct screen_ops SCREEN_ORG_EDIT = ORG_FORM_OPS(N_("Edit organisation"));
