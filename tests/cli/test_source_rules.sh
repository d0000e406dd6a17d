# SPDX-License-Identifier: GPL-3.0-or-later
# test_source_rules.sh - the layout rules of DESIGN.md hold in the source:
# arrows point one way, core/ has no curses or cups, forms/ no curses, only
# core/xalloc.c calls abort(), SQL text is never built with printf-style
# formatting of values, SQLite is named only in its driver, and functions
# returning enum hd_status name their statuses.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1

check_none() {
	# check_none WHAT PATTERN FILES...
	_what=$1 _pat=$2
	shift 2
	_hits=$(grep -nE -- "$_pat" "$@" 2>/dev/null)
	if [ -z "$_hits" ]; then
		ok "$_what"
	else
		not_ok "$_what" "$_hits"
	fi
}

check_none "core/ includes no curses" '#include *<n?curses' core/*.c core/*.h
check_none "core/ includes no cups" '#include *<cups/' core/*.c core/*.h
check_none "core/ includes nothing from forms, printing or tui" '#include *"(forms|printing|tui)/' core/*.c core/*.h
check_none "forms/ includes no curses or cups" '#include *<(n?curses|cups/)' forms/*.c forms/*.h
check_none "forms/ includes nothing from printing or tui" '#include *"(printing|tui)/' forms/*.c forms/*.h
if ls printing/*.c >/dev/null 2>&1; then
	check_none "printing/ includes no curses" '#include *<n?curses' printing/*.c printing/*.h
	check_none "printing/ includes nothing from forms or tui" '#include *"(forms|tui)/' printing/*.c printing/*.h
else
	ok "printing/ has no sources yet"
fi
check_none "no printf or exit below tui/" '(^|[^a-z_])(printf|puts|exit) *\(' core/*.c forms/*.c
# One out-of-memory policy (core/xalloc.h): memory that is not there stops
# the program through xmalloc() and its kin (or xalloc_failed() for another
# library's allocation), an impossible state through xabort(); what a person
# or a file causes is an error the caller handles. abort() itself is called
# in core/xalloc.c alone.
check_none "abort() is called only in core/xalloc.c" '(^|[^a-z_0-9])abort *\(' \
	$(ls core/*.[ch] forms/*.[ch] printing/*.[ch] tui/*.[ch] | grep -v '^core/xalloc\.c$')
check_none "SQL is never formatted with values (%s/%d in SQL text)" \
	'(SELECT|INSERT|UPDATE|DELETE)[^"]*%[sd]' core/*.c forms/*.c tui/*.c
check_none "no sqlite3_mprintf" 'sqlite3_v?mprintf' core/*.c forms/*.c tui/*.c
# SQLite's JSON functions have no like on PostgreSQL: the audit snapshots
# are written and read in C (core/json.c, whose comments may name them).
check_none "SQL uses no JSON function (core/json.c writes and reads JSON)" \
	'json_(each|tree|object|array|extract|valid|type|quote|insert|replace|set|remove|patch|group_array|group_object) *\(' \
	$(ls core/*.c printing/*.c tui/*.c forms/*.c | grep -v '^core/json\.c$')
check_none "core/json.c names SQLite's JSON functions in comments only" \
	'^[^/*]*"[^"]*json_(each|tree|object|array|extract|valid) *\(' core/json.c
# One connection type for every backend (core/db.h: struct db): SQLite is
# named only in its driver's own files; tests/ and bench/ reach it through
# core/db_sqlite.h.
check_none "sqlite3 is named only in the SQLite driver (no sqlite3_, sqlite3 *, <sqlite3.h>)" \
	'(^|[^A-Za-z0-9_])sqlite3([^A-Za-z0-9]|$)' \
	$(ls core/*.[ch] forms/*.[ch] printing/*.[ch] tui/*.[ch] |
		grep -vE '^core/(db|db_stmt|db_job|db_sqlite_fn|backup)\.c$|^core/db_sqlite\.h$')
# PostgreSQL likewise: libpq is named only in its driver (core/db_pg.c)
# and the file that loads it (core/db_pg_lib.[ch]).
check_none "libpq is named only in the PostgreSQL driver (no PQ calls, PGconn, <libpq-fe.h>)" \
	'(^|[^A-Za-z0-9_])(PQ[a-z][A-Za-z]*|PG(conn|result)|libpq-fe\.h)([^A-Za-z0-9_]|$)' \
	$(ls core/*.[ch] forms/*.[ch] printing/*.[ch] tui/*.[ch] |
		grep -vE '^core/db_pg\.c$|^core/db_pg_lib\.[ch]$')
# Statements come from db_prepare(), which keeps them on the connection:
# one prepared elsewhere and given back with db_done() would pile up.
check_none "statements are prepared by db_prepare only" 'sqlite3_prepare' \
	$(ls core/*.c printing/*.c tui/*.c forms/*.c | grep -v '^core/db.c$')
# Every public function that returns enum hd_status names the statuses it
# gives (STYLE.md): the comment block right above its declaration names one
# HD_ status at least.
status_unnamed=$(awk '
	FNR == 1 { incmt = 0; prevend = 0; cmt = "" }
	!incmt && /^[ \t]*\/\*/ { incmt = 1; cmt = "" }
	incmt {
		cmt = cmt " " $0
		if ($0 ~ /\*\/[ \t]*$/) { incmt = 0; prevend = 1 }
		next
	}
	/^enum hd_status / && !/^enum hd_status \{/ {
		name = $0
		sub(/^enum hd_status /, "", name)
		sub(/[ \t]*\(.*/, "", name)
		if (!prevend || cmt !~ /HD_(OK|FAIL|BAD_INPUT|REFUSED|NOT_FOUND|FORGED)/)
			print FILENAME ": " name
	}
	{ prevend = 0 }
' core/*.h forms/*.h printing/*.h)
if [ -z "$status_unnamed" ]; then
	ok "every function returning enum hd_status names its statuses in its comment"
else
	_ifs=$IFS
	IFS='
'
	not_ok "functions returning enum hd_status whose comment names no HD_ status:" $status_unnamed
	IFS=$_ifs
fi
# Keys drive dispatch from the action table (tui/actions.h): a screen and
# the forms switch on the action the app looked up, never on a raw key.
check_none "screens compare no raw keys: they switch on actions" \
	'k\.ch *[!=]=|k\.code|(^|[^A-Z_])KEY_[A-Z]' \
	tui/screen_*.c tui/grid_draw.c tui/form_view.c tui/pin_form.c
# hubdesk is GPL-3.0-or-later: the licence at the root, and an SPDX line in
# the first lines of every source.
if [ -f LICENSE ] && grep -q "GNU GENERAL PUBLIC LICENSE" LICENSE && grep -q "Version 3" LICENSE; then
	ok "LICENSE holds the GPL version 3"
else
	not_ok "LICENSE holds the GPL version 3"
fi
missing=""
for f in core/*.[ch] forms/*.[ch] printing/*.[ch] tui/*.[ch] tests/unit/*.[ch] bench/*.[ch] \
	tests/*.sh tests/*/*.sh tools/*.sh bench/*.sh Makefile deploy/*; do
	head -n 3 "$f" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' || missing="$missing $f"
done
if [ -z "$missing" ]; then
	ok "every source carries SPDX-License-Identifier: GPL-3.0-or-later"
else
	not_ok "sources without an SPDX line:$missing"
fi

done_testing
