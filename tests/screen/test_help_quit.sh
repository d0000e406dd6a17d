#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_help_quit.sh - help and leaving: F1 (and ? outside text
# fields) opens help listing the keys, Esc goes back to where help was opened;
# q leaves from home, F10 from any screen; the program exits 0.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

# help_body KEY: the help's lines between the title and the status lines hold KEY.
help_body() { scr_show | sed -n '2,22p' | grep -Fq -- "$1"; }

scr_start 80 24
expect_line 1 首页 "home is shown"

scr_keys F1
expect_line 1 帮助 "F1 opens help (帮助)"
expect_screen "$(zh_part 'leave hubdesk (on home also q)' 8)" "help says what F10 does"
if help_body F10 && help_body Esc && help_body F9 && help_body F1; then
	ok "help lists F1, Esc, F9 and F10"
else
	not_ok "help lists F1, Esc, F9 and F10" "$(scr_show | sed 's/^/| /')"
fi
if help_body 1-9; then
	ok "help on home lists home's own keys (1-9)"
else
	not_ok "help on home lists home's own keys (1-9)" "$(scr_show | sed 's/^/| /')"
fi
scr_keys Escape
expect_line 1 首页 "Esc leaves help, back home"

scr_type '?'
expect_line 1 帮助 "? opens help on home"
scr_type q
expect_line 1 首页 "q in help closes help (and does not leave the app)"
expect_no_screen "[exit" "the app still runs after q in help"

# Help from another screen lists that screen's keys and goes back there.
scr_keys 6
expect_line 1 机构与团队 "6 opens the registers"
scr_keys F1
expect_line 1 帮助 "F1 opens help from the registers"
if scr_wait F4 && help_body F4; then
	ok "help from the registers lists its F4 (new organisation)"
else
	not_ok "help from the registers lists its F4 (new organisation)" "$(scr_show | sed 's/^/| /')"
fi
scr_keys Escape
expect_line 1 机构与团队 "Esc leaves help back to the registers, not home"

# In a text field ? and q are typed, not keys.
scr_type '?q'
expect_screen "?q" "? and q in the registers' search field are typed"
expect_line 1 机构与团队 "? in a text field does not open help"
expect_no_screen "[exit" "q in a text field does not leave"
# The q composes pinyin: the first Esc drops it, the second leaves.
scr_keys Escape
expect_line 3 "?  " "Esc drops the q being composed"
expect_line 1 机构与团队 "and stays in the registers"
scr_keys Escape
expect_line 1 首页 "Esc from the registers goes home"

scr_keys q
expect_screen "[exit 0]" "q on home leaves, exit 0"
scr_stop

# F10 leaves from another screen.
scr_start 80 24
expect_line 1 首页 "second start: home"
scr_keys 6
expect_line 1 机构与团队 "6 opens the registers"
scr_keys F10
expect_screen "[exit 0]" "F10 leaves from the registers, exit 0"
scr_stop

# F10 leaves from help and from a form.
scr_start 80 24
expect_line 1 首页 "third start: home"
scr_signin 工作人员 135790
scr_keys 9
expect_line 1 系统管理 "9 opens administration"
scr_keys 1
expect_line 1 "$(zh 'New organisation')" "1 opens the organisation form"
scr_keys F1
expect_line 1 帮助 "F1 in a form opens help"
scr_keys Escape
expect_line 1 "$(zh 'New organisation')" "Esc leaves help back to the form"
scr_keys F10
expect_screen "[exit 0]" "F10 leaves from the form, exit 0"
scr_stop

done_testing
