/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_printers.c - administration's printers: the receipt and A4 queues
 * (picked from the destinations CUPS lists), the paper width, their state,
 * a test page, and the documents waiting in the spool, retried with r. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/token.h"
#include "core/xalloc.h"
#include "printing/cups.h"
#include "printing/spool.h"
#include "printing/testpage.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/list_panel.h"
#include "tui/topline.h"

#define X0 2
#define PICK_MAX 32

struct printers {
	struct spool_entry *waiting; /* read on open, after r and t */
	int count;
	/* The destination picker: open for the printer setting `setting`. */
	bool picking;
	enum setting setting;
	char **names;
	int nnames;
	struct list_view list; /* wraps round */
};

static void reload(struct app *a, struct printers *p)
{
	struct hd_err err;

	free(p->waiting);
	p->waiting = NULL;
	p->count = 0;
	if (spool_list_waiting(a->db, &p->waiting, &p->count, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	a->waiting = p->count;
}

static void *printers_open(struct app *a, const void *arg)
{
	struct printers *p = xcalloc(1, sizeof(*p));

	(void)arg;
	reload(a, p);
	return p;
}

static void close_picker(struct printers *p)
{
	cups_names_free(p->names, p->nnames);
	p->names = NULL;
	p->nnames = 0;
	p->picking = false;
}

static void printers_close(struct app *a, void *st)
{
	struct printers *p = st;

	(void)a;
	close_picker(p);
	free(p->waiting);
	free(p);
}

static void state_line(int y, const char *label, const char *queue, const struct printer_state *s,
		       bool known)
{
	char line[512];

	draw_text(y, X0, label, 16, ROLE_LABEL, 0);
	if (!*queue)
		snprintf(line, sizeof(line), "%s", _("not set"));
	else if (!known)
		snprintf(line, sizeof(line), "%s", queue);
	else
		snprintf(line, sizeof(line), "%s  %s%s%s", queue, cups_condition_text(s->condition),
			 *s->message ? "  " : "", s->message);
	draw_text(y, X0 + 16, line, COLS - X0 - 18, *queue ? ROLE_NORMAL : ROLE_DIM, 0);
}

#define PICKER_TOP 5

static void draw_picker(struct printers *p)
{
	int i, y = PICKER_TOP - 1;

	draw_text(y++, X0, _("CUPS destinations (Enter picks, Esc closes):"), COLS - 4, ROLE_LABEL,
		  0);
	if (p->nnames == 0)
		draw_text(y, X0 + 2, _("CUPS lists no destinations."), COLS - 8, ROLE_DIM, 0);
	for (i = list_view_first(&p->list, LINES - 3 - PICKER_TOP); i < p->nnames && y < LINES - 3;
	     i++, y++)
		draw_row(y, X0 + 2, p->names[i], 40, i == p->list.selected, ROLE_NORMAL);
}

static void printers_draw(struct app *a, void *st)
{
	struct printers *p = st;
	struct printer_state rs, fs;
	char receipt[SPOOL_QUEUE_MAX], a4[SPOOL_QUEUE_MAX], width[8], line[512], when[32];
	char why[256];
	bool r_set, f_set, known = watch_get(a->watch, &rs, &fs, &r_set, &f_set);
	int i, y;

	if (p->picking) {
		draw_picker(p);
		return;
	}
	settings_text(a->db, SET_PRINTER_RECEIPT, receipt, sizeof(receipt));
	settings_text(a->db, SET_PRINTER_A4, a4, sizeof(a4));
	settings_text(a->db, SET_PRINTER_RECEIPT_WIDTH, width, sizeof(width));
	state_line(2, _("1 Receipt"), receipt, &rs, known);
	state_line(3, _("2 A4"), a4, &fs, known);
	snprintf(line, sizeof(line), _("%s mm (w switches 80/58)"), width);
	draw_text(4, X0, _("  Paper"), 16, ROLE_LABEL, 0);
	draw_text(4, X0 + 16, line, COLS - X0 - 18, ROLE_NORMAL, 0);
	snprintf(line, sizeof(line), _("Waiting in the spool: %d"), p->count);
	draw_text(6, X0, line, COLS - 4, p->count ? ROLE_WARNING : ROLE_LABEL, 0);
	for (i = 0, y = 7; i < p->count && y < LINES - 4; i++, y++) {
		clock_local_datetime(p->waiting[i].created, when, sizeof(when));
		if (p->waiting[i].state == SPOOL_STATE_PRINTING)
			snprintf(why, sizeof(why), _("printing (CUPS job %d)"),
				 p->waiting[i].cups_job);
		else
			snprintf(why, sizeof(why), "%s", p->waiting[i].last_error);
		snprintf(line, sizeof(line), "%5lld  %s %lld  %s  %s", p->waiting[i].id,
			 spool_kind_words(p->waiting[i].kind), p->waiting[i].record_id, when, why);
		draw_text(y, X0, line, COLS - 4, ROLE_NORMAL, 0);
	}
}

static void pick(struct app *a, struct printers *p, enum setting s)
{
	struct hd_err err;

	close_picker(p);
	if (cups_destinations(&p->names, &p->nnames, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	p->picking = true;
	p->setting = s;
	p->list = (struct list_view){ .wrap = true };
	list_view_set_count(&p->list, p->nnames);
}

static void set_and_watch(struct app *a, enum setting s, const char *value)
{
	struct hd_err err;

	if (settings_set(a->db, &a->actor, s, value, &err) != HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	app_message(a, ROLE_OK, _("%s is now %s."), settings_def(s)->key, *value ? value : "-");
	app_watch_printers(a);
}

static enum key_result picker_key(struct app *a, struct printers *p, struct key_in k)
{
	if (list_panel_key(&p->list, k.act, PICKER_TOP))
		return KR_HANDLED;
	switch (k.act) {
	case ACT_ENTER:
		if (p->nnames)
			set_and_watch(a, p->setting, p->names[p->list.selected]);
		close_picker(p);
		return KR_HANDLED;
	case ACT_BACK:
		close_picker(p);
		return KR_HANDLED;
	default:
		return KR_IGNORED; /* F1, F9 and the rest work as everywhere */
	}
}

static void retry(struct app *a, struct printers *p)
{
	int delivered = 0, waiting = 0;
	struct hd_err err;

	if (spool_retry(a->db, &delivered, &waiting, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	else
		app_message(a, waiting ? ROLE_WARNING : ROLE_OK,
			    _("%d delivered, %d still waiting"), delivered, waiting);
	reload(a, p);
}

static void test_page(struct app *a, struct printers *p)
{
	struct spool_outcome out;
	char token[TOKEN_MAX];
	struct hd_err err;
	long long id;

	if (testpage_print(a->db, &a->actor, NULL, NULL, &id, token, sizeof(token), &out, &err) !=
	    HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	else
		app_message(a, out.delivered ? ROLE_OK : ROLE_WARNING, "%s  %s", token,
			    out.message);
	reload(a, p);
	app_watch_printers(a);
}

static enum key_result printers_key(struct app *a, void *st, struct key_in k)
{
	struct printers *p = st;
	char width[8];

	if (p->picking)
		return picker_key(a, p, k);
	switch (k.act) {
	case ACT_CHOOSE_1:
		pick(a, p, SET_PRINTER_RECEIPT);
		return KR_HANDLED;
	case ACT_CHOOSE_2:
		pick(a, p, SET_PRINTER_A4);
		return KR_HANDLED;
	case ACT_WIDTH:
		settings_text(a->db, SET_PRINTER_RECEIPT_WIDTH, width, sizeof(width));
		set_and_watch(a, SET_PRINTER_RECEIPT_WIDTH, strcmp(width, "80") == 0 ? "58" : "80");
		return KR_HANDLED;
	case ACT_RETRY:
		retry(a, p);
		return KR_HANDLED;
	case ACT_TEST_PAGE:
		test_page(a, p);
		return KR_HANDLED;
	default:
		return KR_IGNORED;
	}
}

static const int PRINTERS_KEYS[] = { ACT_PICK_QUEUE, ACT_WIDTH, ACT_TEST_PAGE, ACT_RETRY, -1 };
/* 1 and 2 are ACT_PICK_QUEUE's keys; the rest move in the picker. */
static const int PRINTERS_MORE[] = { ACT_CHOOSE_1, ACT_CHOOSE_2, LIST_ACTIONS, ACT_ENTER, -1 };

const struct screen_ops SCREEN_PRINTERS = {
	.title = N_("Printers"),
	.open = printers_open,
	.close = printers_close,
	.draw = printers_draw,
	.key = printers_key,
	.keys = PRINTERS_KEYS,
	.more = PRINTERS_MORE,
};
