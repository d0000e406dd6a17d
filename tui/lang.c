/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lang.c - locale and gettext set-up. */
#include "tui/lang.h"

#include "config.h"

#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/self.h"

static bool english;

bool lang_english(void)
{
	return english;
}

static bool is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* The catalogue beside the program when it runs from its build tree (the
 * program at the top, or its sanitised build in build/san), else the
 * installed one. */
static void bind_catalogue(void)
{
	static const char *const BESIDE[] = { "/build/locale", "/../locale" };
	char exe[PATH_MAX], dir[PATH_MAX + 32];
	struct stat sb;
	size_t i;

	for (i = 0; self_dir(exe, sizeof(exe)) && i < sizeof(BESIDE) / sizeof(BESIDE[0]); i++) {
		snprintf(dir, sizeof(dir), "%s%s", exe, BESIDE[i]);
		if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			bindtextdomain("hubdesk", dir);
			bind_textdomain_codeset("hubdesk", "UTF-8");
			return;
		}
	}
	bindtextdomain("hubdesk", LOCALEDIR);
	bind_textdomain_codeset("hubdesk", "UTF-8");
}

static bool locale_is_english(void)
{
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v;
	int i;

	for (i = 0; i < 3; i++) {
		v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "en", 2) == 0 && (v[2] == '_' || v[2] == '.' || !v[2]);
	}
	return false;
}

/* A locale that is not UTF-8 is switched to C.UTF-8; where a system lacks
 * that one (older glibc without the Debian patch), to another common UTF-8
 * locale, since only the character set matters here. */
static bool switch_to_utf8(void)
{
	static const char *const fallback[] = { "C.UTF-8", "zh_CN.UTF-8", "en_US.UTF-8" };
	size_t i;

	for (i = 0; i < sizeof(fallback) / sizeof(fallback[0]); i++)
		if (setlocale(LC_ALL, fallback[i]) && is_utf8())
			return true;
	setlocale(LC_ALL, "C");
	return false;
}

enum hd_status lang_setup(const char *forced, struct hd_err *err)
{
	setlocale(LC_ALL, "");
	if (!is_utf8() && !switch_to_utf8())
		return hd_err_set(
			err, HD_FAIL, "",
			"hubdesk needs a UTF-8 terminal and locale (e.g. LANG=zh_CN.UTF-8)");
	english = forced ? strcmp(forced, "en") == 0 : locale_is_english();
	if (english) {
		setenv("LANGUAGE", "en", 1);
	} else {
		/* gettext translates only outside the C locale: take zh_CN for
		 * messages when the environment names no other language. */
		if (!setlocale(LC_MESSAGES, "zh_CN.UTF-8"))
			setlocale(LC_MESSAGES, "C.UTF-8");
		setenv("LANGUAGE", "zh_CN", 1);
	}
	bind_catalogue();
	textdomain("hubdesk");
	return HD_OK;
}
