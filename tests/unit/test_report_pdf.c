/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_report_pdf.c - the report as an A4 PDF: a report filled by hand with
 * known figures is written to a temporary folder and read back with
 * poppler's pdfinfo (the page size) and pdftotext (the title, the period,
 * the rooms and their percentages, the purposes, the totals). Run from the
 * top of the tree (as tests/run.sh does) it reads the Chinese catalogue in
 * build/locale; elsewhere it checks the English labels. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/report.h"
#include "printing/pdf.h"
#include "pdfutil.h"
#include "printing/report_pdf.h"

#define CENTRE "梅园街道社会组织服务中心"
#define CATALOGUE "build/locale/zh_CN/LC_MESSAGES/hubdesk.mo"

static bool chinese; /* the Chinese catalogue is bound */

struct world {
	char dir[64];
	char path[128];
};

static int world_setup(void **state)
{
	struct world *w = calloc(1, sizeof(*w));

	if (!w)
		return -1;
	snprintf(w->dir, sizeof(w->dir), "/tmp/hubdesk-report-pdf.XXXXXX");
	if (!mkdtemp(w->dir))
		return -1;
	snprintf(w->path, sizeof(w->path), "%s/report.pdf", w->dir);
	*state = w;
	return 0;
}

static int world_teardown(void **state)
{
	struct world *w = *state;
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", w->dir);
	if (system(cmd) != 0)
		return -1;
	free(w);
	return 0;
}

static void *alloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	assert_non_null(p);
	return p;
}

/* November 2026 with its visits, two rooms (the first booked 37.5% of its
 * open hours, used 25.0%), two bookers, teams and organisations. */
static void sample(struct report *r)
{
	int i, h;

	memset(r, 0, sizeof(*r));
	strcpy(r->from, "2026-11-01");
	strcpy(r->to, "2026-11-30");
	r->ndays = 30;
	r->days = alloc((size_t)r->ndays, sizeof(*r->days));
	for (i = 0; i < r->ndays; i++) {
		snprintf(r->days[i].date, sizeof(r->days[i].date), "2026-11-%02u",
			 (unsigned)i % 30 + 1);
		r->days[i].weekday = (i + 6) % 7 + 1; /* 2026-11-01 is a Sunday */
		r->days[i].visits = (i * 7) % 13 + 2;
		r->days[i].people = r->days[i].visits + 1;
		r->visits += r->days[i].visits;
		r->people += r->days[i].people;
	}
	r->purpose_visits[1] = r->visits - 40;
	r->purpose_people[1] = r->people - 50;
	r->purpose_visits[5] = 40;
	r->purpose_people[5] = 50;
	r->hour_visits[9] = r->visits - 100;
	r->hour_visits[14] = 60;
	r->hour_visits[16] = 40;
	r->nvisited = 2;
	r->visited = alloc(2, sizeof(*r->visited));
	r->visited[0] = (struct report_visited){ .id = 7,
						 .name = "绿叶环保协会",
						 .visits = 31,
						 .people = 40 };
	r->visited[1] = (struct report_visited){ .id = 0, .name = "", .visits = 12, .people = 12 };
	r->nrooms = 2;
	r->rooms = alloc(2, sizeof(*r->rooms));
	r->rooms[0] = (struct report_room){ .id = 1,
					    .name = "多功能厅",
					    .open_min = 4800,
					    .booked_min = 1800,
					    .used_min = 1200 };
	r->rooms[1] = (struct report_room){ .id = 2,
					    .name = "洽谈室二",
					    .open_min = 3000,
					    .booked_min = 600,
					    .used_min = 0 };
	for (i = 0; i < 5; i++)
		for (h = 8; h < 21; h++) {
			r->rooms[0].heat_open[i][h] = 240;
			r->rooms[0].heat_booked[i][h] = (h * 20 + i * 30) % 241;
		}
	r->nbookers = 1;
	r->bookers = alloc(1, sizeof(*r->bookers));
	r->bookers[0] = (struct report_booker){ 3, true, "夕阳红合唱团", 2, 1 };
	r->team_category[1] = 9;
	r->team_category[2] = 4;
	r->team_state[3] = 8;
	r->team_state[4] = 5;
	r->team_state[5] = 1;
	r->teams = 14;
	r->members = 389;
	r->party_members = 57;
	r->filed_in_period = 3;
	r->deregistered_in_period = 1;
	r->org_kind[1] = 6;
	r->org_kind[2] = 11;
	r->orgs = 17;
	r->nending = 1;
	r->ending = alloc(1, sizeof(*r->ending));
	strcpy(r->ending[0].name, "启航青年发展中心");
	strcpy(r->ending[0].out_date, "2026-12-10");
}

/* What cmd printed on stdout (malloc'd), asserting it exited 0. */
static char *run(const char *cmd)
{
	FILE *f = popen(cmd, "r");
	size_t len = 0, cap = 4096, n;
	char *out = alloc(1, cap);

	assert_non_null(f);
	while ((n = fread(out + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2) {
			cap *= 2;
			out = realloc(out, cap);
			assert_non_null(out);
		}
	}
	out[len] = '\0';
	assert_int_equal(pclose(f), 0);
	return out;
}

static char *pdf_text(const char *path)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "pdftotext -layout -enc UTF-8 '%s' -", path);
	return run(cmd);
}

/* The number of pages, asserting each is A4 upright (595 x 842 points). */
static int a4_pages(const char *path)
{
	char cmd[256], *out, *at;
	double w, h;
	int pages = 0, n = 0;

	snprintf(cmd, sizeof(cmd), "pdfinfo -f 1 -l 9999 '%s'", path);
	out = run(cmd);
	assert_non_null(at = strstr(out, "Pages:"));
	assert_int_equal(sscanf(at, "Pages: %d", &pages), 1);
	for (at = out; (at = strstr(at, "\nPage ")) != NULL; at++) {
		if (sscanf(at, "\nPage %*d size: %lf x %lf pts", &w, &h) != 2)
			continue;
		assert_int_equal((int)(w + 0.5), 595);
		assert_int_equal((int)(h + 0.5), 842);
		n++;
	}
	assert_int_equal(n, pages);
	free(out);
	return pages;
}

static void assert_has(const char *text, const char *needle)
{
	if (!strstr(text, needle))
		fail_msg("\"%s\" not in the PDF's text:\n%s", needle, text);
}

static void test_report_pdf_is_a4_with_title_period_rooms_and_totals(void **state)
{
	struct world *w = *state;
	struct report r;
	struct hd_err err;
	char *text, n[16], tmp[160];

	sample(&r);
	assert_int_equal(report_pdf_write(&r, CENTRE, w->path, &err), HD_OK);
	assert_true(a4_pages(w->path) >= 1);
	snprintf(tmp, sizeof(tmp), "%s.tmp", w->path);
	assert_int_not_equal(access(tmp, F_OK), 0);
	text = pdf_text(w->path);
	if (chinese)
		assert_string_equal(list_label(&LIST_PURPOSE, 1), "政策咨询");
	assert_has(text, CENTRE);
	assert_has(text, _("Report"));
	assert_has(text, "2026-11-01");
	assert_has(text, "2026-11-30");
	assert_has(text, "多功能厅");
	assert_has(text, "37.5%"); /* booked 1800 of 4800 minutes */
	assert_has(text, "25.0%"); /* used 1200 of them */
	assert_has(text, "80.0");  /* open hours */
	assert_has(text, list_label(&LIST_PURPOSE, 1));
	assert_has(text, list_label(&LIST_PURPOSE, 5));
	assert_has(text, list_label(&LIST_TEAM_CATEGORY, 1));
	assert_has(text, list_label(&LIST_ORG_KIND, 2));
	snprintf(n, sizeof(n), "%d", r.visits);
	assert_has(text, n);
	snprintf(n, sizeof(n), "%d", r.people);
	assert_has(text, n);
	assert_has(text, "389"); /* members */
	assert_has(text, "绿叶环保协会");
	assert_has(text, "夕阳红合唱团");
	assert_has(text, "启航青年发展中心");
	assert_has(text, "2026-12-10");
	free(text);
	report_free(&r);
}

static void test_report_pdf_replaces_an_older_file(void **state)
{
	struct world *w = *state;
	struct report r;
	struct hd_err err;
	FILE *f = fopen(w->path, "w");
	char *text;

	assert_non_null(f);
	fputs("old", f);
	fclose(f);
	sample(&r);
	assert_int_equal(report_pdf_write(&r, CENTRE, w->path, &err), HD_OK);
	text = pdf_text(w->path);
	assert_has(text, "多功能厅");
	free(text);
	report_free(&r);
}

static void test_report_pdf_long_lists_go_on_to_more_pages(void **state)
{
	struct world *w = *state;
	struct report r;
	struct hd_err err;
	char *text, *at, last[64];
	int i, pages;

	sample(&r);
	free(r.ending);
	r.nending = 120;
	r.ending = alloc((size_t)r.nending, sizeof(*r.ending));
	for (i = 0; i < r.nending; i++) {
		snprintf(r.ending[i].name, sizeof(r.ending[i].name), "机构%03d", i);
		strcpy(r.ending[i].out_date, "2026-12-01");
	}
	assert_int_equal(report_pdf_write(&r, CENTRE, w->path, &err), HD_OK);
	pages = a4_pages(w->path);
	assert_true(pages >= 3);
	text = pdf_text(w->path);
	assert_has(text, "机构000");
	assert_has(text, "机构119");
	for (i = 0, at = text; (at = strstr(at, CENTRE)) != NULL; at++)
		i++;
	assert_true(i >= pages + 1); /* the title and each footer */
	snprintf(last, sizeof(last), _("Page %d of %d"), pages, pages);
	assert_has(text, last);
	free(text);
	report_free(&r);
}

static void test_report_pdf_of_an_empty_period_is_written(void **state)
{
	struct world *w = *state;
	struct report r;
	struct hd_err err;
	char *text;

	memset(&r, 0, sizeof(r));
	strcpy(r.from, "2026-02-01");
	strcpy(r.to, "2026-02-01");
	assert_int_equal(report_pdf_write(&r, NULL, w->path, &err), HD_OK);
	assert_true(a4_pages(w->path) >= 1);
	text = pdf_text(w->path);
	assert_has(text, _("Report"));
	assert_has(text, "2026-02-01");
	free(text);
	report_free(&r);
}

static void test_report_pdf_unwritable_path_fails_and_leaves_no_file(void **state)
{
	struct world *w = *state;
	struct report r;
	struct hd_err err;
	char path[160], tmp[170];

	sample(&r);
	snprintf(path, sizeof(path), "%s/no-such-folder/report.pdf", w->dir);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	assert_int_equal(report_pdf_write(&r, CENTRE, path, &err), HD_FAIL);
	assert_non_null(strstr(err.msg, path));
	assert_int_not_equal(access(path, F_OK), 0);
	assert_int_not_equal(access(tmp, F_OK), 0);
	/* a folder in the way: written, but not renamed into place */
	assert_int_equal(mkdir(w->path, 0755), 0);
	assert_int_equal(report_pdf_write(&r, CENTRE, w->path, &err), HD_FAIL);
	assert_non_null(strstr(err.msg, w->path));
	snprintf(tmp, sizeof(tmp), "%s.tmp", w->path);
	assert_int_not_equal(access(tmp, F_OK), 0);
	report_free(&r);
}

/* Chinese messages from the catalogue of the build tree when there is one,
 * as the program itself does (tui/lang.c). */
static int group_setup(void **state)
{
	char dir[PATH_MAX];

	(void)state;
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	if (!setlocale(LC_ALL, "C.UTF-8"))
		return -1;
	if (access(CATALOGUE, R_OK) == 0 && realpath("build/locale", dir) &&
	    setlocale(LC_MESSAGES, "zh_CN.UTF-8")) {
		setenv("LANGUAGE", "zh_CN", 1);
		bindtextdomain("hubdesk", dir);
		bind_textdomain_codeset("hubdesk", "UTF-8");
		chinese = true;
	}
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_report_pdf_is_a4_with_title_period_rooms_and_totals, world_setup,
			world_teardown),
		cmocka_unit_test_setup_teardown(test_report_pdf_replaces_an_older_file, world_setup,
						world_teardown),
		cmocka_unit_test_setup_teardown(test_report_pdf_long_lists_go_on_to_more_pages,
						world_setup, world_teardown),
		cmocka_unit_test_setup_teardown(test_report_pdf_of_an_empty_period_is_written,
						world_setup, world_teardown),
		cmocka_unit_test_setup_teardown(
			test_report_pdf_unwritable_path_fails_and_leaves_no_file, world_setup,
			world_teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, pdf_group_teardown);
}
