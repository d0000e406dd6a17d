/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit_words.c - the audit log in words for people: its actions, the
 * records they touched, and the change of a record as "field: old -> new"
 * lines read from the JSON snapshots. */
#include "core/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/lists.h"
#include "core/settings.h"
#include "core/xalloc.h"

struct word {
	const char *code; /* as stored */
	const char *text; /* msgid */
};

// clang-format off
static const struct word ACTIONS[] = {
	{ "backup", N_("Backup") },                 { "booking.add", N_("Booking made") },
	{ "booking.approve", N_("Booking approved") }, { "booking.cancel", N_("Booking cancelled") },
	{ "booking.checkin", N_("Booking checked in") }, { "booking.move", N_("Booking moved") },
	{ "booking.reject", N_("Booking rejected") }, { "closure.add", N_("Closure added") },
	{ "booking.skip", N_("Series date not booked") },
	{ "closure.open", N_("Working day added") }, { "closure.remove", N_("Closure removed") },
	{ "code.forged", N_("Forged code") },       { "config.set", N_("Setting changed") },
	{ "denied", N_("Refused by role") },        { "init", N_("Database made") },
	{ "init.demo", N_("Demo data") },           { "org.add", N_("Organisation added") },
	{ "org.edit", N_("Organisation edited") },  { "pin.locked", N_("Booking PIN locked") },
	{ "pin.set", N_("Booking PIN set") },       { "print", N_("Printed") },
	{ "reprint", N_("Reprinted") },             { "room.add", N_("Room added") },
	{ "room.close", N_("Room closed") },        { "room.edit", N_("Room edited") },
	{ "signin", N_("Signed in") },              { "signin.fail", N_("Wrong PIN") },
	{ "signin.lock", N_("Account locked") },    { "signin.locked", N_("Account locked") },
	{ "signout", N_("Signed out") },            { "signout.idle", N_("Signed out when idle") },
	{ "staff.add", N_("Account added") },       { "staff.disable", N_("Account disabled") },
	{ "staff.reset-pin", N_("New PIN") },       { "team.activity", N_("Team activity") },
	{ "team.add", N_("Team applied") },         { "team.update", N_("Team edited") },
	{ "team.review", N_("Team reviewed") },     { "team.file", N_("Team filed") },
	{ "team.classify", N_("Team classified") }, { "team.reopen", N_("Team stepped back") },
	{ "team.deregister", N_("Team deregistered") }, { "visit.checkin", N_("Visitor checked in") },
	{ "visit.checkout", N_("Visitor checked out") }, { "visit.auto-checkout", N_("Checked out at closing") },
	{ "visit.erase", N_("Visitor erased") },    { "visit.retention", N_("Erased after retention") },
};

static const struct word RECORDS[] = {
	{ "visit", N_("visit") },       { "booking", N_("booking") },   { "staff", N_("account") },
	{ "setting", N_("setting") },   { "org", N_("organisation") }, { "team", N_("team") },
	{ "room", N_("room") },         { "database", N_("database") }, { "spool", N_("print job") },
	{ "closure", N_("closure") },   { "room_closure", N_("room closure") },
};

/* The fields of the snapshots. */
static const struct word FIELDS[] = {
	{ "person", N_("Visitor no.") },  { "purpose", N_("Purpose") },    { "org", N_("Organisation") },
	{ "team", N_("Team") },           { "visitee", N_("Visiting") },   { "party", N_("Party") },
	{ "under14", N_("Under 14") },    { "time_in", N_("Arrived") },    { "time_out", N_("Left") },
	{ "auto", N_("Automatic") },      { "visits", N_("Visits") },      { "state", N_("State") },
	{ "start", N_("Start") },         { "end", N_("End") },            { "room", N_("Room") },
	{ "attendees", N_("Attendees") }, { "series", N_("Series") },      { "reason", N_("Reason") },
	{ "name", N_("Name") },           { "short", N_("Short name") },   { "kind", N_("Kind") },
	{ "capacity", N_("Capacity") },   { "buffer", N_("Buffer (minutes)") }, { "open", N_("Open") },
	{ "close", N_("Close") },         { "from", N_("From") },          { "to", N_("To") },
	{ "category", N_("Category") },   { "leader", N_("Leader") },      { "phone", N_("Phone") },
	{ "members", N_("Members") },     { "content", N_("Activities") }, { "place", N_("Place") },
	{ "schedule", N_("Schedule") },   { "party_members", N_("Party members") },
	{ "liaison", N_("Party liaison") }, { "committee", N_("Residents' committee") },
	{ "street", N_("Street") },       { "filed_date", N_("Filed on") },
	{ "checked_date", N_("Checked on") }, { "last_activity", N_("Last activity") },
	{ "role", N_("Role") },           { "disabled", N_("Disabled") },  { "copy", N_("Copy") },
	{ "format", N_("Format") },       { "queue", N_("Printer") },      { "record_id", N_("Record") },
	{ "credit_code", N_("Credit code") }, { "credit_ok", N_("Credit code checks") },
	{ "contact", N_("Contact") },     { "in", N_("Resident from") },   { "out", N_("Resident until") },
	{ "action", N_("Action") },       { "backup", N_("Backup") },      { "late_cancel", N_("Late") },
	{ "exception", N_("Exception") },
};
// clang-format on

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))

static const char *lookup(const struct word *t, size_t n, const char *code)
{
	size_t i;

	for (i = 0; code && i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return _(t[i].text);
	return code ? code : "";
}

const char *audit_action_words(const char *action)
{
	return lookup(ACTIONS, COUNT(ACTIONS), action);
}

const char *audit_record_words(const char *record)
{
	return lookup(RECORDS, COUNT(RECORDS), record);
}

char *audit_actions_matching(const char *words)
{
	size_t i, used = 0, cap = 1;
	char *out = xmalloc(cap);

	out[0] = '\0';
	for (i = 0; words && *words && i < COUNT(ACTIONS); i++) {
		size_t need = strlen(ACTIONS[i].code) + 2;

		if (!strstr(_(ACTIONS[i].text), words))
			continue;
		if (used + need > cap) {
			cap = (used + need) * 2;
			out = xrealloc(out, cap);
		}
		used += (size_t)snprintf(out + used, cap - used, "%s%s", used ? "," : "",
					 ACTIONS[i].code);
	}
	return out;
}

/* A field's name: a setting's label for a setting, else the table's. */
static const char *field_words(const char *key)
{
	enum setting s;

	return settings_lookup(key, &s, NULL) == HD_OK ? _(settings_def(s)->label)
						       : lookup(FIELDS, COUNT(FIELDS), key);
}

static bool is_time_field(const char *key)
{
	static const char *const TIMES[] = { "time_in", "time_out", "start", "end", "at" };
	size_t i;

	for (i = 0; i < COUNT(TIMES); i++)
		if (strcmp(key, TIMES[i]) == 0)
			return true;
	return false;
}

/* A value in words (NULL: missing): times in local time, purposes and
 * categories by name, booking states in words; "-" for none. true and false
 * count as 1 and 0. */
static void value_words(const char *key, const struct json_member *v, char *out, size_t outsz)
{
	const struct hd_list *list = NULL;
	bool integer = v && (v->kind == JSON_INT || v->kind == JSON_BOOL);
	long long n = v ? v->num : 0;

	if (!v || v->kind == JSON_NULL) {
		snprintf(out, outsz, "-");
		return;
	}
	if (integer && is_time_field(key) && n > 0) {
		clock_local_datetime((time_t)n, out, outsz);
		return;
	}
	if (strcmp(key, "purpose") == 0)
		list = &LIST_PURPOSE;
	else if (strcmp(key, "category") == 0)
		list = &LIST_TEAM_CATEGORY;
	if (list && integer && list_get(list, (int)n)) {
		snprintf(out, outsz, "%s", list_label(list, (int)n));
		return;
	}
	if (strcmp(key, "state") == 0 && v->kind == JSON_TEXT) {
		snprintf(out, outsz, "%s", _(v->text));
		return;
	}
	if (v->kind == JSON_BOOL)
		snprintf(out, outsz, "%lld", n);
	else
		snprintf(out, outsz, "%s", v->text ? v->text : "");
}

static int compare_keys(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of the two snapshots, each once, in byte order (malloc'd;
 * *n their count). */
static const char **all_keys(const struct json_obj *b, const struct json_obj *a, int *n)
{
	const char **keys = xcalloc((size_t)(b->n + a->n) + 1, sizeof(*keys));
	int i, k = 0;

	for (i = 0; i < b->n; i++)
		keys[k++] = b->m[i].key;
	for (i = 0; i < a->n; i++)
		keys[k++] = a->m[i].key;
	qsort(keys, (size_t)k, sizeof(*keys), compare_keys);
	*n = 0;
	for (i = 0; i < k; i++)
		if (*n == 0 || strcmp(keys[*n - 1], keys[i]) != 0)
			keys[(*n)++] = keys[i];
	return keys;
}

int audit_changes(const char *before, const char *after, char (*lines)[AUDIT_LINE], int max)
{
	char old[AUDIT_LINE], new[AUDIT_LINE];
	struct json_obj b, a;
	const struct json_member *was;
	const char **keys;
	int i, nkeys, n = 0;

	json_parse(before, &b);
	json_parse(after, &a);
	keys = all_keys(&b, &a, &nkeys);
	for (i = 0; n < max && i < nkeys; i++) {
		was = json_get(&b, keys[i]);
		value_words(keys[i], was, old, sizeof(old));
		value_words(keys[i], json_get(&a, keys[i]), new, sizeof(new));
		if (strcmp(old, new) == 0)
			continue; /* the same before and after: no change to tell */
		if (was && before)
			snprintf(lines[n++], AUDIT_LINE, _("%s: %s -> %s"), field_words(keys[i]),
				 old, new);
		else
			snprintf(lines[n++], AUDIT_LINE, _("%s: %s"), field_words(keys[i]), new);
	}
	free(keys);
	json_obj_free(&b);
	json_obj_free(&a);
	return n;
}
