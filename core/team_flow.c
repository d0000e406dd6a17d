/* SPDX-License-Identifier: GPL-3.0-or-later */
/* team_flow.c - the filing workflow of activity teams (待初审 -> 已初审 ->
 * 已备案 -> 已分类, reopen one step back, 已注销 keeping the record), each
 * step with its date and person in the history; recorded activities; the
 * lists of the roll and its upkeep. */
#include "core/team.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/print_request.h"
#include "core/lists.h"
#include "core/text.h"
#include "core/xalloc.h"

#define DAY 86400
#define IDLE_DAYS 183 /* six months without a booking or an activity */

static const char SQL_TEAM_JSON[] =
	"SELECT state, category, filed_date, last_activity, checked_date FROM team WHERE id = $1";
static const char *const TEAM_KEYS[] = { "state",         "category",     "filed_date",
					 "last_activity", "checked_date", NULL };

static const char *state_label(enum team_state s)
{
	return list_label(&LIST_TEAM_STATE, (int)s);
}

/* When the team last reached state to, or else first went past it (a team
 * added in a later state); 0 when never. */
static time_t reached(struct db *db, long long id, enum team_state to)
{
	struct db_stmt *st = NULL;
	time_t at = 0;

	if (db_prepare(db,
		       "SELECT coalesce((SELECT max(at) FROM team_step WHERE team_id = $1"
		       " AND to_state = $2), (SELECT min(at) FROM team_step WHERE team_id = $1"
		       " AND to_state > $2 AND to_state != $3))",
		       &st, NULL) != HD_OK)
		return 0;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, (int)to);
	db_bind_int(st, 3, TEAM_DEREGISTERED);
	if (db_step(st) == DB_ROW)
		at = (time_t)db_col_int(st, 0);
	db_done(st);
	return at;
}

/* The state a deregistered team had before. */
static enum team_state before_deregistering(struct db *db, long long id)
{
	struct db_stmt *st = NULL;
	int from = TEAM_APPLIED;

	if (db_prepare(db,
		       "SELECT from_state FROM team_step WHERE team_id = $1 AND to_state = $2"
		       " ORDER BY at DESC, id DESC LIMIT 1",
		       &st, NULL) != HD_OK)
		return TEAM_APPLIED;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, TEAM_DEREGISTERED);
	if (db_step(st) == DB_ROW && db_col_int(st, 0) >= TEAM_APPLIED &&
	    db_col_int(st, 0) < TEAM_DEREGISTERED)
		from = (int)db_col_int(st, 0);
	db_done(st);
	return (enum team_state)from;
}

/* Where the action takes a team in state from: *to, or HD_REFUSED out of
 * order, or *already when it was taken before. */
static enum hd_status target(struct db *db, const struct team *t, enum team_action action,
			     enum team_state *to, bool *already, struct hd_err *err)
{
	static const enum team_state NEXT[] = { [TEAM_REVIEW] = TEAM_REVIEWED,
						[TEAM_FILE] = TEAM_FILED,
						[TEAM_CLASSIFY] = TEAM_CLASSIFIED };
	enum team_state from = t->state;

	*already = false;
	switch (action) {
	case TEAM_DEREGISTER:
		*to = TEAM_DEREGISTERED;
		*already = from == TEAM_DEREGISTERED;
		return HD_OK;
	case TEAM_REOPEN:
		if (from == TEAM_APPLIED)
			return hd_err_set(err, HD_REFUSED, "id",
					  _("%s is %s: there is no step to take back."), t->name,
					  state_label(from));
		*to = from == TEAM_DEREGISTERED ? before_deregistering(db, t->id)
						: (enum team_state)(from - 1);
		return HD_OK;
	default:
		*to = NEXT[action];
		if (from == TEAM_DEREGISTERED)
			return hd_err_set(err, HD_REFUSED, "id",
					  _("%s is deregistered (已注销): reopen it first."),
					  t->name);
		if (from >= *to) {
			*already = true;
			return HD_OK;
		}
		if (from + 1 != *to)
			return hd_err_set(err, HD_REFUSED, "id",
					  _("%s is %s: it must be %s first."), t->name,
					  state_label(from),
					  state_label((enum team_state)(*to - 1)));
		return HD_OK;
	}
}

/* The reason of reopen and deregister, or the new category of classify. */
static enum hd_status read_arg(enum team_action action, const char *arg, char *reason,
			       size_t reasonsz, int *category, struct hd_err *err)
{
	*reason = '\0';
	*category = 0;
	if (action == TEAM_REOPEN || action == TEAM_DEREGISTER)
		return valid_text(arg, _("Reason"), 1, TEXT_MAX_CHARS, reason, reasonsz, err);
	if (action == TEAM_CLASSIFY && text_given(arg))
		return list_parse(&LIST_TEAM_CATEGORY, arg, category, err);
	return HD_OK;
}

/* Classify with a new category for a team classified already: a change of
 * category, kept in the history with the old and new names as its reason. */
static bool reclassify(const struct team *t, enum team_action action, const char *arg, char *reason,
		       size_t reasonsz)
{
	int category = 0;

	if (action != TEAM_CLASSIFY || t->state != TEAM_CLASSIFIED || !text_given(arg) ||
	    list_parse(&LIST_TEAM_CATEGORY, arg, &category, NULL) != HD_OK ||
	    category == t->category)
		return false;
	snprintf(reason, reasonsz, "%s: %s → %s", _("Category"),
		 list_label(&LIST_TEAM_CATEGORY, t->category),
		 list_label(&LIST_TEAM_CATEGORY, category));
	return true;
}

static enum hd_status write_step(struct db *db, const struct hd_actor *who, const struct team *t,
				 enum team_state to, int category, const char *reason,
				 struct hd_err *err)
{
	char today[DATE_LEN];
	struct db_stmt *st = NULL;
	enum hd_status rc;
	long long now = (long long)clock_now();

	clock_local_date(clock_now(), today, sizeof(today));
	rc = db_prepare(db,
			"UPDATE team SET state = CAST($2 AS BIGINT), updated = $3,"
			" category = CASE WHEN CAST($4 AS BIGINT) > 0 THEN $4 ELSE category END,"
			" filed_date = CASE WHEN $2 = 3 AND state = 2 THEN $5 ELSE filed_date END"
			" WHERE id = $1",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, t->id);
	db_bind_int(st, 2, (int)to);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, category);
	db_bind_text(st, 5, today);
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(db,
			"INSERT INTO team_step(team_id, at, actor, from_state, to_state, reason)"
			" VALUES ($1, $2, $3, $4, $5, nullif($6, ''))",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, t->id);
	db_bind_int(st, 2, now);
	db_bind_text(st, 3, *who->name ? who->name : who->desk);
	db_bind_int(st, 4, (int)t->state);
	db_bind_int(st, 5, (int)to);
	db_bind_text(st, 6, reason);
	if (db_step(st) != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

enum hd_status team_act(struct db *db, const struct hd_actor *who, long long id,
			enum team_action action, const char *arg, bool print, bool *already,
			time_t *when, struct hd_err *err)
{
	static const char *const ACTIONS[] = { "team.review", "team.file", "team.classify",
					       "team.reopen", "team.deregister" };
	char reason[TEXT_BYTES] = "", *before = NULL, *after = NULL;
	struct team *t = xmalloc(sizeof(*t));
	enum team_state to = TEAM_APPLIED;
	enum hd_status rc;
	int category;

	*already = false;
	*when = 0;
	rc = access_require(db, who, ACC_TEAM_STEP, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK) {
		free(t);
		return rc;
	}
	rc = team_get(db, id, t, err);
	if (rc == HD_OK)
		rc = target(db, t, action, &to, already, err);
	if (rc == HD_OK && *already && reclassify(t, action, arg, reason, sizeof(reason)))
		*already = false; /* a classified team put in another category */
	if (rc != HD_OK || *already) {
		if (*already)
			*when = reached(db, id, action == TEAM_DEREGISTER ? TEAM_DEREGISTERED : to);
		goto done;
	}
	/* A step already taken is told whatever the reason given. */
	rc = read_arg(action, arg, reason + strlen(reason), sizeof(reason) - strlen(reason),
		      &category, err);
	if (rc != HD_OK)
		goto done;
	before = json_row(db, SQL_TEAM_JSON, id, TEAM_KEYS);
	rc = write_step(db, who, t, to, category, reason, err);
	if (rc == HD_OK) {
		after = json_row(db, SQL_TEAM_JSON, id, TEAM_KEYS);
		rc = audit_log(db, who, ACTIONS[action], "team", id, before, after, err);
	}
	if (rc == HD_OK && print && action == TEAM_FILE)
		rc = print_request(db, SPOOL_KIND_TEAM, id, err);
done:
	free(before);
	free(after);
	free(t);
	return db_finish(db, rc, err);
}

enum hd_status team_activity(struct db *db, const struct hd_actor *who, long long id, long date,
			     struct hd_err *err)
{
	char day[DATE_LEN], today[DATE_LEN], *before = NULL, *after = NULL;
	struct db_stmt *st = NULL;
	struct team *t = xmalloc(sizeof(*t));
	enum hd_status rc = HD_OK;
	long now = clock_today();

	if (date == CLOCK_NO_DAY)
		date = now;
	clock_date_of(now, today, sizeof(today));
	clock_date_of(date, day, sizeof(day));
	if (date > now)
		rc = hd_err_set(err, HD_BAD_INPUT, "date", _("%s: not after today"), _("Date"));
	if (rc == HD_OK)
		rc = access_require(db, who, ACC_TEAM_APPLY, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK) {
		free(t);
		return rc;
	}
	rc = team_get(db, id, t, err);
	if (rc == HD_OK && t->state == TEAM_DEREGISTERED)
		rc = hd_err_set(err, HD_REFUSED, "id",
				_("%s is deregistered (已注销): reopen it first."), t->name);
	if (rc != HD_OK)
		goto done;
	before = json_row(db, SQL_TEAM_JSON, id, TEAM_KEYS);
	rc = db_prepare(db,
			"UPDATE team SET last_activity = greatest(coalesce(last_activity, ''), $2),"
			" checked_date = $3, updated = $4 WHERE id = $1",
			&st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, day);
	db_bind_text(st, 3, today);
	db_bind_int(st, 4, clock_now());
	if (db_step(st) != DB_DONE) {
		rc = db_step_fail(st, err);
		goto done;
	}
	after = json_row(db, SQL_TEAM_JSON, id, TEAM_KEYS);
	rc = audit_log(db, who, "team.activity", "team", id, before, after, err);
done:
	db_done(st);
	free(before);
	free(after);
	free(t);
	return db_finish(db, rc, err);
}

static void read_step(struct db_stmt *st, void *rec)
{
	struct team_step *s = rec;

	s->at = (time_t)db_col_int(st, 0);
	db_column_text(st, 1, s->actor, sizeof(s->actor));
	s->from = (enum team_state)db_col_int(st, 2);
	s->to = (enum team_state)db_col_int(st, 3);
	db_column_text(st, 4, s->reason, sizeof(s->reason));
}

enum hd_status team_history(struct db *db, long long id, struct team_step **out, int *n,
			    struct hd_err *err)
{
	long long args[1] = { id };

	return db_collect(db,
			  "SELECT at, actor, coalesce(from_state, 0), to_state, coalesce(reason, '')"
			  " FROM team_step WHERE team_id = $1 ORDER BY at, id",
			  args, 1, sizeof(**out), read_step, (void **)out, n, err);
}

static void read_brief(struct db_stmt *st, void *rec)
{
	struct team_brief *b = rec;

	b->id = db_col_int(st, 0);
	db_column_text(st, 1, b->name, sizeof(b->name));
	db_column_text(st, 2, b->short_name, sizeof(b->short_name));
	db_column_text(st, 3, b->committee, sizeof(b->committee));
	db_column_text(st, 4, b->filed_date, sizeof(b->filed_date));
	db_column_text(st, 5, b->last_activity, sizeof(b->last_activity));
	b->category = (int)db_col_int(st, 6);
	b->members = (int)db_col_int(st, 7);
	b->state = (enum team_state)db_col_int(st, 8);
	b->check_due = db_col_int(st, 9) != 0;
	b->idle = db_col_int(st, 10) != 0;
}

/* $1 the date a year ago, $2 six months ago, $3 the time six months ago;
 * states 3 and 4 are 已备案 and 已分类. The annual check counts from the
 * later of the filing and the last check. */
#define BRIEF_COLS                                                                                   \
	"SELECT id, name, short, committee, coalesce(filed_date, ''), coalesce(last_activity, ''),"  \
	" category, members, state,"                                                                 \
	" state IN (3, 4) AND greatest(coalesce(checked_date, ''), coalesce(filed_date, '')) <= $1," \
	" state IN (3, 4) AND coalesce(last_activity, '') < $2 AND coalesce(last_booked, 0) < $3"    \
	" AND coalesce(filed_date, '') < $2"                                                         \
	" FROM team"

static void roll_args(long long *args, char (*days)[DATE_LEN])
{
	time_t now = clock_now();
	long today = clock_day_at(now);

	/* The annual check is due a year on; 29 February goes to the 28th. */
	clock_date_of(clock_year_before(today), days[0], DATE_LEN);
	clock_date_of(today - IDLE_DAYS, days[1], DATE_LEN);
	args[0] = (long long)(now - IDLE_DAYS * DAY);
}

/* The teams sql reads (BRIEF_COLS with $1..$3 as roll_args makes them and,
 * when by_state, $4 the state). */
static enum hd_status briefs(struct db *db, const char *sql, bool by_state, enum team_state state,
			     struct team_brief **out, int *n, struct hd_err *err)
{
	char days[2][DATE_LEN];
	struct db_stmt *st = NULL;
	long long since;
	enum hd_status rc;
	struct team_brief *all = NULL;
	enum db_step step;
	int cap = 0;

	*out = NULL;
	*n = 0;
	roll_args(&since, days);
	rc = db_prepare(db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, days[0]);
	db_bind_text(st, 2, days[1]);
	db_bind_int(st, 3, since);
	if (by_state)
		db_bind_int(st, 4, (int)state);
	while ((step = db_step(st)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			all = xrealloc(all, (size_t)cap * sizeof(*all));
		}
		read_brief(st, &all[(*n)++]);
	}
	if (step != DB_DONE) {
		rc = db_step_fail(st, err);
		free(all);
		all = NULL;
		*n = 0;
	}
	db_done(st);
	*out = all;
	return rc;
}

enum hd_status team_list(struct db *db, enum team_state state, struct team_brief **out, int *n,
			 struct hd_err *err)
{
	return briefs(db, BRIEF_COLS " WHERE CAST($4 AS BIGINT) = 0 OR state = $4 ORDER BY name",
		      true, state, out, n, err);
}

enum hd_status team_roll(struct db *db, struct team_brief **out, int *n, struct hd_err *err)
{
	return briefs(db,
		      BRIEF_COLS
		      " WHERE state IN (3, 4)"
		      " AND (greatest(coalesce(checked_date, ''), coalesce(filed_date, '')) <= $1"
		      " OR (coalesce(last_activity, '') < $2 AND coalesce(last_booked, 0) < $3"
		      " AND coalesce(filed_date, '') < $2)) ORDER BY name",
		      false, 0, out, n, err);
}
