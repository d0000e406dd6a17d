/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ime.h - the built-in pinyin input method: letters in, candidates out,
 * chosen text committed. The engine is librime with Debian's pinyin_simp
 * data, loaded with dlopen the first time it is wanted (a desk that never
 * types pinyin never maps it), deployed once into its own user folder, with
 * learning off: nothing typed (a visitor's name) is ever kept by the
 * engine. The centre's own words come first among the candidates, from a
 * callback. No curses: the terminal side is tui/compose.h. */
#ifndef HD_IME_H
#define HD_IME_H

#include <stdbool.h>
#include <stddef.h>

#define IME_PAGE 9         /* candidates a page holds at most: digits 1..9 */
#define IME_WORD_BYTES 168 /* a candidate's text, as a field's suggestion */
#define IME_LETTERS_MAX 48 /* letters one composition holds */

/* The centre's own words for letters (e.g. names of its organisations),
 * best first: writes up to max into out and returns how many. */
typedef int (*ime_words_fn)(void *ctx, const char *letters, char (*out)[IME_WORD_BYTES], int max);

struct ime;

/* A stopped input method; nothing is loaded yet. words may be NULL. */
struct ime *ime_new(ime_words_fn words, void *words_ctx);

/* Ends the composition and the engine's session. */
void ime_free(struct ime *m);

/* Starts loading the engine in a thread of its own, when it is not loaded
 * or loading already: the first letter then rarely waits. */
void ime_warm(struct ime *m);

/* Waits until the engine is ready. False when it cannot run (library or
 * data missing, user folder not writable); why then says what is wrong. */
bool ime_start(struct ime *m, char *why, size_t whysz);

/* The folder the engine keeps its deployed data in:
 * $XDG_CACHE_HOME/hubdesk/rime, else ~/.cache/hubdesk/rime. False when
 * neither can be named. */
bool ime_user_dir(char *out, size_t outsz);

/* True while letters are being composed. */
bool ime_composing(const struct ime *m);

/* Adds a lower-case letter (a..z) to the composition (started engine);
 * false when the composition is full or the engine refused it. */
bool ime_type(struct ime *m, char letter);

/* Removes the last letter; the composition ends with the last one. */
void ime_back(struct ime *m);

/* Drops the composition. */
void ime_drop(struct ime *m);

/* The letters as typed. */
const char *ime_letters(const struct ime *m);

/* What the composition shows: characters picked so far, then the letters
 * left, spaced by syllable ("张 san feng"). */
const char *ime_preedit(const struct ime *m);

/* The candidates of the page shown: how many, and each one's text. */
int ime_count(const struct ime *m);
const char *ime_candidate(const struct ime *m, int i);

/* Whether a page comes before or after the one shown, where the page
 * shown holds its first shown candidates (the terminal's width may show
 * fewer than ime_count). */
bool ime_has_prev(const struct ime *m);
bool ime_has_next(const struct ime *m, int shown);

/* Turns the page: forward past the shown candidates, or back. False when
 * there is no such page. */
bool ime_page(struct ime *m, bool forward, int shown);

/* Picks candidate i of the page. True when text is complete: it is in
 * commit and the composition is over. False when the pick covered only the
 * first letters (the composition goes on with the rest) or i is not
 * shown. */
bool ime_pick(struct ime *m, int i, char *commit, size_t commitsz);

#endif
