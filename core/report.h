/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.h - the figures a centre sends the street and the district for a
 * period: visits (per day, by purpose, by hour, by whom they visited),
 * rooms (open, booked and used hours, a weekday x hour heat map, no-shows
 * and late cancellations per booker), teams (by category and state at the
 * end of the period, members, new filings and clean-outs in it) and
 * organisations (by kind, residence terms ending soon). Counts only: a
 * report never holds personal data, and erased visits still count. */
#ifndef HD_REPORT_H
#define HD_REPORT_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "core/db.h"
#include "core/org.h"
#include "core/status.h"
#include "core/validate.h"

#define REPORT_PURPOSES 13   /* LIST_PURPOSE */
#define REPORT_CATEGORIES 6  /* LIST_TEAM_CATEGORY */
#define REPORT_STATES 5      /* LIST_TEAM_STATE */
#define REPORT_KINDS 3       /* LIST_ORG_KIND */
#define REPORT_MAX_DAYS 3660 /* about ten years */
#define REPORT_ENDING_DAYS 30
#define REPORT_VISITED_MAX 30 /* those most visited, by name; the rest together */

/* One calendar day of the period. */
struct report_day {
	long day; /* its day number */
	char date[DATE_LEN];
	int weekday; /* ISO: 1 Monday .. 7 Sunday */
	int visits, people;
};

/* Visits to one organisation or team, to nobody in particular (id 0), or
 * to all the others beyond REPORT_VISITED_MAX together (id -1); name says
 * which in the interface language for the last two. */
struct report_visited {
	long long id;
	bool team;  /* a team; else an organisation, or named (below) */
	bool named; /* someone named in words, e.g. a member of staff */
	char name[NAME_BYTES];
	int visits, people;
};

/* A room over the period, in minutes. heat_*[weekday - 1][hour]. */
struct report_room {
	long long id;
	char name[NAME_BYTES];
	long open_min, booked_min, used_min;
	int heat_open[7][24], heat_booked[7][24];
};

/* A booker's no-shows and late cancellations in the period. */
struct report_booker {
	long long id;
	bool team;
	char name[NAME_BYTES];
	int noshows, late_cancels;
};

struct report {
	char from[DATE_LEN], to[DATE_LEN]; /* both included */
	time_t start, end;                 /* local midnight of from, of the day after to */
	/* Visits. */
	struct report_day *days;
	int ndays;
	int visits, people;
	int purpose_visits[REPORT_PURPOSES + 1], purpose_people[REPORT_PURPOSES + 1]; /* [number] */
	int hour_visits[24];
	struct report_visited *visited; /* most visits first, the others last */
	int nvisited;
	/* Rooms, by name. */
	struct report_room *rooms;
	int nrooms;
	struct report_booker *bookers; /* most no-shows and late cancellations first */
	int nbookers;
	/* Teams as they stood at the end of the period: by category and
	 * members counting the teams not deregistered; states every team. */
	int team_category[REPORT_CATEGORIES + 1], team_state[REPORT_STATES + 1];
	int teams, members, party_members;
	int filed_in_period, deregistered_in_period;
	/* Organisations registered by the end of the period. */
	int org_kind[REPORT_KINDS + 1];
	int orgs;
	struct org *ending; /* residence ending within REPORT_ENDING_DAYS of today */
	int nending;
};

/* Asked now and then while a report is built: done of total steps so far.
 * Returning false cancels the report. */
typedef bool (*report_progress_fn)(void *ctx, long done, long total);

/* Reads the options of `report` as typed: month "YYYY-MM", or from and to
 * ("YYYY-MM-DD", both included, to not before from, at most
 * REPORT_MAX_DAYS days), into the day numbers *first and *last. Exactly one
 * of month and from/to is given. HD_BAD_INPUT naming the option. */
enum hd_status report_period(const char *month, const char *from, const char *to, long *first,
			     long *last, struct hd_err *err);

/* Builds the report of the days first..last (day numbers, both included)
 * into *out (report_free() it, also after a failure). progress may be
 * NULL. HD_BAD_INPUT naming --to when last is before first or the period
 * is longer than REPORT_MAX_DAYS; HD_FAIL when the database fails or the
 * report is cancelled (the message says so). */
enum hd_status report_build(struct db *db, long first, long last, report_progress_fn progress,
			    void *ctx, struct report *out, struct hd_err *err);

/* Frees what report_build() allocated and zeroes *r. */
void report_free(struct report *r);

/* Adds the report r of the centre of code to the district's sum (zeroed
 * before the first; report_free() it): the period from the first, every
 * count added, the rooms, the bookers, the organisations visited and
 * those whose residence ends named "CODE name" after their centre. */
void report_add(struct report *sum, const struct report *r, const char *code);

/* Orders the lists of a sum once every centre is added: most visited,
 * most no-shows and late cancellations, residences ending soonest
 * first. */
void report_sum_finish(struct report *sum);

/* part of whole in tenths of a percent, rounded half up (0 when whole is 0):
 * 375 is 37.5 %. */
int report_permille(long part, long whole);

/* Writes the report as CSV (UTF-8 with a BOM): rows 部分,项目,数值 of
 * DESIGN.md; a room's value is its used (checked-in) hours as a percentage
 * of its open hours, with one decimal. */
void report_write_csv(const struct report *r, FILE *f);

/* The rows of report_write_csv() after a first column 中心 holding
 * centre (a centre's code, or 全区合计 for the district's sum): the BOM
 * and the header row 中心,部分,项目,数值 only when head (the first
 * block). */
void report_write_csv_centre(const struct report *r, const char *centre, bool head, FILE *f);

/* How bars and heat cells are drawn: Unicode block characters, or plain
 * ASCII for terminals that draw ambiguous-width characters wide. */
enum report_style { REPORT_BLOCKS, REPORT_ASCII };

/* A bar of value against max in at most cols columns into out: eighth
 * blocks (REPORT_BLOCKS) or '#' (REPORT_ASCII); "" when value is 0. */
void report_bar(long value, long max, int cols, enum report_style style, char *out, size_t outsz);

/* The shade of a heat cell, permille 0..1000, as one column: " " for no
 * use, then lighter to darker. */
const char *report_shade(int permille, enum report_style style);

/* Writes the report as text for people in the interface language, charts
 * drawn in style, lines at most cols columns wide. */
void report_write_text(const struct report *r, const char *centre, enum report_style style,
		       int cols, FILE *f);

#endif
