#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_visitor.sh - the volunteer's job at the desk, in Chinese
# at 80x24, with no printer (each slip waits in the spool): the check-in form
# (home 1) refusing an empty name and a malformed phone, naming the field;
# checking in 王小明 with whom they visit picked from 阳光; the slip code
# shown spaced out (H D 1 - V - …), read back and verified; who is here
# (home 4) with the head count, a second party of 3, the roll call (e, Enter)
# and o checking the selected visitor out; the slip scanned at home checking
# out, a second scan saying when, a forged code refused; the returning
# visitor found by the last four digits of the phone, with the masked phone
# and the date of the last visit, and another of the same name typed whole
# kept apart from him; an under-14 visitor refused to the desk and
# saved once staff sign in. The full phone is never on a screen once saved.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

CHECKIN=访客登记
PRESENT=在场人员
FULL=13812345678  # 王小明's phone: on no screen once the check-in is saved
MASKED='138****5678'
FULL2=13900001111 # 李建国's phone
ORG=浦东新区阳光社工服务社
ORG_ID=$(sql "SELECT id FROM org WHERE name = '$ORG'")
CHECKED_IN=$(zh 'Checked in: %s. Slip code:')
WAITS=$(zh_part '%s; the document waits in the print spool and was saved as %s')

# Once WATCH is 1, every screen read is kept in $T/seen, to look for the
# full phone in all of them at the end.
WATCH=0
scr_show() {
	if [ "$WATCH" = 1 ]; then
		_tmux capture-pane -t t -p | tee -a "$T/seen"
	else
		_tmux capture-pane -t t -p
	fi
}


# expect_no_row TEXT WHAT: waits until the list rows (4-21) no longer show TEXT.
expect_no_row() { expect_not_in_rows 4 21 "$1" "$2"; }

# expect_not_on_screen TEXT WHAT: the screen now does not show TEXT.
expect_not_on_screen() {
	if scr_show | grep -Fq -- "$1"; then
		not_ok "$2: the screen shows '$1'" "$(scr_show | sed 's/^/| /')"
	else
		ok "$2"
	fi
}

# slip_code [PREVIOUS]: waits for the spaced-out code (H D 1 - V - …) on the
# screen, other than PREVIOUS (the last save's, still shown until the new one
# replaces it); prints it with the spaces taken out, or returns 1.
_new_code() {
	_code=$(scr_show | grep -E '^ *H D 1 - V - ' | head -1 | tr -d ' ')
	[ -n "$_code" ] && [ "$_code" != "$1" ]
}
slip_code() {
	wait_for "$SCR_TIMEOUT" _new_code "${1:-}" && printf '%s\n' "$_code"
}

# expect_code NAME WHAT: after a save, the screen says NAME is checked in
# and shows the code spaced out; sets CODE, verified as a visit's code.
expect_code() {
	expect_screen "$(printf "$CHECKED_IN" "$1")" "$2: the screen says $(printf "$CHECKED_IN" "$1")"
	if CODE=$(slip_code "${CODE:-}"); then
		ok "the slip code is shown spaced out: $(scr_show | grep -E '^ *H D 1 - V - ' | sed 's/^ *//')"
	else
		CODE=""
		not_ok "the slip code is shown spaced out" "$(scr_show | sed 's/^/| /')"
	fi
	_spaced=$(scr_show | grep -E '^ *H D 1 - V - ' | head -1 | sed 's/^ *//; s/ *$//')
	expect_eq "$_spaced" "$(printf '%s' "$CODE" | sed 's/./& /g; s/ $//')" \
		"every character of the code stands apart"
	if printf '%s' "$CODE" | grep -Eq '^HD1-V-[0-9]+-[0-9A-Z]{10}$'; then
		ok "joined, it reads $CODE"
	else
		not_ok "joined, the code reads HD1-V-N-MAC" "got '$CODE'"
	fi
	VISIT=$(printf '%s' "$CODE" | cut -d- -f3)
	run "$HUBDESK" verify "$CODE"
	if [ "$RC" = 0 ] && grep -q "^visit	$VISIT	" "$T/out"; then
		ok "hubdesk verify takes the code as visit $VISIT's"
	else
		not_ok "hubdesk verify takes the code as visit $VISIT's (exit $RC)" \
			"stdout: $(cat "$T/out")" "stderr: $(cat "$T/err")"
	fi
}

visits() { sql "SELECT count(*) FROM visit"; }

scr_start 80 24
expect_line 1 首页 "home"
scr_keys 1
expect_line 1 "$CHECKIN" "1 opens $CHECKIN"
expect_screen_all "the form shows its fields in the order of visitor checkin" \
	"*访客" "联系电话" "*来访事由" "拜访对象" "*人数" "备注" "*年龄"
expect_row_has "*人数" " 1" "the party is 1 to start with"
expect_row_has "*年龄" "14 岁及以上" "the age is 14 岁及以上 to start with"
expect_screen "180" "the screen states how long the data is kept (180 days)"

# Errors name their field, and save nothing.
scr_keys F2
expect_msg "$(printf "$(zh '%s is required.')" 访客)" "F2 on the empty form: an error naming 访客 ($(printf "$(zh '%s is required.')" 访客))"
expect_line 1 "$CHECKIN" "the form stays open"
expect_eq "$(visits)" 0 "nothing saved from the empty form"
scr_type 王小明
scr_keys Tab
scr_type 12345
scr_keys F2
expect_msg 联系电话 "F2 with the phone 12345: an error naming 联系电话"
expect_eq "$(visits)" 0 "nothing saved with the bad phone"

# 王小明: phone, purpose 1, whom by typing 阳光 and picking, F2.
scr_keys C-u
scr_type "$FULL"
scr_keys Tab
scr_type 1
expect_screen "1 政策咨询" "typing 1 in 来访事由 offers 1 政策咨询"
scr_keys Tab
scr_type 阳光
expect_row_has "$ORG" "$(zh Org)" "typing 阳光 in 拜访对象 offers $ORG"
scr_keys Enter
expect_row_has 拜访对象 "$ORG" "Enter takes $ORG into 拜访对象"
expect_row_has "$FULL" 联系电话 "the phone is in its field before saving"
scr_keys F2
expect_code 王小明 "F2 saves"
WATCH=1
CODE1=$CODE
VISIT1=$VISIT
expect_not_on_screen "$FULL" "the full phone is gone from the check-in screen"
expect_msg "$WAITS" "with no printer set, the status line says the slip waits in the spool"
expect_eq "$(sql "SELECT p.name || ' ' || p.phone || ' ' || v.purpose || ' ' || ifnull(v.org_id, '-') || ' ' || v.party || ' ' || v.under14 FROM visit v JOIN person p ON p.id = v.person_id WHERE v.id = $VISIT1")" \
	"王小明 $FULL 1 $ORG_ID 1 0" "the database holds the visit: name, phone, purpose 1, $ORG, party 1"
expect_eq "$(sql "SELECT state FROM spool WHERE kind = 'visitor' AND record_id = $VISIT1")" waiting \
	"the slip waits in the spool"
if [ -f "$T/spool/visitor-$VISIT1-1.pdf" ]; then ok "and as the file spool/visitor-$VISIT1-1.pdf"; else
	not_ok "the slip is the file spool/visitor-$VISIT1-1.pdf" "$(ls -la "$T/spool" 2>&1)"; fi
expect_eq "$(scr_line 4 | sed 's/ *$//')" "  *访客" "the form is empty again"
expect_row_has "*人数" " 1" "the party is 1 again for the next visitor"

# Who is here: 王小明 with the head count.
scr_keys Escape
expect_line 1 首页 "Esc goes home"
scr_keys 4
expect_line 1 "$PRESENT" "4 opens $PRESENT"
expect_screen "$(printf "$(zh '%d visits in, %d people')" 1 1)" "the head count: 1 visit, 1 person"
expect_row_has 09:00 王小明 " 1 " 政策咨询 "王小明 is listed with time in, party and purpose"
expect_not_on_screen "$FULL" "no full phone under who is here"
expect_not_on_screen "$MASKED" "no phone at all under who is here"

# A second visitor, a party of 3.
scr_keys Escape 1
expect_line 1 "$CHECKIN" "1 opens the check-in again"
scr_type 李建国
scr_keys Tab
scr_type "$FULL2"
scr_keys Tab
scr_type 2
scr_keys Tab Tab C-u
scr_type 3
expect_row_has "*人数" " 3" "the party field holds 3"
scr_keys F2
expect_code 李建国 "the second visitor saves"
VISIT2=$VISIT
expect_eq "$(sql "SELECT party || ' ' || purpose FROM visit WHERE id = $VISIT2")" "3 2" \
	"saved with party 3 and purpose 2"
scr_keys Escape 4
expect_line 1 "$PRESENT" "4 opens $PRESENT"
expect_screen "$(printf "$(zh '%d visits in, %d people')" 2 4)" "the head count: 2 visits, 4 people"
expect_row_has 李建国 " 3 " 登记/变更/注销指导 "李建国's party of 3 is listed"
expect_not_on_screen "$FULL2" "李建国's phone is not shown either"

# The roll call: e, then Enter marks each party in turn.
# roll MARKED HEADS: the roll call's line (its translation numbers the
# directives, %2$d, which the shell's printf does not know).
roll() {
	zh 'Roll call: %d of %d people accounted for (Enter marks, e ends)' |
		python3 -c 'import re, sys
a = sys.argv[1:]
n = iter(range(len(a)))
print(re.sub(r"%(?:([0-9])\$)?d", lambda m: a[int(m.group(1)) - 1 if m.group(1) else next(n)], sys.stdin.read().rstrip("\n")))' "$@"
}
scr_keys e
expect_screen "$(roll 0 4)" "e starts the roll call: 0 of 4 accounted for"
expect_row_has "[ ]" 王小明 "王小明 is not marked yet"
scr_keys Enter
expect_screen "$(roll 1 4)" "Enter marks 王小明's party: 1 of 4"
expect_row_has "[x]" 王小明 "王小明 is marked"
expect_row_has "[ ]" 李建国 "李建国 is not"
scr_keys Enter
expect_screen "$(roll 4 4)" "Enter marks 李建国's party of 3: 4 of 4"
expect_row_has "[x]" 李建国 "李建国 is marked"
scr_keys e
expect_screen "$(printf "$(zh '%d visits in, %d people')" 2 4)" "e ends the roll call"
expect_no_screen "[x]" "the marks go with it"

# o checks the selected visitor out (the selection is on 李建国, the last one
# marked), once y answers its question naming him.
scr_keys Up Down o
expect_msg "$(printf "$(zh 'Check %s out?')" 李建国)" "o asks first, naming 李建国"
scr_keys y
expect_msg "$(printf "$(zh '%s checked out.')" 李建国)" "o checks the selected visitor out: 李建国"
expect_screen "$(printf "$(zh '%d visits in, %d people')" 1 1)" "the head count is 1 visit, 1 person again"
expect_no_row 李建国 "李建国 has left the list"
expect_row_has 09:00 王小明 "王小明 is still in"
expect_eq "$(sql "SELECT time_out IS NOT NULL FROM visit WHERE id = $VISIT2") $(sql "SELECT time_out IS NULL FROM visit WHERE id = $VISIT1")" \
	"1 1" "the database has 李建国 out and 王小明 in"

# The slip scanned at home checks 王小明 out; a second scan says when.
scr_keys Escape
expect_line 1 首页 "Esc goes home"
scr_type "$CODE1"
expect_screen "$CODE1" "the scanned text shows while it comes in"
scr_keys Enter
expect_msg "$(printf "$(zh '%s checked out at %s. Goodbye!')" 王小明 09:00)" \
	"the scan checks 王小明 out: 王小明 于 09:00 登记离开。再见！"
expect_eq "$(sql "SELECT time_out IS NOT NULL FROM visit WHERE id = $VISIT1")" 1 "the visit is out in the database"
scr_type "$CODE1"
scr_keys Enter
expect_msg "$(printf "$(zh '%s left already at %s.')" 王小明 09:00)" \
	"a second scan says 王小明 left already at 09:00"
expect_eq "$(sql "SELECT count(*) FROM visit WHERE time_out IS NOT NULL")" 2 "nothing else changed"
LAST=$(printf '%s' "$CODE1" | tail -c 1)
if [ "$LAST" = 0 ]; then BAD=1; else BAD=0; fi
FORGED=$(printf '%s' "$CODE1" | sed 's/.$//')$BAD
scr_type "$FORGED"
scr_keys Enter
expect_msg "$(zh_part 'not a genuine code of this centre: the text was altered, or it comes from elsewhere' 10)" \
	"a forged code ($FORGED) is refused as not genuine"
expect_line 1 首页 "the desk stays at home"
expect_not_on_screen "[exit" "the app is still running"
scr_keys 4
expect_screen "$(zh 'Nobody is checked in.')" "who is here: nobody is in now"
scr_keys Escape
expect_line 1 首页 "home again"

# The returning visitor, the next day: the last four digits offer 王小明
# with the masked phone and the date of the last visit.
scr_stop
export HUBDESK_NOW=2026-11-24T10:00:00+08:00
scr_start 80 24
expect_line 1 "2026-11-24" "the next day"
scr_keys 1
expect_line 1 "$CHECKIN" "1 opens $CHECKIN"
scr_type 5678
expect_row_has 王小明 "$MASKED" 2026-11-23 \
	"typing 5678 offers 王小明 with $MASKED and the last visit's date 2026-11-23"
expect_not_on_screen "$FULL" "the offer does not show the full phone"
scr_keys Enter
expect_row_has "*访客" 王小明 "Enter takes 王小明 into the name"
expect_screen "$(zh_part 'A returning visitor: an empty phone keeps the one on record.' 8)" \
	"the screen says the phone on record is kept"
scr_keys Tab
scr_type 1
scr_keys F2
expect_code 王小明 "the returning visitor saves"
VISIT3=$VISIT
expect_eq "$(sql "SELECT count(*) || ' ' || group_concat(phone) FROM person WHERE name = '王小明'")" \
	"1 $FULL" "one person row for 王小明, the phone kept"
expect_eq "$(sql "SELECT count(DISTINCT person_id) || ' ' || count(*) FROM visit WHERE id IN ($VISIT1, $VISIT3)")" "1 2" \
	"the visits of the 23rd and the 24th are the same person's"
expect_not_on_screen "$FULL" "the full phone is not on the screen"

# Lower-case letters offer returning visitors by the pinyin of their name,
# from its start: initials, syllables, both.
for letters in wxm wangxiaoming wangxm; do
	scr_type "$letters"
	expect_row_has 王小明 "$MASKED" "typing $letters offers 王小明 by the pinyin of the name"
	scr_keys C-u
done
scr_type xm
expect_no_screen "$MASKED" "typing xm (the name's inside) offers nobody"
scr_keys C-u

# Another 王小明, typed whole with his own phone, is a new person, even when
# F2 comes while the offer of the earlier 王小明 is open (and a first F2 is
# refused for the missing purpose): the earlier one keeps his phone.
scr_keys Tab
scr_type 13700009999
scr_keys BTab
scr_type 王小明
expect_row_has 王小明 "$MASKED" "typing 王小明 offers the earlier 王小明"
scr_keys F2
expect_msg 来访事由 "F2 without a purpose: an error naming 来访事由"
scr_type 1
scr_keys F2
expect_code 王小明 "the second 王小明 saves"
expect_eq "$(sql "SELECT group_concat(phone, ' ') FROM (SELECT phone FROM person WHERE name = '王小明' ORDER BY id)")" \
	"$FULL 13700009999" "two people named 王小明, the earlier one's phone unchanged"
expect_eq "$(sql "SELECT count(DISTINCT person_id) FROM visit WHERE id IN ($VISIT1, $VISIT)")" 2 \
	"the new visit is not the earlier 王小明's"

# Under 14: refused to the desk with nobody signed in, saved by staff.
before=$(visits)
people=$(sql "SELECT count(*) FROM person")
scr_type 小红
scr_keys Tab Tab
scr_type 1
scr_keys Tab Tab Tab Tab
scr_type 2
expect_screen "2 14 岁以下，监护人已同意" "typing 2 in 年龄 offers 14 岁以下，监护人已同意"
scr_keys F2
expect_msg "$(zh 'Staff only: %s. Sign in with F9.' | sed 's/%s.*//')" \
	"F2 with nobody signed in: refused, staff only"
expect_msg "$(zh 'under-14 visitor, unmasked phone on a detail screen, erase a visitor' | sed 's/^\(.\{0,8\}\).*/\1/')" \
	"the refusal names the under-14 visitor"
expect_line 1 "$CHECKIN" "the form stays open"
expect_row_has "*访客" 小红 "with what was typed"
expect_eq "$(visits) $(sql "SELECT count(*) FROM person")" "$before $people" "nothing saved"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'denied'")" 1 "the refusal is audited"
scr_signin 工作人员 135790
expect_line 1 "$CHECKIN" "signed in, the form is still there"
scr_keys F2
expect_code 小红 "staff save the under-14 visitor"
expect_eq "$(sql "SELECT p.name || ' ' || v.under14 || ' ' || v.guardian_consent FROM visit v JOIN person p ON p.id = v.person_id WHERE v.id = $VISIT")" \
	"小红 1 1" "saved as under 14 with the guardian's consent"
expect_eq "$(visits)" $((before + 1)) "one visit more"

# The list of the day (masked) and the phone on screens.
run "$HUBDESK" visitor list --date 2026-11-23
expect_out "^$VISIT1	.*王小明	$(printf '%s' "$MASKED" | sed 's/\*/\\*/g')	政策咨询	$ORG	1\$" \
	"hubdesk visitor list shows 王小明's visit of the 23rd with $ORG"
if grep -Fq -- "$FULL" "$T/seen"; then
	not_ok "the full phone $FULL is on no screen read after the first save" \
		"$(grep -F -- "$FULL" "$T/seen" | head -5)"
else
	ok "the full phone $FULL is on none of the $(grep -c '' "$T/seen") screen lines read after the first save"
fi

done_testing
