/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pdfutil.h - what the unit tests that render PDFs share: LeakSanitizer's
 * suppression of fontconfig, read from the program itself (fontconfig 2.14
 * loses a block while parsing its XML configuration, once per process, out
 * of our reach; the fast unwinder stops inside libfontconfig, which has no
 * frame pointers, so the library is named; anything we leak ourselves is
 * allocated from our code, pango or glib and still reported), and a group
 * teardown releasing the fonts pango keeps (cairo's own caches stay
 * reachable: resetting them asserts on fonts a fallback still holds).
 * Include it in one file of a test program. */
#ifndef HD_PDFUTIL_H
#define HD_PDFUTIL_H

#include "printing/pdf.h"

const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static inline int pdf_group_teardown(void **state)
{
	(void)state;
	pdf_release_fonts();
	return 0;
}

#endif
