/* SPDX-License-Identifier: GPL-3.0-or-later */
/* print_request.c - the spool row a saved record's document starts as. */
#include "core/print_request.h"

#include "core/clock.h"
#include "core/db.h"

/* A row 'sending' without bytes is being made by the desk that asked for
 * it; left so (the desk gone) it waits again after a while and the
 * spool's retry makes it. Its format and queue are chosen when it is made. */
static const char SQL_REQUEST[] =
	"INSERT INTO spool(kind, record_id, copy, format, queue, state, created, updated)"
	" SELECT $1, $2, count(*) + 1, 'escpos', '', 'sending', $3, $3 FROM spool"
	" WHERE kind = $1 AND record_id = $2";

enum hd_status print_request(struct db *db, enum spool_kind kind, long long record_id,
			     struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db, SQL_REQUEST, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, spool_kind_text(kind));
	db_bind_int(st, 2, record_id);
	db_bind_int(st, 3, clock_now());
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}
