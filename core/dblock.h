/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dblock.h - who has the database open: every hubdesk process holds a
 * shared lock on a file beside it (PATH.lock) while it works on it, and a
 * restore takes it exclusively, so a database is never replaced under a
 * running desk. */
#ifndef HD_DBLOCK_H
#define HD_DBLOCK_H

#include <stdbool.h>

#include "core/status.h"

/* Takes the lock of the database at db_path, shared or exclusive, without
 * waiting; *fd is kept by the caller until dblock_release(). HD_REFUSED
 * when another process holds it the other way. */
enum hd_status dblock_take(const char *db_path, bool exclusive, int *fd, struct hd_err *err);

/* Lets the lock go (-1 is fine). */
void dblock_release(int fd);

/* A desk waiting for another's write says so on the same file: a shared
 * lock on its byte 1, through an open of its own, held until the wait
 * ends; a long job lets every desk that says so write before its next
 * batch. dblock_wait_begin returns what to give to dblock_wait_end (-1
 * when the desk could not say so: then it only waits its turn). */
int dblock_wait_begin(const char *db_path);
void dblock_wait_end(int fd);

/* Whether some desk says it waits for the database at db_path now. */
bool dblock_desk_waits(const char *db_path);

#endif
