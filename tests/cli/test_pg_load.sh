# SPDX-License-Identifier: GPL-3.0-or-later
# test_pg_load.sh - `load FILE.db`: a centre's SQLite file (the demo with
# four weeks of history) moves whole into centre JD of a district's
# PostgreSQL database, a second file into centre HY. Every kind of record
# arrives (the counts printed are the file's), the reports of two months
# read the same, staff sign in with their PINs' hashes, filing numbers and
# the teams' latest bookings stay, and a code printed before the move
# still works at its own centre, names the record's new number, and is
# refused at the other centre. A centre that holds records is refused and
# nothing is written; a file that is not hubdesk's and a SQLite --db are
# refused, and so is a file that holds no records. The block of ids a
# load reserves cannot be taken meanwhile: PostgreSQL holds nextval back
# while ALTER SEQUENCE's lock is held. The block covers every number the
# file names, an erased visitor's too: after a file whose newest visitor
# was erased, the centres' new visitors still get numbers of their own.
# The print queue's documents lose the old machine's print state.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/pglib.sh"

pg_world
PSQL="$(sh "$TOP/tests/pg.sh" bin)/psql"
# as_owner SQL: a query as the district's owner role, reading every centre.
as_owner() { "$PSQL" -X -q -At -h "$PGDIR" -U dist_owner -d district -c "$1"; }
"$PSQL" -X -q -h "$PGDIR" -U postgres -d postgres -v ON_ERROR_STOP=1 \
	-c "CREATE ROLE dist_owner LOGIN" -c "CREATE DATABASE district OWNER dist_owner" \
	-c "CREATE ROLE jd_desk LOGIN" -c "CREATE ROLE hy_desk LOGIN" >"$T/roles.out" 2>&1 ||
	not_ok "the district's roles are made" "$(cat "$T/roles.out")"
D="postgresql:///district?host=$PGDIR&user=dist_owner"
D_JD="postgresql:///district?host=$PGDIR&user=jd_desk"
NAME=花园街道社会组织服务中心
pd() { "$HUBDESK" --db "$D" "$@"; }
expect_rc 0 "the district's database is made (centre HD)" pd --centre HD init
expect_rc 0 "centre JD is added, bound to jd_desk" \
	pd centre add --code JD --name "$NAME" --role jd_desk
expect_rc 0 "centre HY is added, bound to hy_desk" \
	pd centre add --code HY --name "$NAME" --role hy_desk

# The first file: the demo and its past four weeks (by the machine's
# clock, as `make run` makes it), and a booking a week ahead whose code is
# printed (a day of no booking yet: the history's are all past).
A=$T/a.db
"$HUBDESK" --db "$A" init --demo >/dev/null 2>&1
(cd "$TOP" && TZ=Asia/Shanghai sh tools/demo-history.sh "$A" >/dev/null 2>&1)
export HUBDESK_NOW="$(date +%F)T09:00:00+08:00"
DAY=$(date -d '+7 days' +%F)
expect_rc 0 "a booking is made in the file before the move" "$HUBDESK" --db "$A" booking add \
	--room 1 --org 1 --start "$DAY 10:00" --end "$DAY 11:00" --no-print
A_OLD=$(cut -f1 "$T/out")
A_CODE=$(cut -f2 "$T/out")
"$HUBDESK" --db "$A" staff add --name 王管理 --role admin >/dev/null 2>&1 <<EOF
135790
EOF
TABLES="room room_closure org team team_step filing_number staff person visitee visit closure
	booking spool audit erasure opening name_gram name_pinyin setting meta"
file_counts() {
	for t in $TABLES; do
		printf '%s\t%s\n' "$t" "$(sqlite3 "$1" "SELECT count(*) FROM $t")"
	done
}
file_counts "$A" >"$T/a.counts"
M1=$(date +%Y-%m)
M0=$(date -d "$(date +%Y-%m-01) -1 day" +%Y-%m)
"$HUBDESK" --db "$A" report --month "$M0" >"$T/a.$M0" 2>&1
"$HUBDESK" --db "$A" report --month "$M1" >"$T/a.$M1" 2>&1
"$HUBDESK" --db "$A" staff list >"$T/a.staff" 2>&1
sqlite3 "$A" "SELECT t.name || '|' || f.number FROM filing_number f JOIN team t ON t.id = f.team_id
	ORDER BY 1" >"$T/a.filing"
sqlite3 "$A" "SELECT name || '|' || ifnull(last_booked, '') FROM team ORDER BY 1" >"$T/a.booked"

t0=$(date +%s)
expect_rc 0 "the file loads into centre JD" pd --centre JD load "$A"
echo "# load of the demo with history took $(($(date +%s) - t0)) s"
expect_eq "$(cat "$T/out")" "$(cat "$T/a.counts")" "the counts printed per kind are the file's"
expect_eq "$(as_owner "SELECT count(*) FROM visit v JOIN centre c ON c.id = v.centre_id
	WHERE c.code = 'JD'")" "$(sqlite3 "$A" "SELECT count(*) FROM visit")" \
	"centre JD holds the file's visits"

pj() { "$HUBDESK" --db "$D" --centre JD "$@"; }
pj report --month "$M0" >"$T/jd.$M0" 2>&1
pj report --month "$M1" >"$T/jd.$M1" 2>&1
expect_eq "$(cat "$T/jd.$M0")" "$(cat "$T/a.$M0")" "the report of $M0 reads the same at JD"
expect_eq "$(cat "$T/jd.$M1")" "$(cat "$T/a.$M1")" "the report of $M1 reads the same at JD"
if grep -q '来访' "$T/jd.$M1" && ! grep -q '来访： 0,' "$T/jd.$M1"; then
	ok "the report of $M1 counts visits"
else
	not_ok "the report of $M1 counts visits" "$(head -5 "$T/jd.$M1")"
fi
pj staff list >"$T/jd.staff" 2>&1
expect_eq "$(cut -f2- "$T/jd.staff" | sort)" "$(cut -f2- "$T/a.staff" | sort)" \
	"staff list at JD shows the file's accounts"
A_HASH=$(sqlite3 "$A" "SELECT pin_hash FROM staff WHERE name = '王管理'")
case $A_HASH in
'$argon2id$'*) ok "the file has the account 王管理 with its PIN's hash" ;;
*) not_ok "the file has the account 王管理 with its PIN's hash" "$A_HASH" ;;
esac
expect_eq "$(as_owner "SELECT s.pin_hash FROM staff s JOIN centre c ON c.id = s.centre_id
	WHERE c.code = 'JD' AND s.name = '王管理'")" "$A_HASH" "the account's PIN hash moved as it was"
expect_eq "$(as_owner "SELECT t.name || '|' || f.number FROM filing_number f
	JOIN team t ON t.id = f.team_id JOIN centre c ON c.id = f.centre_id
	WHERE c.code = 'JD' ORDER BY 1")" "$(cat "$T/a.filing")" \
	"the file's teams keep their filing numbers"
expect_eq "$(as_owner "SELECT t.name || '|' || coalesce(t.last_booked::text, '') FROM team t
	JOIN centre c ON c.id = t.centre_id WHERE c.code = 'JD' ORDER BY 1")" \
	"$(cat "$T/a.booked")" "the file's teams keep their latest bookings"

JD_SHIFT=$(as_owner "SELECT m.shift FROM centre_move m JOIN centre c ON c.id = m.centre_id
	WHERE c.code = 'JD' AND m.kind = 'booking'")
expect_rc 0 "the old code verifies at JD" pj verify "$A_CODE"
expect_out "booking	$((A_OLD + JD_SHIFT))" "verify names the booking's new number $((A_OLD + JD_SHIFT))"
expect_rc 0 "the old code checks in at JD, as JD's own account" env \
	HUBDESK_NOW="${DAY}T10:00:00+08:00" "$HUBDESK" --db "$D_JD" booking checkin "$A_CODE"
expect_eq "$(as_owner "SELECT state FROM booking WHERE id = $((A_OLD + JD_SHIFT))")" checked_in \
	"the moved booking is checked in"

# The block a load reserves: while ALTER SEQUENCE's lock is held (as the
# load holds it between reading the sequence and moving it past the
# block), PostgreSQL holds back every nextval of that sequence.
SEQ=$(as_owner "SELECT pg_get_serial_sequence('visit', 'id')")
"$PSQL" -X -q -h "$PGDIR" -U dist_owner -d district \
	-c "BEGIN" -c "ALTER SEQUENCE $SEQ NO CYCLE" -c "SELECT pg_sleep(3)" -c "COMMIT" \
	>/dev/null 2>&1 &
held() {
	[ "$(as_owner "SELECT count(*) FROM pg_locks WHERE relation = '$SEQ'::regclass
		AND mode = 'ShareRowExclusiveLock' AND granted")" = 1 ]
}
if wait_for 10 held; then
	if as_owner "SET lock_timeout = '300ms'; SELECT nextval('$SEQ')" >"$T/nv.out" 2>&1; then
		not_ok "nextval waits while the sequence is locked" "$(cat "$T/nv.out")"
	else
		expect_eq "$(grep -c 'lock timeout' "$T/nv.out")" 1 \
			"nextval waits while the sequence is locked (lock timeout)"
	fi
else
	not_ok "ALTER SEQUENCE holds the sequence's lock"
fi
wait

# The second file: another installation (its own key), another booking.
B=$T/b.db
"$HUBDESK" --db "$B" init --demo >/dev/null 2>&1
"$HUBDESK" --db "$B" booking add --room 2 --org 2 --start "$DAY 14:00" \
	--end "$DAY 15:00" --no-print >"$T/b.booked" 2>&1
B_OLD=$(cut -f1 "$T/b.booked")
B_CODE=$(cut -f2 "$T/b.booked")
# Records of the kinds the demo lacks: closures, a visitor for someone
# named in words, an erased visitor, printed documents (bytes).
pb() { "$HUBDESK" --db "$B" "$@" >/dev/null 2>&1; }
pb closure add --from "$DAY" --to "$DAY" --reason 盘点
pb room close 2 --from "$DAY 16:00" --to "$DAY 18:00" --reason 维修
pb visitor checkin --name 张三 --purpose 1 --whom 王老师
pb visitor erase 1
pb visitor checkin --name 李四 --purpose 1 --org 3
pb print test --format pdf
# The newest visitor erased: erasure keeps a number above every person's.
"$HUBDESK" --db "$B" visitor checkin --name 赵六 --purpose 1 --no-print >"$T/b.newest" 2>&1
pb visitor erase "$(cut -f1 "$T/b.newest")"
expect_eq "$(sqlite3 "$B" "SELECT (SELECT max(person_id) FROM erasure)
	> (SELECT coalesce(max(id), 0) FROM person)")" 1 \
	"the file's newest visitor is erased (erasure names the highest person number)"
# The old desk's print state: a document printed (job and file of its
# machine), one that was printing when the file was copied.
sqlite3 "$B" "UPDATE spool SET state = 'done', cups_job = 77, file = '/old/a.pdf', attempts = 1
	WHERE id = (SELECT min(id) FROM spool);
	UPDATE spool SET state = 'printing', cups_job = 78, attempts = 2, last_error = 'jam'
	WHERE id = (SELECT max(id) FROM spool)"
expect_eq "$(sqlite3 "$B" "SELECT count(*) FROM spool WHERE cups_job IS NOT NULL") \
$(sqlite3 "$B" "SELECT count(*) FROM spool WHERE state = 'waiting' AND file IS NOT NULL")" "2 1" \
	"the file's spool has documents of jobs and files of the old machine"
SPOOL_AFTER=$(sqlite3 "$B" "SELECT CASE WHEN state = 'done' THEN 'done||' || attempts || '|'
	|| ifnull(last_error, '') ELSE 'waiting||0|' END || '|' FROM spool ORDER BY id")
# refs DB: what the references of those records name, as SQL over DB.
REFS="SELECT 'visit|' || coalesce(o.name, '') || '|' || coalesce(w.name, '') || '|'
	|| coalesce(p.name, '') FROM visit v LEFT JOIN org o ON o.id = v.org_id
	LEFT JOIN visitee w ON w.id = v.visitee_id LEFT JOIN person p ON p.id = v.person_id
	UNION ALL SELECT 'closed|' || r.name || '|' || c.reason FROM room_closure c
	JOIN room r ON r.id = c.room_id
	UNION ALL SELECT 'spool|' || s.kind || '|' || coalesce(v.desk, '') || '|'
	|| lower(hex(s.data)) FROM spool s LEFT JOIN visit v ON v.id = s.record_id
	AND s.kind = 'visitor'"
sqlite3 "$B" "$REFS ORDER BY 1" >"$T/b.refs"
B_ERASED=$(sqlite3 "$B" "SELECT person_id FROM erasure ORDER BY 1")
file_counts "$B" >"$T/b.counts"
expect_rc 0 "a second file loads into centre HY" pd --centre HY load "$B"
expect_eq "$(cat "$T/out")" "$(cat "$T/b.counts")" "HY: the counts printed are the file's"
HY_SHIFT=$(as_owner "SELECT m.shift FROM centre_move m JOIN centre c ON c.id = m.centre_id
	WHERE c.code = 'HY' AND m.kind = 'booking'")
if [ "$HY_SHIFT" -ge "$(sqlite3 "$A" "SELECT max(id) FROM booking")" ]; then
	ok "HY's bookings moved past JD's ($HY_SHIFT)"
else
	not_ok "HY's bookings moved past JD's" "shift $HY_SHIFT"
fi
ph() { "$HUBDESK" --db "$D" --centre HY "$@"; }
HY_REFS=$(echo "$REFS" | sed 's/lower(hex(s.data))/coalesce(encode(s.data, '"'hex'"'), '"''"')/;
	s/FROM visit v /FROM visit v JOIN centre k ON k.id = v.centre_id AND k.code = '"'HY'"' /;
	s/FROM room_closure c/FROM room_closure c JOIN centre k ON k.id = c.centre_id AND k.code = '"'HY'"'/;
	s/FROM spool s/FROM spool s JOIN centre k ON k.id = s.centre_id AND k.code = '"'HY'"'/')
if [ "$(grep -c . "$T/b.refs")" -ge 5 ]; then
	as_owner "$HY_REFS ORDER BY 1" >"$T/hy.refs"
	if cmp -s "$T/hy.refs" "$T/b.refs"; then
		ok "visits, room closures and printed documents name what they named in the file"
	else
		not_ok "visits, room closures and printed documents name what they named in the file" \
			"$(diff "$T/b.refs" "$T/hy.refs" | cut -c1-100)"
	fi
else
	not_ok "the second file has its visits, closure and documents" "$(cat "$T/b.refs" | cut -c1-80)"
fi
expect_eq "$(as_owner "SELECT e.person_id - m.shift FROM erasure e JOIN centre c
	ON c.id = e.centre_id JOIN centre_move m ON m.centre_id = c.id AND m.kind = 'person'
	WHERE c.code = 'HY' ORDER BY 1")" "$B_ERASED" "the erased visitors' numbers moved with the people"
expect_eq "$(as_owner "SELECT count(*) FROM erasure e JOIN centre c ON c.id = e.centre_id
	JOIN centre_move m ON m.centre_id = c.id AND m.kind = 'person' WHERE c.code = 'HY'
	AND e.person_id BETWEEN m.shift + 1 AND m.shift + m.last_old")" \
	"$(echo "$B_ERASED" | grep -c .)" "the erased visitors' numbers are inside HY's block"
expect_eq "$(as_owner "SELECT s.state || '|' || coalesce(s.cups_job::text, '') || '|' || s.attempts
	|| '|' || coalesce(s.last_error, '') || '|' || coalesce(s.file, '') FROM spool s
	JOIN centre c ON c.id = s.centre_id WHERE c.code = 'HY' ORDER BY s.id")" "$SPOOL_AFTER" \
	"documents not printed wait again with no job or file; printed ones keep no job or file"
expect_rc 0 "HY's old code verifies at HY" ph verify "$B_CODE"
expect_out "booking	$((B_OLD + HY_SHIFT))" "verify at HY names the booking's new number"
expect_rc 0 "JD's old code still verifies at JD" pj verify "$A_CODE"
expect_rc_err 5 '不是本中心开出的真实码' "JD's code is refused at HY as another centre's" \
	ph verify "$A_CODE"
expect_rc_err 5 '不是本中心开出的真实码' "HY's code is refused at JD" pj verify "$B_CODE"

# After the move the centres' desks go on: a new visitor at each centre
# gets a number of people no other centre holds, HY's first (its file's
# newest visitor was erased: a number past its block would be the next
# one HD's desk is given).
expect_rc 0 "a new visitor checks in at HY after the move" \
	ph visitor checkin --name 新访客乙 --purpose 1 --no-print
expect_rc 0 "a new visitor checks in at HD" \
	pd --centre HD visitor checkin --name 新访客丙 --purpose 1 --no-print
expect_rc 0 "a new visitor checks in at JD after the move" \
	pj visitor checkin --name 新访客甲 --purpose 1 --no-print
expect_eq "$(as_owner "SELECT count(DISTINCT id) FROM person WHERE name LIKE '新访客%'")" 3 \
	"the three new visitors are three people with three numbers"
expect_eq "$(as_owner "SELECT count(*) FROM person p, centre_move m WHERE p.name LIKE '新访客%'
	AND m.kind = 'person' AND m.centre_id <> p.centre_id
	AND p.id BETWEEN m.shift + 1 AND m.shift + m.last_old")" 0 \
	"no new visitor took a number of another centre's block"
expect_eq "$(as_owner "SELECT count(*) FROM person p JOIN erasure e ON e.person_id = p.id
	WHERE p.name LIKE '新访客%'")" 0 "no new visitor took an erased visitor's number"
expect_rc 0 "a second new visitor checks in at HD" \
	pd --centre HD visitor checkin --name 新访客丁 --purpose 1 --no-print
expect_rc 0 "a second new visitor checks in at HY" \
	ph visitor checkin --name 新访客戊 --purpose 1 --no-print
expect_eq "$(as_owner "SELECT count(DISTINCT id) FROM person WHERE name LIKE '新访客%'")" 5 \
	"five new visitors, five numbers"

# Refusals.
digest() {
	as_owner "SELECT (SELECT count(*) FROM visit) || ' ' || (SELECT count(*) FROM booking)
		|| ' ' || (SELECT count(*) FROM room) || ' ' || (SELECT count(*) FROM audit)
		|| ' ' || (SELECT count(*) FROM centre_move) || ' ' || (SELECT count(*) FROM meta)"
}
expect_rc 0 "an empty centre is added" pd centre add --code KD --name 空中心
before=$(digest)
expect_rc_err 3 '中心 JD 已有记录' "a centre that holds records is refused" \
	pd --centre JD load "$B"
expect_eq "$(digest)" "$before" "the refused load wrote nothing"
echo 'not a database' >"$T/junk.db"
expect_rc_err 1 'junk.db' "a file that is not a hubdesk database is refused, named" \
	pd --centre KD load "$T/junk.db"
expect_rc_err 2 '^hubdesk: db：' "a SQLite --db is refused, naming db" \
	"$HUBDESK" --db "$B" load "$A"
expect_rc_err 2 'load FILE.db' "load without a file says what to give" pd --centre KD load
expect_rc_err 3 '^hubdesk: db：文件只能由数据库的所有者载入' \
	"a centre's own account may not load (the owner reserves the ids)" \
	"$HUBDESK" --db "$D_JD" load "$B"
# A file made by init and never used (its audit and key only).
"$HUBDESK" --db "$T/empty.db" init </dev/null >/dev/null 2>&1
expect_rc_err 3 '^hubdesk: 文件：.*empty.db 中没有任何记录' \
	"a file that holds no records is refused, naming FILE" pd --centre KD load "$T/empty.db"
expect_eq "$(digest)" "$before" "the refused loads wrote nothing"
expect_rc 0 "after the refusal a file with records loads into KD" pd --centre KD load "$B"

# Desks of centre HD register organisations while a file loads into
# centre RC: none of them is given an id inside the blocks the load
# reserved, and none fails.
expect_rc 0 "centre RC is added" pd centre add --code RC --name 第三中心
: >"$T/go"
desk_hd() {
	_i=0
	while [ -e "$T/go" ]; do
		_i=$((_i + 1))
		"$HUBDESK" --db "$D" --centre HD org add --name "机构$1-$_i" --kind 1 \
			>>"$T/hd.$1" 2>&1 || echo "$1" >>"$T/hd.fail"
	done
}
desk_hd 1 &
desk_hd 2 &
wait_for 20 test -s "$T/hd.2"
expect_rc 0 "a file loads into RC while HD's desks register organisations" \
	pd --centre RC load "$B"
more_done() { [ "$(grep -c . "$T/hd.1")" -ge 3 ]; }
wait_for 20 more_done
rm -f "$T/go"
wait
expect_eq "$(cat "$T/hd.fail" 2>/dev/null)" "" "every organisation of HD was registered"
expect_eq "$(as_owner "SELECT count(*) FROM org o, centre c, centre_move m, centre r
	WHERE c.code = 'HD' AND r.code = 'RC' AND m.centre_id = r.id AND m.kind = 'org'
	AND o.centre_id = c.id AND o.id BETWEEN m.shift + 1 AND m.shift + m.last_old")" 0 \
	"no organisation of HD took an id of RC's block ($(cat "$T"/hd.? | grep -c .) registered)"

done_testing
