/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_filing_number.c - filing numbers (备案编号): each filing takes the
 * next place of its year under the centre's code, a new year starts again
 * at 1, a team keeps its number through reopening and filing again, a new
 * centre.code numbers only new filings, teams added filed are numbered,
 * two desks never share a number, and migration 16 numbers the teams filed
 * before in filing order. */
#include "bookingutil.h"

#include "core/db_sqlite.h"
#include "core/filing_number.h"
#include "core/schema.h"
#include "core/team.h"

/* A draft that meets every filing condition. */
static struct team_draft draft(const char *name)
{
	struct team_draft d = { .name = name,
				.category = 1,
				.leader = "张三",
				.phone = "13800001111",
				.members = REC_NUM(12),
				.content = "太极拳晨练",
				.place = "中心广场",
				.schedule = "每天 06:30",
				.committee = "阳光居委会" };

	return d;
}

static long long apply_on(struct db *db, const struct hd_actor *who, const char *name)
{
	struct team_draft d = draft(name);
	long long id = 0;

	EXPECT(HD_OK, team_create(db, who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err));
	return id;
}

static void act_on(struct db *db, const struct hd_actor *who, long long id, enum team_action action,
		   const char *arg)
{
	bool already;
	time_t when;

	EXPECT(HD_OK, team_act(db, who, id, action, arg, false, &already, &when, &err));
	assert_false(already);
}

/* A team applied for, reviewed and filed now; its id. */
static long long filed_on(struct db *db, const struct hd_actor *who, const char *name)
{
	long long id = apply_on(db, who, name);

	act_on(db, who, id, TEAM_REVIEW, NULL);
	act_on(db, who, id, TEAM_FILE, NULL);
	return id;
}

static long long filed(struct tdb *t, const char *name)
{
	return filed_on(t->db, &t->who, name);
}

static enum team_state team_state_of(struct tdb *t, long long id)
{
	struct team tm;

	EXPECT(HD_OK, team_get(t->db, id, &tm, &err));
	return tm.state;
}

/* The number of team id ("" none), in a static buffer. */
static const char *number_of(struct db *db, long long id)
{
	static char n[FILING_NUMBER_MAX];

	EXPECT(HD_OK, filing_number_get(db, id, n, sizeof(n), &err));
	return n;
}

static void test_filings_take_the_next_place_of_the_year(void **state)
{
	struct tdb *t = *state;
	long long a, b, c;

	a = filed(t, "晨光太极队");
	c = apply_on(t->db, &t->who, "夕阳合唱团");
	assert_string_equal(number_of(t->db, c), "");
	act_on(t->db, &t->who, c, TEAM_REVIEW, NULL);
	assert_string_equal(number_of(t->db, c), "");
	b = filed(t, "阳光舞蹈队");
	assert_string_equal(number_of(t->db, a), "HD-2026-0001");
	assert_string_equal(number_of(t->db, b), "HD-2026-0002");
	act_on(t->db, &t->who, c, TEAM_FILE, NULL);
	assert_string_equal(number_of(t->db, c), "HD-2026-0003");
	assert_string_equal(number_of(t->db, 999), "");
}

/* The year is the local one of the filing (Asia/Shanghai): 23:30 on New
 * Year's Eve is still the old year, 00:10 the new one. */
static void test_a_new_year_starts_again_at_one(void **state)
{
	struct tdb *t = *state;
	long long a, b, c;

	at("2026-12-31", "23:30");
	a = filed(t, "晨光太极队");
	at("2027-01-01", "00:10");
	b = filed(t, "阳光舞蹈队");
	c = filed(t, "夕阳合唱团");
	assert_string_equal(number_of(t->db, a), "HD-2026-0001");
	assert_string_equal(number_of(t->db, b), "HD-2027-0001");
	assert_string_equal(number_of(t->db, c), "HD-2027-0002");
	at("2026-11-23", "09:00");
}

/* Reopened back to 已初审 and filed again, deregistered and reopened: the
 * number stays; nobody else ever gets it. */
static void test_a_team_keeps_its_number_for_ever(void **state)
{
	struct tdb *t = *state;
	long long a, b;

	a = filed(t, "晨光太极队");
	act_on(t->db, &t->who, a, TEAM_CLASSIFY, NULL);
	act_on(t->db, &t->who, a, TEAM_REOPEN, "分类有误");
	act_on(t->db, &t->who, a, TEAM_REOPEN, "材料需补充");
	assert_int_equal(team_state_of(t, a), TEAM_REVIEWED);
	assert_string_equal(number_of(t->db, a), "HD-2026-0001");
	at("2027-02-01", "10:00");
	act_on(t->db, &t->who, a, TEAM_FILE, NULL);
	assert_string_equal(number_of(t->db, a), "HD-2026-0001");
	act_on(t->db, &t->who, a, TEAM_DEREGISTER, "团队解散");
	act_on(t->db, &t->who, a, TEAM_REOPEN, "恢复活动");
	assert_string_equal(number_of(t->db, a), "HD-2026-0001");
	b = filed(t, "阳光舞蹈队");
	assert_string_equal(number_of(t->db, b), "HD-2027-0001");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM filing_number"), 2);
	at("2026-11-23", "09:00");
}

static void test_a_new_code_numbers_only_new_filings(void **state)
{
	struct tdb *t = *state;
	long long a, b, c;

	a = filed(t, "晨光太极队");
	set(t, SET_CENTRE_CODE, "gl");
	b = filed(t, "阳光舞蹈队");
	c = filed(t, "夕阳合唱团");
	assert_string_equal(number_of(t->db, a), "HD-2026-0001");
	assert_string_equal(number_of(t->db, b), "GL-2026-0001");
	assert_string_equal(number_of(t->db, c), "GL-2026-0002");
	set(t, SET_CENTRE_CODE, "HD");
	assert_string_equal(number_of(t->db, filed(t, "红枫志愿队")), "HD-2026-0002");
}

/* Imports and the demo add teams filed or classified with their filing
 * date: numbered in the year of that date; other states are not. */
static void test_teams_added_filed_are_numbered_in_their_filing_year(void **state)
{
	struct tdb *t = *state;
	struct team_draft d1 = draft("晨光太极队"), d2 = draft("阳光舞蹈队"),
			  d3 = draft("夕阳合唱团"), d4 = draft("红枫志愿队");
	long long a, b, c, e;

	EXPECT(HD_OK,
	       team_create(t->db, &t->who, &d1, TEAM_FILED, clock_day_of("2025-05-01"), &a, &err));
	EXPECT(HD_OK, team_create(t->db, &t->who, &d2, TEAM_CLASSIFIED, clock_day_of("2025-03-01"),
				  &b, &err));
	EXPECT(HD_OK, team_create(t->db, &t->who, &d3, TEAM_REVIEWED, CLOCK_NO_DAY, &c, &err));
	EXPECT(HD_OK, team_create(t->db, &t->who, &d4, TEAM_FILED, CLOCK_NO_DAY, &e, &err));
	assert_string_equal(number_of(t->db, a), "HD-2025-0001");
	assert_string_equal(number_of(t->db, b), "HD-2025-0002");
	assert_string_equal(number_of(t->db, c), "");
	assert_string_equal(number_of(t->db, e), "HD-2026-0001");
	/* An edit that files a team numbers it too. */
	EXPECT(HD_OK, team_update(t->db, &t->who, c, &d3, TEAM_FILED, clock_day_of("2026-11-20"),
				  "导入", &err));
	assert_string_equal(number_of(t->db, c), "HD-2026-0002");
}

/* Two desks on their own connections: each filing reads the place the
 * other took, and the table refuses a number twice whatever the path. */
static void test_two_desks_never_share_a_number(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk2 = actor_command_line("desk2");
	struct db *db2 = NULL;
	long long a, b, c;

	EXPECT(HD_OK, db_open(t->path, DB_EXISTING, &db2, &err));
	a = apply_on(t->db, &t->who, "晨光太极队");
	b = apply_on(db2, &desk2, "阳光舞蹈队");
	act_on(t->db, &t->who, a, TEAM_REVIEW, NULL);
	act_on(db2, &desk2, b, TEAM_REVIEW, NULL);
	act_on(db2, &desk2, b, TEAM_FILE, NULL);
	act_on(t->db, &t->who, a, TEAM_FILE, NULL);
	c = filed_on(db2, &desk2, "夕阳合唱团");
	assert_string_equal(number_of(t->db, b), "HD-2026-0001");
	assert_string_equal(number_of(db2, a), "HD-2026-0002");
	assert_string_equal(number_of(t->db, c), "HD-2026-0003");
	db_close(db2);
	assert_false(tdb_exec(t->db, "INSERT INTO filing_number(team_id, code, year, seq, number)"
				     " VALUES (999, 'HD', 2026, 1, 'HD-2026-0009')"));
	assert_false(tdb_exec(t->db, "INSERT INTO filing_number(team_id, code, year, seq, number)"
				     " VALUES (999, 'HD', 2026, 9, 'HD-2026-0001')"));
}

/* A database of schema 15 holding teams filed in 2025 and 2026 (out of id
 * order), one deregistered after its filing, one never filed. */
static void make_schema_15(const char *path)
{
	static const char *const TEAMS =
		"INSERT INTO team(id, name, short, category, state, leader, phone, members, content,"
		" place, schedule, filed_date, created, updated) VALUES"
		" (1, '甲队', '甲队', 1, 3, '张三', '13800001111', 12, '练', '场', '早', '2026-03-01',"
		"  1700000000, 1780000000),"
		" (2, '乙队', '乙队', 1, 4, '张三', '13800001111', 12, '练', '场', '早', '2025-06-01',"
		"  1700000000, 1780000000),"
		" (3, '丙队', '丙队', 1, 3, '张三', '13800001111', 12, '练', '场', '早', '2025-02-01',"
		"  1700000000, 1780000000),"
		" (4, '丁队', '丁队', 1, 5, '张三', '13800001111', 12, '练', '场', '早', '2026-01-15',"
		"  1700000000, 1780000000),"
		" (5, '戊队', '戊队', 1, 2, '张三', '13800001111', 12, '练', '场', '早', NULL,"
		"  1700000000, 1780000000),"
		" (6, '己队', '己队', 1, 3, '张三', '13800001111', 12, '练', '场', '早', '2026-03-01',"
		"  1700000000, 1780000000);"
		/* 甲队 and 己队 were filed the same day, 己队 first. */
		"INSERT INTO team_step(team_id, at, actor, from_state, to_state) VALUES"
		" (1, 1772352000, '王工', 2, 3), (6, 1772330000, '王工', 2, 3);";
	sqlite3 *db = NULL;
	int v;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (v = 1; v <= 15; v++)
		assert_int_equal(sqlite3_exec(db, schema_migration(v), NULL, NULL, NULL),
				 SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 15", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, TEAMS, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void test_migration_numbers_teams_filed_before_in_filing_order(void **state)
{
	struct tdb *t = *state;
	char path[160];
	struct db *db = NULL;

	tdb_sqlite_only(*state);
	snprintf(path, sizeof(path), "%s/old.db", t->dir);
	make_schema_15(path);
	EXPECT(HD_OK, db_open(path, DB_EXISTING, &db, &err));
	assert_int_equal(tdb_int(db, "PRAGMA user_version"), db_schema_latest());
	assert_string_equal(number_of(db, 3), "HD-2025-0001");
	assert_string_equal(number_of(db, 2), "HD-2025-0002");
	assert_string_equal(number_of(db, 4), "HD-2026-0001");
	assert_string_equal(number_of(db, 6), "HD-2026-0002");
	assert_string_equal(number_of(db, 1), "HD-2026-0003");
	assert_string_equal(number_of(db, 5), "");
	/* The next filing follows them. */
	act_on(db, &t->who, 5, TEAM_FILE, NULL);
	assert_string_equal(number_of(db, 5), "HD-2026-0004");
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_filings_take_the_next_place_of_the_year,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_new_year_starts_again_at_one, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_team_keeps_its_number_for_ever, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_new_code_numbers_only_new_filings, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_teams_added_filed_are_numbered_in_their_filing_year, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_two_desks_never_share_a_number, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_migration_numbers_teams_filed_before_in_filing_order, tdb_setup_sqlite,
			tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
