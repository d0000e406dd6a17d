# SPDX-License-Identifier: GPL-3.0-or-later
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
expect_rc_err 2 '^hubdesk: Start: a date and time' "a malformed start" hd booking add --room 2 --org 1 --start tomorrow --end '2026-11-24 12:00'
expect_rc_err 2 '^hubdesk: End: must be after the start' "the end before the start" hd booking add --room 2 --org 1 --start '2026-11-24 12:00' --end '2026-11-24 11:00'
expect_rc_err 2 '^hubdesk: Booker: give an organisation or a team' "neither an organisation nor a team" hd booking add --room 2 --start '2026-11-24 14:00' --end '2026-11-24 15:00'
expect_rc_err 2 '^hubdesk: Attendees: a whole number from 1' "attendees 0" hd booking add --room 2 --org 1 --start '2026-11-24 14:00' --end '2026-11-24 15:00' --attendees 0
expect_rc_err 4 'no room with id 99' "an unknown room" hd booking add --room 99 --org 1 --start '2026-11-24 14:00' --end '2026-11-24 15:00'
expect_rc_err 4 'no organisation with id 99' "an unknown organisation" hd booking add --room 2 --org 99 --start '2026-11-24 14:00' --end '2026-11-24 15:00'
expect_rc 3 "an overlap" hd booking add --room 2 --org 2 --start '2026-11-24 11:00' --end '2026-11-24 13:00'
expect_err "booking 1" "the message names the booking in the way"
expect_rc_err 3 'on the hour or the half hour' "off the grid" hd booking add --room 2 --org 2 --start '2026-11-24 12:15' --end '2026-11-24 13:00'
expect_rc_err 3 'holds 12 people, not 13' "over capacity" hd booking add --room 3 --org 2 --start '2026-11-24 14:00' --end '2026-11-24 15:00' --attendees 13
expect_rc_err 3 'That time has passed' "in the past" hd booking add --room 2 --org 2 --start '2026-11-23 08:00' --end '2026-11-23 08:30'
expect_rc_err 3 'is not filed yet' "a team not filed yet" hd booking add --room 2 --team 7 --start '2026-11-24 14:00' --end '2026-11-24 15:00'
expect_rc 0 "touching the end of another booking" hd booking add --room 2 --org 2 --start '2026-11-24 12:00' --end '2026-11-24 13:00' --no-print
expect_eq "$(sql "SELECT count(*) FROM booking")" 2 "refused bookings wrote nothing"

# The check-in window: 15 minutes before to 15 after, both included.
HUBDESK_NOW=2026-11-24T09:44:00+08:00 expect_rc 3 "check-in at 09:44 is too early" hd booking checkin 1
expect_err "booking 1 is open on 24 Nov from 09:45 to 10:15 only" "the refusal says the day and the window"
HUBDESK_NOW=2026-11-23T09:50:00+08:00 expect_rc 3 "check-in a day early, at the booking's hour" \
	"$HUBDESK" booking checkin 1
expect_err "预约 1 只能在 11月24日 09:45–10:15 之间签到。" "in Chinese: 只能在 11月24日 09:45–10:15 之间签到"
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
expect_rc_err 4 'no booking with id 99' "cancel of an unknown booking" hd booking cancel 99
expect_rc_err 2 'a visit code, not a booking receipt' "checkin of a visitor slip's code" hd booking checkin "$(token_for V 1)"
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
expect_rc_err 3 'is booked then: booking 5' "a move onto another booking" hd booking move "$MOVE_ID" --start '2026-11-26 15:30' --end '2026-11-26 16:30'
expect_rc_err 3 'on the hour or the half hour' "a move off the grid" hd booking move "$MOVE_ID" --start '2026-11-26 15:10' --end '2026-11-26 16:00'
expect_rc_err 2 '^hubdesk: Start: a date and time' "a move with a malformed time" hd booking move "$MOVE_ID" --start soon --end '2026-11-26 16:00'
expect_eq "$(sql "SELECT start FROM booking WHERE id = $MOVE_ID")" \
	"$(date -u -d '2026-11-26 06:00' +%s)" "refused moves left the booking where it was"
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
expect_rc_err 3 'is confirmed, not waiting for approval' "reject a confirmed booking" hd booking reject "$TEAM_BOOKING" --reason 重复
expect_rc_err 2 'Reason is required' "reject without a reason" hd booking reject "$TEAM_BOOKING"
sql "UPDATE booking SET state = 'pending' WHERE id = $TEAM_BOOKING" >/dev/null
expect_rc 0 "reject a pending booking with a reason" hd booking reject "$TEAM_BOOKING" --reason 时间冲突
expect_eq "$(sql "SELECT state || ' ' || reason FROM booking WHERE id = $TEAM_BOOKING")" "rejected 时间冲突" \
	"it is rejected with its reason"
expect_rc_err 4 'no booking with id 99' "approve of an unknown booking" hd booking approve 99

# Weekly series (--weekly-until): one line per occurrence, each its own row of
# one series; conflicts refuse the series unless --skip-conflicts.

# field N F: field F of line N of the last stdout.
field() {
	sed -n "${1}p" "$T/out" | cut -f"$2"
}

# out_dates: the dates of the last stdout's lines, in order, on one line.
out_dates() {
	cut -f3 "$T/out" | grep -Eo '20[0-9]{2}-[0-9]{2}-[0-9]{2}' | tr '\n' ' ' | sed 's/ $//'
}

# epoch 'YYYY-MM-DD HH:MM': that local time (Asia/Shanghai) in seconds.
epoch() {
	date -d "$1" +%s
}

# state_of ID / start_of ID: a booking's stored state and start.
state_of() {
	sql "SELECT state FROM booking WHERE id = $1"
}

start_of() {
	sql "SELECT start FROM booking WHERE id = $1"
}

expect_rc 0 "a weekly series on Fridays" hd booking add --room 8 --org 9 --start '2026-11-27 10:00' \
	--end '2026-11-27 11:00' --weekly-until 2026-12-18 --no-print
expect_lines 4 "one line per occurrence"
expect_eq "$(grep -Ec "^[0-9]+${TAB}HD1-B-[0-9]+-[0-9A-Z]{10}${TAB}.+" "$T/out")" 4 \
	"each line is ID, receipt code and a summary"
expect_eq "$(awk -F "$TAB" 'index($2, "HD1-B-" $1 "-") != 1' "$T/out" | wc -l | tr -d ' ')" 0 \
	"each line's code is of its own booking"
expect_eq "$(out_dates)" "2026-11-27 2026-12-04 2026-12-11 2026-12-18" "the occurrences are a week apart"
S1=$(field 1 1) S2=$(field 2 1) S3=$(field 3 1) S4=$(field 4 1)
expect_eq "$(sql "SELECT count(*) FROM booking WHERE series_id = $S1 AND room_id = 8 AND org_id = 9 AND state = 'confirmed'")" 4 \
	"the four rows are one confirmed series"
expect_eq "$(start_of "$S4")" "$(epoch '2026-12-18 10:00')" "the last occurrence is at the same hours"

# A blocker in room 8 on Tuesdays 12-01 and 12-08.
expect_rc 0 "a series in the way" hd booking add --room 8 --org 12 --start '2026-12-01 14:30' \
	--end '2026-12-01 15:30' --weekly-until 2026-12-08 --no-print
expect_lines 2 "two occurrences in the way"
BLOCK=$(field 1 1)
expect_rc 3 "a series with two refused dates" hd booking add --room 8 --org 10 --start '2026-11-24 14:00' \
	--end '2026-11-24 15:00' --weekly-until 2026-12-15 --no-print
expect_lines 0 "a refused series prints no line"
expect_err "2026-12-01" "stderr names the first refused date"
expect_err "2026-12-08" "stderr names the second refused date"
expect_no_err "2026-12-15.*not booked|not booked.*2026-12-15" "stderr does not call a free date refused"
expect_err "booking $BLOCK|booking $((BLOCK + 1))" "stderr names the booking in the way"
expect_eq "$(sql "SELECT count(*) FROM booking WHERE org_id = 10")" 0 "a refused series books nothing"

expect_rc 0 "the same series with --skip-conflicts" hd booking add --room 8 --org 10 \
	--start '2026-11-24 14:00' --end '2026-11-24 15:00' --weekly-until 2026-12-15 --skip-conflicts --no-print
expect_lines 2 "one line per date booked"
expect_eq "$(out_dates)" "2026-11-24 2026-12-15" "the free dates are booked"
expect_err "2026-12-01" "stderr names the first skipped date"
expect_err "2026-12-08" "stderr names the second skipped date"
expect_eq "$(sql "SELECT count(*) FROM booking WHERE org_id = 10 AND state = 'confirmed'")" 2 \
	"only the free dates are in the database"
expect_eq "$(sql "SELECT count(DISTINCT series_id) FROM booking WHERE org_id = 10")" 1 \
	"the booked dates are one series"

BEFORE=$(sql "SELECT count(*) FROM booking")
expect_rc_err 2 '--skip-conflicts: only with --weekly-until' "--skip-conflicts without --weekly-until" hd booking add --room 8 --org 11 \
	--start '2026-11-25 10:00' --end '2026-11-25 11:00' --skip-conflicts --no-print
expect_rc_err 2 'Weekly until: no such day in the calendar' "a malformed --weekly-until" hd booking add --room 8 --org 11 \
	--start '2026-11-25 10:00' --end '2026-11-25 11:00' --weekly-until 2026-12-32 --no-print
expect_rc_err 2 'Weekly until: a date as YYYY-MM-DD' "--weekly-until that is not a date" hd booking add --room 8 --org 11 \
	--start '2026-11-25 10:00' --end '2026-11-25 11:00' --weekly-until next-month --no-print
expect_rc_err 2 '--weekly-until needs a value' "--weekly-until without its value" hd booking add --room 8 --org 11 \
	--start '2026-11-25 10:00' --end '2026-11-25 11:00' --weekly-until
expect_eq "$(sql "SELECT count(*) FROM booking")" "$BEFORE" "bad usage books nothing"

# booking.series_weeks: at most that many dates.
expect_rc 0 "config get booking.series_weeks" hd config get booking.series_weeks
expect_out "^12\$" "a series may have 12 dates"
expect_rc_err 3 'at most 12 weekly dates; until 2027-02-24 it would have 13' "a series of 13 dates" hd booking add --room 4 --org 11 --start '2026-12-02 09:00' \
	--end '2026-12-02 10:00' --weekly-until 2027-02-24 --no-print
expect_eq "$(sql "SELECT count(*) FROM booking")" "$BEFORE" "a series too long books nothing"
expect_rc 0 "booking.series_weeks 3" hd config set booking.series_weeks 3
expect_rc_err 3 'at most 3 weekly dates; until 2026-12-23 it would have 4' "a series of 4 dates over a limit of 3" hd booking add --room 4 --org 11 \
	--start '2026-12-02 09:00' --end '2026-12-02 10:00' --weekly-until 2026-12-23 --no-print
expect_eq "$(sql "SELECT count(*) FROM booking")" "$BEFORE" "it books nothing"
expect_rc 0 "a series of 3 dates, the limit" hd booking add --room 4 --org 11 \
	--start '2026-12-02 09:00' --end '2026-12-02 10:00' --weekly-until 2026-12-16 --no-print
expect_lines 3 "three lines"
W1=$(field 1 1) W2=$(field 2 1) W3=$(field 3 1)
W1_CODE=$(field 1 2)
expect_rc 0 "booking.series_weeks back to 12" hd config set booking.series_weeks 12

# Cancelling this and the following occurrences.
expect_rc 0 "cancel the second Friday and the following" hd booking cancel "$S2" --following
expect_eq "$(state_of "$S1") $(state_of "$S2") $(state_of "$S3") $(state_of "$S4")" \
	"confirmed cancelled cancelled cancelled" "that and the later occurrences are cancelled, the earlier untouched"
expect_eq "$(start_of "$S1")" "$(epoch '2026-11-27 10:00')" "the earlier occurrence stays where it was"

# Moving this and the following; an occurrence cancelled on its own stays.
expect_rc 0 "a series on Thursdays in room 6" hd booking add --room 6 --org 10 --start '2026-12-03 10:00' \
	--end '2026-12-03 11:00' --weekly-until 2026-12-31 --no-print
expect_lines 5 "five Thursdays"
M1=$(field 1 1) M2=$(field 2 1) M3=$(field 3 1) M4=$(field 4 1) M5=$(field 5 1)
M2_CODE=$(field 2 2)
expect_rc 0 "cancel the fourth Thursday on its own" hd booking cancel "$M4"
expect_eq "$(state_of "$M3") $(state_of "$M5")" "confirmed confirmed" "a single cancel leaves the others"
expect_rc 0 "move the second Thursday and the following" hd booking move "$M2" --following \
	--start '2026-12-10 15:00' --end '2026-12-10 16:30'
expect_lines 3 "one line per moved occurrence"
expect_eq "$(cut -f1 "$T/out" | tr '\n' ' ' | sed 's/ $//')" "$M2 $M3 $M5" "the moved occurrences, by date"
expect_out "^${M2}${TAB}${M2_CODE}${TAB}.*2026-12-10 15:00-16:30" "a moved occurrence keeps its id and its code"
expect_eq "$(out_dates)" "2026-12-10 2026-12-17 2026-12-31" "the moved dates"
expect_eq "$(start_of "$M1")" "$(epoch '2026-12-03 10:00')" "the earlier occurrence is untouched"
expect_eq "$(start_of "$M2") $(start_of "$M3") $(start_of "$M5")" \
	"$(epoch '2026-12-10 15:00') $(epoch '2026-12-17 15:00') $(epoch '2026-12-31 15:00')" \
	"the following occurrences moved to the new hours"
expect_eq "$(sql "SELECT count(*) FROM booking WHERE id IN ($M2, $M3, $M5) AND \"end\" - start = 5400")" 3 \
	"and to the new length"
expect_eq "$(state_of "$M4") $(start_of "$M4")" "cancelled $(epoch '2026-12-24 10:00')" \
	"the occurrence cancelled on its own stays cancelled where it was"
expect_eq "$(state_of "$M1") $(state_of "$M2") $(state_of "$M3") $(state_of "$M5")" \
	"confirmed confirmed confirmed confirmed" "the moved occurrences are still booked"

expect_rc 0 "move one occurrence alone" hd booking move "$M3" --start '2026-12-18 15:00' --end '2026-12-18 16:30'
expect_lines 1 "one line for a single move"
expect_out "^${M3}${TAB}" "the line is of the moved occurrence"
expect_eq "$(start_of "$M3")" "$(epoch '2026-12-18 15:00')" "it moved"
expect_eq "$(start_of "$M1") $(start_of "$M2") $(start_of "$M5")" \
	"$(epoch '2026-12-03 10:00') $(epoch '2026-12-10 15:00') $(epoch '2026-12-31 15:00')" \
	"the other occurrences stay where they were"

# One receipt serves a series: the first date's code checks in the date
# whose window is open.
HUBDESK_NOW=2026-12-09T08:50:00+08:00 expect_rc 0 "scan the first date's receipt on the second date" \
	hd booking checkin "$W1_CODE"
expect_eq "$(state_of "$W1") $(state_of "$W2") $(state_of "$W3")" "confirmed checked_in confirmed" \
	"the second occurrence is checked in, the others are not"
HUBDESK_NOW=2026-12-09T08:55:00+08:00 expect_rc 0 "a second scan of the same receipt" \
	hd booking checkin "$W1_CODE"
expect_err "already" "it says the date was checked in already"

done_testing
