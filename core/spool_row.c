/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spool_row.c - the kinds and states of spool_row.h, to and from their
 * stored text. */
#include "core/spool_row.h"

#include <string.h>

#include "core/i18n.h"

static const struct {
	const char *text, *words;
	bool of_record;
} KINDS[SPOOL_KIND_COUNT] = {
#define SPOOL_KIND_ROW(id, text, words, of_record) [id] = { text, words, of_record },
	SPOOL_KINDS(SPOOL_KIND_ROW)
#undef SPOOL_KIND_ROW
};

static const char *const STATES[SPOOL_STATE_COUNT] = {
#define SPOOL_STATE_ROW(id, text) [id] = text,
	SPOOL_STATES(SPOOL_STATE_ROW)
#undef SPOOL_STATE_ROW
};

static bool is_kind(enum spool_kind k)
{
	return (int)k >= 0 && k < SPOOL_KIND_COUNT;
}

const char *spool_kind_text(enum spool_kind k)
{
	return is_kind(k) ? KINDS[k].text : "?";
}

enum spool_kind spool_kind_of(const char *text)
{
	int i;

	for (i = 0; text && i < SPOOL_KIND_COUNT; i++)
		if (strcmp(text, KINDS[i].text) == 0)
			return (enum spool_kind)i;
	return SPOOL_KIND_COUNT;
}

const char *spool_kind_words(enum spool_kind k)
{
	return is_kind(k) ? _(KINDS[k].words) : "?";
}

bool spool_kind_of_record(enum spool_kind k)
{
	return is_kind(k) && KINDS[k].of_record;
}

const char *spool_state_text(enum spool_state s)
{
	return (int)s >= 0 && s < SPOOL_STATE_COUNT ? STATES[s] : "?";
}

enum spool_state spool_state_of(const char *text)
{
	int i;

	for (i = 0; text && i < SPOOL_STATE_COUNT; i++)
		if (strcmp(text, STATES[i]) == 0)
			return (enum spool_state)i;
	return SPOOL_STATE_COUNT;
}
