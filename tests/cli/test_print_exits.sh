#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/test_print_exits.sh - a command that saved a record and printed
# exits 0, every time: 1,000 printing commands (check-ins whose slips are
# rendered, reprints as PDF, test pages as PDF; no printer is set, so each
# document is rendered and written to the spool folder), every exit code
# counted. (The PDF clean-up at exit once aborted about one run in 300.)
. "$(dirname "$0")/../lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
export HUBDESK_SPOOL="$T/spool"
RUNS=${PRINT_EXIT_RUNS:-1000}
: >"$T/codes"
i=0
while [ "$i" -lt "$RUNS" ]; do
	case $((i % 4)) in
	0 | 1) "$HUBDESK" visitor checkin --name "访客$i" --purpose 1 >/dev/null 2>"$T/err" ;;
	2) "$HUBDESK" print visitor $((i / 4 * 2 + 1)) --format pdf >/dev/null 2>"$T/err" ;;
	3) "$HUBDESK" print test --format pdf >/dev/null 2>"$T/err" ;;
	esac
	rc=$?
	echo "$rc" >>"$T/codes"
	[ "$rc" = 0 ] || { echo "# run $i exited $rc:"; sed 's/^/#   /' "$T/err"; }
	i=$((i + 1))
done
expect_eq "$(grep -c '^0$' "$T/codes")" "$RUNS" "$RUNS printing commands all exit 0"
expect_eq "$(grep -vc '^0$' "$T/codes")" 0 "no printing command exits otherwise"
expect_eq "$(sql "SELECT count(*) FROM visit")" $((RUNS / 2)) "each check-in saved its visit once"
expect_eq "$(ls "$T/spool" | wc -l | tr -d ' ')" "$RUNS" "each command's document is in the spool folder"

done_testing
