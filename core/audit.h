/* audit.h - the audit log: when, at which desk, who, what action, on which
 * record, and the record before and after (JSON snapshots). Every feature
 * calls audit_log() inside the transaction of its action. */
#ifndef HD_AUDIT_H
#define HD_AUDIT_H

#include <sqlite3.h>
#include <time.h>

#include "core/actor.h"
#include "core/status.h"
#include "core/validate.h"

/* Appends one entry. action is a stable word ("org.add", "config.set");
 * record names the table ("org") and record_id its row (0: none); before and
 * after may be NULL. Time is clock_now(). */
enum hd_status audit_log(sqlite3 *db, const struct hd_actor *who, const char *action,
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

/* A filter of the viewer: "" or 0 for any. date "YYYY-MM-DD" (that day),
 * person (a part of the name), desk, action (its start: "booking." ...). */
struct audit_filter {
	const char *date, *person, *desk, *action;
};

/* The newest entries (at most max) that pass the filter, newest first,
 * read through the log's time index (malloc'd). */
enum hd_status audit_entries(sqlite3 *db, const struct audit_filter *f, int max,
			     struct audit_entry **out, int *n, struct hd_err *err);
void audit_entries_free(struct audit_entry *e, int n);

#endif
