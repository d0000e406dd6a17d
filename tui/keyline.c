/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keyline.c - the bottom key line, drawn from the action table. */
#include "tui/keyline.h"

#include <curses.h>

#include "core/text.h"
#include "tui/draw.h"

static int entry_width(const struct action_info *ai)
{
	return text_width(_(ai->key)) + text_width(_(ai->label)) + 1;
}

static int draw_entry(int y, int x, const struct action_info *ai)
{
	x += draw_text(y, x, _(ai->key), COLS - x, ROLE_KEYNAME, 0);
	x += draw_text(y, x, _(ai->label), COLS - x, ROLE_KEYS, 0);
	return x + draw_text(y, x, " ", COLS - x, ROLE_KEYS, 0);
}

/* The keys of every screen (help, back, sign in, leave) stand whole at the
 * right; the screen's own fill the left, whole entries only (F1 lists them
 * all). */
void keyline_draw(int y, const int *keys)
{
	const int *GLOBAL = ACTIONS_GLOBAL;
	int x = 0, gw = 0, gx, i;

	draw_fill(y, 0, COLS, ROLE_KEYS);
	for (i = 0; GLOBAL[i] >= 0; i++)
		gw += entry_width(action_info((enum action)GLOBAL[i]));
	gx = COLS - gw > 0 ? COLS - gw : 0;
	for (i = 0; keys && keys[i] >= 0; i++) {
		const struct action_info *ai = action_info((enum action)keys[i]);

		if (!ai->key)
			continue;
		if (x + entry_width(ai) > gx)
			break;
		x = draw_entry(y, x, ai);
	}
	for (i = 0, x = gx; GLOBAL[i] >= 0; i++)
		x = draw_entry(y, x, action_info((enum action)GLOBAL[i]));
}
