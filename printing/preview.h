/* SPDX-License-Identifier: GPL-3.0-or-later */
/* preview.h - a document as plain text for the screen, so the desk sees what
 * will be printed: lines wrapped to the width, the QR as its text in
 * brackets. */
#ifndef HD_PREVIEW_H
#define HD_PREVIEW_H

#include "printing/doc.h"

/* The preview of d, cols display columns wide (at least 8), as
 * newline-separated lines, each at most cols columns as text_width()
 * measures; controls and invalid bytes are shown as U+FFFD, so the text is
 * safe to draw. Returns a malloc'd string the caller frees; allocation
 * failure aborts. */
char *preview_text(const struct doc *d, int cols);

#endif
