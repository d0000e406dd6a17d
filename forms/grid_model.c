/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grid_model.c - the room grid's state: cursor, view, day and move. */
#include "forms/grid_model.h"

#include <string.h>

#include "core/clock.h"

/* Monday 0 ... Sunday 6 of day. */
static int weekday_index(long day)
{
	return clock_weekday_of_day(day) - 1;
}

static int clamp(int v, int n)
{
	if (v >= n)
		v = n - 1;
	return v > 0 ? v : 0;
}

void grid_model_init(struct grid_model *m, long day, long long move_id)
{
	memset(m, 0, sizeof(*m));
	m->day = day;
	m->view = GRID_VIEW_DAY;
	m->move_id = move_id;
}

int grid_model_days(const struct grid_model *m, long *first)
{
	if (m->view == GRID_VIEW_DAY) {
		*first = m->day;
		return 1;
	}
	*first = m->day - weekday_index(m->day);
	return GRID_WEEK_DAYS;
}

void grid_model_loaded(struct grid_model *m, int nrows, int ncols)
{
	m->nrows = nrows > 0 ? nrows : 0;
	m->ncols = ncols > 0 ? ncols : 0;
	m->row = clamp(m->row, m->nrows);
	m->col = clamp(m->col, m->ncols);
}

void grid_model_move(struct grid_model *m, int drow, int dcol)
{
	m->row = clamp(m->row + drow, m->nrows);
	m->col = clamp(m->col + dcol, m->ncols);
}

void grid_model_row_start(struct grid_model *m)
{
	m->col = 0;
}

void grid_model_row_end(struct grid_model *m)
{
	m->col = clamp(m->ncols - 1, m->ncols);
}

void grid_model_to_row(struct grid_model *m, int row)
{
	m->row = clamp(row, m->nrows);
}

static int page_days(const struct grid_model *m)
{
	return m->view == GRID_VIEW_WEEK ? GRID_WEEK_DAYS : 1;
}

void grid_model_earlier(struct grid_model *m)
{
	m->day -= page_days(m);
}

void grid_model_later(struct grid_model *m)
{
	m->day += page_days(m);
}

void grid_model_today(struct grid_model *m, long today)
{
	m->day = today;
}

bool grid_model_toggle_week(struct grid_model *m, long long room_id)
{
	long monday;

	if (m->view == GRID_VIEW_DAY) {
		if (!room_id)
			return false;
		m->week_room = room_id;
		m->view = GRID_VIEW_WEEK;
		m->row = weekday_index(m->day);
		return true;
	}
	if (room_id) {
		grid_model_days(m, &monday);
		m->day = monday + m->row;
	}
	m->view = GRID_VIEW_DAY;
	return true;
}

void grid_model_start_move(struct grid_model *m, long long booking_id)
{
	m->move_id = booking_id;
}

bool grid_model_cancel_move(struct grid_model *m)
{
	bool moving = m->move_id != 0;

	m->move_id = 0;
	return moving;
}

void grid_model_finish_move(struct grid_model *m)
{
	m->move_id = 0;
}

enum grid_enter grid_model_enter(const struct grid_model *m, int cell, bool booking)
{
	if (booking && cell != GC_BUFFER && cell != GC_RELEASED)
		return GRID_ENTER_OPEN;
	switch (cell) {
	case GC_CLOSED:
		return GRID_ENTER_CLOSED;
	case GC_OUTSIDE:
		return GRID_ENTER_OUTSIDE;
	case GC_PAST:
		return GRID_ENTER_PAST;
	case GC_BUFFER:
		return GRID_ENTER_BUFFER;
	default:
		return m->move_id ? GRID_ENTER_MOVE_HERE : GRID_ENTER_BOOK;
	}
}

void grid_model_scroll(struct grid_model *m, int rows, int cols)
{
	if (m->row < m->first_row)
		m->first_row = m->row;
	if (m->row >= m->first_row + rows)
		m->first_row = m->row - rows + 1;
	if (m->col < m->first_col)
		m->first_col = m->col;
	if (m->col >= m->first_col + cols)
		m->first_col = m->col - cols + 1;
}
