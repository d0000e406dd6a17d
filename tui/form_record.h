/* SPDX-License-Identifier: GPL-3.0-or-later */
/* form_record.h - a record's field list (core/record.h) as a form: the
 * field specs made from it, a stored draft shown in the fields, and the
 * fields read into a typed draft (a pick taken as its number). */
#ifndef HD_FORM_RECORD_H
#define HD_FORM_RECORD_H

#include "core/record.h"
#include "forms/field.h"

/* The spec of each of def's fields into specs[0..def->count): text,
 * phone, date, number (min..max), choice (its list), id (a suggest
 * field: the caller adds its callback). */
void form_record_specs(const struct record_def *def, struct field_spec *specs);

/* Shows draft in fields[0..def->count) as stored values: a choice picked
 * by its number, the rest as text (an id field is left to the caller,
 * which knows its label). */
void form_record_fill(struct field *fields, const struct record_def *def, const void *draft);

/* Reads fields[0..def->count) into draft: a pick (choice or suggestion)
 * as its number, other fields from their text, kept in text[i] (which
 * must outlive the draft). HD_BAD_INPUT when a typed text is not a number
 * or list entry, err naming the field's machine name (so the form can
 * focus it) with the message of record_parse(). */
enum hd_status form_record_draft(struct field *fields, const struct record_def *def, void *draft,
				 char (*text)[EDITOR_TEXT_MAX], struct hd_err *err);

#endif
