/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_pinyin.c - readings of characters from rime's dictionary, and letters
 * matched against names as initials, whole syllables or both. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/pinyin.h"
#include "core/text.h"

static uint32_t cp_of(const char *s)
{
	uint32_t cp = 0;

	assert_true(utf8_decode(s, strlen(s), &cp) > 0);
	return cp;
}

/* True when reading is one of the readings of the character ch. */
static bool reads(const char *ch, const char *reading)
{
	const char *r[8];
	int n = pinyin_readings(cp_of(ch), r, 8), i;

	for (i = 0; i < n; i++)
		if (strcmp(r[i], reading) == 0)
			return true;
	return false;
}

static void test_polyphonic_characters_carry_every_reading(void **state)
{
	(void)state;
	assert_true(reads("曾", "zeng") && reads("曾", "ceng"));
	assert_true(reads("单", "dan") && reads("单", "chan") && reads("单", "shan"));
	assert_true(reads("解", "jie") && reads("解", "xie"));
	assert_true(reads("区", "qu") && reads("区", "ou"));
	assert_true(reads("乐", "le") && reads("乐", "yue"));
	assert_true(reads("女", "nv"));
	assert_false(reads("张", "chang"));
}

static void test_readings_come_most_common_first(void **state)
{
	const char *r[8];

	(void)state;
	assert_int_equal(pinyin_readings(cp_of("单"), r, 8), 3);
	assert_string_equal(r[0], "dan");
	assert_int_equal(pinyin_readings(cp_of("张"), r, 8), 1);
	assert_string_equal(r[0], "zhang");
	assert_int_equal(pinyin_readings(cp_of("单"), r, 1), 1);
	assert_string_equal(r[0], "dan");
	assert_int_equal(pinyin_readings('A', r, 8), 0);
	assert_int_equal(pinyin_readings(cp_of("·"), r, 8), 0);
}

static void test_letters_are_one_to_32_lower_case_ascii(void **state)
{
	(void)state;
	assert_true(pinyin_letters("x"));
	assert_true(pinyin_letters("xiyanghong"));
	assert_true(pinyin_letters("abcdefghijklmnopqrstuvwxyzabcdef"));
	assert_false(pinyin_letters("abcdefghijklmnopqrstuvwxyzabcdefg"));
	assert_false(pinyin_letters(""));
	assert_false(pinyin_letters(NULL));
	assert_false(pinyin_letters("Xyh"));
	assert_false(pinyin_letters("xy h"));
	assert_false(pinyin_letters("x1"));
	assert_false(pinyin_letters("夕"));
}

static void test_syllable_starts(void **state)
{
	(void)state;
	assert_true(pinyin_syllable_start("zh", 2));
	assert_true(pinyin_syllable_start("zhuang", 6));
	assert_true(pinyin_syllable_start("nv", 2));
	assert_false(pinyin_syllable_start("i", 1));
	assert_false(pinyin_syllable_start("xiy", 3));
	assert_false(pinyin_syllable_start("zhuangg", 7));
	assert_false(pinyin_syllable_start("", 0));
}

static void test_syllables_beginning_with_letters(void **state)
{
	const char *s[32];
	int n;

	(void)state;
	n = pinyin_syllables_from("zhua", 4, s, 32);
	assert_int_equal(n, 4);
	assert_string_equal(s[0], "zhua");
	assert_string_equal(s[1], "zhuai");
	assert_string_equal(s[2], "zhuan");
	assert_string_equal(s[3], "zhuang");
	assert_int_equal(pinyin_syllables_from("zhi", 3, s, 32), 1);
	assert_int_equal(pinyin_syllables_from("zhua", 4, s, 2), 2);
	assert_int_equal(pinyin_syllables_from("iu", 2, s, 32), 0);
}

static void test_initials_syllables_and_mixes_spell_a_name(void **state)
{
	(void)state;
	assert_int_equal(pinyin_prefix("xyh", "夕阳红合唱团"), 3);
	assert_int_equal(pinyin_prefix("xyhhct", "夕阳红合唱团"), 6);
	assert_int_equal(pinyin_prefix("xiyang", "夕阳红合唱团"), 2);
	assert_int_equal(pinyin_prefix("xiyh", "夕阳红合唱团"), 3);
	assert_int_equal(pinyin_prefix("xiyanghong", "夕阳红合唱团"), 3);
	assert_int_equal(pinyin_prefix("x", "夕阳红合唱团"), 1);
	assert_int_equal(pinyin_prefix("zhsf", "张三丰"), 3);
	assert_int_equal(pinyin_prefix("zsf", "张三丰"), 3);
	assert_int_equal(pinyin_prefix("zhangsanf", "张三丰"), 3);
	assert_int_equal(pinyin_prefix("zhangsanfeng", "张三丰"), 3);
	assert_int_equal(pinyin_prefix("zhan", "张三丰"), 1);
}

static void test_every_reading_of_a_polyphonic_character_counts(void **state)
{
	(void)state;
	assert_int_equal(pinyin_prefix("zeng", "曾小贤"), 1);
	assert_int_equal(pinyin_prefix("ceng", "曾小贤"), 1);
	assert_int_equal(pinyin_prefix("zxx", "曾小贤"), 3);
	assert_int_equal(pinyin_prefix("dan", "单田芳"), 1);
	assert_int_equal(pinyin_prefix("shan", "单田芳"), 1);
	assert_int_equal(pinyin_prefix("stf", "单田芳"), 3);
	assert_int_equal(pinyin_prefix("jie", "解放路"), 1);
	assert_int_equal(pinyin_prefix("xiefl", "解放路"), 3);
	assert_int_equal(pinyin_prefix("ou", "区文化馆"), 1);
	assert_int_equal(pinyin_prefix("quwh", "区文化馆"), 3);
	assert_int_equal(pinyin_prefix("yuetuan", "乐团"), 2);
	assert_int_equal(pinyin_prefix("lt", "乐团"), 2);
	assert_int_equal(pinyin_prefix("nvz", "女子太极队"), 2);
}

static void test_spaces_dots_and_punctuation_are_passed_over(void **state)
{
	(void)state;
	assert_int_equal(pinyin_prefix("mlsxjd", "买买提·吐尔逊"), 0);
	assert_int_equal(pinyin_prefix("mmtt", "买买提·吐尔逊"), 5);
	assert_int_equal(pinyin_prefix("xyh", "（夕阳）红"), 5);
	assert_int_equal(pinyin_prefix("xy", "夕 阳"), 3);
	assert_int_equal(pinyin_prefix("xyhc", "夕阳红-合唱团"), 0);
	assert_int_equal(pinyin_prefix("xyhh", "夕阳红-合唱团"), 5);
}

static void test_english_names_and_digits_match_themselves(void **state)
{
	(void)state;
	assert_int_equal(pinyin_prefix("amy", "Amy Lee"), 3);
	assert_int_equal(pinyin_prefix("amyl", "Amy Lee"), 5);
	assert_int_equal(pinyin_prefix("ab", "AB社工服务社"), 2);
	assert_int_equal(pinyin_prefix("absg", "AB社工服务社"), 4);
	assert_int_equal(pinyin_prefix("amx", "Amy Lee"), 0);
}

static void test_no_match_when_a_letter_is_left_or_wrong(void **state)
{
	(void)state;
	assert_int_equal(pinyin_prefix("xyhz", "夕阳红"), 0);
	assert_int_equal(pinyin_prefix("yh", "夕阳红"), 0);
	assert_int_equal(pinyin_prefix("xiyangz", "夕阳红"), 0);
	assert_int_equal(pinyin_prefix("xyi", "夕阳红"), 0);
	assert_int_equal(pinyin_prefix("zang", "张三丰"), 0);
	assert_int_equal(pinyin_prefix("", "张三丰"), 0);
	assert_int_equal(pinyin_prefix("z", ""), 0);
	assert_int_equal(pinyin_prefix("z", "·"), 0);
}

static void test_smallest_count_is_given(void **state)
{
	(void)state;
	/* "xian" is 先 alone, or 西安: one character is enough. */
	assert_int_equal(pinyin_prefix("xian", "先锋队"), 1);
	assert_int_equal(pinyin_prefix("xian", "西安路"), 2);
}

static void test_find_gives_the_first_position_that_spells(void **state)
{
	int count = 0;

	(void)state;
	assert_int_equal(pinyin_find("hct", "夕阳红合唱团", &count), 3);
	assert_int_equal(count, 3);
	assert_int_equal(pinyin_find("xyh", "夕阳红合唱团", &count), 0);
	assert_int_equal(count, 3);
	assert_int_equal(pinyin_find("sg", "阳光社工服务社", &count), 2);
	assert_int_equal(pinyin_find("qq", "阳光社工服务社", &count), -1);
	assert_int_equal(count, 0);
}

static void test_spellings_give_initials_and_full_pinyin_most_common_first(void **state)
{
	struct pinyin_spelling s[PINYIN_SPELLINGS_MAX];
	int n, i;
	bool zeng = false, ceng = false;

	(void)state;
	n = pinyin_spellings("张三丰", 0, s, PINYIN_SPELLINGS_MAX);
	assert_int_equal(n, 1);
	assert_string_equal(s[0].initials, "zsf");
	assert_string_equal(s[0].spelled, "zhangsanfeng");
	n = pinyin_spellings("夕阳红合唱团", 2, s, PINYIN_SPELLINGS_MAX);
	assert_true(n >= 1);
	assert_string_equal(s[0].initials, "hhct");
	assert_string_equal(s[0].spelled, "honghechangtuan");
	n = pinyin_spellings("曾小贤", 0, s, PINYIN_SPELLINGS_MAX);
	for (i = 0; i < n; i++) {
		zeng |= strcmp(s[i].spelled, "zengxiaoxian") == 0;
		ceng |= strcmp(s[i].spelled, "cengxiaoxian") == 0;
	}
	assert_true(zeng && ceng);
	n = pinyin_spellings("AB·社工", 0, s, 1);
	assert_int_equal(n, 1);
	assert_string_equal(s[0].initials, "absg");
	assert_string_equal(s[0].spelled, "abshegong");
	assert_int_equal(pinyin_spellings("··", 0, s, 4), 0);
	/* U+9FEF has no reading: nothing past it is spelled. */
	n = pinyin_spellings("夕阳\xe9\xbf\xaf红", 0, s, 4);
	assert_int_equal(n, 1);
	assert_string_equal(s[0].initials, "xy");
	assert_int_equal(pinyin_prefix("xyh", "夕阳\xe9\xbf\xaf红"), 0);
	assert_true(pinyin_spells(0x9FEF));
	assert_false(pinyin_spells(0xB7));
	assert_int_equal(pinyin_spellings("张三丰", 3, s, 4), 0);
}

static void test_spellings_are_capped_and_cut_to_32_letters(void **state)
{
	struct pinyin_spelling s[PINYIN_SPELLINGS_MAX];
	int n;

	(void)state;
	/* 单 has three readings, 乐 two, 曾 two: twelve ways, eight kept. */
	n = pinyin_spellings("单乐曾单乐曾", 0, s, PINYIN_SPELLINGS_MAX);
	assert_int_equal(n, PINYIN_SPELLINGS_MAX);
	assert_string_equal(s[0].initials, "dlcdlc");
	n = pinyin_spellings("庄庄庄庄庄庄庄庄庄庄", 0, s, 2);
	assert_int_equal(n, 1);
	assert_int_equal(strlen(s[0].spelled), PINYIN_LETTERS_MAX);
	assert_string_equal(s[0].initials, "zzzzzzzzzz");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_polyphonic_characters_carry_every_reading),
		cmocka_unit_test(test_readings_come_most_common_first),
		cmocka_unit_test(test_letters_are_one_to_32_lower_case_ascii),
		cmocka_unit_test(test_syllable_starts),
		cmocka_unit_test(test_syllables_beginning_with_letters),
		cmocka_unit_test(test_initials_syllables_and_mixes_spell_a_name),
		cmocka_unit_test(test_every_reading_of_a_polyphonic_character_counts),
		cmocka_unit_test(test_spaces_dots_and_punctuation_are_passed_over),
		cmocka_unit_test(test_english_names_and_digits_match_themselves),
		cmocka_unit_test(test_no_match_when_a_letter_is_left_or_wrong),
		cmocka_unit_test(test_smallest_count_is_given),
		cmocka_unit_test(test_find_gives_the_first_position_that_spells),
		cmocka_unit_test(test_spellings_give_initials_and_full_pinyin_most_common_first),
		cmocka_unit_test(test_spellings_are_capped_and_cut_to_32_letters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
