/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.c - the command table, option parsing and messages of the command
 * line; init and config. */
#include "tui/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/centre.h"
#include "core/db.h"
#include "core/dblock.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/setup.h"
#include "core/text.h"
#include "core/validate.h"

enum hd_status cli_say(enum hd_status status, const char *fmt, ...)
{
	va_list ap;

	fputs("hubdesk: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

enum hd_status cli_id(const char *cmd, const char *arg, long long *id)
{
	char shown[128];

	if (valid_id(arg, cmd, id, NULL) == HD_OK)
		return HD_OK;
	if (!arg || !*arg)
		return cli_say(HD_BAD_INPUT, _("%s: give the ID (a whole number)"), cmd);
	text_sanitise(arg ? arg : "", shown, sizeof(shown));
	return cli_say(HD_BAD_INPUT, _("%s: ID must be a number from 1 to %ld, not %s"), cmd,
		       RECORD_ID_MAX, shown);
}

enum hd_status cli_open_id(struct cli_ctx *ctx, const char *cmd, int argc, char **argv,
			   struct cli_opt *opts, long long *id)
{
	const char *args[1];
	int nargs;
	enum hd_status rc = cli_parse(cmd, argc, argv, 2, opts, args, 1, &nargs);

	if (rc == HD_OK)
		rc = cli_id(cmd, nargs ? args[0] : NULL, id);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	return rc;
}

enum hd_status cli_report(const struct hd_err *err)
{
	return cli_say(err->status, "%s", err->msg);
}

static struct cli_opt *find_opt(struct cli_opt *opts, const char *name, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len && strncmp(opts->name, name, len) == 0)
			return opts;
	return NULL;
}

enum hd_status cli_parse(const char *cmd, int argc, char **argv, int from, struct cli_opt *opts,
			 const char **args, int max_args, int *nargs)
{
	struct cli_opt *o;
	const char *eq;
	int i;

	*nargs = 0;
	for (i = from; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) != 0 || argv[i][2] == '\0') {
			if (*nargs >= max_args)
				return cli_say(HD_BAD_INPUT, _("%s: unexpected argument %s"), cmd,
					       argv[i]);
			args[(*nargs)++] = argv[i];
			continue;
		}
		eq = strchr(argv[i], '=');
		o = find_opt(opts, argv[i], eq ? (size_t)(eq - argv[i]) : strlen(argv[i]));
		if (!o)
			return cli_say(HD_BAD_INPUT,
				       _("%s: unknown option %s (see hubdesk --help)"), cmd,
				       argv[i]);
		if (!o->has_value) {
			if (eq)
				return cli_say(HD_BAD_INPUT, _("%s: %s takes no value"), cmd,
					       o->name);
			o->value = "";
		} else if (eq) {
			o->value = eq + 1;
		} else if (i + 1 < argc) {
			o->value = argv[++i];
		} else {
			return cli_say(HD_BAD_INPUT, _("%s: %s needs a value"), cmd, o->name);
		}
	}
	return HD_OK;
}

void cli_opts_append(struct cli_opt *opts, const struct cli_opt *more, int n)
{
	int i;

	for (; opts->name; opts++)
		;
	for (i = 0; i < n; i++)
		opts[i] = more[i];
	opts[n] = (struct cli_opt){ NULL, false, NULL };
}

const char *cli_opt(const struct cli_opt *opts, const char *name)
{
	for (; opts && opts->name; opts++)
		if (strcmp(opts->name, name) == 0)
			return opts->value;
	return NULL;
}

enum hd_status cli_open_district(struct cli_ctx *ctx)
{
	struct hd_err err;

	if (dblock_take(ctx->db_path, false, &ctx->lock_fd, &err) != HD_OK)
		return cli_report(&err);
	if (db_open(ctx->db_path, DB_EXISTING, &ctx->db, &err) != HD_OK) {
		dblock_release(ctx->lock_fd);
		ctx->lock_fd = -1;
		return cli_report(&err);
	}
	return HD_OK;
}

enum hd_status cli_open(struct cli_ctx *ctx)
{
	struct hd_err err;
	enum hd_status rc = cli_open_district(ctx);

	if (rc == HD_OK && centre_choose(ctx->db, ctx->centre, &err) != HD_OK)
		return cli_report(&err);
	return rc;
}

int cli_init(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--demo", false, NULL }, { NULL, false, NULL } };
	struct hd_err err;
	const char *args[1];
	bool created = false;
	enum hd_status rc;
	int nargs;

	rc = cli_parse("init", argc, argv, 1, opts, args, 0, &nargs);
	if (rc != HD_OK)
		return rc;
	if (db_open(ctx->db_path, DB_CREATE, &ctx->db, &err) != HD_OK ||
	    centre_name_new(ctx->db, &ctx->actor, ctx->centre, &err) != HD_OK ||
	    centre_choose(ctx->db, ctx->centre, &err) != HD_OK)
		return cli_report(&err);
	rc = setup_init(ctx->db, &ctx->actor, &created, &err);
	if (rc != HD_OK)
		return cli_report(&err);
	if (cli_opt(opts, "--demo")) {
		rc = setup_demo(ctx->db, &ctx->actor, &err);
		if (rc != HD_OK)
			return cli_report(&err);
		cli_say(HD_OK, _("demo data loaded into %s"), ctx->db_path);
	} else if (!created) {
		cli_say(HD_OK, _("%s is initialised already"), ctx->db_path);
	} else {
		cli_say(HD_OK, _("new database at %s"), ctx->db_path);
	}
	return cli_opt(opts, "--demo") ? HD_OK : cli_first_admin(ctx);
}

int cli_config(struct cli_ctx *ctx, int argc, char **argv)
{
	char value[SETTING_VALUE_MAX];
	const char *args[3];
	enum setting s = 0;
	struct hd_err err;
	enum hd_status rc;
	int nargs;

	rc = cli_parse("config", argc, argv, 1, NULL, args, 3, &nargs);
	if (rc != HD_OK)
		return rc;
	if (nargs == 0 || (strcmp(args[0], "list") != 0 && strcmp(args[0], "get") != 0 &&
			   strcmp(args[0], "set") != 0))
		return cli_say(HD_BAD_INPUT,
			       _("config: use config get KEY | set KEY VALUE | list"));
	if ((strcmp(args[0], "list") == 0 && nargs != 1) ||
	    (strcmp(args[0], "get") == 0 && nargs != 2) ||
	    (strcmp(args[0], "set") == 0 && nargs != 3))
		return cli_say(HD_BAD_INPUT,
			       _("config: use config get KEY | set KEY VALUE | list"));
	/* The key people typed names a setting, or is refused here. */
	if (strcmp(args[0], "list") != 0 && settings_lookup(args[1], &s, &err) != HD_OK)
		return cli_report(&err);
	if (strcmp(args[0], "set") == 0 &&
	    settings_validate(s, args[2], value, sizeof(value), &err) != HD_OK)
		return cli_report(&err);
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (strcmp(args[0], "set") == 0) {
		if (settings_set(ctx->db, &ctx->actor, s, args[2], &err) != HD_OK)
			return cli_report(&err);
		return HD_OK;
	}
	if (strcmp(args[0], "get") == 0) {
		if (settings_get(ctx->db, s, value, sizeof(value), &err) != HD_OK)
			return cli_report(&err);
		printf("%s\n", value);
		return HD_OK;
	}
	printf("%s\t%s\t%s\n", _("key"), _("value"), _("meaning"));
	for (s = 0; s < SETTING_COUNT; s++) {
		const struct setting_def *d = settings_def(s);

		if (settings_get(ctx->db, s, value, sizeof(value), &err) != HD_OK)
			return cli_report(&err);
		printf("%s\t%s\t%s\n", d->key, value, _(d->help));
	}
	return HD_OK;
}

static const struct {
	const char *name;
	int (*run)(struct cli_ctx *ctx, int argc, char **argv);
} COMMANDS[] = {
	{ "init", cli_init },         { "config", cli_config },   { "room", cli_room },
	{ "org", cli_org },           { "staff", cli_staff },     { "closure", cli_closure },
	{ "visitor", cli_visitor },   { "booking", cli_booking }, { "team", cli_team },
	{ "verify", cli_verify },     { "print", cli_print },     { "report", cli_report_cmd },
	{ "export", cli_export },     { "import", cli_import },   { "backup", cli_backup },
	{ "maintain", cli_maintain }, { "restore", cli_restore }, { "centre", cli_centre },
	{ "load", cli_load },
};

int cli_run(struct cli_ctx *ctx, int argc, char **argv)
{
	size_t i;
	int rc;

	for (i = 0; i < sizeof(COMMANDS) / sizeof(COMMANDS[0]); i++) {
		if (strcmp(argv[0], COMMANDS[i].name) == 0) {
			rc = COMMANDS[i].run(ctx, argc, argv);
			db_close(ctx->db);
			ctx->db = NULL;
			dblock_release(ctx->lock_fd);
			ctx->lock_fd = -1;
			return rc;
		}
	}
	return cli_say(HD_BAD_INPUT, _("unknown command %s (see hubdesk --help)"), argv[0]);
}

void cli_usage(void)
{
	printf("%s hubdesk [--db PATH] [--centre CODE] [--lang zh|en] [--desk NAME] [COMMAND ...]\n",
	       _("usage:"));
	printf("  %s\n", _("with no command: the full-screen desk"));
	fputs("  init [--demo]\n"
	      "  config get KEY | set KEY VALUE | list\n"
	      "  room add --name N --kind K --capacity N [--open HH:MM --close HH:MM] [--buffer MIN]\n"
	      "  room list | close ID --from 'YYYY-MM-DD HH:MM' --to 'YYYY-MM-DD HH:MM' --reason TEXT\n"
	      "  org add --name N --kind K [--short S] [--credit-code C] [--contact N] [--phone P]\n"
	      "          [--in DATE --out DATE]\n"
	      "  org list | set-pin ID\n"
	      "  staff add --name N --role volunteer|staff|admin|district    (district: PostgreSQL)\n"
	      "  staff list | disable ID | reset-pin ID | roles\n"
	      "  team apply --name N --category C --leader N --phone P --members N --content T\n"
	      "             --place T --schedule T [--short S] [--party-members N] [--liaison N]\n"
	      "             [--committee T] [--street T]\n"
	      "  team update ID [any option of team apply]\n"
	      "  team review ID | file ID [--no-print] | classify ID [--category C]\n"
	      "  team reopen ID --reason T | deregister ID --reason T | activity ID [--date D]\n"
	      "  team list [--status S] [--roll] [--district] | show ID | set-pin ID\n"
	      "  closure add --from YYYY-MM-DD --to YYYY-MM-DD --reason TEXT | list [--all] | remove ID\n"
	      "  visitor checkin --name N [--phone P] --purpose P [--org ID | --team ID | --whom T]\n"
	      "                  [--party N] [--note T] [--under-14 --guardian-consent] [--no-print]\n"
	      "  visitor checkout CODE|ID | list [--present] [--date YYYY-MM-DD] | erase ID\n"
	      "  booking add --room ID --org ID|--team ID --start 'YYYY-MM-DD HH:MM' --end '...'\n"
	      "              [--attendees N] [--purpose TEXT] [--no-print]\n"
	      "  booking cancel ID | move ID --start ... --end ... [--room ID] | checkin CODE|ID\n"
	      "  booking approve ID | reject ID --reason T | list --date YYYY-MM-DD [--room ID]\n"
	      "  print test [--to QUEUE] [--format escpos|pdf] | visitor ID | booking ID | status | retry\n"
	      "  verify TEXT\n"
	      "  report (--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD) [--csv | --pdf FILE]\n"
	      "  report (--month YYYY-MM | --from ... --to ...) --district [--csv]   (PostgreSQL)\n"
	      "  export visits|bookings|teams|orgs|rooms [--from YYYY-MM-DD --to YYYY-MM-DD]\n"
	      "  export teams|orgs --district [--from YYYY-MM-DD --to YYYY-MM-DD]   (PostgreSQL)\n"
	      "  export ical [--room ID] [--from YYYY-MM-DD --to YYYY-MM-DD]\n"
	      "  import orgs|teams|rooms FILE.csv\n"
	      "  backup PATH | restore PATH\n"
	      "  maintain\n"
	      "  centre add --code CODE --name N [--role PGROLE] | list       (PostgreSQL)\n"
	      "  centre bind CODE --role PGROLE                               (PostgreSQL)\n"
	      "  load FILE.db                      (PostgreSQL, with --centre: the file's centre moves in)\n",
	      stdout);
	printf("%s\n", _("PINs are read twice from the terminal, or as one line of stdin."));
	printf("%s\n", _("See README.md for the commands of every feature."));
}
