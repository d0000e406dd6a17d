/* SPDX-License-Identifier: GPL-3.0-or-later */
/* backup.c - copies of the database: written with SQLite's online backup
 * (a consistent copy while other desks keep writing), kept daily beside the
 * database and kept erased like the database itself, and restored while
 * nobody uses the database. A copy is a single file (rollback journal),
 * written beside its place and renamed into it once flushed. */
#include "core/backup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/access.h"
#include "core/audit.h"
#include "core/clock.h"
#include "core/db_sqlite.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/visit.h"

#define DAY 86400
#define PATH_BYTES 4096
#define DAILY_PREFIX "hubdesk-"
#define DAILY_SUFFIX ".db"
#define PART_SUFFIX ".part"
#define PART_STALE (60 * 60) /* a copy being written is done long before */

/* Flushes a file, or the folder that holds path. */
static int flush_path(const char *path, bool folder)
{
	char copy[PATH_BYTES];
	int fd, rc;

	snprintf(copy, sizeof(copy), "%s", path);
	fd = open(folder ? dirname(copy) : path,
		  (folder ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* True when path is the file of db or one of its companions (WAL, shared
 * memory, journal). */
static bool is_live(struct db *db, const struct stat *st)
{
	static const char *const SUFFIXES[] = { "", "-wal", "-shm", "-journal" };
	const char *file = db_file(db);
	char name[PATH_BYTES];
	struct stat live;
	size_t i;

	for (i = 0; file && *file && i < sizeof(SUFFIXES) / sizeof(SUFFIXES[0]); i++) {
		snprintf(name, sizeof(name), "%s%s", file, SUFFIXES[i]);
		if (stat(name, &live) == 0 && live.st_dev == st->st_dev &&
		    live.st_ino == st->st_ino)
			return true;
	}
	return false;
}

/* A copy goes only where a regular file is, or nothing: never over a
 * device, FIFO, folder or symbolic link, nor over the live database. */
static enum hd_status check_target(struct db *db, const char *path, struct hd_err *err)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT
			       ? HD_OK
			       : hd_err_set(err, HD_BAD_INPUT, "path",
					    _("%s cannot be written: %s"), path, strerror(errno));
	if (S_ISLNK(st.st_mode))
		return hd_err_set(err, HD_BAD_INPUT, "path",
				  _("%s is a symbolic link: give the path of a new file"), path);
	if (!S_ISREG(st.st_mode))
		return hd_err_set(
			err, HD_BAD_INPUT, "path",
			_("%s is not a regular file (a folder, device or pipe): give the path of a new file"),
			path);
	if (is_live(db, &st))
		return hd_err_set(err, HD_BAD_INPUT, "path",
				  _("%s is the database itself: give the path of a new file"),
				  path);
	return HD_OK;
}

/* Makes the empty file part, new and private (never through a link left
 * there). */
static int make_part(const char *part)
{
	int fd;

	unlink(part);
	fd = open(part, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

/* Copies the database of src (schema "main") into a new file at path. */
static enum hd_status copy_into(struct db *src, const char *path, struct hd_err *err)
{
	char part[PATH_BYTES];
	sqlite3_backup *b = NULL;
	sqlite3 *dest = NULL;
	enum hd_status rc = HD_OK;
	int src_rc;

	if (snprintf(part, sizeof(part), "%s" PART_SUFFIX, path) >= (int)sizeof(part))
		return hd_err_set(err, HD_BAD_INPUT, "path", _("the backup path is too long"));
	rc = check_target(src, path, err);
	if (rc != HD_OK)
		return rc;
	if (make_part(part) != 0)
		return hd_err_set(err, HD_FAIL, "path", _("%s cannot be written: %s"), path,
				  strerror(errno));
	if (sqlite3_open_v2(part, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = hd_err_set(err, HD_FAIL, "path", _("%s cannot be written: %s"), path,
				dest ? sqlite3_errmsg(dest) : "?");
		goto done;
	}
	b = sqlite3_backup_init(dest, "main", db_sqlite(src), "main");
	if (!b) {
		rc = db_fail(dest, sqlite3_errcode(dest), err);
		goto done;
	}
	src_rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (src_rc != SQLITE_DONE) {
		rc = db_fail(dest, src_rc, err);
		goto done;
	}
	/* A copy is one file: no WAL to carry along. */
	if (sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = db_fail(dest, sqlite3_errcode(dest), err);
done:
	sqlite3_close(dest);
	if (rc == HD_OK && (flush_path(part, false) != 0 || rename(part, path) != 0 ||
			    flush_path(path, true) != 0))
		rc = hd_err_set(err, HD_FAIL, "path", _("%s cannot be written: %s"), path,
				strerror(errno));
	if (rc != HD_OK)
		unlink(part);
	return rc;
}

/* What backup and restore say on PostgreSQL (HD_BAD_INPUT): the server's
 * own tools keep its copies. */
static enum hd_status on_server(struct hd_err *err)
{
	return hd_err_set(err, HD_BAD_INPUT, "db",
			  _("the database is on a PostgreSQL server: back it up with pg_dump and "
			    "restore it with pg_restore (hubdesk's copies are SQLite files)"));
}

enum hd_status backup_write(struct db *db, const struct hd_actor *who, const char *path,
			    struct hd_err *err)
{
	char after[PATH_BYTES + 32];
	enum hd_status rc;

	if (!path || !*path)
		return hd_err_set(err, HD_BAD_INPUT, "path",
				  _("backup: give the path of the copy"));
	if (db_is_server(db))
		return on_server(err);
	rc = access_require(db, who, ACC_ADMIN, err);
	if (rc == HD_OK)
		rc = copy_into(db, path, err);
	if (rc != HD_OK)
		return rc;
	snprintf(after, sizeof(after), "{\"backup\":true}");
	rc = db_begin(db, err);
	if (rc == HD_OK)
		rc = db_finish(db, audit_log(db, who, "backup", "database", 0, NULL, after, err),
			       err);
	return rc;
}

enum hd_status backup_check(const char *path, struct hd_err *err)
{
	sqlite3_stmt *st = NULL;
	struct db *db = NULL;
	enum hd_status rc;
	const char *word;

	rc = db_open(path, DB_READ_ONLY, &db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare_raw(db_sqlite(db), "PRAGMA integrity_check", &st, err);
	if (rc == HD_OK && sqlite3_step(st) == SQLITE_ROW) {
		word = (const char *)sqlite3_column_text(st, 0);
		if (!word || strcmp(word, "ok") != 0)
			rc = hd_err_set(err, HD_FAIL, "path",
					_("%s is damaged (its integrity check fails); it cannot be "
					  "restored"),
					path);
	}
	db_done_raw(st);
	db_close(db);
	return rc;
}

/* The folder of the daily copies: "backups" beside the database. */
static void daily_dir(const char *db_path, char *out, size_t outsz)
{
	char copy[PATH_BYTES];

	snprintf(copy, sizeof(copy), "%s", db_path);
	snprintf(out, outsz, "%s/backups", dirname(copy));
}

/* A free name for the copy a restore keeps, in the folder of the daily
 * copies, so that it is erased and removed like them. */
static enum hd_status kept_path(const char *db_path, char *out, size_t outsz, struct hd_err *err)
{
	char dir[PATH_BYTES], stamp[64];
	time_t now = clock_now();
	struct stat sb;
	struct tm tm;
	int i;

	daily_dir(db_path, dir, sizeof(dir));
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return hd_err_set(err, HD_FAIL, "path", _("%s cannot be made: %s"), dir,
				  strerror(errno));
	localtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%d-before-restore-%H%M%S", &tm);
	for (i = 0; i < 100; i++) {
		if (i == 0)
			snprintf(out, outsz, "%s/" DAILY_PREFIX "%s" DAILY_SUFFIX, dir, stamp);
		else
			snprintf(out, outsz, "%s/" DAILY_PREFIX "%s-%d" DAILY_SUFFIX, dir, stamp,
				 i);
		if (stat(out, &sb) != 0)
			return HD_OK;
	}
	return hd_err_set(err, HD_FAIL, "path", _("%s cannot be written: %s"), out, "exists");
}

/* The bytes of a file the database code cannot open (damaged), as they are. */
static enum hd_status copy_bytes(const char *from, const char *to, struct hd_err *err)
{
	char buf[65536];
	FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
	enum hd_status rc = HD_OK;
	size_t n;

	while (in && out && (n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = HD_FAIL;
	if (!in || !out || ferror(in) || fclose(out) != 0)
		rc = HD_FAIL;
	if (in)
		fclose(in);
	if (rc != HD_OK)
		return hd_err_set(err, HD_FAIL, "path", _("%s cannot be written: %s"), to,
				  strerror(errno));
	return HD_OK;
}

enum hd_status backup_restore(const char *db_path, const char *from, char *kept, size_t keptsz,
			      struct hd_err *err)
{
	const struct hd_actor who = actor_command_line("restore");
	struct db *db = NULL, *src = NULL, *old = NULL;
	char wal[PATH_BYTES];
	struct stat sb;
	enum hd_status rc;
	int again = 0;

	*kept = '\0';
	if (db_path_is_server(db_path))
		return on_server(err);
	rc = backup_check(from, err);
	if (rc != HD_OK)
		return rc;
	/* The current database is kept first, whole: a copy when it opens,
	 * its bytes when it is damaged; a missing one has nothing to keep. */
	if (stat(db_path, &sb) == 0) {
		rc = kept_path(db_path, kept, keptsz, err);
		if (rc != HD_OK)
			return rc;
		if (db_open(db_path, DB_EXISTING, &db, NULL) == HD_OK)
			rc = backup_write(db, &who, kept, err);
		else
			rc = copy_bytes(db_path, kept, err);
		db_close(db);
		if (rc != HD_OK)
			return rc;
	}
	rc = db_open(from, DB_READ_ONLY, &src, err);
	if (rc == HD_OK)
		rc = copy_into(src, db_path, err);
	db_close(src);
	if (rc != HD_OK)
		return rc;
	/* A WAL left by the replaced file must not be replayed into this one. */
	snprintf(wal, sizeof(wal), "%s-wal", db_path);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", db_path);
	unlink(wal);
	/* Nobody erased since the copy was made comes back with it. */
	if (*kept && db_open(kept, DB_READ_ONLY, &old, NULL) == HD_OK) {
		rc = db_open(db_path, DB_EXISTING, &db, err);
		if (rc == HD_OK)
			rc = visit_erase_again(db, old, &who, &again, err);
		db_close(db);
	}
	db_close(old);
	return rc;
}

/* The day number of the date of a copy's name in the folder:
 * hubdesk-YYYY-MM-DD.db, or a copy kept by a restore,
 * hubdesk-YYYY-MM-DD-before-restore-....db. */
static bool daily_date(const char *name, long *day)
{
	size_t n = strlen(name), p = strlen(DAILY_PREFIX), s = strlen(DAILY_SUFFIX);
	char digits[DATE_LEN], date[DATE_LEN];

	if (n < p + 10 + s || strncmp(name, DAILY_PREFIX, p) != 0 ||
	    strcmp(name + n - s, DAILY_SUFFIX) != 0 || (name[p + 10] != '.' && name[p + 10] != '-'))
		return false;
	snprintf(digits, sizeof(digits), "%.10s", name + p);
	if (valid_date(digits, "", date, sizeof(date), NULL) != HD_OK || strcmp(date, digits) != 0)
		return false;
	*day = clock_day_of(date);
	return true;
}

/* In one kept copy: the retention erase and every erasure on request. */
static enum hd_status scrub(struct db *db, const char *path, const struct hd_actor *who,
			    time_t before, int *visits, struct hd_err *err)
{
	struct db *copy = NULL;
	enum hd_status rc;
	int old = 0, again = 0;

	rc = db_open(path, DB_EXISTING, &copy, err);
	if (rc == HD_OK)
		rc = visit_retention_before(copy, who, before, &old, err);
	if (rc == HD_OK)
		rc = visit_erase_again(copy, db, who, &again, err);
	if (rc == HD_OK)
		sqlite3_exec(db_sqlite(copy),
			     "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", NULL,
			     NULL, NULL);
	db_close(copy);
	*visits += old + again;
	return rc;
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), e = strlen(end);

	return n >= e && strcmp(s + n - e, end) == 0;
}

/* A copy left half-written by a crash (and its journal). */
static bool is_part(const char *name)
{
	return ends_with(name, PART_SUFFIX) || ends_with(name, PART_SUFFIX "-journal");
}

/* A file SQLite keeps beside a database: it goes with its database. */
static bool is_companion(const char *name)
{
	return ends_with(name, "-journal") || ends_with(name, "-wal") || ends_with(name, "-shm");
}

/* One file of the backups folder: a part left by a crash is removed once
 * stale; a copy past retention (by the date of its name, else of the
 * file) is removed; every other copy is scrubbed. A file that is not a
 * hubdesk database and has no copy's name is left alone. */
static enum hd_status keep_file(struct db *db, const struct hd_actor *who, const char *dir,
				const char *name, long oldest, struct backup_round *round,
				struct hd_err *err)
{
	char path[PATH_BYTES + 300];
	time_t keep_days = (time_t)settings_int(db, SET_RETENTION_DAYS) * DAY;
	struct stat sb;
	enum hd_status rc;
	long day = 0;
	bool dated;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (*name == '.' || lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return HD_OK;
	if (is_part(name)) {
		if (sb.st_mtime < clock_wall() - PART_STALE)
			round->removed += unlink(path) == 0;
		return HD_OK;
	}
	if (is_companion(name))
		return HD_OK;
	dated = daily_date(name, &day);
	if (dated && day < oldest) {
		round->removed += unlink(path) == 0;
		return HD_OK;
	}
	rc = scrub(db, path, who, clock_now() - keep_days, &round->erased, err);
	if (rc != HD_OK && !dated)
		return HD_OK; /* not a copy of ours */
	if (rc == HD_OK && !dated && sb.st_mtime < clock_wall() - keep_days) {
		round->removed += unlink(path) == 0;
		return HD_OK;
	}
	round->kept += rc == HD_OK;
	return rc;
}

/* Every file of the backups folder dir through keep_file(). */
static enum hd_status keep_all(struct db *db, const struct hd_actor *who, const char *dir,
			       struct backup_round *round, struct hd_err *err)
{
	long oldest = clock_today() - settings_int(db, SET_RETENTION_DAYS);
	enum hd_status rc = HD_OK;
	struct dirent *e;
	DIR *d;

	d = opendir(dir);
	if (!d)
		return hd_err_set(err, HD_FAIL, "path", _("%s cannot be read: %s"), dir,
				  strerror(errno));
	while (rc == HD_OK && (e = readdir(d)) != NULL)
		rc = keep_file(db, who, dir, e->d_name, oldest, round, err);
	closedir(d);
	return rc;
}

enum hd_status backup_daily(struct db *db, const struct hd_actor *who, const char *db_path,
			    struct backup_round *round, struct hd_err *err)
{
	char dir[PATH_BYTES], path[PATH_BYTES + 300], today[DATE_LEN];
	struct stat sb;
	enum hd_status rc = HD_OK;

	memset(round, 0, sizeof(*round));
	if (db_is_server(db))
		return HD_OK; /* the server's copies are its own (pg_dump) */
	daily_dir(db_path, dir, sizeof(dir));
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return hd_err_set(err, HD_FAIL, "path", _("%s cannot be made: %s"), dir,
				  strerror(errno));
	clock_local_date(clock_now(), today, sizeof(today));
	snprintf(path, sizeof(path), "%s/" DAILY_PREFIX "%s" DAILY_SUFFIX, dir, today);
	if (stat(path, &sb) != 0) {
		rc = backup_write(db, who, path, err);
		round->made = rc == HD_OK;
	}
	return rc == HD_OK ? keep_all(db, who, dir, round, err) : rc;
}

enum hd_status backup_erase_visit(struct db *db, const struct hd_actor *who, long long id,
				  struct backup_round *round, struct hd_err *err)
{
	const char *db_path = db_file(db);
	char dir[PATH_BYTES];
	enum hd_status rc;

	memset(round, 0, sizeof(*round));
	rc = visit_erase(db, who, id, err);
	if (rc != HD_OK || !db_path || !*db_path)
		return rc;
	daily_dir(db_path, dir, sizeof(dir));
	return access(dir, F_OK) == 0 ? keep_all(db, who, dir, round, err) : HD_OK;
}

enum hd_status backup_now(struct db *db, const struct hd_actor *who, const char *db_path,
			  char *path, size_t pathsz, struct hd_err *err)
{
	char dir[PATH_BYTES], today[DATE_LEN];

	*path = '\0';
	if (db_is_server(db))
		return on_server(err);
	daily_dir(db_path, dir, sizeof(dir));
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return hd_err_set(err, HD_FAIL, "path", _("%s cannot be made: %s"), dir,
				  strerror(errno));
	clock_local_date(clock_now(), today, sizeof(today));
	snprintf(path, pathsz, "%s/" DAILY_PREFIX "%s" DAILY_SUFFIX, dir, today);
	return backup_write(db, who, path, err);
}
