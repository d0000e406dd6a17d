/* test_room.c - rooms and the domain clock. */
#include "testutil.h"

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
	struct room_draft d = { "二楼会议室", "会议室", "20", NULL, NULL, NULL };
	struct hd_err err;
	struct room r;
	long long id;
	int open, close;

	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(room_get(t->db, id, &r, &err), HD_OK);
	room_hours(t->db, &r, &open, &close);
	assert_int_equal(open, 8 * 60);
	assert_int_equal(close, 21 * 60);
	assert_int_equal(settings_set(t->db, &t->who, "closing.time", "20:00", &err), HD_OK);
	room_hours(t->db, &r, &open, &close);
	assert_int_equal(close, 20 * 60);
}

static void test_room_fields_are_checked(void **state)
{
	struct tdb *t = *state;
	struct room_draft bad[] = {
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

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(room_add(t->db, &t->who, &bad[i], &id, &err), HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM room"), 0);
}

static void test_room_closure_needs_a_known_room_and_an_order(void **state)
{
	struct tdb *t = *state;
	struct room_draft d = { "路演厅", "5", "60", "09:00", "18:00", "15" };
	struct hd_err err;
	long long id, cid;

	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_REFUSED);
	assert_int_equal(room_close(t->db, &t->who, id, "2026-11-24 09:00", "2026-11-24 12:00",
				    "地面维修", &cid, &err),
			 HD_OK);
	assert_int_equal(room_close(t->db, &t->who, 999, "2026-11-24 09:00", "2026-11-24 12:00",
				    "维修", &cid, &err),
			 HD_NOT_FOUND);
	assert_int_equal(room_close(t->db, &t->who, id, "2026-11-24 12:00", "2026-11-24 09:00",
				    "维修", &cid, &err),
			 HD_BAD_INPUT);
	assert_int_equal(room_close(t->db, &t->who, id, "2026-11-24 09:00", "2026-11-24 12:00",
				    "", &cid, &err),
			 HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM room_closure"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hubdesk_now_freezes_domain_time),
		cmocka_unit_test(test_local_date_and_time_are_read),
		cmocka_unit_test_setup_teardown(test_room_defaults_follow_the_closing_time, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_room_fields_are_checked, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_room_closure_needs_a_known_room_and_an_order, tdb_setup, tdb_teardown),
	};

	tdb_env();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
