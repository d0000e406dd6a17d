/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_booking_series.c - weekly series: booking every week, the dates a
 * rule refuses, exceptions, and "this and the following" splitting a
 * series; scanning a series' receipt on a later date. */
#include "bookingutil.h"

/* The instant of the local date and time s ("YYYY-MM-DD HH:MM"). */
static time_t when(const char *s)
{
	time_t t = 0;

	assert_int_equal(clock_parse_local(s, "when", &t, &err), HD_OK);
	return t;
}

/* Organisation org books room 3 every Tuesday (from 2026-11-24) from..to
 * until the date until ("YYYY-MM-DD"). */
static enum hd_status weekly(struct tdb *t, const char *org, const char *from, const char *to,
			     const char *until, bool skip, struct booking_series *s)
{
	char start[40], end[40];
	struct booking_draft d;

	snprintf(start, sizeof(start), "%s %s", NOV(24), from);
	snprintf(end, sizeof(end), "%s %s", NOV(24), to);
	d = (struct booking_draft){ .room = 3,
				    .start = start,
				    .end = end,
				    .attendees = REC_NUM(5),
				    .purpose = "合唱排练" };
	if (booking_booker_read(org, NULL, &d.booker, &err) != HD_OK)
		return HD_BAD_INPUT;
	return booking_add_weekly(t->db, &t->who, VIA_DIRECT, &d, clock_day_of(until), skip, s,
				  &err);
}

static time_t start_of(struct tdb *t, long long id)
{
	struct booking b;

	EXPECT(HD_OK, booking_get(t->db, id, &b, &err));
	return b.start;
}

static long long series_of(struct tdb *t, long long id)
{
	struct booking b;

	EXPECT(HD_OK, booking_get(t->db, id, &b, &err));
	return b.series_id;
}

static long long exception_of(struct tdb *t, long long id)
{
	char sql[96];

	snprintf(sql, sizeof(sql), "SELECT exception FROM booking WHERE id = %lld", id);
	return tdb_int(t->db, sql);
}

static void test_weekly_books_one_linked_row_per_week(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;
	int i;

	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-15", false, &s));
	assert_int_equal(s.n, 4);
	assert_int_equal(s.nmissed, 0);
	for (i = 0; i < s.n; i++) {
		assert_int_equal((long long)start_of(t, s.ids[i]),
				 (long long)clock_local_time(NOV(24), 600 + i * 7 * 24 * 60));
		assert_int_equal(series_of(t, s.ids[i]), s.ids[0]);
	}
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'booking.add'"),
			 4);
	booking_series_free(&s);
}

static void test_until_the_first_date_is_one_occurrence(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;

	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", NOV(24), false, &s));
	assert_int_equal(s.n, 1);
	booking_series_free(&s);
}

static void test_until_before_the_first_date_is_bad_input(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;

	EXPECT(HD_BAD_INPUT, weekly(t, "1", "10:00", "11:00", "2026-11-23", false, &s));
	assert_non_null(strstr(err.msg, "2026-11-24"));
	EXPECT(HD_BAD_INPUT, weekly(t, "1", "10:00", "11:00", "2026-11-17", false, &s));
	assert_int_equal(count_bookings(t), 0);
}

static void test_series_runs_at_most_series_weeks(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;

	set(t, SET_BOOKING_SERIES_WEEKS, "4");
	EXPECT(HD_REFUSED, weekly(t, "1", "10:00", "11:00", "2026-12-22", false, &s));
	assert_non_null(strstr(err.msg, "4"));
	assert_int_equal(count_bookings(t), 0);
	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-15", false, &s));
	assert_int_equal(s.n, 4);
	booking_series_free(&s);
}

static void test_only_the_first_date_keeps_the_booking_window(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;
	struct booking_draft d = { .room = 3,
				   .start = "2026-12-08 10:00",
				   .end = "2026-12-08 11:00",
				   .attendees = REC_NUM(5),
				   .purpose = "",
				   .booker = { BOOKER_ORG, 1 } };

	/* 12 weekly dates from tomorrow reach far past the 14-day window. */
	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2027-02-09", false, &s));
	assert_int_equal(s.n, 12);
	booking_series_free(&s);
	/* A series starting past the window is refused as a single booking is. */
	EXPECT(HD_REFUSED, booking_add_weekly(t->db, &t->who, VIA_DIRECT, &d,
					      clock_day_of("2026-12-22"), false, &s, &err));
	assert_non_null(strstr(err.msg, "14"));
	booking_series_free(&s);
}

static void test_a_refused_date_refuses_the_series_naming_every_date(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;
	long long other;
	char day[16];

	EXPECT(HD_OK, book_org(t, "3", "2", "2026-12-01", "10:30", "11:30", &other, &err));
	EXPECT(HD_OK, closure_add(t->db, &t->who, tday("2026-12-15"), tday("2026-12-15"),
				  "消防检查", &other, &err));
	EXPECT(HD_REFUSED, weekly(t, "1", "10:00", "11:00", "2026-12-22", false, &s));
	assert_int_equal(s.n, 0);
	assert_int_equal(s.nmissed, 2);
	clock_local_date(s.missed[0].start, day, sizeof(day));
	assert_string_equal(day, "2026-12-01");
	assert_non_null(strstr(s.missed[0].why, "益心"));
	clock_local_date(s.missed[1].start, day, sizeof(day));
	assert_string_equal(day, "2026-12-15");
	assert_non_null(strstr(s.missed[1].why, "消防检查"));
	assert_non_null(strstr(err.msg, "2 of 5"));
	assert_int_equal(count_bookings(t), 1);
	booking_series_free(&s);
}

static void test_skip_conflicts_books_only_the_free_dates(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;
	long long other;

	EXPECT(HD_OK, book_org(t, "3", "2", "2026-12-01", "10:30", "11:30", &other, &err));
	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-22", true, &s));
	assert_int_equal(s.n, 4);
	assert_int_equal(s.nmissed, 1);
	assert_int_equal(count_bookings(t), 5);
	assert_int_equal((long long)start_of(t, s.ids[2]),
			 (long long)clock_local_time("2026-12-15", 600));
	booking_series_free(&s);
}

/* A series that skipped dates keeps them with their reasons, for its
 * receipts (a reprint too); one refused whole keeps nothing. */
static void test_skipped_dates_are_kept_with_the_series(void **state)
{
	struct tdb *t = *state;
	struct booking_series s, refused;
	struct booking_miss *miss = NULL;
	long long other, closure;
	int n = -1;

	EXPECT(HD_OK, book_org(t, "3", "2", "2026-12-01", "10:30", "11:30", &other, &err));
	EXPECT(HD_OK, closure_add(t->db, &t->who, tday("2026-12-15"), tday("2026-12-15"),
				  "消防检查", &closure, &err));
	EXPECT(HD_REFUSED, weekly(t, "1", "10:00", "11:00", "2026-12-22", false, &refused));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'booking.skip'"),
			 0);
	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-22", true, &s));
	assert_int_equal(s.n, 3);
	EXPECT(HD_OK, booking_series_skipped(t->db, s.ids[1], &miss, &n, &err));
	assert_int_equal(n, 2);
	assert_int_equal((long long)miss[0].start, (long long)clock_local_time("2026-12-01", 600));
	assert_string_equal(miss[0].why, s.missed[0].why);
	assert_non_null(strstr(miss[0].why, "益心"));
	assert_int_equal((long long)miss[1].start, (long long)clock_local_time("2026-12-15", 600));
	assert_non_null(strstr(miss[1].why, "消防检查"));
	free(miss);
	EXPECT(HD_OK, booking_series_skipped(t->db, other, &miss, &n, &err));
	assert_int_equal(n, 0);
	assert_null(miss);
	booking_series_free(&refused);
	booking_series_free(&s);
}

static void test_skip_conflicts_with_no_free_date_is_refused(void **state)
{
	struct tdb *t = *state;
	struct booking_series s, first;

	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-08", false, &first));
	EXPECT(HD_REFUSED, weekly(t, "2", "10:00", "11:00", "2026-12-08", true, &s));
	assert_int_equal(s.nmissed, 3);
	assert_int_equal(count_bookings(t), 3);
	booking_series_free(&s);
	booking_series_free(&first);
}

static void test_cancel_one_occurrence_is_an_exception_the_rest_untouched(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;
	bool already;

	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-15", false, &s));
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, s.ids[1], &already, &err));
	assert_int_equal(state_of(t, s.ids[1]), BK_CANCELLED);
	assert_int_equal(exception_of(t, s.ids[1]), 1);
	assert_int_equal(state_of(t, s.ids[0]), BK_CONFIRMED);
	assert_int_equal(state_of(t, s.ids[2]), BK_CONFIRMED);
	assert_int_equal(state_of(t, s.ids[3]), BK_CONFIRMED);
	booking_series_free(&s);
}

static void test_move_one_occurrence_is_an_exception_the_rest_untouched(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;

	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-15", false, &s));
	EXPECT(HD_OK, booking_move(t->db, &t->who, VIA_DIRECT, s.ids[1], when("2026-12-02 14:00"),
				   when("2026-12-02 15:00"), 0, &err));
	assert_int_equal(exception_of(t, s.ids[1]), 1);
	assert_int_equal(series_of(t, s.ids[1]), s.ids[0]);
	assert_int_equal((long long)start_of(t, s.ids[2]),
			 (long long)clock_local_time("2026-12-08", 600));
	booking_series_free(&s);
}

static void test_later_dates_of_a_series_move_beyond_the_booking_window(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;

	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-22", false, &s));
	EXPECT(HD_OK, booking_move(t->db, &t->who, VIA_DIRECT, s.ids[4], when("2026-12-23 10:00"),
				   when("2026-12-23 11:00"), 0, &err));
	EXPECT(HD_REFUSED,
	       booking_move(t->db, &t->who, VIA_DIRECT, s.ids[0], when("2026-12-09 10:00"),
			    when("2026-12-09 11:00"), 0, &err));
	booking_series_free(&s);
}

static void test_cancel_following_cancels_this_and_later_not_earlier_or_changed(void **state)
{
	struct tdb *t = *state;
	struct booking_series s, gone;

	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-22", false, &s));
	EXPECT(HD_OK, booking_move(t->db, &t->who, VIA_DIRECT, s.ids[3], when("2026-12-16 14:00"),
				   when("2026-12-16 15:00"), 0, &err));
	EXPECT(HD_OK, booking_cancel_following(t->db, &t->who, VIA_DIRECT, s.ids[1], &gone, &err));
	assert_int_equal(gone.n, 3);
	assert_int_equal(state_of(t, s.ids[0]), BK_CONFIRMED);
	assert_int_equal(state_of(t, s.ids[1]), BK_CANCELLED);
	assert_int_equal(state_of(t, s.ids[2]), BK_CANCELLED);
	assert_int_equal(state_of(t, s.ids[3]), BK_CONFIRMED); /* moved on its own: kept */
	assert_int_equal(state_of(t, s.ids[4]), BK_CANCELLED);
	booking_series_free(&gone);
	booking_series_free(&s);
}

static void test_move_following_splits_the_series(void **state)
{
	struct tdb *t = *state;
	struct booking_series s, moved;
	bool already;

	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-22", false, &s));
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, s.ids[3], &already, &err));
	/* From the second date on: Wednesdays 14:00-16:00. */
	EXPECT(HD_OK, booking_move_following(t->db, &t->who, VIA_DIRECT, s.ids[1],
					     when("2026-12-02 14:00"), when("2026-12-02 16:00"), 0,
					     &moved, &err));
	assert_int_equal(moved.n, 3);
	assert_int_equal(moved.ids[0], s.ids[1]);
	assert_int_equal((long long)start_of(t, s.ids[0]),
			 (long long)clock_local_time(NOV(24), 600));
	assert_int_equal(series_of(t, s.ids[0]), s.ids[0]);
	assert_int_equal((long long)start_of(t, s.ids[1]),
			 (long long)clock_local_time("2026-12-02", 840));
	assert_int_equal((long long)start_of(t, s.ids[2]),
			 (long long)clock_local_time("2026-12-09", 840));
	assert_int_equal((long long)start_of(t, s.ids[4]),
			 (long long)clock_local_time("2026-12-23", 840));
	assert_int_equal(series_of(t, s.ids[1]), s.ids[1]);
	assert_int_equal(series_of(t, s.ids[4]), s.ids[1]);
	/* The cancelled date stays cancelled where it was. */
	assert_int_equal(state_of(t, s.ids[3]), BK_CANCELLED);
	assert_int_equal((long long)start_of(t, s.ids[3]),
			 (long long)clock_local_time("2026-12-15", 600));
	booking_series_free(&moved);
	booking_series_free(&s);
}

static void test_move_following_a_week_later_onto_its_own_dates(void **state)
{
	struct tdb *t = *state;
	struct booking_series s, moved;

	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-15", false, &s));
	EXPECT(HD_OK, booking_move_following(t->db, &t->who, VIA_DIRECT, s.ids[0],
					     when("2026-12-01 10:00"), when("2026-12-01 11:00"), 0,
					     &moved, &err));
	assert_int_equal(moved.n, 4);
	assert_int_equal((long long)start_of(t, s.ids[3]),
			 (long long)clock_local_time("2026-12-22", 600));
	booking_series_free(&moved);
	booking_series_free(&s);
}

static void test_move_following_refused_on_one_date_moves_nothing(void **state)
{
	struct tdb *t = *state;
	struct booking_series s, moved;
	long long other;

	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-15", false, &s));
	EXPECT(HD_OK, book_org(t, "3", "2", "2026-12-01", "14:00", "15:00", &other, &err));
	EXPECT(HD_REFUSED, booking_move_following(t->db, &t->who, VIA_DIRECT, s.ids[0],
						  when("2026-11-24 14:00"),
						  when("2026-11-24 15:00"), 0, &moved, &err));
	assert_non_null(strstr(err.msg, "2026-12-01"));
	assert_int_equal(moved.n, 0);
	assert_int_equal((long long)start_of(t, s.ids[0]),
			 (long long)clock_local_time(NOV(24), 600));
	assert_int_equal(series_of(t, s.ids[2]), s.ids[0]);
	booking_series_free(&s);
}

static void test_the_receipt_of_a_series_checks_in_the_date_open_now(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;
	time_t last;
	int count;

	EXPECT(HD_OK, weekly(t, "1", "10:00", "11:00", "2026-12-15", false, &s));
	booking_series_span(t->db, s.ids[0], &count, &last);
	assert_int_equal(count, 4);
	assert_int_equal((long long)last, (long long)clock_local_time("2026-12-15", 600));
	at("2026-12-08", "09:50");
	assert_int_equal(booking_series_now(t->db, s.ids[0]), s.ids[2]);
	at("2026-12-08", "12:00");
	assert_int_equal(booking_series_now(t->db, s.ids[0]), s.ids[0]);
	booking_series_free(&s);
}

static void test_quota_counts_each_week_of_a_series_on_its_own(void **state)
{
	struct tdb *t = *state;
	struct booking_series s;
	long long id;

	set(t, SET_BOOKING_QUOTA_HOURS_WEEK, "4");
	EXPECT(HD_OK, book_org(t, "2", "1", "2026-12-03", "14:00", "16:00", &id, &err));
	EXPECT(HD_REFUSED, weekly(t, "1", "10:00", "13:00", "2026-12-15", false, &s));
	assert_int_equal(s.nmissed, 1);
	assert_non_null(strstr(s.missed[0].why, "4"));
	booking_series_free(&s);
	EXPECT(HD_OK, weekly(t, "1", "10:00", "13:00", "2026-12-15", true, &s));
	assert_int_equal(s.n, 3);
	booking_series_free(&s);
}

/* Team 3 books room 3 every Tuesday from..to until the date until, at the
 * desk: every date waits for staff. */
static enum hd_status team_weekly(struct tdb *t, const char *from, const char *to,
				  const char *until, struct booking_series *s)
{
	struct hd_actor desk = actor_desk("前台");
	char start[40], end[40];
	struct booking_draft d;

	snprintf(start, sizeof(start), "%s %s", NOV(24), from);
	snprintf(end, sizeof(end), "%s %s", NOV(24), to);
	d = (struct booking_draft){ .room = 3,
				    .start = start,
				    .end = end,
				    .attendees = REC_NUM(5),
				    .purpose = "舞蹈排练",
				    .booker = { BOOKER_TEAM, 3 } };
	return booking_add_weekly(t->db, &desk, VIA_DIRECT, &d, clock_day_of(until), false, s,
				  &err);
}

static void test_approve_series_approves_every_waiting_date_at_once(void **state)
{
	struct tdb *t = *state;
	struct booking_series s, done;
	int i;

	EXPECT(HD_OK, team_weekly(t, "10:00", "11:00", "2026-12-15", &s));
	assert_int_equal(s.n, 4);
	assert_int_equal(booking_series_waiting(t->db, s.ids[2]), 4);
	EXPECT(HD_OK, booking_approve_series(t->db, &t->who, s.ids[2], &done, &err));
	assert_int_equal(done.n, 4);
	for (i = 0; i < s.n; i++) {
		assert_int_equal(done.ids[i], s.ids[i]);
		assert_int_equal(state_of(t, s.ids[i]), BK_CONFIRMED);
	}
	assert_int_equal(tdb_int(t->db,
				 "SELECT count(*) FROM audit WHERE action = 'booking.approve'"),
			 4);
	assert_int_equal(booking_series_waiting(t->db, s.ids[2]), 1);
	booking_series_free(&done);
	EXPECT(HD_OK, booking_approve_series(t->db, &t->who, s.ids[2], &done, &err));
	assert_int_equal(done.n, 0);
	booking_series_free(&done);
	booking_series_free(&s);
}

static void test_approve_series_leaves_decided_dates_and_other_series(void **state)
{
	struct tdb *t = *state;
	struct booking_series s, other, done;
	bool already;

	EXPECT(HD_OK, team_weekly(t, "10:00", "11:00", "2026-12-15", &s));
	EXPECT(HD_OK, team_weekly(t, "14:00", "15:00", "2026-12-08", &other));
	EXPECT(HD_OK, booking_reject(t->db, &t->who, s.ids[1], "场地维修", &already, &err));
	assert_int_equal(booking_series_waiting(t->db, s.ids[0]), 3);
	EXPECT(HD_OK, booking_approve_series(t->db, &t->who, s.ids[0], &done, &err));
	assert_int_equal(done.n, 3);
	assert_int_equal(state_of(t, s.ids[1]), BK_REJECTED);
	assert_int_equal(state_of(t, other.ids[0]), BK_PENDING);
	assert_int_equal(state_of(t, other.ids[2]), BK_PENDING);
	booking_series_free(&done);
	booking_series_free(&other);
	booking_series_free(&s);
}

static void test_approve_series_of_a_decided_date_or_by_the_desk_approves_nothing(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	struct booking_series s, done;
	bool already;

	EXPECT(HD_OK, team_weekly(t, "10:00", "11:00", "2026-12-08", &s));
	EXPECT(HD_REFUSED, booking_approve_series(t->db, &desk, s.ids[0], &done, &err));
	EXPECT(HD_OK, booking_reject(t->db, &t->who, s.ids[0], "场地维修", &already, &err));
	EXPECT(HD_REFUSED, booking_approve_series(t->db, &t->who, s.ids[0], &done, &err));
	assert_int_equal(done.n, 0);
	assert_int_equal(state_of(t, s.ids[1]), BK_PENDING);
	assert_int_equal(state_of(t, s.ids[2]), BK_PENDING);
	EXPECT(HD_NOT_FOUND, booking_approve_series(t->db, &t->who, 999, &done, &err));
	booking_series_free(&s);
}

#define T(f) cmocka_unit_test_setup_teardown(f, demo_setup, tdb_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_weekly_books_one_linked_row_per_week),
		T(test_until_the_first_date_is_one_occurrence),
		T(test_until_before_the_first_date_is_bad_input),
		T(test_series_runs_at_most_series_weeks),
		T(test_only_the_first_date_keeps_the_booking_window),
		T(test_a_refused_date_refuses_the_series_naming_every_date),
		T(test_skip_conflicts_books_only_the_free_dates),
		T(test_skipped_dates_are_kept_with_the_series),
		T(test_skip_conflicts_with_no_free_date_is_refused),
		T(test_cancel_one_occurrence_is_an_exception_the_rest_untouched),
		T(test_move_one_occurrence_is_an_exception_the_rest_untouched),
		T(test_later_dates_of_a_series_move_beyond_the_booking_window),
		T(test_cancel_following_cancels_this_and_later_not_earlier_or_changed),
		T(test_move_following_splits_the_series),
		T(test_move_following_a_week_later_onto_its_own_dates),
		T(test_move_following_refused_on_one_date_moves_nothing),
		T(test_the_receipt_of_a_series_checks_in_the_date_open_now),
		T(test_quota_counts_each_week_of_a_series_on_its_own),
		T(test_approve_series_approves_every_waiting_date_at_once),
		T(test_approve_series_leaves_decided_dates_and_other_series),
		T(test_approve_series_of_a_decided_date_or_by_the_desk_approves_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
