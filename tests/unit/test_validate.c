/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_validate.c - text, phones, dates, times, numbers and credit codes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "core/text.h"
#include "core/validate.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int setup_locale(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

/* Asserts that err is a bad-input error naming label. */
static void assert_bad_naming(enum hd_status st, const struct hd_err *err, const char *label)
{
	assert_int_equal(st, HD_BAD_INPUT);
	assert_int_equal(err->status, HD_BAD_INPUT);
	assert_non_null(strstr(err->msg, label));
	assert_true(text_valid_utf8(err->msg));
}

/* --- text --- */

static void test_text_chinese_name_is_trimmed_and_kept(void **state)
{
	char out[NAME_MAX_CHARS * 4 + 1];
	struct hd_err err;

	(void)state;
	assert_int_equal(valid_text("  张三\xE3\x80\x80", "Name", 1, NAME_MAX_CHARS, out,
				    sizeof(out), &err),
			 HD_OK);
	assert_string_equal(out, "张三");
	assert_int_equal(valid_text("Li 李 Ming\n", "Name", 1, NAME_MAX_CHARS, out, sizeof(out),
				    &err),
			 HD_OK);
	assert_string_equal(out, "Li 李 Ming");
}

static void test_text_length_is_counted_in_characters_not_bytes(void **state)
{
	char forty[NAME_MAX_CHARS * 3 + 4], out[NAME_MAX_CHARS * 4 + 1];
	struct hd_err err;
	int i;

	(void)state;
	forty[0] = '\0';
	for (i = 0; i < NAME_MAX_CHARS; i++)
		strcat(forty, "社");
	assert_int_equal(valid_text(forty, "Name", 1, NAME_MAX_CHARS, out, sizeof(out), &err),
			 HD_OK);
	assert_int_equal(text_chars(out), NAME_MAX_CHARS);
	strcat(forty, "区");
	assert_bad_naming(valid_text(forty, "Name", 1, NAME_MAX_CHARS, out, sizeof(out), &err),
			  &err, "Name");
	assert_non_null(strstr(err.msg, "41"));
}

static void test_text_empty_is_refused_when_required_and_allowed_when_optional(void **state)
{
	char out[64];
	struct hd_err err;

	(void)state;
	assert_bad_naming(valid_text(" \xE3\x80\x80 ", "Name", 1, 40, out, sizeof(out), &err), &err,
			  "Name");
	assert_bad_naming(valid_text(NULL, "姓名", 1, 40, out, sizeof(out), &err), &err, "姓名");
	assert_int_equal(valid_text("  ", "Short name", 0, 4, out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "");
}

static void test_text_with_control_characters_is_refused(void **state)
{
	char out[64];
	struct hd_err err;

	(void)state;
	assert_bad_naming(valid_text("张\t三", "Name", 1, 40, out, sizeof(out), &err), &err,
			  "Name");
	assert_bad_naming(valid_text("a\x1B[2Jb", "Name", 1, 40, out, sizeof(out), &err), &err,
			  "Name");
	assert_bad_naming(valid_text("a\xC2\x85"
				     "b",
				     "Name", 1, 40, out, sizeof(out), &err),
			  &err, "Name");
	assert_bad_naming(valid_text("line\nline", "Name", 1, 40, out, sizeof(out), &err), &err,
			  "Name");
}

static void test_text_with_invalid_utf8_is_refused(void **state)
{
	const char *bad[] = { "\xC0\xAF", "ab\xED\xA0\x80", "中\xE6\x96", "\xFF" };
	char out[64];
	struct hd_err err;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(bad); i++)
		assert_bad_naming(valid_text(bad[i], "Name", 0, 40, out, sizeof(out), &err), &err,
				  "Name");
}

static void test_text_that_does_not_fit_the_output_is_refused(void **state)
{
	char out[7];
	struct hd_err err;

	(void)state;
	assert_int_equal(valid_text("中文", "Name", 1, 40, out, sizeof(out), &err), HD_OK);
	assert_bad_naming(valid_text("中文字", "Name", 1, 40, out, sizeof(out), &err), &err,
			  "Name");
}

/* --- phones --- */

static void test_phone_mobile_is_normalised_from_spaces_dashes_and_prefix(void **state)
{
	static const char *good[] = {
		"13812345678",    "138 1234 5678", "138-1234-5678",           "+86 138 1234 5678",
		"+8613812345678", "8613812345678", " 13812345678\xE3\x80\x80"
	};
	char out[PHONE_MAX];
	struct hd_err err;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(good); i++) {
		assert_int_equal(valid_phone(good[i], "Phone", out, sizeof(out), &err), HD_OK);
		assert_string_equal(out, "13812345678");
	}
	assert_int_equal(valid_phone("19912345678", "Phone", out, sizeof(out), &err), HD_OK);
}

static void test_phone_landline_is_split_after_the_area_code(void **state)
{
	char out[PHONE_MAX];
	struct hd_err err;

	(void)state;
	assert_int_equal(valid_phone("021-12345678", "Phone", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "021-12345678");
	assert_int_equal(valid_phone("02112345678", "Phone", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "021-12345678");
	assert_int_equal(valid_phone("010 6512 3456", "Phone", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "010-65123456");
	assert_int_equal(valid_phone("0591-87654321", "Phone", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "0591-87654321");
	assert_int_equal(valid_phone("0755 1234567", "Phone", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "0755-1234567");
	assert_int_equal(valid_phone("0291234567", "Phone", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "029-1234567");
}

static void test_phone_malformed_is_refused_naming_the_field(void **state)
{
	static const char *bad[] = { "",
				     "   ",
				     "1381234567",
				     "138123456789",
				     "12812345678",
				     "23812345678",
				     "+8521234567",
				     "+86 021 12345678",
				     "8612812345678",
				     "021-123456",
				     "021-123456789",
				     "011-12345678",
				     "001-12345678",
				     "0591-123456",
				     "138.1234.5678",
				     "138x1234x5678",
				     "(021)12345678",
				     "+",
				     "１３８１２３４５６７８" };
	char out[PHONE_MAX];
	struct hd_err err;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(bad); i++) {
		assert_bad_naming(valid_phone(bad[i], "联系电话", out, sizeof(out), &err), &err,
				  "联系电话");
		assert_non_null(strstr(err.msg, "mobile"));
		assert_string_equal(out, "");
	}
}

static void test_phone_mobile_is_masked_keeping_first_three_and_last_four(void **state)
{
	char out[PHONE_MAX];

	(void)state;
	phone_mask("13812345678", out, sizeof(out));
	assert_string_equal(out, "138****5678");
}

static void test_phone_landline_beijing_is_masked_keeping_area_code(void **state)
{
	char out[PHONE_MAX];

	(void)state;
	phone_mask("010-65123456", out, sizeof(out));
	assert_string_equal(out, "010-****3456");
	phone_mask("021-12345678", out, sizeof(out));
	assert_string_equal(out, "021-****5678");
	phone_mask("0591-1234567", out, sizeof(out));
	assert_string_equal(out, "0591-****4567");
}

static void test_phone_mask_of_empty_or_short_text_shows_no_digits(void **state)
{
	char out[PHONE_MAX];

	(void)state;
	phone_mask("", out, sizeof(out));
	assert_string_equal(out, "");
	phone_mask("12", out, sizeof(out));
	assert_string_equal(out, "****");
	phone_mask("021-12", out, sizeof(out));
	assert_string_equal(out, "****");
}

/* --- dates, times, numbers --- */

static void test_date_accepts_dashes_slashes_and_single_digits(void **state)
{
	char out[DATE_LEN];
	struct hd_err err;

	(void)state;
	assert_int_equal(valid_date("2026-11-23", "Date", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "2026-11-23");
	assert_int_equal(valid_date(" 2026/1/5 ", "Date", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "2026-01-05");
	assert_int_equal(valid_date("1900-01-01", "Date", out, sizeof(out), &err), HD_OK);
	assert_int_equal(valid_date("2999-12-31", "Date", out, sizeof(out), &err), HD_OK);
}

static void test_date_february_29_only_in_leap_years(void **state)
{
	char out[DATE_LEN];
	struct hd_err err;

	(void)state;
	assert_int_equal(valid_date("2024-02-29", "Date", out, sizeof(out), &err), HD_OK);
	assert_int_equal(valid_date("2000-02-29", "Date", out, sizeof(out), &err), HD_OK);
	assert_bad_naming(valid_date("2026-02-29", "Date", out, sizeof(out), &err), &err, "Date");
	assert_bad_naming(valid_date("2100-02-29", "Date", out, sizeof(out), &err), &err, "Date");
}

static void test_date_malformed_or_not_in_the_calendar_is_refused(void **state)
{
	static const char *bad[] = { "",           "2026-11",    "2026-11-23x",   "26-11-23",
				     "2026-13-01", "2026-00-10", "2026-04-31",    "2026-11-00",
				     "1899-12-31", "3000-01-01", "2026-11/23",    "2026-011-23",
				     "20261123",   "2026-11-",   "２０２６-11-23" };
	char out[DATE_LEN];
	struct hd_err err;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(bad); i++)
		assert_bad_naming(valid_date(bad[i], "入驻日期", out, sizeof(out), &err), &err,
				  "入驻日期");
}

static void test_time_gives_minutes_since_midnight(void **state)
{
	struct hd_err err;
	int m = -1;

	(void)state;
	assert_int_equal(valid_time("00:00", "Open", &m, &err), HD_OK);
	assert_int_equal(m, 0);
	assert_int_equal(valid_time("8:30", "Open", &m, &err), HD_OK);
	assert_int_equal(m, 510);
	assert_int_equal(valid_time(" 23:59 ", "Open", &m, &err), HD_OK);
	assert_int_equal(m, 1439);
}

static void test_time_out_of_range_or_malformed_is_refused(void **state)
{
	static const char *bad[] = { "24:00",    "12:60", "12:5", "123:00", "12",
				     "12:00:00", "",      ":30",  "1:2a",   "12-30" };
	struct hd_err err;
	size_t i;
	int m = 7;

	(void)state;
	for (i = 0; i < COUNT(bad); i++) {
		assert_bad_naming(valid_time(bad[i], "Closing time", &m, &err), &err,
				  "Closing time");
		assert_non_null(strstr(err.msg, "HH:MM"));
	}
	assert_int_equal(m, 7);
}

static void test_int_accepts_whole_numbers_within_the_range(void **state)
{
	struct hd_err err;
	long v = 0;

	(void)state;
	assert_int_equal(valid_int("10", "Members", 10, 9999, &v, &err), HD_OK);
	assert_int_equal(v, 10);
	assert_int_equal(valid_int(" +42 ", "Members", 10, 9999, &v, &err), HD_OK);
	assert_int_equal(v, 42);
	assert_int_equal(valid_int("-5", "Offset", -10, 10, &v, &err), HD_OK);
	assert_int_equal(v, -5);
}

static void test_int_outside_the_range_or_not_a_number_is_refused(void **state)
{
	static const char *bad[] = { "9",   "10000", "",
				     "ten", "1.5",   "0x10",
				     "- 5", "12 3",  "99999999999999999999999" };
	struct hd_err err;
	size_t i;
	long v = 3;

	(void)state;
	for (i = 0; i < COUNT(bad); i++) {
		assert_bad_naming(valid_int(bad[i], "Members", 10, 9999, &v, &err), &err,
				  "Members");
		assert_non_null(strstr(err.msg, "10"));
		assert_non_null(strstr(err.msg, "9999"));
	}
	assert_int_equal(v, 3);
}

/* --- credit codes --- */

static void test_credit_code_known_good_codes_pass_the_check(void **state)
{
	static const char *good[] = { "91350100M000100Y43", "91110000600037341L",
				      "52310115MJ50000173" };
	char out[CREDIT_CODE_LEN];
	struct hd_err err;
	bool ok = false;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(good); i++) {
		assert_int_equal(credit_code_check_char(good[i]), good[i][17]);
		assert_int_equal(valid_credit_code(good[i], "Credit code", out, sizeof(out), &ok,
						   &err),
				 HD_OK);
		assert_true(ok);
		assert_string_equal(out, good[i]);
	}
}

static void test_credit_code_lower_case_and_spaces_around_are_accepted(void **state)
{
	char out[CREDIT_CODE_LEN];
	struct hd_err err;
	bool ok = false;

	(void)state;
	assert_int_equal(valid_credit_code("  52310115mj50000173 ", "Credit code", out, sizeof(out),
					   &ok, &err),
			 HD_OK);
	assert_true(ok);
	assert_string_equal(out, "52310115MJ50000173");
	assert_int_equal(valid_credit_code("91110000600037341l", "Credit code", out, sizeof(out),
					   &ok, &err),
			 HD_OK);
	assert_true(ok);
	assert_string_equal(out, "91110000600037341L");
}

static void test_credit_code_with_one_character_changed_fails_the_check_only(void **state)
{
	static const char *altered[] = { "91350100M000100Y44", "91350100M000101Y43",
					 "91110000600037341K", "52310115MK50000173" };
	char out[CREDIT_CODE_LEN];
	struct hd_err err;
	bool ok = true;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(altered); i++) {
		ok = true;
		assert_int_equal(valid_credit_code(altered[i], "Credit code", out, sizeof(out), &ok,
						   &err),
				 HD_OK);
		assert_false(ok);
		assert_string_equal(out, altered[i]);
	}
}

static void test_credit_code_with_letters_i_o_s_v_z_is_malformed(void **state)
{
	static const char *bad[] = { "91350100I000100Y43", "91350100O000100Y43",
				     "91350100S000100Y43", "91350100V000100Y43",
				     "91350100Z000100Y43", "9135010 M000100Y43",
				     "91350100M000100Y4中" };
	char out[CREDIT_CODE_LEN];
	struct hd_err err;
	size_t i;
	bool ok;

	(void)state;
	for (i = 0; i < COUNT(bad); i++) {
		assert_bad_naming(valid_credit_code(bad[i], "统一社会信用代码", out, sizeof(out),
						    &ok, &err),
				  &err, "统一社会信用代码");
		assert_string_equal(out, "");
	}
	assert_int_equal(credit_code_check_char("91350100I000100Y4"), 0);
}

static void test_credit_code_of_wrong_length_is_malformed(void **state)
{
	static const char *bad[] = { "91350100M000100Y4", "91350100M000100Y433", "", "   " };
	char out[CREDIT_CODE_LEN];
	struct hd_err err;
	size_t i;
	bool ok;

	(void)state;
	for (i = 0; i < COUNT(bad); i++)
		assert_bad_naming(valid_credit_code(bad[i], "Credit code", out, sizeof(out), &ok,
						    &err),
				  &err, "Credit code");
	assert_int_equal(credit_code_check_char("9135"), 0);
	assert_int_equal(credit_code_check_char(NULL), 0);
}

static void test_credit_code_civil_affairs_prefixes_are_51_52_53_59(void **state)
{
	(void)state;
	assert_true(credit_code_is_civil_affairs("52310115MJ50000173"));
	assert_true(credit_code_is_civil_affairs("51310000MJ0000000X"));
	assert_true(credit_code_is_civil_affairs("53310000MJ0000000X"));
	assert_true(credit_code_is_civil_affairs("59310000MJ0000000X"));
	assert_false(credit_code_is_civil_affairs("91350100M000100Y43"));
	assert_false(credit_code_is_civil_affairs("54310000MJ0000000X"));
	assert_false(credit_code_is_civil_affairs("5"));
	assert_false(credit_code_is_civil_affairs(""));
	assert_false(credit_code_is_civil_affairs(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_chinese_name_is_trimmed_and_kept),
		cmocka_unit_test(test_text_length_is_counted_in_characters_not_bytes),
		cmocka_unit_test(
			test_text_empty_is_refused_when_required_and_allowed_when_optional),
		cmocka_unit_test(test_text_with_control_characters_is_refused),
		cmocka_unit_test(test_text_with_invalid_utf8_is_refused),
		cmocka_unit_test(test_text_that_does_not_fit_the_output_is_refused),
		cmocka_unit_test(test_phone_mobile_is_normalised_from_spaces_dashes_and_prefix),
		cmocka_unit_test(test_phone_landline_is_split_after_the_area_code),
		cmocka_unit_test(test_phone_malformed_is_refused_naming_the_field),
		cmocka_unit_test(test_phone_mobile_is_masked_keeping_first_three_and_last_four),
		cmocka_unit_test(test_phone_landline_beijing_is_masked_keeping_area_code),
		cmocka_unit_test(test_phone_mask_of_empty_or_short_text_shows_no_digits),
		cmocka_unit_test(test_date_accepts_dashes_slashes_and_single_digits),
		cmocka_unit_test(test_date_february_29_only_in_leap_years),
		cmocka_unit_test(test_date_malformed_or_not_in_the_calendar_is_refused),
		cmocka_unit_test(test_time_gives_minutes_since_midnight),
		cmocka_unit_test(test_time_out_of_range_or_malformed_is_refused),
		cmocka_unit_test(test_int_accepts_whole_numbers_within_the_range),
		cmocka_unit_test(test_int_outside_the_range_or_not_a_number_is_refused),
		cmocka_unit_test(test_credit_code_known_good_codes_pass_the_check),
		cmocka_unit_test(test_credit_code_lower_case_and_spaces_around_are_accepted),
		cmocka_unit_test(test_credit_code_with_one_character_changed_fails_the_check_only),
		cmocka_unit_test(test_credit_code_with_letters_i_o_s_v_z_is_malformed),
		cmocka_unit_test(test_credit_code_of_wrong_length_is_malformed),
		cmocka_unit_test(test_credit_code_civil_affairs_prefixes_are_51_52_53_59),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
