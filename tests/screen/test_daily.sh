#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_daily.sh - the volunteer's daily flows at 80x24 in
# Chinese, each point that once went wrong: the selected entry of a list
# looks unlike the others (read from the attributes with capture-pane -e, in
# colour and in monochrome: NO_COLOR on a vt100) and carries the marker ">";
# a returning visitor is offered once, also from the last four digits typed
# in the phone field; checking in someone already here asks y/n first;
# typing into a default (人数 1) replaces it; 拜访对象 takes a name in words;
# o on who-is-here asks y/n naming the person; r there and p on a visitor's
# page print the slip again; a scanned code is acted on
# whatever has the keys (who-is-here, a field of the check-in form, the room
# grid, the room grid of a kiosk) and never saved as data; the idle
# countdown shows 15 s before the reset and a key cancels it; the reset's
# message does not follow onto the next screen; an admin's settings wait
# five times as long.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

DAY=2026-11-23
# Earlier visits: 王建国 three times without a phone (three rows of person:
# nothing says they are one man), 王芳 once, 张伟 with a phone.
for d in 17 18 19; do
	HUBDESK_NOW=2026-11-${d}T10:00:00+08:00 "$HUBDESK" visitor checkin --name 王建国 --purpose 1 \
		--no-print >/dev/null 2>&1 || not_ok "an earlier visit of 王建国"
done
HUBDESK_NOW=2026-11-20T10:00:00+08:00 "$HUBDESK" visitor checkin --name 王芳 --purpose 2 \
	--no-print >/dev/null 2>&1 || not_ok "an earlier visit of 王芳"
HUBDESK_NOW=2026-11-20T11:00:00+08:00 "$HUBDESK" visitor checkin --name 张伟 --phone 13812345678 \
	--purpose 1 --no-print >/dev/null 2>&1 || not_ok "an earlier visit of 张伟"
for n in 17 18 19 20 20; do
	HUBDESK_NOW=2026-11-${n}T12:00:00+08:00 "$HUBDESK" visitor checkout \
		"$(sql "SELECT min(id) FROM visit WHERE time_out IS NULL")" >/dev/null 2>&1
done

ZHANG_PERSON=$(sql "SELECT person_id FROM visit WHERE id = 5")
WAIT_SLIP=$(zh_part '%s; the document waits in the print spool and was saved as %s' 6)

# attrs_at LINE_TEXT: the attributes (SGR codes in force) at the first
# character of the row holding LINE_TEXT, read from capture-pane -e.
attrs_at() {
	_tmux capture-pane -t t -p -e | python3 -c '
import re, sys
want = sys.argv[1]
FG = {str(n): n - 30 for n in range(30, 38)}
BG = {str(n): n - 40 for n in range(40, 48)}
for line in sys.stdin.read().split("\n"):
    if want not in re.sub(r"\x1b\[[0-9;]*m", "", line):
        continue
    st = {"fg": "-", "bg": "-", "bold": 0, "dim": 0, "ul": 0, "rev": 0}
    text = ""
    for m in re.finditer(r"\x1b\[([0-9;]*)m|([^\x1b]+)", line):
        if m.group(2) is not None:
            if want in text + m.group(2):
                break
            text += m.group(2)
            continue
        codes = (m.group(1) or "0").split(";")
        i = 0
        while i < len(codes):
            c = codes[i]
            if c in ("", "0"):
                st = {"fg": "-", "bg": "-", "bold": 0, "dim": 0, "ul": 0, "rev": 0}
            elif c == "1": st["bold"] = 1
            elif c == "2": st["dim"] = 1
            elif c == "4": st["ul"] = 1
            elif c == "7": st["rev"] = 1
            elif c == "22": st["bold"] = st["dim"] = 0
            elif c == "24": st["ul"] = 0
            elif c == "27": st["rev"] = 0
            elif c in FG: st["fg"] = FG[c]
            elif c == "39": st["fg"] = "-"
            elif c in BG: st["bg"] = BG[c]
            elif c == "49": st["bg"] = "-"
            elif c in ("38", "48") and i + 2 < len(codes):
                st["fg" if c == "38" else "bg"] = codes[i + 2]
                i += 2
            i += 1
    print(" ".join("%s=%s" % kv for kv in sorted(st.items())))
    break' "$1"
}

# The returning-visitor list, once in colour and once in monochrome.
check_selection() {
	_how=$1
	scr_keys 1
	expect_screen 访客登记 "$_how: home 1 opens the check-in"
	scr_type 王
	expect_row_has '> ' 王建国 "$_how: typing 王 offers 王建国 first, marked >"
	expect_screen 王芳 "$_how: and 王芳"
	n=$(scr_show | grep -c 王建国)
	expect_eq "$n" 1 "$_how: 王建国, three rows of earlier visits, is offered once"
	sel=$(attrs_at 王建国)
	other=$(attrs_at 王芳)
	if [ "$sel" != "$other" ]; then
		ok "$_how: the selected row ($sel) looks unlike the other ($other)"
	else
		not_ok "$_how: the selected row and the other look the same ($sel)"
	fi
	case $2 in
	reverse)
		case " $sel " in *" rev=1 "*) ok "$_how: the selected row is in reverse video" ;;
		*) not_ok "$_how: the selected row is not in reverse video ($sel)" ;; esac
		;;
	esac
	scr_keys Down
	expect_row_has '> ' 王芳 "$_how: Down moves the marker to 王芳"
	if [ "$(attrs_at 王芳)" = "$sel" ] && [ "$(attrs_at 王建国)" = "$other" ]; then
		ok "$_how: the attributes follow the selection"
	else
		not_ok "$_how: after Down 王芳 is $(attrs_at 王芳), 王建国 $(attrs_at 王建国)"
	fi
	scr_keys Enter
	expect_row_has 访客 王芳 "$_how: Enter takes the selected 王芳, not another"
	scr_keys Escape
	scr_drop_input " 首页 |"
	expect_screen 首页 "$_how: back home"
}

scr_start 80 24
expect_screen 首页 "the desk starts"
check_selection colour any
scr_stop
NO_COLOR=1 SCR_TERM=vt100 scr_start 80 24
expect_screen 首页 "the desk starts on a vt100 without colours"
NO_COLOR=1 check_selection monochrome reverse
scr_stop

scr_start 80 24
expect_screen 首页 "the desk starts again"

# The last four digits typed into the phone field offer 张伟.
scr_keys 1
expect_screen 访客登记 "home 1 opens the check-in"
scr_keys Tab
scr_type 5678
expect_row_has '> ' 张伟 '138****5678' "the last four digits in the phone field offer 张伟, masked"
scr_keys Enter
expect_row_has 访客 张伟 "Enter puts 张伟 in the name field"
scr_type 1
scr_keys Tab Tab
# 人数 holds 1: typing 12 gives 12.
scr_type 12
expect_row_has 人数 12 "typing 12 into 人数's default 1 shows 12"
scr_keys F2
expect_screen "$WAIT_SLIP" "F2 checks 张伟 in (the slip waits: no printer)"
expect_eq "$(sql "SELECT party || ' ' || person_id FROM visit ORDER BY id DESC LIMIT 1")" \
	"12 $ZHANG_PERSON" "the visit is 张伟's, the same person, with a party of 12 (not 112)"
ZHANG_VISIT=$(sql "SELECT max(id) FROM visit")

# 张伟 again: the desk asks; n saves nothing, y saves.
scr_type 张伟
scr_keys Tab
scr_type 13812345678
scr_keys Tab
scr_type 1
scr_keys F2
expect_screen "$(printf "$(zh '%s is here already (arrived at %s, not checked out). Check in again?')" 张伟 09:00)" \
	"checking 张伟 in again asks first, saying since when"
expect_gone 'y/n' "n answers" n
expect_eq "$(sql "SELECT count(*) FROM visit")" 6 "n saves nothing"
scr_keys F2
expect_screen 'y/n' "F2 asks again"
scr_keys y
expect_screen "$WAIT_SLIP" "y checks 张伟 in a second time"
expect_eq "$(sql "SELECT count(*) FROM visit")" 7 "y saves"

# 拜访对象 in words.
scr_type 李秀英
scr_keys Tab Tab
scr_type 5
scr_keys Tab
scr_type 王老师
scr_keys F2
expect_screen "$WAIT_SLIP" "a visit of 王老师 (a name in words) is saved"
expect_eq "$(sql "SELECT w.name FROM visit v JOIN visitee w ON w.id = v.visitee_id ORDER BY v.id DESC LIMIT 1")" \
	王老师 "拜访对象 is kept in words"
LI_VISIT=$(sql "SELECT max(id) FROM visit")

# A scan typed into the name field checks 李秀英 out; nothing is saved.
scr_type "$(token_for V "$LI_VISIT")"
scr_keys Enter
expect_screen "$(printf "$(zh_part '%s checked out at %s. Goodbye!' 6)" 李秀英)" \
	"a scan in the check-in form checks the visitor out"
expect_eq "$(sql "SELECT time_out IS NOT NULL FROM visit WHERE id = $LI_VISIT")" 1 "李秀英 is out"
expect_eq "$(sql "SELECT count(*) FROM person WHERE name LIKE 'HD1%'")" 0 "no visitor named HD1-… is saved"
expect_eq "$(sql "SELECT count(*) FROM visit")" 8 "the scan saved no visit"
if scr_show | sed -n 4p | grep -q HD1; then
	not_ok "the name field is left empty" "$(scr_show)"
else
	ok "the name field is left empty"
fi
scr_keys Escape
scr_drop_input " 首页 |"
expect_screen 首页 "back home"

# Who is here: o asks, naming the person; a scan checks out.
scr_keys 4
expect_screen 在场人员 "home 4 opens who is here"
expect_screen 张伟 "张伟 is here"
scr_keys o
expect_screen "$(printf "$(zh 'Check %s out?')" 张伟)" "o asks, naming 张伟"
expect_gone 'y/n' "n keeps 张伟" n
expect_eq "$(sql "SELECT time_out IS NULL FROM visit WHERE id = $ZHANG_VISIT")" 1 "n checks nobody out"
# r on who-is-here and p on the visitor's page print the slip again.
copies() { sql "SELECT count(*) FROM spool WHERE kind = 'visitor' AND record_id = $ZHANG_VISIT"; }
first=$(copies)
scr_keys r
expect_screen "$WAIT_SLIP" "r prints the selected visitor's slip again (it waits: no printer)"
expect_eq "$(copies)" $((first + 1)) "the reprint is one more copy in the spool"
scr_keys Enter
expect_screen "$(zh Visits)" "Enter opens 张伟's page"
scr_keys p
expect_screen "$WAIT_SLIP" "p on the visitor's page prints the slip again"
expect_eq "$(copies)" $((first + 2)) "one more copy again"
scr_keys Escape
expect_screen 在场人员 "Esc goes back to who is here"
scr_type "$(token_for V "$ZHANG_VISIT")"
expect_screen "$(zh 'Scan:')" "the scan being typed shows on the status line"
scr_keys Enter
expect_screen "$(printf "$(zh_part '%s checked out at %s. Goodbye!' 6)" 张伟)" \
	"a scan on who-is-here checks the visitor out"
expect_eq "$(sql "SELECT time_out IS NOT NULL FROM visit WHERE id = $ZHANG_VISIT")" 1 "张伟's visit is closed"
scr_keys Escape
expect_screen 首页 "back home"
scr_stop

# The room grid: a scanned receipt checks its booking in, at the desk and
# at a kiosk.
ROOM=$(sql "SELECT min(id) FROM room")
ORG=$(sql "SELECT min(id) FROM org")
ROOM2=$(sql "SELECT max(id) FROM room")
ORG2=$(sql "SELECT max(id) FROM org WHERE kind = 1")
B1=$("$HUBDESK" booking add --room "$ROOM" --org "$ORG" --start "$DAY 10:00" --end "$DAY 11:00" \
	--no-print 2>/dev/null | cut -f1)
B2=$("$HUBDESK" booking add --room "$ROOM2" --org "$ORG2" --start "$DAY 10:00" --end "$DAY 11:00" \
	--no-print 2>/dev/null | cut -f1)
[ -n "$B1" ] && [ -n "$B2" ] && ok "two bookings at 10:00 for the scans" || not_ok "two bookings at 10:00"
export HUBDESK_NOW=2026-11-23T09:50:00+08:00
scr_start 80 24
scr_keys 2
expect_screen 场地预约 "home 2 opens the room grid"
scr_type "$(token_for B "$B1")"
scr_keys Enter
expect_screen "$(zh_part '%s, %s: checked in at %s. Welcome!' 4)" "a scan on the grid checks the booking in"
expect_eq "$(sql "SELECT state FROM booking WHERE id = $B1")" checked_in "booking $B1 is checked in"
scr_stop
"$HUBDESK" config set kiosk.mode on >/dev/null 2>&1
scr_start 80 24
scr_keys 2
expect_screen 场地预约 "the kiosk's room grid"
scr_type "$(token_for B "$B2")"
scr_keys Enter
expect_screen "$(zh_part '%s, %s: checked in at %s. Welcome!' 4)" "a scan on a kiosk's grid checks in"
expect_eq "$(sql "SELECT state FROM booking WHERE id = $B2")" checked_in "booking $B2 is checked in"
scr_type "HD1-V-1-0000000000"
scr_keys Enter
expect_screen "$(zh_part 'not a genuine code of this centre: the text was altered, or it comes from elsewhere' 8)" \
	"a forged code on the grid is refused"
scr_stop
"$HUBDESK" config set kiosk.mode off >/dev/null 2>&1
export HUBDESK_NOW=2026-11-23T09:00:00+08:00

# The idle countdown: idle.seconds 5 shows it at once, a key cancels it.
"$HUBDESK" config set idle.seconds 5 >/dev/null 2>&1
COUNTDOWN=$(zh_part 'No key for a while: in %d s the desk goes home and unsaved input is dropped. Any key stays.' 6)
DROPPED=$(zh 'No key for a while: back home, unsaved input dropped.')
scr_start 80 24
scr_keys 1
expect_screen 访客登记 "the check-in opens"
scr_type 赵
expect_screen "$COUNTDOWN" "the countdown shows before the idle reset"
expect_gone "$COUNTDOWN" "a key cancels the countdown" Right
expect_screen "$DROPPED" "without keys the desk goes home"
expect_screen 首页 "home"
scr_keys 1
expect_screen 访客登记 "1 opens the check-in again"
expect_no_screen "$DROPPED" "the reset's message does not follow onto the check-in"
scr_keys Escape
expect_screen 首页 "home"
scr_signin 管理员 246810
scr_keys 9
expect_screen 系统管理 "administration"
scr_keys 4
expect_screen "closing.time" "the settings"
# The file's one wait of a fixed length, as the time is what is tested: with
# idle.seconds 5 another screen shows the countdown from 2.5 s without a key
# and goes home at 5 s; the settings (an admin's form) do neither for 6 s of
# the wall clock (wait_ms).
countdown_or_gone() { scr_show | grep -Fq "$COUNTDOWN" || ! scr_show | grep -Fq "closing.time"; }
if wait_ms 6000 countdown_or_gone; then
	not_ok "an admin's settings wait longer than idle.seconds" "$(scr_show)"
else
	ok "an admin's settings wait longer than idle.seconds"
fi
scr_stop

done_testing
