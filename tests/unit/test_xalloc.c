/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_xalloc.c - the out-of-memory policy: allocations never give NULL,
 * xfree() nulls, and memory that is not there stops with one line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/xalloc.h"

/* Under AddressSanitizer an allocation too large gives NULL, as the C
 * library's does, instead of a report: the policy is what is tested. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

/* More than any machine has, yet not a "negative" size valgrind calls an
 * error. */
#define TOO_MUCH (SIZE_MAX / 2)
#define OOM_LINE "hubdesk: out of memory\n"

enum stop_how { STOP_MALLOC, STOP_CALLOC, STOP_REALLOC, STOP_XABORT };

/* Runs the stop in a child with its standard error in a pipe; gives how it
 * ended and what it wrote. */
static int stopped(enum stop_how how, char *said, size_t saidsz)
{
	struct rlimit no_core = { 0, 0 };
	int fds[2], status = 0;
	size_t got = 0;
	ssize_t r;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		setrlimit(RLIMIT_CORE, &no_core);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		if (how == STOP_MALLOC)
			xmalloc(TOO_MUCH);
		else if (how == STOP_CALLOC)
			xcalloc(TOO_MUCH, 4);
		else if (how == STOP_REALLOC)
			xrealloc(NULL, TOO_MUCH);
		else
			xabort("the grid has a room twice");
		_exit(0);
	}
	close(fds[1]);
	while (got + 1 < saidsz && (r = read(fds[0], said + got, saidsz - 1 - got)) > 0)
		got += (size_t)r;
	said[got] = '\0';
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void test_memory_not_there_stops_with_one_line(void **state)
{
	enum stop_how how;
	char said[256];
	int status;

	(void)state;
	for (how = STOP_MALLOC; how <= STOP_REALLOC; how++) {
		status = stopped(how, said, sizeof(said));
		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), SIGABRT);
		/* AddressSanitizer warns first; the line is the last. */
		assert_true(strlen(said) >= strlen(OOM_LINE));
		assert_string_equal(said + strlen(said) - strlen(OOM_LINE), OOM_LINE);
	}
}

static void test_xabort_says_why(void **state)
{
	char said[256];
	int status;

	(void)state;
	status = stopped(STOP_XABORT, said, sizeof(said));
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
	assert_string_equal(said, "hubdesk: the grid has a room twice\n");
}

static void test_size_zero_still_gives_memory(void **state)
{
	void *a = xmalloc(0), *b = xcalloc(0, 0), *c = xrealloc(NULL, 0);

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	free(a);
	free(b);
	free(c);
}

static void test_xcalloc_zeroes_and_xrealloc_keeps_the_bytes(void **state)
{
	unsigned char *p = xcalloc(64, 1);
	int i;

	(void)state;
	for (i = 0; i < 64; i++)
		assert_int_equal(p[i], 0);
	memset(p, 'x', 64);
	p = xrealloc(p, 4096);
	for (i = 0; i < 64; i++)
		assert_int_equal(p[i], 'x');
	free(p);
}

static void test_xstrdup_and_xstrndup_copy(void **state)
{
	char *a = xstrdup("阳光街道"), *b = xstrndup("abcdef", 3), *c = xstrndup("ab", 10);

	(void)state;
	assert_string_equal(a, "阳光街道");
	assert_string_equal(b, "abc");
	assert_string_equal(c, "ab");
	free(a);
	free(b);
	free(c);
}

static void test_xfree_frees_and_nulls(void **state)
{
	char *s = xstrdup("booking");
	long long *ids = xcalloc(4, sizeof(*ids));
	char *none = NULL;

	(void)state;
	xfree(&s);
	xfree(&ids);
	xfree(&none);
	assert_null(s);
	assert_null(ids);
	assert_null(none);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memory_not_there_stops_with_one_line),
		cmocka_unit_test(test_xabort_says_why),
		cmocka_unit_test(test_size_zero_still_gives_memory),
		cmocka_unit_test(test_xcalloc_zeroes_and_xrealloc_keeps_the_bytes),
		cmocka_unit_test(test_xstrdup_and_xstrndup_copy),
		cmocka_unit_test(test_xfree_frees_and_nulls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
