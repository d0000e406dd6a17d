/* SPDX-License-Identifier: GPL-3.0-or-later */
/* receipt.c - the booking receipt. */
#include "printing/receipt.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/token.h"
#include "printing/doc.h"
#include "printing/output.h"

/* The dates the series skipped when it was booked, each with its reason:
 * "14 Dec not booked: the room is taken ...". */
static void skipped(struct db *db, struct doc *d, long long id)
{
	char day[32], line[HD_MSG_BYTES + 64];
	struct booking_miss *miss = NULL;
	struct hd_err err;
	int n = 0, i;

	if (booking_series_skipped(db, id, &miss, &n, &err) != HD_OK)
		return;
	for (i = 0; i < n; i++) {
		clock_local_day(miss[i].start, day, sizeof(day));
		snprintf(line, sizeof(line), _("%s not booked: %s"), day, miss[i].why);
		doc_text(d, line, false, false);
	}
	free(miss);
}

static struct doc *build(struct db *db, const struct booking *b, const char *token, bool reprint)
{
	char centre[NAME_BYTES], when[64], from[32], to[16], people[16], rules[256], last[16];
	struct doc *d = doc_new(_("Booking receipt"));
	time_t until;
	int dates;

	settings_text(db, SET_CENTRE_NAME, centre, sizeof(centre));
	d->reprint = reprint;
	doc_text(d, centre, true, false);
	doc_rule(d);
	doc_line(d, _("Room"), b->room);
	clock_local_datetime(b->start, from, sizeof(from));
	clock_local_hm(b->end, to, sizeof(to));
	snprintf(when, sizeof(when), "%s-%s", from, to);
	doc_line(d, _("Time"), when);
	doc_line(d, _("Booker"), b->booker);
	snprintf(people, sizeof(people), "%d", b->attendees);
	doc_line(d, _("Attendees"), people);
	booking_series_span(db, b->id, &dates, &until);
	if (dates > 1) {
		clock_local_date(until, last, sizeof(last));
		snprintf(when, sizeof(when), _("weekly until %s, %d dates"), last, dates);
		doc_line(d, _("Repeats"), when);
		doc_text(d, _("This code checks in each date."), false, false);
	}
	skipped(db, d, b->id);
	/* A team's booking made at the desk is only submitted: staff approve it. */
	if (b->state == BK_PENDING) {
		dates = dates > 1 ? dates : 1;
		snprintf(when, sizeof(when),
			 dngettext("hubdesk", "Submitted, awaiting approval (%d date)",
				   "Submitted, awaiting approval (%d dates)", (unsigned long)dates),
			 dates);
		doc_text(d, when, true, false);
	}
	doc_rule(d);
	doc_qr(d, token);
	snprintf(
		rules, sizeof(rules),
		_("Scan this code at the desk from %ld minutes before to %ld minutes after the start, or the room is released."),
		settings_int(db, SET_BOOKING_CHECKIN_MINUTES),
		settings_int(db, SET_BOOKING_CHECKIN_MINUTES));
	doc_text(d, rules, false, false);
	snprintf(rules, sizeof(rules), _("Cancel at least %ld hours ahead."),
		 settings_int(db, SET_BOOKING_CANCEL_LATE_HOURS));
	doc_text(d, rules, false, false);
	doc_footer(d, centre, clock_now(), NULL);
	return d;
}

enum hd_status receipt_document(struct db *db, long long id, bool reprint, struct doc **out,
				struct hd_err *err)
{
	char token[TOKEN_MAX];
	struct booking b;
	enum hd_status rc;

	*out = NULL;
	rc = booking_get(db, id, &b, err);
	if (rc == HD_OK)
		rc = token_make(db, TOKEN_BOOKING, id, token, sizeof(token), err);
	if (rc == HD_OK)
		*out = build(db, &b, token, reprint);
	return rc;
}

enum hd_status receipt_print(struct db *db, const struct hd_actor *who, long long id,
			     const char *queue, const char *format, struct spool_outcome *out,
			     struct hd_err *err)
{
	char q[SPOOL_QUEUE_MAX];
	struct doc *d = NULL;
	enum spool_format f;
	enum hd_status rc;
	int width;

	/* The first receipt goes with the booking, whoever made it (a
	 * resident at a kiosk too); reprints are the desk's right. */
	if (spool_copies(db, SPOOL_KIND_BOOKING, id) > 0)
		rc = access_require(db, who, ACC_VISITOR, err);
	else
		rc = HD_OK;
	if (rc == HD_OK)
		rc = output_choose(db, queue, format, q, sizeof(q), &f, &width, err);
	if (rc == HD_OK)
		rc = receipt_document(db, id, spool_copies(db, SPOOL_KIND_BOOKING, id) > 0, &d,
				      err);
	if (rc != HD_OK)
		return rc;
	rc = output_print(db, who, SPOOL_KIND_BOOKING, id, d, f, width, q, out, err);
	doc_free(&d);
	return rc;
}
