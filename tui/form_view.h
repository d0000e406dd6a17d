/* SPDX-License-Identifier: GPL-3.0-or-later */
/* form_view.h - a form on the screen: labels, fields cut by display width,
 * the open choice or suggestion list, the cursor; and terminal keys turned
 * into the form model's events. */
#ifndef HD_FORM_VIEW_H
#define HD_FORM_VIEW_H

#include <stdbool.h>

#include "forms/form.h"
#include "tui/app.h"

/* Turns a terminal key into a form event; false when it is none. */
bool form_view_event(struct key_in k, struct form_event *ev);

/* Draws the fields of fm one per row from row y0 (labels label_cols wide,
 * fields field_cols wide), the focused field's list below it, its error or
 * choices on the row above the status line, and leaves the cursor in the
 * focused field. */
void form_view_draw(struct form *fm, int y0, int label_cols, int field_cols);

/* A refusal of the core shown on the field it names (focused), or else on
 * the status line. */
void form_view_tell(struct app *a, struct form *fm, const struct hd_err *err);

#endif
