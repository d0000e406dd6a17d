/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_spool.c - the print spool without a printer: rows stored before
 * sending, copies counted, prints and reprints audited, documents kept as
 * files while CUPS is away, stale 'sending' rows recovered, and the two-step
 * reservation. CUPS_SERVER points at a socket that does not exist, so CUPS is
 * away at once (tests/print/ covers a real CUPS). */
#include "testutil.h"

#include <sys/stat.h>

#include "core/settings.h"
#include "core/visit.h"
#include "printing/slip.h"
#include "printing/spool.h"
#include "pdfutil.h"

static const unsigned char DOC[] = "\x1b@hello\n";

static int spool_setup(void **state)
{
	struct tdb *t;
	char dir[160];

	if (tdb_setup(state) != 0)
		return -1;
	t = *state;
	snprintf(dir, sizeof(dir), "%s/out", t->dir);
	setenv("HUBDESK_SPOOL", dir, 1);
	return 0;
}

static int exists(const char *dir, const char *name)
{
	char path[256];
	struct stat sb;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return stat(path, &sb) == 0;
}

static void test_no_printer_keeps_the_document_waiting_as_a_file(void **state)
{
	struct tdb *t = *state;
	struct spool_outcome out;
	struct spool_entry e;
	struct hd_err err;
	char dir[160];
	struct stat sb;
	long long id;

	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_VISITOR, 7, SPOOL_ESCPOS, "", DOC,
				     sizeof(DOC) - 1, &id, &out, &err),
			 HD_OK);
	assert_true(id > 0);
	assert_false(out.delivered);
	assert_int_equal(out.copy, 1);
	assert_non_null(strstr(out.message, "no printer"));
	snprintf(dir, sizeof(dir), "%s/out", t->dir);
	assert_true(exists(dir, "visitor-7-1.bin"));
	assert_int_equal(stat(dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_non_null(strstr(out.file, "visitor-7-1.bin"));
	assert_int_equal(spool_get(t->db, id, &e, &err), HD_OK);
	assert_int_equal(e.state, SPOOL_STATE_WAITING);
	assert_int_equal(e.attempts, 0);
	assert_string_equal(e.file, out.file);
	assert_int_equal(tdb_int(t->db, "SELECT length(data) FROM spool"),
			 (long long)sizeof(DOC) - 1);
	assert_int_equal(spool_waiting_count(t->db), 1);
}

static void test_reprints_count_copies_and_are_audited(void **state)
{
	struct tdb *t = *state;
	struct spool_outcome out;
	struct hd_err err;
	long long id;
	char dir[160];

	snprintf(dir, sizeof(dir), "%s/out", t->dir);
	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_BOOKING, 3, SPOOL_PDF, "", DOC,
				     sizeof(DOC) - 1, &id, &out, &err),
			 HD_OK);
	assert_int_equal(out.copy, 1);
	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_BOOKING, 3, SPOOL_PDF, "", DOC,
				     sizeof(DOC) - 1, &id, &out, &err),
			 HD_OK);
	assert_int_equal(out.copy, 2);
	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_BOOKING, 4, SPOOL_PDF, "", DOC,
				     sizeof(DOC) - 1, &id, &out, &err),
			 HD_OK);
	assert_int_equal(out.copy, 1);
	assert_true(exists(dir, "booking-3-1.pdf"));
	assert_true(exists(dir, "booking-3-2.pdf"));
	assert_true(exists(dir, "booking-4-1.pdf"));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'print'"), 2);
	assert_int_equal(tdb_audits(t->db, "action = 'reprint' AND record = 'spool'", 0,
				    "after.copy=2", NULL),
			 1);
}

static void test_cups_away_is_told_and_the_document_waits(void **state)
{
	struct tdb *t = *state;
	struct spool_outcome out;
	struct spool_entry e;
	struct hd_err err;
	long long id;

	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_TEAM, 5, SPOOL_PDF, "A4", DOC,
				     sizeof(DOC) - 1, &id, &out, &err),
			 HD_OK);
	assert_false(out.delivered);
	assert_non_null(strstr(out.message, "CUPS"));
	assert_int_equal(spool_get(t->db, id, &e, &err), HD_OK);
	assert_int_equal(e.state, SPOOL_STATE_WAITING);
	assert_string_equal(e.queue, "A4");
	assert_int_equal(e.attempts, 1);
	assert_non_null(strstr(e.last_error, "CUPS"));
}

static void test_the_default_folder_is_beside_the_database(void **state)
{
	struct tdb *t = *state;
	struct spool_outcome out;
	struct hd_err err;
	char dir[160], want[160];
	long long id;

	unsetenv("HUBDESK_SPOOL");
	if (db_is_server(t->db)) {
		/* A database on a server has no folder: the desk's state folder. */
		snprintf(want, sizeof(want), "%s/state", t->dir);
		setenv("XDG_STATE_HOME", want, 1);
		snprintf(want, sizeof(want), "%s/state/hubdesk/spool", t->dir);
	} else {
		snprintf(want, sizeof(want), "%s/spool", t->dir);
	}
	spool_dir(t->db, dir, sizeof(dir));
	assert_string_equal(dir, want);
	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_VISITOR, 1, SPOOL_ESCPOS, "", DOC,
				     sizeof(DOC) - 1, &id, &out, &err),
			 HD_OK);
	assert_true(exists(want, "visitor-1-1.bin"));
	unsetenv("XDG_STATE_HOME");
}

static void test_bad_calls_store_nothing(void **state)
{
	struct tdb *t = *state;
	struct spool_outcome out;
	struct hd_err err;
	long long id;

	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_COUNT, 1, SPOOL_PDF, "", DOC,
				     sizeof(DOC) - 1, &id, &out, &err),
			 HD_BAD_INPUT);
	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_VISITOR, 1, SPOOL_PDF, "", NULL, 0,
				     &id, &out, &err),
			 HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM spool"), 0);
	assert_int_equal(spool_get(t->db, 99, &(struct spool_entry){ 0 }, &err), HD_NOT_FOUND);
}

/* Each kind is stored as the text the spool table has always held (and its
 * CHECK allows), and read back as itself. */
static void test_every_kind_is_stored_as_its_text(void **state)
{
	static const char *const STORED[SPOOL_KIND_COUNT] = {
		[SPOOL_KIND_VISITOR] = "visitor", [SPOOL_KIND_BOOKING] = "booking",
		[SPOOL_KIND_TEAM] = "team",       [SPOOL_KIND_TEST] = "test",
		[SPOOL_KIND_LIST] = "list",
	};
	struct tdb *t = *state;
	struct spool_outcome out;
	struct spool_entry e;
	struct hd_err err;
	char sql[96];
	long long id;
	int k;

	for (k = 0; k < SPOOL_KIND_COUNT; k++) {
		assert_int_equal(spool_print(t->db, &t->who, k, 100 + k, SPOOL_ESCPOS, "", DOC,
					     sizeof(DOC) - 1, &id, &out, &err),
				 HD_OK);
		snprintf(sql, sizeof(sql), "SELECT kind = '%s' FROM spool WHERE id = %lld",
			 STORED[k], id);
		assert_int_equal(tdb_int(t->db, sql), 1);
		assert_int_equal(spool_get(t->db, id, &e, &err), HD_OK);
		assert_int_equal(e.kind, k);
		assert_string_equal(spool_kind_text(k), STORED[k]);
		assert_int_equal(spool_kind_of(STORED[k]), k);
	}
	assert_int_equal(spool_kind_of("letter"), SPOOL_KIND_COUNT);
	assert_true(spool_kind_of_record(SPOOL_KIND_TEAM));
	assert_false(spool_kind_of_record(SPOOL_KIND_LIST));
}

/* Each state is the text the spool table has always held (and its CHECK
 * allows), and a row in it reads back as that state. */
static void test_every_state_is_read_from_its_text(void **state)
{
	static const char *const STORED[SPOOL_STATE_COUNT] = {
		[SPOOL_STATE_WAITING] = "waiting",
		[SPOOL_STATE_SENDING] = "sending",
		[SPOOL_STATE_PRINTING] = "printing",
		[SPOOL_STATE_DONE] = "done",
	};
	struct tdb *t = *state;
	struct spool_outcome out;
	struct spool_entry e;
	struct hd_err err;
	char sql[96];
	long long id;
	int s;

	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_TEST, 1, SPOOL_ESCPOS, "", DOC,
				     sizeof(DOC) - 1, &id, &out, &err),
			 HD_OK);
	for (s = 0; s < SPOOL_STATE_COUNT; s++) {
		snprintf(sql, sizeof(sql), "UPDATE spool SET state = '%s' WHERE id = %lld",
			 STORED[s], id);
		assert_true(tdb_exec(t->db, sql));
		assert_int_equal(spool_get(t->db, id, &e, &err), HD_OK);
		assert_int_equal(e.state, s);
		assert_string_equal(spool_state_text(s), STORED[s]);
	}
	assert_int_equal(spool_state_of("lost"), SPOOL_STATE_COUNT);
}

static void test_a_reservation_names_itself_and_can_be_cancelled(void **state)
{
	struct tdb *t = *state;
	struct spool_outcome out;
	struct spool_entry e;
	struct hd_err err;
	long long id, id2;
	int copy;

	assert_int_equal(spool_reserve(t->db, SPOOL_KIND_TEST, 0, SPOOL_ESCPOS, "", &id, &copy,
				       &err),
			 HD_OK);
	assert_int_equal(copy, 1);
	spool_cancel(t->db);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM spool"), 0);
	/* no transaction was left open */
	assert_int_equal(db_begin(t->db, &err), HD_OK);
	db_rollback(t->db);

	assert_int_equal(spool_reserve(t->db, SPOOL_KIND_TEST, 0, SPOOL_ESCPOS, "", &id2, &copy,
				       &err),
			 HD_OK);
	assert_int_equal(spool_send(t->db, &t->who, id2, DOC, sizeof(DOC) - 1, &out, &err), HD_OK);
	assert_int_equal(spool_get(t->db, id2, &e, &err), HD_OK);
	assert_int_equal(e.kind, SPOOL_KIND_TEST);
	assert_int_equal(e.record_id, id2);
	assert_int_equal(e.state, SPOOL_STATE_WAITING);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'print'"), 1);

	/* sending nothing rolls the reservation back */
	assert_int_equal(spool_reserve(t->db, SPOOL_KIND_TEST, 0, SPOOL_ESCPOS, "", &id, &copy,
				       &err),
			 HD_OK);
	assert_int_equal(spool_send(t->db, &t->who, id, NULL, 0, &out, &err), HD_BAD_INPUT);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM spool"), 1);
}

static void test_retry_recovers_stale_rows_and_keeps_what_cannot_go(void **state)
{
	/* Test pages: they go where they were sent (a record's document would
	 * be routed again by its kind). */
	struct tdb *t = *state;
	struct spool_outcome out;
	struct spool_entry *list = NULL;
	struct hd_err err;
	long long a, b, c;
	int delivered, waiting, n;

	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_TEST, 1, SPOOL_ESCPOS, "", DOC,
				     sizeof(DOC) - 1, &a, &out, &err),
			 HD_OK);
	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_TEST, 2, SPOOL_ESCPOS, "", DOC,
				     sizeof(DOC) - 1, &b, &out, &err),
			 HD_OK);
	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_TEST, 3, SPOOL_ESCPOS, "", DOC,
				     sizeof(DOC) - 1, &c, &out, &err),
			 HD_OK);
	/* b was being sent by a desk that crashed 11 minutes ago; c by one
	 * that is sending it right now. */
	assert_true(tdb_exec(t->db, "UPDATE spool SET state = 'sending', updated = updated - 660"
				    " WHERE id = 2;"
				    "UPDATE spool SET state = 'sending', updated = updated - 60"
				    " WHERE id = 3"));
	assert_int_equal(spool_retry(t->db, &delivered, &waiting, &err), HD_OK);
	assert_int_equal(delivered, 0);
	assert_int_equal(waiting, 3);
	assert_int_equal(tdb_int(t->db, "SELECT state = 'waiting' FROM spool WHERE id = 2"), 1);
	assert_int_equal(tdb_int(t->db, "SELECT state = 'sending' FROM spool WHERE id = 3"), 1);

	/* With the receipt printer set and CUPS away, one is tried and the
	 * rest are left for later. */
	assert_int_equal(settings_set(t->db, &t->who, SET_PRINTER_RECEIPT, "Receipt", &err), HD_OK);
	assert_int_equal(spool_retry(t->db, &delivered, &waiting, &err), HD_OK);
	assert_int_equal(delivered, 0);
	assert_int_equal(waiting, 3);
	assert_int_equal(tdb_int(t->db, "SELECT attempts FROM spool WHERE id = 1"), 1);
	assert_int_equal(tdb_int(t->db, "SELECT attempts FROM spool WHERE id = 2"), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM spool WHERE state = 'waiting'"), 2);

	assert_int_equal(spool_list_waiting(t->db, &list, &n, &err), HD_OK);
	assert_int_equal(n, 3);
	assert_int_equal(list[0].id, a);
	assert_int_equal(list[1].id, b);
	assert_int_equal(list[2].id, c);
	free(list);
}

/* A visit saved with its print request: the spool row is there with the
 * visit, before any document is made. */
static long long visit_with_request(struct tdb *t, const char *name)
{
	struct visit_draft d = { .name = name, .purpose = 1, .print = true };
	struct hd_err err;
	long long id = 0;

	assert_int_equal(visit_checkin(t->db, &t->who, &d, &id, &err), HD_OK);
	return id;
}

static void test_the_request_saved_with_a_visit_becomes_its_first_print(void **state)
{
	struct tdb *t = *state;
	struct visit_draft plain = { .name = "李四", .purpose = 1 };
	struct spool_outcome out;
	struct hd_err err;
	char sql[160];
	long long id, other;

	id = visit_with_request(t, "张三");
	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM spool WHERE kind = 'visitor' AND record_id = %lld"
		 " AND state = 'sending' AND data IS NULL AND copy = 1",
		 id);
	assert_int_equal(tdb_int(t->db, sql), 1);
	assert_int_equal(spool_copies(t->db, SPOOL_KIND_VISITOR, id), 0);
	/* The desk makes it: the same row, the first copy, no reprint. */
	assert_int_equal(slip_print(t->db, &t->who, id, NULL, NULL, &out, &err), HD_OK);
	assert_int_equal(out.copy, 1);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM spool WHERE record_id = %lld", id);
	assert_int_equal(tdb_int(t->db, sql), 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM spool WHERE data IS NULL"), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'reprint'"), 0);
	/* Without the request nothing is in the spool. */
	assert_int_equal(visit_checkin(t->db, &t->who, &plain, &other, &err), HD_OK);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM spool WHERE record_id = %lld", other);
	assert_int_equal(tdb_int(t->db, sql), 0);
}

static void test_a_request_left_behind_is_made_by_the_retry(void **state)
{
	struct tdb *t = *state;
	struct hd_err err;
	bool already;
	time_t first;
	long long here, gone;
	int delivered, waiting;
	char sql[200], dir[160], name[64];

	here = visit_with_request(t, "王五");
	gone = visit_with_request(t, "赵六");
	assert_int_equal(visit_checkout(t->db, &t->who, gone, VIA_DIRECT, &already, &first, &err),
			 HD_OK);
	/* Their desk died before making the slips, 11 minutes ago. */
	assert_true(tdb_exec(t->db, "UPDATE spool SET updated = updated - 660"));
	assert_int_equal(spool_retry(t->db, &delivered, &waiting, &err), HD_OK);
	assert_int_equal(delivered, 0);
	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM spool WHERE record_id = %lld AND state = 'waiting'"
		 " AND data IS NOT NULL AND copy = 1",
		 here);
	assert_int_equal(tdb_int(t->db, sql), 1);
	snprintf(dir, sizeof(dir), "%s/out", t->dir);
	snprintf(name, sizeof(name), "visitor-%lld-1.pdf", here);
	assert_true(exists(dir, name));
	/* The visitor who left gets no slip now. */
	snprintf(sql, sizeof(sql),
		 "SELECT count(*) FROM spool WHERE record_id = %lld AND state = 'done'"
		 " AND last_error LIKE '%%left%%'",
		 gone);
	assert_int_equal(tdb_int(t->db, sql), 1);
	assert_int_equal(waiting, 1);
}

/* A document CUPS took is followed, never sent again while CUPS may still
 * print it: with CUPS out of reach it stays printing, counted among the
 * documents not done but not among those waiting to be sent. */
static void test_a_printing_document_is_waited_on_not_sent_again(void **state)
{
	struct tdb *t = *state;
	struct spool_outcome out;
	struct hd_err err;
	int printed, failed, delivered, waiting;
	long long id;

	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_VISITOR, 9, SPOOL_ESCPOS, "", DOC,
				     sizeof(DOC) - 1, &id, &out, &err),
			 HD_OK);
	assert_true(tdb_exec(t->db, "UPDATE spool SET state = 'printing', cups_job = 5"));
	assert_int_equal(spool_follow(t->db, &printed, &failed, &err), HD_OK);
	assert_int_equal(printed + failed, 0);
	assert_int_equal(spool_retry(t->db, &delivered, &waiting, &err), HD_OK);
	assert_int_equal(delivered, 0);
	assert_int_equal(waiting, 0);
	assert_int_equal(spool_waiting_count(t->db), 1);
	assert_int_equal(spool_printing_count(t->db), 1);
	assert_int_equal(tdb_int(t->db, "SELECT attempts FROM spool WHERE state = 'printing'"), 0);
}

static void test_the_desks_retries_back_off_a_retry_by_hand_does_not(void **state)
{
	struct tdb *t = *state;
	struct spool_outcome out;
	struct hd_err err;
	int delivered, waiting;
	long long id;

	assert_int_equal(settings_set(t->db, &t->who, SET_PRINTER_RECEIPT, "Receipt", &err), HD_OK);
	assert_int_equal(spool_print(t->db, &t->who, SPOOL_KIND_VISITOR, 11, SPOOL_ESCPOS,
				     "Receipt", DOC, sizeof(DOC) - 1, &id, &out, &err),
			 HD_OK);
	/* Two attempts failed, the last just now: it rests two minutes. */
	assert_true(tdb_exec(t->db, "UPDATE spool SET attempts = 2"));
	assert_int_equal(spool_retry_due(t->db, &delivered, &waiting, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT attempts FROM spool"), 2);
	assert_int_equal(waiting, 1);
	assert_true(tdb_exec(t->db, "UPDATE spool SET updated = updated - 121"));
	assert_int_equal(spool_retry_due(t->db, &delivered, &waiting, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT attempts FROM spool"), 3);
	/* By hand: at once. */
	assert_int_equal(spool_retry(t->db, &delivered, &waiting, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT attempts FROM spool"), 4);
}

/* A slip made before the receipt printer was set (a PDF waiting for no
 * printer) goes to the receipt printer once it is set, made again as
 * ESC/POS: routing is decided at delivery. */
/* True when the spooled data of record id begins with the n bytes of head
 * (compared in C: a bytes literal is written differently on each backend). */
static bool data_begins(struct db *db, long long id, const char *head, size_t n)
{
	struct db_stmt *st = NULL;
	struct hd_err err;
	const void *data;
	size_t len = 0;
	bool yes = false;

	if (db_prepare_with(db, "SELECT data FROM spool WHERE record_id = $1", &id, 1, &st, &err) ==
		    HD_OK &&
	    db_step(st) == DB_ROW) {
		data = db_col_blob(st, 0, &len);
		yes = data && len >= n && memcmp(data, head, n) == 0;
	}
	db_done(st);
	return yes;
}

static void test_a_waiting_slip_goes_where_slips_go_now(void **state)
{
	struct tdb *t = *state;
	struct spool_outcome out;
	struct hd_err err;
	int delivered, waiting;
	char sql[160];
	long long id;

	id = visit_with_request(t, "钱七");
	assert_int_equal(slip_print(t->db, &t->who, id, NULL, NULL, &out, &err), HD_OK);
	snprintf(sql, sizeof(sql),
		 "SELECT format = 'pdf' AND queue = '' FROM spool WHERE record_id = %lld", id);
	assert_int_equal(tdb_int(t->db, sql), 1);
	assert_int_equal(settings_set(t->db, &t->who, SET_PRINTER_RECEIPT, "Receipt", &err), HD_OK);
	assert_int_equal(spool_retry(t->db, &delivered, &waiting, &err), HD_OK);
	snprintf(sql, sizeof(sql),
		 "SELECT format = 'escpos' AND queue = 'Receipt' AND attempts = 1 AND copy = 1"
		 " FROM spool WHERE record_id = %lld",
		 id);
	assert_int_equal(tdb_int(t->db, sql), 1);
	assert_true(data_begins(t->db, id, "\x1b\x40", 2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_printer_keeps_the_document_waiting_as_a_file,
						spool_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_reprints_count_copies_and_are_audited,
						spool_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_cups_away_is_told_and_the_document_waits,
						spool_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_the_default_folder_is_beside_the_database,
						spool_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_bad_calls_store_nothing, spool_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_every_kind_is_stored_as_its_text, spool_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_every_state_is_read_from_its_text, spool_setup,
						tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_reservation_names_itself_and_can_be_cancelled,
						spool_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_the_request_saved_with_a_visit_becomes_its_first_print, spool_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_request_left_behind_is_made_by_the_retry,
						spool_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_printing_document_is_waited_on_not_sent_again,
						spool_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_the_desks_retries_back_off_a_retry_by_hand_does_not, spool_setup,
			tdb_teardown),
		cmocka_unit_test_setup_teardown(test_a_waiting_slip_goes_where_slips_go_now,
						spool_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_retry_recovers_stale_rows_and_keeps_what_cannot_go, spool_setup,
			tdb_teardown),
	};

	tdb_env();
	setenv("CUPS_SERVER", "/nonexistent/hubdesk-unit/cups.sock", 1);
	return cmocka_run_group_tests(tests, NULL, pdf_group_teardown);
}
