/* SPDX-License-Identifier: GPL-3.0-or-later */
/* booking_rules.h - inside the booking module (booking.c, booking_rules.c,
 * booking_series.c): reading a draft into a plan, checking a plan against
 * every rule inside the caller's BEGIN IMMEDIATE transaction, each refusal
 * in plain words, and the writes the module's files share. */
#ifndef HD_BOOKING_RULES_H
#define HD_BOOKING_RULES_H

#include <stdbool.h>
#include <time.h>

#include "core/actor.h"
#include "core/booking.h"
#include "core/db.h"
#include "core/room.h"
#include "core/status.h"

struct booking_plan {
	struct room room;
	long long org_id, team_id;
	char booker[NAME_BYTES];
	time_t start, end;
	long attendees;
	char purpose[TEXT_BYTES];
	bool tail; /* a later occurrence of a series: the booking window does not apply */
};

/* Reads and checks the shape of every field. HD_BAD_INPUT naming the
 * field; HD_NOT_FOUND for an unknown room, organisation or team. */
enum hd_status plan_read(struct db *db, const struct booking_draft *d, struct booking_plan *p,
			 struct hd_err *err);

/* As plan_read(), the draft's start and end text aside: the booking runs
 * from start to end. HD_BAD_INPUT naming the field; HD_NOT_FOUND for an
 * unknown room, organisation or team. */
enum hd_status plan_read_at(struct db *db, const struct booking_draft *d, time_t start, time_t end,
			    struct booking_plan *p, struct hd_err *err);

/* Every rule, in the order a person would want to hear them; ignore_id is
 * a booking being moved (0 none). HD_REFUSED naming the rule. */
enum hd_status plan_check(struct db *db, const struct hd_actor *who, const struct booking_plan *p,
			  long long ignore_id, struct hd_err *err);

/* Inside the caller's transaction, after plan_check(): inserts the plan
 * (series_id 0: none) with its audit entry. HD_REFUSED when the room is
 * taken; HD_FAIL when the database fails. */
enum hd_status plan_insert(struct db *db, const struct hd_actor *who, const struct booking_plan *p,
			   long long series_id, long long *id, struct hd_err *err);

/* Inside the caller's transaction: writes the no-shows and lapses that time
 * has decided (*released counts the no-shows). HD_FAIL when the database
 * fails. */
enum hd_status booking_release_in(struct db *db, int *released, struct hd_err *err);

/* Inside the caller's transaction: cancels one booking (see
 * booking_cancel()). HD_NOT_FOUND for an unknown booking; HD_REFUSED when
 * it is neither pending nor confirmed; HD_FAIL when the database fails. */
enum hd_status booking_cancel_in(struct db *db, const struct hd_actor *who, long long id,
				 bool *already, struct hd_err *err);

/* Inside the caller's transaction: a pending booking becomes to_state
 * (BK_CONFIRMED: approved; BK_REJECTED with reason), audited. *already
 * when it is in that state already; HD_REFUSED when it is not pending. */
enum hd_status booking_decide_in(struct db *db, const struct hd_actor *who, long long id,
				 enum booking_state to_state, const char *reason, bool *already,
				 struct hd_err *err);

/* The plan of booking b moved to start..end and to room (0 keeps its
 * room). As plan_read_at(): HD_BAD_INPUT naming the field, HD_NOT_FOUND
 * for an unknown room, organisation or team, HD_FAIL when the database
 * fails. */
enum hd_status booking_plan_of(struct db *db, const struct booking *b, time_t start, time_t end,
			       long long room, struct booking_plan *p, struct hd_err *err);

/* Inside the caller's transaction, after plan_check(): puts booking id where
 * the plan says. series_id > 0 makes it an occurrence of that series (a
 * split); 0 keeps its series and marks it an exception. HD_REFUSED when the
 * room is taken; HD_FAIL when the database fails. */
enum hd_status booking_place(struct db *db, long long id, const struct booking_plan *p,
			     long long series_id, struct hd_err *err);

/* A booking as JSON for the audit (malloc'd, the caller frees; NULL when
 * gone). */
char *booking_json(struct db *db, long long id);

/* The audit entry of action on booking id, with before and the row as now.
 * HD_FAIL when the database fails. */
enum hd_status booking_audit(struct db *db, const struct hd_actor *who, const char *action,
			     long long id, char *before, struct hd_err *err);

#endif
