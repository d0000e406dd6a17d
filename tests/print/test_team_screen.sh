#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/print/test_team_screen.sh - the team filing receipt from the team's
# page through a real (private) CUPS, and the receipt scanned at home: with
# printer.a4 set to the raw queue A4 (printer.receipt to Receipt), staff
# open the reviewed demo team 墨香书画社 from the registers (6, 墨香, Enter)
# at 80x24 in Chinese and press f: the team is 已备案, the status line says
# the receipt went to A4, the sink gets one PDF (nothing goes to Receipt)
# whose QR, rasterised with pdftoppm and read by zbarimg, is exactly the
# team's code (the one its page shows and the database's key signs), whose
# text names the team, 已备案 and today's date and holds no full phone, and
# the spool row is done; p prints it again, marked 补打. Then the code typed
# at home with Enter, as a scanner types it: for staff it opens the team's
# page (DESIGN.md: a team receipt opens the team, for staff); for the desk
# and a volunteer it is refused and home stays; a code with a wrong MAC is
# refused as forged.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../screen/lib.sh"
. "$(dirname "$0")/lib.sh"

print_world tmux zbarimg pdftoppm pdftotext python3 sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
{ "$HUBDESK" config set printer.a4 A4 && "$HUBDESK" config set printer.receipt Receipt; } ||
	not_ok "the printers are set"

TODAY=2026-11-23
PAGE=$(zh Team)
REGISTERS=机构与团队
TEAM=$(sql "SELECT id FROM team WHERE name = '墨香书画社'")
NAME=墨香书画社
PHONE=$(sql "SELECT phone FROM team WHERE id = ${TEAM:-0}")
CODE=$(token_for T "${TEAM:-0}")

expect_eq "$(sql "SELECT state FROM team WHERE id = ${TEAM:-0}")" 2 "the demo's $NAME is 已初审 (reviewed)"

# pdf_qr PDF: the text of the QR on the PDF's first page.
pdf_qr() {
	rm -f "$T"/qrpage-*.png
	pdftoppm -r 150 -gray -png -f 1 -l 1 "$1" "$T/qrpage" 2>/dev/null || return 1
	zbar_text "$(ls "$T"/qrpage-*.png | head -1)"
}

# has FILE WHAT STRING...: FILE holds every STRING (fixed strings).
has() {
	_file=$1 _what=$2
	shift 2
	for _s in "$@"; do
		if ! grep -Fq -- "$_s" "$_file"; then
			not_ok "$_what: no '$_s'" "$(head -c 600 "$_file")"
			return
		fi
	done
	ok "$_what"
}

# scan TEXT: a scanner at home types TEXT and Enter.
scan() {
	scr_type "$1"
	scr_keys Enter
}

# Staff file the team from its page.
scr_start 80 24
expect_line 1 首页 "home"
scr_signin 工作人员 135790
scr_keys 6
expect_line 1 "$REGISTERS" "6 opens the registers"
scr_type 墨香
expect_line 5 "$NAME" "typing 墨香 finds $NAME"
scr_keys Enter
expect_line 1 "$PAGE" "Enter opens its page"
expect_line 2 "$NAME  [已初审]  $CODE" "the page: $NAME  [已初审]  and its code"
scr_keys f
expect_line 2 "$NAME  [已备案]" "f files it: 已备案"
expect_row_has "$(zh 'Filed on')" "$TODAY" "the page shows today's filing date"
expect_line 23 "$(zh_part 'sent to printer %s (CUPS job %d)' 7)" "the status line says the receipt was sent"
expect_line 23 A4 "to A4"
expect_eq "$(sql "SELECT state || ' ' || filed_date FROM team WHERE id = ${TEAM:-0}")" "3 $TODAY" \
	"the database: 已备案, filed $TODAY"

expect_job A4 1 "the A4 printer received the filing receipt"
cp "$(sink_job A4 1)" "$T/filing.pdf" 2>/dev/null
expect_eq "$(head -c 5 "$T/filing.pdf" 2>/dev/null)" "%PDF-" "the A4 job is a PDF"
QR=$(pdf_qr "$T/filing.pdf")
expect_eq "$QR" "$CODE" "the PDF's QR decodes to exactly the team's code"
if printf '%s' "$QR" | grep -Eq "^HD1-T-$TEAM-[0-9A-Z]{10}\$"; then ok "it reads HD1-T-$TEAM-…: $QR"; else
	not_ok "the QR reads HD1-T-$TEAM-…" "got '$QR'"; fi
expect_line 2 "${QR:-no QR decoded}" "the page shows the code the QR holds"
run "$HUBDESK" verify "${QR:-none}"
expect_out "^team	$TEAM	$NAME\$" "hubdesk verify takes it as team $TEAM"
pdftotext "$T/filing.pdf" "$T/filing.txt" 2>/dev/null
has "$T/filing.txt" "the receipt names the team, 已备案 and today's date" "$NAME" 已备案 2026年11月23日
if grep -Fq "$PHONE" "$T/filing.txt"; then not_ok "the receipt never holds the full phone"; else
	ok "the receipt never holds the full phone"; fi
wait_for 20 cups_idle || not_ok "CUPS finishes its jobs"
expect_eq "$(sink_jobs A4) $(sink_jobs Receipt)" "1 0" "one job on A4, none on Receipt"
follow_jobs
expect_eq "$(sql "SELECT state || ' ' || format || ' ' || queue || ' ' || copy || ' ' || (cups_job > 0) FROM spool WHERE kind = 'team' AND record_id = ${TEAM:-0}")" \
	"done pdf A4 1 1" "the spool row is done: PDF on A4, copy 1, with its CUPS job"

# p: the receipt again, marked as a reprint.
scr_keys p
expect_job A4 2 "p prints the receipt again on A4"
pdftotext "$(sink_job A4 2)" "$T/reprint.txt" 2>/dev/null
has "$T/reprint.txt" "the reprint says 补打" 补打 "$NAME"
expect_eq "$(pdf_qr "$(sink_job A4 2)")" "$CODE" "its QR decodes to the same code"

# The receipt scanned at home by staff opens the team's page.
scr_keys Escape Escape
expect_line 1 首页 "Esc, Esc: home"
scan "${QR:-$CODE}"
expect_line 1 "$PAGE" "staff scanning the receipt at home: the team's page opens"
expect_line 2 "$NAME  [已备案]  $CODE" "it is $NAME's page, 已备案, with its code"
expect_row_has "$(zh Leader)" "$PHONE" "staff see the leader's whole phone there"
scr_keys Escape
expect_line 1 首页 "Esc: home"
scan "$(printf '%s' "${QR:-$CODE}" | tr '[:upper:]' '[:lower:]')"
expect_line 1 "$PAGE" "the code in lower case (as some scanners send it) opens the page too"
scr_keys Escape
expect_line 1 首页 "Esc: home"

# Nobody signed in (the desk) and a volunteer are refused; home stays.
scr_keys F9
expect_line 1 "$(zh 'not signed in')" "F9 signs staff out"
DENIED=$(sql "SELECT count(*) FROM audit WHERE action = 'denied'")
scan "$CODE"
expect_line 23 "$(zh 'team review, file, classify, reopen, deregister')" \
	"the desk scanning the receipt is refused (staff only)"
expect_line 1 首页 "home stays"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'denied'")" "$((DENIED + 1))" "the refusal is audited"
scr_signin 志愿者 112233
scan "$CODE"
expect_line 23 "$(zhf '%s (%s) may not do this: %s.' 志愿者 志愿者 "$(zh 'team review, file, classify, reopen, deregister')")" \
	"a volunteer scanning it is refused, named"
expect_line 1 首页 "home stays"

# A code with a wrong MAC is forged.
FORGED=$(printf '%s' "$CODE" | sed 's/.$/0/')
[ "$FORGED" = "$CODE" ] && FORGED=$(printf '%s' "$CODE" | sed 's/.$/1/')
scan "$FORGED"
expect_line 23 "$(zh_part 'not a genuine code of this centre: the text was altered, or it comes from elsewhere')" \
	"a code with a wrong MAC: the status line says it is not genuine"
expect_line 1 首页 "and home stays"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'code.forged'")" 1 "the forged code is audited"
expect_eq "$(sink_jobs A4) $(sink_jobs Receipt)" "2 0" "the scans printed nothing"

done_testing
