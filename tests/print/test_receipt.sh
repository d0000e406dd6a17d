# SPDX-License-Identifier: GPL-3.0-or-later
# test_receipt.sh - the booking receipt through a real (private) CUPS:
# `booking add` prints ESC/POS on the receipt queue; its QR decodes to the
# booking's code, which verify accepts and which checks the booking in.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

TAB=$(printf '\t')

print_world zbarimg python3 sqlite3

hd init --demo >/dev/null 2>&1
hd config set printer.receipt Receipt || not_ok "the receipt printer is set"

expect_rc 0 "booking add with the receipt printer set" hd booking add --room 2 --org 1 \
	--start '2026-11-24 10:00' --end '2026-11-24 12:00' --attendees 8
code=$(cut -f2 "$T/out")
expect_out "^1${TAB}HD1-B-1-[0-9A-Z]{10}${TAB}" "it prints ID<TAB>code<TAB>summary"
expect_job Receipt 1 "the receipt printer received the receipt"
job=$(sink_job Receipt 1)
expect_eq "$(head_hex "$job")" "1b40" "the job starts with ESC @"
expect_eq "$(qr_of_job "$job" 2>/dev/null)" "$code" "the receipt's QR reads back as the booking's code"
text_of "$job" >"$T/receipt.txt"
if grep -q '二楼会议室A' "$T/receipt.txt" && grep -q '浦东新区阳光社工服务社' "$T/receipt.txt" &&
	grep -q '2026-11-24 10:00-12:00' "$T/receipt.txt"; then
	ok "the receipt names the room, the booker and the time"
else
	not_ok "the receipt names the room, the booker and the time" "$(head -c 400 "$T/receipt.txt")"
fi
expect_rc 0 "verify of the printed code" hd verify "$code"
expect_out "^booking${TAB}1${TAB}" "verify names the booking"
HUBDESK_NOW=2026-11-24T09:50:00+08:00 expect_rc 0 "the scanned code checks the booking in" hd booking checkin "$code"
expect_eq "$(sql "SELECT state FROM booking WHERE id = 1")" checked_in "the booking is checked in"
expect_rc 0 "print booking reprints the receipt" hd print booking 1
expect_job Receipt 2 "the receipt printer got the reprint"
text_of "$(sink_job Receipt 2)" >"$T/reprint.txt"
if grep -q '补打' "$T/reprint.txt" && ! grep -q '补打' "$T/receipt.txt"; then
	ok "only the reprint says 补打"
else
	not_ok "only the reprint says 补打"
fi

done_testing
