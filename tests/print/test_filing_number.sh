# SPDX-License-Identifier: GPL-3.0-or-later
# test_filing_number.sh - the filing number (备案编号) on the filing
# receipt, read back from the PDF CUPS received: a fresh centre's first
# filed team is HD-2026-0001, the second HD-2026-0002; a reprint, and a
# team reopened and filed again, keep their number; a new centre.code
# numbers only the teams filed after it (GL-2026-0001), while the older
# receipts still say HD; the short (ESC/POS) version carries it too; a
# team filed in another year starts that year at 0001.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

print_world pdftotext python3 sqlite3

hd init >/dev/null 2>&1 </dev/null || not_ok "init"
hd config set printer.a4 A4 && hd config set printer.receipt Receipt || not_ok "the printers are set"

# apply NAME: a new application; its id.
apply() {
	hd team apply --name "$1" --category 1 --leader 周红 --phone 13811113333 --members 12 \
		--content 太极拳 --place 中心广场 --schedule '每天 07:00' --committee 东方居委会 </dev/null |
		cut -f1
}

# receipt_text N: the text of the N-th job the A4 queue received.
receipt_text() {
	pdftotext "$(sink_job A4 "$1")" - 2>/dev/null
}

hd init >/dev/null 2>&1 </dev/null || not_ok "init"
A=$(apply 晨光太极队)
B=$(apply 夕阳合唱团)
C=$(apply 红枫舞蹈队)
for id in "$A" "$B" "$C"; do
	hd team review "$id" >/dev/null 2>&1 || not_ok "review team $id"
done

expect_rc 0 "team file $A prints its receipt" hd --lang zh team file "$A"
expect_job A4 1 "the A4 printer received the first receipt"
receipt_text 1 >"$T/a.txt"
if grep -q '备案编号' "$T/a.txt" && grep -q 'HD-2026-0001' "$T/a.txt"; then
	ok "the first team filed shows 备案编号 HD-2026-0001"
else
	not_ok "the first team filed shows 备案编号 HD-2026-0001" "$(head -c 600 "$T/a.txt")"
fi

expect_rc 0 "team file $B" hd --lang zh team file "$B"
expect_job A4 2 "the A4 printer received the second receipt"
receipt_text 2 >"$T/b.txt"
if grep -q 'HD-2026-0002' "$T/b.txt" && ! grep -q 'HD-2026-0001' "$T/b.txt"; then
	ok "the second team filed shows HD-2026-0002"
else
	not_ok "the second team filed shows HD-2026-0002" "$(head -c 600 "$T/b.txt")"
fi

expect_rc 0 "print team $A again" hd --lang zh print team "$A"
expect_job A4 3 "the reprint is received"
receipt_text 3 >"$T/a2.txt"
if grep -q '补打' "$T/a2.txt" && grep -q 'HD-2026-0001' "$T/a2.txt"; then
	ok "the reprint (补打) keeps HD-2026-0001"
else
	not_ok "the reprint (补打) keeps HD-2026-0001" "$(head -c 600 "$T/a2.txt")"
fi

expect_rc 0 "print team $A --format escpos" hd --lang zh print team "$A" --format escpos
expect_job Receipt 1 "the receipt printer got the short version"
text_of "$(sink_job Receipt 1)" >"$T/short.txt"
if grep -q '备案编号' "$T/short.txt" && grep -q 'HD-2026-0001' "$T/short.txt"; then
	ok "the short version shows 备案编号 HD-2026-0001 too"
else
	not_ok "the short version shows 备案编号 HD-2026-0001 too" "$(head -c 600 "$T/short.txt")"
fi

# Reopened to 已初审 and filed again the next day: the same number.
hd team reopen "$A" --reason 材料需补充 >/dev/null 2>&1 || not_ok "reopen team $A"
HUBDESK_NOW=2026-11-24T10:00:00+08:00 expect_rc 0 "team $A filed again" hd --lang zh team file "$A"
expect_job A4 4 "its receipt is printed again"
receipt_text 4 >"$T/a3.txt"
if grep -q 'HD-2026-0001' "$T/a3.txt"; then
	ok "filed again, team $A keeps HD-2026-0001"
else
	not_ok "filed again, team $A keeps HD-2026-0001" "$(head -c 600 "$T/a3.txt")"
fi

# A new centre code: only new filings take it.
expect_rc 0 "config set centre.code GL" hd config set centre.code GL
expect_rc 0 "team file $C" hd --lang zh team file "$C"
expect_job A4 5 "its receipt is printed"
receipt_text 5 >"$T/c.txt"
if grep -q 'GL-2026-0001' "$T/c.txt"; then
	ok "the team filed after centre.code GL shows GL-2026-0001"
else
	not_ok "the team filed after centre.code GL shows GL-2026-0001" "$(head -c 600 "$T/c.txt")"
fi
expect_rc 0 "print team $B after the change" hd --lang zh print team "$B"
expect_job A4 6 "its reprint is received"
receipt_text 6 >"$T/b2.txt"
if grep -q 'HD-2026-0002' "$T/b2.txt" && ! grep -q 'GL-' "$T/b2.txt"; then
	ok "a team filed before the change still shows HD-2026-0002"
else
	not_ok "a team filed before the change still shows HD-2026-0002" "$(head -c 600 "$T/b2.txt")"
fi

# The next year starts at 0001.
D=$(HUBDESK_NOW=2027-01-04T09:00:00+08:00 apply 新年志愿队)
HUBDESK_NOW=2027-01-04T09:00:00+08:00 hd team review "$D" >/dev/null 2>&1 || not_ok "review team $D"
HUBDESK_NOW=2027-01-04T09:30:00+08:00 expect_rc 0 "team file $D in 2027" hd --lang zh team file "$D"
expect_job A4 7 "its receipt is printed"
if receipt_text 7 | grep -q 'GL-2027-0001'; then
	ok "the first team filed in 2027 shows GL-2027-0001"
else
	not_ok "the first team filed in 2027 shows GL-2027-0001" "$(receipt_text 7 | head -c 600)"
fi

# In English the label is English, the number the same.
expect_rc 0 "print team $C in English" hd print team "$C"
expect_job A4 8 "the English receipt is received"
if receipt_text 8 | grep -q 'Filing number' && receipt_text 8 | grep -q 'GL-2026-0001'; then
	ok "the English receipt says Filing number GL-2026-0001"
else
	not_ok "the English receipt says Filing number GL-2026-0001" "$(receipt_text 8 | head -c 600)"
fi

done_testing
