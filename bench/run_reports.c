/* SPDX-License-Identifier: GPL-3.0-or-later */
/* run_reports.c - the report and import measures of `hubdesk-bench run`:
 * report_build of the last full month of the generated visits (target
 * under 200 ms over a million visits and five years of bookings) and of
 * the six months up to it; then import_csv of 10,000 new organisations
 * from a spreadsheet's CSV (target under 2 s), and of the same file again,
 * which updates every one of them. The reports run on the data as
 * generated, before the measures that change it; the imports grow the
 * register, so they run last of all (on the scratch copy, as all do). */
#include "bench/bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/csv.h"
#include "core/db.h"
#include "core/import.h"
#include "core/period.h"
#include "core/report.h"
#include "core/xalloc.h"

#define REPORT_RUNS 10                /* timed runs of a report, after one to warm up */
#define IMPORT_ROWS 10000             /* organisations of the imported file */
#define UPDATE_RUNS 3                 /* imports of the same file again */
#define IMPORT_PREFIX "星火导入"      /* no generated name has it */
#define IMPORT_SEED 0x696D706F7274ull /* "import" */

/* Builds the report of from..to REPORT_RUNS times after one unmeasured run;
 * prints the median as name, the 95th percentile as name_p95 and the
 * period's visits as name_visits. */
static enum hd_status measure_report(struct db *db, const char *name, long from, long to,
				     struct hd_err *err)
{
	char f[DATE_LEN], l[DATE_LEN];
	struct report rep;
	double t[REPORT_RUNS], t0;
	char line[80];
	enum hd_status rc;
	int i, visits = 0;

	for (i = -1; i < REPORT_RUNS; i++) {
		t0 = bench_ms();
		rc = report_build(db, from, to, NULL, NULL, &rep, err);
		if (i >= 0)
			t[i] = bench_ms() - t0;
		visits = rep.visits;
		report_free(&rep);
		if (rc != HD_OK)
			return rc;
	}
	clock_date_of(from, f, sizeof(f));
	clock_date_of(to, l, sizeof(l));
	if (visits == 0)
		return hd_err_set(err, HD_FAIL, "", "%s: no visits from %s to %s", name, f, l);
	bench_print_ms(name, bench_median(t, REPORT_RUNS));
	snprintf(line, sizeof(line), "%s_p95", name);
	bench_print_ms(line, bench_quantile(t, REPORT_RUNS, 0.95));
	snprintf(line, sizeof(line), "%s_visits", name);
	bench_print_count(line, visits);
	return HD_OK;
}

/* The first and last days of the month months after the month of t
 * (negative: before it). */
static enum hd_status month_of(time_t t, int months, long *from, long *to, struct hd_err *err)
{
	char date[DATE_LEN], month[8];

	clock_local_date(t, date, sizeof(date));
	period_month_add(date, months, month);
	return report_period(month, NULL, NULL, from, to, err);
}

/* The reports at the "now" of the generated data: the month before the
 * month of its last day (the last full month of visits, all in the past),
 * and the six months ending with it. */
static enum hd_status report_measures_named(struct db *db, const char *prefix, struct hd_err *err)
{
	char f[DATE_LEN], l[DATE_LEN], hf[DATE_LEN], month[80], half[80];
	long from, to, half_from, unused;
	time_t now = bench_visits_now();
	long long visits = 0;
	enum hd_status rc;

	rc = db_int_of(db, "SELECT count(*) FROM visit", &visits, err);
	if (rc != HD_OK || visits == 0)
		return rc;
	rc = month_of(now, -1, &from, &to, err);
	if (rc == HD_OK)
		rc = month_of(now, -6, &half_from, &unused, err);
	if (rc != HD_OK)
		return rc;
	clock_date_of(from, f, sizeof(f));
	clock_date_of(to, l, sizeof(l));
	clock_date_of(half_from, hf, sizeof(hf));
	snprintf(month, sizeof(month), "%sreport_month", prefix);
	snprintf(half, sizeof(half), "%sreport_half_year", prefix);
	printf("%s_period: %s..%s\n%s_period: %s..%s\n", month, f, l, half, hf, l);
	fflush(stdout);
	rc = measure_report(db, month, from, to, err);
	if (rc == HD_OK)
		rc = measure_report(db, half, half_from, to, err);
	return rc;
}

static enum hd_status report_measures(struct db *db, struct hd_err *err)
{
	return report_measures_named(db, "", err);
}

enum hd_status bench_report_server_measures(struct db *db, const char *prefix, struct hd_err *err)
{
	char *saved = bench_save_now();
	enum hd_status rc;

	bench_set_now(bench_visits_now());
	rc = report_measures_named(db, prefix, err);
	bench_restore_now(saved);
	return rc;
}

/* n written in Chinese digits (一二三...), as a name has it. */
static void chinese_number(int n, char *out, size_t outsz)
{
	static const char *const DIGITS[] = { "〇", "一", "二", "三", "四",
					      "五", "六", "七", "八", "九" };
	char digits[16];
	size_t used = 0;
	int i;

	snprintf(digits, sizeof(digits), "%d", n);
	out[0] = '\0';
	for (i = 0; digits[i] && used + 4 < outsz; i++)
		used += (size_t)snprintf(out + used, outsz - used, "%s", DIGITS[digits[i] - '0']);
}

void bench_orgs_csv(const char *prefix, const char *region, int rows, char **data, size_t *len)
{
	static const char *const HEADER[] = { "名称",   "简称",     "类型",     "统一社会信用代码",
					      "联系人", "联系电话", "入驻日期", "出壳日期" };
	static const char *const SUFFIX[] = { "号社区服务社", "号文化传播有限公司",
					      "号公益发展中心", "号志愿者协会", "号科技有限公司" };
	char name[NAME_BYTES], short_name[32], num[64], code[CREDIT_CODE_LEN], contact[NAME_BYTES],
		phone[PHONE_MAX], in_date[DATE_LEN], out_date[DATE_LEN];
	const char *cell[8], *kind;
	struct bench_rng r;
	FILE *f;
	int i;

	f = open_memstream(data, len);
	if (!f)
		xalloc_failed();
	bench_rng_seed(&r, IMPORT_SEED);
	fputs(CSV_BOM, f);
	csv_row(f, HEADER, 8);
	for (i = 1; i <= rows; i++) {
		chinese_number(i, num, sizeof(num));
		snprintf(name, sizeof(name), "%s%s%s", prefix, num,
			 SUFFIX[i % (int)(sizeof(SUFFIX) / sizeof(SUFFIX[0]))]);
		short_name[0] = '\0';
		if (i % 4 == 0) {
			chinese_number(10 + i % 90, num, sizeof(num));
			snprintf(short_name, sizeof(short_name), "星火%.12s", num);
		}
		kind = i % 10 < 3 ? "入驻机构" : i % 10 < 7 ? "社区社会组织" : "其他";
		code[0] = '\0';
		if (i % 5 == 0) {
			snprintf(code, sizeof(code), "%s%.6sMB%07d",
				 i % 10 >= 3 && i % 10 < 7 ? "52" : "91", region, i % 10000000);
			code[17] = credit_code_check_char(code);
			code[18] = '\0';
		}
		names_person(&r, contact, sizeof(contact));
		names_mobile(&r, phone, sizeof(phone));
		in_date[0] = out_date[0] = '\0';
		if (i % 10 < 3) {
			snprintf(in_date, sizeof(in_date), "2024-%02d-%02d",
				 bench_rng_range(&r, 1, 12), bench_rng_range(&r, 1, 28));
			snprintf(out_date, sizeof(out_date), "2026-%02d-%02d",
				 bench_rng_range(&r, 1, 12), bench_rng_range(&r, 1, 28));
		}
		cell[0] = name;
		cell[1] = short_name;
		cell[2] = kind;
		cell[3] = code;
		cell[4] = contact;
		cell[5] = phone;
		cell[6] = in_date;
		cell[7] = out_date;
		csv_row(f, cell, 8);
	}
	if (fclose(f) != 0) /* the last of the text did not fit in memory */
		xalloc_failed();
}

/* One import of the file by the command line (an admin), timed; its
 * result checked: every row added (or, again, updated). */
static enum hd_status import_once(struct db *db, const char *data, size_t len, bool added,
				  double *ms, struct hd_err *err)
{
	struct hd_actor who = actor_command_line("bench");
	struct import_result res;
	enum hd_status rc;
	double t0;

	bench_settle_wal(db);
	t0 = bench_ms();
	rc = import_csv(db, &who, IMPORT_ORGS, data, len, NULL, NULL, &res, err);
	*ms = bench_ms() - t0;
	if (rc == HD_OK && (res.rows != IMPORT_ROWS || res.added != (added ? IMPORT_ROWS : 0) ||
			    res.updated != (added ? 0 : IMPORT_ROWS)))
		rc = hd_err_set(err, HD_FAIL, "",
				"import of %d organisations: %d rows, %d added, %d updated",
				IMPORT_ROWS, res.rows, res.added, res.updated);
	else if (rc != HD_OK && res.nproblems > 0)
		fprintf(stderr, "hubdesk-bench: import row %d, column %s: %s\n",
			res.problems[0].row, res.problems[0].column, res.problems[0].msg);
	import_result_free(&res);
	return rc;
}

static enum hd_status import_measures(struct db *db, struct hd_err *err)
{
	double t[UPDATE_RUNS], ms;
	long long before = 0, after = 0, clash = 0;
	enum hd_status rc;
	size_t len = 0;
	char *data = NULL;
	int i;

	bench_orgs_csv(IMPORT_PREFIX, "310104", IMPORT_ROWS, &data, &len);
	rc = db_int_of(db, "SELECT count(*) FROM org WHERE name LIKE '" IMPORT_PREFIX "%'", &clash,
		       err);
	if (rc == HD_OK && clash > 0)
		rc = hd_err_set(err, HD_FAIL, "",
				"the register has %lld names of the import already", clash);
	if (rc == HD_OK)
		rc = db_int_of(db, "SELECT count(*) FROM org", &before, err);
	if (rc == HD_OK)
		rc = import_once(db, data, len, true, &ms, err);
	if (rc == HD_OK)
		rc = db_int_of(db, "SELECT count(*) FROM org", &after, err);
	if (rc == HD_OK && after - before != IMPORT_ROWS)
		rc = hd_err_set(err, HD_FAIL, "", "the import added %lld organisations, not %d",
				after - before, IMPORT_ROWS);
	if (rc != HD_OK)
		goto done;
	bench_print_ms("import_orgs_10000", ms);
	for (i = 0; rc == HD_OK && i < UPDATE_RUNS; i++)
		rc = import_once(db, data, len, false, &t[i], err);
	if (rc == HD_OK)
		bench_print_ms("import_orgs_10000_update", bench_median(t, UPDATE_RUNS));
done:
	free(data);
	return rc;
}

enum hd_status bench_at_now(const char *path,
			    enum hd_status (*measure)(struct db *db, struct hd_err *err),
			    struct hd_err *err)
{
	char *saved = bench_save_now();
	struct db *db = NULL;
	enum hd_status rc;

	bench_set_now(bench_visits_now());
	rc = db_open(path, DB_EXISTING, &db, err);
	if (rc == HD_OK)
		rc = measure(db, err);
	db_close(db);
	bench_restore_now(saved);
	return rc;
}

enum hd_status bench_report_measures(const char *path, struct hd_err *err)
{
	return bench_at_now(path, report_measures, err);
}

enum hd_status bench_import_measures(const char *path, struct hd_err *err)
{
	return bench_at_now(path, import_measures, err);
}
