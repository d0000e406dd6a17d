# SPDX-License-Identifier: GPL-3.0-or-later
# test_slip.sh - the visitor slip through a real (private) CUPS: `visitor
# checkin` prints ESC/POS on the receipt queue; its QR raster decodes to
# exactly the printed code; its GB18030 text holds the name and the masked
# phone but never the full phone; with CUPS away the check-in still succeeds
# and the slip waits, and once CUPS is back `print retry` delivers it once.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

FULL=13800135678
TAB=$(printf '\t')

print_world zbarimg python3 sqlite3

hd init >/dev/null 2>&1
hd config set printer.receipt Receipt || not_ok "the receipt printer is set"

# --- A check-in prints its slip.
expect_rc 0 "visitor checkin with the receipt printer set" hd visitor checkin --name 张三 \
	--phone '+86 138-0013-5678' --purpose 1 --party 2
code=$(cut -f2 "$T/out")
if grep -Eq "^1${TAB}HD1-V-1-[0-9A-Z]{10}${TAB}" "$T/out"; then ok "it prints ID<TAB>code<TAB>summary"; else
	not_ok "it prints ID<TAB>code<TAB>summary" "stdout: $(cat "$T/out")"; fi
expect_no_err "wait|not printed" "nothing waits"
expect_job Receipt 1 "the receipt printer received the slip"
job=$(sink_job Receipt 1)
expect_eq "$(head_hex "$job")" "1b40" "the job starts with ESC @"
follow_jobs
expect_eq "$(sql "SELECT state || ' ' || (cups_job > 0) || ' ' || format || ' ' || copy FROM spool WHERE kind = 'visitor' AND record_id = 1")" \
	"done 1 escpos 1" "the spool row is done, ESC/POS, first copy"
if pbm_of "$job" "$T/qr.pbm" 2>"$T/pbm.err"; then
	ok "the job holds a GS v 0 raster"
else
	not_ok "the job holds a GS v 0 raster" "$(cat "$T/pbm.err")"
fi
expect_eq "$(zbar_text "$T/qr.pbm")" "$code" "the printed QR reads back as exactly the code"
text_of "$job" >"$T/slip.txt"
if grep -q '张三' "$T/slip.txt"; then ok "the GB18030 text holds the name"; else
	not_ok "the GB18030 text holds the name" "$(head -c 400 "$T/slip.txt")"; fi
if grep -qF '138****5678' "$T/slip.txt"; then ok "the GB18030 text holds the masked phone"; else
	not_ok "the GB18030 text holds the masked phone" "$(head -c 400 "$T/slip.txt")"; fi
# (hd is the English interface: the slip says the purpose in English.)
if grep -q 'Policy consultation' "$T/slip.txt" && ! grep -q '政策咨询' "$T/slip.txt"; then
	ok "the GB18030 text holds the purpose, in the interface's English"
else
	not_ok "the GB18030 text holds the purpose in English" "$(head -c 400 "$T/slip.txt")"; fi
if grep -qF "$code" "$T/slip.txt"; then ok "the code is printed under the QR"; else
	not_ok "the code is printed under the QR"; fi
if grep -qF "$FULL" "$T/slip.txt" || grep -aqF "$FULL" "$job"; then
	not_ok "the slip never holds the full phone" "$(grep -aF "$FULL" "$T/slip.txt" | head -2)"
else
	ok "the slip never holds the full phone"
fi

# --- CUPS away: the check-in still succeeds and the slip waits.
follow_jobs # the jobs sent so far are printed first
cupsd_down
expect_rc 0 "visitor checkin with CUPS stopped exits 0" hd visitor checkin --name 李四 \
	--phone 13700002222 --purpose 12
code2=$(cut -f2 "$T/out")
id2=$(cut -f1 "$T/out")
expect_eq "$id2" 2 "the visit is saved"
expect_err "wait" "stderr says the slip waits"
expect_eq "$(sql "SELECT state FROM spool WHERE kind = 'visitor' AND record_id = $id2")" waiting \
	"the spool row waits"
if [ -f "$HUBDESK_SPOOL/visitor-$id2-1.bin" ]; then ok "the slip is in HUBDESK_SPOOL as visitor-$id2-1.bin"; else
	not_ok "the slip is in HUBDESK_SPOOL as visitor-$id2-1.bin" "$(ls -la "$HUBDESK_SPOOL" 2>&1)"; fi
expect_eq "$(sql "SELECT count(*) FROM visit WHERE id = $id2 AND time_out IS NULL")" 1 "the visitor is in"

# --- CUPS back: print retry delivers it exactly once.
cupsd_up || not_ok "cupsd starts again"
expect_rc 0 "print retry" hd print retry
expect_err "^hubdesk: 1 delivered, 0 still waiting" "one slip delivered, none waiting"
expect_job Receipt 2 "the receipt printer got the waiting slip"
follow_jobs
expect_eq "$(sql "SELECT state FROM spool WHERE kind = 'visitor' AND record_id = $id2")" done "the row is done"
expect_eq "$(ls "$HUBDESK_SPOOL" 2>/dev/null | grep -c "^visitor-$id2-")" 0 "its spool file is gone once delivered"
expect_eq "$(qr_of_job "$(sink_job Receipt 2)" 2>/dev/null)" "$code2" \
	"the delivered slip's QR reads back as its code"
text_of "$(sink_job Receipt 2)" >"$T/slip2.txt"
if grep -q '李四' "$T/slip2.txt" && grep -qF '137****2222' "$T/slip2.txt" &&
	! grep -qF 13700002222 "$T/slip2.txt"; then
	ok "the delivered slip holds the name and the masked phone only"
else
	not_ok "the delivered slip holds the name and the masked phone only" "$(head -c 400 "$T/slip2.txt")"
fi
expect_rc 0 "a second print retry" hd print retry
expect_err "0 delivered, 0 still waiting" "it delivers nothing more"
wait_for 20 cups_idle || not_ok "CUPS finishes its jobs"
expect_eq "$(sink_jobs Receipt)" 2 "the printer got exactly two slips"

# --- A reprint: the same code, the paper says 补打 / REPRINT, audited.
expect_rc 0 "print visitor reprints the slip" hd print visitor "$(printf '%s' "$code2" | cut -d- -f3)"
expect_out "copy 2" "it is the second copy"
expect_job Receipt 3 "the receipt printer got the reprint"
expect_eq "$(qr_of_job "$(sink_job Receipt 3)" 2>/dev/null)" "$code2" "the reprint carries the same code"
text_of "$(sink_job Receipt 3)" >"$T/slip3.txt"
if grep -q '补打' "$T/slip3.txt" && ! grep -q '补打' "$T/slip2.txt"; then
	ok "only the reprint says 补打"
else
	not_ok "only the reprint says 补打" "$(head -c 300 "$T/slip3.txt")"
fi
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'reprint'")" 1 "the reprint is audited"

done_testing
