# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/lib.sh - driving the real binary in tmux (sourced after
# tests/lib.sh). Each test file has its own tmux server (tmux -L), a fixed
# window size, and reads the screen with capture-pane, polling for expected
# text with a time bound.

SOCK="hubdesk-test-$$"
# The sockets live in the test's folder, so they go with it.
export TMUX_TMPDIR="$T"
unset TMUX
SCR_TIMEOUT=${SCR_TIMEOUT:-10}

_tmux() { tmux -L "$SOCK" -f /dev/null "$@"; }

# scr_start COLS ROWS [ARGS...]: starts hubdesk ARGS in a new tmux session.
# TERM is tmux's own (its default-terminal, whose key sequences are those
# tmux sends), or SCR_TERM when set: that is put in the pane's command, since
# tmux replaces a TERM given with -e by its default-terminal.
scr_start() {
	_cols=$1 _rows=$2
	shift 2
	_term=""
	[ -n "${SCR_TERM:-}" ] && _term="TERM='$SCR_TERM'; export TERM; "
	at_exit "tmux -L $SOCK kill-server"
	_tmux new-session -d -s t -x "$_cols" -y "$_rows" \
		-e TZ="$TZ" -e HUBDESK_NOW="$HUBDESK_NOW" -e HUBDESK_DB="$HUBDESK_DB" \
		-e LANG="${SCR_LANG:-C.UTF-8}" -e LC_ALL="${SCR_LANG:-C.UTF-8}" \
		-e NO_COLOR="${NO_COLOR:-}" -e CUPS_SERVER="${CUPS_SERVER:-}" \
		"$_term$HUBDESK $*; echo \"[exit \$?]\"; sleep 60"
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

# expect_no_screen TEXT WHAT: waits for TEXT to be off the screen. It passes
# at once when TEXT is not drawn (yet), so it comes after a wait for TEXT
# itself (before the key that takes it away) or for the state in which TEXT
# must not show; expect_gone does the first in one call.
expect_no_screen() {
	if scr_gone "$1"; then
		ok "$2"
	else
		not_ok "$2: screen still shows '$1'" "$(scr_show | sed 's/^/| /')"
	fi
}

# expect_gone TEXT WHAT [KEYS...]: TEXT goes away: waits for the screen to
# show it, sends KEYS (scr_keys) when given, then waits for it to go, each
# with the usual bound. It cannot pass because TEXT was never drawn.
expect_gone() {
	_text=$1 _what=$2
	shift 2
	if ! scr_wait "$_text"; then
		not_ok "$_what: screen never showed '$_text'" "$(scr_show | sed 's/^/| /')"
		[ $# -gt 0 ] && scr_keys "$@"
		return 1
	fi
	[ $# -gt 0 ] && scr_keys "$@"
	expect_no_screen "$_text" "$_what"
}

# scr_drop_input TEXT: after Esc on a form, waits for the desk to ask y/n
# (whether to drop what was typed) or to show TEXT (where Esc leads when
# nothing was typed), and answers y to the question; 1 on time-out.
_asked_or_shows() { scr_show | grep -Fq -e 'y/n' -e "$1"; }
scr_drop_input() {
	wait_for "$SCR_TIMEOUT" _asked_or_shows "$1" || return 1
	if scr_show | grep -Fq 'y/n'; then scr_keys y; fi
}

# scr_resize COLS ROWS
scr_resize() { _tmux resize-window -t t -x "$1" -y "$2"; }

# scr_stop: ends this file's tmux server; the next scr_start gets a server of
# its own (a new socket), so it never meets the old one shutting down.
_scr_n=0
scr_stop() {
	_tmux kill-server >/dev/null 2>&1
	_scr_n=$((_scr_n + 1))
	SOCK="hubdesk-test-$$-$_scr_n"
}

# scr_line N: line N (1 = the top line) of the screen now.
scr_line() { scr_show | sed -n "${1}p"; }

# expect_line N TEXT WHAT: waits for line N to show TEXT.
expect_line() {
	_deadline=$(($(date +%s) + SCR_TIMEOUT))
	while [ "$(date +%s)" -le "$_deadline" ]; do
		if scr_line "$1" | grep -Fq -- "$2"; then
			ok "$3"
			return 0
		fi
		sleep 0.05
	done
	not_ok "$3: line $1 never showed '$2'" "$(scr_show | sed 's/^/| /')"
}

# zh MSGID: the Chinese of an interface message, from the catalogue the
# program reads (build/locale beside it, else the installed one); the msgid
# itself while no translation exists. For messages the contract does not fix
# word for word; titles of the contract are checked literally.
zh() {
	if [ -d "$TOP/build/locale" ]; then
		_dir="$TOP/build/locale"
	else
		_dir=/usr/local/share/locale
	fi
	LANGUAGE=zh_CN LC_ALL=C.UTF-8 TEXTDOMAINDIR="$_dir" gettext hubdesk "$1" 2>/dev/null ||
		printf '%s' "$1"
}

# zhf MSGID ARGS...: the Chinese of a message with its directives filled
# (the shell's printf knows %d, not %lld).
zhf() {
	_fmt=$(zh "$1" | sed 's/%ll*d/%d/g')
	shift
	printf "$_fmt" "$@"
}

# tcol HH:MM: the terminal column where the half hour HH:MM starts in the
# day grid (the room column is 20 wide, a half hour 4, the first column
# 08:00).
tcol() {
	_h=${1%%:*} _m=${1##*:}
	echo $((20 + ((${_h#0} * 60 + ${_m#0} - 480) / 30) * 4))
}

# grid_line LABEL: the screen line (1 = top) of the row that starts with LABEL.
grid_line() {
	scr_show | awk -v l="$1" 'index($0, l) == 1 { print NR; exit }'
}

# select_cell ROOM HH:MM: the grid's selection to the cell of ROOM at HH:MM
# (the grid not scrolled): Home and Up to the first cell, then Down to the
# room's line, Right to the time.
select_cell() {
	_line=$(grid_line "$1")
	scr_keys Home Up Up Up Up Up Up Up Up Up
	_i=4
	while [ "$_i" -lt "${_line:-4}" ]; do
		scr_keys Down
		_i=$((_i + 1))
	done
	_i=$((($(tcol "$2") - 20) / 4))
	while [ "$_i" -gt 0 ]; do
		scr_keys Right
		_i=$((_i - 1))
	done
}

# zh_part MSGID [N]: the first N (default 12) characters of the longest
# piece of the message's Chinese between %-directives: a piece of fixed text
# short enough to be on the screen whole, wherever the line is cut.
zh_part() {
	zh "$1" | sed 's/%[-0-9.]*l*[a-z]/\n/g' | awk '
		{ sub(/^[[:space:]]+/, ""); sub(/[[:space:]]+$/, "") }
		length($0) > length(best) { best = $0 }
		END { print best }' | sed "s/^\\(.\\{0,${2:-12}\\}\\).*/\\1/"
}

# expect_screen_all WHAT TEXT...: waits until the screen shows every TEXT at
# once, naming those missing if it never does.
expect_screen_all() {
	_what=$1
	shift
	_deadline=$(($(date +%s) + SCR_TIMEOUT))
	while :; do
		_screen=$(scr_show)
		_missing=""
		for _t in "$@"; do
			printf '%s\n' "$_screen" | grep -Fq -- "$_t" || _missing="$_missing '$_t'"
		done
		if [ -z "$_missing" ]; then
			ok "$_what"
			return 0
		fi
		[ "$(date +%s)" -le "$_deadline" ] || break
		sleep 0.05
	done
	not_ok "$_what: screen lacks$_missing" "$(printf '%s\n' "$_screen" | sed 's/^/| /')"
}

# expect_row_has TEXT... WHAT: waits for one screen line holding every TEXT
# (a suggestion and its role, a field and its value).
expect_row_has() {
	_texts=""
	_i=1
	for _a in "$@"; do
		if [ "$_i" -lt "$#" ]; then _texts="$_texts '$_a'"; else _what=$_a; fi
		_i=$((_i + 1))
	done
	_deadline=$(($(date +%s) + SCR_TIMEOUT))
	while :; do
		_screen=$(scr_show)
		_rows=$_screen
		_i=1
		for _a in "$@"; do
			[ "$_i" -lt "$#" ] && _rows=$(printf '%s\n' "$_rows" | grep -F -- "$_a")
			_i=$((_i + 1))
		done
		if [ -n "$_rows" ]; then
			ok "$_what"
			return 0
		fi
		[ "$(date +%s)" -le "$_deadline" ] || break
		sleep 0.05
	done
	not_ok "$_what: no line holds all of$_texts" "$(printf '%s\n' "$_screen" | sed 's/^/| /')"
}

# scr_col N TEXT: the terminal column (0 = left edge) where TEXT starts on
# line N, counting East-Asian wide characters as two columns; -1 if absent.
scr_col() {
	scr_line "$1" | python3 -c '
import sys, unicodedata
line = sys.stdin.read().rstrip("\n")
i = line.find(sys.argv[1])
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print(-1 if i < 0 else w(line[:i]))' "$2"
}

# scr_width N: the width in terminal columns of line N (trailing blanks cut).
scr_width() {
	scr_line "$1" | python3 -c '
import sys, unicodedata
line = sys.stdin.read().rstrip("\n").rstrip(" ")
print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line))'
}

# scr_cursor: where the cursor is now, as "X,Y" (0-based columns and rows).
scr_cursor() { _tmux display-message -p -t t '#{cursor_x},#{cursor_y}'; }

# expect_cursor X,Y WHAT: waits for the cursor to be at X,Y.
expect_cursor() {
	_deadline=$(($(date +%s) + SCR_TIMEOUT))
	while [ "$(date +%s)" -le "$_deadline" ]; do
		if [ "$(scr_cursor)" = "$1" ]; then
			ok "$2"
			return 0
		fi
		sleep 0.05
	done
	not_ok "$2: cursor at $(scr_cursor), expected $1" "$(scr_show | sed 's/^/| /')"
}

# scr_signin NAME PIN: F9, the name, Tab, the PIN, Enter; waits for the name
# on the top line.
_pin_asked() { scr_show | grep -Fq -e "$(zh PIN)" -e PIN; }
scr_signin() {
	scr_keys F9
	wait_for 5 _pin_asked
	scr_type "$1"
	scr_keys Tab
	scr_type "$2"
	scr_keys Enter
	if scr_wait "| $1" 5; then
		ok "signed in as $1"
	else
		not_ok "signing in as $1" "$(scr_show | sed 's/^/| /')"
	fi
}

# expect_in_rows FIRST LAST TEXT WHAT: waits for TEXT on one of the screen's
# lines FIRST to LAST (1 = the top line).
expect_in_rows() {
	_deadline=$(($(date +%s) + SCR_TIMEOUT))
	while [ "$(date +%s)" -le "$_deadline" ]; do
		if scr_show | sed -n "${1},${2}p" | grep -Fq -- "$3"; then
			ok "$4"
			return 0
		fi
		sleep 0.05
	done
	not_ok "$4: lines $1-$2 never showed '$3'" "$(scr_show | sed 's/^/| /')"
}

# expect_not_in_rows FIRST LAST TEXT WHAT: waits for TEXT to be off the
# screen's lines FIRST to LAST (a list, the status line left out); as
# expect_no_screen, it follows a wait for TEXT there or for the next state.
_rows_lack() { ! scr_show | sed -n "${1},${2}p" | grep -Fq -- "$3"; }
expect_not_in_rows() {
	if wait_for "$SCR_TIMEOUT" _rows_lack "$1" "$2" "$3"; then
		ok "$4"
	else
		not_ok "$4: lines $1-$2 still show '$3'" "$(scr_show | sed 's/^/| /')"
	fi
}

# expect_msg TEXT WHAT: waits for TEXT in the message rows at the bottom of
# 80x24 (rows 21-22: the focused field's hint or error, two rows when long;
# row 23: the status line, a long message taking row 22 too).
expect_msg() { expect_in_rows 21 23 "$1" "$2"; }

# expect_sql QUERY WANT WHAT: waits until QUERY on the test database gives
# WANT (the app writes after it reads the key).
_sql_gives() {
	_got=$(sql "$1")
	[ "$_got" = "$2" ]
}
expect_sql() {
	if wait_for "$SCR_TIMEOUT" _sql_gives "$1" "$2"; then
		ok "$3"
	else
		not_ok "$3: got '$_got', expected '$2'" "$(scr_show | sed 's/^/| /')"
	fi
}

# cells LABEL FROM TO: the text of the screen line that starts with LABEL (a
# room row of the grid, or a day row of the week view) between terminal
# columns FROM and TO, East-Asian wide characters counting two, trailing
# blanks cut; "(no row LABEL)" when no line starts with it.
cells() {
	scr_show | python3 -c '
import sys, unicodedata
label, a, b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for line in sys.stdin.read().split("\n"):
    if line.startswith(label):
        out, x = "", 0
        for c in line:
            if a <= x < b:
                out += c
            x += 2 if unicodedata.east_asian_width(c) in "WF" else 1
        print(out.rstrip())
        sys.exit(0)
print("(no row %s)" % label)' "$1" "$2" "$3"
}

# expect_cells LABEL FROM TO TEXT WHAT: waits until the row LABEL holds TEXT
# from the half hour FROM to the half hour TO (HH:MM, TO excluded; the
# columns are tcol's, which a test may define for its own grid).
_cells_read() {
	_got=$(cells "$1" "$2" "$3")
	[ "$_got" = "$4" ]
}
expect_cells() {
	if wait_for "$SCR_TIMEOUT" _cells_read "$1" "$(tcol "$2")" "$(tcol "$3")" "$4"; then
		ok "$5"
	else
		not_ok "$5: row $1 from $2 to $3 reads '$_got', expected '$4'" "$(scr_show | sed 's/^/| /')"
	fi
}
