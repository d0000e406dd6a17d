/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_lists.c - the fixed lists and reading a choice. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "core/lists.h"
#include "core/text.h"

static int setup_locale(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static void test_lists_have_the_numbers_and_names_of_the_design(void **state)
{
	(void)state;
	assert_int_equal(LIST_PURPOSE.count, 13);
	assert_int_equal(LIST_ROOM_KIND.count, 7);
	assert_int_equal(LIST_ORG_KIND.count, 3);
	assert_int_equal(LIST_TEAM_CATEGORY.count, 6);
	assert_int_equal(LIST_TEAM_STATE.count, 5);
	assert_int_equal(LIST_ROLE.count, 4);
	assert_string_equal(list_get(&LIST_ROLE, 4)->zh, "区级管理员");
	assert_string_equal(list_get(&LIST_PURPOSE, 1)->zh, "政策咨询");
	assert_string_equal(list_get(&LIST_PURPOSE, 8)->zh, "年检年报/评估/财务指导");
	assert_string_equal(list_get(&LIST_PURPOSE, 13)->zh, "其他");
	assert_string_equal(list_get(&LIST_ROOM_KIND, 5)->zh, "路演厅");
	assert_string_equal(list_get(&LIST_ORG_KIND, 2)->zh, "社区社会组织");
	assert_string_equal(list_get(&LIST_TEAM_CATEGORY, 5)->zh, "专业调处");
	assert_string_equal(list_get(&LIST_TEAM_STATE, 3)->zh, "已备案");
	assert_string_equal(list_get(&LIST_ROLE, 2)->zh, "工作人员");
}

static void test_every_entry_is_numbered_in_order_and_named_in_both_languages(void **state)
{
	const struct hd_list *lists[] = { &LIST_PURPOSE,       &LIST_ROOM_KIND,  &LIST_ORG_KIND,
					  &LIST_TEAM_CATEGORY, &LIST_TEAM_STATE, &LIST_ROLE };
	size_t l;
	int i;

	(void)state;
	for (l = 0; l < sizeof(lists) / sizeof(lists[0]); l++) {
		assert_non_null(lists[l]->field);
		for (i = 0; i < lists[l]->count; i++) {
			assert_int_equal(lists[l]->items[i].number, i + 1);
			assert_true(text_valid_utf8(lists[l]->items[i].zh));
			assert_true(strlen(lists[l]->items[i].en) > 0);
		}
	}
}

static void test_code_words_exist_only_for_kinds_states_and_roles(void **state)
{
	(void)state;
	assert_string_equal(list_get(&LIST_ORG_KIND, 1)->code, "resident");
	assert_string_equal(list_get(&LIST_ORG_KIND, 3)->code, "other");
	assert_string_equal(list_get(&LIST_TEAM_STATE, 1)->code, "applied");
	assert_string_equal(list_get(&LIST_TEAM_STATE, 5)->code, "deregistered");
	assert_string_equal(list_get(&LIST_ROLE, 3)->code, "admin");
	assert_null(list_get(&LIST_PURPOSE, 1)->code);
	assert_null(list_get(&LIST_ROOM_KIND, 1)->code);
	assert_null(list_get(&LIST_TEAM_CATEGORY, 1)->code);
}

static void test_get_outside_the_list_is_null_and_label_is_question_mark(void **state)
{
	(void)state;
	assert_null(list_get(&LIST_PURPOSE, 0));
	assert_null(list_get(&LIST_PURPOSE, 14));
	assert_null(list_get(&LIST_ROLE, -1));
	assert_string_equal(list_label(&LIST_ROLE, 5), "?");
	/* Without a loaded translation the label is the English msgid. */
	assert_string_equal(list_label(&LIST_TEAM_CATEGORY, 1), "Sports and culture");
}

static void test_parse_by_number_ignores_surrounding_spaces(void **state)
{
	struct hd_err err;
	int n = 0;

	(void)state;
	assert_int_equal(list_parse(&LIST_PURPOSE, "1", &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list_parse(&LIST_PURPOSE, " 13 ", &n, &err), HD_OK);
	assert_int_equal(n, 13);
	assert_int_equal(list_parse(&LIST_ROOM_KIND,
				    "\xE3\x80\x80"
				    "7",
				    &n, &err),
			 HD_OK);
	assert_int_equal(n, 7);
}

static void test_parse_by_chinese_name(void **state)
{
	struct hd_err err;
	int n = 0;

	(void)state;
	assert_int_equal(list_parse(&LIST_PURPOSE, "政策咨询", &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list_parse(&LIST_PURPOSE, "登记/变更/注销指导", &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list_parse(&LIST_TEAM_STATE, "已分类", &n, &err), HD_OK);
	assert_int_equal(n, 4);
	assert_int_equal(list_parse(&LIST_ROLE, "管理员", &n, &err), HD_OK);
	assert_int_equal(n, 3);
}

static void test_parse_by_code_word_is_case_insensitive(void **state)
{
	struct hd_err err;
	int n = 0;

	(void)state;
	assert_int_equal(list_parse(&LIST_ORG_KIND, "community", &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list_parse(&LIST_TEAM_STATE, "Reviewed", &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list_parse(&LIST_ROLE, "STAFF", &n, &err), HD_OK);
	assert_int_equal(n, 2);
}

static void test_parse_by_english_name_is_case_insensitive(void **state)
{
	struct hd_err err;
	int n = 0;

	(void)state;
	assert_int_equal(list_parse(&LIST_PURPOSE, "policy consultation", &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list_parse(&LIST_ROOM_KIND, "Meeting Room", &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list_parse(&LIST_ORG_KIND, "Resident organisation", &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list_parse(&LIST_TEAM_CATEGORY, "sports and culture", &n, &err), HD_OK);
	assert_int_equal(n, 1);
}

static void test_parse_refuses_zero_beyond_the_end_and_unknown_words(void **state)
{
	const char *bad[] = { "0", "14", "foo", "", "  ", "-1", "1.0", "政策", "1000000" };
	struct hd_err err;
	size_t i;
	int n = 99;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(list_parse(&LIST_PURPOSE, bad[i], &n, &err), HD_BAD_INPUT);
		assert_int_equal(err.status, HD_BAD_INPUT);
		assert_int_equal(n, 99);
	}
	assert_int_equal(list_parse(&LIST_PURPOSE, NULL, &n, &err), HD_BAD_INPUT);
	assert_int_equal(list_parse(&LIST_ROLE, "5", &n, NULL), HD_BAD_INPUT);
}

static void test_parse_error_names_the_field_and_the_allowed_values(void **state)
{
	struct hd_err err;
	int n;

	(void)state;
	assert_int_equal(list_parse(&LIST_ORG_KIND, "club", &n, &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "organisation kind");
	assert_non_null(strstr(err.msg, "organisation kind"));
	/* Untranslated (English): the code words beside the names. */
	assert_non_null(
		strstr(err.msg,
		       "1 入驻机构 (resident), 2 社区社会组织 (community), 3 其他 (other)"));
	assert_int_equal(list_parse(&LIST_TEAM_CATEGORY, "14", &n, &err), HD_BAD_INPUT);
	assert_non_null(strstr(err.msg, "1 文体活动, 2 公益慈善"));
	assert_non_null(strstr(err.msg, "6 其他"));
}

static void test_parse_error_of_the_long_purpose_list_stays_valid_utf8(void **state)
{
	struct hd_err err;
	int n;

	(void)state;
	assert_int_equal(list_parse(&LIST_PURPOSE, "foo", &n, &err), HD_BAD_INPUT);
	assert_true(strlen(err.msg) < sizeof(err.msg) - 1);
	assert_true(text_valid_utf8(err.msg));
	assert_non_null(strstr(err.msg, "purpose"));
	assert_non_null(strstr(err.msg, "1 政策咨询, 2 登记/变更/注销指导"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lists_have_the_numbers_and_names_of_the_design),
		cmocka_unit_test(test_every_entry_is_numbered_in_order_and_named_in_both_languages),
		cmocka_unit_test(test_code_words_exist_only_for_kinds_states_and_roles),
		cmocka_unit_test(test_get_outside_the_list_is_null_and_label_is_question_mark),
		cmocka_unit_test(test_parse_by_number_ignores_surrounding_spaces),
		cmocka_unit_test(test_parse_by_chinese_name),
		cmocka_unit_test(test_parse_by_code_word_is_case_insensitive),
		cmocka_unit_test(test_parse_by_english_name_is_case_insensitive),
		cmocka_unit_test(test_parse_refuses_zero_beyond_the_end_and_unknown_words),
		cmocka_unit_test(test_parse_error_names_the_field_and_the_allowed_values),
		cmocka_unit_test(test_parse_error_of_the_long_purpose_list_stays_valid_utf8),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
