/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_roll.c - keeping the roll true (r in the registers): filed teams
 * whose annual check is due or that had no booking or recorded activity for
 * six months — a records that the team is active (and checked), Enter opens
 * the team to start 注销 — and resident organisations whose residence ends
 * within 30 days or has ended. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/org.h"
#include "core/team.h"
#include "core/xalloc.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/list_panel.h"

#define X0 2
#define TOP 2
#define ENDING_DAYS 30

struct roll {
	struct team_brief *teams;
	struct org *orgs;
	int nteams, norgs;
	struct list_view list;
};

static void reload(struct app *a, struct roll *r)
{
	struct hd_err err;

	free(r->teams);
	free(r->orgs);
	r->teams = NULL;
	r->orgs = NULL;
	r->nteams = r->norgs = 0;
	if (team_roll(a->db, &r->teams, &r->nteams, &err) != HD_OK ||
	    org_residence_ending(a->db, ENDING_DAYS, &r->orgs, &r->norgs, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	list_view_set_count(&r->list, r->nteams + r->norgs);
}

static void *roll_open(struct app *a, const void *arg)
{
	struct roll *r = xcalloc(1, sizeof(*r));

	(void)arg;
	reload(a, r);
	return r;
}

static void roll_close(struct app *a, void *st)
{
	struct roll *r = st;

	(void)a;
	free(r->teams);
	free(r->orgs);
	free(r);
}

/* Row i of the list: a team, then an organisation. */
static void line_of(const struct roll *r, int i, char *out, size_t outsz)
{
	if (i < r->nteams) {
		const struct team_brief *t = &r->teams[i];

		snprintf(out, outsz, "%s  %s  %s %s  %s%s", t->name,
			 list_label(&LIST_TEAM_STATE, (int)t->state), _("last activity"),
			 *t->last_activity ? t->last_activity : "-",
			 t->check_due ? _("annual check due ") : "",
			 t->idle ? _("no activity for six months") : "");
		return;
	}
	snprintf(out, outsz, "%s  %s %s%s", r->orgs[i - r->nteams].name, _("moves out"),
		 r->orgs[i - r->nteams].out_date,
		 org_moved_out(&r->orgs[i - r->nteams], clock_now()) ? _("  (moved out)") : "");
}

static void roll_draw(struct app *a, void *st)
{
	struct roll *r = st;
	char line[1024];
	int i, y = TOP, rows = LINES - TOP - 5, n = r->nteams + r->norgs;

	(void)a;
	snprintf(line, sizeof(line), _("%d teams to look at, %d organisations moving out"),
		 r->nteams, r->norgs);
	draw_text(1, X0, line, COLS - 2 * X0, ROLE_LABEL, 1);
	if (n == 0)
		draw_text(y, X0, _("The roll is up to date."), COLS - 2 * X0, ROLE_DIM, 0);
	for (i = list_view_first(&r->list, rows); i < n && y < TOP + rows; i++, y++) {
		line_of(r, i, line, sizeof(line));
		draw_row(y, X0, line, COLS - 2 * X0, i == r->list.selected, ROLE_NORMAL);
	}
}

static void record_activity(struct app *a, struct roll *r)
{
	struct hd_err err;

	if (r->list.selected >= r->nteams)
		return;
	if (team_activity(a->db, &a->actor, r->teams[r->list.selected].id, CLOCK_NO_DAY, &err) !=
	    HD_OK) {
		app_message(a, ROLE_ERROR, "%s", err.msg);
		return;
	}
	app_message(a, ROLE_OK, _("An activity of %s today is recorded."),
		    r->teams[r->list.selected].name);
	reload(a, r);
}

static enum key_result roll_key(struct app *a, void *st, struct key_in k)
{
	struct roll *r = st;

	if (list_panel_key(&r->list, k.act, TOP))
		return KR_HANDLED;
	switch (k.act) {
	case ACT_ACTIVITY:
		record_activity(a, r);
		return KR_HANDLED;
	case ACT_DETAIL:
		if (r->list.selected < r->nteams)
			app_push(a, &SCREEN_TEAM, &r->teams[r->list.selected].id);
		else if (r->list.selected < r->nteams + r->norgs)
			app_push(a, &SCREEN_ORG, &r->orgs[r->list.selected - r->nteams].id);
		else
			return KR_IGNORED;
		return KR_HANDLED;
	default:
		return KR_IGNORED;
	}
}

static void roll_resume(struct app *a, void *st)
{
	reload(a, st);
}

static const int ROLL_KEYS[] = { ACT_PICK, ACT_ACTIVITY, ACT_DETAIL, -1 };
static const int ROLL_MORE[] = { LIST_ACTIONS, -1 };

const struct screen_ops SCREEN_ROLL = {
	.title = N_("Keeping the roll"),
	.open = roll_open,
	.close = roll_close,
	.draw = roll_draw,
	.key = roll_key,
	.resume = roll_resume,
	.keys = ROLL_KEYS,
	.more = ROLL_MORE,
};
