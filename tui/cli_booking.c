/* cli_booking.c - `hubdesk booking add|cancel|checkin|approve|reject|list`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/token.h"
#include "printing/receipt.h"
#include "tui/cli.h"

#define MAX_ARGS 2

static void summary(const struct booking *b, char *out, size_t outsz)
{
	char from[32], to[16];

	clock_local_datetime(b->start, from, sizeof(from));
	clock_local_hm(b->end, to, sizeof(to));
	snprintf(out, outsz, "%s %s-%s %s %s", b->room, from, to, b->booker,
		 _(booking_state_word(b->state)));
}

static int add_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = {
		{ "--room", true, NULL },      { "--org", true, NULL },     { "--team", true, NULL },
		{ "--start", true, NULL },     { "--end", true, NULL },     { "--attendees", true, NULL },
		{ "--purpose", true, NULL },   { "--no-print", false, NULL }, { NULL, false, NULL },
	};
	struct spool_outcome out;
	struct booking_draft d;
	const char *args[MAX_ARGS];
	char token[TOKEN_MAX], line[512];
	struct hd_err err;
	struct booking b;
	long long id;
	int nargs, rc;

	rc = cli_parse("booking add", argc, argv, 2, opts, args, 0, &nargs);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	d = (struct booking_draft){ cli_opt(opts, "--room"),  cli_opt(opts, "--org"),
				    cli_opt(opts, "--team"),  cli_opt(opts, "--start"),
				    cli_opt(opts, "--end"),   cli_opt(opts, "--attendees"),
				    cli_opt(opts, "--purpose") };
	if (booking_add(ctx->db, &ctx->actor, VIA_DIRECT, &d, &id, &err) != HD_OK ||
	    booking_get(ctx->db, id, &b, &err) != HD_OK ||
	    token_make(ctx->db, TOKEN_BOOKING, id, token, sizeof(token), &err) != HD_OK)
		return cli_report(&err);
	summary(&b, line, sizeof(line));
	printf("%lld\t%s\t%s\n", id, token, line);
	fflush(stdout);
	if (cli_opt(opts, "--no-print"))
		return HD_OK;
	/* The booking is saved: a print that fails only says so. */
	if (receipt_print(ctx->db, &ctx->actor, id, NULL, NULL, &out, &err) != HD_OK)
		cli_say(HD_OK, _("the receipt was not printed: %s"), err.msg);
	else if (!out.delivered)
		cli_say(HD_OK, "%s", out.message);
	return HD_OK;
}

/* An id, or a booking receipt's code (a scan). */
static enum hd_status read_booking_id(struct cli_ctx *ctx, const char *cmd, int nargs,
				      const char **args, long long *id, enum access_via *how)
{
	enum token_kind kind;
	struct hd_err err;
	char *end = NULL;

	*how = VIA_DIRECT;
	if (nargs != 1)
		return cli_say(HD_BAD_INPUT, _("%s: give the booking's ID or receipt code"), cmd);
	*id = strtoll(args[0], &end, 10);
	if (*args[0] && !*end && *id > 0)
		return HD_OK;
	if (token_read(ctx->db, &ctx->actor, args[0], &kind, id, &err) != HD_OK)
		return cli_report(&err);
	if (kind != TOKEN_BOOKING)
		return cli_say(HD_BAD_INPUT, _("This is a %s code, not a booking receipt."),
			       _(token_kind_word(kind)));
	*how = VIA_SCAN;
	return HD_OK;
}

static int id_cmd(struct cli_ctx *ctx, int argc, char **argv, bool checkin)
{
	const char *cmd = checkin ? "booking checkin" : "booking cancel";
	struct cli_opt opts[] = { { "--following", false, NULL }, { NULL, false, NULL } };
	const char *args[MAX_ARGS];
	enum access_via how;
	struct hd_err err;
	char when[32];
	bool already;
	time_t at;
	long long id;
	int nargs, rc;

	rc = cli_parse(cmd, argc, argv, 2, checkin ? NULL : opts, args, 1, &nargs);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc == HD_OK)
		rc = read_booking_id(ctx, cmd, nargs, args, &id, &how);
	if (rc != HD_OK)
		return rc;
	rc = checkin ? booking_checkin(ctx->db, &ctx->actor, how, id, &already, &at, &err)
		     : booking_cancel(ctx->db, &ctx->actor, VIA_DIRECT, id, &already, &err);
	if (rc != HD_OK)
		return cli_report(&err);
	if (already && checkin) {
		clock_local_datetime(at, when, sizeof(when));
		cli_say(HD_OK, _("booking %lld was checked in already at %s"), id, when);
	} else if (already) {
		cli_say(HD_OK, _("booking %lld was cancelled already"), id);
	}
	return HD_OK;
}

static int decide_cmd(struct cli_ctx *ctx, int argc, char **argv, bool approve)
{
	const char *cmd = approve ? "booking approve" : "booking reject";
	struct cli_opt opts[] = { { "--reason", true, NULL }, { NULL, false, NULL } };
	const char *args[MAX_ARGS];
	enum access_via how;
	struct hd_err err;
	bool already;
	long long id;
	int nargs, rc;

	rc = cli_parse(cmd, argc, argv, 2, approve ? NULL : opts, args, 1, &nargs);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc == HD_OK)
		rc = read_booking_id(ctx, cmd, nargs, args, &id, &how);
	if (rc != HD_OK)
		return rc;
	rc = approve ? booking_approve(ctx->db, &ctx->actor, id, &already, &err)
		     : booking_reject(ctx->db, &ctx->actor, id, cli_opt(opts, "--reason"), &already,
				      &err);
	if (rc != HD_OK)
		return cli_report(&err);
	if (already)
		cli_say(HD_OK, approve ? _("booking %lld was approved already")
				       : _("booking %lld was rejected already"),
			id);
	return HD_OK;
}

static int move_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--start", true, NULL }, { "--end", true, NULL },
				  { "--room", true, NULL }, { "--following", false, NULL },
				  { NULL, false, NULL } };
	const char *args[MAX_ARGS];
	char token[TOKEN_MAX], line[512];
	enum access_via how;
	struct hd_err err;
	struct booking b;
	long long id;
	int nargs, rc;

	rc = cli_parse("booking move", argc, argv, 2, opts, args, 1, &nargs);
	if (rc == HD_OK && cli_opt(opts, "--following"))
		rc = cli_say(HD_FAIL, _("booking move --following is not available in this version yet"));
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc == HD_OK)
		rc = read_booking_id(ctx, "booking move", nargs, args, &id, &how);
	if (rc != HD_OK)
		return rc;
	if (booking_move(ctx->db, &ctx->actor, VIA_DIRECT, id, cli_opt(opts, "--start"),
			 cli_opt(opts, "--end"), cli_opt(opts, "--room"), &err) != HD_OK ||
	    booking_get(ctx->db, id, &b, &err) != HD_OK ||
	    token_make(ctx->db, TOKEN_BOOKING, id, token, sizeof(token), &err) != HD_OK)
		return cli_report(&err);
	summary(&b, line, sizeof(line));
	printf("%lld\t%s\t%s\n", id, token, line);
	return HD_OK;
}

static int list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--date", true, NULL }, { "--room", true, NULL },
				  { NULL, false, NULL } };
	const char *args[MAX_ARGS], *room;
	struct booking *all = NULL;
	char from[16], to[16], day[16];
	struct hd_err err;
	long long room_id = 0;
	int n = 0, i, nargs, rc;

	rc = cli_parse("booking list", argc, argv, 2, opts, args, 0, &nargs);
	if (rc != HD_OK)
		return rc;
	if (!cli_opt(opts, "--date"))
		return cli_say(HD_BAD_INPUT, _("booking list: give --date YYYY-MM-DD"));
	room = cli_opt(opts, "--room");
	if (room && (room_id = strtoll(room, NULL, 10)) <= 0)
		return cli_say(HD_BAD_INPUT, _("--room: a room's ID"));
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (booking_day(ctx->db, cli_opt(opts, "--date"), room_id, &all, &n, &err) != HD_OK)
		return cli_report(&err);
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("id"), _("room"), _("date"), _("start"),
	       _("end"), _("booker"), _("attendees"), _("state"));
	for (i = 0; i < n; i++) {
		clock_local_date(all[i].start, day, sizeof(day));
		clock_local_hm(all[i].start, from, sizeof(from));
		clock_local_hm(all[i].end, to, sizeof(to));
		printf("%lld\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", all[i].id, all[i].room, day, from, to,
		       all[i].booker, all[i].attendees, booking_state_word(all[i].state));
	}
	free(all);
	return HD_OK;
}

int cli_booking(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *sub = argc >= 2 ? argv[1] : "";

	if (strcmp(sub, "add") == 0)
		return add_cmd(ctx, argc, argv);
	if (strcmp(sub, "cancel") == 0)
		return id_cmd(ctx, argc, argv, false);
	if (strcmp(sub, "checkin") == 0)
		return id_cmd(ctx, argc, argv, true);
	if (strcmp(sub, "list") == 0)
		return list_cmd(ctx, argc, argv);
	if (strcmp(sub, "approve") == 0 || strcmp(sub, "reject") == 0)
		return decide_cmd(ctx, argc, argv, strcmp(sub, "approve") == 0);
	if (strcmp(sub, "move") == 0)
		return move_cmd(ctx, argc, argv);
	return cli_say(HD_BAD_INPUT,
		       _("booking: use booking add | cancel | move | checkin | approve | reject | list"));
}
