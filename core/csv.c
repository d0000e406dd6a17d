/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv.c - writing and reading CSV files for spreadsheets. */
#include "core/csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"

/* A spreadsheet reads a cell starting with one of these as a formula. */
static bool formula_like(const char *s)
{
	return *s && strchr("=+-@", *s) != NULL;
}

/* Guarded on the way out: a formula, or text that starts with the guard
 * itself (so that reading back takes exactly one off). */
static bool guarded(const char *s)
{
	return formula_like(s) || s[0] == '\'';
}

const char *csv_unguard(const char *s)
{
	return s && s[0] == '\'' && guarded(s + 1) ? s + 1 : s;
}

void csv_field(FILE *f, const char *s, int first)
{
	const char *guard;
	size_t n;

	if (!first)
		fputc(',', f);
	if (!s)
		s = "";
	/* shown as text, never run (csv_unguard() reads it back) */
	guard = guarded(s) ? "'" : "";
	n = strlen(s);
	if (strpbrk(s, ",\"\r\n") == NULL && (n == 0 || (s[0] != ' ' && s[n - 1] != ' '))) {
		fputs(guard, f);
		fputs(s, f);
		return;
	}
	fputc('"', f);
	fputs(guard, f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void csv_row(FILE *f, const char *const *fields, int n)
{
	int i;

	for (i = 0; i < n; i++)
		csv_field(f, fields[i], i == 0);
	fputs("\r\n", f);
}

const char *csv_encoding_name(enum csv_encoding e)
{
	switch (e) {
	case CSV_UTF8:
		return "UTF-8";
	case CSV_UTF8_BOM:
		return "UTF-8 (BOM)";
	case CSV_GB18030:
		return "GB18030";
	}
	return "?";
}

/* The spreadsheet row the byte at off is on: line ends outside quotes
 * start a new row, line breaks inside a quoted field do not. */
static int row_at(const char *data, size_t off)
{
	bool quoted = false;
	int row = 1;
	size_t i;

	for (i = 0; i < off; i++) {
		if (data[i] == '"')
			quoted = !quoted;
		else if (!quoted && data[i] == '\n')
			row++;
		else if (!quoted && data[i] == '\r' && data[i + 1] != '\n')
			row++;
	}
	return row;
}

/* Scans for UTF-8: the offset of the first byte that is not valid UTF-8
 * (len when all is), and how many valid multibyte characters and invalid
 * bytes the whole holds. */
static size_t utf8_scan(const char *data, size_t len, long *multibyte, long *invalid)
{
	size_t i = 0, first_bad = len;
	uint32_t cp;
	int n;

	*multibyte = *invalid = 0;
	while (i < len) {
		n = data[i] == '\0' ? -1 : utf8_decode(data + i, len - i, &cp);
		if (n < 0) {
			if (first_bad == len)
				first_bad = i;
			(*invalid)++;
			i++;
			continue;
		}
		if (n > 1)
			(*multibyte)++;
		i += (size_t)n;
	}
	return first_bad;
}

static char *copy_bytes(const char *data, size_t len)
{
	char *s = xmalloc(len + 1);

	memcpy(s, data, len);
	s[len] = '\0';
	return s;
}

/* GB18030 to UTF-8 (a GB18030 character becomes at most 4 UTF-8 bytes).
 * Returns the offset of the first byte that does not convert, or len. */
static size_t from_gb18030(const char *data, size_t len, char **out)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	size_t cap = len * 2 + 4, inleft = len, outleft = cap - 1, bad = 0;
	char *in = (char *)data, *buf, *o;

	*out = NULL;
	if (cd == (iconv_t)-1)
		return 0;
	buf = xmalloc(cap);
	o = buf;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1 ||
	    memchr(buf, '\0', (size_t)(o - buf))) {
		bad = (size_t)(in - data);
		free(buf);
		goto done;
	}
	*o = '\0';
	*out = buf;
	bad = len;
done:
	iconv_close(cd);
	return bad;
}

/* Only a BOM, spaces and line ends. */
static bool blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!strchr(" \t\r\n", s[i]))
			return false;
	return true;
}

enum hd_status csv_decode(const char *data, size_t len, char **out, enum csv_encoding *enc,
			  struct hd_err *err)
{
	bool bom = len >= 3 && memcmp(data, CSV_BOM, 3) == 0;
	size_t skip = bom ? 3 : 0, bad;
	long multibyte, invalid;

	*out = NULL;
	if (blank(data + skip, len - skip))
		return hd_err_set(
			err, HD_BAD_INPUT, "file", "%s",
			_("The file is empty: it needs a header row and at least one row of data."));
	if (len >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE) &&
	    ((unsigned char)data[1] ^ (unsigned char)data[0]) == 0x01)
		return hd_err_set(
			err, HD_BAD_INPUT, "file", "%s",
			_("The file is in UTF-16; save it as \"CSV UTF-8\" or as CSV (GB18030/GBK)."));
	bad = utf8_scan(data + skip, len - skip, &multibyte, &invalid);
	if (bad == len - skip) {
		*out = copy_bytes(data + skip, len - skip);
		*enc = bom ? CSV_UTF8_BOM : CSV_UTF8;
		return HD_OK;
	}
	/* Broken UTF-8 rather than GBK: it says it is UTF-8, or holds more
	 * good UTF-8 characters than bad bytes. */
	if (bom || multibyte > invalid)
		return hd_err_set(err, HD_BAD_INPUT, "file",
				  _("Row %d: the file is UTF-8 but has a broken character there; "
				    "save it again as UTF-8 or GB18030."),
				  row_at(data + skip, bad));
	bad = from_gb18030(data, len, out);
	if (memchr(data, '\0', len) && (size_t)((const char *)memchr(data, '\0', len) - data) < bad)
		bad = (size_t)((const char *)memchr(data, '\0', len) - data);
	if (*out) {
		*enc = CSV_GB18030;
		return HD_OK;
	}
	return hd_err_set(
		err, HD_BAD_INPUT, "file",
		_("Row %d: the file is neither UTF-8 nor GB18030/GBK text; save it as CSV in "
		  "one of them."),
		row_at(data, bad));
}

/* A growing record under construction. */
struct rec_build {
	char **fields;
	int n, cap;
};

static void push_field(struct rec_build *r, char *field)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->fields = xrealloc(r->fields, (size_t)r->cap * sizeof(*r->fields));
	}
	r->fields[r->n++] = field;
}

/* A blank line, or a row of empty cells (what a spreadsheet saves after
 * cells were cleared). */
static bool blank_record(const struct rec_build *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (r->fields[i][0] != '\0')
			return false;
	return true;
}

/* Ends the record being built: kept unless it is blank. */
static void end_record(struct csv_table *t, int *cap, struct rec_build *r, int row)
{
	if (blank_record(r)) {
		r->n = 0;
		return;
	}
	if (t->nrecords == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		t->records = xrealloc(t->records, (size_t)*cap * sizeof(*t->records));
	}
	t->records[t->nrecords].row = row;
	t->records[t->nrecords].nfields = r->n;
	t->records[t->nrecords].fields = r->fields;
	t->nrecords++;
	r->fields = NULL;
	r->n = r->cap = 0;
}

enum hd_status csv_parse(const char *text, struct csv_table *t, struct hd_err *err)
{
	size_t len = strlen(text);
	struct rec_build r = { 0 };
	int cap = 0, row = 1, quote_row = 0;
	const char *p = text;
	char *o, *field;
	enum hd_status rc = HD_OK;

	memset(t, 0, sizeof(*t));
	t->store = xmalloc(len + 2);
	o = t->store;
	while (*p || r.n > 0) {
		field = o;
		if (*p == '"') {
			quote_row = row;
			for (p++;; p++) {
				if (*p == '\0') {
					rc = hd_err_set(err, HD_BAD_INPUT, "file",
							_("Row %d: a quoted field is not closed."),
							quote_row);
					goto done;
				}
				if (*p == '"' && p[1] != '"')
					break;
				if (*p == '"')
					p++;
				*o++ = *p;
			}
			p++;
			if (*p && !strchr(",\r\n", *p)) {
				rc = hd_err_set(
					err, HD_BAD_INPUT, "file",
					_("Row %d: there is text after a closing quote; a quote inside "
					  "a field is written twice."),
					row);
				goto done;
			}
		} else {
			while (*p && !strchr(",\r\n", *p))
				*o++ = *p++;
		}
		*o++ = '\0';
		push_field(&r, field);
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == '\r' && p[1] == '\n')
			p++;
		if (*p)
			p++;
		end_record(t, &cap, &r, row);
		row++;
		if (!*p)
			break;
	}
done:
	free(r.fields);
	if (rc != HD_OK)
		csv_free(t);
	return rc;
}

void csv_free(struct csv_table *t)
{
	int i;

	for (i = 0; i < t->nrecords; i++)
		free(t->records[i].fields);
	free(t->records);
	free(t->store);
	memset(t, 0, sizeof(*t));
}
