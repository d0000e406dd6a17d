/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_field.c - fields and forms: choice picking and filtering, the
 * suggestion callback, navigation keys, validation messages. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lists.h"
#include "core/text.h"
#include "forms/field.h"
#include "forms/form.h"

#define assert_field_text(f, expected)                     \
	do {                                               \
		char buf_[EDITOR_TEXT_MAX];                \
		editor_text(&(f)->ed, buf_, sizeof(buf_)); \
		assert_string_equal(buf_, (expected));     \
	} while (0)

#define assert_contains(hay, needle) assert_non_null(strstr((hay), (needle)))

static struct form_event key(enum form_key k)
{
	struct form_event ev = { k, 0 };

	return ev;
}

/* Types utf8 into the field one character at a time, as the keyboard does. */
static void type_field(struct field *f, const char *utf8)
{
	struct form_event ev = { FK_CHAR, 0 };
	size_t left = strlen(utf8);
	int n;

	while (left > 0) {
		n = utf8_decode(utf8, left, &ev.cp);
		assert_true(n > 0);
		field_key(f, ev);
		utf8 += n;
		left -= (size_t)n;
	}
}

static void type_form(struct form *fm, const char *utf8)
{
	type_field(form_current(fm), utf8);
}

static struct field *new_field(const struct field_spec *spec)
{
	struct field *f = malloc(sizeof(*f));

	assert_non_null(f);
	field_init(f, spec);
	return f;
}

static struct field *purpose_field(void)
{
	struct field_spec spec = { .name = "purpose",
				   .label = "来访事由",
				   .kind = FIELD_CHOICE,
				   .required = true,
				   .list = &LIST_PURPOSE };

	return new_field(&spec);
}

/* A suggestion source over a fixed set of names, counting its calls. */
struct people {
	int calls;
	char query[256];
};

static int suggest_people(void *ctx, const char *query, struct suggestion *out, int max)
{
	static const struct suggestion all[] = {
		{ 11, "张三", "138****5678" },
		{ 12, "张三丰", "" },
		{ 13, "李四", "021-****5678" },
		{ 14, "张\x1b[2J伟", "" },
	};
	struct people *p = ctx;
	int i, n = 0;

	p->calls++;
	snprintf(p->query, sizeof(p->query), "%s", query);
	for (i = 0; i < (int)(sizeof(all) / sizeof(all[0])) && n < max; i++)
		if (query[0] && strstr(all[i].label, query))
			out[n++] = all[i];
	return n;
}

static struct field *person_field(struct people *p, bool free_text)
{
	struct field_spec spec = { .name = "visitee",
				   .label = "拜访对象",
				   .kind = FIELD_SUGGEST,
				   .suggest = suggest_people,
				   .suggest_ctx = p,
				   .free_text = free_text,
				   .required = true };

	return new_field(&spec);
}

static void test_choice_digit_picks_by_number(void **state)
{
	struct field *f = purpose_field();

	(void)state;
	type_field(f, "3");
	assert_int_equal(f->chosen, 3);
	assert_true(f->open);
	assert_int_equal(f->match[f->selected], 3);
	assert_string_equal(field_chosen_label(f), list_label(&LIST_PURPOSE, 3));
	assert_true(field_take(f));
	assert_false(f->open);
	assert_int_equal(f->chosen, 3);
	assert_field_text(f, list_label(&LIST_PURPOSE, 3));
	assert_int_equal(field_validate(f, NULL), HD_OK);
	assert_string_equal(f->value, "3");
	free(f);
}

static void test_choice_two_digits_pick_entries_from_ten_up(void **state)
{
	struct field *f = purpose_field();

	(void)state;
	type_field(f, "1");
	assert_int_equal(f->chosen, 1);
	assert_int_equal(field_entry_count(f), 5); /* 1, 10, 11, 12, 13 */
	type_field(f, "2");
	assert_int_equal(f->chosen, 12);
	assert_int_equal(field_entry_count(f), 1);
	assert_int_equal(field_validate(f, NULL), HD_OK);
	assert_int_equal(f->number, 12);
	free(f);
}

static void test_choice_full_width_digit_picks_by_number(void **state)
{
	struct field *f = purpose_field();

	(void)state;
	type_field(f, "５");
	assert_field_text(f, "5");
	assert_int_equal(f->chosen, 5);
	free(f);
}

static void test_choice_chinese_text_filters_by_substring_and_down_enter_take(void **state)
{
	struct field *f = purpose_field();
	struct form fm;

	(void)state;
	form_init(&fm, f, 1);
	type_form(&fm, "指导");
	assert_int_equal(field_entry_count(f), 2);
	assert_int_equal(f->match[0], 2);
	assert_int_equal(f->match[1], 8);
	assert_int_equal(f->chosen, 0);
	assert_int_equal(form_key(&fm, key(FK_DOWN)), FORM_CHANGED);
	assert_int_equal(f->selected, 1);
	assert_int_equal(form_key(&fm, key(FK_DOWN)), FORM_NONE);
	assert_int_equal(form_key(&fm, key(FK_ENTER)), FORM_SUBMIT);
	assert_int_equal(f->chosen, 8);
	assert_int_equal(field_validate(f, NULL), HD_OK);
	assert_string_equal(f->value, "8");
	free(f);
}

static void test_choice_code_word_and_english_name_filter_without_case(void **state)
{
	struct field_spec spec = { .name = "kind",
				   .label = "类型",
				   .kind = FIELD_CHOICE,
				   .list = &LIST_ORG_KIND };
	struct field *f = new_field(&spec);

	(void)state;
	type_field(f, "COMM");
	assert_int_equal(field_entry_count(f), 1);
	assert_int_equal(f->match[0], 2);
	assert_int_equal(f->chosen, 0);
	type_field(f, "unity");
	assert_int_equal(f->chosen, 2);
	field_reset(f);
	type_field(f, "resident org");
	assert_int_equal(field_entry_count(f), 1);
	assert_int_equal(f->match[0], 1);
	free(f);
}

static void test_choice_typing_after_a_pick_replaces_it(void **state)
{
	struct field *f = purpose_field();

	(void)state;
	assert_true(field_choose(f, 9));
	type_field(f, "4");
	assert_field_text(f, "4");
	assert_int_equal(f->chosen, 4);
	assert_true(field_choose(f, 9));
	assert_int_equal(field_key(f, key(FK_BACKSPACE)), FORM_CHANGED);
	assert_true(field_is_empty(f));
	assert_int_equal(f->chosen, 0);
	assert_false(field_choose(f, 14));
	free(f);
}

static void test_choice_not_in_list_is_refused_naming_the_field(void **state)
{
	struct field *f = purpose_field();
	struct hd_err err;

	(void)state;
	type_field(f, "买菜");
	assert_false(f->open);
	assert_int_equal(field_validate(f, &err), HD_BAD_INPUT);
	assert_contains(err.msg, "来访事由");
	assert_string_equal(err.field, "purpose");
	assert_string_equal(f->error, err.msg);
	free(f);
}

static void test_required_empty_choice_names_the_field(void **state)
{
	struct field *f = purpose_field();
	struct hd_err err;

	(void)state;
	assert_int_equal(field_validate(f, &err), HD_BAD_INPUT);
	assert_contains(err.msg, "来访事由");
	free(f);
}

static void test_suggest_callback_gets_the_text_after_each_edit(void **state)
{
	struct people p = { 0, "" };
	struct field *f = person_field(&p, false);

	(void)state;
	type_field(f, "张");
	assert_int_equal(p.calls, 1);
	assert_string_equal(p.query, "张");
	assert_int_equal(field_entry_count(f), 3);
	assert_true(f->open);
	type_field(f, "三");
	assert_int_equal(p.calls, 2);
	assert_string_equal(p.query, "张三");
	assert_int_equal(field_entry_count(f), 2);
	assert_int_equal(field_key(f, key(FK_BACKSPACE)), FORM_CHANGED);
	assert_int_equal(p.calls, 3);
	assert_string_equal(p.query, "张");
	free(f);
}

/* Letters being composed into the empty field are what it suggests for
 * meanwhile; once they end, its text is again. A field holding text keeps
 * its list. */
static void test_suggestions_follow_composed_letters_while_empty(void **state)
{
	struct people p = { 0, "" };
	struct field *f = person_field(&p, true);

	(void)state;
	field_compose(f, "三");
	assert_string_equal(p.query, "三");
	assert_int_equal(field_entry_count(f), 2);
	assert_true(f->open);
	assert_true(field_is_empty(f));
	field_compose(f, "");
	assert_string_equal(p.query, "");
	assert_int_equal(field_entry_count(f), 0);
	assert_false(f->open);
	type_field(f, "李");
	field_compose(f, "zhang");
	assert_string_equal(p.query, "李");
	assert_int_equal(field_entry_count(f), 1);
	free(f);
}

static void test_suggest_callback_not_called_when_text_did_not_change(void **state)
{
	struct people p = { 0, "" };
	struct field *f = person_field(&p, false);

	(void)state;
	field_set_text(f, "李");
	assert_int_equal(p.calls, 0);
	field_key(f, key(FK_LEFT));
	field_key(f, key(FK_HOME));
	assert_int_equal(field_key(f, key(FK_BACKSPACE)), FORM_NONE);
	assert_int_equal(field_key(f, key(FK_WORD_DELETE)), FORM_NONE);
	assert_int_equal(p.calls, 0);
	free(f);
}

static void test_suggest_down_and_enter_take_the_selection(void **state)
{
	struct people p = { 0, "" };
	struct field *fields = calloc(2, sizeof(*fields));
	struct field_spec note = { .name = "note", .label = "备注", .kind = FIELD_TEXT };
	struct field_spec visitee = { .name = "visitee",
				      .label = "拜访对象",
				      .kind = FIELD_SUGGEST,
				      .suggest = suggest_people,
				      .suggest_ctx = &p,
				      .required = true };
	struct form fm;

	(void)state;
	assert_non_null(fields);
	field_init(&fields[0], &visitee);
	field_init(&fields[1], &note);
	form_init(&fm, fields, 2);
	type_form(&fm, "张三");
	assert_int_equal(form_key(&fm, key(FK_DOWN)), FORM_CHANGED);
	assert_int_equal(fm.focus, 0);
	assert_int_equal(form_key(&fm, key(FK_ENTER)), FORM_MOVED);
	assert_int_equal(fm.focus, 1);
	assert_int_equal(fields[0].chosen_id, 12);
	assert_field_text(&fields[0], "张三丰");
	assert_false(fields[0].open);
	assert_int_equal(p.calls, 2);
	assert_int_equal(field_validate(&fields[0], NULL), HD_OK);
	assert_string_equal(fields[0].value, "12");
	free(fields);
}

static void test_suggest_label_is_sanitised_when_taken(void **state)
{
	struct people p = { 0, "" };
	struct field *f = person_field(&p, false);
	char out[64];

	(void)state;
	type_field(f, "伟");
	assert_int_equal(field_entry_count(f), 1);
	field_entry_text(f, 0, out, sizeof(out));
	assert_false(text_has_control(out));
	assert_true(field_take(f));
	assert_int_equal(f->chosen_id, 14);
	assert_field_text(f, "张\xef\xbf\xbd[2J伟");
	free(f);
}

static void test_suggest_needs_a_pick_unless_free_text_is_allowed(void **state)
{
	struct people p = { 0, "" };
	struct field *strict = person_field(&p, false);
	struct field *loose = person_field(&p, true);
	struct hd_err err;

	(void)state;
	type_field(strict, "张");
	assert_int_equal(field_validate(strict, &err), HD_BAD_INPUT);
	assert_contains(err.msg, "拜访对象");
	type_field(loose, "王老师");
	assert_int_equal(field_validate(loose, &err), HD_OK);
	assert_string_equal(loose->value, "王老师");
	assert_int_equal(loose->chosen_id, 0);
	free(strict);
	free(loose);
}

static void test_suggest_text_equal_to_one_label_counts_as_its_pick(void **state)
{
	struct people p = { 0, "" };
	struct field *f = person_field(&p, false);

	(void)state;
	type_field(f, "李四");
	assert_int_equal(field_validate(f, NULL), HD_OK);
	assert_int_equal(f->chosen_id, 13);
	free(f);
}

static void test_entry_text_shows_number_and_label_or_label_and_detail(void **state)
{
	struct people p = { 0, "" };
	struct field *choice = purpose_field();
	struct field *person = person_field(&p, false);
	char out[256], expected[256];

	(void)state;
	type_field(choice, "3");
	field_entry_text(choice, 0, out, sizeof(out));
	snprintf(expected, sizeof(expected), "3 %s", list_label(&LIST_PURPOSE, 3));
	assert_string_equal(out, expected);
	type_field(person, "李");
	field_entry_text(person, 0, out, sizeof(out));
	assert_string_equal(out, "李四  021-****5678");
	field_entry_text(person, 5, out, sizeof(out));
	assert_string_equal(out, "");
	free(choice);
	free(person);
}

/* The visitor form of the tests: name, phone, party, date, time, purpose. */
enum { F_NAME, F_PHONE, F_PARTY, F_DATE, F_TIME, F_PURPOSE, F_COUNT };

static struct field *visitor_fields(struct form *fm)
{
	const struct field_spec specs[F_COUNT] = {
		{ .name = "name",
		  .label = "姓名",
		  .kind = FIELD_TEXT,
		  .required = true,
		  .max_chars = 40 },
		{ .name = "phone", .label = "电话", .kind = FIELD_PHONE },
		{ .name = "party", .label = "人数", .kind = FIELD_NUMBER, .min = 1, .max = 50 },
		{ .name = "date", .label = "日期", .kind = FIELD_DATE },
		{ .name = "time", .label = "时间", .kind = FIELD_TIME },
		{ .name = "purpose",
		  .label = "来访事由",
		  .kind = FIELD_CHOICE,
		  .required = true,
		  .list = &LIST_PURPOSE },
	};
	struct field *fields = calloc(F_COUNT, sizeof(*fields));
	int i;

	assert_non_null(fields);
	for (i = 0; i < F_COUNT; i++)
		field_init(&fields[i], &specs[i]);
	form_init(fm, fields, F_COUNT);
	return fields;
}

static void test_tab_and_shift_tab_move_between_fields_and_wrap(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);

	(void)state;
	assert_int_equal(fm.focus, 0);
	assert_int_equal(form_key(&fm, key(FK_TAB)), FORM_MOVED);
	assert_int_equal(fm.focus, 1);
	assert_int_equal(form_key(&fm, key(FK_BTAB)), FORM_MOVED);
	assert_int_equal(form_key(&fm, key(FK_BTAB)), FORM_MOVED);
	assert_int_equal(fm.focus, F_COUNT - 1);
	assert_int_equal(form_key(&fm, key(FK_TAB)), FORM_MOVED);
	assert_int_equal(fm.focus, 0);
	free(fields);
}

static void test_down_and_up_move_fields_when_no_list_is_open(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);

	(void)state;
	assert_int_equal(form_key(&fm, key(FK_UP)), FORM_NONE);
	assert_int_equal(form_key(&fm, key(FK_DOWN)), FORM_MOVED);
	assert_int_equal(form_key(&fm, key(FK_DOWN)), FORM_MOVED);
	assert_int_equal(fm.focus, 2);
	assert_int_equal(form_key(&fm, key(FK_UP)), FORM_MOVED);
	assert_int_equal(fm.focus, 1);
	assert_true(form_focus(&fm, F_PURPOSE));
	assert_int_equal(form_key(&fm, key(FK_DOWN)), FORM_NONE);
	type_form(&fm, "1");
	assert_true(fields[F_PURPOSE].open);
	assert_int_equal(form_key(&fm, key(FK_UP)), FORM_NONE); /* selection at the top */
	assert_int_equal(form_key(&fm, key(FK_DOWN)), FORM_CHANGED);
	assert_int_equal(fm.focus, F_PURPOSE);
	assert_int_equal(form_key(&fm, key(FK_BTAB)), FORM_MOVED);
	assert_false(fields[F_PURPOSE].open);
	free(fields);
}

static void test_enter_moves_on_and_submits_on_the_last_field(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);
	int i;

	(void)state;
	for (i = 0; i < F_COUNT - 1; i++)
		assert_int_equal(form_key(&fm, key(FK_ENTER)), FORM_MOVED);
	assert_int_equal(fm.focus, F_PURPOSE);
	assert_int_equal(form_key(&fm, key(FK_ENTER)), FORM_SUBMIT);
	assert_true(form_focus(&fm, F_NAME));
	assert_int_equal(form_key(&fm, key(FK_SUBMIT)), FORM_SUBMIT);
	assert_int_equal(fm.focus, F_NAME);
	free(fields);
}

static void test_esc_leaves_and_dirty_says_whether_anything_was_typed(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);

	(void)state;
	assert_false(form_dirty(&fm));
	field_set_text(&fields[F_DATE], "2026-11-23"); /* a default is not typing */
	assert_false(form_dirty(&fm));
	type_form(&fm, "王");
	assert_true(form_dirty(&fm));
	assert_int_equal(form_key(&fm, key(FK_ESC)), FORM_ESC);
	form_reset(&fm);
	assert_false(form_dirty(&fm));
	assert_true(field_is_empty(&fields[F_NAME]));
	assert_true(field_is_empty(&fields[F_DATE]));
	free(fields);
}

static void test_editing_keys_reach_the_focused_field(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);

	(void)state;
	type_form(&fm, "张三 abc");
	assert_int_equal(form_key(&fm, key(FK_WORD_DELETE)), FORM_CHANGED);
	assert_field_text(&fields[F_NAME], "张三 ");
	assert_int_equal(form_key(&fm, key(FK_HOME)), FORM_CHANGED);
	assert_int_equal(form_key(&fm, key(FK_DELETE)), FORM_CHANGED);
	assert_field_text(&fields[F_NAME], "三 ");
	assert_int_equal(form_key(&fm, key(FK_KILL_END)), FORM_CHANGED);
	assert_true(field_is_empty(&fields[F_NAME]));
	assert_int_equal(form_key(&fm, key(FK_LEFT)), FORM_NONE);
	free(fields);
}

static void test_validate_focuses_the_first_failing_field_and_names_it(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);
	struct hd_err err;

	(void)state;
	form_focus(&fm, F_PURPOSE);
	field_set_text(&fields[F_PHONE], "123");
	assert_int_equal(form_validate(&fm, &err), HD_BAD_INPUT);
	assert_int_equal(fm.focus, F_NAME);
	assert_string_equal(err.field, "name");
	assert_contains(err.msg, "姓名");
	assert_contains(fields[F_PHONE].error, "电话");
	assert_contains(fields[F_PURPOSE].error, "来访事由");

	field_set_text(&fields[F_NAME], "张三");
	assert_int_equal(form_validate(&fm, &err), HD_BAD_INPUT);
	assert_int_equal(fm.focus, F_PHONE);
	assert_string_equal(err.field, "phone");
	assert_contains(err.msg, "电话");
	assert_string_equal(fields[F_NAME].error, "");
	free(fields);
}

static void test_validate_all_gives_normalised_values(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);
	struct hd_err err;

	(void)state;
	field_set_text(&fields[F_NAME], "  张三  ");
	field_set_text(&fields[F_PHONE], "138 1234 5678");
	field_set_text(&fields[F_PARTY], "3");
	field_set_text(&fields[F_DATE], "2026/11/3");
	field_set_text(&fields[F_TIME], "9:05");
	field_set_text(&fields[F_PURPOSE], "党建活动");
	assert_int_equal(form_validate(&fm, &err), HD_OK);
	assert_string_equal(fields[F_NAME].value, "张三");
	assert_string_equal(fields[F_PHONE].value, "13812345678");
	assert_string_equal(fields[F_PARTY].value, "3");
	assert_string_equal(fields[F_DATE].value, "2026-11-03");
	assert_string_equal(fields[F_TIME].value, "09:05");
	assert_int_equal(fields[F_TIME].number, 9 * 60 + 5);
	assert_int_equal(fields[F_PURPOSE].number, 9);
	free(fields);
}

static void test_optional_empty_fields_validate_to_empty_values(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);
	int i;

	(void)state;
	field_set_text(&fields[F_NAME], "李四");
	field_set_text(&fields[F_PURPOSE], "1");
	assert_int_equal(form_validate(&fm, NULL), HD_OK);
	for (i = F_PHONE; i <= F_TIME; i++)
		assert_string_equal(fields[i].value, "");
	free(fields);
}

static void test_number_field_refuses_letters_and_takes_full_width_digits(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);
	struct field *party = &fields[F_PARTY];
	struct hd_err err;

	(void)state;
	type_field(party, "a-");
	assert_true(field_is_empty(party));
	assert_false(party->dirty);
	type_field(party, "６0");
	assert_field_text(party, "60");
	assert_int_equal(field_validate(party, &err), HD_BAD_INPUT);
	assert_contains(err.msg, "人数");
	assert_string_equal(err.field, "party");
	type_field(&fields[F_TIME], "9：30");
	assert_field_text(&fields[F_TIME], "9:30");
	free(fields);
}

static void test_typing_into_a_default_replaces_it(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);
	struct field *party = &fields[F_PARTY];

	(void)state;
	field_set_text(party, "1");
	type_field(party, "12");
	assert_field_text(party, "12"); /* not 112 */
	type_field(party, "3");
	assert_field_text(party, "123"); /* edited since: typing appends */
	/* Moving the cursor into a default edits it instead. */
	field_set_text(party, "20");
	field_key(party, key(FK_HOME));
	type_field(party, "1");
	assert_field_text(party, "120");
	/* Backspace deletes one character of a default, not all of it. */
	field_set_text(&fields[F_NAME], "张三丰");
	field_key(&fields[F_NAME], key(FK_BACKSPACE));
	assert_field_text(&fields[F_NAME], "张三");
	type_field(&fields[F_NAME], "丰");
	assert_field_text(&fields[F_NAME], "张三丰");
	free(fields);
}

static void test_editing_clears_the_previous_error(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);

	(void)state;
	assert_int_equal(field_validate(&fields[F_NAME], NULL), HD_BAD_INPUT);
	assert_string_not_equal(fields[F_NAME].error, "");
	type_form(&fm, "赵");
	assert_string_equal(fields[F_NAME].error, "");
	free(fields);
}

static void test_pasted_text_is_refused_whole_when_it_has_controls(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);

	(void)state;
	assert_int_equal(field_insert_text(&fields[F_NAME], "张三\n"), EDITOR_INVALID);
	assert_true(field_is_empty(&fields[F_NAME]));
	assert_false(form_dirty(&fm));
	assert_int_equal(field_insert_text(&fields[F_NAME], "张三"), EDITOR_OK);
	assert_true(form_dirty(&fm));
	free(fields);
}

static void test_find_returns_the_field_of_a_name(void **state)
{
	struct form fm;
	struct field *fields = visitor_fields(&fm);

	(void)state;
	assert_ptr_equal(form_find(&fm, "date"), &fields[F_DATE]);
	assert_null(form_find(&fm, "nothing"));
	free(fields);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_choice_digit_picks_by_number),
		cmocka_unit_test(test_choice_two_digits_pick_entries_from_ten_up),
		cmocka_unit_test(test_choice_full_width_digit_picks_by_number),
		cmocka_unit_test(test_choice_chinese_text_filters_by_substring_and_down_enter_take),
		cmocka_unit_test(test_choice_code_word_and_english_name_filter_without_case),
		cmocka_unit_test(test_choice_typing_after_a_pick_replaces_it),
		cmocka_unit_test(test_choice_not_in_list_is_refused_naming_the_field),
		cmocka_unit_test(test_required_empty_choice_names_the_field),
		cmocka_unit_test(test_suggest_callback_gets_the_text_after_each_edit),
		cmocka_unit_test(test_suggestions_follow_composed_letters_while_empty),
		cmocka_unit_test(test_suggest_callback_not_called_when_text_did_not_change),
		cmocka_unit_test(test_suggest_down_and_enter_take_the_selection),
		cmocka_unit_test(test_suggest_label_is_sanitised_when_taken),
		cmocka_unit_test(test_suggest_needs_a_pick_unless_free_text_is_allowed),
		cmocka_unit_test(test_suggest_text_equal_to_one_label_counts_as_its_pick),
		cmocka_unit_test(test_entry_text_shows_number_and_label_or_label_and_detail),
		cmocka_unit_test(test_tab_and_shift_tab_move_between_fields_and_wrap),
		cmocka_unit_test(test_down_and_up_move_fields_when_no_list_is_open),
		cmocka_unit_test(test_enter_moves_on_and_submits_on_the_last_field),
		cmocka_unit_test(test_esc_leaves_and_dirty_says_whether_anything_was_typed),
		cmocka_unit_test(test_editing_keys_reach_the_focused_field),
		cmocka_unit_test(test_validate_focuses_the_first_failing_field_and_names_it),
		cmocka_unit_test(test_validate_all_gives_normalised_values),
		cmocka_unit_test(test_optional_empty_fields_validate_to_empty_values),
		cmocka_unit_test(test_number_field_refuses_letters_and_takes_full_width_digits),
		cmocka_unit_test(test_typing_into_a_default_replaces_it),
		cmocka_unit_test(test_editing_clears_the_previous_error),
		cmocka_unit_test(test_pasted_text_is_refused_whole_when_it_has_controls),
		cmocka_unit_test(test_find_returns_the_field_of_a_name),
	};

	if (!setlocale(LC_ALL, "C.UTF-8"))
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
