/* SPDX-License-Identifier: GPL-3.0-or-later */
/* actions.c - the action table with its default keys, and a key's action. */
#include "tui/actions.h"

#include <curses.h>
#include <stdint.h>

#include "core/text.h"

#define KEYLIST(...) __VA_ARGS__
#define ACTION_INFO(id, key, label, help, keys) [id] = { key, label, help, { KEYLIST keys } },
static const struct action_info ACTIONS[ACT_COUNT] = { APP_ACTIONS(ACTION_INFO) };
#undef ACTION_INFO

const int ACTIONS_GLOBAL[] = { ACT_HELP, ACT_BACK, ACT_SIGNIN, ACT_QUIT, -1 };

const struct action_info *action_info(enum action a)
{
	return a >= 0 && a < ACT_COUNT ? &ACTIONS[a] : &ACTIONS[ACT_HELP];
}

bool action_has_key(enum action a, struct key_in k)
{
	int key = k.code ? (int)k.ch | ACTION_KEYCODE : (int)k.ch, i;

	if (a < 0 || a >= ACT_COUNT)
		return false;
	for (i = 0; i < ACTION_KEYS_MAX && ACTIONS[a].keys[i]; i++)
		if (ACTIONS[a].keys[i] == key)
			return true;
	return false;
}

bool key_is_text(struct key_in k)
{
	return !k.code && !text_is_control((uint32_t)k.ch);
}

enum action action_find(const int *acts, struct key_in k, bool typing)
{
	int i;

	if (typing && key_is_text(k))
		return ACT_NONE;
	for (i = 0; acts && acts[i] >= 0; i++)
		if (action_has_key((enum action)acts[i], k))
			return (enum action)acts[i];
	return ACT_NONE;
}
