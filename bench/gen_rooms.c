/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen_rooms.c - more rooms for the generated centre: after the named rooms
 * of gen.c, rooms on upper floors ("5楼会议室03") of every kind, with
 * varied capacities, opening hours and buffers, added through room_add
 * until the database holds as many as asked (50 for `gen`, 500 for the
 * large grid of run_bookings.c). The same count always gives the same
 * rooms. */
#include "bench/bench.h"

#include <stdio.h>

#include "core/db.h"
#include "core/room.h"

#define ROOMS_PER_FLOOR 10
#define FIRST_FLOOR 5
#define ROOM_SEED 0x726F6F6D73ull /* "rooms" */

/* What a kind of room holds. */
static const struct room_plan {
	const char *kind;
	int number; /* its LIST_ROOM_KIND number */
	int cap_lo, cap_hi;
} PLANS[] = {
	{ "会议室", 1, 8, 30 },     { "活动室", 2, 15, 40 }, { "培训室", 4, 20, 60 },
	{ "洽谈室", 6, 4, 8 },      { "会议室", 1, 10, 20 }, { "活动室", 2, 20, 50 },
	{ "多功能厅", 3, 60, 150 }, { "其他", 7, 6, 24 },
};

/* Opening hours and buffers, the defaults (NULL) most often. */
static const char *const OPENS[] = { NULL, NULL, NULL, "08:30", "09:00" };
static const char *const CLOSES[] = { NULL, NULL, "17:00", "18:00", "20:00" };
static const struct rec_num BUFFERS[] = { { 0 }, { 0 }, { 0 }, { 15, true }, { 30, true } };

#define COUNT(a) ((unsigned)(sizeof(a) / sizeof((a)[0])))

/* Room number i of the upper floors (0, 1, ...). */
static enum hd_status add_room(struct db *db, const struct hd_actor *who, int i, struct hd_err *err)
{
	const struct room_plan *p = &PLANS[(unsigned)i % COUNT(PLANS)];
	char name[NAME_BYTES];
	struct room_draft d;
	struct bench_rng r;
	long long id;

	bench_rng_seed(&r, ROOM_SEED + (uint64_t)i);
	snprintf(name, sizeof(name), "%d楼%s%02d", FIRST_FLOOR + i / ROOMS_PER_FLOOR, p->kind,
		 i % ROOMS_PER_FLOOR + 1);
	d = (struct room_draft){ name,
				 p->number,
				 REC_NUM(bench_rng_range(&r, p->cap_lo, p->cap_hi)),
				 OPENS[bench_rng_below(&r, COUNT(OPENS))],
				 CLOSES[bench_rng_below(&r, COUNT(CLOSES))],
				 BUFFERS[bench_rng_below(&r, COUNT(BUFFERS))] };
	return room_add(db, who, &d, &id, err);
}

enum hd_status bench_rooms_fill(struct db *db, const struct hd_actor *who, int total,
				struct hd_err *err)
{
	enum hd_status rc;
	long long have;
	int upper, i;

	rc = db_int_of(db, "SELECT count(*) FROM room", &have, err);
	if (rc != HD_OK)
		return rc;
	/* Upper-floor rooms added before (by an earlier call) keep their numbers. */
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	upper = have > BENCH_NAMED_ROOMS ? (int)have - BENCH_NAMED_ROOMS : 0;
	for (i = upper; rc == HD_OK && have + (i - upper) < total; i++)
		rc = add_room(db, who, i, err);
	return db_finish(db, rc, err);
}
