/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_actions.c - the action table: the key names the key line and help
 * show are the keys the dispatcher binds, and a key finds its action. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/actions.h"

/* The key a shown name stands for, or 0 for a name that describes keys
 * bound on other rows ("Up/Dn", "1-9", "PgUp/PgDn" ...). A text typed
 * ("HD1-...") begins with its key. */
static int key_named(const char *name)
{
	size_t n = strlen(name);

	if (n == 1 || (n > 3 && strcmp(name + n - 3, "...") == 0))
		return (unsigned char)name[0];
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9')
		return KF(atoi(name + 1));
	if (strcmp(name, "Esc") == 0)
		return 27;
	if (strcmp(name, "Tab") == 0)
		return '\t';
	if (strcmp(name, "Enter") == 0)
		return '\r';
	if (strcmp(name, "Ctrl-Space") == 0)
		return CTRL_SPACE;
	return 0;
}

static void test_every_shown_key_name_is_the_first_key_of_its_row(void **state)
{
	int a;

	(void)state;
	for (a = 0; a < ACT_COUNT; a++) {
		const struct action_info *ai = action_info((enum action)a);

		if (!ai->key)
			continue;
		if (ai->keys[0] != key_named(ai->key))
			fail_msg("action %d shows %s but its first key is %#x", a, ai->key,
				 (unsigned)ai->keys[0]);
	}
}

static void test_every_row_not_shown_has_a_key(void **state)
{
	int a;

	(void)state;
	for (a = 0; a < ACT_COUNT; a++)
		if (!action_info((enum action)a)->key)
			assert_int_not_equal(action_info((enum action)a)->keys[0], 0);
}

static void test_a_key_finds_the_first_action_of_the_list_bound_to_it(void **state)
{
	const int acts[] = { ACT_REVIEW, ACT_REJECT, -1 };
	struct key_in r = { .code = false, .ch = 'r' }, up = { .code = true, .ch = KEY_UP };

	(void)state;
	assert_int_equal(action_find(acts, r, false), ACT_REVIEW);
	assert_int_equal(action_find(acts, up, false), ACT_NONE);
	assert_int_equal(action_find(NULL, r, false), ACT_NONE);
	assert_true(action_has_key(ACT_UP, up));
	assert_false(action_has_key(ACT_UP, (struct key_in){ .code = false, .ch = KEY_UP }));
}

static void test_while_typing_characters_are_text_and_other_keys_actions(void **state)
{
	const int acts[] = { ACT_HELP, ACT_SAVE, ACT_NEXT, -1 };
	struct key_in ask = { .ch = '?' }, ctrl_s = { .ch = 19 }, tab = { .ch = '\t' };
	struct key_in f1 = { .code = true, .ch = KEY_F(1) };

	(void)state;
	assert_int_equal(action_find(acts, ask, false), ACT_HELP);
	assert_int_equal(action_find(acts, ask, true), ACT_NONE);
	assert_int_equal(action_find(acts, f1, true), ACT_HELP);
	assert_int_equal(action_find(acts, ctrl_s, true), ACT_SAVE);
	assert_int_equal(action_find(acts, tab, true), ACT_NEXT);
	assert_true(key_is_text(ask));
	assert_false(key_is_text(tab));
	assert_false(key_is_text(f1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_shown_key_name_is_the_first_key_of_its_row),
		cmocka_unit_test(test_every_row_not_shown_has_a_key),
		cmocka_unit_test(test_a_key_finds_the_first_action_of_the_list_bound_to_it),
		cmocka_unit_test(test_while_typing_characters_are_text_and_other_keys_actions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
