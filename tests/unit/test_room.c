/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_room.c - rooms and the domain clock. */
#include "testutil.h"

#include "core/booking.h"
#include "core/clock.h"
#include "core/room.h"
#include "core/settings.h"

static void test_hubdesk_now_freezes_domain_time(void **state)
{
	char out[32];
	time_t t;

	(void)state;
	assert_int_equal(clock_parse_iso("2026-11-23T09:00:00+08:00", &t), 0);
	assert_int_equal((long long)t, 1795395600LL);
	assert_int_equal((long long)clock_now(), 1795395600LL);
	clock_local_datetime(clock_now(), out, sizeof(out));
	assert_string_equal(out, "2026-11-23 09:00");
	assert_int_equal(clock_parse_iso("2026-11-23T01:00:00Z", &t), 0);
	assert_int_equal((long long)t, 1795395600LL);
	assert_int_equal(clock_parse_iso("2026-11-23 09:00", &t), -1);
	assert_int_equal(clock_parse_iso("2026-13-01T00:00:00Z", &t), -1);
	assert_int_equal(clock_parse_iso("2026-02-29T00:00:00Z", &t), -1);
	assert_int_equal(clock_parse_iso("2028-02-29T00:00:00Z", &t), 0);
	assert_int_equal(clock_parse_iso("2026-11-31T09:00:00+08:00", &t), -1);
}

static void test_local_date_and_time_are_read(void **state)
{
	struct hd_err err;
	time_t t;

	(void)state;
	assert_int_equal(clock_parse_local("2026-11-23 09:00", "from", &t, &err), HD_OK);
	assert_int_equal((long long)t, 1795395600LL);
	assert_int_equal(clock_parse_local("2026-02-30 09:00", "from", &t, &err), HD_BAD_INPUT);
	assert_int_equal(clock_parse_local("tomorrow", "from", &t, &err), HD_BAD_INPUT);
}

static void test_room_defaults_follow_the_closing_time(void **state)
{
	struct tdb *t = *state;
	struct room_draft d = { "二楼会议室", 1, REC_NUM(20), NULL, NULL, { 0 } };
	struct hd_err err;
	struct room r;
	long long id;
	int open, close;

	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(room_get(t->db, id, &r, &err), HD_OK);
	room_hours(t->db, &r, &open, &close);
	assert_int_equal(open, 8 * 60);
	assert_int_equal(close, 21 * 60);
	assert_int_equal(settings_set(t->db, &t->who, SET_CLOSING_TIME, "20:00", &err), HD_OK);
	room_hours(t->db, &r, &open, &close);
	assert_int_equal(close, 20 * 60);
}

/* A draft read from text as the command line and the forms read it:
 * HD_BAD_INPUT when a field cannot be read. */
static enum hd_status room_text(const char *const *row, struct room_draft *d)
{
	struct hd_err err;
	int i;

	*d = (struct room_draft){ 0 };
	for (i = 0; i < ROOM_NFIELDS; i++)
		if (record_parse(&ROOM_RECORD.fields[i], row[i], d, &err) != HD_OK)
			return HD_BAD_INPUT;
	return HD_OK;
}

static void test_room_fields_are_checked(void **state)
{
	struct tdb *t = *state;
	struct room_draft d;
	const char *bad[][ROOM_NFIELDS] = {
		{ "", "1", "20", NULL, NULL, NULL },
		{ "甲", "8", "20", NULL, NULL, NULL },
		{ "甲", "1", "0", NULL, NULL, NULL },
		{ "甲", "1", "many", NULL, NULL, NULL },
		{ "甲", "1", "20", "08:15", NULL, NULL },
		{ "甲", "1", "20", "18:00", "09:00", NULL },
		{ "甲", "1", "20", NULL, NULL, "-5" },
	};
	struct hd_err err;
	long long id;
	size_t i;

	/* Each is refused where it is read or where core checks it. */
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_true(room_text(bad[i], &d) == HD_BAD_INPUT ||
			    room_add(t->db, &t->who, &d, &id, &err) == HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM room"), 0);
}

static void test_room_closure_needs_a_known_room_and_an_order(void **state)
{
	struct tdb *t = *state;
	struct room_draft d = { "路演厅", 5, REC_NUM(60), "09:00", "18:00", REC_NUM(15) };
	struct hd_err err;
	long long id, cid;

	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_REFUSED);
	assert_int_equal(room_close(t->db, &t->who, id, tat("2026-11-24 09:00"),
				    tat("2026-11-24 12:00"), "地面维修", &cid, &err),
			 HD_OK);
	assert_int_equal(room_close(t->db, &t->who, 999, tat("2026-11-24 09:00"),
				    tat("2026-11-24 12:00"), "维修", &cid, &err),
			 HD_NOT_FOUND);
	assert_int_equal(room_close(t->db, &t->who, id, tat("2026-11-24 12:00"),
				    tat("2026-11-24 09:00"), "维修", &cid, &err),
			 HD_BAD_INPUT);
	assert_int_equal(room_close(t->db, &t->who, id, tat("2026-11-24 09:00"),
				    tat("2026-11-24 12:00"), "", &cid, &err),
			 HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM room_closure"), 1);
}

/* Organisation org (or team team) books room on day from..to for 5
 * people, by who. */
static enum hd_status book_in(struct tdb *t, const struct hd_actor *who, const char *room,
			      const char *org, const char *team, const char *day, const char *from,
			      const char *to, long long *id, struct hd_err *err)
{
	char start[40], end[40];
	struct booking_draft d = { .start = start,
				   .end = end,
				   .attendees = REC_NUM(5),
				   .purpose = "活动" };

	snprintf(start, sizeof(start), "%s %s", day, from);
	snprintf(end, sizeof(end), "%s %s", day, to);
	if (record_parse(&BOOKING_RECORD.fields[BOOKING_F_room], room, &d, err) != HD_OK ||
	    booking_booker_read(org, team, &d.booker, err) != HD_OK)
		return HD_BAD_INPUT;
	return booking_add(t->db, who, VIA_DIRECT, &d, id, err);
}

static long long room_edits(struct tdb *t)
{
	return tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'room.edit'");
}

static void test_room_update_changes_every_field(void **state)
{
	struct tdb *t = *state;
	struct room_draft d = { "二楼会议室", 1, REC_NUM(20), NULL, NULL, { 0 } };
	struct room_draft e = { "三楼多功能厅", 3, REC_NUM(45), "09:00", "20:30", REC_NUM(15) };
	struct hd_err err;
	struct room r;
	long long id;
	int open, close;

	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(room_update(t->db, &t->who, id, &e, &err), HD_OK);
	assert_int_equal(room_get(t->db, id, &r, &err), HD_OK);
	assert_string_equal(r.name, "三楼多功能厅");
	assert_int_equal(r.kind, 3);
	assert_int_equal(r.capacity, 45);
	assert_int_equal(r.open_min, 9 * 60);
	assert_int_equal(r.close_min, 20 * 60 + 30);
	assert_int_equal(r.buffer_min, 15);
	/* Hours left empty go back to the defaults (08:00, closing.time). */
	e = (struct room_draft){ "三楼多功能厅", 3, REC_NUM(45), "", "", { 0 } };
	assert_int_equal(room_update(t->db, &t->who, id, &e, &err), HD_OK);
	assert_int_equal(room_get(t->db, id, &r, &err), HD_OK);
	assert_int_equal(r.open_min, -1);
	assert_int_equal(r.close_min, -1);
	assert_int_equal(r.buffer_min, 0);
	room_hours(t->db, &r, &open, &close);
	assert_int_equal(open, 8 * 60);
	assert_int_equal(close, 21 * 60);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM room"), 1);
}

static void test_a_stored_room_reads_back_as_its_draft(void **state)
{
	struct tdb *t = *state;
	struct room_draft d = { "路演厅", 5, REC_NUM(60), "9:00", NULL, REC_NUM(15) }, e;
	char hours[2][8];
	struct hd_err err;
	struct room r;
	long long id;

	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(room_get(t->db, id, &r, &err), HD_OK);
	room_draft_of(&r, &e, hours);
	assert_string_equal(e.name, "路演厅");
	assert_int_equal(e.kind, 5);
	assert_int_equal(e.capacity.value, 60);
	assert_string_equal(e.open, "09:00");
	assert_string_equal(e.close, "");
	assert_true(e.buffer.given);
	assert_int_equal(e.buffer.value, 15);
	assert_int_equal(room_update(t->db, &t->who, id, &e, &err), HD_OK);
	assert_int_equal(room_get(t->db, id, &r, &err), HD_OK);
	assert_int_equal(r.open_min, 9 * 60);
	assert_int_equal(r.close_min, -1);
}

static void test_room_update_is_audited_with_before_and_after(void **state)
{
	struct tdb *t = *state;
	struct room_draft d = { "二楼会议室", 1, REC_NUM(20), NULL, NULL, { 0 } };
	struct room_draft e = { "二楼会议室", 1, REC_NUM(24), NULL, NULL, { 0 } };
	struct hd_err err;
	long long id;

	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(room_update(t->db, &t->who, id, &e, &err), HD_OK);
	assert_int_equal(room_edits(t), 1);
	assert_int_equal(tdb_audits(t->db,
				    "action = 'room.edit' AND record = 'room' AND record_id = 1", 0,
				    "before.capacity=20", "after.capacity=24",
				    "after.name='二楼会议室'", NULL),
			 1);
}

static void test_room_update_refuses_a_name_another_room_has(void **state)
{
	struct tdb *t = *state;
	struct room_draft a = { "会议室A", 1, REC_NUM(20), NULL, NULL, { 0 } };
	struct room_draft b = { "会议室B", 1, REC_NUM(12), NULL, NULL, { 0 } };
	struct hd_err err;
	struct room r;
	long long ida, idb;

	assert_int_equal(room_add(t->db, &t->who, &a, &ida, &err), HD_OK);
	assert_int_equal(room_add(t->db, &t->who, &b, &idb, &err), HD_OK);
	b.name = "会议室A";
	assert_int_equal(room_update(t->db, &t->who, idb, &b, &err), HD_REFUSED);
	assert_string_equal(err.field, "name");
	assert_non_null(strstr(err.msg, "会议室A"));
	assert_int_equal(room_get(t->db, idb, &r, &err), HD_OK);
	assert_string_equal(r.name, "会议室B");
	/* Keeping its own name is no clash. */
	a.capacity = REC_NUM(25);
	assert_int_equal(room_update(t->db, &t->who, ida, &a, &err), HD_OK);
	assert_int_equal(room_edits(t), 1);
}

static void test_room_update_checks_fields_like_room_add(void **state)
{
	struct tdb *t = *state;
	struct room_draft d = { "甲", 1, REC_NUM(20), NULL, NULL, { 0 } }, e;
	const char *bad[][ROOM_NFIELDS] = {
		{ "", "1", "20", NULL, NULL, NULL },
		{ "甲", "8", "20", NULL, NULL, NULL },
		{ "甲", "", "20", NULL, NULL, NULL },
		{ "甲", "1", "0", NULL, NULL, NULL },
		{ "甲", "1", "1001", NULL, NULL, NULL },
		{ "甲", "1", "20", "08:15", NULL, NULL },
		{ "甲", "1", "20", "25:00", NULL, NULL },
		{ "甲", "1", "20", "18:00", "09:00", NULL },
		{ "甲", "1", "20", NULL, NULL, "-5" },
		{ "甲", "1", "20", NULL, NULL, "121" },
	};
	struct hd_err err;
	struct room r;
	long long id;
	size_t i;

	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_OK);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_true(room_text(bad[i], &e) == HD_BAD_INPUT ||
			    room_update(t->db, &t->who, id, &e, &err) == HD_BAD_INPUT);
	assert_int_equal(room_update(t->db, &t->who, id + 1, &d, &err), HD_NOT_FOUND);
	assert_int_equal(room_get(t->db, id, &r, &err), HD_OK);
	assert_int_equal(r.capacity, 20);
	assert_int_equal(room_edits(t), 0);
}

static void test_room_update_is_for_admins(void **state)
{
	struct tdb *t = *state;
	struct room_draft d = { "甲", 1, REC_NUM(20), NULL, NULL, { 0 } };
	struct hd_actor desk = actor_desk("前台");
	struct hd_err err;
	long long id;

	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_OK);
	d.capacity = REC_NUM(30);
	assert_int_equal(room_update(t->db, &desk, id, &d, &err), HD_REFUSED);
	assert_int_equal(tdb_int(t->db, "SELECT capacity FROM room"), 20);
	assert_int_equal(room_edits(t), 0);
}

/* Demo room 2 (二楼会议室A, no buffer) on Tuesday 2026-11-24. */
static void test_bookings_inside_a_period_are_listed(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	long long in1, in2, before, after, other, gone;
	struct booking *b = NULL;
	struct hd_err err;
	bool already;
	int n = -1;

	assert_int_equal(setup_demo(t->db, &t->who, &err), HD_OK);
	assert_int_equal(book_in(t, &t->who, "2", "1", NULL, "2026-11-24", "08:00", "10:00",
				 &before, &err),
			 HD_OK);
	assert_int_equal(book_in(t, &t->who, "2", "2", NULL, "2026-11-24", "10:00", "11:00", &in1,
				 &err),
			 HD_OK);
	assert_int_equal(book_in(t, &desk, "2", NULL, "3", "2026-11-24", "13:30", "14:30", &in2,
				 &err),
			 HD_OK);
	assert_int_equal(book_in(t, &t->who, "2", "3", NULL, "2026-11-24", "15:00", "16:00", &after,
				 &err),
			 HD_OK);
	assert_int_equal(book_in(t, &t->who, "3", "6", NULL, "2026-11-24", "10:00", "11:00", &other,
				 &err),
			 HD_OK);
	assert_int_equal(book_in(t, &t->who, "2", "5", NULL, "2026-11-24", "11:00", "12:00", &gone,
				 &err),
			 HD_OK);
	assert_int_equal(booking_cancel(t->db, &t->who, VIA_DIRECT, gone, &already, &err), HD_OK);

	/* 10:00 to 14:00: the one ending at 10:00 and the one starting at
	 * 15:00 are outside, the cancelled one and another room's too; the
	 * pending team booking (13:30-14:30) overlaps. */
	assert_int_equal(room_bookings_in(t->db, 2, tat("2026-11-24 10:00"),
					  tat("2026-11-24 14:00"), &b, &n, &err),
			 HD_OK);
	assert_int_equal(n, 2);
	assert_int_equal(b[0].id, in1);
	assert_int_equal(b[0].state, BK_CONFIRMED);
	assert_true(b[0].booker[0] != '\0');
	assert_int_equal((long long)b[0].start, (long long)clock_local_time("2026-11-24", 10 * 60));
	assert_int_equal(b[1].id, in2);
	assert_int_equal(b[1].state, BK_PENDING);
	assert_int_equal(b[1].team_id, 3);
	free(b);

	/* Closing the room keeps them: they are listed the same afterwards. */
	{
		long long cid;

		assert_int_equal(room_close(t->db, &t->who, 2, tat("2026-11-24 10:00"),
					    tat("2026-11-24 14:00"), "水管维修", &cid, &err),
				 HD_OK);
	}
	assert_int_equal(room_bookings_in(t->db, 2, tat("2026-11-24 10:00"),
					  tat("2026-11-24 14:00"), &b, &n, &err),
			 HD_OK);
	assert_int_equal(n, 2);
	free(b);
	assert_int_equal(
		tdb_int(t->db,
			"SELECT count(*) FROM booking WHERE state IN ('pending', 'confirmed')"),
		5);

	/* A whole day takes all four active bookings of the room, by start. */
	assert_int_equal(room_bookings_in(t->db, 2, tat("2026-11-24 00:00"),
					  tat("2026-11-25 00:00"), &b, &n, &err),
			 HD_OK);
	assert_int_equal(n, 4);
	assert_int_equal(b[0].id, before);
	assert_int_equal(b[3].id, after);
	free(b);
	(void)other;
}

static void test_bookings_in_period_needs_a_period_and_a_room(void **state)
{
	struct tdb *t = *state;
	struct booking *b = NULL;
	struct hd_err err;
	time_t from, to;
	int n = -1;

	assert_int_equal(setup_demo(t->db, &t->who, &err), HD_OK);
	assert_int_equal(room_bookings_in(t->db, 2, tat("2026-11-24 14:00"),
					  tat("2026-11-24 10:00"), &b, &n, &err),
			 HD_BAD_INPUT);
	assert_string_equal(err.field, "to");
	assert_int_equal(room_read_period("tomorrow", "2026-11-24 10:00", &from, &to, &err),
			 HD_BAD_INPUT);
	assert_string_equal(err.field, "From");
	assert_int_equal(room_read_period("2026-11-24 14:00", "2026-11-24 10:00", &from, &to, &err),
			 HD_BAD_INPUT);
	assert_string_equal(err.field, "to");
	assert_int_equal(room_bookings_in(t->db, 99, tat("2026-11-24 10:00"),
					  tat("2026-11-24 14:00"), &b, &n, &err),
			 HD_NOT_FOUND);
	assert_null(b);
	assert_int_equal(n, 0);
	/* None inside: HD_OK, nothing. */
	assert_int_equal(room_bookings_in(t->db, 2, tat("2026-11-24 10:00"),
					  tat("2026-11-24 14:00"), &b, &n, &err),
			 HD_OK);
	assert_null(b);
	assert_int_equal(n, 0);
}

/* A confirmed booking past its check-in window is a no-show as of now, a
 * pending one past its start has lapsed: neither needs the desk. */
static void test_bookings_in_period_leave_out_no_shows_and_lapsed(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	struct booking *b = NULL;
	struct hd_err err;
	long long a, p;
	int n = -1;

	assert_int_equal(setup_demo(t->db, &t->who, &err), HD_OK);
	assert_int_equal(book_in(t, &t->who, "2", "1", NULL, "2026-11-23", "10:00", "11:00", &a,
				 &err),
			 HD_OK);
	assert_int_equal(book_in(t, &desk, "2", NULL, "3", "2026-11-23", "11:00", "12:00", &p,
				 &err),
			 HD_OK);
	setenv("HUBDESK_NOW", "2026-11-23T11:30:00+08:00", 1);
	assert_int_equal(room_bookings_in(t->db, 2, tat("2026-11-23 09:00"),
					  tat("2026-11-23 21:00"), &b, &n, &err),
			 HD_OK);
	assert_int_equal(n, 0);
	assert_null(b);
	setenv("HUBDESK_NOW", "2026-11-23T09:00:00+08:00", 1);
	assert_int_equal(room_bookings_in(t->db, 2, tat("2026-11-23 09:00"),
					  tat("2026-11-23 21:00"), &b, &n, &err),
			 HD_OK);
	assert_int_equal(n, 2);
	free(b);
}

static void test_room_closures_lists_those_not_over(void **state)
{
	struct tdb *t = *state;
	struct room_draft d = { "路演厅", 5, REC_NUM(60), NULL, NULL, { 0 } };
	struct room_closure *c = NULL;
	struct hd_err err;
	long long id, cid;
	int n = -1;

	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(room_close(t->db, &t->who, id, tat("2026-11-25 09:00"),
				    tat("2026-11-25 12:00"), "布展", &cid, &err),
			 HD_OK);
	assert_int_equal(room_close(t->db, &t->who, id, tat("2026-11-22 09:00"),
				    tat("2026-11-22 12:00"), "已过", &cid, &err),
			 HD_OK);
	assert_int_equal(room_close(t->db, &t->who, id, tat("2026-11-23 08:00"),
				    tat("2026-11-23 10:00"), "进行中", &cid, &err),
			 HD_OK);
	assert_int_equal(room_closures(t->db, id, &c, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].reason, "进行中");
	assert_string_equal(c[1].reason, "布展");
	assert_int_equal((long long)c[1].start, (long long)clock_local_time("2026-11-25", 9 * 60));
	free(c);
	assert_int_equal(room_closures(t->db, id + 1, &c, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	assert_null(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hubdesk_now_freezes_domain_time),
		cmocka_unit_test(test_local_date_and_time_are_read),
		cmocka_unit_test_setup_teardown(test_room_defaults_follow_the_closing_time,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_room_fields_are_checked, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_room_closure_needs_a_known_room_and_an_order,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_room_update_changes_every_field, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_stored_room_reads_back_as_its_draft,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_room_update_is_audited_with_before_and_after,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_room_update_refuses_a_name_another_room_has,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_room_update_checks_fields_like_room_add,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_room_update_is_for_admins, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_bookings_inside_a_period_are_listed, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_bookings_in_period_needs_a_period_and_a_room,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_bookings_in_period_leave_out_no_shows_and_lapsed, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_room_closures_lists_those_not_over, tdb_setup,
						tdb_teardown),
	};

	tdb_env();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
