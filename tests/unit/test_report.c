/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report.c - the figures of a period: visits per day, purpose, hour and
 * whom, each room's open, booked and used time and heat map less closures
 * and closed weekdays, no-shows and late cancellations per booker, teams as
 * they stood at the end of the period, organisations by kind; a cancelled
 * build; and the permille, bars and CSV the report is shown with. */
#include "bookingutil.h"

#include "core/csv.h"
#include "core/lists.h"
#include "core/org.h"
#include "core/report.h"
#include "core/team.h"
#include "core/text.h"

/* The world of November 2026 (Sunday the 1st .. Monday the 30th). */
struct world {
	long long room_a; /* 一号会议室, its own hours 09:00-17:00 */
	long long room_b; /* 二号活动室, 08:00 to closing.time 21:00 */
	long long org_x, org_y, org_z;
	long long team_a, team_b, team_c, team_d, team_e;
};

static struct world w;
static struct report rep;

static long long add_org(struct tdb *t, const char *day, const char *name, int kind, const char *in,
			 const char *out)
{
	struct org_draft d = { .name = name, .kind = kind, .in_date = in, .out_date = out };
	long long id = 0;

	at(day, "10:00");
	EXPECT(HD_OK, org_add(t->db, &t->who, &d, &id, NULL, &err));
	return id;
}

static long long add_team(struct tdb *t, const char *day, const char *name, int category,
			  long members, long party, enum team_state st)
{
	struct team_draft d = { .name = name,
				.category = category,
				.leader = "张三",
				.phone = "13800001111",
				.members = REC_NUM(members),
				.content = "活动",
				.place = "中心广场",
				.schedule = "每周一",
				.party_members = REC_NUM(party),
				.committee = "阳光居委会" };
	long long id = 0;

	at(day, "10:00");
	EXPECT(HD_OK, team_create(t->db, &t->who, &d, st,
				  st >= TEAM_FILED ? clock_day_of("2026-09-01") : CLOCK_NO_DAY, &id,
				  &err));
	return id;
}

static void step(struct tdb *t, const char *day, long long id, enum team_action action,
		 const char *arg)
{
	bool already = true;
	time_t when;

	at(day, "10:00");
	EXPECT(HD_OK, team_act(t->db, &t->who, id, action, arg, false, &already, &when, &err));
	assert_false(already);
}

static time_t local(const char *day, const char *hm)
{
	return clock_local_time(day, atoi(hm) * 60 + atoi(hm + 3));
}

/* Runs sql with a..f bound as $1..$6 (0 binds NULL) and text as $7, where
 * it has them; the first column of a row it returns (RETURNING id), or 0. */
static long long exec(struct tdb *t, const char *sql, long long a, long long b, long long c,
		      long long d, long long e, long long f, const char *text)
{
	const long long v[6] = { a, b, c, d, e, f };
	struct db_stmt *st = NULL;
	enum db_step r;
	long long id = 0;
	int i, n;

	assert_int_equal(db_prepare(t->db, sql, &st, &err), HD_OK);
	n = db_param_count(st);
	for (i = 0; i < 6 && i < n; i++) {
		if (v[i])
			db_bind_int(st, i + 1, v[i]);
		else
			db_bind_null(st, i + 1);
	}
	if (n >= 7)
		db_bind_text(st, 7, text);
	r = db_step(st);
	if (r == DB_ROW) {
		id = db_col_int(st, 0);
		r = db_step(st);
	}
	if (r != DB_DONE) {
		db_step_fail(st, &err);
		fail_msg("%s: %s", sql, err.msg);
	}
	db_done(st);
	return id;
}

/* A visit at local day hm, for purpose, to org or team (0 none). */
static void visit(struct tdb *t, const char *day, const char *hm, int purpose, long long org,
		  long long team, int party, int erased)
{
	exec(t,
	     "INSERT INTO visit(purpose, org_id, team_id, party, erased, time_in, desk)"
	     " VALUES ($1, $2, $3, $4, coalesce($5, 0), $6, 'desk')",
	     purpose, org, team, party, erased, (long long)local(day, hm), NULL);
}

/* A booking of room by org or team on day from..to in state. */
static void booking(struct tdb *t, long long room, long long org, long long team, const char *day,
		    const char *from, const char *to, const char *state, int noshow, int late)
{
	exec(t,
	     "INSERT INTO booking(room_id, org_id, team_id, start, \"end\", hold_end, state, noshow,"
	     " late_cancel, created, updated) VALUES ($1, $2, $3, $4, $5, $5, $7,"
	     " coalesce($6, 0) % 2, coalesce($6, 0) / 2, 0, 0)",
	     room, org, team, (long long)local(day, from), (long long)local(day, to),
	     noshow + 2 * late, state);
}

static int world_setup(void **state)
{
	struct room_draft a = { "一号会议室", 1, REC_NUM(20), "09:00", "17:00", { 0 } };
	struct room_draft b = { "二号活动室", 2, REC_NUM(30), NULL, NULL, { 0 } };
	struct tdb *t;
	long long id;

	if (tdb_setup(state) != 0)
		return -1;
	t = *state;
	memset(&w, 0, sizeof(w));
	memset(&rep, 0, sizeof(rep));
	at("2026-10-01", "09:00");
	EXPECT(HD_OK, room_add(t->db, &t->who, &a, &w.room_a, &err));
	EXPECT(HD_OK, room_add(t->db, &t->who, &b, &w.room_b, &err));
	set(t, SET_CLOSED_WEEKDAYS, "7");
	EXPECT(HD_OK, closure_add(t->db, &t->who, tday("2026-11-11"), tday("2026-11-11"), "检修",
				  &id, &err));
	EXPECT(HD_OK, room_close(t->db, &t->who, w.room_b, tat("2026-11-12 14:00"),
				 tat("2026-11-12 16:00"), "维修", &id, &err));
	w.org_x = add_org(t, "2026-10-01", "阳光社工服务社", 2, NULL, NULL);
	w.org_y = add_org(t, "2026-10-02", "彩虹创客空间", 1, "2026-01-01", "2026-12-31");
	w.org_z = add_org(t, "2026-12-02", "迟来的机构", 3, NULL, NULL);
	/* Teams: A applied, reviewed, filed in November; B filed before and
	 * deregistered after the period; C deregistered in it; D created
	 * after it; E applied in it. */
	w.team_a = add_team(t, "2026-10-10", "甲舞蹈队", 1, 12, 2, TEAM_APPLIED);
	step(t, "2026-10-15", w.team_a, TEAM_REVIEW, NULL);
	step(t, "2026-11-05", w.team_a, TEAM_FILE, NULL);
	w.team_b = add_team(t, "2026-10-10", "乙慈善队", 2, 20, 5, TEAM_FILED);
	step(t, "2026-12-05", w.team_b, TEAM_DEREGISTER, "解散");
	w.team_c = add_team(t, "2026-10-12", "丙服务队", 3, 10, 1, TEAM_FILED);
	step(t, "2026-11-20", w.team_c, TEAM_DEREGISTER, "解散");
	w.team_d = add_team(t, "2026-12-03", "丁新队", 6, 30, 0, TEAM_APPLIED);
	w.team_e = add_team(t, "2026-11-15", "戊事务队", 4, 11, 0, TEAM_APPLIED);

	visit(t, "2026-11-02", "09:15", 1, w.org_x, 0, 1, 0);
	visit(t, "2026-11-02", "09:45", 1, 0, 0, 3, 0);
	visit(t, "2026-11-02", "14:05", 4, 0, w.team_a, 2, 0);
	visit(t, "2026-11-03", "00:10", 13, 0, 0, 1, 0);
	visit(t, "2026-11-30", "23:50", 5, w.org_x, 0, 4, 1); /* erased: still counted */
	visit(t, "2026-10-31", "23:59", 1, w.org_x, 0, 1, 0); /* outside */
	visit(t, "2026-12-01", "00:00", 1, w.org_x, 0, 1, 0); /* outside */

	booking(t, w.room_a, w.org_x, 0, "2026-11-02", "10:00", "12:00", "checked_in", 0, 0);
	booking(t, w.room_a, w.org_x, 0, "2026-11-03", "14:00", "15:30", "confirmed", 0, 0);
	booking(t, w.room_a, 0, w.team_a, "2026-11-04", "09:00", "10:00", "released", 1, 0);
	booking(t, w.room_b, w.org_x, 0, "2026-11-05", "10:00", "11:00", "cancelled", 0, 1);
	booking(t, w.room_b, w.org_y, 0, "2026-11-06", "19:30", "22:00", "checked_in", 0, 0);
	booking(t, w.room_a, 0, w.team_a, "2026-11-09", "08:00", "10:00", "checked_in", 0, 0);
	booking(t, w.room_b, w.org_x, 0, "2026-11-08", "10:00", "11:00", "confirmed", 0, 0);
	booking(t, w.room_b, w.org_x, 0, "2026-11-10", "15:00", "16:00", "released", 1, 0);
	booking(t, w.room_b, w.org_y, 0, "2026-11-11", "10:00", "11:00", "confirmed", 0, 0);
	booking(t, w.room_a, 0, w.team_a, "2026-12-01", "10:00", "11:00", "released", 1, 0);
	booking(t, w.room_a, w.org_y, 0, "2026-10-30", "10:00", "11:00", "cancelled", 0, 1);
	at("2026-12-15", "09:00");
	return 0;
}

static int world_teardown(void **state)
{
	report_free(&rep);
	return tdb_teardown(state);
}

static void build(struct tdb *t, const char *from, const char *to)
{
	report_free(&rep);
	EXPECT(HD_OK, report_build(t->db, tday(from), tday(to), NULL, NULL, &rep, &err));
}

static const struct report_room *room_of(long long id)
{
	int i;

	for (i = 0; i < rep.nrooms; i++)
		if (rep.rooms[i].id == id)
			return &rep.rooms[i];
	fail_msg("room %lld is not in the report", id);
	return NULL;
}

/* Items of an array as "index=value ...". */
static void assert_at(const int *a, const char *cells)
{
	int i, want, n;

	while (sscanf(cells, " %d=%d%n", &i, &want, &n) == 2) {
		if (a[i] != want)
			fail_msg("[%d] is %d, expected %d", i, a[i], want);
		cells += n;
	}
}

static const struct report_visited *visited_of(long long id, bool team)
{
	int i;

	for (i = 0; i < rep.nvisited; i++)
		if (rep.visited[i].id == id && rep.visited[i].team == team)
			return &rep.visited[i];
	fail_msg("%s %lld is not among the visited", team ? "team" : "org", id);
	return NULL;
}

static void test_visits_per_day_purpose_hour_and_whom(void **state)
{
	const struct report_visited *v;

	build(*state, "2026-11-01", "2026-11-30");
	assert_string_equal(rep.from, "2026-11-01");
	assert_string_equal(rep.to, "2026-11-30");
	assert_int_equal((long long)rep.start, (long long)local("2026-11-01", "00:00"));
	assert_int_equal((long long)rep.end, (long long)local("2026-12-01", "00:00"));
	assert_int_equal(rep.ndays, 30);
	assert_string_equal(rep.days[0].date, "2026-11-01");
	assert_int_equal(rep.days[0].weekday, 7);
	assert_int_equal(rep.days[1].weekday, 1);
	assert_string_equal(rep.days[29].date, "2026-11-30");
	assert_true(rep.days[0].visits == 0 && rep.days[1].visits == 3 && rep.days[1].people == 6);
	assert_true(rep.days[2].visits == 1 && rep.days[29].visits == 1 &&
		    rep.days[29].people == 4);
	assert_int_equal(rep.visits, 5);
	assert_int_equal(rep.people, 11);
	assert_at(rep.purpose_visits, "1=2 2=0 4=1 5=1 13=1");
	assert_at(rep.purpose_people, "1=4 2=0 4=2 5=4 13=1");
	assert_at(rep.hour_visits, "0=1 9=2 10=0 14=1 23=1");
	assert_int_equal(rep.nvisited, 3);
	v = visited_of(w.org_x, false);
	assert_string_equal(v->name, "阳光社工服务社");
	assert_true(v->visits == 2 && v->people == 5);
	v = visited_of(0, false); /* nobody in particular, said in words */
	assert_true(v->name[0] != '\0');
	assert_true(v->visits == 2 && v->people == 4);
	v = visited_of(w.team_a, true);
	assert_string_equal(v->name, "甲舞蹈队");
	assert_true(v->visits == 1 && v->people == 2);
	assert_int_equal(rep.visited[2].visits, 1); /* most visits first */
}

/* Cells of a heat map as "weekday-1:hour=minutes ...". */
static void assert_heat(const int heat[7][24], const char *cells)
{
	int d, h, want, n;

	while (sscanf(cells, " %d:%d=%d%n", &d, &h, &want, &n) == 3) {
		if (heat[d][h] != want)
			fail_msg("heat[%d][%d] is %d, expected %d", d, h, heat[d][h], want);
		cells += n;
	}
}

static void test_rooms_open_booked_and_used(void **state)
{
	const struct report_room *a, *b;

	build(*state, "2026-11-01", "2026-11-30");
	assert_int_equal(rep.nrooms, 2);
	assert_string_equal(rep.rooms[0].name, "一号会议室"); /* by name */
	a = room_of(w.room_a);
	b = room_of(w.room_b);
	/* 30 days less 5 Sundays and the closure of the 11th: 24 days open. */
	assert_int_equal(a->open_min, 24L * 8 * 60);
	assert_int_equal(b->open_min, 24L * 13 * 60 - 120); /* less its own 2 hours */
	/* A: 2 h used, 1.5 h confirmed, 1 h released, 1 h of 2 inside its hours. */
	assert_int_equal(a->booked_min, 120 + 90 + 60 + 60);
	assert_int_equal(a->used_min, 120 + 60);
	/* B: 19:30-21:00 used of 19:30-22:00, 1 h released; nothing on a Sunday,
	 * on the closure, or of a cancelled booking. */
	assert_int_equal(b->booked_min, 90 + 60);
	assert_int_equal(b->used_min, 90);
	/* Mondays (5): A opens at 9, B at 8. Wednesdays (4) less the 11th;
	 * Thursdays (4) less B's 2 hours on the 12th; Sundays closed. */
	assert_heat(a->heat_open, "0:9=300 0:8=0 0:17=0 2:10=180 6:10=0");
	assert_heat(b->heat_open, "0:8=300 0:20=300 0:21=0 3:10=240 3:14=180 6:10=0");
	assert_heat(a->heat_booked, "0:8=0 0:9=60 0:10=60 0:11=60 1:14=60 1:15=30 2:9=60");
	assert_heat(b->heat_booked, "4:19=30 4:20=60 4:21=0 6:10=0");
}

/* The heat map adds up to the totals; a working day (调休) opens a Sunday. */
static void test_heat_adds_up_and_a_working_day_opens(void **state)
{
	struct tdb *t = *state;
	const struct report_room *a;
	long open, booked;
	long long id;
	int i, d, h;

	build(t, "2026-11-01", "2026-11-30");
	for (i = 0; i < rep.nrooms; i++) {
		for (open = booked = 0, d = 0; d < 7; d++)
			for (h = 0; h < 24; h++) {
				open += rep.rooms[i].heat_open[d][h];
				booked += rep.rooms[i].heat_booked[d][h];
				assert_true(rep.rooms[i].heat_booked[d][h] <=
					    rep.rooms[i].heat_open[d][h]);
			}
		assert_int_equal(open, rep.rooms[i].open_min);
		assert_int_equal(booked, rep.rooms[i].booked_min);
	}
	at("2026-11-20", "09:00");
	EXPECT(HD_OK, closure_open_day(t->db, &t->who, tday("2026-11-29"), "调休", &id, &err));
	at("2026-12-15", "09:00");
	build(t, "2026-11-01", "2026-11-30");
	a = room_of(w.room_a);
	assert_int_equal(a->open_min, 25L * 8 * 60);
	assert_int_equal(a->heat_open[6][10], 60);
}

static void test_bookers_with_noshows_and_late_cancellations(void **state)
{
	build(*state, "2026-11-01", "2026-11-30");
	/* Today is 2026-12-15: the confirmed bookings of November were not
	 * checked in and read as no-shows, as every reader sees them. X: three
	 * no-shows (one released, two confirmed) and a late cancellation;
	 * then Y (a confirmed one) and team A (released), by name; none of
	 * another month. */
	assert_int_equal(rep.nbookers, 3);
	assert_true(rep.bookers[0].id == w.org_x && !rep.bookers[0].team);
	assert_true(rep.bookers[0].noshows == 3 && rep.bookers[0].late_cancels == 1);
	assert_string_equal(rep.bookers[0].name, "阳光社工服务社");
	assert_true(rep.bookers[1].id == w.org_y && !rep.bookers[1].team);
	assert_true(rep.bookers[1].noshows == 1 && rep.bookers[1].late_cancels == 0);
	assert_true(rep.bookers[2].id == w.team_a && rep.bookers[2].team);
	assert_true(rep.bookers[2].noshows == 1 && rep.bookers[2].late_cancels == 0);
	assert_string_equal(rep.bookers[2].name, "甲舞蹈队");
}

static void test_teams_as_they_stood_at_the_end(void **state)
{
	build(*state, "2026-11-01", "2026-11-30");
	/* A filed, B filed (deregistered only in December), C deregistered,
	 * E applied; D did not exist yet. */
	assert_at(rep.team_state, "1=1 2=0 3=2 4=0 5=1");
	assert_int_equal(rep.teams, 3);
	assert_int_equal(rep.members, 12 + 20 + 11);
	assert_int_equal(rep.party_members, 2 + 5 + 0);
	assert_at(rep.team_category, "1=1 2=1 3=0 4=1 5=0 6=0"); /* 3: C, deregistered */
	assert_int_equal(rep.filed_in_period, 1);
	assert_int_equal(rep.deregistered_in_period, 1);

	/* October: A reviewed, B and C filed (made in October with the
	 * filing date 2026-09-01: new filings of September). */
	build(*state, "2026-10-01", "2026-10-31");
	assert_at(rep.team_state, "1=0 2=1 3=2 4=0 5=0");
	assert_int_equal(rep.teams, 3);
	assert_int_equal(rep.filed_in_period, 0);
	build(*state, "2026-09-01", "2026-09-30");
	assert_int_equal(rep.filed_in_period, 2);

	/* December reaches today: the teams as they are now. */
	build(*state, "2026-12-01", "2026-12-31");
	assert_at(rep.team_state, "1=2 2=0 3=1 4=0 5=2");
	assert_int_equal(rep.teams, 3);
	assert_int_equal(rep.members, 12 + 30 + 11);
	assert_int_equal(rep.filed_in_period, 0);
	assert_int_equal(rep.deregistered_in_period, 1);
}

static void test_orgs_by_kind_and_residence_ending(void **state)
{
	build(*state, "2026-11-01", "2026-11-30");
	assert_int_equal(rep.orgs, 2);
	assert_at(rep.org_kind, "1=1 2=1 3=0");
	/* Today is 2026-12-15: Y moves out on the 31st. */
	assert_int_equal(rep.nending, 1);
	assert_int_equal(rep.ending[0].id, w.org_y);
	build(*state, "2026-12-01", "2026-12-31");
	assert_int_equal(rep.orgs, 3);
	assert_int_equal(rep.org_kind[3], 1);
}

static bool stop(void *ctx, long done, long total)
{
	(*(int *)ctx)++;
	assert_true(done >= 0 && done <= total);
	return false;
}

static bool go_on(void *ctx, long done, long total)
{
	*(long *)ctx = done * 1000 / total;
	return true;
}

static void test_a_cancelled_report_fails(void **state)
{
	struct tdb *t = *state;
	long last = 0;
	int calls = 0;

	report_free(&rep);
	assert_int_equal(report_build(t->db, tday("2026-11-01"), tday("2026-11-30"), stop, &calls,
				      &rep, &err),
			 HD_FAIL);
	assert_int_equal(err.status, HD_FAIL);
	assert_non_null(strstr(err.msg, "cancel"));
	assert_true(calls >= 1);
	report_free(&rep);
	EXPECT(HD_OK, report_build(t->db, tday("2026-11-01"), tday("2026-11-30"), go_on, &last,
				   &rep, &err));
	assert_int_equal(last, 1000);
	assert_int_equal(rep.visits, 5);
	/* A bad period. */
	report_free(&rep);
	assert_int_equal(report_build(t->db, tday("2026-11-30"), tday("2026-11-01"), NULL, NULL,
				      &rep, &err),
			 HD_BAD_INPUT);
}

/* Time used by a checked-in booking counts also where a released no-show
 * of the same slot came first; a confirmed booking past its check-in
 * window is a no-show for the report at once, before maintenance writes it;
 * new filings count by the filing date, also of a team that came in filed. */
static void test_states_as_of_now_and_filings_by_date(void **state)
{
	struct team_draft d = { .name = "己合唱团",
				.category = 1,
				.leader = "王五",
				.phone = "13800002222",
				.members = REC_NUM(15),
				.content = "唱歌",
				.place = "活动室",
				.schedule = "每周三" };
	const struct report_room *a;
	struct tdb *t = *state;
	long long id;

	booking(t, w.room_a, w.org_y, 0, "2026-11-16", "10:00", "12:00", "released", 1, 0);
	booking(t, w.room_a, w.org_x, 0, "2026-11-16", "10:30", "12:00", "checked_in", 0, 0);
	build(t, "2026-11-16", "2026-11-16");
	a = room_of(w.room_a);
	assert_int_equal(a->booked_min, 120);
	assert_int_equal(a->used_min, 90);

	at("2026-11-17", "09:00");
	booking(t, w.room_a, w.org_y, 0, "2026-11-17", "08:00", "08:30", "confirmed", 0, 0);
	booking(t, w.room_b, w.org_y, 0, "2026-11-17", "10:00", "11:00", "pending", 0, 0);
	build(t, "2026-11-17", "2026-11-17");
	assert_int_equal(rep.nbookers, 1);
	assert_int_equal(rep.bookers[0].id, w.org_y);
	assert_int_equal(rep.bookers[0].noshows, 1);
	assert_int_equal(room_of(w.room_b)->booked_min, 60); /* pending, still to come */
	at("2026-11-17", "10:00");
	build(t, "2026-11-17", "2026-11-17");
	assert_int_equal(room_of(w.room_b)->booked_min, 0); /* lapsed at its start */

	/* A team that came in filed on 2019-05-01 (an import) is no new filing
	 * of November; its filing counts in May 2019. */
	EXPECT(HD_OK,
	       team_create(t->db, &t->who, &d, TEAM_FILED, clock_day_of("2019-05-01"), &id, &err));
	build(t, "2026-11-01", "2026-11-30");
	assert_int_equal(rep.filed_in_period, 1); /* team A, filed on the 5th */
	build(t, "2019-05-01", "2019-05-31");
	assert_int_equal(rep.filed_in_period, 1);
}

/* Beyond the REPORT_VISITED_MAX most visited, the rest are one entry. */
/* A bare organisation named name (its text the only parameter: PostgreSQL
 * cannot type parameters a statement leaves unused). */
static long long org_named(struct tdb *t, const char *name)
{
	struct db_stmt *st = NULL;
	long long id;

	assert_int_equal(db_prepare(t->db,
				    "INSERT INTO org(name, short, kind, created, updated)"
				    " VALUES ($1, '批量', 3, 0, 0) RETURNING id",
				    &st, &err),
			 HD_OK);
	db_bind_text(st, 1, name);
	assert_int_equal(db_step(st), DB_ROW);
	id = db_col_int(st, 0);
	db_done(st);
	return id;
}

static void test_the_most_visited_and_the_others(void **state)
{
	struct tdb *t = *state;
	long long first = 0, id;
	int i, sum = 0, people = 0;
	char name[32];

	for (i = 0; i < REPORT_VISITED_MAX + 5; i++) {
		snprintf(name, sizeof(name), "批量机构%02d", i);
		id = org_named(t, name);
		first = first ? first : id;
		/* the first gets the most visits; the others one each */
		visit(t, "2026-11-05", "10:00", 1, id, 0, 2, 0);
		if (i == 0) {
			visit(t, "2026-11-05", "11:00", 1, id, 0, 2, 0);
			visit(t, "2026-11-05", "12:00", 1, id, 0, 2, 0);
		}
	}
	build(t, "2026-11-01", "2026-11-30");
	assert_int_equal(rep.nvisited, REPORT_VISITED_MAX + 1);
	assert_int_equal(rep.visited[0].id, first);
	assert_string_equal(rep.visited[0].name, "批量机构00");
	for (i = 0; i < rep.nvisited; i++) {
		sum += rep.visited[i].visits;
		people += rep.visited[i].people;
	}
	assert_int_equal(sum, rep.visits);
	assert_int_equal(people, rep.people);
	assert_int_equal(rep.visited[REPORT_VISITED_MAX].id, -1);
	assert_true(rep.visited[REPORT_VISITED_MAX].visits >= 1);
	assert_true(rep.visited[REPORT_VISITED_MAX].name[0] != '\0');
}

static void test_permille_rounds_half_up(void **state)
{
	(void)state;
	assert_int_equal(report_permille(1, 3), 333);
	assert_int_equal(report_permille(2, 3), 667);
	assert_int_equal(report_permille(1, 8), 125);
	assert_int_equal(report_permille(1, 16), 63);
	assert_int_equal(report_permille(1, 2000), 1);
	assert_int_equal(report_permille(1, 2001), 0);
	assert_int_equal(report_permille(5, 5), 1000);
	assert_int_equal(report_permille(0, 5), 0);
	assert_int_equal(report_permille(0, 0), 0);
	assert_int_equal(report_permille(7, 0), 0);
}

static void assert_bar(long value, long max, int cols, enum report_style style, const char *want)
{
	char bar[256];

	report_bar(value, max, cols, style, bar, sizeof(bar));
	if (strcmp(bar, want) != 0)
		fail_msg("bar of %ld/%ld in %d columns: \"%s\", expected \"%s\"", value, max, cols,
			 bar, want);
}

static void test_bars_in_both_styles(void **state)
{
	char bar[256];

	(void)state;
	assert_bar(10, 10, 10, REPORT_ASCII, "##########");
	assert_bar(5, 10, 10, REPORT_ASCII, "#####");
	assert_bar(0, 10, 10, REPORT_ASCII, "");
	assert_bar(1, 1000, 10, REPORT_ASCII, "#");
	assert_bar(10, 10, 10, REPORT_BLOCKS, "██████████");
	assert_bar(5, 10, 10, REPORT_BLOCKS, "█████");
	assert_bar(1, 2, 1, REPORT_BLOCKS, "▌");
	assert_bar(11, 20, 2, REPORT_BLOCKS, "█▏"); /* 8.8 eighths: 9 */
	assert_bar(0, 10, 10, REPORT_BLOCKS, "");
	assert_bar(1, 1000, 10, REPORT_BLOCKS, "▏");
	assert_bar(5, 0, 10, REPORT_BLOCKS, "");
	/* A small buffer holds whole marks only. */
	report_bar(10, 10, 10, REPORT_BLOCKS, bar, 7);
	assert_int_equal(strlen(bar), 6);
	assert_string_equal(report_shade(0, REPORT_ASCII), " ");
	assert_string_equal(report_shade(0, REPORT_BLOCKS), " ");
	assert_string_equal(report_shade(1, REPORT_ASCII), ".");
	assert_string_equal(report_shade(1000, REPORT_ASCII), "#");
	assert_string_equal(report_shade(1000, REPORT_BLOCKS), "█");
	assert_string_equal(report_shade(1, REPORT_BLOCKS), "░");
}

/* The text for people, lines at most cols columns wide. */
static void assert_text_fits(enum report_style style, int cols)
{
	char *buf = NULL, *line, *save = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	report_write_text(&rep, "阳光街道社会组织服务中心", style, cols, f);
	fclose(f);
	assert_non_null(strstr(buf, "一号会议室"));
	assert_non_null(strstr(buf, "阳光社工服务社"));
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (text_width(line) > cols)
			fail_msg("%d columns, wider than %d: \"%s\"", text_width(line), cols, line);
	free(buf);
}

static void test_csv_and_text_of_the_report(void **state)
{
	char *buf = NULL, line[128];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int i;

	assert_non_null(f);
	build(*state, "2026-11-01", "2026-11-30");
	report_write_csv(&rep, f);
	fclose(f);
	assert_memory_equal(buf, CSV_BOM "部分,项目,数值\r\n",
			    strlen(CSV_BOM "部分,项目,数值\r\n"));
	for (i = 1; i <= REPORT_PURPOSES; i++) {
		snprintf(line, sizeof(line), "\r\n来访,%s,%d\r\n", list_get(&LIST_PURPOSE, i)->zh,
			 rep.purpose_visits[i]);
		if (!strstr(buf, line))
			fail_msg("no line %s", line + 2);
	}
	assert_non_null(strstr(buf, "\r\n来访,政策咨询,2\r\n"));
	assert_non_null(strstr(buf, "\r\n来访,合计,5\r\n"));
	assert_non_null(strstr(buf, "\r\n来访,人数合计,11\r\n"));
	assert_non_null(strstr(buf, "\r\n场地,一号会议室,1.6\r\n")); /* 180 of 11520 min */
	assert_non_null(strstr(buf, "\r\n场地,二号活动室,0.5\r\n")); /* 90 of 18600 min */
	assert_non_null(strstr(buf, "\r\n团队,已备案,2\r\n"));
	assert_non_null(strstr(buf, "\r\n团队,合计,3\r\n"));
	assert_non_null(strstr(buf, "\r\n团队,成员合计,43\r\n"));
	assert_non_null(strstr(buf, "\r\n机构,入驻机构,1\r\n"));
	assert_non_null(strstr(buf, "\r\n机构,合计,2\r\n"));
	assert_int_equal(buf[len - 1], '\n');
	free(buf);
	assert_text_fits(REPORT_BLOCKS, 80);
	assert_text_fits(REPORT_ASCII, 100);
}

/* A district's sum: every count of two centres added, their rooms and
 * organisations named after their codes, nobody in particular one line; the
 * CSV of a centre's block carries its code first. */
static void test_a_district_sum_adds_every_figure(void **state)
{
	struct report sum = { 0 };
	char *buf = NULL, line[NAME_BYTES + 64];
	size_t len = 0;
	FILE *f;
	int i, nobody = 0;

	build(*state, "2026-11-01", "2026-11-30");
	report_add(&sum, &rep, "HY");
	report_add(&sum, &rep, "JD");
	report_sum_finish(&sum);
	assert_string_equal(sum.from, rep.from);
	assert_string_equal(sum.to, rep.to);
	assert_int_equal(sum.ndays, rep.ndays);
	for (i = 0; i < rep.ndays; i++)
		assert_int_equal(sum.days[i].visits, 2 * rep.days[i].visits);
	assert_int_equal(sum.visits, 2 * rep.visits);
	assert_int_equal(sum.people, 2 * rep.people);
	for (i = 0; i <= REPORT_PURPOSES; i++)
		assert_int_equal(sum.purpose_people[i], 2 * rep.purpose_people[i]);
	for (i = 0; i < 24; i++)
		assert_int_equal(sum.hour_visits[i], 2 * rep.hour_visits[i]);
	for (i = 0; i <= REPORT_STATES; i++)
		assert_int_equal(sum.team_state[i], 2 * rep.team_state[i]);
	assert_int_equal(sum.members, 2 * rep.members);
	assert_int_equal(sum.orgs, 2 * rep.orgs);
	assert_int_equal(sum.nrooms, 2 * rep.nrooms);
	assert_true(rep.nrooms > 0);
	snprintf(line, sizeof(line), "HY %s", rep.rooms[0].name);
	assert_string_equal(sum.rooms[0].name, line);
	snprintf(line, sizeof(line), "JD %s", rep.rooms[0].name);
	assert_string_equal(sum.rooms[rep.nrooms].name, line);
	assert_int_equal(sum.rooms[rep.nrooms].used_min, rep.rooms[0].used_min);
	assert_int_equal(sum.nending, 2 * rep.nending);
	for (i = 0; i < sum.nvisited; i++) {
		nobody += sum.visited[i].id == 0;
		if (i > 0 && sum.visited[i].id > 0 && sum.visited[i - 1].id >= 0)
			assert_true(sum.visited[i - 1].visits >= sum.visited[i].visits);
	}
	assert_true(nobody <= 1);

	f = open_memstream(&buf, &len);
	assert_non_null(f);
	report_write_csv_centre(&rep, "HY", true, f);
	report_write_csv_centre(&sum, "全区合计", false, f);
	fclose(f);
	assert_memory_equal(buf, CSV_BOM "中心,部分,项目,数值\r\n",
			    strlen(CSV_BOM "中心,部分,项目,数值\r\n"));
	snprintf(line, sizeof(line), "\r\nHY,来访,合计,%d\r\n", rep.visits);
	assert_non_null(strstr(buf, line));
	snprintf(line, sizeof(line), "\r\n全区合计,来访,合计,%d\r\n", 2 * rep.visits);
	assert_non_null(strstr(buf, line));
	snprintf(line, sizeof(line), "\r\n全区合计,场地,JD %s,", rep.rooms[0].name);
	assert_non_null(strstr(buf, line));
	assert_null(strstr(buf + 3, CSV_BOM));
	free(buf);
	report_free(&sum);
}

int main(void)
{
#define WORLD(fn) cmocka_unit_test_setup_teardown(fn, world_setup, world_teardown)
	const struct CMUnitTest tests[] = {
		WORLD(test_visits_per_day_purpose_hour_and_whom),
		WORLD(test_rooms_open_booked_and_used),
		WORLD(test_heat_adds_up_and_a_working_day_opens),
		WORLD(test_bookers_with_noshows_and_late_cancellations),
		WORLD(test_teams_as_they_stood_at_the_end),
		WORLD(test_orgs_by_kind_and_residence_ending),
		WORLD(test_a_cancelled_report_fails),
		WORLD(test_the_most_visited_and_the_others),
		WORLD(test_states_as_of_now_and_filings_by_date),
		cmocka_unit_test(test_permille_rounds_half_up),
		cmocka_unit_test(test_bars_in_both_styles),
		WORLD(test_csv_and_text_of_the_report),
		WORLD(test_a_district_sum_adds_every_figure),
	};
#undef WORLD

	tdb_env();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
