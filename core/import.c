/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import.c - registers from spreadsheets: the columns of each register,
 * the header read by name, every row checked through the register's own
 * checks on a private copy first, then saved in batches that let desks
 * write in between, and the problems by row and column. */
#include "core/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/org.h"
#include "core/record.h"
#include "core/room.h"
#include "core/sheet.h"
#include "core/team.h"
#include "core/text.h"
#include "core/validate.h"
#include "core/xalloc.h"

#define MAX_COLS 16
#define PROGRESS_EVERY 200

/* How a cell is read: as the register takes it, or as a date, a time or
 * a credit code in the forms spreadsheets save them (sheet.h). */
enum cell_form { CELL_TEXT, CELL_DATE, CELL_TIME, CELL_CODE };

/* A column of a register's CSV: its Chinese name, whether a file needs
 * it, the names the register's checks give its field (a label msgid and a
 * machine name), to say which column a problem is in, and how its cells
 * are read. */
struct column {
	const char *name;
	bool needed;
	const char *label, *field;
	enum cell_form form;
	const struct hd_list *list; /* a choice's list, whose field its problems name */
};

/* The longest cell read as a date, time or code, with room for a cell
 * too long to be one (the checks then say what is allowed). */
#define FORM_CELL 128

struct register_def {
	const char *word;
	/* The record whose fields are the first columns, in their CSV order
	 * (NULL: cols holds every column), and a required field of it a file
	 * may leave out (save gives it). */
	const struct record_def *rec;
	const char *defaulted;
	struct column cols[MAX_COLS]; /* the columns after the record's */
	int ncols;
	/* Saves the row's cells (NULL when absent, in the order of cols). */
	enum hd_status (*save)(struct db *db, const struct hd_actor *who, const char *const *cell,
			       struct import_done *done, struct hd_err *err);
};

/* One record of name in table (id 0 when none); teams also by committee
 * ($2, when sql has it). */
static long long find_id(struct db *db, const char *sql, const char *name, const char *committee)
{
	struct db_stmt *st = NULL;
	long long id = 0;
	char trimmed[NAME_BYTES + 64], comm[NAME_BYTES + 64];

	if (db_prepare(db, sql, &st, NULL) != HD_OK)
		return 0;
	text_trim(name ? name : "", trimmed, sizeof(trimmed));
	text_trim(committee ? committee : "", comm, sizeof(comm));
	db_bind_text(st, 1, trimmed);
	if (db_param_count(st) >= 2)
		db_bind_text(st, 2, comm);
	if (db_step(st) == DB_ROW)
		id = db_col_int(st, 0);
	db_done(st);
	return id;
}

static void done_as(struct import_done *done, long long id, const char *name, bool added)
{
	done->id = id;
	done->added = added;
	text_trim(name ? name : "", done->name, sizeof(done->name));
}

/* The cell of field m of a record's draft (by its place among the columns). */
#define CELL(c, list, m) ((c)[(list).fields[m].csv_at - 1])

/* The file's cells (NULL: no such column) over draft d of record rec,
 * each read into its typed member. HD_BAD_INPUT naming the field. */
static enum hd_status cells_into(const struct record_def *rec, const char *const *c, void *d,
				 struct hd_err *err)
{
	const struct record_field *f;
	int i;

	for (i = 0; i < rec->count; i++) {
		f = &rec->fields[i];
		if (f->csv_at > 0 && c[f->csv_at - 1] &&
		    record_parse(f, c[f->csv_at - 1], d, err) != HD_OK)
			return HD_BAD_INPUT;
	}
	return HD_OK;
}

static enum hd_status save_org(struct db *db, const struct hd_actor *who, const char *const *c,
			       struct import_done *done, struct hd_err *err)
{
	const char *cell[MAX_COLS];
	struct org_draft d = { 0 };
	long long id = find_id(db, "SELECT id FROM org WHERE name = $1", c[0], NULL);
	bool added = id == 0;
	enum hd_status rc;
	struct org o;

	memcpy(cell, c, sizeof(cell));
	if (id && org_get(db, id, &o, err) == HD_OK) {
		org_draft_of(&o, &d);
		if (!text_given(CELL(cell, ORG_RECORD, ORG_F_kind)))
			CELL(cell, ORG_RECORD,
			     ORG_F_kind) = NULL; /* a list cell left empty keeps it */
	}
	rc = cells_into(&ORG_RECORD, cell, &d, err);
	/* The kind is optional in a file: a residence term makes a resident. */
	if (rc == HD_OK && !d.kind)
		d.kind = text_given(d.in_date) ? 1 : 3;
	if (rc == HD_OK && id)
		rc = org_update(db, who, id, &d, NULL, err);
	else if (rc == HD_OK)
		rc = org_add(db, who, &d, &id, NULL, err);
	done_as(done, id, c[0], added);
	return rc;
}

static enum hd_status save_room(struct db *db, const struct hd_actor *who, const char *const *c,
				struct import_done *done, struct hd_err *err)
{
	struct room_draft d = { 0 };
	long long id = find_id(db, "SELECT id FROM room WHERE name = $1", c[0], NULL);
	bool added = id == 0;
	char hours[2][8];
	enum hd_status rc;
	struct room r;

	/* An update changes only the columns the file gives. */
	if (id && room_get(db, id, &r, err) == HD_OK)
		room_draft_of(&r, &d, hours);
	rc = cells_into(&ROOM_RECORD, c, &d, err);
	if (rc != HD_OK)
		;
	else if (id)
		rc = room_update(db, who, id, &d, err);
	else
		rc = room_add(db, who, &d, &id, err);
	done_as(done, id, c[0], added);
	return rc;
}

static enum hd_status save_team(struct db *db, const struct hd_actor *who, const char *const *c,
				struct import_done *done, struct hd_err *err)
{
	const char *committee = CELL(c, TEAM_RECORD, TEAM_F_committee);
	struct team_draft d = { 0 };
	long long id;
	bool added;
	long filed = CLOCK_NO_DAY;
	struct team *t;
	int state = TEAM_APPLIED;
	enum hd_status rc = HD_OK;

	/* A file without 居委会 names teams by their name alone. */
	if (committee)
		id = find_id(db, "SELECT id FROM team WHERE name = $1 AND committee = $2", c[0],
			     committee);
	else if (find_id(db, "SELECT count(*) FROM team WHERE name = $1", c[0], NULL) > 1)
		return hd_err_set(
			err, HD_REFUSED, "committee",
			_("%s: several teams have this name; give the column 居委会 to say which"),
			_("Name"));
	else
		id = find_id(db, "SELECT id FROM team WHERE name = $1", c[0], NULL);
	added = id == 0;
	t = xcalloc(1, sizeof(*t));
	if (id && team_get(db, id, t, err) == HD_OK) {
		team_draft_of(t, &d);
		state = (int)t->state;
		if (!c[14])
			filed = clock_day_of(t->filed_date);
	}
	/* The file's cells over what the team has; then its state and date. */
	if (cells_into(&TEAM_RECORD, c, &d, err) != HD_OK)
		rc = HD_BAD_INPUT;
	else if (text_given(c[13]) && list_parse(&LIST_TEAM_STATE, c[13], &state, err) != HD_OK)
		rc = HD_BAD_INPUT;
	else if (text_given(c[14]) && clock_parse_day(c[14], _("Filing date"), &filed, err))
		rc = HD_BAD_INPUT;
	else if (filed != CLOCK_NO_DAY && state < TEAM_FILED)
		rc = hd_err_set(err, HD_BAD_INPUT, "filed_date",
				_("%s: only filed, classified or deregistered teams have one"),
				_("Filing date"));
	else if (id)
		rc = team_update(db, who, id, &d, (enum team_state)state, filed, _("imported"),
				 err);
	else
		rc = team_create(db, who, &d, (enum team_state)state, filed, &id, err);
	free(t);
	done_as(done, id, c[0], added);
	return rc;
}

static const struct register_def DEFS[] = {
	[IMPORT_ORGS] = { "orgs", &ORG_RECORD, "kind", { { 0 } }, 0, save_org },
	/* After the record's 13 columns (cells 0..12): */
	[IMPORT_TEAMS] = { "teams",
			   &TEAM_RECORD,
			   NULL,
			   { { "状态", false, N_("team state"), "state" },
			     { "备案日期", false, N_("Filing date"), "filed_date", CELL_DATE },
			     /* Known, never read: the centre gives filing numbers. */
			     { "备案编号", false, N_("Filing number"), "filing_number" } },
			   3,
			   save_team },
	[IMPORT_ROOMS] = { "rooms", &ROOM_RECORD, NULL, { { 0 } }, 0, save_room },
};

int import_kind_of(const char *word)
{
	int i;

	for (i = 0; word && i < (int)(sizeof(DEFS) / sizeof(DEFS[0])); i++)
		if (strcmp(word, DEFS[i].word) == 0)
			return i;
	return -1;
}

/* How a field's cells are read. */
static enum cell_form form_of(enum record_kind kind)
{
	switch (kind) {
	case REC_DATE:
		return CELL_DATE;
	case REC_TIME:
		return CELL_TIME;
	case REC_CODE:
		return CELL_CODE;
	default:
		return CELL_TEXT;
	}
}

/* def with its record's columns first, in their CSV order, into *out. */
static void columns_of(const struct register_def *def, struct register_def *out)
{
	const struct record_field *f;
	int n = def->rec ? record_csv_count(def->rec) : 0, i;

	*out = *def;
	for (i = 0; i < n; i++) {
		f = record_field_at(def->rec, i + 1);
		out->cols[i] = (struct column){
			f->column,
			f->required && !(def->defaulted && strcmp(def->defaulted, f->name) == 0),
			f->label,
			f->name,
			form_of(f->kind),
			f->list
		};
	}
	for (i = 0; i < def->ncols; i++)
		out->cols[n + i] = def->cols[i];
	out->ncols = n + def->ncols;
}

/* The column a problem is in, from the field the checks named. */
static const char *column_of(const struct register_def *def, const struct hd_err *e)
{
	int i;

	for (i = 0; i < def->ncols; i++)
		if (strcmp(e->field, def->cols[i].field) == 0 ||
		    (def->cols[i].list && strcmp(e->field, def->cols[i].list->field) == 0) ||
		    strcmp(e->field, def->cols[i].label) == 0 ||
		    strcmp(e->field, _(def->cols[i].label)) == 0)
			return def->cols[i].name;
	return "";
}

static void add_problem(struct import_result *res, int row, const char *column,
			enum hd_status status, const char *msg)
{
	struct import_problem *p;

	res->bad_rows++;
	if (res->nproblems == IMPORT_MAX_PROBLEMS)
		return;
	if (!res->problems) {
		res->problems = xcalloc(IMPORT_MAX_PROBLEMS, sizeof(*res->problems));
	}
	p = &res->problems[res->nproblems++];
	p->row = row;
	p->status = status;
	snprintf(p->column, sizeof(p->column), "%s", column);
	snprintf(p->msg, sizeof(p->msg), "%s", msg);
}

/* Matches the header's names to the register's columns: where[i] is the
 * cell of column i, or -1. Unknown names are kept in res->ignored. */
static enum hd_status read_header(const struct register_def *def, const struct csv_record *h,
				  int where[MAX_COLS], struct import_result *res,
				  struct hd_err *err)
{
	char name[256], missing[512] = "";
	int i, j;

	for (i = 0; i < def->ncols; i++)
		where[i] = -1;
	res->ignored = xcalloc((size_t)h->nfields + 1, sizeof(*res->ignored));
	for (j = 0; j < h->nfields; j++) {
		text_trim(h->fields[j], name, sizeof(name));
		if (*name &&
		    name[strlen(name) - 1] == '*') /* a template's mark of a needed column */
			name[strlen(name) - 1] = '\0';
		for (i = 0; i < def->ncols && strcmp(name, def->cols[i].name) != 0; i++)
			;
		if (i == def->ncols) {
			if (*name && (res->ignored[res->nignored] = strdup(name)) != NULL)
				res->nignored++;
			continue;
		}
		if (where[i] >= 0)
			return hd_err_set(err, HD_BAD_INPUT, "file",
					  _("Row 1: the column %s is there twice."), name);
		where[i] = j;
	}
	for (i = 0; i < def->ncols; i++)
		if (def->cols[i].needed && where[i] < 0)
			snprintf(missing + strlen(missing), sizeof(missing) - strlen(missing),
				 "%s%s", *missing ? "、" : "", def->cols[i].name);
	if (*missing)
		return hd_err_set(err, HD_BAD_INPUT, "file",
				  _("Row 1: the file lacks the columns it needs: %s."), missing);
	return HD_OK;
}

/* Reads a cell given in a date, time or code column into the form its
 * register keeps (into out, FORM_CELL bytes) and points *cell at it. */
static enum hd_status read_form(const struct column *col, const char **cell, char *out,
				struct hd_err *e)
{
	enum hd_status rc;

	if (col->form == CELL_TEXT || !text_given(*cell))
		return HD_OK;
	if (col->form == CELL_DATE)
		rc = sheet_date(*cell, _(col->label), out, FORM_CELL, e);
	else if (col->form == CELL_TIME)
		rc = sheet_time(*cell, _(col->label), out, FORM_CELL, e);
	else
		rc = sheet_credit_code(*cell, _(col->label), out, FORM_CELL, e);
	if (rc == HD_OK)
		*cell = out;
	return rc;
}

/* Saves one record; a problem goes to res. */
static void import_row(struct db *db, const struct hd_actor *who, const struct register_def *def,
		       const struct csv_record *r, const int where[MAX_COLS], int width,
		       struct import_result *res)
{
	const char *cell[MAX_COLS];
	char form[MAX_COLS][FORM_CELL];
	struct import_done *done = &res->done[res->added + res->updated];
	struct hd_err e;
	enum hd_status rc;
	int i;

	for (i = width; i < r->nfields; i++)
		if (text_given(r->fields[i])) {
			add_problem(res, r->row, "", HD_BAD_INPUT,
				    _("the row has more cells than the header has columns"));
			return;
		}
	/* NULL: the file has no such column; "" a cell left empty. */
	for (i = 0; i < def->ncols; i++)
		cell[i] = where[i] < 0            ? NULL
			  : where[i] < r->nfields ? csv_unguard(r->fields[where[i]])
						  : "";
	hd_err_clear(&e);
	for (i = 0; i < def->ncols; i++)
		if (cell[i] && read_form(&def->cols[i], &cell[i], form[i], &e) != HD_OK) {
			add_problem(res, r->row, def->cols[i].name, e.status, e.msg);
			return;
		}
	memset(done, 0, sizeof(*done));
	rc = def->save(db, who, cell, done, &e);
	if (rc != HD_OK) {
		add_problem(res, r->row, column_of(def, &e), rc, e.msg);
		return;
	}
	if (done->added)
		res->added++;
	else
		res->updated++;
}

/* The tables no register's checks read: the check pass copies the rest. */
static const char *const NOT_READ[] = { "audit",   "person", "visit", "booking",
					"erasure", "spool",  NULL };

/* Stops the pass when the database ended the transaction itself (disk
 * full, say): no row may then be saved on its own. */
static bool ended(struct db *db)
{
	return !db_in_transaction(db);
}

/* Every row through the register's checks and saves on a private copy of
 * the registers, in one transaction rolled back: a desk waits for nothing
 * meanwhile. HD_OK when the file can be saved whole. */
static enum hd_status check_all(struct db *db, const struct hd_actor *who,
				const struct register_def *def, const struct csv_table *t,
				const int where[MAX_COLS], import_progress_fn progress, void *ctx,
				struct import_result *res, struct hd_err *err)
{
	struct db *copy = NULL;
	enum hd_status rc;
	int i;

	rc = db_scratch(db, NOT_READ, &copy, err);
	if (rc == HD_OK)
		rc = db_begin(copy, err);
	for (i = 1; rc == HD_OK && i < t->nrecords; i++) {
		res->rows++;
		import_row(copy, who, def, &t->records[i], where, t->records[0].nfields, res);
		if (ended(copy))
			rc = hd_err_set(err, HD_FAIL, "", "%s",
					_("The database stopped the import; nothing was imported."));
		else if (progress && i % PROGRESS_EVERY == 0 &&
			 !progress(ctx, IMPORT_CHECKING, i, t->nrecords - 1))
			rc = hd_err_set(err, HD_FAIL, "", "%s",
					_("The import was stopped; nothing was imported."));
	}
	db_rollback(copy);
	db_close(copy);
	if (rc == HD_OK && res->nproblems > 0)
		rc = hd_err_set(err, res->problems[0].status, "file",
				dngettext("hubdesk",
					  "%d row cannot be imported; nothing was imported.",
					  "%d rows cannot be imported; nothing was imported.",
					  (unsigned long)res->bad_rows),
				res->bad_rows);
	return rc;
}

/* After a row could not be saved: what the committed batches hold stays
 * (the first rows of the file, whole records). The row's reason is among
 * the problems; err says where saving stopped and what was saved. */
static enum hd_status stopped(struct import_result *res, const struct csv_table *t,
			      const struct hd_err *why, struct hd_err *err)
{
	int saved = res->added + res->updated, row = t->records[1 + saved].row;

	if (res->nproblems == 0)
		add_problem(res, row, "", why->status, why->msg);
	return hd_err_set(
		err, res->problems[0].status, "file",
		dngettext("hubdesk",
			  "Saving stopped at row %d; the first %d row of the file was "
			  "saved. Import the file again once that is put right: saved rows "
			  "are updated, not added twice.",
			  "Saving stopped at row %d; the first %d rows of the file were "
			  "saved. Import the file again once that is put right: saved rows "
			  "are updated, not added twice.",
			  (unsigned long)saved),
		row, saved);
}

/* Every row saved on the live database in batches (db_batch), so that
 * desks write between them. The rows were checked whole on a copy; a row
 * refused now (a desk changed the registers since) stops the import after
 * the rows before it. */
static enum hd_status save_all(struct db *db, const struct hd_actor *who,
			       const struct register_def *def, const struct csv_table *t,
			       const int where[MAX_COLS], import_progress_fn progress, void *ctx,
			       struct import_result *res, struct hd_err *err)
{
	int kept_added = 0, kept_updated = 0, i;
	struct db_batch b;
	struct hd_err why;
	enum hd_status rc;
	bool committed;

	hd_err_clear(&why);
	res->rows = res->added = res->updated = 0;
	rc = db_batch_begin(db, &b, &why);
	for (i = 1; rc == HD_OK && i < t->nrecords; i++) {
		res->rows++;
		import_row(db, who, def, &t->records[i], where, t->records[0].nfields, res);
		if (res->nproblems > 0 || ended(db)) {
			rc = HD_FAIL;
			break;
		}
		rc = db_batch_next(&b, &committed, &why);
		if (committed) {
			kept_added = res->added;
			kept_updated = res->updated;
		}
		if (progress && i % PROGRESS_EVERY == 0)
			progress(ctx, IMPORT_SAVING, i, t->nrecords - 1);
	}
	if (rc == HD_OK)
		rc = db_commit(db, &why);
	if (rc == HD_OK) {
		if (progress)
			progress(ctx, IMPORT_SAVING, t->nrecords - 1, t->nrecords - 1);
		return HD_OK;
	}
	/* The rows before the one refused are whole records: they are kept. */
	if (res->nproblems > 0 && !ended(db) && db_commit(db, &why) == HD_OK)
		return stopped(res, t, &why, err);
	db_rollback(db);
	res->added = kept_added;
	res->updated = kept_updated;
	return stopped(res, t, &why, err);
}

enum hd_status import_csv(struct db *db, const struct hd_actor *who, enum import_kind kind,
			  const char *data, size_t len, import_progress_fn progress, void *ctx,
			  struct import_result *res, struct hd_err *err)
{
	struct register_def *def = xmalloc(sizeof(*def));
	struct csv_table t = { 0 };
	char *text = NULL;
	int where[MAX_COLS];
	enum hd_status rc;

	memset(res, 0, sizeof(*res));
	columns_of(&DEFS[kind], def);
	rc = access_require(db, who, ACC_ADMIN, err);
	if (rc == HD_OK)
		rc = csv_decode(data, len, &text, &res->encoding, err);
	if (rc == HD_OK)
		rc = csv_parse(text, &t, err);
	if (rc != HD_OK)
		goto out;
	if (t.nrecords < 1) {
		rc = hd_err_set(
			err, HD_BAD_INPUT, "file", "%s",
			_("The file is empty: it needs a header row and at least one row of data."));
		goto out;
	}
	rc = read_header(def, &t.records[0], where, res, err);
	if (rc != HD_OK)
		goto out;
	res->done = xcalloc((size_t)t.nrecords, sizeof(*res->done));
	rc = check_all(db, who, def, &t, where, progress, ctx, res, err);
	if (rc == HD_OK)
		rc = save_all(db, who, def, &t, where, progress, ctx, res, err);
	else
		res->added = res->updated = 0;
out:
	csv_free(&t);
	free(text);
	free(def);
	return rc;
}

void import_result_free(struct import_result *res)
{
	int i;

	for (i = 0; i < res->nignored; i++)
		free(res->ignored[i]);
	free(res->ignored);
	free(res->problems);
	free(res->done);
	memset(res, 0, sizeof(*res));
}
