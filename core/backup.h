/* SPDX-License-Identifier: GPL-3.0-or-later */
/* backup.h - copies of the database: a consistent copy while other desks
 * keep writing (SQLite's online backup), the daily copies maintenance keeps
 * in a folder beside the database (erased like the database: retention and
 * every erasure on request), and restoring a copy. */
#ifndef HD_BACKUP_H
#define HD_BACKUP_H

#include <stddef.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"

/* What a round of daily backups did. */
struct backup_round {
	int made;    /* 1 when today's copy was written */
	int kept;    /* copies kept (and erased again) */
	int removed; /* copies older than retention.days removed */
	int erased;  /* visits erased in the kept copies */
};

/* Writes a copy of db to path (admin), replacing what is there once the
 * copy is whole and flushed; audited. HD_BAD_INPUT when path is empty,
 * too long, a link, not a regular file or the database itself, and on a
 * database on a server (PostgreSQL: pg_dump keeps its copies); HD_REFUSED
 * when who is not an admin; HD_FAIL when the copy cannot be written. */
enum hd_status backup_write(struct db *db, const struct hd_actor *who, const char *path,
			    struct hd_err *err);

/* Checks that path is a hubdesk database this hubdesk can read and that it
 * passes SQLite's integrity check. HD_FAIL saying why when it is not;
 * HD_BAD_INPUT when path is empty. */
enum hd_status backup_check(const char *path, struct hd_err *err);

/* Replaces the database at db_path by the copy at from, after checking it
 * and keeping the current one (a copy, or its bytes when it is damaged;
 * nothing when it is missing) among the daily copies, its path into kept
 * ("" when none). Everyone erased on request in the current database is
 * erased in the restored one too. The caller holds the database's lock
 * exclusively (dblock.h). HD_FAIL when from fails backup_check() or a copy
 * cannot be made; HD_BAD_INPUT for an empty from, a db_path a copy may
 * not go to (too long, a symbolic link), or on a server (pg_restore). */
enum hd_status backup_restore(const char *db_path, const char *from, char *kept, size_t keptsz,
			      struct hd_err *err);

/* The daily round of maintenance (nothing on a server, whose copies are
 * its own): today's copy in the folder "backups"
 * beside db_path unless it exists, copies older than retention.days
 * removed, and the retention erase and every erasure on request applied to
 * the copies kept. HD_REFUSED when who is not an admin; HD_FAIL when the
 * folder or a copy cannot be written or the database fails. */
enum hd_status backup_daily(struct db *db, const struct hd_actor *who, const char *db_path,
			    struct backup_round *round, struct hd_err *err);

/* Erases visit id on request (visit_erase()) and at once in every copy in
 * the backups folder (as `maintain` would); round says what the copies
 * pass did. HD_REFUSED and HD_NOT_FOUND as visit_erase(); HD_FAIL when the
 * database or a copy fails. */
enum hd_status backup_erase_visit(struct db *db, const struct hd_actor *who, long long id,
				  struct backup_round *round, struct hd_err *err);

/* Today's daily copy now (admin), written again when it exists; its path
 * into path. HD_REFUSED when who is not an admin; HD_BAD_INPUT on a
 * server (pg_dump); HD_FAIL when the copy cannot be written. */
enum hd_status backup_now(struct db *db, const struct hd_actor *who, const char *db_path,
			  char *path, size_t pathsz, struct hd_err *err);

#endif
