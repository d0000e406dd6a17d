/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench.h - the benchmark program of `make bench`: `gen` fills a new
 * database with a large register made of invented Chinese names (gen.c,
 * names.c), a year and more of visitors (gen_visits.c), and 50 rooms with
 * five years of bookings (gen_rooms.c, gen_bookings.c); `run` measures the
 * desk's hot paths over it (bench.c, run_visits.c, run_bookings.c). */
#ifndef HD_BENCH_H
#define HD_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"
#include "core/validate.h"

/* The fixed date generated data counts back from: 2026-01-01 00:00 in
 * Shanghai, so that a database does not depend on the day it is made. */
#define BENCH_BASE_TIME ((time_t)1767196800)

/* A small deterministic generator (splitmix64): one seed always gives the
 * same register, whatever the C library. */
struct bench_rng {
	uint64_t state;
};

void bench_rng_seed(struct bench_rng *r, uint64_t seed);
uint64_t bench_rng_next(struct bench_rng *r);

/* A whole number in 0..n-1 (n > 0). */
unsigned bench_rng_below(struct bench_rng *r, unsigned n);

/* A whole number in lo..hi, both included. */
int bench_rng_range(struct bench_rng *r, int lo, int hi);

/* Milliseconds of the monotonic clock. */
double bench_ms(void);

/* The median of v[0..n) (v is sorted in place); 0 when n is 0. */
double bench_median(double *v, int n);

/* The value at fraction p (0..1) of v[0..n) sorted (v is sorted in place). */
double bench_quantile(double *v, int n, double p);

/* Whether the measure name is to run: BENCH_ONLY unset or empty, or one of
 * its words (space- or comma-separated) begins name. */
bool bench_wanted(const char *name);

/* Prints a measure line "name: X ms", or a count line "name: N count". */
void bench_print_ms(const char *name, double ms);
void bench_print_count(const char *name, double n);

/* Checkpoints the WAL, so that the next commit writes it from its start
 * again: a desk that has run a while writes into a WAL file of settled
 * size, whose flush costs what a bare fdatasync costs; a new, growing one
 * costs its metadata too. Durable measures run after a warm-up like this. */
void bench_settle_wal(struct db *db);

/* Reads a whole number of at most max from s into *out; 0 on success. */
int bench_parse_count(const char *s, unsigned long long max, unsigned long long *out);

/* HUBDESK_NOW set to t, so that the core's "now" is t. */
void bench_set_now(time_t t);

/* A malloc'd copy of HUBDESK_NOW as it is (NULL when unset), to give to
 * bench_restore_now() after measures that set their own. */
char *bench_save_now(void);

/* Puts HUBDESK_NOW back as saved (unset when NULL) and frees saved. */
void bench_restore_now(char *saved);

/* An invented organisation: its name, short name and the first two
 * characters of its credit code (51 social group, 52 private non-enterprise
 * unit, 53 foundation, 91 company), which follow the name's suffix. */
struct bench_org_name {
	char name[NAME_BYTES];
	char short_name[32];
	const char *code_class;
};

/* An invented activity team: its name and category (LIST_TEAM_CATEGORY
 * number); theme is the activity the name was made from (static text). */
struct bench_team_name {
	char name[NAME_BYTES];
	const char *theme;
	int category;
};

/* A new organisation name: [place] brand theme suffix. */
void names_org(struct bench_rng *r, struct bench_org_name *o);

/* A new team name: prefix theme [numeral] suffix; variant 0 has no numeral,
 * variant 2.. inserts 二, 三 ... (or digits) before the suffix. */
void names_team(struct bench_rng *r, int variant, struct bench_team_name *t);

/* A person's name: surname and given name. */
void names_person(struct bench_rng *r, char *out, size_t outsz);

/* A visitor's name: a surname, common ones more often, and a given name of
 * one or two characters. */
void names_visitor(struct bench_rng *r, char *out, size_t outsz);

/* A mainland mobile number, 11 digits, as stored. */
void names_mobile(struct bench_rng *r, char *out, size_t outsz);

/* A mobile (mostly) or Shanghai landline, as people type them. */
void names_phone(struct bench_rng *r, char *out, size_t outsz);

/* The residents' committees (居委会) teams belong to (0..count-1), and the
 * street each one is in. */
int names_committee_count(void);
void names_committee(int i, char *out, size_t outsz);
const char *names_street(int committee);

/* What a team of theme does, where and when. */
void names_activity(struct bench_rng *r, const char *theme, char *content, size_t content_sz,
		    char *place, size_t place_sz, char *schedule, size_t schedule_sz);

#define BENCH_QUERIES 400 /* queries of one search measure, at most */

/* Search queries, as typed. */
struct bench_queries {
	char text[BENCH_QUERIES][64];
	int n;
};

/* The kinds of queries the search measures use. */
enum bench_qset {
	QSET_ONE,         /* single characters, many different ones */
	QSET_TWO,         /* pieces of 2 characters from random places of names */
	QSET_FOUR,        /* pieces of 4 characters likewise */
	QSET_MISS,        /* 2 characters of a name, then one no name has */
	QSET_MISS_COMMON, /* likewise after the commonest pieces of 2 characters */
	QSET_INITIALS,    /* the initials of names from their start or a character inside,
			   * as typed: 1 letter, 2, ... up to 6, each a query */
	QSET_SPELLED,     /* the pinyin of names in full likewise, up to 12 letters */
	QSET_COUNT
};

/* The queries of the search measures, made from the names of a database. */
struct bench_query_sets {
	int orgs, teams; /* names read: organisations, teams */
	struct bench_queries set[QSET_COUNT];
};

/* Reads every name of db and fills *sets (the caller's; it is large, so
 * better on the heap). HD_FAIL when the database has no names. */
enum hd_status bench_queries_make(struct db *db, struct bench_query_sets *sets, struct hd_err *err);

/* The print measures (print.c): a booking receipt rendered as ESC/POS and as
 * PDF, and sent to the CUPS queue BENCH_CUPS_QUEUE names (skipped when it is
 * unset or empty). */
enum hd_status bench_print_measures(struct hd_err *err);

/* The visitors of a generated register (gen_visits.c): n visits of about
 * n * 3 / 10 people over the VISIT_DAYS days up to the fixed date, the
 * last of which is "today" with a few dozen still in; inserted straight
 * into person, visit and audit with the rows the core would have written.
 * Within the caller's transaction; *persons counts the people. */
#define VISIT_DAYS 400
enum hd_status bench_visits_fill(struct db *db, uint64_t seed, unsigned long long n,
				 unsigned long long *persons, struct hd_err *err);

/* "Now" of the generated visits: mid-morning of their last day, "today".
 * It is the bookings' "now" too. */
time_t bench_visits_now(void);

/* Every id sql gives (one column), into a malloc'd array (the caller
 * frees). */
enum hd_status bench_read_ids(struct db *db, const char *sql, long long **ids, int *n,
			      struct hd_err *err);

#define BENCH_NAMED_ROOMS 20        /* the rooms of gen.c's table */
#define BENCH_ROOMS 50              /* the rooms of a generated centre */
#define BOOKING_DAYS_BACK (5 * 365) /* bookings: five years up to "now" */
#define BOOKING_DAYS_AHEAD 28       /* and up to four weeks after it */

/* Adds rooms on upper floors through room_add (gen_rooms.c), in one
 * transaction, until the database holds total rooms. */
enum hd_status bench_rooms_fill(struct db *db, const struct hd_actor *who, int total,
				struct hd_err *err);

/* The bookings of the rooms with id above after_room (gen_bookings.c), on
 * the local days first..last counted from "now"'s day (negative before
 * it), a few per room and day, by the register's organisations and filed
 * teams, with their audit entries; within the caller's transaction. *count
 * counts the bookings. */
enum hd_status bench_bookings_fill(struct db *db, uint64_t seed, long long after_room,
				   int first_day, int last_day, unsigned long long *count,
				   struct hd_err *err);

/* The booking measures (run_bookings.c) over the database at path (which
 * they change: a scratch copy): the day grid, the free-room finder, a
 * durable booking_add (and its ratio to fsync_ms), the release of a day's
 * no-shows, and the grid of 500 rooms. Nothing is printed without
 * bookings. */
enum hd_status bench_booking_measures(const char *path, double fsync_ms, struct hd_err *err);

/* The visitor measures (run_visits.c) over the database at path:
 * check-in durable (and its ratio to fsync_ms), hints, who is here and the
 * retention erase of one day. Nothing is printed without visits. */
enum hd_status bench_visit_measures(const char *path, double fsync_ms, struct hd_err *err);

/* The register's measures (run_teams.c): the clean-out list of the roll and
 * opening a team's page. */
enum hd_status bench_team_measures(const char *path, struct hd_err *err);

/* The report measures (run_reports.c): report_build of the last full
 * month of the generated visits and of the six months up to it. Nothing is
 * printed without visits. */
enum hd_status bench_report_measures(const char *path, struct hd_err *err);

/* Whole processes of the program bin (run_start.c): commands beside
 * floor_bin, an empty program; the first frame and the resident memory of
 * the desk on a pty. After the booking measures (500 rooms). */
enum hd_status bench_start_measures(const char *db_path, const char *bin, const char *floor_bin,
				    struct hd_err *err);

/* An import of 20,000 organisations while 8 desks check visitors in and
 * book (run_desks.c): the desks' waits and failures. It runs last. */
enum hd_status bench_desk_measures(const char *path, struct hd_err *err);

/* The organisations' CSV as a spreadsheet saves it (run_reports.c): UTF-8
 * with a BOM, CRLF, the columns of the import; rows organisations named
 * prefix + a number in Chinese digits. Resident organisations (3 in 10)
 * have a residence term; every fifth row a valid credit code of region (6
 * digits; the generated organisations' is 310115), every fourth a short
 * name. *data is malloc'd. */
void bench_orgs_csv(const char *prefix, const char *region, int rows, char **data, size_t *len);

/* Opens the database at path and runs measure at the "now" of the
 * generated data (HUBDESK_NOW), which is put back after. */
enum hd_status bench_at_now(const char *path,
			    enum hd_status (*measure)(struct db *db, struct hd_err *err),
			    struct hd_err *err);

/* The import measures (run_reports.c): import_csv of 10,000 new
 * organisations, then of the same file again (all updates). They grow the
 * register: they run last. */
enum hd_status bench_import_measures(const char *path, struct hd_err *err);

/* The built-in pinyin input's measures (run_pinyin.c): the engine's first
 * deployment and its start, a letter to its candidates, its memory. */
enum hd_status bench_pinyin_measures(struct hd_err *err);

/* One page written to a file beside db_path (in its folder), then
 * fdatasync timed alone: the median of repeated runs into *ms; 0 on
 * success, else -1 with the reason on stderr. */
int bench_fdatasync(const char *db_path, double *ms);

/* The measures of the SQLite lines that also run on a server (run_pg.c),
 * over db as loaded from a generated database, at its "now", each line's
 * name after prefix (the search's also before suffix): the search measure
 * name of bench.c; report_build of the last full month and half year; a
 * durable visit_checkin; the day grid, a durable booking_add and the grid
 * of 500 rooms (which adds rooms and bookings: last). fsync_ms is the
 * bare fdatasync the durable ones are a ratio to. HD_FAIL (or a core
 * function's status) when one fails. */
enum hd_status bench_search_measure(struct db *db, const char *prefix, const char *name,
				    const char *suffix, struct hd_err *err);
enum hd_status bench_report_server_measures(struct db *db, const char *prefix, struct hd_err *err);
enum hd_status bench_visit_checkin_measure(struct db *db, const char *prefix, double fsync_ms,
					   struct hd_err *err);
enum hd_status bench_booking_server_measures(struct db *db, const char *prefix, double fsync_ms,
					     struct hd_err *err);
/* The day grid alone (it only reads), its lines named name: on a district's
 * database of many centres, as one centre's role (run_pg.c). */
enum hd_status bench_grid_measure(struct db *db, const char *name, struct hd_err *err);

/* The subcommands; argv[0] is the subcommand's name. Return the exit code. */
int bench_gen_main(int argc, char **argv);
int bench_run_main(int argc, char **argv);
int bench_pg_main(int argc, char **argv);

#endif
