/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_audit.c - the audit log read back: what an entry changed, field by
 * field, and the viewer's filter by an action's words. */
#include "testutil.h"

#include "core/audit.h"
#include "core/lists.h"

static void test_changes_are_told_field_by_field_in_key_order(void **state)
{
	char lines[8][AUDIT_LINE], want[AUDIT_LINE], when[64];
	int n;

	(void)state;
	n = audit_changes("{\"name\":\"旧名\",\"purpose\":3,\"kind\":1,\"org\":null}",
			  "{\"name\":\"新名 \\\"甲\\\"\",\"purpose\":5,\"kind\":1,\"org\":7,"
			  "\"start\":1795400000,\"state\":\"confirmed\",\"Z\":true}",
			  lines, 8);
	assert_int_equal(n, 6);
	assert_string_equal(lines[0], "Z: 1");
	assert_string_equal(lines[1], "Name: 旧名 -> 新名 \"甲\"");
	assert_string_equal(lines[2], "Organisation: - -> 7");
	snprintf(want, sizeof(want), "Purpose: %s -> %s", list_label(&LIST_PURPOSE, 3),
		 list_label(&LIST_PURPOSE, 5));
	assert_string_equal(lines[3], want);
	clock_local_datetime(1795400000, when, sizeof(when));
	snprintf(want, sizeof(want), "Start: %s", when);
	assert_string_equal(lines[4], want);
	assert_string_equal(lines[5], "State: confirmed");
	assert_int_equal(audit_changes(NULL, "{\"a\":1,\"b\":2}", lines, 1), 1);
	assert_string_equal(lines[0], "a: 1");
}

static void test_a_snapshot_that_is_no_flat_object_reads_as_empty(void **state)
{
	char lines[4][AUDIT_LINE];

	(void)state;
	assert_int_equal(audit_changes("{\"a\":1", "{\"a\":1}", lines, 4), 1);
	assert_string_equal(lines[0], "a: 1");
	assert_int_equal(audit_changes("{\"a\":1}", "{\"a\":[1]}", lines, 4), 1);
	assert_string_equal(lines[0], "a: 1 -> -");
	assert_int_equal(audit_changes("not json", NULL, lines, 4), 0);
	assert_int_equal(audit_changes("{\"a\":1}", "{\"a\":1}", lines, 4), 0);
}

static void add_entry(struct tdb *t, const char *action)
{
	struct hd_err err;

	assert_int_equal(audit_log(t->db, &t->who, action, "booking", 1, NULL, "{}", &err), HD_OK);
}

static int count_matching(struct tdb *t, const char *action)
{
	struct audit_filter f = { CLOCK_NO_DAY, NULL, NULL, action };
	struct audit_entry *e = NULL;
	struct hd_err err;
	int n = 0;

	assert_int_equal(audit_entries(t->db, &f, 100, &e, &n, &err), HD_OK);
	audit_entries_free(e, n);
	return n;
}

static void test_the_log_filters_by_an_actions_words_or_its_start(void **state)
{
	struct tdb *t = *state;
	char *list;
	int all;

	add_entry(t, "booking.add");
	add_entry(t, "booking.cancel");
	add_entry(t, "staff.reset-pin");
	add_entry(t, "visit.auto-checkout");
	all = count_matching(t, "");
	assert_true(all >= 4);
	list = audit_actions_matching("New PIN");
	assert_string_equal(list, "staff.reset-pin");
	free(list);
	list = audit_actions_matching("");
	assert_string_equal(list, "");
	free(list);
	assert_int_equal(count_matching(t, "Booking"), 2);
	assert_int_equal(count_matching(t, "cancelled"), 1);
	assert_int_equal(count_matching(t, "New PIN"), 1);
	assert_int_equal(count_matching(t, "closing"), 1);
	assert_int_equal(count_matching(t, "booking."), 2);
	assert_int_equal(count_matching(t, "no such words"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_changes_are_told_field_by_field_in_key_order),
		cmocka_unit_test(test_a_snapshot_that_is_no_flat_object_reads_as_empty),
		cmocka_unit_test_setup_teardown(
			test_the_log_filters_by_an_actions_words_or_its_start, tdb_setup,
			tdb_teardown),
	};

	tdb_env();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
