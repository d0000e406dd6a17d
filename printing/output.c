/* SPDX-License-Identifier: GPL-3.0-or-later */
/* output.c - choosing the queue and rendering for it. */
#include "printing/output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/settings.h"
#include "printing/escpos.h"
#include "printing/pdf.h"

enum hd_status output_choose(struct db *db, const char *queue, const char *format, char *q,
			     size_t qsz, enum spool_format *f, int *width_mm, struct hd_err *err)
{
	return output_choose_for(db, OUTPUT_RECEIPT, queue, format, q, qsz, f, width_mm, err);
}

enum hd_status output_choose_for(struct db *db, enum output_printer prefer, const char *queue,
				 const char *format, char *q, size_t qsz, enum spool_format *f,
				 int *width_mm, struct hd_err *err)
{
	char receipt[SETTING_VALUE_MAX], a4[SETTING_VALUE_MAX];
	const char *first, *second;

	settings_text(db, SET_PRINTER_RECEIPT, receipt, sizeof(receipt));
	settings_text(db, SET_PRINTER_A4, a4, sizeof(a4));
	first = prefer == OUTPUT_A4 ? a4 : receipt;
	second = prefer == OUTPUT_A4 ? receipt : a4;
	if (queue)
		snprintf(q, qsz, "%s", queue);
	else
		snprintf(q, qsz, "%s", first[0] ? first : second);
	*width_mm = (int)settings_int(db, SET_PRINTER_RECEIPT_WIDTH);
	if (!format)
		*f = q[0] && strcmp(q, receipt) == 0 ? SPOOL_ESCPOS : SPOOL_PDF;
	else if (strcmp(format, "escpos") == 0)
		*f = SPOOL_ESCPOS;
	else if (strcmp(format, "pdf") == 0)
		*f = SPOOL_PDF;
	else
		return hd_err_set(err, HD_BAD_INPUT, "format", _("format: escpos or pdf, not %s"),
				  format);
	return HD_OK;
}

enum hd_status output_render(const struct doc *d, enum spool_format f, int width_mm,
			     unsigned char **bytes, size_t *len, struct hd_err *err)
{
	if (f == SPOOL_ESCPOS)
		return escpos_render(d, width_mm, bytes, len, err);
	return pdf_render(d, bytes, len, err);
}

enum hd_status output_print(struct db *db, const struct hd_actor *who, enum spool_kind kind,
			    long long record_id, const struct doc *d, enum spool_format f,
			    int width_mm, const char *q, struct spool_outcome *out,
			    struct hd_err *err)
{
	unsigned char *bytes = NULL;
	long long spool_id;
	enum hd_status rc;
	size_t len = 0;

	memset(out, 0, sizeof(*out));
	rc = output_render(d, f, width_mm, &bytes, &len, err);
	if (rc != HD_OK)
		spool_defer(db, kind, record_id, err ? err->msg : NULL, NULL);
	else
		rc = spool_print(db, who, kind, record_id, f, q, bytes, len, &spool_id, out, err);
	free(bytes);
	return rc;
}
