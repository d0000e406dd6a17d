/* SPDX-License-Identifier: GPL-3.0-or-later */
/* screen_home.c - home: the menu of the desk's jobs, and scans. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "tui/actions.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/list_panel.h"
#include "tui/scan.h"

struct menu_item {
	enum action act;   /* its number's action: the number is its key */
	const char *label; /* msgid */
	const struct screen_ops *screen;
	enum access_action need; /* asked before it opens (a grant of any kind, by
				  * scan or PIN too, opens it); ACC_COUNT: none */
};

static const struct menu_item MENU[] = {
	{ ACT_CHOOSE_1, N_("Visitor check-in"), &SCREEN_CHECKIN, ACC_VISITOR },
	{ ACT_CHOOSE_2, N_("Room booking"), &SCREEN_GRID, ACC_BOOK },
	{ ACT_CHOOSE_3, N_("Team filing"), &SCREEN_TEAM_FORM, ACC_TEAM_APPLY },
	{ ACT_CHOOSE_4, N_("Who is here"), &SCREEN_PRESENT, ACC_VISITOR },
	{ ACT_CHOOSE_5, N_("Reports"), &SCREEN_REPORT, ACC_REPORTS },
	{ ACT_CHOOSE_6, N_("Organisations and teams"), &SCREEN_REGISTERS, ACC_COUNT },
	{ ACT_CHOOSE_9, N_("Administration"), &SCREEN_ADMIN, ACC_COUNT },
};

#define NMENU ((int)(sizeof(MENU) / sizeof(MENU[0])))
#define MENU_TOP 3
#define SCAN_MAX 64

struct home {
	struct list_view menu; /* wraps round */
	char scan[SCAN_MAX];   /* text typed after an H: a scanner's QR text */
	int scan_len;
};

static void *home_open(struct app *a, const void *arg)
{
	struct home *h = xcalloc(1, sizeof(*h));

	(void)a;
	(void)arg;
	h->menu.wrap = true;
	list_view_set_count(&h->menu, NMENU);
	return h;
}

static void home_close(struct app *a, void *st)
{
	(void)a;
	free(st);
}

static int menu_x(void)
{
	return COLS / 2 - 16 > 2 ? COLS / 2 - 16 : 2;
}

/* At a kiosk with nobody signed in only the room booking is open. */
static bool open_to(const struct app *a, const struct menu_item *m)
{
	return a->actor.kind != ACTOR_RESIDENT || m->screen == &SCREEN_GRID;
}

/* The actor's role may take the item's action in some way (the role
 * table): drawn dim when not, and refused (with the rule) when opened. */
static bool granted(const struct app *a, const struct menu_item *m)
{
	return m->need == ACC_COUNT || access_grant(actor_role(&a->actor), m->need) != GRANT_NO;
}

static void home_draw(struct app *a, void *st)
{
	struct home *h = st;
	char line[256];
	int i, x = menu_x();

	(void)a;
	for (i = 0; i < NMENU; i++) {
		const struct menu_item *m = &MENU[i];
		snprintf(line, sizeof(line), " %c  %s", (char)action_info(m->act)->keys[0],
			 _(m->label));
		draw_row(MENU_TOP + i * 2, x, line, 40, i == h->menu.selected,
			 open_to(a, m) && granted(a, m) ? ROLE_NORMAL : ROLE_DIM);
	}
	if (h->scan_len > 0) {
		snprintf(line, sizeof(line), "%s %s", _("Scan:"), h->scan);
		draw_text(LINES - 4, 2, line, COLS - 4, ROLE_LABEL, 0);
	} else {
		draw_text(
			LINES - 4, 2,
			a->actor.kind == ACTOR_RESIDENT
				? _("Press 2 to book a room, or scan your receipt to check in. Staff: F9.")
				: _("Press a number, or scan a slip or receipt. F1 help, F10 or q leaves."),
			COLS - 4, ROLE_DIM, 0);
	}
}

static void open_item(struct app *a, const struct menu_item *m)
{
	if (!open_to(a, m)) {
		app_message(
			a, ROLE_WARNING, "%s",
			_("At this kiosk residents book rooms (2); staff and volunteers sign in with F9."));
		return;
	}
	if (!granted(a, m) && !app_allowed(a, m->need))
		return;
	app_push(a, m->screen, NULL);
}

static enum key_result scan_key(struct app *a, struct home *h, struct key_in k)
{
	char enc[4];
	int n;

	switch (k.act) {
	case ACT_ENTER:
		h->scan[h->scan_len] = '\0';
		scan_act(a, h->scan);
		h->scan_len = 0;
		h->scan[0] = '\0';
		return KR_HANDLED;
	case ACT_BACK:
		h->scan_len = 0;
		return KR_HANDLED;
	case ACT_BACKSPACE:
		if (h->scan_len > 0)
			h->scan[--h->scan_len] = '\0';
		return KR_HANDLED;
	default:
		break;
	}
	if (!key_is_text(k))
		return KR_IGNORED; /* F1, F9 and F10 work during a scan too */
	n = utf8_encode((uint32_t)k.ch, enc);
	if (n > 0 && h->scan_len + n < SCAN_MAX) {
		memcpy(h->scan + h->scan_len, enc, (size_t)n);
		h->scan_len += n;
		h->scan[h->scan_len] = '\0';
	}
	return KR_HANDLED;
}

static int clicked_item(void)
{
	MEVENT ev;
	int i, x = menu_x();

	if (getmouse(&ev) != OK || ev.x < x || ev.x >= x + 40)
		return -1;
	for (i = 0; i < NMENU; i++)
		if (ev.y == MENU_TOP + i * 2)
			return i;
	return -1;
}

static enum key_result home_key(struct app *a, void *st, struct key_in k)
{
	struct home *h = st;
	int i;

	if (h->scan_len > 0 || k.act == ACT_SCAN)
		return scan_key(a, h, k);
	switch (k.act) {
	case ACT_CLICK:
		i = clicked_item();
		if (i >= 0) {
			list_view_select(&h->menu, i);
			open_item(a, &MENU[i]);
		}
		return KR_HANDLED;
	case ACT_UP:
	case ACT_DOWN:
		list_panel_key(&h->menu, k.act, MENU_TOP);
		return KR_HANDLED;
	case ACT_ENTER:
		open_item(a, &MENU[h->menu.selected]);
		return KR_HANDLED;
	default:
		break;
	}
	for (i = 0; k.act != ACT_NONE && i < NMENU; i++) {
		if (MENU[i].act == k.act) {
			list_view_select(&h->menu, i);
			open_item(a, &MENU[i]);
			return KR_HANDLED;
		}
	}
	return KR_IGNORED;
}

static bool home_dirty(struct app *a, void *st)
{
	(void)a;
	return ((struct home *)st)->scan_len > 0;
}

static const int HOME_KEYS[] = { ACT_MENU, ACT_SCAN, -1 };
/* The menu's numbers, and moving in it (a click: on an item, every other
 * row); the keys of a scan typed by hand. */
static const int HOME_MORE[] = { ACT_CHOOSE_1, ACT_CHOOSE_2,  ACT_CHOOSE_3,
				 ACT_CHOOSE_4, ACT_CHOOSE_5,  ACT_CHOOSE_6,
				 ACT_CHOOSE_7, ACT_CHOOSE_8,  ACT_CHOOSE_9,
				 ACT_UP,       ACT_DOWN,      ACT_CLICK,
				 ACT_ENTER,    ACT_BACKSPACE, -1 };

const struct screen_ops SCREEN_HOME = {
	.title = N_("Home"),
	.open = home_open,
	.close = home_close,
	.draw = home_draw,
	.key = home_key,
	.dirty = home_dirty,
	.keys = HOME_KEYS,
	.more = HOME_MORE,
};
