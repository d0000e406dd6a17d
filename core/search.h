/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search.h - name search over organisations and teams: a few characters of a
 * name (one or two Chinese characters too) give the matches, ranked by where
 * the text stands in the name (start first), then by shorter name. Runs on
 * every keystroke: it reads an index of one- and two-character pieces in
 * rank order and stops when it has enough. Letters typed are also matched
 * against the pinyin of names (core/pinyin.h: initials, syllables, both
 * mixed), through a second index of their spellings kept beside the first:
 * for organisations, teams, rooms (the centre's words) and visitors. */
#ifndef HD_SEARCH_H
#define HD_SEARCH_H

#include <stdbool.h>

#include "core/db.h"
#include "core/status.h"
#include "core/validate.h"

/* Kinds of records the indexes hold; a mask of them says which to search.
 * Rooms and people are in the pinyin index only. */
enum search_kind { SEARCH_ORG = 1, SEARCH_TEAM = 2, SEARCH_ROOM = 4, SEARCH_PERSON = 8 };
#define SEARCH_ALL (SEARCH_ORG | SEARCH_TEAM)

/* Positions of a short name's characters in the indexes start here. */
#define SEARCH_SHORT_POS 1000

/* Where a row of the pinyin index begins (its column at): the start of an
 * organisation's, team's or room's name or short name, a character inside
 * one, the start of a person's name. */
enum search_at { SEARCH_AT_START = 0, SEARCH_AT_INSIDE = 1, SEARCH_AT_PERSON = 2 };

struct search_hit {
	enum search_kind kind;
	long long id;
	char name[NAME_BYTES];
	char short_name[32];
	int state; /* team state (LIST_TEAM_STATE), 0 for organisations */
};

/* Up to max hits for query among kinds (a mask of enum search_kind) into
 * hits; *n is the count. A query of lower-case letters only (pinyin_letters)
 * also finds names whose pinyin it spells, after the names holding it as
 * typed: from a name's start first, then from any character of it. An
 * empty query gives no hits. HD_FAIL when the database fails. */
enum hd_status search_names(struct db *db, const char *query, int kinds, struct search_hit *hits,
			    int max, int *n, struct hd_err *err);

/* The first max records by name (organisations and teams merged), for an
 * empty search; read through the name indexes. HD_FAIL when the database
 * fails. */
enum hd_status search_browse(struct db *db, int kinds, struct search_hit *hits, int max, int *n,
			     struct hd_err *err);

/* Replaces the index entries of one record (inside the caller's
 * transaction): its name and, when not part of the name, its short name
 * (organisations and teams: pieces and pinyin from every character; rooms:
 * pinyin from every character; people: the pinyin of the name from its
 * start). HD_FAIL when the database fails. */
enum hd_status search_index_put(struct db *db, enum search_kind kind, long long id,
				const char *name, const char *short_name, struct hd_err *err);

/* The pinyin rows alone of search_index_put (inside the caller's
 * transaction). HD_FAIL when the database fails. */
enum hd_status search_pinyin_put(struct db *db, enum search_kind kind, long long id,
				 const char *name, const char *short_name, struct hd_err *err);

/* Up to max records of kinds (a mask) whose name or short name letters
 * spell (pinyin_prefix) from its start, then, when inside, from any other
 * character, into hits (people's hits carry the name alone); *n is the
 * count. Letters that are not pinyin_letters give none. HD_FAIL when the
 * database fails. */
enum hd_status search_pinyin(struct db *db, const char *letters, int kinds, bool inside,
			     struct search_hit *hits, int max, int *n, struct hd_err *err);

/* The centre's own words for an input method: the beginnings of
 * organisation, team and room names and short names that letters spell
 * completely, as the characters spelled (xyh gives 夕阳红 of 夕阳红合唱团),
 * distinct, best first: a whole name or short name spelled exactly, then
 * shorter words; at most max into words, *n the count. Never people's
 * names. HD_FAIL when the database fails. */
enum hd_status search_words(struct db *db, const char *letters, char (*words)[NAME_BYTES], int max,
			    int *n, struct hd_err *err);

/* Writes the pinyin index of every organisation, team, room and person
 * (inside the caller's transaction; run once after the migration that
 * made the index). HD_FAIL when the database fails. */
enum hd_status search_pinyin_fill(struct db *db, struct hd_err *err);

#endif
