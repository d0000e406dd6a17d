/* SPDX-License-Identifier: GPL-3.0-or-later */
/* preview.c - a document as plain text for the screen. */
#include "printing/preview.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

#define MIN_COLS 8

enum align { LEFT, CENTRE };

static void put(struct doc_buf *b, const char *s)
{
	doc_buf_put(b, s, strlen(s));
}

static void put_spaces(struct doc_buf *b, int n)
{
	for (; n > 0; n--)
		doc_buf_put(b, " ", 1);
}

/* Text wrapped to cols, each line left-aligned or centred and ended by a
 * newline. */
static void put_wrapped(struct doc_buf *b, const char *text, int cols, enum align al)
{
	char **lines;
	int n, i;

	n = doc_wrap(text, cols, text_cp_width, &lines);
	for (i = 0; i < n; i++) {
		if (al == CENTRE)
			put_spaces(b, (cols - text_width(lines[i])) / 2);
		put(b, lines[i]);
		put(b, "\n");
	}
	doc_lines_free(&lines, n);
}

/* "label：value", the value wrapped under itself when the label takes at
 * most half the line, under the label otherwise. */
static void put_line(struct doc_buf *b, const struct doc_item *it, int cols)
{
	char *clean = doc_clean(it->label, false), **lines;
	struct doc_buf label = { 0 };
	const char *sep = doc_label_sep(clean);
	int lw, n, i;

	put(&label, clean);
	doc_buf_put(&label, sep, strlen(sep) + 1);
	lw = text_width((const char *)label.data);
	if (lw > cols / 2) {
		put_wrapped(b, (const char *)label.data, cols, LEFT);
		lw = 0;
	} else {
		put(b, (const char *)label.data);
	}
	n = doc_wrap(it->text, cols - lw, text_cp_width, &lines);
	for (i = 0; i < n; i++) {
		if (i > 0)
			put_spaces(b, lw);
		put(b, lines[i]);
		put(b, "\n");
	}
	doc_lines_free(&lines, n);
	free(label.data);
	free(clean);
}

static void put_rule(struct doc_buf *b, int cols)
{
	int i;

	for (i = 0; i < cols; i++)
		doc_buf_put(b, "-", 1);
	put(b, "\n");
}

static void put_qr(struct doc_buf *b, const struct doc_item *it, int cols)
{
	char *text = doc_clean(it->text, false);
	struct doc_buf s = { 0 };

	doc_buf_put(&s, "[", 1);
	put(&s, text);
	doc_buf_put(&s, "]", 2);
	put_wrapped(b, (const char *)s.data, cols, CENTRE);
	free(s.data);
	free(text);
}

/* The lines to sign on, then the seal's label at the right edge. */
static void put_seal(struct doc_buf *b, const struct doc_item *it, int cols)
{
	char *mark = doc_clean(it->label, false);

	put_wrapped(b, it->text, cols, LEFT);
	put(b, "\n");
	put_spaces(b, cols - text_width(mark));
	put(b, mark);
	put(b, "\n\n");
	free(mark);
}

char *preview_text(const struct doc *d, int cols)
{
	struct doc_buf b = { 0 };
	char when[32];
	int i;

	if (cols < MIN_COLS)
		cols = MIN_COLS;
	put_wrapped(&b, d->title, cols, CENTRE);
	if (d->reprint)
		put_wrapped(&b, DOC_REPRINT_MARK, cols, CENTRE);
	put(&b, "\n");
	for (i = 0; i < d->count; i++) {
		switch (d->items[i].kind) {
		case DOC_LINE:
			put_line(&b, &d->items[i], cols);
			break;
		case DOC_TEXT:
			put_wrapped(&b, d->items[i].text, cols, LEFT);
			break;
		case DOC_RULE:
			put_rule(&b, cols);
			break;
		case DOC_QR:
			put_qr(&b, &d->items[i], cols);
			break;
		case DOC_SEAL:
			put_seal(&b, &d->items[i], cols);
			break;
		}
	}
	doc_when(d->when, when, sizeof(when));
	if (d->centre || *when || d->privacy)
		put(&b, "\n");
	if (d->centre)
		put_wrapped(&b, d->centre, cols, CENTRE);
	if (*when)
		put_wrapped(&b, when, cols, CENTRE);
	if (d->privacy)
		put_wrapped(&b, d->privacy, cols, CENTRE);
	doc_buf_put(&b, "", 1);
	return (char *)b.data;
}
