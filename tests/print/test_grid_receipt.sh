#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/print/test_grid_receipt.sh - the booking receipt from the room grid
# through a real (private) CUPS, and the check-in by its scan: with
# printer.receipt set to the raw queue Receipt, a free cell of 二楼会议室A at
# 10:00 booked at 80x24 in Chinese for 浦东新区阳光社工服务社 (typed 阳光,
# taken, F2); the status line says the receipt went to Receipt, the sink
# gets one ESC/POS job whose GS v 0 raster decodes (zbarimg) to exactly the
# booking's code (the one its detail screen shows and the database's key
# signs), whose GB18030 text names the booker and the room but holds no full
# phone, and the spool row is done. Then an app started at 09:50, inside the
# check-in window, takes the code typed at home with Enter as a scan: the
# status line welcomes the booker, the grid shows * (checked in), a second
# scan says when it was, and hubdesk booking list says checked_in.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../screen/lib.sh"
. "$(dirname "$0")/lib.sh"

print_world tmux zbarimg python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
"$HUBDESK" config set printer.receipt Receipt || not_ok "the receipt printer is set"

GRID=场地预约
DAY=2026-11-23
ORG=浦东新区阳光社工服务社
FULL=13812345678 # its contact's phone
ROOM=二楼会议室A
ROOM_ID=$(sql "SELECT id FROM room WHERE name = '$ROOM'")

# Booked from the grid, the receipt printed.
scr_start 80 24
expect_line 1 首页 "home"
scr_keys 2
expect_line 1 "$GRID" "2 opens $GRID"
select_cell "$ROOM" 10:00
expect_line 21 "$ROOM $DAY 10:00" "the arrows select $ROOM at 10:00"
scr_keys Enter
expect_line 1 "$(zh 'New booking')" "Enter on the free cell opens $(zh 'New booking')"
scr_type 阳光
expect_row_has "$ORG" "$(zh Org)" "typing 阳光 in $(zh Booker) offers $ORG"
scr_keys Enter
expect_row_has "*$(zh Booker)" "$ORG" "Enter takes $ORG"
scr_keys F2
expect_line 1 "$GRID" "F2 saves and goes back to the grid"
expect_in_rows 22 23 "$(zhf 'Booked (%d). %s' 1 "")" "the status line says it is booked"
expect_in_rows 22 23 "$(zh_part 'sent to printer %s (CUPS job %d)' 7)" "and that the receipt was sent"
expect_line 23 Receipt "to Receipt"
BK=$(sql "SELECT max(id) FROM booking")
expect_eq "$(sql "SELECT room_id || ' ' || org_id || ' ' || state FROM booking WHERE id = ${BK:-0}")" \
	"$ROOM_ID $(sql "SELECT id FROM org WHERE name = '$ORG'") confirmed" "booking $BK is $ORG's in $ROOM, confirmed"
expect_cells "$ROOM" 10:00 11:00 "|阳光社" "the grid shows |阳光社 at 10:00 in $ROOM"

expect_job Receipt 1 "the receipt printer received the receipt"
job=$(sink_job Receipt 1)
expect_eq "$(head_hex "$job")" "1b40" "the job is ESC/POS (starts with ESC @)"
QR=$(qr_of_job "$job")
expect_eq "$QR" "$(token_for B "${BK:-0}")" "the printed QR decodes to booking $BK's code"
if printf '%s' "$QR" | grep -Eq "^HD1-B-$BK-[0-9A-Z]{10}\$"; then ok "it reads HD1-B-$BK-…: $QR"; else
	not_ok "the QR reads HD1-B-$BK-…" "got '$QR'"; fi
run "$HUBDESK" verify "$QR"
expect_out "^booking	$BK	" "hubdesk verify takes it as booking $BK"
select_cell "$ROOM" 10:00
scr_keys Enter
expect_line 1 "$(zh Booking)" "Enter on the booking opens its detail"
expect_row_has "$(zh Code)" "${QR:-no QR decoded}" "the detail shows the code the QR holds"
scr_keys Escape
expect_line 1 "$GRID" "Esc: the grid"
text_of "$job" >"$T/receipt.txt"
if grep -Fq "$ORG" "$T/receipt.txt" && grep -Fq "$ROOM" "$T/receipt.txt"; then
	ok "the receipt's text names $ORG and $ROOM"
else
	not_ok "the receipt's text names $ORG and $ROOM" "$(head -c 600 "$T/receipt.txt")"
fi
if grep -aFq "$FULL" "$job" || grep -Fq "$FULL" "$T/receipt.txt"; then
	not_ok "the printed job never holds the full phone"
else
	ok "the printed job never holds the full phone"
fi
wait_for 20 cups_idle || not_ok "CUPS finishes its jobs"
expect_eq "$(sink_jobs Receipt)" 1 "exactly one job was printed"
follow_jobs
expect_eq "$(sql "SELECT state || ' ' || format || ' ' || (cups_job > 0) FROM spool WHERE kind = 'booking' AND record_id = ${BK:-0}")" \
	"done escpos 1" "the spool row is done, ESC/POS, with its CUPS job"
scr_stop

# At 09:50 (check-in from 09:45 to 10:15) the receipt scanned at home.
export HUBDESK_NOW=2026-11-23T09:50:00+08:00
scr_start 80 24
expect_line 1 首页 "09:50: home"
scr_type "${QR:-HD1-B-0-0000000000}"
expect_screen "${QR:-HD1-B}" "the scanned text shows while it comes in"
scr_keys Enter
expect_line 23 "$(zhf '%s, %s: checked in at %s. Welcome!' "$ORG" "$ROOM" 09:50)" \
	"the scan checks in: $(zhf '%s, %s: checked in at %s. Welcome!' "$ORG" "$ROOM" 09:50)"
expect_eq "$(sql "SELECT state || ' ' || checkin_at FROM booking WHERE id = ${BK:-0}")" \
	"checked_in $(date -d "$DAY 09:50" +%s)" "the database has it checked in at 09:50"
scr_type "${QR:-HD1-B-0-0000000000}"
scr_keys Enter
expect_line 23 "$(zhf '%s, %s: checked in already at %s.' "$ORG" "$ROOM" 09:50)" \
	"a second scan says it was checked in already at 09:50"
scr_keys 2
expect_line 1 "$GRID" "2 opens the grid"
expect_cells "$ROOM" 10:00 11:00 "*阳光社" "the grid shows *阳光社 (checked in) at 10:00 in $ROOM"
select_cell "$ROOM" 10:00
expect_line 21 "$ROOM $DAY 10:00-11:00  $ORG  1  $(zh checked_in)" "the selected cell reads $(zh checked_in)"
run hd booking list --date "$DAY"
expect_out "^$BK	$ROOM	$DAY	10:00	11:00	$ORG	1	checked_in\$" "hubdesk booking list --date $DAY says checked_in"
expect_eq "$(sink_jobs Receipt)" 1 "the check-in printed nothing"

done_testing
