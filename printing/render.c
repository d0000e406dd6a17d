/* SPDX-License-Identifier: GPL-3.0-or-later */
/* render.c - making a requested document by its kind. */
#include "printing/render.h"

#include "core/i18n.h"
#include "printing/filing.h"
#include "printing/output.h"
#include "printing/receipt.h"
#include "printing/slip.h"

static enum hd_status route(struct db *db, enum spool_kind kind, enum spool_format *f, char *queue,
			    size_t qsz, int *width, struct hd_err *err)
{
	if (!spool_kind_of_record(kind))
		return hd_err_set(err, HD_BAD_INPUT, "kind", _("unknown kind of document: %s"),
				  spool_kind_text(kind));
	return output_choose_for(db, kind == SPOOL_KIND_TEAM ? OUTPUT_A4 : OUTPUT_RECEIPT, NULL,
				 NULL, queue, qsz, f, width, err);
}

enum hd_status render_route(struct db *db, enum spool_kind kind, enum spool_format *f, char *queue,
			    size_t qsz, struct hd_err *err)
{
	int width;

	return route(db, kind, f, queue, qsz, &width, err);
}

enum hd_status render_request(struct db *db, enum spool_kind kind, long long record_id, int copy,
			      enum spool_format *f, char *queue, size_t qsz, unsigned char **bytes,
			      size_t *len, struct hd_err *err)
{
	struct doc *d = NULL;
	enum hd_status rc;
	int width;

	*bytes = NULL;
	*len = 0;
	rc = route(db, kind, f, queue, qsz, &width, err);
	if (rc != HD_OK)
		return rc;
	if (kind == SPOOL_KIND_VISITOR)
		rc = slip_document(db, record_id, copy > 1, &d, err);
	else if (kind == SPOOL_KIND_BOOKING)
		rc = receipt_document(db, record_id, copy > 1, &d, err);
	else
		rc = filing_document(db, record_id, copy > 1, *f == SPOOL_PDF, &d, err);
	if (rc == HD_OK)
		rc = output_render(d, *f, width, bytes, len, err);
	doc_free(&d);
	return rc;
}
