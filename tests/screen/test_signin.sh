#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_signin.sh - signing in and out (F9): the 登录 screen,
# name suggestions with their roles (typed, or picked with Down/Enter), the
# PIN drawn hidden, the top line naming who is signed in, F9 signing out, a
# volunteer refused a staff action (audited), wrong PINs counting down to the
# lock, the lock holding until 15 minutes of domain time have passed (across
# restarts), an unknown name, Esc leaving without signing in, names found by
# their pinyin, and English.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"
DEMO_ORGS=$(sql "SELECT count(*) FROM org")
# A second staff account whose name holds 工, so that the list has two.
echo 246135 | "$HUBDESK" staff add --name 王工 --role staff >/dev/null 2>&1 || not_ok "staff add 王工"
# The title starts the top line (" 登录 | centre …"); 未登录 at its end
# also holds 登录, so the title is matched with its surroundings.
SIGNIN=" 登录 |"
NOBODY=未登录
WRONG_PINS="918271 918272 918273 918274 918275 918276"

# msg TEXT: waits for TEXT on the status line (row 23).
expect_msg() {
	expect_line 23 "$1" "$2"
}

# attempt NAME PIN: F9 and a sign-in typed in full (name, Tab, PIN, Enter).
attempt() {
	scr_keys F9
	expect_line 1 "$SIGNIN" "F9 opens the sign-in screen"
	scr_type "$1"
	scr_keys Tab
	scr_type "$2"
	scr_keys Enter
}

scr_start 80 24
expect_line 1 首页 "home"
expect_line 1 "$NOBODY" "the top line says nobody is signed in ($NOBODY)"

# F9 opens 登录; typing 工 suggests the accounts holding it, with their roles.
scr_keys F9
expect_line 1 "$SIGNIN" "F9 on home opens 登录 (title on line 1)"
expect_screen_all "the sign-in form asks for the name and the PIN" "$(zh "Your name")" "$(zh PIN)"
scr_type 工
expect_row_has 王工 工作人员 "typing 工 suggests 王工 with its role (工作人员)"
expect_screen 工作人员 "typing 工 suggests 工作人员"
if scr_show | grep -F 工作人员 | grep -Fv 王工 | grep -q '工作人员.*工作人员'; then
	ok "the suggestion 工作人员 comes with its role"
else
	not_ok "the suggestion 工作人员 comes with its role" "$(scr_show | sed 's/^/| /')"
fi
if scr_show | sed -n '2,22p' | grep -Eq '管理员|志愿者'; then
	not_ok "accounts without 工 are not suggested" "$(scr_show | sed 's/^/| /')"
else
	ok "accounts without 工 are not suggested"
fi

# Enter takes the first suggestion; the PIN is typed hidden.
scr_keys Enter
expect_no_screen 王工 "Enter closes the list"
expect_line 5 工作人员 "Enter takes 工作人员 into the name field"
scr_type 135790
expect_row_has "*$(zh PIN)" "******" "the PIN field shows the six digits typed as stars"
expect_no_screen 135790 "the PIN typed (135790) never appears on the screen"
expect_no_screen 135 "not even its first digits"
expect_line 1 "$NOBODY" "not signed in before Enter"
scr_keys Enter
expect_line 1 "| 工作人员" "Enter signs in: the top line shows | 工作人员"
expect_line 1 "工作人员（工作人员）" "the top line shows 工作人员（工作人员）"
if scr_line 1 | grep -Fq "$NOBODY"; then
	not_ok "$NOBODY is gone from the top line" "$(scr_line 1)"
else
	ok "$NOBODY is gone from the top line"
fi
expect_line 1 首页 "signing in goes back to home"
expect_msg "$(zh_part 'Signed in: %s (%s).')" "the status line says signed in"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'signin' AND actor_name = '工作人员'")" 1 \
	"the sign-in is audited (signin, by 工作人员)"
expect_eq "$(sql "SELECT last_signin IS NOT NULL FROM staff WHERE name = '工作人员'")" 1 \
	"the account's last sign-in is recorded"

# F9 again signs out.
scr_keys F9
expect_line 1 "$NOBODY" "F9 again signs out: $NOBODY is back"
expect_line 1 首页 "still on home"
expect_msg "$(zh_part '%s signed out.')" "the status line says signed out"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'signout' AND actor_name = '工作人员'")" 1 \
	"the sign-out is audited (signout)"

# Down picks the second suggestion.
scr_keys F9
expect_line 1 "$SIGNIN" "F9 opens 登录 again"
scr_type 工
expect_screen 王工 "typing 工 lists 王工 again"
scr_keys Down Enter
expect_line 5 王工 "Down, Enter takes the second suggestion, 王工"
scr_type 246135
scr_keys Enter
expect_line 1 "王工（工作人员）" "王工 is signed in, as staff"
scr_keys F9
expect_line 1 "$NOBODY" "F9 signs 王工 out"

# A volunteer is refused a staff action; the refusal is audited.
scr_signin 志愿者 112233
expect_line 1 "志愿者（志愿者）" "the top line shows 志愿者（志愿者）"
scr_keys 9
expect_line 1 系统管理 "9 opens administration"
scr_keys 1
# refusal_shown: the status line (row 23) refuses; sets refused to it.
refusal_shown() {
	refused=$(scr_line 23)
	case $refused in
	*仅限工作人员* | *"$(zh_part '%s (%s) may not do this: %s.')"*) return 0 ;;
	esac
	return 1
}
if wait_for "$SCR_TIMEOUT" refusal_shown; then
	ok "a volunteer pressing 1 (new organisation) is refused: $refused"
else
	not_ok "a volunteer pressing 1 (new organisation) is refused" "$(scr_show | sed 's/^/| /')"
fi
expect_line 1 系统管理 "the form does not open"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'denied' AND actor_name = '志愿者'")" 1 \
	"the denial is audited (action denied, by 志愿者)"
expect_eq "$(sql "SELECT count(*) FROM org")" "$DEMO_ORGS" "nothing saved"
scr_keys Escape
expect_line 1 首页 "Esc goes home"
scr_keys F9
expect_line 1 "$NOBODY" "the volunteer signs out"

# Wrong PINs: the tries left, then the lock until 09:15.
attempt 管理员 918271
expect_msg "$(printf "$(zh 'Wrong PIN; %d more tries before the lock.')" 4)" \
	"a wrong PIN says 4 more tries before the lock"
expect_line 23 4 "the message holds the 4"
expect_line 1 "$SIGNIN" "the sign-in screen stays"
expect_line 1 "$NOBODY" "nobody is signed in"
expect_no_screen 918271 "the wrong PIN is not left on the screen"
n=3
for pin in 918272 918273 918274; do
	scr_type $pin
	scr_keys Enter
	expect_msg "$(printf "$(zh 'Wrong PIN; %d more tries before the lock.')" $n)" \
		"wrong PIN $((5 - n)): $n more tries"
	n=$((n - 1))
done
scr_type 918275
scr_keys Enter
expect_msg "$(printf "$(zh 'Wrong PIN five times: %s is locked until %s.')" 管理员 09:15)" \
	"the fifth wrong PIN locks the account until 09:15"
expect_line 23 09:15 "the message names 09:15"
expect_eq "$(sql "SELECT datetime(locked_until, 'unixepoch', 'localtime') FROM staff WHERE name = '管理员'")" \
	"2026-11-23 09:15:00" "the lock lasts until 09:15 of domain time"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'signin.lock'")" 1 "the lock is audited (signin.lock)"
scr_type 246810
scr_keys Enter
expect_no_screen "$(zh_part 'Wrong PIN five times: %s is locked until %s.')" "the right PIN gets another answer"
expect_msg "$(printf "$(zh '%s is locked until %s.')" 管理员 09:15)" \
	"the right PIN while locked: still locked until 09:15"
expect_line 1 "$SIGNIN" "the sign-in screen stays"
expect_line 1 "$NOBODY" "the right PIN signs nobody in while locked"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'signin' AND actor_name = '管理员'")" 0 \
	"no sign-in audited for the locked account"

# An unknown name.
scr_keys BTab C-u
scr_type 无此人
scr_keys Tab
scr_type 918276
scr_keys Enter
expect_msg "$(printf "$(zh 'no account named %s')" 无此人)" "an unknown name: no account named 无此人"
expect_line 1 "$NOBODY" "nobody is signed in"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE ifnull(before, '') || ifnull(after, '') || ifnull(actor_name, '') LIKE '%无此人%'")" 0 \
	"the unknown name typed is not written to the audit log"

# Esc leaves without signing in, even with the right name and PIN typed.
scr_keys C-u
scr_type 工作人员
scr_keys Tab
scr_type 135790
scr_keys Escape
expect_line 1 首页 "Esc leaves the sign-in screen for home"
expect_line 1 "$NOBODY" "Esc signs nobody in"
expect_eq "$(sql "SELECT count(*) FROM audit WHERE action = 'signin'")" 3 "no sign-in audited by Esc"

# Lower-case letters also find a name by its pinyin, from any character:
# gzry is 工作人员, wg 王工.
scr_keys F9
expect_line 1 "$SIGNIN" "F9 opens the sign-in screen again"
scr_type gzry
expect_row_has 工作人员 工作人员 "typing gzry suggests 工作人员 by its pinyin"
expect_no_screen 王工 "gzry does not suggest 王工"
scr_keys Escape Escape # the first drops the letters composed, the second leaves
expect_line 1 首页 "Esc goes home"
scr_keys F9
expect_line 1 "$SIGNIN" "F9 opens the sign-in screen again"
scr_type wg
expect_row_has 王工 工作人员 "typing wg suggests 王工 by its pinyin"
if scr_show | sed -n '6,22p' | grep -Eq '管理员|志愿者'; then
	not_ok "wg suggests no other account" "$(scr_show | sed 's/^/| /')"
else
	ok "wg suggests no other account"
fi
scr_keys Escape Escape
expect_line 1 首页 "Esc goes home"

# No PIN typed is in the audit log or the database file.
sqlite3 "$HUBDESK_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
sql "SELECT * FROM audit" >"$T/audit.txt"
found=""
for pin in $WRONG_PINS 246810 135790 112233 246135; do
	grep -q "$pin" "$T/audit.txt" && found="$found $pin(audit)"
	grep -aq "$pin" "$HUBDESK_DB" && found="$found $pin(database)"
	[ -f "$HUBDESK_DB-wal" ] && grep -aq "$pin" "$HUBDESK_DB-wal" && found="$found $pin(wal)"
done
expect_eq "$found" "" "no PIN typed is in the audit log or the database file"

# Restarted at 09:14 the lock holds; at 09:16 the right PIN works.
scr_stop
export HUBDESK_NOW=2026-11-23T09:14:00+08:00
scr_start 80 24
expect_line 1 "09:14" "restarted at 09:14"
attempt 管理员 246810
expect_msg "$(printf "$(zh '%s is locked until %s.')" 管理员 09:15)" "at 09:14 管理员 is still locked"
expect_line 1 "$NOBODY" "nobody is signed in at 09:14"
scr_stop
export HUBDESK_NOW=2026-11-23T09:16:00+08:00
scr_start 80 24
expect_line 1 "09:16" "restarted at 09:16"
scr_signin 管理员 246810
expect_line 1 "管理员（管理员）" "at 09:16 the right PIN signs 管理员 in"
expect_eq "$(sql "SELECT failures || '|' || ifnull(locked_until, '-') FROM staff WHERE name = '管理员'")" "0|-" \
	"the sign-in clears the count and the lock"
scr_keys F9
expect_line 1 "$NOBODY" "F9 signs 管理员 out"
attempt 管理员 918271
expect_msg "$(printf "$(zh 'Wrong PIN; %d more tries before the lock.')" 4)" \
	"after the lock a wrong PIN counts afresh: 4 more tries"
scr_keys Escape
expect_line 1 首页 "Esc goes home"

# English.
SIGNIN=" Sign in |"
scr_stop
scr_start 80 24 --lang en
expect_line 1 Home "English: home"
expect_line 1 "not signed in" "English: the top line says not signed in"
scr_keys F9
expect_line 1 "$SIGNIN" "English: F9 opens Sign in (title on line 1)"
expect_screen_all "English: the form asks for the name and the PIN" "Your name" PIN
scr_type 工
expect_row_has 王工 Staff "English: the suggestion 王工 comes with its role, Staff"
expect_row_has 工作人员 Staff "English: the suggestion 工作人员 comes with its role, Staff"
scr_keys Enter
expect_line 5 工作人员 "English: Enter takes 工作人员"
scr_type 135790
expect_row_has "*PIN" "******" "English: the PIN field shows the digits typed as stars"
expect_no_screen 135790 "English: the PIN never appears on the screen"
scr_keys Enter
expect_line 1 "工作人员 (Staff)" "English: the top line shows 工作人员 (Staff)"
expect_line 1 Home "English: back home"
expect_msg "Signed in" "English: the status line says signed in"
scr_keys F9
expect_line 1 "not signed in" "English: F9 signs out"
attempt 志愿者 112233
expect_line 1 "志愿者 (Volunteer)" "English: the volunteer's role is Volunteer"
scr_keys F9
expect_line 1 "not signed in" "English: F9 signs the volunteer out"
attempt 管理员 246810
expect_line 1 "管理员 (Admin)" "English: the administrator's role is Admin"

done_testing
