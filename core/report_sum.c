/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_sum.c - a district's report: the reports of its centres added
 * up, the rooms, bookers and organisations of each named after its
 * centre's code. */
#include "core/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"

/* "CODE name" into out (NAME_BYTES), cut at a whole character. */
static void named(const char *code, const char *name, char *out)
{
	char both[NAME_BYTES + 32];

	snprintf(both, sizeof(both), "%s %.*s", code, NAME_BYTES - 1, name);
	text_cut(both, NAME_MAX_CHARS + 16, out, NAME_BYTES);
}

static void add_ints(int *sum, const int *part, int n)
{
	int i;

	for (i = 0; i < n; i++)
		sum[i] += part[i];
}

/* The first report added gives the period and its days. */
static void take_period(struct report *sum, const struct report *r)
{
	memcpy(sum->from, r->from, sizeof(sum->from));
	memcpy(sum->to, r->to, sizeof(sum->to));
	sum->start = r->start;
	sum->end = r->end;
	sum->ndays = r->ndays;
	sum->days = xcalloc(r->ndays ? (size_t)r->ndays : 1, sizeof(*sum->days));
	memcpy(sum->days, r->days, (size_t)r->ndays * sizeof(*sum->days));
	for (int i = 0; i < r->ndays; i++)
		sum->days[i].visits = sum->days[i].people = 0;
}

static void add_visited(struct report *sum, const struct report *r, const char *code)
{
	int i, k;

	for (i = 0; i < r->nvisited; i++) {
		const struct report_visited *v = &r->visited[i];

		/* Nobody in particular is one line for the district. */
		for (k = 0; v->id == 0 && k < sum->nvisited && sum->visited[k].id != 0; k++)
			;
		if (v->id == 0 && k < sum->nvisited) {
			sum->visited[k].visits += v->visits;
			sum->visited[k].people += v->people;
			continue;
		}
		sum->visited = xrealloc(sum->visited,
					(size_t)(sum->nvisited + 1) * sizeof(*sum->visited));
		sum->visited[sum->nvisited] = *v;
		if (v->id != 0)
			named(code, v->name, sum->visited[sum->nvisited].name);
		sum->nvisited++;
	}
}

static void add_rooms(struct report *sum, const struct report *r, const char *code)
{
	int i;

	sum->rooms = xrealloc(sum->rooms,
			      (size_t)(sum->nrooms + r->nrooms + 1) * sizeof(*sum->rooms));
	for (i = 0; i < r->nrooms; i++) {
		sum->rooms[sum->nrooms] = r->rooms[i];
		named(code, r->rooms[i].name, sum->rooms[sum->nrooms].name);
		sum->nrooms++;
	}
	sum->bookers = xrealloc(sum->bookers,
				(size_t)(sum->nbookers + r->nbookers + 1) * sizeof(*sum->bookers));
	for (i = 0; i < r->nbookers; i++) {
		sum->bookers[sum->nbookers] = r->bookers[i];
		named(code, r->bookers[i].name, sum->bookers[sum->nbookers].name);
		sum->nbookers++;
	}
	sum->ending = xrealloc(sum->ending,
			       (size_t)(sum->nending + r->nending + 1) * sizeof(*sum->ending));
	for (i = 0; i < r->nending; i++) {
		sum->ending[sum->nending] = r->ending[i];
		named(code, r->ending[i].name, sum->ending[sum->nending].name);
		sum->nending++;
	}
}

void report_add(struct report *sum, const struct report *r, const char *code)
{
	int i;

	if (!sum->days)
		take_period(sum, r);
	for (i = 0; i < r->ndays && i < sum->ndays; i++) {
		sum->days[i].visits += r->days[i].visits;
		sum->days[i].people += r->days[i].people;
	}
	sum->visits += r->visits;
	sum->people += r->people;
	add_ints(sum->purpose_visits, r->purpose_visits, REPORT_PURPOSES + 1);
	add_ints(sum->purpose_people, r->purpose_people, REPORT_PURPOSES + 1);
	add_ints(sum->hour_visits, r->hour_visits, 24);
	add_visited(sum, r, code);
	add_rooms(sum, r, code);
	add_ints(sum->team_category, r->team_category, REPORT_CATEGORIES + 1);
	add_ints(sum->team_state, r->team_state, REPORT_STATES + 1);
	sum->teams += r->teams;
	sum->members += r->members;
	sum->party_members += r->party_members;
	sum->filed_in_period += r->filed_in_period;
	sum->deregistered_in_period += r->deregistered_in_period;
	add_ints(sum->org_kind, r->org_kind, REPORT_KINDS + 1);
	sum->orgs += r->orgs;
}

static int visited_first(const void *a, const void *b)
{
	const struct report_visited *x = a, *y = b;

	if ((x->id < 0) != (y->id < 0)) /* the others of each centre last */
		return (x->id < 0) - (y->id < 0);
	if (x->visits != y->visits)
		return y->visits - x->visits;
	return strcmp(x->name, y->name);
}

static int booker_first(const void *a, const void *b)
{
	const struct report_booker *x = a, *y = b;
	int nx = x->noshows + x->late_cancels, ny = y->noshows + y->late_cancels;

	if (nx != ny)
		return ny - nx;
	return strcmp(x->name, y->name);
}

static int ending_first(const void *a, const void *b)
{
	const struct org *x = a, *y = b;
	int c = strcmp(x->out_date, y->out_date);

	return c ? c : strcmp(x->name, y->name);
}

void report_sum_finish(struct report *sum)
{
	if (sum->nvisited > 1)
		qsort(sum->visited, (size_t)sum->nvisited, sizeof(*sum->visited), visited_first);
	if (sum->nbookers > 1)
		qsort(sum->bookers, (size_t)sum->nbookers, sizeof(*sum->bookers), booker_first);
	if (sum->nending > 1)
		qsort(sum->ending, (size_t)sum->nending, sizeof(*sum->ending), ending_first);
}
