/* SPDX-License-Identifier: GPL-3.0-or-later */
/* topline.h - the first line of every screen: its title, the centre's name,
 * the printers' state, the date and time, and who is signed in. */
#ifndef HD_TOPLINE_H
#define HD_TOPLINE_H

#include "tui/app.h"

/* Draws row 0 with title (already translated). */
void topline_draw(struct app *a, const char *title);

/* The printers' state in a few words ("" before the first look). */
void topline_printers(struct app *a, char *out, size_t outsz);

#endif
