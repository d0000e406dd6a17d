# SPDX-License-Identifier: GPL-3.0-or-later
# test_idle.sh - the idle reset drops unsaved input and goes home; F10 leaves
# even from the leave-question.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1
"$HUBDESK" config set idle.seconds 5 >/dev/null 2>&1

scr_start 80 24
expect_screen "系统管理" "home is shown"
scr_signin 工作人员 135790
scr_keys 1
expect_screen "访客登记" "the check-in is open"
scr_type "未保存的机构"
expect_screen "未保存的机构" "a name is typed"
# Idle for idle.seconds (5): back home, the input dropped. (Staff and admin
# forms wait five times as long: tests/screen/test_daily.sh.)
if scr_wait "首页 |" 12; then
	ok "after idle.seconds without a key the desk is home again"
else
	not_ok "idle reset never came" "$(scr_show | sed 's/^/| /')"
fi
expect_no_screen "未保存的机构" "the unsaved input is gone"
expect_screen "未登录" "the idle reset signed the person out"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'signout.idle'")" 1 "the idle sign-out is audited"
expect_eq "$(sql "SELECT count(*) FROM person WHERE name = '未保存的机构'")" 0 "nothing was saved"

# F10 answers the leave-question by leaving.
scr_signin 工作人员 135790
scr_keys 9
expect_screen "新建机构" "administration again"
scr_keys 1
expect_screen "带 *" "the form again"
scr_type "甲"
scr_keys Escape
expect_screen "y/n" "Esc asks before dropping input"
scr_keys F10
expect_screen "[exit 0]" "F10 during the question leaves the app"

done_testing
