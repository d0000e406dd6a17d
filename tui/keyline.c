/* keyline.c - the action table and the bottom key line drawn from it. */
#include "tui/keyline.h"

#include <curses.h>

#include "core/text.h"
#include "tui/draw.h"

#define ACTION_INFO(id, key, label, help) [id] = { key, label, help },
static const struct action_info ACTIONS[ACT_COUNT] = { APP_ACTIONS(ACTION_INFO) };
#undef ACTION_INFO

const struct action_info *action_info(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? &ACTIONS[a] : &ACTIONS[ACT_HELP];
}

void keyline_draw(int y, const int *keys)
{
	static const int GLOBAL[] = { ACT_HELP, ACT_BACK, ACT_SIGNIN, ACT_QUIT, -1 };
	const int *lists[2] = { keys, GLOBAL };
	int x = 0, l, i;

	draw_fill(y, 0, COLS, ROLE_KEYS);
	for (l = 0; l < 2; l++) {
		for (i = 0; lists[l] && lists[l][i] >= 0 && x < COLS; i++) {
			const struct action_info *ai = action_info((enum action)lists[l][i]);

			x += draw_text(y, x, ai->key, COLS - x, ROLE_KEYNAME, 0);
			x += draw_text(y, x, _(ai->label), COLS - x, ROLE_KEYS, 0);
			x += draw_text(y, x, " ", COLS - x, ROLE_KEYS, 0);
		}
	}
}
