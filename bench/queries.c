/* SPDX-License-Identifier: GPL-3.0-or-later */
/* queries.c - the search queries of `hubdesk-bench run`, taken from the
 * names of the database so that they find what a desk would find: pieces of
 * 1, 2 and 4 characters from random places of random names, misses, and the
 * pinyin of names typed keystroke by keystroke. */
#include "bench/bench.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/org.h"
#include "core/pinyin.h"
#include "core/text.h"
#include "core/xalloc.h"

#define QUERY_SEED 0x5EA4C4ull
#define COMMON_PIECES 20 /* the most frequent pieces a common-start miss uses */

/* Every organisation and team name of the database. */
struct names {
	char **v;
	int n, orgs, teams, cap;
};

static void names_push(struct names *all, const char *name)
{
	if (all->n == all->cap) {
		all->cap = all->cap ? all->cap * 2 : 1024;
		all->v = xrealloc(all->v, (size_t)all->cap * sizeof(*all->v));
	}
	all->v[all->n] = xstrdup(name);
	all->n++;
}

static void names_free(struct names *all)
{
	int i;

	for (i = 0; i < all->n; i++)
		free(all->v[i]);
	free(all->v);
	memset(all, 0, sizeof(*all));
}

static enum hd_status load_names(struct db *db, struct names *all, struct hd_err *err)
{
	struct org *orgs = NULL;
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;
	int n = 0, i;

	rc = org_list(db, &orgs, &n, err);
	if (rc != HD_OK)
		return rc;
	for (i = 0; i < n; i++)
		names_push(all, orgs[i].name);
	all->orgs = n;
	free(orgs);
	rc = db_prepare(db, "SELECT name FROM team ORDER BY id", &st, err);
	if (rc != HD_OK)
		return rc;
	while ((step = db_step(st)) == DB_ROW) {
		names_push(all, db_col_text(st, 0));
		all->teams++;
	}
	if (step != DB_DONE)
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

/* Code points of s into cps (at most max); returns the count. */
static int code_points(const char *s, uint32_t *cps, int max)
{
	size_t len = strlen(s);
	int n = 0, k;

	while (len > 0 && n < max) {
		k = utf8_decode(s, len, &cps[n]);
		if (k < 0)
			break;
		n++;
		s += k;
		len -= (size_t)k;
	}
	return n;
}

static void encode(const uint32_t *cps, int count, char *out, size_t outsz)
{
	size_t used = 0;
	char enc[4];
	int i, k;

	for (i = 0; i < count; i++) {
		k = utf8_encode(cps[i], enc);
		if (k == 0 || used + (size_t)k + 1 > outsz)
			break;
		memcpy(out + used, enc, (size_t)k);
		used += (size_t)k;
	}
	out[used] = '\0';
}

/* A piece of count characters of a random name, from a random place in it;
 * false when the name is shorter. */
static bool random_piece(struct bench_rng *r, const struct names *all, int count, char *out,
			 size_t outsz)
{
	uint32_t cps[NAME_MAX_CHARS];
	int n = code_points(all->v[bench_rng_below(r, (unsigned)all->n)], cps, NAME_MAX_CHARS);

	if (n < count)
		return false;
	encode(cps + bench_rng_below(r, (unsigned)(n - count + 1)), count, out, outsz);
	return true;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* The distinct characters of every name, sorted, into a malloc'd array. */
static uint32_t *distinct_chars(const struct names *all, int *count)
{
	uint32_t *cps = NULL;
	int n = 0, cap = 0, i, k, used;

	for (i = 0; i < all->n; i++) {
		if (n + NAME_MAX_CHARS > cap) {
			cap = cap ? cap * 2 : 4096;
			cps = xrealloc(cps, (size_t)cap * sizeof(*cps));
		}
		n += code_points(all->v[i], cps + n, NAME_MAX_CHARS);
		if (n > 1 << 16) {
			qsort(cps, (size_t)n, sizeof(*cps), cmp_u32);
			for (k = used = 0; k < n; k++)
				if (used == 0 || cps[used - 1] != cps[k])
					cps[used++] = cps[k];
			n = used;
		}
	}
	qsort(cps, (size_t)n, sizeof(*cps), cmp_u32);
	for (k = used = 0; k < n; k++)
		if (used == 0 || cps[used - 1] != cps[k])
			cps[used++] = cps[k];
	*count = used;
	return cps;
}

/* Characters no generated name holds, for queries that find nothing. */
static uint32_t absent_char(const uint32_t *chars, int n, int nth)
{
	static const char CANDIDATES[] = "鑫犇龘靐齉爨麤骉羴淼焱垚";
	uint32_t cps[32];
	int count = code_points(CANDIDATES, cps, 32), i, seen = 0;

	for (i = 0; i < count; i++) {
		if (bsearch(&cps[i], chars, (size_t)n, sizeof(*chars), cmp_u32))
			continue;
		if (seen++ == nth % count)
			return cps[i];
	}
	return 0x9FA5; /* the last unified ideograph of the basic block */
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* The most frequent two-character pieces of the names into out (at most
 * max, each as first << 32 | second); returns the count. */
static int common_pieces(const struct names *all, uint64_t *out, int max)
{
	uint64_t *pairs = xmalloc((size_t)all->n * NAME_MAX_CHARS * sizeof(*pairs));
	int counts[COMMON_PIECES] = { 0 };
	uint32_t cps[NAME_MAX_CHARS];
	int n = 0, kept = 0, i, k, c, slot;

	if (max > COMMON_PIECES)
		max = COMMON_PIECES;
	for (i = 0; i < all->n; i++) {
		c = code_points(all->v[i], cps, NAME_MAX_CHARS);
		for (k = 0; k + 1 < c; k++)
			pairs[n++] = (uint64_t)cps[k] << 32 | cps[k + 1];
	}
	qsort(pairs, (size_t)n, sizeof(*pairs), cmp_u64);
	for (i = 0; i < n; i = k) {
		for (k = i; k < n && pairs[k] == pairs[i]; k++)
			;
		c = k - i;
		if (kept == max && c <= counts[kept - 1])
			continue;
		slot = kept < max ? kept++ : kept - 1;
		for (; slot > 0 && counts[slot - 1] < c; slot--) {
			counts[slot] = counts[slot - 1];
			out[slot] = out[slot - 1];
		}
		counts[slot] = c;
		out[slot] = pairs[i];
	}
	free(pairs);
	return kept;
}

/* Fills q with count-character pieces of random names. */
static void random_pieces(struct bench_rng *r, const struct names *all, int count,
			  struct bench_queries *q)
{
	for (q->n = 0; q->n < BENCH_QUERIES;)
		if (random_piece(r, all, count, q->text[q->n], sizeof(q->text[0])))
			q->n++;
}

/* Fills q with what is typed, keystroke by keystroke, to find random names
 * by their pinyin (their initials, or their readings in full when spelled):
 * the first 1, 2 ... up to longest letters of a spelling from the start of
 * the name (half the time) or from a character inside it. */
static void pinyin_keystrokes(struct bench_rng *r, const struct names *all, bool spelled,
			      int longest, struct bench_queries *q)
{
	struct pinyin_spelling sp;
	uint32_t cps[NAME_MAX_CHARS];
	const char *name, *key;
	int n, from, len, k;

	for (q->n = 0; q->n < BENCH_QUERIES;) {
		name = all->v[bench_rng_below(r, (unsigned)all->n)];
		n = code_points(name, cps, NAME_MAX_CHARS);
		from = n > 1 && bench_rng_below(r, 2) ? (int)bench_rng_below(r, (unsigned)n) : 0;
		if (from > 0 && !pinyin_spells(cps[from]))
			continue;
		if (pinyin_spellings(name, from, &sp, 1) != 1)
			continue;
		key = spelled ? sp.spelled : sp.initials;
		len = (int)strlen(key) < longest ? (int)strlen(key) : longest;
		for (k = 1; k <= len && q->n < BENCH_QUERIES; k++, q->n++)
			snprintf(q->text[q->n], sizeof(q->text[0]), "%.*s", k, key);
	}
}

static void make_queries(const struct names *all, struct bench_query_sets *sets)
{
	uint64_t common[COMMON_PIECES];
	struct bench_rng r;
	uint32_t *chars, cps[3];
	int n, i, step, ncommon;

	bench_rng_seed(&r, QUERY_SEED);
	chars = distinct_chars(all, &n);
	step = n > BENCH_QUERIES ? n / BENCH_QUERIES : 1;
	for (sets->set[QSET_ONE].n = 0, i = 0; i < n && sets->set[QSET_ONE].n < BENCH_QUERIES;
	     i += step)
		encode(&chars[i], 1, sets->set[QSET_ONE].text[sets->set[QSET_ONE].n++],
		       sizeof(sets->set[QSET_ONE].text[0]));
	random_pieces(&r, all, 2, &sets->set[QSET_TWO]);
	random_pieces(&r, all, 4, &sets->set[QSET_FOUR]);
	/* A typo after a real start: two characters of a name, then one that
	 * no name holds. */
	random_pieces(&r, all, 2, &sets->set[QSET_MISS]);
	for (i = 0; i < sets->set[QSET_MISS].n; i++) {
		code_points(sets->set[QSET_MISS].text[i], cps, 2);
		cps[2] = absent_char(chars, n, i);
		encode(cps, 3, sets->set[QSET_MISS].text[i], sizeof(sets->set[QSET_MISS].text[0]));
	}
	/* The same after the commonest starts: the longest scans there are. */
	ncommon = common_pieces(all, common, COMMON_PIECES);
	for (sets->set[QSET_MISS_COMMON].n = 0, i = 0; i < ncommon; i++) {
		cps[0] = (uint32_t)(common[i] >> 32);
		cps[1] = (uint32_t)common[i];
		cps[2] = absent_char(chars, n, i);
		encode(cps, 3, sets->set[QSET_MISS_COMMON].text[sets->set[QSET_MISS_COMMON].n++],
		       sizeof(sets->set[QSET_MISS_COMMON].text[0]));
	}
	pinyin_keystrokes(&r, all, false, 6, &sets->set[QSET_INITIALS]);
	pinyin_keystrokes(&r, all, true, 12, &sets->set[QSET_SPELLED]);
	free(chars);
}

enum hd_status bench_queries_make(struct db *db, struct bench_query_sets *sets, struct hd_err *err)
{
	struct names all = { 0 };
	enum hd_status rc;

	memset(sets, 0, sizeof(*sets));
	rc = load_names(db, &all, err);
	if (rc == HD_OK && all.n == 0)
		rc = hd_err_set(err, HD_FAIL, "", "the database holds no names to search");
	if (rc == HD_OK) {
		sets->orgs = all.orgs;
		sets->teams = all.teams;
		make_queries(&all, sets);
	}
	names_free(&all);
	return rc;
}
