#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_start_maps.sh - a start pays only for what it uses (printing/stack.h,
# core/db_pg_lib.h): config get, booking list and the home screen map none
# of the printing stack (cairo, pango, cups, qrencode, and glib and GnuTLS
# that come with them), nor librime; on a SQLite file they map no libpq
# either, and on PostgreSQL they do. A check-in that prints loads the
# printing module and writes its slip. A program whose module is missing
# saves the record, says which file is missing, and its slip waits in the
# spool until a whole program sends it again.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../screen/lib.sh"

need_tools tmux
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo" "$(cat "$T/err")"

# GnuTLS comes with libpq (through LDAP): on PostgreSQL it is the
# database's, not the printing stack's.
if on_pg; then
	STORE=libpq
	HEAVY='libcairo|libpango|libcups|libqrencode|libglib|librime|hubdesk-print\.so'
else
	STORE=none
	HEAVY='libcairo|libpango|libcups|libqrencode|libgnutls|libglib|librime|hubdesk-print\.so'
fi

# loaded WHAT CMD...: the shared objects CMD loads, as the dynamic loader
# tells them (LD_DEBUG=files: those it needs and those opened later), one
# a line, into $T/loaded.
loaded() {
	_what=$1
	shift
	LD_DEBUG=files LD_DEBUG_OUTPUT="$T/ld" "$@" >"$T/out" 2>"$T/err" </dev/null
	RC=$?
	cat "$T"/ld.* 2>/dev/null | sed -n 's/.*file=\([^ ]*\).*/\1/p' | sort -u >"$T/loaded"
	rm -f "$T"/ld.*
	expect_eq "$RC" 0 "$_what runs (exit 0)"
}

# expect_light WHAT: $T/loaded has nothing of the printing stack, and libpq
# only on PostgreSQL.
expect_light() {
	if grep -Eq "$HEAVY" "$T/loaded"; then
		not_ok "$1 maps none of the printing stack nor librime" "$(grep -E "$HEAVY" "$T/loaded")"
	else
		ok "$1 maps none of the printing stack nor librime"
	fi
	if [ "$STORE" = libpq ] && grep -q libpq "$T/loaded"; then
		ok "$1 on PostgreSQL maps libpq"
	elif [ "$STORE" = none ] && ! grep -q libpq "$T/loaded"; then
		ok "$1 on a SQLite file maps no libpq"
	else
		not_ok "$1: libpq mapped wrongly ($STORE expected)" "$(cat "$T/loaded")"
	fi
}

loaded "config get" "$HUBDESK" config get centre.name
expect_light "config get"
loaded "booking list" "$HUBDESK" --lang en booking list --date 2026-11-23
expect_light "booking list"
expect_out "^id	room" "booking list lists (its header)"

# The home screen, and the day grid after it: what the desk has mapped.
scr_start 80 24
scr_wait 首页 >/dev/null || not_ok "the home screen shows" "$(scr_show)"
pane=$(_tmux display-message -p -t t '#{pane_pid}')
desk=$(pgrep -P "$pane" | head -n 1)
maps() { sed -n 's|.* \(/[^ ]*\)$|\1|p' "/proc/$desk/maps" 2>/dev/null | sort -u >"$T/loaded"; }
maps
if [ -s "$T/loaded" ]; then ok "the desk's maps can be read"; else not_ok "the desk's maps can be read"; fi
expect_light "the home screen"
scr_keys 2
scr_wait 场地预约 >/dev/null
maps
expect_light "the day grid"
scr_stop

# Printing loads the module, which writes the slip.
loaded "visitor checkin (printing)" "$HUBDESK" --lang en visitor checkin --name 张三 --purpose 1
if grep -q 'hubdesk-print\.so' "$T/loaded" && grep -q libcairo "$T/loaded"; then
	ok "a check-in that prints loads the printing module and cairo"
else
	not_ok "a check-in that prints loads the printing module and cairo" "$(cat "$T/loaded")"
fi
expect_eq "$(head -c 5 "$SPOOL_DIR/visitor-1-1.pdf" 2>/dev/null)" "%PDF-" "its slip is written (a PDF)"

# A program without its module: copied alone to a folder of its own (the
# installed module, when there is one, would be found: then this says so).
moddir=$(sed -n 's/^#define MODULEDIR "\(.*\)"$/\1/p' "$TOP/build/config.h")
if [ -e "$moddir/hubdesk-print.so" ]; then
	skip "a program without its printing module" "one is installed in $moddir"
else
	mkdir -p "$T/alone"
	cp "$HUBDESK" "$T/alone/hubdesk"
	expect_rc 0 "without its module, a check-in is saved (exit 0)" \
		"$T/alone/hubdesk" --lang en visitor checkin --name 李四 --purpose 1
	expect_out "^2	HD1-V-2-" "its line is printed"
	expect_err "printing module cannot be loaded.*hubdesk-print\.so" \
		"stderr says the printing module cannot be loaded, naming its file"
	expect_eq "$(sql "SELECT count(*) FROM visit WHERE id = 2")" 1 "the visit is saved"
	expect_eq "$(sql "SELECT state FROM spool WHERE kind = 'visitor' AND record_id = 2")" \
		waiting "its slip waits in the spool"
	expect_rc 0 "the whole program sends what waits (print retry)" hd print retry
	expect_eq "$(head -c 5 "$SPOOL_DIR/visitor-2-1.pdf" 2>/dev/null)" "%PDF-" \
		"then the slip is written"
fi

done_testing
