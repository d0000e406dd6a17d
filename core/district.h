/* SPDX-License-Identifier: GPL-3.0-or-later */
/* district.h - reading every centre of a district's PostgreSQL database:
 * the figures and rolls a district account sees, one centre after another
 * through the database owner's session (which row-level security lets
 * serve any centre), then back to the centre the desk served. */
#ifndef HD_DISTRICT_H
#define HD_DISTRICT_H

#include <stdbool.h>

#include "core/centre.h"
#include "core/db.h"
#include "core/report.h"
#include "core/status.h"

/* A read of one centre, db serving it. Returns what the read gives; any
 * status but HD_OK stops district_each(). */
typedef enum hd_status (*district_fn)(struct db *db, const struct centre *c, int index, void *ctx,
				      struct hd_err *err);

/* HD_OK when db's session may read every centre in turn: a PostgreSQL
 * database, the role connected bound to no centre and held by row-level
 * security. HD_BAD_INPUT naming --district on SQLite (a file holds one
 * centre); HD_REFUSED naming --district for a centre's own database
 * account; HD_FAIL for a superuser (or BYPASSRLS) role on a database of
 * several centres, whose reads would mix the centres, or when the
 * database fails. */
enum hd_status district_check(struct db *db, struct hd_err *err);

/* The centres of the district by code into a malloc'd array (the caller
 * frees), after district_check(). Its statuses, and HD_FAIL when the
 * database fails. */
enum hd_status district_centres(struct db *db, struct centre **out, int *n, struct hd_err *err);

/* Runs fn for each centre of the district by code, db serving that
 * centre, then serves again the centre it served before (none: every
 * centre, read-only). Stops at the first status fn gives that is not
 * HD_OK and returns it; else the statuses of district_check() and HD_FAIL
 * when the database fails. */
enum hd_status district_each(struct db *db, district_fn fn, void *ctx, struct hd_err *err);

/* The report of the days first..last (report_build()) of the centre of id
 * centre, or with centre 0 the district's: every centre's report added up
 * (report_add(), report_sum_finish()), into *out (report_free() it, also
 * after a failure); progress as report_build() takes it, for each centre
 * in turn. The statuses of district_each() and report_build(), and
 * HD_NOT_FOUND when no centre has the id centre. */
enum hd_status district_report(struct db *db, long first, long last, long long centre,
			       report_progress_fn progress, void *ctx, struct report *out,
			       struct hd_err *err);

#endif
