/* SPDX-License-Identifier: GPL-3.0-or-later */
/* actor.h - who is acting: a person signed in, the desk with nobody signed
 * in, a resident at a kiosk, or the command line (the machine's operator).
 * Every action that changes data takes one, and the audit log records it. */
#ifndef HD_ACTOR_H
#define HD_ACTOR_H

#include <stdbool.h>

/* Roles, numbered as LIST_ROLE; a resident at a kiosk has none. */
enum hd_role {
	ROLE_RESIDENT = 0,
	ROLE_VOLUNTEER = 1, /* 志愿者 */
	ROLE_STAFF = 2,     /* 工作人员 */
	ROLE_ADMIN = 3,     /* 管理员 */
	ROLE_DISTRICT = 4   /* 区级管理员: PostgreSQL only; reads every centre's figures */
};

#define HD_ROLE_COUNT 5 /* ROLE_RESIDENT .. ROLE_DISTRICT */

enum actor_kind {
	ACTOR_COMMAND_LINE, /* acts as admin */
	ACTOR_DESK,         /* nobody signed in, kiosk mode off */
	ACTOR_RESIDENT,     /* nobody signed in, kiosk mode on */
	ACTOR_STAFF         /* a signed-in account */
};

struct hd_actor {
	enum actor_kind kind;
	long long staff_id; /* the account for ACTOR_STAFF, else 0 */
	enum hd_role role;  /* the account's role for ACTOR_STAFF */
	char name[168];     /* the person's name for ACTOR_STAFF (40 characters) */
	char desk[64];      /* the desk's name (--desk, else the terminal) */
};

/* An actor for the command line at the given desk (NULL: "cli"). */
struct hd_actor actor_command_line(const char *desk);

/* An actor for the desk with nobody signed in. */
struct hd_actor actor_desk(const char *desk);

/* An actor for nobody signed in: a resident when kiosk mode is on, else
 * the desk. */
struct hd_actor actor_nobody(bool kiosk, const char *desk);

/* The role the actor acts with: the command line as admin, the desk as a
 * volunteer, a resident as none, a signed-in person with their own. */
enum hd_role actor_role(const struct hd_actor *who);

/* The stable word stored in the audit log: "command-line", "desk",
 * "resident" or "staff". */
const char *actor_kind_word(enum actor_kind kind);

#endif
