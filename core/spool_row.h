/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spool_row.h - the words of a print spool row: its kind of document, one
 * table mapping the enum to the text the spool table stores (and its CHECK
 * allows). Code names kinds by their enum; the text is met only when a row
 * is written or read. */
#ifndef HD_SPOOL_ROW_H
#define HD_SPOOL_ROW_H

#include <stdbool.h>

/* kind, stored text, words for people (msgid), whether the document is of a
 * record (a visit, a booking, a team) or its own record (a test page, a list
 * of who is here). */
// clang-format off
#define SPOOL_KINDS(X)                                                                             \
	X(SPOOL_KIND_VISITOR, "visitor", N_("visitor slip"),        true)                          \
	X(SPOOL_KIND_BOOKING, "booking", N_("booking receipt"),     true)                          \
	X(SPOOL_KIND_TEAM,    "team",    N_("filing receipt"),      true)                          \
	X(SPOOL_KIND_TEST,    "test",    N_("test page"),           false)                         \
	X(SPOOL_KIND_LIST,    "list",    N_("list of who is here"), false)
// clang-format on

#define SPOOL_KIND_ENUM(id, text, words, of_record) id,
enum spool_kind { SPOOL_KINDS(SPOOL_KIND_ENUM) SPOOL_KIND_COUNT };
#undef SPOOL_KIND_ENUM

/* The stored text of kind k ("visitor" ...), "?" for no kind; static. */
const char *spool_kind_text(enum spool_kind k);

/* The kind whose stored text is text; SPOOL_KIND_COUNT when none is. */
enum spool_kind spool_kind_of(const char *text);

/* Kind k in words for people (访客单, 预约回执 ...), translated; static. */
const char *spool_kind_words(enum spool_kind k);

/* True for the document of a record (visitor, booking, team), false for a
 * document that is its own record (test page, list) or no kind. */
bool spool_kind_of_record(enum spool_kind k);

#endif
