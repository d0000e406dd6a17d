#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_terminal_output.sh - text from the database never acts on the
# terminal: records holding an escape sequence (OSC title, with BEL), a C1
# control, a right-to-left override and invalid UTF-8 (written straight
# into the database, as a damaged or hostile file could hold them) are
# printed by every list, export and report command on a terminal (a pty
# made by script(1)) with those characters shown as U+FFFD; to a pipe the
# export keeps the stored bytes; an argument echoed in an error is shown
# the same way.
. "$(dirname "$0")/../lib.sh"

need_tools script sqlite3
HUBDESK_NOW=2026-11-23T09:00:00+08:00
export HUBDESK_NOW
hd init --demo >/dev/null 2>&1
# PostgreSQL refuses invalid UTF-8 in text: there the invalid byte is left
# out (a server's database cannot hold it).
INVALID=$(printf '\377')
on_pg && INVALID=
BAD="x$(printf '\033]0;pwned\007')y$(printf '\302\233')z$(printf '\342\200\256')w${INVALID}v"
sql "UPDATE org SET name = '$BAD' || id, contact = '$BAD' WHERE id = 1;
     UPDATE team SET name = '$BAD' || id, committee = '$BAD' WHERE id = 1;
     UPDATE room SET name = '$BAD' WHERE id = 1;
     UPDATE setting SET value = '$BAD' WHERE key = 'centre.name';"
"$HUBDESK" visitor checkin --name 张三 --purpose 1 --whom 王老师 --no-print >/dev/null 2>&1
sql "UPDATE person SET name = '$BAD'; UPDATE visitee SET name = '$BAD'"
"$HUBDESK" booking add --room 1 --org 1 --start '2026-11-24 10:00' --end '2026-11-24 11:00' \
	--purpose 会议 --no-print >/dev/null 2>&1

# on_tty CMD...: runs hubdesk CMD on a pty; its output in $T/tty.
on_tty() {
	_cmd="'$HUBDESK'"
	for _a in "$@"; do _cmd="$_cmd '$_a'"; done
	script -qec "$_cmd" /dev/null </dev/null >"$T/tty" 2>&1
}

hostile() {
	LC_ALL=C grep -c "$(printf '\033]0\|\302\233\|\342\200\256\|\377\|\007')" "$1"
}

for cmd in "org list" "team list" "room list" "visitor list" "booking list --date 2026-11-24" \
	"export orgs" "export teams" "export rooms" "export visits" "export bookings" "export ical" \
	"report --month 2026-11" "report --month 2026-11 --csv" "config get centre.name" "config list" \
	"team list --roll" "staff list"; do
	# shellcheck disable=SC2086
	on_tty $cmd
	expect_eq "$(hostile "$T/tty")" 0 "$cmd on a terminal shows no control, override or invalid byte"
done
on_tty org list
if grep -q "$(printf '\357\277\275')" "$T/tty"; then ok "they are shown as U+FFFD"; else
	not_ok "they are shown as U+FFFD" "$(od -c "$T/tty" | head -5)"; fi
expect_eq "$(grep -c '张三\|x.*y.*z.*w.*v1' "$T/tty")" 1 "the rest of the name shows"

"$HUBDESK" export orgs >"$T/orgs.csv" 2>/dev/null
if [ "$(hostile "$T/orgs.csv")" -gt 0 ]; then ok "to a file, export keeps the stored bytes"; else
	not_ok "to a file, export keeps the stored bytes"; fi
# A progress line is the program's own: its carriage returns act, and it
# shows no U+FFFD (an import of 450 rooms: progress at 200 and 400 rows).
{
	echo "名称,类型,容量"
	i=1
	while [ "$i" -le 450 ]; do
		echo "进度测试室$i,会议室,10"
		i=$((i + 1))
	done
} >"$T/rooms.csv"
on_tty import rooms "$T/rooms.csv"
expect_eq "$(LC_ALL=C grep -c "$(printf '\r')正在检查 400/450" "$T/tty")" 1 \
	"import on a terminal: the check's progress comes back to the line's start"
expect_eq "$(LC_ALL=C grep -c "$(printf '\r')正在导入 450/450" "$T/tty")" 1 \
	"import on a terminal: the saving's progress ends at 450/450"
expect_eq "$(LC_ALL=C grep -c "$(printf '\357\277\275')" "$T/tty")" 0 \
	"import on a terminal: its progress shows no U+FFFD"
on_tty report --month 2026-11
expect_eq "$(LC_ALL=C grep -c "$(printf '\357\277\275')生成报表\|$(printf '\357\277\275') " "$T/tty")" 0 \
	"report on a terminal: its progress shows no U+FFFD"

on_tty team review "$(printf 'x\033[2Jy')"
expect_eq "$(LC_ALL=C grep -c "$(printf '\033\\[2J')" "$T/tty")" 0 "an argument echoed in an error is shown safely"
done_testing
