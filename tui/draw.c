/* draw.c - width-aware text drawing. */
#include "tui/draw.h"

#include <curses.h>
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
