# SPDX-License-Identifier: GPL-3.0-or-later
# test_export.sh - hubdesk export visits|bookings|teams|orgs|rooms|ical: the
# CSV contract (a BOM, CRLF line ends, RFC 4180 quoting, the Chinese header
# rows, rows by id, choices by their Chinese names, dates and times), whole
# phones in the registers and masked ones in the visits, an erased visitor,
# --from/--to, bad usage; and the calendar checked line by line against
# RFC 5545 (CRLF, lines of at most 75 octets folded between characters,
# escaping, BEGIN/END, UID/DTSTAMP/DTSTART/DTEND, VTIMEZONE, --room, ranges)
# and read by libical (tests/tools/ical_check): its restriction check
# passes, a released booking is a cancelled event, a series with Chinese
# names holding commas and semicolons reads back whole.
. "$(dirname "$0")/../lib.sh"

TAB=$(printf '\t')

# at DATETIME CMD...: CMD with the domain time frozen at DATETIME (+08:00).
at() {
	_when=$1
	shift
	HUBDESK_NOW="${_when}:00+08:00" "$@"
}

# setup WHAT CMD...: a step that builds the world; only failures are shown.
setup() {
	_what=$1
	shift
	"$@" >"$T/setup.out" 2>"$T/setup.err" </dev/null
	_rc=$?
	if [ "$_rc" != 0 ]; then
		not_ok "setup: $_what (exit $_rc)" "stderr: $(head -c 400 "$T/setup.err")"
	fi
	SETUP_ID=$(cut -f1 "$T/setup.out" | head -n 1)
}

# csv_rows FILE: the records of a CSV file read with python3's csv module
# after checking and stripping the BOM, one line each, fields joined by |
# ("NO BOM" / "NOT UTF-8" when the file is not what the contract says).
csv_rows() {
	python3 - "$1" <<'EOF'
import csv, io, sys
data = open(sys.argv[1], 'rb').read()
if not data.startswith(b'\xef\xbb\xbf'):
    print('NO BOM')
    sys.exit(0)
try:
    text = data[3:].decode('utf-8')
except UnicodeDecodeError:
    print('NOT UTF-8')
    sys.exit(0)
for row in csv.reader(io.StringIO(text, newline='')):
    print('|'.join(row))
EOF
}

# crlf FILE: "ok" when every line of the file ends in CRLF and no CR or LF
# stands alone (none of the data here holds a line break).
crlf() {
	python3 - "$1" <<'EOF'
import sys
d = open(sys.argv[1], 'rb').read()
if not d.endswith(b'\r\n'):
    print('the last line does not end in CRLF')
elif d.count(b'\n') != d.count(b'\r\n') or d.count(b'\r') != d.count(b'\r\n'):
    print('a line ends in a bare LF or CR')
else:
    print('ok')
EOF
}

# export_ok KIND WHAT [OPTIONS...]: runs export KIND into $T/KIND.csv and
# checks its exit code, BOM, CRLF and header; $T/rows holds the data rows.
export_ok() {
	_kind=$1 _ew="export $1${2:+ $2}"
	shift 2
	expect_rc 0 "$_ew" hd export "$_kind" "$@"
	cp "$T/out" "$T/$_kind.csv"
	expect_eq "$(crlf "$T/$_kind.csv")" ok "$_ew: every line ends in CRLF"
	csv_rows "$T/$_kind.csv" >"$T/rows.all"
	expect_eq "$(head -n 1 "$T/rows.all")" "$(header "$_kind")" \
		"$_ew: a BOM, then the header row of the contract"
	tail -n +2 "$T/rows.all" >"$T/rows"
}

header() {
	case $1 in
	orgs) echo '名称|简称|类型|统一社会信用代码|联系人|联系电话|入驻日期|出壳日期' ;;
	rooms) echo '名称|类型|容量|开放时间|关闭时间|缓冲分钟' ;;
	teams) echo '名称|简称|类别|负责人|联系电话|人数|活动内容|活动地点|活动时间|党员人数|党建联络员|居委会|街道|状态|备案日期|备案编号' ;;
	visits) echo '编号|日期|到达|离开|姓名|电话|来访事由|拜访对象|人数' ;;
	bookings) echo '编号|场地|预约方|开始|结束|人数|用途|状态' ;;
	esac
}

# The rows a register export should hold, computed from the database
# (WHERE: which records, by the local date they were made).
if on_pg; then
	MADE="to_char(to_timestamp(created) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"
else
	MADE="date(created, 'unixepoch', 'localtime')"
fi
org_rows() {
	sql "SELECT name || '|' || short || '|' ||
		CASE kind WHEN 1 THEN '入驻机构' WHEN 2 THEN '社区社会组织' ELSE '其他' END || '|' ||
		coalesce(credit_code, '') || '|' || coalesce(contact, '') || '|' || coalesce(phone, '') || '|' ||
		coalesce(in_date, '') || '|' || coalesce(out_date, '')
		FROM org WHERE $1 ORDER BY id"
}
room_rows() {
	sql "SELECT name || '|' ||
		CASE kind WHEN 1 THEN '会议室' WHEN 2 THEN '活动室' WHEN 3 THEN '多功能厅' WHEN 4 THEN '培训室'
		WHEN 5 THEN '路演厅' WHEN 6 THEN '洽谈室' ELSE '其他' END || '|' || capacity || '|' ||
		CASE WHEN open_min IS NULL THEN '' ELSE
			CASE WHEN open_min < 600 THEN '0' ELSE '' END || (open_min / 60) || ':' ||
			CASE WHEN open_min % 60 < 10 THEN '0' ELSE '' END || (open_min % 60) END || '|' ||
		CASE WHEN close_min IS NULL THEN '' ELSE
			CASE WHEN close_min < 600 THEN '0' ELSE '' END || (close_min / 60) || ':' ||
			CASE WHEN close_min % 60 < 10 THEN '0' ELSE '' END || (close_min % 60) END || '|' ||
		buffer_min
		FROM room WHERE $1 ORDER BY id"
}
team_rows() {
	sql "SELECT name || '|' || short || '|' ||
		CASE category WHEN 1 THEN '文体活动' WHEN 2 THEN '公益慈善' WHEN 3 THEN '生活服务'
		WHEN 4 THEN '社区事务' WHEN 5 THEN '专业调处' ELSE '其他' END || '|' ||
		leader || '|' || phone || '|' || members || '|' || content || '|' || place || '|' ||
		schedule || '|' || party_members || '|' || coalesce(liaison, '') || '|' || committee || '|' ||
		street || '|' ||
		CASE state WHEN 1 THEN '待初审' WHEN 2 THEN '已初审' WHEN 3 THEN '已备案' WHEN 4 THEN '已分类'
		ELSE '已注销' END || '|' || coalesce(filed_date, '') || '|' ||
		coalesce((SELECT number FROM filing_number WHERE team_id = team.id), '')
		FROM team WHERE $1 ORDER BY id"
}

# ---- the world ----------------------------------------------------------------
# The demo is made on 2026-11-20; more records on the days after; the exports
# run on Monday 2026-11-23 at 09:00 (lib.sh's HUBDESK_NOW).

setup "init --demo on 2026-11-20" at 2026-11-20T08:00 hd init --demo
LONG=社区社会组织公益创投与志愿服务能力建设培训交流促进中心项目组织管理 # 34 characters
LONG="${LONG}发展服务机构" # 40 characters, the longest name
PURPOSE='年度社区治理创新论坛筹备会议, 讨论议程; 场地布置\安排与志愿者分工, 并邀请各居委会、社会组织负责人共同参加以及后续宣传工作'

setup "an organisation with a comma and quotes" at 2026-11-20T08:10 \
	hd org add --name '甲,乙"丙"机构' --kind community --contact '王,"丽"' --phone '+86 138-1234-5678'
ORG_Q=$SETUP_ID
setup "an organisation of 40 characters on 11-21" at 2026-11-21T08:00 hd org add --name "$LONG" --kind 2
ORG_LONG=$SETUP_ID
setup "a resident organisation on 11-22" at 2026-11-22T08:00 \
	hd org add --name 浦东新区启明社工服务社 --kind resident --short 启明社工 --credit-code 52310115MJ50000173 \
	--contact 王丽 --phone 021-64001234 --in 2026-01-01 --out 2027-12-31
ORG_R=$SETUP_ID
setup "a room with a comma, a semicolon and a backslash on 11-21" at 2026-11-21T08:00 \
	hd room add --name '多功能厅,A;B\C' --kind 3 --capacity 50 --open 08:30 --close 20:00 --buffer 10
ROOM_X=$SETUP_ID
setup "a team with commas and quotes on 11-22" at 2026-11-22T08:00 \
	hd team apply --name '逗号,"引号"队' --category 3 --leader '张,三' --phone 13800001111 --members 12 \
	--content '太极,"拳"' --place '广场,东' --schedule '每天 06:30, 周末' --party-members 2 --liaison 李四 \
	--committee 花园居委会 --street 花园街道
TEAM_Q=$SETUP_ID
FILED=$(sql "SELECT id FROM team WHERE state = 3 ORDER BY id LIMIT 1")
FILED_NAME=$(sql "SELECT name FROM team WHERE id = $FILED")
ORG1_NAME=$(sql "SELECT name FROM org WHERE id = 1")
ORG2_NAME=$(sql "SELECT name FROM org WHERE id = 2")
ROOM2=$(sql "SELECT name FROM room WHERE id = 2")
ROOM3=$(sql "SELECT name FROM room WHERE id = 3")
ROOM4=$(sql "SELECT name FROM room WHERE id = 4")
ROOM5=$(sql "SELECT name FROM room WHERE id = 5")

# Visits over four days.
setup "visit 1" at 2026-11-20T09:15 hd visitor checkin --name 张三 --phone '138 1234 5678' --purpose 1 --no-print
setup "visit 1 out" at 2026-11-20T10:30 hd visitor checkout 1
setup "visit 2" at 2026-11-20T09:30 hd visitor checkin --name 王五 --phone 021-64001234 --purpose 2 \
	--org 1 --party 3 --no-print
setup "visit 2 out" at 2026-11-20T11:45 hd visitor checkout 2
setup "visit 3" at 2026-11-21T14:00 hd visitor checkin --name '李,"四"' --phone 13912345678 --purpose 5 \
	--team "$FILED" --party 2 --no-print
setup "visit 3 out" at 2026-11-21T15:00 hd visitor checkout 3
setup "visit 4" at 2026-11-22T10:00 hd visitor checkin --name 赵六 --phone 13700001234 --purpose 13 --no-print
setup "visit 4 out" at 2026-11-22T10:20 hd visitor checkout 4
setup "visit 4 erased" at 2026-11-22T11:00 hd visitor erase 4
setup "visit 5, still in" at 2026-11-23T09:00 hd visitor checkin --name 钱七 --purpose 4 --no-print

# Bookings in every state the command line reaches.
setup "booking 1 (a no-show)" at 2026-11-20T09:00 hd booking add --room 2 --org 1 \
	--start '2026-11-21 10:00' --end '2026-11-21 12:00' --attendees 10 --purpose 理事会 --no-print
setup "booking 2" at 2026-11-20T09:00 hd booking add --room 3 --org "$ORG_Q" \
	--start '2026-11-24 14:00' --end '2026-11-24 16:00' --attendees 8 --purpose '讨论,"方案"' --no-print
setup "booking 3" at 2026-11-20T09:00 hd booking add --room 4 --team "$FILED" \
	--start '2026-11-26 19:00' --end '2026-11-26 20:30' --attendees 20 --purpose 排练 --no-print
setup "booking 4" at 2026-11-20T09:00 hd booking add --room 2 --org 2 \
	--start '2026-11-25 09:00' --end '2026-11-25 10:00' --no-print
setup "booking 4 cancelled" at 2026-11-20T09:05 hd booking cancel 4
setup "booking 5" at 2026-11-23T08:30 hd booking add --room 5 --org 1 \
	--start '2026-11-23 09:00' --end '2026-11-23 10:00' --attendees 5 --purpose 培训 --no-print
setup "booking 5 checked in" at 2026-11-23T09:00 hd booking checkin 5
setup "booking 6" at 2026-11-23T09:00 hd booking add --room "$ROOM_X" --org "$ORG_LONG" \
	--start '2026-11-27 10:00' --end '2026-11-27 11:30' --attendees 30 --purpose "$PURPOSE" --no-print

# ---- registers ------------------------------------------------------------------

export_ok orgs ""
expect_eq "$(cat "$T/rows")" "$(org_rows TRUE)" "export orgs: every organisation by id, kinds by name, phones whole"
expect_eq "$(grep -c . "$T/rows")" "$(sql "SELECT count(*) FROM org")" "export orgs: one row per organisation"
expect_eq "$(sed -n "${ORG_Q}p" "$T/rows")" '甲,乙"丙"机构|甲,乙"|社区社会组织||王,"丽"|13812345678||' \
	"export orgs: a name and a contact with commas and quotes come back whole"
expect_eq "$(sed -n "${ORG_R}p" "$T/rows")" \
	'浦东新区启明社工服务社|启明社工|入驻机构|52310115MJ50000173|王丽|021-64001234|2026-01-01|2027-12-31' \
	"export orgs: a resident organisation with its code, whole landline and term"
if grep -qF '"甲,乙""丙""机构","甲,乙""",社区社会组织,,"王,""丽""",13812345678,,' "$T/orgs.csv"; then
	ok "export orgs: fields with commas or quotes are quoted, quotes doubled (RFC 4180)"
else
	not_ok "export orgs: fields with commas or quotes are quoted, quotes doubled (RFC 4180)" \
		"line: $(grep -a 13812345678 "$T/orgs.csv")"
fi
if grep -qF "${LONG}," "$T/orgs.csv" && ! grep -qF "\"${LONG}\"" "$T/orgs.csv"; then
	ok "export orgs: a plain field is not quoted"
else
	not_ok "export orgs: a plain field is not quoted" "line: $(grep -a "$LONG" "$T/orgs.csv")"
fi
run "$HUBDESK" export orgs
expect_eq "$(cksum <"$T/out")" "$(cksum <"$T/orgs.csv")" "export orgs gives the same bytes in Chinese and in English"

export_ok rooms ""
expect_eq "$(cat "$T/rows")" "$(room_rows TRUE)" \
	"export rooms: every room by id, kinds by name, hours HH:MM or empty for the default hours"
expect_eq "$(sed -n "${ROOM_X}p" "$T/rows")" '多功能厅,A;B\C|多功能厅|50|08:30|20:00|10' \
	"export rooms: the room with a comma, a semicolon and a backslash"
expect_eq "$(sed -n 2p "$T/rows")" "$ROOM2|会议室|20|||0" "export rooms: a room on the default hours has empty hours"

export_ok teams ""
expect_eq "$(cat "$T/rows")" "$(team_rows TRUE)" \
	"export teams: every team by id, categories and states by name, phones whole, filing dates"
expect_eq "$(sed -n "${TEAM_Q}p" "$T/rows")" \
	'逗号,"引号"队|逗号,"|生活服务|张,三|13800001111|12|太极,"拳"|广场,东|每天 06:30, 周末|2|李四|花园居委会|花园街道|待初审||' \
	"export teams: the team with commas and quotes in every text"
expect_eq "$(cut -d'|' -f14 "$T/rows" | sort -u | tr '\n' ' ')" "$(printf '%s\n' 待初审 已初审 已备案 已分类 已注销 | sort | tr '\n' ' ')" \
	"export teams: the demo's five states by their Chinese names"
# The filing number, last: every filed or classified team has one, others none.
expect_eq "$(awk -F'|' '($14 == "已备案" || $14 == "已分类") != ($16 ~ /^HD-20[0-9][0-9]-[0-9][0-9][0-9][0-9]$/)' "$T/rows")" "" \
	"export teams: 备案编号 last, HD-YYYY-NNNN for each filed or classified team, empty for others"
expect_eq "$(cut -d'|' -f16 "$T/rows" | grep . | sort | uniq -d)" "" "export teams: no two teams share a 备案编号"

# Registers by the date they were made.
export_ok orgs "--from 2026-11-21 --to 2026-11-21" --from 2026-11-21 --to 2026-11-21
expect_eq "$(cat "$T/rows")" "$LONG|社区社会|社区社会组织|||||" "export orgs of one day: the organisation made that day"
expect_eq "$(cut -d'|' -f1-4 "$T/rows")" "$LONG|社区社会|社区社会组织|" \
	"its short name is the first four characters"
export_ok orgs "--from 2026-11-21" --from 2026-11-21
expect_eq "$(cat "$T/rows")" "$(org_rows "$MADE >= '2026-11-21'")" "export orgs --from alone: made on or after the day"
expect_eq "$(grep -c . "$T/rows")" 2 "export orgs --from 2026-11-21: two organisations"
export_ok orgs "--to 2026-11-20" --to 2026-11-20
expect_eq "$(cat "$T/rows")" "$(org_rows "$MADE <= '2026-11-20'")" "export orgs --to alone: made on or before the day"
expect_eq "$(grep -c . "$T/rows")" "$(($(sql "SELECT count(*) FROM org") - 2))" \
	"export orgs --to 2026-11-20: all but the two made later"
export_ok teams "--from 2026-11-22 --to 2026-11-23" --from 2026-11-22 --to 2026-11-23
expect_eq "$(cat "$T/rows")" "$(team_rows "id = $TEAM_Q")" "export teams of two days: the team applied for then"
export_ok rooms "--from 2026-11-21 --to 2026-11-22" --from 2026-11-21 --to 2026-11-22
expect_eq "$(cat "$T/rows")" "$(room_rows "id = $ROOM_X")" "export rooms of two days: the room added then"
export_ok rooms "of a day with none" --from 2030-01-01 --to 2030-01-31
expect_eq "$(wc -c <"$T/rows" | tr -d ' ')" 0 "export rooms of a day with none: the header row alone"

# ---- visits ------------------------------------------------------------------------

V1="1|2026-11-20|09:15|10:30|张三|138****5678|政策咨询||1"
V2="2|2026-11-20|09:30|11:45|王五|021-****1234|登记/变更/注销指导|$ORG1_NAME|3"
V3="3|2026-11-21|14:00|15:00|李,\"四\"|139****5678|培训/讲座/沙龙|$FILED_NAME|2"
V4="4|2026-11-22|10:00|10:20|||其他||1"
V5="5|2026-11-23|09:00||钱七||场地使用/预约||1"
NL='
'
export_ok visits ""
expect_eq "$(sed -n 1p "$T/rows")" "$V1" "export visits: a visit out again, its mobile masked"
expect_eq "$(sed -n 2p "$T/rows")" "$V2" "export visits: the landline masked, whom they visited by name"
expect_eq "$(sed -n 3p "$T/rows")" "$V3" "export visits: a name with a comma and quotes, a team visited"
expect_eq "$(sed -n 4p "$T/rows")" "$V4" "export visits: an erased visitor has an empty name and phone, the rest stays"
expect_eq "$(sed -n 5p "$T/rows")" "$V5" "export visits: a visitor still in has an empty 离开"
expect_eq "$(grep -c . "$T/rows")" 5 "export visits: one row per visit"
if grep -aqE '13812345678|64001234|13912345678|13700001234|赵六' "$T/visits.csv"; then
	not_ok "export visits holds no whole phone and nothing of the erased visitor" \
		"$(grep -aE '13812345678|64001234|13912345678|13700001234|赵六' "$T/visits.csv")"
else
	ok "export visits holds no whole phone and nothing of the erased visitor"
fi
if grep -qF '"李,""四"""' "$T/visits.csv"; then
	ok "export visits: the name is quoted with its quotes doubled"
else
	not_ok "export visits: the name is quoted with its quotes doubled" "$(grep -a 14:00 "$T/visits.csv")"
fi
export_ok visits "--from 2026-11-21 --to 2026-11-22" --from 2026-11-21 --to 2026-11-22
expect_eq "$(cat "$T/rows")" "$V3$NL$V4" "export visits of two days: the visits that arrived then"
export_ok visits "--from 2026-11-23" --from 2026-11-23
expect_eq "$(cat "$T/rows")" "$V5" "export visits --from alone"
export_ok visits "--to 2026-11-20" --to 2026-11-20
expect_eq "$(cat "$T/rows")" "$V1$NL$V2" "export visits --to alone"
export_ok visits "of one day, both bounds the same" --from 2026-11-22 --to 2026-11-22
expect_eq "$(cat "$T/rows")" "$V4" "export visits of one day: both ends included"

# ---- bookings ----------------------------------------------------------------------

B1="1|$ROOM2|$ORG1_NAME|2026-11-21 10:00|2026-11-21 12:00|10|理事会|已释放"
B2="2|$ROOM3|甲,乙\"丙\"机构|2026-11-24 14:00|2026-11-24 16:00|8|讨论,\"方案\"|已确认"
B3="3|$ROOM4|$FILED_NAME|2026-11-26 19:00|2026-11-26 20:30|20|排练|已确认"
B4="4|$ROOM2|$ORG2_NAME|2026-11-25 09:00|2026-11-25 10:00|1||已取消"
B5="5|$ROOM5|$ORG1_NAME|2026-11-23 09:00|2026-11-23 10:00|5|培训|已签到"
B6="6|多功能厅,A;B\\C|$LONG|2026-11-27 10:00|2026-11-27 11:30|30|$PURPOSE|已确认"
export_ok bookings ""
expect_eq "$(sed -n 1p "$T/rows")" "$B1" "export bookings: a no-show reads as 已释放"
expect_eq "$(sed -n 2p "$T/rows")" "$B2" "export bookings: a booker and a use with commas and quotes, 已确认"
expect_eq "$(sed -n 3p "$T/rows")" "$B3" "export bookings: a team's booking"
expect_eq "$(sed -n 4p "$T/rows")" "$B4" "export bookings: a cancelled booking is 已取消"
expect_eq "$(sed -n 5p "$T/rows")" "$B5" "export bookings: a booking checked into is 已签到"
expect_eq "$(sed -n 6p "$T/rows")" "$B6" "export bookings: a long use with a semicolon and a backslash"
expect_eq "$(grep -c . "$T/rows")" 6 "export bookings: one row per booking"
export_ok bookings "--from 2026-11-24 --to 2026-11-25" --from 2026-11-24 --to 2026-11-25
expect_eq "$(cat "$T/rows")" "$B2$NL$B4" "export bookings of two days: by the date they start"
export_ok bookings "--to 2026-11-21" --to 2026-11-21
expect_eq "$(cat "$T/rows")" "$B1" "export bookings --to alone"
export_ok bookings "--from 2026-11-26" --from 2026-11-26
expect_eq "$(cat "$T/rows")" "$B3$NL$B6" "export bookings --from alone"

# ---- bad usage ---------------------------------------------------------------------

before=$(db_digest)
expect_rc_err 2 'export: give what to export: visits, bookings, teams, orgs, rooms or ical' "export of an unknown kind" hd export people
expect_rc_err 2 'export: give what to export: visits, bookings, teams, orgs, rooms or ical' "export of staff" hd export staff
expect_rc_err 2 'export: give what to export: visits, bookings, teams, orgs, rooms or ical' "export without a kind" hd export
for d in 2026-02-30 2026-13-01 20261101 2026.11.01 tomorrow ''; do
	expect_rc_err 2 '^hubdesk: --from: ' "export visits --from '$d'" hd export visits --from "$d"
done
expect_rc 2 "export orgs --to 2026-11-31" hd export orgs --to 2026-11-31
expect_err "2026-11-31|--to" "the message names the date or its option"
expect_rc_err 2 '--to 2026-11-22 is before --from 2026-11-23' "export bookings with --to before --from" hd export bookings --from 2026-11-23 --to 2026-11-22
expect_rc 2 "export teams with an unknown option" hd export teams --colour red
expect_err "--colour" "the message names the option"
expect_rc_err 2 'export: unexpected argument extra' "export rooms with a stray argument" hd export rooms extra
expect_rc_err 2 'export: --from needs a value' "export orgs --from without its value" hd export orgs --from
expect_rc_err 2 '^hubdesk: --from: no such day in the calendar' "export ical --from 2026-02-30" hd export ical --from 2026-02-30
expect_rc_err 2 '--to 2026-11-24 is before --from 2026-11-25' "export ical with --to before --from" hd export ical --from 2026-11-25 --to 2026-11-24
expect_rc 4 "export ical --room of an unknown room" hd export ical --room 99
expect_err "99" "the message names the room"
expect_rc_err 2 "^hubdesk: --room: a room's ID, a number" "export ical --room that is not a number" hd export ical --room abc
expect_eq "$(db_digest)" "$before" "exports write nothing to the database"

# ---- iCalendar ---------------------------------------------------------------------

# ical_check FILE: lines "problem: ..." for every rule of RFC 5545 broken,
# then one line per VEVENT: local start|local end|LOCATION|SUMMARY (both
# unescaped) sorted; "folded" when some line was folded.
cat >"$T/ical.py" <<'EOF'
import re, sys, datetime
try:
    from zoneinfo import ZoneInfo
except ImportError:
    ZoneInfo = None
data = open(sys.argv[1], 'rb').read()
problems = []
def problem(s):
    problems.append(s)
if not data.endswith(b'\r\n'):
    problem('the last line does not end in CRLF')
raw = data.split(b'\r\n')
if raw and raw[-1] == b'':
    raw = raw[:-1]
folded = False
for i, l in enumerate(raw, 1):
    if b'\n' in l or b'\r' in l:
        problem('line %d has a bare CR or LF' % i)
    if len(l) > 75:
        problem('line %d is %d octets long' % (i, len(l)))
    try:
        l.decode('utf-8')
    except UnicodeDecodeError:
        problem('line %d: the fold splits a UTF-8 character' % i)
    if l[:1] in (b' ', b'\t'):
        folded = True
        if l[:2] in (b'  ', b' \t'):
            problem('line %d: a continuation starts with more than one space' % i)
    if i == 1 and l[:1] in (b' ', b'\t'):
        problem('the first line is a continuation')
try:
    text = data.decode('utf-8')
except UnicodeDecodeError:
    text = data.decode('utf-8', 'replace')
    problem('the calendar is not UTF-8')
text = re.sub(r'\r\n[ \t]', '', text)
lines = [l for l in text.split('\r\n')]
if lines and lines[-1] == '':
    lines = lines[:-1]

def parse(line):
    # name, {param: value}, value: the first ':' outside quotes ends the
    # name and parameters.
    q = False
    for j, c in enumerate(line):
        if c == '"':
            q = not q
        elif c == ':' and not q:
            head, value = line[:j], line[j + 1:]
            break
    else:
        return None
    parts, cur, q = [], '', False
    for c in head:
        if c == '"':
            q = not q
        if c == ';' and not q:
            parts.append(cur)
            cur = ''
        else:
            cur += c
    parts.append(cur)
    params = {}
    for p in parts[1:]:
        k, _, v = p.partition('=')
        params[k.upper()] = v.strip('"')
    return parts[0].upper(), params, value

TEXT = ('SUMMARY', 'LOCATION', 'DESCRIPTION', 'COMMENT')
def unescape(name, v, where):
    if not re.fullmatch(r'(?:[^\\;,]|\\[\\;,nN])*', v):
        problem('%s: %s is not escaped: %r' % (where, name, v))
    return re.sub(r'\\([\\;,nN])', lambda m: '\n' if m.group(1) in 'nN' else m.group(1), v)

stack = []
comps = []  # (name, props)
cur = None
for i, line in enumerate(lines, 1):
    p = parse(line)
    if p is None:
        problem('content line %d has no colon: %r' % (i, line[:40]))
        continue
    name, params, value = p
    if not re.fullmatch(r'[A-Z0-9-]+', name):
        problem('content line %d: bad name %r' % (i, name))
    if name == 'BEGIN':
        stack.append((value, []))
    elif name == 'END':
        if not stack or stack[-1][0] != value:
            problem('content line %d: END:%s does not close %s' % (i, value, stack[-1][0] if stack else 'anything'))
        else:
            comps.append(stack.pop())
    else:
        if not stack:
            problem('content line %d: a property outside any component' % i)
        else:
            stack[-1][1].append((name, params, value))
if stack:
    problem('unclosed: ' + ', '.join(s[0] for s in stack))
if not lines or lines[0] != 'BEGIN:VCALENDAR':
    problem('it does not begin with BEGIN:VCALENDAR')
if not lines or lines[-1] != 'END:VCALENDAR':
    problem('it does not end with END:VCALENDAR')
cals = [c for c in comps if c[0] == 'VCALENDAR']
if len(cals) != 1:
    problem('%d VCALENDARs' % len(cals))
else:
    props = cals[0][1]
    if [v for n, _, v in props if n == 'VERSION'] != ['2.0']:
        problem('VERSION:2.0 missing')
    if len([v for n, _, v in props if n == 'PRODID' and v]) != 1:
        problem('PRODID missing')
zones = {}
for c, props in comps:
    if c == 'VTIMEZONE':
        tzid = [v for n, _, v in props if n == 'TZID']
        if len(tzid) != 1:
            problem('a VTIMEZONE without one TZID')
        else:
            zones[tzid[0]] = props
for c, props in comps:
    if c in ('STANDARD', 'DAYLIGHT'):
        names = [n for n, _, _ in props]
        for need in ('DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO'):
            if need not in names:
                problem('%s without %s' % (c, need))
offsets = {}
for c, props in comps:
    if c == 'STANDARD':
        for n, _, v in props:
            if n == 'TZOFFSETTO':
                offsets.setdefault('std', v)

def when(name, params, v, where):
    if 'TZID' in params:
        tz = params['TZID']
        if tz not in zones:
            problem('%s: %s;TZID=%s but no VTIMEZONE has that TZID' % (where, name, tz))
        if not re.fullmatch(r'\d{8}T\d{6}', v):
            problem('%s: %s with a TZID is %r' % (where, name, v))
            return None
        local = datetime.datetime.strptime(v, '%Y%m%dT%H%M%S')
        try:
            z = ZoneInfo(tz)
            return local.replace(tzinfo=z)
        except Exception:
            off = offsets.get('std', '+0800')
            sign = 1 if off[0] == '+' else -1
            delta = datetime.timedelta(hours=int(off[1:3]), minutes=int(off[3:5])) * sign
            return local.replace(tzinfo=datetime.timezone(delta))
    if not re.fullmatch(r'\d{8}T\d{6}Z', v):
        problem('%s: %s is neither UTC (Z) nor with a TZID: %r' % (where, name, v))
        return None
    return datetime.datetime.strptime(v, '%Y%m%dT%H%M%SZ').replace(tzinfo=datetime.timezone.utc)

shanghai = datetime.timezone(datetime.timedelta(hours=8))
events, uids = [], []
for c, props in comps:
    if c != 'VEVENT':
        continue
    one = {}
    for n, params, v in props:
        if n in one and n in ('UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'LOCATION'):
            problem('a VEVENT with two %s' % n)
        one[n] = (params, v)
    where = 'VEVENT %s' % one.get('UID', ({}, '?'))[1]
    for need in ('UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'LOCATION'):
        if need not in one:
            problem('%s without %s' % (where, need))
    if 'UID' in one:
        uids.append(one['UID'][1])
    if 'DTSTAMP' in one and not re.fullmatch(r'\d{8}T\d{6}Z', one['DTSTAMP'][1]):
        problem('%s: DTSTAMP is not UTC: %r' % (where, one['DTSTAMP'][1]))
    texts = {}
    for n, params, v in props:
        if n in TEXT:
            texts[n] = unescape(n, v, where)
    s = when('DTSTART', *one['DTSTART'], where) if 'DTSTART' in one else None
    e = when('DTEND', *one['DTEND'], where) if 'DTEND' in one else None
    fmt = lambda t: t.astimezone(shanghai).strftime('%Y-%m-%d %H:%M') if t else '?'
    events.append('%s|%s|%s|%s' % (fmt(s), fmt(e), texts.get('LOCATION', '?'), texts.get('SUMMARY', '?')))
if len(set(uids)) != len(uids):
    problem('two VEVENTs share a UID')
for p in problems:
    print('problem: ' + p)
if folded:
    print('folded')
for e in sorted(events):
    print('event|' + e.replace('\n', '\\n'))
EOF

# ical_ok WHAT [OPTIONS...]: export ical, checked; $T/events holds the
# events (start|end|location|summary).
ical_ok() {
	_iw="export ical $1"
	shift
	expect_rc 0 "$_iw" hd export ical "$@"
	cp "$T/out" "$T/cal.ics"
	python3 "$T/ical.py" "$T/cal.ics" >"$T/ical.txt" 2>&1
	expect_eq "$(grep -v '^event|\|^folded$' "$T/ical.txt")" "" "$_iw: follows RFC 5545"
	grep '^event|' "$T/ical.txt" | sed 's/^event|//' >"$T/events"
}

# has_event START END LOCATION WHAT: exactly one event of that time and place.
has_event() {
	expect_eq "$(grep -cF "$1|$2|$3|" "$T/events")" 1 "$4"
}

ical_ok "(from today on)"
has_event "2026-11-23 09:00" "2026-11-23 10:00" "$ROOM5" "the booking of today (checked in) is there"
has_event "2026-11-24 14:00" "2026-11-24 16:00" "$ROOM3" "booking 2 is there, in the centre's time"
has_event "2026-11-26 19:00" "2026-11-26 20:30" "$ROOM4" "booking 3 (a team's) is there"
has_event "2026-11-27 10:00" "2026-11-27 11:30" '多功能厅,A;B\C' \
	"booking 6 is there; its LOCATION unescapes to the room's name"
expect_eq "$(grep -c '^2026-11-21' "$T/events")" 0 "a booking before today is left out"
n=$(grep -c . "$T/events")
if [ "$n" -ge 4 ] && [ "$n" -le 5 ]; then
	ok "one VEVENT per booking from today on ($n; the cancelled one may be left out)"
else
	not_ok "one VEVENT per booking from today on" "events: $(cat "$T/events")"
fi
expect_eq "$(head -n 1 "$T/cal.ics")" "BEGIN:VCALENDAR$(printf '\r')" "the calendar starts with BEGIN:VCALENDAR"
if tr -d '\r' <"$T/cal.ics" | sed -e ':a' -e '$!N;s/\n //;ta' -e 'P;D' | grep -qxF 'LOCATION:多功能厅\,A\;B\\C'; then
	ok "LOCATION escapes the comma, the semicolon and the backslash"
else
	not_ok "LOCATION escapes the comma, the semicolon and the backslash" \
		"$(tr -d '\r' <"$T/cal.ics" | sed -e ':a' -e '$!N;s/\n //;ta' -e 'P;D' | grep LOCATION)"
fi
summary=$(grep -F "2026-11-27 10:00|" "$T/events" | cut -d'|' -f4-)
case $summary in
*"$LONG"* | *"$PURPOSE"*)
	ok "unfolding restores the long Chinese SUMMARY (the booker's name or the use) exactly" ;;
*) not_ok "unfolding restores the long Chinese SUMMARY (the booker's name or the use) exactly" "SUMMARY: $summary" ;;
esac
if grep -q '^folded$' "$T/ical.txt"; then ok "the long lines are folded"; else not_ok "the long lines are folded"; fi
if grep -aq '^DTSTART;TZID=' "$T/cal.ics"; then
	tzid=$(grep -a '^DTSTART;TZID=' "$T/cal.ics" | head -n 1 | sed 's/^DTSTART;TZID=\("\?\)\([^":;]*\).*/\2/')
	expect_eq "$(grep -ac "^TZID:$tzid$(printf '\r')\$" "$T/cal.ics")" 1 "one VTIMEZONE of the TZID used ($tzid)"
else
	ok "times are in UTC (no VTIMEZONE needed)"
fi

ical_ok "--from 2026-11-24 --to 2026-11-24" --from 2026-11-24 --to 2026-11-24
expect_eq "$(cut -d'|' -f1-3 "$T/events")" "2026-11-24 14:00|2026-11-24 16:00|$ROOM3" \
	"export ical of one day: that day's booking"
ical_ok "--from 2026-11-20 (the past)" --from 2026-11-20
has_event "2026-11-21 10:00" "2026-11-21 12:00" "$ROOM2" "--from in the past brings the booking of 11-21"
ical_ok "--to 2026-11-24" --to 2026-11-24
expect_eq "$(cut -d'|' -f1 "$T/events" | tr '\n' ' ')" "2026-11-23 09:00 2026-11-24 14:00 " \
	"--to alone: from today to that day"
ical_ok "--room 4" --room 4
expect_eq "$(cut -d'|' -f1-3 "$T/events")" "2026-11-26 19:00|2026-11-26 20:30|$ROOM4" \
	"export ical --room: that room's bookings alone"
ical_ok "of a period with no booking" --from 2030-01-01 --to 2030-01-31
expect_eq "$(grep -c . "$T/events")" 0 "an empty period gives a calendar without events"

# A line break in a stored name (the forms refuse it, an older database may
# hold one) is escaped as \n.
if on_pg; then LF="chr(10)"; else LF="char(10)"; fi
sql "UPDATE room SET name = '舞蹈' || $LF || '活动室' WHERE id = 4"
ical_ok "with a line break in a room's name" --room 4
expect_eq "$(cut -d'|' -f3 "$T/events")" '舞蹈\n活动室' "the line break unescapes"
if tr -d '\r' <"$T/cal.ics" | sed -e ':a' -e '$!N;s/\n //;ta' -e 'P;D' | grep -qxF 'LOCATION:舞蹈\n活动室'; then
	ok "LOCATION escapes the line break as \\n"
else
	not_ok "LOCATION escapes the line break as \\n" "$(grep -a -A1 LOCATION "$T/cal.ics")"
fi
sql "UPDATE room SET name = '$ROOM4' WHERE id = 4"

# From today on, a --to before today is bad usage, not an empty calendar.
expect_rc 2 "export ical --to yesterday without --from" hd export ical --to 2026-11-22
expect_err "--to" "the message names --to"

# ---- the calendar as libical reads it ------------------------------------------------
# tests/tools/ical_check parses the calendar with libical, runs its
# restriction check (a plain calendar: no METHOD, so no iTIP rules such as
# an ORGANIZER for every event) and lists every X-LIC-ERROR, then each
# event as libical unescapes it: event|UID|STATUS|LOCATION|SUMMARY.
ICAL_CHECK="$TOP/build/tests/tools/ical_check"
setup "an organisation with a semicolon and a comma" at 2026-11-23T09:00 \
	hd org add --name '邻里;互助,服务社' --kind community
ORG_SC=$SETUP_ID
setup "a weekly series of that organisation in a room with a comma and a semicolon" \
	at 2026-11-23T09:00 hd booking add --room "$ROOM_X" --org "$ORG_SC" \
	--start '2026-11-24 15:00' --end '2026-11-24 16:00' --weekly-until 2026-12-01 \
	--purpose '读书会;第一期,试运行' --no-print
SERIES=$(sql "SELECT count(*) FROM booking WHERE series_id IS NOT NULL AND org_id = $ORG_SC")
expect_eq "$SERIES" 2 "the series has two occurrences"
if [ -x "$ICAL_CHECK" ]; then
	expect_rc 0 "export ical --from 2026-11-20 (for libical)" hd export ical --from 2026-11-20
	cp "$T/out" "$T/lib.ics"
	run "$ICAL_CHECK" "$T/lib.ics"
	expect_eq "$RC" 0 "libical parses the calendar and its restriction check passes"
	expect_eq "$(grep '^error' "$T/out")" "" "libical leaves no X-LIC-ERROR in it"
	tr '\t' '|' <"$T/out" | grep '^event|' | sed 's/^event|//' >"$T/libevents"
	# status_of ID: the STATUS libical reads for booking ID.
	status_of() { grep "^booking-$1-" "$T/libevents" | cut -d'|' -f2; }
	expect_eq "$(sql "SELECT state || ' ' || noshow FROM booking WHERE id = 1")" "released 1" \
		"booking 1 is released: nobody came"
	expect_eq "$(status_of 1)" CANCELLED "the released booking (a no-show) is STATUS:CANCELLED"
	expect_eq "$(status_of 4)" CANCELLED "the cancelled booking is STATUS:CANCELLED"
	expect_eq "$(status_of 5)" CONFIRMED "the checked-in booking is STATUS:CONFIRMED"
	expect_eq "$(status_of 2)" CONFIRMED "a confirmed booking is STATUS:CONFIRMED"
	expect_eq "$(grep -c "|CONFIRMED|多功能厅,A;B\\\\C|邻里;互助,服务社" "$T/libevents")" 2 \
		"both occurrences of the series: confirmed, their room and booker read back whole"
	if grep -qF '读书会;第一期,试运行' "$T/lib.ics" || ! tr -d '\r' <"$T/lib.ics" |
		sed -e ':a' -e '$!N;s/\n //;ta' -e 'P;D' | grep -qF 'SUMMARY:邻里\;互助\,服务社 - 读书会\;第一期\,试运行'; then
		not_ok "the series' SUMMARY escapes the semicolons and commas"
	else
		ok "the series' SUMMARY escapes the semicolons and commas"
	fi
	if grep -aq '^METHOD' "$T/lib.ics"; then not_ok "the calendar has no METHOD"; else
		ok "the calendar has no METHOD"; fi
	# The checker itself: a calendar that breaks libical's rules fails it.
	sed 's/^DTSTART;TZID=\([^:]*\):.*/DTSTART;TZID=\1:2026XX/' "$T/lib.ics" >"$T/bad.ics"
	run "$ICAL_CHECK" "$T/bad.ics"
	expect_eq "$RC" 1 "the checker fails a calendar with a broken DTSTART"
	expect_out '^error	VEVENT	booking-' "it names the event libical marked"
	awk 'NR == 2 { printf "METHOD:PUBLISH\r\n" } 1' "$T/lib.ics" >"$T/publish.ics"
	run "$ICAL_CHECK" "$T/publish.ics"
	expect_eq "$RC" 1 "with METHOD:PUBLISH, libical wants an ORGANIZER (so the export has none)"
elif pkg-config --exists libical 2>/dev/null; then
	not_ok "the calendar checker is built (make unit)" "no $ICAL_CHECK"
else
	ok "# SKIP libical is not installed (make deps): the calendar is not checked by libical"
fi

done_testing
