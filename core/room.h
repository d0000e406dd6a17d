/* SPDX-License-Identifier: GPL-3.0-or-later */
/* room.h - the register of rooms: name, kind, capacity, opening hours and
 * buffer; and closures of one room for a time (maintenance, events). */
#ifndef HD_ROOM_H
#define HD_ROOM_H

#include <time.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/record.h"
#include "core/status.h"
#include "core/validate.h"

struct db_stmt; /* core/db.h */

#define ROOM_CAPACITY_MAX 1000
#define ROOM_BUFFER_MAX 120
#define ROOM_DEFAULT_OPEN (8 * 60)

/* The fields of a room, in the order of `hubdesk room add`, the form and
 * the CSV (columns as core/record.h says). Hours stay text ("HH:MM"). */
// clang-format off
#define ROOM_FIELDS(X) \
	X(name,     "name",     REC_TEXT,   N_("Name"),           "--name",     "名称",     1, 0, NAME_MAX_CHARS,    true,  NULL) \
	X(kind,     "kind",     REC_CHOICE, N_("Kind"),           "--kind",     "类型",     2, 0, 0,                 true,  &LIST_ROOM_KIND) \
	X(capacity, "capacity", REC_NUMBER, N_("Capacity"),       "--capacity", "容量",     3, 1, ROOM_CAPACITY_MAX, true,  NULL) \
	X(open,     "open",     REC_TIME,   N_("Opens"),          "--open",     "开放时间", 4, 0, 0,                 false, NULL) \
	X(close,    "close",    REC_TIME,   N_("Closes"),         "--close",    "关闭时间", 5, 0, 0,                 false, NULL) \
	X(buffer,   "buffer",   REC_NUMBER, N_("Buffer minutes"), "--buffer",   "缓冲分钟", 6, 0, ROOM_BUFFER_MAX,   false, NULL)
// clang-format on

/* A room as entered: text NULL or "" when not given, the kind a
 * LIST_ROOM_KIND number (0 none), capacity and buffer numbers. */
struct room_draft {
	ROOM_FIELDS(RECORD_MEMBER)
};

#define ROOM_INDEX(m, ...) ROOM_F_##m,
enum room_field { ROOM_FIELDS(ROOM_INDEX) ROOM_NFIELDS };

/* The room's field list, ROOM_NFIELDS fields indexed by enum room_field. */
extern const struct record_def ROOM_RECORD;

struct room {
	long long id;
	char name[NAME_BYTES];
	int kind; /* LIST_ROOM_KIND number */
	int capacity;
	int open_min;  /* minutes of the day; -1: 08:00 */
	int close_min; /* -1: closing.time */
	int buffer_min;
};

/* Checks every field and adds the room in one transaction with its audit
 * entry. HD_BAD_INPUT naming the field; HD_REFUSED when the name is taken. */
enum hd_status room_add(struct db *db, const struct hd_actor *who, const struct room_draft *d,
			long long *id, struct hd_err *err);

/* Checks every field as room_add() does and changes room id in one
 * transaction, audited with the room before and after (admin). Bookings
 * already made keep their times. HD_BAD_INPUT naming the field; HD_REFUSED
 * when another room has the name; HD_NOT_FOUND for an unknown id. */
enum hd_status room_update(struct db *db, const struct hd_actor *who, long long id,
			   const struct room_draft *d, struct hd_err *err);

/* A draft of room r as stored: its hours written into hours ("" when
 * the default), the draft's text pointing into r and hours. */
void room_draft_of(const struct room *r, struct room_draft *d, char hours[2][8]);

/* All rooms by name into a malloc'd array (*out, the caller frees).
 * HD_FAIL when the database fails. */
enum hd_status room_list(struct db *db, struct room **out, int *n, struct hd_err *err);

/* One room; HD_NOT_FOUND when the id is unknown. */
enum hd_status room_get(struct db *db, long long id, struct room *out, struct hd_err *err);

/* Reads a row of id, name, kind, capacity, ifnull(open_min, -1),
 * ifnull(close_min, -1), buffer_min into the struct room at rec (for
 * db_collect() and friends). */
void room_read_row(struct db_stmt *st, void *rec);

/* Opening and closing minutes of a room, defaults applied. */
void room_hours(struct db *db, const struct room *r, int *open_min, int *close_min);

/* Reads a period typed as local "YYYY-MM-DD HH:MM" from..to into the
 * instants start..end. HD_BAD_INPUT naming the field (From or To) when one
 * is malformed or to is not after from. */
enum hd_status room_read_period(const char *from, const char *to, time_t *start, time_t *end,
				struct hd_err *err);

/* Closes room id from start to end (end not included) for reason (staff,
 * audited); its id into *closure_id. HD_BAD_INPUT naming the field when
 * end is not after start or the reason is bad; HD_REFUSED for someone not
 * staff; HD_NOT_FOUND for an unknown room; HD_FAIL when the database
 * fails. */
enum hd_status room_close(struct db *db, const struct hd_actor *who, long long id, time_t start,
			  time_t end, const char *reason, long long *closure_id,
			  struct hd_err *err);

/* A closure of one room: local times start..end, end not included. */
struct room_closure {
	long long id, room_id;
	time_t start, end;
	char reason[TEXT_BYTES];
};

/* The closures of room id not yet over (end after now), by start, into a
 * malloc'd array (the caller frees; NULL when none). HD_FAIL when the
 * database fails. */
enum hd_status room_closures(struct db *db, long long id, struct room_closure **out, int *n,
			     struct hd_err *err);

struct booking;

/* The active bookings (pending or confirmed, as of now) of room id that
 * overlap start..end, by start, into a malloc'd array (*out, the caller
 * frees; NULL when none): what a closure of the room leaves for the desk
 * to move or cancel. HD_BAD_INPUT naming the field as room_close() does;
 * HD_NOT_FOUND for an unknown room; HD_FAIL when the database fails. */
enum hd_status room_bookings_in(struct db *db, long long id, time_t start, time_t end,
				struct booking **out, int *n, struct hd_err *err);

#endif
