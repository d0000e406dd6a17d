/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_grid.c - the day grid of the rooms (what every 30-minute cell holds
 * as of now) and the free-room finder, on the demo data (rooms 1-8,
 * organisations 1-12, teams 1-12) with HUBDESK_NOW at Monday 2026-11-23
 * 09:00. Demo rooms: 1 capacity 80 buffer 30; 2 capacity 20; 3 capacity 12;
 * 4 capacity 30, 08:30-21:00, buffer 15; 5 capacity 40; 6 capacity 60,
 * 09:00-18:00; 7 capacity 6; 8 capacity 16, 08:00-17:00; the others open
 * 08:00 to closing.time (21:00). */
#include "bookingutil.h"

#include "core/grid.h"

/* The grid of date, which must be read. */
static void day(struct tdb *t, const char *date, struct grid *g)
{
	EXPECT(HD_OK, grid_day(t->db, clock_day_of(date), g, &err));
}

/* The row of room id in the grid (rows are by name, not by id). */
static int row(const struct grid *g, long long room_id)
{
	int r;

	for (r = 0; r < g->nrooms; r++)
		if (g->rooms[r].room.id == room_id)
			return r;
	fail_msg("room %lld is not in the grid", room_id);
	return -1;
}

/* The column starting at "HH:MM". */
static int col(const struct grid *g, const char *hm)
{
	int h = 0, m = 0, c;

	assert_int_equal(sscanf(hm, "%d:%d", &h, &m), 2);
	c = (h * 60 + m - g->first_min) / GRID_SLOT_MIN;
	assert_int_equal((h * 60 + m - g->first_min) % GRID_SLOT_MIN, 0);
	assert_true(c >= 0 && c < g->ncols);
	return c;
}

/* What the cell of room at "HH:MM" holds. */
static int cell(const struct grid *g, long long room, const char *hm)
{
	return grid_at(g, row(g, room), col(g, hm));
}

/* The id of the booking shown in the cell of room at "HH:MM", or -1. */
static long long shown(const struct grid *g, long long room, const char *hm)
{
	int i = grid_booking(g, row(g, room), col(g, hm));

	if (i < 0)
		return -1;
	assert_true(i < g->nbookings);
	return g->bookings[i].id;
}

/* Every in-hours cell of room from "HH:MM" (included) to "HH:MM"
 * (excluded) holds want. */
static void cells_are(const struct grid *g, long long room, const char *from, const char *to,
		      int want)
{
	int c, r = row(g, room), last = col(g, to);

	for (c = col(g, from); c < last; c++)
		if (grid_at(g, r, c) != want)
			fail_msg("room %lld column %d: cell %d, expected %d", room, c,
				 grid_at(g, r, c), want);
}

/* grid_free_rooms() from date from to date to for people, as a string of room ids, "3 8 2" (smallest first), into
 * ids; the status it gave. */
static enum hd_status free_rooms(struct tdb *t, const char *date, const char *from, const char *to,
				 int people, char *ids, size_t idsz)
{
	char start[40], end[40];
	struct room *rooms = NULL;
	enum hd_status rc;
	size_t used = 0;
	time_t a, b;
	int n = -1, i;

	snprintf(start, sizeof(start), "%s %s", date, from);
	snprintf(end, sizeof(end), "%s %s", date, to);
	EXPECT(HD_OK, clock_parse_local(start, "start", &a, &err));
	EXPECT(HD_OK, clock_parse_local(end, "end", &b, &err));
	*ids = '\0';
	rc = grid_free_rooms(t->db, a, b, people, &rooms, &n, &err);
	if (rc == HD_OK) {
		assert_true(n >= 0);
		for (i = 0; i < n; i++) {
			if (i > 0)
				assert_true(rooms[i - 1].capacity <= rooms[i].capacity);
			used += (size_t)snprintf(ids + used, idsz - used, "%s%lld", i ? " " : "",
						 rooms[i].id);
			assert_true(used < idsz);
		}
	} else {
		assert_int_equal(n, 0);
		assert_null(rooms);
	}
	free(rooms);
	return rc;
}

/* ---- grid_day ---- */

static void test_grid_has_every_room_in_half_hour_columns_from_the_earliest_opening(void **state)
{
	struct tdb *t = *state;
	struct grid g;

	day(t, NOV(24), &g);
	assert_string_equal(g.date, NOV(24));
	assert_string_equal(g.closed, "");
	assert_int_equal(g.nrooms, 8);
	assert_int_equal(g.first_min, 8 * 60);
	assert_int_equal(g.ncols, 26); /* 08:00 to 21:00 */
	assert_int_equal(g.rooms[row(&g, 2)].open_min, 8 * 60);
	assert_int_equal(g.rooms[row(&g, 2)].close_min, 21 * 60);
	assert_int_equal(g.rooms[row(&g, 6)].open_min, 9 * 60);
	assert_int_equal(g.rooms[row(&g, 6)].close_min, 18 * 60);
	assert_string_equal(g.rooms[row(&g, 2)].closed, "");
	grid_free(&g);
}

static void test_columns_follow_the_earliest_opening_and_closing_time(void **state)
{
	struct tdb *t = *state;
	struct room_draft early = { "晨练室", 2, REC_NUM(20), "07:30", "12:00", { 0 } };
	struct grid g;
	long long id;

	set(t, SET_CLOSING_TIME, "22:00");
	EXPECT(HD_OK, room_add(t->db, &t->who, &early, &id, &err));
	day(t, NOV(24), &g);
	assert_int_equal(g.nrooms, 9);
	assert_int_equal(g.first_min, 7 * 60 + 30);
	assert_int_equal(g.ncols, 29); /* 07:30 to 22:00 */
	assert_int_equal(cell(&g, id, "07:30"), GC_FREE);
	assert_int_equal(cell(&g, id, "11:30"), GC_FREE);
	assert_int_equal(cell(&g, id, "12:00"), GC_OUTSIDE);
	assert_int_equal(cell(&g, 2, "07:30"), GC_OUTSIDE);
	assert_int_equal(cell(&g, 2, "08:00"), GC_FREE);
	assert_int_equal(cell(&g, 2, "21:30"), GC_FREE); /* default rooms close at closing.time */
	assert_int_equal(cell(&g, 4, "21:00"), GC_OUTSIDE); /* room 4 keeps its own 21:00 */
	grid_free(&g);
}

static void test_cells_outside_a_rooms_hours_are_outside(void **state)
{
	struct tdb *t = *state;
	struct grid g;

	day(t, NOV(24), &g);
	assert_int_equal(cell(&g, 4, "08:00"), GC_OUTSIDE);
	assert_int_equal(cell(&g, 4, "08:30"), GC_FREE);
	assert_int_equal(cell(&g, 4, "20:30"), GC_FREE);
	cells_are(&g, 6, "08:00", "09:00", GC_OUTSIDE);
	cells_are(&g, 6, "09:00", "18:00", GC_FREE);
	cells_are(&g, 6, "18:00", "20:30", GC_OUTSIDE);
	assert_int_equal(cell(&g, 6, "20:30"), GC_OUTSIDE);
	assert_int_equal(cell(&g, 8, "16:30"), GC_FREE);
	assert_int_equal(cell(&g, 8, "17:00"), GC_OUTSIDE);
	assert_int_equal(cell(&g, 2, "08:00"), GC_FREE);
	assert_int_equal(cell(&g, 2, "20:30"), GC_FREE);
	assert_int_equal(shown(&g, 2, "10:00"), -1);
	grid_free(&g);
}

static void test_confirmed_booking_covers_exactly_its_columns(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long a, b;

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "11:30", &a, &err));
	EXPECT(HD_OK, book_org(t, "3", "2", NOV(24), "14:00", "14:30", &b, &err));
	day(t, NOV(24), &g);
	assert_int_equal(g.nbookings, 2);
	assert_int_equal(cell(&g, 2, "09:30"), GC_FREE);
	cells_are(&g, 2, "10:00", "11:30", GC_BOOKED);
	assert_int_equal(cell(&g, 2, "11:30"), GC_FREE);
	assert_int_equal(shown(&g, 2, "09:30"), -1);
	assert_int_equal(shown(&g, 2, "10:00"), a);
	assert_int_equal(shown(&g, 2, "11:00"), a);
	assert_int_equal(shown(&g, 2, "11:30"), -1);
	assert_int_equal(cell(&g, 3, "13:30"), GC_FREE);
	assert_int_equal(cell(&g, 3, "14:00"), GC_BOOKED);
	assert_int_equal(shown(&g, 3, "14:00"), b);
	assert_int_equal(cell(&g, 3, "14:30"), GC_FREE);
	/* the same hours of another room, and of another day, are free */
	assert_int_equal(cell(&g, 5, "10:00"), GC_FREE);
	grid_free(&g);
	day(t, NOV(25), &g);
	assert_int_equal(cell(&g, 2, "10:00"), GC_FREE);
	assert_int_equal(g.nbookings, 0);
	grid_free(&g);
}

static void test_touching_bookings_each_show_their_own(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long a, b;

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "11:00", &a, &err));
	EXPECT(HD_OK, book_org(t, "2", "2", NOV(24), "11:00", "12:00", &b, &err));
	day(t, NOV(24), &g);
	assert_int_equal(shown(&g, 2, "10:30"), a);
	assert_int_equal(shown(&g, 2, "11:00"), b);
	assert_int_equal(shown(&g, 2, "11:30"), b);
	assert_int_equal(cell(&g, 2, "12:00"), GC_FREE);
	grid_free(&g);
}

static void test_pending_team_booking_shows_pending(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	struct grid g;
	long long p, c;

	EXPECT(HD_OK, book_team(t, &desk, "2", "3", NOV(24), "10:00", "11:00", &p, &err));
	assert_int_equal(state_of(t, p), BK_PENDING);
	EXPECT(HD_OK, book_team(t, &t->who, "3", "1", NOV(24), "10:00", "11:00", &c, &err));
	day(t, NOV(24), &g);
	cells_are(&g, 2, "10:00", "11:00", GC_PENDING);
	assert_int_equal(shown(&g, 2, "10:30"), p);
	cells_are(&g, 3, "10:00", "11:00", GC_BOOKED);
	grid_free(&g);
}

static void test_pending_booking_that_lapsed_leaves_its_cells_free(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	struct grid g;
	long long p;

	EXPECT(HD_OK, book_team(t, &desk, "2", "3", NOV(23), "10:00", "11:00", &p, &err));
	at(NOV(23), "10:00");
	assert_int_equal(state_of(t, p), BK_LAPSED);
	day(t, NOV(23), &g);
	assert_int_equal(cell(&g, 2, "10:00"), GC_FREE);
	assert_int_equal(cell(&g, 2, "10:30"), GC_FREE);
	assert_int_equal(shown(&g, 2, "10:30"), -1);
	grid_free(&g);
}

static void test_checked_in_booking_shows_checked_in(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long id;
	bool already;
	time_t when;

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "11:00", &id, &err));
	at(NOV(23), "09:50");
	EXPECT(HD_OK, booking_checkin(t->db, &t->who, VIA_DIRECT, id, &already, &when, &err));
	day(t, NOV(23), &g);
	cells_are(&g, 2, "10:00", "11:00", GC_CHECKED_IN);
	assert_int_equal(shown(&g, 2, "10:00"), id);
	grid_free(&g);
	/* and still after its check-in window */
	at(NOV(23), "10:45");
	day(t, NOV(23), &g);
	cells_are(&g, 2, "10:00", "11:00", GC_CHECKED_IN);
	grid_free(&g);
}

static void test_noshow_reads_released_at_once(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long id;

	set(t, SET_BOOKING_CHECKIN_MINUTES, "15");
	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "11:00", &id, &err));
	at(NOV(23), "10:15");
	day(t, NOV(23), &g);
	cells_are(&g, 2, "10:00", "11:00", GC_BOOKED);
	grid_free(&g);
	at(NOV(23), "10:16");
	day(t, NOV(23), &g);
	cells_are(&g, 2, "10:00", "11:00", GC_RELEASED);
	assert_int_equal(shown(&g, 2, "10:30"), id);
	assert_int_equal(cell(&g, 2, "11:00"), GC_FREE);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM booking WHERE state = 'confirmed'"),
			 1);
	grid_free(&g);
}

static void test_new_booking_in_a_released_slot_shows_over_it(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long gone, next;

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(23), "10:00", "12:00", &gone, &err));
	at(NOV(23), "10:16");
	EXPECT(HD_OK, book_org(t, "2", "2", NOV(23), "10:30", "11:00", &next, &err));
	day(t, NOV(23), &g);
	assert_int_equal(cell(&g, 2, "10:00"), GC_RELEASED);
	assert_int_equal(shown(&g, 2, "10:00"), gone);
	assert_int_equal(cell(&g, 2, "10:30"), GC_BOOKED);
	assert_int_equal(shown(&g, 2, "10:30"), next);
	cells_are(&g, 2, "11:00", "12:00", GC_RELEASED);
	assert_int_equal(shown(&g, 2, "11:30"), gone);
	grid_free(&g);
}

static void test_cancelled_booking_leaves_its_cells_free(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long id;
	bool already;

	EXPECT(HD_OK, book_org(t, "2", "1", NOV(24), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, id, &already, &err));
	day(t, NOV(24), &g);
	cells_are(&g, 2, "10:00", "11:00", GC_FREE);
	assert_int_equal(shown(&g, 2, "10:00"), -1);
	grid_free(&g);
}

static void test_room_buffer_shows_after_a_booking(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long a, b, c;

	EXPECT(HD_OK, book_org(t, "1", "1", NOV(24), "10:00", "11:00", &a, &err)); /* buffer 30 */
	EXPECT(HD_OK, book_org(t, "4", "2", NOV(24), "10:00", "11:00", &b, &err)); /* buffer 15 */
	EXPECT(HD_OK, book_org(t, "2", "3", NOV(24), "10:00", "11:00", &c, &err)); /* no buffer */
	day(t, NOV(24), &g);
	assert_int_equal(cell(&g, 1, "09:30"), GC_FREE); /* no buffer before */
	cells_are(&g, 1, "10:00", "11:00", GC_BOOKED);
	assert_int_equal(cell(&g, 1, "11:00"), GC_BUFFER);
	assert_int_equal(cell(&g, 1, "11:30"), GC_FREE);
	assert_int_equal(cell(&g, 4, "11:00"), GC_BUFFER); /* 15 minutes hold the column */
	assert_int_equal(cell(&g, 4, "11:30"), GC_FREE);
	assert_int_equal(cell(&g, 2, "11:00"), GC_FREE);
	grid_free(&g);
}

static void test_booking_after_the_buffer_shows_booked(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long a, b;

	EXPECT(HD_OK, book_org(t, "1", "1", NOV(24), "10:00", "11:00", &a, &err));
	EXPECT(HD_OK, book_org(t, "1", "2", NOV(24), "11:30", "12:30", &b, &err));
	day(t, NOV(24), &g);
	assert_int_equal(cell(&g, 1, "11:00"), GC_BUFFER);
	assert_int_equal(cell(&g, 1, "11:30"), GC_BOOKED);
	assert_int_equal(shown(&g, 1, "11:30"), b);
	assert_int_equal(cell(&g, 1, "12:30"), GC_BUFFER);
	assert_int_equal(cell(&g, 1, "13:00"), GC_FREE);
	grid_free(&g);
}

static void test_buffer_of_the_last_booking_stays_inside_the_grid(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long a;

	EXPECT(HD_OK, book_org(t, "1", "1", NOV(24), "20:00", "21:00", &a, &err));
	day(t, NOV(24), &g);
	assert_int_equal(cell(&g, 1, "20:00"), GC_BOOKED);
	assert_int_equal(cell(&g, 1, "20:30"), GC_BOOKED);
	assert_int_equal(shown(&g, 1, "20:30"), a);
	grid_free(&g);
}

/* A buffer after a live booking is not bookable, whatever the cell held
 * before: a slot released by a no-show and then half booked again keeps its
 * buffer, as grid_free_rooms() and booking_add() say. */
static void test_buffer_after_a_booking_in_a_released_slot_is_not_shown_free(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long gone, next, id;
	char ids[64];
	int got;

	EXPECT(HD_OK, book_org(t, "1", "1", NOV(23), "10:00", "12:00", &gone, &err));
	at(NOV(23), "10:16");
	EXPECT(HD_OK, book_org(t, "1", "2", NOV(23), "10:30", "11:00", &next, &err));
	/* 11:00-11:30 is in room 1's buffer after booking next */
	EXPECT(HD_REFUSED, book_org(t, "1", "3", NOV(23), "11:00", "11:30", &id, &err));
	EXPECT(HD_OK, free_rooms(t, NOV(23), "11:00", "11:30", 61, ids, sizeof(ids)));
	assert_string_equal(ids, ""); /* room 1 is the only one for 61 */
	day(t, NOV(23), &g);
	assert_int_equal(cell(&g, 1, "10:30"), GC_BOOKED);
	assert_int_equal(cell(&g, 1, "11:30"), GC_RELEASED);
	got = cell(&g, 1, "11:00");
	grid_free(&g);
	assert_int_equal(got, GC_BUFFER);
}

static void test_free_cells_before_now_are_past(void **state)
{
	struct tdb *t = *state;
	struct grid g;

	day(t, NOV(23), &g); /* now: 09:00 */
	cells_are(&g, 2, "08:00", "09:00", GC_PAST);
	assert_int_equal(cell(&g, 2, "09:00"), GC_FREE);
	cells_are(&g, 2, "09:00", "20:30", GC_FREE);
	assert_int_equal(cell(&g, 4, "08:00"), GC_OUTSIDE); /* outside stays outside */
	assert_int_equal(cell(&g, 4, "08:30"), GC_PAST);
	grid_free(&g);
	at(NOV(23), "09:10");
	day(t, NOV(23), &g);
	assert_int_equal(cell(&g, 2, "09:00"), GC_PAST);
	assert_int_equal(cell(&g, 2, "09:30"), GC_FREE);
	grid_free(&g);
	day(t, "2026-11-22", &g);
	cells_are(&g, 2, "08:00", "20:30", GC_PAST);
	assert_int_equal(cell(&g, 2, "20:30"), GC_PAST);
	grid_free(&g);
	day(t, NOV(24), &g);
	cells_are(&g, 2, "08:00", "20:30", GC_FREE);
	grid_free(&g);
}

static void test_closed_weekday_closes_every_cell_in_hours(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	int r, c, cl;

	set(t, SET_CLOSED_WEEKDAYS, "2"); /* Tuesday */
	day(t, NOV(24), &g);
	assert_true(g.closed[0] != '\0');
	for (r = 0; r < g.nrooms; r++)
		for (c = 0; c < g.ncols; c++) {
			cl = grid_at(&g, r, c);
			if (cl != GC_CLOSED && cl != GC_OUTSIDE)
				fail_msg("room row %d column %d: cell %d on a closed day", r, c,
					 cl);
		}
	assert_int_equal(cell(&g, 2, "10:00"), GC_CLOSED);
	assert_int_equal(cell(&g, 6, "08:00"), GC_OUTSIDE);
	assert_int_equal(cell(&g, 6, "09:00"), GC_CLOSED);
	grid_free(&g);
	day(t, NOV(25), &g);
	assert_string_equal(g.closed, "");
	assert_int_equal(cell(&g, 2, "10:00"), GC_FREE);
	grid_free(&g);
}

static void test_centre_closure_closes_its_days(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long cid;

	EXPECT(HD_OK,
	       closure_add(t->db, &t->who, tday(NOV(25)), tday(NOV(26)), "设备检修", &cid, &err));
	day(t, NOV(25), &g);
	assert_non_null(strstr(g.closed, "设备检修"));
	cells_are(&g, 2, "08:00", "20:30", GC_CLOSED);
	assert_int_equal(cell(&g, 8, "17:00"), GC_OUTSIDE);
	grid_free(&g);
	day(t, NOV(26), &g);
	assert_true(g.closed[0] != '\0');
	assert_int_equal(cell(&g, 5, "15:00"), GC_CLOSED);
	grid_free(&g);
	day(t, NOV(24), &g);
	assert_string_equal(g.closed, "");
	assert_int_equal(cell(&g, 2, "10:00"), GC_FREE);
	grid_free(&g);
	day(t, NOV(27), &g);
	assert_string_equal(g.closed, "");
	grid_free(&g);
}

static void test_room_closure_closes_its_columns_of_that_room(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long cid;

	EXPECT(HD_OK, room_close(t->db, &t->who, 2, tat("2026-11-24 09:00"),
				 tat("2026-11-24 11:00"), "换地毯", &cid, &err));
	day(t, NOV(24), &g);
	assert_string_equal(g.closed, "");
	assert_int_equal(cell(&g, 2, "08:30"), GC_FREE);
	cells_are(&g, 2, "09:00", "11:00", GC_CLOSED);
	assert_int_equal(cell(&g, 2, "11:00"), GC_FREE);
	assert_int_equal(shown(&g, 2, "09:00"), -1);
	assert_non_null(strstr(g.rooms[row(&g, 2)].closed, "换地毯"));
	assert_string_equal(g.rooms[row(&g, 3)].closed, "");
	assert_int_equal(cell(&g, 3, "09:00"), GC_FREE);
	grid_free(&g);
	day(t, NOV(25), &g);
	assert_string_equal(g.rooms[row(&g, 2)].closed, "");
	assert_int_equal(cell(&g, 2, "09:00"), GC_FREE);
	grid_free(&g);
}

static void test_room_closure_over_midnight_closes_both_days(void **state)
{
	struct tdb *t = *state;
	struct grid g;
	long long cid;

	EXPECT(HD_OK, room_close(t->db, &t->who, 5, tat("2026-11-24 20:00"),
				 tat("2026-11-25 09:00"), "布展", &cid, &err));
	day(t, NOV(24), &g);
	assert_int_equal(cell(&g, 5, "19:30"), GC_FREE);
	cells_are(&g, 5, "20:00", "20:30", GC_CLOSED);
	assert_int_equal(cell(&g, 5, "20:30"), GC_CLOSED);
	assert_true(g.rooms[row(&g, 5)].closed[0] != '\0');
	grid_free(&g);
	day(t, NOV(25), &g);
	cells_are(&g, 5, "08:00", "09:00", GC_CLOSED);
	assert_int_equal(cell(&g, 5, "09:00"), GC_FREE);
	assert_true(g.rooms[row(&g, 5)].closed[0] != '\0');
	grid_free(&g);
}

static void test_day_outside_the_calendar_is_bad_input(void **state)
{
	struct tdb *t = *state;
	struct grid g;

	EXPECT(HD_BAD_INPUT, grid_day(t->db, CLOCK_NO_DAY, &g, &err));
	assert_string_equal(err.field, "Date");
	grid_free(&g);
	EXPECT(HD_BAD_INPUT, grid_day(t->db, clock_day_of("1899-12-31"), &g, &err));
	grid_free(&g);
	EXPECT(HD_BAD_INPUT, grid_day(t->db, clock_day_of("3000-01-01"), &g, &err));
	assert_null(g.rooms);
	assert_null(g.cells);
	grid_free(&g);
	EXPECT(HD_OK, grid_day(t->db, clock_day_of("2999-12-31"), &g, &err));
	assert_string_equal(g.date, "2999-12-31");
	grid_free(&g);
	EXPECT(HD_OK, grid_day(t->db, clock_day_of("1900-01-01"), &g, &err));
	assert_string_equal(g.date, "1900-01-01");
	grid_free(&g);
}

/* ---- grid_free_rooms ---- */

static void test_free_rooms_smallest_first_for_the_head_count(void **state)
{
	struct tdb *t = *state;
	char ids[64];

	EXPECT(HD_OK, free_rooms(t, NOV(24), "10:00", "11:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 2 4 5 6 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "10:00", "11:00", 1, ids, sizeof(ids)));
	assert_string_equal(ids, "7 3 8 2 4 5 6 1");
}

static void test_free_rooms_capacity_filter_is_inclusive(void **state)
{
	struct tdb *t = *state;
	char ids[64];

	EXPECT(HD_OK, free_rooms(t, NOV(24), "10:00", "11:00", 12, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 2 4 5 6 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "10:00", "11:00", 13, ids, sizeof(ids)));
	assert_string_equal(ids, "8 2 4 5 6 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "10:00", "11:00", 80, ids, sizeof(ids)));
	assert_string_equal(ids, "1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "10:00", "11:00", 81, ids, sizeof(ids)));
	assert_string_equal(ids, "");
}

static void test_free_rooms_overlapping_booking_excludes_touching_does_not(void **state)
{
	struct tdb *t = *state;
	char ids[64];
	long long id;

	EXPECT(HD_OK, book_org(t, "3", "1", NOV(24), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, free_rooms(t, NOV(24), "10:30", "11:30", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "8 2 4 5 6 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "09:00", "13:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "8 2 4 5 6 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "10:00", "10:30", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "8 2 4 5 6 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "11:00", "12:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 2 4 5 6 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "09:00", "10:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 2 4 5 6 1");
	/* another day is not in the way */
	EXPECT(HD_OK, free_rooms(t, NOV(25), "10:00", "11:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 2 4 5 6 1");
}

static void test_free_rooms_respect_the_rooms_buffer(void **state)
{
	struct tdb *t = *state;
	char ids[64];
	long long id;

	EXPECT(HD_OK, book_org(t, "1", "1", NOV(24), "10:00", "11:00", &id, &err)); /* buffer 30 */
	EXPECT(HD_OK, free_rooms(t, NOV(24), "11:00", "12:00", 61, ids, sizeof(ids)));
	assert_string_equal(ids, "");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "11:30", "12:30", 61, ids, sizeof(ids)));
	assert_string_equal(ids, "1");
	/* the buffer after the time asked for: ending 10:00 leaves no gap */
	EXPECT(HD_OK, free_rooms(t, NOV(24), "09:00", "10:00", 61, ids, sizeof(ids)));
	assert_string_equal(ids, "");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "08:30", "09:30", 61, ids, sizeof(ids)));
	assert_string_equal(ids, "1");
	/* room 4's 15 minutes */
	EXPECT(HD_OK, book_org(t, "4", "2", NOV(24), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, free_rooms(t, NOV(24), "11:00", "11:30", 25, ids, sizeof(ids)));
	assert_string_equal(ids, "5 6");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "11:30", "12:00", 25, ids, sizeof(ids)));
	assert_string_equal(ids, "4 5 6 1");
}

static void test_free_rooms_agree_with_booking_add(void **state)
{
	struct tdb *t = *state;
	char ids[64];
	long long id;

	EXPECT(HD_OK, book_org(t, "1", "1", NOV(24), "10:00", "11:00", &id, &err));
	EXPECT(HD_OK, free_rooms(t, NOV(24), "11:00", "11:30", 61, ids, sizeof(ids)));
	assert_string_equal(ids, "");
	EXPECT(HD_REFUSED, book_org(t, "1", "2", NOV(24), "11:00", "11:30", &id, &err));
	EXPECT(HD_OK, free_rooms(t, NOV(24), "11:30", "12:00", 61, ids, sizeof(ids)));
	assert_string_equal(ids, "1");
	EXPECT(HD_OK, book_org(t, "1", "2", NOV(24), "11:30", "12:00", &id, &err));
}

static void test_free_rooms_states_that_hold_a_room(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	char ids[64];
	long long pending, confirmed, cancelled, checked;
	bool already;
	time_t when;

	EXPECT(HD_OK, book_team(t, &desk, "3", "3", NOV(23), "12:00", "13:00", &pending, &err));
	EXPECT(HD_OK, book_org(t, "8", "1", NOV(23), "12:00", "13:00", &confirmed, &err));
	EXPECT(HD_OK, book_org(t, "2", "2", NOV(23), "12:00", "13:00", &cancelled, &err));
	EXPECT(HD_OK, booking_cancel(t->db, &t->who, VIA_DIRECT, cancelled, &already, &err));
	EXPECT(HD_OK, book_org(t, "5", "3", NOV(23), "10:00", "13:00", &checked, &err));
	at(NOV(23), "09:50");
	EXPECT(HD_OK, booking_checkin(t->db, &t->who, VIA_DIRECT, checked, &already, &when, &err));
	EXPECT(HD_OK, free_rooms(t, NOV(23), "12:00", "13:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "2 4 6 1"); /* 3 pending, 8 confirmed, 5 checked in */
	/* 12:16: booking 8 is a no-show, the pending one lapsed: both free again */
	at(NOV(23), "12:16");
	EXPECT(HD_OK, free_rooms(t, NOV(23), "12:30", "13:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 2 4 6 1");
}

static void test_free_rooms_room_closure_excludes(void **state)
{
	struct tdb *t = *state;
	char ids[64];
	long long cid;

	EXPECT(HD_OK, room_close(t->db, &t->who, 2, tat("2026-11-24 09:00"),
				 tat("2026-11-24 11:00"), "换地毯", &cid, &err));
	EXPECT(HD_OK, free_rooms(t, NOV(24), "10:00", "11:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 4 5 6 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "08:00", "09:30", 17, ids, sizeof(ids)));
	assert_string_equal(ids, "5 1"); /* 4 and 6 not open yet */
	EXPECT(HD_OK, free_rooms(t, NOV(24), "11:00", "12:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 2 4 5 6 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "08:00", "09:00", 17, ids, sizeof(ids)));
	assert_string_equal(ids, "2 5 1");
}

static void test_free_rooms_outside_a_rooms_hours_excludes(void **state)
{
	struct tdb *t = *state;
	char ids[64];

	EXPECT(HD_OK, free_rooms(t, NOV(24), "08:00", "09:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 2 5 1"); /* 4 opens 08:30, 6 09:00 */
	EXPECT(HD_OK, free_rooms(t, NOV(24), "08:30", "09:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 2 4 5 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "16:30", "17:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 2 4 5 6 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "16:30", "17:30", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 2 4 5 6 1"); /* 8 closes 17:00 */
	EXPECT(HD_OK, free_rooms(t, NOV(24), "17:30", "18:30", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 2 4 5 1"); /* 6 closes 18:00 */
	EXPECT(HD_OK, free_rooms(t, NOV(24), "20:30", "21:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 2 4 5 1");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "20:30", "21:30", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "");
	EXPECT(HD_OK, free_rooms(t, NOV(24), "07:30", "08:30", 1, ids, sizeof(ids)));
	assert_string_equal(ids, "");
}

static void test_free_rooms_on_a_closed_day_is_refused(void **state)
{
	struct tdb *t = *state;
	char ids[64];
	long long cid;

	set(t, SET_CLOSED_WEEKDAYS, "2");
	EXPECT(HD_REFUSED, free_rooms(t, NOV(24), "10:00", "11:00", 10, ids, sizeof(ids)));
	assert_true(err.msg[0] != '\0');
	EXPECT(HD_OK, free_rooms(t, NOV(25), "10:00", "11:00", 10, ids, sizeof(ids)));
	EXPECT(HD_OK,
	       closure_add(t->db, &t->who, tday(NOV(26)), tday(NOV(27)), "设备检修", &cid, &err));
	EXPECT(HD_REFUSED, free_rooms(t, NOV(26), "10:00", "11:00", 10, ids, sizeof(ids)));
	assert_non_null(strstr(err.msg, "设备检修"));
	EXPECT(HD_REFUSED, free_rooms(t, NOV(27), "10:00", "11:00", 10, ids, sizeof(ids)));
	EXPECT(HD_OK, free_rooms(t, NOV(28), "10:00", "11:00", 10, ids, sizeof(ids)));
	assert_string_equal(ids, "3 8 2 4 5 6 1");
}

static void test_free_rooms_end_not_after_start_is_bad_input(void **state)
{
	struct tdb *t = *state;
	struct room *rooms = NULL;
	char ids[64];
	int n = -1;

	EXPECT(HD_BAD_INPUT, free_rooms(t, NOV(24), "11:00", "10:00", 10, ids, sizeof(ids)));
	EXPECT(HD_BAD_INPUT, free_rooms(t, NOV(24), "10:00", "10:00", 10, ids, sizeof(ids)));
	EXPECT(HD_BAD_INPUT,
	       grid_free_rooms(t->db, clock_local_time(NOV(24), 20 * 60),
			       clock_local_time(NOV(25), 9 * 60), 5, &rooms, &n, &err));
	assert_null(rooms);
	assert_int_equal(n, 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, demo_setup, tdb_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_grid_has_every_room_in_half_hour_columns_from_the_earliest_opening),
		T(test_columns_follow_the_earliest_opening_and_closing_time),
		T(test_cells_outside_a_rooms_hours_are_outside),
		T(test_confirmed_booking_covers_exactly_its_columns),
		T(test_touching_bookings_each_show_their_own),
		T(test_pending_team_booking_shows_pending),
		T(test_pending_booking_that_lapsed_leaves_its_cells_free),
		T(test_checked_in_booking_shows_checked_in),
		T(test_noshow_reads_released_at_once),
		T(test_new_booking_in_a_released_slot_shows_over_it),
		T(test_cancelled_booking_leaves_its_cells_free),
		T(test_room_buffer_shows_after_a_booking),
		T(test_booking_after_the_buffer_shows_booked),
		T(test_buffer_of_the_last_booking_stays_inside_the_grid),
		T(test_buffer_after_a_booking_in_a_released_slot_is_not_shown_free),
		T(test_free_cells_before_now_are_past),
		T(test_closed_weekday_closes_every_cell_in_hours),
		T(test_centre_closure_closes_its_days),
		T(test_room_closure_closes_its_columns_of_that_room),
		T(test_room_closure_over_midnight_closes_both_days),
		T(test_day_outside_the_calendar_is_bad_input),
		T(test_free_rooms_smallest_first_for_the_head_count),
		T(test_free_rooms_capacity_filter_is_inclusive),
		T(test_free_rooms_overlapping_booking_excludes_touching_does_not),
		T(test_free_rooms_respect_the_rooms_buffer),
		T(test_free_rooms_agree_with_booking_add),
		T(test_free_rooms_states_that_hold_a_room),
		T(test_free_rooms_room_closure_excludes),
		T(test_free_rooms_outside_a_rooms_hours_excludes),
		T(test_free_rooms_on_a_closed_day_is_refused),
		T(test_free_rooms_end_not_after_start_is_bad_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
