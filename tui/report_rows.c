/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_rows.c - the rows of the reports screen and how each is drawn. */
#include "tui/report_rows.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "tui/draw.h"

#define LABEL_COLS 24
#define FIGURE_COLS 22
#define CHART_LEFT 6 /* the scale left of the chart of days */
#define HEAT_LEFT 6  /* the weekday left of a heat map */

static const char *const WEEKDAYS[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					N_("Fri"), N_("Sat"), N_("Sun") };
/* Lower eighths of a cell, one to eight (U+2581 .. U+2588). */
static const char *const LOWER[] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };

static struct report_row *add(struct report_rows *o, enum report_row_kind kind)
{
	struct report_row *row;

	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 64;
		o->rows = xrealloc(o->rows, (size_t)o->cap * sizeof(*o->rows));
	}
	row = &o->rows[o->n++];
	memset(row, 0, sizeof(*row));
	row->kind = kind;
	return row;
}

__attribute__((format(printf, 3, 4))) static void text_row(struct report_rows *o,
							   enum report_row_kind kind,
							   const char *fmt, ...)
{
	struct report_row *row = add(o, kind);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(row->text, sizeof(row->text), fmt, ap);
	va_end(ap);
}

static void bar_row(struct report_rows *o, const char *label, long value, long max,
		    const char *figures)
{
	struct report_row *row = add(o, ROW_BAR);

	snprintf(row->text, sizeof(row->text), "%s", label);
	snprintf(row->figures, sizeof(row->figures), "%s", figures);
	row->value = value;
	row->max = max;
}

static void count_bar(struct report_rows *o, const char *label, long value, long max)
{
	char figures[32];

	snprintf(figures, sizeof(figures), "%ld", value);
	bar_row(o, label, value, max, figures);
}

static void visits_rows(const struct report *r, struct report_rows *o)
{
	char figures[96], label[64];
	long max = 0;
	int i;

	text_row(o, ROW_HEAD, _("%d visits, %d people"), r->visits, r->people);
	for (i = 7; i >= 0; i--)
		add(o, ROW_DAYS)->level = i;
	add(o, ROW_DAYS_AXIS);
	add(o, ROW_BLANK);
	text_row(o, ROW_HEAD, "%s", _("By purpose (visits / people)"));
	for (i = 1; i <= REPORT_PURPOSES; i++)
		if (r->purpose_visits[i] > max)
			max = r->purpose_visits[i];
	for (i = 1; i <= REPORT_PURPOSES; i++) {
		snprintf(figures, sizeof(figures), "%d / %d", r->purpose_visits[i],
			 r->purpose_people[i]);
		bar_row(o, list_label(&LIST_PURPOSE, i), r->purpose_visits[i], max, figures);
	}
	add(o, ROW_BLANK);
	text_row(o, ROW_HEAD, "%s", _("Busiest hours"));
	for (max = 0, i = 0; i < 24; i++)
		if (r->hour_visits[i] > max)
			max = r->hour_visits[i];
	for (i = 0; i < 24; i++)
		if (r->hour_visits[i]) {
			snprintf(label, sizeof(label), "%02d:00-%02d:00", i, i + 1);
			count_bar(o, label, r->hour_visits[i], max);
		}
	add(o, ROW_BLANK);
	text_row(o, ROW_HEAD, "%s", _("Visited (visits / people)"));
	for (i = 0; i < r->nvisited; i++) {
		snprintf(figures, sizeof(figures), "%d / %d", r->visited[i].visits,
			 r->visited[i].people);
		bar_row(o, r->visited[i].id ? r->visited[i].name : _("(nobody in particular)"),
			r->visited[i].visits, r->nvisited ? r->visited[0].visits : 0, figures);
	}
}

static void heat_rows(struct report_rows *o, int room)
{
	int d;

	add(o, ROW_HOURS)->room = room;
	for (d = 0; d < 7; d++) {
		struct report_row *row = add(o, ROW_HEAT);

		row->room = room;
		row->weekday = d;
	}
}

static void rooms_rows(const struct report *r, struct report_rows *o)
{
	char figures[96];
	int i, booked, used;

	text_row(o, ROW_HEAD, "%s", _("Rooms: open hours, booked and used (checked in) share"));
	for (i = 0; i < r->nrooms; i++) {
		const struct report_room *m = &r->rooms[i];

		booked = report_permille(m->booked_min, m->open_min);
		used = report_permille(m->used_min, m->open_min);
		snprintf(figures, sizeof(figures), "%5ldh %3d.%d%% %3d.%d%%", m->open_min / 60,
			 booked / 10, booked % 10, used / 10, used % 10);
		bar_row(o, m->name, used, 1000, figures);
	}
	add(o, ROW_BLANK);
	text_row(o, ROW_HEAD, "%s", _("Booked share of open time, weekday by hour: every room"));
	heat_rows(o, -1);
	text_row(o, ROW_TEXT, "%s",
		 _("light to dark: under 25%, 50%, 75%, and more; . open but not booked"));
	for (i = 0; i < r->nrooms; i++) {
		add(o, ROW_BLANK);
		text_row(o, ROW_HEAD, "%s", r->rooms[i].name);
		heat_rows(o, i);
	}
	add(o, ROW_BLANK);
	text_row(o, ROW_HEAD, "%s", _("No-shows and late cancellations"));
	for (i = 0; i < r->nbookers; i++) {
		snprintf(figures, sizeof(figures), _("%d no-shows, %d late"), r->bookers[i].noshows,
			 r->bookers[i].late_cancels);
		bar_row(o, r->bookers[i].name, r->bookers[i].noshows + r->bookers[i].late_cancels,
			r->bookers[0].noshows + r->bookers[0].late_cancels, figures);
	}
	if (!r->nbookers)
		text_row(o, ROW_TEXT, "%s", _("none"));
}

static void teams_rows(const struct report *r, struct report_rows *o)
{
	long all = r->teams + r->team_state[REPORT_STATES];
	int i;

	text_row(o, ROW_HEAD,
		 _("Teams as of %s: %d (not deregistered), %d members, %d party members"), r->to,
		 r->teams, r->members, r->party_members);
	text_row(o, ROW_TEXT, _("Filed in the period: %d; deregistered in the period: %d"),
		 r->filed_in_period, r->deregistered_in_period);
	add(o, ROW_BLANK);
	text_row(o, ROW_HEAD, "%s", _("By category"));
	for (i = 1; i <= REPORT_CATEGORIES; i++)
		count_bar(o, list_label(&LIST_TEAM_CATEGORY, i), r->team_category[i], r->teams);
	add(o, ROW_BLANK);
	text_row(o, ROW_HEAD, "%s", _("By state"));
	for (i = 1; i <= REPORT_STATES; i++)
		count_bar(o, list_label(&LIST_TEAM_STATE, i), r->team_state[i], all);
}

static void orgs_rows(const struct report *r, struct report_rows *o)
{
	int i;

	text_row(o, ROW_HEAD, _("Organisations as of %s: %d"), r->to, r->orgs);
	for (i = 1; i <= REPORT_KINDS; i++)
		count_bar(o, list_label(&LIST_ORG_KIND, i), r->org_kind[i], r->orgs);
	add(o, ROW_BLANK);
	text_row(o, ROW_HEAD, "%s", _("Residence ending within 30 days"));
	for (i = 0; i < r->nending; i++)
		bar_row(o, r->ending[i].name, 0, 0, r->ending[i].out_date);
	if (!r->nending)
		text_row(o, ROW_TEXT, "%s", _("none"));
}

void report_rows_make(const struct report *r, int section, struct report_rows *out)
{
	memset(out, 0, sizeof(*out));
	switch (section) {
	case SEC_VISITS:
		visits_rows(r, out);
		break;
	case SEC_ROOMS:
		rooms_rows(r, out);
		break;
	case SEC_TEAMS:
		teams_rows(r, out);
		break;
	default:
		orgs_rows(r, out);
		break;
	}
}

void report_rows_free(struct report_rows *rows)
{
	free(rows->rows);
	memset(rows, 0, sizeof(*rows));
}

/* Days per column of the chart so that it fits cols (two columns each). */
static int days_per_column(const struct report *r, int cols)
{
	int fit = (cols - CHART_LEFT) / 2;

	return fit > 0 ? (r->ndays + fit - 1) / fit : r->ndays;
}

static long column_value(const struct report *r, int c, int per)
{
	long v = 0;
	int d;

	for (d = c * per; d < (c + 1) * per && d < r->ndays; d++)
		v += r->days[d].visits;
	return v;
}

static void draw_days(const struct report *r, const struct report_row *row, int y, int x, int cols,
		      enum report_style style)
{
	int per = days_per_column(r, cols), n = (r->ndays + per - 1) / per, c;
	long max = 1, v, h;
	char scale[32];

	for (c = 0; c < n; c++)
		if ((v = column_value(r, c, per)) > max)
			max = v;
	if (row->level == 7 || row->level == 0) {
		snprintf(scale, sizeof(scale), "%5ld", row->level ? max : 0L);
		draw_text(y, x, scale, CHART_LEFT - 1, ROLE_DIM, 0);
	}
	for (c = 0; c < n; c++) {
		v = column_value(r, c, per);
		h = (v * 64 + max - 1) / max - row->level * 8; /* eighths in this level */
		if (v == 0 || h <= 0)
			continue;
		if (style == REPORT_ASCII)
			draw_text(y, x + CHART_LEFT + 2 * c, h >= 4 || row->level == 0 ? "#" : " ",
				  1, ROLE_OK, 0);
		else
			draw_text(y, x + CHART_LEFT + 2 * c, LOWER[h > 8 ? 8 : h], 1, ROLE_OK, 0);
	}
}

static void draw_axis(const struct report *r, int y, int x, int cols)
{
	int per = days_per_column(r, cols), n = (r->ndays + per - 1) / per, c;
	char label[8];

	for (c = 0; c < n; c += 5) {
		snprintf(label, sizeof(label), "%.2s", r->days[c * per].date + 8);
		if (per > 1)
			snprintf(label, sizeof(label), "%.5s", r->days[c * per].date + 5);
		if (CHART_LEFT + 2 * c + (int)strlen(label) <= cols)
			draw_text(y, x + CHART_LEFT + 2 * c, label, (int)strlen(label), ROLE_DIM,
				  0);
	}
}

static void heat_of(const struct report *r, int room, int d, int h, long *open, long *booked)
{
	int i;

	*open = *booked = 0;
	for (i = 0; i < r->nrooms; i++)
		if (room < 0 || room == i) {
			*open += r->rooms[i].heat_open[d][h];
			*booked += r->rooms[i].heat_booked[d][h];
		}
}

/* The hours any room opens, first..last. */
static void open_hours(const struct report *r, int *first, int *last)
{
	int i, d, h;

	*first = 24;
	*last = -1;
	for (i = 0; i < r->nrooms; i++)
		for (d = 0; d < 7; d++)
			for (h = 0; h < 24; h++)
				if (r->rooms[i].heat_open[d][h]) {
					*first = h < *first ? h : *first;
					*last = h > *last ? h : *last;
				}
}

static void draw_heat(const struct report *r, const struct report_row *row, int y, int x, int cols,
		      enum report_style style, bool colour)
{
	static const enum role HEAT[] = { ROLE_NORMAL, ROLE_HEAT1, ROLE_HEAT2, ROLE_HEAT3,
					  ROLE_HEAT4 };
	int first, last, h, cx, pm, level;
	char cell[16], label[16];
	long open, booked;

	open_hours(r, &first, &last);
	if (row->kind == ROW_HOURS) {
		for (h = first; h <= last && HEAT_LEFT + 3 * (h - first) + 2 <= cols; h++) {
			snprintf(label, sizeof(label), "%02d", h);
			draw_text(y, x + HEAT_LEFT + 3 * (h - first), label, 2, ROLE_DIM, 0);
		}
		return;
	}
	draw_text(y, x, _(WEEKDAYS[row->weekday]), HEAT_LEFT - 1, ROLE_LABEL, 0);
	for (h = first; h <= last && HEAT_LEFT + 3 * (h - first) + 2 <= cols; h++) {
		cx = x + HEAT_LEFT + 3 * (h - first);
		heat_of(r, row->room, row->weekday, h, &open, &booked);
		if (!open)
			continue;
		pm = report_permille(booked, open);
		level = pm <= 0 ? 0 : pm < 250 ? 1 : pm < 500 ? 2 : pm < 750 ? 3 : 4;
		if (level == 0)
			snprintf(cell, sizeof(cell), " .");
		else if (colour)
			snprintf(cell, sizeof(cell), "  ");
		else
			snprintf(cell, sizeof(cell), "%s%s", report_shade(pm, style),
				 report_shade(pm, style));
		draw_text(y, cx, cell, 2, colour ? HEAT[level] : ROLE_NORMAL, 0);
	}
}

static void draw_bar(const struct report_row *row, int y, int x, int cols, enum report_style style)
{
	char bar[512];
	int left = LABEL_COLS + 1 + FIGURE_COLS + 1;

	draw_text(y, x, row->text, LABEL_COLS, ROLE_NORMAL, 1);
	draw_text(y, x + LABEL_COLS + 1, row->figures, FIGURE_COLS, ROLE_NORMAL, 1);
	if (cols - left < 4 || row->max <= 0)
		return;
	report_bar(row->value, row->max, cols - left, style, bar, sizeof(bar));
	draw_text(y, x + left, bar, cols - left, ROLE_OK, 0);
}

void report_rows_draw(const struct report *r, const struct report_rows *rows, int i, int y, int x,
		      int cols, enum report_style style, bool colour)
{
	const struct report_row *row = &rows->rows[i];

	switch (row->kind) {
	case ROW_BLANK:
		break;
	case ROW_HEAD:
		draw_text(y, x, row->text, cols, ROLE_LABEL, 0);
		break;
	case ROW_TEXT:
		draw_text(y, x + 2, row->text, cols - 2, ROLE_DIM, 0);
		break;
	case ROW_BAR:
		draw_bar(row, y, x + 2, cols - 2, style);
		break;
	case ROW_DAYS:
		draw_days(r, row, y, x, cols, style);
		break;
	case ROW_DAYS_AXIS:
		draw_axis(r, y, x, cols);
		break;
	case ROW_HOURS:
	case ROW_HEAT:
		draw_heat(r, row, y, x, cols, style, colour);
		break;
	}
}
