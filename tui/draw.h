/* SPDX-License-Identifier: GPL-3.0-or-later */
/* draw.h - drawing text on the screen by display width: sanitised, cut at
 * whole characters, padded, in a role's colours. */
#ifndef HD_DRAW_H
#define HD_DRAW_H

#include <stdbool.h>

#include "tui/theme.h"

/* Draws text at (y, x) in at most cols columns (cut, never mid-character),
 * padded with spaces to cols when pad is set. Returns the columns drawn. */
int draw_text(int y, int x, const char *text, int cols, enum role role, int pad);

/* Draws a row of a list at (y, x) in cols columns, padded: the selected
 * row in ROLE_SELECTED with the marker "> " in the two columns left of x
 * (so it shows without colours too), the others in role with the marker's
 * columns blank. Returns the columns drawn. */
int draw_row(int y, int x, const char *text, int cols, bool selected, enum role role);

/* Draws text over up to max_lines rows ending at row y_last (the last
 * rows used, so the text sits right above what follows), each at most cols
 * columns from x, broken at a space where one is near, else between
 * characters. Returns the rows used. */
int draw_wrapped(int y_last, int x, const char *text, int cols, int max_lines, enum role role);

/* Fills a row from x to the right edge with spaces in a role's colours. */
void draw_fill(int y, int x, int cols, enum role role);

/* Draws text centred in the row. */
void draw_centre(int y, const char *text, enum role role);

#endif
