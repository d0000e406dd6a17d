#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_deploy.sh - the systemd units of deploy/ (the desk on a console,
# the nightly maintenance and its timer) pass systemd-analyze verify, with
# the programs they start pointed at this build; and the maintenance they
# run works on a database of its own.
. "$(dirname "$0")/../lib.sh"

if ! command -v systemd-analyze >/dev/null 2>&1; then
	not_ok "systemd-analyze is installed (make deps installs systemd)"
	done_testing
fi

U="$T/units"
mkdir -p "$U"
for f in "$TOP"/deploy/*.service "$TOP"/deploy/*.timer; do
	# The compositor and terminal of a desk are not on a build machine:
	# /bin/true stands where they are started, hubdesk is this build.
	sed -e "s|/usr/local/bin/hubdesk|$HUBDESK|g" -e "s|/usr/bin/cage|/bin/true|" \
		-e "s|/usr/bin/foot|/bin/true|" "$f" >"$U/$(basename "$f")"
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
expect_eq "$(sed -n 's/^ExecStart=//p' "$TOP/deploy/hubdesk-maintain.service")" \
	"/usr/local/bin/hubdesk maintain" "the timer's service runs hubdesk maintain"

# What the timer runs, on a database of its own.
hd init --demo 2>/dev/null
expect_rc 0 "hubdesk maintain as the nightly service runs it" hd maintain
expect_err "backups: 1 made" "it makes the night's copy"
done_testing
