# SPDX-License-Identifier: GPL-3.0-or-later
# test_filing_number.sh - filing numbers (备案编号) from the command line:
# eight desks filing at once get HD-2026-0001 to 0008, each once; `team
# show ID` gives a team's record with its number (- before it is filed),
# in Chinese and in English; reopened and filed again, a team keeps its
# number; a new centre.code numbers only the teams filed after it; bad
# usage and unknown teams.
. "$(dirname "$0")/../lib.sh"

TAB=$(printf '\t')
hd init >/dev/null 2>&1 </dev/null || not_ok "init"

# apply NAME: a new application; its id.
apply() {
	hd team apply --name "$1" --category 1 --leader 周红 --phone 13811113333 --members 12 \
		--content 太极拳 --place 中心广场 --schedule '每天 07:00' --committee 东方居委会 </dev/null |
		cut -f1
}

# number_of ID: the filing number `team show` gives for team ID.
number_of() {
	hd team show "$1" 2>/dev/null | awk -F'\t' '$1 == "Filing number" { print $2 }'
}

ids=""
for name in 晨光太极队 夕阳合唱团 红枫舞蹈队 银发书画社 邻里志愿队 快乐编织组 翰墨诗社 青松健步队; do
	id=$(apply "$name")
	hd team review "$id" >/dev/null 2>&1 || not_ok "review team $id"
	ids="$ids $id"
done
expect_eq "$(echo $ids | wc -w)" 8 "eight teams applied for and reviewed"
expect_eq "$(number_of 1)" - "team show: a team not yet filed has no filing number (-)"

# Eight desks file at once.
for id in $ids; do
	"$HUBDESK" --lang en --desk "desk$id" team file "$id" --no-print >"$T/file-$id.out" 2>&1 &
done
wait
bad=""
for id in $ids; do
	grep -q "^$id${TAB}HD1-T-$id-" "$T/file-$id.out" || bad="$bad $id"
done
expect_eq "$bad" "" "all eight filings went through"
expect_eq "$(sql "SELECT count(*) || ' ' || count(DISTINCT number) || ' ' || min(seq) || ' ' || max(seq)
	FROM filing_number WHERE code = 'HD' AND year = 2026")" "8 8 1 8" \
	"eight numbers, all different, places 1 to 8 of 2026"
numbers=$(for id in $ids; do number_of "$id"; done | sort | tr '\n' ' ')
expect_eq "$numbers" "HD-2026-0001 HD-2026-0002 HD-2026-0003 HD-2026-0004 HD-2026-0005 HD-2026-0006 HD-2026-0007 HD-2026-0008 " \
	"team show gives each team its own number, HD-2026-0001 to HD-2026-0008"

# team show: the record, one field a line.
first=$(echo $ids | cut -d' ' -f1)
expect_rc 0 "team show $first" hd team show "$first"
expect_out "^id${TAB}$first\$" "it starts with the id"
expect_out "^Name${TAB}晨光太极队\$" "it gives the name"
expect_out "^State${TAB}Filed\$" "and the state"
expect_out "^Filing number${TAB}HD-2026-000[1-8]\$" "and the filing number"
expect_out "^Filing date${TAB}2026-11-23\$" "and the filing date"
expect_out "^Phone${TAB}13811113333\$" "the phone whole (the command line is the operator)"
kept=$(number_of "$first")
expect_rc 0 "team show $first in Chinese" "$HUBDESK" --lang zh team show "$first"
expect_out "^备案编号${TAB}$kept\$" "in Chinese the line is 备案编号"

# Reopened and filed again the next day: the same number.
expect_rc 0 "reopen team $first" hd team reopen "$first" --reason 材料需补充
expect_eq "$(number_of "$first")" "$kept" "reopened (已初审), it keeps $kept"
HUBDESK_NOW=2026-11-24T10:00:00+08:00 expect_rc 0 "file team $first again" hd team file "$first" --no-print
expect_eq "$(number_of "$first")" "$kept" "filed again, it keeps $kept"

# A new code numbers only what is filed after it.
expect_rc 0 "config set centre.code GL" hd config set centre.code GL
late=$(apply 新来志愿队)
hd team review "$late" >/dev/null 2>&1 || not_ok "review team $late"
expect_rc 0 "file team $late" hd team file "$late" --no-print
expect_eq "$(number_of "$late")" GL-2026-0001 "the team filed after the change is GL-2026-0001"
expect_eq "$(number_of "$first")" "$kept" "the teams filed before keep their HD numbers"

# Bad usage.
expect_rc 4 "team show of an unknown team" hd team show 999
expect_err "999" "the message names the id"
expect_rc_err 2 "team show: give the team's ID" "team show without an id" hd team show
expect_rc_err 2 'team show: ID must be a number from 1 to 999999999999, not abc' "team show with an id that is no number" hd team show abc
expect_rc_err 2 'team show: unknown option --all' "team show with an unknown option" hd team show 1 --all

done_testing
