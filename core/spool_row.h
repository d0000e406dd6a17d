/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spool_row.h - the words of a print spool row: its kind of document and its
 * state, one table each mapping the enum to the text the spool table stores
 * (and its CHECK allows). Code names kinds and states by their enum; the
 * text is met only when a row is written or read, and inside SQL. */
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

/* state, stored text. */
// clang-format off
#define SPOOL_STATES(X)                                                                            \
	X(SPOOL_STATE_WAITING,  "waiting")  /* to be sent (again) */                               \
	X(SPOOL_STATE_SENDING,  "sending")  /* claimed by a desk, or a request being made */       \
	X(SPOOL_STATE_PRINTING, "printing") /* CUPS has it; followed until its job ends */         \
	X(SPOOL_STATE_DONE,     "done")     /* printed, or no longer needed */
// clang-format on

#define SPOOL_STATE_ENUM(id, text) id,
enum spool_state { SPOOL_STATES(SPOOL_STATE_ENUM) SPOOL_STATE_COUNT };
#undef SPOOL_STATE_ENUM

/* The stored text of kind k ("visitor" ...), "?" for no kind; static. */
const char *spool_kind_text(enum spool_kind k);

/* The kind whose stored text is text; SPOOL_KIND_COUNT when none is. */
enum spool_kind spool_kind_of(const char *text);

/* Kind k in words for people (访客单, 预约回执 ...), translated; static. */
const char *spool_kind_words(enum spool_kind k);

/* True for the document of a record (visitor, booking, team), false for a
 * document that is its own record (test page, list) or no kind. */
bool spool_kind_of_record(enum spool_kind k);

/* The stored text of state s ("waiting" ...), "?" for no state; static. */
const char *spool_state_text(enum spool_state s);

/* The state whose stored text is text; SPOOL_STATE_COUNT when none is. */
enum spool_state spool_state_of(const char *text);

#endif
