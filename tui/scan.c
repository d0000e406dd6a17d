/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scan.c - holding a scanner's text back from the screens, and acting on
 * the code it carries. */
#include "tui/scan.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/token.h"
#include "core/visit.h"

static const char PREFIX[] = "HD1-";
#define PREFIX_LEN 4

static void retext(struct scan_hold *h)
{
	size_t used = 0;
	char enc[4];
	int i, n;

	for (i = 0; i < h->n; i++) {
		n = utf8_encode((uint32_t)h->keys[i], enc);
		if (n <= 0 || used + (size_t)n >= sizeof(h->text))
			break;
		memcpy(h->text + used, enc, (size_t)n);
		used += (size_t)n;
	}
	h->text[used] = '\0';
}

static int upper(wint_t c)
{
	return c >= 'a' && c <= 'z' ? (int)(c - 'a' + 'A') : (int)c;
}

/* True when the hold plus c can still begin "HD1-". */
static bool prefix_goes_on(const struct scan_hold *h, wint_t c)
{
	return h->n < PREFIX_LEN && upper(c) == PREFIX[h->n];
}

static enum scan_step hold(struct scan_hold *h, wint_t c)
{
	if (h->n < SCAN_HOLD_MAX)
		h->keys[h->n++] = c;
	retext(h);
	return SCAN_HELD;
}

enum scan_step scan_feed(struct scan_hold *h, struct key_in k)
{
	if (h->n == 0)
		return key_is_text(k) && upper(k.ch) == 'H' ? hold(h, k.ch) : SCAN_PASS;
	if (h->n < PREFIX_LEN)
		return key_is_text(k) && prefix_goes_on(h, k.ch) ? hold(h, k.ch) : SCAN_FLUSH;
	if (action_has_key(ACT_ENTER, k))
		return SCAN_READY;
	if (action_has_key(ACT_BACK, k)) {
		scan_clear(h);
		return SCAN_HELD;
	}
	if (action_has_key(ACT_BACKSPACE, k)) {
		h->n--;
		retext(h);
		return SCAN_HELD;
	}
	if (key_is_text(k))
		return hold(h, k.ch);
	return SCAN_FLUSH;
}

bool scan_pause(struct scan_hold *h)
{
	return h->n > 0 && h->n < PREFIX_LEN;
}

void scan_replay(struct app *a, struct scan_hold *h, void (*deliver)(struct app *, struct key_in))
{
	wint_t keys[SCAN_HOLD_MAX];
	int i, n = h->n;

	memcpy(keys, h->keys, sizeof(keys));
	scan_clear(h);
	for (i = 0; i < n; i++)
		deliver(a, (struct key_in){ .code = false, .ch = keys[i] });
}

const char *scan_text(const struct scan_hold *h)
{
	return h->text;
}

bool scan_showing(const struct scan_hold *h)
{
	return h->n >= PREFIX_LEN;
}

void scan_clear(struct scan_hold *h)
{
	h->n = 0;
	h->text[0] = '\0';
}

void scan_checkin_booking(struct app *a, long long id, enum access_via via)
{
	struct booking b;
	struct hd_err err;
	char when[32];
	bool already;
	time_t at;

	if (via == VIA_SCAN)
		id = booking_series_now(a->db, id);
	if (booking_checkin(a->db, &a->actor, via, id, &already, &at, &err) != HD_OK ||
	    booking_get(a->db, id, &b, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	clock_local_hm(at ? at : clock_now(), when, sizeof(when));
	app_message(a, already ? ROLE_DIM : ROLE_OK,
		    already ? _("%s, %s: checked in already at %s.")
			    : _("%s, %s: checked in at %s. Welcome!"),
		    b.booker, b.room, when);
}

static void checkout_visit(struct app *a, long long id)
{
	struct hd_err err;
	struct visit v;
	char when[32];
	bool already;
	time_t first;

	if (visit_checkout(a->db, &a->actor, id, VIA_SCAN, &already, &first, &err) != HD_OK ||
	    visit_get(a->db, id, &v, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	clock_local_hm(already ? first : v.time_out, when, sizeof(when));
	app_message(a, already ? ROLE_DIM : ROLE_OK,
		    already ? _("%s left already at %s.") : _("%s checked out at %s. Goodbye!"),
		    v.erased ? _("(erased)") : v.name, when);
}

void scan_act(struct app *a, const char *text)
{
	enum token_kind kind;
	struct hd_err err;
	long long id;

	if (token_read(a->db, &a->actor, text, &kind, &id, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	switch (kind) {
	case TOKEN_PAGE:
		app_message(a, ROLE_OK, _("Test page %lld: the scanner reads codes right."), id);
		return;
	case TOKEN_BOOKING:
		scan_checkin_booking(a, id, VIA_SCAN);
		return;
	case TOKEN_TEAM:
		/* A filing receipt opens the team, for staff. */
		if (app_allowed(a, ACC_TEAM_STEP))
			app_push(a, &SCREEN_TEAM, &id);
		return;
	case TOKEN_VISIT:
		checkout_visit(a, id);
		return;
	}
}
