#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_backup_target.sh - `hubdesk backup PATH` writes only a regular file:
# a device (as root, /dev/full), a FIFO, a folder, a symbolic link (to a
# device or to a file) and the live database itself (or its WAL) are
# refused with exit 2 and a message naming what the path is, and each is
# left as it was; a new path or an old copy get a whole private copy.
. "$(dirname "$0")/../lib.sh"
sqlite_only "backup writes a SQLite file"

hd init --demo >/dev/null 2>&1
DB=$HUBDESK_DB

# refused WHAT PATH WORDS: backup PATH exits 2, the message has WORDS.
refused() {
	expect_rc 2 "backup to $1 is refused" hd backup "$2"
	expect_err "$3" "the message says $1 $3"
	expect_eq "$(ls "$(dirname "$2")" | grep -c '\.part$')" 0 "no part file is left beside $1"
}

if [ "$(id -u)" = 0 ] && [ -c /dev/full ]; then
	refused "/dev/full" /dev/full "not a regular file"
	if [ -c /dev/full ]; then ok "/dev/full is still a device"; else
		not_ok "/dev/full is still a device"; fi
else
	skip "backup to /dev/full" "not root, or no /dev/full"
fi
mkdir -p "$T/dir"
mkfifo "$T/fifo"
refused "a FIFO" "$T/fifo" "not a regular file"
if [ -p "$T/fifo" ]; then ok "the FIFO is still a FIFO"; else not_ok "the FIFO is still a FIFO"; fi
refused "a folder" "$T/dir" "not a regular file"
ln -s /dev/null "$T/to-null"
refused "a link to /dev/null" "$T/to-null" "symbolic link"
echo kept >"$T/file"
ln -s "$T/file" "$T/to-file"
refused "a link to a file" "$T/to-file" "symbolic link"
expect_eq "$(readlink "$T/to-file") $(cat "$T/file")" "$T/file kept" "the link and its file are as they were"
refused "the live database" "$DB" "the database itself"
ln "$DB" "$T/hard-link.db"
refused "a hard link of the live database" "$T/hard-link.db" "the database itself"
"$HUBDESK" visitor checkin --name 王五 --purpose 1 --no-print >/dev/null 2>&1
if [ -f "$DB-wal" ]; then
	refused "the live database's WAL" "$DB-wal" "the database itself"
else
	skip "backup to the WAL" "no WAL file at this moment"
fi
expect_eq "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "the database is whole"

expect_rc 0 "backup to a new path" hd backup "$T/new.db"
expect_eq "$(stat -c %a "$T/new.db")" 600 "the copy is private (0600)"
expect_eq "$(sqlite3 "$T/new.db" 'PRAGMA integrity_check')" ok "the copy is whole"
echo old >"$T/old.db"
expect_rc 0 "backup over an old regular file" hd backup "$T/old.db"
expect_eq "$(sqlite3 "$T/old.db" 'SELECT count(*) > 0 FROM room')" 1 "the old file is replaced by the copy"
done_testing
