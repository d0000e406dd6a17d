# SPDX-License-Identifier: GPL-3.0-or-later
# test_backup.sh - hubdesk backup PATH | restore PATH and the daily copies of
# `maintain`: a copy taken while another desk keeps checking visitors in is
# whole and holds every visit finished before it started; a restore round
# trip keeps the replaced database; restore is refused while the full-screen
# app has the database open and allowed once it quits; a missing, foreign or
# damaged copy leaves the database untouched; maintain makes one copy a day,
# erases a visitor erased on request from the database and the copies (the
# bytes too), and removes the copies older than retention.days.
. "$(dirname "$0")/../lib.sh"
sqlite_only "copies of a SQLite file, their integrity and the daily copies"
. "$(dirname "$0")/../screen/lib.sh"

DB=$HUBDESK_DB
COPY="$T/copy.db"
TAB=$(printf '\t')

# file_count TEXT FILE: how many lines of the (binary) file hold the bytes.
file_count() {
	grep -a -c -F -- "$1" "$2" 2>/dev/null || true
}

# bytes_in TEXT FILE...: the total count over the files that exist.
bytes_in() {
	_text=$1 _sum=0
	shift
	for _f in "$@"; do
		[ -f "$_f" ] || continue
		_sum=$((_sum + $(file_count "$_text" "$_f")))
	done
	echo "$_sum"
}

# kept_files: the databases restore kept (among the daily copies, so that
# maintenance erases and removes them too), one a line.
kept_files() {
	ls "$(dirname "$DB")"/backups/hubdesk-*-before-restore-*.db 2>/dev/null
}

# damage FILE: garbage over the page of the person table (in use) and the
# middle of the file.
damage() {
	_page=$(sqlite3 -batch -noheader "$1" 'PRAGMA page_size')
	_root=$(sqlite3 -batch -noheader "$1" "SELECT rootpage FROM sqlite_schema WHERE name = 'person'")
	_pages=$(sqlite3 -batch -noheader "$1" 'PRAGMA page_count')
	python3 - "$1" "$(((_root - 1) * _page + 16))" "$((_page - 32))" "$((_pages / 2 * _page + 100))" <<'EOF'
import sys
path, a, n, b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
junk = bytes((i * 151 + 77) & 255 for i in range(max(n, 2000)))
with open(path, "r+b") as f:
    f.seek(a); f.write(junk[:n])
    f.seek(b); f.write(junk[:2000])
EOF
}

hd init --demo >/dev/null 2>&1 || not_ok "init --demo"

# Two visitors whose bytes are looked for later; first make sure the demo
# data holds none of them, so a count of 0 means something.
P_NAME=上官飞燕 P_PHONE=13712340922
Q_NAME=公孙止水 Q_PHONE=13712340933
L_NAME=司徒后来 L_PHONE=13712340911
expect_eq "$(bytes_in "$P_PHONE" "$DB")$(bytes_in "$P_NAME" "$DB")$(bytes_in "$L_PHONE" "$DB")" 000 \
	"the demo data holds none of the test visitors' bytes"
expect_rc 0 "a visitor to erase later" hd visitor checkin --name "$P_NAME" --phone "$P_PHONE" --purpose 1 --no-print
P_VISIT=$(cut -f1 "$T/out")
expect_rc 0 "a visitor who stays" hd visitor checkin --name "$Q_NAME" --phone "$Q_PHONE" --purpose 2 --no-print

# --- A backup while another desk keeps checking visitors in.
: >"$T/loop-out"
: >"$T/loop-rc"
(
	i=0
	while [ ! -f "$T/stop" ] && [ "$i" -lt 400 ]; do
		"$HUBDESK" --desk loop visitor checkin --name "访客$i" --purpose 1 --no-print \
			</dev/null >>"$T/loop-out" 2>>"$T/loop-err"
		echo "$?" >>"$T/loop-rc"
		i=$((i + 1))
	done
) &
LOOP=$!
at_exit "kill $LOOP"
# has_lines N FILE: FILE has N lines or more (for wait_for).
has_lines() { [ "$(wc -l <"$2")" -ge "$1" ]; }
wait_for 15 has_lines 5 "$T/loop-rc"
# Several copies, each taken while the loop runs, each checked afterwards.
ROUNDS=4
k=1
while [ "$k" -le "$ROUNDS" ]; do
	cp "$T/loop-out" "$T/done-before-$k"
	expect_rc 0 "hubdesk backup PATH while another desk checks visitors in ($k)" hd backup "$T/copy-$k.db"
	n_after=$(wc -l <"$T/loop-rc")
	wait_for 15 has_lines $((n_after + 2)) "$T/loop-rc"
	k=$((k + 1))
done
expect_err "$T/copy-$ROUNDS.db" "backup says where the copy is"
touch "$T/stop"
wait "$LOOP"
cp "$T/copy-$ROUNDS.db" "$COPY"
n_before=$(wc -l <"$T/done-before-1" | tr -d ' ')
n_loop=$(wc -l <"$T/loop-rc" | tr -d ' ')
if [ "$n_before" -ge 5 ] && [ "$n_loop" -ge $((n_before + 2 * ROUNDS)) ]; then
	ok "the other desk checked in before and between the backups ($n_loop visits)"
else
	not_ok "the check-in loop ran before and between the backups" "$n_before, $n_loop" "$(head -5 "$T/loop-err")"
fi
expect_eq "$(sort -u "$T/loop-rc" | tr -d '\n')" 0 "every check-in of the other desk succeeded, during the backups too"
k=1
while [ "$k" -le "$ROUNDS" ]; do
	c="$T/copy-$k.db"
	if [ -e "$c-wal" ] || [ -e "$c.part" ] || [ -e "$c-journal" ]; then
		not_ok "copy $k is one file" "$(ls -la "$T")"
	else
		ok "copy $k is one file (no -wal, -journal or .part beside it)"
	fi
	expect_eq "$(sqlite3 "$c" 'PRAGMA integrity_check')" ok "copy $k passes integrity_check"
	missing=0
	for id in $(cut -f1 "$T/done-before-$k"); do
		[ "$(sqlite3 -batch -noheader "$c" "SELECT count(*) FROM visit WHERE id = $id")" = 1 ] ||
			missing=$((missing + 1))
	done
	expect_eq "$missing" 0 "copy $k holds every visit whose check-in had finished before its backup started ($(wc -l <"$T/done-before-$k" | tr -d ' '))"
	k=$((k + 1))
done
copy_visits=$(sqlite3 -batch -noheader "$COPY" 'SELECT count(*) FROM visit')
expect_eq "$(sqlite3 "$COPY" 'PRAGMA journal_mode')" delete "the copy's journal mode is delete"
expect_eq "$(sqlite3 "$COPY" "SELECT name || ' ' || phone FROM person WHERE name = '$P_NAME'")" \
	"$P_NAME $P_PHONE" "the copy holds the visitors of before"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'backup'")" "$ROUNDS" "each backup is audited"

# --- Usage.
expect_rc_err 2 'backup: give the path of the copy' "backup with no path" hd backup
expect_rc_err 2 'backup: unexpected argument .*/b\.db' "backup with two paths" hd backup "$T/a.db" "$T/b.db"
expect_rc_err 2 'restore: give the path of the copy to restore' "restore with no path" hd restore
if [ -e "$T/a.db" ] || [ -e "$T/b.db" ]; then not_ok "bad usage writes nothing"; else ok "bad usage writes nothing"; fi

# --- A restore round trip.
expect_rc 0 "a visitor after the backup" hd visitor checkin --name "$L_NAME" --phone "$L_PHONE" --purpose 1 --no-print
L_VISIT=$(cut -f1 "$T/out")
total=$(sql 'SELECT count(*) FROM visit')
expect_rc 0 "hubdesk restore PATH" hd restore "$COPY"
expect_err "kept in" "restore says where the database as it was is kept"
if [ -e "$DB-wal" ] || [ -e "$DB-shm" ]; then not_ok "no stale -wal/-shm is left beside the restored database" "$(ls -la "$T")"; else
	ok "no stale -wal/-shm is left beside the restored database"; fi
expect_eq "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "the restored database passes integrity_check"
expect_eq "$(sql 'SELECT count(*) FROM visit')" "$copy_visits" "the database holds the copy's visits"
expect_eq "$(sql "SELECT count(*) FROM visit WHERE id = $L_VISIT")" 0 "the visit added after the backup is gone"
expect_rc 0 "visitor list works after the restore" hd visitor list
expect_no_out "$L_NAME" "the list lacks the visitor added after the backup"
expect_out "$Q_NAME" "the list shows a visitor of before"
KEPT1=$(kept_files | head -1)
if [ -n "$KEPT1" ] && [ -f "$KEPT1" ]; then ok "the database as it was is kept ($(basename "$KEPT1"))"; else
	not_ok "the database as it was is kept" "$(ls -la "$T")"; fi
expect_eq "$(sqlite3 "${KEPT1:-/nonexistent}" "SELECT count(*) FROM visit") $(sqlite3 "${KEPT1:-/nonexistent}" "SELECT count(*) FROM person WHERE name = '$L_NAME'")" \
	"$total 1" "the kept file holds every visit, the one after the backup too"
expect_eq "$(sqlite3 "${KEPT1:-/nonexistent}" 'PRAGMA integrity_check')" ok "the kept file passes integrity_check"
expect_rc 0 "a check-in works on the restored database" hd visitor checkin --name 再来一位 --purpose 1 --no-print

# --- Restore refused while the full-screen app runs on the database.
export HUBDESK_NOW=2026-11-23T09:05:00+08:00
scr_start 80 24
expect_line 1 首页 "the full-screen app runs (home)"
d0=$(db_digest)
s0=$(file_sum "$DB")
k0=$(kept_files | wc -l)
expect_rc 3 "restore while the app runs" hd restore "$COPY"
expect_err "in use" "the message says the database is in use"
expect_eq "$(file_sum "$DB") $(db_digest)" "$s0 $d0" "the database is untouched"
expect_eq "$(kept_files | wc -l)" "$k0" "nothing is kept when the restore is refused"
scr_keys q
expect_screen "[exit 0]" "the app quits"
expect_rc 0 "restore once the app has quit" hd restore "$COPY"
scr_stop
expect_eq "$(kept_files | wc -l)" $((k0 + 1)) "that restore kept the database too"
# A second restore at the same instant keeps its own file, not over the first.
before_same=$(kept_files | xargs cksum 2>/dev/null | sort)
expect_rc 0 "another restore the same second" hd restore "$COPY"
after_same=$(kept_files | xargs cksum 2>/dev/null | sort)
lost=$(printf '%s\n' "$before_same" | while read -r line; do printf '%s\n' "$after_same" | grep -Fqx -- "$line" || echo "$line"; done)
if [ -z "$lost" ] && [ "$(kept_files | wc -l)" -eq $((k0 + 2)) ]; then
	ok "two restores in one second keep two files"
else
	not_ok "BUG: a restore in the same second as the last one replaced the file that kept the database before it (the kept file has a one-second stamp and was overwritten)" \
		"kept before: $(printf '%s' "$before_same" | tr '\n' ';')" "kept after: $(printf '%s' "$after_same" | tr '\n' ';')"
fi
unset lost before_same after_same

# --- Bad copies: refused, the database untouched, nothing kept.
export HUBDESK_NOW=2026-11-23T09:10:00+08:00
printf 'name,phone\n张三,13800000000\n' >"$T/list.csv"
sqlite3 "$T/other.db" 'CREATE TABLE recipe(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO recipe(name) VALUES ("红烧肉");'
cp "$COPY" "$T/damaged.db"
damage "$T/damaged.db"
cp "$COPY" "$T/newer.db"
sqlite3 "$T/newer.db" 'PRAGMA user_version = 999'
sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
d0=$(db_digest)
s0=$(file_sum "$DB")
k0=$(kept_files | wc -l)
for bad in "$T/missing.db" "$T/list.csv" "$T/other.db" "$T/damaged.db" "$T/newer.db"; do
	what="restore of $(basename "$bad")"
	case $bad in
	*/missing.db) why="; give the path of a copy" ;;
	*/list.csv) why="is not a hubdesk database, or it is damaged; it cannot be restored" ;;
	*/other.db) why="is a database of another program; it cannot be restored" ;;
	*/damaged.db) why="is damaged" ;;
	*) why="was written by a newer hubdesk" ;;
	esac
	run hd restore "$bad"
	case $RC in
	1 | 2) ok "$what is refused (exit $RC)" ;;
	*) not_ok "$what: exit $RC, expected 1 or 2" "stderr: $(cat "$T/err")" ;;
	esac
	if grep -F -- "$bad" "$T/err" | grep -Fq -- "$why"; then ok "$what says why ($why)"; else
		not_ok "$what says why: no line names the copy and '$why'" "stderr: $(cat "$T/err")"; fi
	expect_eq "$(file_sum "$DB") $(db_digest)" "$s0 $d0" "$what leaves the database untouched"
done
expect_eq "$(kept_files | wc -l)" "$k0" "no refused restore kept a file"
expect_rc 0 "the database still works" hd visitor list

# --- maintain: one copy a day.
expect_rc 0 "maintain" hd maintain
expect_err "backups: 1 made" "the first maintain of the day makes a copy"
DAY1="$T/backups/hubdesk-2026-11-23.db"
if [ -f "$DAY1" ]; then ok "the copy is backups/hubdesk-2026-11-23.db beside the database"; else
	not_ok "the copy is backups/hubdesk-2026-11-23.db" "$(ls -laR "$T/backups" 2>&1)"; fi
expect_eq "$(sqlite3 "$DAY1" 'PRAGMA integrity_check')" ok "the daily copy passes integrity_check"
HUBDESK_NOW=2026-11-23T22:00:00+08:00 expect_rc 0 "maintain again the same day" hd maintain
expect_err "backups: 0 made, [0-9]+ kept" "the second maintain of the day makes none"
expect_eq "$(ls "$T/backups" | grep -c '^hubdesk-[0-9-]*\.db$')" 1 "one daily copy in backups/"
expect_eq "$(ls "$T/backups" | grep -c -e '-wal$' -e '\.part$')" 0 "no -wal or .part in backups/"
if [ "$(file_count "$P_PHONE" "$DAY1")" -gt 0 ] && [ "$(file_count "$P_NAME" "$DAY1")" -gt 0 ]; then
	ok "the daily copy holds the visitor to erase (so the checks below mean something)"
else
	not_ok "the daily copy holds the visitor to erase"
fi

# --- Erase on request reaches the copies: also a copy put in backups/ by
# hand, and a copy a crash left half-written (.part and its journal) is
# removed once stale; a part being written now is left alone.
cp "$DAY1" "$T/backups/before-the-move.db"
cp "$DAY1" "$T/backups/hubdesk-2026-11-22.db.part"
printf 'journal' >"$T/backups/hubdesk-2026-11-22.db.part-journal"
touch -d '2 hours ago' "$T/backups/hubdesk-2026-11-22.db.part" "$T/backups/hubdesk-2026-11-22.db.part-journal"
printf 'being written' >"$T/backups/hubdesk-2026-11-23.db.part"
printf 'notes' >"$T/backups/README.txt"
HUBDESK_NOW=2026-11-23T22:10:00+08:00 expect_rc 0 "visitor erase" hd visitor erase "$P_VISIT"
expect_err "erased, also in [0-9]+ copies of the database" "visitor erase says the copies are erased too"
expect_eq "$(bytes_in "$P_PHONE" "$T"/backups/*.db) $(bytes_in "$P_NAME" "$T"/backups/*.db)" "0 0" \
	"at once: no copy in backups/ holds the erased visitor's phone or name (before any maintain)"
HUBDESK_NOW=2026-11-23T22:20:00+08:00 expect_rc 0 "maintain after the erasure" hd maintain
expect_eq "$(ls "$T/backups" | grep -c '2026-11-22\.db\.part')" 0 "the stale part and its journal are removed"
expect_eq "$(cat "$T/backups/hubdesk-2026-11-23.db.part") $(cat "$T/backups/README.txt")" \
	"being written notes" "a part being written and a file that is no copy are left alone"
rm -f "$T/backups/hubdesk-2026-11-23.db.part" "$T/backups/README.txt"
expect_err "backups: 0 made, [0-9]+ kept \(0 visits erased in them\)" "maintain finds nothing left to erase in the kept copies"
sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
expect_eq "$(bytes_in "$P_PHONE" "$DB" "$DB-wal" "$T"/backups/*) $(bytes_in "$P_NAME" "$DB" "$DB-wal" "$T"/backups/*)" \
	"0 0" "neither the database nor the files under backups/ hold the erased visitor's phone or name"
if [ "$(bytes_in "$Q_PHONE" "$DAY1")" -gt 0 ] && [ "$(bytes_in "$Q_NAME" "$DB")" -gt 0 ]; then
	ok "another visitor stays in the database and the copy"
else
	not_ok "another visitor stays in the database and the copy"
fi
expect_eq "$(sqlite3 "$DAY1" "SELECT count(*) FROM visit WHERE id = $P_VISIT AND erased = 1")" 1 \
	"the erased visit stays counted in the copy"
n=$(bytes_in "$P_PHONE" $(kept_files))
if [ "$n" = 0 ]; then
	ok "the databases kept by restore lose the erased visitor too"
else
	not_ok "BUG: the erased visitor's phone is still in $(kept_files | grep -c .) file(s) hubdesk kept beside the database at restore (DB.before-restore-*.db, $n hits): maintain erases only backups/, but DESIGN says erased means erased from the backups hubdesk keeps" \
		"$(for f in $(kept_files); do echo "$(basename "$f"): $(file_count "$P_PHONE" "$f")"; done | tr '\n' ' ')"
fi

# --- A year later: the old daily copy is removed (retention.days 180).
expect_eq "$(hd config get retention.days)" 180 "retention.days is the default 180"
touch -d '200 days ago' "$T/backups/before-the-move.db" # a copy without a date in its name ages by its file
HUBDESK_NOW=2027-11-23T09:00:00+08:00 expect_rc 0 "maintain a year later" hd maintain
expect_err "backups: 1 made, 1 kept .*, [1-9][0-9]* removed" "a new copy, the old ones removed"
if [ -e "$T/backups/before-the-move.db" ]; then not_ok "the copy put there by hand 200 days ago is removed"; else
	ok "the copy put there by hand 200 days ago is removed"; fi
if [ -e "$DAY1" ]; then not_ok "the copy of 2026-11-23 is removed" "$(ls -la "$T/backups")"; else
	ok "the copy of 2026-11-23 is removed"; fi
if [ -f "$T/backups/hubdesk-2027-11-23.db" ]; then ok "today's copy is there"; else
	not_ok "today's copy is there" "$(ls -la "$T/backups")"; fi
sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
expect_eq "$(bytes_in "$Q_PHONE" "$DB" "$T"/backups/*)" 0 "a year-old visitor's phone is in neither the database nor backups/"
n=$(bytes_in "$L_PHONE" $(kept_files))
if [ "$n" = 0 ]; then
	ok "the databases kept by restore lose year-old visitors too"
else
	not_ok "BUG: a year after the visit of $L_NAME (retention.days 180) its phone is still in the file(s) restore kept beside the database ($n hits): the retention erase never reaches DB.before-restore-*.db" \
		"$(for f in $(kept_files); do echo "$(basename "$f"): $(file_count "$L_PHONE" "$f")"; done | tr '\n' ' ')"
fi

# --- Restoring is how a damaged or lost database comes back.
GOOD="$T/backups/hubdesk-2027-11-23.db"
export HUBDESK_NOW=2027-11-23T10:00:00+08:00
printf 'garbage over the header of the database' | dd of="$DB" bs=1 seek=0 conv=notrunc 2>/dev/null
rm -f "$DB-wal" "$DB-shm"
expect_rc 1 "a damaged database is refused" hd visitor list
expect_err "damaged" "and said to be damaged"
run hd restore "$GOOD"
if [ "$RC" = 0 ]; then
	ok "restore over a damaged database (exit 0)"
else
	not_ok "BUG: restore over a damaged database: exit $RC, expected 0 (the damage message tells the user to restore a backup, but backup_restore first copies the damaged database aside and gives up when it cannot)" \
		"stderr: $(cat "$T/err")"
fi
rm -f "$DB" "$DB-wal" "$DB-shm"
run hd restore "$GOOD"
if [ "$RC" = 0 ]; then
	ok "restore when the database file is lost (exit 0)"
else
	not_ok "BUG: restore when the database file is lost: exit $RC, expected 0 (nothing to keep aside, the copy should simply be put in place)" \
		"stderr: $(cat "$T/err")"
fi

done_testing
