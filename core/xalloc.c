/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xalloc.c - allocations that stop the program when memory runs out, and
 * the one abort() of the program (xalloc.h). */
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Not translated, and without printf: gettext and a format may need memory,
 * and the line is for whoever reads the log of a kiosk that stopped. */
_Noreturn void xabort(const char *why)
{
	fputs("hubdesk: ", stderr);
	fputs(why, stderr);
	fputc('\n', stderr);
	abort();
}

_Noreturn void xalloc_failed(void)
{
	xabort("out of memory");
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		xalloc_failed();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		xalloc_failed();
	return p;
}

void *xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);

	if (!q)
		xalloc_failed();
	return q;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *copy = xmalloc(len + 1);

	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

/* Through memcpy, not a cast to void **: the pointer pp points at may be of
 * any object pointer type, all of which have void *'s representation on the
 * systems hubdesk runs on (POSIX). */
void xfree(void *pp)
{
	void *p;

	memcpy(&p, pp, sizeof(p));
	free(p);
	p = NULL;
	memcpy(pp, &p, sizeof(p));
}
