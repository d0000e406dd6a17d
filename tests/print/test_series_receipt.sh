#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_series_receipt.sh - the receipt of a weekly series that skipped dates,
# through a real (private) CUPS: another series holds 二楼会议室A on 12-07
# and 12-14 at 14:00; `booking add --weekly-until 2027-01-11
# --skip-conflicts` books the other 6 Mondays and prints one receipt whose
# text lists 12月7日 未预约：… and 12月14日 未预约：…, each naming the
# booking in the way, after the series' dates; a reprint (print booking)
# lists them too, in English when asked (7 Dec not booked: …, the reason as
# the desk was told it when booking); a series that
# skipped nothing lists nothing, and the receipt of a booking the command
# line made (confirmed) says nothing of approval.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

print_world python3 sqlite3

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
"$HUBDESK" config set printer.receipt Receipt || not_ok "the receipt printer is set"

ROOM=二楼会议室A
ROOM_ID=$(sql "SELECT id FROM room WHERE name = '$ROOM'")
BLOCKER=$(sql "SELECT id FROM org WHERE name = '绿叶环保公益促进会'")
TEAM=$(sql "SELECT id FROM team WHERE name = '彩虹舞蹈队'")

# expect_text FILE TEXT WHAT: the decoded receipt FILE holds TEXT, its
# lines joined and spaces aside (the printer's width breaks long lines at
# a space).
expect_text() {
	if tr -d '\n ' <"$1" | grep -Fq -- "$(printf '%s' "$2" | tr -d ' ')"; then
		ok "$3"
	else
		not_ok "$3: the receipt lacks '$2'" "$(sed 's/^/| /' "$1" | head -40)"
	fi
}

# expect_no_text FILE TEXT WHAT: the decoded receipt FILE does not hold TEXT.
expect_no_text() {
	if grep -Fq -- "$2" "$1"; then
		not_ok "$3: the receipt holds '$2'" "$(sed 's/^/| /' "$1" | head -40)"
	else
		ok "$3"
	fi
}

expect_rc 0 "another series holds $ROOM on 12-07 and 12-14 at 14:00" "$HUBDESK" booking add \
	--room "$ROOM_ID" --org "$BLOCKER" --start '2026-12-07 14:00' --end '2026-12-07 15:00' \
	--weekly-until 2026-12-14 --no-print
B1=$(sed -n 1p "$T/out" | cut -f1)
B2=$(sed -n 2p "$T/out" | cut -f1)

expect_rc 0 "a team's series skipping the dates taken" "$HUBDESK" booking add --room "$ROOM_ID" \
	--team "$TEAM" --start '2026-11-23 14:00' --end '2026-11-23 15:00' \
	--weekly-until 2027-01-11 --skip-conflicts
expect_lines 6 "six dates booked"
FIRST=$(sed -n 1p "$T/out" | cut -f1)
expect_job Receipt 1 "one receipt printed for the series"
text_of "$(sink_job Receipt 1)" >"$T/receipt.txt"
expect_text "$T/receipt.txt" "共 6 次" "the receipt says the series has 6 dates"
expect_text "$T/receipt.txt" "12月7日 未预约：$ROOM 该时段已有预约：$B1 号" \
	"it lists 12月7日 未预约：… naming booking $B1 in the way"
expect_text "$T/receipt.txt" "12月14日 未预约：$ROOM 该时段已有预约：$B2 号" \
	"and 12月14日 未预约：… naming booking $B2"
expect_eq "$(grep -c '未预约' "$T/receipt.txt")" 2 "no other date is said not booked"
expect_no_text "$T/receipt.txt" "待审批" "booked by the command line (confirmed), it says nothing of approval"

expect_rc 0 "the series' receipt printed again, in English" hd print booking "$FIRST"
expect_job Receipt 2 "the reprint printed"
text_of "$(sink_job Receipt 2)" >"$T/reprint.txt"
expect_text "$T/reprint.txt" "7 Dec not booked: $ROOM 该时段已有预约：$B1 号" \
	"the reprint lists 7 Dec not booked: … too"
expect_text "$T/reprint.txt" "14 Dec not booked: $ROOM 该时段已有预约：$B2 号" \
	"and 14 Dec not booked: …"

expect_rc 0 "a series with nothing in the way" "$HUBDESK" booking add --room "$ROOM_ID" \
	--team "$TEAM" --start '2026-11-24 14:00' --end '2026-11-24 15:00' \
	--weekly-until 2026-12-15 --skip-conflicts
expect_job Receipt 3 "its receipt printed"
text_of "$(sink_job Receipt 3)" >"$T/clean.txt"
expect_text "$T/clean.txt" "共 4 次" "it has 4 dates"
expect_no_text "$T/clean.txt" "未预约" "and lists no date not booked"

done_testing
