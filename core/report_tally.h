/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_tally.h - inside the report module only: visits counted by whom
 * they visited in the same pass that counts them by day, then the most
 * visited named and the rest summed. */
#ifndef HD_REPORT_TALLY_H
#define HD_REPORT_TALLY_H

#include <stdbool.h>

#include "core/db.h"
#include "core/report.h"

struct report_tally {
	long long *keys; /* id * 3 + kind (organisation, team, named); -1 an empty slot */
	int *visits, *people;
	unsigned cap, n;
};

/* Counts a visit of party people to org_id, team_id or visitee_id (someone
 * named in words); all 0: nobody. */
void report_tally_add(struct report_tally *t, long long org_id, long long team_id,
		      long long visitee_id, int party);

/* Fills r->visited: the REPORT_VISITED_MAX most visited, named, most
 * first, and the rest summed in one entry (id -1). Frees the tally.
 * Always HD_OK: a name the database cannot give stays empty. */
enum hd_status report_tally_finish(struct db *db, struct report_tally *t, struct report *r,
				   struct hd_err *err);

#endif
