# test_booking.sh - `hubdesk booking add|cancel|checkin|list`: output lines,
# exit codes, the check-in window and the release of no-shows, on the
# command line.
. "$(dirname "$0")/../lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1
TAB=$(printf '\t')

expect_rc 0 "booking add" hd booking add --room 2 --org 1 --start '2026-11-24 10:00' \
	--end '2026-11-24 12:00' --attendees 10 --purpose 理事会 --no-print
expect_out "^1${TAB}HD1-B-1-[0-9A-Z]{10}${TAB}" "it prints ID, the receipt code and a summary"
CODE=$(cut -f2 "$T/out")
expect_rc 0 "verify of the receipt code" hd verify "$CODE"
expect_out "^booking${TAB}1${TAB}" "verify names the booking"

# Bad input (2), not found (4), refused by a rule (3).
expect_rc 2 "a malformed start" hd booking add --room 2 --org 1 --start tomorrow --end '2026-11-24 12:00'
expect_rc 2 "the end before the start" hd booking add --room 2 --org 1 --start '2026-11-24 12:00' --end '2026-11-24 11:00'
expect_rc 2 "neither an organisation nor a team" hd booking add --room 2 --start '2026-11-24 14:00' --end '2026-11-24 15:00'
expect_rc 2 "attendees 0" hd booking add --room 2 --org 1 --start '2026-11-24 14:00' --end '2026-11-24 15:00' --attendees 0
expect_rc 4 "an unknown room" hd booking add --room 99 --org 1 --start '2026-11-24 14:00' --end '2026-11-24 15:00'
expect_rc 4 "an unknown organisation" hd booking add --room 2 --org 99 --start '2026-11-24 14:00' --end '2026-11-24 15:00'
expect_rc 3 "an overlap" hd booking add --room 2 --org 2 --start '2026-11-24 11:00' --end '2026-11-24 13:00'
expect_err "booking 1" "the message names the booking in the way"
expect_rc 3 "off the grid" hd booking add --room 2 --org 2 --start '2026-11-24 12:15' --end '2026-11-24 13:00'
expect_rc 3 "over capacity" hd booking add --room 3 --org 2 --start '2026-11-24 14:00' --end '2026-11-24 15:00' --attendees 13
expect_rc 3 "in the past" hd booking add --room 2 --org 2 --start '2026-11-23 08:00' --end '2026-11-23 08:30'
expect_rc 3 "a team not filed yet" hd booking add --room 2 --team 7 --start '2026-11-24 14:00' --end '2026-11-24 15:00'
expect_rc 0 "touching the end of another booking" hd booking add --room 2 --org 2 --start '2026-11-24 12:00' --end '2026-11-24 13:00' --no-print
expect_eq "$(sql "SELECT count(*) FROM booking")" 2 "refused bookings wrote nothing"

# The check-in window: 15 minutes before to 15 after, both included.
HUBDESK_NOW=2026-11-24T09:44:00+08:00 expect_rc 3 "check-in at 09:44 is too early" hd booking checkin 1
HUBDESK_NOW=2026-11-24T09:45:00+08:00 expect_rc 0 "check-in at 09:45 by the receipt's code" hd booking checkin "$CODE"
HUBDESK_NOW=2026-11-24T09:50:00+08:00 expect_rc 0 "a second check-in" hd booking checkin 1
expect_err "already" "it says when the first happened"

# A no-show reads as released at once, and the slot is free again.
HUBDESK_NOW=2026-11-24T12:16:00+08:00 expect_rc 0 "list after the window of booking 2" hd booking list --date 2026-11-24
expect_out "^2${TAB}.*${TAB}released\$" "booking 2 reads as released without maintenance"
HUBDESK_NOW=2026-11-24T12:16:00+08:00 expect_rc 0 "the released slot can be booked again" \
	hd booking add --room 2 --org 3 --start '2026-11-24 12:30' --end '2026-11-24 13:30' --no-print

# Cancelling: twice is fine; late is marked.
HUBDESK_NOW=2026-11-24T12:16:00+08:00 expect_rc 0 "cancel" hd booking cancel 3
expect_eq "$(sql "SELECT state || ' ' || late_cancel FROM booking WHERE id = 3")" "cancelled 1" \
	"a cancellation 14 minutes before the start is late"
HUBDESK_NOW=2026-11-24T12:16:00+08:00 expect_rc 0 "a second cancel" hd booking cancel 3
expect_err "already" "it says the booking was cancelled already"
expect_rc 4 "cancel of an unknown booking" hd booking cancel 99
expect_rc 2 "checkin of a visitor slip's code" hd booking checkin "$(token_for V 1)"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE record = 'booking'")" 5 "every change is audited"

# Moving keeps the id and the code, and checks every rule again.
expect_rc 0 "a booking to move" hd booking add --room 5 --org 6 --start '2026-11-26 09:00' --end '2026-11-26 10:00' --no-print
MOVE_ID=$(cut -f1 "$T/out")
MOVE_CODE=$(cut -f2 "$T/out")
expect_rc 0 "booking move to a later time" hd booking move "$MOVE_ID" --start '2026-11-26 14:00' --end '2026-11-26 15:30'
expect_out "^${MOVE_ID}${TAB}${MOVE_CODE}${TAB}.*14:00-15:30" "the moved booking keeps its id and its code"
expect_rc 0 "booking move to another room" hd booking move "$MOVE_ID" --start '2026-11-26 14:00' --end '2026-11-26 15:30' --room 7
expect_eq "$(sql "SELECT room_id FROM booking WHERE id = $MOVE_ID")" 7 "it is in the other room"
expect_rc 0 "a booking in the way" hd booking add --room 7 --org 8 --start '2026-11-26 16:00' --end '2026-11-26 17:00' --no-print
expect_rc 3 "a move onto another booking" hd booking move "$MOVE_ID" --start '2026-11-26 15:30' --end '2026-11-26 16:30'
expect_rc 3 "a move off the grid" hd booking move "$MOVE_ID" --start '2026-11-26 15:10' --end '2026-11-26 16:00'
expect_rc 2 "a move with a malformed time" hd booking move "$MOVE_ID" --start soon --end '2026-11-26 16:00'
expect_eq "$(sql "SELECT start FROM booking WHERE id = $MOVE_ID")" \
	"$(sql "SELECT strftime('%s', '2026-11-26 06:00')")" "refused moves left the booking where it was"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'booking.move'")" 2 "each move is audited"

# Approvals: a team's booking made at the desk waits for staff.
expect_rc 0 "a filed team books (the command line books confirmed)" hd booking add --room 3 --team 3 \
	--start '2026-11-25 10:00' --end '2026-11-25 11:00' --no-print
expect_eq "$(sql "SELECT state FROM booking WHERE team_id = 3")" confirmed "a team's booking by the command line is confirmed"
sql "UPDATE booking SET state = 'pending' WHERE team_id = 3" >/dev/null
TEAM_BOOKING=$(sql "SELECT id FROM booking WHERE team_id = 3")
expect_rc 0 "approve a pending booking" hd booking approve "$TEAM_BOOKING"
expect_eq "$(sql "SELECT state FROM booking WHERE id = $TEAM_BOOKING")" confirmed "it is confirmed"
expect_rc 0 "a second approval" hd booking approve "$TEAM_BOOKING"
expect_err "already" "it says so"
expect_rc 3 "reject a confirmed booking" hd booking reject "$TEAM_BOOKING" --reason 重复
expect_rc 2 "reject without a reason" hd booking reject "$TEAM_BOOKING"
sql "UPDATE booking SET state = 'pending' WHERE id = $TEAM_BOOKING" >/dev/null
expect_rc 0 "reject a pending booking with a reason" hd booking reject "$TEAM_BOOKING" --reason 时间冲突
expect_eq "$(sql "SELECT state || ' ' || reason FROM booking WHERE id = $TEAM_BOOKING")" "rejected 时间冲突" \
	"it is rejected with its reason"
expect_rc 4 "approve of an unknown booking" hd booking approve 99

done_testing
