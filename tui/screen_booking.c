/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_booking.c - the booking form, opened from a free cell of the room
 * grid or the free-room finder: booker (an organisation or a team by a few
 * characters of its name), date, start, end, attendees, purpose and an
 * optional weekly repeat until a date. A rule the booking breaks is told in
 * plain words before anything is saved; for a series, every refused date,
 * with the choice to book only the free dates. Saving prints the receipt;
 * a series that skipped dates stays to list them ("14 Dec not booked: ..."),
 * Enter or Esc then goes back. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/room.h"
#include "core/pin.h"
#include "core/token.h"
#include "core/xalloc.h"
#include "forms/form.h"
#include "printing/receipt.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form_record.h"
#include "tui/form_view.h"
#include "tui/suggest.h"

enum { F_BOOKER, F_DATE, F_START, F_END, F_PEOPLE, F_PURPOSE, F_UNTIL, F_PIN, F_COUNT };

#define MISSED_SHOWN 5

struct booking_form {
	struct app *app;
	bool resident; /* at a kiosk: the booker's booking PIN confirms */
	struct room room;
	struct field fields[F_COUNT];
	struct form form;
	struct booking_series missed; /* the dates a series could not book */
	bool done;                    /* booked: the skipped dates are listed, nothing is typed */
};

static void setup(struct booking_form *f, const struct slot *s)
{
	struct field_spec specs[F_COUNT] = {
		[F_BOOKER] = { .name = "org",
			       .label = _("Booker"),
			       .kind = FIELD_SUGGEST,
			       .required = true,
			       .max_chars = NAME_MAX_CHARS,
			       .suggest = suggest_org_or_team,
			       .suggest_ctx = f->app->db },
		[F_DATE] = { .name = "date",
			     .label = _("Date"),
			     .kind = FIELD_DATE,
			     .required = true },
		[F_START] = { .name = "start",
			      .label = _("Start"),
			      .kind = FIELD_TIME,
			      .required = true },
		[F_END] = { .name = "end", .label = _("End"), .kind = FIELD_TIME, .required = true },
		[F_UNTIL] = { .name = "until", .label = _("Weekly until"), .kind = FIELD_DATE },
		[F_PIN] = { .name = "pin",
			    .label = _("Booking PIN"),
			    .kind = FIELD_PIN,
			    .required = true,
			    .min = BOOKER_PIN_MIN,
			    .max = BOOKER_PIN_MAX },
	};
	struct field_spec rec[BOOKING_NFIELDS];
	char text[16];
	int i;

	form_record_specs(&BOOKING_RECORD, rec);
	specs[F_PEOPLE] = rec[BOOKING_F_attendees];
	specs[F_PEOPLE].required = true; /* the form always says how many */
	specs[F_PURPOSE] = rec[BOOKING_F_purpose];
	for (i = 0; i < F_COUNT; i++)
		field_init(&f->fields[i], &specs[i]);
	field_set_text(&f->fields[F_DATE], s->date);
	snprintf(text, sizeof(text), "%02d:%02d", s->start_min / 60, s->start_min % 60);
	field_set_text(&f->fields[F_START], text);
	snprintf(text, sizeof(text), "%02d:%02d", s->end_min / 60, s->end_min % 60);
	field_set_text(&f->fields[F_END], text);
	snprintf(text, sizeof(text), "%d", s->people > 0 ? s->people : 1);
	field_set_text(&f->fields[F_PEOPLE], text);
	form_init(&f->form, f->fields, f->resident ? F_COUNT : F_PIN);
}

static void *booking_open(struct app *a, const void *arg)
{
	struct booking_form *f = xcalloc(1, sizeof(*f));
	struct hd_err err;

	f->app = a;
	f->resident = a->actor.kind == ACTOR_RESIDENT;
	if (room_get(a->db, ((const struct slot *)arg)->room_id, &f->room, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	setup(f, arg);
	return f;
}

static void booking_close(struct app *a, void *st)
{
	struct booking_form *f = st;

	(void)a;
	editor_wipe(&f->fields[F_PIN].ed);
	explicit_bzero(f->fields[F_PIN].value, sizeof(f->fields[F_PIN].value));
	booking_series_free(&f->missed);
	free(f);
}

static void booking_draw(struct app *a, void *st)
{
	struct booking_form *f = st;
	char line[HD_MSG_BYTES + 64], day[32];
	int i, y = 4 + F_COUNT + 1;

	(void)a;
	snprintf(line, sizeof(line), _("%s, holds %d"), f->room.name, f->room.capacity);
	draw_text(1, 2, line, COLS - 4, ROLE_LABEL, 1);
	draw_text(2, 2, _("Only filed teams (已备案, 已分类) and resident organisations book."),
		  COLS - 4, ROLE_DIM, 1);
	for (i = 0; i < f->missed.nmissed && i < MISSED_SHOWN; i++) {
		clock_local_day(f->missed.missed[i].start, day, sizeof(day));
		if (f->done)
			snprintf(line, sizeof(line), _("%s not booked: %s"), day,
				 f->missed.missed[i].why);
		else
			snprintf(line, sizeof(line), _("%s: %s"), day, f->missed.missed[i].why);
		draw_text(y + i, 2, line, COLS - 4, ROLE_WARNING, 1);
	}
	if (f->missed.nmissed > MISSED_SHOWN) {
		snprintf(line, sizeof(line), _("... and %d more dates"),
			 f->missed.nmissed - MISSED_SHOWN);
		draw_text(y + i++, 2, line, COLS - 4, ROLE_WARNING, 1);
	}
	if (f->done)
		draw_text(y + i, 2, _("Enter or Esc goes back."), COLS - 4, ROLE_DIM, 1);
	form_view_draw(&f->form, 4, 14, 40);
}

/* Books (a series: every date, or on the desk's word only the free ones)
 * and prints the receipt; true when something was booked. */
static bool book(struct app *a, struct booking_form *f, const struct booking_draft *d,
		 const char *until, long long *first, int *count)
{
	enum access_via how = f->resident ? VIA_PIN : VIA_DIRECT;
	struct booking_series s = { 0 };
	struct hd_err err;
	enum hd_status rc;
	long until_day;

	booking_series_free(&f->missed);
	*count = 0;
	if (!*until) {
		rc = booking_add(a->db, &a->actor, how, d, first, &err);
		*count = rc == HD_OK;
		if (rc != HD_OK)
			form_view_tell(a, &f->form, &err);
		return rc == HD_OK;
	}
	rc = clock_parse_day(until, _("Weekly until"), &until_day, &err);
	if (rc == HD_OK)
		rc = booking_add_weekly(a->db, &a->actor, how, d, until_day, false, &s, &err);
	if (rc == HD_REFUSED && s.nmissed) {
		f->missed = s;
		memset(&s, 0, sizeof(s));
		if (!app_confirm(a, _("Book only the free dates?"))) {
			app_message(a, ROLE_WARNING, "%s", err.msg);
			return false;
		}
		rc = booking_add_weekly(a->db, &a->actor, how, d, until_day, true, &s, &err);
	}
	if (rc != HD_OK) {
		booking_series_free(&s);
		form_view_tell(a, &f->form, &err);
		return false;
	}
	*first = s.ids[0];
	*count = s.n;
	booking_series_free(&f->missed);
	f->missed = s; /* its ids go with it: only the skipped dates are read */
	return true;
}

/* What the desk is told once the booking is saved: a team's booking made
 * by a volunteer, the desk or a resident only waits for staff, and is
 * never called booked. */
static void tell_saved(struct app *a, long long id, int count, const struct spool_outcome *out,
		       const struct hd_err *print_err)
{
	struct booking b;
	struct hd_err err;
	unsigned long n = (unsigned long)count;

	if (booking_get(a->db, id, &b, &err) != HD_OK || b.state != BK_PENDING) {
		if (print_err)
			app_message(a, ROLE_WARNING,
				    _("Booked (%d); the receipt was not printed: %s"), count,
				    print_err->msg);
		else
			app_message(a, out->delivered ? ROLE_OK : ROLE_WARNING,
				    _("Booked (%d). %s"), count, out->message);
	} else if (print_err) {
		app_message(
			a, ROLE_WARNING,
			dngettext(
				"hubdesk",
				"Submitted, awaiting approval (%d date); the receipt was not printed: %s",
				"Submitted, awaiting approval (%d dates); the receipt was not printed: %s",
				n),
			count, print_err->msg);
	} else {
		app_message(a, out->delivered ? ROLE_OK : ROLE_WARNING,
			    dngettext("hubdesk", "Submitted, awaiting approval (%d date). %s",
				      "Submitted, awaiting approval (%d dates). %s", n),
			    count, out->message);
	}
}

static void save(struct app *a, struct booking_form *f)
{
	const struct record_field *people = &BOOKING_RECORD.fields[BOOKING_F_attendees];
	char start[64], end[64];
	struct spool_outcome out;
	struct booking_draft d;
	struct hd_err err;
	long long id = 0;
	int count;

	a->message[0] = '\0';
	if (form_validate(&f->form, &err) != HD_OK)
		return;
	snprintf(start, sizeof(start), "%.16s %.8s", f->fields[F_DATE].value,
		 f->fields[F_START].value);
	snprintf(end, sizeof(end), "%.16s %.8s", f->fields[F_DATE].value, f->fields[F_END].value);
	d = (struct booking_draft){ .room = f->room.id,
				    .start = start,
				    .end = end,
				    .purpose = f->fields[F_PURPOSE].value,
				    .booker = suggest_booker(f->fields[F_BOOKER].chosen_id),
				    .print = true };
	if (record_parse(people, f->fields[F_PEOPLE].value, &d, &err) != HD_OK) {
		form_view_tell(a, &f->form, &err);
		return;
	}
	/* A resident's booking stands on the booker's PIN. */
	if (f->resident && pin_booker_check(a->db, &a->actor, d.booker.kind, d.booker.id,
					    f->fields[F_PIN].value, &err) != HD_OK) {
		editor_wipe(&f->fields[F_PIN].ed);
		form_view_tell(a, &f->form, &err);
		return;
	}
	if (!book(a, f, &d, f->fields[F_UNTIL].value, &id, &count))
		return;
	/* Booked: the receipt's fate is only told. One receipt serves a
	 * series. */
	if (receipt_print(a->db, &a->actor, id, NULL, NULL, &out, &err) != HD_OK)
		tell_saved(a, id, count, &out, &err);
	else
		tell_saved(a, id, count, &out, NULL);
	if (f->missed.nmissed > 0)
		f->done = true;
	else
		app_pop(a);
}

static enum key_result booking_key(struct app *a, void *st, struct key_in k)
{
	struct booking_form *f = st;
	struct form_event ev;

	if (!form_view_event(k, &ev) || ev.key == FK_ESC)
		return KR_IGNORED;
	if (f->done)
		return ev.key == FK_ENTER ? KR_CLOSE : KR_HANDLED;
	if (form_key(&f->form, ev) == FORM_SUBMIT)
		save(a, f);
	return KR_HANDLED;
}

static bool booking_typing(struct app *a, void *st)
{
	(void)a;
	return !((struct booking_form *)st)->done;
}

static bool booking_dirty(struct app *a, void *st)
{
	struct booking_form *f = st;

	(void)a;
	return !f->done && form_dirty(&f->form);
}

static const int BOOKING_KEYS[] = { ACT_NEXT, ACT_PICK, ACT_SAVE, -1 };

const struct screen_ops SCREEN_BOOKING = {
	.title = N_("New booking"),
	.open = booking_open,
	.close = booking_close,
	.draw = booking_draw,
	.key = booking_key,
	.typing = booking_typing,
	.dirty = booking_dirty,
	.keys = BOOKING_KEYS,
};
