/* SPDX-License-Identifier: GPL-3.0-or-later */
/* csv.h - CSV as spreadsheets exchange it: written as UTF-8 with a BOM,
 * RFC 4180 quoting and CRLF line ends (Excel and WPS on Chinese Windows
 * open it with the Chinese intact); read from UTF-8 (with or without BOM)
 * or GB18030/GBK (what Excel on Chinese Windows saves), detected, with rows
 * numbered as a spreadsheet numbers them (the header is row 1). */
#ifndef HD_CSV_H
#define HD_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "core/status.h"

/* The byte order mark that starts every file hubdesk writes. */
#define CSV_BOM "\xEF\xBB\xBF"

/* Writes one field, quoted when it holds a comma, a quote, a line break or
 * leading or trailing space; a comma is written before it unless first. A
 * field a spreadsheet would run as a formula (starting with = + - or @)
 * gets an apostrophe before it, so that it shows as text; so does a field
 * that starts with an apostrophe, so that reading back is exact. */
void csv_field(FILE *f, const char *s, int first);

/* A field as written before csv_field() guarded it against formulas. */
const char *csv_unguard(const char *s);

/* Writes the n fields of one record and its CRLF. */
void csv_row(FILE *f, const char *const *fields, int n);

/* The encodings a file is read in. */
enum csv_encoding { CSV_UTF8, CSV_UTF8_BOM, CSV_GB18030 };

/* The name of an encoding for people ("UTF-8", "GB18030"). */
const char *csv_encoding_name(enum csv_encoding e);

/* Converts the bytes of a file to UTF-8 (malloc'd, NUL-terminated, the BOM
 * dropped; the caller frees *out) and says which encoding it was in.
 * HD_BAD_INPUT naming the row of the first broken byte when the file is
 * neither UTF-8 nor GB18030 (or UTF-16, which is named as such), and for
 * an empty file. */
enum hd_status csv_decode(const char *data, size_t len, char **out, enum csv_encoding *enc,
			  struct hd_err *err);

/* A record of a CSV file: its fields (pointers into the table's own
 * storage) and the spreadsheet row it starts on. */
struct csv_record {
	int row;
	int nfields;
	char **fields;
};

struct csv_table {
	struct csv_record *records; /* the header is records[0] */
	int nrecords;
	char *store; /* the fields' bytes */
};

/* Parses UTF-8 text (RFC 4180: quoted fields may hold commas, quotes
 * doubled and line breaks; CRLF, LF or CR line ends; a last line without
 * its end) into *t; csv_free() it. Blank lines and rows of empty cells
 * are skipped but counted.
 * HD_BAD_INPUT naming the row of an unclosed quote or of text after a
 * closing quote. */
enum hd_status csv_parse(const char *text, struct csv_table *t, struct hd_err *err);

/* Frees what csv_parse() allocated and zeroes *t. */
void csv_free(struct csv_table *t);

#endif
