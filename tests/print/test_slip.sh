# test_slip.sh - the visitor slip through a real (private) CUPS: `visitor
# checkin` prints ESC/POS on the receipt queue; its QR raster decodes to
# exactly the printed code; its GB18030 text holds the name and the masked
# phone but never the full phone; with CUPS away the check-in still succeeds
# and the slip waits, and once CUPS is back `print retry` delivers it once.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

FULL=13800135678
TAB=$(printf '\t')

for tool in zbarimg python3 sqlite3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		not_ok "$tool is installed (make deps)"
		done_testing
		exit
	fi
done
if ! cups_start; then
	not_ok "a private cupsd starts (cups, cups-client, cups-bsd installed?)"
	done_testing
	exit
fi
ok "a private cupsd with queues Receipt and A4 runs"
export HUBDESK_SPOOL="$T/spool-out"

# pbm_of ESCPOS PBM: the first GS v 0 raster of an ESC/POS stream as a PBM
# image with a white margin (a GS v 0 body is exactly a P4 body).
pbm_of() {
	python3 - "$1" "$2" <<'EOF'
import sys
b = open(sys.argv[1], "rb").read()
i = b.find(b"\x1dv0")
if i < 0:
    sys.exit("no GS v 0 raster")
w = b[i + 4] + 256 * b[i + 5]
h = b[i + 6] + 256 * b[i + 7]
body = b[i + 8:i + 8 + w * h]
if len(body) != w * h:
    sys.exit("raster cut short")
m = 4  # bytes (32 dots) of white on every side
blank = bytes(w + 2 * m)
out = bytearray(blank * 32)
for r in range(h):
    out += bytes(m) + body[r * w:(r + 1) * w] + bytes(m)
out += blank * 32
with open(sys.argv[2], "wb") as f:
    f.write(b"P4\n%d %d\n" % ((w + 2 * m) * 8, h + 64) + bytes(out))
EOF
}

# text_of ESCPOS: the job's text decoded from GB18030, the raster left out.
text_of() {
	python3 - "$1" <<'EOF'
import sys
b = open(sys.argv[1], "rb").read()
i = b.find(b"\x1dv0")
if i >= 0:
    w = b[i + 4] + 256 * b[i + 5]
    h = b[i + 6] + 256 * b[i + 7]
    b = b[:i] + b[i + 8 + w * h:]
sys.stdout.write(b.decode("gb18030", errors="replace"))
EOF
}

cups_idle() {
	[ -z "$(lpstat -h "$CUPS_SERVER" -o 2>/dev/null)" ]
}

hd init >/dev/null 2>&1
hd config set printer.receipt Receipt || not_ok "the receipt printer is set"

# --- A check-in prints its slip.
expect_rc 0 "visitor checkin with the receipt printer set" hd visitor checkin --name 张三 \
	--phone '+86 138-0013-5678' --purpose 1 --party 2
code=$(cut -f2 "$T/out")
if grep -Eq "^1${TAB}HD1-V-1-[0-9A-Z]{10}${TAB}" "$T/out"; then ok "it prints ID<TAB>code<TAB>summary"; else
	not_ok "it prints ID<TAB>code<TAB>summary" "stdout: $(cat "$T/out")"; fi
expect_no_err "wait|not printed" "nothing waits"
if sink_wait Receipt 1; then
	ok "the receipt printer received the slip"
else
	not_ok "the receipt printer received nothing within 20 s" "$(tail -5 "$CUPS_DIR/log/error_log")"
fi
job=$(sink_job Receipt 1)
expect_eq "$(head -c 2 "$job" | od -An -tx1 | tr -d ' \n')" "1b40" "the job starts with ESC @"
expect_eq "$(sql "SELECT state || ' ' || (cups_job > 0) || ' ' || format || ' ' || copy FROM spool WHERE kind = 'visitor' AND record_id = 1")" \
	"done 1 escpos 1" "the spool row is done, ESC/POS, first copy"
if pbm_of "$job" "$T/qr.pbm" 2>"$T/pbm.err"; then
	ok "the job holds a GS v 0 raster"
else
	not_ok "the job holds a GS v 0 raster" "$(cat "$T/pbm.err")"
fi
expect_eq "$(zbarimg --nodbus --raw -q -Sbinary "$T/qr.pbm" 2>/dev/null)" "$code" \
	"the printed QR reads back as exactly the code"
text_of "$job" >"$T/slip.txt"
if grep -q '张三' "$T/slip.txt"; then ok "the GB18030 text holds the name"; else
	not_ok "the GB18030 text holds the name" "$(head -c 400 "$T/slip.txt")"; fi
if grep -qF '138****5678' "$T/slip.txt"; then ok "the GB18030 text holds the masked phone"; else
	not_ok "the GB18030 text holds the masked phone" "$(head -c 400 "$T/slip.txt")"; fi
if grep -q '政策咨询' "$T/slip.txt"; then ok "the GB18030 text holds the purpose"; else
	not_ok "the GB18030 text holds the purpose"; fi
if grep -qF "$code" "$T/slip.txt"; then ok "the code is printed under the QR"; else
	not_ok "the code is printed under the QR"; fi
if grep -qF "$FULL" "$T/slip.txt" || grep -aqF "$FULL" "$job"; then
	not_ok "the slip never holds the full phone" "$(grep -aF "$FULL" "$T/slip.txt" | head -2)"
else
	ok "the slip never holds the full phone"
fi

# --- CUPS away: the check-in still succeeds and the slip waits.
cupsd_down
expect_rc 0 "visitor checkin with CUPS stopped exits 0" hd visitor checkin --name 李四 \
	--phone 13700002222 --purpose 12
code2=$(cut -f2 "$T/out")
id2=$(cut -f1 "$T/out")
expect_eq "$id2" 2 "the visit is saved"
expect_err "wait" "stderr says the slip waits"
expect_eq "$(sql "SELECT state FROM spool WHERE kind = 'visitor' AND record_id = $id2")" waiting \
	"the spool row waits"
if [ -f "$HUBDESK_SPOOL/visitor-$id2-1.bin" ]; then ok "the slip is in HUBDESK_SPOOL as visitor-$id2-1.bin"; else
	not_ok "the slip is in HUBDESK_SPOOL as visitor-$id2-1.bin" "$(ls -la "$HUBDESK_SPOOL" 2>&1)"; fi
expect_eq "$(sql "SELECT count(*) FROM visit WHERE id = $id2 AND time_out IS NULL")" 1 "the visitor is in"

# --- CUPS back: print retry delivers it exactly once.
cupsd_up || not_ok "cupsd starts again"
expect_rc 0 "print retry" hd print retry
expect_err "^hubdesk: 1 delivered, 0 still waiting" "one slip delivered, none waiting"
if sink_wait Receipt 2; then ok "the receipt printer got the waiting slip"; else
	not_ok "the receipt printer got the waiting slip"; fi
expect_eq "$(sql "SELECT state FROM spool WHERE kind = 'visitor' AND record_id = $id2")" done "the row is done"
expect_eq "$(ls "$HUBDESK_SPOOL" 2>/dev/null | grep -c "^visitor-$id2-")" 0 "its spool file is gone once delivered"
pbm_of "$(sink_job Receipt 2)" "$T/qr2.pbm" 2>/dev/null
expect_eq "$(zbarimg --nodbus --raw -q -Sbinary "$T/qr2.pbm" 2>/dev/null)" "$code2" \
	"the delivered slip's QR reads back as its code"
text_of "$(sink_job Receipt 2)" >"$T/slip2.txt"
if grep -q '李四' "$T/slip2.txt" && grep -qF '137****2222' "$T/slip2.txt" &&
	! grep -qF 13700002222 "$T/slip2.txt"; then
	ok "the delivered slip holds the name and the masked phone only"
else
	not_ok "the delivered slip holds the name and the masked phone only" "$(head -c 400 "$T/slip2.txt")"
fi
expect_rc 0 "a second print retry" hd print retry
expect_err "0 delivered, 0 still waiting" "it delivers nothing more"
wait_for 20 cups_idle || not_ok "CUPS finishes its jobs"
expect_eq "$(sink_jobs Receipt)" 2 "the printer got exactly two slips"

done_testing
