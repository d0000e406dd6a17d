#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_kiosk.sh - kiosk mode (config set kiosk.mode on) at 80x24
# in Chinese, no printer. With nobody signed in the actor is a resident
# (未登录): home dims every item but 2 and refuses them with the kiosk
# message; Ctrl-C, Ctrl-Z and Ctrl-\ (typed, and SIGINT, SIGQUIT, SIGTSTP
# sent to the process) change nothing; F10 opens 登录 with the kiosk line,
# refuses a wrong PIN (tries left), does not leave for a volunteer's right
# PIN, and leaves for staff's (the pane's command prints "[exit 0]" once
# hubdesk has ended); q on home does the same; F10 on the F9 sign-in screen
# asks who is leaving too. In the grid a resident's Enter on someone's
# booking only says who booked it; the booking form has 预约密码; five wrong
# PINs lock the booker (org.pin_locked_until, audit pin.locked) and the
# right PIN is refused until 15 minutes later (restarts at 09:14 and 09:16);
# then it books, confirmed. A volunteer signs in with F9 for desk work; staff
# are refused administration's admin part (6 printers), an admin is not; the
# idle reset signs staff out. No phone number is ever on a resident's
# screen. With kiosk mode off, F10 and q leave at once.
# shellcheck disable=SC2059 # printf formats are the messages' translations
# shellcheck disable=SC1003 # 'C-\' is tmux's name of Ctrl-\
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux python3 sqlite3 ps
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
"$HUBDESK" config set kiosk.mode on >/dev/null 2>&1 || not_ok "config set kiosk.mode on"

GRID=场地预约
DAY=2026-11-23
NOBODY=未登录
SIGNIN=" 登录 |" # the title; 未登录 at the end of the top line holds 登录 too
ORG=浦东新区阳光社工服务社
ORG_SHORT=阳光社工
OTHER=益心公益发展中心
OTHER_SHORT=益心公益
ORG_ID=$(sql "SELECT id FROM org WHERE name = '$ORG'")
OTHER_ID=$(sql "SELECT id FROM org WHERE name = '$OTHER'")
ROOM=二楼会议室A
ROOM_ID=$(sql "SELECT id FROM room WHERE name = '$ROOM'")
ROOM_B=二楼会议室B
ROOM_B_ID=$(sql "SELECT id FROM room WHERE name = '$ROOM_B'")
WRONG="7913 7924 7935 7946 7957" # wrong booking PINs, none of them on any screen
KIOSK_LINE=$(zh "Kiosk mode: staff or an admin closes the desk with their name and PIN.")
REFUSED=$(zh "At this kiosk residents book rooms (2); staff and volunteers sign in with F9.")
LOCKED=$(printf "$(zh 'Wrong booking PIN five times: bookings by PIN are locked until %s.')" 09:15)
# epoch 'YYYY-MM-DD HH:MM': the instant of a local time (TZ is the centre's).
epoch() { date -d "$1" +%s; }

# Someone else's booking, made at the desk's command line.
"$HUBDESK" booking add --room "$ROOM_B_ID" --org "$OTHER_ID" --start "$DAY 10:00" \
	--end "$DAY 11:00" --no-print >/dev/null 2>&1 || not_ok "a booking of $OTHER on the command line"
BOOKINGS=$(sql "SELECT count(*) FROM booking")

# While WATCH is 1 (a resident at the kiosk), every screen read is kept in
# $T/seen, to look for phone numbers and PINs in all of them at the end.
WATCH=1
scr_show() {
	if [ "$WATCH" = 1 ]; then
		_tmux capture-pane -t t -p | tee -a "$T/seen"
	else
		_tmux capture-pane -t t -p
	fi
}

# hd_pid: the pid of hubdesk, the child of the pane's shell (empty when it
# has ended).
hd_pid() {
	_pp=$(_tmux display-message -p -t t '#{pane_pid}' 2>/dev/null)
	[ -n "$_pp" ] && ps -o pid= -o comm= --ppid "$_pp" 2>/dev/null | awk '$2 == "hubdesk" { print $1; exit }'
}

# expect_alive WHAT: hubdesk still runs (a child of the pane, not stopped)
# and the pane's command has not printed its exit marker.
expect_alive() {
	_pid=$(hd_pid)
	_stat=$([ -n "$_pid" ] && ps -o stat= -p "$_pid" 2>/dev/null | tr -d ' ')
	if [ -n "$_pid" ] && ! scr_show | grep -Fq "[exit " && case $_stat in T* | Z* | "") false ;; *) true ;; esac; then
		ok "$1"
	else
		not_ok "$1: hubdesk pid '${_pid}' state '${_stat}'" "$(scr_show | sed 's/^/| /')"
	fi
}

# expect_left WHAT: the pane's command printed "[exit 0]" (hubdesk ended and
# said 0) and no hubdesk is left under the pane.
expect_left() {
	if scr_wait "[exit 0]" && [ -z "$(hd_pid)" ]; then
		ok "$1"
	else
		not_ok "$1: hubdesk did not end (pid '$(hd_pid)')" "$(scr_show | sed 's/^/| /')"
	fi
}

# expect_same BEFORE WHAT: the screen now is exactly BEFORE.
expect_same() {
	_now=$(scr_show)
	if [ "$_now" = "$1" ]; then
		ok "$2"
	else
		not_ok "$2: the screen changed" "before:" "$(printf '%s\n' "$1" | sed 's/^/| /')" \
			"now:" "$(printf '%s\n' "$_now" | sed 's/^/| /')"
	fi
}

# home_sentinel: types H on home (a scan begins: "扫码：H" on row 21) and
# waits for it, then Esc drops it and waits for it to go; every key sent
# before has been handled by then, on home. 1 if home never showed it.
SCAN=$(zh "Scan:")
home_sentinel() {
	scr_type H
	scr_wait "${SCAN} H" || return 1
	scr_keys Escape
	scr_gone "${SCAN} H"
}

# booking_form ROOM HH:MM TYPED BOOKER: from the grid, the form of the free
# cell, BOOKER taken by typing TYPED, the focus moved to 预约密码.
booking_form() {
	select_cell "$1" "$2"
	expect_line 21 "$1 $DAY $2" "the arrows select $1 at $2"
	scr_keys Enter
	expect_line 1 "$(zh 'New booking')" "Enter on the free cell opens $(zh 'New booking')"
	scr_type "$3"
	expect_row_has "$4" "$(zh Org)" "typing $3 offers $4"
	scr_keys Enter
	expect_row_has "*$(zh Booker)" "$4" "Enter takes $4"
	scr_keys Tab Tab Tab Tab Tab Tab
}

# after_help: F1 then Esc; when the form is back every key sent before has
# been handled.
after_help() {
	scr_keys F1
	scr_wait " 帮助 |" || return 1
	scr_keys Escape
	scr_wait " $(zh 'New booking') |"
}

# ---------------------------------------------------------------------------
# 09:00: the resident's home.
scr_start 80 24
expect_line 1 首页 "kiosk mode: home"
expect_line 1 "$NOBODY" "the top line says $NOBODY"
expect_screen "$(zh 'Press 2 to book a room, or scan your receipt to check in. Staff: F9.')" \
	"home tells the resident to press 2 or scan"
expect_alive "hubdesk runs in the pane"
# The printers' state comes after the first poll; the screen is still then.
expect_line 1 "$(zh 'no printer')" "the top line shows the printers' state ($(zh 'no printer'))"

# Ctrl-C, Ctrl-Z, Ctrl-\ typed: nothing happens.
before=$(scr_show)
scr_keys C-c
scr_keys C-z
scr_keys 'C-\'
if home_sentinel; then
	ok "after Ctrl-C, Ctrl-Z, Ctrl-\\ home still takes keys"
else
	not_ok "after Ctrl-C, Ctrl-Z, Ctrl-\\ home still takes keys" "$(scr_show | sed 's/^/| /')"
fi
expect_same "$before" "Ctrl-C, Ctrl-Z, Ctrl-\\ leave the screen as it was"
expect_alive "Ctrl-C, Ctrl-Z, Ctrl-\\ leave hubdesk running"

# The same signals sent from elsewhere.
pid=$(hd_pid)
if [ -n "$pid" ]; then
	kill -INT "$pid" 2>/dev/null
	kill -QUIT "$pid" 2>/dev/null
	kill -TSTP "$pid" 2>/dev/null
	home_sentinel >/dev/null
	expect_alive "SIGINT, SIGQUIT and SIGTSTP sent to hubdesk neither end nor stop it"
	expect_same "$before" "and the screen is as it was"
else
	not_ok "hubdesk's pid is found under the pane"
fi

# Every item but 2 is dimmed and refused.
scr_keys Down # the selection to 2, so that item 1 is drawn plain (dimmed)
home_sentinel >/dev/null
screen_e=$(_tmux capture-pane -t t -p -e)
dim_bad=""
for item in 1 3 4 5 6 9; do
	printf '%s\n' "$screen_e" | grep -F " $item  " | grep -Fq "$(printf '\033[2m') $item  " ||
		dim_bad="$dim_bad $item"
done
printf '%s\n' "$screen_e" | grep -F " 2  $GRID" | grep -Fq "$(printf '\033[2m') 2  " && dim_bad="$dim_bad 2(dimmed)"
expect_eq "$dim_bad" "" "home draws items 1 3 4 5 6 9 dimmed, 2 not"
for item in 1 3 4 5 6 9; do
	scr_keys "$item"
	scr_type H
	if scr_wait "${SCAN} H" && scr_line 1 | grep -Fq 首页 && scr_line 23 | grep -Fq "$REFUSED"; then
		ok "home $item is refused to the resident: $REFUSED"
	else
		not_ok "home $item is refused to the resident with '$REFUSED'" "$(scr_show | sed 's/^/| /')"
	fi
	scr_keys Escape
	scr_gone "${SCAN} H" >/dev/null
	scr_line 1 | grep -Fq 首页 || { scr_keys Escape Escape && scr_wait " 首页 |"; }
done

# The grid: someone's booking says only who booked it.
scr_keys 2
expect_line 1 "$GRID" "2 opens $GRID for the resident"
select_cell "$ROOM_B" 10:00
expect_line 21 "$ROOM_B $DAY 10:00-11:00" "the arrows select $OTHER's booking in $ROOM_B at 10:00"
scr_keys Enter
expect_msg "$(zhf 'Booked by %s.' "$OTHER_SHORT")" "Enter on it only says $(zhf 'Booked by %s.' "$OTHER_SHORT")"
expect_line 1 "$GRID" "the booking's detail does not open"
if scr_show | grep -q "HD1-B"; then
	not_ok "the booking's code is not shown" "$(scr_show | sed 's/^/| /')"
else
	ok "the booking's code is not shown"
fi
scr_keys a
expect_msg "$(zh_part 'Staff only: %s. Sign in with F9.' 5)" "a (approvals) is refused to the resident"
expect_line 1 "$GRID" "the approvals do not open"

# The booking form with 预约密码; Ctrl keys change nothing there either.
booking_form "$ROOM" 10:00 阳光 "$ORG"
expect_row_has "*$(zh 'Booking PIN')" "the resident's form has the field *$(zh 'Booking PIN')"
before=$(scr_show)
scr_keys C-c
scr_keys C-z
scr_keys 'C-\'
after_help >/dev/null
expect_same "$before" "in the form, Ctrl-C, Ctrl-Z, Ctrl-\\ change nothing"
expect_alive "and hubdesk runs"

# Five wrong booking PINs lock the booker; nothing is booked.
n=4
for pin in $WRONG; do
	scr_type "$pin"
	scr_keys Enter
	if [ "$n" -gt 0 ]; then
		expect_screen "$(printf "$(zh 'Wrong booking PIN: %d tries left.')" "$n")" \
			"wrong booking PIN $((5 - n)): $(printf "$(zh 'Wrong booking PIN: %d tries left.')" "$n")"
		expect_eq "$(sql "SELECT pin_failures FROM org WHERE id = $ORG_ID")" $((5 - n)) \
			"the failure is counted ($((5 - n)))"
	else
		expect_screen "$LOCKED" "the fifth wrong PIN locks: $LOCKED"
	fi
	n=$((n - 1))
done
expect_line 1 "$(zh 'New booking')" "the form stays"
expect_eq "$(sql "SELECT ifnull(pin_locked_until, 'NULL') FROM org WHERE id = $ORG_ID")" \
	"$(epoch "$DAY 09:15")" "org.pin_locked_until is 09:15 of domain time"
expect_eq "$(sql "SELECT count(*) || ' ' || ifnull(max(actor), '-') FROM audit WHERE action = 'pin.locked' AND record = 'org' AND record_id = $ORG_ID")" \
	"1 resident" "the lock is audited once (pin.locked, by the resident)"
expect_eq "$(sql "SELECT count(*) FROM booking")" "$BOOKINGS" "no wrong PIN booked anything"

# The right PIN is refused while locked.
scr_type 8642
scr_keys Enter
after_help >/dev/null
expect_screen "$LOCKED" "the right PIN while locked: still $LOCKED"
expect_eq "$(sql "SELECT count(*) FROM booking")" "$BOOKINGS" "the right PIN booked nothing while locked"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'pin.locked'")" 1 "and locked nothing again"
scr_keys Escape
expect_screen "y/n" "Esc asks before dropping the form"
scr_keys y
expect_line 1 "$GRID" "y: the grid"
scr_keys Escape
expect_line 1 首页 "Esc: home"

# F10: who is leaving? A wrong PIN, a volunteer: the app stays.
scr_keys F10
expect_line 1 "$SIGNIN" "F10 opens 登录"
expect_screen "$KIOSK_LINE" "with the line: $KIOSK_LINE"
scr_type 管理员
scr_keys Tab
scr_type 918271
scr_keys Enter
expect_msg "$(printf "$(zh 'Wrong PIN; %d more tries before the lock.')" 4)" "a wrong PIN is refused, with the tries left"
expect_line 1 "$SIGNIN" "the sign-in stays"
expect_alive "a wrong PIN does not close the app"
scr_keys Escape
expect_line 1 首页 "Esc goes back home"
expect_alive "Esc does not close the app"
scr_keys F10
expect_screen "$KIOSK_LINE" "F10 again: the kiosk sign-in"
scr_type 志愿者
scr_keys Tab
scr_type 112233
scr_keys Enter
NOT_VOL=$(zhf '%s may not close the desk in kiosk mode: staff or an admin can.' 志愿者)
expect_msg "$NOT_VOL" "a volunteer's right PIN: $NOT_VOL"
expect_line 1 首页 "back home"
expect_line 1 "$NOBODY" "the volunteer is not left signed in"
expect_alive "a volunteer's PIN does not close the app"

# Staff's PIN leaves.
scr_keys F10
expect_screen "$KIOSK_LINE" "F10 again: the kiosk sign-in"
scr_type 工作人员
scr_keys Tab
scr_type 135790
scr_keys Enter
expect_left "staff's PIN (工作人员) closes the app: the pane printed [exit 0]"
expect_eq "$(sql "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit WHERE actor_name = '工作人员' ORDER BY id)")" \
	"signin signout" "staff's leaving is audited as a sign-in and sign-out"

# 09:14: the lock holds; q on home does what F10 does.
scr_stop
export HUBDESK_NOW=2026-11-23T09:14:00+08:00
scr_start 80 24
expect_line 1 09:14 "restarted at 09:14"
scr_keys 2
expect_line 1 "$GRID" "2 opens $GRID"
booking_form "$ROOM" 10:00 阳光 "$ORG"
scr_type 8642
scr_keys Enter
expect_screen "$LOCKED" "at 09:14 the right PIN is still refused: $LOCKED"
expect_eq "$(sql "SELECT count(*) FROM booking")" "$BOOKINGS" "nothing booked at 09:14"
scr_keys Escape y
expect_line 1 "$GRID" "the grid"
scr_keys Escape
expect_line 1 首页 "home"
scr_keys q
expect_line 1 "$SIGNIN" "q on home opens 登录"
expect_screen "$KIOSK_LINE" "with the kiosk line"
expect_alive "q does not close the app by itself"
scr_keys Escape
expect_line 1 首页 "Esc: home"
scr_keys q
expect_screen "$KIOSK_LINE" "q again: the kiosk sign-in"
scr_type 志愿者
scr_keys Tab
scr_type 112233
scr_keys Enter
expect_msg "$NOT_VOL" "q: a volunteer's PIN does not close it"
expect_alive "the app runs"
scr_keys q
expect_screen "$KIOSK_LINE" "q again"
scr_type 管理员
scr_keys Tab
scr_type 246810
scr_keys Enter
expect_left "q: the admin's PIN (管理员) closes the app"

# 09:16: the lock is over; the right PIN books, confirmed.
scr_stop
export HUBDESK_NOW=2026-11-23T09:16:00+08:00
scr_start 80 24
expect_line 1 09:16 "restarted at 09:16"
scr_keys 2
expect_line 1 "$GRID" "2 opens $GRID"
booking_form "$ROOM" 10:00 阳光 "$ORG"
scr_type 8642
scr_keys Enter
expect_line 1 "$GRID" "at 09:16 the right PIN saves: back to the grid"
expect_msg "$(zhf 'Booked (%d). %s' 1 "")" "the status line says booked"
BK=$(sql "SELECT max(id) FROM booking")
expect_eq "$(sql "SELECT room_id || ' ' || org_id || ' ' || start || ' ' || state FROM booking WHERE id = ${BK:-0}")" \
	"$ROOM_ID $ORG_ID $(epoch "$DAY 10:00") confirmed" "the booking is $ORG's in $ROOM at 10:00, confirmed"
expect_eq "$(sql "SELECT pin_failures || ' ' || ifnull(pin_locked_until, '-') FROM org WHERE id = $ORG_ID")" "0 -" \
	"the right PIN clears the count and the lock"
select_cell "$ROOM" 10:00
scr_keys Enter
expect_msg "$(zhf 'Booked by %s.' "$ORG_SHORT")" "Enter on it says only $(zhf 'Booked by %s.' "$ORG_SHORT")"
expect_line 1 "$GRID" "its detail does not open for the resident"
scr_keys Escape
expect_line 1 首页 "home"

# F10 on the sign-in of F9 asks who is leaving too (F10 works everywhere).
scr_keys F9
expect_line 1 "$SIGNIN" "F9 opens 登录"
expect_screen "$(zh 'Sign in: type or pick your name, then your PIN.')" "the ordinary sign-in line"
scr_keys F10
if scr_wait "$KIOSK_LINE" 3; then
	ok "F10 on the F9 sign-in screen asks who is leaving"
else
	not_ok "F10 on the F9 sign-in screen asks who is leaving (BUG: F10 does nothing there in kiosk mode; staff typing their PIN now sign in instead of leaving)" \
		"$(scr_show | sed 's/^/| /')"
fi
expect_alive "and the app runs"
scr_keys Escape
scr_wait " 首页 |" 3 || scr_keys Escape
expect_line 1 首页 "Esc: home"

# A volunteer signs in for desk work.
WATCH=0
scr_signin 志愿者 112233
expect_line 1 "志愿者（志愿者）" "the top line shows 志愿者（志愿者）"
scr_keys 1
expect_line 1 访客登记 "the volunteer opens 1 (访客登记)"
scr_keys Escape
expect_line 1 首页 "Esc: home"
scr_keys F10
expect_screen "$KIOSK_LINE" "with a volunteer signed in, F10 still asks who is leaving"
scr_keys Escape
expect_line 1 首页 "Esc: home"
expect_alive "the app runs"
scr_keys F9
expect_line 1 "$NOBODY" "F9 signs the volunteer out"
WATCH=1
scr_keys 1
scr_type H
if scr_wait "${SCAN} H" && scr_line 1 | grep -Fq 首页 && scr_line 23 | grep -Fq "$REFUSED"; then
	ok "signed out, 1 is refused again"
else
	not_ok "signed out, 1 is refused again" "$(scr_show | sed 's/^/| /')"
fi
scr_keys Escape
scr_gone "${SCAN} H" >/dev/null

# Administration: closed to the resident, its admin part to staff.
scr_keys 9
scr_type H
if scr_wait "${SCAN} H" && scr_line 1 | grep -Fq 首页 && scr_line 23 | grep -Fq "$REFUSED"; then
	ok "9 (administration) is refused to the resident"
else
	not_ok "9 (administration) is refused to the resident" "$(scr_show | sed 's/^/| /')"
fi
scr_keys Escape
scr_gone "${SCAN} H" >/dev/null
WATCH=0
scr_signin 工作人员 135790
scr_keys 9
expect_line 1 系统管理 "staff: 9 opens 系统管理"
denied=$(sql "SELECT count(*) FROM audit WHERE action = 'denied' AND actor_name = '工作人员'")
scr_keys 6
STAFF_NO=$(zhf '%s (%s) may not do this: %s.' 工作人员 工作人员 "")
expect_msg "${STAFF_NO%。}" "staff pressing 6 (printers) are refused: ${STAFF_NO%。}…"
expect_line 1 系统管理 "the printers screen does not open for staff"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'denied' AND actor_name = '工作人员' AND after LIKE '%admin%'")" \
	$((denied + 1)) "the refusal is audited once (denied, admin; a second row means one key press was checked and refused twice)"
scr_keys Escape
expect_line 1 首页 "Esc: home"
scr_keys F9
expect_line 1 "$NOBODY" "staff sign out"
scr_signin 管理员 246810
scr_keys 9
expect_line 1 系统管理 "the admin: 9 opens 系统管理"
scr_keys 6
expect_line 1 "$(zh Printers)" "the admin opens 6 ($(zh Printers))"
scr_keys Escape
expect_line 1 系统管理 "Esc: 系统管理"
scr_keys Escape
expect_line 1 首页 "Esc: home"
scr_keys F9
expect_line 1 "$NOBODY" "the admin signs out"
WATCH=1
scr_keys F10
expect_screen "$KIOSK_LINE" "F10: the kiosk sign-in"
scr_type 工作人员
scr_keys Tab
scr_type 135790
scr_keys Enter
expect_left "staff's PIN closes the app"

# The idle reset signs staff out at a kiosk.
"$HUBDESK" config set idle.seconds 5 >/dev/null 2>&1 || not_ok "config set idle.seconds 5"
scr_stop
scr_start 80 24
expect_line 1 首页 "restarted with idle.seconds 5"
WATCH=0
scr_signin 工作人员 135790
scr_keys 2
expect_line 1 "$GRID" "staff open the grid"
if scr_wait " 首页 |" 12; then ok "idle for 5 s: home again"; else
	not_ok "idle for 5 s: home again" "$(scr_show | sed 's/^/| /')"; fi
expect_line 1 "$NOBODY" "the idle reset signed staff out: $NOBODY"
expect_msg "$(zhf 'No key for a while: %s was signed out.' 工作人员)" "the status line says so"
WATCH=1
scr_keys 1
expect_msg "$REFUSED" "the resident is back: 1 refused"
scr_keys F10
expect_screen "$KIOSK_LINE" "F10: the kiosk sign-in"
scr_type 管理员
scr_keys Tab
scr_type 246810
scr_keys Enter
expect_left "the admin's PIN closes the app"
WATCH=0

# Nothing a resident saw holds a phone number (full or masked) or a PIN.
phones=$(grep -Eo '1[3-9][0-9]{9}|[0-9]{3,4}\*{4}[0-9]{4}|0[0-9]{2,3}-[0-9]{7,8}' "$T/seen" | sort -u | tr '\n' ' ')
expect_eq "$phones" "" "no phone number on any screen a resident saw"
pins=""
for pin in $WRONG 8642; do
	grep -Fq "$pin" "$T/seen" && pins="$pins $pin"
done
expect_eq "$pins" "" "no booking PIN typed was ever on the screen"

# Kiosk mode off: F10 and q leave at once, as before.
"$HUBDESK" config set kiosk.mode off >/dev/null 2>&1 || not_ok "config set kiosk.mode off"
"$HUBDESK" config set idle.seconds 60 >/dev/null 2>&1
scr_stop
scr_start 80 24
expect_line 1 首页 "kiosk mode off: home"
expect_line 1 "$NOBODY" "nobody signed in"
scr_keys 1
expect_line 1 访客登记 "the desk opens 1 (访客登记) without signing in"
scr_keys Escape
expect_line 1 首页 "Esc: home"
scr_keys F10
expect_left "kiosk mode off: F10 leaves at once"
scr_stop
scr_start 80 24
expect_line 1 首页 "kiosk mode off: home again"
scr_keys q
expect_left "kiosk mode off: q on home leaves at once"

done_testing
