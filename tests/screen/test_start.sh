#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_start.sh - starting the desk: home with the centre's name,
# the frozen date, the menu and the key line, in Chinese (the default, and
# --lang zh) and in English (--lang en, or an en_* locale even when that
# locale is not installed), and Esc comes back home.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo" "$(cat "$T/err" 2>/dev/null)"

CENTRE=花园街道社会组织服务中心
# The date and time; at 80 columns in English the year gives way to the
# centre's name.
WHEN="11-23 09:00"

# home_checks LANG TITLE ITEM...: the home screen in one language.
home_checks() {
	_l=$1 _title=$2
	shift 2
	expect_line 1 "$_title" "$_l: the first line holds the title $_title"
	expect_line 1 "$CENTRE" "$_l: the first line names the centre"
	expect_line 1 "$WHEN" "$_l: the first line shows the frozen date and time"
	expect_screen_all "$_l: home lists the seven parts of the desk" "$@"
	expect_line 24 "F10" "$_l: the bottom line shows the keys (F10)"
	expect_line 24 "F1$(if [ "$_l" = zh ]; then zh Help; else echo Help; fi)" \
		"$_l: the bottom line shows the keys (F1 help)"
	expect_eq "$(scr_width 1)" 79 "$_l: the top line fills the 80 columns (wide characters counted twice)"
}

ZH_MENU="1  访客登记 2  场地预约 3  团队备案 4  在场人员 5  统计报表 6  机构与团队 9  系统管理"
EN_MENU="Visitor check-in|Room booking|Team filing|Who is here|Reports|Organisations and teams|Administration"

# Chinese: C.UTF-8, no --lang.
scr_start 80 24
home_checks zh 首页 访客登记 场地预约 团队备案 在场人员 统计报表 机构与团队 系统管理
expect_eq "$(scr_col 4 访客登记)" "$(scr_col 16 系统管理)" "zh: the menu entries line up"

scr_keys 1
expect_line 1 访客登记 "zh: 1 opens visitor check-in under its own title"
scr_keys Escape
expect_line 1 首页 "zh: Esc from check-in goes home"
scr_keys 5
expect_screen "$(zh_part 'reports, the team roll, exports of teams, organisations and rooms')" "zh: 5 says reports are for staff"
expect_line 1 首页 "zh: the desk stays home"
expect_line 1 "$CENTRE" "zh: the first line still names the centre"

# Each part shows its own title.
for pair in 2:场地预约 4:在场人员; do
	scr_keys "${pair%%:*}"
	expect_line 1 "${pair#*:}" "zh: ${pair%%:*} opens ${pair#*:}"
	scr_keys Escape
	scr_wait 首页 >/dev/null
done
scr_keys 6
expect_line 1 机构与团队 "zh: 6 opens the registers (机构与团队)"
scr_keys Escape
expect_line 1 首页 "zh: Esc from the registers goes home"
scr_keys 9
expect_line 1 系统管理 "zh: 9 opens administration (系统管理)"
scr_keys Escape
expect_line 1 首页 "zh: Esc from administration goes home"

# The entry last opened stays selected; Up and Enter open the one above it.
scr_keys Up Enter
expect_line 1 机构与团队 "zh: after 9, Up and Enter open the entry above (机构与团队)"
scr_keys Escape
expect_line 1 首页 "zh: and Esc comes back"
scr_stop

# English by option.
scr_start 80 24 --lang en
home_checks en Home "Visitor check-in" "Room booking" "Team filing" "Who is here" "Reports" \
	"Organisations and teams" "Administration"
scr_keys 1
expect_line 1 "Visitor check-in" "en: 1 opens visitor check-in under its own title"
scr_keys Escape
expect_line 1 Home "en: Esc from check-in goes home"
scr_keys 5
expect_screen "reports, the team roll" "en: 5 says reports are for staff"
expect_line 1 Home "en: the desk stays home"
scr_stop

# English by the locale's name (the locale need not be installed).
SCR_LANG=en_US.UTF-8 scr_start 80 24
home_checks en_US Home "Visitor check-in" "Room booking" "Team filing" "Who is here" "Reports" \
	"Organisations and teams" "Administration"
scr_stop

# --lang zh wins over an English locale.
SCR_LANG=en_US.UTF-8 scr_start 80 24 --lang zh
expect_line 1 首页 "--lang zh under en_US.UTF-8: Chinese (首页)"
expect_screen 访客登记 "--lang zh under en_US.UTF-8: Chinese menu"
scr_stop

done_testing
