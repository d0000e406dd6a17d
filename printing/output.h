/* SPDX-License-Identifier: GPL-3.0-or-later */
/* output.h - where a document goes and in what form: the receipt printer
 * takes ESC/POS on its paper width, any other queue a PDF (DESIGN.md:
 * `--to QUEUE` renders ESC/POS when QUEUE is the configured receipt printer,
 * PDF otherwise; `--format` overrides). */
#ifndef HD_OUTPUT_H
#define HD_OUTPUT_H

#include <stddef.h>

#include "core/db.h"
#include "core/status.h"
#include "printing/doc.h"
#include "printing/spool.h"

/* The printer a document belongs on when no queue is given. */
enum output_printer { OUTPUT_RECEIPT, OUTPUT_A4 };

/* Picks the queue into q (queue when given, else printer.receipt, else
 * printer.a4, else "" for none), the format (format "escpos"|"pdf" when
 * given; else ESC/POS for the receipt printer, PDF otherwise) and the
 * receipt's paper width. HD_BAD_INPUT for another format. */
enum hd_status output_choose(struct db *db, const char *queue, const char *format, char *q,
			     size_t qsz, enum spool_format *f, int *width_mm, struct hd_err *err);

/* The same for a document that belongs on printer prefer: with no queue
 * given, OUTPUT_A4 tries printer.a4 before printer.receipt. HD_BAD_INPUT
 * for another format. */
enum hd_status output_choose_for(struct db *db, enum output_printer prefer, const char *queue,
				 const char *format, char *q, size_t qsz, enum spool_format *f,
				 int *width_mm, struct hd_err *err);

/* Renders d as f into *bytes (malloc'd, the caller frees) and *len.
 * HD_BAD_INPUT for another paper width or a QR text that cannot be encoded;
 * HD_FAIL when the document cannot be made. */
enum hd_status output_render(const struct doc *d, enum spool_format f, int width_mm,
			     unsigned char **bytes, size_t *len, struct hd_err *err);

/* Renders d as f and prints it as kind/record_id's document (spool_print;
 * queue q, "" for none). When it cannot be rendered, the record's request
 * waits for the spool's retry (spool_defer), and HD_BAD_INPUT or HD_FAIL
 * says why, as output_render; else what spool_print gives. */
enum hd_status output_print(struct db *db, const struct hd_actor *who, enum spool_kind kind,
			    long long record_id, const struct doc *d, enum spool_format f,
			    int width_mm, const char *q, struct spool_outcome *out,
			    struct hd_err *err);

#endif
