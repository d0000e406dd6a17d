#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_badterm.sh - when the full-screen desk cannot start it
# says why in one line and exits 1: an unknown TERM, no database, no
# terminal at all. A locale that is not UTF-8 is replaced by C.UTF-8.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

# A wide pane, so that a one-line message is not wrapped.
SCR_TERM=foo-unknown scr_start 200 24
expect_screen "[exit 1]" "unknown TERM: exit 1"
expect_line 1 "TERM" "unknown TERM: the first line names TERM"
expect_line 1 "foo-unknown" "unknown TERM: and the type given"
expect_line 2 "[exit 1]" "unknown TERM: the message is one line"
scr_stop

HUBDESK_DB="$T/none.db" scr_start 200 24
expect_screen "[exit 1]" "no database: exit 1"
expect_line 1 "hubdesk init" "no database: the message says to run hubdesk init"
expect_line 1 "$T/none.db" "no database: the message names the path"
expect_line 2 "[exit 1]" "no database: the message is one line"
if [ -e "$T/none.db" ]; then
	not_ok "no database: no file is created"
else
	ok "no database: no file is created"
fi
scr_stop

# Both wrong: the database is checked first, and nothing draws.
HUBDESK_DB="$T/none.db" SCR_TERM=foo-unknown scr_start 200 24
expect_screen "[exit 1]" "no database and unknown TERM: exit 1"
expect_line 1 "hubdesk init" "no database and unknown TERM: one of the two is said"
scr_stop

# Not a terminal at all.
expect_rc 1 "no terminal: exit 1" "$HUBDESK"
expect_err "hubdesk" "no terminal: a message on stderr"
if [ "$(wc -l <"$T/err")" -eq 1 ]; then
	ok "no terminal: the message is one line"
else
	not_ok "no terminal: the message is one line" "stderr: $(cat "$T/err")"
fi

# A locale that is not UTF-8: the desk switches to C.UTF-8 and runs.
SCR_LANG=C scr_start 80 24
expect_line 1 首页 "LANG=C: home in Chinese (switched to C.UTF-8)"
expect_screen 机构与团队 "LANG=C: the Chinese menu"
scr_keys q
expect_screen "[exit 0]" "LANG=C: q leaves, exit 0"
scr_stop

done_testing
