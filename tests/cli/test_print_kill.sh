#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/test_print_kill.sh - a saved visit always has its print request:
# 200 check-ins with printing, each killed (SIGKILL) at a random moment;
# every visit the database holds has its spool row (written in the same
# transaction), and `print retry` a while later makes every request left
# behind, as the first copy, or marks it not needed (the visitor gone).
. "$(dirname "$0")/../lib.sh"

need_tools timeout awk
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
export HUBDESK_SPOOL="$T/spool"
RUNS=${PRINT_KILL_RUNS:-200}
# The kills fall from 5 ms to half as long again as a whole check-in (the
# second one) takes here: on a database on a server it takes longer.
CLOCK=$(new_db clock)
"$HUBDESK" --db "$CLOCK" init --demo >/dev/null 2>&1
for _ in 1 2; do
	t0=$(date +%s%N)
	"$HUBDESK" --db "$CLOCK" visitor checkin --name 计时 --purpose 1 >/dev/null 2>&1
done
whole=$((($(date +%s%N) - t0) / 1000000))
awk -v n="$RUNS" -v ms="$whole" \
	'BEGIN { srand(14); for (i = 0; i < n; i++) printf "%.3f\n", 0.005 + rand() * ms * 1.5 / 1000 }' \
	>"$T/delays"
i=0
while read -r delay; do
	timeout -s KILL "$delay" "$HUBDESK" visitor checkin --name "访客$i" --purpose 1 \
		>/dev/null 2>&1
	i=$((i + 1))
done <"$T/delays"
visits=$(sql "SELECT count(*) FROM visit")
if [ "$visits" -gt 0 ] && [ "$visits" -le "$RUNS" ]; then
	ok "$visits of $RUNS killed check-ins saved their visit"
else
	not_ok "some killed check-ins saved their visit: $visits of $RUNS"
fi
expect_eq "$(sql "SELECT count(*) FROM visit v WHERE NOT EXISTS (SELECT 1 FROM spool s
	WHERE s.kind = 'visitor' AND s.record_id = v.id)")" 0 "every saved visit has its print request"
expect_eq "$(sql "SELECT count(*) FROM spool WHERE kind = 'visitor' GROUP BY record_id
	HAVING count(*) > 1")" "" "no visit has two"
# Eleven minutes later the requests left behind are made.
HUBDESK_NOW=2026-11-23T09:11:00+08:00 "$HUBDESK" print retry >/dev/null 2>&1
expect_eq "$(sql "SELECT count(*) FROM spool WHERE data IS NULL AND state != 'done'")" 0 \
	"print retry makes every request left behind"
expect_eq "$(sql "SELECT count(*) FROM spool WHERE copy != 1")" 0 "each is the first copy"
expect_eq "$(sql "SELECT count(*) FROM spool WHERE state != 'done'")" \
	"$(ls "$T/spool" 2>/dev/null | wc -l | tr -d ' ')" "each waiting document is a file in the spool folder"

done_testing
