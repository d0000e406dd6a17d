/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search.c - the name index and the ranked search over it. */
#include "core/search.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/pinyin.h"
#include "core/text.h"
#include "core/xalloc.h"

#define MAX_CHARS 64               /* characters of a name or query that are indexed */
#define SHORT_POS SEARCH_SHORT_POS /* short-name pieces rank after every name piece */

/* Lower-cased (ASCII) code points of s; returns the count. */
static int code_points(const char *s, uint32_t *cps, int max)
{
	int n = text_code_points(s, cps, max), i;

	for (i = 0; i < n; i++)
		if (cps[i] >= 'A' && cps[i] <= 'Z')
			cps[i] += 32;
	return n;
}

/* UTF-8 of cps[from .. from+count) into out. */
static void piece(const uint32_t *cps, int from, int count, char *out, size_t outsz)
{
	size_t used = 0;
	char enc[4];
	int i, k;

	for (i = from; i < from + count; i++) {
		k = utf8_encode(cps[i], enc);
		if (k == 0 || used + (size_t)k + 1 > outsz)
			break;
		memcpy(out + used, enc, (size_t)k);
		used += (size_t)k;
	}
	out[used] = '\0';
}

static enum hd_status put_pieces(struct db_stmt *st, const char *text, int base, int kind,
				 long long id, struct hd_err *err)
{
	uint32_t cps[MAX_CHARS];
	char gram[16];
	int n = code_points(text, cps, MAX_CHARS), i, w;
	enum db_step step;

	for (i = 0; i < n; i++) {
		for (w = 1; w <= 2 && i + w <= n; w++) {
			piece(cps, i, w, gram, sizeof(gram));
			db_reset(st);
			db_bind_text(st, 1, gram);
			db_bind_int(st, 2, base + i);
			db_bind_int(st, 3, n);
			db_bind_int(st, 4, kind);
			db_bind_int(st, 5, id);
			step = db_step(st);
			if (step != DB_DONE && step != DB_CONSTRAINT)
				return db_step_fail(st, err);
		}
	}
	return HD_OK;
}

enum hd_status search_index_put(struct db *db, enum search_kind kind, long long id,
				const char *name, const char *short_name, struct hd_err *err)
{
	struct db_stmt *del = NULL, *ins = NULL;
	enum hd_status rc;

	if (kind != SEARCH_ORG && kind != SEARCH_TEAM)
		return search_pinyin_put(db, kind, id, name, short_name, err);
	rc = db_prepare(db, "DELETE FROM name_gram WHERE kind = $1 AND id = $2", &del, err);
	if (rc != HD_OK)
		goto done;
	db_bind_int(del, 1, (int)kind);
	db_bind_int(del, 2, id);
	if (db_step(del) != DB_DONE) {
		rc = db_step_fail(del, err);
		goto done;
	}
	rc = db_prepare(db,
			"INSERT INTO name_gram(gram, pos, len, kind, id)"
			" VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
			&ins, err);
	if (rc != HD_OK)
		goto done;
	rc = put_pieces(ins, name, 0, (int)kind, id, err);
	if (rc == HD_OK && short_name && *short_name && !strstr(name, short_name))
		rc = put_pieces(ins, short_name, SHORT_POS, (int)kind, id, err);
	if (rc == HD_OK)
		rc = search_pinyin_put(db, kind, id, name, short_name, err);
done:
	db_done(del);
	db_done(ins);
	return rc;
}

/* Candidates in rank order; each row names its record and the record's
 * name, short name and state, so the full query is checked here. */
static const char SQL_CANDIDATES[] =
	"SELECT g.kind, g.id, g.pos,"
	" CASE g.kind WHEN 1 THEN (SELECT name FROM org WHERE id = g.id)"
	"  ELSE (SELECT name FROM team WHERE id = g.id) END,"
	" CASE g.kind WHEN 1 THEN (SELECT short FROM org WHERE id = g.id)"
	"  ELSE (SELECT short FROM team WHERE id = g.id) END,"
	" CASE g.kind WHEN 1 THEN 0 ELSE (SELECT state FROM team WHERE id = g.id) END"
	" FROM name_gram g WHERE g.gram = $1 AND (g.kind & $2) != 0 ORDER BY g.pos, g.len";

/* How many records hold a piece, counted up to a bound. */
static const char SQL_PIECE_COUNT[] =
	"SELECT count(*) FROM (SELECT 1 FROM name_gram WHERE gram = $1 LIMIT 4096) AS g";

/* The offset of the query's two-character piece held by fewest names: the
 * search reads only that piece's rows. */
static int rarest_piece(struct db *db, const uint32_t *q, int qn)
{
	struct db_stmt *st = NULL;
	char gram[16];
	int best = 0, best_count = -1, at, c;

	if (qn <= 2 || db_prepare(db, SQL_PIECE_COUNT, &st, NULL) != HD_OK)
		goto done;
	for (at = 0; at + 2 <= qn; at++) {
		piece(q, at, 2, gram, sizeof(gram));
		db_reset(st);
		db_bind_text(st, 1, gram);
		if (db_step(st) != DB_ROW)
			break;
		c = (int)db_col_int(st, 0);
		if (best_count < 0 || c < best_count) {
			best = at;
			best_count = c;
		}
	}
done:
	db_done(st);
	return best;
}

static bool contains_at(const char *text, int at, const uint32_t *q, int qn)
{
	uint32_t cps[MAX_CHARS];
	int n = code_points(text, cps, MAX_CHARS), i;

	if (at < 0 || at + qn > n)
		return false;
	for (i = 0; i < qn; i++)
		if (cps[at + i] != q[i])
			return false;
	return true;
}

static bool seen_before(const struct search_hit *hits, int n, int kind, long long id)
{
	int i;

	for (i = 0; i < n; i++)
		if ((int)hits[i].kind == kind && hits[i].id == id)
			return true;
	return false;
}

/* After the names holding the letters as typed, those whose pinyin they
 * spell. */
static enum hd_status add_pinyin_hits(struct db *db, const char *letters, int kinds,
				      struct search_hit *hits, int max, int *count,
				      struct hd_err *err)
{
	int want = max + *count, got = 0, i; /* as many again as may be there already */
	struct search_hit *more = xcalloc((size_t)want, sizeof(*more));
	enum hd_status rc;

	rc = search_pinyin(db, letters, kinds, true, more, want, &got, err);
	for (i = 0; rc == HD_OK && i < got && *count < max; i++)
		if (!seen_before(hits, *count, (int)more[i].kind, more[i].id))
			hits[(*count)++] = more[i];
	free(more);
	return rc;
}

static enum hd_status find_names(struct db *db, const char *query, int kinds,
				 struct search_hit *hits, int max, int *n, struct hd_err *err)
{
	char trimmed[NAME_BYTES], gram[16];
	uint32_t q[MAX_CHARS];
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step = DB_DONE;
	int qn, kind, pos, at, count = 0;
	long long id;

	*n = 0;
	text_trim(query ? query : "", trimmed, sizeof(trimmed));
	qn = code_points(trimmed, q, MAX_CHARS);
	if (qn == 0 || max <= 0)
		return HD_OK;
	at = rarest_piece(db, q, qn);
	piece(q, at, qn < 2 ? qn : 2, gram, sizeof(gram));
	rc = db_prepare(db, SQL_CANDIDATES, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, gram);
	db_bind_int(st, 2, kinds);
	while (count < max && (step = db_step(st)) == DB_ROW) {
		const char *name = db_col_text(st, 3);
		const char *short_name = db_col_text(st, 4);

		kind = (int)db_col_int(st, 0);
		id = db_col_int(st, 1);
		pos = (int)db_col_int(st, 2);
		if (!name || seen_before(hits, count, kind, id))
			continue;
		if (qn > 2 && !(pos < SHORT_POS ? contains_at(name, pos - at, q, qn)
						: contains_at(short_name ? short_name : "",
							      pos - SHORT_POS - at, q, qn)))
			continue;
		hits[count].kind = (enum search_kind)kind;
		hits[count].id = id;
		snprintf(hits[count].name, sizeof(hits[count].name), "%s", name);
		snprintf(hits[count].short_name, sizeof(hits[count].short_name), "%s",
			 short_name ? short_name : "");
		hits[count].state = (int)db_col_int(st, 5);
		count++;
	}
	if (count < max && step != DB_DONE && step != DB_ROW)
		rc = db_step_fail(st, err);
	db_done(st);
	if (rc == HD_OK && count < max && pinyin_letters(trimmed))
		rc = add_pinyin_hits(db, trimmed, kinds, hits, max, &count, err);
	*n = count;
	return rc;
}

enum hd_status search_names(struct db *db, const char *query, int kinds, struct search_hit *hits,
			    int max, int *n, struct hd_err *err)
{
	/* One read transaction for the search's statements: outside one,
	 * each would take and leave the file's read lock on its own. */
	bool began = !db_in_transaction(db) && db_begin_read(db, NULL) == HD_OK;
	enum hd_status rc = find_names(db, query, kinds, hits, max, n, err);

	if (began)
		db_rollback(db);
	return rc;
}

static enum hd_status browse_one(struct db *db, const char *sql, enum search_kind kind,
				 struct search_hit *hits, int max, int *n, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step = DB_DONE;

	*n = 0;
	rc = db_prepare(db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, max);
	while (*n < max && (step = db_step(st)) == DB_ROW) {
		struct search_hit *h = &hits[(*n)++];

		h->kind = kind;
		h->id = db_col_int(st, 0);
		db_column_text(st, 1, h->name, sizeof(h->name));
		db_column_text(st, 2, h->short_name, sizeof(h->short_name));
		h->state = (int)db_col_int(st, 3);
	}
	if (step != DB_DONE && step != DB_ROW)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

enum hd_status search_browse(struct db *db, int kinds, struct search_hit *hits, int max, int *n,
			     struct hd_err *err)
{
	struct search_hit *orgs, *teams;
	enum hd_status rc = HD_OK;
	int no = 0, nt = 0, i = 0, j = 0;

	*n = 0;
	if (max <= 0)
		return HD_OK;
	orgs = xcalloc((size_t)max, sizeof(*orgs));
	teams = xcalloc((size_t)max, sizeof(*teams));
	if (kinds & SEARCH_ORG)
		rc = browse_one(db, "SELECT id, name, short, 0 FROM org ORDER BY name LIMIT $1",
				SEARCH_ORG, orgs, max, &no, err);
	if (rc == HD_OK && (kinds & SEARCH_TEAM))
		rc = browse_one(db,
				"SELECT id, name, short, state FROM team ORDER BY name LIMIT $1",
				SEARCH_TEAM, teams, max, &nt, err);
	while (rc == HD_OK && *n < max && (i < no || j < nt)) {
		if (j >= nt || (i < no && strcmp(orgs[i].name, teams[j].name) <= 0))
			hits[(*n)++] = orgs[i++];
		else
			hits[(*n)++] = teams[j++];
	}
	free(orgs);
	free(teams);
	return rc;
}
