/* SPDX-License-Identifier: GPL-3.0-or-later */
/* record.h - one list of a record's fields, and what is made of it. Each
 * record (core/org.h, core/team.h, ...) declares its fields once as an
 * X-macro of eleven columns:
 *
 *   X(member, "name", KIND, N_("Label"), "--option", "列名", csv_at, min, max, required, list)
 *
 *   member    the draft's member (typed by KIND, see below)
 *   "name"    machine name: hd_err.field of its problems, the form field's name
 *   KIND      REC_TEXT, REC_PHONE, REC_DATE, REC_CODE, REC_NUMBER, REC_CHOICE, REC_ID,
 *             REC_TIME, REC_DATETIME
 *   label     English msgid of its label (messages name the field by it)
 *   option    the command line's option, NULL for none
 *   column    the CSV column's (Chinese) header, NULL for none
 *   csv_at    its place among the CSV columns, from 1 (0: not in the CSV)
 *   min, max  text: characters (min unused: required text has 1 or more);
 *             number: the range
 *   required  the record needs it
 *   list      REC_CHOICE: the struct hd_list it picks from, else NULL
 *
 * From the list come the draft's members (RECORD_MEMBER), the descriptors
 * (RECORD_FIELD, with the member's offset) and their count (RECORD_ONE);
 * the front-ends make form fields, options and CSV columns from the
 * descriptors. Text is parsed once at the edge (record_parse) into typed
 * members; core checks them against the limits (record_check). */
#ifndef HD_RECORD_H
#define HD_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/lists.h"
#include "core/status.h"

enum record_kind {
	REC_TEXT,    /* const char *: free text of up to max characters */
	REC_PHONE,   /* const char *: a phone, normalised by core */
	REC_DATE,    /* const char *: a date, "YYYY-MM-DD" once core checked it */
	REC_CODE,    /* const char *: a unified social credit code */
	REC_NUMBER,  /* struct rec_num: a whole number in min..max */
	REC_CHOICE,  /* int: the number of an entry of list, 0 for none */
	REC_ID,      /* long long: a record's id, 0 for none */
	REC_TIME,    /* const char *: a time of day, "HH:MM" once core checked it */
	REC_DATETIME /* const char *: a local "YYYY-MM-DD HH:MM" */
};

/* A number and whether it was given (an empty field gives none). */
struct rec_num {
	long value;
	bool given;
};

/* A number given, for drafts built in code: d.members = REC_NUM(12). */
#define REC_NUM(v) ((struct rec_num){ (v), true })

/* The C type of a member of each kind. */
#define REC_TYPE_REC_TEXT const char *
#define REC_TYPE_REC_PHONE const char *
#define REC_TYPE_REC_DATE const char *
#define REC_TYPE_REC_CODE const char *
#define REC_TYPE_REC_NUMBER struct rec_num
#define REC_TYPE_REC_CHOICE int
#define REC_TYPE_REC_ID long long
#define REC_TYPE_REC_TIME const char *
#define REC_TYPE_REC_DATETIME const char *

/* X-macro helpers: a draft's member, a descriptor of struct TYPE's member,
 * a count (enum { N = 0 FIELDS(RECORD_ONE) }). */
#define RECORD_MEMBER(m, name, kind, label, option, column, csv_at, min, max, req, list) \
	REC_TYPE_##kind m;
#define RECORD_FIELD(type, m, name_, kind_, label_, option_, column_, csv_at_, min_, max_, req_, \
		     list_)                                                                      \
	{ .name = name_,                                                                         \
	  .kind = kind_,                                                                         \
	  .label = label_,                                                                       \
	  .option = option_,                                                                     \
	  .column = column_,                                                                     \
	  .csv_at = csv_at_,                                                                     \
	  .min = min_,                                                                           \
	  .max = max_,                                                                           \
	  .required = req_,                                                                      \
	  .list = list_,                                                                         \
	  .offset = offsetof(type, m) },
#define RECORD_ONE(...) +1

/* A field of a record, as its list declares it. */
struct record_field {
	const char *name;
	enum record_kind kind;
	const char *label; /* msgid */
	const char *option;
	const char *column;
	int csv_at;
	long min, max;
	bool required;
	const struct hd_list *list;
	size_t offset; /* of its member in the draft */
};

/* A record's fields in their order (that of the form and the command line). */
struct record_def {
	const struct record_field *fields;
	int count;
};

/* The field of def named name (machine name), or NULL. */
const struct record_field *record_field_named(const struct record_def *def, const char *name);

/* The field of def with command-line option option, or NULL. */
const struct record_field *record_field_of_option(const struct record_def *def, const char *option);

/* The field of def at CSV place csv_at (from 1), or NULL. */
const struct record_field *record_field_at(const struct record_def *def, int csv_at);

/* How many of def's fields are CSV columns. */
int record_csv_count(const struct record_def *def);

/* Reads text (NULL or blank: not given) into field f of draft. Text kinds
 * keep the pointer (text must outlive the draft; core checks it); a
 * number must be a whole number, a choice an entry of f's list (number,
 * Chinese or English name or code word), an id a whole number from 1.
 * HD_BAD_INPUT naming the field and what is allowed (a number: its range,
 * as core's check says it); the member is then unchanged. */
enum hd_status record_parse(const struct record_field *f, const char *text, void *draft,
			    struct hd_err *err);

/* Sets a number, choice or id field f of draft to v (given), as a form's
 * pick gives it; other kinds are left alone. */
void record_set(const struct record_field *f, void *draft, long long v);

/* The number, choice or id of field f of draft (0 when not given or of
 * another kind). */
long long record_get(const struct record_field *f, const void *draft);

/* True when field f of draft holds a value (text not blank, a number
 * given, a choice or id not 0). */
bool record_given(const struct record_field *f, const void *draft);

/* Checks field f of draft against its list's limits and required mark:
 * text trimmed and normalised into out (outsz bytes; "" when not given;
 * out may be NULL for other kinds), a phone normalised, a date made
 * "YYYY-MM-DD", a time "HH:MM", a date and time "YYYY-MM-DD HH:MM",
 * a number in min..max, a choice in its list. A credit
 * code is only trimmed here (its checks are the organisation's).
 * HD_BAD_INPUT naming the field with the messages of core/validate.h and
 * list_parse() (a required choice not made: list_parse()'s "not in the
 * list"). */
enum hd_status record_check(const struct record_field *f, const void *draft, char *out,
			    size_t outsz, struct hd_err *err);

/* Writes field f of draft as text into out: text as it is, a number in
 * digits, a choice by its number, an id in digits; "" when not given. */
void record_write(const struct record_field *f, const void *draft, char *out, size_t outsz);

#endif
