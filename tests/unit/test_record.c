/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_record.c - a record's field list: the draft and descriptors it
 * makes, text parsed into typed members, each field's check naming the
 * field, and members written back as text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/record.h"
#include "core/validate.h"

/* A record of the test's own, one field of each kind. */
#define PET_FIELDS(X)                                                                            \
	X(name, "name", REC_TEXT, N_("Name"), "--name", "名称", 2, 0, 8, true, NULL)             \
	X(kind, "kind", REC_CHOICE, N_("Kind"), "--kind", "类型", 1, 0, 0, true, &LIST_ORG_KIND) \
	X(legs, "legs", REC_NUMBER, N_("Members"), "--legs", "腿", 3, 2, 8, true, NULL)          \
	X(age, "age", REC_NUMBER, N_("Age"), "--age", NULL, 0, 0, 30, false, NULL)               \
	X(phone, "phone", REC_PHONE, N_("Phone"), "--phone", NULL, 0, 0, 0, false, NULL)         \
	X(born, "in", REC_DATE, N_("Moved in"), "--in", NULL, 0, 0, 0, false, NULL)              \
	X(owner, "owner", REC_ID, N_("Owner"), NULL, NULL, 0, 0, 0, false, NULL)

struct pet_draft {
	PET_FIELDS(RECORD_MEMBER)
};

#define PET_FIELD(...) RECORD_FIELD(struct pet_draft, __VA_ARGS__)
static const struct record_field PET_LIST[] = { PET_FIELDS(PET_FIELD) };
enum { PET_NFIELDS = 0 PET_FIELDS(RECORD_ONE) };
static const struct record_def PET = { PET_LIST, PET_NFIELDS };

static void test_the_list_makes_typed_members_and_one_descriptor_a_field(void **state)
{
	struct pet_draft d = { .name = "猫", .kind = 2, .legs = REC_NUM(4), .owner = 7 };

	(void)state;
	assert_int_equal(PET_NFIELDS, 7);
	assert_int_equal(PET.count, 7);
	assert_string_equal(PET_LIST[0].name, "name");
	assert_int_equal(PET_LIST[2].offset, offsetof(struct pet_draft, legs));
	assert_ptr_equal(PET_LIST[1].list, &LIST_ORG_KIND);
	assert_ptr_equal(record_field_named(&PET, "in"), &PET_LIST[5]);
	assert_ptr_equal(record_field_of_option(&PET, "--legs"), &PET_LIST[2]);
	assert_null(record_field_of_option(&PET, "--owner"));
	assert_ptr_equal(record_field_at(&PET, 1), &PET_LIST[1]);
	assert_null(record_field_at(&PET, 4));
	assert_int_equal(record_csv_count(&PET), 3);
	assert_true(record_given(&PET_LIST[0], &d));
	assert_false(record_given(&PET_LIST[3], &d));
	assert_true(record_given(&PET_LIST[6], &d));
}

static void test_text_is_parsed_once_into_typed_members(void **state)
{
	struct pet_draft d = { 0 };
	struct hd_err err;

	(void)state;
	assert_int_equal(record_parse(&PET_LIST[0], " 小花 ", &d, &err), HD_OK);
	assert_string_equal(d.name, " 小花 ");
	assert_int_equal(record_parse(&PET_LIST[1], "社区社会组织", &d, &err), HD_OK);
	assert_int_equal(d.kind, 2);
	assert_int_equal(record_parse(&PET_LIST[2], " 4 ", &d, &err), HD_OK);
	assert_true(d.legs.given);
	assert_int_equal(d.legs.value, 4);
	/* Out of range is core's to refuse: the edge reads the number. */
	assert_int_equal(record_parse(&PET_LIST[3], "99", &d, &err), HD_OK);
	assert_int_equal(d.age.value, 99);
	assert_int_equal(record_parse(&PET_LIST[3], "", &d, &err), HD_OK);
	assert_false(d.age.given);
	assert_int_equal(record_parse(&PET_LIST[6], "12", &d, &err), HD_OK);
	assert_int_equal(d.owner, 12);
}

static void test_a_parse_refused_names_the_field_and_what_is_allowed(void **state)
{
	struct pet_draft d = { .legs = REC_NUM(4), .kind = 1 };
	struct hd_err err;

	(void)state;
	assert_int_equal(record_parse(&PET_LIST[2], "四", &d, &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "Members");
	assert_string_equal(err.msg, "Members: a whole number from 2 to 8");
	assert_int_equal(d.legs.value, 4);
	assert_int_equal(record_parse(&PET_LIST[1], "猫科", &d, &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "organisation kind");
	assert_int_equal(d.kind, 1);
	assert_int_equal(record_parse(&PET_LIST[6], "x", &d, &err), HD_BAD_INPUT);
}

static void test_the_check_holds_each_field_to_its_limits(void **state)
{
	struct pet_draft d = { .name = "  小花 ", .kind = 1, .legs = REC_NUM(4) };
	struct hd_err err;
	char out[64];

	(void)state;
	assert_int_equal(record_check(&PET_LIST[0], &d, out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "小花");
	assert_int_equal(record_check(&PET_LIST[2], &d, NULL, 0, &err), HD_OK);
	assert_int_equal(record_check(&PET_LIST[3], &d, NULL, 0, &err), HD_OK);
	assert_int_equal(record_check(&PET_LIST[4], &d, out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "");
	d.name = "一二三四五六七八九";
	assert_int_equal(record_check(&PET_LIST[0], &d, out, sizeof(out), &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "Name");
	d.name = NULL;
	assert_int_equal(record_check(&PET_LIST[0], &d, out, sizeof(out), &err), HD_BAD_INPUT);
	d.legs = REC_NUM(9);
	assert_int_equal(record_check(&PET_LIST[2], &d, NULL, 0, &err), HD_BAD_INPUT);
	assert_string_equal(err.msg, "Members: a whole number from 2 to 8");
	d.legs.given = false;
	assert_int_equal(record_check(&PET_LIST[2], &d, NULL, 0, &err), HD_BAD_INPUT);
	d.kind = 0;
	assert_int_equal(record_check(&PET_LIST[1], &d, NULL, 0, &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "organisation kind");
	d.kind = 99;
	assert_int_equal(record_check(&PET_LIST[1], &d, NULL, 0, &err), HD_BAD_INPUT);
	d.phone = "138 1234 5678";
	assert_int_equal(record_check(&PET_LIST[4], &d, out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "13812345678");
	d.born = "2026/1/5";
	assert_int_equal(record_check(&PET_LIST[5], &d, out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "2026-01-05");
	d.born = "2026-13-01";
	assert_int_equal(record_check(&PET_LIST[5], &d, out, sizeof(out), &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "Moved in");
}

static void test_members_are_written_back_as_text(void **state)
{
	struct pet_draft d = { .name = "小花", .kind = 3, .legs = REC_NUM(4), .owner = 12 };
	char out[32];

	(void)state;
	record_write(&PET_LIST[0], &d, out, sizeof(out));
	assert_string_equal(out, "小花");
	record_write(&PET_LIST[1], &d, out, sizeof(out));
	assert_string_equal(out, "3");
	record_write(&PET_LIST[2], &d, out, sizeof(out));
	assert_string_equal(out, "4");
	record_write(&PET_LIST[3], &d, out, sizeof(out));
	assert_string_equal(out, "");
	record_write(&PET_LIST[4], &d, out, sizeof(out));
	assert_string_equal(out, "");
	record_write(&PET_LIST[6], &d, out, sizeof(out));
	assert_string_equal(out, "12");
}

static void test_a_pick_is_set_as_its_number_and_read_back(void **state)
{
	struct pet_draft d = { 0 };

	(void)state;
	record_set(&PET_LIST[1], &d, 3);
	record_set(&PET_LIST[2], &d, 6);
	record_set(&PET_LIST[6], &d, 42);
	record_set(&PET_LIST[0], &d, 1); /* text: left alone */
	assert_int_equal(d.kind, 3);
	assert_true(d.legs.given);
	assert_int_equal(d.legs.value, 6);
	assert_int_equal(d.owner, 42);
	assert_null(d.name);
	assert_int_equal(record_get(&PET_LIST[1], &d), 3);
	assert_int_equal(record_get(&PET_LIST[2], &d), 6);
	assert_int_equal(record_get(&PET_LIST[3], &d), 0);
	assert_int_equal(record_get(&PET_LIST[6], &d), 42);
	assert_int_equal(record_get(&PET_LIST[0], &d), 0);
}

struct clock_draft {
	const char *at;
};

static void test_a_time_is_checked_and_written_as_hh_mm(void **state)
{
	const struct record_field at = { "at",
					 REC_TIME,
					 N_("Opens"),
					 "--at",
					 NULL,
					 0,
					 0,
					 0,
					 false,
					 NULL,
					 offsetof(struct clock_draft, at) };
	struct clock_draft d = { " 8:30 " };
	struct hd_err err;
	char out[16];

	(void)state;
	assert_int_equal(record_check(&at, &d, out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "08:30");
	d.at = "";
	assert_int_equal(record_check(&at, &d, out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "");
	d.at = "25:00";
	assert_int_equal(record_check(&at, &d, out, sizeof(out), &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "Opens");
	assert_string_equal(err.msg, "Opens: a time as HH:MM (00:00-23:59)");
}

static void test_a_date_and_time_is_checked_and_written_whole(void **state)
{
	const struct record_field at = { "at",
					 REC_DATETIME,
					 N_("Start"),
					 "--at",
					 NULL,
					 0,
					 0,
					 0,
					 true,
					 NULL,
					 offsetof(struct clock_draft, at) };
	struct clock_draft d = { "2026-11-24 10:00" };
	struct hd_err err;
	char out[32];

	(void)state;
	assert_int_equal(record_check(&at, &d, out, sizeof(out), &err), HD_OK);
	assert_string_equal(out, "2026-11-24 10:00");
	d.at = "tomorrow";
	assert_int_equal(record_check(&at, &d, out, sizeof(out), &err), HD_BAD_INPUT);
	d.at = NULL;
	assert_int_equal(record_check(&at, &d, out, sizeof(out), &err), HD_BAD_INPUT);
	assert_string_equal(err.field, "at");
}

static int setup_locale(void **state)
{
	(void)state;
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_list_makes_typed_members_and_one_descriptor_a_field),
		cmocka_unit_test(test_text_is_parsed_once_into_typed_members),
		cmocka_unit_test(test_a_parse_refused_names_the_field_and_what_is_allowed),
		cmocka_unit_test(test_the_check_holds_each_field_to_its_limits),
		cmocka_unit_test(test_members_are_written_back_as_text),
		cmocka_unit_test(test_a_pick_is_set_as_its_number_and_read_back),
		cmocka_unit_test(test_a_time_is_checked_and_written_as_hh_mm),
		cmocka_unit_test(test_a_date_and_time_is_checked_and_written_whole),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
