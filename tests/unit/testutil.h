/* SPDX-License-Identifier: GPL-3.0-or-later */
/* testutil.h - what the unit tests of core share: a temporary folder with a
 * fresh database in it, removed afterwards, and a look at a file's bytes. */
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
#include <time.h>
#include <unistd.h>

#include "core/actor.h"
#include "core/clock.h"
#include "core/db_sqlite.h"
#include "core/setup.h"

struct tdb {
	char dir[64];
	char path[128];
	struct db *db;
	struct hd_actor who;
};

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

/* A new initialised database in a new temporary folder. */
static inline int tdb_setup(void **state)
{
	struct tdb *t = calloc(1, sizeof(*t));
	struct hd_err err;
	bool created;

	tdb_env();
	snprintf(t->dir, sizeof(t->dir), "/tmp/hubdesk-unit.XXXXXX");
	if (!mkdtemp(t->dir))
		return -1;
	snprintf(t->path, sizeof(t->path), "%s/t.db", t->dir);
	if (db_open(t->path, DB_CREATE, &t->db, &err) != HD_OK)
		return -1;
	t->who = actor_command_line("unit");
	if (setup_init(t->db, &t->who, &created, &err) != HD_OK)
		return -1;
	*state = t;
	return 0;
}

static inline int tdb_teardown(void **state)
{
	struct tdb *t = *state;
	char cmd[160];

	db_close(t->db);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t->dir);
	if (system(cmd) != 0)
		return -1;
	free(t);
	return 0;
}

/* The integer the query gives (the first column of its first row). */
static inline long long tdb_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;

	if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
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
