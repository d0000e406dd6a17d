#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run.sh - `make bench`: builds the generated database once per version of
# the generator, seed and size
# (build/bench/bench-v<version>-<seed>-<orgs>-<teams>-<visits>.db, on the
# real disk), then runs the measures on a scratch copy of it, so writes
# never grow the cached file.
#
# BENCH_SEED (1), BENCH_ORGS (10000), BENCH_TEAMS (10000) and BENCH_VISITS
# (1000000) choose the data;
# BENCH_CUPS_QUEUE, when set, the CUPS queue cups_submit_escpos sends to
# (else a private cupsd's, see bench/cups.sh). BENCH_ONLY, when set, runs
# only the search, register and db_open lines whose names begin with one of
# its words (e.g. BENCH_ONLY="initials_keystroke search_keystroke_2char"),
# after fdatasync, and none of the later groups (nor the pg_ lines).
#
# Then the pg_ lines (bench/pg.sh): the same generated data loaded into a
# private PostgreSQL cluster started durable (cached beside the file, in
# build/bench/pg-v<version>-<seed>-<orgs>-<teams>-<visits>), or one line
# saying why they are skipped; and copied into a database of 20 centres,
# each with the last BENCH_CENTRE_VISITS (10000) of the visits.
set -eu

cd "$(dirname "$0")/.."
TZ=Asia/Shanghai
export TZ

seed=${BENCH_SEED:-1}
orgs=${BENCH_ORGS:-10000}
teams=${BENCH_TEAMS:-10000}
visits=${BENCH_VISITS:-1000000}
for n in "$seed" "$orgs" "$teams" "$visits"; do
	case $n in
	'' | *[!0-9]*)
		echo "bench: BENCH_SEED, BENCH_ORGS, BENCH_TEAMS and BENCH_VISITS take whole numbers" >&2
		exit 2
		;;
	esac
done

# What the generator makes besides the sizes: raise it when that changes,
# so that an older cached database is made again (2: 50 rooms and five
# years of bookings; 3: made by migrations through 13, so that no migration
# rewriting many rows runs on the scratch copy just before the measures;
# 4: through 17, with the pinyin index of names, people's too; 5: through
# 18, every table with its centre_id, which the pg_ lines' load copies).
version=5

dir=build/bench
bin=$dir/hubdesk-bench
db=$dir/bench-v$version-$seed-$orgs-$teams-$visits.db
part=$dir/bench-v$version-$seed-$orgs-$teams-$visits.part.db
scratch=$dir/bench-scratch.db

for b in "$bin" "$dir/cli-floor" ./hubdesk; do
	if [ ! -x "$b" ]; then
		echo "bench: $b is missing; build it with: make bench" >&2
		exit 1
	fi
done

# The caches of the same data made by earlier generators (before visits,
# before bookings, older versions) are no longer used.
rm -f "$dir/bench-$seed-$orgs-$teams.db" "$dir/bench-$seed-$orgs-$teams.part.db" \
	"$dir/bench-$seed-$orgs-$teams-$visits.db" "$dir/bench-$seed-$orgs-$teams-$visits.part.db"
v=1
while [ "$v" -lt "$version" ]; do
	rm -f "$dir/bench-v$v-$seed-$orgs-$teams-$visits.db" \
		"$dir/bench-v$v-$seed-$orgs-$teams-$visits.part.db"
	rm -rf "$dir/pg-v$v-$seed-$orgs-$teams-$visits"
	v=$((v + 1))
done

# A database is cached only once it is complete.
if [ ! -s "$db" ]; then
	rm -f "$part" "$part-wal" "$part-shm"
	echo "bench: generating $db" >&2
	"$bin" gen --db "$part" --seed "$seed" --orgs "$orgs" --teams "$teams" \
		--visits "$visits" >&2
	mv "$part" "$db"
fi

cleanup() {
	rm -f "$scratch" "$scratch-wal" "$scratch-shm"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
cleanup
cp "$db" "$scratch"
# With a private cupsd for the print measure (bench/cups.sh).
sh bench/cups.sh "$bin" run --db "$scratch" --bin ./hubdesk --floor "$dir/cli-floor"
if [ -z "${BENCH_ONLY:-}" ]; then
	sh bench/pg.sh "$bin" ./hubdesk "$db" "$PWD/$dir/pg-v$version-$seed-$orgs-$teams-$visits"
fi
