# test_closure.sh - `hubdesk closure add|list|remove`: output lines, exit
# codes, and nothing written on bad input.
. "$(dirname "$0")/../lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1
TAB=$(printf '\t')

expect_rc 0 "closure add" hd closure add --from 2026-12-31 --to 2027-1-3 --reason 元旦假期
expect_out "^1${TAB}-${TAB}2026-12-31 ~ 2027-01-03 元旦假期\$" "it prints ID, - and the closure"
expect_rc 2 "closure add with the end before the start" hd closure add --from 2026-12-31 --to 2026-12-30 --reason x
expect_err "To|结束" "the message names the end"
expect_rc 2 "closure add with an impossible date" hd closure add --from 2026-02-30 --to 2026-03-01 --reason x
expect_rc 2 "closure add without a reason" hd closure add --from 2026-12-01 --to 2026-12-02
expect_rc 2 "closure add with an unknown option" hd closure add --from 2026-12-01 --to 2026-12-02 --reason x --all-day
expect_eq "$(sql "SELECT count(*) FROM closure")" 1 "bad closures wrote nothing"

expect_rc 0 "closure add of a past closure" hd closure add --from 2026-10-01 --to 2026-10-07 --reason 国庆
expect_rc 0 "closure list" hd closure list
expect_eq "$(head -1 "$T/out" | cut -f1)" id "the list starts with a header, id first"
expect_eq "$(sed 1d "$T/out" | cut -f1 | tr '\n' ' ')" "1 " "only closures not over are listed"
expect_rc 0 "closure list --all" hd closure list --all
expect_eq "$(sed 1d "$T/out" | cut -f1 | tr '\n' ' ')" "2 1 " "--all lists the past one too, by date"

expect_rc 0 "closure remove" hd closure remove 1
expect_rc 4 "closure remove of a removed closure" hd closure remove 1
expect_rc 2 "closure remove without a number" hd closure remove x
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action IN ('closure.add', 'closure.remove')")" 3 \
	"adds and the removal are audited"

done_testing
