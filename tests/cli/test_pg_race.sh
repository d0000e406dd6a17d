# SPDX-License-Identifier: GPL-3.0-or-later
# test_pg_race.sh - eight desks (processes) at once on PostgreSQL: six book
# overlapping slots of rooms 1 and 2 one at a time, two book weekly series
# of the same slots in opposite room order (1, 2, 1 … and 2, 1, 2 …).
# Afterwards no two slot-holding bookings of a room overlap, every booking a
# desk was told it got is there with its code, no desk failed (exit 1):
# each one that lost was refused (exit 3) naming the booking in the way,
# and every series is whole or absent.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/pglib.sh"

pg_world
"$HUBDESK" init --demo >/dev/null 2>"$T/init.err" || not_ok "init --demo" "$(cat "$T/init.err")"
"$HUBDESK" config set booking.quota_hours_week 0 >/dev/null 2>&1
SINGLES=6
DESKS=8
TRIES=${PG_RACE_TRIES:-16}
UNTIL=2026-12-23

# book DESK ROOM ORG START END [OPTION...]: one try of a desk, its exit code
# kept in rc-DESK, what it printed (when it booked) in got-DESK, its
# messages in err-DESK, and the count of its message lines with its exit
# code in tries-DESK.
book() {
	_d=$1 _room=$2 _org=$3 _start=$4 _end=$5
	shift 5
	"$HUBDESK" --desk "desk$_d" booking add --room "$_room" --org "$_org" --start "$_start" \
		--end "$_end" --no-print "$@" </dev/null >"$T/out-$_d" 2>"$T/now-$_d"
	_rc=$?
	echo "$_rc" >>"$T/rc-$_d"
	[ "$_rc" = 0 ] && cat "$T/out-$_d" >>"$T/got-$_d"
	cat "$T/now-$_d" >>"$T/err-$_d"
	echo "$_rc $(grep -c . "$T/now-$_d") $(grep -c '已有预约' "$T/now-$_d")" >>"$T/tries-$_d"
}

# desk N: TRIES bookings of room 1 (buffer 30) or 2 on 2026-11-25 or
# 2026-12-02, one or two hours starting on a half hour from 08:00 to 18:00,
# for organisations 1-12 in turn (4 is past its 出壳 date). Desks above
# SINGLES book each as a weekly series until UNTIL, the two of them taking
# the rooms in opposite order.
desk() {
	_i=0
	while [ "$_i" -lt "$TRIES" ]; do
		_slot=$(((_i * 7 + $1 * 5) % 21))
		_h=$((8 + _slot / 2))
		_m=$(((_slot % 2) * 30))
		_len=$((1 + (_i + $1) % 2))
		_org=$((1 + (_i + $1) % 12))
		[ "$_org" = 4 ] && _org=5
		_day=2026-11-25
		[ $(((_i / 2 + $1) % 2)) = 1 ] && _day=2026-12-02
		_start=$(printf '%s %02d:%02d' "$_day" "$_h" "$_m")
		_end=$(printf '%s %02d:%02d' "$_day" $((_h + _len)) "$_m")
		if [ "$1" -gt "$SINGLES" ]; then
			book "$1" $((1 + (_i + $1) % 2)) "$_org" "$_start" "$_end" --weekly-until "$UNTIL"
		else
			book "$1" $((1 + (_i / 3 + $1) % 2)) "$_org" "$_start" "$_end"
		fi
		_i=$((_i + 1))
	done
}

n=1
while [ "$n" -le "$DESKS" ]; do
	desk "$n" &
	n=$((n + 1))
done
wait

expect_eq "$(cat "$T"/rc-* | wc -l | tr -d ' ')" $((DESKS * TRIES)) "every desk made all its tries"
expect_eq "$(cat "$T"/rc-* | grep -c '^1$')" 0 "no try failed (exit 1)"
expect_eq "$(cat "$T"/rc-* | grep -cv '^[03]$')" 0 "every try either booked (0) or was refused by a rule (3)"
refused=$(cat "$T"/rc-* | grep -c '^3$')
expect_eq "$(cat "$T"/tries-* | awk '$1 == 3 && $3 > 0' | wc -l | tr -d ' ')" "$refused" \
	"each refusal ($refused) names the booking in the way (已有预约)"
if [ -n "$(grep -v '^3 ' "$T"/tries-* | awk '$3 > 0')" ]; then
	not_ok "a desk that booked was told of a booking in the way" "$(head -5 "$T"/err-*)"
fi
if [ "$refused" -gt 0 ] && [ "$refused" -lt $((DESKS * TRIES)) ]; then
	ok "the desks raced: $refused of $((DESKS * TRIES)) tries refused"
else
	not_ok "the desks raced: $refused of $((DESKS * TRIES)) tries refused"
fi
if [ "$(cat "$T"/rc-[78] | grep -c '^0$')" -gt 0 ]; then
	ok "some series were booked ($(cat "$T"/rc-[78] | grep -c '^0$'))"
else
	not_ok "some series were booked" "$(head -5 "$T/err-7" "$T/err-8")"
fi

# A slot-holding booking of a room never overlaps another (buffer included).
expect_eq "$(sql "SELECT count(*) FROM booking a JOIN booking b ON a.room_id = b.room_id AND a.id < b.id
	WHERE a.state IN ('pending', 'confirmed', 'checked_in') AND b.state IN ('pending', 'confirmed', 'checked_in')
	AND a.start < b.hold_end AND b.start < a.hold_end")" 0 "no two slot-holding bookings of a room overlap"

# Each line a desk was told is a confirmed booking whose code verifies.
cat "$T"/got-* >"$T/got" 2>/dev/null
won=$(wc -l <"$T/got" | tr -d ' ')
if [ "$won" -gt 0 ]; then
	ok "some tries booked ($won)"
else
	not_ok "some tries booked" "$(head -5 "$T"/err-*)"
fi
missing=0
for id in $(cut -f1 "$T/got"); do
	[ "$(sql "SELECT count(*) FROM booking WHERE id = $id AND state = 'confirmed'")" = 1 ] ||
		missing=$((missing + 1))
done
expect_eq "$missing" 0 "every booking a desk was told it got ($won) is there, confirmed"
badcode=0
while IFS="$(printf '\t')" read -r id code _rest; do
	[ "$("$HUBDESK" verify "$code" 2>/dev/null | cut -f1,2)" = "$(printf 'booking\t%s' "$id")" ] ||
		badcode=$((badcode + 1))
done <"$T/got"
expect_eq "$badcode" 0 "the code each desk printed verifies as its booking"
expect_eq "$(sql "SELECT count(*) FROM booking")" "$won" "nothing else was written"
expect_eq "$(sql "SELECT count(*) FROM booking WHERE series_id IS NOT NULL")" \
	"$(cat "$T"/got-[78] 2>/dev/null | wc -l | tr -d ' ')" "every occurrence of a series is one printed line"

# A series starts on a Wednesday and runs weekly until UNTIL: from 11-25,
# five occurrences; from 12-02, four.
end=$(TZ=Asia/Shanghai date -d '2026-12-24 00:00' +%s)
expect_eq "$(sql "SELECT count(*) FROM (SELECT series_id, count(*) AS n, min(start) AS first FROM booking
	WHERE series_id IS NOT NULL GROUP BY series_id) s WHERE n <> ($end - 1 - first) / 604800 + 1")" 0 \
	"every series is whole (all its weeks until $UNTIL) or absent"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'booking.add'")" "$won" \
	"every booking has its audit row, and no other was written"

done_testing
