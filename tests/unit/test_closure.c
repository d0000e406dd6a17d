/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_closure.c - days the whole centre is closed. */
#include "testutil.h"

#include "core/closure.h"

static void test_closure_covers_both_ends(void **state)
{
	struct tdb *t = *state;
	struct closure c;
	struct hd_err err;
	long long id;

	assert_int_equal(closure_add(t->db, &t->who, tday("2026-12-31"), tday("2027-1-3"),
				     "元旦假期", &id, &err),
			 HD_OK);
	assert_int_equal(closure_get(t->db, id, &c, &err), HD_OK);
	assert_string_equal(c.to, "2027-01-03");
	assert_false(closure_covers(t->db, tday("2026-12-30"), NULL));
	assert_true(closure_covers(t->db, tday("2026-12-31"), &c));
	assert_string_equal(c.reason, "元旦假期");
	assert_true(closure_covers(t->db, tday("2027-01-03"), NULL));
	assert_false(closure_covers(t->db, tday("2027-01-04"), NULL));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'closure.add'"),
			 1);
}

static void test_bad_closures_are_refused_and_nothing_is_written(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("d");
	struct hd_err err;
	long long id;
	long day;

	assert_int_equal(closure_add(t->db, &t->who, tday("2026-12-31"), tday("2026-12-30"), "x",
				     &id, &err),
			 HD_BAD_INPUT);
	assert_string_equal(err.field, "to");
	assert_int_equal(clock_parse_day("2026-02-30", "From", &day, &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "From");
	assert_int_equal(closure_add(t->db, &t->who, tday("2026-12-01"), tday("2026-12-02"), "",
				     &id, &err),
			 HD_BAD_INPUT);
	assert_int_equal(closure_add(t->db, &desk, tday("2026-12-01"), tday("2026-12-02"), "维修",
				     &id, &err),
			 HD_REFUSED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM closure"), 0);
}

static void test_list_shows_what_is_not_over_and_remove_is_audited(void **state)
{
	struct tdb *t = *state;
	struct closure *all = NULL;
	struct hd_err err;
	long long past, future;
	int n = 0;

	assert_int_equal(closure_add(t->db, &t->who, tday("2026-10-01"), tday("2026-10-07"), "国庆",
				     &past, &err),
			 HD_OK);
	assert_int_equal(closure_add(t->db, &t->who, tday("2026-11-23"), tday("2026-11-23"),
				     "消防演练", &future, &err),
			 HD_OK);
	assert_int_equal(closure_list(t->db, false, &all, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(all[0].id, future);
	free(all);
	assert_int_equal(closure_list(t->db, true, &all, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	free(all);
	assert_int_equal(closure_remove(t->db, &t->who, future, &err), HD_OK);
	assert_int_equal(closure_remove(t->db, &t->who, future, &err), HD_NOT_FOUND);
	assert_int_equal(tdb_audits(t->db, "action = 'closure.remove'", 0,
				    "before.reason='消防演练'", NULL),
			 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_closure_covers_both_ends, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_bad_closures_are_refused_and_nothing_is_written,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_list_shows_what_is_not_over_and_remove_is_audited, tdb_setup,
			tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
