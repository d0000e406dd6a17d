/* SPDX-License-Identifier: GPL-3.0-or-later */
/* suggest.h - what suggest fields of several screens offer: organisations
 * and teams by a few characters of their name. */
#ifndef HD_SUGGEST_H
#define HD_SUGGEST_H

#include "core/booking.h"
#include "forms/field.h"

/* A suggest_fn: ctx is the database connection (struct db *). An organisation's id is
 * offered as is, a team's as its negative, each with its kind as detail. */
int suggest_org_or_team(void *ctx, const char *query, struct suggestion *out, int max);

/* The booker of an entry suggest_org_or_team() offered (its id, 0: none
 * taken: BOOKER_NONE). */
struct booker suggest_booker(long long id);

#endif
