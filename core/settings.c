/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settings.c - the settings table and its checks. */
#include "core/settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/text.h"
#include "core/i18n.h"
#include "core/validate.h"

static const struct setting_def SETTINGS[] = {
	{ "centre.name", N_("Centre's name"), SET_TEXT, "社会组织服务中心", 1, 40, N_("the centre's name on screens and paper") },
	{ "closing.time", N_("Closing time"), SET_TIME, "21:00", 8 * 60 + 30, 23 * 60 + 59, N_("when the centre closes") },
	{ "closed.weekdays", N_("Closed weekdays"), SET_WEEKDAYS, "", 0, 0, N_("weekdays the centre is closed (1 = Monday ... 7 = Sunday)") },
	{ "retention.days", N_("Days data is kept"), SET_INT, "180", 1, 3650, N_("days a visitor's personal data is kept") },
	{ "idle.seconds", N_("Idle reset (seconds)"), SET_INT, "60", 5, 3600, N_("seconds without a key before the desk returns home") },
	{ "kiosk.mode", N_("Kiosk mode"), SET_ONOFF, "off", 0, 0, N_("public self-service terminal") },
	{ "printer.receipt", N_("Receipt printer"), SET_QUEUE, "", 0, 0, N_("CUPS queue of the receipt printer") },
	{ "printer.receipt.width", N_("Receipt paper (mm)"), SET_WIDTH, "80", 0, 0, N_("receipt paper width in mm (80 or 58)") },
	{ "printer.a4", N_("A4 printer"), SET_QUEUE, "", 0, 0, N_("CUPS queue of the A4 printer") },
	{ "booking.days_ahead", N_("Days ahead to book"), SET_INT, "14", 1, 90, N_("days ahead a booking may start") },
	{ "booking.series_weeks", N_("Weeks of a series"), SET_INT, "12", 1, 52, N_("most weekly occurrences of a series") },
	{ "booking.max_hours", N_("Longest (hours)"), SET_INT, "4", 1, 12, N_("longest booking in hours") },
	{ "booking.quota_hours_week", N_("Weekly quota (hours)"), SET_INT, "8", 0, 168, N_("hours a booker may book per week (0 = no limit)") },
	{ "booking.checkin_minutes", N_("Check-in (minutes)"), SET_INT, "15", 5, 60, N_("minutes around the start when check-in is open") },
	{ "booking.noshow_limit", N_("No-shows that suspend"), SET_INT, "3", 1, 10, N_("no-shows that suspend a booker") },
	{ "booking.noshow_days", N_("Days no-shows count"), SET_INT, "90", 7, 365, N_("days over which no-shows are counted") },
	{ "booking.suspend_days", N_("Suspension (days)"), SET_INT, "30", 0, 365, N_("days a suspension lasts") },
	{ "booking.cancel_late_hours", N_("Late cancel (hours)"), SET_INT, "2", 0, 72, N_("hours before the start when a cancellation is late") },
	/* The default is also in migration 16, which numbers the filings. */
	{ "centre.code", N_("Centre's code"), SET_CODE, "HD", 1, 12, N_("the start of the filing numbers of teams, as in HD-2026-0001") },
};

#define NSETTINGS ((int)(sizeof(SETTINGS) / sizeof(SETTINGS[0])))

int settings_count(void)
{
	return NSETTINGS;
}

const struct setting_def *settings_def(int i)
{
	return i >= 0 && i < NSETTINGS ? &SETTINGS[i] : NULL;
}

const struct setting_def *settings_find(const char *key)
{
	int i;

	for (i = 0; key && i < NSETTINGS; i++)
		if (strcmp(SETTINGS[i].key, key) == 0)
			return &SETTINGS[i];
	return NULL;
}

static enum hd_status check_weekdays(const char *key, const char *in, char *out, size_t outsz,
				     struct hd_err *err)
{
	bool seen[8] = { false };
	const char *p = in;
	size_t used = 0;
	int d;

	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		if (*p < '1' || *p > '7' || (p[1] && p[1] != ',' && p[1] != ' '))
			return hd_err_set(err, HD_BAD_INPUT, key,
					  _("%s: weekday numbers 1 (Monday) to 7 (Sunday) separated by commas, e.g. 1,7"),
					  key);
		seen[*p - '0'] = true;
		p++;
	}
	out[0] = '\0';
	for (d = 1; d <= 7; d++)
		if (seen[d] && used + 3 < outsz)
			used += (size_t)snprintf(out + used, outsz - used, "%s%d", used ? "," : "", d);
	return HD_OK;
}

static enum hd_status check_queue(const char *key, const char *in, char *out, size_t outsz,
				  struct hd_err *err)
{
	const char *p;

	for (p = in; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '/' || *p == '#' || *p == '\\' ||
		    (unsigned char)*p >= 0x7f)
			return hd_err_set(err, HD_BAD_INPUT, key,
					  _("%s: a CUPS queue name (letters, digits, - and _, no spaces), or empty for none"),
					  key);
	if (p - in > 127)
		return hd_err_set(err, HD_BAD_INPUT, key, _("%s: at most 127 characters"), key);
	snprintf(out, outsz, "%s", in);
	return HD_OK;
}

/* A code of min..max ASCII capitals and digits; lower case is raised. */
static enum hd_status check_code(const struct setting_def *d, const char *in, char *out,
				 size_t outsz, struct hd_err *err)
{
	size_t n = strlen(in), i;
	bool good = n >= (size_t)d->min && n <= (size_t)d->max;

	for (i = 0; good && i < n; i++)
		good = (in[i] >= 'A' && in[i] <= 'Z') || (in[i] >= 'a' && in[i] <= 'z') ||
		       (in[i] >= '0' && in[i] <= '9');
	if (!good)
		return hd_err_set(err, HD_BAD_INPUT, d->key,
				  _("%s: %ld to %ld capital letters or digits, such as HD"), d->key,
				  d->min, d->max);
	for (i = 0; i < n && i + 1 < outsz; i++)
		out[i] = in[i] >= 'a' && in[i] <= 'z' ? (char)(in[i] - 'a' + 'A') : in[i];
	out[i] = '\0';
	return HD_OK;
}

enum hd_status settings_validate(const char *key, const char *value, char *out, size_t outsz,
				 struct hd_err *err)
{
	const struct setting_def *d = settings_find(key);
	char in[SETTING_VALUE_MAX];
	long n;
	int m;

	if (!d)
		return hd_err_set(err, HD_BAD_INPUT, "key",
				  _("unknown setting %s; see hubdesk config list"), key ? key : "");
	if (value && strlen(value) >= sizeof(in))
		return hd_err_set(err, HD_BAD_INPUT, key, _("%s: the value is too long"), key);
	text_trim(value ? value : "", in, sizeof(in));
	switch (d->type) {
	case SET_TEXT:
		return valid_text(in, key, (int)d->min, (int)d->max, out, outsz, err);
	case SET_TIME:
		if (valid_time(in, key, &m, err) != HD_OK)
			return HD_BAD_INPUT;
		if (m < d->min || m > d->max)
			return hd_err_set(err, HD_BAD_INPUT, key, _("%s: from %02ld:%02ld to %02ld:%02ld"),
					  key, d->min / 60, d->min % 60, d->max / 60, d->max % 60);
		snprintf(out, outsz, "%02d:%02d", m / 60, m % 60);
		return HD_OK;
	case SET_WEEKDAYS:
		return check_weekdays(key, in, out, outsz, err);
	case SET_INT:
		if (valid_int(in, key, d->min, d->max, &n, err) != HD_OK)
			return HD_BAD_INPUT;
		snprintf(out, outsz, "%ld", n);
		return HD_OK;
	case SET_ONOFF:
		if (strcmp(in, "on") != 0 && strcmp(in, "off") != 0)
			return hd_err_set(err, HD_BAD_INPUT, key, _("%s: on or off"), key);
		snprintf(out, outsz, "%s", in);
		return HD_OK;
	case SET_QUEUE:
		return check_queue(key, in, out, outsz, err);
	case SET_WIDTH:
		if (strcmp(in, "80") != 0 && strcmp(in, "58") != 0)
			return hd_err_set(err, HD_BAD_INPUT, key, _("%s: 80 or 58"), key);
		snprintf(out, outsz, "%s", in);
		return HD_OK;
	case SET_CODE:
		return check_code(d, in, out, outsz, err);
	}
	return HD_BAD_INPUT;
}

static const char SQL_GET[] = "SELECT value FROM setting WHERE key = ?1";

enum hd_status settings_get(sqlite3 *db, const char *key, char *out, size_t outsz,
			    struct hd_err *err)
{
	const struct setting_def *d = settings_find(key);
	sqlite3_stmt *st = NULL;
	enum hd_status rc;
	int src;

	if (!d)
		return hd_err_set(err, HD_BAD_INPUT, "key",
				  _("unknown setting %s; see hubdesk config list"), key ? key : "");
	rc = db_prepare(db, SQL_GET, &st, err);
	if (rc != HD_OK)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	src = sqlite3_step(st);
	if (src == SQLITE_ROW)
		snprintf(out, outsz, "%s", (const char *)sqlite3_column_text(st, 0));
	else if (src == SQLITE_DONE)
		snprintf(out, outsz, "%s", d->def);
	else
		rc = db_fail(db, src, err);
	db_done(st);
	return rc;
}

/* {"key": value} for the audit log, quoted by SQLite. */
static void json_pair(sqlite3 *db, const char *key, const char *value, char *out, size_t outsz)
{
	sqlite3_stmt *st = NULL;

	out[0] = '\0';
	if (db_prepare(db, "SELECT json_object(?1, ?2)", &st, NULL) == HD_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			db_column_text(st, 0, out, outsz);
	}
	db_done(st);
}

static const char SQL_SET[] =
	"INSERT INTO setting(key, value) VALUES (?1, ?2)"
	" ON CONFLICT(key) DO UPDATE SET value = excluded.value";

enum hd_status settings_set(sqlite3 *db, const struct hd_actor *who, const char *key,
			    const char *value, struct hd_err *err)
{
	char norm[SETTING_VALUE_MAX], old[SETTING_VALUE_MAX];
	char before[2 * SETTING_VALUE_MAX + 64], after[2 * SETTING_VALUE_MAX + 64];
	sqlite3_stmt *st = NULL;
	enum hd_status rc;
	int src;

	rc = settings_validate(key, value, norm, sizeof(norm), err);
	if (rc == HD_OK)
		rc = access_require(db, who, ACC_ADMIN, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = settings_get(db, key, old, sizeof(old), err);
	if (rc != HD_OK)
		goto done;
	rc = db_prepare(db, SQL_SET, &st, err);
	if (rc != HD_OK)
		goto done;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, norm, -1, SQLITE_STATIC);
	src = sqlite3_step(st);
	if (src != SQLITE_DONE) {
		rc = db_fail(db, src, err);
		goto done;
	}
	json_pair(db, key, old, before, sizeof(before));
	json_pair(db, key, norm, after, sizeof(after));
	rc = audit_log(db, who, "config.set", "setting", 0, before, after, err);
done:
	db_done(st);
	return db_finish(db, rc, err);
}

static void get_or_default(sqlite3 *db, const char *key, char *out, size_t outsz)
{
	const struct setting_def *d = settings_find(key);
	char raw[SETTING_VALUE_MAX];

	out[0] = '\0';
	if (!d)
		return;
	if (settings_get(db, key, raw, sizeof(raw), NULL) != HD_OK ||
	    settings_validate(key, raw, out, outsz, NULL) != HD_OK)
		snprintf(out, outsz, "%s", d->def);
}

long settings_int(sqlite3 *db, const char *key)
{
	char v[SETTING_VALUE_MAX];

	get_or_default(db, key, v, sizeof(v));
	return strtol(v, NULL, 10);
}

bool settings_on(sqlite3 *db, const char *key)
{
	char v[SETTING_VALUE_MAX];

	get_or_default(db, key, v, sizeof(v));
	return strcmp(v, "on") == 0;
}

int settings_minutes(sqlite3 *db, const char *key)
{
	char v[SETTING_VALUE_MAX];
	int h = 0, m = 0;

	get_or_default(db, key, v, sizeof(v));
	if (sscanf(v, "%d:%d", &h, &m) != 2)
		return 0;
	return h * 60 + m;
}

void settings_text(sqlite3 *db, const char *key, char *out, size_t outsz)
{
	get_or_default(db, key, out, outsz);
}

bool settings_closed_weekday(sqlite3 *db, int wd)
{
	char v[SETTING_VALUE_MAX];

	get_or_default(db, "closed.weekdays", v, sizeof(v));
	return wd >= 1 && wd <= 7 && strchr(v, '0' + wd) != NULL;
}
