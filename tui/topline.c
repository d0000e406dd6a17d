/* SPDX-License-Identifier: GPL-3.0-or-later */
/* topline.c - composing the top line. */
#include "tui/topline.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/text.h"
#include "tui/compose.h"
#include "tui/draw.h"

/* Worse conditions first: the line names the worst of the two printers. */
static int severity(enum printer_condition c)
{
	switch (c) {
	case PRINTER_AWAY:
		return 4;
	case PRINTER_STOPPED:
		return 3;
	case PRINTER_UNKNOWN:
		return 2;
	case PRINTER_PRINTING:
		return 1;
	case PRINTER_READY:
		return 0;
	}
	return 0;
}

void topline_printers(struct app *a, char *out, size_t outsz)
{
	struct printer_state r, f;
	bool r_set, f_set;
	enum printer_condition worst;
	int used;

	out[0] = '\0';
	if (!watch_get(a->watch, &r, &f, &r_set, &f_set))
		return;
	if (!r_set && !f_set) {
		used = snprintf(out, outsz, "%s", _("no printer"));
	} else {
		worst = r_set ? r.condition : f.condition;
		if (r_set && f_set && severity(f.condition) > severity(r.condition))
			worst = f.condition;
		used = worst == PRINTER_AWAY
			       ? snprintf(out, outsz, "%s", _("print service away"))
			       : snprintf(out, outsz, _("printer %s"), cups_condition_text(worst));
	}
	if (a->waiting > 0 && used > 0 && (size_t)used < outsz)
		snprintf(out + used, outsz - (size_t)used, _(", %d waiting"), a->waiting);
}

#define CENTRE_KEEP 6 /* characters of the centre's name the top line always shows */

/* The right part of the top line, shorter at each level: 0 everything, 1
 * the date without the year, 2 the time without the date, 3 also who
 * without the role, 4 also without the printers' state. */
static void right_part(struct app *a, int level, char *out, size_t outsz)
{
	char who[NAME_BYTES + 64], when[32], printers[128];
	time_t now = clock_now();
	/* The input: 中 while lower-case letters compose pinyin, else EN. */
	const char *input = a->compose && compose_on(a->compose) ? "中" : "EN";

	if (level < 2)
		clock_local_datetime(now, when, sizeof(when));
	else
		clock_local_hm(now, when, sizeof(when));
	if (level == 1 && strlen(when) > 5)
		memmove(when, when + 5, strlen(when + 5) + 1); /* "2026-" off */
	if (a->actor.kind != ACTOR_STAFF)
		snprintf(who, sizeof(who), "%s", _("not signed in"));
	else if (level < 3)
		snprintf(who, sizeof(who), _("%s (%s)"), a->actor.name,
			 list_label(&LIST_ROLE, (int)a->actor.role));
	else
		snprintf(who, sizeof(who), "%s", a->actor.name);
	printers[0] = '\0';
	if (level < 4)
		topline_printers(a, printers, sizeof(printers));
	if (*printers)
		snprintf(out, outsz, "%s | %s | %s | %s ", input, printers, when, who);
	else
		snprintf(out, outsz, "%s | %s | %s ", input, when, who);
}

/* The longest right part, down to level last, that leaves need columns;
 * false when even that does not (it is in out then). */
static bool fit_right(struct app *a, int need, int last, char *out, size_t outsz)
{
	int level;

	for (level = 0; level <= last; level++) {
		right_part(a, level, out, outsz);
		if (text_width(out) + need <= COLS)
			return true;
	}
	return false;
}

void topline_draw(struct app *a, const char *title)
{
	char left[NAME_BYTES + 128], right[NAME_BYTES + 256], keep[NAME_BYTES];
	int rw, need;

	snprintf(left, sizeof(left), " %s | %s", title, a->centre);
	/* The title and the centre's whole name come first when no more than
	 * the year gives way; else the name is cut down to its start before
	 * the rest of the right part gives way. */
	need = text_width(left) + 1;
	if (!fit_right(a, need, 1, right, sizeof(right))) {
		text_cut(a->centre, CENTRE_KEEP * 2, keep, sizeof(keep));
		snprintf(right, sizeof(right), " %s | %s", title, keep);
		need = text_width(right) + 1;
		fit_right(a, need, 4, right, sizeof(right));
	}
	draw_fill(0, 0, COLS, ROLE_TITLE);
	rw = text_width(right);
	if (rw > COLS - need)
		rw = COLS - need > 0 ? COLS - need : 0;
	draw_text(0, 0, left, COLS - rw - 1, ROLE_TITLE, 0);
	draw_text(0, COLS - rw > 0 ? COLS - rw : 0, right, rw, ROLE_TITLE, 0);
}
