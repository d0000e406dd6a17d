#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_hangup.sh - a desk whose terminal goes away (the window closed, the
# line hung up) ends by itself, even where no hangup signal reaches it (a
# program started under make or a service manager may never get one):
# it never spins on a dead terminal.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

# ended PID: no process PID is left (for wait_for).
ended() { ! kill -0 "$1" 2>/dev/null; }

for where in home reports; do
	_tmux new-session -d -s t -x 80 -y 24 -e TZ="$TZ" -e HUBDESK_NOW="$HUBDESK_NOW" \
		-e HUBDESK_DB="$HUBDESK_DB" -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 \
		"trap '' HUP; echo \$\$ >'$T/pid'; exec '$HUBDESK'"
	expect_line 1 "$(zh Home)" "$where: the desk runs, with hangups ignored"
	if [ "$where" = reports ]; then
		scr_signin 工作人员 135790
		scr_keys 5
		expect_line 1 "$(zh Reports)" "the reports are open"
	fi
	pid=$(cat "$T/pid")
	_tmux kill-server >/dev/null 2>&1
	if wait_for 5 ended "$pid"; then
		ok "$where: the desk ends when its terminal goes away"
	else
		not_ok "$where: the desk ends when its terminal goes away" \
			"$(ps -o pid,stat,pcpu,args -p "$pid" | tail -n 1)"
		kill "$pid"
	fi
	scr_stop
done
done_testing
