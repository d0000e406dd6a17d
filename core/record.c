/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record.c - the generic side of a record's field list: finding a field,
 * text into a typed draft and back, and each field's check. */
#include "core/record.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/validate.h"

/* The member of field f in draft, as each kind's type. */
#define MEMBER(type, f, draft) ((type *)((char *)(draft) + (f)->offset))
#define CMEMBER(type, f, draft) ((const type *)((const char *)(draft) + (f)->offset))

const struct record_field *record_field_named(const struct record_def *def, const char *name)
{
	int i;

	for (i = 0; name && i < def->count; i++)
		if (strcmp(def->fields[i].name, name) == 0)
			return &def->fields[i];
	return NULL;
}

const struct record_field *record_field_of_option(const struct record_def *def, const char *option)
{
	int i;

	for (i = 0; option && i < def->count; i++)
		if (def->fields[i].option && strcmp(def->fields[i].option, option) == 0)
			return &def->fields[i];
	return NULL;
}

const struct record_field *record_field_at(const struct record_def *def, int csv_at)
{
	int i;

	for (i = 0; csv_at > 0 && i < def->count; i++)
		if (def->fields[i].csv_at == csv_at)
			return &def->fields[i];
	return NULL;
}

int record_csv_count(const struct record_def *def)
{
	int i, n = 0;

	for (i = 0; i < def->count; i++)
		n += def->fields[i].csv_at > 0;
	return n;
}

/* The message of a number out of f's range: core/validate.h's own. */
static enum hd_status bad_number(const struct record_field *f, struct hd_err *err)
{
	return valid_int("", _(f->label), f->min, f->max, NULL, err);
}

enum hd_status record_parse(const struct record_field *f, const char *text, void *draft,
			    struct hd_err *err)
{
	long n;
	long long id;
	int choice;

	switch (f->kind) {
	case REC_NUMBER:
		if (!text_given(text)) {
			*MEMBER(struct rec_num, f, draft) = (struct rec_num){ 0, false };
			return HD_OK;
		}
		if (valid_int(text, _(f->label), LONG_MIN, LONG_MAX, &n, NULL) != HD_OK)
			return bad_number(f, err);
		*MEMBER(struct rec_num, f, draft) = REC_NUM(n);
		return HD_OK;
	case REC_CHOICE:
		choice = 0;
		if (text_given(text) && list_parse(f->list, text, &choice, err) != HD_OK)
			return HD_BAD_INPUT;
		*MEMBER(int, f, draft) = choice;
		return HD_OK;
	case REC_ID:
		if (valid_ref(text, _(f->label), &id, err) != HD_OK)
			return HD_BAD_INPUT;
		*MEMBER(long long, f, draft) = id;
		return HD_OK;
	default:
		*MEMBER(const char *, f, draft) = text;
		return HD_OK;
	}
}

void record_set(const struct record_field *f, void *draft, long long v)
{
	if (f->kind == REC_NUMBER)
		*MEMBER(struct rec_num, f, draft) = REC_NUM((long)v);
	else if (f->kind == REC_CHOICE)
		*MEMBER(int, f, draft) = (int)v;
	else if (f->kind == REC_ID)
		*MEMBER(long long, f, draft) = v;
}

long long record_get(const struct record_field *f, const void *draft)
{
	const struct rec_num *num;

	if (f->kind == REC_NUMBER) {
		num = CMEMBER(struct rec_num, f, draft);
		return num->given ? num->value : 0;
	}
	if (f->kind == REC_CHOICE)
		return *CMEMBER(int, f, draft);
	if (f->kind == REC_ID)
		return *CMEMBER(long long, f, draft);
	return 0;
}

bool record_given(const struct record_field *f, const void *draft)
{
	switch (f->kind) {
	case REC_NUMBER:
		return CMEMBER(struct rec_num, f, draft)->given;
	case REC_CHOICE:
		return *CMEMBER(int, f, draft) != 0;
	case REC_ID:
		return *CMEMBER(long long, f, draft) != 0;
	default:
		return text_given(*CMEMBER(const char *, f, draft));
	}
}

/* A choice's check: made when required, and in its list. */
static enum hd_status check_choice(const struct record_field *f, int n, struct hd_err *err)
{
	char text[16];
	int unused;

	if (n == 0 && !f->required)
		return HD_OK;
	if (n != 0 && list_get(f->list, n))
		return HD_OK;
	if (n == 0)
		return list_parse(f->list, "", &unused, err);
	snprintf(text, sizeof(text), "%d", n);
	return list_parse(f->list, text, &unused, err);
}

/* A time's check into out, as "HH:MM". */
static enum hd_status check_time(const char *in, const char *label, char *out, size_t outsz,
				 struct hd_err *err)
{
	int minutes;

	if (valid_time(in, label, &minutes, err) != HD_OK)
		return HD_BAD_INPUT;
	if (out && outsz)
		snprintf(out, outsz, "%02d:%02d", minutes / 60, minutes % 60);
	return HD_OK;
}

/* A local date and time's check into out, as "YYYY-MM-DD HH:MM". */
static enum hd_status check_datetime(const char *in, const char *label, char *out, size_t outsz,
				     struct hd_err *err)
{
	time_t t;

	if (clock_parse_local(in, label, &t, err) != HD_OK)
		return HD_BAD_INPUT;
	if (out && outsz)
		clock_local_datetime(t, out, outsz);
	return HD_OK;
}

/* A text kind's check into out. */
static enum hd_status check_text(const struct record_field *f, const char *in, char *out,
				 size_t outsz, struct hd_err *err)
{
	const char *label = _(f->label);
	bool ok = true;

	if (out && outsz)
		*out = '\0';
	if (!text_given(in) && (!f->required || f->kind == REC_CODE || f->kind == REC_DATE ||
				f->kind == REC_TIME || f->kind == REC_DATETIME))
		return f->required
			       ? hd_err_set(err, HD_BAD_INPUT, f->name, _("%s: required"), label)
			       : HD_OK;
	switch (f->kind) {
	case REC_PHONE:
		return valid_phone(text_given(in) ? in : "", label, out, outsz, err);
	case REC_DATE:
		return valid_date(in, label, out, outsz, err);
	case REC_TIME:
		return check_time(in, label, out, outsz, err);
	case REC_DATETIME:
		return check_datetime(in, label, out, outsz, err);
	case REC_CODE:
		return valid_credit_code(in, label, out, outsz, &ok, err);
	default:
		return valid_text(in, label, f->required ? 1 : 0, (int)f->max, out, outsz, err);
	}
}

enum hd_status record_check(const struct record_field *f, const void *draft, char *out,
			    size_t outsz, struct hd_err *err)
{
	const struct rec_num *num;
	long long id;

	switch (f->kind) {
	case REC_NUMBER:
		num = CMEMBER(struct rec_num, f, draft);
		if (!num->given && !f->required)
			return HD_OK;
		if (!num->given || num->value < f->min || num->value > f->max)
			return bad_number(f, err);
		return HD_OK;
	case REC_CHOICE:
		return check_choice(f, *CMEMBER(int, f, draft), err);
	case REC_ID:
		id = *CMEMBER(long long, f, draft);
		if (id < 0 || (id == 0 && f->required))
			return hd_err_set(err, HD_BAD_INPUT, f->name, _("%s: required"),
					  _(f->label));
		return HD_OK;
	default:
		return check_text(f, *CMEMBER(const char *, f, draft), out, outsz, err);
	}
}

void record_write(const struct record_field *f, const void *draft, char *out, size_t outsz)
{
	const struct rec_num *num;
	const char *s;

	if (!outsz)
		return;
	*out = '\0';
	switch (f->kind) {
	case REC_NUMBER:
		num = CMEMBER(struct rec_num, f, draft);
		if (num->given)
			snprintf(out, outsz, "%ld", num->value);
		return;
	case REC_CHOICE:
		if (*CMEMBER(int, f, draft))
			snprintf(out, outsz, "%d", *CMEMBER(int, f, draft));
		return;
	case REC_ID:
		if (*CMEMBER(long long, f, draft))
			snprintf(out, outsz, "%lld", *CMEMBER(long long, f, draft));
		return;
	default:
		s = *CMEMBER(const char *, f, draft);
		snprintf(out, outsz, "%s", s ? s : "");
		return;
	}
}
