/* SPDX-License-Identifier: GPL-3.0-or-later */
/* access.h - who may do what: one table of actions by role (DESIGN.md's
 * "Who may do what"), asked by every core action that changes data or shows
 * personal data. A refusal is audited. */
#ifndef HD_ACCESS_H
#define HD_ACCESS_H

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"

/* What a role may do with an action. */
enum access_grant {
	GRANT_NO,
	GRANT_YES,
	GRANT_BY_SCAN, /* only by scanning the slip or receipt */
	GRANT_WITH_PIN /* only with the booker's PIN */
};

/* How the actor came to the action. */
enum access_via {
	VIA_DIRECT,
	VIA_SCAN, /* a scanned slip or receipt */
	VIA_PIN   /* the booker's PIN was given and checked */
};

/* action, stable word, description (msgid), then resident, desk/volunteer,
 * staff, admin, district (PostgreSQL: figures and rolls of every centre,
 * nothing personal of visitors, no desk work). */
// clang-format off
#define ACCESS_TABLE(X)                                                                            \
	X(ACC_VISITOR, "visitor", N_("visitor check-in and check-out, who is here, reprint"),      \
	  GRANT_BY_SCAN, GRANT_YES, GRANT_YES, GRANT_YES, GRANT_NO)                                \
	X(ACC_VISITOR_PRIVATE, "visitor-private",                                                  \
	  N_("under-14 visitor, unmasked phone on a detail screen, erase a visitor"),              \
	  GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_NO)                                      \
	X(ACC_BOOK, "book", N_("book, cancel, move for organisations and teams"),                  \
	  GRANT_WITH_PIN, GRANT_YES, GRANT_YES, GRANT_YES, GRANT_NO)                               \
	X(ACC_BOOKING_CHECKIN, "booking-checkin", N_("check in a booking"),                        \
	  GRANT_BY_SCAN, GRANT_YES, GRANT_YES, GRANT_YES, GRANT_NO)                                \
	X(ACC_APPROVE, "approve", N_("approve or reject team bookings, closures"),                 \
	  GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_NO)                                      \
	X(ACC_TEAM_APPLY, "team-apply", N_("team apply, record activity"),                         \
	  GRANT_NO, GRANT_YES, GRANT_YES, GRANT_YES, GRANT_NO)                                     \
	X(ACC_TEAM_STEP, "team-step", N_("team review, file, classify, reopen, deregister"),       \
	  GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_NO)                                      \
	X(ACC_REGISTERS, "registers", N_("add and edit organisations and teams, booking PINs"),    \
	  GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_NO)                                      \
	X(ACC_REPORTS, "reports",                                                                  \
	  N_("reports, the team roll, exports of teams, organisations and rooms"),                 \
	  GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_YES)                                     \
	X(ACC_EXPORT_PEOPLE, "export-people",                                                      \
	  N_("exports of visits and bookings, the booking calendar"),                              \
	  GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_NO)                                      \
	X(ACC_ADMIN, "admin", N_("settings, rooms, accounts, printers, backup, restore, import"),  \
	  GRANT_NO, GRANT_NO, GRANT_NO, GRANT_YES, GRANT_NO)
// clang-format on

#define ACCESS_ENUM(id, word, text, r, v, s, a, d) id,
enum access_action { ACCESS_TABLE(ACCESS_ENUM) ACC_COUNT };
#undef ACCESS_ENUM

/* What role may do with action. */
enum access_grant access_grant(enum hd_role role, enum access_action action);

/* The action's stable word and its description (a msgid). */
const char *access_word(enum access_action action);
const char *access_text(enum access_action action);

/* HD_OK when who may take action coming via how; else HD_REFUSED with a
 * plain message, and the refusal is written to the audit log in its own
 * transaction (call it before the action's transaction begins). */
enum hd_status access_require_via(struct db *db, const struct hd_actor *who,
				  enum access_action action, enum access_via how,
				  struct hd_err *err);

/* access_require_via(db, who, action, VIA_DIRECT, err): HD_REFUSED when who
 * may not take action. */
enum hd_status access_require(struct db *db, const struct hd_actor *who, enum access_action action,
			      struct hd_err *err);

#endif
