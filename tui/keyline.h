/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keyline.h - the bottom line of keys, like htop's, from the action table. */
#ifndef HD_KEYLINE_H
#define HD_KEYLINE_H

#include "tui/actions.h"

/* Draws the screen's actions (a -1 ended list, may be NULL) then the global
 * ones on row y. */
void keyline_draw(int y, const int *keys);

#endif
