/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grid_model.h - the room grid's state without the terminal: the day shown,
 * the day or week view, the cursor (a row and a half-hour column) with the
 * part scrolled into view, and the booking being moved. The screen
 * (tui/screen_grid.c) loads the days the model names, says what it loaded,
 * turns keys into these operations and draws from the model. */
#ifndef HD_GRID_MODEL_H
#define HD_GRID_MODEL_H

#include <stdbool.h>

#include "core/grid.h"

#define GRID_WEEK_DAYS 7

enum grid_view { GRID_VIEW_DAY, GRID_VIEW_WEEK };

/* What Enter on the cursor's cell means. */
enum grid_enter {
	GRID_ENTER_OPEN,      /* a booking shows there: open it */
	GRID_ENTER_BOOK,      /* free: book it */
	GRID_ENTER_MOVE_HERE, /* free while a booking is being moved: move it here */
	GRID_ENTER_CLOSED,    /* the centre or the room is closed then */
	GRID_ENTER_OUTSIDE,   /* the room is not open then */
	GRID_ENTER_PAST,      /* the time has passed */
	GRID_ENTER_BUFFER     /* kept free after a booking */
};

struct grid_model {
	long day; /* the day shown (core/clock.h); week view: a day of the week */
	enum grid_view view;
	long long week_room; /* the room of the week view */
	int row, col;     /* the cursor: a room (week view: Monday 0 ... Sunday 6), a half hour */
	int nrows, ncols; /* the rows and columns loaded */
	int first_row, first_col; /* the first row and column in view */
	long long move_id;        /* the booking being moved, or 0 */
};

/* A model showing day in the day view, the cursor on the first cell, moving
 * booking move_id (0: none). */
void grid_model_init(struct grid_model *m, long day, long long move_id);

/* The days the screen loads: the first into *first, and how many (the day
 * itself; in the week view the seven days from its Monday). */
int grid_model_days(const struct grid_model *m, long *first);

/* The screen loaded nrows rows (rooms; in the week view days) of ncols
 * columns: the cursor stays among them. */
void grid_model_loaded(struct grid_model *m, int nrows, int ncols);

/* Moves the cursor drow rows down and dcol columns right (negative: up,
 * left), stopping at the first and last row and column. */
void grid_model_move(struct grid_model *m, int drow, int dcol);

/* The cursor to the first or the last column of its row. */
void grid_model_row_start(struct grid_model *m);
void grid_model_row_end(struct grid_model *m);

/* The cursor to row (kept among the rows loaded). */
void grid_model_to_row(struct grid_model *m, int row);

/* The day before or after the one shown; in the week view the week. */
void grid_model_earlier(struct grid_model *m);
void grid_model_later(struct grid_model *m);

/* Shows today, whose day number is today; view and cursor stay. */
void grid_model_today(struct grid_model *m, long today);

/* Switches between the views. From the day view to the week of room_id,
 * the room at the cursor (0: no room there, and nothing changes), the
 * cursor on the day's weekday. From the week view to the day view, of the
 * cursor's day when room_id is not 0 (the week's room shows on that row),
 * else of the day shown. True when the view changed: the screen loads
 * again, and in the day view puts the cursor on the week's room. */
bool grid_model_toggle_week(struct grid_model *m, long long room_id);

/* Moving a booking: starts moving booking_id; cancel stops (true when a
 * booking was being moved); finish ends it once the booking has moved or
 * cannot be moved. */
void grid_model_start_move(struct grid_model *m, long long booking_id);
bool grid_model_cancel_move(struct grid_model *m);
void grid_model_finish_move(struct grid_model *m);

/* What Enter means on the cursor's cell, which holds cell (enum grid_cell);
 * booking: a booking shows in it. */
enum grid_enter grid_model_enter(const struct grid_model *m, int cell, bool booking);

/* Scrolls so that the cursor is in a view of rows rows and cols columns. */
void grid_model_scroll(struct grid_model *m, int rows, int cols);

#endif
