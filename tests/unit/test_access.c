/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_access.c - the role table, cell by cell, as DESIGN.md states it, and
 * the refusal with its audit entry. */
#include "testutil.h"

#include "core/access.h"
#include "core/booking.h"
#include "core/org.h"
#include "core/settings.h"
#include "core/visit.h"

/* DESIGN.md's "Who may do what": resident, desk/volunteer, staff, admin,
 * district (PostgreSQL: figures and rolls, nothing of visitors, no desk
 * work). */
static const struct {
	enum access_action action;
	enum access_grant cells[HD_ROLE_COUNT];
} EXPECTED[] = {
	{ ACC_VISITOR, { GRANT_BY_SCAN, GRANT_YES, GRANT_YES, GRANT_YES, GRANT_NO } },
	{ ACC_VISITOR_PRIVATE, { GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_NO } },
	{ ACC_BOOK, { GRANT_WITH_PIN, GRANT_YES, GRANT_YES, GRANT_YES, GRANT_NO } },
	{ ACC_BOOKING_CHECKIN, { GRANT_BY_SCAN, GRANT_YES, GRANT_YES, GRANT_YES, GRANT_NO } },
	{ ACC_APPROVE, { GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_NO } },
	{ ACC_TEAM_APPLY, { GRANT_NO, GRANT_YES, GRANT_YES, GRANT_YES, GRANT_NO } },
	{ ACC_TEAM_STEP, { GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_NO } },
	{ ACC_REGISTERS, { GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_NO } },
	{ ACC_REPORTS, { GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_YES } },
	{ ACC_EXPORT_PEOPLE, { GRANT_NO, GRANT_NO, GRANT_YES, GRANT_YES, GRANT_NO } },
	{ ACC_ADMIN, { GRANT_NO, GRANT_NO, GRANT_NO, GRANT_YES, GRANT_NO } },
};

#define NROWS ((int)(sizeof(EXPECTED) / sizeof(EXPECTED[0])))

static void test_every_cell_of_the_role_table_is_as_designed(void **state)
{
	int i, r;

	(void)state;
	assert_int_equal(NROWS, ACC_COUNT);
	for (i = 0; i < NROWS; i++)
		for (r = ROLE_RESIDENT; r < HD_ROLE_COUNT; r++) {
			if (access_grant((enum hd_role)r, EXPECTED[i].action) !=
			    EXPECTED[i].cells[r])
				fail_msg("action %s, role %d", access_word(EXPECTED[i].action), r);
		}
}

static void test_actors_act_with_their_roles(void **state)
{
	struct hd_actor cli = actor_command_line("t"), desk = actor_desk("t"), staff = desk;

	(void)state;
	staff.kind = ACTOR_STAFF;
	staff.role = ROLE_STAFF;
	assert_int_equal(actor_role(&cli), ROLE_ADMIN);
	assert_int_equal(actor_role(&desk), ROLE_VOLUNTEER);
	assert_int_equal(actor_role(&staff), ROLE_STAFF);
	staff.kind = ACTOR_RESIDENT;
	assert_int_equal(actor_role(&staff), ROLE_RESIDENT);
}

static void test_refusal_is_audited_and_names_the_action(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	struct hd_err err;

	assert_int_equal(access_require(t->db, &desk, ACC_REGISTERS, &err), HD_REFUSED);
	assert_int_equal(err.status, HD_REFUSED);
	assert_true(strlen(err.msg) > 0);
	assert_int_equal(tdb_audits(t->db, "action = 'denied' AND desk = '前台' AND actor = 'desk'",
				    0, "after.action='registers'", NULL),
			 1);
	assert_int_equal(access_require(t->db, &t->who, ACC_ADMIN, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'denied'"), 1);
}

static void test_scan_and_pin_grants_need_their_way_in(void **state)
{
	struct tdb *t = *state;
	struct hd_actor resident = actor_desk("kiosk");
	struct hd_err err;

	resident.kind = ACTOR_RESIDENT;
	assert_int_equal(access_require(t->db, &resident, ACC_VISITOR, &err), HD_REFUSED);
	assert_int_equal(access_require_via(t->db, &resident, ACC_VISITOR, VIA_SCAN, &err), HD_OK);
	assert_int_equal(access_require_via(t->db, &resident, ACC_BOOK, VIA_SCAN, &err),
			 HD_REFUSED);
	assert_int_equal(access_require_via(t->db, &resident, ACC_BOOK, VIA_PIN, &err), HD_OK);
	assert_int_equal(access_require_via(t->db, &resident, ACC_REGISTERS, VIA_PIN, &err),
			 HD_REFUSED);
}

static void test_core_actions_refuse_the_desk(void **state)
{
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台");
	struct org_draft d = { .name = "某协会", .kind = 2 };
	struct hd_err err;
	long long id;

	assert_int_equal(org_add(t->db, &desk, &d, &id, NULL, &err), HD_REFUSED);
	assert_int_equal(settings_set(t->db, &desk, SET_IDLE_SECONDS, "30", &err), HD_REFUSED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM org"), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM setting"), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'denied'"), 2);
}

/* The district reads figures and rolls only: every grant it has is one a
 * staff member has too, and nothing of visitors, bookings or the desk. */
static void test_district_reads_figures_and_nothing_of_visitors(void **state)
{
	int a;

	(void)state;
	assert_int_equal(access_grant(ROLE_DISTRICT, ACC_REPORTS), GRANT_YES);
	for (a = 0; a < ACC_COUNT; a++)
		if (access_grant(ROLE_DISTRICT, (enum access_action)a) == GRANT_YES)
			assert_int_equal(access_grant(ROLE_STAFF, (enum access_action)a),
					 GRANT_YES);
	assert_int_equal(access_grant(ROLE_DISTRICT, ACC_VISITOR), GRANT_NO);
	assert_int_equal(access_grant(ROLE_DISTRICT, ACC_VISITOR_PRIVATE), GRANT_NO);
	assert_int_equal(access_grant(ROLE_DISTRICT, ACC_EXPORT_PEOPLE), GRANT_NO);
	assert_int_equal(access_grant(ROLE_DISTRICT, ACC_ADMIN), GRANT_NO);
	assert_int_equal(access_grant((enum hd_role)HD_ROLE_COUNT, ACC_REPORTS), GRANT_NO);
}

/* A district account signed in: checking a visitor in, booking and filing
 * are refused by the role rule (the message names the account, its role
 * and the action), audited, and nothing is written. */
static void test_district_account_is_refused_desk_work(void **state)
{
	struct tdb *t = *state;
	struct hd_actor d = actor_desk("区里");
	struct visit_draft v = { .name = "张三", .purpose = 1, .party = { .value = 1 } };
	struct hd_err err;
	long long id = 0;
	bool already;

	d.kind = ACTOR_STAFF;
	d.role = ROLE_DISTRICT;
	snprintf(d.name, sizeof(d.name), "%s", "区民政");
	assert_int_equal(visit_checkin(t->db, &d, &v, &id, &err), HD_REFUSED);
	assert_string_equal(err.msg, "区民政 (District) may not do this: visitor check-in and "
				     "check-out, who is here, reprint.");
	assert_int_equal(booking_cancel(t->db, &d, VIA_DIRECT, 1, &already, &err), HD_REFUSED);
	assert_string_equal(err.msg, "区民政 (District) may not do this: book, cancel, move for "
				     "organisations and teams.");
	assert_int_equal(access_require(t->db, &d, ACC_TEAM_STEP, &err), HD_REFUSED);
	assert_int_equal(access_require(t->db, &d, ACC_EXPORT_PEOPLE, &err), HD_REFUSED);
	assert_int_equal(access_require(t->db, &d, ACC_REPORTS, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'denied'"), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_cell_of_the_role_table_is_as_designed),
		cmocka_unit_test(test_actors_act_with_their_roles),
		cmocka_unit_test(test_district_reads_figures_and_nothing_of_visitors),
		cmocka_unit_test_setup_teardown(test_district_account_is_refused_desk_work,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_refusal_is_audited_and_names_the_action,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_scan_and_pin_grants_need_their_way_in,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_core_actions_refuse_the_desk, tdb_setup,
						tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
