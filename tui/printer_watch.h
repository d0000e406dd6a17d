/* SPDX-License-Identifier: GPL-3.0-or-later */
/* printer_watch.h - the printers' state for the top line, asked of CUPS by
 * a thread of its own every few seconds, so that a slow or missing CUPS
 * never holds up the keys. */
#ifndef HD_PRINTER_WATCH_H
#define HD_PRINTER_WATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "printing/cups.h"

#define WATCH_QUEUE_MAX 128
#define WATCH_POLL_SECONDS 5

struct printer_watch;

/* Starts watching the receipt and A4 queues ("" for one not configured).
 * NULL when the thread cannot start (the top line then says nothing). */
struct printer_watch *watch_start(const char *receipt, const char *a4);

/* Asks for a fresh look now (after a setting changed, or a print). */
void watch_poke(struct printer_watch *w, const char *receipt, const char *a4);

/* The latest states; false when none has been read yet. */
bool watch_get(struct printer_watch *w, struct printer_state *receipt, struct printer_state *a4,
	       bool *receipt_set, bool *a4_set);

/* Stops the thread and frees w (NULL is fine). */
void watch_stop(struct printer_watch *w);

#endif
