/* SPDX-License-Identifier: GPL-3.0-or-later */
/* stack.c - the program's side of the printing module (stack.h): it finds
 * and loads hubdesk-print.so on first use, and the functions that need
 * cairo, pango, libqrencode or libcups reach it through its table. Linked
 * into the program only (the tests link the module's files themselves). */
#include "printing/stack.h"

#include "config.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/self.h"
#include "core/text.h"
#include "printing/escpos.h"
#include "printing/pdf.h"
#include "printing/report_pdf.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const struct print_stack *stack;
static char why[512]; /* why the last load failed */

/* Loads path: the table, or NULL with why said. */
static const struct print_stack *load(const char *path)
{
	const struct print_stack *t;
	void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);

	if (!h) {
		snprintf(why, sizeof(why), "%s", dlerror());
		return NULL;
	}
	t = dlsym(h, PRINT_STACK_SYMBOL);
	if (!t || t->size != sizeof(struct print_stack)) {
		snprintf(why, sizeof(why), _("%s is from another build of hubdesk"), path);
		dlclose(h);
		return NULL;
	}
	return t; /* the module stays for the process's life */
}

/* The module beside the program in its build tree (the sanitised build in
 * build/san keeps its own), else the installed one. */
static const struct print_stack *find(void)
{
	static const char *const BESIDE[] = { "/", "/build/" };
	char dir[PATH_MAX], path[PATH_MAX + 64];
	size_t i;

	for (i = 0; self_dir(dir, sizeof(dir)) && i < sizeof(BESIDE) / sizeof(BESIDE[0]); i++) {
		snprintf(path, sizeof(path), "%s%s%s", dir, BESIDE[i], PRINT_STACK_MODULE);
		if (access(path, F_OK) == 0)
			return load(path);
	}
	snprintf(path, sizeof(path), "%s/%s", MODULEDIR, PRINT_STACK_MODULE);
	return load(path);
}

enum hd_status print_stack(const struct print_stack **out, struct hd_err *err)
{
	pthread_mutex_lock(&lock);
	if (!stack)
		stack = find();
	*out = stack;
	pthread_mutex_unlock(&lock);
	if (*out)
		return HD_OK;
	return hd_err_set(err, HD_FAIL, "",
			  _("the printing module cannot be loaded (install hubdesk whole): %s"),
			  why);
}

bool print_stack_loaded(void)
{
	bool loaded;

	pthread_mutex_lock(&lock);
	loaded = stack != NULL;
	pthread_mutex_unlock(&lock);
	return loaded;
}

enum hd_status escpos_render(const struct doc *d, int width_mm, unsigned char **out, size_t *len,
			     struct hd_err *err)
{
	const struct print_stack *s;

	*out = NULL;
	if (print_stack(&s, err) != HD_OK)
		return HD_FAIL;
	return s->escpos_render(d, width_mm, out, len, err);
}

enum hd_status pdf_render(const struct doc *d, unsigned char **out, size_t *len, struct hd_err *err)
{
	const struct print_stack *s;

	*out = NULL;
	if (print_stack(&s, err) != HD_OK)
		return HD_FAIL;
	return s->pdf_render(d, out, len, err);
}

void pdf_release_fonts(void)
{
	const struct print_stack *s;

	/* Nothing was rendered when the module was never loaded. */
	if (print_stack_loaded() && print_stack(&s, NULL) == HD_OK)
		s->pdf_release_fonts();
}

enum hd_status report_pdf_write(const struct report *r, const char *centre, const char *path,
				struct hd_err *err)
{
	const struct print_stack *s;

	if (print_stack(&s, err) != HD_OK)
		return HD_FAIL;
	return s->report_pdf_write(r, centre, path, err);
}

enum hd_status cups_submit(const char *queue, const char *format, const char *title,
			   const unsigned char *data, size_t len, int *job, enum print_fault *fault,
			   struct hd_err *err)
{
	const struct print_stack *s;

	if (print_stack(&s, err) != HD_OK) {
		*fault = PRINT_FAULT_OTHER;
		return HD_FAIL;
	}
	return s->cups_submit(queue, format, title, data, len, job, fault, err);
}

void cups_state(const char *queue, struct printer_state *out)
{
	const struct print_stack *s;
	struct hd_err err = { 0 };

	if (print_stack(&s, &err) == HD_OK) {
		s->cups_state(queue, out);
		return;
	}
	memset(out, 0, sizeof(*out));
	out->condition = PRINTER_AWAY;
	text_cut(err.msg, (int)sizeof(out->message), out->message, sizeof(out->message));
}

enum job_end cups_job_end(int job, const char *title, char *why_out, size_t whysz)
{
	const struct print_stack *s;

	if (print_stack(&s, NULL) != HD_OK)
		return JOB_UNREACHABLE;
	return s->cups_job_end(job, title, why_out, whysz);
}

enum hd_status cups_destinations(char ***names, int *n, struct hd_err *err)
{
	const struct print_stack *s;

	*names = NULL;
	*n = 0;
	if (print_stack(&s, err) != HD_OK)
		return HD_FAIL;
	return s->cups_destinations(names, n, err);
}

void cups_names_free(char **names, int n)
{
	const struct print_stack *s;

	/* Only a loaded module gave names to free. */
	if (names && print_stack(&s, NULL) == HD_OK)
		s->cups_names_free(names, n);
}
