/* booking_rules.h - the rules a booking must keep, for booking.c: reading
 * a draft into a plan, and checking a plan against every rule inside the
 * caller's BEGIN IMMEDIATE transaction, each refusal in plain words. */
#ifndef HD_BOOKING_RULES_H
#define HD_BOOKING_RULES_H

#include <sqlite3.h>
#include <time.h>

#include "core/actor.h"
#include "core/booking.h"
#include "core/room.h"
#include "core/status.h"

struct booking_plan {
	struct room room;
	long long org_id, team_id;
	char booker[NAME_BYTES];
	time_t start, end;
	long attendees;
	char purpose[TEXT_BYTES];
};

/* Reads and checks the shape of every field. HD_BAD_INPUT naming the
 * field; HD_NOT_FOUND for an unknown room, organisation or team. */
enum hd_status plan_read(sqlite3 *db, const struct booking_draft *d, struct booking_plan *p,
			 struct hd_err *err);

/* Every rule, in the order a person would want to hear them; ignore_id is
 * a booking being moved (0 none). HD_REFUSED naming the rule. */
enum hd_status plan_check(sqlite3 *db, const struct hd_actor *who, const struct booking_plan *p,
			  long long ignore_id, struct hd_err *err);

#endif
