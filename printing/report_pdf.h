/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report_pdf.h - a report (core/report.h) as an A4 PDF for the street and
 * the district (`hubdesk report --pdf FILE`): visits with bar charts per day
 * and by hour, rooms with their use and a weekday x hour heat map, teams and
 * organisations; counts only, like the report itself. */
#ifndef HD_REPORT_PDF_H
#define HD_REPORT_PDF_H

#include "core/report.h"
#include "core/status.h"

/* Writes r as an A4 PDF (more pages when it does not fit on one) to path:
 * first to path.tmp, then renamed into place, so path is either the old file
 * or the whole new one. centre (the centre's name, NULL for none) heads the
 * first page and the footer of each. HD_FAIL naming the path when the file
 * cannot be written or cairo fails; then neither path.tmp nor a new path is
 * left behind. */
enum hd_status report_pdf_write(const struct report *r, const char *centre, const char *path,
				struct hd_err *err);

#endif
