/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_search.c - name search over organisations and teams. */
#include "testutil.h"

#include "core/org.h"
#include "core/room.h"
#include "core/search.h"
#include "core/team.h"
#include "core/visit.h"

static long long add_org(struct tdb *t, const char *name, const char *short_name)
{
	struct org_draft d = { .name = name, .kind = 2, .short_name = short_name };
	struct hd_err err;
	long long id = 0;

	assert_int_equal(org_add(t->db, &t->who, &d, &id, NULL, &err), HD_OK);
	return id;
}

static long long add_team(struct tdb *t, const char *name)
{
	struct team_draft d = { .name = name,
				.category = 1,
				.leader = "张三",
				.phone = "13812345678",
				.members = REC_NUM(12),
				.content = "排练",
				.place = "活动室",
				.schedule = "每周一" };
	struct hd_err err;
	long long id = 0;

	assert_int_equal(team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err),
			 HD_OK);
	return id;
}

static int find(struct tdb *t, const char *q, struct search_hit *hits, int max)
{
	struct hd_err err;
	int n = -1;

	assert_int_equal(search_names(t->db, q, SEARCH_ALL, hits, max, &n, &err), HD_OK);
	return n;
}

static void test_one_chinese_character_finds_every_name_holding_it(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];

	add_org(t, "阳光社工服务社", NULL);
	add_org(t, "东方睦邻互助会", NULL);
	add_team(t, "夕阳红合唱团");
	assert_int_equal(find(t, "阳", hits, 10), 2);
	assert_string_equal(hits[0].name, "阳光社工服务社");
	assert_string_equal(hits[1].name, "夕阳红合唱团");
	assert_int_equal(hits[1].kind, SEARCH_TEAM);
}

static void test_match_at_start_ranks_before_match_inside(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];

	add_org(t, "花园社区志愿者协会", NULL);
	add_org(t, "志愿者之家", NULL);
	assert_int_equal(find(t, "志愿", hits, 10), 2);
	assert_string_equal(hits[0].name, "志愿者之家");
}

static void test_shorter_name_ranks_first_at_same_position(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];

	add_org(t, "书香社区读书会", NULL);
	add_org(t, "书香会", NULL);
	assert_int_equal(find(t, "书香", hits, 10), 2);
	assert_string_equal(hits[0].name, "书香会");
}

static void test_longer_query_must_match_whole(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];

	add_org(t, "绿叶环保公益促进会", NULL);
	add_org(t, "绿叶读书会", NULL);
	assert_int_equal(find(t, "绿叶环保", hits, 10), 1);
	assert_string_equal(hits[0].name, "绿叶环保公益促进会");
	assert_int_equal(find(t, "绿叶环境", hits, 10), 0);
}

static void test_query_is_found_through_its_rarest_piece_and_ranked(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];
	char name[64];
	int i;

	for (i = 0; i < 12; i++) {
		snprintf(name, sizeof(name), "社区服务中心%d号", i);
		add_org(t, name, NULL);
	}
	add_org(t, "花园社区绿地守护队", NULL);
	add_org(t, "社区绿地志愿队", NULL);
	assert_int_equal(find(t, "社区绿地", hits, 10), 2);
	assert_string_equal(hits[0].name, "社区绿地志愿队");
	assert_string_equal(hits[1].name, "花园社区绿地守护队");
	assert_int_equal(find(t, "区服务中心1", hits, 10), 3); /* 1, 10, 11 */
}

static void test_kinds_filter_organisations_or_teams(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];
	struct hd_err err;
	int n = -1;

	add_org(t, "晨光服务社", NULL);
	add_team(t, "晨光太极队");
	assert_int_equal(search_names(t->db, "晨光", SEARCH_TEAM, hits, 10, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].kind, SEARCH_TEAM);
	assert_int_equal(search_names(t->db, "晨光", SEARCH_ORG, hits, 10, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].kind, SEARCH_ORG);
}

static void test_latin_letters_match_without_case(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];

	add_org(t, "ABC青年空间", NULL);
	assert_int_equal(find(t, "abc", hits, 10), 1);
	assert_int_equal(find(t, "Bc青", hits, 10), 1);
}

static void test_short_name_is_searched_too(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];

	add_org(t, "上海市浦东新区乐龄长者综合服务中心", "乐龄之家");
	assert_int_equal(find(t, "之家", hits, 10), 1);
	assert_string_equal(hits[0].short_name, "乐龄之家");
}

static void test_a_name_is_listed_once_even_when_matching_twice(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];

	add_org(t, "社区社区服务社", NULL);
	assert_int_equal(find(t, "社", hits, 10), 1);
}

static void test_empty_or_blank_query_gives_nothing_and_browse_lists_by_name(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];
	struct hd_err err;
	int n = -1;

	add_org(t, "乙机构", NULL);
	add_team(t, "甲团队");
	assert_int_equal(find(t, "", hits, 10), 0);
	assert_int_equal(find(t, " \u3000 ", hits, 10), 0);
	assert_int_equal(search_browse(t->db, SEARCH_ALL, hits, 10, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_string_equal(hits[0].name, "乙机构"); /* code point order: 乙 U+4E59 < 甲 U+7532 */
}

static void test_max_limits_the_hits(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[3];
	char name[64];
	int i;

	for (i = 0; i < 6; i++) {
		snprintf(name, sizeof(name), "公益小组%d", i);
		add_org(t, name, NULL);
	}
	assert_int_equal(find(t, "公益", hits, 3), 3);
}

static long long add_room(struct tdb *t, const char *name)
{
	struct room_draft d = { .name = name, .kind = 1, .capacity = REC_NUM(20) };
	struct hd_err err;
	long long id = 0;

	assert_int_equal(room_add(t->db, &t->who, &d, &id, &err), HD_OK);
	return id;
}

/* The names of hits, one line each, for comparing in one go. */
static const char *names_of(const struct search_hit *hits, int n)
{
	static char out[1024];
	size_t used = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(out + used, sizeof(out) - used, "%s%s", i ? "\n" : "",
					 hits[i].name);
	return out;
}

static void test_initials_and_syllables_find_a_name(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];

	add_team(t, "夕阳红合唱团");
	add_org(t, "东方睦邻互助会", NULL);
	assert_int_equal(find(t, "xyh", hits, 10), 1);
	assert_string_equal(hits[0].name, "夕阳红合唱团");
	assert_int_equal(hits[0].kind, SEARCH_TEAM);
	assert_int_equal(find(t, "xiyang", hits, 10), 1);
	assert_int_equal(find(t, "xiyan", hits, 10), 1);
	assert_int_equal(find(t, "xyhhct", hits, 10), 1);
	assert_int_equal(find(t, "xiyh", hits, 10), 1);
	assert_int_equal(find(t, "xiyanghhc", hits, 10), 1);
	assert_int_equal(find(t, "hechangt", hits, 10), 1); /* from inside the name */
	assert_int_equal(find(t, "hechtuan", hits, 10), 1);
	assert_int_equal(find(t, "hct", hits, 10), 1);
	assert_int_equal(find(t, "dfml", hits, 10), 1);
	assert_string_equal(hits[0].name, "东方睦邻互助会");
	assert_int_equal(find(t, "xyhz", hits, 10), 0);
	assert_int_equal(find(t, "yhx", hits, 10), 0);
	assert_int_equal(find(t, "XYH", hits, 10), 0); /* upper case is typed as it is */
}

static void test_every_reading_of_a_polyphonic_character_finds(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];

	add_org(t, "曾家湾社区服务社", NULL);
	add_team(t, "单家村腰鼓队");
	add_team(t, "区老年大学乐团");
	assert_int_equal(find(t, "zeng", hits, 10), 1);
	assert_string_equal(hits[0].name, "曾家湾社区服务社");
	assert_int_equal(find(t, "ceng", hits, 10), 1);
	assert_int_equal(find(t, "zjw", hits, 10), 1);
	assert_int_equal(find(t, "cjw", hits, 10), 1);
	assert_int_equal(find(t, "dan", hits, 10), 1);
	assert_string_equal(hits[0].name, "单家村腰鼓队");
	assert_int_equal(find(t, "shan", hits, 10), 1);
	assert_int_equal(find(t, "shanjia", hits, 10), 1);
	assert_int_equal(find(t, "oulndx", hits, 10), 1);
	assert_int_equal(find(t, "qlndx", hits, 10), 1);
	assert_int_equal(find(t, "yuetuan", hits, 10), 1); /* inside: 乐团 */
	assert_int_equal(find(t, "letuan", hits, 10), 1);
}

static void test_literal_then_pinyin_from_start_then_from_inside(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];

	add_team(t, "夕阳红合唱团");
	add_org(t, "红茶厅读书会", NULL);
	add_org(t, "HCT青年空间", NULL);
	assert_int_equal(find(t, "hct", hits, 10), 3);
	assert_string_equal(names_of(hits, 3), "HCT青年空间\n红茶厅读书会\n夕阳红合唱团");
	assert_int_equal(find(t, "hct", hits, 2), 2);
	assert_string_equal(names_of(hits, 2), "HCT青年空间\n红茶厅读书会");
}

static void test_short_names_are_spelled_too(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];

	add_org(t, "上海市浦东新区乐龄长者综合服务中心", "乐龄之家");
	assert_int_equal(find(t, "llzj", hits, 10), 1);
	assert_string_equal(hits[0].short_name, "乐龄之家");
	assert_int_equal(find(t, "shpd", hits, 10), 1);
	assert_int_equal(find(t, "pdxq", hits, 10), 1);
}

static void test_pinyin_follows_renames_and_kinds(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[10];
	struct org_draft d = { .name = "晨光服务社", .kind = 2 };
	struct hd_err err;
	long long id = add_org(t, "夕阳服务社", NULL);
	int n = -1;

	add_team(t, "晨光太极队");
	add_room(t, "晨光厅");
	assert_int_equal(org_update(t->db, &t->who, id, &d, NULL, &err), HD_OK);
	assert_int_equal(find(t, "xyfws", hits, 10), 0);
	assert_int_equal(find(t, "cg", hits, 10), 2); /* rooms are words, not hits */
	assert_int_equal(search_names(t->db, "cg", SEARCH_TEAM, hits, 10, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(hits[0].name, "晨光太极队");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM name_pinyin WHERE kind = 4"), 3);
}

static void test_words_are_the_beginnings_the_letters_spell(void **state)
{
	struct tdb *t = *state;
	char words[8][NAME_BYTES];
	struct visit_draft v = { .name = "夕阳", .purpose = 1 };
	struct hd_err err;
	long long visit = 0;
	int n = -1;

	add_team(t, "夕阳红合唱团");
	add_org(t, "夕阳红", NULL);
	add_org(t, "西洋画研究会", NULL);
	add_room(t, "小会议室");
	assert_int_equal(visit_checkin(t->db, &t->who, &v, &visit, &err), HD_OK);
	assert_int_equal(search_words(t->db, "xyh", words, 8, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_string_equal(words[0], "夕阳红"); /* a whole name spelled */
	assert_string_equal(words[1], "西洋画");
	assert_int_equal(search_words(t->db, "xyhhct", words, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(words[0], "夕阳红合唱团");
	assert_int_equal(search_words(t->db, "xiyang", words, 8, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_string_equal(words[0], "夕阳");
	assert_string_equal(words[1], "西洋");
	assert_int_equal(search_words(t->db, "xhys", words, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(words[0], "小会议室");
	assert_int_equal(search_words(t->db, "x", words, 1, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(search_words(t->db, "qq", words, 8, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	assert_int_equal(search_words(t->db, "夕", words, 8, &n, &err), HD_OK);
	assert_int_equal(n, 0);
}

/* Takes migration 18 (centres) back out of t's file. */
static void undo_centres(struct tdb *t)
{
	static const char *const TABLES[] = {
		"meta",      "setting",   "audit",   "room",    "room_closure",  "org",     "team",
		"team_step", "name_gram", "staff",   "spool",   "person",        "visitee", "visit",
		"closure",   "booking",   "erasure", "opening", "filing_number", NULL
	};
	char sql[128];
	int i;

	assert_true(tdb_exec(t->db, "DROP TABLE centre; DROP TABLE centre_move;"
				    " DROP INDEX setting_centre_key; DROP INDEX opening_centre_day;"
				    " DROP INDEX visitee_centre_name;"));
	for (i = 0; TABLES[i]; i++) {
		snprintf(sql, sizeof(sql), "ALTER TABLE %s DROP COLUMN centre_id", TABLES[i]);
		assert_true(tdb_exec(t->db, sql));
	}
}

/* A database of the schema before the pinyin index gets it for the names
 * it holds when it is opened. */
static void test_the_pinyin_of_existing_names_is_written_once_migrated(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	struct search_hit hits[10];
	struct visit_draft v = { .name = "张三丰", .purpose = 1 };
	struct hd_err err;
	long long visit = 0;
	int latest = db_schema_latest();

	add_team(t, "夕阳红合唱团");
	add_room(t, "小会议室");
	assert_int_equal(visit_checkin(t->db, &t->who, &v, &visit, &err), HD_OK);
	assert_true(tdb_exec(t->db, "DROP TABLE name_pinyin; PRAGMA user_version = 16;"));
	undo_centres(t);
	db_close(t->db);
	assert_int_equal(db_open(t->path, DB_EXISTING, &t->db, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "PRAGMA user_version"), latest);
	assert_int_equal(find(t, "xyh", hits, 10), 1);
	assert_true(tdb_int(t->db, "SELECT count(*) FROM name_pinyin WHERE kind = 4") > 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM name_pinyin WHERE kind = 8"
					" AND initials = 'zsf' AND at = 2"),
			 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_one_chinese_character_finds_every_name_holding_it, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_match_at_start_ranks_before_match_inside,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_shorter_name_ranks_first_at_same_position,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_longer_query_must_match_whole, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_query_is_found_through_its_rarest_piece_and_ranked, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_kinds_filter_organisations_or_teams, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_latin_letters_match_without_case, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_short_name_is_searched_too, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_name_is_listed_once_even_when_matching_twice,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_empty_or_blank_query_gives_nothing_and_browse_lists_by_name, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_max_limits_the_hits, tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_initials_and_syllables_find_a_name, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_every_reading_of_a_polyphonic_character_finds,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_literal_then_pinyin_from_start_then_from_inside,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_short_names_are_spelled_too, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_pinyin_follows_renames_and_kinds, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_words_are_the_beginnings_the_letters_spell,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_the_pinyin_of_existing_names_is_written_once_migrated,
			tdb_setup_sqlite, tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
