/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_tally.c - visits by whom they visited, counted in memory. */
#include "core/report_tally.h"

#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/i18n.h"
#include "core/xalloc.h"

static unsigned slot_of(const struct report_tally *t, long long key)
{
	unsigned long long h = (unsigned long long)key * 0x9E3779B97F4A7C15ull;
	unsigned i = (unsigned)(h >> 32) & (t->cap - 1);

	while (t->keys[i] != -1 && t->keys[i] != key)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void grow(struct report_tally *t)
{
	struct report_tally old = *t;
	unsigned i, s;

	t->cap = old.cap ? old.cap * 2 : 256;
	t->keys = xmalloc(t->cap * sizeof(*t->keys));
	t->visits = xcalloc(t->cap, sizeof(*t->visits));
	t->people = xcalloc(t->cap, sizeof(*t->people));
	memset(t->keys, 0xFF, t->cap * sizeof(*t->keys)); /* -1 */
	for (i = 0; i < old.cap; i++) {
		if (old.keys[i] == -1)
			continue;
		s = slot_of(t, old.keys[i]);
		t->keys[s] = old.keys[i];
		t->visits[s] = old.visits[i];
		t->people[s] = old.people[i];
	}
	free(old.keys);
	free(old.visits);
	free(old.people);
}

/* A key for each organisation, team and name: id * 3 plus the kind. */
enum { KEY_ORG, KEY_TEAM, KEY_NAMED, KEY_KINDS };

void report_tally_add(struct report_tally *t, long long org_id, long long team_id,
		      long long visitee_id, int party)
{
	long long key = team_id      ? team_id * KEY_KINDS + KEY_TEAM
			: visitee_id ? visitee_id * KEY_KINDS + KEY_NAMED
				     : org_id * KEY_KINDS + KEY_ORG;
	unsigned s;

	if (2 * (t->n + 1) > t->cap)
		grow(t);
	s = slot_of(t, key);
	if (t->keys[s] == -1) {
		t->keys[s] = key;
		t->n++;
	}
	t->visits[s]++;
	t->people[s] += party;
}

static int most_first(const void *a, const void *b)
{
	const struct report_visited *x = a, *y = b;

	if (x->visits != y->visits)
		return y->visits - x->visits;
	return (x->id > y->id) - (x->id < y->id);
}

static void name_of(struct db *db, struct report_visited *v)
{
	struct db_stmt *st = NULL;

	if (v->id == 0) {
		snprintf(v->name, sizeof(v->name), "%s", _("(nobody in particular)"));
		return;
	}
	if (db_prepare(db,
		       v->team    ? "SELECT name FROM team WHERE id = $1"
		       : v->named ? "SELECT name FROM visitee WHERE id = $1"
				  : "SELECT name FROM org WHERE id = $1",
		       &st, NULL) != HD_OK)
		return;
	db_bind_int(st, 1, v->id);
	if (db_step(st) == DB_ROW)
		db_column_text(st, 0, v->name, sizeof(v->name));
	db_done(st);
}

enum hd_status report_tally_finish(struct db *db, struct report_tally *t, struct report *r,
				   struct hd_err *err)
{
	struct report_visited *all = xcalloc(t->n + 1, sizeof(*all));
	unsigned i, n = 0;
	int keep;

	(void)err;
	for (i = 0; i < t->cap; i++) {
		if (t->keys[i] == -1)
			continue;
		all[n].id = t->keys[i] / KEY_KINDS;
		all[n].team = t->keys[i] % KEY_KINDS == KEY_TEAM;
		all[n].named = t->keys[i] % KEY_KINDS == KEY_NAMED;
		all[n].visits = t->visits[i];
		all[n].people = t->people[i];
		n++;
	}
	qsort(all, n, sizeof(*all), most_first);
	keep = n > REPORT_VISITED_MAX ? REPORT_VISITED_MAX : (int)n;
	for (i = 0; i < (unsigned)keep; i++)
		name_of(db, &all[i]);
	if (n > (unsigned)keep) {
		struct report_visited *rest = &all[keep];

		rest->id = -1;
		rest->team = false;
		rest->named = false;
		for (i = keep + 1; i < n; i++) {
			rest->visits += all[i].visits;
			rest->people += all[i].people;
		}
		snprintf(rest->name, sizeof(rest->name), _("%u others"), n - keep);
		keep++;
	}
	r->visited = all;
	r->nvisited = keep;
	free(t->keys);
	free(t->visits);
	free(t->people);
	memset(t, 0, sizeof(*t));
	return HD_OK;
}
