#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/pg.sh - a private PostgreSQL cluster for the tests: made by initdb
# as the postgres user in a folder of its own, listening only on a Unix
# socket in that folder, with fsync off (a test's data need not outlive a
# crash of the machine).
#
#   sh tests/pg.sh start DIR      makes (once) and starts the cluster in DIR
#   sh tests/pg.sh start DIR durable
#                                 likewise with fsync and synchronous_commit
#                                 on, as a centre's server runs (the bench)
#   sh tests/pg.sh stop DIR       stops it (DIR stays)
#   sh tests/pg.sh kill DIR       stops it at once, as a crash would (the
#                                 server's processes quit without a
#                                 checkpoint; start recovers)
#   sh tests/pg.sh db DIR NAME    a new empty database NAME (an old one of
#                                 that name is dropped); prints its URL
#   sh tests/pg.sh drop DIR NAME  drops database NAME
#   sh tests/pg.sh bin            the folder of PostgreSQL's programs
#
# Exits 0 on success; 77 when PostgreSQL is not installed; 1 on failure,
# with the server's log on stderr.
set -u

pg_bin() {
	ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

# as_postgres CMD...: runs CMD as the postgres user (or as is, when this
# already is that user or root is not who runs the tests).
as_postgres() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

BIN=$(pg_bin)
[ -n "$BIN" ] && [ -x "$BIN/initdb" ] || {
	echo "pg.sh: PostgreSQL is not installed (make deps installs it)" >&2
	exit 77
}

cmd=${1:-}
dir=${2:-}

case $cmd in
bin)
	echo "$BIN"
	exit 0
	;;
start)
	[ -n "$dir" ] || exit 1
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	chmod 0700 "$dir"
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		as_postgres "$BIN/initdb" -D "$dir/data" -A trust -U postgres --no-sync -E UTF8 \
			--locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
			cat "$dir/initdb.log" >&2
			exit 1
		}
	fi
	if [ "${3:-}" = durable ]; then
		sync="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
	else
		sync="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	fi
	as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s \
		-o "-c listen_addresses='' -c unix_socket_directories='$dir' $sync \
-c max_connections=200" \
		start >/dev/null 2>&1 || {
		cat "$dir/server.log" >&2
		exit 1
	}
	;;
stop)
	[ -n "$dir" ] || exit 1
	[ -f "$dir/data/postmaster.pid" ] || exit 0
	as_postgres "$BIN/pg_ctl" -D "$dir/data" -m fast -w -s stop >/dev/null 2>&1
	;;
kill)
	[ -n "$dir" ] || exit 1
	[ -f "$dir/data/postmaster.pid" ] || exit 0
	as_postgres "$BIN/pg_ctl" -D "$dir/data" -m immediate -w -s stop >/dev/null 2>&1
	;;
db)
	name=${3:-}
	[ -n "$dir" ] && [ -n "$name" ] || exit 1
	PGOPTIONS="-c client_min_messages=warning" as_postgres "$BIN/psql" -X -q -h "$dir" -U postgres -d postgres -v ON_ERROR_STOP=1 \
		-c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" \
		-c "CREATE DATABASE \"$name\"" >/dev/null || exit 1
	echo "postgresql:///$name?host=$dir&user=postgres"
	;;
drop)
	name=${3:-}
	[ -n "$dir" ] && [ -n "$name" ] || exit 1
	PGOPTIONS="-c client_min_messages=warning" as_postgres "$BIN/psql" -X -q -h "$dir" -U postgres -d postgres \
		-c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null
	;;
*)
	echo "usage: sh tests/pg.sh start|stop|kill DIR | db|drop DIR NAME | bin" >&2
	exit 2
	;;
esac
