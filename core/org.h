/* SPDX-License-Identifier: GPL-3.0-or-later */
/* org.h - the register of organisations: resident organisations of the
 * incubation base (with their residence term, 入驻/出壳), community social
 * organisations and others. */
#ifndef HD_ORG_H
#define HD_ORG_H

#include <stdbool.h>
#include <sqlite3.h>

#include "core/actor.h"
#include "core/status.h"
#include "core/validate.h"

#define SHORT_MAX_CHARS 4
#define SHORT_BYTES (SHORT_MAX_CHARS * 4 + 1)

/* An organisation as entered, every field as text; NULL or "" when not
 * given. The order is that of `hubdesk org add`. */
struct org_draft {
	const char *name, *kind, *short_name, *credit_code, *contact, *phone, *in_date, *out_date;
};

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
enum hd_status org_add(sqlite3 *db, const struct hd_actor *who, const struct org_draft *d,
		       long long *id, struct org_notes *notes, struct hd_err *err);

/* Checks the draft without saving (for forms): the same messages as org_add
 * for malformed fields, notes filled. */
enum hd_status org_check(const struct org_draft *d, struct org *out, struct org_notes *notes,
			 struct hd_err *err);

/* Changes organisation id to the draft, every field checked as org_add
 * does, with its audit entry (before and after) and search index. */
enum hd_status org_update(sqlite3 *db, const struct hd_actor *who, long long id,
			  const struct org_draft *d, struct org_notes *notes, struct hd_err *err);

/* Organisations whose residence ends within days from today or ended
 * already, by the end of their residence (malloc'd). */
enum hd_status org_residence_ending(sqlite3 *db, int days, struct org **out, int *n,
				    struct hd_err *err);

/* One organisation; HD_NOT_FOUND when the id is unknown. */
enum hd_status org_get(sqlite3 *db, long long id, struct org *out, struct hd_err *err);

/* All organisations by name into a malloc'd array (the caller frees). */
enum hd_status org_list(sqlite3 *db, struct org **out, int *n, struct hd_err *err);

/* The short name made from a name: its first four characters. */
void org_default_short(const char *name, char *out, size_t outsz);

#endif
