/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen_bookings.c - the bookings of a generated register: five years of them
 * up to some weeks past "now", a few a day in every room, by the centre's
 * regular organisations and filed teams. Each room has a layout of slots
 * per weekday, kept for blocks of SERIES_WEEKS weeks: some slots are a
 * weekly series of one booker, the others are booked most weeks by
 * someone. A booking exists once it was made (at most LEAD_DAYS ahead, a
 * series at its first date), and its state is what time and people made of
 * it as of "now": checked in, cancelled, released as a no-show, rejected
 * or lapsed in the past; checked in or waiting around now; confirmed,
 * pending or cancelled ahead. The weekly quota holds for every booker.
 *
 * The rows go straight into booking and audit with prepared statements,
 * with the values the core writes. Ids follow the order bookings were made;
 * rows are inserted latest first, so that the no-overlap trigger, which
 * reads a room's bookings that start before the new one ends, finds none
 * to read. */
#include "bench/bench.h"
#include "bench/gen_bookings.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/room.h"
#include "core/settings.h"
#include "core/xalloc.h"

#define DAY 86400
#define BOOKING_SEED 0x626F6F6B696E6773ull /* "bookings": apart from names and visits */
#define SERIES_WEEKS 12                    /* booking.series_weeks' default */
#define LEAD_DAYS 14                       /* booking.days_ahead's default */
#define QUOTA_MIN (8 * 60)                 /* booking.quota_hours_week's default */
#define WINDOW (15 * 60)                   /* booking.checkin_minutes' default, seconds */
#define LATE (2 * 3600)                    /* booking.cancel_late_hours' default */
#define POOL_ORGS 500                      /* organisations that book */
#define POOL_TEAMS 700                     /* teams that book */
#define PER_DAY 4.2                        /* slots of a room's weekday layout, mean */
#define MAX_SLOTS 8
#define SERIES_PERCENT 35 /* slots that are a weekly series */
#define ADHOC_PERCENT 75  /* weeks another slot is booked */
#define TEAM_PERCENT 55   /* bookings of teams */

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Weekdays (Monday first): fewer bookings at weekends. */
static const double WEEKDAY_LOAD[7] = { 1.0, 1.0, 1.0, 1.0, 0.9, 0.8, 0.6 };

/* What bookings are for. */
static const char *const ORG_PURPOSES[] = {
	"理事会会议", "项目例会",   "公益讲座", "志愿者培训",
	"项目路演",   "社区议事会", "亲子活动", "招聘宣讲",
};
static const char *const TEAM_PURPOSES[] = {
	"合唱排练", "舞蹈排练", "太极拳练习", "书画交流",
	"读书分享", "戏曲排练", "手工编织",   "健身操",
};

struct groom {
	long long id;
	int open, close, capacity; /* minutes of the day */
	int buffer_min, buffer;    /* the room's, and rounded up to the grid */
	double load;               /* how sought after the room is */
};

struct slot {
	int from, to; /* minutes of the day */
};

struct plan {
	struct bench_rng r;
	time_t now;
	time_t *midnight; /* of the days of the span, a Monday first */
	int ndays, from, to, nweeks;
	struct groom *rooms;
	int nrooms;
	long long *bookers;
	int norgs, nbookers;
	unsigned short *used; /* minutes booked by booker and week */
	struct gbooking *b;
	int n, cap;
};

static double unit(struct bench_rng *r)
{
	return (double)(bench_rng_next(r) >> 11) / (double)(1ull << 53);
}

static bool is_team(const struct plan *p, int booker)
{
	return booker >= p->norgs;
}

/* The days: from the Monday on or before first days from "now"'s day to
 * last days after it; p->from..p->to are the days to book. */
static void plan_days(struct plan *p, int first, int last)
{
	char date[DATE_LEN];
	time_t noon, start;
	struct tm tm;
	int back, d;

	clock_local_date(p->now, date, sizeof(date));
	noon = clock_local_time(date, 12 * 60) + (time_t)first * DAY;
	localtime_r(&noon, &tm);
	back = (tm.tm_wday + 6) % 7;
	start = noon - (time_t)back * DAY;
	p->from = back;
	p->to = back + last - first;
	p->ndays = p->to + 1;
	p->nweeks = p->ndays / 7 + 1;
	p->midnight = xcalloc((size_t)p->ndays, sizeof(*p->midnight));
	for (d = 0; d < p->ndays; d++) {
		clock_local_date(start + (time_t)d * DAY, date, sizeof(date));
		p->midnight[d] = clock_local_time(date, 0);
	}
}

static void read_room(struct db_stmt *st, void *rec)
{
	struct groom *g = rec;

	g->id = db_col_int(st, 0);
	g->capacity = (int)db_col_int(st, 1);
	g->open = (int)db_col_int(st, 2);
	g->close = (int)db_col_int(st, 3);
	g->buffer_min = (int)db_col_int(st, 4);
	g->buffer = (g->buffer_min + 29) / 30 * 30;
}

static enum hd_status read_rooms(struct db *db, struct plan *p, long long after_room,
				 struct hd_err *err)
{
	int closing = settings_minutes(db, SET_CLOSING_TIME), i;
	enum hd_status rc;

	rc = db_collect(db,
			"SELECT id, capacity, coalesce(open_min, -1), coalesce(close_min, -1),"
			" buffer_min FROM room WHERE id > $1 ORDER BY id",
			&after_room, 1, sizeof(*p->rooms), read_room, (void **)&p->rooms,
			&p->nrooms, err);
	for (i = 0; rc == HD_OK && i < p->nrooms; i++) {
		struct groom *g = &p->rooms[i];

		g->open = g->open >= 0 ? g->open : ROOM_DEFAULT_OPEN;
		g->close = g->close >= 0 ? g->close : closing;
		g->load = 0.5 + unit(&p->r);
	}
	return rc;
}

/* n ids of sql picked at random (all of them when there are fewer) to the
 * end of p->bookers. */
static enum hd_status pick_bookers(struct db *db, struct plan *p, const char *sql, int n,
				   struct hd_err *err)
{
	long long *ids = NULL, t;
	enum hd_status rc;
	int have = 0, i, j;

	rc = bench_read_ids(db, sql, &ids, &have, err);
	if (rc != HD_OK)
		return rc;
	if (n > have)
		n = have;
	for (i = 0; i < n; i++) {
		j = i + (int)bench_rng_below(&p->r, (unsigned)(have - i));
		t = ids[i];
		ids[i] = ids[j];
		ids[j] = t;
	}
	p->bookers = xrealloc(p->bookers, (size_t)(p->nbookers + n + 1) * sizeof(*p->bookers));
	memcpy(p->bookers + p->nbookers, ids, (size_t)n * sizeof(*ids));
	p->nbookers += n;
	free(ids);
	return HD_OK;
}

/* A booker of the kind asked with room in the week's quota for minutes,
 * regulars more often; -1 when the tries find none. */
static int pick_booker(struct plan *p, bool team, int week, int minutes)
{
	int lo = team ? p->norgs : 0, n = team ? p->nbookers - p->norgs : p->norgs, i, tries;
	double u;

	for (tries = 0; n > 0 && tries < 6; tries++) {
		u = unit(&p->r);
		i = lo + (int)(u * u * n);
		if (p->used[i * p->nweeks + week] + minutes <= QUOTA_MIN)
			return i;
	}
	return -1;
}

/* The slots of a room on one weekday of a block. */
static int make_layout(struct bench_rng *r, const struct groom *g, double mean, struct slot *out)
{
	static const int GAPS[] = { 0, 0, 0, 30, 30, 60, 90, 120, 180 };
	static const int LENGTHS[] = { 60, 90, 120, 120, 120, 150, 180, 240 };
	int k = (int)(mean * (0.4 + 1.2 * unit(r)) + 0.5), t = g->open, len, i, n = 0;

	for (i = 0; i < k && n < MAX_SLOTS; i++) {
		t += i == 0 ? 60 * (int)bench_rng_below(r, 4)
			    : GAPS[bench_rng_below(r, COUNT(GAPS))];
		len = LENGTHS[bench_rng_below(r, COUNT(LENGTHS))];
		if (g->capacity <= 8 && len > 120)
			len = 120;
		if (t + len > g->close)
			len = (g->close - t) / 30 * 30;
		if (len < 60)
			break;
		out[n].from = t;
		out[n++].to = t + len;
		t += len + g->buffer;
	}
	return n;
}

/* Decides what became of b (a team's when team) as of now. */
static void settle(struct plan *p, struct gbooking *b, bool team)
{
	struct bench_rng *r = &p->r;
	unsigned x = bench_rng_below(r, 100);

	b->changed = 0;
	if (b->start + WINDOW < p->now) {
		if (x < 10) {
			b->state = BK_CANCELLED;
			b->changed = b->created +
				     (time_t)(unit(r) * (double)(b->start - b->created));
		} else if (x < 14) {
			b->state = BK_RELEASED;
			b->changed = b->start + WINDOW + 60;
		} else if (team && x < 15) {
			b->state = BK_REJECTED;
			b->changed = b->created + 3600;
		} else if (team && x < 16) {
			b->state = BK_LAPSED;
			b->changed = b->start + 60;
		} else {
			b->state = BK_CHECKED_IN;
			b->changed = b->start - WINDOW + (time_t)bench_rng_below(r, 2 * WINDOW);
		}
	} else if (b->start - WINDOW <= p->now) {
		b->state = x < 50 ? BK_CHECKED_IN : BK_CONFIRMED;
		if (b->state == BK_CHECKED_IN)
			b->changed = b->start - WINDOW +
				     (time_t)bench_rng_below(r, (unsigned)(p->now - b->start +
									   WINDOW + 1));
	} else if (x < 9) {
		b->state = BK_CANCELLED;
		b->changed = b->created + (time_t)(unit(r) * (double)(p->now - b->created));
	} else {
		b->state = team && x < 20 ? BK_PENDING : BK_CONFIRMED;
	}
	if (b->state == BK_CANCELLED) {
		b->late = b->start - b->changed < LATE;
		b->exception = b->series >= 0;
	}
}

/* Adds the booking by booker of slot s on day d, made at created, when it
 * has been made by now; series, when given, is the index of the series'
 * first booking, or -1 to make this one the first. */
static void add(struct plan *p, int ri, int d, struct slot s, int booker, int *series,
		time_t created)
{
	const struct groom *g = &p->rooms[ri];
	int lo = g->capacity / 3 > 0 ? g->capacity / 3 : 1, hi = g->capacity * 9 / 10;
	bool team = is_team(p, booker);
	struct gbooking *b;

	if (created > p->now)
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 4096;
		p->b = xrealloc(p->b, (size_t)p->cap * sizeof(*p->b));
	}
	b = &p->b[p->n];
	memset(b, 0, sizeof(*b));
	b->start = p->midnight[d] + (time_t)s.from * 60;
	b->end = p->midnight[d] + (time_t)s.to * 60;
	b->hold_end = b->end + (time_t)g->buffer_min * 60;
	b->created = created;
	b->room_id = g->id;
	if (team)
		b->team_id = p->bookers[booker];
	else
		b->org_id = p->bookers[booker];
	b->series = -1;
	if (series) {
		if (*series < 0)
			*series = p->n;
		b->series = *series;
	}
	b->attendees = bench_rng_range(&p->r, lo, hi > lo ? hi : lo);
	b->purpose = team ? TEAM_PURPOSES[bench_rng_below(&p->r, COUNT(TEAM_PURPOSES))]
			  : ORG_PURPOSES[bench_rng_below(&p->r, COUNT(ORG_PURPOSES))];
	p->used[booker * p->nweeks + d / 7] += (unsigned short)(s.to - s.from);
	settle(p, b, team);
	p->n++;
}

/* A weekly series of one booker on slot s, weekday wd of the block that
 * starts at week w0, booked some days before its first date; a week over
 * the booker's quota is left out, as booking_add_weekly skips it. */
static void add_series(struct plan *p, int ri, int w0, int wd, struct slot s)
{
	int len = s.to - s.from, w, d, booker = -1, first = -1, tries;
	time_t created;

	for (tries = 0; booker < 0 && tries < 4; tries++)
		booker = pick_booker(p, bench_rng_below(&p->r, 100) < 80, w0, len);
	if (booker < 0)
		return;
	d = w0 * 7 + wd < p->from ? p->from : w0 * 7 + wd;
	created = p->midnight[d < p->ndays ? d : p->ndays - 1] + (time_t)s.from * 60 -
		  (time_t)bench_rng_range(&p->r, 3600, LEAD_DAYS * DAY);
	for (w = w0; w < w0 + SERIES_WEEKS && w < p->nweeks; w++) {
		d = w * 7 + wd;
		if (d >= p->from && d <= p->to &&
		    p->used[booker * p->nweeks + w] + len <= QUOTA_MIN)
			add(p, ri, d, s, booker, &first, created);
	}
}

/* One room over one block of weeks: a layout per weekday. */
static void plan_block(struct plan *p, int ri, int w0)
{
	struct slot slots[MAX_SLOTS];
	int wd, k, n, w, d, booker, len;
	bool series[MAX_SLOTS];
	double lead;

	for (wd = 0; wd < 7; wd++) {
		n = make_layout(&p->r, &p->rooms[ri],
				PER_DAY * p->rooms[ri].load * WEEKDAY_LOAD[wd], slots);
		for (k = 0; k < n; k++) {
			series[k] = bench_rng_below(&p->r, 100) < SERIES_PERCENT;
			if (series[k])
				add_series(p, ri, w0, wd, slots[k]);
		}
		for (w = w0; w < w0 + SERIES_WEEKS && w < p->nweeks; w++) {
			d = w * 7 + wd;
			for (k = 0; k < n; k++) {
				if (series[k] || d < p->from || d > p->to ||
				    bench_rng_below(&p->r, 100) >= ADHOC_PERCENT)
					continue;
				len = slots[k].to - slots[k].from;
				booker = pick_booker(p, bench_rng_below(&p->r, 100) < TEAM_PERCENT,
						     w, len);
				if (booker < 0)
					continue;
				lead = unit(&p->r);
				add(p, ri, d, slots[k], booker, NULL,
				    p->midnight[d] + (time_t)slots[k].from * 60 -
					    (time_t)(3600 +
						     lead * lead * (LEAD_DAYS * DAY - 3600)));
			}
		}
	}
}

static void plan_all(struct plan *p)
{
	int ri, w0;

	for (ri = 0; ri < p->nrooms; ri++)
		for (w0 = 0; w0 < p->nweeks; w0 += SERIES_WEEKS)
			plan_block(p, ri, w0);
}

enum hd_status bench_bookings_fill(struct db *db, uint64_t seed, long long after_room,
				   int first_day, int last_day, unsigned long long *count,
				   struct hd_err *err)
{
	struct plan p;
	enum hd_status rc;

	memset(&p, 0, sizeof(p));
	*count = 0;
	bench_rng_seed(&p.r, seed ^ BOOKING_SEED);
	p.now = bench_visits_now();
	plan_days(&p, first_day, last_day);
	rc = read_rooms(db, &p, after_room, err);
	if (rc == HD_OK)
		rc = pick_bookers(db, &p, "SELECT id FROM org WHERE out_date IS NULL ORDER BY id",
				  POOL_ORGS, err);
	p.norgs = p.nbookers;
	if (rc == HD_OK)
		rc = pick_bookers(db, &p, "SELECT id FROM team WHERE state IN (3, 4) ORDER BY id",
				  POOL_TEAMS, err);
	if (rc != HD_OK || p.nrooms == 0 || p.norgs == 0 || p.nbookers == p.norgs)
		goto done;
	p.used = xcalloc((size_t)p.nbookers * (size_t)p.nweeks, sizeof(*p.used));
	plan_all(&p);
	rc = gen_bookings_write(db, p.b, p.n, err);
	if (rc == HD_OK)
		*count = (unsigned long long)p.n;
done:
	free(p.midnight);
	free(p.rooms);
	free(p.bookers);
	free(p.used);
	free(p.b);
	return rc;
}
