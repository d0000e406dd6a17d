/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_team.c - the filing workflow of activity teams (待初审 -> 已初审 ->
 * 已备案 -> 已分类, reopen, 已注销): every step and every refused one, steps
 * taken already and when, the history and the audit, the filing conditions,
 * duplicate names per residents' committee, recorded activities, the roll
 * (annual check and six months idle) and who may do what. */
#include "bookingutil.h"

#include "core/team.h"

/* HUBDESK_NOW of every test unless it moves: Monday 2026-11-23 09:00. */
#define TODAY "2026-11-23"

/* Staff member 王工, a volunteer 李阿姨, the desk with nobody signed in and
 * a resident at a kiosk. */
static struct hd_actor person(enum hd_role role, const char *name)
{
	struct hd_actor a = actor_desk("前台");

	a.kind = ACTOR_STAFF;
	a.role = role;
	a.staff_id = role == ROLE_STAFF ? 2 : 3;
	snprintf(a.name, sizeof(a.name), "%s", name);
	return a;
}

static struct hd_actor staff(void)
{
	return person(ROLE_STAFF, "王工");
}

static struct hd_actor volunteer(void)
{
	return person(ROLE_VOLUNTEER, "李阿姨");
}

static struct hd_actor resident(void)
{
	struct hd_actor a = actor_desk("kiosk");

	a.kind = ACTOR_RESIDENT;
	return a;
}

/* A draft that meets every filing condition. */
static struct team_draft draft(const char *name, const char *committee)
{
	struct team_draft d = { .name = name,
				.category = 1,
				.leader = "张三",
				.phone = "13800001111",
				.members = REC_NUM(12),
				.content = "太极拳晨练",
				.place = "中心广场",
				.schedule = "每天 06:30",
				.committee = committee };

	return d;
}

/* A new application by the command line. */
static long long apply(struct tdb *t, const char *name)
{
	struct team_draft d = draft(name, "阳光居委会");
	long long id = 0;

	EXPECT(HD_OK, team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err));
	return id;
}

/* A team added straight into state with filed_date (as the demo and imports
 * do), in the 东方居委会. */
static long long added(struct tdb *t, const char *name, enum team_state st, const char *filed)
{
	struct team_draft d = draft(name, "东方居委会");
	long long id = 0;

	EXPECT(HD_OK, team_create(t->db, &t->who, &d, st, clock_day_of(filed), &id, &err));
	return id;
}

/* team_act expecting want and a step not taken before. */
#define STEP(want, who, id, action, arg)                                                       \
	do {                                                                                   \
		bool already_ = true;                                                          \
		time_t when_ = -1;                                                             \
		EXPECT(want, team_act(t->db, (who), (id), (action), (arg), false, &already_,   \
				      &when_, &err));                                          \
		if ((want) == HD_OK && already_)                                               \
			fail_msg("line %d: the step was reported as taken already", __LINE__); \
	} while (0)

static struct team get(struct tdb *t, long long id)
{
	struct team tm;

	EXPECT(HD_OK, team_get(t->db, id, &tm, &err));
	return tm;
}

static enum team_state state_of_team(struct tdb *t, long long id)
{
	return get(t, id).state;
}

/* How many rows the query counts, with $1 the team's id. */
static long long count_for(struct tdb *t, const char *sql, long long id)
{
	struct db_stmt *st = NULL;
	long long v = -1;

	assert_int_equal(db_prepare_with(t->db, sql, &id, 1, &st, &err), HD_OK);
	if (db_step(st) == DB_ROW)
		v = db_col_int(st, 0);
	db_done(st);
	return v;
}

static long long steps_of(struct tdb *t, long long id)
{
	return count_for(t, "SELECT count(*) FROM team_step WHERE team_id = $1", id);
}

static long long audits_of(struct tdb *t, long long id)
{
	return count_for(t, "SELECT count(*) FROM audit WHERE record = 'team' AND record_id = $1",
			 id);
}

/* Team id books room 2 on day 10:00-11:00 by the command line. */
static enum hd_status book_id(struct tdb *t, long long id, const char *day, long long *bk)
{
	char team[24];

	snprintf(team, sizeof(team), "%lld", id);
	return book_team(t, &t->who, "2", team, day, "10:00", "11:00", bk, &err);
}

static time_t now_at(const char *day, const char *hm)
{
	at(day, hm);
	return clock_now();
}

/* The roll's line of team id, or NULL (out points into all). */
static const struct team_brief *on_roll(const struct team_brief *all, int n, long long id)
{
	int i;

	for (i = 0; i < n; i++)
		if (all[i].id == id)
			return &all[i];
	return NULL;
}

/* ---- the application ---------------------------------------------------- */

static void test_application_is_applied_audited_and_not_filed(void **state)
{
	struct tdb *t = *state;
	long long id = apply(t, "晨练太极队");
	struct team tm = get(t, id);

	assert_int_equal(tm.state, TEAM_APPLIED);
	assert_string_equal(tm.filed_date, "");
	assert_string_equal(tm.last_activity, "");
	assert_string_equal(tm.checked_date, "");
	assert_int_equal(tm.last_booked, 0);
	assert_int_equal(tdb_audits(t->db, "action = 'team.add' AND record_id = $1", id,
				    "after.state=1", NULL),
			 1);
}

/* team.h: "from is 0 for the application" - the history begins with it. */
static void test_application_is_the_first_row_of_the_history(void **state)
{
	struct tdb *t = *state;
	struct team_step *h = NULL;
	long long id;
	int n = -1;

	id = apply(t, "晨练太极队");
	EXPECT(HD_OK, team_history(t->db, id, &h, &n, &err));
	if (n != 1) {
		free(h);
		fail_msg("BUG: the history of a new application has %d rows; team.h says the"
			 " application is its first step (from 0 to 待初审), but team_create()"
			 " writes no team_step row",
			 n);
	}
	assert_int_equal(h[0].from, 0);
	assert_int_equal(h[0].to, TEAM_APPLIED);
	assert_int_equal(h[0].at, clock_now());
	free(h);
}

/* ---- the steps ---------------------------------------------------------- */

static void test_each_step_moves_one_state_with_date_and_person(void **state)
{
	struct tdb *t = *state;
	struct hd_actor s = staff();
	struct team_step *h = NULL, *st;
	long long id = apply(t, "晨练太极队");
	time_t t1, t2, t3;
	int n = 0;

	t1 = now_at(NOV(23), "10:00");
	STEP(HD_OK, &s, id, TEAM_REVIEW, NULL);
	assert_int_equal(state_of_team(t, id), TEAM_REVIEWED);
	assert_string_equal(get(t, id).filed_date, "");
	t2 = now_at(NOV(24), "11:30");
	STEP(HD_OK, &s, id, TEAM_FILE, NULL);
	assert_int_equal(state_of_team(t, id), TEAM_FILED);
	assert_string_equal(get(t, id).filed_date, "2026-11-24"); /* today, when filed */
	t3 = now_at(NOV(25), "15:00");
	STEP(HD_OK, &t->who, id, TEAM_CLASSIFY, NULL);
	assert_int_equal(state_of_team(t, id), TEAM_CLASSIFIED);
	assert_int_equal(get(t, id).category, 1); /* unchanged without a new one */
	assert_string_equal(get(t, id).filed_date, "2026-11-24");

	EXPECT(HD_OK, team_history(t->db, id, &h, &n, &err));
	assert_true(n >= 3);
	/* the last three rows are the steps (the application comes first) */
	st = h + n - 3;
	assert_int_equal(st[0].from, TEAM_APPLIED);
	assert_int_equal(st[0].to, TEAM_REVIEWED);
	assert_int_equal(st[0].at, t1);
	assert_string_equal(st[0].actor, "王工");
	assert_string_equal(st[0].reason, "");
	assert_int_equal(st[1].from, TEAM_REVIEWED);
	assert_int_equal(st[1].to, TEAM_FILED);
	assert_int_equal(st[1].at, t2);
	assert_string_equal(st[1].actor, "王工");
	assert_int_equal(st[2].from, TEAM_FILED);
	assert_int_equal(st[2].to, TEAM_CLASSIFIED);
	assert_int_equal(st[2].at, t3);
	assert_string_equal(st[2].actor, "unit"); /* the command line: its desk */
	free(h);
}

static void test_each_step_is_audited_with_before_and_after(void **state)
{
	struct tdb *t = *state;
	struct hd_actor s = staff();
	long long id = apply(t, "晨练太极队");

	STEP(HD_OK, &s, id, TEAM_REVIEW, NULL);
	STEP(HD_OK, &s, id, TEAM_FILE, NULL);
	STEP(HD_OK, &s, id, TEAM_CLASSIFY, "公益慈善");
	STEP(HD_OK, &s, id, TEAM_REOPEN, "分类有误");
	STEP(HD_OK, &s, id, TEAM_DEREGISTER, "团队解散");
	assert_int_equal(tdb_audits(t->db,
				    "record_id = $1 AND action = 'team.review' AND actor = 'staff'"
				    " AND actor_name = '王工' AND desk = '前台'",
				    id, "before.state=1", "after.state=2", NULL),
			 1);
	assert_int_equal(tdb_audits(t->db, "record_id = $1 AND action = 'team.file'", id,
				    "before.filed_date=null", "after.state=3",
				    "after.filed_date='" TODAY "'", NULL),
			 1);
	assert_int_equal(tdb_audits(t->db, "record_id = $1 AND action = 'team.classify'", id,
				    "before.category=1", "after.category=2", "after.state=4", NULL),
			 1);
	assert_int_equal(tdb_audits(t->db, "record_id = $1 AND action = 'team.reopen'", id,
				    "before.state=4", "after.state=3", NULL),
			 1);
	assert_int_equal(tdb_audits(t->db, "record_id = $1 AND action = 'team.deregister'", id,
				    "before.state=3", "after.state=5", NULL),
			 1);
}

static void test_step_taken_already_is_ok_and_says_when(void **state)
{
	struct tdb *t = *state;
	struct hd_actor s = staff();
	long long id = apply(t, "晨练太极队");
	time_t reviewed, filed, gone, when;
	long long steps, audits;
	bool already;

	reviewed = now_at(NOV(23), "09:30");
	STEP(HD_OK, &s, id, TEAM_REVIEW, NULL);
	steps = steps_of(t, id);
	audits = audits_of(t, id);
	now_at(NOV(23), "16:00");
	EXPECT(HD_OK, team_act(t->db, &s, id, TEAM_REVIEW, NULL, false, &already, &when, &err));
	assert_true(already);
	assert_int_equal(when, reviewed);
	assert_int_equal(state_of_team(t, id), TEAM_REVIEWED);

	filed = now_at(NOV(24), "10:00");
	STEP(HD_OK, &s, id, TEAM_FILE, NULL);
	STEP(HD_OK, &s, id, TEAM_CLASSIFY, NULL);
	now_at(NOV(25), "10:00");
	/* a later state holds the earlier steps */
	EXPECT(HD_OK, team_act(t->db, &s, id, TEAM_FILE, NULL, false, &already, &when, &err));
	assert_true(already);
	assert_int_equal(when, filed);
	EXPECT(HD_OK, team_act(t->db, &s, id, TEAM_REVIEW, NULL, false, &already, &when, &err));
	assert_true(already);
	assert_int_equal(when, reviewed);
	assert_int_equal(state_of_team(t, id), TEAM_CLASSIFIED);
	assert_string_equal(get(t, id).filed_date, "2026-11-24"); /* not moved to the 25th */

	gone = now_at(NOV(26), "10:00");
	STEP(HD_OK, &s, id, TEAM_DEREGISTER, "解散");
	now_at(NOV(27), "10:00");
	EXPECT(HD_OK,
	       team_act(t->db, &s, id, TEAM_DEREGISTER, "又一次", false, &already, &when, &err));
	assert_true(already);
	assert_int_equal(when, gone);
	/* only the steps really taken are kept and audited */
	assert_int_equal(steps_of(t, id), steps + 3);
	assert_int_equal(audits_of(t, id), audits + 3);
}

static void test_steps_out_of_order_are_refused_naming_the_state(void **state)
{
	struct tdb *t = *state;
	struct hd_actor s = staff();
	long long id = apply(t, "晨练太极队");
	long long steps = steps_of(t, id), audits = audits_of(t, id);

	STEP(HD_REFUSED, &s, id, TEAM_FILE, NULL);
	if (!strstr(err.msg, "Applied") && !strstr(err.msg, "待初审"))
		fail_msg("the refusal does not name the state 待初审: %s", err.msg);
	STEP(HD_REFUSED, &s, id, TEAM_CLASSIFY, NULL);
	assert_true(strstr(err.msg, "Applied") || strstr(err.msg, "待初审"));
	assert_int_equal(state_of_team(t, id), TEAM_APPLIED);

	STEP(HD_OK, &s, id, TEAM_REVIEW, NULL);
	STEP(HD_REFUSED, &s, id, TEAM_CLASSIFY, "公益慈善");
	if (!strstr(err.msg, "Reviewed") && !strstr(err.msg, "已初审"))
		fail_msg("the refusal does not name the state 已初审: %s", err.msg);
	assert_int_equal(state_of_team(t, id), TEAM_REVIEWED);
	assert_int_equal(get(t, id).category, 1); /* the refused classify changed nothing */

	STEP(HD_OK, &s, id, TEAM_DEREGISTER, "不再活动");
	STEP(HD_REFUSED, &s, id, TEAM_REVIEW, NULL);
	STEP(HD_REFUSED, &s, id, TEAM_FILE, NULL);
	if (!strstr(err.msg, "deregistered") && !strstr(err.msg, "已注销"))
		fail_msg("the refusal does not name the state 已注销: %s", err.msg);
	STEP(HD_REFUSED, &s, id, TEAM_CLASSIFY, NULL);
	assert_int_equal(state_of_team(t, id), TEAM_DEREGISTERED);
	/* two steps taken, nothing more kept or audited (refusals of a rule) */
	assert_int_equal(steps_of(t, id), steps + 2);
	assert_int_equal(audits_of(t, id), audits + 2);
}

static void test_unknown_team_is_not_found(void **state)
{
	struct tdb *t = *state;
	struct team tm;
	struct team_step *h = NULL;
	int n = -1;

	EXPECT(HD_NOT_FOUND, team_get(t->db, 99, &tm, &err));
	STEP(HD_NOT_FOUND, &t->who, 99, TEAM_REVIEW, NULL);
	STEP(HD_NOT_FOUND, &t->who, 99, TEAM_REOPEN, "理由");
	STEP(HD_NOT_FOUND, &t->who, 99, TEAM_DEREGISTER, "理由");
	EXPECT(HD_NOT_FOUND, team_activity(t->db, &t->who, 99, CLOCK_NO_DAY, &err));
	EXPECT(HD_OK, team_history(t->db, 99, &h, &n, &err));
	assert_int_equal(n, 0);
	free(h);
}

/* ---- reopen, deregister, classify --------------------------------------- */

static void test_reopen_steps_back_one_state_from_each_state(void **state)
{
	struct tdb *t = *state;
	struct hd_actor s = staff();
	struct team_step *h = NULL;
	long long id = apply(t, "晨练太极队");
	int n = 0;

	STEP(HD_OK, &s, id, TEAM_REVIEW, NULL);
	STEP(HD_OK, &s, id, TEAM_FILE, NULL);
	STEP(HD_OK, &s, id, TEAM_CLASSIFY, NULL);

	STEP(HD_BAD_INPUT, &s, id, TEAM_REOPEN, NULL);
	STEP(HD_BAD_INPUT, &s, id, TEAM_REOPEN, "  ");
	assert_int_equal(state_of_team(t, id), TEAM_CLASSIFIED);

	STEP(HD_OK, &s, id, TEAM_REOPEN, "分类待定");
	assert_int_equal(state_of_team(t, id), TEAM_FILED);
	assert_string_equal(get(t, id).filed_date, TODAY); /* the filing date is kept */
	STEP(HD_OK, &s, id, TEAM_REOPEN, "材料不全");
	assert_int_equal(state_of_team(t, id), TEAM_REVIEWED);
	STEP(HD_OK, &s, id, TEAM_REOPEN, "居委会重审");
	assert_int_equal(state_of_team(t, id), TEAM_APPLIED);
	STEP(HD_REFUSED, &s, id, TEAM_REOPEN, "再退");
	assert_int_equal(state_of_team(t, id), TEAM_APPLIED);

	EXPECT(HD_OK, team_history(t->db, id, &h, &n, &err));
	assert_true(n >= 6);
	assert_int_equal(h[n - 3].from, TEAM_CLASSIFIED);
	assert_int_equal(h[n - 3].to, TEAM_FILED);
	assert_string_equal(h[n - 3].reason, "分类待定");
	assert_string_equal(h[n - 2].reason, "材料不全");
	assert_int_equal(h[n - 1].from, TEAM_REVIEWED);
	assert_int_equal(h[n - 1].to, TEAM_APPLIED);
	assert_string_equal(h[n - 1].reason, "居委会重审");
	assert_string_equal(h[n - 1].actor, "王工");
	free(h);

	/* the way forward is open again, and filing again dates it today */
	at(NOV(26), "09:00");
	STEP(HD_OK, &s, id, TEAM_REVIEW, NULL);
	STEP(HD_OK, &s, id, TEAM_FILE, NULL);
	assert_string_equal(get(t, id).filed_date, "2026-11-26");
}

static void test_deregister_keeps_the_record_and_reopen_restores_each_state(void **state)
{
	struct tdb *t = *state;
	struct hd_actor s = staff();
	static const char *const NAMES[] = { "一队", "二队", "三队", "四队" };
	static const enum team_action FORWARD[] = { TEAM_REVIEW, TEAM_FILE, TEAM_CLASSIFY };
	struct team_step *h = NULL;
	long long id;
	int k, i, n = 0;

	for (k = 0; k < 4; k++) { /* 待初审, 已初审, 已备案, 已分类 */
		id = apply(t, NAMES[k]);
		for (i = 0; i < k; i++)
			STEP(HD_OK, &s, id, FORWARD[i], NULL);
		STEP(HD_OK, &s, id, TEAM_DEREGISTER, "团队解散");
		assert_int_equal(state_of_team(t, id), TEAM_DEREGISTERED);
		/* the record stays, with its data */
		assert_string_equal(get(t, id).name, NAMES[k]);
		assert_string_equal(get(t, id).leader, "张三");
		assert_string_equal(get(t, id).filed_date, k >= 2 ? TODAY : "");
		EXPECT(HD_OK, team_history(t->db, id, &h, &n, &err));
		assert_true(n >= 1);
		assert_int_equal(h[n - 1].from, TEAM_APPLIED + k);
		assert_int_equal(h[n - 1].to, TEAM_DEREGISTERED);
		assert_string_equal(h[n - 1].reason, "团队解散");
		free(h);

		STEP(HD_OK, &s, id, TEAM_REOPEN, "恢复活动");
		if (state_of_team(t, id) != (enum team_state)(TEAM_APPLIED + k))
			fail_msg("a team deregistered in state %d reopened into state %d",
				 TEAM_APPLIED + k, state_of_team(t, id));
	}
}

static void test_deregister_needs_a_reason(void **state)
{
	struct tdb *t = *state;
	struct hd_actor s = staff();
	long long id = apply(t, "晨练太极队");
	long long audits = audits_of(t, id);

	STEP(HD_BAD_INPUT, &s, id, TEAM_DEREGISTER, NULL);
	assert_string_equal(err.field, "Reason");
	STEP(HD_BAD_INPUT, &s, id, TEAM_DEREGISTER, "");
	STEP(HD_BAD_INPUT, &s, id, TEAM_DEREGISTER, " \t ");
	assert_int_equal(state_of_team(t, id), TEAM_APPLIED);
	assert_int_equal(audits_of(t, id), audits);
	STEP(HD_OK, &s, id, TEAM_DEREGISTER, " 负责人搬离 ");
	assert_int_equal(count_for(t,
				   "SELECT count(*) FROM team_step WHERE team_id = $1"
				   " AND to_state = 5 AND reason = '负责人搬离'",
				   id),
			 1);
}

static void test_classify_takes_a_new_category(void **state)
{
	struct tdb *t = *state;
	struct hd_actor s = staff();
	long long a = apply(t, "晨练太极队"), b = apply(t, "爱心义剪组");

	STEP(HD_OK, &s, a, TEAM_REVIEW, NULL);
	STEP(HD_OK, &s, a, TEAM_FILE, NULL);
	STEP(HD_BAD_INPUT, &s, a, TEAM_CLASSIFY, "体育");
	STEP(HD_BAD_INPUT, &s, a, TEAM_CLASSIFY, "9");
	assert_int_equal(state_of_team(t, a), TEAM_FILED);
	STEP(HD_OK, &s, a, TEAM_CLASSIFY, "生活服务");
	assert_int_equal(state_of_team(t, a), TEAM_CLASSIFIED);
	assert_int_equal(get(t, a).category, 3);

	STEP(HD_OK, &s, b, TEAM_REVIEW, NULL);
	STEP(HD_OK, &s, b, TEAM_FILE, NULL);
	STEP(HD_OK, &s, b, TEAM_CLASSIFY, "2"); /* by number */
	assert_int_equal(get(t, b).category, 2);
}

/* ---- filing conditions and names ---------------------------------------- */

static void test_unmet_names_every_condition_at_once(void **state)
{
	struct team_draft d, none;
	char why[8][HD_MSG_BYTES];
	int n, i;

	(void)state;
	tdb_env();
	d = draft("晨练太极队", "");
	assert_int_equal(team_unmet(&d, why, 8), 0);

	d = draft("阳光", "阳光居委会"); /* not a proper name */
	d.members = REC_NUM(5);
	d.place = "";
	n = team_unmet(&d, why, 8);
	if (n != 3) {
		for (i = 0; i < n; i++)
			print_error("  %s\n", why[i]);
		fail_msg("members 5, no place and an improper name: %d messages, expected 3", n);
	}
	assert_non_null(strstr(why[0], "队")); /* the name's ending */
	assert_non_null(strstr(why[1], "Members"));
	assert_non_null(strstr(why[2], "Place"));

	memset(&none, 0, sizeof(none)); /* nothing given at all */
	n = team_unmet(&none, why, 8);
	assert_int_equal(n,
			 8); /* name, category, leader, phone, members, activities, place, time */
	assert_non_null(strstr(why[1], "Category"));
	assert_non_null(strstr(why[2], "Leader"));
	assert_non_null(strstr(why[5], "Activities"));
	assert_non_null(strstr(why[7], "Usual time"));
	assert_int_equal(team_unmet(&none, why, 2), 2); /* never more than max */

	d = draft("晨练太极队", "");
	d.schedule = " ";
	d.leader = "";
	d.content = NULL;
	assert_int_equal(team_unmet(&d, why, 8), 3);
}

static void test_every_proper_name_ending_is_accepted_others_refused(void **state)
{
	struct tdb *t = *state;
	static const char *const GOOD[] = { "一队", "一团", "一社", "一组", "一会",
					    "一班", "一站", "一坊", "一部", "一室" };
	static const char *const BAD[] = { "阳光", "太极队伍", "队", "书画小组活动" };
	char why[8][HD_MSG_BYTES];
	struct team_draft d;
	long long id;
	unsigned i;

	for (i = 0; i < sizeof(GOOD) / sizeof(GOOD[0]); i++) {
		d = draft(GOOD[i], "");
		assert_int_equal(team_unmet(&d, why, 8), 0);
		EXPECT(HD_OK,
		       team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err));
	}
	for (i = 0; i < sizeof(BAD) / sizeof(BAD[0]); i++) {
		d = draft(BAD[i], "");
		if (team_unmet(&d, why, 8) != 1)
			fail_msg("%s: team_unmet does not name the improper name", BAD[i]);
		EXPECT(HD_BAD_INPUT,
		       team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err));
		assert_string_equal(err.field, "name");
	}
	d = draft("晨练太极队", "");
	d.members = REC_NUM(9);
	EXPECT(HD_BAD_INPUT,
	       team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM team"), 10);
}

static void test_duplicate_name_is_refused_within_one_committee_only(void **state)
{
	struct tdb *t = *state;
	struct team_draft d = draft("晨光太极队", "阳光居委会"); /* demo team 1 */
	long long id = 0;

	EXPECT(HD_REFUSED, team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err));
	d.name = " 晨光太极队 "; /* the same name, with spaces around */
	EXPECT(HD_REFUSED, team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM team"), 12);
	d.committee = "花园居委会";
	EXPECT(HD_OK, team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err));
	assert_int_equal(id, 13);
	/* a deregistered team keeps its name in its committee */
	d = draft("京剧票友会", "东方居委会");
	EXPECT(HD_REFUSED, team_create(t->db, &t->who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM team"), 13);
}

/* ---- activity ------------------------------------------------------------ */

static void test_activity_defaults_to_today_and_marks_the_check(void **state)
{
	struct tdb *t = *state;
	long long id = apply(t, "晨练太极队");

	EXPECT(HD_OK, team_activity(t->db, &t->who, id, CLOCK_NO_DAY, &err));
	assert_string_equal(get(t, id).last_activity, TODAY);
	assert_string_equal(get(t, id).checked_date, TODAY);
	assert_int_equal(tdb_audits(t->db, "action = 'team.activity' AND record_id = $1", id,
				    "after.last_activity='" TODAY "'", NULL),
			 1);
	/* an earlier activity recorded later does not move the last one back */
	EXPECT(HD_OK, team_activity(t->db, &t->who, id, tday("2026-10-01"), &err));
	assert_string_equal(get(t, id).last_activity, TODAY);

	id = apply(t, "爱心义剪组");
	EXPECT(HD_OK, team_activity(t->db, &t->who, id, tday("2026-11-01"), &err));
	assert_string_equal(get(t, id).last_activity, "2026-11-01");
	assert_string_equal(get(t, id).checked_date, TODAY);
}

static void test_activity_after_today_or_malformed_is_bad_input(void **state)
{
	struct tdb *t = *state;
	long long id = apply(t, "晨练太极队");
	long long audits = audits_of(t, id);
	long day;

	EXPECT(HD_BAD_INPUT, team_activity(t->db, &t->who, id, tday("2026-11-24"), &err));
	EXPECT(HD_BAD_INPUT, team_activity(t->db, &t->who, id, tday("2027-01-01"), &err));
	EXPECT(HD_BAD_INPUT, clock_parse_day("昨天", "Date", &day, &err));
	EXPECT(HD_BAD_INPUT, clock_parse_day("2026-02-30", "Date", &day, &err));
	assert_string_equal(get(t, id).last_activity, "");
	assert_string_equal(get(t, id).checked_date, "");
	assert_int_equal(audits_of(t, id), audits);
	/* late in the evening of today is still today */
	at(NOV(23), "23:59");
	EXPECT(HD_OK, team_activity(t->db, &t->who, id, tday(TODAY), &err));
}

static void test_deregistered_team_cannot_record_activity(void **state)
{
	struct tdb *t = *state;

	EXPECT(HD_REFUSED, team_activity(t->db, &t->who, 11, CLOCK_NO_DAY, &err)); /* 京剧票友会 */
	assert_string_equal(get(t, 11).last_activity, "");
}

/* ---- lists and the roll ------------------------------------------------- */

static void test_list_filters_by_state_in_name_order(void **state)
{
	struct tdb *t = *state;
	static const int COUNTS[] = { 12, 2, 2, 3, 4, 1 }; /* all, then states 1-5 */
	struct team_brief *all = NULL;
	int s, n, i;

	for (s = 0; s <= TEAM_DEREGISTERED; s++) {
		EXPECT(HD_OK, team_list(t->db, (enum team_state)s, &all, &n, &err));
		if (n != COUNTS[s])
			fail_msg("state %d: %d teams, expected %d", s, n, COUNTS[s]);
		for (i = 0; i < n; i++) {
			if (s)
				assert_int_equal(all[i].state, s);
			if (i)
				assert_true(strcmp(all[i - 1].name, all[i].name) <= 0);
		}
		free(all);
	}
}

static void test_demo_roll_holds_the_teams_due_for_their_annual_check(void **state)
{
	struct tdb *t = *state;
	struct team_brief *all = NULL;
	int n, i;

	EXPECT(HD_OK, team_roll(t->db, &all, &n, &err));
	/* filed 500, 420, 610 and 700 days ago; 3, 5 and 12 are recent; 11 is
	 * deregistered */
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++) {
		assert_true(all[i].id == 1 || all[i].id == 2 || all[i].id == 4 || all[i].id == 9);
		assert_true(all[i].check_due);
		assert_true(all[i].idle);
	}
	free(all);

	/* recording an activity takes a team off the roll */
	EXPECT(HD_OK, team_activity(t->db, &t->who, 1, CLOCK_NO_DAY, &err));
	EXPECT(HD_OK, team_roll(t->db, &all, &n, &err));
	assert_int_equal(n, 3);
	assert_null(on_roll(all, n, 1));
	free(all);
	/* the list shows the same marks */
	EXPECT(HD_OK, team_list(t->db, TEAM_CLASSIFIED, &all, &n, &err));
	for (i = 0; i < n; i++)
		assert_int_equal(all[i].check_due, all[i].id != 1);
	free(all);
}

static void test_annual_check_is_due_at_exactly_one_year(void **state)
{
	struct tdb *t = *state;
	long long a = added(t, "满一年队", TEAM_FILED, "2025-11-23");
	long long b = added(t, "差一天队", TEAM_CLASSIFIED, "2025-11-24");
	long long c = added(t, "去年检查队", TEAM_CLASSIFIED, "2025-06-01");
	long long d = added(t, "检查差一天队", TEAM_CLASSIFIED, "2025-06-01");
	const struct team_brief *l;
	struct team_brief *all = NULL;
	long long bk;
	int n;

	/* c and d were active lately; c was checked a year ago to the day, d a
	 * year less a day ago */
	tdb_exec(t->db, "UPDATE team SET last_activity = '2026-11-01', checked_date ="
			" CASE name WHEN '去年检查队' THEN '2025-11-23' ELSE '2025-11-24' END"
			" WHERE name IN ('去年检查队', '检查差一天队')");
	EXPECT(HD_OK, team_roll(t->db, &all, &n, &err));
	l = on_roll(all, n, a);
	assert_non_null(l);
	assert_true(l->check_due);
	l = on_roll(all, n, b); /* on the roll as idle, its check not due yet */
	assert_non_null(l);
	assert_false(l->check_due);
	assert_true(l->idle);
	l = on_roll(all, n, c);
	assert_non_null(l);
	assert_true(l->check_due);
	assert_false(l->idle);
	assert_null(on_roll(all, n, d));
	free(all);

	/* a booking keeps b off the roll: the trigger keeps last_booked */
	EXPECT(HD_OK, book_id(t, b, NOV(24), &bk));
	assert_int_equal(get(t, b).last_booked, now_at(NOV(24), "10:00"));
	at(NOV(23), "09:00");
	EXPECT(HD_OK, team_roll(t->db, &all, &n, &err));
	assert_null(on_roll(all, n, b));
	assert_non_null(on_roll(all, n, a));
	free(all);

	/* the next day b's year is full */
	at(NOV(24), "08:00");
	EXPECT(HD_OK, team_roll(t->db, &all, &n, &err));
	l = on_roll(all, n, b);
	assert_non_null(l);
	assert_true(l->check_due);
	assert_false(l->idle);
	free(all);
}

static void test_six_months_without_booking_or_activity_puts_a_team_on_the_roll(void **state)
{
	struct tdb *t = *state;
	struct team_brief *all = NULL;
	long long old_booking, recent_booking, nothing, active, young, applied, bk;
	const struct team_brief *l;
	int n;

	at("2026-03-10", "09:00");
	old_booking = added(t, "三月订场队", TEAM_FILED, "2026-03-01");
	EXPECT(HD_OK, book_id(t, old_booking, "2026-03-11", &bk));
	nothing = added(t, "无声无息队", TEAM_CLASSIFIED, "2026-03-01");
	active = added(t, "六月活动队", TEAM_FILED, "2026-03-01");
	applied = added(t, "未备案队", TEAM_APPLIED, NULL);
	at("2026-06-01", "09:00");
	recent_booking = added(t, "六月订场队", TEAM_FILED, "2026-03-01");
	EXPECT(HD_OK, book_id(t, recent_booking, "2026-06-02", &bk));
	EXPECT(HD_OK, team_activity(t->db, &t->who, active, tday("2026-06-01"), &err));
	at("2026-07-01", "09:00");
	young = added(t, "七月新队", TEAM_FILED, "2026-07-01");

	at(NOV(23), "09:00");
	EXPECT(HD_OK, team_roll(t->db, &all, &n, &err));
	l = on_roll(all, n, old_booking); /* last booked on 2026-03-11 */
	assert_non_null(l);
	assert_true(l->idle);
	assert_false(l->check_due);
	l = on_roll(all, n, nothing);
	assert_non_null(l);
	assert_true(l->idle);
	assert_null(on_roll(all, n, recent_booking)); /* booked on 2026-06-02 */
	assert_null(on_roll(all, n, active));         /* activity on 2026-06-01 */
	assert_null(on_roll(all, n, young));          /* filed less than six months ago */
	assert_null(on_roll(all, n, applied));        /* not filed */
	free(all);

	/* an activity recorded today takes it off */
	EXPECT(HD_OK, team_activity(t->db, &t->who, nothing, CLOCK_NO_DAY, &err));
	EXPECT(HD_OK, team_roll(t->db, &all, &n, &err));
	assert_null(on_roll(all, n, nothing));
	free(all);
	/* a deregistered team is never on the roll */
	STEP(HD_OK, &t->who, old_booking, TEAM_DEREGISTER, "长期不活动");
	EXPECT(HD_OK, team_roll(t->db, &all, &n, &err));
	assert_null(on_roll(all, n, old_booking));
	free(all);
}

/* A team filed again today (after reopen) has a year before its annual
 * check, even if it was checked long ago. */
static void test_team_filed_again_today_is_not_due_for_its_check(void **state)
{
	struct tdb *t = *state;
	const struct team_brief *l;
	struct team_brief *all = NULL;
	long long id;
	int n;

	at("2025-06-01", "09:00");
	id = added(t, "重新备案队", TEAM_FILED, "2025-06-01");
	EXPECT(HD_OK,
	       team_activity(t->db, &t->who, id, CLOCK_NO_DAY, &err)); /* checked 2025-06-01 */
	at(NOV(23), "09:00");
	STEP(HD_OK, &t->who, id, TEAM_REOPEN, "负责人变更");
	STEP(HD_OK, &t->who, id, TEAM_FILE, NULL);
	assert_string_equal(get(t, id).filed_date, TODAY);
	EXPECT(HD_OK, team_roll(t->db, &all, &n, &err));
	l = on_roll(all, n, id);
	if (l) {
		bool due = l->check_due;

		free(all);
		fail_msg("a team filed again today (%s) is on the roll with its annual check"
			 " %s: the check of 2025-06-01 must not win over the newer filing date",
			 TODAY, due ? "due" : "not due");
	}
	free(all);
}

/* A year is a calendar year, also across 29 February. */
static void test_annual_check_counts_calendar_years_across_a_leap_day(void **state)
{
	struct tdb *t = *state;
	const struct team_brief *l;
	struct team_brief *all = NULL;
	long long full, short_by_a_day;
	int n;

	at("2028-03-01", "09:00"); /* 2028 is a leap year */
	full = added(t, "满年队", TEAM_FILED, "2027-03-01");
	short_by_a_day = added(t, "差一天队", TEAM_FILED, "2027-03-02");
	EXPECT(HD_OK, team_roll(t->db, &all, &n, &err));
	l = on_roll(all, n, full);
	assert_non_null(l);
	assert_true(l->check_due);
	l = on_roll(all, n, short_by_a_day);
	assert_non_null(l); /* idle: no activity since filing */
	if (l->check_due) {
		free(all);
		fail_msg("on 2028-03-01 the annual check of a team filed on 2027-03-02 is due a"
			 " day early: a year is not 365 days across 2028-02-29");
	}
	free(all);
}

/* ---- who may do what ----------------------------------------------------- */

static void test_volunteer_and_desk_apply_and_record_but_take_no_step(void **state)
{
	struct tdb *t = *state;
	struct hd_actor vol = volunteer(), desk = actor_desk("前台");
	const struct hd_actor *who[] = { &vol, &desk };
	static const char *const NAMES[] = { "志愿者队", "前台队" };
	static const enum team_action ACTIONS[] = { TEAM_REVIEW, TEAM_FILE, TEAM_CLASSIFY,
						    TEAM_REOPEN, TEAM_DEREGISTER };
	static const char *const ARGS[] = { NULL, NULL, "公益慈善", "理由", "理由" };
	struct team_draft d;
	long long id, denied, filed = 3; /* demo team 3 is 已备案 */
	unsigned i, k;

	for (k = 0; k < 2; k++) {
		d = draft(NAMES[k], "花园居委会");
		EXPECT(HD_OK,
		       team_create(t->db, who[k], &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err));
		assert_int_equal(state_of_team(t, id), TEAM_APPLIED);
		EXPECT(HD_OK, team_activity(t->db, who[k], filed, tday("2026-11-20"), &err));
		denied = tdb_audits(t->db, "action = 'denied'", 0, "after.action='team-step'",
				    NULL);
		for (i = 0; i < sizeof(ACTIONS) / sizeof(ACTIONS[0]); i++) {
			STEP(HD_REFUSED, who[k], id, ACTIONS[i], ARGS[i]);
			STEP(HD_REFUSED, who[k], filed, ACTIONS[i], ARGS[i]);
		}
		assert_int_equal(state_of_team(t, id), TEAM_APPLIED);
		assert_int_equal(state_of_team(t, filed), TEAM_FILED);
		assert_int_equal(tdb_audits(t->db, "action = 'denied'", 0,
					    "after.action='team-step'", NULL),
				 denied + 10);
		/* adding a team straight into a filed state is editing the register */
		d = draft("直接备案队", NAMES[k]);
		EXPECT(HD_REFUSED,
		       team_create(t->db, who[k], &d, TEAM_FILED, clock_day_of(TODAY), &id, &err));
	}
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM team"), 14);
	/* no step beyond the applications themselves */
	assert_int_equal(tdb_int(t->db,
				 "SELECT count(*) FROM team_step WHERE from_state IS NOT NULL"),
			 0);
	assert_string_equal(get(t, filed).last_activity, "2026-11-20");
	/* the volunteer is named in the audit of what they did */
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'team.add'"
					" AND actor = 'staff' AND actor_name = '李阿姨'"),
			 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'team.add'"
					" AND actor = 'desk'"),
			 1);
}

static void test_resident_at_a_kiosk_can_neither_apply_nor_record(void **state)
{
	struct tdb *t = *state;
	struct hd_actor r = resident();
	struct team_draft d = draft("自助队", "花园居委会");
	long long id = 0;

	EXPECT(HD_REFUSED, team_create(t->db, &r, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err));
	EXPECT(HD_REFUSED, team_activity(t->db, &r, 3, CLOCK_NO_DAY, &err));
	STEP(HD_REFUSED, &r, 7, TEAM_REVIEW, NULL);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM team"), 12);
	assert_string_equal(get(t, 3).last_activity, "");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'denied'"
					" AND actor = 'resident'"),
			 3);
}

static void test_staff_and_admin_take_every_step(void **state)
{
	struct tdb *t = *state;
	struct hd_actor s = staff(), admin = person(ROLE_ADMIN, "管理员");

	STEP(HD_OK, &s, 7, TEAM_REVIEW, NULL); /* 爱心编织组, 待初审 */
	STEP(HD_OK, &admin, 7, TEAM_FILE, NULL);
	STEP(HD_OK, &s, 7, TEAM_CLASSIFY, "公益慈善");
	STEP(HD_OK, &admin, 7, TEAM_DEREGISTER, "合并到其他团队");
	STEP(HD_OK, &s, 7, TEAM_REOPEN, "恢复");
	assert_int_equal(state_of_team(t, 7), TEAM_CLASSIFIED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM team_step WHERE team_id = 7"
					" AND actor = '管理员'"),
			 2);
}

#define T(f) cmocka_unit_test_setup_teardown(f, tdb_setup, tdb_teardown)
#define D(f) cmocka_unit_test_setup_teardown(f, demo_setup, tdb_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_application_is_applied_audited_and_not_filed),
		T(test_application_is_the_first_row_of_the_history),
		T(test_each_step_moves_one_state_with_date_and_person),
		T(test_each_step_is_audited_with_before_and_after),
		T(test_step_taken_already_is_ok_and_says_when),
		T(test_steps_out_of_order_are_refused_naming_the_state),
		T(test_unknown_team_is_not_found),
		T(test_reopen_steps_back_one_state_from_each_state),
		T(test_deregister_keeps_the_record_and_reopen_restores_each_state),
		T(test_deregister_needs_a_reason),
		T(test_classify_takes_a_new_category),
		cmocka_unit_test(test_unmet_names_every_condition_at_once),
		T(test_every_proper_name_ending_is_accepted_others_refused),
		D(test_duplicate_name_is_refused_within_one_committee_only),
		T(test_activity_defaults_to_today_and_marks_the_check),
		T(test_activity_after_today_or_malformed_is_bad_input),
		D(test_deregistered_team_cannot_record_activity),
		D(test_list_filters_by_state_in_name_order),
		D(test_demo_roll_holds_the_teams_due_for_their_annual_check),
		D(test_annual_check_is_due_at_exactly_one_year),
		D(test_six_months_without_booking_or_activity_puts_a_team_on_the_roll),
		T(test_team_filed_again_today_is_not_due_for_its_check),
		T(test_annual_check_counts_calendar_years_across_a_leap_day),
		D(test_volunteer_and_desk_apply_and_record_but_take_no_step),
		D(test_resident_at_a_kiosk_can_neither_apply_nor_record),
		D(test_staff_and_admin_take_every_step),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
