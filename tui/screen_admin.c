/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_admin.c - administration: the register forms, rooms, settings,
 * accounts, printers, a backup now and the audit log. */
#include <curses.h>
#include <stdio.h>

#include "core/backup.h"
#include "core/i18n.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"

struct admin_item {
	enum action act;                 /* its number's action: the number is its key */
	const char *label;               /* msgid */
	const struct screen_ops *screen; /* opened, or */
	void (*run)(struct app *a);      /* done here, without a screen */
	enum access_action needs;
};

static void backup(struct app *a);

static const struct admin_item ITEMS[] = {
	{ ACT_CHOOSE_1, N_("New organisation"), &SCREEN_ORG_FORM, NULL, ACC_REGISTERS },
	{ ACT_CHOOSE_2, N_("Organisations and teams"), &SCREEN_REGISTERS, NULL, ACC_VISITOR },
	{ ACT_CHOOSE_3, N_("Rooms"), &SCREEN_ROOMS, NULL, ACC_ADMIN },
	{ ACT_CHOOSE_4, N_("Settings"), &SCREEN_SETTINGS, NULL, ACC_ADMIN },
	{ ACT_CHOOSE_5, N_("Accounts"), &SCREEN_ACCOUNTS, NULL, ACC_ADMIN },
	{ ACT_CHOOSE_6, N_("Printers"), &SCREEN_PRINTERS, NULL, ACC_ADMIN },
	{ ACT_CHOOSE_7, N_("Backup now"), NULL, backup, ACC_ADMIN },
	{ ACT_CHOOSE_8, N_("Audit log"), &SCREEN_AUDIT, NULL, ACC_ADMIN },
};

#define NITEMS ((int)(sizeof(ITEMS) / sizeof(ITEMS[0])))

static void admin_draw(struct app *a, void *st)
{
	char line[256];
	int i;

	(void)st;
	for (i = 0; i < NITEMS; i++) {
		snprintf(line, sizeof(line), " %c  %s", (char)action_info(ITEMS[i].act)->keys[0],
			 _(ITEMS[i].label));
		draw_text(3 + i * 2, 4, line, COLS - 8,
			  access_grant(actor_role(&a->actor), ITEMS[i].needs) == GRANT_NO
				  ? ROLE_DIM
				  : ROLE_NORMAL,
			  0);
	}
	draw_text(LINES - 4, 2, _("Booking PINs of organisations and teams: k on their page."),
		  COLS - 4, ROLE_DIM, 0);
}

static void backup(struct app *a)
{
	char path[4400];
	struct hd_err err;

	if (backup_now(a->db, &a->actor, a->db_path, path, sizeof(path), &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	else
		app_message(a, ROLE_OK, _("A copy of the database is in %s."), path);
}

static enum key_result admin_key(struct app *a, void *st, struct key_in k)
{
	int i;

	(void)st;
	for (i = 0; k.act != ACT_NONE && i < NITEMS; i++) {
		if (ITEMS[i].act != k.act)
			continue;
		if (!app_allowed(a, ITEMS[i].needs))
			return KR_HANDLED;
		if (ITEMS[i].run)
			ITEMS[i].run(a);
		else
			app_push(a, ITEMS[i].screen, NULL);
		return KR_HANDLED;
	}
	return KR_IGNORED;
}

static const int ADMIN_KEYS[] = { ACT_MENU, -1 };
static const int ADMIN_MORE[] = { ACT_CHOOSE_1, ACT_CHOOSE_2, ACT_CHOOSE_3,
				  ACT_CHOOSE_4, ACT_CHOOSE_5, ACT_CHOOSE_6,
				  ACT_CHOOSE_7, ACT_CHOOSE_8, -1 };

const struct screen_ops SCREEN_ADMIN = {
	.title = N_("Administration"),
	.draw = admin_draw,
	.key = admin_key,
	.keys = ADMIN_KEYS,
	.more = ADMIN_MORE,
};
