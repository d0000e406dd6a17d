/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lists.h - the fixed lists of DESIGN.md (purposes, room kinds, organisation
 * kinds, team categories, team states, roles): one table each, with the
 * number (part of the command line), a code word, the Chinese and the English
 * name. */
#ifndef HD_LISTS_H
#define HD_LISTS_H

#include "core/status.h"

struct hd_choice {
	int number;       /* 1-based, as on the command line */
	const char *code; /* English code word accepted on the command line, or NULL */
	const char *zh;   /* Chinese name (CSV and reports always use it) */
	const char *en;   /* English name, also the gettext msgid of the label */
};

struct hd_list {
	const char *field; /* English field name, a gettext msgid ("purpose") */
	const struct hd_choice *items;
	int count;
};

extern const struct hd_list LIST_PURPOSE;
extern const struct hd_list LIST_ROOM_KIND;
extern const struct hd_list LIST_ORG_KIND;
extern const struct hd_list LIST_TEAM_CATEGORY;
extern const struct hd_list LIST_TEAM_STATE;
extern const struct hd_list LIST_ROLE;

/* The entry of number n, or NULL when n is not in the list. */
const struct hd_choice *list_get(const struct hd_list *list, int n);

/* The label of number n in the interface language ("?" when unknown). */
const char *list_label(const struct hd_list *list, int n);

/* Reads a choice given by number, Chinese name, English name or code word
 * (case-insensitive, surrounding spaces ignored) into *n. HD_BAD_INPUT naming
 * the field and the allowed values when it is not in the list. */
enum hd_status list_parse(const struct hd_list *list, const char *text, int *n, struct hd_err *err);

#endif
