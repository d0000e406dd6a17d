/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pinyin.h - the readings of Chinese characters (every reading of a 多音字,
 * the most common first), from a table made at build time out of the rime
 * pinyin dictionary (tools/pinyin_table.py), and what names' pinyin is
 * matched with: letters typed as initials (xyh), whole syllables (xiyang)
 * or both mixed (xiyh, zhsf). No database. */
#ifndef HD_PINYIN_H
#define HD_PINYIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PINYIN_LETTERS_MAX 32  /* letters a query may have */
#define PINYIN_KEY_BYTES 33    /* a spelling keeps its first 32 letters, NUL-ended */
#define PINYIN_SPELLINGS_MAX 8 /* spellings of one name (combinations of readings) */

/* Up to max readings of the character cp, the most common first, into out
 * (static text); returns how many (0 for a character without any). */
int pinyin_readings(uint32_t cp, const char **out, int max);

/* True when s is 1 to PINYIN_LETTERS_MAX lower-case ASCII letters: text to
 * try as pinyin. */
bool pinyin_letters(const char *s);

/* True when s (of len letters) begins some reading of any character: a
 * piece of pinyin one character may take. */
bool pinyin_syllable_start(const char *s, size_t len);

/* Up to max readings of any character that begin with s (of len letters),
 * in order, into out (static text); returns how many. */
int pinyin_syllables_from(const char *s, size_t len, const char **out, int max);

/* True when the character cp is spelled (a Chinese character, an ASCII
 * letter or digit); others (spaces, ·, punctuation) are passed over. */
bool pinyin_spells(uint32_t cp);

/* How many characters of name, from its start, letters spell, or 0 when
 * they do not. Each Chinese character takes a non-empty beginning of one of
 * its readings, an ASCII letter or digit takes itself (case aside), other
 * characters (spaces, ·, punctuation) are passed over; every letter must
 * be used. The smallest count that works, counting the characters passed
 * over before the last one spelled. */
int pinyin_prefix(const char *letters, const char *name);

/* The first character position of name from which letters spell (see
 * pinyin_prefix), with *count the characters spelled; -1 when none. */
int pinyin_find(const char *letters, const char *name, int *count);

/* One way of spelling a name: the first letter of each character's reading
 * (initials, "xyhhct") and the readings in full ("xiyanghonghechangtuan"),
 * each cut to PINYIN_LETTERS_MAX letters. */
struct pinyin_spelling {
	char initials[PINYIN_KEY_BYTES];
	char spelled[PINYIN_KEY_BYTES];
};

/* The spellings of name from its character from (0: the start), one per
 * combination of readings, the most common first (by the product of the
 * readings' weights' ranks), distinct, at most max (PINYIN_SPELLINGS_MAX is
 * the index's). ASCII letters and digits count as themselves; characters
 * passed over by pinyin_prefix add nothing. Returns how many (0 when the
 * name from there holds nothing to spell, or a character that has no
 * reading). */
int pinyin_spellings(const char *name, int from, struct pinyin_spelling *out, int max);

#endif
