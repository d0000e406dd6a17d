/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_csv.c - CSV as spreadsheets exchange it: fields quoted only when they
 * must be, RFC 4180 records with their spreadsheet row numbers, UTF-8 and
 * GB18030/GBK told apart and broken files named by row; and the months of
 * report periods. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/csv.h"
#include "core/period.h"

/* What the writer gives: run fn on an open_memstream and return the text
 * (malloc'd). */
struct mem {
	char *buf;
	size_t len;
	FILE *f;
};

static FILE *mem_open(struct mem *m)
{
	m->buf = NULL;
	m->len = 0;
	m->f = open_memstream(&m->buf, &m->len);
	assert_non_null(m->f);
	return m->f;
}

static char *mem_close(struct mem *m)
{
	fclose(m->f);
	return m->buf;
}

/* One field written as first (no separator) or after another. */
static void assert_field(const char *in, int first, const char *want)
{
	struct mem m;
	char *got;

	csv_field(mem_open(&m), in, first);
	got = mem_close(&m);
	assert_string_equal(got, want);
	free(got);
}

/* The bytes of UTF-8 text in another encoding (malloc'd, *len its length). */
static char *convert(const char *to, const char *utf8, size_t *len)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	size_t inleft = strlen(utf8), cap = inleft * 4 + 8, outleft = cap;
	char *in = (char *)utf8, *buf = malloc(cap), *o = buf;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(buf);
	assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	assert_int_equal(inleft, 0);
	iconv_close(cd);
	*len = (size_t)(o - buf);
	return buf;
}

/* True when the n bytes of needle occur in the len bytes of hay. */
static bool holds(const char *hay, size_t len, const char *needle, size_t n)
{
	size_t i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(hay + i, needle, n) == 0)
			return true;
	return false;
}

/* Decodes len bytes expecting HD_OK, the encoding and the text. */
static void assert_decodes(const char *data, size_t len, enum csv_encoding want_enc,
			   const char *want)
{
	enum csv_encoding enc = CSV_UTF8;
	struct hd_err err = { 0 };
	char *out = NULL;

	if (csv_decode(data, len, &out, &enc, &err) != HD_OK)
		fail_msg("csv_decode: %s", err.msg);
	assert_int_equal(enc, want_enc);
	assert_non_null(out);
	assert_string_equal(out, want);
	free(out);
}

/* Decodes len bytes expecting HD_BAD_INPUT and a message holding need. */
static void assert_refused(const char *data, size_t len, const char *need)
{
	enum csv_encoding enc = CSV_UTF8;
	struct hd_err err = { 0 };
	char *out = (char *)"x";

	assert_int_equal(csv_decode(data, len, &out, &enc, &err), HD_BAD_INPUT);
	assert_null(out);
	if (need && !strstr(err.msg, need))
		fail_msg("message \"%s\" lacks \"%s\"", err.msg, need);
}

/* Parses text expecting HD_OK. */
static void parse_ok(const char *text, struct csv_table *t)
{
	struct hd_err err = { 0 };

	if (csv_parse(text, t, &err) != HD_OK)
		fail_msg("csv_parse: %s", err.msg);
}

static void assert_record(const struct csv_table *t, int i, int row, int n, ...)
{
	va_list ap;
	int k;

	assert_true(i < t->nrecords);
	assert_int_equal(t->records[i].row, row);
	assert_int_equal(t->records[i].nfields, n);
	va_start(ap, n);
	for (k = 0; k < n; k++)
		assert_string_equal(t->records[i].fields[k], va_arg(ap, const char *));
	va_end(ap);
}

/* Parses text expecting HD_BAD_INPUT with "Row <row>:" in the message. */
static void parse_bad(const char *text, int row)
{
	struct csv_table t;
	struct hd_err err = { 0 };
	char need[32];

	assert_int_equal(csv_parse(text, &t, &err), HD_BAD_INPUT);
	assert_int_equal(err.status, HD_BAD_INPUT);
	snprintf(need, sizeof(need), "Row %d:", row);
	if (!strstr(err.msg, need))
		fail_msg("message \"%s\" lacks \"%s\"", err.msg, need);
	assert_int_equal(t.nrecords, 0);
	assert_null(t.records);
}

/* Writing. */

static void test_plain_fields_are_not_quoted(void **state)
{
	(void)state;
	assert_field("plain", 1, "plain");
	assert_field("阳光社工服务社", 1, "阳光社工服务社");
	assert_field("in middle", 1, "in middle");
	assert_field("", 1, "");
	assert_field(NULL, 1, "");
	assert_field("b", 0, ",b");
	assert_field("", 0, ",");
}

static void test_fields_that_need_it_are_quoted(void **state)
{
	(void)state;
	assert_field("a,b", 1, "\"a,b\"");
	assert_field("say \"hi\"", 1, "\"say \"\"hi\"\"\"");
	assert_field("\"", 1, "\"\"\"\"");
	assert_field("line1\r\nline2", 1, "\"line1\r\nline2\"");
	assert_field("line1\nline2", 0, ",\"line1\nline2\"");
	assert_field("cr\r", 1, "\"cr\r\"");
	assert_field(" lead", 1, "\" lead\"");
	assert_field("trail ", 0, ",\"trail \"");
	assert_field(" ", 1, "\" \"");
}

static void test_row_ends_with_crlf_and_reads_back(void **state)
{
	const char *fields[] = { "名称", "a,b", "he said \"ok\"", "two\r\nlines", "", " x " };
	struct csv_table t;
	struct mem m;
	char *got;
	int i;

	(void)state;
	csv_row(mem_open(&m), fields, 6);
	got = mem_close(&m);
	assert_string_equal(got,
			    "名称,\"a,b\",\"he said \"\"ok\"\"\",\"two\r\nlines\",,\" x \"\r\n");
	parse_ok(got, &t);
	assert_int_equal(t.nrecords, 1);
	assert_int_equal(t.records[0].nfields, 6);
	for (i = 0; i < 6; i++)
		assert_string_equal(t.records[0].fields[i], fields[i]);
	csv_free(&t);
	free(got);
}

/* Parsing. */

static void test_crlf_lf_and_cr_line_ends_and_a_last_line_without_end(void **state)
{
	static const char *const texts[] = { "a,b\r\nc,d\r\ne,f\r\n", "a,b\nc,d\ne,f\n",
					     "a,b\rc,d\re,f\r", "a,b\r\nc,d\ne,f",
					     "a,b\rc,d\r\ne,f" };
	struct csv_table t;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		parse_ok(texts[i], &t);
		assert_int_equal(t.nrecords, 3);
		assert_record(&t, 0, 1, 2, "a", "b");
		assert_record(&t, 1, 2, 2, "c", "d");
		assert_record(&t, 2, 3, 2, "e", "f");
		csv_free(&t);
		assert_int_equal(t.nrecords, 0);
		assert_null(t.records);
		assert_null(t.store);
	}
}

static void test_quoted_fields_hold_commas_quotes_and_line_breaks(void **state)
{
	struct csv_table t;

	(void)state;
	parse_ok("名称,备注\r\n"
		 "\"甲,乙\",\"他说\"\"好\"\"\"\r\n"
		 "\"第一行\r\n第二行\nthird\",x\r\n"
		 "丙,\"\"\r\n",
		 &t);
	assert_int_equal(t.nrecords, 4);
	assert_record(&t, 0, 1, 2, "名称", "备注");
	assert_record(&t, 1, 2, 2, "甲,乙", "他说\"好\"");
	assert_record(&t, 2, 3, 2, "第一行\r\n第二行\nthird", "x");
	/* The record after a multi-line cell is the next spreadsheet row. */
	assert_record(&t, 3, 4, 2, "丙", "");
	csv_free(&t);
}

static void test_blank_lines_are_skipped_but_counted(void **state)
{
	struct csv_table t;

	(void)state;
	parse_ok("h1,h2\r\n\r\na,b\r\n\r\n\r\nc,d\r\n\r\n", &t);
	assert_int_equal(t.nrecords, 3);
	assert_record(&t, 0, 1, 2, "h1", "h2");
	assert_record(&t, 1, 3, 2, "a", "b");
	assert_record(&t, 2, 6, 2, "c", "d");
	csv_free(&t);
	parse_ok("h\n\n\nx", &t);
	assert_int_equal(t.nrecords, 2);
	assert_record(&t, 1, 4, 1, "x");
	csv_free(&t);
}

static void test_empty_fields_and_a_trailing_comma(void **state)
{
	struct csv_table t;

	(void)state;
	/* A row of empty cells (what a spreadsheet saves after cells were
	 * cleared) is skipped like a blank line, and counted. */
	parse_ok("a,,c,\r\n,,\r\nx,", &t);
	assert_int_equal(t.nrecords, 2);
	assert_record(&t, 0, 1, 4, "a", "", "c", "");
	assert_record(&t, 1, 3, 2, "x", "");
	csv_free(&t);
}

static void test_an_unclosed_quote_names_the_row_it_started_on(void **state)
{
	(void)state;
	parse_bad("h\r\n\"x\r\ny\"\r\n\"open\r\nmore\r\nstill\r\n", 3);
	parse_bad("\"h", 1);
	parse_bad("a,b\nc,\"d\ne,f\n", 2);
}

static void test_text_after_a_closing_quote_names_its_row(void **state)
{
	(void)state;
	parse_bad("h\r\nok\r\n\"ab\"c,d\r\n", 3);
	parse_bad("h,i\r\n\"multi\r\nline\",ok\r\nx,\"y\" \r\n", 3);
	parse_bad("\"a\"\"b\"x\r\n", 1);
}

/* Encodings. */

static void test_utf8_with_and_without_bom(void **state)
{
	const char *text = "名称,联系人\r\n阳光社工服务社,张三\r\n";
	char with_bom[128];

	(void)state;
	assert_decodes(text, strlen(text), CSV_UTF8, text);
	snprintf(with_bom, sizeof(with_bom), "%s%s", CSV_BOM, text);
	assert_decodes(with_bom, strlen(with_bom), CSV_UTF8_BOM, text);
	assert_decodes("a,b\nc,d\n", 8, CSV_UTF8, "a,b\nc,d\n");
	assert_string_equal(csv_encoding_name(CSV_UTF8), "UTF-8");
	assert_non_null(strstr(csv_encoding_name(CSV_UTF8_BOM), "UTF-8"));
	assert_string_equal(csv_encoding_name(CSV_GB18030), "GB18030");
}

static void test_gbk_bytes_are_read_as_gb18030(void **state)
{
	const char *text = "名称,联系人,联系电话\r\n阳光社工服务社,张三,13812345678\r\n"
			   "彩虹志愿者协会,李四,13900001111\r\n";
	size_t len;
	char *gbk = convert("GBK", text, &len);

	(void)state;
	assert_true(len < strlen(text)); /* two bytes a character, not three */
	assert_decodes(gbk, len, CSV_GB18030, text);
	free(gbk);
}

static void test_a_gb18030_four_byte_character_outside_gbk(void **state)
{
	/* U+3400 (CJK extension A) is not in GBK: four bytes in GB18030. */
	const char *text = "名称,备注\r\n㐀字社,中文\r\n";
	size_t len, one;
	char *bytes = convert("GB18030", text, &len), *ext = convert("GB18030", "㐀", &one);

	(void)state;
	assert_int_equal(one, 4);
	assert_true(holds(bytes, len, ext, one));
	assert_decodes(bytes, len, CSV_GB18030, text);
	free(bytes);
	free(ext);
}

static void test_utf8_cut_in_a_character_names_its_row(void **state)
{
	const char *text = "名称,备注\r\n阳光,甲\r\n彩虹,乙丙";
	char with_bom[64];

	(void)state;
	/* The last character loses its last byte: on row 3. */
	assert_refused(text, strlen(text) - 1, "3");
	assert_refused(text, strlen(text) - 2, "Row 3");
	snprintf(with_bom, sizeof(with_bom), "%s%s", CSV_BOM, text);
	assert_refused(with_bom, strlen(with_bom) - 1, "Row 3");
}

static void test_utf16_is_named_and_refused(void **state)
{
	size_t le_len, be_len;
	char *le = convert("UTF-16LE", "\xEF\xBB\xBF名称\r\n甲\r\n", &le_len);
	char *be = convert("UTF-16BE", "\xEF\xBB\xBF名称\r\n甲\r\n", &be_len);

	(void)state;
	assert_int_equal((unsigned char)le[0], 0xFF);
	assert_int_equal((unsigned char)le[1], 0xFE);
	assert_int_equal((unsigned char)be[0], 0xFE);
	assert_int_equal((unsigned char)be[1], 0xFF);
	assert_refused(le, le_len, "UTF-16");
	assert_refused(be, be_len, "UTF-16");
	free(le);
	free(be);
}

static void test_empty_and_blank_files_are_refused(void **state)
{
	(void)state;
	assert_refused("", 0, NULL);
	assert_refused(CSV_BOM, 3, NULL);
	assert_refused(CSV_BOM "\r\n\r\n\n", 8, NULL);
	assert_refused("\r\n \r\n", 5, NULL);
}

static void test_nul_bytes_are_refused(void **state)
{
	static const char utf8[] = "名称,备注\r\n阳光,甲\0乙\r\n";
	static const char ascii[] = "name,note\r\nabc,d\0e\r\nfgh,i\r\n";
	static const char bom[] = CSV_BOM "a\0b\r\n";

	(void)state;
	assert_refused(utf8, sizeof(utf8) - 1, "Row 2");
	assert_refused(bom, sizeof(bom) - 1, "Row 1");
	assert_refused(ascii, sizeof(ascii) - 1, NULL);
}

static void test_nul_in_plain_ascii_names_its_row(void **state)
{
	static const char ascii[] = "name,note\r\nabc,d\0e\r\nfgh,i\r\n";

	(void)state;
	/* Header: "HD_BAD_INPUT naming the row of the first broken byte". */
	assert_refused(ascii, sizeof(ascii) - 1, "Row 2");
}

/* Periods. */

static void assert_month(const char *month, const char *first, const char *last)
{
	char f[DATE_LEN] = "", l[DATE_LEN] = "";
	struct hd_err err = { 0 };
	long fd = 0, ld = 0;

	if (period_month(month, &fd, &ld, &err) != HD_OK)
		fail_msg("period_month(%s): %s", month, err.msg);
	clock_date_of(fd, f, sizeof(f));
	clock_date_of(ld, l, sizeof(l));
	assert_string_equal(f, first);
	assert_string_equal(l, last);
}

static void test_period_month_gives_first_and_last_day(void **state)
{
	static const char *const bad[] = { "2026-13", "26-1",    "",        "2026-00",
					   "2026-1x", "2026/01", "abcd-ef", "2026-01-01" };
	long f, l;
	struct hd_err err;
	size_t i;

	(void)state;
	assert_month("2026-02", "2026-02-01", "2026-02-28");
	assert_month("2024-02", "2024-02-01", "2024-02-29");
	assert_month("2026-12", "2026-12-01", "2026-12-31");
	assert_month("2026-1", "2026-01-01", "2026-01-31");
	assert_month("2026-04", "2026-04-01", "2026-04-30");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&err, 0, sizeof(err));
		if (period_month(bad[i], &f, &l, &err) != HD_BAD_INPUT)
			fail_msg("period_month(\"%s\") was accepted", bad[i]);
		assert_string_equal(err.field, "--month");
		assert_non_null(strstr(err.msg, "--month"));
	}
	assert_int_equal(period_month(NULL, &f, &l, &err), HD_BAD_INPUT);
	assert_int_equal(period_half_year("2026-05", &f, &l, &err), HD_OK);
	assert_int_equal(f, clock_days_from_civil(2026, 1, 1));
	assert_int_equal(l, clock_days_from_civil(2026, 6, 30));
	assert_int_equal(period_half_year("2024-7", &f, &l, &err), HD_OK);
	assert_int_equal(f, clock_days_from_civil(2024, 7, 1));
	assert_int_equal(l, clock_days_from_civil(2024, 12, 31));
	assert_int_equal(period_half_year("2026-13", &f, &l, &err), HD_BAD_INPUT);
}

/* A period of days runs from local midnight of its first day to local
 * midnight after its last; a missing end is no bound, a missing start the
 * beginning of time or today; an end before the start names --to. */
static void test_period_bounds_are_local_midnights(void **state)
{
	long first = clock_days_from_civil(2026, 11, 1), last = clock_days_from_civil(2026, 11, 30);
	struct hd_err err;
	time_t start = 0, end = 0;

	(void)state;
	setenv("TZ", "Asia/Shanghai", 1);
	setenv("HUBDESK_NOW", "2026-11-23T09:00:00+08:00", 1);
	tzset();
	assert_int_equal(period_bounds(first, last, false, &start, &end, &err), HD_OK);
	assert_int_equal((long long)start, (long long)clock_local_midnight(first));
	assert_int_equal((long long)end, (long long)clock_local_midnight(last + 1));
	assert_int_equal(period_bounds(CLOCK_NO_DAY, CLOCK_NO_DAY, false, &start, &end, &err),
			 HD_OK);
	assert_int_equal((long long)start, 0);
	assert_true(end > clock_local_midnight(clock_days_from_civil(2999, 12, 31)));
	assert_int_equal(period_bounds(CLOCK_NO_DAY, last, true, &start, &end, &err), HD_OK);
	assert_int_equal((long long)start, (long long)clock_local_midnight(clock_today()));
	memset(&err, 0, sizeof(err));
	assert_int_equal(period_bounds(last, first, false, &start, &end, &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "--to");
	assert_non_null(strstr(err.msg, "2026-11-01"));
	memset(&err, 0, sizeof(err));
	assert_int_equal(period_read("2026-11-01", "2026-11-31", &first, &last, &err),
			 HD_BAD_INPUT);
	assert_string_equal(err.field, "--to");
	assert_int_equal(period_read(NULL, "2026/12/1", &first, &last, &err), HD_OK);
	assert_int_equal(first, CLOCK_NO_DAY);
	assert_int_equal(last, clock_days_from_civil(2026, 12, 1));
	unsetenv("HUBDESK_NOW");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_fields_are_not_quoted),
		cmocka_unit_test(test_fields_that_need_it_are_quoted),
		cmocka_unit_test(test_row_ends_with_crlf_and_reads_back),
		cmocka_unit_test(test_crlf_lf_and_cr_line_ends_and_a_last_line_without_end),
		cmocka_unit_test(test_quoted_fields_hold_commas_quotes_and_line_breaks),
		cmocka_unit_test(test_blank_lines_are_skipped_but_counted),
		cmocka_unit_test(test_empty_fields_and_a_trailing_comma),
		cmocka_unit_test(test_an_unclosed_quote_names_the_row_it_started_on),
		cmocka_unit_test(test_text_after_a_closing_quote_names_its_row),
		cmocka_unit_test(test_utf8_with_and_without_bom),
		cmocka_unit_test(test_gbk_bytes_are_read_as_gb18030),
		cmocka_unit_test(test_a_gb18030_four_byte_character_outside_gbk),
		cmocka_unit_test(test_utf8_cut_in_a_character_names_its_row),
		cmocka_unit_test(test_utf16_is_named_and_refused),
		cmocka_unit_test(test_empty_and_blank_files_are_refused),
		cmocka_unit_test(test_nul_bytes_are_refused),
		cmocka_unit_test(test_nul_in_plain_ascii_names_its_row),
		cmocka_unit_test(test_period_month_gives_first_and_last_day),
		cmocka_unit_test(test_period_bounds_are_local_midnights),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
