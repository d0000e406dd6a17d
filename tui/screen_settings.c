/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_settings.c - the centre's settings (administration 4, admin):
 * every key with its value, the selected one explained in a line with its
 * range; Enter edits it in a field below, Enter saves (checked and audited
 * by the core), Esc leaves the field. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/list_panel.h"

#define X0 2
#define TOP 2
#define LABEL_W 22 /* columns of a setting's name */
#define VALUE_W 28 /* columns of its value */

struct settings_screen {
	struct list_view list; /* rows in table order: a row's number is its enum setting */
	bool editing;
	struct field value;
	struct form form;
};

static void *settings_open(struct app *a, const void *arg)
{
	struct settings_screen *s = xcalloc(1, sizeof(*s));
	struct field_spec spec = { .name = "value",
				   .label = _("Value"),
				   .kind = FIELD_TEXT,
				   .max_chars = 200 };

	(void)a;
	(void)arg;
	field_init(&s->value, &spec);
	form_init(&s->form, &s->value, 1);
	list_view_set_count(&s->list, SETTING_COUNT);
	return s;
}

static void settings_close(struct app *a, void *st)
{
	(void)a;
	free(st);
}

/* The range of a setting in words. */
static void range_of(const struct setting_def *d, char *out, size_t outsz)
{
	const char *def = *d->def ? d->def : _("(empty)");

	switch (d->type) {
	case SET_INT:
		snprintf(out, outsz, _("%ld to %ld, default %s"), d->min, d->max, def);
		break;
	case SET_TEXT:
		snprintf(out, outsz, _("text of %ld to %ld characters, default %s"), d->min, d->max,
			 def);
		break;
	case SET_TIME:
		snprintf(out, outsz, _("HH:MM from %02ld:%02ld to %02ld:%02ld, default %s"),
			 d->min / 60, d->min % 60, d->max / 60, d->max % 60, def);
		break;
	case SET_WEEKDAYS:
		snprintf(out, outsz, "%s",
			 _("weekday numbers 1 (Monday) to 7 (Sunday) such as 1,7, or empty"));
		break;
	case SET_ONOFF:
		snprintf(out, outsz, _("off or on, default %s"), def);
		break;
	case SET_QUEUE:
		snprintf(out, outsz, "%s", _("a CUPS queue, or empty for none"));
		break;
	case SET_WIDTH:
		snprintf(out, outsz, _("80 or 58 (mm of paper), default %s"), def);
		break;
	case SET_CODE:
		snprintf(out, outsz, _("%ld to %ld capital letters or digits, default %s"), d->min,
			 d->max, def);
		break;
	}
}

static void settings_draw(struct app *a, void *st)
{
	struct settings_screen *s = st;
	char value[256], line[512], range[256];
	int i, y, rows = LINES - TOP - 8, n = SETTING_COUNT;
	const struct setting_def *d;

	for (i = list_view_first(&s->list, rows), y = TOP; i < n && y < TOP + rows; i++, y++) {
		d = settings_def(i);
		if (settings_get(a->db, i, value, sizeof(value), NULL) != HD_OK)
			value[0] = '\0';
		draw_row(y, X0, _(d->label), LABEL_W - 1, i == s->list.selected, ROLE_NORMAL);
		draw_text(y, X0 + LABEL_W - 1, " ", 1,
			  i == s->list.selected ? ROLE_SELECTED : ROLE_NORMAL, 0);
		draw_text(y, X0 + LABEL_W, value, VALUE_W,
			  i == s->list.selected ? ROLE_SELECTED : ROLE_NORMAL, 1);
		/* The key, as the command line and the README name it, in grey. */
		draw_text(y, X0 + LABEL_W + VALUE_W + 1, d->key, COLS - X0 - LABEL_W - VALUE_W - 3,
			  ROLE_DIM, 0);
	}
	d = settings_def(s->list.selected);
	if (d) {
		snprintf(line, sizeof(line), _("%s: %s"), _(d->label), _(d->help));
		draw_text(LINES - 6, X0, line, COLS - 2 * X0, ROLE_LABEL, 1);
		range_of(d, range, sizeof(range));
		draw_text(LINES - 5, X0, range, COLS - 2 * X0, ROLE_DIM, 1);
	}
	if (s->editing)
		form_view_draw(&s->form, LINES - 4, 10, 40);
}

static void save(struct app *a, struct settings_screen *s)
{
	char value[EDITOR_TEXT_MAX];
	const struct setting_def *d = settings_def(s->list.selected);
	struct hd_err err;

	editor_text(&s->value.ed, value, sizeof(value));
	if (settings_set(a->db, &a->actor, s->list.selected, value, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	app_message(a, ROLE_OK, _("%s saved."), _(d->label));
	s->editing = false;
	/* The running desk follows at once. */
	a->idle_seconds = (int)settings_int(a->db, SET_IDLE_SECONDS);
	a->kiosk = settings_on(a->db, SET_KIOSK_MODE);
	settings_text(a->db, SET_CENTRE_NAME, a->centre, sizeof(a->centre));
	if (d->type == SET_QUEUE || d->type == SET_WIDTH) /* a printer or its paper */
		app_watch_printers(a);
}

static enum key_result settings_key(struct app *a, void *st, struct key_in k)
{
	struct settings_screen *s = st;
	char value[256];
	struct form_event ev;

	if (s->editing) {
		if (!form_view_event(k, &ev))
			return KR_HANDLED;
		if (ev.key == FK_ESC) {
			s->editing = false;
			return KR_HANDLED;
		}
		if (form_key(&s->form, ev) == FORM_SUBMIT)
			save(a, s);
		return KR_HANDLED;
	}
	if (list_panel_key(&s->list, k.act, TOP))
		return KR_HANDLED;
	if (k.act != ACT_EDIT_VALUE)
		return KR_IGNORED;
	if (settings_get(a->db, s->list.selected, value, sizeof(value), NULL) != HD_OK)
		value[0] = '\0';
	form_reset(&s->form);
	field_set_text(&s->value, value);
	s->editing = true;
	return KR_HANDLED;
}

static bool settings_typing(struct app *a, void *st)
{
	(void)a;
	return ((struct settings_screen *)st)->editing;
}

static const int SETTINGS_KEYS[] = { ACT_PICK, ACT_EDIT_VALUE, -1 };
static const int SETTINGS_MORE[] = { LIST_ACTIONS, -1 };

const struct screen_ops SCREEN_SETTINGS = {
	.title = N_("Settings"),
	.open = settings_open,
	.close = settings_close,
	.draw = settings_draw,
	.key = settings_key,
	.typing = settings_typing,
	.keys = SETTINGS_KEYS,
	.more = SETTINGS_MORE,
	.patient = true,
};
