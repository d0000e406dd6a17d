/* SPDX-License-Identifier: GPL-3.0-or-later */
/* termwidth.c - asking the terminal how wide it draws a block character. */
#include "tui/termwidth.h"

#include <curses.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/clock.h"

#define WAIT_MS 300

/* Reads the answer to a cursor position report, "ESC [ row ; col R", into
 * *col; false when none comes in time. */
static bool read_position(int *col)
{
	char buf[64];
	size_t n = 0;
	int64_t until = clock_monotonic_ms() + WAIT_MS, left;
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	int row;
	char *esc;

	while (n + 1 < sizeof(buf) && (left = until - clock_monotonic_ms()) > 0) {
		if (poll(&p, 1, (int)left) <= 0)
			break;
		if (read(STDIN_FILENO, buf + n, 1) != 1)
			break;
		if (buf[n++] == 'R')
			break;
	}
	buf[n] = '\0';
	esc = strrchr(buf, '\033');
	return esc && sscanf(esc, "\033[%d;%dR", &row, col) == 2;
}

bool term_ambiguous_wide(void)
{
	static const char ASK[] = "\0337\033[1;1H\xe2\x96\x88\033[6n\0338";
	static int known = -1;
	int col = 0;

	if (known >= 0)
		return known == 1;
	known = 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return false;
	refresh();
	if (write(STDOUT_FILENO, ASK, sizeof(ASK) - 1) != (ssize_t)(sizeof(ASK) - 1))
		return false;
	if (read_position(&col))
		known = col >= 3;
	else
		tcflush(STDIN_FILENO, TCIFLUSH); /* no answer in time: none read as keys later */
	clearok(curscr, TRUE);
	return known == 1;
}
