# tests/screen/lib.sh - driving the real binary in tmux (sourced after
# tests/lib.sh). Each test file has its own tmux server (tmux -L), a fixed
# window size, and reads the screen with capture-pane, polling for expected
# text with a time bound.

SOCK="hubdesk-test-$$"
SCR_TIMEOUT=${SCR_TIMEOUT:-10}

_tmux() { tmux -L "$SOCK" -f /dev/null "$@"; }

# scr_start COLS ROWS [ARGS...]: starts hubdesk ARGS in a new tmux session.
scr_start() {
	_cols=$1 _rows=$2
	shift 2
	at_exit "tmux -L $SOCK kill-server"
	_tmux new-session -d -s t -x "$_cols" -y "$_rows" \
		-e TZ="$TZ" -e HUBDESK_NOW="$HUBDESK_NOW" -e HUBDESK_DB="$HUBDESK_DB" \
		-e LANG="${SCR_LANG:-C.UTF-8}" -e LC_ALL="${SCR_LANG:-C.UTF-8}" \
		-e TERM="${SCR_TERM:-xterm-256color}" -e NO_COLOR="${NO_COLOR:-}" \
		"$HUBDESK $*; echo \"[exit \$?]\"; sleep 60"
	_tmux set-option -t t remain-on-exit on >/dev/null 2>&1
}

# scr_keys KEYS...: tmux send-keys names (Enter, Escape, F1, Tab, BTab ...).
scr_keys() { _tmux send-keys -t t "$@"; }

# scr_type TEXT: types literal text.
scr_type() { _tmux send-keys -t t -l "$1"; }

# scr_show: the screen's text now.
scr_show() { _tmux capture-pane -t t -p; }

# scr_wait TEXT [SECONDS]: polls until the screen shows TEXT; 1 on time-out.
scr_wait() {
	_deadline=$(($(date +%s) + ${2:-$SCR_TIMEOUT}))
	while [ "$(date +%s)" -le "$_deadline" ]; do
		if scr_show | grep -Fq -- "$1"; then
			return 0
		fi
		sleep 0.05
	done
	return 1
}

# scr_gone TEXT [SECONDS]: polls until the screen no longer shows TEXT.
scr_gone() {
	_deadline=$(($(date +%s) + ${2:-$SCR_TIMEOUT}))
	while [ "$(date +%s)" -le "$_deadline" ]; do
		if ! scr_show | grep -Fq -- "$1"; then
			return 0
		fi
		sleep 0.05
	done
	return 1
}

# expect_screen TEXT WHAT: waits for TEXT, reporting the screen if it never comes.
expect_screen() {
	if scr_wait "$1"; then
		ok "$2"
	else
		not_ok "$2: screen never showed '$1'" "$(scr_show | sed 's/^/| /')"
	fi
}

# expect_no_screen TEXT WHAT: waits for TEXT to be gone.
expect_no_screen() {
	if scr_gone "$1"; then
		ok "$2"
	else
		not_ok "$2: screen still shows '$1'" "$(scr_show | sed 's/^/| /')"
	fi
}

# scr_resize COLS ROWS
scr_resize() { _tmux resize-window -t t -x "$1" -y "$2"; }
