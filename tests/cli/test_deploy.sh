#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_deploy.sh - the systemd units of deploy/ (the desk on a console,
# the nightly maintenance and its timer) pass systemd-analyze verify, with
# the programs they start pointed at this build; the desk's unit starts
# deploy/hubdesk-kiosk (cage, foot, hubdesk: tests/kiosk/test_kiosk_cage.sh
# runs it) with no system input method; and the maintenance they run works
# on a database of its own.
. "$(dirname "$0")/../lib.sh"

if ! command -v systemd-analyze >/dev/null 2>&1; then
	not_ok "systemd-analyze is installed (make deps installs systemd)"
	done_testing
fi

U="$T/units"
mkdir -p "$U"
for f in "$TOP"/deploy/*.service "$TOP"/deploy/*.timer; do
	# The programs the units start are this tree's: the desk's script from
	# deploy/, hubdesk this build.
	sed -e "s|/usr/local/bin/hubdesk-kiosk|$TOP/deploy/hubdesk-kiosk|g" \
		-e "s|/usr/local/bin/hubdesk\([^-]\)|$HUBDESK\1|g" -e "s|/usr/local/bin/hubdesk\$|$HUBDESK|" \
		"$f" >"$U/$(basename "$f")"
done
cp "$U/hubdesk-desk@.service" "$U/hubdesk-desk@tty1.service"
for unit in hubdesk-desk@tty1.service hubdesk-maintain.service hubdesk-maintain.timer; do
	run env SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "$U/$unit"
	if [ "$RC" = 0 ] && [ ! -s "$T/err" ]; then
		ok "$unit passes systemd-analyze verify"
	else
		not_ok "$unit passes systemd-analyze verify" "$(cat "$T/err")"
	fi
done

expect_eq "$(grep -c '^Restart=always' "$TOP/deploy/hubdesk-desk@.service")" 1 \
	"the desk starts again whatever ends it (no shell to fall back to)"
expect_eq "$(grep -c '^Conflicts=getty@%i.service' "$TOP/deploy/hubdesk-desk@.service")" 1 \
	"the desk takes the console's place of the login prompt"
expect_eq "$(sed -n 's/^ExecStart=//p' "$TOP/deploy/hubdesk-desk@.service")" \
	"/usr/local/bin/hubdesk-kiosk %I" "the desk's unit starts hubdesk-kiosk on its console"
expect_eq "$(grep -c -i -e fcitx -e ibus -e XMODIFIERS -e IM_MODULE "$TOP/deploy/hubdesk-desk@.service")" 0 \
	"the desk's unit sets up no system input method (cage has no input-method protocol)"
if sh -n "$TOP/deploy/hubdesk-kiosk" 2>"$T/err" && [ -x "$TOP/deploy/hubdesk-kiosk" ]; then
	ok "deploy/hubdesk-kiosk is an executable shell script"
else
	not_ok "deploy/hubdesk-kiosk is an executable shell script" "$(cat "$T/err")"
fi
expect_eq "$(grep -c '^exec cage -- foot' "$TOP/deploy/hubdesk-kiosk")" 1 \
	"hubdesk-kiosk is cage showing foot"
expect_eq "$(grep -c 'spawn-terminal=none' "$TOP/deploy/hubdesk-kiosk")" 1 \
	"foot's key for a new terminal (a shell beside the desk) is off"
expect_eq "$(sed -n 's/^ExecStart=//p' "$TOP/deploy/hubdesk-maintain.service")" \
	"/usr/local/bin/hubdesk maintain" "the timer's service runs hubdesk maintain"

# What the timer runs, on a database of its own.
hd init --demo 2>/dev/null
expect_rc 0 "hubdesk maintain as the nightly service runs it" hd maintain
if on_pg; then
	# README: on PostgreSQL the district copies with pg_dump; maintain
	# keeps no copies.
	expect_err "backups: 0 made, 0 kept" "it makes no copy of a PostgreSQL database"
else
	expect_err "backups: 1 made" "it makes the night's copy"
fi
done_testing
