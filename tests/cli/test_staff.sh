# SPDX-License-Identifier: GPL-3.0-or-later
# test_staff.sh - hubdesk staff add | list | disable | reset-pin | roles and
# org|team set-pin: the demo accounts, roles by word, number and Chinese name,
# PINs from one line of stdin (shape checked: 6 to 12 digits for staff, 4 to
# 12 for bookers), duplicates, unknown ids, disabling (twice; never the last
# administrator), the audit rows, and privacy: no PIN in clear in the
# database, its WAL, the audit log or anything printed.
. "$(dirname "$0")/../lib.sh"

TAB=$(printf '\t')

# Everything printed by every command is kept in $T/all, for the privacy
# checks at the end.
: >"$T/all"
run() {
	"$@" >"$T/out" 2>"$T/err" </dev/null
	RC=$?
	cat "$T/out" "$T/err" >>"$T/all"
}

# feed INPUT CMD...: like run, with INPUT (a printf format: '580417\n') as
# stdin, as a PIN is given when stdin is not a terminal.
feed() {
	_in=$1
	shift
	# shellcheck disable=SC2059 # the input is a format on purpose (\n, \r)
	printf "$_in" | "$@" >"$T/out" 2>"$T/err"
	RC=$?
	cat "$T/out" "$T/err" >>"$T/all"
}

# expect_feed CODE WHAT INPUT CMD...: feed, then check the exit code.
expect_feed() {
	_want=$1 _what=$2
	shift 2
	feed "$@"
	if [ "$RC" = "$_want" ]; then
		ok "$_what (exit $_want)"
	else
		not_ok "$_what: exit $RC, expected $_want" "stdout: $(head -c 400 "$T/out")" \
			"stderr: $(head -c 400 "$T/err")"
	fi
}

# with_stdin INPUT CMD...: CMD with INPUT (a printf format) as stdin.
with_stdin() {
	_in=$1
	shift
	# shellcheck disable=SC2059 # the input is a format on purpose (\n, \r)
	printf "$_in" | "$@"
}

# expect_feed_err CODE PATTERN WHAT INPUT CMD...: expect_rc_err with INPUT as
# stdin: the exit code and the message that names the refusing rule.
expect_feed_err() {
	_code=$1 _pat=$2 _w=$3
	shift 3
	expect_rc_err "$_code" "$_pat" "$_w" with_stdin "$@"
}

# expect_record NAME WHAT: stdout is the one line ID<TAB>-<TAB>NAME; sets $ID.
expect_record() {
	expect_lines 1 "$2: one line"
	if grep -Eq "^[0-9]+${TAB}-${TAB}$1\$" "$T/out"; then
		ok "$2: the line is ID<TAB>-<TAB>$1"
	else
		not_ok "$2: the line is ID<TAB>-<TAB>$1" "stdout: $(cat "$T/out")"
	fi
	ID=$(cut -f1 "$T/out")
}

# hash_matches SQL PIN: "yes" when the Argon2id hash the query returns
# verifies PIN (libsodium through python3's ctypes), "no" when not, "skip"
# when libsodium cannot be loaded here.
hash_matches() {
	sql "$1" | python3 -c '
import ctypes, ctypes.util, sys
name = ctypes.util.find_library("sodium")
if not name:
    print("skip"); sys.exit()
s = ctypes.CDLL(name)
s.sodium_init()
h = sys.stdin.read().strip().encode()
p = sys.argv[1].encode()
print("yes" if s.crypto_pwhash_str_verify(h, p, len(p)) == 0 else "no")' "$2" 2>/dev/null || echo skip
}

# expect_hash SQL PIN WANT WHAT: hash_matches gives WANT (or a skip).
expect_hash() {
	_got=$(hash_matches "$1" "$2")
	if [ "$_got" = skip ]; then
		skip "$4" "libsodium not loadable from python3"
	else
		expect_eq "$_got" "$3" "$4"
	fi
}

# The PINs of this file. None of them occurs in the demo data (a demo phone
# holds 654321, so that one is not used here).
DEMO_PINS="246810 135790 112233 8642"
PIN_ADD=580417
PIN_RESET=719264
PIN_BOOK_ORG=7391
PIN_BOOK_TEAM=407182
PIN_ROLES=30641
BAD_PINS="97531 9753197531975 58o417 4172"
ALL_PINS="$DEMO_PINS $PIN_ADD $PIN_RESET $PIN_BOOK_ORG $PIN_BOOK_TEAM $BAD_PINS"

# The demo accounts.
expect_rc 0 "init --demo" hd init --demo
expect_eq "$(sql "SELECT name || ':' || role FROM staff ORDER BY id" | tr '\n' ' ')" \
	"管理员:3 工作人员:2 志愿者:1 " "init --demo makes 管理员 (admin), 工作人员 (staff), 志愿者 (volunteer)"
expect_eq "$(sql "SELECT count(*) FROM staff WHERE pin_hash LIKE '\$argon2id\$%' AND disabled = 0")" 3 \
	"the demo accounts are enabled, their PINs Argon2id hashes"
expect_hash "SELECT pin_hash FROM staff WHERE name = '管理员'" 246810 yes "管理员's PIN is 246810"
expect_hash "SELECT pin_hash FROM staff WHERE name = '工作人员'" 135790 yes "工作人员's PIN is 135790"
expect_hash "SELECT pin_hash FROM staff WHERE name = '志愿者'" 112233 yes "志愿者's PIN is 112233"
expect_hash "SELECT pin_hash FROM staff WHERE name = '志愿者'" 135790 no "志愿者's hash refuses another PIN"
expect_hash "SELECT pin_hash FROM org WHERE id = 1" 8642 yes "the demo organisations' booking PIN is 8642"
expect_hash "SELECT pin_hash FROM team WHERE id = 1" 8642 yes "the demo teams' booking PIN is 8642"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'staff.add'")" 3 "one staff.add audit row per demo account"

expect_rc 0 "staff list" hd staff list
expect_lines 4 "staff list: a header and the three demo accounts"
case $(head -n 1 "$T/out") in
*[0-9]*) not_ok "staff list starts with a header" "$(head -n 1 "$T/out")" ;;
*"${TAB}"*) ok "staff list starts with a tab-separated header" ;;
*) not_ok "staff list starts with a tab-separated header" "$(head -n 1 "$T/out")" ;;
esac
bad=$(awk -F'\t' 'NR > 1 && ($1 !~ /^[0-9]+$/ || NF < 3)' "$T/out")
expect_eq "$bad" "" "each staff line is tab-separated with the id first"
for spec in 管理员:Admin 工作人员:Staff 志愿者:Volunteer; do
	name=${spec%:*}
	role=${spec#*:}
	id=$(sql "SELECT id FROM staff WHERE name = '$name'")
	expect_eq "$(awk -F'\t' -v id="$id" 'NR > 1 && $1 == id { print $2 "|" $3 }' "$T/out")" \
		"$name|$role" "staff list: $id is $name, role $role"
done
expect_rc 0 "staff list in Chinese" "$HUBDESK" staff list
expect_eq "$(awk -F'\t' 'NR > 1 { print $2 ":" $3 }' "$T/out" | sort | tr '\n' ' ')" \
	"$(printf '%s\n' 工作人员:工作人员 志愿者:志愿者 管理员:管理员 | sort | tr '\n' ' ')" \
	"staff list in Chinese names the roles in Chinese"
expect_no_out '\$argon2' "staff list shows no hash"

# staff add, the PIN as one line of stdin.
expect_feed 0 "staff add --role volunteer with a PIN on stdin" "$PIN_ADD\n" \
	hd staff add --name 张三 --role volunteer
expect_record 张三 "staff add"
id_zhang=$ID
expect_eq "$(sql "SELECT name || '|' || role || '|' || disabled FROM staff WHERE id = $id_zhang")" "张三|1|0" \
	"the account is stored: 张三, volunteer, enabled"
expect_hash "SELECT pin_hash FROM staff WHERE id = $id_zhang" "$PIN_ADD" yes "its hash verifies the PIN given"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'staff.add' AND record_id = $id_zhang")" 1 \
	"staff add writes one staff.add audit row"
expect_eq "$(sql "SELECT $(json_at after name) || ' ' || $(json_at after role) FROM audit WHERE action = 'staff.add' AND record_id = $id_zhang")" \
	"张三 1" "the audit row holds the account's name and role"
run hd staff list
expect_out "^$id_zhang${TAB}张三${TAB}Volunteer" "staff list shows the new account"

# Roles by word, by number, by Chinese name.
n=0
for spec in volunteer:1 staff:2 admin:3 1:1 2:2 3:3 志愿者:1 工作人员:2 管理员:3; do
	role=${spec%:*}
	want=${spec#*:}
	n=$((n + 1))
	expect_feed 0 "staff add --role $role" "$PIN_ROLES$n\n" hd staff add --name "角色$n" --role "$role"
	expect_eq "$(sql "SELECT role FROM staff WHERE name = '角色$n'")" "$want" "role '$role' is role $want"
done
ALL_PINS="$ALL_PINS $(for i in 1 2 3 4 5 6 7 8 9; do printf '%s ' "$PIN_ROLES$i"; done)"

# A PIN of 12 digits, and one ended by CR LF, are taken.
expect_feed 0 "staff add with a 12-digit PIN" "630518274915\n" hd staff add --name 十二位 --role 1
expect_feed 0 "staff add with a PIN line ended by CR LF" "630518\r\n" hd staff add --name 回车 --role 1
expect_hash "SELECT pin_hash FROM staff WHERE name = '回车'" 630518 yes "the CR is not part of the PIN"
ALL_PINS="$ALL_PINS 630518274915 630518"

# Bad input: exit 2, nothing written.
before=$(db_digest)
expect_feed 2 "a PIN of 5 digits" "97531\n" hd staff add --name 新人 --role 1
expect_err "PIN" "the message names the PIN"
expect_err "6 to 12" "the message says 6 to 12 digits"
expect_feed_err 2 '^hubdesk: PIN: 6 to 12 digits' "a PIN of 13 digits" "9753197531975\n" hd staff add --name 新人 --role 1
expect_feed_err 2 '^hubdesk: PIN: 6 to 12 digits' "a PIN with a letter" "58o417\n" hd staff add --name 新人 --role 1
expect_feed_err 2 '^hubdesk: PIN: 6 to 12 digits' "a PIN of letters" "abcdef\n" hd staff add --name 新人 --role 1
expect_feed_err 2 '^hubdesk: PIN: 6 to 12 digits' "a PIN with a space" "580 417\n" hd staff add --name 新人 --role 1
expect_feed_err 2 '^hubdesk: PIN: 6 to 12 digits' "a PIN in full-width digits" "５８０４１７\n" hd staff add --name 新人 --role 1
expect_feed_err 2 '^hubdesk: PIN: 6 to 12 digits' "a staff PIN of 4 digits" "4172\n" hd staff add --name 新人 --role 1
expect_feed 2 "an empty stdin" "" hd staff add --name 新人 --role 1
expect_err "PIN" "the message names the PIN"
expect_feed_err 2 '^hubdesk: PIN: 6 to 12 digits' "an empty line on stdin" "\n" hd staff add --name 新人 --role 1
expect_rc_err 2 '^hubdesk: PIN: 6 to 12 digits' "stdin from /dev/null" hd staff add --name 新人 --role 1
expect_feed 2 "staff add without --name" "$PIN_ADD\n" hd staff add --role 1
expect_err "--name" "the message names --name"
expect_feed 2 "staff add without --role" "$PIN_ADD\n" hd staff add --name 新人
expect_err "--role" "the message names --role"
for role in boss 0 5 Admin2 老板 ""; do
	expect_feed 2 "staff add with role '$role'" "$PIN_ADD\n" hd staff add --name 新人 --role "$role"
	expect_err "[Rr]ole" "the message names the role"
done
# A district account reads every centre of a district's PostgreSQL
# database; a SQLite file holds one centre.
if ! on_pg; then
	for role in district 4 区级管理员; do
		expect_feed_err 2 "^hubdesk: --role: district accounts need a district's PostgreSQL database" \
			"staff add --role $role on SQLite" "$PIN_ADD\n" hd staff add --name 新人 --role "$role"
	done
fi
expect_feed 2 "staff add with an empty name" "$PIN_ADD\n" hd staff add --name "" --role 1
expect_err "[Nn]ame" "the message names the name"
expect_feed_err 2 'Name is required' "staff add with a name of spaces" "$PIN_ADD\n" hd staff add --name "   " --role 1
forty=一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十
expect_feed 2 "staff add with a name of 41 characters" "$PIN_ADD\n" hd staff add --name "${forty}一" --role 1
expect_err "[Nn]ame" "the message names the name"
for bad in 'a\tb' 'a\nb' 'a\033[31mb' 'a\177b' 'a\377b'; do
	expect_feed 2 "staff add with the name '$bad'" "$PIN_ADD\n" hd staff add --name "$(printf "$bad")" --role 1
	expect_err "[Nn]ame" "the message names the name"
done
expect_feed_err 2 'staff add: unknown option --colour' "staff add with an unknown option" "$PIN_ADD\n" hd staff add --name 新人 --role 1 --colour red
expect_feed_err 2 'staff add: unexpected argument extra' "staff add with a stray argument" "$PIN_ADD\n" hd staff add --name 新人 --role 1 extra
expect_rc_err 2 'staff: use staff add \| list \| disable ID \| reset-pin ID \| roles' "staff alone" hd staff
expect_rc_err 2 'staff: use staff add \| list \| disable ID \| reset-pin ID \| roles' "staff with an unknown action" hd staff frob
expect_rc_err 2 'staff list: unexpected argument extra' "staff list with an argument" hd staff list extra
expect_rc_err 2 'staff: use staff add \| list \| disable ID \| reset-pin ID \| roles' "staff roles with an argument" hd staff roles extra
expect_eq "$(db_digest)" "$before" "refused staff commands wrote nothing (no account, no audit row)"

# Duplicates: exit 3.
expect_feed 3 "staff add with a name taken" "$PIN_ADD\n" hd staff add --name 张三 --role 2
expect_err "张三" "the message names the account"
expect_feed_err 3 'an account named 张三 exists already' "staff add with a name taken, in spaces" "$PIN_ADD\n" hd staff add --name "  张三　" --role 2
expect_feed_err 3 'an account named 管理员 exists already' "staff add with a demo name" "$PIN_ADD\n" hd staff add --name 管理员 --role 3
expect_feed_err 3 '名为 张三 的账号' "a duplicate in the default language" "$PIN_ADD\n" "$HUBDESK" staff add --name 张三 --role 1
expect_eq "$(db_digest)" "$before" "refused duplicates wrote nothing"

# Ids: unknown 4, malformed 2.
expect_rc 4 "staff disable of an unknown id" hd staff disable 999
expect_err "999" "the message names the id"
expect_feed 4 "staff reset-pin of an unknown id" "$PIN_RESET\n" hd staff reset-pin 999
expect_err "999" "the message names the id"
for id in abc 1x 0 -1 1.5; do
	expect_rc_err 2 "staff disable: ID must be a number from 1 to 999999999999, not $id\$" "staff disable '$id'" hd staff disable "$id"
	expect_feed_err 2 "staff reset-pin: ID must be a number from 1 to 999999999999, not $id\$" "staff reset-pin '$id'" "$PIN_RESET\n" hd staff reset-pin "$id"
done
expect_rc_err 2 'staff disable: give the ID \(a whole number\)$' "staff disable without an id" hd staff disable
expect_rc_err 2 'staff disable: give the ID \(a whole number\)$' "staff disable ''" hd staff disable ""
expect_feed_err 2 'staff reset-pin: give the ID \(a whole number\)$' "staff reset-pin ''" "$PIN_RESET\n" hd staff reset-pin ""
expect_rc_err 2 'staff disable: unexpected argument 2' "staff disable with two ids" hd staff disable 1 2
expect_eq "$(db_digest)" "$before" "refused disable and reset-pin wrote nothing"

# Disabling: once, then again ("already", exit 0).
expect_rc 0 "staff disable of 张三" hd staff disable "$id_zhang"
expect_eq "$(sql "SELECT disabled FROM staff WHERE id = $id_zhang")" 1 "张三 is disabled"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'staff.disable' AND record_id = $id_zhang")" 1 \
	"staff disable writes one staff.disable audit row"
expect_eq "$(sql "SELECT $(json_at after disabled) FROM audit WHERE action = 'staff.disable' AND record_id = $id_zhang")" \
	1 "the audit row shows the account disabled"
run hd staff list
expect_eq "$(awk -F'\t' -v id="$id_zhang" 'NR > 1 && $1 == id { print $4 }' "$T/out")" disabled \
	"staff list shows 张三 disabled"
expect_eq "$(awk -F'\t' -v id=2 'NR > 1 && $1 == id { print $4 }' "$T/out")" active \
	"staff list shows 工作人员 active"
mid=$(db_digest)
expect_rc 0 "staff disable of 张三 again" hd staff disable "$id_zhang"
expect_err "already" "the second disable says it was disabled already"
expect_eq "$(db_digest)" "$mid" "the second disable writes nothing"
expect_feed_err 3 'an account named 张三 exists already' "a disabled account's name stays taken" "$PIN_ADD\n" hd staff add --name 张三 --role 1

# The last enabled administrator cannot be disabled.
for name in 角色3 角色6 角色9; do
	expect_rc 0 "staff disable of the administrator $name" hd staff disable "$(sql "SELECT id FROM staff WHERE name = '$name'")"
done
mid=$(db_digest)
expect_rc 3 "staff disable of the last enabled administrator" hd staff disable 1
expect_err "管理员" "the message names the administrator"
expect_eq "$(sql "SELECT disabled FROM staff WHERE id = 1")" 0 "管理员 stays enabled"
expect_eq "$(db_digest)" "$mid" "the refusal wrote nothing"
expect_rc 0 "staff disable of a staff member" hd staff disable "$(sql "SELECT id FROM staff WHERE name = '角色2'")"

# reset-pin: a new PIN, the lock lifted.
old=$(sql "SELECT pin_hash FROM staff WHERE id = 2")
sql "UPDATE staff SET failures = 5, locked_until = $(date -u -d 2026-11-23T01:15:00 +%s) WHERE id = 2"
expect_feed_err 2 '^hubdesk: New PIN: 6 to 12 digits' "staff reset-pin with a PIN of 5 digits" "97531\n" hd staff reset-pin 2
expect_feed_err 2 '^hubdesk: New PIN: 6 to 12 digits' "staff reset-pin with an empty stdin" "" hd staff reset-pin 2
expect_eq "$(sql "SELECT pin_hash FROM staff WHERE id = 2")" "$old" "refused resets keep the PIN"
expect_feed 0 "staff reset-pin of 工作人员" "$PIN_RESET\n" hd staff reset-pin 2
expect_eq "$(cat "$T/out")" "" "staff reset-pin prints nothing on stdout"
new=$(sql "SELECT pin_hash FROM staff WHERE id = 2")
if [ "$new" != "$old" ]; then ok "the hash changed"; else not_ok "the hash changed"; fi
expect_hash "SELECT pin_hash FROM staff WHERE id = 2" "$PIN_RESET" yes "the new hash verifies the new PIN"
expect_hash "SELECT pin_hash FROM staff WHERE id = 2" 135790 no "the old PIN no longer works"
expect_eq "$(sql "SELECT failures || '|' || coalesce(CAST(locked_until AS TEXT), '-') FROM staff WHERE id = 2")" "0|-" \
	"the reset lifts the lock and clears the count"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'staff.reset-pin' AND record_id = 2")" 1 \
	"staff reset-pin writes one staff.reset-pin audit row"

# Booking PINs of organisations and teams.
old=$(sql "SELECT pin_hash FROM org WHERE id = 1")
expect_feed 0 "org set-pin 1 with 4 digits" "$PIN_BOOK_ORG\n" hd org set-pin 1
expect_hash "SELECT pin_hash FROM org WHERE id = 1" "$PIN_BOOK_ORG" yes "organisation 1's hash verifies its new PIN"
expect_hash "SELECT pin_hash FROM org WHERE id = 2" 8642 yes "organisation 2 keeps its PIN"
expect_feed 0 "team set-pin 1 with 6 digits" "$PIN_BOOK_TEAM\n" hd team set-pin 1
expect_hash "SELECT pin_hash FROM team WHERE id = 1" "$PIN_BOOK_TEAM" yes "team 1's hash verifies its new PIN"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'pin.set'")" 2 "each set-pin writes a pin.set audit row"
expect_eq "$(sql "SELECT record || record_id FROM audit WHERE action = 'pin.set' ORDER BY id" | tr '\n' ' ')" \
	"org1 team1 " "the pin.set rows name the organisation and the team"
mid=$(db_digest)
for kind in org team; do
	expect_feed 2 "$kind set-pin with 3 digits" "739\n" hd "$kind" set-pin 1
	expect_err "PIN" "the message names the PIN"
	expect_feed_err 2 '^hubdesk: Booking PIN: 4 to 6 digits' "$kind set-pin with 7 digits (4 to 6)" "9753197\n" hd "$kind" set-pin 1
	expect_feed_err 2 '^hubdesk: Booking PIN: 4 to 6 digits' "$kind set-pin with 13 digits" "9753197531975\n" hd "$kind" set-pin 1
	expect_feed_err 2 '^hubdesk: Booking PIN: 4 to 6 digits' "$kind set-pin with letters" "abcd\n" hd "$kind" set-pin 1
	expect_feed_err 2 '^hubdesk: Booking PIN: 4 to 6 digits' "$kind set-pin with an empty stdin" "" hd "$kind" set-pin 1
	expect_feed 4 "$kind set-pin of an unknown id" "$PIN_BOOK_ORG\n" hd "$kind" set-pin 999
	expect_err "999" "the message names the id"
	expect_feed_err 2 "$kind set-pin: ID must be a number from 1 to 999999999999, not x1" "$kind set-pin of a malformed id" "$PIN_BOOK_ORG\n" hd "$kind" set-pin x1
	expect_rc_err 2 "$kind set-pin: give the ID \\(a whole number\\)\$" "$kind set-pin without an id" hd "$kind" set-pin
done
expect_eq "$(db_digest)" "$mid" "refused set-pin commands wrote nothing"

# The role table: one row per action word, and the README holds it.
expect_rc 0 "staff roles" hd staff roles
expect_eq "$(head -n 2 "$T/out")" "| action | resident | desk / volunteer | staff | admin | district |
| --- | --- | --- | --- | --- | --- |" "staff roles starts with the Markdown table's header"
expect_eq "$(sed -n '3,$p' "$T/out" | sed -n 's/.*(`\([a-z-]*\)`) |.*/\1/p' | tr '\n' ' ')" \
	"visitor visitor-private book booking-checkin approve team-apply team-step registers reports export-people admin " \
	"staff roles has one row per action word, in order"
bad=$(awk -F'|' 'NF != 8' "$T/out")
expect_eq "$bad" "" "every row of staff roles has six cells"
expect_eq "$(grep -c '(`admin`) | – | – | – | Y | – |' "$T/out")" 1 "admin actions are for the administrator only"
expect_eq "$(grep -c '(`visitor`) | by scan | Y | Y | Y | – |' "$T/out")" 1 "visitors: residents by scan, everyone else but the district"
expect_eq "$(grep -c '(`reports`) | – | – | Y | Y | Y |' "$T/out")" 1 "reports: staff, admin and the district"
expect_eq "$(grep -c '(`export-people`) | – | – | Y | Y | – |' "$T/out")" 1 "exports of visits and bookings: not the district"
missing=""
while IFS= read -r line; do
	grep -Fqx -- "$line" "$TOP/README.md" || missing="$missing
$line"
done <"$T/out"
if [ -z "$missing" ]; then
	ok "README.md holds every line of staff roles verbatim"
else
	not_ok "README.md holds every line of staff roles verbatim" "missing from README.md:$missing"
fi
readme_rows=$(grep -c '^| .* (`[a-z-]*`) |' "$TOP/README.md")
expect_eq "$readme_rows" 11 "README.md's role table has exactly the eleven action rows"

# Privacy: no PIN in clear anywhere.
expect_eq "$(sql "SELECT count(*) FROM staff WHERE pin_hash NOT LIKE '\$argon2id\$%'")" 0 \
	"every staff pin_hash starts with \$argon2id\$"
expect_eq "$(sql "SELECT count(*) FROM org WHERE pin_hash IS NOT NULL AND pin_hash NOT LIKE '\$argon2id\$%'")" 0 \
	"every organisation pin_hash starts with \$argon2id\$"
expect_eq "$(sql "SELECT count(*) FROM team WHERE pin_hash IS NOT NULL AND pin_hash NOT LIKE '\$argon2id\$%'")" 0 \
	"every team pin_hash starts with \$argon2id\$"
sql "SELECT coalesce(before, '') || ' ' || coalesce(after, '') FROM audit" >"$T/audit.txt"
expect_eq "$(grep -c -e '\$argon2' -e pin_hash "$T/audit.txt")" 0 "the audit log holds no PIN hash"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action IN ('staff.add', 'staff.disable', 'staff.reset-pin', 'pin.set') AND (lower(coalesce(before, '') || coalesce(after, '')) LIKE '%pin%')")" 0 \
	"the account and PIN audit rows have no pin field"
# The bytes of the database: its file (after a checkpoint), or on
# PostgreSQL, whose files are the server's, a dump of every row.
if on_pg; then
	DBFILE=$T/dump.sql
	"$PG_BIN/pg_dump" -d "$HUBDESK_DB" >"$DBFILE"
else
	DBFILE=$HUBDESK_DB
	cp "$HUBDESK_DB-wal" "$T/wal-before" 2>/dev/null
	sqlite3 "$HUBDESK_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
fi
# Controls: the searches do see the text the files hold.
if grep -aq 回车 "$DBFILE" && grep -q 回车 "$T/audit.txt" && grep -aq 角色9 "$T/all"; then
	ok "control: the database, the audit text and the output are searchable"
else
	not_ok "control: the database, the audit text and the output are searchable"
fi
for pin in $ALL_PINS; do
	found=""
	grep -aq -- "$pin" "$DBFILE" && found="$found database"
	[ -f "$HUBDESK_DB-wal" ] && grep -aq -- "$pin" "$HUBDESK_DB-wal" && found="$found wal"
	[ -f "$T/wal-before" ] && grep -aq -- "$pin" "$T/wal-before" && found="$found wal-before-checkpoint"
	grep -q -- "$pin" "$T/audit.txt" && found="$found audit"
	grep -aq -- "$pin" "$T/all" && found="$found output"
	if [ -z "$found" ]; then
		ok "the PIN $pin is nowhere in clear"
	else
		not_ok "the PIN $pin is nowhere in clear" "found in:$found"
	fi
done

done_testing
