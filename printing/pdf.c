/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf.c - a document as an A4 PDF: cairo draws into a growing buffer, pango
 * sets the (CJK) text, libqrencode gives the QR drawn as vector squares. */
#include "printing/pdf.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "core/i18n.h"

#define MM (72.0 / 25.4) /* points in a millimetre */
#define PAGE_W (210 * MM)
#define PAGE_H (297 * MM)
#define MARGIN (20 * MM)
#define TEXT_W (PAGE_W - 2 * MARGIN)
#define FONT_FAMILY "WenQuanYi Micro Hei,Noto Sans CJK SC,sans"

#define PT_TITLE 20.0
#define PT_MARK 12.0
#define PT_BODY 11.0
#define PT_LARGE 14.0
#define PT_QR_TEXT 18.0
#define PT_FOOT 9.0
#define GAP 5.0 /* points between items */

#define SEAL_D (42 * MM)   /* the diameter of an official seal (公章) */
#define SEAL_MIN (28 * MM) /* the smallest circle drawn for it */

#define QR_WIDTH (40 * MM)
#define QR_QUIET 4 /* modules of white around the code */

struct pdf {
	const struct doc *d;
	cairo_t *cr;
	PangoContext *ctx;
	double y;       /* top of the next item */
	double bottom;  /* lowest point items may reach on a page */
	double label_w; /* width of the label column of DOC_LINE items */
	double foot_h;  /* height of the footer */
};

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
	doc_buf_put(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* A layout of text in width w (points; 0: unbounded), pt points, bold or
 * not, aligned al. The caller unrefs it. */
static PangoLayout *layout(struct pdf *p, const char *text, double w, double pt, bool bold,
			   PangoAlignment al)
{
	PangoLayout *l = pango_layout_new(p->ctx);
	PangoFontDescription *f = pango_font_description_new();
	char *clean = doc_clean(text, true);

	pango_font_description_set_family_static(f, FONT_FAMILY);
	pango_font_description_set_absolute_size(f, pt * PANGO_SCALE);
	pango_font_description_set_weight(f, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, f);
	if (w > 0)
		pango_layout_set_width(l, pango_units_from_double(w));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, al);
	pango_layout_set_text(l, clean, -1);
	pango_font_description_free(f);
	free(clean);
	return l;
}

static double layout_h(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return pango_units_to_double(h);
}

static double layout_w(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return pango_units_to_double(w);
}

static void show(struct pdf *p, PangoLayout *l, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
}

/* The footer's layout: the centre and the time on one line, the privacy
 * line beneath. The caller unrefs it. */
static PangoLayout *footer_layout(struct pdf *p)
{
	const struct doc *d = p->d;
	struct doc_buf b = { 0 };
	char when[32];
	PangoLayout *l;

	doc_when(d->when, when, sizeof(when));
	if (d->centre)
		doc_buf_put(&b, d->centre, strlen(d->centre));
	if (d->centre && *when)
		doc_buf_put(&b, "    ", 4);
	doc_buf_put(&b, when, strlen(when));
	if (d->privacy) {
		doc_buf_put(&b, "\n", 1);
		doc_buf_put(&b, d->privacy, strlen(d->privacy));
	}
	doc_buf_put(&b, "", 1);
	l = layout(p, (const char *)b.data, TEXT_W, PT_FOOT, false, PANGO_ALIGN_CENTER);
	free(b.data);
	return l;
}

static void draw_footer(struct pdf *p)
{
	PangoLayout *l;
	double y = PAGE_H - MARGIN - p->foot_h;

	if (!p->d->centre && !p->d->when && !p->d->privacy)
		return;
	l = footer_layout(p);
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	cairo_set_line_width(p->cr, 0.5);
	cairo_move_to(p->cr, MARGIN, y - GAP);
	cairo_line_to(p->cr, PAGE_W - MARGIN, y - GAP);
	cairo_stroke(p->cr);
	show(p, l, MARGIN, y);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	g_object_unref(l);
}

/* Starts a new page when h more points do not fit on this one. */
static void need(struct pdf *p, double h)
{
	if (p->y + h <= p->bottom || p->y <= MARGIN)
		return;
	draw_footer(p);
	cairo_show_page(p->cr);
	p->y = MARGIN;
}

static void draw_title(struct pdf *p)
{
	PangoLayout *l = layout(p, p->d->title, TEXT_W, PT_TITLE, true, PANGO_ALIGN_CENTER);
	double w, h;

	show(p, l, MARGIN, p->y);
	p->y += layout_h(l) + GAP;
	g_object_unref(l);
	if (p->d->reprint) {
		l = layout(p, DOC_REPRINT_MARK, 0, PT_MARK, true, PANGO_ALIGN_LEFT);
		w = layout_w(l);
		h = layout_h(l);
		cairo_set_line_width(p->cr, 1.0);
		cairo_rectangle(p->cr, (PAGE_W - w) / 2 - 6, p->y, w + 12, h + 4);
		cairo_stroke(p->cr);
		show(p, l, (PAGE_W - w) / 2, p->y + 2);
		p->y += h + 4 + GAP;
		g_object_unref(l);
	}
	p->y += 2 * GAP;
}

/* The label column: as wide as the widest label, at most 40% of the text. */
static double label_width(struct pdf *p)
{
	PangoLayout *l;
	double w, max = 0;
	int i;

	for (i = 0; i < p->d->count; i++) {
		if (p->d->items[i].kind != DOC_LINE)
			continue;
		l = layout(p, p->d->items[i].label, 0, PT_BODY, false, PANGO_ALIGN_LEFT);
		w = layout_w(l);
		g_object_unref(l);
		if (w > max)
			max = w;
	}
	max += 2 * PT_BODY; /* the colon and a gap */
	return max > 0.4 * TEXT_W ? 0.4 * TEXT_W : max;
}

static void draw_line(struct pdf *p, const struct doc_item *it)
{
	double pt = it->large ? PT_LARGE : PT_BODY, h;
	char *clean = doc_clean(it->label, false);
	struct doc_buf label = { 0 };
	const char *sep = doc_label_sep(clean);
	PangoLayout *l, *v;

	doc_buf_put(&label, clean, strlen(clean));
	doc_buf_put(&label, sep, strlen(sep) + 1);
	l = layout(p, (const char *)label.data, p->label_w - PT_BODY / 2, pt, false,
		   PANGO_ALIGN_LEFT);
	v = layout(p, it->text, TEXT_W - p->label_w, pt, it->emphasis, PANGO_ALIGN_LEFT);
	h = layout_h(l) > layout_h(v) ? layout_h(l) : layout_h(v);
	need(p, h);
	show(p, l, MARGIN, p->y);
	show(p, v, MARGIN + p->label_w, p->y);
	p->y += h + GAP;
	g_object_unref(l);
	g_object_unref(v);
	free(label.data);
	free(clean);
}

static void draw_text(struct pdf *p, const struct doc_item *it)
{
	PangoLayout *l = layout(p, it->text, TEXT_W, it->large ? PT_LARGE : PT_BODY, it->emphasis,
				PANGO_ALIGN_LEFT);
	double h = layout_h(l);

	need(p, h);
	show(p, l, MARGIN, p->y);
	p->y += h + GAP;
	g_object_unref(l);
}

static void draw_rule(struct pdf *p)
{
	need(p, 2 * GAP);
	cairo_set_line_width(p->cr, 0.75);
	cairo_move_to(p->cr, MARGIN, p->y + GAP);
	cairo_line_to(p->cr, PAGE_W - MARGIN, p->y + GAP);
	cairo_stroke(p->cr);
	p->y += 3 * GAP;
}

/* The lines to sign on at the left, and at the right margin a dashed
 * circle with its label in grey at its centre, where the centre stamps the
 * paper: as large as an official seal when the page has room, else down to
 * SEAL_MIN rather than a page of its own (a seal may overlap its circle). */
static void draw_seal(struct pdf *p, const struct doc_item *it)
{
	PangoLayout *l = layout(p, it->text, TEXT_W - SEAL_D - 4 * GAP, PT_BODY, false,
				PANGO_ALIGN_LEFT);
	PangoLayout *mark = layout(p, it->label, SEAL_D, PT_BODY, false, PANGO_ALIGN_CENTER);
	static const double dash[] = { 3.0, 2.0 };
	double th = layout_h(l), room = p->bottom - p->y, d = SEAL_D, h, cx, cy;

	if (room < SEAL_D && room >= SEAL_MIN && room >= th)
		d = room;
	h = th > d ? th : d;
	need(p, h);
	cx = PAGE_W - MARGIN - SEAL_D / 2;
	cy = p->y + h / 2;
	show(p, l, MARGIN, p->y + (h - th) / 2);
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 0.45, 0.45, 0.45);
	cairo_set_line_width(p->cr, 0.75);
	cairo_set_dash(p->cr, dash, 2, 0);
	cairo_new_sub_path(p->cr);
	cairo_arc(p->cr, cx, cy, d / 2, 0, 2 * M_PI);
	cairo_stroke(p->cr);
	cairo_restore(p->cr);
	show(p, mark, cx - SEAL_D / 2, cy - layout_h(mark) / 2);
	p->y += h + GAP;
	g_object_unref(l);
	g_object_unref(mark);
}

/* The code centred, QR_WIDTH wide with its quiet zone kept free, each run of
 * dark modules in a row one rectangle; its text large beneath. */
static enum hd_status draw_qr(struct pdf *p, const struct doc_item *it, struct hd_err *err)
{
	QRcode *qr = NULL;
	PangoLayout *l = NULL;
	double m, x0, y0, h;
	int x, y, run;

	if (it->text && *it->text)
		qr = QRcode_encodeString(it->text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr)
		return hd_err_set(err, HD_BAD_INPUT, "qr", _("The QR text cannot be encoded."));
	m = QR_WIDTH / qr->width;
	l = layout(p, it->text, TEXT_W, PT_QR_TEXT, true, PANGO_ALIGN_CENTER);
	h = layout_h(l);
	need(p, QR_WIDTH + 2 * QR_QUIET * m + h);
	x0 = (PAGE_W - QR_WIDTH) / 2;
	y0 = p->y + QR_QUIET * m;
	for (y = 0; y < qr->width; y++) {
		for (x = 0; x<qr->width; x += run> 0 ? run : 1) {
			for (run = 0;
			     x + run < qr->width && (qr->data[y * qr->width + x + run] & 1); run++)
				;
			if (run > 0)
				cairo_rectangle(p->cr, x0 + x * m, y0 + y * m, run * m, m);
		}
	}
	cairo_fill(p->cr);
	p->y = y0 + QR_WIDTH + QR_QUIET * m / 2;
	show(p, l, MARGIN, p->y);
	p->y += h + 2 * GAP;
	g_object_unref(l);
	QRcode_free(qr);
	return HD_OK;
}

static void set_metadata(cairo_surface_t *s, const struct doc *d)
{
	char *title = doc_clean(d->title, false), date[40];
	struct tm tm;
	size_t n;

	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "hubdesk");
	free(title);
	/* The paper's own time, so the same document gives the same file:
	 * "2026-11-23T09:00:00+08:00" (strftime's %z lacks the colon). */
	if (d->when == 0 || !localtime_r(&d->when, &tm))
		return;
	n = strftime(date, sizeof(date) - 1, "%Y-%m-%dT%H:%M:%S%z", &tm);
	if (n < 5)
		return;
	memmove(date + n - 1, date + n - 2, 3);
	date[n - 2] = ':';
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

enum hd_status pdf_render(const struct doc *d, unsigned char **out, size_t *len, struct hd_err *err)
{
	struct doc_buf b = { 0 };
	struct pdf p = { .d = d, .y = MARGIN };
	cairo_surface_t *s;
	cairo_font_options_t *fo;
	enum hd_status rc = HD_OK;
	cairo_status_t cs;
	PangoLayout *l;
	int i;

	*out = NULL;
	*len = 0;
	s = cairo_pdf_surface_create_for_stream(write_out, &b, PAGE_W, PAGE_H);
	set_metadata(s, d);
	p.cr = cairo_create(s);
	p.ctx = pango_cairo_create_context(p.cr);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p.ctx, fo);
	cairo_font_options_destroy(fo);

	l = footer_layout(&p);
	p.foot_h = layout_h(l);
	g_object_unref(l);
	p.bottom = PAGE_H - MARGIN - p.foot_h - 3 * GAP;
	p.label_w = label_width(&p);
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	draw_title(&p);
	for (i = 0; i < d->count && rc == HD_OK; i++) {
		switch (d->items[i].kind) {
		case DOC_LINE:
			draw_line(&p, &d->items[i]);
			break;
		case DOC_TEXT:
			draw_text(&p, &d->items[i]);
			break;
		case DOC_RULE:
			draw_rule(&p);
			break;
		case DOC_QR:
			rc = draw_qr(&p, &d->items[i], err);
			break;
		case DOC_SEAL:
			draw_seal(&p, &d->items[i]);
			break;
		}
	}
	if (rc != HD_OK)
		goto done;
	draw_footer(&p);
	cairo_show_page(p.cr);
	cs = cairo_status(p.cr);
	cairo_surface_finish(s);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(s);
	if (cs != CAIRO_STATUS_SUCCESS) {
		rc = hd_err_set(err, HD_FAIL, "", _("The PDF could not be made: %s"),
				cairo_status_to_string(cs));
		goto done;
	}
	*out = b.data;
	*len = b.len;
	b.data = NULL;
done:
	g_object_unref(p.ctx);
	cairo_destroy(p.cr);
	cairo_surface_destroy(s);
	free(b.data);
	return rc;
}

void pdf_release_fonts(void)
{
	pango_cairo_font_map_set_default(NULL);
}
