/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdf.h - a document as an A4 PDF (cairo and pango) for the office printer:
 * CJK text in WenQuanYi Micro Hei (else Noto Sans CJK SC, else sans), the
 * QR drawn as vector squares about 40 mm wide with its text large beneath,
 * the footer at the foot of each page. */
#ifndef HD_PDF_H
#define HD_PDF_H

#include <stddef.h>

#include "core/status.h"
#include "printing/doc.h"

/* Renders d as an A4 PDF (more pages when it does not fit on one). On HD_OK
 * *out holds a malloc'd PDF of *len bytes, which the caller frees. Statuses:
 * HD_BAD_INPUT for a QR text that cannot be encoded, HD_FAIL when cairo
 * fails; then *out is NULL and err says why. */
enum hd_status pdf_render(const struct doc *d, unsigned char **out, size_t *len,
			  struct hd_err *err);

/* Releases the fonts pango keeps for the whole process (the program calls
 * it at exit). Rendering afterwards works but loads the fonts again. */
void pdf_release_fonts(void);

#endif
