/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_visitor.c - `hubdesk visitor checkin|checkout|list|erase`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/backup.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/token.h"
#include "core/validate.h"
#include "core/visit.h"
#include "printing/slip.h"
#include "tui/cli.h"
#include "tui/cli_record.h"

#define MAX_ARGS 2

static void summary(const struct visit *v, char *out, size_t outsz)
{
	char when[16];

	clock_local_hm(v->time_in, when, sizeof(when));
	snprintf(out, outsz, "%s %s %s", v->name, list_get(&LIST_PURPOSE, v->purpose)->zh, when);
}

/* The options of `visitor checkin` besides its field list's. */
static const struct cli_opt CHECKIN_MORE[] = {
	{ "--under-14", false, NULL },
	{ "--guardian-consent", false, NULL },
	{ "--no-print", false, NULL },
};

#define CHECKIN_MORE_N ((int)(sizeof(CHECKIN_MORE) / sizeof(CHECKIN_MORE[0])))

static int checkin_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[VISIT_NFIELDS + CHECKIN_MORE_N + 1];
	struct spool_outcome out;
	struct visit_draft d = { 0 };
	const char *args[MAX_ARGS];
	char token[TOKEN_MAX], line[NAME_BYTES + 128];
	struct hd_err err;
	struct visit v;
	long long id;
	int nargs, rc;

	cli_record_opts(&VISIT_RECORD, opts);
	cli_opts_append(opts, CHECKIN_MORE, CHECKIN_MORE_N);
	rc = cli_parse("visitor checkin", argc, argv, 2, opts, args, 0, &nargs);
	if (rc == HD_OK)
		rc = cli_record_draft(opts, &VISIT_RECORD, &d);
	if (rc != HD_OK)
		return rc;
	d.under14 = cli_opt(opts, "--under-14") != NULL;
	d.guardian_consent = cli_opt(opts, "--guardian-consent") != NULL;
	d.print = !cli_opt(opts, "--no-print");
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (visit_checkin(ctx->db, &ctx->actor, &d, &id, &err) != HD_OK ||
	    visit_get(ctx->db, id, &v, &err) != HD_OK ||
	    token_make(ctx->db, TOKEN_VISIT, id, token, sizeof(token), &err) != HD_OK)
		return cli_report(&err);
	summary(&v, line, sizeof(line));
	printf("%lld\t%s\t%s\n", id, token, line);
	fflush(stdout);
	if (cli_opt(opts, "--no-print"))
		return HD_OK;
	/* The visit is saved: a print that fails only says so. */
	if (slip_print(ctx->db, &ctx->actor, id, NULL, NULL, &out, &err) != HD_OK)
		cli_say(HD_OK, _("the slip was not printed: %s"), err.msg);
	else if (!out.delivered)
		cli_say(HD_OK, "%s", out.message);
	return HD_OK;
}

static int checkout_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *args[MAX_ARGS];
	char when[32];
	struct hd_err err;
	bool scanned, already;
	time_t first;
	long long id;
	int nargs, rc;

	rc = cli_parse("visitor checkout", argc, argv, 2, NULL, args, 1, &nargs);
	if (rc != HD_OK)
		return rc;
	if (nargs != 1)
		return cli_say(HD_BAD_INPUT,
			       _("visitor checkout: give the slip's code or the visit's ID"));
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (visit_code(ctx->db, &ctx->actor, args[0], &id, &scanned, &err) != HD_OK ||
	    visit_checkout(ctx->db, &ctx->actor, id, scanned ? VIA_SCAN : VIA_DIRECT, &already,
			   &first, &err) != HD_OK)
		return cli_report(&err);
	if (already) {
		clock_local_datetime(first, when, sizeof(when));
		cli_say(HD_OK, _("visit %lld was checked out already at %s"), id, when);
	}
	return HD_OK;
}

static void print_visit(const struct visit *v)
{
	char day[DATE_LEN], in[16], out[16], phone[PHONE_MAX + 8];

	clock_local_date(v->time_in, day, sizeof(day));
	clock_local_hm(v->time_in, in, sizeof(in));
	out[0] = '\0';
	if (v->time_out)
		clock_local_hm(v->time_out, out, sizeof(out));
	phone[0] = '\0';
	if (*v->phone)
		phone_mask(v->phone, phone, sizeof(phone));
	printf("%lld\t%s\t%s\t%s%s\t%s\t%s\t%s\t%s\t%d\n", v->id, day, in, out,
	       v->auto_out ? _(" (automatic)") : "", v->erased ? _("(erased)") : v->name, phone,
	       list_get(&LIST_PURPOSE, v->purpose)->zh, v->whom, v->party);
}

static int list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--present", false, NULL },
				  { "--date", true, NULL },
				  { NULL, false, NULL } };
	const char *args[MAX_ARGS];
	struct visit *all = NULL;
	struct hd_err err;
	long day = CLOCK_NO_DAY;
	int n = 0, i, nargs, rc;

	rc = cli_parse("visitor list", argc, argv, 2, opts, args, 0, &nargs);
	if (rc != HD_OK)
		return rc;
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	rc = access_require(ctx->db, &ctx->actor, ACC_VISITOR, &err);
	if (rc == HD_OK && !cli_opt(opts, "--present") && cli_opt(opts, "--date"))
		rc = clock_parse_day(cli_opt(opts, "--date"), _("Date"), &day, &err);
	else if (rc == HD_OK)
		day = clock_today();
	if (rc == HD_OK)
		rc = cli_opt(opts, "--present") ? visit_present(ctx->db, &all, &n, &err)
						: visit_on_date(ctx->db, day, &all, &n, &err);
	if (rc != HD_OK)
		return cli_report(&err);
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("id"), _("date"), _("in"), _("out"),
	       _("person name"), _("phone"), _("purpose"), _("visiting"), _("party"));
	for (i = 0; i < n; i++)
		print_visit(&all[i]);
	free(all);
	return HD_OK;
}

static int erase_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *args[MAX_ARGS];
	struct backup_round round;
	struct hd_err err;
	long id = 0;
	int nargs, rc;

	rc = cli_parse("visitor erase", argc, argv, 2, NULL, args, 1, &nargs);
	if (rc != HD_OK)
		return rc;
	if (nargs != 1 || valid_int(args[0], "ID", 1, 999999999999L, &id, &err) != HD_OK)
		return cli_say(HD_BAD_INPUT, _("visitor erase: give the visit's ID"));
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (backup_erase_visit(ctx->db, &ctx->actor, id, &round, &err) != HD_OK)
		return cli_report(&err);
	if (round.kept)
		cli_say(HD_OK,
			ngettext("erased, also in %d copy of the database",
				 "erased, also in %d copies of the database",
				 (unsigned long)round.kept),
			round.kept);
	return HD_OK;
}

int cli_visitor(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *sub = argc >= 2 ? argv[1] : "";

	if (strcmp(sub, "checkin") == 0)
		return checkin_cmd(ctx, argc, argv);
	if (strcmp(sub, "checkout") == 0)
		return checkout_cmd(ctx, argc, argv);
	if (strcmp(sub, "list") == 0)
		return list_cmd(ctx, argc, argv);
	if (strcmp(sub, "erase") == 0)
		return erase_cmd(ctx, argc, argv);
	return cli_say(HD_BAD_INPUT,
		       _("visitor: use visitor checkin | checkout CODE|ID | list | erase ID"));
}
