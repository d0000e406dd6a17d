/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_text.c - UTF-8 decoding, widths, cutting, trimming and sanitising. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>

#include "core/text.h"

#define FFFD "\xEF\xBF\xBD"

static int setup_locale(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static void test_decode_ascii_chinese_and_emoji_give_their_code_points(void **state)
{
	uint32_t cp = 0;

	(void)state;
	assert_int_equal(utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode("\xC3\xA9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(utf8_decode("中", 3, &cp), 3);
	assert_int_equal(cp, 0x4E2D);
	assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
}

static void test_decode_refuses_overlong_surrogate_truncated_and_out_of_range(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), -1);         /* overlong '/' */
	assert_int_equal(utf8_decode("\xE0\x80\xAF", 3, &cp), -1);     /* overlong '/' */
	assert_int_equal(utf8_decode("\xF0\x80\x80\xAF", 4, &cp), -1); /* overlong '/' */
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), -1);     /* U+D800 */
	assert_int_equal(utf8_decode("\xED\xBF\xBF", 3, &cp), -1);     /* U+DFFF */
	assert_int_equal(utf8_decode("\xE4\xB8", 2, &cp), -1);         /* truncated 中 */
	assert_int_equal(utf8_decode("\xE4\xB8\xAD", 2, &cp), -1);     /* len too short */
	assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), -1); /* U+110000 */
	assert_int_equal(utf8_decode("\x80", 1, &cp), -1);             /* lone continuation */
	assert_int_equal(utf8_decode("\xFF", 1, &cp), -1);
	assert_int_equal(utf8_decode("", 0, &cp), -1);
}

/* A string's code points, up to a bound, stopping at malformed UTF-8. */
static void test_code_points_of_a_string(void **state)
{
	uint32_t cps[8];

	(void)state;
	assert_int_equal(text_code_points("夕阳A", cps, 8), 3);
	assert_int_equal(cps[0], 0x5915);
	assert_int_equal(cps[2], 'A');
	assert_int_equal(text_code_points("夕阳红合唱团", cps, 2), 2);
	assert_int_equal(text_code_points("a\xff b", cps, 8), 1);
	assert_int_equal(text_code_points("", cps, 8), 0);
}

static void test_encode_round_trips_and_refuses_surrogates(void **state)
{
	static const uint32_t cps[] = { 0x41, 0xE9, 0x4E2D, 0x3000, 0xFFFD, 0x1F600, 0x10FFFF };
	char buf[4];
	uint32_t back;
	size_t i;
	int n;

	(void)state;
	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		n = utf8_encode(cps[i], buf);
		assert_true(n > 0);
		assert_int_equal(utf8_decode(buf, (size_t)n, &back), n);
		assert_int_equal(back, cps[i]);
	}
	assert_int_equal(utf8_encode(0xD800, buf), 0);
	assert_int_equal(utf8_encode(0x110000, buf), 0);
}

static void test_valid_utf8_accepts_chinese_and_mixed_text(void **state)
{
	(void)state;
	assert_true(text_valid_utf8(""));
	assert_true(text_valid_utf8("社区活动中心 Room 3"));
	assert_true(text_valid_utf8("张三\xF0\x9F\x98\x80"));
	assert_false(text_valid_utf8("abc\xC0\xAF"));
	assert_false(text_valid_utf8("中\xED\xA0\x80"));
	assert_false(text_valid_utf8("中\xE6\x96")); /* truncated at the end */
	assert_false(text_valid_utf8(NULL));
}

static void test_direction_overrides_and_line_separators_count_as_controls(void **state)
{
	(void)state;
	assert_true(text_is_control(0x202E)); /* right-to-left override */
	assert_true(text_is_control(0x2028)); /* line separator */
	assert_true(text_is_control(0x2067)); /* right-to-left isolate */
	assert_true(text_has_control("名\xe2\x80\xae字"));
	assert_false(text_is_control(0x200D)); /* zero-width joiner, used in emoji */
	assert_false(text_is_control(0x3000)); /* ideographic space */
}

static void test_controls_are_c0_c1_and_del(void **state)
{
	(void)state;
	assert_true(text_is_control(0x00));
	assert_true(text_is_control('\t'));
	assert_true(text_is_control(0x1B));
	assert_true(text_is_control(0x7F));
	assert_true(text_is_control(0x85));
	assert_true(text_is_control(0x9B));
	assert_false(text_is_control(' '));
	assert_false(text_is_control(0xA0));
	assert_false(text_is_control(0x4E2D));
	assert_true(text_has_control("张\t三"));
	assert_true(text_has_control("name\n"));
	assert_true(text_has_control("\x1B[2J"));
	assert_true(text_has_control("x\xC2\x9By")); /* C1 CSI */
	assert_false(text_has_control("张三 Zhang"));
}

static void test_chars_count_code_points_not_bytes(void **state)
{
	(void)state;
	assert_int_equal(text_chars(""), 0);
	assert_int_equal(text_chars("abc"), 3);
	assert_int_equal(text_chars("中文abc"), 5);
	assert_int_equal(text_chars("\xF0\x9F\x98\x80!"), 2);
}

static void test_width_counts_cjk_as_two_columns(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width('a'), 1);
	assert_int_equal(text_cp_width(0x4E2D), 2);
	assert_int_equal(text_cp_width(0x3000), 2);
	assert_int_equal(text_cp_width(0xFF21), 2); /* fullwidth A */
	assert_int_equal(text_cp_width(0x0301), 0); /* combining acute */
	assert_int_equal(text_cp_width(0x1B), 1);   /* drawn as U+FFFD */
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("中文abc"), 7);
	assert_int_equal(text_width("社区活动中心"), 12);
	assert_int_equal(text_width("e\xCC\x81"), 1);
}

static void test_width_counts_invalid_bytes_one_column_each(void **state)
{
	(void)state;
	assert_int_equal(text_width("a\xFF\xFE"
				    "b"),
			 4);
	assert_int_equal(text_width("中\xE6\x96"), 4);
}

static void test_cut_never_splits_a_wide_character(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(text_cut("中文abc", 3, out, sizeof(out)), 2);
	assert_string_equal(out, "中");
	assert_int_equal(text_cut("中文abc", 4, out, sizeof(out)), 4);
	assert_string_equal(out, "中文");
	assert_int_equal(text_cut("中文abc", 5, out, sizeof(out)), 5);
	assert_string_equal(out, "中文a");
	assert_int_equal(text_cut("中文abc", 100, out, sizeof(out)), 7);
	assert_string_equal(out, "中文abc");
	assert_int_equal(text_cut("中文abc", 1, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_cut("中文abc", 0, out, sizeof(out)), 0);
	assert_string_equal(out, "");
}

static void test_cut_keeps_whole_characters_when_the_buffer_is_small(void **state)
{
	char out[5];

	(void)state;
	/* 5 bytes hold one Chinese character (3) and the NUL, not two. */
	assert_int_equal(text_cut("中文", 10, out, sizeof(out)), 2);
	assert_string_equal(out, "中");
	assert_true(text_valid_utf8(out));
}

static void test_cut_replaces_controls_and_invalid_bytes(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(text_cut("a\x1B[2Jb", 10, out, sizeof(out)), 6);
	assert_string_equal(out, "a" FFFD "[2Jb");
	assert_int_equal(text_cut("张\xFF三", 10, out, sizeof(out)), 5);
	assert_string_equal(out, "张" FFFD "三");
	assert_int_equal(text_cut("x\xC0\xAFy", 3, out, sizeof(out)), 3);
	assert_string_equal(out, "x" FFFD FFFD);
}

static void test_sanitise_replaces_controls_so_nothing_moves_the_cursor(void **state)
{
	char out[64];

	(void)state;
	text_sanitise("张三\r\n\x1B[31m", out, sizeof(out));
	assert_string_equal(out, "张三" FFFD FFFD FFFD "[31m");
	text_sanitise("ok\x7F\xC2\x9B", out, sizeof(out));
	assert_string_equal(out, "ok" FFFD FFFD);
	text_sanitise("surrogate\xED\xA0\x80!", out, sizeof(out));
	assert_string_equal(out, "surrogate" FFFD FFFD FFFD "!");
	text_sanitise("社区 Centre", out, sizeof(out));
	assert_string_equal(out, "社区 Centre");
	assert_false(text_has_control(out));
}

static void test_sanitise_truncates_on_a_character_boundary(void **state)
{
	char out[7];

	(void)state;
	text_sanitise("中文字", out, sizeof(out));
	assert_string_equal(out, "中文");
	text_sanitise("a\x01中", out, 5);
	assert_string_equal(out, "a" FFFD);
}

static void test_trim_drops_ascii_and_ideographic_spaces(void **state)
{
	char out[64];

	(void)state;
	text_trim("  \t张三\n", out, sizeof(out));
	assert_string_equal(out, "张三");
	text_trim("\xE3\x80\x80王 五\xE3\x80\x80 ", out, sizeof(out));
	assert_string_equal(out, "王 五");
	text_trim("中\xE3\x80\x80文", out, sizeof(out));
	assert_string_equal(out, "中\xE3\x80\x80文");
	text_trim(" \xE3\x80\x80 \t", out, sizeof(out));
	assert_string_equal(out, "");
	text_trim("", out, sizeof(out));
	assert_string_equal(out, "");
}

static void test_trim_truncates_on_a_character_boundary(void **state)
{
	char out[6];

	(void)state;
	text_trim("  中文字 ", out, sizeof(out));
	assert_string_equal(out, "中");
}

/* text_normalise passes some text through without libunistring (core/text.c:
 * printable ASCII, CJK ideographs, CJK symbols but the tone marks, full-width
 * ASCII, Chinese quotation marks, dash, ellipsis, middle dot): each such
 * character, between two others, is NFC already by libunistring itself;
 * and text outside that set is still normalised (a decomposed é, a CJK
 * compatibility ideograph). */
static void test_normalise_passes_through_only_text_that_is_nfc_already(void **state)
{
	static const uint32_t SAME[][2] = {
		{ 0x20, 0x7E },     { 0x4E00, 0x9FFF }, { 0x3000, 0x3029 },
		{ 0x3030, 0x303F }, { 0xFF01, 0xFF5E }, { 0x2018, 0x201D },
		{ 0x2014, 0x2014 }, { 0x2026, 0x2026 }, { 0xB7, 0xB7 },
	};
	void *lib = dlopen("libunistring.so.2", RTLD_NOW | RTLD_LOCAL);
	uint8_t *(*nfc)(uninorm_t, const uint8_t *, size_t, uint8_t *, size_t *);
	uninorm_t form;
	char in[16], *out;
	uint8_t *r;
	uint32_t cp, invisible;
	size_t i, n, rn;

	(void)state;
	assert_non_null(lib);
	nfc = (uint8_t * (*)(uninorm_t, const uint8_t *, size_t, uint8_t *, size_t *))
		dlsym(lib, "u8_normalize");
	form = dlsym(lib, "uninorm_nfc");
	assert_non_null(nfc);
	assert_non_null(form);
	for (i = 0; i < sizeof(SAME) / sizeof(SAME[0]); i++) {
		for (cp = SAME[i][0]; cp <= SAME[i][1]; cp++) {
			in[0] = 'A';
			n = 1 + (size_t)utf8_encode(cp, in + 1);
			in[n++] = 'B';
			in[n] = '\0';
			r = nfc(form, (const uint8_t *)in, n, NULL, &rn);
			assert_non_null(r);
			if (rn != n || memcmp(r, in, n) != 0)
				fail_msg("U+%04X changes under NFC", (unsigned)cp);
			free(r);
		}
	}
	out = text_normalise("caf\x65\xcc\x81", &invisible); /* e + U+0301 */
	assert_string_equal(out, "caf\xc3\xa9");
	free(out);
	out = text_normalise("\xef\xa4\x80", &invisible); /* U+F900 */
	assert_string_equal(out, "\xe8\xb1\x88");         /* U+8C48 */
	free(out);
	out = text_normalise("花园街道社会组织服务中心", &invisible);
	assert_string_equal(out, "花园街道社会组织服务中心");
	free(out);
	dlclose(lib);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_ascii_chinese_and_emoji_give_their_code_points),
		cmocka_unit_test(test_code_points_of_a_string),
		cmocka_unit_test(test_normalise_passes_through_only_text_that_is_nfc_already),
		cmocka_unit_test(test_direction_overrides_and_line_separators_count_as_controls),
		cmocka_unit_test(test_decode_refuses_overlong_surrogate_truncated_and_out_of_range),
		cmocka_unit_test(test_encode_round_trips_and_refuses_surrogates),
		cmocka_unit_test(test_valid_utf8_accepts_chinese_and_mixed_text),
		cmocka_unit_test(test_controls_are_c0_c1_and_del),
		cmocka_unit_test(test_chars_count_code_points_not_bytes),
		cmocka_unit_test(test_width_counts_cjk_as_two_columns),
		cmocka_unit_test(test_width_counts_invalid_bytes_one_column_each),
		cmocka_unit_test(test_cut_never_splits_a_wide_character),
		cmocka_unit_test(test_cut_keeps_whole_characters_when_the_buffer_is_small),
		cmocka_unit_test(test_cut_replaces_controls_and_invalid_bytes),
		cmocka_unit_test(test_sanitise_replaces_controls_so_nothing_moves_the_cursor),
		cmocka_unit_test(test_sanitise_truncates_on_a_character_boundary),
		cmocka_unit_test(test_trim_drops_ascii_and_ideographic_spaces),
		cmocka_unit_test(test_trim_truncates_on_a_character_boundary),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
