/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pin.c - hashing and checking PINs; booking PINs. */
#include "core/pin.h"

#include <sodium.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"

enum hd_status pin_check_shape(const char *pin, int min, int max, const char *label,
			       struct hd_err *err)
{
	size_t n = pin ? strlen(pin) : 0, i;

	for (i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			break;
	if (n == 0 || i < n || n < (size_t)min || n > (size_t)max)
		return hd_err_set(err, HD_BAD_INPUT, "pin", _("%s: %d to %d digits"), label, min,
				  max);
	return HD_OK;
}

_Static_assert(PIN_HASH_MAX == crypto_pwhash_STRBYTES, "PIN_HASH_MAX is libsodium's size");

/* pin hashed with Argon2id at the cost of ops and mem into out. */
static enum hd_status hash_at(const char *pin, unsigned long long ops, size_t mem,
			      char out[PIN_HASH_MAX], struct hd_err *err)
{
	if (sodium_init() < 0 || crypto_pwhash_str(out, pin, strlen(pin), ops, mem) != 0)
		return hd_err_set(err, HD_FAIL, "pin", _("not enough memory to protect the PIN"));
	return HD_OK;
}

enum hd_status pin_hash(const char *pin, char out[PIN_HASH_MAX], struct hd_err *err)
{
	return hash_at(pin, crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
		       out, err);
}

enum hd_status pin_hash_demo(const char *pin, char out[PIN_HASH_MAX], struct hd_err *err)
{
	return hash_at(pin, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN, out, err);
}

bool pin_needs_raise(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
					      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

/* A booker's hash made at a lower cost (the demo's) at the full cost now,
 * in the caller's transaction. */
static enum hd_status raise_cost(struct db *db, enum booker_kind kind, long long id,
				 const char *hash, const char *pin, struct hd_err *err);

bool pin_matches(const char *hash, const char *pin)
{
	if (!hash || !pin || sodium_init() < 0)
		return false;
	return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

static const char *const SQL_SET[] = {
	[BOOKER_ORG] = "UPDATE org SET pin_hash = $1, updated = $2 WHERE id = $3",
	[BOOKER_TEAM] = "UPDATE team SET pin_hash = $1, updated = $2 WHERE id = $3",
};

static const char *const SQL_GET[] = {
	[BOOKER_ORG] = "SELECT pin_hash FROM org WHERE id = $1",
	[BOOKER_TEAM] = "SELECT pin_hash FROM team WHERE id = $1",
};

enum hd_status pin_set_booker(struct db *db, const struct hd_actor *who, enum booker_kind kind,
			      long long id, const char *pin, struct hd_err *err)
{
	char hash[PIN_HASH_MAX];
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = pin_check_shape(pin, BOOKER_PIN_MIN, BOOKER_PIN_MAX, _("Booking PIN"), err);
	if (rc == HD_OK)
		rc = access_require(db, who, ACC_REGISTERS, err);
	if (rc == HD_OK)
		rc = pin_hash(pin, hash, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(db, SQL_SET[kind], &st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_text(st, 1, hash);
	db_bind_int(st, 2, clock_now());
	db_bind_int(st, 3, id);
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	else if (db_changes(st) == 0)
		rc = hd_err_set(err, HD_NOT_FOUND, "id",
				kind == BOOKER_ORG ? _("no organisation with id %lld")
						   : _("no team with id %lld"),
				id);
	else
		rc = audit_log(db, who, "pin.set", kind == BOOKER_ORG ? "org" : "team", id, NULL,
			       NULL, err);
done:
	db_done(st);
	sodium_memzero(hash, sizeof(hash));
	return db_finish(db, rc, err);
}

bool pin_booker_matches(struct db *db, enum booker_kind kind, long long id, const char *pin)
{
	struct db_stmt *st = NULL;
	bool ok = false;

	if (db_prepare(db, SQL_GET[kind], &st, NULL) != HD_OK)
		goto done;
	db_bind_int(st, 1, id);
	if (db_step(st) == DB_ROW && !db_col_null(st, 0))
		ok = pin_matches(db_col_text(st, 0), pin);
done:
	db_done(st);
	return ok;
}

static const char *const SQL_STATE[] = {
	[BOOKER_ORG] = "SELECT pin_hash, pin_failures, coalesce(pin_locked_until, 0) FROM org"
		       " WHERE id = $1",
	[BOOKER_TEAM] = "SELECT pin_hash, pin_failures, coalesce(pin_locked_until, 0) FROM team"
			" WHERE id = $1",
};

static const char *const SQL_FAILED[] = {
	[BOOKER_ORG] =
		"UPDATE org SET pin_failures = $2, pin_locked_until = nullif(CAST($3 AS BIGINT), 0)"
		" WHERE id = $1",
	[BOOKER_TEAM] =
		"UPDATE team SET pin_failures = $2, pin_locked_until = nullif(CAST($3 AS BIGINT), 0)"
		" WHERE id = $1",
};

/* Keeps the booker's failures and lock (0: none). HD_FAIL when the database
 * fails. */
static enum hd_status write_failures(struct db *db, enum booker_kind kind, long long id,
				     int failures, time_t locked, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db, SQL_FAILED[kind], &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, failures);
	db_bind_int(st, 3, (long long)locked);
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

/* The booker's PIN hash (or ""), failures and lock. */
static enum hd_status read_state(struct db *db, enum booker_kind kind, long long id, char *hash,
				 int *failures, time_t *locked, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	*hash = '\0';
	rc = db_prepare(db, SQL_STATE[kind], &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, id);
	if (db_step(st) == DB_ROW) {
		db_column_text(st, 0, hash, PIN_HASH_MAX);
		*failures = (int)db_col_int(st, 1);
		*locked = (time_t)db_col_int(st, 2);
	} else {
		rc = hd_err_set(err, HD_NOT_FOUND, "id", _("no booker with id %lld"), id);
	}
	db_done(st);
	return rc;
}

static enum hd_status raise_cost(struct db *db, enum booker_kind kind, long long id,
				 const char *hash, const char *pin, struct hd_err *err)
{
	char full[PIN_HASH_MAX];
	struct db_stmt *st = NULL;
	enum hd_status rc;

	if (!pin_needs_raise(hash))
		return HD_OK;
	rc = pin_hash(pin, full, err);
	if (rc == HD_OK)
		rc = db_prepare(db, SQL_SET[kind], &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, full);
	db_bind_int(st, 2, clock_now());
	db_bind_int(st, 3, id);
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	sodium_memzero(full, sizeof(full));
	return rc;
}

enum hd_status pin_booker_check(struct db *db, const struct hd_actor *who, enum booker_kind kind,
				long long id, const char *pin, struct hd_err *err)
{
	static const char *const TABLES[] = { [BOOKER_ORG] = "org", [BOOKER_TEAM] = "team" };
	char hash[PIN_HASH_MAX], until[16];
	time_t now = clock_now(), locked = 0;
	enum hd_status rc;
	int failures = 0;
	bool ok;

	rc = pin_check_shape(pin, BOOKER_PIN_MIN, BOOKER_PIN_MAX, _("Booking PIN"), err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = read_state(db, kind, id, hash, &failures, &locked, err);
	if (rc != HD_OK)
		goto done;
	if (locked > now) {
		clock_local_hm(locked, until, sizeof(until));
		rc = hd_err_set(
			err, HD_REFUSED, "pin",
			_("Wrong booking PIN five times: bookings by PIN are locked until %s."),
			until);
		goto done;
	}
	if (!*hash) {
		rc = hd_err_set(
			err, HD_REFUSED, "pin",
			_("This booker has no booking PIN yet: the centre's staff set one."));
		goto done;
	}
	ok = pin_matches(hash, pin);
	failures = ok ? 0 : failures + 1;
	locked = failures >= BOOKER_LOCK_FAILURES ? now + BOOKER_LOCK_SECONDS : 0;
	if (locked)
		failures = 0;
	rc = write_failures(db, kind, id, failures, locked, err);
	if (rc == HD_OK && ok)
		rc = raise_cost(db, kind, id, hash, pin, err);
	if (rc == HD_OK && locked)
		rc = audit_log(db, who, "pin.locked", TABLES[kind], id, NULL, NULL, err);
	if (rc != HD_OK || ok)
		goto done;
	/* The failure is kept: the refusal comes after the commit. */
	rc = db_finish(db, HD_OK, err);
	if (rc != HD_OK)
		return rc;
	if (locked) {
		clock_local_hm(locked, until, sizeof(until));
		return hd_err_set(
			err, HD_REFUSED, "pin",
			_("Wrong booking PIN five times: bookings by PIN are locked until %s."),
			until);
	}
	return hd_err_set(err, HD_REFUSED, "pin", _("Wrong booking PIN: %d tries left."),
			  BOOKER_LOCK_FAILURES - failures);
done:
	return db_finish(db, rc, err);
}
