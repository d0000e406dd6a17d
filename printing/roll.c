/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roll.c - the printed list of who is here. */
#include "printing/roll.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/access.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/settings.h"
#include "core/visit.h"
#include "printing/doc.h"
#include "printing/output.h"

static struct doc *build(struct db *db, const struct visit *in, int n)
{
	char centre[NAME_BYTES], line[NAME_BYTES + 64], when[16], count[64];
	struct doc *d = doc_new(_("Who is here"));
	int i, heads = 0;

	settings_text(db, SET_CENTRE_NAME, centre, sizeof(centre));
	for (i = 0; i < n; i++)
		heads += in[i].party;
	snprintf(count, sizeof(count), _("%d visits in, %d people"), n, heads);
	doc_text(d, count, true, true);
	doc_rule(d);
	for (i = 0; i < n; i++) {
		clock_local_hm(in[i].time_in, when, sizeof(when));
		snprintf(line, sizeof(line), "%s  %s  x%d  %s", when, in[i].name, in[i].party,
			 list_label(&LIST_PURPOSE, in[i].purpose));
		doc_text(d, line, false, false);
	}
	doc_rule(d);
	doc_footer(d, centre, clock_now(),
		   _("For the fire warden: check off everyone, then destroy."));
	return d;
}

enum hd_status roll_print(struct db *db, const struct hd_actor *who, struct spool_outcome *out,
			  struct hd_err *err)
{
	char queue[SPOOL_QUEUE_MAX];
	unsigned char *bytes = NULL;
	struct visit *in = NULL;
	enum spool_format f;
	struct doc *d;
	enum hd_status rc;
	long long id;
	size_t len = 0;
	int n = 0, width;

	rc = access_require(db, who, ACC_VISITOR, err);
	if (rc == HD_OK)
		rc = output_choose(db, NULL, NULL, queue, sizeof(queue), &f, &width, err);
	if (rc == HD_OK)
		rc = visit_present(db, &in, &n, err);
	if (rc != HD_OK)
		return rc;
	d = build(db, in, n);
	free(in);
	rc = output_render(d, f, width, &bytes, &len, err);
	doc_free(&d);
	if (rc == HD_OK)
		rc = spool_print(db, who, SPOOL_KIND_LIST, 0, f, queue, bytes, len, &id, out, err);
	free(bytes);
	return rc;
}
