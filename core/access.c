/* SPDX-License-Identifier: GPL-3.0-or-later */
/* access.c - the role table and the check every action asks. */
#include "core/access.h"

#include <stdio.h>

#include "core/audit.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/lists.h"

struct access_row {
	const char *word, *text;
	enum access_grant grant[HD_ROLE_COUNT]; /* by enum hd_role */
};

#define ACCESS_ROW(id, word, text, r, v, s, a, d) [id] = { word, text, { r, v, s, a, d } },
static const struct access_row TABLE[ACC_COUNT] = { ACCESS_TABLE(ACCESS_ROW) };
#undef ACCESS_ROW

enum access_grant access_grant(enum hd_role role, enum access_action action)
{
	if (action < 0 || action >= ACC_COUNT || role < ROLE_RESIDENT || role >= HD_ROLE_COUNT)
		return GRANT_NO;
	return TABLE[action].grant[role];
}

const char *access_word(enum access_action action)
{
	return action >= 0 && action < ACC_COUNT ? TABLE[action].word : "?";
}

const char *access_text(enum access_action action)
{
	return action >= 0 && action < ACC_COUNT ? TABLE[action].text : "?";
}

static bool allowed(enum access_grant g, enum access_via how)
{
	return g == GRANT_YES || (g == GRANT_BY_SCAN && how == VIA_SCAN) ||
	       (g == GRANT_WITH_PIN && how == VIA_PIN);
}

static void refusal(const struct hd_actor *who, enum access_action action, enum access_grant g,
		    struct hd_err *err)
{
	const char *what = _(TABLE[action].text);

	if (g == GRANT_BY_SCAN)
		hd_err_set(err, HD_REFUSED, "", _("Only by scanning the slip or receipt: %s."),
			   what);
	else if (g == GRANT_WITH_PIN)
		hd_err_set(err, HD_REFUSED, "", _("Only with the booker's PIN: %s."), what);
	else if (who->kind == ACTOR_STAFF)
		hd_err_set(err, HD_REFUSED, "", _("%s (%s) may not do this: %s."), who->name,
			   list_label(&LIST_ROLE, (int)who->role), what);
	else if (access_grant(ROLE_STAFF, action) == GRANT_YES)
		hd_err_set(err, HD_REFUSED, "", _("Staff only: %s. Sign in with F9."), what);
	else
		hd_err_set(err, HD_REFUSED, "", _("The administrator only: %s. Sign in with F9."),
			   what);
}

enum hd_status access_require_via(struct db *db, const struct hd_actor *who,
				  enum access_action action, enum access_via how,
				  struct hd_err *err)
{
	enum access_grant g = access_grant(actor_role(who), action);
	struct hd_err ignored;
	char after[96];

	if (allowed(g, how))
		return HD_OK;
	refusal(who, action, g, err);
	snprintf(after, sizeof(after), "{\"action\":\"%s\"}", TABLE[action].word);
	if (db_begin(db, &ignored) == HD_OK)
		db_finish(db, audit_log(db, who, "denied", NULL, 0, NULL, after, &ignored),
			  &ignored);
	return HD_REFUSED;
}

enum hd_status access_require(struct db *db, const struct hd_actor *who, enum access_action action,
			      struct hd_err *err)
{
	return access_require_via(db, who, action, VIA_DIRECT, err);
}
