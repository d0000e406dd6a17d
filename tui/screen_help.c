/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_help.c - help: the keys of the screen it was opened from and the
 * keys that work everywhere, from the action table. */
#include <curses.h>
#include <stdio.h>

#include "core/i18n.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"

static void *help_open(struct app *a, const void *arg)
{
	(void)a;
	return (void *)arg; /* the screen asking for help, not owned */
}

static int help_line(int y, enum action act)
{
	const struct action_info *ai = action_info(act);

	if (!ai->key)
		return y;
	draw_text(y, 4, _(ai->key), 12, ROLE_KEYNAME, 0);
	draw_text(y, 17, _(ai->help), COLS - 19, ROLE_NORMAL, 0);
	return y + 1;
}

static void help_draw(struct app *a, void *st)
{
	const int *GLOBAL = ACTIONS_GLOBAL;
	const struct screen_ops *from = st;
	int y = 2, i;

	(void)a;
	if (from && from->keys && from->keys[0] >= 0) {
		draw_text(y++, 2, _("On this screen"), COLS - 4, ROLE_LABEL, 0);
		for (i = 0; from->keys[i] >= 0 && y < LINES - 4; i++)
			y = help_line(y, (enum action)from->keys[i]);
		y++;
	}
	draw_text(y++, 2, _("Everywhere"), COLS - 4, ROLE_LABEL, 0);
	for (i = 0; GLOBAL[i] >= 0 && y < LINES - 4; i++)
		y = help_line(y, (enum action)GLOBAL[i]);
	if (y < LINES - 4)
		y = help_line(y, ACT_PINYIN);
	y++;
	if (y < LINES - 3)
		draw_text(y++, 2, _("In forms: Tab or Down next field, Shift-Tab or Up previous,"),
			  COLS - 4, ROLE_DIM, 0);
	if (y < LINES - 3)
		draw_text(y, 2, _("Enter takes and goes on, F2 or Ctrl-S saves, Esc leaves."),
			  COLS - 4, ROLE_DIM, 0);
}

static enum key_result help_key(struct app *a, void *st, struct key_in k)
{
	(void)a;
	(void)st;
	switch (k.act) {
	case ACT_CLOSE:
	case ACT_ENTER:
	case ACT_HELP:
		return KR_CLOSE;
	default:
		return KR_IGNORED;
	}
}

static const int HELP_KEYS[] = { -1 };
static const int HELP_MORE[] = { ACT_CLOSE, ACT_ENTER, ACT_HELP, -1 };

const struct screen_ops SCREEN_HELP = {
	.title = N_("Help"),
	.open = help_open,
	.draw = help_draw,
	.key = help_key,
	.keys = HELP_KEYS,
	.more = HELP_MORE,
};
