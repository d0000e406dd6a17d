# SPDX-License-Identifier: GPL-3.0-or-later
# test_print.sh - printing through a real (private) CUPS: the test page on the
# receipt queue (ESC/POS) and the A4 queue (PDF), their QR codes read back
# with zbarimg and verified, forged codes refused, and the spool keeping
# documents while CUPS or a queue is away, then delivering each exactly once.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

print_world zbarimg pdftoppm pdftotext python3 sqlite3

hd init --demo 2>/dev/null
hd config set printer.receipt Receipt && hd config set printer.a4 A4 ||
	not_ok "the printers are set"

# The test page on the receipt printer: ESC/POS whose QR reads back.
expect_rc 0 "print test goes to the receipt printer" hd print test
expect_out '^[0-9]+	HD1-P-[0-9]+-[0-9A-Z]{10}	' "print test prints ID, the code and a summary"
expect_lines 1 "one line for the one page"
page=$(cut -f1 "$T/out")
code=$(cut -f2 "$T/out")
expect_eq "$code" "$(token_for P "$page")" "the code is HD1-P-<its print job>-<MAC of the installation's key>"
expect_job Receipt 1 "the receipt printer received the page"
job=$(sink_job Receipt 1)
expect_eq "$(head_hex "$job")" "1b40" "the job starts with ESC @"
if pbm_of "$job" "$T/qr.pbm" 2>"$T/pbm.err"; then
	ok "the job holds a GS v 0 raster"
else
	not_ok "the job holds a GS v 0 raster" "$(cat "$T/pbm.err")"
fi
expect_eq "$(zbar_text "$T/qr.pbm")" "$code" "the printed QR reads back as exactly the code"
follow_jobs
expect_eq "$(sql "SELECT state || ' ' || (cups_job > 0) || ' ' || kind || ' ' || record_id || ' ' || copy || ' ' || format FROM spool WHERE id = $page")" \
	"done 1 test $page 1 escpos" "the spool row is done with its CUPS job"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'print' AND record = 'spool' AND record_id = $page")" 1 \
	"the print is audited"

# Verify: the page's code, in the shapes a scanner or a person may give it.
expect_rc 0 "verify the printed code" hd verify "$code"
expect_out "^page	$page	print test page of 2026-11-23\$" "verify says page, its id and date"
expect_rc 0 "verify in lower case" hd verify "$(echo "$code" | tr 'A-Z' 'a-z')"
expect_out "^page	$page	" "lower case names the same page"
expect_rc 0 "verify with surrounding spaces" hd verify "  $code "

forged_before=$(sql "SELECT count(*) FROM audit WHERE action = 'code.forged'")
# Every single-character change, each to another character of the code's
# alphabet (never to an alias of the one it replaces).
python3 - "$code" >"$T/mutations" <<'EOF'
import sys
code, alpha = sys.argv[1], "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
for i, c in enumerate(code):
    r = "0" if c == "-" else alpha[(alpha.index(c) + 1) % len(alpha)]
    print(code[:i] + r + code[i + 1:])
EOF
accepted=""
tries=0
while read -r bad; do
	hd verify "$bad" >/dev/null 2>"$T/err" </dev/null
	rc=$?
	tries=$((tries + 1))
	[ "$rc" = 5 ] && grep -q "not a genuine code" "$T/err" || accepted="$accepted $bad(exit $rc)"
done <"$T/mutations"
if [ -z "$accepted" ] && [ "$tries" = ${#code} ]; then
	ok "every one of $tries single-character changes of the code is refused (exit 5, not a genuine code)"
else
	not_ok "single-character changes refused" "accepted:$accepted"
fi
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'code.forged'")" $((forged_before + tries)) \
	"every forged code is audited"
expect_rc 5 "a made-up page code" hd verify "HD1-P-$page-0000000000"
expect_err "not a genuine code" "the refusal says so"
expect_rc_err 5 'not a genuine code of this centre' "text that is no code" hd verify "hello"
expect_rc_err 2 'verify: use verify TEXT' "verify without text" hd verify

# A code made with another installation's key.
mkdir -p "$T/other"
HUBDESK_DB="$T/other/hubdesk.db" "$HUBDESK" --lang en init </dev/null >/dev/null 2>&1
env -u HUBDESK_SPOOL HUBDESK_DB="$T/other/hubdesk.db" "$HUBDESK" --lang en print test \
	>"$T/out" 2>"$T/err" </dev/null
expect_eq "$?" 0 "with no printer set, print test exits 0"
expect_err "no printer is set" "and says no printer is set"
other=$(cut -f2 "$T/out")
expect_eq "$(ls "$T/other/spool" 2>/dev/null)" "test-1-1.pdf" \
	"it waits as a PDF in the spool folder beside the database"
expect_rc_err 5 'not a genuine code of this centre' "another installation's code" hd verify "$other"
expect_rc_err 5 'not a genuine code of this centre' "another installation's code for the same page number" hd verify "$(token_for P "$page" "$T/other/hubdesk.db")"

# Codes of other kinds: a team of the register, and records that are gone.
team=$(sql "SELECT id FROM team ORDER BY id LIMIT 1")
expect_rc 0 "a team's code" hd verify "$(token_for T "$team")"
expect_out "^team	$team	$(sql "SELECT name FROM team WHERE id = $team")\$" "verify names the team"
expect_rc 4 "a genuine code of a team that is gone" hd verify "$(token_for T 99999)"
expect_err "genuine" "the message says it is genuine"
expect_rc_err 4 'a genuine code, but the record is gone \(visit 1\)' "a genuine visit code whose visit does not exist" hd verify "$(token_for V 1)"
expect_rc_err 4 'a genuine code, but the record is gone \(booking 1\)' "a genuine booking code whose booking does not exist" hd verify "$(token_for B 1)"
expect_rc_err 4 'a genuine code, but the record is gone \(page 99999\)' "a genuine page code of no print job" hd verify "$(token_for P 99999)"

# The A4 printer gets a PDF whose QR reads back and whose text is Chinese.
run "$HUBDESK" --lang zh print test --to A4
expect_eq "$RC" 0 "print test --to A4 exits 0"
a4code=$(cut -f2 "$T/out")
expect_job A4 1 "the A4 printer received the page"
cp "$(sink_job A4 1)" "$T/page.pdf"
expect_eq "$(head -c 5 "$T/page.pdf")" "%PDF-" "the A4 job is a PDF"
pdftoppm -r 150 -gray -png "$T/page.pdf" "$T/page" 2>/dev/null
expect_eq "$(zbar_text "$T/page-1.png")" "$a4code" "the PDF's QR reads back as exactly the code"
pdftotext "$T/page.pdf" "$T/page.txt" 2>/dev/null
if grep -q '中文打印测试' "$T/page.txt"; then ok "the PDF has the Chinese sample line"; else
	not_ok "the PDF has the Chinese sample line" "$(head -5 "$T/page.txt")"; fi
if grep -q '打印测试页' "$T/page.txt"; then ok "the PDF's title is 打印测试页 in Chinese"; else
	not_ok "the PDF's title is 打印测试页 in Chinese" "$(head -3 "$T/page.txt")"; fi
expect_rc 0 "--format escpos overrides the A4 queue's PDF" hd print test --to A4 --format escpos
sink_wait A4 2
expect_eq "$(head_hex "$(sink_job A4 2)")" "1b40" "the A4 queue got ESC/POS"

# Bad usage.
expect_rc_err 2 '--format: escpos or pdf, not postscript' "an unknown format" hd print test --format postscript
expect_rc_err 2 '--to: a CUPS queue name' "a queue name with a space" hd print test --to "My Printer"
expect_rc 4 "print visitor of a visit that does not exist" hd print visitor 1
expect_err "no visit" "it says which visit is missing"
expect_rc_err 2 'print: use print visitor\|booking\|team ID' "an unknown print subcommand" hd print frobnicate

# Printer status.
expect_rc 0 "print status" hd print status
expect_out "^Receipt	.*	ready" "the receipt queue is ready"
expect_out "^A4	.*	ready" "the A4 queue is ready"

# CUPS away: the page waits, as a row and a file, and the desk is told.
follow_jobs # the jobs sent so far are printed first
cupsd_down
expect_rc 0 "print test with CUPS stopped exits 0" hd print test
expect_err "waits" "it says the page waits"
expect_err "CUPS" "and names CUPS"
waiting=$(cut -f1 "$T/out")
expect_eq "$(sql "SELECT state || ' ' || attempts FROM spool WHERE id = $waiting")" "waiting 1" \
	"the spool row waits"
if [ -f "$HUBDESK_SPOOL/test-$waiting-1.bin" ]; then ok "the page is in HUBDESK_SPOOL as test-$waiting-1.bin"; else
	not_ok "the page is in HUBDESK_SPOOL as test-$waiting-1.bin" "$(ls -la "$HUBDESK_SPOOL" 2>&1)"; fi
expect_eq "$(stat -c %a "$HUBDESK_SPOOL")" 700 "the spool folder is the owner's only"
expect_rc 0 "print status with CUPS stopped" hd print status
expect_out "^Receipt	.*	CUPS not reachable" "the receipt queue is shown unreachable"
expect_out "^$waiting	test-$waiting-1	Receipt	waiting	" "the waiting page is listed"
expect_rc 0 "print retry with CUPS still stopped" hd print retry
expect_err "0 delivered" "nothing is delivered"

# CUPS back: the page is delivered once, and only once.
cupsd_up || not_ok "cupsd starts again"
before=$(sink_jobs Receipt)
expect_rc 0 "print retry" hd print retry
expect_err "^hubdesk: 1 delivered, 0 still waiting" "it says one was delivered and none wait"
expect_job Receipt $((before + 1)) "the receipt printer got the waiting page"
follow_jobs
expect_eq "$(sql "SELECT state FROM spool WHERE id = $waiting")" done "the row is done"
expect_eq "$(ls "$HUBDESK_SPOOL" | grep -c "^test-$waiting-")" 0 "its spool file is gone once delivered"
expect_rc 0 "a second print retry" hd print retry
expect_err "0 delivered, 0 still waiting" "it delivers nothing more"
wait_for 20 cups_idle || not_ok "CUPS finishes its jobs"
expect_eq "$(sink_jobs Receipt)" $((before + 1)) "the printer got exactly one more job"

# A stopped queue and a queue CUPS does not know: plain words, the page waits.
cupsdisable -h "$CUPS_SERVER" Receipt
expect_rc 0 "print test to a stopped queue exits 0" hd print test
expect_err "printer Receipt is stopped" "it says the printer is stopped"
stopped=$(cut -f1 "$T/out")
expect_eq "$(sql "SELECT state FROM spool WHERE id = $stopped")" waiting "the page waits"
expect_rc 0 "print status of a stopped queue" hd print status
expect_out "^Receipt	.*	stopped" "the receipt queue is shown stopped"
expect_rc 0 "print test --to NoSuchQueue exits 0" hd print test --to NoSuchQueue
expect_err "no printer queue named NoSuchQueue" "it says there is no such queue"
missing=$(cut -f1 "$T/out")
expect_eq "$(sql "SELECT state FROM spool WHERE id = $missing")" waiting "the page waits"
if [ -f "$HUBDESK_SPOOL/test-$missing-1.pdf" ]; then ok "it waits as a PDF file"; else
	not_ok "it waits as a PDF file" "$(ls -la "$HUBDESK_SPOOL" 2>&1)"; fi
cupsenable -h "$CUPS_SERVER" Receipt
expect_rc 0 "print retry once the queue runs again" hd print retry
expect_err "1 delivered, 1 still waiting" "the stopped queue's page goes, the unknown queue's waits"

# Two desks retrying at the same moment send each waiting page once. (The
# page just sent is printed first: CUPS stopped in the middle of a job is
# another test.)
follow_jobs
cupsd_down
for n in 1 2 3; do hd print test >/dev/null 2>&1; done
cupsd_up || not_ok "cupsd starts again"
wait_for 20 cups_idle
before=$(sink_jobs Receipt)
hd print retry >/dev/null 2>"$T/retry1" &
r1=$!
hd print retry >/dev/null 2>"$T/retry2" &
r2=$!
wait $r1
wait $r2
sent=$(($(sed -n 's/^hubdesk: \([0-9]*\) delivered.*/\1/p' "$T/retry1") + \
	$(sed -n 's/^hubdesk: \([0-9]*\) delivered.*/\1/p' "$T/retry2")))
expect_eq "$sent" 3 "two retries at once deliver the three waiting pages between them"
sink_wait Receipt $((before + 3))
wait_for 20 cups_idle
expect_eq "$(sink_jobs Receipt)" $((before + 3)) "the printer got each page once"
follow_jobs
expect_eq "$(sql "SELECT count(*) FROM spool WHERE state != 'done'")" 1 "only the unknown queue's page waits"

done_testing
