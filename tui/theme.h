/* SPDX-License-Identifier: GPL-3.0-or-later */
/* theme.h - colours as semantic roles, mapped in one place, with a
 * monochrome fallback (no colours, or NO_COLOR set). */
#ifndef HD_THEME_H
#define HD_THEME_H

#include <stdbool.h>

enum role {
	ROLE_NORMAL,
	ROLE_TITLE,       /* the top line */
	ROLE_KEYS,        /* the bottom key line */
	ROLE_KEYNAME,     /* a key's name in the key line */
	ROLE_SELECTED,    /* the selected row of a list or menu: unlike any other */
	ROLE_LIST,        /* the other rows of a list opened under a field */
	ROLE_FIELD,       /* an input field */
	ROLE_FIELD_FOCUS, /* the field being edited */
	ROLE_LABEL,       /* labels of fields and details */
	ROLE_ERROR,
	ROLE_WARNING,
	ROLE_OK,
	ROLE_DIM,        /* hints, things not open to this desk */
	ROLE_BOOKED,     /* grid cells: a confirmed booking */
	ROLE_PENDING,    /* a booking waiting for staff */
	ROLE_CHECKED_IN, /* a booking whose people came */
	ROLE_CLOSED,     /* closed rooms and days */
	ROLE_HEAT1,      /* heat map cells, light use .. heavy use */
	ROLE_HEAT2,
	ROLE_HEAT3,
	ROLE_HEAT4,
	ROLE_COMPOSE, /* pinyin letters being composed in a field */
	ROLE_COUNT
};

/* Sets the colour pairs up after initscr; monochrome when the terminal has
 * no colours or NO_COLOR is set. */
void theme_init(void);

/* True when roles are drawn in colour (false: monochrome). */
bool theme_colour(void);

/* The curses attributes of a role. */
int theme_attr(enum role r);

#endif
