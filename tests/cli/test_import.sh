# SPDX-License-Identifier: GPL-3.0-or-later
# test_import.sh - hubdesk import orgs|teams|rooms FILE.csv: UTF-8 with and
# without a BOM, GBK and GB18030, columns by name in any order, unknown
# columns ignored with a warning, updates by name (teams: name and 居委会),
# every row checked by the rules of the forms with nothing imported when one
# row is bad (the row numbered as a spreadsheet numbers it, the column and
# what is allowed named), dates, times and credit codes as spreadsheets
# save them (2025/11/1, 2025年11月1日, 08:30:00; a code in scientific notation
# refused saying so), broken encodings, empty and missing files, bad
# usage; and the round trip: an export of a register imports back unchanged,
# into the same database and into a fresh one.
. "$(dirname "$0")/../lib.sh"

TAB=$(printf '\t')
NL='
'
BOM=$(printf '\357\273\277')

# csv FILE: the lines of stdin written to FILE with CRLF line ends;
# csv_bom FILE: the same after a byte order mark.
csv() {
	sed 's/$/\r/' >"$1"
}
csv_bom() {
	{ printf '\357\273\277'; sed 's/$/\r/'; } >"$1"
}

# expect_imported NAMES WHAT [team]: stdout is one line ID<TAB>CODE<TAB>NAME
# per name (NAMES: one a line, in file order); CODE is - , or a team's QR
# text (HD1-T-ID-...) when the third argument is "team".
expect_imported() {
	_code=-
	[ "${3:-}" = team ] && _code='HD1-T-[0-9]+-[0-9A-Z]+'
	_got=$(sed -E "s/^[0-9]+${TAB}${_code}${TAB}//" "$T/out")
	_bad=$(grep -Ev "^[0-9]+${TAB}${_code}${TAB}" "$T/out")
	if [ "$_got" = "$1" ] && [ -z "$_bad" ]; then
		ok "$2: one line ID<TAB>CODE<TAB>名称 per record, in file order"
	else
		not_ok "$2: one line ID<TAB>CODE<TAB>名称 per record, in file order" "stdout: $(cat "$T/out")" \
			"want names: $(echo "$1" | tr '\n' ' ')"
	fi
}

# expect_refused CODE WHAT ROW COLUMN-PATTERN KIND FILE: the import exits
# CODE, names the row and the column, prints no record, and leaves the
# database as it was.
expect_refused() {
	_code=$1 _what=$2 _row=$3 _col=$4
	shift 4
	_before=$(db_digest)
	expect_rc "$_code" "$_what" hd import "$@"
	expect_err "[Rr]ow $_row([^0-9]|\$)" "$_what: the message names row $_row"
	[ -n "$_col" ] && expect_err "$_col" "$_what: the message names the column"
	expect_eq "$(wc -c <"$T/out" | tr -d ' ')" 0 "$_what: no record line"
	expect_eq "$(db_digest)" "$_before" "$_what: nothing is imported"
}

hd init 2>/dev/null

ORG_HEAD='名称,简称,类型,统一社会信用代码,联系人,联系电话,入驻日期,出壳日期'
ROOM_HEAD='名称,类型,容量,开放时间,关闭时间,缓冲分钟'
TEAM_HEAD='名称,简称,类别,负责人,联系电话,人数,活动内容,活动地点,活动时间,党员人数,党建联络员,居委会,街道,状态,备案日期'

# ---- good files ------------------------------------------------------------------

csv_bom "$T/orgs.csv" <<EOF
$ORG_HEAD
浦东新区阳光社工服务社,阳光社工,入驻机构,52310115MJ50000173,王丽,+86 138-1234-5678,2026-01-01,2027-12-31
益心公益发展中心,,社区社会组织,,陈明,021-64001234,,
"逗号,""引号""机构",逗号,其他,,"王,""丽""",,,
EOF
expect_rc 0 "import orgs from UTF-8 with a BOM" hd import orgs "$T/orgs.csv"
expect_imported "浦东新区阳光社工服务社${NL}益心公益发展中心${NL}逗号,\"引号\"机构" "import orgs"
O1=$(sql "SELECT id FROM org WHERE name = '浦东新区阳光社工服务社'")
O2=$(sql "SELECT id FROM org WHERE name = '益心公益发展中心'")
expect_eq "$(sed -n 1p "$T/out" | cut -f1)" "$O1" "the line's ID is the record's id"
expect_eq "$(sql "SELECT name, short, kind, credit_code, contact, phone, in_date, out_date FROM org ORDER BY id")" \
	"浦东新区阳光社工服务社|阳光社工|1|52310115MJ50000173|王丽|13812345678|2026-01-01|2027-12-31
益心公益发展中心|益心公益|2||陈明|021-64001234||
逗号,\"引号\"机构|逗号|3||王,\"丽\"|||" \
	"the organisations are stored: kinds by name, the phone normalised, the short name by default the first 4"

printf '%s\n' "$ROOM_HEAD" '一号会议室,会议室,12,08:30,20:00,15' '舞蹈室,活动室,30,,,' >"$T/rooms.csv"
expect_rc 0 "import rooms from UTF-8 without a BOM, LF line ends" hd import rooms "$T/rooms.csv"
expect_imported "一号会议室${NL}舞蹈室" "import rooms"
expect_eq "$(sql "SELECT name, kind, capacity, open_min, close_min, buffer_min FROM room ORDER BY id")" \
	"一号会议室|1|12|510|1200|15${NL}舞蹈室|2|30|||0" "the rooms are stored; empty hours are the default hours"

csv "$T/teams.utf8" <<EOF
$TEAM_HEAD
晨光太极队,晨光,文体活动,张建国,13811112222,28,太极拳晨练,中心广场,每天 06:30,6,李四,阳光居委会,花园街道,已备案,2026-10-08
邻里帮帮团,,生活服务,林慧,15011116666,18,代购、维修小家电,社区服务站,每周六上午,,,阳光居委会,花园街道,,
EOF
iconv -f UTF-8 -t GBK "$T/teams.utf8" >"$T/teams.csv"
if iconv -f UTF-8 -t UTF-8 "$T/teams.csv" >/dev/null 2>&1; then
	not_ok "the GBK file is not UTF-8 (fixture)"
else
	ok "the GBK file is not UTF-8 (fixture)"
fi
expect_rc 0 "import teams from GBK" hd import teams "$T/teams.csv"
expect_imported "晨光太极队${NL}邻里帮帮团" "import teams" team
expect_eq "$(sql "SELECT name, short, category, leader, phone, members, content, place, schedule, party_members, coalesce(liaison, ''), committee, street, state, coalesce(filed_date, '') FROM team ORDER BY id")" \
	"晨光太极队|晨光|1|张建国|13811112222|28|太极拳晨练|中心广场|每天 06:30|6|李四|阳光居委会|花园街道|3|2026-10-08
邻里帮帮团|邻里帮帮|3|林慧|15011116666|18|代购、维修小家电|社区服务站|每周六上午|0||阳光居委会|花园街道|1|" \
	"the teams are stored with the Chinese intact: the state and filing date given, or a new application"

printf '%s\n' '名称,类型' '㐀㐁书画社,社区社会组织' | iconv -f UTF-8 -t GB18030 | sed 's/$/\r/' >"$T/gb18030.csv"
expect_rc 0 "import orgs from GB18030 with a character outside GBK" hd import orgs "$T/gb18030.csv"
expect_imported "㐀㐁书画社" "import from GB18030"
expect_eq "$(sql "SELECT count(*) FROM org WHERE name = '㐀㐁书画社' AND kind = 2")" 1 \
	"the four-byte GB18030 characters are stored as UTF-8"

# Unknown columns: ignored with a warning naming them.
csv_bom "$T/extra.csv" <<EOF
名称,备注,类型,网址,联系人
书香社区读书会,每月一次,社区社会组织,http://example.org,郑洁
EOF
expect_rc 0 "import orgs with two unknown columns" hd import orgs "$T/extra.csv"
expect_err "备注" "the warning names the column 备注"
expect_err "网址" "the warning names the column 网址"
expect_imported "书香社区读书会" "import with unknown columns"
expect_eq "$(sql "SELECT kind || '|' || contact FROM org WHERE name = '书香社区读书会'")" "2|郑洁" \
	"the known columns are imported"

# Columns in another order.
csv_bom "$T/order.csv" <<EOF
容量,缓冲分钟,名称,关闭时间,类型,开放时间
40,10,培训室,18:00,培训室,09:00
EOF
expect_rc 0 "import rooms with the columns in another order" hd import rooms "$T/order.csv"
expect_imported "培训室" "import in another order"
expect_eq "$(sql "SELECT kind, capacity, open_min, close_min, buffer_min FROM room WHERE name = '培训室'")" \
	"4|40|540|1080|10" "each column is read by its name"

# Only the needed columns.
csv_bom "$T/needed.csv" <<EOF
名称,类别,负责人,联系电话,人数,活动内容,活动地点,活动时间
夕阳红合唱团,1,刘秀英,13911113333,35,合唱排练,一楼多功能厅,每周二 14:00
EOF
expect_rc 0 "import teams with the starred columns only (a category by number)" hd import teams "$T/needed.csv"
expect_eq "$(sql "SELECT category || '|' || state || '|' || committee FROM team WHERE name = '夕阳红合唱团'")" "1|1|" \
	"a team with the needed columns is a new application"

# ---- updates by name -------------------------------------------------------------------

norgs=$(sql "SELECT count(*) FROM org")
csv_bom "$T/upd.csv" <<EOF
$ORG_HEAD
益心公益发展中心,益心,社区社会组织,,张敏,13900001111,,
EOF
expect_rc 0 "import an organisation whose name exists" hd import orgs "$T/upd.csv"
expect_eq "$(cut -f1 "$T/out")" "$O2" "the line gives the existing id"
expect_eq "$(sql "SELECT count(*) FROM org")" "$norgs" "no organisation is added"
expect_eq "$(sql "SELECT short, contact, phone FROM org WHERE id = $O2")" "益心|张敏|13900001111" \
	"the organisation is updated"

nteams=$(sql "SELECT count(*) FROM team")
T1=$(sql "SELECT id FROM team WHERE name = '晨光太极队'")
csv_bom "$T/updt.csv" <<EOF
$TEAM_HEAD
晨光太极队,晨光,文体活动,张建国,13811112222,30,太极拳晨练,中心广场,每天 06:30,6,李四,阳光居委会,花园街道,已备案,2026-10-08
晨光太极队,晨光,文体活动,周红,13811113333,12,太极扇,东方广场,每天 07:00,0,,东方居委会,花园街道,,
EOF
expect_rc 0 "import a team of an existing name in its committee and in another" hd import teams "$T/updt.csv"
expect_eq "$(sed -n 1p "$T/out" | cut -f1)" "$T1" "the team of the same name and committee keeps its id"
expect_eq "$(sql "SELECT members FROM team WHERE id = $T1")" 30 "it is updated"
expect_eq "$(sql "SELECT count(*) FROM team")" "$((nteams + 1))" "the same name in another committee is a new team"
expect_eq "$(sql "SELECT leader FROM team WHERE name = '晨光太极队' AND committee = '东方居委会'")" 周红 \
	"the new team is the one of 东方居委会"

nrooms=$(sql "SELECT count(*) FROM room")
csv_bom "$T/updr.csv" <<EOF
$ROOM_HEAD
舞蹈室,活动室,35,08:00,21:00,5
EOF
expect_rc 0 "import a room whose name exists" hd import rooms "$T/updr.csv"
expect_eq "$(sql "SELECT count(*) FROM room")" "$nrooms" "no room is added"
expect_eq "$(sql "SELECT capacity, open_min, close_min, buffer_min FROM room WHERE name = '舞蹈室'")" "35|480|1260|5" \
	"the room is updated"

# ---- bad rows: nothing imported ------------------------------------------------------

csv_bom "$T/bad1.csv" <<EOF
$ORG_HEAD
新机构一,,社区社会组织,,,,,
新机构二,,社区社会组织,52310115MJ5000017,,,,
新机构三,,社区社会组织,,,,,
新机构四,,社区社会组织,,,,,
EOF
norgs=$(sql "SELECT count(*) FROM org")
expect_refused 2 "a malformed credit code in row 3" 3 '统一社会信用代码|[Cc]redit code' orgs "$T/bad1.csv"
expect_eq "$(sql "SELECT count(*) FROM org")" "$norgs" "the good rows around it are not imported either"
expect_rc 2 "the same file in Chinese" "$HUBDESK" import orgs "$T/bad1.csv"
expect_err "第 ?3 ?行" "the Chinese message names 第 3 行"
expect_err "统一社会信用代码" "the Chinese message names the column"

csv_bom "$T/bad2.csv" <<EOF
$ORG_HEAD
新机构一,,社区社会组织,,,13812345678,,
新机构二,,社区社会组织,,,021-64001234,,
新机构三,,社区社会组织,,,12345,,
EOF
expect_refused 2 "a malformed phone in row 4" 4 '联系电话|[Pp]hone' orgs "$T/bad2.csv"

csv_bom "$T/bad3.csv" <<EOF
$ORG_HEAD
新机构一,,机构,,,,,
EOF
expect_refused 2 "a kind not in the list" 2 '类型|[Kk]ind' orgs "$T/bad3.csv"
expect_err "社区社会组织" "the message lists the kinds"

csv_bom "$T/bad4.csv" <<EOF
$ORG_HEAD
新机构一,,入驻机构,,,,2026-02-30,
EOF
expect_refused 2 "a date that does not exist" 2 '入驻日期|[Mm]ove' orgs "$T/bad4.csv"

csv_bom "$T/bad5.csv" <<EOF
$ORG_HEAD
新机构一,,社区社会组织,,,,,
,,社区社会组织,,,,,
EOF
expect_refused 2 "an empty name" 3 '名称|[Nn]ame' orgs "$T/bad5.csv"

csv_bom "$T/bad6.csv" <<EOF
$ORG_HEAD
新机构一,,社区社会组织,52310115MJ50000173,,,,
EOF
expect_refused 3 "a credit code of another organisation" 2 '统一社会信用代码|[Cc]redit code' orgs "$T/bad6.csv"

csv_bom "$T/bad7.csv" <<EOF
$TEAM_HEAD
健步走小组,,文体活动,高峰,13511119999,25,沿河健步走,滨河步道,每天 18:30,,,东方居委会,,,
爱心编织组,,公益慈善,罗桂兰,13311118888,9,编织围巾,二楼会议室B,每周三下午,,,花园居委会,,,
EOF
expect_refused 2 "members below 10" 3 '人数|[Mm]embers' teams "$T/bad7.csv"
expect_err "10" "the message says at least 10"

csv_bom "$T/bad8.csv" <<EOF
$TEAM_HEAD
健步走小组,,体育,高峰,13511119999,25,沿河健步走,滨河步道,每天 18:30,,,东方居委会,,,
EOF
expect_refused 2 "a category not in the list" 2 '类别|[Cc]ategory' teams "$T/bad8.csv"
expect_err "文体活动" "the message lists the categories"

csv_bom "$T/bad9.csv" <<EOF
$TEAM_HEAD
健步走小组,,文体活动,高峰,13511119999,25,沿河健步走,滨河步道,每天 18:30,,,东方居委会,,正常,
EOF
expect_refused 2 "a state not in the list" 2 '状态|[Ss]tate|[Ss]tatus' teams "$T/bad9.csv"
expect_err "已备案" "the message lists the states"

csv_bom "$T/bad10.csv" <<EOF
$TEAM_HEAD
健步走小组,,文体活动,高峰,,25,沿河健步走,滨河步道,每天 18:30,,,东方居委会,,,
EOF
expect_refused 2 "an empty phone, which teams need" 2 '联系电话|[Pp]hone' teams "$T/bad10.csv"

csv_bom "$T/bad11.csv" <<EOF
$ROOM_HEAD
二号会议室,会议室,10,25:00,21:00,0
EOF
expect_refused 2 "an opening time of 25:00" 2 '开放时间|[Oo]pen' rooms "$T/bad11.csv"

csv_bom "$T/bad12.csv" <<EOF
$ROOM_HEAD
二号会议室,会议室,10,,,0
三号会议室,会议室,0,,,0
EOF
expect_refused 2 "a capacity of 0" 3 '容量|[Cc]apacity' rooms "$T/bad12.csv"

csv_bom "$T/bad13.csv" <<EOF
$ROOM_HEAD
厨房,厨房,10,,,0
EOF
expect_refused 2 "a room kind not in the list" 2 '类型|[Kk]ind' rooms "$T/bad13.csv"
expect_err "会议室" "the message lists the kinds"

csv_bom "$T/bad14.csv" <<EOF
$ORG_HEAD
新机构一,,其他,,,12345,,
新机构二,,社区社会组织,,,,,
新机构三,,坏类型,,,,,
EOF
expect_refused 2 "two bad rows" 2 '' orgs "$T/bad14.csv"
expect_err "[Rr]ow 4([^0-9]|\$)" "both rows are named (row 4 too)"

# Rows as a spreadsheet numbers them: a cell holding a line break is one row,
# and a blank line is a row.
csv_bom "$T/bad15.csv" <<EOF
名称,类型,备注
新机构一,社区社会组织,"第一行
第二行"
新机构二,坏类型,
EOF
expect_refused 2 "a bad row after a cell with a line break" 3 '类型|[Kk]ind' orgs "$T/bad15.csv"
csv_bom "$T/bad16.csv" <<EOF
名称,类型

新机构一,社区社会组织

新机构二,坏类型
EOF
expect_refused 2 "a bad row after blank lines" 5 '类型|[Kk]ind' orgs "$T/bad16.csv"

# A needed column missing.
csv_bom "$T/bad17.csv" <<EOF
名称,类型,开放时间
二号会议室,会议室,08:00
EOF
before=$(db_digest)
expect_rc 2 "import rooms without the column 容量" hd import rooms "$T/bad17.csv"
expect_err "容量" "the message names the missing column"
expect_eq "$(db_digest)" "$before" "nothing is imported"

# ---- what spreadsheets save ----------------------------------------------------------

# Times as LibreOffice and Excel save them: with seconds, without a leading
# zero; stored as HH:MM.
csv_bom "$T/sheet-rooms.csv" <<EOF
$ROOM_HEAD
表格一室,会议室,10,8:30,20:00:00,0
表格二室,活动室,20,08:00:00,9:30,0
EOF
expect_rc 0 "import rooms with times as 8:30 and 20:00:00" hd import rooms "$T/sheet-rooms.csv"
expect_eq "$(sql "SELECT open_min || '-' || close_min FROM room WHERE name LIKE '表格%' ORDER BY id")" \
	"510-1200${NL}480-570" "the times are read as 08:30-20:00 and 08:00-09:30"
run hd export rooms
expect_out '^表格一室,会议室,10,08:30,20:00,0' "they are exported as HH:MM"

csv_bom "$T/sheet-secs.csv" <<EOF
$ROOM_HEAD
表格三室,会议室,10,,,0
表格四室,会议室,10,08:30:15,20:00,0
EOF
expect_refused 2 "an opening time with seconds other than :00" 3 '开放时间' rooms "$T/sheet-secs.csv"
expect_err "[Oo]pens: 08:30:15 has seconds" "the message names the field and says the time has seconds"

# Dates as spreadsheets save them; stored as YYYY-MM-DD. A credit code
# saved as a number keeps its 18 digits (also with .0 after them).
csv_bom "$T/sheet-orgs.csv" <<EOF
$ORG_HEAD
表格机构甲,,入驻机构,533101151234567891,,,2025/11/1,2027年3月31日
表格机构乙,,入驻机构,513101150000000010.0,,,2025-11-1,2027/03/31
表格机构丙,,入驻机构,,,,2025年11月01日,2027-3-31
EOF
expect_rc 0 "import orgs with dates as 2025/11/1, 2025-11-1, 2025年11月1日" hd import orgs "$T/sheet-orgs.csv"
expect_eq "$(sql "SELECT in_date || '/' || out_date FROM org WHERE name LIKE '表格机构%' ORDER BY id")" \
	"2025-11-01/2027-03-31${NL}2025-11-01/2027-03-31${NL}2025-11-01/2027-03-31" \
	"the dates are stored as YYYY-MM-DD"
expect_eq "$(sql "SELECT credit_code || '/' || credit_ok FROM org WHERE name LIKE '表格机构%' AND credit_code IS NOT NULL ORDER BY id")" \
	"533101151234567891/1${NL}513101150000000010/1" \
	"a code saved as a number of 18 digits is kept, also with .0 after it"

csv_bom "$T/sheet-baddate.csv" <<EOF
$ORG_HEAD
表格机构丁,,入驻机构,,,,2025年11月1日,2025/2/30
EOF
expect_refused 2 "a move-out date of 2025/2/30" 2 '出壳日期' orgs "$T/sheet-baddate.csv"
expect_err "[Mm]oves out: 2025/2/30 is no day of the calendar" "the message names the field and the day"
expect_err "2025-11-01, 2025/11/1 or 2025年11月1日" "the message says which forms a date may take"
expect_rc 2 "the same file in Chinese" "$HUBDESK" import orgs "$T/sheet-baddate.csv"
expect_err "日历上没有 2025/2/30 这一天" "the Chinese message names the day"

csv_bom "$T/sheet-dateform.csv" <<EOF
$ORG_HEAD
表格机构丁,,入驻机构,,,,2025.11.1,
EOF
expect_refused 2 "a date as 2025.11.1" 2 '入驻日期' orgs "$T/sheet-dateform.csv"
expect_err "[Mm]oved in: a date as 2025-11-01, 2025/11/1 or 2025年11月1日" \
	"the message names the field and the forms allowed"

csv_bom "$T/sheet-teams.csv" <<EOF
$TEAM_HEAD
表格舞蹈队,,文体活动,赵敏,13811115555,20,广场舞,中心广场,每天 19:00,,,表格居委会,,已备案,2026年10月8日
EOF
expect_rc 0 "import a team filed on 2026年10月8日" hd import teams "$T/sheet-teams.csv"
expect_eq "$(sql "SELECT filed_date FROM team WHERE name = '表格舞蹈队'")" 2026-10-08 \
	"the filing date is stored as YYYY-MM-DD"
sed -i 's|2026年10月8日|2026/2/29|' "$T/sheet-teams.csv"
expect_refused 2 "a filing date of 2026/2/29" 2 '备案日期' teams "$T/sheet-teams.csv"
expect_err "[Ff]iling date: 2026/2/29 is no day of the calendar" "the message names the field and the day"

# A credit code a spreadsheet turned into scientific notation has lost its
# digits: the row is refused, saying so, and nothing of the file imported.
for sci in 5.33101151234568E+17 5.33101151234568e+17; do
	csv_bom "$T/sheet-sci.csv" <<EOF
$ORG_HEAD
表格机构戊,,社区社会组织,,,,,
表格机构己,,社区社会组织,$sci,,,,
EOF
	expect_refused 2 "a credit code of $sci" 3 '统一社会信用代码' orgs "$T/sheet-sci.csv"
	expect_err "[Cc]redit code: a spreadsheet turned it into a number in scientific notation; set this column to text and export again" \
		"the message names the field and the cause"
done
expect_eq "$(sql "SELECT count(*) FROM org WHERE name = '表格机构戊'")" 0 "the good row before it is not imported either"
expect_rc 2 "the same file in Chinese" "$HUBDESK" import orgs "$T/sheet-sci.csv"
expect_err "第 ?3 ?行.*统一社会信用代码.*被表格软件改成了科学计数法，请把这一列设为文本后重新导出" \
	"the Chinese message names the row, the column and the cause"

csv_bom "$T/sheet-lost.csv" <<EOF
$ORG_HEAD
表格机构庚,,社区社会组织,533101151234567000.0,,,,
EOF
expect_refused 2 "a code saved as a number with .0 whose check fails" 2 '统一社会信用代码' orgs "$T/sheet-lost.csv"
expect_err "[Cc]redit code: a spreadsheet turned it into a number and its last digits may have changed" \
	"the message names the field and the cause"

# ---- files ------------------------------------------------------------------------------

# A UTF-8 file with a multibyte character cut in row 3: neither UTF-8 nor
# GB18030 (made so that rows 1 and 2 read in both).
python3 - "$T/cut.csv" <<'EOF'
import sys
rows = ['名称,类型,联系电话', '阳光机构,其他,13812345678', '丙丁机构,其他,13912345678', '戊己机构,其他,13712345678']
b = [r.encode() + b'\r\n' for r in rows]
b[2] = b[2].replace('机构'.encode(), '机构'.encode()[:-1], 1)
open(sys.argv[1], 'wb').write(b''.join(b))
EOF
fixture=$(python3 - "$T/cut.csv" <<'EOF'
import sys
d = open(sys.argv[1], 'rb').read()
for enc in ('utf-8', 'gb18030'):
    try:
        d.decode(enc)
        print(enc, 'valid')
    except UnicodeDecodeError as e:
        print(enc, 'row', d[:e.start].count(b'\n') + 1)
EOF
)
expect_eq "$(echo $fixture)" "utf-8 row 3 gb18030 row 3" "the cut file breaks in row 3 in both encodings (fixture)"
expect_refused 2 "a file with a cut character in row 3" 3 '' orgs "$T/cut.csv"

: >"$T/empty.csv"
before=$(db_digest)
expect_rc_err 2 'The file is empty: it needs a header row' "import of an empty file" hd import orgs "$T/empty.csv"
expect_rc 2 "import of a missing file" hd import orgs "$T/nowhere/orgs.csv"
expect_err "$T/nowhere/orgs.csv" "the message names the path"
expect_eq "$(db_digest)" "$before" "nothing is imported"

# ---- usage ---------------------------------------------------------------------------------

expect_rc_err 2 'import: use import orgs\|teams\|rooms FILE' "import without a kind" hd import
expect_rc_err 2 'import: use import orgs\|teams\|rooms FILE' "import of visits" hd import visits "$T/orgs.csv"
expect_rc_err 2 'import: use import orgs\|teams\|rooms FILE' "import of bookings" hd import bookings "$T/orgs.csv"
expect_rc_err 2 'import: use import orgs\|teams\|rooms FILE' "import orgs without a file" hd import orgs
expect_rc_err 2 'import: unexpected argument .*orgs\.csv' "import orgs with two files" hd import orgs "$T/orgs.csv" "$T/orgs.csv"
expect_rc_err 2 'import: unknown option --colour' "import orgs with an unknown option" hd import orgs "$T/orgs.csv" --colour red
expect_eq "$(db_digest)" "$before" "nothing is imported"

# ---- the round trip -----------------------------------------------------------------------

RT=$(new_db rt)
FRESH=$(new_db fresh)
HUBDESK_DB=$RT hd init --demo >/dev/null 2>&1 || not_ok "init --demo of the round-trip database"
(
	export HUBDESK_DB="$RT"
	hd org add --name '甲,乙"丙"机构' --kind community --contact '王,"丽"' --phone 021-64001234 &&
	hd org add --name 老代码机构 --kind 2 --credit-code 52310115MJ50000174 &&
	hd room add --name '多功能厅,A;B\C' --kind 3 --capacity 50 --open 08:30 --close 20:00 --buffer 10 &&
	hd team apply --name 晨光太极队 --committee 东方居委会 --category 1 --leader 周红 --phone 13811113333 \
		--members 12 --content '太极,"扇"' --place 东方广场 --schedule '每天 07:00, 周末' --street 东方街道
) >/dev/null 2>"$T/rt.err" || not_ok "the round-trip records" "$(cat "$T/rt.err")"

for kind in orgs rooms teams; do
	HUBDESK_DB=$RT run hd export $kind
	cp "$T/out" "$T/rt-$kind.csv"
	expect_eq "$RC" 0 "round trip: export $kind"
done
for kind in orgs rooms teams; do
	table=$(echo $kind | sed 's/s$//')
	n=$(HUBDESK_DB=$RT sql "SELECT count(*) FROM $table")
	ids=$(HUBDESK_DB=$RT sql "SELECT id FROM $table ORDER BY id")
	HUBDESK_DB=$RT expect_rc 0 "round trip: import the $kind export into its own database" \
		hd import $kind "$T/rt-$kind.csv"
	expect_eq "$(cut -f1 "$T/out")" "$ids" "round trip: each $kind record is updated in place (its id, in order)"
	expect_eq "$(HUBDESK_DB=$RT sql "SELECT count(*) FROM $table")" "$n" "round trip: no $kind record is added"
	HUBDESK_DB=$RT run hd export $kind
	expect_eq "$(cksum <"$T/out")" "$(cksum <"$T/rt-$kind.csv")" \
		"round trip: the $kind export is byte-identical after importing it"
done

HUBDESK_DB=$FRESH hd init >/dev/null 2>&1 || not_ok "init of the fresh database"
for kind in rooms orgs teams; do
	HUBDESK_DB=$FRESH expect_rc 0 "round trip: import $kind into a fresh database" hd import $kind "$T/rt-$kind.csv"
	if grep -q 'not known' "$T/err"; then
		not_ok "round trip: every column of the $kind export is known to the import" "$(cat "$T/err")"
	else
		ok "round trip: every column of the $kind export is known to the import"
	fi
	expect_eq "$(grep -c . "$T/out")" "$(($(wc -l <"$T/rt-$kind.csv") - 1))" \
		"round trip: one line per $kind record"
done
for kind in orgs rooms teams; do
	HUBDESK_DB=$FRESH run hd export $kind
	if [ "$(cksum <"$T/out")" = "$(cksum <"$T/rt-$kind.csv")" ]; then
		ok "round trip: the $kind export of the fresh database is byte-identical"
	else
		cp "$T/out" "$T/fresh-$kind.csv"
		not_ok "round trip: the $kind export of the fresh database is byte-identical" \
			"$(diff "$T/rt-$kind.csv" "$T/fresh-$kind.csv" | head -n 6)"
	fi
done
expect_eq "$(HUBDESK_DB=$FRESH sql "SELECT credit_ok FROM org WHERE name = '老代码机构'")" 0 \
	"round trip: a code whose check character fails is imported marked, as the form does"

# A name a spreadsheet would run as a formula is exported as text (an
# apostrophe before it) and reads back as it was.
expect_rc 0 "an organisation whose name starts with =" hd org add --name '=HYPERLINK("x")社' --kind 3
run hd export orgs
expect_out "^\"'=HYPERLINK\(\"\"x\"\"\)社\"," "the export guards it with an apostrophe"
cp "$T/out" "$T/formula.csv"
before=$(sql "SELECT count(*) FROM org")
expect_rc 0 "the export imports back" hd import orgs "$T/formula.csv"
expect_eq "$(sql "SELECT count(*) FROM org WHERE name = '=HYPERLINK(\"x\")社'")/$(sql "SELECT count(*) FROM org")" \
	"1/$before" "the name reads back without the apostrophe, updated in place"

# Rows of empty cells (what a spreadsheet saves after cells were cleared)
# are skipped; a name starting with an apostrophe reads back exactly.
expect_rc 0 "an organisation whose name starts with an apostrophe" hd org add --name "'星光'社" --kind 3
run hd export orgs
cp "$T/out" "$T/apos.csv"
printf ',,,,,,,\r\n,,,,,,,\r\n' >>"$T/apos.csv"
before=$(sql "SELECT count(*) FROM org")
expect_rc 0 "an export with rows of empty cells after it imports" hd import orgs "$T/apos.csv"
expect_eq "$(sql "SELECT count(*) FROM org")" "$before" "the empty rows add nothing, the names read back"
expect_eq "$(sql "SELECT count(*) FROM org WHERE name = '''星光''社'")" 1 "the apostrophe name is kept whole"

# A header alone (the export of an empty register) imports nothing, exit 0.
printf '\357\273\277%s\r\n' "$ROOM_HEAD" >"$T/rooms-empty.csv"
expect_rc 0 "a file of the header alone" hd import rooms "$T/rooms-empty.csv"
expect_eq "$(wc -c <"$T/out" | tr -d ' ')" 0 "it prints no record"

# An empty 类型 cell keeps an organisation's kind; columns the file does
# not have keep their values.
id=$(sql "SELECT id FROM org WHERE name = '益心公益发展中心'")
kind=$(sql "SELECT kind FROM org WHERE id = $id")
csv_bom "$T/kind.csv" <<EOF
名称,类型,联系人
益心公益发展中心,,新联系人
EOF
expect_rc 0 "an update with 类型 left empty" hd import orgs "$T/kind.csv"
expect_eq "$(sql "SELECT kind || '/' || contact FROM org WHERE id = $id")" "$kind/新联系人" \
	"the kind is kept, the contact changed"

# Teams without a 居委会 column are named by their name alone: one team of
# the name is updated; several are refused naming the column to add.
csv_bom "$T/team-nocomm.csv" <<EOF
名称,类别,负责人,联系电话,人数,活动内容,活动地点,活动时间
独一合唱团,文体活动,新负责人,13800001111,30,合唱,中心广场,每周五
EOF
hd team apply --name 独一合唱团 --category 1 --leader 王五 --phone 13900003333 --members 15 \
	--content 合唱 --place 活动室 --schedule 周五 --committee 东方居委会 >/dev/null 2>&1
tid=$(sql "SELECT id FROM team WHERE name = '独一合唱团'")
comm=$(sql "SELECT committee FROM team WHERE id = $tid")
nteams=$(sql "SELECT count(*) FROM team")
expect_rc 0 "a teams file without 居委会" hd import teams "$T/team-nocomm.csv"
expect_eq "$(sql "SELECT count(*) FROM team")/$(sql "SELECT leader || '/' || committee FROM team WHERE id = $tid")" \
	"$nteams/新负责人/$comm" "the one team of that name is updated, its 居委会 kept"
hd team apply --name 独一合唱团 --category 1 --leader 李四 --phone 13900002222 --members 12 \
	--content 合唱 --place 公园 --schedule 周末 --committee 另一居委会 >/dev/null 2>&1
expect_refused 3 "two teams of that name and no 居委会 column" 2 "居委会" teams "$T/team-nocomm.csv"

done_testing
