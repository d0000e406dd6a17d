/* SPDX-License-Identifier: GPL-3.0-or-later */
/* team.c - adding activity teams to the register. */
#include "core/team.h"

#include <stdbool.h>
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
#include "core/xalloc.h"

#define TEAM_FIELD(...) RECORD_FIELD(struct team_draft, __VA_ARGS__)
static const struct record_field TEAM_FIELD_LIST[] = { TEAM_FIELDS(TEAM_FIELD) };
const struct record_def TEAM_RECORD = { TEAM_FIELD_LIST, TEAM_NFIELDS };

/* A draft checked: its text normalised, by field. */
struct team_row {
	char text[TEAM_NFIELDS][TEXT_BYTES];
	int category;
	long members, party_members;
};

#define ROW(t, m) ((t)->text[TEAM_F_##m])

static enum hd_status check_draft(const struct team_draft *d, struct team_row *t,
				  struct hd_err *err)
{
	struct record_field party = TEAM_FIELD_LIST[TEAM_F_party_members];
	int i;

	memset(t, 0, sizeof(*t));
	/* Every field in its order, the party members last: they are at most
	 * the members. */
	for (i = 0; i < TEAM_NFIELDS; i++)
		if (i != TEAM_F_party_members && record_check(&TEAM_FIELD_LIST[i], d, t->text[i],
							      sizeof(t->text[i]), err) != HD_OK)
			return HD_BAD_INPUT;
	t->category = d->category;
	t->members = d->members.value;
	party.max = t->members;
	if (record_check(&party, d, NULL, 0, err) != HD_OK)
		return HD_BAD_INPUT;
	t->party_members = d->party_members.given ? d->party_members.value : 0;
	if (!*ROW(t, short_name))
		org_default_short(ROW(t, name), ROW(t, short_name), SHORT_BYTES);
	return HD_OK;
}

/* What a team is called ends in what it is. */
static const char *const TEAM_SUFFIXES[] = { "队", "团", "社", "组", "会",
					     "班", "站", "坊", "部", "室" };

static bool proper_name(const char *name)
{
	size_t n = strlen(name), k;
	unsigned i;

	for (i = 0; i < sizeof(TEAM_SUFFIXES) / sizeof(TEAM_SUFFIXES[0]); i++) {
		k = strlen(TEAM_SUFFIXES[i]);
		if (n > k && strcmp(name + n - k, TEAM_SUFFIXES[i]) == 0)
			return true;
	}
	return false;
}

static enum hd_status check_name(const char *name, struct hd_err *err)
{
	if (proper_name(name))
		return HD_OK;
	return hd_err_set(
		err, HD_BAD_INPUT, "name",
		_("%s: ends in what the team is: 队, 团, 社, 组, 会, 班, 站, 坊, 部 or 室"),
		_("Name"));
}

static enum hd_status name_taken(struct db *db, const struct team_row *t, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db, "SELECT id FROM team WHERE name = $1 AND committee = $2", &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, ROW(t, name));
	db_bind_text(st, 2, ROW(t, committee));
	if (db_step(st) == DB_ROW)
		rc = hd_err_set(
			err, HD_REFUSED, "name",
			_("a team named %s is filed already in this residents' committee (id %lld)"),
			ROW(t, name), db_col_int(st, 0));
	db_done(st);
	return rc;
}

static const char SQL_INSERT[] =
	"INSERT INTO team(name, short, category, state, leader, phone, members, content, place,"
	" schedule, party_members, liaison, committee, street, filed_date, created, updated)"
	" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, nullif($12, ''), $13, $14, $15,"
	" $16, $16) RETURNING id";

static const char SQL_TEAM_JSON[] =
	"SELECT name, short, category, state, leader, phone, members, content, place, schedule,"
	" party_members, liaison, committee, street, filed_date FROM team WHERE id = $1";
static const char *const TEAM_KEYS[] = { "name",      "short",    "category",      "state",
					 "leader",    "phone",    "members",       "content",
					 "place",     "schedule", "party_members", "liaison",
					 "committee", "street",   "filed_date",    NULL };

/* Binds day as its "YYYY-MM-DD", the way the register keeps dates. */
static void bind_day(struct db_stmt *st, int col, long day)
{
	char date[DATE_LEN];

	clock_date_of(day, date, sizeof(date));
	db_bind_text(st, col, date);
}

/* Binds the row's fields $1..$14 (as SQL_INSERT and SQL_UPDATE number them)
 * and its state. */
static void bind_row(struct db_stmt *st, const struct team_row *t, enum team_state state)
{
	static const struct {
		int param;
		enum team_field field;
	} TEXTS[] = {
		{ 1, TEAM_F_name },      { 2, TEAM_F_short_name }, { 5, TEAM_F_leader },
		{ 6, TEAM_F_phone },     { 8, TEAM_F_content },    { 9, TEAM_F_place },
		{ 10, TEAM_F_schedule }, { 12, TEAM_F_liaison },   { 13, TEAM_F_committee },
		{ 14, TEAM_F_street },
	};
	size_t i;

	for (i = 0; i < sizeof(TEXTS) / sizeof(TEXTS[0]); i++)
		db_bind_text(st, TEXTS[i].param, t->text[TEXTS[i].field]);
	db_bind_int(st, 3, t->category);
	db_bind_int(st, 4, (int)state);
	db_bind_int(st, 7, t->members);
	db_bind_int(st, 11, t->party_members);
}

/* The history starts with the application (or the state an import or the
 * demo gives). */
static enum hd_status first_step(struct db *db, const struct hd_actor *who, long long id,
				 enum team_state state, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db,
			"INSERT INTO team_step(team_id, at, actor, from_state, to_state)"
			" VALUES ($1, $2, $3, NULL, $4)",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, clock_now());
	db_bind_text(st, 3, *who->name ? who->name : who->desk);
	db_bind_int(st, 4, (int)state);
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

enum hd_status team_create(struct db *db, const struct hd_actor *who, const struct team_draft *d,
			   enum team_state state, long filed_day, long long *id, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	struct team_row *t = xcalloc(1, sizeof(*t));
	enum hd_status rc;
	char *after = NULL;

	rc = check_draft(d, t, err);
	if (rc == HD_OK)
		rc = check_name(ROW(t, name), err);
	if (rc == HD_OK)
		rc = access_require(db, who, state == TEAM_APPLIED ? ACC_TEAM_APPLY : ACC_REGISTERS,
				    err);
	if (rc != HD_OK) {
		free(t);
		return rc;
	}
	rc = db_begin(db, err);
	if (rc != HD_OK) {
		free(t);
		return rc; /* nothing of ours to roll back */
	}
	rc = name_taken(db, t, err);
	if (rc != HD_OK)
		goto done;
	rc = db_prepare(db, SQL_INSERT, &st, err);
	if (rc != HD_OK)
		goto done;
	bind_row(st, t, state);
	if (filed_day != CLOCK_NO_DAY && state >= TEAM_FILED)
		bind_day(st, 15, filed_day);
	else
		db_bind_null(st, 15);
	db_bind_int(st, 16, clock_now());
	if (db_step(st) != DB_ROW) {
		rc = db_step_fail(st, err);
		goto done;
	}
	*id = db_col_int(st, 0);
	rc = first_step(db, who, *id, state, err);
	if (rc == HD_OK)
		rc = search_index_put(db, SEARCH_TEAM, *id, ROW(t, name), ROW(t, short_name), err);
	if (rc != HD_OK)
		goto done;
	after = json_row(db, SQL_TEAM_JSON, *id, TEAM_KEYS);
	rc = audit_log(db, who, "team.add", "team", *id, NULL, after, err);
done:
	db_done(st);
	free(after);
	free(t);
	return db_finish(db, rc, err);
}

static const char SQL_UPDATE[] =
	"UPDATE team SET name = $1, short = $2, category = $3, state = CAST($4 AS BIGINT),"
	" leader = $5, phone = $6, members = $7, content = $8, place = $9, schedule = $10,"
	" party_members = $11, liaison = nullif($12, ''), committee = $13, street = $14,"
	" filed_date = CASE WHEN $4 >= 3 THEN coalesce($15, filed_date) END, updated = $16"
	" WHERE id = $17";

/* A step the update took, kept in the history with reason. */
static enum hd_status update_step(struct db *db, const struct hd_actor *who, long long id, int from,
				  int to, const char *reason, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db,
			"INSERT INTO team_step(team_id, at, actor, from_state, to_state, reason)"
			" VALUES ($1, $2, $3, $4, $5, $6)",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, clock_now());
	db_bind_text(st, 3, *who->name ? who->name : who->desk);
	db_bind_int(st, 4, from);
	db_bind_int(st, 5, to);
	db_bind_text(st, 6, reason);
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

enum hd_status team_update(struct db *db, const struct hd_actor *who, long long id,
			   const struct team_draft *d, enum team_state state, long filed_day,
			   const char *reason, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	struct team_row *t = xcalloc(1, sizeof(*t));
	struct team *old = xcalloc(1, sizeof(*old));
	enum hd_status rc;
	char *before = NULL, *after = NULL;

	rc = check_draft(d, t, err);
	if (rc == HD_OK)
		rc = check_name(ROW(t, name), err);
	if (rc == HD_OK)
		rc = access_require(db, who, ACC_REGISTERS, err);
	if (rc != HD_OK) {
		free(t);
		free(old);
		return rc;
	}
	rc = db_begin(db, err);
	if (rc != HD_OK) {
		free(t);
		free(old);
		return rc; /* nothing of ours to roll back */
	}
	rc = team_get(db, id, old, err);
	if (rc != HD_OK)
		goto done;
	if (state == TEAM_STATE_KEPT)
		state = old->state;
	if (strcmp(old->name, ROW(t, name)) != 0 ||
	    strcmp(old->committee, ROW(t, committee)) != 0) {
		rc = name_taken(db, t, err);
		if (rc != HD_OK)
			goto done;
	}
	before = json_row(db, SQL_TEAM_JSON, id, TEAM_KEYS);
	rc = db_prepare(db, SQL_UPDATE, &st, err);
	if (rc != HD_OK)
		goto done;
	bind_row(st, t, state);
	if (filed_day != CLOCK_NO_DAY)
		bind_day(st, 15, filed_day);
	else
		db_bind_null(st, 15);
	db_bind_int(st, 16, clock_now());
	db_bind_int(st, 17, id);
	if (db_step(st) != DB_DONE) {
		rc = db_step_fail(st, err);
		goto done;
	}
	if (old->state != state)
		rc = update_step(db, who, id, (int)old->state, (int)state, reason, err);
	if (rc == HD_OK && (strcmp(old->name, ROW(t, name)) != 0 ||
			    strcmp(old->short_name, ROW(t, short_name)) != 0))
		rc = search_index_put(db, SEARCH_TEAM, id, ROW(t, name), ROW(t, short_name), err);
	if (rc != HD_OK)
		goto done;
	after = json_row(db, SQL_TEAM_JSON, id, TEAM_KEYS);
	rc = audit_log(db, who, "team.update", "team", id, before, after, err);
done:
	db_done(st);
	free(before);
	free(after);
	free(t);
	free(old);
	return db_finish(db, rc, err);
}

void team_draft_of(const struct team *t, struct team_draft *d)
{
	*d = (struct team_draft){ .name = t->name,
				  .category = t->category,
				  .leader = t->leader,
				  .phone = t->phone,
				  .members = REC_NUM(t->members),
				  .content = t->content,
				  .place = t->place,
				  .schedule = t->schedule,
				  .short_name = t->short_name,
				  .party_members = REC_NUM(t->party_members),
				  .liaison = t->liaison,
				  .committee = t->committee,
				  .street = t->street };
}

static void read_team(struct db_stmt *st, void *rec)
{
	struct team *t = rec;

	memset(t, 0, sizeof(*t));
	t->id = db_col_int(st, 0);
	db_column_text(st, 1, t->name, sizeof(t->name));
	db_column_text(st, 2, t->short_name, sizeof(t->short_name));
	db_column_text(st, 3, t->leader, sizeof(t->leader));
	db_column_text(st, 4, t->phone, sizeof(t->phone));
	db_column_text(st, 5, t->committee, sizeof(t->committee));
	db_column_text(st, 6, t->street, sizeof(t->street));
	db_column_text(st, 7, t->filed_date, sizeof(t->filed_date));
	t->category = (int)db_col_int(st, 8);
	t->state = (enum team_state)db_col_int(st, 9);
	t->members = (int)db_col_int(st, 10);
	t->party_members = (int)db_col_int(st, 11);
	db_column_text(st, 12, t->content, sizeof(t->content));
	db_column_text(st, 13, t->place, sizeof(t->place));
	db_column_text(st, 14, t->schedule, sizeof(t->schedule));
	db_column_text(st, 15, t->liaison, sizeof(t->liaison));
	db_column_text(st, 16, t->last_activity, sizeof(t->last_activity));
	db_column_text(st, 17, t->checked_date, sizeof(t->checked_date));
	t->last_booked = (time_t)db_col_int(st, 18);
}

enum hd_status team_get(struct db *db, long long id, struct team *out, struct hd_err *err)
{
	enum hd_status rc;

	rc = db_read_one(
		db,
		"SELECT id, name, short, leader, phone, committee, street,"
		" coalesce(filed_date, ''), category, state, members, party_members,"
		" content, place, schedule, coalesce(liaison, ''), coalesce(last_activity, ''),"
		" coalesce(checked_date, ''), coalesce(last_booked, 0)"
		" FROM team WHERE id = $1",
		id, read_team, out, err);
	if (rc == HD_NOT_FOUND)
		hd_err_set(err, HD_NOT_FOUND, "id", _("no team with id %lld"), id);
	return rc;
}

int team_unmet(const struct team_draft *d, char (*why)[HD_MSG_BYTES], int max)
{
	struct hd_err e[TEAM_NFIELDS];
	char text[TEXT_BYTES];
	int n = 0, i, k = 0;

	/* Each condition on its own, so that every unmet one is named: the
	 * required fields, the name also ending in what the team is. */
	for (i = 0; i < TEAM_NFIELDS; i++) {
		const struct record_field *f = &TEAM_FIELD_LIST[i];

		if (!f->required)
			continue;
		if (f->kind == REC_CHOICE && !record_given(f, d))
			hd_err_set(&e[k++], HD_BAD_INPUT, f->name, _("%s must be chosen"),
				   _(f->label));
		else if (record_check(f, d, text, sizeof(text), &e[k]) != HD_OK)
			k++;
		else if (i == TEAM_F_name)
			k += check_name(text, &e[k]) != HD_OK;
	}
	for (i = 0; i < k && n < max; i++)
		snprintf(why[n++], HD_MSG_BYTES, "%s", e[i].msg);
	return n;
}
