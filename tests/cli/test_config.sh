# SPDX-License-Identifier: GPL-3.0-or-later
# test_config.sh - hubdesk config list | get | set: every key of DESIGN.md
# with its default, the checks of each type, the audit row.
. "$(dirname "$0")/../lib.sh"

TAB=$(printf '\t')
hd init 2>/dev/null

# value_in_list KEY: the value column of KEY's line in the last stdout.
value_in_list() {
	awk -F'\t' -v k="$1" 'NR > 1 && $1 == k { print $2; n++ } END { if (n != 1) print "(" n + 0 " lines)" }' "$T/out"
}

# The keys of DESIGN.md and their defaults (centre.name has none there).
DEFAULTS="closing.time=21:00
closed.weekdays=
retention.days=180
idle.seconds=60
kiosk.mode=off
printer.receipt=
printer.receipt.width=80
printer.a4=
booking.days_ahead=14
booking.series_weeks=12
booking.max_hours=4
booking.quota_hours_week=8
booking.checkin_minutes=15
booking.noshow_limit=3
booking.noshow_days=90
booking.suspend_days=30
booking.cancel_late_hours=2
centre.code=HD
input.pinyin=on"

expect_rc 0 "config list" hd config list
expect_lines 21 "config list: a header and 20 keys"
first=$(head -n 1 "$T/out" | cut -f1)
case $first in
*.*) not_ok "config list starts with a header: '$first'" ;;
*) ok "config list starts with a header line" ;;
esac
bad=$(awk -F'\t' 'NR > 1 && (NF < 2 || $1 !~ /^[a-z0-9_.]+$/)' "$T/out")
expect_eq "$bad" "" "every line after the header is KEY<TAB>VALUE..."
name=$(value_in_list centre.name)
if [ -n "$name" ] && [ "$name" != "(0 lines)" ]; then ok "centre.name is listed with a name"; else not_ok "centre.name is listed: '$name'"; fi
echo "$DEFAULTS" | while IFS='=' read -r key def; do
	echo "$key=$(value_in_list "$key")"
done >"$T/listed"
expect_eq "$(cat "$T/listed")" "$DEFAULTS" "config list shows every key with its default"

# get prints the value alone.
expect_rc 0 "config get retention.days" hd config get retention.days
expect_eq "$(cat "$T/out")" 180 "config get prints the default value alone"
expect_lines 1 "config get prints one line"
expect_rc 0 "config get of an empty value" hd config get closed.weekdays
expect_eq "$(cat "$T/out")" "" "config get prints the empty value alone"
expect_rc 0 "config get kiosk.mode" hd config get kiosk.mode
expect_eq "$(cat "$T/out")" off "kiosk.mode is off by default"

# set_ok KEY VALUE SHOWN: the set passes and get shows SHOWN.
set_ok() {
	expect_rc 0 "config set $1 '$2'" hd config set "$1" "$2"
	run hd config get "$1"
	expect_eq "$(cat "$T/out")" "$3" "config get $1 shows '$3'"
}

# set_bad KEY VALUE WHAT: the set exits 2 with a message naming the key, and
# the database is unchanged.
set_bad() {
	_before=$(db_digest)
	expect_rc 2 "config set $1 $3" hd config set "$1" "$2"
	expect_err "$(echo "$1" | sed 's/\./[.]/g')" "the message names $1"
	expect_eq "$(db_digest)" "$_before" "a refused set of $1 writes nothing"
}

# Text.
set_ok centre.name 花园街道社会组织服务中心 花园街道社会组织服务中心
forty=一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十
set_ok centre.name "$forty" "$forty"
set_bad centre.name "${forty}一" "of 41 characters"
set_bad centre.name "" "empty"
set_bad centre.name "$(printf 'a\tb')" "with a tab"
set_bad centre.name "$(printf 'a\033[2Jb')" "with an escape sequence"
set_bad centre.name "$(printf 'a\377b')" "of invalid UTF-8"

# The centre's code (the start of filing numbers): capitals and digits.
set_ok centre.code GL GL
set_ok centre.code hd2 HD2
set_ok centre.code ABCDEFGHIJ12 ABCDEFGHIJ12
set_bad centre.code ABCDEFGHIJ123 "of 13 characters"
set_bad centre.code "" "empty"
set_bad centre.code H-D "with a hyphen"
set_bad centre.code 花园 "in Chinese"
set_ok centre.code HD HD

# Time.
set_ok closing.time 20:30 20:30
set_ok closing.time 21:00 21:00
set_bad closing.time 24:00 "24:00"
set_bad closing.time 21:60 "21:60"
set_bad closing.time 21 "without minutes"
set_bad closing.time abc "not a time"

# Weekdays: ISO numbers, normalised.
set_ok closed.weekdays "7,1" "1,7"
set_ok closed.weekdays "6" "6"
set_ok closed.weekdays "" ""
set_bad closed.weekdays 0 "0"
set_bad closed.weekdays 8 "8"
set_bad closed.weekdays "1,x" "1,x"
set_bad closed.weekdays mon "mon"

# Whole numbers: each key's bounds.
for spec in retention.days:1:3650 idle.seconds:5:3600 booking.days_ahead:1:90 \
	booking.series_weeks:1:52 booking.max_hours:1:12 booking.quota_hours_week:0:168 \
	booking.checkin_minutes:5:60 booking.noshow_limit:1:10 booking.noshow_days:7:365 \
	booking.suspend_days:0:365 booking.cancel_late_hours:0:72; do
	key=${spec%%:*}
	range=${spec#*:}
	min=${range%:*}
	max=${range#*:}
	set_ok "$key" "$min" "$min"
	set_ok "$key" "$max" "$max"
	expect_rc 2 "config set $key below $min" hd config set "$key" $((min - 1))
	expect_err "$key" "the message names $key"
	expect_rc 2 "config set $key above $max" hd config set "$key" $((max + 1))
	expect_err "$key" "the message names $key"
done
set_bad retention.days abc "abc"
set_bad retention.days 1.5 "1.5"
set_bad retention.days "" "empty"
set_bad retention.days 0x10 "0x10"
set_bad retention.days 99999999999999999999 "past any integer"

# On/off, queue names, paper width.
set_ok kiosk.mode on on
set_ok kiosk.mode off off
set_bad kiosk.mode yes "yes"
set_ok printer.receipt receipt_80 receipt_80
set_ok printer.receipt "" ""
set_ok printer.a4 A4-office A4-office
set_bad printer.receipt "my printer" "with a space"
set_bad printer.a4 "a/b" "with a slash"
set_ok printer.receipt.width 58 58
set_ok printer.receipt.width 80 80
set_bad printer.receipt.width 70 "70"
set_bad printer.receipt.width "" "empty"

# Unknown keys and bad usage.
before=$(db_digest)
expect_rc 2 "config get of an unknown key" hd config get no.such.key
expect_err "no[.]such[.]key" "the message names the unknown key"
expect_rc 2 "config set of an unknown key" hd config set no.such.key 1
expect_err "no[.]such[.]key" "the message names the unknown key"
expect_rc_err 2 'config: use config get KEY \| set KEY VALUE \| list' "config alone" hd config
expect_rc_err 2 'config: use config get KEY \| set KEY VALUE \| list' "config with an unknown action" hd config frob
expect_rc_err 2 'config: use config get KEY \| set KEY VALUE \| list' "config get without a key" hd config get
expect_rc_err 2 'config: use config get KEY \| set KEY VALUE \| list' "config set without a value" hd config set retention.days
expect_rc_err 2 'config: unexpected argument 6' "config set with one value too many" hd config set retention.days 5 6
expect_rc_err 2 'config: use config get KEY \| set KEY VALUE \| list' "config list with an argument" hd config list extra
expect_rc_err 2 'config: unknown option --all' "config with an unknown option" hd config list --all
expect_eq "$(db_digest)" "$before" "bad usage writes nothing"

# Messages in the default language name the key too.
expect_rc 2 "config set out of range (default language)" "$HUBDESK" config set idle.seconds 4
expect_err "idle[.]seconds" "the message names the key in the default language"

# The audit log.
hd config set retention.days 100 2>/dev/null
n=$(sql "SELECT count(*) FROM audit WHERE action = 'config.set'")
expect_rc 0 "config set with --desk" hd --desk 前台一 config set retention.days 30
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'config.set'")" $((n + 1)) \
	"a set writes one config.set audit row"
row=$(sql "SELECT desk, actor, at FROM audit WHERE action = 'config.set' ORDER BY id DESC LIMIT 1")
expect_eq "${row%%|*}" 前台一 "the audit row names the desk of --desk"
case $row in
*"||"* | *"|") not_ok "the audit row names the actor and time: '$row'" ;;
*) ok "the audit row names the actor and time" ;;
esac
expect_eq "$(sql "SELECT at FROM audit WHERE action = 'config.set' ORDER BY id DESC LIMIT 1")" \
	1795395600 "the audit time is HUBDESK_NOW"
after=$(sql "SELECT after FROM audit WHERE action = 'config.set' ORDER BY id DESC LIMIT 1")
before_v=$(sql "SELECT coalesce(before, '') FROM audit WHERE action = 'config.set' ORDER BY id DESC LIMIT 1")
case $after in *30*) ok "the audit row holds the new value" ;; *) not_ok "the audit row holds the new value: '$after'" ;; esac
expect_eq "$(sql "SELECT count(*) FROM audit WHERE id = (SELECT max(id) FROM audit WHERE action = 'config.set')
	AND coalesce(record, '') || ' ' || coalesce(CAST(record_id AS TEXT), '') || ' ' || coalesce(before, '') || ' ' || coalesce(after, '')
	LIKE '%retention.days%'")" 1 "the audit row names the key that changed"
case $before_v in *100*) ok "the audit row holds the old value" ;; *) not_ok "the audit row holds the old value: '$before_v'" ;; esac
n=$(sql "SELECT count(*) FROM audit")
expect_rc_err 2 'retention[.]days: a whole number from 1 to 3650' "a refused set" hd config set retention.days 0
expect_eq "$(sql "SELECT count(*) FROM audit")" "$n" "a refused set writes no audit row"
run hd config get retention.days
expect_eq "$(cat "$T/out")" 30 "a refused set keeps the value"

# Settings live in the database: another database has its own.
OTHER=$(new_db other)
hd --db "$OTHER" init 2>/dev/null
run hd --db "$OTHER" config get retention.days
expect_eq "$(cat "$T/out")" 180 "another database keeps its defaults"

# The value is alone on stdout, the tab-separated list stays parseable.
set_ok centre.name "中心 甲" "中心 甲"
run hd config list
expect_eq "$(grep -c "^centre[.]name${TAB}中心 甲${TAB}" "$T/out")" 1 "config list shows the set name"

# Values are checked whole: a value longer than the program's buffer must not
# be cut to a valid one.
pad=$(printf '%300s' '')
set_bad retention.days "7${pad}junk" "with junk after 300 spaces"
set_bad centre.name "名字${pad}x" "of 303 characters"

done_testing
