/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suggest.h - what suggest fields of several screens offer: organisations
 * and teams by a few characters of their name. */
#ifndef HD_SUGGEST_H
#define HD_SUGGEST_H

#include "forms/field.h"

/* A suggest_fn: ctx is the sqlite3 connection. An organisation's id is
 * offered as is, a team's as its negative, each with its kind as detail. */
int suggest_org_or_team(void *ctx, const char *query, struct suggestion *out, int max);

#endif
