#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_admin.sh - administration (home 9) in Chinese at 80x24:
# staff refused 4 设置, 7 立即备份 and 8 操作日志 (each refusal audited, no
# backup made); the administrator's 设置 listing every setting of DESIGN.md
# by its Chinese name with its value (as `config get` says) in one column and
# its key in grey in another, the selected one explained on row LINES-6, its range on LINES-5 with its range of DESIGN.md, whole (kiosk.mode's
# off|on and booking.quota_hours_week's end fail today: see the messages);
# booking.days_ahead refused at 91 and 0 (the message
# names the key and 1 to 90, nothing saved or audited), Esc leaving the 值
# field without saving, 30 saved (setting table, `config get`, config.set
# audited with before/after); centre.name changed showing on the top line at
# once; 7 writing today's copy beside the database (integrity ok, holding the
# new values) and naming its path on the status line; 8 the audit log newest
# first in words with what the selected entry changed ("名称：旧 → 新"),
# filtered by action
# (config.), by person (管理员) and by a date with no entries
# (没有符合的记录。), Esc leaving the fields then the screen; idle.seconds
# set to 5 bringing the idle reset after about 5 s once out of 设置 (which
# waits five times as long); no line wider than 80
# columns on any screen read; and one English line.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

# The keys of DESIGN.md's settings list, in its order, then centre.code
# (the start of filing numbers).
KEYS="centre.name closing.time closed.weekdays retention.days idle.seconds kiosk.mode printer.receipt
printer.receipt.width printer.a4 booking.days_ahead booking.series_weeks booking.max_hours
booking.quota_hours_week booking.checkin_minutes booking.noshow_limit booking.noshow_days
booking.suspend_days booking.cancel_late_hours centre.code"
OLD_CENTRE=$("$HUBDESK" config get centre.name 2>/dev/null)
NEW_CENTRE=东湖街道服务站
TODAY=2026-11-23
BACKUP="$T/backups/hubdesk-$TODAY.db"
STATUS=23      # the status line (LINES-1)
EXPLAIN=19     # the selected setting explained (LINES-6)
RANGE=20       # and its range (LINES-5)
FIELD=21       # the 值 field (LINES-4)
LIST_TOP=8     # the audit log's first entry (under the four filter fields)
CHANGE_ROW=19  # the first field the selected entry changed (LINES-6)

# Every screen read is kept in $T/seen, for the width check at the end.
: >"$T/seen"
scr_show() { _tmux capture-pane -t t -p | tee -a "$T/seen"; }

config_sets() { sql "SELECT count(*) FROM audit WHERE action = 'config.set'"; }

# label KEY: a setting's name on the screen.
label() {
	awk -F'\t' -v k="$1" '$1 == k { print $2 }' <<'EOF'
centre.name	中心名称
closing.time	闭馆时间
closed.weekdays	每周闭馆日
retention.days	个人信息保存天数
idle.seconds	无操作返回首页秒数
kiosk.mode	自助终端模式
printer.receipt	小票打印机
printer.receipt.width	小票纸宽（毫米）
printer.a4	A4 打印机
booking.days_ahead	最多提前预约天数
booking.series_weeks	每周重复最多周数
booking.max_hours	单次预约最长小时
booking.quota_hours_week	每周预约限额小时
booking.checkin_minutes	签到时限分钟
booking.noshow_limit	爽约暂停次数
booking.noshow_days	爽约统计天数
booking.suspend_days	暂停预约天数
booking.cancel_late_hours	迟取消时限小时
centre.code	中心代码
EOF
}

# settings_rows FILE: "key<TAB>value<TAB>column of the value<TAB>column of
# the key" for every row of the settings list in FILE (a row: the name, the
# value, the key in grey at the end).
settings_rows() {
	python3 -c '
import re, sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for line in open(sys.argv[1]).read().splitlines():
    m = re.search(r"(\S+)\s*$", line)
    if not m or not re.fullmatch(r"[a-z_0-9]+(\.[a-z_0-9]+)+", m.group(1)):
        continue
    body = line[:m.start(1)].rstrip()
    # The value starts after the name and two or more spaces.
    v = re.search(r"\S(  +)(\S.*)$", body[2:])
    value = v.group(2).strip() if v else ""
    vcol = w(body[:len(body) - len(v.group(2))]) if v else -1
    print("%s\t%s\t%d\t%d" % (m.group(1), value, vcol, w(line[:m.start(1)])))
' "$1"
}

# expect_status TEXT WHAT: waits for TEXT on the status line.
expect_status() { expect_line "$STATUS" "$1" "$2"; }

# expect_refused WHAT: waits for the refusal of an administrator's action to
# a staff member on the status line.
REFUSAL=$(zh_part '%s (%s) may not do this: %s.')
ADMIN_TEXT=$(zh_part 'settings, rooms, accounts, printers, backup, restore, import' 6)
expect_refused() {
	expect_status "$REFUSAL" "$1: refused ($REFUSAL)"
	expect_line "$STATUS" "$ADMIN_TEXT" "$1: the refusal names what only the administrator does"
}

# list_rows: the audit log's entry rows now (they start with the date).
list_rows() { scr_show | sed -n "$LIST_TOP,19p" | grep -E '^[> ] [0-9]{4}-[0-9]{2}-[0-9]{2} '; }

# expect_rows CHECK WHAT: waits until the audit log shows at least one entry
# and every entry row matches the grep -E pattern CHECK.
_rows_match() {
	_r=$(list_rows)
	[ -n "$_r" ] && ! printf '%s\n' "$_r" | grep -Evq -- "$1"
}
expect_rows() {
	if wait_for "$SCR_TIMEOUT" _rows_match "$1"; then
		ok "$2"
	else
		not_ok "$2: rows not matching /$1/" "$(scr_show | sed 's/^/| /')"
	fi
}

# expect_selection WHAT: waits until an entry row carries the selection's
# marker (>): the keys are on the list, not in the filter fields.
_selection_shown() { list_rows | grep -q '^>'; }
expect_selection() {
	if wait_for "$SCR_TIMEOUT" _selection_shown; then
		ok "$1"
	else
		not_ok "$1: no entry row starts with >" "$(scr_show | sed 's/^/| /')"
	fi
}

# ---------------------------------------------------------------- staff
scr_start 80 24
expect_line 1 首页 "home"
scr_signin 工作人员 135790
scr_keys 9
expect_line 1 " 系统管理 |" "9 opens 系统管理"
expect_screen_all "administration lists 设置, 立即备份 and 操作日志" "4  设置" "7  立即备份" "8  操作日志"
scr_keys 4
expect_refused "staff pressing 4 (设置)"
expect_line 1 " 系统管理 |" "staff: 4 does not open 设置"
expect_sql "SELECT count(*) FROM audit WHERE action = 'denied' AND actor_name = '工作人员' AND after LIKE '%\"admin\"%'" 1 \
	"staff: the refusal of 设置 is audited (denied, by 工作人员, action admin)"
scr_keys 7
expect_sql "SELECT count(*) FROM audit WHERE action = 'denied' AND actor_name = '工作人员' AND after LIKE '%\"admin\"%'" 2 \
	"staff pressing 7 (立即备份) is refused as the administrator's (action admin) and audited"
expect_eq "$(find "$T" -name "hubdesk-*.db" -path "*backups*" | wc -l | tr -d ' ')" 0 "staff: no backup is made"
scr_keys 8
expect_sql "SELECT count(*) FROM audit WHERE action = 'denied' AND actor_name = '工作人员' AND after LIKE '%\"admin\"%'" 3 \
	"staff pressing 8 (操作日志) is refused as the administrator's (action admin) and audited"
expect_line 1 " 系统管理 |" "staff: 8 does not open 操作日志"
scr_keys F9
expect_line 1 未登录 "F9 signs the staff member out"
scr_keys Escape

# ---------------------------------------------------------------- settings
scr_signin 管理员 246810
scr_keys 9
expect_line 1 " 系统管理 |" "admin: 9 opens 系统管理"
scr_keys 4
expect_line 1 " 设置 |" "admin: 4 opens 设置 (title on line 1)"
expect_line "$EXPLAIN" "$(label centre.name)：" "the first key, centre.name, is selected and explained on row LINES-6, its range on LINES-5"
expect_line "$RANGE" "1 到 40" "centre.name's range is given below it (1 到 40)"

# Down through every key, keeping each screen; then each key of DESIGN.md
# must have been on a row with the value `config get` gives.
: >"$T/settings"
: >"$T/explain"
n=0
for key in $KEYS; do
	[ "$n" -gt 0 ] && scr_keys Down
	scr_wait "  $(label "$key")：" 5 || true
	scr_show >"$T/now"
	cat "$T/now" >>"$T/settings"
	printf '%s\t%s (%s)\n' "$key" "$(sed -n "${EXPLAIN}p" "$T/now" | sed 's/ *$//')" \
		"$(sed -n "${RANGE}p" "$T/now" | sed 's/^ *//; s/ *$//')" >>"$T/explain"
	n=$((n + 1))
done
settings_rows "$T/settings" >"$T/rows"
for key in $KEYS; do
	want=$("$HUBDESK" config get "$key" 2>/dev/null)
	got=$(awk -F'\t' -v k="$key" '$1 == k { print $2; exit }' "$T/rows")
	if grep -q "^$key	" "$T/rows" && [ "$got" = "$want" ]; then
		ok "设置 shows $key with its value '$want'"
	else
		not_ok "设置 shows $key with its value '$want' (got '$got')" \
			"$(tail -n 24 "$T/settings" | sed 's/^/| /')"
	fi
done
expect_line "$EXPLAIN" "$(label centre.code)：" "Down reaches the last key, centre.code"
# scr_width_of TEXT: its width in terminal columns.
scr_width_of() {
	printf '%s' "$1" | python3 -c '
import sys, unicodedata
print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in sys.stdin.read().rstrip()))'
}
# Each key explained, when selected, with its range of DESIGN.md, whole
# (the line ends with the range's closing parenthesis, not cut at the edge).
while read -r key range; do
	line=$(awk -F'\t' -v k="$key" '$1 == k { print $2; exit }' "$T/explain")
	lab=$(label "$key")
	case $line in
	"  $lab："*"$range"*")") ok "selected, $key is explained with its range ($range)" ;;
	"  $lab："*"$range"*) not_ok "selected, $key is explained with its whole range: the line is cut at the right edge ($(scr_width_of "$line") columns), so the range's end (its default and ')') is not shown" "| $line" ;;
	"  $lab："*) not_ok "selected, $key is explained with its range: '$range' is missing (DESIGN.md's range is not told)" "| $line" ;;
	*) not_ok "selected, $key is explained on row $EXPLAIN" "$(sed 's/^/| /' "$T/explain")" ;;
	esac
done <<EOF
centre.name 1 到 40
closing.time 21:00
closed.weekdays 7
retention.days 1 到 3650
idle.seconds 5 到 3600
kiosk.mode on
printer.receipt CUPS
printer.receipt.width 58
printer.a4 CUPS
booking.days_ahead 1 到 90
booking.series_weeks 1 到 52
booking.max_hours 1 到 12
booking.quota_hours_week 0 到 168
booking.checkin_minutes 5 到 60
booking.noshow_limit 1 到 10
booking.noshow_days 7 到 365
booking.suspend_days 0 到 365
booking.cancel_late_hours 0 到 72
centre.code 1 到 12
EOF
# Settings rows: every value starts in the same column, every key too.
expect_eq "$(cut -f3 "$T/rows" | grep -v '^-1$' | sort -u | tr '\n' ' ')" "24 " \
	"the values of the settings line up (column 24)"
expect_eq "$(cut -f4 "$T/rows" | sort -u | tr '\n' ' ')" "53 " "the keys line up in grey (column 53)"

# booking.days_ahead (the 10th key, nine above the last): out of range
# refused, then 30.
for _ in 1 2 3 4 5 6 7 8 9; do scr_keys Up; done
expect_line "$EXPLAIN" "$(label booking.days_ahead)：" "Up selects booking.days_ahead"
expect_line "$RANGE" "1 到 90，默认 14" "booking.days_ahead's range: 1 到 90，默认 14"
sets=$(config_sets)
sum=$(db_digest)
scr_keys Enter
expect_row_has "$(zh Value)" 14 "Enter opens the 值 field holding 14"
# (the shell's printf knows no %ld: the translation's %ld read as %d)
RANGE_MSG=$(printf "$(zh '%s: a whole number from %ld to %ld' | sed 's/%l/%/g')" booking.days_ahead 1 90)
for bad in 91 0; do
	scr_keys C-u
	scr_type $bad
	scr_keys Enter
	expect_status "$RANGE_MSG" "$bad is refused: $RANGE_MSG"
	expect_line "$STATUS" "90" "the message for $bad gives the range's end (90)"
done
expect_eq "$("$HUBDESK" config get booking.days_ahead 2>/dev/null)" 14 "after 91 and 0, config get still says 14"
expect_eq "$(sql "SELECT count(*) FROM setting WHERE key = 'booking.days_ahead'")" 0 "nothing is written to the setting table"
expect_eq "$(config_sets)" "$sets" "no config.set is audited for a refused value"
expect_eq "$(db_digest)" "$sum" "the database is unchanged"
# Esc leaves the field without saving.
scr_type 45
expect_row_has "$(zh Value)" 45 "45 typed"
scr_keys Escape
expect_not_in_rows "$FIELD" "$FIELD" "$(zh Value)" "Esc leaves the 值 field"
expect_line 1 " 设置 |" "Esc in the field stays in 设置"
expect_eq "$("$HUBDESK" config get booking.days_ahead 2>/dev/null)" 14 "Esc saves nothing"
scr_keys Enter
scr_keys C-u
scr_type 30
scr_keys Enter
expect_status "$(printf "$(zh '%s saved.')" "$(label booking.days_ahead)")" "30 is saved: $(label booking.days_ahead) 已保存。"
expect_row_has "$(label booking.days_ahead)" " 30 " "booking.days_ahead" "the list shows booking.days_ahead 30"
expect_eq "$(sql "SELECT value FROM setting WHERE key = 'booking.days_ahead'")" 30 "the setting table holds 30"
expect_eq "$("$HUBDESK" config get booking.days_ahead 2>/dev/null)" 30 "hubdesk config get booking.days_ahead says 30"
expect_eq "$(sql "SELECT actor_name || '|' || before || '|' || after FROM audit WHERE action = 'config.set' ORDER BY id DESC LIMIT 1")" \
	'管理员|{"booking.days_ahead":"14"}|{"booking.days_ahead":"30"}' \
	"config.set is audited by 管理员 with before 14 and after 30"

# centre.name: on the top line at once.
for _ in 1 2 3 4 5 6 7 8 9; do scr_keys Up; done
expect_line "$EXPLAIN" "$(label centre.name)：" "Up selects centre.name"
scr_keys Enter
scr_keys C-u
scr_type "$NEW_CENTRE"
scr_keys Enter
expect_status "$(printf "$(zh '%s saved.')" "$(label centre.name)")" "$(label centre.name) 已保存。"
expect_line 1 "| $NEW_CENTRE" "the top line shows the new centre name at once"
expect_eq "$("$HUBDESK" config get centre.name 2>/dev/null)" "$NEW_CENTRE" "config get centre.name says $NEW_CENTRE"
if scr_line 1 | grep -Fq "$OLD_CENTRE"; then
	not_ok "the old name is gone from the top line" "$(scr_line 1)"
else
	ok "the old name is gone from the top line"
fi
expect_eq "$(scr_width 1)" 79 "the top line fills the 80 columns"

# ---------------------------------------------------------------- backup
scr_keys Escape
expect_line 1 " 系统管理 |" "Esc goes back to 系统管理"
expect_line 1 "| $NEW_CENTRE" "administration's top line has the new name too"
scr_keys 7
expect_status "$BACKUP" "7 names the copy's path on the status line ($BACKUP)"
expect_status "$(printf "$(zh 'A copy of the database is in %s.')" "$BACKUP")" "the whole message is on the status line"
if [ -f "$BACKUP" ]; then
	ok "today's copy exists (backups/hubdesk-$TODAY.db beside the database)"
	expect_eq "$(sqlite3 -batch "$BACKUP" 'PRAGMA integrity_check' 2>&1)" ok "the copy passes integrity_check"
	expect_eq "$(sqlite3 -batch "$BACKUP" "SELECT value FROM setting WHERE key = 'booking.days_ahead'" 2>&1)" 30 \
		"the copy holds the settings just saved (booking.days_ahead 30)"
else
	not_ok "today's copy exists at $BACKUP" "$(ls -la "$T" "$T/backups" 2>&1)"
fi
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'backup' AND actor_name = '管理员'")" 1 "the backup is audited"

# ---------------------------------------------------------------- audit log
scr_keys 8
expect_line 1 " 操作日志 |" "8 opens 操作日志 (title on line 1)"
expect_screen_all "the four filter fields" "$(zh Date)" "$(zh Person)" "$(zh Desk)" "$(zh Action)"
expect_line "$LIST_TOP" "$(zh Backup)" "the newest entry (backup, 备份) is first"
expect_line $((LIST_TOP + 1)) "$(zh 'Setting changed')" "then the change of centre.name (修改设置)"
expect_line $((LIST_TOP + 1)) "管理员" "by 管理员"
expect_line $((LIST_TOP + 2)) "$(zh 'Setting changed')" "then the change of booking.days_ahead"
expect_line "$LIST_TOP" "$TODAY 09:00" "the entry's time is shown"
scr_keys Down
expect_line "$CHANGE_ROW" "$(label centre.name)：$OLD_CENTRE → $NEW_CENTRE" \
	"Down: the selected entry's change, in words: the setting's name, old → new"
scr_keys Down
expect_line "$CHANGE_ROW" "$(label booking.days_ahead)：14 → 30" "Down: the older change, 14 → 30"
cols=$(list_rows | python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print(" ".join(sorted({str(2 + w(l[2:][:l[2:].index(l[2:].split()[2])])) for l in sys.stdin.read().splitlines()})))')
expect_eq "$cols" 20 "the actions line up (column 20)"

# Filter by action: config.
scr_keys Tab Tab Tab Tab
scr_type config.
expect_row_has "$(zh Action)" config. "Tab moves to 操作; config. is typed"
scr_keys Enter
n_config=$(sql "SELECT count(*) FROM audit WHERE action LIKE 'config.%'")
expect_rows "^[> ] [0-9-]+ [0-9:]+  $(zh 'Setting changed') " "filter 操作 config.: only config entries"
expect_eq "$(list_rows | wc -l | tr -d ' ')" "$n_config" "filter config.: all $n_config config entries"
expect_line "$CHANGE_ROW" "$(label centre.name)：$OLD_CENTRE → $NEW_CENTRE" "filter config.: the newest (centre.name) is first and selected"

# Filter by person: 管理员 (the action field emptied).
scr_keys Tab Tab
scr_type 管理员
scr_keys Tab Tab C-u Enter
n_admin=$(sql "SELECT count(*) FROM audit WHERE instr(ifnull(actor_name, actor), '管理员') > 0")
[ "$n_admin" -gt 11 ] && n_admin=11
expect_rows '^[> ] [0-9-]+ [0-9:]+  [^ ]+ +管理员 ' "filter 人员 管理员: only 管理员's entries"
expect_eq "$(list_rows | wc -l | tr -d ' ')" "$n_admin" "filter 管理员: $n_admin entries"
if list_rows | grep -Eq "$(zh 'Signed in') +管理员" && list_rows | grep -q "$(zh Backup)"; then
	ok "filter 管理员: the sign-in and the backup are there"
else
	not_ok "filter 管理员: the sign-in and the backup are there" "$(scr_show | sed 's/^/| /')"
fi

# A date with no entries (the person emptied).
scr_keys Tab
scr_type 2026-11-22
scr_keys Tab C-u Tab Tab Enter
expect_line "$LIST_TOP" 没有符合的记录。 "filter 日期 2026-11-22 (no entries): 没有符合的记录。"
expect_eq "$(list_rows | wc -l | tr -d ' ')" 0 "no entry row"
expect_no_screen "→" "no change is shown"
scr_keys Tab C-u
scr_type "$TODAY"
scr_keys Tab Tab Tab Enter
expect_line "$LIST_TOP" "$(zh Backup)" "filter 日期 $TODAY: today's entries again, newest first"

# Esc leaves the fields, then the screen. While the keys are in the filter
# fields no entry carries the selection's marker (>).
scr_keys Tab
expect_rows '^  ' "Tab goes into the filter fields: no entry shows as selected"
scr_keys Escape
expect_selection "Esc in the filter fields gives the keys back to the list (> shows again)"
expect_line 1 " 操作日志 |" "Esc in the filter fields leaves the fields, not the screen"
scr_keys Escape
expect_line 1 " 系统管理 |" "Esc again goes back to 系统管理"

# An entry of the command line shows who in words, and the desk column
# lines up whatever the width of the name before it.
hd config set booking.noshow_limit 4 >/dev/null 2>&1
scr_keys 8
expect_line "$LIST_TOP" "$(zh 'Setting changed')" "8 again: the command line's change of a setting is the newest"
expect_line "$LIST_TOP" "$(zh 'command line')" "its actor reads $(zh 'command line')"
expect_no_screen "command-line" "no raw actor word is shown"
desks=$(list_rows | python3 -c '
import sys, unicodedata
w = lambda c: 2 if unicodedata.east_asian_width(c) in "WF" else 1
cols = set()
for l in sys.stdin.read().splitlines():
    x, at = 0, {}
    for c in l:
        at[x] = c
        x += w(c)
    cols.add((at.get(56 - 1, " ") == " ", at.get(56, " ") != " "))
print(" ".join(sorted(str(c) for c in cols)))')
expect_eq "$desks" "(True, True)" "every entry's desk starts at column 56"
scr_keys Escape
expect_line 1 " 系统管理 |" "Esc goes back to 系统管理"

# ---------------------------------------------------------------- idle
scr_keys 4
expect_line 1 " 设置 |" "设置 again"
for _ in 1 2 3 4; do scr_keys Down; done
expect_line "$EXPLAIN" "$(label idle.seconds)：" "Down selects idle.seconds"
expect_line "$RANGE" "5 到 3600" "its range: 5 到 3600"
scr_keys Enter
scr_keys C-u
scr_type 5
scr_keys Enter
expect_status "$(printf "$(zh '%s saved.')" "$(label idle.seconds)")" "idle.seconds 5 is saved"
# The settings (an admin's form) wait five times as long: administration
# does not.
scr_keys Escape
expect_line 1 " 系统管理 |" "Esc goes back to 系统管理"
start=$(now_ms)
if scr_wait 未登录 12; then
	took=$(($(now_ms) - start))
	if [ "$took" -ge 4000 ] && [ "$took" -le 8000 ]; then
		ok "the idle reset comes after about 5 s (${took} ms), not 60"
	else
		not_ok "the idle reset comes after about 5 s: it came after ${took} ms"
	fi
else
	not_ok "the idle reset comes about 5 s after idle.seconds is set to 5: it never came" \
		"$(scr_show | sed 's/^/| /')"
fi
expect_line 1 " 首页 |" "the idle reset shows home"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'signout.idle' AND actor_name = '管理员'")" 1 \
	"the idle sign-out is audited"
expect_eq "$("$HUBDESK" config get idle.seconds 2>/dev/null)" 5 "config get idle.seconds says 5"

# ---------------------------------------------------------------- English
scr_stop
"$HUBDESK" config set idle.seconds 60 >/dev/null 2>&1 || not_ok "config set idle.seconds 60"
scr_start 80 24 --lang en
expect_line 1 Home "English: home"
scr_keys F9
expect_line 1 " Sign in |" "English: F9 opens Sign in"
scr_type 管理员
scr_keys Tab
scr_type 246810
scr_keys Enter
expect_line 1 "管理员 (Admin)" "English: 管理员 signed in"
scr_keys 9
scr_keys 4
expect_line 1 " Settings | $NEW_CENTRE" "English: 9 4 opens Settings, with the new centre name"

# ---------------------------------------------------------------- widths
wide=$(python3 - "$T/seen" <<'EOF'
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for line in open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines():
    if w(line.rstrip()) > 80:
        print("%d: %s" % (w(line.rstrip()), line))
EOF
)
if [ -z "$wide" ]; then
	ok "no line wider than 80 columns on any of the $(grep -c '' "$T/seen") screen lines read"
else
	not_ok "no line wider than 80 columns" "$wide"
fi

done_testing
