/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.h - UTF-8 text: decoding, validity, display width, cutting by columns,
 * trimming and sanitising for the terminal.
 *
 * Width is measured here and nowhere else. Widths follow wcwidth() of the
 * current UTF-8 locale (the program always runs in one); control characters
 * and invalid bytes are drawn as U+FFFD, one column. */
#ifndef HD_TEXT_H
#define HD_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_REPLACEMENT 0xFFFDu

/* Decodes one UTF-8 character from s (at most len bytes). Returns the number
 * of bytes used (1-4) and sets *cp, or -1 for an invalid or truncated sequence
 * (overlong forms, surrogates and values above U+10FFFF are invalid). */
int utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp into out (4 bytes room); returns the number of bytes, 0 if cp
 * is not a valid scalar value. */
int utf8_encode(uint32_t cp, char out[4]);

/* True if s is entirely valid UTF-8. */
bool text_valid_utf8(const char *s);

/* The code points of s, up to max of them, into cps (decoding stops at
 * malformed UTF-8); returns the count. */
int text_code_points(const char *s, uint32_t *cps, int max);

/* True for C0 and C1 control characters, DEL, and the Unicode separators
 * and direction controls that would move or reorder text on the screen. */
bool text_is_control(uint32_t cp);

/* True if s holds a control character (tab and newline included). */
bool text_has_control(const char *s);

/* Number of characters (code points) of valid UTF-8 s. */
size_t text_chars(const char *s);

/* Display columns of one character: 0, 1 or 2 (controls count as 1, for the
 * replacement character they are drawn as). */
int text_cp_width(uint32_t cp);

/* Display columns of s (invalid bytes count one column each). */
int text_width(const char *s);

/* Copies into out (outsz bytes) the longest prefix of s that fits in cols
 * columns, never cutting a character; controls and invalid bytes become
 * U+FFFD. Returns the columns used. */
int text_cut(const char *s, int cols, char *out, size_t outsz);

/* Copies s into out with controls and invalid bytes replaced by U+FFFD, so
 * that text from the database or a scanner cannot move the cursor. */
void text_sanitise(const char *s, char *out, size_t outsz);

/* Text as it is kept: Unicode NFC (a character typed precomposed or
 * decomposed is the same), every kind of space (no-break, ideographic,
 * the typographic ones) one ASCII space, runs of them one, none at either
 * end. Returns a new string (the caller frees it), or NULL when s holds an
 * invisible format character (zero-width space, joiners, word joiner,
 * byte order mark, soft hyphen, variation selectors), whose code point is
 * put in *invisible. s must be valid UTF-8. */
char *text_normalise(const char *s, uint32_t *invisible);

/* True when s holds something besides white space (NULL: false). */
bool text_given(const char *s);

/* Copies s into out without leading and trailing white space (ASCII spaces,
 * tabs, newlines and the ideographic space U+3000). */
void text_trim(const char *s, char *out, size_t outsz);

#endif
