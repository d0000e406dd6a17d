#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_org_form.sh - the new-organisation form (home 9, then 1):
# Chinese typed through tmux, Tab through the fields of `org add`, the
# credit-code warning as it is typed, F2 saves (checked in the database and
# by `hubdesk org list`); an empty name, an overlong name, a duplicate name;
# Esc asking y/n; and the registers' search (home 6) finding the new one, and
# names by their pinyin.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
DEMO_ORGS=$(sql "SELECT count(*) FROM org")
ALL=$(sql "SELECT (SELECT count(*) FROM org) + (SELECT count(*) FROM team)")
FORM=$(zh 'New organisation')
ADMIN=系统管理
NAME=晨曦社区服务社
FORTY=甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉金木水火土东南西北中春夏秋冬梅兰竹菊松柏
TAB=$(printf '\t')


# open_form: from administration, 1 opens an empty form.
open_form() {
	scr_keys 1
	expect_line 1 "$FORM" "1 opens the form ($FORM)"
}

scr_start 80 24
expect_line 1 首页 "home"

# The registers before: 阳光 finds the demo organisation, 晨曦 nothing.
scr_keys 6
expect_line 1 机构与团队 "6 opens the registers"
scr_type 阳光
expect_screen 浦东新区阳光社工服务社 "typing 阳光 shows 浦东新区阳光社工服务社"
expect_no_screen 星光公益基金会 "typing 阳光 leaves out 星光公益基金会"
scr_keys C-u
# shellcheck disable=SC2059 # the format is the message's translation
expect_screen "$(printf "$(zh '%d shown')" "$ALL")" "Ctrl-U empties the search: all $ALL records again"
scr_type 晨曦
expect_screen "$(zh_part 'No organisation or team matches.')" "typing 晨曦 finds nothing yet"
# Lower-case letters find names by their pinyin: initials, syllables, both.
for letters in xyh xiyang xiyh; do
	scr_keys C-u
	scr_type "$letters"
	expect_screen 夕阳红合唱团 "typing $letters shows 夕阳红合唱团"
	expect_no_screen 浦东新区阳光社工服务社 "typing $letters leaves out 浦东新区阳光社工服务社"
done
scr_keys C-u
scr_keys Escape
expect_line 1 首页 "Esc goes home"

# Adding organisations is for staff: the desk is refused and signs in.
scr_keys 9
expect_line 1 "$ADMIN" "9 opens administration ($ADMIN)"
scr_keys 1
expect_screen "仅限工作人员" "the desk with nobody signed in is refused the form"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'denied'")" 1 "the refusal is audited"
scr_signin 工作人员 135790
open_form
expect_screen_all "the form shows its fields, the name first and required" \
	"*$(zh Name)" "*$(zh Kind)" "$(zh 'Credit code')" "$(zh Phone)"

# An empty name is refused, naming the field.
scr_keys F2
expect_msg 名称 "F2 on the empty form: an error naming the name field (名称)"
expect_line 1 "$FORM" "the form stays open after the refusal"
expect_eq "$(sql "SELECT count(*) FROM org")" "$DEMO_ORGS" "nothing saved from the empty form"

# A 41st character is not taken.
scr_type "${FORTY}末"
scr_keys Tab
expect_cursor 18,5 "40 characters and a 41st typed into the name, then Tab"
expect_line 5 冬梅兰竹菊松柏 "the name field shows the end of the 40 characters"
expect_no_screen 末 "the 41st character is not taken"
scr_type 3
scr_keys F2
expect_line 1 "$ADMIN" "the 40-character name saves, back to administration"
expect_eq "$(sql "SELECT length(name) || ' ' || name FROM org WHERE name LIKE '甲乙%'")" \
	"40 $FORTY" "the saved name has the 40 characters, without the 41st"

# Esc on an untouched form leaves without asking.
open_form
scr_keys Escape
expect_line 1 "$ADMIN" "Esc on an untouched form leaves at once"

# Esc after typing asks y/n: n stays, y leaves.
open_form
scr_type 晨
expect_screen 晨 "a character is typed"
scr_keys Escape
expect_msg "y/n" "Esc after typing asks y/n"
expect_msg "$(zh_part 'Leave and drop what was typed?')" "the question says what would be dropped"
scr_keys n
expect_no_screen "y/n" "n answers the question"
expect_line 1 "$FORM" "n stays in the form"
expect_screen 晨 "the typed text is kept"
scr_keys Escape
expect_msg "y/n" "Esc asks again"
scr_keys y
expect_line 1 "$ADMIN" "y leaves the form"

# The whole form, with a credit code whose check character is wrong.
open_form
scr_type "$NAME"
scr_keys Tab
scr_type 1
expect_screen "1 $(zh 'Resident organisation')" "1 in the kind field picks 1 (resident organisation)"
scr_keys Tab Tab
scr_type 52310115MJ50000174
expect_screen "$(zh_part 'Credit code: the check character does not match; it will be saved and marked for checking' 16)" \
	"a wrong check character in the credit code is warned of"
scr_keys Tab Tab
scr_type 13812345678
scr_keys Tab
scr_type 2026-01-01
scr_keys Tab
scr_type 2027-01-01
expect_screen 2027-01-01 "the last field is typed"
expect_eq "$(scr_col 5 "$NAME")" 18 "the Chinese name starts in its field's column"
expect_eq "$(scr_col 10 13812345678)" 18 "the phone starts in the same column"
scr_keys F2
expect_line 1 "$ADMIN" "F2 saves and goes back to administration"
expect_msg "$(zh_part 'Saved organisation %lld %s; its credit code is marked for checking.')" \
	"the status line says saved and marked for checking"
expect_msg "$NAME" "the status line names the organisation"
expect_eq "$(sql "SELECT name, kind, credit_ok, phone, in_date, out_date FROM org WHERE name='$NAME'")" \
	"$NAME|1|0|13812345678|2026-01-01|2027-01-01" "the database holds the organisation, its check flag off"
run "$HUBDESK" org list
expect_out "^[0-9]+$TAB$NAME$TAB" "hubdesk org list shows the new organisation"
expect_out "52310115MJ50000174" "hubdesk org list shows its credit code"

# The keys of forms, and the cursor over wide characters.
open_form
expect_cursor 18,4 "the cursor starts in the name field"
scr_type 春风志愿队
expect_cursor 28,4 "after five Chinese characters the cursor is ten columns on"
scr_keys Left Left
expect_cursor 24,4 "Left moves back one wide character at a time"
scr_keys Home
expect_cursor 18,4 "Home goes to the start of the field"
expect_gone 春风志愿队 "Backspace deletes one Chinese character" End BSpace
expect_cursor 26,4 "and the cursor moves back two columns"
scr_type 伍
expect_screen 春风志愿伍 "a character typed at the end"
scr_keys Enter
expect_cursor 18,5 "Enter goes to the next field (kind)"
scr_type 社区
expect_screen "2 $(zh 'Community social organisation')" "typing 社区 in the kind field offers the matching kind"
if scr_show | sed -n '6,14p' | grep -Fq "1 $(zh 'Resident organisation')"; then
	not_ok "the list below the kind field leaves out kinds not matching" "$(scr_show | sed 's/^/| /')"
else
	ok "the list below the kind field leaves out kinds not matching"
fi
scr_keys Enter
expect_line 6 "$(zh 'Community social organisation')" "Enter takes the offered kind into the field"
expect_cursor 18,6 "and goes to the next field (short name)"
scr_keys Up
expect_cursor 30,5 "Up goes back to the kind field, the cursor after its text"
scr_keys Down Down
expect_cursor 18,7 "Down, Down go two fields on (credit code)"
scr_keys BTab
expect_cursor 18,6 "Shift-Tab goes one field back"
scr_keys C-s
expect_line 1 "$ADMIN" "Ctrl-S saves"
expect_eq "$(sql "SELECT kind FROM org WHERE name='春风志愿伍'")" 2 "saved with kind 2 (community social organisation)"

# A duplicate name is refused and saves nothing.
open_form
scr_type 星光公益基金会
scr_keys Tab
scr_type 3
scr_keys F2
expect_msg "$(zh_part 'an organisation named %s exists already (id %lld)')" \
	"a duplicate name is refused"
expect_msg 星光公益基金会 "the refusal names the organisation"
expect_line 1 "$FORM" "the form stays open after the refusal"
expect_eq "$(sql "SELECT count(*) FROM org WHERE name='星光公益基金会'")" 1 "no second 星光公益基金会"
expect_eq "$(sql "SELECT count(*) FROM org")" $((DEMO_ORGS + 3)) "nothing else saved"
scr_keys Escape
expect_msg "y/n" "Esc asks before dropping the refused form"
scr_keys y
expect_line 1 "$ADMIN" "y leaves"
scr_keys Escape
expect_line 1 首页 "Esc goes home"

# The registers find the new organisation.
scr_keys 6
expect_line 1 机构与团队 "6 opens the registers again"
scr_type 晨曦
expect_line 5 "$NAME" "typing 晨曦 finds the new organisation (first row of the list)"
expect_screen 52310115MJ50000174 "its details show the credit code"

# F4 in the registers opens the form; after saving, the search shows it.
scr_keys C-u
scr_type 朝阳
expect_screen "$(zh_part 'No organisation or team matches.')" "typing 朝阳 finds nothing yet"
scr_keys F4
expect_line 1 "$FORM" "F4 in the registers opens the form"
scr_type 朝阳读书会
scr_keys Tab
scr_type 2
scr_keys F2
expect_line 1 机构与团队 "saving from F4 goes back to the registers"
expect_line 5 朝阳读书会 "the search 朝阳 now lists the organisation just added"

done_testing
