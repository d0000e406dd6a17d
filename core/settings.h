/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settings.h - the settings of DESIGN.md: one table of keys with their type,
 * default and range; typed getters; set with validation and audit. A key
 * never set reads as its default. */
#ifndef HD_SETTINGS_H
#define HD_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/actor.h"
#include "core/db.h"
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

/* The settings: enum name, key (as the command line and the audit log name
 * it), label for people (msgid), type, default, min, max, help (msgid). Code
 * names a setting by its enum, so a misspelt key does not compile; text
 * from people becomes one through settings_lookup(). */
// clang-format off
#define SETTINGS_TABLE(X)                                                                          \
	X(SET_CENTRE_NAME, "centre.name", N_("Centre's name"),                                     \
	  SET_TEXT, "社会组织服务中心", 1, 40, N_("the centre's name on screens and paper"))       \
	X(SET_CLOSING_TIME, "closing.time", N_("Closing time"),                                    \
	  SET_TIME, "21:00", 8 * 60 + 30, 23 * 60 + 59, N_("when the centre closes"))              \
	X(SET_CLOSED_WEEKDAYS, "closed.weekdays", N_("Closed weekdays"),                           \
	  SET_WEEKDAYS, "", 0, 0, N_("weekdays the centre is closed (1 = Monday ... 7 = Sunday)")) \
	X(SET_RETENTION_DAYS, "retention.days", N_("Days data is kept"),                           \
	  SET_INT, "180", 1, 3650, N_("days a visitor's personal data is kept"))                   \
	X(SET_IDLE_SECONDS, "idle.seconds", N_("Idle reset (seconds)"),                            \
	  SET_INT, "60", 5, 3600, N_("seconds without a key before the desk returns home"))        \
	X(SET_KIOSK_MODE, "kiosk.mode", N_("Kiosk mode"),                                          \
	  SET_ONOFF, "off", 0, 0, N_("public self-service terminal"))                              \
	X(SET_PRINTER_RECEIPT, "printer.receipt", N_("Receipt printer"),                           \
	  SET_QUEUE, "", 0, 0, N_("CUPS queue of the receipt printer"))                            \
	X(SET_PRINTER_RECEIPT_WIDTH, "printer.receipt.width", N_("Receipt paper (mm)"),            \
	  SET_WIDTH, "80", 0, 0, N_("receipt paper width in mm (80 or 58)"))                       \
	X(SET_PRINTER_A4, "printer.a4", N_("A4 printer"),                                          \
	  SET_QUEUE, "", 0, 0, N_("CUPS queue of the A4 printer"))                                 \
	X(SET_BOOKING_DAYS_AHEAD, "booking.days_ahead", N_("Days ahead to book"),                  \
	  SET_INT, "14", 1, 90, N_("days ahead a booking may start"))                              \
	X(SET_BOOKING_SERIES_WEEKS, "booking.series_weeks", N_("Weeks of a series"),               \
	  SET_INT, "12", 1, 52, N_("most weekly occurrences of a series"))                         \
	X(SET_BOOKING_MAX_HOURS, "booking.max_hours", N_("Longest (hours)"),                       \
	  SET_INT, "4", 1, 12, N_("longest booking in hours"))                                     \
	X(SET_BOOKING_QUOTA_HOURS_WEEK, "booking.quota_hours_week", N_("Weekly quota (hours)"),    \
	  SET_INT, "8", 0, 168, N_("hours a booker may book per week (0 = no limit)"))             \
	X(SET_BOOKING_CHECKIN_MINUTES, "booking.checkin_minutes", N_("Check-in (minutes)"),        \
	  SET_INT, "15", 5, 60, N_("minutes around the start when check-in is open"))              \
	X(SET_BOOKING_NOSHOW_LIMIT, "booking.noshow_limit", N_("No-shows that suspend"),           \
	  SET_INT, "3", 1, 10, N_("no-shows that suspend a booker"))                               \
	X(SET_BOOKING_NOSHOW_DAYS, "booking.noshow_days", N_("Days no-shows count"),               \
	  SET_INT, "90", 7, 365, N_("days over which no-shows are counted"))                       \
	X(SET_BOOKING_SUSPEND_DAYS, "booking.suspend_days", N_("Suspension (days)"),               \
	  SET_INT, "30", 0, 365, N_("days a suspension lasts"))                                    \
	X(SET_BOOKING_CANCEL_LATE_HOURS, "booking.cancel_late_hours", N_("Late cancel (hours)"),   \
	  SET_INT, "2", 0, 72, N_("hours before the start when a cancellation is late"))           \
	/* The default is also in migration 16, which numbers the filings. */                      \
	X(SET_CENTRE_CODE, "centre.code", N_("Centre's code"),                                     \
	  SET_CODE, "HD", 1, 12, N_("the start of the filing numbers of teams, as in HD-2026-0001")) \
	X(SET_INPUT_PINYIN, "input.pinyin", N_("Pinyin input"),                                    \
	  SET_ONOFF, "on", 0, 0, N_("the built-in pinyin input at the start (Ctrl-Space turns it on or off)"))
// clang-format on

#define SETTING_ENUM(id, key, label, type, def, min, max, help) id,
enum setting { SETTINGS_TABLE(SETTING_ENUM) SETTING_COUNT };
#undef SETTING_ENUM

struct setting_def {
	const char *key;
	const char *label; /* its name for people (English msgid) */
	enum setting_type type;
	const char *def;
	long min, max;
	const char *help; /* English msgid */
};

/* The definition of s (in table order, 0 .. SETTING_COUNT - 1); NULL for
 * anything else. */
const struct setting_def *settings_def(enum setting s);

/* The setting whose key is key (text from people: the command line, the
 * audit log) into *out. HD_BAD_INPUT on the field "key" naming it when there
 * is none. */
enum hd_status settings_lookup(const char *key, enum setting *out, struct hd_err *err);

/* Checks value for s and writes its normalised form to out. HD_BAD_INPUT
 * naming the key and the allowed values. */
enum hd_status settings_validate(enum setting s, const char *value, char *out, size_t outsz,
				 struct hd_err *err);

/* The value of s (its default when never set). HD_FAIL when the database
 * cannot say. */
enum hd_status settings_get(struct db *db, enum setting s, char *out, size_t outsz,
			    struct hd_err *err);

/* Sets s after validation, in one transaction with its audit entry.
 * HD_BAD_INPUT as settings_validate(); HD_REFUSED when who is not an
 * admin, or for centre.code when the code is another centre's; HD_FAIL
 * when the database fails. */
enum hd_status settings_set(struct db *db, const struct hd_actor *who, enum setting s,
			    const char *value, struct hd_err *err);

/* Typed getters: the stored value, or the default if it cannot be read. */
long settings_int(struct db *db, enum setting s);
bool settings_on(struct db *db, enum setting s);
int settings_minutes(struct db *db, enum setting s); /* SET_TIME as minutes of the day */
void settings_text(struct db *db, enum setting s, char *out, size_t outsz);

/* True when ISO weekday wd (1 = Monday) is in closed.weekdays. */
bool settings_closed_weekday(struct db *db, int wd);

#endif
