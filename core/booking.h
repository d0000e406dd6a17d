/* SPDX-License-Identifier: GPL-3.0-or-later */
/* booking.h - room bookings and the rules that keep rooms fair and full:
 * the 30-minute grid, opening hours, closed weekdays and closures, the
 * booking window, the longest booking, capacity, the room's buffer, the
 * weekly quota, pending team bookings and their lapse, the check-in window
 * (both ends included), release and no-show at once for every reader,
 * suspension, late cancellation, and no overlap, ever (checked in one
 * BEGIN IMMEDIATE transaction, with triggers as a second wall). */
#ifndef HD_BOOKING_H
#define HD_BOOKING_H

#include <stdbool.h>
#include <time.h>

#include "core/access.h"
#include "core/actor.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/org.h"
#include "core/record.h"
#include "core/room.h"
#include "core/status.h"
#include "core/validate.h"

/* A booking starts and ends on one day and its buffer is at most two hours:
 * nothing that starts a day or more before a time can reach it. Queries of
 * overlaps bound the start with this, so they read a day of a room's
 * bookings, never its whole history. */
#define BOOKING_REACH 86400

enum booking_state {
	BK_PENDING, /* a team's booking waiting for staff */
	BK_CONFIRMED,
	BK_CHECKED_IN,
	BK_CANCELLED,
	BK_RELEASED, /* nobody checked in: a no-show */
	BK_REJECTED,
	BK_LAPSED /* pending at its start */
};

/* Who books: an organisation or a team (BOOKER_NONE: not said yet). */
enum booker_kind { BOOKER_NONE, BOOKER_ORG, BOOKER_TEAM };
struct booker {
	enum booker_kind kind;
	long long id;
};

/* The fields of a booking but its booker, in the order of `booking add`
 * (columns as core/record.h says); start and end stay text, "YYYY-MM-DD
 * HH:MM" local. */
// clang-format off
#define BOOKING_FIELDS(X) \
	X(room,      "room",      REC_ID,       N_("Room"),            "--room",      NULL, 0, 0, 0,                 true,  NULL) \
	X(start,     "start",     REC_DATETIME, N_("Start"),           "--start",     NULL, 0, 0, 0,                 true,  NULL) \
	X(end,       "end",       REC_DATETIME, N_("End"),             "--end",       NULL, 0, 0, 0,                 true,  NULL) \
	X(attendees, "attendees", REC_NUMBER,   N_("Attendees"),       "--attendees", NULL, 0, 1, ROOM_CAPACITY_MAX, false, NULL) \
	X(purpose,   "purpose",   REC_TEXT,     N_("Use of the room"), "--purpose",   NULL, 0, 0, TEXT_MAX_CHARS,    false, NULL)
// clang-format on

/* A booking as entered: the room's id, text NULL or "" when not given,
 * attendees a number (1 when not given), and its booker. */
struct booking_draft {
	BOOKING_FIELDS(RECORD_MEMBER)
	struct booker booker;
	bool print; /* ask for the receipt in the same transaction (core/print_request.h);
		     * a series has one, of its first date */
};

#define BOOKING_INDEX(m, ...) BOOKING_F_##m,
enum booking_field { BOOKING_FIELDS(BOOKING_INDEX) BOOKING_NFIELDS };

/* The booking's field list, BOOKING_NFIELDS fields indexed by enum
 * booking_field. */
extern const struct record_def BOOKING_RECORD;

/* Reads the booker given as an organisation's id (org) or a team's (team),
 * text as the command line gives them (NULL or "" when not given): *b is
 * BOOKER_NONE when neither is given (booking_add() then says so).
 * HD_BAD_INPUT for an id that is not one, or for both given. */
enum hd_status booking_booker_read(const char *org, const char *team, struct booker *b,
				   struct hd_err *err);

struct booking {
	long long id, room_id, org_id, team_id, series_id;
	char room[NAME_BYTES];
	char booker[NAME_BYTES];
	char booker_short[SHORT_BYTES];
	time_t start, end;
	int attendees;
	char purpose[TEXT_BYTES];
	enum booking_state state; /* as of now: a no-show reads as released at once */
	bool late_cancel, noshow;
	time_t checkin_at, cancelled_at;
};

/* A booking's state and no-show as of now, as SQL over a booking b, with
 * now and window (the check-in window in seconds) the parameters that give
 * them ("$1", "$2"): time decides no-shows and lapses for every reader,
 * before booking_release_due() writes them. */
#define BOOKING_STATE_NOW_SQL(now, window)                                                   \
	"CASE WHEN b.state = 'confirmed' AND b.start + " window " < " now " THEN 'released'" \
	" WHEN b.state = 'pending' AND b.start <= " now " THEN 'lapsed' ELSE b.state END"
#define BOOKING_NOSHOW_NOW_SQL(now, window) \
	"(b.noshow <> 0 OR (b.state = 'confirmed' AND b.start + " window " < " now "))"

/* The word of a state ("pending", "confirmed" ...) for the command line. */
const char *booking_state_word(enum booking_state s);

/* Books one room in one transaction after every rule; a team's booking by
 * a volunteer, the desk or a resident is pending, by staff confirmed.
 * how is VIA_PIN when a resident gave the booker's PIN. HD_BAD_INPUT for a
 * malformed field; HD_NOT_FOUND for an unknown room or booker; HD_REFUSED
 * naming the rule (for an overlap, the booking in the way). */
enum hd_status booking_add(struct db *db, const struct hd_actor *who, enum access_via how,
			   const struct booking_draft *d, long long *id, struct hd_err *err);

/* One booking, its state as of now. HD_NOT_FOUND when the id is unknown;
 * HD_FAIL when the database fails. */
enum hd_status booking_get(struct db *db, long long id, struct booking *out, struct hd_err *err);

/* The bookings of the local day day (a day number; room_id 0: every room)
 * by room and start, states as of now, into a malloc'd array (the caller
 * frees). HD_FAIL when the database fails. */
enum hd_status booking_day(struct db *db, long day, long long room_id, struct booking **out, int *n,
			   struct hd_err *err);

/* The bookings (room_id 0: every room) starting from..to (to not
 * included), by id, states as of now (malloc'd): exports. HD_FAIL when
 * the database fails. */
enum hd_status booking_between(struct db *db, long long room_id, time_t from, time_t to,
			       struct booking **out, int *n, struct hd_err *err);

/* The bookings of booker from since on, by start, at most max (malloc'd;
 * none for BOOKER_NONE). HD_FAIL when the database fails. */
enum hd_status booking_of_booker(struct db *db, struct booker booker, time_t since, int max,
				 struct booking **out, int *n, struct hd_err *err);

/* Team bookings waiting for staff, still to come, by start (malloc'd).
 * HD_FAIL when the database fails. */
enum hd_status booking_waiting(struct db *db, struct booking **out, int *n, struct hd_err *err);

/* Bookings still to come of deregistered teams and of organisations on
 * dates past their 出壳 (residence end), by start (malloc'd): for staff to
 * cancel or move. HD_FAIL when the database fails. */
enum hd_status booking_stranded(struct db *db, struct booking **out, int *n, struct hd_err *err);

/* Cancels; a cancellation less than booking.cancel_late_hours before the
 * start is marked late. A second cancel is HD_OK with *already set. */
enum hd_status booking_cancel(struct db *db, const struct hd_actor *who, enum access_via how,
			      long long id, bool *already, struct hd_err *err);

/* Checks in within booking.checkin_minutes before or after the start, both
 * ends included. A second check-in is HD_OK with *already and *when set.
 * HD_REFUSED outside the window, or for a cancelled, released or pending
 * booking. */
enum hd_status booking_checkin(struct db *db, const struct hd_actor *who, enum access_via how,
			       long long id, bool *already, time_t *when, struct hd_err *err);

/* Moves a booking to start..end and, when room is not 0, to that room; it keeps its id and its code. Every rule is
 * checked again, this booking aside. HD_REFUSED for a booking that is not
 * pending or confirmed. */
enum hd_status booking_move(struct db *db, const struct hd_actor *who, enum access_via how,
			    long long id, time_t start, time_t end, long long room,
			    struct hd_err *err);

/* Approves a pending team booking (staff). A second approval is HD_OK
 * with *already set; a booking that is not pending is HD_REFUSED. */
enum hd_status booking_approve(struct db *db, const struct hd_actor *who, long long id,
			       bool *already, struct hd_err *err);

/* Rejects as booking_approve() approves, the reason kept with the booking:
 * a second rejection is HD_OK with *already set. HD_BAD_INPUT for an empty
 * or too long reason; HD_REFUSED when who may not approve or the booking is
 * not pending; HD_NOT_FOUND when the id is unknown; HD_FAIL when the
 * database fails. */
enum hd_status booking_reject(struct db *db, const struct hd_actor *who, long long id,
			      const char *reason, bool *already, struct hd_err *err);

/* What a series action did: the bookings it booked, cancelled or moved, by
 * start, and the dates it could not book with the rule that refused each. */
struct booking_miss {
	time_t start;
	char why[HD_MSG_BYTES];
};
struct booking_series {
	long long *ids;
	int n;
	struct booking_miss *missed;
	int nmissed;
};
void booking_series_free(struct booking_series *s);

/* Books the draft and the same hours every week until the day number
 * until_day (inclusive; HD_BAD_INPUT when before the draft's date), each occurrence its own row linked to its series, every rule
 * checked for each (the booking window only for the first; at most
 * booking.series_weeks occurrences). When a date is refused the whole series
 * is refused (HD_REFUSED, every refused date in out->missed), unless
 * skip_conflicts: then the free dates are booked and the others listed
 * (and audited, see booking_series_skipped()). */
enum hd_status booking_add_weekly(struct db *db, const struct hd_actor *who, enum access_via how,
				  const struct booking_draft *d, long until_day,
				  bool skip_conflicts, struct booking_series *out,
				  struct hd_err *err);

/* The dates id's series skipped when it was booked (skip_conflicts), each
 * with the rule that refused it, by date, into a malloc'd array (the caller
 * frees; NULL and *n 0 when none). They are kept in the audit log
 * (booking.skip on the series' first booking), so every receipt of the
 * series, a reprint too, can list them. HD_FAIL when the database fails. */
enum hd_status booking_series_skipped(struct db *db, long long id, struct booking_miss **out,
				      int *n, struct hd_err *err);

/* Cancels this occurrence and the following ones of its series that nobody
 * changed on their own; for a single booking, that booking. HD_REFUSED
 * when who may not book or id is not pending, confirmed or cancelled;
 * HD_NOT_FOUND when the id is unknown; HD_FAIL when the database fails. */
enum hd_status booking_cancel_following(struct db *db, const struct hd_actor *who,
					enum access_via how, long long id,
					struct booking_series *out, struct hd_err *err);

/* Moves this occurrence to start..end (and to room, when not 0) and the
 * following ones that nobody changed on their own by the same days and to
 * the same hours; they become a series of their own (the split), the
 * earlier ones stay as they were. All or nothing: a refused date refuses
 * the move, naming the date. HD_BAD_INPUT naming a field;
 * HD_NOT_FOUND for an unknown id or room; HD_REFUSED when who may not book
 * or naming the date and the rule; HD_FAIL when the database fails. */
enum hd_status booking_move_following(struct db *db, const struct hd_actor *who,
				      enum access_via how, long long id, time_t start, time_t end,
				      long long room, struct booking_series *out,
				      struct hd_err *err);

/* The dates of id's series still waiting for approval (pending, still to
 * come), id itself counted whatever its state: 1 for a booking of no
 * series. */
int booking_series_waiting(struct db *db, long long id);

/* Approves (staff) id and every other date of its series still waiting
 * for approval, in one transaction, each audited as its own approval;
 * out->ids are the dates approved now, by start. A second approval of id
 * alone is HD_OK with nothing in out; id not pending (and not approved) is
 * HD_REFUSED and approves nothing. */
enum hd_status booking_approve_series(struct db *db, const struct hd_actor *who, long long id,
				      struct booking_series *out, struct hd_err *err);

/* The active occurrences of id's series from id on: how many, and the
 * start of the last (*count 0 when id is no series). */
void booking_series_span(struct db *db, long long id, int *count, time_t *last);

/* For a scanned receipt: the occurrence of id's series whose check-in window
 * is open now, or id itself. */
long long booking_series_now(struct db *db, long long id);

/* Writes what time has decided: confirmed bookings past their check-in
 * window are released as no-shows, pending ones at their start lapse.
 * *released counts the no-shows. Readers never wait for this. HD_FAIL
 * when the database fails. */
enum hd_status booking_release_due(struct db *db, int *released, struct hd_err *err);

#endif
