# SPDX-License-Identifier: GPL-3.0-or-later
# test_pg_district.sh - a district of three centres in one PostgreSQL
# database, owned by a role that is no superuser (row-level security holds
# it): each centre gets rooms, organisations, a team of the same name,
# visits and bookings on days of its own through hubdesk commands; then
# `report --district` prints a block a centre (the same figures as the
# centre's own report) and a total that is their sum, as text and CSV;
# `team list --district` and `export teams|orgs --district` put a centre
# column first; none of those outputs holds a visitor's name or phone; a
# centre's own database account asking for --district is refused (exit 3);
# a district account is PostgreSQL's only.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/pglib.sh"

pg_world
pg_district
PGBIN=$(sh "$TOP/tests/pg.sh" bin)
MONTH=2026-11

expect_rc 0 "init the district's database as its owner, first centre JD" hd --centre JD init
expect_rc 0 "centre add HY bound to the role hy_desk" hd centre add --code HY --name 海韵街道 --role hy_desk
expect_rc 0 "centre add XJ" hd centre add --code XJ --name 新江街道
expect_rc 0 "JD is named" hd --centre JD config set centre.name 江东街道

# centre_world CODE N: N visits of N people each on day N+1 (visitors
# named and with phones, each listed in $T/visitors as NAME PHONE), a room, two
# organisations, the team 舞蹈队, and N bookings of N hours on day N+3 (the
# first checked in).
centre_world() {
	_c=$1 _cn=$2
	export HUBDESK_CENTRE="$_c"
	export HUBDESK_NOW="2026-11-0$((_cn + 1))T09:00:00+08:00"
	hd config set booking.quota_hours_week 0 2>"$T/err" || not_ok "$_c: no weekly quota" "$(cat "$T/err")"
	hd room add --name 活动室 --kind 1 --capacity 30 >"$T/room" 2>"$T/err" ||
		not_ok "$_c: room add" "$(cat "$T/err")"
	_room=$(cut -f1 "$T/room")
	hd org add --name "${_c}社工站" --kind 2 >"$T/org" 2>"$T/err" ||
		not_ok "$_c: org add" "$(cat "$T/err")"
	_org=$(cut -f1 "$T/org")
	hd org add --name "${_c}志愿者协会" --kind 3 >/dev/null 2>"$T/err" ||
		not_ok "$_c: a second org add" "$(cat "$T/err")"
	hd team apply --name 舞蹈队 --category 1 --leader 张三 --phone 13800138000 --members $((10 + _cn)) \
		--content 跳舞 --place 广场 --schedule 每周一 >/dev/null 2>"$T/err" ||
		not_ok "$_c: team apply (the same name in every centre)" "$(cat "$T/err")"
	_ci=0
	while [ "$_ci" -lt "$_cn" ]; do
		_vn="访客$_c$_ci" _vp="1391234$_cn$_ci$_cn$_ci"
		echo "$_vn $_vp" >>"$T/visitors"
		hd visitor checkin --name "$_vn" --phone "$_vp" --purpose $((_ci + 1)) --party "$_cn" \
			--no-print >/dev/null 2>"$T/err" || not_ok "$_c: visitor checkin $_ci" "$(cat "$T/err")"
		hd booking add --room "$_room" --org "$_org" --start "2026-11-0$((_cn + 3)) $((8 + 4 * _ci)):00" \
			--end "2026-11-0$((_cn + 3)) $((8 + 4 * _ci + _cn)):00" --no-print >"$T/bk" 2>"$T/err" ||
			not_ok "$_c: booking add $_ci" "$(cat "$T/err")"
		[ "$_ci" = 0 ] && cut -f1 "$T/bk" >"$T/first-$_c"
		_ci=$((_ci + 1))
	done
	export HUBDESK_NOW="2026-11-0$((_cn + 3))T08:00:00+08:00"
	hd booking checkin "$(cat "$T/first-$_c")" >/dev/null 2>"$T/err" ||
		not_ok "$_c: booking checkin" "$(cat "$T/err")"
	unset HUBDESK_CENTRE
}
centre_world JD 1
centre_world HY 2
centre_world XJ 3
export HUBDESK_NOW=2026-12-02T09:00:00+08:00
expect_eq "$(PGOPTIONS="-c client_min_messages=warning" "$PGBIN/psql" -X -q -At -d "$OWNER" \
	-c "SELECT count(*) FROM visit")" 6 "the owner reads the six visits of the district"

# The district's report: three blocks and the total.
expect_rc 0 "report --district --month $MONTH" hd report --district --month "$MONTH"
cp "$T/out" "$T/district.txt"
expect_eq "$(grep -c "^Report  $MONTH-01 to $MONTH-30  " "$T/district.txt")" 4 \
	"four blocks: one a centre and the total"
expect_eq "$(grep "^Report  " "$T/district.txt" | sed 's/.*-30  //' | tr '\n' '|')" \
	"HY 海韵街道|JD 江东街道|XJ 新江街道|District total|" "the blocks are titled by code and name, the total last"
# Block k of the district's report (1-based) without its title line, the
# rule between blocks and blank lines.
block() {
	awk -v k="$1" '/^Report  / { n++ } n == k && !/^Report  / && !/^====/ && !/^$/' "$T/district.txt"
}
k=0
for c in HY JD XJ; do
	k=$((k + 1))
	expect_rc 0 "$c's own report --month $MONTH" hd --centre "$c" report --month "$MONTH"
	sed '1d; /^$/d' "$T/out" >"$T/own-$c.txt"
	block "$k" >"$T/block-$c.txt"
	if cmp -s "$T/own-$c.txt" "$T/block-$c.txt"; then
		ok "$c's block holds the figures of $c's own report"
	else
		not_ok "$c's block holds the figures of $c's own report" \
			"$(diff "$T/own-$c.txt" "$T/block-$c.txt" | head -20)"
	fi
done
block 4 >"$T/total.txt"
# figure FILE LABEL: the number after LABEL (a count line of the report).
figure() { grep -m1 -- "^    $2 " "$1" | awk '{ print $NF }'; }
visits_line() { grep -m1 '^  Visits: ' "$1"; }
expect_eq "$(visits_line "$T/total.txt")" "  Visits: 6, people: 14" \
	"the total counts every centre's visits and people (1x1 + 2x2 + 3x3)"
for label in 'Teams (not deregistered)' Members 'Party members' Total 'Community social organisation' \
	'Other' 'Applied'; do
	sum=0
	for c in HY JD XJ; do
		v=$(figure "$T/own-$c.txt" "$label")
		sum=$((sum + ${v:-0}))
	done
	expect_eq "$(figure "$T/total.txt" "$label")" "$sum" "the total's '$label' is the sum of the centres' ($sum)"
done
expect_eq "$(grep -c '^    [A-Z][A-Z] 活动室 ' "$T/total.txt")" 3 "the total lists each centre's room by its code"

# CSV: a centre column, each centre's rows, then 全区合计 summing them.
expect_rc 0 "report --district --csv" hd report --district --month "$MONTH" --csv
tr -d '\r' <"$T/out" >"$T/district.csv"
expect_eq "$(head -n 1 "$T/district.csv")" "$(printf '\357\273\277中心,部分,项目,数值')" \
	"the CSV starts with a BOM and the header 中心,部分,项目,数值"
for c in HY JD XJ; do
	hd --centre "$c" report --month "$MONTH" --csv >"$T/out" 2>"$T/err" ||
		not_ok "$c's own report --csv" "$(cat "$T/err")"
	tr -d '\r' <"$T/out" >"$T/own-$c.csv"
	expect_eq "$(grep "^$c," "$T/district.csv" | cut -d, -f2-)" "$(sed '1d' "$T/own-$c.csv")" \
		"$c's CSV rows are its own report's"
done
bad=$(cat "$T"/own-??.csv | grep -E '^(来访|团队|机构),' | awk -F, '
	{ sum[$1 "," $2] += $3 }
	END { for (k in sum) print k "," sum[k] }' | sort >"$T/sums"
	grep '^全区合计,' "$T/district.csv" | grep -Ev '^全区合计,场地,' | cut -d, -f2- | sort | diff - "$T/sums")
expect_eq "$bad" "" "every 全区合计 figure of visits, teams and organisations is the centres' sum"
expect_eq "$(grep -c '^全区合计,场地,' "$T/district.csv")" 3 "the total lists the three rooms"

# The team roll and the registers across centres, a centre column first.
expect_rc 0 "team list --district" hd team list --district
cp "$T/out" "$T/teams.txt"
expect_eq "$(head -n 1 "$T/out" | cut -f1-3)" "centre	id	name" "team list --district: the centre first"
expect_eq "$(sed '1d' "$T/out" | cut -f1,3 | tr '\t\n' ':|')" "HY:舞蹈队|JD:舞蹈队|XJ:舞蹈队|" \
	"each centre's 舞蹈队 on its own line"
expect_rc 0 "team list --roll --district" hd team list --roll --district
cp "$T/out" "$T/roll.txt"
expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 1 "no team of the roll is due yet: the header alone"
expect_rc 0 "export teams --district" hd export teams --district
cp "$T/out" "$T/teams.csv"
expect_eq "$(head -n 1 "$T/out" | tr -d '\r' | cut -d, -f1-2)" "$(printf '\357\273\277中心,名称')" \
	"export teams --district: BOM, then 中心 before the team's columns"
expect_eq "$(sed '1d' "$T/out" | tr -d '\r' | cut -d, -f1-2 | tr '\n' '|')" "HY,舞蹈队|JD,舞蹈队|XJ,舞蹈队|" \
	"the teams of every centre, by centre's code"
expect_rc 0 "export orgs --district" hd export orgs --district
cp "$T/out" "$T/orgs.csv"
expect_eq "$(sed '1d' "$T/out" | wc -l | tr -d ' ')" 6 "the six organisations of the district"
expect_eq "$(grep -c '^HY,HY' "$T/out")" 2 "HY's organisations carry its code"
# The district reads figures, teams and organisations: no visitor's name
# nor phone (its digits, however the output spaces them) in any of it.
expect_eq "$(wc -l <"$T/visitors" | tr -d ' ')" 6 "six visitors with names and phones were checked in"
for f in district.txt district.csv teams.txt roll.txt teams.csv orgs.csv; do
	found=$(while read -r name phone; do
		grep -F -q -- "$name" "$T/$f" && echo "$name"
		tr -cd '0-9\n' <"$T/$f" | grep -F -q -- "$phone" && echo "$phone"
	done <"$T/visitors")
	expect_eq "$found" "" "$f holds no visitor's name nor phone"
done
expect_rc_err 2 "^hubdesk: --district: the district exports teams and orgs only" \
	"export visits --district is refused" hd export visits --district
expect_rc_err 2 "^hubdesk: --district: the district's report is text or --csv" \
	"report --district --pdf is refused" hd report --district --month "$MONTH" --pdf "$T/r.pdf"

# A centre's own database account reads its centre only.
expect_rc_err 3 "^hubdesk: --district: this database account serves one centre only" \
	"HY's account asking for report --district" hd --db "$HY_DESK" report --district --month "$MONTH"
expect_rc_err 3 "^hubdesk: --district: this database account serves one centre only" \
	"HY's account asking for team list --district" hd --db "$HY_DESK" team list --district
expect_rc 0 "HY's account reads its own report" hd --db "$HY_DESK" report --month "$MONTH"
expect_eq "$(visits_line "$T/out")" "$(visits_line "$T/own-HY.txt")" "with HY's own figures"
expect_eq "$(PGOPTIONS="-c client_min_messages=warning" "$PGBIN/psql" -X -q -At -d "$HY_DESK" \
	-c "SELECT count(*) FROM visit")" 2 "HY's account sees HY's two visits only in psql"

# The district account lives in the district's PostgreSQL database.
# feed INPUT CMD...: CMD with INPUT (a PIN line) on stdin; its exit code in RC.
feed() {
	_in=$1
	shift
	printf '%s\n' "$_in" | "$@" >"$T/out" 2>"$T/err"
	RC=$?
}
feed 246802 hd --centre JD staff add --name 区民政 --role district
expect_eq "$RC" 0 "staff add --role district on PostgreSQL"
expect_eq "$(sql "SELECT role FROM staff WHERE name = '区民政'")" 4 "the account has role 4"
expect_rc 0 "staff list" hd --centre JD staff list
expect_out "区民政	District" "the account is listed as District"
feed 246804 hd --centre HY staff add --name 区民政二 --role 区级管理员
expect_eq "$RC" 0 "staff add --role 区级管理员 by its Chinese name"
expect_rc 0 "a SQLite file of one centre" hd --db "$T/one.db" init
feed 246802 hd --db "$T/one.db" staff add --name 区民政 --role district
expect_eq "$RC" 2 "staff add --role district on a SQLite file exits 2"
expect_err "^hubdesk: --role: district accounts need a district's PostgreSQL database" \
	"the message names --role and the PostgreSQL database"
expect_rc_err 2 "^hubdesk: --district: the district's figures need the district's PostgreSQL database" \
	"report --district on a SQLite file" hd --db "$T/one.db" report --district --month "$MONTH"
expect_rc_err 2 "^hubdesk: --district: the district's figures need the district's PostgreSQL database" \
	"team list --district on a SQLite file" hd --db "$T/one.db" team list --district
expect_rc_err 2 "^hubdesk: --district: the district's figures need the district's PostgreSQL database" \
	"export orgs --district on a SQLite file" hd --db "$T/one.db" export orgs --district

done_testing
