/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_org.c - the register of organisations and teams. */
#include "testutil.h"

#include "core/org.h"
#include "core/search.h"
#include "core/team.h"

static struct org_draft draft(const char *name, const char *kind)
{
	struct org_draft d = { .name = name };

	/* The kind as the command line gives it: a word, name or number. */
	record_parse(&ORG_RECORD.fields[ORG_F_kind], kind, &d, NULL);
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
	assert_int_equal(tdb_audits(t->db, "action = 'org.add' AND actor = 'command-line'", 0,
				    "after.name='阳光社工服务社'", NULL),
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

static struct team_draft team(const char *name, const char *committee, long members)
{
	struct team_draft d = { .name = name,
				.category = 1,
				.leader = "李四",
				.phone = "021-58881234",
				.members = REC_NUM(members),
				.content = "合唱",
				.place = "多功能厅",
				.schedule = "每周二下午",
				.committee = committee };

	return d;
}

static void test_edit_checks_every_field_reindexes_and_audits(void **state)
{
	struct tdb *t = *state;
	struct org_draft d = draft("阳光社工服务社", "入驻机构"), e;
	struct search_hit hits[4];
	struct org_notes notes;
	struct hd_err err;
	struct org o;
	long long id, other;
	int n;

	assert_int_equal(org_add(t->db, &t->who, &d, &id, &notes, &err), HD_OK);
	d = draft("绿叶环保协会", "社区社会组织");
	assert_int_equal(org_add(t->db, &t->who, &d, &other, &notes, &err), HD_OK);
	e = draft("晨曦社工服务社", "入驻机构");
	e.short_name = "晨曦";
	e.credit_code = "52310115MJ50000174"; /* the check character fails */
	e.phone = "13812345678";
	assert_int_equal(org_update(t->db, &t->who, id, &e, &notes, &err), HD_OK);
	assert_true(notes.credit_check_failed);
	assert_int_equal(org_get(t->db, id, &o, &err), HD_OK);
	assert_string_equal(o.name, "晨曦社工服务社");
	assert_string_equal(o.short_name, "晨曦");
	assert_false(o.credit_ok);
	/* Found by its new name, no longer by the old one. */
	assert_int_equal(search_names(t->db, "晨曦", SEARCH_ORG, hits, 4, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(search_names(t->db, "阳光", SEARCH_ORG, hits, 4, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	assert_int_equal(tdb_audits(t->db, "action = 'org.edit'", 0, "before.name='阳光社工服务社'",
				    "after.name='晨曦社工服务社'", NULL),
			 1);
	/* Another organisation's name is refused; a bad field names itself. */
	e = draft("绿叶环保协会", "入驻机构");
	assert_int_equal(org_update(t->db, &t->who, id, &e, &notes, &err), HD_REFUSED);
	e = draft("", "入驻机构");
	assert_int_equal(org_update(t->db, &t->who, id, &e, &notes, &err), HD_BAD_INPUT);
	assert_int_equal(org_update(t->db, &t->who, 999, &d, &notes, &err), HD_NOT_FOUND);
	assert_int_equal(org_get(t->db, id, &o, &err), HD_OK);
	assert_string_equal(o.name, "晨曦社工服务社");
}

static void test_residence_ending_lists_the_next_30_days_and_the_past(void **state)
{
	struct tdb *t = *state;
	static const char *const OUT[] = { "2026-11-01", "2026-12-23", "2026-12-24", "2027-05-01" };
	static const char *const NAMES[] = { "甲服务社", "乙服务社", "丙服务社", "丁服务社" };
	struct org_draft d;
	struct org_notes notes;
	struct hd_err err;
	struct org *all = NULL;
	long long id;
	int n = 0, i;

	for (i = 0; i < 4; i++) {
		d = draft(NAMES[i], "入驻机构");
		d.in_date = "2025-01-01";
		d.out_date = OUT[i];
		assert_int_equal(org_add(t->db, &t->who, &d, &id, &notes, &err), HD_OK);
	}
	/* Today is 2026-11-23: ended, and ending up to 2026-12-23. */
	assert_int_equal(org_residence_ending(t->db, 30, &all, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_string_equal(all[0].name, "甲服务社");
	assert_string_equal(all[1].name, "乙服务社");
	free(all);
}

/* An organisation has moved out from the day after its move-out day, in
 * local time; one without a move-out day never has. */
static void test_moved_out_starts_the_day_after_the_move_out_day(void **state)
{
	struct org o = { .out_date = "2026-11-23" };

	(void)state;
	assert_int_equal(org_out_day(&o), clock_days_from_civil(2026, 11, 23));
	assert_false(org_moved_out(&o, tat("2026-11-23 23:59")));
	assert_true(org_moved_out(&o, tat("2026-11-24 00:00")));
	assert_false(org_moved_out(&o, tat("2026-11-01 09:00")));
	o.out_date[0] = '\0';
	assert_int_equal(org_out_day(&o), CLOCK_NO_DAY);
	assert_false(org_moved_out(&o, tat("2030-01-01 09:00")));
}

static void test_team_name_is_unique_within_its_committee_only(void **state)
{
	struct tdb *t = *state;
	struct team_draft d = team("夕阳红合唱团", "阳光居委会", 20);
	struct hd_err err;
	struct team got;
	long long id;

	assert_int_equal(team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err),
			 HD_OK);
	assert_int_equal(team_get(t->db, id, &got, &err), HD_OK);
	assert_int_equal(got.state, TEAM_APPLIED);
	assert_string_equal(got.phone, "021-58881234");
	assert_int_equal(team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err),
			 HD_REFUSED);
	d.committee = "东方居委会";
	assert_int_equal(team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err),
			 HD_OK);
}

static void test_team_needs_ten_members(void **state)
{
	struct tdb *t = *state;
	struct team_draft d = team("小组", "", 9);
	struct hd_err err;
	long long id;

	assert_int_equal(team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err),
			 HD_BAD_INPUT);
	d.members = REC_NUM(10);
	d.party_members = REC_NUM(11);
	assert_int_equal(team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err),
			 HD_BAD_INPUT);
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
		cmocka_unit_test_setup_teardown(test_org_is_saved_normalised_with_audit_and_index,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_failing_check_character_is_kept_with_a_warning,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_duplicate_name_or_code_is_refused_and_nothing_is_written, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_bad_fields_are_named, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_edit_checks_every_field_reindexes_and_audits,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_residence_ending_lists_the_next_30_days_and_the_past, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_moved_out_starts_the_day_after_the_move_out_day,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_team_name_is_unique_within_its_committee_only,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_team_needs_ten_members, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_demo_has_every_team_state_and_valid_codes,
						tdb_setup, tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
