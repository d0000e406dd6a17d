# SPDX-License-Identifier: GPL-3.0-or-later
# test_baddb.sh - databases hubdesk must not use: missing, foreign, damaged,
# from a newer hubdesk, a folder, unwritable. Each exits 1 with a message and
# leaves the file byte-identical.
. "$(dirname "$0")/../lib.sh"
sqlite_only "missing, foreign, damaged and newer SQLite files"

D="$T/dbs"
mkdir -p "$D"

# untouched PATH SUM WHAT: the file still has checksum SUM and no -wal or
# -shm file was left beside it.
untouched() {
	expect_eq "$(file_sum "$1")" "$2" "$3: the file is byte-identical"
	if [ -e "$1-wal" ] || [ -e "$1-shm" ] || [ -e "$1-journal" ]; then
		not_ok "$3: no -wal, -shm or -journal file is left" "$(ls "$D")"
	else
		ok "$3: no -wal, -shm or -journal file is left"
	fi
}

# refused_db PATH WHAT PATTERN: every kind of command exits 1 on PATH with a
# message matching PATTERN, and the file stays as it was.
refused_db() {
	_sum=$(file_sum "$1")
	expect_rc 1 "org list on $2" hd --db "$1" org list
	expect_err "$3" "org list on $2: the message says why"
	expect_eq "$(cat "$T/out")" "" "org list on $2: nothing on stdout"
	expect_rc 1 "org add on $2" hd --db "$1" org add --name 新机构 --kind 2
	expect_rc 1 "config get on $2" hd --db "$1" config get retention.days
	expect_rc 1 "config set on $2" hd --db "$1" config set retention.days 30
	expect_rc 1 "room add on $2" hd --db "$1" room add --name 会议室 --kind 1 --capacity 5
	expect_rc 1 "init on $2" hd --db "$1" init
	expect_rc 1 "init --demo on $2" hd --db "$1" init --demo
	untouched "$1" "$_sum" "$2"
}

# A missing file: exit 1 pointing to init, and no file made.
expect_rc 1 "org list on a missing database" hd --db "$D/missing.db" org list
expect_err "init" "the message mentions hubdesk init"
expect_rc 1 "room list on a missing database" hd --db "$D/missing.db" room list
expect_rc 1 "config get on a missing database" hd --db "$D/missing.db" config get retention.days
expect_rc 1 "org list on HUBDESK_DB missing" hd org list
expect_err "init" "the message mentions hubdesk init"
if [ -e "$D/missing.db" ] || [ -e "$HUBDESK_DB" ]; then
	not_ok "no database file is made by other commands than init"
else
	ok "no database file is made by other commands than init"
fi

# An empty file is a database not yet initialised.
: >"$D/empty.db"
expect_rc 1 "org list on an empty file" hd --db "$D/empty.db" org list
expect_err "init" "the message mentions hubdesk init"
if [ -s "$D/empty.db" ]; then not_ok "the empty file stays empty"; else ok "the empty file stays empty"; fi

# A foreign SQLite database.
sqlite3 "$D/foreign.db" "CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('keep me');"
refused_db "$D/foreign.db" "a foreign SQLite file" "another program|not a hubdesk"
expect_eq "$(sqlite3 "$D/foreign.db" "SELECT x FROM notes")" "keep me" "the foreign data is intact"
sqlite3 "$D/foreign-wal.db" "PRAGMA journal_mode = WAL; CREATE TABLE t(x); PRAGMA application_id = 42;" >/dev/null
refused_db "$D/foreign-wal.db" "a foreign SQLite file with an application id" "another program|not a hubdesk"

# Files that are no database.
head -c 8192 /dev/urandom >"$D/random.db"
refused_db "$D/random.db" "a file of random bytes" "damaged|not a hubdesk"
printf 'name,phone\n王丽,13812345678\n' >"$D/text.db"
refused_db "$D/text.db" "a text file" "damaged|not a hubdesk"

# A hubdesk database, damaged three ways.
hd --db "$D/good.db" init --demo 2>/dev/null
cp "$D/good.db" "$D/header.db"
# ff N: N bytes of 0xFF (fixed garbage, so that the damage is always seen).
ff() { head -c "$1" /dev/zero | tr '\000' '\377'; }
ff 100 | dd of="$D/header.db" bs=100 count=1 conv=notrunc 2>/dev/null
refused_db "$D/header.db" "a hubdesk database with its header overwritten" "damaged"
cp "$D/good.db" "$D/short.db"
truncate -s 20000 "$D/short.db"
refused_db "$D/short.db" "a truncated hubdesk database" "damaged"
cp "$D/good.db" "$D/page.db"
page=$(sqlite3 "$D/good.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'org'")
size=$(sqlite3 "$D/good.db" "PRAGMA page_size")
ff "$size" | dd of="$D/page.db" bs="$size" seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
sum=$(file_sum "$D/page.db")
expect_rc 1 "org list on a hubdesk database with a damaged table" hd --db "$D/page.db" org list
expect_err "damaged" "the message says the database is damaged"
expect_rc 1 "org add on a hubdesk database with a damaged table" hd --db "$D/page.db" org add --name 新机构 --kind 2
untouched "$D/page.db" "$sum" "a hubdesk database with a damaged table"

# A database from a newer hubdesk.
cp "$D/good.db" "$D/newer.db"
v=$(sqlite3 "$D/newer.db" "PRAGMA user_version")
sqlite3 "$D/newer.db" "PRAGMA user_version = $((v + 1))"
refused_db "$D/newer.db" "a database of a newer hubdesk" "newer hubdesk"
expect_eq "$(sqlite3 "$D/newer.db" "PRAGMA user_version")" $((v + 1)) "its user_version is kept"

# Not a file.
mkdir "$D/folder.db"
expect_rc 1 "org list on a folder" hd --db "$D/folder.db" org list
expect_rc 1 "init on a folder" hd --db "$D/folder.db" init
expect_eq "$(ls -A "$D/folder.db")" "" "nothing is made inside the folder"
expect_rc 1 "org list on /dev/null" hd --db /dev/null org list

# A path in a missing folder.
expect_rc 1 "init in a missing folder" hd --db "$D/no/such/folder/h.db" init
expect_err "folder" "the message says the folder is missing"
if [ -e "$D/no" ]; then not_ok "the missing folder is not made"; else ok "the missing folder is not made"; fi
expect_rc 1 "org list in a missing folder" hd --db "$D/no/such/folder/h.db" org list

# Unwritable files and folders. Root ignores permissions: run those checks as
# nobody through setpriv when we are root.
if [ "$(id -u)" != 0 ]; then
	as_user() { "$@"; }
	can_drop=yes
elif command -v setpriv >/dev/null 2>&1 &&
	setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	can_drop=yes
else
	can_drop=no
fi
R="$T/ro"
if [ "$can_drop" = yes ]; then
	mkdir -p "$R/folder"
	hd --db "$R/folder/h.db" init 2>/dev/null
	hd --db "$R/folder/h.db" org add --name 甲机构 --kind 2 >/dev/null 2>&1
	if [ "$(id -u)" = 0 ]; then
		chmod 711 "$T"
		chmod 755 "$R"
		chown -R 65534:65534 "$R/folder"
	fi
	at_exit "chmod -R u+w '$R'"
	if ! as_user test -x "$HUBDESK"; then
		skip "unwritable databases" "the unprivileged user cannot run $HUBDESK"
	else
		chmod 555 "$R/folder"
		sum=$(file_sum "$R/folder/h.db")
		expect_rc 1 "org list in a read-only folder" as_user "$HUBDESK" --lang en --db "$R/folder/h.db" org list
		expect_err "writ|read-only" "the message says the folder must be writable"
		expect_rc 1 "org add in a read-only folder" as_user "$HUBDESK" --lang en --db "$R/folder/h.db" \
			org add --name 乙机构 --kind 2
		expect_rc 1 "init of a new database in a read-only folder" as_user "$HUBDESK" --lang en \
			--db "$R/folder/new.db" init
		if [ -e "$R/folder/new.db" ]; then not_ok "no file is made in the read-only folder"; else ok "no file is made in the read-only folder"; fi
		untouched "$R/folder/h.db" "$sum" "a database in a read-only folder"
		chmod 755 "$R/folder"
		chmod 444 "$R/folder/h.db"
		expect_rc 1 "org add on a read-only file" as_user "$HUBDESK" --lang en --db "$R/folder/h.db" \
			org add --name 乙机构 --kind 2
		expect_err "h[.]db" "the message names the file"
		chmod 000 "$R/folder/h.db"
		expect_rc 1 "org list on an unreadable file" as_user "$HUBDESK" --lang en --db "$R/folder/h.db" org list
		chmod 644 "$R/folder/h.db"
		expect_eq "$(sqlite3 "$R/folder/h.db" "SELECT group_concat(name) FROM org")" 甲机构 \
			"nothing was added to the unwritable database"
	fi
else
	skip "unwritable databases" "running as root without setpriv"
fi

# The good database still works after all this.
expect_rc 0 "the good database still opens" hd --db "$D/good.db" org list
expect_lines 13 "and lists its 12 organisations"

done_testing
