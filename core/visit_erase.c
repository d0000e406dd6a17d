/* SPDX-License-Identifier: GPL-3.0-or-later */
/* visit_erase.c - forgetting visitors (on request, and after retention.days)
 * and the automatic check-out at closing time. Erasing takes the person's
 * name and phone, the visit's note and the printed slips (spool rows and
 * files); the audit log never held more than the person's number.
 * secure_delete and a WAL checkpoint make the bytes leave the files. */
#include "core/visit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/search.h"
#include "core/settings.h"
#include "core/xalloc.h"

#define DAY 86400

_Static_assert(SEARCH_PERSON == 8, "ERASE_STEPS names people's pinyin rows by kind 8");

/* Printed lists of who is here made while a doomed visitor was in. */
#define LISTS_OF_DOOMED                                                                \
	"kind = 'list' AND EXISTS (SELECT 1 FROM visit v JOIN doomed d ON d.id = v.id" \
	" WHERE spool.created >= v.time_in AND (v.time_out IS NULL OR spool.created <= v.time_out))"

/* The visits to erase are marked in a temporary table first, so that each
 * statement below names them the same way. It is named without a schema:
 * SQLite and PostgreSQL both look in the connection's temporary tables
 * first. */
static const char *const ERASE_STEPS[] = {
	/* A slip still waiting is never printed now: its person is gone. */
	"UPDATE spool SET data = NULL, state = 'done', file = NULL WHERE kind = 'visitor'"
	" AND record_id IN (SELECT id FROM doomed)",
	"UPDATE visit SET person_id = NULL, note = NULL, erased = 1"
	" WHERE id IN (SELECT id FROM doomed)",
	"DELETE FROM person WHERE id IN (SELECT person_id FROM doomed)"
	" AND NOT EXISTS (SELECT 1 FROM visit WHERE visit.person_id = person.id)",
	/* The pinyin of their name goes with them (kind 8: SEARCH_PERSON). */
	"DELETE FROM name_pinyin WHERE kind = 8 AND id IN (SELECT person_id FROM doomed)"
	" AND NOT EXISTS (SELECT 1 FROM person WHERE person.id = name_pinyin.id)",
};

/* Spool files of the doomed visits' slips, to remove after the commit. */
static char **doomed_files(struct db *db, int *n)
{
	struct db_stmt *st = NULL;
	char **files = NULL;
	int cap = 0;

	*n = 0;
	if (db_prepare(db,
		       "SELECT file FROM spool WHERE file IS NOT NULL AND ((kind = 'visitor'"
		       " AND record_id IN (SELECT id FROM doomed)) OR (" LISTS_OF_DOOMED "))",
		       &st, NULL) != HD_OK)
		goto done;
	while (db_step(st) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			files = xrealloc(files, (size_t)cap * sizeof(*files));
		}
		files[(*n)++] = strdup(db_col_text(st, 0));
	}
done:
	db_done(st);
	return files;
}

/* Once the outermost transaction is over, the erased bytes leave the WAL
 * for the database file, where secure_delete has zeroed them. On
 * PostgreSQL, VACUUM frees the old versions of the rows touched (what it
 * cannot promise is in the README). */
static void settle(struct db *db)
{
	struct db_stmt *st = NULL;

	if (db_in_transaction(db) ||
	    db_prepare(db,
		       db_is_server(db) ? "VACUUM visit, person, spool, name_gram, name_pinyin"
					: "PRAGMA wal_checkpoint(TRUNCATE)",
		       &st, NULL) != HD_OK)
		return;
	db_step(st);
	db_done(st);
}

/* The lists that name a doomed visitor lose their bytes and files; one not
 * printed yet never is. */
static enum hd_status erase_lists(struct db *db, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db,
			"UPDATE spool SET data = NULL, file = NULL,"
			" last_error = CASE WHEN state = 'done' THEN last_error ELSE $1 END,"
			" state = 'done' WHERE " LISTS_OF_DOOMED,
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, _("not printed: a visitor on it was erased"));
	rc = db_step(st) == DB_DONE ? HD_OK : db_step_fail(st, err);
	db_done(st);
	return rc;
}

/* Runs mark_sql ($1 and $2 bound to a and b); *count: the visits it
 * marked. HD_FAIL when the database fails. */
static enum hd_status mark(struct db *db, const char *mark_sql, long long a, long long b,
			   int *count, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	*count = 0;
	rc = db_prepare(db, mark_sql, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, a);
	if (db_param_count(st) >= 2)
		db_bind_int(st, 2, b);
	rc = db_step(st) == DB_DONE ? HD_OK : db_step_fail(st, err);
	if (rc == HD_OK)
		*count = (int)db_changes(st);
	db_done(st);
	return rc;
}

/* Erases the visits that mark_sql (an INSERT into doomed, $1 bound to a
 * and $2, when it has it, to b) marks. */
static enum hd_status erase_where(struct db *db, const struct hd_actor *who, const char *action,
				  const char *mark_sql, long long a, long long b, int *count,
				  struct hd_err *err)
{
	char after[64];
	char **files = NULL;
	enum hd_status rc;
	int nfiles = 0, i;
	size_t k;

	*count = 0;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_exec(db,
		     "CREATE TEMP TABLE IF NOT EXISTS doomed(id BIGINT PRIMARY KEY,"
		     " person_id BIGINT)",
		     0, 0, 0, err);
	if (rc == HD_OK)
		rc = db_exec(db, "DELETE FROM doomed", 0, 0, 0, err);
	if (rc == HD_OK)
		rc = mark(db, mark_sql, a, b, count, err);
	if (rc == HD_OK)
		files = doomed_files(db, &nfiles);
	if (rc == HD_OK)
		rc = erase_lists(db, err);
	for (k = 0; rc == HD_OK && k < sizeof(ERASE_STEPS) / sizeof(ERASE_STEPS[0]); k++)
		rc = db_exec(db, ERASE_STEPS[k], 0, 0, 0, err);
	if (rc == HD_OK && *count > 0) {
		snprintf(after, sizeof(after), "{\"visits\":%d}", *count);
		rc = audit_log(db, who, action, "visit", 0, NULL, after, err);
	}
	rc = db_finish(db, rc, err);
	for (i = 0; i < nfiles; i++) {
		if (rc == HD_OK)
			unlink(files[i]);
		free(files[i]);
	}
	free(files);
	if (rc == HD_OK && *count > 0)
		settle(db);
	return rc;
}

enum hd_status visit_erase(struct db *db, const struct hd_actor *who, long long id,
			   struct hd_err *err)
{
	struct visit v;
	enum hd_status rc;
	int count;

	rc = access_require(db, who, ACC_VISITOR_PRIVATE, err);
	if (rc == HD_OK)
		rc = visit_get(db, id, &v, err);
	if (rc != HD_OK)
		return rc;
	if (!v.person_id)
		return erase_where(db, who, "visit.erase",
				   "INSERT INTO doomed(id, person_id)"
				   " SELECT id, NULL FROM visit WHERE id = $1 AND erased = 0",
				   id, 0, &count, err);
	return visit_erase_person(db, who, v.person_id, err);
}

enum hd_status visit_erase_person(struct db *db, const struct hd_actor *who, long long person_id,
				  struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	int count;

	rc = access_require(db, who, ACC_VISITOR_PRIVATE, err);
	if (rc == HD_OK)
		rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(db,
			"INSERT INTO erasure(person_id, created, at)"
			" SELECT id, created, $2 FROM person WHERE id = $1"
			" ON CONFLICT(person_id, created) DO UPDATE SET at = excluded.at",
			&st, err);
	if (rc == HD_OK) {
		db_bind_int(st, 1, person_id);
		db_bind_int(st, 2, clock_now());
		rc = db_step(st) == DB_DONE ? HD_OK : db_step_fail(st, err);
		db_done(st);
	}
	if (rc == HD_OK)
		rc = erase_where(db, who, "visit.erase",
				 "INSERT INTO doomed(id, person_id)"
				 " SELECT id, person_id FROM visit WHERE person_id = $1",
				 person_id, 0, &count, err);
	rc = db_finish(db, rc, err);
	if (rc == HD_OK)
		settle(db);
	return rc;
}

enum hd_status visit_erase_again(struct db *db, struct db *from, const struct hd_actor *who,
				 int *count, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	long long id, created, at;
	enum hd_status rc;
	int n;

	*count = 0;
	rc = db_prepare(from, "SELECT person_id, created, at FROM erasure ORDER BY at", &st, err);
	while (rc == HD_OK && db_step(st) == DB_ROW) {
		id = db_col_int(st, 0);
		created = db_col_int(st, 1);
		at = db_col_int(st, 2);
		/* The same person: the number and the time their row was made. */
		rc = db_exec(db,
			     "INSERT INTO erasure(person_id, created, at)"
			     " VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
			     id, created, at, err);
		if (rc == HD_OK)
			rc = erase_where(db, who, "visit.erase",
					 "INSERT INTO doomed(id, person_id)"
					 " SELECT v.id, v.person_id FROM visit v JOIN person p"
					 " ON p.id = v.person_id WHERE p.id = $1 AND p.created = $2",
					 id, created, &n, err);
		if (rc == HD_OK)
			*count += n;
	}
	db_done(st);
	return rc;
}

/* Printed lists of who was here hold names too: they go with the visits. */
static enum hd_status erase_old_lists(struct db *db, long long cutoff, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db,
			"SELECT file FROM spool WHERE kind = 'list' AND created < $1"
			" AND file IS NOT NULL AND data IS NOT NULL",
			&st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, cutoff);
	while (db_step(st) == DB_ROW)
		unlink(db_col_text(st, 0));
	db_done(st);
	rc = db_begin(db, err);
	if (rc == HD_OK)
		rc = db_exec(db,
			     "UPDATE spool SET data = NULL WHERE kind = 'list' AND created < $1"
			     " AND data IS NOT NULL",
			     cutoff, 0, 0, err);
	return db_finish(db, rc, err);
}

enum hd_status visit_retention(struct db *db, const struct hd_actor *who, int *erased,
			       struct hd_err *err)
{
	return visit_retention_before(db, who,
				      clock_now() -
					      (time_t)settings_int(db, SET_RETENTION_DAYS) * DAY,
				      erased, err);
}

/* Visits erased in the first batch of a retention pass. */
#define RETENTION_FIRST 256

enum hd_status visit_retention_before(struct db *db, const struct hd_actor *who, time_t before,
				      int *erased, struct hd_err *err)
{
	long long cutoff = (long long)before, began;
	enum hd_status rc;
	int size = RETENTION_FIRST, n;

	/* In batches of about DB_BATCH_MS, each a whole erase of its own, so
	 * that a first pass over a year of visits never holds the desks. */
	*erased = 0;
	for (;;) {
		began = clock_monotonic_ms();
		rc = erase_where(db, who, "visit.retention",
				 "INSERT INTO doomed(id, person_id)"
				 " SELECT id, person_id FROM visit WHERE erased = 0 AND time_in < $1"
				 " LIMIT $2",
				 cutoff, size, &n, err);
		*erased += n;
		if (rc != HD_OK || n < size)
			break;
		size = db_batch_size(size, clock_monotonic_ms() - began);
		db_batch_turn(db);
	}
	return rc == HD_OK ? erase_old_lists(db, cutoff, err) : rc;
}

enum hd_status visit_close_day(struct db *db, const struct hd_actor *who, int *count,
			       struct hd_err *err)
{
	struct visit *in = NULL;
	struct db_stmt *st = NULL;
	enum hd_status rc;
	char after[96];
	int n = 0, i, closing = settings_minutes(db, SET_CLOSING_TIME);
	time_t now = clock_now(), close_at;

	*count = 0;
	rc = visit_open(db, &in, &n, err);
	if (rc != HD_OK || n == 0)
		goto done;
	rc = db_begin(db, err);
	if (rc == HD_OK)
		rc = db_prepare(db,
				"UPDATE visit SET time_out = $2, auto_out = 1"
				" WHERE id = $1 AND time_out IS NULL",
				&st, err);
	for (i = 0; rc == HD_OK && i < n; i++) {
		close_at = clock_day_time(clock_day_at(in[i].time_in), closing);
		if (close_at > now)
			continue;
		if (close_at < in[i].time_in)
			close_at = in[i].time_in;
		db_reset(st);
		db_bind_int(st, 1, in[i].id);
		db_bind_int(st, 2, close_at);
		rc = db_step(st) == DB_DONE ? HD_OK : db_step_fail(st, err);
		if (rc == HD_OK && db_changes(st) == 0)
			continue; /* another desk checked them out meanwhile */
		snprintf(after, sizeof(after), "{\"time_out\":%lld,\"auto\":1}",
			 (long long)close_at);
		if (rc == HD_OK)
			rc = audit_log(db, who, "visit.auto-checkout", "visit", in[i].id, NULL,
				       after, err);
		if (rc == HD_OK)
			(*count)++;
	}
	db_done(st);
	rc = db_finish(db, rc, err);
done:
	free(in);
	return rc;
}
