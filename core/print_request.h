/* SPDX-License-Identifier: GPL-3.0-or-later */
/* print_request.h - a record's document asked for in the record's own
 * transaction: a row of the print spool without its bytes yet, so that a
 * saved visit, booking or filing always has its print request, whatever
 * becomes of the desk before the document is made. The printing module
 * makes and sends it after the commit (printing/spool.h); a request its
 * desk left behind is made and sent by the spool's retry. */
#ifndef HD_PRINT_REQUEST_H
#define HD_PRINT_REQUEST_H

#include "core/db.h"
#include "core/spool_row.h"
#include "core/status.h"

/* Asks for the next copy of the record's document of kind (visitor,
 * booking, team) and record_id, inside the caller's open transaction.
 * HD_FAIL when the database fails. */
enum hd_status print_request(struct db *db, enum spool_kind kind, long long record_id,
			     struct hd_err *err);

#endif
