/* SPDX-License-Identifier: GPL-3.0-or-later */
/* xalloc.h - one out-of-memory policy: allocations that stop the program
 * with a message instead of returning NULL, the free-and-null helper, and
 * xabort(), the one way to stop on an impossible state (no bare abort call). */
#ifndef HD_XALLOC_H
#define HD_XALLOC_H

#include <stddef.h>

/* malloc(), calloc() and realloc() that print "hubdesk: out of memory" on
 * standard error and abort when the memory is not there. A size of 0 is
 * taken as 1, so that what they return is never NULL. The caller owns the
 * memory and frees it with free() or xfree(). */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);

/* A malloc'd copy of s (not NULL), and of at most its first n bytes (NUL
 * added); the caller frees it. Out of memory stops as xmalloc() does. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Frees the pointer whose address pp is (char **, struct team ** ...) and
 * sets it to NULL: xfree(&p). pp may point at NULL; pp itself must not be
 * NULL. */
void xfree(void *pp);

/* Stops as the functions above do when memory another library allocates
 * (the database library, u8_normalize(), open_memstream()) is not there. */
_Noreturn void xalloc_failed(void);

/* Prints "hubdesk: why" on standard error and aborts: for a state the
 * program cannot be in (a broken invariant), never for what a person or a
 * file can cause, which is an error the caller handles. */
_Noreturn void xabort(const char *why);

#endif
