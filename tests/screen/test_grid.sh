#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_grid.sh - the room grid (home 2) in Chinese at 80x24,
# with no printer (receipts wait in the spool): the rooms down the side with
# their capacities, the hour header over 30-minute columns of 4, the room
# column fixed (every row's '|' at column 19, also scrolled sideways with
# End, in the week view, at 120x40 and back at 80x24); the selected cell told
# in words on row LINES-4 and the legend on LINES-3; a free cell of
# 二楼会议室A booked for 绿叶环保公益促进会 (typed 绿叶, taken, F2) showing
# |绿叶环保 at its columns; its detail (已确认, its HD1-B code); PgDn to the
# next day without it, t back, w the room's week; a refused to the unsigned
# desk; a team booked by the desk pending (?), approved by staff (a, y: |),
# then cancelled (c, y: free again); m and Enter moving the organisation's
# booking to another room and time (checked in the database, id and code
# kept); a weekly series booked on the command line showing on each week
# (PgDn x7) and not after; a no-show read as released (~) by an app started
# past the check-in window, while at its last minute it is still booked;
# and a short pass in English. No full phone number is ever on a screen.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

GRID=场地预约
DAY=2026-11-23
ORG=绿叶环保公益促进会
SHORT=绿叶环保
TEAM=彩虹舞蹈队
SERIES_ORG=书香社区读书会
NOSHOW_ORG=心桥心理咨询服务社
room_id() { sql "SELECT id FROM room WHERE name = '$1'"; }
org_id() { sql "SELECT id FROM org WHERE name = '$1'"; }
ROOM_A=$(room_id 二楼会议室A)
ROOM_B=$(room_id 二楼会议室B)
ROOM_T=$(room_id 培训室)
ROOM_S=$(room_id 书画室)
ROOM_Q=$(room_id 洽谈室一)
NROOMS=$(sql "SELECT count(*) FROM room")
# epoch 'YYYY-MM-DD HH:MM': the instant of a local time (TZ is the centre's).
epoch() { date -d "$1" +%s; }

# Once WATCH is 1, every screen read is kept in $T/seen, to look for any
# full phone number in all of them at the end.
WATCH=1
scr_show() {
	if [ "$WATCH" = 1 ]; then
		_tmux capture-pane -t t -p | tee -a "$T/seen"
	else
		_tmux capture-pane -t t -p
	fi
}

# The rows of the screen at its size now: the status line is LINES-1, the
# selected cell's words LINES-3 and the legend LINES-2 (1 = the top line).
ROWS=24
COLS_NOW=80
status_row() { echo $((ROWS - 1)); }
desc_row() { echo $((ROWS - 3)); }
legend_row() { echo $((ROWS - 2)); }

# expect_status TEXT WHAT: waits for TEXT on the status line (a long
# message takes the row above it too).
expect_status() { expect_in_rows "$(($(status_row) - 1))" "$(status_row)" "$1" "$2"; }

# expect_not_on_screen TEXT WHAT: the screen now does not show TEXT.
expect_not_on_screen() {
	if scr_show | grep -Fq -- "$1"; then
		not_ok "$2: the screen shows '$1'" "$(scr_show | sed 's/^/| /')"
	else
		ok "$2"
	fi
}

# _ALIGN_PY COLS LINES NROWS: the grid on the screen is aligned: no line
# wider than the terminal; the hour header on line 3 with labels 8 columns
# (an hour) apart, the first at column 20 or 24; NROWS rows from line 4, each
# with its first '|' at column 19 (the room column); and, right of it, the
# hour marks ':' under the labels, the half-hour marks '.' 4 columns after,
# the booking marks |?*~ and the runs ---- and xxxx on 4-column cells.
# Prints what is wrong, nothing when all is well.
_ALIGN_PY='
import re, sys, unicodedata
cols, lines, nrows = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
w = lambda c: 2 if unicodedata.east_asian_width(c) in "WF" else 1
def cells(line):
    x, out = 0, []
    for c in line:
        out.append((x, c))
        x += w(c)
    return out, x
screen = sys.stdin.read().split("\n")
bad = []
for i, line in enumerate(screen[:lines]):
    _, width = cells(line.rstrip())
    if width > cols:
        bad.append("line %d is %d columns wide" % (i + 1, width))
head, _ = cells(screen[2] if len(screen) > 2 else "")
labels = [(x, c) for x, c in head]
text = "".join(c for _, c in head)
xs = [head[m.start()][0] for m in re.finditer(r"\d\d:\d\d", text)]
hours = [int(m.group(0)[:2]) for m in re.finditer(r"\d\d:\d\d", text)]
if not xs:
    bad.append("no hour header on line 3")
    base = 20
else:
    base = xs[0]
    if base not in (20, 24):
        bad.append("the first hour label is at column %d" % base)
    for k in range(1, len(xs)):
        if xs[k] - xs[k - 1] != 8 or hours[k] != hours[k - 1] + 1:
            bad.append("hour labels %02d:00 at %d and %02d:00 at %d" % (hours[k - 1], xs[k - 1], hours[k], xs[k]))
rows = [l for l in screen[3:lines - 5] if l.strip()]
if len(rows) != nrows:
    bad.append("%d grid rows, expected %d" % (len(rows), nrows))
for line in rows:
    cs, _ = cells(line)
    bars = [x for x, c in cs if c == "|"]
    if not bars or bars[0] != 19:
        bad.append("first | at %s in: %s" % (bars[0] if bars else "none", line.rstrip()))
        continue
    prev = " "
    for x, c in cs:
        why = ""
        if x < 20:
            continue
        if c == ":" and (x - base) % 8:
            why = "an hour mark at column %d, not under an hour label (from %d)" % (x, base)
        elif c == "." and (x - base) % 8 != 4:
            why = "a half-hour mark at column %d, not between hour labels (from %d)" % (x, base)
        elif c in "|?*~" and (x - 20) % 4:
            why = "a booking mark %s at column %d, off the 4-column cells" % (c, x)
        elif c in "-x" and prev != c and (x - 20) % 4:
            why = "a run of %s from column %d, off the 4-column cells" % (c, x)
        prev = c
        if why:
            bad.append("%s: %s" % (line.rstrip(), why))
            break
if bad:
    print("the header (line 3): %s" % (screen[2].rstrip() if len(screen) > 2 else ""))
for b in bad[:8]:
    print(b)
'

# expect_aligned WHAT [NROWS]: waits (with the usual bound) for the grid on
# the screen to be aligned (_ALIGN_PY), with NROWS rows (default: every room).
_aligned() {
	_screen=$(scr_show)
	_problems=$(printf '%s\n' "$_screen" | python3 -c "$_ALIGN_PY" "$COLS_NOW" "$ROWS" "$1")
	[ -z "$_problems" ]
}
expect_aligned() {
	if wait_for "$SCR_TIMEOUT" _aligned "${2:-$NROOMS}"; then
		ok "$1"
	else
		not_ok "$1" "$_problems" "$(printf '%s\n' "$_screen" | sed 's/^/| /')"
	fi
}

# expect_frame_aligned LINE TEXT WHAT: waits for line LINE to show TEXT and
# checks that very screen, the first frame drawn after the key, for the
# alignment of every room row (the app redraws a quarter second later, so
# the wait polls quickly: wait_ms).
_frame_shows() {
	_screen=$(scr_show)
	printf '%s\n' "$_screen" | sed -n "${1}p" | grep -Fq -- "$2"
}
expect_frame_aligned() {
	if ! wait_ms $((SCR_TIMEOUT * 1000)) _frame_shows "$1" "$2"; then
		not_ok "$3: line $1 never showed '$2'" "$(printf '%s\n' "$_screen" | sed 's/^/| /')"
		return
	fi
	_problems=$(printf '%s\n' "$_screen" | python3 -c "$_ALIGN_PY" "$COLS_NOW" "$ROWS" "$NROOMS")
	if [ -z "$_problems" ]; then
		ok "$3"
	else
		not_ok "$3" "$_problems" "$(printf '%s\n' "$_screen" | sed 's/^/| /')"
	fi
}

# free_words ROOM HH:MM CAP OPEN CLOSE [DATE]: the words of a free cell.
free_words() {
	# printf reads 08 and 09 as octal: the numbers go without leading zeros.
	zhf '%s %s %02d:%02d  holds %d  open %02d:%02d-%02d:%02d%s%s' \
		"$1" "${6:-$DAY}" "$(dec "${2%%:*}")" "$(dec "${2##*:}")" "$3" \
		"$(dec "${4%%:*}")" "$(dec "${4##*:}")" "$(dec "${5%%:*}")" "$(dec "${5##*:}")" "" ""
}
dec() { echo "$1" | sed 's/^0*\([0-9]\)/\1/'; }

# booking_words ROOM FROM TO BOOKER STATE [DATE]: the words of a booked cell.
booking_words() {
	printf '%s %s %s-%s  %s  %d  %s' "$1" "${6:-$DAY}" "$2" "$3" "$4" 1 "$(zh "$5")"
}

# The grid of today from home.
scr_start 80 24
expect_line 1 首页 "home"
scr_keys 2
expect_line 1 "$GRID" "2 opens $GRID"
expect_line 2 "$DAY 周一" "line 2 names the day: $DAY 周一"
for r in $(sql "SELECT id FROM room ORDER BY id"); do
	name=$(sql "SELECT name FROM room WHERE id = $r")
	cap=$(sql "SELECT capacity FROM room WHERE id = $r")
	_row=$(scr_show | grep -E "^$name +$cap\|" | head -1)
	if [ -n "$_row" ]; then
		ok "the row of $name ends its room column with the capacity $cap and '|'"
	else
		not_ok "the row of $name ends its room column with the capacity $cap and '|'" \
			"$(scr_show | sed 's/^/| /')"
	fi
done
expect_eq "$(scr_col 3 08:00) $(scr_col 3 09:00) $(scr_col 3 14:00)" "20 28 68" \
	"the hour header: 08:00 at column 20, 09:00 at 28, 14:00 at 68 (8 columns an hour)"
expect_aligned "80x24: every room row has its '|' at column 19 and the cells under the hour header"
expect_line "$(desc_row)" "$(free_words 一楼多功能厅 08:00 80 08:00 21:00)" \
	"row LINES-4 tells the selected cell in words: $(free_words 一楼多功能厅 08:00 80 08:00 21:00)"
expect_line "$(legend_row)" "$(zh ':. free  |booked  ?pending  *checked in  ~released  ---- buffer  xxxx closed')" \
	"row LINES-3 holds the legend"

# Sideways: End scrolls to the last half hour; the room column stays, and
# the hour header scrolls with the cells in the frame drawn for the key.
scr_keys End
expect_frame_aligned "$(desc_row)" "$(free_words 一楼多功能厅 20:30 80 08:00 21:00)" \
	"End selects 20:30 and scrolls: in the frame drawn for the key the header scrolled with the cells"
expect_aligned "scrolled sideways, the room column stays and the cells stay under the header"
expect_row_has "一楼多功能厅" "80|" "the room names stay at the left"
expect_line 3 "20:00" "the header runs to 20:00"
scr_keys Home
expect_frame_aligned "$(desc_row)" "$(free_words 一楼多功能厅 08:00 80 08:00 21:00)" \
	"Home scrolls back: in the frame drawn for the key the header starts at 08:00 again"
expect_aligned "Home: aligned, 08:00 first"
expect_eq "$(scr_col 3 08:00)" 20 "08:00 at column 20 again"

# A free cell of 二楼会议室A at 10:00, booked for 绿叶环保公益促进会.
select_cell 二楼会议室A 10:00
expect_line "$(desc_row)" "$(free_words 二楼会议室A 10:00 20 08:00 21:00)" "the arrows select 二楼会议室A at 10:00"
scr_keys Enter
expect_line 1 "$(zh 'New booking')" "Enter on the free cell opens $(zh 'New booking')"
expect_screen "二楼会议室A" "the form names the room"
expect_row_has "*$(zh Booker)" "the form has the field *$(zh Booker)"
expect_row_has "$(zh Date)" "$DAY" "the date is the cell's"
expect_row_has "$(zh Start)" "10:00" "the start is the cell's"
expect_row_has "$(zh End)" "11:00" "the end is an hour later"
scr_type 绿叶
expect_row_has "$ORG" "$(zh Org)" "typing 绿叶 offers $ORG"
scr_keys Enter
expect_row_has "*$(zh Booker)" "$ORG" "Enter takes $ORG"
scr_keys Tab Tab C-u
scr_type 12:00
expect_row_has "$(zh End)" "12:00" "the end set to 12:00"
scr_keys F2
expect_line 1 "$GRID" "F2 saves and goes back to the grid"
expect_status "$(zhf 'Booked (%d). %s' 1 "")" "the status line says it is booked"
BK=$(sql "SELECT max(id) FROM booking")
expect_eq "$(sql "SELECT room_id || ' ' || org_id || ' ' || start || ' ' || end || ' ' || state FROM booking WHERE id = ${BK:-0}")" \
	"$ROOM_A $(org_id "$ORG") $(epoch "$DAY 10:00") $(epoch "$DAY 12:00") confirmed" \
	"the database holds it: 二楼会议室A, $ORG, 10:00-12:00, confirmed"
expect_cells 二楼会议室A 10:00 12:00 "|$SHORT" "the grid shows |$SHORT in the row of 二楼会议室A from 10:00 to 12:00"
expect_cells 二楼会议室A 09:00 10:00 ":   ." "the hour before stays free"
expect_cells 二楼会议室A 12:00 13:00 ":   ." "the hour after stays free"
expect_line "$(desc_row)" "$(booking_words 二楼会议室A 10:00 12:00 "$ORG" confirmed)" \
	"the selected cell reads: $(booking_words 二楼会议室A 10:00 12:00 "$ORG" confirmed)"
expect_aligned "with the booking, the row of 二楼会议室A stays aligned"

# Its detail.
scr_keys Enter
expect_line 1 "$(zh Booking)" "Enter on the booking opens its detail ($(zh Booking))"
expect_row_has "$(zh State)" "$(zh confirmed)" "the state is $(zh confirmed)"
expect_row_has "$(zh Booker)" "$ORG" "the booker is $ORG"
CODE=$(token_for B "${BK:-0}")
expect_row_has "$(zh Code)" "$CODE" "the code is $CODE"
if scr_show | grep -Eq "HD1-B-$BK-[0-9A-Z]{10}( |\$)"; then ok "the code reads HD1-B-$BK-…"; else
	not_ok "the code reads HD1-B-$BK-…" "$(scr_show | sed 's/^/| /')"; fi
scr_keys Escape
expect_line 1 "$GRID" "Esc goes back to the grid"

# Days and the week.
scr_keys PPage
scr_keys NPage NPage
expect_line 2 "2026-11-24 周二" "PgUp then PgDn twice: 2026-11-24 周二"
expect_cells 二楼会议室A 10:00 12:00 ":   .   :   ." "the next day, 10:00-12:00 of 二楼会议室A is free"
expect_no_screen "$SHORT" "and $SHORT is nowhere"
scr_keys t
expect_line 2 "$DAY 周一" "t goes back to today"
expect_cells 二楼会议室A 10:00 12:00 "|$SHORT" "today shows |$SHORT again"
scr_keys w
expect_line 2 "$(zhf 'Week of %s from %s' 二楼会议室A "$DAY")" "w: the week of 二楼会议室A"
expect_cells "周一 11-23" 10:00 12:00 "|$SHORT" "Monday's row holds |$SHORT"
expect_screen_all "the rows are the days Monday to Sunday" "周一 11-23" "周二 11-24" "周三 11-25" \
	"周四 11-26" "周五 11-27" "周六 11-28" "周日 11-29"
expect_cells "周二 11-24" 10:00 12:00 ":   .   :   ." "Tuesday's row is free then"
expect_aligned "the week view is aligned" 7
scr_keys w
expect_line 2 "$DAY 周一" "w again: the day"
expect_line "$(desc_row)" "二楼会议室A $DAY" "with 二楼会议室A still selected"

# Approvals: refused to the unsigned desk.
scr_keys a
expect_status "$(zh 'Staff only: %s. Sign in with F9.' | sed 's/%s.*//')" "a with nobody signed in: refused, staff only"
expect_status "$(zh 'approve or reject team bookings, closures')" "the refusal names the approvals"
expect_line 1 "$GRID" "the grid stays"

# A team booked by the desk (nobody signed in) is pending.
select_cell 二楼会议室B 12:00
expect_line "$(desc_row)" "$(free_words 二楼会议室B 12:00 12 08:00 21:00)" "二楼会议室B at 12:00 selected"
scr_keys Enter
expect_line 1 "$(zh 'New booking')" "Enter opens the form"
scr_type 彩虹
expect_row_has "$TEAM" "$(zh Team)" "typing 彩虹 offers $TEAM"
scr_keys Enter
expect_row_has "*$(zh Booker)" "$TEAM" "Enter takes $TEAM"
scr_keys F2
expect_line 1 "$GRID" "F2 saves"
TB=$(sql "SELECT max(id) FROM booking")
expect_eq "$(sql "SELECT room_id || ' ' || team_id || ' ' || state FROM booking WHERE id = ${TB:-0}")" \
	"$ROOM_B $(sql "SELECT id FROM team WHERE name = '$TEAM'") pending" "the team's booking is pending"
expect_cells 二楼会议室B 12:00 13:00 "?彩虹舞" "the grid shows ?彩虹舞 (pending) at 12:00 in 二楼会议室B"
expect_line "$(desc_row)" "$(booking_words 二楼会议室B 12:00 13:00 "$TEAM" pending)" "the selected cell reads pending"

# Staff approve it.
scr_signin 工作人员 135790
scr_keys a
expect_line 1 "$(zh Approvals)" "a, signed in as staff: $(zh Approvals)"
expect_screen "$(zhf '%d team bookings wait for approval' 1)" "one team booking waits"
expect_row_has "$DAY 12:00-13:00" 二楼会议室B "$TEAM" "it is listed: $DAY 12:00-13:00 二楼会议室B $TEAM"
scr_keys y
expect_status "$(zhf 'Booking %lld approved.' "$TB")" "y approves it"
expect_eq "$(sql "SELECT state FROM booking WHERE id = ${TB:-0}")" confirmed "the database has it confirmed"
scr_keys Escape
expect_line 1 "$GRID" "Esc goes back to the grid"
expect_cells 二楼会议室B 12:00 13:00 "|彩虹舞" "the cell turns |彩虹舞"

# c on its detail, y: cancelled, the cell free again.
select_cell 二楼会议室B 12:00
scr_keys Enter
expect_line 1 "$(zh Booking)" "Enter opens the team's booking"
scr_keys c
expect_screen "$(zh 'Cancel this booking?')" "c asks $(zh 'Cancel this booking?')"
scr_keys y
expect_status "$(zhf 'Booking %lld cancelled.' "$TB")" "y cancels it"
expect_row_has "$(zh State)" "$(zh cancelled)" "the detail says $(zh cancelled)"
expect_eq "$(sql "SELECT state FROM booking WHERE id = ${TB:-0}")" cancelled "the database has it cancelled"
scr_keys Escape
expect_line 1 "$GRID" "back to the grid"
expect_cells 二楼会议室B 12:00 13:00 ":   ." "the cell is free again"

# m, then Enter on a free cell: moved to 培训室 at 13:00.
select_cell 二楼会议室A 10:00
scr_keys Enter
expect_line 1 "$(zh Booking)" "Enter opens $ORG's booking"
scr_keys m
expect_line 1 "$GRID" "m goes to the grid to pick the new cell"
expect_line 2 "$(zhf 'Moving booking %lld: Enter on a free cell, Esc stops.' "$BK" | sed 's/：.*//')" \
	"line 2 says booking $BK is being moved"
expect_line 2 "$(zhf 'Moving booking %lld: Enter on a free cell, Esc stops.' "$BK")" \
	"line 2 says the whole hint at 80x24, with how to stop (Esc)"
select_cell 培训室 13:00
scr_keys Enter
expect_status "$(zhf 'Booking %lld moved to %s %s.' "$BK" 培训室 "$DAY 13:00")" "Enter moves it to 培训室 $DAY 13:00"
expect_eq "$(sql "SELECT room_id || ' ' || start || ' ' || end || ' ' || state FROM booking WHERE id = ${BK:-0}")" \
	"$ROOM_T $(epoch "$DAY 13:00") $(epoch "$DAY 15:00") confirmed" \
	"the database has booking $BK in 培训室 from 13:00 to 15:00 (the same length)"
expect_eq "$(sql "SELECT count(*) FROM booking")" 2 "moved, not copied: still two bookings"
expect_cells 培训室 13:00 15:00 "|$SHORT" "the grid shows |$SHORT in 培训室 from 13:00"
expect_cells 二楼会议室A 10:00 12:00 ":   .   :   ." "its old cells are free"
expect_no_screen "$(zhf 'Moving booking %lld: Enter on a free cell, Esc stops.' "$BK" | sed 's/：.*//')" \
	"the move is over"
run "$HUBDESK" verify "$CODE"
expect_out "^booking	$BK	" "the code printed before the move still verifies as booking $BK"

# A weekly series booked on the command line shows on each of its weeks.
run hd booking add --room "$ROOM_S" --org "$(org_id "$SERIES_ORG")" --start "$DAY 14:00" \
	--end "$DAY 15:30" --weekly-until 2026-12-21 --no-print
expect_lines 5 "hubdesk booking add --weekly-until 2026-12-21 books 5 dates in 书画室"
scr_keys t
expect_cells 书画室 14:00 15:30 "|书香读书" "today shows |书香读书 in 书画室 at 14:00"
scr_keys NPage
expect_line 2 "2026-11-24" "PgDn: 2026-11-24"
expect_cells 书画室 14:00 15:30 ":   .   :" "not on the 24th"
scr_keys NPage NPage NPage NPage NPage NPage
expect_line 2 "2026-11-30 周一" "PgDn x6 more: 2026-11-30"
expect_cells 书画室 14:00 15:30 "|书香读书" "the series shows on 2026-11-30"
for d in 2026-12-07 2026-12-14 2026-12-21; do
	scr_keys NPage NPage NPage NPage NPage NPage NPage
	expect_line 2 "$d 周一" "PgDn x7: $d"
	expect_cells 书画室 14:00 15:30 "|书香读书" "the series shows on $d"
done
scr_keys NPage NPage NPage NPage NPage NPage NPage
expect_line 2 "2026-12-28 周一" "PgDn x7: 2026-12-28"
expect_cells 书画室 14:00 15:30 ":   .   :" "the series has ended by 2026-12-28"

# Other sizes: 120x40 and back to 80x24.
scr_keys t
expect_line 2 "$DAY 周一" "t: today"
scr_resize 120 40
ROWS=40 COLS_NOW=120
expect_eq "$(scr_col 3 19:00)" 108 "at 120x40 the header runs to 19:00 (column 108)"
expect_aligned "120x40: the grid is aligned, every '|' of the room column at 19"
expect_line "$(desc_row)" "$DAY" "120x40: the selected cell's words on row LINES-4 (37)"
expect_line "$(legend_row)" "$(zh ':. free  |booked  ?pending  *checked in  ~released  ---- buffer  xxxx closed')" \
	"120x40: the legend on row LINES-3 (38)"
expect_cells 培训室 13:00 15:00 "|$SHORT" "120x40: |$SHORT in 培训室 at 13:00"
scr_resize 80 24
ROWS=24 COLS_NOW=80
expect_line "$(legend_row)" "$(zh ':. free  |booked  ?pending  *checked in  ~released  ---- buffer  xxxx closed')" \
	"back at 80x24: the legend on row 22"
expect_aligned "back at 80x24: the grid is aligned"
expect_not_on_screen "[exit" "the app is still running"
scr_stop

# A no-show: booked 09:30-10:30 in 洽谈室一. An app started at 09:45 (the
# last minute of check-in) shows it booked; one started at 09:46, released,
# before any maintenance ran.
expect_rc 0 "the no-show's booking is made" hd booking add --room "$ROOM_Q" \
	--org "$(org_id "$NOSHOW_ORG")" --start "$DAY 09:30" --end "$DAY 10:30" --no-print
NS=$(cut -f1 "$T/out")
expect_eq "$(sql "SELECT state FROM booking WHERE id = ${NS:-0}")" confirmed "booking $NS for $NOSHOW_ORG is confirmed"
export HUBDESK_NOW=2026-11-23T09:45:00+08:00
scr_start 80 24
expect_line 1 首页 "09:45: home"
scr_keys 2
expect_line 1 "$GRID" "09:45: the grid"
expect_cells 洽谈室一 09:30 10:30 "|心桥心" "09:45 (start + 15 min, check-in still open): |心桥心"
scr_stop
expect_eq "$(sql "SELECT state FROM booking WHERE id = ${NS:-0}")" confirmed "nothing released it yet in the database"
export HUBDESK_NOW=2026-11-23T09:46:00+08:00
scr_start 80 24
expect_line 1 首页 "09:46: home"
scr_keys 2
expect_line 1 "$GRID" "09:46: the grid"
expect_cells 洽谈室一 09:30 10:30 "~心桥心" "09:46, nobody came: ~心桥心 (released), without hubdesk maintain"
select_cell 洽谈室一 09:30
expect_line "$(desc_row)" "$(booking_words 洽谈室一 09:30 10:30 "$NOSHOW_ORG" released)" "the selected cell reads $(zh released)"
expect_aligned "the grid with a released booking is aligned"
run hd booking list --date "$DAY"
expect_out "^$NS	洽谈室一	$DAY	09:30	10:30	$NOSHOW_ORG	1	released\$" "hubdesk booking list says released"
scr_stop

# English, where cheap.
export HUBDESK_NOW=2026-11-23T09:00:00+08:00
scr_start 80 24 --lang en
expect_line 1 Home "en: home"
scr_keys 2
expect_line 1 "Room booking" "en: 2 opens Room booking"
expect_line 2 "$DAY Mon" "en: line 2 reads $DAY Mon"
expect_aligned "en: the grid is aligned at 80x24"
expect_line "$(desc_row)" "一楼多功能厅 $DAY 08:00  holds 80  open 08:00-21:00" "en: the selected cell in words"
expect_line "$(legend_row)" ":. free  |booked  ?pending  *checked in  ~released  ---- buffer  xxxx closed" \
	"en: the whole legend on row LINES-3 at 80x24"
expect_cells 培训室 13:00 15:00 "|$SHORT" "en: |$SHORT in 培训室"
select_cell 培训室 13:00
scr_keys Enter
expect_line 1 Booking "en: Enter opens the booking"
expect_row_has State confirmed "en: State confirmed"
expect_row_has Code "$CODE" "en: its code"
expect_screen "Use of the room" "en: the detail's label 'Use of the room' is whole"
scr_stop

# No full phone number on any screen.
sql "SELECT phone FROM org WHERE ifnull(phone, '') <> '' UNION SELECT phone FROM team WHERE ifnull(phone, '') <> ''" >"$T/phones"
found=$(python3 - "$T/seen" "$T/phones" <<'EOF'
import sys
seen = open(sys.argv[1], encoding="utf-8", errors="replace").read()
flat = seen.replace(" ", "").replace("-", "")
for p in open(sys.argv[2], encoding="utf-8").read().split():
    if p in seen or p.replace("-", "") in flat:
        print(p)
EOF
)
if [ -z "$found" ]; then
	ok "none of the $(grep -c '' "$T/phones") phone numbers of the organisations and teams is on any of the $(grep -c '' "$T/seen") screen lines read"
else
	not_ok "no full phone number is on a screen" "found: $found"
fi

done_testing
