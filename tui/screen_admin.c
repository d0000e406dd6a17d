/* screen_admin.c - administration: the register forms and, as they land,
 * settings, rooms, accounts, printers and backups. */
#include <curses.h>
#include <stdio.h>

#include "core/i18n.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"

struct admin_item {
	char key;
	const char *label; /* msgid */
	const struct screen_ops *screen; /* NULL: not available yet */
	enum access_action needs;
};

static const struct admin_item ITEMS[] = {
	{ '1', N_("New organisation"), &SCREEN_ORG_FORM, ACC_REGISTERS },
	{ '2', N_("Organisations and teams"), &SCREEN_REGISTERS, ACC_VISITOR },
	{ '3', N_("Rooms"), NULL, ACC_ADMIN },
	{ '4', N_("Settings"), NULL, ACC_ADMIN },
	{ '5', N_("Accounts"), NULL, ACC_ADMIN },
	{ '6', N_("Printers"), &SCREEN_PRINTERS, ACC_ADMIN },
	{ '7', N_("Backup"), NULL, ACC_ADMIN },
	{ '8', N_("Audit log"), NULL, ACC_ADMIN },
};

#define NITEMS ((int)(sizeof(ITEMS) / sizeof(ITEMS[0])))

static void admin_draw(struct app *a, void *st)
{
	char line[256];
	int i;

	(void)a;
	(void)st;
	for (i = 0; i < NITEMS; i++) {
		snprintf(line, sizeof(line), " %c  %s%s", ITEMS[i].key, _(ITEMS[i].label),
			 ITEMS[i].screen ? "" : _(" (not available yet)"));
		draw_text(3 + i * 2, 4, line, COLS - 8, ITEMS[i].screen ? ROLE_NORMAL : ROLE_DIM, 0);
	}
	draw_text(LINES - 4, 2,
		  _("Rooms and settings can be changed from the command line: hubdesk room, hubdesk config."),
		  COLS - 4, ROLE_DIM, 0);
}

static enum key_result admin_key(struct app *a, void *st, struct key_in k)
{
	int i;

	(void)st;
	for (i = 0; !k.code && i < NITEMS; i++) {
		if ((wint_t)ITEMS[i].key != k.ch)
			continue;
		if (!ITEMS[i].screen)
			app_push(a, &SCREEN_SOON, ITEMS[i].label);
		else if (app_allowed(a, ITEMS[i].needs))
			app_push(a, ITEMS[i].screen, NULL);
		return KR_HANDLED;
	}
	return KR_IGNORED;
}

static const int ADMIN_KEYS[] = { ACT_MENU, -1 };

const struct screen_ops SCREEN_ADMIN = {
	.title = N_("Administration"),
	.draw = admin_draw,
	.key = admin_key,
	.keys = ADMIN_KEYS,
};
