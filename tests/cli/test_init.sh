# SPDX-License-Identifier: GPL-3.0-or-later
# test_init.sh - hubdesk init and init --demo: the new database, its pragmas
# and secret key, the default path, the demo data and its refusal.
. "$(dirname "$0")/../lib.sh"

# seen: every output so far, to show the secret key is never printed.
seen() { cat "$T/out" "$T/err" >>"$T/seen"; }

# A new database.
expect_rc 0 "init makes a new database" hd init
seen
expect_err "new database" "init says it made a new database"
if on_pg; then
	expect_eq "$(sql "SELECT pg_typeof(value)::text || ' ' || octet_length(value) FROM meta WHERE key = 'secret'")" \
		"bytea 32" "meta holds a secret key of 32 bytes"
else
	if [ -f "$HUBDESK_DB" ]; then ok "the database file exists"; else not_ok "the database file exists"; fi
	expect_eq "$(sql 'PRAGMA journal_mode')" wal "journal_mode is wal"
	expect_eq "$(sql 'PRAGMA application_id')" 1213547076 "application_id is 1213547076 (HUBD)"
	v=$(sql 'PRAGMA user_version')
	if [ "${v:-0}" -ge 1 ] 2>/dev/null; then ok "user_version $v >= 1"; else not_ok "user_version >= 1: got '$v'"; fi
	expect_eq "$(sql "SELECT typeof(value) || ' ' || length(value) FROM meta WHERE key = 'secret'")" \
		"blob 32" "meta holds a secret key of 32 bytes"
fi
secret=$(secret_hex)
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'init'")" 1 "init is audited once"
expect_eq "$(sql "SELECT at FROM audit WHERE action = 'init'")" 1795395600 \
	"the audit time is the frozen HUBDESK_NOW"

# A second init keeps everything.
digest=$(db_digest)
expect_rc 0 "a second init" hd init
seen
expect_err "initialised already" "the second init says the database exists"
expect_eq "$(secret_hex)" "$secret" "the second init keeps the secret key"
expect_eq "$(db_digest)" "$digest" "the second init writes nothing"

expect_rc 2 "init with an unknown option" hd init --bogus
expect_err "--bogus" "the message names the unknown option"
expect_rc_err 2 'init: unexpected argument extra' "init with a stray argument" hd init extra
expect_rc_err 2 'init: --demo takes no value' "init --demo with a value" hd init --demo=yes
expect_eq "$(db_digest)" "$digest" "refused inits write nothing"

# --db beats HUBDESK_DB.
expect_rc 0 "init --db PATH" hd --db "$T/other.db" init
if [ -f "$T/other.db" ]; then ok "--db PATH made that file"; else not_ok "--db PATH made that file"; fi
expect_eq "$(db_digest)" "$digest" "--db leaves HUBDESK_DB alone"
expect_rc 0 "init --db=PATH" hd --db="$T/third.db" init
if [ -f "$T/third.db" ]; then ok "--db=PATH made that file"; else not_ok "--db=PATH made that file"; fi

# Without --db and HUBDESK_DB: $XDG_DATA_HOME/hubdesk/hubdesk.db, else
# ~/.local/share/hubdesk/hubdesk.db.
expect_rc 0 "init at the default path under XDG_DATA_HOME" env -u HUBDESK_DB "$HUBDESK" init
if [ -f "$XDG_DATA_HOME/hubdesk/hubdesk.db" ]; then
	ok "the database is \$XDG_DATA_HOME/hubdesk/hubdesk.db"
else
	not_ok "the database is \$XDG_DATA_HOME/hubdesk/hubdesk.db" "$(find "$T" -name '*.db')"
fi
expect_rc 0 "a command on the default path" env -u HUBDESK_DB "$HUBDESK" room list
expect_rc 0 "init at the default path under HOME" env -u HUBDESK_DB -u XDG_DATA_HOME "$HUBDESK" init
if [ -f "$HOME/.local/share/hubdesk/hubdesk.db" ]; then
	ok "the database is ~/.local/share/hubdesk/hubdesk.db"
else
	not_ok "the database is ~/.local/share/hubdesk/hubdesk.db" "$(find "$T" -name '*.db')"
fi

# The demo on a fresh database.
DEMO_DB=$(new_db demo)
export HUBDESK_DB="$DEMO_DB"
expect_rc 0 "init --demo on a fresh database" hd init --demo
seen
rooms=$(sql "SELECT count(*) FROM room")
if [ "$rooms" -ge 6 ] && [ "$rooms" -le 10 ]; then
	ok "about eight demo rooms ($rooms)"
else
	not_ok "about eight demo rooms: got $rooms"
fi
expect_eq "$(sql "SELECT count(*) FROM org")" 12 "twelve demo organisations"
expect_eq "$(sql "SELECT count(*) FROM team")" 12 "twelve demo teams"
for s in 1 2 3 4 5; do
	n=$(sql "SELECT count(*) FROM team WHERE state = $s")
	if [ "$n" -ge 1 ]; then ok "a demo team in state $s ($n)"; else not_ok "a demo team in state $s: none"; fi
done
kinds=$(sql "SELECT count(DISTINCT kind) FROM room")
if [ "$kinds" -ge 4 ]; then ok "demo rooms of the usual kinds ($kinds kinds)"; else not_ok "demo rooms of several kinds: $kinds"; fi
expect_eq "$(sql "SELECT count(*) FROM org WHERE credit_code IS NULL OR credit_ok = 0 OR length(credit_code) <> 18")" 0 \
	"every demo organisation has a valid credit code"
expect_eq "$(sql "SELECT count(DISTINCT kind) FROM org")" 3 "demo organisations of the three kinds"
# A name of ASCII only has as many bytes as characters.
if on_pg; then
	BYTES='octet_length(name)' CHARS='char_length(name)'
else
	BYTES='length(CAST(name AS BLOB))' CHARS='length(name)'
fi
expect_eq "$(sql "SELECT (SELECT count(*) FROM room WHERE $BYTES = $CHARS)
	+ (SELECT count(*) FROM org WHERE $BYTES = $CHARS)
	+ (SELECT count(*) FROM team WHERE $BYTES = $CHARS)")" 0 \
	"every demo name is in Chinese"
if [ "$(secret_hex)" != "$secret" ]; then
	ok "each installation has its own secret key"
else
	not_ok "each installation has its own secret key"
fi
expect_rc 0 "room list of the demo" hd room list
seen
expect_lines $((rooms + 1)) "room list: a header and one line per demo room"
expect_rc 0 "org list of the demo" hd org list
seen
expect_lines 13 "org list: a header and one line per demo organisation"
expect_no_out "check character" "no demo credit code is marked"

# The demo into a database with data: exit 3, nothing changed.
digest=$(db_digest)
sum=$(file_sum "$HUBDESK_DB")
expect_rc 3 "init --demo into a database with data" hd init --demo
seen
expect_err "data" "the refusal says the database holds data"
expect_eq "$(file_sum "$HUBDESK_DB")" "$sum" "the refused demo leaves the file byte-identical"
expect_eq "$(db_digest)" "$digest" "the refused demo changes no row"

# ... also when the data is one room of an otherwise new database.
HUBDESK_DB=$(new_db one_room)
hd init 2>/dev/null
expect_rc 0 "init --demo into an initialised but empty database" hd init --demo
HUBDESK_DB=$(new_db one_room2)
hd init 2>/dev/null
hd room add --name 会议室 --kind 1 --capacity 10 >/dev/null 2>&1
digest=$(db_digest)
expect_rc_err 3 'the database holds data already; demo data goes only into a new one' "init --demo into a database with one room" hd init --demo
expect_eq "$(db_digest)" "$digest" "the refused demo adds nothing to it"
expect_eq "$(sql "SELECT count(*) FROM room") $(sql "SELECT count(*) FROM org")" "1 0" \
	"still one room and no organisation"

# The secret key is never printed.
export HUBDESK_DB="$DEMO_DB"
expect_rc_err 2 'unknown setting secret' "the secret is not a setting" hd config get secret
seen
expect_rc 0 "config list" hd config list
seen
expect_no_out "secret" "config list shows no secret"
for db in first demo; do
	[ "$db" = first ] && key=$secret || key=$(secret_hex)
	lower=$(echo "$key" | tr 'A-F' 'a-f')
	if grep -qi -- "$key" "$T/seen" ||
		od -An -v -tx1 "$T/seen" | tr -d ' \n' | grep -q -- "$lower"; then
		not_ok "the $db database's secret key was printed"
	else
		ok "the $db database's secret key was never printed, as text or as bytes"
	fi
done

done_testing
