/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_closure.c - `hubdesk closure add|list|remove`: days the whole centre
 * is closed; `closure open DATE --reason T`: a working day (调休). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/closure.h"
#include "core/i18n.h"
#include "tui/cli.h"

#define MAX_ARGS 2

static int add_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--from", true, NULL },
				  { "--to", true, NULL },
				  { "--reason", true, NULL },
				  { NULL, false, NULL } };
	const char *args[MAX_ARGS];
	struct closure c;
	struct hd_err err;
	long long id;
	long from, to;
	int nargs, rc;

	rc = cli_parse("closure add", argc, argv, 2, opts, args, 0, &nargs);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (clock_parse_day(cli_opt(opts, "--from"), _("From"), &from, &err) != HD_OK ||
	    clock_parse_day(cli_opt(opts, "--to"), _("To"), &to, &err) != HD_OK ||
	    closure_add(ctx->db, &ctx->actor, from, to, cli_opt(opts, "--reason"), &id, &err) !=
		    HD_OK)
		return cli_report(&err);
	if (closure_get(ctx->db, id, &c, &err) != HD_OK)
		return cli_report(&err);
	printf("%lld\t-\t%s ~ %s %s\n", id, c.from, c.to, c.reason);
	return HD_OK;
}

static int open_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--reason", true, NULL }, { NULL, false, NULL } };
	const char *args[MAX_ARGS];
	struct hd_err err;
	long long id;
	long day;
	int nargs, rc;

	rc = cli_parse("closure open", argc, argv, 2, opts, args, 1, &nargs);
	if (rc == HD_OK && nargs != 1)
		rc = cli_say(HD_BAD_INPUT, _("closure open: give the date, YYYY-MM-DD"));
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (clock_parse_day(args[0], _("Date"), &day, &err) != HD_OK ||
	    closure_open_day(ctx->db, &ctx->actor, day, cli_opt(opts, "--reason"), &id, &err) !=
		    HD_OK)
		return cli_report(&err);
	printf("%lld\t-\t%s %s\n", id, args[0], _("open (working day)"));
	return HD_OK;
}

static int list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--all", false, NULL }, { NULL, false, NULL } };
	const char *args[MAX_ARGS];
	struct closure *all = NULL;
	struct hd_err err;
	int n = 0, i, nargs, rc;

	rc = cli_parse("closure list", argc, argv, 2, opts, args, 0, &nargs);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (closure_list(ctx->db, cli_opt(opts, "--all") != NULL, &all, &n, &err) != HD_OK)
		return cli_report(&err);
	printf("%s\t%s\t%s\t%s\n", _("id"), _("from"), _("to"), _("reason"));
	for (i = 0; i < n; i++)
		printf("%lld\t%s\t%s\t%s\n", all[i].id, all[i].from, all[i].to, all[i].reason);
	free(all);
	return HD_OK;
}

static int remove_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *args[MAX_ARGS];
	struct hd_err err;
	long long id = 0;
	int nargs, rc;

	rc = cli_parse("closure remove", argc, argv, 2, NULL, args, 1, &nargs);
	if (rc != HD_OK)
		return rc;
	if (nargs != 1)
		return cli_say(HD_BAD_INPUT, _("closure remove: give the closure's ID"));
	if (cli_id("closure remove", args[0], &id) != HD_OK)
		return HD_BAD_INPUT;
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (closure_remove(ctx->db, &ctx->actor, id, &err) != HD_OK)
		return cli_report(&err);
	return HD_OK;
}

int cli_closure(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *sub = argc >= 2 ? argv[1] : "";

	if (strcmp(sub, "add") == 0)
		return add_cmd(ctx, argc, argv);
	if (strcmp(sub, "list") == 0)
		return list_cmd(ctx, argc, argv);
	if (strcmp(sub, "remove") == 0)
		return remove_cmd(ctx, argc, argv);
	if (strcmp(sub, "open") == 0)
		return open_cmd(ctx, argc, argv);
	return cli_say(
		HD_BAD_INPUT,
		_("closure: use closure add --from DATE --to DATE --reason TEXT | list | remove ID | open DATE --reason TEXT"));
}
