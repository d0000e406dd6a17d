/* SPDX-License-Identifier: GPL-3.0-or-later */
/* list_view.c - selection and scrolling of a list, without a terminal. */
#include "forms/list_view.h"

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The largest first entry: the last rows entries fill the rows. */
static int last_first(const struct list_view *lv)
{
	int rows = lv->rows > 0 ? lv->rows : 1;

	return lv->count > rows ? lv->count - rows : 0;
}

void list_view_set_count(struct list_view *lv, int count)
{
	lv->count = count > 0 ? count : 0;
	lv->selected = clamp(lv->selected, 0, lv->count > 0 ? lv->count - 1 : 0);
	if (lv->scroll)
		lv->first = clamp(lv->first, 0, last_first(lv));
	else if (lv->first >= lv->count)
		lv->first = lv->count > 0 ? lv->count - 1 : 0;
}

void list_view_select(struct list_view *lv, int i)
{
	lv->selected = clamp(i, 0, lv->count > 0 ? lv->count - 1 : 0);
}

static void scroll_move(struct list_view *lv, enum list_move m)
{
	int page = lv->rows > 0 ? lv->rows : 1, last = last_first(lv);

	switch (m) {
	case LIST_UP:
		lv->first = lv->first > 0 ? lv->first - 1 : 0;
		break;
	case LIST_DOWN:
		if (lv->first < last)
			lv->first++;
		break;
	case LIST_PAGE_UP:
		lv->first = clamp(lv->first - page, 0, last);
		break;
	case LIST_PAGE_DOWN:
		lv->first = clamp(lv->first + page, 0, last);
		break;
	case LIST_FIRST:
		lv->first = 0;
		break;
	case LIST_LAST:
		lv->first = last;
		break;
	}
}

bool list_view_move(struct list_view *lv, enum list_move m)
{
	int page = lv->rows > 0 ? lv->rows : 1, to = lv->selected;

	if (lv->scroll) {
		scroll_move(lv, m);
		return true;
	}
	if (lv->count <= 0)
		return true;
	switch (m) {
	case LIST_UP:
		to = lv->selected > 0 ? lv->selected - 1 : lv->wrap ? lv->count - 1 : 0;
		break;
	case LIST_DOWN:
		to = lv->selected + 1 < lv->count ? lv->selected + 1 : lv->wrap ? 0 : lv->selected;
		break;
	case LIST_PAGE_UP:
		to = lv->selected - page;
		break;
	case LIST_PAGE_DOWN:
		to = lv->selected + page;
		break;
	case LIST_FIRST:
		to = 0;
		break;
	case LIST_LAST:
		to = lv->count - 1;
		break;
	}
	list_view_select(lv, to);
	return true;
}

bool list_view_click(struct list_view *lv, int row)
{
	int i = lv->first + row;

	if (lv->scroll || row < 0 || (lv->rows > 0 && row >= lv->rows) || i >= lv->count)
		return false;
	lv->selected = i;
	return true;
}

int list_view_first(struct list_view *lv, int rows)
{
	lv->rows = rows > 0 ? rows : 1;
	if (lv->scroll) {
		lv->first = clamp(lv->first, 0, last_first(lv));
		return lv->first;
	}
	if (lv->selected < lv->first)
		lv->first = lv->selected;
	if (lv->selected >= lv->first + lv->rows)
		lv->first = lv->selected - lv->rows + 1;
	return lv->first;
}
