/* audit.h - the audit log: when, at which desk, who, what action, on which
 * record, and the record before and after (JSON snapshots). Every feature
 * calls audit_log() inside the transaction of its action. */
#ifndef HD_AUDIT_H
#define HD_AUDIT_H

#include <sqlite3.h>

#include "core/actor.h"
#include "core/status.h"

/* Appends one entry. action is a stable word ("org.add", "config.set");
 * record names the table ("org") and record_id its row (0: none); before and
 * after may be NULL. Time is clock_now(). */
enum hd_status audit_log(sqlite3 *db, const struct hd_actor *who, const char *action,
			 const char *record, long long record_id, const char *before,
			 const char *after, struct hd_err *err);

#endif
