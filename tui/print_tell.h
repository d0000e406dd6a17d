/* SPDX-License-Identifier: GPL-3.0-or-later */
/* print_tell.h - telling the desk what became of a document it printed:
 * sent, or waiting in the spool and why; and the reprint of a visitor's
 * slip, which two screens offer. */
#ifndef HD_PRINT_TELL_H
#define HD_PRINT_TELL_H

#include "printing/spool.h"
#include "tui/app.h"

/* Puts the outcome of a print on the status line: rc and err when the
 * document could not even be spooled, else out's message (sent, or
 * waiting). */
void print_tell(struct app *a, enum hd_status rc, const struct spool_outcome *out,
		const struct hd_err *err);

/* Prints visit id's slip again (marked as a reprint) and tells the desk. */
void print_slip_again(struct app *a, long long visit_id);

#endif
