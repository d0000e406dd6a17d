#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_team.sh - activity teams and the registers' pages in
# Chinese at 80x24. Home 3 for the desk (kiosk mode off: a volunteer's
# rights, so the form opens) and for nobody at a kiosk (refused, home
# stays); a volunteer files 快乐广场舞队 through the form: first named
# 快乐广场舞 with 5 members and no place, which lists those three unmet
# conditions under 还不能备案： and saves nothing, then fixed and saved (its
# page: [待初审], the HD1-T code, the phone masked); an empty form lists
# every unmet condition; r on the page refused to the volunteer. Staff opens
# the team from the registers (6, 广场舞, Enter): the whole phone; r 已初审,
# f 已备案 dated today, c 已分类, each a history line with 工作人员; b with a
# reason back to 已备案 (Esc first cancels the reason), d with a reason
# 已注销, a then refused; every step in the database and the audit. An
# organisation's page (masked for the volunteer, e refused; whole for
# staff), e editing its short name and a credit code whose check character
# fails (the warning on the page, the change in the database and audited).
# F5 keeping the roll: teams filed over a year ago due for the annual check
# (a records an activity and takes 晨光太极队 off the list), the
# organisation whose residence has ended. Label columns aligned throughout.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
export HUBDESK_SPOOL="$T/spool-out"

TODAY=2026-11-23
FORM=团队备案
PAGE=$(zh Team)
REGISTERS=机构与团队
BAD_NAME=快乐广场舞
NAME=快乐广场舞队
PHONE=13822221111
MASKED='138****1111'
ORG=益心公益发展中心
ORG_PHONE=13900001111
ORG_MASKED='139****1111'
BAD_CODE=52310115MJ50001029 # the demo's code is ...8: 9 fails the check
VALUE_COL=18                # where the values of the label column start
TEAMS_BEFORE=$(sql "SELECT count(*) FROM team")


# expect_not_on_screen TEXT WHAT: the screen now does not show TEXT.
expect_not_on_screen() {
	if scr_show | grep -Fq -- "$1"; then
		not_ok "$2: the screen shows '$1'" "$(scr_show | sed 's/^/| /')"
	else
		ok "$2"
	fi
}

# expect_off_list TEXT WHAT: waits until rows 3-21 (a list, the status
# line below left out) no longer show TEXT.
expect_off_list() { expect_not_in_rows 3 21 "$1" "$2"; }

# row_of TEXT: the screen line (1 = top) where TEXT first shows; 0 if none.
row_of() {
	scr_show | awk -v s="$1" 'index($0, s) { print NR; found = 1; exit } END { if (!found) print 0 }'
}

# label_row LABEL: the screen line (1 = top) that starts, after the margin
# and a required field's *, with LABEL; 0 if none.
label_row() {
	scr_show | awk -v s="$1" '{ t = $0; sub(/^[ *]+/, "", t) } index(t, s) == 1 { print NR; found = 1; exit }
		END { if (!found) print 0 }'
}

# expect_values_at WHAT LABEL VALUE ...: on the screen now, each VALUE
# starts at column VALUE_COL of the line that starts (after the margin)
# with its LABEL, and no line is wider than 80 columns.
expect_values_at() {
	_what=$1
	shift
	_bad=$(scr_show | python3 -c '
import sys, unicodedata
col = int(sys.argv[1])
pairs = sys.argv[2:]
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = sys.stdin.read().split("\n")
for l in lines:
    if w(l.rstrip()) > 80:
        print("a line %d columns wide: %s" % (w(l.rstrip()), l.rstrip()))
for label, value in zip(pairs[0::2], pairs[1::2]):
    row = [l for l in lines if l.lstrip(" *").startswith(label)]
    if not row:
        print("no line starts with %s" % label)
        continue
    i = row[0].find(value, row[0].find(label) + len(label))
    if i < 0:
        print("the line of %s lacks %s: %s" % (label, value, row[0].rstrip()))
    elif w(row[0][:i]) != col:
        print("%s starts at column %d, not %d: %s" % (value, w(row[0][:i]), col, row[0].rstrip()))
' "$VALUE_COL" "$@")
	if [ -z "$_bad" ]; then
		ok "$_what"
	else
		not_ok "$_what" "$_bad" "$(scr_show | sed 's/^/| /')"
	fi
}

# signout: F9 with someone signed in signs them out.
signout() {
	scr_keys F9
	expect_line 1 "$(zh 'not signed in')" "F9 signs out: $(zh 'not signed in') on the top line"
}

# Nobody at a kiosk (kiosk.mode on: the resident) may not file a team:
# 3 is refused and home stays. The bound is short: the refusal shows at once.
"$HUBDESK" config set kiosk.mode on >/dev/null || not_ok "kiosk.mode is set on"
scr_start 80 24
expect_line 1 首页 "kiosk mode: home"
scr_keys 3
BOUND=$SCR_TIMEOUT
SCR_TIMEOUT=3
expect_msg "$(zh 'At this kiosk residents book rooms (2); staff and volunteers sign in with F9.')" \
	"kiosk mode, nobody signed in: 3 is refused, the status line saying residents book rooms"
expect_line 1 首页 "kiosk mode, nobody signed in: 3 leaves home showing"
SCR_TIMEOUT=$BOUND
scr_stop
"$HUBDESK" config set kiosk.mode off >/dev/null || not_ok "kiosk.mode is set off"

# The desk (kiosk mode off) has a volunteer's rights (DESIGN.md): 3 opens
# the form; Esc on the untouched form goes back.
scr_start 80 24
expect_line 1 首页 "home"
scr_keys 3
expect_line 1 "$FORM" "the desk (kiosk mode off, nobody signed in) may file: 3 opens $FORM"
scr_keys Escape
expect_line 1 首页 "Esc on the untouched form goes home"

# A volunteer fills the form: a name without its ending, 5 members, no place.
scr_signin 志愿者 112233
scr_keys 3
expect_line 1 "$FORM" "the volunteer: 3 opens $FORM"
expect_screen_all "the form shows the fields of team apply" \
	"*$(zh Name)" "*$(zh Category)" "*$(zh Leader)" "*$(zh Phone)" "*$(zh Members)" \
	"*$(zh Activities)" "*$(zh Place)" "*$(zh 'Usual time')" "$(zh 'Short name')" \
	"$(zh 'Party members')" "$(zh 'Party liaison')" "$(zh "Residents' committee")" "$(zh Street)"
expect_eq "$(label_row "$(zh Name)") $(label_row "$(zh Category)") $(label_row "$(zh 'Usual time')") $(label_row "$(zh Street)")" \
	"3 4 10 15" "the fields come in the order of team apply (名称 3, 类别 4, 活动时间 10, 街道 15)"
expect_cursor "$VALUE_COL,2" "the cursor starts in the name field"
scr_type "$BAD_NAME"
scr_keys Tab
scr_type 1
expect_row_has "1 文体活动" "2 公益慈善" "1 in the category: the list of categories, 1 文体活动 first"
scr_keys Enter
expect_row_has "*$(zh Category)" 文体活动 "Enter takes 文体活动 into the field"
expect_cursor "$VALUE_COL,4" "and goes on to the leader"
scr_type 李秀兰
scr_keys Tab
scr_type "$PHONE"
scr_keys Tab
scr_type 5
scr_keys Tab
scr_type 广场舞排练
scr_keys Tab Tab
scr_type "每周二 19:00"
expect_row_has "*$(zh 'Usual time')" "每周二 19:00" "the usual time is typed, the place left empty"
expect_values_at "80x24: the form's values start at column $VALUE_COL, Chinese labels or not" \
	"$(zh Name)" "$BAD_NAME" "$(zh Leader)" 李秀兰 "$(zh Phone)" "$PHONE" "$(zh Members)" 5 \
	"$(zh Activities)" 广场舞排练 "$(zh 'Usual time')" "每周二"
scr_keys F2
expect_screen "$(zh 'Not yet ready to file:')" "F2: $(zh 'Not yet ready to file:')"
expect_screen_all "the three unmet conditions are listed: the name's ending, the members, the place" \
	"$(zh_part "%s: ends in what the team is: 队, 团, 社, 组, 会, 班, 站, 坊, 部 or 室" 10)" \
	"$(zh Members)：" "$(zh Place)"
# The heading is on line 2, the conditions from line 16 (below the 13 fields) on.
expect_line 2 "$(zh 'Not yet ready to file:')" "the heading is above the form"
UNMET=$(scr_show | sed -n "16,22p")
expect_eq "$(printf '%s\n' "$UNMET" | grep -c '[^ ]')" 2 "the three conditions take two rows, the two short ones side by side"
expect_eq "$(printf '%s\n' "$UNMET" | grep -c "$(zh Leader)\|$(zh Activities)\|$(zh 'Usual time')\|$(zhf '%s must be chosen' "$(zh Category)")")" 0 \
	"no condition that is met is listed"
expect_line 1 "$FORM" "the form stays open"
expect_eq "$(sql "SELECT count(*) FROM team")" "$TEAMS_BEFORE" "nothing is saved (sqlite3: still $TEAMS_BEFORE teams)"

# Fixed: the name's ending, 25 members, a place; saved, its page opens.
scr_keys BTab BTab BTab BTab BTab BTab BTab
expect_cursor "$((VALUE_COL + 10)),2" "Shift-Tab back to the name, the cursor after its five characters"
scr_keys End
scr_type 队
scr_keys Tab Tab Tab Tab C-u
scr_type 25
scr_keys Tab Tab
scr_type 中心广场
expect_row_has "*$(zh Place)" 中心广场 "the place is typed"
scr_keys F2
expect_line 1 "$PAGE" "F2 saves and the team's page ($PAGE) opens"
TEAM=$(sql "SELECT id FROM team WHERE name = '$NAME'")
CODE=$(token_for T "${TEAM:-0}")
expect_eq "$(sql "SELECT state || ' ' || category || ' ' || members || ' ' || phone || ' ' || place FROM team WHERE id = ${TEAM:-0}")" \
	"1 1 25 $PHONE 中心广场" "the database holds $NAME: 待初审 (1), 文体活动, 25 members, the phone, the place"
expect_eq "$(sql "SELECT count(*) FROM team")" "$((TEAMS_BEFORE + 1))" "one team more"
expect_line 2 "$NAME  [待初审]  $CODE" "line 2: $NAME  [待初审]  and its code $CODE"
expect_msg "$(zhf '%s applied (待初审): the centre reviews it next.' "$NAME")" "the status line says it waits for review"
expect_row_has "$(zh Leader)" "李秀兰  $MASKED" "the volunteer sees the leader's phone masked ($MASKED)"
expect_not_on_screen "$PHONE" "the whole phone is not on the volunteer's screen"
expect_row_has 志愿者 "- -> 待初审" "the history's first line: the application by 志愿者"
expect_values_at "80x24: the page's values start at column $VALUE_COL" \
	"$(zh Category)" 文体活动 "$(zh Leader)" 李秀兰 "$(zh Members)" 25 \
	"$(zh Activities)" 广场舞排练 "$(zh 'Place and time')" 中心广场 "$(zh 'Filed on')" "-"

# The volunteer may not review, nor edit.
scr_keys e
expect_msg "$(zh 'add and edit organisations and teams, booking PINs')" "e on the team by the volunteer is refused"
expect_line 1 "$PAGE" "the team's page stays"
scr_keys r
expect_msg "$(zh 'team review, file, classify, reopen, deregister')" "r by the volunteer is refused, naming the step"
expect_line 2 "[待初审]" "the team stays 待初审"
expect_eq "$(sql "SELECT state FROM team WHERE id = ${TEAM:-0}")" 1 "the database still has it 待初审"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'denied' AND actor_name = '志愿者'")" 2 \
	"both refusals are audited"

# An empty form names every unmet condition, also at 80x24.
scr_keys Escape
expect_line 1 首页 "Esc goes home"
scr_keys 3
expect_line 1 "$FORM" "3 opens an empty form"
scr_keys F2
expect_screen "$(zh 'Not yet ready to file:')" "F2 on the empty form: $(zh 'Not yet ready to file:')"
expect_screen_all "every unmet condition of the empty form is listed at 80x24 (name, category, leader, phone, members, activities, place, time)" \
	"$(zh Name)" "$(zhf '%s must be chosen' "$(zh Category)")" "$(zh Leader)" "$(zh Phone)：" "$(zh Members)：" "$(zh Activities)必须" \
	"$(zh Place)必须" "$(zh 'Usual time')必须"
scr_keys Escape
expect_line 1 首页 "Esc leaves the untouched form"

# The volunteer on an organisation's page: the phone masked, e refused.
scr_keys 6
expect_line 1 "$REGISTERS" "6 opens the registers"
scr_type 益心
expect_line 5 "$ORG" "typing 益心 finds $ORG"
scr_keys Enter
expect_line 1 "$(zh Organisation)" "Enter opens the organisation's page"
expect_row_has "$(zh Contact)" "陈明  $ORG_MASKED" "the volunteer sees its phone masked ($ORG_MASKED)"
scr_keys e
expect_msg "$(zh 'add and edit organisations and teams, booking PINs')" "e by the volunteer is refused"
expect_line 1 "$(zh Organisation)" "the page stays"
scr_keys Escape Escape
expect_line 1 首页 "Esc, Esc: home"

# Staff: the team from the registers, its whole phone, the steps.
signout
scr_signin 工作人员 135790
scr_keys 6
expect_line 1 "$REGISTERS" "6 opens the registers"
scr_type 广场舞
expect_line 5 "$NAME" "typing 广场舞 finds $NAME"
scr_keys Enter
expect_line 1 "$PAGE" "Enter opens its page"
expect_line 2 "$NAME  [待初审]" "it is $NAME, 待初审"
expect_row_has "$(zh Leader)" "李秀兰  $PHONE" "staff see the leader's whole phone ($PHONE)"

scr_keys r
expect_line 2 "$NAME  [已初审]" "r: 已初审"
expect_msg "$(zhf '%s is %s now.' "$NAME" 已初审)" "the status line says it"
expect_row_has 工作人员 "待初审 -> 已初审" "a history line: $TODAY, 工作人员, 待初审 -> 已初审"
expect_row_has "$(zh 'Filing number')" " -" "not yet filed: no filing number (-)"
scr_keys f
expect_line 2 "$NAME  [已备案]" "f: 已备案"
expect_row_has "$(zh 'Filed on')" "$TODAY" "the filing date is today ($TODAY)"
NUMBER=$(sql "SELECT number FROM filing_number WHERE team_id = ${TEAM:-0}")
expect_row_has "$(zh 'Filing number')" "${NUMBER:-no number}" "the page shows its filing number ($NUMBER)"
expect_msg "$(zh_part '%s; the document waits in the print spool and was saved as %s')" \
	"with no printer set, the status line says the filing receipt waits in the spool"
expect_row_has 工作人员 "已初审 -> 已备案" "a history line: 工作人员, 已初审 -> 已备案"
scr_keys c
expect_row_has "*$(zh Category)" 文体活动 "c asks for the category, offering the current one (文体活动)"
expect_line 2 "$NAME  [已备案]" "nothing is classified before Enter"
scr_keys Enter
expect_line 2 "$NAME  [已分类]" "Enter: 已分类"
expect_row_has 工作人员 "已备案 -> 已分类" "a history line: 工作人员, 已备案 -> 已分类"
HIST=$(scr_show | grep -c "^    $TODAY 09:00  工作人员  ")
expect_eq "$HIST" 3 "three history lines dated $TODAY 09:00 by 工作人员"

# c on the classified team: another category, both kept in the history.
scr_keys c
scr_type 3
scr_keys Enter
expect_row_has "$(zh Category)" 生活服务 "c, 3, Enter: the team is in 生活服务"
expect_row_has 工作人员 "已分类 -> 已分类" 文体活动 生活服务 "the history line names both categories"
expect_eq "$(sql "SELECT state || ' ' || category FROM team WHERE id = ${TEAM:-0}")" "4 3" \
	"the database: 已分类 (4), 生活服务 (3)"

# e edits the team's data: the form holds what is stored; the state stays.
scr_keys e
expect_line 1 "$(zh 'Edit team')" "e opens $(zh 'Edit team')"
expect_row_has "*$(zh Name)" "$NAME" "the form holds the stored name"
expect_row_has "*$(zh Members)" 25 "and the members"
scr_keys Tab Tab Tab Tab
scr_type 31
scr_keys F2
expect_line 1 "$PAGE" "F2 saves and goes back to the page"
expect_msg "$(zhf 'Saved team %s.' "$NAME")" "the status line says the team is saved"
expect_row_has "$(zh Members)" 31 "the page shows 31 members"
expect_line 2 "$NAME  [已分类]" "the team is still 已分类"
expect_eq "$(sql "SELECT members || ' ' || state FROM team WHERE id = ${TEAM:-0}")" "31 4" \
	"the database: 31 members, still 已分类"
expect_eq "$(sql "SELECT actor_name || ' ' || json_extract(before, '\$.members') || ' ' || json_extract(after, '\$.members') FROM audit WHERE action = 'team.update' AND record_id = ${TEAM:-0} ORDER BY id DESC LIMIT 1")" \
	"工作人员 25 31" "the edit is audited by 工作人员, before and after"
scr_keys e
scr_keys Tab Tab Tab Tab
scr_type 5
scr_keys F2
expect_screen_all "an edit to 5 members names the unmet condition" "$(zh 'Not yet ready to file:')" \
	"$(zhf '%s: a whole number from %ld to %ld' "$(zh Members)" 10 100000)"
expect_eq "$(sql "SELECT members FROM team WHERE id = ${TEAM:-0}")" 31 "and saves nothing"
scr_keys Escape
scr_wait "y/n" 3
scr_keys y
expect_line 1 "$PAGE" "Esc, y: back on the page without the change"
expect_eq "$(sql "SELECT state || ' ' || filed_date FROM team WHERE id = ${TEAM:-0}")" "4 $TODAY" \
	"the database: 已分类 (4), filed on $TODAY"

# b asks for a reason; Esc cancels it; then a reason steps back to 已备案.
scr_keys b
expect_row_has "*$(zh Reason)" "b asks for the reason (*$(zh Reason))"
scr_type 不退了
scr_keys Escape
expect_no_screen "*$(zh Reason)" "Esc cancels the reason"
expect_line 1 "$PAGE" "and the page stays"
expect_line 2 "$NAME  [已分类]" "nothing stepped back"
scr_keys b
expect_row_has "*$(zh Reason)" "b again asks for the reason"
expect_not_on_screen 不退了 "the cancelled reason is not kept"
scr_type 类别需重新核定
scr_keys Enter
expect_line 2 "$NAME  [已备案]" "Enter saves: back to 已备案"
expect_row_has 工作人员 "已分类 -> 已备案" 类别需重新核定 "the history line holds the step and the reason 类别需重新核定"
expect_eq "$(sql "SELECT state FROM team WHERE id = ${TEAM:-0}")" 3 "the database has it 已备案"
expect_row_has "$(zh 'Filing number')" "${NUMBER:-no number}" "stepped back, it keeps its filing number"

# d with a reason: 已注销; then a is refused.
scr_keys d
expect_row_has "*$(zh Reason)" "d asks for the reason"
scr_type 团队已解散
scr_keys Enter
expect_line 2 "$NAME  [已注销]" "d: 已注销"
expect_row_has 工作人员 "已备案 -> 已注销" 团队已解散 "the history line holds the reason 团队已解散"
expect_eq "$(sql "SELECT state FROM team WHERE id = ${TEAM:-0}")" 5 "the database has it 已注销, the record kept"
scr_keys a
expect_msg "$(zhf '%s is deregistered (已注销): reopen it first.' "$NAME")" "a on the deregistered team is refused"
expect_eq "$(sql "SELECT ifnull(last_activity, 'none') FROM team WHERE id = ${TEAM:-0}")" none \
	"no activity was recorded"
expect_eq "$(sql "SELECT group_concat(ifnull(from_state, 0) || '>' || to_state || ':' || actor || ':' || ifnull(reason, ''), ' ') FROM (SELECT * FROM team_step WHERE team_id = ${TEAM:-0} ORDER BY id)")" \
	"0>1:志愿者: 1>2:工作人员: 2>3:工作人员: 3>4:工作人员: 4>4:工作人员:$(sql "SELECT reason FROM team_step WHERE team_id = ${TEAM:-0} AND from_state = 4 AND to_state = 4") 4>3:工作人员:类别需重新核定 3>5:工作人员:团队已解散" \
	"the database's history has each step with its person and reasons"
expect_eq "$(sql "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit WHERE record = 'team' AND record_id = ${TEAM:-0} AND actor_name = '工作人员' ORDER BY id)")" \
	"team.review team.file team.classify team.classify team.update team.reopen team.deregister" \
	"each step and the edit are audited as 工作人员"
expect_values_at "80x24: the deregistered team's page stays aligned" \
	"$(zh Category)" 生活服务 "$(zh Leader)" 李秀兰 "$(zh 'Filed on')" "$TODAY"

# An organisation's page: whole phone for staff; e edits it.
scr_keys Escape
expect_line 1 "$REGISTERS" "Esc goes back to the registers"
scr_keys C-u
scr_type 益心
expect_line 5 "$ORG" "typing 益心 finds $ORG"
scr_keys Enter
expect_line 1 "$(zh Organisation)" "Enter opens its page"
expect_line 2 "$ORG" "line 2 names it"
expect_row_has "$(zh Contact)" "陈明  $ORG_PHONE" "staff see its whole phone"
expect_row_has "$(zh Kind)" "入驻机构, 益心公益" "its kind and short name"
expect_values_at "80x24: the organisation page's values start at column $VALUE_COL" \
	"$(zh Kind)" 入驻机构 "$(zh 'Credit code')" 52310115MJ50001028 \
	"$(zh Contact)" 陈明 "$(zh Residence)" 2024-12-23
scr_keys e
expect_line 1 "$(zh 'Edit organisation')" "e opens $(zh 'Edit organisation')"
expect_row_has "$(zh 'Short name')" 益心公益 "the form holds the stored short name"
scr_keys Tab Tab C-u
scr_type 益心中心
scr_keys Tab C-u
scr_type "$BAD_CODE"
expect_screen "$(zh_part 'Credit code: the check character does not match; it will be saved and marked for checking' 16)" \
	"the form warns of the failing check character"
scr_keys F2
expect_line 1 "$(zh Organisation)" "F2 saves and goes back to the page"
expect_msg "$(zhf 'Saved organisation %lld %s; its credit code is marked for checking.' "$(sql "SELECT id FROM org WHERE name = '$ORG'")" "$ORG")" \
	"the status line says saved and marked for checking"
expect_row_has "$(zh Kind)" 益心中心 "the page shows the new short name"
expect_row_has "$(zh 'Credit code')" "$BAD_CODE" "$(zh '(the check character does not match: marked for checking)')" \
	"the page shows the new code with its warning"
expect_eq "$(sql "SELECT short || ' ' || credit_code || ' ' || credit_ok FROM org WHERE name = '$ORG'")" \
	"益心中心 $BAD_CODE 0" "the database holds the short name and the code, marked"
expect_eq "$(sql "SELECT actor_name || ' ' || json_extract(before, '\$.short') || ' ' || json_extract(after, '\$.short') || ' ' || json_extract(after, '\$.credit_code') FROM audit WHERE action = 'org.edit' AND record = 'org' ORDER BY id DESC LIMIT 1")" \
	"工作人员 益心公益 益心中心 $BAD_CODE" "the edit is audited by 工作人员, before and after"
scr_keys Escape
expect_line 1 "$REGISTERS" "Esc: the registers"

# F5: keeping the roll.
DUE="晨光太极队 夕阳红合唱团 平安巡逻队 老娘舅调解队" # filed 420 to 700 days ago
scr_keys F5
expect_line 1 "$(zh 'Keeping the roll')" "F5 opens $(zh 'Keeping the roll')"
expect_line 2 "$(zhf '%d teams to look at, %d organisations moving out' 4 2)" "line 2 counts 4 teams and 2 organisations"
for t in $DUE; do
	expect_row_has "$t" "$(zh 'annual check due ')" "$t (filed over a year ago) is due for its annual check"
done
expect_row_has 乐龄长者服务中心 "2026-11-13" "$(zh '  (moved out)' | sed 's/^ *//')" \
	"乐龄长者服务中心, whose residence ended 2026-11-13, is listed as moved out"
expect_row_has "$ORG" "2026-12-13" "$ORG, ending within 30 days, is listed"
expect_not_on_screen 彩虹舞蹈队 "彩虹舞蹈队 (filed 90 days ago) is not"
expect_not_on_screen "$NAME" "the deregistered $NAME is not"
LINE=$(row_of 晨光太极队)
i=3
while [ "$i" -lt "$LINE" ]; do
	scr_keys Down
	i=$((i + 1))
done
scr_keys a
expect_msg "$(zhf 'An activity of %s today is recorded.' 晨光太极队)" "a on 晨光太极队 records an activity today"
expect_off_list 晨光太极队 "晨光太极队 leaves the list"
expect_line 2 "$(zhf '%d teams to look at, %d organisations moving out' 3 2)" "line 2 counts 3 teams now"
expect_row_has 夕阳红合唱团 "$(zh 'annual check due ')" "the other teams stay"
expect_eq "$(sql "SELECT last_activity || ' ' || checked_date FROM team WHERE name = '晨光太极队'")" \
	"$TODAY $TODAY" "the database: 晨光太极队 active and checked today"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'team.activity' AND actor_name = '工作人员'")" 1 \
	"the activity is audited"
expect_row_has 乐龄长者服务中心 "2026-11-13" "乐龄长者服务中心 is still listed"
LINE=$(row_of 乐龄长者服务中心)
scr_keys Up Up Up Up Up Up Up Up
i=3
while [ "$i" -lt "$LINE" ]; do
	scr_keys Down
	i=$((i + 1))
done
scr_keys Enter
expect_line 1 "$(zh Organisation)" "Enter on it opens the organisation's page"
expect_line 2 乐龄长者服务中心 "it is 乐龄长者服务中心"
expect_row_has "$(zh Residence)" 2026-11-13 "$(zh '  (moved out)' | sed 's/^ *//')" "its page says it moved out"
scr_keys Escape
expect_line 1 "$(zh 'Keeping the roll')" "Esc: back to the roll"
expect_off_list 晨光太极队 "晨光太极队 stays off the list"
expect_not_on_screen "[exit" "the app is still running"
scr_stop

# A year on, an app started with HUBDESK_NOW in 2027: the team checked
# today is due again, and 益心 has moved out.
export HUBDESK_NOW=2027-11-24T09:00:00+08:00
scr_start 80 24
expect_line 1 首页 "2027-11-24: home"
scr_signin 工作人员 135790
scr_keys 6
expect_line 1 "$REGISTERS" "the registers"
scr_keys F5
expect_line 1 "$(zh 'Keeping the roll')" "F5: the roll"
expect_row_has 晨光太极队 "$(zh 'annual check due ')" "a year after its check 晨光太极队 is due again"
expect_row_has "$ORG" 2026-12-13 "$(zh '  (moved out)' | sed 's/^ *//')" "$ORG is listed as moved out"
scr_stop

done_testing
