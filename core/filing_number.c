/* SPDX-License-Identifier: GPL-3.0-or-later */
/* filing_number.c - reading a team's filing number. The numbers are given
 * by the triggers of schema migration 16. */
#include "core/filing_number.h"

#include "core/db.h"

struct number_row {
	char *out;
	size_t outsz;
};

static void read_number(struct db_stmt *st, void *rec)
{
	struct number_row *r = rec;

	db_column_text(st, 0, r->out, r->outsz);
}

enum hd_status filing_number_get(struct db *db, long long id, char *out, size_t outsz,
				 struct hd_err *err)
{
	struct number_row r = { out, outsz };
	enum hd_status rc;

	*out = '\0';
	rc = db_read_one(db, "SELECT number FROM filing_number WHERE team_id = $1", id, read_number,
			 &r, err);
	return rc == HD_NOT_FOUND ? HD_OK : rc;
}
