/* SPDX-License-Identifier: GPL-3.0-or-later */
/* run_desks.c - a long admin job against working desks, the measure of
 * `hubdesk-bench run` that runs last: import_csv of 20,000 new
 * organisations while 8 desks, each a process with its own connection,
 * check visitors in and book a room and cancel it again and again, a
 * moment apart. Every desk action is timed; the lines are
 *
 *   import_20000_with_desks  the import, from its start to its end
 *   desk_wait_p95            the 95th percentile of the desk actions
 *                            during the import (target < 500 ms)
 *   desk_wait_p99            the 99th
 *   desk_wait_max            the longest of them
 *   desk_actions             how many there were
 *   desk_failures            actions that failed (a wait given up, an
 *                            error; a rule's refusal is not one): 0 */
#include "bench/bench.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/db_sqlite.h"
#include "core/import.h"
#include "core/room.h"
#include "core/visit.h"
#include "core/xalloc.h"

#define DESKS 8
#define DESK_ROWS 20000
#define DESK_MAX_ACTIONS 20000
#define DESK_PREFIX "并发导入" /* no generated or imported name has it */
#define DESK_REGION "310105"   /* credit codes of the file: no other file's */
#define THINK_MS 20            /* a desk's pause between actions, at least */

/* What one desk did, in memory shared with the measuring process. */
struct desk_log {
	int n, failures;
	double at[DESK_MAX_ACTIONS], ms[DESK_MAX_ACTIONS]; /* when each began, how long */
	char why[HD_MSG_BYTES];                            /* the first failure */
};

struct desks {
	atomic_int stop;
	double from, to; /* the import's start and end */
	struct desk_log log[DESKS];
};

/* One timed action's outcome into the desk's log. */
static void logged(struct desk_log *l, double t0, enum hd_status rc, const struct hd_err *e)
{
	if (l->n < DESK_MAX_ACTIONS) {
		l->at[l->n] = t0;
		l->ms[l->n++] = bench_ms() - t0;
	}
	if (rc == HD_OK || rc == HD_REFUSED || rc == HD_BAD_INPUT || rc == HD_NOT_FOUND)
		return;
	if (l->failures++ == 0)
		snprintf(l->why, sizeof(l->why), "%s", e->msg);
}

/* A visitor checked in: a new person each time. */
static void desk_checkin(struct db *db, const struct hd_actor *who, struct bench_rng *r, int desk,
			 int k, struct desk_log *l)
{
	char name[NAME_BYTES], phone[PHONE_MAX];
	struct visit_draft d;
	struct hd_err e;
	long long id;
	double t0;

	memset(&d, 0, sizeof(d));
	names_visitor(r, name, sizeof(name));
	snprintf(phone, sizeof(phone), "1970%d%06d", desk, k % 1000000);
	d.name = name;
	d.phone = phone;
	d.purpose = 4;
	d.party = REC_NUM(1);
	t0 = bench_ms();
	logged(l, t0, visit_checkin(db, who, &d, &id, &e), &e);
}

/* The desk's own room booked for an hour of the days ahead, then the
 * booking cancelled, so that the room never fills. */
static void desk_book(struct db *db, const struct hd_actor *who, const struct room *room,
		      long long org, int k, struct desk_log *l)
{
	char today[DATE_LEN], date[DATE_LEN], start[32], end[32];
	int open, close, slots, from;
	struct booking_draft d;
	struct hd_err e;
	enum hd_status rc;
	long long id = 0;
	bool already;
	double t0;

	room_hours(db, room, &open, &close);
	slots = (close - open) / 60;
	if (slots <= 0)
		return;
	clock_local_date(clock_now(), today, sizeof(today));
	clock_local_date(clock_local_time(today, (1 + k % 13) * 24 * 60 + 12 * 60), date,
			 sizeof(date));
	from = open + 60 * (k / 13 % slots);
	snprintf(start, sizeof(start), "%s %02d:%02d", date, from / 60, from % 60);
	snprintf(end, sizeof(end), "%s %02d:%02d", date, (from + 60) / 60, (from + 60) % 60);
	d = (struct booking_draft){ .room = room->id,
				    .start = start,
				    .end = end,
				    .attendees = REC_NUM(2),
				    .purpose = "并发测速",
				    .booker = { BOOKER_ORG, org } };
	t0 = bench_ms();
	rc = booking_add(db, who, VIA_DIRECT, &d, &id, &e);
	logged(l, t0, rc, &e);
	if (rc != HD_OK)
		return;
	t0 = bench_ms();
	logged(l, t0, booking_cancel(db, who, VIA_DIRECT, id, &already, &e), &e);
}

/* One desk's life: actions a moment apart until told to stop. */
static void desk_run(const char *path, int desk, const struct room *room, long long org,
		     struct desks *all)
{
	struct hd_actor who = actor_command_line("bench-desk");
	struct desk_log *l = &all->log[desk];
	struct bench_rng r;
	struct hd_err e;
	struct db *db = NULL;
	int k;

	if (db_open(path, DB_EXISTING, &db, &e) != HD_OK) {
		l->failures++;
		snprintf(l->why, sizeof(l->why), "%s", e.msg);
		return;
	}
	bench_rng_seed(&r, 0x6465736Bull + (uint64_t)desk); /* "desk" */
	for (k = 0; !atomic_load(&all->stop); k++) {
		if (k % 2 == 0)
			desk_checkin(db, &who, &r, desk, k, l);
		else
			desk_book(db, &who, room, org, k, l);
		sqlite3_sleep(THINK_MS + (int)bench_rng_below(&r, THINK_MS));
	}
	db_close(db);
}

/* The rooms and a booker for the desks: room i for desk i, organisations
 * that are in the centre (one per desk, so that no quota is shared). */
static enum hd_status desk_parts(struct db *db, struct room **rooms, long long **orgs,
				 struct hd_err *err)
{
	int nrooms = 0, norgs = 0;
	enum hd_status rc;

	rc = room_list(db, rooms, &nrooms, err);
	if (rc == HD_OK)
		rc = bench_read_ids(
			db,
			"SELECT id FROM org WHERE out_date IS NULL"
			" AND id IN (SELECT org_id FROM booking) ORDER BY id DESC LIMIT 8",
			orgs, &norgs, err);
	if (rc == HD_OK && (nrooms < DESKS || norgs < DESKS))
		rc = hd_err_set(err, HD_FAIL, "", "desks: %d rooms and %d bookers, %d needed",
				nrooms, norgs, DESKS);
	return rc;
}

/* The import while the desks work, its start and end into from and to. */
static enum hd_status import_timed(struct db *db, double *from, double *to, struct hd_err *err)
{
	struct hd_actor who = actor_command_line("bench");
	struct import_result res;
	enum hd_status rc;
	size_t len = 0;
	char *data = NULL;

	bench_orgs_csv(DESK_PREFIX, DESK_REGION, DESK_ROWS, &data, &len);
	*from = bench_ms();
	rc = import_csv(db, &who, IMPORT_ORGS, data, len, NULL, NULL, &res, err);
	*to = bench_ms();
	if (rc == HD_OK && res.added != DESK_ROWS)
		rc = hd_err_set(err, HD_FAIL, "", "desks: the import added %d of %d", res.added,
				DESK_ROWS);
	import_result_free(&res);
	free(data);
	return rc;
}

/* The desks' actions begun during the import, all together, and their
 * failures. */
static void desk_lines(const struct desks *all)
{
	double *t = xmalloc(sizeof(*t) * DESKS * DESK_MAX_ACTIONS);
	int i, j, n = 0, failures = 0;

	for (i = 0; i < DESKS; i++) {
		for (j = 0; j < all->log[i].n; j++)
			if (all->log[i].at[j] >= all->from && all->log[i].at[j] < all->to)
				t[n++] = all->log[i].ms[j];
		failures += all->log[i].failures;
		if (all->log[i].failures)
			fprintf(stderr, "hubdesk-bench: desk %d: %s\n", i + 1, all->log[i].why);
	}
	bench_print_ms("import_20000_with_desks", all->to - all->from);
	bench_print_ms("desk_wait_p95", bench_quantile(t, n, 0.95));
	bench_print_ms("desk_wait_p99", bench_quantile(t, n, 0.99));
	bench_print_ms("desk_wait_max", bench_quantile(t, n, 1.0));
	bench_print_count("desk_actions", n);
	bench_print_count("desk_failures", failures);
	free(t);
}

static enum hd_status desks_measure(struct db *db, struct hd_err *err)
{
	const char *path = db_file(db);
	struct desks *all;
	struct room *rooms = NULL;
	long long *orgs = NULL;
	pid_t pid[DESKS];
	enum hd_status rc;
	int i, started = 0;

	all = mmap(NULL, sizeof(*all), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (all == MAP_FAILED)
		return hd_err_set(err, HD_FAIL, "", "desks: no shared memory");
	memset(all, 0, sizeof(*all));
	rc = desk_parts(db, &rooms, &orgs, err);
	for (i = 0; rc == HD_OK && i < DESKS; i++, started++) {
		pid[i] = fork();
		if (pid[i] < 0) {
			rc = hd_err_set(err, HD_FAIL, "", "desks: cannot start a desk");
			break;
		}
		if (pid[i] == 0) {
			desk_run(path, i, &rooms[i], orgs[i], all);
			_exit(0);
		}
	}
	/* The desks settle into their pace before the import begins. */
	sqlite3_sleep(500);
	if (rc == HD_OK)
		rc = import_timed(db, &all->from, &all->to, err);
	atomic_store(&all->stop, 1);
	for (i = 0; i < started; i++)
		waitpid(pid[i], NULL, 0);
	if (rc == HD_OK)
		desk_lines(all);
	munmap(all, sizeof(*all));
	free(rooms);
	free(orgs);
	return rc;
}

enum hd_status bench_desk_measures(const char *path, struct hd_err *err)
{
	return bench_at_now(path, desks_measure, err);
}
