/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_soon.c - the screen of a part of the desk that is not available
 * yet: it says so in the interface, under the part's own title. */
#include <curses.h>
#include <stdio.h>

#include "core/i18n.h"
#include "tui/app.h"
#include "tui/draw.h"

static void *soon_open(struct app *a, const void *arg)
{
	(void)a;
	return (void *)arg; /* the part's title (a msgid), not owned */
}

static void soon_draw(struct app *a, void *st)
{
	char line[256];

	(void)a;
	snprintf(line, sizeof(line), "%s", _((const char *)st));
	draw_centre(LINES / 2 - 2, line, ROLE_LABEL);
	draw_centre(LINES / 2, _("This part of the desk is not available yet; it comes with a later version."),
		    ROLE_DIM);
	draw_centre(LINES / 2 + 2, _("Esc goes back."), ROLE_DIM);
}

static enum key_result soon_key(struct app *a, void *st, struct key_in k)
{
	(void)a;
	(void)st;
	(void)k;
	return KR_IGNORED;
}

static const int SOON_KEYS[] = { -1 };

const struct screen_ops SCREEN_SOON = {
	.title = NULL,
	.open = soon_open,
	.draw = soon_draw,
	.key = soon_key,
	.keys = SOON_KEYS,
};
