# SPDX-License-Identifier: GPL-3.0-or-later
# test_pg_restart.sh - the PostgreSQL server dies (pg_ctl stop -m
# immediate) and comes back while two desks work: one checks visitors in,
# one books rooms, each a process a try, with printing (no printer: each
# document waits in the spool). Every record a desk was told it got is
# there; nothing is half-written (each visit has its person, its audit row
# and its print request, each booking its audit row and print request, and
# none of these is left without its record); the tries while the server was
# down exited 1 saying the database connection; the desks work again after
# it. A full-screen desk kept open across the restart says the connection
# was lost when a check-in cannot be saved, keeps what was typed, and saves
# it on the next F2 once the server is back; left idle across a restart,
# it saves the next check-in at once.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/pglib.sh"
. "$TOP/tests/screen/lib.sh"

need_tools tmux
pg_world
pg_durable
"$HUBDESK" init --demo >/dev/null 2>"$T/init.err" || not_ok "init --demo" "$(cat "$T/init.err")"
"$HUBDESK" config set booking.quota_hours_week 0 >/dev/null 2>&1
# The full-screen desk waits for the others: no idle reset meanwhile.
"$HUBDESK" config set idle.seconds 3600 >/dev/null 2>&1
export HUBDESK_SPOOL="$T/spool"
LOST=$(zh 'the connection to the database was lost; reconnecting')
NOCONN=$(zh_part 'cannot connect to the database at %s: %s' 5)
# The bound, in seconds, of each wait for the desks.
WAIT=${PG_RESTART_WAIT:-60}

# try DESK CMD...: one try of a desk, numbered in DESK-n: its exit code and
# its first line of output in DESK-log ("N RC OUT"), its messages in
# DESK-err-N.
try() {
	_d=$1
	shift
	_k=$(($(cat "$T/$_d-n") + 1))
	echo "$_k" >"$T/$_d-n"
	"$HUBDESK" --desk "$_d" "$@" </dev/null >"$T/$_d-out" 2>"$T/$_d-err-$_k"
	_rc=$?
	echo "$_k $_rc $(head -1 "$T/$_d-out")" >>"$T/$_d-log"
}

# A desk tries until the file stop is there.
visitor_desk() {
	echo 0 >"$T/v-n"
	while [ ! -f "$T/stop" ]; do
		try v visitor checkin --name "访客$(cat "$T/v-n")" --purpose 1
	done
}

# Each try books a slot of its own: an hour from 08:00 to 20:00 on one of
# 13 days from 2026-11-24, in rooms 2, 3, 5 and 7 (no buffer, open till
# 21:00), for organisations 1-12 in turn (4 is past its 出壳 date).
booking_desk() {
	echo 0 >"$T/b-n"
	while [ ! -f "$T/stop" ]; do
		_i=$(cat "$T/b-n")
		_day=$(date -d "2026-11-24 +$(((_i / 13) % 13)) days" +%Y-%m-%d)
		_h=$((8 + _i % 13))
		_org=$((1 + _i % 12))
		[ "$_org" = 4 ] && _org=5
		set -- 2 3 5 7
		shift $(((_i / 169) % 4))
		try b booking add --room "$1" --org "$_org" \
			--start "$(printf '%s %02d:00' "$_day" "$_h")" \
			--end "$(printf '%s %02d:00' "$_day" $((_h + 1)))"
	done
}

# tally DESK RC: how many tries of DESK exited RC so far.
tally() { awk -v rc="$2" '$2 == rc' "$T/$1-log" 2>/dev/null | wc -l | tr -d ' '; }
# at_least DESK RC N: DESK has had N tries exit RC.
at_least() { [ "$(tally "$1" "$2")" -ge "$3" ]; }
# more RC N: waits until both desks have had N more tries exit RC from now.
more() {
	_v=$(($(tally v "$1") + $2)) _b=$(($(tally b "$1") + $2))
	wait_for "$WAIT" _more "$1"
}
_more() { at_least v "$1" "$_v" && at_least b "$1" "$_b"; }

# The full-screen desk: the check-in form, a name typed and the purpose.
scr_start 80 24
expect_line 1 首页 "the full-screen desk starts on PostgreSQL"
scr_keys 1
expect_line 1 访客登记 "1 opens the check-in form"

visitor_desk &
vpid=$!
booking_desk &
bpid=$!
at_exit "touch '$T/stop'; kill $vpid $bpid"
more 0 5 || not_ok "the desks work before the restart" "$(tail -n 3 "$T/v-log" "$T/b-log")"

# The server dies while the desks work, and the full-screen desk types on.
pg_kill || not_ok "the server is stopped (immediate)"
scr_type 重连访客
scr_keys Tab Tab
scr_type 1
expect_row_has "*来访事由" " 1" "the form takes a purpose while the server is down"
more 1 3 || not_ok "the desks try while the server is down" "$(tail -n 3 "$T/v-log" "$T/b-log")"
scr_keys F2
expect_msg "$LOST" "F2 while the server is down: the desk says the connection was lost ($LOST)"
expect_row_has "*访客" 重连访客 "what was typed stays in the form"
pg_up || not_ok "the server starts again"
more 0 3 || not_ok "the desks work after the restart" "$(tail -n 3 "$T/v-log" "$T/b-log")"
scr_keys F2
expect_screen "$(printf "$(zh 'Checked in: %s. Slip code:')" 重连访客)" "the next F2 saves the check-in"
expect_eq "$(sql "SELECT count(*) FROM visit v JOIN person p ON p.id = v.person_id
	WHERE p.name = '重连访客' AND v.purpose = 1")" 1 "the database holds it, as typed"

# A second death while the full-screen desk sits idle on the empty form:
# its next check-in after the restart saves at once. The desks stop once
# both work again.
more 0 3
pg_kill || not_ok "the server is stopped again"
more 1 3 || not_ok "the desks try while the server is down again"
pg_up || not_ok "the server starts again"
scr_type 再来访客
scr_keys Tab Tab
scr_type 1
expect_row_has "*来访事由" " 1" "the idle desk takes the next visitor"
scr_keys F2
expect_screen "$(printf "$(zh 'Checked in: %s. Slip code:')" 再来访客)" \
	"after the restart the idle desk's first F2 saves, on a new connection"
more 0 3 || not_ok "the desks work after the second restart"
touch "$T/stop"
wait $vpid $bpid
scr_keys F10

for d in v b; do
	expect_eq "$(awk '$2 != 0 && $2 != 1' "$T/$d-log" | wc -l | tr -d ' ')" 0 \
		"desk $d: every try either saved (0) or failed (1)"
	failed=$(awk '$2 == 1 { print $1 }' "$T/$d-log")
	unsaid=0
	for k in $failed; do
		grep -Fq -e "$LOST" -e "$NOCONN" "$T/$d-err-$k" || unsaid=$((unsaid + 1))
	done
	if [ "$unsaid" = 0 ]; then
		ok "desk $d: each of its $(echo "$failed" | wc -w) failed tries said the database connection"
	else
		not_ok "desk $d: $unsaid failed tries did not say the database connection" \
			"$(for k in $failed; do grep -Fv -e "$LOST" -e "$NOCONN" "$T/$d-err-$k"; done | sort | uniq -c | head -5)"
	fi
	expect_eq "$(tail -1 "$T/$d-log" | cut -d' ' -f2)" 0 "desk $d: its last try saved"
done

# Every record a desk was told it got is there.
# (The lists of ids end in 0, no record's id, so that none is a list too.)
visits=$(awk '$2 == 0 { printf "%s,", $3 }' "$T/v-log")
expect_eq "$(sql "SELECT count(*) FROM visit WHERE id IN (${visits}0)")" "$(tally v 0)" \
	"every visit a desk was told it got is there ($(tally v 0))"
bookings=$(awk '$2 == 0 { printf "%s,", $3 }' "$T/b-log")
expect_eq "$(sql "SELECT count(*) FROM booking WHERE id IN (${bookings}0) AND state = 'confirmed'")" \
	"$(tally b 0)" "every booking a desk was told it got is there ($(tally b 0))"
tries=$(($(cat "$T/v-n") + 1))
n=$(sql "SELECT count(*) FROM visit")
if [ "$n" -ge "$(tally v 0)" ] && [ "$n" -le "$tries" ]; then
	ok "$n visits from $tries tries (a try told of a lost connection may have saved)"
else
	not_ok "$n visits from $tries tries"
fi

# Nothing is half-written: what one check-in or booking writes in its
# transaction is there whole or not at all.
expect_eq "$(sql "SELECT count(*) FROM visit v WHERE v.person_id IS NULL
	OR NOT EXISTS (SELECT 1 FROM person p WHERE p.id = v.person_id)")" 0 "every visit has its person"
expect_eq "$(sql "SELECT count(*) FROM visit v WHERE NOT EXISTS (SELECT 1 FROM audit a
	WHERE a.action = 'visit.checkin' AND a.record_id = v.id)")" 0 "every visit has its audit row"
expect_eq "$(sql "SELECT count(*) FROM visit v WHERE NOT EXISTS (SELECT 1 FROM spool s
	WHERE s.kind = 'visitor' AND s.record_id = v.id)")" 0 "every visit has its print request"
expect_eq "$(sql "SELECT count(*) FROM audit a WHERE a.action = 'visit.checkin'
	AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.id = a.record_id)")" 0 "no check-in audit row without its visit"
expect_eq "$(sql "SELECT count(*) FROM spool s WHERE s.kind = 'visitor'
	AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.id = s.record_id)")" 0 "no visitor print request without its visit"
expect_eq "$(sql "SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM visit v
	WHERE v.person_id = p.id)")" 0 "no person without a visit"
expect_eq "$(sql "SELECT count(*) FROM booking b WHERE NOT EXISTS (SELECT 1 FROM audit a
	WHERE a.action = 'booking.add' AND a.record_id = b.id)")" 0 "every booking has its audit row"
expect_eq "$(sql "SELECT count(*) FROM booking b WHERE NOT EXISTS (SELECT 1 FROM spool s
	WHERE s.kind = 'booking' AND s.record_id = b.id)")" 0 "every booking has its print request"
expect_eq "$(sql "SELECT count(*) FROM audit a WHERE a.action = 'booking.add'
	AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.id = a.record_id)")" 0 "no booking audit row without its booking"
expect_eq "$(sql "SELECT count(*) FROM spool s WHERE s.kind = 'booking'
	AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.id = s.record_id)")" 0 "no booking print request without its booking"
expect_eq "$(sql "SELECT count(*) FROM spool GROUP BY kind, record_id HAVING count(*) > 1")" "" \
	"no record has two print requests"

# English: a command while the server is down says so too.
pg_kill
expect_rc_err 1 'connect to the database' "in English, a check-in while the server is down says the database connection" \
	hd visitor checkin --name 访客 --purpose 1
pg_up

done_testing
