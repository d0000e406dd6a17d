# SPDX-License-Identifier: GPL-3.0-or-later
# tests/poll.sh - waiting for something to happen (sourced by tests/lib.sh
# and bench/cups.sh). Test files wait only through these (and the screen
# library's helpers built on them): no loops of their own, no fixed sleeps.
# CMD is often a small function of the test; it runs in the same shell, so
# what it sets (the value it last read) is there for the failure message.

# wait_for SECONDS CMD...: polls CMD every 0.1 s until it succeeds; fails
# after SECONDS.
wait_for() {
	_wf_limit=$(($1 * 10))
	shift
	_wf_i=0
	while ! "$@" >/dev/null 2>&1; do
		_wf_i=$((_wf_i + 1))
		[ "$_wf_i" -ge "$_wf_limit" ] && return 1
		sleep 0.1
	done
	return 0
}

# now_ms: the wall clock in milliseconds.
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# wait_ms MS CMD...: polls CMD every 0.02 s until it succeeds, for at most MS
# milliseconds of the wall clock; sets WAITED to the milliseconds waited. For
# a wait that times an answer, or that must catch a frame before the next.
wait_ms() {
	_wm_t0=$(now_ms)
	_wm_limit=$1
	shift
	while :; do
		WAITED=$(($(now_ms) - _wm_t0))
		"$@" >/dev/null 2>&1 && return 0
		[ "$WAITED" -le "$_wm_limit" ] || return 1
		sleep 0.02
	done
}
