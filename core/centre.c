/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centre.c - choosing the centre a desk serves, and adding centres to a
 * district's database. */
#include "core/centre.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/settings.h"
#include "core/setup.h"
#include "core/validate.h"

/* The name is the centre's setting centre.name where this session may
 * read it (its own centre; every centre for the owner serving none), else
 * the name it was added with. */
static const char SQL_COLS[] =
	"SELECT c.id, c.code, coalesce(s.value, c.name), coalesce(c.role, '') FROM centre c"
	" LEFT JOIN setting s ON s.centre_id = c.id AND s.key = 'centre.name'";

static void read_row(struct db_stmt *st, void *rec)
{
	struct centre *c = rec;

	c->id = db_col_int(st, 0);
	db_column_text(st, 1, c->code, sizeof(c->code));
	db_column_text(st, 2, c->name, sizeof(c->name));
	db_column_text(st, 3, c->role, sizeof(c->role));
}

enum hd_status centre_list(struct db *db, struct centre **out, int *n, struct hd_err *err)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "%s ORDER BY c.code", SQL_COLS);
	return db_collect(db, sql, NULL, 0, sizeof(**out), read_row, (void **)out, n, err);
}

enum hd_status centre_current(struct db *db, struct centre *out, struct hd_err *err)
{
	char sql[256];
	enum hd_status rc;

	snprintf(sql, sizeof(sql), "%s WHERE c.id = $1", SQL_COLS);
	rc = db_read_one(db, sql, db_centre(db), read_row, out, err);
	if (rc == HD_NOT_FOUND)
		hd_err_set(err, HD_NOT_FOUND, "--centre", "%s",
			   _("--centre: this desk serves no centre yet"));
	return rc;
}

/* "A, B, C": the codes of the centres, for a message. */
static void codes_of(const struct centre *c, int n, char *out, size_t outsz)
{
	size_t used = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < n && used + CENTRE_CODE_BYTES + 2 < outsz; i++)
		used += (size_t)snprintf(out + used, outsz - used, "%s%s", i ? ", " : "",
					 c[i].code);
}

enum hd_status centre_session(struct db *db, long long *bound, bool *held, bool *owner,
			      struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db,
			"SELECT coalesce(hubdesk_bound(), 0), NOT (r.rolsuper OR r.rolbypassrls),"
			" hubdesk_owner() FROM pg_roles r WHERE r.rolname = current_user",
			&st, err);
	if (rc != HD_OK)
		return rc;
	if (db_step(st) == DB_ROW) {
		*bound = db_col_int(st, 0);
		*held = db_col_int(st, 1) != 0;
		if (owner)
			*owner = db_col_int(st, 2) != 0;
	} else {
		rc = db_step_fail(st, err);
	}
	db_done(st);
	return rc;
}

/* The centre to serve among c[0..n) for code (NULL: none given). */
static enum hd_status pick(const struct centre *c, int n, const char *code, long long *id,
			   struct hd_err *err)
{
	char norm[CENTRE_CODE_BYTES], codes[256];
	int i;

	codes_of(c, n, codes, sizeof(codes));
	if (!code) {
		if (n == 1) {
			*id = c[0].id;
			return HD_OK;
		}
		return hd_err_set(err, HD_BAD_INPUT, "--centre",
				  _("--centre: this database holds %d centres (%s); give --centre "
				    "CODE or set HUBDESK_CENTRE"),
				  n, codes);
	}
	if (valid_code(code, "--centre", 1, CENTRE_CODE_MAX, norm, sizeof(norm), err) != HD_OK)
		return HD_BAD_INPUT;
	for (i = 0; i < n; i++)
		if (strcmp(c[i].code, norm) == 0) {
			*id = c[i].id;
			return HD_OK;
		}
	return hd_err_set(err, HD_BAD_INPUT, "--centre",
			  _("--centre: no centre %s in this database; its centres: %s"), norm,
			  codes);
}

/* A role neither a centre's nor the owner's serves nothing. */
static enum hd_status no_centre(struct hd_err *err)
{
	return hd_err_set(err, HD_REFUSED, "db", "%s",
			  _("this database account serves no centre: connect as a centre's account "
			    "(centre bind) or as the database's owner"));
}

/* HD_REFUSED naming db unless the session is the tables' owner's. */
static enum hd_status owner_only(struct db *db, struct hd_err *err)
{
	long long bound = 0;
	bool held = true, owner = false;
	enum hd_status rc = centre_session(db, &bound, &held, &owner, err);

	if (rc == HD_OK && (bound || !owner))
		rc = hd_err_set(
			err, HD_REFUSED, "db", "%s",
			_("only the database's owner adds centres and binds their accounts"));
	return rc;
}

enum hd_status centre_choose(struct db *db, const char *code, struct hd_err *err)
{
	struct centre *c = NULL;
	long long id = 0, bound = 0;
	bool held = true, owner = true;
	enum hd_status rc;
	int n = 0, i;

	if (code && !*code)
		code = NULL;
	rc = centre_list(db, &c, &n, err);
	if (rc == HD_OK && db_is_server(db))
		rc = centre_session(db, &bound, &held, &owner, err);
	if (rc != HD_OK)
		goto done;
	if (!bound && !owner) {
		rc = no_centre(err);
		goto done;
	}
	/* Said first: no --centre would make such an account safe to use. */
	if (!held && n > 1) {
		rc = hd_err_set(
			err, HD_FAIL, "db", "%s",
			_("this database account is a superuser (or bypasses row security), "
			  "which PostgreSQL does not hold to one centre's rows: connect as the "
			  "database's owner or a centre's account"));
		goto done;
	}
	/* A centre's own account serves it with no --centre. */
	if (!code && bound)
		id = bound;
	else
		rc = pick(c, n, code, &id, err);
	if (rc != HD_OK)
		goto done;
	if (bound && bound != id) {
		for (i = 0; i < n && c[i].id != bound; i++)
			;
		rc = hd_err_set(err, HD_REFUSED, "--centre",
				_("--centre: this database account serves centre %s only, not %s"),
				i < n ? c[i].code : "?", code ? code : "");
		goto done;
	}
	rc = db_set_centre(db, id, err);
done:
	free(c);
	return rc;
}

/* Until the transaction ends, the session writes as centre id (on
 * PostgreSQL; a SQLite file is its one centre). */
static enum hd_status write_as(struct db *db, long long id, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	if (!db_is_server(db))
		return HD_OK;
	rc = db_prepare(db, "SELECT set_config('hubdesk.centre', $1::bigint::text, true)", &st,
			err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, id);
	rc = db_step(st) == DB_ROW ? HD_OK : db_step_fail(st, err);
	db_done(st);
	return rc;
}

enum hd_status centre_name_new(struct db *db, const struct hd_actor *who, const char *code,
			       struct hd_err *err)
{
	char norm[CENTRE_CODE_BYTES];
	unsigned char key[32];
	struct db_stmt *st = NULL;
	struct centre *c = NULL;
	enum hd_status rc;
	int n = 0;

	if (!code || !*code)
		return HD_OK;
	if (valid_code(code, "--centre", 1, CENTRE_CODE_MAX, norm, sizeof(norm), err) != HD_OK)
		return HD_BAD_INPUT;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = centre_list(db, &c, &n, err);
	if (rc != HD_OK || n != 1 || strcmp(c[0].code, norm) == 0 ||
	    db_secret(db, key, NULL) == HD_OK)
		goto done;
	rc = write_as(db, c[0].id, err);
	if (rc == HD_OK)
		rc = db_prepare(db, "UPDATE centre SET code = $1", &st, err);
	if (rc == HD_OK) {
		db_bind_text(st, 1, norm);
		rc = db_run(st, err);
	}
	if (rc == HD_OK)
		rc = settings_set(db, who, SET_CENTRE_CODE, norm, err);
done:
	db_done(st);
	free(c);
	return db_finish(db, rc, err);
}

/* Whether role exists and is held by row-level security. */
static enum hd_status check_role(struct db *db, const char *role, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;

	rc = db_prepare(
		db,
		"SELECT rolsuper OR rolbypassrls, pg_has_role((SELECT relowner FROM pg_class"
		" WHERE oid = 'centre'::regclass), oid, 'MEMBER') FROM pg_roles WHERE rolname = $1",
		&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, role);
	step = db_step(st);
	if (step == DB_DONE)
		rc = hd_err_set(err, HD_BAD_INPUT, "--role",
				_("--role: PostgreSQL has no role %s; make it first (CREATE ROLE %s "
				  "LOGIN)"),
				role, role);
	else if (step != DB_ROW)
		rc = db_step_fail(st, err);
	else if (db_col_int(st, 0))
		rc = hd_err_set(err, HD_BAD_INPUT, "--role",
				_("--role: %s is a superuser or bypasses row security; a centre's "
				  "role must be held to its rows"),
				role);
	else if (db_col_int(st, 1))
		rc = hd_err_set(err, HD_BAD_INPUT, "--role",
				_("--role: %s is the database's owner, or the owner is one of its "
				  "members; a centre's role must be a role of its own"),
				role);
	db_done(st);
	return rc;
}

/* HD_REFUSED when a centre has the code or the role already. */
static enum hd_status check_free(struct db *db, const char *code, const char *role,
				 struct hd_err *err)
{
	struct centre *c = NULL;
	enum hd_status rc;
	int n = 0, i;

	rc = centre_list(db, &c, &n, err);
	for (i = 0; rc == HD_OK && i < n; i++) {
		if (strcmp(c[i].code, code) == 0)
			rc = hd_err_set(err, HD_REFUSED, "--code",
					_("--code: centre %s exists already"), code);
		else if (role && strcmp(c[i].role, role) == 0)
			rc = hd_err_set(err, HD_REFUSED, "--role",
					_("--role: %s serves centre %s already"), role, c[i].code);
	}
	free(c);
	return rc;
}

/* Gives role the rights a centre's role has on the tables. */
static enum hd_status grant(struct db *db, const char *role, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db, "SELECT hubdesk_grant($1)", &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, role);
	rc = db_step(st) == DB_ROW ? HD_OK : db_step_fail(st, err);
	db_done(st);
	return rc;
}

/* Takes every right on the tables from role, a centre's no more (a role
 * that no longer exists has none). */
static enum hd_status revoke(struct db *db, const char *role, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db, "SELECT hubdesk_revoke(rolname) FROM pg_roles WHERE rolname = $1", &st,
			err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, role);
	rc = db_step(st) != DB_FAILED ? HD_OK : db_step_fail(st, err);
	db_done(st);
	return rc;
}

/* The new centre's key and settings, written as that centre. */
static enum hd_status fill(struct db *db, const struct hd_actor *who, long long id,
			   const char *code, const char *name, struct hd_err *err)
{
	bool created = false;
	enum hd_status rc;

	rc = write_as(db, id, err);
	if (rc == HD_OK)
		rc = setup_init(db, who, &created, err);
	if (rc == HD_OK)
		rc = settings_set(db, who, SET_CENTRE_NAME, name, err);
	if (rc == HD_OK)
		rc = settings_set(db, who, SET_CENTRE_CODE, code, err);
	return rc;
}

enum hd_status centre_add(struct db *db, const struct hd_actor *who, const char *code,
			  const char *name, const char *role, long long *id, struct hd_err *err)
{
	char c[CENTRE_CODE_BYTES], nm[168], r[CENTRE_ROLE_BYTES], *after = NULL;
	struct db_stmt *st = NULL;
	struct json_out o;
	enum hd_status rc;

	*id = 0;
	if (!db_is_server(db))
		return hd_err_set(err, HD_BAD_INPUT, "db", "%s",
				  _("a SQLite file holds one centre; a district's centres share a "
				    "PostgreSQL database"));
	if (valid_code(code, "--code", 1, CENTRE_CODE_MAX, c, sizeof(c), err) != HD_OK ||
	    valid_text(name, "--name", 1, 40, nm, sizeof(nm), err) != HD_OK ||
	    (role && *role &&
	     valid_text(role, "--role", 1, CENTRE_ROLE_BYTES - 1, r, sizeof(r), err) != HD_OK))
		return HD_BAD_INPUT;
	if (!role || !*role)
		r[0] = '\0';
	rc = access_require(db, who, ACC_ADMIN, err);
	if (rc == HD_OK)
		rc = owner_only(db, err);
	if (rc == HD_OK && r[0])
		rc = check_role(db, r, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = check_free(db, c, r[0] ? r : NULL, err);
	if (rc == HD_OK)
		rc = db_prepare(db,
				"INSERT INTO centre(code, name, role) VALUES ($1, $2, nullif($3, ''))"
				" RETURNING id",
				&st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_text(st, 1, c);
	db_bind_text(st, 2, nm);
	db_bind_text(st, 3, r);
	if (db_step(st) != DB_ROW) {
		rc = db_step_fail(st, err);
		goto done;
	}
	*id = db_col_int(st, 0);
	db_done(st);
	st = NULL;
	rc = fill(db, who, *id, c, nm, err);
	if (rc == HD_OK && r[0])
		rc = grant(db, r, err);
	if (rc != HD_OK)
		goto done;
	json_begin(&o);
	json_add_text(&o, "code", c);
	json_add_text(&o, "name", nm);
	json_add_text(&o, "role", r);
	after = json_end(&o);
	rc = audit_log(db, who, "centre add", "centre", *id, NULL, after, err);
done:
	free(after);
	db_done(st);
	return db_finish(db, rc, err);
}

/* {"role":"..."} for the audit log. */
static char *role_json(const char *role)
{
	struct json_out o;

	json_begin(&o);
	json_add_text(&o, "role", role);
	return json_end(&o);
}

enum hd_status centre_bind(struct db *db, const struct hd_actor *who, const char *code,
			   const char *role, struct hd_err *err)
{
	char c[CENTRE_CODE_BYTES], r[CENTRE_ROLE_BYTES], *before = NULL, *after = NULL;
	struct centre *all = NULL;
	struct db_stmt *st = NULL;
	enum hd_status rc;
	int n = 0, i, at = -1;

	if (!db_is_server(db))
		return hd_err_set(err, HD_BAD_INPUT, "db", "%s",
				  _("a SQLite file holds one centre; a district's centres share a "
				    "PostgreSQL database"));
	if (valid_code(code, "--centre", 1, CENTRE_CODE_MAX, c, sizeof(c), err) != HD_OK ||
	    valid_text(role, "--role", 1, CENTRE_ROLE_BYTES - 1, r, sizeof(r), err) != HD_OK)
		return HD_BAD_INPUT;
	rc = access_require(db, who, ACC_ADMIN, err);
	if (rc == HD_OK)
		rc = owner_only(db, err);
	if (rc == HD_OK)
		rc = check_role(db, r, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = centre_list(db, &all, &n, err);
	for (i = 0; rc == HD_OK && i < n; i++)
		if (strcmp(all[i].code, c) == 0)
			at = i;
	if (rc == HD_OK && at < 0)
		rc = hd_err_set(err, HD_NOT_FOUND, "--centre",
				_("--centre: no centre %s in this database"), c);
	for (i = 0; rc == HD_OK && i < n; i++)
		if (i != at && strcmp(all[i].role, r) == 0)
			rc = hd_err_set(err, HD_REFUSED, "--role",
					_("--role: %s serves centre %s already"), r, all[i].code);
	if (rc != HD_OK || strcmp(all[at].role, r) == 0)
		goto done;
	rc = db_prepare(db, "UPDATE centre SET role = $1 WHERE id = $2", &st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_text(st, 1, r);
	db_bind_int(st, 2, all[at].id);
	rc = db_run(st, err);
	if (rc == HD_OK)
		rc = grant(db, r, err);
	if (rc == HD_OK && all[at].role[0])
		rc = revoke(db, all[at].role, err);
	if (rc == HD_OK)
		rc = write_as(db, all[at].id, err);
	if (rc != HD_OK)
		goto done;
	before = role_json(all[at].role);
	after = role_json(r);
	rc = audit_log(db, who, "centre bind", "centre", all[at].id, before, after, err);
done:
	free(before);
	free(after);
	free(all);
	db_done(st);
	return db_finish(db, rc, err);
}
