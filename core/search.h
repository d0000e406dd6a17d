/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search.h - name search over organisations and teams: a few characters of a
 * name (one or two Chinese characters too) give the matches, ranked by where
 * the text stands in the name (start first), then by shorter name. Runs on
 * every keystroke: it reads an index of one- and two-character pieces in
 * rank order and stops when it has enough. */
#ifndef HD_SEARCH_H
#define HD_SEARCH_H

#include <sqlite3.h>

#include "core/status.h"
#include "core/validate.h"

enum search_kind { SEARCH_ORG = 1, SEARCH_TEAM = 2 };
#define SEARCH_ALL (SEARCH_ORG | SEARCH_TEAM)

struct search_hit {
	enum search_kind kind;
	long long id;
	char name[NAME_BYTES];
	char short_name[32];
	int state; /* team state (LIST_TEAM_STATE), 0 for organisations */
};

/* Up to max hits for query among kinds (a mask of enum search_kind) into
 * hits; *n is the count. An empty query gives no hits. HD_FAIL when the
 * database fails. */
enum hd_status search_names(sqlite3 *db, const char *query, int kinds, struct search_hit *hits,
			    int max, int *n, struct hd_err *err);

/* The first max records by name (organisations and teams merged), for an
 * empty search; read through the name indexes. HD_FAIL when the database
 * fails. */
enum hd_status search_browse(sqlite3 *db, int kinds, struct search_hit *hits, int max, int *n,
			     struct hd_err *err);

/* Replaces the index entries of one record (inside the caller's
 * transaction): its name and, when not part of the name, its short name.
 * HD_FAIL when the database fails. */
enum hd_status search_index_put(sqlite3 *db, enum search_kind kind, long long id, const char *name,
				const char *short_name, struct hd_err *err);

#endif
