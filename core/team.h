/* team.h - the register of community activity teams (群众活动团队): their
 * filing data and state. The filing workflow builds on team_create(). */
#ifndef HD_TEAM_H
#define HD_TEAM_H

#include <sqlite3.h>

#include "core/actor.h"
#include "core/org.h"
#include "core/status.h"
#include "core/validate.h"

#define TEAM_MIN_MEMBERS 10
#define TEAM_MAX_MEMBERS 100000

enum team_state {
	TEAM_APPLIED = 1,     /* 待初审 */
	TEAM_REVIEWED = 2,    /* 已初审 */
	TEAM_FILED = 3,       /* 已备案 */
	TEAM_CLASSIFIED = 4,  /* 已分类 */
	TEAM_DEREGISTERED = 5 /* 已注销 */
};

/* A team as entered, in the order of `hubdesk team apply`; NULL or "" when
 * an optional field is not given. */
struct team_draft {
	const char *name, *category, *leader, *phone, *members, *content, *place, *schedule;
	const char *short_name, *party_members, *liaison, *committee, *street;
};

/* A team as the register keeps it. */
struct team {
	long long id;
	char name[NAME_BYTES], short_name[SHORT_BYTES], leader[NAME_BYTES], phone[PHONE_MAX];
	char committee[NAME_BYTES], street[NAME_BYTES], filed_date[DATE_LEN];
	int category; /* LIST_TEAM_CATEGORY number */
	enum team_state state;
	int members, party_members;
};

/* One team; HD_NOT_FOUND when the id is unknown. */
enum hd_status team_get(sqlite3 *db, long long id, struct team *out, struct hd_err *err);

/* Checks every field and adds the team in state (TEAM_APPLIED for a new
 * application; the demo and imports give others), with its audit entry and
 * search index, in one transaction. filed_date ("YYYY-MM-DD" or NULL) is
 * kept for filed states. HD_BAD_INPUT naming the field (members below 10
 * among them); HD_REFUSED when the name is taken in the same residents'
 * committee. */
enum hd_status team_create(sqlite3 *db, const struct hd_actor *who, const struct team_draft *d,
			   enum team_state state, const char *filed_date, long long *id,
			   struct hd_err *err);

#endif
