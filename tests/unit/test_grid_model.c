/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_grid_model.c - the room grid's state without the terminal: the days
 * to load, the cursor kept among what is loaded, day and week paging, the
 * switch between the day and the week view, moving a booking, and what
 * Enter means on each kind of cell. Monday 2026-11-23 is the week used. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/clock.h"
#include "forms/grid_model.h"

#define DAY(date) clock_day_of(date)
#define MONDAY DAY("2026-11-23")
#define WEDNESDAY DAY("2026-11-25")
#define SUNDAY DAY("2026-11-29")

/* A model of day with rows x cols cells loaded. */
static struct grid_model loaded(long day, int rows, int cols)
{
	struct grid_model m;

	grid_model_init(&m, day, 0);
	grid_model_loaded(&m, rows, cols);
	return m;
}

static void test_a_new_model_shows_the_day_with_the_cursor_on_the_first_cell(void **state)
{
	struct grid_model m;

	(void)state;
	grid_model_init(&m, WEDNESDAY, 42);
	assert_int_equal(m.day, WEDNESDAY);
	assert_int_equal(m.view, GRID_VIEW_DAY);
	assert_int_equal(m.row, 0);
	assert_int_equal(m.col, 0);
	assert_int_equal(m.first_row, 0);
	assert_int_equal(m.first_col, 0);
	assert_int_equal(m.move_id, 42);
}

static void test_the_day_view_loads_its_day_and_the_week_view_monday_to_sunday(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 8, 26);
	long first = 0;

	(void)state;
	assert_int_equal(grid_model_days(&m, &first), 1);
	assert_int_equal(first, WEDNESDAY);
	assert_true(grid_model_toggle_week(&m, 5));
	assert_int_equal(grid_model_days(&m, &first), GRID_WEEK_DAYS);
	assert_int_equal(first, MONDAY);
	m.day = SUNDAY;
	assert_int_equal(grid_model_days(&m, &first), GRID_WEEK_DAYS);
	assert_int_equal(first, MONDAY);
	m.day = MONDAY;
	assert_int_equal(grid_model_days(&m, &first), GRID_WEEK_DAYS);
	assert_int_equal(first, MONDAY);
}

static void test_the_cursor_stops_at_the_first_and_last_row_and_column(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 3, 5);

	(void)state;
	grid_model_move(&m, -1, -1);
	assert_int_equal(m.row, 0);
	assert_int_equal(m.col, 0);
	grid_model_move(&m, 1, 0);
	grid_model_move(&m, 0, 1);
	assert_int_equal(m.row, 1);
	assert_int_equal(m.col, 1);
	grid_model_move(&m, 10, 10);
	assert_int_equal(m.row, 2);
	assert_int_equal(m.col, 4);
	grid_model_move(&m, 1, 1);
	assert_int_equal(m.row, 2);
	assert_int_equal(m.col, 4);
}

static void test_the_cursor_stays_on_the_first_cell_when_nothing_is_loaded(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 0, 0);

	(void)state;
	grid_model_move(&m, 1, 1);
	assert_int_equal(m.row, 0);
	assert_int_equal(m.col, 0);
	grid_model_row_end(&m);
	assert_int_equal(m.col, 0);
	grid_model_to_row(&m, 3);
	assert_int_equal(m.row, 0);
}

static void test_a_smaller_load_keeps_the_cursor_among_the_rows(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 8, 26);

	(void)state;
	grid_model_move(&m, 7, 25);
	grid_model_loaded(&m, 5, 20);
	assert_int_equal(m.row, 4);
	assert_int_equal(m.col, 19);
	grid_model_loaded(&m, 8, 26);
	assert_int_equal(m.row, 4);
	assert_int_equal(m.col, 19);
}

static void test_home_and_end_go_to_the_first_and_last_column(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 3, 26);

	(void)state;
	grid_model_move(&m, 1, 3);
	grid_model_row_end(&m);
	assert_int_equal(m.col, 25);
	assert_int_equal(m.row, 1);
	grid_model_row_start(&m);
	assert_int_equal(m.col, 0);
	assert_int_equal(m.row, 1);
}

static void test_paging_moves_a_day_in_the_day_view_and_a_week_in_the_week_view(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 3, 26);

	(void)state;
	grid_model_later(&m);
	assert_int_equal(m.day, WEDNESDAY + 1);
	grid_model_earlier(&m);
	grid_model_earlier(&m);
	assert_int_equal(m.day, WEDNESDAY - 1);
	m.day = WEDNESDAY;
	grid_model_toggle_week(&m, 5);
	grid_model_later(&m);
	assert_int_equal(m.day, DAY("2026-12-02"));
	grid_model_earlier(&m);
	grid_model_earlier(&m);
	assert_int_equal(m.day, DAY("2026-11-18"));
	assert_int_equal(m.view, GRID_VIEW_WEEK);
}

static void test_today_changes_the_day_only(void **state)
{
	struct grid_model m = loaded(SUNDAY, 3, 26);

	(void)state;
	grid_model_move(&m, 2, 4);
	grid_model_today(&m, MONDAY);
	assert_int_equal(m.day, MONDAY);
	assert_int_equal(m.view, GRID_VIEW_DAY);
	assert_int_equal(m.row, 2);
	assert_int_equal(m.col, 4);
}

static void test_the_week_view_needs_a_room_at_the_cursor(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 0, 26);

	(void)state;
	assert_false(grid_model_toggle_week(&m, 0));
	assert_int_equal(m.view, GRID_VIEW_DAY);
	assert_int_equal(m.day, WEDNESDAY);
}

static void test_the_week_view_puts_the_cursor_on_the_days_weekday(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 8, 26);

	(void)state;
	grid_model_move(&m, 5, 6);
	assert_true(grid_model_toggle_week(&m, 17));
	assert_int_equal(m.view, GRID_VIEW_WEEK);
	assert_int_equal(m.week_room, 17);
	assert_int_equal(m.row, 2);
	assert_int_equal(m.col, 6);
	assert_int_equal(m.day, WEDNESDAY);
	m = loaded(SUNDAY, 8, 26);
	grid_model_toggle_week(&m, 17);
	assert_int_equal(m.row, 6);
}

static void test_the_day_view_shows_the_day_of_the_cursors_row(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 8, 26);

	(void)state;
	grid_model_toggle_week(&m, 17);
	grid_model_loaded(&m, GRID_WEEK_DAYS, 26);
	grid_model_move(&m, 2, 0);
	assert_true(grid_model_toggle_week(&m, 17));
	assert_int_equal(m.view, GRID_VIEW_DAY);
	assert_int_equal(m.day, DAY("2026-11-27"));
	assert_int_equal(m.week_room, 17);
}

static void test_without_the_weeks_room_at_the_cursor_the_day_stays(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 8, 26);

	(void)state;
	grid_model_toggle_week(&m, 17);
	grid_model_loaded(&m, GRID_WEEK_DAYS, 26);
	grid_model_move(&m, 3, 0);
	assert_true(grid_model_toggle_week(&m, 0));
	assert_int_equal(m.view, GRID_VIEW_DAY);
	assert_int_equal(m.day, WEDNESDAY);
}

static void test_a_move_is_started_cancelled_and_finished(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 3, 26);

	(void)state;
	assert_false(grid_model_cancel_move(&m));
	grid_model_start_move(&m, 7);
	assert_int_equal(m.move_id, 7);
	assert_true(grid_model_cancel_move(&m));
	assert_int_equal(m.move_id, 0);
	assert_false(grid_model_cancel_move(&m));
	grid_model_start_move(&m, 8);
	grid_model_start_move(&m, 9);
	assert_int_equal(m.move_id, 9);
	grid_model_finish_move(&m);
	assert_int_equal(m.move_id, 0);
}

static void test_enter_opens_a_booking_that_holds_the_cell(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 3, 26);

	(void)state;
	assert_int_equal(grid_model_enter(&m, GC_BOOKED, true), GRID_ENTER_OPEN);
	assert_int_equal(grid_model_enter(&m, GC_PENDING, true), GRID_ENTER_OPEN);
	assert_int_equal(grid_model_enter(&m, GC_CHECKED_IN, true), GRID_ENTER_OPEN);
	grid_model_start_move(&m, 7);
	assert_int_equal(grid_model_enter(&m, GC_BOOKED, true), GRID_ENTER_OPEN);
}

static void test_enter_books_a_free_cell_or_moves_the_booking_there(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 3, 26);

	(void)state;
	assert_int_equal(grid_model_enter(&m, GC_FREE, false), GRID_ENTER_BOOK);
	assert_int_equal(grid_model_enter(&m, GC_RELEASED, true), GRID_ENTER_BOOK);
	grid_model_start_move(&m, 7);
	assert_int_equal(grid_model_enter(&m, GC_FREE, false), GRID_ENTER_MOVE_HERE);
	assert_int_equal(grid_model_enter(&m, GC_RELEASED, true), GRID_ENTER_MOVE_HERE);
	grid_model_cancel_move(&m);
	assert_int_equal(grid_model_enter(&m, GC_FREE, false), GRID_ENTER_BOOK);
}

static void test_enter_says_why_a_cell_cannot_be_booked(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 3, 26);
	int moving;

	(void)state;
	for (moving = 0; moving < 2; moving++) {
		grid_model_start_move(&m, moving ? 7 : 0);
		assert_int_equal(grid_model_enter(&m, GC_CLOSED, false), GRID_ENTER_CLOSED);
		assert_int_equal(grid_model_enter(&m, GC_OUTSIDE, false), GRID_ENTER_OUTSIDE);
		assert_int_equal(grid_model_enter(&m, GC_PAST, false), GRID_ENTER_PAST);
		assert_int_equal(grid_model_enter(&m, GC_BUFFER, true), GRID_ENTER_BUFFER);
	}
}

static void test_scrolling_keeps_the_cursor_in_view(void **state)
{
	struct grid_model m = loaded(WEDNESDAY, 40, 26);

	(void)state;
	grid_model_scroll(&m, 10, 15);
	assert_int_equal(m.first_row, 0);
	assert_int_equal(m.first_col, 0);
	grid_model_move(&m, 12, 20);
	grid_model_scroll(&m, 10, 15);
	assert_int_equal(m.first_row, 3);
	assert_int_equal(m.first_col, 6);
	grid_model_move(&m, -5, -3);
	grid_model_scroll(&m, 10, 15);
	assert_int_equal(m.first_row, 3);
	assert_int_equal(m.first_col, 6);
	grid_model_move(&m, -5, -15);
	grid_model_scroll(&m, 10, 15);
	assert_int_equal(m.first_row, 2);
	assert_int_equal(m.first_col, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_new_model_shows_the_day_with_the_cursor_on_the_first_cell),
		cmocka_unit_test(
			test_the_day_view_loads_its_day_and_the_week_view_monday_to_sunday),
		cmocka_unit_test(test_the_cursor_stops_at_the_first_and_last_row_and_column),
		cmocka_unit_test(test_the_cursor_stays_on_the_first_cell_when_nothing_is_loaded),
		cmocka_unit_test(test_a_smaller_load_keeps_the_cursor_among_the_rows),
		cmocka_unit_test(test_home_and_end_go_to_the_first_and_last_column),
		cmocka_unit_test(
			test_paging_moves_a_day_in_the_day_view_and_a_week_in_the_week_view),
		cmocka_unit_test(test_today_changes_the_day_only),
		cmocka_unit_test(test_the_week_view_needs_a_room_at_the_cursor),
		cmocka_unit_test(test_the_week_view_puts_the_cursor_on_the_days_weekday),
		cmocka_unit_test(test_the_day_view_shows_the_day_of_the_cursors_row),
		cmocka_unit_test(test_without_the_weeks_room_at_the_cursor_the_day_stays),
		cmocka_unit_test(test_a_move_is_started_cancelled_and_finished),
		cmocka_unit_test(test_enter_opens_a_booking_that_holds_the_cell),
		cmocka_unit_test(test_enter_books_a_free_cell_or_moves_the_booking_there),
		cmocka_unit_test(test_enter_says_why_a_cell_cannot_be_booked),
		cmocka_unit_test(test_scrolling_keeps_the_cursor_in_view),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
