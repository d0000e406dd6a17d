# SPDX-License-Identifier: GPL-3.0-or-later
# test_booking_race.sh - several desks (processes) book overlapping slots of
# one room at the same moment: afterwards no two active bookings of the room
# overlap, and every booking a process was told it got is there.
. "$(dirname "$0")/../lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1
"$HUBDESK" config set booking.quota_hours_week 0 >/dev/null 2>&1
DESKS=4
TRIES=60

# desk N: TRIES bookings of room 1 (buffer 30) on 2026-11-25, slots of one
# or two hours starting on every half hour, for organisations 1-12 in turn.
desk() {
	_i=0
	while [ "$_i" -lt "$TRIES" ]; do
		_slot=$(( (_i * 7 + $1 * 5) % 24 ))
		_h=$((8 + _slot / 2))
		_m=$(( (_slot % 2) * 30 ))
		_len=$(( 1 + (_i + $1) % 2 ))
		_org=$(( 1 + (_i + $1) % 12 ))
		[ "$_org" = 4 ] && _org=5
		_start=$(printf '2026-11-25 %02d:%02d' "$_h" "$_m")
		_end=$(printf '2026-11-25 %02d:%02d' $((_h + _len)) "$_m")
		"$HUBDESK" --desk "desk$1" booking add --room 1 --org "$_org" --start "$_start" \
			--end "$_end" --no-print </dev/null >>"$T/got-$1" 2>>"$T/err-$1"
		echo "$?" >>"$T/rc-$1"
		_i=$((_i + 1))
	done
}

n=1
while [ "$n" -le "$DESKS" ]; do
	desk "$n" &
	n=$((n + 1))
done
wait

total=$(cat "$T"/rc-* | wc -l)
expect_eq "$total" $((DESKS * TRIES)) "every desk made all its tries"
bad=$(cat "$T"/rc-* | grep -cv '^[03]$')
expect_eq "$bad" 0 "every try either booked (0) or was refused by a rule (3)"
# Each refusal is one line of the rule that refused: a booking in the way,
# or (for the slots ending after 21:00) the room's opening hours.
expect_eq "$(cat "$T"/err-* | grep -c -e '已有预约' -e '的开放时间为')" "$(cat "$T"/rc-* | grep -c '^3$')" \
	"each refusal names its rule: a booking in the way or the opening hours"
won=$(cat "$T"/got-* | wc -l)
if [ "$won" -gt 0 ]; then
	ok "some tries booked ($won)"
else
	not_ok "no try booked"
fi
expect_eq "$(sql "SELECT count(*) FROM booking a JOIN booking b ON a.room_id = b.room_id AND a.id < b.id
	WHERE a.state IN ('pending', 'confirmed', 'checked_in') AND b.state IN ('pending', 'confirmed', 'checked_in')
	AND a.start < b.hold_end AND b.start < a.hold_end")" 0 "no two active bookings of the room overlap (buffer included)"
missing=0
for id in $(cat "$T"/got-* | cut -f1); do
	[ "$(sql "SELECT count(*) FROM booking WHERE id = $id AND state = 'confirmed'")" = 1 ] || missing=$((missing + 1))
done
expect_eq "$missing" 0 "every booking a desk was told it got is there"
expect_eq "$(sql "SELECT count(*) FROM booking")" "$won" "nothing else was written"
if grep -q "booked then" "$T"/err-* 2>/dev/null || grep -q "已有预约" "$T"/err-* 2>/dev/null; then
	ok "refused desks were told which booking is in the way"
else
	not_ok "refused desks were told which booking is in the way" "$(cat "$T"/err-* | head -5)"
fi

done_testing
