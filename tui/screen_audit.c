/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_audit.c - the audit log (administration 8, admin): the newest
 * entries, filtered by date, person, desk and kind of action (fields at the
 * top; Tab moves into them, Enter applies), with the selected entry's
 * before and after below the list. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/list_panel.h"

enum { F_DATE, F_PERSON, F_DESK, F_ACTION, F_COUNT };

#define X0 2
#define SHOWN_MAX 500
#define LIST_TOP (2 + F_COUNT + 1)
#define DETAIL_ROWS 4

struct audit_screen {
	struct field fields[F_COUNT];
	struct form form;
	bool filtering;
	struct audit_entry *entries;
	int n;
	struct list_view list;
};

static void reload(struct app *a, struct audit_screen *s)
{
	char t[F_COUNT][EDITOR_TEXT_MAX];
	struct audit_filter f;
	struct hd_err err;
	long day = CLOCK_NO_DAY;
	int i;

	for (i = 0; i < F_COUNT; i++)
		editor_text(&s->fields[i].ed, t[i], sizeof(t[i]));
	audit_entries_free(s->entries, s->n);
	s->entries = NULL;
	s->n = 0;
	list_view_set_count(&s->list, 0);
	if (*t[F_DATE] && clock_parse_day(t[F_DATE], _("Date"), &day, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	f = (struct audit_filter){ day, t[F_PERSON], t[F_DESK], t[F_ACTION] };
	if (audit_entries(a->db, &f, SHOWN_MAX, &s->entries, &s->n, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	s->list.selected = s->list.first = 0;
	list_view_set_count(&s->list, s->n);
}

static void *audit_open(struct app *a, const void *arg)
{
	struct audit_screen *s = xcalloc(1, sizeof(*s));
	const struct field_spec specs[F_COUNT] = {
		[F_DATE] = { .name = "date",
			     .label = _("Date"),
			     .kind = FIELD_TEXT,
			     .max_chars = 10 },
		[F_PERSON] = { .name = "person",
			       .label = _("Person"),
			       .kind = FIELD_TEXT,
			       .max_chars = 40 },
		[F_DESK] = { .name = "desk",
			     .label = _("Desk"),
			     .kind = FIELD_TEXT,
			     .max_chars = 40 },
		[F_ACTION] = { .name = "action",
			       .label = _("Action"),
			       .kind = FIELD_TEXT,
			       .max_chars = 40 },
	};
	int i;

	(void)arg;
	for (i = 0; i < F_COUNT; i++)
		field_init(&s->fields[i], &specs[i]);
	form_init(&s->form, s->fields, F_COUNT);
	reload(a, s);
	return s;
}

static void audit_close(struct app *a, void *st)
{
	struct audit_screen *s = st;

	(void)a;
	audit_entries_free(s->entries, s->n);
	free(s);
}

/* What the selected entry changed, a field a row. */
static void draw_detail(const struct audit_entry *e, int y)
{
	char lines[DETAIL_ROWS][AUDIT_LINE];
	int i, n = audit_changes(e->before, e->after, lines, DETAIL_ROWS);

	if (n == 0)
		draw_text(y, X0, _("No fields changed."), COLS - 2 * X0, ROLE_DIM, 1);
	for (i = 0; i < n; i++)
		draw_text(y + i, X0, lines[i], COLS - 2 * X0, ROLE_NORMAL, 1);
}

/* An entry's columns, each padded or cut to its width by display columns
 * (names in Chinese line up as well as in English). */
static void draw_entry(int y, bool selected, const char *when, const char *action,
		       const char *actor, const char *desk, const char *record)
{
	static const int WIDTH[] = { 18, 23, 13, 13 }; /* each with its gap */
	const char *cols[] = { when, action, actor, desk, record };
	enum role role = selected ? ROLE_SELECTED : ROLE_NORMAL;
	int i, x = X0;

	draw_text(y, 0, selected ? "> " : "  ", 2, role, 0);
	for (i = 0; i < 5 && x < COLS - X0; i++) {
		int w = i < 4 ? WIDTH[i] : COLS - X0 - x;

		if (x + w > COLS - X0)
			w = COLS - X0 - x;
		draw_text(y, x, cols[i], w - (i < 4 ? 1 : 0), role, 1);
		if (i < 4)
			draw_text(y, x + w - 1, " ", 1, role, 1);
		x += w;
	}
}

static void audit_draw(struct app *a, void *st)
{
	struct audit_screen *s = st;
	char line[512], when[32];
	int i, y, rows = LINES - LIST_TOP - DETAIL_ROWS - 3;

	(void)a;
	for (i = list_view_first(&s->list, rows), y = LIST_TOP; i < s->n && y < LIST_TOP + rows;
	     i++, y++) {
		const struct audit_entry *e = &s->entries[i];

		clock_local_datetime(e->at, when, sizeof(when));
		if (e->record_id > 0)
			snprintf(line, sizeof(line), "%s %lld", audit_record_words(e->record),
				 e->record_id);
		else
			snprintf(line, sizeof(line), "%s", audit_record_words(e->record));
		draw_entry(y, !s->filtering && i == s->list.selected, when,
			   audit_action_words(e->action), e->actor, e->desk, line);
	}
	if (s->n == 0)
		draw_text(LIST_TOP, X0, _("No entry matches."), COLS - 2 * X0, ROLE_DIM, 0);
	else
		draw_detail(&s->entries[s->list.selected], LINES - DETAIL_ROWS - 2);
	form_view_draw(&s->form, 2, 10, 24);
	if (!s->filtering)
		curs_set(0);
}

static enum key_result audit_key(struct app *a, void *st, struct key_in k)
{
	struct audit_screen *s = st;
	struct form_event ev;

	if (s->filtering) {
		if (!form_view_event(k, &ev))
			return KR_HANDLED;
		if (ev.key == FK_ESC) {
			s->filtering = false;
			return KR_HANDLED;
		}
		if (form_key(&s->form, ev) == FORM_SUBMIT) {
			reload(a, s);
			s->filtering = false;
		}
		return KR_HANDLED;
	}
	if (k.act == ACT_FILTER) {
		s->filtering = true;
		form_focus(&s->form, 0);
		return KR_HANDLED;
	}
	return list_panel_key(&s->list, k.act, LIST_TOP) ? KR_HANDLED : KR_IGNORED;
}

static bool audit_typing(struct app *a, void *st)
{
	(void)a;
	return ((struct audit_screen *)st)->filtering;
}

static const int AUDIT_KEYS[] = { ACT_PICK, ACT_FILTER, -1 };
static const int AUDIT_MORE[] = { LIST_ACTIONS, -1 };

const struct screen_ops SCREEN_AUDIT = {
	.title = N_("Audit log"),
	.open = audit_open,
	.close = audit_close,
	.draw = audit_draw,
	.key = audit_key,
	.typing = audit_typing,
	.keys = AUDIT_KEYS,
	.more = AUDIT_MORE,
};
