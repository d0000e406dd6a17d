/* SPDX-License-Identifier: GPL-3.0-or-later */
/* compose.h - the built-in pinyin input at the terminal (tui/ime.h does
 * the engine): which field the letters go to, the keys of a composition,
 * and its drawing: the letters in the field, the candidate line under it
 * ("1.张三丰 2.张三 3.张 ..."). Ctrl-Space turns it on or off; the setting
 * input.pinyin says how a desk starts. Text it commits reaches the screen
 * as typed characters, as a system input method's would. */
#ifndef HD_COMPOSE_H
#define HD_COMPOSE_H

#include <stdbool.h>

#include "forms/field.h"
#include "tui/app.h"

struct compose;

/* The input method of a desk, on or off as input.pinyin says; nothing is
 * loaded until letters are typed into a field. */
struct compose *compose_new(struct app *a);
void compose_free(struct compose *c);

/* True while pinyin input is on (the top line shows 中, else EN). */
bool compose_on(const struct compose *c);

/* A frame starts: no field has the keys until one is drawn. */
void compose_frame(struct compose *c);

/* Told the letters being composed ("" once they end), to show what they
 * find meanwhile. */
typedef void (*compose_letters_fn)(void *ctx, const char *letters);

/* (To the desk's input method.) The text input with the keys, drawn at row
 * y, columns x .. x+cols-1, its cursor at column cur_x; owner names it,
 * letters (may be NULL) is told the letters, list_open says Up/Down move in
 * a list of what they found. */
void compose_spot_at(const void *owner, int y, int x, int cols, int cur_x,
		     compose_letters_fn letters, void *ctx, bool list_open);

/* compose_spot_at for the focused field f: letters compose into it when it
 * holds text (never a phone, number, date, time, choice or PIN field), and
 * its suggestions follow them. */
void compose_spot(struct field *f, int y, int x, int cols, int cur_x);

/* True while letters are composed into owner (a field: its list then
 * opens a row lower, under the candidate line). */
bool compose_showing(const void *owner);

/* Offers a key: true when the input method took it. typing says a text
 * field has the keys; text committed and keys passed on go to deliver. */
bool compose_key(struct app *a, struct key_in k, bool typing,
		 void (*deliver)(struct app *, struct key_in));

/* Draws the composition over the frame: the letters at the field's cursor
 * and the candidate line; leaves the cursor after the letters. */
void compose_draw(struct compose *c);

#endif
