/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c - global options, language, then the command line or the
 * full-screen app. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/dblock.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "printing/pdf.h"
#include "tui/app.h"
#include "tui/cli.h"
#include "tui/lang.h"

#define DESK_MAX_CHARS 20

static char default_db[PATH_MAX + 16];

/* $XDG_DATA_HOME/hubdesk/hubdesk.db (or ~/.local/share/...), making the
 * folder when it is missing. */
static const char *default_db_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char dir[PATH_MAX];

	if (xdg && *xdg)
		snprintf(dir, sizeof(dir), "%s/hubdesk", xdg);
	else if (home && *home)
		snprintf(dir, sizeof(dir), "%s/.local/share/hubdesk", home);
	else
		return NULL;
	snprintf(default_db, sizeof(default_db), "%s/hubdesk.db", dir);
	for (char *p = dir + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	}
	mkdir(dir, 0700);
	return default_db;
}

static void default_desk(char *out, size_t outsz)
{
	const char *tty = isatty(STDIN_FILENO) ? ttyname(STDIN_FILENO) : NULL;

	if (tty && strncmp(tty, "/dev/", 5) == 0)
		tty += 5;
	snprintf(out, outsz, "%s", tty && *tty ? tty : "cli");
}

/* Takes the value of a global option "--name VALUE" or "--name=VALUE". */
static int global_value(int argc, char **argv, int *i, const char *name, const char **out)
{
	size_t len = strlen(name);

	if (strncmp(argv[*i], name, len) != 0)
		return 0;
	if (argv[*i][len] == '=') {
		*out = argv[*i] + len + 1;
		return 1;
	}
	if (argv[*i][len] != '\0')
		return 0;
	if (*i + 1 >= argc)
		return -1;
	*out = argv[++*i];
	return 1;
}

/* The language --lang gave before an error in the options ("zh" or "en"),
 * or NULL for the environment's. */
static const char *lang_given(const char *lang)
{
	return lang && (strcmp(lang, "zh") == 0 || strcmp(lang, "en") == 0) ? lang : NULL;
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx;
	const char *desk = NULL;
	struct hd_err err;
	int i, got, rc;

	/* Every file and folder hubdesk makes holds personal data or leads to
	 * it: the owner's alone. */
	umask(077);
	memset(&ctx, 0, sizeof(ctx));
	ctx.lock_fd = -1;
	for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if ((got = global_value(argc, argv, &i, "--db", &ctx.db_path)) ||
		    (got = global_value(argc, argv, &i, "--lang", &ctx.lang)) ||
		    (got = global_value(argc, argv, &i, "--desk", &desk)) ||
		    (got = global_value(argc, argv, &i, "--centre", &ctx.centre))) {
			if (got < 0) {
				lang_setup(lang_given(ctx.lang), &err);
				fprintf(stderr, _("hubdesk: %s needs a value\n"), argv[i]);
				return HD_BAD_INPUT;
			}
			continue;
		}
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "--version") == 0)
			break;
		lang_setup(lang_given(ctx.lang), &err);
		fprintf(stderr, _("hubdesk: unknown option %s (see hubdesk --help)\n"), argv[i]);
		return HD_BAD_INPUT;
	}
	if (ctx.lang && strcmp(ctx.lang, "zh") != 0 && strcmp(ctx.lang, "en") != 0) {
		lang_setup(NULL, &err);
		fprintf(stderr, _("hubdesk: --lang: zh or en, not %s\n"), ctx.lang);
		return HD_BAD_INPUT;
	}
	if (lang_setup(ctx.lang, &err) != HD_OK) {
		fprintf(stderr, "hubdesk: %s\n", err.msg);
		return HD_FAIL;
	}
	if (i < argc && strcmp(argv[i], "--help") == 0) {
		cli_usage();
		return HD_OK;
	}
	if (i < argc && strcmp(argv[i], "--version") == 0) {
		printf("hubdesk %s\n", VERSION);
		return HD_OK;
	}
	if (clock_check_env(&err) != HD_OK)
		return cli_report(&err);
	if (!ctx.db_path) {
		const char *env = getenv("HUBDESK_DB");

		ctx.db_path = env && *env ? env : default_db_path();
	}
	if (!ctx.centre) {
		const char *env = getenv("HUBDESK_CENTRE");

		ctx.centre = env && *env ? env : NULL;
	}
	if (!ctx.db_path)
		return cli_say(HD_BAD_INPUT,
			       _("no database path: give --db PATH or set HUBDESK_DB"));
	/* The desk's name goes into the audit and the history: a name like
	 * any other, 1 to 20 characters without control characters. */
	if (desk && valid_text(desk, "--desk", 1, DESK_MAX_CHARS, ctx.desk, sizeof(ctx.desk),
			       &err) != HD_OK)
		return cli_report(&err);
	if (!desk)
		default_desk(ctx.desk, sizeof(ctx.desk));
	ctx.actor = actor_command_line(ctx.desk);
	if (i < argc)
		cli_guard_terminal();
	rc = i >= argc ? app_run(&ctx) : cli_run(&ctx, argc - i, argv + i);
	db_close(ctx.db);
	dblock_release(ctx.lock_fd);
	/* The fonts PDF rendering kept are let go; cairo's own static data goes
	 * with the process (resetting it, as the tests do, can abort after a
	 * saved record while a font is still referenced). */
	pdf_release_fonts();
	return rc;
}
