/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centre_rows.c - copying a centre's tables from its SQLite file into a
 * district's PostgreSQL database: rows read through db.h, sent in chunks
 * of a few thousand as one JSON parameter each (json_populate_recordset:
 * few round trips, and no COPY, which PostgreSQL refuses on tables under
 * row-level security), every id and reference moved by the shift of the
 * table it names. The audit's before and after snapshots stay as written:
 * they are what was seen then, the ids of then included. The documents
 * of the print queue lose the old machine's print state (reset_spool). */
#include "core/centre_rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/json.h"
#include "core/xalloc.h"

// clang-format off
#define MOVED(X)                                                                  \
	X(room) X(room_closure) X(org) X(team) X(team_step) X(staff) X(person)    \
	X(visitee) X(visit) X(closure) X(booking) X(spool) X(audit) X(opening)
// clang-format on

#define MOVED_NAME(t) #t,
static const char *const MOVED_TABLE[MV_COUNT] = { MOVED(MOVED_NAME) };
#undef MOVED_NAME
#define MOVED_LAST(t) "SELECT coalesce(max(id), 0) FROM " #t,
static const char *const MOVED_LAST_SQL[MV_COUNT] = { MOVED(MOVED_LAST) };
#undef MOVED_LAST

const char *centre_moved_table(enum centre_moved m)
{
	return m >= 0 && m < MV_COUNT ? MOVED_TABLE[m] : "?";
}

struct ref {
	const char *col;
	enum centre_moved to;
};

struct table {
	const char *name;
	enum centre_moved self; /* its id's shift, MV_NONE without an identity */
	const char *cols;
	const char *select; /* the file's rows */
	const char *insert; /* $1: a JSON array of rows */
	const char *count;
	const char *kind_col; /* the column saying what MV_BY_ROW refers to */
	enum centre_moved (*kind_of)(const char *kind);
	const char *before; /* run before its rows go in */
	struct ref refs[5];
};

/* A table: its name, identity, columns (as SQLite and PostgreSQL both
 * name them), what the INSERT ends with, the column and function telling
 * what MV_BY_ROW refers to, what runs before, and its references. */
#define TABLE(nm, self, cols, order, tail, kcol, kfn, before, ...)                    \
	{                                                                             \
		nm, self, cols, "SELECT " cols " FROM " nm order,                     \
			"INSERT INTO " nm "(" cols ") SELECT " cols                   \
			" FROM json_populate_recordset(NULL::" nm ", $1::json)" tail, \
			"SELECT count(*) FROM " nm, kcol, kfn, before,                \
		{                                                                     \
			__VA_ARGS__                                                   \
			{                                                             \
				NULL, MV_NONE                                         \
			}                                                             \
		}                                                                     \
	}

/* What audit.record names (core/audit_words.c): its table; settings, the
 * database and a centre are no moved record. */
static enum centre_moved audit_record(const char *record)
{
	int i;

	for (i = 0; record && i < MV_COUNT; i++)
		if (strcmp(record, MOVED_TABLE[i]) == 0 && i != MV_AUDIT && i != MV_TEAM_STEP)
			return (enum centre_moved)i;
	return MV_NONE;
}

/* spool.kind (core/spool_row.h): a document of a visit, a booking or a
 * team, or its own record (a test page, a list of who is here). */
static enum centre_moved spool_record(const char *kind)
{
	if (!kind)
		return MV_NONE;
	if (strcmp(kind, "visitor") == 0)
		return MV_VISIT;
	if (strcmp(kind, "booking") == 0)
		return MV_BOOKING;
	if (strcmp(kind, "team") == 0)
		return MV_TEAM;
	return MV_SPOOL;
}

/* The kinds of the name indexes (core/search.h enum search_kind). */
static enum centre_moved name_owner(const char *kind)
{
	long k = kind ? strtol(kind, NULL, 10) : 0;

	return k == 1 ? MV_ORG : k == 2 ? MV_TEAM : k == 4 ? MV_ROOM : k == 8 ? MV_PERSON : MV_NONE;
}

/* In the order references need them. The centre's own settings code and
 * name (centre add) stay; the file's other settings replace the centre's,
 * its key replaces the centre's, and its filing numbers replace those the
 * trigger gave its filed teams as they went in. */
// clang-format off
static const struct table TABLES[] = {
	TABLE("room", MV_ROOM, "id, name, kind, capacity, open_min, close_min, buffer_min, created",
	      " ORDER BY id", "", NULL, NULL, NULL),
	TABLE("room_closure", MV_ROOM_CLOSURE, "id, room_id, start, \"end\", reason, created",
	      " ORDER BY id", "", NULL, NULL, NULL, { "room_id", MV_ROOM },),
	TABLE("org", MV_ORG, "id, name, short, kind, credit_code, credit_ok, contact, phone,"
	      " in_date, out_date, created, updated, pin_hash, pin_failures, pin_locked_until",
	      " ORDER BY id", "", NULL, NULL, NULL),
	TABLE("team", MV_TEAM, "id, name, short, category, state, leader, phone, members, content,"
	      " place, schedule, party_members, liaison, committee, street, filed_date,"
	      " last_activity, created, updated, pin_hash, checked_date, last_booked, pin_failures,"
	      " pin_locked_until", " ORDER BY id", "", NULL, NULL, NULL),
	TABLE("team_step", MV_TEAM_STEP, "id, team_id, at, actor, from_state, to_state, reason",
	      " ORDER BY id", "", NULL, NULL, NULL, { "team_id", MV_TEAM },),
	TABLE("filing_number", MV_NONE, "team_id, code, year, seq, number", "", "", NULL, NULL,
	      "DELETE FROM filing_number", { "team_id", MV_TEAM },),
	TABLE("staff", MV_STAFF, "id, name, role, pin_hash, disabled, failures, locked_until,"
	      " last_signin, created, updated", " ORDER BY id", "", NULL, NULL, NULL),
	TABLE("person", MV_PERSON, "id, name, phone, last4, last_visit, created", " ORDER BY id",
	      "", NULL, NULL, NULL),
	TABLE("visitee", MV_VISITEE, "id, name", " ORDER BY id", "", NULL, NULL, NULL),
	TABLE("visit", MV_VISIT, "id, person_id, purpose, org_id, team_id, party, note, under14,"
	      " guardian_consent, time_in, time_out, auto_out, erased, desk, visitee_id",
	      " ORDER BY id", "", NULL, NULL, NULL, { "person_id", MV_PERSON }, { "org_id", MV_ORG },
	      { "team_id", MV_TEAM }, { "visitee_id", MV_VISITEE },),
	TABLE("closure", MV_CLOSURE, "id, from_date, to_date, reason, created", " ORDER BY id", "",
	      NULL, NULL, NULL),
	TABLE("booking", MV_BOOKING, "id, room_id, org_id, team_id, start, \"end\", hold_end,"
	      " attendees, purpose, state, series_id, exception, checkin_at, cancelled_at,"
	      " late_cancel, noshow, reason, created, updated", " ORDER BY id", "", NULL, NULL, NULL,
	      { "room_id", MV_ROOM }, { "org_id", MV_ORG }, { "team_id", MV_TEAM },
	      { "series_id", MV_BOOKING },),
	TABLE("spool", MV_SPOOL, "id, kind, record_id, copy, format, queue, data, state, attempts,"
	      " last_error, cups_job, file, created, updated", " ORDER BY id", "", "kind",
	      spool_record, NULL, { "record_id", MV_BY_ROW },),
	TABLE("audit", MV_AUDIT, "id, at, desk, actor, actor_id, actor_name, action, record,"
	      " record_id, before, after", " ORDER BY id", "", "record", audit_record, NULL,
	      { "actor_id", MV_STAFF }, { "record_id", MV_BY_ROW },),
	TABLE("erasure", MV_NONE, "person_id, created, at", "", "", NULL, NULL, NULL,
	      { "person_id", MV_PERSON },),
	TABLE("opening", MV_OPENING, "id, day, reason, created", " ORDER BY id", "", NULL, NULL,
	      NULL),
	TABLE("name_gram", MV_NONE, "gram, pos, len, kind, id", "", "", "kind", name_owner, NULL,
	      { "id", MV_BY_ROW },),
	TABLE("name_pinyin", MV_NONE, "at, initials, spelled, kind, id, pos", "", "", "kind",
	      name_owner, NULL, { "id", MV_BY_ROW },),
	TABLE("setting", MV_NONE, "key, value", "",
	      " WHERE key NOT IN ('centre.code', 'centre.name')"
	      " ON CONFLICT (centre_id, key) DO UPDATE SET value = excluded.value", NULL, NULL, NULL),
	TABLE("meta", MV_NONE, "key, value", "",
	      " ON CONFLICT (centre_id, key) DO UPDATE SET value = excluded.value", NULL, NULL, NULL),
};
// clang-format on

#define NTABLES ((int)(sizeof(TABLES) / sizeof(TABLES[0])))
_Static_assert(NTABLES <= CENTRE_LOAD_KINDS, "centre_load_count holds every table");

#define MAX_COLS 32
#define CHUNK_ROWS 4000
#define CHUNK_BYTES (4 << 20)

/* A table's columns apart, with what each refers to. */
struct layout {
	int n;
	char name[MAX_COLS][24];
	enum centre_moved to[MAX_COLS];
	int kind_col; /* -1: none */
};

static void layout_of(const struct table *t, struct layout *l)
{
	const char *p = t->cols;
	int i;

	memset(l, 0, sizeof(*l));
	l->kind_col = -1;
	while (*p && l->n < MAX_COLS) {
		size_t len = strcspn(p, ",");
		const char *s = p;

		while (*s == ' ' || *s == '"') {
			s++;
			len--;
		}
		if (len > 0 && s[len - 1] == '"')
			len--;
		snprintf(l->name[l->n], sizeof(l->name[0]), "%.*s", (int)len, s);
		l->to[l->n] = l->n == 0 && t->self != MV_NONE ? t->self : MV_NONE;
		for (i = 0; t->refs[i].col; i++)
			if (strcmp(t->refs[i].col, l->name[l->n]) == 0)
				l->to[l->n] = t->refs[i].to;
		if (t->kind_col && strcmp(t->kind_col, l->name[l->n]) == 0)
			l->kind_col = l->n;
		l->n++;
		p = s + len;
		p += strspn(p, "\",");
	}
}

/* A growing text: the JSON array of a chunk's rows. */
struct buf {
	char *s;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* The row's column i as a JSON member: references moved, bytes as
 * PostgreSQL's hex text of bytea. */
static void add_column(const struct centre_rows *ld, const struct layout *l, struct db_stmt *st,
		       const struct table *t, int i, struct json_out *o)
{
	static const char HEX[] = "0123456789abcdef";
	enum centre_moved to = l->to[i];
	const unsigned char *bytes;
	char *hex;
	size_t n, j;

	switch (db_col_kind(st, i)) {
	case DB_KIND_NULL:
		json_add_null(o, l->name[i]);
		return;
	case DB_KIND_INT:
		if (to == MV_BY_ROW)
			to = l->kind_col >= 0 ? t->kind_of(db_col_text(st, l->kind_col)) : MV_NONE;
		json_add_int(o, l->name[i],
			     db_col_int(st, i) + (to >= 0 && to < MV_COUNT ? ld->shift[to] : 0));
		return;
	case DB_KIND_BLOB:
		bytes = db_col_blob(st, i, &n);
		hex = xmalloc(2 * n + 3);
		hex[0] = '\\';
		hex[1] = 'x';
		for (j = 0; j < n; j++) {
			hex[2 + 2 * j] = HEX[bytes[j] >> 4];
			hex[3 + 2 * j] = HEX[bytes[j] & 15];
		}
		hex[2 + 2 * n] = '\0';
		json_add_text(o, l->name[i], hex);
		free(hex);
		return;
	default:
		json_add_text(o, l->name[i], db_col_text(st, i));
		return;
	}
}

/* Sends the chunk's rows (the array closed here) with ins. */
static enum hd_status flush(struct db_stmt *ins, struct buf *b, struct hd_err *err)
{
	enum hd_status rc;

	buf_add(b, "]", 1);
	db_bind_text(ins, 1, b->s);
	rc = db_run(ins, err);
	if (rc == HD_REFUSED)
		rc = db_step_fail(ins, err);
	db_reset(ins);
	b->len = 0;
	buf_add(b, "[", 1);
	return rc;
}

/* Raises last[m] to v when v is higher. */
static void raise_last(long long last[MV_COUNT], enum centre_moved m, long long v)
{
	if (m >= 0 && m < MV_COUNT && v > last[m])
		last[m] = v;
}

/* Raises last[] to the highest id t's reference r names in src, for
 * MV_BY_ROW each kind's own. The query is put together from the table's
 * and columns' names only, all of them constants above. HD_FAIL when src
 * fails. */
static enum hd_status ref_last(struct db *src, const struct table *t, const struct ref *r,
			       long long last[MV_COUNT], struct hd_err *err)
{
	struct db_stmt *st = NULL;
	struct buf q = { 0 };
	enum hd_status rc;
	enum db_step step;
	bool by_row = r->to == MV_BY_ROW && t->kind_col;

	buf_add(&q, "SELECT ", 7);
	if (by_row) {
		buf_add(&q, t->kind_col, strlen(t->kind_col));
		buf_add(&q, ", ", 2);
	}
	buf_add(&q, "max(", 4);
	buf_add(&q, r->col, strlen(r->col));
	buf_add(&q, ") FROM ", 7);
	buf_add(&q, t->name, strlen(t->name));
	if (by_row) {
		buf_add(&q, " GROUP BY ", 10);
		buf_add(&q, t->kind_col, strlen(t->kind_col));
	}
	rc = db_prepare(src, q.s, &st, err);
	free(q.s);
	if (rc != HD_OK)
		return rc;
	while ((step = db_step(st)) == DB_ROW) {
		if (!by_row)
			raise_last(last, r->to, db_col_int(st, 0));
		else if (db_col_kind(st, 1) != DB_KIND_NULL)
			raise_last(last, t->kind_of(db_col_text(st, 0)), db_col_int(st, 1));
	}
	if (step != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

enum hd_status centre_rows_last(struct db *src, long long last[MV_COUNT], struct hd_err *err)
{
	enum hd_status rc = HD_OK;
	int i, j;

	for (i = 0; rc == HD_OK && i < MV_COUNT; i++) {
		last[i] = 0;
		rc = db_int_of(src, MOVED_LAST_SQL[i], &last[i], err);
	}
	for (i = 0; rc == HD_OK && i < NTABLES; i++)
		for (j = 0; rc == HD_OK && TABLES[i].refs[j].col; j++)
			rc = ref_last(src, &TABLES[i], &TABLES[i].refs[j], last, err);
	return rc;
}

/* Copies table t's rows; *rows how many. */
static enum hd_status copy_table(struct centre_rows *ld, const struct table *t, long long *rows,
				 struct hd_err *err)
{
	struct db_stmt *sel = NULL, *ins = NULL;
	struct layout l;
	struct buf b = { 0 };
	struct json_out o;
	enum hd_status rc;
	enum db_step step;
	long long total = 0, chunk = 0;
	char *obj;
	int i;

	*rows = 0;
	layout_of(t, &l);
	rc = db_int_of(ld->src, t->count, &total, err);
	if (rc == HD_OK && t->before)
		rc = db_exec(ld->dst, t->before, 0, 0, 0, err);
	if (rc != HD_OK || total == 0)
		return rc;
	rc = db_prepare(ld->src, t->select, &sel, err);
	if (rc != HD_OK)
		goto done;
	rc = db_prepare(ld->dst, t->insert, &ins, err);
	if (rc != HD_OK)
		goto done;
	buf_add(&b, "[", 1);
	while ((step = db_step(sel)) == DB_ROW) {
		json_begin(&o);
		for (i = 0; i < l.n; i++)
			add_column(ld, &l, sel, t, i, &o);
		obj = json_end(&o);
		if (chunk > 0)
			buf_add(&b, ",", 1);
		buf_add(&b, obj, strlen(obj));
		free(obj);
		chunk++;
		(*rows)++;
		if (chunk >= CHUNK_ROWS || b.len >= CHUNK_BYTES) {
			rc = flush(ins, &b, err);
			if (rc != HD_OK)
				goto done;
			chunk = 0;
			if (ld->progress)
				ld->progress(ld->ctx, t->name, *rows, total);
		}
	}
	if (step != DB_DONE)
		rc = db_step_fail(sel, err);
	else if (chunk > 0)
		rc = flush(ins, &b, err);
	if (rc == HD_OK && ld->progress)
		ld->progress(ld->ctx, t->name, *rows, total);
done:
	free(b.s);
	db_done(sel);
	db_done(ins);
	return rc;
}

/* The file's teams get back the latest booking the file says they had
 * (team_last_booked was kept by triggers there and again here as their
 * bookings went in; the file's word is the one kept). */
static enum hd_status keep_last_booked(struct centre_rows *ld, struct hd_err *err)
{
	static const struct table T = TABLE("team", MV_TEAM, "id, last_booked", "", "", NULL, NULL,
					    NULL);
	static const char SQL[] =
		"UPDATE team SET last_booked = r.last_booked"
		" FROM json_populate_recordset(NULL::team, $1::json) r"
		" WHERE team.id = r.id AND team.last_booked IS DISTINCT FROM r.last_booked";
	struct db_stmt *sel = NULL, *upd = NULL;
	struct layout l;
	struct buf b = { 0 };
	struct json_out o;
	enum hd_status rc;
	enum db_step step;
	long long chunk = 0;
	char *obj;

	layout_of(&T, &l);
	rc = db_prepare(ld->src, T.select, &sel, err);
	if (rc == HD_OK)
		rc = db_prepare(ld->dst, SQL, &upd, err);
	if (rc != HD_OK)
		goto done;
	buf_add(&b, "[", 1);
	while ((step = db_step(sel)) == DB_ROW) {
		json_begin(&o);
		add_column(ld, &l, sel, &T, 0, &o);
		add_column(ld, &l, sel, &T, 1, &o);
		obj = json_end(&o);
		if (chunk++ > 0)
			buf_add(&b, ",", 1);
		buf_add(&b, obj, strlen(obj));
		free(obj);
		if (chunk >= CHUNK_ROWS) {
			rc = flush(upd, &b, err);
			if (rc != HD_OK)
				goto done;
			chunk = 0;
		}
	}
	if (step != DB_DONE)
		rc = db_step_fail(sel, err);
	else if (chunk > 0)
		rc = flush(upd, &b, err);
done:
	free(b.s);
	db_done(sel);
	db_done(upd);
	return rc;
}

/* The file's documents as the centre's desks are to find them: the file's
 * print state was its old machine's (jobs of that machine's printing
 * system, files in that machine's spool folder), so every document not
 * done waits to be sent again from the start (no job, no attempts, no
 * error, no file), and a done one stays done but names no job or file.
 * HD_FAIL when the database fails. */
static enum hd_status reset_spool(struct centre_rows *ld, struct hd_err *err)
{
	return db_exec(ld->dst,
		       "UPDATE spool SET cups_job = NULL, file = NULL,"
		       " state = CASE WHEN state = 'done' THEN state ELSE 'waiting' END,"
		       " attempts = CASE WHEN state = 'done' THEN attempts ELSE 0 END,"
		       " last_error = CASE WHEN state = 'done' THEN last_error ELSE NULL END"
		       " WHERE cups_job IS NOT NULL OR file IS NOT NULL OR (state <> 'done'"
		       " AND (state <> 'waiting' OR attempts <> 0 OR last_error IS NOT NULL))",
		       0, 0, 0, err);
}

int centre_rows_tables(void)
{
	return NTABLES;
}

const char *centre_rows_name(int i)
{
	return i >= 0 && i < NTABLES ? TABLES[i].name : "?";
}

const char *centre_rows_count_sql(int i)
{
	return i >= 0 && i < NTABLES ? TABLES[i].count : "SELECT 0";
}

bool centre_rows_is_record(int i)
{
	return i >= 0 && i < NTABLES && strcmp(TABLES[i].name, "setting") != 0 &&
	       strcmp(TABLES[i].name, "meta") != 0 && strcmp(TABLES[i].name, "audit") != 0;
}

enum hd_status centre_rows_copy(struct centre_rows *r, int i, long long *rows, struct hd_err *err)
{
	enum hd_status rc;

	*rows = 0;
	if (i < 0 || i >= NTABLES)
		return HD_OK;
	rc = copy_table(r, &TABLES[i], rows, err);
	if (rc == HD_OK && TABLES[i].self == MV_BOOKING)
		rc = keep_last_booked(r, err);
	if (rc == HD_OK && TABLES[i].self == MV_SPOOL && *rows > 0)
		rc = reset_spool(r, err);
	return rc;
}
