/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit.h - the audit log: when, at which desk, who, what action, on which
 * record, and the record before and after (JSON snapshots). Every feature
 * calls audit_log() inside the transaction of its action. */
#ifndef HD_AUDIT_H
#define HD_AUDIT_H

#include <time.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"
#include "core/validate.h"

/* Appends one entry. action is a stable word ("org.add", "config.set");
 * record names the table ("org") and record_id its row (0: none); before and
 * after may be NULL. Time is clock_now(). HD_FAIL when the database
 * fails. */
enum hd_status audit_log(struct db *db, const struct hd_actor *who, const char *action,
			 const char *record, long long record_id, const char *before,
			 const char *after, struct hd_err *err);

/* An entry of the audit log as the viewer shows it. */
struct audit_entry {
	long long id;
	time_t at;
	char desk[64], actor[NAME_BYTES], action[48], record[32];
	long long record_id;
	char *before, *after; /* JSON or NULL; freed by audit_entries_free() */
};

/* A filter of the viewer: "", or CLOCK_NO_DAY (core/clock) for the day, for
 * any. day: a day number (that local day), person (a part of the name),
 * desk, action (its start: "booking." ...). */
struct audit_filter {
	long day;
	const char *person, *desk, *action;
};

/* The newest entries (at most max) that pass the filter, newest first,
 * read through the log's time index (malloc'd). HD_BAD_INPUT for a
 * malformed date; HD_FAIL when the database fails. */
enum hd_status audit_entries(struct db *db, const struct audit_filter *f, int max,
			     struct audit_entry **out, int *n, struct hd_err *err);
void audit_entries_free(struct audit_entry *e, int n);

/* The words of an action ("booking.checkin": 预约签到) and of a record
 * ("setting": 设置), translated; the stored word when none is known. The
 * strings are static. */
const char *audit_action_words(const char *action);
const char *audit_record_words(const char *record);

/* The actions whose words contain words, their stored words joined by
 * commas (malloc'd, "" for none): to filter the log by words. */
char *audit_actions_matching(const char *words);

#define AUDIT_LINE 256

/* What an entry changed, one line a field, "名称：旧 → 新" (a field only in
 * after: "名称：新"), times in local time, choices by name. Fills up to max
 * lines; returns how many. */
int audit_changes(const char *before, const char *after, char (*lines)[AUDIT_LINE], int max);

#endif
