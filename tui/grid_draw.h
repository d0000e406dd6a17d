/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grid_draw.h - what the room grid shows (its model and the days loaded for
 * it) and drawing it, for tui/screen_grid.c. */
#ifndef HD_GRID_DRAW_H
#define HD_GRID_DRAW_H

#include "core/grid.h"
#include "forms/grid_model.h"

/* The grid shown: the model, and the days loaded for it. */
struct grid_shown {
	struct grid_model m;              /* day, view, cursor, move */
	struct grid days[GRID_WEEK_DAYS]; /* day view: days[0]; week view: Monday..Sunday */
	int ndays;                        /* days loaded */
};

/* The rows shown (rooms; in the week view the days loaded) and the columns
 * (half hours) of the days loaded. */
int grid_shown_rows(const struct grid_shown *g);
int grid_shown_cols(const struct grid_shown *g);

/* The day grid on row r and the room's row in it into *grow (in the week
 * view the week's room), or NULL when row r shows none. The grid is g's. */
const struct grid *grid_shown_row(const struct grid_shown *g, int r, int *grow);

/* The day grid of the cursor's cell, the room's row in it into *grow and
 * the cell's minute of the day into *min, or NULL when the cursor is on no
 * cell. The grid is g's. */
const struct grid *grid_shown_cursor(const struct grid_shown *g, int *grow, int *min);

/* Draws the body of the grid's screen, first scrolling the model so that
 * the cursor is in view. */
void grid_shown_draw(struct grid_shown *g);

#endif
