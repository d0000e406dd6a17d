/* SPDX-License-Identifier: GPL-3.0-or-later */
/* slip.c - the visitor slip. */
#include "printing/slip.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/access.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/settings.h"
#include "core/token.h"
#include "core/visit.h"
#include "printing/doc.h"
#include "printing/output.h"

static struct doc *build(struct db *db, const struct visit *v, const char *token, bool reprint)
{
	char centre[NAME_BYTES], phone[PHONE_MAX + 8], when[32], party[16], privacy[256];
	struct doc *d = doc_new(_("Visitor slip"));

	settings_text(db, SET_CENTRE_NAME, centre, sizeof(centre));
	d->reprint = reprint;
	doc_text(d, centre, true, false);
	doc_rule(d);
	doc_line(d, _("Visitor"), v->name);
	if (*v->phone) {
		phone_mask(v->phone, phone, sizeof(phone));
		doc_line(d, _("Phone"), phone);
	}
	doc_line(d, _("Purpose"), list_label(&LIST_PURPOSE, v->purpose));
	if (*v->whom)
		doc_line(d, _("Visiting"), v->whom);
	clock_local_datetime(v->time_in, when, sizeof(when));
	doc_line(d, _("Time in"), when);
	snprintf(party, sizeof(party), "%d", v->party);
	doc_line(d, _("Party"), party);
	doc_rule(d);
	doc_qr(d, token);
	doc_text(d, _("Show this slip when you leave."), false, false);
	snprintf(
		privacy, sizeof(privacy),
		_("Your name and phone are kept %ld days for the centre's visitor records, then erased."),
		settings_int(db, SET_RETENTION_DAYS));
	doc_footer(d, centre, clock_now(), privacy);
	return d;
}

enum hd_status slip_document(struct db *db, long long id, bool reprint, struct doc **out,
			     struct hd_err *err)
{
	char token[TOKEN_MAX];
	struct visit v;
	enum hd_status rc;

	*out = NULL;
	rc = visit_get(db, id, &v, err);
	if (rc == HD_OK)
		rc = token_make(db, TOKEN_VISIT, id, token, sizeof(token), err);
	if (rc == HD_OK)
		*out = build(db, &v, token, reprint);
	return rc;
}

enum hd_status slip_print(struct db *db, const struct hd_actor *who, long long id,
			  const char *queue, const char *format, struct spool_outcome *out,
			  struct hd_err *err)
{
	char q[SPOOL_QUEUE_MAX];
	struct doc *d = NULL;
	enum spool_format f;
	enum hd_status rc;
	int width;

	rc = access_require(db, who, ACC_VISITOR, err);
	if (rc == HD_OK)
		rc = output_choose(db, queue, format, q, sizeof(q), &f, &width, err);
	if (rc == HD_OK)
		rc = slip_document(db, id, spool_copies(db, SPOOL_KIND_VISITOR, id) > 0, &d, err);
	if (rc != HD_OK)
		return rc;
	rc = output_print(db, who, SPOOL_KIND_VISITOR, id, d, f, width, q, out, err);
	doc_free(&d);
	return rc;
}
