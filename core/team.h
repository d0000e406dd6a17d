/* SPDX-License-Identifier: GPL-3.0-or-later */
/* team.h - the register of community activity teams (群众活动团队): their
 * filing data and state. The filing workflow builds on team_create(). */
#ifndef HD_TEAM_H
#define HD_TEAM_H

#include <stdbool.h>
#include <time.h>

#include "core/actor.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/lists.h"
#include "core/org.h"
#include "core/record.h"
#include "core/status.h"
#include "core/validate.h"

#define TEAM_MIN_MEMBERS 10
#define TEAM_MAX_MEMBERS 100000

enum team_state {
	TEAM_STATE_KEPT = 0,  /* team_update(): the state the team is in */
	TEAM_APPLIED = 1,     /* 待初审 */
	TEAM_REVIEWED = 2,    /* 已初审 */
	TEAM_FILED = 3,       /* 已备案 */
	TEAM_CLASSIFIED = 4,  /* 已分类 */
	TEAM_DEREGISTERED = 5 /* 已注销 */
};

/* The fields of a team, in the order of `hubdesk team apply` and the form
 * (columns as core/record.h says). */
// clang-format off
#define TEAM_FIELDS(X) \
	X(name,          "name",          REC_TEXT,   N_("Name"),                 "--name",          "名称",       1,  0, NAME_MAX_CHARS,   true,  NULL) \
	X(category,      "category",      REC_CHOICE, N_("Category"),             "--category",      "类别",       3,  0, 0,                true,  &LIST_TEAM_CATEGORY) \
	X(leader,        "leader",        REC_TEXT,   N_("Leader"),               "--leader",        "负责人",     4,  0, NAME_MAX_CHARS,   true,  NULL) \
	X(phone,         "phone",         REC_PHONE,  N_("Phone"),                "--phone",         "联系电话",   5,  0, 0,                true,  NULL) \
	X(members,       "members",       REC_NUMBER, N_("Members"),              "--members",       "人数",       6,  TEAM_MIN_MEMBERS, TEAM_MAX_MEMBERS, true, NULL) \
	X(content,       "content",       REC_TEXT,   N_("Activities"),           "--content",       "活动内容",   7,  0, TEXT_MAX_CHARS,   true,  NULL) \
	X(place,         "place",         REC_TEXT,   N_("Place"),                "--place",         "活动地点",   8,  0, TEXT_MAX_CHARS,   true,  NULL) \
	X(schedule,      "schedule",      REC_TEXT,   N_("Usual time"),           "--schedule",      "活动时间",   9,  0, TEXT_MAX_CHARS,   true,  NULL) \
	X(short_name,    "short",         REC_TEXT,   N_("Short name"),           "--short",         "简称",       2,  0, SHORT_MAX_CHARS,  false, NULL) \
	X(party_members, "party_members", REC_NUMBER, N_("Party members"),        "--party-members", "党员人数",   10, 0, TEAM_MAX_MEMBERS, false, NULL) \
	X(liaison,       "liaison",       REC_TEXT,   N_("Party liaison"),        "--liaison",       "党建联络员", 11, 0, NAME_MAX_CHARS,   false, NULL) \
	X(committee,     "committee",     REC_TEXT,   N_("Residents' committee"), "--committee",     "居委会",     12, 0, NAME_MAX_CHARS,   false, NULL) \
	X(street,        "street",        REC_TEXT,   N_("Street"),               "--street",        "街道",       13, 0, NAME_MAX_CHARS,   false, NULL)
// clang-format on

/* A team as entered: text NULL or "" when not given, numbers with their
 * given mark, the category a LIST_TEAM_CATEGORY number (0 none). Party
 * members are also at most the members (core checks). */
struct team_draft {
	TEAM_FIELDS(RECORD_MEMBER)
};

#define TEAM_INDEX(m, ...) TEAM_F_##m,
enum team_field { TEAM_FIELDS(TEAM_INDEX) TEAM_NFIELDS };

/* The team's field list, TEAM_NFIELDS fields indexed by enum team_field. */
extern const struct record_def TEAM_RECORD;

/* A team as the register keeps it. */
struct team {
	long long id;
	char name[NAME_BYTES], short_name[SHORT_BYTES], leader[NAME_BYTES], phone[PHONE_MAX];
	char committee[NAME_BYTES], street[NAME_BYTES], filed_date[DATE_LEN];
	int category; /* LIST_TEAM_CATEGORY number */
	enum team_state state;
	int members, party_members;
	char content[TEXT_BYTES], place[TEXT_BYTES], schedule[TEXT_BYTES], liaison[NAME_BYTES];
	char last_activity[DATE_LEN], checked_date[DATE_LEN]; /* "" when none */
	time_t last_booked; /* the start of its latest booking, 0 none */
};

/* A line of the roll: lists of teams hold these. */
struct team_brief {
	long long id;
	char name[NAME_BYTES], short_name[SHORT_BYTES], committee[NAME_BYTES];
	char filed_date[DATE_LEN], last_activity[DATE_LEN];
	int category, members;
	enum team_state state;
	bool check_due; /* the roll: its annual check is due */
	bool idle;      /* the roll: no booking or activity for six months */
};

/* A step of the filing workflow, as its history keeps it. */
struct team_step {
	time_t at;
	char actor[NAME_BYTES];
	enum team_state from, to; /* from is 0 for the application */
	char reason[TEXT_BYTES];
};

enum team_action { TEAM_REVIEW, TEAM_FILE, TEAM_CLASSIFY, TEAM_REOPEN, TEAM_DEREGISTER };

/* One team; HD_NOT_FOUND when the id is unknown. */
enum hd_status team_get(struct db *db, long long id, struct team *out, struct hd_err *err);

/* Checks every field and adds the team in state (TEAM_APPLIED for a new
 * application; the demo and imports give others), with its audit entry and
 * search index, in one transaction. filed_day (a day number, CLOCK_NO_DAY
 * for none) is kept for filed states. HD_BAD_INPUT naming the field (members below 10
 * among them); HD_REFUSED when the name is taken in the same residents'
 * committee. */
enum hd_status team_create(struct db *db, const struct hd_actor *who, const struct team_draft *d,
			   enum team_state state, long filed_day, long long *id,
			   struct hd_err *err);

/* Changes team id to the draft, every field checked as team_create()
 * does, in state (a change of state kept in the history with reason;
 * TEAM_STATE_KEPT keeps the one it is in at the moment of saving) and
 * filed_day (CLOCK_NO_DAY keeps the one it has), audited before and after
 * (staff). HD_REFUSED when another team of the committee has the name. */
enum hd_status team_update(struct db *db, const struct hd_actor *who, long long id,
			   const struct team_draft *d, enum team_state state, long filed_day,
			   const char *reason, struct hd_err *err);
/* A draft of team t as stored (its text pointing into t), for an edit
 * that changes some fields and keeps the others. */
void team_draft_of(const struct team *t, struct team_draft *d);

/* Every filing condition the draft does not meet (a proper name, a
 * category, a leader and phone, at least 10 members, activities, a usual
 * time and place), each in
 * plain words into why[0..max); returns how many. */
int team_unmet(const struct team_draft *d, char (*why)[HD_MSG_BYTES], int max);

/* A step of the workflow by staff: review (待初审 -> 已初审), file
 * (-> 已备案, the filing date today), classify (-> 已分类; arg a new category
 * or NULL), reopen (one state back; arg the reason), deregister (-> 已注销;
 * arg the reason). Filing with print set asks for the filing receipt in
 * the same transaction (core/print_request.h). A step already taken is HD_OK
 * with *already and *when (when it was taken) set; a step out of order is
 * HD_REFUSED naming the state. Each step is kept in the history and
 * audited. */
enum hd_status team_act(struct db *db, const struct hd_actor *who, long long id,
			enum team_action action, const char *arg, bool print, bool *already,
			time_t *when, struct hd_err *err);

/* Records an activity of the team on day (a day number, CLOCK_NO_DAY
 * today): it is alive, and its annual check is done (audited).
 * HD_BAD_INPUT naming the date when day is after today; HD_REFUSED for a
 * deregistered team or someone who may not; HD_NOT_FOUND for an unknown
 * team; HD_FAIL when the database fails. */
enum hd_status team_activity(struct db *db, const struct hd_actor *who, long long id, long day,
			     struct hd_err *err);

/* The team's workflow history, oldest first (malloc'd). HD_FAIL when the
 * database fails. */
enum hd_status team_history(struct db *db, long long id, struct team_step **out, int *n,
			    struct hd_err *err);

/* The teams in state (0: every state), by name (malloc'd). HD_FAIL when
 * the database fails. */
enum hd_status team_list(struct db *db, enum team_state state, struct team_brief **out, int *n,
			 struct hd_err *err);

/* The roll's upkeep: filed and classified teams whose annual check is due
 * (a year since it was filed or last checked) or that had no booking or
 * recorded activity for six months, by name (malloc'd). HD_FAIL when the
 * database fails. */
enum hd_status team_roll(struct db *db, struct team_brief **out, int *n, struct hd_err *err);

#endif
