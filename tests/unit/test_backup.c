/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_backup.c - copies of the database: a copy taken while another
 * connection writes is whole (one file, rollback journal, integrity ok) and
 * holds every committed visit; only the admin may take one; a bad path
 * leaves nothing behind; backup_check refuses what is not a hubdesk database
 * this hubdesk can read; a restore round trip keeps the replaced database;
 * the daily copies (once a day, removed after retention.days, erased like
 * the database: retention and every erasure on request, the bytes gone from
 * the files); the lock file that keeps a restore away from a running desk.
 * Copies of a SQLite file: on PostgreSQL every case skips. */
#include "testutil.h"

#include <spawn.h>
#include <sys/wait.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>

#include "core/backup.h"
#include "core/db_sqlite.h"
#include "core/dblock.h"
#include "core/settings.h"
#include "core/visit.h"

#define NOW0 "2026-11-23T09:00:00+08:00"

static void set_now(const char *iso)
{
	setenv("HUBDESK_NOW", iso, 1);
}

static int setup(void **state)
{
	return tdb_setup_sqlite(state);
}

static int teardown(void **state)
{
	set_now(NOW0);
	return tdb_teardown(state);
}

static long long checkin(struct db *db, const struct hd_actor *who, const char *name,
			 const char *phone)
{
	struct visit_draft d;
	struct hd_err err;
	long long id = 0;

	memset(&d, 0, sizeof(d));
	d.name = name;
	d.phone = phone;
	d.purpose = 1;
	if (visit_checkin(db, who, &d, &id, &err) != HD_OK)
		fail_msg("checking in %s: %s", name, err.msg);
	assert_true(id > 0);
	return id;
}

static struct hd_actor staff_actor(enum hd_role role)
{
	struct hd_actor who = actor_desk("d");

	who.kind = ACTOR_STAFF;
	who.role = role;
	who.staff_id = 1;
	snprintf(who.name, sizeof(who.name), "%s", role == ROLE_STAFF ? "工作人员" : "志愿者");
	return who;
}

static bool exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* path with suffix appended, in a static buffer of its own per slot. */
static const char *with(const char *path, const char *suffix, int slot)
{
	static char buf[4][512];

	snprintf(buf[slot], sizeof(buf[slot]), "%s%s", path, suffix);
	return buf[slot];
}

/* The integer sql gives on the file at path, read through a plain
 * read-only connection (no pragma of hubdesk's own); -1 when it cannot. */
static long long file_int(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	int opened = sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK;
	struct db *db = db_sqlite_wrap(h);
	long long v = -1;

	if (opened)
		v = tdb_int(db, sql);
	db_close(db);
	return v;
}

/* The text sql gives on the file at path, through a plain read-only
 * connection ("" when none). */
static void file_text(const char *path, const char *sql, char *out, size_t outsz)
{
	sqlite3_stmt *st = NULL;
	sqlite3 *db = NULL;

	out[0] = '\0';
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, outsz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* Runs sql on the file at path through a plain connection (to make a
 * foreign or newer file). */
static void file_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
					 NULL),
			 SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s on %s: %s", sql, path, sqlite3_errmsg(db));
	sqlite3_close(db);
}

static void write_file(const char *path, const void *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void copy_file(const char *from, const char *to)
{
	char buf[8192];
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	size_t n;

	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

/* Overwrites n bytes at offset with a fixed pattern of garbage. */
static void scribble(const char *path, long offset, size_t n)
{
	unsigned char junk[8192];
	size_t i;
	int fd;

	assert_true(n <= sizeof(junk));
	for (i = 0; i < n; i++)
		junk[i] = (unsigned char)(i * 151u + 77u);
	fd = open(path, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, junk, n, offset), (ssize_t)n);
	close(fd);
}

/* Byte at of a file's 100-byte header (-1 when unreadable): bytes 18 and
 * 19 say the journal (1 rollback, 2 WAL). */
static int header_byte(const char *path, int at)
{
	unsigned char h[100];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return -1;
	n = fread(h, 1, sizeof(h), f);
	fclose(f);
	return n == sizeof(h) ? h[at] : -1;
}

/* How many names in folder dir end with suffix. */
static int count_suffix(const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t s = strlen(suffix);
	int n = 0;

	if (!d)
		return 0;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);

		n += l >= s && strcmp(e->d_name + l - s, suffix) == 0;
	}
	closedir(d);
	return n;
}

/* The path of the daily copy of date beside t's database. */
static const char *daily(const struct tdb *t, const char *date, int slot)
{
	static char buf[4][512];

	snprintf(buf[slot], sizeof(buf[slot]), "%s/backups/hubdesk-%s.db", t->dir, date);
	return buf[slot];
}

static void daily_round(struct tdb *t, struct backup_round *r)
{
	struct hd_err err;

	memset(r, 0x55, sizeof(*r));
	if (backup_daily(t->db, &t->who, t->path, r, &err) != HD_OK)
		fail_msg("backup_daily: %s", err.msg);
}

/* --- backup_write ------------------------------------------------------ */

static void test_copy_while_another_connection_writes_is_whole(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	char copy[160], mode[32];
	struct db *other = NULL;
	struct hd_err err;
	int i;

	snprintf(copy, sizeof(copy), "%s/copy.db", t->dir);
	checkin(t->db, &t->who, "东方既白", "13712340901");
	/* Another desk: its own connection, its visits committed into the WAL
	 * and not checkpointed (it keeps a read open, so nothing is moved). */
	assert_int_equal(db_open(t->path, DB_EXISTING, &other, &err), HD_OK);
	for (i = 0; i < 20; i++) {
		char name[32];

		snprintf(name, sizeof(name), "访客%02d", i);
		checkin(other, &t->who, name, NULL);
	}
	checkin(other, &t->who, "西门吹雪", "13712340902");
	assert_int_equal(sqlite3_exec(db_sqlite(other), "BEGIN; SELECT count(*) FROM visit;", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	assert_true(exists(with(t->path, "-wal", 0)));
	/* Junk where the copy goes is replaced. */
	write_file(copy, "old junk", 8);

	if (backup_write(t->db, &t->who, copy, &err) != HD_OK)
		fail_msg("backup_write while another connection has written: %s", err.msg);
	sqlite3_exec(db_sqlite(other), "COMMIT", NULL, NULL, NULL);
	/* Written after the copy: not in it. */
	checkin(other, &t->who, "来迟了", NULL);
	db_close(other);

	assert_int_equal(backup_check(copy, &err), HD_OK);
	assert_int_equal(file_int(copy, "SELECT count(*) FROM visit"), 22);
	assert_int_equal(file_int(copy, "SELECT count(*) FROM person WHERE name = '西门吹雪'"
					" AND phone = '13712340902'"),
			 1);
	assert_int_equal(file_int(copy, "PRAGMA application_id"), DB_APPLICATION_ID);
	assert_int_equal(file_int(copy, "PRAGMA user_version"), db_schema_latest());
	file_text(copy, "PRAGMA integrity_check", mode, sizeof(mode));
	assert_string_equal(mode, "ok");
	/* One file: no WAL, no shared memory, no part beside it; rollback
	 * journal in the header and as the journal mode read afresh. */
	assert_false(exists(with(copy, "-wal", 0)));
	assert_false(exists(with(copy, "-shm", 1)));
	assert_false(exists(with(copy, ".part", 2)));
	assert_int_equal(header_byte(copy, 18), 1);
	assert_int_equal(header_byte(copy, 19), 1);
	file_text(copy, "PRAGMA journal_mode", mode, sizeof(mode));
	assert_string_equal(mode, "delete");
	assert_false(exists(with(copy, "-wal", 0)));
	/* Audited once, as a backup by the command line. */
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'backup'"), 1);
}

static void test_backup_is_for_the_admin_only(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	struct hd_actor desk = actor_desk("前台"), volunteer = staff_actor(ROLE_VOLUNTEER),
			staff = staff_actor(ROLE_STAFF);
	const struct hd_actor *refused[] = { &desk, &volunteer, &staff };
	char copy[160];
	struct hd_err err;
	size_t i;

	snprintf(copy, sizeof(copy), "%s/copy.db", t->dir);
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		memset(&err, 0, sizeof(err));
		assert_int_equal(backup_write(t->db, refused[i], copy, &err), HD_REFUSED);
		assert_int_equal(err.status, HD_REFUSED);
		assert_true(err.msg[0] != '\0');
		assert_false(exists(copy));
		assert_false(exists(with(copy, ".part", 0)));
	}
	assert_int_equal(tdb_audits(t->db, "action = 'denied'", 0, "after.action='admin'", NULL),
			 3);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'denied'"
					" AND actor = 'desk'"),
			 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'backup'"), 0);
	assert_int_equal(backup_write(t->db, &t->who, copy, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'backup'"), 1);
}

static void test_backup_to_a_bad_path_leaves_nothing(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	char path[200];
	struct hd_err err;
	enum hd_status rc;

	assert_int_equal(backup_write(t->db, &t->who, "", &err), HD_BAD_INPUT);
	assert_int_equal(backup_write(t->db, &t->who, NULL, &err), HD_BAD_INPUT);

	/* A folder that does not exist. */
	snprintf(path, sizeof(path), "%s/no-such-folder/copy.db", t->dir);
	rc = backup_write(t->db, &t->who, path, &err);
	if (rc != HD_FAIL && rc != HD_BAD_INPUT)
		fail_msg("backup into a missing folder gave %d", rc);
	assert_true(err.msg[0] != '\0');
	assert_false(exists(path));
	assert_false(exists(with(path, ".part", 0)));

	/* A folder where the file should go: the copy is made, cannot take
	 * the place, and its part is removed. */
	snprintf(path, sizeof(path), "%s/a-folder", t->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	rc = backup_write(t->db, &t->who, path, &err);
	if (rc != HD_FAIL && rc != HD_BAD_INPUT)
		fail_msg("backup onto a folder gave %d", rc);
	assert_false(exists(with(path, ".part", 0)));

	/* Nothing of it was audited as a backup. */
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'backup'"), 0);
}

/* --- backup_check -------------------------------------------------------- */

static void test_check_refuses_what_is_not_a_readable_hubdesk_copy(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	char copy[160], bad[160], sql[64];
	static const char TEXT[] = "this is a shopping list, not a database\n";
	struct hd_err err;
	long long root;
	int page;

	snprintf(copy, sizeof(copy), "%s/copy.db", t->dir);
	snprintf(bad, sizeof(bad), "%s/bad.db", t->dir);
	checkin(t->db, &t->who, "东方既白", "13712340901");
	assert_int_equal(backup_write(t->db, &t->who, copy, &err), HD_OK);
	assert_int_equal(backup_check(copy, &err), HD_OK);

	/* Missing. */
	assert_int_equal(backup_check(bad, &err), HD_FAIL);
	assert_true(err.msg[0] != '\0');

	/* Not SQLite at all. */
	write_file(bad, TEXT, sizeof(TEXT) - 1);
	assert_int_equal(backup_check(bad, &err), HD_FAIL);
	assert_true(err.msg[0] != '\0');
	unlink(bad);

	/* Another program's SQLite file. */
	file_exec(bad, "CREATE TABLE recipe(id INTEGER PRIMARY KEY, name TEXT);"
		       "INSERT INTO recipe(name) VALUES ('红烧肉');");
	assert_int_equal(backup_check(bad, &err), HD_FAIL);
	assert_true(err.msg[0] != '\0');
	unlink(bad);

	/* An empty SQLite file. */
	file_exec(bad, "PRAGMA user_version = 0");
	assert_int_equal(backup_check(bad, &err), HD_FAIL);
	unlink(bad);

	/* A newer hubdesk's copy. */
	copy_file(copy, bad);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", db_schema_latest() + 7);
	file_exec(bad, sql);
	assert_int_equal(backup_check(bad, &err), HD_FAIL);
	assert_true(err.msg[0] != '\0');
	unlink(bad);

	/* Damaged in the middle: garbage over the page of the person table,
	 * which is in use, and over the middle of the file. */
	copy_file(copy, bad);
	page = (int)file_int(copy, "PRAGMA page_size");
	root = file_int(copy, "SELECT rootpage FROM sqlite_schema WHERE name = 'person'");
	assert_true(page >= 512 && root > 1);
	scribble(bad, (long)((root - 1) * page + 16), (size_t)page - 32);
	scribble(bad, (long)(file_int(copy, "PRAGMA page_count") / 2) * page + 100, 2000);
	memset(&err, 0, sizeof(err));
	assert_int_equal(backup_check(bad, &err), HD_FAIL);
	assert_true(err.msg[0] != '\0');
	/* Nothing was made beside the files checked. */
	assert_false(exists(with(bad, "-wal", 0)));
	assert_false(exists(with(copy, "-wal", 1)));
	/* The good copy is still good. */
	assert_int_equal(backup_check(copy, &err), HD_OK);
}

/* --- backup_restore ------------------------------------------------------ */

static void test_restore_round_trip_keeps_the_replaced_database(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	char copy[160], kept[4200], bad[160];
	struct hd_err err;
	long long before;

	snprintf(copy, sizeof(copy), "%s/copy.db", t->dir);
	snprintf(bad, sizeof(bad), "%s/bad.db", t->dir);
	checkin(t->db, &t->who, "东方既白", "13712340901");
	assert_int_equal(backup_write(t->db, &t->who, copy, &err), HD_OK);
	checkin(t->db, &t->who, "后来者", "13712340903");
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 2);
	before = tdb_int(t->db, "SELECT count(*) FROM audit");
	/* The caller closes its connection (and holds the lock): nobody has
	 * the database open while it is replaced. */
	db_close(t->db);
	t->db = NULL;

	/* A bad copy is refused before anything is touched. */
	write_file(bad, "garbage", 7);
	kept[0] = '\0';
	assert_int_equal(backup_restore(t->path, bad, kept, sizeof(kept), &err), HD_FAIL);
	assert_int_equal(backup_restore(t->path, "/nonexistent/copy.db", kept, sizeof(kept), &err),
			 HD_FAIL);
	assert_int_equal(count_suffix(t->dir, ".db"), 3); /* t.db, copy.db, bad.db: no kept file */

	kept[0] = '\0';
	if (backup_restore(t->path, copy, kept, sizeof(kept), &err) != HD_OK)
		fail_msg("restore: %s", err.msg);
	/* The stale WAL of the replaced file is gone. */
	assert_false(exists(with(t->path, "-wal", 0)));
	assert_false(exists(with(t->path, "-shm", 1)));
	assert_false(exists(with(t->path, ".part", 2)));
	/* The replaced database is kept, whole, holding what came after. */
	assert_true(kept[0] != '\0');
	assert_non_null(strstr(kept, "/backups/hubdesk-"));
	assert_non_null(strstr(kept, "-before-restore-"));
	assert_true(exists(kept));
	assert_int_equal(backup_check(kept, &err), HD_OK);
	assert_int_equal(file_int(kept, "SELECT count(*) FROM visit"), 2);
	assert_int_equal(file_int(kept, "SELECT count(*) FROM person WHERE name = '后来者'"), 1);
	assert_false(exists(with(kept, "-wal", 0)));

	/* The database is the copy. */
	assert_int_equal(db_open(t->path, DB_EXISTING, &t->db, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 1);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM person WHERE name = '后来者'"), 0);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM person WHERE name = '东方既白'"), 1);
	assert_true(tdb_int(t->db, "SELECT count(*) FROM audit") < before);
	/* It works: a visit goes in. */
	checkin(t->db, &t->who, "再来一位", NULL);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM visit"), 2);
}

/* Restoring an older copy must not bring back a person erased on request
 * since the copy was taken (nor forget that they asked). */
static void test_restore_does_not_bring_back_a_person_erased_since(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	struct hd_actor staff = staff_actor(ROLE_STAFF);
	char copy[160], kept[4200];
	struct hd_err err;
	long long gone;

	snprintf(copy, sizeof(copy), "%s/copy.db", t->dir);
	gone = checkin(t->db, &t->who, "南宫少卿", "13712340904");
	checkin(t->db, &t->who, "东方既白", "13712340901");
	assert_int_equal(backup_write(t->db, &t->who, copy, &err), HD_OK);
	assert_int_equal(visit_erase(t->db, &staff, gone, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM erasure"), 1);
	db_close(t->db);
	t->db = NULL;
	assert_int_equal(backup_restore(t->path, copy, kept, sizeof(kept), &err), HD_OK);
	assert_int_equal(db_open(t->path, DB_EXISTING, &t->db, &err), HD_OK);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM person WHERE name = '东方既白'"), 1);
	if (tdb_int(t->db, "SELECT count(*) FROM person WHERE name = '南宫少卿'") != 0 ||
	    tdb_int(t->db, "SELECT count(*) FROM erasure") != 1)
		fail_msg(
			"BUG: after restoring a copy taken before visit %lld's person (南宫少卿) was "
			"erased on request, the database holds them again (%lld person rows) and its "
			"erasure table has %lld rows instead of 1: backup_restore does not apply the "
			"replaced database's erasures to the restored one",
			gone, tdb_int(t->db, "SELECT count(*) FROM person WHERE name = '南宫少卿'"),
			tdb_int(t->db, "SELECT count(*) FROM erasure"));
}

/* --- backup_daily -------------------------------------------------------- */

static void test_daily_copy_once_a_day_and_old_ones_removed(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	struct backup_round r;
	char dir[160], other[200];
	struct hd_err err;

	snprintf(dir, sizeof(dir), "%s/backups", t->dir);
	assert_int_equal(settings_set(t->db, &t->who, SET_RETENTION_DAYS, "3", &err), HD_OK);
	checkin(t->db, &t->who, "慕容复生", "13712340987");
	checkin(t->db, &t->who, "无电话", NULL);

	daily_round(t, &r);
	assert_int_equal(r.made, 1);
	assert_int_equal(r.kept, 1);
	assert_int_equal(r.removed, 0);
	assert_int_equal(r.erased, 0);
	assert_true(exists(daily(t, "2026-11-23", 0)));
	assert_int_equal(backup_check(daily(t, "2026-11-23", 0), &err), HD_OK);
	assert_int_equal(file_int(daily(t, "2026-11-23", 0), "SELECT count(*) FROM visit"), 2);
	/* Something else in the folder is left alone. */
	snprintf(other, sizeof(other), "%s/hubdesk-notes.db", dir);
	write_file(other, "notes", 5);

	/* Later the same day: none made. */
	set_now("2026-11-23T21:30:00+08:00");
	daily_round(t, &r);
	assert_int_equal(r.made, 0);
	assert_int_equal(r.kept, 1);
	assert_int_equal(r.removed, 0);
	assert_int_equal(count_suffix(dir, ".db"), 2);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'backup'"), 1);

	/* Two days on: a second copy; the first is young enough to stay and so
	 * is the visit in it. */
	set_now("2026-11-25T09:00:00+08:00");
	daily_round(t, &r);
	assert_int_equal(r.made, 1);
	assert_int_equal(r.kept, 2);
	assert_int_equal(r.removed, 0);
	assert_int_equal(r.erased, 0);
	assert_true(file_holds(daily(t, "2026-11-25", 1), "13712340987"));
	assert_true(file_holds(daily(t, "2026-11-25", 1), "慕容复生"));

	/* Four days after the first: the copy of the 23rd (older than 3 days)
	 * goes; the visit of the 23rd is past retention, so the kept copies
	 * lose its person (the row and the bytes), while the counts stay. */
	set_now("2026-11-27T09:00:00+08:00");
	daily_round(t, &r);
	assert_int_equal(r.made, 1);
	assert_int_equal(r.removed, 1);
	assert_int_equal(r.kept, 2);
	assert_int_equal(r.erased, 4); /* two visits in each of two copies */
	assert_false(exists(daily(t, "2026-11-23", 0)));
	assert_true(exists(daily(t, "2026-11-25", 1)));
	assert_true(exists(daily(t, "2026-11-27", 2)));
	assert_true(exists(other));
	for (int i = 1; i <= 2; i++) {
		const char *f = daily(t, i == 1 ? "2026-11-25" : "2026-11-27", i);

		assert_int_equal(backup_check(f, &err), HD_OK);
		assert_int_equal(file_int(f, "SELECT count(*) FROM person"), 0);
		assert_int_equal(file_int(f, "SELECT count(*) FROM visit WHERE erased = 1"), 2);
		if (file_holds(f, "13712340987") || file_holds(f, "慕容复生"))
			fail_msg("%s still holds the bytes of a visitor past retention", f);
		assert_int_equal(header_byte(f, 18), 1);
	}
	/* The copies stay single files. */
	assert_int_equal(count_suffix(dir, "-wal"), 0);
	assert_int_equal(count_suffix(dir, "-shm"), 0);
	assert_int_equal(count_suffix(dir, ".part"), 0);
}

static void test_daily_copies_lose_a_person_erased_on_request(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	struct hd_actor staff = staff_actor(ROLE_STAFF);
	struct backup_round r;
	char dir[160];
	struct hd_err err;
	long long gone;

	snprintf(dir, sizeof(dir), "%s/backups", t->dir);
	gone = checkin(t->db, &t->who, "南宫少卿", "13712340904");
	set_now("2026-11-23T10:00:00+08:00");
	checkin(t->db, &t->who, "南宫少卿", "13712340904"); /* the same person again */
	checkin(t->db, &t->who, "皇甫云舒", "13712340905");
	daily_round(t, &r);
	assert_int_equal(r.made, 1);
	assert_true(file_holds(daily(t, "2026-11-23", 0), "南宫少卿"));
	assert_true(file_holds(daily(t, "2026-11-23", 0), "13712340904"));

	assert_int_equal(visit_erase(t->db, &staff, gone, &err), HD_OK);
	set_now("2026-11-23T21:00:00+08:00");
	daily_round(t, &r);
	assert_int_equal(r.made, 0);
	assert_int_equal(r.kept, 1);
	assert_int_equal(r.erased, 2);
	assert_int_equal(file_int(daily(t, "2026-11-23", 0),
				  "SELECT count(*) FROM person WHERE name = '南宫少卿'"),
			 0);
	assert_int_equal(file_int(daily(t, "2026-11-23", 0),
				  "SELECT count(*) FROM visit WHERE erased = 1"),
			 2);
	if (file_holds(daily(t, "2026-11-23", 0), "南宫少卿") ||
	    file_holds(daily(t, "2026-11-23", 0), "13712340904"))
		fail_msg("the daily copy still holds the bytes of a person erased on request");
	assert_true(file_holds(daily(t, "2026-11-23", 0), "皇甫云舒"));
	assert_int_equal(count_suffix(dir, "-wal"), 0);
	/* A later round has nothing more to erase there. */
	daily_round(t, &r);
	assert_int_equal(r.erased, 0);
}

/* Person numbers are row ids without AUTOINCREMENT: after the newest person
 * is erased, the next visitor gets the same number. The erasure on request
 * replayed into the copies must not take them. */
static void test_daily_copies_keep_a_newcomer_with_a_reused_number(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	struct hd_actor staff = staff_actor(ROLE_STAFF);
	struct backup_round r;
	struct visit v;
	struct hd_err err;
	long long gone, newcomer, gone_pid;

	checkin(t->db, &t->who, "东方既白", "13712340901");
	gone = checkin(t->db, &t->who, "南宫少卿", "13712340904");
	assert_int_equal(visit_get(t->db, gone, &v, &err), HD_OK);
	gone_pid = v.person_id;
	assert_int_equal(visit_erase(t->db, &staff, gone, &err), HD_OK);
	newcomer = checkin(t->db, &t->who, "皇甫云舒", "13712340905");
	assert_int_equal(visit_get(t->db, newcomer, &v, &err), HD_OK);
	daily_round(t, &r);
	assert_int_equal(r.made, 1);
	if (file_int(daily(t, "2026-11-23", 0),
		     "SELECT count(*) FROM person WHERE name = '皇甫云舒'") != 1 ||
	    !file_holds(daily(t, "2026-11-23", 0), "13712340905"))
		fail_msg(
			"BUG: visitor 皇甫云舒 (visit %lld, person %lld) checked in after person %lld "
			"was erased on request and never asked to be erased, but today's daily copy "
			"lost their name and phone (%d visit(s) erased in it): the replayed erasure "
			"matches person ids, and person ids are reused (%s)",
			newcomer, v.person_id, gone_pid, r.erased,
			v.person_id == gone_pid ? "same number here" : "numbers differ");
}

/* A copy kept is erased by the database's retention.days, even when the
 * copy was taken while the setting was longer. */
static void test_daily_copies_follow_a_shortened_retention(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	struct backup_round r;
	struct hd_err err;
	int erased = 0;

	set_now("2026-11-01T09:00:00+08:00");
	checkin(t->db, &t->who, "慕容复生", "13712340987");
	set_now("2026-11-20T09:00:00+08:00");
	daily_round(t, &r); /* taken with retention.days 180 */
	assert_int_equal(r.made, 1);
	set_now("2026-11-21T09:00:00+08:00");
	assert_int_equal(settings_set(t->db, &t->who, SET_RETENTION_DAYS, "3", &err), HD_OK);
	assert_int_equal(visit_retention(t->db, &t->who, &erased, &err), HD_OK);
	assert_int_equal(erased, 1); /* 20 days old: gone from the database */
	daily_round(t, &r);
	assert_int_equal(r.removed, 0);
	assert_true(exists(daily(t, "2026-11-20", 0)));
	if (file_int(daily(t, "2026-11-20", 0), "SELECT count(*) FROM person") != 0 ||
	    file_holds(daily(t, "2026-11-20", 0), "13712340987"))
		fail_msg("BUG: retention.days is 3 and the visit of 2026-11-01 is erased from the "
			 "database, but the kept copy of 2026-11-20 still holds its person (%lld "
			 "rows): the copies are erased by the retention.days stored in each copy, "
			 "not the database's",
			 file_int(daily(t, "2026-11-20", 0), "SELECT count(*) FROM person"));
}

/* --- dblock -------------------------------------------------------------- */

static void test_lock_shared_by_many_exclusive_alone(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	struct hd_err err;
	int a = -1, b = -1, x = -1;

	/* Two holders (two open file descriptions) may share it. */
	assert_int_equal(dblock_take(t->path, false, &a, &err), HD_OK);
	assert_true(a >= 0);
	assert_int_equal(dblock_take(t->path, false, &b, &err), HD_OK);
	assert_true(b >= 0 && b != a);
	assert_true(exists(with(t->path, ".lock", 0)));
	/* A restore cannot have it while either holds it. */
	memset(&err, 0, sizeof(err));
	assert_int_equal(dblock_take(t->path, true, &x, &err), HD_REFUSED);
	assert_int_equal(x, -1);
	assert_true(err.msg[0] != '\0');
	dblock_release(a);
	assert_int_equal(dblock_take(t->path, true, &x, &err), HD_REFUSED);
	dblock_release(b);
	/* Once both let go it may; then nobody else gets in. */
	assert_int_equal(dblock_take(t->path, true, &x, &err), HD_OK);
	assert_int_equal(dblock_take(t->path, false, &a, &err), HD_REFUSED);
	assert_int_equal(a, -1);
	assert_int_equal(dblock_take(t->path, true, &b, &err), HD_REFUSED);
	dblock_release(x);
	dblock_release(-1);
	assert_int_equal(dblock_take(t->path, false, &a, &err), HD_OK);
	dblock_release(a);
}

/* Another process (flock(1), holding the lock shared while its stdin is
 * open, as a desk holds it while it runs): shared works, exclusive not;
 * once it has gone a restore may take the lock. A program of its own, not a
 * fork of this one, so that leak checkers see one process. */
extern char **environ;

static void test_lock_held_by_another_process(void **state)
{
	tdb_sqlite_only(*state);
	struct tdb *t = *state;
	char lock[512], prog[] = "flock", shared[] = "-s", cat[] = "cat";
	char *argv[] = { prog, shared, lock, cat, NULL };
	posix_spawn_file_actions_t fa;
	struct hd_err err;
	int in[2], x = -1, status = 0, tries;
	enum hd_status rc = HD_OK;
	pid_t pid;

	snprintf(lock, sizeof(lock), "%s.lock", t->path);
	assert_int_equal(pipe(in), 0);
	assert_int_equal(posix_spawn_file_actions_init(&fa), 0);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_addclose(&fa, in[1]);
	assert_int_equal(posix_spawnp(&pid, "flock", &fa, NULL, argv, environ), 0);
	posix_spawn_file_actions_destroy(&fa);
	close(in[0]);
	/* Until flock holds it, exclusive is still free: wait for the refusal. */
	for (tries = 0; tries < 500; tries++) {
		rc = dblock_take(t->path, true, &x, &err);
		if (rc != HD_OK)
			break;
		dblock_release(x);
		usleep(10000);
	}
	assert_int_equal(rc, HD_REFUSED);
	assert_int_equal(dblock_take(t->path, false, &x, &err), HD_OK);
	dblock_release(x);
	close(in[1]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(dblock_take(t->path, true, &x, &err), HD_OK);
	dblock_release(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_copy_while_another_connection_writes_is_whole,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup_is_for_the_admin_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup_to_a_bad_path_leaves_nothing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_check_refuses_what_is_not_a_readable_hubdesk_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restore_round_trip_keeps_the_replaced_database,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_restore_does_not_bring_back_a_person_erased_since, setup, teardown),
		cmocka_unit_test_setup_teardown(test_daily_copy_once_a_day_and_old_ones_removed,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_daily_copies_lose_a_person_erased_on_request,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_daily_copies_keep_a_newcomer_with_a_reused_number, setup, teardown),
		cmocka_unit_test_setup_teardown(test_daily_copies_follow_a_shortened_retention,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_shared_by_many_exclusive_alone, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_lock_held_by_another_process, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
