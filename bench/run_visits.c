/* SPDX-License-Identifier: GPL-3.0-or-later */
/* run_visits.c - the visitor measures of `hubdesk-bench run`: a durable
 * check-in (and its ratio to the bare fdatasync of the same run), the
 * returning-visitor hints per keystroke, who is here, and the retention
 * erase of one day's visits. */
#include "bench/bench.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/actor.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/settings.h"
#include "core/visit.h"
#include "core/xalloc.h"

#define DAY 86400
#define REPS 21           /* runs of the check-in (a disk flush each) and of who is here */
#define HINT_QUERIES 200  /* queries of one hints measure */
#define ROUNDS 3          /* times each hints query is run */
#define HINTS 8           /* hints the form asks for */
#define RETENTION_DAYS 10 /* days erased one by one */
#define VISIT_QUERY_SEED 0x48494E54ull

/* A person of the database, to come back or be looked up. */
struct known {
	char name[NAME_BYTES];
	char phone[PHONE_MAX]; /* "" without */
	long long id;
};

/* n people picked at random among those with id up to max_id (and with a
 * phone when phone is set). */
static enum hd_status pick_people(struct db *db, struct bench_rng *r, long long max_id, bool phone,
				  struct known *out, int n, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;
	int got = 0, tries = 0;

	rc = db_prepare(db, "SELECT id, name, coalesce(phone, '') FROM person WHERE id = $1", &st,
			err);
	if (rc != HD_OK)
		return rc;
	while (got < n && tries++ < n * 100) {
		db_bind_int(st, 1, 1 + (long long)(bench_rng_next(r) % (uint64_t)max_id));
		step = db_step(st);
		if (step == DB_ROW && (!phone || *db_col_text(st, 2))) {
			out[got].id = db_col_int(st, 0);
			db_column_text(st, 1, out[got].name, sizeof(out[got].name));
			db_column_text(st, 2, out[got].phone, sizeof(out[got].phone));
			got++;
		} else if (step != DB_ROW && step != DB_DONE) {
			rc = db_step_fail(st, err);
			break;
		}
		db_reset(st);
	}
	db_done(st);
	if (rc == HD_OK && got < n)
		rc = hd_err_set(err, HD_FAIL, "", "too few people in the database");
	return rc;
}

/* visit_checkin in its own transaction (synchronous=FULL), REPS times after
 * as many to warm up: in turn a new visitor, a returning one typed again
 * (name and phone) and a returning one picked from the hints. */
static enum hd_status measure_checkin(struct db *db, const char *prefix, struct bench_rng *r,
				      long long max_id, double fsync_ms, struct hd_err *err)
{
	struct hd_actor who = actor_command_line("bench");
	struct known back[REPS];
	struct visit_draft d;
	char name[NAME_BYTES], phone[PHONE_MAX], label[80];
	double t[REPS], t0, median;
	enum hd_status rc;
	long long id;
	int i;

	rc = pick_people(db, r, max_id, true, back, REPS, err);
	/* Pass 0 warms the WAL up (unmeasured), pass 1 is measured. */
	for (i = 0; rc == HD_OK && i < 2 * REPS; i++) {
		if (i == REPS)
			bench_settle_wal(db);
		memset(&d, 0, sizeof(d));
		d.purpose = i % 2 ? 4 : 5;
		d.party = REC_NUM(1);
		switch (i % 3) {
		case 0:
			names_visitor(r, name, sizeof(name));
			snprintf(phone, sizeof(phone), "199%08d", (int)(getpid() % 1000) * 100 + i);
			d.name = name;
			d.phone = phone;
			break;
		case 1:
			d.name = back[i % REPS].name;
			d.phone = back[i % REPS].phone;
			break;
		default:
			d.name = back[i % REPS].name;
			d.phone = back[i % REPS].phone;
			d.person_id = back[i % REPS].id;
			break;
		}
		t0 = bench_ms();
		rc = visit_checkin(db, &who, &d, &id, err);
		t[i % REPS] = bench_ms() - t0;
	}
	if (rc != HD_OK)
		return rc;
	median = bench_median(t, REPS);
	snprintf(label, sizeof(label), "%svisit_checkin_durable", prefix);
	bench_print_ms(label, median);
	printf("%svisit_checkin_vs_fdatasync: %.2f ratio\n", prefix,
	       fsync_ms > 0 ? median / fsync_ms : 0);
	fflush(stdout);
	return HD_OK;
}

/* The kinds of hints queries. */
enum hint_kind { HINT_LAST4, HINT_PHONE, HINT_NAME1, HINT_NAME2, HINT_KINDS };

static const char *const HINT_NAMES[HINT_KINDS] = { "visit_hints_last4", "visit_hints_phone",
						    "visit_hints_name1", "visit_hints_name2" };

/* The first chars UTF-8 characters of s. */
static void first_chars(const char *s, int chars, char *out, size_t outsz)
{
	size_t n = 0;

	while (s[n] && chars > 0) {
		n++;
		while ((s[n] & 0xC0) == 0x80)
			n++;
		chars--;
	}
	snprintf(out, outsz, "%.*s", (int)n, s);
}

/* Every query of one kind, ROUNDS times; the median and the 95th
 * percentile. Each query must find someone: it is made from a person. */
static enum hd_status measure_hints(struct db *db, enum hint_kind kind, const struct known *people,
				    struct hd_err *err)
{
	struct visitor_hint hints[HINTS];
	char(*q)[64] = xmalloc(sizeof(*q) * HINT_QUERIES), p95[80];
	double *t = xmalloc(sizeof(*t) * HINT_QUERIES * ROUNDS), t0;
	enum hd_status rc = HD_OK;
	int i, round, got, n = 0;
	size_t len;

	for (i = 0; i < HINT_QUERIES; i++) {
		len = strlen(people[i].phone);
		if (kind == HINT_LAST4)
			snprintf(q[i], sizeof(q[i]), "%s",
				 people[i].phone + (len > 4 ? len - 4 : 0));
		else if (kind == HINT_PHONE)
			snprintf(q[i], sizeof(q[i]), "%s", people[i].phone);
		else
			first_chars(people[i].name, kind == HINT_NAME1 ? 1 : 2, q[i], sizeof(q[i]));
	}
	for (round = 0; round < ROUNDS; round++) {
		for (i = 0; i < HINT_QUERIES; i++) {
			t0 = bench_ms();
			rc = visit_hints(db, q[i], hints, HINTS, &got, err);
			t[n++] = bench_ms() - t0;
			if (rc != HD_OK)
				goto done;
			if (got == 0) {
				rc = hd_err_set(err, HD_FAIL, "", "%s: query %s gave no hints",
						HINT_NAMES[kind], q[i]);
				goto done;
			}
		}
	}
	snprintf(p95, sizeof(p95), "%s_p95", HINT_NAMES[kind]);
	bench_print_ms(HINT_NAMES[kind], bench_median(t, n));
	bench_print_ms(p95, bench_quantile(t, n, 0.95));
done:
	free(q);
	free(t);
	return rc;
}

/* Who is here, REPS times. */
static enum hd_status measure_present(struct db *db, struct hd_err *err)
{
	struct visit *in;
	double t[REPS], t0;
	enum hd_status rc;
	int i, n = 0;

	for (i = 0; i < REPS; i++) {
		t0 = bench_ms();
		rc = visit_present(db, &in, &n, err);
		t[i] = bench_ms() - t0;
		if (rc != HD_OK)
			return rc;
		free(in);
	}
	bench_print_ms("visit_present", bench_median(t, REPS));
	printf("visit_present_visitors: %d count\n", n);
	fflush(stdout);
	return HD_OK;
}

/* The retention erase of one day, on RETENTION_DAYS days with visits:
 * HUBDESK_NOW moves so that the cutoff (now - retention.days) is the
 * midnight after the oldest day not yet erased, then one day later each
 * time (days without visits, in a small database, are not counted). */
static enum hd_status measure_retention(struct db *db, struct hd_err *err)
{
	struct hd_actor who = actor_command_line("bench");
	char date[DATE_LEN];
	double t[RETENTION_DAYS], counts[RETENTION_DAYS], t0, ms;
	long days = settings_int(db, SET_RETENTION_DAYS);
	long long oldest;
	time_t midnight, cutoff;
	enum hd_status rc;
	int i, n = 0, erased;

	rc = db_int_of(db, "SELECT min(time_in) FROM visit WHERE erased = 0", &oldest, err);
	if (rc != HD_OK)
		return rc;
	clock_local_date((time_t)oldest, date, sizeof(date));
	midnight = clock_local_time(date, 0);
	for (i = 1; n < RETENTION_DAYS && i <= VISIT_DAYS; i++) {
		clock_local_date(midnight + (time_t)i * DAY + DAY / 2, date, sizeof(date));
		cutoff = clock_local_time(date, 0);
		bench_set_now(cutoff + (time_t)days * DAY);
		t0 = bench_ms();
		rc = visit_retention(db, &who, &erased, err);
		ms = bench_ms() - t0;
		if (rc != HD_OK)
			return rc;
		if (erased > 0) {
			t[n] = ms;
			counts[n++] = erased;
		}
	}
	bench_print_ms("visit_retention_day", bench_median(t, n));
	printf("visit_retention_day_visits: %.0f count\n", bench_median(counts, n));
	fflush(stdout);
	return HD_OK;
}

/* The measures run at the "now" of the generated visits (HUBDESK_NOW), so
 * that today's visitors are here; it is put back after. */
enum hd_status bench_visit_measures(const char *path, double fsync_ms, struct hd_err *err)
{
	struct known *people = xmalloc(sizeof(*people) * HINT_QUERIES);
	char *saved = bench_save_now();
	struct bench_rng r;
	struct db *db = NULL;
	long long visits = 0, persons = 0, max_id = 0;
	enum hd_status rc;
	int k;

	bench_rng_seed(&r, VISIT_QUERY_SEED);
	bench_set_now(bench_visits_now());
	rc = db_open(path, DB_EXISTING, &db, err);
	if (rc == HD_OK)
		rc = db_int_of(db, "SELECT count(*) FROM visit", &visits, err);
	if (rc == HD_OK)
		rc = db_int_of(db, "SELECT count(*) FROM person", &persons, err);
	if (rc == HD_OK)
		rc = db_int_of(db, "SELECT coalesce(max(id), 0) FROM person", &max_id, err);
	if (rc != HD_OK || visits == 0)
		goto done;
	printf("visits: %lld count\nvisit_persons: %lld count\n", visits, persons);
	fflush(stdout);
	rc = measure_checkin(db, "", &r, max_id, fsync_ms, err);
	if (rc == HD_OK)
		rc = pick_people(db, &r, max_id, true, people, HINT_QUERIES, err);
	for (k = 0; rc == HD_OK && k < HINT_KINDS; k++)
		rc = measure_hints(db, (enum hint_kind)k, people, err);
	if (rc == HD_OK)
		rc = measure_present(db, err);
	if (rc == HD_OK)
		rc = measure_retention(db, err);
done:
	db_close(db);
	free(people);
	bench_restore_now(saved);
	return rc;
}

enum hd_status bench_visit_checkin_measure(struct db *db, const char *prefix, double fsync_ms,
					   struct hd_err *err)
{
	char *saved = bench_save_now();
	struct bench_rng r;
	long long max_id = 0;
	enum hd_status rc;

	bench_rng_seed(&r, VISIT_QUERY_SEED);
	bench_set_now(bench_visits_now());
	rc = db_int_of(db, "SELECT coalesce(max(id), 0) FROM person", &max_id, err);
	if (rc == HD_OK && max_id > 0)
		rc = measure_checkin(db, prefix, &r, max_id, fsync_ms, err);
	bench_restore_now(saved);
	return rc;
}
