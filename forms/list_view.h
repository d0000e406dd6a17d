/* SPDX-License-Identifier: GPL-3.0-or-later */
/* list_view.h - the model of every list on the screen (htop's Panel):
 * how many entries, the selected one, the first one shown and how many
 * rows show; the moves of the list keys keep the selection inside and in
 * sight. Curses-free; tui/list_panel.h turns keys into its moves. */
#ifndef HD_LIST_VIEW_H
#define HD_LIST_VIEW_H

#include <stdbool.h>

enum list_move {
	LIST_UP,
	LIST_DOWN,
	LIST_PAGE_UP,
	LIST_PAGE_DOWN,
	LIST_FIRST,
	LIST_LAST,
};

struct list_view {
	int count;    /* entries */
	int selected; /* the selected entry; 0 when there is none */
	int first;    /* the first entry shown */
	int rows;     /* rows shown at once, as last drawn (0: not yet drawn) */
	bool wrap;    /* up from the first entry goes to the last, and down back round */
	bool scroll;  /* no selection: the moves scroll the rows (a text to read) */
};

/* Sets the number of entries (after reading them again): the selection
 * stays, or goes to the last entry when it is past the end. */
void list_view_set_count(struct list_view *lv, int count);

/* Selects entry i (kept inside the list). */
void list_view_select(struct list_view *lv, int i);

/* Moves the selection (or, scrolling, the rows) by m; a page is the rows
 * last shown. True: the list took the move (even at its end, where
 * nothing changes). */
bool list_view_move(struct list_view *lv, enum list_move m);

/* A click on the row-th row shown (0 the top one): selects that entry and
 * is true, or is false when no entry is shown there. */
bool list_view_click(struct list_view *lv, int row);

/* The first entry to draw on rows rows: it keeps the selection in sight,
 * moving as little as it can (scrolling: the rows filled as far as the
 * entries go), and is remembered with rows for the next draw and for the
 * page moves. */
int list_view_first(struct list_view *lv, int rows);

#endif
