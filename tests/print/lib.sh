# SPDX-License-Identifier: GPL-3.0-or-later
# tests/print/lib.sh - a private CUPS for the print tests (sourced after
# tests/lib.sh).
#
# cups_start starts a cupsd of its own from a temporary folder (DESIGN.md,
# "Testing with a real CUPS"), with two raw queues, Receipt and A4, each
# pointed at a small TCP listener that keeps every connection it receives as
# one job file, as a port-9100 printer would. libcups is pointed at it with
# CUPS_SERVER=<folder>/cups.sock. Everything stops when the test file ends.
# Waits poll with a time bound; there are no fixed sleeps.
#
# A print test starts with `print_world TOOL...`; after it, the job helpers
# read what a queue received: expect_job waits for it, head_hex, pbm_of,
# text_of and qr_of_job take an ESC/POS job apart, zbar_text reads the QR of
# any image. A screen test sources tests/screen/lib.sh before this file.

CUPS_DIR=""
CUPS_PORT=""
CUPSD_PID=""

# free_port: a TCP port of 127.0.0.1 nobody listens on.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The listener of one queue: every connection becomes DIR/job-N (written as
# job-N.part, renamed when the peer closes), numbered from 1; DIR/ready
# appears once it listens.
_SINK_PY='
import os, socket, sys
port, d = int(sys.argv[1]), sys.argv[2]
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(8)
open(os.path.join(d, "ready"), "w").close()
n = 0
while True:
    c, _ = s.accept()
    n += 1
    part = os.path.join(d, "job-%d.part" % n)
    with open(part, "wb") as f:
        while True:
            b = c.recv(65536)
            if not b:
                break
            f.write(b)
    c.close()
    os.rename(part, os.path.join(d, "job-%d" % n))
'

# sink_start NAME [PORT]: a listener for queue NAME in $CUPS_DIR/sink-NAME,
# on PORT or a free one; sets SINK_PORT.
sink_start() {
	_d="$CUPS_DIR/sink-$1"
	mkdir -p "$_d"
	SINK_PORT=${2:-$(free_port)}
	python3 -c "$_SINK_PY" "$SINK_PORT" "$_d" >"$_d/log" 2>&1 &
	echo $! >"$_d/pid"
	at_exit "kill $! 2>/dev/null"
	wait_for 10 test -f "$_d/ready"
}

# sink_jobs NAME: how many jobs the listener of NAME has received whole.
sink_jobs() {
	ls "$CUPS_DIR/sink-$1" 2>/dev/null | grep -c '^job-[0-9]*$'
}

# sink_job NAME N: the path of the N-th job of NAME.
sink_job() {
	echo "$CUPS_DIR/sink-$1/job-$2"
}

_sink_has() {
	[ "$(sink_jobs "$1")" -ge "$2" ]
}

# sink_wait NAME COUNT: waits (up to 20 s) until NAME has COUNT jobs.
sink_wait() {
	wait_for 20 _sink_has "$1" "$2"
}

_cups_write_conf() {
	cat >"$CUPS_DIR/cupsd.conf" <<EOF
LogLevel warn
Listen 127.0.0.1:$CUPS_PORT
Listen $CUPS_DIR/cups.sock
Browsing Off
WebInterface No
DefaultAuthType None
MaxLogSize 0
DirtyCleanInterval 0
<Location />
  Order allow,deny
  Allow 127.0.0.1
  Allow localhost
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
	cat >"$CUPS_DIR/cups-files.conf" <<EOF
ServerRoot $CUPS_DIR
StateDir $CUPS_DIR/state
CacheDir $CUPS_DIR/cache
RequestRoot $CUPS_DIR/spool
TempDir $CUPS_DIR/tmp
AccessLog $CUPS_DIR/log/access_log
ErrorLog $CUPS_DIR/log/error_log
PageLog $CUPS_DIR/log/page_log
Printcap $CUPS_DIR/printcap
ServerBin /usr/lib/cups
DataDir /usr/share/cups
EOF
	if [ "$(id -u)" = 0 ]; then
		echo "SystemGroup root" >>"$CUPS_DIR/cups-files.conf"
	else
		_u=$(id -un) _g=$(id -gn)
		printf 'User %s\nGroup %s\nSystemGroup %s\nSandboxing Off\n' "$_u" "$_g" "$_g" \
			>>"$CUPS_DIR/cups-files.conf"
	fi
}

# _cups_running: the scheduler answers on both of its addresses (lpstat -r
# exits 0 either way, so its words are read; the locale is C.UTF-8).
_cups_running() {
	[ -S "$CUPS_DIR/cups.sock" ] &&
		lpstat -h "127.0.0.1:$CUPS_PORT" -r 2>/dev/null | grep -q 'scheduler is running' &&
		lpstat -h "$CUPS_DIR/cups.sock" -r 2>/dev/null | grep -q 'scheduler is running'
}

# cupsd_up: starts (or restarts) the private cupsd and waits until the
# scheduler answers.
cupsd_up() {
	cupsd -f -c "$CUPS_DIR/cupsd.conf" -s "$CUPS_DIR/cups-files.conf" \
		>>"$CUPS_DIR/log/cupsd.out" 2>&1 &
	CUPSD_PID=$!
	wait_for 15 _cups_running
}

# cupsd_down: stops the private cupsd (its queues stay configured).
cupsd_down() {
	[ -n "$CUPSD_PID" ] || return 0
	kill "$CUPSD_PID" 2>/dev/null
	wait_for 10 sh -c "! kill -0 $CUPSD_PID" || kill -9 "$CUPSD_PID" 2>/dev/null
	wait "$CUPSD_PID" 2>/dev/null
	CUPSD_PID=""
}

_cups_stop_all() {
	cupsd_down
	rm -rf "$CUPS_DIR"
}

# add_queue NAME: a raw queue NAME with its own listener.
add_queue() {
	sink_start "$1" || return 1
	lpadmin -h "127.0.0.1:$CUPS_PORT" -p "$1" -v "socket://127.0.0.1:$SINK_PORT/?contimeout=5" \
		-E -m raw 2>>"$CUPS_DIR/log/lpadmin" &&
		lpadmin -h "127.0.0.1:$CUPS_PORT" -p "$1" -o printer-error-policy=abort-job \
			2>>"$CUPS_DIR/log/lpadmin"
}

# cups_start: the private cupsd with queues Receipt and A4; exports
# CUPS_SERVER. Returns non-zero (and says why) when CUPS cannot be started.
cups_start() {
	command -v cupsd >/dev/null 2>&1 && command -v lpadmin >/dev/null 2>&1 || {
		echo "# cupsd or lpadmin is missing (apt-get install cups cups-client cups-bsd)"
		return 1
	}
	CUPS_DIR=$(mktemp -d /tmp/hubdesk-cups.XXXXXX) || return 1
	chmod 755 "$CUPS_DIR" # backends run as lp
	mkdir -p "$CUPS_DIR/state" "$CUPS_DIR/cache" "$CUPS_DIR/spool" "$CUPS_DIR/tmp" \
		"$CUPS_DIR/log" "$CUPS_DIR/ppd"
	at_exit _cups_stop_all
	CUPS_PORT=$(free_port)
	_cups_write_conf
	cupsd_up || {
		echo "# cupsd did not start:"
		sed 's/^/#   /' "$CUPS_DIR/log/error_log" "$CUPS_DIR/log/cupsd.out" 2>/dev/null | head -20
		return 1
	}
	add_queue Receipt && add_queue A4 || {
		echo "# lpadmin failed:"
		sed 's/^/#   /' "$CUPS_DIR/log/lpadmin" | head -10
		return 1
	}
	export CUPS_SERVER="$CUPS_DIR/cups.sock"
	return 0
}

# cups_idle: CUPS has no job left to process (for `wait_for N cups_idle`).
cups_idle() {
	[ -z "$(lpstat -h "$CUPS_SERVER" -o 2>/dev/null)" ]
}

# follow_jobs: waits (up to 20 s) until CUPS has no job left, then lets
# hubdesk follow its jobs (print status asks CUPS how each ended) until no
# document is printing any more (a CUPS just started may not answer the
# first time), so the spool rows say done or waiting.
_followed() {
	"$HUBDESK" print status >/dev/null 2>&1
	[ "$(sql "SELECT count(*) FROM spool WHERE state = 'printing'")" = 0 ]
}
follow_jobs() {
	wait_for 20 cups_idle
	wait_for 20 _followed
}

# print_world TOOL...: the world of a print test. Checks that every TOOL is
# installed, starts the private cupsd (cups_start) and exports HUBDESK_SPOOL
# (the spool folder, $T/spool-out); says so in one ok line. When a tool is
# missing or CUPS does not start it says that in one not ok line and ends
# the test file there (done_testing's exit code), as nothing else can run.
print_world() {
	need_tools "$@"
	if ! cups_start; then
		not_ok "a private cupsd starts (cups, cups-client, cups-bsd installed?)"
		done_testing
		exit
	fi
	ok "a private cupsd with queues Receipt and A4 runs"
	export HUBDESK_SPOOL="$T/spool-out"
}

# expect_job QUEUE N WHAT: waits (sink_wait, up to 20 s) until QUEUE has
# received N jobs; a failure shows how many came and the end of cupsd's log.
expect_job() {
	if sink_wait "$1" "$2"; then
		ok "$3"
	else
		not_ok "$3: $1 received $(sink_jobs "$1") of $2 jobs within 20 s" \
			"$(tail -5 "$CUPS_DIR/log/error_log" 2>/dev/null)"
	fi
}

# head_hex FILE: the first two bytes of FILE in hex, "1b40" (ESC @) for an
# ESC/POS job; empty when FILE is missing.
head_hex() {
	head -c 2 "$1" 2>/dev/null | od -An -tx1 | tr -d ' \n'
}

# pbm_of ESCPOS PBM: the first GS v 0 raster of an ESC/POS stream as a PBM
# image with a white margin (a GS v 0 body is exactly a P4 body); non-zero,
# saying why on stderr, when there is no whole raster.
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

# zbar_text IMAGE: the text of the QR code in an image file (PBM, PNG ...),
# exactly as encoded; empty when zbarimg finds none.
zbar_text() {
	zbarimg --nodbus --raw -q -Sbinary "$1" 2>/dev/null
}

# qr_of_job ESCPOS: the text of the QR in an ESC/POS job (pbm_of, then
# zbar_text); non-zero when the job holds no raster.
qr_of_job() {
	pbm_of "$1" "$T/qr_of_job.pbm" || return 1
	zbar_text "$T/qr_of_job.pbm"
}
