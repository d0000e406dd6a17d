/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_pdf.c - the report as an A4 PDF: the title, then the sections
 * visits, rooms, teams and organisations, each on a new page when it would
 * not fit on what is left of the current one. The pages are laid out twice,
 * once to count them for the footers and once to draw. */
#include "printing/report_pdf.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/xalloc.h"
#include "printing/doc.h"
#include "printing/report_pdf_draw.h"

#define TOP_BOOKERS 20
#define HEAT_FIRST 7 /* hours shown when no room was open at all */
#define HEAT_LAST 21

_Static_assert(REPORT_ENDING_DAYS == 30, "the caption of the residence ending says 30 days");

/* Minutes as hours with one decimal, rounded half up: 90 is "1.5". */
static void hours(long min, char *out, size_t outsz)
{
	long tenths = (min * 10 + 30) / 60;

	snprintf(out, outsz, "%ld.%ld", tenths / 10, tenths % 10);
}

/* part of whole as "37.5%". */
static void percent(long part, long whole, char *out, size_t outsz)
{
	int pm = report_permille(part, whole);

	snprintf(out, outsz, "%d.%d%%", pm / 10, pm % 10);
}

/* A table of a list's entries 1..n and their counts. */
static void list_table(struct rp *p, const struct hd_list *list, const int *counts, int n,
		       const char *head, const char *count_head)
{
	const struct rp_col cols[] = { { head, 0.7, false }, { count_head, 0.3, true } };
	char v[16];
	const char *cells[2] = { NULL, v };
	int i;

	rp_table_head(p, cols, 2);
	for (i = 1; i <= n; i++) {
		cells[0] = list_label(list, i);
		snprintf(v, sizeof(v), "%d", counts[i]);
		rp_table_row(p, cols, 2, cells);
	}
	rp_table_end(p);
}

static void title(struct rp *p, const struct report *r)
{
	char period[64];

	snprintf(period, sizeof(period), _("%s to %s"), r->from, r->to);
	if (*p->centre)
		rp_text(p, RP_SUBTITLE, PANGO_ALIGN_CENTER, p->centre);
	rp_text(p, RP_TITLE, PANGO_ALIGN_CENTER, _("Report"));
	rp_text(p, RP_SUBTITLE, PANGO_ALIGN_CENTER, period);
	p->y += 3 * RP_GAP;
}

static void visits_per_day(struct rp *p, const struct report *r)
{
	long *v = xcalloc((size_t)r->ndays, sizeof(*v));
	const char **labels = xcalloc((size_t)r->ndays, sizeof(*labels));
	size_t skip = strncmp(r->from, r->to, 4) == 0 ? 5 : 0; /* "MM-DD" within a year */
	int i;

	for (i = 0; i < r->ndays; i++) {
		v[i] = r->days[i].visits;
		labels[i] = strlen(r->days[i].date) > skip ? r->days[i].date + skip : "";
	}
	rp_bars(p, _("Visits per day"), v, labels, r->ndays);
	free(labels);
	free(v);
}

/* The hours from the first to the last with a visit, each its own bar. */
static void visits_by_hour(struct rp *p, const struct report *r)
{
	char names[24][12];
	const char *labels[24];
	long v[24];
	int h, first = 24, last = -1, n = 0;

	for (h = 0; h < 24; h++) {
		if (r->hour_visits[h] <= 0)
			continue;
		first = h < first ? h : first;
		last = h;
	}
	for (h = first; h <= last; h++) {
		snprintf(names[n], sizeof(names[n]), "%02d", h);
		labels[n] = names[n];
		v[n++] = r->hour_visits[h];
	}
	rp_bars(p, _("Visits by hour"), v, labels, n);
}

static void top_visited(struct rp *p, const struct report *r)
{
	const struct rp_col cols[] = { { _("Visited"), 0.5, false },
				       { _("Kind"), 0.2, false },
				       { _("Visits"), 0.15, true },
				       { _("People"), 0.15, true } };
	char nv[16], np[16];
	const char *cells[4] = { NULL, NULL, nv, np };
	const struct report_visited *w;
	int i;

	if (r->nvisited <= 0)
		return;
	rp_text(p, RP_CAPTION, PANGO_ALIGN_LEFT, _("Most visited"));
	rp_table_head(p, cols, 4);
	for (i = 0; i < r->nvisited; i++) { /* the most visited, then the others together */
		w = &r->visited[i];
		cells[0] = w->id == 0 ? _("(nobody in particular)") : w->name;
		cells[1] = w->id <= 0 ? ""
			   : w->team  ? _("Team")
			   : w->named ? _("Named")
				      : _("Organisation");
		snprintf(nv, sizeof(nv), "%d", w->visits);
		snprintf(np, sizeof(np), "%d", w->people);
		rp_table_row(p, cols, 4, cells);
	}
	rp_table_end(p);
}

static void visits(struct rp *p, const struct report *r)
{
	const char *labels[] = { _("Visits in the period"), _("People in the period") };
	const long values[] = { r->visits, r->people };
	const struct rp_col cols[] = { { _("Purpose"), 0.6, false },
				       { _("Visits"), 0.2, true },
				       { _("People"), 0.2, true } };
	char nv[16], np[16];
	const char *cells[3] = { NULL, nv, np };
	int i;

	rp_heading(p, _("Visits"));
	rp_figures(p, labels, values, 2);
	if (r->visits > 0 && r->ndays > 0)
		visits_per_day(p, r);
	else
		rp_text(p, RP_BODY, PANGO_ALIGN_LEFT, _("No visits in the period."));
	rp_text(p, RP_CAPTION, PANGO_ALIGN_LEFT, _("By purpose"));
	rp_table_head(p, cols, 3);
	for (i = 1; i <= REPORT_PURPOSES; i++) {
		cells[0] = list_label(&LIST_PURPOSE, i);
		snprintf(nv, sizeof(nv), "%d", r->purpose_visits[i]);
		snprintf(np, sizeof(np), "%d", r->purpose_people[i]);
		rp_table_row(p, cols, 3, cells);
	}
	rp_table_end(p);
	if (r->visits > 0)
		visits_by_hour(p, r);
	top_visited(p, r);
}

static void room_table(struct rp *p, const struct report *r)
{
	const struct rp_col cols[] = {
		{ _("Room"), 0.31, false },        { _("Open hours"), 0.13, true },
		{ _("Booked hours"), 0.14, true }, { _("Booked"), 0.1, true },
		{ _("Used hours"), 0.14, true },   { _("Used"), 0.1, true },
	};
	char c[5][24];
	const char *cells[6] = { NULL, c[0], c[1], c[2], c[3], c[4] };
	long open = 0, booked = 0, used = 0;
	int i;

	rp_table_head(p, cols, 6);
	for (i = 0; i < r->nrooms + (r->nrooms > 1); i++) { /* then all rooms */
		const struct report_room *m = i < r->nrooms ? &r->rooms[i] : NULL;
		long o = m ? m->open_min : open, b = m ? m->booked_min : booked;
		long u = m ? m->used_min : used;

		cells[0] = m ? m->name : _("All rooms");
		hours(o, c[0], sizeof(c[0]));
		hours(b, c[1], sizeof(c[1]));
		percent(b, o, c[2], sizeof(c[2]));
		hours(u, c[3], sizeof(c[3]));
		percent(u, o, c[4], sizeof(c[4]));
		rp_table_row(p, cols, 6, cells);
		if (m) {
			open += o;
			booked += b;
			used += u;
		}
	}
	rp_table_end(p);
	rp_text(p, RP_SMALL, PANGO_ALIGN_LEFT,
		_("Booked and used (checked in) hours as a share of the open hours."));
}

static void room_heat(struct rp *p, const struct report *r)
{
	static const char *const days[7] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					     N_("Fri"), N_("Sat"), N_("Sun") };
	struct rp_heat m = { .h0 = 24, .h1 = -1 };
	long open, booked;
	int d, h, i;

	for (d = 0; d < 7; d++) {
		m.rows[d] = _(days[d]);
		for (h = 0; h < 24; h++) {
			open = booked = 0;
			for (i = 0; i < r->nrooms; i++) {
				open += r->rooms[i].heat_open[d][h];
				booked += r->rooms[i].heat_booked[d][h];
			}
			m.cell[d][h] = open > 0 ? report_permille(booked, open) : -1;
			if (open > 0) {
				m.h0 = h < m.h0 ? h : m.h0;
				m.h1 = h > m.h1 ? h : m.h1;
			}
		}
	}
	if (m.h1 < 0) {
		m.h0 = HEAT_FIRST;
		m.h1 = HEAT_LAST;
	}
	m.caption = _("Booked share of open time, weekday by hour");
	m.closed = _("no open time");
	rp_heat(p, &m);
}

static void bookers(struct rp *p, const struct report *r)
{
	const struct rp_col cols[] = { { _("Booker"), 0.46, false },
				       { _("Kind"), 0.18, false },
				       { _("No-shows"), 0.16, true },
				       { _("Late cancellations"), 0.2, true } };
	char nn[16], nl[16];
	const char *cells[4] = { NULL, NULL, nn, nl };
	int i;

	rp_text(p, RP_CAPTION, PANGO_ALIGN_LEFT, _("No-shows and late cancellations"));
	if (r->nbookers <= 0) {
		rp_text(p, RP_BODY, PANGO_ALIGN_LEFT, _("None in the period."));
		return;
	}
	rp_table_head(p, cols, 4);
	for (i = 0; i < r->nbookers && i < TOP_BOOKERS; i++) {
		cells[0] = r->bookers[i].name;
		cells[1] = r->bookers[i].team ? _("Team") : _("Organisation");
		snprintf(nn, sizeof(nn), "%d", r->bookers[i].noshows);
		snprintf(nl, sizeof(nl), "%d", r->bookers[i].late_cancels);
		rp_table_row(p, cols, 4, cells);
	}
	rp_table_end(p);
}

static void rooms(struct rp *p, const struct report *r)
{
	rp_heading(p, _("Rooms"));
	if (r->nrooms > 0) {
		room_table(p, r);
		room_heat(p, r);
	} else {
		rp_text(p, RP_BODY, PANGO_ALIGN_LEFT, _("No rooms."));
	}
	bookers(p, r);
}

static void teams(struct rp *p, const struct report *r)
{
	const char *labels[] = { _("Teams (not deregistered)"), _("Members"), _("Party members"),
				 _("Filed in the period"), _("Deregistered in the period") };
	const long values[] = { r->teams, r->members, r->party_members, r->filed_in_period,
				r->deregistered_in_period };

	rp_heading(p, _("Teams"));
	rp_figures(p, labels, values, 5);
	list_table(p, &LIST_TEAM_CATEGORY, r->team_category, REPORT_CATEGORIES, _("Category"),
		   _("Teams"));
	list_table(p, &LIST_TEAM_STATE, r->team_state, REPORT_STATES, _("State"), _("Teams"));
	rp_text(p, RP_SMALL, PANGO_ALIGN_LEFT,
		_("As at the end of the period; categories and members count the teams not "
		  "deregistered."));
}

static void orgs(struct rp *p, const struct report *r)
{
	const char *labels[] = { _("Organisations") };
	const long values[] = { r->orgs };
	const struct rp_col cols[] = { { _("Organisation"), 0.7, false },
				       { _("Residence ends"), 0.3, true } };
	const char *cells[2];
	int i;

	rp_heading(p, _("Organisations"));
	rp_figures(p, labels, values, 1);
	list_table(p, &LIST_ORG_KIND, r->org_kind, REPORT_KINDS, _("Kind"), _("Organisations"));
	rp_text(p, RP_CAPTION, PANGO_ALIGN_LEFT, _("Residence ending within 30 days"));
	if (r->nending <= 0) {
		rp_text(p, RP_BODY, PANGO_ALIGN_LEFT, _("None."));
		return;
	}
	rp_table_head(p, cols, 2);
	for (i = 0; i < r->nending; i++) {
		cells[0] = r->ending[i].name;
		cells[1] = r->ending[i].out_date;
		rp_table_row(p, cols, 2, cells);
	}
	rp_table_end(p);
}

typedef void (*section_fn)(struct rp *p, const struct report *r);

/* A section that does not fit on what is left of this page starts a new
 * one when it would fit there and less than half of this page is left, or
 * when less than a quarter is left; otherwise it flows on, breaking between
 * its blocks and table rows. */
static void section(struct rp *p, section_fn fn, const struct report *r)
{
	struct rp m = *p;
	double page = p->bottom - RP_MARGIN, left = p->bottom - p->y;

	m.draw = false;
	m.y = 0;
	m.bottom = HUGE_VAL;
	fn(&m, r);
	if (m.y > left && (left < page / 4 || (m.y <= page && left < page / 2)))
		rp_need(p, HUGE_VAL);
	fn(p, r);
}

static void body(struct rp *p, const struct report *r)
{
	title(p, r);
	section(p, visits, r);
	section(p, rooms, r);
	section(p, teams, r);
	section(p, orgs, r);
	rp_end(p);
}

struct sink {
	FILE *f;
	int error; /* errno of the first failed write */
};

static cairo_status_t sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;

	if (s->error)
		return CAIRO_STATUS_WRITE_ERROR;
	if (fwrite(data, 1, len, s->f) != len) {
		s->error = errno ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* Lays r out on the surface: pages counted first, then drawn. */
static cairo_status_t render(cairo_surface_t *surface, const struct report *r, const char *centre)
{
	cairo_t *cr = cairo_create(surface);
	PangoContext *ctx = pango_cairo_create_context(cr);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_status_t cs;
	struct rp p;

	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	rp_begin(&p, cr, ctx, centre, false, 0);
	body(&p, r);
	rp_begin(&p, cr, ctx, centre, true, p.page);
	body(&p, r);
	cs = cairo_status(cr);
	g_object_unref(ctx);
	cairo_destroy(cr);
	return cs;
}

enum hd_status report_pdf_write(const struct report *r, const char *centre, const char *path,
				struct hd_err *err)
{
	char tmp[PATH_MAX + 8], meta[256];
	char *name = doc_clean(centre, false);
	struct sink s = { 0 };
	cairo_surface_t *surface;
	cairo_status_t cs;
	int e = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp)) {
		free(name);
		return hd_err_set(err, HD_FAIL, "pdf", _("The PDF %s cannot be written: %s"), path,
				  strerror(ENAMETOOLONG));
	}
	s.f = fopen(tmp, "wb");
	if (!s.f) {
		e = errno;
		free(name);
		return hd_err_set(err, HD_FAIL, "pdf", _("The PDF %s cannot be written: %s"), path,
				  strerror(e));
	}
	surface = cairo_pdf_surface_create_for_stream(sink_write, &s, RP_PAGE_W, RP_PAGE_H);
	snprintf(meta, sizeof(meta), "%s%s%s %s", name, *name ? " " : "", _("Report"), r->from);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "hubdesk");
	cs = render(surface, r, name);
	cairo_surface_finish(surface);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	e = s.error;
	if (!e && (fflush(s.f) != 0 || fsync(fileno(s.f)) != 0))
		e = errno;
	if (fclose(s.f) != 0 && !e)
		e = errno;
	if (!e && cs == CAIRO_STATUS_SUCCESS && rename(tmp, path) != 0)
		e = errno;
	free(name);
	if (!e && cs == CAIRO_STATUS_SUCCESS)
		return HD_OK;
	unlink(tmp);
	return hd_err_set(err, HD_FAIL, "pdf", _("The PDF %s cannot be written: %s"), path,
			  e ? strerror(e) : cairo_status_to_string(cs));
}
