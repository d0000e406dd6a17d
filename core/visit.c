/* SPDX-License-Identifier: GPL-3.0-or-later */
/* visit.c - checking visitors in and out, who is here, returning visitors
 * (forgetting them is in visit_erase.c). */
#include "core/visit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/lists.h"
#include "core/pinyin.h"
#include "core/print_request.h"
#include "core/search.h"
#include "core/settings.h"
#include "core/text.h"
#include "core/token.h"
#include "core/xalloc.h"

/* The checked draft. */
struct visit_row {
	char name[NAME_BYTES], phone[PHONE_MAX], note[TEXT_BYTES];
	int purpose;
	long party;
	long long org_id, team_id;
	char whom[NAME_BYTES];
};

#define VISIT_FIELD(...) RECORD_FIELD(struct visit_draft, __VA_ARGS__)
static const struct record_field VISIT_FIELD_LIST[] = { VISIT_FIELDS(VISIT_FIELD) };
const struct record_def VISIT_RECORD = { VISIT_FIELD_LIST, VISIT_NFIELDS };

#define CHECK(m, d, out, outsz, err) \
	record_check(&VISIT_FIELD_LIST[VISIT_F_##m], d, out, outsz, err)

static enum hd_status check_draft(const struct visit_draft *d, struct visit_row *v,
				  struct hd_err *err)
{
	memset(v, 0, sizeof(*v));
	if (valid_text(d->name, _("Visitor"), 1, NAME_MAX_CHARS, v->name, sizeof(v->name), err) ||
	    (text_given(d->phone) &&
	     valid_phone(d->phone, _("Phone"), v->phone, sizeof(v->phone), err)) ||
	    CHECK(purpose, d, NULL, 0, err) || CHECK(org, d, NULL, 0, err) ||
	    CHECK(team, d, NULL, 0, err) ||
	    valid_text(text_given(d->whom) ? d->whom : "", _("Visiting"), 0, NAME_MAX_CHARS,
		       v->whom, sizeof(v->whom), err) ||
	    CHECK(party, d, NULL, 0, err) ||
	    valid_text(text_given(d->note) ? d->note : "", _("Note"), 0, VISIT_NOTE_MAX_CHARS,
		       v->note, sizeof(v->note), err))
		return HD_BAD_INPUT;
	v->purpose = d->purpose;
	v->org_id = d->org;
	v->team_id = d->team;
	v->party = d->party.given ? d->party.value : 1;
	if ((v->org_id != 0) + (v->team_id != 0) + (*v->whom != '\0') > 1)
		return hd_err_set(err, HD_BAD_INPUT, "org",
				  _("Whom they visit: an organisation, a team or a name, only one"));
	if (d->under14 && !d->guardian_consent)
		return hd_err_set(err, HD_BAD_INPUT, "guardian_consent",
				  _("A visitor under 14 needs the guardian's consent"));
	return HD_OK;
}

/* HD_NOT_FOUND (err untouched) when sql with $1 = id finds nothing. */
static enum hd_status exists(struct db *db, const char *sql, long long id, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;

	if (!id)
		return HD_OK;
	rc = db_prepare(db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, id);
	step = db_step(st);
	if (step == DB_DONE)
		rc = HD_NOT_FOUND;
	else if (step != DB_ROW)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

static const char SQL_PERSON_SEEN[] =
	"UPDATE person SET name = $1, phone = coalesce($2, phone),"
	" last4 = coalesce(\"right\"($2, 4), last4), last_visit = $3 WHERE id = $4";
/* A number once erased on request is never given again: backups and
 * restores erase by it. On SQLite the next after every number given or
 * erased; on PostgreSQL, where a centre reads only its own people, the
 * sequence's next, which no centre was given (migration 18 moved it past
 * every number given or erased before; a centre moved in by load has its
 * own numbers reserved). */
static const char SQL_PERSON_NEW[] =
	"INSERT INTO person(id, name, phone, last4, last_visit, created)"
	" VALUES (greatest(coalesce((SELECT max(id) FROM person), 0),"
	" coalesce((SELECT max(person_id) FROM erasure), 0)) + 1,"
	" $1, $2, \"right\"($2, 4), $3, $3) RETURNING id";
static const char SQL_PERSON_NEW_SERVER[] =
	"INSERT INTO person(name, phone, last4, last_visit, created)"
	" VALUES ($1, $2, \"right\"($2, 4), $3, $3) RETURNING id";

/* The person this visit is for: the one picked, or the one with the same
 * name and phone, or a new one. Their last visit becomes now. */
static enum hd_status find_person(struct db *db, const struct visit_draft *d,
				  const struct visit_row *v, long long *pid, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	time_t now = clock_now();
	enum db_step step;

	*pid = 0;
	rc = db_prepare(db,
			"SELECT id FROM person WHERE (id = $1)"
			" OR ($1 = 0 AND name = $2 AND phone = $3) ORDER BY id = $1 DESC LIMIT 1",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, d->person_id);
	db_bind_text(st, 2, v->name);
	db_bind_text(st, 3, *v->phone ? v->phone : NULL);
	step = db_step(st);
	if (step == DB_ROW)
		*pid = db_col_int(st, 0);
	else if (step != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(db,
			*pid               ? SQL_PERSON_SEEN
			: db_is_server(db) ? SQL_PERSON_NEW_SERVER
					   : SQL_PERSON_NEW,
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, v->name);
	db_bind_text(st, 2, *v->phone ? v->phone : NULL);
	db_bind_int(st, 3, now);
	if (*pid)
		db_bind_int(st, 4, *pid);
	step = db_step(st);
	if (step == (*pid ? DB_DONE : DB_ROW)) {
		if (!*pid)
			*pid = db_col_int(st, 0);
	} else {
		rc = db_step_fail(st, err);
	}
	db_done(st);
	/* Returning visitors are found by the pinyin of their name too. */
	if (rc == HD_OK)
		rc = search_index_put(db, SEARCH_PERSON, *pid, v->name, NULL, err);
	return rc;
}

/* The audit names the person by number only: their name and phone live
 * in one row of person, so erasing that row forgets them everywhere. */
static const char SQL_VISIT_JSON[] =
	"SELECT v.person_id, v.purpose, v.org_id, v.team_id, v.visitee_id, v.party, v.under14,"
	" v.time_in, v.time_out FROM visit v WHERE v.id = $1";
static const char *const VISIT_KEYS[] = { "person", "purpose", "org",     "team",     "visitee",
					  "party",  "under14", "time_in", "time_out", NULL };

/* The number of a name whom visits are for, kept once; 0 for "". */
static enum hd_status visitee_id(struct db *db, const char *name, long long *id, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	*id = 0;
	if (!*name)
		return HD_OK;
	rc = db_prepare(
		db,
		"INSERT INTO visitee(name) VALUES ($1)"
		" ON CONFLICT(centre_id, name) DO UPDATE SET name = excluded.name RETURNING id",
		&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, name);
	if (db_step(st) == DB_ROW)
		*id = db_col_int(st, 0);
	else
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

static enum hd_status insert_visit(struct db *db, const struct hd_actor *who,
				   const struct visit_draft *d, const struct visit_row *v,
				   long long pid, long long *id, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	char *after;

	long long visitee = 0;

	rc = visitee_id(db, v->whom, &visitee, err);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(
		db,
		"INSERT INTO visit(person_id, purpose, org_id, team_id, party, note, under14,"
		" guardian_consent, time_in, desk, visitee_id) VALUES ($1, $2,"
		" nullif(CAST($3 AS BIGINT), 0), nullif(CAST($4 AS BIGINT), 0), $5, nullif($6, ''), $7,"
		" $8, $9, $10, nullif(CAST($11 AS BIGINT), 0))"
		" RETURNING id",
		&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, pid);
	db_bind_int(st, 2, v->purpose);
	db_bind_int(st, 3, v->org_id);
	db_bind_int(st, 4, v->team_id);
	db_bind_int(st, 5, v->party);
	db_bind_text(st, 6, v->note);
	db_bind_int(st, 7, d->under14);
	db_bind_int(st, 8, d->guardian_consent);
	db_bind_int(st, 9, clock_now());
	db_bind_text(st, 10, who->desk);
	db_bind_int(st, 11, visitee);
	if (db_step(st) != DB_ROW) {
		rc = db_step_fail(st, err);
		db_done(st);
		return rc;
	}
	*id = db_col_int(st, 0);
	db_done(st);
	after = json_row(db, SQL_VISIT_JSON, *id, VISIT_KEYS);
	rc = audit_log(db, who, "visit.checkin", "visit", *id, NULL, after, err);
	free(after);
	return rc;
}

enum hd_status visit_checkin(struct db *db, const struct hd_actor *who, const struct visit_draft *d,
			     long long *id, struct hd_err *err)
{
	struct visit_row v;
	enum hd_status rc;
	long long pid = 0;

	rc = check_draft(d, &v, err);
	if (rc == HD_OK)
		rc = access_require(db, who, ACC_VISITOR, err);
	if (rc == HD_OK && d->under14)
		rc = access_require(db, who, ACC_VISITOR_PRIVATE, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = exists(db, "SELECT 1 FROM org WHERE id = $1", v.org_id, err);
	if (rc == HD_NOT_FOUND)
		hd_err_set(err, rc, "org", _("no organisation with id %lld"), v.org_id);
	if (rc == HD_OK) {
		rc = exists(db, "SELECT 1 FROM team WHERE id = $1", v.team_id, err);
		if (rc == HD_NOT_FOUND)
			hd_err_set(err, rc, "team", _("no team with id %lld"), v.team_id);
	}
	if (rc == HD_OK)
		rc = find_person(db, d, &v, &pid, err);
	if (rc == HD_OK)
		rc = insert_visit(db, who, d, &v, pid, id, err);
	if (rc == HD_OK && d->print)
		rc = print_request(db, SPOOL_KIND_VISITOR, *id, err);
	return db_finish(db, rc, err);
}

static const char SQL_VISIT_COLS[] =
	"SELECT v.id, coalesce(v.person_id, 0), coalesce(p.name, ''), coalesce(p.phone, ''), v.purpose,"
	" coalesce(v.org_id, 0), coalesce(v.team_id, 0),"
	" coalesce((SELECT name FROM org WHERE id = v.org_id),"
	"  (SELECT name FROM team WHERE id = v.team_id),"
	"  (SELECT name FROM visitee WHERE id = v.visitee_id), ''),"
	" v.party, coalesce(v.note, ''), v.under14, v.guardian_consent, v.auto_out, v.erased,"
	" v.time_in, coalesce(v.time_out, 0)"
	" FROM visit v LEFT JOIN person p ON p.id = v.person_id";

static void read_visit(struct db_stmt *st, void *rec)
{
	struct visit *v = rec;

	v->id = db_col_int(st, 0);
	v->person_id = db_col_int(st, 1);
	db_column_text(st, 2, v->name, sizeof(v->name));
	db_column_text(st, 3, v->phone, sizeof(v->phone));
	v->purpose = (int)db_col_int(st, 4);
	v->org_id = db_col_int(st, 5);
	v->team_id = db_col_int(st, 6);
	db_column_text(st, 7, v->whom, sizeof(v->whom));
	v->party = (int)db_col_int(st, 8);
	db_column_text(st, 9, v->note, sizeof(v->note));
	v->under14 = db_col_int(st, 10) != 0;
	v->guardian_consent = db_col_int(st, 11) != 0;
	v->auto_out = db_col_int(st, 12) != 0;
	v->erased = db_col_int(st, 13) != 0;
	v->time_in = (time_t)db_col_int(st, 14);
	v->time_out = (time_t)db_col_int(st, 15);
}

enum hd_status visit_get(struct db *db, long long id, struct visit *out, struct hd_err *err)
{
	char sql[1024];
	enum hd_status rc;

	snprintf(sql, sizeof(sql), "%s WHERE v.id = $1", SQL_VISIT_COLS);
	rc = db_read_one(db, sql, id, read_visit, out, err);
	if (rc == HD_NOT_FOUND)
		hd_err_set(err, rc, "id", _("no visit with id %lld"), id);
	return rc;
}

enum hd_status visit_present(struct db *db, struct visit **out, int *n, struct hd_err *err)
{
	char sql[1024];
	long long since;
	time_t now = clock_now();
	long today = clock_day_at(now);
	int closing = settings_minutes(db, SET_CLOSING_TIME);

	/* Whoever came in before the last closing time is out, for every
	 * reader, even before the automatic check-out has written it. */
	since = (long long)clock_day_time(today, closing);
	if (since > (long long)now)
		since = (long long)clock_day_time(today - 1, closing);
	snprintf(sql, sizeof(sql),
		 "%s WHERE v.time_out IS NULL AND v.time_in >= $1 ORDER BY v.time_in, v.id",
		 SQL_VISIT_COLS);
	return db_collect(db, sql, &since, 1, sizeof(**out), read_visit, (void **)out, n, err);
}

enum hd_status visit_here_now(struct db *db, const struct visit_draft *d, struct visit *out,
			      struct hd_err *err)
{
	char name[NAME_BYTES], phone[PHONE_MAX] = "";
	struct visit *in = NULL;
	enum hd_status rc;
	int n = 0, i;

	text_trim(d->name ? d->name : "", name, sizeof(name));
	if (d->phone && *d->phone && valid_phone(d->phone, "", phone, sizeof(phone), NULL) != HD_OK)
		return HD_NOT_FOUND;
	rc = visit_present(db, &in, &n, err);
	if (rc != HD_OK)
		return rc;
	rc = HD_NOT_FOUND;
	for (i = 0; i < n && rc == HD_NOT_FOUND; i++) {
		const struct visit *v = &in[i];

		if (v->erased || !v->person_id)
			continue;
		if (d->person_id ? v->person_id == d->person_id
				 : strcmp(v->name, name) == 0 && strcmp(v->phone, phone) == 0) {
			*out = *v;
			rc = HD_OK;
		}
	}
	free(in);
	return rc;
}

enum hd_status visit_open(struct db *db, struct visit **out, int *n, struct hd_err *err)
{
	char sql[1024];

	snprintf(sql, sizeof(sql), "%s WHERE v.time_out IS NULL ORDER BY v.time_in, v.id",
		 SQL_VISIT_COLS);
	return db_collect(db, sql, NULL, 0, sizeof(**out), read_visit, (void **)out, n, err);
}

enum hd_status visit_history(struct db *db, long long person_id, struct visit **out, int *n,
			     struct hd_err *err)
{
	char sql[1024];

	snprintf(sql, sizeof(sql), "%s WHERE v.person_id = $1 ORDER BY v.time_in DESC, v.id DESC",
		 SQL_VISIT_COLS);
	return db_collect(db, sql, &person_id, 1, sizeof(**out), read_visit, (void **)out, n, err);
}

enum hd_status visit_on_date(struct db *db, long day, struct visit **out, int *n,
			     struct hd_err *err)
{
	char sql[1024];
	long long span[2];

	*out = NULL;
	*n = 0;
	span[0] = (long long)clock_local_midnight(day);
	span[1] = (long long)clock_local_midnight(day + 1);
	snprintf(sql, sizeof(sql),
		 "%s WHERE v.time_in >= $1 AND v.time_in < $2"
		 " ORDER BY v.time_in, v.id",
		 SQL_VISIT_COLS);
	return db_collect(db, sql, span, 2, sizeof(**out), read_visit, (void **)out, n, err);
}

enum hd_status visit_checkout(struct db *db, const struct hd_actor *who, long long id,
			      enum access_via how, bool *already, time_t *first, struct hd_err *err)
{
	struct visit v;
	struct db_stmt *st = NULL;
	enum hd_status rc;
	char *after;

	*already = false;
	*first = 0;
	rc = access_require_via(db, who, ACC_VISITOR, how, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = visit_get(db, id, &v, err);
	if (rc != HD_OK)
		goto done;
	if (v.time_out != 0) {
		*already = true;
		*first = v.time_out;
		goto done;
	}
	rc = db_prepare(db, "UPDATE visit SET time_out = $2 WHERE id = $1", &st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, clock_now());
	rc = db_step(st) == DB_DONE ? HD_OK : db_step_fail(st, err);
	db_done(st);
	if (rc != HD_OK)
		goto done;
	after = json_row(db, SQL_VISIT_JSON, id, VISIT_KEYS);
	rc = audit_log(db, who, "visit.checkout", "visit", id, NULL, after, err);
	free(after);
done:
	return db_finish(db, rc, err);
}

enum hd_status visit_code(struct db *db, const struct hd_actor *who, const char *text,
			  long long *id, bool *scanned, struct hd_err *err)
{
	enum token_kind kind;

	*scanned = false;
	switch (token_ref_of(text)) {
	case REF_NUMBER:
		return valid_id(text, _("Visit"), id, err);
	case REF_NEITHER:
		return hd_err_set(
			err, HD_BAD_INPUT, "code",
			_("%s: give the code of the slip (HD1-V-...) or the visit's number"),
			_("Visit"));
	case REF_CODE:
		break;
	}
	if (token_read(db, who, text, &kind, id, err) != HD_OK)
		return err ? err->status : HD_FORGED;
	if (kind != TOKEN_VISIT)
		return hd_err_set(
			err, HD_BAD_INPUT, "code",
			_("This is a %s code, not a visitor slip: check-out takes the slip"),
			_(token_kind_word(kind)));
	*scanned = true;
	return HD_OK;
}

static void read_hint(struct db_stmt *st, struct visitor_hint *h)
{
	char phone[PHONE_MAX];

	h->person_id = db_col_int(st, 0);
	db_column_text(st, 1, h->name, sizeof(h->name));
	db_column_text(st, 2, phone, sizeof(phone));
	h->masked[0] = '\0';
	if (*phone)
		phone_mask(phone, h->masked, sizeof(h->masked));
	h->last_visit = (time_t)db_col_int(st, 3);
}

/* Digits of s when it is made of digits, spaces, dashes and a leading +. */
static int digits_of(const char *s, char *out, size_t outsz)
{
	size_t n = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (n + 1 >= outsz)
				return -1;
			out[n++] = *s;
		} else if (*s != ' ' && *s != '-' && *s != '+') {
			return -1;
		}
	}
	out[n] = '\0';
	return (int)n;
}

/* Rows of person read for one list of hints: people of one name without a
 * phone each have rows of their own (nothing says they are one person), and
 * are offered once, newest first, so more rows are read than shown. */
#define HINT_ROWS_READ 64

/* True when an earlier hint shows the same name and phone as hint n. */
static bool hint_seen(const struct visitor_hint *h, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(h[i].name, h[n].name) == 0 && strcmp(h[i].masked, h[n].masked) == 0)
			return true;
	return false;
}

static int newest_first(const void *a, const void *b)
{
	const struct visitor_hint *x = a, *y = b;

	return (x->last_visit < y->last_visit) - (x->last_visit > y->last_visit);
}

/* After the names that begin with the letters as typed, those whose
 * pinyin they spell from the start (zsf, zhangsanf: 张三丰). */
static enum hd_status pinyin_hints(struct db *db, const char *letters, struct visitor_hint *out,
				   int max, int *n, struct hd_err *err)
{
	/* Twice as many as shown, the newest of them first (each costs a
	 * lookup or two: a keystroke stays under a millisecond). */
	int want = 2 * max < HINT_ROWS_READ ? 2 * max : HINT_ROWS_READ, got = 0, nfound = 0, i;
	struct search_hit *people = xcalloc((size_t)want, sizeof(*people));
	struct visitor_hint *found = xcalloc((size_t)want, sizeof(*found));
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;

	rc = search_pinyin(db, letters, SEARCH_PERSON, false, people, want, &got, err);
	if (rc == HD_OK && got > 0)
		rc = db_prepare(db,
				"SELECT id, name, coalesce(phone, ''), last_visit FROM person"
				" WHERE id = $1",
				&st, err);
	for (i = 0; rc == HD_OK && i < got; i++) {
		db_reset(st);
		db_bind_int(st, 1, people[i].id);
		step = db_step(st);
		if (step == DB_ROW)
			read_hint(st, &found[nfound++]);
		else if (step != DB_DONE)
			rc = db_step_fail(st, err);
	}
	db_done(st);
	qsort(found, (size_t)nfound, sizeof(*found), newest_first);
	for (i = 0; rc == HD_OK && i < nfound && *n < max; i++) {
		out[*n] = found[i];
		if (!hint_seen(out, *n))
			(*n)++;
	}
	free(found);
	free(people);
	return rc;
}

enum hd_status visit_hints(struct db *db, const char *typed, struct visitor_hint *out, int max,
			   int *n, struct hd_err *err)
{
	char text[NAME_BYTES], digits[32], phone[PHONE_MAX], upto[NAME_BYTES + 8];
	struct db_stmt *st = NULL;
	const char *sql, *key;
	enum hd_status rc;
	enum db_step step = DB_DONE;
	int nd;

	*n = 0;
	text_trim(typed ? typed : "", text, sizeof(text));
	if (!*text || max <= 0)
		return HD_OK;
	nd = digits_of(text, digits, sizeof(digits));
	if (nd == 4) {
		sql = "SELECT id, name, coalesce(phone, ''), last_visit FROM person"
		      " WHERE last4 = $1 ORDER BY last_visit DESC LIMIT $2";
		key = digits;
	} else if (nd > 4) {
		if (valid_phone(text, "", phone, sizeof(phone), NULL) != HD_OK)
			return HD_OK;
		sql = "SELECT id, name, coalesce(phone, ''), last_visit FROM person"
		      " WHERE phone = $1 ORDER BY last_visit DESC LIMIT $2";
		key = phone;
	} else if (nd >= 0) {
		return HD_OK; /* a few digits say too little */
	} else {
		/* The start of a name: a range of the name index, up to the
		 * name followed by the last character there is (U+10FFFF). */
		sql = "SELECT id, name, coalesce(phone, ''), last_visit FROM person"
		      " WHERE name >= $1 AND name < $3"
		      " ORDER BY name, last_visit DESC LIMIT $2";
		key = text;
	}
	rc = db_prepare(db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, key);
	db_bind_int(st, 2, HINT_ROWS_READ);
	if (db_param_count(st) >= 3) {
		snprintf(upto, sizeof(upto), "%s\xF4\x8F\xBF\xBF", key);
		db_bind_text(st, 3, upto);
	}
	while (*n < max && (step = db_step(st)) == DB_ROW) {
		read_hint(st, &out[*n]);
		if (!hint_seen(out, *n))
			(*n)++;
	}
	if (step != DB_ROW && step != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	if (rc == HD_OK && *n < max && pinyin_letters(text))
		rc = pinyin_hints(db, text, out, max, n, err);
	return rc;
}
