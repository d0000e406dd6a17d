/* SPDX-License-Identifier: GPL-3.0-or-later */
/* district.c - one read a centre, for every centre of a district. */
#include "core/district.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

enum hd_status district_check(struct db *db, struct hd_err *err)
{
	struct centre *c = NULL;
	long long bound = 0;
	bool held = true, owner = true;
	enum hd_status rc;
	int n = 0;

	if (!db_is_server(db))
		return hd_err_set(err, HD_BAD_INPUT, "--district", "%s",
				  _("--district: the district's figures need the district's "
				    "PostgreSQL database; a SQLite file holds one centre"));
	rc = centre_session(db, &bound, &held, &owner, err);
	if (rc != HD_OK)
		return rc;
	if (bound || !owner)
		return hd_err_set(err, HD_REFUSED, "--district", "%s",
				  _("--district: this database account serves one centre only; "
				    "the district reads every centre through the database's owner"));
	rc = centre_list(db, &c, &n, err);
	free(c);
	if (rc == HD_OK && !held && n > 1)
		rc = hd_err_set(err, HD_FAIL, "db", "%s",
				_("this database account is a superuser (or bypasses row security), "
				  "which PostgreSQL does not hold to one centre's rows: connect as "
				  "the database's owner"));
	return rc;
}

enum hd_status district_centres(struct db *db, struct centre **out, int *n, struct hd_err *err)
{
	enum hd_status rc = district_check(db, err);

	*out = NULL;
	*n = 0;
	if (rc != HD_OK)
		return rc;
	return centre_list(db, out, n, err);
}

enum hd_status district_each(struct db *db, district_fn fn, void *ctx, struct hd_err *err)
{
	long long served = db_centre(db);
	struct centre *c = NULL;
	struct hd_err ignored;
	enum hd_status rc;
	int n = 0, i;

	rc = district_centres(db, &c, &n, err);
	for (i = 0; rc == HD_OK && i < n; i++) {
		rc = db_set_centre(db, c[i].id, err);
		if (rc == HD_OK)
			rc = fn(db, &c[i], i, ctx, err);
	}
	if (db_centre(db) != served &&
	    db_set_centre(db, served, rc == HD_OK ? err : &ignored) != HD_OK && rc == HD_OK)
		rc = HD_FAIL;
	free(c);
	return rc;
}

/* What district_report() asks of each centre. */
struct report_ask {
	long first, last;
	long long centre;
	report_progress_fn progress;
	void *ctx;
	struct report *out;
	bool found;
};

static enum hd_status report_centre(struct db *db, const struct centre *c, int index, void *ctx,
				    struct hd_err *err)
{
	struct report_ask *ask = ctx;
	struct report r = { 0 };
	enum hd_status rc;

	(void)index;
	if (ask->centre && ask->centre != c->id)
		return HD_OK;
	ask->found = true;
	rc = report_build(db, ask->first, ask->last, ask->progress, ask->ctx,
			  ask->centre ? ask->out : &r, err);
	if (rc == HD_OK && !ask->centre)
		report_add(ask->out, &r, c->code);
	report_free(&r);
	return rc;
}

enum hd_status district_report(struct db *db, long first, long last, long long centre,
			       report_progress_fn progress, void *ctx, struct report *out,
			       struct hd_err *err)
{
	struct report_ask ask = { first, last, centre, progress, ctx, out, false };
	enum hd_status rc;

	memset(out, 0, sizeof(*out));
	rc = district_each(db, report_centre, &ask, err);
	if (rc == HD_OK && !ask.found)
		rc = hd_err_set(err, HD_NOT_FOUND, "--centre", "%s",
				_("--centre: no such centre in this database"));
	if (rc == HD_OK && !centre)
		report_sum_finish(out);
	return rc;
}
