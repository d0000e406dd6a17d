/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_editor.c - the line editor: characters not bytes, limits, word
 * deletes with Chinese, refusal of invalid input, and the view. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "forms/editor.h"

#define assert_text(ed, expected)                      \
	do {                                           \
		char buf_[EDITOR_TEXT_MAX];            \
		editor_text((ed), buf_, sizeof(buf_)); \
		assert_string_equal(buf_, (expected)); \
	} while (0)

static struct editor *new_editor(int max, const char *text)
{
	struct editor *ed = malloc(sizeof(*ed));

	assert_non_null(ed);
	editor_init(ed, max);
	if (text)
		assert_int_equal(editor_set_text(ed, text), EDITOR_OK);
	return ed;
}

static void test_insert_chinese_counts_characters_not_bytes(void **state)
{
	struct editor *ed = new_editor(40, NULL);

	(void)state;
	assert_true(editor_is_empty(ed));
	assert_int_equal(editor_insert(ed, "中文abc"), EDITOR_OK);
	assert_int_equal(editor_len(ed), 5);
	assert_int_equal(ed->cursor, 5);
	assert_false(editor_is_empty(ed));
	assert_text(ed, "中文abc");
	free(ed);
}

static void test_backspace_removes_one_chinese_character(void **state)
{
	struct editor *ed = new_editor(40, "张三丰");

	(void)state;
	assert_true(editor_backspace(ed));
	assert_text(ed, "张三");
	assert_int_equal(editor_len(ed), 2);
	assert_true(editor_backspace(ed));
	assert_true(editor_backspace(ed));
	assert_text(ed, "");
	assert_false(editor_backspace(ed));
	free(ed);
}

static void test_delete_removes_one_character_at_cursor_in_mixed_text(void **state)
{
	struct editor *ed = new_editor(40, "a中b文");

	(void)state;
	assert_true(editor_home(ed));
	assert_true(editor_right(ed));
	assert_true(editor_delete(ed));
	assert_text(ed, "ab文");
	assert_int_equal(ed->cursor, 1);
	assert_true(editor_right(ed));
	assert_true(editor_delete(ed));
	assert_text(ed, "ab");
	assert_false(editor_delete(ed));
	free(ed);
}

static void test_insert_in_the_middle_of_mixed_text_moves_cursor_by_characters(void **state)
{
	struct editor *ed = new_editor(40, "中b");

	(void)state;
	editor_home(ed);
	editor_right(ed);
	assert_int_equal(editor_insert_cp(ed, 0x6587), EDITOR_OK); /* 文 */
	assert_int_equal(editor_insert(ed, "x"), EDITOR_OK);
	assert_text(ed, "中文xb");
	assert_int_equal(ed->cursor, 3);
	free(ed);
}

static void test_home_and_end_move_to_the_ends_and_left_right_stop_there(void **state)
{
	struct editor *ed = new_editor(40, "社会组织");

	(void)state;
	assert_int_equal(ed->cursor, 4);
	assert_false(editor_end(ed));
	assert_false(editor_right(ed));
	assert_true(editor_home(ed));
	assert_int_equal(ed->cursor, 0);
	assert_false(editor_home(ed));
	assert_false(editor_left(ed));
	assert_true(editor_end(ed));
	assert_int_equal(ed->cursor, 4);
	assert_true(editor_left(ed));
	assert_int_equal(ed->cursor, 3);
	free(ed);
}

static void test_word_delete_removes_spaces_then_an_ascii_word(void **state)
{
	struct editor *ed = new_editor(40, "hello big world  ");

	(void)state;
	assert_true(editor_delete_word(ed));
	assert_text(ed, "hello big ");
	assert_true(editor_delete_word(ed));
	assert_text(ed, "hello ");
	free(ed);
}

static void test_word_delete_treats_a_chinese_run_as_one_word(void **state)
{
	struct editor *ed = new_editor(40, "联系人 张三abc");

	(void)state;
	assert_true(editor_delete_word(ed));
	assert_text(ed, "联系人 张三");
	assert_true(editor_delete_word(ed));
	assert_text(ed, "联系人 ");
	assert_true(editor_delete_word(ed));
	assert_text(ed, "");
	assert_false(editor_delete_word(ed));
	free(ed);
}

static void test_word_delete_keeps_text_after_the_cursor(void **state)
{
	struct editor *ed = new_editor(40, "abc 中文 def");

	(void)state;
	editor_home(ed);
	editor_word_right(ed);
	editor_word_right(ed); /* after 中文 */
	assert_int_equal(ed->cursor, 6);
	assert_true(editor_delete_word(ed));
	assert_text(ed, "abc  def");
	assert_int_equal(ed->cursor, 4);
	free(ed);
}

static void test_ideographic_space_separates_words(void **state)
{
	struct editor *ed = new_editor(40, "社区\u3000团队");

	(void)state;
	assert_true(editor_delete_word(ed));
	assert_text(ed, "社区\u3000");
	free(ed);
}

static void test_word_moves_stop_where_words_and_scripts_change(void **state)
{
	struct editor *ed = new_editor(40, "foo 中文bar");

	(void)state;
	assert_true(editor_word_left(ed));
	assert_int_equal(ed->cursor, 6);
	assert_true(editor_word_left(ed));
	assert_int_equal(ed->cursor, 4);
	assert_true(editor_word_left(ed));
	assert_int_equal(ed->cursor, 0);
	assert_false(editor_word_left(ed));
	assert_true(editor_word_right(ed));
	assert_int_equal(ed->cursor, 3);
	assert_true(editor_word_right(ed));
	assert_int_equal(ed->cursor, 6);
	assert_true(editor_word_right(ed));
	assert_int_equal(ed->cursor, 9);
	assert_false(editor_word_right(ed));
	free(ed);
}

static void test_kill_start_and_kill_end_cut_at_the_cursor(void **state)
{
	struct editor *ed = new_editor(40, "街道办事处");

	(void)state;
	editor_home(ed);
	editor_right(ed);
	editor_right(ed);
	assert_true(editor_kill_end(ed));
	assert_text(ed, "街道");
	assert_false(editor_kill_end(ed));
	editor_set_text(ed, "街道办事处");
	editor_left(ed);
	assert_true(editor_kill_start(ed));
	assert_text(ed, "处");
	assert_int_equal(ed->cursor, 0);
	assert_false(editor_kill_start(ed));
	assert_true(editor_clear(ed));
	assert_true(editor_is_empty(ed));
	assert_false(editor_clear(ed));
	free(ed);
}

static void test_limit_is_counted_in_characters_40_chinese_fit_41st_refused(void **state)
{
	struct editor *ed = new_editor(40, NULL);
	int i;

	(void)state;
	for (i = 0; i < 40; i++)
		assert_int_equal(editor_insert_cp(ed, 0x4E2D), EDITOR_OK);
	assert_int_equal(editor_len(ed), 40);
	assert_int_equal(editor_insert_cp(ed, 0x4E2D), EDITOR_FULL);
	assert_int_equal(editor_insert(ed, "中"), EDITOR_FULL);
	assert_int_equal(editor_insert(ed, "a"), EDITOR_FULL);
	assert_int_equal(editor_len(ed), 40);
	assert_int_equal(editor_text(ed, NULL, 0), 120);
	free(ed);
}

static void test_insert_string_keeps_what_fits_and_reports_truncation(void **state)
{
	struct editor *ed = new_editor(5, "ab");

	(void)state;
	editor_home(ed);
	assert_int_equal(editor_insert(ed, "一二三四"), EDITOR_TRUNCATED);
	assert_text(ed, "一二三ab");
	assert_int_equal(ed->cursor, 3);
	assert_int_equal(editor_insert(ed, ""), EDITOR_OK);
	free(ed);
}

static void test_set_text_longer_than_limit_keeps_first_characters(void **state)
{
	struct editor *ed = new_editor(3, NULL);

	(void)state;
	assert_int_equal(editor_set_text(ed, "一二三四五"), EDITOR_TRUNCATED);
	assert_text(ed, "一二三");
	assert_int_equal(ed->cursor, 3);
	free(ed);
}

static void test_invalid_utf8_is_refused_and_buffer_unchanged(void **state)
{
	static const char *const bad[] = {
		"\xe4\xb8",         /* truncated 中 */
		"ok\xff",           /* never valid */
		"\xc0\xaf",         /* overlong '/' */
		"\xed\xa0\x80",     /* surrogate */
		"\xf4\x90\x80\x80", /* above U+10FFFF */
		"\x80",             /* lone continuation */
	};
	struct editor *ed = new_editor(40, "张三");
	size_t i;

	(void)state;
	editor_left(ed);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(editor_insert(ed, bad[i]), EDITOR_INVALID);
		assert_int_equal(editor_set_text(ed, bad[i]), EDITOR_INVALID);
		assert_text(ed, "张三");
		assert_int_equal(ed->cursor, 1);
	}
	assert_int_equal(editor_insert(ed, NULL), EDITOR_INVALID);
	assert_int_equal(editor_insert_cp(ed, 0xD800), EDITOR_INVALID);
	assert_int_equal(editor_insert_cp(ed, 0x110000), EDITOR_INVALID);
	assert_text(ed, "张三");
	free(ed);
}

static void test_control_characters_are_refused_whole(void **state)
{
	static const char *const bad[] = { "a\tb", "name\n", "\x1b[2J", "x\xc2\x9by", "\x7f" };
	struct editor *ed = new_editor(40, "李四");
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(editor_insert(ed, bad[i]), EDITOR_INVALID);
		assert_int_equal(editor_set_text(ed, bad[i]), EDITOR_INVALID);
	}
	assert_int_equal(editor_insert_cp(ed, 0x1B), EDITOR_INVALID);
	assert_int_equal(editor_insert_cp(ed, '\n'), EDITOR_INVALID);
	assert_int_equal(editor_insert_cp(ed, 0x7F), EDITOR_INVALID);
	assert_int_equal(editor_insert_cp(ed, 0x9B), EDITOR_INVALID);
	assert_text(ed, "李四");
	assert_int_equal(editor_len(ed), 2);
	free(ed);
}

static void test_text_into_small_buffer_never_cuts_a_character(void **state)
{
	struct editor *ed = new_editor(40, "中文");
	char out[5];

	(void)state;
	assert_int_equal(editor_text(ed, out, sizeof(out)), 6);
	assert_string_equal(out, "中");
	assert_int_equal(editor_text(ed, out, 3), 6);
	assert_string_equal(out, "");
	free(ed);
}

static void test_strdup_returns_a_copy_the_caller_frees(void **state)
{
	struct editor *ed = new_editor(40, "王五 13812345678");
	char *s = editor_strdup(ed);

	(void)state;
	assert_non_null(s);
	assert_string_equal(s, "王五 13812345678");
	free(s);
	free(ed);
}

/* Checks what every view must hold: the cursor and the whole character under
 * it are inside the field, nothing passes the right edge, and the field is
 * filled as far as the next character allows. */
static void check_view(struct editor *ed, int width)
{
	struct editor_view v;
	int cell, i, cols = 0;

	editor_view(ed, width, &v);
	assert_true(v.cols <= width);
	assert_true(v.first <= ed->cursor);
	for (i = v.first; i < ed->cursor; i++)
		cols += text_cp_width(ed->buf[i]);
	assert_int_equal(v.cursor_col, cols);
	cell = ed->cursor < ed->len ? text_cp_width(ed->buf[ed->cursor]) : 1;
	if (cell <= width)
		assert_true(v.cursor_col + cell <= width);
	if (v.first + v.count < ed->len)
		assert_true(v.cols + text_cp_width(ed->buf[v.first + v.count]) > width);
	assert_true(ed->cursor <= v.first + v.count);
}

static void test_view_never_shows_half_a_wide_character_at_the_edge(void **state)
{
	struct editor *ed = new_editor(40, "中文中文");
	struct editor_view v;
	char out[64];

	(void)state;
	editor_home(ed);
	editor_view(ed, 5, &v);
	assert_int_equal(v.first, 0);
	assert_int_equal(v.count, 2);
	assert_int_equal(v.cols, 4);
	assert_int_equal(v.cursor_col, 0);
	assert_int_equal(editor_view_text(ed, &v, out, sizeof(out)), 4);
	assert_string_equal(out, "中文");
	free(ed);
}

static void test_view_keeps_the_cursor_visible_at_the_end(void **state)
{
	struct editor *ed = new_editor(40, "中文中文");
	struct editor_view v;
	char out[64];

	(void)state;
	editor_view(ed, 5, &v);
	assert_int_equal(v.first, 2);
	assert_int_equal(v.cursor_col, 4);
	assert_int_equal(editor_view_text(ed, &v, out, sizeof(out)), 4);
	assert_string_equal(out, "中文");
	free(ed);
}

static void test_view_holds_its_promises_for_every_cursor_and_width(void **state)
{
	static const char *const texts[] = { "中文中文", "a中b文cd社区团队", "abcdefghij", "" };
	struct editor *ed = new_editor(40, NULL);
	size_t t;
	int width, pos;

	(void)state;
	for (t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
		for (width = 1; width <= 12; width++) {
			editor_set_text(ed, texts[t]);
			/* Walk left then right, as a user would, keeping the
			 * scroll offset between steps. */
			for (pos = ed->len; pos >= 0; pos--) {
				ed->cursor = pos;
				check_view(ed, width);
			}
			for (pos = 0; pos <= ed->len; pos++) {
				ed->cursor = pos;
				check_view(ed, width);
			}
		}
	}
	free(ed);
}

static void test_view_scrolls_back_when_the_text_gets_shorter(void **state)
{
	struct editor *ed = new_editor(40, "abcdefgh");
	struct editor_view v;

	(void)state;
	editor_view(ed, 5, &v);
	assert_int_equal(v.first, 4);
	editor_backspace(ed);
	editor_backspace(ed);
	editor_backspace(ed);
	editor_backspace(ed);
	editor_view(ed, 5, &v);
	assert_int_equal(v.first, 0);
	assert_int_equal(v.count, 4);
	assert_int_equal(v.cursor_col, 4);
	free(ed);
}

static void test_view_moves_left_only_as_far_as_the_cursor(void **state)
{
	struct editor *ed = new_editor(40, "abcdefghij");
	struct editor_view v;
	char out[64];

	(void)state;
	editor_view(ed, 4, &v);
	assert_int_equal(v.first, 7);
	editor_left(ed);
	editor_left(ed);
	editor_left(ed);
	editor_view(ed, 4, &v);
	assert_int_equal(v.first, 7);
	editor_left(ed);
	editor_view(ed, 4, &v);
	assert_int_equal(v.first, 6);
	assert_int_equal(v.cursor_col, 0);
	editor_view_text(ed, &v, out, sizeof(out));
	assert_string_equal(out, "ghij");
	free(ed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_chinese_counts_characters_not_bytes),
		cmocka_unit_test(test_backspace_removes_one_chinese_character),
		cmocka_unit_test(test_delete_removes_one_character_at_cursor_in_mixed_text),
		cmocka_unit_test(
			test_insert_in_the_middle_of_mixed_text_moves_cursor_by_characters),
		cmocka_unit_test(test_home_and_end_move_to_the_ends_and_left_right_stop_there),
		cmocka_unit_test(test_word_delete_removes_spaces_then_an_ascii_word),
		cmocka_unit_test(test_word_delete_treats_a_chinese_run_as_one_word),
		cmocka_unit_test(test_word_delete_keeps_text_after_the_cursor),
		cmocka_unit_test(test_ideographic_space_separates_words),
		cmocka_unit_test(test_word_moves_stop_where_words_and_scripts_change),
		cmocka_unit_test(test_kill_start_and_kill_end_cut_at_the_cursor),
		cmocka_unit_test(test_limit_is_counted_in_characters_40_chinese_fit_41st_refused),
		cmocka_unit_test(test_insert_string_keeps_what_fits_and_reports_truncation),
		cmocka_unit_test(test_set_text_longer_than_limit_keeps_first_characters),
		cmocka_unit_test(test_invalid_utf8_is_refused_and_buffer_unchanged),
		cmocka_unit_test(test_control_characters_are_refused_whole),
		cmocka_unit_test(test_text_into_small_buffer_never_cuts_a_character),
		cmocka_unit_test(test_strdup_returns_a_copy_the_caller_frees),
		cmocka_unit_test(test_view_never_shows_half_a_wide_character_at_the_edge),
		cmocka_unit_test(test_view_keeps_the_cursor_visible_at_the_end),
		cmocka_unit_test(test_view_holds_its_promises_for_every_cursor_and_width),
		cmocka_unit_test(test_view_scrolls_back_when_the_text_gets_shorter),
		cmocka_unit_test(test_view_moves_left_only_as_far_as_the_cursor),
	};

	if (!setlocale(LC_ALL, "C.UTF-8"))
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
