#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_chinese.sh - every screen in Chinese at 80x24 speaks
# Chinese: the walk opens each screen an admin can reach (and its help, and
# a form's lists and refusals), and fails on any run of four or more ASCII
# letters that is not a code (a QR's HD1- text, a setting's key, a file's
# path), a key name of the allowed list (F1, Esc, Tab, PgUp, PgDn, Enter,
# CUPS, PDF, CSV, HD1, PIN) or data the test typed. The top line keeps the
# centre's name whole or at least its first six characters, and the key
# line ends with F10退出 whole.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
ROOM=$(sql "SELECT min(id) FROM room")
ORG=$(sql "SELECT min(id) FROM org")
"$HUBDESK" booking add --room "$ROOM" --org "$ORG" --start "2026-11-23 14:00" \
	--end "2026-11-23 15:00" --no-print >/dev/null 2>&1 || not_ok "a booking for the grid"
"$HUBDESK" visitor checkin --name 王建国 --phone 13812345678 --purpose 1 >/dev/null 2>&1 ||
	not_ok "a visitor for who is here"
CENTRE=$(sql "SELECT value FROM setting WHERE key = 'centre.name'")
[ -n "$CENTRE" ] || CENTRE=$("$HUBDESK" config get centre.name)

# english_runs: the runs of 4+ ASCII letters on the screen now that are not
# codes, allowed key names or typed data, one per line with the screen line.
english_runs() {
	scr_show | python3 -c '
import re, sys
allowed = {"PgUp", "PgDn", "Enter", "CUPS"}
for line in sys.stdin.read().splitlines():
    text = re.sub(r"HD1-[0-9A-Za-z-]*", " ", line)          # QR codes
    text = re.sub(r"\S*/\S*", " ", text)                      # paths, A/B keys
    text = re.sub(r"\b[a-z_0-9]+(\.[a-z_0-9]+)+\b", " ", text) # setting keys
    for run in re.findall(r"[A-Za-z]{4,}", text):
        # A run of one letter repeated is the grid'"'"'s mark of a closed cell.
        if run not in allowed and len(set(run)) > 1:
            print(run + "\t" + line.strip())
'
}

SEEN=""
# key_line_whole: line 24, the last the app draws, ends with F10退出.
key_line_whole() { scr_line 24 | grep -Fq "F10退出"; }

# look WHAT: records the English runs of the screen now, named by WHAT. It
# comes once the screen WHAT names is there (visit waits for it), and reads
# it once its key line is drawn.
look() {
	wait_for 5 key_line_whole
	_runs=$(english_runs)
	if [ -n "$_runs" ]; then
		not_ok "$1: English in the Chinese interface" "$(printf '%s\n' "$_runs" | sed 's/^/| /')" \
			"$(scr_show | sed 's/^/# /')"
	else
		ok "$1: no English"
	fi
	if key_line_whole; then
		ok "$1: the key line ends with F10退出"
	else
		not_ok "$1: the key line lacks F10退出 whole" "$(scr_line 24)"
	fi
	[ -n "${DUMP:-}" ] && { echo "=== $1"; scr_show; } >>"$DUMP"
	SEEN="$SEEN $1"
}

# visit WHAT WAIT KEYS...: sends KEYS, waits for WAIT (a text only the screen
# WHAT shows: a title is matched as " 标题 |"), looks.
visit() {
	_what=$1 _wait=$2
	shift 2
	scr_keys "$@"
	if scr_wait "$_wait" 5; then
		look "$_what"
	else
		not_ok "$_what: never showed '$_wait'" "$(scr_show | sed 's/^/| /')"
	fi
}

# look_when WHAT CMD...: waits for CMD (a check of the screen, for wait_for)
# to succeed, then looks.
look_when() {
	_what=$1
	shift
	if wait_for 5 "$@"; then
		look "$_what"
	else
		not_ok "$_what: never came ($*)" "$(scr_show | sed 's/^/| /')"
	fi
}
cursor_at() { [ "$(scr_cursor)" = "$1" ]; }
line_has() { scr_line "$1" | grep -Fq -- "$2"; }

# leave_to TITLE: after Esc on a form, answers y when the desk asks y/n
# (what was typed is dropped), then waits for the screen TITLE.
leave_to() {
	scr_drop_input "$1"
	scr_wait "$1" 5
}

# A refused form says which fields are required (...必须填写).
REQUIRED=必须填写

scr_start 80 24
expect_screen 首页 "home"
look 首页
if scr_line 1 | grep -Fq "$(printf '%s' "$CENTRE" | cut -c1-18)"; then
	ok "the top line keeps the start of the centre's name"
else
	not_ok "the top line keeps the start of the centre's name" "$(scr_line 1)"
fi
visit 帮助 " 帮助 |" F1
scr_keys Escape
scr_signin 管理员 246810
look "首页（已登录）"

visit 访客登记 " 访客登记 |" 1
visit 访客登记来访事由 "1 政策咨询" Tab Tab
visit 访客登记缺项 "$REQUIRED" F2
visit 访客登记帮助 " 帮助 |" F1
scr_keys Escape Escape
leave_to " 首页 |"

visit 场地预约 " 场地预约 |" 2
visit 场地预约周视图 "$(zh_part 'Week of %s from %s')" w
scr_keys w
visit 找空场地 " 找空场地 |" /
scr_keys Escape
visit 待审批 " 审批 |" a
scr_keys Escape
visit 场地预约表单 " 新预约 |" Right Right Right Right Right Right Enter
visit 场地预约表单缺项 "$REQUIRED" F2
scr_keys Escape
leave_to " 场地预约 |"
scr_keys Escape
scr_wait " 首页 |"

visit 团队备案 " 团队备案 |" 3
scr_keys Tab Tab
look_when 团队备案类别 cursor_at 18,4
visit 团队备案缺项 "$(zh 'Not yet ready to file:')" F2
scr_keys Escape
leave_to " 首页 |"

visit 在场人员 " 在场人员 |" 4
visit 访客详情 " 访客 |" Enter
scr_keys Escape
visit 清点人数 "[ ]" e
scr_keys e Escape

visit 统计报表 " 统计报表 |" 5
visit "统计报表第 2 部分" "$(zh_part 'Booked share of open time, weekday by hour: every room')" Right
visit "统计报表第 3 部分" "$(zh 'By state')" Right
visit "统计报表第 4 部分" "$(zh 'Residence ending within 30 days')" Right
scr_keys Escape

visit 机构与团队 " 机构与团队 |" 6
visit 机构页 " 机构 |" Enter
scr_keys Escape
visit 新建机构 " 新建机构 |" F4
visit 新建机构缺项 "$REQUIRED" F2
scr_keys Escape
leave_to " 机构与团队 |"
visit 名册维护 " 名册维护 |" F5
scr_keys Escape Escape
scr_wait " 首页 |"

visit 系统管理 " 系统管理 |" 9
visit 场地管理 " 场地 |" 3
visit 闭馆日 " 闭馆日 |" h
scr_keys Escape
visit 新建场地 " 新场地 |" n
scr_keys Escape
leave_to " 场地 |"
scr_keys Escape
visit 设置 " 设置 |" 4
scr_keys Enter
look_when 设置修改 line_has 21 "$(zh Value)"
scr_keys Escape Escape
visit 账号 " 账号 |" 5
scr_keys Escape
visit 打印机 " 打印机 |" 6
scr_keys Escape
visit 操作日志 " 操作日志 |" 8
scr_keys Down Down
look_when 操作日志第三条 line_has 10 "> "
scr_keys Escape Escape
scr_wait " 首页 |"
scr_keys F9
scr_wait 未登录
visit 登录 " 登录 |" F9
scr_keys Escape
scr_stop

done_testing
