/* SPDX-License-Identifier: GPL-3.0-or-later */
/* centre_load.h - a centre moves in whole: every record of a SQLite hubdesk
 * file (its one centre) copied into a centre of a district's PostgreSQL
 * database in one transaction, the file's ids moved past the ids other
 * centres use, and the move kept in centre_move so that the codes printed
 * before it still name their records (core/token.c). */
#ifndef HD_CENTRE_LOAD_H
#define HD_CENTRE_LOAD_H

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"

#define CENTRE_LOAD_KINDS 20 /* the tables a centre's records live in */

/* Rows copied of each kind of record (a table), in the order loaded. */
struct centre_load_count {
	int n;
	struct {
		const char *kind; /* the table's name; static */
		long long rows;
	} k[CENTRE_LOAD_KINDS];
};

/* Told now and then while rows are copied: the table, rows done of total. */
typedef void (*centre_load_progress_fn)(void *ctx, const char *kind, long long done,
					long long total);

/* Copies every record of the SQLite hubdesk file at path (brought to this
 * hubdesk's schema first, as db_open does) into the centre db serves, in
 * one transaction, the file's key replacing the centre's; counts says
 * what was copied. progress (NULL: none) is told as rows go. HD_BAD_INPUT
 * naming db when db is not PostgreSQL or serves no centre, naming FILE
 * when path is not a SQLite file; HD_REFUSED naming db when the role
 * connected is not the tables' owner, naming the centre when it holds
 * records already, naming FILE when the file holds none; HD_FAIL when the file cannot be opened (not a
 * hubdesk database, damaged, newer) or either database fails. */
enum hd_status centre_load(struct db *db, const struct hd_actor *who, const char *path,
			   centre_load_progress_fn progress, void *ctx,
			   struct centre_load_count *counts, struct hd_err *err);

/* The record id a token of kind (token.h: 'V', 'B', 'T', 'P') and number n
 * names at the centre db serves: n itself, or n moved by the load of the
 * centre's file when n is one of the file's (centre_move). HD_FAIL when
 * the database fails. */
enum hd_status centre_moved_id(struct db *db, char kind, long long n, long long *id,
			       struct hd_err *err);

#endif
