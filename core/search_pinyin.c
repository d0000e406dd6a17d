/* SPDX-License-Identifier: GPL-3.0-or-later */
/* search_pinyin.c - the searches through the pinyin index of names (table
 * name_pinyin, written by search_pinyin_index.c): records whose names
 * letters spell, and the centre's words for an input method.
 *
 * Letters are looked up as ranges of the index, never by reading a table
 * through: as the initials of the names (xyh), as their readings in full
 * (xiyang, xiyan), and, for letters mixing both (xiyh, zhsf), as each way
 * of cutting the letters into beginnings of syllables (xi|y|h: initials
 * xyh, the first reading beginning with xi), tried only while the index
 * holds names so spelled so far, the longest pieces first, within a budget
 * of index reads (the cuttings of a long run of whole syllables are many,
 * and the readings in full found those names already). Every row found is
 * checked against the name itself with pinyin_prefix(), which counts every
 * reading of a 多音字. A search holds one read transaction, so that its
 * many small statements take the file's lock once. */
#include "core/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/pinyin.h"
#include "core/text.h"
#include "core/xalloc.h"

#define KEYS_MAX 16      /* ranges of mixed letters read for one query */
#define PROBES_MAX 64    /* ranges of mixed letters looked into for one query */
#define PROBE_READS 32   /* index reads those may take, for each place */
#define ROWS_PER_KEY 256 /* rows read from one range, at most */
#define PROBE_ROWS 256   /* rows looked at to see whether a range holds any */
#define WORDS_KEPT 64    /* words gathered before the best are chosen */

/* The text of row (kind, id): its name, or its short name for positions
 * from SEARCH_SHORT_POS. */
struct record_text {
	char name[NAME_BYTES], short_name[32];
	int state;
};

static const char *const SQL_RECORD[] = {
	[SEARCH_ORG] = "SELECT name, short, 0 FROM org WHERE id = $1",
	[SEARCH_TEAM] = "SELECT name, short, state FROM team WHERE id = $1",
	[SEARCH_ROOM] = "SELECT name, '', 0 FROM room WHERE id = $1",
	[SEARCH_PERSON] = "SELECT name, '', 0 FROM person WHERE id = $1",
};

/* HD_NOT_FOUND (err untouched) for a row whose record is gone. */
static enum hd_status record_text(struct db *db, int kind, long long id, struct record_text *out,
				  struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;

	if (kind <= 0 || kind > SEARCH_PERSON || !SQL_RECORD[kind])
		return HD_NOT_FOUND;
	rc = db_prepare(db, SQL_RECORD[kind], &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, id);
	step = db_step(st);
	if (step == DB_ROW) {
		db_column_text(st, 0, out->name, sizeof(out->name));
		db_column_text(st, 1, out->short_name, sizeof(out->short_name));
		out->state = (int)db_col_int(st, 2);
	} else {
		rc = step == DB_DONE ? HD_NOT_FOUND : db_step_fail(st, err);
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

/* A range to read: rows whose initials begin with initials and whose first
 * character's reading begins with first (the letters it takes; "" for
 * any), the second's with second (kept while there are two). */
struct key {
	char initials[PINYIN_KEY_BYTES], first[PINYIN_KEY_BYTES], second[PINYIN_KEY_BYTES];
};

struct walk {
	struct db *db;
	const char *letters;
	int nl, at, kinds;
	take_fn take;
	void *ctx;
	bool stopped;
	/* The ranges read or to read, and those looked into (with whether
	 * the index holds any row in them). */
	struct key keys[KEYS_MAX];
	int nkeys;
	struct key tried[PROBES_MAX];
	bool held[PROBES_MAX];
	int ntried, reads; /* reads: what the ranges looked into took */
};

static const char SQL_BY_INITIALS[] =
	"SELECT kind, id, pos, initials, spelled FROM name_pinyin WHERE at = $1"
	" AND initials >= $2 AND initials < $3 AND (kind & $4) != 0 LIMIT $5";
static const char SQL_BY_SPELLED[] =
	"SELECT kind, id, pos, initials, spelled FROM name_pinyin WHERE at = $1"
	" AND spelled >= $2 AND spelled < $3 AND (kind & $4) != 0 LIMIT $5";

/* Binds the range of texts beginning with text as $n and $n+1 ('{'
 * follows 'z'). */
static void bind_prefix(struct db_stmt *st, int n, const char *text)
{
	char end[PINYIN_KEY_BYTES + 8];

	snprintf(end, sizeof(end), "%s{", text);
	db_bind_text(st, n, text);
	db_bind_text(st, n + 1, end);
}

static bool begins(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Reads one range (sql, with its prefix a) whose rows' initials begin with
 * initials and readings in full with spelled (NULL: any), at most
 * ROWS_PER_KEY rows of it (PROBE_ROWS when held is given): its rows go to
 * w->take, or, when held is given, only whether there is one goes there. */
static enum hd_status read_range(struct walk *w, const char *sql, const char *a,
				 const char *initials, const char *spelled, bool *held,
				 struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step = DB_DONE;

	rc = db_prepare(w->db, sql, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, w->at);
	bind_prefix(st, 2, a);
	db_bind_int(st, 4, w->kinds);
	db_bind_int(st, 5, held ? PROBE_ROWS : ROWS_PER_KEY);
	if (held) {
		w->reads++;
		*held = false;
	}
	while (!w->stopped && !(held && *held) && (step = db_step(st)) == DB_ROW) {
		if ((initials && !begins(db_col_text(st, 3), initials)) ||
		    (spelled && !begins(db_col_text(st, 4), spelled)))
			continue;
		if (held)
			*held = true;
		else if (!w->take(w->ctx, (int)db_col_int(st, 0), db_col_int(st, 1),
				  (int)db_col_int(st, 2)))
			w->stopped = true;
	}
	if (!w->stopped && step != DB_DONE && step != DB_ROW)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

/* Reads k's range through the indexes, the rest of the key checked on the
 * rows: a first piece of one letter is a first initial (a range of
 * initials); a longer one alone is a range of readings in full; with one
 * piece after it, a range of readings in full for each reading the first
 * piece begins (that reading, then the second piece); with more, a range
 * of initials (three initials say enough). Ranges of many rows are read in
 * part: a cut that rare is not worth the wait. held as read_range's. */
static enum hd_status read_key(struct walk *w, const struct key *k, bool *held, struct hd_err *err)
{
	const char *syl[64];
	char spelled[2 * PINYIN_KEY_BYTES];
	size_t nf = strlen(k->first), ni = strlen(k->initials);
	enum hd_status rc = HD_OK;
	int n, i;

	if (nf <= 1)
		return read_range(w, SQL_BY_INITIALS, k->initials, NULL, NULL, held, err);
	if (ni == 1)
		return read_range(w, SQL_BY_SPELLED, k->first, NULL, NULL, held, err);
	if (ni > 2)
		return read_range(w, SQL_BY_INITIALS, k->initials, NULL, k->first, held, err);
	n = pinyin_syllables_from(k->first, nf, syl, 64);
	for (i = 0; rc == HD_OK && i < n && !w->stopped && !(held && *held); i++) {
		snprintf(spelled, sizeof(spelled), "%s%s", syl[i], k->second);
		rc = read_range(w, SQL_BY_SPELLED, spelled, k->initials, NULL, held, err);
	}
	return rc;
}

/* Whether the index holds a row in k's range (looked into once). */
static bool key_held(struct walk *w, const struct key *k)
{
	bool held = false;
	int i;

	for (i = 0; i < w->ntried; i++)
		if (strcmp(w->tried[i].initials, k->initials) == 0 &&
		    strcmp(w->tried[i].first, k->first) == 0 &&
		    strcmp(w->tried[i].second, k->second) == 0)
			return w->held[i];
	if (w->ntried == PROBES_MAX || w->reads >= PROBE_READS ||
	    read_key(w, k, &held, NULL) != HD_OK)
		return false;
	w->tried[w->ntried] = *k;
	w->held[w->ntried++] = held;
	return held;
}

/* True when a range already taken holds every row of k's. */
static bool covered(const struct walk *w, const struct key *k)
{
	int i;

	for (i = 0; i < w->nkeys; i++)
		if (begins(k->initials, w->keys[i].initials) &&
		    begins(k->first, w->keys[i].first) &&
		    (strlen(w->keys[i].initials) != 2 || begins(k->second, w->keys[i].second)))
			return true;
	return false;
}

/* The ways of cutting letters[i..] into beginnings of syllables, their
 * first letters appended to k->initials (np so far, the first piece in
 * k->first): each complete one of two pieces or more adds its range to
 * read (one piece is a range of readings in full, read already). Longer
 * pieces first, so the widest ranges come first. */
static void mixes(struct walk *w, int i, struct key *k, int np)
{
	int top, j;

	if (w->nkeys == KEYS_MAX)
		return;
	if (i == w->nl) {
		if (np > 1 && !covered(w, k))
			w->keys[w->nkeys++] = *k;
		return;
	}
	for (top = i; top < w->nl && pinyin_syllable_start(w->letters + i, (size_t)(top + 1 - i));
	     top++)
		;
	k->initials[np] = w->letters[i];
	k->initials[np + 1] = '\0';
	for (j = top; j > i; j--) {
		if (np == 0)
			snprintf(k->first, sizeof(k->first), "%.*s", j, w->letters);
		if (np == 1)
			snprintf(k->second, sizeof(k->second), "%.*s", j - i, w->letters + i);
		if (!covered(w, k) && key_held(w, k))
			mixes(w, j, k, np + 1);
	}
	k->initials[np] = '\0';
	if (np == 0)
		k->first[0] = '\0';
	if (np == 1)
		k->second[0] = '\0';
}

/* Walks the rows whose spelling at w->at letters may spell: initials,
 * readings in full, then mixes; stops when take says so. */
static enum hd_status walk_at(struct walk *w, struct hd_err *err)
{
	struct key k;
	enum hd_status rc;
	int first, i;

	w->nkeys = w->ntried = w->reads = 0;
	memset(&k, 0, sizeof(k));
	snprintf(k.initials, sizeof(k.initials), "%s", w->letters);
	w->keys[w->nkeys++] = k;
	rc = read_key(w, &k, NULL, err);
	if (rc == HD_OK && !w->stopped)
		rc = read_range(w, SQL_BY_SPELLED, w->letters, NULL, NULL, NULL, err);
	if (rc != HD_OK || w->stopped)
		return rc;
	first = w->nkeys;
	memset(&k, 0, sizeof(k));
	mixes(w, 0, &k, 0);
	for (i = first; rc == HD_OK && !w->stopped && i < w->nkeys; i++)
		rc = read_key(w, &w->keys[i], NULL, err);
	return rc;
}

/* A search runs dozens of small statements: outside a transaction each
 * would take and leave the file's read lock, which costs more than the
 * statement. One read transaction holds it for the whole search; true when
 * this one began it (search_end ends it). */
static bool search_begin(struct db *db)
{
	return !db_in_transaction(db) && db_begin_read(db, NULL) == HD_OK;
}

static void search_end(struct db *db, bool began)
{
	if (began)
		db_rollback(db);
}

/* Gathering hits (search_pinyin). */
struct gather {
	struct db *db;
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

enum hd_status search_pinyin(struct db *db, const char *letters, int kinds, bool inside,
			     struct search_hit *hits, int max, int *n, struct hd_err *err)
{
	struct gather g = { db, letters, hits, max, 0, HD_OK, err };
	struct walk *w;
	enum hd_status rc = HD_OK;
	bool began;
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
	began = search_begin(db);
	if (names) {
		w->at = SEARCH_AT_START;
		w->kinds = names;
		rc = walk_at(w, err);
	}
	if (rc == HD_OK && g.rc == HD_OK && !w->stopped && (kinds & SEARCH_PERSON)) {
		w->at = SEARCH_AT_PERSON;
		w->kinds = SEARCH_PERSON;
		rc = walk_at(w, err);
	}
	if (rc == HD_OK && g.rc == HD_OK && !w->stopped && names && inside) {
		w->at = SEARCH_AT_INSIDE;
		w->kinds = names;
		rc = walk_at(w, err);
	}
	search_end(db, began);
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
	struct db *db;
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

enum hd_status search_words(struct db *db, const char *letters, char (*words)[NAME_BYTES], int max,
			    int *n, struct hd_err *err)
{
	struct words *ws;
	struct walk *w;
	enum hd_status rc;
	bool began;
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
			    .at = SEARCH_AT_START,
			    .kinds = SEARCH_ORG | SEARCH_TEAM | SEARCH_ROOM,
			    .take = gather_word,
			    .ctx = ws };
	began = search_begin(db);
	rc = walk_at(w, err);
	search_end(db, began);
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
