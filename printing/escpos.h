/* SPDX-License-Identifier: GPL-3.0-or-later */
/* escpos.h - a document as an ESC/POS job for a thermal receipt printer with
 * Chinese fonts: GB18030 text in Chinese mode, the QR as a GS v 0 raster
 * image, a cut at the end. 58 mm paper: 32 columns, 384 dots; 80 mm paper:
 * 48 columns, 576 dots. */
#ifndef HD_ESCPOS_H
#define HD_ESCPOS_H

#include <stddef.h>

#include "core/status.h"
#include "printing/doc.h"

/* Renders d for paper width_mm wide (58 or 80). On HD_OK *out holds a
 * malloc'd job of *len bytes, which the caller frees. Statuses: HD_BAD_INPUT
 * for another paper width or a QR text that cannot be encoded, HD_FAIL when
 * GB18030 conversion is unavailable; then *out is NULL and err says why.
 * Text GB18030 cannot take (invalid bytes, controls) is printed as '?'. */
enum hd_status escpos_render(const struct doc *d, int width_mm, unsigned char **out, size_t *len,
			     struct hd_err *err);

/* Finds the first GS v 0 raster image in buf (len bytes). Returns 1 and sets
 * *offset to its first data byte, *width_bytes and *height (rows; each row is
 * width_bytes bytes, most significant bit first, 1 = black); 0 when there is
 * none or it is cut short. */
int escpos_find_raster(const unsigned char *buf, size_t len, size_t *offset, int *width_bytes,
		       int *height);

#endif
