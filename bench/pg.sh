#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# pg.sh - the pg_ lines of `make bench`: a private PostgreSQL cluster in
# CLUSTER (tests/pg.sh, started durable: fsync and synchronous_commit on, as
# a centre's server runs), holding the generated SQLite database DB loaded
# once into its database `bench` (cached with the cluster: a file `loaded`
# says it is complete), then `BENCH pg --db URL` on a scratch database made
# from it, so that the measures' writes never reach the cached one, as the
# role bound to its centre.
#
# The load: `hubdesk --db URL init` makes the schema, its first rows are
# removed, and every table is copied with COPY from `sqlite3 -csv` (NULL
# written \N, so that an empty text stays empty; bytea as hex), with the
# triggers off (their rows are in the copy already); each identity is then
# set past the largest id, and VACUUM ANALYZE runs.
#
# Then database bench_20c (cached likewise: `loaded_20c-VISITS`), the
# district of 20 centres: bench's rows of centre 1, but for the audit,
# copied on the server into centres 2 to 20 (INSERT ... SELECT, every id
# and every column ending in _id moved by 10^8 a centre), and role
# bench_c20 bound to centre C20. Of the visits each centre gets only the
# last BENCH_CENTRE_VISITS (10000), with their people, so that 20 copies
# of a million visits need not fit on the disk (the two measures read no
# visit). `BENCH pg` measures the search and the day grid there too,
# connected as bench_c20: row-level security on, as a centre's desk.
#
# When no cluster can be started, one line on stdout says the pg_ lines are
# skipped and why; it exits 0 then, as the other lines are measured.
#
# usage: sh bench/pg.sh BENCH HUBDESK DB CLUSTER
set -u

bench=$1
hubdesk=$2
sqlite_db=$3
cluster=$4
cd "$(dirname "$0")/.."

skip() {
	echo "pg: skipped ($*)"
	exit 0
}

command -v sqlite3 >/dev/null 2>&1 || skip "the sqlite3 program is missing"
# A cluster left running by an interrupted run is stopped first.
sh tests/pg.sh stop "$cluster" 2>/dev/null
sh tests/pg.sh start "$cluster" durable 2>"$cluster.log"
case $? in
0) ;;
77) skip "PostgreSQL is not installed" ;;
*) skip "the private cluster did not start; see $cluster.log" ;;
esac
rm -f "$cluster.log"
stop() {
	sh tests/pg.sh stop "$cluster"
}
trap stop EXIT
trap 'exit 1' HUP INT TERM

psql="$(sh tests/pg.sh bin)/psql"
if [ "$(id -u)" = 0 ]; then
	psql="runuser -u postgres -- $psql"
fi
# sql DATABASE ARGS...: psql on the cluster, stopping at the first error.
sql() {
	d=$1
	shift
	PGOPTIONS="-c client_min_messages=warning" $psql -X -q -A -t -v ON_ERROR_STOP=1 \
		-h "$cluster" -U postgres -d "$d" "$@"
}

# load: the SQLite database into database bench.
load() {
	url=$(sh tests/pg.sh db "$cluster" bench) || return 1
	"$hubdesk" --db "$url" init >/dev/null 2>&1 || return 1
	tables=$(sql bench -c "SELECT string_agg(tablename, ' ' ORDER BY tablename)
		FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'hubdesk_schema'") ||
		return 1
	sql bench -c "TRUNCATE $(echo "$tables" | sed 's/ /, /g') RESTART IDENTITY" || return 1
	for t in $tables; do
		# The columns in PostgreSQL's order, read from SQLite by name.
		cols=$(sql bench -c "SELECT string_agg(CASE WHEN data_type = 'bytea'
			THEN '''\\x'' || hex(\"' || column_name || '\")'
			ELSE '\"' || column_name || '\"' END, ', ' ORDER BY ordinal_position)
			FROM information_schema.columns
			WHERE table_schema = 'public' AND table_name = '$t'") || return 1
		# immutable: the cached file is only read, and no -wal or -shm is made beside it.
		sqlite3 -readonly -csv -nullvalue '\N' "file:$sqlite_db?immutable=1" \
			"SELECT $cols FROM \"$t\"" |
			sql bench -c "SET session_replication_role = replica" \
				-c "COPY \"$t\" FROM STDIN WITH (FORMAT csv, NULL '\\N')" || return 1
	done
	sql bench <<'EOF' || return 1
DO $$
DECLARE t text; m bigint;
BEGIN
	FOR t IN SELECT table_name FROM information_schema.columns
		WHERE table_schema = 'public' AND column_name = 'id' AND is_identity = 'YES'
	LOOP
		EXECUTE format('SELECT max(id) FROM %I', t) INTO m;
		IF m IS NOT NULL THEN
			PERFORM setval(pg_get_serial_sequence(t, 'id'), m);
		END IF;
	END LOOP;
END $$;
EOF
	sql bench -c "VACUUM (ANALYZE)" || return 1
}

# centres: database bench_20c from bench, with centres 2 to 20.
centres() {
	sql postgres -c "DROP DATABASE IF EXISTS bench_20c WITH (FORCE)" \
		-c "CREATE DATABASE bench_20c TEMPLATE bench STRATEGY FILE_COPY" || return 1
	sql bench_20c -v cap="$centre_visits" >/dev/null <<'EOF' || return 1
SET session_replication_role = replica;
SELECT set_config('bench.first_visit', (coalesce(max(id), 0) - :'cap' + 1)::text, false)
	FROM visit;
INSERT INTO centre(code, name) SELECT 'C' || n, '中心' || n FROM generate_series(2, 20) n;
DO $$
DECLARE t text; cols text; vals text; m bigint; cond text;
	first text := current_setting('bench.first_visit');
	people text := 'SELECT person_id FROM visit WHERE centre_id = 1 AND id >= ' || first;
BEGIN
	FOR t IN SELECT table_name FROM information_schema.columns
		WHERE table_schema = 'public' AND column_name = 'centre_id'
		AND table_name NOT IN ('audit', 'centre_move')
	LOOP
		SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
			string_agg(CASE WHEN column_name = 'centre_id' THEN 'c.id'
				WHEN column_name = 'id' OR column_name LIKE '%\_id'
				THEN 'x.' || quote_ident(column_name) || ' + (c.id - 1) * 100000000'
				ELSE 'x.' || quote_ident(column_name) END, ', ' ORDER BY ordinal_position)
			INTO cols, vals FROM information_schema.columns
			WHERE table_schema = 'public' AND table_name = t;
		cond := CASE t WHEN 'visit' THEN ' AND x.id >= ' || first
			WHEN 'person' THEN ' AND x.id IN (' || people || ')'
			WHEN 'name_pinyin' THEN ' AND (x.kind <> 8 OR x.id IN (' || people || '))'
			ELSE '' END;
		EXECUTE format('INSERT INTO %I (%s) OVERRIDING SYSTEM VALUE SELECT %s'
			' FROM %I x, centre c WHERE x.centre_id = 1 AND c.id > 1%s', t, cols, vals, t, cond);
	END LOOP;
	FOR t IN SELECT table_name FROM information_schema.columns
		WHERE table_schema = 'public' AND column_name = 'id' AND is_identity = 'YES'
	LOOP
		EXECUTE format('SELECT max(id) FROM %I', t) INTO m;
		IF m IS NOT NULL THEN
			PERFORM setval(pg_get_serial_sequence(t, 'id'), m);
		END IF;
	END LOOP;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench_c20') THEN
		CREATE ROLE bench_c20 LOGIN;
	END IF;
END $$;
UPDATE centre SET role = 'bench_c20' WHERE code = 'C20';
SELECT hubdesk_grant('bench_c20');
EOF
	sql bench_20c -c "VACUUM (ANALYZE)" || return 1
}

if [ ! -f "$cluster/loaded" ]; then
	echo "bench: loading $sqlite_db into PostgreSQL ($cluster)" >&2
	t0=$(date +%s)
	load || skip "loading the generated database failed"
	echo "bench: loaded in $(($(date +%s) - t0)) s" >&2
	touch "$cluster/loaded"
fi

centre_visits=${BENCH_CENTRE_VISITS:-10000}
case $centre_visits in
'' | *[!0-9]*) skip "BENCH_CENTRE_VISITS takes a whole number" ;;
esac
if [ ! -f "$cluster/loaded_20c-$centre_visits" ]; then
	rm -f "$cluster"/loaded_20c-*
	echo "bench: copying centre 1 into centres 2 to 20 (bench_20c)" >&2
	t0=$(date +%s)
	centres || skip "making the database of 20 centres failed"
	echo "bench: 20 centres made in $(($(date +%s) - t0)) s" >&2
	touch "$cluster/loaded_20c-$centre_visits"
fi

# The one centre's measures connect as the tables' owner (bench_owner, no
# superuser), as a single centre's desks do: row-level security on, the
# session serving its one centre (bench_c20 is a bound role, which may not
# write the numbered rows some measures make).
sql postgres -c "DROP DATABASE IF EXISTS bench_scratch WITH (FORCE)" \
	-c "CREATE DATABASE bench_scratch TEMPLATE bench STRATEGY FILE_COPY" ||
	skip "the scratch database could not be made"
sql bench_scratch >/dev/null <<'EOF' || skip "the scratch database's owner could not be made"
DO $$ DECLARE t text; BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench_owner') THEN
		CREATE ROLE bench_owner LOGIN;
	END IF;
	FOR t IN SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public' LOOP
		EXECUTE 'ALTER TABLE ' || t || ' OWNER TO bench_owner';
	END LOOP;
END $$;
GRANT CREATE ON SCHEMA public TO bench_owner;
EOF
"$bench" pg --db "postgresql:///bench_scratch?host=$cluster&user=bench_owner" \
	--centres "postgresql:///bench_20c?host=$cluster&user=bench_c20"
status=$?
sql postgres -c "DROP DATABASE IF EXISTS bench_scratch WITH (FORCE)"

# pg_load: the generated SQLite database (a centre's whole history) moved
# into a new centre of a new database by `load`, as the district's owner
# (a role of its own: load moves the id sequences, which a centre's role
# may not, and hubdesk serves no superuser on several centres).
sql postgres >/dev/null <<'EOF' || skip "the load's database could not be made"
DROP DATABASE IF EXISTS bench_load WITH (FORCE);
DO $$ BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench_owner') THEN
		CREATE ROLE bench_owner LOGIN;
	END IF;
END $$;
CREATE DATABASE bench_load OWNER bench_owner;
EOF
load_url="postgresql:///bench_load?host=$cluster&user=bench_owner"
if "$hubdesk" --db "$load_url" init >/dev/null 2>&1 </dev/null &&
	"$hubdesk" --db "$load_url" centre add --code LD --name 载入 >/dev/null 2>&1; then
	t0=$(date +%s%N)
	if "$hubdesk" --db "$load_url" --centre LD load "$sqlite_db" >/dev/null 2>"$cluster/load.err"; then
		echo "pg_load: $(((($(date +%s%N) - t0) / 1000000))) ms"
	else
		echo "pg_load: failed ($(head -c 300 "$cluster/load.err"))"
		status=1
	fi
fi
sql postgres -c "DROP DATABASE IF EXISTS bench_load WITH (FORCE)"
exit $status
