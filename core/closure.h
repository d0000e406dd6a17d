/* SPDX-License-Identifier: GPL-3.0-or-later */
/* closure.h - days the whole centre is closed (holidays, works): no room
 * can be booked on them. Closures of one room are room_close() in room.h;
 * weekdays closed every week are the setting closed.weekdays. */
#ifndef HD_CLOSURE_H
#define HD_CLOSURE_H

#include <stdbool.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"
#include "core/validate.h"

struct closure {
	long long id;
	char from[DATE_LEN], to[DATE_LEN]; /* local dates, both included */
	char reason[TEXT_BYTES];
};

/* Closes the centre from..to (day numbers of core/clock, both included)
 * for reason (staff: it is part of approvals and closures). HD_BAD_INPUT
 * naming the field for a bad reason or to before from; HD_REFUSED for
 * someone not staff; HD_FAIL when the database fails. */
enum hd_status closure_add(struct db *db, const struct hd_actor *who, long from, long to,
			   const char *reason, long long *id, struct hd_err *err);

/* The closures not yet over (to_date today or later), by date, into a
 * malloc'd array (the caller frees); with all, past ones too. HD_FAIL
 * when the database fails. */
enum hd_status closure_list(struct db *db, bool all, struct closure **out, int *n,
			    struct hd_err *err);

/* One closure; HD_NOT_FOUND when there is none. */
enum hd_status closure_get(struct db *db, long long id, struct closure *out, struct hd_err *err);

/* Removes closure id. HD_NOT_FOUND when there is none. */
enum hd_status closure_remove(struct db *db, const struct hd_actor *who, long long id,
			      struct hd_err *err);

/* The closure that covers day (a day number), into out (may be NULL):
 * true when one does. */
bool closure_covers(struct db *db, long day, struct closure *out);

/* A working day (调休): the centre opens on day (a day number) although
 * its weekday is closed every week (staff, audited). HD_BAD_INPUT naming
 * the reason when it is bad; HD_REFUSED when that weekday is open anyway or
 * for someone not staff; HD_FAIL when the database fails. */
enum hd_status closure_open_day(struct db *db, const struct hd_actor *who, long day,
				const char *reason, long long *id, struct hd_err *err);

/* True when the weekly rule closes day (a day number): its weekday is in
 * closed.weekdays and no working day opens it. */
bool closure_weekday_closes(struct db *db, long day);

#endif
