/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_db_sqlite_fn.c - PostgreSQL's greatest, least, right, strpos and
 * string_agg on SQLite mean what they mean on PostgreSQL. */
#include "testutil.h"

/* The first column of sql's first row as text, "NULL" for NULL. */
static const char *one(struct db *db, const char *sql)
{
	static char out[256];
	struct db_stmt *st = NULL;

	assert_int_equal(db_prepare(db, sql, &st, NULL), HD_OK);
	assert_int_equal(db_step(st), DB_ROW);
	if (db_col_null(st, 0))
		snprintf(out, sizeof(out), "NULL");
	else
		db_column_text(st, 0, out, sizeof(out));
	db_done(st);
	return out;
}

static void test_greatest_and_least_leave_nulls_out(void **state)
{
	struct db *db = ((struct tdb *)*state)->db;

	assert_string_equal(one(db, "SELECT greatest(3, 7, 5)"), "7");
	assert_string_equal(one(db, "SELECT least(3, 7, 5)"), "3");
	assert_string_equal(one(db, "SELECT greatest(NULL, 2, NULL)"), "2");
	assert_string_equal(one(db, "SELECT least(4, NULL)"), "4");
	assert_string_equal(one(db, "SELECT greatest(NULL, NULL)"), "NULL");
	assert_string_equal(one(db, "SELECT least(CAST(NULL AS BIGINT))"), "NULL");
	assert_string_equal(one(db, "SELECT greatest(-9000000000, 2)"), "2");
	assert_string_equal(one(db, "SELECT least(1.5, 2)"), "1.5");
	/* Text in byte order, as PostgreSQL's "C" collation. */
	assert_string_equal(one(db, "SELECT greatest('2026-11-02', '2026-11-10', '')"),
			    "2026-11-10");
	assert_string_equal(one(db, "SELECT least('b', 'B', 'a')"), "B");
	assert_string_equal(one(db, "SELECT greatest('长者', '长')"), "长者");
}

static void test_right_counts_characters(void **state)
{
	struct db *db = ((struct tdb *)*state)->db;

	assert_string_equal(one(db, "SELECT \"right\"('13800138000', 4)"), "8000");
	assert_string_equal(one(db, "SELECT \"right\"('abc', 5)"), "abc");
	assert_string_equal(one(db, "SELECT \"right\"('abc', 0)"), "");
	assert_string_equal(one(db, "SELECT \"right\"('社区服务中心', 2)"), "中心");
	assert_string_equal(one(db, "SELECT \"right\"('社区服务中心', -4)"), "中心");
	assert_string_equal(one(db, "SELECT \"right\"('abc', -5)"), "");
	assert_string_equal(one(db, "SELECT \"right\"(NULL, 4)"), "NULL");
	assert_string_equal(one(db, "SELECT \"right\"('abc', NULL)"), "NULL");
}

static void test_strpos_counts_characters_from_one(void **state)
{
	struct db *db = ((struct tdb *)*state)->db;

	assert_string_equal(one(db, "SELECT strpos('hubdesk', 'desk')"), "4");
	assert_string_equal(one(db, "SELECT strpos('社区服务中心', '服务')"), "3");
	assert_string_equal(one(db, "SELECT strpos('社区服务中心', '书')"), "0");
	assert_string_equal(one(db, "SELECT strpos('abc', '')"), "1");
	assert_string_equal(one(db, "SELECT strpos('', 'a')"), "0");
	assert_string_equal(one(db, "SELECT strpos('Desk', 'd')"), "0");
	assert_string_equal(one(db, "SELECT strpos(NULL, 'a')"), "NULL");
	assert_string_equal(one(db, "SELECT strpos('a', NULL)"), "NULL");
}

static void test_string_agg_skips_nulls(void **state)
{
	struct db *db = ((struct tdb *)*state)->db;

	assert_string_equal(one(db, "SELECT string_agg(x, '、') FROM (SELECT '张三' AS x"
				    " UNION ALL SELECT NULL UNION ALL SELECT '李四'"
				    " UNION ALL SELECT '王五') AS s"),
			    "张三、李四、王五");
	assert_string_equal(
		one(db, "SELECT string_agg(x, ',') FROM (SELECT CAST(NULL AS TEXT) AS x) AS s"),
		"NULL");
	assert_string_equal(
		one(db,
		    "SELECT string_agg(CAST(x AS TEXT), ',') FROM (SELECT 1 AS x) AS s WHERE x = 2"),
		"NULL");
	assert_string_equal(
		one(db, "SELECT string_agg(x, ',') FROM (SELECT CAST('' AS TEXT) AS x) AS s"), "");
	assert_string_equal(one(db, "SELECT string_agg(x, ',') FROM (SELECT CAST('' AS TEXT) AS x"
				    " UNION ALL SELECT '') AS s"),
			    ",");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_greatest_and_least_leave_nulls_out, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_right_counts_characters, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_strpos_counts_characters_from_one, tdb_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_string_agg_skips_nulls, tdb_setup,
						tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
