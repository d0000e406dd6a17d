/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen_visits.c - the visitors of `hubdesk-bench gen --visits N`: more than
 * a year of visits by a few hundred thousand people, regulars and
 * passers-by. Who comes when is made in memory first; then the rows are
 * written straight into person (with the pinyin index of the name), visit
 * and audit with prepared statements
 * (a million visits through visit_checkin would take far too long), with
 * exactly the values visit_checkin, visit_checkout and visit_close_day
 * write. */
#include "bench/bench.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/db_sqlite.h"
#include "core/search.h"
#include "core/xalloc.h"

#define DAY 86400
#define VISIT_SEED 0x76697369746F7273ull /* mixed into the seed: visits apart from names */
#define TODAY_VISITS 80                  /* visits of the last day, "today" */
#define OPEN_MIN (8 * 60 + 30)           /* the first arrivals */
#define NOW_MIN (10 * 60 + 30)           /* "now" of the generated data, on its last day */
#define CLOSE_MIN (21 * 60)              /* closing.time's default */
#define NO_PHONE_PERCENT 8               /* visitors who give no phone */
#define FORGET_PERCENT 3                 /* visitors who leave without checking out */

/* One visitor. */
struct gperson {
	char name[32];
	char phone[16];            /* "" without */
	long long org_id, team_id; /* whom they come to see, when they do */
	int purpose;               /* what they mostly come for */
	long long id;              /* row id: people are numbered by their first visit */
	time_t first, last;        /* their first and last visits */
};

/* One visit; day is an index into the days of the data. */
struct gvisit {
	time_t time_in, time_out; /* time_out 0 while still in */
	long long org_id, team_id;
	int person, day;
	unsigned char purpose, party, auto_out, desk;
};

/* The desks visitors come through, and their shares (of 100). */
static const char *const DESKS[] = { "一楼前台", "二楼服务台" };
static const unsigned DESK_SHARE[] = { 85, 15 };

/* How often each purpose (LIST_PURPOSE 1..13) is given: venue use and
 * trainings most, visits of study least. */
static const unsigned PURPOSE_WEIGHT[13] = { 8, 5, 4, 25, 18, 3, 8, 3, 6, 10, 2, 5, 3 };

/* Arrivals by hour, 8:30 to 20:59: peaks mid-morning and mid-afternoon. */
static const unsigned HOUR_WEIGHT[] = { 3, 6, 8, 5, 2, 5, 8, 7, 4, 2, 3, 3, 1 };
#define FIRST_HOUR 8

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static unsigned pick_weighted(struct bench_rng *r, const unsigned *w, int n)
{
	unsigned total = 0, x;
	int i;

	for (i = 0; i < n; i++)
		total += w[i];
	x = bench_rng_below(r, total);
	for (i = 0; i < n - 1 && x >= w[i]; i++)
		x -= w[i];
	return (unsigned)i;
}

static double unit(struct bench_rng *r)
{
	return (double)(bench_rng_next(r) >> 11) / (double)(1ull << 53);
}

enum hd_status bench_read_ids(struct db *db, const char *sql, long long **ids, int *n,
			      struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;
	int cap = 0;

	*ids = NULL;
	*n = 0;
	rc = db_prepare(db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	while ((step = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			*ids = xrealloc(*ids, (size_t)cap * sizeof(**ids));
		}
		(*ids)[(*n)++] = db_col_int(st, 0);
	}
	if (step != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

static void make_person(struct bench_rng *r, struct gperson *p, const long long *orgs, int norgs,
			const long long *teams, int nteams)
{
	memset(p, 0, sizeof(*p));
	names_visitor(r, p->name, sizeof(p->name));
	if (bench_rng_below(r, 100) >= NO_PHONE_PERCENT)
		names_mobile(r, p->phone, sizeof(p->phone));
	p->purpose = 1 + (int)pick_weighted(r, PURPOSE_WEIGHT, 13);
	p->org_id = norgs ? orgs[bench_rng_below(r, (unsigned)norgs)] : 0;
	p->team_id = nteams ? teams[bench_rng_below(r, (unsigned)nteams)] : 0;
}

/* A day of a person's active stretch of len days from start, wrapping
 * round the past days (so that every day gets as many visits), fewer at
 * weekends. */
static int pick_day(struct bench_rng *r, int start, int len, int past, const int *weekday)
{
	int day = start, tries;

	for (tries = 0; tries < 4; tries++) {
		day = (start + (int)bench_rng_below(r, (unsigned)len)) % past;
		if ((weekday[day] == 6 && bench_rng_below(r, 100) >= 60) ||
		    (weekday[day] == 0 && bench_rng_below(r, 100) >= 45))
			continue;
		break;
	}
	return day;
}

/* What the visit is for and whom it sees, from the person's habits. */
static void visit_purpose(struct bench_rng *r, const struct gperson *p, struct gvisit *v)
{
	static const unsigned PARTY_WEIGHT[] = { 75, 15, 6, 4 };
	int purpose = bench_rng_below(r, 10) < 7 ? p->purpose
						 : 1 + (int)pick_weighted(r, PURPOSE_WEIGHT, 13);

	v->purpose = (unsigned char)purpose;
	v->party = (unsigned char)(1 + pick_weighted(r, PARTY_WEIGHT, COUNT(PARTY_WEIGHT)));
	v->desk = (unsigned char)pick_weighted(r, DESK_SHARE, COUNT(DESK_SHARE));
	v->org_id = v->team_id = 0;
	switch (purpose) {
	case 2:
	case 6:
	case 7:
	case 8:
	case 12:
		if (bench_rng_below(r, 10) < 8)
			v->org_id = p->org_id;
		break;
	case 3:
	case 4:
		if (bench_rng_below(r, 10) < 6)
			v->team_id = p->team_id;
		break;
	case 10:
		if (bench_rng_below(r, 10) < 3)
			v->team_id = p->team_id;
		break;
	default:
		break;
	}
}

/* Arrival and departure: a day of the past has everyone out by closing
 * time (checked out by themselves, or at closing by visit_close_day);
 * today has those who arrived before now, some still in. */
static void visit_times(struct bench_rng *r, struct gvisit *v, time_t midnight, bool today)
{
	int minute, stay, pick = (int)bench_rng_below(r, 100);
	time_t close_at = midnight + CLOSE_MIN * 60, now = midnight + NOW_MIN * 60;
	bool forgot = bench_rng_below(r, 100) < FORGET_PERCENT;

	if (today) {
		minute = bench_rng_range(r, OPEN_MIN, NOW_MIN - 1);
	} else {
		minute = (FIRST_HOUR + (int)pick_weighted(r, HOUR_WEIGHT, COUNT(HOUR_WEIGHT))) * 60;
		minute += minute == FIRST_HOUR * 60 ? bench_rng_range(r, 30, 59)
						    : bench_rng_range(r, 0, 59);
	}
	v->time_in = midnight + minute * 60 + bench_rng_range(r, 0, 59);
	stay = pick < 55   ? bench_rng_range(r, 10 * 60, 45 * 60)
	       : pick < 85 ? bench_rng_range(r, 45 * 60, 120 * 60)
			   : bench_rng_range(r, 120 * 60, 240 * 60);
	v->time_out = v->time_in + stay;
	v->auto_out = 0;
	if (today) {
		if (forgot || v->time_out > now)
			v->time_out = 0;
	} else if (forgot || v->time_out >= close_at) {
		v->time_out = close_at < v->time_in ? v->time_in : close_at;
		v->auto_out = 1;
	}
}

static int by_time_in(const void *a, const void *b)
{
	const struct gvisit *x = a, *y = b;

	if (x->time_in != y->time_in)
		return (x->time_in > y->time_in) - (x->time_in < y->time_in);
	return (x->person > y->person) - (x->person < y->person);
}

/* The visits: each person comes once, and the rest of the visits go to
 * people picked with a strong skew, so a few hundred regulars come most
 * days and most people once or twice; each comes within a stretch of days
 * of their own. */
static struct gvisit *plan_visits(struct bench_rng *r, struct gperson *people, int np, int nv,
				  const time_t *midnight, const int *weekday)
{
	struct gvisit *v = xcalloc((size_t)nv, sizeof(*v));
	int *visits = xcalloc((size_t)np, sizeof(*visits));
	int past = VISIT_DAYS - 1, today = VISIT_DAYS - 1, i, k, p, len, start, n = 0;
	int ntoday = nv >= 10 * TODAY_VISITS ? TODAY_VISITS : nv / 10;

	for (p = 0; p < np; p++)
		visits[p] = 1;
	for (i = np; i < nv; i++) {
		double u = unit(r);

		p = (int)(u * u * u * np);
		visits[p < np ? p : np - 1]++;
	}
	for (p = 0; p < np; p++) {
		len = past;
		start = 0;
		if (visits[p] > 1) {
			len = visits[p] * bench_rng_range(r, 2, 12);
			if (len > past)
				len = past;
			start = (int)bench_rng_below(r, (unsigned)past);
		}
		for (k = 0; k < visits[p]; k++, n++) {
			v[n].person = p;
			v[n].day = pick_day(r, start, len, past, weekday);
		}
	}
	/* Today's visits, taken from anyone's. */
	for (i = 0; i < ntoday; i++) {
		do
			k = (int)bench_rng_below(r, (unsigned)nv);
		while (v[k].day == today);
		v[k].day = today;
	}
	for (i = 0; i < nv; i++) {
		visit_purpose(r, &people[v[i].person], &v[i]);
		visit_times(r, &v[i], midnight[v[i].day], v[i].day == today);
	}
	free(visits);
	qsort(v, (size_t)nv, sizeof(*v), by_time_in);
	return v;
}

/* The statements, in the order the core runs them (and the index of a
 * person's name, search_index_put). */
enum { ST_PERSON, ST_VISIT, ST_AUDIT, ST_COUNT };

static const char *const SQL[ST_COUNT] = {
	/* find_person's insert */
	"INSERT INTO person(name, phone, last4, last_visit, created)"
	" VALUES (?1, ?2, substr(?2, -4), ?3, ?4)",
	/* insert_visit's, with the check-out's and close_day's updates */
	"INSERT INTO visit(person_id, purpose, org_id, team_id, party, note, under14,"
	" guardian_consent, time_in, time_out, auto_out, erased, desk)"
	" VALUES (?1, ?2, nullif(?3, 0), nullif(?4, 0), ?5, NULL, 0, 0, ?6, ?7, ?8, 0, ?9)",
	/* audit_log's, for an actor who is not a signed-in person */
	"INSERT INTO audit(at, desk, actor, actor_id, actor_name, action, record, record_id,"
	" before, after) VALUES (?1, ?2, ?3, NULL, NULL, ?4, 'visit', ?5, NULL, ?6)",
};

static enum hd_status step(struct db *db, sqlite3_stmt *st, struct hd_err *err)
{
	int src = sqlite3_step(st);

	sqlite3_reset(st);
	return src == SQLITE_DONE ? HD_OK : db_fail(db_sqlite(db), src, err);
}

static enum hd_status audit(struct db *db, sqlite3_stmt *st, time_t at, const char *desk,
			    const char *actor, const char *action, long long id, const char *after,
			    struct hd_err *err)
{
	sqlite3_bind_int64(st, 1, (sqlite3_int64)at);
	sqlite3_bind_text(st, 2, desk, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, action, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, id);
	sqlite3_bind_text(st, 6, after, -1, SQLITE_STATIC);
	return step(db, st, err);
}

static void json_id(long long id, char *out, size_t outsz)
{
	if (id)
		snprintf(out, outsz, "%lld", id);
	else
		snprintf(out, outsz, "null");
}

/* The audit snapshot of a visit as visit.c's SQL_VISIT_JSON makes it: the
 * person's number and the counts, never a name or a phone. */
static void visit_json(const struct gperson *p, const struct gvisit *v, bool out, char *buf,
		       size_t bufsz)
{
	char org[24], team[24], time_out[24];

	json_id(v->org_id, org, sizeof(org));
	json_id(v->team_id, team, sizeof(team));
	json_id(out ? (long long)v->time_out : 0, time_out, sizeof(time_out));
	snprintf(buf, bufsz,
		 "{\"person\":%lld,\"purpose\":%d,\"org\":%s,\"team\":%s,"
		 "\"party\":%d,\"under14\":0,\"time_in\":%lld,\"time_out\":%s}",
		 p->id, v->purpose, org, team, v->party, (long long)v->time_in, time_out);
}

static enum hd_status write_people(struct db *db, sqlite3_stmt *st, struct gperson *people,
				   const int *order, int np, struct hd_err *err)
{
	enum hd_status rc = HD_OK;
	int i;

	for (i = 0; rc == HD_OK && i < np; i++) {
		const struct gperson *p = &people[order[i]];

		sqlite3_bind_text(st, 1, p->name, -1, SQLITE_STATIC);
		if (*p->phone)
			sqlite3_bind_text(st, 2, p->phone, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 2);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)p->last);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)p->first);
		rc = step(db, st, err);
		if (rc == HD_OK && sqlite3_last_insert_rowid(db_sqlite(db)) != p->id)
			rc = hd_err_set(err, HD_FAIL, "", "person %lld was given row %lld", p->id,
					(long long)sqlite3_last_insert_rowid(db_sqlite(db)));
		/* find_person's index of the name's pinyin */
		if (rc == HD_OK)
			rc = search_index_put(db, SEARCH_PERSON, p->id, p->name, NULL, err);
	}
	return rc;
}

static enum hd_status write_visits(struct db *db, sqlite3_stmt **st, const struct gperson *people,
				   const struct gvisit *v, int nv, struct hd_err *err)
{
	enum hd_status rc = HD_OK;
	char json[512];
	long long id;
	int i;

	for (i = 0; rc == HD_OK && i < nv; i++) {
		const struct gperson *p = &people[v[i].person];
		const char *desk = DESKS[v[i].desk];

		sqlite3_bind_int64(st[ST_VISIT], 1, p->id);
		sqlite3_bind_int(st[ST_VISIT], 2, v[i].purpose);
		sqlite3_bind_int64(st[ST_VISIT], 3, v[i].org_id);
		sqlite3_bind_int64(st[ST_VISIT], 4, v[i].team_id);
		sqlite3_bind_int(st[ST_VISIT], 5, v[i].party);
		sqlite3_bind_int64(st[ST_VISIT], 6, (sqlite3_int64)v[i].time_in);
		if (v[i].time_out)
			sqlite3_bind_int64(st[ST_VISIT], 7, (sqlite3_int64)v[i].time_out);
		else
			sqlite3_bind_null(st[ST_VISIT], 7);
		sqlite3_bind_int(st[ST_VISIT], 8, v[i].auto_out);
		sqlite3_bind_text(st[ST_VISIT], 9, desk, -1, SQLITE_STATIC);
		rc = step(db, st[ST_VISIT], err);
		if (rc != HD_OK)
			break;
		id = sqlite3_last_insert_rowid(db_sqlite(db));
		visit_json(p, &v[i], false, json, sizeof(json));
		rc = audit(db, st[ST_AUDIT], v[i].time_in, desk, "desk", "visit.checkin", id, json,
			   err);
		if (rc != HD_OK || !v[i].time_out)
			continue;
		if (v[i].auto_out) {
			snprintf(json, sizeof(json), "{\"time_out\":%lld,\"auto\":1}",
				 (long long)v[i].time_out);
			rc = audit(db, st[ST_AUDIT], v[i].time_out, "cli", "command-line",
				   "visit.auto-checkout", id, json, err);
		} else {
			visit_json(p, &v[i], true, json, sizeof(json));
			rc = audit(db, st[ST_AUDIT], v[i].time_out, desk, "desk", "visit.checkout",
				   id, json, err);
		}
	}
	return rc;
}

time_t bench_visits_now(void)
{
	char date[DATE_LEN];

	clock_local_date(BENCH_BASE_TIME - DAY / 2, date, sizeof(date));
	return clock_local_time(date, NOW_MIN);
}

enum hd_status bench_visits_fill(struct db *db, uint64_t seed, unsigned long long n,
				 unsigned long long *persons, struct hd_err *err)
{
	time_t midnight[VISIT_DAYS];
	int weekday[VISIT_DAYS];
	sqlite3_stmt *st[ST_COUNT] = { NULL };
	struct gperson *people = NULL;
	struct gvisit *v = NULL;
	long long *orgs = NULL, *teams = NULL, next = 0;
	int *order = NULL, norgs = 0, nteams = 0, np, nv = (int)n, i;
	struct bench_rng r;
	enum hd_status rc;
	char date[DATE_LEN];
	struct tm tm;
	time_t noon;

	*persons = 0;
	if (n == 0)
		return HD_OK;
	np = nv * 3 / 10 > 0 ? nv * 3 / 10 : 1;
	bench_rng_seed(&r, seed ^ VISIT_SEED);
	for (i = 0; i < VISIT_DAYS; i++) {
		noon = BENCH_BASE_TIME - (time_t)(VISIT_DAYS - i) * DAY + DAY / 2;
		clock_local_date(noon, date, sizeof(date));
		midnight[i] = clock_local_time(date, 0);
		localtime_r(&noon, &tm);
		weekday[i] = tm.tm_wday;
	}
	rc = bench_read_ids(db, "SELECT id FROM org ORDER BY id", &orgs, &norgs, err);
	if (rc == HD_OK)
		rc = bench_read_ids(db, "SELECT id FROM team ORDER BY id", &teams, &nteams, err);
	if (rc != HD_OK)
		goto done;
	people = xcalloc((size_t)np, sizeof(*people));
	order = xcalloc((size_t)np, sizeof(*order));
	for (i = 0; i < np; i++)
		make_person(&r, &people[i], orgs, norgs, teams, nteams);
	v = plan_visits(&r, people, np, nv, midnight, weekday);
	/* People are numbered in the order they first came. */
	for (i = 0; i < nv; i++) {
		struct gperson *p = &people[v[i].person];

		if (!p->id) {
			p->id = ++next;
			p->first = v[i].time_in;
			order[next - 1] = v[i].person;
		}
		p->last = v[i].time_in;
	}
	for (i = 0; rc == HD_OK && i < ST_COUNT; i++)
		rc = db_prepare_raw(db_sqlite(db), SQL[i], &st[i], err);
	if (rc != HD_OK)
		goto done;
	rc = write_people(db, st[ST_PERSON], people, order, (int)next, err);
	if (rc == HD_OK)
		rc = write_visits(db, st, people, v, nv, err);
	if (rc == HD_OK)
		*persons = (unsigned long long)next;
done:
	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(st[i]);
	free(orgs);
	free(teams);
	free(people);
	free(order);
	free(v);
	return rc;
}
