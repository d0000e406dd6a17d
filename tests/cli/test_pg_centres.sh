# SPDX-License-Identifier: GPL-3.0-or-later
# test_pg_centres.sh - three centres (JD, HY, SH) in one PostgreSQL database
# owned by a role that is not a superuser, each centre bound to a role of
# its own, held apart by the database: for every table with a centre_id
# column (read from information_schema, so a new table is covered too), a
# psql session as JD's role reads none of HY's rows, cannot write one into
# HY, and setting hubdesk.centre changes neither; the owner reads every
# centre. Then hubdesk's side: --centre against a bound role, the owner and
# the superuser; a code of one centre at another; names unique per centre;
# settings and filing numbers per centre; desks of two centres booking the
# same slots at once, and a centre writing while another's turn is held;
# a new visitor's number new across centres; init --centre on both
# backends; centres on SQLite.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/pglib.sh"

pg_world
PSQL="$(sh "$TOP/tests/pg.sh" bin)/psql"

# as ROLE QUERY: QUERY on the district's database as ROLE (psql, rows as
# a|b, stopping at the first error).
as() {
	PGOPTIONS="-c client_min_messages=warning" "$PSQL" -X -q -At -v ON_ERROR_STOP=1 \
		-h "$PGDIR" -U "$1" -d "${DB:-dist}" -c "$2"
}
url() { echo "postgresql:///${2:-dist}?host=$PGDIR&user=$1"; }

DB=postgres as postgres "CREATE ROLE dist_owner LOGIN" &&
	DB=postgres as postgres "CREATE ROLE jd_desk LOGIN; CREATE ROLE hy_desk LOGIN; CREATE ROLE sh_desk LOGIN" &&
	DB=postgres as postgres "CREATE DATABASE dist OWNER dist_owner" ||
	not_ok "the roles and the district's database are made"
OWNER=$(url dist_owner)
JD=$(url jd_desk)
HY=$(url hy_desk)
SH=$(url sh_desk)
SUPER=$(url postgres)

expect_rc 0 "--centre JD init as the database's owner" hd --db "$OWNER" --centre JD init
run hd --db "$OWNER" centre list
expect_out "^1	JD	" "init --centre JD names the first centre JD (centre list)"
# The first centre, made by init, is bound by centre bind.
expect_rc 0 "centre bind JD --role jd_desk (the first centre, made by init)" \
	hd --db "$OWNER" centre bind JD --role jd_desk
expect_rc 0 "centre add HY with its role" hd --db "$OWNER" centre add --code HY --name 花园街道 --role hy_desk
expect_rc 0 "centre add SH with its role" hd --db "$OWNER" centre add --code SH --name 沙河街道 --role sh_desk
run hd --db "$OWNER" centre list
expect_eq "$(cut -f2,4 "$T/out" | tr '\t\n' ': ')" "code:database role HY:hy_desk JD:jd_desk SH:sh_desk " \
	"centre list: the three centres, each with its role"
expect_rc 3 "centre bind HY to JD's role" hd --db "$OWNER" centre bind HY --role jd_desk
expect_err "jd_desk serves centre JD already" "which names the centre the role serves"
expect_rc 4 "centre bind of a centre not there" hd --db "$OWNER" centre bind XX --role hy_desk
expect_err "no centre XX" "which names the code"
expect_rc 2 "centre bind to a role PostgreSQL lacks" hd --db "$OWNER" centre bind HY --role nobody_here
expect_err "no role nobody_here" "which names the role"
expect_rc 0 "centre bind again to the role it has" hd --db "$OWNER" centre bind HY --role hy_desk
jd=$(as dist_owner "SELECT id FROM centre WHERE code = 'JD'")
hy=$(as dist_owner "SELECT id FROM centre WHERE code = 'HY'")

export HUBDESK_SPOOL="$T/spool"
mkdir -p "$HUBDESK_SPOOL"
# fill URL: a centre's records through hubdesk as its role: a room and its
# closure, an organisation, a team filed, an account, a visitor (one
# erased, one whose slip waits in the spool), a closure, a booking, a
# setting.
fill() {
	_u=$1
	{
		hd --db "$_u" room add --name 一号会议室 --kind 1 --capacity 20 &&
			hd --db "$_u" org add --name 阳光社工服务社 --kind 2 --credit-code 52310115MJ50000173 &&
			hd --db "$_u" team apply --name 晨光太极队 --category 1 --leader 周红 --phone 13811113333 \
				--members 12 --content 太极拳 --place 中心广场 --schedule '每天 07:00' \
				--committee 东方居委会 &&
			hd --db "$_u" staff add --name 王芳 --role staff <<EOF
246813
EOF
	} >"$T/fill.out" 2>"$T/fill.err" || return 1
	_room=$(hd --db "$_u" room list | awk -F'\t' '$2 == "一号会议室" { print $1 }')
	_org=$(hd --db "$_u" org list | awk -F'\t' '$2 == "阳光社工服务社" { print $1 }')
	_team=$(hd --db "$_u" team list | awk -F'\t' '$2 == "晨光太极队" { print $1 }')
	{
		hd --db "$_u" room close "$_room" --from '2026-12-01 09:00' --to '2026-12-01 12:00' \
			--reason 检修 && hd --db "$_u" team review "$_team" && hd --db "$_u" team file "$_team" --no-print &&
			hd --db "$_u" visitor checkin --name 张三 --phone 13900001111 --purpose 1 \
				--whom 李主任 --no-print &&
			hd --db "$_u" visitor checkin --name 李四 --purpose 1 --org "$_org" &&
			hd --db "$_u" closure add --from 2026-12-31 --to 2027-01-01 --reason 元旦 &&
			hd --db "$_u" config set closed.weekdays 7 &&
			hd --db "$_u" closure open 2026-12-06 --reason 调休 &&
			hd --db "$_u" booking add --room "$_room" --org "$_org" --start '2026-11-25 09:00' \
				--end '2026-11-25 10:00' --no-print &&
			hd --db "$_u" config set booking.max_hours 3
	} >>"$T/fill.out" 2>>"$T/fill.err" || return 1
	_visit=$(hd --db "$_u" visitor list | awk -F'\t' 'NR > 1 && $0 ~ /张三/ { print $1 }' | head -1)
	HUBDESK_NOW=2026-11-23T10:00:00+08:00 hd --db "$_u" visitor erase "$_visit" \
		>>"$T/fill.out" 2>>"$T/fill.err"
}
for c in JD HY; do
	eval "u=\$$c"
	if fill "$u"; then
		ok "centre $c's records are made through hubdesk as its role"
	else
		not_ok "centre $c's records are made through hubdesk as its role" "$(tail -5 "$T/fill.err")"
	fi
done

# --- The database holds the centres apart, table by table. ---
tables=$(as dist_owner "SELECT string_agg(table_name, ' ' ORDER BY table_name)
	FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'centre_id'")
expect_eq "$(echo "$tables" | wc -w | tr -d ' ')" \
	"$(as postgres "SELECT count(*) FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
		WHERE c.relkind = 'r' AND a.attname = 'centre_id' AND c.relnamespace = 'public'::regnamespace
		AND c.relrowsecurity AND c.relforcerowsecurity")" \
	"every table with centre_id has row-level security on and forced ($tables)"
with_rows=""
for t in $tables; do
	both=$(as postgres "SELECT count(*) FILTER (WHERE centre_id = $jd) || ' ' ||
		count(*) FILTER (WHERE centre_id = $hy) FROM $t")
	jd_n=${both% *}
	hy_n=${both#* }
	[ "$hy_n" -gt 0 ] && with_rows="$with_rows $t"
	expect_eq "$(as jd_desk "SELECT count(*) FILTER (WHERE centre_id = $jd) || ' ' ||
		count(*) FILTER (WHERE centre_id <> $jd) FROM $t")" "$jd_n 0" \
		"$t: JD's role reads its $jd_n rows and none of another centre's ($hy_n of HY's)"
	expect_eq "$(as dist_owner "SELECT count(*) FILTER (WHERE centre_id = $jd) || ' ' ||
		count(*) FILTER (WHERE centre_id = $hy) FROM $t")" "$jd_n $hy_n" \
		"$t: the owner reads both centres' rows ($jd_n of JD, $hy_n of HY)"
	expect_eq "$(as jd_desk "SET hubdesk.centre = '$hy'; SELECT count(*) FILTER (WHERE centre_id = $jd) || ' ' ||
		count(*) FILTER (WHERE centre_id <> $jd) FROM $t")" "$jd_n 0" \
		"$t: SET hubdesk.centre to HY as JD's role changes nothing"
	if as jd_desk "INSERT INTO $t(centre_id) VALUES ($hy)" >"$T/ins.out" 2>"$T/ins.err"; then
		not_ok "$t: a row inserted into HY as JD's role is refused" "it was inserted"
	elif grep -q 'row-level security' "$T/ins.err"; then
		ok "$t: a row inserted into HY as JD's role is refused by row-level security"
	else
		not_ok "$t: a row inserted into HY as JD's role is refused by row-level security" \
			"$(cat "$T/ins.err")"
	fi
	if as jd_desk "SET hubdesk.centre = '$hy'; INSERT INTO $t(centre_id) VALUES ($hy)" \
		>"$T/ins.out" 2>"$T/ins.err"; then
		not_ok "$t: with hubdesk.centre set to HY, JD's role still cannot insert into HY" "it was inserted"
	else
		grep -q 'row-level security' "$T/ins.err" &&
			ok "$t: with hubdesk.centre set to HY, JD's role still cannot insert into HY" ||
			not_ok "$t: with hubdesk.centre set to HY, JD's role still cannot insert into HY" \
				"$(cat "$T/ins.err")"
	fi
	if [ "$jd_n" -gt 0 ]; then
		if as jd_desk "UPDATE $t SET centre_id = $hy" >"$T/up.out" 2>"$T/up.err"; then
			not_ok "$t: moving JD's rows into HY as JD's role is refused" "the update went through"
		elif grep -q 'row-level security' "$T/up.err"; then
			ok "$t: moving JD's rows into HY as JD's role is refused by row-level security"
		else
			not_ok "$t: moving JD's rows into HY as JD's role is refused by row-level security" \
				"$(cat "$T/up.err")"
		fi
	fi
	expect_eq "$(as jd_desk "WITH u AS (UPDATE $t SET centre_id = centre_id WHERE centre_id = $hy
		RETURNING 1) SELECT count(*) FROM u")" 0 "$t: JD's role updates none of HY's rows"
	expect_eq "$(as jd_desk "WITH d AS (DELETE FROM $t WHERE centre_id = $hy RETURNING 1)
		SELECT count(*) FROM d")" 0 "$t: JD's role deletes none of HY's rows"
done
expect_eq "$(as postgres "SELECT count(*) FROM (SELECT DISTINCT centre_id FROM booking) s")" 2 \
	"the rows of both centres are still there"
ok "tables with rows of HY checked:$with_rows"

# --- hubdesk chooses the centre. ---
expect_rc_err 3 '--centre' "JD's role asking for --centre HY is refused naming --centre" \
	hd --db "$JD" --centre HY room list
expect_rc 0 "JD's role with no --centre" hd --db "$JD" config get centre.code
expect_eq "$(cat "$T/out")" JD "JD's role with no --centre serves JD"
HUBDESK_CENTRE=HY expect_rc_err 3 '--centre' "JD's role with HUBDESK_CENTRE=HY is refused" \
	hd --db "$JD" room list
expect_rc_err 2 '--centre.*HY.*JD.*SH|--centre.*JD.*HY.*SH' \
	"the owner with no --centre on three centres: exit 2 naming --centre and the codes" \
	hd --db "$OWNER" room list
expect_err 'JD, HY, SH|HY, JD, SH|JD.*HY.*SH' "it lists the codes"
expect_rc_err 2 '--centre: no centre XX' "the owner with an unknown --centre" hd --db "$OWNER" --centre XX room list
expect_rc_err 2 '--centre' "the owner with a malformed --centre" hd --db "$OWNER" --centre 'J D!' room list
expect_rc 0 "the owner with --centre HY" hd --db "$OWNER" --centre HY config get centre.code
expect_eq "$(cat "$T/out")" HY "the owner with --centre HY serves HY"
expect_rc_err 1 'superuser' "the superuser postgres on the database of three centres: exit 1" \
	hd --db "$SUPER" room list
expect_rc_err 1 'superuser' "the superuser postgres with --centre JD: exit 1 too" \
	hd --db "$SUPER" --centre JD room list

# --- A code printed at JD is forged at HY. ---
jd_room=$(hd --db "$JD" room list | awk -F'\t' 'NR > 1 { print $1; exit }')
jd_org=$(hd --db "$JD" org list | awk -F'\t' 'NR > 1 { print $1; exit }')
run hd --db "$JD" booking add --room "$jd_room" --org "$jd_org" --start '2026-11-24 10:00' \
	--end '2026-11-24 11:00' --no-print
code=$(cut -f2 "$T/out")
expect_eq "$RC" 0 "a booking at JD prints its code ($code)"
HUBDESK_NOW=2026-11-24T10:00:00+08:00 expect_rc_err 5 'not a genuine code of this centre' \
	"JD's booking code is refused at HY as forged" hd --db "$HY" booking checkin "$code"
HUBDESK_NOW=2026-11-24T10:00:00+08:00 expect_rc 0 "and checks in at JD" hd --db "$JD" booking checkin "$code"

# --- Names are unique per centre. ---
team() {
	hd --db "$1" team apply --name 夕阳合唱团 --category 1 --leader 周红 --phone 13811113333 \
		--members 12 --content 合唱 --place 中心广场 --schedule '每周三' --committee 西湖居委会
}
expect_rc 0 "a team at JD" team "$JD"
expect_rc 0 "a team of the same name and committee at HY" team "$HY"
expect_rc_err 3 'exists already|already' "the same team twice at JD is refused" team "$JD"
expect_rc 0 "a room at JD" hd --db "$JD" room add --name 舞蹈室 --kind 1 --capacity 30
expect_rc 0 "a room of the same name at HY" hd --db "$HY" room add --name 舞蹈室 --kind 1 --capacity 30
expect_rc_err 3 '舞蹈室' "the same room name twice at JD is refused" \
	hd --db "$JD" room add --name 舞蹈室 --kind 1 --capacity 30
expect_rc 0 "an organisation at JD" hd --db "$JD" org add --name 邻里互助会 --kind 2
expect_rc 0 "an organisation of the same name at HY" hd --db "$HY" org add --name 邻里互助会 --kind 2
expect_rc_err 3 'exists already' "the same organisation name twice at JD is refused" \
	hd --db "$JD" org add --name 邻里互助会 --kind 2
expect_rc 0 "a credit code at JD" hd --db "$JD" org add --name 书画研究会 --kind 2 --credit-code 52310115MJ5000028W
expect_rc 0 "the same credit code at HY" hd --db "$HY" org add --name 书画研究会 --kind 2 --credit-code 52310115MJ5000028W
expect_rc_err 3 'credit code|52310115MJ5000028W' "the same credit code twice at JD is refused" \
	hd --db "$JD" org add --name 另一个研究会 --kind 2 --credit-code 52310115MJ5000028W
# staff_add URL: an account named 李明, its PIN on stdin; exit code in RC.
staff_add() {
	echo 135791 | "$HUBDESK" --lang en --db "$1" staff add --name 李明 --role staff >"$T/out" 2>"$T/err"
	RC=$?
}
staff_add "$JD"
expect_eq "$RC" 0 "an account at JD"
staff_add "$HY"
expect_eq "$RC" 0 "an account of the same name at HY"
staff_add "$JD"
if [ "$RC" = 3 ] && grep -q '李明' "$T/err"; then
	ok "the same account name twice at JD is refused (exit 3, naming 李明)"
else
	not_ok "the same account name twice at JD is refused (exit 3, naming 李明)" "exit $RC: $(cat "$T/err")"
fi

# --- Settings and filing numbers are per centre. ---
expect_rc 0 "config set booking.days_ahead 30 at JD" hd --db "$JD" config set booking.days_ahead 30
hy_days=$(hd --db "$HY" config get booking.days_ahead)
expect_eq "$(hd --db "$JD" config get booking.days_ahead) $(hd --db "$SH" config get booking.days_ahead)" \
	"30 $hy_days" "JD's setting is JD's; HY and SH keep the default ($hy_days)"
[ "$hy_days" != 30 ] && ok "HY's booking.days_ahead is not JD's" || not_ok "HY's booking.days_ahead is not JD's"
# A centre's code is its own: another centre's would number filings alike.
expect_rc_err 3 'centre\.code: HY is the code of the centre 花园街道' \
	"config set centre.code HY at JD is refused, naming the centre HY" \
	hd --db "$JD" config set centre.code HY
expect_rc_err 3 'centre\.code: SH is the code of the centre 沙河街道' \
	"the owner's --centre HY setting sh (raised to SH) is refused, naming SH" \
	hd --db "$OWNER" --centre HY config set centre.code sh
expect_eq "$(hd --db "$JD" config get centre.code) $(hd --db "$HY" config get centre.code)" "JD HY" \
	"JD and HY keep their codes"
expect_rc 0 "config set centre.code JD at JD (its own code) is taken" \
	hd --db "$JD" config set centre.code JD
# number_of URL NAME: the filing number `team show` gives for the team NAME.
number_of() {
	_id=$(hd --db "$1" team list | awk -F'\t' -v n="$2" '$2 == n { print $1 }')
	hd --db "$1" team show "$_id" | awk -F'\t' '$1 == "Filing number" { print $2 }'
}
expect_eq "$(number_of "$JD" 晨光太极队) $(number_of "$HY" 晨光太极队)" "JD-2026-0001 HY-2026-0001" \
	"each centre's first team filed in 2026 has its own -0001 with its own code"
expect_eq "$(as dist_owner "SELECT string_agg(c.code || ':' || f.seq, ' ' ORDER BY c.code)
	FROM filing_number f JOIN centre c ON c.id = f.centre_id")" "HY:1 JD:1" \
	"the owner sees both numbers, each centre's place 1"

# --- Desks of two centres book the same slots at once. ---
DESKS=4
SLOTS=6
for c in JD HY; do
	eval "u=\$$c"
	hd --db "$u" config set booking.quota_hours_week 0 >/dev/null
	eval "room_$c=\$(hd --db \"\$u\" room list | awk -F'\t' '\$2 == \"一号会议室\" { print \$1 }')"
	eval "org_$c=\$(hd --db \"\$u\" org list | awk -F'\t' '\$2 == \"阳光社工服务社\" { print \$1 }')"
done
# desk CENTRE N: books the SLOTS hours from 2026-11-26 09:00 of its centre's
# room in turn; per try a line "exit-code hour" in rc-CENTRE-N, the times
# of its first and last try in span-CENTRE-N.
desk() {
	eval "_u=\$$1 _room=\$room_$1 _org=\$org_$1"
	_s=0
	now_ms >"$T/span-$1-$2"
	while [ "$_s" -lt "$SLOTS" ]; do
		_h=$((9 + _s))
		"$HUBDESK" --lang en --db "$_u" --desk "$1-desk$2" booking add --room "$_room" --org "$_org" \
			--start "$(printf '2026-11-26 %02d:00' "$_h")" --end "$(printf '2026-11-26 %02d:00' $((_h + 1)))" \
			--no-print </dev/null >>"$T/got-$1-$2" 2>>"$T/err-$1-$2"
		echo "$? $_h" >>"$T/rc-$1-$2"
		_s=$((_s + 1))
	done
	now_ms >>"$T/span-$1-$2"
}
n=1
while [ "$n" -le "$DESKS" ]; do
	desk JD "$n" &
	desk HY "$n" &
	n=$((n + 1))
done
wait
for c in JD HY; do
	expect_eq "$(cat "$T"/rc-$c-* | wc -l | tr -d ' ')" $((DESKS * SLOTS)) "$c: every desk made all its tries"
	expect_eq "$(cat "$T"/rc-$c-* | grep -c '^1 ')" 0 "$c: no try failed (exit 1)"
	expect_eq "$(cat "$T"/rc-$c-* | grep -cv '^[03] ')" 0 "$c: every try booked (0) or was refused by a rule (3)"
	expect_eq "$(cat "$T"/rc-$c-* | awk '$1 == 0 { print $2 }' | sort | uniq -c | awk '$1 == 1' | wc -l |
		tr -d ' ')" "$SLOTS" "$c: exactly one desk won each of the $SLOTS slots"
	eval "u=\$$c"
	expect_eq "$(hd --db "$u" booking list --date 2026-11-26 | awk 'NR > 1' | wc -l | tr -d ' ')" "$SLOTS" \
		"$c: its own list of 2026-11-26 holds the $SLOTS bookings"
done
# When each centre's desks wrote (not a check: the machine's load decides).
span() { cat "$T"/span-$1-* | sort -n | sed -n '1p;$p' | tr '\n' ' '; }
echo "# JD's desks wrote from/until $(span JD)ms, HY's $(span HY)ms"

# A centre's writers take their own centre's turn: with JD's turn held
# (by a psql session, as a desk of JD in the middle of a write), a desk
# of HY books at once, and a desk of JD waits for the turn.
mkfifo "$T/hold"
PGOPTIONS="-c client_min_messages=warning" "$PSQL" -X -q -At -h "$PGDIR" -U jd_desk -d dist \
	<"$T/hold" >"$T/hold.out" 2>&1 &
hold_pid=$!
exec 7>"$T/hold"
echo "SELECT pg_advisory_lock(1213547076, $((2 * jd + 1))); \\o $T/held
SELECT 1;
\\o" >&7
wait_for 10 test -s "$T/held" || not_ok "a session holds JD's turn" "$(cat "$T/hold.out")"
expect_rc 0 "a desk of HY books while JD's turn is held" hd --db "$HY" booking add --room "$room_HY" \
	--org "$org_HY" --start '2026-11-27 09:00' --end '2026-11-27 10:00' --no-print
"$HUBDESK" --lang en --db "$JD" booking add --room "$room_JD" --org "$org_JD" --start '2026-11-27 09:00' \
	--end '2026-11-27 10:00' --no-print </dev/null >"$T/jdwait.out" 2>"$T/jdwait.err" &
jd_pid=$!
# jd_waits: a desk of JD holds its place in the queue for JD's turn.
jd_waits() {
	[ "$(as postgres "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 1213547076
		AND objid = $((2 * jd + 2)) AND granted")" -gt 0 ]
}
if wait_for 10 jd_waits; then
	ok "a desk of JD waits for JD's turn"
else
	not_ok "a desk of JD waits for JD's turn"
fi
echo "SELECT pg_advisory_unlock_all();" >&7
exec 7>&-
wait "$hold_pid"
wait "$jd_pid"
expect_eq "$?" 0 "once the turn is given back, the desk of JD books"

# A person's number comes from the sequence: a centre's role cannot give
# a record a number of its own choosing (which another centre's next
# record would then find taken), nor point a record at another centre's.
got=$(as jd_desk "INSERT INTO person(id, name, last_visit, created) VALUES (5000, '旧访客', 0, 0)" 2>&1)
case $got in
*"permission denied"*) ok "a centre's role cannot choose a record's number (permission denied)" ;;
*) not_ok "a centre's role cannot choose a record's number" "$got" ;;
esac
hy_room=$(as dist_owner "SELECT id FROM room WHERE centre_id = $hy ORDER BY id LIMIT 1")
got=$(as jd_desk "INSERT INTO room_closure(room_id, start, \"end\", reason, created)
	VALUES ($hy_room, 0, 60, 'x', 0)" 2>&1)
case $got in
*"foreign key"*) ok "a centre's record cannot refer to another centre's room (foreign key)" ;;
*) not_ok "a centre's record cannot refer to another centre's room" "$got" ;;
esac
expect_rc 0 "centre add QX (no role)" hd --db "$OWNER" centre add --code QX --name 青溪街道
expect_rc 0 "the owner checks in a visitor at QX" hd --db "$OWNER" --centre QX visitor checkin \
	--name 王五 --purpose 1 --no-print
expect_eq "$(as dist_owner "SELECT count(*) FROM person a JOIN person b ON b.id = a.id
	AND b.centre_id <> a.centre_id")" 0 "no two centres' people share a number"

# A centre bound to a new role: the old role serves nothing and reads
# nothing, whatever it sets; a member of a centre's role is held to it.
DB=postgres as postgres "CREATE ROLE sh_new LOGIN; CREATE ROLE sh_friend LOGIN IN ROLE hy_desk" >/dev/null
expect_rc 0 "centre bind SH to a new role" hd --db "$OWNER" centre bind SH --role sh_new
expect_rc 1 "the old role, its rights taken, cannot use the database" hd --db "$(url sh_desk)" room list
expect_err "permission denied" "which the server says"
got=$(as sh_desk "SET hubdesk.centre = '$jd'; SELECT count(*) FROM room" 2>&1)
case $got in
*"permission denied"* | 0) ok "the old role reads nothing, even with hubdesk.centre set ($got)" ;;
*) not_ok "the old role reads nothing, even with hubdesk.centre set" "$got" ;;
esac
expect_rc 0 "the new role serves SH" hd --db "$(url sh_new)" room list
expect_eq "$(as sh_friend "SET hubdesk.centre = '$jd'; SELECT count(*) FROM room WHERE centre_id <> $hy")" 0 \
	"a member of HY's role reads nothing of another centre, whatever it sets"
expect_rc 2 "binding the owner is refused" hd --db "$OWNER" centre bind SH --role dist_owner
expect_err "owner" "which names the owner"
expect_rc 3 "a centre's role cannot add centres" hd --db "$(url jd_desk)" centre add --code ZZ --name 某
expect_err "owner" "which says only the owner may"

# --- init --centre, and centres on SQLite. ---
new_pg=$(url dist_owner new)
DB=postgres as postgres "CREATE DATABASE new OWNER dist_owner" >/dev/null
expect_rc 0 "--centre JD init on a new PostgreSQL database" hd --db "$new_pg" --centre JD init
run hd --db "$new_pg" centre list
expect_eq "$(awk -F'\t' 'NR > 1 { print $2 }' "$T/out" | tr '\n' ' ')" "JD " \
	"centre list: the new PostgreSQL database's one centre is JD"
file="$T/one.db"
expect_rc 0 "--centre JD init on a new SQLite file" hd --db "$file" --centre JD init
run hd --db "$file" centre list
expect_eq "$(awk -F'\t' 'NR > 1 { print $2 }' "$T/out" | tr '\n' ' ')" "JD " \
	"centre list: the new SQLite file's one centre is JD"
expect_rc 0 "the file serves its centre with --centre JD" hd --db "$file" --centre JD config get centre.code
expect_rc_err 2 'db|SQLite' "centre add on a SQLite file: exit 2 naming the database" \
	hd --db "$file" centre add --code HY --name 花园街道
expect_rc_err 2 '--centre' "--centre OTHER on a SQLite file: exit 2 naming --centre" \
	hd --db "$file" --centre OTHER room list

done_testing
