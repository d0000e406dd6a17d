/* SPDX-License-Identifier: GPL-3.0-or-later */
/* doc.c - the document model, and the cleaning, wrapping and footer helpers
 * the renderers share. */
#include "printing/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"

#define UTF8_REPLACEMENT "\xEF\xBF\xBD"
#define FULLWIDTH_COLON "\xEF\xBC\x9A" /* U+FF1A */

/* A copy of s, and "" for NULL. */
static char *dup_text(const char *s)
{
	return xstrdup(s ? s : "");
}

struct doc *doc_new(const char *title)
{
	struct doc *d = xcalloc(1, sizeof(*d));

	d->title = dup_text(title);
	return d;
}

void doc_free(struct doc **d)
{
	int i;

	if (!d || !*d)
		return;
	for (i = 0; i < (*d)->count; i++) {
		free((*d)->items[i].label);
		free((*d)->items[i].text);
	}
	free((*d)->items);
	free((*d)->title);
	free((*d)->centre);
	free((*d)->privacy);
	free(*d);
	*d = NULL;
}

/* A new zeroed item at the end of d. */
static struct doc_item *add_item(struct doc *d, enum doc_item_kind kind)
{
	struct doc_item *it;

	if (d->count == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 16;
		d->items = xrealloc(d->items, (size_t)d->cap * sizeof(*d->items));
	}
	it = &d->items[d->count++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	return it;
}

void doc_line(struct doc *d, const char *label, const char *value)
{
	struct doc_item *it = add_item(d, DOC_LINE);

	it->label = dup_text(label);
	it->text = dup_text(value);
}

void doc_text(struct doc *d, const char *text, bool emphasis, bool large)
{
	struct doc_item *it = add_item(d, DOC_TEXT);

	it->text = dup_text(text);
	it->emphasis = emphasis;
	it->large = large;
}

void doc_seal(struct doc *d, const char *lines, const char *label)
{
	struct doc_item *it = add_item(d, DOC_SEAL);

	it->text = dup_text(lines);
	it->label = dup_text(label);
}

void doc_rule(struct doc *d)
{
	add_item(d, DOC_RULE);
}

void doc_qr(struct doc *d, const char *qr_text)
{
	struct doc_item *it = add_item(d, DOC_QR);

	it->text = dup_text(qr_text);
	it->large = true;
}

void doc_footer(struct doc *d, const char *centre, time_t when, const char *privacy)
{
	free(d->centre);
	free(d->privacy);
	d->centre = centre ? xstrdup(centre) : NULL;
	d->privacy = privacy ? xstrdup(privacy) : NULL;
	d->when = when;
}

void doc_buf_put(struct doc_buf *b, const void *bytes, size_t n)
{
	if (n == 0)
		return;
	if (b->len + n > b->cap) {
		while (b->len + n > b->cap)
			b->cap = b->cap ? 2 * b->cap : 1024;
		b->data = xrealloc(b->data, b->cap);
	}
	memcpy(b->data + b->len, bytes, n);
	b->len += n;
}

char *doc_clean(const char *s, bool keep_newlines)
{
	struct doc_buf b = { 0 };
	size_t len = s ? strlen(s) : 0, i = 0;
	uint32_t cp;
	int n;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n < 0) {
			doc_buf_put(&b, UTF8_REPLACEMENT, 3);
			i++;
			continue;
		}
		if (cp == '\r' || cp == '\n') {
			doc_buf_put(&b, keep_newlines ? "\n" : " ", 1);
			if (cp == '\r' && i + 1 < len && s[i + 1] == '\n')
				n++;
		} else if (cp == '\t') {
			doc_buf_put(&b, " ", 1);
		} else if (text_is_control(cp)) {
			doc_buf_put(&b, UTF8_REPLACEMENT, 3);
		} else {
			doc_buf_put(&b, s + i, (size_t)n);
		}
		i += (size_t)n;
	}
	doc_buf_put(&b, "", 1);
	return (char *)b.data;
}

/* The lines being built by doc_wrap(). */
struct wrap {
	char **v;
	int n, cap;
	struct doc_buf line; /* the current line, without its NUL */
	int w;               /* its columns */
	int pend;            /* spaces seen after it, added only before more text */
	int cols;
	doc_width_fn width;
};

static void wrap_emit(struct wrap *wr)
{
	char *s = xmalloc(wr->line.len + 1);

	memcpy(s, wr->line.data ? (const char *)wr->line.data : "", wr->line.len);
	s[wr->line.len] = '\0';
	if (wr->n == wr->cap) {
		wr->cap = wr->cap ? 2 * wr->cap : 8;
		wr->v = xrealloc(wr->v, (size_t)wr->cap * sizeof(*wr->v));
	}
	wr->v[wr->n++] = s;
	wr->line.len = 0;
	wr->w = 0;
	wr->pend = 0;
}

/* Appends a unit (a word or one character) of uw columns to the line. */
static void wrap_add(struct wrap *wr, const char *s, size_t n, int uw)
{
	for (; wr->pend > 0; wr->pend--, wr->w++)
		doc_buf_put(&wr->line, " ", 1);
	doc_buf_put(&wr->line, s, n);
	wr->w += uw;
}

/* Columns of the clean UTF-8 s[0..n). */
static int span_width(const struct wrap *wr, const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;
	int k, w = 0;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k < 0)
			k = 1, cp = TEXT_REPLACEMENT;
		w += wr->width(cp);
		i += (size_t)k;
	}
	return w;
}

/* A word longer than a line, placed character by character. */
static void wrap_split(struct wrap *wr, const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;
	int k, cw;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k < 0)
			k = 1, cp = TEXT_REPLACEMENT;
		cw = wr->width(cp);
		if (wr->w > 0 && wr->w + wr->pend + cw > wr->cols)
			wrap_emit(wr);
		wrap_add(wr, s + i, (size_t)k, cw);
		i += (size_t)k;
	}
}

/* Wraps one line of clean text (no newline in s[0..n)). */
static void wrap_para(struct wrap *wr, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	bool wrapped = false;
	size_t i = 0, j;
	uint32_t cp;
	int uw, k;

	while (i < n) {
		if (u[i] == ' ') {
			for (j = i; j < n && u[j] == ' '; j++)
				;
			if (!(wrapped && wr->w == 0))
				wr->pend += (int)(j - i);
			i = j;
			continue;
		}
		if (u[i] < 0x80) {
			for (j = i; j < n && u[j] < 0x80 && u[j] != ' '; j++)
				;
		} else {
			k = utf8_decode(s + i, n - i, &cp);
			j = i + (size_t)(k > 0 ? k : 1);
		}
		uw = span_width(wr, s + i, j - i);
		if (wr->w + wr->pend + uw > wr->cols) {
			if (wr->w > 0) {
				wrap_emit(wr);
				wrapped = true;
			}
			wr->pend = 0;
		}
		if (uw <= wr->cols)
			wrap_add(wr, s + i, j - i, uw);
		else
			wrap_split(wr, s + i, j - i);
		i = j;
	}
	if (wr->w > 0 || !wrapped)
		wrap_emit(wr);
}

int doc_wrap(const char *text, int cols, doc_width_fn width, char ***lines)
{
	struct wrap wr = { 0 };
	char *clean = doc_clean(text, true);
	const char *p = clean, *eol;

	wr.cols = cols < 2 ? 2 : cols;
	wr.width = width;
	for (;;) {
		eol = strchr(p, '\n');
		wrap_para(&wr, p, eol ? (size_t)(eol - p) : strlen(p));
		if (!eol)
			break;
		p = eol + 1;
	}
	free(clean);
	free(wr.line.data);
	*lines = wr.v;
	return wr.n;
}

void doc_lines_free(char ***lines, int n)
{
	int i;

	if (!lines || !*lines)
		return;
	for (i = 0; i < n; i++)
		free((*lines)[i]);
	free(*lines);
	*lines = NULL;
}

void doc_when(time_t t, char *out, size_t outsz)
{
	struct tm tm;

	if (!out || outsz == 0)
		return;
	out[0] = '\0';
	if (t == 0 || !localtime_r(&t, &tm))
		return;
	if (strftime(out, outsz, "%Y-%m-%d %H:%M", &tm) == 0)
		out[0] = '\0';
}

const char *doc_label_sep(const char *label)
{
	size_t n = label ? strlen(label) : 0;

	if (n == 0)
		return "";
	return ((unsigned char)label[n - 1] >= 0x80) ? FULLWIDTH_COLON : ": ";
}
