#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/print/test_cupsd_killed.sh - the print server killed in the middle of
# a job. The slip's job is held by a printer that takes the connection and
# reads nothing; cupsd and its backend are killed (kill -9, as a power cut of
# the print server would). While CUPS is gone the slip stays printing:
# `print status` and `print retry` never send it again while its job may
# still print. Then two endings, each with the slip on paper exactly once:
# cupsd started again takes the job up itself and hubdesk follows that job
# to completed; or the print server lost the job (its control file and job
# cache gone) and gives the number to another document, which hubdesk does
# not take for its slip: the slip waits and is sent again.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

print_world python3 lpadmin lpstat cupsenable
hd init >/dev/null 2>&1
lp_quiet() { lpadmin "$@" 2>/dev/null; } # (raw queues: CUPS 2.4 warns they are deprecated)
lp_quiet -h "127.0.0.1:$CUPS_PORT" -p Stalled -v "socket://127.0.0.1:1/" -E -m raw &&
	lp_quiet -h "127.0.0.1:$CUPS_PORT" -p Stalled -o printer-error-policy=abort-job ||
	not_ok "a queue Stalled"
hd config set printer.receipt Stalled >/dev/null 2>&1

# stall_and_kill: a check-in whose slip CUPS holds on a printer that accepts
# the connection and never reads, then cupsd killed with it; sets id, row
# and job.
stall_and_kill() {
	_port=$(free_port)
	python3 -c '
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(4)
held = []
while True:
    held.append(s.accept()[0])
' "$_port" >/dev/null 2>&1 &
	_stall=$!
	STALL_PORT=$_port
	at_exit "kill $_stall 2>/dev/null"
	lp_quiet -h "127.0.0.1:$CUPS_PORT" -p Stalled -v "socket://127.0.0.1:$_port/?contimeout=5" ||
		not_ok "Stalled points at a printer that reads nothing"
	cupsenable -h "$CUPS_SERVER" Stalled 2>/dev/null
	expect_rc 0 "check-in with the receipt printer stalled" \
		hd visitor checkin --name "$1" --purpose 1
	id=$(cut -f1 "$T/out")
	row=$(sql "SELECT id FROM spool WHERE kind = 'visitor' AND record_id = $id")
	job=$(sql "SELECT cups_job FROM spool WHERE id = $row")
	if wait_for 10 _processing; then ok "CUPS is sending job $job"; else not_ok "CUPS is sending job $job"; fi
	pkill -9 -P "$CUPSD_PID" 2>/dev/null # its backend
	kill -9 "$CUPSD_PID" 2>/dev/null
	wait "$CUPSD_PID" 2>/dev/null
	CUPSD_PID=""
	kill "$_stall" 2>/dev/null
	wait "$_stall" 2>/dev/null
	expect_rc 0 "print status with CUPS gone" hd print status
	expect_eq "$(sql "SELECT state || ' ' || cups_job FROM spool WHERE id = $row")" "printing $job" \
		"the slip is still printing under its job"
	expect_rc 0 "print retry with CUPS gone" hd print retry
	expect_eq "$(sql "SELECT state || ' ' || cups_job || ' ' || attempts FROM spool WHERE id = $row")" \
		"printing $job 1" "print retry did not send it again"
}
_processing() {
	lpstat -h "$CUPS_SERVER" -l -p Stalled 2>/dev/null | grep -q "now printing Stalled-$job"
}

# back_up: the printer reads again (a listener on the same port, so the
# job CUPS takes up at once finds it) and cupsd starts.
back_up() {
	sink_start "$1" "$STALL_PORT" || not_ok "a listener for the printer"
	if cupsd_up; then ok "cupsd starts again"; else not_ok "cupsd starts again"; fi
	cupsenable -h "$CUPS_SERVER" Stalled 2>/dev/null
}

# The print server takes its job up again.
stall_and_kill 张三
back_up Stalled
follow_jobs
expect_eq "$(sql "SELECT state || ' ' || cups_job FROM spool WHERE id = $row")" "done $job" \
	"the slip is done under the job CUPS took up again"
expect_rc 0 "print retry again" hd print retry
follow_jobs
sink_wait Stalled 1 # CUPS says done once it sent the job; the listener may still be writing it
expect_eq "$(sink_jobs Stalled)" 1 "the slip was printed exactly once"
expect_eq "$(qr_of_job "$(sink_job Stalled 1)")" "$(token_for V "$id")" "its QR is the visit's code"

# The print server lost the job; its number goes to another document.
stall_and_kill 李四
rm -f "$CUPS_DIR/spool/c$(printf %05d "$job")" "$CUPS_DIR/cache/job.cache"*
mv "$CUPS_DIR/sink-Stalled" "$CUPS_DIR/sink-Stalled-1"
back_up Stalled
printf 'another document\n' >"$T/other.txt"
lp -h "$CUPS_SERVER" -d A4 -t "another document" "$T/other.txt" >"$T/lp.out" 2>&1 ||
	not_ok "another document goes to A4"
expect_eq "$(sed -n 's/^request id is A4-\([0-9]*\) .*/\1/p' "$T/lp.out")" "$job" \
	"the other document has the number of the lost job"
follow_jobs
expect_eq "$(sql "SELECT state FROM spool WHERE id = $row")" waiting "the lost slip waits"
expect_eq "$(sql "SELECT last_error IN ('CUPS job $job did not print: the print service lost it',
	'CUPS 任务 $job 没有打印出来：打印服务丢失了这个任务') FROM spool WHERE id = $row")" 1 \
	"with the reason (in the language of the desk that followed the job)"
expect_rc 0 "print retry" hd print retry
follow_jobs
expect_eq "$(sql "SELECT state FROM spool WHERE id = $row")" done "the slip is done"
expect_rc 0 "print retry again" hd print retry
follow_jobs
sink_wait Stalled 1 # CUPS says done once it sent the job; the listener may still be writing it
expect_eq "$(sink_jobs Stalled)" 1 "the slip was printed exactly once"
expect_eq "$(qr_of_job "$(sink_job Stalled 1)")" "$(token_for V "$id")" "its QR is the visit's code"
expect_eq "$(sink_jobs A4)" 1 "the other document was printed once, on its own printer"

done_testing
