#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/run.sh - every test of `make check`: the unit tests (also under ASan
# and UBSan), the command-line tests, the full-screen tests, the print tests,
# the kiosk (cage, foot and hubdesk: tests/kiosk);
# alongside, the command-line and full-screen tests again against the
# program built under ASan and UBSan (build/san/hubdesk). Each prints TAP
# lines; the run ends with one line "N passed, N failed in S s" and fails on any
# failure.
#
# After the sanitised pass, in the background too, the PostgreSQL pass: the
# unit tests (the plain build) and the command-line tests again, each on new
# databases of one private cluster (tests/pg.sh) in $LOG/pg; their results
# are named "pg: ...".
# `sh tests/run.sh pg` (make check-pg) runs only that pass.
set -u
cd "$(dirname "$0")/.." || exit 1
only=${1:-}

started=$(date +%s)
LOG=build/test-logs
# A cluster an interrupted run left running in $LOG/pg is stopped first.
sh tests/pg.sh stop "$PWD/$LOG/pg" >/dev/null 2>&1
rm -rf "$LOG"
mkdir -p "$LOG"
passed=0
failed=0
bad=""

# count NAME LOGFILE RC [SECONDS]: adds a test file's results to the
# totals; the seconds it took are shown when given.
count() {
	p=$(grep -c '^ok ' "$2")
	# cmocka writes a skipped case as "not ok N # SKIP": not a failure.
	f=$(grep '^not ok ' "$2" | grep -vc '# SKIP')
	if [ "$3" != 0 ] && [ "$f" = 0 ]; then
		f=1
		echo "not ok - $1 exited $3" >>"$2"
	fi
	# A file whose every case is skipped here (about SQLite itself, say)
	# ran what it could: its skips are its checks.
	if [ "$p" = 0 ] && [ "$f" = 0 ] && grep -q '# SKIP' "$2"; then
		p=$(grep -c '# SKIP' "$2")
	fi
	if [ "$p" = 0 ] && [ "$f" = 0 ]; then
		f=1
		echo "not ok - $1 ran no check" >>"$2"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	took=${4:+ $(printf '%4ds' "$4")}
	if [ "$f" = 0 ]; then
		printf '%-44s %4d passed%s\n' "$1" "$p" "$took"
	else
		printf '%-44s %4d passed, %d FAILED%s\n' "$1" "$p" "$f" "$took"
		grep -A8 '^not ok' "$2" | head -40 | sed 's/^/    /'
		bad="$bad $1"
	fi
}

# counted NAME LOGFILE RC SECONDS: count's arguments, counted now, or, in
# a pass that runs in the background (LATER set to a folder), written there
# for the main shell to count once the pass has ended (count_later).
counted() {
	if [ -n "${LATER:-}" ]; then
		printf '%s\n%s\n%s\n%s\n' "$1" "$2" "$3" "$4" >"$LATER/$(printf '%05d' "$later_n").rc"
		later_n=$((later_n + 1))
	else
		count "$@"
	fi
}
later_n=0

# count_later DIR: counts what a background pass left in DIR, in its order.
count_later() {
	for rc in "$1"/*.rc; do
		[ -f "$rc" ] || continue
		{
			read -r name
			read -r log
			read -r code
			read -r secs
		} <"$rc"
		count "$name" "$log" "$code" "$secs"
	done
}

run_unit() {
	for bin in "$@"; do
		case $bin in *.o | *.d) continue ;; esac
		name=$(echo "$bin" | sed 's|^build/||')
		log="$LOG/${PASS:+pg_}$(echo "$name" | tr / _).log"
		t0=$(date +%s)
		CMOCKA_MESSAGE_OUTPUT=TAP ASAN_OPTIONS=detect_leaks=1 \
			UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$bin" >"$log" 2>&1
		counted "${PASS:-}$name" "$log" $? $(($(date +%s) - t0))
	done
}

run_scripts() {
	for t in "$@"; do
		[ -f "$t" ] || continue
		log="$LOG/${PASS:+pg_}$(echo "$t" | tr / _).log"
		t0=$(date +%s)
		sh "$t" >"$log" 2>&1
		counted "${PASS:-}$t" "$log" $? $(($(date +%s) - t0))
	done
}

# The PostgreSQL pass, on a cluster of its own in $LOG/pg, stopped at the
# end. A cluster that does not start (PostgreSQL missing too: make deps
# installs it) is one failure. The tests that read no database (the source,
# its layout, the translations, the units) run once, above; so do those that
# start a cluster of their own (test_pg_*).
pg_pass() {
	pg_dir=$PWD/$LOG/pg
	pg_t0=$(date +%s)
	sh tests/pg.sh start "$pg_dir" >"$LOG/pg-start.log" 2>&1
	pg_rc=$?
	if [ "$pg_rc" != 0 ]; then
		{
			echo "not ok 1 - a PostgreSQL cluster starts (tests/pg.sh start: exit $pg_rc)"
			sed 's/^/#   /' "$LOG/pg-start.log"
		} >"$LOG/pg-start.tap"
		counted "pg: cluster" "$LOG/pg-start.tap" 0 0
		return
	fi
	PASS="pg: "
	HUBDESK_TEST_PG=$pg_dir HUBDESK_TEST_PG_BIN=$(sh tests/pg.sh bin)
	export HUBDESK_TEST_PG HUBDESK_TEST_PG_BIN
	run_unit build/tests/test_*
	# Left out as well: the campaigns about exit codes and crashes of
	# printing (test_print_exits, test_print_kill), the SQLite race
	# (test_pg_race is PostgreSQL's) and the LibreOffice round trip
	# (test_spreadsheet: the file, not the database).
	run_scripts $(ls tests/cli/test_*.sh |
		grep -vE '/test_(source_rules|format|translations|deploy|pg_.*)\.sh$' |
		grep -vE '/test_(print_exits|print_kill|booking_race|spreadsheet)\.sh$')
	unset HUBDESK_TEST_PG HUBDESK_TEST_PG_BIN PASS
	sh tests/pg.sh stop "$pg_dir"
	pg_took="pg: the PostgreSQL pass took $(($(date +%s) - pg_t0)) s"
	if [ -n "${LATER:-}" ]; then
		echo "$pg_took" >"$LATER/took"
	else
		echo "$pg_took"
	fi
}

if [ "$only" = pg ]; then
	pg_pass
	echo
	[ -n "$bad" ] && echo "failed:$bad (logs in $LOG)"
	echo "$passed passed, $failed failed in $(($(date +%s) - started)) s"
	[ "$failed" = 0 ]
	exit
fi

# The sanitised pass, in the background: what ASan, LeakSanitizer or UBSan
# find goes to files under $SAN/reports (a test also fails on the exit code
# or the screen of a program they stopped). Left out: the thousand-command
# and kill -9 campaigns (exit codes and crashes, not memory; long under
# ASan), the booking races and the server restarts (timing), the accounts (Argon2 hashing is most of
# their time) and the LibreOffice round trip (LibreOffice is); the tests
# whose checks are mostly the database's own (the schema, the centres'
# row-level security and races, the mixed desks, the README's district
# blocks: test_pg_load and test_pg_district take the program through the
# same centre code); the kiosk
# (tests/kiosk) runs hubdesk as another user, who cannot write the reports.
SAN=$LOG/san
mkdir -p "$SAN/reports"
san_pass() {
	export HUBDESK_BIN="$PWD/build/san/hubdesk"
	export ASAN_OPTIONS="log_path=$PWD/$SAN/reports/asan:detect_leaks=1"
	export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
	export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$PWD/$SAN/reports/ubsan"
	for t in tests/cli/test_*.sh tests/screen/test_*.sh; do
		case $t in
		*/test_print_exits.sh | */test_print_kill.sh | */test_booking_race.sh) continue ;;
		*/test_pg_race.sh | */test_pg_restart.sh | */test_pg_mixed.sh) continue ;;
		*/test_pg_schema.sh | */test_pg_centres.sh | */test_pg_readme_district.sh) continue ;;
		*/test_staff.sh | */test_spreadsheet.sh) continue ;;
		esac
		t0=$(date +%s)
		sh "$t" >"$SAN/$(echo "$t" | tr / _).log" 2>&1
		echo "$? $(($(date +%s) - t0))" >"$SAN/$(echo "$t" | tr / _).rc"
	done
}
# The PostgreSQL pass follows the sanitised one in the background, while
# the plain pass's command-line and full-screen tests (much of whose time is
# waiting for a screen) go on here: their results are counted at the end.
PG_LATER=$LOG/pg-later
mkdir -p "$PG_LATER"
(
	san_pass
	unset HUBDESK_BIN ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS
	LATER=$PG_LATER
	pg_pass
) &
san_pid=$!

run_unit build/tests/test_*
run_unit build/san/tests/test_*
run_scripts tests/cli/test_*.sh
run_scripts tests/screen/test_*.sh
run_scripts tests/print/test_*.sh
run_scripts tests/kiosk/test_*.sh

wait "$san_pid"
count_later "$PG_LATER"
[ -f "$PG_LATER/took" ] && cat "$PG_LATER/took"
for rc in "$SAN"/*.rc; do
	[ -f "$rc" ] || continue
	log=${rc%.rc}.log
	read -r code secs <"$rc"
	count "san: $(basename "$log" .log | sed 's|^tests_\([a-z]*\)_|tests/\1/|')" "$log" "$code" "$secs"
done
reports=$(ls "$SAN/reports" 2>/dev/null)
if [ -z "$reports" ]; then
	printf 'ok 1 - ASan, LeakSanitizer and UBSan found nothing in the program\n' >"$SAN/reports.log"
else
	{
		echo "not ok 1 - ASan, LeakSanitizer or UBSan reported on the program"
		for r in $reports; do
			echo "# $r:"
			grep -m 12 -v '^ *$' "$SAN/reports/$r" | sed 's/^/#   /'
		done
	} >"$SAN/reports.log"
fi
count "san: reports" "$SAN/reports.log" 0

echo
[ -n "$bad" ] && echo "failed:$bad (logs in $LOG)"
echo "$passed passed, $failed failed in $(($(date +%s) - started)) s"
[ "$failed" = 0 ]
