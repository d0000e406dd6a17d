/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_sheet.c - dates, times and credit codes as Excel, WPS and
 * LibreOffice save them into CSV files: read into the registers' forms, or
 * refused naming the field and what the spreadsheet did. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "core/sheet.h"
#include "core/text.h"
#include "core/validate.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int setup_locale(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

/* Asserts a bad-input error whose message names the field and says what. */
static void assert_refused(enum hd_status st, const struct hd_err *err, const char *label,
			   const char *what)
{
	assert_int_equal(st, HD_BAD_INPUT);
	assert_int_equal(err->status, HD_BAD_INPUT);
	assert_non_null(strstr(err->msg, label));
	assert_non_null(strstr(err->msg, what));
	assert_true(text_valid_utf8(err->msg));
}

/* --- dates --- */

static void test_date_in_every_spreadsheet_form_is_read(void **state)
{
	static const char *const forms[] = { "2025-11-01",
					     "2025-11-1",
					     "2025/11/01",
					     "2025/11/1",
					     "2025年11月1日",
					     "2025年11月01日",
					     "2025年11月1",
					     " 2025/11/1 ",
					     "\xE3\x80\x80"
					     "2025年11月1日" };
	char out[DATE_LEN];
	struct hd_err err;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(forms); i++) {
		assert_int_equal(sheet_date(forms[i], "Moved in", out, sizeof(out), &err), HD_OK);
		assert_string_equal(out, "2025-11-01");
	}
	assert_int_equal(sheet_date("2024年2月29日", "Moved in", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "2024-02-29");
}

static void test_date_not_in_the_calendar_is_refused_naming_the_forms(void **state)
{
	static const char *const days[] = { "2025-02-30", "2025/2/29", "2025年13月1日",
					    "2025-04-31", "1899-12-31" };
	char out[DATE_LEN];
	struct hd_err err;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(days); i++) {
		assert_refused(sheet_date(days[i], "Filing date", out, sizeof(out), &err), &err,
			       "Filing date", "no day of the calendar");
		assert_non_null(strstr(err.msg, days[i]));
		assert_non_null(strstr(err.msg, "2025年11月1日"));
		assert_string_equal(out, "");
	}
}

static void test_date_in_another_form_is_refused_naming_the_forms(void **state)
{
	static const char *const bad[] = { "2025.11.1", "2025-11/1",  "2025/11-1",
					   "11/1/2025", "2025年11-1", "2025-11-01日",
					   "25-11-1",   "2025-011-1", "2025-11-01 08:00",
					   "20251101",  "yesterday" };
	char out[DATE_LEN];
	struct hd_err err;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(bad); i++)
		assert_refused(sheet_date(bad[i], "Moves out", out, sizeof(out), &err), &err,
			       "Moves out", "2025/11/1");
}

/* --- times --- */

static void test_time_with_seconds_or_without_leading_zero_is_read(void **state)
{
	static const char *const in[] = { "08:30", "8:30", "08:30:00", "8:30:00", " 20:00:00 " };
	static const char *const want[] = { "08:30", "08:30", "08:30", "08:30", "20:00" };
	char out[SHEET_TIME_LEN];
	struct hd_err err;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(in); i++) {
		assert_int_equal(sheet_time(in[i], "Opens", out, sizeof(out), &err), HD_OK);
		assert_string_equal(out, want[i]);
	}
	assert_int_equal(sheet_time("0:00:00", "Opens", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "00:00");
	assert_int_equal(sheet_time("23:59", "Opens", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "23:59");
}

static void test_time_with_seconds_other_than_00_is_refused(void **state)
{
	char out[SHEET_TIME_LEN];
	struct hd_err err;

	(void)state;
	assert_refused(sheet_time("08:30:15", "Closes", out, sizeof(out), &err), &err, "Closes",
		       "seconds");
	assert_non_null(strstr(err.msg, "08:30:15"));
	assert_refused(sheet_time("8:30:59", "Closes", out, sizeof(out), &err), &err, "Closes",
		       "whole minutes");
}

static void test_time_out_of_range_or_malformed_is_refused(void **state)
{
	static const char *const bad[] = { "24:00", "25:00:00", "08:60",   "08:30:60",
					   "8:3",   "083:00",   "08:30:0", "08:30:00:00",
					   "08.30", "08:30 AM", "morning", "08:30:00.000" };
	char out[SHEET_TIME_LEN];
	struct hd_err err;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(bad); i++)
		assert_refused(sheet_time(bad[i], "Opens", out, sizeof(out), &err), &err, "Opens",
			       "08:30:00");
}

/* --- credit codes --- */

static void test_code_in_scientific_notation_is_refused_naming_the_cause(void **state)
{
	static const char *const sci[] = { "5.33101151234568E+17", "5.33101151234568e+17",
					   "5.33101E+17",          "5E+17",
					   "5.33101151234568E17",  " 5.33101151234568E+17 " };
	char out[64];
	struct hd_err err;
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(sci); i++)
		assert_refused(sheet_credit_code(sci[i], "Credit code", out, sizeof(out), &err),
			       &err, "Credit code", "scientific notation");
	assert_non_null(strstr(err.msg, "set this column to text"));
}

static void test_code_of_18_digits_is_taken_as_it_is(void **state)
{
	char out[64];
	struct hd_err err;

	(void)state;
	assert_int_equal(sheet_credit_code("533101151234567891", "Credit code", out, sizeof(out),
					   &err),
			 HD_OK);
	assert_string_equal(out, "533101151234567891");
	/* A check character that fails is for the register's check to mark. */
	assert_int_equal(sheet_credit_code("533101151234567890", "Credit code", out, sizeof(out),
					   &err),
			 HD_OK);
	assert_string_equal(out, "533101151234567890");
	assert_int_equal(sheet_credit_code(" 52310115MJ50000173 ", "Credit code", out, sizeof(out),
					   &err),
			 HD_OK);
	assert_string_equal(out, "52310115MJ50000173");
	/* 18 characters with an E among digits, no point and no sign: a code. */
	assert_int_equal(sheet_credit_code("913100001E23456789", "Credit code", out, sizeof(out),
					   &err),
			 HD_OK);
	assert_string_equal(out, "913100001E23456789");
}

static void test_code_saved_as_a_number_with_decimals_keeps_its_18_digits(void **state)
{
	char out[64];
	struct hd_err err;

	(void)state;
	assert_int_equal(sheet_credit_code("533101151234567891.0", "Credit code", out, sizeof(out),
					   &err),
			 HD_OK);
	assert_string_equal(out, "533101151234567891");
	assert_int_equal(sheet_credit_code("533101151234567891.00", "Credit code", out, sizeof(out),
					   &err),
			 HD_OK);
	assert_string_equal(out, "533101151234567891");
}

static void test_code_as_a_number_whose_check_fails_is_refused(void **state)
{
	char out[64];
	struct hd_err err;

	(void)state;
	assert_refused(sheet_credit_code("533101151234567000.0", "Credit code", out, sizeof(out),
					 &err),
		       &err, "Credit code", "last digits may have changed");
	assert_non_null(strstr(err.msg, "set this column to text"));
}

static void test_code_of_other_text_is_left_to_the_code_check(void **state)
{
	char out[64], longer[200];
	struct hd_err err;

	(void)state;
	assert_int_equal(sheet_credit_code("5331011512345678.0", "Credit code", out, sizeof(out),
					   &err),
			 HD_OK);
	assert_string_equal(out, "5331011512345678.0");
	assert_int_equal(sheet_credit_code("E+17", "Credit code", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "E+17");
	memset(longer, '5', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	assert_refused(sheet_credit_code(longer, "Credit code", out, sizeof(out), &err), &err,
		       "Credit code", "18 characters");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_in_every_spreadsheet_form_is_read),
		cmocka_unit_test(test_date_not_in_the_calendar_is_refused_naming_the_forms),
		cmocka_unit_test(test_date_in_another_form_is_refused_naming_the_forms),
		cmocka_unit_test(test_time_with_seconds_or_without_leading_zero_is_read),
		cmocka_unit_test(test_time_with_seconds_other_than_00_is_refused),
		cmocka_unit_test(test_time_out_of_range_or_malformed_is_refused),
		cmocka_unit_test(test_code_in_scientific_notation_is_refused_naming_the_cause),
		cmocka_unit_test(test_code_of_18_digits_is_taken_as_it_is),
		cmocka_unit_test(test_code_saved_as_a_number_with_decimals_keeps_its_18_digits),
		cmocka_unit_test(test_code_as_a_number_whose_check_fails_is_refused),
		cmocka_unit_test(test_code_of_other_text_is_left_to_the_code_check),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
