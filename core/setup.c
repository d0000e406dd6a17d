/* SPDX-License-Identifier: GPL-3.0-or-later */
/* setup.c - a new installation and its demo data. */
#include "core/setup.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/org.h"
#include "core/pin.h"
#include "core/room.h"
#include "core/settings.h"
#include "core/staff.h"
#include "core/team.h"
#include "core/validate.h"

enum hd_status setup_init(struct db *db, const struct hd_actor *who, bool *created,
			  struct hd_err *err)
{
	unsigned char key[32];
	struct db_stmt *st = NULL;
	enum hd_status rc;

	*created = false;
	if (sodium_init() < 0)
		return hd_err_set(err, HD_FAIL, "", _("the cryptography library cannot start"));
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	if (db_secret(db, key, NULL) == HD_OK)
		goto done;
	randombytes_buf(key, sizeof(key));
	rc = db_prepare(db, "INSERT INTO meta(key, value) VALUES ('secret', $1)", &st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_blob(st, 1, key, sizeof(key));
	if (db_step(st) != DB_DONE) {
		rc = db_step_fail(st, err);
		goto done;
	}
	*created = true;
	rc = audit_log(db, who, "init", NULL, 0, NULL, NULL, err);
done:
	sodium_memzero(key, sizeof(key));
	db_done(st);
	return db_finish(db, rc, err);
}

/* Kinds are LIST_ROOM_KIND numbers: 1 会议室, 2 活动室, 3 多功能厅, 4 培训室,
 * 5 路演厅, 6 洽谈室, 7 其他. */
static const struct room_draft DEMO_ROOMS[] = {
	{ "一楼多功能厅", 3, { 80, true }, NULL, NULL, { 30, true } },
	{ "二楼会议室A", 1, { 20, true }, NULL, NULL, { 0 } },
	{ "二楼会议室B", 1, { 12, true }, NULL, NULL, { 0 } },
	{ "舞蹈活动室", 2, { 30, true }, "08:30", "21:00", { 15, true } },
	{ "培训室", 4, { 40, true }, NULL, NULL, { 0 } },
	{ "路演厅", 5, { 60, true }, "09:00", "18:00", { 0 } },
	{ "洽谈室一", 6, { 6, true }, NULL, NULL, { 0 } },
	{ "书画室", 7, { 16, true }, "08:00", "17:00", { 0 } },
};

/* First 17 characters of each credit code; the check character is computed
 * so that every demo code is valid. */
struct demo_org {
	const char *name;
	int kind; /* LIST_ORG_KIND */
	const char *short_name, *code17, *contact, *phone;
	int in_days, out_days; /* residence term relative to today, 0: none */
};

static const struct demo_org DEMO_ORGS[] = {
	{ "浦东新区阳光社工服务社", 1, "阳光社工", "52310115MJ5000101", "王丽", "13812345678", -400,
	  330 },
	{ "益心公益发展中心", 1, "益心公益", "52310115MJ5000102", "陈明", "13900001111", -700, 20 },
	{ "绿叶环保公益促进会", 1, "绿叶环保", "51310115MJ5000103", "李娜", "021-58881234", -200,
	  530 },
	{ "乐龄长者服务中心", 1, "乐龄长者", "52310115MJ5000104", "赵刚", "13700002222", -800,
	  -10 },
	{ "青苗儿童成长服务中心", 1, "青苗儿童", "52310115MJ5000105", "孙悦", "15000003333", -300,
	  65 },
	{ "花园社区志愿者协会", 2, "花园志协", "51310115MJ5000106", "周芳", "18600004444", 0, 0 },
	{ "东方社区睦邻互助会", 2, "东方睦邻", "51310115MJ5000107", "吴强", "13600005555", 0, 0 },
	{ "书香社区读书会", 2, "书香读书", "51310115MJ5000108", "郑洁", "13500006666", 0, 0 },
	{ "银发学堂社区学习会", 2, "银发学堂", "51310115MJ5000109", "冯涛", "13300007777", 0, 0 },
	{ "星光公益基金会", 3, "星光基金", "53310000MJ5000110", "褚静", "021-68885678", 0, 0 },
	{ "心桥心理咨询服务社", 3, "心桥心理", "52310115MJ5000111", "卫东", "17700008888", 0, 0 },
	{ "和谐家园物业服务有限公司", 3, "和谐物业", "91310115MA1K00112", "蒋华", "0571-87654321",
	  0, 0 },
};

struct demo_team {
	const char *name;
	int category; /* LIST_TEAM_CATEGORY */
	const char *leader, *phone;
	int members;
	const char *content, *place, *schedule;
	int party;
	const char *committee;
	enum team_state state;
	int filed_days; /* filed this many days ago (filed states) */
};

static const struct demo_team DEMO_TEAMS[] = {
	{ "晨光太极队", 1, "张建国", "13811112222", 28, "太极拳、太极剑晨练", "中心广场",
	  "每天 06:30-07:30", 6, "阳光居委会", TEAM_CLASSIFIED, 500 },
	{ "夕阳红合唱团", 1, "刘秀英", "13911113333", 35, "合唱排练与社区演出", "一楼多功能厅",
	  "每周二 14:00-16:00", 9, "阳光居委会", TEAM_CLASSIFIED, 420 },
	{ "彩虹舞蹈队", 1, "杨梅", "13611114444", 22, "广场舞、民族舞", "舞蹈活动室",
	  "每周一、三 19:00-20:30", 3, "东方居委会", TEAM_FILED, 90 },
	{ "平安巡逻队", 4, "黄志强", "13711115555", 16, "夜间治安巡逻", "各小区",
	  "每晚 20:00-22:00", 8, "东方居委会", TEAM_CLASSIFIED, 610 },
	{ "邻里帮帮团", 3, "林慧", "15011116666", 18, "为独居老人代购、维修小家电", "社区服务站",
	  "每周六上午", 5, "阳光居委会", TEAM_FILED, 60 },
	{ "墨香书画社", 1, "何文", "18611117777", 14, "书法、国画交流", "书画室",
	  "每周四 09:00-11:00", 2, "花园居委会", TEAM_REVIEWED, 0 },
	{ "爱心编织组", 2, "罗桂兰", "13311118888", 12, "为山区儿童编织围巾", "二楼会议室B",
	  "每周三下午", 1, "花园居委会", TEAM_APPLIED, 0 },
	{ "健步走小组", 1, "高峰", "13511119999", 25, "沿河健步走", "滨河步道", "每天 18:30", 4,
	  "东方居委会", TEAM_APPLIED, 0 },
	{ "老娘舅调解队", 5, "徐国庆", "13812120000", 10, "邻里纠纷调解", "调解室",
	  "每周五 09:00-11:00", 7, "阳光居委会", TEAM_CLASSIFIED, 700 },
	{ "垃圾分类宣传队", 4, "马晓红", "13912121111", 20, "垃圾分类宣传与指导", "各小区投放点",
	  "每周六 08:00-10:00", 6, "花园居委会", TEAM_REVIEWED, 0 },
	{ "京剧票友会", 1, "宋德明", "13612122222", 11, "京剧清唱", "培训室", "每周日下午", 2,
	  "东方居委会", TEAM_DEREGISTERED, 900 },
	{ "旗袍秀队", 1, "韩美玲", "13712123333", 15, "旗袍走秀排练", "舞蹈活动室",
	  "每周五 14:00-16:00", 0, "花园居委会", TEAM_FILED, 30 },
};

#define DEMO_BOOKING_PIN "8642"
#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static enum hd_status demo_orgs(struct db *db, const struct hd_actor *who, struct hd_err *err)
{
	char code[CREDIT_CODE_LEN], in[DATE_LEN], out[DATE_LEN];
	struct org_draft d;
	long today = clock_today();
	long long id;
	int i;

	for (i = 0; i < COUNT(DEMO_ORGS); i++) {
		const struct demo_org *o = &DEMO_ORGS[i];

		snprintf(code, sizeof(code), "%s%c", o->code17, credit_code_check_char(o->code17));
		in[0] = out[0] = '\0';
		if (o->in_days) {
			clock_date_of(today + o->in_days, in, sizeof(in));
			clock_date_of(today + o->out_days, out, sizeof(out));
		}
		d = (struct org_draft){ .name = o->name,
					.kind = o->kind,
					.short_name = o->short_name,
					.credit_code = code,
					.contact = o->contact,
					.phone = o->phone,
					.in_date = in,
					.out_date = out };
		if (org_add(db, who, &d, &id, NULL, err) != HD_OK)
			return err ? err->status : HD_FAIL;
	}
	return HD_OK;
}

static enum hd_status demo_teams(struct db *db, const struct hd_actor *who, struct hd_err *err)
{
	struct team_draft d;
	long long id;
	int i;

	for (i = 0; i < COUNT(DEMO_TEAMS); i++) {
		const struct demo_team *t = &DEMO_TEAMS[i];

		memset(&d, 0, sizeof(d));
		d.name = t->name;
		d.category = t->category;
		d.leader = t->leader;
		d.phone = t->phone;
		d.members = REC_NUM(t->members);
		d.content = t->content;
		d.place = t->place;
		d.schedule = t->schedule;
		d.party_members = REC_NUM(t->party);
		d.committee = t->committee;
		d.street = "花园街道";
		if (team_create(db, who, &d, t->state, clock_today() - t->filed_days, &id, err) !=
		    HD_OK)
			return err ? err->status : HD_FAIL;
	}
	return HD_OK;
}

/* Every demo organisation and team books with PIN 8642, each with a hash
 * (and salt) of its own. */
static enum hd_status demo_booking_pins(struct db *db, struct hd_err *err)
{
	static const char *const SQL[] = {
		"UPDATE org SET pin_hash = $1 WHERE id = (SELECT min(id) FROM org WHERE pin_hash IS NULL)",
		"UPDATE team SET pin_hash = $1 WHERE id = (SELECT min(id) FROM team WHERE pin_hash IS NULL)"
	};
	char hash[PIN_HASH_MAX];
	struct db_stmt *st = NULL;
	enum hd_status rc = HD_OK;
	long long changed;
	int i;

	for (i = 0; rc == HD_OK && i < 2; i++) {
		changed = 1;
		while (rc == HD_OK && changed > 0) { /* until every one has its own */
			rc = db_prepare(db, SQL[i], &st, err);
			if (rc == HD_OK)
				rc = pin_hash_demo(DEMO_BOOKING_PIN, hash, err);
			if (rc == HD_OK) {
				db_bind_text(st, 1, hash);
				if (db_step(st) != DB_DONE)
					rc = db_step_fail(st, err);
				else
					changed = db_changes(st);
			}
			db_done(st);
			st = NULL;
		}
	}
	return rc;
}

enum hd_status setup_demo(struct db *db, const struct hd_actor *who, struct hd_err *err)
{
	enum hd_status rc;
	long long id;
	int i;

	rc = access_require(db, who, ACC_ADMIN, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	if (!db_is_empty(db)) {
		rc = hd_err_set(
			err, HD_REFUSED, "",
			_("the database holds data already; demo data goes only into a new one"));
		goto done;
	}
	rc = settings_set(db, who, SET_CENTRE_NAME, "花园街道社会组织服务中心", err);
	for (i = 0; rc == HD_OK && i < COUNT(DEMO_ROOMS); i++)
		rc = room_add(db, who, &DEMO_ROOMS[i], &id, err);
	if (rc == HD_OK)
		rc = demo_orgs(db, who, err);
	if (rc == HD_OK)
		rc = demo_teams(db, who, err);
	if (rc == HD_OK && staff_active_count(db) == 0)
		rc = staff_add_demo(db, who, err);
	if (rc == HD_OK)
		rc = demo_booking_pins(db, err);
	if (rc == HD_OK)
		rc = audit_log(db, who, "init.demo", NULL, 0, NULL, NULL, err);
done:
	return db_finish(db, rc, err);
}
