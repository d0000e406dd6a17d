/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pin_form.h - setting a booker's booking PIN from its page (staff): the
 * PIN typed twice, hidden, wiped at once, saved as core/pin.h keeps it. */
#ifndef HD_PIN_FORM_H
#define HD_PIN_FORM_H

#include <stdbool.h>

#include "core/pin.h"
#include "forms/form.h"
#include "tui/app.h"

struct pin_form {
	struct field fields[2];
	struct form form;
	bool open;
};

void pin_form_init(struct pin_form *p);

/* Opens the fields when the person at the desk may set booking PINs. */
void pin_form_open(struct app *a, struct pin_form *p);

/* Wipes what was typed and closes the fields. */
void pin_form_close(struct pin_form *p);

/* Draws the open fields from row y. */
void pin_form_draw(struct pin_form *p, int y);

/* A key while the fields are open: Esc closes them, Enter on the second
 * saves the PIN of the organisation or team id. */
enum key_result pin_form_key(struct app *a, struct pin_form *p, struct key_in k,
			     enum booker_kind kind, long long id);

#endif
