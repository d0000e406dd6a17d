#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/run.sh - every test of `make check`: the unit tests (also under ASan
# and UBSan), the command-line tests, the full-screen tests. Each prints TAP
# lines; the run ends with one line "N passed, N failed" and fails on any
# failure.
set -u
cd "$(dirname "$0")/.." || exit 1

LOG=build/test-logs
rm -rf "$LOG"
mkdir -p "$LOG"
passed=0
failed=0
bad=""

# count NAME LOGFILE RC: adds a test file's results to the totals.
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
	if [ "$f" = 0 ]; then
		printf '%-44s %4d passed\n' "$1" "$p"
	else
		printf '%-44s %4d passed, %d FAILED\n' "$1" "$p" "$f"
		grep -A8 '^not ok' "$2" | head -40 | sed 's/^/    /'
		bad="$bad $1"
	fi
}

run_unit() {
	for bin in "$@"; do
		case $bin in *.o | *.d) continue ;; esac
		name=$(echo "$bin" | sed 's|^build/||')
		log="$LOG/$(echo "$name" | tr / _).log"
		CMOCKA_MESSAGE_OUTPUT=TAP ASAN_OPTIONS=detect_leaks=1 \
			UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$bin" >"$log" 2>&1
		count "$name" "$log" $?
	done
}

run_scripts() {
	for t in "$@"; do
		[ -f "$t" ] || continue
		log="$LOG/$(echo "$t" | tr / _).log"
		sh "$t" >"$log" 2>&1
		count "$t" "$log" $?
	done
}

run_unit build/tests/test_*
run_unit build/san/tests/test_*
run_scripts tests/cli/test_*.sh
run_scripts tests/screen/test_*.sh
run_scripts tests/print/test_*.sh

echo
[ -n "$bad" ] && echo "failed:$bad (logs in $LOG)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
