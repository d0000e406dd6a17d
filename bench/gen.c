/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen.c - `hubdesk-bench gen`: a new database holding a large register of
 * rooms, organisations and teams, added through the core's own actions in
 * one transaction, then visitors and bookings written straight into their
 * tables. The same seed and sizes always give the same data. */
#include "bench/bench.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/actor.h"
#include "core/clock.h"
#include "core/db_sqlite.h"
#include "core/org.h"
#include "core/room.h"
#include "core/setup.h"
#include "core/team.h"
#include "core/xalloc.h"

#define BENCH_MAX_RECORDS 1000000ull
#define BENCH_MAX_VISITS 10000000ull
#define GEN_CACHE_KIB 1048576 /* page cache while generating: the indexes stay in memory */
#define REROLLS 8             /* new names tried before a number is added */
#define DAY 86400
/* Dates (residence terms, filing dates) count back from the fixed date. */
#define BASE_TIME BENCH_BASE_TIME

/* The centre's rooms. */
static const struct room_draft ROOMS[] = {
	{ "一楼多功能厅", 3, { 80, true }, NULL, NULL, { 30, true } },
	{ "一楼洽谈室", 6, { 6, true }, NULL, NULL, { 0 } },
	{ "一楼路演厅", 5, { 60, true }, "09:00", "18:00", { 15, true } },
	{ "一楼党群活动室", 2, { 30, true }, NULL, NULL, { 0 } },
	{ "一楼儿童之家", 7, { 20, true }, "09:00", "17:00", { 0 } },
	{ "二楼会议室A", 1, { 20, true }, NULL, NULL, { 0 } },
	{ "二楼会议室B", 1, { 12, true }, NULL, NULL, { 0 } },
	{ "二楼会议室C", 1, { 8, true }, NULL, NULL, { 0 } },
	{ "二楼培训室", 4, { 40, true }, NULL, NULL, { 15, true } },
	{ "二楼洽谈室一", 6, { 6, true }, NULL, NULL, { 0 } },
	{ "二楼洽谈室二", 6, { 4, true }, NULL, NULL, { 0 } },
	{ "三楼舞蹈活动室", 2, { 30, true }, "08:30", "21:00", { 15, true } },
	{ "三楼书画室", 7, { 16, true }, "08:00", "17:00", { 0 } },
	{ "三楼合唱排练室", 2, { 40, true }, "08:30", "21:00", { 15, true } },
	{ "三楼阅览室", 7, { 24, true }, NULL, NULL, { 0 } },
	{ "三楼培训室", 4, { 50, true }, NULL, NULL, { 15, true } },
	{ "四楼会议室", 1, { 30, true }, NULL, NULL, { 0 } },
	{ "四楼多功能厅", 3, { 120, true }, NULL, NULL, { 30, true } },
	{ "四楼心理咨询室", 7, { 4, true }, "09:00", "17:00", { 0 } },
	{ "四楼创客空间", 2, { 20, true }, NULL, NULL, { 0 } },
};

#define ROOM_COUNT ((int)(sizeof(ROOMS) / sizeof(ROOMS[0])))
_Static_assert(ROOM_COUNT == BENCH_NAMED_ROOMS, "gen_rooms.c numbers the rooms after these");

/* Names taken so far, as an open-addressing hash set of owned copies. */
struct nameset {
	char **slot;
	size_t cap, used;
};

static uint64_t hash_text(const char *s)
{
	uint64_t h = 0xCBF29CE484222325ull;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 0x100000001B3ull;
	return h;
}

static void nameset_place(char **slot, size_t cap, char *key)
{
	size_t i = (size_t)hash_text(key) & (cap - 1);

	while (slot[i])
		i = (i + 1) & (cap - 1);
	slot[i] = key;
}

/* Adds key; false when it was there already. */
static bool nameset_add(struct nameset *set, const char *key)
{
	size_t i, cap;
	char **grown, *copy;

	for (i = set->cap ? (size_t)hash_text(key) & (set->cap - 1) : 0; set->cap && set->slot[i];
	     i = (i + 1) & (set->cap - 1))
		if (strcmp(set->slot[i], key) == 0)
			return false;
	if ((set->used + 1) * 2 > set->cap) {
		cap = set->cap ? set->cap * 2 : 1024;
		grown = xcalloc(cap, sizeof(*grown));
		for (i = 0; i < set->cap; i++)
			if (set->slot[i])
				nameset_place(grown, cap, set->slot[i]);
		free(set->slot);
		set->slot = grown;
		set->cap = cap;
	}
	copy = xstrdup(key);
	nameset_place(set->slot, set->cap, copy);
	set->used++;
	return true;
}

static void nameset_free(struct nameset *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	set->slot = NULL;
	set->cap = set->used = 0;
}

static void local_date_back(int days, char *out, size_t outsz)
{
	clock_local_date(BASE_TIME - (time_t)days * DAY, out, outsz);
}

static enum hd_status add_rooms(struct db *db, const struct hd_actor *who, struct hd_err *err)
{
	enum hd_status rc = HD_OK;
	long long id;
	int i;

	for (i = 0; rc == HD_OK && i < ROOM_COUNT; i++)
		rc = room_add(db, who, &ROOMS[i], &id, err);
	return rc;
}

/* An organisation name nobody has yet. */
static void unique_org(struct bench_rng *r, struct nameset *taken, struct bench_org_name *o)
{
	char base[NAME_BYTES];
	int i;

	for (i = 0; i < REROLLS; i++) {
		names_org(r, o);
		if (nameset_add(taken, o->name))
			return;
	}
	snprintf(base, sizeof(base), "%s", o->name);
	for (i = 2;; i++) {
		if (snprintf(o->name, sizeof(o->name), "%s%d", base, i) >= (int)sizeof(o->name))
			xabort("a generated name is too long"); /* they are far shorter */
		if (nameset_add(taken, o->name))
			return;
	}
}

static enum hd_status add_org(struct db *db, const struct hd_actor *who, struct bench_rng *r,
			      struct nameset *taken, unsigned long long serial, struct hd_err *err)
{
	/* resident, community (four in seven), other: LIST_ORG_KIND */
	static const int KINDS[] = { 1, 2, 2, 2, 2, 3, 3 };
	char code[CREDIT_CODE_LEN], contact[64], phone[32], in[DATE_LEN] = "", out[DATE_LEN] = "";
	struct bench_org_name o;
	struct org_draft d;
	long long id;
	int in_days, kind;

	unique_org(r, taken, &o);
	kind = KINDS[bench_rng_below(r, sizeof(KINDS) / sizeof(KINDS[0]))];
	/* Class, Pudong's area code, then an organisation code unique to the
	 * serial; the 18th character is the check character. */
	snprintf(code, sizeof(code), "%.2s310115%s%07u", o.code_class,
		 strcmp(o.code_class, "91") == 0 ? "MA" : "MJ", (unsigned)(serial % 10000000));
	code[17] = credit_code_check_char(code);
	code[18] = '\0';
	names_person(r, contact, sizeof(contact));
	names_phone(r, phone, sizeof(phone));
	if (kind == 1) {
		in_days = bench_rng_range(r, 30, 1500);
		local_date_back(in_days, in, sizeof(in));
		local_date_back(in_days - bench_rng_range(r, 365, 1095), out, sizeof(out));
	}
	d = (struct org_draft){ .name = o.name,
				.kind = kind,
				.short_name = o.short_name,
				.credit_code = code,
				.contact = contact,
				.phone = phone,
				.in_date = in,
				.out_date = out };
	return org_add(db, who, &d, &id, NULL, err);
}

/* Team states in the proportions of a working register. */
static enum team_state pick_state(struct bench_rng *r)
{
	static const enum team_state STATES[] = {
		TEAM_APPLIED,    TEAM_REVIEWED,     TEAM_FILED,      TEAM_FILED,
		TEAM_FILED,      TEAM_CLASSIFIED,   TEAM_CLASSIFIED, TEAM_CLASSIFIED,
		TEAM_CLASSIFIED, TEAM_DEREGISTERED,
	};

	return STATES[bench_rng_below(r, sizeof(STATES) / sizeof(STATES[0]))];
}

static enum hd_status add_team(struct db *db, const struct hd_actor *who, struct bench_rng *r,
			       struct nameset *taken, struct hd_err *err)
{
	char committee[64], key[NAME_BYTES + 64], leader[64], phone[32];
	char content[256], place[128], schedule[64], liaison[64];
	struct bench_team_name t;
	struct team_draft d = { 0 };
	enum team_state state;
	long filed;
	int c = (int)bench_rng_below(r, (unsigned)names_committee_count()), m, variant = 0, i;
	long long id;

	names_committee(c, committee, sizeof(committee));
	/* No two teams of one name in one residents' committee. */
	for (i = 0;; i++) {
		if (i >= REROLLS)
			variant = variant ? variant + 1 : 2;
		names_team(r, variant, &t);
		snprintf(key, sizeof(key), "%s\x1f%s", committee, t.name);
		if (nameset_add(taken, key))
			break;
	}
	names_person(r, leader, sizeof(leader));
	names_phone(r, phone, sizeof(phone));
	m = bench_rng_range(r, TEAM_MIN_MEMBERS, 80);
	d.members = REC_NUM(m);
	d.party_members = REC_NUM(bench_rng_range(r, 0, m / 4));
	names_activity(r, t.theme, content, sizeof(content), place, sizeof(place), schedule,
		       sizeof(schedule));
	liaison[0] = '\0';
	if (bench_rng_below(r, 2))
		names_person(r, liaison, sizeof(liaison));
	state = pick_state(r);
	filed = clock_day_at(BASE_TIME - (time_t)bench_rng_range(r, 1, 1500) * DAY);
	d.name = t.name;
	d.category = t.category;
	d.leader = leader;
	d.phone = phone;
	d.content = content;
	d.place = place;
	d.schedule = schedule;
	d.liaison = liaison;
	d.committee = committee;
	d.street = names_street(c);
	return team_create(db, who, &d, state, state >= TEAM_FILED ? filed : CLOCK_NO_DAY, &id,
			   err);
}

static int usage(void)
{
	fputs("usage: hubdesk-bench gen --db PATH [--seed N] [--orgs N] [--teams N] [--visits N]\n",
	      stderr);
	return 2;
}

/* What gen makes, and how long the visitors and the bookings took. */
struct gen_sizes {
	unsigned long long orgs, teams, visits, persons, bookings;
	double visits_ms, bookings_ms;
};

/* Everything in one transaction: the core's actions nest in it. */
static enum hd_status fill(struct db *db, uint64_t seed, struct gen_sizes *z, struct hd_err *err)
{
	struct hd_actor who = actor_command_line("bench");
	struct nameset org_names = { 0 }, team_names = { 0 };
	struct bench_rng r;
	enum hd_status rc;
	unsigned long long i;
	double t0;

	bench_rng_seed(&r, seed);
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = add_rooms(db, &who, err);
	if (rc == HD_OK)
		rc = bench_rooms_fill(db, &who, BENCH_ROOMS, err);
	for (i = 0; rc == HD_OK && i < z->orgs; i++)
		rc = add_org(db, &who, &r, &org_names, i + 1, err);
	for (i = 0; rc == HD_OK && i < z->teams; i++)
		rc = add_team(db, &who, &r, &team_names, err);
	t0 = bench_ms();
	if (rc == HD_OK)
		rc = bench_visits_fill(db, seed, z->visits, &z->persons, err);
	z->visits_ms = bench_ms() - t0;
	t0 = bench_ms();
	if (rc == HD_OK)
		rc = bench_bookings_fill(db, seed, 0, -BOOKING_DAYS_BACK, BOOKING_DAYS_AHEAD,
					 &z->bookings, err);
	z->bookings_ms = bench_ms() - t0;
	nameset_free(&org_names);
	nameset_free(&team_names);
	return db_finish(db, rc, err);
}

int bench_gen_main(int argc, char **argv)
{
	unsigned long long seed = 1;
	struct gen_sizes z = { 10000, 10000, 0, 0, 0, 0, 0 };
	char pragma[64];
	const char *path = NULL;
	struct hd_actor who = actor_command_line("bench");
	struct hd_err err;
	struct db *db = NULL;
	bool created;
	double t0, t1;
	int i, status = 1;

	hd_err_clear(&err);
	for (i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--db") == 0)
			path = argv[i + 1];
		else if (strcmp(argv[i], "--seed") == 0 &&
			 bench_parse_count(argv[i + 1], UINT64_MAX, &seed) == 0)
			continue;
		else if (strcmp(argv[i], "--orgs") == 0 &&
			 bench_parse_count(argv[i + 1], BENCH_MAX_RECORDS, &z.orgs) == 0)
			continue;
		else if (strcmp(argv[i], "--teams") == 0 &&
			 bench_parse_count(argv[i + 1], BENCH_MAX_RECORDS, &z.teams) == 0)
			continue;
		else if (strcmp(argv[i], "--visits") == 0 &&
			 bench_parse_count(argv[i + 1], BENCH_MAX_VISITS, &z.visits) == 0)
			continue;
		else
			return usage();
	}
	if (i != argc || !path)
		return usage();
	if (access(path, F_OK) == 0) {
		fprintf(stderr, "hubdesk-bench: %s exists already; gen makes a new database\n",
			path);
		return 1;
	}
	t0 = bench_ms();
	snprintf(pragma, sizeof(pragma), "PRAGMA cache_size = -%d", GEN_CACHE_KIB);
	if (db_open(path, DB_CREATE, &db, &err) != HD_OK ||
	    setup_init(db, &who, &created, &err) != HD_OK)
		goto done;
	sqlite3_exec(db_sqlite(db), pragma, NULL, NULL, NULL);
	if (fill(db, (uint64_t)seed, &z, &err) != HD_OK)
		goto done;
	db_close(db);
	db = NULL;
	t1 = bench_ms();
	printf("generated %s: %d rooms, %llu organisations, %llu teams, %llu visits of %llu people,"
	       " %llu bookings (seed %llu) in %.1f s, the visits in %.1f s, the bookings in %.1f s\n",
	       path, BENCH_ROOMS, z.orgs, z.teams, z.visits, z.persons, z.bookings, seed,
	       (t1 - t0) / 1000.0, z.visits_ms / 1000.0, z.bookings_ms / 1000.0);
	status = 0;
done:
	if (status != 0)
		fprintf(stderr, "hubdesk-bench: %s\n", err.msg);
	db_close(db);
	return status;
}
