# SPDX-License-Identifier: GPL-3.0-or-later
# test_closure.sh - `hubdesk closure add|list|remove`: output lines, exit
# codes, and nothing written on bad input.
. "$(dirname "$0")/../lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1
TAB=$(printf '\t')

expect_rc 0 "closure add" hd closure add --from 2026-12-31 --to 2027-1-3 --reason 元旦假期
expect_out "^1${TAB}-${TAB}2026-12-31 ~ 2027-01-03 元旦假期\$" "it prints ID, - and the closure"
expect_rc 2 "closure add with the end before the start" hd closure add --from 2026-12-31 --to 2026-12-30 --reason x
expect_err "To|结束" "the message names the end"
expect_rc_err 2 'From: no such day in the calendar' "closure add with an impossible date" hd closure add --from 2026-02-30 --to 2026-03-01 --reason x
expect_rc_err 2 'Reason is required' "closure add without a reason" hd closure add --from 2026-12-01 --to 2026-12-02
expect_rc_err 2 'unknown option --all-day' "closure add with an unknown option" hd closure add --from 2026-12-01 --to 2026-12-02 --reason x --all-day
expect_eq "$(sql "SELECT count(*) FROM closure")" 1 "bad closures wrote nothing"

expect_rc 0 "closure add of a past closure" hd closure add --from 2026-10-01 --to 2026-10-07 --reason 国庆
expect_rc 0 "closure list" hd closure list
expect_eq "$(head -1 "$T/out" | cut -f1)" id "the list starts with a header, id first"
expect_eq "$(sed 1d "$T/out" | cut -f1 | tr '\n' ' ')" "1 " "only closures not over are listed"
expect_rc 0 "closure list --all" hd closure list --all
expect_eq "$(sed 1d "$T/out" | cut -f1 | tr '\n' ' ')" "2 1 " "--all lists the past one too, by date"

expect_rc 0 "closure remove" hd closure remove 1
expect_rc_err 4 'no closure with id 1' "closure remove of a removed closure" hd closure remove 1
expect_rc_err 2 'ID must be a number from 1 to 999999999999, not x' "closure remove without a number" hd closure remove x
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action IN ('closure.add', 'closure.remove')")" 3 \
	"adds and the removal are audited"

# 调休: a working day opens one date of a weekday closed every week.
hd config set closed.weekdays 6,7 >/dev/null
expect_rc_err 3 'The centre is closed on that weekday' "a booking on a closed Saturday is refused" hd booking add --room 3 --org 1 \
	--start '2026-11-28 10:00' --end '2026-11-28 11:00' --no-print
expect_rc 0 "closure open of that Saturday" hd closure open 2026-11-28 --reason 调休上班
expect_out "2026-11-28" "it prints the working day"
expect_rc 0 "the Saturday is booked now" hd booking add --room 3 --org 1 \
	--start '2026-11-28 10:00' --end '2026-11-28 11:00' --no-print
expect_rc_err 3 'The centre is closed on that weekday' "the next Saturday stays closed" hd booking add --room 3 --org 1 \
	--start '2026-12-05 10:00' --end '2026-12-05 11:00' --no-print
expect_rc_err 3 '2026-11-30 is open anyway: only a weekday closed every week needs a working day' "closure open of a weekday open anyway" hd closure open 2026-11-30 --reason 调休
expect_rc_err 2 'Reason is required' "closure open without a reason" hd closure open 2026-12-05
expect_rc_err 2 'Date: no such day in the calendar' "closure open of a bad date" hd closure open 2026-02-30 --reason 调休
expect_rc_err 2 'closure open: give the date' "closure open without a date" hd closure open --reason 调休

done_testing
