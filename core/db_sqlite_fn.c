/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db_sqlite_fn.c - PostgreSQL's functions that SQLite 3.40 lacks, so that
 * hubdesk's SQL is written once for both: greatest, least, right, strpos
 * and the aggregate string_agg, each meaning what it means on PostgreSQL
 * (NULLs, characters counted as code points). RIGHT is a keyword of both
 * grammars: the SQL calls it as "right"(text, n), which both read as the
 * function. */
#include "core/db_sqlite.h"

#include <string.h>

/* SQLite's order of values of different kinds: NULL, numbers, text, bytes. */
static int kind_rank(int type)
{
	switch (type) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_INTEGER:
	case SQLITE_FLOAT:
		return 1;
	case SQLITE_TEXT:
		return 2;
	default:
		return 3;
	}
}

/* Compares two values that are not NULL as SQLite's BINARY collation does
 * (text byte by byte, as PostgreSQL's "C" collation). */
static int value_cmp(sqlite3_value *a, sqlite3_value *b)
{
	int ta = sqlite3_value_type(a), tb = sqlite3_value_type(b);
	int ra = kind_rank(ta), rb = kind_rank(tb);
	int na, nb, c;

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (ra == 1) {
		if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER) {
			sqlite3_int64 x = sqlite3_value_int64(a), y = sqlite3_value_int64(b);

			return x < y ? -1 : x > y;
		}
		double x = sqlite3_value_double(a), y = sqlite3_value_double(b);

		return x < y ? -1 : x > y;
	}
	const void *pa = ra == 2 ? (const void *)sqlite3_value_text(a) : sqlite3_value_blob(a);
	na = sqlite3_value_bytes(a);
	const void *pb = ra == 2 ? (const void *)sqlite3_value_text(b) : sqlite3_value_blob(b);
	nb = sqlite3_value_bytes(b);
	c = memcmp(pa, pb, (size_t)(na < nb ? na : nb));
	if (c != 0)
		return c < 0 ? -1 : 1;
	return na < nb ? -1 : na > nb;
}

/* greatest(...) (sign 1) and least(...) (sign -1): NULLs are left out; NULL
 * only when every argument is NULL. */
static void extreme(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	int sign = *(const int *)sqlite3_user_data(ctx);
	sqlite3_value *best = NULL;

	for (int i = 0; i < argc; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
			continue;
		if (!best || value_cmp(argv[i], best) * sign > 0)
			best = argv[i];
	}
	if (best)
		sqlite3_result_value(ctx, best);
	else
		sqlite3_result_null(ctx);
}

/* How many code points the UTF-8 text s[0..n) holds. */
static long long utf8_count(const unsigned char *s, int n)
{
	long long count = 0;

	for (int i = 0; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

/* The byte offset of code point k (from 0) in s[0..n); n past the end. */
static int utf8_offset(const unsigned char *s, int n, long long k)
{
	int i = 0;

	while (i < n && k > 0) {
		i++;
		while (i < n && (s[i] & 0xC0) == 0x80)
			i++;
		k--;
	}
	return i;
}

/* right(text, n): the last n characters; a negative n: all but the first
 * -n. NULL when either is NULL. */
static void fn_right(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s;
	long long len, n, skip;
	int bytes, at;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	s = sqlite3_value_text(argv[0]);
	bytes = sqlite3_value_bytes(argv[0]);
	n = sqlite3_value_int64(argv[1]);
	len = utf8_count(s, bytes);
	if (n >= 0)
		skip = n >= len ? 0 : len - n;
	else
		skip = -n >= len ? len : -n;
	at = utf8_offset(s, bytes, skip);
	sqlite3_result_text(ctx, (const char *)s + at, bytes - at, SQLITE_TRANSIENT);
}

/* strpos(text, part): where part first begins in text, counted in
 * characters from 1; 0 when it is not there (1 for an empty part). NULL
 * when either is NULL. */
static void fn_strpos(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s, *p;
	int ns, np;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	s = sqlite3_value_text(argv[0]);
	ns = sqlite3_value_bytes(argv[0]);
	p = sqlite3_value_text(argv[1]);
	np = sqlite3_value_bytes(argv[1]);
	if (!s || !p) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	for (int i = 0; i + np <= ns; i++) {
		if ((s[i] & 0xC0) == 0x80)
			continue;
		if (memcmp(s + i, p, (size_t)np) == 0) {
			sqlite3_result_int64(ctx, utf8_count(s, i) + 1);
			return;
		}
	}
	sqlite3_result_int64(ctx, 0);
}

/* string_agg(value, separator): the values that are not NULL joined, each
 * after the first preceded by its row's separator; NULL when there is none. */
static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_str **acc;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;
	acc = sqlite3_aggregate_context(ctx, sizeof(*acc));
	if (!acc) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (!*acc)
		*acc = sqlite3_str_new(sqlite3_context_db_handle(ctx));
	else if (sqlite3_value_type(argv[1]) != SQLITE_NULL)
		sqlite3_str_append(*acc, (const char *)sqlite3_value_text(argv[1]),
				   sqlite3_value_bytes(argv[1]));
	sqlite3_str_append(*acc, (const char *)sqlite3_value_text(argv[0]),
			   sqlite3_value_bytes(argv[0]));
}

static void agg_final(sqlite3_context *ctx)
{
	sqlite3_str **acc = sqlite3_aggregate_context(ctx, 0);
	int n;
	char *text;

	if (!acc || !*acc) {
		sqlite3_result_null(ctx);
		return;
	}
	n = sqlite3_str_length(*acc);
	text = sqlite3_str_finish(*acc);
	*acc = NULL;
	if (!text && n > 0) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, text ? text : "", n, text ? sqlite3_free : SQLITE_STATIC);
}

void db_sqlite_functions(sqlite3 *h)
{
	static const int greatest = 1, least = -1;
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;

	sqlite3_create_function_v2(h, "greatest", -1, flags, (void *)&greatest, extreme, NULL, NULL,
				   NULL);
	sqlite3_create_function_v2(h, "least", -1, flags, (void *)&least, extreme, NULL, NULL,
				   NULL);
	sqlite3_create_function_v2(h, "right", 2, flags, NULL, fn_right, NULL, NULL, NULL);
	sqlite3_create_function_v2(h, "strpos", 2, flags, NULL, fn_strpos, NULL, NULL, NULL);
	sqlite3_create_function_v2(h, "string_agg", 2, flags, NULL, NULL, agg_step, agg_final,
				   NULL);
}
