/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_settings.c - settings: defaults, ranges, normalising, audit. */
#include "testutil.h"

#include "core/settings.h"

static void test_unset_keys_read_as_their_defaults(void **state)
{
	struct tdb *t = *state;
	char v[SETTING_VALUE_MAX];
	struct hd_err err;

	assert_int_equal(settings_get(t->db, SET_RETENTION_DAYS, v, sizeof(v), &err), HD_OK);
	assert_string_equal(v, "180");
	assert_int_equal(settings_int(t->db, SET_IDLE_SECONDS), 60);
	assert_int_equal(settings_minutes(t->db, SET_CLOSING_TIME), 21 * 60);
	assert_false(settings_on(t->db, SET_KIOSK_MODE));
	assert_int_equal(settings_int(t->db, SET_PRINTER_RECEIPT_WIDTH), 80);
}

static void test_every_key_has_a_valid_default(void **state)
{
	char out[SETTING_VALUE_MAX];
	struct hd_err err;
	int i;

	(void)state;
	assert_int_equal(SETTING_COUNT, 20);
	for (i = 0; i < SETTING_COUNT; i++) {
		const struct setting_def *d = settings_def(i);

		assert_non_null(d);
		assert_int_equal(settings_validate(i, d->def, out, sizeof(out), &err), HD_OK);
		assert_string_equal(out, d->def);
	}
	assert_null(settings_def(SETTING_COUNT));
}

/* People name a setting by its key; each key names exactly its own
 * setting, and a misspelt one is refused naming it, never read as a
 * default. */
static void test_keys_from_people_name_one_setting(void **state)
{
	enum setting s;
	struct hd_err err;
	int i;

	(void)state;
	for (i = 0; i < SETTING_COUNT; i++) {
		s = SETTING_COUNT;
		assert_int_equal(settings_lookup(settings_def(i)->key, &s, &err), HD_OK);
		assert_int_equal(s, i);
	}
	assert_int_equal(settings_lookup("retention.days", &s, &err), HD_OK);
	assert_int_equal(s, SET_RETENTION_DAYS);
	assert_int_equal(settings_lookup("retention.day", &s, &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "key");
	assert_string_equal(err.msg, "unknown setting retention.day; see hubdesk config list");
	assert_int_equal(settings_lookup(NULL, &s, &err), HD_BAD_INPUT);
	assert_int_equal(settings_validate(SETTING_COUNT, "1", (char[8]){ 0 }, 8, &err),
			 HD_BAD_INPUT);
}

static void test_values_are_checked_and_normalised(void **state)
{
	char out[SETTING_VALUE_MAX];
	struct hd_err err;

	(void)state;
	assert_int_equal(settings_validate(SET_CLOSED_WEEKDAYS, "7, 1,1", out, sizeof(out), &err),
			 HD_OK);
	assert_string_equal(out, "1,7");
	assert_int_equal(settings_validate(SET_CLOSED_WEEKDAYS, "8", out, sizeof(out), &err),
			 HD_BAD_INPUT);
	assert_int_equal(settings_validate(SET_CLOSING_TIME, "9:30", out, sizeof(out), &err),
			 HD_OK);
	assert_string_equal(out, "09:30");
	assert_int_equal(settings_validate(SET_CLOSING_TIME, "25:00", out, sizeof(out), &err),
			 HD_BAD_INPUT);
	assert_int_equal(settings_validate(SET_RETENTION_DAYS, "3650", out, sizeof(out), &err),
			 HD_OK);
	assert_int_equal(settings_validate(SET_RETENTION_DAYS, "3651", out, sizeof(out), &err),
			 HD_BAD_INPUT);
	assert_non_null(strstr(err.msg, "retention.days"));
	assert_int_equal(settings_validate(SET_RETENTION_DAYS, "0", out, sizeof(out), &err),
			 HD_BAD_INPUT);
	assert_int_equal(settings_validate(SET_BOOKING_QUOTA_HOURS_WEEK, "0", out, sizeof(out),
					   &err),
			 HD_OK);
	assert_int_equal(settings_validate(SET_KIOSK_MODE, "yes", out, sizeof(out), &err),
			 HD_BAD_INPUT);
	assert_int_equal(settings_validate(SET_PRINTER_RECEIPT_WIDTH, "76", out, sizeof(out), &err),
			 HD_BAD_INPUT);
	assert_int_equal(settings_validate(SET_PRINTER_A4, "Office A4", out, sizeof(out), &err),
			 HD_BAD_INPUT);
	assert_int_equal(settings_validate(SET_PRINTER_A4, "", out, sizeof(out), &err), HD_OK);
	assert_int_equal(settings_validate(SET_CENTRE_NAME, "", out, sizeof(out), &err),
			 HD_BAD_INPUT);
}

/* The centre's code starts filing numbers: 1 to 12 ASCII capitals or
 * digits; lower case is raised, anything else refused naming the key. */
static void test_centre_code_is_capitals_and_digits(void **state)
{
	char out[SETTING_VALUE_MAX];
	struct hd_err err;

	(void)state;
	assert_int_equal(settings_validate(SET_CENTRE_CODE, "HD", out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "HD");
	assert_int_equal(settings_validate(SET_CENTRE_CODE, " gl2 ", out, sizeof(out), &err),
			 HD_OK);
	assert_string_equal(out, "GL2");
	assert_int_equal(settings_validate(SET_CENTRE_CODE, "ABCDEFGHIJ12", out, sizeof(out), &err),
			 HD_OK);
	assert_int_equal(settings_validate(SET_CENTRE_CODE, "ABCDEFGHIJ123", out, sizeof(out),
					   &err),
			 HD_BAD_INPUT);
	assert_non_null(strstr(err.msg, "centre.code"));
	assert_int_equal(settings_validate(SET_CENTRE_CODE, "", out, sizeof(out), &err),
			 HD_BAD_INPUT);
	assert_int_equal(settings_validate(SET_CENTRE_CODE, "H-D", out, sizeof(out), &err),
			 HD_BAD_INPUT);
	assert_int_equal(settings_validate(SET_CENTRE_CODE, "H D", out, sizeof(out), &err),
			 HD_BAD_INPUT);
	assert_int_equal(settings_validate(SET_CENTRE_CODE, "花园", out, sizeof(out), &err),
			 HD_BAD_INPUT);
}

static void test_set_is_audited_and_a_refused_set_changes_nothing(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;

	assert_int_equal(settings_set(t->db, &t->who, SET_IDLE_SECONDS, "120", &err), HD_OK);
	assert_int_equal(settings_int(t->db, SET_IDLE_SECONDS), 120);
	assert_int_equal(settings_set(t->db, &t->who, SET_IDLE_SECONDS, "4", &err), HD_BAD_INPUT);
	assert_int_equal(settings_int(t->db, SET_IDLE_SECONDS), 120);
	assert_int_equal(tdb_audits(t->db, "action = 'config.set'", 0, "before.idle.seconds='60'",
				    "after.idle.seconds='120'", NULL),
			 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'config.set'"),
			 1);
}

static void test_closed_weekdays_are_read(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;

	assert_false(settings_closed_weekday(t->db, 7));
	assert_int_equal(settings_set(t->db, &t->who, SET_CLOSED_WEEKDAYS, "1,7", &err), HD_OK);
	assert_true(settings_closed_weekday(t->db, 7));
	assert_true(settings_closed_weekday(t->db, 1));
	assert_false(settings_closed_weekday(t->db, 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_unset_keys_read_as_their_defaults, tdb_setup,
						tdb_teardown),
		cmocka_unit_test(test_every_key_has_a_valid_default),
		cmocka_unit_test(test_keys_from_people_name_one_setting),
		cmocka_unit_test(test_values_are_checked_and_normalised),
		cmocka_unit_test(test_centre_code_is_capitals_and_digits),
		cmocka_unit_test_setup_teardown(
			test_set_is_audited_and_a_refused_set_changes_nothing, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_closed_weekdays_are_read, tdb_setup,
						tdb_teardown),
	};

	tdb_env();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
