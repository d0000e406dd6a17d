/* SPDX-License-Identifier: GPL-3.0-or-later */
/* form_record.c - a record's field list as a form. */
#include "tui/form_record.h"

#include <stdio.h>

#include "core/i18n.h"

static enum field_kind kind_of(enum record_kind kind)
{
	switch (kind) {
	case REC_PHONE:
		return FIELD_PHONE;
	case REC_DATE:
		return FIELD_DATE;
	case REC_TIME:
		return FIELD_TIME;
	case REC_NUMBER:
		return FIELD_NUMBER;
	case REC_CHOICE:
		return FIELD_CHOICE;
	case REC_ID:
		return FIELD_SUGGEST;
	default:
		return FIELD_TEXT;
	}
}

void form_record_specs(const struct record_def *def, struct field_spec *specs)
{
	const struct record_field *f;
	int i;

	for (i = 0; i < def->count; i++) {
		f = &def->fields[i];
		specs[i] = (struct field_spec){ .name = f->name,
						.label = _(f->label),
						.kind = kind_of(f->kind),
						.required = f->required,
						.list = f->list };
		if (f->kind == REC_NUMBER) {
			specs[i].min = f->min;
			specs[i].max = f->max;
		} else if (f->kind == REC_TEXT || f->kind == REC_CODE) {
			specs[i].max_chars = (int)f->max;
		}
	}
}

void form_record_fill(struct field *fields, const struct record_def *def, const void *draft)
{
	char text[EDITOR_TEXT_MAX];
	int i;

	for (i = 0; i < def->count; i++) {
		const struct record_field *f = &def->fields[i];

		if (f->kind == REC_ID)
			continue;
		if (f->kind == REC_CHOICE) {
			field_choose(&fields[i], (int)record_get(f, draft));
			continue;
		}
		record_write(f, draft, text, sizeof(text));
		field_set_text(&fields[i], text);
	}
}

enum hd_status form_record_draft(struct field *fields, const struct record_def *def, void *draft,
				 char (*text)[EDITOR_TEXT_MAX], struct hd_err *err)
{
	const struct record_field *f;
	int i;

	for (i = 0; i < def->count; i++) {
		f = &def->fields[i];
		editor_text(&fields[i].ed, text[i], EDITOR_TEXT_MAX);
		if (f->kind == REC_CHOICE && fields[i].chosen) {
			record_set(f, draft, fields[i].chosen);
		} else if (f->kind == REC_ID && fields[i].chosen_id) {
			record_set(f, draft, fields[i].chosen_id);
		} else if (record_parse(f, text[i], draft, err) != HD_OK) {
			if (err)
				snprintf(err->field, sizeof(err->field), "%s", f->name);
			return HD_BAD_INPUT;
		}
	}
	return HD_OK;
}
