/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_team.c - `hubdesk team apply|update|review|file|classify|reopen|deregister|
 * activity|list|show|set-pin`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/filing_number.h"
#include "core/i18n.h"
#include "core/district.h"
#include "core/lists.h"
#include "core/team.h"
#include "core/text.h"
#include "core/token.h"
#include "core/xalloc.h"
#include "printing/filing.h"
#include "tui/cli.h"
#include "tui/cli_record.h"

#define MAX_ARGS 2
#define UNMET_MAX 9

/* The line of a team: ID, code, name and state as saved. */
static int print_team(struct cli_ctx *ctx, long long id)
{
	char token[TOKEN_MAX];
	struct hd_err err;
	struct team *t = xmalloc(sizeof(*t));
	enum hd_status rc;

	rc = team_get(ctx->db, id, t, &err);
	if (rc == HD_OK)
		rc = token_make(ctx->db, TOKEN_TEAM, id, token, sizeof(token), &err);
	if (rc == HD_OK)
		printf("%lld\t%s\t%s %s\n", id, token, t->name,
		       list_label(&LIST_TEAM_STATE, (int)t->state));
	else
		cli_report(&err);
	fflush(stdout);
	free(t);
	return rc;
}

/* Says every filing condition d does not meet; true when it meets them. */
static bool ready(const struct team_draft *d)
{
	char unmet[UNMET_MAX][HD_MSG_BYTES];
	int n, i;

	n = team_unmet(d, unmet, UNMET_MAX);
	for (i = 0; i < n; i++)
		cli_say(HD_BAD_INPUT, "%s", unmet[i]);
	return n == 0;
}

static int apply_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[TEAM_NFIELDS + 1];
	const char *args[MAX_ARGS];
	struct team_draft d = { 0 };
	struct hd_err err;
	long long id;
	int nargs, rc;

	cli_record_opts(&TEAM_RECORD, opts);
	rc = cli_parse("team apply", argc, argv, 2, opts, args, 0, &nargs);
	if (rc == HD_OK)
		rc = cli_record_draft(opts, &TEAM_RECORD, &d);
	if (rc != HD_OK)
		return rc;
	/* Every filing condition not met, before anything is opened. */
	if (!ready(&d))
		return HD_BAD_INPUT;
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (team_create(ctx->db, &ctx->actor, &d, TEAM_APPLIED, CLOCK_NO_DAY, &id, &err) != HD_OK)
		return cli_report(&err);
	return print_team(ctx, id);
}

static enum hd_status read_id(const char *cmd, int nargs, const char **args, long long *id);

/* `team CMD ID [opts]`: parses it, opens the database and reads the team
 * into *t (the caller's to free; NULL unless HD_OK, which is also when the
 * failure was already said). */
static enum hd_status team_of(struct cli_ctx *ctx, const char *cmd, int argc, char **argv,
			      struct cli_opt *opts, long long *id, struct team **t)
{
	const char *args[MAX_ARGS];
	struct hd_err err;
	int nargs;
	enum hd_status rc;

	*t = NULL;
	rc = cli_parse(cmd, argc, argv, 2, opts, args, 1, &nargs);
	if (rc == HD_OK)
		rc = read_id(cmd, nargs, args, id);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	*t = xmalloc(sizeof(**t));
	if (team_get(ctx->db, *id, *t, &err) != HD_OK) {
		free(*t);
		*t = NULL;
		return cli_report(&err);
	}
	return HD_OK;
}

/* team update ID [options of team apply]: the fields given change, the
 * others stay; checked as an application is, audited before and after. */
static int update_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[TEAM_NFIELDS + 1];
	struct team_draft d;
	struct hd_err err;
	struct team *t;
	long long id;
	int rc;

	cli_record_opts(&TEAM_RECORD, opts);
	rc = team_of(ctx, "team update", argc, argv, opts, &id, &t);
	if (rc != HD_OK)
		return rc;
	team_draft_of(t, &d);
	rc = cli_record_draft(opts, &TEAM_RECORD, &d);
	if (rc != HD_OK) {
		free(t);
		return rc;
	}
	if (!ready(&d)) {
		free(t);
		return HD_BAD_INPUT;
	}
	rc = team_update(ctx->db, &ctx->actor, id, &d, TEAM_STATE_KEPT, CLOCK_NO_DAY, NULL, &err);
	free(t);
	if (rc != HD_OK)
		return cli_report(&err);
	return print_team(ctx, id);
}

static enum hd_status read_id(const char *cmd, int nargs, const char **args, long long *id)
{
	if (nargs != 1)
		return cli_say(HD_BAD_INPUT, _("%s: give the team's ID (a whole number)"), cmd);
	return cli_id(cmd, args[0], id);
}

static const struct {
	const char *name;
	enum team_action action;
	const char *option; /* its value is the step's argument */
} STEPS[] = {
	{ "review", TEAM_REVIEW, NULL },
	{ "file", TEAM_FILE, NULL },
	{ "classify", TEAM_CLASSIFY, "--category" },
	{ "reopen", TEAM_REOPEN, "--reason" },
	{ "deregister", TEAM_DEREGISTER, "--reason" },
};

/* The filing receipt of a team just filed; a print that fails only says so. */
static void print_filing(struct cli_ctx *ctx, long long id)
{
	struct spool_outcome out;
	struct hd_err err;

	if (filing_print(ctx->db, &ctx->actor, id, NULL, NULL, &out, &err) != HD_OK)
		cli_say(HD_OK, _("the filing receipt was not printed: %s"), err.msg);
	else if (!out.delivered)
		cli_say(HD_OK, "%s", out.message);
}

static int step_cmd(struct cli_ctx *ctx, int argc, char **argv, int k)
{
	char cmd[32], when[32];
	struct cli_opt opts[3] = { { NULL, false, NULL } };
	const char *args[MAX_ARGS], *arg;
	enum team_state state;
	struct hd_err err;
	struct team *t;
	bool already;
	time_t at;
	long long id;
	int nargs, rc, o = 0;

	snprintf(cmd, sizeof(cmd), "team %s", STEPS[k].name);
	if (STEPS[k].option)
		opts[o++] = (struct cli_opt){ STEPS[k].option, true, NULL };
	if (STEPS[k].action == TEAM_FILE)
		opts[o++] = (struct cli_opt){ "--no-print", false, NULL };
	opts[o] = (struct cli_opt){ NULL, false, NULL };
	rc = cli_parse(cmd, argc, argv, 2, opts, args, 1, &nargs);
	if (rc == HD_OK)
		rc = read_id(cmd, nargs, args, &id);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	arg = STEPS[k].option ? cli_opt(opts, STEPS[k].option) : NULL;
	if (team_act(ctx->db, &ctx->actor, id, STEPS[k].action, arg ? arg : "",
		     !cli_opt(opts, "--no-print"), &already, &at, &err) != HD_OK)
		return cli_report(&err);
	if (!already) {
		rc = print_team(ctx, id);
		if (rc == HD_OK && STEPS[k].action == TEAM_FILE && !cli_opt(opts, "--no-print"))
			print_filing(ctx, id);
		return rc;
	}
	t = xmalloc(sizeof(*t));
	rc = team_get(ctx->db, id, t, &err);
	state = t->state;
	free(t);
	if (rc != HD_OK)
		return cli_report(&err);
	clock_local_datetime(at, when, sizeof(when));
	cli_say(HD_OK, _("team %lld is %s already (since %s)"), id,
		list_label(&LIST_TEAM_STATE, (int)state), at ? when : "-");
	return HD_OK;
}

static int activity_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--date", true, NULL }, { NULL, false, NULL } };
	const char *args[MAX_ARGS];
	struct hd_err err;
	long long id;
	long day = CLOCK_NO_DAY;
	int nargs, rc;

	rc = cli_parse("team activity", argc, argv, 2, opts, args, 1, &nargs);
	if (rc == HD_OK)
		rc = read_id("team activity", nargs, args, &id);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if ((text_given(cli_opt(opts, "--date")) &&
	     clock_parse_day(cli_opt(opts, "--date"), _("Date"), &day, &err) != HD_OK) ||
	    team_activity(ctx->db, &ctx->actor, id, day, &err) != HD_OK)
		return cli_report(&err);
	return HD_OK;
}

/* What `team list` asks of each centre: the roll or the teams in a state. */
struct team_ask {
	bool roll, district;
	int state;
};

/* The teams of the centre db serves, a line each, after the centre's code
 * (c NULL: none). */
static enum hd_status list_centre(struct db *db, const struct centre *c, int index, void *ctx,
				  struct hd_err *err)
{
	const struct team_ask *ask = ctx;
	struct team_brief *all = NULL;
	enum hd_status rc;
	int n = 0, i;

	(void)index;
	rc = ask->roll ? team_roll(db, &all, &n, err)
		       : team_list(db, (enum team_state)ask->state, &all, &n, err);
	for (i = 0; rc == HD_OK && i < n; i++)
		printf("%s%s%lld\t%s\t%s\t%s\t%d\t%s\t%s\t%s%s%s\n", c ? c->code : "",
		       c ? "\t" : "", all[i].id, all[i].name,
		       list_label(&LIST_TEAM_CATEGORY, all[i].category),
		       list_label(&LIST_TEAM_STATE, (int)all[i].state), all[i].members,
		       all[i].committee, all[i].filed_date, all[i].last_activity,
		       all[i].check_due ? _(" [annual check due]") : "",
		       all[i].idle ? _(" [no activity for six months]") : "");
	free(all);
	return rc;
}

static int list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--status", true, NULL },
				  { "--roll", false, NULL },
				  { "--district", false, NULL },
				  { NULL, false, NULL } };
	struct team_ask ask = { 0 };
	const char *args[MAX_ARGS], *status;
	struct hd_err err;
	int nargs, rc;

	rc = cli_parse("team list", argc, argv, 2, opts, args, 0, &nargs);
	if (rc != HD_OK)
		return rc;
	status = cli_opt(opts, "--status");
	if (status && list_parse(&LIST_TEAM_STATE, status, &ask.state, &err) != HD_OK)
		return cli_report(&err);
	ask.roll = cli_opt(opts, "--roll") != NULL;
	ask.district = cli_opt(opts, "--district") != NULL;
	rc = ask.district ? cli_open_district(ctx) : cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (ask.district && district_check(ctx->db, &err) != HD_OK)
		return cli_report(&err);
	if (ask.district)
		printf("%s\t", _("centre"));
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("id"), _("name"), _("category"), _("state"),
	       _("members"), _("committee"), _("filed"), _("last activity"));
	rc = ask.district ? district_each(ctx->db, list_centre, &ask, &err)
			  : list_centre(ctx->db, NULL, 0, &ask, &err);
	return rc == HD_OK ? HD_OK : cli_report(&err);
}

/* One line "label<TAB>value" (- when empty). */
static void show_line(const char *label, const char *value)
{
	printf("%s\t%s\n", label, value && *value ? value : "-");
}

/* `team show ID`: the team's record, one field a line, with its code and
 * its filing number (the command line is the machine's operator: the
 * phone is whole). */
static int show_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	char token[TOKEN_MAX], number[FILING_NUMBER_MAX], n[3][16];
	struct hd_err err;
	struct team *t;
	long long id;
	int rc;

	rc = team_of(ctx, "team show", argc, argv, NULL, &id, &t);
	if (rc != HD_OK)
		return rc;
	rc = filing_number_get(ctx->db, id, number, sizeof(number), &err);
	if (rc == HD_OK)
		rc = token_make(ctx->db, TOKEN_TEAM, id, token, sizeof(token), &err);
	if (rc != HD_OK) {
		free(t);
		return cli_report(&err);
	}
	snprintf(n[0], sizeof(n[0]), "%lld", id);
	snprintf(n[1], sizeof(n[1]), "%d", t->members);
	snprintf(n[2], sizeof(n[2]), "%d", t->party_members);
	show_line(_("id"), n[0]);
	show_line(_("Code"), token);
	show_line(_("Name"), t->name);
	show_line(_("Short name"), t->short_name);
	show_line(_("Category"), list_label(&LIST_TEAM_CATEGORY, t->category));
	show_line(_("State"), list_label(&LIST_TEAM_STATE, (int)t->state));
	show_line(_("Filing number"), number);
	show_line(_("Filing date"), t->filed_date);
	show_line(_("Leader"), t->leader);
	show_line(_("Phone"), t->phone);
	show_line(_("Members"), n[1]);
	show_line(_("Party members"), n[2]);
	show_line(_("Party liaison"), t->liaison);
	show_line(_("Activities"), t->content);
	show_line(_("Place"), t->place);
	show_line(_("Usual time"), t->schedule);
	show_line(_("Residents' committee"), t->committee);
	show_line(_("Street"), t->street);
	show_line(_("Last activity"), t->last_activity);
	free(t);
	return HD_OK;
}

int cli_team(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *sub = argc >= 2 ? argv[1] : "";
	unsigned k;

	if (strcmp(sub, "apply") == 0)
		return apply_cmd(ctx, argc, argv);
	if (strcmp(sub, "update") == 0)
		return update_cmd(ctx, argc, argv);
	for (k = 0; k < sizeof(STEPS) / sizeof(STEPS[0]); k++)
		if (strcmp(sub, STEPS[k].name) == 0)
			return step_cmd(ctx, argc, argv, (int)k);
	if (strcmp(sub, "activity") == 0)
		return activity_cmd(ctx, argc, argv);
	if (strcmp(sub, "list") == 0)
		return list_cmd(ctx, argc, argv);
	if (strcmp(sub, "show") == 0)
		return show_cmd(ctx, argc, argv);
	if (strcmp(sub, "set-pin") == 0)
		return cli_set_pin(ctx, argc, argv, BOOKER_TEAM);
	return cli_say(
		HD_BAD_INPUT,
		_("team: use team apply | update | review | file | classify | reopen | deregister | activity | list | show | set-pin"));
}
