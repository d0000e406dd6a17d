#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_report.sh - the reports screen (home 5, staff): the month's figures
# as the report command gives them, the chart of days in block characters
# and in plain ASCII, a room's use and heat map, teams and organisations,
# another month and the half year, columns aligned with Chinese names, and
# the report saved as PDF and CSV. A volunteer at the desk is refused.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
export HUBDESK_SPOOL="$T/spool"

# Visits of November at known local times: 12 on the 3rd (purpose 1, one
# person each), 5 on the 10th (purpose 2, two people each), 1 in October.
ins() { sql "INSERT INTO visit(purpose, party, time_in, desk) VALUES ($1, $2, strftime('%s', '$3', '-8 hours'), 't')" >/dev/null; }
i=0
while [ $i -lt 12 ]; do ins 1 1 "2026-11-03 10:0$((i % 10))"; i=$((i + 1)); done
i=0
while [ $i -lt 5 ]; do ins 2 2 "2026-11-10 15:1$i"; i=$((i + 1)); done
ins 3 1 "2026-10-20 09:00"
# A checked-in booking of room 1, two hours on Tuesday the 10th.
sql "INSERT INTO booking(room_id, org_id, start, end, hold_end, attendees, state, created, updated)
     VALUES (1, 1, strftime('%s', '2026-11-10 10:00', '-8 hours'), strftime('%s', '2026-11-10 12:00', '-8 hours'),
     strftime('%s', '2026-11-10 12:00', '-8 hours'), 5, 'checked_in', 0, 0)" >/dev/null
"$HUBDESK" report --month 2026-11 --csv >"$T/nov.csv" 2>/dev/null
csv() { awk -F, -v s="$1" -v i="$2" '$1 == s && $2 == i { sub(/\r$/, "", $3); print $3 }' "$T/nov.csv"; }
room1=$(sql "SELECT name FROM room WHERE id = 1")

scr_start 80 24
scr_keys 5
expect_screen "$(zh_part 'reports, the team roll, exports of teams, organisations and rooms')" "a volunteer at the desk is told reports are for staff"
expect_line 1 " $(zh Home) |" "the desk stays on home"

scr_signin 工作人员 135790
scr_keys 5
expect_line 1 " $(zh Reports) |" "staff open the reports"
expect_line 2 "2026-11-01 至 2026-11-30" "this month is shown"
expect_screen "来访 17 次，共 22 人" "the month's visits and people"
expect_row_has 政策咨询 "12 / 12" "purpose 1: twelve visits, twelve people"
expect_row_has 登记/变更/注销指导 "5 / 10" "purpose 2: five visits, ten people"
expect_eq "$(scr_col "$(scr_show | grep -n 政策咨询 | cut -d: -f1)" '12 /')" \
	"$(scr_col "$(scr_show | grep -n 群众团队备案 | cut -d: -f1)" '0 /')" \
	"figures line up after names of different widths"

# The chart of days: day 3 reaches the top row, day 10 does not; a day
# is two columns from column 8 (two of margin, six of scale).
top=$(scr_show | grep -n '^ *12 ' | head -n 1 | cut -d: -f1)
expect_eq "$(scr_line "$top" | python3 -c 'import sys; l = sys.stdin.read(); print(l[12:13])')" "█" \
	"the 3rd's bar reaches the top of the chart"
expect_eq "$(scr_line "$top" | python3 -c 'import sys; l = sys.stdin.read(); print(l[26:27].strip() or "-")')" "-" \
	"the 10th's bar does not"
expect_eq "$(scr_line $((top + 7)) | python3 -c 'import sys; l = sys.stdin.read(); print(l[26:27])')" "█" \
	"the 10th's bar stands on the bottom row"
scr_keys a
expect_no_screen "█" "a: no block characters are drawn"
expect_eq "$(scr_line "$top" | python3 -c 'import sys; l = sys.stdin.read(); print(l[12:13])')" "#" \
	"a: the chart is plain ASCII, in the same columns"
expect_row_has 政策咨询 "12 / 12" "#" "the purpose bars are ASCII too"
scr_keys a
expect_screen "█" "a again: blocks"

# Rooms: room 1's use as the report command gives it, and its heat map.
scr_keys Right
expect_line 2 "$(zh 'Room use')" "Right: the rooms section"
used=$(csv 场地 "$room1")
expect_row_has "$room1" "$used%" "room 1 shows the used share of the report ($used%)"
expect_screen "$(zh_part 'Booked share of open time, weekday by hour: every room')" "the heat map of every room"
i=0
while [ $i -lt 14 ]; do scr_keys Down; i=$((i + 1)); done
expect_screen "$(zh Tue)" "scrolled: the heat maps' weekdays"
scr_keys Right
expect_line 2 "$(zh Teams)" "Right: the teams section"
expect_screen "团队 $(csv 团队 合计) 个（未注销），成员 $(csv 团队 成员合计) 人，党员 $(csv 团队 党员合计) 人" \
	"the team totals of the report"
expect_row_has 文体活动 "$(csv 团队 文体活动)" "the category count"
scr_keys Right
expect_line 2 "$(zh Organisations)" "Right: the organisations section"
expect_screen "机构 $(csv 机构 合计) 家" "the organisations of the report"
expect_row_has 入驻机构 "$(csv 机构 入驻机构)" "resident organisations counted"

# Another month, the half year and back.
scr_keys PPage
expect_line 2 "2026-10-01 至 2026-10-31" "PgUp: October"
scr_keys Left Left Left
expect_screen "来访 1 次，共 1 人" "October's one visit"
scr_keys h
expect_line 2 "2026-07-01 至 2026-12-31" "h: the half year"
expect_screen "来访 18 次，共 23 人" "the half year's visits"
scr_keys h
expect_line 2 "2026-10-01 至 2026-10-31" "h again: back to the month"
scr_keys NPage
expect_line 2 "2026-11-01 至 2026-11-30" "PgDn: November again"

# Saved for the street: a CSV as report --csv gives and a PDF.
scr_keys s
expect_screen "$(zh_part 'Saved %s.pdf and .csv')" "s: the report is saved"
if cmp -s "$T/nov.csv" "$HUBDESK_SPOOL/report-2026-11-01-2026-11-30.csv"; then
	ok "the saved CSV is the report command's"
else
	not_ok "the saved CSV differs" "$(ls -l "$HUBDESK_SPOOL" 2>&1)"
fi
expect_eq "$(head -c 5 "$HUBDESK_SPOOL/report-2026-11-01-2026-11-30.pdf" 2>/dev/null)" "%PDF-" "the saved PDF is a PDF"
expect_no_screen 李 "no visitor's name on the reports screen"
scr_stop
done_testing
