/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench.c - `hubdesk-bench run`: the measures of `make bench` over a
 * generated database, one line each, `NAME: VALUE UNIT`, the median of
 * repeated runs; first of all one bare fdatasync on the same disk, so that
 * durable commits can be read as a ratio to it; the report measures
 * (run_reports.c) over the data as generated, then the visitor measures
 * (run_visits.c) and the booking measures (run_bookings.c), which change
 * the data, and the imports (run_reports.c), which grow the register,
 * come last. */
#include "bench/bench.h"

#include <fcntl.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/org.h"
#include "core/search.h"
#include "core/team.h"
#include "core/xalloc.h"

#define REPS 21  /* runs of the slow measures (a disk flush each) */
#define ROUNDS 3 /* times each search query is run */
#define HITS 10  /* hits a keystroke asks for, as the pickers do */
#define PAGE 4096

/* What a search measure's queries must give, as a check that they are the
 * queries they claim to be. */
enum expect { EXPECT_HITS, EXPECT_NONE, EXPECT_ANY };

/* The search measures: their queries, the kinds searched, the check. */
static const struct search_measure {
	const char *name;
	enum bench_qset queries;
	int kinds;
	enum expect expect;
} SEARCHES[] = {
	{ "search_keystroke_1char", QSET_ONE, SEARCH_ALL, EXPECT_HITS },
	{ "search_keystroke_2char", QSET_TWO, SEARCH_ALL, EXPECT_HITS },
	{ "search_keystroke_4char", QSET_FOUR, SEARCH_ALL, EXPECT_HITS },
	{ "search_keystroke_miss", QSET_MISS, SEARCH_ALL, EXPECT_NONE },
	{ "search_keystroke_miss_common", QSET_MISS_COMMON, SEARCH_ALL, EXPECT_NONE },
	{ "search_keystroke_2char_orgs", QSET_TWO, SEARCH_ORG, EXPECT_ANY },
	/* Letters matched against the pinyin of the 20,000 names (10,000
	 * organisations and 10,000 teams by default). */
	{ "initials_keystroke_20000", QSET_INITIALS, SEARCH_ALL, EXPECT_HITS },
	{ "spelled_keystroke_20000", QSET_SPELLED, SEARCH_ALL, EXPECT_HITS },
};

#define SEARCH_COUNT ((int)(sizeof(SEARCHES) / sizeof(SEARCHES[0])))

/* Times every query of one measure ROUNDS times; prints the median as its
 * name after prefix and the 95th percentile as name_p95. */
static enum hd_status time_searches(struct db *db, const char *prefix, const char *suffix,
				    const struct search_measure *m,
				    const struct bench_query_sets *sets, struct hd_err *err)
{
	const struct bench_queries *q = &sets->set[m->queries];
	struct search_hit hits[HITS];
	double *t = xmalloc(sizeof(*t) * BENCH_QUERIES * ROUNDS), t0;
	enum hd_status rc = HD_OK;
	char name[80], p95[96];
	int round, i, got, n = 0;

	for (round = 0; round < ROUNDS; round++) {
		for (i = 0; i < q->n; i++) {
			t0 = bench_ms();
			rc = search_names(db, q->text[i], m->kinds, hits, HITS, &got, err);
			t[n++] = bench_ms() - t0;
			if (rc != HD_OK)
				goto done;
			if ((m->expect == EXPECT_HITS && got == 0) ||
			    (m->expect == EXPECT_NONE && got > 0)) {
				rc = hd_err_set(err, HD_FAIL, "", "%s: query %s gave %d hits",
						m->name, q->text[i], got);
				goto done;
			}
		}
	}
	snprintf(name, sizeof(name), "%s%s%s", prefix, m->name, suffix);
	snprintf(p95, sizeof(p95), "%s_p95", name);
	bench_print_ms(name, bench_median(t, n));
	bench_print_ms(p95, bench_quantile(t, n, 0.95));
done:
	free(t);
	return rc;
}

int bench_fdatasync(const char *db_path, double *ms)
{
	char dir[4096], path[4200], page[PAGE];
	double t[REPS], t0;
	int fd, i, status = -1;

	snprintf(dir, sizeof(dir), "%s", db_path);
	snprintf(path, sizeof(path), "%s/.hubdesk-bench-fsync-%ld", dirname(dir), (long)getpid());
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		perror(path);
		return -1;
	}
	/* The first flush also allocates the page; it is not counted. */
	for (i = -1; i < REPS; i++) {
		memset(page, 'a' + (i + 1) % 26, sizeof(page));
		if (pwrite(fd, page, sizeof(page), 0) != (ssize_t)sizeof(page))
			goto done;
		t0 = bench_ms();
		if (fdatasync(fd) != 0)
			goto done;
		if (i >= 0)
			t[i] = bench_ms() - t0;
	}
	*ms = bench_median(t, REPS);
	status = 0;
done:
	if (status != 0)
		perror(path);
	close(fd);
	unlink(path);
	return status;
}

/* A durable org_add (its own transaction, synchronous=FULL), REPS times
 * with new names and codes no generated one can have. */
static enum hd_status measure_org_add(struct db *db, struct hd_err *err)
{
	struct hd_actor who = actor_command_line("bench");
	char name[NAME_BYTES], code[CREDIT_CODE_LEN];
	struct org_draft d;
	double t[REPS], t0;
	enum hd_status rc = HD_OK;
	long long id;
	int i;

	for (i = 0; i < REPS; i++) {
		snprintf(name, sizeof(name), "测速%ld第%d号公益服务社", (long)getpid(), i);
		snprintf(code, sizeof(code), "59310115BN%07d", (int)(getpid() % 100000) * 100 + i);
		code[17] = credit_code_check_char(code);
		code[18] = '\0';
		d = (struct org_draft){ .name = name,
					.kind = 2, /* community */
					.credit_code = code,
					.contact = "王丽",
					.phone = "13812345678" };
		t0 = bench_ms();
		rc = org_add(db, &who, &d, &id, NULL, err);
		t[i] = bench_ms() - t0;
		if (rc != HD_OK)
			return rc;
	}
	bench_print_ms("org_add_durable", bench_median(t, REPS));
	return rc;
}

/* A durable team_create, likewise. */
static enum hd_status measure_team_create(struct db *db, struct hd_err *err)
{
	struct hd_actor who = actor_command_line("bench");
	char name[NAME_BYTES];
	struct team_draft d;
	double t[REPS], t0;
	enum hd_status rc = HD_OK;
	long long id;
	int i;

	for (i = 0; i < REPS; i++) {
		snprintf(name, sizeof(name), "测速%ld第%d号太极队", (long)getpid(), i);
		memset(&d, 0, sizeof(d));
		d.name = name;
		d.category = 1; /* 文体活动 */
		d.leader = "张建国";
		d.phone = "13811112222";
		d.members = REC_NUM(28);
		d.content = "太极拳晨练";
		d.place = "中心广场";
		d.schedule = "每天 06:30-07:30";
		d.committee = "阳光居委会";
		t0 = bench_ms();
		rc = team_create(db, &who, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, err);
		t[i] = bench_ms() - t0;
		if (rc != HD_OK)
			return rc;
	}
	bench_print_ms("team_create_durable", bench_median(t, REPS));
	return rc;
}

/* The listing behind the register of organisations. */
static enum hd_status measure_org_list(struct db *db, struct hd_err *err)
{
	struct org *orgs;
	double t[REPS], t0;
	enum hd_status rc;
	int i, n;

	for (i = 0; i < REPS; i++) {
		t0 = bench_ms();
		rc = org_list(db, &orgs, &n, err);
		t[i] = bench_ms() - t0;
		if (rc != HD_OK)
			return rc;
		free(orgs);
	}
	bench_print_ms("org_list", bench_median(t, REPS));
	return HD_OK;
}

/* db_open and db_close of the database with no other connection, as when
 * the program starts. */
static enum hd_status measure_open(const char *path, struct hd_err *err)
{
	double t[REPS], t0;
	enum hd_status rc;
	struct db *db;
	int i;

	for (i = 0; i < REPS; i++) {
		t0 = bench_ms();
		rc = db_open(path, DB_EXISTING, &db, err);
		db_close(db);
		t[i] = bench_ms() - t0;
		if (rc != HD_OK)
			return rc;
	}
	bench_print_ms("db_open", bench_median(t, REPS));
	return HD_OK;
}

enum hd_status bench_search_measure(struct db *db, const char *prefix, const char *name,
				    const char *suffix, struct hd_err *err)
{
	struct bench_query_sets *sets = xmalloc(sizeof(*sets));
	enum hd_status rc;
	int i;

	rc = bench_queries_make(db, sets, err);
	for (i = 0; rc == HD_OK && i < SEARCH_COUNT; i++)
		if (strcmp(SEARCHES[i].name, name) == 0)
			rc = time_searches(db, prefix, suffix, &SEARCHES[i], sets, err);
	free(sets);
	return rc;
}

static enum hd_status measure_all(const char *path, struct hd_err *err)
{
	struct bench_query_sets *sets = xmalloc(sizeof(*sets));
	struct db *db = NULL;
	enum hd_status rc;
	int i;

	rc = db_open(path, DB_EXISTING, &db, err);
	if (rc == HD_OK)
		rc = bench_queries_make(db, sets, err);
	if (rc != HD_OK)
		goto done;
	printf("orgs: %d count\nteams: %d count\n", sets->orgs, sets->teams);
	for (i = 0; rc == HD_OK && i < SEARCH_COUNT; i++)
		if (bench_wanted(SEARCHES[i].name))
			rc = time_searches(db, "", "", &SEARCHES[i], sets, err);
	if (rc != HD_OK ||
	    (bench_wanted("org_list") && (rc = measure_org_list(db, err)) != HD_OK) ||
	    (bench_wanted("org_add") && (rc = measure_org_add(db, err)) != HD_OK) ||
	    (bench_wanted("team_create") && (rc = measure_team_create(db, err)) != HD_OK))
		goto done;
	db_close(db);
	db = NULL;
	if (bench_wanted("db_open"))
		rc = measure_open(path, err);
done:
	db_close(db);
	free(sets);
	return rc;
}

int bench_run_main(int argc, char **argv)
{
	const char *only, *bin = NULL, *floor_bin = NULL;
	struct hd_err err;
	double ms;

	hd_err_clear(&err);
	if (argc == 7 && strcmp(argv[3], "--bin") == 0 && strcmp(argv[5], "--floor") == 0) {
		bin = argv[4];
		floor_bin = argv[6];
		argc = 3;
	}
	if (argc != 3 || strcmp(argv[1], "--db") != 0) {
		fputs("usage: hubdesk-bench run --db PATH [--bin HUBDESK --floor EMPTY_PROGRAM]\n",
		      stderr);
		return 2;
	}
	if (access(argv[2], R_OK | W_OK) != 0) {
		perror(argv[2]);
		return 1;
	}
	if (bench_fdatasync(argv[2], &ms) != 0)
		return 1;
	bench_print_ms("fdatasync", ms);
	if (measure_all(argv[2], &err) != HD_OK) {
		fprintf(stderr, "hubdesk-bench: %s\n", err.msg);
		return 1;
	}
	/* BENCH_ONLY picks among the lines above; the groups below run whole,
	 * and only when it is unset. */
	only = getenv("BENCH_ONLY");
	if (only && *only)
		return 0;
	if (bench_print_measures(&err) != HD_OK || bench_team_measures(argv[2], &err) != HD_OK ||
	    bench_report_measures(argv[2], &err) != HD_OK ||
	    bench_visit_measures(argv[2], ms, &err) != HD_OK ||
	    bench_booking_measures(argv[2], ms, &err) != HD_OK ||
	    bench_import_measures(argv[2], &err) != HD_OK || bench_pinyin_measures(&err) != HD_OK ||
	    (bin && bench_start_measures(argv[2], bin, floor_bin, &err) != HD_OK) ||
	    bench_desk_measures(argv[2], &err) != HD_OK) {
		fprintf(stderr, "hubdesk-bench: %s\n", err.msg);
		return 1;
	}
	return 0;
}
