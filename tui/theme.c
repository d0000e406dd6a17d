/* SPDX-License-Identifier: GPL-3.0-or-later */
/* theme.c - the one place where roles become colours or attributes. */
#include "tui/theme.h"

#include <curses.h>
#include <stdlib.h>

struct role_style {
	short fg, bg;
	int attr; /* added to the colour */
	int mono; /* used instead without colours */
};

static const struct role_style STYLES[ROLE_COUNT] = {
	[ROLE_NORMAL] = { -1, -1, 0, 0 },
	[ROLE_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_KEYS] = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	[ROLE_KEYNAME] = { COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD },
	/* The selection looks like nothing else (the key line is black on
	 * cyan, a list's other rows black on white), also without colours. */
	[ROLE_SELECTED] = { COLOR_WHITE, COLOR_MAGENTA, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_LIST] = { COLOR_BLACK, COLOR_WHITE, 0, 0 },
	[ROLE_FIELD] = { -1, -1, A_UNDERLINE, A_UNDERLINE },
	[ROLE_FIELD_FOCUS] = { COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE },
	[ROLE_LABEL] = { COLOR_CYAN, -1, 0, A_BOLD },
	[ROLE_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_WARNING] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_OK] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_DIM] = { -1, -1, A_DIM, A_DIM },
	[ROLE_BOOKED] = { COLOR_WHITE, COLOR_BLUE, 0, A_BOLD },
	[ROLE_PENDING] = { COLOR_BLACK, COLOR_YELLOW, 0, A_UNDERLINE },
	[ROLE_CHECKED_IN] = { COLOR_BLACK, COLOR_GREEN, 0, A_BOLD },
	[ROLE_CLOSED] = { COLOR_WHITE, COLOR_RED, 0, A_DIM },
	[ROLE_HEAT1] = { COLOR_BLACK, COLOR_CYAN, 0, 0 },
	[ROLE_HEAT2] = { COLOR_BLACK, COLOR_GREEN, 0, 0 },
	[ROLE_HEAT3] = { COLOR_BLACK, COLOR_YELLOW, 0, 0 },
	[ROLE_HEAT4] = { COLOR_WHITE, COLOR_RED, 0, 0 },
	[ROLE_COMPOSE] = { COLOR_BLACK, COLOR_YELLOW, A_UNDERLINE, A_REVERSE | A_UNDERLINE },
};

static bool colour;

void theme_init(void)
{
	const char *no = getenv("NO_COLOR");
	int i;

	colour = has_colors() && !(no && *no);
	if (!colour)
		return;
	start_color();
	use_default_colors();
	for (i = 1; i < ROLE_COUNT; i++)
		init_pair((short)i, STYLES[i].fg, STYLES[i].bg);
}

bool theme_colour(void)
{
	return colour;
}

int theme_attr(enum role r)
{
	if (r <= ROLE_NORMAL || r >= ROLE_COUNT)
		return A_NORMAL;
	if (!colour)
		return STYLES[r].mono;
	return (int)COLOR_PAIR(r) | STYLES[r].attr;
}
