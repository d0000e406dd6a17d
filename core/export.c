/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.c - the registers and the records as CSV rows. */
#include "core/export.h"

#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/csv.h"
#include "core/db.h"
#include "core/period.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/org.h"
#include "core/record.h"
#include "core/room.h"
#include "core/team.h"
#include "core/validate.h"

#define MAX_COLS 16
#define CELL 1024

/* The Chinese names of booking states (CSV is always Chinese). */
static const char *const BOOKING_STATE_ZH[] = {
	[BK_PENDING] = "待审批",   [BK_CONFIRMED] = "已确认", [BK_CHECKED_IN] = "已签到",
	[BK_CANCELLED] = "已取消", [BK_RELEASED] = "已释放",  [BK_REJECTED] = "已驳回",
	[BK_LAPSED] = "已失效",
};

/* One export: its header, its query ($1, $2 the period) and how a row of
 * the query becomes the cells. A register's first columns are its
 * record's CSV columns (rec, their headers from its field list, the query
 * giving them in that order); header holds the columns after them. */
struct export_def {
	const char *word;
	const struct record_def *rec;
	const char *header[MAX_COLS];
	int ncols;
	const char *sql;
	void (*cells)(struct db_stmt *st, char cell[][CELL]);
	enum access_action need; /* who may take it (core/access.h) */
};

static void text_at(struct db_stmt *st, int col, char *out)
{
	db_column_text(st, col, out, CELL);
}

static void int_at(struct db_stmt *st, int col, char *out)
{
	snprintf(out, CELL, "%d", (int)db_col_int(st, col));
}

static void zh_at(struct db_stmt *st, int col, const struct hd_list *list, char *out)
{
	const struct hd_choice *c = list_get(list, (int)db_col_int(st, col));

	snprintf(out, CELL, "%s", c ? c->zh : "");
}

/* Minutes of the day as HH:MM; NULL as "". */
static void hm_at(struct db_stmt *st, int col, char *out)
{
	int m = (int)db_col_int(st, col);

	if (db_col_null(st, col))
		*out = '\0';
	else
		snprintf(out, CELL, "%02d:%02d", m / 60, m % 60);
}

/* The query's first columns as the cells of rec's CSV columns: a choice
 * by its Chinese name, the rest as text. Returns how many. */
static int record_cells(struct db_stmt *st, const struct record_def *rec, char cell[][CELL])
{
	const struct record_field *f;
	int i, n = record_csv_count(rec);

	for (i = 0; i < n; i++) {
		f = record_field_at(rec, i + 1);
		if (f->kind == REC_CHOICE)
			zh_at(st, i, f->list, cell[i]);
		else
			text_at(st, i, cell[i]);
	}
	return n;
}

static void org_cells(struct db_stmt *st, char cell[][CELL])
{
	record_cells(st, &ORG_RECORD, cell);
}

/* The room's CSV columns in their order: hours as "HH:MM", numbers in
 * digits. */
static void room_cells(struct db_stmt *st, char cell[][CELL])
{
	text_at(st, 0, cell[0]);
	zh_at(st, 1, &LIST_ROOM_KIND, cell[1]);
	int_at(st, 2, cell[2]);
	hm_at(st, 3, cell[3]);
	hm_at(st, 4, cell[4]);
	int_at(st, 5, cell[5]);
}

static void team_cells(struct db_stmt *st, char cell[][CELL])
{
	int n = record_cells(st, &TEAM_RECORD, cell);

	zh_at(st, n, &LIST_TEAM_STATE, cell[n]);
	text_at(st, n + 1, cell[n + 1]);
	text_at(st, n + 2, cell[n + 2]);
}

static void visit_cells(struct db_stmt *st, char cell[][CELL])
{
	time_t in = (time_t)db_col_int(st, 1), out = (time_t)db_col_int(st, 2);
	char phone[PHONE_MAX];

	int_at(st, 0, cell[0]);
	clock_local_date(in, cell[1], CELL);
	clock_local_hm(in, cell[2], CELL);
	if (out)
		clock_local_hm(out, cell[3], CELL);
	else
		*cell[3] = '\0';
	text_at(st, 3, cell[4]);
	db_column_text(st, 4, phone, sizeof(phone));
	if (*phone)
		phone_mask(phone, cell[5], CELL);
	else
		*cell[5] = '\0';
	zh_at(st, 5, &LIST_PURPOSE, cell[6]);
	text_at(st, 6, cell[7]);
	int_at(st, 7, cell[8]);
}

static const struct export_def DEFS[] = {
	[EXPORT_VISITS] = { "visits",
			    NULL,
			    { "编号", "日期", "到达", "离开", "姓名", "电话", "来访事由",
			      "拜访对象", "人数" },
			    9,
			    "SELECT v.id, v.time_in, coalesce(v.time_out, 0), coalesce(p.name, ''),"
			    " coalesce(p.phone, ''), v.purpose, coalesce(o.name, t.name, w.name, ''), v.party"
			    " FROM visit v LEFT JOIN person p ON p.id = v.person_id"
			    " LEFT JOIN org o ON o.id = v.org_id LEFT JOIN team t ON t.id = v.team_id"
			    " LEFT JOIN visitee w ON w.id = v.visitee_id"
			    " WHERE v.time_in >= $1 AND v.time_in < $2 ORDER BY v.id",
			    visit_cells,
			    ACC_EXPORT_PEOPLE },
	[EXPORT_BOOKINGS] = { "bookings",
			      NULL,
			      { "编号", "场地", "预约方", "开始", "结束", "人数", "用途", "状态" },
			      8,
			      NULL,
			      NULL,
			      ACC_EXPORT_PEOPLE },
	[EXPORT_TEAMS] = { "teams",
			   &TEAM_RECORD,
			   { "状态", "备案日期", "备案编号" },
			   3,
			   "SELECT name, short, category, leader, phone, members, content, place,"
			   " schedule, party_members, coalesce(liaison, ''), committee, street, state,"
			   " coalesce(filed_date, ''),"
			   " coalesce((SELECT number FROM filing_number WHERE team_id = team.id), '')"
			   " FROM team WHERE created >= $1 AND created < $2 ORDER BY id",
			   team_cells,
			   ACC_REPORTS },
	[EXPORT_ORGS] = { "orgs",
			  &ORG_RECORD,
			  { NULL },
			  0,
			  "SELECT name, short, kind, coalesce(credit_code, ''), coalesce(contact, ''),"
			  " coalesce(phone, ''), coalesce(in_date, ''), coalesce(out_date, '') FROM org"
			  " WHERE created >= $1 AND created < $2 ORDER BY id",
			  org_cells,
			  ACC_REPORTS },
	[EXPORT_ROOMS] = { "rooms",
			   &ROOM_RECORD,
			   { NULL },
			   0,
			   "SELECT name, kind, capacity, open_min, close_min, buffer_min FROM room"
			   " WHERE created >= $1 AND created < $2 ORDER BY id",
			   room_cells,
			   ACC_REPORTS },
};

enum access_action export_need(int kind)
{
	if (kind < 0 || kind >= (int)(sizeof(DEFS) / sizeof(DEFS[0])))
		return ACC_EXPORT_PEOPLE; /* the calendar of bookings */
	return DEFS[kind].need;
}

int export_kind_of(const char *word)
{
	int i;

	for (i = 0; word && i < (int)(sizeof(DEFS) / sizeof(DEFS[0])); i++)
		if (strcmp(word, DEFS[i].word) == 0)
			return i;
	return -1;
}

/* The header of def: its record's CSV columns, then its own; *n their
 * count. */
static void header_of(const struct export_def *def, const char **header, int *n)
{
	int k = def->rec ? record_csv_count(def->rec) : 0, i;

	for (i = 0; i < k; i++)
		header[i] = record_field_at(def->rec, i + 1)->column;
	for (i = 0; i < def->ncols; i++)
		header[k + i] = def->header[i];
	*n = k + def->ncols;
}

/* A row of n cells, after the centre's code when centre is not NULL. */
static void write_row(FILE *f, const char *centre, char cell[][CELL], int n)
{
	const char *fields[MAX_COLS + 1];
	int i, k = 0;

	if (centre)
		fields[k++] = centre;
	for (i = 0; i < n; i++)
		fields[k++] = cell[i];
	csv_row(f, fields, k);
}

static enum hd_status export_bookings(struct db *db, time_t from, time_t to, const char *centre,
				      FILE *f, struct hd_err *err)
{
	struct booking *b = NULL;
	char cell[8][CELL];
	enum hd_status rc;
	int i, n = 0;

	rc = booking_between(db, 0, from, to, &b, &n, err);
	for (i = 0; rc == HD_OK && i < n; i++) {
		snprintf(cell[0], CELL, "%lld", b[i].id);
		snprintf(cell[1], CELL, "%s", b[i].room);
		snprintf(cell[2], CELL, "%s", b[i].booker);
		clock_local_datetime(b[i].start, cell[3], CELL);
		clock_local_datetime(b[i].end, cell[4], CELL);
		snprintf(cell[5], CELL, "%d", b[i].attendees);
		snprintf(cell[6], CELL, "%s", b[i].purpose);
		snprintf(cell[7], CELL, "%s", BOOKING_STATE_ZH[b[i].state]);
		write_row(f, centre, cell, 8);
	}
	free(b);
	return rc;
}

enum hd_status export_csv_centre(struct db *db, enum export_kind kind, long from, long to,
				 const char *centre, bool head, FILE *f, struct hd_err *err)
{
	const struct export_def *def = &DEFS[kind];
	const char *header[MAX_COLS + 1];
	char cell[MAX_COLS][CELL];
	struct db_stmt *st = NULL;
	time_t start, end;
	enum hd_status rc;
	enum db_step step;
	int ncols, k = centre ? 1 : 0;

	rc = period_bounds(from, to, false, &start, &end, err);
	if (rc != HD_OK)
		return rc;
	rc = db_begin_read(db, err);
	if (rc != HD_OK)
		return rc;
	header[0] = "中心";
	header_of(def, header + k, &ncols);
	if (head) {
		fputs(CSV_BOM, f);
		csv_row(f, header, ncols + k);
	}
	if (kind == EXPORT_BOOKINGS) {
		rc = export_bookings(db, start, end, centre, f, err);
		goto done;
	}
	rc = db_prepare(db, def->sql, &st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_int(st, 1, start);
	db_bind_int(st, 2, end);
	while ((step = db_step(st)) == DB_ROW) {
		def->cells(st, cell);
		write_row(f, centre, cell, ncols);
	}
	if (step != DB_DONE)
		rc = db_step_fail(st, err);
done:
	db_done(st);
	db_rollback(db);
	if (rc == HD_OK && (fflush(f) != 0 || ferror(f)))
		rc = hd_err_set(err, HD_FAIL, "", "%s", _("The export could not be written out."));
	return rc;
}

enum hd_status export_csv(struct db *db, enum export_kind kind, long from, long to, FILE *f,
			  struct hd_err *err)
{
	return export_csv_centre(db, kind, from, to, NULL, true, f, err);
}
