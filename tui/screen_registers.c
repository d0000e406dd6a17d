/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_registers.c - organisations and teams: a search by a few
 * characters of a name, the matches, and the selected record's details;
 * Enter opens its page, F4 adds an organisation, F5 keeps the roll. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/org.h"
#include "core/search.h"
#include "core/team.h"
#include "core/xalloc.h"
#include "forms/editor.h"
#include "forms/form.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/compose.h"
#include "tui/draw.h"
#include "tui/form_view.h"
#include "tui/list_panel.h"

#define HITS_MAX 64
#define X0 2

#define LIST_TOP 4

struct registers {
	struct app *app;
	struct editor query;
	char letters[EDITOR_TEXT_MAX]; /* pinyin being composed into the empty query */
	char last[EDITOR_TEXT_MAX];    /* the query the hits belong to */
	struct search_hit hits[HITS_MAX];
	int count;
	struct list_view list;
	bool stale;
	/* The selected record's details, read when the selection changes. */
	enum search_kind detail_kind;
	long long detail_id; /* 0: none read */
	bool detail_ok;
	struct org org;
	struct team team;
};

static void read_detail(struct app *a, struct registers *r)
{
	const struct search_hit *h = r->list.selected < r->count ? &r->hits[r->list.selected]
								 : NULL;
	struct hd_err err;

	if (!h) {
		r->detail_id = 0;
		return;
	}
	if (h->kind == r->detail_kind && h->id == r->detail_id)
		return;
	r->detail_kind = h->kind;
	r->detail_id = h->id;
	r->detail_ok = h->kind == SEARCH_ORG ? org_get(a->db, h->id, &r->org, &err) == HD_OK
					     : team_get(a->db, h->id, &r->team, &err) == HD_OK;
}

static void refresh_hits(struct app *a, struct registers *r)
{
	char q[EDITOR_TEXT_MAX];
	struct hd_err err;
	enum hd_status rc;

	editor_text(&r->query, q, sizeof(q));
	if (!*q)
		snprintf(q, sizeof(q), "%s", r->letters); /* found while composed */
	if (!r->stale && strcmp(q, r->last) == 0)
		return;
	snprintf(r->last, sizeof(r->last), "%s", q);
	r->stale = false;
	if (*q)
		rc = search_names(a->db, q, SEARCH_ALL, r->hits, HITS_MAX, &r->count, &err);
	else
		rc = search_browse(a->db, SEARCH_ALL, r->hits, HITS_MAX, &r->count, &err);
	if (rc != HD_OK) {
		r->count = 0;
		app_message(a, ROLE_ERROR, "%s", err.msg);
	}
	r->list.selected = r->list.first = 0;
	list_view_set_count(&r->list, r->count);
}

/* The pinyin being composed searches as typed text would. */
static void composed(void *ctx, const char *letters)
{
	struct registers *r = ctx;

	snprintf(r->letters, sizeof(r->letters), "%s", letters);
	refresh_hits(r->app, r);
}

static void *registers_open(struct app *a, const void *arg)
{
	struct registers *r = xcalloc(1, sizeof(*r));

	(void)arg;
	r->app = a;
	editor_init(&r->query, NAME_MAX_CHARS);
	r->stale = true;
	refresh_hits(a, r);
	return r;
}

static void registers_close(struct app *a, void *st)
{
	(void)a;
	free(st);
}

static void registers_resume(struct app *a, void *st)
{
	struct registers *r = st;

	r->stale = true;
	r->detail_id = 0;
	refresh_hits(a, r);
}

static int list_rows(void)
{
	return LINES - 14;
}

static void detail_line(int *y, const char *label, const char *value)
{
	draw_text(*y, X0, label, 14, ROLE_LABEL, 0);
	draw_text(*y, X0 + 14, value, COLS - X0 - 16, ROLE_NORMAL, 0);
	(*y)++;
}

static void draw_org(const struct org *o, int y)
{
	char line[256], phone[PHONE_MAX + 8];

	snprintf(line, sizeof(line), "%s  %s", list_label(&LIST_ORG_KIND, o->kind), o->short_name);
	detail_line(&y, _("Kind"), line);
	if (*o->credit_code) {
		snprintf(line, sizeof(line), "%s%s", o->credit_code,
			 o->credit_ok
				 ? ""
				 : _("  (check character fails: verify with the organisation)"));
		draw_text(y, X0, _("Credit code"), 14, ROLE_LABEL, 0);
		draw_text(y, X0 + 14, line, COLS - X0 - 16,
			  o->credit_ok ? ROLE_NORMAL : ROLE_WARNING, 0);
		y++;
	}
	phone[0] = '\0';
	if (*o->phone)
		phone_mask(o->phone, phone, sizeof(phone));
	snprintf(line, sizeof(line), "%s  %s", o->contact, phone);
	detail_line(&y, _("Contact"), line);
	if (*o->in_date) {
		snprintf(line, sizeof(line), "%s ~ %s", o->in_date,
			 *o->out_date ? o->out_date : "");
		detail_line(&y, _("Residence"), line);
	}
}

static void draw_team(const struct team *t, int y)
{
	char line[256], phone[PHONE_MAX + 8];

	snprintf(line, sizeof(line), "%s  %s", list_label(&LIST_TEAM_CATEGORY, t->category),
		 list_label(&LIST_TEAM_STATE, (int)t->state));
	detail_line(&y, _("Category"), line);
	phone_mask(t->phone, phone, sizeof(phone));
	snprintf(line, sizeof(line), "%s  %s", t->leader, phone);
	detail_line(&y, _("Leader"), line);
	snprintf(line, sizeof(line), _("%d members, %d party members"), t->members,
		 t->party_members);
	detail_line(&y, _("Members"), line);
	detail_line(&y, _("Committee"), t->committee);
}

static void registers_draw(struct app *a, void *st)
{
	struct registers *r = st;
	struct editor_view v;
	char text[EDITOR_TEXT_MAX], line[512];
	int i, y, rows = list_rows(), qx, used;

	refresh_hits(a, r);
	qx = X0 + draw_text(2, X0, _("Search: "), 20, ROLE_LABEL, 0);
	editor_view(&r->query, 40, &v);
	used = editor_view_text(&r->query, &v, text, sizeof(text));
	draw_text(2, qx, text, 41, ROLE_FIELD_FOCUS, 1);
	(void)used;
	snprintf(line, sizeof(line), _("%d shown"), r->count);
	draw_text(2, qx + 43, line, COLS - qx - 44, ROLE_DIM, 0);
	for (i = list_view_first(&r->list, rows), y = LIST_TOP; i < r->count && y < 4 + rows;
	     i++, y++) {
		const struct search_hit *h = &r->hits[i];

		snprintf(line, sizeof(line), " %-4s %6lld  %s",
			 h->kind == SEARCH_ORG ? _("Org") : _("Team"), h->id, h->name);
		draw_row(y, X0, line, COLS - 2 * X0, i == r->list.selected, ROLE_NORMAL);
	}
	if (r->count == 0)
		draw_text(4, X0, _("No organisation or team matches."), COLS - 2 * X0, ROLE_DIM, 0);
	read_detail(a, r);
	if (r->detail_id && r->detail_ok) {
		if (r->detail_kind == SEARCH_ORG)
			draw_org(&r->org, 5 + rows);
		else
			draw_team(&r->team, 5 + rows);
	}
	compose_spot_at(r, 2, qx, 41, qx + v.cursor_col, composed, r, r->count > 0);
	move(2, qx + v.cursor_col);
	curs_set(1);
}

static enum key_result registers_key(struct app *a, void *st, struct key_in k)
{
	struct registers *r = st;
	struct form_event ev;

	switch (k.act) {
	case ACT_ADD_ORG:
		if (app_allowed(a, ACC_REGISTERS))
			app_push(a, &SCREEN_ORG_FORM, NULL);
		return KR_HANDLED;
	case ACT_ROLL:
		app_push(a, &SCREEN_ROLL, NULL);
		return KR_HANDLED;
	case ACT_OPEN:
		if (r->list.selected >= r->count)
			break;
		app_push(a,
			 r->hits[r->list.selected].kind == SEARCH_ORG ? &SCREEN_ORG : &SCREEN_TEAM,
			 &r->hits[r->list.selected].id);
		return KR_HANDLED;
	default:
		if (list_panel_key(&r->list, k.act, LIST_TOP))
			return KR_HANDLED;
		break;
	}
	if (!form_view_event(k, &ev))
		return KR_IGNORED;
	switch (ev.key) {
	case FK_CHAR:
		editor_insert_cp(&r->query, ev.cp);
		break;
	case FK_BACKSPACE:
		editor_backspace(&r->query);
		break;
	case FK_DELETE:
		editor_delete(&r->query);
		break;
	case FK_LEFT:
		editor_left(&r->query);
		break;
	case FK_RIGHT:
		editor_right(&r->query);
		break;
	case FK_HOME:
		editor_home(&r->query);
		break;
	case FK_END:
		editor_end(&r->query);
		break;
	case FK_WORD_DELETE:
		editor_delete_word(&r->query);
		break;
	case FK_KILL_START:
		editor_kill_start(&r->query);
		break;
	default:
		return KR_IGNORED;
	}
	refresh_hits(a, r);
	return KR_HANDLED;
}

static bool registers_typing(struct app *a, void *st)
{
	(void)a;
	(void)st;
	return true;
}

static const int REGISTERS_KEYS[] = { ACT_SEARCH, ACT_PICK, ACT_OPEN, ACT_ADD_ORG, ACT_ROLL, -1 };
/* Home and End stay the search field's. */
static const int REGISTERS_MORE[] = { ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_CLICK, -1 };

const struct screen_ops SCREEN_REGISTERS = {
	.title = N_("Organisations and teams"),
	.open = registers_open,
	.close = registers_close,
	.draw = registers_draw,
	.key = registers_key,
	.typing = registers_typing,
	.resume = registers_resume,
	.keys = REGISTERS_KEYS,
	.more = REGISTERS_MORE,
};
