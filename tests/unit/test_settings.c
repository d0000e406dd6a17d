/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_settings.c - settings: defaults, ranges, normalising, audit. */
#include "testutil.h"

#include "core/settings.h"

static void test_unset_keys_read_as_their_defaults(void **state)
{
	struct tdb *t = *state;
	char v[SETTING_VALUE_MAX];
	struct hd_err err;

	assert_int_equal(settings_get(t->db, "retention.days", v, sizeof(v), &err), HD_OK);
	assert_string_equal(v, "180");
	assert_int_equal(settings_int(t->db, "idle.seconds"), 60);
	assert_int_equal(settings_minutes(t->db, "closing.time"), 21 * 60);
	assert_false(settings_on(t->db, "kiosk.mode"));
	assert_int_equal(settings_int(t->db, "printer.receipt.width"), 80);
}

static void test_every_key_has_a_valid_default(void **state)
{
	char out[SETTING_VALUE_MAX];
	struct hd_err err;
	int i;

	(void)state;
	assert_int_equal(settings_count(), 19);
	for (i = 0; i < settings_count(); i++) {
		const struct setting_def *d = settings_def(i);

		assert_int_equal(settings_validate(d->key, d->def, out, sizeof(out), &err), HD_OK);
		assert_string_equal(out, d->def);
	}
}

static void test_values_are_checked_and_normalised(void **state)
{
	char out[SETTING_VALUE_MAX];
	struct hd_err err;

	(void)state;
	assert_int_equal(settings_validate("closed.weekdays", "7, 1,1", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "1,7");
	assert_int_equal(settings_validate("closed.weekdays", "8", out, sizeof(out), &err), HD_BAD_INPUT);
	assert_int_equal(settings_validate("closing.time", "9:30", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "09:30");
	assert_int_equal(settings_validate("closing.time", "25:00", out, sizeof(out), &err), HD_BAD_INPUT);
	assert_int_equal(settings_validate("retention.days", "3650", out, sizeof(out), &err), HD_OK);
	assert_int_equal(settings_validate("retention.days", "3651", out, sizeof(out), &err), HD_BAD_INPUT);
	assert_non_null(strstr(err.msg, "retention.days"));
	assert_int_equal(settings_validate("retention.days", "0", out, sizeof(out), &err), HD_BAD_INPUT);
	assert_int_equal(settings_validate("booking.quota_hours_week", "0", out, sizeof(out), &err), HD_OK);
	assert_int_equal(settings_validate("kiosk.mode", "yes", out, sizeof(out), &err), HD_BAD_INPUT);
	assert_int_equal(settings_validate("printer.receipt.width", "76", out, sizeof(out), &err), HD_BAD_INPUT);
	assert_int_equal(settings_validate("printer.a4", "Office A4", out, sizeof(out), &err), HD_BAD_INPUT);
	assert_int_equal(settings_validate("printer.a4", "", out, sizeof(out), &err), HD_OK);
	assert_int_equal(settings_validate("centre.name", "", out, sizeof(out), &err), HD_BAD_INPUT);
	assert_int_equal(settings_validate("no.such.key", "1", out, sizeof(out), &err), HD_BAD_INPUT);
}

/* The centre's code starts filing numbers: 1 to 12 ASCII capitals or
 * digits; lower case is raised, anything else refused naming the key. */
static void test_centre_code_is_capitals_and_digits(void **state)
{
	char out[SETTING_VALUE_MAX];
	struct hd_err err;

	(void)state;
	assert_int_equal(settings_validate("centre.code", "HD", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "HD");
	assert_int_equal(settings_validate("centre.code", " gl2 ", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "GL2");
	assert_int_equal(settings_validate("centre.code", "ABCDEFGHIJ12", out, sizeof(out), &err),
			 HD_OK);
	assert_int_equal(settings_validate("centre.code", "ABCDEFGHIJ123", out, sizeof(out), &err),
			 HD_BAD_INPUT);
	assert_non_null(strstr(err.msg, "centre.code"));
	assert_int_equal(settings_validate("centre.code", "", out, sizeof(out), &err), HD_BAD_INPUT);
	assert_int_equal(settings_validate("centre.code", "H-D", out, sizeof(out), &err), HD_BAD_INPUT);
	assert_int_equal(settings_validate("centre.code", "H D", out, sizeof(out), &err), HD_BAD_INPUT);
	assert_int_equal(settings_validate("centre.code", "花园", out, sizeof(out), &err), HD_BAD_INPUT);
}

static void test_set_is_audited_and_a_refused_set_changes_nothing(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;

	assert_int_equal(settings_set(t->db, &t->who, "idle.seconds", "120", &err), HD_OK);
	assert_int_equal(settings_int(t->db, "idle.seconds"), 120);
	assert_int_equal(settings_set(t->db, &t->who, "idle.seconds", "4", &err), HD_BAD_INPUT);
	assert_int_equal(settings_int(t->db, "idle.seconds"), 120);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'config.set'"
					" AND json_extract(before, '$.\"idle.seconds\"') = '60'"
					" AND json_extract(after, '$.\"idle.seconds\"') = '120'"),
			 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'config.set'"), 1);
}

static void test_closed_weekdays_are_read(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;

	assert_false(settings_closed_weekday(t->db, 7));
	assert_int_equal(settings_set(t->db, &t->who, "closed.weekdays", "1,7", &err), HD_OK);
	assert_true(settings_closed_weekday(t->db, 7));
	assert_true(settings_closed_weekday(t->db, 1));
	assert_false(settings_closed_weekday(t->db, 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_unset_keys_read_as_their_defaults, tdb_setup, tdb_teardown),
		cmocka_unit_test(test_every_key_has_a_valid_default),
		cmocka_unit_test(test_values_are_checked_and_normalised),
		cmocka_unit_test(test_centre_code_is_capitals_and_digits),
		cmocka_unit_test_setup_teardown(test_set_is_audited_and_a_refused_set_changes_nothing, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_closed_weekdays_are_read, tdb_setup, tdb_teardown),
	};

	tdb_env();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
