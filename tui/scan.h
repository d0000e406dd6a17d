/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scan.h - scanned codes on every screen. A scanner types a slip's or a
 * receipt's QR text (HD1-...) and Enter like a keyboard; whatever screen or
 * field has the keys, the desk holds such text back from it and acts on the
 * code as home does, so a code is never saved as data. */
#ifndef HD_SCAN_H
#define HD_SCAN_H

#include <stdbool.h>

#include "tui/app.h"

/* What scan_feed did with a key. */
enum scan_step {
	SCAN_PASS,  /* not part of a code: the screen has the key */
	SCAN_HELD,  /* kept back as a possible code */
	SCAN_FLUSH, /* not a code after all: the keys held go to the screen, then this one */
	SCAN_READY  /* Enter after a code: scan_text() holds it */
};

/* Offers a key to the hold. A scan starts with H and is kept back while
 * what was typed can still be "HD1-" (any case); from "HD1-" on every
 * character is kept until Enter, Backspace edits it and Esc drops it. */
enum scan_step scan_feed(struct scan_hold *h, struct key_in k);

/* No key came for a moment: a hold shorter than "HD1-" was a person typing
 * an H, and goes to the screen (true: call scan_replay). */
bool scan_pause(struct scan_hold *h);

/* Hands the keys held to the screen through deliver, in order, and empties
 * the hold. */
void scan_replay(struct app *a, struct scan_hold *h, void (*deliver)(struct app *, struct key_in));

/* The text held (UTF-8), for the status line and for scan_act. */
const char *scan_text(const struct scan_hold *h);

/* True while a hold of at least "HD1-" is being typed. */
bool scan_showing(const struct scan_hold *h);

/* Empties the hold. */
void scan_clear(struct scan_hold *h);

/* Acts on scanned text as home does: a visitor slip checks out, a booking
 * receipt checks in (for a series, the date open now), a team's filing
 * receipt opens the team (staff), a test page says the scanner reads right;
 * a forged code is refused. The outcome goes to the status line. */
void scan_act(struct app *a, const char *text);

/* Checks booking id in and says so on the status line (a refusal too);
 * by a scan (VIA_SCAN), a series' date open now is the one checked in. */
void scan_checkin_booking(struct app *a, long long id, enum access_via via);

#endif
