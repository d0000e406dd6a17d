#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/print/test_visitor_print.sh - the visitor slip from the check-in
# screen through a real (private) CUPS: with printer.receipt set to the raw
# queue Receipt, 王小明 checked in at 80x24 in Chinese; the status line says
# the slip went to the printer, the Receipt sink gets one ESC/POS job whose
# GS v 0 raster decodes (zbarimg) to exactly the code the screen spells out,
# whose GB18030 text holds the name and the masked phone but never the full
# phone, and the spool row is done.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../screen/lib.sh"
. "$(dirname "$0")/lib.sh"

print_world tmux zbarimg python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
"$HUBDESK" config set printer.receipt Receipt || not_ok "the receipt printer is set"

FULL=13812345678
MASKED='138****5678'

# slip_code: waits for the spaced-out code (H D 1 - V - …) on the screen and
# prints it joined; 1 on time-out.
_code_shown() {
	_code=$(scr_show | grep -E '^ *H D 1 - V - ' | head -1 | tr -d ' ')
	[ -n "$_code" ]
}
slip_code() {
	wait_for "$SCR_TIMEOUT" _code_shown && printf '%s\n' "$_code"
}

scr_start 80 24
expect_line 1 首页 "home"
scr_keys 1
expect_line 1 访客登记 "1 opens 访客登记"
scr_type 王小明
scr_keys Tab
scr_type "$FULL"
scr_keys Tab
scr_type 1
scr_keys Tab
scr_type 阳光
expect_screen 浦东新区阳光社工服务社 "typing 阳光 offers 浦东新区阳光社工服务社"
scr_keys Enter
scr_keys F2
expect_screen "$(printf "$(zh 'Checked in: %s. Slip code:')" 王小明)" "F2 saves 王小明"
if code=$(slip_code) && printf '%s' "$code" | grep -Eq '^HD1-V-[0-9]+-[0-9A-Z]{10}$'; then
	ok "the screen spells out the slip code $code"
else
	code=""
	not_ok "the screen spells out the slip code" "$(scr_show | sed 's/^/| /')"
fi
visit=$(printf '%s' "$code" | cut -d- -f3)
expect_line 23 "$(zh_part 'sent to printer %s (CUPS job %d)' 7)" "the status line says the slip was sent"
expect_line 23 Receipt "to Receipt"

expect_job Receipt 1 "the receipt printer received the slip"
job=$(sink_job Receipt 1)
expect_eq "$(head_hex "$job")" "1b40" "the job is ESC/POS (starts with ESC @)"
expect_eq "$(qr_of_job "$job")" "${code:-no code on the screen}" "the printed QR decodes to the code on the screen"
run "$HUBDESK" verify "$(qr_of_job "$job")"
expect_out "^visit	$visit	" "the decoded text verifies as visit $visit"
text_of "$job" >"$T/slip.txt"
if grep -Fq 王小明 "$T/slip.txt" && grep -Fq "$MASKED" "$T/slip.txt"; then
	ok "the slip's text holds 王小明 and $MASKED"
else
	not_ok "the slip's text holds 王小明 and $MASKED" "$(head -c 600 "$T/slip.txt")"
fi
if grep -aFq "$FULL" "$job"; then
	not_ok "the printed job never holds the full phone"
else
	ok "the printed job never holds the full phone"
fi
wait_for 20 cups_idle || not_ok "CUPS finishes its jobs"
expect_eq "$(sink_jobs Receipt)" 1 "exactly one job was printed"
follow_jobs
expect_eq "$(sql "SELECT state || ' ' || format || ' ' || (cups_job > 0) FROM spool WHERE kind = 'visitor' AND record_id = $visit")" \
	"done escpos 1" "the spool row is done, ESC/POS, with its CUPS job"

done_testing
