/* SPDX-License-Identifier: GPL-3.0-or-later */
/* escpos.c - a document as an ESC/POS job: GB18030 text in Chinese mode,
 * alignment, emphasis and double size, the QR as a GS v 0 raster, a cut. */
#include "printing/escpos.h"

#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"

#define QR_QUIET 4    /* modules of white around the code */
#define QR_MIN_DOTS 3 /* dots per module, at least, when it fits */
#define FEED_LINES 3  /* lines fed before the cut */

/* The commands used (ESC = 1B, FS = 1C, GS = 1D). */
#define CMD_INIT "\x1b@"        /* ESC @: initialise */
#define CMD_CHINESE "\x1c&"     /* FS &: Chinese (two-byte) mode on */
#define CMD_CUT "\x1dV\x42\x00" /* GS V 66 0: feed to the cutter, cut */

enum align { LEFT = 0, CENTRE = 1 };
enum size { NORMAL, TALL, BIG }; /* normal; double height; double width and height */

struct pos {
	struct doc_buf out;
	iconv_t cd;       /* UTF-8 to GB18030 */
	int cols;         /* columns of normal characters */
	int dots;         /* dots across the printable width */
	enum align align; /* the printer's state, so each command is sent */
	enum size size;   /* only when it changes something */
	bool bold;
};

static void put(struct pos *p, const void *bytes, size_t n)
{
	doc_buf_put(&p->out, bytes, n);
}

static void put3(struct pos *p, int a, int b, int c)
{
	unsigned char cmd[3] = { (unsigned char)a, (unsigned char)b, (unsigned char)c };

	put(p, cmd, sizeof(cmd));
}

static void align(struct pos *p, enum align a)
{
	if (a != p->align)
		put3(p, 0x1b, 'a', a); /* ESC a n */
	p->align = a;
}

static void bold(struct pos *p, bool on)
{
	if (on != p->bold)
		put3(p, 0x1b, 'E', on); /* ESC E n */
	p->bold = on;
}

/* GS ! for alphanumerics and FS ! for Chinese characters (printers differ
 * in which one their Chinese font follows). */
static void size(struct pos *p, enum size s)
{
	static const unsigned char gs[] = { 0x00, 0x01, 0x11 };
	static const unsigned char fs[] = { 0x00, 0x08, 0x0c };

	if (s == p->size)
		return;
	put3(p, 0x1d, '!', gs[s]);
	put3(p, 0x1c, '!', fs[s]);
	p->size = s;
}

/* Columns a character takes on the printer: in Chinese mode every character
 * that is not ASCII is a two-byte (or four-byte) code printed in the 24-dot
 * font, two columns wide; U+FFFD is printed as '?'. */
static int pos_width(uint32_t cp)
{
	return (cp < 0x80 || cp == TEXT_REPLACEMENT) ? 1 : 2;
}

/* Puts clean UTF-8 s converted to GB18030, character by character, so a
 * character the converter refuses becomes '?' and nothing else is lost. */
static void put_gb(struct pos *p, const char *s)
{
	size_t len = strlen(s), i = 0, inleft, outleft;
	char gb[8], *in, *outp;
	uint32_t cp;
	int n;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n < 0) {
			put(p, "?", 1);
			i++;
			continue;
		}
		if (cp < 0x80) {
			put(p, text_is_control(cp) ? "?" : s + i, 1);
		} else if (cp == TEXT_REPLACEMENT) {
			put(p, "?", 1);
		} else {
			in = (char *)(s + i);
			inleft = (size_t)n;
			outp = gb;
			outleft = sizeof(gb);
			iconv(p->cd, NULL, NULL, NULL, NULL);
			if (iconv(p->cd, &in, &inleft, &outp, &outleft) == (size_t)-1 || inleft)
				put(p, "?", 1);
			else
				put(p, gb, sizeof(gb) - outleft);
		}
		i += (size_t)n;
	}
}

/* Columns available for text of size s. */
static int cols_for(const struct pos *p, enum size s)
{
	return s == BIG ? p->cols / 2 : p->cols;
}

/* Text wrapped to the paper in size s, each line ended by LF. */
static void put_wrapped(struct pos *p, const char *text, enum size s)
{
	char **lines;
	int n, i;

	n = doc_wrap(text, cols_for(p, s), pos_width, &lines);
	for (i = 0; i < n; i++) {
		put_gb(p, lines[i]);
		put(p, "\n", 1);
	}
	doc_lines_free(&lines, n);
}

static void put_spaces(struct pos *p, int n)
{
	for (; n > 0; n--)
		put(p, " ", 1);
}

/* Columns of clean UTF-8 s on the printer. */
static int pos_text_width(const char *s)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;
	int n, w = 0;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		w += n < 0 ? 1 : pos_width(cp);
		i += (size_t)(n < 0 ? 1 : n);
	}
	return w;
}

/* "label：value", the value wrapped under itself when the label takes at
 * most half the line, under the label otherwise. */
static void put_line(struct pos *p, const struct doc_item *it)
{
	enum size s = it->large ? BIG : NORMAL;
	int cols = cols_for(p, s), lw, n, i;
	struct doc_buf label = { 0 };
	char *clean = doc_clean(it->label, false), **lines;
	const char *sep = doc_label_sep(clean);

	doc_buf_put(&label, clean, strlen(clean));
	doc_buf_put(&label, sep, strlen(sep) + 1);
	size(p, s);
	lw = pos_text_width((const char *)label.data);
	if (lw > cols / 2) {
		put_wrapped(p, (const char *)label.data, s);
		lw = 0;
	} else {
		put_gb(p, (const char *)label.data);
	}
	bold(p, it->emphasis);
	n = doc_wrap(it->text, cols - lw, pos_width, &lines);
	for (i = 0; i < n; i++) {
		if (i > 0)
			put_spaces(p, lw);
		put_gb(p, lines[i]);
		put(p, "\n", 1);
	}
	doc_lines_free(&lines, n);
	bold(p, false);
	size(p, NORMAL);
	free(label.data);
	free(clean);
}

static void put_text(struct pos *p, const struct doc_item *it)
{
	enum size s = it->large ? BIG : NORMAL;

	size(p, s);
	bold(p, it->emphasis);
	put_wrapped(p, it->text, s);
	bold(p, false);
	size(p, NORMAL);
}

/* The lines to sign on, then the seal's label at the right edge: a stamp
 * goes over it. */
static void put_seal(struct pos *p, const struct doc_item *it)
{
	char *mark = doc_clean(it->label, false);

	put_wrapped(p, it->text, NORMAL);
	put(p, "\n", 1);
	put_spaces(p, p->cols - pos_text_width(mark));
	put_gb(p, mark);
	put(p, "\n\n", 2);
	free(mark);
}

static void put_rule(struct pos *p)
{
	int i;

	for (i = 0; i < p->cols; i++)
		put(p, "-", 1);
	put(p, "\n", 1);
}

/* The raster row of module row my (-QR_QUIET .. width+QR_QUIET-1) into row
 * (wbytes bytes): the code centred across the paper, scale dots a module. */
static void qr_row(const QRcode *qr, int my, int scale, int left, unsigned char *row, int wbytes)
{
	int mx, x, x0;

	memset(row, 0, (size_t)wbytes);
	if (my < 0 || my >= qr->width)
		return;
	for (mx = 0; mx < qr->width; mx++) {
		if (!(qr->data[my * qr->width + mx] & 1))
			continue;
		x0 = left + (mx + QR_QUIET) * scale;
		for (x = x0; x < x0 + scale; x++)
			row[x / 8] |= (unsigned char)(0x80 >> (x % 8));
	}
}

/* GS v 0 m xL xH yL yH: a raster image of w bytes by h rows follows. */
static void put_raster_head(struct pos *p, int w, int h)
{
	unsigned char head[8] = { 0x1d,
				  'v',
				  '0',
				  0,
				  (unsigned char)(w & 0xff),
				  (unsigned char)(w >> 8),
				  (unsigned char)(h & 0xff),
				  (unsigned char)(h >> 8) };

	put(p, head, sizeof(head));
}

/* The QR as a GS v 0 image as wide as the paper, the code about half as
 * wide, and its text beneath it as large as fits. */
static enum hd_status put_qr(struct pos *p, const struct doc_item *it, struct hd_err *err)
{
	QRcode *qr = NULL;
	unsigned char *row = NULL;
	int modules, scale, left, wbytes = p->dots / 8, h, y, tw;
	enum hd_status rc = HD_OK;
	enum size s;
	char *text = NULL;

	if (it->text && *it->text)
		qr = QRcode_encodeString(it->text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr) {
		rc = hd_err_set(err, HD_BAD_INPUT, "qr", _("The QR text cannot be encoded."));
		goto done;
	}
	modules = qr->width + 2 * QR_QUIET;
	scale = p->dots / 2 / modules; /* about half the paper wide */
	if (scale < QR_MIN_DOTS)       /* a dense code: larger, if the paper allows */
		scale = p->dots / modules < QR_MIN_DOTS ? p->dots / modules : QR_MIN_DOTS;
	if (scale < 1) {
		rc = hd_err_set(err, HD_BAD_INPUT, "qr", _("The QR text cannot be encoded."));
		goto done;
	}
	left = (p->dots - modules * scale) / 2;
	h = modules * scale;
	align(p, LEFT);
	put_raster_head(p, wbytes, h);
	row = xmalloc((size_t)wbytes);
	for (y = 0; y < h; y++) {
		if (y % scale == 0)
			qr_row(qr, y / scale - QR_QUIET, scale, left, row, wbytes);
		put(p, row, (size_t)wbytes);
	}
	text = doc_clean(it->text, false);
	tw = pos_text_width(text);
	s = tw * 2 <= p->cols ? BIG : (tw <= p->cols ? TALL : NORMAL);
	align(p, CENTRE);
	size(p, s);
	bold(p, true);
	put_wrapped(p, text, s);
	bold(p, false);
	size(p, NORMAL);
	align(p, LEFT);
done:
	free(text);
	free(row);
	QRcode_free(qr);
	return rc;
}

static void put_title(struct pos *p, const struct doc *d)
{
	align(p, CENTRE);
	size(p, BIG);
	bold(p, true);
	put_wrapped(p, d->title, BIG);
	size(p, NORMAL);
	if (d->reprint) {
		put3(p, 0x1d, 'B', 1); /* GS B 1: white on black */
		put_gb(p, " " DOC_REPRINT_MARK " ");
		put3(p, 0x1d, 'B', 0);
		put(p, "\n", 1);
	}
	bold(p, false);
	align(p, LEFT);
	put(p, "\n", 1);
}

static void put_footer(struct pos *p, const struct doc *d)
{
	char when[32];

	doc_when(d->when, when, sizeof(when));
	if (!d->centre && !*when && !d->privacy)
		return;
	put(p, "\n", 1);
	align(p, CENTRE);
	if (d->centre)
		put_wrapped(p, d->centre, NORMAL);
	if (*when)
		put_wrapped(p, when, NORMAL);
	if (d->privacy)
		put_wrapped(p, d->privacy, NORMAL);
	align(p, LEFT);
}

enum hd_status escpos_render(const struct doc *d, int width_mm, unsigned char **out, size_t *len,
			     struct hd_err *err)
{
	struct pos p = { .cd = (iconv_t)-1, .align = LEFT, .size = NORMAL, .bold = false };
	enum hd_status rc = HD_OK;
	int i;

	*out = NULL;
	*len = 0;
	if (width_mm == 58) {
		p.cols = 32;
		p.dots = 384;
	} else if (width_mm == 80) {
		p.cols = 48;
		p.dots = 576;
	} else {
		rc = hd_err_set(err, HD_BAD_INPUT, "width",
				_("Receipt paper must be 58 or 80 mm wide, not %d mm."), width_mm);
		goto done;
	}
	p.cd = iconv_open("GB18030", "UTF-8");
	if (p.cd == (iconv_t)-1) {
		rc = hd_err_set(err, HD_FAIL, "", _("Text cannot be converted to GB18030 here."));
		goto done;
	}
	put(&p, CMD_INIT CMD_CHINESE, 4); /* ESC @ leaves left, normal, not bold */
	put_title(&p, d);
	for (i = 0; i < d->count && rc == HD_OK; i++) {
		switch (d->items[i].kind) {
		case DOC_LINE:
			put_line(&p, &d->items[i]);
			break;
		case DOC_TEXT:
			put_text(&p, &d->items[i]);
			break;
		case DOC_RULE:
			put_rule(&p);
			break;
		case DOC_QR:
			rc = put_qr(&p, &d->items[i], err);
			break;
		case DOC_SEAL:
			put_seal(&p, &d->items[i]);
			break;
		}
	}
	if (rc != HD_OK)
		goto done;
	put_footer(&p, d);
	put3(&p, 0x1b, 'd', FEED_LINES); /* ESC d n: feed n lines */
	put(&p, CMD_CUT, 4);
	*out = p.out.data;
	*len = p.out.len;
	p.out.data = NULL;
done:
	if (p.cd != (iconv_t)-1)
		iconv_close(p.cd);
	free(p.out.data);
	return rc;
}

int escpos_find_raster(const unsigned char *buf, size_t len, size_t *offset, int *width_bytes,
		       int *height)
{
	size_t i, w, h;

	for (i = 0; i + 8 <= len; i++) {
		if (buf[i] != 0x1d || buf[i + 1] != 'v' || buf[i + 2] != '0')
			continue;
		w = (size_t)buf[i + 4] | (size_t)buf[i + 5] << 8;
		h = (size_t)buf[i + 6] | (size_t)buf[i + 7] << 8;
		if (w == 0 || h == 0 || w * h > len - i - 8)
			return 0;
		*offset = i + 8;
		*width_bytes = (int)w;
		*height = (int)h;
		return 1;
	}
	return 0;
}
