/* SPDX-License-Identifier: GPL-3.0-or-later */
/* form_view.c - drawing forms and mapping keys onto them. */
#include "tui/form_view.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/text.h"
#include "tui/compose.h"
#include "tui/draw.h"

#define X0 2
#define LIST_ROWS 8

/* The form's events by the actions of their keys (tui/actions.h): the
 * same Tab, F2 and Ctrl-S the key line and help name. */
static const struct {
	enum action act;
	enum form_key key;
} FORM_KEYS[] = {
	{ ACT_LEFT, FK_LEFT },
	{ ACT_RIGHT, FK_RIGHT },
	{ ACT_FIRST, FK_HOME },
	{ ACT_LINE_START, FK_HOME },
	{ ACT_LAST, FK_END },
	{ ACT_LINE_END, FK_END },
	{ ACT_BACKSPACE, FK_BACKSPACE },
	{ ACT_DELETE, FK_DELETE },
	{ ACT_UP, FK_UP },
	{ ACT_DOWN, FK_DOWN },
	{ ACT_NEXT, FK_TAB },
	{ ACT_PREV, FK_BTAB },
	{ ACT_ENTER, FK_ENTER },
	{ ACT_SAVE, FK_SUBMIT },
	{ ACT_WORD_LEFT, FK_WORD_LEFT },
	{ ACT_WORD_RIGHT, FK_WORD_RIGHT },
	{ ACT_WORD_DELETE, FK_WORD_DELETE },
	{ ACT_KILL_START, FK_KILL_START },
	{ ACT_KILL_END, FK_KILL_END },
	{ ACT_BACK, FK_ESC },
};

bool form_view_event(struct key_in k, struct form_event *ev)
{
	size_t i;

	ev->cp = 0;
	if (key_is_text(k)) {
		/* The field's text: characters are never actions here. */
		ev->key = FK_CHAR;
		ev->cp = (uint32_t)k.ch;
		return true;
	}
	for (i = 0; i < sizeof(FORM_KEYS) / sizeof(FORM_KEYS[0]); i++)
		if (action_has_key(FORM_KEYS[i].act, k)) {
			ev->key = FORM_KEYS[i].key;
			return true;
		}
	return false;
}

static void draw_field(struct field *f, int y, int x, int cols, bool focus, int *cur_x)
{
	char text[EDITOR_TEXT_MAX];
	struct editor_view v;
	int used;

	editor_view(&f->ed, cols - 1, &v);
	if (f->kind == FIELD_PIN) {
		/* A PIN is never drawn: one star per digit. */
		used = v.count < (int)sizeof(text) - 1 ? v.count : (int)sizeof(text) - 1;
		memset(text, '*', (size_t)used);
		text[used] = '\0';
	} else {
		used = editor_view_text(&f->ed, &v, text, sizeof(text));
	}
	attron(theme_attr(focus ? ROLE_FIELD_FOCUS : ROLE_FIELD));
	mvaddstr(y, x, text);
	for (; used < cols; used++)
		addch(' ');
	attroff(theme_attr(focus ? ROLE_FIELD_FOCUS : ROLE_FIELD));
	*cur_x = x + v.cursor_col;
}

static void draw_list(struct field *f, int y, int x, int cols)
{
	char line[256];
	int n = field_entry_count(f), first = 0, i;

	if (!f->open || n == 0)
		return;
	if (f->selected >= LIST_ROWS)
		first = f->selected - LIST_ROWS + 1;
	for (i = first; i < n && i < first + LIST_ROWS && y < LINES - 3; i++, y++) {
		bool sel = i == f->selected;

		/* The marker inside the list, which lies over the form. */
		draw_text(y, x, sel ? "> " : "  ", 2, sel ? ROLE_SELECTED : ROLE_LIST, 0);
		field_entry_text(f, i, line, sizeof(line));
		draw_text(y, x + 2, line, cols - 2, sel ? ROLE_SELECTED : ROLE_LIST, 1);
	}
}

#define HINT_LINES 4

/* The hint rows above the status line: the focused field's error (two rows
 * at most), else its choices, every one whole, over as many rows as they
 * need (up to HINT_LINES). */
static void draw_hint(struct field *f, int y_last)
{
	char lines[HINT_LINES][512], entry[160];
	int i, n = 0, cols = COLS - 2 * X0, w = 0;

	if (*f->error) {
		draw_wrapped(y_last, X0, f->error, cols, 2, ROLE_ERROR);
		return;
	}
	if (f->kind != FIELD_CHOICE || !f->list)
		return;
	lines[0][0] = '\0';
	for (i = 0; i < f->list->count; i++) {
		int ew;

		snprintf(entry, sizeof(entry), "%s%d %s", w ? "  " : "", f->list->items[i].number,
			 list_label(f->list, f->list->items[i].number));
		ew = text_width(entry);
		if (w && w + ew > cols) {
			if (n + 1 == HINT_LINES)
				break;
			lines[++n][0] = '\0';
			snprintf(entry, sizeof(entry), "%d %s", f->list->items[i].number,
				 list_label(f->list, f->list->items[i].number));
			ew = text_width(entry);
			w = 0;
		}
		if (strlen(lines[n]) + strlen(entry) < sizeof(lines[n]))
			strcat(lines[n], entry);
		w += ew;
	}
	for (i = 0; i <= n; i++)
		draw_text(y_last - n + i, X0, lines[i], cols, ROLE_DIM, 0);
}

void form_view_draw(struct form *fm, int y0, int label_cols, int field_cols)
{
	char label[128];
	int i, cur_x = 0, cur_y = -1, fx = X0 + label_cols;
	struct field *focus = form_current(fm);

	for (i = 0; i < fm->count && y0 + i < LINES - 3; i++) {
		struct field *f = &fm->fields[i];
		int cx;

		snprintf(label, sizeof(label), "%s%s", f->required ? "*" : " ", f->label);
		draw_text(y0 + i, X0, label, label_cols - 1, ROLE_LABEL, 0);
		draw_field(f, y0 + i, fx, field_cols, f == focus, &cx);
		if (*f->error)
			draw_text(y0 + i, fx + field_cols + 1, "!", 1, ROLE_ERROR, 0);
		if (f == focus) {
			cur_y = y0 + i;
			cur_x = cx;
			compose_spot(f, cur_y, fx, field_cols, cx);
		}
	}
	if (focus) {
		draw_hint(focus, LINES - 3);
		/* While pinyin is composed, its candidates take the row under
		 * the field. */
		draw_list(focus, cur_y + (compose_showing(focus) ? 2 : 1), fx, field_cols);
	}
	if (cur_y >= 0) {
		move(cur_y, cur_x);
		curs_set(1);
	}
}

void form_view_tell(struct app *a, struct form *fm, const struct hd_err *err)
{
	struct field *f = form_find(fm, err->field);

	if (f) {
		snprintf(f->error, sizeof(f->error), "%s", err->msg);
		form_focus(fm, (int)(f - fm->fields));
	} else {
		app_message(a, ROLE_ERROR, "%s", err->msg);
	}
}
