/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_booking.c - the rules of room bookings, each with its edges, on the
 * demo data (rooms 1-8, organisations 1-12, teams 1-12) with HUBDESK_NOW
 * at Monday 2026-11-23 09:00. */
#include "bookingutil.h"

#include "core/booking_rules.h"
#include "core/team.h"

static void test_valid_booking_is_confirmed_and_audited(void **state)
{
	struct tdb *t = *state;
	struct booking b;
	long long id;
	char sql[128];

	EXPECT(HD_OK, book(t, &t->who, "2", "1", NULL, NOV(24), "10:00", "12:00", "10", &id, &err));
	assert_true(id > 0);
	EXPECT(HD_OK, booking_get(t->db, id, &b, &err));
	assert_int_equal(b.state, BK_CONFIRMED);
	assert_string_equal(booking_state_word(b.state), "confirmed");
	assert_int_equal(b.room_id, 2);
	assert_int_equal(b.org_id, 1);
	assert_int_equal(b.team_id, 0);
	assert_int_equal(b.attendees, 10);
	assert_int_equal((long long)b.start, (long long)clock_local_time(NOV(24), 600));
	assert_int_equal((long long)b.end, (long long)clock_local_time(NOV(24), 720));
	assert_string_equal(b.room, "二楼会议室A");
	assert_string_equal(b.booker, "浦东新区阳光社工服务社");
	assert_false(b.late_cancel);
	assert_false(b.noshow);
	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM audit WHERE action = 'booking.add' AND "
		 "record_id = %lld",
		 id);
	assert_int_equal(tdb_int(t->db, sql), 1);
}

static void test_start_or_end_off_the_half_hour_grid_is_refused(void **state)
{
	struct tdb *t = *state;
	long long id;

	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(24), "10:15", "12:00", &id, &err));
	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(24), "10:00", "11:45", &id, &err));
	assert_int_equal(count_bookings(t), 0);
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:30", "11:30", &id, &err));
}

static void test_end_not_after_start_is_bad_input(void **state)
{
	struct tdb *t = *state;
	long long id;

	EXPECT(HD_BAD_INPUT, book_org(t, "2", "1", NOV(24), "10:00", "10:00", &id, &err));
	EXPECT(HD_BAD_INPUT, book_org(t, "2", "1", NOV(24), "11:00", "10:00", &id, &err));
	assert_int_equal(count_bookings(t), 0);
}

static void test_malformed_date_is_bad_input(void **state)
{
	struct tdb *t = *state;
	long long id;

	EXPECT(HD_BAD_INPUT, book_org(t, "2", "1", NOV(31), "10:00", "11:00", &id, &err));
	EXPECT(HD_BAD_INPUT, book_org(t, "2", "1", "tomorrow", "10:00", "11:00", &id, &err));
	EXPECT(HD_BAD_INPUT, book_org(t, "2", "1", NOV(24), "25:00", "26:00", &id, &err));
	assert_int_equal(count_bookings(t), 0);
}

static void test_unknown_room_is_not_found(void **state)
{
	struct tdb *t = *state;
	long long id;

	EXPECT(HD_NOT_FOUND, book_org(t, "99", "1", NOV(24), "10:00", "11:00", &id, &err));
	assert_int_equal(count_bookings(t), 0);
}

static void test_booker_must_be_one_org_or_one_team(void **state)
{
	struct tdb *t = *state;
	long long id;

	EXPECT(HD_BAD_INPUT,
	       book(t, &t->who, "2", "1", "1", NOV(24), "10:00", "11:00", "5", &id, &err));
	EXPECT(HD_BAD_INPUT,
	       book(t, &t->who, "2", NULL, NULL, NOV(24), "10:00", "11:00", "5", &id, &err));
	EXPECT(HD_BAD_INPUT,
	       book(t, &t->who, "2", "", "", NOV(24), "10:00", "11:00", "5", &id, &err));
	assert_int_equal(count_bookings(t), 0);
}

static void test_the_booker_is_read_once_as_an_organisation_or_a_team(void **state)
{
	struct booking_draft d = { .room = 2, .start = NOV(24) " 10:00", .end = NOV(24) " 11:00" };
	struct tdb *t = *state;
	struct booker b;
	long long id;

	EXPECT(HD_OK, booking_booker_read("3", NULL, &b, &err));
	assert_int_equal(b.kind, BOOKER_ORG);
	assert_int_equal(b.id, 3);
	EXPECT(HD_OK, booking_booker_read("", " 4 ", &b, &err));
	assert_int_equal(b.kind, BOOKER_TEAM);
	assert_int_equal(b.id, 4);
	EXPECT(HD_OK, booking_booker_read(NULL, NULL, &b, &err));
	assert_int_equal(b.kind, BOOKER_NONE);
	EXPECT(HD_BAD_INPUT, booking_booker_read("1", "1", &b, &err));
	assert_string_equal(err.msg, "Booker: give an organisation or a team, one of them");
	EXPECT(HD_BAD_INPUT, booking_booker_read("abc", NULL, &b, &err));
	assert_string_equal(err.field, "Organisation");
	/* No booker said: core refuses with the same words. */
	EXPECT(HD_BAD_INPUT, booking_add(t->db, &t->who, VIA_DIRECT, &d, &id, &err));
	assert_string_equal(err.msg, "Booker: give an organisation or a team, one of them");
	d.booker = (struct booker){ BOOKER_TEAM, 999 };
	EXPECT(HD_NOT_FOUND, booking_add(t->db, &t->who, VIA_DIRECT, &d, &id, &err));
	assert_int_equal(count_bookings(t), 0);
}

static void test_outside_opening_hours_is_refused(void **state)
{
	struct tdb *t = *state;
	long long id;

	EXPECT(HD_REFUSED, book_org(t, "6", "1", NOV(24), "08:30", "09:30", &id, &err));
	EXPECT(HD_OK, book_org(t, "6", "1", NOV(24), "09:00", "10:00", &id, &err));
	EXPECT(HD_REFUSED, book_org(t, "6", "2", NOV(24), "17:30", "18:30", &id, &err));
	EXPECT(HD_OK, book_org(t, "6", "2", NOV(24), "17:30", "18:00", &id, &err));
}

static void test_last_slot_before_closing_is_allowed(void **state)
{
	struct tdb *t = *state;
	long long id;

	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(24), "20:30", "21:30", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "20:30", "21:00", &id, &err));
}

static void test_closed_weekday_is_refused(void **state)
{
	struct tdb *t = *state;
	long long id;

	set(t, SET_CLOSED_WEEKDAYS, "2");
	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(24), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(25), "10:00", "11:00", &id, &err));
}

/* 调休: a working day opens one date of a weekday closed every week; the
 * other weeks stay closed, a weekday open anyway needs none, and a desk
 * may not make one. */
static void test_working_day_opens_a_closed_weekday_once(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("d");
	long long id, open;
	long day;

	set(t, SET_CLOSED_WEEKDAYS, "2");
	EXPECT(HD_REFUSED, closure_open_day(t->db, &desk, tday(NOV(24)), "调休", &open, &err));
	EXPECT(HD_REFUSED, closure_open_day(t->db, &t->who, tday(NOV(25)), "调休", &open, &err));
	EXPECT(HD_BAD_INPUT, clock_parse_day("2026-11-31", "Date", &day, &err));
	EXPECT(HD_BAD_INPUT, closure_open_day(t->db, &t->who, tday(NOV(24)), "", &open, &err));
	assert_true(closure_weekday_closes(t->db, tday(NOV(24))));
	EXPECT(HD_OK, closure_open_day(t->db, &t->who, tday(NOV(24)), "调休上班", &open, &err));
	assert_false(closure_weekday_closes(t->db, tday(NOV(24))));
	assert_true(closure_weekday_closes(t->db, tday("2026-12-01")));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "11:00", &id, &err));
	EXPECT(HD_REFUSED, book_org(t, "2", "1", "2026-12-01", "10:00", "11:00", &id, &err));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'closure.open'"),
			 1);
}

static void test_centre_closure_is_refused(void **state)
{
	struct tdb *t = *state;
	long long id, cid;

	EXPECT(HD_OK,
	       closure_add(t->db, &t->who, tday(NOV(25)), tday(NOV(26)), "设备检修", &cid, &err));
	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(25), "10:00", "11:00", &id, &err));
	EXPECT(HD_REFUSED, book_org(t, "5", "1", NOV(26), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(27), "10:00", "11:00", &id, &err));
}

static void test_room_closure_overlapping_is_refused(void **state)
{
	struct tdb *t = *state;
	long long id, cid;

	EXPECT(HD_OK, room_close(t->db, &t->who, 2, tat("2026-11-24 09:00"),
				 tat("2026-11-24 11:00"), "换地毯", &cid, &err));
	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(24), "10:00", "12:00", &id, &err));
	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(24), "08:00", "09:30", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "11:00", "12:00", &id, &err));
	EXPECT(HD_OK, book_org(t, "3", "1", NOV(24), "09:00", "11:00", &id, &err));
}

static void test_start_in_the_past_is_refused(void **state)
{
	struct tdb *t = *state;
	long long id;

	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(23), "08:00", "09:00", &id, &err));
	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(20), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "11:00", &id, &err));
}

static void test_booking_window_ends_days_ahead(void **state)
{
	struct tdb *t = *state;
	long long id;

	set(t, SET_BOOKING_DAYS_AHEAD, "14");
	EXPECT(HD_OK, book_org(t, "2", "1", "2026-12-07", "20:00", "21:00", &id, &err));
	EXPECT(HD_REFUSED, book_org(t, "2", "1", "2026-12-08", "08:00", "09:00", &id, &err));
}

static void test_longer_than_max_hours_is_refused(void **state)
{
	struct tdb *t = *state;
	long long id;

	set(t, SET_BOOKING_MAX_HOURS, "4");
	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(24), "10:00", "14:30", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "14:00", &id, &err));
}

static void test_attendees_over_capacity_refused_and_zero_bad_input(void **state)
{
	struct tdb *t = *state;
	long long id;

	EXPECT(HD_REFUSED, book_people(t, "13", &id, &err));
	EXPECT(HD_BAD_INPUT, book_people(t, "0", &id, &err));
	EXPECT(HD_BAD_INPUT, book_people(t, "十人", &id, &err));
	assert_int_equal(count_bookings(t), 0);
	EXPECT(HD_OK, book_people(t, "12", &id, &err));
}

static void test_touching_bookings_are_allowed(void **state)
{
	struct tdb *t = *state;
	long long a, b;

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "11:00", &a, &err));
	EXPECT(HD_OK, book_org(t, "2", "2", NOV(24), "11:00", "12:00", &b, &err));
	EXPECT(HD_OK, book_org(t, "2", "3", NOV(24), "09:00", "10:00", &b, &err));
}

static void test_overlap_is_refused_naming_the_booking_in_the_way(void **state)
{
	struct tdb *t = *state;
	long long first, id;
	char idtext[24];

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "12:00", &first, &err));
	EXPECT(HD_REFUSED, book_org(t, "2", "2", NOV(24), "11:00", "13:00", &id, &err));
	snprintf(idtext, sizeof(idtext), "%lld", first);
	if (!strstr(err.msg, idtext) && !strstr(err.msg, "阳光社工"))
		fail_msg("the message names neither booking %s nor its booker: %s", idtext,
			 err.msg);
	EXPECT(HD_REFUSED, book_org(t, "2", "2", NOV(24), "09:00", "13:00", &id, &err));
	EXPECT(HD_REFUSED, book_org(t, "2", "2", NOV(24), "10:30", "11:00", &id, &err));
	assert_int_equal(count_bookings(t), 1);
}

/* A write around the rules: the triggers refuse an overlapping active
 * booking, a move onto one, and an active booking that holds its room for a
 * day or more (the overlap triggers only look a day back). */
static void test_triggers_refuse_overlaps_whatever_writes_them(void **state)
{
	struct tdb *t = *state;
	long long first, other;
	char sql[512];
	time_t s = clock_local_time(NOV(24), 600);

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "12:00", &first, &err));
	EXPECT(HD_OK, book_org(t, "2", "2", NOV(24), "14:00", "15:00", &other, &err));
	snprintf(sql, sizeof(sql),
		 "INSERT INTO booking(room_id, org_id, start, \"end\", hold_end, state, created, updated)"
		 " VALUES (2, 3, %lld, %lld, %lld, 'confirmed', 0, 0)",
		 (long long)s + 3600, (long long)s + 7200 + 3600, (long long)s + 7200 + 3600);
	assert_false(tdb_exec(t->db, sql));
	snprintf(sql, sizeof(sql), "UPDATE booking SET start = %lld WHERE id = %lld",
		 (long long)s + 1800, other);
	assert_false(tdb_exec(t->db, sql));
	snprintf(sql, sizeof(sql),
		 "INSERT INTO booking(room_id, org_id, start, \"end\", hold_end, state, created, updated)"
		 " VALUES (3, 3, %lld, %lld, %lld, 'confirmed', 0, 0)",
		 (long long)s - 86400 * 3, (long long)s - 86400 * 2, (long long)s - 86400 * 2);
	assert_false(tdb_exec(t->db, sql));
	/* A cancelled row may lie anywhere: it holds nothing. */
	snprintf(sql, sizeof(sql),
		 "INSERT INTO booking(room_id, org_id, start, \"end\", hold_end, state, created, updated)"
		 " VALUES (2, 3, %lld, %lld, %lld, 'cancelled', 0, 0)",
		 (long long)s, (long long)s + 3600, (long long)s + 3600);
	assert_true(tdb_exec(t->db, sql));
	assert_int_equal(count_bookings(t), 3);
}

/* Past the rules (as when another desk wrote first): the triggers' refusal
 * of an insert or a move is the room taken; a write they let through gives
 * the new booking's id. */
static void test_a_write_the_triggers_refuse_is_the_room_taken(void **state)
{
	struct tdb *t = *state;
	struct booking_draft d = { .room = 2, .booker = { BOOKER_ORG, 3 } };
	struct booking_plan p;
	struct booking b;
	long long first, other, id = 0;
	time_t s = clock_local_time(NOV(24), 600);

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "12:00", &first, &err));
	EXPECT(HD_OK, book_org(t, "2", "2", NOV(24), "14:00", "15:00", &other, &err));
	EXPECT(HD_OK, plan_read_at(t->db, &d, s + 3600, s + 7200, &p, &err));
	EXPECT(HD_OK, db_begin(t->db, &err));
	EXPECT(HD_REFUSED, plan_insert(t->db, &t->who, &p, 0, &id, &err));
	assert_non_null(strstr(err.msg, "taken"));
	EXPECT(HD_OK, booking_get(t->db, other, &b, &err));
	EXPECT(HD_OK, booking_plan_of(t->db, &b, s + 1800, s + 5400, 0, &p, &err));
	EXPECT(HD_REFUSED, booking_place(t->db, other, &p, 0, &err));
	assert_non_null(strstr(err.msg, "taken"));
	EXPECT(HD_OK, plan_read_at(t->db, &d, s + 7200 * 3, s + 7200 * 3 + 3600, &p, &err));
	EXPECT(HD_OK, plan_insert(t->db, &t->who, &p, 0, &id, &err));
	assert_int_equal(id, tdb_int(t->db, "SELECT max(id) FROM booking"));
	assert_true(id > other);
	EXPECT(HD_OK, db_commit(t->db, &err));
	assert_int_equal(count_bookings(t), 3);
}

static void test_room_buffer_keeps_a_gap_after_a_booking(void **state)
{
	struct tdb *t = *state;
	long long a, b;

	EXPECT(HD_OK, book_org(t, "1", "1", NOV(24), "10:00", "11:00", &a, &err));
	EXPECT(HD_REFUSED, book_org(t, "1", "2", NOV(24), "11:00", "12:00", &b, &err));
	EXPECT(HD_OK, book_org(t, "1", "2", NOV(24), "11:30", "12:30", &b, &err));
	/* and before: a booking ending 10:00 leaves no buffer before 10:00 */
	EXPECT(HD_REFUSED, book_org(t, "1", "3", NOV(24), "09:00", "10:00", &b, &err));
	EXPECT(HD_OK, book_org(t, "1", "3", NOV(24), "08:30", "09:30", &b, &err));
}

static void test_weekly_quota_allows_up_to_its_hours(void **state)
{
	struct tdb *t = *state;
	long long a, b, id;
	bool already;

	set(t, SET_BOOKING_QUOTA_HOURS_WEEK, "8");
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "14:00", &a, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(25), "10:00", "14:00", &b, &err));
	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(26), "10:00", "10:30", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "2", NOV(26), "10:00", "10:30", &id, &err));
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, b, &already, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(26), "11:00", "11:30", &id, &err));
}

static void test_quota_week_runs_monday_to_sunday(void **state)
{
	struct tdb *t = *state;
	long long id;

	set(t, SET_BOOKING_QUOTA_HOURS_WEEK, "8");
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(28), "10:00", "14:00", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(29), "10:00", "14:00", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(30), "10:00", "14:00", &id, &err));
	EXPECT(HD_REFUSED, book_org(t, "3", "1", NOV(29), "15:00", "15:30", &id, &err));
	EXPECT(HD_OK, book_org(t, "3", "1", "2026-12-01", "10:00", "14:00", &id, &err));
}

static void test_quota_zero_means_no_quota(void **state)
{
	struct tdb *t = *state;
	long long id;

	set(t, SET_BOOKING_QUOTA_HOURS_WEEK, "0");
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "14:00", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(25), "10:00", "14:00", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(26), "10:00", "14:00", &id, &err));
}

static void test_only_filed_or_classified_teams_may_book(void **state)
{
	struct tdb *t = *state;
	long long id;

	EXPECT(HD_REFUSED,
	       book_team(t, &t->who, "2", "7", NOV(24), "10:00", "11:00", &id, &err)); /* applied */
	EXPECT(HD_REFUSED, book_team(t, &t->who, "2", "6", NOV(24), "10:00", "11:00", &id,
				     &err)); /* reviewed */
	EXPECT(HD_REFUSED, book_team(t, &t->who, "2", "11", NOV(24), "10:00", "11:00", &id,
				     &err)); /* deregistered */
	EXPECT(HD_NOT_FOUND,
	       book_team(t, &t->who, "2", "99", NOV(24), "10:00", "11:00", &id, &err));
	assert_int_equal(count_bookings(t), 0);
	EXPECT(HD_OK,
	       book_team(t, &t->who, "2", "3", NOV(24), "10:00", "11:00", &id, &err)); /* filed */
	EXPECT(HD_OK, book_team(t, &t->who, "2", "1", NOV(24), "11:00", "12:00", &id,
				&err)); /* classified */
}

static void test_team_booking_by_volunteer_is_pending_by_command_line_confirmed(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	long long a, b;

	EXPECT(HD_OK, book_team(t, &desk, "2", "3", NOV(24), "10:00", "11:00", &a, &err));
	assert_int_equal(state_of(t, a), BK_PENDING);
	EXPECT(HD_OK, book_team(t, &t->who, "2", "1", NOV(24), "11:00", "12:00", &b, &err));
	assert_int_equal(state_of(t, b), BK_CONFIRMED);
	/* an organisation's booking at the desk needs no approval */
	EXPECT(HD_OK, book(t, &desk, "3", "1", NULL, NOV(24), "10:00", "11:00", "5", &b, &err));
	assert_int_equal(state_of(t, b), BK_CONFIRMED);
}

static void test_staff_approve_or_reject_pending_team_bookings(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	long long a, b;
	bool already;

	EXPECT(HD_OK, book_team(t, &desk, "2", "3", NOV(24), "10:00", "11:00", &a, &err));
	EXPECT(HD_OK, book_team(t, &desk, "2", "3", NOV(24), "14:00", "15:00", &b, &err));
	EXPECT(HD_REFUSED, booking_approve(t->db, &desk, a, &already, &err));
	EXPECT(HD_OK, booking_approve(t->db, &t->who, a, &already, &err));
	assert_false(already);
	assert_int_equal(state_of(t, a), BK_CONFIRMED);
	EXPECT(HD_OK, booking_approve(t->db, &t->who, a, &already, &err));
	assert_true(already);
	EXPECT(HD_REFUSED, booking_reject(t->db, &t->who, a, "改期", &already, &err));
	EXPECT(HD_BAD_INPUT, booking_reject(t->db, &t->who, b, "", &already, &err));
	EXPECT(HD_OK, booking_reject(t->db, &t->who, b, "时间冲突", &already, &err));
	assert_int_equal(state_of(t, b), BK_REJECTED);
	/* A rejected booking frees its slot. */
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "14:00", "15:00", &b, &err));
}

static void test_pending_booking_holds_its_slot_and_lapses_at_its_start(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	long long p, id;
	bool already;
	time_t when;

	EXPECT(HD_OK, book_team(t, &desk, "2", "3", NOV(24), "10:00", "11:00", &p, &err));
	EXPECT(HD_REFUSED, book_org(t, "2", "1", NOV(24), "10:30", "11:30", &id, &err));
	at(NOV(24), "09:50");
	EXPECT(HD_REFUSED, booking_checkin(t->db, &t->who, VIA_DIRECT, p, &already, &when, &err));
	at(NOV(24), "09:59");
	assert_int_equal(state_of(t, p), BK_PENDING);
	at(NOV(24), "10:00");
	assert_int_equal(state_of(t, p), BK_LAPSED);
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:30", "11:00", &id, &err));
}

static void test_organisation_past_its_residence_term_is_refused(void **state)
{
	struct tdb *t = *state;
	long long id;

	EXPECT(HD_REFUSED, book_org(t, "2", "4", NOV(24), "10:00", "11:00", &id, &err));
	assert_int_equal(count_bookings(t), 0);
	EXPECT(HD_OK, book_org(t, "2", "5", NOV(24), "10:00", "11:00", &id, &err));
}

static void test_checkin_opens_checkin_minutes_before_the_start(void **state)
{
	struct tdb *t = *state;
	long long id;
	bool already;
	time_t when;

	set(t, SET_BOOKING_CHECKIN_MINUTES, "15");
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "11:00", &id, &err));
	at(NOV(23), "09:44");
	EXPECT(HD_REFUSED, booking_checkin(t->db, &t->who, VIA_DIRECT, id, &already, &when, &err));
	assert_int_equal(state_of(t, id), BK_CONFIRMED);
	at(NOV(23), "09:45");
	EXPECT(HD_OK, booking_checkin(t->db, &t->who, VIA_DIRECT, id, &already, &when, &err));
	assert_false(already);
	assert_int_equal(state_of(t, id), BK_CHECKED_IN);
	at(NOV(23), "10:30");
	assert_int_equal(state_of(t, id), BK_CHECKED_IN);
}

/* A booker at the desk on the wrong day hears which day, not only the hours. */
static void test_checkin_refusal_names_the_day_and_the_window(void **state)
{
	struct tdb *t = *state;
	long long id;
	bool already;
	time_t when;

	set(t, SET_BOOKING_CHECKIN_MINUTES, "15");
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "11:00", &id, &err));
	at(NOV(23), "10:00");
	EXPECT(HD_REFUSED, booking_checkin(t->db, &t->who, VIA_DIRECT, id, &already, &when, &err));
	assert_string_equal(err.msg,
			    "Check-in for booking 1 is open on 24 Nov from 09:45 to 10:15 only.");
	assert_int_equal(state_of(t, id), BK_CONFIRMED);
}

static void test_checkin_closes_checkin_minutes_after_the_start(void **state)
{
	struct tdb *t = *state;
	long long a, b;
	bool already;
	time_t when;

	set(t, SET_BOOKING_CHECKIN_MINUTES, "15");
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "11:00", &a, &err));
	EXPECT(HD_OK, book_org(t, "3", "2", NOV(23), "10:00", "11:00", &b, &err));
	at(NOV(23), "10:15");
	EXPECT(HD_OK, booking_checkin(t->db, &t->who, VIA_DIRECT, a, &already, &when, &err));
	at(NOV(23), "10:16");
	EXPECT(HD_REFUSED, booking_checkin(t->db, &t->who, VIA_DIRECT, b, &already, &when, &err));
	assert_int_equal(state_of(t, a), BK_CHECKED_IN);
}

static void test_second_checkin_is_already_with_its_time(void **state)
{
	struct tdb *t = *state;
	long long id;
	bool already;
	time_t when;

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "11:00", &id, &err));
	at(NOV(23), "09:50");
	EXPECT(HD_OK, booking_checkin(t->db, &t->who, VIA_DIRECT, id, &already, &when, &err));
	assert_false(already);
	at(NOV(23), "09:55");
	EXPECT(HD_OK, booking_checkin(t->db, &t->who, VIA_DIRECT, id, &already, &when, &err));
	assert_true(already);
	assert_int_equal((long long)when, (long long)clock_local_time(NOV(23), 9 * 60 + 50));
}

static void test_checkin_of_cancelled_booking_is_refused(void **state)
{
	struct tdb *t = *state;
	long long id;
	bool already;
	time_t when;

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, id, &already, &err));
	at(NOV(23), "09:50");
	EXPECT(HD_REFUSED, booking_checkin(t->db, &t->who, VIA_DIRECT, id, &already, &when, &err));
	assert_int_equal(state_of(t, id), BK_CANCELLED);
}

static void test_noshow_reads_released_at_once_without_maintenance(void **state)
{
	struct tdb *t = *state;
	struct booking b, *day = NULL;
	long long id;
	int n = 0;

	set(t, SET_BOOKING_CHECKIN_MINUTES, "15");
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "11:00", &id, &err));
	at(NOV(23), "10:15");
	assert_int_equal(state_of(t, id), BK_CONFIRMED);
	at(NOV(23), "10:16");
	EXPECT(HD_OK, booking_get(t->db, id, &b, &err));
	assert_int_equal(b.state, BK_RELEASED);
	assert_true(b.noshow);
	EXPECT(HD_OK, booking_day(t->db, tday(NOV(23)), 2, &day, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(day[0].state, BK_RELEASED);
	free(day);
}

static void test_released_slot_can_be_booked_again_at_once(void **state)
{
	struct tdb *t = *state;
	long long id, next;
	char sql[128];

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "11:00", &id, &err));
	at(NOV(23), "10:16");
	EXPECT(HD_OK, book_org(t, "2", "2", NOV(23), "10:30", "11:00", &next, &err));
	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM booking WHERE id = %lld AND state = "
		 "'released' AND noshow = 1",
		 id);
	assert_int_equal(tdb_int(t->db, sql), 1);
	assert_int_equal(state_of(t, next), BK_CONFIRMED);
}

static void test_release_due_counts_noshows_and_lapses_pending(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	long long id, p;
	int released = -1;

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, book_team(t, &desk, "3", "3", NOV(23), "11:00", "12:00", &p, &err));
	at(NOV(23), "10:15");
	EXPECT(HD_OK, booking_release_due(t->db, &released, &err));
	assert_int_equal(released, 0);
	at(NOV(23), "10:16");
	EXPECT(HD_OK, booking_release_due(t->db, &released, &err));
	assert_int_equal(released, 1);
	EXPECT(HD_OK, booking_release_due(t->db, &released, &err));
	assert_int_equal(released, 0);
	at(NOV(23), "11:00");
	EXPECT(HD_OK, booking_release_due(t->db, &released, &err));
	assert_int_equal(released, 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM booking WHERE state = 'lapsed'"), 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM booking WHERE noshow = 1"), 1);
}

static void test_cancellation_less_than_late_hours_before_is_late(void **state)
{
	struct tdb *t = *state;
	struct booking b;
	long long soon, edge, later;
	bool already;

	set(t, SET_BOOKING_CANCEL_LATE_HOURS, "2");
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "11:00", &soon, &err));
	EXPECT(HD_OK, book_org(t, "3", "1", NOV(23), "11:00", "12:00", &edge, &err));
	EXPECT(HD_OK, book_org(t, "5", "1", NOV(23), "12:00", "13:00", &later, &err));
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, soon, &already, &err));
	assert_false(already);
	EXPECT(HD_OK, booking_get(t->db, soon, &b, &err));
	assert_int_equal(b.state, BK_CANCELLED);
	assert_true(b.late_cancel);
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, edge, &already, &err));
	EXPECT(HD_OK, booking_get(t->db, edge, &b, &err));
	assert_false(b.late_cancel); /* exactly 2 hours is not less than 2 */
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, later, &already, &err));
	EXPECT(HD_OK, booking_get(t->db, later, &b, &err));
	assert_false(b.late_cancel);
	assert_int_equal((long long)b.cancelled_at, (long long)clock_now());
}

static void test_second_cancel_is_already(void **state)
{
	struct tdb *t = *state;
	long long id;
	bool already;

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, id, &already, &err));
	assert_false(already);
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, id, &already, &err));
	assert_true(already);
	EXPECT(HD_NOT_FOUND, booking_cancel(t->db, &t->who, VIA_DIRECT, 999, &already, &err));
}

static void test_noshow_limit_suspends_the_booker_for_suspend_days(void **state)
{
	struct tdb *t = *state;
	long long id;
	int released;
	bool already;

	set(t, SET_BOOKING_NOSHOW_LIMIT, "3");
	set(t, SET_BOOKING_NOSHOW_DAYS, "90");
	set(t, SET_BOOKING_SUSPEND_DAYS, "30");
	EXPECT(HD_OK, book_org(t, "2", "6", NOV(23), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "6", NOV(24), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "6", NOV(25), "10:00", "11:00", &id, &err));
	at(NOV(24), "11:00");
	EXPECT(HD_OK, booking_release_due(t->db, &released, &err));
	EXPECT(HD_OK, book_org(t, "3", "6", NOV(27), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, id, &already, &err));
	at(NOV(25), "11:00");
	EXPECT(HD_OK, booking_release_due(t->db, &released, &err));
	assert_int_equal(tdb_int(t->db,
				 "SELECT count(*) FROM booking WHERE org_id = 6 AND noshow <> 0"),
			 3);
	EXPECT(HD_REFUSED, book_org(t, "2", "6", NOV(26), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, book_org(t, "2", "7", NOV(26), "10:00", "11:00", &id, &err));
	at("2026-12-24", "09:00");
	EXPECT(HD_REFUSED, book_org(t, "2", "6", "2026-12-25", "10:00", "11:00", &id, &err));
	at("2026-12-26", "09:00");
	EXPECT(HD_OK, book_org(t, "2", "6", "2026-12-27", "10:00", "11:00", &id, &err));
}

static void test_late_cancellations_do_not_count_towards_suspension(void **state)
{
	struct tdb *t = *state;
	long long id;
	bool already;

	static const char *const SLOTS[] = { "09:30", "10:00", "10:30", "11:00" };

	set(t, SET_BOOKING_NOSHOW_LIMIT, "3");
	for (int i = 0; i < 3; i++) {
		EXPECT(HD_OK, book_org(t, "2", "6", NOV(23), SLOTS[i], SLOTS[i + 1], &id, &err));
		EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, id, &already, &err));
	}
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM booking WHERE late_cancel <> 0"), 3);
	EXPECT(HD_OK, book_org(t, "2", "6", NOV(24), "10:00", "11:00", &id, &err));
}

#define T(f) cmocka_unit_test_setup_teardown(f, demo_setup, tdb_teardown)

/* Stranded: bookings still to come of a deregistered team, or of an
 * organisation on a local day after the day it left. */
static void test_stranded_bookings_are_after_the_org_left_or_of_a_gone_team(void **state)
{
	struct tdb *t = *state;
	struct booking *all = NULL;
	long long before, on, after, other, team;
	int n = 0;

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(25), "10:00", "11:00", &before, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(26), "20:00", "21:00", &on, &err));
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(27), "08:00", "09:00", &after, &err));
	EXPECT(HD_OK, book_org(t, "2", "2", NOV(27), "10:00", "11:00", &other, &err));
	EXPECT(HD_OK, book_team(t, &t->who, "3", "2", NOV(26), "10:00", "11:00", &team, &err));
	EXPECT(HD_OK, booking_stranded(t->db, &all, &n, &err));
	assert_int_equal(n, 0);
	free(all);
	all = NULL;
	EXPECT(HD_OK, db_exec(t->db, "UPDATE org SET out_date = '2026-11-26' WHERE id = 1", 0, 0, 0,
			      &err));
	EXPECT(HD_OK, db_exec(t->db, "UPDATE team SET state = $1 WHERE id = 2", TEAM_DEREGISTERED,
			      0, 0, &err));
	EXPECT(HD_OK, booking_stranded(t->db, &all, &n, &err));
	assert_int_equal(n, 2);
	assert_int_equal(all[0].id, team);
	assert_int_equal(all[1].id, after);
	free(all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_valid_booking_is_confirmed_and_audited),
		T(test_stranded_bookings_are_after_the_org_left_or_of_a_gone_team),
		T(test_start_or_end_off_the_half_hour_grid_is_refused),
		T(test_end_not_after_start_is_bad_input),
		T(test_malformed_date_is_bad_input),
		T(test_the_booker_is_read_once_as_an_organisation_or_a_team),
		T(test_unknown_room_is_not_found),
		T(test_booker_must_be_one_org_or_one_team),
		T(test_outside_opening_hours_is_refused),
		T(test_last_slot_before_closing_is_allowed),
		T(test_closed_weekday_is_refused),
		T(test_working_day_opens_a_closed_weekday_once),
		T(test_centre_closure_is_refused),
		T(test_room_closure_overlapping_is_refused),
		T(test_start_in_the_past_is_refused),
		T(test_booking_window_ends_days_ahead),
		T(test_longer_than_max_hours_is_refused),
		T(test_attendees_over_capacity_refused_and_zero_bad_input),
		T(test_touching_bookings_are_allowed),
		T(test_overlap_is_refused_naming_the_booking_in_the_way),
		T(test_triggers_refuse_overlaps_whatever_writes_them),
		T(test_a_write_the_triggers_refuse_is_the_room_taken),
		T(test_room_buffer_keeps_a_gap_after_a_booking),
		T(test_weekly_quota_allows_up_to_its_hours),
		T(test_quota_week_runs_monday_to_sunday),
		T(test_quota_zero_means_no_quota),
		T(test_only_filed_or_classified_teams_may_book),
		T(test_team_booking_by_volunteer_is_pending_by_command_line_confirmed),
		T(test_staff_approve_or_reject_pending_team_bookings),
		T(test_pending_booking_holds_its_slot_and_lapses_at_its_start),
		T(test_organisation_past_its_residence_term_is_refused),
		T(test_checkin_opens_checkin_minutes_before_the_start),
		T(test_checkin_refusal_names_the_day_and_the_window),
		T(test_checkin_closes_checkin_minutes_after_the_start),
		T(test_second_checkin_is_already_with_its_time),
		T(test_checkin_of_cancelled_booking_is_refused),
		T(test_noshow_reads_released_at_once_without_maintenance),
		T(test_released_slot_can_be_booked_again_at_once),
		T(test_release_due_counts_noshows_and_lapses_pending),
		T(test_cancellation_less_than_late_hours_before_is_late),
		T(test_second_cancel_is_already),
		T(test_noshow_limit_suspends_the_booker_for_suspend_days),
		T(test_late_cancellations_do_not_count_towards_suspension),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
