#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_series.sh - weekly series of a team booked at the desk,
# in Chinese at 80x24, with no printer (receipts wait in the spool): the
# desk (nobody signed in) books 彩虹舞蹈队 in 舞蹈活动室 every Monday for 8
# weeks; the team's bookings wait for staff, and the status line says
# 已提交（待审批，8 次）, never 已预约; the database holds 8 pending dates
# of one series.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

GRID=场地预约
TEAM=彩虹舞蹈队
TEAM_ID=$(sql "SELECT id FROM team WHERE name = '$TEAM'")
DANCE=舞蹈活动室
DANCE_ID=$(sql "SELECT id FROM room WHERE name = '$DANCE'")

# zhf MSGID ARGS...: the Chinese of a message with its directives filled
# (the shell's printf knows %d, not %lld).
zhf() {
	_fmt=$(zh "$1" | sed 's/%ll*d/%d/g')
	shift
	printf "$_fmt" "$@"
}

# tcol HH:MM: the terminal column where the half hour HH:MM starts in the
# grid (the room column is 20 wide, a half hour 4, the first column 08:00).
tcol() {
	_h=${1%%:*} _m=${1##*:}
	echo $((20 + ((${_h#0} * 60 + ${_m#0} - 480) / 30) * 4))
}

# select_cell ROOM HH:MM: the selection to the cell of ROOM at HH:MM: Home
# and Up to the first cell, then Down to the room's line, Right to the time.
select_cell() {
	_line=$(scr_show | awk -v l="$1" 'index($0, l) == 1 { print NR; exit }')
	scr_keys Home Up Up Up Up Up Up Up Up Up
	_i=4
	while [ "$_i" -lt "${_line:-4}" ]; do
		scr_keys Down
		_i=$((_i + 1))
	done
	_i=$((($(tcol "$2") - 20) / 4))
	while [ "$_i" -gt 0 ]; do
		scr_keys Right
		_i=$((_i - 1))
	done
}

# series_form ROOM HH:MM UNTIL: from the grid, the booking form of ROOM at
# HH:MM for 彩虹舞蹈队 (typed 彩虹, taken), weekly until UNTIL (five Tabs
# from the date to 每周重复至).
series_form() {
	select_cell "$1" "$2"
	scr_keys Enter
	expect_line 1 "$(zh 'New booking')" "Enter on $1 at $2 opens $(zh 'New booking')"
	scr_type 彩虹
	expect_row_has "$TEAM" "$(zh Team)" "typing 彩虹 offers $TEAM"
	scr_keys Enter
	expect_row_has "*$(zh Booker)" "$TEAM" "Enter takes $TEAM"
	scr_keys Tab Tab Tab Tab Tab
	scr_type "$3"
	expect_row_has "$(zh 'Weekly until')" "$3" "$(zh 'Weekly until') $3"
}

# expect_no_msg TEXT WHAT: the message rows (22-23) now do not show TEXT.
expect_no_msg() {
	if scr_show | sed -n '22,23p' | grep -Fq -- "$1"; then
		not_ok "$2: the message rows show '$1'" "$(scr_show | sed 's/^/| /')"
	else
		ok "$2"
	fi
}

scr_start 80 24
expect_line 1 首页 "home"
scr_keys 2
expect_line 1 "$GRID" "2 opens $GRID"

# The desk books the team every Monday for 8 weeks: submitted, not booked.
series_form "$DANCE" 10:00 2027-01-11
scr_keys F2
expect_line 1 "$GRID" "F2 saves and goes back to the grid"
expect_in_rows 22 23 "已提交（待审批，8 次）" "the status line says 已提交（待审批，8 次）"
expect_no_msg 已预约 "it never says 已预约 (booked)"
expect_eq "$(sql "SELECT count(*) || ' ' || count(DISTINCT series_id) FROM booking WHERE team_id = $TEAM_ID AND room_id = $DANCE_ID AND state = 'pending'")" \
	"8 1" "the database holds 8 pending dates of one series"

done_testing
