#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# demo-history.sh DB - the past four weeks of the demo centre, so that the
# reports of `make run` have something to count: visitors checked in and out
# through the day, and bookings made the day before, most of them checked
# in and some left as no-shows. Times follow the machine's clock; each step
# runs at its own moment (HUBDESK_NOW), through the command line like a desk.
# Two desks share the days (odd and even), and each day says it is done, so
# the terminal shows progress.
set -u

db=$1
hd() { ./hubdesk --db "$db" "$@" 2>/dev/null || true; }
at() { date -d "$1" +%FT%T%:z; }

today=$(date +%F)
plan=$(mktemp)
trap 'rm -f "$plan"' EXIT
awk -v seed=2026 'BEGIN {
	srand(seed)
	split("王建国 李秀英 张伟 刘洋 陈静 杨帆 赵磊 黄敏 周杰 吴婷 徐明 孙丽 马超 朱琳 胡军", names, " ")
	for (d = 28; d >= 1; d--) {
		n = 3 + int(rand() * 6)
		for (i = 0; i < n; i++) {
			h = 8 + int(rand() * 9); m = 30 * int(rand() * 2)
			printf "visit|%d|%02d:%02d|%s|%d|%d|%d\n", d, h, m, names[1 + int(rand() * 15)],
				1 + int(rand() * 13), 1 + int(rand() * 3), int(rand() * 8)
		}
		if (rand() < 0.8) {
			h = 9 + 2 * int(rand() * 4)
			printf "book|%d|%d|%d|%02d:00|%02d:00|%d\n", d, 1 + int(rand() * 8),
				1 + int(rand() * 6), h, h + 2, rand() < 0.75
		}
	}
}' >"$plan"

# day D: the visits and the booking of the day D days ago, as planned.
day() {
	awk -F'|' -v d="$1" '$2 == d' "$plan" | while IFS='|' read -r kind d a b c e f; do
		on=$(date -d "$today -$d days" +%F)
		if [ "$kind" = visit ]; then
			org=""
			[ "$f" -ge 1 ] && [ "$f" -le 6 ] && org="--org $f"
			# shellcheck disable=SC2086
			id=$(HUBDESK_NOW=$(at "$on $a") hd visitor checkin --name "$b" --purpose "$c" \
				--party "$e" $org --no-print | cut -f1)
			[ -n "$id" ] && HUBDESK_NOW=$(at "$on $a 75 minutes") hd visitor checkout "$id" >/dev/null
		else
			prev=$(date -d "$on -1 day" +%F)
			id=$(HUBDESK_NOW=$(at "$prev 10:00") hd booking add --room "$a" --org "$b" \
				--start "$on $c" --end "$on $e" --attendees 6 --purpose 活动 --no-print | cut -f1)
			[ -n "$id" ] && [ "$f" = 1 ] &&
				HUBDESK_NOW=$(at "$on $c 5 minutes") hd booking checkin "$id" >/dev/null
		fi
	done
	echo "demo: the history of $(date -d "$today -$1 days" +%F) is in ($(awk -F'|' -v d="$1" '$2 == d' "$plan" | wc -l | tr -d ' ') entries)"
}

# desk PARITY: the days of that parity, oldest first.
desk() {
	d=$((28 - $1))
	while [ "$d" -ge 1 ]; do
		day "$d"
		d=$((d - 2))
	done
}

echo "demo: making four weeks of history through the command line, two desks at once"
desk 0 &
desk 1
wait
echo "demo: four weeks of visits and bookings are in"
exit 0
