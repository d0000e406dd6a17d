/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_staff.c - accounts: PINs only as hashes, the lock after five wrong
 * PINs and its end in domain time, disabling. */
#include "testutil.h"

#include "core/pin.h"
#include "core/staff.h"

static long long add(struct tdb *t, const char *name, const char *role, const char *pin)
{
	struct hd_err err;
	long long id = 0;

	assert_int_equal(staff_add(t->db, &t->who, name, role, pin, &id, &err), HD_OK);
	return id;
}

static void set_now(const char *iso)
{
	setenv("HUBDESK_NOW", iso, 1);
}

static void test_pin_is_stored_only_as_an_argon2id_hash(void **state)
{
	struct tdb *t = *state;
	char wal[256];

	add(t, "王老师", "staff", "864209");
	assert_int_equal(tdb_int(t->db,
				 "SELECT count(*) FROM staff WHERE pin_hash LIKE '$argon2id$%'"),
			 1);
	assert_int_equal(
		tdb_int(t->db,
			"SELECT count(*) FROM audit WHERE coalesce(after, '') LIKE '%864209%'"),
		0);
	if (tdb_checkpoint(t)) {
		snprintf(wal, sizeof(wal), "%s-wal", t->path);
		assert_false(file_holds(t->path, "864209"));
		assert_false(file_holds(wal, "864209"));
		assert_true(file_holds(t->path, "$argon2id$"));
	}
}

static void test_pin_shape_is_checked(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;
	long long id;

	assert_int_equal(staff_add(t->db, &t->who, "甲", "staff", "12345", &id, &err),
			 HD_BAD_INPUT);
	assert_int_equal(staff_add(t->db, &t->who, "甲", "staff", "1234567890123", &id, &err),
			 HD_BAD_INPUT);
	assert_int_equal(staff_add(t->db, &t->who, "甲", "staff", "12345a", &id, &err),
			 HD_BAD_INPUT);
	assert_int_equal(staff_add(t->db, &t->who, "甲", "boss", "123456", &id, &err),
			 HD_BAD_INPUT);
	assert_int_equal(staff_add(t->db, &t->who, "", "staff", "123456", &id, &err), HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM staff"), 0);
}

static void test_refused_duplicate_name_uses_no_id(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;
	long long first, id = 0;

	first = add(t, "王老师", "staff", "864209");
	assert_int_equal(staff_add(t->db, &t->who, "王老师", "volunteer", "864209", &id, &err),
			 HD_REFUSED);
	assert_string_equal(err.field, "name");
	assert_int_equal(staff_add(t->db, &t->who, "王老师", "volunteer", "864209", &id, &err),
			 HD_REFUSED);
	assert_int_equal(add(t, "李老师", "staff", "864209"), first + 1);
}

static void test_right_pin_signs_in_with_the_role(void **state)
{
	struct tdb *t = *state;
	struct hd_actor who;
	struct hd_err err;

	add(t, "工作人员", "工作人员", "135790");
	assert_int_equal(staff_signin(t->db, "d1", "工作人员", "135790", &who, NULL, &err), HD_OK);
	assert_int_equal(who.kind, ACTOR_STAFF);
	assert_int_equal(who.role, ROLE_STAFF);
	assert_string_equal(who.name, "工作人员");
	assert_string_equal(who.desk, "d1");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'signin'"), 1);
	assert_int_equal(staff_signin(t->db, "d1", "无此人", "135790", &who, NULL, &err),
			 HD_NOT_FOUND);
}

static void test_five_wrong_pins_lock_for_fifteen_minutes(void **state)
{
	struct tdb *t = *state;
	struct signin_result res;
	struct hd_actor who;
	struct hd_err err;
	int i;

	add(t, "志愿者", "volunteer", "112233");
	for (i = 1; i <= 4; i++) {
		assert_int_equal(staff_signin(t->db, "d", "志愿者", "000000", &who, &res, &err),
				 HD_REFUSED);
		assert_int_equal(res.tries_left, 5 - i);
	}
	assert_int_equal(staff_signin(t->db, "d", "志愿者", "000000", &who, &res, &err),
			 HD_REFUSED);
	assert_int_equal(res.tries_left, 0);
	assert_int_equal((long long)res.locked_until, 1795395600LL + 900);
	assert_non_null(strstr(err.msg, "09:15"));
	/* Locked: even the right PIN is refused, and nothing more is counted. */
	set_now("2026-11-23T09:14:59+08:00");
	assert_int_equal(staff_signin(t->db, "d", "志愿者", "112233", &who, &res, &err),
			 HD_REFUSED);
	set_now("2026-11-23T09:15:00+08:00");
	assert_int_equal(staff_signin(t->db, "d", "志愿者", "112233", &who, &res, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'signin.fail'"),
			 4);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'signin.lock'"),
			 1);
	set_now("2026-11-23T09:00:00+08:00");
}

static void test_count_starts_afresh_after_a_lock_and_after_success(void **state)
{
	struct tdb *t = *state;
	struct signin_result res;
	struct hd_actor who;
	struct hd_err err;
	int i;

	add(t, "甲", "staff", "123456");
	for (i = 0; i < 3; i++)
		staff_signin(t->db, "d", "甲", "654321", &who, &res, &err);
	assert_int_equal(staff_signin(t->db, "d", "甲", "123456", &who, &res, &err), HD_OK);
	assert_int_equal(staff_signin(t->db, "d", "甲", "654321", &who, &res, &err), HD_REFUSED);
	assert_int_equal(res.tries_left, 4);
}

static void test_disabled_account_cannot_sign_in_and_last_admin_stays(void **state)
{
	struct tdb *t = *state;
	struct hd_actor who;
	struct hd_err err;
	long long admin, vol;
	bool already;

	admin = add(t, "管理员", "admin", "246810");
	vol = add(t, "志愿者", "volunteer", "112233");
	assert_int_equal(staff_disable(t->db, &t->who, vol, &already, &err), HD_OK);
	assert_false(already);
	assert_int_equal(staff_disable(t->db, &t->who, vol, &already, &err), HD_OK);
	assert_true(already);
	assert_int_equal(staff_signin(t->db, "d", "志愿者", "112233", &who, NULL, &err),
			 HD_REFUSED);
	assert_int_equal(staff_disable(t->db, &t->who, admin, &already, &err), HD_REFUSED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM staff"), 2);
}

static void test_reset_pin_lifts_the_lock(void **state)
{
	struct tdb *t = *state;
	struct hd_actor who;
	struct hd_err err;
	long long id;
	int i;

	id = add(t, "甲", "staff", "123456");
	for (i = 0; i < 5; i++)
		staff_signin(t->db, "d", "甲", "000000", &who, NULL, &err);
	assert_int_equal(staff_reset_pin(t->db, &t->who, id, "777777", &err), HD_OK);
	assert_int_equal(staff_signin(t->db, "d", "甲", "777777", &who, NULL, &err), HD_OK);
	assert_int_equal(staff_signin(t->db, "d", "甲", "123456", &who, NULL, &err), HD_REFUSED);
}

static void test_only_the_admin_manages_accounts(void **state)
{
	struct tdb *t = *state;
	struct hd_actor staff = actor_desk("d");
	struct hd_err err;
	long long id;

	staff.kind = ACTOR_STAFF;
	staff.role = ROLE_STAFF;
	assert_int_equal(staff_add(t->db, &staff, "乙", "volunteer", "123456", &id, &err),
			 HD_REFUSED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM staff"), 0);
}

static void test_booking_pin_is_hashed_and_checked(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;

	assert_int_equal(setup_demo(t->db, &t->who, &err), HD_OK);
	assert_true(pin_booker_matches(t->db, BOOKER_ORG, 1, "8642"));
	assert_false(pin_booker_matches(t->db, BOOKER_ORG, 1, "8643"));
	assert_true(pin_booker_matches(t->db, BOOKER_TEAM, 3, "8642"));
	assert_int_equal(pin_set_booker(t->db, &t->who, BOOKER_TEAM, 3, "2468", &err), HD_OK);
	assert_true(pin_booker_matches(t->db, BOOKER_TEAM, 3, "2468"));
	assert_int_equal(pin_set_booker(t->db, &t->who, BOOKER_TEAM, 999, "2468", &err),
			 HD_NOT_FOUND);
	assert_int_equal(pin_set_booker(t->db, &t->who, BOOKER_TEAM, 3, "246", &err), HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM staff"), 3);
}

/* Each demo booker has a hash and salt of its own; the first time its PIN
 * is taken the hash is made again at the full cost, and a wrong PIN
 * changes nothing of it. */
static void test_demo_bookers_have_their_own_salt_raised_on_use(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;

	assert_int_equal(setup_demo(t->db, &t->who, &err), HD_OK);
	assert_int_equal(
		tdb_int(t->db,
			"SELECT count(*) - count(DISTINCT pin_hash) FROM"
			" (SELECT pin_hash FROM org UNION ALL SELECT pin_hash FROM team) AS hashes"),
		0);
	assert_true(tdb_int(t->db, "SELECT count(*) FROM org") > 1);
	assert_int_equal(pin_booker_check(t->db, &t->who, BOOKER_ORG, 1, "8643", &err), HD_REFUSED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org WHERE id = 1 AND pin_hash LIKE"
					" '$argon2id$v=19$m=8,%'"),
			 1);
	assert_int_equal(pin_booker_check(t->db, &t->who, BOOKER_ORG, 1, "8642", &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org WHERE id = 1 AND pin_hash LIKE"
					" '$argon2id$v=19$m=65536,%'"),
			 1);
	assert_true(pin_booker_matches(t->db, BOOKER_ORG, 1, "8642"));
	assert_int_equal(pin_booker_check(t->db, &t->who, BOOKER_ORG, 1, "8642", &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org WHERE pin_hash LIKE"
					" '$argon2id$v=19$m=8,%'"),
			 tdb_int(t->db, "SELECT count(*) FROM org") - 1);
}

/* The demo accounts' PINs are published: each hash has its own salt at
 * the lowest cost, made again at the full cost at the first sign-in; an
 * account added by an admin is at the full cost from the start. */
static void test_demo_accounts_are_raised_at_the_first_signin(void **state)
{
	struct tdb *t = *state;
	struct hd_actor who;
	struct hd_err err;

	assert_int_equal(setup_demo(t->db, &t->who, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM staff WHERE pin_hash LIKE"
					" '$argon2id$v=19$m=8,%'"),
			 3);
	assert_int_equal(tdb_int(t->db, "SELECT count(DISTINCT pin_hash) FROM staff"), 3);
	assert_int_equal(staff_signin(t->db, "d1", "工作人员", "135791", &who, NULL, &err),
			 HD_REFUSED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM staff WHERE pin_hash LIKE"
					" '$argon2id$v=19$m=8,%'"),
			 3);
	assert_int_equal(staff_signin(t->db, "d1", "工作人员", "135790", &who, NULL, &err), HD_OK);
	assert_int_equal(who.role, ROLE_STAFF);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM staff WHERE name = '工作人员' AND"
					" pin_hash LIKE '$argon2id$v=19$m=65536,%'"),
			 1);
	assert_int_equal(staff_signin(t->db, "d1", "工作人员", "135790", &who, NULL, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM staff WHERE pin_hash LIKE"
					" '$argon2id$v=19$m=8,%'"),
			 2);
	add(t, "王老师", "staff", "864209");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM staff WHERE name = '王老师' AND"
					" pin_hash LIKE '$argon2id$v=19$m=65536,%'"),
			 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pin_is_stored_only_as_an_argon2id_hash,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_pin_shape_is_checked, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_refused_duplicate_name_uses_no_id, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_right_pin_signs_in_with_the_role, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_five_wrong_pins_lock_for_fifteen_minutes,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_count_starts_afresh_after_a_lock_and_after_success, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_disabled_account_cannot_sign_in_and_last_admin_stays, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_reset_pin_lifts_the_lock, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_only_the_admin_manages_accounts, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_booking_pin_is_hashed_and_checked, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_demo_bookers_have_their_own_salt_raised_on_use,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_demo_accounts_are_raised_at_the_first_signin,
						tdb_setup, tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
