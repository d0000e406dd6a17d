/* SPDX-License-Identifier: GPL-3.0-or-later */
/* visit.h - visitors: check-in and check-out, who is here, returning
 * visitors found by phone, its last four digits or the start of a name,
 * and forgetting: a person's name, phone and notes are erased on request
 * or after retention.days, from the visits, the audit log and the print
 * spool, while every count (dates, times, purpose, party, whom) stays. */
#ifndef HD_VISIT_H
#define HD_VISIT_H

#include <stdbool.h>
#include <time.h>

#include "core/access.h"
#include "core/actor.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/record.h"
#include "core/status.h"
#include "core/validate.h"

#define VISIT_PARTY_MAX 500
#define VISIT_NOTE_MAX_CHARS 100

/* The fields of a visit, in the order of `visitor checkin` (columns as
 * core/record.h says). org and team are ids; whom names whom they visit in
 * words (a member of staff) instead. */
// clang-format off
#define VISIT_FIELDS(X) \
	X(name,    "name",    REC_TEXT,   N_("Visitor"),      "--name",    NULL, 0, 0, NAME_MAX_CHARS,       true,  NULL) \
	X(phone,   "phone",   REC_PHONE,  N_("Phone"),        "--phone",   NULL, 0, 0, 0,                    false, NULL) \
	X(purpose, "purpose", REC_CHOICE, N_("Purpose"),      "--purpose", NULL, 0, 0, 0,                    true,  &LIST_PURPOSE) \
	X(org,     "org",     REC_ID,     N_("Organisation"), "--org",     NULL, 0, 0, 0,                    false, NULL) \
	X(team,    "team",    REC_ID,     N_("Team"),         "--team",    NULL, 0, 0, 0,                    false, NULL) \
	X(whom,    "whom",    REC_TEXT,   N_("Visiting"),     "--whom",    NULL, 0, 0, NAME_MAX_CHARS,       false, NULL) \
	X(party,   "party",   REC_NUMBER, N_("Party"),        "--party",   NULL, 0, 1, VISIT_PARTY_MAX,      false, NULL) \
	X(note,    "note",    REC_TEXT,   N_("Note"),         "--note",    NULL, 0, 0, VISIT_NOTE_MAX_CHARS, false, NULL)
// clang-format on

/* A visit as entered: text NULL or "" when not given, the purpose a
 * LIST_PURPOSE number, org and team ids (0 none), the party a number (1
 * when not given). */
struct visit_draft {
	VISIT_FIELDS(RECORD_MEMBER)
	bool under14, guardian_consent;
	long long person_id; /* a returning visitor picked from the hints, or 0 */
	bool print;          /* ask for the slip in the same transaction (core/print_request.h) */
};

#define VISIT_INDEX(m, ...) VISIT_F_##m,
enum visit_field { VISIT_FIELDS(VISIT_INDEX) VISIT_NFIELDS };

/* The visit's field list, VISIT_NFIELDS fields indexed by enum
 * visit_field. */
extern const struct record_def VISIT_RECORD;

struct visit {
	long long id;
	long long person_id;   /* 0 once erased */
	char name[NAME_BYTES]; /* "" once erased */
	char phone[PHONE_MAX]; /* normalised, "" when none or erased */
	int purpose;           /* LIST_PURPOSE number */
	long long org_id, team_id;
	char whom[NAME_BYTES]; /* the organisation's or team's name, or whom in words; "" none */
	int party;
	char note[TEXT_BYTES];
	bool under14, guardian_consent, auto_out, erased;
	time_t time_in, time_out; /* time_out 0 while present */
};

/* A returning visitor offered while the form is typed. */
struct visitor_hint {
	long long person_id;
	char name[NAME_BYTES];
	char masked[PHONE_MAX + 8]; /* "138****5678", "" without a phone */
	time_t last_visit;
};

/* Checks every field and checks the visitor in now (one transaction with
 * its audit entry). Under-14 visitors need staff and the guardian's
 * consent. HD_BAD_INPUT naming the field; HD_REFUSED for the role;
 * HD_NOT_FOUND for an unknown organisation or team. */
enum hd_status visit_checkin(struct db *db, const struct hd_actor *who, const struct visit_draft *d,
			     long long *id, struct hd_err *err);

/* Checks visit id out now. how is VIA_SCAN when a slip was scanned. A
 * second check-out is HD_OK with *already set and *first the time of the
 * first. HD_NOT_FOUND for an unknown id. */
enum hd_status visit_checkout(struct db *db, const struct hd_actor *who, long long id,
			      enum access_via how, bool *already, time_t *first,
			      struct hd_err *err);

/* Reads a code or an id given to check-out: an id in digits, or a visitor
 * slip's QR text. HD_FORGED for forged text; HD_BAD_INPUT for a code of
 * another kind (a booking or team code). */
enum hd_status visit_code(struct db *db, const struct hd_actor *who, const char *text,
			  long long *id, bool *scanned, struct hd_err *err);

/* One visit (personal data as stored; callers mask). HD_NOT_FOUND when
 * the id is unknown; HD_FAIL when the database fails. */
enum hd_status visit_get(struct db *db, long long id, struct visit *out, struct hd_err *err);

/* Everyone in now, by time in, into a malloc'd array (the caller frees).
 * Whoever came before the last closing time counts as out already.
 * HD_FAIL when the database fails. */
enum hd_status visit_present(struct db *db, struct visit **out, int *n, struct hd_err *err);

/* Whether the visitor of d (the person picked, or the same name and phone)
 * is here now: HD_OK with their visit in out, HD_NOT_FOUND when not. For
 * the desk's question before checking the same person in twice. */
enum hd_status visit_here_now(struct db *db, const struct visit_draft *d, struct visit *out,
			      struct hd_err *err);

/* Every visit not checked out, whatever its day (for the automatic
 * check-out), by time in. HD_FAIL when the database fails. */
enum hd_status visit_open(struct db *db, struct visit **out, int *n, struct hd_err *err);

/* Every visit of a person, newest first. HD_FAIL when the database fails. */
enum hd_status visit_history(struct db *db, long long person_id, struct visit **out, int *n,
			     struct hd_err *err);

/* The visits of the local day day (a day number), by time in, into a
 * malloc'd array (the caller frees). HD_FAIL when the database fails. */
enum hd_status visit_on_date(struct db *db, long day, struct visit **out, int *n,
			     struct hd_err *err);

/* Returning visitors for what is typed: a phone (whole), its last four
 * digits, or the start of a name (lower-case letters also as the pinyin of
 * a name from its start: zsf or zhangsanf find 张三丰, after names that
 * begin with the letters themselves); newest first, at most max. HD_FAIL
 * when the database fails. */
enum hd_status visit_hints(struct db *db, const char *typed, struct visitor_hint *out, int max,
			   int *n, struct hd_err *err);

/* Erases the personal data of the person of visit id (from all their
 * visits, the audit log and the spool): staff only, HD_REFUSED for anyone
 * else. HD_NOT_FOUND when the id is unknown; HD_FAIL when the database
 * fails. */
enum hd_status visit_erase(struct db *db, const struct hd_actor *who, long long id,
			   struct hd_err *err);

/* Erases everything of person person_id (staff), and notes the number, so
 * that maintenance erases them from the backups it keeps too. HD_REFUSED
 * for someone not staff; HD_FAIL when the database fails. */
enum hd_status visit_erase_person(struct db *db, const struct hd_actor *who, long long person_id,
				  struct hd_err *err);

/* In db (a backup, or a database restored), erases again every person
 * erased on request in from and keeps the record of it; *count counts the
 * visits erased. HD_FAIL when either database fails. */
enum hd_status visit_erase_again(struct db *db, struct db *from, const struct hd_actor *who,
				 int *count, struct hd_err *err);

/* Erases the personal data of visits older than retention.days; *erased
 * counts the visits. For maintenance. HD_FAIL when the database fails. */
enum hd_status visit_retention(struct db *db, const struct hd_actor *who, int *erased,
			       struct hd_err *err);

/* The retention erase of the visits that came in before a time (a backup
 * is erased by the database's own retention.days). HD_FAIL when the
 * database fails. */
enum hd_status visit_retention_before(struct db *db, const struct hd_actor *who, time_t before,
				      int *erased, struct hd_err *err);

/* Checks out, marked automatic, everyone still in whose day has reached
 * closing.time. *count counts them. HD_FAIL when the database fails. */
enum hd_status visit_close_day(struct db *db, const struct hd_actor *who, int *count,
			       struct hd_err *err);

#endif
