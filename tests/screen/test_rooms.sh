#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_rooms.sh - the rooms (administration 9, then 3) in
# Chinese at 80x24: staff refused (audited); the administrator's list of
# rooms with kind, capacity, hours and buffer; n adding a room with a
# Chinese name (an empty form and a taken name refused on the field they
# name); e editing its capacity (room.edit audited with before and after);
# c closing a room for a period that holds a booking made with `hubdesk
# booking add`: the booking listed before saving, y/n asked, the closure
# saved (room_closure), the booking still booked and listed for the desk,
# Enter opening it and the desk cancelling it there; h the centre's closures with closed.weekdays shown, one
# added (to before from refused) and removed; no line wider than 80.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
"$HUBDESK" config set closed.weekdays 7 >/dev/null 2>&1 || not_ok "config set closed.weekdays 7"

# Two bookings of 二楼会议室A (room 2) on Tuesday: one inside the closure
# to come (10:00-11:00), one after it (15:00-16:00).
run "$HUBDESK" booking add --room 2 --org 1 --start '2026-11-24 10:00' --end '2026-11-24 11:00' --no-print
INSIDE=$(cut -f1 "$T/out")
[ "$RC" = 0 ] && [ -n "$INSIDE" ] || not_ok "booking add (inside)" "$(cat "$T/err")"
run "$HUBDESK" booking add --room 2 --org 2 --start '2026-11-24 15:00' --end '2026-11-24 16:00' --no-print
[ "$RC" = 0 ] || not_ok "booking add (outside)" "$(cat "$T/err")"
BOOKER=$(sql "SELECT name FROM org WHERE id = 1")
OUTSIDER=$(sql "SELECT name FROM org WHERE id = 2")

ROOMS=$(zh Rooms)
ADMIN=系统管理
NAME=晨曦活动室
STATUS=23 # the status line (LINES-1)

# Every screen read is kept in $T/seen, for the width check at the end.
: >"$T/seen"
scr_show() { _tmux capture-pane -t t -p | tee -a "$T/seen"; }

# select_room NAME: Up to the top of the list (line 3), Down to NAME's row,
# then waits for NAME's closures line (under the list).
closures_name() {
	scr_show | grep -Fq -e "$(printf "$(zh '%s: no closure to come.')" "$1")" \
		-e "$(printf "$(zh '%s is closed:')" "$1")"
}
select_room() {
	_row=$(scr_show | awk -v n="$1" 'index($0, "  " n " ") == 1 || index($0, "> " n " ") == 1 { print NR; exit }')
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do scr_keys Up; done
	_n=3
	while [ "$_n" -lt "${_row:-3}" ]; do
		scr_keys Down
		_n=$((_n + 1))
	done
	if wait_for "$SCR_TIMEOUT" closures_name "$1"; then
		ok "$1 is selected"
	else
		not_ok "selecting $1 (its row: ${_row:-none})" "$(scr_show | sed 's/^/| /')"
	fi
}

# ---------------------------------------------------------------- staff
scr_start 80 24
expect_line 1 首页 "home"
scr_signin 工作人员 135790
scr_keys 9
expect_line 1 " $ADMIN |" "9 opens $ADMIN"
scr_keys 3
expect_line "$STATUS" "$(zh_part '%s (%s) may not do this: %s.')" "staff pressing 3 ($ROOMS) is refused"
expect_line 1 " $ADMIN |" "staff: 3 does not open $ROOMS"
expect_sql "SELECT count(*) FROM audit WHERE action = 'denied' AND actor_name = '工作人员'" 1 \
	"the refusal is audited"
scr_keys F9
expect_line 1 未登录 "F9 signs the staff member out"
scr_keys Escape

# ---------------------------------------------------------------- the list
scr_signin 管理员 246810
scr_keys 9
expect_line 1 " $ADMIN |" "admin: 9 opens $ADMIN"
scr_keys 3
expect_line 1 " $ROOMS |" "admin: 3 opens $ROOMS (title on line 1)"
expect_row_has "$(zh Name)" "$(zh Kind)" "$(zh Capacity)" "$(zh 'Buffer minutes')" "the list has its column headings"
expect_row_has 舞蹈活动室 活动室 30 08:30-21:00 15 "a room with its kind, capacity, hours and buffer"
expect_row_has 二楼会议室A 会议室 20 08:00-21:00 "a room with the default hours (08:00 to closing.time)"
expect_eq "$(scr_col 4 "$(sql "SELECT name FROM room ORDER BY name LIMIT 1 OFFSET 1")")" 2 \
	"the names start in column 2"

# ---------------------------------------------------------------- n: a new room
scr_keys n
expect_line 1 "$(zh 'New room')" "n opens the form ($(zh 'New room'))"
expect_screen_all "the form has the fields of room add" "*$(zh Name)" "*$(zh Kind)" \
	"*$(zh Capacity)" "$(zh Opens)" "$(zh Closes)" "$(zh 'Buffer minutes')"
scr_keys F2
expect_msg "$(zh Name)" "F2 on the empty form: an error naming 名称"
expect_line 1 "$(zh 'New room')" "the form stays open"
scr_type "$NAME"
scr_keys Tab
scr_type 2
scr_keys Tab
scr_type 25
scr_keys Tab
scr_type 09:00
scr_keys Tab
scr_type 20:00
scr_keys Tab
scr_type 10
expect_screen "$NAME" "the Chinese name is typed"
scr_keys F2
expect_line 1 " $ROOMS |" "F2 saves and goes back to the list"
expect_msg "$(printf "$(zh 'Saved room %lld %s.')" 9 "$NAME")" "the status line says the room is saved"
expect_sql "SELECT name, kind, capacity, open_min, close_min, buffer_min FROM room WHERE id = 9" \
	"$NAME|2|25|540|1200|10" "the database holds the room"
expect_sql "SELECT count(*) FROM audit WHERE action = 'room.add' AND record_id = 9" 1 "room.add is audited"
expect_row_has "$NAME" 活动室 25 09:00-20:00 10 "the list shows the new room"
expect_screen "$(printf "$(zh '%s: no closure to come.')" "$NAME")" "the new room is the selected one"

# A name another room has is refused on the name field.
scr_keys n
expect_line 1 "$(zh 'New room')" "n opens the form again"
scr_type 路演厅
scr_keys Tab
scr_type 5
scr_keys Tab
scr_type 60
scr_keys F2
expect_msg "$(zh_part 'a room named %s exists already (id %lld)')" "a taken name is refused"
expect_msg 路演厅 "the refusal names the room"
expect_cursor 24,4 "the name field has the focus (the cursor after 路演厅)"
expect_line 1 "$(zh 'New room')" "the form stays open after the refusal"
expect_sql "SELECT count(*) FROM room WHERE name = '路演厅'" 1 "no second 路演厅"
scr_keys Escape
expect_msg "y/n" "Esc asks before dropping what was typed"
scr_keys y
expect_line 1 " $ROOMS |" "y leaves the form"

# ---------------------------------------------------------------- e: edit
scr_keys e
expect_line 1 "$(zh 'Edit room')" "e opens the selected room ($(zh 'Edit room'))"
expect_row_has "$(zh Name)" "$NAME" "the form holds the room's name"
expect_row_has "$(zh Capacity)" 25 "and its capacity"
expect_row_has "$(zh Opens)" 09:00 "and its opening time"
scr_keys Tab Tab C-u
scr_type 0
scr_keys F2
expect_msg "$(zh Capacity)" "capacity 0 is refused, naming 容量"
scr_keys C-u
scr_type 32
scr_keys F2
expect_line 1 " $ROOMS |" "F2 saves the edit"
expect_sql "SELECT capacity FROM room WHERE id = 9" 32 "the capacity is 32"
expect_sql "SELECT json_extract(before, '\$.capacity') || '>' || json_extract(after, '\$.capacity') FROM audit WHERE action = 'room.edit' AND record_id = 9" \
	"25>32" "room.edit is audited with before (25) and after (32)"
expect_row_has "$NAME" 32 09:00-20:00 "the list shows the new capacity"

# ---------------------------------------------------------------- c: close
select_room 二楼会议室A
scr_keys c
expect_line 1 "$(zh 'Close a room')" "c opens $(zh 'Close a room')"
expect_line 2 二楼会议室A "for the selected room"
scr_keys C-u
scr_type "2026-11-24 09:00"
scr_keys Tab C-u
scr_type "2026-11-24 12:00"
expect_row_has "$INSIDE" "2026-11-24 10:00-11:00" "$BOOKER" "before saving, the booking inside is listed with its booker and time"
expect_screen "$(zh_part 'Bookings inside: %d. They stay booked until the desk moves or cancels them.')" \
	"the list says they stay booked"
expect_no_screen "$OUTSIDER" "the booking after the period is not listed"
scr_keys Tab
scr_type 水管维修
scr_keys F2
expect_msg "y/n" "F2 asks before closing over a booking"
expect_msg "$(zh_part 'Bookings inside: %d. Close anyway?')" "the question says there are bookings inside"
scr_keys y
expect_screen "$(printf "$(zh 'Closed from %s to %s.')" "2026-11-24 09:00" "2026-11-24 12:00")" \
	"the screen says the room is closed for the period"
expect_msg "$(printf "$(zh '%s is closed; bookings inside that need the desk: %d.')" 二楼会议室A 1)" \
	"the status line says how many bookings need the desk (1)"
expect_row_has "$INSIDE" "2026-11-24 10:00-11:00" "$BOOKER" "after saving, the booking is still listed for the desk"
expect_sql "SELECT room_id, datetime(start, 'unixepoch', '+8 hours'), datetime(end, 'unixepoch', '+8 hours'), reason FROM room_closure" \
	"2|2026-11-24 09:00:00|2026-11-24 12:00:00|水管维修" "room_closure holds the closure"
expect_sql "SELECT count(*) FROM audit WHERE action = 'room.close'" 1 "room.close is audited"
expect_sql "SELECT state FROM booking WHERE id = $INSIDE" confirmed "the booking is not dropped: still confirmed"
scr_keys Enter
expect_line 1 "$(zh Booking)" "Enter opens the booking for the desk to move or cancel"
scr_keys c
expect_msg "y/n" "c in the booking asks before cancelling"
scr_keys y
expect_sql "SELECT state FROM booking WHERE id = $INSIDE" cancelled "the desk cancels it"
scr_keys Escape
expect_line 1 "$(zh 'Close a room')" "Esc goes back to the list of bookings inside"
expect_screen "$(zh_part 'No booking inside the period needs the desk.')" "the cancelled booking has left the list"
expect_no_screen "$BOOKER" "its booker is gone from the list"
scr_keys Escape
expect_line 1 " $ROOMS |" "Esc goes back to the rooms"
expect_screen "$(printf "$(zh '%s is closed:')" 二楼会议室A)" "the selected room's closures are shown under the list"
expect_screen "2026-11-24 09:00 - 2026-11-24 12:00  水管维修" "with the period and the reason"
expect_rc_err 3 "$(zhf '%s is closed then: %s.' 二楼会议室A 水管维修)" "booking the closed room is refused" \
	"$HUBDESK" booking add --room 2 --org 3 --start '2026-11-24 11:00' --end '2026-11-24 12:00' --no-print

# ---------------------------------------------------------------- h: closures
scr_keys h
expect_line 1 "$(zh Closures)" "h opens $(zh Closures)"
expect_screen closed.weekdays "the view names the setting closed.weekdays"
expect_line 2 "$(zh Sun)" "and says the centre closes every $(zh Sun)"
expect_screen "$(zh_part 'No closure to come: n adds one.')" "no closure yet"
scr_keys n
expect_screen_all "n shows the fields" "*$(zh From)" "*$(zh To)" "*$(zh Reason)"
scr_type 2026-12-31
scr_keys Tab
scr_type 2026-12-30
scr_keys Tab
scr_type 元旦
scr_keys F2
expect_msg "$(zh_part '%s: must not be before the start')" "to before from is refused"
expect_sql "SELECT count(*) FROM closure" 0 "nothing saved"
expect_cursor 26,19 "the refusal puts the cursor in the field it names (结束时间)"
scr_keys C-u
scr_type 2027-01-01
scr_keys F2
expect_row_has "2026-12-31 - 2027-01-01" 元旦 "the closure is listed"
expect_sql "SELECT from_date, to_date, reason FROM closure" "2026-12-31|2027-01-01|元旦" "the closure is saved"
run "$HUBDESK" closure list
expect_out "2026-12-31.*2027-01-01.*元旦" "hubdesk closure list shows it"
scr_keys x
expect_msg "y/n" "x asks before removing"
scr_keys n
expect_sql "SELECT count(*) FROM closure" 1 "n keeps it"
scr_keys x
expect_msg "y/n" "x asks again"
scr_keys y
expect_sql "SELECT count(*) FROM closure" 0 "y removes it"
expect_sql "SELECT count(*) FROM audit WHERE action LIKE 'closure.%'" 2 "adding and removing are audited"
expect_screen "$(zh_part 'No closure to come: n adds one.')" "the list is empty again"
# 调休: o adds a working day on a weekday closed every week (Sunday here).
scr_keys o
expect_screen "*$(zh 'Working day')" "o shows the working day's fields"
scr_type 2026-11-30
scr_keys Tab
scr_type 调休上班
scr_keys Enter
expect_msg "$(zh_part '%s is open anyway: only a weekday closed every week needs a working day.' 10)" \
	"a Monday, open anyway, is refused"
expect_sql "SELECT count(*) FROM opening" 0 "nothing saved"
scr_keys Escape
scr_keys o
scr_type 2026-11-29
scr_keys Tab
scr_type 调休上班
scr_keys Enter
expect_msg "$(printf "$(zh '%s is a working day: the centre opens.')" 2026-11-29)" "a closed Sunday becomes a working day"
expect_sql "SELECT day, reason FROM opening" "2026-11-29|调休上班" "the working day is saved"
expect_sql "SELECT count(*) FROM audit WHERE action = 'closure.open'" 1 "and audited"
scr_keys Escape
expect_line 1 " $ROOMS |" "Esc goes back to the rooms"
scr_keys Escape
expect_line 1 " $ADMIN |" "Esc goes back to $ADMIN"

# ---------------------------------------------------------------- widths
wide=$(python3 - "$T/seen" <<'EOF'
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for line in open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines():
    if w(line.rstrip()) > 80:
        print("%d: %s" % (w(line.rstrip()), line))
EOF
)
if [ -z "$wide" ]; then
	ok "no line wider than 80 columns on any of the $(grep -c '' "$T/seen") screen lines read"
else
	not_ok "no line wider than 80 columns" "$wide"
fi

done_testing
