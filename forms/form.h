/* SPDX-License-Identifier: GPL-3.0-or-later */
/* form.h - a form: an ordered array of fields with one focused, moved through
 * with Tab/Shift-Tab, Down/Up and Enter, submitted with Enter on the last
 * field or F2/Ctrl-S, validated as a whole. The keys are those of DESIGN.md
 * ("forms" and "choice fields"). */
#ifndef HD_FORM_H
#define HD_FORM_H

#include <stdbool.h>

#include "core/status.h"
#include "forms/field.h"

struct form {
	struct field *fields; /* owned by the caller, count of them */
	int count;
	int focus; /* index of the focused field */
};

/* Sets fm over fields[0..count) (which the caller keeps alive and frees) and
 * focuses the first field. */
void form_init(struct form *fm, struct field *fields, int count);

/* Handles one key:
 * - Tab / Shift-Tab: next / previous field, wrapping around (FORM_MOVED);
 * - Down / Up: move the selection when the focused field's list is open,
 *   else next / previous field (not wrapping);
 * - Enter: takes the open list's selection, then goes to the next field
 *   (FORM_MOVED), or on the last field returns FORM_SUBMIT;
 * - F2 / Ctrl-S (FK_SUBMIT): FORM_SUBMIT; Esc: FORM_ESC (lists close);
 * - any other key goes to the focused field (FORM_CHANGED or FORM_NONE).
 * FORM_SUBMIT only reports the request: the caller runs form_validate(). */
enum form_result form_key(struct form *fm, struct form_event ev);

/* Moves the focus to field index (closing the old field's list). True when
 * the focus moved. */
bool form_focus(struct form *fm, int index);

/* The focused field, or NULL for an empty form. */
struct field *form_current(struct form *fm);

/* The field of machine name name, or NULL. */
struct field *form_find(struct form *fm, const char *name);

/* True when something was typed in any field since init or reset (for the
 * "leave? y/n" question). */
bool form_dirty(const struct form *fm);

/* Validates every field (each keeps its own error), focuses the first that
 * fails and returns its status with its error in err (when not NULL). HD_OK
 * when all pass: each field's value holds the normalised value. */
enum hd_status form_validate(struct form *fm, struct hd_err *err);

/* Empties every field and focuses the first. */
void form_reset(struct form *fm);

#endif
