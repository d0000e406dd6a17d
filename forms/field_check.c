/* SPDX-License-Identifier: GPL-3.0-or-later */
/* field_check.c - validating a field with core/validate.h and its list:
 * the validation half of the field module (forms/field.h). */
#include "forms/field.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/validate.h"

/* A suggestion shown whose label is exactly text, or -1. */
static int suggestion_named(const struct field *f, const char *text)
{
	int i, found = -1;

	for (i = 0; i < f->sugg_count; i++) {
		if (strcmp(f->sugg[i].label, text) != 0)
			continue;
		if (found >= 0)
			return -1; /* two of that name: the user must pick */
		found = i;
	}
	return found;
}

/* Makes a message that starts with the list's name start with the field's
 * label instead, so it names the field as the form shows it. A message made
 * too long loses whole characters at its end. */
static void relabel(struct hd_err *e, const char *from, const char *to)
{
	char msg[sizeof(e->msg) * 2];
	size_t n = strlen(from);

	if (strncmp(e->msg, from, n) != 0 || strcmp(from, to) == 0)
		return;
	snprintf(msg, sizeof(msg), "%s%s", to, e->msg + n);
	n = strlen(msg);
	if (n >= sizeof(e->msg)) {
		n = sizeof(e->msg) - 1;
		while (n > 0 && ((unsigned char)msg[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(e->msg, msg, n);
	e->msg[n] = '\0';
}

/* Checks a non-empty value of the field's kind into f->value and f->number. */
static enum hd_status check_value(struct field *f, const char *raw, const char *text,
				  struct hd_err *err)
{
	enum hd_status st = HD_BAD_INPUT;
	long n = 0;
	int minutes = 0, choice = 0, i;

	switch (f->kind) {
	case FIELD_TEXT:
		return valid_text(raw, f->label, f->required ? 1 : 0, f->max_chars, f->value,
				  sizeof(f->value), err);
	case FIELD_PHONE:
		return valid_phone(text, f->label, f->value, sizeof(f->value), err);
	case FIELD_DATE:
		return valid_date(text, f->label, f->value, sizeof(f->value), err);
	case FIELD_NUMBER:
		st = valid_int(text, f->label, f->min, f->max, &n, err);
		f->number = n;
		break;
	case FIELD_TIME:
		st = valid_time(text, f->label, &minutes, err);
		f->number = minutes;
		if (st == HD_OK)
			snprintf(f->value, sizeof(f->value), "%02d:%02d", minutes / 60,
				 minutes % 60);
		return st;
	case FIELD_CHOICE:
		if (f->chosen > 0)
			choice = f->chosen;
		else if (!f->list)
			return hd_err_set(err, HD_BAD_INPUT, f->name, _("%s: not in the list."),
					  f->label);
		else if ((st = list_parse(f->list, text, &choice, err)) != HD_OK)
			return relabel(err, _(f->list->field), f->label), st;
		f->chosen = choice;
		f->number = choice;
		st = HD_OK;
		break;
	case FIELD_PIN:
		for (i = 0; text[i]; i++)
			if (text[i] < '0' || text[i] > '9')
				break;
		if (text[i] || i < f->min || i > f->max)
			return hd_err_set(err, HD_BAD_INPUT, f->name, _("%s: %ld to %ld digits"),
					  f->label, f->min, f->max);
		snprintf(f->value, sizeof(f->value), "%s", text);
		return HD_OK;
	case FIELD_SUGGEST:
		if (f->chosen_id == 0 && (i = suggestion_named(f, text)) >= 0)
			f->chosen_id = f->sugg[i].id;
		if (f->chosen_id != 0) {
			f->number = f->chosen_id;
			snprintf(f->value, sizeof(f->value), "%lld", f->chosen_id);
			return HD_OK;
		}
		if (f->free_text)
			return valid_text(raw, f->label, 1, f->max_chars, f->value,
					  sizeof(f->value), err);
		return hd_err_set(err, HD_BAD_INPUT, f->name, _("%s: pick an entry from the list."),
				  f->label);
	}
	if (st == HD_OK)
		snprintf(f->value, sizeof(f->value), "%lld", f->number);
	return st;
}

enum hd_status field_validate(struct field *f, struct hd_err *err)
{
	char raw[EDITOR_TEXT_MAX], text[EDITOR_TEXT_MAX];
	struct hd_err e;
	enum hd_status st;

	hd_err_clear(&e);
	f->value[0] = '\0';
	f->number = 0;
	f->error[0] = '\0';
	editor_text(&f->ed, raw, sizeof(raw));
	text_trim(raw, text, sizeof(text));

	if (text[0] == '\0' && f->kind != FIELD_TEXT) {
		if (!f->required)
			return HD_OK;
		st = hd_err_set(&e, HD_BAD_INPUT, f->name, _("%s is required."), f->label);
	} else {
		st = check_value(f, raw, text, &e);
	}
	if (st == HD_OK) {
		hd_err_clear(err);
		return HD_OK;
	}
	f->value[0] = '\0';
	snprintf(e.field, sizeof(e.field), "%s", f->name);
	snprintf(f->error, sizeof(f->error), "%s", e.msg);
	if (err)
		*err = e;
	return st;
}
