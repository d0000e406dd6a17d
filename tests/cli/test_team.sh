# SPDX-License-Identifier: GPL-3.0-or-later
# test_team.sh - `hubdesk team apply|review|file|classify|reopen|deregister|
# activity|list`: output lines, exit codes, steps taken already, the filing
# receipt without a printer, the state filter and the roll, on the command
# line.
. "$(dirname "$0")/../lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1
TAB=$(printf '\t')

# apply_team NAME [MORE OPTIONS...]: a complete application.
apply_team() {
	_name=$1
	shift
	hd team apply --name "$_name" --category 文体活动 --leader 张三 --phone 13800001111 \
		--members 12 --content 太极拳晨练 --place 中心广场 --schedule '每天 06:30' "$@"
}

state_of() {
	sql "SELECT state FROM team WHERE id = $1"
}

# ---- apply -----------------------------------------------------------------

expect_rc 0 "team apply" apply_team 晨练太极队 --committee 花园居委会 --street 花园街道 \
	--short 晨练 --party-members 3 --liaison 李四
expect_lines 1 "one line for one team"
expect_out "^13${TAB}HD1-T-13-[0-9A-Z]{10}${TAB}晨练太极队 Applied\$" \
	"it prints ID, the team's code and the name with its state"
CODE=$(cut -f2 "$T/out")
expect_eq "$CODE" "$(token_for T 13)" "the code is the team's signed token"
expect_eq "$(sql "SELECT state || ' ' || members || ' ' || party_members || ' ' || committee || ' ' || short FROM team WHERE id = 13")" \
	"1 12 3 花园居委会 晨练" "the team is saved as applied with every field"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'team.add' AND record_id = 13 AND actor = 'command-line'")" 1 \
	"the application is audited as the command line's"
expect_rc 0 "verify of the team's code" hd verify "$CODE"
expect_out "^team${TAB}13${TAB}" "verify names the team"

expect_rc 0 "an application by number of category, the name with spaces around" \
	hd team apply --name ' 夕阳乐队 ' --category 2 --leader 王五 --phone 021-64001234 --members 10 \
	--content 演奏 --place 活动室 --schedule 每周三
expect_eq "$(sql "SELECT name || '|' || category FROM team WHERE id = 14")" "夕阳乐队|2" "the name is kept trimmed"
# (cli_team.c's apply_cmd prints the name as typed, d.name, not as saved.)
expect_out "^14${TAB}HD1-T-14-[0-9A-Z]{10}${TAB}夕阳乐队 Applied\$" \
	"the summary shows the name as saved (trimmed)"

# Bad input (2): nothing is written.
BEFORE=$(db_digest)
expect_rc 2 "members below 10" apply_team 九人队 --members 9
expect_err "Members" "the message names the members"
expect_rc_err 2 'Members: a whole number from 10 to 100000' "members not a number" apply_team 九人队 --members 十
expect_rc_err 2 'Name is required' "no name" hd team apply --category 1 --leader 张三 --phone 13800001111 --members 12 \
	--content 太极 --place 广场 --schedule 每天
expect_rc_err 2 'Leader is required' "no leader" hd team apply --name 九人队 --category 1 --phone 13800001111 --members 12 \
	--content 太极 --place 广场 --schedule 每天
expect_rc_err 2 'Activities is required' "no activities" hd team apply --name 九人队 --category 1 --leader 张三 --phone 13800001111 \
	--members 12 --place 广场 --schedule 每天
expect_rc_err 2 'Usual time is required' "no usual time" hd team apply --name 九人队 --category 1 --leader 张三 --phone 13800001111 \
	--members 12 --content 太极 --place 广场
expect_rc_err 2 'Phone: a mobile \(11 digits starting 13-19\)' "a malformed phone" apply_team 九人队 --phone 1380000
expect_rc 2 "a category not in the list" apply_team 九人队 --category 体育
expect_err "文体活动" "the message lists the categories"
expect_rc_err 2 'team category: not in the list' "category 7" apply_team 九人队 --category 7
expect_rc_err 2 'Party members: a whole number from 0 to 12' "more party members than members" apply_team 九人队 --party-members 13
expect_rc_err 2 'Name: 1 to 40 characters \(41 given\)' "a name over 40 characters" apply_team "$(printf '长%.0s' $(seq 1 40))队"
expect_rc_err 2 'team apply: unknown option --colour' "an unknown option" apply_team 九人队 --colour red
expect_rc 2 "an improper name" apply_team 阳光
expect_err "队" "the message says how a team's name ends"
expect_rc 2 "members 5, no place and an improper name" \
	hd team apply --name 阳光 --category 1 --leader 张三 --phone 13800001111 --members 5 \
	--content 太极 --place '' --schedule 每天
expect_eq "$(grep -c . "$T/err")" 3 "three messages, one for each unmet condition"
expect_err "Members" "one names the members"
expect_err "Place" "one names the place"
expect_err "队" "one names the name's ending"
expect_rc 2 "no category and members 5" \
	hd team apply --name 阳光队 --leader 张三 --phone 13800001111 --members 5 \
	--content 太极 --place 广场 --schedule 每天
expect_eq "$(grep -c . "$T/err")" 2 "two messages, one for each unmet condition"
expect_err "Category must be chosen" "one says the category must be chosen"
expect_err "Members" "one names the members"
expect_eq "$(db_digest)" "$BEFORE" "bad applications wrote nothing"

# The same name twice in one residents' committee is refused (3); in
# another committee it is fine.
expect_rc 3 "a name taken in the same committee" apply_team 晨光太极队 --committee 阳光居委会
expect_err "晨光太极队" "the message names the team"
expect_rc_err 3 "a team named 晨光太极队 is filed already in this residents' committee" "the same again, with spaces around" apply_team ' 晨光太极队 ' --committee 阳光居委会
expect_eq "$(sql "SELECT count(*) FROM team WHERE name = '晨光太极队'")" 1 "refused applications wrote nothing"
expect_rc 0 "the same name in another committee" apply_team 晨光太极队 --committee 东方居委会
expect_out "^15${TAB}" "it is team 15"

# ---- the steps ---------------------------------------------------------------

expect_rc 3 "file before review" hd team file 13 --no-print
expect_err "Applied|待初审" "the refusal names the state"
expect_rc_err 3 '晨练太极队 is Applied: it must be Filed first' "classify before review" hd team classify 13
expect_eq "$(state_of 13)" 1 "refused steps leave the team applied"

expect_rc 0 "review" hd team review 13
expect_out "^13${TAB}${CODE}${TAB}晨练太极队 Reviewed\$" "review prints ID, code and the new state"
expect_rc 0 "review again" hd team review 13
expect_err "already.*2026-11-23 09:00" "it says the team was reviewed already, and when"
expect_eq "$(wc -c <"$T/out" | tr -d ' ')" 0 "a step taken already prints no record line"
expect_rc 3 "classify before filing" hd team classify 13
expect_err "Reviewed|已初审" "the refusal names the state"

HUBDESK_NOW=2026-11-24T10:00:00+08:00 expect_rc 0 "file with --no-print" hd team file 13 --no-print
expect_out "^13${TAB}${CODE}${TAB}晨练太极队 Filed\$" "file prints ID, code and the new state"
expect_no_err "print|spool" "--no-print prints nothing"
expect_eq "$(sql "SELECT filed_date FROM team WHERE id = 13")" 2026-11-24 "the filing date is the day of filing"
expect_eq "$(sql "SELECT count(*) FROM spool WHERE kind = 'team'")" 0 "nothing went to the spool"
HUBDESK_NOW=2026-11-25T10:00:00+08:00 expect_rc 0 "file again" hd team file 13
expect_err "already.*2026-11-24 10:00" "it says when the team was filed"
expect_eq "$(sql "SELECT filed_date FROM team WHERE id = 13")" 2026-11-24 "the filing date stays"

expect_rc_err 2 'team category: not in the list' "classify with a category not in the list" hd team classify 13 --category 体育
expect_eq "$(state_of 13)" 3 "the team stays filed"
expect_rc 0 "classify with a new category" hd team classify 13 --category 公益慈善
expect_out "^13${TAB}${CODE}${TAB}晨练太极队 Classified\$" "classify prints ID, code and the new state"
expect_eq "$(sql "SELECT state || ' ' || category FROM team WHERE id = 13")" "4 2" "classified with category 2"
expect_rc 0 "classify again" hd team classify 13
expect_err "already" "it says so"

# Reopen steps back one state with a reason.
expect_rc 2 "reopen without a reason" hd team reopen 13
expect_err "Reason" "the message names the reason"
expect_rc 0 "reopen" hd team reopen 13 --reason 分类有误
expect_out "^13${TAB}${CODE}${TAB}晨练太极队 Filed\$" "reopen prints the state it went back to"
expect_eq "$(sql "SELECT reason FROM team_step WHERE team_id = 13 ORDER BY id DESC LIMIT 1")" 分类有误 \
	"the reason is kept in the history"
expect_rc 3 "reopen of an application" hd team reopen 14 --reason 无
expect_err "Applied|待初审" "the refusal names the state"

# Deregister keeps the record with its reason; reopen brings back the state.
expect_rc_err 2 'Reason is required' "deregister without a reason" hd team deregister 13
expect_rc_err 2 'Reason is required' "deregister with an empty reason" hd team deregister 13 --reason ''
expect_eq "$(state_of 13)" 3 "the team stays filed"
expect_rc 0 "deregister" hd team deregister 13 --reason 团队解散
expect_out "^13${TAB}${CODE}${TAB}晨练太极队 Deregistered\$" "deregister prints ID, code and the new state"
expect_eq "$(sql "SELECT name || ' ' || state FROM team WHERE id = 13")" "晨练太极队 5" "the record is kept"
expect_rc 0 "deregister again" hd team deregister 13 --reason 团队解散
expect_err "already" "it says so"
expect_rc 3 "review of a deregistered team" hd team review 13
expect_err "deregistered|已注销" "the refusal names the state"
expect_rc_err 3 '晨练太极队 is deregistered \(已注销\): reopen it first' "activity of a deregistered team" hd team activity 13
expect_rc 0 "reopen a deregistered team" hd team reopen 13 --reason 恢复活动
expect_out "^13${TAB}${CODE}${TAB}晨练太极队 Filed\$" "it is back in the state it had"
expect_eq "$(sql "SELECT $(agg "from_state || '>' || to_state" ' ' id) FROM (SELECT * FROM team_step WHERE team_id = 13 AND from_state IS NOT NULL ORDER BY id) AS s")" \
	"1>2 2>3 3>4 4>3 3>5 5>3" "six steps in the history, none for the refused or repeated ones"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE record = 'team' AND record_id = 13 AND action LIKE 'team.%' AND before IS NOT NULL AND after IS NOT NULL")" 6 \
	"each step is audited with before and after"
expect_eq "$(sql "SELECT count(*) FROM team_step WHERE team_id = 13 AND at > 0 AND actor != ''")" 7 \
	"each row of the history (the application and six steps) has its time and person"

# Not found (4) and bad ids (2), for every step.
for step in review file classify; do
	expect_rc_err 4 'no team with id 99' "team $step of an unknown team" hd team $step 99
done
expect_rc_err 4 'no team with id 99' "reopen of an unknown team" hd team reopen 99 --reason 无
expect_rc_err 4 'no team with id 99' "deregister of an unknown team" hd team deregister 99 --reason 无
expect_rc 4 "activity of an unknown team" hd team activity 99
expect_err "99" "the message names the id"
for bad in abc 0 -1 1.5; do
	expect_rc_err 2 "team review: ID must be a number from 1 to 999999999999, not $bad\$" "team review $bad" hd team review "$bad"
done
expect_rc_err 2 "team review: give the team's ID" "team review without an id" hd team review
expect_rc_err 2 'team review: unexpected argument 8' "team review with two ids" hd team review 7 8
expect_rc_err 2 'team file: unknown option --fast' "team file with an unknown option" hd team file 7 --fast
expect_rc_err 2 'team classify: unknown option --reason' "team classify with an unknown option" hd team classify 3 --reason 无
expect_rc_err 2 'team: use team apply \| update \| review' "an unknown team subcommand" hd team approve 7
expect_rc_err 2 'team: use team apply \| update \| review' "team without a subcommand" hd team

# ---- the filing receipt without a printer ------------------------------------

expect_rc 0 "review demo team 7" hd team review 7
expect_rc 0 "file without --no-print and no printer: still exit 0" hd team file 7
expect_out "^7${TAB}$(token_for T 7)${TAB}爱心编织组 Filed\$" "the record line is printed"
expect_err "print|spool" "stderr says the receipt was not printed"
expect_eq "$(state_of 7)" 3 "the team is filed"
expect_eq "$(sql "SELECT count(*) FROM spool WHERE kind = 'team'")" 1 "the receipt waits in the spool"
expect_eq "$(sql "SELECT copy, count(*) FROM spool WHERE kind = 'team' AND data IS NOT NULL GROUP BY copy")" "1|1" \
	"the request saved with the filing became the first copy, made"
if ls "$SPOOL_DIR"/team-7-*.pdf >/dev/null 2>&1; then
	ok "the receipt is saved beside the database as team-7-N.pdf"
else
	not_ok "no team-7-N.pdf beside the database" "$(ls -R "$T" 2>&1 | head -20)"
fi

# ---- activity ---------------------------------------------------------------------

expect_rc 2 "activity on a date after today" hd team activity 3 --date 2026-11-24
expect_err "Date" "the message names the date"
expect_rc_err 2 'Date: a date as YYYY-MM-DD' "activity on a malformed date" hd team activity 3 --date 昨天
expect_rc_err 2 'team activity: unknown option --when' "activity with an unknown option" hd team activity 3 --when today
expect_eq "$(sql "SELECT coalesce(last_activity, '') FROM team WHERE id = 3")" "" "refused activities wrote nothing"
expect_rc 0 "activity on a past date" hd team activity 3 --date 2026-11-20
expect_eq "$(sql "SELECT last_activity || ' ' || checked_date FROM team WHERE id = 3")" "2026-11-20 2026-11-23" \
	"the activity's date is kept, the check is done today"

# ---- list -------------------------------------------------------------------------

HEADER="id${TAB}name${TAB}category${TAB}state${TAB}members${TAB}committee${TAB}filed${TAB}last activity"
expect_rc 0 "team list" hd team list
expect_eq "$(head -n 1 "$T/out")" "$HEADER" "a header line"
expect_lines 16 "the header and fifteen teams"
expect_out "^3${TAB}彩虹舞蹈队${TAB}Sports and culture${TAB}Filed${TAB}22${TAB}东方居委会${TAB}2026-08-25${TAB}2026-11-20\$" \
	"a team's line: id, name, category, state, members, committee, filing date, last activity"
expect_out "^13${TAB}晨练太极队${TAB}Charity and public welfare${TAB}Filed${TAB}12${TAB}花园居委会${TAB}2026-11-24${TAB}" \
	"team 13 as the steps left it"
expect_eq "$(tail -n +2 "$T/out" | awk -F "$TAB" 'NF < 8' | wc -l | tr -d ' ')" 0 "every line has eight fields"

expect_rc 0 "team list --status filed" hd team list --status filed
expect_eq "$(tail -n +2 "$T/out" | cut -f1 | sort -n | tr '\n' ' ')" "3 5 7 12 13 " "the filed teams"
expect_eq "$(head -n 1 "$T/out")" "$HEADER" "with the header"
expect_rc 0 "team list --status 已注销" hd team list --status 已注销
expect_eq "$(tail -n +2 "$T/out" | cut -f1 | tr '\n' ' ')" "11 " "the deregistered team"
expect_rc 0 "team list --status 1" hd team list --status 1
expect_eq "$(tail -n +2 "$T/out" | cut -f1 | sort -n | tr '\n' ' ')" "8 14 15 " "the applications"
expect_rc 2 "team list --status of no state" hd team list --status bogus
expect_err "applied" "the message lists the states"
expect_rc_err 2 'team state: not in the list' "team list --status 6" hd team list --status 6
expect_rc_err 2 'team list: unknown option --all' "team list with an unknown option" hd team list --all
expect_rc_err 2 'team list: unexpected argument 3' "team list with an argument" hd team list 3

# ---- the roll ---------------------------------------------------------------------

expect_rc 0 "team list --roll" hd team list --roll
expect_eq "$(head -n 1 "$T/out")" "$HEADER" "the roll has the header"
expect_eq "$(tail -n +2 "$T/out" | cut -f1 | sort -n | tr '\n' ' ')" "1 2 4 9 " \
	"the teams filed more than a year ago and never checked"
expect_out "^1${TAB}晨光太极队${TAB}.*annual check due" "each is marked for its annual check"
expect_out "^9${TAB}.*no activity for six months" "and as idle"
expect_rc 0 "activity of team 1 today" hd team activity 1
expect_rc 0 "the roll again" hd team list --roll
expect_eq "$(tail -n +2 "$T/out" | cut -f1 | sort -n | tr '\n' ' ')" "2 4 9 " "a recorded activity takes a team off the roll"

# Six months on: team 5 (filed 2026-09-24) has had no booking nor activity;
# team 12 (filed 2026-10-24) books once; team 3 recorded an activity on
# 2026-11-20.
expect_rc 0 "team 12 books a room" hd booking add --room 3 --team 12 --start '2026-11-25 10:00' \
	--end '2026-11-25 11:00' --no-print
LATER=2027-06-01T09:00:00+08:00
HUBDESK_NOW=$LATER expect_rc 0 "the roll on 2027-06-01" hd team list --roll
ROLL=$(tail -n +2 "$T/out" | cut -f1 | sort -n | tr '\n' ' ')
expect_eq "$ROLL" "1 2 3 4 5 7 9 12 13 " "every filed team without a booking or activity since 2026-11-30 is on it"
expect_no_out "^(8|11|14|15)${TAB}" "teams not filed, or deregistered, are never on the roll"
expect_out "^5${TAB}.*no activity for six months" "team 5 is idle"
expect_no_out "^5${TAB}.*annual check due" "team 5's check is not due yet"
HUBDESK_NOW=2027-05-20T09:00:00+08:00 expect_rc 0 "the roll on 2027-05-20" hd team list --roll
expect_no_out "^12${TAB}" "team 12's booking on 2026-11-25 keeps it off less than six months after"
expect_out "^5${TAB}" "while team 5 is on it"
expect_no_out "^(3|7|13)${TAB}" "nor teams filed or active since 2026-11-18"

# A cancelled booking is no sign of life: team 12 cancels, and is idle.
expect_rc 0 "team 12 cancels its booking" hd booking cancel "$(sql "SELECT id FROM booking WHERE team_id = 12")"
HUBDESK_NOW=2027-05-20T09:00:00+08:00 expect_rc 0 "the roll on 2027-05-20 again" hd team list --roll
expect_out "^12${TAB}.*no activity for six months" "team 12 is idle once its only booking is cancelled"

# A classified team (2, 文体活动) put in another category: a change kept in
# its history; the same category again is a step already taken.
expect_rc 0 "classify a classified team with its own category" hd team classify 2 --category 文体活动
expect_err "already" "it says it is classified already"
steps=$(sql "SELECT count(*) FROM team_step WHERE team_id = 2")
expect_rc 0 "a classified team put in another category" hd team classify 2 --category 生活服务
expect_eq "$(sql "SELECT state || ' ' || category FROM team WHERE id = 2")" "4 3" "still classified, category 3"
expect_eq "$(sql "SELECT count(*) || ' ' || (SELECT from_state || '>' || to_state || ' ' || reason FROM team_step
	WHERE team_id = 2 ORDER BY id DESC LIMIT 1) FROM team_step WHERE team_id = 2")" \
	"$((steps + 1)) 4>4 Category: Sports and culture → Everyday services" \
	"the change of category is kept in the history with both names"

# team update: the fields given change, the others stay; checked as an
# application is; audited before and after; the search finds the new name.
old=$(sql "SELECT name FROM team WHERE id = 2")
before=$(sql "SELECT leader || ' ' || phone || ' ' || place || ' ' || state FROM team WHERE id = 2")
expect_rc 0 "team update renames team 2 and changes its members" \
	hd team update 2 --name 银龄太极拳队 --members 32
expect_out "^2${TAB}.*银龄太极拳队" "it prints the team's line with the new name"
expect_eq "$(sql "SELECT name || ' ' || members FROM team WHERE id = 2")" "银龄太极拳队 32" "the name and members changed"
expect_eq "$(sql "SELECT leader || ' ' || phone || ' ' || place || ' ' || state FROM team WHERE id = 2")" "$before" \
	"the other fields and the state stay"
expect_eq "$(sql "SELECT $(json_at before name) || ' > ' || $(json_at after name) FROM audit
	WHERE action = 'team.update' AND record_id = 2 ORDER BY id DESC LIMIT 1")" "$old > 银龄太极拳队" \
	"the update is audited with before and after"
expect_eq "$(sql "SELECT count(*) FROM name_gram WHERE kind = (SELECT kind FROM name_gram WHERE gram = '银龄' LIMIT 1) AND id = 2 AND gram = '银龄'")" 1 \
	"the search index has the new name"
expect_eq "$(sql "SELECT count(*) FROM name_gram WHERE gram = '合唱' AND id = 2 AND kind = (SELECT kind FROM name_gram WHERE gram = '银龄' LIMIT 1)")" 0 "and no longer the old one"
expect_rc 2 "team update with 5 members and no leader" hd team update 2 --members 5 --leader ""
expect_err "Leader" "the refusal names the leader"
expect_err "10" "and the members' minimum"
expect_eq "$(sql "SELECT members || ' ' || leader FROM team WHERE id = 2")" "32 ${before%% *}" "a refused update changes nothing"
expect_rc 2 "team update with a phone of letters" hd team update 2 --phone abc
expect_err "Phone" "the refusal names the phone"
expect_rc_err 4 'no team with id 999' "team update of an unknown team" hd team update 999 --members 12
expect_rc 2 "team update without an ID" hd team update --members 12
expect_err "team update" "the usage error names the command"

done_testing
