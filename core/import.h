/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import.h - organisations, teams and rooms from a spreadsheet's CSV
 * (csv.h): columns matched by their Chinese names in any order, dates,
 * times and credit codes read as spreadsheets save them (sheet.h), every
 * row checked by the rules of the forms, a record whose name exists
 * updated. The whole file is checked first on a private copy of the
 * registers (a file with a bad row saves nothing), then saved in batches
 * between which desks write. */
#ifndef HD_IMPORT_H
#define HD_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/actor.h"
#include "core/csv.h"
#include "core/db.h"
#include "core/status.h"

enum import_kind { IMPORT_ORGS, IMPORT_TEAMS, IMPORT_ROOMS };

/* The kind named by word ("orgs", "teams", "rooms"); -1 when none. */
int import_kind_of(const char *word);

/* A row that cannot be imported: its spreadsheet row, the column at fault
 * ("" when the row as a whole) and what is allowed. */
struct import_problem {
	int row;
	char column[64];
	enum hd_status status;
	char msg[HD_MSG_BYTES];
};

/* A record imported: its id, its name, and whether it was new. */
struct import_done {
	long long id;
	char name[128];
	bool added;
};

struct import_result {
	enum csv_encoding encoding;
	int rows; /* data rows read (blank rows not counted) */
	int added, updated;
	struct import_done *done;        /* in file order */
	struct import_problem *problems; /* in file order, at most IMPORT_MAX_PROBLEMS */
	int nproblems;
	int bad_rows;   /* rows with a problem, also beyond those kept */
	char **ignored; /* columns not known, ignored */
	int nignored;
};

#define IMPORT_MAX_PROBLEMS 50

/* What an import is doing when it tells its progress. */
enum import_phase {
	IMPORT_CHECKING, /* every row checked; nothing is saved yet */
	IMPORT_SAVING    /* the rows saved, batch by batch */
};

/* Asked every few rows: done of total rows of phase. Returning false while
 * checking stops the import, which then saves nothing; once saving has
 * begun, it goes on to the end. */
typedef bool (*import_progress_fn)(void *ctx, enum import_phase phase, long done, long total);

/* Imports the file's bytes (data, len) as records of kind, by who (admin),
 * outside any transaction. HD_OK when every row was saved.
 *
 * When a row is at fault nothing is saved: res->problems name each row
 * and err says what went wrong as a whole, with the status of the first
 * problem (HD_BAD_INPUT malformed, HD_REFUSED a rule such as a credit code
 * registered to another organisation); HD_BAD_INPUT also for a file that
 * is empty, broken in its encoding or without a needed column.
 *
 * When saving stops part way (a desk changed the registers after the
 * check, so that a row is refused now; the disk is full), the first rows
 * of the file stay saved, res->added and res->updated count them (their
 * records are res->done), and err names the row it stopped at, its reason
 * and the rows saved. import_result_free() res in every case. */
enum hd_status import_csv(struct db *db, const struct hd_actor *who, enum import_kind kind,
			  const char *data, size_t len, import_progress_fn progress, void *ctx,
			  struct import_result *res, struct hd_err *err);

void import_result_free(struct import_result *res);

#endif
