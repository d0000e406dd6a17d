/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_ime.c - the built-in pinyin input on the real engine and data
 * (librime, Debian's pinyin_simp) in a user folder of its own: candidates,
 * picks whole and in part, paging, editing, the centre's words first, and
 * nothing typed kept by the engine. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tui/ime.h"

static char cache[64];
static struct ime *ime; /* one engine a process, as the desk has */

/* The centre's words: 夕阳红 for xyh and xiyanghong. */
static int own_words(void *ctx, const char *letters, char (*out)[IME_WORD_BYTES], int max)
{
	(void)ctx;
	if (max < 1 || (strcmp(letters, "xyh") != 0 && strcmp(letters, "xiyanghong") != 0))
		return 0;
	snprintf(out[0], IME_WORD_BYTES, "%s", "夕阳红");
	return 1;
}

static int find(const char *text)
{
	int i;

	for (i = 0; i < ime_count(ime); i++)
		if (strcmp(ime_candidate(ime, i), text) == 0)
			return i;
	return -1;
}

static void type(const char *letters)
{
	for (; *letters; letters++)
		assert_true(ime_type(ime, *letters));
}

static void test_started_engine_deploys_into_its_folder(void **state)
{
	char dir[128], path[256], why[256] = "";
	struct stat st;

	(void)state;
	assert_true(ime_user_dir(dir, sizeof(dir)));
	assert_string_equal(dir, strcat(strcpy(path, cache), "/hubdesk/rime"));
	assert_true(ime_start(ime, why, sizeof(why)));
	assert_string_equal(why, "");
	snprintf(path, sizeof(path), "%s/build/pinyin_simp.schema.yaml", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
}

static void test_whole_name_is_the_first_candidate(void **state)
{
	char text[IME_WORD_BYTES];

	(void)state;
	assert_false(ime_composing(ime));
	type("zhangsanfeng");
	assert_true(ime_composing(ime));
	assert_string_equal(ime_letters(ime), "zhangsanfeng");
	assert_string_equal(ime_preedit(ime), "zhang san feng");
	assert_string_equal(ime_candidate(ime, 0), "张三丰");
	assert_true(ime_count(ime) == IME_PAGE);
	assert_true(ime_pick(ime, 0, text, sizeof(text)));
	assert_string_equal(text, "张三丰");
	assert_false(ime_composing(ime));
	assert_int_equal(ime_count(ime), 0);
}

static void test_a_pick_of_the_first_letters_goes_on(void **state)
{
	char text[IME_WORD_BYTES] = "";
	int i;

	(void)state;
	type("zhangsanfeng");
	i = find("张");
	assert_true(i > 0);
	assert_false(ime_pick(ime, i, text, sizeof(text)));
	assert_true(ime_composing(ime));
	assert_non_null(strstr(ime_preedit(ime), "张"));
	assert_string_equal(text, "");
	i = find("三");
	assert_true(i >= 0);
	assert_false(ime_pick(ime, i, text, sizeof(text)));
	assert_non_null(strstr(ime_preedit(ime), "张三"));
	i = find("丰");
	assert_true(i >= 0);
	assert_true(ime_pick(ime, i, text, sizeof(text)));
	assert_string_equal(text, "张三丰");
	assert_false(ime_composing(ime));
}

static void test_backspace_edits_and_ends_with_the_last_letter(void **state)
{
	(void)state;
	type("xyh");
	ime_back(ime);
	assert_string_equal(ime_letters(ime), "xy");
	ime_back(ime);
	ime_back(ime);
	assert_false(ime_composing(ime));
	ime_back(ime); /* nothing left: nothing happens */
	assert_false(ime_composing(ime));
}

static void test_drop_ends_the_composition(void **state)
{
	(void)state;
	type("zhang");
	ime_drop(ime);
	assert_false(ime_composing(ime));
	assert_string_equal(ime_letters(ime), "");
	assert_int_equal(ime_count(ime), 0);
}

static void test_pages_turn_forward_and_back(void **state)
{
	char first[IME_WORD_BYTES], next[IME_WORD_BYTES];

	(void)state;
	type("z");
	assert_false(ime_has_prev(ime));
	assert_true(ime_has_next(ime, 5));
	snprintf(first, sizeof(first), "%s", ime_candidate(ime, 0));
	snprintf(next, sizeof(next), "%s", ime_candidate(ime, 5));
	/* Five were shown (a narrow line): the next page starts with the sixth. */
	assert_true(ime_page(ime, true, 5));
	assert_true(ime_has_prev(ime));
	assert_string_equal(ime_candidate(ime, 0), next);
	assert_true(ime_page(ime, false, ime_count(ime)));
	assert_string_equal(ime_candidate(ime, 0), first);
	assert_false(ime_page(ime, false, ime_count(ime)));
	ime_drop(ime);
}

static void test_the_centres_words_come_first_once(void **state)
{
	char text[IME_WORD_BYTES];
	int i, seen = 0;

	(void)state;
	type("xyh");
	assert_string_equal(ime_candidate(ime, 0), "夕阳红");
	for (i = 0; i < ime_count(ime); i++)
		seen += strcmp(ime_candidate(ime, i), "夕阳红") == 0;
	assert_int_equal(seen, 1);
	assert_true(ime_pick(ime, 0, text, sizeof(text)));
	assert_string_equal(text, "夕阳红");
	assert_false(ime_composing(ime));
}

/* ü is shown v as typed: its width is the terminal's choice. */
static void test_v_stays_v(void **state)
{
	(void)state;
	type("lvse");
	assert_string_equal(ime_preedit(ime), "lv se");
	assert_string_equal(ime_candidate(ime, 0), "绿色");
	ime_drop(ime);
}

static void test_only_lower_case_letters_compose(void **state)
{
	(void)state;
	assert_false(ime_type(ime, 'A'));
	assert_false(ime_type(ime, '1'));
	assert_false(ime_type(ime, ' '));
	assert_false(ime_composing(ime));
}

/* Nothing typed is learnt: the engine's folder holds no user dictionary
 * after names were picked. */
static void test_nothing_typed_is_kept(void **state)
{
	char dir[128];
	struct dirent *e;
	DIR *d;

	(void)state;
	assert_true(ime_user_dir(dir, sizeof(dir)));
	d = opendir(dir);
	assert_non_null(d);
	while ((e = readdir(d)))
		assert_null(strstr(e->d_name, "userdb"));
	closedir(d);
}

static int set_up(void **state)
{
	(void)state;
	snprintf(cache, sizeof(cache), "/tmp/hd-ime-XXXXXX");
	if (!mkdtemp(cache))
		return -1;
	setenv("XDG_CACHE_HOME", cache, 1);
	ime = ime_new(own_words, NULL);
	return 0;
}

static int tear_down(void **state)
{
	char cmd[128];

	(void)state;
	ime_free(ime);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", cache);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_started_engine_deploys_into_its_folder),
		cmocka_unit_test(test_whole_name_is_the_first_candidate),
		cmocka_unit_test(test_a_pick_of_the_first_letters_goes_on),
		cmocka_unit_test(test_backspace_edits_and_ends_with_the_last_letter),
		cmocka_unit_test(test_drop_ends_the_composition),
		cmocka_unit_test(test_pages_turn_forward_and_back),
		cmocka_unit_test(test_the_centres_words_come_first_once),
		cmocka_unit_test(test_v_stays_v),
		cmocka_unit_test(test_only_lower_case_letters_compose),
		cmocka_unit_test(test_nothing_typed_is_kept),
	};

	return cmocka_run_group_tests(tests, set_up, tear_down);
}
