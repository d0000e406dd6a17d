/* SPDX-License-Identifier: GPL-3.0-or-later */
/* form.c - moving through the fields of a form, submitting and validating. */
#include "forms/form.h"

#include <string.h>

void form_init(struct form *fm, struct field *fields, int count)
{
	fm->fields = fields;
	fm->count = fields && count > 0 ? count : 0;
	fm->focus = 0;
}

struct field *form_current(struct form *fm)
{
	if (fm->count == 0 || fm->focus < 0 || fm->focus >= fm->count)
		return NULL;
	return &fm->fields[fm->focus];
}

bool form_focus(struct form *fm, int index)
{
	struct field *cur = form_current(fm);

	if (index < 0 || index >= fm->count || index == fm->focus)
		return false;
	if (cur)
		field_leave(cur);
	fm->focus = index;
	return true;
}

struct field *form_find(struct form *fm, const char *name)
{
	int i;

	for (i = 0; i < fm->count; i++)
		if (strcmp(fm->fields[i].name, name) == 0)
			return &fm->fields[i];
	return NULL;
}

static enum form_result moved(bool ok)
{
	return ok ? FORM_MOVED : FORM_NONE;
}

enum form_result form_key(struct form *fm, struct form_event ev)
{
	struct field *f = form_current(fm);

	if (!f)
		return ev.key == FK_ESC ? FORM_ESC : ev.key == FK_SUBMIT ? FORM_SUBMIT : FORM_NONE;
	switch (ev.key) {
	case FK_TAB:
		return moved(form_focus(fm, (fm->focus + 1) % fm->count));
	case FK_BTAB:
		return moved(form_focus(fm, (fm->focus + fm->count - 1) % fm->count));
	case FK_DOWN:
		if (f->open)
			return field_key(f, ev);
		return moved(form_focus(fm, fm->focus + 1));
	case FK_UP:
		if (f->open)
			return field_key(f, ev);
		return moved(form_focus(fm, fm->focus - 1));
	case FK_ENTER:
		field_take(f);
		if (fm->focus == fm->count - 1) {
			field_leave(f);
			return FORM_SUBMIT;
		}
		return moved(form_focus(fm, fm->focus + 1));
	case FK_SUBMIT:
		field_leave(f);
		return FORM_SUBMIT;
	case FK_ESC:
		field_leave(f);
		return FORM_ESC;
	default:
		return field_key(f, ev);
	}
}

bool form_dirty(const struct form *fm)
{
	int i;

	for (i = 0; i < fm->count; i++)
		if (fm->fields[i].dirty)
			return true;
	return false;
}

enum hd_status form_validate(struct form *fm, struct hd_err *err)
{
	enum hd_status st, first = HD_OK;
	struct hd_err e;
	int i, bad = -1;

	hd_err_clear(err);
	for (i = 0; i < fm->count; i++) {
		st = field_validate(&fm->fields[i], &e);
		if (st == HD_OK || bad >= 0)
			continue;
		bad = i;
		first = st;
		if (err)
			*err = e;
	}
	if (bad >= 0)
		form_focus(fm, bad);
	return first;
}

void form_reset(struct form *fm)
{
	int i;

	for (i = 0; i < fm->count; i++)
		field_reset(&fm->fields[i]);
	fm->focus = 0;
}
