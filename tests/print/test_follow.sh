#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/print/test_follow.sh - a job CUPS takes and then aborts is not
# printed: with the receipt printer unplugged (a socket queue with nothing
# listening, printer-error-policy=abort-job) a check-in's slip goes to CUPS,
# CUPS aborts the job, and once hubdesk follows it the slip waits again with
# the reason; the printer plugged in, `print retry` delivers it exactly once
# and it is done only when CUPS says its job completed.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

print_world python3 lpadmin lpstat
hd init >/dev/null 2>&1
lp_quiet() { lpadmin "$@" 2>/dev/null; } # (raw queues: CUPS 2.4 warns they are deprecated)

PORT=$(free_port)
lp_quiet -h "127.0.0.1:$CUPS_PORT" -p Unplugged -v "socket://127.0.0.1:$PORT/?contimeout=2" -E -m raw &&
	lp_quiet -h "127.0.0.1:$CUPS_PORT" -p Unplugged -o printer-error-policy=abort-job ||
	not_ok "a queue Unplugged with nothing listening"
hd config set printer.receipt Unplugged >/dev/null 2>&1
expect_rc 0 "check-in with the receipt printer unplugged" hd visitor checkin --name 张三 --purpose 1
id=$(cut -f1 "$T/out")
row=$(sql "SELECT id FROM spool WHERE kind = 'visitor' AND record_id = $id")
expect_eq "$(sql "SELECT state || ' ' || (cups_job > 0) FROM spool WHERE id = $row")" "printing 1" \
	"CUPS took the slip: it is printing, with its CUPS job"
if wait_for 30 cups_idle; then ok "CUPS ends the job"; else not_ok "CUPS ends the job"; fi
expect_rc 0 "print status follows the job" hd print status
expect_eq "$(sql "SELECT state FROM spool WHERE id = $row")" waiting "the aborted job's slip waits again"
expect_out "did not print" "print status says the job did not print"
expect_eq "$(sql "SELECT count(*) FROM spool WHERE state != 'done'")" 1 "one document waits"

# Plugged in: the queue's device listens now.
sink_start Unplugged || not_ok "a listener for Unplugged"
lp_quiet -h "127.0.0.1:$CUPS_PORT" -p Unplugged -v "socket://127.0.0.1:$SINK_PORT/?contimeout=5" ||
	not_ok "Unplugged points at its listener"
expect_rc 0 "print retry" hd print retry
expect_job Unplugged 1 "the printer gets the slip"
follow_jobs
expect_eq "$(sql "SELECT state FROM spool WHERE id = $row")" done "the slip is done once its job completed"
expect_rc 0 "print retry again" hd print retry
follow_jobs
expect_eq "$(sink_jobs Unplugged)" 1 "the slip was printed exactly once"
expect_eq "$(qr_of_job "$(sink_job Unplugged 1)")" "$(token_for V "$id")" "its QR is the visit's code"

done_testing
