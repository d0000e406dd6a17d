/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_staff.c - `hubdesk staff ...`, booking PINs (`org|team set-pin`) and
 * reading PINs: from the terminal twice without echo, or one line of stdin. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "core/access.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/pin.h"
#include "core/staff.h"
#include "tui/cli.h"

#define PIN_LINE 64

/* One line from the terminal with echo off (stdin is a terminal). */
static bool read_hidden(const char *prompt, char *out, size_t outsz)
{
	struct termios old, quiet;
	bool ok, restore = tcgetattr(STDIN_FILENO, &old) == 0;

	fputs(prompt, stderr);
	fflush(stderr);
	if (restore) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	ok = fgets(out, (int)outsz, stdin) != NULL;
	if (restore)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	out[ok ? strcspn(out, "\r\n") : 0] = '\0';
	return ok;
}

enum hd_status cli_read_pin(const char *label, int min, int max, char *pin, size_t pinsz)
{
	char again[PIN_LINE], prompt[128];
	struct hd_err err;
	enum hd_status rc = HD_OK;

	if (!isatty(STDIN_FILENO)) {
		if (!fgets(pin, (int)pinsz, stdin))
			pin[0] = '\0';
		pin[strcspn(pin, "\r\n")] = '\0';
	} else {
		snprintf(prompt, sizeof(prompt), _("%s (%d to %d digits): "), label, min, max);
		if (!read_hidden(prompt, pin, pinsz))
			pin[0] = '\0';
		if (pin_check_shape(pin, min, max, label, NULL) == HD_OK) {
			snprintf(prompt, sizeof(prompt), _("%s again: "), label);
			if (!read_hidden(prompt, again, sizeof(again)) || strcmp(pin, again) != 0)
				rc = cli_say(HD_BAD_INPUT, _("%s: the two entries differ"), label);
			sodium_memzero(again, sizeof(again));
		}
	}
	if (rc == HD_OK && pin_check_shape(pin, min, max, label, &err) != HD_OK)
		rc = cli_report(&err);
	if (rc != HD_OK)
		sodium_memzero(pin, pinsz);
	return rc;
}

static int staff_add_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--name", true, NULL },
				  { "--role", true, NULL },
				  { NULL, false, NULL } };
	char pin[PIN_LINE];
	const char *args[1];
	struct hd_err err;
	long long id;
	int nargs, rc;

	rc = cli_parse("staff add", argc, argv, 2, opts, args, 0, &nargs);
	if (rc != HD_OK)
		return rc;
	if (!cli_opt(opts, "--name") || !cli_opt(opts, "--role"))
		return cli_say(
			HD_BAD_INPUT,
			_("staff add: give --name and --role volunteer|staff|admin|district"));
	rc = cli_open(ctx);
	if (rc == HD_OK)
		rc = cli_read_pin(_("PIN"), STAFF_PIN_MIN, PIN_MAX, pin, sizeof(pin));
	if (rc != HD_OK)
		return rc;
	rc = staff_add(ctx->db, &ctx->actor, cli_opt(opts, "--name"), cli_opt(opts, "--role"), pin,
		       &id, &err);
	sodium_memzero(pin, sizeof(pin));
	if (rc != HD_OK)
		return cli_report(&err);
	printf("%lld\t-\t%s\n", id, cli_opt(opts, "--name"));
	return HD_OK;
}

static void state_text(const struct staff *s, char *out, size_t outsz)
{
	char until[32];

	if (s->disabled) {
		snprintf(out, outsz, "%s", _("disabled"));
	} else if (s->locked_until > clock_now()) {
		clock_local_datetime(s->locked_until, until, sizeof(until));
		snprintf(out, outsz, _("locked until %s"), until);
	} else {
		snprintf(out, outsz, "%s", _("active"));
	}
}

static int staff_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *args[1];
	struct staff *all = NULL;
	struct hd_err err;
	char state[64], last[32];
	int n = 0, i, nargs, rc;

	rc = cli_parse("staff list", argc, argv, 2, NULL, args, 0, &nargs);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (staff_list(ctx->db, &all, &n, &err) != HD_OK)
		return cli_report(&err);
	printf("%s\t%s\t%s\t%s\t%s\n", _("id"), _("name"), _("role"), _("state"),
	       _("last sign-in"));
	for (i = 0; i < n; i++) {
		state_text(&all[i], state, sizeof(state));
		if (all[i].last_signin)
			clock_local_datetime(all[i].last_signin, last, sizeof(last));
		else
			snprintf(last, sizeof(last), "-");
		printf("%lld\t%s\t%s\t%s\t%s\n", all[i].id, all[i].name,
		       list_label(&LIST_ROLE, (int)all[i].role), state, last);
	}
	free(all);
	return HD_OK;
}

static int staff_id_cmd(struct cli_ctx *ctx, int argc, char **argv, bool reset)
{
	const char *cmd = reset ? "staff reset-pin" : "staff disable";
	char pin[PIN_LINE];
	struct hd_err err;
	bool already = false;
	long long id;
	int rc;

	rc = cli_open_id(ctx, cmd, argc, argv, NULL, &id);
	if (rc != HD_OK)
		return rc;
	if (!reset) {
		if (staff_disable(ctx->db, &ctx->actor, id, &already, &err) != HD_OK)
			return cli_report(&err);
		if (already)
			cli_say(HD_OK, _("account %lld was disabled already"), id);
		return HD_OK;
	}
	rc = cli_read_pin(_("New PIN"), STAFF_PIN_MIN, PIN_MAX, pin, sizeof(pin));
	if (rc != HD_OK)
		return rc;
	rc = staff_reset_pin(ctx->db, &ctx->actor, id, pin, &err);
	sodium_memzero(pin, sizeof(pin));
	return rc == HD_OK ? HD_OK : cli_report(&err);
}

/* The role table, as the README prints it. */
static int staff_roles_cmd(void)
{
	static const char *const MARK[] = { [GRANT_NO] = "–",
					    [GRANT_YES] = "Y",
					    [GRANT_BY_SCAN] = "by scan",
					    [GRANT_WITH_PIN] = "with the booker's PIN" };
	int a, r;

	printf("| action | resident | desk / volunteer | staff | admin | district |\n");
	printf("| --- | --- | --- | --- | --- | --- |\n");
	for (a = 0; a < ACC_COUNT; a++) {
		printf("| %s (`%s`) |", access_text((enum access_action)a),
		       access_word((enum access_action)a));
		for (r = ROLE_RESIDENT; r < HD_ROLE_COUNT; r++)
			printf(" %s |", MARK[access_grant((enum hd_role)r, (enum access_action)a)]);
		printf("\n");
	}
	return HD_OK;
}

int cli_staff(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return staff_add_cmd(ctx, argc, argv);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return staff_list_cmd(ctx, argc, argv);
	if (argc >= 2 && strcmp(argv[1], "disable") == 0)
		return staff_id_cmd(ctx, argc, argv, false);
	if (argc >= 2 && strcmp(argv[1], "reset-pin") == 0)
		return staff_id_cmd(ctx, argc, argv, true);
	if (argc == 2 && strcmp(argv[1], "roles") == 0)
		return staff_roles_cmd();
	return cli_say(HD_BAD_INPUT,
		       _("staff: use staff add | list | disable ID | reset-pin ID | roles"));
}

int cli_set_pin(struct cli_ctx *ctx, int argc, char **argv, enum booker_kind kind)
{
	const char *cmd = kind == BOOKER_ORG ? "org set-pin" : "team set-pin";
	char pin[PIN_LINE];
	struct hd_err err;
	long long id;
	int rc;

	rc = cli_open_id(ctx, cmd, argc, argv, NULL, &id);
	if (rc == HD_OK)
		rc = cli_read_pin(_("Booking PIN"), BOOKER_PIN_MIN, BOOKER_PIN_MAX, pin,
				  sizeof(pin));
	if (rc != HD_OK)
		return rc;
	rc = pin_set_booker(ctx->db, &ctx->actor, kind, id, pin, &err);
	sodium_memzero(pin, sizeof(pin));
	return rc == HD_OK ? HD_OK : cli_report(&err);
}

/* init on a terminal: the first administrator. */
enum hd_status cli_first_admin(struct cli_ctx *ctx)
{
	char name[256], pin[PIN_LINE];
	struct hd_err err;
	enum hd_status rc;
	long long id;

	if (!isatty(STDIN_FILENO) || staff_active_count(ctx->db) > 0) {
		if (staff_active_count(ctx->db) == 0)
			cli_say(HD_OK,
				_("no administrator yet: add one with hubdesk staff add --role admin"));
		return HD_OK;
	}
	fputs(_("The first administrator's name: "), stderr);
	fflush(stderr);
	if (!fgets(name, sizeof(name), stdin))
		return cli_say(HD_BAD_INPUT,
			       _("no name given; add one later with hubdesk staff add"));
	name[strcspn(name, "\r\n")] = '\0';
	rc = cli_read_pin(_("PIN"), STAFF_PIN_MIN, PIN_MAX, pin, sizeof(pin));
	if (rc != HD_OK)
		return rc;
	rc = staff_add(ctx->db, &ctx->actor, name, "admin", pin, &id, &err);
	sodium_memzero(pin, sizeof(pin));
	if (rc != HD_OK)
		return cli_report(&err);
	printf("%lld\t-\t%s\n", id, name);
	return HD_OK;
}
