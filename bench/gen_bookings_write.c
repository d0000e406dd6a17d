/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen_bookings_write.c - writes the planned bookings of gen_bookings.c:
 * ids in the order the bookings were made, rows latest first (so that the
 * no-overlap trigger, which reads the room's bookings that start before
 * the new one ends, finds none to read), then the audit entries in the
 * order of their times, with the snapshots booking_json() makes. */
#include "bench/bench.h"
#include "bench/gen_bookings.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/booking.h"
#include "core/db.h"
#include "core/xalloc.h"

/* An audit entry: what happened to which booking, when. */
enum event_kind { EV_ADD, EV_CHECKIN, EV_CANCEL, EV_REJECT };

struct event {
	time_t at;
	int booking;
	enum event_kind kind;
};

static const char *const ACTIONS[] = { "booking.add", "booking.checkin", "booking.cancel",
				       "booking.reject" };

enum { ST_BOOKING, ST_AUDIT, ST_COUNT };

static const char *const SQL[ST_COUNT] = {
	"INSERT INTO booking(id, room_id, org_id, team_id, start, \"end\", hold_end, attendees,"
	" purpose, state, series_id, exception, checkin_at, cancelled_at, late_cancel, noshow,"
	" reason, created, updated) VALUES ($1, $2, nullif(CAST($3 AS bigint), 0),"
	" nullif(CAST($4 AS bigint), 0), $5, $6, $7, $8, $9, $10, nullif(CAST($11 AS bigint), 0),"
	" $12, nullif(CAST($13 AS bigint), 0), nullif(CAST($14 AS bigint), 0), $15, $16, $17, $18,"
	" $19)",
	/* audit_log's, for the command line or the desk */
	"INSERT INTO audit(at, desk, actor, actor_id, actor_name, action, record, record_id,"
	" before, after) VALUES ($1, $2, $3, NULL, NULL, $4, 'booking', $5, $6, $7)",
};

/* A booking's place in an order: by first, then second, then room. */
struct key {
	time_t first, second;
	long long room_id;
	int booking;
};

static int by_key(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if (x->first != y->first)
		return (x->first > y->first) - (x->first < y->first);
	if (x->second != y->second)
		return (x->second > y->second) - (x->second < y->second);
	return (x->room_id > y->room_id) - (x->room_id < y->room_id);
}

/* Sorts the bookings by when they were made (latest false) or by their
 * start, latest first. */
static void order_by(const struct gbooking *b, int n, bool latest, struct key *k)
{
	int i;

	for (i = 0; i < n; i++)
		k[i] = latest ? (struct key){ -b[i].start, 0, b[i].room_id, i }
			      : (struct key){ b[i].created, b[i].start, b[i].room_id, i };
	qsort(k, (size_t)n, sizeof(*k), by_key);
}

static int by_time(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->at != y->at)
		return (x->at > y->at) - (x->at < y->at);
	if (x->booking != y->booking)
		return (x->booking > y->booking) - (x->booking < y->booking);
	return (int)x->kind - (int)y->kind;
}

static enum hd_status step(struct db_stmt *st, struct hd_err *err)
{
	enum hd_status rc = db_run(st, err);

	if (rc == HD_REFUSED)
		rc = db_step_fail(st, err);
	db_reset(st);
	return rc;
}

static long long series_id(const struct gbooking *all, const struct gbooking *b)
{
	return b->series >= 0 ? all[b->series].id : 0;
}

static enum hd_status insert_booking(struct db_stmt *st, const struct gbooking *all,
				     const struct gbooking *b, struct hd_err *err)
{
	db_bind_int(st, 1, b->id);
	db_bind_int(st, 2, b->room_id);
	db_bind_int(st, 3, b->org_id);
	db_bind_int(st, 4, b->team_id);
	db_bind_int(st, 5, (long long)b->start);
	db_bind_int(st, 6, (long long)b->end);
	db_bind_int(st, 7, (long long)b->hold_end);
	db_bind_int(st, 8, b->attendees);
	db_bind_text(st, 9, b->purpose);
	db_bind_text(st, 10, booking_state_word((enum booking_state)b->state));
	db_bind_int(st, 11, series_id(all, b));
	db_bind_int(st, 12, b->exception);
	db_bind_int(st, 13, b->state == BK_CHECKED_IN ? (long long)b->changed : 0);
	db_bind_int(st, 14, b->state == BK_CANCELLED ? (long long)b->changed : 0);
	db_bind_int(st, 15, b->late);
	db_bind_int(st, 16, b->state == BK_RELEASED);
	if (b->state == BK_REJECTED)
		db_bind_text(st, 17, "时间与中心活动冲突");
	else
		db_bind_null(st, 17);
	db_bind_int(st, 18, (long long)b->created);
	db_bind_int(st, 19, (long long)(b->changed ? b->changed : b->created));
	return step(st, err);
}

static void json_id(long long id, char *out, size_t outsz)
{
	if (id)
		snprintf(out, outsz, "%lld", id);
	else
		snprintf(out, outsz, "null");
}

/* The snapshot booking_json() makes of b in state s. */
static void snapshot(const struct gbooking *all, const struct gbooking *b, enum booking_state s,
		     bool late, char *buf, size_t bufsz)
{
	char org[24], team[24], series[24];

	json_id(b->org_id, org, sizeof(org));
	json_id(b->team_id, team, sizeof(team));
	json_id(series_id(all, b), series, sizeof(series));
	snprintf(buf, bufsz,
		 "{\"room\":%lld,\"org\":%s,\"team\":%s,\"start\":%lld,\"end\":%lld,"
		 "\"attendees\":%d,\"purpose\":\"%s\",\"state\":\"%s\",\"late_cancel\":%d,"
		 "\"series\":%s,\"exception\":%d}",
		 b->room_id, org, team, (long long)b->start, (long long)b->end, b->attendees,
		 b->purpose, booking_state_word(s), late, series,
		 b->exception && s == BK_CANCELLED);
}

/* The state a booking was made in: a team's that was never approved was
 * pending. */
static enum booking_state made_as(const struct gbooking *b)
{
	return b->state == BK_PENDING || b->state == BK_REJECTED || b->state == BK_LAPSED
		       ? BK_PENDING
		       : BK_CONFIRMED;
}

static enum hd_status insert_event(struct db_stmt *st, const struct gbooking *all,
				   const struct event *e, struct hd_err *err)
{
	const struct gbooking *b = &all[e->booking];
	enum booking_state made = made_as(b);
	char before[512], after[512];
	bool desk = made == BK_PENDING && e->kind == EV_ADD;

	db_bind_int(st, 1, (long long)e->at);
	db_bind_text(st, 2, desk ? "一楼前台" : "cli");
	db_bind_text(st, 3, desk ? "desk" : "command-line");
	db_bind_text(st, 4, ACTIONS[e->kind]);
	db_bind_int(st, 5, b->id);
	if (e->kind == EV_CANCEL || e->kind == EV_REJECT) {
		snapshot(all, b, made, false, before, sizeof(before));
		db_bind_text(st, 6, before);
	} else {
		db_bind_null(st, 6);
	}
	snapshot(all, b, e->kind == EV_ADD ? made : (enum booking_state)b->state,
		 e->kind == EV_CANCEL && b->late, after, sizeof(after));
	db_bind_text(st, 7, after);
	return step(st, err);
}

/* The audit entries of every booking, by time. */
static struct event *events_of(const struct gbooking *b, int n, int *count)
{
	struct event *e = xcalloc((size_t)n * 2 + 1, sizeof(*e));
	int i, k = 0;

	for (i = 0; i < n; i++) {
		e[k++] = (struct event){ b[i].created, i, EV_ADD };
		if (b[i].state == BK_CHECKED_IN)
			e[k++] = (struct event){ b[i].changed, i, EV_CHECKIN };
		else if (b[i].state == BK_CANCELLED)
			e[k++] = (struct event){ b[i].changed, i, EV_CANCEL };
		else if (b[i].state == BK_REJECTED)
			e[k++] = (struct event){ b[i].changed, i, EV_REJECT };
	}
	qsort(e, (size_t)k, sizeof(*e), by_time);
	*count = k;
	return e;
}

enum hd_status gen_bookings_write(struct db *db, struct gbooking *b, int n, struct hd_err *err)
{
	struct db_stmt *st[ST_COUNT] = { NULL };
	struct key *order = xcalloc((size_t)n + 1, sizeof(*order));
	int i, nevents = 0;
	struct event *events = NULL;
	enum hd_status rc;
	long long id;

	rc = db_int_of(db, "SELECT coalesce(max(id), 0) FROM booking", &id, err);
	for (i = 0; rc == HD_OK && i < ST_COUNT; i++)
		rc = db_prepare(db, SQL[i], &st[i], err);
	if (rc != HD_OK)
		goto done;
	order_by(b, n, false, order);
	for (i = 0; i < n; i++)
		b[order[i].booking].id = ++id;
	order_by(b, n, true, order);
	for (i = 0; rc == HD_OK && i < n; i++)
		rc = insert_booking(st[ST_BOOKING], b, &b[order[i].booking], err);
	if (rc != HD_OK)
		goto done;
	events = events_of(b, n, &nevents);
	for (i = 0; rc == HD_OK && i < nevents; i++)
		rc = insert_event(st[ST_AUDIT], b, &events[i], err);
	/* A server's identity counter does not move for explicit ids. */
	if (rc == HD_OK && db_is_server(db))
		rc = db_int_of(db,
			       "SELECT setval(pg_get_serial_sequence('booking', 'id'),"
			       " (SELECT max(id) FROM booking))",
			       &id, err);
done:
	for (i = 0; i < ST_COUNT; i++)
		db_done(st[i]);
	free(order);
	free(events);
	return rc;
}
