/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pin.h - PINs: their shape, Argon2id hashing (libsodium, interactive
 * limits) and checking, and the booking PINs of organisations and teams.
 * A PIN is never stored, logged or printed in clear. */
#ifndef HD_PIN_H
#define HD_PIN_H

#include <stdbool.h>

#include "core/actor.h"
#include "core/booking.h"
#include "core/db.h"
#include "core/status.h"

#define PIN_HASH_MAX 128 /* libsodium's crypto_pwhash_STRBYTES (checked in pin.c) */
#define STAFF_PIN_MIN 6
#define BOOKER_PIN_MIN 4
#define BOOKER_PIN_MAX 6
#define PIN_MAX 12

/* HD_BAD_INPUT naming label unless pin is min..max digits. */
enum hd_status pin_check_shape(const char *pin, int min, int max, const char *label,
			       struct hd_err *err);

/* Hashes pin into out (PIN_HASH_MAX bytes). HD_FAIL when out of memory. */
enum hd_status pin_hash(const char *pin, char out[PIN_HASH_MAX], struct hd_err *err);

/* The same at the lowest cost, for a PIN the demo data publishes: each
 * account and booker still gets a salt of its own, and its hash is raised
 * to the full cost the first time its PIN is taken (pin_booker_check(),
 * staff_signin()). HD_FAIL when out of memory. */
enum hd_status pin_hash_demo(const char *pin, char out[PIN_HASH_MAX], struct hd_err *err);

/* True when pin matches hash. */
bool pin_matches(const char *hash, const char *pin);

/* True when hash was made at a lower cost than pin_hash()'s (a demo's):
 * the caller hashes the PIN again once it has matched. */
bool pin_needs_raise(const char *hash);

/* Sets the booking PIN (4 to 6 digits) of an organisation or team, with
 * an audit entry that holds no PIN (kind: core/booking.h). HD_BAD_INPUT
 * for a PIN of another shape; HD_REFUSED when who may not edit the
 * registers; HD_NOT_FOUND for an unknown id; HD_FAIL when the database
 * fails. */
enum hd_status pin_set_booker(struct db *db, const struct hd_actor *who, enum booker_kind kind,
			      long long id, const char *pin, struct hd_err *err);

/* True when pin is the booking PIN of the organisation or team. */
bool pin_booker_matches(struct db *db, enum booker_kind kind, long long id, const char *pin);

#define BOOKER_LOCK_FAILURES 5
#define BOOKER_LOCK_SECONDS (15 * 60)

/* A resident gives the booker's PIN: HD_OK when it matches (the failures
 * are forgotten); a wrong one is HD_REFUSED saying how many tries are
 * left, and the fifth locks the booker for 15 minutes (HD_REFUSED saying
 * until when, audited); a booker without a PIN is refused too. Failures
 * are kept whatever the caller does next. */
enum hd_status pin_booker_check(struct db *db, const struct hd_actor *who, enum booker_kind kind,
				long long id, const char *pin, struct hd_err *err);

#endif
