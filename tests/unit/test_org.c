/* test_org.c - the register of organisations and teams. */
#include "testutil.h"

#include "core/org.h"
#include "core/team.h"

static struct org_draft draft(const char *name, const char *kind)
{
	struct org_draft d = { name, kind, NULL, NULL, NULL, NULL, NULL, NULL };

	return d;
}

static void test_org_is_saved_normalised_with_audit_and_index(void **state)
{
	struct tdb *t = *state;
	struct org_draft d = draft("  阳光社工服务社 ", "入驻机构");
	struct org_notes notes;
	struct hd_err err;
	struct org o;
	long long id;

	d.credit_code = "52310115mj50000173";
	d.phone = "+86 138-1234-5678";
	d.in_date = "2026/1/5";
	d.out_date = "2027-01-04";
	assert_int_equal(org_add(t->db, &t->who, &d, &id, &notes, &err), HD_OK);
	assert_false(notes.credit_check_failed);
	assert_false(notes.not_civil_affairs);
	assert_int_equal(org_get(t->db, id, &o, &err), HD_OK);
	assert_string_equal(o.name, "阳光社工服务社");
	assert_string_equal(o.short_name, "阳光社工");
	assert_string_equal(o.credit_code, "52310115MJ50000173");
	assert_string_equal(o.phone, "13812345678");
	assert_string_equal(o.in_date, "2026-01-05");
	assert_int_equal(o.kind, 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'org.add'"
					" AND json_extract(after, '$.name') = '阳光社工服务社'"
					" AND actor = 'command-line'"),
			 1);
	assert_true(tdb_int(t->db, "SELECT count(*) FROM name_gram WHERE kind = 1") > 0);
}

static void test_failing_check_character_is_kept_with_a_warning(void **state)
{
	struct tdb *t = *state;
	struct org_draft d = draft("某协会", "community");
	struct org_notes notes;
	struct hd_err err;
	struct org o;
	long long id;

	d.credit_code = "52310115MJ50000174";
	assert_int_equal(org_add(t->db, &t->who, &d, &id, &notes, &err), HD_OK);
	assert_true(notes.credit_check_failed);
	assert_int_equal(org_get(t->db, id, &o, &err), HD_OK);
	assert_false(o.credit_ok);
}

static void test_duplicate_name_or_code_is_refused_and_nothing_is_written(void **state)
{
	struct tdb *t = *state;
	struct org_draft d = draft("某协会", "community");
	struct hd_err err;
	long long id, rows, audits;

	d.credit_code = "91110000600037341L";
	assert_int_equal(org_add(t->db, &t->who, &d, &id, NULL, &err), HD_OK);
	rows = tdb_int(t->db, "SELECT count(*) FROM org");
	audits = tdb_int(t->db, "SELECT count(*) FROM audit");
	assert_int_equal(org_add(t->db, &t->who, &d, &id, NULL, &err), HD_REFUSED);
	assert_string_equal(err.field, "name");
	d.name = "另一个协会";
	assert_int_equal(org_add(t->db, &t->who, &d, &id, NULL, &err), HD_REFUSED);
	assert_string_equal(err.field, "credit_code");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org"), rows);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit"), audits);
}

static void test_bad_fields_are_named(void **state)
{
	struct tdb *t = *state;
	struct org_draft d;
	struct hd_err err;
	long long id;

	d = draft("", "1");
	assert_int_equal(org_add(t->db, &t->who, &d, &id, NULL, &err), HD_BAD_INPUT);
	d = draft("某协会", "9");
	assert_int_equal(org_add(t->db, &t->who, &d, &id, NULL, &err), HD_BAD_INPUT);
	d = draft("某协会", "other");
	d.in_date = "2026-01-01";
	assert_int_equal(org_add(t->db, &t->who, &d, &id, NULL, &err), HD_BAD_INPUT);
	d = draft("某协会", "resident");
	d.in_date = "2026-01-01";
	d.out_date = "2025-12-31";
	assert_int_equal(org_add(t->db, &t->who, &d, &id, NULL, &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "out");
	d = draft("某协会", "resident");
	d.short_name = "五个字简称";
	assert_int_equal(org_add(t->db, &t->who, &d, &id, NULL, &err), HD_BAD_INPUT);
	d = draft("某协会", "resident");
	d.credit_code = "52310115MJ5000017";
	assert_int_equal(org_add(t->db, &t->who, &d, &id, NULL, &err), HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org"), 0);
}

static struct team_draft team(const char *name, const char *committee, const char *members)
{
	struct team_draft d = { .name = name, .category = "文体活动", .leader = "李四",
				.phone = "021-58881234", .members = members, .content = "合唱",
				.place = "多功能厅", .schedule = "每周二下午", .committee = committee };

	return d;
}

static void test_team_name_is_unique_within_its_committee_only(void **state)
{
	struct tdb *t = *state;
	struct team_draft d = team("夕阳红合唱团", "阳光居委会", "20");
	struct hd_err err;
	struct team got;
	long long id;

	assert_int_equal(team_create(t->db, &t->who, &d, TEAM_APPLIED, NULL, &id, &err), HD_OK);
	assert_int_equal(team_get(t->db, id, &got, &err), HD_OK);
	assert_int_equal(got.state, TEAM_APPLIED);
	assert_string_equal(got.phone, "021-58881234");
	assert_int_equal(team_create(t->db, &t->who, &d, TEAM_APPLIED, NULL, &id, &err), HD_REFUSED);
	d.committee = "东方居委会";
	assert_int_equal(team_create(t->db, &t->who, &d, TEAM_APPLIED, NULL, &id, &err), HD_OK);
}

static void test_team_needs_ten_members(void **state)
{
	struct tdb *t = *state;
	struct team_draft d = team("小组", "", "9");
	struct hd_err err;
	long long id;

	assert_int_equal(team_create(t->db, &t->who, &d, TEAM_APPLIED, NULL, &id, &err), HD_BAD_INPUT);
	d.members = "10";
	d.party_members = "11";
	assert_int_equal(team_create(t->db, &t->who, &d, TEAM_APPLIED, NULL, &id, &err), HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM team"), 0);
}

static void test_demo_has_every_team_state_and_valid_codes(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;

	assert_int_equal(setup_demo(t->db, &t->who, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(DISTINCT state) FROM team"), 5);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org WHERE credit_ok = 0"), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org"), 12);
	assert_true(tdb_int(t->db, "SELECT count(*) FROM room") >= 8);
	assert_int_equal(setup_demo(t->db, &t->who, &err), HD_REFUSED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org"), 12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_org_is_saved_normalised_with_audit_and_index, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_failing_check_character_is_kept_with_a_warning, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_name_or_code_is_refused_and_nothing_is_written, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_bad_fields_are_named, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_team_name_is_unique_within_its_committee_only, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_team_needs_ten_members, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_demo_has_every_team_state_and_valid_codes, tdb_setup, tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
