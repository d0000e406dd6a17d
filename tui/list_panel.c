/* SPDX-License-Identifier: GPL-3.0-or-later */
/* list_panel.c - the list actions on a list's model. */
#include "tui/list_panel.h"

#include <curses.h>

bool list_panel_key(struct list_view *lv, enum action act, int y0)
{
	MEVENT ev;

	switch (act) {
	case ACT_UP:
		return list_view_move(lv, LIST_UP);
	case ACT_DOWN:
		return list_view_move(lv, LIST_DOWN);
	case ACT_PAGE_UP:
		return list_view_move(lv, LIST_PAGE_UP);
	case ACT_PAGE_DOWN:
		return list_view_move(lv, LIST_PAGE_DOWN);
	case ACT_FIRST:
		return list_view_move(lv, LIST_FIRST);
	case ACT_LAST:
		return list_view_move(lv, LIST_LAST);
	case ACT_CLICK:
		return getmouse(&ev) == OK && list_view_click(lv, ev.y - y0);
	default:
		return false;
	}
}
