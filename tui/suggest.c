/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suggest.c - organisations and teams offered to suggest fields. */
#include "tui/suggest.h"

#include <stdio.h>

#include "core/db.h"
#include "core/i18n.h"
#include "core/search.h"

int suggest_org_or_team(void *ctx, const char *query, struct suggestion *out, int max)
{
	struct search_hit hits[SUGGEST_MAX];
	int n = 0, i;

	if (max > SUGGEST_MAX)
		max = SUGGEST_MAX;
	if (search_names(ctx, query, SEARCH_ALL, hits, max, &n, NULL) != HD_OK)
		return 0;
	for (i = 0; i < n; i++) {
		out[i].id = hits[i].kind == SEARCH_ORG ? hits[i].id : -hits[i].id;
		snprintf(out[i].label, sizeof(out[i].label), "%s", hits[i].name);
		snprintf(out[i].detail, sizeof(out[i].detail), "%s",
			 hits[i].kind == SEARCH_ORG ? _("Org") : _("Team"));
	}
	return n;
}

struct booker suggest_booker(long long id)
{
	if (id > 0)
		return (struct booker){ BOOKER_ORG, id };
	if (id < 0)
		return (struct booker){ BOOKER_TEAM, -id };
	return (struct booker){ BOOKER_NONE, 0 };
}
