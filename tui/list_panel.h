/* SPDX-License-Identifier: GPL-3.0-or-later */
/* list_panel.h - a list on the screen: the list actions (Up, Down, PgUp,
 * PgDn, Home, End, a mouse click on a row) move its model
 * (forms/list_view.h); a screen sees only the actions the list did not
 * take, as with htop's Panel_onKey. */
#ifndef HD_LIST_PANEL_H
#define HD_LIST_PANEL_H

#include <stdbool.h>

#include "forms/list_view.h"
#include "tui/actions.h"

/* The actions a list takes, for a screen's more list: the moves, and with
 * them a click (for a list drawn one entry a row from its top). */
#define LIST_MOVES ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST, ACT_LAST
#define LIST_ACTIONS LIST_MOVES, ACT_CLICK

/* Moves lv by act; a click counts rows from screen row y0 (the first
 * entry shown). True when the list took the action (a click only on one of
 * its entries: the mouse event is read either way). */
bool list_panel_key(struct list_view *lv, enum action act, int y0);

#endif
