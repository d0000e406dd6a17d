/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_import.c - registers from a spreadsheet's CSV: organisations added
 * and then updated by name, every problem named by spreadsheet row and
 * column with nothing saved, columns in any order, unknown ones ignored and
 * needed ones required, teams with their state and filing date, rooms with
 * their hours, a stopped import, a row made wrong between the check and
 * the saving, desks writing between the batches, and who may import. */
#include "bookingutil.h"

#include <iconv.h>
#include <pthread.h>
#include <stdatomic.h>

#include "core/import.h"
#include "core/org.h"
#include "core/search.h"
#include "core/team.h"

#define ORG_HEAD "名称,类型,联系人,联系电话\r\n"
#define TEAM_HEAD \
	"名称,类别,负责人,联系电话,人数,活动内容,活动地点,活动时间,居委会,状态,备案日期\r\n"

/* The result of the last import (each test runs on its own). */
static struct import_result res;

static enum hd_status import_as(struct tdb *t, const struct hd_actor *who, enum import_kind kind,
				const char *text, import_progress_fn progress, void *ctx)
{
	import_result_free(&res);
	return import_csv(t->db, who, kind, text, strlen(text), progress, ctx, &res, &err);
}

static enum hd_status import_text(struct tdb *t, enum import_kind kind, const char *text)
{
	return import_as(t, &t->who, kind, text, NULL, NULL);
}

static int teardown(void **state)
{
	import_result_free(&res);
	return tdb_teardown(state);
}

static long long orgs(struct tdb *t)
{
	return tdb_int(t->db, "SELECT count(*) FROM org");
}

static struct org org_of(struct tdb *t, long long id)
{
	struct org o;

	EXPECT(HD_OK, org_get(t->db, id, &o, &err));
	return o;
}

static struct team team_of(struct tdb *t, long long id)
{
	struct team tm;

	EXPECT(HD_OK, team_get(t->db, id, &tm, &err));
	return tm;
}

static void assert_problem(int i, int row, const char *column, enum hd_status status)
{
	assert_true(i < res.nproblems);
	if (res.problems[i].row != row || strcmp(res.problems[i].column, column) != 0)
		fail_msg("problem %d: row %d column \"%s\" (%s), expected row %d column \"%s\"", i,
			 res.problems[i].row, res.problems[i].column, res.problems[i].msg, row,
			 column);
	assert_int_equal(res.problems[i].status, status);
	assert_true(res.problems[i].msg[0] != '\0');
}

static void test_kinds_are_named_by_word(void **state)
{
	(void)state;
	assert_int_equal(import_kind_of("orgs"), IMPORT_ORGS);
	assert_int_equal(import_kind_of("teams"), IMPORT_TEAMS);
	assert_int_equal(import_kind_of("rooms"), IMPORT_ROOMS);
	assert_int_equal(import_kind_of("people"), -1);
	assert_int_equal(import_kind_of(NULL), -1);
}

static void test_orgs_are_added_then_updated_by_name(void **state)
{
	struct tdb *t = *state;
	struct search_hit hits[8];
	long long ids[2];
	int n = 0;

	EXPECT(HD_OK,
	       import_text(t, IMPORT_ORGS,
			   CSV_BOM ORG_HEAD "阳光社工服务社,社区社会组织,张三,13812345678\r\n"
					    "彩虹志愿者协会,其他,李四,13900001111\r\n"));
	assert_int_equal(res.encoding, CSV_UTF8_BOM);
	assert_int_equal(res.rows, 2);
	assert_int_equal(res.added, 2);
	assert_int_equal(res.updated, 0);
	assert_int_equal(res.nproblems, 0);
	assert_int_equal(res.nignored, 0);
	assert_true(res.done[0].added && res.done[1].added);
	assert_string_equal(res.done[0].name, "阳光社工服务社");
	assert_string_equal(res.done[1].name, "彩虹志愿者协会");
	ids[0] = res.done[0].id;
	ids[1] = res.done[1].id;
	assert_true(ids[0] > 0 && ids[1] > 0 && ids[0] != ids[1]);
	assert_int_equal(orgs(t), 2);
	assert_int_equal(org_of(t, ids[0]).kind, 2);
	assert_string_equal(org_of(t, ids[1]).phone, "13900001111");
	/* The name index knows them. */
	EXPECT(HD_OK, search_names(t->db, "彩虹", SEARCH_ORG, hits, 8, &n, &err));
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].id, ids[1]);

	/* Again with one contact changed: updated, the same records. */
	EXPECT(HD_OK, import_text(t, IMPORT_ORGS,
				  ORG_HEAD "阳光社工服务社,社区社会组织,王五,13812345678\r\n"
					   "彩虹志愿者协会,其他,李四,13900001111\r\n"));
	assert_int_equal(res.encoding, CSV_UTF8);
	assert_int_equal(res.added, 0);
	assert_int_equal(res.updated, 2);
	assert_int_equal(res.done[0].id, ids[0]);
	assert_int_equal(res.done[1].id, ids[1]);
	assert_false(res.done[0].added || res.done[1].added);
	assert_string_equal(org_of(t, ids[0]).contact, "王五");
	assert_int_equal(orgs(t), 2);
}

static void test_gbk_file_is_imported(void **state)
{
	struct tdb *t = *state;
	const char *text = ORG_HEAD "夕阳红互助会,其他,赵六,13700002222\r\n";
	iconv_t cd = iconv_open("GBK", "UTF-8");
	char gbk[256], *in = (char *)text, *o = gbk;
	size_t inleft = strlen(text), outleft = sizeof(gbk);

	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	iconv_close(cd);
	import_result_free(&res);
	EXPECT(HD_OK, import_csv(t->db, &t->who, IMPORT_ORGS, gbk, (size_t)(o - gbk), NULL, NULL,
				 &res, &err));
	assert_int_equal(res.encoding, CSV_GB18030);
	assert_int_equal(res.added, 1);
	assert_string_equal(org_of(t, res.done[0].id).name, "夕阳红互助会");
	assert_string_equal(org_of(t, res.done[0].id).contact, "赵六");
}

static void test_a_bad_phone_on_row_3_saves_nothing(void **state)
{
	struct tdb *t = *state;
	long long before = orgs(t);

	assert_int_equal(import_text(t, IMPORT_ORGS,
				     ORG_HEAD "阳光社工服务社,社区社会组织,张三,13812345678\r\n"
					      "彩虹志愿者协会,其他,李四,12345\r\n"),
			 HD_BAD_INPUT);
	assert_int_equal(err.status, HD_BAD_INPUT);
	assert_int_equal(res.nproblems, 1);
	assert_int_equal(res.bad_rows, 1);
	assert_problem(0, 3, "联系电话", HD_BAD_INPUT);
	assert_int_equal(res.added, 0);
	assert_int_equal(orgs(t), before);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM name_gram"), 0);

	/* Blank lines and a multi-line cell count as a spreadsheet counts. */
	assert_int_equal(
		import_text(t, IMPORT_ORGS,
			    "名称,备注,联系电话\r\n\r\n阳光,\"第一行\r\n第二行\",13812345678\r\n"
			    "彩虹,,13812345678\r\n甲,,0\r\n"),
		HD_BAD_INPUT);
	assert_int_equal(res.rows, 3);
	assert_problem(0, 5, "联系电话", HD_BAD_INPUT);
	assert_int_equal(orgs(t), before);
}

static void test_every_bad_row_is_named(void **state)
{
	struct tdb *t = *state;

	assert_int_equal(import_text(t, IMPORT_ORGS,
				     "名称,类型,联系电话,入驻日期\r\n"
				     ",其他,13812345678,\r\n"
				     "好机构,其他,13812345678,\r\n"
				     "坏类型,火星,13812345678,\r\n"
				     "坏日期,入驻机构,13812345678,2026-02-30\r\n"
				     "多一格,其他,13812345678,,extra\r\n"),
			 HD_BAD_INPUT);
	assert_int_equal(res.rows, 5);
	assert_int_equal(res.nproblems, 4);
	assert_int_equal(res.bad_rows, 4);
	assert_problem(0, 2, "名称", HD_BAD_INPUT);
	assert_problem(1, 4, "类型", HD_BAD_INPUT);
	assert_problem(2, 5, "入驻日期", HD_BAD_INPUT);
	assert_problem(3, 6, "", HD_BAD_INPUT);
	assert_int_equal(orgs(t), 0);
}

static void test_a_credit_code_of_another_org_is_refused(void **state)
{
	struct tdb *t = *state;
	struct org_draft d = { .name = "已有机构", .kind = 3, .credit_code = "52310115MJ50000173" };
	long long id, before;

	EXPECT(HD_OK, org_add(t->db, &t->who, &d, &id, NULL, &err));
	before = orgs(t);
	assert_int_equal(import_text(t, IMPORT_ORGS,
				     "名称,统一社会信用代码\r\n新机构甲,\r\n"
				     "新机构乙,52310115mj50000173\r\n"),
			 HD_REFUSED);
	assert_int_equal(err.status, HD_REFUSED);
	assert_problem(0, 3, "统一社会信用代码", HD_REFUSED);
	assert_int_equal(orgs(t), before);
	assert_string_equal(org_of(t, id).name, "已有机构");
}

static void test_columns_in_any_order_and_unknown_ones_ignored(void **state)
{
	struct tdb *t = *state;
	struct org o;

	EXPECT(HD_OK,
	       import_text(t, IMPORT_ORGS,
			   "联系电话,备注,名称*,联系人,入驻日期,类型,序号\r\n"
			   "13812345678,随便写,阳光社工服务社,张三,2026-01-05,入驻机构,1\r\n"));
	assert_int_equal(res.added, 1);
	assert_int_equal(res.nignored, 2);
	assert_string_equal(res.ignored[0], "备注");
	assert_string_equal(res.ignored[1], "序号");
	o = org_of(t, res.done[0].id);
	assert_string_equal(o.name, "阳光社工服务社");
	assert_string_equal(o.contact, "张三");
	assert_string_equal(o.phone, "13812345678");
	assert_string_equal(o.in_date, "2026-01-05");
	assert_int_equal(o.kind, 1);
}

static void test_a_missing_needed_column_is_named(void **state)
{
	struct tdb *t = *state;

	assert_int_equal(import_text(t, IMPORT_ORGS, "简称,联系人\r\n阳光,张三\r\n"), HD_BAD_INPUT);
	assert_non_null(strstr(err.msg, "名称"));
	assert_int_equal(import_text(t, IMPORT_TEAMS,
				     "名称,负责人,联系电话,活动内容,活动地点,活动时间\r\n"
				     "舞蹈队,张三,13800001111,跳舞,广场,每天\r\n"),
			 HD_BAD_INPUT);
	assert_non_null(strstr(err.msg, "类别"));
	assert_non_null(strstr(err.msg, "人数"));
	assert_null(strstr(err.msg, "负责人"));
	assert_int_equal(import_text(t, IMPORT_ROOMS, "名称,容量\r\n甲,10\r\n"), HD_BAD_INPUT);
	assert_non_null(strstr(err.msg, "类型"));
	/* Nothing at all is refused; a header alone (the export of an empty
	 * register) imports nothing. */
	assert_int_equal(import_text(t, IMPORT_ORGS, ""), HD_BAD_INPUT);
	EXPECT(HD_OK, import_text(t, IMPORT_ORGS, ORG_HEAD));
	assert_int_equal(res.rows, 0);
	assert_int_equal(orgs(t), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM team"), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM room"), 0);
}

static void test_teams_keep_state_and_filing_date(void **state)
{
	struct tdb *t = *state;
	struct team_step *h = NULL;
	struct team tm;
	long long id;
	int n = 0, n2 = 0;

	EXPECT(HD_OK,
	       import_text(t, IMPORT_TEAMS,
			   TEAM_HEAD "夕阳红舞蹈队,文体活动,张三,13800001111,12,广场舞,"
				     "中心广场,每周一 19:00,阳光居委会,已备案,2026-10-08\r\n"));
	assert_int_equal(res.added, 1);
	id = res.done[0].id;
	tm = team_of(t, id);
	assert_int_equal(tm.state, TEAM_FILED);
	assert_string_equal(tm.filed_date, "2026-10-08");
	assert_string_equal(tm.committee, "阳光居委会");
	assert_int_equal(tm.members, 12);
	EXPECT(HD_OK, team_history(t->db, id, &h, &n, &err));
	assert_true(n >= 1);
	assert_int_equal(h[n - 1].to, TEAM_FILED);
	free(h);
	h = NULL;

	/* Again as classified, its filing date left empty: kept. */
	at(NOV(24), "10:00");
	EXPECT(HD_OK, import_text(t, IMPORT_TEAMS,
				  TEAM_HEAD "夕阳红舞蹈队,文体活动,张三,13800001111,15,广场舞,"
					    "中心广场,每周一 19:00,阳光居委会,已分类,\r\n"));
	assert_int_equal(res.added, 0);
	assert_int_equal(res.updated, 1);
	assert_int_equal(res.done[0].id, id);
	tm = team_of(t, id);
	assert_int_equal(tm.state, TEAM_CLASSIFIED);
	assert_string_equal(tm.filed_date, "2026-10-08");
	assert_int_equal(tm.members, 15);
	EXPECT(HD_OK, team_history(t->db, id, &h, &n2, &err));
	assert_int_equal(n2, n + 1);
	assert_int_equal(h[n2 - 1].from, TEAM_FILED);
	assert_int_equal(h[n2 - 1].to, TEAM_CLASSIFIED);
	free(h);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM team"), 1);
}

/* An update changes what the file gives: a column the file does not have
 * keeps the record's value (a cell left empty clears it). */
static void test_columns_not_in_the_file_are_kept(void **state)
{
	struct tdb *t = *state;
	struct team tm;
	struct org o;
	long long id;

	EXPECT(HD_OK,
	       import_text(t, IMPORT_TEAMS,
			   TEAM_HEAD "夕阳红舞蹈队,文体活动,张三,13800001111,12,广场舞,"
				     "中心广场,每周一 19:00,阳光居委会,已备案,2026-10-08\r\n"));
	id = res.done[0].id;
	assert_true(tdb_exec(t->db, "UPDATE team SET party_members = 3, street = '花园街道'"));
	EXPECT(HD_OK,
	       import_text(t, IMPORT_TEAMS,
			   "名称,类别,负责人,联系电话,人数,活动内容,活动地点,活动时间,居委会\r\n"
			   "夕阳红舞蹈队,文体活动,张三,13800001111,20,广场舞,中心广场,"
			   "每周一 19:00,阳光居委会\r\n"));
	assert_int_equal(res.updated, 1);
	tm = team_of(t, id);
	assert_int_equal(tm.members, 20);
	assert_int_equal(tm.state, TEAM_FILED);
	assert_string_equal(tm.filed_date, "2026-10-08");
	assert_int_equal(tm.party_members, 3);
	assert_string_equal(tm.street, "花园街道");

	EXPECT(HD_OK,
	       import_text(
		       t, IMPORT_ORGS,
		       "名称,类型,联系人,联系电话\r\n阳光社工,社区社会组织,王丽,13912345678\r\n"));
	id = res.done[0].id;
	EXPECT(HD_OK, import_text(t, IMPORT_ORGS, "名称,联系人\r\n阳光社工,李明\r\n"));
	o = org_of(t, id);
	assert_int_equal(o.kind, 2);
	assert_string_equal(o.contact, "李明");
	assert_string_equal(o.phone, "13912345678");
	EXPECT(HD_OK, import_text(t, IMPORT_ORGS, "名称,联系电话\r\n阳光社工,\r\n"));
	o = org_of(t, id);
	assert_string_equal(o.phone, "");
	assert_string_equal(o.contact, "李明");
}

static void test_a_filing_date_needs_a_filed_state(void **state)
{
	struct tdb *t = *state;

	assert_int_equal(import_text(t, IMPORT_TEAMS,
				     TEAM_HEAD "舞蹈队,文体活动,张三,13800001111,12,广场舞,"
					       "中心广场,每周一,阳光居委会,待初审,2026-10-08\r\n"
					       "合唱团,文体活动,李四,13800001111,12,唱歌,"
					       "中心广场,每周二,阳光居委会,不存在,\r\n"
					       "棋社,文体活动,王五,13800001111,9,下棋,"
					       "中心广场,每周三,阳光居委会,,\r\n"),
			 HD_BAD_INPUT);
	assert_int_equal(res.nproblems, 3);
	assert_problem(0, 2, "备案日期", HD_BAD_INPUT);
	assert_problem(1, 3, "状态", HD_BAD_INPUT);
	assert_problem(2, 4, "人数", HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM team"), 0);
}

static void test_rooms_keep_their_hours(void **state)
{
	struct tdb *t = *state;
	struct room r;

	EXPECT(HD_OK, import_text(t, IMPORT_ROOMS,
				  "名称,类型,容量,开放时间,关闭时间,缓冲分钟\r\n"
				  "二楼会议室,会议室,20,09:00,17:00,15\r\n"
				  "活动室,活动室,30,,,\r\n"));
	assert_int_equal(res.added, 2);
	EXPECT(HD_OK, room_get(t->db, res.done[0].id, &r, &err));
	assert_int_equal(r.open_min, 9 * 60);
	assert_int_equal(r.close_min, 17 * 60);
	assert_int_equal(r.buffer_min, 15);
	assert_int_equal(r.capacity, 20);
	assert_int_equal(r.kind, 1);
	EXPECT(HD_OK, room_get(t->db, res.done[1].id, &r, &err));
	assert_int_equal(r.open_min, -1);
	assert_int_equal(r.close_min, -1);
	/* Hours the wrong way round are the closing column's problem. */
	assert_int_equal(
		import_text(t, IMPORT_ROOMS,
			    "名称,类型,容量,开放时间,关闭时间\r\n甲,会议室,10,18:00,09:00\r\n"),
		HD_BAD_INPUT);
	assert_int_equal(res.nproblems, 1);
	assert_int_equal(res.problems[0].row, 2);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM room"), 2);
}

/* The progress seen, and whether to go on. */
struct progress {
	int calls, saving_calls;
	long done, total;
	bool go_on;
};

static bool on_progress(void *ctx, enum import_phase phase, long done, long total)
{
	struct progress *p = ctx;

	p->calls++;
	p->saving_calls += phase == IMPORT_SAVING;
	p->done = done;
	p->total = total;
	return p->go_on;
}

/* A file of n organisations (malloc'd). */
static char *many_orgs(int n)
{
	size_t cap = (size_t)n * 64 + 64, len;
	char *s = malloc(cap);
	int i;

	assert_non_null(s);
	len = (size_t)snprintf(s, cap, "名称,联系电话\r\n");
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, cap - len, "机构%04d,13812345678\r\n", i);
	return s;
}

static void test_a_stopped_import_saves_nothing(void **state)
{
	struct tdb *t = *state;
	struct progress p = { 0, 0, 0, 0, false };
	char *text = many_orgs(250);

	assert_int_equal(import_as(t, &t->who, IMPORT_ORGS, text, on_progress, &p), HD_FAIL);
	assert_int_equal(err.status, HD_FAIL);
	assert_true(p.calls >= 1);
	assert_int_equal(p.total, 250);
	assert_true(p.done > 0 && p.done < 250);
	assert_int_equal(p.saving_calls, 0);
	assert_int_equal(res.added, 0);
	assert_int_equal(orgs(t), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'org.add'"), 0);

	/* Going on: all of them, the last call saying so. */
	p = (struct progress){ 0, 0, 0, 0, true };
	EXPECT(HD_OK, import_as(t, &t->who, IMPORT_ORGS, text, on_progress, &p));
	assert_int_equal(res.added, 250);
	assert_int_equal(p.done, 250);
	assert_int_equal(p.total, 250);
	assert_int_equal(orgs(t), 250);
	free(text);
}

/* A file of n organisations whose row k (k >= 2, the spreadsheet's row)
 * carries a credit code, written into code (malloc'd). */
static char *orgs_with_code(int n, int k, char code[CREDIT_CODE_LEN])
{
	size_t cap = (size_t)n * 80 + 64, len;
	char *s = malloc(cap);
	int i;

	assert_non_null(s);
	snprintf(code, CREDIT_CODE_LEN, "52310115MJ5%06d", k);
	code[17] = credit_code_check_char(code);
	code[18] = '\0';
	len = (size_t)snprintf(s, cap, "名称,联系电话,统一社会信用代码\r\n");
	for (i = 2; i < n + 2; i++)
		len += (size_t)snprintf(s + len, cap - len, "机构%04d,13812345678,%s\r\n", i,
					i == k ? code : "");
	return s;
}

/* What a desk does while the file is being checked: registers the credit
 * code of a row of the file to another organisation, once. */
struct desk_between {
	struct tdb *t;
	const char *code;
	bool done;
};

static bool desk_registers_code(void *ctx, enum import_phase phase, long done, long total)
{
	struct desk_between *d = ctx;
	struct org_draft o = { .name = "另一家机构", .kind = 3, .credit_code = d->code };
	long long id;

	(void)done;
	(void)total;
	if (phase == IMPORT_CHECKING && !d->done) {
		EXPECT(HD_OK, org_add(d->t->db, &d->t->who, &o, &id, NULL, &err));
		d->done = true;
	}
	return true;
}

/* The file is checked whole on a copy, then saved: a row a desk made
 * wrong after the check stops the saving there, the rows before it saved
 * whole and named, none after it. */
static void test_a_row_refused_after_the_check_keeps_the_rows_before(void **state)
{
	struct tdb *t = *state;
	char code[CREDIT_CODE_LEN];
	char *text = orgs_with_code(600, 451, code);
	struct desk_between d = { t, code, false };

	assert_int_equal(import_as(t, &t->who, IMPORT_ORGS, text, desk_registers_code, &d),
			 HD_REFUSED);
	assert_true(d.done);
	assert_int_equal(err.status, HD_REFUSED);
	assert_int_equal(res.nproblems, 1);
	assert_problem(0, 451, "统一社会信用代码", HD_REFUSED);
	if (db_is_server(t->db)) {
		/* PostgreSQL's check meets the desk's code already (its unique
		 * index sees what others commit): the file is refused whole. */
		assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org WHERE name LIKE '机构%'"),
				 0);
		free(text);
		return;
	}
	assert_non_null(strstr(err.msg, "451"));
	assert_int_equal(res.added, 449);
	assert_int_equal(res.updated, 0);
	assert_string_equal(res.done[448].name, "机构0450");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org WHERE name LIKE '机构%'"), 449);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org WHERE name = '机构0452'"), 0);
	free(text);
}

/* A desk writing again and again while a long file is saved. */
struct desk_loop {
	const char *path;
	atomic_bool stop;
	int writes, between; /* writes; those made while the import was part way */
};

static void *desk_writes(void *arg)
{
	struct desk_loop *d = arg;
	struct db *db = NULL;
	struct hd_err e;
	long long n;

	if (db_open(d->path, DB_EXISTING, &db, &e) != HD_OK)
		return NULL;
	while (!d->stop) {
		if (db_begin(db, &e) != HD_OK ||
		    db_exec(db, "UPDATE setting SET value = value WHERE key = 'centre.name'", 0, 0,
			    0, &e) != HD_OK ||
		    db_commit(db, &e) != HD_OK)
			break;
		d->writes++;
		n = tdb_int(db, "SELECT count(*) FROM org WHERE name LIKE '机构%'");
		d->between += n > 0 && n < 2000;
		usleep(2000);
	}
	db_close(db);
	return NULL;
}

/* Rows that take their time to save (a slow disk, say): the saving of
 * 2,000 rows lasts 300 ms at least, three batches or more. */
static bool slow_rows(void *ctx, enum import_phase phase, long done, long total)
{
	(void)ctx;
	(void)done;
	(void)total;
	if (phase == IMPORT_SAVING)
		usleep(30000);
	return true;
}

/* A long import saves in batches: a desk writes between them, not only
 * once the whole file is in. */
static void test_desks_write_between_the_batches_of_an_import(void **state)
{
	struct tdb *t = *state;
	struct desk_loop d = { t->path, false, 0, 0 };
	char *text = many_orgs(2000);
	pthread_t desk;

	assert_int_equal(pthread_create(&desk, NULL, desk_writes, &d), 0);
	EXPECT(HD_OK, import_as(t, &t->who, IMPORT_ORGS, text, slow_rows, NULL));
	d.stop = true;
	assert_int_equal(pthread_join(desk, NULL), 0);
	assert_int_equal(res.added, 2000);
	assert_true(d.writes > 0);
	assert_true(d.between > 0);
	free(text);
}

static void test_only_an_admin_imports(void **state)
{
	struct tdb *t = *state;
	struct hd_actor who[2] = { actor_desk("前台"), actor_desk("前台") };
	int i;

	who[0].kind = ACTOR_STAFF;
	who[0].role = ROLE_STAFF;
	who[0].staff_id = 2;
	snprintf(who[0].name, sizeof(who[0].name), "王工");
	for (i = 0; i < 2; i++) {
		assert_int_equal(import_as(t, &who[i], IMPORT_ORGS,
					   ORG_HEAD "阳光社工服务社,其他,张三,13812345678\r\n",
					   NULL, NULL),
				 HD_REFUSED);
		assert_int_equal(res.added, 0);
	}
	assert_int_equal(import_as(t, &who[0], IMPORT_ROOMS, "名称,类型,容量\r\n甲,会议室,10\r\n",
				   NULL, NULL),
			 HD_REFUSED);
	assert_int_equal(orgs(t), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM room"), 0);
	assert_true(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'denied'") >= 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds_are_named_by_word),
		cmocka_unit_test_setup_teardown(test_orgs_are_added_then_updated_by_name, tdb_setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_gbk_file_is_imported, tdb_setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_bad_phone_on_row_3_saves_nothing, tdb_setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_every_bad_row_is_named, tdb_setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_credit_code_of_another_org_is_refused,
						tdb_setup, teardown),
		cmocka_unit_test_setup_teardown(test_columns_in_any_order_and_unknown_ones_ignored,
						tdb_setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_missing_needed_column_is_named, tdb_setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_teams_keep_state_and_filing_date, tdb_setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_columns_not_in_the_file_are_kept, tdb_setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_filing_date_needs_a_filed_state, tdb_setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_rooms_keep_their_hours, tdb_setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_stopped_import_saves_nothing, tdb_setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_a_row_refused_after_the_check_keeps_the_rows_before, tdb_setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_desks_write_between_the_batches_of_an_import,
						tdb_setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_an_admin_imports, tdb_setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
