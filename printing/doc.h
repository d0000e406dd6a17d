/* SPDX-License-Identifier: GPL-3.0-or-later */
/* doc.h - a printed document as a small model: a title, label/value lines,
 * paragraphs with emphasis, rules, a QR with its text printed large beneath
 * it, and a footer (centre, date and time, a privacy line). Built once,
 * rendered to ESC/POS (escpos.h), to PDF (pdf.h) or as a text preview
 * (preview.h). */
#ifndef HD_DOC_H
#define HD_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* The mark a reprinted paper carries, in both languages. */
#define DOC_REPRINT_MARK "补打 / REPRINT"

enum doc_item_kind {
	DOC_LINE, /* label: value */
	DOC_TEXT, /* a paragraph, wrapped */
	DOC_RULE, /* a horizontal rule */
	DOC_QR,   /* a QR code with its text large beneath it */
	DOC_SEAL  /* lines to sign on, with a place for a seal beside them */
};

struct doc_item {
	enum doc_item_kind kind;
	char *label;   /* DOC_LINE, DOC_SEAL the words in the seal's place */
	char *text;    /* DOC_LINE value, DOC_TEXT text, DOC_QR the QR text,
			* DOC_SEAL the lines to sign on */
	bool emphasis; /* bold */
	bool large;    /* double size (ESC/POS), larger type (PDF) */
};

struct doc {
	char *title;
	bool reprint; /* the paper says it is a reprint */
	struct doc_item *items;
	int count, cap;
	char *centre;  /* footer: the centre's name */
	time_t when;   /* footer: date and time (local) */
	char *privacy; /* footer: the privacy line, or NULL */
};

/* A new empty document; the caller frees it with doc_free(). Allocation
 * failure aborts. */
struct doc *doc_new(const char *title);

/* Frees *d and its strings, and sets *d to NULL. */
void doc_free(struct doc **d);

/* Appends items; strings are copied. */
void doc_line(struct doc *d, const char *label, const char *value);
void doc_text(struct doc *d, const char *text, bool emphasis, bool large);
void doc_rule(struct doc *d);
void doc_qr(struct doc *d, const char *qr_text);
/* Lines to sign on (text, broken at newlines) with the place of the
 * centre's seal (盖章) beside them, marked with label: on A4 a circle the
 * size of an official seal to the right of the lines; on a receipt and on
 * screen the label at the right edge under them. */
void doc_seal(struct doc *d, const char *lines, const char *label);

/* Sets the footer; strings are copied (privacy may be NULL). */
void doc_footer(struct doc *d, const char *centre, time_t when, const char *privacy);

/* What the renderers share. */

/* A growing byte buffer the renderers write into; zero-initialise it. The
 * owner frees data with free(). */
struct doc_buf {
	unsigned char *data;
	size_t len, cap;
};

/* Appends n bytes to b; allocation failure aborts. */
void doc_buf_put(struct doc_buf *b, const void *bytes, size_t n);

/* The columns one character takes on a medium (text_cp_width() on a
 * screen; a receipt printer in Chinese mode prints every non-ASCII
 * character double width). */
typedef int (*doc_width_fn)(uint32_t cp);

/* A malloc'd copy of s (NULL gives "") that is valid UTF-8 without control
 * characters: invalid bytes and controls become U+FFFD, tabs spaces; line
 * breaks (LF, CRLF, CR) become LF when keep_newlines and a space otherwise.
 * The caller frees it. Allocation failure aborts. */
char *doc_clean(const char *s, bool keep_newlines);

/* Wraps text into lines of at most cols columns as measured by width (cols
 * below 2 count as 2, so a wide character always fits). Breaks at spaces
 * between words and between any two non-ASCII characters; splits a word only
 * when it is longer than a line; never splits a character. A newline in text
 * starts a new line; an empty text gives one empty line. The text is cleaned
 * as by doc_clean() first. *lines gets a malloc'd array of malloc'd lines;
 * returns their number. Free with doc_lines_free(). */
int doc_wrap(const char *text, int cols, doc_width_fn width, char ***lines);

/* Frees the n lines of *lines and the array, and sets *lines to NULL. */
void doc_lines_free(char ***lines, int n);

/* Writes t as local "YYYY-MM-DD HH:MM" into out (outsz bytes, 17 needed);
 * "" when t is 0 (no time set). */
void doc_when(time_t t, char *out, size_t outsz);

/* What goes between a label and its value: a full-width colon after a
 * label ending in a Chinese (non-ASCII) character, ": " otherwise. */
const char *doc_label_sep(const char *label);

#endif
