/* SPDX-License-Identifier: GPL-3.0-or-later */
/* staff.c - accounts, PIN checks and the lock. */
#include "core/staff.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/lists.h"
#include "core/pin.h"

static const char SQL_STAFF_JSON[] = "SELECT name, role, disabled FROM staff WHERE id = $1";
static const char *const STAFF_KEYS[] = { "name", "role", "disabled", NULL };

static const char SQL_STAFF_COLS[] =
	"SELECT id, name, role, disabled, failures, coalesce(locked_until, 0),"
	" coalesce(last_signin, 0) FROM staff";

static void read_row(struct db_stmt *st, void *rec)
{
	struct staff *s = rec;

	s->id = db_col_int(st, 0);
	db_column_text(st, 1, s->name, sizeof(s->name));
	s->role = (enum hd_role)db_col_int(st, 2);
	s->disabled = db_col_int(st, 3) != 0;
	s->failures = (int)db_col_int(st, 4);
	s->locked_until = (time_t)db_col_int(st, 5);
	s->last_signin = (time_t)db_col_int(st, 6);
}

/* One account by id or by name (name NULL: by id). */
static enum hd_status find(struct db *db, long long id, const char *name, struct staff *out,
			   struct hd_err *err)
{
	char sql[256];
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;

	snprintf(sql, sizeof(sql), "%s WHERE %s", SQL_STAFF_COLS, name ? "name = $1" : "id = $1");
	rc = db_prepare(db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	if (name)
		db_bind_text(st, 1, name);
	else
		db_bind_int(st, 1, id);
	step = db_step(st);
	if (step == DB_ROW)
		read_row(st, out);
	else if (step != DB_DONE)
		rc = db_step_fail(st, err);
	else if (name)
		rc = hd_err_set(err, HD_NOT_FOUND, "name", _("no account named %s"), name);
	else
		rc = hd_err_set(err, HD_NOT_FOUND, "id", _("no account with id %lld"), id);
	db_done(st);
	return rc;
}

static enum hd_status audit_staff(struct db *db, const struct hd_actor *who, const char *action,
				  long long id, struct hd_err *err)
{
	char *after = json_row(db, SQL_STAFF_JSON, id, STAFF_KEYS);
	enum hd_status rc = audit_log(db, who, action, "staff", id, NULL, after, err);

	free(after);
	return rc;
}

static enum hd_status insert(struct db *db, const struct hd_actor *who, const char *name, int role,
			     const char *hash, long long *id, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	struct staff taken;
	enum hd_status rc;
	enum db_step step;

	/* Looked up first: a refused INSERT would still take an id from
	 * PostgreSQL's sequence. The constraint is the rule under a race. */
	rc = find(db, 0, name, &taken, err);
	if (rc == HD_OK)
		return hd_err_set(err, HD_REFUSED, "name", _("an account named %s exists already"),
				  name);
	if (rc != HD_NOT_FOUND)
		return rc;
	hd_err_clear(err);
	rc = db_prepare(db,
			"INSERT INTO staff(name, role, pin_hash, created, updated)"
			" VALUES ($1, $2, $3, $4, $4) RETURNING id",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, name);
	db_bind_int(st, 2, role);
	db_bind_text(st, 3, hash);
	db_bind_int(st, 4, clock_now());
	step = db_step(st);
	if (step == DB_ROW)
		*id = db_col_int(st, 0);
	else if (step == DB_CONSTRAINT)
		rc = hd_err_set(err, HD_REFUSED, "name", _("an account named %s exists already"),
				name);
	else
		rc = db_step_fail(st, err);
	db_done(st);
	if (rc != HD_OK)
		return rc;
	return audit_staff(db, who, "staff.add", *id, err);
}

enum hd_status staff_add(struct db *db, const struct hd_actor *who, const char *name,
			 const char *role, const char *pin, long long *id, struct hd_err *err)
{
	char clean[NAME_BYTES], hash[PIN_HASH_MAX];
	enum hd_status rc;
	int r = 0;

	if (valid_text(name, _("Name"), 1, NAME_MAX_CHARS, clean, sizeof(clean), err) ||
	    list_parse(&LIST_ROLE, role ? role : "", &r, err) ||
	    pin_check_shape(pin, STAFF_PIN_MIN, PIN_MAX, _("PIN"), err))
		return HD_BAD_INPUT;
	if (r == ROLE_DISTRICT && !db_is_server(db))
		return hd_err_set(err, HD_BAD_INPUT, "--role", "%s",
				  _("--role: district accounts need a district's PostgreSQL "
				    "database; this database is a SQLite file of one centre"));
	rc = access_require(db, who, ACC_ADMIN, err);
	if (rc == HD_OK)
		rc = pin_hash(pin, hash, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc == HD_OK)
		rc = db_finish(db, insert(db, who, clean, r, hash, id, err), err);
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

enum hd_status staff_list(struct db *db, struct staff **out, int *n, struct hd_err *err)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "%s ORDER BY name", SQL_STAFF_COLS);
	return db_collect(db, sql, NULL, 0, sizeof(**out), read_row, (void **)out, n, err);
}

int staff_active_count(struct db *db)
{
	struct db_stmt *st = NULL;
	int n = 0;

	if (db_prepare(db, "SELECT count(*) FROM staff WHERE disabled = 0", &st, NULL) == HD_OK &&
	    db_step(st) == DB_ROW)
		n = (int)db_col_int(st, 0);
	db_done(st);
	return n;
}

/* Runs an UPDATE of one account ($1 the id, $2 now, $3 text when given) and
 * audits it. */
static enum hd_status update(struct db *db, const struct hd_actor *who, const char *sql,
			     const char *action, long long id, const char *text, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, clock_now());
	if (text)
		db_bind_text(st, 3, text);
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	if (rc != HD_OK)
		return rc;
	return action ? audit_staff(db, who, action, id, err) : HD_OK;
}

enum hd_status staff_disable(struct db *db, const struct hd_actor *who, long long id, bool *already,
			     struct hd_err *err)
{
	struct staff s;
	struct db_stmt *st = NULL;
	enum hd_status rc;
	int admins = 0;

	*already = false;
	rc = access_require(db, who, ACC_ADMIN, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = find(db, id, NULL, &s, err);
	if (rc != HD_OK || (*already = s.disabled))
		goto done;
	rc = db_prepare(db, "SELECT count(*) FROM staff WHERE role = 3 AND disabled = 0", &st, err);
	if (rc != HD_OK)
		goto done;
	if (db_step(st) == DB_ROW)
		admins = (int)db_col_int(st, 0);
	db_done(st);
	if (s.role == ROLE_ADMIN && admins <= 1) {
		rc = hd_err_set(err, HD_REFUSED, "id",
				_("%s is the last administrator; add another one first"), s.name);
		goto done;
	}
	rc = update(db, who, "UPDATE staff SET disabled = 1, updated = $2 WHERE id = $1",
		    "staff.disable", id, NULL, err);
done:
	return db_finish(db, rc, err);
}

enum hd_status staff_reset_pin(struct db *db, const struct hd_actor *who, long long id,
			       const char *pin, struct hd_err *err)
{
	char hash[PIN_HASH_MAX];
	struct staff s;
	enum hd_status rc;

	rc = pin_check_shape(pin, STAFF_PIN_MIN, PIN_MAX, _("PIN"), err);
	if (rc == HD_OK)
		rc = access_require(db, who, ACC_ADMIN, err);
	if (rc == HD_OK)
		rc = find(db, id, NULL, &s, err);
	if (rc == HD_OK)
		rc = pin_hash(pin, hash, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc == HD_OK)
		rc = db_finish(db,
			       update(db, who,
				      "UPDATE staff SET pin_hash = $3, failures = 0,"
				      " locked_until = NULL, updated = $2 WHERE id = $1",
				      "staff.reset-pin", id, hash, err),
			       err);
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

static void when(time_t t, char *out, size_t outsz)
{
	if (clock_day_at(t) == clock_today())
		clock_local_hm(t, out, outsz);
	else
		clock_local_datetime(t, out, outsz);
}

/* A wrong PIN: count it, lock at the fifth. */
static enum hd_status wrong_pin(struct db *db, const struct hd_actor *as, const struct staff *s,
				struct signin_result *res, struct hd_err *err)
{
	char until[32];
	enum hd_status rc;
	time_t now = clock_now();
	int failures = s->failures + 1;
	char count[16];

	snprintf(count, sizeof(count), "%d", failures);
	if (failures >= STAFF_LOCK_FAILURES) {
		rc = update(
			db, as,
			"UPDATE staff SET failures = 0, locked_until = CAST($2 AS BIGINT) + 900, updated = $2"
			" WHERE id = $1",
			"signin.lock", s->id, NULL, err);
		res->locked_until = now + STAFF_LOCK_SECONDS;
		res->tries_left = 0;
		when(res->locked_until, until, sizeof(until));
		if (rc == HD_OK)
			rc = hd_err_set(err, HD_REFUSED, "pin",
					_("Wrong PIN five times: %s is locked until %s."), s->name,
					until);
		return rc;
	}
	rc = update(
		db, as,
		"UPDATE staff SET failures = CAST($3 AS BIGINT), locked_until = NULL, updated = $2"
		" WHERE id = $1",
		"signin.fail", s->id, count, err);
	res->tries_left = STAFF_LOCK_FAILURES - failures;
	if (rc == HD_OK)
		rc = hd_err_set(err, HD_REFUSED, "pin",
				_("Wrong PIN; %d more tries before the lock."), res->tries_left);
	return rc;
}

/* Whether pin is the account's; *raise when its hash is a demo's. */
static bool pin_matches_staff(struct db *db, long long id, const char *pin, bool *raise)
{
	struct db_stmt *st = NULL;
	const char *hash;
	bool ok = false;

	*raise = false;
	if (db_prepare(db, "SELECT pin_hash FROM staff WHERE id = $1", &st, NULL) != HD_OK)
		goto done;
	db_bind_int(st, 1, id);
	if (db_step(st) == DB_ROW) {
		hash = db_col_text(st, 0);
		ok = pin_matches(hash, pin);
		*raise = ok && pin_needs_raise(hash);
	}
done:
	db_done(st);
	return ok;
}

/* A demo account's hash made again at the full cost, its PIN just given. */
static enum hd_status raise_cost(struct db *db, long long id, const char *pin, struct hd_err *err)
{
	char full[PIN_HASH_MAX];
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = pin_hash(pin, full, err);
	if (rc == HD_OK)
		rc = db_prepare(db, "UPDATE staff SET pin_hash = $1 WHERE id = $2", &st, err);
	if (rc == HD_OK) {
		db_bind_text(st, 1, full);
		db_bind_int(st, 2, id);
		if (db_step(st) != DB_DONE)
			rc = db_step_fail(st, err);
	}
	db_done(st);
	sodium_memzero(full, sizeof(full));
	return rc;
}

static enum hd_status check_signin(struct db *db, const struct hd_actor *as, const char *name,
				   const char *pin, struct hd_actor *out, struct signin_result *res,
				   struct hd_err *err)
{
	char until[32];
	struct staff s;
	enum hd_status rc;
	time_t now = clock_now();
	bool raise;

	rc = find(db, 0, name, &s, err);
	if (rc == HD_NOT_FOUND || (rc == HD_OK && s.disabled)) {
		/* Audited without the typed name: it might be a PIN typed early. */
		if (audit_log(db, as, "signin.fail", "staff", rc == HD_OK ? s.id : 0, NULL, NULL,
			      err) != HD_OK)
			return HD_FAIL;
		if (rc == HD_OK)
			return hd_err_set(err, HD_REFUSED, "name",
					  _("The account of %s is disabled."), name);
		return hd_err_set(err, HD_NOT_FOUND, "name", _("no account named %s"), name);
	}
	if (rc != HD_OK)
		return rc;
	if (s.locked_until > now) {
		res->locked_until = s.locked_until;
		when(s.locked_until, until, sizeof(until));
		if (audit_log(db, as, "signin.locked", "staff", s.id, NULL, NULL, err) != HD_OK)
			return HD_FAIL;
		return hd_err_set(err, HD_REFUSED, "pin", _("%s is locked until %s."), name, until);
	}
	if (s.locked_until)
		s.failures = 0; /* the lock is over: a fresh count */
	if (!pin_matches_staff(db, s.id, pin, &raise))
		return wrong_pin(db, as, &s, res, err);
	if (raise && raise_cost(db, s.id, pin, err) != HD_OK)
		return err->status;
	rc = update(db, as,
		    "UPDATE staff SET failures = 0, locked_until = NULL, last_signin = $2"
		    " WHERE id = $1",
		    NULL, s.id, NULL, err);
	if (rc != HD_OK)
		return rc;
	*out = *as;
	out->kind = ACTOR_STAFF;
	out->staff_id = s.id;
	out->role = s.role;
	snprintf(out->name, sizeof(out->name), "%s", s.name);
	return audit_staff(db, out, "signin", s.id, err);
}

enum hd_status staff_signin(struct db *db, const char *desk, const char *name, const char *pin,
			    struct hd_actor *out, struct signin_result *res, struct hd_err *err)
{
	struct hd_actor as = actor_desk(desk);
	struct signin_result unused;
	char clean[NAME_BYTES];
	enum hd_status rc, end;

	if (!res)
		res = &unused;
	memset(res, 0, sizeof(*res));
	if (valid_text(name, _("Name"), 1, NAME_MAX_CHARS, clean, sizeof(clean), err))
		return HD_BAD_INPUT;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = check_signin(db, &as, clean, pin ? pin : "", out, res, err);
	/* A refused sign-in keeps its count and its audit entry. */
	end = db_finish(db, rc == HD_FAIL ? HD_FAIL : HD_OK, err);
	return end != HD_OK ? end : rc;
}

void staff_signout(struct db *db, const struct hd_actor *who, bool idle)
{
	struct hd_err err;

	if (who->kind != ACTOR_STAFF || db_begin(db, &err) != HD_OK)
		return;
	db_finish(db,
		  audit_log(db, who, idle ? "signout.idle" : "signout", "staff", who->staff_id,
			    NULL, NULL, &err),
		  &err);
}

enum hd_status staff_add_demo(struct db *db, const struct hd_actor *who, struct hd_err *err)
{
	static const struct {
		const char *name, *pin;
		enum hd_role role;
	} DEMO[] = {
		{ "管理员", "246810", ROLE_ADMIN },
		{ "工作人员", "135790", ROLE_STAFF },
		{ "志愿者", "112233", ROLE_VOLUNTEER },
	};
	char hash[PIN_HASH_MAX];
	enum hd_status rc = HD_OK;
	long long id;
	size_t i;

	/* Their PINs are published: the lowest cost, raised at the first
	 * sign-in. */
	for (i = 0; rc == HD_OK && i < sizeof(DEMO) / sizeof(DEMO[0]); i++) {
		rc = pin_hash_demo(DEMO[i].pin, hash, err);
		if (rc == HD_OK)
			rc = insert(db, who, DEMO[i].name, (int)DEMO[i].role, hash, &id, err);
	}
	sodium_memzero(hash, sizeof(hash));
	return rc;
}
