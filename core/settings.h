/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settings.h - the settings of DESIGN.md: one table of keys with their type,
 * default and range; typed getters; set with validation and audit. A key
 * never set reads as its default. */
#ifndef HD_SETTINGS_H
#define HD_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <sqlite3.h>

#include "core/actor.h"
#include "core/status.h"

#define SETTING_VALUE_MAX 256

enum setting_type {
	SET_TEXT,     /* 1..max characters */
	SET_TIME,     /* HH:MM */
	SET_WEEKDAYS, /* ISO weekday numbers "1,7", may be empty */
	SET_INT,      /* min..max */
	SET_ONOFF,    /* off|on */
	SET_QUEUE,    /* a CUPS queue name, may be empty */
	SET_WIDTH,    /* 80|58 */
	SET_CODE      /* min..max ASCII capitals or digits (lower case is raised) */
};

struct setting_def {
	const char *key;
	const char *label; /* its name for people (English msgid) */
	enum setting_type type;
	const char *def;
	long min, max;
	const char *help; /* English msgid */
};

/* The number of settings and the i-th definition (in table order). */
int settings_count(void);
const struct setting_def *settings_def(int i);

/* The definition of key, or NULL when unknown. */
const struct setting_def *settings_find(const char *key);

/* Checks value for key and writes its normalised form to out. HD_BAD_INPUT
 * naming the key and the allowed values. */
enum hd_status settings_validate(const char *key, const char *value, char *out, size_t outsz,
				 struct hd_err *err);

/* The value of key (its default when never set). HD_BAD_INPUT for an unknown
 * key. */
enum hd_status settings_get(sqlite3 *db, const char *key, char *out, size_t outsz,
			    struct hd_err *err);

/* Sets key after validation, in one transaction with its audit entry. */
enum hd_status settings_set(sqlite3 *db, const struct hd_actor *who, const char *key,
			    const char *value, struct hd_err *err);

/* Typed getters: the stored value, or the default if it cannot be read. */
long settings_int(sqlite3 *db, const char *key);
bool settings_on(sqlite3 *db, const char *key);
int settings_minutes(sqlite3 *db, const char *key); /* SET_TIME as minutes of the day */
void settings_text(sqlite3 *db, const char *key, char *out, size_t outsz);

/* True when ISO weekday wd (1 = Monday) is in closed.weekdays. */
bool settings_closed_weekday(sqlite3 *db, int wd);

#endif
