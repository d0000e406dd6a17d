/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen_bookings.h - inside the booking generator (gen_bookings.c plans the
 * bookings, gen_bookings_write.c writes them): one planned booking, and the
 * writer. */
#ifndef HD_BENCH_GEN_BOOKINGS_H
#define HD_BENCH_GEN_BOOKINGS_H

#include <time.h>

#include "core/db.h"
#include "core/status.h"

/* A booking as the core would have stored it; state is an enum
 * booking_state. */
struct gbooking {
	time_t start, end, hold_end, created;
	time_t changed; /* checked in, cancelled, rejected, released or lapsed; 0 none */
	long long id, room_id, org_id, team_id; /* org_id or team_id 0 */
	int series;                             /* index of the series' first booking, -1 none */
	int attendees;
	const char *purpose; /* static text */
	unsigned char state, late, exception;
};

/* Gives b[0..n) ids after the largest in the table, in the order they were
 * made, and inserts them with their audit entries (made, checked in,
 * cancelled, rejected) in the caller's transaction. */
enum hd_status gen_bookings_write(struct db *db, struct gbooking *b, int n, struct hd_err *err);

#endif
