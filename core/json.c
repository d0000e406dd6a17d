/* SPDX-License-Identifier: GPL-3.0-or-later */
/* json.c - flat JSON objects for the audit snapshots: written as SQLite's
 * json_object() writes them, read by a strict parser of RFC 8259 that never
 * looks past the text's end. */
#include "core/json.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

/* --- writing --- */

static void put(struct json_out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->s = xrealloc(o->s, o->cap);
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
}

static void put_char(struct json_out *o, char c)
{
	put(o, &c, 1);
}

/* A string as SQLite quotes it: " and \ escaped, \b \t \n \f \r short, the
 * other control characters as \u00xx, everything else (UTF-8 too) raw. */
static void put_string(struct json_out *o, const char *s)
{
	static const char
		SHORT[32] = { ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r' };
	static const char HEX[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	char esc[6];

	put_char(o, '"');
	for (; *p; p++) {
		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			put(o, esc, 2);
		} else if (*p < 0x20 && SHORT[*p]) {
			esc[0] = '\\';
			esc[1] = SHORT[*p];
			put(o, esc, 2);
		} else if (*p < 0x20) {
			memcpy(esc, "\\u00", 4);
			esc[4] = HEX[*p >> 4];
			esc[5] = HEX[*p & 15];
			put(o, esc, 6);
		} else {
			put_char(o, (char)*p);
		}
	}
	put_char(o, '"');
}

static void put_key(struct json_out *o, const char *key)
{
	if (o->len > 1)
		put_char(o, ',');
	put_string(o, key);
	put_char(o, ':');
}

void json_begin(struct json_out *o)
{
	o->s = NULL;
	o->len = o->cap = 0;
	put_char(o, '{');
}

void json_add_int(struct json_out *o, const char *key, long long v)
{
	char num[24];

	put_key(o, key);
	put(o, num, (size_t)snprintf(num, sizeof(num), "%lld", v));
}

void json_add_text(struct json_out *o, const char *key, const char *text)
{
	if (!text) {
		json_add_null(o, key);
		return;
	}
	put_key(o, key);
	put_string(o, text);
}

void json_add_null(struct json_out *o, const char *key)
{
	put_key(o, key);
	put(o, "null", 4);
}

/* A real number as SQLite writes one ("%!.15g": 15 digits, always a point
 * or an exponent with one, "1.0e+20"); infinity as 9.0e+999, as SQLite
 * does since 3.45, and not-a-number as null. */
static void json_add_real(struct json_out *o, const char *key, const char *text)
{
	double v = text ? strtod(text, NULL) : 0.0;
	char num[40], *e;
	int n;

	if (isnan(v)) {
		json_add_null(o, key);
		return;
	}
	put_key(o, key);
	if (isinf(v)) {
		put(o, v < 0 ? "-9.0e+999" : "9.0e+999", v < 0 ? 9 : 8);
		return;
	}
	n = snprintf(num, sizeof(num), "%.15g", v == 0.0 ? 0.0 : v);
	e = strchr(num, 'e');
	if (!strchr(num, '.')) {
		if (e) {
			memmove(e + 2, e, strlen(e) + 1);
			memcpy(e, ".0", 2);
		} else {
			memcpy(num + n, ".0", 3);
		}
	}
	put(o, num, strlen(num));
}

char *json_end(struct json_out *o)
{
	char *s;

	put_char(o, '}');
	s = o->s;
	o->s = NULL;
	o->len = o->cap = 0;
	return s;
}

char *json_row(struct db *db, const char *sql, long long id, const char *const *keys)
{
	struct db_stmt *st = NULL;
	struct json_out o;
	char *json = NULL;
	int col;

	if (db_prepare(db, sql, &st, NULL) != HD_OK)
		goto done;
	db_bind_int(st, 1, id);
	if (db_step(st) != DB_ROW)
		goto done;
	json_begin(&o);
	for (col = 0; keys[col]; col++) {
		switch (db_col_kind(st, col)) {
		case DB_KIND_INT:
			json_add_int(&o, keys[col], db_col_int(st, col));
			break;
		case DB_KIND_REAL:
			json_add_real(&o, keys[col], db_col_text(st, col));
			break;
		case DB_KIND_TEXT:
			json_add_text(&o, keys[col], db_col_text(st, col));
			break;
		default:
			json_add_null(&o, keys[col]);
			break;
		}
	}
	json = json_end(&o);
done:
	db_done(st);
	return json;
}

/* --- reading --- */

struct reader {
	const char *p; /* the next byte; the text ends at a NUL, never passed */
};

static void skip_space(struct reader *r)
{
	while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')
		r->p++;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Four hex digits at p into *cp; false when they are not (a NUL stops it). */
static bool read_hex4(const char *p, unsigned *cp)
{
	int i, d;

	*cp = 0;
	for (i = 0; i < 4; i++) {
		d = hex_digit(p[i]);
		if (d < 0)
			return false;
		*cp = *cp * 16 + (unsigned)d;
	}
	return true;
}

static void put_utf8(struct json_out *o, unsigned cp)
{
	char b[4];

	if (cp < 0x80) {
		b[0] = (char)cp;
		put(o, b, 1);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		put(o, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		put(o, b, 3);
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		put(o, b, 4);
	}
}

/* A \u escape after its backslash (r->p at the u); a surrogate pair makes
 * one character, a lone surrogate U+FFFD. */
static bool read_unicode(struct reader *r, struct json_out *o)
{
	unsigned cp, lo;

	if (!read_hex4(r->p + 1, &cp))
		return false;
	r->p += 5;
	if (cp >= 0xD800 && cp < 0xDC00 && r->p[0] == '\\' && r->p[1] == 'u' &&
	    read_hex4(r->p + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		r->p += 6;
	} else if (cp >= 0xD800 && cp < 0xE000) {
		cp = 0xFFFD;
	}
	put_utf8(o, cp);
	return true;
}

/* A string at r->p (its opening quote) into *out (malloc'd); false when it
 * is not one. */
static bool read_string(struct reader *r, char **out)
{
	static const char SIMPLE[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
	struct json_out o = { NULL, 0, 0 };
	const char *s;
	unsigned char c;
	size_t i;

	if (*r->p != '"')
		return false;
	r->p++;
	put(&o, "", 0);
	for (;;) {
		for (s = r->p; *s && *s != '"' && *s != '\\' && (unsigned char)*s >= 0x20; s++)
			;
		put(&o, r->p, (size_t)(s - r->p));
		r->p = s;
		c = (unsigned char)*r->p;
		if (c == '"')
			break;
		if (c != '\\')
			goto fail; /* the end of the text, or a raw control character */
		r->p++;
		if (*r->p == 'u') {
			if (!read_unicode(r, &o))
				goto fail;
			continue;
		}
		for (i = 0; *r->p && SIMPLE[i] && SIMPLE[i] != *r->p; i += 2)
			;
		if (!*r->p || !SIMPLE[i])
			goto fail;
		put_char(&o, SIMPLE[i + 1]);
		r->p++;
	}
	r->p++;
	*out = o.s;
	return true;
fail:
	free(o.s);
	return false;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A number at r->p into m (its text, and its value when whole and within
 * long long; else it is REAL); false when it is not one. */
static bool read_number(struct reader *r, struct json_member *m)
{
	const char *start = r->p;
	bool whole = true;

	if (*r->p == '-')
		r->p++;
	if (*r->p == '0')
		r->p++;
	else if (*r->p >= '1' && *r->p <= '9')
		while (is_digit(*r->p))
			r->p++;
	else
		return false;
	if (*r->p == '.') {
		whole = false;
		r->p++;
		if (!is_digit(*r->p))
			return false;
		while (is_digit(*r->p))
			r->p++;
	}
	if (*r->p == 'e' || *r->p == 'E') {
		whole = false;
		r->p++;
		if (*r->p == '+' || *r->p == '-')
			r->p++;
		if (!is_digit(*r->p))
			return false;
		while (is_digit(*r->p))
			r->p++;
	}
	m->text = xstrndup(start, (size_t)(r->p - start));
	m->kind = JSON_REAL;
	if (whole) {
		errno = 0;
		m->num = strtoll(m->text, NULL, 10);
		if (errno == 0)
			m->kind = JSON_INT;
		else
			m->num = 0;
	}
	return true;
}

/* A word at r->p: true, false or null. */
static bool read_word(struct reader *r, struct json_member *m)
{
	if (strncmp(r->p, "true", 4) == 0) {
		m->kind = JSON_BOOL;
		m->num = 1;
		m->text = xstrdup("true");
		r->p += 4;
	} else if (strncmp(r->p, "false", 5) == 0) {
		m->kind = JSON_BOOL;
		m->text = xstrdup("false");
		r->p += 5;
	} else if (strncmp(r->p, "null", 4) == 0) {
		m->kind = JSON_NULL;
		r->p += 4;
	} else {
		return false;
	}
	return true;
}

static bool read_value(struct reader *r, struct json_member *m)
{
	if (*r->p == '"') {
		m->kind = JSON_TEXT;
		return read_string(r, &m->text);
	}
	if (*r->p == '-' || is_digit(*r->p))
		return read_number(r, m);
	return read_word(r, m);
}

static bool read_object(struct reader *r, struct json_obj *o)
{
	struct json_member *m;
	int cap = 0;

	skip_space(r);
	if (*r->p != '{')
		return false;
	r->p++;
	skip_space(r);
	if (*r->p == '}') {
		r->p++;
		return true;
	}
	for (;;) {
		if (o->n == cap) {
			cap = cap ? cap * 2 : 8;
			o->m = xrealloc(o->m, (size_t)cap * sizeof(*o->m));
		}
		m = &o->m[o->n];
		memset(m, 0, sizeof(*m));
		o->n++;
		skip_space(r);
		if (!read_string(r, &m->key))
			return false;
		skip_space(r);
		if (*r->p != ':')
			return false;
		r->p++;
		skip_space(r);
		if (!read_value(r, m))
			return false;
		skip_space(r);
		if (*r->p == '}')
			break;
		if (*r->p != ',')
			return false;
		r->p++;
	}
	r->p++;
	return true;
}

void json_parse(const char *text, struct json_obj *out)
{
	struct reader r = { text };

	out->m = NULL;
	out->n = 0;
	if (!text)
		return;
	if (read_object(&r, out)) {
		skip_space(&r);
		if (*r.p == '\0')
			return;
	}
	json_obj_free(out);
}

const struct json_member *json_get(const struct json_obj *o, const char *key)
{
	int i;

	for (i = 0; i < o->n; i++)
		if (strcmp(o->m[i].key, key) == 0)
			return &o->m[i];
	return NULL;
}

void json_obj_free(struct json_obj *o)
{
	int i;

	for (i = 0; i < o->n; i++) {
		free(o->m[i].key);
		free(o->m[i].text);
	}
	free(o->m);
	o->m = NULL;
	o->n = 0;
}
