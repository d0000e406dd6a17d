/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_pdf_draw.c - the report PDF's blocks: text set by pango in the CJK
 * font of printing/pdf.c, charts and the heat map as cairo rectangles. */
#include "printing/report_pdf_draw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "printing/doc.h"

#define FONT_FAMILY "WenQuanYi Micro Hei,Noto Sans CJK SC,sans"
#define PAD 3.0       /* inside a table cell */
#define BARS_H 90.0   /* height of the bars' area */
#define AXIS_W 28.0   /* left of the bars: the scale */
#define BAR_SLOT 32.0 /* widest room for one bar */
#define HEAT_ROW 15.0 /* height of a heat map's row */
#define HEAT_COL 30.0 /* widest heat map column */
#define HEAT_LABEL 34.0
#define SWATCH 9.0

static const struct {
	double pt;
	bool bold;
	double grey; /* 0 black */
} TYPES[] = {
	[RP_TITLE] = { 20, true, 0 },    [RP_SUBTITLE] = { 12, false, 0.2 },
	[RP_HEADING] = { 14, true, 0 },  [RP_CAPTION] = { 10, true, 0.15 },
	[RP_BODY] = { 9, false, 0 },     [RP_BOLD] = { 9, true, 0 },
	[RP_SMALL] = { 7, false, 0.25 }, [RP_FIGURE] = { 16, true, 0 },
	[RP_FOOT] = { 8, false, 0.35 },
};

/* The layout of text (cleaned of controls) of type t, wrapped in w points
 * when w > 0. The caller unrefs it. */
static PangoLayout *lay(struct rp *p, enum rp_type t, double w, PangoAlignment al, const char *text)
{
	PangoLayout *l = pango_layout_new(p->ctx);
	PangoFontDescription *fd = pango_font_description_new();
	char *clean = doc_clean(text, false);

	pango_font_description_set_family_static(fd, FONT_FAMILY);
	pango_font_description_set_absolute_size(fd, TYPES[t].pt * PANGO_SCALE);
	pango_font_description_set_weight(fd,
					  TYPES[t].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (w > 0) {
		pango_layout_set_width(l, pango_units_from_double(w));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, al);
	pango_layout_set_text(l, clean, -1);
	free(clean);
	return l;
}

static void lay_size(PangoLayout *l, double *w, double *h)
{
	int pw, ph;

	pango_layout_get_size(l, &pw, &ph);
	if (w)
		*w = pango_units_to_double(pw);
	if (h)
		*h = pango_units_to_double(ph);
}

/* The width and height text of type t takes in w points (0: one line). */
static void text_size(struct rp *p, enum rp_type t, double w, const char *text, double *tw,
		      double *th)
{
	PangoLayout *l = lay(p, t, w, PANGO_ALIGN_LEFT, text);

	lay_size(l, tw, th);
	g_object_unref(l);
}

static double text_h(struct rp *p, enum rp_type t, double w, const char *text)
{
	double h;

	text_size(p, t, w, text, NULL, &h);
	return h;
}

/* Draws text of type t with its top left at x, y in w points, in grey
 * (below 0: the type's own); gives its height. Draws nothing when only
 * measuring. */
static double text_at(struct rp *p, enum rp_type t, double x, double y, double w, PangoAlignment al,
		      const char *text, double grey)
{
	PangoLayout *l = lay(p, t, w, al, text);
	double h;

	lay_size(l, NULL, &h);
	if (p->draw) {
		grey = grey < 0 ? TYPES[t].grey : grey;
		cairo_set_source_rgb(p->cr, grey, grey, grey);
		cairo_move_to(p->cr, x, y);
		pango_cairo_show_layout(p->cr, l);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
	}
	g_object_unref(l);
	return h;
}

static void hline(struct rp *p, double x0, double x1, double y, double width, double grey)
{
	if (!p->draw)
		return;
	cairo_set_source_rgb(p->cr, grey, grey, grey);
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, x0, y);
	cairo_line_to(p->cr, x1, y);
	cairo_stroke(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void box(struct rp *p, double x, double y, double w, double h, double grey)
{
	if (!p->draw)
		return;
	cairo_set_source_rgb(p->cr, grey, grey, grey);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_fill(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static double foot_h(struct rp *p)
{
	return text_h(p, RP_FOOT, 0, "0");
}

static void footer(struct rp *p)
{
	double y = RP_PAGE_H - RP_MARGIN - foot_h(p);
	char page[64];

	if (!p->draw)
		return;
	if (p->pages > 0)
		snprintf(page, sizeof(page), _("Page %d of %d"), p->page, p->pages);
	else
		snprintf(page, sizeof(page), _("Page %d"), p->page);
	hline(p, RP_MARGIN, RP_PAGE_W - RP_MARGIN, y - RP_GAP, 0.5, 0.35);
	text_at(p, RP_FOOT, RP_MARGIN, y, RP_TEXT_W * 0.75, PANGO_ALIGN_LEFT, p->centre, -1);
	text_at(p, RP_FOOT, RP_MARGIN, y, RP_TEXT_W, PANGO_ALIGN_RIGHT, page, -1);
}

void rp_begin(struct rp *p, cairo_t *cr, PangoContext *ctx, const char *centre, bool draw,
	      int pages)
{
	p->cr = cr;
	p->ctx = ctx;
	p->centre = centre ? centre : "";
	p->draw = draw;
	p->y = RP_MARGIN;
	p->page = 1;
	p->pages = pages;
	p->bottom = RP_PAGE_H - RP_MARGIN - foot_h(p) - 3 * RP_GAP;
}

void rp_break(struct rp *p)
{
	footer(p);
	if (p->draw)
		cairo_show_page(p->cr);
	p->page++;
	p->y = RP_MARGIN;
}

void rp_end(struct rp *p)
{
	footer(p);
	if (p->draw)
		cairo_show_page(p->cr);
}

void rp_need(struct rp *p, double h)
{
	if (p->y + h > p->bottom && p->y > RP_MARGIN + 0.5)
		rp_break(p);
}

void rp_text(struct rp *p, enum rp_type t, PangoAlignment al, const char *text)
{
	rp_need(p, text_h(p, t, RP_TEXT_W, text));
	p->y += text_at(p, t, RP_MARGIN, p->y, RP_TEXT_W, al, text, -1) + RP_GAP;
}

void rp_heading(struct rp *p, const char *text)
{
	double h = text_h(p, RP_HEADING, RP_TEXT_W, text);

	rp_need(p, h + 120); /* not alone at the foot of a page */
	text_at(p, RP_HEADING, RP_MARGIN, p->y, RP_TEXT_W, PANGO_ALIGN_LEFT, text, -1);
	p->y += h + 2;
	hline(p, RP_MARGIN, RP_PAGE_W - RP_MARGIN, p->y, 1.0, 0);
	p->y += 2 * RP_GAP;
}

void rp_figures(struct rp *p, const char *const *labels, const long *values, int n)
{
	const double cw = RP_TEXT_W / 3;
	double hl, hv, x, h;
	char v[32];
	int i, j, row;

	for (i = 0; i < n; i += 3) {
		row = n - i < 3 ? n - i : 3;
		hl = hv = 0;
		for (j = i; j < i + row; j++) {
			snprintf(v, sizeof(v), "%ld", values[j]);
			h = text_h(p, RP_SMALL, cw - 10, labels[j]);
			hl = h > hl ? h : hl;
			h = text_h(p, RP_FIGURE, cw - 10, v);
			hv = h > hv ? h : hv;
		}
		rp_need(p, hl + hv);
		for (j = i; j < i + row; j++) {
			x = RP_MARGIN + (j - i) * cw;
			snprintf(v, sizeof(v), "%ld", values[j]);
			box(p, x, p->y, 2, hl + hv, 0.55);
			text_at(p, RP_SMALL, x + 7, p->y, cw - 10, PANGO_ALIGN_LEFT, labels[j], -1);
			text_at(p, RP_FIGURE, x + 7, p->y + hl, cw - 10, PANGO_ALIGN_LEFT, v, -1);
		}
		p->y += hl + hv + 2 * RP_GAP;
	}
}

/* The height of a row of cells of type t. */
static double row_h(struct rp *p, const struct rp_col *cols, int n, const char *const *cells,
		    enum rp_type t)
{
	double h, max = 0;
	int i;

	for (i = 0; i < n; i++) {
		h = text_h(p, t, cols[i].share * RP_TEXT_W - 2 * PAD, cells[i]);
		max = h > max ? h : max;
	}
	return max + 2 * PAD;
}

static void row_draw(struct rp *p, const struct rp_col *cols, int n, const char *const *cells,
		     enum rp_type t)
{
	double x = RP_MARGIN, w;
	int i;

	for (i = 0; i < n; i++) {
		w = cols[i].share * RP_TEXT_W;
		text_at(p, t, x + PAD, p->y + PAD, w - 2 * PAD,
			cols[i].right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, cells[i], -1);
		x += w;
	}
}

static void head_draw(struct rp *p, const struct rp_col *cols, int n)
{
	const char *heads[RP_MAX_COLS];
	double h;
	int i;

	for (i = 0; i < n && i < RP_MAX_COLS; i++)
		heads[i] = cols[i].head;
	h = row_h(p, cols, i, heads, RP_BOLD);
	box(p, RP_MARGIN, p->y, RP_TEXT_W, h, 0.88);
	row_draw(p, cols, i, heads, RP_BOLD);
	p->y += h;
	hline(p, RP_MARGIN, RP_PAGE_W - RP_MARGIN, p->y, 0.75, 0.2);
}

void rp_table_head(struct rp *p, const struct rp_col *cols, int n)
{
	const char *heads[RP_MAX_COLS];
	double body = text_h(p, RP_BODY, 0, "0") + 2 * PAD;
	int i;

	for (i = 0; i < n && i < RP_MAX_COLS; i++)
		heads[i] = cols[i].head;
	rp_need(p, row_h(p, cols, i, heads, RP_BOLD) + 2 * body);
	head_draw(p, cols, i);
}

void rp_table_row(struct rp *p, const struct rp_col *cols, int n, const char *const *cells)
{
	double h;

	n = n < RP_MAX_COLS ? n : RP_MAX_COLS;
	h = row_h(p, cols, n, cells, RP_BODY);
	if (p->y + h > p->bottom && p->y > RP_MARGIN + 0.5) {
		rp_break(p);
		head_draw(p, cols, n);
	}
	row_draw(p, cols, n, cells, RP_BODY);
	p->y += h;
	hline(p, RP_MARGIN, RP_PAGE_W - RP_MARGIN, p->y, 0.3, 0.7);
}

void rp_table_end(struct rp *p)
{
	p->y += 3 * RP_GAP;
}

/* The widest of the labels at the ends and the middle (the labels of one
 * chart share a format, so measuring them all would tell no more). */
static double label_w(struct rp *p, const char *const *labels, int n)
{
	int at[3] = { 0, n / 2, n - 1 }, i;
	double w, max = 0;

	for (i = 0; i < 3; i++) {
		if (!labels[at[i]])
			continue;
		text_size(p, RP_SMALL, 0, labels[at[i]], &w, NULL);
		max = w > max ? w : max;
	}
	return max;
}

static void bar_labels(struct rp *p, const char *const *labels, int n, double x0, double slot,
		       double y)
{
	double lw = label_w(p, labels, n), w, x;
	int step = (int)ceil((lw + 6) / slot), i;

	for (i = 0; i<n; i += step> 0 ? step : 1) {
		if (!labels[i])
			continue;
		text_size(p, RP_SMALL, 0, labels[i], &w, NULL);
		x = x0 + (i + 0.5) * slot - w / 2;
		if (x + w > RP_MARGIN + RP_TEXT_W)
			x = RP_MARGIN + RP_TEXT_W - w;
		text_at(p, RP_SMALL, x, y, 0, PANGO_ALIGN_LEFT, labels[i], -1);
	}
}

void rp_bars(struct rp *p, const char *caption, const long *values, const char *const *labels,
	     int n)
{
	double ch = text_h(p, RP_CAPTION, RP_TEXT_W, caption), lh = text_h(p, RP_SMALL, 0, "0");
	double x0 = RP_MARGIN + AXIS_W, slot, bw, top, base, h, vw;
	long max = 1;
	char v[32];
	int i;

	if (n <= 0)
		return;
	rp_need(p, ch + RP_GAP + lh + BARS_H + 2 + lh);
	text_at(p, RP_CAPTION, RP_MARGIN, p->y, RP_TEXT_W, PANGO_ALIGN_LEFT, caption, -1);
	top = p->y + ch + RP_GAP + lh;
	base = top + BARS_H;
	for (i = 0; i < n; i++)
		max = values[i] > max ? values[i] : max;
	slot = (RP_TEXT_W - AXIS_W) / n;
	slot = slot > BAR_SLOT ? BAR_SLOT : slot;
	bw = slot >= 3 ? slot * 0.7 : slot * 0.9;
	snprintf(v, sizeof(v), "%ld", max);
	text_size(p, RP_SMALL, 0, v, &vw, NULL);
	hline(p, x0, x0 + n * slot, top, 0.3, 0.75);
	text_at(p, RP_SMALL, RP_MARGIN, top - lh / 2, AXIS_W - 4, PANGO_ALIGN_RIGHT, v, -1);
	text_at(p, RP_SMALL, RP_MARGIN, base - lh / 2, AXIS_W - 4, PANGO_ALIGN_RIGHT, "0", -1);
	for (i = 0; i < n; i++) {
		if (values[i] <= 0)
			continue;
		h = BARS_H * (double)values[i] / (double)max;
		box(p, x0 + i * slot + (slot - bw) / 2, base - h, bw, h, 0.45);
		if (slot < vw + 2)
			continue;
		snprintf(v, sizeof(v), "%ld", values[i]);
		text_at(p, RP_SMALL, x0 + i * slot, base - h - lh, slot, PANGO_ALIGN_CENTER, v, -1);
	}
	hline(p, x0, x0 + n * slot, base, 0.6, 0);
	bar_labels(p, labels, n, x0, slot, base + 2);
	p->y = base + 2 + lh + 3 * RP_GAP;
}

/* A cell of the heat map: grey from white (0) to dark (1000); hatched when
 * there was no open time. */
static void heat_cell(struct rp *p, double x, double y, double w, double h, int permille)
{
	double grey = 1 - 0.8 * permille / 1000.0;

	if (!p->draw)
		return;
	if (permille < 0) {
		cairo_set_source_rgb(p->cr, 0.7, 0.7, 0.7);
		cairo_set_line_width(p->cr, 0.3);
		cairo_move_to(p->cr, x, y + h);
		cairo_line_to(p->cr, x + w, y);
		cairo_stroke(p->cr);
	} else {
		box(p, x, y, w, h, grey);
	}
	cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
	cairo_set_line_width(p->cr, 0.3);
	cairo_rectangle(p->cr, x, y, w, h);
	cairo_stroke(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void heat_legend(struct rp *p, const struct rp_heat *m, double lh)
{
	double x = RP_MARGIN + HEAT_LABEL, w;
	char v[16];
	int i;

	for (i = 0; i <= 4; i++) {
		snprintf(v, sizeof(v), "%d%%", i * 25);
		heat_cell(p, x, p->y, SWATCH, SWATCH, i * 250);
		text_size(p, RP_SMALL, 0, v, &w, NULL);
		text_at(p, RP_SMALL, x + SWATCH + 3, p->y + (SWATCH - lh) / 2, 0, PANGO_ALIGN_LEFT,
			v, -1);
		x += SWATCH + w + 12;
	}
	heat_cell(p, x, p->y, SWATCH, SWATCH, -1);
	text_at(p, RP_SMALL, x + SWATCH + 3, p->y + (SWATCH - lh) / 2,
		RP_MARGIN + RP_TEXT_W - x - SWATCH - 3, PANGO_ALIGN_LEFT, m->closed, -1);
}

void rp_heat(struct rp *p, const struct rp_heat *m)
{
	double ch = text_h(p, RP_CAPTION, RP_TEXT_W, m->caption), lh = text_h(p, RP_SMALL, 0, "0");
	int cols = m->h1 - m->h0 + 1, d, h, pm;
	double cw, x0 = RP_MARGIN + HEAT_LABEL, x, y, grey;
	char v[16];

	if (cols <= 0)
		return;
	cw = (RP_TEXT_W - HEAT_LABEL) / cols;
	cw = cw > HEAT_COL ? HEAT_COL : cw;
	rp_need(p, ch + RP_GAP + lh + 2 + 7 * HEAT_ROW + 2 * RP_GAP + SWATCH);
	p->y += text_at(p, RP_CAPTION, RP_MARGIN, p->y, RP_TEXT_W, PANGO_ALIGN_LEFT, m->caption,
			-1) +
		RP_GAP;
	for (h = m->h0; h <= m->h1; h++) {
		snprintf(v, sizeof(v), "%02d", h);
		text_at(p, RP_SMALL, x0 + (h - m->h0) * cw, p->y, cw, PANGO_ALIGN_CENTER, v, -1);
	}
	p->y += lh + 2;
	for (d = 0; d < 7; d++) {
		y = p->y + d * HEAT_ROW;
		text_at(p, RP_SMALL, RP_MARGIN, y + (HEAT_ROW - lh) / 2, HEAT_LABEL - 4,
			PANGO_ALIGN_LEFT, m->rows[d], -1);
		for (h = m->h0; h <= m->h1; h++) {
			x = x0 + (h - m->h0) * cw;
			pm = m->cell[d][h];
			heat_cell(p, x, y, cw, HEAT_ROW, pm);
			if (pm < 0 || cw < 16)
				continue;
			grey = 1 - 0.8 * pm / 1000.0;
			snprintf(v, sizeof(v), "%d", (pm + 5) / 10);
			text_at(p, RP_SMALL, x, y + (HEAT_ROW - lh) / 2, cw, PANGO_ALIGN_CENTER, v,
				grey < 0.55 ? 1.0 : 0.25);
		}
	}
	p->y += 7 * HEAT_ROW + 2 * RP_GAP;
	heat_legend(p, m, lh);
	p->y += SWATCH + 3 * RP_GAP;
}
