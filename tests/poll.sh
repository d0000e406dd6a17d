# SPDX-License-Identifier: GPL-3.0-or-later
# tests/poll.sh - waiting for something to happen (sourced by tests/lib.sh
# and bench/cups.sh).

# wait_for SECONDS CMD...: polls CMD every 0.1 s until it succeeds; fails
# after SECONDS.
wait_for() {
	_limit=$(($1 * 10))
	shift
	_i=0
	while ! "$@" >/dev/null 2>&1; do
		_i=$((_i + 1))
		[ "$_i" -ge "$_limit" ] && return 1
		sleep 0.1
	done
	return 0
}
