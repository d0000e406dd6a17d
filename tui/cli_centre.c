/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_centre.c - `hubdesk centre add|list`: the centres of a district's
 * PostgreSQL database. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/centre.h"
#include "core/i18n.h"
#include "tui/cli.h"

#define MAX_ARGS 2

static int add_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--code", true, NULL },
				  { "--name", true, NULL },
				  { "--role", true, NULL },
				  { NULL, false, NULL } };
	const char *args[MAX_ARGS];
	struct hd_err err;
	long long id;
	int nargs, rc;

	rc = cli_parse("centre add", argc, argv, 2, opts, args, 0, &nargs);
	if (rc == HD_OK && (!cli_opt(opts, "--code") || !cli_opt(opts, "--name")))
		rc = cli_say(HD_BAD_INPUT, _("centre add: give --code CODE and --name N"));
	if (rc == HD_OK)
		rc = cli_open_district(ctx);
	if (rc != HD_OK)
		return rc;
	if (centre_add(ctx->db, &ctx->actor, cli_opt(opts, "--code"), cli_opt(opts, "--name"),
		       cli_opt(opts, "--role"), &id, &err) != HD_OK)
		return cli_report(&err);
	printf("%lld\t-\t%s %s\n", id, cli_opt(opts, "--code"), cli_opt(opts, "--name"));
	return HD_OK;
}

static int list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *args[MAX_ARGS];
	struct centre *all = NULL;
	struct hd_err err;
	int n = 0, i, nargs, rc;

	rc = cli_parse("centre list", argc, argv, 2, NULL, args, 0, &nargs);
	if (rc == HD_OK)
		rc = cli_open_district(ctx);
	if (rc != HD_OK)
		return rc;
	if (centre_list(ctx->db, &all, &n, &err) != HD_OK)
		return cli_report(&err);
	printf("%s\t%s\t%s\t%s\n", _("id"), _("code"), _("name"), _("database role"));
	for (i = 0; i < n; i++)
		printf("%lld\t%s\t%s\t%s\n", all[i].id, all[i].code, all[i].name,
		       all[i].role[0] ? all[i].role : "-");
	free(all);
	return HD_OK;
}

static int bind_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--role", true, NULL }, { NULL, false, NULL } };
	const char *args[MAX_ARGS];
	struct hd_err err;
	int nargs, rc;

	rc = cli_parse("centre bind", argc, argv, 2, opts, args, 1, &nargs);
	if (rc == HD_OK && (nargs != 1 || !cli_opt(opts, "--role")))
		rc = cli_say(HD_BAD_INPUT,
			     _("centre bind: give the centre's code and --role PGROLE"));
	if (rc == HD_OK)
		rc = cli_open_district(ctx);
	if (rc != HD_OK)
		return rc;
	if (centre_bind(ctx->db, &ctx->actor, args[0], cli_opt(opts, "--role"), &err) != HD_OK)
		return cli_report(&err);
	return HD_OK;
}

int cli_centre(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *sub = argc >= 2 ? argv[1] : "";

	if (strcmp(sub, "add") == 0)
		return add_cmd(ctx, argc, argv);
	if (strcmp(sub, "list") == 0)
		return list_cmd(ctx, argc, argv);
	if (strcmp(sub, "bind") == 0)
		return bind_cmd(ctx, argc, argv);
	return cli_say(HD_BAD_INPUT,
		       _("centre: use centre add --code CODE --name N [--role PGROLE] "
			 "| bind CODE --role PGROLE | list"));
}
