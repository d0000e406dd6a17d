/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_booking.c - `hubdesk booking add|cancel|move|checkin|approve|reject|list`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/validate.h"
#include "core/token.h"
#include "printing/receipt.h"
#include "tui/cli.h"
#include "tui/cli_record.h"

#define MAX_ARGS 2

static void summary(const struct booking *b, char *out, size_t outsz)
{
	char from[32], to[16];

	clock_local_datetime(b->start, from, sizeof(from));
	clock_local_hm(b->end, to, sizeof(to));
	snprintf(out, outsz, "%s %s-%s %s %s", b->room, from, to, b->booker,
		 _(booking_state_word(b->state)));
}

/* One line per booking: ID, code, summary. */
static enum hd_status print_lines(struct cli_ctx *ctx, const long long *ids, int n)
{
	char token[TOKEN_MAX], line[512];
	struct hd_err err;
	struct booking b;
	int i;

	for (i = 0; i < n; i++) {
		if (booking_get(ctx->db, ids[i], &b, &err) != HD_OK ||
		    token_make(ctx->db, TOKEN_BOOKING, ids[i], token, sizeof(token), &err) != HD_OK)
			return cli_report(&err);
		summary(&b, line, sizeof(line));
		printf("%lld\t%s\t%s\n", ids[i], token, line);
	}
	fflush(stdout);
	return HD_OK;
}

/* Every date of a series that was not booked, and why. */
static void say_missed(const struct booking_series *s)
{
	char day[16];
	int i;

	for (i = 0; i < s->nmissed; i++) {
		clock_local_date(s->missed[i].start, day, sizeof(day));
		cli_say(HD_OK, _("%s not booked: %s"), day, s->missed[i].why);
	}
}

/* The options of `booking add` besides its field list's. */
static const struct cli_opt ADD_MORE[] = {
	{ "--org", true, NULL },
	{ "--team", true, NULL },
	{ "--no-print", false, NULL },
	{ "--weekly-until", true, NULL },
	{ "--skip-conflicts", false, NULL },
};

#define ADD_MORE_N ((int)(sizeof(ADD_MORE) / sizeof(ADD_MORE[0])))

/* The draft of the options given, the booker read from --org or --team. */
static enum hd_status add_draft(const struct cli_opt *opts, struct booking_draft *d)
{
	struct hd_err err;
	enum hd_status rc;

	*d = (struct booking_draft){ .print = !cli_opt(opts, "--no-print") };
	rc = cli_record_draft(opts, &BOOKING_RECORD, d);
	if (rc == HD_OK && booking_booker_read(cli_opt(opts, "--org"), cli_opt(opts, "--team"),
					       &d->booker, &err) != HD_OK)
		rc = cli_report(&err);
	return rc;
}

static int add_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[BOOKING_NFIELDS + ADD_MORE_N + 1];
	struct booking_series s = { 0 };
	struct spool_outcome out;
	struct booking_draft d;
	const char *args[MAX_ARGS], *until;
	struct hd_err err;
	long until_day;
	int nargs, rc;

	cli_record_opts(&BOOKING_RECORD, opts);
	cli_opts_append(opts, ADD_MORE, ADD_MORE_N);
	rc = cli_parse("booking add", argc, argv, 2, opts, args, 0, &nargs);
	until = cli_opt(opts, "--weekly-until");
	if (rc == HD_OK && cli_opt(opts, "--skip-conflicts") && !until)
		rc = cli_say(HD_BAD_INPUT, _("--skip-conflicts: only with --weekly-until"));
	if (rc == HD_OK)
		rc = add_draft(opts, &d);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (until) {
		rc = clock_parse_day(until, _("Weekly until"), &until_day, &err);
		if (rc == HD_OK)
			rc = booking_add_weekly(ctx->db, &ctx->actor, VIA_DIRECT, &d, until_day,
						cli_opt(opts, "--skip-conflicts") != NULL, &s,
						&err);
	} else if ((s.ids = malloc(sizeof(*s.ids))) == NULL)
		rc = hd_err_set(&err, HD_FAIL, "", _("out of memory"));
	else
		rc = booking_add(ctx->db, &ctx->actor, VIA_DIRECT, &d, &s.ids[s.n++], &err);
	say_missed(&s);
	if (rc == HD_OK)
		rc = print_lines(ctx, s.ids, s.n);
	else
		rc = cli_report(&err);
	/* The bookings are saved: a print that fails only says so. One receipt
	 * serves a series: its code checks in each date. */
	if (rc == HD_OK && !cli_opt(opts, "--no-print")) {
		if (receipt_print(ctx->db, &ctx->actor, s.ids[0], NULL, NULL, &out, &err) != HD_OK)
			cli_say(HD_OK, _("the receipt was not printed: %s"), err.msg);
		else if (!out.delivered)
			cli_say(HD_OK, "%s", out.message);
	}
	booking_series_free(&s);
	return rc;
}

/* `cmd ID|CODE [opts]`: parses the options (opts may be NULL), opens the
 * database and reads the one argument, an id or a booking receipt's code
 * (a scan: *how VIA_SCAN). */
static enum hd_status read_booking_id(struct cli_ctx *ctx, const char *cmd, int argc, char **argv,
				      struct cli_opt *opts, long long *id, enum access_via *how)
{
	const char *args[MAX_ARGS];
	enum token_kind kind;
	struct hd_err err;
	int nargs, rc;

	*how = VIA_DIRECT;
	rc = cli_parse(cmd, argc, argv, 2, opts, args, 1, &nargs);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (nargs != 1 || token_ref_of(args[0]) == REF_NEITHER)
		return cli_say(HD_BAD_INPUT, _("%s: give the booking's ID or receipt code"), cmd);
	if (token_ref_of(args[0]) == REF_NUMBER)
		return cli_id(cmd, args[0], id);
	if (token_read(ctx->db, &ctx->actor, args[0], &kind, id, &err) != HD_OK)
		return cli_report(&err);
	if (kind != TOKEN_BOOKING)
		return cli_say(HD_BAD_INPUT, _("This is a %s code, not a booking receipt."),
			       _(token_kind_word(kind)));
	*how = VIA_SCAN;
	return HD_OK;
}

/* `booking cancel ID [--following]`. */
static int cancel_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--following", false, NULL }, { NULL, false, NULL } };
	struct booking_series s;
	enum access_via how;
	struct hd_err err;
	bool already;
	long long id;
	int rc;

	rc = read_booking_id(ctx, "booking cancel", argc, argv, opts, &id, &how);
	if (rc != HD_OK)
		return rc;
	if (!cli_opt(opts, "--following")) {
		if (booking_cancel(ctx->db, &ctx->actor, VIA_DIRECT, id, &already, &err) != HD_OK)
			return cli_report(&err);
		if (already)
			cli_say(HD_OK, _("booking %lld was cancelled already"), id);
		return HD_OK;
	}
	if (booking_cancel_following(ctx->db, &ctx->actor, VIA_DIRECT, id, &s, &err) != HD_OK)
		return cli_report(&err);
	cli_say(HD_OK,
		ngettext("%d booking cancelled", "%d bookings cancelled", (unsigned long)s.n), s.n);
	booking_series_free(&s);
	return HD_OK;
}

static int checkin_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	enum access_via how;
	struct hd_err err;
	char when[32];
	bool already;
	time_t at;
	long long id;
	int rc;

	rc = read_booking_id(ctx, "booking checkin", argc, argv, NULL, &id, &how);
	if (rc != HD_OK)
		return rc;
	if (how == VIA_SCAN)
		id = booking_series_now(ctx->db, id);
	if (booking_checkin(ctx->db, &ctx->actor, how, id, &already, &at, &err) != HD_OK)
		return cli_report(&err);
	if (already) {
		clock_local_datetime(at, when, sizeof(when));
		cli_say(HD_OK, _("booking %lld was checked in already at %s"), id, when);
	}
	return HD_OK;
}

static int decide_cmd(struct cli_ctx *ctx, int argc, char **argv, bool approve)
{
	const char *cmd = approve ? "booking approve" : "booking reject";
	struct cli_opt opts[] = { { "--reason", true, NULL }, { NULL, false, NULL } };
	enum access_via how;
	struct hd_err err;
	bool already;
	long long id;
	int rc;

	rc = read_booking_id(ctx, cmd, argc, argv, approve ? NULL : opts, &id, &how);
	if (rc != HD_OK)
		return rc;
	rc = approve ? booking_approve(ctx->db, &ctx->actor, id, &already, &err)
		     : booking_reject(ctx->db, &ctx->actor, id, cli_opt(opts, "--reason"), &already,
				      &err);
	if (rc != HD_OK)
		return cli_report(&err);
	if (already)
		cli_say(HD_OK,
			approve ? _("booking %lld was approved already")
				: _("booking %lld was rejected already"),
			id);
	return HD_OK;
}

static int move_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--start", true, NULL },
				  { "--end", true, NULL },
				  { "--room", true, NULL },
				  { "--following", false, NULL },
				  { NULL, false, NULL } };
	struct booking_series s = { 0 };
	struct booking_draft d = { 0 };
	const char *room;
	enum access_via how;
	struct hd_err err;
	time_t start, end;
	long long id;
	int rc;

	rc = read_booking_id(ctx, "booking move", argc, argv, opts, &id, &how);
	if (rc != HD_OK)
		return rc;
	room = cli_opt(opts, "--room");
	if (text_given(room))
		rc = record_parse(&BOOKING_RECORD.fields[BOOKING_F_room], room, &d, &err);
	if (rc == HD_OK)
		rc = clock_parse_local(cli_opt(opts, "--start"), _("Start"), &start, &err);
	if (rc == HD_OK)
		rc = clock_parse_local(cli_opt(opts, "--end"), _("End"), &end, &err);
	if (rc == HD_OK && cli_opt(opts, "--following"))
		rc = booking_move_following(ctx->db, &ctx->actor, VIA_DIRECT, id, start, end,
					    d.room, &s, &err);
	else if (rc == HD_OK)
		rc = booking_move(ctx->db, &ctx->actor, VIA_DIRECT, id, start, end, d.room, &err);
	if (rc != HD_OK)
		return cli_report(&err);
	rc = s.n ? print_lines(ctx, s.ids, s.n) : print_lines(ctx, &id, 1);
	booking_series_free(&s);
	return rc;
}

static int list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--date", true, NULL },
				  { "--room", true, NULL },
				  { NULL, false, NULL } };
	const char *args[MAX_ARGS], *room;
	struct booking *all = NULL;
	char from[16], to[16], day[16];
	struct hd_err err;
	long long room_id = 0;
	long day_no;
	int n = 0, i, nargs, rc;

	rc = cli_parse("booking list", argc, argv, 2, opts, args, 0, &nargs);
	if (rc != HD_OK)
		return rc;
	if (!cli_opt(opts, "--date"))
		return cli_say(HD_BAD_INPUT, _("booking list: give --date YYYY-MM-DD"));
	room = cli_opt(opts, "--room");
	if (room && valid_id(room, "--room", &room_id, NULL) != HD_OK)
		return cli_say(HD_BAD_INPUT, _("--room: a room's ID"));
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (clock_parse_day(cli_opt(opts, "--date"), _("Date"), &day_no, &err) != HD_OK ||
	    booking_day(ctx->db, day_no, room_id, &all, &n, &err) != HD_OK)
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
		return cancel_cmd(ctx, argc, argv);
	if (strcmp(sub, "checkin") == 0)
		return checkin_cmd(ctx, argc, argv);
	if (strcmp(sub, "list") == 0)
		return list_cmd(ctx, argc, argv);
	if (strcmp(sub, "approve") == 0 || strcmp(sub, "reject") == 0)
		return decide_cmd(ctx, argc, argv, strcmp(sub, "approve") == 0);
	if (strcmp(sub, "move") == 0)
		return move_cmd(ctx, argc, argv);
	return cli_say(
		HD_BAD_INPUT,
		_("booking: use booking add | cancel | move | checkin | approve | reject | list"));
}
