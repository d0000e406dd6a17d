/* SPDX-License-Identifier: GPL-3.0-or-later */
/* testpage.c - building, rendering and spooling the printer test page. */
#include "printing/testpage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/token.h"
#include "printing/doc.h"
#include "printing/output.h"

/* Fixed Chinese samples: the page exists to show the printer's Chinese. */
static const char SAMPLE_ZH[] = "中文打印测试：机构、团队、场地预约";
static const char SAMPLE_ZH2[] = "访客登记 · 群众活动团队备案 · 已备案 已分类";

static struct doc *build(struct db *db, const char *queue, enum spool_format f, int width_mm,
			 const char *token)
{
	char centre[SETTING_VALUE_MAX], when[32], paper[32];
	time_t now = clock_now();
	struct doc *d = doc_new(_("Print test page"));

	settings_text(db, SET_CENTRE_NAME, centre, sizeof(centre));
	clock_local_datetime(now, when, sizeof(when));
	if (f == SPOOL_ESCPOS)
		snprintf(paper, sizeof(paper), _("%d mm receipt"), width_mm);
	else
		snprintf(paper, sizeof(paper), "%s", _("A4"));
	doc_line(d, _("Centre"), centre);
	doc_line(d, _("Printer"), queue[0] ? queue : _("none set"));
	doc_line(d, _("Paper"), paper);
	doc_line(d, _("Printed at"), when);
	doc_rule(d);
	doc_text(d, SAMPLE_ZH, true, false);
	doc_text(d, SAMPLE_ZH2, false, false);
	doc_text(d, "ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789", false, false);
	doc_rule(d);
	doc_text(d, _("Scan the code: the desk should read the text printed beneath it."), false,
		 false);
	doc_qr(d, token);
	doc_footer(d, centre, now, NULL);
	return d;
}

enum hd_status testpage_print(struct db *db, const struct hd_actor *who, const char *queue,
			      const char *format, long long *spool_id, char *token, size_t tokensz,
			      struct spool_outcome *out, struct hd_err *err)
{
	char q[SETTING_VALUE_MAX];
	enum spool_format f = SPOOL_PDF;
	unsigned char *bytes = NULL;
	size_t len = 0;
	struct doc *d;
	enum hd_status rc;
	int width_mm, copy;

	memset(out, 0, sizeof(*out));
	*spool_id = 0;
	if (tokensz)
		token[0] = '\0';
	rc = output_choose(db, queue, format, q, sizeof(q), &f, &width_mm, err);
	if (rc != HD_OK)
		return rc;
	rc = access_require(db, who, ACC_ADMIN, err);
	if (rc != HD_OK)
		return rc;
	/* The row first: the page's QR names its own print job. */
	rc = spool_reserve(db, SPOOL_KIND_TEST, 0, f, q, spool_id, &copy, err);
	if (rc != HD_OK)
		return rc;
	rc = token_make(db, TOKEN_PAGE, *spool_id, token, tokensz, err);
	if (rc != HD_OK)
		goto fail;
	d = build(db, q, f, width_mm, token);
	rc = output_render(d, f, width_mm, &bytes, &len, err);
	doc_free(&d);
	if (rc != HD_OK)
		goto fail;
	rc = spool_send(db, who, *spool_id, bytes, len, out, err);
	free(bytes);
	if (rc != HD_OK)
		*spool_id = 0;
	return rc;
fail:
	spool_cancel(db);
	*spool_id = 0;
	if (tokensz)
		token[0] = '\0';
	return rc;
}
