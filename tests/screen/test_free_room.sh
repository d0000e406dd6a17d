#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_free_room.sh - the free-room finder (/ in the room grid)
# in Chinese at 80x24, with no printer: asked for 2026-11-23 10:00-11:00 and
# 20 people, it lists the rooms holding 20, smallest first, with the
# question above them; Enter on 二楼会议室A opens the booking form with 20
# attendees; booked for 绿叶环保公益促进会, the desk is back at the finder
# with the same question (and the form's message), its list asked again:
# 二楼会议室A is gone, 舞蹈活动室 first; Tab shows the question's fields as
# they were; a second booking from the list takes the last room but one,
# and Esc goes back to the grid, which shows both.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

GRID=场地预约
FINDER="$(zh 'Find a free room')"
DAY=2026-11-23
ORG=绿叶环保公益促进会
ORG2=浦东新区阳光社工服务社
QUESTION="$DAY 10:00-11:00，20 人"
room_id() { sql "SELECT id FROM room WHERE name = '$1'"; }

# list_rows: the rooms listed, one a line, in order ("> " and blanks cut).
list_rows() {
	scr_show | sed -n '10,21p' | grep "$(zhf '%s, holds %d' '' 0 | sed 's/0.*//')" |
		sed 's/^[> ]*//; s/，.*//'
}

# expect_list ROOMS WHAT: waits until the rooms listed are ROOMS (one line,
# spaces between).
_list_is() {
	_got=$(list_rows | tr '\n' ' ' | sed 's/ $//')
	[ "$_got" = "$1" ]
}
expect_list() {
	if wait_for "$SCR_TIMEOUT" _list_is "$1"; then
		ok "$2"
	else
		not_ok "$2: the list reads '$_got', expected '$1'" "$(scr_show | sed 's/^/| /')"
	fi
}

# book_from_list ORG_PART ORG: Enter on the selected room, the booker typed
# and taken, F2.
book_from_list() {
	scr_keys Enter
	expect_line 1 "$(zh 'New booking')" "Enter opens $(zh 'New booking')"
	expect_row_has "*$(zh Attendees)" 20 "the form takes the head count asked for: 20"
	scr_type "$1"
	expect_row_has "$2" "$(zh Org)" "typing $1 offers $2"
	scr_keys Enter
	expect_row_has "*$(zh Booker)" "$2" "Enter takes $2"
	scr_keys F2
}

scr_start 80 24
expect_line 1 首页 "home"
scr_keys 2
expect_line 1 "$GRID" "2 opens $GRID"
scr_keys /
expect_line 1 "$FINDER" "/ opens $FINDER"
scr_keys Tab C-u
scr_type 10:00
scr_keys Tab C-u
scr_type 11:00
scr_keys Tab C-u
scr_type 20
scr_keys F2
expect_list "二楼会议室A 舞蹈活动室 培训室 路演厅 一楼多功能厅" "the rooms holding 20, smallest first"
expect_line 4 "$QUESTION" "the question stands above the list: $QUESTION"

book_from_list 绿叶 "$ORG"
expect_line 1 "$FINDER" "F2 books and goes back to $FINDER"
expect_in_rows 22 23 "$(zhf 'Booked (%d). %s' 1 "")" "the status line says it is booked"
A=$(room_id 二楼会议室A)
expect_eq "$(sql "SELECT room_id || ' ' || attendees || ' ' || state FROM booking WHERE org_id = (SELECT id FROM org WHERE name = '$ORG')")" \
	"$A 20 confirmed" "the database has 二楼会议室A booked for 20"
expect_line 4 "$QUESTION" "the finder keeps its question: $QUESTION"
expect_list "舞蹈活动室 培训室 路演厅 一楼多功能厅" "the list is asked again: 二楼会议室A is no longer free"
expect_row_has "> 舞蹈活动室" "$(zhf '%s, holds %d' 舞蹈活动室 30)" "舞蹈活动室 is selected"

scr_keys Tab
expect_row_has "*$(zh Date)" "$DAY" "Tab: the date is still $DAY"
expect_row_has "*$(zh Start)" "10:00" "the start still 10:00"
expect_row_has "*$(zh End)" "11:00" "the end still 11:00"
expect_row_has "*$(zh Attendees)" "20" "the head count still 20"
scr_keys F2
expect_list "舞蹈活动室 培训室 路演厅 一楼多功能厅" "asked again by hand, the same list"

scr_keys Down Down Down
expect_row_has "> 一楼多功能厅" "" "Down three times: 一楼多功能厅"
book_from_list 阳光 "$ORG2"
expect_line 1 "$FINDER" "the second booking goes back to $FINDER"
expect_list "舞蹈活动室 培训室 路演厅" "一楼多功能厅 is gone too"
expect_row_has "> 路演厅" "" "the selection stays on the last room"

scr_keys Escape
expect_line 1 "$GRID" "Esc goes back to the grid"
expect_row_has "二楼会议室A" "|绿叶环" "the grid shows the first booking"
expect_row_has "一楼多功能厅" "|阳光社" "and the second"

done_testing
