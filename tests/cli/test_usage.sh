# SPDX-License-Identifier: GPL-3.0-or-later
# test_usage.sh - global options, unknown commands, HUBDESK_NOW and the
# interface language of the command line.
. "$(dirname "$0")/../lib.sh"

hd init 2>/dev/null
start=$(db_digest)

# Global options and commands.
expect_rc 2 "an unknown global option" hd --bogus org list
expect_err "--bogus" "the message names the option"
expect_eq "$(cat "$T/out")" "" "nothing on stdout"
expect_rc_err 2 '--bogus' "an unknown global option first" "$HUBDESK" --bogus --lang en org list
expect_rc 2 "an unknown command" hd frobnicate
expect_err "frobnicate" "the message names the command"
expect_rc_err 2 'org list: unknown option --db' "a global option after the command" hd org list --db "$HUBDESK_DB"
expect_rc 2 "--db without its value" hd --db
expect_err "--db" "the message names --db"
expect_rc_err 2 '^hubdesk: --lang ' "--lang without its value" "$HUBDESK" --lang
expect_rc_err 2 '^hubdesk: --desk ' "--desk without its value" hd --desk
expect_rc_err 2 '^hubdesk: --desk needs a value$' "--desk without its value, in the --lang given before" \
	"$HUBDESK" --lang en --desk
expect_rc_err 2 '^hubdesk: unknown option --bogus' "an unknown option, in the --lang given before" \
	"$HUBDESK" --lang en --bogus org list
expect_rc_err 2 '--desk is required' "--desk with an empty name" hd --desk "" org list
for lang in xx fr EN "" ; do
	expect_rc_err 2 "^hubdesk: --lang .*$lang\$" "--lang '$lang'" "$HUBDESK" --lang "$lang" org list
done
expect_err "--lang" "the message names --lang"
expect_rc_err 2 '^hubdesk: --lang .*xx$' "--lang=xx" "$HUBDESK" --lang=xx org list
expect_rc 0 "--lang=en" "$HUBDESK" --lang=en org list
expect_rc 0 "--lang zh" "$HUBDESK" --lang zh org list
expect_rc 0 "--help" hd --help
expect_out "init" "--help lists the commands"
expect_rc 0 "--version" hd --version
expect_out "^hubdesk [0-9]" "--version prints the version"
expect_eq "$(db_digest)" "$start" "bad usage writes nothing"

# HUBDESK_NOW: a valid instant is frozen domain time; anything else exits 2.
for now in garbage 2026-11-23 2026-13-01T09:00:00+08:00 2026-11-23T25:00:00+08:00 \
	2026-11-23T09:00:00+08:00x "2026-11-23 09:00:00+08:00"; do
	expect_rc 2 "HUBDESK_NOW='$now'" env HUBDESK_NOW="$now" "$HUBDESK" --lang en config set retention.days 30
	expect_err "HUBDESK_NOW" "the message names HUBDESK_NOW"
done
expect_eq "$(db_digest)" "$start" "a command with a bad HUBDESK_NOW writes nothing"
for now in 2026-02-31T09:00:00+08:00 2026-11-31T09:00:00+08:00; do
	expect_rc 2 "HUBDESK_NOW='$now', a day not in the calendar" env HUBDESK_NOW="$now" "$HUBDESK" --lang en config get kiosk.mode
	expect_err "HUBDESK_NOW" "the message names HUBDESK_NOW"
done
expect_rc 0 "HUBDESK_NOW in UTC" env HUBDESK_NOW=2027-01-02T03:04:05Z "$HUBDESK" config set retention.days 30
expect_eq "$(sql "SELECT at FROM audit WHERE action = 'config.set' ORDER BY id DESC LIMIT 1")" 1798859045 \
	"the audit time is the frozen instant"
expect_rc 0 "HUBDESK_NOW with an offset" env HUBDESK_NOW=2027-01-02T11:04:05+08:00 "$HUBDESK" config set retention.days 31
expect_eq "$(sql "SELECT at FROM audit WHERE action = 'config.set' ORDER BY id DESC LIMIT 1")" 1798859045 \
	"the offset is honoured"
expect_rc 0 "an empty HUBDESK_NOW means the real clock" env HUBDESK_NOW= "$HUBDESK" config set retention.days 32
at=$(sql "SELECT at FROM audit WHERE action = 'config.set' ORDER BY id DESC LIMIT 1")
now=$(date +%s)
if [ $((now - at)) -ge 0 ] && [ $((now - at)) -le 60 ]; then ok "the audit time is now"; else not_ok "the audit time is now: $at vs $now"; fi

# Language: English by --lang en or an English locale; otherwise Chinese.
expect_rc 2 "--lang en" "$HUBDESK" --lang en frobnicate
cp "$T/err" "$T/err.en"
expect_err "unknown command" "--lang en gives English messages"
expect_rc 2 "an English locale" env LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 "$HUBDESK" frobnicate
expect_eq "$(cat "$T/err")" "$(cat "$T/err.en")" "an English locale gives English messages"
expect_rc 0 "a locale that is not UTF-8" env LC_ALL=C LANG=C "$HUBDESK" config get kiosk.mode
expect_eq "$(cat "$T/out")" off "hubdesk still works without a UTF-8 locale"
if [ -f "$TOP/po/zh_CN.po" ] && [ -f "$TOP/build/locale/zh_CN/LC_MESSAGES/hubdesk.mo" ] &&
	grep -q '^msgid "unknown command %s' "$TOP/po/zh_CN.po"; then
	# chinese WHAT: the last stderr is a message other than the English
	# one, with Chinese in it.
	chinese() {
		if [ -s "$T/err" ] && ! cmp -s "$T/err" "$T/err.en" &&
			[ "$(tr -d '\000-\177' <"$T/err" | wc -c)" -gt 0 ]; then
			ok "$1 gives Chinese messages"
		else
			not_ok "$1 gives Chinese messages" "stderr: $(cat "$T/err")"
		fi
	}
	expect_rc_err 2 'frobnicate' "the C.UTF-8 locale" "$HUBDESK" frobnicate
	chinese "the C.UTF-8 locale"
	expect_rc_err 2 'frobnicate' "--lang zh in an English locale" env LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 "$HUBDESK" --lang zh frobnicate
	chinese "--lang zh"
	expect_rc_err 2 'frobnicate' "a Chinese locale" env LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 "$HUBDESK" frobnicate
	chinese "a zh_CN locale"
else
	skip "Chinese messages" "no Chinese catalogue built yet"
fi

# --desk is a name: 1 to 20 characters, no control characters (an escape
# sequence, a bell, a bidi override) - nothing of it is stored.
start=$(db_digest)
expect_rc 2 "--desk with an escape sequence and a bell" hd --desk "$(printf 'a\033]0;x\007b')" visitor checkin --name 张三 --purpose 1 --no-print
expect_err "^hubdesk: --desk: .*control" "the refusal names --desk and the control characters"
expect_rc 2 "--desk with a right-to-left override" hd --desk "$(printf 'x\342\200\256y')" visitor checkin --name 张三 --purpose 1 --no-print
expect_err "^hubdesk: --desk" "the refusal names --desk"
expect_rc 2 "--desk of 21 characters" hd --desk 一二三四五六七八九十一二三四五六七八九十一 visitor checkin --name 张三 --purpose 1 --no-print
expect_err "20" "the refusal says 20 characters at most"
expect_rc_err 2 '--desk is required' "an empty --desk" hd --desk "" visitor checkin --name 张三 --purpose 1 --no-print
expect_eq "$(db_digest)" "$start" "refused desk names store nothing"
expect_rc 0 "--desk 前台1" hd --desk 前台1 visitor checkin --name 张三 --purpose 1 --no-print
expect_eq "$(sql "SELECT desk FROM audit ORDER BY id DESC LIMIT 1")" 前台1 "the audit has the desk 前台1"

# A record named by a number or a code: anything else is bad usage (2),
# not a forgery (5); a number out of range too; a code that fails is 5.
hd visitor checkin --name 张三 --purpose 1 --no-print >/dev/null 2>&1
for arg in abc 0 -1 99999999999999999999 12abc "$(printf 'x\033[2J')"; do
	shown=$(printf '%s' "$arg" | tr -d '\033')
	expect_rc 2 "visitor checkout '$shown'" hd visitor checkout "$arg"
	expect_err "Visit" "the refusal of '$shown' names the visit"
	expect_rc_err 2 'booking cancel: .*ID' "booking cancel '$shown'" hd booking cancel "$arg"
	expect_rc_err 2 'team review: ID must be a number' "team review '$shown'" hd team review "$arg"
	expect_rc_err 2 'staff disable: ID must be a number' "staff disable '$shown'" hd staff disable "$arg"
	expect_rc_err 2 'closure remove: ID must be a number' "closure remove '$shown'" hd closure remove "$arg"
done
if grep -q "$(printf '\033')" "$T/err"; then not_ok "the echoed argument has no escape character"; else
	ok "the echoed argument has no escape character"; fi
# A genuine code with its last character changed: the MAC fails.
altered() { _c=$(token_for "$1" "$2"); case $_c in *0) echo "${_c%?}1" ;; *) echo "${_c%?}0" ;; esac; }
expect_rc_err 5 'not a genuine code of this centre' "visitor checkout of a visit's code with its last character changed" \
	hd visitor checkout "$(altered V 1)"
expect_rc_err 5 'not a genuine code of this centre' "booking cancel of a booking's code changed and in lower case" \
	hd booking cancel "$(altered B 1 | tr A-Z a-z)"

done_testing
