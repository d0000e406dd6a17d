/* team.c - adding activity teams to the register. */
#include "core/team.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/search.h"
#include "core/text.h"

struct team_row {
	char name[NAME_BYTES], short_name[SHORT_BYTES], leader[NAME_BYTES], phone[PHONE_MAX];
	char content[TEXT_BYTES], place[TEXT_BYTES], schedule[TEXT_BYTES];
	char liaison[NAME_BYTES], committee[NAME_BYTES], street[NAME_BYTES];
	int category;
	long members, party_members;
};

static enum hd_status opt_text(const char *in, const char *label, int max, char *out,
			       size_t outsz, struct hd_err *err)
{
	return valid_text(text_given(in) ? in : "", label, 0, max, out, outsz, err);
}

static enum hd_status check_draft(const struct team_draft *d, struct team_row *t,
				  struct hd_err *err)
{
	memset(t, 0, sizeof(*t));
	if (valid_text(d->name, _("Name"), 1, NAME_MAX_CHARS, t->name, sizeof(t->name), err) ||
	    list_parse(&LIST_TEAM_CATEGORY, text_given(d->category) ? d->category : "", &t->category,
		       err) ||
	    valid_text(d->leader, _("Leader"), 1, NAME_MAX_CHARS, t->leader, sizeof(t->leader),
		       err) ||
	    valid_phone(text_given(d->phone) ? d->phone : "", _("Phone"), t->phone, sizeof(t->phone),
			err) ||
	    valid_int(text_given(d->members) ? d->members : "", _("Members"), TEAM_MIN_MEMBERS,
		      TEAM_MAX_MEMBERS, &t->members, err) ||
	    valid_text(d->content, _("Activities"), 1, TEXT_MAX_CHARS, t->content,
		       sizeof(t->content), err) ||
	    valid_text(d->place, _("Place"), 1, TEXT_MAX_CHARS, t->place, sizeof(t->place), err) ||
	    valid_text(d->schedule, _("Usual time"), 1, TEXT_MAX_CHARS, t->schedule,
		       sizeof(t->schedule), err) ||
	    opt_text(d->short_name, _("Short name"), SHORT_MAX_CHARS, t->short_name,
		     sizeof(t->short_name), err) ||
	    opt_text(d->liaison, _("Party liaison"), NAME_MAX_CHARS, t->liaison,
		     sizeof(t->liaison), err) ||
	    opt_text(d->committee, _("Residents' committee"), NAME_MAX_CHARS, t->committee,
		     sizeof(t->committee), err) ||
	    opt_text(d->street, _("Street"), NAME_MAX_CHARS, t->street, sizeof(t->street), err))
		return HD_BAD_INPUT;
	if (text_given(d->party_members) &&
	    valid_int(d->party_members, _("Party members"), 0, t->members, &t->party_members,
		      err) != HD_OK)
		return HD_BAD_INPUT;
	if (!*t->short_name)
		org_default_short(t->name, t->short_name, sizeof(t->short_name));
	return HD_OK;
}

static enum hd_status name_taken(sqlite3 *db, const struct team_row *t, struct hd_err *err)
{
	sqlite3_stmt *st = NULL;
	enum hd_status rc;

	rc = db_prepare(db, "SELECT id FROM team WHERE name = ?1 AND committee = ?2", &st, err);
	if (rc != HD_OK)
		return rc;
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, t->committee, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = hd_err_set(err, HD_REFUSED, "name",
				_("a team named %s is filed already in this residents' committee (id %lld)"),
				t->name, (long long)sqlite3_column_int64(st, 0));
	db_done(st);
	return rc;
}

static const char SQL_INSERT[] =
	"INSERT INTO team(name, short, category, state, leader, phone, members, content, place,"
	" schedule, party_members, liaison, committee, street, filed_date, created, updated)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, nullif(?12, ''), ?13, ?14, ?15,"
	" ?16, ?16)";

static const char SQL_TEAM_JSON[] =
	"SELECT json_object('name', name, 'short', short, 'category', category, 'state', state,"
	" 'leader', leader, 'phone', phone, 'members', members, 'content', content,"
	" 'place', place, 'schedule', schedule, 'party_members', party_members,"
	" 'liaison', liaison, 'committee', committee, 'street', street,"
	" 'filed_date', filed_date) FROM team WHERE id = ?1";

static void bind_texts(sqlite3_stmt *st, const struct team_row *t)
{
	const char *texts[] = { t->name, t->short_name };
	const char *more[] = { t->leader, t->phone };
	const char *tail[] = { t->content, t->place, t->schedule };
	int i;

	for (i = 0; i < 2; i++)
		sqlite3_bind_text(st, 1 + i, texts[i], -1, SQLITE_STATIC);
	for (i = 0; i < 2; i++)
		sqlite3_bind_text(st, 5 + i, more[i], -1, SQLITE_STATIC);
	for (i = 0; i < 3; i++)
		sqlite3_bind_text(st, 8 + i, tail[i], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, t->liaison, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 13, t->committee, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, t->street, -1, SQLITE_STATIC);
}

enum hd_status team_create(sqlite3 *db, const struct hd_actor *who, const struct team_draft *d,
			   enum team_state state, const char *filed_date, long long *id,
			   struct hd_err *err)
{
	sqlite3_stmt *st = NULL;
	struct team_row *t = calloc(1, sizeof(*t));
	enum hd_status rc;
	char *after = NULL;
	int src;

	if (!t)
		abort();
	rc = check_draft(d, t, err);
	if (rc == HD_OK)
		rc = access_require(db, who, state == TEAM_APPLIED ? ACC_TEAM_APPLY : ACC_REGISTERS,
				    err);
	if (rc != HD_OK) {
		free(t);
		return rc;
	}
	rc = db_begin(db, err);
	if (rc != HD_OK)
		goto done;
	rc = name_taken(db, t, err);
	if (rc != HD_OK)
		goto done;
	rc = db_prepare(db, SQL_INSERT, &st, err);
	if (rc != HD_OK)
		goto done;
	bind_texts(st, t);
	sqlite3_bind_int(st, 3, t->category);
	sqlite3_bind_int(st, 4, (int)state);
	sqlite3_bind_int64(st, 7, t->members);
	sqlite3_bind_int64(st, 11, t->party_members);
	if (filed_date && *filed_date && state >= TEAM_FILED)
		sqlite3_bind_text(st, 15, filed_date, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 15);
	sqlite3_bind_int64(st, 16, (sqlite3_int64)clock_now());
	src = sqlite3_step(st);
	if (src != SQLITE_DONE) {
		rc = db_fail(db, src, err);
		goto done;
	}
	*id = sqlite3_last_insert_rowid(db);
	rc = search_index_put(db, SEARCH_TEAM, *id, t->name, t->short_name, err);
	if (rc != HD_OK)
		goto done;
	after = db_text_by_id(db, SQL_TEAM_JSON, *id);
	rc = audit_log(db, who, "team.add", "team", *id, NULL, after, err);
done:
	db_done(st);
	free(after);
	free(t);
	return db_finish(db, rc, err);
}

static void read_team(sqlite3_stmt *st, void *rec)
{
	struct team *t = rec;

	memset(t, 0, sizeof(*t));
	t->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, t->name, sizeof(t->name));
	db_column_text(st, 2, t->short_name, sizeof(t->short_name));
	db_column_text(st, 3, t->leader, sizeof(t->leader));
	db_column_text(st, 4, t->phone, sizeof(t->phone));
	db_column_text(st, 5, t->committee, sizeof(t->committee));
	db_column_text(st, 6, t->street, sizeof(t->street));
	db_column_text(st, 7, t->filed_date, sizeof(t->filed_date));
	t->category = sqlite3_column_int(st, 8);
	t->state = (enum team_state)sqlite3_column_int(st, 9);
	t->members = sqlite3_column_int(st, 10);
	t->party_members = sqlite3_column_int(st, 11);
}

enum hd_status team_get(sqlite3 *db, long long id, struct team *out, struct hd_err *err)
{
	enum hd_status rc;

	rc = db_read_one(db,
			 "SELECT id, name, short, leader, phone, committee, street,"
			 " ifnull(filed_date, ''), category, state, members, party_members"
			 " FROM team WHERE id = ?1",
			 id, read_team, out, err);
	if (rc == HD_NOT_FOUND)
		hd_err_set(err, HD_NOT_FOUND, "id", _("no team with id %lld"), id);
	return rc;
}
