#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/print/test_kiosk_booking.sh - a resident books at a kiosk and the
# receipt prints through a real (private) CUPS: with kiosk.mode on and
# printer.receipt set to the raw queue Receipt, nobody signed in (未登录),
# a free cell of 二楼会议室A at 10:00 booked for 浦东新区阳光社工服务社 with
# its booking PIN (a wrong PIN first: refused, nothing booked, nothing
# printed; then 8642): confirmed, booked by the resident (audit), the status
# line says the receipt went to Receipt, the sink gets one ESC/POS job whose
# QR decodes to exactly the booking's code (token_for B id), whose text names
# the booker and the room and holds no phone, and the spool row is done.
# Then the team 彩虹舞蹈队 books 12:00 with its PIN: pending (? in the grid),
# the status line says 已提交（待审批，1 次）, not booked, its receipt (the
# second job) says the same and its QR is that booking's code. The resident
# never sees a phone number.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../screen/lib.sh"
. "$(dirname "$0")/lib.sh"

print_world tmux zbarimg python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
"$HUBDESK" config set printer.receipt Receipt >/dev/null 2>&1 || not_ok "the receipt printer is set"
"$HUBDESK" config set kiosk.mode on >/dev/null 2>&1 || not_ok "kiosk mode is on"

GRID=场地预约
DAY=2026-11-23
ORG=浦东新区阳光社工服务社
ORG_ID=$(sql "SELECT id FROM org WHERE name = '$ORG'")
TEAM=彩虹舞蹈队
TEAM_ID=$(sql "SELECT id FROM team WHERE name = '$TEAM'")
ROOM=二楼会议室A
ROOM_ID=$(sql "SELECT id FROM room WHERE name = '$ROOM'")
PHONES=$(sql "SELECT phone FROM org WHERE phone IS NOT NULL UNION SELECT phone FROM team WHERE phone IS NOT NULL")
epoch() { date -d "$1" +%s; }

# Every screen read is kept in $T/seen, to look for phone numbers at the end.
scr_show() { _tmux capture-pane -t t -p | tee -a "$T/seen"; }

# booking_form HH:MM TYPED BOOKER KIND: the form of the free cell of $ROOM
# at HH:MM, BOOKER (shown with KIND, 机构 or 团队) taken by typing TYPED, the
# focus moved on to 预约密码.
booking_form() {
	select_cell "$ROOM" "$1"
	expect_line 21 "$ROOM $DAY $1" "the arrows select $ROOM at $1"
	scr_keys Enter
	expect_line 1 "$(zh 'New booking')" "Enter on the free cell opens $(zh 'New booking')"
	expect_row_has "*$(zh 'Booking PIN')" "the resident's form asks for *$(zh 'Booking PIN')"
	scr_type "$2"
	expect_row_has "$3" "$4" "typing $2 offers $3"
	scr_keys Enter
	expect_row_has "*$(zh Booker)" "$3" "Enter takes $3"
	scr_keys Tab Tab Tab Tab Tab Tab
}

# check_receipt N BK WHAT: job N of Receipt is ESC/POS and its QR decodes to
# booking BK's code; its text is left in $T/receipt-N.txt.
check_receipt() {
	expect_job Receipt "$1" "the receipt printer received the $3 receipt (job $1)"
	_job=$(sink_job Receipt "$1")
	expect_eq "$(head_hex "$_job")" "1b40" "job $1 is ESC/POS (starts with ESC @)"
	_qr=$(qr_of_job "$_job")
	expect_eq "$_qr" "$(token_for B "${2:-0}")" "job $1's QR decodes to booking $2's code"
	run "$HUBDESK" verify "${_qr:-none}"
	expect_out "^booking	$2	" "hubdesk verify takes it as booking $2"
	text_of "$_job" >"$T/receipt-$1.txt"
	_found=""
	for _p in $PHONES; do
		grep -aFq "$_p" "$_job" && _found="$_found $_p"
	done
	grep -Eq '1[3-9][0-9]{9}|[0-9]{3,4}\*{4}[0-9]{4}' "$T/receipt-$1.txt" && _found="$_found (a phone in the text)"
	expect_eq "$_found" "" "job $1 holds no phone number"
}

scr_start 80 24
expect_line 1 首页 "kiosk mode: home"
expect_line 1 未登录 "nobody is signed in (未登录): a resident"
expect_line 1 "$(zhf 'printer %s' "$(zh ready)")" "the top line says the printer is ready ($(zhf 'printer %s' "$(zh ready)"))"
scr_keys 2
expect_line 1 "$GRID" "2 opens $GRID"

# The organisation, a wrong PIN first.
booking_form 10:00 阳光 "$ORG" "$(zh Org)"
scr_type 7913
scr_keys Enter
expect_screen "$(printf "$(zh 'Wrong booking PIN: %d tries left.')" 4)" "a wrong booking PIN is refused"
expect_eq "$(sql "SELECT count(*) FROM booking")" 0 "and books nothing"
scr_type 8642
scr_keys Enter
expect_line 1 "$GRID" "8642 saves and goes back to the grid"
expect_line 23 "$(zhf 'Booked (%d). %s' 1 "")" "the status line says it is booked"
expect_line 23 "$(zh_part 'sent to printer %s (CUPS job %d)' 7)" "and that the receipt was sent"
expect_line 23 Receipt "to Receipt"
BK=$(sql "SELECT max(id) FROM booking")
expect_eq "$(sql "SELECT room_id || ' ' || ifnull(org_id, '-') || ' ' || start || ' ' || end || ' ' || state FROM booking WHERE id = ${BK:-0}")" \
	"$ROOM_ID $ORG_ID $(epoch "$DAY 10:00") $(epoch "$DAY 11:00") confirmed" \
	"booking $BK is $ORG's in $ROOM, 10:00-11:00, confirmed"
expect_eq "$(sql "SELECT actor || ' ' || ifnull(actor_name, '-') FROM audit WHERE action = 'booking.add' AND record_id = ${BK:-0}")" \
	"resident -" "the booking is audited as made by the resident"
expect_eq "$(sql "SELECT pin_failures FROM org WHERE id = $ORG_ID")" 0 "the right PIN cleared the failure"
expect_cells "$ROOM" 10:00 11:00 "|阳光社" "the grid shows |阳光社 at 10:00 in $ROOM"
check_receipt 1 "$BK" "organisation's"
if grep -Fq "$ORG" "$T/receipt-1.txt" && grep -Fq "$ROOM" "$T/receipt-1.txt"; then
	ok "the receipt's text names $ORG and $ROOM"
else
	not_ok "the receipt's text names $ORG and $ROOM" "$(head -c 600 "$T/receipt-1.txt")"
fi
if grep -Fq "待审批" "$T/receipt-1.txt"; then
	not_ok "the confirmed booking's receipt does not say it waits for approval"
else
	ok "the confirmed booking's receipt does not say it waits for approval"
fi
wait_for 20 cups_idle || not_ok "CUPS finishes its jobs"
expect_eq "$(sink_jobs Receipt)" 1 "exactly one job: the wrong PIN printed nothing"
follow_jobs
expect_eq "$(sql "SELECT state || ' ' || format || ' ' || (cups_job > 0) FROM spool WHERE kind = 'booking' AND record_id = ${BK:-0}")" \
	"done escpos 1" "the spool row is done, ESC/POS, with its CUPS job"

# The team, pending.
booking_form 12:00 彩虹 "$TEAM" "$(zh Team)"
scr_type 8642
scr_keys Enter
expect_line 1 "$GRID" "the team's PIN saves and goes back to the grid"
expect_line 23 "已提交（待审批，1 次）。" "the status line says 已提交（待审批，1 次）, not booked"
expect_line 23 Receipt "and names Receipt"
BK2=$(sql "SELECT max(id) FROM booking")
expect_eq "$(sql "SELECT room_id || ' ' || ifnull(team_id, '-') || ' ' || start || ' ' || state FROM booking WHERE id = ${BK2:-0} AND id <> ${BK:-0}")" \
	"$ROOM_ID $TEAM_ID $(epoch "$DAY 12:00") pending" "booking $BK2 is $TEAM's in $ROOM at 12:00, pending"
expect_cells "$ROOM" 12:00 13:00 "?彩虹舞" "the grid shows ?彩虹舞 (pending) at 12:00"
check_receipt 2 "$BK2" "team's"
if grep -Fq "$TEAM" "$T/receipt-2.txt" && grep -Fq "已提交（待审批，1 次）" "$T/receipt-2.txt"; then
	ok "the team's receipt names $TEAM and says: 已提交（待审批，1 次）"
else
	not_ok "the team's receipt names $TEAM and says it waits for approval" "$(head -c 600 "$T/receipt-2.txt")"
fi
wait_for 20 cups_idle || not_ok "CUPS finishes its jobs"
expect_eq "$(sink_jobs Receipt)" 2 "two jobs in all"

# Nothing the resident saw holds a phone number.
found=""
for p in $PHONES; do
	grep -Fq "$p" "$T/seen" && found="$found $p"
done
found="$found$(grep -Eo '1[3-9][0-9]{9}|[0-9]{3,4}\*{4}[0-9]{4}|0[0-9]{2,3}-[0-9]{7,8}' "$T/seen" | sort -u | tr '\n' ' ')"
expect_eq "$found" "" "no phone number on any screen the resident saw"

done_testing
