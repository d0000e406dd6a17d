/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render.h - a record's document made from the database alone, by its kind
 * and the printers set at that moment: for a print request whose desk did
 * not make it (the spool's retry makes it then). Slips and booking
 * receipts belong on the receipt printer, filing receipts on A4. */
#ifndef HD_RENDER_H
#define HD_RENDER_H

#include <stddef.h>

#include "core/db.h"
#include "core/status.h"
#include "printing/spool.h"

/* Where a record's document of kind (visitor, booking, team) goes now, by
 * the printers set at this moment: *f and queue (qsz bytes; "" when none is
 * set). HD_BAD_INPUT for another kind (a test page or a list goes where it
 * was sent). */
enum hd_status render_route(struct db *db, enum spool_kind kind, enum spool_format *f, char *queue,
			    size_t qsz, struct hd_err *err);

/* Makes copy number copy of the record's document of kind (visitor,
 * booking, team) and record_id: *f and queue (qsz bytes; "" when no printer is
 * set) say where it goes, *bytes (malloc'd, the caller frees) and *len what
 * it is. HD_NOT_FOUND when the record is gone; HD_BAD_INPUT for another
 * kind; HD_FAIL for the rendering. */
enum hd_status render_request(struct db *db, enum spool_kind kind, long long record_id, int copy,
			      enum spool_format *f, char *queue, size_t qsz, unsigned char **bytes,
			      size_t *len, struct hd_err *err);

#endif
