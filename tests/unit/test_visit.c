/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_visit.c - visitors: check-in with its checks (phone, purpose, whom,
 * party, under 14), check-out twice, slip codes, who is here, returning
 * visitors, erasing after retention.days (the bytes leave the file) and the
 * automatic check-out at closing time. */
#include "testutil.h"

#include "core/org.h"
#include "core/settings.h"
#include "core/team.h"
#include "core/token.h"
#include "core/visit.h"
#include "printing/spool.h"

#define NOW_0900 1795395600LL /* 2026-11-23T09:00:00+08:00 */
#define HOUR 3600LL

static void set_now(const char *iso)
{
	setenv("HUBDESK_NOW", iso, 1);
}

static int setup(void **state)
{
	return tdb_setup(state);
}

static int teardown(void **state)
{
	set_now("2026-11-23T09:00:00+08:00");
	unsetenv("HUBDESK_SPOOL");
	return tdb_teardown(state);
}

/* Field f of d read from text as the command line reads it: HD_OK, or
 * HD_BAD_INPUT naming the field (d unchanged). */
static enum hd_status set_text(struct visit_draft *d, enum visit_field f, const char *text,
			       struct hd_err *err)
{
	return record_parse(&VISIT_RECORD.fields[f], text, d, err);
}

/* Field f of d read from text, then d checked in: refused where the text
 * is read or where core checks it. */
static enum hd_status checkin_with(struct tdb *t, struct visit_draft *d, enum visit_field f,
				   const char *text, long long *id, struct hd_err *err)
{
	enum hd_status rc = set_text(d, f, text, err);

	return rc != HD_OK ? rc : visit_checkin(t->db, &t->who, d, id, err);
}

static struct visit_draft draft(const char *name, const char *phone, const char *purpose)
{
	struct visit_draft d;

	memset(&d, 0, sizeof(d));
	d.name = name;
	d.phone = phone;
	assert_int_equal(set_text(&d, VISIT_F_purpose, purpose, NULL), HD_OK);
	return d;
}

static long long checkin(struct tdb *t, const char *name, const char *phone, const char *purpose)
{
	struct visit_draft d = draft(name, phone, purpose);
	struct hd_err err;
	long long id = 0;

	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_true(id > 0);
	return id;
}

static struct hd_actor staff_actor(void)
{
	struct hd_actor who = actor_desk("d");

	who.kind = ACTOR_STAFF;
	who.role = ROLE_STAFF;
	who.staff_id = 1;
	snprintf(who.name, sizeof(who.name), "工作人员");
	return who;
}

/* The integer sql gives with $1 bound to id. */
static long long count(struct db *db, const char *sql, long long id)
{
	struct db_stmt *st = NULL;
	struct hd_err err;
	long long v = -1;

	if (db_prepare_with(db, sql, &id, 1, &st, &err) == HD_OK && db_step(st) == DB_ROW)
		v = db_col_int(st, 0);
	db_done(st);
	return v;
}

/* The visits the retention's audit rows say they erased, added up (the
 * snapshots read in C, as on every backend). */
static long long retention_visits(struct db *db)
{
	struct db_stmt *st = NULL;
	struct hd_err err;
	struct json_obj o;
	const struct json_member *m;
	long long sum = 0;

	assert_int_equal(db_prepare(db, "SELECT after FROM audit WHERE action = 'visit.retention'",
				    &st, &err),
			 HD_OK);
	while (db_step(st) == DB_ROW) {
		json_parse(db_col_text(st, 0), &o);
		m = json_get(&o, "visits");
		assert_non_null(m);
		sum += m->num;
		json_obj_free(&o);
	}
	db_done(st);
	return sum;
}

static void test_checkin_normalises_the_phone_and_masks_it(void **state)
{
	struct tdb *t = *state;
	char masked[32];
	struct hd_err err;
	struct visit *all = NULL;
	struct visit v;
	long long id;
	int n = 0;

	id = checkin(t, "  张三 ", "+86 138-1234-5678", "1");
	assert_int_equal(visit_get(t->db, id, &v, &err), HD_OK);
	assert_string_equal(v.name, "张三");
	assert_string_equal(v.phone, "13812345678");
	assert_int_equal(v.purpose, 1);
	assert_int_equal(v.party, 1);
	assert_int_equal((long long)v.time_in, NOW_0900);
	assert_int_equal((long long)v.time_out, 0);
	assert_false(v.erased);
	assert_true(v.person_id > 0);
	assert_int_equal(visit_present(t->db, &all, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	phone_mask(all[0].phone, masked, sizeof(masked));
	assert_string_equal(masked, "138****5678");
	free(all);
	/* The audit names the person by number only. */
	assert_int_equal(tdb_audits(t->db, "action = 'visit.checkin' AND record_id = $1", id,
				    "after.person>0", "after.phone=null", "after.name=null", NULL),
			 1);
	assert_int_equal(tdb_int(t->db,
				 "SELECT count(*) FROM audit WHERE coalesce(after, '') LIKE"
				 " '%13812345678%' OR coalesce(before, '') LIKE '%13812345678%'"),
			 0);
	/* A landline, and malformed phones. */
	id = checkin(t, "李四", "021-6234 5678", "13");
	assert_int_equal(visit_get(t->db, id, &v, &err), HD_OK);
	phone_mask(v.phone, masked, sizeof(masked));
	assert_string_equal(masked, "021-****5678");
	{
		struct visit_draft d = draft("王五", "12812345678", "1");

		assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_BAD_INPUT);
		assert_non_null(strstr(err.msg, "Phone"));
		d.phone = "1381234567";
		assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_BAD_INPUT);
		d.phone = "138-1234-567x";
		assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_BAD_INPUT);
	}
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 2);
}

static void test_purpose_by_number_and_name(void **state)
{
	struct tdb *t = *state;
	struct visit_draft d = draft("赵六", NULL, "政策咨询");
	struct hd_err err;
	struct visit v;
	long long id;

	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(visit_get(t->db, id, &v, &err), HD_OK);
	assert_int_equal(v.purpose, 1);
	assert_string_equal(v.phone, "");
	assert_int_equal(checkin_with(t, &d, VISIT_F_purpose, "其他", &id, &err), HD_OK);
	assert_int_equal(visit_get(t->db, id, &v, &err), HD_OK);
	assert_int_equal(v.purpose, 13);
	assert_int_equal(checkin_with(t, &d, VISIT_F_purpose, "12", &id, &err), HD_OK);
	assert_int_equal(visit_get(t->db, id, &v, &err), HD_OK);
	assert_int_equal(v.purpose, 12);
	assert_int_equal(checkin_with(t, &d, VISIT_F_purpose, "0", &id, &err), HD_BAD_INPUT);
	assert_int_equal(checkin_with(t, &d, VISIT_F_purpose, "14", &id, &err), HD_BAD_INPUT);
	assert_int_equal(checkin_with(t, &d, VISIT_F_purpose, "foo", &id, &err), HD_BAD_INPUT);
	assert_int_equal(checkin_with(t, &d, VISIT_F_purpose, NULL, &id, &err), HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 3);
}

static void test_name_is_checked(void **state)
{
	struct tdb *t = *state;
	struct visit_draft d = draft("", NULL, "1");
	char long_name[41 * 3 + 1] = "";
	struct hd_err err;
	long long id;
	int i;

	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_BAD_INPUT);
	assert_non_null(strstr(err.msg, "Visitor"));
	d.name = "   ";
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_BAD_INPUT);
	d.name = "张\x1b[2J三";
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_BAD_INPUT);
	for (i = 0; i < 41; i++)
		strcat(long_name, "张");
	d.name = long_name;
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_BAD_INPUT);
	long_name[40 * 3] = '\0';
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 1);
}

static void test_whom_they_visit(void **state)
{
	struct tdb *t = *state;
	struct org_draft od = { .name = "阳光社工服务社", .kind = 1 };
	struct team_draft td = { .name = "夕阳红合唱团",
				 .category = 1,
				 .leader = "刘老师",
				 .phone = "13912345678",
				 .members = REC_NUM(20),
				 .content = "合唱",
				 .place = "活动室",
				 .schedule = "每周二上午" };
	struct visit_draft d = draft("钱七", NULL, "12");
	long long org = 0, team = 0, id = 0;
	struct hd_err err;
	struct visit v;

	assert_int_equal(org_add(t->db, &t->who, &od, &org, NULL, &err), HD_OK);
	assert_int_equal(team_create(t->db, &t->who, &td, TEAM_APPLIED, CLOCK_NO_DAY, &team, &err),
			 HD_OK);
	d.org = org;
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(visit_get(t->db, id, &v, &err), HD_OK);
	assert_int_equal(v.org_id, org);
	assert_string_equal(v.whom, "阳光社工服务社");
	d.org = 0;
	d.team = team;
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(visit_get(t->db, id, &v, &err), HD_OK);
	assert_int_equal(v.team_id, team);
	assert_string_equal(v.whom, "夕阳红合唱团");
	/* Both at once, unknown ones, malformed ones. */
	d.org = org;
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_BAD_INPUT);
	d.team = 0;
	d.org = 999;
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_NOT_FOUND);
	assert_string_equal(err.field, "org");
	d.org = 0;
	d.team = 999;
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_NOT_FOUND);
	assert_string_equal(err.field, "team");
	assert_int_equal(checkin_with(t, &d, VISIT_F_team, "abc", &id, &err), HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 2);
	/* Without a phone one name is not taken for the same person. */
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM person"), 2);
}

static void test_under_14_needs_consent_and_staff(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台"), staff = staff_actor();
	struct visit_draft d = draft("小明", NULL, "10");
	struct hd_err err;
	struct visit v;
	long long id;

	d.under14 = true;
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "guardian_consent");
	assert_int_equal(visit_checkin(t->db, &desk, &d, &id, &err), HD_BAD_INPUT);
	d.guardian_consent = true;
	assert_int_equal(visit_checkin(t->db, &desk, &d, &id, &err), HD_REFUSED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 0);
	assert_int_equal(visit_checkin(t->db, &staff, &d, &id, &err), HD_OK);
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_OK);
	assert_int_equal(visit_get(t->db, id, &v, &err), HD_OK);
	assert_true(v.under14);
	assert_true(v.guardian_consent);
	/* An adult is checked in by the desk. */
	d.under14 = d.guardian_consent = false;
	assert_int_equal(visit_checkin(t->db, &desk, &d, &id, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 3);
}

static void test_party_size(void **state)
{
	struct tdb *t = *state;
	struct visit_draft d = draft("孙八", NULL, "5");
	struct hd_err err;
	struct visit v;
	long long id;

	assert_int_equal(checkin_with(t, &d, VISIT_F_party, "0", &id, &err), HD_BAD_INPUT);
	assert_int_equal(checkin_with(t, &d, VISIT_F_party, "501", &id, &err), HD_BAD_INPUT);
	assert_int_equal(checkin_with(t, &d, VISIT_F_party, "-1", &id, &err), HD_BAD_INPUT);
	assert_int_equal(checkin_with(t, &d, VISIT_F_party, "3x", &id, &err), HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 0);
	assert_int_equal(checkin_with(t, &d, VISIT_F_party, "500", &id, &err), HD_OK);
	assert_int_equal(visit_get(t->db, id, &v, &err), HD_OK);
	assert_int_equal(v.party, 500);
}

static void test_second_checkout_says_when_the_first_was(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;
	struct visit v;
	bool already = true;
	time_t first = 1;
	long long id;

	id = checkin(t, "周九", NULL, "1");
	set_now("2026-11-23T10:00:00+08:00");
	assert_int_equal(visit_checkout(t->db, &t->who, id, VIA_DIRECT, &already, &first, &err),
			 HD_OK);
	assert_false(already);
	assert_int_equal(visit_get(t->db, id, &v, &err), HD_OK);
	assert_int_equal((long long)v.time_out, NOW_0900 + HOUR);
	assert_false(v.auto_out);
	set_now("2026-11-23T11:00:00+08:00");
	assert_int_equal(visit_checkout(t->db, &t->who, id, VIA_DIRECT, &already, &first, &err),
			 HD_OK);
	assert_true(already);
	assert_int_equal((long long)first, NOW_0900 + HOUR);
	assert_int_equal(visit_get(t->db, id, &v, &err), HD_OK);
	assert_int_equal((long long)v.time_out, NOW_0900 + HOUR);
	assert_int_equal(count(t->db,
			       "SELECT count(*) FROM audit WHERE action = 'visit.checkout'"
			       " AND record_id = $1",
			       id),
			 1);
	assert_int_equal(visit_checkout(t->db, &t->who, 9999, VIA_DIRECT, &already, &first, &err),
			 HD_NOT_FOUND);
}

static void test_visit_code_reads_ids_and_slips(void **state)
{
	struct tdb *t = *state;
	char token[TOKEN_MAX], lower[TOKEN_MAX], booking[TOKEN_MAX], team[TOKEN_MAX];
	struct hd_err err;
	bool scanned = true;
	long long id, got = 0;
	size_t i;

	id = checkin(t, "吴十", NULL, "1");
	assert_int_equal(visit_code(t->db, &t->who, "12", &got, &scanned, &err), HD_OK);
	assert_int_equal(got, 12);
	assert_false(scanned);
	assert_int_equal(token_make(t->db, TOKEN_VISIT, id, token, sizeof(token), &err), HD_OK);
	assert_int_equal(visit_code(t->db, &t->who, token, &got, &scanned, &err), HD_OK);
	assert_int_equal(got, id);
	assert_true(scanned);
	for (i = 0; token[i]; i++)
		lower[i] = (char)(token[i] >= 'A' && token[i] <= 'Z' ? token[i] + 32 : token[i]);
	lower[i] = '\0';
	got = 0;
	assert_int_equal(visit_code(t->db, &t->who, lower, &got, &scanned, &err), HD_OK);
	assert_int_equal(got, id);
	/* Codes of another kind. */
	assert_int_equal(token_make(t->db, TOKEN_BOOKING, id, booking, sizeof(booking), &err),
			 HD_OK);
	assert_int_equal(visit_code(t->db, &t->who, booking, &got, &scanned, &err), HD_BAD_INPUT);
	assert_int_equal(token_make(t->db, TOKEN_TEAM, 1, team, sizeof(team), &err), HD_OK);
	assert_int_equal(visit_code(t->db, &t->who, team, &got, &scanned, &err), HD_BAD_INPUT);
	/* An altered MAC, an altered id, text that is no code. */
	i = strlen(token) - 1;
	token[i] = token[i] == 'X' ? 'Y' : 'X';
	assert_int_equal(visit_code(t->db, &t->who, token, &got, &scanned, &err), HD_FORGED);
	assert_int_equal(token_make(t->db, TOKEN_VISIT, id, token, sizeof(token), &err), HD_OK);
	token[6] = token[6] == '9' ? '8' : '9'; /* HD1-V-<id>: the id's first digit */
	assert_int_equal(visit_code(t->db, &t->who, token, &got, &scanned, &err), HD_FORGED);
	assert_int_equal(visit_code(t->db, &t->who, "HD1-V-1", &got, &scanned, &err), HD_FORGED);
	/* Text that is neither a code nor a number is bad input, not a forgery. */
	assert_int_equal(visit_code(t->db, &t->who, "hello", &got, &scanned, &err), HD_BAD_INPUT);
	assert_true(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'code.forged'") >= 3);
}

static void test_present_and_on_date(void **state)
{
	struct tdb *t = *state;
	struct visit *all = NULL;
	struct hd_err err;
	bool already;
	time_t first;
	long long a, b, c;
	long day;
	int n = 0;

	a = checkin(t, "甲", NULL, "1");
	set_now("2026-11-23T09:30:00+08:00");
	b = checkin(t, "乙", NULL, "2");
	set_now("2026-11-23T10:00:00+08:00");
	c = checkin(t, "丙", NULL, "3");
	assert_int_equal(visit_checkout(t->db, &t->who, b, VIA_DIRECT, &already, &first, &err),
			 HD_OK);
	assert_int_equal(visit_present(t->db, &all, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_int_equal(all[0].id, a);
	assert_int_equal(all[1].id, c);
	free(all);
	set_now("2026-11-24T09:00:00+08:00");
	checkin(t, "丁", NULL, "4");
	assert_int_equal(visit_on_date(t->db, tday("2026-11-23"), &all, &n, &err), HD_OK);
	assert_int_equal(n, 3);
	assert_int_equal(all[0].id, a);
	assert_int_equal(all[1].id, b);
	assert_string_equal(all[1].name, "乙");
	assert_true(all[1].time_out > 0);
	assert_int_equal(all[2].id, c);
	free(all);
	assert_int_equal(visit_on_date(t->db, tday("2026-11-24"), &all, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(all[0].name, "丁");
	free(all);
	assert_int_equal(visit_on_date(t->db, tday("2026-11-22"), &all, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	free(all);
	all = NULL;
	assert_int_equal(clock_parse_day("2026-13-01", "Date", &day, &err), HD_BAD_INPUT);
}

static void test_hints_find_returning_visitors(void **state)
{
	struct tdb *t = *state;
	struct visitor_hint h[8];
	struct hd_err err;
	int n = -1;

	checkin(t, "张三", "+86 138-1234-5678", "1");
	set_now("2026-11-23T09:10:00+08:00");
	checkin(t, "王芳", "13900001111", "1");
	set_now("2026-11-23T09:20:00+08:00");
	checkin(t, "王芳", "13700002222", "1");
	set_now("2026-11-23T09:30:00+08:00");
	checkin(t, "李四", "021-62345678", "1");

	/* The last four digits. */
	assert_int_equal(visit_hints(t->db, "5678", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].name, "李四"); /* newest first */
	assert_string_equal(h[0].masked, "021-****5678");
	assert_string_equal(h[1].name, "张三");
	assert_string_equal(h[1].masked, "138****5678");
	assert_int_equal((long long)h[1].last_visit, NOW_0900);
	assert_int_equal(visit_hints(t->db, "0000", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	/* The whole phone, in any of its shapes. */
	assert_int_equal(visit_hints(t->db, "138 1234 5678", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].name, "张三");
	assert_string_equal(h[0].masked, "138****5678");
	assert_int_equal(visit_hints(t->db, "+86 13812345678", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	/* The start of a name, one Chinese character. */
	assert_int_equal(visit_hints(t->db, "张", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].name, "张三");
	assert_string_equal(h[0].masked, "138****5678");
	assert_int_equal(visit_hints(t->db, "赵", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	/* Two people of one name: newest first, told apart by the masked phone. */
	assert_int_equal(visit_hints(t->db, "王", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].name, "王芳");
	assert_string_equal(h[1].name, "王芳");
	assert_string_equal(h[0].masked, "137****2222");
	assert_string_equal(h[1].masked, "139****1111");
	assert_true(h[0].person_id != h[1].person_id);
	assert_true(h[0].last_visit > h[1].last_visit);
	/* The older one comes back: now they are first. */
	set_now("2026-11-23T10:00:00+08:00");
	checkin(t, "王芳", "139-0000-1111", "1");
	assert_int_equal(visit_hints(t->db, "王芳", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].masked, "139****1111");
	/* At most max, and a few digits say too little. */
	assert_int_equal(visit_hints(t->db, "王", h, 1, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(visit_hints(t->db, "56", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	assert_int_equal(visit_hints(t->db, "", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 0);
}

static void test_same_name_and_phone_is_the_same_person(void **state)
{
	struct tdb *t = *state;
	struct visit_draft d = draft("张三", "13812345678", "1");
	struct hd_err err;
	struct visit a, b;
	long long id1, id2, id3;

	id1 = checkin(t, "张三", "138-1234-5678", "1");
	set_now("2026-11-24T09:00:00+08:00");
	id2 = checkin(t, "张三", "+8613812345678", "2");
	assert_int_equal(visit_get(t->db, id1, &a, &err), HD_OK);
	assert_int_equal(visit_get(t->db, id2, &b, &err), HD_OK);
	assert_int_equal(a.person_id, b.person_id);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM person"), 1);
	/* Another phone is another person; a picked person is that person. */
	checkin(t, "张三", "13900001111", "1");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM person"), 2);
	d.person_id = a.person_id;
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id3, &err), HD_OK);
	assert_int_equal(visit_get(t->db, id3, &b, &err), HD_OK);
	assert_int_equal(b.person_id, a.person_id);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM person"), 2);
}

static void test_hints_offer_one_name_without_phone_once(void **state)
{
	struct tdb *t = *state;
	struct visitor_hint h[8];
	int n = 0;

	checkin(t, "王建国", NULL, "1");
	set_now("2026-11-24T09:00:00+08:00");
	checkin(t, "王建国", "", "2");
	set_now("2026-11-25T09:00:00+08:00");
	checkin(t, "王建国", NULL, "3");
	checkin(t, "王建国", "13812345678", "3");
	checkin(t, "王芳", NULL, "3");
	/* Nothing says the three without a phone are one person: three rows,
	 * offered once, as the latest; the one with a phone apart. */
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM person WHERE name = '王建国'"), 4);
	assert_int_equal(visit_hints(t->db, "王", h, 8, &n, NULL), HD_OK);
	assert_int_equal(n, 3);
	assert_string_equal(h[0].name, "王建国");
	assert_string_equal(h[1].name, "王建国");
	assert_string_equal(h[2].name, "王芳");
	assert_true((h[0].masked[0] == '\0') != (h[1].masked[0] == '\0'));
	assert_int_equal(visit_hints(t->db, "王", h, 2, &n, NULL), HD_OK);
	assert_int_equal(n, 2);
}

static void test_here_now_finds_the_same_person_only(void **state)
{
	struct tdb *t = *state;
	struct visit_draft d = draft("李四", "139 0000 1111", "1");
	struct hd_err err;
	struct visit v;
	bool already;
	time_t first;
	long long id;

	assert_int_equal(visit_here_now(t->db, &d, &v, &err), HD_NOT_FOUND);
	id = checkin(t, "李四", "13900001111", "1");
	assert_int_equal(visit_here_now(t->db, &d, &v, &err), HD_OK);
	assert_int_equal(v.id, id);
	d.phone = "13900002222";
	assert_int_equal(visit_here_now(t->db, &d, &v, &err), HD_NOT_FOUND);
	d.phone = NULL;
	d.person_id = count(t->db, "SELECT person_id FROM visit WHERE id = $1", id);
	assert_int_equal(visit_here_now(t->db, &d, &v, &err), HD_OK);
	assert_int_equal(visit_checkout(t->db, &t->who, id, VIA_DIRECT, &already, &first, &err),
			 HD_OK);
	assert_int_equal(visit_here_now(t->db, &d, &v, &err), HD_NOT_FOUND);
}

static void test_retention_erases_old_visits_and_keeps_counts(void **state)
{
	struct tdb *t = *state;
	struct org_draft od = { .name = "阳光社工服务社", .kind = 1 };
	struct visit_draft d = draft("欧阳修远", "13955556666", "6");
	struct spool_outcome out;
	char wal[256], spool[160], file[SPOOL_PATH_MAX];
	struct hd_err err;
	struct visit v;
	static const char SLIP[] = "%PDF-1.4 slip of 欧阳修远 139****6666";
	long long org = 0, old, young, spool_id = 0;
	int erased = -1;
	bool already;
	time_t first;

	snprintf(spool, sizeof(spool), "%s/spool", t->dir);
	setenv("HUBDESK_SPOOL", spool, 1);
	assert_int_equal(settings_set(t->db, &t->who, SET_RETENTION_DAYS, "180", &err), HD_OK);
	assert_int_equal(org_add(t->db, &t->who, &od, &org, NULL, &err), HD_OK);
	d.org = org;
	d.party = REC_NUM(3);
	d.note = "带来年报材料";
	assert_int_equal(visit_checkin(t->db, &t->who, &d, &old, &err), HD_OK);
	/* A slip waits in the spool (no printer); its bytes hold the name. */
	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_VISITOR, old, SPOOL_PDF, "",
				     (const unsigned char *)SLIP, sizeof(SLIP) - 1, &spool_id, &out,
				     &err),
			 HD_OK);
	assert_false(out.delivered);
	assert_true(out.file[0] != '\0');
	snprintf(file, sizeof(file), "%s", out.file);
	assert_int_equal(access(file, F_OK), 0);
	assert_int_equal(count(t->db,
			       "SELECT count(*) FROM spool WHERE kind = 'visitor'"
			       " AND record_id = $1 AND data IS NOT NULL",
			       old),
			 1);
	set_now("2026-11-23T10:00:00+08:00");
	assert_int_equal(visit_checkout(t->db, &t->who, old, VIA_DIRECT, &already, &first, &err),
			 HD_OK);

	/* 171 days later another visitor comes. */
	set_now("2027-05-13T09:00:00+08:00");
	young = checkin(t, "上官婉清", "13677778888", "1");
	/* 180 days after the first visit nothing is erased yet. */
	set_now("2027-05-22T09:00:00+08:00");
	assert_int_equal(visit_retention(t->db, &t->who, &erased, &err), HD_OK);
	assert_int_equal(erased, 0);
	assert_int_equal(visit_get(t->db, old, &v, &err), HD_OK);
	assert_string_equal(v.name, "欧阳修远");

	if (tdb_checkpoint(t)) {
		assert_true(
			file_holds(t->path, "欧阳修远")); /* so the check below means something */
		assert_true(file_holds(t->path, "slip of"));
	}

	/* 181 days after: the first visit is erased, the other one kept. */
	set_now("2027-05-23T09:00:00+08:00");
	assert_int_equal(visit_retention(t->db, &t->who, &erased, &err), HD_OK);
	assert_int_equal(erased, 1);
	assert_int_equal(visit_get(t->db, old, &v, &err), HD_OK);
	assert_true(v.erased);
	assert_string_equal(v.name, "");
	assert_string_equal(v.phone, "");
	assert_string_equal(v.note, "");
	assert_int_equal(v.person_id, 0);
	assert_int_equal(v.purpose, 6);
	assert_int_equal(v.party, 3);
	assert_int_equal(v.org_id, org);
	assert_string_equal(v.whom, "阳光社工服务社");
	assert_int_equal((long long)v.time_in, NOW_0900);
	assert_int_equal((long long)v.time_out, NOW_0900 + HOUR);
	assert_int_equal(count(t->db, "SELECT count(*) FROM visit WHERE id = $1 AND erased = 1",
			       old),
			 1);
	assert_int_equal(count(t->db,
			       "SELECT count(*) FROM audit WHERE record = 'visit' AND record_id = $1"
			       " AND (coalesce(before, '') LIKE '%欧阳修远%'"
			       " OR coalesce(after, '') LIKE '%欧阳修远%')",
			       old),
			 0);
	assert_true(count(t->db,
			  "SELECT count(*) FROM audit WHERE record = 'visit' AND record_id = $1",
			  old) >= 2);
	assert_int_equal(count(t->db,
			       "SELECT count(*) FROM spool WHERE kind = 'visitor'"
			       " AND record_id = $1 AND data IS NOT NULL",
			       old),
			 0);
	assert_int_equal(access(file, F_OK), -1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM person WHERE name = '欧阳修远'"), 0);
	/* Only the run that erased something is audited. */
	assert_int_equal(tdb_int(t->db,
				 "SELECT count(*) FROM audit WHERE action = 'visit.retention'"),
			 1);
	/* The visit 10 days old keeps its name and its audit. */
	assert_int_equal(visit_get(t->db, young, &v, &err), HD_OK);
	assert_false(v.erased);
	assert_string_equal(v.name, "上官婉清");
	assert_string_equal(v.phone, "13677778888");
	assert_true(count(t->db,
			  "SELECT count(*) FROM audit WHERE record = 'visit' AND record_id = $1"
			  " AND after IS NOT NULL",
			  young) >= 1);
	/* Counts survive. */
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 2);
	assert_int_equal(tdb_int(t->db, "SELECT sum(party) FROM visit"), 4);
	/* A second run has nothing left to do. */
	assert_int_equal(visit_retention(t->db, &t->who, &erased, &err), HD_OK);
	assert_int_equal(erased, 0);

	/* The bytes are gone from the file. */
	if (tdb_checkpoint(t)) {
		snprintf(wal, sizeof(wal), "%s-wal", t->path);
		assert_false(file_holds(t->path, "欧阳修远"));
		assert_false(file_holds(wal, "欧阳修远"));
		assert_false(file_holds(t->path, "13955556666"));
		assert_false(file_holds(t->path, "带来年报材料"));
		assert_false(file_holds(t->path, "slip of"));
		assert_true(file_holds(t->path, "上官婉清"));
	}
}

static void test_erase_on_request(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台"), staff = staff_actor();
	char wal[256];
	struct hd_err err;
	struct visit v;
	long long a, b, c;

	a = checkin(t, "诸葛明亮", "13911112222", "1");
	set_now("2026-11-24T09:00:00+08:00");
	b = checkin(t, "诸葛明亮", "13911112222", "2");
	c = checkin(t, "司马懿", "13933334444", "3");
	if (tdb_checkpoint(t)) {
		assert_true(file_holds(t->path, "诸葛明亮"));
	}
	assert_int_equal(visit_erase(t->db, &desk, b, &err), HD_REFUSED);
	assert_int_equal(visit_erase(t->db, &staff, 9999, &err), HD_NOT_FOUND);
	assert_int_equal(visit_erase(t->db, &staff, b, &err), HD_OK);
	/* All of that person's visits. */
	assert_int_equal(visit_get(t->db, a, &v, &err), HD_OK);
	assert_true(v.erased);
	assert_string_equal(v.name, "");
	assert_int_equal(visit_get(t->db, b, &v, &err), HD_OK);
	assert_true(v.erased);
	assert_int_equal(v.purpose, 2);
	assert_int_equal(visit_get(t->db, c, &v, &err), HD_OK);
	assert_false(v.erased);
	assert_string_equal(v.name, "司马懿");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'visit.erase'"),
			 1);
	/* Erasing again is harmless. */
	assert_int_equal(visit_erase(t->db, &t->who, a, &err), HD_OK);
	if (tdb_checkpoint(t)) {
		snprintf(wal, sizeof(wal), "%s-wal", t->path);
		assert_false(file_holds(t->path, "诸葛明亮"));
		assert_false(file_holds(wal, "诸葛明亮"));
		assert_false(file_holds(t->path, "13911112222"));
		assert_true(file_holds(t->path, "司马懿"));
	}
}

static void test_close_day_checks_out_at_closing_time(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;
	struct visit v;
	long long a, b, c;
	bool already;
	time_t first;
	int n = -1;

	assert_int_equal(settings_set(t->db, &t->who, SET_CLOSING_TIME, "21:00", &err), HD_OK);
	a = checkin(t, "甲", NULL, "1");
	b = checkin(t, "乙", NULL, "1");
	set_now("2026-11-23T12:00:00+08:00");
	c = checkin(t, "丙", NULL, "1");
	assert_int_equal(visit_checkout(t->db, &t->who, b, VIA_DIRECT, &already, &first, &err),
			 HD_OK);
	set_now("2026-11-23T20:59:00+08:00");
	assert_int_equal(visit_close_day(t->db, &t->who, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	assert_int_equal(visit_get(t->db, a, &v, &err), HD_OK);
	assert_int_equal((long long)v.time_out, 0);
	set_now("2026-11-23T21:00:00+08:00");
	assert_int_equal(visit_close_day(t->db, &t->who, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_int_equal(visit_get(t->db, a, &v, &err), HD_OK);
	assert_int_equal((long long)v.time_out, NOW_0900 + 12 * HOUR);
	assert_true(v.auto_out);
	assert_int_equal(visit_get(t->db, c, &v, &err), HD_OK);
	assert_int_equal((long long)v.time_out, NOW_0900 + 12 * HOUR);
	assert_true(v.auto_out);
	assert_int_equal(visit_get(t->db, b, &v, &err), HD_OK);
	assert_int_equal((long long)v.time_out, NOW_0900 + 3 * HOUR);
	assert_false(v.auto_out);
	assert_int_equal(tdb_int(t->db,
				 "SELECT count(*) FROM audit WHERE action = 'visit.auto-checkout'"),
			 2);
	/* A second run finds nobody; a scan afterwards says already. */
	assert_int_equal(visit_close_day(t->db, &t->who, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	assert_int_equal(visit_checkout(t->db, &t->who, a, VIA_SCAN, &already, &first, &err),
			 HD_OK);
	assert_true(already);
	assert_int_equal((long long)first, NOW_0900 + 12 * HOUR);
}

static void test_close_day_of_an_earlier_day(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;
	struct visit v;
	long long a, b;
	int n = -1;

	a = checkin(t, "甲", NULL, "1");
	/* Maintenance runs the next morning: yesterday's visitor leaves at
	 * yesterday's closing time, today's stays. */
	set_now("2026-11-24T08:30:00+08:00");
	b = checkin(t, "乙", NULL, "1");
	assert_int_equal(visit_close_day(t->db, &t->who, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(visit_get(t->db, a, &v, &err), HD_OK);
	assert_int_equal((long long)v.time_out, NOW_0900 + 12 * HOUR);
	assert_true(v.auto_out);
	assert_int_equal(visit_get(t->db, b, &v, &err), HD_OK);
	assert_int_equal((long long)v.time_out, 0);
}

/* A first retention pass over many visits erases them in batches, each a
 * whole erase with its own audit line, so that desks write in between. */
static void test_retention_erases_many_visits_in_batches(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;
	int erased;

	/* 5,000 visits of as many people, a year before now. */
	assert_int_equal(db_begin(t->db, &err), HD_OK);
	assert_true(tdb_exec(t->db,
			     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
			     " WHERE i < 5000)"
			     " INSERT INTO person(id, name, phone, last4, last_visit, created)"
			     " SELECT 1000 + i, '访客' || i, '138' || (10000000 + i),"
			     " substr('138' || (10000000 + i), 8), 1732300000, 1732300000"
			     " FROM n;"
			     "INSERT INTO visit(person_id, purpose, time_in, time_out, desk)"
			     " SELECT id, 1, 1732300000, 1732303600, '前台' FROM person"
			     " WHERE id > 1000"));
	assert_int_equal(db_commit(t->db, &err), HD_OK);
	assert_int_equal(visit_retention(t->db, &t->who, &erased, &err), HD_OK);
	assert_int_equal(erased, 5000);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit WHERE erased = 0"), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM person"), 0);
	assert_true(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'visit.retention'") >=
		    2);
	assert_int_equal(retention_visits(t->db), 5000);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 5000);
	assert_int_equal(visit_retention(t->db, &t->who, &erased, &err), HD_OK);
	assert_int_equal(erased, 0);
}

static void test_letters_find_returning_visitors_by_pinyin(void **state)
{
	struct tdb *t = *state;
	struct visitor_hint h[8];
	struct hd_err err;
	int n = -1;

	checkin(t, "张三丰", "13812345678", "1");
	checkin(t, "曾小贤", NULL, "1");
	checkin(t, "Zoe Smith", NULL, "1");
	checkin(t, "zsf", NULL, "1");
	assert_int_equal(visit_hints(t->db, "zsf", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 2);
	assert_string_equal(h[0].name, "zsf"); /* the letters as typed first */
	assert_string_equal(h[1].name, "张三丰");
	assert_string_equal(h[1].masked, "138****5678");
	assert_int_equal(visit_hints(t->db, "zhangsanf", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].name, "张三丰");
	assert_int_equal(visit_hints(t->db, "zhsf", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(visit_hints(t->db, "zeng", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].name, "曾小贤");
	assert_int_equal(visit_hints(t->db, "cxx", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(visit_hints(t->db, "zoes", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].name, "Zoe Smith");
	/* From the name's start only. */
	assert_int_equal(visit_hints(t->db, "sf", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	assert_int_equal(visit_hints(t->db, "z", h, 1, &n, &err), HD_OK);
	assert_int_equal(n, 1);
}

/* Erased from every copy: the pinyin of an erased visitor's name goes too,
 * on request and after retention.days, bytes and all. */
static void test_an_erased_visitor_is_not_found_by_pinyin(void **state)
{
	struct tdb *t = *state;
	struct hd_actor staff = staff_actor();
	struct visitor_hint h[8];
	struct hd_err err;
	long long a, b;
	int n = -1, erased = 0;

	a = checkin(t, "诸葛明亮", "13911112222", "1");
	b = checkin(t, "诸葛青", "13933334444", "1");
	assert_int_equal(visit_hints(t->db, "zgml", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(visit_erase(t->db, &staff, a, &err), HD_OK);
	assert_int_equal(visit_hints(t->db, "zgml", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	assert_int_equal(visit_hints(t->db, "zhuge", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].name, "诸葛青");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM name_pinyin WHERE spelled LIKE"
					" 'zhugemingliang%'"),
			 0);
	if (tdb_checkpoint(t)) {
		assert_false(file_holds(t->path, "zhugemingliang"));
		assert_true(file_holds(t->path, "zhugeqing"));
	}
	/* The retention erase likewise. */
	set_now("2027-11-23T09:00:00+08:00");
	assert_int_equal(visit_retention(t->db, &t->who, &erased, &err), HD_OK);
	assert_int_equal(erased, 1);
	assert_int_equal(visit_hints(t->db, "zgq", h, 8, &n, &err), HD_OK);
	assert_int_equal(n, 0);
	assert_int_equal(count(t->db, "SELECT count(*) FROM name_pinyin WHERE id = $1 AND kind = 8",
			       b),
			 0);
	if (tdb_checkpoint(t)) {
		assert_false(file_holds(t->path, "zhugeqing"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_checkin_normalises_the_phone_and_masks_it,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_letters_find_returning_visitors_by_pinyin,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_an_erased_visitor_is_not_found_by_pinyin,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_purpose_by_number_and_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_name_is_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_whom_they_visit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_under_14_needs_consent_and_staff, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_party_size, setup, teardown),
		cmocka_unit_test_setup_teardown(test_second_checkout_says_when_the_first_was, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_visit_code_reads_ids_and_slips, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_present_and_on_date, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hints_find_returning_visitors, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_same_name_and_phone_is_the_same_person, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_hints_offer_one_name_without_phone_once, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_here_now_finds_the_same_person_only, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_retention_erases_old_visits_and_keeps_counts,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_retention_erases_many_visits_in_batches, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_erase_on_request, setup, teardown),
		cmocka_unit_test_setup_teardown(test_close_day_checks_out_at_closing_time, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_close_day_of_an_earlier_day, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
