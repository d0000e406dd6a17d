/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_list_view.c - the list model: selection, paging, wrapping, clicks
 * and the first row shown. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "forms/list_view.h"

static struct list_view list_of(int count, int rows)
{
	struct list_view lv = { 0 };

	list_view_set_count(&lv, count);
	list_view_first(&lv, rows);
	return lv;
}

static void test_down_and_up_stop_at_the_ends(void **state)
{
	struct list_view lv = list_of(3, 10);

	(void)state;
	assert_true(list_view_move(&lv, LIST_UP));
	assert_int_equal(lv.selected, 0);
	list_view_move(&lv, LIST_DOWN);
	list_view_move(&lv, LIST_DOWN);
	assert_true(list_view_move(&lv, LIST_DOWN));
	assert_int_equal(lv.selected, 2);
	list_view_move(&lv, LIST_UP);
	assert_int_equal(lv.selected, 1);
}

static void test_a_wrapping_list_goes_round(void **state)
{
	struct list_view lv = list_of(4, 10);

	(void)state;
	lv.wrap = true;
	list_view_move(&lv, LIST_UP);
	assert_int_equal(lv.selected, 3);
	list_view_move(&lv, LIST_DOWN);
	assert_int_equal(lv.selected, 0);
}

static void test_pages_move_by_the_rows_shown_and_stay_inside(void **state)
{
	struct list_view lv = list_of(25, 10);

	(void)state;
	list_view_move(&lv, LIST_PAGE_DOWN);
	assert_int_equal(lv.selected, 10);
	list_view_move(&lv, LIST_PAGE_DOWN);
	list_view_move(&lv, LIST_PAGE_DOWN);
	assert_int_equal(lv.selected, 24);
	list_view_move(&lv, LIST_PAGE_UP);
	assert_int_equal(lv.selected, 14);
	list_view_move(&lv, LIST_FIRST);
	assert_int_equal(lv.selected, 0);
	list_view_move(&lv, LIST_LAST);
	assert_int_equal(lv.selected, 24);
}

static void test_the_first_row_follows_the_selection_moving_as_little_as_it_can(void **state)
{
	struct list_view lv = list_of(30, 5);

	(void)state;
	list_view_select(&lv, 7);
	assert_int_equal(list_view_first(&lv, 5), 3);
	list_view_move(&lv, LIST_UP);
	assert_int_equal(list_view_first(&lv, 5), 3);
	list_view_select(&lv, 1);
	assert_int_equal(list_view_first(&lv, 5), 1);
	list_view_select(&lv, 2);
	assert_int_equal(list_view_first(&lv, 5), 1);
}

static void test_a_shorter_list_keeps_the_selection_inside(void **state)
{
	struct list_view lv = list_of(10, 5);

	(void)state;
	list_view_select(&lv, 9);
	list_view_set_count(&lv, 4);
	assert_int_equal(lv.selected, 3);
	list_view_set_count(&lv, 0);
	assert_int_equal(lv.selected, 0);
	assert_true(list_view_move(&lv, LIST_DOWN));
	assert_int_equal(lv.selected, 0);
}

static void test_a_click_selects_the_entry_on_that_row(void **state)
{
	struct list_view lv = list_of(20, 5);

	(void)state;
	list_view_select(&lv, 12);
	list_view_first(&lv, 5);
	assert_true(list_view_click(&lv, 0));
	assert_int_equal(lv.selected, 8);
	assert_false(list_view_click(&lv, 5));
	assert_false(list_view_click(&lv, -1));
	lv = list_of(2, 5);
	assert_false(list_view_click(&lv, 3));
	assert_int_equal(lv.selected, 0);
}

static void test_a_text_scrolls_without_a_selection(void **state)
{
	struct list_view lv = { .scroll = true };

	(void)state;
	list_view_set_count(&lv, 12);
	list_view_first(&lv, 10);
	list_view_move(&lv, LIST_UP);
	assert_int_equal(lv.first, 0);
	list_view_move(&lv, LIST_DOWN);
	list_view_move(&lv, LIST_DOWN);
	list_view_move(&lv, LIST_DOWN);
	assert_int_equal(lv.first, 2);
	assert_int_equal(list_view_first(&lv, 10), 2);
	assert_false(list_view_click(&lv, 0));
}

static void test_a_shorter_text_scrolls_back_to_fill_the_rows(void **state)
{
	struct list_view lv = { .scroll = true, .first = 9 };

	(void)state;
	list_view_set_count(&lv, 12);
	assert_int_equal(list_view_first(&lv, 10), 2);
	list_view_set_count(&lv, 4);
	assert_int_equal(list_view_first(&lv, 10), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_down_and_up_stop_at_the_ends),
		cmocka_unit_test(test_a_wrapping_list_goes_round),
		cmocka_unit_test(test_pages_move_by_the_rows_shown_and_stay_inside),
		cmocka_unit_test(
			test_the_first_row_follows_the_selection_moving_as_little_as_it_can),
		cmocka_unit_test(test_a_shorter_list_keeps_the_selection_inside),
		cmocka_unit_test(test_a_click_selects_the_entry_on_that_row),
		cmocka_unit_test(test_a_text_scrolls_without_a_selection),
		cmocka_unit_test(test_a_shorter_text_scrolls_back_to_fill_the_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
