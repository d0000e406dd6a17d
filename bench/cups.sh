#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# cups.sh - runs a command (the bench) with a private cupsd for the measure
# cups_submit_escpos: the one of the print tests (tests/print/lib.sh), with
# its raw queue Receipt pointed at a TCP sink, exported as CUPS_SERVER and
# BENCH_CUPS_QUEUE=Receipt. Everything started here stops when the command
# ends. When BENCH_CUPS_QUEUE is already set, the command runs against that
# queue of the CUPS libcups would use, and no cupsd is started; when no cupsd
# can be started, the command runs without BENCH_CUPS_QUEUE (the measure is
# skipped) and stderr says why.
#
# usage: sh bench/cups.sh COMMAND [ARGS...]
set -u

if [ -n "${BENCH_CUPS_QUEUE:-}" ]; then
	exec "$@"
fi

# What tests/print/lib.sh expects of tests/lib.sh: a temporary folder,
# cleanups run at exit, and the TAP reporters (unused here).
T=$(mktemp -d "${TMPDIR:-/tmp}/hubdesk-bench.XXXXXX") || exit 1
_cleanups=""
at_exit() { _cleanups="$* ; $_cleanups"; }
ok() { :; }
not_ok() { :; }
_finish() {
	eval "$_cleanups" 2>/dev/null
	rm -rf "$T"
}
trap _finish EXIT
trap 'exit 1' HUP INT TERM

. "$(dirname "$0")/../tests/poll.sh"
. "$(dirname "$0")/../tests/print/lib.sh"

# Its messages go to stderr: stdout is the bench's lines only.
if cups_start >&2; then
	export BENCH_CUPS_QUEUE=Receipt
else
	echo "bench: no private cupsd; cups_submit_escpos is skipped" >&2
fi
"$@"
