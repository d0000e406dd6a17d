#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_resize.sh - the desk works from 80x24 up; below that it
# says how big the terminal must be and waits; resizing redraws at once,
# keeping what was typed; F10 leaves even when the terminal is too small.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

# quick_line N TEXT WHAT: as expect_line, with a bound of 2 s ("at once").
quick_line() {
	_saved=$SCR_TIMEOUT
	SCR_TIMEOUT=2
	expect_line "$@"
	SCR_TIMEOUT=$_saved
}

scr_start 80 24
expect_line 1 首页 "80x24: home"

scr_resize 60 20
expect_screen_all "60x20: a message says 80x24 is needed and the size now" 80x24 60x20
expect_no_screen 首页 "60x20: home is not drawn squeezed"

scr_keys 6
scr_resize 100 30
quick_line 1 首页 "100x30: home again at once (a key pressed while too small is ignored)"
expect_no_screen 80x24 "100x30: the size message is gone"
expect_screen 系统管理 "100x30: the menu is drawn"
expect_eq "$(scr_width 1)" 99 "100x30: the top line spans the new width"
expect_line 30 F10 "100x30: the key line is on the new last line"

# A form keeps its text through a resize too small and back.
scr_signin 工作人员 135790
scr_keys 9
expect_line 1 系统管理 "9 opens administration"
scr_keys 1
expect_line 1 "$(zh 'New organisation')" "1 opens the organisation form"
scr_type 晨曦社区服务社
expect_screen 晨曦社区服务社 "the name is typed"
scr_resize 79 24
expect_screen_all "79x24: one column short is too small" 80x24 79x24
scr_resize 80 23
expect_screen_all "80x23: one row short is too small" 80x24 80x23
scr_resize 80 24
quick_line 1 "$(zh 'New organisation')" "80x24: the form is back at once"
expect_screen 晨曦社区服务社 "80x24: the typed name survived the resizes"
expect_eq "$(scr_col 5 晨曦社区服务社)" 18 "80x24: the name starts in its field's column"
scr_keys F10
expect_screen "[exit 0]" "F10 leaves from the form after the resizes"
scr_stop

# Started too small.
scr_start 70 20
expect_screen_all "started at 70x20: the size message" 80x24 70x20
expect_no_screen 首页 "started at 70x20: no home"
scr_keys F10
expect_screen "[exit 0]" "F10 leaves while too small, exit 0"
scr_stop

# Grows to fit after starting too small.
scr_start 70 20
expect_screen 70x20 "started at 70x20 again"
scr_resize 80 24
quick_line 1 首页 "resized to 80x24: home at once"
scr_stop

done_testing
