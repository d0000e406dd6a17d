/* SPDX-License-Identifier: GPL-3.0-or-later */
/* draw.c - width-aware text drawing. */
#include "tui/draw.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"

#define LINE_BYTES 2048

int draw_text(int y, int x, const char *text, int cols, enum role role, int pad)
{
	char cut[LINE_BYTES];
	int used, attr = theme_attr(role);

	if (cols <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + cols > COLS)
		cols = COLS - x;
	used = text_cut(text ? text : "", cols, cut, sizeof(cut));
	attron(attr);
	mvaddstr(y, x, cut);
	if (pad)
		for (; used < cols; used++)
			addch(' ');
	attroff(attr);
	return used;
}

int draw_row(int y, int x, const char *text, int cols, bool selected, enum role role)
{
	if (x >= 2)
		draw_text(y, x - 2, selected ? "> " : "  ", 2,
			  selected ? ROLE_SELECTED : ROLE_NORMAL, 0);
	return draw_text(y, x, text, cols, selected ? ROLE_SELECTED : role, 1);
}

#define WRAP_LINES_MAX 6

/* The length in bytes of the next line of text in cols columns: cut at
 * the last space of the piece when there is one in its second half. */
static size_t next_line(const char *text, int cols)
{
	char cut[LINE_BYTES];
	size_t len, i;

	text_cut(text, cols, cut, sizeof(cut));
	len = strlen(cut);
	if (len == 0 && *text)
		return 1; /* nothing fits: never loop */
	if (text[len] == '\0' || text[len] == ' ')
		return len;
	for (i = len; i > len / 2; i--)
		if (cut[i - 1] == ' ')
			return i;
	return len;
}

int draw_wrapped(int y_last, int x, const char *text, int cols, int max_lines, enum role role)
{
	const char *start[WRAP_LINES_MAX];
	size_t len[WRAP_LINES_MAX];
	char piece[LINE_BYTES];
	int n = 0, i;

	if (max_lines > WRAP_LINES_MAX)
		max_lines = WRAP_LINES_MAX;
	while (text && *text && n < max_lines) {
		while (*text == ' ')
			text++;
		if (!*text)
			break;
		start[n] = text;
		len[n] = next_line(text, cols);
		text += len[n++];
	}
	for (i = 0; i < n; i++) {
		snprintf(piece, sizeof(piece), "%.*s", (int)len[i], start[i]);
		draw_text(y_last - n + 1 + i, x, piece, cols, role, 0);
	}
	return n;
}

void draw_fill(int y, int x, int cols, enum role role)
{
	draw_text(y, x, "", cols, role, 1);
}

void draw_centre(int y, const char *text, enum role role)
{
	int w = text_width(text);
	int x = w < COLS ? (COLS - w) / 2 : 0;

	draw_text(y, x, text, COLS - x, role, 0);
}
