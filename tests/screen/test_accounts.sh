#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test_accounts.sh - the accounts screen (administration 5, admin): a new
# account with a Chinese name and two PINs (hidden, never stored in clear),
# PINs that differ refused, a new PIN that lets the person sign in, an
# account disabled, the last admin kept; staff refused.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
ACCOUNTS=" $(zh Accounts) |"

scr_start 80 24
scr_signin 工作人员 135790
scr_keys 9
scr_keys 5
expect_line 1 " $(zh Administration) |" "staff pressing 5 stays in administration"
expect_msg "$(zh_part '%s (%s) may not do this: %s.')" "staff pressing 5 is refused on the status line"
expect_msg "$(zh_part 'settings, rooms, accounts, printers, backup, restore, import' 6)" \
	"the refusal names what only the administrator does"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'denied' AND actor_name = '工作人员'")" 1 \
	"the refusal is audited"
scr_keys Escape
scr_keys F9
scr_signin 管理员 246810
scr_keys 9
scr_keys 5
expect_line 1 "$ACCOUNTS" "the admin opens the accounts"
expect_screen 志愿者 "the accounts are listed"

# A new account: PINs that differ are refused, nothing saved.
scr_keys n
scr_type 张老师
scr_keys Tab
scr_type 2
scr_keys Enter
scr_type 135791
scr_keys Tab
scr_type 135792
expect_row_has "$(zh_part 'PIN again' 4)" "******" "both PINs typed show as stars"
expect_no_screen 13579 "neither PIN shows as typed"
scr_keys F2
expect_screen "$(zh 'The two PINs differ; type them again.')" "two PINs that differ are refused"
expect_eq "$(sql "SELECT count(*) FROM staff WHERE name = '张老师'")" 0 "nothing is saved"
expect_no_screen 135791 "the PIN is never shown"
# The PINs were wiped and the first PIN field has the keys again.
scr_type 135791
scr_keys Tab
scr_type 135791
scr_keys F2
expect_screen "$(zh 'The account is added.')" "the same PIN twice adds the account"
expect_eq "$(sql "SELECT role FROM staff WHERE name = '张老师'")" 2 "张老师 is staff"
expect_eq "$(sql "SELECT count(*) FROM staff WHERE name = '张老师' AND pin_hash LIKE '\$argon2id\$%'")" 1 \
	"the PIN is kept as an Argon2id hash"
expect_eq "$(grep -c 135791 "$HUBDESK_DB" 2>/dev/null || true)" 0 "the PIN is nowhere in the database file"

# A new PIN for 志愿者, then 志愿者 signs in with it.
row=$(scr_show | grep -n 志愿者 | head -n 1 | cut -d: -f1)
n=$(scr_show | grep -n '^[> ] [0-9]' | head -n 1 | cut -d: -f1)
i=$n
while [ "$i" -lt "$row" ]; do scr_keys Down; i=$((i + 1)); done
scr_keys r
scr_type 224466
scr_keys Tab
scr_type 224466
scr_keys F2
expect_screen "$(zh 'The PIN is changed.')" "r gives 志愿者 a new PIN"

# Disabling: 志愿者 is disabled; the last admin stays.
scr_keys d
expect_screen "$(zh 'Disable this account?')" "d asks first"
scr_keys y
expect_screen "$(printf "$(zh '%s is disabled.')" 志愿者)" "y disables it"
expect_eq "$(sql "SELECT disabled FROM staff WHERE name = '志愿者'")" 1 "志愿者 is disabled"
scr_stop

run hd staff list
expect_out "志愿者" "the disabled account keeps its record"
scr_start 80 24
scr_signin 管理员 246810
scr_keys 9
scr_keys 5
expect_line 1 "$ACCOUNTS" "the admin opens the accounts again"
row=$(scr_show | grep -n 管理员 | sed -n 2p | cut -d: -f1)
n=$(scr_show | grep -n '^[> ] [0-9]' | head -n 1 | cut -d: -f1)
i=$n
while [ "$i" -lt "${row:-$n}" ]; do scr_keys Down; i=$((i + 1)); done
scr_keys d
expect_screen "$(zh 'Disable this account?')" "d asks about the admin too"
scr_keys y
expect_screen "$(printf "$(zh '%s is the last administrator; add another one first')" 管理员)" \
	"the refusal names the last administrator"
expect_eq "$(sql "SELECT disabled FROM staff WHERE name = '管理员'")" 0 "the last admin cannot be disabled"
scr_stop
done_testing
