/* SPDX-License-Identifier: GPL-3.0-or-later */
/* run_bookings.c - the booking measures of `hubdesk-bench run`, at the "now"
 * of the generated data (HUBDESK_NOW) and on the scratch copy run.sh makes,
 * with the targets of the venue-booking feature:
 *
 *   grid_day            grid_day() of today, 50 rooms                < 2 ms
 *   free_room           grid_free_rooms() for a time and a head count < 5 ms
 *   booking_add_durable booking_add(), every rule and a durable commit,
 *                       as a ratio to the bare fdatasync            <= 2x
 *   noshow_release_day  booking_release_due() releasing a day of no-shows
 *                                                                 < 20 ms
 *   grid_day_500_rooms  grid_day() with 450 rooms more               < 5 ms
 *
 * The last two change the data, so they come last. */
#include "bench/bench.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/actor.h"
#include "core/booking.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/grid.h"
#include "core/room.h"
#include "core/xalloc.h"

#define GRID_RUNS 200    /* runs of the grid measures */
#define FREE_QUERIES 200 /* queries of the free-room measure */
#define ADD_REPS 41      /* bookings added (a disk flush each) */
#define ADD_TRIES 2000   /* slots tried for them at most */
#define AHEAD_DAYS 13    /* bookings are added and looked for this many days ahead */
#define NOSHOW_DAYS 11   /* past days whose bookings are made no-shows */
#define BIG_ROOMS 500
#define MEASURE_SEED 0x67726964ull /* "grid" */

/* The local date days after today. */
static void day_after(int days, char *out, size_t outsz)
{
	char today[DATE_LEN];

	clock_local_date(bench_visits_now(), today, sizeof(today));
	clock_local_date(clock_local_time(today, days * 24 * 60 + 12 * 60), out, outsz);
}

/* grid_day of today GRID_RUNS times: the median as name, the 95th
 * percentile as name_p95, and the bookings the grid shows. */
static enum hd_status measure_grid(struct db *db, const char *name, int rooms, struct hd_err *err)
{
	double *t = xmalloc(sizeof(*t) * GRID_RUNS), t0;
	char date[DATE_LEN], label[80];
	enum hd_status rc = HD_OK;
	struct grid g;
	int i, shown = 0;

	day_after(0, date, sizeof(date));
	for (i = 0; i < GRID_RUNS; i++) {
		t0 = bench_ms();
		rc = grid_day(db, clock_day_of(date), &g, err);
		t[i] = bench_ms() - t0;
		if (rc != HD_OK)
			goto done;
		shown = g.nbookings;
		if (g.nrooms != rooms)
			rc = hd_err_set(err, HD_FAIL, "", "%s: %d rooms, not %d", name, g.nrooms,
					rooms);
		grid_free(&g);
		if (rc != HD_OK)
			goto done;
	}
	bench_print_ms(name, bench_median(t, GRID_RUNS));
	snprintf(label, sizeof(label), "%s_p95", name);
	bench_print_ms(label, bench_quantile(t, GRID_RUNS, 0.95));
	snprintf(label, sizeof(label), "%s_bookings", name);
	bench_print_count(label, shown);
done:
	free(t);
	return rc;
}

/* grid_free_rooms for FREE_QUERIES times of today and the days ahead,
 * afternoons and evenings mostly, for 4 to 50 people. */
static enum hd_status measure_free_rooms(struct db *db, struct bench_rng *r, struct hd_err *err)
{
	static const int PEOPLE[] = { 4, 8, 12, 20, 30, 50 };
	double *t = xmalloc(sizeof(*t) * FREE_QUERIES);
	double *found = xmalloc(sizeof(*found) * FREE_QUERIES);
	time_t start, end;
	enum hd_status rc = HD_OK;
	struct room *rooms;
	double t0;
	int i, from, len, n;
	long day;

	for (i = 0; i < FREE_QUERIES; i++) {
		day = clock_day_at(bench_visits_now()) + (long)bench_rng_below(r, AHEAD_DAYS + 1);
		from = 11 * 60 + 30 * (int)bench_rng_below(r, 15);
		len = 60 * bench_rng_range(r, 1, 3);
		start = clock_day_time(day, from);
		end = clock_day_time(day, from + len);
		t0 = bench_ms();
		rc = grid_free_rooms(db, start, end, PEOPLE[bench_rng_below(r, 6)], &rooms, &n,
				     err);
		t[i] = bench_ms() - t0;
		if (rc != HD_OK)
			goto done;
		found[i] = n;
		free(rooms);
	}
	bench_print_ms("free_room", bench_median(t, FREE_QUERIES));
	bench_print_ms("free_room_p95", bench_quantile(t, FREE_QUERIES, 0.95));
	bench_print_count("free_room_rooms", bench_median(found, FREE_QUERIES));
done:
	free(t);
	free(found);
	return rc;
}

/* Whether room is free (with its buffer) from..to, by a query of our own
 * that reads only the bookings of that day. */
static enum hd_status slot_free(struct db *db, const struct room *room, time_t from, time_t to,
				int *free_slot, struct hd_err *err)
{
	const long long args[] = { room->id, (long long)from,
				   (long long)to + room->buffer_min * 60 };
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;

	rc = db_prepare_with(db,
			     "SELECT 1 FROM booking WHERE room_id = $1 AND start > $2 - 86400"
			     " AND start < $3 AND $2 < hold_end"
			     " AND state IN ('pending', 'confirmed', 'checked_in') LIMIT 1",
			     args, 3, &st, err);
	if (rc != HD_OK)
		return rc;
	step = db_step(st);
	*free_slot = step == DB_DONE;
	if (step != DB_DONE && step != DB_ROW)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

/* A booker that books: an organisation or a team with bookings. */
struct bookers {
	long long *orgs, *teams;
	int norgs, nteams;
};

/* One booking_add of a free slot of the days ahead, timed into *ms; *done
 * 0 when the slot was taken or a rule refused it (then it is not timed). */
static enum hd_status try_add(struct db *db, struct bench_rng *r, const struct room *rooms,
			      int nrooms, const struct bookers *by, double *ms, int *done,
			      struct hd_err *err)
{
	struct hd_actor who = actor_command_line("bench");
	const struct room *room = &rooms[bench_rng_below(r, (unsigned)nrooms)];
	char date[DATE_LEN], start[32], end[32];
	int open, close, from, len = 60 * bench_rng_range(r, 1, 2), slots, free_slot;
	bool team = bench_rng_below(r, 2) == 0;
	struct booking_draft d;
	enum hd_status rc;
	long long id;
	double t0;

	*done = 0;
	room_hours(db, room, &open, &close);
	slots = (close - open - len) / 30 + 1;
	if (slots <= 0)
		return HD_OK;
	day_after(1 + (int)bench_rng_below(r, AHEAD_DAYS), date, sizeof(date));
	from = open + 30 * (int)bench_rng_below(r, (unsigned)slots);
	rc = slot_free(db, room, clock_local_time(date, from), clock_local_time(date, from + len),
		       &free_slot, err);
	if (rc != HD_OK || !free_slot)
		return rc;
	snprintf(start, sizeof(start), "%s %02d:%02d", date, from / 60, from % 60);
	snprintf(end, sizeof(end), "%s %02d:%02d", date, (from + len) / 60, (from + len) % 60);
	d = (struct booking_draft){ .room = room->id,
				    .start = start,
				    .end = end,
				    .attendees = REC_NUM(room->capacity > 2 ? room->capacity / 2
									    : 1),
				    .purpose = "测速会议" };
	d.booker = team ? (struct booker){ BOOKER_TEAM,
					   by->teams[bench_rng_below(r, (unsigned)by->nteams)] }
			: (struct booker){ BOOKER_ORG,
					   by->orgs[bench_rng_below(r, (unsigned)by->norgs)] };
	t0 = bench_ms();
	rc = booking_add(db, &who, VIA_DIRECT, &d, &id, err);
	*ms = bench_ms() - t0;
	if (rc == HD_OK)
		*done = 1;
	return rc == HD_REFUSED ? HD_OK : rc;
}

/* ADD_REPS durable booking_add of free slots by organisations and teams
 * that book (a quota or suspension refusal tries another); the median, and
 * its ratio to the bare fdatasync. */
static enum hd_status measure_add(struct db *db, const char *prefix, struct bench_rng *r,
				  double fsync_ms, struct hd_err *err)
{
	struct bookers by = { NULL, NULL, 0, 0 };
	struct room *rooms = NULL;
	double t[ADD_REPS], median;
	char label[80];
	enum hd_status rc;
	int nrooms = 0, n = 0, tries, done;

	rc = room_list(db, &rooms, &nrooms, err);
	if (rc == HD_OK)
		rc = bench_read_ids(db,
				    "SELECT id FROM org WHERE out_date IS NULL"
				    " AND id IN (SELECT org_id FROM booking) ORDER BY id",
				    &by.orgs, &by.norgs, err);
	if (rc == HD_OK)
		rc = bench_read_ids(db,
				    "SELECT id FROM team WHERE state IN (3, 4)"
				    " AND id IN (SELECT team_id FROM booking) ORDER BY id",
				    &by.teams, &by.nteams, err);
	if (rc == HD_OK && (nrooms == 0 || by.norgs == 0 || by.nteams == 0))
		rc = hd_err_set(err, HD_FAIL, "", "booking_add: no rooms or no bookers");
	/* A warm-up of as many bookings, unmeasured, then the WAL settled. */
	for (tries = 0; rc == HD_OK && n < ADD_REPS && tries < ADD_TRIES; tries++) {
		rc = try_add(db, r, rooms, nrooms, &by, &t[n], &done, err);
		n += done;
	}
	bench_settle_wal(db);
	for (n = 0, tries = 0; rc == HD_OK && n < ADD_REPS && tries < ADD_TRIES; tries++) {
		rc = try_add(db, r, rooms, nrooms, &by, &t[n], &done, err);
		n += done;
	}
	if (rc == HD_OK && n < ADD_REPS)
		rc = hd_err_set(err, HD_FAIL, "", "booking_add: %d of %d slots booked", n,
				ADD_REPS);
	if (rc == HD_OK) {
		median = bench_median(t, n);
		snprintf(label, sizeof(label), "%sbooking_add_durable", prefix);
		bench_print_ms(label, median);
		printf("%sbooking_add_vs_fdatasync: %.2f ratio\n", prefix,
		       fsync_ms > 0 ? median / fsync_ms : 0);
		fflush(stdout);
	}
	free(rooms);
	free(by.orgs);
	free(by.teams);
	return rc;
}

/* Turns the bookings of one past day back into confirmed ones nobody came
 * to (the check-ins and no-shows undone), in one transaction. */
static enum hd_status unsettle_day(struct db *db, time_t day0, time_t day1, struct hd_err *err)
{
	enum hd_status rc = db_begin(db, err);

	if (rc != HD_OK)
		return rc;
	rc = db_exec(db,
		     "UPDATE booking SET state = 'confirmed', noshow = 0, checkin_at = NULL,"
		     " updated = created WHERE start >= ?1 AND start < ?2"
		     " AND state IN ('checked_in', 'released')",
		     (long long)day0, (long long)day1, 0, err);
	return db_finish(db, rc, err);
}

/* booking_release_due at the end of NOSHOW_DAYS past days (the same
 * weekday as today, one to NOSHOW_DAYS weeks back), each day's bookings
 * made confirmed first: a day of no-shows released at once. */
static enum hd_status measure_noshow(struct db *db, struct hd_err *err)
{
	double t[NOSHOW_DAYS], released[NOSHOW_DAYS], t0;
	char date[DATE_LEN];
	enum hd_status rc = HD_OK;
	time_t day0;
	int k, n;

	for (k = 0; rc == HD_OK && k < NOSHOW_DAYS; k++) {
		day_after(-7 * (k + 1), date, sizeof(date));
		day0 = clock_local_time(date, 0);
		rc = unsettle_day(db, day0, clock_local_time(date, 24 * 60), err);
		if (rc != HD_OK)
			break;
		bench_set_now(clock_local_time(date, 23 * 60 + 30));
		t0 = bench_ms();
		rc = booking_release_due(db, &n, err);
		t[k] = bench_ms() - t0;
		released[k] = n;
		if (rc == HD_OK && n == 0)
			rc = hd_err_set(err, HD_FAIL, "",
					"noshow_release_day: nothing released on %s", date);
	}
	bench_set_now(bench_visits_now());
	if (rc != HD_OK)
		return rc;
	bench_print_ms("noshow_release_day", bench_median(t, NOSHOW_DAYS));
	bench_print_count("noshow_release_day_bookings", bench_median(released, NOSHOW_DAYS));
	return HD_OK;
}

/* BIG_ROOMS rooms (the new ones with a day of bookings, today), then the
 * grid of today. */
static enum hd_status measure_big_grid(struct db *db, const char *prefix, struct hd_err *err)
{
	struct hd_actor who = actor_command_line("bench");
	unsigned long long added = 0;
	long long last_room = 0;
	enum hd_status rc;
	char name[80];

	rc = db_int_of(db, "SELECT coalesce(max(id), 0) FROM room", &last_room, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = bench_rooms_fill(db, &who, BIG_ROOMS, err);
	if (rc == HD_OK)
		rc = bench_bookings_fill(db, MEASURE_SEED, last_room, 0, 0, &added, err);
	rc = db_finish(db, rc, err);
	if (rc != HD_OK)
		return rc;
	snprintf(name, sizeof(name), "%sgrid_day_500_rooms", prefix);
	return measure_grid(db, name, BIG_ROOMS, err);
}

enum hd_status bench_booking_measures(const char *path, double fsync_ms, struct hd_err *err)
{
	char *saved = bench_save_now();
	long long bookings = 0, rooms = 0;
	struct bench_rng r;
	struct db *db = NULL;
	enum hd_status rc;

	bench_rng_seed(&r, MEASURE_SEED);
	bench_set_now(bench_visits_now());
	rc = db_open(path, DB_EXISTING, &db, err);
	if (rc == HD_OK)
		rc = db_int_of(db, "SELECT count(*) FROM booking", &bookings, err);
	if (rc == HD_OK)
		rc = db_int_of(db, "SELECT count(*) FROM room", &rooms, err);
	if (rc != HD_OK || bookings == 0)
		goto done;
	bench_print_count("bookings", (double)bookings);
	bench_print_count("rooms", (double)rooms);
	rc = measure_grid(db, "grid_day", (int)rooms, err);
	if (rc == HD_OK)
		rc = measure_free_rooms(db, &r, err);
	if (rc == HD_OK)
		rc = measure_add(db, "", &r, fsync_ms, err);
	if (rc == HD_OK)
		rc = measure_noshow(db, err);
	if (rc == HD_OK)
		rc = measure_big_grid(db, "", err);
done:
	db_close(db);
	bench_restore_now(saved);
	return rc;
}

enum hd_status bench_booking_server_measures(struct db *db, const char *prefix, double fsync_ms,
					     struct hd_err *err)
{
	char *saved = bench_save_now(), name[80];
	long long rooms = 0;
	struct bench_rng r;
	enum hd_status rc;

	bench_rng_seed(&r, MEASURE_SEED);
	bench_set_now(bench_visits_now());
	rc = db_int_of(db, "SELECT count(*) FROM room", &rooms, err);
	snprintf(name, sizeof(name), "%sgrid_day", prefix);
	if (rc == HD_OK)
		rc = measure_grid(db, name, (int)rooms, err);
	if (rc == HD_OK)
		rc = measure_add(db, prefix, &r, fsync_ms, err);
	if (rc == HD_OK)
		rc = measure_big_grid(db, prefix, err);
	bench_restore_now(saved);
	return rc;
}

enum hd_status bench_grid_measure(struct db *db, const char *name, struct hd_err *err)
{
	char *saved = bench_save_now();
	long long rooms = 0;
	enum hd_status rc;

	bench_set_now(bench_visits_now());
	rc = db_int_of(db, "SELECT count(*) FROM room", &rooms, err);
	if (rc == HD_OK)
		rc = measure_grid(db, name, (int)rooms, err);
	bench_restore_now(saved);
	return rc;
}
