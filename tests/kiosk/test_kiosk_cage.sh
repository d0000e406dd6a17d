#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/kiosk/test_kiosk_cage.sh - the real kiosk, end to end: the desk's
# recipe deploy/hubdesk-kiosk (cage showing foot running hubdesk), started
# with the environment of deploy/hubdesk-desk@.service, on cage's headless
# backend (WLR_BACKENDS=headless WLR_RENDERER=pixman), as an unprivileged
# user (cage refuses root: as root the test runs it as nobody), with a
# private XDG_RUNTIME_DIR, on a demo database at a fixed time in
# Asia/Shanghai. grim takes the screen; the picture is read with Debian's
# PIL (size, colours, what changed).
#
# Keys: cage 0.1.4 offers no virtual-keyboard protocol (wtype cannot type)
# and a machine without /dev/uinput has no ydotool, so no key can go through
# foot's keyboard. The test puts each key's bytes, as foot writes them (F2
# from foot's terminfo), into foot's terminal with TIOCSTI: hubdesk, or the
# program foot runs, reads them from foot's terminal as if they were typed.
# TIOCSTI on a terminal that is not one's own needs CAP_SYS_ADMIN (root).
#
# Part 1, the recipe as deployed: foot runs hubdesk itself (TERM=foot). Home
# 1, a visitor CAGE typed in capitals (capitals go in as typed, pinyin or
# not), purpose 1, F2: the database holds the visit; each step changes the
# picture. With the built-in pinyin, lisi typed in lower case and Space
# (the first candidate) save a visitor named in Chinese characters.
# Part 2, the same recipe with HUBDESK naming a tmux client attached to
# hubdesk's session, so that the test reads the screen's text too: keys put
# into foot's terminal reach hubdesk through tmux. A visitor TMUX typed and
# saved; then, with the built-in pinyin, zhangsanfeng typed in lower case,
# 张三丰 picked with the digit its candidate line shows, saved: the
# database holds 张三丰.
#
# A part that cannot run here says why and skips only what it needs. Every
# process the test starts is ended, and checked gone.
# shellcheck disable=SC2059 # printf formats are the messages' translations
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/screen/lib.sh"

need_tools sqlite3 python3 ps tmux
# A test stopped by a signal still ends what it started (the EXIT trap).
trap 'exit 1' HUP INT TERM PIPE
STARTED=$(date +%s)
RECIPE="$TOP/deploy/hubdesk-kiosk"
UNIT="$TOP/deploy/hubdesk-desk@.service"

# The kiosk's own folder, the user's: the database, the runtime folder
# (0700, as logind makes it), a home for foot's and fontconfig's files.
K="$T/kiosk"
RUN="$K/run"
mkdir -p "$K/home" "$RUN"
chmod 700 "$RUN"
export HUBDESK_DB="$K/hubdesk.db"

# The user: nobody when the test runs as root (setpriv), else the user
# running it.
AS=""
WHO=$(id -un)
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
		AS="setpriv --reuid=$(id -u nobody) --regid=$(id -g nobody) --clear-groups --"
		WHO=nobody
		chmod 711 "$T"
		chown -R nobody "$K"
	else
		skip "the kiosk (cage, foot, hubdesk)" "cage refuses root, and setpriv or the user nobody is missing"
		done_testing
		exit
	fi
fi
echo "# the kiosk runs as $WHO"

# The desk's environment: the unit's Environment= lines, the database and
# time of the test, what PAM and logind give a session (HOME, PATH,
# XDG_RUNTIME_DIR).
UNIT_ENV=$(sed -n 's/^Environment=//p' "$UNIT" | tr '\n' ' ')
kenv() {
	# shellcheck disable=SC2086 # AS and UNIT_ENV are lists of words
	$AS env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$K/home" XDG_RUNTIME_DIR="$RUN" \
		$UNIT_ENV HUBDESK_DB="$HUBDESK_DB" HUBDESK_NOW="$HUBDESK_NOW" "$@"
}
sql() { kenv sqlite3 -batch -noheader -cmd ".timeout 5000" "$HUBDESK_DB" "$1"; }
case $UNIT_ENV in
*LANG=*) ok "the desk's environment is the unit's: $UNIT_ENV" ;;
*) not_ok "the unit gives the desk a locale (Environment=LANG=...)" "$UNIT_ENV" ;;
esac

# A build (or the recipe) in a folder the user cannot enter runs as a copy,
# the program with its translations beside it as in the tree.
if ! kenv test -x "$HUBDESK"; then
	mkdir -p "$K/app/build"
	cp "$HUBDESK" "$K/app/hubdesk"
	[ -d "$(dirname "$HUBDESK")/build/locale" ] && cp -R "$(dirname "$HUBDESK")/build/locale" "$K/app/build/"
	[ -n "$AS" ] && chown -R nobody "$K/app"
	echo "# $WHO cannot enter the folder of $HUBDESK: the kiosk runs a copy of it"
	HUBDESK="$K/app/hubdesk"
fi
if ! kenv test -r "$RECIPE"; then
	cp "$RECIPE" "$K/hubdesk-kiosk"
	[ -n "$AS" ] && chown nobody "$K/hubdesk-kiosk"
	echo "# $WHO cannot enter the folder of $RECIPE: the kiosk runs a copy of it"
	RECIPE="$K/hubdesk-kiosk"
fi
run kenv "$HUBDESK" init --demo
[ "$RC" = 0 ] || not_ok "init --demo as $WHO" "$(cat "$T/err")"

missing=""
for tool in cage foot grim Xwayland; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	skip "the kiosk (cage, foot, hubdesk on cage's headless backend)" \
		"not installed:$missing (make deps installs cage foot grim xwayland)"
	done_testing
	exit
fi

# A Python with PIL (Debian's python3-pil) reads the pictures; without it
# only the PNG's header is read.
PY=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import PIL.Image' >/dev/null 2>&1; then
		PY=$p
		break
	fi
done
[ -n "$PY" ] || echo "# no python3 with PIL (make deps installs python3-pil): pictures read by header only"

# --- the processes ---------------------------------------------------------

# descendants PID: every process below PID.
descendants() {
	ps -e -o pid= -o ppid= | awk -v root="$1" '
		{ up[$1] = $2 }
		END {
			for (p in up) {
				x = p
				while ((x in up) && x != root && x > 1)
					x = up[x]
				if (x == root && p != root)
					print p
			}
		}'
}

# gone PID...: none of them runs (an ended process waiting to be reaped
# counts as gone).
gone() {
	for _p in "$@"; do
		case $(ps -o stat= -p "$_p" 2>/dev/null) in
		"" | Z*) ;;
		*) return 1 ;;
		esac
	done
	return 0
}

# child_of PID COMM: the pid of PID's child named COMM.
child_of() { ps -o pid= -o comm= --ppid "$1" 2>/dev/null | awk -v c="$2" '$2 == c { print $1; exit }'; }

CAGE=""
STARTED_PIDS=""
# kiosk_start PROGRAM DESK: the recipe, foot running PROGRAM --desk DESK;
# sets CAGE, FOOT, APP (foot's child) and TTY (foot's terminal); 1 when
# cage or foot never comes up.
_wayland_up() {
	WL=""
	for _s in "$RUN"/wayland-[0-9]*; do
		[ -S "$_s" ] && WL=$(basename "$_s") && return 0
	done
	return 1
}
_app_up() {
	FOOT=$(child_of "$CAGE" foot)
	[ -n "$FOOT" ] || return 1
	APP=$(ps -o pid= --ppid "$FOOT" 2>/dev/null | tr -d ' ' | head -1)
	[ -n "$APP" ] && TTY=$(readlink "/proc/$APP/fd/0") && [ -n "$TTY" ]
}
kiosk_start() {
	rm -f "$RUN"/wayland-*
	LOG="$K/cage-$2.log"
	# shellcheck disable=SC2086 # AS and UNIT_ENV are lists of words
	$AS env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$K/home" XDG_RUNTIME_DIR="$RUN" \
		$UNIT_ENV HUBDESK_DB="$HUBDESK_DB" HUBDESK_NOW="$HUBDESK_NOW" HUBDESK="$1" \
		WLR_BACKENDS=headless WLR_RENDERER=pixman sh "$RECIPE" "$2" >"$LOG" 2>&1 &
	CAGE=$!
	STARTED_PIDS="$STARTED_PIDS $CAGE"
	if ! wait_for 20 _wayland_up || ! wait_for 20 _app_up; then
		not_ok "cage and foot start ($2)" "$(grep -v 'Basic output test failed' "$LOG" | tail -15)"
		return 1
	fi
	ok "cage runs on its headless backend as $WHO ($WL), foot in it, foot runs $(ps -o comm= -p "$APP") on $TTY"
}

# kiosk_stop: ends cage; foot and what foot runs end with it; checks that
# all of them are gone.
# shellcheck disable=SC2086 # _pids is a list of pids
kiosk_stop() {
	[ -n "$CAGE" ] || return 0
	_pids="$CAGE $(descendants "$CAGE")"
	kill "$CAGE" 2>/dev/null
	if ! wait_for 10 gone $_pids; then
		kill -9 $_pids 2>/dev/null
		not_ok "cage ends on SIGTERM, and foot and what it runs with it" "$(ps -o pid,stat,args -p "$(echo $_pids | tr ' ' ,)")"
	else
		ok "cage, foot and what foot ran ended when cage did (pids$(printf ' %s' $_pids))"
	fi
	wait "$CAGE" 2>/dev/null
	CAGE=""
}
at_exit kiosk_stop

# --- the pictures ----------------------------------------------------------

# shot NAME: the screen now, as $K/NAME.png (KIOSK_SHOTS=DIR keeps a copy).
shot() {
	kenv WAYLAND_DISPLAY="$WL" grim "$K/$1.png" 2>"$T/grim.err" || return 1
	[ -n "${KIOSK_SHOTS:-}" ] && cp "$K/$1.png" "$KIOSK_SHOTS/"
	return 0
}

# pic FILE: "WIDTHxHEIGHT COLOURS BACKGROUND% TOPBAR%" of a PNG: its size,
# how many colours, the share of the commonest colour, and the share of the
# picture's top row of cells (its 8th line of pixels) drawn in another
# colour (hubdesk's top line is a bar of its own colour); "WIDTHxHEIGHT - -
# -" without PIL; "bad" when it is no PNG.
pic() {
	if [ -n "$PY" ]; then
		"$PY" -c '
import sys
from PIL import Image
try:
    im = Image.open(sys.argv[1]).convert("RGB")
except Exception:
    print("bad"); sys.exit()
w, h = im.size
colours = im.getcolors(w * h)
n, bg = max(colours)
top = sum(1 for x in range(w) if im.getpixel((x, 8)) != bg)
print("%dx%d %d %.1f %.1f" % (w, h, len(colours), 100.0 * n / (w * h), 100.0 * top / w))' "$1"
	else
		python3 -c '
import struct, sys
b = open(sys.argv[1], "rb").read(24)
if b[:8] != b"\x89PNG\r\n\x1a\n" or b[12:16] != b"IHDR":
    print("bad"); sys.exit()
print("%dx%d - - -" % struct.unpack(">II", b[16:24]))' "$1"
	fi
}

# changed A B: A.png and B.png differ; prints the box that changed.
changed() {
	if [ -z "$PY" ]; then
		! cmp -s "$K/$1.png" "$K/$2.png"
		return
	fi
	"$PY" -c '
import sys
from PIL import Image, ImageChops
a, b = (Image.open(f).convert("RGB") for f in sys.argv[1:3])
box = ImageChops.difference(a, b).getbbox()
print(box)
sys.exit(0 if box else 1)' "$K/$1.png" "$K/$2.png"
}

# A drawn screen: a PNG of several colours, text and bars on a background,
# hubdesk's top line drawn across most of the top (an empty terminal is
# its background, a cursor and the output's edge).
_drawn() {
	shot "$1" || return 1
	_pic=$(pic "$K/$1.png")
	case $_pic in
	bad | "") return 1 ;;
	*" - - -") return 0 ;;
	esac
	echo "$_pic" | awk '{ exit !($2 >= 3 && $3 < 95 && $4 > 50) }'
}
expect_drawn() {
	if wait_for 20 _drawn "$1"; then
		ok "grim takes $2: a real PNG, $(pic "$K/$1.png" |
			awk '{ printf "%s, %s colours, background %s%%, top line %s%% drawn", $1, $2, $3, $4 }')"
	else
		not_ok "grim takes $2" "$(cat "$T/grim.err" 2>/dev/null)" "$(pic "$K/$1.png" 2>&1)"
	fi
}

# expect_changed BEFORE NAME WHAT: waits for a picture NAME that differs from
# BEFORE.
_differs() { shot "$2" && CHANGE=$(changed "$1" "$2"); }
expect_changed() {
	CHANGE=""
	if wait_for 10 _differs "$1" "$2"; then
		ok "$3: the picture changed${CHANGE:+ in $CHANGE}"
	else
		not_ok "$3: the picture stayed as it was"
	fi
}

# --- the keys --------------------------------------------------------------

# keys BYTES...: puts the bytes into foot's terminal ($TTY) with TIOCSTI,
# as foot writes a key's bytes; 1 (with the reason in $T/keys.err) when the
# kernel refuses.
keys() {
	python3 - "$TTY" "$@" 2>"$T/keys.err" <<'EOF'
import fcntl, os, sys, termios
fd = os.open(sys.argv[1], os.O_RDONLY | os.O_NOCTTY)
try:
    for arg in sys.argv[2:]:
        for b in os.fsencode(arg):
            fcntl.ioctl(fd, termios.TIOCSTI, bytes([b]))
except OSError as e:
    sys.stderr.write("TIOCSTI on %s: %s\n" % (sys.argv[1], e.strerror))
    sys.exit(1)
EOF
}
# What cage offers, read from the functions of wlroots it calls.
cage_has() { nm -D "$(command -v cage)" 2>/dev/null | grep -q "$@"; }
if ! command -v nm >/dev/null 2>&1; then
	vk="(nm is missing: not read)"
elif cage_has wlr_virtual_keyboard_manager_v1_create; then
	vk="offers a virtual keyboard (wtype; unused here)"
else
	vk="offers no virtual keyboard (it makes no wlr_virtual_keyboard_manager_v1), so wtype cannot type"
fi
if command -v nm >/dev/null 2>&1 && ! cage_has -e wlr_input_method_manager_v2_create -e wlr_text_input_manager_v3_create; then
	echo "# $(cage -v 2>&1 | head -1) has no input-method protocol: no system input method reaches foot in it"
fi
[ -e /dev/uinput ] && uinput="there (unused)" || uinput="absent"
echo "# keys: their bytes are put into foot's terminal (TIOCSTI), not through foot's keyboard: cage $vk;"
echo "#   /dev/uinput (ydotool, libinput) is $uinput"
TAB=$(printf '\t')
F2=$(tput -T foot kf2)

# can_type WHAT: the first key decides whether keys get in here.
can_type() {
	if keys "$@"; then
		ok "keys reach foot's terminal with TIOCSTI"
		return 0
	fi
	skip "typing into the kiosk ($TYPED)" "$(cat "$T/keys.err"): TIOCSTI on another's terminal needs CAP_SYS_ADMIN (run as root)"
	return 1
}

visits_of() { sql "SELECT count(*) FROM visit v JOIN person p ON p.id = v.person_id WHERE p.name = '$1'"; }
_visits_are() {
	_got=$(visits_of "$1")
	[ "$_got" = "$2" ]
}
expect_visits() {
	if wait_for 10 _visits_are "$1" "$2"; then
		ok "$3"
	else
		not_ok "$3: $_got visits of $1, expected $2"
	fi
}

# The built-in pinyin (DESIGN.md, "Chinese input"): its setting is there.
NO_PINYIN=""
kenv "$HUBDESK" config get input.pinyin >/dev/null 2>&1 ||
	NO_PINYIN="this hubdesk has no built-in pinyin yet (config get input.pinyin: no such setting)"

# _han_visitor: the last visitor's name is Chinese characters only.
_han_visitor() {
	_got=$(sql "SELECT p.name FROM visit v JOIN person p ON p.id = v.person_id ORDER BY v.id DESC LIMIT 1")
	python3 -c 'import sys; n = sys.argv[1]; sys.exit(not n or not all("\u4e00" <= c <= "\u9fff" for c in n))' "$_got"
}

# --- part 1: the recipe as deployed, foot running hubdesk ------------------

t0=$(date +%s)
echo "# part 1: deploy/hubdesk-kiosk as the unit starts it, foot running hubdesk"
if kiosk_start "$HUBDESK" kiosk1; then
	expect_eq "$(tr '\0' '\n' <"/proc/$APP/environ" | grep '^TERM=')" TERM=foot \
		"hubdesk runs in foot's terminal (TERM=foot)"
	expect_eq "$(ps -o user= -p "$APP" | tr -d ' ')" "$WHO" "hubdesk runs as $WHO"
	expect_drawn home "the first frame, home"
	TYPED="home 1, the visitor CAGE, F2"
	if can_type 1; then
		expect_changed home form "1 opens the check-in form"
		keys CAGE
		expect_changed form typed "CAGE typed into 访客"
		keys "$TAB$TAB" 1 "$F2"
		expect_visits CAGE 1 "F2 saved the visit: the database holds the visitor CAGE"
		expect_changed typed saved "the saved form shows"
		if [ -n "$NO_PINYIN" ]; then
			skip "lisi typed in lower case, Space taking the first candidate, saved" "$NO_PINYIN"
		else
			keys lisi
			expect_changed saved lisi "lisi typed: the composition and its candidates show"
			keys " " "$TAB$TAB" 1 "$F2"
			if wait_for 10 _han_visitor; then
				ok "Space took the first candidate: the database holds the visitor $_got, typed as lisi"
			else
				not_ok "Space takes the first candidate of lisi, saved" "the last visitor is '$_got'"
			fi
		fi
	fi
	kiosk_stop
fi
echo "# part 1 took $(($(date +%s) - t0)) s"

# --- part 2: foot running a tmux client attached to hubdesk -----------------

t0=$(date +%s)
echo "# part 2: the same recipe, foot running a tmux client attached to hubdesk's session"
SOCK_PATH="$K/tmux.sock"
# The screen library reads this session's screen. The pane's command runs
# in SHELL (nobody's login shell refuses).
_tmux() { kenv SHELL=/bin/sh tmux -S "$SOCK_PATH" -f /dev/null "$@"; }
cat >"$K/attach" <<EOF
#!/bin/sh
exec tmux -S '$SOCK_PATH' attach -t t
EOF
chmod 755 "$K/attach"
[ -n "$AS" ] && chown nobody "$K/attach"
_tmux new-session -d -s t "$HUBDESK --desk kiosk2; echo \"[exit \$?]\"; sleep 60"
# No status line of tmux's: hubdesk has foot's whole window, as in part 1.
_tmux set-option -g status off >/dev/null 2>&1
SERVER=$(_tmux display-message -p '#{pid}')
STARTED_PIDS="$STARTED_PIDS $SERVER"
at_exit "kill $SERVER"
if [ -z "$SERVER" ]; then
	not_ok "tmux starts hubdesk's session as $WHO"
elif kiosk_start "$K/attach" kiosk2; then
	expect_line 1 首页 "hubdesk's home, seen through foot's tmux client"
	echo "# hubdesk's screen in foot: $(_tmux display-message -p '#{window_width}x#{window_height}') (foot's size)"
	expect_drawn home2 "the first frame through tmux"
	TYPED="a visitor TMUX; zhangsanfeng picked as 张三丰"
	if can_type 1; then
		expect_line 1 访客登记 "1 typed into foot's terminal opens 访客登记"
		keys TMUX
		expect_row_has "*访客" TMUX "TMUX is in 访客"
		keys "$TAB$TAB" 1 "$F2"
		expect_screen "$(printf "$(zh 'Checked in: %s. Slip code:')" TMUX)" "F2 saves TMUX"
		expect_visits TMUX 1 "the database holds the visitor TMUX"
		shot before_pinyin
		if [ -n "$NO_PINYIN" ]; then
			skip "zhangsanfeng typed, 张三丰 picked by the digit on screen, saved" "$NO_PINYIN"
		else
			keys zhangsanfeng
			if SCR_TIMEOUT=30 scr_wait '.张三丰'; then
				DIGIT=$(scr_show | grep -o '[1-9]\.张三丰' | head -1 | cut -c1)
				ok "zhangsanfeng offers 张三丰 as $DIGIT: $(scr_show | grep -o '1\..*张三丰.*' | head -1 | sed 's/[ >]*$//')"
			else
				DIGIT=""
				not_ok "zhangsanfeng offers 张三丰 on the candidate line" "$(scr_show | sed 's/^/| /')"
			fi
			expect_changed before_pinyin candidates "the candidates show in foot"
			if [ -n "$DIGIT" ]; then
				keys "$DIGIT"
				expect_row_has "*访客" 张三丰 "$DIGIT picks 张三丰 into 访客"
				expect_changed candidates picked "张三丰 shows in foot"
				keys "$TAB$TAB" 1 "$F2"
				expect_screen "$(printf "$(zh 'Checked in: %s. Slip code:')" 张三丰)" "F2 saves 张三丰"
				expect_visits 张三丰 1 "the database holds the visitor 张三丰, typed as zhangsanfeng"
			fi
		fi
	fi
	kiosk_stop
fi
_tmux kill-server 2>/dev/null
if wait_for 10 gone "$SERVER"; then
	ok "the tmux server and hubdesk in it ended"
else
	not_ok "the tmux server ends" "$(ps -o pid,stat,args -p "$SERVER")"
fi
echo "# part 2 took $(($(date +%s) - t0)) s"

# Nothing the test started runs on.
# shellcheck disable=SC2086
if gone $STARTED_PIDS && [ -z "$(for p in $STARTED_PIDS; do descendants "$p"; done)" ]; then
	ok "every process the test started has ended"
else
	not_ok "every process the test started has ended" "$(ps -o pid,stat,args -p "$(echo $STARTED_PIDS | tr ' ' ,)")"
fi
echo "# the kiosk test took $(($(date +%s) - STARTED)) s"
done_testing
