/* SPDX-License-Identifier: GPL-3.0-or-later */
/* actor.c - making actors. */
#include "core/actor.h"

#include <stdio.h>
#include <string.h>

static struct hd_actor make(enum actor_kind kind, const char *desk)
{
	struct hd_actor a;

	memset(&a, 0, sizeof(a));
	a.kind = kind;
	snprintf(a.desk, sizeof(a.desk), "%s", desk && *desk ? desk : "cli");
	return a;
}

struct hd_actor actor_command_line(const char *desk)
{
	return make(ACTOR_COMMAND_LINE, desk);
}

struct hd_actor actor_desk(const char *desk)
{
	return make(ACTOR_DESK, desk);
}

struct hd_actor actor_nobody(bool kiosk, const char *desk)
{
	return make(kiosk ? ACTOR_RESIDENT : ACTOR_DESK, desk);
}

enum hd_role actor_role(const struct hd_actor *who)
{
	switch (who->kind) {
	case ACTOR_COMMAND_LINE:
		return ROLE_ADMIN;
	case ACTOR_DESK:
		return ROLE_VOLUNTEER;
	case ACTOR_RESIDENT:
		return ROLE_RESIDENT;
	case ACTOR_STAFF:
		return who->role;
	}
	return ROLE_RESIDENT;
}

const char *actor_kind_word(enum actor_kind kind)
{
	switch (kind) {
	case ACTOR_COMMAND_LINE:
		return "command-line";
	case ACTOR_DESK:
		return "desk";
	case ACTOR_RESIDENT:
		return "resident";
	case ACTOR_STAFF:
		return "staff";
	}
	return "?";
}
