# SPDX-License-Identifier: GPL-3.0-or-later
# test_pg_readme_district.sh - README.md's "A district on PostgreSQL", as a
# newcomer follows it: its fenced shell blocks, taken from the README as
# they stand, run in order on a private cluster (its socket folder put in
# for the server db.example), with hubdesk and psql on the PATH. Then the
# centres are listed with their roles, a desk of JD and one of HY each
# serve their own centre, JD's role reads nothing of HY's, and the centre
# moved in holds its file's records, and report --district has a block
# for each centre.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/pglib.sh"

pg_world
BIN=$(sh "$TOP/tests/pg.sh" bin)
mkdir -p "$T/bin" "$T/desk"
ln -s "$HUBDESK" "$T/bin/hubdesk"
PATH="$T/bin:$BIN:$PATH"
export PATH

# The section's blocks, one file each (block-1 ...), the server's host
# replaced by the socket folder (percent-encoded, as a URI's host).
host=$(printf '%s' "$PGDIR" | sed 's|/|%2F|g')
awk -v host="$host" -v dir="$T" '
	/^## / { inside = ($0 == "## A district on PostgreSQL") }
	inside && /^```/ { if (fenced) { fenced = 0 } else { fenced = 1; n++ } next }
	inside && fenced { gsub(/db\.example/, host); print > (dir "/block-" n) }
' "$TOP/README.md"
blocks=$(ls "$T"/block-* 2>/dev/null | wc -l | tr -d ' ')
expect_eq "$blocks" 5 "the section has its five blocks of commands"

# block N: runs block N in the newcomer's folder, in this shell (what it
# exports stays for the next), its output in out-N and err-N, its exit
# code in RC; stdin from the file given, else nothing.
block() {
	(cd "$T/desk" && set -e && . "$T/block-$1") <"${2:-/dev/null}" >"$T/out-$1" 2>"$T/err-$1"
	RC=$?
}
# exports N: the variables block N exports, for the next blocks.
exports() {
	eval "$(grep '^export ' "$T/block-$1")"
}

block 1
expect_eq "$RC" 0 "block 1: the superuser makes the owner, its database and the centres' roles"
[ "$RC" = 0 ] || echo "# $(cat "$T/err-1")"
block 2
expect_eq "$RC" 0 "block 2: the owner makes the schema and the centres JD, HY and SH"
[ "$RC" = 0 ] || echo "# $(cat "$T/err-2")"
exports 2
expect_eq "$(tail -n 3 "$T/out-2" | awk -F'\t' '{ print $2 ":" $4 }' | tr '\n' ' ')" \
	"HY:hy_desk JD:jd_desk SH:sh_desk " "centre list: the three centres, each bound to its role"

# The centre moved in: a file of its own, as `hubdesk backup` at its desk
# would copy it.
hubdesk --db "$T/desk/shahe.db" init --demo >/dev/null 2>&1 </dev/null ||
	not_ok "the centre's own file is made (init --demo)"
block 3
expect_eq "$RC" 0 "block 3: SH moves in from its file (load)"
[ "$RC" = 0 ] || echo "# $(cat "$T/err-3")"
expect_eq "$(hubdesk --db "$DISTRICT" --centre SH room list | sort | cksum)" \
	"$(hubdesk --db "$T/desk/shahe.db" room list | sort | cksum)" "SH holds its file's rooms"

block 4
expect_eq "$RC $(cat "$T/out-4")" "0 JD" "block 4: a desk of JD, as jd_desk, serves JD"
[ "$RC" = 0 ] || echo "# $(cat "$T/err-4")"
# The same block for a desk of HY.
sed 's/jd_desk/hy_desk/g; s/=JD/=HY/g' "$T/block-4" >"$T/block-hy"
expect_eq "$(cd "$T/desk" && sh "$T/block-hy" 2>&1 | sed -n '1p')" HY "the same for HY: a desk of HY serves HY"
jd_url=$(sed -n "s/^export HUBDESK_DB='\([^']*\)'.*/\1/p" "$T/block-4")
expect_rc_err 3 '--centre' "jd_desk asking for HY is refused (exit 3), as the section says" \
	hd --db "$jd_url" --centre HY room list
expect_eq "$(psql -X -At "$jd_url" -c "SELECT count(*) FROM setting s JOIN centre c ON c.id = s.centre_id
	WHERE c.code <> 'JD'")" 0 "psql as jd_desk reads no setting of another centre"
expect_eq "$(psql -X -At "$DISTRICT" -c "SELECT count(DISTINCT centre_id) FROM setting")" 3 \
	"psql as the owner reads the settings of all three"

echo 24681357 >"$T/pin"
block 5 "$T/pin"
expect_eq "$RC" 0 "block 5: the district's account and report --district"
[ "$RC" = 0 ] || echo "# $(cat "$T/err-5")"
expect_eq "$(grep -E -o '  (JD|HY|SH) [^ ]+中心$|全区合计' "$T/out-5" | sed 's/^  //; s/ .*//' |
	tr '\n' ' ')" "HY JD SH 全区合计 " \
	"report --district: a block for each centre, titled with its code, then the district's total"

done_testing
