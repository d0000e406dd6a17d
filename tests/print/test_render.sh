# SPDX-License-Identifier: GPL-3.0-or-later
# test_render.sh - what the renderers print can be read back: the QR of the
# ESC/POS raster (80 and 58 mm) and of the PDF decodes to the sample's text
# with zbarimg, and the PDF's text holds the Chinese title and the reprint
# mark. The sample comes from the unit test (HUBDESK_SAMPLE_DIR).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

QR=HD1-V-42-0123456789
TITLE=访客登记凭条
BIN="$TOP/build/tests/test_printing"

if [ ! -x "$BIN" ]; then
	not_ok "build/tests/test_printing exists (run make build/tests/test_printing)"
	done_testing
	exit
fi
if HUBDESK_SAMPLE_DIR="$T" "$BIN" >"$T/unit.log" 2>&1 && [ -s "$T/sample.pdf" ]; then
	ok "the unit test writes the sample files"
else
	not_ok "the unit test writes the sample files" "$(tail -5 "$T/unit.log")"
fi

# decode WHAT IMAGE: the QR in IMAGE gives exactly $QR.
decode() {
	expect_eq "$(zbar_text "$2")" "$QR" "$1"
}

if ! command -v zbarimg >/dev/null 2>&1; then
	skip "QR of the ESC/POS raster decodes" "zbarimg missing (zbar-tools)"
	skip "QR of the PDF decodes" "zbarimg missing (zbar-tools)"
else
	decode "the 80 mm ESC/POS raster's QR decodes to the token" "$T/sample.pbm"
	decode "the 58 mm ESC/POS raster's QR decodes to the token" "$T/sample58.pbm"
	if command -v pdftoppm >/dev/null 2>&1 &&
		pdftoppm -r 150 -gray -png "$T/sample.pdf" "$T/page" 2>"$T/ppm.err"; then
		decode "the PDF's QR decodes to the token at 150 dpi" "$(ls "$T"/page*.png | head -1)"
	else
		skip "the PDF's QR decodes" "pdftoppm missing or failed (poppler-utils)"
	fi
fi

if command -v pdftotext >/dev/null 2>&1; then
	pdftotext "$T/sample.pdf" - >"$T/pdf.txt" 2>"$T/pdftotext.err"
	if grep -q "$TITLE" "$T/pdf.txt"; then
		ok "the PDF's text holds the Chinese title"
	else
		not_ok "the PDF's text holds the Chinese title" "$(head -5 "$T/pdf.txt")"
	fi
	if grep -q "补打 / REPRINT" "$T/pdf.txt" && grep -q "$QR" "$T/pdf.txt"; then
		ok "the PDF's text holds the reprint mark and the QR text"
	else
		not_ok "the PDF's text holds the reprint mark and the QR text" "$(head -20 "$T/pdf.txt")"
	fi
	if [ "$(pdfinfo "$T/sample.pdf" 2>/dev/null | sed -n 's/^Page size: *//p')" = "595.276 x 841.89 pts (A4)" ]; then
		ok "the PDF is A4"
	else
		not_ok "the PDF is A4" "$(pdfinfo "$T/sample.pdf" 2>&1 | head -20)"
	fi
else
	skip "the PDF's text holds the Chinese title" "pdftotext missing (poppler-utils)"
fi

if grep -q "$TITLE" "$T/sample.txt" && grep -q "\[$QR\]" "$T/sample.txt"; then
	ok "the preview shows the title and the QR text in brackets"
else
	not_ok "the preview shows the title and the QR text in brackets" "$(cat "$T/sample.txt")"
fi

done_testing
