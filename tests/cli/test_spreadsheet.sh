# SPDX-License-Identifier: GPL-3.0-or-later
# test_spreadsheet.sh - the registers through a real spreadsheet: rooms,
# organisations and teams exported, opened in LibreOffice Calc (headless) as
# the README tells staff to (UTF-8, comma separated, the code and phone
# columns as text), saved as .xlsx, saved back as CSV, imported into a fresh
# database, and exported again unchanged. LibreOffice saves times as
# 08:30:00; that must read back. Opened without marking the code column as
# text, a credit code of digits comes back in scientific notation and the
# import refuses the file saying so.
. "$(dirname "$0")/../lib.sh"

if ! command -v soffice >/dev/null 2>&1; then
	skip "the registers round-trip through LibreOffice" "libreoffice-calc-nogui is not installed (make deps)"
	done_testing
	exit
fi

# lo ARGS...: LibreOffice headless with a profile of its own in the test's
# folder, so that runs side by side do not share one; bounded in time.
lo() {
	timeout -k 10 300 soffice "-env:UserInstallation=file://$T/lo-profile" --headless "$@" \
		>>"$T/lo.log" 2>&1
}

# The CSV filter's options (LibreOffice's "Filter Options" for
# "Text - txt - csv (StarCalc)"): field separator 44 (comma), text delimiter
# 34 (double quote), character set 76 (UTF-8), from line 1, then the
# columns' formats as column/format pairs (2 = text) and the language 2052
# (Chinese, PRC), as a Chinese desktop's Text Import dialog gives. Saving:
# the same, with cells saved as shown (the 9th option).
CSV_FILTER='Text - txt - csv (StarCalc)'
SAVE_CSV="csv:$CSV_FILTER:44,34,76,1,,2052,false,true,true"

# to_xlsx COLUMN-FORMATS CSV...: opens CSV files in Calc and saves them as
# .xlsx in $T/xlsx.
to_xlsx() {
	_formats=$1
	shift
	lo --infilter="$CSV_FILTER:44,34,76,1,$_formats,2052" --convert-to xlsx --outdir "$T/xlsx" "$@"
}

# ---- a centre's registers, exported -------------------------------------------------

hd init --demo >/dev/null 2>&1 || not_ok "init --demo"
{
	hd room add --name 舞蹈排练室 --kind 2 --capacity 25 --open 08:30 --close 20:00 --buffer 10 &&
		hd room add --name 早班洽谈室 --kind 6 --capacity 6 --open 07:00 --close 21:30 &&
		hd org add --name 数字代码公益服务社 --kind resident --credit-code 533101151234567891 \
			--contact 王丽 --phone 13812345678 --in 2025-11-01 --out 2027-03-31 &&
		hd org add --name 座机公益服务社 --kind community --phone 021-64001234
} >/dev/null 2>"$T/setup.err" || not_ok "the registers' records" "$(cat "$T/setup.err")"

mkdir -p "$T/csv"
for kind in rooms orgs teams; do
	run hd export $kind
	cp "$T/out" "$T/csv/$kind.csv"
	expect_eq "$RC" 0 "export $kind"
done
expect_eq "$(head -c 3 "$T/csv/orgs.csv" | od -An -tx1 | tr -d ' ')" efbbbf \
	"the export starts with the UTF-8 byte order mark that Excel and WPS read"

# ---- through LibreOffice, as the README says -----------------------------------------

# The code (4th) and phone (6th) columns of organisations and the phone
# (5th) of teams marked as text; rooms as Calc reads them, and a copy of
# the organisations too (orgs-plain, for the last part).
cp "$T/csv/orgs.csv" "$T/csv/orgs-plain.csv"
to_xlsx 4/2/6/2 "$T/csv/orgs.csv"
to_xlsx 5/2 "$T/csv/teams.csv"
to_xlsx "" "$T/csv/rooms.csv" "$T/csv/orgs-plain.csv"
lo --convert-to "$SAVE_CSV" --outdir "$T/back" "$T/xlsx/rooms.xlsx" "$T/xlsx/orgs.xlsx" \
	"$T/xlsx/teams.xlsx" "$T/xlsx/orgs-plain.xlsx"
for kind in rooms orgs teams; do
	if [ -s "$T/xlsx/$kind.xlsx" ] && [ -s "$T/back/$kind.csv" ]; then
		ok "LibreOffice saved $kind as .xlsx and back as CSV"
	else
		not_ok "LibreOffice saved $kind as .xlsx and back as CSV" "$(tail -n 5 "$T/lo.log")"
	fi
done
if grep -q '^舞蹈排练室,.*,08:30:00,20:00:00,' "$T/back/rooms.csv"; then
	ok "LibreOffice saved the room's hours as 08:30:00 and 20:00:00"
else
	not_ok "LibreOffice saved the room's hours as 08:30:00 and 20:00:00" "$(grep 舞蹈 "$T/back/rooms.csv")"
fi
if grep -q ',533101151234567891,' "$T/back/orgs.csv"; then
	ok "the code column marked as text keeps the code of 18 digits"
else
	not_ok "the code column marked as text keeps the code of 18 digits" "$(grep 数字 "$T/back/orgs.csv")"
fi

FRESH=$(new_db fresh)
hd --db "$FRESH" init >/dev/null 2>&1
for kind in rooms orgs teams; do
	expect_rc 0 "import the $kind LibreOffice saved into a fresh database" \
		hd --db "$FRESH" import $kind "$T/back/$kind.csv"
	expect_eq "$(grep -c . "$T/out")" "$(($(wc -l <"$T/csv/$kind.csv") - 1))" "one line per $kind record"
done
for kind in rooms orgs teams; do
	run hd --db "$FRESH" export $kind
	if cmp -s "$T/out" "$T/csv/$kind.csv"; then
		ok "the fresh database's $kind export equals the first one, byte for byte"
	else
		cp "$T/out" "$T/fresh-$kind.csv"
		not_ok "the fresh database's $kind export equals the first one, byte for byte" \
			"$(diff "$T/csv/$kind.csv" "$T/fresh-$kind.csv" | head -n 8)"
	fi
done
expect_eq "$(HUBDESK_DB=$FRESH sql "SELECT open_min || '-' || close_min FROM room WHERE name = '舞蹈排练室'")" \
	"510-1200" "the room's hours are stored as 08:30 to 20:00"

# ---- the code column left to Calc --------------------------------------------------------

if grep -Eq ',5\.33101151234568E\+0*17,' "$T/back/orgs-plain.csv"; then
	ok "unmarked, LibreOffice saves the code of digits as 5.33101151234568E+17"
else
	not_ok "unmarked, LibreOffice saves the code of digits as 5.33101151234568E+17" \
		"$(grep 数字 "$T/back/orgs-plain.csv")"
fi
PLAIN=$(new_db plain)
hd --db "$PLAIN" init >/dev/null 2>&1
before=$(db_digest "$PLAIN")
expect_rc 2 "importing that file is refused" hd --db "$PLAIN" import orgs "$T/back/orgs-plain.csv"
expect_err "column 统一社会信用代码: Credit code: a spreadsheet turned it into a number in scientific notation; set this column to text and export again" \
	"the message names the column and the cause"
expect_eq "$(db_digest "$PLAIN")" "$before" "nothing of the file is imported"
expect_rc 2 "the same in Chinese" "$HUBDESK" --db "$PLAIN" import orgs "$T/back/orgs-plain.csv"
expect_err "统一社会信用代码.*被表格软件改成了科学计数法，请把这一列设为文本后重新导出" \
	"the Chinese message names the column and the cause"

done_testing
