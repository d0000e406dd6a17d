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
# look WHAT: records the English runs of the screen now, named by WHAT.
look() {
	sleep 0.3
	_runs=$(english_runs)
	if [ -n "$_runs" ]; then
		not_ok "$1: English in the Chinese interface" "$(printf '%s\n' "$_runs" | sed 's/^/| /')" \
			"$(scr_show | sed 's/^/# /')"
	else
		ok "$1: no English"
	fi
	if scr_line 24 | grep -Fq "F10退出"; then
		ok "$1: the key line ends with F10退出"
	else
		not_ok "$1: the key line lacks F10退出 whole" "$(scr_line 24)"
	fi
	[ -n "${DUMP:-}" ] && { echo "=== $1"; scr_show; } >>"$DUMP"
	SEEN="$SEEN $1"
}

# walk KEYS... WAIT WHAT: sends KEYS, waits for WAIT, looks.
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

scr_start 80 24
expect_screen 首页 "home"
look 首页
if scr_line 1 | grep -Fq "$(printf '%s' "$CENTRE" | cut -c1-18)"; then
	ok "the top line keeps the start of the centre's name"
else
	not_ok "the top line keeps the start of the centre's name" "$(scr_line 1)"
fi
visit 帮助 帮助 F1
scr_keys Escape
scr_signin 管理员 246810
look "首页（已登录）"

visit 访客登记 访客登记 1
scr_keys Tab Tab
look 访客登记来访事由
scr_keys F2
look 访客登记缺项
visit 访客登记帮助 帮助 F1
scr_keys Escape Escape
scr_wait 'y/n' 2 && scr_keys y
scr_wait 首页

visit 场地预约 场地预约 2
visit 场地预约周视图 场地预约 w
scr_keys w
visit 找空场地 '' /
scr_keys Escape
visit 待审批 '' a
scr_keys Escape
scr_keys Right Right Right Right Right Right Enter
scr_wait 预约方 3
look 场地预约表单
scr_keys F2
look 场地预约表单缺项
scr_keys Escape
scr_wait 'y/n' 2 && scr_keys y
scr_keys Escape
scr_wait 首页

visit 团队备案 团队备案 3
scr_keys Tab Tab
look 团队备案类别
scr_keys F2
look 团队备案缺项
scr_keys Escape
scr_wait 'y/n' 2 && scr_keys y
scr_wait 首页

visit 在场人员 在场人员 4
visit 访客详情 '' Enter
scr_keys Escape
visit 清点人数 '' e
scr_keys e Escape

visit 统计报表 统计报表 5
for s in 2 3 4; do
	visit "统计报表第 $s 部分" 统计报表 Right
done
scr_keys Escape

visit 机构与团队 机构与团队 6
visit 机构页 '' Enter
scr_keys Escape
visit 新建机构 '' F4
scr_keys F2
look 新建机构缺项
scr_keys Escape
scr_wait 'y/n' 2 && scr_keys y
visit 名册维护 '' F5
scr_keys Escape Escape
scr_wait 首页

visit 系统管理 系统管理 9
visit 场地管理 '' 3
visit 闭馆日 '' h
scr_keys Escape
visit 新建场地 '' n
scr_keys Escape
scr_wait 'y/n' 1 && scr_keys y
scr_keys Escape
visit 设置 设置 4
scr_keys Enter
look 设置修改
scr_keys Escape Escape
visit 账号 账号 5
scr_keys Escape
visit 打印机 打印机 6
scr_keys Escape
visit 操作日志 操作日志 8
scr_keys Down Down
look 操作日志第三条
scr_keys Escape Escape
scr_wait 首页
scr_keys F9
scr_wait 首页
visit 登录 登录 F9
scr_keys Escape
scr_stop

done_testing
