#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_series.sh - weekly series of a team booked at the desk,
# in Chinese at 80x24, with no printer (receipts wait in the spool): the
# desk (nobody signed in) books 彩虹舞蹈队 in 舞蹈活动室 every Monday for 8
# weeks; the team's bookings wait for staff, and the status line says
# 已提交（待审批，8 次）, never 已预约; the database holds 8 pending dates
# of one series. A second series of 3 dates in 书画室 waits too. Staff (a,
# signed in) approve: y on the second series' first date asks for all 3
# dates, n approves only that date; y on a date of the first asks for all 8,
# Esc approves nothing, y again and y approves the 8 in one step, each
# audited. Then, signed out, the desk books the team in 二楼会议室A every
# Monday at 14:00 for 8 weeks while another series holds 12-07 and 12-14:
# the form lists the two dates and asks to book only the free ones; y books
# 6, says 已提交（待审批，6 次） and stays to list 12月7日 未预约：… and
# 12月14日 未预约：… naming the booking in the way, until Enter.
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

SHUHUA=书画室
SHUHUA_ID=$(sql "SELECT id FROM room WHERE name = '$SHUHUA'")
series_form "$SHUHUA" 11:00 2026-12-07
scr_keys F2
expect_line 1 "$GRID" "a second series, in $SHUHUA at 11:00, saved"
expect_in_rows 22 23 "已提交（待审批，3 次）" "the status line says 已提交（待审批，3 次）"
DANCE_SERIES=$(sql "SELECT min(id) FROM booking WHERE room_id = $DANCE_ID")
SHUHUA_FIRST=$(sql "SELECT min(id) FROM booking WHERE room_id = $SHUHUA_ID")

# Staff approve.
scr_signin 工作人员 135790
scr_keys a
expect_line 1 "$(zh Approvals)" "a, signed in as staff: $(zh Approvals)"
expect_screen "$(zhf '%d team bookings wait for approval' 11)" "11 team bookings wait"
scr_keys Down
expect_row_has "> 2026-11-23 11:00-12:00" "$SHUHUA" "$TEAM" "Down selects the second series' first date"
scr_keys y
expect_in_rows 22 23 "批准这个系列的全部 3 个日期？" "y asks: 批准这个系列的全部 3 个日期？"
expect_in_rows 22 23 "y 全部，n 只批这一天" "and says y approves all, n only this date"
expect_eq "$(sql "SELECT count(*) FROM booking WHERE state = 'confirmed'")" 0 "nothing is approved while it asks"
scr_keys n
expect_in_rows 22 23 "$(zhf 'Booking %lld approved.' "$SHUHUA_FIRST")" "n approves only that date"
expect_eq "$(sql "SELECT group_concat(state, ' ') FROM (SELECT state FROM booking WHERE room_id = $SHUHUA_ID ORDER BY start)")" \
	"confirmed pending pending" "the other two dates of that series still wait"
expect_screen "$(zhf '%d team bookings wait for approval' 10)" "10 wait"

scr_keys Home Up
expect_row_has "> 2026-11-23 10:00-11:00" "$DANCE" "$TEAM" "the first series' first date selected"
scr_keys y
expect_in_rows 22 23 "批准这个系列的全部 8 个日期？" "y asks: 批准这个系列的全部 8 个日期？"
scr_keys Escape
expect_line 1 "$(zh Approvals)" "Esc answers the question and stays on $(zh Approvals)"
expect_no_screen "批准这个系列" "the question is gone"
expect_eq "$(sql "SELECT count(*) FROM booking WHERE room_id = $DANCE_ID AND state = 'pending'")" 8 \
	"Esc approved nothing"
scr_keys y
expect_in_rows 22 23 "批准这个系列的全部 8 个日期？" "y asks again"
scr_keys y
expect_in_rows 22 23 "已批准这个系列的 8 个日期。" "y approves them: 已批准这个系列的 8 个日期。"
expect_eq "$(sql "SELECT count(*) FROM booking WHERE room_id = $DANCE_ID AND series_id = $DANCE_SERIES AND state = 'confirmed'")" 8 \
	"the database has the 8 dates confirmed"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'booking.approve' AND actor_name = '工作人员' AND record_id IN (SELECT id FROM booking WHERE room_id = $DANCE_ID)")" 8 \
	"each date's approval is audited, by 工作人员"
expect_screen "$(zhf '%d team bookings wait for approval' 2)" "the second series' 2 dates still wait"

# The desk books a series while another holds two of its Mondays.
ROOM_A=二楼会议室A
ROOM_A_ID=$(sql "SELECT id FROM room WHERE name = '$ROOM_A'")
BLOCKER_ORG=绿叶环保公益促进会
run hd booking add --room "$ROOM_A_ID" --org "$(sql "SELECT id FROM org WHERE name = '$BLOCKER_ORG'")" \
	--start '2026-12-07 14:00' --end '2026-12-07 15:00' --weekly-until 2026-12-14 --no-print
expect_lines 2 "another series holds $ROOM_A on 12-07 and 12-14 at 14:00"
BLOCK=$(cut -f1 "$T/out" | head -1)
scr_keys F9
expect_line 1 未登录 "F9 signs 工作人员 out"
scr_keys Escape
expect_line 1 "$GRID" "Esc: the grid"
series_form "$ROOM_A" 14:00 2027-01-11
scr_keys F2
expect_in_rows 22 23 "$(zh 'Book only the free dates?')" "F2 asks: $(zh 'Book only the free dates?')"
expect_screen "12月7日：$ROOM_A" "the form lists 12月7日 as refused"
expect_screen "12月14日：$ROOM_A" "and 12月14日"
scr_keys y
expect_in_rows 22 23 "已提交（待审批，6 次）" "y books the free dates: 已提交（待审批，6 次）"
expect_no_msg 已预约 "not 已预约"
expect_line 1 "$(zh 'New booking')" "the form stays to tell what was not booked"
expect_row_has "12月7日 未预约：$ROOM_A" "$BLOCK" "it lists 12月7日 未预约：… naming booking $BLOCK in the way"
expect_row_has "12月14日 未预约：$ROOM_A" "$((BLOCK + 1))" "and 12月14日 未预约：… naming booking $((BLOCK + 1))"
expect_screen "按 Enter 或 Esc 返回。" "and says Enter or Esc goes back"
expect_eq "$(sql "SELECT count(*) FROM booking WHERE room_id = $ROOM_A_ID AND team_id = $TEAM_ID AND state = 'pending'")" 6 \
	"the database holds the 6 free dates, pending"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'booking.skip' AND record_id = (SELECT min(id) FROM booking WHERE room_id = $ROOM_A_ID AND team_id = $TEAM_ID)")" 2 \
	"the two skipped dates are audited on the series"
scr_keys Enter
expect_line 1 "$GRID" "Enter goes back to the grid"

done_testing
