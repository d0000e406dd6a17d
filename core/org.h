/* SPDX-License-Identifier: GPL-3.0-or-later */
/* org.h - the register of organisations: resident organisations of the
 * incubation base (with their residence term, 入驻/出壳), community social
 * organisations and others. */
#ifndef HD_ORG_H
#define HD_ORG_H

#include <stdbool.h>
#include <time.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/lists.h"
#include "core/record.h"
#include "core/status.h"
#include "core/validate.h"

#define SHORT_MAX_CHARS 4
#define SHORT_BYTES (SHORT_MAX_CHARS * 4 + 1)

/* The fields of an organisation, in the order of `hubdesk org add` and
 * the form (columns as core/record.h says). The residence dates stay
 * text ("YYYY-MM-DD" once checked). */
// clang-format off
#define ORG_FIELDS(X) \
	X(name,        "name",        REC_TEXT,   N_("Name"),        "--name",        "名称",             1, 0, NAME_MAX_CHARS,      true,  NULL) \
	X(kind,        "kind",        REC_CHOICE, N_("Kind"),        "--kind",        "类型",             3, 0, 0,                   true,  &LIST_ORG_KIND) \
	X(short_name,  "short",       REC_TEXT,   N_("Short name"),  "--short",       "简称",             2, 0, SHORT_MAX_CHARS,     false, NULL) \
	X(credit_code, "credit_code", REC_CODE,   N_("Credit code"), "--credit-code", "统一社会信用代码", 4, 0, CREDIT_CODE_LEN - 1, false, NULL) \
	X(contact,     "contact",     REC_TEXT,   N_("Contact"),     "--contact",     "联系人",           5, 0, NAME_MAX_CHARS,      false, NULL) \
	X(phone,       "phone",       REC_PHONE,  N_("Phone"),       "--phone",       "联系电话",         6, 0, 0,                   false, NULL) \
	X(in_date,     "in",          REC_DATE,   N_("Moved in"),    "--in",          "入驻日期",         7, 0, 0,                   false, NULL) \
	X(out_date,    "out",         REC_DATE,   N_("Moves out"),   "--out",         "出壳日期",         8, 0, 0,                   false, NULL)
// clang-format on

/* An organisation as entered: text NULL or "" when not given, the kind a
 * LIST_ORG_KIND number (0 none). */
struct org_draft {
	ORG_FIELDS(RECORD_MEMBER)
};

#define ORG_INDEX(m, ...) ORG_F_##m,
enum org_field { ORG_FIELDS(ORG_INDEX) ORG_NFIELDS };

/* The organisation's field list, ORG_NFIELDS fields indexed by enum
 * org_field. */
extern const struct record_def ORG_RECORD;

struct org {
	long long id;
	char name[NAME_BYTES];
	char short_name[SHORT_BYTES];
	int kind; /* LIST_ORG_KIND number */
	char credit_code[CREDIT_CODE_LEN];
	bool credit_ok; /* false: the check character fails (kept, with a warning) */
	char contact[NAME_BYTES];
	char phone[PHONE_MAX];
	char in_date[DATE_LEN], out_date[DATE_LEN];
};

/* What an accepted organisation should be told about. */
struct org_notes {
	bool credit_check_failed; /* the credit code's check character fails */
	bool not_civil_affairs;   /* the code was not issued by civil affairs */
};

/* Checks every field and adds the organisation in one transaction with its
 * audit entry and search index. HD_BAD_INPUT naming the field; HD_REFUSED
 * when the name or the credit code is registered already. notes may be NULL. */
enum hd_status org_add(struct db *db, const struct hd_actor *who, const struct org_draft *d,
		       long long *id, struct org_notes *notes, struct hd_err *err);

/* Checks the draft without saving (for forms): the same messages as org_add
 * for malformed fields, notes filled. HD_BAD_INPUT naming the field. */
enum hd_status org_check(const struct org_draft *d, struct org *out, struct org_notes *notes,
			 struct hd_err *err);

/* Changes organisation id to the draft, every field checked as org_add
 * does, with its audit entry (before and after) and search index.
 * HD_BAD_INPUT naming the field; HD_REFUSED when the person may not change
 * registers or the name or credit code is another's; HD_NOT_FOUND when the
 * id is unknown; HD_FAIL when the database fails. */
enum hd_status org_update(struct db *db, const struct hd_actor *who, long long id,
			  const struct org_draft *d, struct org_notes *notes, struct hd_err *err);

/* Organisations whose residence ends within days from today or ended
 * already, by the end of their residence (malloc'd). HD_FAIL when the
 * database fails. */
enum hd_status org_residence_ending(struct db *db, int days, struct org **out, int *n,
				    struct hd_err *err);

/* A draft of organisation o as stored (its text pointing into o). */
void org_draft_of(const struct org *o, struct org_draft *d);

/* The day number of the day o moves or moved out, CLOCK_NO_DAY (core/clock)
 * when it has no move-out date. */
long org_out_day(const struct org *o);

/* True when o had moved out before the local day of the instant t: its
 * move-out day is earlier. */
bool org_moved_out(const struct org *o, time_t t);

/* One organisation; HD_NOT_FOUND when the id is unknown. */
enum hd_status org_get(struct db *db, long long id, struct org *out, struct hd_err *err);

/* All organisations by name into a malloc'd array (the caller frees).
 * HD_FAIL when the database fails. */
enum hd_status org_list(struct db *db, struct org **out, int *n, struct hd_err *err);

/* The short name made from a name: its first four characters. */
void org_default_short(const char *name, char *out, size_t outsz);

#endif
