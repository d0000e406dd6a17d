/* SPDX-License-Identifier: GPL-3.0-or-later */
/* compose.c - pinyin composition in the focused field. */
#include "tui/compose.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/search.h"
#include "core/settings.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "tui/draw.h"
#include "tui/ime.h"

struct compose {
	struct app *app;
	struct ime *ime;
	bool on;
	bool broken;  /* the engine cannot run: letters go in as typed */
	bool in_list; /* Up/Down went into the field's list: Enter takes its entry */
	/* The input drawn with the keys in the last frame, and where. */
	const void *owner;
	compose_letters_fn letters;
	void *ctx;
	bool list_open;
	int y, x, cols, cur_x;
	const void *composing; /* the input the letters belong to */
	int shown;             /* candidates the last frame showed */
};

/* The desk's one input method, for the form drawing that names its field. */
static struct compose *desk;

/* The centre's own words first: organisation, team and room names the
 * letters spell from their start (never people's names). */
static int centre_words(void *ctx, const char *letters, char (*out)[IME_WORD_BYTES], int max)
{
	char words[8][NAME_BYTES];
	int n = 0, i, kept = 0;
	size_t len;

	if (max > 8)
		max = 8;
	if (search_words(ctx, letters, words, max, &n, NULL) != HD_OK)
		return 0;
	for (i = 0; i < n; i++) {
		len = strlen(words[i]); /* a name of 40 characters fits */
		if (len < IME_WORD_BYTES)
			memcpy(out[kept++], words[i], len + 1);
	}
	return kept;
}

struct compose *compose_new(struct app *a)
{
	struct compose *c = xcalloc(1, sizeof(*c));

	desk = c;
	c->app = a;
	c->on = settings_on(a->db, SET_INPUT_PINYIN);
	c->ime = ime_new(centre_words, a->db);
	return c;
}

void compose_free(struct compose *c)
{
	if (!c)
		return;
	if (desk == c)
		desk = NULL;
	ime_free(c->ime);
	free(c);
}

bool compose_on(const struct compose *c)
{
	return c->on && !c->broken;
}

void compose_frame(struct compose *c)
{
	c->owner = NULL;
}

static bool composes_into(const struct field *f)
{
	return f->kind == FIELD_TEXT || f->kind == FIELD_SUGGEST;
}

static void field_letters(void *ctx, const char *letters)
{
	field_compose(ctx, letters);
}

void compose_spot(struct field *f, int y, int x, int cols, int cur_x)
{
	if (composes_into(f))
		compose_spot_at(f, y, x, cols, cur_x, field_letters, f, f->open);
}

void compose_spot_at(const void *owner, int y, int x, int cols, int cur_x,
		     compose_letters_fn letters, void *ctx, bool list_open)
{
	struct compose *c = desk;

	if (!c)
		return;
	c->owner = owner;
	c->letters = letters;
	c->ctx = ctx;
	c->list_open = list_open;
	c->y = y;
	c->x = x;
	c->cols = cols;
	c->cur_x = cur_x;
	if (compose_on(c))
		ime_warm(c->ime); /* a text field is on the screen: letters may come */
}

bool compose_showing(const void *owner)
{
	const struct compose *c = desk;

	return c && owner && c->owner == owner && ime_composing(c->ime);
}

/* The field's list follows the letters while they are composed. */
static void changed(struct compose *c)
{
	if (c->owner && c->letters)
		c->letters(c->ctx, ime_letters(c->ime));
	c->composing = ime_composing(c->ime) ? c->owner : NULL;
	if (!c->composing)
		c->in_list = false;
}

/* Text to the screen, one character a key, as a terminal types it. */
static void send_text(struct app *a, const char *text, void (*deliver)(struct app *, struct key_in))
{
	size_t len = strlen(text);
	uint32_t cp;
	int used;

	while (len > 0) {
		used = utf8_decode(text, len, &cp);
		if (used <= 0)
			break;
		deliver(a, (struct key_in){ .code = false, .ch = (wint_t)cp });
		text += used;
		len -= (size_t)used;
	}
}

/* The composition ends with the letters as typed going into the field. */
static void take_letters(struct app *a, struct compose *c,
			 void (*deliver)(struct app *, struct key_in))
{
	char letters[IME_LETTERS_MAX + 1];

	snprintf(letters, sizeof(letters), "%s", ime_letters(c->ime));
	ime_drop(c->ime);
	changed(c);
	send_text(a, letters, deliver);
}

static void pick(struct app *a, struct compose *c, int i,
		 void (*deliver)(struct app *, struct key_in))
{
	char text[IME_WORD_BYTES];

	if (i >= c->shown)
		return;
	if (ime_pick(c->ime, i, text, sizeof(text))) {
		changed(c);
		send_text(a, text, deliver);
	} else {
		changed(c);
	}
}

static void toggle(struct app *a, struct compose *c)
{
	if (ime_composing(c->ime)) {
		ime_drop(c->ime);
		changed(c);
	}
	c->on = !c->on;
	c->broken = false;
	app_message(a, ROLE_OK, "%s",
		    c->on ? _("Pinyin input on (中): lower-case letters compose Chinese.")
			  : _("Pinyin input off (EN): letters go in as typed."));
}

/* The first letter: the engine is started (it may be loading already). */
static bool begin(struct app *a, struct compose *c, char letter)
{
	char why[256];

	if (!ime_start(c->ime, why, sizeof(why))) {
		c->broken = true;
		app_message(a, ROLE_ERROR, "%s", why);
		return false;
	}
	if (!ime_type(c->ime, letter))
		return false;
	changed(c);
	return true;
}

/* A key while letters are composed. */
static bool composing_key(struct app *a, struct compose *c, struct key_in k,
			  void (*deliver)(struct app *, struct key_in))
{
	wint_t ch = k.ch;

	if (key_is_text(k)) {
		if (ch >= 'a' && ch <= 'z') {
			ime_type(c->ime, (char)ch);
			changed(c);
		} else if (ch >= '1' && ch <= '9') {
			pick(a, c, (int)(ch - '1'), deliver);
		} else if (ch == ' ') {
			pick(a, c, 0, deliver);
		} else if (ch == '-' || ch == '=') {
			ime_page(c->ime, ch == '=', c->shown);
		} else {
			/* Anything else typed: the letters, then it. */
			take_letters(a, c, deliver);
			return false;
		}
		return true;
	}
	if (action_has_key(ACT_BACKSPACE, k)) {
		ime_back(c->ime);
		changed(c);
	} else if (action_has_key(ACT_PAGE_UP, k) || action_has_key(ACT_PAGE_DOWN, k)) {
		ime_page(c->ime, action_has_key(ACT_PAGE_DOWN, k), c->shown);
	} else if (action_has_key(ACT_BACK, k)) {
		ime_drop(c->ime);
		changed(c);
	} else if ((action_has_key(ACT_UP, k) || action_has_key(ACT_DOWN, k)) && c->list_open) {
		/* Into the list of names the letters found. */
		c->in_list = true;
		return false;
	} else if (action_has_key(ACT_ENTER, k)) {
		if (!c->in_list) {
			take_letters(a, c, deliver);
			return true;
		}
		ime_drop(c->ime); /* the list's entry replaces the letters */
		c->in_list = false;
		return false;
	} else {
		/* Tab, F2 and the like: nothing typed is lost on the way. */
		take_letters(a, c, deliver);
		return false;
	}
	return true;
}

bool compose_key(struct app *a, struct key_in k, bool typing,
		 void (*deliver)(struct app *, struct key_in))
{
	struct compose *c = a->compose;

	if (action_has_key(ACT_PINYIN, k)) {
		toggle(a, c);
		return true;
	}
	if (ime_composing(c->ime) && (!c->owner || c->owner != c->composing || !typing)) {
		ime_drop(c->ime); /* the input went away under the letters */
		changed(c);
	}
	if (!compose_on(c) || !c->owner || !typing)
		return false;
	if (ime_composing(c->ime))
		return composing_key(a, c, k, deliver);
	if (!key_is_text(k) || k.ch < 'a' || k.ch > 'z')
		return false;
	return begin(a, c, (char)k.ch);
}

/* The candidate line: as many candidates of the page as fit in cols, the
 * first marked; "<" and ">" say pages lie before and after. */
static void draw_candidates(struct compose *c, int y, int x, int cols)
{
	char entry[IME_WORD_BYTES + 8];
	int i, used = 0, w, n = ime_count(c->ime);

	draw_fill(y, x, cols, ROLE_LIST);
	if (ime_has_prev(c->ime)) {
		draw_text(y, x, "<", 1, ROLE_LIST, 0);
		used = 2;
	}
	c->shown = 0;
	for (i = 0; i < n; i++) {
		snprintf(entry, sizeof(entry), "%d.%s", i + 1, ime_candidate(c->ime, i));
		w = text_width(entry);
		if (used + w + 2 > cols) /* room for " >" after it */
			break;
		draw_text(y, x + used, entry, w, i == 0 ? ROLE_SELECTED : ROLE_LIST, 0);
		used += w + 1;
		c->shown++;
	}
	if (c->shown == 0 && n > 0) {
		/* A candidate wider than the line: its start, still picked by 1. */
		snprintf(entry, sizeof(entry), "1.%s", ime_candidate(c->ime, 0));
		draw_text(y, x + used, entry, cols - used - 2, ROLE_SELECTED, 0);
		used = cols - 2;
		c->shown = 1;
	}
	if (ime_has_next(c->ime, c->shown))
		draw_text(y, x + cols - 1, ">", 1, ROLE_LIST, 0);
}

void compose_draw(struct compose *c)
{
	const char *pre;
	int w, px, room, y;

	if (!c->owner || !ime_composing(c->ime))
		return;
	pre = ime_preedit(c->ime);
	if (!*pre)
		pre = ime_letters(c->ime);
	/* The letters at the cursor, inside the field: when they do not fit
	 * after the text, they cover its end. */
	w = text_width(pre);
	room = c->x + c->cols - 1 - c->cur_x;
	px = w <= room ? c->cur_x : c->x + c->cols - 1 - w;
	if (px < c->x)
		px = c->x;
	w = draw_text(c->y, px, pre, c->x + c->cols - 1 - px, ROLE_COMPOSE, 0);
	/* The candidates under the field, or above it at the foot of the
	 * screen. */
	y = c->y + 1 < LINES - 3 ? c->y + 1 : c->y - 1;
	draw_candidates(c, y, c->x, COLS - c->x - 1);
	move(c->y, px + w);
}
