/* SPDX-License-Identifier: GPL-3.0-or-later */
/* editor.c - the one-line editor: a buffer of code points, a cursor, a limit
 * in characters and the view that fits it into a field. */
#include "forms/editor.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

/* Character classes for word moves and Ctrl-W. */
enum char_class { CLASS_SPACE, CLASS_CJK, CLASS_OTHER };

static bool is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x2FDF)       /* radicals */
	       || (cp >= 0x3005 && cp <= 0x3007)    /* 々 〆 〇 */
	       || (cp >= 0x3021 && cp <= 0x3029)    /* Hangzhou numerals */
	       || (cp >= 0x3040 && cp <= 0x30FF)    /* kana */
	       || (cp >= 0x3400 && cp <= 0x4DBF)    /* extension A */
	       || (cp >= 0x4E00 && cp <= 0x9FFF)    /* unified ideographs */
	       || (cp >= 0xAC00 && cp <= 0xD7AF)    /* hangul syllables */
	       || (cp >= 0xF900 && cp <= 0xFAFF)    /* compatibility ideographs */
	       || (cp >= 0x20000 && cp <= 0x3FFFF); /* extensions B and later */
}

static enum char_class char_class(uint32_t cp)
{
	if (cp == ' ' || cp == 0xA0 || cp == 0x3000)
		return CLASS_SPACE;
	return is_cjk(cp) ? CLASS_CJK : CLASS_OTHER;
}

void editor_init(struct editor *ed, int max_chars)
{
	if (max_chars < 1)
		max_chars = 1;
	if (max_chars > EDITOR_CAP)
		max_chars = EDITOR_CAP;
	ed->len = 0;
	ed->max = max_chars;
	ed->cursor = 0;
	ed->scroll = 0;
}

/* Decodes utf8 into out, keeping at most room characters; *total gets the
 * number of characters of the whole string. False (out unspecified) for
 * invalid UTF-8 or a control character anywhere in utf8. */
static bool decode(const char *utf8, uint32_t *out, int room, int *kept, int *total)
{
	size_t left;
	uint32_t cp;
	int n;

	*kept = 0;
	*total = 0;
	if (!utf8)
		return false;
	left = strlen(utf8);
	while (left > 0) {
		n = utf8_decode(utf8, left, &cp);
		if (n < 0 || text_is_control(cp))
			return false;
		if (*kept < room)
			out[(*kept)++] = cp;
		(*total)++;
		utf8 += n;
		left -= (size_t)n;
	}
	return true;
}

enum editor_status editor_set_text(struct editor *ed, const char *utf8)
{
	uint32_t tmp[EDITOR_CAP];
	int kept, total;

	if (!decode(utf8, tmp, ed->max, &kept, &total))
		return EDITOR_INVALID;
	memcpy(ed->buf, tmp, (size_t)kept * sizeof(tmp[0]));
	ed->len = kept;
	ed->cursor = kept;
	ed->scroll = 0;
	return kept < total ? EDITOR_TRUNCATED : EDITOR_OK;
}

/* Encodes buf[from..to) into out (outsz bytes); returns the bytes the whole
 * range needs. Stops before a character that does not fit. */
static size_t encode_range(const struct editor *ed, int from, int to, char *out, size_t outsz)
{
	size_t need = 0, used = 0;
	bool room = out && outsz > 0;
	char b[4];
	int i, n;

	for (i = from; i < to; i++) {
		n = utf8_encode(ed->buf[i], b);
		need += (size_t)n;
		if (room && used + (size_t)n < outsz) {
			memcpy(out + used, b, (size_t)n);
			used += (size_t)n;
		} else {
			room = false;
		}
	}
	if (out && outsz > 0)
		out[used] = '\0';
	return need;
}

size_t editor_text(const struct editor *ed, char *out, size_t outsz)
{
	return encode_range(ed, 0, ed->len, out, outsz);
}

char *editor_strdup(const struct editor *ed)
{
	size_t need = editor_text(ed, NULL, 0) + 1;
	char *s = malloc(need);

	if (s)
		editor_text(ed, s, need);
	return s;
}

/* Opens a gap of n characters at the cursor, copies cps into it and moves
 * the cursor after them. The caller checks the limit. */
static void put(struct editor *ed, const uint32_t *cps, int n)
{
	memmove(ed->buf + ed->cursor + n, ed->buf + ed->cursor,
		(size_t)(ed->len - ed->cursor) * sizeof(ed->buf[0]));
	memcpy(ed->buf + ed->cursor, cps, (size_t)n * sizeof(cps[0]));
	ed->len += n;
	ed->cursor += n;
}

enum editor_status editor_insert(struct editor *ed, const char *utf8)
{
	uint32_t tmp[EDITOR_CAP];
	int kept, total;

	if (!decode(utf8, tmp, ed->max - ed->len, &kept, &total))
		return EDITOR_INVALID;
	if (total == 0)
		return EDITOR_OK;
	if (kept == 0)
		return EDITOR_FULL;
	put(ed, tmp, kept);
	return kept < total ? EDITOR_TRUNCATED : EDITOR_OK;
}

enum editor_status editor_insert_cp(struct editor *ed, uint32_t cp)
{
	char b[4];

	if (text_is_control(cp) || utf8_encode(cp, b) == 0)
		return EDITOR_INVALID;
	if (ed->len >= ed->max)
		return EDITOR_FULL;
	put(ed, &cp, 1);
	return EDITOR_OK;
}

/* Moves the cursor to pos; true when it moved. */
static bool move_to(struct editor *ed, int pos)
{
	if (pos == ed->cursor)
		return false;
	ed->cursor = pos;
	return true;
}

bool editor_left(struct editor *ed)
{
	return ed->cursor > 0 && move_to(ed, ed->cursor - 1);
}

bool editor_right(struct editor *ed)
{
	return ed->cursor < ed->len && move_to(ed, ed->cursor + 1);
}

bool editor_home(struct editor *ed)
{
	return move_to(ed, 0);
}

bool editor_end(struct editor *ed)
{
	return move_to(ed, ed->len);
}

/* Start of the word before the cursor, after skipping spaces. */
static int word_start(const struct editor *ed)
{
	enum char_class c;
	int i = ed->cursor;

	while (i > 0 && char_class(ed->buf[i - 1]) == CLASS_SPACE)
		i--;
	if (i > 0) {
		c = char_class(ed->buf[i - 1]);
		while (i > 0 && char_class(ed->buf[i - 1]) == c)
			i--;
	}
	return i;
}

/* End of the word at or after the cursor, after skipping spaces. */
static int word_end(const struct editor *ed)
{
	enum char_class c;
	int i = ed->cursor;

	while (i < ed->len && char_class(ed->buf[i]) == CLASS_SPACE)
		i++;
	if (i < ed->len) {
		c = char_class(ed->buf[i]);
		while (i < ed->len && char_class(ed->buf[i]) == c)
			i++;
	}
	return i;
}

bool editor_word_left(struct editor *ed)
{
	return move_to(ed, word_start(ed));
}

bool editor_word_right(struct editor *ed)
{
	return move_to(ed, word_end(ed));
}

/* Removes buf[from..to) and puts the cursor at from; true when anything
 * was removed. */
static bool cut(struct editor *ed, int from, int to)
{
	if (to <= from)
		return false;
	memmove(ed->buf + from, ed->buf + to, (size_t)(ed->len - to) * sizeof(ed->buf[0]));
	ed->len -= to - from;
	ed->cursor = from;
	if (ed->scroll > ed->len)
		ed->scroll = ed->len;
	return true;
}

bool editor_backspace(struct editor *ed)
{
	return ed->cursor > 0 && cut(ed, ed->cursor - 1, ed->cursor);
}

bool editor_delete(struct editor *ed)
{
	return ed->cursor < ed->len && cut(ed, ed->cursor, ed->cursor + 1);
}

bool editor_delete_word(struct editor *ed)
{
	return cut(ed, word_start(ed), ed->cursor);
}

bool editor_kill_start(struct editor *ed)
{
	return cut(ed, 0, ed->cursor);
}

bool editor_kill_end(struct editor *ed)
{
	return cut(ed, ed->cursor, ed->len);
}

bool editor_clear(struct editor *ed)
{
	bool changed = ed->len > 0;

	ed->len = 0;
	ed->cursor = 0;
	ed->scroll = 0;
	return changed;
}

int editor_len(const struct editor *ed)
{
	return ed->len;
}

bool editor_is_empty(const struct editor *ed)
{
	return ed->len == 0;
}

/* Columns of buf[from..to). */
static int span(const struct editor *ed, int from, int to)
{
	int w = 0;

	for (; from < to; from++)
		w += text_cp_width(ed->buf[from]);
	return w;
}

void editor_view(struct editor *ed, int width, struct editor_view *v)
{
	int cell, before, tail, w;

	if (width < 1)
		width = 1;
	if (ed->cursor < 0 || ed->cursor > ed->len)
		ed->cursor = ed->len;
	if (ed->scroll < 0)
		ed->scroll = 0;
	if (ed->scroll > ed->cursor)
		ed->scroll = ed->cursor;

	/* The cursor needs the cell of the character under it (a wide one
	 * whole), or one column past the end of the text. */
	cell = 1;
	if (ed->cursor < ed->len && text_cp_width(ed->buf[ed->cursor]) > 1)
		cell = text_cp_width(ed->buf[ed->cursor]);

	/* Scroll right until the cursor's cell fits. */
	before = span(ed, ed->scroll, ed->cursor);
	while (ed->scroll < ed->cursor && before + cell > width) {
		before -= text_cp_width(ed->buf[ed->scroll]);
		ed->scroll++;
	}

	/* Scroll back left while the whole rest of the text and the cell after
	 * it still fit, so a shortened text fills the field again (the cell
	 * is kept whether or not the cursor is there, so that moving the cursor
	 * off the end does not shift the text). */
	tail = span(ed, ed->scroll, ed->len) + 1;
	while (ed->scroll > 0) {
		w = text_cp_width(ed->buf[ed->scroll - 1]);
		if (tail + w > width)
			break;
		tail += w;
		ed->scroll--;
	}

	v->first = ed->scroll;
	v->count = 0;
	v->cols = 0;
	while (v->first + v->count < ed->len) {
		w = text_cp_width(ed->buf[v->first + v->count]);
		if (v->cols + w > width)
			break;
		v->cols += w;
		v->count++;
	}
	v->cursor_col = span(ed, ed->scroll, ed->cursor);
}

int editor_view_text(const struct editor *ed, const struct editor_view *v, char *out, size_t outsz)
{
	char tmp[EDITOR_TEXT_MAX];
	int from = v->first, to = v->first + v->count;

	if (from < 0)
		from = 0;
	if (to > ed->len)
		to = ed->len;
	if (to < from)
		to = from;
	encode_range(ed, from, to, tmp, sizeof(tmp));
	/* text_cut measures as the view did and replaces what the terminal
	 * cannot print. */
	return text_cut(tmp, v->cols, out, outsz);
}

void editor_wipe(struct editor *ed)
{
	explicit_bzero(ed->buf, sizeof(ed->buf));
	editor_clear(ed);
}
