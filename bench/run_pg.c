/* SPDX-License-Identifier: GPL-3.0-or-later */
/* run_pg.c - `hubdesk-bench pg --db URL [--centres URL]`: the pg_ lines of
 * `make bench`, over the generated database loaded into a private
 * PostgreSQL server (bench/pg.sh): the same measures as the SQLite lines,
 * through the same core functions and the same code, each name after
 * "pg_". First the bare fdatasync of the disk the bench runs on
 * (pg_fdatasync), then the measures that only read, then the durable
 * writes, and the grid of 500 rooms, which adds rooms, last:
 *
 *   pg_search_keystroke_2char  search_names() of two characters
 *   pg_report_month            report_build() of the last full month
 *   pg_visit_checkin_durable   visit_checkin(), synchronous_commit on
 *   pg_grid_day                grid_day() of today, 50 rooms      < 2 ms
 *   pg_booking_add_durable     booking_add(), synchronous_commit on < 3 ms
 *   pg_grid_day_500_rooms      grid_day() with 450 rooms more
 *
 * With --centres, the URL of a district's database of 20 centres each
 * holding the same data, as the role of one of them (row-level security
 * on), the two measures a desk feels most, within 1.5x of one centre's:
 *
 *   pg_search_keystroke_2char_20c
 *   pg_grid_day_20c */
#include "bench/bench.h"

#include <stdio.h>
#include <string.h>

#include "core/db.h"

#define PREFIX "pg_"

/* The measures on the database of 20 centres at url. */
static enum hd_status centres_measures(const char *url, struct hd_err *err)
{
	struct db *db = NULL;
	enum hd_status rc;

	rc = db_open(url, DB_EXISTING, &db, err);
	if (rc == HD_OK)
		rc = bench_search_measure(db, PREFIX, "search_keystroke_2char", "_20c", err);
	if (rc == HD_OK)
		rc = bench_grid_measure(db, PREFIX "grid_day_20c", err);
	db_close(db);
	return rc;
}

int bench_pg_main(int argc, char **argv)
{
	const char *centres = NULL;
	struct db *db = NULL;
	struct hd_err err;
	enum hd_status rc;
	double ms;

	hd_err_clear(&err);
	if (argc == 5 && strcmp(argv[3], "--centres") == 0 && db_path_is_server(argv[4]))
		centres = argv[4];
	if ((argc != 3 && !centres) || strcmp(argv[1], "--db") != 0 ||
	    !db_path_is_server(argv[2])) {
		fputs("usage: hubdesk-bench pg --db postgresql://... [--centres postgresql://...]\n",
		      stderr);
		return 2;
	}
	/* The server's files are on the disk of the folder the bench runs in. */
	if (bench_fdatasync("./.", &ms) != 0)
		return 1;
	bench_print_ms(PREFIX "fdatasync", ms);
	rc = db_open(argv[2], DB_EXISTING, &db, &err);
	if (rc == HD_OK)
		rc = bench_search_measure(db, PREFIX, "search_keystroke_2char", "", &err);
	if (rc == HD_OK)
		rc = bench_report_server_measures(db, PREFIX, &err);
	if (rc == HD_OK)
		rc = bench_visit_checkin_measure(db, PREFIX, ms, &err);
	if (rc == HD_OK)
		rc = bench_booking_server_measures(db, PREFIX, ms, &err);
	db_close(db);
	if (rc == HD_OK && centres)
		rc = centres_measures(centres, &err);
	if (rc == HD_OK)
		return 0;
	fprintf(stderr, "hubdesk-bench: %s\n", err.msg);
	return 1;
}
