/* SPDX-License-Identifier: GPL-3.0-or-later */
/* testutil.h - what the unit tests of core share: a temporary folder and a
 * fresh database, removed afterwards, and a look at a file's bytes.
 *
 * The database is a SQLite file in the folder, or, when the environment has
 * HUBDESK_TEST_PG=DIR (the folder of a cluster tests/pg.sh started), a new
 * empty PostgreSQL database of that cluster for each case, dropped after it.
 * Databases are made and dropped through one psql the process keeps (a psql
 * for each case costs about ten times as much); HUBDESK_TEST_PG_BIN names
 * the folder of PostgreSQL's programs (default: psql on the PATH). */
#ifndef HD_TESTUTIL_H
#define HD_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/actor.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/json.h"
#include "core/setup.h"

struct tdb {
	char dir[64];
	char path[192];  /* the SQLite file, or the PostgreSQL database's URL */
	char pgname[64]; /* the PostgreSQL database's name ("" on SQLite) */
	struct db *db;
	struct hd_actor who;
};

/* The folder of the PostgreSQL cluster the tests run on (NULL: SQLite). */
static inline const char *tdb_pg_dir(void)
{
	const char *dir = getenv("HUBDESK_TEST_PG");

	return dir && *dir ? dir : NULL;
}

/* Skips the case on PostgreSQL: for a test about SQLite itself (the file,
 * WAL, pragmas, the busy handler, raw statements, a file's backup). */
static inline void tdb_sqlite_only(const struct tdb *t)
{
	if (t->pgname[0] || tdb_pg_dir())
		skip();
}

/* The process's one psql on the cluster's maintenance database: written to
 * through to, read from through from (pid 0: not started, owner the process
 * that started it); statements sent and answers read so far; the database
 * made ahead for the next case (its statement's number, 0: none). */
struct tdb_psql {
	pid_t pid, owner;
	FILE *to;
	FILE *from;
	int sent, got;
	bool got_ok;
	int ahead;
	char ahead_name[64];
};

static struct tdb_psql tdb_psql_admin;

/* Starts the admin psql once; false when it cannot be. */
static inline bool tdb_psql_start(const char *dir)
{
	struct tdb_psql *p = &tdb_psql_admin;
	const char *bin = getenv("HUBDESK_TEST_PG_BIN");
	char psql[512];
	int in[2], out[2];

	if (p->pid > 0)
		return true;
	if (bin && *bin)
		snprintf(psql, sizeof(psql), "%s/psql", bin);
	else
		snprintf(psql, sizeof(psql), "psql");
	if (pipe(in) != 0 || pipe(out) != 0)
		return false;
	fflush(NULL);
	p->pid = fork();
	if (p->pid < 0)
		return false;
	if (p->pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		setenv("PGOPTIONS", "-c client_min_messages=warning", 1);
		execlp(psql, psql, "-X", "-q", "-A", "-t", "-h", dir, "-U", "postgres", "-d",
		       "postgres", (char *)NULL);
		_exit(127);
	}
	p->owner = getpid();
	close(in[0]);
	close(out[1]);
	p->to = fdopen(in[1], "w");
	p->from = fdopen(out[0], "r");
	return p->to && p->from;
}

/* Sends one statement to the admin psql without waiting for it: its
 * number for tdb_psql_wait, or 0 when psql cannot be started. */
static inline int tdb_psql_send(const char *dir, const char *sql)
{
	struct tdb_psql *p = &tdb_psql_admin;

	if (!tdb_psql_start(dir))
		return 0;
	fprintf(p->to, "%s;\n\\echo tdb-done %d :ERROR\n", sql, ++p->sent);
	fflush(p->to);
	return p->sent;
}

/* Waits for the end of statement n (and those sent before it): true when
 * it ran without an error. */
static inline bool tdb_psql_wait(int n)
{
	struct tdb_psql *p = &tdb_psql_admin;
	char line[256];
	int k;

	if (n <= 0)
		return false;
	while (p->got < n && fgets(line, sizeof(line), p->from))
		if (sscanf(line, "tdb-done %d", &k) == 1) {
			p->got = k;
			p->got_ok = strstr(line, " false") != NULL;
		}
	return p->got == n && p->got_ok;
}

/* At the process's end: the database made ahead is dropped, and psql ends
 * once it has run what it was sent. */
static inline void tdb_psql_end(void)
{
	struct tdb_psql *p = &tdb_psql_admin;
	char sql[128];

	if (p->pid <= 0 || p->owner != getpid())
		return;
	if (p->ahead) {
		tdb_psql_wait(p->ahead);
		snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s WITH (FORCE)",
			 p->ahead_name);
		tdb_psql_wait(tdb_psql_send(getenv("HUBDESK_TEST_PG"), sql));
	}
	fclose(p->to);
	fclose(p->from);
	waitpid(p->pid, NULL, 0);
	p->pid = 0;
}

/* A new empty database for t: a file in t's folder, or a new PostgreSQL
 * database; t->path names it for db_open. False when it cannot be made.
 * On PostgreSQL the next case's database is made ahead, while this case
 * runs, and a case's database is dropped while the next one runs. */
static inline bool tdb_new_db(struct tdb *t)
{
	static int cases;
	struct tdb_psql *p = &tdb_psql_admin;
	const char *pg = tdb_pg_dir();
	char sql[128];
	int made;

	if (!pg) {
		snprintf(t->path, sizeof(t->path), "%s/t.db", t->dir);
		return true;
	}
	if (p->ahead) {
		snprintf(t->pgname, sizeof(t->pgname), "%s", p->ahead_name);
		made = p->ahead;
	} else {
		snprintf(t->pgname, sizeof(t->pgname), "hdt_%ld_%d", (long)getpid(), ++cases);
		snprintf(sql, sizeof(sql), "CREATE DATABASE %s STRATEGY FILE_COPY", t->pgname);
		made = tdb_psql_send(pg, sql);
		atexit(tdb_psql_end);
	}
	snprintf(p->ahead_name, sizeof(p->ahead_name), "hdt_%ld_%d", (long)getpid(), ++cases);
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s STRATEGY FILE_COPY", p->ahead_name);
	p->ahead = 0;
	if (!tdb_psql_wait(made)) {
		fprintf(stderr, "testutil: cannot create database %s on %s\n", t->pgname, pg);
		t->pgname[0] = '\0';
		return false;
	}
	p->ahead = tdb_psql_send(pg, sql);
	snprintf(t->path, sizeof(t->path), "postgresql:///%s?host=%s&user=postgres", t->pgname, pg);
	return true;
}

/* Drops the case's database (on PostgreSQL: while the next case runs),
 * removes its folder. */
static inline int tdb_teardown(void **state)
{
	struct tdb *t = *state;
	char cmd[160];

	db_close(t->db);
	if (t->pgname[0]) {
		snprintf(cmd, sizeof(cmd), "DROP DATABASE IF EXISTS %s WITH (FORCE)", t->pgname);
		if (!tdb_psql_send(tdb_pg_dir(), cmd))
			return -1;
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t->dir);
	if (system(cmd) != 0)
		return -1;
	free(t);
	return 0;
}

static inline void tdb_env(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "Asia/Shanghai", 1);
	setenv("HUBDESK_NOW", "2026-11-23T09:00:00+08:00", 1);
	tzset();
}

/* The day number of a date as a user types it (CLOCK_NO_DAY when it is
 * no date). */
static inline long tday(const char *date)
{
	struct hd_err err;
	long day = CLOCK_NO_DAY;

	clock_parse_day(date, "date", &day, &err);
	return day;
}

/* The instant of a local time typed "YYYY-MM-DD HH:MM" (-1 when it is no
 * time). */
static inline time_t tat(const char *local)
{
	struct hd_err err;
	time_t t = -1;

	clock_parse_local(local, "time", &t, &err);
	return t;
}

/* A new initialised database (and a new temporary folder). */
static inline int tdb_setup(void **state)
{
	struct tdb *t = calloc(1, sizeof(*t));
	void *made = t;
	struct hd_err err;
	bool created;

	tdb_env();
	snprintf(t->dir, sizeof(t->dir), "/tmp/hubdesk-unit.XXXXXX");
	if (!mkdtemp(t->dir)) {
		free(t);
		return -1;
	}
	if (!tdb_new_db(t))
		goto fail;
	if (db_open(t->path, DB_CREATE, &t->db, &err) != HD_OK) {
		fprintf(stderr, "testutil: db_open %s: %s\n", t->path, err.msg);
		goto fail;
	}
	t->who = actor_command_line("unit");
	if (setup_init(t->db, &t->who, &created, &err) != HD_OK) {
		fprintf(stderr, "testutil: setup_init: %s\n", err.msg);
		goto fail;
	}
	*state = t;
	return 0;
fail:
	tdb_teardown(&made);
	return -1;
}

/* tdb_setup for a case about SQLite itself, which calls tdb_sqlite_only
 * first: on PostgreSQL only the folder is made (t->db stays NULL). */
static inline int tdb_setup_sqlite(void **state)
{
	struct tdb *t;

	if (!tdb_pg_dir())
		return tdb_setup(state);
	t = calloc(1, sizeof(*t));
	tdb_env();
	snprintf(t->dir, sizeof(t->dir), "/tmp/hubdesk-unit.XXXXXX");
	if (!mkdtemp(t->dir))
		return -1;
	*state = t;
	return 0;
}

/* The integer the query gives (the first column of its first row; -1 when
 * there is none). */
static inline long long tdb_int(struct db *db, const char *sql)
{
	struct db_stmt *st = NULL;
	struct hd_err err;
	long long v = -1;

	if (db_prepare(db, sql, &st, &err) == HD_OK && db_step(st) == DB_ROW)
		v = db_col_int(st, 0);
	db_done(st);
	return v;
}

/* Runs sql, one statement or several separated by ";" (none inside a
 * literal), through the storage interface: true when every one ran. */
static inline bool tdb_exec(struct db *db, const char *sql)
{
	char *copy = strdup(sql), *one, *rest = copy;
	struct db_stmt *st;
	struct hd_err err;
	bool good = copy != NULL;

	while (good && (one = strsep(&rest, ";")) != NULL) {
		if (strspn(one, " \t\n") == strlen(one))
			continue;
		st = NULL;
		good = db_prepare(db, one, &st, &err) == HD_OK;
		while (good) {
			enum db_step r = db_step(st);

			if (r == DB_DONE)
				break;
			good = r == DB_ROW;
		}
		db_done(st);
	}
	free(copy);
	return good;
}

/* True when the snapshot o holds check, "KEY=VALUE" or "KEY>N": VALUE is
 * 'text' (that text), null (null or absent) or a whole number; N a number
 * the member's must exceed. */
static inline bool tdb_snap_holds(const struct json_obj *o, const char *check)
{
	const char *op = strpbrk(check, "=>");
	char key[64];
	const struct json_member *m;
	const char *v;
	size_t n;

	assert_non_null(op);
	snprintf(key, sizeof(key), "%.*s", (int)(op - check), check);
	m = json_get(o, key);
	v = op + 1;
	if (*op == '>')
		return m && (m->kind == JSON_INT || m->kind == JSON_REAL) &&
		       strtod(m->text, NULL) > strtod(v, NULL);
	if (strcmp(v, "null") == 0)
		return !m || m->kind == JSON_NULL;
	if (*v == '\'') {
		n = strlen(v + 1);
		assert_true(n > 0 && v[n] == '\'');
		return m && m->kind == JSON_TEXT && strlen(m->text) == n - 1 &&
		       strncmp(m->text, v + 1, n - 1) == 0;
	}
	return m && m->kind == JSON_INT && m->num == strtoll(v, NULL, 10);
}

/* How many audit rows "SELECT before, after FROM audit WHERE where" gives
 * ($1 = id, where it names $1) whose snapshots hold every check of the
 * NULL-ended list: "before.KEY..." or "after.KEY..." as tdb_snap_holds()
 * reads them. The JSON is read in C (core/json), as the program reads it,
 * so a check means the same on every backend; -1 when the query fails. */
static inline long long tdb_audits(struct db *db, const char *where, long long id, ...)
{
	char sql[1024];
	struct db_stmt *st = NULL;
	struct hd_err err;
	struct json_obj snap[2];
	enum db_step r = DB_FAILED;
	long long n = 0;
	const char *check;
	bool all;
	va_list ap;

	snprintf(sql, sizeof(sql), "SELECT before, after FROM audit WHERE %s", where);
	if (db_prepare(db, sql, &st, &err) != HD_OK) {
		db_done(st);
		return -1;
	}
	if (db_param_count(st) >= 1)
		db_bind_int(st, 1, id);
	while ((r = db_step(st)) == DB_ROW) {
		json_parse(db_col_text(st, 0), &snap[0]);
		json_parse(db_col_text(st, 1), &snap[1]);
		all = true;
		va_start(ap, id);
		while (all && (check = va_arg(ap, const char *)) != NULL) {
			bool after = strncmp(check, "after.", 6) == 0;

			assert_true(after || strncmp(check, "before.", 7) == 0);
			all = tdb_snap_holds(&snap[after], check + (after ? 6 : 7));
		}
		va_end(ap);
		n += all;
		json_obj_free(&snap[0]);
		json_obj_free(&snap[1]);
	}
	db_done(st);
	return r == DB_DONE ? n : -1;
}

/* On SQLite: writes the WAL back into the file (a checkpoint) and returns
 * true, so a case can look at what the file and its -wal hold; false on
 * PostgreSQL, whose files are the server's. */
static inline bool tdb_checkpoint(struct tdb *t)
{
	if (t->pgname[0] || tdb_pg_dir())
		return false;
	assert_true(tdb_exec(t->db, "PRAGMA wal_checkpoint(TRUNCATE)"));
	return true;
}

/* True when the bytes of needle occur anywhere in the file at path (false
 * when there is no such file): to show what a database file, or its -wal,
 * still holds. */
static inline bool file_holds(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	size_t n = strlen(needle), have = 0, got;
	char *buf = NULL;
	bool found = false;
	struct stat sb;

	if (!f)
		return false;
	if (stat(path, &sb) == 0 && sb.st_size > 0) {
		buf = malloc((size_t)sb.st_size);
		assert_non_null(buf);
		while ((got = fread(buf + have, 1, (size_t)sb.st_size - have, f)) > 0)
			have += got;
		for (size_t i = 0; !found && i + n <= have; i++)
			found = memcmp(buf + i, needle, n) == 0;
	}
	free(buf);
	fclose(f);
	return found;
}

#endif
