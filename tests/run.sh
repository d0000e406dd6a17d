#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/run.sh - every test of `make check`: the unit tests (also under ASan
# and UBSan), the command-line tests, the full-screen tests, the print tests,
# the kiosk (cage, foot and hubdesk: tests/kiosk);
# alongside, the command-line and full-screen tests again against the
# program built under ASan and UBSan (build/san/hubdesk). Each prints TAP
# lines; the run ends with one line "N passed, N failed in S s" and fails on any
# failure.
set -u
cd "$(dirname "$0")/.." || exit 1

started=$(date +%s)
LOG=build/test-logs
rm -rf "$LOG"
mkdir -p "$LOG"
passed=0
failed=0
bad=""

# count NAME LOGFILE RC [SECONDS]: adds a test file's results to the
# totals; the seconds it took are shown when given.
count() {
	p=$(grep -c '^ok ' "$2")
	f=$(grep -c '^not ok ' "$2")
	if [ "$3" != 0 ] && [ "$f" = 0 ]; then
		f=1
		echo "not ok - $1 exited $3" >>"$2"
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

run_unit() {
	for bin in "$@"; do
		case $bin in *.o | *.d) continue ;; esac
		name=$(echo "$bin" | sed 's|^build/||')
		log="$LOG/$(echo "$name" | tr / _).log"
		t0=$(date +%s)
		CMOCKA_MESSAGE_OUTPUT=TAP ASAN_OPTIONS=detect_leaks=1 \
			UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$bin" >"$log" 2>&1
		count "$name" "$log" $? $(($(date +%s) - t0))
	done
}

run_scripts() {
	for t in "$@"; do
		[ -f "$t" ] || continue
		log="$LOG/$(echo "$t" | tr / _).log"
		t0=$(date +%s)
		sh "$t" >"$log" 2>&1
		count "$t" "$log" $? $(($(date +%s) - t0))
	done
}

# The sanitised pass, in the background: what ASan, LeakSanitizer or UBSan
# find goes to files under $SAN/reports (a test also fails on the exit code
# or the screen of a program they stopped). Left out: the thousand-command
# and kill -9 campaigns (exit codes and crashes, not memory; long under
# ASan), the booking race (timing), the accounts (Argon2 hashing is most of
# their time) and the LibreOffice round trip (LibreOffice is); the kiosk
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
		*/test_staff.sh | */test_spreadsheet.sh) continue ;;
		esac
		t0=$(date +%s)
		sh "$t" >"$SAN/$(echo "$t" | tr / _).log" 2>&1
		echo "$? $(($(date +%s) - t0))" >"$SAN/$(echo "$t" | tr / _).rc"
	done
}
san_pass &
san_pid=$!

run_unit build/tests/test_*
run_unit build/san/tests/test_*
run_scripts tests/cli/test_*.sh
run_scripts tests/screen/test_*.sh
run_scripts tests/print/test_*.sh
run_scripts tests/kiosk/test_*.sh

wait "$san_pid"
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
