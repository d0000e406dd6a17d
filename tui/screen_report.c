/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_report.c - reports (home 5, staff): a month, or its half year, in
 * four sections — visits (a bar per day, purposes, hours, whom), rooms
 * (open, booked and used hours, a heat map per room of weekday by hour),
 * teams and organisations. Charts are block characters, or plain ASCII
 * where the terminal draws them wide; heat cells are coloured spaces, or
 * shade characters without colour. A long report shows its progress and
 * Esc cancels it. A district account on a database of several centres
 * picks the district's total (全区) or a centre with c. */
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/clock.h"
#include "core/district.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/period.h"
#include "core/report.h"
#include "core/xalloc.h"
#include "printing/report_pdf.h"
#include "printing/spool.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/list_panel.h"
#include "tui/report_rows.h"
#include "tui/termwidth.h"

#define X0 2
#define TOP 3
#define SHOW_PROGRESS_MS 150

struct report_screen {
	struct report r;
	bool built;
	char month[16];        /* "YYYY-MM" of the period's month */
	bool half;             /* the half year of month */
	int section;           /* enum report_section */
	struct list_view view; /* the rows shown, scrolled */
	enum report_style style;
	struct report_rows rows;
	int64_t started; /* when the build began, for the progress line */
	struct app *app;
	struct centre *centres; /* a district account's picker, by code (NULL: none) */
	int ncentres;
	int pick; /* 0: the district's total, i: centres[i - 1] */
};

static const char *const SECTIONS[] = { N_("Visitors"), N_("Room use"), N_("Teams"),
					N_("Organisations") };

/* Progress on the status line after a moment; Esc cancels. */
static bool progress(void *ctx, long done, long total)
{
	struct report_screen *s = ctx;
	char line[128];
	int ch;

	if (clock_monotonic_ms() - s->started < SHOW_PROGRESS_MS)
		return true;
	snprintf(line, sizeof(line), _("Building the report: %ld%% (Esc cancels)"),
		 total ? done * 100 / total : 0);
	draw_text(LINES - 2, 0, line, COLS, ROLE_WARNING, 1);
	refresh();
	nodelay(stdscr, TRUE);
	while ((ch = getch()) != ERR)
		if (ch == 27) {
			nodelay(stdscr, FALSE);
			return false;
		}
	nodelay(stdscr, FALSE);
	return true;
}

static void period_of(const struct report_screen *s, long *from, long *to)
{
	if (s->half)
		period_half_year(s->month, from, to, NULL);
	else
		period_month(s->month, from, to, NULL);
}

static void build(struct app *a, struct report_screen *s)
{
	struct hd_err err;
	long from, to;

	report_free(&s->r);
	report_rows_free(&s->rows);
	s->built = false;
	s->view.first = 0;
	period_of(s, &from, &to);
	s->started = clock_monotonic_ms();
	if ((s->centres ? district_report(a->db, from, to, s->pick ? s->centres[s->pick - 1].id : 0,
					  progress, s, &s->r, &err)
			: report_build(a->db, from, to, progress, s, &s->r, &err)) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		report_free(&s->r);
		return;
	}
	s->built = true;
	report_rows_make(&s->r, s->section, &s->rows);
}

/* A district account's picker when the database holds several centres
 * and the session may read each (else it says why, and the report is the
 * desk's centre's). */
static void pick_centres(struct app *a, struct report_screen *s)
{
	struct hd_err err;

	if (actor_role(&a->actor) != ROLE_DISTRICT)
		return;
	if (district_centres(a->db, &s->centres, &s->ncentres, &err) == HD_REFUSED) {
		app_message(a, ROLE_WARNING, "%s",
			    _("This desk's database account serves one centre only: these are its "
			      "figures. The district's need the database owner's account."));
	} else if (!s->centres) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
	} else if (s->ncentres > 1) {
		return;
	}
	free(s->centres);
	s->centres = NULL;
	s->ncentres = 0;
}

static void *report_open(struct app *a, const void *arg)
{
	struct report_screen *s = xcalloc(1, sizeof(*s));
	char today[DATE_LEN];

	(void)arg;
	s->app = a;
	s->view.scroll = true;
	clock_local_date(clock_now(), today, sizeof(today));
	snprintf(s->month, sizeof(s->month), "%.7s", today);
	s->style = term_ambiguous_wide() ? REPORT_ASCII : REPORT_BLOCKS;
	pick_centres(a, s);
	build(a, s);
	return s;
}

static void report_close(struct app *a, void *st)
{
	struct report_screen *s = st;

	(void)a;
	report_free(&s->r);
	report_rows_free(&s->rows);
	free(s->centres);
	free(s);
}

static void draw_tabs(const struct report_screen *s)
{
	char line[256];
	int i, x = X0;

	snprintf(line, sizeof(line), _("%s to %s"), s->r.from, s->r.to);
	x += draw_text(1, x, line, COLS - x, ROLE_LABEL, 0) + 3;
	for (i = 0; i < (int)(sizeof(SECTIONS) / sizeof(SECTIONS[0])); i++) {
		snprintf(line, sizeof(line), " %s ", _(SECTIONS[i]));
		if (x >= COLS - 2)
			break;
		x += draw_text(1, x, line, COLS - x - 1,
			       i == s->section ? ROLE_SELECTED : ROLE_NORMAL, 0) +
		     1;
	}
}

/* The title of what is shown: the district's total, a centre's code and
 * name, or the desk's centre. */
static void title_of(const struct app *a, const struct report_screen *s, char *out, size_t outsz)
{
	if (!s->centres)
		snprintf(out, outsz, "%s", a->centre);
	else if (!s->pick)
		snprintf(out, outsz, "%s", _("District total"));
	else
		snprintf(out, outsz, "%s %s", s->centres[s->pick - 1].code,
			 s->centres[s->pick - 1].name);
}

/* The picker's row: 全区, then each centre's code, the one shown
 * highlighted (from the first that keeps it on the screen), and its name. */
static void draw_picker(const struct app *a, const struct report_screen *s)
{
	char line[256];
	int i, x = X0, first = 0, w = 0;

	x += draw_text(2, x, _("Centre:"), COLS - x, ROLE_LABEL, 0) + 1;
	for (i = 0; i <= s->ncentres; i++)
		w += 3 + (i ? (int)strlen(s->centres[i - 1].code) : 8);
	if (w > COLS - x - 24)
		first = s->pick;
	for (i = first; i <= s->ncentres && x < COLS - 4; i++) {
		snprintf(line, sizeof(line), " %s ",
			 i ? s->centres[i - 1].code : _("Whole district"));
		x += draw_text(2, x, line, COLS - x - 1, i == s->pick ? ROLE_SELECTED : ROLE_NORMAL,
			       0) +
		     1;
	}
	title_of(a, s, line, sizeof(line));
	if (x < COLS - 4)
		x += draw_text(2, x + 1, line, COLS - x - 2, ROLE_LABEL, 0) + 2;
	if (x < COLS - 12)
		draw_text(2, x + 1, _("(c: next centre)"), COLS - x - 2, ROLE_DIM, 0);
}

static void report_draw(struct app *a, void *st)
{
	struct report_screen *s = st;
	int rows = LINES - TOP - 2, i, first;

	if (s->centres)
		draw_picker(a, s);
	if (!s->built) {
		draw_text(TOP, X0, _("No report: PgUp/PgDn chooses another month."), COLS - 2 * X0,
			  ROLE_DIM, 0);
		return;
	}
	draw_tabs(s);
	list_view_set_count(&s->view, s->rows.n);
	first = list_view_first(&s->view, rows);
	for (i = 0; i < rows && first + i < s->rows.n; i++)
		report_rows_draw(&s->r, &s->rows, first + i, TOP + i, X0, COLS - 2 * X0, s->style,
				 theme_colour());
	if (first + rows < s->rows.n)
		draw_text(LINES - 3, COLS - X0 - 6, "  ...", 5, ROLE_DIM, 0);
}

static void shift_month(struct report_screen *s, int by)
{
	char month[8];

	period_month_add(s->month, by * (s->half ? 6 : 1), month);
	snprintf(s->month, sizeof(s->month), "%s", month);
}

/* Writes the report as PDF and CSV into the spool folder. */
static void save(struct app *a, struct report_screen *s)
{
	char dir[512], path[760], title[NAME_BYTES + 32], tag[CENTRE_CODE_BYTES + 12];
	struct hd_err err;
	FILE *f;

	spool_dir(a->db, dir, sizeof(dir));
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		app_message(a, ROLE_ERROR, _("Cannot make the folder %s: %s"), dir,
			    strerror(errno));
		return;
	}
	/* A district's picks each have their own files: report-HY-..., report-district-... */
	snprintf(tag, sizeof(tag), "%s%s",
		 !s->centres ? ""
		 : s->pick   ? s->centres[s->pick - 1].code
			     : "district",
		 s->centres ? "-" : "");
	snprintf(path, sizeof(path), "%s/report-%s%s-%s.csv", dir, tag, s->r.from, s->r.to);
	f = fopen(path, "w");
	if (!f) {
		app_message(a, ROLE_ERROR, _("Cannot write %s: %s"), path, strerror(errno));
		return;
	}
	report_write_csv(&s->r, f);
	if (fclose(f) != 0) {
		app_message(a, ROLE_ERROR, _("Cannot write %s: %s"), path, strerror(errno));
		return;
	}
	snprintf(path, sizeof(path), "%s/report-%s%s-%s.pdf", dir, tag, s->r.from, s->r.to);
	title_of(a, s, title, sizeof(title));
	if (report_pdf_write(&s->r, title, path, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	path[strlen(path) - 4] = '\0';
	app_message(a, ROLE_OK, _("Saved %s.pdf and .csv"), path);
}

static enum key_result report_key(struct app *a, void *st, struct key_in k)
{
	struct report_screen *s = st;
	int rows = LINES - TOP - 2, nsec = (int)(sizeof(SECTIONS) / sizeof(SECTIONS[0]));

	switch (k.act) {
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
		shift_month(s, k.act == ACT_PAGE_UP ? -1 : 1);
		build(a, s);
		return KR_HANDLED;
	case ACT_LEFT:
	case ACT_RIGHT:
		s->section = (s->section + (k.act == ACT_LEFT ? nsec - 1 : 1)) % nsec;
		s->view.first = 0;
		report_rows_free(&s->rows);
		if (s->built)
			report_rows_make(&s->r, s->section, &s->rows);
		return KR_HANDLED;
	case ACT_UP:
	case ACT_DOWN:
		list_view_set_count(&s->view, s->rows.n);
		list_view_first(&s->view, rows);
		return list_panel_key(&s->view, k.act, TOP) ? KR_HANDLED : KR_IGNORED;
	case ACT_HALF_YEAR:
		s->half = !s->half;
		build(a, s);
		return KR_HANDLED;
	case ACT_CHART_STYLE:
		s->style = s->style == REPORT_ASCII ? REPORT_BLOCKS : REPORT_ASCII;
		return KR_HANDLED;
	case ACT_SAVE_REPORT:
		if (!s->built)
			return KR_IGNORED;
		save(a, s);
		return KR_HANDLED;
	case ACT_CENTRE:
		if (!s->centres)
			return KR_IGNORED;
		s->pick = (s->pick + 1) % (s->ncentres + 1);
		build(a, s);
		return KR_HANDLED;
	default:
		return KR_IGNORED;
	}
}

static const int REPORT_KEYS[] = { ACT_MONTH,       ACT_HALF_YEAR,   ACT_SECTION, ACT_SCROLL,
				   ACT_CHART_STYLE, ACT_SAVE_REPORT, -1 };
/* PgUp/PgDn (the month), Left/Right (the section), Up/Dn (the scroll). */
/* c (the centre, a district account's: the picker's row says so). */
static const int REPORT_MORE[] = { ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_LEFT,   ACT_RIGHT,
				   ACT_UP,      ACT_DOWN,      ACT_CENTRE, -1 };

const struct screen_ops SCREEN_REPORT = {
	.title = N_("Reports"),
	.open = report_open,
	.close = report_close,
	.draw = report_draw,
	.key = report_key,
	.keys = REPORT_KEYS,
	.more = REPORT_MORE,
};
