/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slip.h - the visitor slip: centre, name, masked phone, purpose, whom they
 * visit, time in, party size, the QR of the visit and a privacy line; sent
 * to the receipt printer through the spool (ESC/POS on printer.receipt,
 * else a PDF that waits). */
#ifndef HD_SLIP_H
#define HD_SLIP_H

#include <stdbool.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"
#include "printing/doc.h"
#include "printing/spool.h"

/* The slip of visit id as a document (the caller frees it with doc_free),
 * marked as a reprint when reprint is set. HD_NOT_FOUND for an unknown
 * visit; HD_FAIL when the database fails. */
enum hd_status slip_document(struct db *db, long long id, bool reprint, struct doc **out,
			     struct hd_err *err);

/* Prints the slip of visit id to queue and in format (NULL for the receipt
 * printer's; see output.h); a slip printed before says it is a reprint.
 * HD_OK whenever the document was stored, printed or waiting (see out);
 * HD_FAIL for the database or the rendering; HD_NOT_FOUND for an unknown
 * visit; HD_BAD_INPUT for another format; HD_REFUSED when who may not print
 * slips. */
enum hd_status slip_print(struct db *db, const struct hd_actor *who, long long id,
			  const char *queue, const char *format, struct spool_outcome *out,
			  struct hd_err *err);

#endif
