/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_json.c - the audit snapshots' JSON: written byte for byte as SQLite's
 * json_object() writes it, read back strictly, never past its end. */
#include "testutil.h"

#include <math.h>

#include "core/db_sqlite.h"
#include "core/json.h"

static const char *const KEYS[] = { "t", "i", "n", "r", "k\"ey", NULL };

/* Puts a row (text t, integer i, NULL, real r) into table j. */
static long long put_row(struct db *db, const char *t, long long i, double r)
{
	sqlite3_stmt *st = NULL;
	long long id = -1;

	if (sqlite3_prepare_v2(db_sqlite(db), "INSERT INTO j(t, i, n, r) VALUES (?1, ?2, NULL, ?3)",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, t, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, i);
		sqlite3_bind_double(st, 3, r);
		if (sqlite3_step(st) == SQLITE_DONE)
			id = sqlite3_last_insert_rowid(db_sqlite(db));
	}
	sqlite3_finalize(st);
	return id;
}

/* The text sql gives with ?1 = text (malloc'd; NULL for NULL). */
static char *sqlite_text(struct db *db, const char *sql, const char *text, long long id)
{
	sqlite3_stmt *st = NULL;
	char *out = NULL;

	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK) {
		if (text)
			sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			out = strdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return out;
}

static void test_json_row_is_byte_for_byte_sqlites_json_object(void **state)
{
	struct tdb *t = *state;
	char controls[40];
	struct {
		const char *t;
		long long i;
		double r;
	} rows[] = {
		{ "中文 团队「阳光」😀", 0, 1.5 },
		{ "say \"hi\" \\ back/slash", -1, 100.0 },
		{ "line\nbreak\ttab\r\b\f", -9223372036854775807LL - 1, 1e20 },
		{ controls, 9223372036854775807LL, 0.1 },
		{ "", 42, 1e-7 },
		{ "é\x7f", -123456789012LL, -2.5 },
		{ "x", 1, 123456789012345678.0 },
		{ "y", 2, -0.0 },
		{ "z", 3, 1e300 * 1e300 },
	};
	size_t k;
	int c;

	tdb_sqlite_only(t);
	for (c = 1; c < 32; c++)
		controls[c - 1] = (char)c;
	controls[31] = '\0';
	assert_int_equal(tdb_int(t->db, "CREATE TABLE j(id INTEGER PRIMARY KEY, t, i, n, r)"), -1);
	for (k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		long long id = put_row(t->db, rows[k].t, rows[k].i, rows[k].r);
		char *ours = json_row(t->db, "SELECT t, i, n, r, t FROM j WHERE id = $1", id, KEYS);
		char *theirs = sqlite_text(t->db,
					   "SELECT json_object('t', t, 'i', i, 'n', n, 'r', r,"
					   " 'k\"ey', t) FROM j WHERE id = ?1",
					   NULL, id);

		assert_non_null(ours);
		assert_non_null(theirs);
		if (isinf(rows[k].r)) /* SQLite 3.40 writes Inf, not JSON; 3.45 9.0e+999 */
			assert_non_null(strstr(ours, "\"r\":9.0e+999,"));
		else
			assert_string_equal(ours, theirs);
		free(ours);
		free(theirs);
	}
	assert_null(json_row(t->db, "SELECT t FROM j WHERE id = $1", 999, KEYS));
}

static void test_json_add_text_is_sqlites_pair(void **state)
{
	struct tdb *t = *state;
	const char *values[] = { "08:30", "打印机 \"前台\"", "a\\b\x01", "" };
	struct json_out o;
	size_t k;

	tdb_sqlite_only(t);
	for (k = 0; k < sizeof(values) / sizeof(values[0]); k++) {
		char *theirs = sqlite_text(t->db, "SELECT json_object('desk.open', ?1)", values[k],
					   0);
		char *ours;

		json_begin(&o);
		json_add_text(&o, "desk.open", values[k]);
		ours = json_end(&o);
		assert_string_equal(ours, theirs);
		free(ours);
		free(theirs);
	}
	json_begin(&o);
	json_add_int(&o, "start", -5);
	json_add_text(&o, "reason", NULL);
	json_add_null(&o, "x");
	{
		char *s = json_end(&o);

		assert_string_equal(s, "{\"start\":-5,\"reason\":null,\"x\":null}");
		free(s);
	}
	json_begin(&o);
	{
		char *s = json_end(&o);

		assert_string_equal(s, "{}");
		free(s);
	}
}

static void test_json_parse_reads_back_what_was_written(void **state)
{
	struct json_out o;
	struct json_obj j;
	const struct json_member *m;
	char *s;

	(void)state;
	json_begin(&o);
	json_add_text(&o, "name", "中文 \"q\" \\ \n\t\x01 😀");
	json_add_int(&o, "start", -9223372036854775807LL - 1);
	json_add_null(&o, "org");
	s = json_end(&o);
	json_parse(s, &j);
	free(s);
	assert_int_equal(j.n, 3);
	m = json_get(&j, "name");
	assert_non_null(m);
	assert_int_equal(m->kind, JSON_TEXT);
	assert_string_equal(m->text, "中文 \"q\" \\ \n\t\x01 😀");
	m = json_get(&j, "start");
	assert_int_equal(m->kind, JSON_INT);
	assert_true(m->num == -9223372036854775807LL - 1);
	assert_int_equal(json_get(&j, "org")->kind, JSON_NULL);
	assert_null(json_get(&j, "nothing"));
	json_obj_free(&j);

	json_parse(" {\"a\" : true ,\"b\":false, \"c\":1.5e3, \"d\":99999999999999999999,"
		   " \"e\":\"\\u00e9\\ud83d\\ude00\\ud800\\/\", \"a\":2}\n",
		   &j);
	assert_int_equal(j.n, 6);
	assert_int_equal(json_get(&j, "a")->kind, JSON_BOOL);
	assert_int_equal(json_get(&j, "a")->num, 1);
	assert_int_equal(json_get(&j, "b")->num, 0);
	assert_int_equal(json_get(&j, "c")->kind, JSON_REAL);
	assert_string_equal(json_get(&j, "c")->text, "1.5e3");
	assert_int_equal(json_get(&j, "d")->kind, JSON_REAL);
	assert_string_equal(json_get(&j, "e")->text, "é😀\xef\xbf\xbd/");
	json_obj_free(&j);
}

static void test_json_parse_takes_anything_else_as_empty(void **state)
{
	static const char *const BAD[] = {
		"",
		"{",
		"}",
		"[]",
		"1",
		"\"a\"",
		"null",
		"{\"a\":}",
		"{\"a\":1,}",
		"{,}",
		"{\"a\":[1]}",
		"{\"a\":{}}",
		"{\"a\":01}",
		"{\"a\":1.}",
		"{\"a\":-}",
		"{\"a\":.5}",
		"{\"a\":1e}",
		"{\"a\":+1}",
		"{\"a\":tru}",
		"{\"a\":nul}",
		"{\"a\":\"x\ny\"}",
		"{\"a\":\"\\x\"}",
		"{\"a\":\"\\u12\"}",
		"{\"a\":\"\\u12g4\"}",
		"{} x",
		"{}{}",
		"{\"a\" 1}",
		"{'a':1}",
		"{a:1}",
		"{\"a\":1}\f",
		"{\"a\":\"x",
		"{\"a\":\"x\\",
		"{\"a\":\"\\u",
		"{\"a\":1 \"b\":2}",
	};
	struct json_obj j;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(BAD) / sizeof(BAD[0]); k++) {
		json_parse(BAD[k], &j);
		if (j.n != 0)
			fail_msg("read as an object: %s", BAD[k]);
		assert_null(j.m);
	}
	json_parse(NULL, &j);
	assert_int_equal(j.n, 0);
}

/* Every prefix of a snapshot, each in a buffer of its own exact size (so
 * that a read past its end is caught by the sanitizers), reads as empty. */
static void test_json_parse_never_reads_past_the_end(void **state)
{
	const char *full = "{\"a\":\"\\u00e9\\ud83d\\ude00\\n\",\"b\":-12.5e+3,\"c\":true,"
			   "\"d\":null,\"e\":false,\"f\":\"中\"}";
	size_t len = strlen(full), k;
	struct json_obj j;

	(void)state;
	for (k = 0; k < len; k++) {
		char *cut = malloc(k + 1);

		memcpy(cut, full, k);
		cut[k] = '\0';
		json_parse(cut, &j);
		assert_int_equal(j.n, 0);
		free(cut);
	}
	json_parse(full, &j);
	assert_int_equal(j.n, 6);
	json_obj_free(&j);
}

/* The next pseudo-random number below n. */
static unsigned next_below(unsigned *seed, unsigned n)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) % n;
}

#define PICK(seed, t) ((t)[next_below(seed, sizeof(t) / sizeof((t)[0]))])

/* Random objects, mostly well formed, some with a stray token: read as an
 * object of n members exactly when SQLite's json_valid() takes them for a
 * flat object of n members. */
static void test_json_parse_agrees_with_sqlites_json_valid(void **state)
{
	static const char *const KEY[] = { "\"a\"",       "\"b\"",
					   "\"\\u00e9\"", "\"\\ud83d\\ude00\"",
					   "\"\\x\"",     "\"\\u12\"",
					   "\"\\n\\/\"",  "\"c" };
	static const char *const VALUE[] = { "1",     "-0.5e3",  "01",   "1.",       "-",  "2E+2",
					     "true",  "fals",    "null", "[]",       "{}", "[1]",
					     "\"v\"", "\"\\t\"", "\"\\", "\"\\u00\"" };
	static const char *const SEP[] = { ",", "}", " ,", " }\n", "}\f", "}}", ",}" };
	static const char *const STRAY[] = { "\"", "\\", " ", "\n", "x", ":", ",", "{", "]", "" };
	struct tdb *t = *state;
	sqlite3_stmt *st = NULL;
	struct json_obj j;
	char text[256];
	unsigned seed = 12345;
	int round, i, members, objects = 0;

	tdb_sqlite_only(t);
	assert_int_equal(
		sqlite3_prepare_v2(db_sqlite(t->db),
				   "SELECT CASE WHEN json_valid(?1) AND json_type(?1) = 'object'"
				   " AND NOT EXISTS (SELECT 1 FROM json_each(?1)"
				   " WHERE type IN ('array', 'object'))"
				   " THEN (SELECT count(*) FROM json_each(?1)) ELSE 0 END",
				   -1, &st, NULL),
		SQLITE_OK);
	for (round = 0; round < 50000; round++) {
		members = 1 + (int)next_below(&seed, 4);
		strcpy(text, next_below(&seed, 8) ? "{" : " {");
		for (i = 0; i < members; i++) {
			strcat(text, PICK(&seed, KEY));
			strcat(text, next_below(&seed, 10) ? ":" : " : ");
			strcat(text, PICK(&seed, VALUE));
			strcat(text, i + 1 < members ? "," : PICK(&seed, SEP));
			if (next_below(&seed, 12) == 0)
				strcat(text, PICK(&seed, STRAY));
		}
		json_parse(text, &j);
		sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		if (sqlite3_column_int(st, 0) != j.n)
			fail_msg("%s: %d members, SQLite %d", text, j.n, sqlite3_column_int(st, 0));
		objects += j.n > 0;
		sqlite3_reset(st);
		json_obj_free(&j);
	}
	sqlite3_finalize(st);
	assert_true(objects > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_json_row_is_byte_for_byte_sqlites_json_object,
						tdb_setup_sqlite, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_json_add_text_is_sqlites_pair,
						tdb_setup_sqlite, tdb_teardown),
		cmocka_unit_test(test_json_parse_reads_back_what_was_written),
		cmocka_unit_test(test_json_parse_takes_anything_else_as_empty),
		cmocka_unit_test(test_json_parse_never_reads_past_the_end),
		cmocka_unit_test_setup_teardown(test_json_parse_agrees_with_sqlites_json_valid,
						tdb_setup_sqlite, tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
