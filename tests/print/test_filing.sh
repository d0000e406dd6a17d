# SPDX-License-Identifier: GPL-3.0-or-later
# test_filing.sh - the team filing receipt (备案回执) through a real
# (private) CUPS: `print team ID` sends an A4 PDF to printer.a4 whose QR
# decodes to the team's code (which verify names) and whose text holds the
# team's name, state, filing date (2026年8月25日 in Chinese, 2026-08-25 in
# English), the centre, lines for signatures with the place of the seal
# (盖章) beside them, the leader's phone masked, never whole; `team file`
# prints it too; a second print says 补打; `--format escpos` gives the
# short version on the receipt printer, its QR readable too; unknown teams,
# teams not filed and bad formats are refused; with CUPS away the receipt
# waits in the spool and is delivered by `print retry`.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

TAB=$(printf '\t')

print_world zbarimg pdftoppm pdftotext pdfinfo python3 sqlite3

hd init --demo >/dev/null 2>&1 || not_ok "init --demo"
hd config set printer.receipt Receipt && hd config set printer.a4 A4 ||
	not_ok "the printers are set"

team=$(sql "SELECT id FROM team WHERE state = 3 ORDER BY id LIMIT 1")
name=$(sql "SELECT name FROM team WHERE id = $team")
phone=$(sql "SELECT phone FROM team WHERE id = $team")
filed=$(sql "SELECT filed_date FROM team WHERE id = $team")
# The filing date as a Chinese paper writes it: 2026年8月25日.
filed_zh=$(sql "SELECT CAST(substr(filed_date, 1, 4) AS INTEGER) || '年' ||
	CAST(substr(filed_date, 6, 2) AS INTEGER) || '月' || CAST(substr(filed_date, 9, 2) AS INTEGER) || '日'
	FROM team WHERE id = $team")
centre=$(hd config get centre.name)
masked="$(printf '%s' "$phone" | cut -c1-3)****$(printf '%s' "$phone" | cut -c8-)"
code=$(token_for T "$team")

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

# The A4 receipt of a filed team.
run "$HUBDESK" --lang zh print team "$team"
expect_eq "$RC" 0 "print team $team exits 0"
expect_out "^$team${TAB}HD1-T-$team-[0-9A-Z]{10}${TAB}" "it prints ID<TAB>code<TAB>summary"
expect_eq "$(cut -f2 "$T/out")" "$code" "the code is the team's token (HD1-T-<id>-<MAC>)"
expect_job A4 1 "the A4 printer received the receipt"
cp "$(sink_job A4 1)" "$T/filing.pdf"
expect_eq "$(head -c 5 "$T/filing.pdf")" "%PDF-" "the A4 job is a PDF"
expect_eq "$(sink_jobs Receipt)" 0 "the receipt printer got nothing"
decoded=$(pdf_qr "$T/filing.pdf")
expect_eq "$decoded" "$code" "the PDF's QR reads back as exactly the team's code"
expect_rc 0 "verify of the decoded text" hd verify "${decoded:-none}"
expect_out "^team${TAB}$team${TAB}$name\$" "verify says team, its id and name"
pdftotext "$T/filing.pdf" "$T/filing.txt" 2>/dev/null
has "$T/filing.txt" "the PDF holds its title, the team's name, state, filing date and the centre" \
	备案回执 "$name" 已备案 "$filed_zh" "$centre"
if grep -Fq "$filed" "$T/filing.txt"; then
	not_ok "the Chinese receipt writes no date as YYYY-MM-DD ($filed)"
else
	ok "the Chinese receipt writes no date as YYYY-MM-DD ($filed)"
fi
has "$T/filing.txt" "the date beside each signature is ____年__月__日 to fill in" 年____月____日
has "$T/filing.txt" "the PDF shows the leader's phone masked ($masked)" "$masked"
if grep -Fq "$phone" "$T/filing.txt"; then
	not_ok "the PDF never holds the full phone"
else
	ok "the PDF never holds the full phone"
fi
has "$T/filing.txt" "the PDF has a line for signatures" 签字 ______
has "$T/filing.txt" "the PDF has the place of the centre's seal, labelled （盖章）" （盖章）
# Beside the signatures: the label lies to the right of the lines to sign
# on, between the first and the last of them (the words' boxes on the page).
pdftotext -bbox "$T/filing.pdf" "$T/filing.html" 2>/dev/null
beside=$(python3 - "$T/filing.html" <<'EOF'
import re, sys
words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
                   open(sys.argv[1], encoding='utf-8').read())
box = lambda w: tuple(float(v) for v in w[:4])
signs = [box(w) for w in words if '签字' in w[4] or '____年' in w[4]]
seals = [box(w) for w in words if '盖章' in w[4]]
if len(signs) != 4 or len(seals) != 1:
    print('%d lines to sign on, %d seal labels' % (len(signs), len(seals)))
else:
    x, top, _, bottom = seals[0]
    right = max(s[2] for s in signs)
    if x > right and min(s[1] for s in signs) < top and bottom < max(s[3] for s in signs):
        print('beside')
    else:
        print('the label at x %.0f, y %.0f-%.0f; the lines end at x %.0f' % (x, top, bottom, right))
EOF
)
expect_eq "$beside" beside "the seal's place is beside the lines to sign on, at their right"
expect_eq "$(pdfinfo "$T/filing.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')" 1 \
	"the receipt with its seal's place is one page"
if grep -q '补打' "$T/filing.txt"; then not_ok "the first print is no reprint"; else
	ok "the first print is no reprint"; fi
follow_jobs
expect_eq "$(sql "SELECT state || ' ' || format || ' ' || queue || ' ' || copy || ' ' || (cups_job > 0) FROM spool WHERE kind = 'team' AND record_id = $team")" \
	"done pdf A4 1 1" "the spool row is done: PDF on A4, copy 1, with its CUPS job"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'print' AND record = 'spool'
	AND record_id = (SELECT id FROM spool WHERE kind = 'team' AND record_id = $team)")" 1 \
	"the print is audited"

# A second print is a reprint.
expect_rc 0 "print team again" hd print team "$team"
expect_out "copy 2" "it says copy 2"
expect_job A4 2 "the A4 printer received the reprint"
pdftotext "$(sink_job A4 2)" "$T/reprint.txt" 2>/dev/null
has "$T/reprint.txt" "the reprint says 补打 / REPRINT" 补打 REPRINT

# The short version for the receipt printer.
expect_rc 0 "print team --format escpos" hd --lang zh print team "$team" --format escpos
expect_job Receipt 1 "the receipt printer received the short version"
job=$(sink_job Receipt 1)
expect_eq "$(head_hex "$job")" "1b40" "it is ESC/POS (starts with ESC @)"
decoded=$(qr_of_job "$job" 2>/dev/null)
expect_eq "$decoded" "$code" "its QR reads back as the team's code"
expect_rc 0 "verify of its decoded text" hd verify "${decoded:-none}"
expect_out "^team${TAB}$team${TAB}" "verify names the team"
text_of "$job" >"$T/short.txt"
has "$T/short.txt" "the short version holds the name, state, date, centre, masked phone and 补打" \
	"$name" 已备案 "$filed_zh" "$centre" "$masked" 补打 签字 年____月____日
if grep -aFq "$phone" "$job"; then not_ok "the ESC/POS job never holds the full phone"; else
	ok "the ESC/POS job never holds the full phone"; fi
expect_eq "$(sql "SELECT format || ' ' || queue || ' ' || copy FROM spool WHERE kind = 'team' AND record_id = $team ORDER BY id DESC LIMIT 1")" \
	"escpos Receipt 3" "the spool row is ESC/POS on Receipt, copy 3"
expect_rc 0 "--to A4 --format escpos" hd print team "$team" --to A4 --format escpos
expect_job A4 3 "the A4 queue received it"
expect_eq "$(head_hex "$(sink_job A4 3)")" "1b40" "the A4 queue got ESC/POS as asked"

# A classified team says 已分类.
classified=$(sql "SELECT id FROM team WHERE state = 4 ORDER BY id LIMIT 1")
expect_rc 0 "print team of a classified team" hd --lang zh print team "$classified"
expect_job A4 4 "the A4 printer received it"
pdftotext "$(sink_job A4 4)" "$T/classified.txt" 2>/dev/null
has "$T/classified.txt" "its receipt says 已分类 and names the team" 已分类 \
	"$(sql "SELECT name FROM team WHERE id = $classified")"

# Filing a team prints its receipt on the A4 printer, dated today.
reviewed=$(sql "SELECT id FROM team WHERE state = 2 ORDER BY id LIMIT 1")
expect_rc 0 "team file of a reviewed team" hd --lang zh team file "$reviewed"
expect_job A4 5 "the A4 printer received its filing receipt"
cp "$(sink_job A4 5)" "$T/filed.pdf"
expect_eq "$(pdf_qr "$T/filed.pdf")" "$(token_for T "$reviewed")" "its QR reads back as the new team's code"
pdftotext "$T/filed.pdf" "$T/filed.txt" 2>/dev/null
has "$T/filed.txt" "it says 已备案 with today's filing date" 已备案 2026年11月23日 \
	"$(sql "SELECT name FROM team WHERE id = $reviewed")"

# In English the dates keep their form.
expect_rc 0 "print team $team in English" hd print team "$team"
expect_job A4 6 "the A4 printer received the English receipt"
pdftotext "$(sink_job A4 6)" "$T/english.txt" 2>/dev/null
has "$T/english.txt" "the English receipt gives the filing date as $filed, the blanks as Date: ____" \
	"$filed" "Date: ______________"
if grep -q '年' "$T/english.txt"; then not_ok "the English receipt has no 年月日"; else
	ok "the English receipt has no 年月日"; fi

# Refusals.
expect_rc 4 "print team of an unknown id" hd print team 99999
expect_err "no team" "it says there is no such team"
expect_rc_err 2 '--format: escpos or pdf, not postscript' "a bad --format" hd print team "$team" --format postscript
expect_rc_err 2 "print team: give the record's ID" "print team without an ID" hd print team
expect_rc_err 2 "print team: give the record's ID" "print team with an ID that is no number" hd print team abc
applied=$(sql "SELECT id FROM team WHERE state = 1 ORDER BY id LIMIT 1")
expect_rc 3 "print team of a team not yet filed" hd print team "$applied"
expect_err "filed" "it says only a filed team has a filing receipt"
expect_eq "$(sql "SELECT count(*) FROM spool WHERE kind = 'team' AND record_id IN (99999, $applied)")" 0 \
	"refused prints leave nothing in the spool"

# With no A4 printer, the receipt printer gets the short version.
hd config set printer.a4 '' || not_ok "printer.a4 is cleared"
expect_rc 0 "print team with no A4 printer" hd print team "$team"
expect_job Receipt 2 "the receipt printer received it"
expect_eq "$(head_hex "$(sink_job Receipt 2)")" "1b40" "as ESC/POS"
hd config set printer.a4 A4 || not_ok "printer.a4 is set again"

# CUPS away: the receipt waits, as a row and a file, and the desk is told.
wait_for 20 cups_idle || not_ok "CUPS finishes its jobs"
follow_jobs # the jobs sent so far are printed first
cupsd_down
expect_rc 0 "print team with CUPS stopped exits 0" hd print team "$team"
expect_err "waits" "a line on stderr says it waits"
copy=$(sql "SELECT copy FROM spool WHERE kind = 'team' AND record_id = $team ORDER BY id DESC LIMIT 1")
waiting=$(sql "SELECT id FROM spool WHERE kind = 'team' AND record_id = $team ORDER BY id DESC LIMIT 1")
expect_eq "$(sql "SELECT state || ' ' || format || ' ' || queue FROM spool WHERE id = $waiting")" \
	"waiting pdf A4" "the spool row waits, a PDF for A4"
if [ -f "$HUBDESK_SPOOL/team-$team-$copy.pdf" ]; then
	ok "the receipt is in HUBDESK_SPOOL as team-$team-$copy.pdf"
else
	not_ok "the receipt is in HUBDESK_SPOOL as team-$team-$copy.pdf" "$(ls -la "$HUBDESK_SPOOL" 2>&1)"
fi
expect_rc 0 "print status with CUPS stopped" hd print status
expect_out "^$waiting${TAB}team-$team-$copy${TAB}A4${TAB}waiting${TAB}" "print status lists the waiting receipt"

# CUPS back: print retry delivers it once.
cupsd_up || not_ok "cupsd starts again"
before=$(sink_jobs A4)
expect_rc 0 "print retry" hd print retry
expect_err "1 delivered, 0 still waiting" "it delivers the receipt"
expect_job A4 $((before + 1)) "the A4 printer got the waiting receipt"
follow_jobs
expect_eq "$(sql "SELECT state FROM spool WHERE id = $waiting")" done "its row is done"
expect_eq "$(ls "$HUBDESK_SPOOL" | grep -c "^team-$team-")" 0 "its spool file is gone"
expect_eq "$(pdf_qr "$(sink_job A4 $((before + 1)))")" "$code" "the delivered PDF's QR still reads back"

done_testing
