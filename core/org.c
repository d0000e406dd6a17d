/* SPDX-License-Identifier: GPL-3.0-or-later */
/* org.c - the register of organisations. */
#include "core/org.h"

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
#include "core/search.h"
#include "core/text.h"

#define ORG_RESIDENT 1

#define ORG_FIELD(...) RECORD_FIELD(struct org_draft, __VA_ARGS__)
static const struct record_field ORG_FIELD_LIST[] = { ORG_FIELDS(ORG_FIELD) };
const struct record_def ORG_RECORD = { ORG_FIELD_LIST, ORG_NFIELDS };

/* Field m of draft d checked into out (outsz bytes). */
#define CHECK(m, d, out, outsz, err) record_check(&ORG_FIELD_LIST[ORG_F_##m], d, out, outsz, err)

static const char SQL_ORG_JSON[] =
	"SELECT name, short, kind, credit_code, credit_ok, contact, phone, in_date, out_date"
	" FROM org WHERE id = $1";
static const char *const ORG_KEYS[] = { "name",    "short", "kind", "credit_code", "credit_ok",
					"contact", "phone", "in",   "out",         NULL };

void org_default_short(const char *name, char *out, size_t outsz)
{
	size_t len = strlen(name), used = 0;
	uint32_t cp;
	int chars = 0, k;

	while (used < len && chars < SHORT_MAX_CHARS) {
		k = utf8_decode(name + used, len - used, &cp);
		if (k < 0)
			break;
		used += (size_t)k;
		chars++;
	}
	if (used >= outsz)
		used = outsz - 1;
	memcpy(out, name, used);
	out[used] = '\0';
}

static enum hd_status check_term(const struct org_draft *d, struct org *o, struct hd_err *err)
{
	if (CHECK(in_date, d, o->in_date, sizeof(o->in_date), err) != HD_OK ||
	    CHECK(out_date, d, o->out_date, sizeof(o->out_date), err) != HD_OK)
		return HD_BAD_INPUT;
	if ((*o->in_date || *o->out_date) && o->kind != ORG_RESIDENT)
		return hd_err_set(err, HD_BAD_INPUT, "in",
				  _("%s: only resident organisations have a residence term"),
				  _("Moved in"));
	if (*o->out_date && !*o->in_date)
		return hd_err_set(err, HD_BAD_INPUT, "in", _("%s: required with a move-out date"),
				  _("Moved in"));
	if (*o->out_date && clock_day_of(o->out_date) <= clock_day_of(o->in_date))
		return hd_err_set(err, HD_BAD_INPUT, "out", _("%s: must be after the move-in date"),
				  _("Moves out"));
	return HD_OK;
}

enum hd_status org_check(const struct org_draft *d, struct org *o, struct org_notes *notes,
			 struct hd_err *err)
{
	struct org_notes unused;

	if (!notes)
		notes = &unused;
	memset(notes, 0, sizeof(*notes));
	memset(o, 0, sizeof(*o));
	o->credit_ok = true;
	if (CHECK(name, d, o->name, sizeof(o->name), err) != HD_OK)
		return HD_BAD_INPUT;
	if (!d->kind)
		return hd_err_set(err, HD_BAD_INPUT, "kind", _("%s: required"), _("Kind"));
	if (CHECK(kind, d, NULL, 0, err) != HD_OK)
		return HD_BAD_INPUT;
	o->kind = d->kind;
	if (CHECK(short_name, d, o->short_name, sizeof(o->short_name), err) != HD_OK)
		return HD_BAD_INPUT;
	if (!*o->short_name)
		org_default_short(o->name, o->short_name, sizeof(o->short_name));
	if (text_given(d->credit_code)) {
		if (valid_credit_code(d->credit_code, _("Credit code"), o->credit_code,
				      sizeof(o->credit_code), &o->credit_ok, err) != HD_OK)
			return HD_BAD_INPUT;
		notes->credit_check_failed = !o->credit_ok;
		notes->not_civil_affairs = !credit_code_is_civil_affairs(o->credit_code);
	}
	if (CHECK(contact, d, o->contact, sizeof(o->contact), err) != HD_OK ||
	    CHECK(phone, d, o->phone, sizeof(o->phone), err) != HD_OK)
		return HD_BAD_INPUT;
	return check_term(d, o, err);
}

void org_draft_of(const struct org *o, struct org_draft *d)
{
	*d = (struct org_draft){ .name = o->name,
				 .kind = o->kind,
				 .short_name = o->short_name,
				 .credit_code = o->credit_code,
				 .contact = o->contact,
				 .phone = o->phone,
				 .in_date = o->in_date,
				 .out_date = o->out_date };
}

/* Another organisation (not self) of the same name or credit code. */
static enum hd_status taken(struct db *db, const struct org *o, long long self, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db,
			"SELECT id, name, name = $1 FROM org WHERE (name = $1"
			" OR (credit_code IS NOT NULL AND credit_code = $2)) AND id != $3",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 3, self);
	db_bind_text(st, 1, o->name);
	if (*o->credit_code)
		db_bind_text(st, 2, o->credit_code);
	else
		db_bind_null(st, 2);
	if (db_step(st) == DB_ROW) {
		long long other = db_col_int(st, 0);

		if (db_col_int(st, 2))
			rc = hd_err_set(err, HD_REFUSED, "name",
					_("an organisation named %s exists already (id %lld)"),
					o->name, other);
		else
			rc = hd_err_set(err, HD_REFUSED, "credit_code",
					_("credit code %s is registered already to %s (id %lld)"),
					o->credit_code, db_col_text(st, 1), other);
	}
	db_done(st);
	return rc;
}

static void bind_opt(struct db_stmt *st, int i, const char *s)
{
	if (*s)
		db_bind_text(st, i, s);
	else
		db_bind_null(st, i);
}

/* $1..$9 the fields in the order of the table, $10 now. */
static void bind_org(struct db_stmt *st, const struct org *o)
{
	db_bind_text(st, 1, o->name);
	db_bind_text(st, 2, o->short_name);
	db_bind_int(st, 3, o->kind);
	bind_opt(st, 4, o->credit_code);
	db_bind_int(st, 5, o->credit_ok);
	bind_opt(st, 6, o->contact);
	bind_opt(st, 7, o->phone);
	bind_opt(st, 8, o->in_date);
	bind_opt(st, 9, o->out_date);
	db_bind_int(st, 10, clock_now());
}

static const char SQL_INSERT[] =
	"INSERT INTO org(name, short, kind, credit_code, credit_ok, contact, phone, in_date,"
	" out_date, created, updated) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)"
	" RETURNING id";

enum hd_status org_add(struct db *db, const struct hd_actor *who, const struct org_draft *d,
		       long long *id, struct org_notes *notes, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	struct org o;
	enum hd_status rc;
	enum db_step step;
	char *after = NULL;

	rc = org_check(d, &o, notes, err);
	if (rc == HD_OK)
		rc = access_require(db, who, ACC_REGISTERS, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = taken(db, &o, 0, err);
	if (rc != HD_OK)
		goto done;
	rc = db_prepare(db, SQL_INSERT, &st, err);
	if (rc != HD_OK)
		goto done;
	bind_org(st, &o);
	step = db_step(st);
	if (step == DB_CONSTRAINT) {
		/* Another desk's, committed after this transaction's snapshot
		 * (PostgreSQL's unique index sees it; taken() could not). */
		db_step_fail(st, err);
		rc = hd_err_set(err, HD_REFUSED,
				strstr(err->msg, "credit_code") ? "credit_code" : "name", "%s",
				_("another desk has just registered an organisation of that "
				  "name or credit code"));
		goto done;
	}
	if (step != DB_ROW) {
		rc = db_step_fail(st, err);
		goto done;
	}
	*id = db_col_int(st, 0);
	rc = search_index_put(db, SEARCH_ORG, *id, o.name, o.short_name, err);
	if (rc != HD_OK)
		goto done;
	after = json_row(db, SQL_ORG_JSON, *id, ORG_KEYS);
	rc = audit_log(db, who, "org.add", "org", *id, NULL, after, err);
done:
	db_done(st);
	free(after);
	return db_finish(db, rc, err);
}

static const char SQL_UPDATE[] =
	"UPDATE org SET name = $1, short = $2, kind = $3, credit_code = $4, credit_ok = $5,"
	" contact = $6, phone = $7, in_date = $8, out_date = $9, updated = $10 WHERE id = $11";

enum hd_status org_update(struct db *db, const struct hd_actor *who, long long id,
			  const struct org_draft *d, struct org_notes *notes, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	struct org o, was;
	enum hd_status rc;
	char *before = NULL, *after = NULL;

	rc = org_check(d, &o, notes, err);
	if (rc == HD_OK)
		rc = access_require(db, who, ACC_REGISTERS, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = org_get(db, id, &was, err);
	if (rc == HD_OK)
		rc = taken(db, &o, id, err);
	if (rc == HD_OK)
		rc = db_prepare(db, SQL_UPDATE, &st, err);
	if (rc != HD_OK)
		goto done;
	before = json_row(db, SQL_ORG_JSON, id, ORG_KEYS);
	bind_org(st, &o);
	db_bind_int(st, 11, id);
	if (db_step(st) != DB_DONE) {
		rc = db_step_fail(st, err);
		goto done;
	}
	/* The search index changes only with the names. */
	if (strcmp(was.name, o.name) != 0 || strcmp(was.short_name, o.short_name) != 0)
		rc = search_index_put(db, SEARCH_ORG, id, o.name, o.short_name, err);
	if (rc != HD_OK)
		goto done;
	after = json_row(db, SQL_ORG_JSON, id, ORG_KEYS);
	rc = audit_log(db, who, "org.edit", "org", id, before, after, err);
done:
	db_done(st);
	free(before);
	free(after);
	return db_finish(db, rc, err);
}

static const char SQL_ORG_COLS[] =
	"SELECT id, name, short, kind, coalesce(credit_code, ''), credit_ok, coalesce(contact, ''),"
	" coalesce(phone, ''), coalesce(in_date, ''), coalesce(out_date, '') FROM org";

static void read_row(struct db_stmt *st, void *rec)
{
	struct org *o = rec;

	o->id = db_col_int(st, 0);
	db_column_text(st, 1, o->name, sizeof(o->name));
	db_column_text(st, 2, o->short_name, sizeof(o->short_name));
	o->kind = (int)db_col_int(st, 3);
	db_column_text(st, 4, o->credit_code, sizeof(o->credit_code));
	o->credit_ok = db_col_int(st, 5) != 0;
	db_column_text(st, 6, o->contact, sizeof(o->contact));
	db_column_text(st, 7, o->phone, sizeof(o->phone));
	db_column_text(st, 8, o->in_date, sizeof(o->in_date));
	db_column_text(st, 9, o->out_date, sizeof(o->out_date));
}

enum hd_status org_get(struct db *db, long long id, struct org *out, struct hd_err *err)
{
	char sql[512];
	enum hd_status rc;

	snprintf(sql, sizeof(sql), "%s WHERE id = $1", SQL_ORG_COLS);
	rc = db_read_one(db, sql, id, read_row, out, err);
	if (rc == HD_NOT_FOUND)
		hd_err_set(err, HD_NOT_FOUND, "id", _("no organisation with id %lld"), id);
	return rc;
}

enum hd_status org_list(struct db *db, struct org **out, int *n, struct hd_err *err)
{
	char sql[512];

	snprintf(sql, sizeof(sql), "%s ORDER BY name", SQL_ORG_COLS);
	return db_collect(db, sql, NULL, 0, sizeof(**out), read_row, (void **)out, n, err);
}

long org_out_day(const struct org *o)
{
	return clock_day_of(o->out_date);
}

bool org_moved_out(const struct org *o, time_t t)
{
	long out = org_out_day(o);

	return out != CLOCK_NO_DAY && out < clock_day_at(t);
}

enum hd_status org_residence_ending(struct db *db, int days, struct org **out, int *n,
				    struct hd_err *err)
{
	char sql[512], until[DATE_LEN];

	clock_date_of(clock_today() + days, until, sizeof(until));
	snprintf(sql, sizeof(sql),
		 "%s WHERE out_date IS NOT NULL AND out_date <= $1"
		 " ORDER BY out_date, name",
		 SQL_ORG_COLS);
	return db_collect_text(db, sql, until, sizeof(**out), read_row, (void **)out, n, err);
}
