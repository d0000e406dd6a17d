#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_mono.sh - without colours (NO_COLOR set, or a terminal
# that has none) the desk still shows home and the form, with attributes
# (reverse, bold, underline) instead of colours.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

# coloured: the screen with its attributes uses a colour (SGR 30-37, 40-47,
# 90-97, 100-107 or 38/48 extended).
coloured() {
	_tmux capture-pane -t t -p -e |
		grep -Eq "$(printf '\033')\\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]"
}

# reversed: some cell is drawn in reverse video (SGR 7).
reversed() {
	_tmux capture-pane -t t -p -e | grep -Eq "$(printf '\033')\\[([0-9]*;)*7[;m]"
}

# mono_checks WHAT: home and the form, drawn without colour.
mono_checks() {
	expect_line 1 首页 "$1: home"
	expect_screen_all "$1: the menu" 访客登记 机构与团队 系统管理
	expect_line 24 F10 "$1: the key line"
	if coloured; then
		not_ok "$1: no colour is drawn" "$(_tmux capture-pane -t t -p -e | head -3 | od -c | head -8)"
	else
		ok "$1: no colour is drawn"
	fi
	if reversed; then
		ok "$1: the title line is drawn in reverse video instead"
	else
		not_ok "$1: the title line is drawn in reverse video instead"
	fi
	scr_signin 工作人员 135790
	scr_keys 9
	expect_line 1 系统管理 "$1: administration"
	scr_keys 1
	expect_line 1 "$(zh 'New organisation')" "$1: the organisation form"
	scr_type 晨曦社区服务社
	expect_screen 晨曦社区服务社 "$1: typing in the form shows the text"
	expect_eq "$(scr_col 5 晨曦社区服务社)" 18 "$1: the text is in its field's column"
	if coloured; then
		not_ok "$1: the form draws no colour"
	else
		ok "$1: the form draws no colour"
	fi
	scr_keys F10
	expect_screen "[exit 0]" "$1: F10 leaves"
	scr_stop
}

# The control: with colours the same checks would see them.
scr_start 80 24
expect_line 1 首页 "colour terminal: home"
if coloured; then
	ok "colour terminal: colours are drawn (the check below can see them)"
else
	not_ok "colour terminal: colours are drawn (the check below can see them)"
fi
scr_stop

NO_COLOR=1 scr_start 80 24
mono_checks "NO_COLOR=1"

NO_COLOR=1 SCR_TERM=xterm scr_start 80 24
mono_checks "NO_COLOR=1, TERM=xterm"

SCR_TERM=xterm-mono scr_start 80 24
mono_checks "TERM=xterm-mono"

done_testing
