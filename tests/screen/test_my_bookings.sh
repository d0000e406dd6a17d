#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_my_bookings.sh - a resident at a kiosk sees and cancels their
# organisation's bookings with its booking PIN (y in the room grid): a
# wrong PIN opens nothing, the right one lists the bookings to come, c
# cancels the selected one, and the list is gone when the screen closes.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

# Staff give the organisation a new booking PIN on its page (k).
scr_start 80 24
scr_signin 工作人员 135790
scr_keys 6
scr_type 阳光
scr_wait 浦东新区阳光社工服务社 >/dev/null
scr_keys Enter
expect_line 2 浦东新区阳光社工服务社 "Enter opens the organisation's page"
scr_keys k
scr_type 4321
scr_keys Tab
scr_type 4321
expect_row_has "$(zh 'PIN again')" "****" "both booking PINs typed show as stars"
expect_no_screen 4321 "the PIN shows nowhere as typed"
scr_keys Enter
expect_screen "$(zh 'The booking PIN is set.')" "k sets a new booking PIN"
expect_no_screen 4321 "the PIN is never shown"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'pin.set' AND record = 'org' AND record_id = 1")" 1 \
	"setting it is audited"
scr_stop
"$HUBDESK" config set kiosk.mode on >/dev/null 2>&1 || not_ok "config set kiosk.mode on"
run hd booking add --room 3 --org 1 --start '2026-11-24 10:00' --end '2026-11-24 11:00' --no-print
MINE=$(cut -f1 "$T/out")
run hd booking add --room 2 --org 2 --start '2026-11-24 10:00' --end '2026-11-24 11:00' --no-print
OTHERS=$(cut -f1 "$T/out")

scr_start 80 24
expect_line 1 未登录 "kiosk mode: nobody signed in"
scr_keys 2
expect_line 1 " $(zh 'Room booking') |" "2 opens the grid"
scr_keys y
expect_line 1 " $(zh 'Your bookings') |" "y opens $(zh 'Your bookings')"
expect_screen "$(zh 'Your organisation or team, and its booking PIN:')" "it asks for the booker and its PIN"
scr_type 阳光
scr_wait 浦东新区阳光社工服务社 >/dev/null
scr_keys Enter
scr_type 8642
scr_keys Enter
expect_screen "$(zh_part 'Wrong booking PIN: %d tries left.' 0)" "the old demo PIN is refused now"
expect_no_screen "二楼会议室B" "and no booking is shown"
scr_keys C-u
scr_type 4321
scr_keys Enter
expect_screen "$(printf "$(zh '%d bookings to come')" 1)" "the right PIN lists the one booking to come"
expect_screen "2026-11-24 10:00-11:00  二楼会议室B" "with its time and room"
expect_no_screen "二楼会议室A" "and not another organisation's booking"
expect_no_screen "138" "no phone number"
scr_keys c
expect_screen "$(zh 'Cancel this booking?')" "c asks first"
scr_keys y
expect_screen "$(printf "$(zh 'Booking %lld cancelled.' | sed 's/%lld/%d/')" "$MINE")" "y cancels it"
expect_eq "$(sql "SELECT state FROM booking WHERE id = $MINE")" cancelled "the database has it cancelled"
expect_eq "$(sql "SELECT state FROM booking WHERE id = $OTHERS")" confirmed "the other organisation's booking stays"
expect_eq "$(sql "SELECT actor FROM audit WHERE action = 'booking.cancel' AND record_id = $MINE")" resident \
	"the cancellation is audited as the resident's"
scr_keys Escape
scr_keys y
expect_screen "$(zh 'Your organisation or team, and its booking PIN:')" "opened again, it asks for the PIN again"
scr_stop
done_testing
