#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_grid_move.sh - the room grid opened to move a booking
# from a detail that the grid did not open, and the week view's way back
# to a day, in Chinese at 80x24. The desk books 彩虹舞蹈队 in 书画室 on
# Wednesday 2026-11-25 at 10:00 (pending). Staff open it from the approvals
# (a, Enter) and press m: a new grid opens on the booking's day, moving it;
# Esc stops the move and Esc again goes back to the approvals. m again and
# Enter on 13:00 moves it there; back in the first grid (Esc, Esc) nothing
# is being moved and today shows. In the week view (w) of 书画室, Down twice
# and w again show Wednesday with 书画室 still selected.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

GRID=场地预约
DAY=2026-11-25
ROOM=书画室
ROOM_ID=$(sql "SELECT id FROM room WHERE name = '$ROOM'")
MOVING=$(zh 'Moving booking %lld: Enter on a free cell, Esc stops.' | sed 's/ .*//; s/%.*//')

scr_start 80 24
scr_keys 2
expect_line 1 "$GRID" "2 opens $GRID"

# The desk books the team on Wednesday: it waits for staff.
scr_keys NPage NPage
expect_line 2 "$DAY" "PgDn twice: $DAY"
select_cell "$ROOM" 10:00
scr_keys Enter
expect_line 1 "$(zh 'New booking')" "Enter on $ROOM at 10:00 opens $(zh 'New booking')"
scr_type 彩虹
expect_row_has 彩虹舞蹈队 "$(zh Team)" "typing 彩虹 offers 彩虹舞蹈队"
scr_keys Enter F2
expect_line 1 "$GRID" "F2 saves and goes back to the grid"
BK=$(sql "SELECT id FROM booking WHERE room_id = $ROOM_ID AND state = 'pending'")
expect_eq "$(sql "SELECT count(*) FROM booking WHERE state = 'pending'")" 1 "one booking waits"

# Staff move it from the approvals.
scr_keys t
expect_line 2 "2026-11-23" "t: today"
scr_signin 工作人员 135790
scr_keys a
expect_line 1 "$(zh Approvals)" "a opens $(zh Approvals)"
scr_keys Enter
expect_line 1 "$(zh Booking)" "Enter opens the booking"
scr_keys m
expect_line 1 "$GRID" "m opens a grid to pick the new cell"
expect_line 2 "$DAY" "on the booking's day, $DAY"
expect_line 2 "$(zhf 'Moving booking %lld: Enter on a free cell, Esc stops.' "$BK")" \
	"line 2 says booking $BK is being moved"
expect_gone "$MOVING" "Esc stops the move" Escape
expect_msg "$(zh 'The booking stays where it was.')" "and says $(zh 'The booking stays where it was.')"
scr_keys Escape
expect_line 1 "$(zh Approvals)" "Esc again: back to $(zh Approvals)"
scr_keys Enter
expect_line 1 "$(zh Booking)" "Enter opens the booking again"
scr_keys m
expect_line 2 "$(zhf 'Moving booking %lld: Enter on a free cell, Esc stops.' "$BK")" \
	"m: a grid moving booking $BK"
select_cell "$ROOM" 13:00
scr_keys Enter
expect_msg "$(zhf 'Booking %lld moved to %s %s.' "$BK" "$ROOM" "$DAY 13:00")" "Enter moves it to $ROOM 13:00"
expect_eq "$(sql "SELECT start FROM booking WHERE id = ${BK:-0}")" "$(sql "SELECT strftime('%s', '$DAY 13:00', '-8 hours')")" \
	"the database has it at 13:00"
expect_no_screen "$MOVING" "the move is over"
scr_keys Escape
expect_line 1 "$(zh Approvals)" "Esc: back to $(zh Approvals)"
scr_keys Escape
expect_line 1 "$GRID" "Esc: the first grid"
expect_line 2 "2026-11-23" "still on today"
expect_no_screen "$MOVING" "the first grid moves nothing"

# The week view and back: the day of the cursor's row.
select_cell "$ROOM" 09:00
scr_keys w
expect_line 2 "$(zhf 'Week of %s from %s' "$ROOM" 2026-11-23)" "w: the week of $ROOM"
scr_keys Down Down
expect_line 21 "$ROOM $DAY 09:00" "Down twice: Wednesday"
scr_keys NPage
expect_line 2 "$(zhf 'Week of %s from %s' "$ROOM" 2026-11-30)" "PgDn: the next week"
scr_keys PPage
expect_line 2 "$(zhf 'Week of %s from %s' "$ROOM" 2026-11-23)" "PgUp: back"
scr_keys w
expect_line 2 "$DAY" "w again: the day of the selected row, $DAY"
expect_line 21 "$ROOM $DAY 09:00" "with $ROOM still selected"

done_testing
