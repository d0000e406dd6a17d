#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_report_history.sh - a centre that enters its registers on go-live
# reports earlier periods as they stood then: a team imported with a filing
# date has existed since that date, in the state it was imported in; an
# organisation counts from its move-in date, or from when it was entered
# when none is known. Checked in the CSV and the text for people.
. "$(dirname "$0")/../lib.sh"

# Go-live: 1 December 2026, the registers imported that day.
export HUBDESK_NOW=2026-12-01T09:00:00+08:00
hd init >/dev/null 2>&1
cat >"$T/teams.csv" <<'CSV'
名称,简称,类别,负责人,联系电话,人数,活动内容,活动地点,活动时间,党员人数,党建联络员,居委会,街道,状态,备案日期
晨光太极队,太极队,文体活动,李明,13800001111,20,太极拳,广场,每天早上,2,,东门社区,,已分类,2025-03-01
邻里帮帮团,帮帮团,公益慈善,王芳,13800002222,15,助老,活动室,周三下午,1,,东门社区,,已备案,2025-06-10
夕阳合唱团,合唱团,文体活动,赵强,13800003333,30,合唱,多功能厅,周五上午,0,,西门社区,,已注销,2025-01-15
书香读书会,读书会,文体活动,钱丽,13800004444,12,读书,阅览室,周六,0,,西门社区,,已备案,2025-08-01
新苗舞蹈队,舞蹈队,文体活动,孙红,13800005555,18,广场舞,广场,每晚,0,,西门社区,,待初审,
CSV
cat >"$T/orgs.csv" <<'CSV'
名称,简称,类型,统一社会信用代码,联系人,联系电话,入驻日期,出壳日期
阳光社工服务中心,阳光社工,入驻机构,,张三,13900001111,2025-02-01,2027-02-01
绿叶环保协会,绿叶,社区社会组织,,李四,13900002222,,
CSV
expect_rc 0 "the teams register is imported on go-live" hd import teams "$T/teams.csv"
expect_rc 0 "the organisations register is imported on go-live" hd import orgs "$T/orgs.csv"

# figures ARGS...: the 团队 and 机构 rows of report --csv ARGS, one line.
figures() {
	hd report --csv "$@" >"$T/fig.csv" 2>/dev/null
	tr -d '\r' <"$T/fig.csv" | sed 's/^\xef\xbb\xbf//' | grep '^团队,\|^机构,' | cut -d, -f2- | tr '\n' ' '
}

expect_eq "$(figures --month 2025-06)" \
	"文体活动,1 公益慈善,1 生活服务,0 社区事务,0 专业调处,0 其他,0 待初审,0 已初审,0 已备案,1 已分类,1 已注销,1 合计,2 成员合计,35 党员合计,3 入驻机构,1 社区社会组织,0 其他,0 合计,1 " \
	"June 2025: the teams filed by then in their imported states, the organisation moved in by then"
expect_eq "$(figures --month 2024-12)" \
	"文体活动,0 公益慈善,0 生活服务,0 社区事务,0 专业调处,0 其他,0 待初审,0 已初审,0 已备案,0 已分类,0 已注销,0 合计,0 成员合计,0 党员合计,0 入驻机构,0 社区社会组织,0 其他,0 合计,0 " \
	"December 2024: before every filing and move-in date, nothing"
expect_eq "$(figures --month 2025-08)" \
	"文体活动,2 公益慈善,1 生活服务,0 社区事务,0 专业调处,0 其他,0 待初审,0 已初审,0 已备案,2 已分类,1 已注销,1 合计,3 成员合计,47 党员合计,3 入驻机构,1 社区社会组织,0 其他,0 合计,1 " \
	"August 2025: the reading club filed on 1 August counts"
expect_eq "$(figures --month 2026-12)" \
	"文体活动,3 公益慈善,1 生活服务,0 社区事务,0 专业调处,0 其他,0 待初审,1 已初审,0 已备案,2 已分类,1 已注销,1 合计,4 成员合计,65 党员合计,3 入驻机构,1 社区社会组织,1 其他,0 合计,2 " \
	"December 2026: every team and organisation, the ones without dates from go-live"

expect_rc 0 "the June 2025 report for people" "$HUBDESK" report --month 2025-06
expect_out "本期新备案 *1" "June 2025: the team filed on 10 June is new in the period"
expect_out "已分类 *1" "June 2025: the classified team is listed by its state"
expect_rc 0 "the August 2025 report for people" "$HUBDESK" report --month 2025-08
expect_out "本期新备案 *1" "August 2025: one new filing"

# A team stepped after go-live stood before in the state it was imported in.
club=$(sql "SELECT id FROM team WHERE name = '书香读书会'")
HUBDESK_NOW=2026-12-02T10:00:00+08:00 expect_rc 0 "the reading club is classified after go-live" \
	hd team classify "$club" --category 1
expect_eq "$(figures --month 2025-08 | grep -o '已备案,[0-9]* 已分类,[0-9]*')" "已备案,2 已分类,1" \
	"August 2025 still shows the reading club as filed"
expect_eq "$(figures --month 2026-12 | grep -o '已备案,[0-9]* 已分类,[0-9]*')" "已备案,1 已分类,2" \
	"December 2026 shows it classified"

done_testing
