/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pinyin.c - readings of characters and the matching of letters against
 * them. The table (build/core/pinyin_table.c) is made at build time by
 * tools/pinyin_table.py: sorted code points, each with its readings as
 * offsets into one pool of text. */
#include "core/pinyin.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

// clang-format off
extern const int PINYIN_COUNT, PINYIN_SYLLABLES;
extern const uint32_t PINYIN_CP[];
extern const uint16_t PINYIN_FIRST[], PINYIN_READING[], PINYIN_SYLLABLE[];
extern const char PINYIN_POOL[];
// clang-format on

#define READINGS_MAX 8 /* readings of one character looked at */
#define NAME_CHARS_MAX 64

static int cmp_cp(const void *key, const void *elem)
{
	uint32_t a = *(const uint32_t *)key, b = *(const uint32_t *)elem;

	return (a > b) - (a < b);
}

int pinyin_readings(uint32_t cp, const char **out, int max)
{
	const uint32_t *at;
	int i, first, n;

	at = bsearch(&cp, PINYIN_CP, (size_t)PINYIN_COUNT, sizeof(*PINYIN_CP), cmp_cp);
	if (!at)
		return 0;
	i = (int)(at - PINYIN_CP);
	first = PINYIN_FIRST[i];
	n = PINYIN_FIRST[i + 1] - first;
	if (n > max)
		n = max;
	for (i = 0; i < n; i++)
		out[i] = PINYIN_POOL + PINYIN_READING[first + i];
	return n;
}

bool pinyin_letters(const char *s)
{
	size_t n = 0;

	for (; s && *s; s++, n++)
		if (*s < 'a' || *s > 'z')
			return false;
	return n >= 1 && n <= PINYIN_LETTERS_MAX;
}

/* The first reading (in order) not before the len letters of s. */
static int first_syllable_from(const char *s, size_t len)
{
	int lo = 0, hi = PINYIN_SYLLABLES, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (strncmp(PINYIN_POOL + PINYIN_SYLLABLE[mid], s, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool pinyin_syllable_start(const char *s, size_t len)
{
	int at;

	if (len == 0)
		return false;
	/* s begins a reading when it begins the first one not before it. */
	at = first_syllable_from(s, len);
	return at < PINYIN_SYLLABLES && strncmp(PINYIN_POOL + PINYIN_SYLLABLE[at], s, len) == 0;
}

int pinyin_syllables_from(const char *s, size_t len, const char **out, int max)
{
	int at = first_syllable_from(s, len), n = 0;

	for (; at < PINYIN_SYLLABLES && n < max; at++) {
		if (strncmp(PINYIN_POOL + PINYIN_SYLLABLE[at], s, len) != 0)
			break;
		out[n++] = PINYIN_POOL + PINYIN_SYLLABLE[at];
	}
	return n;
}

/* Chinese characters: a character of these blocks without a reading cannot
 * be spelled, where other characters are passed over. */
static bool is_han(uint32_t cp)
{
	return cp == 0x3007 || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x323AF);
}

static bool is_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

bool pinyin_spells(uint32_t cp)
{
	return is_alnum(cp) || is_han(cp);
}

static char lower(uint32_t cp)
{
	return (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
}

/* From the letter positions in set (bit p: letters[0..p) used), the
 * positions reachable once character cp has taken its letters. */
static uint64_t step(uint64_t set, uint32_t cp, const char *letters, int nl)
{
	const char *r[READINGS_MAX];
	uint64_t next = 0;
	int p, i, k, nr;

	if (is_alnum(cp)) {
		for (p = 0; p < nl; p++)
			if ((set >> p & 1) && letters[p] == lower(cp))
				next |= 1ull << (p + 1);
		return next;
	}
	nr = pinyin_readings(cp, r, READINGS_MAX);
	if (nr == 0)
		return is_han(cp) ? 0 : set; /* passed over, or a dead end */
	for (p = 0; p < nl; p++) {
		if (!(set >> p & 1))
			continue;
		for (i = 0; i < nr; i++)
			for (k = 0; r[i][k] && p + k < nl && r[i][k] == letters[p + k]; k++)
				next |= 1ull << (p + k + 1);
	}
	return next;
}

/* Characters of cps from from that letters spell (see pinyin_prefix). */
static int spell_from(const char *letters, int nl, const uint32_t *cps, int n, int from)
{
	uint64_t set = 1, done = 1ull << nl;
	int i;

	for (i = from; i < n; i++) {
		set = step(set, cps[i], letters, nl);
		if (set & done)
			return i - from + 1;
		if (!set)
			return 0;
	}
	return 0;
}

int pinyin_prefix(const char *letters, const char *name)
{
	uint32_t cps[NAME_CHARS_MAX];
	int nl = (int)strlen(letters), n;

	if (nl == 0 || nl > PINYIN_LETTERS_MAX || !name)
		return 0;
	n = text_code_points(name, cps, NAME_CHARS_MAX);
	return spell_from(letters, nl, cps, n, 0);
}

int pinyin_find(const char *letters, const char *name, int *count)
{
	uint32_t cps[NAME_CHARS_MAX];
	int nl = (int)strlen(letters), n, i, c;

	*count = 0;
	if (nl == 0 || nl > PINYIN_LETTERS_MAX || !name)
		return -1;
	n = text_code_points(name, cps, NAME_CHARS_MAX);
	for (i = 0; i < n; i++) {
		/* A match begins where something is spelled. */
		if (!pinyin_spells(cps[i]))
			continue;
		c = spell_from(letters, nl, cps, n, i);
		if (c > 0) {
			*count = c;
			return i;
		}
	}
	return -1;
}

/* A spelling being built, with its cost: the sum of the ranks of the
 * readings taken (0 the most common). */
struct partial {
	struct pinyin_spelling s;
	size_t ni, ns;
	int cost;
};

static void append(char *key, size_t *len, const char *text, size_t n)
{
	if (*len + n > PINYIN_LETTERS_MAX)
		n = PINYIN_LETTERS_MAX - *len;
	memcpy(key + *len, text, n);
	*len += n;
	key[*len] = '\0';
}

static int cmp_partial(const void *a, const void *b)
{
	const struct partial *x = a, *y = b;

	return (x->cost > y->cost) - (x->cost < y->cost);
}

int pinyin_spellings(const char *name, int from, struct pinyin_spelling *out, int max)
{
	struct partial beam[PINYIN_SPELLINGS_MAX * READINGS_MAX],
		next[PINYIN_SPELLINGS_MAX * READINGS_MAX];
	const char *r[READINGS_MAX];
	uint32_t cps[NAME_CHARS_MAX];
	int n, i, b, k, j, nb = 1, nn, nr, count = 0;
	char c;

	if (max <= 0 || !name)
		return 0;
	if (max > PINYIN_SPELLINGS_MAX)
		max = PINYIN_SPELLINGS_MAX;
	n = text_code_points(name, cps, NAME_CHARS_MAX);
	memset(beam, 0, sizeof(beam[0]));
	for (i = from; i < n; i++) {
		if (is_alnum(cps[i])) {
			c = lower(cps[i]);
			for (b = 0; b < nb; b++) {
				append(beam[b].s.initials, &beam[b].ni, &c, 1);
				append(beam[b].s.spelled, &beam[b].ns, &c, 1);
			}
			continue;
		}
		nr = pinyin_readings(cps[i], r, READINGS_MAX);
		if (nr == 0 && is_han(cps[i]))
			break; /* a character nobody can spell */
		if (nr == 0)
			continue;
		/* Every partial spelling with every reading; the cheapest max
		 * stay (stable, so the most common come first at equal cost). */
		for (b = nn = 0; b < nb; b++) {
			for (k = 0; k < nr; k++, nn++) {
				next[nn] = beam[b];
				next[nn].cost += k;
				append(next[nn].s.initials, &next[nn].ni, r[k], 1);
				append(next[nn].s.spelled, &next[nn].ns, r[k], strlen(r[k]));
			}
		}
		/* Insertion sort keeps equal costs in order (qsort may not). */
		for (j = 1; j < nn; j++) {
			struct partial p = next[j];

			for (k = j; k > 0 && cmp_partial(&next[k - 1], &p) > 0; k--)
				next[k] = next[k - 1];
			next[k] = p;
		}
		nb = nn < max ? nn : max;
		memcpy(beam, next, (size_t)nb * sizeof(*beam));
	}
	for (b = 0; b < nb; b++) {
		if (!beam[b].ni)
			break;
		for (j = 0; j < count; j++)
			if (strcmp(out[j].initials, beam[b].s.initials) == 0 &&
			    strcmp(out[j].spelled, beam[b].s.spelled) == 0)
				break;
		if (j == count)
			out[count++] = beam[b].s;
	}
	return count;
}
