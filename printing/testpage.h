/* SPDX-License-Identifier: GPL-3.0-or-later */
/* testpage.h - the printer test page: Chinese sample lines, the centre's
 * name, the paper width, the date and time, and a QR of its own print job
 * (HD1-P-<spool id>-...), so one page checks the printer, its Chinese font,
 * the QR and the scanner. */
#ifndef HD_TESTPAGE_H
#define HD_TESTPAGE_H

#include <stddef.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"
#include "printing/spool.h"

/* Prints the test page (administrators: printers are theirs).
 * queue NULL: printer.receipt if set, else printer.a4, else none (the page
 * waits in the spool); "" none. format NULL: ESC/POS when the queue is the
 * configured receipt printer (paper of printer.receipt.width), else PDF;
 * "escpos" or "pdf" overrides. On HD_OK *spool_id is its print job, token
 * (TOKEN_MAX bytes) the text of its QR, and out says whether CUPS took it
 * (a page that waits is still HD_OK). HD_BAD_INPUT for another format,
 * HD_REFUSED for who is not an administrator, HD_FAIL for the database or
 * the rendering. */
enum hd_status testpage_print(struct db *db, const struct hd_actor *who, const char *queue,
			      const char *format, long long *spool_id, char *token, size_t tokensz,
			      struct spool_outcome *out, struct hd_err *err);

#endif
