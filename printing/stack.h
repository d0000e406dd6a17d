/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stack.h - the printing stack: the files that call cairo, pango,
 * libqrencode and libcups (cups.c, escpos.c, pdf.c, report_pdf.c and
 * report_pdf_draw.c) are built into a module of their own,
 * hubdesk-print.so, which the program loads with dlopen the first time it
 * renders or sends a document or asks CUPS something. A command or screen
 * that prints nothing never maps those libraries nor the dozens they pull
 * in (glib, fontconfig, harfbuzz, GnuTLS, Kerberos ...), and starts in a
 * fraction of the time.
 *
 * In the program, the functions of cups.h, escpos.h, pdf.h and
 * report_pdf.h that need the libraries are reached through the module's
 * table (stack.c); the tests and the bench link those files themselves. The
 * module calls back into the program for the rest (doc.h, text.h ...): the
 * program exports just the functions the module names (Makefile:
 * build/print.dynlist). When the module cannot be loaded, printing fails
 * with a message naming it, like any failed print: the record is saved and
 * its document waits in the spool. */
#ifndef HD_STACK_H
#define HD_STACK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/report.h"
#include "core/status.h"
#include "printing/cups.h"
#include "printing/doc.h"

#define PRINT_STACK_MODULE "hubdesk-print.so"
/* The table's symbol in the module. */
#define PRINT_STACK_SYMBOL "hubdesk_print_stack"

/* What the module offers: the functions of the same names. */
struct print_stack {
	size_t size; /* sizeof(struct print_stack) when built: a module of another build is refused */
	enum hd_status (*escpos_render)(const struct doc *d, int width_mm, unsigned char **out,
					size_t *len, struct hd_err *err);
	enum hd_status (*pdf_render)(const struct doc *d, unsigned char **out, size_t *len,
				     struct hd_err *err);
	void (*pdf_release_fonts)(void);
	enum hd_status (*report_pdf_write)(const struct report *r, const char *centre,
					   const char *path, struct hd_err *err);
	enum hd_status (*cups_submit)(const char *queue, const char *format, const char *title,
				      const unsigned char *data, size_t len, int *job,
				      enum print_fault *fault, struct hd_err *err);
	void (*cups_state)(const char *queue, struct printer_state *out);
	enum job_end (*cups_job_end)(int job, const char *title, char *why, size_t whysz);
	enum hd_status (*cups_destinations)(char ***names, int *n, struct hd_err *err);
	void (*cups_names_free)(char **names, int n);
};

/* Loads the module once per process (any thread may ask), from beside the
 * program when it runs from its build tree, else from where it is
 * installed: HD_OK with *out, or HD_FAIL with a message naming the module
 * and why it cannot be loaded. */
enum hd_status print_stack(const struct print_stack **out, struct hd_err *err);

/* True once the module is loaded (nothing to release before). */
bool print_stack_loaded(void);

#endif
