#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/screen/test_pinyin.sh - Chinese typed as ASCII letters with the
# built-in pinyin input (the real engine and Debian's data): the top line
# shows 中; a visitor named 张三丰 typed as zhangsanfeng, picked with 1 from
# the candidate line under the field, and saved, at 80x24 in Chinese and at
# 100x30 in English (Space takes the first there); picking in parts
# (张, then 三, then 丰); Backspace editing the letters, Esc dropping them,
# Enter keeping them as typed, - and = turning pages; digits and capitals
# going in as typed, and text committed by a system input method going in
# whole; the phone field never composing; Ctrl-Space turning it off (EN)
# and on, and input.pinyin off starting a desk with it off; in the
# registers, xyh offering the centre's word 夕阳红 first and finding
# 夕阳红合唱团 before anything is picked.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib.sh"

need_tools tmux sqlite3
"$HUBDESK" init --demo >/dev/null 2>&1 || not_ok "init --demo"

visits_of() { sql "SELECT count(*) FROM visit v JOIN person p ON p.id = v.person_id WHERE p.name = '$1'"; }

# The field of 访客 (row 4 at the top of the check-in form) and the
# candidate line under it (row 5).
name_row() { scr_line 4; }

# expect_no_candidates WHAT: the row under the 访客 field (5) shows no
# candidate line.
expect_no_candidates() {
	if scr_line 5 | grep -Eq '(^| )1\.'; then
		not_ok "$1: row 5 shows candidates" "$(scr_show | sed 's/^/| /')"
	else
		ok "$1"
	fi
}

scr_start 80 24
expect_line 1 首页 "home"
expect_line 1 "中 |" "the top line shows 中: pinyin input is on"
scr_keys 1
expect_line 1 访客登记 "1 opens the check-in form"
scr_type zhangsanfeng
expect_line 4 "zhang san feng" "the letters show in the 访客 field, spaced by syllable"
expect_line 5 "1.张三丰" "the candidate line under the field offers 1.张三丰"
expect_line 5 "2.张三" "and 2.张三 after it"
expect_eq "$(scr_line 6 | grep -c '来访事由')" 1 "the form below stays where it was"
scr_keys 1
expect_line 4 "张三丰" "1 takes 张三丰 into the field"
expect_no_screen "1.张三丰" "the candidate line is gone"
scr_keys Tab Tab
scr_type 1
scr_keys F2
expect_screen "$(printf "$(zh 'Checked in: %s. Slip code:')" 张三丰)" "F2 saves 张三丰"
expect_eq "$(visits_of 张三丰)" 1 "the database holds a visit of 张三丰"

# Picking in parts: 张 from the first page, then 三, then 丰.
scr_keys 1
expect_line 1 访客登记 "the check-in form again"
scr_type zhangsanfeng
expect_line 5 "1.张三丰" "candidates again"
pick_digit() {
	scr_line 5 | tr ' ' '\n' | grep -E "^[1-9]\.$1\$" | head -1 | cut -d. -f1
}
d=$(pick_digit 张)
if [ -n "$d" ]; then
	scr_type "$d"
	expect_line 4 "张san feng" "picking 张 ($d) keeps composing the rest: 张san feng"
	d=$(pick_digit 三)
	[ -n "$d" ] && scr_type "$d"
	expect_line 4 "张三feng" "then 三: 张三feng"
	d=$(pick_digit 丰)
	if [ -z "$d" ]; then
		scr_type "="
		expect_line 5 "<" "= turns to the next page, which shows < before it"
		d=$(pick_digit 丰)
	fi
	[ -n "$d" ] && scr_type "$d"
	expect_line 4 "张三丰" "then 丰: 张三丰 in the field"
else
	not_ok "张 is on the first page for zhangsanfeng" "$(scr_show | sed 's/^/| /')"
fi
scr_keys C-u

# Editing the letters.
scr_type zhangx
expect_line 4 "zhang x" "the letters zhangx"
scr_keys BSpace
expect_line 4 "zhang" "Backspace takes the x away"
expect_no_screen "zhang x" "the x is gone"
scr_keys Escape
expect_no_screen "1.张" "Esc drops the composition"
expect_line 1 访客登记 "and leaves the form open"
expect_eq "$(name_row | sed 's/^ *\*访客 *//; s/ *$//')" "" "nothing went into the field"
scr_type abc
scr_keys Enter
expect_line 4 "abc" "Enter takes the letters as typed"
expect_no_candidates "no candidate line after Enter"
scr_keys C-u

# Pages.
scr_type z
expect_line 5 "1." "z offers candidates"
first=$(scr_line 5 | grep -Eo '1\.[^ ]+' | head -1)
expect_line 5 ">" "> says more pages follow"
scr_type "="
expect_line 5 "<" "= turns the page"
expect_eq "$(scr_line 5 | grep -cF -- "$first ")" 0 "the next page does not show $first"
scr_type "-"
expect_line 5 "$first" "- turns back to the first page"
scr_keys PageDown
expect_line 5 "<" "PgDn turns the page too"
scr_keys PageUp
expect_line 5 "$first" "PgUp turns back"
scr_keys Escape

# What never composes: capitals and digits outside a composition, text from
# a system input method, and the phone field.
scr_type "A"
expect_line 4 "A" "a capital goes in as typed"
expect_no_candidates "without candidates"
scr_keys C-u
scr_type 李四
expect_line 4 "李四" "text a system input method committed goes in whole"
expect_no_candidates "without candidates"
scr_keys Tab
scr_type 13812345678
expect_line 5 "13812345678" "the phone field takes its digits"
expect_no_screen "1.张" "and shows no candidate line"
scr_keys C-u Escape
scr_drop_input 首页

# Ctrl-Space off and on.
expect_line 1 首页 "home again"
scr_keys C-Space
expect_line 1 "EN |" "Ctrl-Space: the top line shows EN"
expect_screen "$(zh 'Pinyin input off (EN): letters go in as typed.')" "the status line says pinyin is off"
scr_keys 1
scr_type wang
expect_line 4 "wang" "with pinyin off, letters go in as typed"
expect_no_candidates "and no candidate line shows"
scr_keys C-Space
expect_line 1 "中 |" "Ctrl-Space again: 中"
scr_keys C-u Escape
scr_drop_input 首页
scr_stop

# The registers (home 6): xyh offers the centre's own word 夕阳红 first and
# finds 夕阳红合唱团 before any character is picked; Down, Enter opens it.
scr_start 80 24
scr_keys 6
expect_line 1 机构与团队 "6 opens the registers"
scr_type xyh
expect_line 4 "1.夕阳红 " "xyh: the centre's word 夕阳红 (of 夕阳红合唱团) is the first candidate"
expect_screen 夕阳红合唱团 "and the list finds 夕阳红合唱团 from the letters alone"
scr_keys Down Enter
expect_line 2 夕阳红合唱团 "Down and Enter open 夕阳红合唱团's page"
scr_stop

# input.pinyin off: a desk starts with it off.
"$HUBDESK" config set input.pinyin off >/dev/null 2>&1 || not_ok "config set input.pinyin off"
scr_start 80 24
expect_line 1 "EN |" "with input.pinyin off the top line shows EN from the start"
scr_stop
"$HUBDESK" config set input.pinyin on >/dev/null 2>&1 || not_ok "config set input.pinyin on"

# In English at 100x30, Space takes the first candidate.
scr_start 100 30 --lang en
expect_line 1 Home "home in English"
expect_line 1 "中 |" "the top line shows 中 in English too"
scr_keys 1
expect_line 1 "Visitor check-in" "the check-in form in English"
scr_type zhangsanfeng
expect_screen "1.张三丰" "the candidate line at 100x30"
scr_keys Space
expect_line 4 "张三丰" "Space takes 张三丰"
scr_keys Tab Tab
scr_type 2
scr_keys F2
expect_screen "is here already" "F2 asks first: 张三丰 is here already"
scr_keys y
expect_screen "Checked in: 张三丰." "y saves in English"
expect_eq "$(visits_of 张三丰)" 2 "the database holds a second visit of 张三丰"
scr_stop

done_testing
