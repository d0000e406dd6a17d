/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centre.h - the centres of a district's database. A SQLite file holds one
 * centre; a PostgreSQL database may hold several, each with its own rooms,
 * people, records, settings and key, held apart by the database's
 * row-level security (migration 18). A desk serves one centre, chosen by
 * --centre (HUBDESK_CENTRE) where there are several. */
#ifndef HD_CENTRE_H
#define HD_CENTRE_H

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"

#define CENTRE_CODE_MAX 12 /* characters of a centre's code */
#define CENTRE_CODE_BYTES (CENTRE_CODE_MAX + 1)
#define CENTRE_ROLE_BYTES 64 /* a PostgreSQL role's name and the NUL */

struct centre {
	long long id;
	char code[CENTRE_CODE_BYTES]; /* capitals and digits, as --centre names it */
	char name[168];               /* 1 to 40 characters */
	char role[CENTRE_ROLE_BYTES]; /* the PostgreSQL role bound to it, "" when none */
};

/* Makes db serve the centre of code (NULL or "": none given). A SQLite
 * file's one centre is served with no code or its own; on PostgreSQL the
 * one centre likewise, or the centre of code among several. HD_BAD_INPUT
 * naming --centre for a malformed code, a centre not in the database, or
 * none given where there are several; HD_REFUSED when the role connected
 * is bound to another centre, or is neither a centre's nor the owner's
 * (naming db); HD_FAIL when the role connected is not held
 * to one centre's rows (a superuser or BYPASSRLS) on a database of several
 * centres, or the database fails. */
enum hd_status centre_choose(struct db *db, const char *code, struct hd_err *err);

/* Gives a database made just now (one centre and no key yet: init) the
 * centre code given (NULL or "": keeps HD), as its code and the start of
 * its filing numbers. HD_BAD_INPUT naming --centre for a malformed code;
 * HD_FAIL when the database fails. */
enum hd_status centre_name_new(struct db *db, const struct hd_actor *who, const char *code,
			       struct hd_err *err);

/* Adds a centre (PostgreSQL; the command line, as the database's owner):
 * its row, its installation key, its settings centre.name (name) and
 * centre.code (code, which starts its filing numbers), and, with a role
 * (NULL or "": none), the role's binding and its rights on the tables.
 * HD_BAD_INPUT naming the field for a malformed code, name or role, a
 * role that does not exist, is a superuser or is (or has as a member) the
 * owner, and on SQLite; HD_REFUSED for a code or role taken, or a session
 * not the owner's (naming db); HD_FAIL when the database fails. */
enum hd_status centre_add(struct db *db, const struct hd_actor *who, const char *code,
			  const char *name, const char *role, long long *id, struct hd_err *err);

/* Binds centre code to the PostgreSQL role (the first centre, made by
 * init, or a centre whose role changes): the role may then serve that
 * centre alone, and a role bound before is bound no more and loses its
 * rights on the tables. The database's owner only. HD_BAD_INPUT naming the
 * field for a malformed code or role, a role that does not exist, is a
 * superuser or is (or has as a member) the owner, and on SQLite;
 * HD_NOT_FOUND naming --centre for no such centre; HD_REFUSED for a role
 * bound to another centre, or a session not the owner's (naming db);
 * HD_FAIL when the database fails. */
enum hd_status centre_bind(struct db *db, const struct hd_actor *who, const char *code,
			   const char *role, struct hd_err *err);

/* The centres by code into a malloc'd array (the caller frees). HD_FAIL
 * when the database fails. */
enum hd_status centre_list(struct db *db, struct centre **out, int *n, struct hd_err *err);

/* PostgreSQL: the centre bound to the role connected or a role it is a
 * member of (*bound, 0: none, or two), whether the role is held by
 * row-level security at all (*held: false for a superuser or BYPASSRLS),
 * and whether it is the tables' owner or a member of it (*owner, when not
 * NULL: only the owner may choose a centre, or read every centre). HD_FAIL
 * when the database fails. */
enum hd_status centre_session(struct db *db, long long *bound, bool *held, bool *owner,
			      struct hd_err *err);

/* The centre db serves; HD_NOT_FOUND when it serves none (a district's
 * session before centre_choose), HD_FAIL when the database fails. */
enum hd_status centre_current(struct db *db, struct centre *out, struct hd_err *err);

#endif
