/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_booking_detail.c - one booking: room, time, booker, attendees,
 * purpose, state, its series and its code; c cancels, m moves (a free cell
 * is chosen in the room grid), i checks in, p prints the receipt again. For
 * an occurrence of a weekly series, cancel and move ask whether the
 * following dates go with it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/token.h"
#include "core/xalloc.h"
#include "printing/receipt.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/scan.h"
#include "tui/draw.h"
#include "tui/print_tell.h"

#define X0 2
#define LABEL_W 18

struct detail {
	long long id;
	struct booking b;
	bool gone;
	char code[TOKEN_MAX];
	int dates;   /* active dates of its series from this one */
	time_t last; /* the last of them */
};

static void reload(struct app *a, struct detail *d)
{
	struct hd_err err;

	d->gone = booking_get(a->db, d->id, &d->b, &err) != HD_OK;
	if (d->gone) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	if (token_make(a->db, TOKEN_BOOKING, d->id, d->code, sizeof(d->code), &err) != HD_OK)
		d->code[0] = '\0';
	booking_series_span(a->db, d->id, &d->dates, &d->last);
}

static void *detail_open(struct app *a, const void *arg)
{
	struct detail *d = xcalloc(1, sizeof(*d));

	d->id = *(const long long *)arg;
	reload(a, d);
	return d;
}

static void detail_close(struct app *a, void *st)
{
	(void)a;
	free(st);
}

static void row(int *y, const char *label, const char *value)
{
	draw_text(*y, X0, label, LABEL_W, ROLE_LABEL, 1);
	draw_text(*y, X0 + LABEL_W, value, COLS - X0 - LABEL_W - 1, ROLE_NORMAL, 1);
	(*y)++;
}

static void detail_draw(struct app *a, void *st)
{
	struct detail *d = st;
	const struct booking *b = &d->b;
	char line[512], from[32], to[16], day[16];
	int y = 2;

	(void)a;
	if (d->gone)
		return;
	snprintf(line, sizeof(line), "%lld", b->id);
	row(&y, _("Booking"), line);
	row(&y, _("Room"), b->room);
	clock_local_datetime(b->start, from, sizeof(from));
	clock_local_hm(b->end, to, sizeof(to));
	snprintf(line, sizeof(line), "%s-%s", from, to);
	row(&y, _("Time"), line);
	row(&y, _("Booker"), b->booker);
	snprintf(line, sizeof(line), "%d", b->attendees);
	row(&y, _("Attendees"), line);
	row(&y, _("Use of the room"), b->purpose);
	snprintf(line, sizeof(line), "%s%s", _(booking_state_word(b->state)),
		 b->late_cancel ? _(" (late)") : "");
	row(&y, _("State"), line);
	if (b->checkin_at) {
		clock_local_datetime(b->checkin_at, from, sizeof(from));
		row(&y, _("Checked in"), from);
	}
	if (d->dates > 1) {
		clock_local_date(d->last, day, sizeof(day));
		snprintf(line, sizeof(line), _("weekly until %s, %d dates"), day, d->dates);
		row(&y, _("Repeats"), line);
	}
	row(&y, _("Code"), d->code);
}

static void cancel(struct app *a, struct detail *d)
{
	struct booking_series s = { 0 };
	struct hd_err err;
	enum hd_status rc;
	bool already = false;

	if (d->dates > 1 && app_confirm(a, _("Cancel the following dates of the series too?")))
		rc = booking_cancel_following(a->db, &a->actor, VIA_DIRECT, d->id, &s, &err);
	else if (app_confirm(a, _("Cancel this booking?")))
		rc = booking_cancel(a->db, &a->actor, VIA_DIRECT, d->id, &already, &err);
	else
		return;
	if (rc != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	else if (s.n > 1)
		app_message(a, ROLE_OK, _("%d bookings cancelled."), s.n);
	else
		app_message(a, already ? ROLE_DIM : ROLE_OK,
			    already ? _("Booking %lld was cancelled already.")
				    : _("Booking %lld cancelled."),
			    d->id);
	booking_series_free(&s);
	reload(a, d);
}

static void checkin(struct app *a, struct detail *d)
{
	scan_checkin_booking(a, d->id, VIA_DIRECT);
	reload(a, d);
}

static void reprint(struct app *a, struct detail *d)
{
	struct spool_outcome out;
	struct hd_err err;
	enum hd_status rc;

	rc = receipt_print(a->db, &a->actor, d->id, NULL, NULL, &out, &err);
	print_tell(a, rc, &out, &err);
}

/* Moving is choosing a free cell in the grid: back to it (or to a new one,
 * on the booking's day) moving the booking. */
static void start_move(struct app *a, struct detail *d)
{
	char day[DATE_LEN];
	struct grid_open open = { 0, d->id };

	if (d->b.state != BK_PENDING && d->b.state != BK_CONFIRMED) {
		app_message(a, ROLE_ERROR, _("Booking %lld is %s: it cannot be moved."), d->id,
			    _(booking_state_word(d->b.state)));
		return;
	}
	clock_local_date(d->b.start, day, sizeof(day));
	open.day = clock_day_of(day);
	app_pop(a); /* d is gone */
	app_open(a, &SCREEN_GRID, &open);
}

static enum key_result detail_key(struct app *a, void *st, struct key_in k)
{
	struct detail *d = st;

	if (d->gone)
		return KR_IGNORED;
	switch (k.act) {
	case ACT_CANCEL:
		cancel(a, d);
		return KR_HANDLED;
	case ACT_MOVE:
		start_move(a, d);
		return KR_HANDLED;
	case ACT_CHECKIN:
		checkin(a, d);
		return KR_HANDLED;
	case ACT_REPRINT:
		reprint(a, d);
		return KR_HANDLED;
	default:
		return KR_IGNORED;
	}
}

static const int DETAIL_KEYS[] = { ACT_CANCEL, ACT_MOVE, ACT_CHECKIN, ACT_REPRINT, -1 };

const struct screen_ops SCREEN_BOOKING_DETAIL = {
	.title = N_("Booking"),
	.open = detail_open,
	.close = detail_close,
	.draw = detail_draw,
	.key = detail_key,
	.keys = DETAIL_KEYS,
};
