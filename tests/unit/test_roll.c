/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_roll.c - the printed list of who is here: it names everyone in, waits
 * in the spool when no printer takes it, and its names go with retention. */
#include "testutil.h"

#include <iconv.h>

#include "core/backup.h"
#include "core/settings.h"
#include "core/visit.h"
#include "printing/roll.h"

static long long checkin(struct tdb *t, const char *name, int party)
{
	struct visit_draft d = { .name = name, .purpose = 1, .party = REC_NUM(party) };
	struct hd_err err;
	long long id = 0;

	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_OK);
	return id;
}

static bool holds(const char *data, size_t len, const char *needle, size_t n)
{
	size_t i;

	for (i = 0; data && i + n <= len; i++)
		if (memcmp(data + i, needle, n) == 0)
			return true;
	return false;
}

/* True when the spool's list document holds name in GB18030. */
static bool list_holds(struct tdb *t, const char *name)
{
	char gb[64], *in = (char *)name, *out = gb;
	size_t inleft = strlen(name), outleft = sizeof(gb);
	struct db_stmt *st = NULL;
	struct hd_err err;
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	bool found = false;

	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1);
	iconv_close(cd);
	assert_int_equal(db_prepare(t->db, "SELECT data FROM spool WHERE kind = 'list'", &st, &err),
			 HD_OK);
	while (!found && db_step(st) == DB_ROW) {
		size_t len = 0;
		const char *data = db_col_blob(st, 0, &len);

		found = holds(data, len, gb, (size_t)(out - gb));
	}
	db_done(st);
	return found;
}

static void test_list_names_everyone_in_and_waits_without_a_printer(void **state)
{
	struct tdb *t = *state;
	struct spool_outcome out;
	struct hd_err err;
	char spool[256];
	int erased = 0;

	snprintf(spool, sizeof(spool), "%s/spool", t->dir);
	setenv("HUBDESK_SPOOL", spool, 1);
	setenv("CUPS_SERVER", "/nonexistent/cups.sock", 1);
	assert_int_equal(settings_set(t->db, &t->who, SET_PRINTER_RECEIPT, "Receipt", &err), HD_OK);
	checkin(t, "赵钱孙", 2);
	checkin(t, "周吴郑", 1);
	assert_int_equal(roll_print(t->db, &t->who, &out, &err), HD_OK);
	assert_false(out.delivered);
	assert_true(list_holds(t, "赵钱孙"));
	assert_true(list_holds(t, "周吴郑"));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM spool WHERE kind = 'list'"
					" AND record_id = id AND state = 'waiting'"),
			 1);
	/* After retention.days the list's names are gone with the visits. */
	setenv("HUBDESK_NOW", "2027-06-01T09:00:00+08:00", 1);
	assert_int_equal(visit_retention(t->db, &t->who, &erased, &err), HD_OK);
	assert_int_equal(erased, 2);
	assert_false(list_holds(t, "赵钱孙"));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM spool WHERE kind = 'list'"
					" AND data IS NOT NULL"),
			 0);
	setenv("HUBDESK_NOW", "2026-11-23T09:00:00+08:00", 1);
	unsetenv("HUBDESK_SPOOL");
	unsetenv("CUPS_SERVER");
}

static void test_the_desk_may_print_the_list_but_a_resident_may_not(void **state)
{
	struct tdb *t = *state;
	struct hd_actor resident = actor_desk("kiosk");
	struct spool_outcome out;
	struct hd_err err;

	resident.kind = ACTOR_RESIDENT;
	assert_int_equal(roll_print(t->db, &resident, &out, &err), HD_REFUSED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM spool"), 0);
}

/* Erased on request: a list made while the person was in loses its bytes
 * and file at once (one not printed yet never is); a list made before the
 * person came keeps its own. */
static void test_erasure_takes_the_lists_the_person_is_on(void **state)
{
	struct tdb *t = *state;
	struct backup_round round;
	struct spool_outcome out;
	struct hd_err err;
	char spool[256], file[512];
	struct db_stmt *st = NULL;
	long long gone;

	snprintf(spool, sizeof(spool), "%s/spool", t->dir);
	setenv("HUBDESK_SPOOL", spool, 1);
	setenv("CUPS_SERVER", "/nonexistent/cups.sock", 1);
	assert_int_equal(settings_set(t->db, &t->who, SET_PRINTER_RECEIPT, "Receipt", &err), HD_OK);
	checkin(t, "赵钱孙", 1);
	assert_int_equal(roll_print(t->db, &t->who, &out, &err), HD_OK);
	setenv("HUBDESK_NOW", "2026-11-23T10:00:00+08:00", 1);
	gone = checkin(t, "周吴郑", 1);
	assert_int_equal(roll_print(t->db, &t->who, &out, &err), HD_OK);
	assert_true(list_holds(t, "周吴郑"));
	assert_int_equal(db_prepare(t->db,
				    "SELECT file FROM spool WHERE kind = 'list'"
				    " ORDER BY id DESC LIMIT 1",
				    &st, &err),
			 HD_OK);
	assert_int_equal(db_step(st), DB_ROW);
	db_column_text(st, 0, file, sizeof(file));
	db_done(st);
	assert_int_equal(access(file, F_OK), 0);
	assert_int_equal(backup_erase_visit(t->db, &t->who, gone, &round, &err), HD_OK);
	assert_false(list_holds(t, "周吴郑"));
	assert_int_equal(access(file, F_OK), -1);
	assert_int_equal(tdb_int(t->db,
				 "SELECT count(*) FROM spool WHERE kind = 'list'"
				 " AND data IS NULL AND file IS NULL AND state = 'done'"
				 " AND last_error = 'not printed: a visitor on it was erased'"),
			 1);
	/* The list of before 周吴郑 came still names 赵钱孙, and waits. */
	assert_true(list_holds(t, "赵钱孙"));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM spool WHERE kind = 'list'"
					" AND data IS NOT NULL AND state = 'waiting'"),
			 1);
	setenv("HUBDESK_NOW", "2026-11-23T09:00:00+08:00", 1);
	unsetenv("HUBDESK_SPOOL");
	unsetenv("CUPS_SERVER");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_list_names_everyone_in_and_waits_without_a_printer, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_the_desk_may_print_the_list_but_a_resident_may_not, tdb_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_erasure_takes_the_lists_the_person_is_on,
						tdb_setup, tdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
