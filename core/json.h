/* SPDX-License-Identifier: GPL-3.0-or-later */
/* json.h - the JSON of the audit snapshots, made and read in C so that every
 * backend stores them alike: flat objects written byte for byte as SQLite's
 * json_object() writes them (compact, the same escapes, UTF-8 kept raw), and
 * a small strict reader of flat objects. */
#ifndef HD_JSON_H
#define HD_JSON_H

#include <stddef.h>

#include "core/db.h"

/* A flat object being written: {"key":value,...}. */
struct json_out {
	char *s;
	size_t len, cap;
};

/* Starts an object in o. */
void json_begin(struct json_out *o);

/* Adds a member: a whole number, text (NULL: null) or null. */
void json_add_int(struct json_out *o, const char *key, long long v);
void json_add_text(struct json_out *o, const char *key, const char *text);
void json_add_null(struct json_out *o, const char *key);

/* Ends the object and returns it (malloc'd, the caller frees); o is empty
 * afterwards. */
char *json_end(struct json_out *o);

/* Runs sql with $1 = id and makes an object of its first row: keys (a
 * NULL-ended list) name columns 0..n-1 in order; whole and real numbers are
 * numbers, text is a string, NULL (and bytes) null. The caller frees the
 * result; NULL when there is no row or the database fails. */
char *json_row(struct db *db, const char *sql, long long id, const char *const *keys);

/* What a member of an object read holds. */
enum json_kind { JSON_NULL, JSON_INT, JSON_REAL, JSON_TEXT, JSON_BOOL };

/* A member: its key (decoded) and value. text is the decoded string of a
 * TEXT, the number as written of an INT or REAL, "true" or "false" of a
 * BOOL, NULL of a NULL; num the value of an INT, 1 or 0 of a BOOL, else 0. */
struct json_member {
	char *key;
	enum json_kind kind;
	char *text;
	long long num;
};

/* A flat object read, its members in the order written. */
struct json_obj {
	struct json_member *m;
	int n;
};

/* Reads text (NULL is fine) as one object whose values are strings,
 * numbers, true, false or null. Anything else (invalid JSON, another type
 * at the top, an array or object as a value, text after the object) reads
 * as the empty object. Free with json_obj_free(). */
void json_parse(const char *text, struct json_obj *out);

/* The first member named key, or NULL. */
const struct json_member *json_get(const struct json_obj *o, const char *key);

/* Frees what json_parse() read (o is empty afterwards). */
void json_obj_free(struct json_obj *o);

#endif
