/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settings.c - the settings of settings.h's table: lookup, checks, reading
 * and writing. */
#include "core/settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/db.h"
#include "core/text.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/validate.h"

#define SETTING_ROW(id, key, label, type, def, min, max, help) \
	[id] = { key, label, type, def, min, max, help },
static const struct setting_def SETTINGS[SETTING_COUNT] = { SETTINGS_TABLE(SETTING_ROW) };
#undef SETTING_ROW

const struct setting_def *settings_def(enum setting s)
{
	return (int)s >= 0 && s < SETTING_COUNT ? &SETTINGS[s] : NULL;
}

static enum hd_status unknown_key(const char *key, struct hd_err *err)
{
	return hd_err_set(err, HD_BAD_INPUT, "key",
			  _("unknown setting %s; see hubdesk config list"), key ? key : "");
}

enum hd_status settings_lookup(const char *key, enum setting *out, struct hd_err *err)
{
	int i;

	for (i = 0; key && i < SETTING_COUNT; i++)
		if (strcmp(SETTINGS[i].key, key) == 0) {
			*out = (enum setting)i;
			return HD_OK;
		}
	return unknown_key(key, err);
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
			return hd_err_set(
				err, HD_BAD_INPUT, key,
				_("%s: weekday numbers 1 (Monday) to 7 (Sunday) separated by commas, e.g. 1,7"),
				key);
		seen[*p - '0'] = true;
		p++;
	}
	out[0] = '\0';
	for (d = 1; d <= 7; d++)
		if (seen[d] && used + 3 < outsz)
			used += (size_t)snprintf(out + used, outsz - used, "%s%d", used ? "," : "",
						 d);
	return HD_OK;
}

static enum hd_status check_queue(const char *key, const char *in, char *out, size_t outsz,
				  struct hd_err *err)
{
	const char *p;

	for (p = in; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '/' || *p == '#' || *p == '\\' ||
		    (unsigned char)*p >= 0x7f)
			return hd_err_set(
				err, HD_BAD_INPUT, key,
				_("%s: a CUPS queue name (letters, digits, - and _, no spaces), or empty for none"),
				key);
	if (p - in > 127)
		return hd_err_set(err, HD_BAD_INPUT, key, _("%s: at most 127 characters"), key);
	snprintf(out, outsz, "%s", in);
	return HD_OK;
}

/* A code of min..max ASCII capitals and digits; lower case is raised. */
enum hd_status settings_validate(enum setting s, const char *value, char *out, size_t outsz,
				 struct hd_err *err)
{
	const struct setting_def *d = settings_def(s);
	const char *key = d ? d->key : "";
	char in[SETTING_VALUE_MAX];
	long n;
	int m;

	if (!d)
		return unknown_key("", err);
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
			return hd_err_set(err, HD_BAD_INPUT, key,
					  _("%s: from %02ld:%02ld to %02ld:%02ld"), key,
					  d->min / 60, d->min % 60, d->max / 60, d->max % 60);
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
		return valid_code(in, d->key, (int)d->min, (int)d->max, out, outsz, err);
	}
	return HD_BAD_INPUT;
}

static const char SQL_GET[] = "SELECT value FROM setting WHERE key = $1";

enum hd_status settings_get(struct db *db, enum setting s, char *out, size_t outsz,
			    struct hd_err *err)
{
	const struct setting_def *d = settings_def(s);
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;

	if (!d)
		return unknown_key("", err);
	rc = db_prepare(db, SQL_GET, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, d->key);
	step = db_step(st);
	if (step == DB_ROW)
		db_column_text(st, 0, out, outsz);
	else if (step == DB_DONE)
		snprintf(out, outsz, "%s", d->def);
	else
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

/* {"key":"value"} for the audit log. */
static void json_pair(const char *key, const char *value, char *out, size_t outsz)
{
	struct json_out o;
	char *json;

	json_begin(&o);
	json_add_text(&o, key, value);
	json = json_end(&o);
	snprintf(out, outsz, "%s", json);
	free(json);
}

/* centre.code: HD_REFUSED when code is another centre's in table centre
 * (a district's database), whose filings would be numbered alike; HD_OK
 * when no other centre has it (always on SQLite: a file is one centre);
 * HD_FAIL when the database fails. The centre writing is the server's
 * hubdesk_centre(), which the setting's row takes too. */
static enum hd_status code_is_free(struct db *db, const char *key, const char *code,
				   struct hd_err *err)
{
	struct db_stmt *st = NULL;
	char name[SETTING_VALUE_MAX];
	enum hd_status rc;
	enum db_step step;

	if (!db_is_server(db))
		return HD_OK;
	rc = db_prepare(db, "SELECT name FROM centre WHERE id <> hubdesk_centre() AND code = $1",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, code);
	step = db_step(st);
	if (step == DB_ROW) {
		db_column_text(st, 0, name, sizeof(name));
		rc = hd_err_set(err, HD_REFUSED, key, _("%s: %s is the code of the centre %s"), key,
				code, name);
	} else if (step != DB_DONE) {
		rc = db_step_fail(st, err);
	}
	db_done(st);
	return rc;
}

static const char SQL_SET[] = "INSERT INTO setting(key, value) VALUES ($1, $2)"
			      " ON CONFLICT(centre_id, key) DO UPDATE SET value = excluded.value";

enum hd_status settings_set(struct db *db, const struct hd_actor *who, enum setting s,
			    const char *value, struct hd_err *err)
{
	const struct setting_def *d = settings_def(s);
	char norm[SETTING_VALUE_MAX], old[SETTING_VALUE_MAX];
	char before[2 * SETTING_VALUE_MAX + 64], after[2 * SETTING_VALUE_MAX + 64];
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = settings_validate(s, value, norm, sizeof(norm), err);
	if (rc == HD_OK)
		rc = access_require(db, who, ACC_ADMIN, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	if (s == SET_CENTRE_CODE)
		rc = code_is_free(db, d->key, norm, err);
	if (rc == HD_OK)
		rc = settings_get(db, s, old, sizeof(old), err);
	if (rc != HD_OK)
		goto done;
	rc = db_prepare(db, SQL_SET, &st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_text(st, 1, d->key);
	db_bind_text(st, 2, norm);
	if (db_step(st) != DB_DONE) {
		rc = db_step_fail(st, err);
		goto done;
	}
	json_pair(d->key, old, before, sizeof(before));
	json_pair(d->key, norm, after, sizeof(after));
	rc = audit_log(db, who, "config.set", "setting", 0, before, after, err);
done:
	db_done(st);
	return db_finish(db, rc, err);
}

static void get_or_default(struct db *db, enum setting s, char *out, size_t outsz)
{
	const struct setting_def *d = settings_def(s);
	char raw[SETTING_VALUE_MAX];

	out[0] = '\0';
	if (!d)
		return;
	if (settings_get(db, s, raw, sizeof(raw), NULL) != HD_OK ||
	    settings_validate(s, raw, out, outsz, NULL) != HD_OK)
		snprintf(out, outsz, "%s", d->def);
}

long settings_int(struct db *db, enum setting s)
{
	char v[SETTING_VALUE_MAX];

	get_or_default(db, s, v, sizeof(v));
	return strtol(v, NULL, 10);
}

bool settings_on(struct db *db, enum setting s)
{
	char v[SETTING_VALUE_MAX];

	get_or_default(db, s, v, sizeof(v));
	return strcmp(v, "on") == 0;
}

int settings_minutes(struct db *db, enum setting s)
{
	char v[SETTING_VALUE_MAX];
	int h = 0, m = 0;

	get_or_default(db, s, v, sizeof(v));
	if (sscanf(v, "%d:%d", &h, &m) != 2)
		return 0;
	return h * 60 + m;
}

void settings_text(struct db *db, enum setting s, char *out, size_t outsz)
{
	get_or_default(db, s, out, outsz);
}

bool settings_closed_weekday(struct db *db, int wd)
{
	char v[SETTING_VALUE_MAX];

	get_or_default(db, SET_CLOSED_WEEKDAYS, v, sizeof(v));
	return wd >= 1 && wd <= 7 && strchr(v, '0' + wd) != NULL;
}
