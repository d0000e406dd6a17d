/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dblock.c - the lock file beside the database. */
#define _GNU_SOURCE /* open file description locks (F_OFD_SETLK) */
#include "core/dblock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/db.h"
#include "core/i18n.h"

/* The lock file of db_path opened, or -1. */
static int open_lock(const char *db_path)
{
	char path[4096];

	if (!db_path || !*db_path ||
	    snprintf(path, sizeof(path), "%s.lock", db_path) >= (int)sizeof(path))
		return -1;
	return open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
}

/* The byte that says a desk waits. */
static struct flock waiting_byte(short type)
{
	struct flock fl;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = 1;
	fl.l_len = 1;
	return fl;
}

int dblock_wait_begin(const char *db_path)
{
	struct flock fl = waiting_byte(F_RDLCK);
	int fd = open_lock(db_path);

	if (fd >= 0 && fcntl(fd, F_OFD_SETLK, &fl) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

void dblock_wait_end(int fd)
{
	if (fd >= 0)
		close(fd); /* the lock goes with its open */
}

bool dblock_desk_waits(const char *db_path)
{
	struct flock fl = waiting_byte(F_WRLCK);
	int fd = open_lock(db_path);
	bool waits;

	if (fd < 0)
		return false;
	waits = fcntl(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
	close(fd);
	return waits;
}

enum hd_status dblock_take(const char *db_path, bool exclusive, int *fd, struct hd_err *err)
{
	char path[4096];

	*fd = -1;
	/* A server arbitrates its own desks: no lock file. */
	if (db_path_is_server(db_path))
		return HD_OK;
	if (snprintf(path, sizeof(path), "%s.lock", db_path) >= (int)sizeof(path))
		return hd_err_set(err, HD_BAD_INPUT, "db", _("the database path is too long"));
	*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (*fd < 0)
		return hd_err_set(err, HD_FAIL, "db", _("cannot use the lock file %s: %s"), path,
				  strerror(errno));
	if (flock(*fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0)
		return HD_OK;
	close(*fd);
	*fd = -1;
	if (errno != EWOULDBLOCK)
		return hd_err_set(err, HD_FAIL, "db", _("cannot lock %s: %s"), path,
				  strerror(errno));
	return hd_err_set(
		err, HD_REFUSED, "db",
		exclusive
			? _("the database is in use by another hubdesk (a desk or a command); close it first")
			: _("the database is being restored; try again in a moment"));
}

void dblock_release(int fd)
{
	if (fd >= 0)
		close(fd);
}
