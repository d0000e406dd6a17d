/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pin_form.c - a booker's booking PIN set from its page. */
#include "tui/pin_form.h"

#include <string.h>

#include "core/i18n.h"
#include "tui/form_view.h"

void pin_form_init(struct pin_form *p)
{
	const struct field_spec specs[2] = {
		{ .name = "pin",
		  .label = _("Booking PIN"),
		  .kind = FIELD_PIN,
		  .required = true,
		  .min = BOOKER_PIN_MIN,
		  .max = BOOKER_PIN_MAX },
		{ .name = "again",
		  .label = _("PIN again"),
		  .kind = FIELD_PIN,
		  .required = true,
		  .min = BOOKER_PIN_MIN,
		  .max = BOOKER_PIN_MAX },
	};

	memset(p, 0, sizeof(*p));
	field_init(&p->fields[0], &specs[0]);
	field_init(&p->fields[1], &specs[1]);
	form_init(&p->form, p->fields, 2);
}

void pin_form_close(struct pin_form *p)
{
	int i;

	for (i = 0; i < 2; i++) {
		editor_wipe(&p->fields[i].ed);
		explicit_bzero(p->fields[i].value, sizeof(p->fields[i].value));
	}
	form_focus(&p->form, 0);
	p->open = false;
}

void pin_form_open(struct app *a, struct pin_form *p)
{
	if (app_allowed(a, ACC_REGISTERS)) {
		pin_form_close(p);
		p->open = true;
	}
}

void pin_form_draw(struct pin_form *p, int y)
{
	if (p->open)
		form_view_draw(&p->form, y, 16, 20);
}

enum key_result pin_form_key(struct app *a, struct pin_form *p, struct key_in k,
			     enum booker_kind kind, long long id)
{
	struct form_event ev;
	struct hd_err err;

	if (!form_view_event(k, &ev))
		return KR_HANDLED;
	if (ev.key == FK_ESC) {
		pin_form_close(p);
		return KR_HANDLED;
	}
	if (form_key(&p->form, ev) != FORM_SUBMIT || form_validate(&p->form, NULL) != HD_OK)
		return KR_HANDLED;
	if (strcmp(p->fields[0].value, p->fields[1].value) != 0)
		app_message(a, ROLE_ERROR, "%s", _("The two PINs differ; type them again."));
	else if (pin_set_booker(a->db, &a->actor, kind, id, p->fields[0].value, &err) != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err.msg);
	else
		app_message(a, ROLE_OK, "%s", _("The booking PIN is set."));
	pin_form_close(p);
	return KR_HANDLED;
}
