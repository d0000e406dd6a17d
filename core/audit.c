/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit.c - appending to the audit log. */
#include "core/audit.h"
#include "core/i18n.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/db.h"
#include "core/xalloc.h"

static const char SQL_AUDIT[] =
	"INSERT INTO audit(at, desk, actor, actor_id, actor_name, action, record, record_id,"
	" before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

static void bind_text_or_null(struct db_stmt *st, int i, const char *s)
{
	if (s && *s)
		db_bind_text(st, i, s);
	else
		db_bind_null(st, i);
}

enum hd_status audit_log(struct db *db, const struct hd_actor *who, const char *action,
			 const char *record, long long record_id, const char *before,
			 const char *after, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db, SQL_AUDIT, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, clock_now());
	db_bind_text(st, 2, who->desk);
	db_bind_text(st, 3, actor_kind_word(who->kind));
	if (who->kind == ACTOR_STAFF)
		db_bind_int(st, 4, who->staff_id);
	else
		db_bind_null(st, 4);
	bind_text_or_null(st, 5, who->kind == ACTOR_STAFF ? who->name : NULL);
	db_bind_text(st, 6, action);
	bind_text_or_null(st, 7, record);
	if (record_id > 0)
		db_bind_int(st, 8, record_id);
	else
		db_bind_null(st, 8);
	bind_text_or_null(st, 9, before);
	bind_text_or_null(st, 10, after);
	rc = db_step(st) == DB_DONE ? HD_OK : db_step_fail(st, err);
	db_done(st);
	return rc;
}

void audit_entries_free(struct audit_entry *e, int n)
{
	int i;

	for (i = 0; e && i < n; i++) {
		free(e[i].before);
		free(e[i].after);
	}
	free(e);
}

static char *dup_column(struct db_stmt *st, int col)
{
	const char *t = db_col_text(st, col);

	return t ? strdup(t) : NULL;
}

/* Who acted without a name (the command line, the desk, a resident), in
 * words for people; the stored word when it is none of those. */
static void actor_without_name(struct db_stmt *st, char *out, size_t outsz)
{
	static const char *const WORDS[][2] = { { "command-line", N_("command line") },
						{ "desk", N_("desk") },
						{ "resident", N_("resident") } };
	const char *word = db_col_text(st, 3);
	size_t i;

	for (i = 0; word && i < sizeof(WORDS) / sizeof(WORDS[0]); i++)
		if (strcmp(word, WORDS[i][0]) == 0) {
			snprintf(out, outsz, "%s", _(WORDS[i][1]));
			return;
		}
	snprintf(out, outsz, "%s", word ? word : "");
}

enum hd_status audit_entries(struct db *db, const struct audit_filter *f, int max,
			     struct audit_entry **out, int *n, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	struct audit_entry *all = NULL, *e;
	long long from = 0, to = 0;
	char *words;
	enum hd_status rc;
	enum db_step step;

	*out = NULL;
	*n = 0;
	if (f->day != CLOCK_NO_DAY) {
		from = (long long)clock_local_midnight(f->day);
		to = (long long)clock_local_midnight(f->day + 1);
	}
	/* $7, the actions whose words match, is a comma-joined list: an action
	 * is in it when taking ",action," out of ",list," changes it (replace()
	 * is the same on every backend). */
	rc = db_prepare(
		db,
		"SELECT id, at, desk, actor, coalesce(actor_name, ''), action,"
		" coalesce(record, ''), coalesce(record_id, 0), before, after FROM audit"
		" WHERE ($1 = 0 OR (at >= $1 AND at < $2))"
		" AND ($3 = '' OR strpos(coalesce(actor_name, actor), $3) > 0)"
		" AND ($4 = '' OR desk = $4) AND ($5 = '' OR substr(action, 1, length($5)) = $5"
		"  OR replace(',' || CAST($7 AS TEXT) || ',', ',' || action || ',', '')"
		"   <> ',' || CAST($7 AS TEXT) || ',')"
		" ORDER BY at DESC, id DESC LIMIT $6",
		&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, to);
	db_bind_text(st, 3, f->person ? f->person : "");
	db_bind_text(st, 4, f->desk ? f->desk : "");
	db_bind_text(st, 5, f->action ? f->action : "");
	db_bind_int(st, 6, max);
	words = audit_actions_matching(f->action);
	db_bind_text(st, 7, words);
	all = xcalloc((size_t)(max > 0 ? max : 1), sizeof(*all));
	while ((step = db_step(st)) == DB_ROW && *n < max) {
		e = &all[(*n)++];
		e->id = db_col_int(st, 0);
		e->at = (time_t)db_col_int(st, 1);
		db_column_text(st, 2, e->desk, sizeof(e->desk));
		db_column_text(st, 4, e->actor, sizeof(e->actor));
		if (!*e->actor)
			actor_without_name(st, e->actor, sizeof(e->actor));
		db_column_text(st, 5, e->action, sizeof(e->action));
		db_column_text(st, 6, e->record, sizeof(e->record));
		e->record_id = db_col_int(st, 7);
		e->before = dup_column(st, 8);
		e->after = dup_column(st, 9);
	}
	if (step != DB_DONE && step != DB_ROW) {
		rc = db_step_fail(st, err);
		audit_entries_free(all, *n);
		all = NULL;
		*n = 0;
	}
	db_done(st);
	free(words);
	*out = all;
	return rc;
}
