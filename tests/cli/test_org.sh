# SPDX-License-Identifier: GPL-3.0-or-later
# test_org.sh - hubdesk org add | list: credit codes (GB 32100-2015), names,
# kinds, phones, residence terms, short names, duplicates, the audit row, and
# nothing half-written after a failure.
. "$(dirname "$0")/../lib.sh"

TAB=$(printf '\t')
hd init 2>/dev/null

# expect_record NAME WHAT: stdout is the one line ID<TAB>-<TAB>NAME; sets $ID.
expect_record() {
	expect_lines 1 "$2: one line"
	if grep -Eq "^[0-9]+${TAB}-${TAB}$1\$" "$T/out"; then
		ok "$2: the line is ID<TAB>-<TAB>$1"
	else
		not_ok "$2: the line is ID<TAB>-<TAB>$1" "stdout: $(cat "$T/out")"
	fi
	ID=$(cut -f1 "$T/out")
}

# list_line ID: the org list line of ID (runs org list).
list_line() {
	run hd org list
	awk -F'\t' -v id="$1" 'NR > 1 && $1 == id' "$T/out"
}

# A full record.
expect_rc 0 "org add with every option" hd org add --name 浦东新区阳光社工服务社 --kind resident \
	--short 阳光社工 --credit-code 52310115MJ50000173 --contact 王丽 --phone '+86 138-1234-5678' \
	--in 2026-01-01 --out 2027-12-31
expect_record 浦东新区阳光社工服务社 "org add"
id1=$ID
expect_eq "$(cat "$T/err")" "" "a valid civil-affairs code (52...) gives no warning or notice"
expect_eq "$(sql "SELECT name, short, kind, credit_code, credit_ok, contact, phone, in_date, out_date FROM org WHERE id = $id1")" \
	"浦东新区阳光社工服务社|阳光社工|1|52310115MJ50000173|1|王丽|13812345678|2026-01-01|2027-12-31" \
	"the organisation is stored, the phone normalised"
audit="SELECT after FROM audit WHERE action = 'org.add' AND record_id = $id1"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'org.add' AND record_id = $id1")" 1 \
	"org add writes one org.add audit row"
expect_eq "$(sql "SELECT $(json_at after name) || ' ' || $(json_at after credit_code) FROM audit WHERE action = 'org.add' AND record_id = $id1")" \
	"浦东新区阳光社工服务社 52310115MJ50000173" "the audit row holds the record as JSON"
if on_pg; then VALID='CAST(after::json IS NOT NULL AS INTEGER)'; else VALID='json_valid(after)'; fi
expect_eq "$(sql "SELECT $VALID FROM audit WHERE action = 'org.add' AND record_id = $id1")" 1 \
	"the audit's after is valid JSON"
line=$(list_line "$id1")
case $line in
*浦东新区阳光社工服务社*阳光社工*52310115MJ50000173*王丽*138\*\*\*\*5678*2026-01-01*2027-12-31*)
	ok "org list shows the record with its phone masked" ;;
*) not_ok "org list shows the record with its phone masked" "line: $line" ;;
esac
expect_no_out 13812345678 "org list never shows the whole phone"
case $line in *check*) not_ok "a valid code is not marked" "line: $line" ;; *) ok "a valid code is not marked" ;; esac

# Credit codes of other issuers: accepted with a notice.
for code in 91350100M000100Y43 91110000600037341L; do
	expect_rc 0 "org add with the company code $code" hd org add --name "公司$code" --kind other --credit-code "$code"
	expect_err "$code" "the notice names the code"
	expect_err "civil affairs" "a notice says it is not a civil-affairs code"
	expect_no_err "check character" "no check-character warning for $code"
	expect_eq "$(sql "SELECT credit_ok FROM org WHERE credit_code = '$code'")" 1 "$code is stored as valid"
done

# A code whose check character fails: accepted with a warning, and marked.
expect_rc 0 "org add with a failing check character" hd org add --name 老代码机构 --kind 2 --credit-code 52310115MJ50000174
idbad=$(cut -f1 "$T/out")
expect_err "52310115MJ50000174" "the warning names the code"
expect_err "check character" "the warning is about the check character"
expect_eq "$(sql "SELECT credit_ok FROM org WHERE id = $idbad")" 0 "the code is marked in the database"
line=$(list_line "$idbad")
case $line in *52310115MJ50000174*check*) ok "org list marks the code" ;; *) not_ok "org list marks the code" "line: $line" ;; esac

# Malformed codes: exit 2 naming the credit code; nothing written.
before=$(db_digest)
for code in 52310115MJ5000017 52310115MJ500001733 52310115MI50000173 52310115MO50000173 \
	52310115MZ50000173 52310115MS50000173 52310115MV50000173 "52310115 J50000173" \
	"52310115MJ5000017３" "52310115-J50000173"; do
	expect_rc 2 "org add with the malformed code '$code'" hd org add --name 新机构 --kind 2 --credit-code "$code"
	expect_err "[Cc]redit code" "the message names the credit code"
done

# Duplicates: exit 3.
expect_rc 3 "org add with a duplicate name" hd org add --name 浦东新区阳光社工服务社 --kind 2
expect_err "浦东新区阳光社工服务社" "the message names the organisation"
expect_rc_err 3 'an organisation named 浦东新区阳光社工服务社 exists already' "org add with a duplicate name in spaces" hd org add --name "  浦东新区阳光社工服务社　" --kind 2
expect_rc 3 "org add with a duplicate credit code" hd org add --name 另一个机构 --kind 2 --credit-code 52310115MJ50000173
expect_err "[Cc]redit code" "the message names the credit code"

# Names.
expect_rc 2 "org add with an empty name" hd org add --name "" --kind 2
expect_err "[Nn]ame" "the message names the name"
expect_rc_err 2 'Name is required' "org add with a name of spaces" hd org add --name "   " --kind 2
expect_rc_err 2 'Name is required' "org add without --name" hd org add --kind 2
forty=一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十
expect_rc 2 "org add with a name of 41 characters" hd org add --name "${forty}一" --kind 2
expect_err "[Nn]ame" "the message names the name"
for bad in 'a\tb' 'a\nb' 'a\033[31mb' 'a\177b' 'a\377b' 'a\300\257b' 'a\355\240\200b' 'a\342\200'; do
	expect_rc 2 "org add with the name '$bad'" hd org add --name "$(printf "$bad")" --kind 2
	expect_err "[Nn]ame" "the message names the name"
done
expect_rc_err 2 'Contact: no control characters' "org add with a tab in the contact" hd org add --name 新机构 --kind 2 --contact "$(printf '王\t丽')"
expect_rc 2 "org add with a short name of 5 characters" hd org add --name 新机构 --kind 2 --short 一二三四五
expect_err "[Ss]hort" "the message names the short name"

# Kinds.
for kind in 0 4 foo 机构 ""; do
	expect_rc 2 "org add with kind '$kind'" hd org add --name 新机构 --kind "$kind"
	expect_err "[Kk]ind" "the message names the kind"
done
expect_rc_err 2 'Kind: required' "org add without --kind" hd org add --name 新机构

# Phones.
for phone in 12345 12812345678 1381234567 138123456789 abc 138-1234-567x '+1 2025550100' 0211234 \
	'１３８１２３４５６７８'; do
	expect_rc 2 "org add with the phone '$phone'" hd org add --name 新机构 --kind 2 --phone "$phone"
	expect_err "[Pp]hone" "the message names the phone"
done

# Residence terms: resident organisations only, out after in.
expect_rc 2 "a community organisation with --in" hd org add --name 新机构 --kind community --in 2026-01-01
expect_err "resident" "the message says only resident organisations"
expect_rc_err 2 'Moved in: only resident organisations have a residence term' "another organisation with --in --out" hd org add --name 新机构 --kind other --in 2026-01-01 --out 2027-01-01
expect_rc_err 2 'Moves out: must be after the move-in date' "a resident moving out before moving in" hd org add --name 新机构 --kind resident --in 2027-01-01 --out 2026-01-01
expect_rc_err 2 'Moved in: required with a move-out date' "a resident with --out but no --in" hd org add --name 新机构 --kind resident --out 2027-01-01
for d in 2026-02-30 2026-13-01 soon 20260101; do
	expect_rc_err 2 '^hubdesk: Moved in: ' "a resident moving in on '$d'" hd org add --name 新机构 --kind resident --in "$d"
done

# Usage.
expect_rc 2 "org add with an unknown option" hd org add --name 新机构 --kind 2 --colour red
expect_err "--colour" "the message names the option"
expect_rc 2 "org add with an option missing its value" hd org add --name 新机构 --kind
expect_err "--kind" "the message names the option"
expect_rc_err 2 'org add: unexpected argument extra' "org add with a stray argument" hd org add --name 新机构 --kind 2 extra
expect_rc_err 2 'org: use org add \| list \| set-pin' "org alone" hd org
expect_rc_err 2 'org: use org add \| list \| set-pin' "org with an unknown action" hd org frob
expect_rc_err 2 'org list: unexpected argument extra' "org list with an argument" hd org list extra
expect_eq "$(db_digest)" "$before" "refused org commands wrote nothing (no row, no audit, no search entry)"

# Kinds by number, Chinese name and word.
n=0
for spec in 1:1 2:2 3:3 入驻机构:1 社区社会组织:2 其他:3 resident:1 community:2 other:3; do
	kind=${spec%:*}
	want=${spec#*:}
	n=$((n + 1))
	expect_rc 0 "org add with kind '$kind'" hd org add --name "类型机构$n" --kind "$kind"
	expect_eq "$(sql "SELECT kind FROM org WHERE name = '类型机构$n'")" "$want" "kind '$kind' is kind $want"
done

# Names: 40 Chinese characters; the short name by default the first four.
expect_rc 0 "org add with a name of 40 Chinese characters" hd org add --name "$forty" --kind 2
expect_record "$forty" "org add of 40 characters"
expect_eq "$(sql "SELECT short FROM org WHERE id = $ID")" 一二三四 "the short name is the first 4 characters"
expect_rc 0 "org add with a short name" hd org add --name 乙 --kind 2
expect_eq "$(sql "SELECT short FROM org WHERE name = '乙'")" 乙 "a name under 4 characters is its own short name"
expect_rc 0 "org add with an ASCII name" hd org add --name "ABCDEFG Lab" --kind 3
expect_eq "$(sql "SELECT short FROM org WHERE name = 'ABCDEFG Lab'")" ABCD "an ASCII name's short name is its first 4 characters"
expect_rc 0 "org add with a 4-character short name" hd org add --name 心桥心理咨询服务社 --kind 2 --short 心桥心理
expect_eq "$(sql "SELECT short FROM org WHERE name = '心桥心理咨询服务社'")" 心桥心理 "the short name is kept"

# Phones: normalised, masked in the list.
n=0
for spec in '+86 139-1234-5678=13912345678=139****5678' '8613712345678=13712345678=137****5678' \
	'150 1234 5678=15012345678=150****5678' '021-12345678=021-12345678=021-****5678' \
	'0571-87654321=0571-87654321=0571-****4321' '010-1234567=010-1234567=010-****4567'; do
	phone=${spec%%=*}
	rest=${spec#*=}
	stored=${rest%%=*}
	masked=${rest#*=}
	n=$((n + 1))
	expect_rc 0 "org add with the phone '$phone'" hd org add --name "电话机构$n" --kind 2 --phone "$phone"
	id=$(cut -f1 "$T/out")
	expect_eq "$(sql "SELECT phone FROM org WHERE id = $id")" "$stored" "'$phone' is stored as $stored"
	line=$(list_line "$id")
	expect_eq "$(echo "$line" | awk -F'\t' '{ for (i = 1; i <= NF; i++) if ($i ~ /\*\*\*\*/) print $i }')" "$masked" \
		"org list shows $masked"
	expect_no_out "$stored" "org list never shows $stored"
done

# A resident with a term; without --out.
expect_rc 0 "a resident moving in without a move-out date" hd org add --name 入驻机构甲 --kind 1 --in 2026-03-01
expect_eq "$(sql "SELECT in_date || '|' || coalesce(out_date, '') FROM org WHERE name = '入驻机构甲'")" "2026-03-01|" \
	"the move-in date is stored"

# Every success wrote exactly one audit row; every failure none.
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'org.add'")" "$(sql "SELECT count(*) FROM org")" \
	"one org.add audit row per organisation"
expect_rc 0 "org list" hd org list
expect_lines $(($(sql "SELECT count(*) FROM org") + 1)) "org list: a header and one line per organisation"
bad=$(awk -F'\t' 'NR > 1 && ($1 !~ /^[0-9]+$/ || NF < 7)' "$T/out")
expect_eq "$bad" "" "each org line is tab-separated with the id first"
case $(head -n 1 "$T/out" | cut -f1) in
*[0-9]*) not_ok "org list starts with a header" ;;
*) ok "org list starts with a header" ;;
esac

# The default language gives the same exit codes.
expect_rc_err 3 '名为 乙 的机构' "a duplicate in the default language" "$HUBDESK" org add --name 乙 --kind 2
expect_rc_err 2 '信用代码' "a malformed code in the default language" "$HUBDESK" org add --name 丙 --kind 2 --credit-code 123

done_testing
