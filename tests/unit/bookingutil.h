/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bookingutil.h - what the booking unit tests share: the demo data (rooms
 * 1-8, organisations 1-12, teams 1-12) with HUBDESK_NOW at Monday
 * 2026-11-23 09:00, and booking by a few words. */
#ifndef HD_BOOKINGUTIL_H
#define HD_BOOKINGUTIL_H

#include "testutil.h"

#include "core/booking.h"
#include "core/clock.h"
#include "core/closure.h"
#include "core/room.h"
#include "core/settings.h"

/* A day of November 2026: NOV(23) is Monday 2026-11-23. */
#define NOV(d) "2026-11-" #d

/* Checks a status and, when it is not the expected one, says which line and
 * the message the core gave. */
#define EXPECT(want, call) expect_rc((call), (want), &err, __FILE__, __LINE__)

/* The error of the last call (each test runs on its own). */
static struct hd_err err __attribute__((unused));

static inline void expect_rc(enum hd_status got, enum hd_status want, const struct hd_err *e,
			     const char *file, int line)
{
	if (got == want)
		return;
	print_error("line %d: status %d, expected %d: %s\n", line, (int)got, (int)want,
		    got == HD_OK ? "(ok)" : e->msg);
	_fail(file, line);
}

static inline int demo_setup(void **state)
{
	struct tdb *t;

	if (tdb_setup(state) != 0)
		return -1;
	t = *state;
	return setup_demo(t->db, &t->who, &err) == HD_OK ? 0 : -1;
}

/* Moves domain time to local day and "HH:MM". */
static inline void at(const char *day, const char *hm)
{
	char iso[40];

	snprintf(iso, sizeof(iso), "%sT%s:00+08:00", day, hm);
	setenv("HUBDESK_NOW", iso, 1);
}

static inline void set(struct tdb *t, enum setting s, const char *value)
{
	EXPECT(HD_OK, settings_set(t->db, &t->who, s, value, &err));
}

static inline enum hd_status book(struct tdb *t, const struct hd_actor *who, const char *room,
				  const char *org, const char *team, const char *day,
				  const char *from, const char *to, const char *attendees,
				  long long *id, struct hd_err *e)
{
	char start[40], end[40];
	struct booking_draft d = { .start = start, .end = end, .purpose = "活动" };
	const struct record_field *f = BOOKING_RECORD.fields;

	snprintf(start, sizeof(start), "%s %s", day, from);
	snprintf(end, sizeof(end), "%s %s", day, to);
	*id = 0;
	/* Text read as the command line reads it. */
	if (record_parse(&f[BOOKING_F_room], room, &d, e) != HD_OK ||
	    record_parse(&f[BOOKING_F_attendees], attendees, &d, e) != HD_OK ||
	    booking_booker_read(org, team, &d.booker, e) != HD_OK)
		return HD_BAD_INPUT;
	return booking_add(t->db, who, VIA_DIRECT, &d, id, e);
}

/* Organisation org books room on day from..to for 5 people, by the command
 * line. */
static inline enum hd_status book_org(struct tdb *t, const char *room, const char *org,
				      const char *day, const char *from, const char *to,
				      long long *id, struct hd_err *e)
{
	return book(t, &t->who, room, org, NULL, day, from, to, "5", id, e);
}

/* Team team books room on day from..to for 5 people, by who. */
static inline enum hd_status book_team(struct tdb *t, const struct hd_actor *who, const char *room,
				       const char *team, const char *day, const char *from,
				       const char *to, long long *id, struct hd_err *e)
{
	return book(t, who, room, NULL, team, day, from, to, "5", id, e);
}

/* Organisation 1 books room 3 (capacity 12) on Tuesday 10:00-11:00 for
 * attendees. */
static inline enum hd_status book_people(struct tdb *t, const char *attendees, long long *id,
					 struct hd_err *e)
{
	return book(t, &t->who, "3", "1", NULL, NOV(24), "10:00", "11:00", attendees, id, e);
}

static inline enum booking_state state_of(struct tdb *t, long long id)
{
	struct booking b;

	EXPECT(HD_OK, booking_get(t->db, id, &b, &err));
	return b.state;
}

static inline long long count_bookings(struct tdb *t)
{
	return tdb_int(t->db, "SELECT count(*) FROM booking");
}

#endif
