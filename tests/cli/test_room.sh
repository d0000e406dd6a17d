# SPDX-License-Identifier: GPL-3.0-or-later
# test_room.sh - hubdesk room add | list | close: the output lines, the
# kinds, the checks of every option, duplicates, closures.
. "$(dirname "$0")/../lib.sh"

TAB=$(printf '\t')
hd init 2>/dev/null

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

# Adding.
expect_rc 0 "room add with every option" hd room add --name 一号会议室 --kind 1 --capacity 12 \
	--open 08:30 --close 20:00 --buffer 15
expect_record 一号会议室 "room add"
id1=$ID
expect_eq "$(sql "SELECT name, kind, capacity, open_min, close_min, buffer_min FROM room WHERE id = $id1")" \
	"一号会议室|1|12|510|1200|15" "the room is stored as given"
expect_eq "$(sql "SELECT $(json_at after name) FROM audit WHERE action = 'room.add' AND record_id = $id1")" \
	一号会议室 "room add writes a room.add audit row"

expect_rc 0 "room add with the kind by its Chinese name" hd room add --name 舞蹈室 --kind 活动室 --capacity 30
expect_record 舞蹈室 "room add by Chinese kind"
id2=$ID
expect_eq "$(sql "SELECT kind, buffer_min FROM room WHERE id = $id2")" "2|0" "活动室 is kind 2, buffer 0 by default"
expect_rc 0 "room add with kind 7 by number" hd room add --name 杂物间 --kind 7 --capacity 1
expect_eq "$(sql "SELECT kind FROM room WHERE id = $(cut -f1 "$T/out")")" 7 "kind 7 is stored"
expect_rc 0 "room add with --opt=value" hd room add --name=洽谈室 --kind=洽谈室 --capacity=6
expect_eq "$(sql "SELECT kind, capacity FROM room WHERE name = '洽谈室'")" "6|6" "--opt=value is read"
i=3
for kind in 多功能厅 培训室 路演厅; do
	expect_rc 0 "room add with kind $kind" hd room add --name "厅$kind" --kind "$kind" --capacity 50
	expect_eq "$(sql "SELECT kind FROM room WHERE name = '厅$kind'")" $i "$kind is kind $i"
	i=$((i + 1))
done

# Listing.
rooms=$(sql "SELECT count(*) FROM room")
expect_rc 0 "room list" hd room list
expect_lines $((rooms + 1)) "room list: a header and one line per room"
first=$(head -n 1 "$T/out" | cut -f1)
case $first in
*[0-9]*) not_ok "room list starts with a header: '$first'" ;;
*) ok "room list starts with a header" ;;
esac
bad=$(awk -F'\t' 'NR > 1 && ($1 !~ /^[0-9]+$/ || NF < 4)' "$T/out")
expect_eq "$bad" "" "each room line is tab-separated with the id first"
line=$(awk -F'\t' -v id="$id1" 'NR > 1 && $1 == id' "$T/out")
case $line in
*一号会议室*12*08:30*20:00*15*) ok "the room's line shows name, capacity, hours and buffer" ;;
*) not_ok "the room's line shows name, capacity, hours and buffer" "line: $line" ;;
esac
line=$(awk -F'\t' -v id="$id2" 'NR > 1 && $1 == id' "$T/out")
case $line in
*舞蹈室*08:00*21:00*) ok "a room without hours opens 08:00 and closes at closing.time" ;;
*) not_ok "a room without hours opens 08:00 and closes at closing.time" "line: $line" ;;
esac
hd config set closing.time 20:00 2>/dev/null
run hd room list
line=$(awk -F'\t' -v id="$id2" 'NR > 1 && $1 == id' "$T/out")
case $line in
*舞蹈室*08:00*20:00*) ok "a room without hours follows a new closing.time" ;;
*) not_ok "a room without hours follows a new closing.time" "line: $line" ;;
esac
hd config set closing.time 21:00 2>/dev/null
expect_rc_err 2 'room list: unexpected argument extra' "room list with an argument" hd room list extra

# Refused additions: exit codes and messages; nothing is written.
before=$(db_digest)
for kind in 0 8 foo 会客室; do
	expect_rc 2 "room add with kind '$kind'" hd room add --name 新房间 --kind "$kind" --capacity 10
	expect_err "[Kk]ind" "the message names the kind"
done
expect_rc_err 2 'Kind: required' "room add without --kind" hd room add --name 新房间 --capacity 10
for cap in 0 -1 abc 1.5 ""; do
	expect_rc 2 "room add with capacity '$cap'" hd room add --name 新房间 --kind 1 --capacity "$cap"
	expect_err "[Cc]apacity" "the message names the capacity"
done
expect_rc_err 2 'Capacity: a whole number from 1 to 1000' "room add without --capacity" hd room add --name 新房间 --kind 1
expect_rc 2 "room add opening off the half hour" hd room add --name 新房间 --kind 1 --capacity 10 \
	--open 08:15 --close 20:00
expect_err "[Oo]pen" "the message names the opening time"
expect_rc 2 "room add closing off the half hour" hd room add --name 新房间 --kind 1 --capacity 10 \
	--open 08:00 --close 20:45
expect_err "[Cc]los" "the message names the closing time"
expect_rc 2 "room add closing before opening" hd room add --name 新房间 --kind 1 --capacity 10 \
	--open 20:00 --close 08:00
expect_err "[Cc]los" "the message names the closing time"
expect_rc_err 2 'Closes: must be after the opening time' "room add closing when opening" hd room add --name 新房间 --kind 1 --capacity 10 \
	--open 12:00 --close 12:00
expect_rc_err 2 'Opens: a time as HH:MM' "room add with opening 25:00" hd room add --name 新房间 --kind 1 --capacity 10 \
	--open 25:00 --close 26:00
expect_rc_err 2 'Opens: a time as HH:MM' "room add with opening 'morning'" hd room add --name 新房间 --kind 1 --capacity 10 \
	--open morning
for buf in -5 abc; do
	expect_rc 2 "room add with buffer '$buf'" hd room add --name 新房间 --kind 1 --capacity 10 --buffer "$buf"
	expect_err "[Bb]uffer" "the message names the buffer"
done
expect_rc 3 "room add with a duplicate name" hd room add --name 一号会议室 --kind 2 --capacity 5
expect_err "一号会议室" "the message names the room"
expect_rc_err 3 'a room named 一号会议室 exists already' "room add with a duplicate name in spaces" hd room add --name " 一号会议室 " --kind 2 --capacity 5
expect_rc 2 "room add without --name" hd room add --kind 1 --capacity 10
expect_err "[Nn]ame" "the message names the name"
expect_rc_err 2 'Name is required' "room add with an empty name" hd room add --name "" --kind 1 --capacity 10
expect_rc_err 2 'Name: 1 to 40 characters \(41 given\)' "room add with a name of 41 characters" hd room add \
	--name 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一 --kind 1 --capacity 10
expect_rc_err 2 'Name: no control characters' "room add with a tab in the name" hd room add --name "$(printf 'a\tb')" --kind 1 --capacity 10
expect_rc_err 2 'Name: not valid UTF-8' "room add with invalid UTF-8 in the name" hd room add --name "$(printf '\377')" --kind 1 --capacity 10
expect_rc 2 "room add with an unknown option" hd room add --name 新房间 --kind 1 --capacity 10 --colour red
expect_err "--colour" "the message names the unknown option"
expect_rc 2 "room add with an option missing its value" hd room add --name 新房间 --kind 1 --capacity
expect_err "--capacity" "the message names the option"
expect_rc_err 2 'room add: unexpected argument extra' "room add with a stray argument" hd room add --name 新房间 --kind 1 --capacity 10 extra
expect_rc_err 2 'room: use room add \| list \| close' "room alone" hd room
expect_rc_err 2 'room: use room add \| list \| close' "room with an unknown action" hd room frob
expect_eq "$(db_digest)" "$before" "refused room commands write nothing"

# Closing a room for a while.
expect_rc 0 "room close" hd room close "$id1" --from '2026-11-24 09:00' --to '2026-11-24 12:00' --reason 设备维修
expect_lines 1 "room close prints one line"
if grep -Eq "^[0-9]+${TAB}-${TAB}." "$T/out"; then ok "room close prints ID<TAB>-<TAB>summary"; else not_ok "room close prints ID<TAB>-<TAB>summary" "stdout: $(cat "$T/out")"; fi
if on_pg; then
	local_time() { echo "to_char(to_timestamp($1) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS')"; }
else
	local_time() { echo "datetime($1, 'unixepoch', '+8 hours')"; }
fi
expect_eq "$(sql "SELECT room_id, $(local_time start), $(local_time '"end"'), reason FROM room_closure")" \
	"$id1|2026-11-24 09:00:00|2026-11-24 12:00:00|设备维修" "the closure is stored in local time (TZ)"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'room.close'")" 1 "room close is audited"

before=$(db_digest)
expect_rc 4 "room close of an unknown id" hd room close 999 --from '2026-11-24 09:00' --to '2026-11-24 12:00' --reason 维修
expect_err 999 "the message names the id"
expect_rc_err 2 'To: must be after the start' "room close ending before it starts" hd room close "$id1" --from '2026-11-24 12:00' --to '2026-11-24 09:00' --reason 维修
expect_rc_err 2 'To: must be after the start' "room close ending when it starts" hd room close "$id1" --from '2026-11-24 12:00' --to '2026-11-24 12:00' --reason 维修
for when in '2026-13-01 09:00' '2026-02-30 09:00' '2026-11-24' '2026-11-24 25:00' tomorrow ''; do
	expect_rc 2 "room close from '$when'" hd room close "$id1" --from "$when" --to '2026-11-25 12:00' --reason 维修
	expect_err "[Ff]rom" "the message names the start"
done
expect_rc 2 "room close to a malformed date" hd room close "$id1" --from '2026-11-24 09:00' --to '2026/11/24 1200' --reason 维修
expect_err "To" "the message names the end"
expect_rc_err 2 'Reason is required' "room close without --reason" hd room close "$id1" --from '2026-11-24 09:00' --to '2026-11-24 12:00'
expect_rc_err 2 'Reason is required' "room close with an empty reason" hd room close "$id1" --from '2026-11-24 09:00' --to '2026-11-24 12:00' --reason ''
expect_rc_err 2 '--reason needs a value' "room close with --reason missing its value" hd room close "$id1" --from '2026-11-24 09:00' --to '2026-11-24 12:00' --reason
expect_rc_err 2 'To: a date and time' "room close without --to" hd room close "$id1" --from '2026-11-24 09:00' --reason 维修
expect_rc_err 2 'room close: give the ID \(a whole number\)$' "room close without an id" hd room close --from '2026-11-24 09:00' --to '2026-11-24 12:00' --reason 维修
expect_rc_err 2 'ID must be a number from 1 to 999999999999, not abc' "room close with id abc" hd room close abc --from '2026-11-24 09:00' --to '2026-11-24 12:00' --reason 维修
expect_rc_err 2 'ID must be a number from 1 to 999999999999, not 0' "room close with id 0" hd room close 0 --from '2026-11-24 09:00' --to '2026-11-24 12:00' --reason 维修
expect_rc_err 2 'room close: unexpected argument 2' "room close with two ids" hd room close 1 2 --from '2026-11-24 09:00' --to '2026-11-24 12:00' --reason 维修
expect_rc_err 2 'unknown option --all' "room close with an unknown option" hd room close "$id1" --from '2026-11-24 09:00' --to '2026-11-24 12:00' --reason 维修 --all
expect_eq "$(db_digest)" "$before" "refused closures write nothing"

done_testing
