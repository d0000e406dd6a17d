/* SPDX-License-Identifier: GPL-3.0-or-later */
/* form_view.c - drawing forms and mapping keys onto them. */
#include "tui/form_view.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/text.h"
#include "tui/draw.h"

#define X0 2
#define LIST_ROWS 8

bool form_view_event(struct key_in k, struct form_event *ev)
{
	static const struct {
		int code;
		enum form_key key;
	} CODES[] = {
		{ KEY_LEFT, FK_LEFT },       { KEY_RIGHT, FK_RIGHT },   { KEY_HOME, FK_HOME },
		{ KEY_END, FK_END },         { KEY_BACKSPACE, FK_BACKSPACE }, { KEY_DC, FK_DELETE },
		{ KEY_UP, FK_UP },           { KEY_DOWN, FK_DOWN },     { KEY_BTAB, FK_BTAB },
		{ KEY_ENTER, FK_ENTER },     { KEY_F(2), FK_SUBMIT },   { KEY_SLEFT, FK_WORD_LEFT },
		{ KEY_SRIGHT, FK_WORD_RIGHT },
	};
	static const struct {
		wint_t ch;
		enum form_key key;
	} CHARS[] = {
		{ '\t', FK_TAB },   { '\r', FK_ENTER }, { '\n', FK_ENTER },     { 127, FK_BACKSPACE },
		{ 8, FK_BACKSPACE }, { 23, FK_WORD_DELETE }, { 21, FK_KILL_START }, { 11, FK_KILL_END },
		{ 19, FK_SUBMIT },  { 27, FK_ESC },     { 1, FK_HOME },         { 5, FK_END },
	};
	size_t i;

	ev->cp = 0;
	if (k.code) {
		for (i = 0; i < sizeof(CODES) / sizeof(CODES[0]); i++)
			if ((int)k.ch == CODES[i].code) {
				ev->key = CODES[i].key;
				return true;
			}
		return false;
	}
	for (i = 0; i < sizeof(CHARS) / sizeof(CHARS[0]); i++)
		if (k.ch == CHARS[i].ch) {
			ev->key = CHARS[i].key;
			return true;
		}
	if (text_is_control((uint32_t)k.ch))
		return false;
	ev->key = FK_CHAR;
	ev->cp = (uint32_t)k.ch;
	return true;
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
		}
	}
	if (focus) {
		draw_hint(focus, LINES - 3);
		draw_list(focus, cur_y + 1, fx, field_cols);
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
