#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/valgrind.sh - the unit tests and a command-line session under
# valgrind's memcheck: any leak or error fails.
set -u
cd "$(dirname "$0")/.." || exit 1
VG="valgrind -q --suppressions=tests/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
failed=0
for bin in "$@"; do
	if $VG "$bin" >"$T/log" 2>&1; then
		echo "ok - $bin"
	else
		echo "not ok - $bin"; tail -30 "$T/log"; failed=$((failed + 1))
	fi
done
export TZ=Asia/Shanghai LANG=C.UTF-8
export HUBDESK_SPOOL="$T/spool"
printf '\357\273\277名称,类型,容量\r\n新场地,会议室,10\r\n' >"$T/rooms.csv"
for cmd in "init --demo" "org list" "room list" "config list" \
	"org add --name 测试 --kind 2 --credit-code 52310115MJ50000174" \
	"visitor checkin --name 张三 --phone 13812345678 --purpose 1 --org 1" \
	"visitor list" "print visitor 1" "print test" "print status" "visitor checkout 1" \
	"visitor erase 1" "maintain" "staff list" "report --month 2026-11" "report --month 2026-11 --csv" \
	"report --month 2026-11 --pdf $T/report.pdf" "export orgs" "export visits" "export ical" \
	"import rooms $T/rooms.csv"; do
	# shellcheck disable=SC2086
	if $VG ./hubdesk --db "$T/v.db" $cmd >"$T/log" 2>&1; then
		echo "ok - hubdesk $cmd"
	else
		echo "not ok - hubdesk $cmd"; tail -30 "$T/log"; failed=$((failed + 1))
	fi
done
[ "$failed" = 0 ]
