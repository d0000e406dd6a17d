# SPDX-License-Identifier: GPL-3.0-or-later
# tests/pglib.sh - a shell test on PostgreSQL (sourced after tests/lib.sh):
# pg_world starts a private cluster (tests/pg.sh) in a folder of its own,
# makes an empty database there and points HUBDESK_DB at it; the cluster is
# stopped and its folder removed when the test ends. Without PostgreSQL the
# test says so in its one line and ends. sql then runs on that database.
# (These tests start their own cluster whatever HUBDESK_TEST_PG says: one
# of them stops its server in the middle.)

PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/hubdesk-pg.XXXXXX")

pg_world() {
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
	if ! HUBDESK_DB=$(sh "$TOP/tests/pg.sh" db "$PGDIR" hubdesk 2>"$T/pg.err"); then
		not_ok "a database is made" "$(head -c 600 "$T/pg.err")"
		exit 1
	fi
	export HUBDESK_DB
}

# sql QUERY: a query on the test database through psql (rows as a|b); the
# session's time zone is the desk's (TZ).
sql() {
	PGOPTIONS="-c TimeZone=$TZ -c client_min_messages=warning" \
		"$(sh "$TOP/tests/pg.sh" bin)/psql" -X -q -At -d "$HUBDESK_DB" -c "$1"
}

# pg_durable: a commit the server acknowledged is in its log on disk (the
# cluster runs with synchronous_commit off, which may lose the last ones
# when the server crashes; fsync off loses them only when the machine does).
pg_durable() {
	"$(sh "$TOP/tests/pg.sh" bin)/psql" -X -q -d "$HUBDESK_DB" \
		-c "ALTER DATABASE hubdesk SET synchronous_commit = on"
}

# pg_kill: the server stops at once, as in a crash; pg_up starts it again.
pg_kill() { sh "$TOP/tests/pg.sh" kill "$PGDIR"; }
pg_up() { sh "$TOP/tests/pg.sh" start "$PGDIR"; }

# su_sql SQL: SQL as the cluster's superuser, on its database postgres.
su_sql() {
	PGOPTIONS="-c client_min_messages=warning" "$(sh "$TOP/tests/pg.sh" bin)/psql" -X -q -At \
		-h "$PGDIR" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "$1"
}

# pg_district: a district's database `district` owned by the role
# dist_owner (no superuser: row-level security holds it), and the role
# hy_desk for a centre; OWNER and HY_DESK are their URLs, and HUBDESK_DB
# is the owner's.
pg_district() {
	su_sql "CREATE ROLE dist_owner LOGIN" && su_sql "CREATE ROLE hy_desk LOGIN" &&
		su_sql "CREATE DATABASE district OWNER dist_owner" ||
		not_ok "the owner role, a centre's role and the district's database are made"
	OWNER="postgresql:///district?host=$PGDIR&user=dist_owner"
	HY_DESK="postgresql:///district?host=$PGDIR&user=hy_desk"
	export HUBDESK_DB="$OWNER"
}
