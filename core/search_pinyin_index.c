/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search_pinyin_index.c - the pinyin rows of the name index (table
 * name_pinyin): for the start of a name or short name, and for each
 * character inside a name, the spellings of what follows (initials and
 * readings in full, one row per combination of readings, the most common
 * first); for a person, their name's from its start. */
#include "core/search.h"

#include <string.h>

#include "core/db.h"
#include "core/pinyin.h"
#include "core/text.h"

#define INSIDE_SPELLINGS 3 /* spellings kept from a character inside a name */
#define NAME_CHARS 64      /* characters of a name indexed */

static enum hd_status put_spellings(struct db_stmt *ins, const char *text, int from, int at,
				    int pos, int max, int kind, long long id, struct hd_err *err)
{
	struct pinyin_spelling sp[PINYIN_SPELLINGS_MAX];
	int n = pinyin_spellings(text, from, sp, max), i;

	for (i = 0; i < n; i++) {
		db_reset(ins);
		db_bind_int(ins, 1, at);
		db_bind_text(ins, 2, sp[i].initials);
		db_bind_text(ins, 3, sp[i].spelled);
		db_bind_int(ins, 4, kind);
		db_bind_int(ins, 5, id);
		db_bind_int(ins, 6, pos);
		if (db_step(ins) != DB_DONE)
			return db_step_fail(ins, err);
	}
	return HD_OK;
}

enum hd_status search_pinyin_put(struct db *db, enum search_kind kind, long long id,
				 const char *name, const char *short_name, struct hd_err *err)
{
	struct db_stmt *ins = NULL;
	uint32_t cps[NAME_CHARS];
	enum hd_status rc;
	int n, i;

	rc = db_exec(db, "DELETE FROM name_pinyin WHERE kind = $1 AND id = $2", (long long)kind, id,
		     0, err);
	if (rc == HD_OK)
		rc = db_prepare(db,
				"INSERT INTO name_pinyin(at, initials, spelled, kind, id, pos)"
				" VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
				&ins, err);
	if (rc != HD_OK || !name)
		goto done;
	if (kind == SEARCH_PERSON) {
		rc = put_spellings(ins, name, 0, SEARCH_AT_PERSON, 0, PINYIN_SPELLINGS_MAX, kind,
				   id, err);
		goto done;
	}
	n = text_code_points(name, cps, NAME_CHARS);
	rc = put_spellings(ins, name, 0, SEARCH_AT_START, 0, PINYIN_SPELLINGS_MAX, kind, id, err);
	for (i = 1; rc == HD_OK && i < n; i++)
		if (pinyin_spells(cps[i]))
			rc = put_spellings(ins, name, i, SEARCH_AT_INSIDE, i, INSIDE_SPELLINGS,
					   kind, id, err);
	if (rc == HD_OK && short_name && *short_name && !strstr(name, short_name))
		rc = put_spellings(ins, short_name, 0, SEARCH_AT_START, SEARCH_SHORT_POS,
				   PINYIN_SPELLINGS_MAX, kind, id, err);
done:
	db_done(ins);
	return rc;
}

enum hd_status search_pinyin_fill(struct db *db, struct hd_err *err)
{
	static const struct {
		enum search_kind kind;
		const char *sql;
	} ALL[] = {
		{ SEARCH_ORG, "SELECT id, name, short FROM org" },
		{ SEARCH_TEAM, "SELECT id, name, short FROM team" },
		{ SEARCH_ROOM, "SELECT id, name, '' FROM room" },
		{ SEARCH_PERSON, "SELECT id, name, '' FROM person" },
	};
	char name[NAME_BYTES], short_name[32];
	struct db_stmt *st = NULL;
	enum hd_status rc = HD_OK;
	enum db_step step = DB_DONE;
	size_t k;

	/* Row by row (there may be many people): the rows written are of
	 * another table than the one read. */
	for (k = 0; rc == HD_OK && k < sizeof(ALL) / sizeof(ALL[0]); k++) {
		rc = db_prepare(db, ALL[k].sql, &st, err);
		while (rc == HD_OK && (step = db_step(st)) == DB_ROW) {
			db_column_text(st, 1, name, sizeof(name));
			db_column_text(st, 2, short_name, sizeof(short_name));
			rc = search_pinyin_put(db, ALL[k].kind, db_col_int(st, 0), name, short_name,
					       err);
		}
		if (rc == HD_OK && step != DB_DONE)
			rc = db_step_fail(st, err);
		db_done(st);
		st = NULL;
	}
	return rc;
}
