/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_text.c - a report as CSV rows and as text for people, and the bars
 * and shades the text and the screen draw charts with. */
#include "core/report.h"

#include <string.h>

#include "core/csv.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/text.h"

/* Eighths of a cell, from one to eight (U+258F .. U+2588). */
static const char *const EIGHTHS[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█" };
static const char *const SHADES_BLOCKS[] = { " ", "░", "▒", "▓", "█" };
static const char *const SHADES_ASCII[] = { " ", ".", ":", "+", "#" };

void report_bar(long value, long max, int cols, enum report_style style, char *out, size_t outsz)
{
	long units, step;
	size_t n = 0, k;
	const char *piece;

	*out = '\0';
	if (value <= 0 || max <= 0 || cols <= 0)
		return;
	/* Eighths of a column, or whole columns in ASCII; never less than the
	 * smallest mark, so something is not drawn as nothing. */
	units = style == REPORT_ASCII ? (value * cols + max / 2) / max
				      : (value * cols * 8 + max / 2) / max;
	if (units < 1)
		units = 1;
	for (; units > 0; units -= step) {
		step = style == REPORT_ASCII ? 1 : units >= 8 ? 8 : units;
		piece = style == REPORT_ASCII ? "#" : EIGHTHS[step];
		k = strlen(piece);
		if (n + k + 1 > outsz)
			break;
		memcpy(out + n, piece, k);
		n += k;
	}
	out[n] = '\0';
}

const char *report_shade(int permille, enum report_style style)
{
	const char *const *set = style == REPORT_ASCII ? SHADES_ASCII : SHADES_BLOCKS;

	if (permille <= 0)
		return set[0];
	if (permille < 250)
		return set[1];
	if (permille < 500)
		return set[2];
	if (permille < 750)
		return set[3];
	return set[4];
}

/* A row section, item, value, after the centre when it is not NULL. */
static void csv_item(FILE *f, const char *centre, const char *section, const char *item,
		     const char *value)
{
	const char *row[4] = { centre, section, item, value };

	if (centre)
		csv_row(f, row, 4);
	else
		csv_row(f, row + 1, 3);
}

static void csv_int(FILE *f, const char *centre, const char *section, const char *item, long value)
{
	char v[32];

	snprintf(v, sizeof(v), "%ld", value);
	csv_item(f, centre, section, item, v);
}

static void csv_rows(const struct report *r, const char *c, FILE *f)
{
	char v[32];
	int i, pm;

	for (i = 1; i <= REPORT_PURPOSES; i++)
		csv_int(f, c, "来访", list_get(&LIST_PURPOSE, i)->zh, r->purpose_visits[i]);
	csv_int(f, c, "来访", "合计", r->visits);
	csv_int(f, c, "来访", "人数合计", r->people);
	for (i = 0; i < r->nrooms; i++) {
		pm = report_permille(r->rooms[i].used_min, r->rooms[i].open_min);
		snprintf(v, sizeof(v), "%d.%d", pm / 10, pm % 10);
		csv_item(f, c, "场地", r->rooms[i].name, v);
	}
	for (i = 1; i <= REPORT_CATEGORIES; i++)
		csv_int(f, c, "团队", list_get(&LIST_TEAM_CATEGORY, i)->zh, r->team_category[i]);
	for (i = 1; i <= REPORT_STATES; i++)
		csv_int(f, c, "团队", list_get(&LIST_TEAM_STATE, i)->zh, r->team_state[i]);
	csv_int(f, c, "团队", "合计", r->teams);
	csv_int(f, c, "团队", "成员合计", r->members);
	csv_int(f, c, "团队", "党员合计", r->party_members);
	for (i = 1; i <= REPORT_KINDS; i++)
		csv_int(f, c, "机构", list_get(&LIST_ORG_KIND, i)->zh, r->org_kind[i]);
	csv_int(f, c, "机构", "合计", r->orgs);
}

void report_write_csv(const struct report *r, FILE *f)
{
	const char *head[3] = { "部分", "项目", "数值" };

	fputs(CSV_BOM, f);
	csv_row(f, head, 3);
	csv_rows(r, NULL, f);
	fflush(f);
}

void report_write_csv_centre(const struct report *r, const char *centre, bool head, FILE *f)
{
	const char *cols[4] = { "中心", "部分", "项目", "数值" };

	if (head) {
		fputs(CSV_BOM, f);
		csv_row(f, cols, 4);
	}
	csv_rows(r, centre, f);
	fflush(f);
}

/* s cut or padded with spaces to cols display columns. */
static void put_cell(FILE *f, const char *s, int cols)
{
	char cut[512];
	int w = text_cut(s, cols, cut, sizeof(cut));

	fputs(cut, f);
	for (; w < cols; w++)
		fputc(' ', f);
}

/* A heading right-aligned over a column of cols display columns, after one
 * space. */
static void put_heading(FILE *f, const char *s, int cols)
{
	char cut[256];
	int w = text_cut(s, cols, cut, sizeof(cut));

	fputc(' ', f);
	for (; w < cols; w++)
		fputc(' ', f);
	fputs(cut, f);
}

static void put_pct(FILE *f, long part, long whole)
{
	int pm = report_permille(part, whole);

	fprintf(f, " %5d.%d%%", pm / 10, pm % 10);
}

static void put_hours(FILE *f, long minutes)
{
	fprintf(f, " %7ld.%ld", minutes / 60, minutes % 60 * 10 / 60);
}

/* A labelled bar: label, the value, and its bar at the end of the line
 * (where a terminal drawing block characters wide cannot push anything out
 * of line). */
static void bar_line(FILE *f, const char *label, int label_cols, long value, long max,
		     enum report_style style, int cols)
{
	char bar[512];
	int room = cols - 4 - label_cols - 8;

	fputs("    ", f);
	put_cell(f, label, label_cols);
	fprintf(f, " %6ld ", value);
	report_bar(value, max, room > 4 ? room : 4, style, bar, sizeof(bar));
	fprintf(f, "%s\n", bar);
}

static void write_visits(const struct report *r, enum report_style style, int cols, FILE *f)
{
	static const char *const WD[] = { "",        N_("Mon"), N_("Tue"), N_("Wed"),
					  N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };
	char label[64];
	long max = 0;
	int i;

	fprintf(f, "%s\n", _("Visitors"));
	fprintf(f, "  %s %d, %s %d\n", _("Visits:"), r->visits, _("people:"), r->people);
	fprintf(f, "  %s\n", _("Visits per day"));
	for (i = 0; i < r->ndays; i++)
		if (r->days[i].visits > max)
			max = r->days[i].visits;
	for (i = 0; i < r->ndays; i++) {
		snprintf(label, sizeof(label), "%s %s", r->days[i].date + 5,
			 _(WD[r->days[i].weekday]));
		bar_line(f, label, 10, r->days[i].visits, max, style, cols);
	}
	fprintf(f, "  %s\n    ", _("By purpose"));
	put_cell(f, "", 36);
	put_heading(f, _("visits"), 6);
	put_heading(f, _("people"), 6);
	fputc('\n', f);
	for (i = 1; i <= REPORT_PURPOSES; i++) {
		fputs("    ", f);
		put_cell(f, list_label(&LIST_PURPOSE, i), 36);
		fprintf(f, " %6d %6d\n", r->purpose_visits[i], r->purpose_people[i]);
	}
	fprintf(f, "  %s\n", _("Busiest hours"));
	for (max = 0, i = 0; i < 24; i++)
		if (r->hour_visits[i] > max)
			max = r->hour_visits[i];
	for (i = 0; i < 24; i++) {
		if (!r->hour_visits[i])
			continue;
		snprintf(label, sizeof(label), "%02d:00", i);
		bar_line(f, label, 6, r->hour_visits[i], max, style, cols);
	}
	fprintf(f, "  %s\n", _("Visited"));
	for (i = 0; i < r->nvisited; i++) {
		fputs("    ", f);
		put_cell(f, r->visited[i].id ? r->visited[i].name : _("(nobody in particular)"),
			 36);
		fprintf(f, " %6d %6d\n", r->visited[i].visits, r->visited[i].people);
	}
}

/* The heat map of every room together: weekdays by the hours that open. */
static void write_heat(const struct report *r, FILE *f)
{
	static const char *const WD[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					  N_("Fri"), N_("Sat"), N_("Sun") };
	long open[7][24] = { { 0 } }, booked[7][24] = { { 0 } };
	int first = 24, last = -1, i, d, h;

	for (i = 0; i < r->nrooms; i++)
		for (d = 0; d < 7; d++)
			for (h = 0; h < 24; h++) {
				open[d][h] += r->rooms[i].heat_open[d][h];
				booked[d][h] += r->rooms[i].heat_booked[d][h];
				if (r->rooms[i].heat_open[d][h] && h < first)
					first = h;
				if (r->rooms[i].heat_open[d][h] && h > last)
					last = h;
			}
	if (last < 0)
		return;
	fprintf(f, "  %s\n        ", _("Booked share of open time, weekday by hour"));
	for (h = first; h <= last; h++)
		fprintf(f, "%02d ", h);
	fputc('\n', f);
	for (d = 0; d < 7; d++) {
		fputs("    ", f);
		put_cell(f, _(WD[d]), 4);
		for (h = first; h <= last; h++) {
			const char *s = open[d][h] ? report_shade(report_permille(booked[d][h],
										  open[d][h]),
								  REPORT_ASCII)
						   : " ";
			fprintf(f, "%s%s ", s, s);
		}
		fputc('\n', f);
	}
	fprintf(f, "        %s\n",
		_("(blank none, . under 25%, : under 50%, + under 75%, # 75% or more)"));
}

static void write_rooms(const struct report *r, FILE *f)
{
	int i;

	fprintf(f, "%s\n    ", _("Room use"));
	put_cell(f, "", 20);
	put_heading(f, _("open h"), 9);
	put_heading(f, _("booked h"), 9);
	put_heading(f, _("booked"), 8);
	put_heading(f, _("used h"), 9);
	put_heading(f, _("used"), 8);
	fputc('\n', f);
	for (i = 0; i < r->nrooms; i++) {
		const struct report_room *m = &r->rooms[i];

		fputs("    ", f);
		put_cell(f, m->name, 20);
		put_hours(f, m->open_min);
		put_hours(f, m->booked_min);
		put_pct(f, m->booked_min, m->open_min);
		put_hours(f, m->used_min);
		put_pct(f, m->used_min, m->open_min);
		fputc('\n', f);
	}
	write_heat(r, f);
	fprintf(f, "  %s\n", _("No-shows and late cancellations"));
	for (i = 0; i < r->nbookers; i++) {
		fputs("    ", f);
		put_cell(f, r->bookers[i].name, 36);
		fprintf(f, " %s %d, %s %d\n", _("no-shows"), r->bookers[i].noshows,
			_("late cancellations"), r->bookers[i].late_cancels);
	}
	if (!r->nbookers)
		fprintf(f, "    %s\n", _("none"));
}

static void count_line(FILE *f, const char *label, long value)
{
	fputs("    ", f);
	put_cell(f, label, 36);
	fprintf(f, " %6ld\n", value);
}

static void write_registers(const struct report *r, FILE *f)
{
	int i;

	fprintf(f, "%s (%s %s)\n", _("Teams"), _("as of"), r->to);
	for (i = 1; i <= REPORT_CATEGORIES; i++)
		count_line(f, list_label(&LIST_TEAM_CATEGORY, i), r->team_category[i]);
	for (i = 1; i <= REPORT_STATES; i++)
		count_line(f, list_label(&LIST_TEAM_STATE, i), r->team_state[i]);
	count_line(f, _("Teams (not deregistered)"), r->teams);
	count_line(f, _("Members"), r->members);
	count_line(f, _("Party members"), r->party_members);
	count_line(f, _("Filed in the period"), r->filed_in_period);
	count_line(f, _("Deregistered in the period"), r->deregistered_in_period);
	fprintf(f, "%s\n", _("Organisations"));
	for (i = 1; i <= REPORT_KINDS; i++)
		count_line(f, list_label(&LIST_ORG_KIND, i), r->org_kind[i]);
	count_line(f, _("Total"), r->orgs);
	fprintf(f, "  %s\n", _("Residence ending within 30 days"));
	for (i = 0; i < r->nending; i++) {
		fputs("    ", f);
		put_cell(f, r->ending[i].name, 36);
		fprintf(f, " %s\n", r->ending[i].out_date);
	}
	if (!r->nending)
		fprintf(f, "    %s\n", _("none"));
}

void report_write_text(const struct report *r, const char *centre, enum report_style style,
		       int cols, FILE *f)
{
	fprintf(f, "%s  ", _("Report"));
	fprintf(f, _("%s to %s"), r->from, r->to);
	fprintf(f, "  %s\n\n", centre);
	write_visits(r, style, cols, f);
	fputc('\n', f);
	write_rooms(r, f);
	fputc('\n', f);
	write_registers(r, f);
	fflush(f);
}
