#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/print/test_faults.sh - faults of the print service, each ending with
# the document printed exactly once: a stopped queue (cupsdisable) is not
# given the slip, which waits, and goes once the queue is enabled; a deleted
# A4 queue leaves the filing receipt waiting until the queue is there again.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

print_world python3 lpadmin lpstat cupsdisable cupsenable
hd init --demo >/dev/null 2>&1
hd config set printer.receipt Receipt >/dev/null 2>&1
hd config set printer.a4 A4 >/dev/null 2>&1

# A stopped queue.
cupsdisable -h "$CUPS_SERVER" Receipt 2>/dev/null || not_ok "cupsdisable Receipt"
expect_rc 0 "check-in while the receipt queue is stopped" hd visitor checkin --name 张三 --purpose 1
id=$(cut -f1 "$T/out")
expect_err "stopped" "the desk is told the printer is stopped"
expect_eq "$(sql "SELECT state FROM spool WHERE kind = 'visitor' AND record_id = $id")" waiting \
	"the slip waits"
expect_eq "$(sink_jobs Receipt)" 0 "the stopped queue got nothing"
cupsenable -h "$CUPS_SERVER" Receipt 2>/dev/null || not_ok "cupsenable Receipt"
expect_rc 0 "print retry once the queue is enabled" hd print retry
expect_job Receipt 1 "the receipt printer gets the slip"
follow_jobs
expect_eq "$(sql "SELECT state FROM spool WHERE kind = 'visitor' AND record_id = $id")" done "the slip is done"
hd print retry >/dev/null 2>&1
follow_jobs
expect_eq "$(sink_jobs Receipt)" 1 "the slip was printed exactly once"

# A deleted queue.
lpadmin -h "127.0.0.1:$CUPS_PORT" -x A4 2>/dev/null || not_ok "lpadmin -x A4"
expect_rc 0 "review team 7" hd team review 7
expect_rc 0 "file team 7 with the A4 queue deleted" hd team file 7
expect_err "A4" "the desk is told the A4 queue is missing"
expect_eq "$(sql "SELECT state FROM spool WHERE kind = 'team' AND record_id = 7")" waiting \
	"the filing receipt waits"
add_queue A4 2>/dev/null || not_ok "the A4 queue again"
expect_rc 0 "print retry once the queue is back" hd print retry
expect_job A4 1 "the A4 printer gets the filing receipt"
follow_jobs
expect_eq "$(sql "SELECT state || ' ' || format FROM spool WHERE kind = 'team' AND record_id = 7")" \
	"done pdf" "the receipt is done, a PDF"
hd print retry >/dev/null 2>&1
follow_jobs
expect_eq "$(sink_jobs A4)" 1 "the receipt was printed exactly once"

done_testing
