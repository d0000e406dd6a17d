/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stack_table.c - the printing module's one exported symbol: its table of
 * functions (stack.h). */
#include "printing/stack.h"

#include "printing/escpos.h"
#include "printing/pdf.h"
#include "printing/report_pdf.h"

extern const struct print_stack hubdesk_print_stack;

__attribute__((visibility("default"))) const struct print_stack hubdesk_print_stack = {
	.size = sizeof(struct print_stack),
	.escpos_render = escpos_render,
	.pdf_render = pdf_render,
	.pdf_release_fonts = pdf_release_fonts,
	.report_pdf_write = report_pdf_write,
	.cups_submit = cups_submit,
	.cups_state = cups_state,
	.cups_job_end = cups_job_end,
	.cups_destinations = cups_destinations,
	.cups_names_free = cups_names_free,
};
