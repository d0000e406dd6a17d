#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_lookalike.sh - names that only look alike are the same name: text is
# kept in Unicode NFC with every kind of space folded to one and trimmed,
# so a second 夕阳红合唱团 in one residents' committee and a look-alike of an
# organisation are refused as duplicates (3); invisible format characters
# (zero-width space and joiners, word joiner, BOM, variation selectors) are
# refused (2) with a message naming the character; bidi controls are
# refused as control characters.
. "$(dirname "$0")/../lib.sh"

hd init --demo >/dev/null 2>&1
u() { printf "$1"; } # UTF-8 bytes from octal escapes

team() {
	hd team apply --name "$1" --category 1 --leader 张三 --phone 13800001111 --members 12 \
		--content 合唱 --place 活动室 --schedule 每周五 --committee 东方居委会
}
expect_rc 0 "夕阳红合唱团 in 东方居委会" team 夕阳红合唱团
for look in "夕阳红合唱团$(u '\343\200\200')" "$(u '\302\240')夕阳红合唱团" "夕阳红合唱团 "; do
	expect_rc 3 "a look-alike with spaces of another kind is the same team" team "$look"
	expect_err "夕阳红合唱团" "the refusal names the team"
done
expect_rc 0 "夕阳红 合唱团 (with a space inside) is another name" team "夕阳红 合唱团"
expect_rc_err 3 'a team named 夕阳红 合唱团 is filed already' "the same with a no-break space and an ideographic one inside" team "夕阳红$(u '\302\240\343\200\200')合唱团"
expect_eq "$(sql "SELECT count(*) FROM team WHERE name LIKE '夕阳红%合唱团' AND committee = '东方居委会'")" 2 "two teams of those names"
if on_pg; then HEX="upper(encode(convert_to(name, 'UTF8'), 'hex'))"; else HEX='hex(name)'; fi
expect_eq "$(sql "SELECT $HEX FROM team WHERE name LIKE '夕阳红 %' AND committee = '东方居委会'")" \
	"$(printf '夕阳红 合唱团' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" "the inside space is kept as one ASCII space"

for zw in '\342\200\213' '\342\200\214' '\342\200\215' '\342\201\240' '\357\273\277' '\357\270\217'; do
	expect_rc 2 "a name with an invisible character is refused" team "夕阳$(u "$zw")红合唱团"
	expect_err "U\\+(200B|200C|200D|2060|FE0F)|control" "the refusal names the invisible character"
done
expect_rc 2 "a name with a right-to-left override is refused" team "夕阳$(u '\342\200\256')红合唱团"
expect_err "control" "as a control character"

expect_rc 0 "an organisation Café 服务社 (é precomposed)" hd org add --name "Caf$(u '\303\251')服务社" --kind 3
expect_rc_err 3 'an organisation named Caf.*服务社 exists already' "Café 服务社 with é as e and a combining accent is the same" \
	hd org add --name "Cafe$(u '\314\201')服务社" --kind 3
expect_eq "$(sql "SELECT count(*) FROM org WHERE name LIKE 'Caf%服务社'")" 1 "one organisation of that name"
expect_rc 2 "a visitor's name with a zero-width joiner is refused" \
	hd visitor checkin --name "张$(u '\342\200\215')三" --purpose 1 --no-print
expect_err "U\\+200D" "naming U+200D"
done_testing
