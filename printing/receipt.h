/* SPDX-License-Identifier: GPL-3.0-or-later */
/* receipt.h - the booking receipt: centre, room, date and time, booker,
 * attendees, the QR of the booking and the check-in and cancellation rules
 * in two short lines; sent to the receipt printer through the spool. */
#ifndef HD_RECEIPT_H
#define HD_RECEIPT_H

#include <stdbool.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"
#include "printing/doc.h"
#include "printing/spool.h"

/* The receipt of booking id as a document (the caller frees it with
 * doc_free), marked as a reprint when reprint is set. HD_NOT_FOUND for an
 * unknown booking; HD_FAIL when the database fails. */
enum hd_status receipt_document(struct db *db, long long id, bool reprint, struct doc **out,
				struct hd_err *err);

/* Prints the receipt of booking id to queue in format (NULL: the receipt
 * printer's; see output.h); a receipt printed before says it is a reprint.
 * HD_OK whenever the document was stored (see out); HD_REFUSED when who
 * may not reprint it; HD_NOT_FOUND for an unknown booking; HD_BAD_INPUT for
 * another format; HD_FAIL for the database or the rendering. */
enum hd_status receipt_print(struct db *db, const struct hd_actor *who, long long id,
			     const char *queue, const char *format, struct spool_outcome *out,
			     struct hd_err *err);

#endif
