/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_out.c - what a command prints to a terminal. Text from the database
 * or the command line may hold escape sequences, C1 controls, direction
 * overrides or invalid UTF-8; on a terminal these would act instead of
 * showing. When standard output or standard error is a terminal, it goes
 * through a filter that shows each such character as U+FFFD (as the screens
 * do); written to a file or a pipe, output keeps the stored bytes. */
#define _GNU_SOURCE /* fopencookie */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/text.h"
#include "tui/cli.h"

/* A terminal stream's state: the fd it writes to and the start of a
 * character split between two writes. */
struct guard {
	int fd;
	char pending[4];
	size_t npending;
};

static struct guard OUT_GUARD = { STDOUT_FILENO, { 0 }, 0 };
static struct guard ERR_GUARD = { STDERR_FILENO, { 0 }, 0 };

static void put(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0 && (w = write(fd, s, n)) > 0) {
		s += w;
		n -= (size_t)w;
	}
}

/* The bytes a character starting with lead has, 0 when lead starts none. */
static size_t char_len(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if ((lead & 0xF0) == 0xE0)
		return 3;
	return lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
}

/* True when s (n bytes) is the start of a character cut off by the end of
 * a write. */
static bool cut_off(const char *s, size_t n)
{
	size_t want = char_len((unsigned char)s[0]), i;

	if (want <= n)
		return false;
	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return false;
	return true;
}

/* Shows s (n bytes, whole characters or invalid ones) on g's terminal. */
static void show(struct guard *g, const char *s, size_t n)
{
	static const char REPLACEMENT[] = "\xEF\xBF\xBD";
	size_t i = 0, from = 0;
	uint32_t cp;
	int k;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k > 0 && (!text_is_control(cp) || cp == '\n' || cp == '\t')) {
			i += (size_t)k;
			continue;
		}
		put(g->fd, s + from, i - from);
		put(g->fd, REPLACEMENT, sizeof(REPLACEMENT) - 1);
		i += k > 0 ? (size_t)k : 1;
		from = i;
	}
	put(g->fd, s + from, n - from);
}

/* line on standard error as it is for each carriage return, filtered
 * like all the rest otherwise. */
static void show_progress_text(const char *line)
{
	const char *cr;

	while ((cr = strchr(line, '\r')) != NULL) {
		show(&ERR_GUARD, line, (size_t)(cr - line));
		put(STDERR_FILENO, "\r", 1);
		line = cr + 1;
	}
	show(&ERR_GUARD, line, strlen(line));
}

static ssize_t guard_write(void *cookie, const char *buf, size_t size)
{
	struct guard *g = cookie;
	size_t take, tail, have, done = 0;
	char joined[8];

	/* A character begun in the last write is finished first. */
	if (g->npending) {
		have = g->npending;
		take = char_len((unsigned char)g->pending[0]) - have;
		take = take < size ? take : size;
		memcpy(joined, g->pending, have);
		memcpy(joined + have, buf, take);
		g->npending = 0;
		if (cut_off(joined, have + take)) {
			memcpy(g->pending, joined, have + take);
			g->npending = have + take;
			return (ssize_t)size;
		}
		show(g, joined, have + take);
		buf += take;
		size -= take;
		done += take;
	}
	/* A character cut off at the end waits for the next write. */
	for (tail = size < 3 ? size : 3; tail > 0; tail--)
		if (cut_off(buf + size - tail, tail))
			break;
	show(g, buf, size - tail);
	memcpy(g->pending, buf + size - tail, tail);
	g->npending = tail;
	return (ssize_t)(done + size);
}

static int guard_close(void *cookie)
{
	struct guard *g = cookie;

	if (g->npending)
		show(g, g->pending, g->npending);
	g->npending = 0;
	return 0;
}

/* Replaces *stream with a filtered one writing to g's fd. */
static void guard(FILE **stream, struct guard *g, int mode)
{
	cookie_io_functions_t io = { .read = NULL,
				     .write = guard_write,
				     .seek = NULL,
				     .close = guard_close };
	FILE *f;

	fflush(*stream);
	f = fopencookie(g, "w", io);
	if (!f)
		return;
	setvbuf(f, NULL, mode, BUFSIZ);
	*stream = f;
}

void cli_guard_terminal(void)
{
	if (isatty(STDOUT_FILENO))
		guard(&stdout, &OUT_GUARD, _IOLBF);
	if (isatty(STDERR_FILENO))
		guard(&stderr, &ERR_GUARD, _IONBF);
}

void cli_progress(const char *fmt, ...)
{
	char line[512];
	va_list ap;

	if (!isatty(STDERR_FILENO))
		return;
	fflush(stderr);
	line[0] = '\r';
	va_start(ap, fmt);
	vsnprintf(line + 1, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	/* Shown through the filter but for the carriage returns, which are
	 * the program's own. */
	show_progress_text(line);
}
