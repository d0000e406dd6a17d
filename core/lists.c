/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lists.c - the fixed lists of DESIGN.md, one table each, and reading a
 * choice from the command line or a form. */
#include "core/lists.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/text.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const struct hd_choice purposes[] = {
	{ 1, NULL, "政策咨询", N_("Policy consultation") },
	{ 2, NULL, "登记/变更/注销指导", N_("Registration, change or deregistration guidance") },
	{ 3, NULL, "群众团队备案", N_("Activity team filing") },
	{ 4, NULL, "场地使用/预约", N_("Venue use or booking") },
	{ 5, NULL, "培训/讲座/沙龙", N_("Training, lecture or salon") },
	{ 6, NULL, "项目对接/公益创投", N_("Project matching or venture philanthropy") },
	{ 7, NULL, "入驻孵化/机构办公", N_("Incubation or office use") },
	{ 8, NULL, "年检年报/评估/财务指导",
	  N_("Annual inspection, evaluation or finance guidance") },
	{ 9, NULL, "党建活动", N_("Party-building activity") },
	{ 10, NULL, "志愿服务", N_("Volunteer service") },
	{ 11, NULL, "参观调研", N_("Visit or research") },
	{ 12, NULL, "递交材料/拜访", N_("Handing in documents or calling on someone") },
	{ 13, NULL, "其他", N_("Other") },
};

static const struct hd_choice room_kinds[] = {
	{ 1, NULL, "会议室", N_("Meeting room") },
	{ 2, NULL, "活动室", N_("Activity room") },
	{ 3, NULL, "多功能厅", N_("Multi-purpose hall") },
	{ 4, NULL, "培训室", N_("Training room") },
	{ 5, NULL, "路演厅", N_("Pitch hall") },
	{ 6, NULL, "洽谈室", N_("Discussion room") },
	{ 7, NULL, "其他", N_("Other") },
};

static const struct hd_choice org_kinds[] = {
	{ 1, "resident", "入驻机构", N_("Resident organisation") },
	{ 2, "community", "社区社会组织", N_("Community social organisation") },
	{ 3, "other", "其他", N_("Other") },
};

static const struct hd_choice team_categories[] = {
	{ 1, NULL, "文体活动", N_("Sports and culture") },
	{ 2, NULL, "公益慈善", N_("Charity and public welfare") },
	{ 3, NULL, "生活服务", N_("Everyday services") },
	{ 4, NULL, "社区事务", N_("Community affairs") },
	{ 5, NULL, "专业调处", N_("Mediation") },
	{ 6, NULL, "其他", N_("Other") },
};

static const struct hd_choice team_states[] = {
	{ 1, "applied", "待初审", N_("Applied") },
	{ 2, "reviewed", "已初审", N_("Reviewed") },
	{ 3, "filed", "已备案", N_("Filed") },
	{ 4, "classified", "已分类", N_("Classified") },
	{ 5, "deregistered", "已注销", N_("Deregistered") },
};

static const struct hd_choice roles[] = {
	{ 1, "volunteer", "志愿者", N_("Volunteer") },
	{ 2, "staff", "工作人员", N_("Staff") },
	{ 3, "admin", "管理员", N_("Admin") },
	{ 4, "district", "区级管理员", N_("District") },
};

const struct hd_list LIST_PURPOSE = { N_("purpose"), purposes, COUNT(purposes) };
const struct hd_list LIST_ROOM_KIND = { N_("room kind"), room_kinds, COUNT(room_kinds) };
const struct hd_list LIST_ORG_KIND = { N_("organisation kind"), org_kinds, COUNT(org_kinds) };
const struct hd_list LIST_TEAM_CATEGORY = { N_("team category"), team_categories,
					    COUNT(team_categories) };
const struct hd_list LIST_TEAM_STATE = { N_("team state"), team_states, COUNT(team_states) };
const struct hd_list LIST_ROLE = { N_("role"), roles, COUNT(roles) };

const struct hd_choice *list_get(const struct hd_list *list, int n)
{
	int i;

	if (!list)
		return NULL;
	for (i = 0; i < list->count; i++)
		if (list->items[i].number == n)
			return &list->items[i];
	return NULL;
}

const char *list_label(const struct hd_list *list, int n)
{
	const struct hd_choice *c = list_get(list, n);

	return c ? _(c->en) : "?";
}

/* Reads text made only of 1-3 ASCII digits into *n. */
static bool parse_number(const char *text, int *n)
{
	size_t len = strlen(text), i;
	int v = 0;

	if (len == 0 || len > 3)
		return false;
	for (i = 0; i < len; i++) {
		if (text[i] < '0' || text[i] > '9')
			return false;
		v = v * 10 + (text[i] - '0');
	}
	*n = v;
	return true;
}

static bool matches(const struct hd_choice *c, const char *text)
{
	return strcmp(text, c->zh) == 0 || strcasecmp(text, c->en) == 0 ||
	       strcmp(text, _(c->en)) == 0 || (c->code && strcasecmp(text, c->code) == 0);
}

/* Writes into out (outsz bytes) the allowed values by their Chinese names
 * (what files and the command line give), "1 政策咨询, 2 …", in an English
 * interface with the code word in brackets where there is one. Entries that do not fit are left
 * out, whole, and an ellipsis says so. */
static void allowed_values(const struct hd_list *list, char *out, size_t outsz)
{
	static const char more[] = ", …";
	char entry[128];
	size_t used = 0, n;
	int i;

	out[0] = '\0';
	for (i = 0; i < list->count; i++) {
		const struct hd_choice *c = &list->items[i];

		/* The code word is English: it shows in an English interface. */
		bool english = strcmp(list_label(list, c->number), c->zh) != 0;

		if (c->code && english)
			n = (size_t)snprintf(entry, sizeof(entry), "%s%d %s (%s)", i ? ", " : "",
					     c->number, c->zh, c->code);
		else
			n = (size_t)snprintf(entry, sizeof(entry), "%s%d %s", i ? ", " : "",
					     c->number, c->zh);
		if (n >= sizeof(entry) || used + n + sizeof(more) > outsz) {
			if (used + sizeof(more) <= outsz)
				memcpy(out + used, more, sizeof(more));
			return;
		}
		memcpy(out + used, entry, n + 1);
		used += n;
	}
}

enum hd_status list_parse(const struct hd_list *list, const char *text, int *n, struct hd_err *err)
{
	char buf[128], allowed[sizeof(err->msg)];
	const char *field;
	size_t room;
	int i, v;

	text_trim(text ? text : "", buf, sizeof(buf));
	if (parse_number(buf, &v) && list_get(list, v)) {
		*n = v;
		return HD_OK;
	}
	for (i = 0; buf[0] && i < list->count; i++) {
		if (matches(&list->items[i], buf)) {
			*n = list->items[i].number;
			return HD_OK;
		}
	}
	/* The message is "<field>: not in the list; choose <allowed>", which
	 * must fit in err->msg; the allowed values get what the rest leaves. */
	field = _(list->field);
	room = strlen(field) + strlen(_("%s: not in the list; choose %s"));
	room = room < sizeof(allowed) ? sizeof(allowed) - room : 1;
	allowed_values(list, allowed, room);
	return hd_err_set(err, HD_BAD_INPUT, list->field, _("%s: not in the list; choose %s"),
			  field, allowed);
}
