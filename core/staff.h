/* SPDX-License-Identifier: GPL-3.0-or-later */
/* staff.h - staff accounts and signing in: name, role, PIN (6 to 12 digits,
 * kept only as an Argon2id hash), disabling, and the lock after five wrong
 * PINs for fifteen minutes of domain time. Sign-ins, failures and locks are
 * audited; a PIN never is. */
#ifndef HD_STAFF_H
#define HD_STAFF_H

#include <stdbool.h>
#include <time.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"
#include "core/validate.h"

#define STAFF_LOCK_FAILURES 5
#define STAFF_LOCK_SECONDS (15 * 60)

struct staff {
	long long id;
	char name[NAME_BYTES];
	enum hd_role role;
	bool disabled;
	int failures;
	time_t locked_until; /* 0: not locked */
	time_t last_signin;  /* 0: never */
};

/* What a refused sign-in can tell. */
struct signin_result {
	int tries_left;      /* wrong PINs left before the lock */
	time_t locked_until; /* when the account is locked, else 0 */
};

/* Adds an account. role is given as LIST_ROLE accepts it (number, Chinese,
 * English, volunteer|staff|admin|district). HD_BAD_INPUT for a bad name, role or PIN
 * shape, and naming --role for a district account on SQLite (a district's
 * accounts live in its PostgreSQL database); HD_REFUSED for a name taken or an actor who is not admin. */
enum hd_status staff_add(struct db *db, const struct hd_actor *who, const char *name,
			 const char *role, const char *pin, long long *id, struct hd_err *err);

/* Every account by name into a malloc'd array (the caller frees). HD_FAIL
 * when the database fails. */
enum hd_status staff_list(struct db *db, struct staff **out, int *n, struct hd_err *err);

/* The number of accounts that can sign in. */
int staff_active_count(struct db *db);

/* Disables an account (it keeps its history). *already tells whether it was
 * disabled before. HD_REFUSED for the last enabled admin. */
enum hd_status staff_disable(struct db *db, const struct hd_actor *who, long long id, bool *already,
			     struct hd_err *err);

/* Sets a new PIN and lifts a lock. HD_BAD_INPUT for a PIN of another
 * shape; HD_REFUSED when who is not an admin; HD_NOT_FOUND for an unknown
 * id; HD_FAIL when the database fails. */
enum hd_status staff_reset_pin(struct db *db, const struct hd_actor *who, long long id,
			       const char *pin, struct hd_err *err);

/* Signs name in with pin at desk: on HD_OK *out is the signed-in actor.
 * HD_NOT_FOUND for an unknown name; HD_REFUSED for a wrong PIN (res says
 * how many tries are left), a locked account (res says until when) or a
 * disabled one. */
enum hd_status staff_signin(struct db *db, const char *desk, const char *name, const char *pin,
			    struct hd_actor *out, struct signin_result *res, struct hd_err *err);

/* Records that who signed out (or was signed out by the idle reset). */
void staff_signout(struct db *db, const struct hd_actor *who, bool idle);

/* Makes the demo accounts of DESIGN.md (inside the caller's transaction).
 * HD_REFUSED when one of their names is taken; HD_FAIL when the database
 * fails. */
enum hd_status staff_add_demo(struct db *db, const struct hd_actor *who, struct hd_err *err);

#endif
