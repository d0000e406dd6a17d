#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_pg_district.sh - a district account (区级管理员) at a desk of a
# district's PostgreSQL database of three centres, in Chinese at 80x24:
# home shows the desk's jobs it may not do dim and refuses them naming its
# role; the reports screen has a centre picker, 全区 first (the district's
# total, as report --district gives it), then each centre (as its own
# report gives it), c moving along; no visitor's name shows anywhere. A
# desk whose database account is bound to one centre is told the district's
# figures need the owner's account, and shows its own centre's.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/pglib.sh"
. "$(dirname "$0")/lib.sh"

pg_world
pg_district
export HUBDESK_SPOOL="$T/spool"

must() { "$@" >/dev/null 2>"$T/err" </dev/null || not_ok "$*" "$(cat "$T/err")"; }
must "$HUBDESK" --centre JD init
must "$HUBDESK" centre add --code HY --name 海韵街道 --role hy_desk
must "$HUBDESK" centre add --code XJ --name 新江街道
must "$HUBDESK" --centre JD config set centre.name 江东街道
# Visits: two in JD, three in HY (two people each), none in XJ.
for v in 1 2; do
	must "$HUBDESK" --centre JD visitor checkin --name "江东访客$v" --phone 1380013800$v --purpose 1 --no-print
done
for v in 1 2 3; do
	must "$HUBDESK" --centre HY visitor checkin --name "海韵访客$v" --purpose 2 --party 2 --no-print
done
must "$HUBDESK" --centre XJ org add --name 新江社工站 --kind 2
printf '246802\n' | "$HUBDESK" --centre JD staff add --name 区民政 --role district >/dev/null 2>"$T/err" ||
	not_ok "staff add --role district" "$(cat "$T/err")"
printf '246804\n' | "$HUBDESK" --centre HY staff add --name 海韵区民政 --role district >/dev/null 2>"$T/err" ||
	not_ok "staff add --role district at HY" "$(cat "$T/err")"
# visits_line FILE PREFIX: "来访 N 次，共 M 人" from the rows of a report's
# CSV whose first cells are PREFIX (来访, or CODE,来访).
visits_line() {
	printf '来访 %s 次，共 %s 人' "$(grep "^$2,合计," "$1" | awk -F, '{ print $NF }')" \
		"$(grep "^$2,人数合计," "$1" | awk -F, '{ print $NF }')"
}
"$HUBDESK" report --district --month 2026-11 --csv 2>"$T/err" | tr -d '\r' >"$T/district.csv"
for c in HY JD XJ; do
	"$HUBDESK" --centre "$c" report --month 2026-11 --csv 2>"$T/err" | tr -d '\r' >"$T/$c.csv"
done
expect_eq "$(visits_line "$T/district.csv" 全区合计,来访)" "来访 5 次，共 8 人" \
	"the district's total: JD's two visits and HY's three of two people"
# The row on the screen (1-based) the picker is drawn on.
PICKER=3

scr_start 80 24 --centre JD
scr_signin 区民政 246802
expect_line 1 "$(zh District)" "the top line names the role 区级管理员"
# Home: the desk's jobs are dim, and refused naming the rule and the role.
expect_eq "$(_tmux capture-pane -t t -p -e | grep -F "$(zh 'Who is here')" | grep -c "$(printf '\033')\\[2m")" 1 \
	"who is here is drawn dim"
scr_keys 1
expect_msg "$(zh_part 'visitor check-in and check-out, who is here, reprint')" \
	"1: visitor check-in is refused, naming the rule"
expect_msg "$(zh District)" "the refusal names the role"
expect_line 1 " $(zh Home) |" "the desk stays on home"
scr_keys 2
expect_msg "$(zh_part 'book, cancel, move for organisations and teams')" "2: booking is refused"
scr_keys 4
expect_msg "$(zh_part 'visitor check-in and check-out, who is here, reprint')" "4: who is here is refused"
expect_line 1 " $(zh Home) |" "still home"

# Reports: the picker, 全区 first.
scr_keys 5
expect_line 1 " $(zh Reports) |" "5: the district account opens the reports"
expect_line $PICKER "$(zh 'Centre:')" "the centre picker's row"
expect_line $PICKER "$(zh 'Whole district') " "全区 first"
expect_line $PICKER "$(zh 'District total')" "the total is shown first"
expect_eq "$(scr_line $PICKER | grep -c "$(zh 'Whole district') .*HY .*JD .*XJ ")" 1 "then each centre by code"
expect_screen "$(visits_line "$T/district.csv" 全区合计,来访)" "the total's visits, as report --district gives them"
expect_line 2 "2026-11-01 至 2026-11-30" "this month is shown"
for s in 1 2 3 4; do
	expect_no_screen "访客" "section $s of the total: no visitor's name"
	if [ "$(scr_width $PICKER)" -le 80 ]; then ok "the picker fits 80 columns"; else not_ok "the picker is wider than 80 columns"; fi
	scr_keys Right
done
for c in HY JD XJ; do
	name=$("$HUBDESK" centre list 2>/dev/null | awk -F'\t' -v c="$c" '$2 == c { print $3 }')
	scr_keys c
	expect_line $PICKER "$c $name" "c: centre $c, by its code and name ($name)"
	expect_screen "$(visits_line "$T/$c.csv" 来访)" "$c's visits, as its own report gives them"
	expect_no_screen "访客" "no visitor's name in $c's report"
	expect_line $PICKER "$(zh '(c: next centre)')" "the picker says what c does"
done
scr_keys c
expect_line $PICKER "$(zh 'District total')" "c after the last centre: the total again"
expect_screen "$(visits_line "$T/district.csv" 全区合计,来访)" "with the total's visits"
scr_keys s
saved="$HUBDESK_SPOOL/report-district-2026-11-01-2026-11-30.csv"
wait_for 10 test -s "${saved%.csv}.pdf"
expect_eq "$(sed '1d' "$saved" 2>/dev/null | tr -d '\r')" "$(grep '^全区合计,' "$T/district.csv" | cut -d, -f2-)" \
	"s saves the total as report --district's 全区合计 rows"
expect_eq "$(head -c 5 "$HUBDESK_SPOOL/report-district-2026-11-01-2026-11-30.pdf" 2>/dev/null)" "%PDF-" \
	"and its PDF"

# A desk connected with HY's own database account reads HY only.
scr_stop
HUBDESK_DB="$HY_DESK"
scr_start 80 24
scr_signin 海韵区民政 246804
scr_keys 5
expect_line 1 " $(zh Reports) |" "HY's desk: the district account opens the reports"
expect_msg "$(zh_part "This desk's database account serves one centre only: these are its figures. The district's need the database owner's account." 10)" \
	"it is told the district's figures need the owner's account"
expect_not_in_rows $PICKER $PICKER "$(zh 'Centre:')" "no centre picker"
expect_screen "$(visits_line "$T/HY.csv" 来访)" "HY's own visits"

done_testing
