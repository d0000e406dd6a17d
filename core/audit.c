/* audit.c - appending to the audit log. */
#include "core/audit.h"

#include "core/clock.h"
#include "core/db.h"

static const char SQL_AUDIT[] =
	"INSERT INTO audit(at, desk, actor, actor_id, actor_name, action, record, record_id,"
	" before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

enum hd_status audit_log(sqlite3 *db, const struct hd_actor *who, const char *action,
			 const char *record, long long record_id, const char *before,
			 const char *after, struct hd_err *err)
{
	sqlite3_stmt *st = NULL;
	enum hd_status rc;
	int src;

	rc = db_prepare(db, SQL_AUDIT, &st, err);
	if (rc != HD_OK)
		return rc;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)clock_now());
	sqlite3_bind_text(st, 2, who->desk, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, actor_kind_word(who->kind), -1, SQLITE_STATIC);
	if (who->kind == ACTOR_STAFF)
		sqlite3_bind_int64(st, 4, who->staff_id);
	else
		sqlite3_bind_null(st, 4);
	bind_text_or_null(st, 5, who->kind == ACTOR_STAFF ? who->name : NULL);
	sqlite3_bind_text(st, 6, action, -1, SQLITE_STATIC);
	bind_text_or_null(st, 7, record);
	if (record_id > 0)
		sqlite3_bind_int64(st, 8, record_id);
	else
		sqlite3_bind_null(st, 8);
	bind_text_or_null(st, 9, before);
	bind_text_or_null(st, 10, after);
	src = sqlite3_step(st);
	rc = src == SQLITE_DONE ? HD_OK : db_fail(db, src, err);
	db_done(st);
	return rc;
}
