/* SPDX-License-Identifier: GPL-3.0-or-later */
/* filing.h - the team's filing receipt (备案回执): on A4, its filing number
 * (备案编号), the team's data, its state and filing date, the centre's
 * name, the QR of the team, lines for signatures and the place of the
 * centre's seal (盖章); a short version fits the receipt printer. */
#ifndef HD_FILING_H
#define HD_FILING_H

#include <stdbool.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"
#include "printing/doc.h"
#include "printing/spool.h"

/* The filing receipt of team id as a document (the caller frees it with
 * doc_free): full for A4, else the short version; marked as a reprint when
 * reprint is set. HD_REFUSED when the team is neither filed nor classified;
 * HD_NOT_FOUND for an unknown team; HD_FAIL when the database fails. */
enum hd_status filing_document(struct db *db, long long id, bool reprint, bool full,
			       struct doc **out, struct hd_err *err);

/* Prints the filing receipt of team id to queue in format (NULL: the A4
 * printer, as a PDF; format "escpos" the short version for the receipt
 * printer; with no queue given and that printer not set, the other one;
 * with neither, it waits); a receipt printed before says it is a reprint.
 * The QR holds the team's code (TOKEN_TEAM); the leader's phone is printed
 * masked. HD_OK whenever the document was stored, printed or waiting (see
 * out); HD_REFUSED when the team is neither filed nor classified, or who
 * may not take team steps; HD_NOT_FOUND for an unknown team; HD_BAD_INPUT
 * for another format; HD_FAIL for the database or the rendering. */
enum hd_status filing_print(struct db *db, const struct hd_actor *who, long long id,
			    const char *queue, const char *format, struct spool_outcome *out,
			    struct hd_err *err);

#endif
