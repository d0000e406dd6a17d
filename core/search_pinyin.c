/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search_pinyin.c - the pinyin index of names (table name_pinyin) and the
 * searches through it: records whose names letters spell, and the centre's
 * words for an input method.
 *
 * Letters are looked up as ranges of the index, never by reading a table
 * through: as the initials of the names (xyh), as their readings in full
 * (xiyang, xiyan), and, for letters mixing both (xiyh, zhsf), as the
 * initials of each way of cutting the letters into beginnings of
 * syllables (xi|y|h gives xyh), tried only while the index holds names
 * with those initials so far. Every row found is checked against the name
 * itself with pinyin_prefix(), which counts every reading of a 多音字. */
#include "core/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/pinyin.h"
#include "core/text.h"
#include "core/xalloc.h"

/* Where a row's spelling begins (column at). */
enum { AT_START = 0, AT_INSIDE = 1, AT_PERSON = 2 };

#define INSIDE_SPELLINGS 3 /* spellings kept from a character inside a name */
#define NAME_CHARS 64      /* characters of a name indexed */
#define KEYS_MAX 16        /* ranges of mixed letters read for one query */
#define PROBES_MAX 64      /* ranges of mixed letters looked into for one query */
#define ROWS_PER_KEY 256   /* rows read from one range, at most */
#define WORDS_KEPT 64      /* words gathered before the best are chosen */

static enum hd_status put_spellings(sqlite3 *db, sqlite3_stmt *ins, const char *text, int from,
				    int at, int pos, int max, int kind, long long id,
				    struct hd_err *err)
{
	struct pinyin_spelling sp[PINYIN_SPELLINGS_MAX];
	int n = pinyin_spellings(text, from, sp, max), i, src;

	for (i = 0; i < n; i++) {
		sqlite3_reset(ins);
		sqlite3_bind_int(ins, 1, at);
		sqlite3_bind_text(ins, 2, sp[i].initials, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 3, sp[i].spelled, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(ins, 4, kind);
		sqlite3_bind_int64(ins, 5, id);
		sqlite3_bind_int(ins, 6, pos);
		src = sqlite3_step(ins);
		if (src != SQLITE_DONE)
			return db_fail(db, src, err);
	}
	return HD_OK;
}

/* The code points of s; returns the count. */
static int code_points(const char *s, uint32_t *cps, int max)
{
	size_t len = strlen(s);
	int n = 0, used;

	while (len > 0 && n < max) {
		used = utf8_decode(s, len, &cps[n]);
		if (used < 0)
			break;
		n++;
		s += used;
		len -= (size_t)used;
	}
	return n;
}

enum hd_status search_pinyin_put(sqlite3 *db, enum search_kind kind, long long id, const char *name,
				 const char *short_name, struct hd_err *err)
{
	sqlite3_stmt *ins = NULL;
	uint32_t cps[NAME_CHARS];
	enum hd_status rc;
	int n, i;

	rc = db_exec(db, "DELETE FROM name_pinyin WHERE kind = ?1 AND id = ?2", (long long)kind, id,
		     0, err);
	if (rc == HD_OK)
		rc = db_prepare(
			db,
			"INSERT OR IGNORE INTO name_pinyin(at, initials, spelled, kind, id, pos)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			&ins, err);
	if (rc != HD_OK || !name)
		goto done;
	if (kind == SEARCH_PERSON) {
		rc = put_spellings(db, ins, name, 0, AT_PERSON, 0, PINYIN_SPELLINGS_MAX, kind, id,
				   err);
		goto done;
	}
	n = code_points(name, cps, NAME_CHARS);
	rc = put_spellings(db, ins, name, 0, AT_START, 0, PINYIN_SPELLINGS_MAX, kind, id, err);
	for (i = 1; rc == HD_OK && i < n; i++)
		if (pinyin_spells(cps[i]))
			rc = put_spellings(db, ins, name, i, AT_INSIDE, i, INSIDE_SPELLINGS, kind,
					   id, err);
	if (rc == HD_OK && short_name && *short_name && !strstr(name, short_name))
		rc = put_spellings(db, ins, short_name, 0, AT_START, SEARCH_SHORT_POS,
				   PINYIN_SPELLINGS_MAX, kind, id, err);
done:
	db_done(ins);
	return rc;
}

/* The text of row (kind, id): its name, or its short name for positions
 * from SEARCH_SHORT_POS. */
struct record_text {
	char name[NAME_BYTES], short_name[32];
	int state;
};

static const char *const SQL_RECORD[] = {
	[SEARCH_ORG] = "SELECT name, short, 0 FROM org WHERE id = ?1",
	[SEARCH_TEAM] = "SELECT name, short, state FROM team WHERE id = ?1",
	[SEARCH_ROOM] = "SELECT name, '', 0 FROM room WHERE id = ?1",
	[SEARCH_PERSON] = "SELECT name, '', 0 FROM person WHERE id = ?1",
};

/* HD_NOT_FOUND (err untouched) for a row whose record is gone. */
static enum hd_status record_text(sqlite3 *db, int kind, long long id, struct record_text *out,
				  struct hd_err *err)
{
	sqlite3_stmt *st = NULL;
	enum hd_status rc;
	int src;

	if (kind <= 0 || kind > SEARCH_PERSON || !SQL_RECORD[kind])
		return HD_NOT_FOUND;
	rc = db_prepare(db, SQL_RECORD[kind], &st, err);
	if (rc != HD_OK)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	src = sqlite3_step(st);
	if (src == SQLITE_ROW) {
		db_column_text(st, 0, out->name, sizeof(out->name));
		db_column_text(st, 1, out->short_name, sizeof(out->short_name));
		out->state = sqlite3_column_int(st, 2);
	} else {
		rc = src == SQLITE_DONE ? HD_NOT_FOUND : db_fail(db, src, err);
	}
	db_done(st);
	return rc;
}

/* s from its character pos on. */
static const char *from_char(const char *s, int pos)
{
	uint32_t cp;
	int used;

	while (pos-- > 0 && *s) {
		used = utf8_decode(s, strlen(s), &cp);
		s += used > 0 ? used : 1;
	}
	return s;
}

/* What a row found is given to; returns false to stop the walk. */
typedef bool (*take_fn)(void *ctx, int kind, long long id, int pos);

struct walk {
	sqlite3 *db;
	const char *letters;
	int nl, at, kinds;
	take_fn take;
	void *ctx;
	bool stopped;
	/* The ranges of initials read or to read, and the beginnings of
	 * initials looked into (with whether the index holds any). */
	char keys[KEYS_MAX][PINYIN_KEY_BYTES];
	int nkeys;
	char tried[PROBES_MAX][PINYIN_KEY_BYTES];
	bool held[PROBES_MAX];
	int ntried;
};

static const char SQL_BY_INITIALS[] =
	"SELECT kind, id, pos FROM name_pinyin WHERE at = ?1 AND initials >= ?2"
	" AND initials < ?3 AND (kind & ?4) != 0 LIMIT ?5";
static const char SQL_BY_SPELLED[] =
	"SELECT kind, id, pos FROM name_pinyin WHERE at = ?1 AND spelled >= ?2"
	" AND spelled < ?3 AND (kind & ?4) != 0 LIMIT ?5";

/* Binds the range of keys beginning with key ('{' follows 'z'). */
static void bind_range(sqlite3_stmt *st, const struct walk *w, const char *key, int limit)
{
	char end[PINYIN_KEY_BYTES + 1];

	snprintf(end, sizeof(end), "%s{", key);
	sqlite3_bind_int(st, 1, w->at);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, end, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 4, w->kinds);
	sqlite3_bind_int(st, 5, limit);
}

/* Gives the rows of one range to w->take. */
static enum hd_status read_range(struct walk *w, const char *sql, const char *key,
				 struct hd_err *err)
{
	sqlite3_stmt *st = NULL;
	enum hd_status rc;
	int src;

	rc = db_prepare(w->db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	bind_range(st, w, key, ROWS_PER_KEY);
	while (!w->stopped && (src = sqlite3_step(st)) == SQLITE_ROW)
		if (!w->take(w->ctx, sqlite3_column_int(st, 0), sqlite3_column_int64(st, 1),
			     sqlite3_column_int(st, 2)))
			w->stopped = true;
	if (!w->stopped && src != SQLITE_DONE)
		rc = db_fail(w->db, src, err);
	db_done(st);
	return rc;
}

/* Whether the index holds initials beginning with p (looked into once). */
static bool initials_held(struct walk *w, const char *p)
{
	sqlite3_stmt *st = NULL;
	int i;

	for (i = 0; i < w->ntried; i++)
		if (strcmp(w->tried[i], p) == 0)
			return w->held[i];
	if (w->ntried == PROBES_MAX ||
	    db_prepare(w->db,
		       "SELECT 1 FROM name_pinyin WHERE at = ?1 AND initials >= ?2"
		       " AND initials < ?3 AND (kind & ?4) != 0 LIMIT ?5",
		       &st, NULL) != HD_OK)
		return false;
	bind_range(st, w, p, 1);
	snprintf(w->tried[w->ntried], sizeof(w->tried[0]), "%s", p);
	w->held[w->ntried] = sqlite3_step(st) == SQLITE_ROW;
	db_done(st);
	return w->held[w->ntried++];
}

/* True when a range already taken holds every initials beginning with p. */
static bool covered(const struct walk *w, const char *p)
{
	int i;

	for (i = 0; i < w->nkeys; i++)
		if (strncmp(p, w->keys[i], strlen(w->keys[i])) == 0)
			return true;
	return false;
}

/* The ways of cutting letters[i..] into beginnings of syllables, their
 * first letters appended to p (np letters so far): each complete one adds
 * its initials as a range to read. Longer pieces first, so the widest
 * ranges come first. */
static void mixes(struct walk *w, int i, char *p, int np)
{
	int top, j;

	if (w->nkeys == KEYS_MAX)
		return;
	if (i == w->nl) {
		if (!covered(w, p))
			snprintf(w->keys[w->nkeys++], sizeof(w->keys[0]), "%s", p);
		return;
	}
	p[np] = w->letters[i];
	p[np + 1] = '\0';
	if (!covered(w, p) && initials_held(w, p)) {
		for (top = i;
		     top < w->nl && pinyin_syllable_start(w->letters + i, (size_t)(top + 1 - i));
		     top++)
			;
		for (j = top; j > i; j--)
			mixes(w, j, p, np + 1);
	}
	p[np] = '\0';
}

/* Walks the rows whose spelling at w->at letters may spell: initials,
 * readings in full, then mixes; stops when take says so. */
static enum hd_status walk_at(struct walk *w, struct hd_err *err)
{
	char p[PINYIN_KEY_BYTES];
	enum hd_status rc;
	int first, k;

	w->nkeys = w->ntried = 0;
	snprintf(w->keys[w->nkeys++], sizeof(w->keys[0]), "%s", w->letters);
	rc = read_range(w, SQL_BY_INITIALS, w->letters, err);
	if (rc == HD_OK && !w->stopped)
		rc = read_range(w, SQL_BY_SPELLED, w->letters, err);
	if (rc != HD_OK || w->stopped)
		return rc;
	first = w->nkeys;
	p[0] = '\0';
	mixes(w, 0, p, 0);
	for (k = first; rc == HD_OK && !w->stopped && k < w->nkeys; k++)
		rc = read_range(w, SQL_BY_INITIALS, w->keys[k], err);
	return rc;
}

/* Gathering hits (search_pinyin). */
struct gather {
	sqlite3 *db;
	const char *letters;
	struct search_hit *hits;
	int max, n;
	enum hd_status rc;
	struct hd_err *err;
};

static bool gather_hit(void *ctx, int kind, long long id, int pos)
{
	struct gather *g = ctx;
	struct record_text t;
	const char *text;
	int i;

	for (i = 0; i < g->n; i++)
		if ((int)g->hits[i].kind == kind && g->hits[i].id == id)
			return true;
	g->rc = record_text(g->db, kind, id, &t, g->err);
	if (g->rc == HD_NOT_FOUND) {
		g->rc = HD_OK;
		return true;
	}
	if (g->rc != HD_OK)
		return false;
	text = pos >= SEARCH_SHORT_POS ? from_char(t.short_name, pos - SEARCH_SHORT_POS)
				       : from_char(t.name, pos);
	if (pinyin_prefix(g->letters, text) == 0)
		return true;
	g->hits[g->n].kind = (enum search_kind)kind;
	g->hits[g->n].id = id;
	snprintf(g->hits[g->n].name, sizeof(g->hits[0].name), "%s", t.name);
	snprintf(g->hits[g->n].short_name, sizeof(g->hits[0].short_name), "%s", t.short_name);
	g->hits[g->n].state = t.state;
	return ++g->n < g->max;
}

enum hd_status search_pinyin(sqlite3 *db, const char *letters, int kinds, bool inside,
			     struct search_hit *hits, int max, int *n, struct hd_err *err)
{
	struct gather g = { db, letters, hits, max, 0, HD_OK, err };
	struct walk *w;
	enum hd_status rc = HD_OK;
	int names = kinds & (SEARCH_ORG | SEARCH_TEAM | SEARCH_ROOM);

	*n = 0;
	if (max <= 0 || !pinyin_letters(letters))
		return HD_OK;
	w = xcalloc(1, sizeof(*w));
	*w = (struct walk){ .db = db,
			    .letters = letters,
			    .nl = (int)strlen(letters),
			    .take = gather_hit,
			    .ctx = &g };
	if (names) {
		w->at = AT_START;
		w->kinds = names;
		rc = walk_at(w, err);
	}
	if (rc == HD_OK && g.rc == HD_OK && !w->stopped && (kinds & SEARCH_PERSON)) {
		w->at = AT_PERSON;
		w->kinds = SEARCH_PERSON;
		rc = walk_at(w, err);
	}
	if (rc == HD_OK && g.rc == HD_OK && !w->stopped && names && inside) {
		w->at = AT_INSIDE;
		w->kinds = names;
		rc = walk_at(w, err);
	}
	free(w);
	*n = g.n;
	return rc != HD_OK ? rc : g.rc;
}

/* Gathering words (search_words). */
struct word {
	char text[NAME_BYTES];
	int chars, order;
	bool whole;
};

struct words {
	sqlite3 *db;
	const char *letters;
	struct word w[WORDS_KEPT];
	int n, rows;
	enum hd_status rc;
	struct hd_err *err;
};

/* The first count characters of s into out. */
static void first_chars(const char *s, int count, char *out, size_t outsz)
{
	const char *end = from_char(s, count);
	size_t len = (size_t)(end - s);

	if (len >= outsz)
		len = outsz - 1;
	memcpy(out, s, len);
	out[len] = '\0';
}

static bool gather_word(void *ctx, int kind, long long id, int pos)
{
	struct words *ws = ctx;
	struct record_text t;
	const char *text;
	char word[NAME_BYTES];
	int count, i;

	if (++ws->rows > ROWS_PER_KEY)
		return false;
	ws->rc = record_text(ws->db, kind, id, &t, ws->err);
	if (ws->rc == HD_NOT_FOUND) {
		ws->rc = HD_OK;
		return true;
	}
	if (ws->rc != HD_OK)
		return false;
	text = pos >= SEARCH_SHORT_POS ? t.short_name : t.name;
	count = pinyin_prefix(ws->letters, text);
	if (count == 0)
		return true;
	first_chars(text, count, word, sizeof(word));
	for (i = 0; i < ws->n; i++)
		if (strcmp(ws->w[i].text, word) == 0)
			break;
	if (i == ws->n) {
		snprintf(ws->w[i].text, sizeof(ws->w[i].text), "%s", word);
		ws->w[i].chars = count;
		ws->w[i].order = i;
		ws->w[i].whole = false;
		ws->n++;
	}
	ws->w[i].whole |= (size_t)count == text_chars(text);
	return ws->n < WORDS_KEPT;
}

static int cmp_word(const void *a, const void *b)
{
	const struct word *x = a, *y = b;

	if (x->whole != y->whole)
		return x->whole ? -1 : 1;
	if (x->chars != y->chars)
		return x->chars - y->chars;
	return x->order - y->order;
}

enum hd_status search_words(sqlite3 *db, const char *letters, char (*words)[NAME_BYTES], int max,
			    int *n, struct hd_err *err)
{
	struct words *ws;
	struct walk *w;
	enum hd_status rc;
	int i;

	*n = 0;
	if (max <= 0 || !pinyin_letters(letters))
		return HD_OK;
	ws = xcalloc(1, sizeof(*ws));
	ws->db = db;
	ws->letters = letters;
	ws->err = err;
	w = xcalloc(1, sizeof(*w));
	*w = (struct walk){ .db = db,
			    .letters = letters,
			    .nl = (int)strlen(letters),
			    .at = AT_START,
			    .kinds = SEARCH_ORG | SEARCH_TEAM | SEARCH_ROOM,
			    .take = gather_word,
			    .ctx = ws };
	rc = walk_at(w, err);
	if (rc == HD_OK)
		rc = ws->rc;
	if (rc == HD_OK) {
		qsort(ws->w, (size_t)ws->n, sizeof(ws->w[0]), cmp_word);
		for (i = 0; i < ws->n && i < max; i++)
			snprintf(words[i], NAME_BYTES, "%s", ws->w[i].text);
		*n = i;
	}
	free(w);
	free(ws);
	return rc;
}

/* Every record of one kind, to index. */
struct named {
	long long id;
	char name[NAME_BYTES], short_name[32];
};

static void read_named(sqlite3_stmt *st, void *rec)
{
	struct named *r = rec;

	r->id = sqlite3_column_int64(st, 0);
	db_column_text(st, 1, r->name, sizeof(r->name));
	db_column_text(st, 2, r->short_name, sizeof(r->short_name));
}

enum hd_status search_pinyin_fill(sqlite3 *db, struct hd_err *err)
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
	struct named *rows;
	enum hd_status rc = HD_OK;
	size_t k;
	int n, i;

	for (k = 0; rc == HD_OK && k < sizeof(ALL) / sizeof(ALL[0]); k++) {
		rows = NULL;
		rc = db_collect(db, ALL[k].sql, sizeof(*rows), read_named, (void **)&rows, &n, err);
		for (i = 0; rc == HD_OK && i < n; i++)
			rc = search_pinyin_put(db, ALL[k].kind, rows[i].id, rows[i].name,
					       rows[i].short_name, err);
		free(rows);
	}
	return rc;
}
