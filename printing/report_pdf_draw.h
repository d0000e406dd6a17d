/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_pdf_draw.h - the drawing kit of the report's A4 PDF (report_pdf.c
 * only): blocks flowing down the page with a footer on each (the centre, the
 * page number), headings, figures, tables, bar charts and a grey heat map.
 * Every block also runs without drawing, only moving y and the page, so a
 * section can be measured before it is placed and pages counted. */
#ifndef HD_REPORT_PDF_DRAW_H
#define HD_REPORT_PDF_DRAW_H

#include <stdbool.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#define RP_MM (72.0 / 25.4) /* points in a millimetre */
#define RP_PAGE_W (210 * RP_MM)
#define RP_PAGE_H (297 * RP_MM)
#define RP_MARGIN (15 * RP_MM)
#define RP_TEXT_W (RP_PAGE_W - 2 * RP_MARGIN)
#define RP_GAP 4.0    /* points between blocks */
#define RP_MAX_COLS 8 /* columns of a table */

struct rp {
	cairo_t *cr;
	PangoContext *ctx;
	const char *centre; /* the footer's left side */
	bool draw;          /* false: blocks only move y and page */
	double y;           /* top of the next block */
	double bottom;      /* lowest point a block may reach */
	int page, pages;    /* this page from 1; all pages (0: not known) */
};

/* The kinds of text, one size, weight and grey each. */
enum rp_type {
	RP_TITLE,
	RP_SUBTITLE,
	RP_HEADING,
	RP_CAPTION,
	RP_BODY,
	RP_BOLD,
	RP_SMALL,
	RP_FIGURE,
	RP_FOOT
};

/* A table's column: heading, share of the text width, right-aligned. */
struct rp_col {
	const char *head;
	double share;
	bool right;
};

/* A weekday x hour heat map: cell[weekday - 1][hour] in permille (0..1000),
 * -1 for no open time; hours h0..h1 shown; rows[] the weekdays' labels. */
struct rp_heat {
	int cell[7][24];
	int h0, h1;
	const char *rows[7];
	const char *caption;
	const char *closed; /* the legend's label of a cell with no open time */
};

/* Sets p up on page 1 at the top; pages is 0 when not known yet. centre
 * must live as long as p. */
void rp_begin(struct rp *p, cairo_t *cr, PangoContext *ctx, const char *centre, bool draw,
	      int pages);

/* Ends the page with its footer and starts the next. */
void rp_break(struct rp *p);

/* Ends the last page with its footer. */
void rp_end(struct rp *p);

/* Starts a new page unless h more points fit on this one (or it is empty). */
void rp_need(struct rp *p, double h);

/* A paragraph of type t across the text width, aligned al. */
void rp_text(struct rp *p, enum rp_type t, PangoAlignment al, const char *text);

/* A section heading with a rule beneath, kept with what follows. */
void rp_heading(struct rp *p, const char *text);

/* n figures, three in a row: the label small above the value large. */
void rp_figures(struct rp *p, const char *const *labels, const long *values, int n);

/* A table: its heading row (repeated on each new page), its rows of n
 * cells, and the space after it. n is at most RP_MAX_COLS. */
void rp_table_head(struct rp *p, const struct rp_col *cols, int n);
void rp_table_row(struct rp *p, const struct rp_col *cols, int n, const char *const *cells);
void rp_table_end(struct rp *p);

/* A bar chart under its caption: one bar per value with the largest value
 * on the axis, each value above its bar where there is room, and as many
 * labels beneath (NULL: none) as fit without touching. */
void rp_bars(struct rp *p, const char *caption, const long *values, const char *const *labels,
	     int n);

/* The heat map in shades of grey with its legend. */
void rp_heat(struct rp *p, const struct rp_heat *m);

#endif
