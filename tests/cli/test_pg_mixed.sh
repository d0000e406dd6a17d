# SPDX-License-Identifier: GPL-3.0-or-later
# test_pg_mixed.sh - two desks on PostgreSQL, each a process a try, started
# together round after round: one checks a visitor in while the other books
# a room. Both always succeed, and the counts are those of the tries: the
# visits, the bookings, their people, audit rows and print requests.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/pglib.sh"

pg_world
"$HUBDESK" init --demo >/dev/null 2>"$T/init.err" || not_ok "init --demo" "$(cat "$T/init.err")"
"$HUBDESK" config set booking.quota_hours_week 0 >/dev/null 2>&1
export HUBDESK_SPOOL="$T/spool"
ROUNDS=${PG_MIXED_ROUNDS:-30}

# Round i books its own slot: an hour from 08:00 to 20:00 in room 2 or 3
# (no buffer, open till 21:00) on one of the days from 2026-11-24, for
# organisations 1-12 in turn (4 is past its 出壳 date).
i=0
while [ "$i" -lt "$ROUNDS" ]; do
	day=$(date -d "2026-11-24 +$(((i / 26) % 13)) days" +%Y-%m-%d)
	h=$((8 + i % 13))
	org=$((1 + i % 12))
	[ "$org" = 4 ] && org=5
	"$HUBDESK" --desk visitors visitor checkin --name "访客$i" --phone "1380000$(printf '%04d' "$i")" \
		--purpose $((1 + i % 13)) --party 2 </dev/null >>"$T/v-out" 2>>"$T/v-err" &
	vpid=$!
	"$HUBDESK" --desk rooms booking add --room $((2 + (i / 13) % 2)) --org "$org" \
		--start "$(printf '%s %02d:00' "$day" "$h")" --end "$(printf '%s %02d:00' "$day" $((h + 1)))" \
		</dev/null >>"$T/b-out" 2>>"$T/b-err" &
	bpid=$!
	wait $vpid
	echo $? >>"$T/v-rc"
	wait $bpid
	echo $? >>"$T/b-rc"
	i=$((i + 1))
done

for d in v b; do
	expect_eq "$(grep -c '^0$' "$T/$d-rc")" "$ROUNDS" "desk $d: every try succeeded"
	if grep -qv '打印队列' "$T/$d-err"; then
		not_ok "desk $d: its messages were only that documents wait in the spool" "$(head -5 "$T/$d-err")"
	else
		ok "desk $d: its messages were only that documents wait in the spool"
	fi
done
expect_eq "$(wc -l <"$T/v-out" | tr -d ' ') $(wc -l <"$T/b-out" | tr -d ' ')" "$ROUNDS $ROUNDS" \
	"each printed its line: ID, code, summary"
expect_eq "$(sql "SELECT count(*) || ' ' || coalesce(sum(party), 0) || ' ' || count(DISTINCT person_id)
	FROM visit")" "$ROUNDS $((ROUNDS * 2)) $ROUNDS" "the visits: one a try, party 2, a person each"
expect_eq "$(sql "SELECT count(*) FROM booking WHERE state = 'confirmed'")" "$ROUNDS" \
	"the bookings: one a try, confirmed"
# (The lists of ids end in 0, no record's id, so that none is a list too.)
expect_eq "$(sql "SELECT count(*) FROM visit WHERE id IN ($(cut -f1 "$T/v-out" | tr '\n' ',')0)")" \
	"$ROUNDS" "each visit printed is there"
expect_eq "$(sql "SELECT count(*) FROM booking WHERE id IN ($(cut -f1 "$T/b-out" | tr '\n' ',')0)")" \
	"$ROUNDS" "each booking printed is there"
expect_eq "$(sql "SELECT action || ' ' || count(*) FROM audit WHERE action IN ('visit.checkin', 'booking.add')
	GROUP BY action ORDER BY action" | tr '\n' ' ')" "booking.add $ROUNDS visit.checkin $ROUNDS " \
	"one audit row a check-in and a booking"
expect_eq "$(sql "SELECT kind || ' ' || count(*) FROM spool GROUP BY kind ORDER BY kind" | tr '\n' ' ')" \
	"booking $ROUNDS visitor $ROUNDS " "one print request a check-in and a booking"
expect_eq "$(sql "SELECT desk || ' ' || action || ' ' || count(*) FROM audit WHERE desk IN ('visitors', 'rooms')
	GROUP BY desk, action ORDER BY desk, action" | tr '\n' ' ')" \
	"rooms booking.add $ROUNDS rooms print $ROUNDS visitors print $ROUNDS visitors visit.checkin $ROUNDS " \
	"each desk's audit rows are its own actions: saving and sending to the spool"
expect_eq "$(sql "SELECT count(*) FROM booking a JOIN booking b ON a.room_id = b.room_id AND a.id < b.id
	AND a.start < b.hold_end AND b.start < a.hold_end")" 0 "no two bookings overlap"

done_testing
