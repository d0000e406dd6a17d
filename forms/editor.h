/* SPDX-License-Identifier: GPL-3.0-or-later */
/* editor.h - a one-line text editor over Unicode characters (code points),
 * with a limit counted in characters, word-wise moves and deletes, and a view
 * that fits the text into a field of a given display width.
 *
 * Invalid UTF-8 and control characters never enter the buffer. The editor
 * knows nothing of the terminal: the view measures with text_cp_width(). */
#ifndef HD_EDITOR_H
#define HD_EDITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EDITOR_CAP 512                       /* most characters any editor holds */
#define EDITOR_TEXT_MAX (EDITOR_CAP * 4 + 1) /* bytes that always hold the text as UTF-8 */

struct editor {
	uint32_t buf[EDITOR_CAP]; /* the characters, buf[0..len) */
	int len;                  /* characters held */
	int max;                  /* limit in characters (1..EDITOR_CAP) */
	int cursor;               /* insertion point, 0..len */
	int scroll;               /* first character shown, kept by editor_view() */
};

/* What an insert did. */
enum editor_status {
	EDITOR_OK = 0,    /* everything was inserted */
	EDITOR_TRUNCATED, /* only the part that fits the limit was inserted */
	EDITOR_FULL,      /* nothing was inserted: the limit is reached */
	EDITOR_INVALID    /* refused: invalid UTF-8 or a control character; buffer unchanged */
};

/* What to draw: characters first..first+count of the buffer take cols
 * columns; the cursor sits cursor_col columns from the field's left edge. */
struct editor_view {
	int first;
	int count;
	int cols;
	int cursor_col;
};

/* Empties ed and sets its limit to max_chars characters (clamped to
 * 1..EDITOR_CAP). */
void editor_init(struct editor *ed, int max_chars);

/* Replaces the text with utf8 and puts the cursor at its end. Invalid UTF-8
 * or a control character: EDITOR_INVALID and the buffer is unchanged. Longer
 * than the limit: the first max characters are kept, EDITOR_TRUNCATED. */
enum editor_status editor_set_text(struct editor *ed, const char *utf8);

/* Writes the text as UTF-8 into out (outsz bytes, always NUL-terminated when
 * outsz > 0, never cutting a character). Returns the bytes the whole text
 * needs without the NUL; EDITOR_TEXT_MAX bytes always suffice. */
size_t editor_text(const struct editor *ed, char *out, size_t outsz);

/* The text as a newly allocated UTF-8 string; the caller frees it. NULL only
 * when memory runs out. */
char *editor_strdup(const struct editor *ed);

/* Inserts utf8 (typed, pasted or scanned text) at the cursor and moves the
 * cursor after it. The whole insert is refused (EDITOR_INVALID, buffer
 * unchanged) if utf8 is not valid UTF-8 or holds a control character;
 * otherwise as much as fits the limit is inserted (EDITOR_TRUNCATED when not
 * all of it, EDITOR_FULL when none of it). */
enum editor_status editor_insert(struct editor *ed, const char *utf8);

/* Inserts one character at the cursor: EDITOR_OK, EDITOR_FULL, or
 * EDITOR_INVALID for a control character or a value that is not a Unicode
 * scalar value. */
enum editor_status editor_insert_cp(struct editor *ed, uint32_t cp);

/* Cursor moves by one character, to the start or the end, or by a word
 * (a run of CJK ideographs, or of other non-space characters, after any
 * spaces). Each returns true when the cursor moved. */
bool editor_left(struct editor *ed);
bool editor_right(struct editor *ed);
bool editor_home(struct editor *ed);
bool editor_end(struct editor *ed);
bool editor_word_left(struct editor *ed);
bool editor_word_right(struct editor *ed);

/* Deletes exactly one character before (backspace) or at (delete) the
 * cursor; the spaces and then the word before the cursor (Ctrl-W); from the
 * start to the cursor (Ctrl-U); from the cursor to the end (Ctrl-K); or
 * everything. Each returns true when the text changed. */
bool editor_backspace(struct editor *ed);
bool editor_delete(struct editor *ed);
bool editor_delete_word(struct editor *ed);
bool editor_kill_start(struct editor *ed);
bool editor_kill_end(struct editor *ed);
bool editor_clear(struct editor *ed);

/* Number of characters held; true when there are none. */
int editor_len(const struct editor *ed);
bool editor_is_empty(const struct editor *ed);

/* Empties ed and overwrites every character it held (for PINs). */
void editor_wipe(struct editor *ed);

/* Fits the text into a field width columns wide: adjusts the scroll offset
 * kept in ed so that the cursor (and the whole character under it) is
 * visible, and fills v with the visible characters and the cursor column.
 * No double-width character is counted past the right edge. */
void editor_view(struct editor *ed, int width, struct editor_view *v);

/* Writes the visible characters of v as UTF-8 into out (outsz bytes, always
 * NUL-terminated when outsz > 0); characters the terminal cannot print become
 * U+FFFD. Returns the columns the written text takes. */
int editor_view_text(const struct editor *ed, const struct editor_view *v, char *out, size_t outsz);

#endif
