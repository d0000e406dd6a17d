# SPDX-License-Identifier: GPL-3.0-or-later
# tests/lib.sh - the small harness of the shell tests (sourced).
#
# Each test file builds its own world in a temporary folder: a database path,
# a frozen domain time, a time zone and a UTF-8 locale. Checks print TAP lines
# ("ok N - what" / "not ok N - what"), which tests/run.sh counts.
#
# With HUBDESK_TEST_PG=DIR (the folder of a cluster tests/pg.sh started) the
# database is a new empty PostgreSQL database of that cluster instead,
# dropped at the end: HUBDESK_DB is its URL, and sql, token_for and
# db_digest read it through psql and pg_dump. A file about SQLite files
# calls sqlite_only; a check that differs tests on_pg.

set -u

TOP=$(cd "$(dirname "$0")/../.." && pwd)
# HUBDESK_BIN runs the tests against another build (tests/run.sh: the one
# under ASan and UBSan).
HUBDESK="${HUBDESK_BIN:-$TOP/hubdesk}"
T=$(mktemp -d "${TMPDIR:-/tmp}/hubdesk-test.XXXXXX")
export TZ=Asia/Shanghai
export HUBDESK_NOW=2026-11-23T09:00:00+08:00
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LANGUAGE HUBDESK_SPOOL CUPS_SERVER
if [ -n "${HUBDESK_TEST_PG:-}" ]; then
	PG_BIN=${HUBDESK_TEST_PG_BIN:-$(sh "$TOP/tests/pg.sh" bin)}
	# A database per test file and process: hdc_visitor_1234.
	PG_NAME=hdc_$(basename "$0" .sh | sed 's/^test_//; s/[^a-z0-9]/_/g')_$$
	HUBDESK_DB=$(sh "$TOP/tests/pg.sh" db "$HUBDESK_TEST_PG" "$PG_NAME") || {
		echo "not ok 1 - a PostgreSQL database on $HUBDESK_TEST_PG"
		exit 1
	}
	export HUBDESK_DB
else
	export HUBDESK_DB="$T/hubdesk.db"
fi
export XDG_DATA_HOME="$T/xdg"
# SPOOL_DIR: where a document waits as a file when no printer takes it
# (HUBDESK_SPOOL unset): beside the database file, or for a database on a
# server in the desk's own state folder.
export XDG_STATE_HOME="$T/state"
if [ -n "${HUBDESK_TEST_PG:-}" ]; then
	SPOOL_DIR=$XDG_STATE_HOME/hubdesk/spool
else
	SPOOL_DIR=$T/spool
fi
export HOME="$T/home"
mkdir -p "$HOME"

_n=0
_failed=0
_cleanups=""

at_exit() { _cleanups="$* ; $_cleanups"; }
_finish() {
	eval "$_cleanups" 2>/dev/null
	# The test's database and those new_db made.
	if [ -n "${PG_NAME:-}" ]; then
		for _db in $("$PG_BIN/psql" -X -A -t -q -h "$HUBDESK_TEST_PG" -U postgres -d postgres \
			-c "SELECT datname FROM pg_database WHERE datname = '$PG_NAME' OR starts_with(datname, '${PG_NAME}_')"); do
			sh "$TOP/tests/pg.sh" drop "$HUBDESK_TEST_PG" "$_db"
		done
	fi
	rm -rf "$T"
}
trap _finish EXIT

ok() {
	_n=$((_n + 1))
	printf 'ok %s - %s\n' "$_n" "$1"
}

not_ok() {
	_n=$((_n + 1))
	_failed=$((_failed + 1))
	printf 'not ok %s - %s\n' "$_n" "$1"
	shift
	for line in "$@"; do
		printf '#   %s\n' "$line"
	done
}

# run CMD...: runs hubdesk-style commands, keeping stdout in $T/out, stderr
# in $T/err and the exit code in $RC.
run() {
	"$@" >"$T/out" 2>"$T/err" </dev/null
	RC=$?
}

# expect_rc CODE WHAT CMD...: runs CMD and checks its exit code.
expect_rc() {
	_want=$1 _what=$2
	shift 2
	run "$@"
	if [ "$RC" = "$_want" ]; then
		ok "$_what (exit $_want)"
	else
		not_ok "$_what: exit $RC, expected $_want" "stdout: $(head -c 400 "$T/out")" \
			"stderr: $(head -c 400 "$T/err")"
	fi
}

# expect_rc_err CODE PATTERN WHAT CMD...: runs CMD and checks, in one check,
# its exit code and that its stderr matches the grep -E pattern: a refusal
# says which rule or field refused, not only that something did.
expect_rc_err() {
	_want=$1 _pat=$2 _what=$3
	shift 3
	run "$@"
	if [ "$RC" = "$_want" ] && grep -Eq -- "$_pat" "$T/err"; then
		ok "$_what (exit $_want: /$_pat/)"
	else
		not_ok "$_what: exit $RC, expected $_want with stderr matching /$_pat/" \
			"stdout: $(head -c 400 "$T/out")" "stderr: $(head -c 400 "$T/err")"
	fi
}

# expect_out PATTERN WHAT: the last stdout matches the grep -E pattern.
expect_out() {
	if grep -Eq -- "$1" "$T/out"; then
		ok "$2"
	else
		not_ok "$2: stdout lacks /$1/" "stdout: $(head -c 600 "$T/out")"
	fi
}

# expect_err PATTERN WHAT: the last stderr matches the grep -E pattern.
expect_err() {
	if grep -Eq -- "$1" "$T/err"; then
		ok "$2"
	else
		not_ok "$2: stderr lacks /$1/" "stderr: $(head -c 600 "$T/err")"
	fi
}

# expect_eq GOT WANT WHAT
expect_eq() {
	if [ "$1" = "$2" ]; then
		ok "$3"
	else
		not_ok "$3: got '$1', expected '$2'"
	fi
}

. "$TOP/tests/poll.sh"

# new_db NAME: prints the name of another new empty database for the test:
# $T/NAME.db, or on PostgreSQL a new database's URL (dropped at the end).
new_db() {
	if on_pg; then
		sh "$TOP/tests/pg.sh" db "$HUBDESK_TEST_PG" "${PG_NAME}_$1"
	else
		echo "$T/$1.db"
	fi
}

# agg EXPR SEP ORDER: SQL joining EXPR of the rows with SEP between them,
# in the order of the rows (SQLite: as its subquery orders them; PostgreSQL:
# by ORDER).
agg() {
	if on_pg; then
		echo "string_agg(CAST($1 AS TEXT), '$2' ORDER BY $3)"
	else
		echo "group_concat($1, '$2')"
	fi
}

# json_at COLUMN KEY: SQL for the value at KEY of the JSON text in COLUMN
# (NULL when absent): SQLite's ->> or PostgreSQL's on a json cast. A number
# comes back as a number on SQLite, as text on PostgreSQL: CAST it to
# compare it with one.
json_at() {
	if on_pg; then
		echo "(CAST($1 AS json) ->> '$2')"
	else
		echo "($1 ->> '\$.$2')"
	fi
}

# on_pg: true when the tests run on PostgreSQL.
on_pg() {
	[ -n "${HUBDESK_TEST_PG:-}" ]
}

# sqlite_only REASON: a test file (or what is left of it) about SQLite files
# (backups, a damaged file, file modes, lock files ...): on PostgreSQL it
# says it skips and ends here.
sqlite_only() {
	if on_pg; then
		_n=$((_n + 1))
		printf 'ok %s # skip %s\n' "$_n" "$1"
		exit 0
	fi
}

# sql QUERY [DB]: a query on the test database (or DB), one row a line, "|"
# between columns: through the sqlite3 shell, or psql on PostgreSQL.
sql() {
	if on_pg; then
		"$PG_BIN/psql" -X -A -t -q -v ON_ERROR_STOP=1 -d "${2:-$HUBDESK_DB}" -c "$1"
		return
	fi
	# Waits for a desk's transaction as hubdesk does (5 s), instead of
	# failing at once while an app started by the test writes.
	sqlite3 -batch -noheader -cmd ".timeout 5000" "${2:-$HUBDESK_DB}" "$1"
}

# secret_hex [DB]: the database's secret key in hexadecimal (upper case).
secret_hex() {
	if on_pg; then
		sql "SELECT upper(encode(value::bytea, 'hex')) FROM meta WHERE key = 'secret'" "${1:-$HUBDESK_DB}"
	else
		sqlite3 -batch -noheader "${1:-$HUBDESK_DB}" "SELECT hex(value) FROM meta WHERE key = 'secret'"
	fi
}

# token_for KIND ID [DB]: the token of a record, computed here from the
# database's key (default the test database) as DESIGN.md's "QR text" says
# (HMAC-SHA256 of "HD1-K-N", its first 50 bits in Crockford base32).
token_for() {
	_key=$(secret_hex "${3:-$HUBDESK_DB}")
	python3 - "$_key" "$1" "$2" <<'EOF'
import hashlib, hmac, sys
key, kind, n = bytes.fromhex(sys.argv[1]), sys.argv[2], sys.argv[3]
body = "HD1-%s-%s" % (kind, n)
bits = int.from_bytes(hmac.new(key, body.encode(), hashlib.sha256).digest()[:7], "big") >> 6
alpha = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
print(body + "-" + "".join(alpha[(bits >> (45 - 5 * i)) & 31] for i in range(10)))
EOF
}

# hd ARGS...: hubdesk in English, so that checks can match its messages
# whatever translations exist.
hd() {
	"$HUBDESK" --lang en "$@"
}

# skip WHAT WHY: a check that cannot run here (TAP "# SKIP", counted as passed).
skip() {
	_n=$((_n + 1))
	printf 'ok %s - %s # SKIP %s\n' "$_n" "$1" "$2"
}

# expect_no_out PATTERN WHAT / expect_no_err PATTERN WHAT: the last stdout
# (stderr) does not match the grep -E pattern.
expect_no_out() {
	if grep -Eq -- "$1" "$T/out"; then
		not_ok "$2: stdout has /$1/" "stdout: $(head -c 600 "$T/out")"
	else
		ok "$2"
	fi
}

expect_no_err() {
	if grep -Eq -- "$1" "$T/err"; then
		not_ok "$2: stderr has /$1/" "stderr: $(head -c 600 "$T/err")"
	else
		ok "$2"
	fi
}

# expect_lines N WHAT: the last stdout has exactly N lines.
expect_lines() {
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" "$1" "$2"
}

# file_sum PATH: a checksum of a file ("missing" when there is none), to show
# that a command left it untouched.
file_sum() {
	if [ -f "$1" ]; then
		cksum <"$1"
	else
		echo missing
	fi
}

# db_digest [PATH]: a checksum of the whole content of a database (default the
# test database), to show that a failed command wrote nothing.
db_digest() {
	if on_pg; then
		# Without the comments, the \restrict key pg_dump draws anew on
		# every run, and the sequences' positions: PostgreSQL does not roll
		# back a sequence, so a refused insert uses up an id (the next
		# record's id skips one) though it writes no row.
		"$PG_BIN/pg_dump" --no-owner -d "${1:-$HUBDESK_DB}" |
			grep -Ev '^(--|\\(un)?restrict |SELECT pg_catalog[.]setval\()' | cksum
		return
	fi
	sqlite3 -batch "${1:-$HUBDESK_DB}" .dump | cksum
}

# need_tools TOOL...: a file's checks need these programs (make deps installs
# them); without one, the file says so and ends.
need_tools() {
	for _tool in "$@"; do
		if ! command -v "$_tool" >/dev/null 2>&1; then
			not_ok "$_tool is installed (make deps)"
			done_testing
			exit
		fi
	done
}

# done_testing: the file's exit code says whether every check passed.
done_testing() {
	[ "$_failed" = 0 ]
}
