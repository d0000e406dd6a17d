#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/print/test_screen.sh - the printers on screen with a real (private)
# CUPS: the top line's state (打印机就绪), administration's 打印机 screen
# listing the queues with their state, a test page whose printed QR reads
# back as the code the status line shows, the destination picker (2) and the
# paper width (w) changing the settings; then CUPS stopped: the top line says
# so within two polls and the keys still answer at once, a test page waits
# (the top line counts it), and once CUPS is back r delivers it exactly once.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../screen/lib.sh"
. "$(dirname "$0")/lib.sh"

print_world tmux zbarimg python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
if ! "$HUBDESK" config set printer.receipt Receipt || ! "$HUBDESK" config set printer.a4 A4; then
	not_ok "the printers are set"
fi

READY=$(printf "$(zh 'printer %s')" "$(zh ready)")
AWAY=$(zh 'print service away')
WAITING1=$(printf "$(zh ', %d waiting')" 1)
PRINTERS=" $(zh Printers) |"
HELP=" 帮助 |"
TOKEN_RE='HD1-P-[0-9][0-9]*-[0-9A-Z]\{10\}'

# line_within N TEXT MS: waits (wait_ms) until line N shows TEXT, for at
# most MS milliseconds; sets TOOK (milliseconds waited); 1 on time-out.
line_shows() { scr_line "$1" | grep -Fq -- "$2"; }
line_within() {
	wait_ms "$3" line_shows "$1" "$2"
	_rc=$?
	TOOK=$WAITED
	return $_rc
}

# expect_line_within N TEXT MS WHAT
expect_line_within() {
	if line_within "$1" "$2" "$3"; then
		ok "$4 (${TOOK} ms)"
	else
		not_ok "$4: line $1 did not show '$2' within $3 ms" "$(scr_show | sed 's/^/| /')"
	fi
}

# status_token [OLD]: waits for a test page's code (other than OLD) on the
# status line (row 23) and prints it.
_new_token() {
	_tok=$(scr_show | sed -n 22,23p | grep -o "$TOKEN_RE" | head -n 1)
	[ -n "$_tok" ] && [ "$_tok" != "$1" ]
}
status_token() {
	wait_for "$SCR_TIMEOUT" _new_token "${1:-}" && echo "$_tok"
}

# expect_setting KEY VALUE WHAT: `hubdesk config get KEY` says VALUE, soon.
setting_is() { [ "$("$HUBDESK" config get "$1" 2>/dev/null)" = "$2" ]; }
expect_setting() {
	if wait_for 5 setting_is "$1" "$2"; then
		ok "$3"
	else
		not_ok "$3: $1 is '$("$HUBDESK" config get "$1" 2>&1)', expected '$2'"
	fi
}

# The top line shows the printers' state once the watch has asked CUPS.
scr_start 80 24
expect_line 1 首页 "home"
expect_line_within 1 "$READY" 8000 "the top line says $READY"
scr_signin 管理员 246810
scr_keys 9
expect_line 1 系统管理 "9 opens administration"
scr_keys 6
expect_line 1 "$PRINTERS" "6 opens the printers screen (${PRINTERS# })"
expect_row_has Receipt "$(zh ready)" "the receipt queue Receipt is listed, $(zh ready)"
expect_row_has "A4  " "$(zh ready)" "the A4 queue A4 is listed, $(zh ready)"
expect_screen "$(printf "$(zh '%s mm (w switches 80/58)')" 80)" "the paper is 80 mm"

# t: a test page on the receipt printer, whose QR is the code on the status line.
scr_keys t
if code=$(status_token); then
	ok "t prints a test page: the status line shows its code $code"
else
	not_ok "t prints a test page: the status line shows its code" "$(scr_show | sed 's/^/| /')"
fi
expect_line 23 "$(zh_part 'sent to printer %s (CUPS job %d)' 7)" "the status line says it was sent"
expect_job Receipt 1 "the receipt printer received the page"
expect_eq "$(head_hex "$(sink_job Receipt 1)")" "1b40" "the job is ESC/POS (starts with ESC @)"
expect_eq "$(qr_of_job "$(sink_job Receipt 1)")" "$code" "the printed QR reads back as the code shown"
page_done() { [ "$(sql "SELECT state FROM spool WHERE id = $(echo "$code" | cut -d- -f3)")" = done ]; }
if wait_for 10 page_done; then
	ok "the desk follows the job: the page is done once CUPS says it completed"
else
	not_ok "the desk follows the job to done" "$(sql "SELECT id, state, cups_job FROM spool")"
fi

# 2: the destination picker lists what CUPS has; Down, Enter picks.
scr_keys 2
expect_screen_all "2 opens the picker listing CUPS's queues" \
	"$(zh_part 'CUPS destinations (Enter picks, Esc closes):' 8)" "> A4" "  Receipt"
scr_keys Down Enter
expect_setting printer.a4 Receipt "Down, Enter picks the second queue: printer.a4 is Receipt"
expect_line 23 "$(printf "$(zh '%s is now %s.')" printer.a4 Receipt)" "the status line says so"
expect_row_has "Receipt" "$(zh_part '2 A4')" "the screen shows Receipt as the A4 printer"
scr_keys 2
expect_screen " Receipt" "2 opens the picker again"
scr_keys Enter
expect_setting printer.a4 A4 "Enter picks the first, A4: printer.a4 is A4 again"

# w: the paper width.
scr_keys w
expect_setting printer.receipt.width 58 "w switches the paper to 58 mm"
expect_screen "$(printf "$(zh '%s mm (w switches 80/58)')" 58)" "the screen shows 58 mm"

wait_for 20 cups_idle || not_ok "CUPS finishes its jobs"

# CUPS away: the top line says so within two polls of the watch, and
# meanwhile, whenever the watch asks, the keys answer at once.
# away_or_round: true once the top line says AWAY; until then one round of
# F1 and Esc, each answer timed (the slow ones added to $slow).
away_or_round() {
	line_shows 1 "$AWAY" && return 0
	scr_keys F1
	line_within 1 "$HELP" 1000 || slow="$slow F1:${TOOK}ms"
	scr_keys Escape
	line_within 1 "$PRINTERS" 1000 || slow="$slow Esc:${TOOK}ms"
	rounds=$((rounds + 1))
	return 1
}
cupsd_down
t0=$(now_ms)
slow=""
rounds=0
wait_for 11 away_or_round
away_ms=$(($(now_ms) - t0))
if line_shows 1 "$AWAY" && [ "$away_ms" -le 11000 ]; then
	ok "with cupsd stopped the top line says $AWAY ($away_ms ms)"
else
	not_ok "with cupsd stopped the top line says $AWAY within 11 s (waited $away_ms ms)" "$(scr_show | sed 's/^/| /')"
fi
if [ -z "$slow" ]; then
	ok "meanwhile F1 opens help and Esc comes back, each within 1 s ($rounds times)"
else
	not_ok "while CUPS goes away the keys answer within 1 s" "slow:$slow" "$(scr_show | sed 's/^/| /')"
fi
slow=""
for _ in 1 2 3; do
	scr_keys F1
	line_within 1 "$HELP" 1000 || slow="$slow F1:${TOOK}ms"
	scr_keys Escape
	line_within 1 "$PRINTERS" 1000 || slow="$slow Esc:${TOOK}ms"
done
if [ -z "$slow" ]; then
	ok "with CUPS away F1 and Esc still answer within 1 s"
else
	not_ok "with CUPS away the keys answer within 1 s" "slow:$slow" "$(scr_show | sed 's/^/| /')"
fi

# t while away: the page waits, and the top line counts it.
scr_keys t
if waiting_code=$(status_token "$code"); then
	ok "t with CUPS away still makes a page: $waiting_code"
else
	not_ok "t with CUPS away still makes a page" "$(scr_show | sed 's/^/| /')"
fi
expect_in_rows 22 23 "$(zh_part '%s; the document waits in the print spool and was saved as %s')" \
	"the status line says the page waits (a long message takes the row above too)"
expect_line_within 1 "$WAITING1" 3000 "the top line says $WAITING1"
expect_screen "$(printf "$(zh 'Waiting in the spool: %d')" 1)" "the screen lists the page waiting"
waiting=$(echo "$waiting_code" | cut -d- -f3)
expect_eq "$(sql "SELECT state FROM spool WHERE id = '$waiting'")" waiting "its spool row waits"

# CUPS back: r delivers it, once.
cupsd_up || not_ok "cupsd starts again"
before=$(sink_jobs Receipt)
scr_keys r
expect_line 23 "$(printf "$(zh '%d delivered, %d still waiting')" 1 0)" "r delivers the page"
expect_job Receipt $((before + 1)) "the receipt printer got the waiting page"
expect_eq "$(qr_of_job "$(sink_job Receipt $((before + 1)))")" "$waiting_code" \
	"its QR reads back as the code shown when it was made"
wait_for 20 cups_idle || not_ok "CUPS finishes its jobs"
expect_eq "$(sink_jobs Receipt)" $((before + 1)) "the printer got exactly one more job"
follow_jobs
expect_eq "$(sql "SELECT state FROM spool WHERE id = '$waiting'")" "done" "the spool row is done"
expect_no_screen "$WAITING1" "the top line no longer counts it"
expect_line_within 1 "$READY" 11000 "the top line says $READY again"

done_testing
