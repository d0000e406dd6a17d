/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_approvals.c - for staff (a in the room grid): the team bookings
 * waiting for approval, y approves (on a date of a weekly series it asks
 * whether all its waiting dates are meant: y all of them in one step, n
 * only that date), r rejects with a reason typed below the list; and the
 * bookings still to come of deregistered teams and of organisations past
 * their residence, for the desk to cancel or move (Enter opens one). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/list_panel.h"

#define X0 2
#define TOP 3

struct approvals {
	struct booking *waiting, *stranded;
	int nwaiting, nstranded;
	struct list_view list;
	bool rejecting;
	long long asking; /* the date whose series y asks about (0: none) */
	struct field reason;
	struct form form;
};

static void reload(struct app *a, struct approvals *p)
{
	struct hd_err err;

	free(p->waiting);
	free(p->stranded);
	p->waiting = p->stranded = NULL;
	p->nwaiting = p->nstranded = 0;
	if (booking_waiting(a->db, &p->waiting, &p->nwaiting, &err) != HD_OK ||
	    booking_stranded(a->db, &p->stranded, &p->nstranded, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	list_view_set_count(&p->list, p->nwaiting + p->nstranded);
}

static void *approvals_open(struct app *a, const void *arg)
{
	struct approvals *p = xcalloc(1, sizeof(*p));
	struct field_spec spec = { .name = "reason",
				   .label = _("Reason"),
				   .kind = FIELD_TEXT,
				   .required = true,
				   .max_chars = TEXT_MAX_CHARS };

	(void)arg;
	field_init(&p->reason, &spec);
	form_init(&p->form, &p->reason, 1);
	reload(a, p);
	return p;
}

static void approvals_close(struct app *a, void *st)
{
	struct approvals *p = st;

	(void)a;
	free(p->waiting);
	free(p->stranded);
	free(p);
}

static const struct booking *selected(const struct approvals *p)
{
	if (p->list.selected < p->nwaiting)
		return &p->waiting[p->list.selected];
	if (p->list.selected - p->nwaiting < p->nstranded)
		return &p->stranded[p->list.selected - p->nwaiting];
	return NULL;
}

static void line_of(const struct booking *b, char *out, size_t outsz)
{
	char from[32], to[16];

	clock_local_datetime(b->start, from, sizeof(from));
	clock_local_hm(b->end, to, sizeof(to));
	snprintf(out, outsz, "%s-%s  %s  %s  %d", from, to, b->room, b->booker, b->attendees);
}

static void approvals_draw(struct app *a, void *st)
{
	struct approvals *p = st;
	char line[512];
	int i, y = TOP, rows = LINES - TOP - 6, n = p->nwaiting + p->nstranded;

	(void)a;
	snprintf(line, sizeof(line), _("%d team bookings wait for approval"), p->nwaiting);
	draw_text(1, X0, line, COLS - 2 * X0, ROLE_LABEL, 1);
	for (i = list_view_first(&p->list, rows); i < n && y < TOP + rows; i++, y++) {
		if (i == p->nwaiting && p->nstranded) {
			draw_text(
				y++, X0,
				_("Bookings of deregistered teams or organisations past their residence:"),
				COLS - 2 * X0, ROLE_WARNING, 1);
		}
		line_of(i < p->nwaiting ? &p->waiting[i] : &p->stranded[i - p->nwaiting], line,
			sizeof(line));
		draw_row(y, X0, line, COLS - 2 * X0, i == p->list.selected, ROLE_NORMAL);
	}
	if (n == 0)
		draw_text(TOP, X0, _("Nothing waits."), COLS - 2 * X0, ROLE_DIM, 0);
	if (p->rejecting)
		form_view_draw(&p->form, LINES - 5, 10, 50);
}

/* Approves booking id and every waiting date of its series, in one step. */
static void approve_series(struct app *a, struct approvals *p, long long id)
{
	struct booking_series s;
	struct hd_err err;

	if (booking_approve_series(a->db, &a->actor, id, &s, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	app_message(a, ROLE_OK,
		    dngettext("hubdesk", "%d date of the series approved.",
			      "%d dates of the series approved.", (unsigned long)s.n),
		    s.n);
	booking_series_free(&s);
	reload(a, p);
}

static void decide(struct app *a, struct approvals *p, bool approve)
{
	const struct booking *b = selected(p);
	struct hd_err err;
	enum hd_status rc;
	bool already;
	int dates;

	if (!b || p->list.selected >= p->nwaiting)
		return;
	if (approve && !p->asking && (dates = booking_series_waiting(a->db, b->id)) > 1) {
		p->asking = b->id;
		app_message(a, ROLE_WARNING,
			    _("Approve all %d dates of this series? (y all, n only this date)"),
			    dates);
		return;
	}
	p->asking = 0;
	rc = approve ? booking_approve(a->db, &a->actor, b->id, &already, &err)
		     : booking_reject(a->db, &a->actor, b->id, p->reason.value, &already, &err);
	if (rc != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	app_message(a, ROLE_OK, approve ? _("Booking %lld approved.") : _("Booking %lld rejected."),
		    b->id);
	p->rejecting = false;
	form_reset(&p->form);
	reload(a, p);
}

static enum key_result reason_key(struct app *a, struct approvals *p, struct key_in k)
{
	struct form_event ev;

	if (!form_view_event(k, &ev))
		return KR_HANDLED;
	if (ev.key == FK_ESC) {
		p->rejecting = false;
		form_reset(&p->form);
		return KR_HANDLED;
	}
	if (form_key(&p->form, ev) == FORM_SUBMIT && form_validate(&p->form, NULL) == HD_OK)
		decide(a, p, false);
	return KR_HANDLED;
}

/* The answer to "all N dates?": y approves the series, n only the date
 * asked about, Esc neither. */
static enum key_result series_key(struct app *a, struct approvals *p, struct key_in k)
{
	long long id = p->asking;

	static const int ANSWERS[] = { ACT_YES, ACT_NO, ACT_BACK, -1 };

	switch (action_find(ANSWERS, k, false)) {
	case ACT_YES:
		p->asking = 0;
		approve_series(a, p, id);
		return KR_HANDLED;
	case ACT_NO:
		decide(a, p, true);
		return KR_HANDLED;
	case ACT_BACK:
		p->asking = 0;
		a->message[0] = '\0';
		return KR_HANDLED;
	default:
		return KR_IGNORED; /* F1, F9: the question waits */
	}
}

static enum key_result approvals_key(struct app *a, void *st, struct key_in k)
{
	struct approvals *p = st;
	const struct booking *b;

	if (p->asking)
		return series_key(a, p, k);
	if (p->rejecting)
		return reason_key(a, p, k);
	if (list_panel_key(&p->list, k.act, TOP))
		return KR_HANDLED;
	b = selected(p);
	switch (k.act) {
	case ACT_DETAIL:
		if (!b)
			return KR_IGNORED;
		app_push(a, &SCREEN_BOOKING_DETAIL, &b->id);
		return KR_HANDLED;
	case ACT_APPROVE:
		decide(a, p, true);
		return KR_HANDLED;
	case ACT_REJECT:
		if (!b || p->list.selected >= p->nwaiting)
			return KR_IGNORED;
		p->rejecting = true;
		return KR_HANDLED;
	default:
		return KR_IGNORED;
	}
}

static bool approvals_typing(struct app *a, void *st)
{
	struct approvals *p = st;

	(void)a;
	return p->rejecting || p->asking;
}

static void approvals_resume(struct app *a, void *st)
{
	reload(a, st);
}

static const int APPROVALS_KEYS[] = { ACT_PICK, ACT_APPROVE, ACT_REJECT, ACT_DETAIL, -1 };
/* No clicks: the heading of the stranded bookings takes a row of the list. */
static const int APPROVALS_MORE[] = { LIST_MOVES, -1 };

const struct screen_ops SCREEN_APPROVALS = {
	.title = N_("Approvals"),
	.open = approvals_open,
	.close = approvals_close,
	.draw = approvals_draw,
	.key = approvals_key,
	.typing = approvals_typing,
	.resume = approvals_resume,
	.keys = APPROVALS_KEYS,
	.more = APPROVALS_MORE,
};
