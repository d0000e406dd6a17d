#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_file_modes.sh - every file hubdesk makes is its owner's alone, whatever
# the umask it is started with (022 here): the database and its lock, the
# daily copies and their folder, a copy by `backup PATH`, the spool folder
# and the documents saved in it, a report written to a file: files 0600,
# folders 0700. (SQLite gives the WAL and journal the database's mode.)
. "$(dirname "$0")/../lib.sh"
sqlite_only "the modes of the files of a SQLite database"

umask 022
D="$T/desk"
mkdir "$D"
export HUBDESK_DB="$D/hubdesk.db"
expect_rc 0 "init --demo" hd init --demo
expect_rc 0 "a check-in whose slip is saved in the spool (no printer)" \
	hd visitor checkin --name 张三 --purpose 1
expect_rc 0 "maintain makes the daily copy" hd maintain
expect_rc 0 "backup PATH" hd backup "$D/copy.db"
expect_rc 0 "a report to a file" hd report --month 2026-11 --pdf "$D/report.pdf"
modes=$(cd "$D" && find . -mindepth 1 -exec stat -c '%a %n' {} + | sort -k2)
expect_eq "$(printf '%s\n' "$modes" | grep -vc '^600 ')" \
	"$(cd "$D" && find . -mindepth 1 -type d | wc -l | tr -d ' ')" "every file is 0600"
expect_eq "$(printf '%s\n' "$modes" | grep -v '^600 ' | grep -vc '^700 ')" 0 "every folder is 0700"
for f in hubdesk.db hubdesk.db.lock copy.db report.pdf; do
	expect_eq "$(stat -c %a "$D/$f" 2>/dev/null)" 600 "$f is 0600"
done
for d in backups spool; do
	expect_eq "$(stat -c %a "$D/$d" 2>/dev/null)" 700 "$d/ is 0700"
done
expect_eq "$(ls "$D/backups" | grep -c '\.db$') $(ls "$D/spool" | grep -c .)" "1 1" \
	"the daily copy and the saved slip are there"
done_testing
