/* SPDX-License-Identifier: GPL-3.0-or-later */
/* district.c - one read a centre, for every centre of a district. */
#include "core/district.h"

#include <stdlib.h>

#include "core/i18n.h"

enum hd_status district_check(struct db *db, struct hd_err *err)
{
	struct centre *c = NULL;
	long long bound = 0;
	bool held = true;
	enum hd_status rc;
	int n = 0;

	if (!db_is_server(db))
		return hd_err_set(err, HD_BAD_INPUT, "--district", "%s",
				  _("--district: the district's figures need the district's "
				    "PostgreSQL database; a SQLite file holds one centre"));
	rc = centre_session(db, &bound, &held, err);
	if (rc != HD_OK)
		return rc;
	if (bound)
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
