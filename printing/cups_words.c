/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cups_words.c - the words for CUPS's states and reasons (cups.h): text
 * only, so that a screen or command can name a queue's state without
 * loading the printing stack. */
#include "printing/cups.h"

#include <string.h>

#include "core/i18n.h"

/* The printer-state-reasons a desk can act on, by the keyword's start (a
 * keyword may end in -error, -warning or -report). */
static const struct {
	const char *stem;
	const char *words; /* msgid */
} REASONS[] = {
	{ "media-empty", N_("out of paper") },
	{ "media-needed", N_("out of paper") },
	{ "media-jam", N_("paper jam") },
	{ "cover-open", N_("cover open") },
	{ "door-open", N_("cover open") },
	{ "offline", N_("offline") },
	{ "paused", N_("paused") },
	{ "toner-empty", N_("out of ink or toner") },
	{ "marker-supply-empty", N_("out of ink or toner") },
	{ "toner-low", N_("ink or toner low") },
	{ "marker-supply-low", N_("ink or toner low") },
	{ "connecting-to-device", N_("cannot reach the printer") },
	/* job-state-reasons of a job that did not print */
	{ "job-aborted-by-system", N_("the print service gave the job up") },
	{ "aborted-by-system", N_("the print service gave the job up") },
	{ "job-canceled", N_("the job was cancelled") },
	{ "printer-stopped", N_("the printer stopped") },
	{ "job-stopped", N_("the printer stopped") },
};

const char *cups_reason_words(const char *keyword)
{
	size_t i, n;

	for (i = 0; keyword && i < sizeof(REASONS) / sizeof(REASONS[0]); i++) {
		n = strlen(REASONS[i].stem);
		if (strncmp(keyword, REASONS[i].stem, n) == 0 &&
		    (keyword[n] == '\0' || keyword[n] == '-'))
			return _(REASONS[i].words);
	}
	return NULL;
}

const char *cups_condition_text(enum printer_condition c)
{
	switch (c) {
	case PRINTER_READY:
		return _("ready");
	case PRINTER_PRINTING:
		return _("printing");
	case PRINTER_STOPPED:
		return _("stopped");
	case PRINTER_UNKNOWN:
		return _("no such queue");
	case PRINTER_AWAY:
		return _("CUPS not reachable");
	}
	return "?";
}
