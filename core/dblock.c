/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dblock.c - the lock file beside the database. */
#include "core/dblock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/i18n.h"

enum hd_status dblock_take(const char *db_path, bool exclusive, int *fd, struct hd_err *err)
{
	char path[4096];

	*fd = -1;
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
		return hd_err_set(err, HD_FAIL, "db", _("cannot lock %s: %s"), path, strerror(errno));
	return hd_err_set(err, HD_REFUSED, "db",
			  exclusive ? _("the database is in use by another hubdesk (a desk or a command); close it first")
				    : _("the database is being restored; try again in a moment"));
}

void dblock_release(int fd)
{
	if (fd >= 0)
		close(fd);
}
