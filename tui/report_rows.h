/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_rows.h - a report's section as rows for the reports screen: the
 * lines of text, bars, the chart of days and the heat maps, built once per
 * report and section and drawn row by row as the screen scrolls. */
#ifndef HD_REPORT_ROWS_H
#define HD_REPORT_ROWS_H

#include <stdbool.h>

#include "core/report.h"

enum report_section { SEC_VISITS, SEC_ROOMS, SEC_TEAMS, SEC_ORGS };

enum report_row_kind {
	ROW_BLANK,
	ROW_HEAD,      /* a heading */
	ROW_TEXT,      /* a line of text */
	ROW_BAR,       /* label, figures, and a bar of value against max */
	ROW_DAYS,      /* a level of the chart of visits per day (level 7 top .. 0) */
	ROW_DAYS_AXIS, /* the dates under that chart */
	ROW_HOURS,     /* the hours over a heat map */
	ROW_HEAT       /* a weekday of the heat map of room (-1: every room) */
};

struct report_row {
	enum report_row_kind kind;
	char text[256];
	char figures[96];
	long value, max;
	int level, room, weekday;
};

struct report_rows {
	struct report_row *rows;
	int n, cap;
};

/* The rows of section of r into *out (report_rows_free() them). */
void report_rows_make(const struct report *r, int section, struct report_rows *out);

/* Draws row i at (y, x) in cols columns. */
void report_rows_draw(const struct report *r, const struct report_rows *rows, int i, int y, int x,
		      int cols, enum report_style style, bool colour);

void report_rows_free(struct report_rows *rows);

#endif
