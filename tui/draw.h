/* draw.h - drawing text on the screen by display width: sanitised, cut at
 * whole characters, padded, in a role's colours. */
#ifndef HD_DRAW_H
#define HD_DRAW_H

#include "tui/theme.h"

/* Draws text at (y, x) in at most cols columns (cut, never mid-character),
 * padded with spaces to cols when pad is set. Returns the columns drawn. */
int draw_text(int y, int x, const char *text, int cols, enum role role, int pad);

/* Fills a row from x to the right edge with spaces in a role's colours. */
void draw_fill(int y, int x, int cols, enum role role);

/* Draws text centred in the row. */
void draw_centre(int y, const char *text, enum role role);

#endif
