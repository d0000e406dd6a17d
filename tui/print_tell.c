/* SPDX-License-Identifier: GPL-3.0-or-later */
/* print_tell.c - what became of a printed document, on the status line. */
#include "tui/print_tell.h"

#include "printing/slip.h"

void print_tell(struct app *a, enum hd_status rc, const struct spool_outcome *out,
		const struct hd_err *err)
{
	if (rc != HD_OK)
		app_message(a, ROLE_ERROR, "%s", err->msg);
	else
		app_message(a, out->delivered ? ROLE_OK : ROLE_WARNING, "%s", out->message);
}

void print_slip_again(struct app *a, long long visit_id)
{
	struct spool_outcome out;
	struct hd_err err;
	enum hd_status rc;

	rc = slip_print(a->db, &a->actor, visit_id, NULL, NULL, &out, &err);
	print_tell(a, rc, &out, &err);
}
