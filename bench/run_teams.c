/* SPDX-License-Identifier: GPL-3.0-or-later */
/* run_teams.c - the register's measures over 20,000 teams and
 * organisations: the clean-out list of the roll (target under 20 ms) and
 * opening a team's page (its record, history, recent bookings and code;
 * target under 5 ms). */
#include "bench/bench.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/team.h"
#include "core/token.h"
#include "core/xalloc.h"

#define ROLL_RUNS 21
#define PAGE_RUNS 201
#define PAGE_BOOKINGS 6
#define MEASURE_SEED 0x7465616dull /* "team" */

static enum hd_status measure_roll(struct db *db, struct hd_err *err)
{
	struct team_brief *all = NULL;
	double t[ROLL_RUNS], t0;
	enum hd_status rc = HD_OK;
	int i, n = 0;

	for (i = 0; rc == HD_OK && i < ROLL_RUNS; i++) {
		t0 = bench_ms();
		rc = team_roll(db, &all, &n, err);
		t[i] = bench_ms() - t0;
		free(all);
		all = NULL;
	}
	if (rc != HD_OK)
		return rc;
	bench_print_count("team_roll_teams", n);
	bench_print_ms("team_roll", bench_median(t, ROLL_RUNS));
	bench_print_ms("team_roll_p95", bench_quantile(t, ROLL_RUNS, 0.95));
	return HD_OK;
}

/* What the team's page reads. */
static enum hd_status open_page(struct db *db, long long id, struct team *team, struct hd_err *err)
{
	struct team_step *steps = NULL;
	struct booking *bookings = NULL;
	char token[TOKEN_MAX];
	enum hd_status rc;
	int nsteps = 0, nbookings = 0;

	rc = team_get(db, id, team, err);
	if (rc == HD_OK)
		rc = team_history(db, id, &steps, &nsteps, err);
	if (rc == HD_OK)
		rc = booking_of_booker(db, (struct booker){ BOOKER_TEAM, id },
				       clock_now() - 90 * 86400, PAGE_BOOKINGS, &bookings,
				       &nbookings, err);
	if (rc == HD_OK)
		rc = token_make(db, TOKEN_TEAM, id, token, sizeof(token), err);
	free(steps);
	free(bookings);
	return rc;
}

static enum hd_status measure_page(struct db *db, struct hd_err *err)
{
	struct team *team = xmalloc(sizeof(*team));
	double *t = xmalloc(sizeof(*t) * PAGE_RUNS), t0;
	struct bench_rng r;
	long long *ids = NULL;
	enum hd_status rc;
	int nids = 0, i;

	bench_rng_seed(&r, MEASURE_SEED);
	rc = bench_read_ids(db, "SELECT id FROM team ORDER BY id", &ids, &nids, err);
	for (i = 0; rc == HD_OK && nids > 0 && i < PAGE_RUNS; i++) {
		t0 = bench_ms();
		rc = open_page(db, ids[bench_rng_below(&r, (unsigned)nids)], team, err);
		t[i] = bench_ms() - t0;
	}
	if (rc == HD_OK && nids > 0) {
		bench_print_ms("team_page", bench_median(t, PAGE_RUNS));
		bench_print_ms("team_page_p95", bench_quantile(t, PAGE_RUNS, 0.95));
	}
	free(ids);
	free(team);
	free(t);
	return rc;
}

enum hd_status bench_team_measures(const char *path, struct hd_err *err)
{
	struct db *db = NULL;
	enum hd_status rc;

	bench_set_now(bench_visits_now());
	rc = db_open(path, DB_EXISTING, &db, err);
	if (rc == HD_OK)
		rc = measure_roll(db, err);
	if (rc == HD_OK)
		rc = measure_page(db, err);
	db_close(db);
	return rc;
}
