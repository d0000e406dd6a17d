# SPDX-License-Identifier: GPL-3.0-or-later
# test_pg_schema.sh - the PostgreSQL schema (core/schema_pg.c) on a private
# cluster: it applies as one simple query; its tables and columns are
# SQLite's after `init` (same names and order, bigint, text in byte order,
# bytea, the same NOT NULLs and defaults) with the same indexes (unique and
# partial alike); overlapping bookings are refused (23P01), adjacent,
# cancelled and other rooms' ones taken; filing numbers and a team's last
# booking are kept as the SQLite triggers keep them; hubdesk_schema holds
# the application id and version 17.
. "$(dirname "$0")/../lib.sh"

PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/hubdesk-pg.XXXXXX")
sh "$TOP/tests/pg.sh" start "$PGDIR" 2>"$T/pg.err"
case $? in
0) ;;
77)
	rm -rf "$PGDIR"
	echo "ok 1 # skip PostgreSQL not installed"
	exit 0
	;;
*)
	not_ok "a private PostgreSQL cluster starts" "$(head -c 600 "$T/pg.err")"
	sh "$TOP/tests/pg.sh" stop "$PGDIR"
	rm -rf "$PGDIR"
	exit 1
	;;
esac
at_exit "sh '$TOP/tests/pg.sh' stop '$PGDIR'; rm -rf '$PGDIR'"

TOOL="$TOP/build/tests/tools/pg_schema"
if [ ! -x "$TOOL" ]; then
	not_ok "$TOOL is built (make unit)"
	exit 1
fi

sh "$TOP/tests/pg.sh" db "$PGDIR" hubdesk >/dev/null || not_ok "a database is made"

# pg SQL: runs SQL as one simple query (what PQexec sends), rows as a|b,
# errors as their SQLSTATE; the session's time zone is the desk's (TZ).
pg() {
	PGOPTIONS="-c TimeZone=$TZ -c hubdesk.centre=1" psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=sqlstate \
		-h "$PGDIR" -U postgres -d hubdesk -c "$1" 2>&1
}

# pg_rc SQLSTATE WHAT SQL: SQL fails with SQLSTATE (00000: it succeeds).
pg_rc() {
	_got=$(pg "$3")
	case $_got in
	*"ERROR:  "*) _state=${_got##*ERROR:  } ;;
	*) _state=00000 ;;
	esac
	if [ "$_state" = "$1" ]; then
		ok "$2 ($1)"
	else
		not_ok "$2: $_state, expected $1" "$_got"
	fi
}

"$TOOL" >"$T/schema.sql"
pg_rc 00000 "the schema applies to an empty database in one query" "$(cat "$T/schema.sql")"
expect_eq "$(pg "SELECT application_id || ' ' || version FROM hubdesk_schema")" "1213547076 17" \
	"hubdesk_schema holds the application id and version 17"
pg_rc 23505 "hubdesk_schema holds one row" "INSERT INTO hubdesk_schema VALUES (1213547076, 18)"

# hubdesk brings it to the latest version with PostgreSQL's migrations
# (those after 17: centres, each row its centre's; hubdesk.centre=1 in the
# sessions below is the one centre hubdesk would serve).
"$TOP/hubdesk" --db "postgresql:///hubdesk?host=$PGDIR&user=postgres" config get centre.name \
	>/dev/null 2>"$T/up.err" || not_ok "hubdesk migrates the database" "$(cat "$T/up.err")"

# The tables and columns of a database made by init, as PostgreSQL should
# have them: INTEGER bigint, TEXT text in collation C, BLOB bytea; NOT NULL
# (and primary keys) not nullable; the same defaults.
hd init >/dev/null 2>&1 </dev/null || not_ok "init"
expect_eq "$(pg "SELECT version FROM hubdesk_schema")" "$(sql "PRAGMA user_version")" \
	"PostgreSQL's migrations bring it to SQLite's latest version"
sql "SELECT m.name || '|' || p.name || '|'
	|| CASE p.type WHEN 'INTEGER' THEN 'bigint|' WHEN 'TEXT' THEN 'text|C'
		WHEN 'BLOB' THEN 'bytea|' ELSE p.type END
	|| '|' || CASE WHEN p.\"notnull\" OR p.pk > 0 THEN 'NO' ELSE 'YES' END
	|| '|' || ifnull(p.dflt_value, '')
	FROM sqlite_master m, pragma_table_info(m.name) p
	WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' ORDER BY m.name, p.cid" >"$T/lite.cols"
pg "SELECT table_name || '|' || column_name || '|' || data_type || '|'
	|| coalesce(collation_name, '') || '|' || is_nullable || '|'
	|| coalesce(regexp_replace(regexp_replace(column_default, '::(text|bigint)$', ''),
		'^hubdesk_centre\(\)$', '1'), '')
	FROM information_schema.columns
	WHERE table_schema = 'public' AND table_name <> 'hubdesk_schema'
	ORDER BY table_name, ordinal_position" >"$T/pg.cols"
if [ -s "$T/lite.cols" ] && diff "$T/lite.cols" "$T/pg.cols" >"$T/cols.diff"; then
	ok "every table and column of SQLite's schema, in order, with its type, NOT NULL and default"
else
	not_ok "the columns differ (< SQLite, > PostgreSQL)" "$(head -c 1500 "$T/cols.diff")"
fi
expect_eq "$(pg "SELECT string_agg(DISTINCT column_name, ' ') FROM information_schema.columns c
	JOIN pg_get_keywords() k ON k.word = c.column_name
	WHERE c.table_schema = 'public' AND k.catcode IN ('R', 'T')")" "end" \
	"end is the one column named by a reserved word (every query quotes it)"

# Indexes: name, unique or not, partial or not.
sql "SELECT name || '|' || CASE WHEN sql LIKE 'CREATE UNIQUE%' THEN 'U' ELSE '-' END
	|| CASE WHEN sql LIKE '% WHERE %' THEN 'P' ELSE '-' END
	FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name" >"$T/lite.idx"
pg "SELECT indexname || '|' || CASE WHEN indexdef LIKE 'CREATE UNIQUE%' THEN 'U' ELSE '-' END
	|| CASE WHEN indexdef LIKE '% WHERE %' THEN 'P' ELSE '-' END
	FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname" >"$T/pg.idx"
missing=$(LC_ALL=C comm -23 "$T/lite.idx" "$T/pg.idx" | tr '\n' ' ')
if [ -s "$T/lite.idx" ] && [ -z "$missing" ]; then
	ok "every index of SQLite's schema, unique and partial alike ($(wc -l <"$T/lite.idx") indexes)"
else
	not_ok "indexes missing or different on PostgreSQL: $missing"
fi
plan=$(pg "SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_sort = off; PREPARE q(text) AS SELECT kind, id FROM name_gram
	WHERE centre_id = 1 AND gram >= \$1 AND gram < \$1 || chr(1114111) ORDER BY gram, pos, len;
	EXPLAIN (COSTS OFF) EXECUTE q('王')")
case $plan in
*name_gram_pkey*Sort* | *Sort*name_gram_pkey*) not_ok "a range of grams is read in order from the index" "$plan" ;;
*name_gram_pkey*) ok "a range of grams (\$1 .. \$1 || chr(1114111)) is read in order from the index" ;;
*) not_ok "a range of grams is read from the index" "$plan" ;;
esac

# Bookings: [start, hold_end) of the states holding a slot never overlap.
pg "INSERT INTO room(id, name, kind, capacity, created) VALUES (1, 'A', 1, 10, 0), (2, 'B', 1, 10, 0);
	INSERT INTO org(id, name, short, kind, created, updated) VALUES (1, '某协会', '协会', 1, 0, 0);
	INSERT INTO team(id, name, short, category, leader, phone, members, content, place, schedule,
		created, updated)
	VALUES (1, '晨光太极队', '太极', 1, '周红', '13811113333', 12, '太极拳', '广场', '每天', 0, 0)" >/dev/null
B="INSERT INTO booking(room_id, org_id, team_id, start, \"end\", hold_end, state, created, updated)"
pg_rc 00000 "a booking 10:00-11:00 held to 11:30" "$B VALUES (1, 1, NULL, 36000, 39600, 41400, 'confirmed', 0, 0)"
pg_rc 23P01 "an overlapping booking in its buffer is refused" \
	"$B VALUES (1, NULL, 1, 41000, 42000, 42000, 'pending', 0, 0)"
pg_rc 00000 "one starting where the other's hold ends is taken" \
	"$B VALUES (1, NULL, 1, 41400, 43200, 43200, 'checked_in', 0, 0)"
pg_rc 00000 "a cancelled one over both is taken" \
	"$B VALUES (1, 1, NULL, 36000, 43200, 43200, 'cancelled', 0, 0)"
pg_rc 00000 "the same hours in another room are taken" \
	"$B VALUES (2, 1, NULL, 36000, 39600, 41400, 'confirmed', 0, 0)"
pg_rc 23P01 "the cancelled one confirmed again is refused" \
	"UPDATE booking SET state = 'confirmed' WHERE state = 'cancelled'"
pg_rc 23514 "a booking holding its room a day or more is refused (booking_too_long)" \
	"$B VALUES (2, 1, NULL, 100000, 186000, 186400, 'pending', 0, 0)"
pg_rc 00000 "an explicit id is taken beside the identity" \
	"$B VALUES (2, 1, NULL, 200000, 201000, 201000, 'rejected', 0, 0);
	INSERT INTO booking(id, room_id, org_id, start, \"end\", hold_end, state, created, updated)
	VALUES (100, 2, 1, 300000, 301000, 301000, 'lapsed', 0, 0)"

# A team's last booking that holds its slot or was used.
last() { pg "SELECT coalesce(last_booked, -1) FROM team WHERE id = 1"; }
expect_eq "$(last)" 41400 "the team's last booking is the one it holds"
pg_rc 00000 "a later cancelled booking of the team" \
	"$B VALUES (2, NULL, 1, 90000, 91000, 91000, 'cancelled', 0, 0)"
expect_eq "$(last)" 41400 "leaves the team's last booking"
pg_rc 00000 "a later booking of the team" "$B VALUES (2, NULL, 1, 95000, 96000, 96000, 'pending', 0, 0)"
expect_eq "$(last)" 95000 "becomes the team's last booking"
pg_rc 00000 "it is rejected" "UPDATE booking SET state = 'rejected' WHERE start = 95000"
expect_eq "$(last)" 41400 "the team's last booking is the earlier one again"
pg_rc 00000 "that one moves to the organisation" \
	"UPDATE booking SET team_id = NULL, org_id = 1 WHERE start = 41400"
expect_eq "$(last)" -1 "the team has no last booking"

# Filing numbers.
T1="INSERT INTO team(id, name, short, category, leader, phone, members, content, place, schedule,
	state, filed_date, created, updated) SELECT"
T2="'周红', '13811113333', 12, '太极拳', '广场', '每天'"
number() { pg "SELECT coalesce((SELECT number FROM filing_number WHERE team_id = $1), '-')"; }
pg "$T1 2, '夕阳合唱团', '合唱', 1, $T2, 2, NULL, 0, 1795395600" >/dev/null
expect_eq "$(number 2)" - "a team reviewed has no filing number"
pg_rc 00000 "it is filed" "UPDATE team SET state = 3, filed_date = '2026-11-23' WHERE id = 2"
expect_eq "$(number 2)" HD-2026-0001 "and gets HD-2026-0001"
pg "$T1 3, '红枫舞蹈队', '舞蹈', 1, $T2, 4, '2026-11-24', 0, 1795395600" >/dev/null
expect_eq "$(number 3)" HD-2026-0002 "a team made classified gets HD-2026-0002"
pg "UPDATE team SET state = 2 WHERE id = 2; UPDATE team SET state = 3 WHERE id = 2" >/dev/null
expect_eq "$(pg "SELECT count(*) || ' ' || max(number) FROM filing_number WHERE team_id = 2")" \
	"1 HD-2026-0001" "reopened and filed again, a team keeps its number"
pg "$T1 4, '银发书画社', '书画', 1, $T2, 3, NULL, 0, 1798747200" >/dev/null
expect_eq "$(number 4)" HD-2027-0001 \
	"without a filing date, the year of its update in local time ($TZ: 2027-01-01 04:00)"
pg "INSERT INTO setting(key, value) VALUES ('centre.code', 'GL');
	INSERT INTO filing_number(team_id, code, year, seq, number) VALUES (1, 'GL', 2026, 9999, 'GL-2026-9999')"
pg "$T1 5, '邻里志愿队', '志愿', 1, $T2, 3, '2026-12-01', 0, 0" >/dev/null
expect_eq "$(number 5)" GL-2026-10000 "the centre's code, and a place past 9999 in full"

# Two desks filing at once: the second waits for the first's number.
pg "$T1 6, '快乐编织组', '编织', 1, $T2, 2, '2026-12-02', 0, 0;
	$T1 7, '翰墨诗社', '诗社', 1, $T2, 2, '2026-12-02', 0, 0" >/dev/null
mkfifo "$T/desk1"
PGOPTIONS="-c TimeZone=$TZ -c hubdesk.centre=1" psql -X -q -At -v ON_ERROR_STOP=1 -h "$PGDIR" -U postgres -d hubdesk \
	<"$T/desk1" >"$T/desk1.out" 2>&1 &
desk1=$!
exec 3>"$T/desk1"
echo "BEGIN; UPDATE team SET state = 3 WHERE id = 6;" >&3
advisory() { [ "$(pg "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted = $1")" = 1 ]; }
wait_for 10 advisory true || not_ok "the first desk holds the year's numbers"
pg "UPDATE team SET state = 3 WHERE id = 7" >"$T/desk2.out" 2>&1 &
desk2=$!
wait_for 10 advisory false || not_ok "the second desk waits for them"
echo "COMMIT;" >&3
exec 3>&-
wait $desk1
wait $desk2
expect_eq "$(number 6) $(number 7) $(cat "$T/desk1.out" "$T/desk2.out")" "GL-2026-10001 GL-2026-10002 " \
	"two desks filing at once get the next two numbers"

done_testing
