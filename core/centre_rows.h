/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centre_rows.h - the tables of a centre's records as `load` copies them
 * (core/centre_load.c): each table's columns and what its ids and
 * references name, and the copy of its rows from a SQLite file into
 * PostgreSQL, every id moved by the shift of the table it names. */
#ifndef HD_CENTRE_ROWS_H
#define HD_CENTRE_ROWS_H

#include <stdbool.h>

#include "core/centre_load.h"
#include "core/db.h"
#include "core/status.h"

/* The tables whose ids are identities, each moved by its own shift. */
enum centre_moved {
	MV_NONE = -1,
	MV_ROOM,
	MV_ROOM_CLOSURE,
	MV_ORG,
	MV_TEAM,
	MV_TEAM_STEP,
	MV_STAFF,
	MV_PERSON,
	MV_VISITEE,
	MV_VISIT,
	MV_CLOSURE,
	MV_BOOKING,
	MV_SPOOL,
	MV_AUDIT,
	MV_OPENING,
	MV_COUNT,
	MV_BY_ROW /* the table another column of the row names */
};

/* The table of m ("room" ...); static. */
const char *centre_moved_table(enum centre_moved m);

/* The highest id of each table the file src names anywhere: its rows'
 * ids and every reference to it, those whose rows are gone included (an
 * erased visitor's number in erasure, a deleted record's in audit, a
 * document's record in spool), so that the block reserved for the table
 * holds every id the file's rows carry once moved. HD_FAIL when src
 * fails. */
enum hd_status centre_rows_last(struct db *src, long long last[MV_COUNT], struct hd_err *err);

/* One copy: from src (the file) to dst (the centre), the shifts. */
struct centre_rows {
	struct db *dst, *src;
	long long shift[MV_COUNT];
	centre_load_progress_fn progress; /* NULL: none */
	void *ctx;
};

/* The tables in the order they are copied (references after what they
 * name): how many, each one's name and the SQL counting its rows (static),
 * and whether rows of it are records a centre holds (its key, settings
 * and audit are not). */
int centre_rows_tables(void);
const char *centre_rows_name(int i);
const char *centre_rows_count_sql(int i);
bool centre_rows_is_record(int i);

/* Copies the rows of table i from r->src into r->dst (in the caller's
 * transaction on each), *rows how many; the print queue's documents lose
 * the old machine's print state: those not done wait to be sent again
 * (no job, attempts, error or file), done ones keep their state but name
 * no job or file. HD_FAIL when either database
 * fails or refuses a row. */
enum hd_status centre_rows_copy(struct centre_rows *r, int i, long long *rows, struct hd_err *err);

#endif
