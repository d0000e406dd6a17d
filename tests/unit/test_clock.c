/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_clock.c - the calendar on day numbers: dates, month ends, weekdays,
 * the local day of an instant, and local midnight also on the days the
 * clocks change. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/validate.h"

static void set_zone(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static long day_of(const char *date)
{
	long day = clock_day_of(date);

	assert_true(day != CLOCK_NO_DAY);
	return day;
}

static void assert_date(long day, const char *want)
{
	char out[DATE_LEN] = "";

	clock_date_of(day, out, sizeof(out));
	assert_string_equal(out, want);
}

static void test_day_numbers_read_back_as_their_dates(void **state)
{
	int y, m, d;

	(void)state;
	assert_int_equal(day_of("1970-01-01"), 0);
	assert_int_equal(day_of("1969-12-31"), -1);
	assert_int_equal(day_of("2026-11-23"), clock_days_from_civil(2026, 11, 23));
	assert_date(day_of("2024-02-29"), "2024-02-29");
	assert_date(day_of("2026-12-31") + 1, "2027-01-01");
	assert_date(day_of("2026-03-01") - 1, "2026-02-28");
	clock_civil_of(day_of("2000-02-29"), &y, &m, &d);
	assert_int_equal(y, 2000);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	assert_int_equal(day_of("2027-01-01") - day_of("2026-01-01"), 365);
	assert_int_equal(day_of("2025-01-01") - day_of("2024-01-01"), 366);
	assert_int_equal(clock_day_of("2026-02-30"), CLOCK_NO_DAY);
	assert_int_equal(clock_day_of("2026-1-01"), CLOCK_NO_DAY);
	assert_int_equal(clock_day_of("2026-11-23x"), CLOCK_NO_DAY);
	assert_int_equal(clock_day_of(""), CLOCK_NO_DAY);
	assert_int_equal(clock_day_of(NULL), CLOCK_NO_DAY);
}

static void assert_add(const char *date, int days, const char *want)
{
	char out[DATE_LEN] = "";

	clock_date_add(date, days, out, sizeof(out));
	assert_string_equal(out, want);
}

/* The text dates the grid still moves by: days added across month and
 * year ends, days between, weekdays, and malformed dates. */
static void test_text_dates_cross_month_and_year_ends(void **state)
{
	(void)state;
	assert_int_equal(clock_weekday_of("1970-01-01"), 4);
	assert_int_equal(clock_weekday_of("2026-11-23"), 1);
	assert_int_equal(clock_weekday_of("2026-11-29"), 7);
	assert_int_equal(clock_weekday_of("2024-02-29"), 4);
	assert_int_equal(clock_weekday_of("1969-12-31"), 3);
	assert_int_equal(clock_weekday_of("2026-13-01"), 0);
	assert_int_equal(clock_weekday_of("2026-1-01"), 0);
	assert_int_equal(clock_weekday_of(""), 0);
	assert_int_equal(clock_weekday(1795395600), 1); /* 2026-11-23 09:00 in Shanghai */
	assert_add("2026-02-30", 1, "2026-02-30");
	assert_int_equal(clock_weekday_of("2026-11-23x"), 0);
	assert_add("2026-01-31", 1, "2026-02-01");
	assert_add("2026-02-28", 1, "2026-03-01");
	assert_add("2024-02-28", 1, "2024-02-29");
	assert_add("2024-02-29", 1, "2024-03-01");
	assert_add("2026-03-01", -1, "2026-02-28");
	assert_add("2026-12-31", 1, "2027-01-01");
	assert_add("2027-01-01", -1, "2026-12-31");
	assert_add("2026-12-25", 10, "2027-01-04");
	assert_add("2026-11-23", 0, "2026-11-23");
	assert_add("2026-01-01", 365, "2027-01-01");
	assert_int_equal(day_of("2027-01-01") - day_of("2026-12-31"), 1);
	assert_int_equal(day_of("2026-12-31") - day_of("2027-01-01"), -1);
	assert_int_equal(day_of("2026-03-01") - day_of("2026-02-01"), 28);
	assert_int_equal(day_of("2024-03-01") - day_of("2024-02-01"), 29);
	assert_int_equal(day_of("2027-01-01") - day_of("2026-01-01"), 365);
	assert_int_equal(day_of("2025-01-01") - day_of("2024-01-01"), 366);
	assert_int_equal(day_of("2026-11-23") - day_of("2026-11-23"), 0);
}

static void test_weekdays_run_monday_one_to_sunday_seven(void **state)
{
	(void)state;
	assert_int_equal(clock_weekday_of_day(day_of("1970-01-01")), 4);
	assert_int_equal(clock_weekday_of_day(day_of("2026-11-23")), 1);
	assert_int_equal(clock_weekday_of_day(day_of("2026-11-29")), 7);
	assert_int_equal(clock_weekday_of_day(day_of("1969-12-31")), 3);
}

static void test_month_ends_know_leap_years(void **state)
{
	(void)state;
	assert_date(clock_month_first(day_of("2026-11-23")), "2026-11-01");
	assert_date(clock_month_last(day_of("2026-11-23")), "2026-11-30");
	assert_date(clock_month_last(day_of("2026-02-01")), "2026-02-28");
	assert_date(clock_month_last(day_of("2024-02-10")), "2024-02-29");
	assert_date(clock_month_last(day_of("2100-02-10")), "2100-02-28");
	assert_date(clock_month_last(day_of("2000-02-10")), "2000-02-29");
	assert_date(clock_month_first(day_of("2026-12-31")), "2026-12-01");
	assert_date(clock_month_last(day_of("2026-12-01")), "2026-12-31");
	assert_date(clock_month_first(day_of("2026-01-01")), "2026-01-01");
}

static void test_a_year_before_keeps_the_day_or_takes_the_month_end(void **state)
{
	(void)state;
	assert_date(clock_year_before(day_of("2026-11-23")), "2025-11-23");
	assert_date(clock_year_before(day_of("2028-02-29")), "2027-02-28");
	assert_date(clock_year_before(day_of("2025-02-28")), "2024-02-28");
	assert_date(clock_year_before(day_of("2026-01-01")), "2025-01-01");
	assert_int_equal(clock_days_in_month(2024, 2), 29);
	assert_int_equal(clock_days_in_month(2026, 2), 28);
	assert_int_equal(clock_days_in_month(2026, 12), 31);
	assert_int_equal(clock_days_in_month(2026, 4), 30);
}

static void test_the_day_of_an_instant_is_the_local_one(void **state)
{
	long day = 0;

	(void)state;
	set_zone("Asia/Shanghai");
	/* 2026-11-22 23:30 UTC is 2026-11-23 07:30 in Shanghai */
	assert_date(clock_day_at(1795390200), "2026-11-23");
	assert_int_equal(clock_weekday(1795390200), 1);
	assert_int_equal(clock_local_minute(1795390200, &day), 7 * 60 + 30);
	assert_date(day, "2026-11-23");
	assert_int_equal(clock_local_minute(1795363200, NULL), 0);
	setenv("HUBDESK_NOW", "2026-11-23T00:10:00+08:00", 1);
	assert_date(clock_today(), "2026-11-23");
	setenv("HUBDESK_NOW", "2026-11-22T23:50:00+08:00", 1);
	assert_date(clock_today(), "2026-11-22");
	unsetenv("HUBDESK_NOW");
}

static void test_local_midnight_without_daylight_saving(void **state)
{
	long day;

	(void)state;
	set_zone("Asia/Shanghai");
	day = day_of("2026-11-23");
	/* 2026-11-23 00:00 +08:00 is 2026-11-22 16:00 UTC */
	assert_int_equal((long long)clock_local_midnight(day), 1795363200LL);
	assert_int_equal((long long)clock_day_time(day, 9 * 60), 1795363200LL + 9 * 3600);
	assert_int_equal((long long)clock_day_time(day, 24 * 60),
			 (long long)clock_local_midnight(day + 1));
	assert_int_equal((long long)clock_day_time(day, -24 * 60),
			 (long long)clock_local_midnight(day - 1));
	assert_int_equal((long long)clock_local_time("2026-11-23", 9 * 60),
			 (long long)clock_day_time(day, 9 * 60));
	assert_int_equal((long long)clock_local_time("2026-11-31", 0), -1);
}

static void test_local_midnight_on_the_days_new_york_changes_clocks(void **state)
{
	long spring, autumn;

	(void)state;
	set_zone("America/New_York");
	spring = day_of("2026-03-08"); /* 02:00 EST becomes 03:00 EDT */
	autumn = day_of("2026-11-01"); /* 02:00 EDT becomes 01:00 EST */
	/* 2026-03-08 00:00 EST (-05:00) is 05:00 UTC; 2026-03-09 00:00 EDT
	 * (-04:00) is 04:00 UTC: the day has 23 hours. */
	assert_int_equal((long long)clock_local_midnight(spring), 1772946000LL);
	assert_int_equal((long long)clock_local_midnight(spring + 1), 1772946000LL + 23 * 3600);
	assert_int_equal((long long)clock_day_time(spring, 24 * 60),
			 (long long)clock_local_midnight(spring + 1));
	/* 09:00 on the change day is wall-clock 09:00 EDT. */
	assert_int_equal((long long)clock_day_time(spring, 9 * 60), 1772946000LL + 8 * 3600);
	assert_date(clock_day_at(clock_local_midnight(spring + 1)), "2026-03-09");
	assert_date(clock_day_at(clock_local_midnight(spring + 1) - 1), "2026-03-08");
	/* The autumn day has 25 hours. */
	assert_int_equal((long long)(clock_local_midnight(autumn + 1) -
				     clock_local_midnight(autumn)),
			 25LL * 3600);
	assert_date(clock_day_at(clock_local_midnight(autumn)), "2026-11-01");
	set_zone("Asia/Shanghai");
}

static void test_local_midnight_on_the_day_berlin_changes_clocks(void **state)
{
	long day;

	(void)state;
	set_zone("Europe/Berlin");
	day = day_of("2026-03-29"); /* 02:00 CET becomes 03:00 CEST */
	/* 2026-03-29 00:00 CET (+01:00) is 2026-03-28 23:00 UTC */
	assert_int_equal((long long)clock_local_midnight(day), 1774738800LL);
	assert_int_equal((long long)(clock_local_midnight(day + 1) - clock_local_midnight(day)),
			 23LL * 3600);
	set_zone("Asia/Shanghai");
}

static void test_typed_dates_are_read_or_refused_naming_the_field(void **state)
{
	struct hd_err err;
	long day = 0;

	(void)state;
	assert_int_equal(clock_parse_day("2026/1/3", "--from", &day, &err), HD_OK);
	assert_date(day, "2026-01-03");
	assert_int_equal(clock_parse_day(" 2026-11-23 ", "--from", &day, &err), HD_OK);
	assert_date(day, "2026-11-23");
	memset(&err, 0, sizeof(err));
	assert_int_equal(clock_parse_day("2026-02-30", "--to", &day, &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "--to");
	assert_non_null(strstr(err.msg, "--to"));
	memset(&err, 0, sizeof(err));
	assert_int_equal(clock_parse_day(NULL, "Date", &day, &err), HD_BAD_INPUT);
	assert_non_null(strstr(err.msg, "Date"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_numbers_read_back_as_their_dates),
		cmocka_unit_test(test_text_dates_cross_month_and_year_ends),
		cmocka_unit_test(test_weekdays_run_monday_one_to_sunday_seven),
		cmocka_unit_test(test_month_ends_know_leap_years),
		cmocka_unit_test(test_a_year_before_keeps_the_day_or_takes_the_month_end),
		cmocka_unit_test(test_the_day_of_an_instant_is_the_local_one),
		cmocka_unit_test(test_local_midnight_without_daylight_saving),
		cmocka_unit_test(test_local_midnight_on_the_days_new_york_changes_clocks),
		cmocka_unit_test(test_local_midnight_on_the_day_berlin_changes_clocks),
		cmocka_unit_test(test_typed_dates_are_read_or_refused_naming_the_field),
	};

	setlocale(LC_ALL, "C.UTF-8");
	set_zone("Asia/Shanghai");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
