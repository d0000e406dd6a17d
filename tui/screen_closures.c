/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_closures.c - the days the whole centre is closed (h in the
 * rooms): holidays and works, from the first to the last date, with a
 * reason, those not yet over listed by date; n adds one in the fields below
 * the list, x (or Delete) removes the selected one after asking. The
 * weekdays closed every week are the setting closed.weekdays, shown here
 * and changed in the settings. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/closure.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/list_panel.h"
#include "tui/rooms.h"

enum { F_FROM, F_TO, F_REASON, F_COUNT };

#define X0 2
#define TOP 3

struct closures {
	struct closure *all;
	int n;
	struct list_view list;
	bool adding, opening; /* a closure typed, or a working day (调休) */
	struct field fields[F_COUNT];
	struct form form;
	struct field day[2]; /* the working day's date and reason */
	struct form day_form;
};

static void reload(struct app *a, struct closures *s)
{
	struct hd_err err;

	free(s->all);
	s->all = NULL;
	s->n = 0;
	if (closure_list(a->db, false, &s->all, &s->n, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	list_view_set_count(&s->list, s->n);
}

static void *closures_open(struct app *a, const void *arg)
{
	struct closures *s = xcalloc(1, sizeof(*s));
	const struct field_spec specs[F_COUNT] = {
		[F_FROM] = { .name = "from",
			     .label = _("From"),
			     .kind = FIELD_DATE,
			     .required = true },
		[F_TO] = { .name = "to", .label = _("To"), .kind = FIELD_DATE, .required = true },
		[F_REASON] = { .name = "reason",
			       .label = _("Reason"),
			       .kind = FIELD_TEXT,
			       .required = true,
			       .max_chars = TEXT_MAX_CHARS },
	};
	int i;

	(void)arg;
	const struct field_spec day_specs[2] = {
		{ .name = "date", .label = _("Working day"), .kind = FIELD_DATE, .required = true },
		{ .name = "reason",
		  .label = _("Reason"),
		  .kind = FIELD_TEXT,
		  .required = true,
		  .max_chars = TEXT_MAX_CHARS },
	};

	for (i = 0; i < F_COUNT; i++)
		field_init(&s->fields[i], &specs[i]);
	form_init(&s->form, s->fields, F_COUNT);
	field_init(&s->day[0], &day_specs[0]);
	field_init(&s->day[1], &day_specs[1]);
	form_init(&s->day_form, s->day, 2);
	reload(a, s);
	return s;
}

static void closures_close(struct app *a, void *st)
{
	struct closures *s = st;

	(void)a;
	free(s->all);
	free(s);
}

/* closed.weekdays ("1,7") in words ("周一 周日"), or "none". */
static void weekdays_text(struct app *a, char *out, size_t outsz)
{
	static const char *const NAMES[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"),
					     N_("Fri"), N_("Sat"), N_("Sun") };
	size_t used = 0;
	int wd;

	out[0] = '\0';
	for (wd = 1; wd <= 7 && used < outsz; wd++)
		if (settings_closed_weekday(a->db, wd))
			used += (size_t)snprintf(out + used, outsz - used, "%s%s", used ? " " : "",
						 _(NAMES[wd - 1]));
	if (!out[0])
		snprintf(out, outsz, "%s", _("none"));
}

static void closures_draw(struct app *a, void *st)
{
	struct closures *s = st;
	char line[TEXT_BYTES + 64], days[128];
	int i, y, rows = LINES - TOP - 3 - (s->adding ? F_COUNT + 1 : 1);

	weekdays_text(a, days, sizeof(days));
	snprintf(line, sizeof(line),
		 _("Closed every week: %s (the setting closed.weekdays, in Settings)."), days);
	draw_text(1, X0, line, COLS - 2 * X0, ROLE_LABEL, 1);
	if (s->n == 0)
		draw_text(TOP, X0, _("No closure to come: n adds one."), COLS - 2 * X0, ROLE_DIM,
			  0);
	for (i = list_view_first(&s->list, rows), y = TOP; i < s->n && y < TOP + rows; i++, y++) {
		snprintf(line, sizeof(line), "%-4lld %s - %s  %s", s->all[i].id, s->all[i].from,
			 s->all[i].to, s->all[i].reason);
		draw_row(y, X0, line, COLS - 2 * X0, !s->adding && i == s->list.selected,
			 ROLE_NORMAL);
	}
	if (s->adding) {
		form_view_draw(&s->form, LINES - 3 - F_COUNT, 14, 40);
	} else if (s->opening) {
		form_view_draw(&s->day_form, LINES - 5, 14, 40);
	} else {
		draw_text(
			LINES - 3, X0,
			s->n > 0
				? _("x or Delete removes the selected closure; o adds a working day (调休).")
				: _("o adds a working day (调休) on a weekday closed every week."),
			COLS - 2 * X0, ROLE_DIM, 0);
	}
}

static struct field *field_named(struct closures *s, const char *name)
{
	struct field *f = form_find(&s->form, name);
	int i;

	for (i = 0; !f && i < F_COUNT; i++)
		if (strcmp(s->fields[i].label, name) == 0)
			f = &s->fields[i];
	return f;
}

static void save(struct app *a, struct closures *s)
{
	struct hd_err err;
	struct field *f;
	long long id;
	long from, to;
	int i;

	a->message[0] = '\0';
	if (form_validate(&s->form, &err) != HD_OK)
		return;
	if (clock_parse_day(s->fields[F_FROM].value, _("From"), &from, &err) != HD_OK ||
	    clock_parse_day(s->fields[F_TO].value, _("To"), &to, &err) != HD_OK ||
	    closure_add(a->db, &a->actor, from, to, s->fields[F_REASON].value, &id, &err) !=
		    HD_OK) {
		f = field_named(s, err.field);
		if (f) {
			snprintf(f->error, sizeof(f->error), "%s", err.msg);
			form_focus(&s->form, (int)(f - s->fields));
		} else {
			app_message(a, ROLE_ERROR, "%s", err.msg);
		}
		return;
	}
	app_message(a, ROLE_OK, _("The centre is closed from %s to %s: %s."),
		    s->fields[F_FROM].value, s->fields[F_TO].value, s->fields[F_REASON].value);
	s->adding = false;
	form_reset(&s->form);
	reload(a, s);
	for (i = 0; i < s->n; i++)
		if (s->all[i].id == id)
			list_view_select(&s->list, i);
}

static void remove_selected(struct app *a, struct closures *s)
{
	struct closure c;
	struct hd_err err;

	if (s->list.selected >= s->n)
		return;
	c = s->all[s->list.selected];
	if (!app_confirm(a, _("Remove this closure? Rooms can be booked on those days again.")))
		return;
	if (closure_remove(a->db, &a->actor, c.id, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	else
		app_message(a, ROLE_OK, _("Closure %s to %s removed."), c.from, c.to);
	reload(a, s);
}

static enum key_result form_keys(struct app *a, struct closures *s, struct key_in k)
{
	struct form_event ev;

	if (!form_view_event(k, &ev))
		return KR_HANDLED;
	if (ev.key == FK_ESC) {
		if (form_dirty(&s->form) && !app_confirm(a, _("Leave and drop what was typed?")))
			return KR_HANDLED;
		s->adding = false;
		form_reset(&s->form);
		return KR_HANDLED;
	}
	if (form_key(&s->form, ev) == FORM_SUBMIT)
		save(a, s);
	return KR_HANDLED;
}

/* A working day: the date and why, saved through the core. */
static enum key_result day_keys(struct app *a, struct closures *s, struct key_in k)
{
	struct form_event ev;
	struct hd_err err;
	long long id;
	long day;

	if (!form_view_event(k, &ev))
		return KR_HANDLED;
	if (ev.key == FK_ESC) {
		s->opening = false;
		form_reset(&s->day_form);
		return KR_HANDLED;
	}
	if (form_key(&s->day_form, ev) != FORM_SUBMIT || form_validate(&s->day_form, NULL) != HD_OK)
		return KR_HANDLED;
	if (clock_parse_day(s->day[0].value, _("Date"), &day, &err) != HD_OK ||
	    closure_open_day(a->db, &a->actor, day, s->day[1].value, &id, &err) != HD_OK) {
		form_view_tell(a, &s->day_form, &err);
		return KR_HANDLED;
	}
	app_message(a, ROLE_OK, _("%s is a working day: the centre opens."), s->day[0].value);
	s->opening = false;
	form_reset(&s->day_form);
	return KR_HANDLED;
}

static enum key_result closures_key(struct app *a, void *st, struct key_in k)
{
	struct closures *s = st;

	if (s->adding)
		return form_keys(a, s, k);
	if (s->opening)
		return day_keys(a, s, k);
	if (list_panel_key(&s->list, k.act, TOP))
		return KR_HANDLED;
	switch (k.act) {
	case ACT_REMOVE:
		remove_selected(a, s);
		break;
	case ACT_ADD:
		s->adding = true;
		break;
	case ACT_WORKING_DAY:
		s->opening = true;
		break;
	default:
		return KR_IGNORED;
	}
	return KR_HANDLED;
}

static bool closures_typing(struct app *a, void *st)
{
	(void)a;
	return ((struct closures *)st)->adding || ((struct closures *)st)->opening;
}

static bool closures_dirty(struct app *a, void *st)
{
	struct closures *s = st;

	(void)a;
	return s->adding && form_dirty(&s->form);
}

static const int CLOSURES_KEYS[] = { ACT_PICK, ACT_ADD, -1 };
static const int CLOSURES_MORE[] = { LIST_ACTIONS, ACT_REMOVE, ACT_WORKING_DAY, -1 };

const struct screen_ops SCREEN_CLOSURES = {
	.title = N_("Closures"),
	.open = closures_open,
	.close = closures_close,
	.draw = closures_draw,
	.key = closures_key,
	.typing = closures_typing,
	.dirty = closures_dirty,
	.keys = CLOSURES_KEYS,
	.more = CLOSURES_MORE,
	.patient = true,
};
